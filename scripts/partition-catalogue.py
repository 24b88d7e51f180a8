#!/usr/bin/env python3
"""Puts each message in the catalogue of the crate that shows it.

mynapin has two catalogues, one per crate that says something: words/i18n/<tag>.ftl (the
words crate's, `mynapin_words::msg`) and src/cli/i18n/<tag>.ftl (the command line's,
`cli::lang::msg`). Each crate's `msg` module is crate-private, so a message must live in the
catalogue of the crate whose code calls it. This script reads which crate's sources name
`msg::<name>` (a message's function, its struct of named variables, or the lookup function of
a run-time family such as `msg::help(id)`, which uses every `help-` message), then moves every
message, in every language, with the comment lines above it, into that crate's file, under the
same `##` section heading.

- A message both crates call stays in words/i18n and is reported as SHARED: the command line
  cannot call the words crate's private function; the fix is a public function of the words
  crate that says it (then rerun this script).
- A message nobody calls stays where it is and is reported as UNUSED (rustc reports it too).
- A message in both files (after a merge that kept both copies) is kept once, the words
  file's, and reported as DUPLICATE. After merging work that edited words/i18n/*.ftl, the
  simplest is to take the merged words/i18n files whole, delete src/cli/i18n/*.ftl, and run
  this script: it rebuilds the command line's files from what the code calls.

Rerun it after moving wording between src/cli and words/src. It rewrites only the .ftl files;
it is idempotent. Usage: python3 scripts/partition-catalogue.py [--dry-run] [ROOT]
Exit status: 0, or 1 when a message is SHARED (the files are written all the same).
"""

import os
import re
import sys

CRATES = {
    # crate: (its catalogue folder, the folders of its sources)
    "words": ("words/i18n", ["words/src"]),
    "cli": ("src/cli/i18n", ["src"]),
}
ORDER = ["words", "cli"]

PREAMBLE = {
    "en": [
        "# The command line's own messages in English (the mynapin binary: clap's help, prompts,",
        "# progress and the texts only the command line says). The words every front end says",
        "# are in words/i18n/en.ftl; both files make one catalogue per language at run time.",
        "# scripts/partition-catalogue.py moves each message to the file of the crate that shows it.",
        "",
    ],
    "ja": [
        "# コマンドライン（mynapin）だけが使うメッセージ（clap のヘルプ、入力の案内、進み具合など）。",
        "# どの画面でも使う言葉は words/i18n/ja.ftl にあり、実行時には両方で一つのカタログになる。",
        "# メッセージをどちらのファイルに置くかは scripts/partition-catalogue.py が決める。",
        "",
    ],
}

MESSAGE = re.compile(r"^([a-zA-Z][a-zA-Z0-9_-]*)\s*=")
KEYWORDS = set(
    "as break const continue crate else enum extern false fn for if impl in let loop match mod "
    "move mut pub ref return self static struct super trait true type unsafe use where while "
    "async await dyn lang args say".split()
)


def rust_name(ident):
    """Mirrors mynapin_catalogue::rust_name."""
    name = ident.replace("-", "_")
    return name + "_" if name in KEYWORDS else name


def type_name(ident):
    """Mirrors mynapin_catalogue::type_name."""
    return "".join(p[:1].upper() + p[1:] for p in re.split(r"[-_]", ident) if p)


def families(root):
    """(prefix, lookup name, supplied variables) of mynapin_catalogue::FAMILIES."""
    src = open(os.path.join(root, "words/catalogue/src/lib.rs"), encoding="utf-8").read()
    body = src[src.index("pub const FAMILIES"):]
    body = body[: body.index("];")]
    out = []
    for m in re.finditer(
        r'prefix:\s*"([^"]+)",\s*name:\s*"([^"]+)",\s*vars:\s*&\[([^\]]*)\]', body
    ):
        out.append((m.group(1), m.group(2), set(re.findall(r'"([^"]+)"', m.group(3)))))
    if not out:
        sys.exit("partition-catalogue: no FAMILIES found in words/catalogue/src/lib.rs")
    return out


# ------------------------------------------------------------------------------------------
# Fluent files: sections of entries, each entry with the comment lines above it
# ------------------------------------------------------------------------------------------


class Entry:
    def __init__(self, ident, lead, body):
        self.id = ident  # the message id
        self.lead = lead  # the comment (and blank) lines above it
        self.body = body  # the message's own lines


class Section:
    def __init__(self, header):
        self.header = header  # the `##` line(s), or [] for the part before the first one
        self.entries = []
        self.tail = []  # comments after the last message

    def key(self):
        return self.header[0] if self.header else ""


