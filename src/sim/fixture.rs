//! The simulated card's persistent state as a TOML fixture (`fixtures/cards/*.toml`).
//!
//! A fixture says what a card holds: PIN values, tries left per key reference, which
//! certificates exist, the token label, which applets exist, and card quirks or faults for
//! tests. Key references a fixture does not mention are fresh (maximum tries, the default
//! values below). `--sim-state FILE` writes the same format back.

use crate::layout::{Applet, KeyRef};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A whole card.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fixture {
    /// One line saying what this card is for: one text, or one per language
    /// (`description = { en = "…", ja = "…" }`).
    pub description: Description,
    /// Label in JPKI EF `0006` (padded to 32 bytes with spaces on the card).
    #[serde(default = "default_token")]
    pub token: String,
    /// Applets present on the card. A card without `jpki` is not a My Number card.
    #[serde(default = "all_applets")]
    pub applets: Vec<Applet>,
    /// The user-authentication certificate in JPKI EF `000A`.
    #[serde(default)]
    pub auth_certificate: CertificateState,
    /// The signature certificate in JPKI EF `0001` (none on most under-15 cards).
    #[serde(default)]
    pub sign_certificate: CertificateState,
    /// CA certificates in JPKI EF `000B` and `0002`.
    #[serde(default = "yes")]
    pub ca_certificates: bool,
    /// Whether the card answers the short-reference counter query `00 20 00 (80|sfi)`; when
    /// false it answers `6A 86` and clients must fall back to SELECT EF.
    #[serde(default = "yes")]
    pub short_reference_query: bool,
    /// Whether the card reads by short EF id, `00 B0 (80|sfi) off Le` ([2+]); when false it
    /// answers `6A 81` (that status word is a guess) and clients must SELECT the EF.
    #[serde(default = "yes")]
    pub read_binary_sfi: bool,
    /// INVENTED, off by default: refuse a new PIN of the wrong format in CHANGE with `6A 80`.
    /// No source shows a real card making this check (card doc §8): the real answer is unknown.
    #[serde(default, skip_serializing_if = "is_false")]
    pub check_new_pin_format: bool,
    /// The answer-to-reset (card doc §8): `contact` (default), `contact-2`, `contactless`,
    /// `contactless-2`, `contactless-3` (what contactless readers make of the card),
    /// `juki-card` (the old 住基カード's, which OpenSC names jpki), `other` (a made-up ATR of
    /// a card that is not a JPKI card), or the ATR's bytes in hex.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub atr: Option<String>,
    /// The fictitious TEST person whose data the card holds.
    #[serde(default, skip_serializing_if = "Person::is_default")]
    pub person: Person,
    /// Key references (by id: `auth`, `sign`, `kenhojo`, `juki_ap`, `juki_common`,
    /// `kenhojo_a`, `kenhojo_b`, `kenmen_a`, `kenmen_b`, `kenmen_birth`).
    #[serde(default)]
    pub refs: BTreeMap<KeyRef, RefFixture>,
    /// Faults to inject, for tests.
    #[serde(default, skip_serializing_if = "Faults::is_empty")]
    pub faults: Faults,
}

/// What a fixture is for, in one line: a plain string (any language), or one text per
/// language tag (`{ en = "…", ja = "…" }`), shown in the first language of the reader's
/// fallbacks that it has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Description {
    /// One text, whatever its language.
    Plain(String),
    /// Language tag → text.
    ByLanguage(BTreeMap<String, String>),
}

impl Description {
    /// The text in the first of `tags` it has; else its first text (by tag), or "" when it
    /// has none. A plain description is its text whatever the tags.
    pub fn pick(&self, tags: &[&str]) -> &str {
        match self {
            Description::Plain(s) => s,
            Description::ByLanguage(m) => tags
                .iter()
                .find_map(|t| m.get(*t))
                .or_else(|| m.values().next())
                .map(String::as_str)
                .unwrap_or_default(),
        }
    }
}

