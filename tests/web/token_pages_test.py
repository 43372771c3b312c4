#!/usr/bin/env python3
"""HTTP tests of the token page /token (issue 11): every user lists, creates (the secret shown
once) and revokes their own API tokens; an amministratore also those of the ente's users; CSRF
on every form; a created token works on /api/v1 and a revoked one no longer does.
Usage: token_pages_test.py TRAGUARDI_BINARY"""
import os
import re
import sqlite3
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from apitest import ApiServer  # noqa: E402
from webtest import Client, add_user, run  # noqa: E402

BIN = sys.argv.pop(1) if len(sys.argv) > 1 else "build/traguardi"
SECRET = re.compile(r'<code id="nuovo-token">(tg_[0-9a-f]{64})</code>')


def tokens(db, user):
    with sqlite3.connect(db) as c:
        return c.execute("SELECT id, role, expires, revoked FROM api_token WHERE username = ? "
                         "ORDER BY id", (user,)).fetchall()


class TokenPagesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.db = os.path.join(cls.tmp.name, "t.db")
        run(BIN, "demo", "--db", cls.db)
        add_user(BIN, cls.db, "admin", "amministratore")
        add_user(BIN, cls.db, "resp", "responsabile", cdr="01_S_2025")
        add_user(BIN, cls.db, "lettore", "lettore")
        cls.server = ApiServer(BIN, cls.db)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.tmp.cleanup()

    def client(self, name):
        c = Client(self.server)
        status, _, _ = c.login(name)
        self.assertEqual(status, 303)
        self.assertEqual(c.get("/token")[0], 200)  # the session's form token
        return c

    def test_user_creates_sees_once_and_revokes_own_token(self):
        c = self.client("resp")
        status, _, page = c.get("/token")
        self.assertEqual(status, 200)
        self.assertIn("Nessun token.", page)
        self.assertNotIn('name="utente"', page)  # only their own
        status, _, page = c.post("/token", {"ruolo": "lettore", "scadenza": "31/12/2099"})
        self.assertEqual(status, 200, page)
        secret = SECRET.search(page).group(1)
        [(token_id, role, expires, revoked)] = tokens(self.db, "resp")
        self.assertEqual((role, expires, revoked), ("lettore", "2099-12-31", 0))
        # Shown once: the list never shows it again, the database keeps only its hash.
        _, _, page = c.get("/token")
        self.assertNotIn(secret, page)
        self.assertIn("attivo", page)
        with sqlite3.connect(self.db) as db:
            self.assertFalse(db.execute("SELECT 1 FROM api_token WHERE token_hash = ?",
                                        (secret,)).fetchone())
        api = self.server.call("GET", "/api/v1/enti", secret)
        self.assertEqual(api[0], 200)
        status, _, _ = c.post(f"/token/{token_id}/revoca", {})
        self.assertEqual(status, 303)
        self.assertEqual(tokens(self.db, "resp")[0][3], 1)
        self.assertEqual(self.server.call("GET", "/api/v1/enti", secret)[0], 401)

    def test_refusals(self):
        c = self.client("lettore")
        before = tokens(self.db, "lettore")
        status, _, page = c.post("/token", {"scadenza": "31/02/2099"})
        self.assertEqual(status, 400)
        self.assertRegex(page, r'<input[^>]*name="scadenza"[^>]*aria-invalid="true"')
        status, _, page = c.post("/token", {"ruolo": "amministratore"})
        self.assertEqual(status, 400)
        self.assertIn('aria-describedby="e-ruolo"', page)
        status, _, _ = c.post("/token", {"ruolo": "lettore"}, csrf=False)
        self.assertEqual(status, 403)
        status, _, page = c.post("/token", {"utente": "admin"})
        self.assertEqual(status, 400)
        self.assertIn('Token non creato', page)
        self.assertEqual(tokens(self.db, "lettore"), before)
        # Another user's token: not theirs to revoke (404, as for one that does not exist).
        admin = self.client("admin")
        admin.post("/token", {"utente": "admin"})
        [(admin_token, *_)] = tokens(self.db, "admin")[-1:]
        status, _, _ = c.post(f"/token/{admin_token}/revoca", {})
        self.assertEqual(status, 404)
        self.assertEqual(tokens(self.db, "admin")[-1][3], 0)
        status, _, _ = c.post(f"/token/{admin_token}/revoca", {}, csrf=False)
        self.assertEqual(status, 403)
        self.assertEqual(self.client("lettore").get("/token")[0], 200)

    def test_amministratore_manages_the_users_tokens(self):
        admin = self.client("admin")
        status, _, page = admin.get("/token")
        self.assertIn('name="utente"', page)
        status, _, page = admin.post("/token", {"utente": "lettore", "ruolo": "lettore"})
        self.assertEqual(status, 200, page)
        self.assertTrue(SECRET.search(page))
        token_id = tokens(self.db, "lettore")[-1][0]
        _, _, page = admin.get("/token")
        self.assertIn("<td>lettore</td>", page)
        # Above the user's own role: refused by the use case, nothing stored.
        count = len(tokens(self.db, "lettore"))
        status, _, page = admin.post("/token", {"utente": "lettore", "ruolo": "controllo"})
        self.assertEqual(status, 400)
        self.assertEqual(len(tokens(self.db, "lettore")), count)
        status, _, _ = admin.post(f"/token/{token_id}/revoca", {})
        self.assertEqual(status, 303)
        self.assertEqual(tokens(self.db, "lettore")[-1][3], 1)

    def test_anonymous_is_sent_to_login(self):
        status, headers, _ = Client(self.server).get("/token")
        self.assertEqual(status, 303)
        self.assertIn("/accesso", headers["Location"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
