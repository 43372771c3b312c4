"""Helpers of the /api/v1 tests: a demo database with users of every role and another ente,
personal tokens made with `traguardi token add`, a server started with chosen options, and a
client that sends JSON and returns (status, headers, parsed body)."""
import json
import os
import re
import signal
import subprocess
import tempfile
import urllib.error
import urllib.request

from webtest import add_user, run

OTHER_ENTE_PLAN = {
    "format": "traguardi", "format_version": 1,
    "enti": [{"ente": {"code": "C_ALTRO", "name": "Comune Altro"},
              "vistas": [{"code": "DUP_2099"}],
              "objectives": [{"vista": "DUP_2099", "code": "2099_X_01", "level": "peg",
                              "year": 2099, "phases": [{"order": 1, "description": "Segreta",
                                                        "weight": "100", "progress": "10"}],
                              "indicators": [{"order": 1, "description": "Segreto",
                                              "target": "10", "actual": "5"}]}]}]}

OWN = ("DUP_2025_2027", "2025_S01_01")    # CdR 01_S_2025: the responsabile's
OTHER = ("DUP_2025_2027", "2025_S02_01")  # another CdR
ROLES = ["amministratore", "controllo", "responsabile", "lettore"]


class Fixture:
    """A demo database in a temporary directory with one user and one token per role."""

    def __init__(self, binary):
        self.binary = binary
        self.tmp = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.tmp.name, "api.db")
        run(binary, "demo", "--db", self.db)
        plan = os.path.join(self.tmp.name, "altro.json")
        with open(plan, "w") as f:
            json.dump(OTHER_ENTE_PLAN, f)
        run(binary, "import", plan, "--db", self.db)
        add_user(binary, self.db, "amministratore", "amministratore")
        add_user(binary, self.db, "controllo", "controllo")
        add_user(binary, self.db, "responsabile", "responsabile", cdr="01_S_2025")
        add_user(binary, self.db, "lettore", "lettore")
        add_user(binary, self.db, "altro", "amministratore", ente="C_ALTRO")
        self.tokens = {r: self.token(r) for r in ROLES}
        self.tokens["altro_ente"] = self.token("altro")

    def token(self, user, *extra):
        out = run(self.binary, "token", "add", user, "--db", self.db, *extra)
        return out.strip().splitlines()[-1]

    def cleanup(self):
        self.tmp.cleanup()


class ApiServer:
    def __init__(self, binary, db, *extra):
        self.proc = subprocess.Popen([binary, "serve", "--db", db, "--port", "0", "--senza-log",
                                      *extra],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if not m:
            self.proc.kill()
            raise AssertionError("server did not start: " + line + self.proc.stderr.read())
        self.base = f"http://127.0.0.1:{m.group(1)}"

    def stop(self):
        os.kill(self.proc.pid, signal.SIGTERM)
        code = self.proc.wait(timeout=30)
        self.proc.stdout.close()
        self.proc.stderr.close()
        assert code == 0, f"serve exited with {code}"

    def call(self, method, path, token=None, body=None, headers=None, raw=None):
        """(status, headers, parsed JSON or raw bytes). `raw` sends bytes as they are."""
        h = dict(headers or {})
        if token:
            h["Authorization"] = "Bearer " + token
        data = raw
        if body is not None:
            data = json.dumps(body).encode()
            h.setdefault("Content-Type", "application/json")
        req = urllib.request.Request(self.base + path, data=data, method=method, headers=h)
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                status, hdrs, content = r.status, r.headers, r.read()
        except urllib.error.HTTPError as e:
            status, hdrs, content = e.code, e.headers, e.read()
        ctype = hdrs.get("Content-Type", "")
        if "json" in ctype and content:
            return status, hdrs, json.loads(content)
        return status, hdrs, content
