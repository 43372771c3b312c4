#!/usr/bin/env python3
"""Contract test of /api/v1 against its OpenAPI document (issue 11).

Loads openapi.json from the running server (and checks it is the committed
src/web/openapi.json), then calls EVERY documented operation, with every documented query
parameter, for each caller: amministratore, controllo, responsabile, lettore, no token, and a
token of another ente. Each answer must have a documented status and a body valid against the
documented schema, by two validators (tests/web/apitest.py: our own, of the schema subset we
use, and the jsonschema package, so neither's mistake can pass a wrong answer); every
operation must succeed for some caller. Then the authorization matrix: every operation ×
caller × another ente's ids answers the documented refusal, and nothing in the database changes.
Usage: api_contract_test.py TRAGUARDI_BINARY"""
import json
import os
import sqlite3
import sys
import unittest
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
from apitest import AMBITO, OTHER, OWN, ROLES, ApiServer, Fixture, check_response, \
    resolve, schema_errors, third_party_errors, validate  # noqa: E402

BIN = sys.argv.pop(1) if len(sys.argv) > 1 else "build/traguardi"
SOURCE = os.path.join(os.path.dirname(__file__), "..", "..", "src", "web", "openapi.json")
CALLERS = ["amministratore", "controllo", "responsabile", "lettore", None, "altro_ente"]
OWN_PATH = {"ente": "C_VALDORA", "vista": OWN[0], "code": OWN[1], "order": "1",
            "center": "01_S_2025", "person": "MARINI ELENA", "assessorato": "SINDACO",
            "number": "1", "position": "1", "report": "piano-di-zona"}
FOREIGN_PATH = {"ente": "C_ALTRO", "vista": "DUP_2099", "code": "2099_X_01", "order": "1",
                "center": "X", "person": "X", "assessorato": "X", "number": "1",
                "position": "1", "report": "piano-di-zona"}
# The Piano di Zona's paths: an ambito's (A_VALDORA), read by the ambito's own users
# (tokens["ambito_" + role]); the comune C_VALDORA has none (404).
DISTRICT = "/district"
# Paths under an objective whose If-Match is the objective's ETag.
OBJECTIVE_PARTS = ("/phases", "/indicators", "/status", "/structures", "/people")
OBJECTIVE_ETAG = ("/structures/{position}", "/people/{position}")
# The structure of the ente: amministratore and controllo only.
ORGANISATION = ("/centers", "/persons", "/centers/{center}", "/persons/{person}",
                "/assessorati", "/assessorati/{assessorato}", "/areas", "/areas/{vista}/{number}",
                "/sheet-imports")
QUERY_SAMPLES = {"vista": OWN[0], "livello": "peg", "cdr": "01_S_2025", "responsabile": "x",
                 "assessorato": "x", "stato": "In Corso", "q": "S01", "anno": "2025",
                 "limit": "2", "objective": OWN[1], "format": "pdf", "dal": "2000-01-01", "al": "2099-12-31",
                 "con_collegati": "false", "dry_run": "true", "parziale": "true",
                 "sovrascrivi": "false", "nome": "scheda.txt", "sigillo": "0" * 64}
# A legacy sheet for the sheet import (the shared seeds, as tests/app/sheet_upload_test.cpp).
SEEDS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared",
                     "seeds")


def seed_sheet():
    names = sorted(n for n in os.listdir(SEEDS) if n.startswith("001_")) \
        if os.path.isdir(SEEDS) else []
    if not names:
        if os.environ.get("CI") == "true":
            raise AssertionError(f"seed sheet 001_* missing in {SEEDS}")
        return None
    with open(os.path.join(SEEDS, names[0]), "rb") as f:
        return f.read()
UNDOCUMENTED = ["/api/v1", "/api/v1/", "/api/v1/enti/C_VALDORA",
                f"/api/v1/enti/{AMBITO}/district/reports",
                f"/api/v1/enti/{AMBITO}/district/reports/bilancio",
                f"/api/v1/enti/C_VALDORA/objectives/{OWN[0]}",
                f"/api/v1/enti/C_VALDORA/objectives/{OWN[0]}/{OWN[1]}/phases",
                f"/api/v1/enti/C_VALDORA/objectives/{OWN[0]}/{OWN[1]}/indicators",
                "/api/v2/enti", "/api/v1/openapi.yaml"]


