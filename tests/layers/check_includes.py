#!/usr/bin/env python3
"""Checks every `#include "..."` of src/ against the layer rules of CONTRIBUTING.md.

A layer may include its own headers and those of the layers it builds on; anything else
(a front end reaching into the store, a renderer reading the importer, core doing I/O through
another layer) is reported with file:line and the rule, and the test fails.
"""
import pathlib
import re
import sys

# Which folders of src/ each layer may include (besides itself).
# `io` (files written whole or not at all) sits beside core: no domain, only core below it.
ALLOWED = {
    "core": set(),
    "io": {"core"},
    "store": {"core", "io"},
    "importer": {"core", "io"},
    "report": {"core", "io"},
    "interchange": {"core", "io"},
    "app": {"core", "io", "store", "importer", "report", "interchange"},
    "cli": {"core", "io", "app"},
    "web": {"core", "io", "app"},
}

# Single headers allowed across the rules, each with its reason.
EXCEPTIONS = {
    # `traguardi serve` starts the web server: the command line is the program's entry point.
    ("cli", "web/server.h"),
}

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def main() -> int:
    src = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "src")
    problems = []
    checked = 0
    for path in sorted(src.rglob("*")):
        if path.suffix not in {".h", ".hpp", ".cpp", ".cc", ".in"} or not path.is_file():
            continue
        layer = path.relative_to(src).parts[0]
        if len(path.relative_to(src).parts) == 1:
            continue  # files directly in src/ (none today) belong to no layer
        if layer not in ALLOWED:
            problems.append(f"{path}: cartella «{layer}» senza regole di livello "
                            "(aggiungerla a CONTRIBUTING.md e a questo test)")
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            m = INCLUDE.match(line)
            if not m:
                continue
            target = m.group(1).split("/")[0]
            checked += 1
            if "/" not in m.group(1):
                continue  # a header beside the file (generated or local)
            if (layer, m.group(1)) in EXCEPTIONS:
                continue
            if target != layer and target not in ALLOWED[layer]:
                allowed = ", ".join(sorted(ALLOWED[layer] | {layer}))
                problems.append(f"{path}:{n}: {layer} include \"{m.group(1)}\"; "
                                f"{layer} può includere solo: {allowed}")
    for p in problems:
        print(p)
    print(f"{checked} include controllati, {len(problems)} violazioni")
    if checked == 0:
        print("nessun include trovato: percorso di src/ sbagliato?")
        return 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
