//! APDU processing of the simulated card.

use super::fixture::{
    default_value, parse_sw, CertificateState, FaultRule, FaultWhen, Fixture, RefFixture,
};
use crate::layout::{jpki_ef, token, Applet, KeyRef, PinFormat, TOKEN_LEN};
use mynapin_apdu::{Command, Response, StatusWord};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

static AUTH_CERT_VALID: &[u8] = include_bytes!("../../fixtures/certs/auth-valid.der");
static AUTH_CERT_EXPIRED: &[u8] = include_bytes!("../../fixtures/certs/auth-expired.der");
static AUTH_CA_CERT: &[u8] = include_bytes!("../../fixtures/certs/auth-ca.der");
static SIGN_CERT_VALID: &[u8] = include_bytes!("../../fixtures/certs/sign-valid.der");
static SIGN_CA_CERT: &[u8] = include_bytes!("../../fixtures/certs/sign-ca.der");

/// One key reference's persistent state.
#[derive(Debug, Clone)]
struct KeyState {
    value: Vec<u8>,
    tries_left: u8,
    present: bool,
    query_sw: Option<u16>,
    /// Hostile card: answers to the first counter queries, in turn.
    query_sequence: Vec<u16>,
    /// How many of `query_sequence` were answered.
    queries_seen: usize,
    change_fault: Option<u16>,
}

/// A fault rule, compiled, with its count of matching commands.
#[derive(Debug, Clone)]
struct ActiveRule {
    prefix: Vec<u8>,
    nth: Option<u64>,
    when: FaultWhen,
    /// The replacement answer (a status word or raw bytes), if any.
    answer: Option<Vec<u8>>,
    /// A `61 xx` status word: keep the real answer for GET RESPONSE.
    keeps_pending: bool,
    hold: Option<std::time::Duration>,
    seen: u64,
}

impl ActiveRule {
    fn new(rule: &FaultRule) -> ActiveRule {
        let sw = rule.sw.as_deref().and_then(|s| parse_sw(s).ok());
        let answer = match (sw, &rule.answer) {
            (Some(sw), _) => Some(sw.to_be_bytes().to_vec()),
            (None, Some(a)) => mynapin_apdu::parse_spaced_hex(a).ok(),
            (None, None) => None,
        };
        ActiveRule {
            prefix: mynapin_apdu::parse_spaced_hex(&rule.matches).unwrap_or_default(),
            nth: rule.nth,
            when: rule.when,
            answer,
            keeps_pending: sw.is_some_and(|sw| sw >> 8 == 0x61) && rule.when == FaultWhen::After,
            hold: rule.hold_ms.map(std::time::Duration::from_millis),
            seen: 0,
        }
    }
}

/// What an EF of the current DF is.
enum File {
    Key(KeyRef),
    Binary {
        content: Cow<'static, [u8]>,
        /// A key reference that must be verified before reading.
        protected_by: Option<KeyRef>,
    },
}

/// A simulated My Number card (or, per fixture, an old Juki card, a smartphone token or a card
/// that is not a My Number card at all).
#[derive(Debug, Clone)]
pub struct SimCard {
    fixture: Fixture,
    keys: BTreeMap<KeyRef, KeyState>,
    // Volatile state, cleared by power-down and reset.
    current_df: Option<Applet>,
    current_ef: Option<[u8; 2]>,
    verified: BTreeSet<KeyRef>,
    /// The real answer a `61 xx` fault kept for GET RESPONSE.
    pending: Option<Vec<u8>>,
    /// Fault rules: the fixture's, then those added with [`SimCard::add_fault`].
    rules: Vec<ActiveRule>,
    apdus: u64,
}

