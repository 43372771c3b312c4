#!/usr/bin/env python3
"""Tests of /api/v1 (issue 11): personal tokens (add, list, revoke, scope, expiry), bearer and
session authentication with CSRF on writes, rate limiting (429 + Retry-After), the read
endpoints (enti, objectives with filters and cursor paging, one objective with the figures of
`summary --json`, audit) with ETags, and writes through the forms' use cases (412 on a stale
If-Match, 422 with JSON pointers, refusals leave the database as it was).
Usage: api_test.py TRAGUARDI_BINARY"""
import json
import os
import sqlite3
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from apitest import OTHER, OWN, ApiServer, Fixture  # noqa: E402
from webtest import Client, run  # noqa: E402

BIN = sys.argv.pop(1) if len(sys.argv) > 1 else "build/traguardi"
OBJ = "/api/v1/enti/C_VALDORA/objectives"


def phase_row(db, code, order=1):
    with sqlite3.connect(db) as c:
        return c.execute("SELECT progress_micro, version, note FROM phase WHERE objective=? AND "
                         "ord=?", (code, order)).fetchone()


def snapshot(db):
    with sqlite3.connect(db) as c:
        return (c.execute("SELECT * FROM phase ORDER BY ente, vista, objective, ord").fetchall(),
                c.execute("SELECT * FROM indicator ORDER BY ente, vista, objective, ord")
                .fetchall(),
                c.execute("SELECT count(*) FROM audit_log").fetchone())


class ApiTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.fx = Fixture(BIN)
        cls.db = cls.fx.db
        cls.t = cls.fx.tokens
        cls.server = ApiServer(BIN, cls.db)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.fx.cleanup()

    def call(self, *a, **k):
        return self.server.call(*a, **k)

    def assertProblem(self, status, headers, body, expected):
        self.assertEqual(status, expected, body)
        self.assertEqual(headers["Content-Type"], "application/problem+json")
        self.assertEqual(body["status"], expected)
        self.assertTrue(body["title"] and body["detail"])

    # --- tokens -----------------------------------------------------------------------------

    def test_token_shown_once_stored_hashed_listed_and_revoked(self):
        r = subprocess.run([BIN, "token", "add", "lettore", "--db", self.db,
                            "--scadenza", "31/12/2099"], capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        secret = r.stdout.strip().splitlines()[-1]
        self.assertRegex(secret, r"^tg_[0-9a-f]{64}$")
        with sqlite3.connect(self.db) as c:
            rows = c.execute("SELECT id, token_hash, expires FROM api_token").fetchall()
        self.assertFalse(any(secret in str(row) for row in rows))
        token_id = [row for row in rows if row[2] == "2099-12-31"][0][0]
        listing = run(BIN, "token", "list", "--db", self.db)
        self.assertIn("2099-12-31", listing)
        self.assertNotIn(secret, listing)
        self.assertEqual(self.call("GET", "/api/v1/enti", secret)[0], 200)
        run(BIN, "token", "revoke", str(token_id), "--db", self.db)
        status, headers, body = self.call("GET", "/api/v1/enti", secret)
        self.assertProblem(status, headers, body, 401)
        self.assertIn("Bearer", headers["WWW-Authenticate"])
        self.assertIn("revocato", run(BIN, "token", "list", "lettore", "--db", self.db))

    def test_token_scope_is_checked(self):
        def refused(*args):
            r = subprocess.run([BIN, "token", "add", *args, "--db", self.db],
                               capture_output=True, text=True)
            self.assertNotEqual(r.returncode, 0, r.stdout)
            return r.stderr
        self.assertIn("superiore", refused("lettore", "--ruolo", "controllo"))
        self.assertIn("C_VALDORA", refused("lettore", "--ente", "C_ALTRO"))
        self.assertIn("scadenza", refused("lettore", "--scadenza", "01/01/2001"))
        self.assertIn("gg/mm/aaaa", refused("lettore", "--scadenza", "2099-01-01"))
        self.assertIn("non trovato", refused("nessuno"))
        self.assertEqual(subprocess.run([BIN, "token", "revoke", "999999", "--db", self.db],
                                        capture_output=True).returncode, 3)
        # A narrower role than the user's is allowed, and is what the token may do.
        narrow = self.fx.token("controllo", "--ruolo", "lettore")
        path = f"{OBJ}/{OWN[0]}/{OWN[1]}/phases/1"
        self.assertEqual(self.call("PATCH", path, narrow, {"note": "x"})[0], 403)

    def test_no_or_bad_credentials_answer_401(self):
        for token in (None, "tg_" + "0" * 64, "sbagliato"):
            status, headers, body = self.call("GET", "/api/v1/enti", token)
            self.assertProblem(status, headers, body, 401)

    # --- reads ------------------------------------------------------------------------------

    def test_enti_are_those_of_the_token(self):
        self.assertEqual(self.call("GET", "/api/v1/enti", self.t["lettore"])[2],
                         {"items": [{"code": "C_VALDORA", "name": "Comune di Valdora"}]})
        self.assertEqual(self.call("GET", "/api/v1/enti", self.t["altro_ente"])[2]["items"],
                         [{"code": "C_ALTRO", "name": "Comune Altro"}])

    def test_objectives_paging_walks_every_objective_once(self):
        status, _, full = self.call("GET", OBJ + "?limit=500", self.t["lettore"])
        self.assertEqual(status, 200)
        self.assertIsNone(full["next_cursor"])
        self.assertEqual(full["total"], len(full["items"]))
        self.assertGreater(full["total"], 10)
        seen, cursor = [], None
        while True:
            q = "?limit=7" + (f"&cursor={cursor}" if cursor else "")
            status, _, page = self.call("GET", OBJ + q, self.t["lettore"])
            self.assertEqual(status, 200)
            self.assertLessEqual(len(page["items"]), 7)
            seen += page["items"]
            cursor = page["next_cursor"]
            if not cursor:
                break
        self.assertEqual(seen, full["items"])
        status, headers, body = self.call("GET", OBJ + "?cursor=zz", self.t["lettore"])
        self.assertProblem(status, headers, body, 400)
        self.assertEqual(body["errors"][0]["parameter"], "cursor")
        status, headers, body = self.call("GET", OBJ + "?limit=0", self.t["lettore"])
        self.assertEqual(body["errors"][0]["parameter"], "limit")

    def test_objective_filters(self):
        _, _, peg = self.call("GET", OBJ + "?livello=peg&limit=500", self.t["lettore"])
        self.assertTrue(peg["items"])
        self.assertTrue(all(o["level"] == "peg" for o in peg["items"]))
        _, _, cdr = self.call("GET", OBJ + "?cdr=01_S_2025&limit=500", self.t["lettore"])
        self.assertIn(OWN[1], [o["code"] for o in cdr["items"]])
        self.assertNotIn(OTHER[1], [o["code"] for o in cdr["items"]])
        _, _, vista = self.call("GET", OBJ + "?vista=NESSUNA", self.t["lettore"])
        self.assertEqual(vista["items"], [])
        status, headers, body = self.call("GET", OBJ + "?livello=altro", self.t["lettore"])
        self.assertProblem(status, headers, body, 400)

    def test_objective_has_the_figures_of_summary_json(self):
        path = f"{OBJ}/{OWN[0]}/{OWN[1]}"
        status, headers, o = self.call("GET", path, self.t["lettore"])
        self.assertEqual(status, 200)
        summary = json.loads(run(BIN, "summary", "--json", "--db", self.db, "--ente",
                                 "C_VALDORA"))
        expected = [s for s in summary["objectives"]
                    if (s["vista"], s["code"]) == OWN][0]
        expected.pop("rollup", None)
        self.assertEqual(o["figures"], expected)
        self.assertTrue(o["phases"] and o["phases"][0]["order"] == 1)
        self.assertEqual(headers["ETag"], f'"{o["etag_version"]}"')
        self.assertEqual(self.call("GET", path, self.t["lettore"],
                                   headers={"If-None-Match": headers["ETag"]})[0], 304)
        status, headers, body = self.call("GET", f"{OBJ}/{OWN[0]}/NESSUNO", self.t["lettore"])
        self.assertProblem(status, headers, body, 404)

    def test_sheet_downloads(self):
        path = f"{OBJ}/{OWN[0]}/{OWN[1]}/sheet?format="
        for fmt, ctype, magic in [("pdf", "application/pdf", b"%PDF"),
                                  ("xlsx", "application/vnd.openxmlformats-officedocument."
                                           "spreadsheetml.sheet", b"PK"),
                                  ("csv", "application/zip", b"PK")]:
            status, headers, body = self.call("GET", path + fmt, self.t["lettore"])
            self.assertEqual((status, headers["Content-Type"]), (200, ctype))
            self.assertTrue(body.startswith(magic))
            self.assertIn("attachment", headers["Content-Disposition"])
        status, headers, body = self.call("GET", path + "doc", self.t["lettore"])
        self.assertProblem(status, headers, body, 400)
        self.assertEqual(body["errors"][0]["parameter"], "format")

    def test_centers_and_persons(self):
        status, _, centers = self.call("GET", "/api/v1/enti/C_VALDORA/centers", self.t["lettore"])
        self.assertEqual(status, 200)
        self.assertIn("01_S_2025", [c["code"] for c in centers["items"]])
        status, _, persons = self.call("GET", "/api/v1/enti/C_VALDORA/persons", self.t["lettore"])
        self.assertEqual(status, 200)
        _, _, o = self.call("GET", f"{OBJ}/{OWN[0]}/{OWN[1]}", self.t["lettore"])
        self.assertIn(o["responsible"], [p["key"] for p in persons["items"]])

    def test_other_ente_is_not_found_not_forbidden(self):
        for role in ("amministratore", "lettore"):
            for path in ("/api/v1/enti/C_ALTRO/objectives",
                         "/api/v1/enti/C_ALTRO/objectives/DUP_2099/2099_X_01",
                         "/api/v1/enti/C_ALTRO/audit", "/api/v1/enti/C_ALTRO/centers",
                         "/api/v1/enti/C_ALTRO/persons",
                         "/api/v1/enti/C_ALTRO/objectives/DUP_2099/2099_X_01/sheet?format=pdf"):
                status, headers, body = self.call("GET", path, self.t[role])
                self.assertProblem(status, headers, body, 404)
                self.assertNotIn("Segret", json.dumps(body))

    def test_audit_for_oversight_roles_only(self):
        status, _, page = self.call("GET", "/api/v1/enti/C_VALDORA/audit?limit=3",
                                    self.t["controllo"])
        self.assertEqual(status, 200)
        self.assertLessEqual(len(page["items"]), 3)
        for role in ("responsabile", "lettore"):
            status, headers, body = self.call("GET", "/api/v1/enti/C_VALDORA/audit", self.t[role])
            self.assertProblem(status, headers, body, 403)
        status, headers, body = self.call("GET", "/api/v1/enti/C_VALDORA/audit?dal=31/12/2025",
                                          self.t["controllo"])
        self.assertEqual(body["errors"][0]["parameter"], "dal")

    def test_unknown_api_path_is_a_problem(self):
        status, headers, body = self.call("GET", "/api/v1/nessuno", self.t["lettore"])
        self.assertProblem(status, headers, body, 404)
        status, headers, body = self.call("DELETE", "/api/v1/enti", self.t["lettore"])
        self.assertEqual(headers["Content-Type"], "application/problem+json")

    # --- sessions ---------------------------------------------------------------------------

    def test_web_session_reads_and_needs_csrf_to_write(self):
        c = Client(self.server)
        self.assertEqual(c.login("responsabile")[0], 303)
        page = f"/obiettivo/{OWN[0]}/{OWN[1]}/fase/1"
        self.assertEqual(c.get(page)[0], 200)  # the form carries the session's CSRF token
        self.assertTrue(c.csrf)
        cookie = "; ".join(f"{k.name}={k.value}" for k in c.jar)
        path = f"{OBJ}/{OWN[0]}/{OWN[1]}/phases/1"
        status, _, body = self.call("GET", path, headers={"Cookie": cookie})
        self.assertEqual(status, 200)
        before = phase_row(self.db, OWN[1])
        status, headers, body = self.call("PATCH", path, body={"note": "dalla sessione"},
                                          headers={"Cookie": cookie})
        self.assertProblem(status, headers, body, 403)
        self.assertEqual(phase_row(self.db, OWN[1]), before)
        status, _, body = self.call("PATCH", path, body={"note": "dalla sessione"},
                                    headers={"Cookie": cookie, "X-CSRF-Token": c.csrf})
        self.assertEqual(status, 200, body)
        self.assertEqual(phase_row(self.db, OWN[1])[2], "dalla sessione")

    # --- writes -----------------------------------------------------------------------------

    def test_patch_phase_exact_value_with_if_match(self):
        path = f"{OBJ}/{OWN[0]}/{OWN[1]}/phases/2"
        _, headers, phase = self.call("GET", path, self.t["responsabile"])
        etag = headers["ETag"]
        status, headers, after = self.call("PATCH", path, self.t["responsabile"],
                                           {"avanzamento": 45.125},
                                           headers={"If-Match": etag})
        self.assertEqual(status, 200, after)
        self.assertEqual(after["avanzamento"], "45.125")
        self.assertEqual(phase_row(self.db, OWN[1], 2)[0], 45125000)
        self.assertNotEqual(headers["ETag"], etag)
        self.assertEqual(after["note"], phase["note"])  # fields not sent stay as they were
        before = snapshot(self.db)
        status, headers, body = self.call("PATCH", path, self.t["responsabile"],
                                          {"avanzamento": "50"}, headers={"If-Match": etag})
        self.assertProblem(status, headers, body, 412)
        self.assertEqual(snapshot(self.db), before)

    def test_patch_indicator_raggiunto(self):
        path = f"{OBJ}/{OWN[0]}/{OWN[1]}/indicators/1"
        status, _, ind = self.call("GET", path, self.t["controllo"])
        self.assertEqual(status, 200, ind)
        status, _, after = self.call("PATCH", path, self.t["controllo"],
                                     {"valore_raggiunto": "1234.5", "note": None})
        self.assertEqual(status, 200, after)
        self.assertEqual(after["valore_raggiunto"], "1234.5")
        self.assertEqual(after["note"], "")

    def test_invalid_fields_are_problems_with_pointers(self):
        path = f"{OBJ}/{OWN[0]}/{OWN[1]}/phases/1"
        before = snapshot(self.db)
        status, headers, body = self.call(
            "PATCH", path, self.t["amministratore"],
            {"avanzamento": 150, "inizio_effettivo": "31/12/2025", "colore": "rosso",
             "note": 7})
        self.assertProblem(status, headers, body, 422)
        pointers = {e["pointer"] for e in body["errors"]}
        self.assertEqual(pointers, {"/inizio_effettivo", "/colore", "/note"})
        status, headers, body = self.call("PATCH", path, self.t["amministratore"],
                                          {"avanzamento": 150})
        self.assertProblem(status, headers, body, 422)
        self.assertEqual(body["errors"][0]["pointer"], "/avanzamento")
        self.assertIn("100", body["errors"][0]["detail"])
        status, headers, body = self.call("PATCH", path, self.t["amministratore"],
                                          {"avanzamento": 1e300})
        self.assertProblem(status, headers, body, 422)
        status, headers, body = self.call("PATCH", path, self.t["amministratore"],
                                          raw=b'{"note": "\xff"}',
                                          headers={"Content-Type": "application/json"})
        self.assertProblem(status, headers, body, 400)
        status, headers, body = self.call("PATCH", path, self.t["amministratore"],
                                          raw=b"note=x",
                                          headers={"Content-Type": "text/plain"})
        self.assertProblem(status, headers, body, 415)
        self.assertEqual(snapshot(self.db), before)

    def test_refused_writes_change_nothing(self):
        before = snapshot(self.db)
        for token, path, expected in [
                ("lettore", f"{OBJ}/{OWN[0]}/{OWN[1]}/phases/1", 403),
                ("responsabile", f"{OBJ}/{OTHER[0]}/{OTHER[1]}/phases/1", 403),
                ("altro_ente", f"{OBJ}/{OWN[0]}/{OWN[1]}/phases/1", 404),
                ("amministratore",
                 "/api/v1/enti/C_ALTRO/objectives/DUP_2099/2099_X_01/phases/1", 404)]:
            status, headers, body = self.call("PATCH", path, self.t[token], {"avanzamento": 99})
            self.assertProblem(status, headers, body, expected)
        self.assertEqual(snapshot(self.db), before)


class PostgresTest(unittest.TestCase):
    """Tokens, reads and a conditional write on PostgreSQL (scripts/with-postgres)."""

    def test_postgresql(self):
        admin = os.environ.get("TRAGUARDI_TEST_PG_URL")
        if not admin:
            if os.environ.get("CI") == "true":
                self.fail("TRAGUARDI_TEST_PG_URL missing under CI (run through "
                          "scripts/with-postgres)")
            self.skipTest("no PostgreSQL (scripts/with-postgres)")
        name = f"traguardi_api_{os.getpid()}"
        psql = ["psql", admin, "-qc"]
        subprocess.run(psql + [f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"], check=True)
        subprocess.run(psql + [f"CREATE DATABASE {name}"], check=True)
        try:
            fx = Fixture(BIN, admin.rsplit("/", 1)[0] + "/" + name)
            server = ApiServer(BIN, fx.db)
            try:
                path = f"{OBJ}/{OWN[0]}/{OWN[1]}/phases/1"
                token = fx.tokens["responsabile"]
                status, headers, _ = server.call("GET", path, token)
                self.assertEqual(status, 200)
                etag = headers["ETag"]
                status, _, body = server.call("PATCH", path, token, {"avanzamento": "12.5"},
                                              headers={"If-Match": etag})
                self.assertEqual((status, body["avanzamento"]), (200, "12.5"))
                status, _, _ = server.call("PATCH", path, token, {"avanzamento": 13},
                                           headers={"If-Match": etag})
                self.assertEqual(status, 412)
                self.assertEqual(server.call("GET", path, fx.tokens["altro_ente"])[0], 404)
                listing = run(BIN, "token", "list", "responsabile", "--db", fx.db)
                token_id = listing.splitlines()[1].split()[0]
                run(BIN, "token", "revoke", token_id, "--db", fx.db)
                self.assertEqual(server.call("GET", path, token)[0], 401)
            finally:
                server.stop()
                fx.cleanup()
        finally:
            subprocess.run(psql + [f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"])


class RateLimitTest(unittest.TestCase):
    def test_429_with_retry_after_per_token(self):
        fx = Fixture(BIN)
        server = ApiServer(BIN, fx.db, "--api-limite", "5")
        try:
            statuses = [server.call("GET", "/api/v1/enti", fx.tokens["lettore"])[0]
                        for _ in range(6)]
            self.assertEqual(statuses, [200] * 5 + [429])
            status, headers, body = server.call("GET", "/api/v1/enti", fx.tokens["lettore"])
            self.assertEqual(status, 429)
            self.assertEqual(headers["Content-Type"], "application/problem+json")
            self.assertGreaterEqual(int(headers["Retry-After"]), 1)
            # Another token has its own budget.
            self.assertEqual(server.call("GET", "/api/v1/enti", fx.tokens["controllo"])[0], 200)
        finally:
            server.stop()
            fx.cleanup()


if __name__ == "__main__":
    unittest.main(verbosity=2)
