#!/usr/bin/env python3
"""Runs the examples of docs/api.md (issue 11) in order, in one shell, against a server on the
demo database: `traguardi` is the built binary (database traguardi.db in the working
directory), `$TRAGUARDI_URL` the server. A block ending with `# risposta: N` must make its last
request answer N; every block must exit 0. A document without examples fails.
Usage: api_docs_test.py TRAGUARDI_BINARY"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from apitest import ApiServer  # noqa: E402

BIN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/traguardi")
SEEDS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared",
                     "seeds")
DOC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "docs", "api.md")


def main():
    with open(DOC, encoding="utf-8") as f:
        blocks = re.findall(r"```sh\n(.*?)```", f.read(), re.S)
    assert len(blocks) >= 8, f"docs/api.md has only {len(blocks)} sh examples"
    with tempfile.TemporaryDirectory() as tmp:
        bindir = os.path.join(tmp, "bin")
        os.mkdir(bindir)
        os.symlink(BIN, os.path.join(bindir, "traguardi"))
        subprocess.run([BIN, "demo", "--db", "traguardi.db"], cwd=tmp, check=True,
                       capture_output=True)
        # scheda.txt for the sheet import examples: a legacy sheet of the shared seeds.
        sheets = sorted(n for n in os.listdir(SEEDS) if n.startswith("001_")) \
            if os.path.isdir(SEEDS) else []
        assert sheets, f"seed sheet 001_* missing in {SEEDS}"
        shutil.copy(os.path.join(SEEDS, sheets[0]), os.path.join(tmp, "scheda.txt"))
        server = ApiServer(BIN, os.path.join(tmp, "traguardi.db"))
        try:
            script = ["set -eo pipefail",
                      "curl() { command curl -sS -w '\\n@@HTTP %{http_code}\\n' \"$@\"; }"]
            for i, b in enumerate(blocks):
                script += [b, f"echo '@@BLOCK {i}'"]
            env = dict(os.environ, PATH=bindir + os.pathsep + os.environ["PATH"],
                       TRAGUARDI_URL=server.base)
            r = subprocess.run(["bash", "-c", "\n".join(script)], cwd=tmp, env=env,
                               capture_output=True, text=True, timeout=120)
        finally:
            server.stop()
    out = r.stdout
    print(out)
    print(r.stderr, file=sys.stderr)
    assert r.returncode == 0, f"examples failed with {r.returncode}"
    start = 0
    for i, b in enumerate(blocks):
        end = out.index(f"@@BLOCK {i}\n", start)
        codes = re.findall(r"@@HTTP (\d+)", out[start:end])
        expected = re.search(r"# risposta: (\d+)", b)
        if expected:
            assert codes and codes[-1] == expected.group(1), \
                f"example {i + 1}: expected {expected.group(1)}, got {codes}:\n{b}"
        start = end
    print(f"{len(blocks)} examples of docs/api.md ran as documented")


if __name__ == "__main__":
    main()
