//! APDU processing of the simulated card.

use super::data;
use super::fixture::{
    atr_bytes, default_value, parse_sw, CertificateState, FaultRule, FaultWhen, Fixture,
    RefFixture, ATRS,
};
use crate::layout::{jpki_ef, token, Applet, KeyRef, PinFormat};
use mynapin_apdu::{Command, Response, StatusWord};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

static AUTH_CERT_VALID: &[u8] = include_bytes!("../fixtures/certs/auth-valid.der");
static AUTH_CERT_EXPIRED: &[u8] = include_bytes!("../fixtures/certs/auth-expired.der");
static AUTH_CA_CERT: &[u8] = include_bytes!("../fixtures/certs/auth-ca.der");
static SIGN_CERT_VALID: &[u8] = include_bytes!("../fixtures/certs/sign-valid.der");
static SIGN_CA_CERT: &[u8] = include_bytes!("../fixtures/certs/sign-ca.der");

/// JPKI key EFs (card facts §8 [2+]): the user-authentication and the signature private key.
const AUTH_KEY_EF: [u8; 2] = [0x00, 0x17];
const SIGN_KEY_EF: [u8; 2] = [0x00, 0x1A];
/// The card manager's AID (GlobalPlatform issuer security domain) \[1\].
const CARD_MANAGER_AID: [u8; 7] = [0xA0, 0x00, 0x00, 0x01, 0x51, 0x00, 0x00];

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
    /// A PIN or verification code (internal EF).
    Key(KeyRef),
    /// A private key (JPKI `0017` / `001A`), usable after VERIFY of `KeyRef`.
    PrivateKey(KeyRef),
    /// A key reference the card is issued with, blocked (Kenhojo `0012`): the counter query
    /// answers `63 C0`, VERIFY `69 84` \[1\].
    BlockedKey,
    /// A record EF (common DF `0001`): its records, from 1.
    Records(Vec<Vec<u8>>),
    /// A transparent EF that no credential the card's holder has opens (JPKI `0009`): READ
    /// BINARY `69 82` \[1\].
    Locked,
    /// A transparent EF.
    Binary {
        content: Cow<'static, [u8]>,
        /// Key references of which one must be verified before reading (none: free).
        protected_by: &'static [KeyRef],
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
    atr: Vec<u8>,
    /// The real answer a `61 xx` fault kept for GET RESPONSE.
    pending: Option<Vec<u8>>,
    /// Fault rules: the fixture's, then those added with [`SimCard::add_fault`].
    rules: Vec<ActiveRule>,
    apdus: u64,
    /// Told before a fault rule holds an answer (the program running the card words it).
    on_hold: Option<HoldHook>,
}

