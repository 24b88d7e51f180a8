//! Serving the simulated card to pcscd through vsmartcard's vpcd driver
//! (`docs/simulated-card.md`).
//!
//! The card is a TCP client of vpcd (default 127.0.0.1:35963: slot 0 of the vpcd entry whose
//! CHANNELID is 0x8C7B, "mynapin vpcd 00 00" as scripts/pcscd-vpcd.sh names it).
//! Every message, both ways, is a 2-byte big-endian length and a payload; vpcd speaks first:
//! `00` power off, `01` power on (cold), `02` warm reset, `04` get ATR (also the ~400 ms
//! presence poll), anything of 2 bytes or more is a command APDU. A closed socket is a removed
//! card.
//!
//! `TCP_QUICKACK` is set before every read (Linux only: other systems have no such option):
//! Linux clears it after each read, and without it every APDU stalls ~44 ms (vpcd writes
//! length and payload separately; Nagle + delayed ACK).

use super::{SimCard, StateError, StateFile};
use mynapin_apdu::{Command, Response, StatusWord};
use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// Faults to inject, counted in command APDUs since the process started (1-based).
#[derive(Debug, Clone, Default)]
pub struct Faults {
    /// Answer N APDUs, then close the connection when the next one arrives (unprocessed):
    /// the card is pulled out mid-command. The server then exits.
    pub close_after: Option<u64>,
    /// Answer N APDUs, then never answer again (the card hangs); the connection stays open.
    pub mute_after: Option<u64>,
    /// With `mute_after`: answer the held APDU after this long instead of never, then carry
    /// on normally. (A card silenced for good leaves pcscd's vpcd slot unusable once the
    /// card is stopped — measured with pcsc-lite 1.9.9 — so tests use a finite silence.)
    pub mute_for: Option<Duration>,
    /// Answer APDU N with this status word instead of processing it.
    pub sw_at: Option<(u64, u16)>,
}

/// How to serve.
#[derive(Debug)]
pub struct ServeOptions {
    /// vpcd's address, `HOST:PORT`.
    pub vpcd: String,
    /// Delay before each APDU answer (a contact card takes ~5–20 ms, contactless ~20–50 ms).
    pub latency: Duration,
    /// Where to persist the card's state after every APDU (locked while served).
    pub state: Option<StateFile>,
    /// Faults.
    pub faults: Faults,
    /// Log each exchange (PIN data redacted) on stderr.
    pub verbose: bool,
    /// How long to keep trying while vpcd refuses the connection (before the first connection
    /// and after each one ends).
    pub wait_vpcd: Duration,
    /// Told what happens (the program serving the card words it, on stderr).
    pub log: fn(&ServeEvent<'_>),
}

/// What happens while the card is served, for the person running it.
#[derive(Debug)]
pub enum ServeEvent<'a> {
    /// vpcd refuses the connection; the server keeps trying (told once a wait).
    WaitingForVpcd {
        /// vpcd's address.
        addr: &'a str,
        /// The connection error.
        why: &'a std::io::Error,
    },
    /// Connected: the card is in the reader.
    Inserted {
        /// vpcd's address.
        addr: &'a str,
    },
    /// A close fault took the card out after this many APDUs.
    FaultRemoved {
        /// APDUs answered.
        after: u64,
    },
    /// vpcd closed the connection; the server connects again.
    Reconnecting,
    /// A mute fault: APDU `apdu` gets no answer (with `verbose`).
    Muted {
        /// The APDU's number.
        apdu: u64,
    },
    /// One exchange, with `verbose` (PIN data redacted).
    Exchange {
        /// The APDU's number.
        apdu: u64,
        /// The command, as the trace shows it (`None`: malformed).
        command: Option<String>,
        /// The answer, in hex.
        answer: String,
    },
    /// A fault rule's empty answer to APDU `apdu`: the card is taken out and put back.
    EmptyAnswer {
        /// The APDU's number.
        apdu: u64,
    },
}

