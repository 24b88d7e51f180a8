//! `mynapin profile check FILE`: validates a city profile and says what it covers and what it
//! leaves `not_stated` (docs/city-profile.md explains how to write one).

use super::error::{CliError, Exit};
use super::lang::{msg, Lang};
use super::output::{emit, emit_json};
use super::text::{date_text, sanitize};
use super::Ctx;
use mynapin_core::procedure::profile::{
    Fault, Fee, Problem, Procedure, Profile, ProfileError, Tri, BUILTIN,
};
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
        what: sanitize(&error_text(lang, &e)),
        // A file that cannot be read has no entry to fix: say what to check instead.
        todo: match e.fault {
            Fault::Read(_) => {
                let names: Vec<&str> = std::iter::once("national")
                    .chain(BUILTIN.iter().map(|(n, _)| *n))
                    .collect();
                msg::profile_fix_read(lang, lang.join(&names))
            }
            _ => msg::profile_fix(lang),
        },
    })
}

/// A profile that cannot be used, in words: the file, the line, the field and what is wrong.
/// The TOML reader's and the file system's own messages are passed on as they come.
pub fn error_text(lang: Lang, e: &ProfileError) -> String {
    let what = match &e.fault {
        Fault::Read(failure) => {
            msg::profile_error_read(lang, super::error::read_reason(lang, &failure.to_error()))
        }
        Fault::Parse(m) => msg::profile_error_parse(lang, super::text::toml_detail(lang, m)),
        Fault::Entry {
            field,
            value,
            problem,
        } => msg::profile_error_entry(
            lang,
            msg::ProfileErrorEntry {
                field,
                problem: problem_text(lang, *problem),
                value,
            },
        ),
    };
    match e.line {
        Some(line) => msg::profile_error_at_line(
            lang,
            msg::ProfileErrorAtLine {
                line,
                origin: &e.origin,
                what,
            },
        ),
        None => msg::profile_error(
            lang,
            msg::ProfileError {
                origin: &e.origin,
                what,
            },
        ),
    }
}

fn problem_text(lang: Lang, p: Problem) -> String {
    match p {
        Problem::FeeWord => msg::profile_problem_fee_word(lang),
        Problem::SourceNotCited => msg::profile_problem_source_not_cited(lang),
        Problem::AddressNotHttp => msg::profile_problem_address_not_http(lang),
        Problem::UnknownDocument => msg::profile_problem_unknown_document(lang),
        Problem::DocumentTwice => msg::profile_problem_document_twice(lang),
        Problem::BothSameAs => msg::profile_problem_both_same_as(lang),
        Problem::SameAsNotOther => msg::profile_problem_same_as_not_other(lang),
        Problem::NeedsStatedOrSameAs => msg::profile_problem_needs_stated_or_same_as(lang),
        Problem::NotStatedNeedsText => msg::profile_problem_not_stated_needs_text(lang),
        Problem::StatedNeedsApplicants => msg::profile_problem_stated_needs_applicants(lang),
        Problem::OneKind => msg::profile_problem_one_kind(lang),
        Problem::CountNeedsOwner => msg::profile_problem_count_needs_owner(lang),
        Problem::UnknownCategory => msg::profile_problem_unknown_category(lang),
    }
}

fn tri_word(lang: Lang, t: Tri) -> String {
    match t {
        Tri::Yes => msg::profile_tri_word_yes(lang),
        Tri::No => msg::profile_tri_word_no(lang),
        Tri::NotStated => mynapin_words::guide::not_stated(lang),
    }
}