/// Called before a fault rule holds an answer: the APDU's number, its first four bytes in
/// hex, and how long it is held.
pub type HoldHook = fn(apdu: u64, header: &str, hold: std::time::Duration);

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
        let atr = atr_bytes(fixture.atr.as_deref()).unwrap_or_else(|_| ATRS[0].1.to_vec());
        SimCard {
            atr,
            fixture,
            keys,
            current_df: None,
            current_ef: None,
            verified: BTreeSet::new(),
            pending: None,
            rules,
            apdus: 0,
            on_hold: None,
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

    /// The answer-to-reset the fixture chose (`atr`; default: a My Number card's contact ATR,
    /// card facts §8).
    pub fn atr(&self) -> &[u8] {
        &self.atr
    }

    /// Power-down (or a cold reset, vpcd's power-on): selection and verified state are lost.
    pub fn power_off(&mut self) {
        self.current_df = None;
        self.current_ef = None;
        self.verified.clear();
        self.pending = None;
    }

    /// Warm reset: the selection is lost, the verified state is kept — only a power-down
    /// clears it (card facts §4 and §8, \[1\]). Selecting the same DF again finds it verified.
    pub fn reset(&mut self) {
        self.current_df = None;
        self.current_ef = None;
        self.pending = None;
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
            if let Some(hook) = self.on_hold {
                hook(
                    self.apdus,
                    &mynapin_apdu::spaced_hex(&apdu[..apdu.len().min(4)]),
                    d,
                );
            }
            std::thread::sleep(d);
        }
    }

    /// Sets what is told before a fault rule holds an answer.
    pub fn on_hold(&mut self, hook: HoldHook) {
        self.on_hold = Some(hook);
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
            (0x00, 0xB2) => self.read_record(cmd),
            (0x00, 0x84) => self.get_challenge(cmd),
            (0x00, 0xCA) => self.get_data(cmd),
            (0x80, 0x2A) => self.compute_signature(cmd),
            (0x00, 0x88) => self.internal_authenticate(cmd),
            // SET SESSION KEY in the common DF: "security environment faulty" \[1\].
            (0x80, 0xAE) if self.current_df == Some(Applet::Common) => {
                Response::status(Sw::Other(0x66F1))
            }
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

    /// The DF is selected: the verified state of other DFs' references is lost (whether a
    /// real card does this is contested, card facts §4); that of this DF's is kept.
    fn enter_df(&mut self, a: Applet) {
        self.verified.retain(|r| r.applet() == a);
        self.current_df = Some(a);
        self.current_ef = None;
    }

    fn select(&mut self, cmd: &Command) -> StatusWord {
        use StatusWord as Sw;
        if !matches!(cmd.p2(), 0x0C | 0x00) {
            return Sw::IncorrectP1P2;
        }
        match cmd.p1() {
            // SELECT DF by name: the full AID must match.
            0x04 => {
                // The card manager (GlobalPlatform ISD, `A0 00 00 01 51 00 00`): selected at
                // power-up; selecting it leaves the applet and its verified state \[1\].
                if cmd.data() == CARD_MANAGER_AID && self.fixture.token == token::MY_NUMBER_CARD {
                    self.verified.clear();
                    self.current_df = None;
                    self.current_ef = None;
                    return Sw::Success;
                }
                let found = Applet::ALL
                    .into_iter()
                    .find(|a| self.has_applet(*a) && a.aid()[..] == *cmd.data());
                match found {
                    Some(a) => {
                        self.enter_df(a);
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
            // SELECT MF `00 A4 00 00` (no data): 6A 86 after a cold reset, 90 00 with no
            // effect while an applet is selected; by file id (3F00 included): 6A 82 [1].
            0x00 => match cmd.data() {
                [] if self.current_df.is_some() => Sw::Success,
                [] => Sw::IncorrectP1P2,
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
        let f = &self.fixture;
        let my_number_card = f.token == token::MY_NUMBER_CARD;
        let free = |content: Cow<'static, [u8]>| File::Binary {
            content,
            protected_by: &[],
        };
        let p = &f.person;
        match df {
            Applet::Jpki => {}
            // Which key opens which EF (card facts §9) [1]: the PIN opens every data EF; 照合番号A
            // the number and the integrity record, B the four attributes; either the session
            // and signed keys. `0012` is a key reference issued blocked.
            Applet::Kenhojo if my_number_card => {
                const PIN_A: &[KeyRef] = &[KeyRef::Kenhojo, KeyRef::KenhojoA];
                const PIN_B: &[KeyRef] = &[KeyRef::Kenhojo, KeyRef::KenhojoB];
                const ANY: &[KeyRef] = &[KeyRef::Kenhojo, KeyRef::KenhojoA, KeyRef::KenhojoB];
                let protected = |content: Vec<u8>, protected_by| File::Binary {
                    content: Cow::Owned(content),
                    protected_by,
                };
                return match fid {
                    [0x00, 0x01] => Some(protected(data::kenhojo_my_number(p), PIN_A)),
                    [0x00, 0x02] => Some(protected(data::kenhojo_attributes(p), PIN_B)),
                    [0x00, 0x03] => Some(protected(data::kenhojo_integrity(p), PIN_A)),
                    [0x00, 0x04] => Some(free(Cow::Owned(data::ap_cv_certificate()))),
                    [0x00, 0x05] => Some(free(Cow::Owned(data::kenhojo_basic_data()))),
                    [0x00, 0x06] => Some(protected(data::kenhojo_session_key(), ANY)),
                    [0x00, 0x07] => Some(protected(data::kenhojo_signed_key(), ANY)),
                    [0x00, 0x08] => Some(free(Cow::Owned(data::kenhojo_0008()))),
                    [0x00, 0x12] => Some(File::BlockedKey),
                    _ => None,
                };
            }
            // Kenmen: the birth-date key opens only the age record; A or B the card face; only
            // A the number image (card facts §9) [1].
            Applet::Kenmen if my_number_card => {
                return match fid {
                    [0x00, 0x01] => Some(File::Binary {
                        content: Cow::Owned(data::kenmen_birth(p)),
                        protected_by: &[KeyRef::KenmenBirth],
                    }),
                    [0x00, 0x02] => Some(File::Binary {
                        content: Cow::Owned(data::kenmen_face(p)),
                        protected_by: &[KeyRef::KenmenA, KeyRef::KenmenB],
                    }),
                    [0x00, 0x03] => Some(free(Cow::Owned(data::kenmen_basic_data(p)))),
                    [0x00, 0x04] => Some(free(Cow::Owned(data::ap_cv_certificate()))),
                    [0x00, 0x05] => Some(File::Binary {
                        content: Cow::Owned(data::kenmen_my_number(p)),
                        protected_by: &[KeyRef::KenmenA],
                    }),
                    _ => None,
                };
            }
            // The common DF's record EF `0001` (serial, municipality, expiry) [2+]; EF `0002` in
            // the common DF and in the Juki AP: one record, the same 16-byte key reference [1].
            Applet::Common if my_number_card && fid == [0x00, 0x01] => {
                return Some(File::Records(vec![data::common_record(p)]));
            }
            Applet::Common | Applet::Juki if my_number_card && fid == [0x00, 0x02] => {
                return Some(File::Records(vec![data::shared_key_reference()]));
            }
            _ => return None,
        }
        match fid {
            jpki_ef::TOKEN => Some(free(Cow::Owned(data::token_info(&f.token, p)))),
            [0x00, 0x09] if my_number_card => Some(File::Locked),
            jpki_ef::CERT_FLAGS if my_number_card => {
                // `8F 8F 00` with both certificates [1]; which byte is which is inferred [?].
                let flag = |c: CertificateState| {
                    if c == CertificateState::Absent {
                        0
                    } else {
                        0x8F
                    }
                };
                Some(free(Cow::Owned(vec![
                    flag(f.sign_certificate),
                    flag(f.auth_certificate),
                    0,
                ])))
            }
            jpki_ef::AUTH_CERT => match f.auth_certificate {
                CertificateState::Valid => Some(free(Cow::Borrowed(AUTH_CERT_VALID))),
                CertificateState::Expired => Some(free(Cow::Borrowed(AUTH_CERT_EXPIRED))),
                CertificateState::Absent => None,
            },
            jpki_ef::SIGN_CERT => match f.sign_certificate {
                CertificateState::Absent => None,
                _ => Some(File::Binary {
                    content: Cow::Borrowed(SIGN_CERT_VALID),
                    protected_by: &[KeyRef::Sign],
                }),
            },
            jpki_ef::AUTH_CA_CERT if f.ca_certificates => Some(free(Cow::Borrowed(AUTH_CA_CERT))),
            jpki_ef::SIGN_CA_CERT if f.ca_certificates => Some(free(Cow::Borrowed(SIGN_CA_CERT))),
            AUTH_KEY_EF if f.auth_certificate != CertificateState::Absent => {
                Some(File::PrivateKey(KeyRef::Auth))
            }
            SIGN_KEY_EF
                if f.sign_certificate != CertificateState::Absent
                    && self.keys[&KeyRef::Sign].present =>
            {
                Some(File::PrivateKey(KeyRef::Sign))
            }
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
            Some(File::BlockedKey) => Err(Sw::ReferenceDataNotUsable),
            Some(File::Binary { .. } | File::PrivateKey(_) | File::Records(_) | File::Locked) => {
                Err(Sw::IncompatibleFileStructure)
            }
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
            // The blocked key: its counter query says so (`63 C0`), a VERIFY is refused.
            Err(Sw::ReferenceDataNotUsable) if is_query => return Sw::RetriesLeft(0),
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
        // Any new value is accepted: no source shows a card checking its format. The check
        // is a fixture option, documented as invented.
        if self.fixture.check_new_pin_format && !well_formed(r.format(), cmd.data()) {
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
        let (Some(le), true) = (cmd.le(), cmd.data().is_empty()) else {
            return Response::status(Sw::WrongLength);
        };
        let (ef, offset) = if cmd.p1() & 0x80 != 0 {
            // By short EF id: `00 B0 (80|sfi) offset Le` reads EF `00 sfi` of the current DF,
            // which becomes the current EF [2+].
            let sfi = cmd.p1() & 0x1F;
            if !self.fixture.read_binary_sfi {
                return Response::status(Sw::FunctionNotSupported);
            }
            if cmd.p1() & 0x60 != 0 || sfi == 0 || sfi == 0x1F {
                return Response::status(Sw::IncorrectP1P2);
            }
            let Some(df) = self.current_df else {
                return Response::status(Sw::CommandNotAllowed);
            };
            let fid = [0x00, sfi];
            if self.file(df, fid).is_none() {
                return Response::status(Sw::FileNotFound);
            }
            self.current_ef = Some(fid);
            (fid, usize::from(cmd.p2()))
        } else {
            let Some(ef) = self.current_ef else {
                return Response::status(Sw::CommandNotAllowed);
            };
            (ef, usize::from(u16::from_be_bytes([cmd.p1(), cmd.p2()])))
        };
        let Some(df) = self.current_df else {
            return Response::status(Sw::CommandNotAllowed);
        };
        let (content, protected_by) = match self.file(df, ef) {
            Some(File::Binary {
                content,
                protected_by,
            }) => (content, protected_by),
            Some(File::Locked) => return Response::status(Sw::SecurityStatusNotSatisfied),
            Some(File::Key(_) | File::PrivateKey(_) | File::BlockedKey | File::Records(_)) => {
                return Response::status(Sw::IncompatibleFileStructure)
            }
            None => return Response::status(Sw::CommandNotAllowed),
        };
        if !protected_by.is_empty() && !protected_by.iter().any(|r| self.verified.contains(r)) {
            return Response::status(Sw::SecurityStatusNotSatisfied);
        }
        if offset >= content.len() {
            return Response::status(Sw::WrongP1P2);
        }
        let end = content.len().min(offset + le as usize);
        Response::new(content[offset..end].to_vec(), Sw::Success)
    }

    /// READ RECORD `00 B2 01 0C Le`: record 1 of the EF with short id 1 in the common DF —
    /// the card serial, municipality code and expiry (fields \[1\], layout [?]).
    fn read_record(&mut self, cmd: &Command) -> Response {
        use StatusWord as Sw;
        let (Some(le), true) = (cmd.le(), cmd.data().is_empty()) else {
            return Response::status(Sw::WrongLength);
        };
        // Only the common DF and the Juki AP hold record EFs.
        let df = match self.current_df {
            Some(df @ (Applet::Common | Applet::Juki))
                if self.fixture.token == token::MY_NUMBER_CARD =>
            {
                df
            }
            _ => return Response::status(Sw::FileNotFound),
        };
        // P2 `0C`: record P1 of the EF with short id 1, which becomes current; `04`: record
        // P1 of the current EF [2+].
        let fid = match cmd.p2() {
            0x0C => [0x00, 0x01],
            0x04 => match self.current_ef {
                Some(ef) => ef,
                None => return Response::status(Sw::CommandNotAllowed),
            },
            p2 if p2 >> 3 == 1 => return Response::status(Sw::IncorrectP1P2),
            _ => return Response::status(Sw::FileNotFound),
        };
        let records = match self.file(df, fid) {
            Some(File::Records(records)) => records,
            Some(_) => return Response::status(Sw::IncompatibleFileStructure),
            None => return Response::status(Sw::FileNotFound),
        };
        self.current_ef = Some(fid);
        let Some(record) = usize::from(cmd.p1())
            .checked_sub(1)
            .and_then(|i| records.get(i))
        else {
            return Response::status(Sw::Other(0x6A83));
        };
        let n = record.len().min(le as usize);
        Response::new(record[..n].to_vec(), Sw::Success)
    }

    /// GET CHALLENGE `00 84 00 00 Le` → exactly Le random bytes, 1–256 (`00` = 256) \[1\]; the
    /// extended form is refused `69 85` \[1\].
    fn get_challenge(&mut self, cmd: &Command) -> Response {
        use StatusWord as Sw;
        if cmd.is_extended() {
            return Response::status(Sw::ConditionsNotSatisfied);
        }
        if (cmd.p1(), cmd.p2()) != (0, 0) {
            return Response::status(Sw::IncorrectP1P2);
        }
        let (Some(le), true) = (cmd.le(), cmd.data().is_empty()) else {
            return Response::status(Sw::WrongLength);
        };
        let mut bytes = vec![0u8; le as usize];
        if getrandom::fill(&mut bytes).is_err() {
            return Response::status(Sw::NoPreciseDiagnosis);
        }
        Response::new(bytes, Sw::Success)
    }

    /// GET DATA `00 CA P1 P2 Le` on a My Number card (card facts §9) \[1\]: `5F 51` the contact
    /// ATR without its initial `3B`, at MF level or inside an applet; the MF's data objects
    /// (`0042`, `0045`, `0066`, `00F0`, `00F2`, `00F7`, `00F8`, `7F21`) at MF level only — inside
    /// an applet `6A 88` [?]. Any other tag answers `6D 00` (OpenSC probes with it).
    fn get_data(&mut self, cmd: &Command) -> Response {
        use StatusWord as Sw;
        let my_number_card =
            self.has_applet(Applet::Jpki) && self.fixture.token == token::MY_NUMBER_CARD;
        if !my_number_card {
            return Response::status(Sw::InsNotSupported);
        }
        let tag = u16::from_be_bytes([cmd.p1(), cmd.p2()]);
        let value = if tag == 0x5F51 {
            let atr = self.contact_atr();
            atr.strip_prefix(&[0x3B]).unwrap_or(&atr).to_vec()
        } else {
            match data::mf_data_object(tag, &self.fixture.person) {
                Some(_) if self.current_df.is_some() => {
                    return Response::status(Sw::ReferencedDataNotFound)
                }
                Some(v) => v,
                None => return Response::status(Sw::InsNotSupported),
            }
        };
        let Some(le) = cmd.le() else {
            return Response::status(Sw::WrongLength);
        };
        // An object longer than a short answer (the card-verifiable certificates) needs the
        // extended form: a short Le gets `67 00` \[1\].
        if value.len() > 256 && !cmd.is_extended() {
            return Response::status(Sw::WrongLength);
        }
        let n = value.len().min(le as usize);
        Response::new(value[..n].to_vec(), Sw::Success)
    }

    /// The card's contact ATR: the fixture's, unless that is one a contactless reader made.
    fn contact_atr(&self) -> Vec<u8> {
        let contactless = self
            .fixture
            .atr
            .as_deref()
            .is_some_and(|a| a.starts_with("contactless"));
        if contactless {
            ATRS[0].1.to_vec()
        } else {
            self.atr.clone()
        }
    }

    /// INTERNAL AUTHENTICATE `00 88 00 (80|sfi) Lc challenge 00` (card facts §9) \[1\]: in the
    /// common DF, key `0019` (`99`) signs the challenge — PKCS#1 v1.5 over the SHA-256 DigestInfo
    /// of it — with no credential; the JPKI keys refuse `69 82`, the Kenhojo and Kenmen keys
    /// `69 85`; anything else `6A 88` [?].
    fn internal_authenticate(&mut self, cmd: &Command) -> Response {
        use super::keys::SimKey;
        use StatusWord as Sw;
        if cmd.p1() != 0x00 {
            return Response::status(Sw::IncorrectP1P2);
        }
        let challenge = cmd.data();
        if challenge.is_empty() {
            return Response::status(Sw::WrongLength);
        }
        let my_number_card = self.fixture.token == token::MY_NUMBER_CARD;
        match (self.current_df, cmd.p2()) {
            (Some(Applet::Common), 0x99) if my_number_card => Response::new(
                super::keys::sign_sha256(SimKey::Common, challenge),
                Sw::Success,
            ),
            (Some(Applet::Jpki), 0x97 | 0x9A) => Response::status(Sw::SecurityStatusNotSatisfied),
            (Some(Applet::Kenhojo | Applet::Kenmen), _) if my_number_card => {
                Response::status(Sw::ConditionsNotSatisfied)
            }
            _ => Response::status(Sw::ReferencedDataNotFound),
        }
    }

    /// COMPUTE DIGITAL SIGNATURE `80 2A P1 P2 Lc data 00` (card facts §9) \[1\]: P1 the scheme
    /// (`00`–`05`, see [`super::keys::sign_scheme`]; else `6A 86`); in JPKI P2 `80` signs with
    /// the selected key EF, `80|sfi` with key EF `00 sfi` without a SELECT (`97` auth, `9A`
    /// sign), only after a successful VERIFY of the matching PIN (`69 82` otherwise) [2+]; in
    /// Kenhojo and Kenmen P2 `00` signs with the application's own key, no credential \[1\].
    fn compute_signature(&mut self, cmd: &Command) -> Response {
        use super::keys::{SignError, SimKey};
        use StatusWord as Sw;
        if cmd.p1() > 0x05 {
            return Response::status(Sw::IncorrectP1P2);
        }
        if cmd.data().is_empty() {
            return Response::status(Sw::WrongLength);
        }
        let Some(df) = self.current_df else {
            return Response::status(Sw::CommandNotAllowed);
        };
        let my_number_card = self.fixture.token == token::MY_NUMBER_CARD;
        let key = match (df, cmd.p2()) {
            (Applet::Kenhojo, 0x00) if my_number_card => SimKey::Kenhojo,
            (Applet::Kenmen, 0x00) if my_number_card => SimKey::Kenmen,
            (Applet::Jpki, 0x80..=0x9E) => {
                let ef = if cmd.p2() == 0x80 {
                    match self.current_ef {
                        Some(ef) => ef,
                        None => return Response::status(Sw::CommandNotAllowed),
                    }
                } else {
                    [0x00, cmd.p2() & 0x1F]
                };
                let r = match self.file(df, ef) {
                    Some(File::PrivateKey(r)) => r,
                    Some(_) => return Response::status(Sw::IncompatibleFileStructure),
                    None => return Response::status(Sw::CommandNotAllowed),
                };
                if !self.verified.contains(&r) {
                    return Response::status(Sw::SecurityStatusNotSatisfied);
                }
                if r == KeyRef::Auth {
                    SimKey::Auth
                } else {
                    SimKey::Sign
                }
            }
            _ => return Response::status(Sw::IncorrectP1P2),
        };
        match super::keys::sign_scheme(key, cmd.p1(), cmd.data()) {
            Ok(sig) => Response::new(sig, Sw::Success),
            Err(SignError::Scheme) => Response::status(Sw::IncorrectP1P2),
            Err(SignError::Length) => Response::status(Sw::WrongLength),
        }
    }
}

/// The card's own check of a new value's format — only with the invented fixture option
/// `check_new_pin_format`.
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

impl mynapin_apdu::ApduCard for SimCard {
    fn process(&mut self, command: &[u8]) -> Vec<u8> {
        SimCard::process(self, command)
    }

    fn power_off(&mut self) {
        SimCard::power_off(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mynapin_apdu::parse_spaced_hex;

    fn run(card: &mut SimCard, apdu: &str) -> Vec<u8> {
        card.process(&parse_spaced_hex(apdu).unwrap())
    }

    const JPKI: &str = "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01";

    /// SHA-256 DigestInfo prefix (RFC 8017 §9.2) + 32 bytes.
    fn digest_info() -> Vec<u8> {
        let mut d =
            parse_spaced_hex("30 31 30 0D 06 09 60 86 48 01 65 03 04 02 01 05 00 04 20").unwrap();
        d.extend(0..32u8);
        d
    }

    #[test]
    fn signs_with_each_key_after_its_pin_and_the_certificate_matches() {
        for (key_ef, pin_ef, pin, r, cert) in [
            (
                "00 17",
                "00 18",
                "31 32 33 34",
                KeyRef::Auth,
                AUTH_CERT_VALID,
            ),
            (
                "00 1A",
                "00 1B",
                "41 42 43 31 32 33",
                KeyRef::Sign,
                SIGN_CERT_VALID,
            ),
        ] {
            let mut card = SimCard::new(Fixture::fresh());
            run(&mut card, JPKI);
            run(&mut card, &format!("00 A4 02 0C 02 {pin_ef}"));
            let n = pin.split(' ').count();
            assert_eq!(
                run(&mut card, &format!("00 20 00 80 {n:02X} {pin}")),
                [0x90, 0]
            );
            assert_eq!(
                run(&mut card, &format!("00 A4 02 0C 02 {key_ef}")),
                [0x90, 0]
            );
            let di = digest_info();
            let cmd = format!(
                "80 2A 00 80 {:02X} {} 00",
                di.len(),
                mynapin_apdu::spaced_hex(&di)
            );
            let answer = run(&mut card, &cmd);
            assert_eq!(answer.len(), 258, "{}", mynapin_apdu::spaced_hex(&answer));
            assert_eq!(&answer[256..], &[0x90, 0]);
            assert!(super::super::keys::verifies(r, &di, &answer[..256]));
            // The certificate the card serves holds this key's modulus.
            let m = super::super::keys::modulus(r).unwrap();
            assert_eq!(m.len(), 256);
            assert!(cert.windows(m.len()).any(|w| w == m), "{r:?}");
            // After a power-down, the key needs the PIN again.
            card.power_off();
            run(&mut card, JPKI);
            run(&mut card, &format!("00 A4 02 0C 02 {key_ef}"));
            assert_eq!(run(&mut card, &cmd), [0x69, 0x82]);
        }
        // The expired authentication certificate holds the same key.
        let m = super::super::keys::modulus(KeyRef::Auth).unwrap();
        assert!(AUTH_CERT_EXPIRED.windows(m.len()).any(|w| w == m));
    }

    #[test]
    fn under_15_has_no_signature_key() {
        let mut card = SimCard::new(Fixture::builtin("under-15").unwrap());
        run(&mut card, JPKI);
        assert_eq!(run(&mut card, "00 A4 02 0C 02 00 1A"), [0x6A, 0x82]);
        assert_eq!(run(&mut card, "00 A4 02 0C 02 00 17"), [0x90, 0x00]);
    }

    #[test]
    fn get_challenge_gives_exactly_the_length_asked() {
        let mut card = SimCard::new(Fixture::fresh());
        let a = run(&mut card, "00 84 00 00 08");
        let b = run(&mut card, "00 84 00 00 08");
        assert_eq!((a.len(), &a[8..]), (10, &[0x90, 0][..]));
        assert_eq!(b.len(), 10);
        assert_ne!(a, b, "two challenges differ");
        // Exactly Le bytes, 1–256 (`00` = 256) [1].
        assert_eq!(run(&mut card, "00 84 00 00 10").len(), 18);
        assert_eq!(run(&mut card, "00 84 00 00 01").len(), 3);
        assert_eq!(run(&mut card, "00 84 00 00 00").len(), 258);
    }

    #[test]
    fn atrs_follow_the_fixture() {
        let jpki_juki = [0x3B, 0xE0, 0x00, 0xFF, 0x81, 0x31, 0xFE, 0x45, 0x14];
        let fresh = SimCard::new(Fixture::fresh());
        assert_eq!(fresh.atr()[..2], [0x3B, 0xC5]);
        let other = SimCard::new(Fixture::builtin("not-mynumber").unwrap());
        assert_ne!(other.atr(), jpki_juki);
        assert!(!ATRS[..6].iter().any(|(_, a)| *a == other.atr()));
        let juki = SimCard::new(Fixture::builtin("juki-card").unwrap());
        assert_eq!(juki.atr(), jpki_juki);
        // A contactless ATR is the reader's; GET DATA 5F 51 still gives the contact ATR.
        let mut phone = SimCard::new(Fixture::builtin("smartphone").unwrap());
        assert_eq!(phone.atr()[..2], [0x3B, 0x88]);
        let answer = run(&mut phone, "00 CA 5F 51 00");
        assert_eq!(
            answer,
            [0x6D, 0x00],
            "a smartphone token is not a My Number card"
        );
        let mut f = Fixture::fresh();
        f.atr = Some("contactless-2".into());
        let mut card = SimCard::new(f);
        assert_eq!(card.atr()[..2], [0x3B, 0x88]);
        let answer = run(&mut card, "00 CA 5F 51 00");
        // Without the initial 3B, as a card stores it [1].
        assert_eq!(&answer[..answer.len() - 2], &ATRS[0].1[1..]);
        let mut other = SimCard::new(Fixture::builtin("not-mynumber").unwrap());
        assert_eq!(run(&mut other, "00 CA 5F 51 00"), [0x6D, 0x00]);
    }

    #[test]
    fn a_warm_reset_keeps_the_verified_state_and_a_power_down_clears_it() {
        let mut card = SimCard::new(Fixture::fresh());
        run(&mut card, JPKI);
        run(&mut card, "00 A4 02 0C 02 00 18");
        assert_eq!(run(&mut card, "00 20 00 80 04 31 32 33 34"), [0x90, 0]);
        card.reset();
        // The selection is lost.
        assert_eq!(run(&mut card, "00 20 00 80"), [0x69, 0x86]);
        run(&mut card, JPKI);
        run(&mut card, "00 A4 02 0C 02 00 18");
        assert_eq!(run(&mut card, "00 24 01 80 04 31 32 33 34"), [0x90, 0]);
        card.power_off();
        run(&mut card, JPKI);
        run(&mut card, "00 A4 02 0C 02 00 18");
        assert_eq!(run(&mut card, "00 24 01 80 04 31 32 33 34"), [0x69, 0x82]);
    }

    #[test]
    fn the_invented_format_check_is_only_an_option() {
        let mut f = Fixture::fresh();
        f.check_new_pin_format = true;
        let mut card = SimCard::new(f);
        run(&mut card, JPKI);
        run(&mut card, "00 A4 02 0C 02 00 18");
        run(&mut card, "00 20 00 80 04 31 32 33 34");
        assert_eq!(run(&mut card, "00 24 01 80 03 35 36 37"), [0x6A, 0x80]);
        assert!(card.value_is(KeyRef::Auth, "1234"));
        let back = Fixture::from_toml(&card.to_fixture().to_toml(), "x").unwrap();
        assert!(back.check_new_pin_format);
    }
}
