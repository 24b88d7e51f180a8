//! `mynapin readers` and `mynapin sim fixtures`.

use super::error::{CliError, Exit};
use super::output::{emit, emit_json};
use super::text::{card_kind, sanitize};
use super::Ctx;
use crate::card::{CardError, CardKind, MyNumberCard};
use crate::sim::fixture::BUILTIN;
use crate::sim::Fixture;
use crate::transport::{pcsc, TransportError};
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

fn classify(result: Result<Result<(), CliError>, CliError>) -> &'static str {
    match result.and_then(|r| r) {
        Ok(()) => "my_number_card",
        Err(CliError::Card(CardError::NotMyNumberCard(kind))) => match kind {
            CardKind::OldJukiCard => "juki_card",
            CardKind::Smartphone(_) => "smartphone",
            CardKind::NoJpkiApplet | CardKind::UnknownToken(_) => "other_card",
        },
        Err(CliError::Card(CardError::Transport(TransportError::CardInUse))) => "in_use",
        Err(_) => "unreadable",
    }
}

pub fn run(ctx: &Ctx) -> Result<Exit, CliError> {
    let probe = |t: &mut dyn crate::transport::Transport| -> Result<(), CliError> {
        MyNumberCard::open(t)?;
        Ok(())
    };
    let readers: Vec<ReaderJson> = if ctx.simulated() {
        let kind = classify(Ok(ctx.with_transport(probe)));
        vec![ReaderJson {
            index: 0,
            name: ctx.sim_reader_name(),
            card_present: true,
            card: Some(kind),
        }]
    } else {
        let pcsc_ctx = pcsc::context()?;
        let infos = pcsc::readers_of(&pcsc_ctx)?;
        if infos.is_empty() {
            return Err(TransportError::NoReaders.into());
        }
        infos
            .iter()
            .enumerate()
            .map(|(index, info)| {
                let card = if !info.card_present {
                    None
                } else if info.card_in_use {
                    Some("in_use")
                } else {
                    Some(classify(
                        pcsc::with_named_card(&pcsc_ctx, &info.name, |t| probe(t))
                            .map_err(CliError::from),
                    ))
                };
                ReaderJson {
                    index,
                    name: info.name.clone(),
                    card_present: info.card_present,
                    card,
                }
            })
            .collect()
    };
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
                .map(|f| f.description)
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