def parse(text):
    """(preamble lines, [Section]) of a Fluent file. The preamble is the resource comment
    before the first message or `##` heading, when it is separated from what follows by a
    blank line."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    sections = [Section([])]
    pending = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("##") and not line.startswith("###"):
            sections[-1].tail = pending
            pending = []
            header = [line]
            i += 1
            while i < len(lines) and lines[i].startswith("##") and not lines[i].startswith("###"):
                header.append(lines[i])
                i += 1
            sections.append(Section(header))
            continue
        m = MESSAGE.match(line)
        if m:
            body = [line]
            i += 1
            while i < len(lines):
                nxt = lines[i]
                if nxt.startswith((" ", "\t", "}")):
                    body.append(nxt)
                    i += 1
                elif nxt.strip() == "":
                    # A blank line belongs to the message only if an indented line follows.
                    j = i
                    while j < len(lines) and lines[j].strip() == "":
                        j += 1
                    if j < len(lines) and lines[j].startswith((" ", "\t")):
                        body.extend(lines[i:j])
                        i = j
                    else:
                        break
                else:
                    break
            sections[-1].entries.append(Entry(m.group(1), pending, body))
            pending = []
            continue
        pending.append(line)
        i += 1
    sections[-1].tail = pending
    # The part before the first heading: its leading comment block (up to a blank line) is
    # the file's preamble when no message follows directly.
    first = sections[0]
    preamble = []
    if first.entries:
        lead = first.entries[0].lead
        if "" in lead:
            cut = lead.index("") + 1
            preamble, first.entries[0].lead = lead[:cut], lead[cut:]
    else:
        preamble, first.tail = first.tail, []
    return preamble, sections


def render(preamble, sections):
    out = list(preamble)
    for s in sections:
        if not s.entries and not s.tail and not s.header:
            continue
        if s.header:
            while out and out[-1] == "":
                out.pop()
            if out:
                out.append("")
            out.extend(s.header)
        for n, e in enumerate(s.entries):
            lead = list(e.lead)
            if n == 0 and s.header:
                # One blank line between the heading and the first message's comment.
                while lead and lead[0] == "":
                    lead.pop(0)
                lead.insert(0, "")
            out.extend(lead)
            out.extend(e.body)
        out.extend(s.tail)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


def variables(entries):
    """id -> the variables of each message (with those of the messages it refers to)."""
    direct, refs = {}, {}
    for e in entries:
        text = "\n".join(e.body)
        # `{ $n }`, `{ $n ->`, `NUMBER($n)`: a `$` in plain text is text.
        direct[e.id] = set(re.findall(r"[{(,]\s*\$([a-zA-Z][a-zA-Z0-9_-]*)", text))
        refs[e.id] = set(re.findall(r"\{\s*([a-zA-Z][a-zA-Z0-9_-]*)\s*[}.(]", text))
    out = {}
    for ident in direct:
        seen, stack, vs = set(), [ident], set()
        while stack:
            x = stack.pop()
            if x in seen or x not in direct:
                continue
            seen.add(x)
            vs |= direct[x]
            stack.extend(refs[x])
        out[ident] = vs
    return out


# ------------------------------------------------------------------------------------------
# Rust sources: which `msg::` names each crate uses
# ------------------------------------------------------------------------------------------


def strip_comments_and_strings(src):
    """The code of a Rust file with comments and string/char literals blanked out."""
    out, i, n = [], 0, len(src)
    while i < n:
        c = src[i]
        if src.startswith("//", i):
            j = src.find("\n", i)
            i = n if j < 0 else j
        elif src.startswith("/*", i):
            depth, i = 1, i + 2
            while i < n and depth:
                if src.startswith("/*", i):
                    depth, i = depth + 1, i + 2
                elif src.startswith("*/", i):
                    depth, i = depth - 1, i + 2
                else:
                    i += 1
        elif c == "r" and re.match(r'r#*"', src[i:]) and (i == 0 or not (src[i - 1].isalnum() or src[i - 1] == "_")):
            hashes = len(re.match(r'r(#*)"', src[i:]).group(1))
            end = src.find('"' + "#" * hashes, i + 2 + hashes)
            i = n if end < 0 else end + 1 + hashes
            out.append('""')
        elif c == '"':
            i += 1
            while i < n and src[i] != '"':
                i += 2 if src[i] == "\\" else 1
            i += 1
            out.append('""')
        elif c == "'" and re.match(r"'(\\.|[^\\'])'|'\\u\{[0-9a-fA-F]+\}'", src[i:]):
            m = re.match(r"'(\\.|[^\\'])'|'\\u\{[0-9a-fA-F]+\}'", src[i:])
            i += len(m.group(0))
            out.append("' '")
        else:
            out.append(c)
            i += 1
    return "".join(out)


def names_used(root, dirs):
    used = set()
    for d in dirs:
        for base, subdirs, files in os.walk(os.path.join(root, d)):
            subdirs[:] = [s for s in subdirs if s not in ("target", "i18n")]
            for f in files:
                if f.endswith(".rs"):
                    code = strip_comments_and_strings(
                        open(os.path.join(base, f), encoding="utf-8").read()
                    )
                    used |= set(re.findall(r"\bmsg::([A-Za-z_][A-Za-z0-9_]*)", code))
    return used


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    dry = "--dry-run" in sys.argv
    root = os.path.abspath(args[0] if args else os.path.join(os.path.dirname(__file__), ".."))
    fams = families(root)

    # Every language's two files, parsed.
    files = {}  # (crate, tag) -> (preamble, sections)
    tags = set()
    for crate in ORDER:
        d = os.path.join(root, CRATES[crate][0])
        if not os.path.isdir(d):
            continue
        for f in sorted(os.listdir(d)):
            if f.endswith(".ftl"):
                tag = f[: -len(".ftl")]
                tags.add(tag)
                files[(crate, tag)] = parse(open(os.path.join(d, f), encoding="utf-8").read())
    if ("words", "en") not in files:
        sys.exit("partition-catalogue: words/i18n/en.ftl is missing")

    # English: where each message is now and what it takes.
    home, english = {}, []
    for crate in ORDER:
        if (crate, "en") in files:
            for s in files[(crate, "en")][1]:
                for e in s.entries:
                    if e.id not in home:
                        home[e.id] = crate
                        english.append(e)
    vars_of = variables(english)
    by_name = {}
    for ident, vs in vars_of.items():
        by_name[rust_name(ident)] = ident
        if len(vs) >= 2:
            by_name[type_name(ident)] = ident

    users = {ident: set() for ident in home}
    for crate in ORDER:
        names = names_used(root, CRATES[crate][1])
        for name in names:
            if name in by_name:
                users[by_name[name]].add(crate)
        for prefix, lookup, supplied in fams:
            if lookup in names:
                for ident, vs in vars_of.items():
                    if ident.startswith(prefix) and vs <= supplied:
                        users[ident].add(crate)

    target, shared, unused = {}, [], []
    for ident in home:
        u = users[ident]
        if u == {"cli"}:
            target[ident] = "cli"
        elif u == {"words"}:
            target[ident] = "words"
        elif u:
            target[ident] = "words"
            shared.append(ident)
        else:
            target[ident] = home[ident]
            unused.append(ident)

    moved = {"words": 0, "cli": 0}
    duplicates = set()
    for tag in sorted(tags):
        preambles = {c: files[(c, tag)][0] for c in ORDER if (c, tag) in files}
        # The union of the two files' sections, by heading, in the words file's order first.
        order, merged, seen = [], {}, set()
        for crate in ORDER:
            if (crate, tag) not in files:
                continue
            for s in files[(crate, tag)][1]:
                k = s.key()
                if k not in merged:
                    order.append(k)
                    merged[k] = (s.header, [], [])
                for e in s.entries:
                    # After a merge a message may be in both files: the words file's wins.
                    if e.id in seen:
                        duplicates.add(f"{tag}: {e.id}")
                        continue
                    seen.add(e.id)
                    merged[k][1].append((crate, e))
                text = [x for x in s.tail if x.strip()]
                if text and all([x for x in t if x.strip()] != text for _, t in merged[k][2]):
                    merged[k][2].append((crate, s.tail))
        out = {}
        for crate in ORDER:
            sections = []
            for k in order:
                header, entries, tails = merged[k]
                sec = Section(header)
                for was, e in entries:
                    goes = target.get(e.id, was)
                    if goes == crate:
                        sec.entries.append(e)
                        if tag == "en" and was != goes:
                            moved[goes] += 1
                # A comment after a section's last message stays with the section's messages.
                holders = [c for c in ORDER if any(target.get(e.id, w) == c for w, e in entries)]
                for was, tail in tails:
                    dest = was if was in holders else (holders or ["words"])[0]
                    if dest == crate:
                        sec.tail = sec.tail + tail
                if sec.entries or sec.tail:
                    sections.append(sec)
            preamble = preambles.get(crate) or PREAMBLE.get(tag, PREAMBLE["en"])
            if sections or crate == "words":
                out[crate] = render(preamble, sections)
        for crate, text in out.items():
            path = os.path.join(root, CRATES[crate][0], tag + ".ftl")
            old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
            if old != text and not dry:
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)

    count = {c: sum(1 for t in target.values() if t == c) for c in ORDER}
    print(
        f"partition-catalogue: {len(home)} messages: {count['words']} in words/i18n, "
        f"{count['cli']} in src/cli/i18n; moved {moved['cli']} to src/cli/i18n, "
        f"{moved['words']} to words/i18n" + (" (dry run: nothing written)" if dry else "")
    )
    if duplicates:
        print(f"DUPLICATE ({len(duplicates)}, in both files; kept the one in words/i18n):")
        for d in sorted(duplicates):
            print(f"  {d}")
    if unused:
        print(f"UNUSED ({len(unused)}, left where they are; rustc reports them):")
        for ident in sorted(unused):
            print(f"  {ident}")
    if shared:
        print(
            f"SHARED ({len(shared)}, kept in words/i18n; the command line cannot call them: "
            "give each a public function in the words crate, then rerun):"
        )
        for ident in sorted(shared):
            print(f"  {ident}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
