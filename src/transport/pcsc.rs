//! Real readers through pcsc-lite (the `pcsc` crate).
//!
//! One operation = one call of [`with_card`]: connect **exclusively**, begin one PC/SC
//! transaction, run the operation, end the transaction, and disconnect with
//! `SCARD_UNPOWER_CARD` so that no verified state outlives the process (card doc §4).

use super::{watchdog, Transport, TransportError};
use mynapin_apdu::{Command, Response};
use pcsc::{Context, Disposition, Protocols, ReaderState, Scope, ShareMode, State};
use std::ffi::CString;
use std::time::Duration;

/// Which reader `--reader` names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReaderSelector {
    /// The only reader with a card in it.
    Auto,
    /// The n-th reader (0-based) of `mynapin readers`.
    Index(usize),
    /// The reader whose name contains this text (case-insensitive).
    NameContains(String),
}

impl ReaderSelector {
    /// `--reader 1` → index 1; `--reader "RC-S300"` → name; absent → auto.
    pub fn parse(text: Option<&str>) -> ReaderSelector {
        match text {
            None => ReaderSelector::Auto,
            Some(t) => match t.trim().parse::<usize>() {
                Ok(i) => ReaderSelector::Index(i),
                Err(_) => ReaderSelector::NameContains(t.to_string()),
            },
        }
    }
}

/// A reader and what is in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderInfo {
    /// The name pcscd gives it (untrusted text: sanitize before printing).
    pub name: String,
    /// A card is in the reader.
    pub card_present: bool,
    /// Another program holds the card exclusively.
    pub card_in_use: bool,
    /// The card's ATR (never used to recognize the card, card doc §4).
    pub atr: Vec<u8>,
}

/// Maps a pcsc error to the transport error that says what happened.
pub fn map_error(e: pcsc::Error) -> TransportError {
    use pcsc::Error as E;
    match e {
        E::NoService | E::ServiceStopped => TransportError::NoService,
        E::NoReadersAvailable => TransportError::NoReaders,
        E::NoSmartcard => TransportError::NoCard {
            reader: String::new(),
        },
        E::RemovedCard | E::UnpoweredCard | E::UnresponsiveCard => TransportError::CardRemoved,
        E::SharingViolation => TransportError::CardInUse,
        E::ResetCard => TransportError::CardWasReset,
        other => TransportError::Pcsc(other),
    }
}

/// Connects to pcscd. The first ~10 ms after pcscd starts, this can fail: retry briefly.
fn establish() -> Result<Context, TransportError> {
    let mut last = pcsc::Error::NoService;
    for attempt in 0..5 {
        match Context::establish(Scope::User) {
            Ok(ctx) => return Ok(ctx),
            Err(e) => last = e,
        }
        std::thread::sleep(Duration::from_millis(10 * (attempt + 1)));
    }
    Err(map_error(last))
}

/// Every reader with its card state.
pub fn list_readers() -> Result<Vec<ReaderInfo>, TransportError> {
    let ctx = establish()?;
    list_with(&ctx)
}

fn list_with(ctx: &Context) -> Result<Vec<ReaderInfo>, TransportError> {
    let names = match ctx.list_readers_owned() {
        Ok(n) => n,
        Err(pcsc::Error::NoReadersAvailable) => return Ok(Vec::new()),
        Err(e) => return Err(map_error(e)),
    };
    let mut states: Vec<ReaderState> = names
        .iter()
        .map(|n| ReaderState::new(n.clone(), State::UNAWARE))
        .collect();
    if !states.is_empty() {
        let _armed = watchdog::global().arm();
        ctx.get_status_change(Duration::from_millis(0), &mut states)
            .or_else(|e| match e {
                pcsc::Error::Timeout => Ok(()),
                e => Err(map_error(e)),
            })?;
    }
    Ok(states
        .iter()
        .map(|s| ReaderInfo {
            name: s.name().to_string_lossy().into_owned(),
            card_present: s.event_state().contains(State::PRESENT),
            card_in_use: s.event_state().contains(State::EXCLUSIVE),
            atr: s.atr().to_vec(),
        })
        .collect())
}

