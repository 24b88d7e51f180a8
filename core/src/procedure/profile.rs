//! City profiles: each city's counter rules as data (TOML), one file per city, embedded in the
//! binary (`core/profiles/*.toml`). Every entry carries its `source` (the page's id and the heading
//! of the section that states it); where a page is silent the profile says `not_stated`.

use super::documents;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Text by language: language tag (`ja`, `en`, `ko`, `pt-BR`) → text, as a profile writes it
/// (`{ ja = "…", en = "…" }`). Japanese is required (the pages are Japanese); any other
/// language may be added without a change of schema, and a reader picks with a list of
/// fallbacks ([`Names::pick`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Names(BTreeMap<String, String>);

/// The language every text must have.
pub const REQUIRED_LANGUAGE: &str = "ja";

/// A language tag as a profile may use it: a 2-3 letter lower-case language, then
/// subtags of 1-8 letters or digits (`ja`, `en`, `pt-BR`, `zh-Hant`).
pub fn valid_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let first = parts.next().unwrap_or_default();
    (2..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

impl Names {
    /// From (tag, text) pairs; Err names what is wrong (no `ja`, a key that is not a tag).
    /// The English words begin as serde's own ("unknown field" or "missing field", then the
    /// key in backticks): toml carries them in its message, and the CLI words those two forms
    /// in the reader's language (`text::toml_detail`); keep the prefixes
    /// (tests/fixture_reasons.rs).
    pub fn new(map: BTreeMap<String, String>) -> Result<Names, String> {
        if let Some(bad) = map.keys().find(|t| !valid_tag(t)) {
            return Err(format!(
                "unknown field `{bad}`: a text's keys are language tags (ja, en, ko, pt-BR, …)"
            ));
        }
        if !map.contains_key(REQUIRED_LANGUAGE) {
            return Err(format!(
                "missing field `{REQUIRED_LANGUAGE}`: every text needs its Japanese (the guide's pages are Japanese)"
            ));
        }
        Ok(Names(map))
    }

    /// The Japanese text (always there).
    pub fn ja(&self) -> &str {
        self.0
            .get(REQUIRED_LANGUAGE)
            .map(String::as_str)
            .unwrap_or_default()
    }

    /// The text in this language, if the profile has it.
    pub fn get(&self, tag: &str) -> Option<&str> {
        self.0.get(tag).map(String::as_str)
    }

    /// The text in the first of `tags` the profile has (a reader's language, then its
    /// fallbacks); Japanese when it has none of them.
    pub fn pick(&self, tags: &[&str]) -> &str {
        tags.iter()
            .find_map(|t| self.get(t))
            .unwrap_or_else(|| self.ja())
    }

    /// The languages it has, by tag.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }
}

impl<'de> Deserialize<'de> for Names {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Names, D::Error> {
        let map = BTreeMap::<String, String>::deserialize(d)?;
        Names::new(map).map_err(serde::de::Error::custom)
    }
}

/// Where an entry comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The page: the profile's `page.file`, or the id of a national reference.
    pub file: String,
    /// Heading of the section that states it (a whole line of the page).
    pub heading: String,
}

/// Sourced text: the text by language (as [`Names`]) and its `source`, in one table
/// (`{ ja = "…", en = "…", source = { … } }`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Text {
    /// The text by language.
    #[serde(flatten)]
    pub text: Names,
    /// Where it comes from.
    pub source: Source,
}

impl Text {
    /// The text in the first of `tags` it has ([`Names::pick`]).
    pub fn pick(&self, tags: &[&str]) -> &str {
        self.text.pick(tags)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Text;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a table of texts by language (ja, en, …) and a source")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut m: A) -> Result<Text, A::Error> {
                let mut texts = BTreeMap::new();
                let mut source = None;
                while let Some(key) = m.next_key::<String>()? {
                    if key == "source" {
                        if source.is_some() {
                            return Err(serde::de::Error::duplicate_field("source"));
                        }
                        source = Some(m.next_value::<Source>()?);
                    } else {
                        if !valid_tag(&key) {
                            return Err(serde::de::Error::custom(format!(
                                "unknown field `{key}`: a text's keys are language tags (ja, en, ko, pt-BR, …) and `source`"
                            )));
                        }
                        let text = m.next_value::<String>()?;
                        texts.insert(key, text);
                    }
                }
                let source = source.ok_or_else(|| serde::de::Error::missing_field("source"))?;
                let text = Names::new(texts).map_err(serde::de::Error::custom)?;
                Ok(Text { text, source })
            }
        }
        d.deserialize_map(V)
    }
}