/// (covered, not stated): one line per fact, as field paths with a short description.
fn coverage(lang: Lang, p: &Profile) -> (Vec<String>, Vec<String>) {
    let mut yes = Vec::new();
    let mut no = Vec::new();
    let mut tri = |path: String, t: Tri| match t {
        Tri::NotStated => no.push(path),
        Tri::Yes => yes.push(msg::profile_tri_yes(lang, path)),
        Tri::No => yes.push(msg::profile_tri_no(lang, path)),
    };
    for (i, o) in p.offices.iter().enumerate() {
        tri(
            msg::profile_office_agents(
                lang,
                msg::ProfileOfficeAgents {
                    name: o.name.pick(&lang.fallbacks()),
                    path: format!("offices[{i}].accepts_agents"),
                },
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
            yes.push(msg::profile_count(lang, msg::ProfileCount { n, path }));
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
        Fee::Stated(t) => yes.push(msg::profile_fee(lang, t.pick(&lang.fallbacks()))),
        Fee::Word(_) => no.push("fee".into()),
    }
    if p.page.address.is_none() {
        no.push("page.address".into());
    }
    if p.page.updated.is_none() {
        no.push("page.updated".into());
    }
    for (name, proc_) in [("change", &p.change), ("reset", &p.reset)] {
        procedure(lang, name, proc_, &mut yes, &mut no);
    }
    (yes, no)
}

fn procedure(
    lang: Lang,
    name: &str,
    proc_: &Procedure,
    yes: &mut Vec<String>,
    no: &mut Vec<String>,
) {
    if let Some(other) = &proc_.same_as {
        yes.push(msg::profile_same_as(
            lang,
            msg::ProfileSameAs { other, path: name },
        ));
        return;
    }
    if proc_.stated == Some(false) {
        no.push(msg::profile_procedure_not_stated(lang, name));
        return;
    }
    for who in ["self", "legal", "agent"] {
        let path = format!("{name}.applicants[{who}]");
        match proc_.applicants.iter().find(|a| a.applicant.id() == who) {
            None => no.push(path),
            Some(a) => {
                yes.push(msg::profile_applicant(
                    lang,
                    msg::ProfileApplicant {
                        allowed: tri_word(lang, a.allowed),
                        n: a.requirements.len(),
                        path: &path,
                    },
                ));
                match a.visits {
                    Some(v) => yes.push(msg::profile_visits(
                        lang,
                        msg::ProfileVisits { n: v, path: &path },
                    )),
                    None => no.push(format!("{path}.visits")),
                }
                for (f, t) in [
                    ("at_branches", a.at_branches),
                    ("advance_contact", a.advance_contact),
                ] {
                    match t {
                        Tri::NotStated => no.push(format!("{path}.{f}")),
                        t => yes.push(msg::profile_field(
                            lang,
                            msg::ProfileField {
                                field: f,
                                path: &path,
                                value: tri_word(lang, t),
                            },
                        )),
                    }
                }
            }
        }
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
    let languages = p.languages();
    let texts = p.texts().len();
    let name = p.name.pick(&lang.fallbacks()).to_string();
    if ctx.json {
        emit_json(&json!({
            "schema": "mynapin.profile-check.v1",
            "file": file,
            "valid": true,
            "id": p.id,
            "name": name,
            "page": page,
            "sources": sources,
            "texts": texts,
            "languages": languages.iter().map(|(tag, n)| json!({
                "tag": tag,
                "texts": n,
                "complete": *n == texts,
            })).collect::<Vec<_>>(),
            "covers": yes,
            "not_stated": no,
        }));
        return Ok(Exit::Success);
    }
    emit(&sanitize(&msg::profile_valid(
        lang,
        msg::ProfileValid {
            file,
            id: &p.id,
            n: sources,
            name,
        },
    )));
    if let Some(c) = page {
        emit(&sanitize(&msg::profile_page(
            lang,
            msg::ProfilePage {
                address: c
                    .address
                    .unwrap_or_else(|| mynapin_words::guide::address_not_recorded(lang)),
                date: c
                    .date
                    .map(|d| date_text(lang, &d))
                    .unwrap_or_else(|| msg::profile_date_not_stated(lang)),
                issuer: c.issuer,
                title: c.title,
            },
        )));
    }
    let langs: Vec<String> = languages
        .iter()
        .map(|(tag, n)| {
            if *n == texts {
                tag.clone()
            } else {
                msg::profile_language_partial(
                    lang,
                    msg::ProfileLanguagePartial {
                        n: *n,
                        tag,
                        total: texts,
                    },
                )
            }
        })
        .collect();
    emit(&sanitize(&msg::profile_languages(lang, lang.join(&langs))));
    emit(&msg::profile_covers(lang));
    for l in &yes {
        emit(&sanitize(&format!("  {l}")));
    }
    emit(&msg::profile_not_stated(lang));
    for l in &no {
        emit(&sanitize(&format!("  {l}")));
    }
    Ok(Exit::Success)
}
