#!/usr/bin/env bash
# Start a private pcscd with one vsmartcard vpcd reader (two slots), in the foreground of a
# background job. Prints shell assignments for the caller to eval:
#   PCSCD_PID, PCSCD_LOG, VPCD_PORT0, VPCD_PORT1, VPCD_READER0, VPCD_READER1
# Refuses (exit 3) if another pcscd is running: it is never stopped by this script.
#
# Usage: pcscd-vpcd.sh [--pinpad] WORKDIR
#   --pinpad  also a simulated PIN-pad reader (the pinpad-ifd crate, tests only): a second
#             reader entry whose driver is $MYNAPIN_PINPAD_IFD (default: this checkout's
#             target/debug/libmynapin_pinpad_ifd.so; nothing is built here), its card on its own
#             TCP port, its keypad a FIFO in WORKDIR. Adds PINPAD_READER, PINPAD_PORT and
#             PINPAD_KEYPAD to the assignments.
#
# Measured on Debian bookworm (pcsc-lite 1.9.9, vpcd 0.8): one reader entry gives two slots
# whose cards are seen ~0.5 s after they connect. Several vpcd entries in one pcscd made card
# detection stall for 10 s and more (and SCardConnect hang), so this uses exactly one entry.
# (vpcd reports itself not thread safe, so pcscd gives every reader of that driver one shared
# lock.) The --pinpad entry is another driver with a lock of its own: measured over 5 runs
# each, the slot-0 card was seen 330-415 ms after it started with the vpcd entry alone and
# 259-307 ms with both entries; `mynapin readers --json` took 13-41 ms and 19-52 ms.
set -euo pipefail

pinpad=""
if [ "${1:-}" = "--pinpad" ]; then pinpad=1; shift; fi
work=${1:?usage: pcscd-vpcd.sh [--pinpad] WORKDIR}
mkdir -p "$work/reader.conf.d"
if [ -n "$pinpad" ]; then
  pinpad_ifd=${MYNAPIN_PINPAD_IFD:-$(cd "$(dirname "$0")/.." && pwd)/target/debug/libmynapin_pinpad_ifd.so}
  if [ ! -f "$pinpad_ifd" ]; then
    echo "pcscd-vpcd: no PIN-pad driver at $pinpad_ifd" >&2
    echo "pcscd-vpcd: build it first (cargo build -p mynapin-pinpad-ifd) or set MYNAPIN_PINPAD_IFD" >&2
    exit 3
  fi
fi

pids=""
# In a private mount namespace (scripts/test-all.sh makes one) /run/pcscd is ours alone: a
# pcscd elsewhere on the machine does not share its socket.
[ -n "${MYNAPIN_PRIVATE_PCSCD:-}" ] || for p in $(pidof pcscd 2>/dev/null || true); do
  case "$(ps -o stat= -p "$p" 2>/dev/null)" in Z*|"") ;; *) pids="$pids $p" ;; esac
done
if [ -n "$pids" ]; then
  echo "pcscd-vpcd: another pcscd is already running (PID $pids); it is not ours to stop." >&2
  echo "pcscd-vpcd: stop it yourself (e.g. sudo systemctl stop pcscd.socket pcscd) and retry," >&2
  echo "pcscd-vpcd: or run only the in-process tests: cargo test --workspace" >&2
  exit 3
fi

# A free port pair: vpcd listens on PORT (slot 0) and PORT+1 (slot 1).
port_busy() { ss -Htln "sport = :$1" 2>/dev/null | grep -q .; }
port=""
# 35963 first (vpcd's default), then pairs picked at random so that runs started together
# (each in its own namespace) are unlikely to race for the same pair.
for p in 35963 $(shuf -i 2000-3100 -n 40 | sed 's/$/0/' | awk '{print $1 + 15963}'); do
  if ! port_busy "$p" && ! port_busy $((p + 1)); then port=$p; break; fi
done
[ -n "$port" ] || { echo "pcscd-vpcd: no free port pair for vpcd" >&2; exit 3; }
channel=$(printf '0x%X' "$port")

if [ -n "$pinpad" ]; then
  # The PIN-pad reader's card port: just above the vpcd pair, else random.
  pinpad_port=""
  for p in $((port + 2)) $(shuf -i 20000-30000 -n 40); do
    if ! port_busy "$p"; then pinpad_port=$p; break; fi
  done
  [ -n "$pinpad_port" ] || { echo "pcscd-vpcd: no free port for the PIN-pad reader" >&2; exit 3; }
  keypad="$work/keypad"
  rm -f "$keypad"
  mkfifo -m 0600 "$keypad"
fi

cat > "$work/reader.conf.d/vpcd" <<CONF
FRIENDLYNAME "mynapin vpcd"
DEVICENAME   /dev/null:$channel
LIBPATH      /usr/lib/pcsc/drivers/serial/libifdvpcd.so
CHANNELID    $channel
CONF

if [ -n "$pinpad" ]; then
  # In the same file, after the vpcd entry, so that pcscd adds it last (the files of a conf
  # directory come in readdir order): the vpcd slots keep reader indices 0 and 1.
  # DEVICENAME: pcsc-lite's reader.conf lexer allows no ';', so the fields are ':'-separated.
  # No CHANNELID: with a DEVICENAME pcscd calls IFDHCreateChannelByName.
  cat >> "$work/reader.conf.d/vpcd" <<CONF

FRIENDLYNAME "mynapin pinpad"
DEVICENAME   port=$pinpad_port:keypad=$keypad
LIBPATH      $pinpad_ifd
CONF
fi

log="$work/pcscd.log"
pcscd --foreground --debug --apdu -c "$work/reader.conf.d" >"$log" 2>&1 &
pid=$!
# Wait until pcscd is ready (it logs "daemon ready").
for _ in $(seq 1 100); do
  grep -q 'daemon ready' "$log" 2>/dev/null && break
  kill -0 "$pid" 2>/dev/null || { echo "pcscd-vpcd: pcscd exited:" >&2; tail -20 "$log" >&2; exit 3; }
  sleep 0.05
done
grep -q 'daemon ready' "$log" || { echo "pcscd-vpcd: pcscd not ready after 5 s" >&2; kill "$pid"; exit 3; }

cat <<VARS
PCSCD_PID=$pid
PCSCD_LOG=$log
VPCD_PORT0=$port
VPCD_PORT1=$((port + 1))
VPCD_READER0='mynapin vpcd 00 00'
VPCD_READER1='mynapin vpcd 00 01'
VARS
if [ -n "$pinpad" ]; then
  cat <<VARS
PINPAD_READER='mynapin pinpad 00 00'
PINPAD_PORT=$pinpad_port
PINPAD_KEYPAD=$keypad
VARS
fi
