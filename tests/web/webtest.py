"""Helpers of the web tests: a real `traguardi serve` on 127.0.0.1 (ephemeral port, started
and stopped by pid) and a cookie-keeping client that does not follow redirects, so each test
sees the status the server answered."""
import http.cookiejar
import os
import re
import signal
import subprocess
import urllib.error
import urllib.parse
import urllib.request
import uuid

PASSWORD = "password-di-prova-1"


def run(binary, *args, stdin=None):
    r = subprocess.run([binary, *args], input=stdin, text=True, capture_output=True)
    if r.returncode != 0:
        raise AssertionError(f"traguardi {' '.join(args)} -> {r.returncode}: {r.stderr}")
    return r.stdout


def add_user(binary, db, name, role, ente="C_VALDORA", cdr=""):
    args = ["user", "add", name, "--ruolo", role, "--password-stdin", "--db", db]
    if ente:
        args += ["--ente", ente]
    if cdr:
        args += ["--cdr", cdr]
    run(binary, *args, stdin=PASSWORD + "\n")


class Server:
    def __init__(self, binary, db):
        self.proc = subprocess.Popen([binary, "serve", "--db", db, "--port", "0", "--senza-log"],
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
        assert code == 0, f"serve exited with {code}"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Client:
    def __init__(self, server, jar=None):
        self.server = server
        self.jar = jar if jar is not None else http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar),
                                                  _NoRedirect())
        self.csrf = ""

    def request(self, path, data=None, body=None, headers=None):
        if data is not None:
            body = urllib.parse.urlencode(data).encode()
        req = urllib.request.Request(self.server.base + path, data=body, headers=headers or {})
        try:
            with self.opener.open(req, timeout=120) as r:
                status, headers, content = r.status, r.headers, r.read()
        except urllib.error.HTTPError as e:
            status, headers, content = e.code, e.headers, e.read()
        text = content.decode("utf-8", "replace") if "text" in headers.get("Content-Type", "") else ""
        m = re.findall(r'name="csrf" value="([0-9a-f]+)"', text)
        if m:
            self.csrf = m[-1]
        return status, headers, text if text else content

    def multipart(self, path, fields, files=(), csrf=True):
        """POST multipart/form-data, as the pages' forms do: fields {name: str}, files
        [(name, filename, bytes)]."""
        data = dict(fields)
        if csrf:
            data.setdefault("csrf", self.csrf)
        b = uuid.uuid4().hex
        body = b""
        for k, v in data.items():
            body += (f'--{b}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n').encode()
            body += v.encode() + b"\r\n"
        for name, filename, content in files:
            body += (f'--{b}\r\nContent-Disposition: form-data; name="{name}"; '
                     f'filename="{filename}"\r\nContent-Type: text/plain\r\n\r\n').encode()
            body += content + b"\r\n"
        body += f"--{b}--\r\n".encode()
        return self.request(path, body=body,
                            headers={"Content-Type": "multipart/form-data; boundary=" + b})

    def get(self, path):
        return self.request(path)

    def post(self, path, fields, csrf=True):
        data = dict(fields)
        if csrf:
            data.setdefault("csrf", self.csrf)
        return self.request(path, data)

    def login(self, name, password=PASSWORD):
        self.get("/accesso")
        return self.post("/accesso", {"nome": name, "password": password, "dopo": "/"})
