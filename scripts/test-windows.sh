#!/usr/bin/env bash
# Tests the Windows build under Wine 10 on Debian 12 (as root): the cross-built test binaries,
# then mynapin.exe end to end through a private pcscd against the simulated card, then
# mynapin-app.exe --version (its window is not tested under Wine: its click-throughs run
# natively, cargo test -p mynapin-app), then the .msi (the app and its Start-menu shortcut
# included).
#
#   bash scripts/test-windows.sh             # scripts/build-windows.sh --tests first
#   bash scripts/test-windows.sh --no-build  # use what build-windows.sh built
#   bash scripts/test-windows.sh --e2e-only  # not the test binaries (mynapin.exe and the .msi)
#
# Why a chroot: Debian 12's Wine 8 cannot run the exe (Rust's std imports ProcessPrng, which it
# lacks; its winscard.dll is stubs). Debian 13's Wine 10 can, so a Debian 13 (trixie) root made
# by mmdebstrap lives in $MYNAPIN_CI_CACHE (default /var/cache/mynapin-ci)/wine-trixie, outside
# the clone, and is made again only when its stamp (the suite and the package list) changes.
# Wine talks to pcscd through pcsc-lite's client library, which must speak the host pcscd's
# protocol: the host's libpcsclite.so.1 is given to Wine through LD_LIBRARY_PATH.
#
# Everything runs in a mount namespace of its own (unshare -m): a tmpfs on /run/pcscd for a
# private pcscd (scripts/pcscd-vpcd.sh) that meets no other pcscd, the chroot's /proc, /dev,
# /tmp and the folders it needs mounted inside that namespace only. The Wine prefix is made
# fresh in the chroot's /tmp on every run (wineboot). The simulated card is the native
# `mynapin sim serve` (target/debug/mynapin, built here if missing).
#
# The log shows every command run under Wine, its exit code and its own output; each check
# compares exit codes and expected text. At the end: wineserver -k (for this prefix only), the
# cards and pcscd stopped by PID. Exit 1 when any check fails.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
say() { printf 'test-windows: %s\n' "$*" >&2; }
t0=$(date +%s)

build=1
unit=1
for arg in "$@"; do
  case "$arg" in
    --no-build) build="" ;;
    --e2e-only) unit="" ;;
    *) say "usage: bash scripts/test-windows.sh [--no-build] [--e2e-only]"; exit 2 ;;
  esac
done
[ "$(id -u)" -eq 0 ] || { say "run as root (chroot, mount namespaces)"; exit 1; }

# 0. A mount namespace of our own, with a private /run/pcscd (as scripts/test-all.sh does).
if [ -z "${MYNAPIN_PRIVATE_PCSCD:-}" ]; then
  export MYNAPIN_PRIVATE_PCSCD=1
  exec unshare -m --propagation private bash -c \
    'mkdir -p /run/pcscd && mount -t tmpfs -o mode=0755 tmpfs /run/pcscd && exec bash "$0" "$@"' \
    "$0" "$@"
fi

# 1. Host packages.
missing=()
for p in mmdebstrap pcscd vsmartcard-vpcd libpcsclite1 iproute2 python3; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive timeout 900 apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
    --no-install-recommends "${missing[@]}" >/dev/null
fi
export PATH="$PATH:/usr/sbin"

