#!/usr/bin/env bash
# The whole test suite — the README's test command, and what CI runs.
#
# 1. installs what is missing (apt): pcscd libpcsclite-dev pkg-config vsmartcard-vpcd opensc,
#    chromium poppler-utils fonts-ipafont-gothic (the printable guide), gdb (the process image
#    searched for PINs at exit), mesa-vulkan-drivers and libvulkan1 (the app's screens rendered
#    to PNGs by wgpu on Mesa's software Vulkan, lavapipe: no GPU, no display);
# 2. starts a private pcscd with a vpcd reader and the simulated PIN-pad reader (pinpad-ifd,
#    built in step 1; refuses if another pcscd runs);
# 3. serves a fresh simulated card on slot 0 and waits until pcscd sees it; the end-to-end
#    tests serve their own cards (fixtures, faults) on slot 1, one test at a time;
# 4. runs every test, end-to-end included (arguments are passed to cargo test: e.g.
#    `bash scripts/test-all.sh --test e2e --test e2e_card` runs only those files);
# 5. stops what it started, by PID (cards first, then pcscd), even when tests fail, and prints
#    the tail of pcscd's APDU log on failure. Every step runs under a timeout.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'test-all: %s\n' "$*" >&2; }
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"

# 0. A private /run/pcscd: as root, re-run this script in a mount namespace of its own with a
#    tmpfs on /run/pcscd, so that its pcscd neither meets a system pcscd nor another run of this
#    suite (the PC/SC socket path is fixed). Without unshare (or not root), pcscd-vpcd.sh
#    refuses to start beside another pcscd.
if [ -z "${MYNAPIN_PRIVATE_PCSCD:-}" ] && [ "$(id -u)" -eq 0 ] && command -v unshare >/dev/null \
   && unshare -m --propagation private true 2>/dev/null; then
  export MYNAPIN_PRIVATE_PCSCD=1
  exec unshare -m --propagation private bash -c \
    'mkdir -p /run/pcscd && mount -t tmpfs -o mode=0755 tmpfs /run/pcscd && exec bash "$0" "$@"' \
    "$0" "$@"
fi

# 1. Packages.
missing=()
command -v pkg-config >/dev/null || missing+=(pkg-config)
[ -e /usr/include/PCSC/winscard.h ] || missing+=(libpcsclite-dev)
command -v pcscd >/dev/null || [ -x /usr/sbin/pcscd ] || missing+=(pcscd)
[ -e /usr/lib/pcsc/drivers/serial/libifdvpcd.so ] || missing+=(vsmartcard-vpcd)
command -v pkcs15-tool >/dev/null || missing+=(opensc)
command -v ss >/dev/null || missing+=(iproute2)
# The process image at exit is searched for PINs (tests/e2e.rs), read with gdb's gcore.
command -v gdb >/dev/null || missing+=(gdb)
# The printable guide is checked in a real headless browser (tests/guide_html.rs).
command -v chromium >/dev/null || missing+=(chromium)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
[ -e /usr/share/fonts/opentype/ipafont-gothic/ipag.ttf ] || missing+=(fonts-ipafont-gothic)
# The app's snapshots (app/tests): wgpu opens the Vulkan loader (libvulkan.so.1, libvulkan1)
# with dlopen, and the loader finds lavapipe through its ICD file (mesa-vulkan-drivers).
has_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
has_pkg libvulkan1 || missing+=(libvulkan1)
compgen -G '/usr/share/vulkan/icd.d/lvp_icd.*.json' >/dev/null || missing+=(mesa-vulkan-drivers)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  timeout 600 $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive timeout 900 $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
export PATH="$PATH:/usr/sbin"

# Build first, so that no timeout below includes compilation.
say "building"
timeout 1800 cargo build --workspace --all-targets --locked
target_dir=$(mkdir -p "${CARGO_TARGET_DIR:-target}" && cd "${CARGO_TARGET_DIR:-target}" && pwd)
bin=$target_dir/debug/mynapin

# 2. pcscd with a vpcd reader and the simulated PIN-pad reader.
work=$(mktemp -d /tmp/mynapin-e2e.XXXXXX)
export MYNAPIN_PINPAD_IFD=${MYNAPIN_PINPAD_IFD:-$target_dir/debug/libmynapin_pinpad_ifd.so}
card_pids=()
pcscd_pid=""
status=1
stop_pid() { # PID: SIGTERM, wait up to 5 s, then SIGKILL
  local pid=$1
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}
cleanup() {
  for pid in "${card_pids[@]}"; do stop_pid "$pid"; done
  [ -n "$pcscd_pid" ] && stop_pid "$pcscd_pid"
  if [ "$status" -ne 0 ] && [ -f "$work/pcscd.log" ]; then
    say "tests failed; last lines of pcscd's APDU log ($work/pcscd.log):"
    tail -40 "$work/pcscd.log" >&2 || true
  fi
}
trap cleanup EXIT

vars=$(timeout 30 bash scripts/pcscd-vpcd.sh --pinpad "$work")
eval "$vars"
pcscd_pid=$PCSCD_PID
say "pcscd PID $pcscd_pid, vpcd ports $VPCD_PORT0/$VPCD_PORT1, PIN-pad reader port $PINPAD_PORT"

# 3. A standing fresh card on slot 0.
"$bin" sim serve --vpcd "127.0.0.1:$VPCD_PORT0" --state "$work/slot0.toml" >"$work/slot0.log" 2>&1 &
card_pids+=($!)
ok=""
for _ in $(seq 1 100); do
  if timeout 5 "$bin" --timeout 3 readers --json 2>/dev/null | grep -q '"my_number_card"'; then ok=1; break; fi
  sleep 0.1
done
[ -n "$ok" ] || { say "the simulated card on slot 0 never appeared"; cat "$work/slot0.log" >&2; exit 1; }
say "simulated card present in '$VPCD_READER0'"

# 4. Every test, end-to-end included.
export MYNAPIN_E2E=1 VPCD_PORT0 VPCD_PORT1 VPCD_READER0 VPCD_READER1 PCSCD_LOG \
  PINPAD_READER PINPAD_PORT PINPAD_KEYPAD
set +e
timeout 2400 cargo test --workspace --locked --no-fail-fast "$@" -- --include-ignored
status=$?
set -e
exit $status
