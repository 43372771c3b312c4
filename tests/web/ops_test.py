#!/usr/bin/env python3
"""HTTP tests of the audit log page (/registro), the upload of a legacy sheet (/importa: dry
run, then confirm), the ente picker (/enti) and HTTPS (--tls-cert/--tls-key), against a real
`traguardi serve` on 127.0.0.1. The sheet is a real Scheda PEG extraction from
../shared/seeds (under CI=true a missing seed fails the test).
Usage: ops_test.py TRAGUARDI_BINARY"""
import glob
import html
import http.cookiejar
import json
import os
import re
import sqlite3
import ssl
import subprocess
import sys
import tempfile
import unittest
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from webtest import PASSWORD, Client, Server, add_user, run  # noqa: E402

BIN = sys.argv.pop(1) if len(sys.argv) > 1 else "build/traguardi"
HERE = os.path.dirname(os.path.abspath(__file__))
SEEDS = os.path.join(HERE, "..", "..", "..", "shared", "seeds")
OWN = "/obiettivo/DUP_2025_2027/2025_S01_01"      # CdR 01_S_2025.x: the responsabile's
OTHER = "/obiettivo/DUP_2025_2027/2025_S02_01"    # another CdR
OTHER_ENTE_PLAN = {
    "format": "traguardi", "format_version": 1,
    "enti": [{"ente": {"code": "C_ALTRO", "name": "Comune Altro"},
              "vistas": [{"code": "DUP_2099"}],
              "objectives": [{"vista": "DUP_2099", "code": "2099_X_01", "level": "peg",
                              "year": 2099, "phases": [{"order": 1, "description": "Segreta",
                                                        "weight": "100", "progress": "10"}]}]}]}


def seed_peg():
    """The Scheda PEG di rendicontazione among the seeds (bytes), or None."""
    for path in sorted(glob.glob(os.path.join(SEEDS, "*.txt"))):
        with open(path, "rb") as f:
            data = f.read()
        if b"SCHEDA PEG DI RENDICONTAZIONE" in data[:400]:
            return data
    return None


def count(db, sql, *args):
    with sqlite3.connect(db) as c:
        return c.execute(sql, args).fetchone()[0]


def hidden(page, name):
    m = re.search(r'name="%s" value="([^"]*)"' % name, page)
    return html.unescape(m.group(1)) if m else None


class OpsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.sheet = seed_peg()
        cls.tmp = tempfile.TemporaryDirectory()
        cls.db = os.path.join(cls.tmp.name, "ops.db")
        run(BIN, "demo", "--db", cls.db)
        plan = os.path.join(cls.tmp.name, "altro.json")
        with open(plan, "w") as f:
            json.dump(OTHER_ENTE_PLAN, f)
        run(BIN, "import", plan, "--db", cls.db)
        add_user(BIN, cls.db, "admin", "amministratore")
        add_user(BIN, cls.db, "controllo", "controllo")
        add_user(BIN, cls.db, "resp", "responsabile", cdr="01_S_2025")
        add_user(BIN, cls.db, "lettore", "lettore")
        add_user(BIN, cls.db, "altro", "amministratore", ente="C_ALTRO")
        add_user(BIN, cls.db, "nazionale", "amministratore", ente="")
        cls.server = Server(BIN, cls.db)
        # Changes by two users on two CdR, so that the log has something to filter and scope.
        c = cls.signed_in(cls, "controllo")
        c.get(OTHER + "/fase/1")
        version = hidden_version(c, OTHER + "/fase/1")
        assert c.post(OTHER + "/fase/1", {"versione": version, "avanzamento": "33"})[0] == 303
        r = cls.signed_in(cls, "resp")
        version = hidden_version(r, OWN + "/fase/1")
        assert r.post(OWN + "/fase/1", {"versione": version, "avanzamento": "44"})[0] == 303

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.tmp.cleanup()

    def signed_in(self, name):
        c = Client(self.server)
        status, _, _ = c.login(name)
        assert status == 303, f"login {name}: {status}"
        return c

    def need_sheet(self):
        if self.sheet is None:
            if os.environ.get("CI") == "true":
                self.fail("Scheda PEG seed not found in ../shared/seeds (required under CI)")
            self.skipTest("Scheda PEG seed not found in ../shared/seeds")

    # --- the audit log page -------------------------------------------------------------

    def test_registro_for_every_role(self):
        for name in ["admin", "controllo", "lettore", "resp"]:
            c = self.signed_in(name)
            status, _, body = c.get("/registro")
            self.assertEqual(status, 200, name)
            self.assertIn('id="verifica"', body)
            self.assertIn("Registro integro", body)
            self.assertRegex(body, r"Catena di hash verificata: \d+ voc")
            self.assertIn("Registro delle modifiche", body)

    def test_registro_shows_who_when_and_what_changed(self):
        c = self.signed_in("lettore")
        _, _, body = c.get("/registro?obiettivo=2025_S02_01")
        self.assertIn("<strong>controllo</strong>", body)
        self.assertIn("2025_S02_01/fase 1", body)
        self.assertRegex(body, r"\d\d/\d\d/\d{4} \d\d:\d\d:\d\d UTC")
        self.assertIn("33", body)
        self.assertIn('href="/obiettivo/DUP_2025_2027/2025_S02_01"', body)

    def test_registro_filters(self):
        c = self.signed_in("admin")
        _, _, body = c.get("/registro?utente=resp")
        self.assertIn("2025_S01_01/fase 1", body)
        self.assertNotIn("2025_S02_01/fase 1", body)
        _, _, body = c.get("/registro?azione=importazione")
        self.assertIn("importazione", body)
        self.assertNotIn("/fase 1", body)
        _, _, body = c.get("/registro?al=01/01/2000")
        self.assertIn("0 modifiche trovate", body)
        _, _, body = c.get("/registro?dal=01/01/2000&obiettivo=2025_S01_01")
        rows = body.count("<strong>resp</strong>")
        self.assertGreater(rows, 0)
        self.assertIn(f"{rows} modifiche trovate", body)
        _, _, body = c.get("/registro?azione=importazione&dal=01/01/2000")
        self.assertIn("1 modifica trovata", body)

    def test_registro_wrong_date_next_to_field(self):
        c = self.signed_in("admin")
        status, _, body = c.get("/registro?dal=31/02/2025")
        self.assertEqual(status, 400)
        self.assertIn('id="e-dal"', body)
        self.assertIn('aria-invalid="true"', body)

    def test_registro_responsabile_sees_only_own_cdr(self):
        c = self.signed_in("resp")
        _, _, body = c.get("/registro")
        self.assertIn("2025_S01_01/fase 1", body)
        self.assertNotIn("2025_S02_01", body)
        self.assertNotIn(">importazione<", body)
        _, _, body = c.get("/registro?obiettivo=2025_S02_01")
        self.assertIn("0 modifiche trovate", body)

    def test_registro_of_another_ente_unreachable(self):
        for name in ["admin", "lettore", "resp"]:
            c = self.signed_in(name)
            status, _, body = c.get("/registro?ente=C_ALTRO")
            self.assertEqual(status, 404, name)
            self.assertNotIn("2099_X_01", body)
        c = self.signed_in("altro")
        _, _, body = c.get("/registro")
        self.assertIn("C_ALTRO", body)
        self.assertNotIn("2025_S01_01", body)

    def test_objective_page_links_to_its_history(self):
        c = self.signed_in("lettore")
        _, _, body = c.get(OTHER)
        self.assertIn('href="/registro?obiettivo=2025_S02_01"', body)

    def test_registro_paged(self):
        c = self.signed_in("admin")
        # Enough changes for two pages of 50.
        for i in range(26):
            for path in [OWN + "/fase/1", OTHER + "/fase/1"]:
                v = hidden_version(c, path)
                self.assertEqual(c.post(path, {"versione": v, "avanzamento": str(50 + i)})[0], 303)
        _, _, body = c.get("/registro?utente=admin")
        self.assertIn("52 modifiche trovate (pagina 1 di 2)", body)
        self.assertIn("pagina=2", body)
        _, _, body2 = c.get("/registro?utente=admin&pagina=2")
        self.assertIn("(pagina 2 di 2)", body2)
        self.assertEqual(body2.count("<strong>admin</strong>"), 2)

    # --- upload of a legacy sheet -------------------------------------------------------

    def test_upload_form_roles(self):
        for name, expected in [("admin", 200), ("controllo", 200), ("resp", 403), ("lettore", 403)]:
            c = self.signed_in(name)
            status, _, body = c.get("/importa")
            self.assertEqual(status, expected, name)
            if expected == 200:
                self.assertIn('enctype="multipart/form-data"', body)

    def test_upload_refused_for_readers_and_nothing_changes(self):
        self.need_sheet()
        before = count(self.db, "SELECT count(*) FROM objective")
        for name in ["resp", "lettore"]:
            c = self.signed_in(name)
            c.get("/")
            status, _, _ = c.multipart("/importa/prova", {}, [("scheda", "peg.txt", self.sheet)])
            self.assertEqual(status, 403, name)
            status, _, _ = c.multipart("/importa/conferma", {"nome": "peg.txt",
                                                             "contenuto": "", "impronta": "0"})
            self.assertEqual(status, 403, name)
        self.assertEqual(count(self.db, "SELECT count(*) FROM objective"), before)

    def test_upload_csrf_refused(self):
        self.need_sheet()
        c = self.signed_in("admin")
        c.get("/importa")
        status, _, body = c.multipart("/importa/prova", {}, [("scheda", "peg.txt", self.sheet)],
                                      csrf=False)
        self.assertEqual(status, 403)
        self.assertIn("CSRF", body)

    def test_upload_refuses_large_binary_pdf_and_empty(self):
        c = self.signed_in("controllo")
        c.get("/importa")
        for content, words in [(b"x" * (4 * 1024 * 1024 + 1), "troppo grande"),
                               (b"PK\x03\x04\x00\x00\x01\x02" * 64, "non è un file di testo"),
                               (b"%PDF-1.4\n1 0 obj\n", "è un PDF"),
                               (b"", "file è vuoto"),
                               (b"solo una riga di testo\n", "scheda")]:
            status, _, body = c.multipart("/importa/prova", {}, [("scheda", "f.txt", content)])
            self.assertEqual(status, 400, words)
            self.assertIn(words, body)
            self.assertIn('id="e-scheda"', body)

    def test_upload_dry_run_then_confirm(self):
        self.need_sheet()
        objectives = count(self.db, "SELECT count(*) FROM objective")
        audit = count(self.db, "SELECT count(*) FROM audit_log")
        c = self.signed_in("controllo")
        c.get("/importa")
        status, _, body = c.multipart("/importa/prova", {},
                                      [("scheda", "scheda peg.txt", self.sheet)])
        self.assertEqual(status, 200, body[:2000])
        self.assertIn("nulla è stato ancora scritto", body)
        self.assertRegex(body, r"scheda peg\.txt:\d+: ")          # findings: file:line
        self.assertIn("Cinisello", body)                             # the sheet's ente, warned
        new = len(re.findall(r"<td>nuovo</td>", body))
        self.assertGreater(new, 10)
        self.assertIn(f"<strong>{new}</strong> nuovi", body)
        self.assertEqual(count(self.db, "SELECT count(*) FROM objective"), objectives)
        self.assertEqual(count(self.db, "SELECT count(*) FROM audit_log"), audit)
        fields = {k: hidden(body, k) for k in ["nome", "contenuto", "impronta"]}
        self.assertTrue(all(fields.values()))

        # Tampered: other content with the same seal, a plain SHA-256 as seal, another session.
        import base64
        import hashlib
        bad = dict(fields, contenuto=base64.b64encode(self.sheet.replace(b"2021", b"2022")).decode())
        self.assertEqual(c.multipart("/importa/conferma", bad)[0], 403)
        bad = dict(fields, impronta=hashlib.sha256(self.sheet).hexdigest())
        self.assertEqual(c.multipart("/importa/conferma", bad)[0], 403)
        other = self.signed_in("controllo")
        other.get("/importa")
        status, _, body403 = other.multipart("/importa/conferma", fields)
        self.assertEqual(status, 403)
        self.assertIn("Nessun dato è stato scritto", body403)
        self.assertEqual(c.multipart("/importa/conferma", fields, csrf=False)[0], 403)
        self.assertEqual(count(self.db, "SELECT count(*) FROM objective"), objectives)

        status, _, done = c.multipart("/importa/conferma", fields)
        self.assertEqual(status, 200, done[:2000])
        self.assertIn("importata nell&#39;ente Comune di Valdora", done)
        self.assertGreaterEqual(count(self.db, "SELECT count(*) FROM objective"), objectives + new)
        with sqlite3.connect(self.db) as db:
            actor, action = db.execute(
                "SELECT actor, action FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
        self.assertEqual((actor, action), ("controllo", "importazione"))
        code = re.search(r"<td>(DUP_[0-9_]+)</td><td>([0-9A-Z_]+)</td>", body)
        _, _, plan = c.get("/piano?q=" + code.group(2))
        self.assertIn(code.group(2), plan)
        # The same sheet again: nothing to do, no confirm offered.
        status, _, again = c.multipart("/importa/prova", {}, [("scheda", "scheda peg.txt",
                                                               self.sheet)])
        self.assertEqual(status, 200)
        self.assertIn("già importata", again)
        self.assertNotIn("/importa/conferma", again)

    # --- the ente picker ------------------------------------------------------------------

    def test_picker_for_a_user_with_several_enti(self):
        c = self.signed_in("nazionale")
        status, _, body = c.get("/enti")
        self.assertEqual(status, 200)
        self.assertIn("C_ALTRO", body)
        self.assertIn("C_VALDORA", body)
        self.assertIn('href="/enti"', body)                         # "Cambia ente" in the header
        status, headers, _ = c.post("/enti", {"ente": "C_ALTRO"})
        self.assertEqual(status, 303)
        cookie = headers.get("Set-Cookie", "")
        self.assertIn("tg_ente=C_ALTRO", cookie)
        self.assertIn("HttpOnly", cookie)
        _, _, home = c.get("/")
        self.assertIn("Comune Altro", home)
        self.assertEqual(c.get("/obiettivo/DUP_2099/2099_X_01")[0], 200)
        self.assertEqual(c.get(OWN)[0], 404)
        _, _, reg = c.get("/registro")
        self.assertIn("dell'ente C_ALTRO", reg)
        self.assertEqual(c.post("/enti", {"ente": "C_VALDORA"})[0], 303)
        self.assertEqual(c.get(OWN)[0], 200)
        self.assertEqual(c.get("/obiettivo/DUP_2099/2099_X_01")[0], 404)
        # Unknown ente, and no CSRF token: refused, choice unchanged.
        self.assertEqual(c.post("/enti", {"ente": "C_NESSUNO"})[0], 404)
        self.assertEqual(c.post("/enti", {"ente": "C_ALTRO"}, csrf=False)[0], 403)
        self.assertEqual(c.get(OWN)[0], 200)

    def test_picker_never_widens_a_bound_user(self):
        for name in ["admin", "resp", "lettore"]:
            c = self.signed_in(name)
            status, _, body = c.get("/enti")
            self.assertEqual(status, 200)
            self.assertNotIn("C_ALTRO", body)
            self.assertNotIn('href="/enti"', body)
            self.assertEqual(c.post("/enti", {"ente": "C_ALTRO"})[0], 404)
            # A forged cookie is ignored.
            c.jar.set_cookie(http.cookiejar.Cookie(
                0, "tg_ente", "C_ALTRO", None, False, "127.0.0.1", False, False, "/", True,
                False, None, False, None, None, {}))
            self.assertEqual(c.get("/obiettivo/DUP_2099/2099_X_01")[0], 404)
            self.assertEqual(c.get(OWN)[0], 200)


def hidden_version(c, path):
    _, _, body = c.get(path)
    return hidden(body, "versione")


class BrokenChainTest(unittest.TestCase):
    def test_broken_chain_shown(self):
        with tempfile.TemporaryDirectory() as tmp:
            db = os.path.join(tmp, "rotto.db")
            run(BIN, "demo", "--db", db)
            add_user(BIN, db, "lettore", "lettore")
            with sqlite3.connect(db) as c:
                c.execute("UPDATE audit_log SET after_value = 'alterato' WHERE id = "
                          "(SELECT min(id) FROM audit_log)")
            server = Server(BIN, db)
            try:
                c = Client(server)
                c.login("lettore")
                status, _, body = c.get("/registro")
                self.assertEqual(status, 200)
                self.assertIn("Registro NON integro", body)
                self.assertIn('class="alert alert-danger mb-5"', body)
            finally:
                server.stop()


class TlsTest(unittest.TestCase):
    def test_https_and_secure_cookie(self):
        with tempfile.TemporaryDirectory() as tmp:
            db, cert, key = (os.path.join(tmp, n) for n in ["tls.db", "cert.pem", "key.pem"])
            subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                            "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1",
                            "-addext", "subjectAltName=IP:127.0.0.1"],
                           check=True, capture_output=True)
            run(BIN, "demo", "--db", db)
            add_user(BIN, db, "lettore", "lettore")
            # Only one of the two, a missing file, a key that is not a key: clear refusals.
            for args, words in [(["--tls-cert", cert], "sia --tls-key"),
                                (["--tls-cert", cert, "--tls-key", key + ".no"], "non leggibile"),
                                (["--tls-cert", cert, "--tls-key", cert], "non validi")]:
                r = subprocess.run([BIN, "serve", "--db", db, "--port", "0", *args],
                                   capture_output=True, text=True, timeout=30)
                self.assertNotEqual(r.returncode, 0)
                self.assertIn(words, r.stderr)
            proc = subprocess.Popen([BIN, "serve", "--db", db, "--port", "0", "--senza-log",
                                     "--tls-cert", cert, "--tls-key", key],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            try:
                line = proc.stdout.readline()
                m = re.search(r"https://127\.0\.0\.1:(\d+)/", line)
                self.assertTrue(m, line)
                base = f"https://127.0.0.1:{m.group(1)}"
                ctx = ssl.create_default_context(cafile=cert)
                with urllib.request.urlopen(base + "/healthz", context=ctx, timeout=30) as r:
                    self.assertEqual(r.read(), b"ok\n")
                jar = http.cookiejar.CookieJar()

                class NoRedirect(urllib.request.HTTPRedirectHandler):
                    def redirect_request(self, *a, **k):
                        return None
                opener = urllib.request.build_opener(urllib.request.HTTPSHandler(context=ctx),
                                                     urllib.request.HTTPCookieProcessor(jar),
                                                     NoRedirect())
                page = opener.open(base + "/accesso", timeout=30)
                self.assertIn("Secure", page.headers.get("Set-Cookie"))
                token = re.search(r'name="csrf" value="([0-9a-f]+)"', page.read().decode()).group(1)
                data = urllib.parse.urlencode({"nome": "lettore", "password": PASSWORD,
                                               "csrf": token, "dopo": "/"}).encode()
                try:
                    opener.open(base + "/accesso", data=data, timeout=30)
                    self.fail("login should redirect")
                except urllib.error.HTTPError as e:
                    self.assertEqual(e.code, 303)
                    cookie = e.headers.get("Set-Cookie")
                self.assertIn("tg_sessione=", cookie)
                self.assertIn("; Secure", cookie)
                self.assertIn("HttpOnly", cookie)
                # Plain HTTP on the TLS port gets no page.
                with self.assertRaises(Exception):
                    urllib.request.urlopen(base.replace("https", "http") + "/healthz", timeout=10)
            finally:
                proc.terminate()
                self.assertEqual(proc.wait(timeout=30), 0)
                proc.stdout.close()
                proc.stderr.close()


if __name__ == "__main__":
    unittest.main(verbosity=2)
