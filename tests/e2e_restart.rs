//! `watch` across a real pcscd restart (issue 18, item 6): it keeps running, says once that
//! pcscd stopped and once that it is back, and then reads the next card.
//!
//! This test restarts pcscd, so it cannot use the shared one `scripts/test-all.sh` starts: it
//! starts its own in a mount namespace of its own (`unshare -m`, a tmpfs on `/run/pcscd`, so
//! the PC/SC socket is its alone; `scripts/pcscd-vpcd.sh` picks free vpcd ports) and stops
//! every process it started by PID. Like the other end-to-end tests it runs only under
//! `scripts/test-all.sh` (MYNAPIN_E2E=1); there it needs root for the namespace.

use std::process::Command;

/// The whole scenario, in the namespace. Every wait is for an event (a line in a log, a
/// process gone), bounded.
const SCRIPT: &str = r#"
set -u
work=$1; bin=$2; repo=$3
mkdir -p /run/pcscd && mount -t tmpfs -o mode=0755 tmpfs /run/pcscd || exit 90
export MYNAPIN_PRIVATE_PCSCD=1 LANG=C
unset LC_ALL LC_MESSAGES
pids=""
stop_all() { for p in $pids; do kill -TERM "$p" 2>/dev/null; done; }
trap stop_all EXIT
# Waits up to 20 s for $2 in file $1.
wait_for() {
  for _ in $(seq 1 400); do grep -qF -- "$2" "$1" 2>/dev/null && return 0; sleep 0.05; done
  echo "never saw '$2' in $1:"; cat "$1"; exit 91
}
# Waits up to 10 s for PID $1 to end.
wait_gone() {
  for _ in $(seq 1 200); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.05; done
  echo "PID $1 did not end"; exit 92
}
eval "$(bash "$repo/scripts/pcscd-vpcd.sh" "$work/p1")" || exit 93
pcscd1=$PCSCD_PID; pids="$pids $pcscd1"
"$bin" watch >"$work/watch.out" 2>"$work/watch.err" &
watch=$!; pids="$pids $watch"
wait_for "$work/watch.err" "watching for cards"
# pcscd stops (as a package upgrade or `systemctl restart pcscd` does).
kill -TERM "$pcscd1"; wait_gone "$pcscd1"
wait_for "$work/watch.err" "the PC/SC service (pcscd) stopped; watch keeps running"
kill -0 "$watch" || { echo "watch ended"; cat "$work/watch.err"; exit 94; }
# pcscd again, then a card.
eval "$(bash "$repo/scripts/pcscd-vpcd.sh" "$work/p2")" || exit 95
pids="$pids $PCSCD_PID"
wait_for "$work/watch.err" "is running again"
"$bin" sim serve --vpcd "127.0.0.1:$VPCD_PORT0" --fixture fresh >"$work/serve.log" 2>&1 &
pids="$pids $!"
wait_for "$work/watch.out" "3/3    ok                User-authentication PIN"
kill -INT "$watch"; wait "$watch"; echo "watch-exit=$?"
echo "--- stderr"; cat "$work/watch.err"
"#;

#[test]
#[ignore = "needs pcscd + vpcd: run scripts/test-all.sh"]
fn watch_survives_a_pcscd_restart() {
    assert_eq!(
        std::env::var("MYNAPIN_E2E").as_deref(),
        Ok("1"),
        "needs pcscd + vpcd: run scripts/test-all.sh"
    );
    let work = tempfile::tempdir().unwrap();
    let out = Command::new("timeout")
        .args([
            "120",
            "unshare",
            "-m",
            "--propagation",
            "private",
            "bash",
            "-c",
        ])
        .arg(SCRIPT)
        .arg("bash")
        .arg(work.path())
        .arg(env!("CARGO_BIN_EXE_mynapin"))
        .arg(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && stdout.contains("watch-exit=0"),
        "{stdout}\n{stderr}"
    );
    let log = stdout.split("--- stderr").nth(1).unwrap_or_default();
    eprintln!("{log}");
    assert_eq!(log.matches("pcscd) stopped").count(), 1, "said once: {log}");
    assert_eq!(log.matches("running again").count(), 1, "said once: {log}");
    assert!(!log.contains("communication"), "{log}");
    assert!(log.contains("stopped after 1 card"), "{log}");
}