/// Why serving stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The state file could not be written.
    #[error("cannot write the card state: {0}")]
    State(#[from] StateError),
    /// Installing the signal handlers failed.
    #[error("cannot install signal handlers: {0}")]
    Signals(std::io::Error),
    /// The vpcd address does not parse or resolve.
    #[error("the vpcd address {addr:?} is not a reachable HOST:PORT")]
    Address {
        /// The address as given.
        addr: String,
        /// Why (None: it resolved to no address).
        why: Option<std::io::Error>,
    },
    /// vpcd did not accept a connection within the wait.
    #[error("vpcd at {addr} did not accept a connection within {secs} s (last error: {why})")]
    Unreachable {
        /// The address.
        addr: String,
        /// The wait, in seconds.
        secs: u64,
        /// The last connection error.
        why: std::io::Error,
    },
}

/// Resolves `HOST:PORT` once, up front: a name that does not resolve is an error now, not a
/// reason to retry forever.
fn resolve(addr: &str) -> Result<Vec<std::net::SocketAddr>, ServeError> {
    use std::net::ToSocketAddrs;
    let bad = |why: Option<std::io::Error>| ServeError::Address {
        addr: addr.to_string(),
        why,
    };
    let addrs: Vec<_> = addr.to_socket_addrs().map_err(|e| bad(Some(e)))?.collect();
    if addrs.is_empty() {
        return Err(bad(None));
    }
    Ok(addrs)
}

/// How serving ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// SIGTERM or SIGINT.
    Signalled,
    /// A `close_after` fault removed the card.
    FaultClosed,
}

/// How long a card taken out after an empty fault answer stays out before it is inserted again.
const REINSERT_REST: Duration = Duration::from_secs(1);

/// Serves `card` until SIGTERM/SIGINT (or a close fault). Reconnects whenever vpcd is not
/// listening yet or drops the connection (pcscd restarted).
pub fn serve(mut card: SimCard, opts: &ServeOptions) -> Result<Ended, ServeError> {
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT] {
        signal_hook::flag::register(sig, Arc::clone(&stop)).map_err(ServeError::Signals)?;
    }
    let addrs = resolve(&opts.vpcd)?;
    let mut count: u64 = 0;
    let mut announced_wait = false;
    let mut waiting_since = std::time::Instant::now();
    while !stop.load(Ordering::Relaxed) {
        let stream = match TcpStream::connect(&addrs[..]) {
            Ok(s) => s,
            Err(e) => {
                if waiting_since.elapsed() >= opts.wait_vpcd {
                    return Err(ServeError::Unreachable {
                        addr: opts.vpcd.clone(),
                        secs: opts.wait_vpcd.as_secs(),
                        why: e,
                    });
                }
                if !announced_wait {
                    (opts.log)(&ServeEvent::WaitingForVpcd {
                        addr: &opts.vpcd,
                        why: &e,
                    });
                    announced_wait = true;
                }
                std::thread::sleep(Duration::from_millis(100));
                continue;
            }
        };
        announced_wait = false;
        (opts.log)(&ServeEvent::Inserted { addr: &opts.vpcd });
        let _ = stream.set_nodelay(true);
        let _ = stream.set_read_timeout(Some(Duration::from_millis(200)));
        match session(&mut card, stream, opts, &stop, &mut count)? {
            SessionEnd::Stop => break,
            SessionEnd::FaultClosed => {
                (opts.log)(&ServeEvent::FaultRemoved { after: count - 1 });
                save(&card, opts)?;
                return Ok(Ended::FaultClosed);
            }
            SessionEnd::Reinsert => {
                card.power_off();
                // The card stays out for a moment, as a hand would keep it: vpcd's slot, given
                // a new connection right after one closed, now and then stays deaf for minutes
                // (the same rest the end-to-end harness gives it between two cards; a CI run
                // under load saw the card never come back within 15 s without it). The wait
                // ends early on a signal.
                let out = std::time::Instant::now();
                while out.elapsed() < REINSERT_REST && !stop.load(Ordering::Relaxed) {
                    std::thread::sleep(Duration::from_millis(50));
                }
                waiting_since = std::time::Instant::now();
            }
            SessionEnd::Disconnected => {
                card.power_off();
                waiting_since = std::time::Instant::now();
                (opts.log)(&ServeEvent::Reconnecting);
            }
        }
    }
    save(&card, opts)?;
    Ok(Ended::Signalled)
}