# 2. The Debian 13 root with Wine 10, cached by its stamp.
cache=${MYNAPIN_CI_CACHE:-/var/cache/mynapin-ci}
suite=trixie
chroot_pkgs=wine,wine64,libwine,libpcsclite1,ca-certificates,locales
stamp="mynapin wine chroot v1: $suite $chroot_pkgs; locales ja_JP.UTF-8 en_US.UTF-8"
rootfs=$cache/wine-$suite
if [ "$(cat "$rootfs/.mynapin-stamp" 2>/dev/null)" != "$stamp" ]; then
  mirror=$(sed -n 's/^URIs: *\(http[^ ]*debian\/*\)$/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1)
  mirror=${mirror:-http://deb.debian.org/debian}
  say "making the $suite root with Wine in $rootfs (mirror $mirror; about 1.1 GB, 2-4 min)"
  t=$(date +%s)
  mkdir -p "$cache"
  rm -rf "$rootfs.new"
  timeout 1800 mmdebstrap --quiet --variant=apt --include="$chroot_pkgs" \
    --customize-hook='printf "ja_JP.UTF-8 UTF-8\nen_US.UTF-8 UTF-8\n" > "$1/etc/locale.gen" && chroot "$1" locale-gen >/dev/null' \
    "$suite" "$rootfs.new" "$mirror"
  printf '%s\n' "$stamp" > "$rootfs.new/.mynapin-stamp"
  rm -rf "$rootfs"
  mv "$rootfs.new" "$rootfs"
  say "made in $(( $(date +%s) - t )) s"
else
  say "reusing $rootfs ($stamp)"
fi

# 3. The Windows build (and its test binaries), and the native program for the simulated card.
if [ -n "$build" ]; then
  bash scripts/build-windows.sh ${unit:+--tests}
fi
dist=${WINDOWS_DIST:-$root/target/windows-dist}
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
exe="$dist/stage/mynapin.exe"
app_exe="$dist/stage/mynapin-app.exe"
msi="$dist/mynapin-$version-x86_64.msi"
tests_list="$dist/test-binaries.txt"
for f in "$exe" "$app_exe" "$msi" ${unit:+"$tests_list"}; do
  [ -f "$f" ] || { say "$f is missing: run bash scripts/build-windows.sh --tests"; exit 1; }
done
# MYNAPIN_SIM_BIN: a native mynapin already built from this commit (CI passes the one its test
# step built); otherwise it is built here.
if [ -n "${MYNAPIN_SIM_BIN:-}" ]; then
  bin=$MYNAPIN_SIM_BIN
  [ -x "$bin" ] || { say "MYNAPIN_SIM_BIN=$bin is not an executable"; exit 1; }
else
  timeout 1800 cargo build --locked --bin mynapin
  bin=${CARGO_TARGET_DIR:-$root/target}/debug/mynapin
fi

# 4. Mounts (this namespace only) and the Wine prefix.
work=$(mktemp -d /tmp/mynapin-wine.XXXXXX)
log=${WINDOWS_TEST_LOG:-$root/target/windows-test.log}
: > "$log"
card_pids=()
pcscd_pid=""
failures=0
wine_env=()
stop_pid() { # PID: SIGTERM, wait up to 5 s, then SIGKILL
  local pid=$1
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}
cleanup() {
  if [ ${#wine_env[@]} -gt 0 ]; then
    chroot "$rootfs" /usr/bin/env -i "${wine_env[@]}" wineserver -k 2>/dev/null || true
  fi
  for pid in "${card_pids[@]}"; do stop_pid "$pid"; done
  [ -n "$pcscd_pid" ] && stop_pid "$pcscd_pid"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

mount --rbind /dev "$rootfs/dev"
mount -t proc proc "$rootfs/proc"
mount -t tmpfs -o mode=1777 tmpfs "$rootfs/tmp"
mkdir -p "$rootfs/run/pcscd"
mount --bind /run/pcscd "$rootfs/run/pcscd"
# The same paths inside as outside: the test binaries know their sources and target folder
# by these paths (Wine maps / to Z:\).
target_dir=""
[ -z "$unit" ] || target_dir=$(sed -n '1p' "$tests_list")
for d in "$work" "$root" "$dist" $target_dir; do
  mkdir -p "$rootfs$d"
  mount --bind "$d" "$rootfs$d"
done
mkdir -p "$rootfs/tmp/hostpcsc" "$rootfs/tmp/xdg"
chmod 0700 "$rootfs/tmp/xdg"
cp -L /usr/lib/x86_64-linux-gnu/libpcsclite.so.1 "$rootfs/tmp/hostpcsc/"

wine_env=(HOME=/root USER=root PATH=/usr/bin:/bin WINEPREFIX=/tmp/wineprefix WINEDEBUG=-all
          XDG_RUNTIME_DIR=/tmp/xdg LD_LIBRARY_PATH=/tmp/hostpcsc WINEDLLOVERRIDES=mscoree,mshtml=)
# win LANG PROGRAM ARGS...: runs PROGRAM in the chroot, where Wine's Unix locale (hence its
# Windows display language) is LANG. A program, not a function: exec'd all the way down, so
# that $! of `win ... &` is the Wine process itself (which turns SIGINT into Ctrl-C).
cat > "$work/win" <<WIN
#!/bin/sh
lang=\$1; shift
exec chroot "$rootfs" /usr/bin/env -i ${wine_env[*]} LANG="\$lang" "\$@"
WIN
chmod +x "$work/win"
win() { "$work/win" "$@"; }
t=$(date +%s)
win en_US.UTF-8 wineboot --init >/dev/null 2>&1
say "Wine prefix made in $(( $(date +%s) - t )) s ($(win en_US.UTF-8 wine --version))"

# The exe without LANG, LC_ALL or LC_MESSAGES in its environment, as on a real Windows (Wine
# copies the Unix ones in): a batch file removes them and runs mynapin with the arguments.
winexe=$(printf 'Z:%s' "$exe" | tr / '\\')
printf '@echo off\r\nset LANG=\r\nset LC_ALL=\r\nset LC_MESSAGES=\r\n"%s" %%*\r\nexit /b %%ERRORLEVEL%%\r\n' \
  "$winexe" > "$work/nolang.bat"
nolang=$(printf 'Z:%s/nolang.bat' "$work" | tr / '\\')

# check NAME CODE STDIN LANG CMD...: runs CMD under Wine (see win), logs it with its output,
# checks the exit code.
# Leaves the output in $work/out and $work/err for expect/expect_not.
check() {
  local name=$1 code=$2 input=$3; shift 3
  local got=0
  printf '\n=== %s\n$ %s\n' "$name" "$*" >> "$log"
  printf '%b' "$input" | timeout 120 "$work/win" "$@" > "$work/out" 2> "$work/err" || got=$?
  # Wine's own complaints are not the exe's output.
  grep -v -e '^XDG_RUNTIME_DIR' -e 'wine: ' "$work/err" > "$work/err.clean" || true
  mv "$work/err.clean" "$work/err"
  { echo "--- stdout"; cat "$work/out"; echo "--- stderr"; cat "$work/err"; echo "--- exit $got"; } >> "$log"
  current=$name
  if [ "$got" != "$code" ]; then
    fail "exit $got, expected $code"
  else
    say "ok: $name (exit $got)"
  fi
}
fail() {
  failures=$((failures + 1))
  say "FAILED: $current: $*"
  printf '!!! FAILED: %s\n' "$*" >> "$log"
}
# expect FILE TEXT: the last check's stdout (out) or stderr (err) contains TEXT.
expect() {
  grep -qF -- "$2" "$work/$1" || fail "$1 lacks: $2"
}
expect_not() {
  ! grep -qF -- "$2" "$work/$1" || fail "$1 has: $2"
}
# wait_for FILE TEXT SECONDS [PID]: until FILE contains TEXT (an event the program writes);
# gives up early when process PID has ended.
wait_for() {
  local i
  for i in $(seq 1 $(( $3 * 10 ))); do
    grep -qF -- "$2" "$1" 2>/dev/null && return 0
    if [ -n "${4:-}" ] && ! kill -0 "$4" 2>/dev/null; then
      grep -qF -- "$2" "$1" 2>/dev/null && return 0
      return 1
    fi
    sleep 0.1
  done
  return 1
}

# 5. The test binaries under Wine.
if [ -n "$unit" ]; then
say "the test binaries under Wine"
t=$(date +%s)
tests_failed=0
while IFS=$'\t' read -r testexe manifest_dir; do
  name=$(basename "$testexe")
  printf '\n=== test binary %s\n' "$name" >> "$log"
  got=0
  ( cd "$manifest_dir" && timeout 900 chroot "$rootfs" /usr/bin/env -i "${wine_env[@]}" \
      LANG=en_US.UTF-8 CARGO_MANIFEST_DIR="$manifest_dir" \
      /bin/sh -c 'cd "$1" && shift && exec wine "$@"' sh "$manifest_dir" \
      "$testexe" --test-threads=2 ) > "$work/out" 2>&1 || got=$?
  grep -v -e '^XDG_RUNTIME_DIR' "$work/out" >> "$log" || true
  # A binary that crashed (or never started) prints no summary: with pipefail, grep finding
  # nothing would end this script on the spot, without a word about which binary it was.
  summary=$(grep -E '^test result:' "$work/out" | tail -1 || true)
  say "$name: ${summary:-no summary} (exit $got)"
  if [ "$got" -ne 0 ] || [ -z "$summary" ]; then
    tests_failed=$((tests_failed + 1))
    say "$name: its last lines under Wine:"
    tail -n 30 "$work/out" | sed 's/^/    /' >&2
  fi
done < <(sed -n '2,$p' "$tests_list")
say "test binaries: $tests_failed failed, in $(( $(date +%s) - t )) s"
if [ "$tests_failed" -ne 0 ]; then
  current="test binaries"; fail "$tests_failed test binaries failed under Wine (see $log)"
fi
fi

# 6. Ctrl-C: the console control handler stops a change between the two juki places, the
#    report names each place, exit 130 (the simulated card in the exe, its answer held).
say "Ctrl-C under Wine"
{ cat sim/fixtures/cards/fresh.toml
  printf '\n[[faults.rules]]\nmatch = "80 32"\nnth = 1\nwhen = "after"\nhold_ms = 3000\n'
} > "$work/hold.toml"
current="Ctrl-C during change juki"
printf '\n=== %s\n' "$current" >> "$log"
printf '1234\n4321\n4321\n' > "$work/pins"
"$work/win" en_US.UTF-8 wine "$exe" --sim-state "$work/hold.toml" change juki --pin-stdin \
  < "$work/pins" > "$work/out" 2> "$work/err" &
wine_pid=$!
if wait_for "$work/err" "mynapin sim: holding" 60 "$wine_pid"; then
  kill -INT "$wine_pid"
else
  fail "the card never held its answer"
  kill -KILL "$wine_pid" 2>/dev/null || true
fi
got=0; wait "$wine_pid" || got=$?
{ echo "--- stdout"; cat "$work/out"; echo "--- stderr"; cat "$work/err"; echo "--- exit $got"; } >> "$log"
if [ "$got" = 130 ]; then say "ok: $current (exit 130)"; else fail "exit $got, expected 130"; fi
expect out "residence registry PIN — place 1 of 2: CHANGED (holds the new PIN)"
expect out "residence registry PIN — place 2 of 2: not changed (holds the old PIN; no change command was sent)"
expect err "Stopped by Ctrl-C"

# 7. End to end through pcscd: a private pcscd with vpcd, the native simulated card.
say "end to end through pcscd"
vars=$(timeout 30 bash scripts/pcscd-vpcd.sh "$work")
eval "$vars"
pcscd_pid=$PCSCD_PID
serve() { # SLOT STATE: serves a fresh card on vpcd slot SLOT, saving to STATE
  local port=$VPCD_PORT0; [ "$1" = 1 ] && port=$VPCD_PORT1
  "$bin" sim serve --vpcd "127.0.0.1:$port" --state "$2" > "$work/serve$1.log" 2>&1 &
  card_pids+=($!)
}
serve 0 "$work/slot0.toml"
ok=""
for _ in $(seq 1 100); do
  if timeout 5 "$bin" --timeout 3 readers --json 2>/dev/null | grep -q '"my_number_card"'; then ok=1; break; fi
  sleep 0.1
done
[ -n "$ok" ] || { say "the simulated card on slot 0 never appeared"; cat "$work/serve0.log" >&2; exit 1; }
r0=(--reader 0)

check "readers" 0 "" en_US.UTF-8 wine "$exe" readers
expect out "$VPCD_READER0"
check "status, Japanese from the Windows display language (no LANG in the environment)" 0 "" \
  ja_JP.UTF-8 wine cmd /c "$nolang" "${r0[@]}" status
expect out "リーダー：$VPCD_READER0"
expect out "カード：マイナンバーカード"
expect_not out "JPKIAPICCTOKEN2"
expect_not out "Reader:"
check "status, English from the Windows display language (no LANG in the environment)" 0 "" \
  en_US.UTF-8 wine cmd /c "$nolang" "${r0[@]}" status
expect out "Reader: $VPCD_READER0"
expect out "Card:   My Number card"
expect_not out "JPKIAPICCTOKEN2"
check "--lang ja wins over the display language" 0 "" \
  en_US.UTF-8 wine cmd /c "$nolang" --lang ja "${r0[@]}" status
expect out "カード：マイナンバーカード"
check "verify auth" 0 "1234\n" en_US.UTF-8 wine "$exe" "${r0[@]}" verify auth --pin-stdin
expect out "Correct: the"
check "change auth" 0 "1234\n5678\n5678\n" \
  en_US.UTF-8 wine "$exe" "${r0[@]}" change auth --pin-stdin
check "verify auth with the new PIN" 0 "5678\n" \
  en_US.UTF-8 wine "$exe" "${r0[@]}" verify auth --pin-stdin
check "change juki (both places)" 0 "1234\n4321\n4321\n" \
  en_US.UTF-8 wine "$exe" "${r0[@]}" change juki --pin-stdin
expect out "place 1 of 2"
expect out "place 2 of 2"
check "verify juki with the new PIN" 0 "4321\n" \
  en_US.UTF-8 wine "$exe" "${r0[@]}" verify juki --pin-stdin
check "a wrong PIN (verify kenhojo)" 3 "9999\n" \
  en_US.UTF-8 wine "$exe" "${r0[@]}" verify kenhojo --pin-stdin
expect err "Wrong"
expect err "2 tries left"
check "doctor (Windows words: the Smart Card service)" 0 "" \
  en_US.UTF-8 wine "$exe" doctor
expect out "the Smart Card service (SCardSvr) answers"
expect_not out "pcscd"
check "doctor in Japanese" 0 "" ja_JP.UTF-8 wine cmd /c "$nolang" doctor
expect out "スマートカード サービス（SCardSvr）が応答しています"
check "help of doctor names the Smart Card service" 0 "" en_US.UTF-8 wine "$exe" doctor --help
expect out "Smart Card service (SCardSvr)"
check "--pin-fd is refused on Windows before anything is sent" 2 "" \
  en_US.UTF-8 wine "$exe" "${r0[@]}" verify auth --pin-fd 3
expect err "--pin-fd is available on Linux and macOS only"

# --wait: started before the card is on slot 1; the card arrives; the status is printed.
current="--wait status (the card arrives later)"
printf '\n=== %s\n' "$current" >> "$log"
"$work/win" en_US.UTF-8 wine "$exe" --wait=60 --reader 1 status > "$work/wait.out" 2> "$work/wait.err" &
wait_pid=$!
if wait_for "$work/wait.err" "Place your My Number card" 60 "$wait_pid"; then
  serve 1 "$work/slot1.toml"
else
  fail "it never asked for the card"
fi
got=0; wait "$wait_pid" || got=$?
{ echo "--- stdout"; cat "$work/wait.out"; echo "--- stderr"; cat "$work/wait.err"; echo "--- exit $got"; } >> "$log"
cp "$work/wait.out" "$work/out"
if [ "$got" = 0 ]; then say "ok: $current (exit 0)"; else fail "exit $got, expected 0"; fi
expect out "Reader: $VPCD_READER1"

# watch --json: a line for the card in slot 1, then Ctrl-C ends it.
current="watch --json"
printf '\n=== %s\n' "$current" >> "$log"
"$work/win" en_US.UTF-8 wine "$exe" --reader 1 watch --json > "$work/watch.out" 2> "$work/watch.err" &
watch_pid=$!
if wait_for "$work/watch.out" '"mynapin.status.v1"' 60 "$watch_pid"; then
  kill -INT "$watch_pid"
else
  fail "no status line"
  kill -INT "$watch_pid" 2>/dev/null || true
fi
got=0; wait "$watch_pid" || got=$?
{ echo "--- stdout"; cat "$work/watch.out"; echo "--- stderr"; cat "$work/watch.err"; echo "--- exit $got"; } >> "$log"
python3 -c 'import json, sys
lines = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
assert lines and lines[0]["schema"] == "mynapin.status.v1", lines
print("watch: %d line(s), first for %s" % (len(lines), lines[0].get("reader")))' "$work/watch.out" >> "$log" \
  || fail "watch --json printed no status object"
# watch ends on Ctrl-C with exit 0 and a count (the stop flag, set by the console handler).
if [ "$got" = 0 ]; then say "ok: $current (exit 0 after Ctrl-C)"; else fail "exit $got after Ctrl-C, expected 0"; fi
cp "$work/watch.err" "$work/err"
expect err "stopped after 1 card"

# 8. The app: --version answers without opening a window (a GUI-subsystem exe in release: Wine
#    hands it the Unix stdout), in both languages' environments.
say "mynapin-app.exe under Wine"
check "mynapin-app.exe --version" 0 "" en_US.UTF-8 wine "$app_exe" --version
expect out "mynapin-app $(sed -n 's/^version = "\(.*\)"/\1/p' app/Cargo.toml | head -1)"
check "mynapin-app.exe --version (Japanese environment)" 0 "" ja_JP.UTF-8 wine "$app_exe" --version
expect out "mynapin-app "
check "mynapin-app.exe refuses an unknown option" 2 "" en_US.UTF-8 wine "$app_exe" --no-such-option
expect err "usage: mynapin-app"

# 9. The installer: msiexec /qn, mynapin from the PATH in a new process, the app and its
#    Start-menu shortcut, uninstalled.
say "the .msi under Wine"
winmsi=$(printf 'Z:%s' "$msi" | tr / '\\')
envkey='HKLM\System\CurrentControlSet\Control\Session Manager\Environment'
product_code() { python3 -c 'import sys, uuid; print(str(uuid.uuid5(uuid.NAMESPACE_URL, sys.argv[1])).upper())' \
  "https://github.com/mynapin/mynapin/msi/product/$1"; }
uninst='HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall'
check "msiexec /i /qn" 0 "" en_US.UTF-8 wine msiexec /i "$winmsi" /qn
check "the product is registered" 0 "" en_US.UTF-8 wine reg query "$uninst"
expect out "{$(product_code "$version")}"
[ -f "$rootfs/tmp/wineprefix/drive_c/Program Files/mynapin/mynapin.exe" ] \
  || fail "C:\\Program Files\\mynapin\\mynapin.exe is not there"
programs="$rootfs/tmp/wineprefix/drive_c/Program Files/mynapin"
# The shortcut, by its Japanese name. ProgramMenuFolder of a per-machine install is the
# all-users Start menu on Windows; Wine 10 resolves it to the user's (seen), so either counts.
shortcut=""
for menu in "ProgramData/Microsoft/Windows/Start Menu/Programs" \
            "users/root/AppData/Roaming/Microsoft/Windows/Start Menu/Programs"; do
  f="$rootfs/tmp/wineprefix/drive_c/$menu/マイナンバーカードの暗証番号.lnk"
  [ -f "$f" ] && shortcut=$f
done
current="the app and its shortcut are installed"
[ -n "$shortcut" ] || fail "no Start-menu shortcut マイナンバーカードの暗証番号.lnk (shortcuts in the prefix: $(find "$rootfs/tmp/wineprefix/drive_c" -name '*.lnk' | tr '\n' ' '))"
for f in "$programs/mynapin-app.exe" "$programs/BIZUDPGothic-OFL.txt"; do
  [ -f "$f" ] || fail "$f is not there"
done
# The .lnk names its target as a path in UTF-16; the exe's name is enough to know it.
if [ -f "$shortcut" ]; then
  python3 -c 'import sys; d = open(sys.argv[1], "rb").read()
sys.exit(0 if "mynapin-app.exe".encode("utf-16-le") in d or b"mynapin-app.exe" in d else 1)' "$shortcut" \
    || fail "the shortcut does not point at mynapin-app.exe"
fi
check "the installed mynapin-app.exe answers" 0 "" \
  en_US.UTF-8 wine "C:\\Program Files\\mynapin\\mynapin-app.exe" --version
expect out "mynapin-app "
check "the system PATH has the folder" 0 "" en_US.UTF-8 wine reg query "$envkey" /v PATH
expect out 'C:\Program Files\mynapin'
check "mynapin from the PATH (cmd /c mynapin --version)" 0 "" \
  en_US.UTF-8 wine cmd /c mynapin --version
expect out "mynapin $version"
check "mynapin from the PATH reads the card" 0 "" \
  en_US.UTF-8 wine cmd /c mynapin --reader 0 status
expect out "Reader: $VPCD_READER0"
# An upgrade in place: the same exe packaged as the next version (a new ProductCode, the same
# UpgradeCode); installing it removes the installed version (MajorUpgrade), leaving one.
next="${version%.*}.$(( ${version##*.} + 1 ))"
WINDOWS_DIST="$work/next" WINDOWS_PACKAGE_VERSION="$next" bash scripts/build-windows.sh >/dev/null 2>&1
winnext=$(printf 'Z:%s/next/mynapin-%s-x86_64.msi' "$work" "$next" | tr / '\\')
check "msiexec /i the next version ($next) /qn: an upgrade" 0 "" en_US.UTF-8 wine msiexec /i "$winnext" /qn
check "only the next version is installed" 0 "" en_US.UTF-8 wine reg query "$uninst"
expect out "{$(product_code "$next")}"
expect_not out "{$(product_code "$version")}"
check "mynapin from the PATH after the upgrade" 0 "" en_US.UTF-8 wine cmd /c mynapin --version
expect out "mynapin $version"
check "msiexec /x /qn" 0 "" en_US.UTF-8 wine msiexec /x "$winnext" /qn
[ ! -e "$rootfs/tmp/wineprefix/drive_c/Program Files/mynapin" ] \
  || { current="uninstall"; fail "C:\\Program Files\\mynapin is still there: $(ls "$rootfs/tmp/wineprefix/drive_c/Program Files/mynapin")"; }
check "the PATH entry is gone" 0 "" en_US.UTF-8 wine reg query "$envkey" /v PATH
expect_not out 'mynapin'
current="the shortcut is gone"
[ -z "$shortcut" ] || [ ! -e "$shortcut" ] || fail "$shortcut is still there after msiexec /x"
check "the shortcut's registry key path is gone" 1 "" en_US.UTF-8 wine reg query 'HKLM\Software\mynapin' /v StartMenuShortcut

say "log: $log"
say "total $(( $(date +%s) - t0 )) s"
if [ "$failures" -ne 0 ]; then
  say "$failures check(s) FAILED"
  exit 1
fi
say "every check passed"
