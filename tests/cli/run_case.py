#!/usr/bin/env python3
"""Runs one data-file test of the `traguardi` command (tests/cli/README.md).

A case file holds input files, commands and their expected output, so observable behaviour is
tested the way a user meets it: the built binary, real files, exit codes and messages.
"""
import os
import shlex
import subprocess
import sys
import tempfile


def fail(case, line, message):
    print(f"{case}:{line}: {message}")
    sys.exit(1)


def main():
    binary, case = sys.argv[1], sys.argv[2]
    with open(case, encoding="utf-8") as f:
        lines = f.read().split("\n")
    work = tempfile.mkdtemp(prefix="traguardi-case-")
    env = dict(os.environ, TZ="UTC", LC_ALL="C.UTF-8", SOURCE_DATE_EPOCH="1700000000")
    env.pop("TRAGUARDI_DB", None)
    last = None
    checks = 0
    i = 0

    def block(start):
        body = []
        j = start
        while j < len(lines) and lines[j] != "@end":
            body.append(lines[j])
            j += 1
        if j == len(lines):
            fail(case, start, "blocco senza @end")
        return "\n".join(body) + ("\n" if body else ""), j + 1

    def expand(text):
        return (text.replace("{dir}", work)
                .replace("{source}", os.environ.get("TRAGUARDI_SOURCE_DIR", ""))
                .replace("{traguardi}", binary))

    while i < len(lines):
        line = lines[i]
        n = i + 1
        if not line or line.startswith("#"):
            i += 1
            continue
        word, _, rest = line.partition(" ")
        if word == "@file":
            content, i = block(i + 1)
            with open(os.path.join(work, rest), "w", encoding="utf-8") as out:
                out.write(expand(content))
            continue
        if word == "@run":
            args = [expand(a) for a in shlex.split(rest)]
            if args and args[0] == "traguardi":
                args[0] = binary
            elif args and args[0] == "env":  # env VAR=value traguardi ...
                args = [binary if a == "traguardi" else a for a in args]
            last = subprocess.run(args, cwd=work, env=env, capture_output=True, text=True, timeout=600)
            i += 1
            continue
        if last is None:
            fail(case, n, f"«{word}» prima di un @run")
        checks += 1
        if word == "@exit":
            if last.returncode != int(rest):
                fail(case, n, f"exit {last.returncode}, atteso {rest}\nstdout:\n{last.stdout}\nstderr:\n{last.stderr}")
        elif word in ("@stdout", "@stderr"):
            expected, i = block(i + 1)
            actual = last.stdout if word == "@stdout" else last.stderr
            if actual != expand(expected):
                fail(case, n, f"{word[1:]} diverso.\n--- atteso\n{expand(expected)}--- ottenuto\n{actual}")
            continue
        elif word in ("@stdout-contains", "@stderr-contains"):
            actual = last.stdout if word == "@stdout-contains" else last.stderr
            if expand(rest) not in actual:
                fail(case, n, f"{word[1:]}: manca «{rest}»\nottenuto:\n{actual}")
        elif word in ("@stdout-lacks", "@stderr-lacks"):
            actual = last.stdout if word == "@stdout-lacks" else last.stderr
            if expand(rest) in actual:
                fail(case, n, f"{word[1:]}: non doveva comparire «{rest}»\nottenuto:\n{actual}")
        elif word == "@same-file":
            a, b = (os.path.join(work, p) for p in rest.split())
            if open(a, "rb").read() != open(b, "rb").read():
                fail(case, n, f"{rest}: i file differiscono")
        elif word == "@file-absent":
            if os.path.exists(os.path.join(work, rest)):
                fail(case, n, f"{rest} non doveva essere creato")
        else:
            fail(case, n, f"direttiva sconosciuta «{word}»")
        i += 1
    if checks == 0:
        fail(case, 1, "nessuna verifica nel caso")
    print(f"{os.path.basename(case)}: {checks} verifiche superate")


if __name__ == "__main__":
    main()