impl From<&str> for Description {
    fn from(s: &str) -> Description {
        Description::Plain(s.to_string())
    }
}

/// The English text (else Japanese, else any): for logs and code that has no language.
impl std::ops::Deref for Description {
    type Target = str;
    fn deref(&self) -> &str {
        self.pick(&["en", "ja"])
    }
}

impl PartialEq<Description> for &str {
    fn eq(&self, other: &Description) -> bool {
        **self == **other
    }
}

/// The card holder: a fictitious TEST person. Every field has a default; a fixture can give
/// the card anyone. The derived verification codes (照合番号A/B, refs `kenhojo_a`, …) are key
/// references of their own: keep them consistent with these fields when you change them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Person {
    /// The 12-digit individual number (Kenhojo EF `0001`). The default passes the check-digit
    /// rule and is TEST DATA, not anyone's number.
    pub my_number: String,
    /// Name (UTF-8).
    pub name: String,
    /// Address (UTF-8).
    pub address: String,
    /// Birth date, `YYYYMMDD`.
    pub birth: String,
    /// Sex, ISO 5218 code: `1` male, `2` female, `9` not applicable.
    pub sex: String,
    /// The card's serial number (common DF record; 15 characters).
    pub card_serial: String,
    /// The issuing municipality's code (common DF record; 5 digits).
    pub municipality_code: String,
    /// The card's expiry, `YYYYMMDD` (common DF record).
    pub card_expiry: String,
}

impl Default for Person {
    fn default() -> Person {
        Person {
            my_number: "123456789018".into(),
            name: "試験 花子 (TEST ONLY)".into(),
            address: "TEST ONLY 東京都千代田区試験町1-2-3".into(),
            birth: "19900101".into(),
            sex: "2".into(),
            card_serial: "TESTONLY0000001".into(),
            municipality_code: "13101".into(),
            card_expiry: "20350101".into(),
        }
    }
}

impl Person {
    fn is_default(&self) -> bool {
        *self == Person::default()
    }

    fn check(&self) -> Result<(), String> {
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(&self.my_number, 12) {
            return Err("person.my_number must be 12 digits".into());
        }
        if !digits(&self.birth, 8) || !digits(&self.card_expiry, 8) {
            return Err("person.birth and person.card_expiry must be YYYYMMDD".into());
        }
        if !digits(&self.municipality_code, 5) {
            return Err("person.municipality_code must be 5 digits".into());
        }
        if self.card_serial.len() != 15 || !self.card_serial.is_ascii() {
            return Err("person.card_serial must be 15 ASCII characters".into());
        }
        if self.sex.len() != 1 || !self.sex.is_ascii() {
            return Err("person.sex must be one ISO 5218 code".into());
        }
        for (what, v) in [("name", &self.name), ("address", &self.address)] {
            if v.len() > 200 {
                return Err(format!("person.{what}: at most 200 bytes"));
            }
        }
        Ok(())
    }
}

/// The check digit of a 12-digit individual number (the last digit), from the first 11.
pub fn my_number_check_digit(first11: &[u8; 11]) -> u8 {
    let sum: u32 = (1..=11)
        .map(|n| {
            let p = u32::from(first11[11 - n] - b'0');
            let q = if n <= 6 { n as u32 + 1 } else { n as u32 - 5 };
            p * q
        })
        .sum();
    match sum % 11 {
        0 | 1 => 0,
        r => (11 - r) as u8,
    }
}

