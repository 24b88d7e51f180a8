//! The simulated card's persistent state as a TOML fixture (`sim/fixtures/cards/*.toml`).
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
    /// No source shows a real card making this check (card facts §8): the real answer is unknown.
    #[serde(default, skip_serializing_if = "is_false")]
    pub check_new_pin_format: bool,
    /// The answer-to-reset (card facts §8): `contact` (default), `contact-2`, `contactless`,
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
    /// The card's serial number (common DF record; 15 digits).
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
            // As a card writes them: U+3000 between family and given name, full-width
            // digits and hyphens (U+FF0D) in the address (card facts §9) [1].
            name: "試験\u{3000}花子".into(),
            address: "東京都千代田区試験町\u{FF11}\u{FF0D}\u{FF12}\u{FF0D}\u{FF13}".into(),
            birth: "19900101".into(),
            sex: "2".into(),
            card_serial: "999900000000001".into(),
            municipality_code: "13101".into(),
            card_expiry: "20350101".into(),
        }
    }
}

impl Person {
    fn is_default(&self) -> bool {
        *self == Person::default()
    }

    fn check(&self) -> Result<(), Invalid> {
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(&self.my_number, 12) {
            return Err(Invalid::MyNumberDigits);
        }
        for (field, v) in [
            ("person.birth", &self.birth),
            ("person.card_expiry", &self.card_expiry),
        ] {
            if !digits(v, 8) {
                return Err(Invalid::DateFormat { field });
            }
        }
        if !digits(&self.municipality_code, 5) {
            return Err(Invalid::MunicipalityDigits);
        }
        if !digits(&self.card_serial, 15) {
            return Err(Invalid::SerialLength);
        }
        if self.sex.len() != 1 || !self.sex.is_ascii() {
            return Err(Invalid::Sex);
        }
        for (field, v) in [
            ("person.name", &self.name),
            ("person.address", &self.address),
        ] {
            if v.len() > 200 {
                return Err(Invalid::TooLong { field, max: 200 });
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

/// The ATR presets (card facts §8, from pcsc-tools' list and OpenSC #3021 [2+]).
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
pub fn atr_bytes(atr: Option<&str>) -> Result<Vec<u8>, Invalid> {
    let name = atr.unwrap_or("contact");
    if let Some((_, bytes)) = ATRS.iter().find(|(n, _)| *n == name) {
        return Ok(bytes.to_vec());
    }
    let bytes = mynapin_apdu::parse_spaced_hex(name).map_err(|_| Invalid::AtrName {
        name: name.to_string(),
    })?;
    if !(2..=33).contains(&bytes.len()) || !matches!(bytes[0], 0x3B | 0x3F) {
        return Err(Invalid::AtrBytes);
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
    /// Checks the rule; the reason names the field.
    pub fn check(&self) -> Result<(), Invalid> {
        parse_hex(&self.matches).map_err(|r| r.at("match"))?;
        if self.nth == Some(0) {
            return Err(Invalid::NthFromOne);
        }
        if self.sw.is_some() && self.answer.is_some() {
            return Err(Invalid::SwAndAnswer);
        }
        if self.sw.is_none() && self.answer.is_none() && self.hold_ms.is_none() {
            return Err(Invalid::NoAction);
        }
        if let Some(sw) = &self.sw {
            parse_sw(sw).map_err(|r| r.at("sw"))?;
        }
        if let Some(a) = &self.answer {
            let bytes = parse_hex(a).map_err(|r| r.at("answer"))?;
            if bytes.len() > 258 {
                return Err(Invalid::TooLong {
                    field: "answer",
                    max: 258,
                });
            }
        }
        if self.hold_ms.is_some_and(|h| h > MAX_HOLD_MS) {
            return Err(Invalid::HoldTooLong { max: MAX_HOLD_MS });
        }
        Ok(())
    }

    /// Parses the command-line form `match=00200098,nth=1,when=after,sw=6C00` (the fixture's
    /// keys; hex with or without spaces).
    pub fn from_spec(spec: &str) -> Result<FaultRule, Invalid> {
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
                .ok_or_else(|| Invalid::ExpectedKeyValue {
                    part: part.to_string(),
                })?;
            let v = v.trim();
            let number = |key: &'static str| {
                v.parse::<u64>().map_err(|_| Invalid::NotANumber {
                    key,
                    value: v.to_string(),
                })
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
                        _ => {
                            return Err(Invalid::BadWhen {
                                value: v.to_string(),
                            })
                        }
                    }
                }
                "sw" => rule.sw = Some(v.to_string()),
                "answer" => rule.answer = Some(v.to_string()),
                "hold_ms" => rule.hold_ms = Some(number("hold_ms")?),
                other => {
                    return Err(Invalid::UnknownKey {
                        key: other.to_string(),
                    })
                }
            }
        }
        if !has_match {
            return Err(Invalid::NeedsMatch);
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
    ("fresh", include_str!("../fixtures/cards/fresh.toml")),
    (
        "sign-blocked",
        include_str!("../fixtures/cards/sign-blocked.toml"),
    ),
    (
        "auth-last-try",
        include_str!("../fixtures/cards/auth-last-try.toml"),
    ),
    (
        "juki-mismatch",
        include_str!("../fixtures/cards/juki-mismatch.toml"),
    ),
    ("under-15", include_str!("../fixtures/cards/under-15.toml")),
    (
        "juki-card",
        include_str!("../fixtures/cards/juki-card.toml"),
    ),
    (
        "not-mynumber",
        include_str!("../fixtures/cards/not-mynumber.toml"),
    ),
    (
        "smartphone",
        include_str!("../fixtures/cards/smartphone.toml"),
    ),
    (
        "quirky-counters",
        include_str!("../fixtures/cards/quirky-counters.toml"),
    ),
    (
        "no-short-query",
        include_str!("../fixtures/cards/no-short-query.toml"),
    ),
    (
        "all-blocked",
        include_str!("../fixtures/cards/all-blocked.toml"),
    ),
    (
        "auth-expired",
        include_str!("../fixtures/cards/auth-expired.toml"),
    ),
    (
        "change-fails-juki-common",
        include_str!("../fixtures/cards/change-fails-juki-common.toml"),
    ),
    (
        "no-sfi-read",
        include_str!("../fixtures/cards/no-sfi-read.toml"),
    ),
    (
        "count-above-max",
        include_str!("../fixtures/cards/count-above-max.toml"),
    ),
    (
        "count-rises",
        include_str!("../fixtures/cards/count-rises.toml"),
    ),
    (
        "change-acts-then-6c",
        include_str!("../fixtures/cards/change-acts-then-6c.toml"),
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
    #[error("fixture {path}: {reason}")]
    Invalid {
        /// The path or built-in name.
        path: String,
        /// What is wrong.
        reason: Invalid,
    },
}

/// The rule a fixture's value (or a `sim serve --fault` spec) breaks. The CLI words it in
/// the reader's language; `Display` is English, for logs and tests. Texts from the file
/// (`part`, `key`, `value`, `text`, `name`) are as written: sanitize them before printing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Invalid {
    /// Where the reason applies: `refs.auth.query_sw`, `faults.rules[2]`, `sw`, `match`.
    #[error("{field}: {reason}")]
    At {
        /// The field's path.
        field: String,
        /// What is wrong there.
        reason: Box<Invalid>,
    },
    /// `description = {}`.
    #[error("description = {{}} has no text: give at least one language (en = \"…\")")]
    NoDescription,
    /// `token` too long or not ASCII.
    #[error("token must be at most {max} ASCII characters")]
    Token {
        /// The longest token.
        max: usize,
    },
    /// `refs.X.tries_left` above the reference's maximum.
    #[error("{field} = {tries} is above the maximum {max}")]
    TriesAboveMax {
        /// `refs.X.tries_left`.
        field: String,
        /// The value given.
        tries: u8,
        /// The reference's maximum.
        max: u8,
    },
    /// `refs.X.value` empty or not ASCII.
    #[error("{field} must be non-empty ASCII")]
    RefValue {
        /// `refs.X.value`.
        field: String,
    },
    /// A list with too many entries (`refs.X.query_sequence`).
    #[error("{field}: at most {max} entries")]
    TooManyEntries {
        /// The list's path.
        field: String,
        /// The most entries.
        max: usize,
    },
    /// `sign_certificate = "expired"`: only the user-authentication slot has one.
    #[error("sign_certificate cannot be \"expired\"")]
    SignExpired,
    /// `person.my_number` is not 12 digits.
    #[error("person.my_number must be 12 digits")]
    MyNumberDigits,
    /// A date that is not `YYYYMMDD`.
    #[error("{field} must be YYYYMMDD")]
    DateFormat {
        /// `person.birth` or `person.card_expiry`.
        field: &'static str,
    },
    /// `person.municipality_code` is not 5 digits.
    #[error("person.municipality_code must be 5 digits")]
    MunicipalityDigits,
    /// `person.card_serial` is not 15 digits.
    #[error("person.card_serial must be 15 digits")]
    SerialLength,
    /// `person.sex` is not one ISO 5218 code.
    #[error("person.sex must be one ISO 5218 code")]
    Sex,
    /// A text or answer longer than allowed.
    #[error("{field}: at most {max} bytes")]
    TooLong {
        /// `person.name`, `person.address`, `answer`.
        field: &'static str,
        /// The most bytes.
        max: usize,
    },
    /// `atr` is neither a preset ([`ATRS`]) nor hex.
    #[error("atr: {name:?} is not one of {} nor hex bytes", atr_names().join(", "))]
    AtrName {
        /// The value given.
        name: String,
    },
    /// `atr` hex of the wrong length or first byte.
    #[error("atr: 2 to 33 bytes starting 3B or 3F")]
    AtrBytes,
    /// `nth = 0`.
    #[error("nth counts from 1")]
    NthFromOne,
    /// Both `sw` and `answer`.
    #[error("give sw or answer, not both")]
    SwAndAnswer,
    /// None of `sw`, `answer`, `hold_ms`.
    #[error("needs an action: sw, answer or hold_ms")]
    NoAction,
    /// `hold_ms` above [`MAX_HOLD_MS`].
    #[error("hold_ms: at most {max}")]
    HoldTooLong {
        /// The longest hold, in milliseconds.
        max: u64,
    },
    /// Not an even number of hex digits.
    #[error("{text:?}: not hex at character {position}")]
    BadHex {
        /// The value given.
        text: String,
        /// Byte offset of the first bad character; the length when the count is odd.
        position: usize,
    },
    /// Hex that is not two bytes.
    #[error("{text:?} is not a two-byte status word")]
    BadSw {
        /// The value given.
        text: String,
    },
    /// A `--fault` part without `=`.
    #[error("{part:?}: expected KEY=VALUE")]
    ExpectedKeyValue {
        /// The part as given.
        part: String,
    },
    /// A `--fault` number that is not one.
    #[error("{key}: {value:?} is not a number")]
    NotANumber {
        /// `nth` or `hold_ms`.
        key: &'static str,
        /// The value given.
        value: String,
    },
    /// A `--fault` `when` that is not `instead` or `after`.
    #[error("when: {value:?} is not \"instead\" or \"after\"")]
    BadWhen {
        /// The value given.
        value: String,
    },
    /// A `--fault` key that a rule does not have.
    #[error("unknown key {key:?} ({})", FAULT_KEYS.join(", "))]
    UnknownKey {
        /// The key given.
        key: String,
    },
    /// A `--fault` spec without `match=`.
    #[error("needs match=HEX (a prefix of the command APDU)")]
    NeedsMatch,
}

impl Invalid {
    /// This reason, at `field`.
    pub fn at(self, field: impl Into<String>) -> Invalid {
        Invalid::At {
            field: field.into(),
            reason: Box::new(self),
        }
    }
}

/// The keys of a fault rule (`[[faults.rules]]`, `--fault`).
pub const FAULT_KEYS: &[&str] = &["match", "nth", "when", "sw", "answer", "hold_ms"];

/// The ATR presets' names.
pub fn atr_names() -> Vec<&'static str> {
    ATRS.iter().map(|(n, _)| *n).collect()
}

/// Spaced hex, or why not.
fn parse_hex(text: &str) -> Result<Vec<u8>, Invalid> {
    mynapin_apdu::parse_spaced_hex(text).map_err(|e| Invalid::BadHex {
        text: text.to_string(),
        position: e.position,
    })
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
        let invalid = |reason: Invalid| FixtureError::Invalid {
            path: origin.to_string(),
            reason,
        };
        if let Description::ByLanguage(m) = &self.description {
            if m.is_empty() {
                return Err(invalid(Invalid::NoDescription));
            }
        }
        let max = usize::from(crate::layout::TOKEN_LEN);
        if self.token.len() > max || !self.token.is_ascii() {
            return Err(invalid(Invalid::Token { max }));
        }
        for (r, f) in &self.refs {
            let id = r.id();
            if let Some(t) = f.tries_left {
                if t > r.max_tries() {
                    return Err(invalid(Invalid::TriesAboveMax {
                        field: format!("refs.{id}.tries_left"),
                        tries: t,
                        max: r.max_tries(),
                    }));
                }
            }
            if f.value.is_empty() || !f.value.is_ascii() {
                return Err(invalid(Invalid::RefValue {
                    field: format!("refs.{id}.value"),
                }));
            }
            if let Some(sw) = &f.query_sw {
                parse_sw(sw).map_err(|m| invalid(m.at(format!("refs.{id}.query_sw"))))?;
            }
            for sw in &f.query_sequence {
                parse_sw(sw).map_err(|m| invalid(m.at(format!("refs.{id}.query_sequence"))))?;
            }
            if f.query_sequence.len() > 256 {
                return Err(invalid(Invalid::TooManyEntries {
                    field: format!("refs.{id}.query_sequence"),
                    max: 256,
                }));
            }
        }
        for (r, sw) in &self.faults.change_sw {
            parse_sw(sw).map_err(|m| invalid(m.at(format!("faults.change_sw.{}", r.id()))))?;
        }
        for (i, rule) in self.faults.rules.iter().enumerate() {
            rule.check()
                .map_err(|m| invalid(m.at(format!("faults.rules[{}]", i + 1))))?;
        }
        atr_bytes(self.atr.as_deref()).map_err(invalid)?;
        self.person.check().map_err(invalid)?;
        // Only one expired test certificate exists (user authentication).
        if self.sign_certificate == CertificateState::Expired {
            return Err(invalid(Invalid::SignExpired));
        }
        Ok(())
    }
}

/// `"63 C2"` / `"63C2"` → 0x63C2.
pub fn parse_sw(text: &str) -> Result<u16, Invalid> {
    let bytes = parse_hex(text)?;
    match bytes[..] {
        [a, b] => Ok(u16::from_be_bytes([a, b])),
        _ => Err(Invalid::BadSw {
            text: text.to_string(),
        }),
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
    fn reasons_are_typed() {
        let spec = |s: &str| FaultRule::from_spec(s).unwrap_err();
        assert_eq!(spec("sw=6C00"), Invalid::NeedsMatch);
        assert_eq!(
            spec("match=00,color=red"),
            Invalid::UnknownKey {
                key: "color".into()
            }
        );
        assert_eq!(
            spec("match=00,sw"),
            Invalid::ExpectedKeyValue { part: "sw".into() }
        );
        assert_eq!(
            spec("match=00,nth=x,sw=6C00"),
            Invalid::NotANumber {
                key: "nth",
                value: "x".into()
            }
        );
        assert_eq!(
            spec("match=00,when=later,sw=6C00"),
            Invalid::BadWhen {
                value: "later".into()
            }
        );
        assert_eq!(spec("match=00"), Invalid::NoAction);
        assert_eq!(spec("match=00,nth=0,sw=6C00"), Invalid::NthFromOne);
        assert_eq!(spec("match=00,sw=6C00,answer=90"), Invalid::SwAndAnswer);
        assert_eq!(
            spec("match=00,sw=6C"),
            Invalid::BadSw { text: "6C".into() }.at("sw")
        );
        assert_eq!(
            spec("match=0g,sw=6C00"),
            Invalid::BadHex {
                text: "0g".into(),
                position: 1
            }
            .at("match")
        );
        assert_eq!(
            parse_sw("6C0"),
            Err(Invalid::BadHex {
                text: "6C0".into(),
                position: 3
            })
        );
        let fixture =
            |extra: &str| match Fixture::from_toml(&format!("description = \"x\"\n{extra}\n"), "t")
            {
                Err(FixtureError::Invalid { reason, .. }) => reason,
                other => panic!("{extra}: {other:?}"),
            };
        assert_eq!(
            fixture("[person]\ncard_expiry = \"2035\""),
            Invalid::DateFormat {
                field: "person.card_expiry"
            }
        );
        assert_eq!(fixture("atr = \"00 11\""), Invalid::AtrBytes);
        assert_eq!(
            fixture("sign_certificate = \"expired\""),
            Invalid::SignExpired
        );
        assert_eq!(
            fixture("[refs.auth]\nvalue = \"1234\"\nquery_sw = \"6\""),
            Invalid::BadHex {
                text: "6".into(),
                position: 1
            }
            .at("refs.auth.query_sw")
        );
        // The English words stay for logs.
        assert_eq!(
            Invalid::UnknownKey { key: "x".into() }.to_string(),
            "unknown key \"x\" (match, nth, when, sw, answer, hold_ms)"
        );
        assert_eq!(
            Invalid::AtrName { name: "x".into() }.to_string(),
            "atr: \"x\" is not one of contact, contact-2, contactless, contactless-2, \
             contactless-3, juki-card, other nor hex bytes"
        );
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