enum SessionEnd {
    Stop,
    Disconnected,
    /// The card is taken out and put back (after an empty answer).
    Reinsert,
    FaultClosed,
}

fn save(card: &SimCard, opts: &ServeOptions) -> Result<(), ServeError> {
    match &opts.state {
        None => Ok(()),
        Some(state) => Ok(state.save(card)?),
    }
}

/// The vpcd framing, as a pure function: splits every complete frame (2-byte big-endian
/// length + payload) off the front of `buf` and returns their payloads in order, leaving an
/// incomplete tail in `buf`.
pub fn take_frames(buf: &mut Vec<u8>) -> Vec<Vec<u8>> {
    let mut frames = Vec::new();
    let mut at = 0;
    while buf.len() - at >= 2 {
        let len = usize::from(u16::from_be_bytes([buf[at], buf[at + 1]]));
        if buf.len() - at - 2 < len {
            break;
        }
        frames.push(buf[at + 2..at + 2 + len].to_vec());
        at += 2 + len;
    }
    buf.drain(..at);
    frames
}

/// Reads one frame, tolerating read timeouts (used to check the stop flag) mid-frame.
/// `frames` holds complete frames already split off and not yet handled.
fn read_frame(
    stream: &TcpStream,
    buf: &mut Vec<u8>,
    frames: &mut std::collections::VecDeque<Vec<u8>>,
    stop: &AtomicBool,
) -> std::io::Result<Option<Vec<u8>>> {
    #[cfg(target_os = "linux")]
    let sock = socket2::SockRef::from(stream);
    let mut reader: &TcpStream = stream;
    loop {
        frames.extend(take_frames(buf));
        if let Some(f) = frames.pop_front() {
            return Ok(Some(f));
        }
        if stop.load(Ordering::Relaxed) {
            return Ok(None);
        }
        #[cfg(target_os = "linux")]
        let _ = sock.set_quickack(true);
        let mut chunk = [0u8; 1024];
        match reader.read(&mut chunk) {
            Ok(0) => return Err(ErrorKind::UnexpectedEof.into()),
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
            Err(e)
                if matches!(
                    e.kind(),
                    ErrorKind::WouldBlock | ErrorKind::TimedOut | ErrorKind::Interrupted
                ) => {}
            Err(e) => return Err(e),
        }
    }
}

fn write_frame(stream: &mut TcpStream, payload: &[u8]) -> std::io::Result<()> {
    let mut frame = Vec::with_capacity(2 + payload.len());
    frame.extend_from_slice(&(payload.len() as u16).to_be_bytes());
    frame.extend_from_slice(payload);
    stream.write_all(&frame)
}

