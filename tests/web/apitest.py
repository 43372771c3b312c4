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

AMBITO = "A_VALDORA"  # the demo's ambito, with its Piano di Zona (C_VALDORA has none)
OWN = ("DUP_2025_2027", "2025_S01_01")    # CdR 01_S_2025: the responsabile's
OTHER = ("DUP_2025_2027", "2025_S02_01")  # another CdR
ROLES = ["amministratore", "controllo", "responsabile", "lettore"]


class Fixture:
    """A demo database in a temporary directory with one user and one token per role, for the
    comune C_VALDORA (tokens[role]) and for the ambito A_VALDORA (tokens["ambito_" + role])."""

    def __init__(self, binary, db=None):
        self.binary = binary
        self.tmp = tempfile.TemporaryDirectory()
        self.db = db or os.path.join(self.tmp.name, "api.db")
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
        for role in ROLES:  # the ambito's responsabile: the Ufficio di Piano
            add_user(binary, self.db, "amb-" + role, role, ente=AMBITO,
                     cdr="UDP_2024" if role == "responsabile" else "")
            self.tokens["ambito_" + role] = self.token("amb-" + role)

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


# --- a validator for the subset of JSON Schema 2020-12 that src/web/openapi.json uses --------

DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _type_ok(value, t):
    if t == "null":
        return value is None
    if t == "boolean":
        return isinstance(value, bool)
    if t == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if t == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if t == "string":
        return isinstance(value, str)
    if t == "array":
        return isinstance(value, list)
    if t == "object":
        return isinstance(value, dict)
    raise AssertionError(f"schema type {t!r} not supported by the test validator")


KNOWN_KEYWORDS = {"$ref", "type", "enum", "required", "properties", "additionalProperties",
                  "items", "pattern", "minimum", "maximum", "format", "description",
                  "minProperties", "maxLength"}


def validate(value, schema, doc, where="$"):
    """Errors (strings) of `value` against `schema`; $ref resolved inside `doc`."""
    unknown = set(schema) - KNOWN_KEYWORDS
    if unknown:
        raise AssertionError(f"{where}: schema keywords {unknown} not supported by the validator")
    if "$ref" in schema:
        target = doc
        for part in schema["$ref"].lstrip("#/").split("/"):
            target = target[part]
        return validate(value, target, doc, where)
    errors = []
    types = schema.get("type")
    if types is not None:
        types = types if isinstance(types, list) else [types]
        if not any(_type_ok(value, t) for t in types):
            return [f"{where}: {value!r:.80} is not of type {types}"]
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{where}: {value!r} not in {schema['enum']}")
    if isinstance(value, str):
        if "pattern" in schema and not re.search(schema["pattern"], value):
            errors.append(f"{where}: {value!r} does not match {schema['pattern']}")
        if schema.get("format") == "date" and not DATE_RE.match(value):
            errors.append(f"{where}: {value!r} is not a date")
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            errors.append(f"{where}: longer than {schema['maxLength']}")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            errors.append(f"{where}: {value} < {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            errors.append(f"{where}: {value} > {schema['maximum']}")
    if isinstance(value, dict):
        for key in schema.get("required", []):
            if key not in value:
                errors.append(f"{where}: missing {key!r}")
        props = schema.get("properties", {})
        for key, v in value.items():
            if key in props:
                errors += validate(v, props[key], doc, f"{where}.{key}")
            elif schema.get("additionalProperties") is False:
                errors.append(f"{where}: undocumented property {key!r}")
    if isinstance(value, list) and "items" in schema:
        for i, v in enumerate(value):
            errors += validate(v, schema["items"], doc, f"{where}[{i}]")
    return errors


_validators = {}


def third_party_errors(value, schema, doc, where="$"):
    """Errors of `value` against `schema` by a validator we did not write: the `jsonschema`
    package (Debian's python3-jsonschema), JSON Schema 2020-12 as OpenAPI 3.1 uses it, with
    formats checked. It checks what `validate` does on its own, so a mistake in our validator
    cannot make a wrong answer pass. The document's components travel with the schema, so its
    "#/components/..." references resolve with any version of the package (4.10 to 4.26)."""
    key = (id(schema), id(doc))
    if key not in _validators:  # one per schema: the fuzz run checks thousands of refusals
        import jsonschema  # imported here: only the tests that validate answers need it
        root = dict(schema, components=doc["components"])
        checker = jsonschema.FormatChecker()
        # schema and doc are kept with it, so that their ids are not reused by other objects
        _validators[key] = (jsonschema.Draft202012Validator(root, format_checker=checker),
                            schema, doc)
    validator = _validators[key][0]
    return [f"{where}{'/' + '/'.join(map(str, e.absolute_path)) if e.absolute_path else ''}: "
            f"{e.message:.200} (jsonschema)" for e in validator.iter_errors(value)]


def schema_errors(value, schema, doc):
    """Errors of `value` by both validators."""
    return validate(value, schema, doc) + third_party_errors(value, schema, doc)


def resolve(node, doc):
    while "$ref" in node:
        target = doc
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = target
    return node


def check_response(doc, op, status, headers, body):
    """Errors of one answer against the operation's documented responses."""
    responses = op["responses"]
    if str(status) not in responses:
        return [f"undocumented status {status} (documented: {sorted(responses)})"]
    r = resolve(responses[str(status)], doc)
    content = r.get("content")
    if not content:
        return [] if not body else [f"status {status} documents no body but got {body!r:.80}"]
    ctype = headers.get("Content-Type", "").split(";")[0]
    if ctype not in content:
        return [f"status {status}: content type {ctype!r} not documented ({list(content)})"]
    if "json" not in ctype:  # a file: its type is documented, its bytes are not JSON
        return [] if body else [f"status {status}: empty {ctype} body"]
    if not isinstance(body, (dict, list)):
        return [f"status {status}: body is not JSON: {body!r:.80}"]
    return schema_errors(body, content[ctype]["schema"], doc)
