#!/usr/bin/env python3
"""HTTP tests of `traguardi serve` (issue 10): every page for every role, refusals (403 and
nothing changed), CSRF, stale edits (409), invalid values (400), ente isolation, login rate
limit, logout, and two servers sharing one database (SQLite file, and PostgreSQL when
scripts/with-postgres provides TRAGUARDI_TEST_PG_URL).
Usage: http_test.py TRAGUARDI_BINARY"""
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import unittest
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from webtest import PASSWORD, Client, Server, add_user, run  # noqa: E402

BIN = sys.argv.pop(1) if len(sys.argv) > 1 else "build/traguardi"
OWN = "/obiettivo/DUP_2025_2027/2025_S01_01"      # CdR 01_S_2025.x: the responsabile's
OTHER = "/obiettivo/DUP_2025_2027/2025_S02_01"    # another CdR
OTHER_ENTE_PLAN = {
    "format": "traguardi", "format_version": 1,
    "enti": [{"ente": {"code": "C_ALTRO", "name": "Comune Altro"},
              "vistas": [{"code": "DUP_2099"}],
              "objectives": [{"vista": "DUP_2099", "code": "2099_X_01", "level": "peg",
                              "year": 2099, "phases": [{"order": 1, "description": "Segreta",
                                                        "weight": "100", "progress": "10"}]}]}]}


def phase_row(db, code, order=1):
    with sqlite3.connect(db) as c:
        return c.execute("SELECT progress_micro, version FROM phase WHERE objective=? AND ord=?",
                         (code, order)).fetchone()


class WebTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.db = os.path.join(cls.tmp.name, "web.db")
        run(BIN, "demo", "--db", cls.db)
        plan = os.path.join(cls.tmp.name, "altro.json")
        with open(plan, "w") as f:
            json.dump(OTHER_ENTE_PLAN, f)
        run(BIN, "import", plan, "--db", cls.db)
        add_user(BIN, cls.db, "admin", "amministratore")
        add_user(BIN, cls.db, "controllo", "controllo")
        add_user(BIN, cls.db, "resp", "responsabile", cdr="01_S_2025")
        add_user(BIN, cls.db, "lettore", "lettore")
        add_user(BIN, cls.db, "bloccato", "lettore")
        add_user(BIN, cls.db, "altro", "amministratore", ente="C_ALTRO")
        cls.server = Server(BIN, cls.db)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.tmp.cleanup()

    def signed_in(self, name):
        c = Client(self.server)
        status, headers, _ = c.login(name)
        self.assertEqual(status, 303, f"login {name}")
        cookie = headers.get("Set-Cookie", "")
        self.assertIn("HttpOnly", cookie)
        self.assertIn("SameSite=Strict", cookie)
        return c

    def test_health_and_security_headers(self):
        status, headers, body = Client(self.server).get("/healthz")
        self.assertEqual((status, body), (200, "ok\n"))
        csp = headers["Content-Security-Policy"]
        self.assertIn("script-src 'self'", csp)
        self.assertNotIn("unsafe-inline", csp)
        self.assertIn("frame-ancestors 'none'", csp)
        self.assertEqual(headers["X-Content-Type-Options"], "nosniff")
        self.assertEqual(headers["Referrer-Policy"], "same-origin")

    def test_static_assets_have_etag_and_long_cache(self):
        c = Client(self.server)
        status, headers, body = c.get("/static/bootstrap-italia/css/bootstrap-italia.min.css")
        self.assertEqual(status, 200)
        self.assertGreater(len(body), 100000)
        self.assertIn("max-age=", headers["Cache-Control"])
        etag = headers["ETag"]
        self.assertTrue(etag.startswith('"'))
        req = urllib.request.Request(self.server.base + "/static/bootstrap-italia/css/"
                                     "bootstrap-italia.min.css", headers={"If-None-Match": etag})
        try:
            urllib.request.urlopen(req)
            self.fail("expected 304")
        except urllib.error.HTTPError as e:
            self.assertEqual(e.code, 304)
        self.assertEqual(c.get("/static/../web.db")[0], 404)

    def test_anonymous_is_sent_to_login(self):
        c = Client(self.server)
        for path in ["/", "/piano", OWN, "/utenti", OWN + "/scheda.pdf"]:
            status, headers, _ = c.get(path)
            self.assertEqual(status, 303, path)
            self.assertTrue(headers["Location"].startswith("/accesso"), path)

    def test_every_page_for_every_role(self):
        pages = ["/", "/piano", "/piano?q=digitale&livello=peg", "/piano?pagina=2", OWN, OTHER,
                 "/obiettivo/DUP_2025_2027/DUP_01"]
        expected_fase = {"admin": 200, "controllo": 200, "resp": 200, "lettore": 403}
        for name in ["admin", "controllo", "resp", "lettore"]:
            c = self.signed_in(name)
            for path in pages:
                status, _, body = c.get(path)
                self.assertEqual(status, 200, f"{name} {path}")
                self.assertIn('<html lang="it">', body)
            self.assertEqual(c.get(OWN + "/fase/1")[0], expected_fase[name], name)
            self.assertEqual(c.get(OWN + "/indicatore/1")[0], expected_fase[name], name)
            self.assertEqual(c.get(OTHER + "/fase/1")[0], 403 if name in ("resp", "lettore") else 200)
            self.assertEqual(c.get("/utenti")[0], 200 if name == "admin" else 403, name)
            for fmt, ctype in [("pdf", "application/pdf"), ("xlsx", "spreadsheetml"),
                               ("csv", "application/zip")]:  # one CSV per table, zipped
                status, headers, body = c.get(OWN + "/scheda." + fmt)
                self.assertEqual(status, 200, f"{name} {fmt}")
                self.assertIn(ctype, headers["Content-Type"])
                status, headers, body = c.get("/piano/elenco." + fmt + "?livello=peg")
                self.assertEqual(status, 200, f"{name} list {fmt}")

    def test_objective_page_explains_figures(self):
        c = self.signed_in("lettore")
        status, _, body = c.get(OWN)
        self.assertEqual(status, 200)
        self.assertIn("Dati calcolati", body)
        self.assertIn('role="img"', body)       # Gantt and history charts
        self.assertIn("GANTT dell&#39;obiettivo 2025_S01_01", body)
        self.assertNotIn("Aggiorna</a>", body)  # read only

    def test_responsabile_updates_own_cdr_only(self):
        c = self.signed_in("resp")
        before = phase_row(self.db, "2025_S01_01", 2)
        c.get(OWN + "/fase/2")
        status, headers, _ = c.post(OWN + "/fase/2", {"versione": before[1], "avanzamento": "37,5"})
        self.assertEqual(status, 303)
        self.assertEqual(phase_row(self.db, "2025_S01_01", 2), (37500000, before[1] + 1))
        other_before = phase_row(self.db, "2025_S02_01", 1)
        status, _, body = c.post(OTHER + "/fase/1", {"versione": other_before[1], "avanzamento": "1"})
        self.assertEqual(status, 403)
        self.assertEqual(phase_row(self.db, "2025_S02_01", 1), other_before)

    def test_lettore_cannot_change_anything(self):
        c = self.signed_in("lettore")
        c.get("/")
        before = phase_row(self.db, "2025_S01_01", 1)
        self.assertEqual(c.post(OWN + "/fase/1", {"versione": before[1], "avanzamento": "3"})[0], 403)
        self.assertEqual(c.post("/utenti", {"nome": "nuovo", "ruolo": "amministratore",
                                            "password": PASSWORD})[0], 403)
        self.assertEqual(phase_row(self.db, "2025_S01_01", 1), before)
        self.assertNotIn("nuovo", run(BIN, "user", "list", "--db", self.db))

    def test_csrf_refused(self):
        c = self.signed_in("controllo")
        before = phase_row(self.db, "2025_S01_01", 1)
        status, _, body = c.post(OWN + "/fase/1", {"versione": before[1], "avanzamento": "9",
                                                   "csrf": "0" * 64})
        self.assertEqual(status, 403)
        self.assertIn("CSRF", body)
        status, _, _ = c.post(OWN + "/fase/1", {"versione": before[1], "avanzamento": "9"}, csrf=False)
        self.assertEqual(status, 403)
        self.assertEqual(phase_row(self.db, "2025_S01_01", 1), before)

    def test_stale_edit_is_409_and_keeps_typed_values(self):
        a, b = self.signed_in("controllo"), self.signed_in("admin")
        _, _, form = a.get(OWN + "/indicatore/1")
        b.get(OWN + "/indicatore/1")
        with sqlite3.connect(self.db) as con:
            v = con.execute("SELECT version FROM indicator WHERE objective='2025_S01_01' AND ord=1"
                            ).fetchone()[0]
        self.assertEqual(b.post(OWN + "/indicatore/1", {"versione": v, "valore_raggiunto": "11"})[0], 303)
        status, _, body = a.post(OWN + "/indicatore/1", {"versione": v, "valore_raggiunto": "77,25",
                                                         "orig_valore_raggiunto": ""})
        self.assertEqual(status, 409)
        self.assertIn("Cosa è cambiato nel frattempo", body)
        self.assertIn('value="77,25"', body)
        self.assertIn("11,00", body)
        with sqlite3.connect(self.db) as con:
            self.assertEqual(con.execute("SELECT actual_micro FROM indicator WHERE "
                                         "objective='2025_S01_01' AND ord=1").fetchone()[0], 11000000)

    def test_invalid_value_shown_next_to_field(self):
        c = self.signed_in("admin")
        before = phase_row(self.db, "2025_S01_01", 1)
        c.get(OWN + "/fase/1")
        status, _, body = c.post(OWN + "/fase/1", {"versione": before[1], "avanzamento": "150"})
        self.assertEqual(status, 400)
        self.assertIn('id="e-avanzamento"', body)
        self.assertIn("tra 0 e 100", body)
        self.assertEqual(phase_row(self.db, "2025_S01_01", 1), before)

    def test_other_ente_unreachable(self):
        for name in ["admin", "lettore", "resp"]:
            c = self.signed_in(name)
            for path in ["/obiettivo/DUP_2099/2099_X_01", "/obiettivo/DUP_2099/2099_X_01?ente=C_ALTRO",
                         "/?ente=C_ALTRO", "/piano?ente=C_ALTRO",
                         "/obiettivo/DUP_2099/2099_X_01/scheda.pdf?ente=C_ALTRO",
                         "/piano/elenco.csv?ente=C_ALTRO"]:
                status, _, body = c.get(path)
                self.assertEqual(status, 404, f"{name} {path}")
                self.assertNotIn("Segreta", str(body))
        c = self.signed_in("altro")
        status, _, body = c.get("/obiettivo/DUP_2099/2099_X_01")
        self.assertEqual(status, 200)
        self.assertEqual(c.get(OWN)[0], 404)
        _, _, users = c.get("/utenti")
        self.assertNotIn(">resp<", users)

    def test_login_rate_limit_and_lockout(self):
        c = Client(self.server)
        for _ in range(4):
            self.assertEqual(c.login("bloccato", "sbagliata-123")[0], 401)
        status, _, body = c.login("bloccato", "sbagliata-123")
        self.assertEqual(status, 429)
        self.assertIn("troppi tentativi", body)
        status, _, body = c.login("bloccato", PASSWORD)  # right password, still locked
        self.assertEqual(status, 429)

    def test_logout_ends_session(self):
        c = self.signed_in("lettore")
        c.get("/")
        self.assertEqual(c.post("/esci", {})[0], 303)
        self.assertEqual(c.get("/")[0], 303)

    def test_admin_creates_and_disables_user(self):
        c = self.signed_in("admin")
        c.get("/utenti")
        status, _, body = c.post("/utenti", {"nome": "X", "ruolo": "lettore", "password": "corta"})
        self.assertEqual(status, 400)
        self.assertIn('id="e-nome"', body)
        status, _, body = c.post("/utenti", {"nome": "nuova.lettrice", "ruolo": "lettore",
                                             "password": PASSWORD})
        self.assertEqual(status, 200)
        self.assertEqual(self.signed_in("nuova.lettrice").get("/")[0], 200)
        c.get("/utenti")
        self.assertEqual(c.post("/utenti/nuova.lettrice/disattiva", {})[0], 303)
        self.assertEqual(Client(self.server).login("nuova.lettrice")[0], 401)


