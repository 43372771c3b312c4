#!/usr/bin/env python3
"""Lints src/web/openapi.json with Redocly CLI (npm devDependency @redocly/cli, `npm ci`),
recommended-strict rules (tests/web/redocly.yaml): any warning fails. Without node_modules
the test is skipped (77) on a laptop and fails under CI=true.
Usage: openapi_lint.py NODE"""
import os
import subprocess
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
CLI = os.path.join(ROOT, "node_modules", "@redocly", "cli", "bin", "cli.js")
node = sys.argv[1] if len(sys.argv) > 1 else "node"
if not os.path.exists(CLI):
    print("node_modules/@redocly/cli mancante: eseguire «npm ci»", file=sys.stderr)
    sys.exit(1 if os.environ.get("CI") else 77)
env = dict(os.environ, REDOCLY_TELEMETRY="off", REDOCLY_SUPPRESS_UPDATE_NOTICE="true",
           NO_UPDATE_NOTIFIER="1")
r = subprocess.run([node, CLI, "lint", "--config",
                    os.path.join(ROOT, "tests", "web", "redocly.yaml"),
                    os.path.join(ROOT, "src", "web", "openapi.json")],
                   env=env, capture_output=True, text=True, timeout=300)
print(r.stdout)
print(r.stderr, file=sys.stderr)
if r.returncode != 0 or "valid" not in r.stdout + r.stderr:
    sys.exit(1)
