#!/usr/bin/env python3
"""Writes the licences of everything linked into the Windows programs, as one text file.

    cargo metadata --format-version 1 --locked --filter-platform x86_64-pc-windows-gnu \
      | python3 scripts/windows-licences.py BIN_PACKAGE... > LICENSES.txt

Reads cargo's JSON (a JSON parser, not text matching): from each named package, it follows the
resolved graph's normal dependencies for the Windows target (not dev- or build-dependencies,
not proc-macro crates, which run in the compiler and are not linked in) and writes, for every
crate reached, its name, version, licence expression, repository and every licence file in its
sources (LICENSE*, LICENCE*, COPYING*, NOTICE*, COPYRIGHT*). Then what a workspace package
embeds besides code (EMBEDDED: the font of mynapin-app), and the Rust standard library and the
MinGW-w64 runtime, which the linker adds, from the files Debian ships for them.
Exits 1 when a crate declares no licence at all.
"""
import json
import os
import sys

LICENCE_PREFIXES = ("license", "licence", "copying", "notice", "copyright", "unlicense")
# What the linker adds besides the crates: Debian's copyright files of the Rust standard
# library sources (-Zbuild-std compiles them) and of the MinGW-w64 runtime and GCC's support
# library (libgcc, under the GCC Runtime Library Exception).
SYSTEM_PARTS = [
    ("The Rust standard library (built from Debian's rust-web-src)",
     "/usr/share/doc/rust-web-src/copyright"),
    ("The MinGW-w64 runtime (Debian's mingw-w64-x86-64-dev)",
     "/usr/share/doc/mingw-w64-x86-64-dev/copyright"),
    ("GCC's runtime support library libgcc (Debian's gcc-mingw-w64-base; GCC Runtime Library Exception)",
     "/usr/share/doc/gcc-mingw-w64-base/copyright"),
]


# Files a workspace package carries inside its binary that are not crates: (title, licence
# file relative to the package's folder). mynapin-app embeds BIZ UD PGothic (include_bytes!),
# whose SIL OFL 1.1 asks that the licence go with it.
EMBEDDED = {
    "mynapin-app": [
        ("BIZ UD PGothic, the font that mynapin-app embeds (SIL Open Font License 1.1)",
         "fonts/OFL.txt"),
    ],
}


def licence_files(manifest_path):
    folder = os.path.dirname(manifest_path)
    found = []
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if os.path.isfile(path) and name.lower().startswith(LICENCE_PREFIXES):
            found.append(path)
    return found


def main():
    roots = sys.argv[1:]
    if not roots:
        sys.exit("usage: windows-licences.py BIN_PACKAGE... < cargo-metadata.json")
    meta = json.load(sys.stdin)
    packages = {p["id"]: p for p in meta["packages"]}
    nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
    by_name = {}
    for member in meta["workspace_members"]:
        by_name[packages[member]["name"]] = member

    def is_proc_macro(pkg):
        return any("proc-macro" in t["kind"] for t in pkg["targets"])

    seen = set()
    todo = []
    for name in roots:
        if name not in by_name:
            sys.exit(f"windows-licences: {name} is not a workspace member")
        todo.append(by_name[name])
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        for dep in nodes[pid]["deps"]:
            normal = any(k["kind"] is None for k in dep["dep_kinds"])
            if normal and not is_proc_macro(packages[dep["pkg"]]):
                todo.append(dep["pkg"])

    crates = sorted((packages[p] for p in seen), key=lambda p: (p["name"], p["version"]))
    out = sys.stdout
    rule = "=" * 78
    out.write("Licences of the software in this package / 同梱ソフトウェアのライセンス\n\n")
    embedded = [title for name in roots for title, _ in EMBEDDED.get(name, [])]
    out.write(f"{len(crates)} Rust crates are linked in (from Cargo.lock), then the Rust standard\n"
              "library and the MinGW-w64 runtime.\n")
    for title in embedded:
        out.write(f"Also in it: {title}.\n")
    out.write("\n")
    for p in crates:
        out.write(f"  {p['name']} {p['version']}: {p.get('license') or p.get('license_file')}\n")
    missing = []
    shown = {}  # a licence text already written in full -> where
    for p in crates:
        out.write(f"\n{rule}\n{p['name']} {p['version']}\n")
        out.write(f"Licence: {p.get('license') or '(see the file below)'}\n")
        if p.get("repository"):
            out.write(f"Source: {p['repository']}\n")
        files = licence_files(p["manifest_path"])
        if not p.get("license") and not p.get("license_file"):
            missing.append(p["name"])
        for f in files:
            with open(f, encoding="utf-8", errors="replace") as fh:
                text = fh.read().rstrip()
            where = f"{p['name']} {p['version']}, {os.path.basename(f)}"
            if text in shown:
                out.write(f"\n--- {os.path.basename(f)}: the same text as {shown[text]} ---\n")
            else:
                shown[text] = where
                out.write(f"\n--- {os.path.basename(f)} ---\n{text}\n")
        if not files:
            out.write("(The crate ships no licence file; its licence expression is above.)\n")
    for name in roots:
        folder = os.path.dirname(packages[by_name[name]]["manifest_path"])
        for title, rel in EMBEDDED.get(name, []):
            out.write(f"\n{rule}\n{title}\n")
            with open(os.path.join(folder, rel), encoding="utf-8") as fh:
                out.write(fh.read().rstrip() + "\n")
    for title, path in SYSTEM_PARTS:
        out.write(f"\n{rule}\n{title}\n")
        with open(path, encoding="utf-8", errors="replace") as fh:
            out.write(fh.read().rstrip() + "\n")
    if missing:
        sys.exit(f"windows-licences: no licence declared by {', '.join(missing)}")


if __name__ == "__main__":
    main()
