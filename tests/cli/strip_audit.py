#!/usr/bin/env python3
"""Writes an interchange file without its "audit_log" keys and prints the entries per ente.

The plan round-trips byte for byte through export → import → export, but the audit log grows by
the import's own entry (docs/interchange.md): data-file cases compare the plans with this and
check the log counts separately.

    strip_audit.py IN.json OUT.json
"""
import json
import sys

with open(sys.argv[1], encoding="utf-8") as f:
    doc = json.load(f)
for ente in doc["enti"]:
    log = ente.pop("audit_log", [])
    actions = ", ".join(e["action"] for e in log)
    print(f"{ente['ente']['code']}: {len(log)} voci del registro ({actions})")
with open(sys.argv[2], "w", encoding="utf-8") as f:
    json.dump(doc, f, ensure_ascii=False, indent=2)
    f.write("\n")
