#!/usr/bin/env bash
# Builds the Windows packages of mynapin on Debian 12: target/windows-dist/
#   mynapin-VERSION-x86_64-windows.zip   mynapin.exe, mynapin-app.exe (the resident's window),
#                                        README.txt (Japanese/English), LICENSES.txt, OFL.txt (the
#                                        licence of the font the app embeds)
#   mynapin-VERSION-x86_64.msi           installs per machine into C:\Program Files\mynapin, puts
#                                        that folder on the system PATH and the app in the Start
#                                        menu as 「マイナンバーカードの暗証番号」
#
#   bash scripts/build-windows.sh            # build the exe, then the packages
#   bash scripts/build-windows.sh --tests    # also build the test binaries (for scripts/test-windows.sh)
#
# How (no Windows, no Microsoft tools, nothing from outside Debian):
# - the exe: Debian's rustc-web toolchain for x86_64-pc-windows-gnu, linked by MinGW-w64's gcc,
#   with RUSTC_BOOTSTRAP=1 and -Zbuild-std (std compiled from rust-web-src, as
#   scripts/check-cross.sh does), stripped; it imports only system DLLs (no MinGW DLL to ship);
# - LICENSES.txt: scripts/windows-licences.py over `cargo metadata` (the crates linked in, the
#   Rust standard library, the MinGW-w64 runtime);
# - the .zip: zip with fixed timestamps and order;
# - the .msi: wixl (msitools) from packaging/windows/mynapin.wxs, then msibuild adds the PATH
#   entry (wixl 0.101 has no <Environment>): an Environment row and the Write/Remove
#   EnvironmentStrings actions, so msiexec /x takes the entry away again.
#
# Reproducible: SOURCE_DATE_EPOCH (default: the commit's date) sets every timestamp in the
# packages; -Ztrim-paths takes the build machine's paths out of the exe; the linker writes no
# time stamp; the MSI's product and package codes are derived from the version and the commit.
#
# WINDOWS_TARGET_DIR (default target/windows) is cargo's target directory: std and the
# dependencies stay there between runs (CI points it outside the clone). WINDOWS_DIST
# (default target/windows-dist) is where the packages go.
#
# The app's test binaries are not built for Windows (--tests): its click-throughs render with
# wgpu on a Vulkan adapter, which Wine does not give them, and wgpu for Windows would add its
# compile time to every run; they run natively (cargo test -p mynapin-app). Under Wine,
# scripts/test-windows.sh runs mynapin-app.exe --version only (no window).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

say() { printf 'build-windows: %s\n' "$*" >&2; }
umask 022
t0=$(date +%s)

tests=""
case "${1:-}" in
  --tests) tests=1 ;;
  "") ;;
  *) say "usage: bash scripts/build-windows.sh [--tests]"; exit 2 ;;
esac

TARGET=x86_64-pc-windows-gnu
# The programs: each the binary of the workspace package of the same name.
BINS=(mynapin mynapin-app)
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"

# 1. Packages (Debian 12 has them all).
pkgs=(rustc-web cargo-web rust-web-src gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64
      wixl msitools faketime zip python3 librsvg2-bin)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if ! apt-cache policy "${missing[0]}" 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    say "updating the package lists"
    timeout 600 $SUDO apt-get update -qq
  fi
  say "installing ${missing[*]}"
  t=$(date +%s)
  DEBIAN_FRONTEND=noninteractive timeout 1800 $SUDO apt-get -o DPkg::Lock::Timeout=600 \
    install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  say "installed in $(( $(date +%s) - t )) s"
fi

# 2. The exe, with Debian's toolchain.
export PATH="/usr/bin:$PATH" RUSTC_BOOTSTRAP=1
unset RUSTUP_TOOLCHAIN RUSTC RUSTDOC CARGO RUSTC_WRAPPER RUSTFLAGS CARGO_ENCODED_RUSTFLAGS || true
export CARGO_TARGET_DIR="${WINDOWS_TARGET_DIR:-$root/target/windows}"
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc
# No time stamp in the PE header (the same exe from the same sources, any day).
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUSTFLAGS="-C link-arg=-Wl,--no-insert-timestamp"
export CARGO_PROFILE_RELEASE_STRIP=symbols CARGO_PROFILE_RELEASE_TRIM_PATHS=all
if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
  SOURCE_DATE_EPOCH=$(git log -1 --format=%ct 2>/dev/null || date +%s)
fi
export SOURCE_DATE_EPOCH
commit=$(git rev-parse HEAD 2>/dev/null || echo unknown)
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
# WINDOWS_PACKAGE_VERSION: package the same exe as another version (scripts/test-windows.sh
# makes a "next" version this way to check that an upgrade replaces the installed one).
version=${WINDOWS_PACKAGE_VERSION:-$version}
say "toolchain: $(cargo --version), $(rustc --version); SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH; target dir $CARGO_TARGET_DIR"