class TwoServersTest(unittest.TestCase):
    """The server keeps no state: a session opened on one process continues on another."""

    def check_two_servers(self, db):
        run(BIN, "demo", "--db", db)
        add_user(BIN, db, "controllo", "controllo")
        one, two = Server(BIN, db), Server(BIN, db)
        try:
            c = Client(one)
            self.assertEqual(c.login("controllo")[0], 303)
            c.server = two
            status, _, body = c.get(OWN + "/fase/1")
            self.assertEqual(status, 200)
            self.assertIn("Aggiorna la fase", body)
            import re
            version = re.search(r'name="versione" value="(\d+)"', body).group(1)
            self.assertEqual(c.post(OWN + "/fase/1", {"versione": version, "avanzamento": "12"})[0], 303)
            c.server = one
            _, _, page = c.get(OWN)
            self.assertIn("12,0%", page)
        finally:
            one.stop()
            two.stop()

    def test_sqlite(self):
        with tempfile.TemporaryDirectory() as tmp:
            self.check_two_servers(os.path.join(tmp, "due.db"))

    def test_postgresql(self):
        admin = os.environ.get("TRAGUARDI_TEST_PG_URL")
        if not admin:
            if os.environ.get("CI") == "true":
                self.fail("TRAGUARDI_TEST_PG_URL missing under CI (run through scripts/with-postgres)")
            self.skipTest("no PostgreSQL (scripts/with-postgres)")
        name = f"traguardi_web_{os.getpid()}"
        subprocess.run(["psql", admin, "-qc", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"], check=True)
        subprocess.run(["psql", admin, "-qc", f"CREATE DATABASE {name}"], check=True)
        try:
            base = admin.rsplit("/", 1)[0]
            self.check_two_servers(f"{base}/{name}")
        finally:
            subprocess.run(["psql", admin, "-qc", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
