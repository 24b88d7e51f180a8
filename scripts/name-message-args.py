#!/usr/bin/env python3
"""Rewrites positional message calls into named ones, in every .rs file of the tree.

The generated catalogue modules (mynapin-catalogue) take the variables of a message with two
or more of them in a struct named after the message, so two arguments cannot be swapped:

    msg::pad_step(lang, n, name)   ->   msg::pad_step(lang, msg::PadStep { no: n, pin: name })

(the positional functions took the variables in alphabetical order, so that is the order the
positional arguments are read in). The list of every message's variables is the generator's
own: `cargo run -p mynapin-catalogue -- vars words/i18n src/cli/i18n` (or --vars FILE with its
output). Calls are found by a scanner that skips comments, strings and character literals and
matches parentheses, brackets, braces and turbofish angle brackets; a call inside another's
arguments is rewritten too. A call already named is left alone, so the script is idempotent.
A call it cannot read (a wrong number of arguments, a message used as a function value) is
reported and left alone. Run `cargo fmt --all` afterwards.

Usage: python3 scripts/name-message-args.py [--dry-run] [--vars FILE] [ROOT]
"""

import os
import re
import subprocess
import sys

KEYWORDS = set(
    "as break const continue crate else enum extern false fn for if impl in let loop match mod "
    "move mut pub ref return self static struct super trait true type unsafe use where while "
    "async await dyn lang args say".split()
)
CATALOGUES = ["words/i18n", "src/cli/i18n"]


def rust_name(ident):
    """Mirrors mynapin_catalogue::rust_name."""
    name = ident.replace("-", "_")
    return name + "_" if name in KEYWORDS else name


def type_name(ident):
    """Mirrors mynapin_catalogue::type_name."""
    return "".join(p[:1].upper() + p[1:] for p in re.split(r"[-_]", ident) if p)