fn session(
    card: &mut SimCard,
    mut stream: TcpStream,
    opts: &ServeOptions,
    stop: &AtomicBool,
    count: &mut u64,
) -> Result<SessionEnd, ServeError> {
    let mut buf = Vec::new();
    let mut frames = std::collections::VecDeque::new();
    let mut muted = false;
    let mut silent_forever = true;
    loop {
        let frame = match read_frame(&stream, &mut buf, &mut frames, stop) {
            Ok(Some(f)) => f,
            Ok(None) => return Ok(SessionEnd::Stop),
            Err(_) => return Ok(SessionEnd::Disconnected),
        };
        match frame[..] {
            // Power off, and power on (a cold reset: whatever preceded it, the card was not
            // powered): the verified state is lost. `02` is a warm reset: it is kept [1].
            [0x00] | [0x01] => card.power_off(),
            [0x02] => card.reset(),
            [0x04] => {
                if write_frame(&mut stream, card.atr()).is_err() {
                    return Ok(SessionEnd::Disconnected);
                }
            }
            [_] | [] => {}
            _ => {
                *count += 1;
                let n = *count;
                if opts.faults.close_after.is_some_and(|k| n > k) {
                    // The card dies with this command unprocessed: the reader gets an empty
                    // answer (what pcscd passes on when a card dies mid-command), then the
                    // card is gone. Closing the socket while vpcd waits for the answer left
                    // pcscd's slot unusable for later cards (measured, pcsc-lite 1.9.9).
                    let _ = write_frame(&mut stream, &[]);
                    let _ = stream.flush();
                    std::thread::sleep(Duration::from_millis(50));
                    drop(stream);
                    return Ok(SessionEnd::FaultClosed);
                }
                if !muted && opts.faults.mute_after.is_some_and(|k| n > k) {
                    muted = true;
                    if opts.verbose {
                        (opts.log)(&ServeEvent::Muted { apdu: n });
                    }
                    match opts.faults.mute_for {
                        None => {}
                        Some(d) => {
                            let start = std::time::Instant::now();
                            while start.elapsed() < d && !stop.load(Ordering::Relaxed) {
                                std::thread::sleep(Duration::from_millis(20));
                            }
                            silent_forever = false;
                        }
                    }
                }
                if muted && silent_forever {
                    continue;
                }
                let answer = match opts.faults.sw_at {
                    Some((k, sw)) if k == n => {
                        Response::status(StatusWord::from_u16(sw)).to_bytes()
                    }
                    _ => card.process(&frame),
                };
                if opts.verbose {
                    (opts.log)(&ServeEvent::Exchange {
                        apdu: n,
                        command: Command::parse(&frame).ok().map(|c| c.trace()),
                        answer: mynapin_apdu::spaced_hex(&answer),
                    });
                }
                if !opts.latency.is_zero() {
                    std::thread::sleep(opts.latency);
                }
                if answer.is_empty() {
                    // A fault rule's empty answer. vpcd passes an empty answer on only when
                    // the card then goes away: with the card staying, the client's transmit
                    // hangs and the slot stays busy (measured, pcsc-lite 1.9.9 + vpcd 0.8).
                    // So the card is removed after it, and inserted again.
                    (opts.log)(&ServeEvent::EmptyAnswer { apdu: n });
                    let _ = write_frame(&mut stream, &[]);
                    let _ = stream.flush();
                    std::thread::sleep(Duration::from_millis(50));
                    save(card, opts)?;
                    return Ok(SessionEnd::Reinsert);
                }
                if write_frame(&mut stream, &answer).is_err() {
                    return Ok(SessionEnd::Disconnected);
                }
                save(card, opts)?;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_split_and_tails_stay() {
        let mut buf = vec![0, 1, 0x04, 0, 3, 0x00, 0xA4, 0x04, 0, 5, 0x00];
        let frames = take_frames(&mut buf);
        assert_eq!(frames, vec![vec![0x04], vec![0x00, 0xA4, 0x04]]);
        assert_eq!(buf, vec![0, 5, 0x00], "the incomplete frame stays");
        buf.extend_from_slice(&[1, 2, 3, 4]);
        assert_eq!(take_frames(&mut buf), vec![vec![0, 1, 2, 3, 4]]);
        assert!(buf.is_empty());
        let mut one = vec![0];
        assert!(take_frames(&mut one).is_empty());
        assert_eq!(one, vec![0]);
        let mut empty_frame = vec![0, 0];
        assert_eq!(take_frames(&mut empty_frame), vec![Vec::<u8>::new()]);
    }

    proptest::proptest! {
        /// Frames survive any split of the byte stream: fed in two pieces, the same
        /// payloads come out, in order, and nothing is left over.
        #[test]
        fn framing_survives_any_split(
            payloads in proptest::collection::vec(
                proptest::collection::vec(proptest::num::u8::ANY, 0..300), 0..6),
            cut in 0usize..2000,
        ) {
            let mut stream = Vec::new();
            for p in &payloads {
                stream.extend_from_slice(&(p.len() as u16).to_be_bytes());
                stream.extend_from_slice(p);
            }
            let cut = cut.min(stream.len());
            let mut buf = stream[..cut].to_vec();
            let mut got = take_frames(&mut buf);
            buf.extend_from_slice(&stream[cut..]);
            got.extend(take_frames(&mut buf));
            proptest::prop_assert_eq!(got, payloads);
            proptest::prop_assert!(buf.is_empty());
        }
    }

    #[test]
    fn an_unresolvable_address_fails_at_once() {
        assert!(matches!(
            resolve("notahost"),
            Err(ServeError::Address { .. })
        ));
        assert!(matches!(
            resolve("127.0.0.1:notaport"),
            Err(ServeError::Address { .. })
        ));
        assert!(resolve("127.0.0.1:35963").is_ok());
    }
}