/// The ATR presets (card doc §8, from pcsc-tools' list and OpenSC #3021 [2+]).
pub const ATRS: &[(&str, &[u8])] = &[
    (
        "contact",
        &[
            0x3B, 0xC5, 0xFF, 0x81, 0x31, 0xFB, 0x45, 0x80, 0x73, 0xC6, 0x01, 0x00, 0x00,
        ],
    ),
    (
        "contact-2",
        &[
            0x3B, 0xDA, 0x13, 0xFF, 0x81, 0x31, 0xFB, 0x46, 0x80, 0x12, 0x39, 0x2F, 0x31, 0xC1,
            0x73, 0xC6, 0x01, 0xC0, 0x3B,
        ],
    ),
    (
        "contactless",
        &[
            0x3B, 0x88, 0x80, 0x01, 0x00, 0x00, 0x05, 0xE0, 0xB3, 0x81, 0xA1, 0x00, 0x7F,
        ],
    ),
    (
        "contactless-2",
        &[
            0x3B, 0x88, 0x80, 0x01, 0x00, 0x00, 0x41, 0xE0, 0xB3, 0x81, 0xA1, 0x00, 0x3B,
        ],
    ),
    (
        "contactless-3",
        &[
            0x3B, 0x88, 0x80, 0x01, 0x00, 0x4B, 0x51, 0xFF, 0xB3, 0x81, 0xD1, 0x00, 0x0F,
        ],
    ),
    (
        "juki-card",
        &[0x3B, 0xE0, 0x00, 0xFF, 0x81, 0x31, 0xFE, 0x45, 0x14],
    ),
    // Made up for this simulator: T=1, historical bytes "NOTJPKI0", a valid TCK.
    (
        "other",
        &[
            0x3B, 0x88, 0x80, 0x01, 0x4E, 0x4F, 0x54, 0x4A, 0x50, 0x4B, 0x49, 0x30, 0x74,
        ],
    ),
];

/// The ATR a fixture's `atr` field names (a preset or hex bytes).
pub fn atr_bytes(atr: Option<&str>) -> Result<Vec<u8>, String> {
    let name = atr.unwrap_or("contact");
    if let Some((_, bytes)) = ATRS.iter().find(|(n, _)| *n == name) {
        return Ok(bytes.to_vec());
    }
    let bytes = mynapin_apdu::parse_spaced_hex(name).map_err(|_| {
        let names: Vec<&str> = ATRS.iter().map(|(n, _)| *n).collect();
        format!(
            "atr: {name:?} is not one of {} nor hex bytes",
            names.join(", ")
        )
    })?;
    if !(2..=33).contains(&bytes.len()) || !matches!(bytes[0], 0x3B | 0x3F) {
        return Err("atr: 2 to 33 bytes starting 3B or 3F".into());
    }
    Ok(bytes)
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// One key reference.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RefFixture {
    /// The PIN or code as ASCII (this is a simulation: the value is stored in clear).
    pub value: String,
    /// Tries left; defaults to the maximum. 0 = blocked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tries_left: Option<u8>,
    /// Whether the reference exists (a card without a signature certificate may lack it).
    #[serde(default = "yes")]
    pub present: bool,
    /// A card quirk: answer the counter query with this status word instead of `63 Cx`
    /// (e.g. `"90 00"` or `"63 00"`, which mean "count not reported", never zero). Any status
    /// word is allowed, including a count the card cannot mean (`"63 CF"` on a 3-try PIN): a
    /// hostile card for tests.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query_sw: Option<String>,
    /// A hostile card: the first counter queries of this reference answer these status words
    /// in turn (e.g. `["63 C1", "63 C3"]`, a count that rises), later ones the real answer
    /// (or `query_sw`). Counted from when the card is loaded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub query_sequence: Vec<String>,
}

/// Faults to inject.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Faults {
    /// Answer CHANGE REFERENCE DATA / CHANGE KEY on these references with this status word
    /// (e.g. `juki_common = "65 81"`) and change nothing, even after a good VERIFY.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub change_sw: BTreeMap<KeyRef, String>,
    /// A hostile card: rules that replace or delay the answer to chosen commands
    /// (`[[faults.rules]]`; see [`FaultRule`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<FaultRule>,
}

impl Faults {
    fn is_empty(&self) -> bool {
        self.change_sw.is_empty() && self.rules.is_empty()
    }
}

