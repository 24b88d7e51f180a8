//! `mynapin readers` and `mynapin sim fixtures`.

use super::error::{CliError, Exit};
use super::output::{emit, emit_json};
use super::text::{card_kind, sanitize};
use super::Ctx;
use crate::card::probe::{probe_card, probe_readers, Found, ReaderProbe};
use crate::card::CardKind;
use crate::sim::fixture::BUILTIN;
use crate::sim::Fixture;
use crate::transport::{pcsc, PinPadInfo, TransportError};
use mynapin_apdu::part10::feature_name;
use serde::Serialize;

#[derive(Serialize)]
struct ReadersJson {
    schema: &'static str,
    readers: Vec<ReaderJson>,
}

#[derive(Serialize)]
struct ReaderJson {
    index: usize,
    name: String,
    card_present: bool,
    /// `my_number_card`, `juki_card`, `smartphone`, `other_card`, `in_use`, `unreadable`, or
    /// null when empty.
    card: Option<&'static str>,
    /// The reader's PIN pad (PC/SC part 10), or null when it has none (or did not say).
    pinpad: Option<PinPadJson>,
}

/// A PIN pad as `readers --json` and `doctor --json` show it.
#[derive(Serialize, Clone)]
pub struct PinPadJson {
    /// `FEATURE_VERIFY_PIN_DIRECT` is offered (verify on the keypad).
    verify: bool,
    /// `FEATURE_MODIFY_PIN_DIRECT` is offered (change on the keypad).
    modify: bool,
    /// Every feature the reader listed, by its part 10 name (`0xNN` for an unnamed tag).
    features: Vec<String>,
    min_pin_size: Option<u8>,
    max_pin_size: Option<u8>,
    display: bool,
    /// USB ids as the reader reports them (`"04e6"`), if it does.
    vendor_id: Option<String>,
    product_id: Option<String>,
    /// mynapin can type the 4-digit PINs on it (verify and modify, 4 digits allowed).
    usable: bool,
}

impl PinPadJson {
    /// From what the reader announced.
    pub fn of(p: &PinPadInfo) -> PinPadJson {
        PinPadJson {
            verify: p.verify.is_some(),
            modify: p.modify.is_some(),
            features: p
                .features
                .iter()
                .map(|(tag, _)| match feature_name(*tag) {
                    Some(n) => n.to_string(),
                    None => format!("0x{tag:02X}"),
                })
                .collect(),
            min_pin_size: p.min_pin,
            max_pin_size: p.max_pin,
            display: p.display,
            vendor_id: p.vendor.map(|v| format!("{v:04x}")),
            product_id: p.product.map(|v| format!("{v:04x}")),
            usable: p.verify.is_some() && p.modify.is_some() && p.accepts_length(4),
        }
    }

    /// One line of text: "PIN pad (VERIFY_PIN_DIRECT, MODIFY_PIN_DIRECT…; PIN 4-8; no display)".
    pub fn text(&self, lang: super::lang::Lang) -> String {
        let size = match (self.min_pin_size, self.max_pin_size) {
            (Some(a), Some(b)) => format!("; PIN {a}-{b}"),
            _ => String::new(),
        };
        let display = if self.display {
            lang.t("display", "表示あり")
        } else {
            lang.t("no display", "表示なし")
        };
        let usable = if self.usable {
            ""
        } else {
            lang.t(
                "; not usable for the 4-digit PINs",
                "；4桁の暗証番号には使えません",
            )
        };
        format!(
            "{} ({}{size}; {display}{usable})",
            lang.t("PIN pad", "PIN パッド"),
            self.features
                .iter()
                .map(|f| sanitize(f))
                .collect::<Vec<_>>()
                .join(", ")
        )
    }
}

/// The PIN pad of a PC/SC reader, or `None` (none, or the reader did not answer).
pub fn pin_pad_of(ctx: &Ctx, name: &str) -> Option<PinPadJson> {
    pcsc::reader_pin_pad(name, ctx.timeout)
        .ok()
        .flatten()
        .map(|p| PinPadJson::of(&p))
}

fn kind_of(found: &Found) -> Option<&'static str> {
    match found {
        Found::Empty => None,
        Found::InUse => Some("in_use"),
        Found::MyNumberCard { .. } => Some("my_number_card"),
        Found::NotMyNumberCard(CardKind::OldJukiCard) => Some("juki_card"),
        Found::NotMyNumberCard(CardKind::Smartphone(_)) => Some("smartphone"),
        Found::NotMyNumberCard(_) => Some("other_card"),
        Found::Unreadable(_) => Some("unreadable"),
    }
}

pub fn run(ctx: &Ctx) -> Result<Exit, CliError> {
    let probes: Vec<ReaderProbe> = if ctx.simulated() {
        vec![ReaderProbe {
            name: ctx.sim_reader_name(),
            found: ctx.with_transport(|t| Ok(probe_card(t)))?,
        }]
    } else {
        let p = probe_readers(ctx.timeout)?;
        if p.is_empty() {
            return Err(TransportError::NoReaders.into());
        }
        p
    };
    let readers: Vec<ReaderJson> = probes
        .iter()
        .enumerate()
        .map(|(index, p)| ReaderJson {
            index,
            name: p.name.clone(),
            card_present: !matches!(p.found, Found::Empty),
            card: kind_of(&p.found),
            pinpad: if ctx.simulated() {
                None
            } else {
                pin_pad_of(ctx, &p.name)
            },
        })
        .collect();
    if ctx.json {
        emit_json(&ReadersJson {
            schema: "mynapin.readers.v1",
            readers,
        });
    } else {
        let lang = ctx.lang;
        for r in &readers {
            let what = match r.card {
                None => lang.t("no card", "カードなし").to_string(),
                Some("my_number_card") => {
                    lang.t("My Number card", "マイナンバーカード").to_string()
                }
                Some("juki_card") => card_kind(lang, &CardKind::OldJukiCard),
                Some("smartphone") => lang
                    .t(
                        "smartphone JPKI (not a card)",
                        "スマートフォンの公的個人認証",
                    )
                    .to_string(),
                Some("other_card") => lang
                    .t(
                        "a card that is not a My Number card",
                        "マイナンバーカード以外のカード",
                    )
                    .to_string(),
                Some("in_use") => lang
                    .t(
                        "card in use by another program",
                        "カードは別のプログラムが使用中",
                    )
                    .to_string(),
                Some(_) => lang
                    .t("card present but unreadable", "カードはあるが読み取れない")
                    .to_string(),
            };
            let pad = match &r.pinpad {
                Some(p) => format!(" — {}", p.text(lang)),
                None => String::new(),
            };
            emit(&format!("{}: {} — {what}{pad}", r.index, sanitize(&r.name)));
        }
    }
    Ok(Exit::Success)
}

#[derive(Serialize)]
struct FixturesJson {
    schema: &'static str,
    fixtures: Vec<FixtureJson>,
}

#[derive(Serialize)]
struct FixtureJson {
    name: &'static str,
    description: String,
}

pub fn fixtures(ctx: &Ctx) -> Result<Exit, CliError> {
    let list: Vec<FixtureJson> = BUILTIN
        .iter()
        .map(|(name, _)| FixtureJson {
            name,
            description: Fixture::builtin(name)
                .map(|f| sanitize(&f.description))
                .unwrap_or_default(),
        })
        .collect();
    if ctx.json {
        emit_json(&FixturesJson {
            schema: "mynapin.fixtures.v1",
            fixtures: list,
        });
    } else {
        for f in list {
            emit(&format!("{:<26} {}", f.name, f.description));
        }
    }
    Ok(Exit::Success)
}