/// Chooses the reader `selector` names among `readers`.
pub fn choose(readers: &[ReaderInfo], selector: &ReaderSelector) -> Result<String, TransportError> {
    let names = || readers.iter().map(|r| r.name.clone()).collect::<Vec<_>>();
    if readers.is_empty() {
        return Err(TransportError::NoReaders);
    }
    match selector {
        ReaderSelector::Index(i) => {
            readers
                .get(*i)
                .map(|r| r.name.clone())
                .ok_or_else(|| TransportError::ReaderNotFound {
                    selector: i.to_string(),
                    readers: names(),
                })
        }
        ReaderSelector::NameContains(text) => {
            let needle = text.to_lowercase();
            let hits: Vec<&ReaderInfo> = readers
                .iter()
                .filter(|r| r.name.to_lowercase().contains(&needle))
                .collect();
            match hits[..] {
                [one] => Ok(one.name.clone()),
                [] => Err(TransportError::ReaderNotFound {
                    selector: text.clone(),
                    readers: names(),
                }),
                _ => Err(TransportError::AmbiguousReader {
                    readers: hits.iter().map(|r| r.name.clone()).collect(),
                }),
            }
        }
        ReaderSelector::Auto => {
            let with_card: Vec<&ReaderInfo> = readers.iter().filter(|r| r.card_present).collect();
            match with_card[..] {
                [one] => Ok(one.name.clone()),
                [] if readers.len() == 1 => Err(TransportError::NoCard {
                    reader: readers[0].name.clone(),
                }),
                [] => Err(TransportError::NoCard {
                    reader: names().join(", "),
                }),
                _ => Err(TransportError::AmbiguousReader {
                    readers: with_card.iter().map(|r| r.name.clone()).collect(),
                }),
            }
        }
    }
}

/// Runs `operation` on the card in the chosen reader: exclusive connection, one transaction,
/// unpowered at the end.
pub fn with_card<R>(
    selector: &ReaderSelector,
    operation: impl FnOnce(&mut dyn Transport) -> R,
) -> Result<R, TransportError> {
    let ctx = establish()?;
    let readers = list_with(&ctx)?;
    let name = choose(&readers, selector)?;
    with_named_card(&ctx, &name, operation)
}

/// Like [`with_card`] for a reader known by its exact name.
pub fn with_named_card<R>(
    ctx: &Context,
    name: &str,
    operation: impl FnOnce(&mut dyn Transport) -> R,
) -> Result<R, TransportError> {
    let cname = CString::new(name).map_err(|_| TransportError::ReaderNotFound {
        selector: name.to_string(),
        readers: Vec::new(),
    })?;
    // A stuck pcscd can block connect and begin-transaction as well as transmit.
    let armed = watchdog::global().arm();
    let mut card = ctx
        .connect(&cname, ShareMode::Exclusive, Protocols::ANY)
        .map_err(|e| match map_error(e) {
            TransportError::NoCard { .. } => TransportError::NoCard {
                reader: name.to_string(),
            },
            other => other,
        })?;
    let result = {
        let tx = match card.transaction2() {
            Ok(tx) => tx,
            Err((card, pcsc::Error::ResetCard)) => {
                card.reconnect(ShareMode::Exclusive, Protocols::ANY, Disposition::LeaveCard)
                    .map_err(map_error)?;
                card.transaction().map_err(map_error)?
            }
            Err((_, e)) => return Err(map_error(e)),
        };
        drop(armed);
        let mut transport = PcscTransport {
            tx,
            reader: name.to_string(),
        };
        let result = operation(&mut transport);
        // Ending the transaction can fail if the card went away: the result stands.
        let _ = transport.tx.end(Disposition::LeaveCard);
        result
    };
    if let Err((card, _)) = card.disconnect(Disposition::UnpowerCard) {
        // Dropping the card disconnects with a reset: still no verified state left.
        drop(card);
    }
    Ok(result)
}

/// The transport inside one PC/SC transaction.
struct PcscTransport<'tx> {
    tx: pcsc::Transaction<'tx>,
    reader: String,
}

impl Transport for PcscTransport<'_> {
    fn transmit_raw(&mut self, command: &Command) -> Result<Response, TransportError> {
        let bytes = command.to_bytes();
        let mut buf = zeroize::Zeroizing::new(vec![0u8; pcsc::MAX_BUFFER_SIZE_EXTENDED]);
        let outcome = {
            let _armed = watchdog::global().arm();
            self.tx.transmit(&bytes, &mut buf).map(|r| r.to_vec())
        };
        match outcome {
            Ok(answer) => Ok(Response::parse(&answer)?),
            Err(pcsc::Error::ResetCard) => {
                // Someone reset the card: reconnect so later commands work; the caller must
                // SELECT again (the current DF is lost) and knows nothing was sent.
                self.tx
                    .reconnect(ShareMode::Exclusive, Protocols::ANY, Disposition::LeaveCard)
                    .map_err(map_error)?;
                Err(TransportError::CardWasReset)
            }
            Err(e) => Err(map_error(e)),
        }
    }

    fn reader_name(&self) -> String {
        self.reader.clone()
    }
}

/// Opens a context (for callers that visit several readers, like `readers`).
pub fn context() -> Result<Context, TransportError> {
    establish()
}

/// Readers as seen through an existing context.
pub fn readers_of(ctx: &Context) -> Result<Vec<ReaderInfo>, TransportError> {
    list_with(ctx)
}