/// Yes, no, or the page does not say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tri {
    /// Stated yes.
    Yes,
    /// Stated no.
    No,
    /// The page is silent.
    NotStated,
}

/// The page a profile was written from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Page {
    /// The page's id (the name `source.file` uses for it: `takatsuki-page`).
    pub file: String,
    /// Page title.
    pub title: String,
    /// Who publishes it (the city); absent: the profile's `name`.
    #[serde(default)]
    pub issuer: Option<String>,
    /// Last update of the page, as it states it.
    #[serde(default)]
    pub updated: Option<String>,
    /// The page's address; absent when not known (never guessed).
    #[serde(default)]
    pub address: Option<String>,
}

/// Where a source entry points: a page's title, issuer, date and address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Citation {
    /// Title.
    pub title: String,
    /// Issuer.
    pub issuer: String,
    /// Date of the page.
    pub date: Option<String>,
    /// Address.
    pub address: Option<String>,
    /// The section.
    pub heading: String,
}

/// A counter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Office {
    /// Name and place.
    pub name: Names,
    /// Whether applications by an agent are accepted here.
    pub accepts_agents: Tri,
    /// More.
    #[serde(default)]
    pub note: Option<Names>,
    /// Where it comes from.
    pub source: Source,
}

/// A phone line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phone {
    /// Whose line.
    pub name: Names,
    /// The number.
    pub number: String,
    /// When it answers.
    pub hours: Names,
    /// Where it comes from.
    pub source: Source,
}

/// Reservation rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reservation {
    /// A reservation is required.
    pub required: Tri,
    /// A reservation gives priority.
    pub gives_priority: Tri,
    /// More.
    #[serde(default)]
    pub note: Option<Names>,
    /// Phone lines for reservations.
    #[serde(default)]
    pub phones: Vec<Phone>,
    /// Where it comes from.
    pub source: Source,
}

/// The fee: a sourced text, or `"not_stated"`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Fee {
    /// Stated.
    Stated(Text),
    /// `"not_stated"`.
    Word(String),
}

/// A category of identity documents (e.g. Takatsuki's list A).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdCategory {
    /// Short id used by counting rules (`A`, `photo_id`).
    pub id: String,
    /// Name.
    pub name: Names,
    /// Document ids in this category.
    pub documents: Vec<String>,
    /// More (e.g. "examples only").
    #[serde(default)]
    pub note: Option<Names>,
    /// Where it comes from.
    pub source: Source,
}

/// Who applies at the counter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Applicant {
    /// The card holder.
    #[serde(rename = "self")]
    Holder,
    /// A legal representative (parent of an under-15, guardian of an adult ward).
    Legal,
    /// A voluntary agent (任意代理人).
    Agent,
}

impl Applicant {
    /// `self`, `legal`, `agent`.
    pub fn id(self) -> &'static str {
        match self {
            Applicant::Holder => "self",
            Applicant::Legal => "legal",
            Applicant::Agent => "agent",
        }
    }
}

/// Whose identity document (defined with the documents, which it qualifies).
pub use super::documents::Owner;

/// A condition under which a requirement can be left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Omission {
    /// The holder is under 15 and the parent-child relation is confirmed in the same household.
    #[serde(rename = "under_15_same_household")]
    Under15SameHousehold,
}

/// `n` documents of `category`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryCount {
    /// Category id.
    pub category: String,
    /// How many.
    pub n: u8,
}

/// One line of the checklist: all of some documents, one of some, or a counting rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    /// Stable id within the rule.
    pub id: String,
    /// For procedures with several visits: which one.
    #[serde(default)]
    pub visit: Option<u8>,
    /// What to bring.
    pub name: Names,
    /// Every one of these.
    #[serde(default)]
    pub all_of: Vec<String>,
    /// One of these.
    #[serde(default)]
    pub any_of: Vec<String>,
    /// Whose documents the counting rule is about.
    #[serde(default)]
    pub owner: Option<Owner>,
    /// Counting rule: one of the alternatives, each a set of category counts.
    #[serde(default)]
    pub count: Vec<Vec<CategoryCount>>,
    /// When it can be left out.
    #[serde(default)]
    pub omissible_when: Option<Omission>,
    /// The page's words on leaving it out.
    #[serde(default)]
    pub omissible_note: Option<Names>,
    /// Where it comes from.
    pub source: Source,
}

