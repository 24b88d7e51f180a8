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
