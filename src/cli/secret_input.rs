//! Reading PINs: from the terminal without echo, or one per line from standard input
//! (`--pin-stdin`) or a file descriptor (`--pin-fd N`). Never from argv or the environment.
//! Every buffer that holds a PIN is zeroized when dropped.

use super::error::CliError;
use super::lang::Lang;
use std::io::{IsTerminal, Read};
use zeroize::{Zeroize, Zeroizing};

/// Where PINs come from.
pub enum PinSource {
    /// The controlling terminal, without echo.
    Terminal,
    /// Lines of a non-terminal stream (stdin or `/dev/fd/N`).
    Lines(Box<dyn Read>),
}

impl PinSource {
    /// From the flags. `--pin-stdin` on a terminal still reads without echo.
    pub fn new(lang: Lang, pin_stdin: bool, pin_fd: Option<u32>) -> Result<PinSource, CliError> {
        if let Some(fd) = pin_fd {
            let path = format!("/dev/fd/{fd}");
            let f = std::fs::File::open(&path).map_err(|e| {
                CliError::Input(match lang {
                    Lang::En => format!("cannot open file descriptor {fd}: {e}"),
                    Lang::Ja => format!("ファイル記述子 {fd} を開けません：{e}"),
                })
            })?;
            return Ok(PinSource::Lines(Box::new(f)));
        }
        if pin_stdin && !std::io::stdin().is_terminal() {
            return Ok(PinSource::Lines(Box::new(std::io::stdin())));
        }
        Ok(PinSource::Terminal)
    }

    /// True when a person types at a terminal (confirmation questions make sense).
    pub fn interactive(&self) -> bool {
        matches!(self, PinSource::Terminal)
    }

    /// Reads one PIN entry, showing `prompt` on the terminal.
    pub fn read(&mut self, lang: Lang, prompt: &str) -> Result<Zeroizing<String>, CliError> {
        match self {
            PinSource::Terminal => rpassword::prompt_password(format!("{prompt}: "))
                .map(Zeroizing::new)
                .map_err(|e| {
                    CliError::Input(match lang {
                        Lang::En => format!("no terminal to read it from ({e})"),
                        Lang::Ja => format!("入力できる端末がありません（{e}）"),
                    })
                }),
            PinSource::Lines(r) => read_line(r.as_mut())
                .map_err(|e| CliError::Input(e.to_string()))?
                .ok_or_else(|| {
                    CliError::Input(match lang {
                        Lang::En => format!("the input ended before: {prompt}"),
                        Lang::Ja => format!("入力が途中で終わりました：{prompt}"),
                    })
                }),
        }
    }
}

/// One line, byte by byte into a zeroizing buffer (no buffered reader keeps a copy); the
/// trailing `\n` / `\r\n` is removed. `None` at end of input with nothing read.
fn read_line(r: &mut dyn Read) -> std::io::Result<Option<Zeroizing<String>>> {
    let mut bytes = Zeroizing::new(Vec::with_capacity(64));
    let mut byte = [0u8; 1];
    let mut any = false;
    loop {
        match r.read(&mut byte) {
            Ok(0) => break,
            Ok(_) => {
                any = true;
                if byte[0] == b'\n' {
                    break;
                }
                bytes.push(byte[0]);
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
    byte.zeroize();
    if !any {
        return Ok(None);
    }
    if bytes.last() == Some(&b'\r') {
        bytes.pop();
    }
    // Invalid UTF-8 becomes U+FFFD, which the PIN rules then refuse.
    Ok(Some(Zeroizing::new(
        String::from_utf8_lossy(&bytes).into_owned(),
    )))
}

/// Asks for a typed confirmation on the terminal (visible input: it is not a secret).
pub fn confirm(lang: Lang, question: &str) -> bool {
    eprint!("{question} ");
    let mut answer = String::new();
    let read = std::fs::File::open("/dev/tty")
        .and_then(|mut tty| {
            let mut buf = [0u8; 64];
            let n = tty.read(&mut buf)?;
            answer = String::from_utf8_lossy(&buf[..n]).trim().to_string();
            Ok(())
        })
        .or_else(|_| std::io::stdin().read_line(&mut answer).map(|_| ()));
    read.is_ok() && {
        let a = answer.trim();
        a == "YES" || a == "yes" || (lang == Lang::Ja && a == "はい")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_split_and_trimmed() {
        let mut input: &[u8] = b"1234\r\n5678\nlast";
        assert_eq!(read_line(&mut input).unwrap().unwrap().as_str(), "1234");
        assert_eq!(read_line(&mut input).unwrap().unwrap().as_str(), "5678");
        assert_eq!(read_line(&mut input).unwrap().unwrap().as_str(), "last");
        assert!(read_line(&mut input).unwrap().is_none());
        let mut empty_line: &[u8] = b"\n";
        assert_eq!(read_line(&mut empty_line).unwrap().unwrap().as_str(), "");
    }
}