/// What one kind of applicant needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApplicantRule {
    /// Who.
    pub applicant: Applicant,
    /// Whether this applicant may apply.
    pub allowed: Tri,
    /// Visits needed (absent: not stated).
    #[serde(default)]
    pub visits: Option<u8>,
    /// Whether branch offices take this applicant.
    pub at_branches: Tri,
    /// Whether the city must be contacted before coming.
    pub advance_contact: Tri,
    /// More.
    #[serde(default)]
    pub note: Option<Names>,
    /// The checklist.
    #[serde(default)]
    pub requirements: Vec<Requirement>,
    /// Where it comes from.
    pub source: Source,
}

/// A counter procedure (reset or change).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Procedure {
    /// Whether the page states this procedure.
    #[serde(default)]
    pub stated: Option<bool>,
    /// The same rules as the other procedure (`"reset"` or `"change"`).
    #[serde(default)]
    pub same_as: Option<String>,
    /// What the page says instead, when it does not state the procedure.
    #[serde(default)]
    pub not_stated: Option<Names>,
    /// Rules per applicant.
    #[serde(default)]
    pub applicants: Vec<ApplicantRule>,
    /// Where it comes from.
    pub source: Source,
}

/// A city.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Stable id (`takatsuki`).
    pub id: String,
    /// Name.
    pub name: Names,
    /// The page it was written from.
    pub page: Page,
    /// Counters.
    pub offices: Vec<Office>,
    /// Opening hours.
    #[serde(default)]
    pub hours: Vec<Text>,
    /// Holiday openings.
    #[serde(default)]
    pub holiday_openings: Vec<Text>,
    /// Reservations.
    pub reservation: Reservation,
    /// Fee.
    pub fee: Fee,
    /// What the page says about changing at home.
    #[serde(default)]
    pub home_change: Vec<Text>,
    /// Identity document categories.
    pub id_categories: Vec<IdCategory>,
    /// Change at the counter (current PIN known).
    pub change: Procedure,
    /// Reset at the counter (forgotten or blocked).
    pub reset: Procedure,
    /// Special notes.
    #[serde(default)]
    pub notes: Vec<Text>,
}

/// Built-in profiles.
pub const BUILTIN: &[(&str, &str)] = &[
    ("takatsuki", include_str!("../../profiles/takatsuki.toml")),
    ("toyokawa", include_str!("../../profiles/toyokawa.toml")),
];

/// What is wrong with one entry of a profile that parses (the CLI words it; `Display` gives
/// the English for logs and tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// `fee` is neither a sourced text nor `"not_stated"`.
    FeeWord,
    /// A source cites neither the page nor a national reference.
    SourceNotCited,
    /// `page.address` is not http(s).
    AddressNotHttp,
    /// A document id that is not known.
    UnknownDocument,
    /// A document in two categories.
    DocumentTwice,
    /// `change` and `reset` both `same_as` the other.
    BothSameAs,
    /// `same_as` does not name the other procedure.
    SameAsNotOther,
    /// Neither `stated` nor `same_as`.
    NeedsStatedOrSameAs,
    /// `stated = false` without `not_stated`.
    NotStatedNeedsText,
    /// `stated = true` without applicants.
    StatedNeedsApplicants,
    /// A requirement with not exactly one of all_of, any_of, count.
    OneKind,
    /// A counting rule without `owner`.
    CountNeedsOwner,
    /// A counting rule names a category the profile lacks.
    UnknownCategory,
}

