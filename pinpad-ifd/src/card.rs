//! The card side: this reader is the vpcd end of the vpcd protocol
//! (`docs/simulated-card.md`), so `mynapin sim serve --vpcd 127.0.0.1:PORT` connects
//! to it unchanged. Frames both ways: 2-byte big-endian length, payload. The reader speaks
//! first: `00` power off, `01` power on, `02` reset, `04` get ATR (answered with the ATR; also
//! the presence check), ≥ 2 bytes a command APDU (answered with the response). A closed
//! connection is a removed card.

#[cfg(target_os = "linux")]
use socket2::SockRef;
use std::io::{ErrorKind, Read, Write};
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::time::Duration;
use zeroize::Zeroizing;

/// How long the card may take to answer a presence check or an ATR request.
const ATR_WAIT: Duration = Duration::from_secs(5);
/// How long the card may take to answer an APDU (the simulator's faults delay answers).
const APDU_WAIT: Duration = Duration::from_secs(60);

pub struct CardSlot {
    listener: TcpListener,
    card: Option<TcpStream>,
}

impl CardSlot {
    /// Listens on 127.0.0.1:`port` (0: any free port, for tests).
    pub fn listen(port: u16) -> std::io::Result<CardSlot> {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, port))?;
        listener.set_nonblocking(true)?;
        Ok(CardSlot {
            listener,
            card: None,
        })
    }

    #[cfg(test)]
    pub fn port(&self) -> u16 {
        self.listener.local_addr().map(|a| a.port()).unwrap_or(0)
    }

    /// Takes a waiting card connection, if there is one.
    fn accept(&mut self) {
        if self.card.is_some() {
            return;
        }
        match self.listener.accept() {
            Ok((stream, _)) => {
                if stream.set_nonblocking(false).is_ok() {
                    let _ = stream.set_nodelay(true);
                    self.card = Some(stream);
                }
            }
            Err(e) if e.kind() == ErrorKind::WouldBlock => {}
            Err(e) => eprintln!("mynapin-pinpad-ifd: accept failed: {e}"),
        }
    }

    fn remove(&mut self) {
        self.card = None;
    }

    /// Sends one frame and, when `answer`, reads one back. Any failure removes the card.
    fn exchange(
        &mut self,
        payload: &[u8],
        answer: bool,
        wait: Duration,
    ) -> Option<Zeroizing<Vec<u8>>> {
        self.accept();
        let stream = self.card.as_mut()?;
        let result = frame_exchange(stream, payload, answer, wait);
        if result.is_none() {
            self.remove();
        }
        result
    }

    /// The ATR, or `None` when no card is connected (the presence check).
    pub fn atr(&mut self) -> Option<Vec<u8>> {
        let atr = self.exchange(&[0x04], true, ATR_WAIT)?;
        if atr.is_empty() {
            self.remove();
            return None;
        }
        Some(atr.to_vec())
    }

    pub fn power_on(&mut self) -> Option<()> {
        self.exchange(&[0x01], false, ATR_WAIT).map(|_| ())
    }

    pub fn power_off(&mut self) -> Option<()> {
        self.exchange(&[0x00], false, ATR_WAIT).map(|_| ())
    }

    pub fn reset(&mut self) -> Option<()> {
        self.exchange(&[0x02], false, ATR_WAIT).map(|_| ())
    }

    /// Sends a command APDU (at least 2 bytes), returns the response.
    pub fn transmit(&mut self, apdu: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
        if apdu.len() < 2 {
            return None;
        }
        self.exchange(apdu, true, APDU_WAIT)
    }
}

fn frame_exchange(
    stream: &mut TcpStream,
    payload: &[u8],
    answer: bool,
    wait: Duration,
) -> Option<Zeroizing<Vec<u8>>> {
    let len = u16::try_from(payload.len()).ok()?;
    // Length and payload in one write (the vpcd driver writes them separately, which costs
    // a delayed ACK on the card side).
    let mut frame = Zeroizing::new(Vec::with_capacity(2 + payload.len()));
    frame.extend_from_slice(&len.to_be_bytes());
    frame.extend_from_slice(payload);
    stream.write_all(&frame).ok()?;
    if !answer {
        return Some(Zeroizing::new(Vec::new()));
    }
    stream.set_read_timeout(Some(wait)).ok()?;
    #[cfg(target_os = "linux")]
    let _ = SockRef::from(&*stream).set_quickack(true);
    let mut head = [0u8; 2];
    stream.read_exact(&mut head).ok()?;
    let n = usize::from(u16::from_be_bytes(head));
    let mut body = Zeroizing::new(vec![0u8; n]);
    #[cfg(target_os = "linux")]
    let _ = SockRef::from(&*stream).set_quickack(true);
    stream.read_exact(&mut body).ok()?;
    Some(body)
}

#[cfg(test)]
pub mod fake {
    //! A minimal vpcd card for tests: connects, answers 04 with an ATR, and APDUs with a
    //! function of their bytes. Records every APDU it saw.
    use super::*;
    use std::sync::{Arc, Mutex};

    pub const ATR: [u8; 9] = [0x3B, 0xE0, 0x00, 0xFF, 0x81, 0x31, 0xFE, 0x45, 0x14];

    pub type Seen = Arc<Mutex<Vec<Vec<u8>>>>;

    pub fn connect(port: u16, answer: fn(&[u8]) -> Vec<u8>) -> Seen {
        let seen: Seen = Arc::default();
        let log = Arc::clone(&seen);
        let mut s = TcpStream::connect((Ipv4Addr::LOCALHOST, port)).unwrap();
        std::thread::spawn(move || loop {
            let mut head = [0u8; 2];
            if s.read_exact(&mut head).is_err() {
                return;
            }
            let mut body = vec![0u8; usize::from(u16::from_be_bytes(head))];
            if s.read_exact(&mut body).is_err() {
                return;
            }
            let reply = match body.as_slice() {
                [0x04] => ATR.to_vec(),
                [_] => continue,
                apdu => {
                    log.lock().unwrap().push(apdu.to_vec());
                    answer(apdu)
                }
            };
            let mut out = (reply.len() as u16).to_be_bytes().to_vec();
            out.extend_from_slice(&reply);
            if s.write_all(&out).is_err() {
                return;
            }
        });
        seen
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presence_power_and_apdus() {
        let mut slot = CardSlot::listen(0).unwrap();
        assert_eq!(slot.atr(), None, "no card yet");
        let seen = fake::connect(slot.port(), |_| vec![0x90, 0x00]);
        // The connection is accepted by the next check (it may take a moment to arrive).
        let t0 = std::time::Instant::now();
        while slot.atr().is_none() {
            assert!(t0.elapsed() < Duration::from_secs(5), "card never seen");
            std::thread::yield_now();
        }
        assert_eq!(slot.atr().unwrap(), fake::ATR);
        assert!(slot.power_on().is_some());
        assert_eq!(
            slot.transmit(&[0x00, 0xA4, 0x04, 0x00]).unwrap().to_vec(),
            vec![0x90, 0x00]
        );
        assert_eq!(seen.lock().unwrap().len(), 1);
        assert!(slot.transmit(&[0x00]).is_none(), "1 byte is not an APDU");
    }
}
