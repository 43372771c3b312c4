#!/usr/bin/env python3
"""Bounded, seeded fuzz of /api/v1 (issue 11): requests generated from the OpenAPI document's
paths and request schemas, then broken — malformed and truncated JSON, huge numbers, wrong
types, deep nesting, invalid UTF-8, odd content types, hostile query strings and path
segments. Every answer must be below 500, every refusal a valid problem+json, and the server
must still answer at the end. Runs for at most FUZZ_SECONDS (default 40) or FUZZ_REQUESTS.
Usage: api_fuzz_test.py TRAGUARDI_BINARY   (FUZZ_SEED=n to replay a run)"""
import http.client
import json
import os
import random
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
from apitest import AMBITO, OWN, ApiServer, Fixture, resolve, schema_errors  # noqa: E402

BIN = sys.argv[1] if len(sys.argv) > 1 else "build/traguardi"
SEED = int(os.environ.get("FUZZ_SEED", "20261202"))
SECONDS = float(os.environ.get("FUZZ_SECONDS", "40"))
MAX_REQUESTS = int(os.environ.get("FUZZ_REQUESTS", "30000"))

HUGE = ["1e400", "-1e400", "123456789012345678901234567890", "9223372036854.775808",
        "0.0000001", "1E2", "-0", "100.0000001", "NaN", "Infinity", "1" * 5000]
STRINGS = ["", "45,5", "45.5", "2026-02-30", "2026-13-01", "31/12/2026", "\u0000", "é" * 300,
           "x" * 5000, "<script>", "'; DROP TABLE phase; --", "\ud7ff", "1e3", " 12 "]


def random_value(rng, depth=0):
    kind = rng.randrange(9)
    if kind == 0:
        return None
    if kind == 1:
        return rng.choice([True, False])
    if kind == 2:
        return rng.choice([0, -1, 100, 101, 2**63, -2**63 - 1, 2**200, 1.5, -0.000001])
    if kind == 3:
        return rng.choice(STRINGS)
    if kind == 4 and depth < 3:
        return [random_value(rng, depth + 1) for _ in range(rng.randrange(4))]
    if kind == 5 and depth < 3:
        return {rng.choice(["a", "note", "avanzamento"]): random_value(rng, depth + 1)}
    if kind == 6:
        return rng.uniform(-1e6, 1e6)
    return "".join(chr(rng.randrange(32, 0x2FFF)) for _ in range(rng.randrange(12)))


def patch_body(rng, schema_props):
    """Bytes of a PATCH body: mostly schema-shaped with broken values, sometimes not JSON."""
    fields = list(schema_props) + ["sconosciuto"]
    obj = {rng.choice(fields): random_value(rng) for _ in range(rng.randrange(1, 4))}
    text = json.dumps(obj, ensure_ascii=rng.random() < 0.5)
    mode = rng.randrange(10)
    if mode == 0:  # huge or odd numbers as raw JSON text
        return ('{"%s": %s}' % (rng.choice(fields), rng.choice(HUGE))).encode()
    if mode == 1:  # deep nesting
        n = rng.choice([15, 16, 17, 100, 5000, 100000])
        return ("[" * n + "]" * n).encode() if rng.random() < 0.5 else \
            ('{"note":' * n + "1" + "}" * n).encode()
    if mode == 2:  # invalid UTF-8
        raw = bytearray(text.encode())
        raw.insert(rng.randrange(len(raw) + 1), rng.choice([0xff, 0xc3, 0xed, 0x80, 0xf8]))
        return bytes(raw)
    if mode == 3:  # truncated
        return text.encode()[:rng.randrange(len(text))]
    if mode == 4:  # not an object
        return json.dumps(random_value(rng)).encode()
    if mode == 5:  # random bytes
        return bytes(rng.randrange(256) for _ in range(rng.randrange(64)))
    if mode == 6:  # duplicated keys and trailing garbage
        return (text[:-1] + ', "note": "a"} x').encode()
    return text.encode()


def hostile_segment(rng):
    return urllib.parse.quote(rng.choice(["..", "%00", "a" * 3000, "é", " ", "%ff", "C_ALTRO",
                                          "DUP_2025_2027", "-1", "0", "999999", "1e3"]),
                              safe="")


