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
ALLOWED = {
    "core": set(),
    "store": {"core"},
    "importer": {"core"},
    "report": {"core"},
    "interchange": {"core"},
    "app": {"core", "store", "importer", "report", "interchange"},
    "cli": {"core", "app"},
    "web": {"core", "app"},
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