cargo_win() {
  nice -n 10 timeout 3600 cargo "$@" --release --locked -Zbuild-std -Ztrim-paths --target "$TARGET"
}
t=$(date +%s)
# (-p: the root package is the default member, so a --bin of another member needs its package.)
bin_args=(); for b in "${BINS[@]}"; do bin_args+=(-p "$b" --bin "$b"); done
cargo_win build "${bin_args[@]}"
say "built ${BINS[*]} in $(( $(date +%s) - t )) s"
dist="${WINDOWS_DIST:-$root/target/windows-dist}"
stage="$dist/stage"
rm -rf "$stage"; mkdir -p "$stage"
# Copied now: the test build below builds the same exe again with the dev-dependencies'
# features (for the tests that run it), over this one.
for b in "${BINS[@]}"; do
  cp "$CARGO_TARGET_DIR/$TARGET/release/$b.exe" "$stage/$b.exe"
done
if [ -n "$tests" ]; then
  # The test binaries (release profile: std and the dependencies are the ones built above),
  # listed for scripts/test-windows.sh: the target folder, then "exe<TAB>package folder".
  t=$(date +%s)
  cargo_win test --workspace --exclude mynapin-app --no-run --message-format=json-render-diagnostics > "$dist/cargo-test.json"
  python3 - "$dist/cargo-test.json" "$CARGO_TARGET_DIR" > "$dist/test-binaries.txt" <<'PY'
import json, os, sys
print(sys.argv[2])
for line in open(sys.argv[1]):
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m["profile"]["test"] and m.get("executable"):
        print(f"{m['executable']}\t{os.path.dirname(m['manifest_path'])}")
PY
  rm "$dist/cargo-test.json"
  say "built $(( $(wc -l < "$dist/test-binaries.txt") - 1 )) test binaries in $(( $(date +%s) - t )) s"
fi

# 3. The files of the packages.
# The read-me with Windows line ends and a byte order mark (Notepad of any age reads it as UTF-8).
{ printf '\xef\xbb\xbf'; sed 's/$/\r/' packaging/windows/README.txt; } > "$stage/README.txt"
cargo metadata --format-version 1 --locked --filter-platform "$TARGET" \
  | python3 scripts/windows-licences.py "${BINS[@]}" > "$stage/LICENSES.raw"
{ printf '\xef\xbb\xbf'; sed 's/$/\r/' "$stage/LICENSES.raw"; } > "$stage/LICENSES.txt"
rm "$stage/LICENSES.raw"
# The font mynapin-app embeds (BIZ UD PGothic) is under the SIL OFL 1.1, which asks that its
# licence go with the software: its own file as well as a part of LICENSES.txt.
{ printf '\xef\xbb\xbf'; sed 's/\r*$/\r/' app/fonts/OFL.txt; } > "$stage/BIZUDPGothic-OFL.txt"
# The Start-menu shortcut's icon: the app's SVG (app/assets/, the one source of its icon on
# every system) rendered at the sizes Windows asks for, packed into an .ico (PNG entries).
icons="$dist/icons"
rm -rf "$icons"; mkdir -p "$icons"
for size in 16 32 48 256; do
  rsvg-convert -w "$size" -h "$size" -o "$icons/$size.png" app/assets/mynapin-app.svg
