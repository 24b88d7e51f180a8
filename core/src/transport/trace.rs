//! `--trace`: prints every APDU and response in spaced hex on stderr. The data of commands
//! that carry a PIN (VERIFY, CHANGE REFERENCE DATA, CHANGE KEY) is printed as
//! `** redacted (N bytes) **` — the redaction is done by the APDU type itself. Control calls
//! to the reader (PIN-pad entries) are logged by code and length only: `trace: control CODE (N
//! bytes)` and the answer's length.

use super::{Capabilities, Transport, TransportError};
use mynapin_apdu::{Command, Response};
use std::io::Write;

/// Wraps a transport and writes each exchange to `out`.
pub struct Tracing<T, W: Write> {
    inner: T,
    out: W,
}

impl<T: Transport, W: Write> Tracing<T, W> {
    /// Traces `inner` to `out` (the CLI uses stderr).
    pub fn new(inner: T, out: W) -> Self {
        Tracing { inner, out }
    }
}

impl<T: Transport, W: Write> Transport for Tracing<T, W> {
    fn transmit_raw(&mut self, command: &Command) -> Result<Response, TransportError> {
        let _ = writeln!(self.out, "trace: > {}", command.trace());
        let result = self.inner.transmit_raw(command);
        let _ = match &result {
            Ok(r) => writeln!(self.out, "trace: < {}", r.trace()),
            Err(e) => writeln!(self.out, "trace: ! {e}"),
        };
        result
    }

    fn reader_name(&self) -> String {
        self.inner.reader_name()
    }

    fn capabilities(&self) -> Capabilities {
        self.inner.capabilities()
    }

    fn watch_stop(&mut self, stop: &super::StopFlag) {
        self.inner.watch_stop(stop)
    }

    fn control(&mut self, code: u32, data: &[u8]) -> Result<Vec<u8>, TransportError> {
        let _ = writeln!(self.out, "trace: control {code:08X} ({} bytes)", data.len());
        let result = self.inner.control(code, data);
        let _ = match &result {
            Ok(answer) => writeln!(self.out, "trace: control answer ({} bytes)", answer.len()),
            Err(e) => writeln!(self.out, "trace: ! {e}"),
        };
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transport::{Interruptible, StopFlag};
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    /// A reader that answers every control call with `90 00` and counts them.
    struct Pad(usize);

    impl Transport for Pad {
        fn transmit_raw(&mut self, _: &Command) -> Result<Response, TransportError> {
            Ok(Response::parse(&[0x90, 0x00])?)
        }
        fn reader_name(&self) -> String {
            "pad".into()
        }
        fn control(&mut self, _: u32, _: &[u8]) -> Result<Vec<u8>, TransportError> {
            self.0 += 1;
            Ok(vec![0x90, 0x00])
        }
    }

    #[test]
    fn control_calls_are_traced_by_code_and_length_only() {
        let mut out = Vec::new();
        let data = [0x1E, 0x1E, 0x82, 0x04, 0x00, 0x31, 0x32, 0x33, 0x34];
        {
            let mut t = Tracing::new(Pad(0), &mut out);
            assert_eq!(t.control(0x4233_0006, &data).unwrap(), [0x90, 0x00]);
        }
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "trace: control 42330006 (9 bytes)\ntrace: control answer (2 bytes)\n"
        );
        // Transports without a reader: unsupported, traced as such.
        struct NoPad;
        impl Transport for NoPad {
            fn transmit_raw(&mut self, _: &Command) -> Result<Response, TransportError> {
                Ok(Response::parse(&[0x90, 0x00])?)
            }
            fn reader_name(&self) -> String {
                "none".into()
            }
        }
        let mut out = Vec::new();
        let r = Tracing::new(NoPad, &mut out).control(1, &[]);
        assert!(matches!(r, Err(TransportError::Unsupported)));
        assert!(String::from_utf8(out).unwrap().contains("trace: ! "));
    }

    #[test]
    fn interruptible_stops_a_control_call_after_a_signal() {
        let stop: StopFlag = Arc::new(AtomicUsize::new(0));
        let mut t = Interruptible::new(Pad(0), Arc::clone(&stop));
        assert!(t.control(6, &[]).is_ok());
        stop.store(2, Ordering::SeqCst);
        assert!(matches!(
            t.control(6, &[]),
            Err(TransportError::Interrupted { signal: 2 })
        ));
        assert_eq!(t.inner.0, 1, "the second call reached the reader");
    }
}