impl SimCard {
    /// A card in the state `fixture` describes, powered up, nothing selected.
    pub fn new(fixture: Fixture) -> SimCard {
        let mut keys = BTreeMap::new();
        for r in KeyRef::ALL {
            let f = fixture.refs.get(&r);
            let value = f.map_or(default_value(r), |f| f.value.as_str());
            keys.insert(
                r,
                KeyState {
                    value: value.as_bytes().to_vec(),
                    tries_left: f.and_then(|f| f.tries_left).unwrap_or(r.max_tries()),
                    present: f.is_none_or(|f| f.present),
                    query_sw: f
                        .and_then(|f| f.query_sw.as_deref())
                        .and_then(|s| parse_sw(s).ok()),
                    query_sequence: f
                        .map(|f| {
                            f.query_sequence
                                .iter()
                                .filter_map(|s| parse_sw(s).ok())
                                .collect()
                        })
                        .unwrap_or_default(),
                    queries_seen: 0,
                    change_fault: fixture
                        .faults
                        .change_sw
                        .get(&r)
                        .and_then(|s| parse_sw(s).ok()),
                },
            );
        }
        let rules = fixture.faults.rules.iter().map(ActiveRule::new).collect();
        SimCard {
            fixture,
            keys,
            current_df: None,
            current_ef: None,
            verified: BTreeSet::new(),
            pending: None,
            rules,
            apdus: 0,
        }
    }

    /// Adds a fault rule for this run only (`sim serve --fault`): it is not part of
    /// [`SimCard::to_fixture`], so a state file does not keep it. Rules are checked in order:
    /// the fixture's first.
    pub fn add_fault(&mut self, rule: &FaultRule) {
        self.rules.push(ActiveRule::new(rule));
    }

    /// The persistent state as a fixture (for `--sim-state`).
    pub fn to_fixture(&self) -> Fixture {
        let mut f = self.fixture.clone();
        f.refs = self
            .keys
            .iter()
            .map(|(r, k)| {
                let old = self.fixture.refs.get(r);
                (
                    *r,
                    RefFixture {
                        value: String::from_utf8_lossy(&k.value).into_owned(),
                        tries_left: Some(k.tries_left),
                        present: k.present,
                        query_sw: old.and_then(|o| o.query_sw.clone()),
                        query_sequence: old.map(|o| o.query_sequence.clone()).unwrap_or_default(),
                    },
                )
            })
            .collect();
        f
    }

    /// The fixture's one-line description.
    pub fn description(&self) -> &str {
        &self.fixture.description
    }

    /// Tries left on `r` (for tests that check counters step by step).
    pub fn tries_left(&self, r: KeyRef) -> u8 {
        self.keys[&r].tries_left
    }

    /// True when `value` is the current value of `r` (for tests).
    pub fn value_is(&self, r: KeyRef, value: &str) -> bool {
        self.keys[&r].value == value.as_bytes()
    }

    /// Number of command APDUs processed since creation.
    pub fn apdu_count(&self) -> u64 {
        self.apdus
    }