class Fuzzer:
    def __init__(self, server, doc, token):
        self.host = server.base.split("//")[1]
        self.doc = doc
        self.token = token
        self.conn = http.client.HTTPConnection(self.host, timeout=60)
        self.problem = doc["components"]["schemas"]["Problem"]

    def send(self, method, path, body=None, headers=None, token=None):
        h = {"Authorization": "Bearer " + (token or self.token)}
        h.update(headers or {})
        for attempt in range(2):
            try:
                self.conn.request(method, path, body=body, headers=h)
                r = self.conn.getresponse()
                return r.status, r.getheader("Content-Type", ""), r.read()
            except (http.client.HTTPException, ConnectionError, OSError):
                self.conn.close()
                self.conn = http.client.HTTPConnection(self.host, timeout=60)
                if attempt:
                    raise

    def check(self, what, status, ctype, content):
        assert status < 500, f"{what}: {status} {content[:300]!r}"
        if status >= 400:
            assert ctype == "application/problem+json", f"{what}: {status} {ctype}"
            errors = schema_errors(json.loads(content), self.problem, self.doc)
            assert not errors, f"{what}: {errors}"


def main():
    rng = random.Random(SEED)
    print(f"seed {SEED}, at most {SECONDS:.0f} s or {MAX_REQUESTS} requests", flush=True)
    fx = Fixture(BIN)
    server = ApiServer(BIN, fx.db, "--api-limite", "1000000")
    try:
        import urllib.request
        with urllib.request.urlopen(server.base + "/api/v1/openapi.json") as r:
            doc = json.loads(r.read())
        fz = Fuzzer(server, doc, fx.tokens["amministratore"])
        paths = list(doc["paths"].items())
        start, count, previous = time.monotonic(), 0, ""
        while time.monotonic() - start < SECONDS and count < MAX_REQUESTS:
            template, item = rng.choice(paths)
            values = {"ente": "C_VALDORA", "vista": OWN[0], "code": OWN[1],
                      "order": str(rng.choice([1, 1, 2, 0, 999999])),
                      "center": rng.choice(["01_S_2025", "01_S_2025.1", "X"]),
                      "person": urllib.parse.quote(rng.choice(["MARINI ELENA", "X"]), safe=""),
                      "assessorato": rng.choice(["SINDACO", "X"]),
                      "number": str(rng.choice([1, 2, 0, 999])),
                      "position": str(rng.choice([1, 2, 0, 999999])),
                      "report": rng.choice(["piano-di-zona", "valutazione-esiti",
                                            "statistiche-territoriali", "bilancio"])}
            # The Piano di Zona's paths mostly on the ambito, by its amministratore.
            token = None
            if "/district" in template and rng.random() < 0.8:
                values["ente"], token = AMBITO, fx.tokens["ambito_amministratore"]
            if rng.random() < 0.15:
                values[rng.choice(list(values))] = hostile_segment(rng)
            path = template
            for k, v in values.items():
                path = path.replace("{" + k + "}", v)
            # Writes as documented for the path; deletes rarely, so the plan stays to fuzz.
            writes = [m.upper() for m in ("patch", "post", "put", "delete") if m in item]
            method = rng.choice(writes) if writes and rng.random() < 0.7 else "GET"
            if method == "DELETE" and rng.random() < 0.8:
                method = "GET"
            if rng.random() < 0.03:
                method = rng.choice(["DELETE", "PUT", "POST", "OPTIONS"])
            headers, body = {}, None
            if method in ("PATCH", "PUT", "POST"):
                schema = resolve(item.get(method.lower(), {}).get("requestBody", {})
                                 .get("content", {}).get("application/json", {})
                                 .get("schema", {"properties": {}}), doc)
                body = patch_body(rng, schema.get("properties", {}))
                headers["Content-Type"] = rng.choice(
                    ["application/json"] * 6 + ["text/plain", "application/json; charset=latin1",
                                                "multipart/form-data", ""])
                if rng.random() < 0.3:
                    headers["If-Match"] = rng.choice(['"1"', "*", "W/\"2\"", "abc", '"' + "9" * 30
                                                      + '"', ""])
            if rng.random() < 0.4:
                q = {rng.choice(["limit", "cursor", "livello", "dal", "al", "anno", "cdr", "q",
                                 "format"]):
                     rng.choice(["-1", "0", "501", "1" * 40, "zz", "0a", "ab" * 600, "%ff", "peg",
                                 "2026-02-30", "é", "", "pdf", "csv", "html"])}
                path += "?" + urllib.parse.urlencode(q)
            status, ctype, content = fz.send(method, path, body, headers, token)
            what = f"{method} {path} {headers} {body!r:.200}"
            fz.check(what + " (dopo " + previous + ")", status, ctype, content)
            previous = what
            count += 1
        status, _, _ = fz.send("GET", "/healthz")
        assert status == 200, "server no longer healthy"
        print(f"{count} requests in {time.monotonic() - start:.1f} s: no 5xx, every refusal "
              "problem+json", flush=True)
    finally:
        server.stop()
        fx.cleanup()


if __name__ == "__main__":
    main()
