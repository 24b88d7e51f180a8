//! The invariants the fuzz targets check, one `fn(&[u8])` per target, plus the seed inputs.
//!
//! Plain Rust over the public API of `mynapin` and `mynapin_apdu` only (no fuzzing crate), so
//! that the same functions run in two places: the cargo-fuzz targets in `fuzz/fuzz_targets/`
//! (nightly, libFuzzer) and the stable regression test `tests/fuzz_corpus.rs`, which replays
//! the saved corpus and the seeds. A check returns normally when the invariants hold and
//! panics (with what broke) when one does not; an input a check cannot use (e.g. TOML that is
//! not UTF-8) simply returns.
//!
//! Every assertion here is an invariant the code or docs/card-facts.md promises; none is a guess.
//! Messages never print a PIN-carrying input itself, only its length.

use mynapin_apdu::{spaced_hex, Command, Response, ResponseError, StatusWord};
use mynapin_core::card::Pin;
use mynapin_core::layout::{KeyRef, PinFormat};
use mynapin_core::procedure::profile::Profile;
use mynapin_sim::{Fixture, SimCard};
use std::path::Path;

/// A check: returns when the input keeps every invariant, panics otherwise.
pub type Check = fn(&[u8]);

/// Every target: its name (the fuzz target and the corpus directory) and its check.
pub const TARGETS: &[(&str, Check)] = &[
    ("apdu_response", apdu_response),
    ("apdu_command", apdu_command),
    ("fixture_toml", fixture_toml),
    ("profile_toml", profile_toml),
    ("pin_parse", pin_parse),
    ("sim_card", sim_card),
    ("vpcd_frames", vpcd_frames),
];

// ---------------------------------------------------------------------------------------------
// apdu_response

/// `Response::parse` on arbitrary bytes: Ok exactly when there are the two status bytes; the
/// response re-encodes to the same bytes, its status word is total (round-trips through u16),
/// and `trace()` is the spaced hex of the bytes.
pub fn apdu_response(data: &[u8]) {
    match Response::parse(data) {
        Ok(r) => {
            assert!(data.len() >= 2, "parsed a {}-byte response", data.len());
            assert_eq!(r.to_bytes(), data, "response does not round-trip");
            assert_eq!(r.data(), &data[..data.len() - 2]);
            let sw = r.sw();
            assert_eq!(sw.to_bytes(), [data[data.len() - 2], data[data.len() - 1]]);
            assert_eq!(
                StatusWord::from_u16(sw.to_u16()),
                sw,
                "status word not total"
            );
            let _ = sw.meaning();
            assert_eq!(r.trace(), spaced_hex(data));
            let _ = format!("{r:?}");
        }
        Err(e) => {
            assert!(
                data.len() < 2,
                "refused a {}-byte response: {e}",
                data.len()
            );
            assert_eq!(e, ResponseError::TooShort(data.len()));
            let _ = e.to_string();
        }
    }
}

// ---------------------------------------------------------------------------------------------
// apdu_command