impl Problem {
    /// In English, for `Display`.
    pub fn english(self) -> &'static str {
        match self {
            Problem::FeeWord => "a table {ja, en, …, source} or \"not_stated\"",
            Problem::SourceNotCited => {
                "cite the profile's page (page.file) or a national reference id"
            }
            Problem::AddressNotHttp => "an http(s) address",
            Problem::UnknownDocument => "unknown document id (see mynapin guide --list-documents)",
            Problem::DocumentTwice => "a document may be in one category only",
            Problem::BothSameAs => "change and reset cannot both be `same_as` the other",
            Problem::SameAsNotOther => "must name the other procedure",
            Problem::NeedsStatedOrSameAs => "needs `stated` or `same_as`",
            Problem::NotStatedNeedsText => "say what the page says instead",
            Problem::StatedNeedsApplicants => "a stated procedure needs its applicants",
            Problem::OneKind => "exactly one of all_of, any_of, count",
            Problem::CountNeedsOwner => "a counting rule needs `owner`",
            Problem::UnknownCategory => "unknown category",
        }
    }
}

/// Why a profile cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// The file could not be read.
    Read(crate::bounded::ReadFailure),
    /// The TOML or the schema is wrong (the TOML reader's own message, in English).
    Parse(String),
    /// An entry breaks a rule of the schema.
    Entry {
        /// The entry's path (`id_categories[0].documents`).
        field: String,
        /// The offending value.
        value: String,
        /// What is wrong.
        problem: Problem,
    },
}

/// A profile that cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("{origin}{}: {}", .line.map(|l| format!(", line {l}")).unwrap_or_default(), .fault)]
pub struct ProfileError {
    /// File or built-in name.
    pub origin: String,
    /// Line, when known.
    pub line: Option<usize>,
    /// What is wrong.
    pub fault: Fault,
}

impl std::fmt::Display for Fault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Fault::Read(failure) => write!(f, "{}", failure.to_error()),
            Fault::Parse(m) => f.write_str(m),
            Fault::Entry {
                field,
                value,
                problem,
            } => write!(f, "{field}: {value:?}: {}", problem.english()),
        }
    }
}

impl Profile {
    /// Parses and validates TOML text.
    pub fn from_toml(text: &str, origin: &str) -> Result<Profile, ProfileError> {
        let profile: Profile = toml::from_str(text).map_err(|e| ProfileError {
            origin: origin.to_string(),
            line: e
                .span()
                .map(|s| text[..s.start.min(text.len())].lines().count().max(1)),
            fault: Fault::Parse(e.message().trim().to_string()),
        })?;
        profile
            .validate()
            .map_err(|(field, value, problem)| ProfileError {
                origin: origin.to_string(),
                line: text
                    .lines()
                    .position(|l| !value.is_empty() && l.contains(&value))
                    .map(|i| i + 1),
                fault: Fault::Entry {
                    field,
                    value,
                    problem,
                },
            })?;
        Ok(profile)
    }

    /// The national baseline (`core/profiles/national.toml`): what counters generally ask for.
    pub fn national() -> Profile {
        Profile::from_toml(super::national::BASELINE_TOML, "national")
            .expect("the national baseline is valid")
    }

    /// This is the national baseline, not a city.
    pub fn is_national(&self) -> bool {
        self.id == "national"
    }

    /// The page this profile was written from (title, issuer, date, address).
    pub fn page_citation(&self) -> Citation {
        Citation {
            title: self.page.title.clone(),
            issuer: self
                .page
                .issuer
                .clone()
                .unwrap_or_else(|| self.name.ja().to_string()),
            date: self.page.updated.clone(),
            address: self.page.address.clone(),
            heading: String::new(),
        }
    }

    /// The page (title, issuer, date, address) and section `s` cites: this profile's page,
    /// or a national reference.
    pub fn cite(&self, s: &Source) -> Option<Citation> {
        if s.file == self.page.file {
            return Some(Citation {
                title: self.page.title.clone(),
                issuer: self
                    .page
                    .issuer
                    .clone()
                    .unwrap_or_else(|| self.name.ja().to_string()),
                date: self.page.updated.clone(),
                address: self.page.address.clone(),
                heading: s.heading.clone(),
            });
        }
        super::national::reference(&s.file).map(|r| Citation {
            title: r.title.into(),
            issuer: r.issuer.into(),
            date: r.date.map(Into::into),
            address: r.address.map(Into::into),
            heading: s.heading.clone(),
        })
    }

    /// A built-in city.
    pub fn builtin(id: &str) -> Option<Profile> {
        BUILTIN
            .iter()
            .find(|(n, _)| *n == id)
            .map(|(n, t)| Profile::from_toml(t, n).expect("built-in profiles are valid"))
    }