/// Whether a fault rule's command reaches the card.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FaultWhen {
    /// The card does not process the command: the answer is the rule's (`hold_ms` alone:
    /// the hold comes first, then the card processes the command and answers).
    #[default]
    Instead,
    /// The card processes the command (and acts on it), then its answer is replaced by the
    /// rule's, or held for `hold_ms`.
    After,
}

/// One fault of a hostile card (`[[faults.rules]]` in a fixture, `sim serve --fault SPEC`).
///
/// ```toml
/// [[faults.rules]]
/// match = "00 20 00 98"   # hex prefix of the command APDU
/// nth = 1                 # 1-based occurrence among matching commands (absent: every one)
/// when = "after"          # "instead" (default) or "after"
/// sw = "6C 00"            # or: answer = "90" (raw bytes, may be ""), and/or hold_ms = 2000
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaultRule {
    /// Hex prefix of the command APDUs it applies to (`"80 32"`, `"00 20 00 98"`).
    #[serde(rename = "match")]
    pub matches: String,
    /// Only the n-th matching command (1-based), counted from when the card is loaded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nth: Option<u64>,
    /// Whether the card processes the command first.
    #[serde(default)]
    pub when: FaultWhen,
    /// Answer only this status word. `61 xx` with `when = "after"` keeps the real answer
    /// pending for GET RESPONSE.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sw: Option<String>,
    /// Answer these raw bytes (spaced hex; `""` = an empty answer, `"90"` = one byte).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
    /// Hold the answer this many milliseconds (printing `mynapin sim: holding …` on stderr
    /// just before).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hold_ms: Option<u64>,
}

/// The longest hold a fault rule may ask for (10 minutes).
pub const MAX_HOLD_MS: u64 = 600_000;

impl FaultRule {
    /// Checks the rule; the message names the field.
    pub fn check(&self) -> Result<(), String> {
        mynapin_apdu::parse_spaced_hex(&self.matches).map_err(|e| format!("match: {e}"))?;
        if self.nth == Some(0) {
            return Err("nth counts from 1".into());
        }
        if self.sw.is_some() && self.answer.is_some() {
            return Err("give sw or answer, not both".into());
        }
        if self.sw.is_none() && self.answer.is_none() && self.hold_ms.is_none() {
            return Err("needs an action: sw, answer or hold_ms".into());
        }
        if let Some(sw) = &self.sw {
            parse_sw(sw).map_err(|m| format!("sw: {m}"))?;
        }
        if let Some(a) = &self.answer {
            let bytes = mynapin_apdu::parse_spaced_hex(a).map_err(|e| format!("answer: {e}"))?;
            if bytes.len() > 258 {
                return Err("answer: at most 258 bytes".into());
            }
        }
        if self.hold_ms.is_some_and(|h| h > MAX_HOLD_MS) {
            return Err(format!("hold_ms: at most {MAX_HOLD_MS}"));
        }
        Ok(())
    }

    /// Parses the command-line form `match=00200098,nth=1,when=after,sw=6C00` (the fixture's
    /// keys; hex with or without spaces).
    pub fn from_spec(spec: &str) -> Result<FaultRule, String> {
        let mut rule = FaultRule {
            matches: String::new(),
            nth: None,
            when: FaultWhen::Instead,
            sw: None,
            answer: None,
            hold_ms: None,
        };
        let mut has_match = false;
        for part in spec.split(',') {
            let (k, v) = part
                .split_once('=')
                .ok_or_else(|| format!("{part:?}: expected KEY=VALUE"))?;
            let v = v.trim();
            let number = |what: &str| {
                v.parse::<u64>()
                    .map_err(|_| format!("{what}: {v:?} is not a number"))
            };
            match k.trim() {
                "match" => {
                    rule.matches = v.to_string();
                    has_match = true;
                }
                "nth" => rule.nth = Some(number("nth")?),
                "when" => {
                    rule.when = match v {
                        "instead" => FaultWhen::Instead,
                        "after" => FaultWhen::After,
                        _ => return Err(format!("when: {v:?} is not \"instead\" or \"after\"")),
                    }
                }
                "sw" => rule.sw = Some(v.to_string()),
                "answer" => rule.answer = Some(v.to_string()),
                "hold_ms" => rule.hold_ms = Some(number("hold_ms")?),
                other => {
                    return Err(format!(
                        "unknown key {other:?} (match, nth, when, sw, answer, hold_ms)"
                    ))
                }
            }
        }
        if !has_match {
            return Err("needs match=HEX (a prefix of the command APDU)".into());
        }
        rule.check()?;
        Ok(rule)
    }
}