def load_vars(root, path):
    """function name -> (type name, [field names in positional order]), for every message with
    two or more variables."""
    if path:
        text = open(path, encoding="utf-8").read()
    else:
        dirs = [d for d in CATALOGUES if os.path.isdir(os.path.join(root, d))]
        text = subprocess.run(
            ["cargo", "run", "-q", "-p", "mynapin-catalogue", "--", "vars", *dirs],
            cwd=root,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    out = {}
    for line in text.splitlines():
        if not line.strip():
            continue
        _, ident, vs = line.split("\t")
        vs = [v for v in vs.split(",") if v]
        if len(vs) >= 2:
            out[rust_name(ident)] = (type_name(ident), [rust_name(v) for v in vs])
    if not text.strip():
        sys.exit("name-message-args: no messages listed")
    return out


CHAR = re.compile(r"'(\\u\{[0-9a-fA-F]+\}|\\.|[^\\'])'")
RAW = re.compile(r'(?:b|c)?r(#*)"')
IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
PATH_CALL = re.compile(r"((?:[A-Za-z_][A-Za-z0-9_]*::)*msg::)([A-Za-z_][A-Za-z0-9_]*)\b")


def skip_literal(text, i):
    """If a comment, string or char literal starts at i, the index after it; else None."""
    if text.startswith("//", i):
        j = text.find("\n", i)
        return len(text) if j < 0 else j
    if text.startswith("/*", i):
        depth, i = 1, i + 2
        while i < len(text) and depth:
            if text.startswith("/*", i):
                depth, i = depth + 1, i + 2
            elif text.startswith("*/", i):
                depth, i = depth - 1, i + 2
            else:
                i += 1
        return i
    prev_ident = i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_")
    m = RAW.match(text, i)
    if m and not prev_ident:
        end = text.find('"' + m.group(1), m.end())
        return len(text) if end < 0 else end + 1 + len(m.group(1))
    if text[i] == '"' or (text.startswith('b"', i) and not prev_ident):
        i = text.index('"', i) + 1
        while i < len(text) and text[i] != '"':
            i += 2 if text[i] == "\\" else 1
        return i + 1
    if text[i] == "'":
        m = CHAR.match(text, i)
        if m:
            return m.end()
    return None


def arguments(text, i):
    """The arguments of the call whose `(` is at text[i]: ([(start, end)], index after `)`),
    split at top-level commas; None if the parentheses do not close."""
    assert text[i] == "("
    depth, angle, start, spans = 0, 0, i + 1, []
    j = i
    while j < len(text):
        after = skip_literal(text, j)
        if after is not None:
            j = after
            continue
        c = text[j]
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                spans.append((start, j))
                if not text[spans[-1][0] : spans[-1][1]].strip():
                    spans.pop()  # a trailing comma
                return spans, j + 1
        elif text.startswith("::<", j) and depth == 1:
            angle += 1
            j += 3
            continue
        elif c == "<" and angle and depth == 1:
            angle += 1
        elif c == ">" and angle and depth == 1 and text[j - 1] != "-":
            angle -= 1
        elif c == "," and depth == 1 and not angle:
            spans.append((start, j))
            start = j + 1
        j += 1
    return None


class Counts:
    def __init__(self):
        self.converted = 0
        self.named = 0
        self.problems = []


def transform(text, msgs, counts, where):
    out, i, last = [], 0, 0
    while i < len(text):
        after = skip_literal(text, i)
        if after is not None:
            i = after
            continue
        prev_ident = i > 0 and (text[i - 1].isalnum() or text[i - 1] in "_:")
        m = None if prev_ident else PATH_CALL.match(text, i)
        if not m or m.group(2) not in msgs:
            if m:
                i = m.end()
            else:
                i += 1
            continue
        path, name = m.group(1), m.group(2)
        ty, fields = msgs[name]
        k = m.end()
        while k < len(text) and text[k] in " \t\n":
            k += 1
        if k >= len(text) or text[k] != "(":
            line = text.count("\n", 0, i) + 1
            counts.problems.append(f"{where}:{line}: msg::{name} not called (a function value?)")
            i = m.end()
            continue
        parsed = arguments(text, k)
        if parsed is None:
            line = text.count("\n", 0, i) + 1
            counts.problems.append(f"{where}:{line}: msg::{name}( does not close")
            i = m.end()
            continue
        spans, end = parsed
        args = [text[a:b].strip() for a, b in spans]
        line = text.count("\n", 0, i) + 1
        if len(args) == 2 and re.match(
            r"(?:[A-Za-z_][A-Za-z0-9_]*::)*" + re.escape(ty) + r"\s*\{", args[1]
        ):
            counts.named += 1
            inner = transform(text[k:end], msgs, counts, where)
            out.append(text[last:k])
            out.append(inner)
            last = i = end
            continue
        if len(args) != len(fields) + 1:
            counts.problems.append(
                f"{where}:{line}: msg::{name} takes lang and {len(fields)} variables "
                f"{fields}, the call has {len(args)} arguments"
            )
            i = end
            continue
        args = [transform(a, msgs, counts, where) for a in args]
        named = []
        for f, a in zip(fields, args[1:]):
            named.append(f if a == f else f"{f}: {a}")
        new = f"{path}{name}({args[0]}, {path}{ty} {{ {', '.join(named)} }})"
        out.append(text[last:i])
        out.append(new)
        counts.converted += 1
        last = i = end
    out.append(text[last:])
    return "".join(out)


def main():
    argv = sys.argv[1:]
    dry = "--dry-run" in argv
    vars_file = None
    if "--vars" in argv:
        vars_file = argv[argv.index("--vars") + 1]
    rest = [a for n, a in enumerate(argv) if not a.startswith("--") and (n == 0 or argv[n - 1] != "--vars")]
    root = os.path.abspath(rest[0] if rest else os.path.join(os.path.dirname(__file__), ".."))
    msgs = load_vars(root, vars_file)
    counts, files = Counts(), 0
    for base, subdirs, names in os.walk(root):
        subdirs[:] = sorted(s for s in subdirs if s not in ("target", ".git", "fuzz"))
        for f in sorted(names):
            if not f.endswith(".rs"):
                continue
            path = os.path.join(base, f)
            text = open(path, encoding="utf-8").read()
            if "msg::" not in text:
                continue
            before = counts.converted
            new = transform(text, msgs, counts, os.path.relpath(path, root))
            if new != text:
                files += 1
                print(f"  {os.path.relpath(path, root)}: {counts.converted - before} calls named")
                if not dry:
                    with open(path, "w", encoding="utf-8") as out:
                        out.write(new)
    print(
        f"name-message-args: {counts.converted} calls named in {files} files, "
        f"{counts.named} already named; {len(msgs)} messages take two or more variables"
        + (" (dry run: nothing written)" if dry else "")
    )
    for p in counts.problems:
        print(f"CANNOT READ: {p}")
    return 1 if counts.problems else 0


if __name__ == "__main__":
    sys.exit(main())