    /// Every built-in city, in the order of [`BUILTIN`]: what a front end offers to choose
    /// from (each one's `id` for [`Profile::builtin`], its `name` in any language).
    pub fn builtins() -> Vec<Profile> {
        BUILTIN
            .iter()
            .map(|(n, t)| Profile::from_toml(t, n).expect("built-in profiles are valid"))
            .collect()
    }

    /// From a file.
    pub fn load(path: &str) -> Result<Profile, ProfileError> {
        let text = crate::bounded::read_to_string(
            std::path::Path::new(path),
            crate::bounded::MAX_DATA_FILE,
        )
        .map_err(|e| ProfileError {
            origin: path.to_string(),
            line: None,
            fault: Fault::Read(crate::bounded::ReadFailure::from(&e)),
        })?;
        Profile::from_toml(&text, path)
    }

    /// The procedure with `same_as` resolved.
    pub fn procedure(&self, reset: bool) -> &Procedure {
        let p = if reset { &self.reset } else { &self.change };
        match p.same_as.as_deref() {
            Some("reset") => &self.reset,
            Some("change") => &self.change,
            _ => p,
        }
    }

    /// The category a document belongs to in this city.
    pub fn category_of(&self, doc: &str) -> Option<&IdCategory> {
        self.id_categories
            .iter()
            .find(|c| c.documents.iter().any(|d| d == doc))
    }

    /// Every text of the profile (names, notes, sourced texts), for what its languages cover.
    pub fn texts(&self) -> Vec<&Names> {
        let mut out = vec![&self.name];
        for o in &self.offices {
            out.push(&o.name);
            out.extend(o.note.as_ref());
        }
        for t in self
            .hours
            .iter()
            .chain(&self.holiday_openings)
            .chain(&self.home_change)
        {
            out.push(&t.text);
        }
        for t in &self.notes {
            out.push(&t.text);
        }
        out.extend(self.reservation.note.as_ref());
        for p in &self.reservation.phones {
            out.push(&p.name);
            out.push(&p.hours);
        }
        if let Fee::Stated(t) = &self.fee {
            out.push(&t.text);
        }
        for c in &self.id_categories {
            out.push(&c.name);
            out.extend(c.note.as_ref());
        }
        for p in [&self.change, &self.reset] {
            out.extend(p.not_stated.as_ref());
            for a in &p.applicants {
                out.extend(a.note.as_ref());
                for r in &a.requirements {
                    out.push(&r.name);
                    out.extend(r.omissible_note.as_ref());
                }
            }
        }
        out
    }

    /// The languages of the profile's texts: (tag, how many of its texts have it), Japanese
    /// first (every text has it), then by tag.
    pub fn languages(&self) -> Vec<(String, usize)> {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for n in self.texts() {
            for t in n.languages() {
                *counts.entry(t.to_string()).or_default() += 1;
            }
        }
        let mut out: Vec<(String, usize)> = counts.into_iter().collect();
        out.sort_by_key(|(t, _)| (t != REQUIRED_LANGUAGE, t.clone()));
        out
    }

    /// Every source cited, with the path of its entry.
    pub fn sources(&self) -> Vec<(String, &Source)> {
        let mut out = Vec::new();
        for (i, o) in self.offices.iter().enumerate() {
            out.push((format!("offices[{i}]"), &o.source));
        }
        for (i, t) in self.hours.iter().enumerate() {
            out.push((format!("hours[{i}]"), &t.source));
        }
        for (i, t) in self.holiday_openings.iter().enumerate() {
            out.push((format!("holiday_openings[{i}]"), &t.source));
        }
        out.push(("reservation".into(), &self.reservation.source));
        for (i, p) in self.reservation.phones.iter().enumerate() {
            out.push((format!("reservation.phones[{i}]"), &p.source));
        }
        if let Fee::Stated(t) = &self.fee {
            out.push(("fee".into(), &t.source));
        }
        for (i, t) in self.home_change.iter().enumerate() {
            out.push((format!("home_change[{i}]"), &t.source));
        }
        for (i, c) in self.id_categories.iter().enumerate() {
            out.push((format!("id_categories[{i}]"), &c.source));
        }
        for (name, p) in [("change", &self.change), ("reset", &self.reset)] {
            out.push((name.into(), &p.source));
            for (i, a) in p.applicants.iter().enumerate() {
                out.push((format!("{name}.applicants[{i}]"), &a.source));
                for (j, r) in a.requirements.iter().enumerate() {
                    out.push((
                        format!("{name}.applicants[{i}].requirements[{j}]"),
                        &r.source,
                    ));
                }
            }
        }
        for (i, t) in self.notes.iter().enumerate() {
            out.push((format!("notes[{i}]"), &t.source));
        }
        out
    }