/// A certificate slot.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CertificateState {
    /// A test certificate valid until 2035-03-31.
    #[default]
    Valid,
    /// A test certificate that expired on 2025-03-31 (user-authentication slot only).
    Expired,
    /// No certificate: the EF is absent.
    Absent,
}

fn default_token() -> String {
    crate::layout::token::MY_NUMBER_CARD.to_string()
}

fn all_applets() -> Vec<Applet> {
    Applet::ALL.to_vec()
}

fn yes() -> bool {
    true
}

/// The value a fresh simulated reference holds (README: 4-digit PINs `1234`, signature
/// password `ABC123`). The derived codes are made-up but well-formed test values.
pub fn default_value(r: KeyRef) -> &'static str {
    match r {
        KeyRef::Auth | KeyRef::Kenhojo | KeyRef::JukiAp | KeyRef::JukiCommon => "1234",
        KeyRef::Sign => "ABC123",
        // A 12-digit number with a valid My Number check digit; not anyone's number.
        KeyRef::KenhojoA | KeyRef::KenmenA => "123456789018",
        // Birth date (era year) 020101 + expiry year 2035 + security code 1234.
        KeyRef::KenhojoB | KeyRef::KenmenB => "02010120351234",
        KeyRef::KenmenBirth => "020101",
    }
}

/// Built-in fixtures, embedded in the binary: name → TOML text.
pub const BUILTIN: &[(&str, &str)] = &[
    ("fresh", include_str!("../../fixtures/cards/fresh.toml")),
    (
        "sign-blocked",
        include_str!("../../fixtures/cards/sign-blocked.toml"),
    ),
    (
        "auth-last-try",
        include_str!("../../fixtures/cards/auth-last-try.toml"),
    ),
    (
        "juki-mismatch",
        include_str!("../../fixtures/cards/juki-mismatch.toml"),
    ),
    (
        "under-15",
        include_str!("../../fixtures/cards/under-15.toml"),
    ),
    (
        "juki-card",
        include_str!("../../fixtures/cards/juki-card.toml"),
    ),
    (
        "not-mynumber",
        include_str!("../../fixtures/cards/not-mynumber.toml"),
    ),
    (
        "smartphone",
        include_str!("../../fixtures/cards/smartphone.toml"),
    ),
    (
        "quirky-counters",
        include_str!("../../fixtures/cards/quirky-counters.toml"),
    ),
    (
        "no-short-query",
        include_str!("../../fixtures/cards/no-short-query.toml"),
    ),
    (
        "all-blocked",
        include_str!("../../fixtures/cards/all-blocked.toml"),
    ),
    (
        "auth-expired",
        include_str!("../../fixtures/cards/auth-expired.toml"),
    ),
    (
        "change-fails-juki-common",
        include_str!("../../fixtures/cards/change-fails-juki-common.toml"),
    ),
    (
        "no-sfi-read",
        include_str!("../../fixtures/cards/no-sfi-read.toml"),
    ),
    (
        "count-above-max",
        include_str!("../../fixtures/cards/count-above-max.toml"),
    ),
    (
        "count-rises",
        include_str!("../../fixtures/cards/count-rises.toml"),
    ),
    (
        "change-acts-then-6c",
        include_str!("../../fixtures/cards/change-acts-then-6c.toml"),
    ),
];