/// `Command::parse` on arbitrary bytes: on Ok the command re-encodes to the same bytes, parses
/// back to an equal command, and its trace and `Debug` reveal nothing of a sensitive command's
/// data; the ISO PIN instructions are always sensitive.
pub fn apdu_command(data: &[u8]) {
    let cmd = match Command::parse(data) {
        Ok(cmd) => cmd,
        Err(e) => {
            let _ = e.to_string();
            if data.len() < 4 {
                assert_eq!(e, mynapin_apdu::ParseError::TooShort(data.len()));
            }
            return;
        }
    };
    assert!(data.len() >= 4);
    let bytes = cmd.to_bytes();
    assert_eq!(&bytes[..], data, "command does not re-encode to its bytes");
    assert_eq!(
        Command::parse(&bytes).as_ref(),
        Ok(&cmd),
        "re-parse differs"
    );
    assert_eq!(
        [cmd.cla(), cmd.ins(), cmd.p1(), cmd.p2()],
        [data[0], data[1], data[2], data[3]]
    );
    if let Some(le) = cmd.le() {
        assert!((1..=0x1_0000).contains(&le), "Le {le} out of range");
    }
    // VERIFY, CHANGE REFERENCE DATA, RESET RETRY COUNTER (ISO class) and CHANGE KEY (80 32)
    // carry PINs.
    let iso_pin_ins = cmd.cla() & 0x80 == 0 && matches!(cmd.ins(), 0x20 | 0x24 | 0x2C);
    if iso_pin_ins || (cmd.cla() == 0x80 && cmd.ins() == 0x32) {
        assert!(cmd.is_sensitive(), "a PIN instruction is not sensitive");
    }
    let trace = cmd.trace();
    let debug = format!("{cmd:?}");
    if !cmd.is_sensitive() || cmd.data().is_empty() {
        assert_eq!(trace, spaced_hex(data));
        return;
    }
    let n = cmd.data().len();
    assert!(
        trace.contains(&format!("** redacted ({n} bytes) **")),
        "sensitive trace without the redaction mark"
    );
    // The trace and Debug depend on the data's length only: the same command with every data
    // byte changed gives the same text, so no bit of the secret leaks.
    let mut other = data.to_vec();
    let start = data.len()
        - n
        - cmd
            .le()
            .map_or(0, |_| if cmd.is_extended() { 2 } else { 1 });
    for b in &mut other[start..start + n] {
        *b ^= 0xFF;
    }
    let other = Command::parse(&other).expect("same framing, other data");
    assert_eq!(other.data().len(), n);
    assert_ne!(other.data(), cmd.data());
    assert_eq!(other.trace(), trace, "trace depends on the secret data");
    assert_eq!(
        format!("{other:?}"),
        debug,
        "Debug depends on the secret data"
    );
    // And literally: the data's hex is not in the trace or Debug, unless the framing bytes
    // themselves (header + Lc, or Le) spell it, as `00 20` in a VERIFY header does.
    if n >= 2 {
        let secret_hex = spaced_hex(cmd.data());
        let framing_before = spaced_hex(&data[..start]);
        let framing_after = spaced_hex(&data[start + n..]);
        let explained = framing_before.contains(&secret_hex) || framing_after.contains(&secret_hex);
        assert!(
            explained || !trace.contains(&secret_hex),
            "trace shows the secret data ({n} bytes)"
        );
        assert!(
            !debug.contains(&secret_hex),
            "Debug shows the secret data ({n} bytes)"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// fixture_toml

/// `Fixture::from_toml` on arbitrary UTF-8. On Ok: the fixture serializes and parses back to
/// itself; a card made from it saves a state (`to_fixture`) that reloads to the same state and
/// to the same card (what `--sim-state` relies on), and that keeps every value, count and flag
/// the fixture gave.
pub fn fixture_toml(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let fixture = match Fixture::from_toml(text, "fuzz") {
        Ok(f) => f,
        Err(e) => {
            assert!(
                e.to_string().contains("fuzz"),
                "error does not name the origin"
            );
            return;
        }
    };
    let again = Fixture::from_toml(&fixture.to_toml(), "again")
        .unwrap_or_else(|e| panic!("a parsed fixture does not reload after to_toml: {e}"));
    assert_eq!(again, fixture, "fixture changed through to_toml");

    let card = SimCard::new(fixture.clone());
    assert_eq!(card.description(), fixture.description);
    let state = card.to_fixture();
    assert_eq!(state.description, fixture.description);
    assert_eq!(state.token, fixture.token);
    assert_eq!(state.applets, fixture.applets);
    assert_eq!(state.faults, fixture.faults);
    for r in KeyRef::ALL {
        let saved = state
            .refs
            .get(&r)
            .expect("a saved state names every reference");
        let tries = fixture.refs.get(&r).and_then(|f| f.tries_left);
        assert_eq!(saved.tries_left, Some(tries.unwrap_or(r.max_tries())));
        assert_eq!(card.tries_left(r), saved.tries_left.unwrap_or(0));
        assert!(card.value_is(r, &saved.value));
        if let Some(f) = fixture.refs.get(&r) {
            assert_eq!(saved.value, f.value, "{} value lost", r.id());
            assert_eq!(saved.present, f.present);
            assert_eq!(saved.query_sw, f.query_sw);
        }
    }
    let reloaded = Fixture::from_toml(&state.to_toml(), "state")
        .unwrap_or_else(|e| panic!("a saved card state does not reload: {e}"));
    assert_eq!(reloaded, state, "card state changed through to_toml");
    assert_eq!(
        SimCard::new(reloaded).to_fixture(),
        state,
        "a reloaded card saves another state"
    );
}

// ---------------------------------------------------------------------------------------------
// profile_toml

/// `Profile::from_toml` (parse + validation) on arbitrary UTF-8. On Err the error names the
/// origin and a line that exists. On Ok: the rules the validation promises hold — every
/// document id is known and in one category only, `same_as` resolves to a procedure that
/// states its rules (no cycle, issue 8 item 9), and every entry cites a source.
pub fn profile_toml(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let profile = match Profile::from_toml(text, "fuzz") {
        Ok(p) => p,
        Err(e) => {
            assert!(
                e.to_string().starts_with("fuzz"),
                "error does not name the origin"
            );
            if let Some(line) = e.line {
                let lines = text.lines().count().max(1);
                assert!(
                    (1..=lines).contains(&line),
                    "error line {line} outside 1..={lines}"
                );
            }
            return;
        }
    };
    for reset in [false, true] {
        let p = profile.procedure(reset);
        assert!(
            p.same_as.is_none(),
            "{} resolves through same_as to a procedure that is itself same_as {:?}",
            if reset { "reset" } else { "change" },
            p.same_as
        );
        assert!(
            p.stated.is_some(),
            "resolved procedure neither stated nor same_as"
        );
        if p.stated == Some(true) {
            assert!(!p.applicants.is_empty());
        } else {
            assert!(p.not_stated.is_some());
        }
        for a in &p.applicants {
            for r in &a.requirements {
                for d in r.all_of.iter().chain(&r.any_of) {
                    assert!(mynapin_core::procedure::documents::find(d).is_some());
                }
                for alt in &r.count {
                    for cc in alt {
                        assert!(profile.id_categories.iter().any(|c| c.id == cc.category));
                    }
                }
            }
        }
    }
    for c in &profile.id_categories {
        for d in &c.documents {
            assert!(mynapin_core::procedure::documents::find(d).is_some());
            let found = profile
                .category_of(d)
                .expect("a listed document has a category");
            assert!(std::ptr::eq(found, c), "document {d:?} in two categories");
        }
    }
    let sources = profile.sources();
    assert!(sources.iter().any(|(path, _)| path == "reservation"));
    assert!(sources.iter().any(|(path, _)| path == "change"));
    assert!(sources.iter().any(|(path, _)| path == "reset"));
}

// ---------------------------------------------------------------------------------------------
// pin_parse

/// The formats every entry is tried against: the three kinds, with the lengths the card uses
/// and a few it does not (0 can never succeed).
fn pin_formats(entry: &str) -> Vec<PinFormat> {
    let mut formats = vec![PinFormat::FourDigits, PinFormat::SignPassword];
    formats.extend([0, 1, 4, 6, 12, 14, 16, 17].map(PinFormat::DigitsExact));
    let chars = entry.chars().count();
    if chars <= 64 {
        formats.push(PinFormat::DigitsExact(chars));
    }
    formats
}

/// The classes of the characters a PIN entry may use (each in ASCII or full width); any other
/// character is refused.
#[derive(Clone, Copy, PartialEq, Eq)]
enum PinClass {
    Digit,
    Upper,
    Lower,
}

/// The ASCII character a PIN character stands for, its class and whether it was full-width.
fn pin_char(c: char) -> Option<(u8, PinClass, bool)> {
    let (ascii, fullwidth) = match c {
        '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
            ((c as u32 - 0xFF10 + 0x30) as u8, true)
        }
        c if c.is_ascii_alphanumeric() => (c as u8, false),
        _ => return None,
    };
    let class = if ascii.is_ascii_digit() {
        PinClass::Digit
    } else if ascii.is_ascii_uppercase() {
        PinClass::Upper
    } else {
        PinClass::Lower
    };
    Some((ascii, class, fullwidth))
}

/// Another character of the same class and width (`1` → `2`, `Ｂ` → `Ｃ`, `z` → `a`).
fn same_class_other(c: char) -> char {
    let Some((ascii, class, fullwidth)) = pin_char(c) else {
        return c;
    };
    let (base, span) = match class {
        PinClass::Digit => (b'0', 10),
        PinClass::Upper => (b'A', 26),
        PinClass::Lower => (b'a', 26),
    };
    let next = base + (ascii - base + 1) % span;
    if fullwidth {
        char::from_u32(u32::from(next) - 0x30 + 0xFF10).expect("full-width range")
    } else {
        char::from(next)
    }
}

/// The rule of docs/card-facts.md §2, written independently of `Pin::parse`: the normalized bytes, or
/// None when the entry is not a valid PIN of `format`.
fn expected_pin(format: PinFormat, entry: &str) -> Option<(Vec<u8>, bool, bool)> {
    let (mut out, mut fullwidth, mut uppercased) = (Vec::new(), false, false);
    for c in entry.chars() {
        let (mut ascii, class, fw) = pin_char(c)?;
        fullwidth |= fw;
        if format == PinFormat::SignPassword && class == PinClass::Lower {
            ascii = ascii.to_ascii_uppercase();
            uppercased = true;
        }
        out.push(ascii);
    }
    let ok = match format {
        PinFormat::FourDigits => out.len() == 4 && out.iter().all(u8::is_ascii_digit),
        PinFormat::DigitsExact(n) => n > 0 && out.len() == n && out.iter().all(u8::is_ascii_digit),
        PinFormat::SignPassword => {
            (6..=16).contains(&out.len())
                && out
                    .iter()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
                && out.iter().any(u8::is_ascii_uppercase)
                && out.iter().any(u8::is_ascii_digit)
        }
    };
    ok.then_some((out, fullwidth, uppercased))
}

/// `Pin::parse` for every format on arbitrary text (invalid UTF-8 replaced). On Ok the bytes
/// are ASCII and of the format, and equal the normalization of docs/card-facts.md §2; the result agrees
/// with that rule either way. An error carries nothing of the entry: it is the same for any
/// entry with the same character classes, and its text never contains a PIN-like entry.
pub fn pin_parse(data: &[u8]) {
    let entry = String::from_utf8_lossy(data);
    let twin: String = entry.chars().map(same_class_other).collect();
    let pin_like = entry.chars().count() >= 2
        && entry.chars().all(|c| pin_char(c).is_some())
        && entry
            .chars()
            .any(|c| pin_char(c).is_some_and(|(_, class, _)| class == PinClass::Digit));
    for format in pin_formats(&entry) {
        let got = Pin::parse(format, &entry);
        let expected = expected_pin(format, &entry);
        let twin_got = Pin::parse(format, &twin);
        match (&got, &expected) {
            (Ok((pin, norm)), Some((bytes, fullwidth, uppercased))) => {
                let b = pin.secret().expose();
                assert!(b.is_ascii());
                assert_eq!(pin.format(), format);
                match format {
                    PinFormat::FourDigits => {
                        assert!(b.len() == 4 && b.iter().all(u8::is_ascii_digit))
                    }
                    PinFormat::DigitsExact(n) => {
                        assert!(b.len() == n && b.iter().all(u8::is_ascii_digit))
                    }
                    PinFormat::SignPassword => {
                        assert!((6..=16).contains(&b.len()));
                        assert!(b
                            .iter()
                            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()));
                        assert!(b.iter().any(u8::is_ascii_uppercase));
                        assert!(b.iter().any(u8::is_ascii_digit));
                    }
                }
                assert!(
                    b == &bytes[..],
                    "{format:?}: normalized bytes differ from the rule"
                );
                assert_eq!(norm.fullwidth_converted, *fullwidth, "{format:?}");
                assert_eq!(norm.uppercased, *uppercased, "{format:?}");
                assert!(!format!("{pin:?}").contains(&*entry) || !pin_like);
                assert!(pin.ct_eq(&Pin::parse(format, &entry).expect("parse again").0));
                let (twin_pin, twin_norm) = twin_got.expect("same classes, same verdict");
                assert_eq!(twin_norm, *norm);
                assert!(!pin.ct_eq(&twin_pin), "different entries compare equal");
            }
            (Err(e), None) => {
                assert_eq!(
                    twin_got.as_ref().err(),
                    Some(e),
                    "{format:?}: the error depends on the entry's characters, not only their classes"
                );
                if pin_like {
                    let ascii: String = entry
                        .chars()
                        .filter_map(pin_char)
                        .map(|(a, _, _)| char::from(a))
                        .collect();
                    for text in [e.to_string(), format!("{e:?}")] {
                        assert!(
                            !text.contains(&*entry) && !text.contains(&ascii),
                            "{format:?}: the error shows the entry ({} chars)",
                            entry.chars().count()
                        );
                    }
                }
            }
            (Ok(_), None) => panic!(
                "{format:?}: accepted an entry of {} chars that the rule refuses",
                entry.chars().count()
            ),
            (Err(e), Some(_)) => panic!(
                "{format:?}: refused ({e}) an entry of {} chars that the rule accepts",
                entry.chars().count()
            ),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// sim_card

/// Input framing of the `sim_card` target: the first byte picks the built-in fixture
/// (index into `mynapin_sim::fixture::BUILTIN`, modulo its length; 0 = `fresh`); then a
/// sequence of steps, each a byte `L`: `FF` = power off, `FE` = reset, `FD hi lo` = an APDU
/// of `hi lo` bytes, any other = an APDU of `L` bytes (the last one may be shorter).
pub const SIM_POWER_OFF: u8 = 0xFF;
/// See [`SIM_POWER_OFF`].
pub const SIM_RESET: u8 = 0xFE;
/// See [`SIM_POWER_OFF`].
pub const SIM_LONG: u8 = 0xFD;

/// A simulated card fed arbitrary APDUs, power-offs and resets never panics and always
/// answers with the two status bytes at least; data only with `90 00`. Its counters follow
/// docs/card-facts.md: only a VERIFY with data lowers one, by exactly one, answered `63 Cx` with
/// the new count; only a successful VERIFY or CHANGE raises one (back to the maximum);
/// nothing else — the counter query above all — changes a counter. Afterwards the card's
/// state saves and reloads to the same state.
pub fn sim_card(data: &[u8]) {
    static CARDS: std::sync::OnceLock<Vec<SimCard>> = std::sync::OnceLock::new();
    let cards = CARDS.get_or_init(|| {
        mynapin_sim::fixture::BUILTIN
            .iter()
            .map(|(name, _)| SimCard::new(Fixture::builtin(name).expect("built-in fixture")))
            .collect()
    });
    let Some((&pick, mut rest)) = data.split_first() else {
        return;
    };
    let mut card = cards[usize::from(pick) % cards.len()].clone();
    let initial = card.to_fixture();
    let tries = |card: &SimCard| KeyRef::ALL.map(|r| card.tries_left(r));
    let mut count = 0u64;
    while let Some((&step, after)) = rest.split_first() {
        rest = after;
        let len = match step {
            SIM_POWER_OFF => {
                card.power_off();
                continue;
            }
            SIM_RESET => {
                card.reset();
                continue;
            }
            SIM_LONG => {
                let Some((hl, after)) = rest.split_first_chunk::<2>() else {
                    break;
                };
                rest = after;
                usize::from(u16::from_be_bytes(*hl))
            }
            n => usize::from(n),
        };
        let (apdu, after) = rest.split_at(len.min(rest.len()));
        rest = after;
        let before = tries(&card);
        let answer = card.process(apdu);
        count += 1;
        assert_eq!(card.apdu_count(), count);
        assert!(answer.len() >= 2, "answer of {} bytes", answer.len());
        let sw = StatusWord::new(answer[answer.len() - 2], answer[answer.len() - 1]);
        assert!(
            answer.len() == 2 || sw == StatusWord::Success,
            "data with {sw:?}"
        );
        let after_tries = tries(&card);
        let cmd = Command::parse(apdu).ok();
        let verify_with_data = cmd
            .as_ref()
            .is_some_and(|c| c.cla() == 0x00 && c.ins() == 0x20 && !c.data().is_empty());
        let change = cmd.as_ref().is_some_and(|c| {
            (c.cla(), c.ins()) == (0x00, 0x24) || (c.cla(), c.ins()) == (0x80, 0x32)
        });
        let changed: Vec<usize> = (0..KeyRef::ALL.len())
            .filter(|&i| before[i] != after_tries[i])
            .collect();
        assert!(
            changed.len() <= 1,
            "one APDU changed {} counters",
            changed.len()
        );
        for &i in &changed {
            let r = KeyRef::ALL[i];
            let (was, now) = (before[i], after_tries[i]);
            if now < was {
                assert!(
                    verify_with_data,
                    "{}: counter lowered by a non-VERIFY",
                    r.id()
                );
                assert_eq!(
                    now + 1,
                    was,
                    "{}: one VERIFY cost {} tries",
                    r.id(),
                    was - now
                );
                assert_eq!(sw, StatusWord::RetriesLeft(now));
            } else {
                assert!(
                    (verify_with_data || change) && sw == StatusWord::Success,
                    "{}: counter raised by something other than a good VERIFY or CHANGE",
                    r.id()
                );
                assert_eq!(now, r.max_tries());
            }
        }
        for (i, r) in KeyRef::ALL.into_iter().enumerate() {
            assert!(
                after_tries[i] <= r.max_tries(),
                "{}: above the maximum",
                r.id()
            );
        }
    }
    // The TOML round trip costs most of the time of a run: only for a state the APDUs changed
    // (an unchanged one is a built-in fixture's, which `fixture_toml` checks).
    let state = card.to_fixture();
    if state != initial {
        let reloaded = Fixture::from_toml(&state.to_toml(), "state")
            .unwrap_or_else(|e| panic!("the card's saved state does not reload: {e}"));
        assert_eq!(reloaded, state);
        assert_eq!(SimCard::new(reloaded).to_fixture(), state);
    }
}

// ---------------------------------------------------------------------------------------------
// vpcd_frames

/// The vpcd framing (`mynapin_sim::vpcd::take_frames`) on arbitrary bytes arriving in
/// arbitrary pieces (the first input byte sets the piece size, as TCP may split or join
/// frames): the frames it returns, framed again, followed by what it left, are exactly the
/// bytes fed; what it leaves is never a complete frame; it never panics.
pub fn vpcd_frames(data: &[u8]) {
    let piece = usize::from(data.first().copied().unwrap_or(1)).max(1);
    let input = data.get(1..).unwrap_or(&[]);
    let mut buf = Vec::new();
    let mut out = Vec::new();
    for chunk in input.chunks(piece) {
        buf.extend_from_slice(chunk);
        for frame in mynapin_sim::vpcd::take_frames(&mut buf) {
            let n = u16::try_from(frame.len()).expect("a frame is at most 65535 bytes");
            out.extend_from_slice(&n.to_be_bytes());
            out.extend_from_slice(&frame);
        }
        if buf.len() >= 2 {
            let len = usize::from(u16::from_be_bytes([buf[0], buf[1]]));
            assert!(
                buf.len() < 2 + len,
                "a complete frame of {len} bytes was left in a {}-byte buffer",
                buf.len()
            );
        }
    }
    out.extend_from_slice(&buf);
    assert_eq!(out, input, "the frames and the tail are not the bytes fed");
}

// ---------------------------------------------------------------------------------------------
// Seeds

/// Meaningful starting inputs for each target, built from the project's own files under
/// `root` (the repository): the APDU conversations in `sim/fixtures/apdu/*.txt`, the card
/// fixtures, the city profiles and a list of PIN entries. Returns (target, file name, bytes).
pub fn seeds(root: &Path) -> Vec<(&'static str, String, Vec<u8>)> {
    let mut out = Vec::new();
    let sorted = |dir: &str, ext: &str| {
        let mut files: Vec<_> = std::fs::read_dir(root.join(dir))
            .unwrap_or_else(|e| panic!("{dir}: {e}"))
            .map(|e| e.expect("directory entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == ext))
            .collect();
        files.sort();
        files
    };
    let stem = |p: &Path| {
        p.file_stem()
            .expect("file name")
            .to_string_lossy()
            .into_owned()
    };
    let read = |p: &Path| std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    for path in sorted("sim/fixtures/cards", "toml") {
        out.push(("fixture_toml", format!("{}.toml", stem(&path)), read(&path)));
    }
    for path in sorted("core/profiles", "toml") {
        out.push(("profile_toml", format!("{}.toml", stem(&path)), read(&path)));
    }
    let builtin = mynapin_sim::fixture::BUILTIN;
    for path in sorted("sim/fixtures/apdu", "txt") {
        let name = stem(&path);
        let text = String::from_utf8(read(&path)).expect("UTF-8 scenario");
        let mut session = Vec::new();
        let (mut commands, mut responses) = (0, 0);
        for line in text.lines().map(str::trim) {
            if let Some(card) = line.strip_prefix("# card: ") {
                let i = builtin
                    .iter()
                    .position(|(n, _)| *n == card.trim())
                    .unwrap_or_else(|| panic!("{name}: unknown card {card}"));
                session.push(u8::try_from(i).expect("few built-in fixtures"));
            } else if line == "! power-off" {
                session.push(SIM_POWER_OFF);
            } else if line == "! reset" {
                session.push(SIM_RESET);
            } else if let Some(hex) = line.strip_prefix("> ") {
                let apdu = mynapin_apdu::parse_spaced_hex(hex).expect("hex command");
                match u8::try_from(apdu.len()) {
                    Ok(n) if n < SIM_LONG => session.push(n),
                    _ => {
                        session.push(SIM_LONG);
                        let n = u16::try_from(apdu.len()).expect("APDU under 64 KiB");
                        session.extend_from_slice(&n.to_be_bytes());
                    }
                }
                session.extend_from_slice(&apdu);
                commands += 1;
                out.push(("apdu_command", format!("{name}-{commands:03}"), apdu));
            } else if let Some(hex) = line.strip_prefix("< ") {
                responses += 1;
                let bytes = mynapin_apdu::parse_spaced_hex(hex).expect("hex response");
                out.push(("apdu_response", format!("{name}-{responses:03}"), bytes));
            }
        }
        if !session.is_empty() {
            out.push(("sim_card", name, session));
        }
    }
    let pins: &[(&str, &str)] = &[
        ("four-digits", "1234"),
        ("four-digits-fullwidth", "１２３４"),
        ("four-digits-arabic-indic", "١٢٣٤"),
        ("four-digits-space", "12 4"),
        ("four-digits-newline", "1234\n"),
        ("three-digits", "123"),
        ("sign", "ABC123"),
        ("sign-lower", "abc123"),
        ("sign-fullwidth-lower", "ａｂｃ１２３"),
        ("sign-16", "ABCDEFGH12345678"),
        ("sign-17", "ABCDEFGH123456789"),
        ("sign-letters-only", "ABCDEF"),
        ("sign-symbol", "ABC-123"),
        ("code-a", "123456789018"),
        ("code-b", "02010120351234"),
        ("birth", "020101"),
        ("emoji", "12\u{1F600}34"),
        ("bidi", "\u{202E}1234"),
        ("empty", ""),
    ];
    for (name, pin) in pins {
        out.push(("pin_parse", (*name).to_string(), pin.as_bytes().to_vec()));
    }
    // vpcd: what the driver sends (power on, ATR request, an APDU), whole and in 1-byte pieces.
    let frames: &[u8] = &[
        0x00, 0x01, 0x01, 0x00, 0x01, 0x04, 0x00, 0x04, 0x00, 0x20, 0x00, 0x80, 0x00, 0x01,
    ];
    for (name, piece) in [
        ("driver-whole", 255u8),
        ("driver-bytewise", 1),
        ("driver-pairs", 2),
    ] {
        let mut seed = vec![piece];
        seed.extend_from_slice(frames);
        out.push(("vpcd_frames", name.to_string(), seed));
    }
    out
}