    /// Rules serde cannot express. Err: (field, offending value to locate the line, problem).
    fn validate(&self) -> Result<(), (String, String, Problem)> {
        let err = |f: String, v: &str, m: Problem| Err((f, v.to_string(), m));
        if let Fee::Word(w) = &self.fee {
            if w != "not_stated" {
                return err("fee".into(), w, Problem::FeeWord);
            }
        }
        for (path, s) in self.sources() {
            if self.cite(s).is_none() {
                return err(
                    format!("{path}.source.file"),
                    &s.file,
                    Problem::SourceNotCited,
                );
            }
        }
        if let Some(a) = &self.page.address {
            if !(a.starts_with("https://") || a.starts_with("http://")) {
                return err("page.address".into(), a, Problem::AddressNotHttp);
            }
        }
        let mut seen = std::collections::BTreeSet::new();
        for (i, c) in self.id_categories.iter().enumerate() {
            for d in &c.documents {
                if documents::find(d).is_none() {
                    return err(
                        format!("id_categories[{i}].documents"),
                        d,
                        Problem::UnknownDocument,
                    );
                }
                if !seen.insert(d.clone()) {
                    return err(
                        format!("id_categories[{i}].documents"),
                        d,
                        Problem::DocumentTwice,
                    );
                }
            }
        }
        if self.change.same_as.is_some() && self.reset.same_as.is_some() {
            // Each would be resolved to the other: no procedure would be stated at all.
            return err(
                "reset.same_as".to_string(),
                self.reset.same_as.as_deref().unwrap_or_default(),
                Problem::BothSameAs,
            );
        }
        for (name, p) in [("change", &self.change), ("reset", &self.reset)] {
            match (&p.same_as, p.stated) {
                (Some(s), _) if s != "reset" && s != "change" || s == name => {
                    return err(format!("{name}.same_as"), s, Problem::SameAsNotOther);
                }
                (Some(_), _) => continue,
                (None, None) => {
                    return err(
                        name.to_string(),
                        &format!("[{name}]"),
                        Problem::NeedsStatedOrSameAs,
                    )
                }
                (None, Some(false)) if p.not_stated.is_none() => {
                    return err(
                        format!("{name}.not_stated"),
                        &format!("[{name}]"),
                        Problem::NotStatedNeedsText,
                    );
                }
                (None, Some(true)) if p.applicants.is_empty() => {
                    return err(
                        format!("{name}.applicants"),
                        &format!("[{name}]"),
                        Problem::StatedNeedsApplicants,
                    );
                }
                _ => {}
            }
            for (i, a) in p.applicants.iter().enumerate() {
                for (j, r) in a.requirements.iter().enumerate() {
                    let field = format!("{name}.applicants[{i}].requirements[{j}]");
                    let kinds = usize::from(!r.all_of.is_empty())
                        + usize::from(!r.any_of.is_empty())
                        + usize::from(!r.count.is_empty());
                    if kinds != 1 {
                        return err(field, &r.id, Problem::OneKind);
                    }
                    for d in r.all_of.iter().chain(&r.any_of) {
                        if documents::find(d).is_none() {
                            return err(field, d, Problem::UnknownDocument);
                        }
                    }
                    if !r.count.is_empty() && r.owner.is_none() {
                        return err(field, &r.id, Problem::CountNeedsOwner);
                    }
                    for alt in &r.count {
                        for cc in alt {
                            if !self.id_categories.iter().any(|c| c.id == cc.category) {
                                return err(field, &cc.category, Problem::UnknownCategory);
                            }
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtins_are_valid() {
        for (id, _) in BUILTIN {
            let p = Profile::builtin(id).unwrap();
            assert_eq!(p.id, *id);
            assert!(!p.sources().is_empty());
        }
    }

    #[test]
    fn texts_are_keyed_by_language_with_a_fallback() {
        let text = include_str!("../../profiles/takatsuki.toml")
            .replacen(
                "name = { ja = \"高槻市\", en = \"Takatsuki City\" }",
                "name = { ja = \"高槻市\", en = \"Takatsuki City\", ko = \"다카쓰키시\" }",
                1,
            )
            .replacen(
                "en = \"Weekdays 8:45",
                "pt-BR = \"Dias úteis\"\nen = \"Weekdays 8:45",
                1,
            );
        let p = Profile::from_toml(&text, "city.toml").unwrap();
        assert_eq!(p.name.pick(&["ko", "en", "ja"]), "다카쓰키시");
        assert_eq!(p.name.pick(&["fr", "en", "ja"]), "Takatsuki City");
        assert_eq!(
            p.name.pick(&["fr"]),
            "高槻市",
            "Japanese when nothing else matches"
        );
        assert_eq!(p.hours[0].pick(&["pt-BR", "en"]), "Dias úteis");
        assert_eq!(
            p.hours[0].pick(&["ko", "en"]),
            p.hours[0].text.get("en").unwrap()
        );
        let langs = p.languages();
        let texts = p.texts().len();
        assert_eq!(langs[0], ("ja".to_string(), texts), "{langs:?}");
        assert!(langs.contains(&("ko".to_string(), 1)), "{langs:?}");
        assert!(langs.contains(&("pt-BR".to_string(), 1)), "{langs:?}");
        assert!(langs.contains(&("en".to_string(), texts)), "{langs:?}");
    }

    #[test]
    fn a_text_needs_japanese_and_language_tags() {
        let base = include_str!("../../profiles/takatsuki.toml");
        for (from, to, says) in [
            (
                "name = { ja = \"高槻市\", ",
                "name = { ",
                "missing field `ja`",
            ),
            (
                "name = { ja = \"高槻市\", ",
                "name = { JA = \"高槻市\", ",
                "unknown field `JA`",
            ),
            (
                "ja = \"平日 ",
                "japanese = \"平日 ",
                "unknown field `japanese`",
            ),
            ("ja = \"平日 ", "en_US = \"平日 ", "unknown field `en_US`"),
        ] {
            let text = base.replacen(from, to, 1);
            assert_ne!(text, base, "{from}");
            let e = Profile::from_toml(&text, "city.toml")
                .unwrap_err()
                .to_string();
            assert!(e.contains(says), "{to}: {e}");
            assert!(e.starts_with("city.toml, line "), "{e}");
        }
        let text = base.replacen("ja = \"平日 ", "en-GB = \"x\"\nja = \"平日 ", 1);
        assert!(Profile::from_toml(&text, "city.toml").is_ok());
    }

    #[test]
    fn change_and_reset_pointing_at_each_other_is_rejected() {
        let text = include_str!("../../profiles/takatsuki.toml").replacen(
            "[reset]\nstated = true",
            "[reset]\nsame_as = \"change\"",
            1,
        );
        assert!(text.contains("same_as = \"change\""));
        let e = Profile::from_toml(&text, "city.toml")
            .unwrap_err()
            .to_string();
        assert!(e.contains("reset.same_as"), "{e}");
    }

    #[test]
    fn malformed_profiles_name_file_line_and_field() {
        let text =
            include_str!("../../profiles/toyokawa.toml").replace("\"passport\"]", "\"passportt\"]");
        let e = Profile::from_toml(&text, "city.toml").unwrap_err();
        assert!(e.to_string().starts_with("city.toml, line "), "{e}");
        assert!(e.to_string().contains("id_categories[0].documents"), "{e}");
        assert!(e.to_string().contains("unknown document id"), "{e}");
        let text = include_str!("../../profiles/toyokawa.toml")
            .replace("accepts_agents = \"no\"", "accepts_agents = \"maybe\"");
        let e = Profile::from_toml(&text, "city.toml")
            .unwrap_err()
            .to_string();
        let line = text.lines().position(|l| l.contains("\"maybe\"")).unwrap() + 1;
        assert!(e.contains(&format!("city.toml, line {line}:")), "{e}");
        assert!(e.contains("maybe"), "{e}");
    }
}
