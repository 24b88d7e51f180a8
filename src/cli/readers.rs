//! `mynapin readers` and `mynapin sim fixtures`.

use super::error::{CliError, Exit};
use super::lang::{msg, Lang};
use super::output::{emit, emit_json};
use super::text::{card_kind, reader_name, sanitize, sim_reader_name};
use super::Ctx;
use mynapin_apdu::part10::feature_name;
use mynapin_core::card::probe::{probe_card, probe_readers, Found, ReaderProbe};
use mynapin_core::card::CardKind;
use mynapin_core::transport::{pcsc, PinPadInfo, TransportError};
#[cfg(feature = "sim")]
use mynapin_sim::fixture::BUILTIN;
#[cfg(feature = "sim")]
use mynapin_sim::Fixture;
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

    /// One line of text: "PIN pad (verify and change on the keypad; PIN 4-8; no display)";
    /// `verbose` adds the part 10 features the reader listed.
    pub fn text(&self, lang: Lang, verbose: bool) -> String {
        let mut details = vec![match (self.verify, self.modify) {
            (true, true) => msg::readers_pinpad_verify_modify(lang),
            (true, false) => msg::readers_pinpad_verify_only(lang),
            (false, true) => msg::readers_pinpad_modify_only(lang),
            (false, false) => msg::readers_pinpad_no_entry(lang),
        }];
        if let (Some(min), Some(max)) = (self.min_pin_size, self.max_pin_size) {
            details.push(msg::readers_pinpad_size(
                lang,
                msg::ReadersPinpadSize { max, min },
            ));
        }
        details.push(if self.display {
            msg::readers_pinpad_display(lang)
        } else {
            msg::readers_pinpad_no_display(lang)
        });
        if !self.usable {
            details.push(msg::readers_pinpad_not_usable(lang));
        }
        if verbose && !self.features.is_empty() {
            let names: Vec<String> = self.features.iter().map(|f| sanitize(f)).collect();
            details.push(msg::readers_pinpad_features(lang, lang.join(&names)));
        }
        let sep = msg::readers_pinpad_separator(lang);
        msg::readers_pinpad(lang, details.join(&sep))
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
            name: sim_reader_name(ctx.lang, ctx.sim_state.as_deref(), ctx.sim.as_deref()),
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
            name: reader_name(&p.name),
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
                None => msg::readers_no_card(lang),
                Some("my_number_card") => msg::readers_my_number_card(lang),
                Some("juki_card") => card_kind(lang, &CardKind::OldJukiCard),
                Some("smartphone") => msg::readers_smartphone(lang),
                Some("other_card") => msg::readers_other_card(lang),
                Some("in_use") => msg::readers_in_use(lang),
                Some(_) => msg::readers_unreadable(lang),
            };
            let name = r.name.clone();
            emit(&match &r.pinpad {
                Some(p) => msg::readers_line_pinpad(
                    lang,
                    msg::ReadersLinePinpad {
                        index: r.index,
                        name,
                        pad: p.text(lang, ctx.verbose > 0),
                        what,
                    },
                ),
                None => msg::readers_line(
                    lang,
                    msg::ReadersLine {
                        index: r.index,
                        name,
                        what,
                    },
                ),
            });
        }
    }
    Ok(Exit::Success)
}

#[cfg(feature = "sim")]
#[derive(Serialize)]
struct FixturesJson {
    schema: &'static str,
    fixtures: Vec<FixtureJson>,
}

#[cfg(feature = "sim")]
#[derive(Serialize)]
struct FixtureJson {
    name: &'static str,
    description: String,
}

/// `mynapin sim fixtures`.
#[cfg(feature = "sim")]
pub fn fixtures(ctx: &Ctx) -> Result<Exit, CliError> {
    let list: Vec<FixtureJson> = BUILTIN
        .iter()
        .map(|(name, _)| FixtureJson {
            name,
            description: Fixture::builtin(name)
                .map(|f| sanitize(f.description.pick(&ctx.lang.fallbacks())))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn pad(verify: bool, modify: bool, sizes: Option<(u8, u8)>) -> PinPadJson {
        PinPadJson {
            verify,
            modify,
            features: vec!["VERIFY_PIN_DIRECT".into(), "MODIFY_PIN_DIRECT".into()],
            min_pin_size: sizes.map(|s| s.0),
            max_pin_size: sizes.map(|s| s.1),
            display: false,
            vendor_id: None,
            product_id: None,
            usable: verify && modify && sizes.is_none_or(|(a, b)| a <= 4 && b >= 4),
        }
    }

    #[test]
    fn pin_pad_lines_in_words_with_the_features_for_verbose() {
        let p = pad(true, true, Some((4, 8)));
        assert_eq!(
            p.text(Lang::EN, false),
            "PIN pad (verify and change on the keypad; PIN 4-8; no display)"
        );
        assert_eq!(
            p.text(Lang::JA, false),
            "暗証番号入力パッドあり（パッドでの照合と変更に対応、4〜8桁、画面なし）"
        );
        assert_eq!(
            p.text(Lang::EN, true),
            "PIN pad (verify and change on the keypad; PIN 4-8; no display; features VERIFY_PIN_DIRECT, MODIFY_PIN_DIRECT)"
        );
        assert!(p
            .text(Lang::JA, true)
            .ends_with("画面なし、機能：VERIFY_PIN_DIRECT、MODIFY_PIN_DIRECT）"));
        let short = pad(true, false, Some((6, 8)));
        assert_eq!(
            short.text(Lang::JA, false),
            "暗証番号入力パッドあり（パッドでの照合に対応、変更には非対応、6〜8桁、画面なし、4桁の暗証番号には使えません）"
        );
    }
}
