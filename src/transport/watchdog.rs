//! A card that never answers hangs `SCardTransmit` forever (measured with vpcd; no PC/SC call
//! cancels it). The watchdog turns that into a clear error: each exchange is armed with a
//! deadline; when one passes, the hook (set by the CLI: it prints what is known, e.g. which
//! PINs were already changed) runs and the process exits with the hook's code. Exiting closes
//! the PC/SC connection, so pcscd releases the card.

use std::sync::{Arc, Condvar, Mutex, OnceLock};
use std::time::{Duration, Instant};

type Hook = Box<dyn Fn() -> i32 + Send>;

struct State {
    timeout: Duration,
    deadline: Option<Instant>,
    hook: Option<Hook>,
}

/// The process-wide watchdog.
pub struct Watchdog {
    shared: Arc<(Mutex<State>, Condvar)>,
}

/// Disarms the watchdog when dropped.
pub struct Armed<'a>(&'a Watchdog);

impl Drop for Armed<'_> {
    fn drop(&mut self) {
        let (lock, cvar) = &*self.0.shared;
        if let Ok(mut s) = lock.lock() {
            s.deadline = None;
        }
        cvar.notify_all();
    }
}

/// The one watchdog of this process.
pub fn global() -> &'static Watchdog {
    static W: OnceLock<Watchdog> = OnceLock::new();
    W.get_or_init(Watchdog::start)
}

impl Watchdog {
    fn start() -> Watchdog {
        let shared = Arc::new((
            Mutex::new(State {
                timeout: Duration::from_secs(20),
                deadline: None,
                hook: None,
            }),
            Condvar::new(),
        ));
        let theirs = Arc::clone(&shared);
        std::thread::Builder::new()
            .name("mynapin-watchdog".into())
            .spawn(move || watch(&theirs))
            .expect("a thread can be spawned");
        Watchdog { shared }
    }

    /// How long one exchange may take.
    pub fn set_timeout(&self, timeout: Duration) {
        if let Ok(mut s) = self.shared.0.lock() {
            s.timeout = timeout;
        }
    }

    /// The current timeout.
    pub fn timeout(&self) -> Duration {
        self.shared
            .0
            .lock()
            .map(|s| s.timeout)
            .unwrap_or(Duration::from_secs(20))
    }

    /// What to do when an exchange times out; returns the exit code.
    pub fn set_hook(&self, hook: impl Fn() -> i32 + Send + 'static) {
        if let Ok(mut s) = self.shared.0.lock() {
            s.hook = Some(Box::new(hook));
        }
    }

    /// Starts the clock for one exchange; it stops when the guard is dropped.
    pub fn arm(&self) -> Armed<'_> {
        let (lock, cvar) = &*self.shared;
        if let Ok(mut s) = lock.lock() {
            s.deadline = Some(Instant::now() + s.timeout);
        }
        cvar.notify_all();
        Armed(self)
    }
}

fn watch(shared: &(Mutex<State>, Condvar)) {
    let (lock, cvar) = shared;
    let Ok(mut s) = lock.lock() else { return };
    loop {
        match s.deadline {
            None => match cvar.wait(s) {
                Ok(g) => s = g,
                Err(_) => return,
            },
            Some(deadline) => {
                let now = Instant::now();
                if now >= deadline {
                    let code = s.hook.as_ref().map_or(6, |h| h());
                    std::process::exit(code);
                }
                match cvar.wait_timeout(s, deadline - now) {
                    Ok((g, _)) => s = g,
                    Err(_) => return,
                }
            }
        }
    }
}
