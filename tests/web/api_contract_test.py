#!/usr/bin/env python3
"""Contract test of /api/v1 against its OpenAPI document (issue 11).

Loads openapi.json from the running server (and checks it is the committed
src/web/openapi.json), then calls EVERY documented operation, with every documented query
parameter, for each caller: amministratore, controllo, responsabile, lettore, no token, and a
token of another ente. Each answer must have a documented status and a body valid against the
documented schema (tests/web/apitest.py: a validator of the schema subset we use); every
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
from apitest import OTHER, OWN, ApiServer, Fixture, check_response, resolve  # noqa: E402

BIN = sys.argv.pop(1) if len(sys.argv) > 1 else "build/traguardi"
SOURCE = os.path.join(os.path.dirname(__file__), "..", "..", "src", "web", "openapi.json")
CALLERS = ["amministratore", "controllo", "responsabile", "lettore", None, "altro_ente"]
OWN_PATH = {"ente": "C_VALDORA", "vista": OWN[0], "code": OWN[1], "order": "1"}
FOREIGN_PATH = {"ente": "C_ALTRO", "vista": "DUP_2099", "code": "2099_X_01", "order": "1"}
QUERY_SAMPLES = {"vista": OWN[0], "livello": "peg", "cdr": "01_S_2025", "responsabile": "x",
                 "assessorato": "x", "stato": "In Corso", "q": "S01", "anno": "2025",
                 "limit": "2", "objective": OWN[1], "format": "pdf", "dal": "2000-01-01", "al": "2099-12-31"}
UNDOCUMENTED = ["/api/v1", "/api/v1/", "/api/v1/enti/C_VALDORA",
                f"/api/v1/enti/C_VALDORA/objectives/{OWN[0]}",
                f"/api/v1/enti/C_VALDORA/objectives/{OWN[0]}/{OWN[1]}/phases",
                f"/api/v1/enti/C_VALDORA/objectives/{OWN[0]}/{OWN[1]}/indicators",
                "/api/v2/enti", "/api/v1/openapi.yaml"]


def snapshot(db):
    with sqlite3.connect(db) as c:
        return [c.execute(f"SELECT * FROM {t} ORDER BY 1, 2, 3").fetchall()
                for t in ("phase", "indicator", "objective", "audit_log", "api_token")]


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

    def call(self, caller, method, url, body=None, headers=None):
        token = self.fx.tokens[caller] if caller else None
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

    def test_served_document_is_the_committed_one(self):
        with open(SOURCE, encoding="utf-8") as f:
            self.assertEqual(self.doc, json.load(f))
        self.assertEqual(self.doc["openapi"], "3.1.0")

    def test_every_operation_for_every_caller(self):
        for path, method, op, params in operations(self.doc):
            succeeded = False
            url = fill(path, OWN_PATH)
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
                    what = f"{method} {url}{q} as {caller}"
                    headers = {}
                    body = self.patch_body(url) if method == "PATCH" else None
                    for p in params:
                        if p["in"] == "header" and p["name"] in ("If-Match", "If-None-Match"):
                            _, h, _ = self.call("amministratore", "GET", url)
                            headers[p["name"]] = h["ETag"]
                    status = self.check(what, op, self.call(caller, method, url + q, body,
                                                            headers))
                    # Without the conditional header too, so 200 and 304 are both exercised.
                    if headers:
                        status = min(status, self.check(what + " (senza intestazioni)", op,
                                                        self.call(caller, method, url + q, body)))
                    succeeded = succeeded or 200 <= status < 300
            self.assertTrue(succeeded, f"{method} {path} never succeeded")

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
        if method == "PATCH" and caller == "lettore":
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
                    body = None
                    if method == "PATCH":
                        body = {"avanzamento": 99} if "/phases/" in path \
                            else {"valore_raggiunto": "99"}
                    what = f"{method} {url} as {caller}"
                    status = self.check(what, op, self.call(caller, method, url, body))
                    self.assertEqual(status, expected, what)
        # A responsabile may not change another CdR's objective.
        for kind in ("phases", "indicators"):
            path = "/api/v1/enti/{ente}/objectives/{vista}/{code}/" + kind + "/{order}"
            op = self.doc["paths"][path]["patch"]
            url = fill(path, {"ente": "C_VALDORA", "vista": OTHER[0], "code": OTHER[1],
                              "order": "1"})
            body = {"note": "non mia"}
            status = self.check(f"PATCH {url} as responsabile", op,
                                 self.call("responsabile", "PATCH", url, body))
            self.assertEqual(status, 403)
        self.assertEqual(snapshot(self.fx.db), before)


if __name__ == "__main__":
    unittest.main(verbosity=2)