done
# (In the stage: wixl reads files by paths relative to the folder it runs in. Not in the zip.)
python3 packaging/windows/png-to-ico.py "$stage/mynapin-app.ico" "$icons"/{16,32,48,256}.png
touch -d "@$SOURCE_DATE_EPOCH" "$stage"/*

# 4. The zip: fixed order, fixed times (zip stores local time: UTC here), no extra fields.
zipname="mynapin-$version-x86_64-windows.zip"
rm -f "$dist/$zipname"
( cd "$stage" && TZ=UTC zip -q -X -D "$dist/$zipname" "${BINS[@]/%/.exe}" README.txt LICENSES.txt BIZUDPGothic-OFL.txt )

# 5. The msi. wixl and msibuild stamp the time they run into the summary information (they
#    do not read SOURCE_DATE_EPOCH): they run under faketime, their clock stopped there.
#    Product and package codes: name-based UUIDs (the product code from the version,
#    so that every version is a new product that MajorUpgrade replaces; the package code from
#    the version and the commit), so that the same commit gives the same file.
uuid5() { python3 -c 'import sys, uuid; print(str(uuid.uuid5(uuid.NAMESPACE_URL, sys.argv[1])).upper())' "$1"; }
product_code=$(uuid5 "https://github.com/mynapin/mynapin/msi/product/$version")
package_code=$(uuid5 "https://github.com/mynapin/mynapin/msi/package/$version/$commit")
msiname="mynapin-$version-x86_64.msi"
rm -f "$dist/$msiname"
# (wixl takes the files' paths relative to the folder it runs in.)
at_epoch() { TZ=UTC faketime "$(TZ=UTC date -d "@$SOURCE_DATE_EPOCH" '+%Y-%m-%d %H:%M:%S')" "$@"; }
( cd "$stage" && at_epoch wixl -a x64 -o "$dist/$msiname" \
    -D "Version=$version" -D "ProductCode=$product_code" -D "PackageCode=$package_code" \
    -D "Exe=mynapin.exe" -D "AppExe=mynapin-app.exe" -D "Readme=README.txt" \
    -D "Licences=LICENSES.txt" -D "FontLicence=BIZUDPGothic-OFL.txt" \
    -D "AppIcon=mynapin-app.ico" \
    "$root/packaging/windows/mynapin.wxs" )
# The PATH entry: Name "=-*PATH" = set on install, remove on uninstall (-), system-wide (*);
# Value "[~];[INSTALLDIR]" = appended to the existing PATH. The two standard actions at their
# standard places in the sequence (after the files are removed / installed).
at_epoch msibuild "$dist/$msiname" -q "CREATE TABLE \`Environment\` (\`Environment\` CHAR(72) NOT NULL, \`Name\` CHAR(255) NOT NULL LOCALIZABLE, \`Value\` CHAR(255) LOCALIZABLE, \`Component_\` CHAR(72) NOT NULL PRIMARY KEY \`Environment\`)"
at_epoch msibuild "$dist/$msiname" -q "INSERT INTO \`Environment\` (\`Environment\`, \`Name\`, \`Value\`, \`Component_\`) VALUES ('MynapinPath', '=-*PATH', '[~];[INSTALLDIR]', 'MynapinExe')"
at_epoch msibuild "$dist/$msiname" -q "INSERT INTO \`InstallExecuteSequence\` (\`Action\`, \`Condition\`, \`Sequence\`) VALUES ('RemoveEnvironmentStrings', '', 3300)"
at_epoch msibuild "$dist/$msiname" -q "INSERT INTO \`InstallExecuteSequence\` (\`Action\`, \`Condition\`, \`Sequence\`) VALUES ('WriteEnvironmentStrings', '', 5200)"
# The Start-menu shortcut's Japanese name (see packaging/windows/mynapin.wxs): the database's
# codepage to 932 (an _ForceCodepage table imported), then the name ("short|long", as the
# Filename column asks) and the description, then read back.
printf '\r\n\r\n932\t_ForceCodepage\r\n' > "$icons/_ForceCodepage.idt"
at_epoch msibuild "$dist/$msiname" -i "$icons/_ForceCodepage.idt"
shortcut_name="マイナンバーカードの暗証番号"
at_epoch msibuild "$dist/$msiname" -q "UPDATE \`Shortcut\` SET \`Name\`='MYNAPIN|$shortcut_name', \`Description\`='マイナンバーカードの暗証番号の確認と変更 / My Number card PINs' WHERE \`Shortcut\`='MynapinAppStartMenu'"
msiinfo export "$dist/$msiname" Shortcut | grep -qF "	MYNAPIN|$shortcut_name	" \
  || { say "the .msi's Start-menu shortcut is not named $shortcut_name:"; msiinfo export "$dist/$msiname" Shortcut >&2; exit 1; }
# wixl 0.101 makes the package code up at random whatever the source says: set it here.
at_epoch msibuild "$dist/$msiname" -s "mynapin: the PINs of the My Number card" mynapin "x64;1033" "{$package_code}"
touch -d "@$SOURCE_DATE_EPOCH" "$dist/$zipname" "$dist/$msiname"

# 6. What was made.
made=(); for b in "${BINS[@]}"; do made+=("$stage/$b.exe"); done
for f in "${made[@]}" "$dist/$zipname" "$dist/$msiname"; do
  say "$(basename "$f"): $(stat -c %s "$f") bytes, sha256 $(sha256sum "$f" | cut -c1-16)…"
done
# Each exe imports system DLLs only: a MinGW runtime DLL (libgcc_s, libstdc++, libwinpthread)
# would have to be shipped beside it, and a graphics or toolkit DLL would be one more thing a
# resident's PC may lack. The list is printed for the record.
for f in "${made[@]}"; do
  dlls=$(x86_64-w64-mingw32-objdump -p "$f" | sed -n 's/^[[:space:]]*DLL Name: //p' | sort -fu)
  say "$(basename "$f") imports: $(printf '%s ' $dlls)"
  if printf '%s\n' "$dlls" | grep -iqE '^(lib|mingw|.*gcc|.*pthread|.*stdc\+\+)'; then
    say "$(basename "$f") imports a DLL that is not part of Windows: $(printf '%s ' $dlls)"
    exit 1
  fi
done
say "done in $(( $(date +%s) - t0 )) s: $dist/$zipname, $dist/$msiname"