    /// The answer-to-reset: T=1, the bytes that make OpenSC pick its JPKI driver directly
    /// (`shared/docs/pcsc-simulation.md`).
    pub fn atr(&self) -> &'static [u8] {
        &[0x3B, 0xE0, 0x00, 0xFF, 0x81, 0x31, 0xFE, 0x45, 0x14]
    }

    /// Power-down: volatile state (selection, verified status) is lost.
    pub fn power_off(&mut self) {
        self.clear_volatile();
    }

    /// Warm or cold reset: volatile state is lost.
    pub fn reset(&mut self) {
        self.clear_volatile();
    }

    fn clear_volatile(&mut self) {
        self.current_df = None;
        self.current_ef = None;
        self.verified.clear();
    }

    /// Processes one command APDU and returns the response bytes: data and status word, or,
    /// under a fault rule, whatever the rule says (possibly empty or one byte).
    pub fn process(&mut self, apdu: &[u8]) -> Vec<u8> {
        self.apdus += 1;
        // GET RESPONSE must come right after the answer it continues.
        let pending = self.pending.take();
        let Some(i) = self.fault_for(apdu) else {
            return self.answer(apdu, pending);
        };
        let rule = self.rules[i].clone();
        match rule.when {
            FaultWhen::Instead => {
                self.hold(&rule, apdu);
                match rule.answer {
                    Some(a) => a,
                    None => self.answer(apdu, pending),
                }
            }
            FaultWhen::After => {
                let real = self.answer(apdu, pending);
                self.hold(&rule, apdu);
                match rule.answer {
                    Some(a) => {
                        if rule.keeps_pending {
                            self.pending = Some(real);
                        }
                        a
                    }
                    None => real,
                }
            }
        }
    }

    /// Counts `apdu` against every rule it matches; the first rule that fires on it.
    fn fault_for(&mut self, apdu: &[u8]) -> Option<usize> {
        let mut fired = None;
        for (i, r) in self.rules.iter_mut().enumerate() {
            if apdu.starts_with(&r.prefix) {
                r.seen += 1;
                if fired.is_none() && r.nth.is_none_or(|n| n == r.seen) {
                    fired = Some(i);
                }
            }
        }
        fired
    }

    fn hold(&self, rule: &ActiveRule, apdu: &[u8]) {
        if let Some(d) = rule.hold {
            let header = mynapin_apdu::spaced_hex(&apdu[..apdu.len().min(4)]);
            eprintln!(
                "mynapin sim: holding APDU {} ({header}) for {} ms",
                self.apdus,
                d.as_millis()
            );
            std::thread::sleep(d);
        }
    }

    /// The card's own answer.
    fn answer(&mut self, apdu: &[u8], pending: Option<Vec<u8>>) -> Vec<u8> {
        let response = match Command::parse(apdu) {
            Ok(cmd) if (cmd.cla(), cmd.ins()) == (0x00, 0xC0) => {
                return self.get_response(&cmd, pending)
            }
            Ok(cmd) => self.dispatch(&cmd),
            Err(_) => Response::status(StatusWord::WrongLength),
        };
        response.to_bytes()
    }

    /// GET RESPONSE `00 C0 00 00 Le`: the answer a `61 xx` fault kept, in pieces of Le.
    fn get_response(&mut self, cmd: &Command, pending: Option<Vec<u8>>) -> Vec<u8> {
        use StatusWord as Sw;
        let Some(real) = pending else {
            // Nothing is pending: the card itself never answers 61 xx.
            return Response::status(Sw::ConditionsNotSatisfied).to_bytes();
        };
        if (cmd.p1(), cmd.p2()) != (0, 0) {
            self.pending = Some(real);
            return Response::status(Sw::IncorrectP1P2).to_bytes();
        }
        let (Some(le), true) = (cmd.le(), cmd.data().is_empty()) else {
            self.pending = Some(real);
            return Response::status(Sw::WrongLength).to_bytes();
        };
        let split = real.len().saturating_sub(2);
        let (data, sw) = real.split_at(split);
        let n = data.len().min(le as usize);
        let mut out = data[..n].to_vec();
        let rest = &data[n..];
        if rest.is_empty() {
            out.extend_from_slice(sw);
        } else {
            out.extend_from_slice(&[0x61, rest.len().min(255) as u8]);
            let mut kept = rest.to_vec();
            kept.extend_from_slice(sw);
            self.pending = Some(kept);
        }
        out
    }

    fn dispatch(&mut self, cmd: &Command) -> Response {
        use StatusWord as Sw;
        match (cmd.cla(), cmd.ins()) {
            (0x00, 0xA4) => Response::status(self.select(cmd)),
            (0x00, 0x20) => Response::status(self.verify(cmd)),
            (0x00, 0x24) => Response::status(self.change(cmd, false)),
            (0x80, 0x32) => Response::status(self.change(cmd, true)),
            (0x00, 0xB0) => self.read_binary(cmd),
            (0x00 | 0x80, _) => Response::status(Sw::InsNotSupported),
            (cla, _) if cla & 0x0C != 0 && cla & 0x80 == 0 => {
                Response::status(Sw::SecureMessagingNotSupported)
            }
            _ => Response::status(Sw::ClaNotSupported),
        }
    }

    fn has_applet(&self, a: Applet) -> bool {
        self.fixture.applets.contains(&a)
    }

    fn select(&mut self, cmd: &Command) -> StatusWord {
        use StatusWord as Sw;
        if !matches!(cmd.p2(), 0x0C | 0x00) {
            return Sw::IncorrectP1P2;
        }
        match cmd.p1() {
            // SELECT DF by name: the full AID must match.
            0x04 => {
                let found = Applet::ALL
                    .into_iter()
                    .find(|a| self.has_applet(*a) && a.aid()[..] == *cmd.data());
                match found {
                    Some(a) => {
                        if self.current_df != Some(a) {
                            self.verified.clear();
                        }
                        self.current_df = Some(a);
                        self.current_ef = None;
                        Sw::Success
                    }
                    None => Sw::FileNotFound,
                }
            }
            // SELECT EF under the current DF.
            0x02 => {
                let Ok(fid) = <[u8; 2]>::try_from(cmd.data()) else {
                    return Sw::WrongLength;
                };
                match self.current_df {
                    Some(df) if self.file(df, fid).is_some() => {
                        self.current_ef = Some(fid);
                        Sw::Success
                    }
                    _ => Sw::FileNotFound,
                }
            }
            // SELECT by file id: only the MF is known at this level.
            0x00 => match cmd.data() {
                [] | [0x3F, 0x00] => {
                    self.clear_volatile();
                    Sw::Success
                }
                _ => Sw::FileNotFound,
            },
            _ => Sw::IncorrectP1P2,
        }
    }

    /// The EF `fid` of `df`, if it exists on this card.
    fn file(&self, df: Applet, fid: [u8; 2]) -> Option<File> {
        if let Some(r) = KeyRef::ALL
            .into_iter()
            .find(|r| r.applet() == df && r.ef() == fid)
        {
            return self.keys[&r].present.then_some(File::Key(r));
        }
        if df != Applet::Jpki {
            return None;
        }
        let f = &self.fixture;
        let binary = |content: &'static [u8]| File::Binary {
            content: Cow::Borrowed(content),
            protected_by: None,
        };
        match fid {
            jpki_ef::TOKEN => {
                let mut label = f.token.as_bytes().to_vec();
                label.resize(usize::from(TOKEN_LEN), b' ');
                Some(File::Binary {
                    content: Cow::Owned(label),
                    protected_by: None,
                })
            }
            jpki_ef::CERT_FLAGS if f.token == token::MY_NUMBER_CARD => {
                // `8F 8F 00` with both certificates [1]; which byte is which is inferred [?].
                let flag = |c: CertificateState| {
                    if c == CertificateState::Absent {
                        0
                    } else {
                        0x8F
                    }
                };
                Some(File::Binary {
                    content: Cow::Owned(vec![
                        flag(f.sign_certificate),
                        flag(f.auth_certificate),
                        0,
                    ]),
                    protected_by: None,
                })
            }
            jpki_ef::AUTH_CERT => match f.auth_certificate {
                CertificateState::Valid => Some(binary(AUTH_CERT_VALID)),
                CertificateState::Expired => Some(binary(AUTH_CERT_EXPIRED)),
                CertificateState::Absent => None,
            },
            jpki_ef::SIGN_CERT => match f.sign_certificate {
                CertificateState::Absent => None,
                _ => Some(File::Binary {
                    content: Cow::Borrowed(SIGN_CERT_VALID),
                    protected_by: Some(KeyRef::Sign),
                }),
            },
            jpki_ef::AUTH_CA_CERT if f.ca_certificates => Some(binary(AUTH_CA_CERT)),
            jpki_ef::SIGN_CA_CERT if f.ca_certificates => Some(binary(SIGN_CA_CERT)),
            _ => None,
        }
    }

    /// The key reference a VERIFY-family command addresses: P2 = 80 → the current EF;
    /// P2 = 80|sfi → the key EF `00 sfi` of the current DF.
    fn addressed_key(&self, p2: u8, allow_short: bool) -> Result<KeyRef, StatusWord> {
        use StatusWord as Sw;
        let df = self.current_df.ok_or(Sw::CommandNotAllowed)?;
        let fid = match p2 {
            0x80 => self.current_ef.ok_or(Sw::CommandNotAllowed)?,
            0x81..=0x9E if allow_short => {
                if !self.fixture.short_reference_query {
                    return Err(Sw::IncorrectP1P2);
                }
                [0x00, p2 & 0x1F]
            }
            _ => return Err(Sw::IncorrectP1P2),
        };
        match self.file(df, fid) {
            Some(File::Key(r)) => Ok(r),
            Some(File::Binary { .. }) => Err(Sw::IncompatibleFileStructure),
            None => Err(Sw::ReferencedDataNotFound),
        }
    }

    fn verify(&mut self, cmd: &Command) -> StatusWord {
        use StatusWord as Sw;
        if cmd.p1() != 0x00 {
            return Sw::IncorrectP1P2;
        }
        if cmd.le().is_some() {
            // `00 20 00 80 00` is not the counter query: peers that send it get an error.
            return Sw::WrongLength;
        }
        let is_query = cmd.data().is_empty();
        let r = match self.addressed_key(cmd.p2(), is_query) {
            Ok(r) => r,
            Err(sw) => return sw,
        };
        let key = self.keys.get_mut(&r).expect("every key has a state");
        if is_query {
            if let Some(&sw) = key.query_sequence.get(key.queries_seen) {
                key.queries_seen += 1;
                return Sw::from_u16(sw);
            }
            if let Some(sw) = key.query_sw {
                return Sw::from_u16(sw);
            }
            return Sw::RetriesLeft(key.tries_left);
        }
        if key.tries_left == 0 {
            return Sw::ReferenceDataNotUsable;
        }
        if key.value == cmd.data() {
            key.tries_left = r.max_tries();
            self.verified.insert(r);
            Sw::Success
        } else {
            key.tries_left -= 1;
            self.verified.remove(&r);
            Sw::RetriesLeft(key.tries_left)
        }
    }

    fn change(&mut self, cmd: &Command, change_key: bool) -> StatusWord {
        use StatusWord as Sw;
        let expected_p1 = if change_key { 0x00 } else { 0x01 };
        if cmd.p1() != expected_p1 || cmd.p2() != 0x80 {
            return Sw::IncorrectP1P2;
        }
        if cmd.data().is_empty() {
            return Sw::WrongLength;
        }
        let r = match self.addressed_key(0x80, false) {
            Ok(r) => r,
            Err(sw) => return sw,
        };
        // Juki references take JICSAP CHANGE KEY; the others take CHANGE REFERENCE DATA.
        if r.is_juki() != change_key {
            return Sw::IncompatibleFileStructure;
        }
        if !self.verified.contains(&r) {
            return Sw::SecurityStatusNotSatisfied;
        }
        if !well_formed(r.format(), cmd.data()) {
            return Sw::IncorrectData;
        }
        let key = self.keys.get_mut(&r).expect("every key has a state");
        if let Some(sw) = key.change_fault {
            return Sw::from_u16(sw);
        }
        key.value = cmd.data().to_vec();
        key.tries_left = r.max_tries();
        Sw::Success
    }

    fn read_binary(&mut self, cmd: &Command) -> Response {
        use StatusWord as Sw;
        if cmd.p1() & 0x80 != 0 {
            return Response::status(Sw::FunctionNotSupported);
        }
        let (Some(le), true) = (cmd.le(), cmd.data().is_empty()) else {
            return Response::status(Sw::WrongLength);
        };
        let (Some(df), Some(ef)) = (self.current_df, self.current_ef) else {
            return Response::status(Sw::CommandNotAllowed);
        };
        let (content, protected_by) = match self.file(df, ef) {
            Some(File::Binary {
                content,
                protected_by,
            }) => (content, protected_by),
            Some(File::Key(_)) => return Response::status(Sw::IncompatibleFileStructure),
            None => return Response::status(Sw::CommandNotAllowed),
        };
        if protected_by.is_some_and(|r| !self.verified.contains(&r)) {
            return Response::status(Sw::SecurityStatusNotSatisfied);
        }
        let offset = usize::from(u16::from_be_bytes([cmd.p1(), cmd.p2()]));
        if offset >= content.len() {
            return Response::status(Sw::WrongP1P2);
        }
        let end = content.len().min(offset + le as usize);
        Response::new(content[offset..end].to_vec(), Sw::Success)
    }
}

/// The card's own check of a new value's format (a real card refuses malformed values too).
fn well_formed(format: PinFormat, value: &[u8]) -> bool {
    match format {
        PinFormat::FourDigits => value.len() == 4 && value.iter().all(u8::is_ascii_digit),
        PinFormat::DigitsExact(n) => value.len() == n && value.iter().all(u8::is_ascii_digit),
        PinFormat::SignPassword => {
            (6..=16).contains(&value.len())
                && value
                    .iter()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
                && value.iter().any(u8::is_ascii_uppercase)
                && value.iter().any(u8::is_ascii_digit)
        }
    }
}
