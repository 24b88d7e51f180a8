//! `mynapin readers` and `mynapin sim fixtures`.

use super::error::{CliError, Exit};
use super::output::{emit, emit_json};
use super::text::{card_kind, sanitize};
use super::Ctx;
use crate::card::probe::{probe_card, probe_readers, Found, ReaderProbe};
use crate::card::CardKind;
use crate::sim::fixture::BUILTIN;
use crate::sim::Fixture;
use crate::transport::TransportError;
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
            emit(&format!("{}: {} — {what}", r.index, sanitize(&r.name)));
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