/// Why a fixture could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum FixtureError {
    /// Not a built-in name and not a readable file (or larger than the limit).
    #[error("cannot read fixture {path}: {source}")]
    Read {
        /// The path as given.
        path: String,
        /// Why.
        source: crate::bounded::ReadError,
    },
    /// TOML that does not fit the schema (the message carries line, column and field).
    #[error("fixture {path} is malformed: {message}")]
    Malformed {
        /// The path or built-in name.
        path: String,
        /// toml's message, with the line and the field.
        message: String,
    },
    /// A value that breaks a rule of the card (e.g. tries above the maximum).
    #[error("fixture {path}: {message}")]
    Invalid {
        /// The path or built-in name.
        path: String,
        /// What is wrong.
        message: String,
    },
}

impl Fixture {
    /// Parses TOML text; `origin` names it in errors.
    pub fn from_toml(text: &str, origin: &str) -> Result<Fixture, FixtureError> {
        let fixture: Fixture = toml::from_str(text).map_err(|e| FixtureError::Malformed {
            path: origin.to_string(),
            message: e.to_string().trim_end().to_string(),
        })?;
        fixture.validate(origin)?;
        Ok(fixture)
    }

    /// A built-in fixture by name (`fresh`, `sign-blocked`, …).
    pub fn builtin(name: &str) -> Option<Fixture> {
        BUILTIN
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(n, text)| Fixture::from_toml(text, n).expect("built-in fixtures are valid"))
    }

    /// The built-in fresh card.
    pub fn fresh() -> Fixture {
        Fixture::builtin("fresh").expect("fresh is built in")
    }

    /// A built-in name, or a path to a TOML file.
    pub fn load(name_or_path: &str) -> Result<Fixture, FixtureError> {
        if let Some(f) = Fixture::builtin(name_or_path) {
            return Ok(f);
        }
        let text = crate::bounded::read_to_string(
            std::path::Path::new(name_or_path),
            crate::bounded::MAX_DATA_FILE,
        )
        .map_err(|source| FixtureError::Read {
            path: name_or_path.to_string(),
            source,
        })?;
        Fixture::from_toml(&text, name_or_path)
    }

    /// Serializes back to TOML (for `--sim-state`).
    pub fn to_toml(&self) -> String {
        toml::to_string_pretty(self).expect("a fixture always serializes")
    }

    fn validate(&self, origin: &str) -> Result<(), FixtureError> {
        let invalid = |message: String| FixtureError::Invalid {
            path: origin.to_string(),
            message,
        };
        if let Description::ByLanguage(m) = &self.description {
            if m.is_empty() {
                return Err(invalid(
                    "description = {} has no text: give at least one language (en = \"…\")".into(),
                ));
            }
        }
        if self.token.len() > usize::from(crate::layout::TOKEN_LEN) || !self.token.is_ascii() {
            return Err(invalid("token must be at most 32 ASCII characters".into()));
        }
        for (r, f) in &self.refs {
            if let Some(t) = f.tries_left {
                if t > r.max_tries() {
                    return Err(invalid(format!(
                        "refs.{}.tries_left = {t} is above the maximum {}",
                        r.id(),
                        r.max_tries()
                    )));
                }
            }
            if f.value.is_empty() || !f.value.is_ascii() {
                return Err(invalid(format!(
                    "refs.{}.value must be non-empty ASCII",
                    r.id()
                )));
            }
            if let Some(sw) = &f.query_sw {
                parse_sw(sw).map_err(|m| invalid(format!("refs.{}.query_sw: {m}", r.id())))?;
            }
            for sw in &f.query_sequence {
                parse_sw(sw)
                    .map_err(|m| invalid(format!("refs.{}.query_sequence: {m}", r.id())))?;
            }
            if f.query_sequence.len() > 256 {
                return Err(invalid(format!(
                    "refs.{}.query_sequence: at most 256 entries",
                    r.id()
                )));
            }
        }
        for (r, sw) in &self.faults.change_sw {
            parse_sw(sw).map_err(|m| invalid(format!("faults.change_sw.{}: {m}", r.id())))?;
        }
        for (i, rule) in self.faults.rules.iter().enumerate() {
            rule.check()
                .map_err(|m| invalid(format!("faults.rules[{}]: {m}", i + 1)))?;
        }
        atr_bytes(self.atr.as_deref()).map_err(invalid)?;
        self.person.check().map_err(invalid)?;
        // Only one expired test certificate exists (user authentication).
        if self.sign_certificate == CertificateState::Expired {
            return Err(invalid("sign_certificate cannot be \"expired\"".into()));
        }
        Ok(())
    }
}

