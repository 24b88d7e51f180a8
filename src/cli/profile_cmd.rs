//! `mynapin profile check FILE`: validates a city profile and says what it covers and what it
//! leaves `not_stated` (docs/city-profile.md explains how to write one).

use super::error::{CliError, Exit};
use super::lang::{Lang, Pair};
use super::output::{emit, emit_json};
use super::text::sanitize;
use super::Ctx;
use crate::procedure::profile::{Fee, Procedure, Profile, Tri, BUILTIN};
use serde_json::json;

/// `mynapin profile …` (help: `help-profile-…`)
#[derive(Debug, clap::Subcommand)]
pub enum ProfileCommand {
    /// `profile check FILE`: validates a profile (a file or a built-in name).
    Check {
        /// The profile.
        #[arg(value_name = "FILE")]
        file: String,
    },
}

fn load(lang: Lang, file: &str) -> Result<Profile, CliError> {
    let builtin = !std::path::Path::new(file).exists()
        && (file == "national" || BUILTIN.iter().any(|(n, _)| *n == file));
    let loaded = if builtin {
        Ok(if file == "national" {
            Profile::national()
        } else {
            Profile::builtin(file).expect("listed")
        })
    } else {
        Profile::load(file)
    };
    loaded.map_err(|e| CliError::Usage {
        what: sanitize(&e.to_string()),
        todo: lang
            .t(
                "Fix the entry named above; docs/city-profile.md describes every field and profiles/TEMPLATE.toml.example is a starting point.",
                "上の項目を修正してください。各項目の説明は docs/city-profile.md、ひな形は profiles/TEMPLATE.toml.example にあります。",
            )
            .into(),
    })
}

/// (covered, not stated): one line per fact, as field paths with a short description.
fn coverage(lang: Lang, p: &Profile) -> (Vec<String>, Vec<String>) {
    let mut yes = Vec::new();
    let mut no = Vec::new();
    let mut tri = |path: String, t: Tri| match t {
        Tri::NotStated => no.push(path),
        Tri::Yes => yes.push(format!("{path} = yes")),
        Tri::No => yes.push(format!("{path} = no")),
    };
    for (i, o) in p.offices.iter().enumerate() {
        tri(
            format!(
                "offices[{i}].accepts_agents ({})",
                lang.t(&o.name.en, &o.name.ja)
            ),
            o.accepts_agents,
        );
    }
    tri("reservation.required".into(), p.reservation.required);
    tri(
        "reservation.gives_priority".into(),
        p.reservation.gives_priority,
    );
    let list = |path: &str, n: usize, yes: &mut Vec<String>, no: &mut Vec<String>| {
        if n == 0 {
            no.push(path.to_string());
        } else {
            yes.push(format!("{path}: {n}"));
        }
    };
    list("offices", p.offices.len(), &mut yes, &mut no);
    list("hours", p.hours.len(), &mut yes, &mut no);
    list(
        "holiday_openings",
        p.holiday_openings.len(),
        &mut yes,
        &mut no,
    );
    list(
        "reservation.phones",
        p.reservation.phones.len(),
        &mut yes,
        &mut no,
    );
    list("home_change", p.home_change.len(), &mut yes, &mut no);
    list("id_categories", p.id_categories.len(), &mut yes, &mut no);
    list("notes", p.notes.len(), &mut yes, &mut no);
    match &p.fee {
        Fee::Stated(t) => yes.push(format!("fee: {}", lang.t(&t.en, &t.ja))),
        Fee::Word(_) => no.push("fee".into()),
    }
    if p.page.address.is_none() {
        no.push("page.address".into());
    }
    if p.page.updated.is_none() {
        no.push("page.updated".into());
    }
    for (name, proc_) in [("change", &p.change), ("reset", &p.reset)] {
        procedure(name, proc_, &mut yes, &mut no);
    }
    (yes, no)
}

fn procedure(name: &str, proc_: &Procedure, yes: &mut Vec<String>, no: &mut Vec<String>) {
    if let Some(other) = &proc_.same_as {
        yes.push(format!("{name}: the same rules as {other}"));
        return;
    }
    if proc_.stated == Some(false) {
        no.push(format!("{name} (the page does not state this procedure; the guide offers the national baseline, marked as national)"));
        return;
    }
    for who in ["self", "legal", "agent"] {
        match proc_.applicants.iter().find(|a| a.applicant.id() == who) {
            None => no.push(format!("{name}.applicants[{who}]")),
            Some(a) => {
                yes.push(format!(
                    "{name}.applicants[{who}]: allowed = {}, {} requirement(s)",
                    tri_word(a.allowed),
                    a.requirements.len()
                ));
                match a.visits {
                    Some(v) => yes.push(format!("{name}.applicants[{who}].visits = {v}")),
                    None => no.push(format!("{name}.applicants[{who}].visits")),
                }
                for (f, t) in [
                    ("at_branches", a.at_branches),
                    ("advance_contact", a.advance_contact),
                ] {
                    match t {
                        Tri::NotStated => no.push(format!("{name}.applicants[{who}].{f}")),
                        t => yes.push(format!("{name}.applicants[{who}].{f} = {}", tri_word(t))),
                    }
                }
            }
        }
    }
}

fn tri_word(t: Tri) -> &'static str {
    match t {
        Tri::Yes => "yes",
        Tri::No => "no",
        Tri::NotStated => "not_stated",
    }
}

/// Runs `mynapin profile …`.
pub fn run(ctx: &Ctx, cmd: &ProfileCommand) -> Result<Exit, CliError> {
    let lang = ctx.lang;
    let ProfileCommand::Check { file } = cmd;
    let p = load(lang, file)?;
    let (yes, no) = coverage(lang, &p);
    let sources = p.sources().len();
    let page = Some(p.page_citation());
    if ctx.json {
        emit_json(&json!({
            "schema": "mynapin.profile-check.v1",
            "file": file,
            "valid": true,
            "id": p.id,
            "name": lang.t(&p.name.en, &p.name.ja),
            "page": page,
            "sources": sources,
            "covers": yes,
            "not_stated": no,
        }));
        return Ok(Exit::Success);
    }
    emit(&sanitize(&match lang.pair() {
        Pair::En => format!(
            "{file}: valid profile \"{}\" ({}), {sources} cited entries.",
            p.id, p.name.en
        ),
        Pair::Ja => format!(
            "{file}：有効なプロファイル「{}」（{}）です。出典付きの項目は{sources}件です。",
            p.id, p.name.ja
        ),
    }));
    if let Some(c) = page {
        emit(&sanitize(&format!(
            "{}「{}」, {}, {}, {}",
            lang.t("Page: ", "ページ："),
            c.title,
            c.issuer,
            c.date
                .as_deref()
                .unwrap_or(lang.t("date not stated", "更新日の記載なし")),
            c.address
                .as_deref()
                .unwrap_or(lang.t("address not recorded", "アドレス未記録"))
        )));
    }
    emit(lang.t("Covers:", "記載あり："));
    for l in &yes {
        emit(&sanitize(&format!("  {l}")));
    }
    emit(lang.t(
        "Not stated (the guide says \"not stated — ask the city\" for these):",
        "記載なし（案内では「記載なし。市に確認してください」と表示します）：",
    ));
    for l in &no {
        emit(&sanitize(&format!("  {l}")));
    }
    Ok(Exit::Success)
}
