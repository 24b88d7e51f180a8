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
    /// One line saying what this card is for.
    pub description: String,
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
    /// Key references (by id: `auth`, `sign`, `kenhojo`, `juki_ap`, `juki_common`,
    /// `kenhojo_a`, `kenhojo_b`, `kenmen_a`, `kenmen_b`, `kenmen_birth`).
    #[serde(default)]
    pub refs: BTreeMap<KeyRef, RefFixture>,
    /// Faults to inject, for tests.
    #[serde(default, skip_serializing_if = "Faults::is_empty")]
    pub faults: Faults,
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
    /// (e.g. `"90 00"` or `"63 00"`, which mean "count not reported", never zero).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query_sw: Option<String>,
}

/// Faults to inject.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Faults {
    /// Answer CHANGE REFERENCE DATA / CHANGE KEY on these references with this status word
    /// (e.g. `juki_common = "65 81"`) and change nothing, even after a good VERIFY.
    #[serde(default)]
    pub change_sw: BTreeMap<KeyRef, String>,
}

impl Faults {
    fn is_empty(&self) -> bool {
        self.change_sw.is_empty()
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
];

/// Why a fixture could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum FixtureError {
    /// Not a built-in name and not a readable file.
    #[error("cannot read fixture {path}: {source}")]
    Read {
        /// The path as given.
        path: String,
        /// The I/O error.
        source: std::io::Error,
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
        let text = std::fs::read_to_string(name_or_path).map_err(|source| FixtureError::Read {
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
        }
        for (r, sw) in &self.faults.change_sw {
            parse_sw(sw).map_err(|m| invalid(format!("faults.change_sw.{}: {m}", r.id())))?;
        }
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
    fn round_trips_through_toml() {
        let f = Fixture::builtin("juki-mismatch").unwrap();
        let back = Fixture::from_toml(&f.to_toml(), "x").unwrap();
        assert_eq!(f, back);
    }
}