/// `"63 C2"` / `"63C2"` → 0x63C2.
pub fn parse_sw(text: &str) -> Result<u16, String> {
    let bytes = mynapin_apdu::parse_spaced_hex(text).map_err(|e| e.to_string())?;
    match bytes[..] {
        [a, b] => Ok(u16::from_be_bytes([a, b])),
        _ => Err(format!("{text:?} is not a two-byte status word")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_parses() {
        for (name, _) in BUILTIN {
            assert!(Fixture::builtin(name).is_some(), "{name}");
        }
    }

    #[test]
    fn malformed_names_line_and_field() {
        let err = Fixture::from_toml("description = \"x\"\n[refs.auth]\nvalue = 1234\n", "t.toml")
            .unwrap_err()
            .to_string();
        assert!(err.contains("t.toml"), "{err}");
        assert!(err.contains("line 3"), "{err}");
        assert!(err.contains("value"), "{err}");
        let err = Fixture::from_toml(
            "description = \"x\"\n[refs.auth]\nvalue = \"1234\"\ntries_left = 4\n",
            "t.toml",
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("above the maximum 3"), "{err}");
    }

    #[test]
    fn descriptions_by_language_or_plain() {
        let f = Fixture::from_toml("description = { en = \"E\", ja = \"J\" }\n", "t").unwrap();
        assert_eq!(f.description.pick(&["ja", "en"]), "J");
        assert_eq!(f.description.pick(&["pt", "en", "ja"]), "E");
        assert_eq!(&*f.description, "E");
        let back = Fixture::from_toml(&f.to_toml(), "back").unwrap();
        assert_eq!(back.description, f.description);
        let only_ja = Fixture::from_toml("description = { ja = \"J\" }\n", "t").unwrap();
        assert_eq!(only_ja.description.pick(&["en"]), "J");
        let plain = Fixture::from_toml("description = \"P\"\n", "t").unwrap();
        assert_eq!(plain.description.pick(&["ja", "en"]), "P");
        assert_eq!(plain.description, Description::from("P"));
        let err = Fixture::from_toml("description = {}\n", "t")
            .unwrap_err()
            .to_string();
        assert!(err.contains("at least one language"), "{err}");
        assert!(Fixture::from_toml("description = 3\n", "t").is_err());
    }

    #[test]
    fn every_builtin_has_english_and_japanese() {
        for (name, _) in BUILTIN {
            let f = Fixture::builtin(name).unwrap();
            let Description::ByLanguage(m) = &f.description else {
                panic!("{name}: a plain description");
            };
            for tag in ["en", "ja"] {
                assert!(
                    m.get(tag).is_some_and(|t| !t.is_empty()),
                    "{name}: no {tag}"
                );
            }
        }
    }

    #[test]
    fn round_trips_through_toml() {
        for name in ["juki-mismatch", "count-rises", "change-acts-then-6c"] {
            let f = Fixture::builtin(name).unwrap();
            let back = Fixture::from_toml(&f.to_toml(), "x").unwrap();
            assert_eq!(f, back, "{name}");
        }
    }

    #[test]
    fn fault_rules_round_trip_and_are_checked() {
        let text = r#"
description = "x"
[refs.auth]
value = "1234"
query_sw = "63 CF"
query_sequence = ["63 C1", "63 C3"]
[faults.change_sw]
juki_common = "65 81"
[[faults.rules]]
match = "00 20 00 98"
nth = 2
when = "after"
sw = "61 10"
[[faults.rules]]
match = "80 32"
answer = ""
hold_ms = 5
"#;
        let f = Fixture::from_toml(text, "t").unwrap();
        assert_eq!(f.faults.rules.len(), 2);
        assert_eq!(f.faults.rules[0].when, FaultWhen::After);
        assert_eq!(f.faults.rules[1].answer.as_deref(), Some(""));
        let back = Fixture::from_toml(&f.to_toml(), "back").unwrap();
        assert_eq!(f, back);
        for (bad, says) in [
            ("match = \"zz\"\nsw = \"6C 00\"", "match"),
            ("match = \"00\"", "needs an action"),
            (
                "match = \"00\"\nsw = \"6C 00\"\nanswer = \"90\"",
                "not both",
            ),
            ("match = \"00\"\nnth = 0\nsw = \"6C 00\"", "nth"),
            ("match = \"00\"\nsw = \"6C\"", "sw"),
            ("match = \"00\"\nhold_ms = 600001", "hold_ms"),
        ] {
            let text = format!("description = \"x\"\n[[faults.rules]]\n{bad}\n");
            let err = Fixture::from_toml(&text, "t").unwrap_err().to_string();
            assert!(
                err.contains("faults.rules[1]") && err.contains(says),
                "{bad}: {err}"
            );
        }
    }

    #[test]
    fn fault_specs_parse_like_the_fixture() {
        let r = FaultRule::from_spec("match=00 20 00 98,nth=1,when=after,sw=6C00").unwrap();
        assert_eq!(r.matches, "00 20 00 98");
        assert_eq!((r.nth, r.when), (Some(1), FaultWhen::After));
        assert_eq!(r.sw.as_deref(), Some("6C00"));
        let r = FaultRule::from_spec("match=8032,answer=").unwrap();
        assert_eq!(r.answer.as_deref(), Some(""));
        assert_eq!(r.when, FaultWhen::Instead);
        assert!(FaultRule::from_spec("match=0024,hold_ms=10").is_ok());
        for bad in [
            "sw=6C00",
            "match=00,sw=6C00,color=red",
            "match=00,when=later,sw=6C00",
            "match=00,nth=x,sw=6C00",
            "match=00",
            "match=00;sw=6C00",
        ] {
            assert!(FaultRule::from_spec(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_test_number_passes_the_check_digit_rule() {
        let n = Person::default().my_number;
        let first: [u8; 11] = n.as_bytes()[..11].try_into().unwrap();
        assert_eq!(my_number_check_digit(&first), n.as_bytes()[11] - b'0');
        // A second example, computed by hand: 11111111111 → sum 47, 47 mod 11 = 3 → 8.
        assert_eq!(my_number_check_digit(b"11111111111"), 8);
    }

    #[test]
    fn atrs_are_presets_or_hex() {
        assert_eq!(atr_bytes(None).unwrap()[..2], [0x3B, 0xC5]);
        assert_eq!(
            atr_bytes(Some("3B 02 14 50")).unwrap(),
            [0x3B, 0x02, 0x14, 0x50]
        );
        assert!(atr_bytes(Some("jpki")).is_err());
        assert!(atr_bytes(Some("00 11")).is_err());
        // Every preset's check byte (TCK: the XOR of T0..TCK) is right.
        for (name, atr) in ATRS {
            assert_eq!(atr[1..].iter().fold(0, |a, b| a ^ b), 0, "{name}");
        }
    }

    #[test]
    fn endless_files_are_refused() {
        #[cfg(unix)]
        assert!(matches!(
            Fixture::load("/dev/zero"),
            Err(FixtureError::Read { .. })
        ));
    }
}
