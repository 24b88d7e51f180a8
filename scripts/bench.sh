#!/usr/bin/env bash
# Benchmarks (measured and reported, never asserted):
#  1. `mynapin --sim status` (in-process simulated card): APDUs and median wall time, 20 runs;
#  2. through pcscd + vpcd, with the card answering after 0 and 20 ms: median per-APDU round
#     trip, and `mynapin status` against `pkcs15-tool --list-pins` (median of 10 runs each,
#     with each one's APDU count as the card saw it).
# Needs what scripts/test-all.sh installs. Stops what it starts, by PID.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/sbin"
timeout 1800 cargo build --release --locked --bin mynapin --example apdu_rtt >/dev/null 2>&1
bin=target/release/mynapin
rtt=target/release/examples/apdu_rtt

median_ms() { # command... → median wall time in ms over $RUNS runs
  local t=()
  for _ in $(seq 1 "$RUNS"); do
    local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N)
    t+=($(( (e - s) / 1000 )))
  done
  printf '%s\n' "${t[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.2f", a[int((NR+1)/2)]/1000}'
}

RUNS=20
apdus=$("$bin" --sim --trace status 2>&1 >/dev/null | grep -c '^trace: >')
echo "in-process: mynapin --sim status: $apdus APDUs, median $(median_ms "$bin" --sim status) ms over $RUNS runs"

work=$(mktemp -d /tmp/mynapin-bench.XXXXXX)
card=""; pcscd_pid=""
stop_pid() { kill -TERM "$1" 2>/dev/null || return 0; for _ in $(seq 50); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done; kill -KILL "$1" 2>/dev/null || true; }
cleanup() { [ -n "$card" ] && stop_pid "$card"; [ -n "$pcscd_pid" ] && stop_pid "$pcscd_pid"; }
trap cleanup EXIT
eval "$(timeout 30 bash scripts/pcscd-vpcd.sh "$work")"
pcscd_pid=$PCSCD_PID
# pcscd's own APDU log is too slow for timing: restart it without --debug --apdu.
stop_pid "$pcscd_pid"; pcscd_pid=""
pcscd --foreground -c "$work/reader.conf.d" >"$work/pcscd-quiet.log" 2>&1 &
pcscd_pid=$!
sleep 0.5

RUNS=10
for latency in 0 20; do
  "$bin" sim serve -v --vpcd "127.0.0.1:$VPCD_PORT0" --latency-ms "$latency" >"$work/card-$latency.log" 2>&1 &
  card=$!
  for _ in $(seq 100); do "$bin" --timeout 3 --reader 0 status >/dev/null 2>&1 && break; sleep 0.1; done
  read -r med p90 < <("$rtt" "$VPCD_READER0" 200)
  before=$(grep -c ' > ' "$work/card-$latency.log")
  "$bin" --reader 0 status >/dev/null
  mid=$(grep -c ' > ' "$work/card-$latency.log")
  "$bin" --reader 0 status --no-cert >/dev/null
  nocert=$(grep -c ' > ' "$work/card-$latency.log")
  pkcs15-tool -r 0 --list-pins >/dev/null 2>&1
  after=$(grep -c ' > ' "$work/card-$latency.log")
  echo "pcscd+vpcd, card latency ${latency} ms: APDU round trip median ${med} us (p90 ${p90} us, 200 queries)"
  echo "  mynapin status:          $((mid - before)) APDUs, median $(median_ms "$bin" --reader 0 status) ms over $RUNS runs"
  echo "  mynapin status --no-cert: $((nocert - mid)) APDUs, median $(median_ms "$bin" --reader 0 status --no-cert) ms over $RUNS runs"
  echo "  pkcs15-tool --list-pins: $((after - nocert)) APDUs, median $(median_ms pkcs15-tool -r 0 --list-pins) ms over $RUNS runs"
  stop_pid "$card"; card=""
  sleep 1.5
done

# 3. Window mode: from the simulated card connecting to vpcd to its status line from
#    `mynapin watch --json`; beside it, `mynapin --wait status` started before the card, and
#    `status` on a card already present: the difference is pcscd's own detection delay.
#    Card on slot 1, 9 rounds each. pcscd notices a vpcd card only when it next polls the slot
#    (measured: 90 to 340 ms after the card started), and rounds spaced by fixed sleeps keep
#    the same phase to that poll, so each round first waits a random 0-399 ms: without it the
#    two medians differed by the phase alone (watch 479 ms against --wait 311 ms in one run,
#    483 against 588 ms in another, with the same binary).
med() { sort -n | awk '{a[NR]=$1} END {printf "%.0f", a[int((NR+1)/2)]/1000}'; }
for latency in 0 20; do
  totals=(); waits=(); plain=()
  mkfifo "$work/watch.fifo"
  "$bin" --reader 1 watch --json >"$work/watch.fifo" 2>/dev/null &
  watcher=$!
  exec 3<"$work/watch.fifo"
  for _ in 1 2 3 4 5 6 7 8 9; do
    sleep "0.$(printf '%03d' $((RANDOM % 400)))"
    t0=$(date +%s%N)
    "$bin" sim serve --vpcd "127.0.0.1:$VPCD_PORT1" --latency-ms "$latency" >/dev/null 2>&1 &
    card=$!
    read -r _ <&3; t1=$(date +%s%N)
    totals+=($(( (t1 - t0) / 1000 )))
    stop_pid "$card"; card=""
    sleep 1.5   # vpcd settles after a removal (see tests/e2e.rs)
  done
  kill -INT "$watcher" 2>/dev/null || true; wait "$watcher" 2>/dev/null || true
  exec 3<&-; rm -f "$work/watch.fifo"
  for _ in 1 2 3 4 5 6 7 8 9; do
    "$bin" --reader 1 --wait=30 status >/dev/null 2>&1 &
    waiter=$!
    sleep 0.3   # the waiter is waiting before the card comes
    sleep "0.$(printf '%03d' $((RANDOM % 400)))"
    t0=$(date +%s%N)
    "$bin" sim serve --vpcd "127.0.0.1:$VPCD_PORT1" --latency-ms "$latency" >/dev/null 2>&1 &
    card=$!
    wait "$waiter" || true; t1=$(date +%s%N)
    waits+=($(( (t1 - t0) / 1000 )))
    s0=$(date +%s%N); "$bin" --reader 1 status >/dev/null 2>&1 || true; s1=$(date +%s%N)
    plain+=($(( (s1 - s0) / 1000 )))
    stop_pid "$card"; card=""
    sleep 1.5
  done
  w=$(printf '%s\n' "${totals[@]}" | med); ws=$(printf '%s\n' "${waits[@]}" | med); p=$(printf '%s\n' "${plain[@]}" | med)
  echo "window mode, card latency ${latency} ms (medians of 9): card connected → watch prints its status ${w} ms; --wait status ${ws} ms; status on a present card ${p} ms (so pcscd's detection ≈ $((ws - p)) ms)"
done
