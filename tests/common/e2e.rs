//! What every end-to-end test file starts with: one test at a time (the vpcd readers and
//! pcscd are shared by the whole run), and the readers and ports that scripts/test-all.sh
//! started, from its environment.

use std::sync::{Mutex, MutexGuard};

/// Why an end-to-end test is ignored in a plain `cargo test`.
pub const NEEDS: &str = "needs pcscd + vpcd: run scripts/test-all.sh";

static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// Holds the readers for one test; fails unless scripts/test-all.sh runs the tests
/// (`MYNAPIN_E2E=1`).
pub fn one_at_a_time() -> MutexGuard<'static, ()> {
    let guard = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    assert_eq!(
        std::env::var("MYNAPIN_E2E").as_deref(),
        Ok("1"),
        "end-to-end tests {NEEDS}"
    );
    guard
}

/// A variable scripts/test-all.sh sets (`VPCD_PORT1`, `VPCD_READER1`, …).
pub fn var(k: &str) -> String {
    std::env::var(k).unwrap_or_else(|_| panic!("{k} not set: {NEEDS}"))
}