def snapshot(db):
    with sqlite3.connect(db) as c:
        return [c.execute(f"SELECT * FROM {t} ORDER BY 1, 2, 3").fetchall()
                for t in ("phase", "indicator", "objective", "audit_log", "api_token", "center",
                         "person", "status_report", "involved_structure", "involved_person",
                         "assessorato", "thematic_area")]


def fill(path, values):
    for k, v in values.items():
        path = path.replace("{" + k + "}", urllib.parse.quote(v, safe=""))
    return path


def operations(doc):
    for path, item in doc["paths"].items():
        for method in ("get", "patch", "post", "put", "delete"):
            if method in item:
                op = item[method]
                params = [resolve(p, doc) for p in item.get("parameters", []) +
                          op.get("parameters", [])]
                yield path, method.upper(), op, params


class ContractTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.fx = Fixture(BIN)
        cls.server = ApiServer(BIN, cls.fx.db, "--api-limite", "1000000")
        cls.sheet = seed_sheet()
        status, _, cls.doc = cls.server.call("GET", "/api/v1/openapi.json")
        assert status == 200, status
        # Two changes, so the audit log has more than one page of one entry.
        phase = fill("/api/v1/enti/{ente}/objectives/{vista}/{code}/phases/{order}", OWN_PATH)
        for note in ("prima nota", "seconda nota"):
            token = cls.fx.tokens["amministratore"]
            assert cls.server.call("PATCH", phase, token, {"note": note})[0] == 200

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.fx.cleanup()

    @staticmethod
    def who(caller, path):
        """The caller's token for `path`: on a Piano di Zona's path, the ambito's user of the
        same role."""
        return "ambito_" + caller if DISTRICT in path and caller in ROLES else caller

    @staticmethod
    def own_values(path):
        return dict(OWN_PATH, ente=AMBITO) if DISTRICT in path else OWN_PATH

    def call(self, caller, method, url, body=None, headers=None):
        token = self.fx.tokens[caller] if caller else None
        if isinstance(body, bytes):  # a text body (the sheet import)
            headers = dict(headers or {}, **{"Content-Type": "text/plain; charset=utf-8"})
            return self.server.call(method, url, token, None, headers, raw=body)
        return self.server.call(method, url, token, body, headers)

    def check(self, what, op, answer):
        status, headers, body = answer
        errors = check_response(self.doc, op, status, headers, body)
        self.assertFalse(errors, f"{what}: {errors}")
        if status >= 400:
            self.assertEqual(headers["Content-Type"], "application/problem+json", what)
        return status

    def patch_body(self, url):
        """A body that keeps the record as it is: the note it already has."""
        _, _, current = self.call("amministratore", "GET", url)
        return {"note": current["note"]}

    def body_for(self, op, method, url):
        """The documented example of the request body, else (a PATCH of a fase or indicator)
        one that keeps the record as it is."""
        if "text/plain" in op.get("requestBody", {}).get("content", {}):
            return self.sheet or b"non una scheda"
        content = op.get("requestBody", {}).get("content", {}).get("application/json", {})
        if "example" in content:
            return content["example"]
        return self.patch_body(url) if method == "PATCH" else None

    def fresh_target(self, path):
        """For a DELETE: a new objective, fase or indicator made for it, filled into `path`."""
        self.__class__.made = getattr(self.__class__, "made", 0) + 1
        values = dict(OWN_PATH)
        objective = fill("/api/v1/enti/{ente}/objectives/{vista}/{code}", OWN_PATH)
        if path.endswith("/{position}"):
            kind = "/structures" if "/structures/" in path else "/people"
            body = {"descrizione": "Da rimuovere"} if kind == "/structures" \
                else {"persona": "MARINI ELENA", "relazione": "Da rimuovere"}
            status, _, made = self.call("amministratore", "POST", objective + kind, body)
            self.assertEqual(status, 201, made)
            values["position"] = str(len(made["structures" if kind == "/structures"
                                              else "people"]))
        elif path.endswith("/{code}"):
            code = f"2025_S01_{70 + self.made % 20:02d}"
            status, _, _ = self.call("amministratore", "POST", "/api/v1/enti/C_VALDORA/objectives",
                                     {"vista": OWN[0], "codice": code, "livello": "peg",
                                      "cdr": "01_S_2025", "anno": 2025,
                                      "descrizione_sintetica": "Da eliminare"})
            self.assertIn(status, (201, 409), code)
            values["code"] = code
        else:
            kind = "/phases" if "/phases/" in path else "/indicators"
            status, _, made = self.call("amministratore", "POST", objective + kind,
                                        {"descrizione": "Da eliminare"})
            self.assertEqual(status, 201, made)
            values["order"] = str(made["order"])
        return fill(path, values)

    @staticmethod
    def etag_url(url, path=""):
        if path.endswith(OBJECTIVE_ETAG):
            return url.rsplit("/", 2)[0]
        if path.endswith("/move"):
            return url[: -len("/move")]
        for part in OBJECTIVE_PARTS:
            if url.endswith(part):
                return url[: -len(part)]
        return url

    def test_served_document_is_the_committed_one(self):
        with open(SOURCE, encoding="utf-8") as f:
            self.assertEqual(self.doc, json.load(f))
        self.assertEqual(self.doc["openapi"], "3.1.0")

    def test_both_validators_refuse_a_wrong_answer(self):
        """The answers are checked by our validator and by jsonschema; each must be able to
        fail, or a pass would prove nothing."""
        problem = {"$ref": "#/components/schemas/Problem"}
        good = {"type": "urn:traguardi:problema:404", "title": "Non trovato", "status": 404,
                "detail": "nessun obiettivo 2025_X"}
        wrong = [dict(good, status="404"), {k: v for k, v in good.items() if k != "title"},
                 dict(good, errors=[{"pointer": 5, "detail": "x"}])]
        self.assertEqual(schema_errors(good, problem, self.doc), [])
        for body in wrong:
            self.assertTrue(validate(body, problem, self.doc), body)
            self.assertTrue(third_party_errors(body, problem, self.doc), body)
        date = {"$ref": "#/components/schemas/Date"}
        self.assertTrue(third_party_errors("2026-02-30", date, self.doc))
        self.assertEqual(schema_errors("2026-02-28", date, self.doc), [])

    def test_every_operation_for_every_caller(self):
        for path, method, op, params in operations(self.doc):
            succeeded = False
            url = fill(path, self.own_values(path))
            queries = [""]
            for p in params:
                if p["in"] == "query":
                    value = QUERY_SAMPLES.get(p["name"])
                    if p["name"] == "cursor":
                        _, _, first = self.call("amministratore", "GET", url + "?limit=1")
                        value = first["next_cursor"]
                    self.assertIsNotNone(value, f"no sample for {path} ?{p['name']}")
                    queries.append("?" + urllib.parse.urlencode({p["name"]: value}))
            for caller in CALLERS:
                for q in queries:
                    conditional = [p["name"] for p in params if p["in"] == "header"
                                   and p["name"] in ("If-Match", "If-None-Match")]
                    for with_headers in ([True, False] if conditional else [False]):
                        target = self.fresh_target(path) if method == "DELETE" else url
                        what = f"{method} {target}{q} as {caller}"
                        body = self.body_for(op, method, target)
                        headers = {}
                        if with_headers:
                            _, h, _ = self.call(self.who("amministratore", path), "GET",
                                                self.etag_url(target, path))
                            headers = {name: h["ETag"] for name in conditional}
                        else:
                            what += " (senza intestazioni)" if conditional else ""
                        status = self.check(what, op, self.call(self.who(caller, path), method,
                                                                target + q, body, headers))
                        succeeded = succeeded or 200 <= status < 300
            if path.endswith("/sheet-imports") and self.sheet is None:
                continue  # no seed sheet outside CI: only the refusals were checked
            self.assertTrue(succeeded, f"{method} {path} never succeeded")

    def test_district_only_for_an_ambito_it_may_see(self):
        """The Piano di Zona's paths of the comune C_VALDORA (no plan) answer the documented
        404 to its own users; the ambito's users get 404 for every path of the comune, the
        comune's users for every path of the ambito."""
        checked = 0
        for path, method, op, _ in operations(self.doc):
            if not path.startswith("/api/v1/enti/{ente}/"):
                continue
            query = "?format=pdf" if "{report}" in path else ""
            comune, ambito = fill(path, OWN_PATH) + query, \
                fill(path, dict(OWN_PATH, ente=AMBITO)) + query
            for role in ROLES:
                if DISTRICT in path:
                    answer = self.check(f"{comune} as {role}", op,
                                        self.call(role, method, comune))
                    self.assertEqual(answer, 404, f"{method} {comune} as {role}")
                    status, _, body = self.call(role, method, ambito)
                    self.assertEqual(status, 404, f"{method} {ambito} as {role}")
                    checked += 1
                elif method == "GET":
                    status = self.check(f"{comune} as ambito {role}", op,
                                        self.call("ambito_" + role, method, comune))
                    self.assertEqual(status, 404, f"{method} {comune} as ambito {role}")
        self.assertEqual(checked, 4 * len(ROLES))
        _, _, body = self.call("lettore", "GET", "/api/v1/enti/C_VALDORA/district")
        self.assertIn("Piano di Zona", body["detail"])

    def test_undocumented_paths_are_refused(self):
        documented = set(self.doc["paths"])
        for path in UNDOCUMENTED:
            self.assertNotIn(path, documented)
            status, headers, body = self.call("amministratore", "GET", path)
            self.assertEqual(status, 404, path)
            self.assertEqual(headers["Content-Type"], "application/problem+json")

    def expected_refusal(self, caller, method, path, foreign):
        if path in ("/api/v1/openapi.json", "/api/v1/enti"):
            return 401 if caller is None and path == "/api/v1/enti" else None
        if caller is None:
            return 401
        own_ente = caller != "altro_ente"
        if foreign == own_ente:  # the path names an ente the caller cannot see
            return 404
        if path.endswith("/audit") and caller in ("responsabile", "lettore"):
            return 403
        if method != "GET" and caller == "lettore":
            return 403
        if method != "GET" and caller == "responsabile" and (
                path.endswith(ORGANISATION) or (method == "DELETE" and path.endswith("/{code}"))
                or (method == "POST" and path.endswith("/objectives"))):
            return 403
        return None  # allowed

    def test_authorization_matrix(self):
        before = snapshot(self.fx.db)
        for path, method, op, _ in operations(self.doc):
            for caller in CALLERS:
                for foreign in (True, False):
                    url = fill(path, FOREIGN_PATH if foreign else OWN_PATH)
                    expected = self.expected_refusal(caller, method, path, foreign)
                    if expected is None:
                        continue
                    body = self.body_for(op, method, url) if method in ("POST", "PUT") else None
                    if method == "PATCH":
                        body = {"avanzamento": 99} if "/phases/" in path \
                            else {"valore_raggiunto": "99"} if "/indicators/" in path \
                            else self.body_for(op, method, url)
                    what = f"{method} {url} as {caller}"
                    status = self.check(what, op, self.call(caller, method, url, body))
                    self.assertEqual(status, expected, what)
        # A responsabile may change nothing of another CdR's objective.
        other = {"ente": "C_VALDORA", "vista": OTHER[0], "code": OTHER[1], "order": "1",
                 "position": "1"}
        checked = 0
        for path, method, op, _ in operations(self.doc):
            if method == "GET" or "/objectives/{vista}/{code}" not in path:
                continue
            url = fill(path, other)
            body = {"note": "non mia"} if method == "PATCH" and "{order}" in path \
                else self.body_for(op, method, url) if method != "DELETE" else None
            status = self.check(f"{method} {url} as responsabile", op,
                                self.call("responsabile", method, url, body))
            self.assertEqual(status, 403, f"{method} {url}")
            checked += 1
        self.assertGreaterEqual(checked, 14)
        # Nor create an objective, nor move one in the tree or to another CdR.
        create = dict(self.doc["paths"]["/api/v1/enti/{ente}/objectives"]["post"]["requestBody"]
                      ["content"]["application/json"]["example"], cdr="02_S_2025", codice="2025_S02_90")
        self.assertEqual(self.call("responsabile", "POST", "/api/v1/enti/C_VALDORA/objectives",
                                   create)[0], 403)
        own = fill("/api/v1/enti/{ente}/objectives/{vista}/{code}", OWN_PATH)
        self.assertEqual(self.call("responsabile", "PATCH", own, {"cdr": "02_S_2025"})[0], 403)
        self.assertEqual(self.call("responsabile", "PATCH", own, {"livello": "programma"})[0], 403)
        self.assertEqual(snapshot(self.fx.db), before)


if __name__ == "__main__":
    unittest.main(verbosity=2)
