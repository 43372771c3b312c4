#!/usr/bin/env python3
"""Tests of the /api/v1 authoring endpoints and the objective tree (issue 11): objectives
created, edited and deleted, fasi and indicators added, redefined and deleted, stato di
attuazione, strutture and soggetti coinvolti, centri di responsabilità and persons — through
the command line's use cases, with If-Match (412), problem+json pointing at each bad member
(422), the role rules (responsabile: own CdR subtree; lettore: nothing) and the acting user in
the audit log; the tree with the flat list's filters, also for a Piano di Zona; the rate limit
shared by two servers on one database (SQLite, and PostgreSQL under scripts/with-postgres).
Usage: api_authoring_test.py TRAGUARDI_BINARY"""
import os
import sqlite3
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from apitest import OTHER, OWN, ApiServer, Fixture  # noqa: E402
from webtest import add_user, run  # noqa: E402

BIN = sys.argv.pop(1) if len(sys.argv) > 1 else "build/traguardi"
ENTE = "/api/v1/enti/C_VALDORA"
OBJ = ENTE + "/objectives"
MINE = f"{OBJ}/{OWN[0]}/{OWN[1]}"
THEIRS = f"{OBJ}/{OTHER[0]}/{OTHER[1]}"


def audit_count(db):
    with sqlite3.connect(db) as c:
        return c.execute("SELECT count(*) FROM audit_log").fetchone()[0]


class AuthoringTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.fx = Fixture(BIN)
        cls.db = cls.fx.db
        cls.t = cls.fx.tokens
        cls.server = ApiServer(BIN, cls.db, "--api-limite", "1000000")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.fx.cleanup()

    def call(self, method, path, who="amministratore", body=None, headers=None):
        return self.server.call(method, path, self.t[who], body, headers)

    def assertProblem(self, answer, status, pointers=None):
        code, headers, body = answer
        self.assertEqual(code, status, str(body)[:500])
        self.assertEqual(headers["Content-Type"], "application/problem+json")
        if pointers is not None:
            self.assertEqual([e.get("pointer") for e in body.get("errors", [])], list(pointers),
                             body)
        return body

    # --- objectives ---------------------------------------------------------------------------
    def test_objective_lifecycle(self):
        new = {"vista": OWN[0], "codice": "2025_S01_81", "livello": "peg", "anno": 2025,
               "descrizione_sintetica": "Sportello unico", "cdr": "01_S_2025",
               "responsabile": "MARINI ELENA", "stato": "In Corso"}
        status, headers, body = self.call("POST", OBJ, body=new)
        self.assertEqual(status, 201, body)
        url = f"{OBJ}/{OWN[0]}/2025_S01_81"
        self.assertEqual(headers["Location"], url)
        self.assertEqual((body["code"], body["center"], body["state"], body["year"]),
                         ("2025_S01_81", "01_S_2025", "In Corso", 2025))
        self.assertProblem(self.call("POST", OBJ, body=new), 409)
        etag = headers["ETag"]
        status, headers, body = self.call("PATCH", url, body={"descrizione": "Uno sportello",
                                                              "anno": "2026"},
                                          headers={"If-Match": etag})
        self.assertEqual(status, 200, body)
        self.assertEqual((body["description"], body["year"]), ("Uno sportello", 2026))
        before = audit_count(self.db)
        self.assertProblem(self.call("PATCH", url, body={"stato": "Concluso"},
                                     headers={"If-Match": etag}), 412)
        self.assertProblem(self.call("PATCH", url, body={"anno": "duemila", "livello": 3,
                                                          "ignoto": 1}),
                           422, ["/anno", "/livello", "/ignoto"])
        self.assertProblem(self.call("PATCH", url, body={"livello": "galassia"}), 422,
                           ["/livello"])
        self.assertProblem(self.call("PATCH", url, body={"cdr": "NON_ESISTE"}), 422, ["/cdr"])
        self.assertEqual(audit_count(self.db), before)
        # The acting user is in the audit log.
        _, _, audit = self.call("GET", ENTE + "/audit?objective=2025_S01_81")
        self.assertTrue(audit["items"])
        self.assertEqual({e["actor"] for e in audit["items"]}, {"amministratore"})
        status, _, _ = self.call("DELETE", url, headers={"If-Match": '"1"'})
        self.assertEqual(status, 412)
        status, _, body = self.call("DELETE", url)
        self.assertEqual(status, 204, body)
        self.assertEqual(self.call("GET", url)[0], 404)

    def test_status_structures_and_people(self):
        url = f"{OBJ}/{OWN[0]}/2025_S01_02"
        status, _, body = self.call("PUT", url + "/status", "responsabile",
                                    {"anno": 2025, "al": "2025-06-30", "testo": "A metà strada"})
        self.assertEqual(status, 200, body)
        self.assertIn({"year": 2025, "as_of": "2025-06-30", "text": "A metà strada"},
                      body["status"])
        self.assertProblem(self.call("PUT", url + "/status", body={"anno": 2025}), 422,
                           ["/testo"])
        self.assertProblem(self.call("PUT", url + "/status", body={"al": "30/06/2025",
                                                                    "testo": "x"}), 422, ["/al"])
        status, _, body = self.call("PUT", url + "/status", body={"anno": 2025,
                                                                  "al": "2025-06-30",
                                                                  "testo": None})
        self.assertEqual(status, 200, body)
        self.assertNotIn("A metà strada", [s["text"] for s in body["status"]])
        status, _, body = self.call("POST", url + "/structures", "controllo",
                                    {"descrizione": "Servizi informativi", "missione": "01",
                                     "programma": "08", "quota": "12.5"})
        self.assertEqual(status, 201, body)
        self.assertEqual(body["structures"][-1]["share"], "12.5")
        self.assertProblem(self.call("POST", url + "/structures",
                                     body={"descrizione": "x", "quota": 120}), 422, ["/quota"])
        status, _, body = self.call("POST", url + "/people",
                                    body={"persona": "COLOMBO DAVIDE", "impegno": 40})
        self.assertEqual(status, 201, body)
        self.assertEqual(body["people"][-1]["person"], "COLOMBO DAVIDE")
        self.assertProblem(self.call("POST", url + "/people", body={"persona": "NESSUNO MAI"}),
                           422, ["/persona"])

    # --- fasi and indicators ------------------------------------------------------------------
    def test_phase_and_indicator_definitions(self):
        url = f"{OBJ}/{OWN[0]}/2025_S01_03"
        status, headers, body = self.call("POST", url + "/phases", "responsabile",
                                          {"descrizione": "Collaudo", "peso": "10",
                                           "fine_prevista": "2025-12-31", "posizione": 1})
        self.assertEqual(status, 201, body)
        self.assertEqual((body["order"], body["description"], body["weight"]),
                         (1, "Collaudo", "10"))
        self.assertTrue(headers["Location"].endswith("/phases/1"))
        phase = url + "/phases/1"
        status, headers, body = self.call("PATCH", phase, "responsabile",
                                          {"descrizione": "Collaudo finale", "peso": 15,
                                           "avanzamento": 20},
                                          {"If-Match": headers["ETag"]})
        self.assertEqual(status, 200, body)
        self.assertEqual((body["description"], body["weight"], body["avanzamento"]),
                         ("Collaudo finale", "15", "20"))
        self.assertProblem(self.call("PATCH", phase, body={"peso": 5},
                                     headers={"If-Match": '"1"'}), 412)
        self.assertProblem(self.call("PATCH", phase, body={"peso": 150,
                                                            "inizio_previsto": "2025-02-30"}),
                           422, ["/inizio_previsto"])
        self.assertProblem(self.call("PATCH", phase, body={"peso": 150}), 422, ["/peso"])
        self.assertProblem(self.call("POST", url + "/phases", body={"peso": 5}), 422,
                           ["/descrizione"])
        status, _, body = self.call("POST", url + "/indicators",
                                    body={"descrizione": "Pratiche", "scala": "percentuale",
                                          "valore_atteso": 80})
        self.assertEqual(status, 201, body)
        indicator = f"{url}/indicators/{body['order']}"
        status, _, body = self.call("PATCH", indicator, body={"tipo": "efficienza",
                                                              "valore_raggiunto": "75.5"})
        self.assertEqual(status, 200, body)
        self.assertEqual((body["type"], body["valore_raggiunto"]), ("efficienza", "75.5"))
        self.assertProblem(self.call("PATCH", indicator, body={"scala": "galassie"}), 422,
                           ["/scala"])
        self.assertEqual(self.call("DELETE", indicator, "lettore")[0], 403)
        # A fase or indicator is named by its position: deleting needs its ETag (428 without),
        # so a retried delete cannot remove the next one, which has moved up to that position.
        self.assertProblem(self.call("DELETE", indicator), 428)
        etag = self.call("GET", indicator)[1]["ETag"]
        self.assertEqual(self.call("DELETE", indicator, headers={"If-Match": etag})[0], 204)
        self.assertEqual(self.call("GET", indicator)[0], 404)
        etag = self.call("GET", phase)[1]["ETag"]
        self.assertEqual(self.call("DELETE", phase, "responsabile",
                                   headers={"If-Match": etag})[0], 204)

    def test_roles(self):
        before = audit_count(self.db)
        # A responsabile: nothing outside the own CdR subtree.
        self.assertProblem(self.call("PATCH", THEIRS, "responsabile", {"stato": "Concluso"}), 403)
        self.assertProblem(self.call("POST", THEIRS + "/phases", "responsabile",
                                     {"descrizione": "x"}), 403)
        self.assertProblem(self.call("PATCH", MINE, "responsabile", {"cdr": "02_S_2025"}), 403)
        self.assertProblem(self.call("PATCH", MINE, "responsabile", {"collegato_a": None}), 403)
        # New objectives are structure: amministratore and controllo only, as on the pages.
        self.assertProblem(self.call("POST", OBJ, "responsabile",
                                     {"vista": OWN[0], "codice": "2025_S01_77",
                                      "cdr": "01_S_2025"}), 403)
        self.assertProblem(self.call("DELETE", MINE, "responsabile"), 403)
        self.assertProblem(self.call("POST", ENTE + "/centers", "responsabile",
                                     {"codice": "X1", "nome": "X"}), 403)
        # A lettore: nothing at all.
        for method, url, body in [("POST", OBJ, {"vista": OWN[0], "codice": "2025_S01_77"}),
                                  ("PATCH", MINE, {"stato": "x"}),
                                  ("PUT", MINE + "/status", {"testo": "x"}),
                                  ("POST", MINE + "/structures", {"descrizione": "x"}),
                                  ("PATCH", MINE + "/phases/1", {"descrizione": "x"}),
                                  ("PATCH", ENTE + "/persons/MARINI%20ELENA", {"nome": "x"})]:
            self.assertProblem(self.call(method, url, "lettore", body), 403)
        # Another ente's token: 404 as for an ente that does not exist.
        self.assertProblem(self.call("POST", OBJ, "altro_ente",
                                     {"vista": OWN[0], "codice": "2025_S01_77"}), 404)
        self.assertEqual(audit_count(self.db), before)

    # --- organisation -------------------------------------------------------------------------
    def test_centers_and_persons(self):
        status, headers, body = self.call("POST", ENTE + "/centers", "controllo",
                                          {"codice": "09_S_2025", "nome": "Settore Cultura",
                                           "nome_breve": "Cultura", "tipo": "SETTORE"})
        self.assertEqual(status, 201, body)
        self.assertEqual(headers["Location"], ENTE + "/centers/09_S_2025")
        status, _, body = self.call("PATCH", ENTE + "/centers/09_S_2025",
                                    body={"padre": "01_S_2025", "responsabile": "RIVA MARCO"})
        self.assertEqual(status, 200, body)
        self.assertEqual((body["parent"], body["head"]), ("01_S_2025", "RIVA MARCO"))
        self.assertProblem(self.call("PATCH", ENTE + "/centers/09_S_2025",
                                     body={"padre": "NESSUNO"}), 422, ["/padre"])
        self.assertProblem(self.call("PATCH", ENTE + "/centers/NESSUNO", body={"nome": "x"}),
                           404)
        self.assertProblem(self.call("POST", ENTE + "/centers", body={"nome": "x"}), 422,
                           ["/codice"])
        status, headers, body = self.call("POST", ENTE + "/persons",
                                          body={"nome": "Verdi Carla", "nome_utente": "cverdi"})
        self.assertEqual(status, 201, body)
        key = body["key"]
        status, _, body = self.call("PATCH", f"{ENTE}/persons/{key.replace(' ', '%20')}",
                                    body={"nome": "Verdi Carla Maria"})
        self.assertEqual(status, 200, body)
        self.assertEqual((body["key"], body["name"]), (key, "Verdi Carla Maria"))
        self.assertProblem(self.call("POST", ENTE + "/persons", body={"nome": "Verdi Carla"}),
                           409)

    # --- sheet import -------------------------------------------------------------------------
    def sheet(self):
        seeds = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..",
                             "shared", "seeds")
        names = sorted(n for n in os.listdir(seeds) if n.startswith("001_")) \
            if os.path.isdir(seeds) else []
        if not names:
            if os.environ.get("CI") == "true":
                self.fail(f"seed sheet 001_* missing in {seeds}")
            self.skipTest("no seed sheets (/work/shared/seeds)")
        with open(os.path.join(seeds, names[0]), "rb") as f:
            return f.read()

    def upload(self, who, query, text, ctype="text/plain; charset=utf-8"):
        return self.server.call("POST", ENTE + "/sheet-imports?" + query, self.t[who], None,
                                {"Content-Type": ctype}, raw=text)

    def test_sheet_import_dry_run_then_confirm(self):
        text = self.sheet()
        before = audit_count(self.db)
        status, _, dry = self.upload("controllo", "dry_run=true&parziale=true&nome=peg.txt", text)
        self.assertEqual(status, 200, dry)
        self.assertEqual((dry["dry_run"], dry["written"], dry["ente"]), (True, False, "C_VALDORA"))
        self.assertGreater(dry["census"]["objectives"], 0)
        self.assertTrue(dry["changes"])
        self.assertTrue(all(f["file"] == "peg.txt" for f in dry["findings"]), dry["findings"][:3])
        self.assertTrue(all(f["line"] is None or f["line"] > 0 for f in dry["findings"]))
        seal = dry["seal"]
        self.assertEqual(audit_count(self.db), before)
        # The confirmation needs the seal of the same body, name, options and token.
        self.assertProblem(self.upload("controllo", "parziale=true&nome=peg.txt", text), 400)
        self.assertProblem(self.upload("controllo", f"parziale=true&nome=altro.txt&sigillo={seal}",
                                       text), 412)
        self.assertProblem(self.upload("controllo", f"nome=peg.txt&sigillo={seal}", text), 412)
        self.assertProblem(self.upload("controllo", f"parziale=true&nome=peg.txt&sigillo={seal}",
                                       text + b"\n"), 412)
        self.assertProblem(self.upload("amministratore",
                                       f"parziale=true&nome=peg.txt&sigillo={seal}", text), 412)
        self.assertEqual(audit_count(self.db), before)
        status, _, done = self.upload("controllo", f"parziale=true&nome=peg.txt&sigillo={seal}",
                                      text)
        self.assertEqual(status, 200, done)
        self.assertEqual((done["dry_run"], done["written"], done["seal"]), (False, True, None))
        with sqlite3.connect(self.db) as c:
            actors = {r[0] for r in c.execute("SELECT actor FROM audit_log WHERE id > "
                                              "(SELECT max(id) FROM audit_log) - 50 AND "
                                              "ente = 'C_VALDORA'")}
        self.assertIn("controllo", actors)
        # Again: nothing to do.
        _, _, again = self.upload("controllo", "dry_run=true&parziale=true&nome=peg.txt", text)
        self.assertTrue(all(ch["kind"] == "invariato" for ch in again["changes"]))

    def test_sheet_import_refusals(self):
        text = self.sheet()
        before = audit_count(self.db)
        for who in ("responsabile", "lettore"):
            self.assertProblem(self.upload(who, "dry_run=true", text), 403)
        self.assertProblem(self.upload("altro_ente", "dry_run=true", text), 404)
        self.assertProblem(self.upload("controllo", "dry_run=true", text, "application/json"),
                           415)
        self.assertProblem(self.upload("controllo", "dry_run=forse", text), 400)
        self.assertProblem(self.upload("controllo", "dry_run=true", b"una lista della spesa\n"),
                           422)
        self.assertProblem(self.upload("controllo", "dry_run=true", b"%PDF-1.4 binario"), 422)
        self.assertProblem(self.upload("controllo", "dry_run=true", b"x" * (4 * 1024 * 1024 + 1)),
                           413)
        self.assertEqual(audit_count(self.db), before)

    # --- the tree -----------------------------------------------------------------------------
    def walk(self, nodes, depth=0):
        for n in nodes:
            yield n, depth
            yield from self.walk(n["children"], depth + 1)

    def test_tree_with_filters(self):
        status, _, tree = self.call("GET", ENTE + "/objective-tree?limit=500", "lettore")
        self.assertEqual(status, 200, tree)
        self.assertIsNone(tree["next_cursor"])
        self.assertEqual([v["level"] for v in tree["items"]], ["vista"] * len(tree["items"]))
        nodes = list(self.walk(tree["items"]))
        order = ["vista", "mandato", "missione", "programma", "peg"]
        for n, _ in nodes:
            for child in n["children"]:
                self.assertGreater(order.index(child["level"]), order.index(n["level"]))
        _, _, flat = self.call("GET", OBJ + "?limit=500", "lettore")
        self.assertEqual(tree["matches"], flat["total"])
        query = "?livello=peg&cdr=01_S_2025&q=S01"
        _, _, tree = self.call("GET", ENTE + "/objective-tree" + query + "&limit=500", "lettore")
        _, _, flat = self.call("GET", OBJ + query + "&limit=500", "lettore")
        matched = [n["objective"]["code"] for n, _ in self.walk(tree["items"]) if n["match"]]
        self.assertEqual(sorted(matched), sorted(o["code"] for o in flat["items"]))
        self.assertEqual(tree["matches"], flat["total"])
        self.assertTrue(any(not n["match"] and n["level"] == "programma"
                            for n, _ in self.walk(tree["items"])))
        self.assertProblem(self.call("GET", ENTE + "/objective-tree?livello=galassia",
                                     "lettore"), 400)
        self.assertProblem(self.call("GET", "/api/v1/enti/C_ALTRO/objective-tree", "lettore"),
                           404)

    def test_tree_of_a_piano_di_zona(self):
        with tempfile.TemporaryDirectory() as tmp:
            db = os.path.join(tmp, "pdz.db")
            run(BIN, "demo", "--distretto", "--db", db)
            ente = self.ambito(db)
            add_user(BIN, db, "admin", "amministratore", ente=ente)
            token = run(BIN, "token", "add", "admin", "--db", db).strip().splitlines()[-1]
            server = ApiServer(BIN, db)
            try:
                status, _, tree = server.call("GET", f"/api/v1/enti/{ente}/objective-tree",
                                              token)
                self.assertEqual(status, 200, tree)
                levels = {n["level"]: d for n, d in self.walk(tree["items"])}
                self.assertEqual((levels["area"], levels["macro_obiettivo"], levels["azione"]),
                                 (1, 2, 3))
                self.assertIn("obiettivo_strategico", levels)
                status, _, only = server.call(
                    "GET", f"/api/v1/enti/{ente}/objective-tree?livello=azione", token)
                self.assertEqual(status, 200, only)
                self.assertTrue(only["matches"] > 0)
                for n, _ in self.walk(only["items"]):
                    self.assertEqual(n["match"], n["level"] == "azione", n["code"])
                status, _, none = server.call(
                    "GET", f"/api/v1/enti/{ente}/objective-tree?livello=azione&cdr=X", token)
                self.assertEqual(none["matches"], 0)
            finally:
                server.stop()

    def merge(self, into, nodes):
        """Adds a page's nodes to the tree read so far: a continued node is the last one there."""
        for n in nodes:
            if n.get("continued"):
                self.assertTrue(into, n["code"])
                self.assertEqual((into[-1]["level"], into[-1]["code"]), (n["level"], n["code"]))
                target = into[-1]
            else:
                target = dict(n, children=[])
                into.append(target)
            self.merge(target["children"], n["children"])

    def test_tree_pages(self):
        for query in ("", "&livello=peg&cdr=01_S_2025"):
            _, _, whole = self.call("GET", ENTE + "/objective-tree?limit=500" + query, "lettore")
            self.assertEqual(whole["total"], len(list(self.walk(whole["items"]))))
            merged, pages, cursor = [], 0, None
            while True:
                url = ENTE + "/objective-tree?limit=3" + query
                status, _, page = self.call("GET", url + (f"&cursor={cursor}" if cursor else ""),
                                            "lettore")
                self.assertEqual(status, 200, page)
                self.assertEqual((page["total"], page["matches"]),
                                 (whole["total"], whole["matches"]))
                fresh = [n for n, _ in self.walk(page["items"]) if not n.get("continued")]
                self.assertEqual(len(fresh), 3 if page["next_cursor"] else len(fresh))
                self.assertGreater(len(fresh), 0)
                self.merge(merged, page["items"])
                pages += 1
                cursor = page["next_cursor"]
                if cursor is None:
                    break
            self.assertEqual(merged, whole["items"], query)
            self.assertEqual(pages, -(-whole["total"] // 3), query)
            self.assertGreater(pages, 2, query)
        # A cursor of the flat list, or none of ours, names no node of the tree.
        _, _, flat = self.call("GET", OBJ + "?limit=1", "lettore")
        for bad in (flat["next_cursor"], "zz", "00"):
            body = self.assertProblem(self.call("GET", ENTE + "/objective-tree?cursor=" + bad,
                                                "lettore"), 400)
            self.assertEqual(body["errors"][0]["parameter"], "cursor")
        self.assertProblem(self.call("GET", ENTE + "/objective-tree?limit=0", "lettore"), 400)

    @staticmethod
    def ambito(db):
        with sqlite3.connect(db) as c:
            return c.execute("SELECT code FROM ente WHERE code IN (SELECT ente FROM district)"
                             ).fetchone()[0]


class SharedRateLimitTest(unittest.TestCase):
    """Two servers on one database share each token's budget."""

    def check_two_servers(self, db):
        fx = Fixture(BIN, db)
        one = ApiServer(BIN, db, "--api-limite", "10")
        two = ApiServer(BIN, db, "--api-limite", "10")
        try:
            token = fx.tokens["lettore"]
            statuses = [(one if i % 2 else two).call("GET", "/api/v1/enti", token)[0]
                        for i in range(14)]
            # One budget for both: per process each would allow 10 of its 7. Between a write
            # and the next read a process may count one request the other has not seen yet
            # (a twentieth of the budget, at least one, per process).
            allowed = statuses.count(200)
            self.assertTrue(10 <= allowed <= 12, statuses)
            self.assertEqual(statuses[:allowed], [200] * allowed, statuses)
            self.assertEqual(statuses[allowed:], [429] * (14 - allowed), statuses)
            status, headers, _ = one.call("GET", "/api/v1/enti", token)
            self.assertEqual(status, 429)
            self.assertGreaterEqual(int(headers["Retry-After"]), 1)
            self.assertEqual(two.call("GET", "/api/v1/enti", fx.tokens["controllo"])[0], 200)
        finally:
            one.stop()
            two.stop()
            fx.cleanup()

    def test_sqlite(self):
        with tempfile.TemporaryDirectory() as tmp:
            self.check_two_servers(os.path.join(tmp, "due.db"))

    def test_postgresql(self):
        admin = os.environ.get("TRAGUARDI_TEST_PG_URL")
        if not admin:
            if os.environ.get("CI") == "true":
                self.fail("TRAGUARDI_TEST_PG_URL missing under CI (run through "
                          "scripts/with-postgres)")
            self.skipTest("no PostgreSQL (scripts/with-postgres)")
        name = f"traguardi_rate_{os.getpid()}"
        psql = ["psql", admin, "-qc"]
        subprocess.run(psql + [f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"], check=True)
        subprocess.run(psql + [f"CREATE DATABASE {name}"], check=True)
        try:
            self.check_two_servers(f"{admin.rsplit('/', 1)[0]}/{name}")
        finally:
            subprocess.run(psql + [f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
