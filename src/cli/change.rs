//! `mynapin verify` and `mynapin change`: gather the arguments, answer the card session's PIN
//! requests, and word its typed outcome. The order of the steps and every safety decision
//! belong to the card layer (`card::session`); nothing here decides what is sent.

use super::error::{exit_of_class, refused_request, stop_message, CliError, Exit};
use super::lang::{msg, Lang};
use super::output::{emit, emit_json, print_message, say};
use super::secret_input::{confirm, Input};
use super::text::{counter_text, pin_name, pin_short, ref_tech, tries};
use super::Ctx;
use mynapin_core::card::session::{
    self, ChangeResult, Checked, EntryError, Event, NextStep, Options, PadPolicy, PinRequest,
    PinSource, Report, Role, Stop,
};
use mynapin_core::card::{Counter, NotChanged, PinState, RefChange, Unknown, Weakness};
use mynapin_core::layout::{KeyRef, PinFormat, PinId};
use mynapin_core::outcome::OutcomeKind;
use mynapin_words::outcome::{self, juki_place};
use serde::Serialize;
use zeroize::Zeroizing;

/// A PIN on the command line: its name, never its value (help: `help-value-<name>`). The
/// Japanese names printed on the card's letter (利用者証明用…) are accepted too, and with
/// `ignore_case` on the argument, the ids in upper case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PinArg {
    /// [`PinId::Auth`].
    #[value(alias = "利用者証明用", alias = "利用者証明用暗証番号")]
    Auth,
    /// [`PinId::Sign`].
    #[value(alias = "署名用", alias = "署名用パスワード", alias = "署名用暗証番号")]
    Sign,
    /// [`PinId::Kenhojo`].
    #[value(alias = "券面事項入力補助用", alias = "券面事項入力補助用暗証番号")]
    Kenhojo,
    /// [`PinId::Juki`] (two key references).
    #[value(alias = "住民基本台帳用", alias = "住民基本台帳用暗証番号")]
    Juki,
}

impl From<PinArg> for PinId {
    fn from(p: PinArg) -> PinId {
        match p {
            PinArg::Auth => PinId::Auth,
            PinArg::Sign => PinId::Sign,
            PinArg::Kenhojo => PinId::Kenhojo,
            PinArg::Juki => PinId::Juki,
        }
    }
}

/// One juki key reference, to finish a change that stopped half-way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum JukiRefArg {
    /// [`KeyRef::JukiAp`].
    JukiAp,
    /// [`KeyRef::JukiCommon`].
    JukiCommon,
}

impl From<JukiRefArg> for KeyRef {
    fn from(r: JukiRefArg) -> KeyRef {
        match r {
            JukiRefArg::JukiAp => KeyRef::JukiAp,
            JukiRefArg::JukiCommon => KeyRef::JukiCommon,
        }
    }
}

/// `--pinpad`: where the 4-digit PINs are typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PadArg {
    /// [`PadPolicy::Auto`].
    Auto,
    /// [`PadPolicy::Always`].
    Always,
    /// [`PadPolicy::Never`].
    Never,
}

impl From<PadArg> for PadPolicy {
    fn from(p: PadArg) -> PadPolicy {
        match p {
            PadArg::Auto => PadPolicy::Auto,
            PadArg::Always => PadPolicy::Always,
            PadArg::Never => PadPolicy::Never,
        }
    }
}

/// How PINs are entered, shared by verify and change (help: `help-arg-<option>`).
#[derive(Debug, clap::Args)]
pub struct SecretArgs {
    /// `--pinpad`: PC/SC secure PIN entry for the 4-digit PINs.
    #[arg(long, value_enum, value_name = "WHEN", default_value = "auto")]
    pub pinpad: PadArg,
    /// `--pin-stdin`: one PIN per line, in the order the command's help gives.
    #[arg(long, conflicts_with = "pin_fd")]
    pub pin_stdin: bool,
    /// `--pin-fd N`: the same from a file descriptor (Unix).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(0..=1_048_576))]
    pub pin_fd: Option<u32>,
    /// `--use-last-try`: the guard on the last try lifted.
    #[arg(long)]
    pub use_last_try: bool,
    /// `--only-ref`: one of the two juki key references.
    #[arg(long, value_enum, value_name = "REF")]
    pub only_ref: Option<JukiRefArg>,
}

/// `mynapin verify` (help: `help-verify-…`).
#[derive(Debug, clap::Args)]
pub struct VerifyArgs {
    /// The PIN's name; none is a usage error that lists the four (as `change` does).
    #[arg(value_enum, value_name = "WHICH", ignore_case = true)]
    pub pin: Option<PinArg>,
    /// How it is entered.
    #[command(flatten)]
    pub secret: SecretArgs,
}

/// `mynapin change` (help: `help-change-…`).
#[derive(Debug, clap::Args)]
pub struct ChangeArgs {
    /// The PINs' names; none is a usage error worded by `change`.
    #[arg(value_enum, num_args = 0.., value_name = "WHICH", ignore_case = true)]
    pub pins: Vec<PinArg>,
    /// `--same-current`: one current value asked for all of them.
    #[arg(long)]
    pub same_current: bool,
    /// How they are entered.
    #[command(flatten)]
    pub secret: SecretArgs,
}

/// Answers the session's PIN requests from the terminal or a stream.
struct HostPins<'a> {
    ctx: &'a Ctx,
    input: Input,
    delivered: usize,
    /// `mynapin verify`: the keypad instructions do not say "current".
    verify: bool,
    /// The signature password is asked for (it is a password, not a PIN, in every message).
    sign: bool,
}

impl HostPins<'_> {
    /// "PIN" or "password", for running text.
    fn secret(&self) -> String {
        secret_word(self.ctx.lang, self.sign)
    }
}

/// "PIN" or "password", for running text.
fn secret_word(lang: Lang, sign: bool) -> String {
    outcome::secret_word(lang, if sign { PinId::Sign } else { PinId::Auth })
}

/// Says `text` on stderr with -v (built only then).
fn note(ctx: &Ctx, text: impl FnOnce() -> String) {
    if ctx.verbose > 0 {
        say(&text());
    }
}

/// Where `pin` is kept, for the report: the PIN's name, and for the residence registry PIN
/// which of its two places; the technical name (`Juki AP, EF 001C`) only with --verbose.
fn place(lang: Lang, verbose: bool, pin: PinId, r: KeyRef) -> String {
    if !verbose {
        return outcome::place(lang, pin, r);
    }
    let name = pin_short(lang, pin);
    match juki_place(r) {
        Some(n) => msg::change_place_juki_tech(
            lang,
            msg::ChangePlaceJukiTech {
                n,
                pin: name,
                tech: ref_tech(lang, r),
            },
        ),
        None => msg::change_place_tech(
            lang,
            msg::ChangePlaceTech {
                pin: name,
                tech: ref_tech(lang, r),
            },
        ),
    }
}

/// " [3 tries left]" after a prompt or a keypad instruction, or nothing.
fn tries_tag(lang: Lang, tries_left: Option<u8>) -> String {
    tries_left
        .map(|n| msg::change_tries_tag(lang, msg::tries_left(lang, n)))
        .unwrap_or_default()
}

/// "the user-authentication PIN", "the signature password" — or several joined.
fn names(lang: Lang, pins: &[PinId]) -> String {
    let v: Vec<String> = pins.iter().map(|p| pin_short(lang, *p)).collect();
    lang.join(&v)
}

fn format_hint(lang: Lang, f: PinFormat) -> String {
    match f {
        PinFormat::SignPassword => msg::change_hint_sign(lang),
        _ => msg::change_hint_four_digits(lang),
    }
}

fn prompt(lang: Lang, req: &PinRequest) -> String {
    let one = req.pins.len() == 1;
    let sign = req.format == PinFormat::SignPassword;
    let what = match req.role {
        Role::Current if req.verify_only => pin_name(lang, req.pins[0]),
        Role::Current if one => msg::change_ask_current(lang, pin_short(lang, req.pins[0])),
        Role::Current => msg::change_ask_current_shared(lang, names(lang, &req.pins)),
        Role::New if one => msg::change_ask_new(
            lang,
            msg::ChangeAskNew {
                hint: format_hint(lang, req.format),
                pin: pin_short(lang, req.pins[0]),
            },
        ),
        Role::New => msg::change_ask_new_shared(lang, names(lang, &req.pins)),
        Role::Confirm if sign => msg::change_ask_again_sign(lang),
        Role::Confirm => msg::change_ask_again(lang),
    };
    let tries = match req.role {
        Role::Current => tries_tag(lang, req.tries_left),
        _ => String::new(),
    };
    msg::change_prompt(lang, msg::ChangePrompt { tries, what })
}

impl PinSource for HostPins<'_> {
    fn ask(&mut self, req: &PinRequest) -> Result<Zeroizing<String>, EntryError> {
        if !self.input.interactive() {
            note(self.ctx, || {
                msg::change_waiting(self.ctx.lang, self.secret())
            });
        }
        match self.input.read(&prompt(self.ctx.lang, req), &self.ctx.stop) {
            Ok(entry) => {
                self.delivered += 1;
                Ok(entry)
            }
            // Ctrl-D at a terminal prompt: the person cancelled, as with Ctrl-C (a stream that
            // ends early is "input ended", with the lines it lacked).
            Err(EntryError::Ended { .. }) if self.input.interactive() => {
                Err(EntryError::Cancelled { signal: 0 })
            }
            Err(EntryError::Ended { .. }) => Err(EntryError::Ended {
                got: self.delivered,
                expected: req.entries_total,
            }),
            Err(e) => Err(e),
        }
    }

    fn interactive(&self) -> bool {
        self.input.interactive()
    }

    fn confirm_last_try(
        &mut self,
        pin: PinId,
        _r: KeyRef,
        counter: Counter,
    ) -> Result<bool, EntryError> {
        if !self.input.interactive() {
            // --use-last-try without a terminal: the flag is the confirmation.
            return Ok(true);
        }
        let lang = self.ctx.lang;
        let q = match counter {
            Counter::Left(1) => msg::change_last_try(
                lang,
                msg::ChangeLastTry {
                    pin: pin_short(lang, pin),
                    secret: secret_word(lang, pin == PinId::Sign),
                },
            ),
            _ => msg::change_last_try_unknown(lang, pin_short(lang, pin)),
        };
        confirm(lang, &q, &self.ctx.stop).map_err(|e| match e {
            // Ctrl-D at the question: a cancel, as at a PIN prompt.
            EntryError::Ended { .. } => EntryError::Cancelled { signal: 0 },
            e => e,
        })
    }

    fn event(&mut self, event: Event) {
        let lang = self.ctx.lang;
        match event {
            Event::Normalized(_, n) => {
                if n.fullwidth_converted {
                    say(&msg::change_fullwidth(lang));
                }
                if n.uppercased {
                    say(&msg::change_uppercased(lang));
                }
            }
            Event::InvalidEntry {
                pin,
                role,
                err,
                attempt,
                of,
            } => say(&msg::change_invalid_again(
                lang,
                msg::ChangeInvalidAgain {
                    attempt,
                    of,
                    rule: super::text::format_rule(lang, pin.format()),
                    what: outcome::invalid_pin(lang, pin, role, err),
                },
            )),
            Event::EasyToGuess(w) => {
                let kind = match w {
                    Weakness::AllSame => msg::change_easy_same(lang),
                    Weakness::Run => msg::change_easy_run(lang),
                };
                say(&if self.input.interactive() {
                    msg::change_easy_to_guess(
                        lang,
                        msg::ChangeEasyToGuess {
                            kind,
                            secret: self.secret(),
                        },
                    )
                } else {
                    msg::change_easy_to_guess_stream(
                        lang,
                        msg::ChangeEasyToGuessStream {
                            kind,
                            secret: self.secret(),
                        },
                    )
                });
            }
            Event::CurrentAccepted => note(self.ctx, || {
                msg::change_current_accepted(lang, self.secret())
            }),
            Event::ConfirmationMismatch { attempt, of } => say(&msg::change_mismatch(
                lang,
                msg::ChangeMismatch {
                    attempt: attempt + 1,
                    of,
                    secret: self.secret(),
                },
            )),
            Event::Changing(r) => note(self.ctx, || {
                let pin = r.pin().unwrap_or(PinId::Kenhojo);
                msg::change_changing(lang, place(lang, true, pin, r))
            }),
            Event::CopiesDisagree { first, second } => say(&juki_disagree(lang, first, second)),
            Event::PinPadPlan {
                entries,
                verify_only,
            } => say(&pad_plan(lang, entries, verify_only)),
            Event::TypeOnReader {
                pin,
                r,
                role,
                entry_no,
                entries_total,
                tries_left,
                ..
            } => say(&pad_instruction(
                lang,
                pin,
                r,
                (role, self.verify),
                (entry_no, entries_total),
                tries_left,
            )),
        }
    }
}

/// Said once, before the first keypad entry.
fn pad_plan(lang: Lang, entries: usize, verify_only: bool) -> String {
    if verify_only {
        msg::pad_plan_verify(lang, entries)
    } else {
        msg::pad_plan_change(lang, entries)
    }
}

/// The instruction for one keypad step: (`role`, whether this is `verify`), the step's first
/// entry `no` of `total`.
fn pad_instruction(
    lang: Lang,
    pin: PinId,
    r: KeyRef,
    (role, verify): (Role, bool),
    (no, total): (usize, usize),
    tries_left: Option<u8>,
) -> String {
    let name = pin_short(lang, pin);
    let tries = tries_tag(lang, tries_left);
    match (role, juki_place(r)) {
        (Role::Current, place) => {
            let step = msg::pad_step_one(lang, msg::PadStepOne { no, total });
            match (verify, place) {
                (true, None) => msg::pad_type_verify(
                    lang,
                    msg::PadTypeVerify {
                        pin: name,
                        step,
                        tries,
                    },
                ),
                (true, Some(n)) => msg::pad_type_verify_juki(
                    lang,
                    msg::PadTypeVerifyJuki {
                        n,
                        pin: name,
                        step,
                        tries,
                    },
                ),
                (false, None) => msg::pad_type_current(
                    lang,
                    msg::PadTypeCurrent {
                        pin: name,
                        step,
                        tries,
                    },
                ),
                (false, Some(n)) => msg::pad_type_current_juki(
                    lang,
                    msg::PadTypeCurrentJuki {
                        n,
                        pin: name,
                        step,
                        tries,
                    },
                ),
            }
        }
        (_, place) => {
            let step = msg::pad_step_two(
                lang,
                msg::PadStepTwo {
                    next: no + 1,
                    no,
                    total,
                },
            );
            match place {
                None => msg::pad_type_new(lang, msg::PadTypeNew { pin: name, step }),
                Some(n) => msg::pad_type_new_juki(lang, msg::PadTypeNewJuki { n, pin: name, step }),
            }
        }
    }
}

/// The warning for a juki PIN whose two references report different counts.
pub fn juki_disagree(lang: Lang, first: Counter, second: Counter) -> String {
    let t = |r: KeyRef, c: Counter| {
        msg::change_juki_place_count(
            lang,
            msg::ChangeJukiPlaceCount {
                count: counter_text(r, c),
                n: juki_place(r).unwrap_or(1),
            },
        )
    };
    let parts = [t(KeyRef::JukiAp, first), t(KeyRef::JukiCommon, second)];
    msg::change_juki_disagree(lang, lang.join(&parts))
}

fn usage(what: String, todo: String) -> CliError {
    CliError::Usage { what, todo }
}

/// The session's options for `pins`, checked by the session's own rules before the input is
/// opened and the card is touched (a request that can never run needs no card).
fn options(ctx: &Ctx, secret: &SecretArgs, pins: &[PinId]) -> Result<Options, CliError> {
    let opts = Options {
        allow_last_try: secret.use_last_try,
        only: secret.only_ref.map(KeyRef::from),
        pinpad: secret.pinpad.into(),
        pad_lang: pad_lang(ctx.lang),
        ..Options::default()
    };
    session::check(pins, &opts).map_err(|stop| refused_request(ctx.lang, &stop))?;
    Ok(opts)
}

/// The language a PIN-pad reader shows its own messages in (a LANGID from the catalogue;
/// English when the catalogue's value is not one).
fn pad_lang(lang: Lang) -> u16 {
    u16::from_str_radix(msg::pad_reader_language(lang).trim(), 16)
        .unwrap_or(mynapin_apdu::part10::LANG_ENGLISH_US)
}

fn input(ctx: &Ctx, secret: &SecretArgs) -> Result<Input, CliError> {
    Input::new(ctx.lang, secret.pin_stdin, secret.pin_fd)
        .map_err(|e| usage(e.0, msg::change_no_input_todo(ctx.lang)))
}
#[derive(Serialize)]
struct VerifyJson {
    schema: &'static str,
    pin: &'static str,
    result: &'static str,
    refs: Vec<RefJson>,
}

#[derive(Serialize)]
struct RefJson {
    pin: &'static str,
    id: &'static str,
    /// `not_sent`, `correct`, `wrong`, `unknown` (a try may have been spent).
    checked: &'static str,
    /// `changed`, `not_changed`, `unknown` (change only).
    #[serde(skip_serializing_if = "Option::is_none")]
    outcome: Option<&'static str>,
    /// Which value the reference holds now: `new`, `old`, `unknown` (change only).
    #[serde(skip_serializing_if = "Option::is_none")]
    holds: Option<&'static str>,
    /// The card's answer to the change, when it was not `90 00`.
    #[serde(skip_serializing_if = "Option::is_none")]
    sw: Option<String>,
    retries_left: Option<u8>,
    state: Option<PinState>,
}

fn checked_id(c: Checked) -> &'static str {
    match c {
        Checked::NotSent => "not_sent",
        Checked::Correct => "correct",
        Checked::Wrong { .. } => "wrong",
        Checked::Unknown => "unknown",
    }
}

fn ref_json(r: &session::RefReport, change: bool) -> RefJson {
    let counter = r.counter();
    RefJson {
        pin: r.pin.id(),
        id: r.r.id(),
        checked: checked_id(r.checked),
        outcome: change.then_some(match r.change {
            RefChange::Changed => "changed",
            RefChange::NotChanged(_) => "not_changed",
            RefChange::Unknown(_) => "unknown",
        }),
        holds: change.then_some(match r.change {
            RefChange::Changed => "new",
            RefChange::NotChanged(_) => "old",
            RefChange::Unknown(_) => "unknown",
        }),
        sw: match r.change {
            RefChange::NotChanged(NotChanged::Refused(sw))
            | RefChange::Unknown(Unknown::Answer(sw)) => Some(sw.to_string()),
            _ => None,
        },
        retries_left: counter.and_then(Counter::retries_left),
        state: counter.map(Counter::state),
    }
}

/// `head`, then the four PINs' ids and names: which PIN is which is the question most people
/// have first.
fn which_list(lang: Lang, head: String) -> String {
    let mut what = head;
    for p in PinId::ALL {
        what.push_str(&format!("\n    {:<8} {}", p.id(), pin_name(lang, p)));
    }
    what
}

/// `mynapin verify WHICH`.
pub fn verify(ctx: &Ctx, args: &VerifyArgs) -> Result<Exit, CliError> {
    let lang = ctx.lang;
    let Some(pin) = args.pin.map(PinId::from) else {
        return Err(usage(
            which_list(lang, msg::verify_which(lang)),
            msg::verify_which_todo(lang),
        ));
    };
    let opts = options(ctx, &args.secret, &[pin])?;
    let mut host = HostPins {
        ctx,
        input: input(ctx, &args.secret)?,
        delivered: 0,
        verify: true,
        sign: pin == PinId::Sign,
    };
    let report = ctx.with_card(|card| Ok(session::verify(card, pin, opts, &mut host)))?;
    if let Some(stop) = &report.stop {
        return Ok(report_stop(ctx, stop, &report, false));
    }
    if ctx.json {
        emit_json(&VerifyJson {
            schema: "mynapin.verify.v1",
            pin: pin.id(),
            result: "correct",
            refs: report.refs.iter().map(|r| ref_json(r, false)).collect(),
        });
    } else {
        let after: Vec<Counter> = report.refs.iter().filter_map(|r| r.after).collect();
        let left = after.iter().filter_map(|c| c.retries_left()).min();
        let state = after
            .iter()
            .map(|c| c.state())
            .min()
            .unwrap_or(PinState::Unknown);
        emit(&msg::verify_correct(
            lang,
            msg::VerifyCorrect {
                pin: pin_short(lang, pin),
                tries: tries(left, pin.max_tries(), state),
            },
        ));
    }
    Ok(Exit::Success)
}

/// Prints the message for a stop (stderr; with --json a `mynapin.error.v1` object) and
/// returns its exit code.
fn report_stop(ctx: &Ctx, stop: &session::Stop, report: &Report, change: bool) -> Exit {
    let m = stop_message(ctx.lang, stop, report);
    if !change {
        print_message(ctx.lang, &m.what, &m.todo);
        if ctx.json {
            super::output::emit_error_json(&m, &report_refs_json(report, false));
        }
    }
    m.exit
}

fn report_refs_json(report: &Report, change: bool) -> Vec<RefJson> {
    report.refs.iter().map(|r| ref_json(r, change)).collect()
}

#[derive(Serialize)]
struct ChangeJson {
    schema: &'static str,
    /// `changed`, `not_changed`, `partial`, `unknown`.
    result: &'static str,
    refs: Vec<RefJson>,
    notes: Vec<String>,
    error: Option<ErrorJson>,
}

#[derive(Serialize)]
struct ErrorJson {
    kind: &'static str,
    exit_code: u8,
    message: String,
    todo: Vec<String>,
}

/// One line of the report of a change: which place holds which PIN, and its tries.
fn outcome_line(lang: Lang, verbose: bool, r: &session::RefReport, count: String) -> String {
    let what = outcome::ref_change(lang, r);
    let checked = outcome::ref_checked(lang, r);
    let place = place(lang, verbose, r.pin, r.r);
    match checked {
        None => msg::change_ref_line(
            lang,
            msg::ChangeRefLine {
                count,
                outcome: what,
                place,
            },
        ),
        Some(c) => msg::change_ref_line_checked(
            lang,
            msg::ChangeRefLineChecked {
                checked: c,
                count,
                outcome: what,
                place,
            },
        ),
    }
}

/// `mynapin change WHICH…`.
pub fn change(ctx: &Ctx, args: &ChangeArgs) -> Result<Exit, CliError> {
    let lang = ctx.lang;
    if args.pins.is_empty() {
        return Err(usage(
            which_list(lang, msg::change_which(lang)),
            msg::change_which_todo(lang),
        ));
    }
    let mut pins: Vec<PinId> = Vec::new();
    for p in &args.pins {
        let p = PinId::from(*p);
        if !pins.contains(&p) {
            pins.push(p);
        }
    }
    let mut opts = options(ctx, &args.secret, &pins)?;
    opts.same_current = args.same_current;
    let mut host = HostPins {
        ctx,
        input: input(ctx, &args.secret)?,
        delivered: 0,
        verify: false,
        sign: pins.contains(&PinId::Sign),
    };
    let report = ctx.with_card(|card| Ok(session::change(card, &pins, opts, &mut host)))?;
    let cut = host.input.last_entry_cut_off();
    Ok(print_change(ctx, &pins, &report, cut))
}

/// `cut`: the last entry read ended with the input, not with a line end.
fn print_change(ctx: &Ctx, pins: &[PinId], report: &Report, cut: bool) -> Exit {
    let lang = ctx.lang;
    let verbose = ctx.verbose > 0;
    let result = report.change_result();
    let mut notes = Vec::new();
    if pins.contains(&PinId::Juki) && report.refs.iter().any(|r| r.r.is_juki()) && verbose {
        notes.push(msg::change_juki_note(
            lang,
            msg::ChangeJukiNote {
                first: ref_tech(lang, KeyRef::JukiAp),
                second: ref_tech(lang, KeyRef::JukiCommon),
            },
        ));
    }
    if matches!(result, ChangeResult::Partial | ChangeResult::Unknown) {
        notes.extend(partial_advice(lang, report));
    }
    let message = report.stop.as_ref().map(|s| {
        let mut m = stop_message(lang, s, report);
        if cut && matches!(s, Stop::ConfirmationMismatch { .. }) {
            // The confirmation that does not match ended with the input: say that the input
            // ended, not that two typed entries differ.
            m.kind = OutcomeKind::InputCutOff;
            m.what =
                msg::error_input_cut_off_what(lang, secret_word(lang, pins.contains(&PinId::Sign)));
            m.todo.truncate(1);
            m.todo.push(msg::error_input_cut_off_todo(lang));
        }
        m
    });
    let exit = exit_of_class(report.change_class());
    if ctx.json {
        emit_json(&ChangeJson {
            schema: "mynapin.change.v1",
            result: match result {
                ChangeResult::Changed => "changed",
                ChangeResult::NotChanged => "not_changed",
                ChangeResult::Partial => "partial",
                ChangeResult::Unknown => "unknown",
            },
            refs: report_refs_json(report, true),
            notes: notes.clone(),
            error: message.as_ref().map(|m| ErrorJson {
                kind: m.kind.id(),
                exit_code: exit as u8,
                message: m.what.clone(),
                todo: m.todo.clone(),
            }),
        });
    } else {
        let sign = pins == [PinId::Sign];
        let head = match (result, sign) {
            (ChangeResult::Changed, true) => msg::change_done_sign(lang),
            (ChangeResult::Changed, false) => msg::change_done(lang),
            (ChangeResult::NotChanged, true) => msg::change_not_done_sign(lang),
            (ChangeResult::NotChanged, false) => msg::change_not_done(lang),
            (ChangeResult::Partial, _) => msg::change_partial(lang),
            (ChangeResult::Unknown, true) => msg::change_unknown_sign(lang),
            (ChangeResult::Unknown, false) => msg::change_unknown(lang),
        };
        emit(&head);
        for r in &report.refs {
            let t = match r.after.or(r.before) {
                Some(c) => counter_text(r.r, c),
                None => "?".into(),
            };
            emit(&format!("  {}", outcome_line(lang, verbose, r, t)));
        }
        for n in &notes {
            emit(&format!("  {n}"));
        }
    }
    if let Some(m) = message {
        print_message(lang, &m.what, &m.todo);
    }
    exit
}

/// Exactly what to do after a change that stopped half-way: the core's next steps for the
/// references, each with the command that does it (the other next steps are said by the
/// stop's own message).
fn partial_advice(lang: Lang, report: &Report) -> Vec<String> {
    // The command line for `pin`, limited to the place `r` for a PIN kept in two.
    let command = |verb: &str, pin: PinId, r: KeyRef| {
        let only = match r {
            KeyRef::JukiAp => " --only-ref juki-ap",
            KeyRef::JukiCommon => " --only-ref juki-common",
            _ => "",
        };
        format!("mynapin {verb} {}{only}", pin.id())
    };
    report
        .next_steps()
        .into_iter()
        .filter_map(|step| match step {
            NextStep::FinishChange { pin, r } => Some(msg::change_todo_finish(
                lang,
                msg::ChangeTodoFinish {
                    command: command("change", pin, r),
                    secret: outcome::secret_word(lang, pin),
                },
            )),
            NextStep::FindOutWhichValue { pin, r } => Some(msg::change_todo_find_out(
                lang,
                msg::ChangeTodoFindOut {
                    command: command("verify", pin, r),
                    max: r.max_tries(),
                    place: place(lang, false, pin, r),
                    secret: outcome::secret_word(lang, pin),
                },
            )),
            NextStep::ReadStatus | NextStep::SeeGuide(_) => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    use mynapin_apdu::{Command, Response};
    use mynapin_core::card::MyNumberCard;
    use mynapin_core::transport::{in_process::InProcess, Transport, TransportError};
    use mynapin_sim::{Fixture, SimCard};

    /// The in-process card behind a reader where the card is taken out right before the
    /// `nth` change command (CHANGE REFERENCE DATA or CHANGE KEY): that command and every
    /// later one fail with what the PC/SC transport makes of pcsc-lite's answer then,
    /// `SCARD_W_REMOVED_CARD` (the command never reaches the card).
    struct RemovedBeforeChange<'a> {
        inner: InProcess<'a>,
        nth: usize,
        changes: usize,
        gone: bool,
        error: fn() -> TransportError,
    }

    impl Transport for RemovedBeforeChange<'_> {
        fn transmit_raw(&mut self, command: &Command) -> Result<Response, TransportError> {
            if matches!(command.ins(), 0x24 | 0x32) {
                self.changes += 1;
                self.gone |= self.changes == self.nth;
            }
            if self.gone {
                return Err((self.error)());
            }
            self.inner.transmit_raw(command)
        }
        fn reader_name(&self) -> String {
            "test".into()
        }
    }

    struct Lines(Vec<&'static str>);

    impl session::PinSource for Lines {
        fn ask(&mut self, _: &PinRequest) -> Result<Zeroizing<String>, EntryError> {
            Ok(Zeroizing::new(self.0.remove(0).to_string()))
        }
        fn interactive(&self) -> bool {
            false
        }
        fn confirm_last_try(
            &mut self,
            _: PinId,
            _: KeyRef,
            _: Counter,
        ) -> Result<bool, EntryError> {
            Ok(false)
        }
    }

    /// `pins` changed from 1234 to 5678 on a fresh simulated card, the card removed before
    /// the `nth` change command with `error`; returns the report and the card.
    fn removed_before_change(
        pins: &[PinId],
        nth: usize,
        error: fn() -> TransportError,
    ) -> (Report, SimCard) {
        let mut sim = SimCard::new(Fixture::builtin("fresh").unwrap());
        let report = {
            let mut t = RemovedBeforeChange {
                inner: InProcess::new(&mut sim, "sim"),
                nth,
                changes: 0,
                gone: false,
                error,
            };
            let mut card = MyNumberCard::open(&mut t).unwrap();
            session::change(
                &mut card,
                pins,
                Options::default(),
                &mut Lines(vec!["1234", "5678", "5678"]),
            )
        };
        (report, sim)
    }

    fn advice_text(report: &Report) -> String {
        let mut text: Vec<String> = report
            .refs
            .iter()
            .map(|r| outcome_line(Lang::EN, false, r, "?".into()))
            .collect();
        // As print_change does.
        if matches!(
            report.change_result(),
            ChangeResult::Partial | ChangeResult::Unknown
        ) {
            text.extend(partial_advice(Lang::EN, report));
        }
        if let Some(stop) = &report.stop {
            let m = stop_message(Lang::EN, stop, report);
            text.push(m.what);
            text.extend(m.todo);
        }
        text.join("\n")
    }

    /// Issue 18, item 1: the card taken out after the VERIFY and before CHANGE REFERENCE
    /// DATA. pcsc-lite refuses the command before any I/O: the PIN is NOT changed, and the
    /// advice never tells to verify with the new PIN (certain to cost a try: the card holds
    /// the old one).
    /// (Linux: pcsc-lite's sources show the removal is found before any I/O; on Windows and
    /// macOS a removal counts as sent, the safe side.)
    #[cfg(target_os = "linux")]
    #[test]
    fn a_change_refused_before_sending_is_not_changed() {
        let removed =
            || mynapin_core::transport::pcsc::map_transmit_error(::pcsc::Error::RemovedCard);
        let (report, sim) = removed_before_change(&[PinId::Auth], 1, removed);
        assert!(sim.value_is(KeyRef::Auth, "1234"));
        assert_eq!(report.refs[0].checked, Checked::Correct);
        assert_eq!(
            report.refs[0].change,
            RefChange::NotChanged(NotChanged::NotSent),
            "{report:?}"
        );
        assert_eq!(report.change_result(), ChangeResult::NotChanged);
        let text = advice_text(&report);
        assert!(text.contains("not changed (holds the old PIN"), "{text}");
        assert!(text.contains("did not reach the card"), "{text}");
        assert!(!text.contains("with the NEW"), "{text}");
        assert!(!text.contains("mynapin verify"), "{text}");

        // juki, taken out between the two CHANGE KEYs: place 1 holds the new PIN, place 2
        // certainly the old one; the advice finishes place 2 and guesses nothing.
        let (report, sim) = removed_before_change(&[PinId::Juki], 2, removed);
        assert!(sim.value_is(KeyRef::JukiAp, "5678"));
        assert!(sim.value_is(KeyRef::JukiCommon, "1234"));
        assert_eq!(report.refs[0].change, RefChange::Changed);
        assert_eq!(
            report.refs[1].change,
            RefChange::NotChanged(NotChanged::NotSent)
        );
        assert_eq!(report.change_result(), ChangeResult::Partial);
        let text = advice_text(&report);
        assert!(
            text.contains("To finish: mynapin change juki --only-ref juki-common"),
            "{text}"
        );
        assert!(!text.contains("mynapin verify"), "{text}");
    }

    /// A change command sent and not answered (the card went away while working on it):
    /// truly unknown. The advice says the card holds one of the two PINs, that the counter
    /// is read for free, and that the wrong one costs one try of N — never one guess as safe.
    #[test]
    fn a_truly_unknown_change_presents_no_guess_as_safe() {
        for (pins, nth, place) in [
            (&[PinId::Auth][..], 1, "user-authentication PIN: it holds"),
            (
                &[PinId::Juki][..],
                2,
                "residence registry PIN — place 2 of 2: it holds",
            ),
        ] {
            let (report, _) = removed_before_change(pins, nth, || TransportError::CardRemoved);
            assert_eq!(report.change_result(), ChangeResult::Unknown);
            let text = advice_text(&report);
            for needle in [
                place,
                "either the OLD or the NEW PIN",
                "costs nothing: `mynapin status`",
                "costs one of its 3 tries if you type the one it does not hold",
            ] {
                assert!(text.contains(needle), "{needle:?} in {text}");
            }
            assert!(!text.contains("with the NEW"), "{text}");
            let ja = partial_advice(Lang::JA, &report).join("");
            assert!(
                ja.contains("3回のうち1回が減ります") && ja.contains("mynapin status"),
                "{ja}"
            );
        }
    }

    #[test]
    fn keypad_instructions_in_both_languages() {
        let en = pad_instruction(
            Lang::EN,
            PinId::Auth,
            KeyRef::Auth,
            (Role::Current, false),
            (1, 3),
            Some(3),
        );
        assert!(
            en.contains(
                "Type the current user-authentication PIN on the reader's keypad and press OK"
            ),
            "{en}"
        );
        assert!(
            en.starts_with("[entry 1 of 3]") && en.ends_with("[3 tries left]"),
            "{en}"
        );
        let ja = pad_instruction(
            Lang::JA,
            PinId::Auth,
            KeyRef::Auth,
            (Role::Current, false),
            (1, 3),
            Some(1),
        );
        assert_eq!(
            ja,
            "［3回中1回目］リーダーのキーパッドで現在の利用者証明用暗証番号を入力し、OKを押してください。［残り1回］"
        );
        let new = pad_instruction(
            Lang::EN,
            PinId::Juki,
            KeyRef::JukiCommon,
            (Role::New, false),
            (6, 7),
            None,
        );
        assert_eq!(
            new,
            "[entries 6-7 of 7] Type the NEW residence registry PIN (4 digits, place 2 of 2 on the card) on the reader's keypad and press OK, then type it again and press OK"
        );
        let new_ja = pad_instruction(
            Lang::JA,
            PinId::Juki,
            KeyRef::JukiAp,
            (Role::New, false),
            (2, 7),
            None,
        );
        assert!(
            new_ja.starts_with("［7回中2〜3回目］")
                && new_ja.contains("（カード内の1か所目、数字4桁）"),
            "{new_ja}"
        );
        assert!(pad_plan(Lang::EN, 7, false).contains("7 entries in all"));
        assert!(pad_plan(Lang::EN, 1, true).contains("(1 entry)"));
        assert!(pad_plan(Lang::EN, 2, true).contains("(2 entries)"));
        assert!(pad_plan(Lang::JA, 1, true).contains("残り回数が1回減ります"));
    }

    #[test]
    fn verify_never_says_current() {
        for lang in [Lang::EN, Lang::JA] {
            for r in [KeyRef::Auth, KeyRef::JukiAp] {
                let pin = r.pin().unwrap();
                let line = pad_instruction(lang, pin, r, (Role::Current, true), (1, 2), Some(3));
                assert!(
                    !line.contains("current") && !line.contains("現在"),
                    "{line}"
                );
            }
        }
        let req = PinRequest {
            pins: vec![PinId::Auth],
            role: Role::Current,
            format: PinFormat::FourDigits,
            tries_left: Some(3),
            attempt: 1,
            entry_no: 1,
            entries_total: 1,
            verify_only: true,
        };
        assert_eq!(
            prompt(Lang::EN, &req),
            "User-authentication PIN (JPKI, 4 digits) [3 tries left] (input is not shown): "
        );
    }

    #[test]
    fn the_signature_password_is_a_password() {
        let req = |role| PinRequest {
            pins: vec![PinId::Sign],
            role,
            format: PinFormat::SignPassword,
            tries_left: None,
            attempt: 1,
            entry_no: 1,
            entries_total: 3,
            verify_only: false,
        };
        assert_eq!(
            prompt(Lang::EN, &req(Role::Confirm)),
            "New signature password again (input is not shown): "
        );
        assert_eq!(
            prompt(Lang::JA, &req(Role::Confirm)),
            "新しいパスワード（確認のためもう一度）（入力は表示されません）："
        );
        assert_eq!(
            prompt(Lang::EN, &req(Role::Current)),
            "Current signature password (input is not shown): "
        );
        for lang in [Lang::EN, Lang::JA] {
            let text = format!(
                "{}{}",
                prompt(lang, &req(Role::New)),
                msg::change_mismatch(
                    lang,
                    msg::ChangeMismatch {
                        attempt: 1u8,
                        of: 3u8,
                        secret: secret_word(lang, true)
                    }
                )
            );
            assert!(
                !text.contains("暗証番号") && !text.contains("PIN"),
                "{text}"
            );
        }
    }

    #[test]
    fn the_report_names_each_place_once() {
        let line = |lang, verbose, r: KeyRef, change| {
            outcome_line(
                lang,
                verbose,
                &session::RefReport {
                    pin: r.pin().unwrap(),
                    r,
                    checked: Checked::Correct,
                    change,
                    before: None,
                    after: None,
                },
                "3/3".to_string(),
            )
        };
        assert_eq!(
            line(Lang::EN, false, KeyRef::JukiAp, RefChange::Changed),
            "residence registry PIN — place 1 of 2: CHANGED (holds the new PIN)  [tries 3/3]"
        );
        assert_eq!(
            line(Lang::JA, false, KeyRef::JukiCommon, RefChange::Changed),
            "住民基本台帳用暗証番号（2か所目）：変更しました（新しい暗証番号になっています）。［残り回数 3/3］"
        );
        assert_eq!(
            line(Lang::EN, false, KeyRef::Auth, RefChange::Changed),
            "user-authentication PIN: CHANGED (holds the new PIN)  [tries 3/3]"
        );
        let verbose = line(Lang::EN, true, KeyRef::JukiAp, RefChange::Changed);
        assert!(
            verbose.starts_with("residence registry PIN — place 1 of 2 (Juki AP, EF 001C): "),
            "{verbose}"
        );
        let sign = line(Lang::JA, false, KeyRef::Sign, RefChange::Changed);
        assert!(
            sign.contains("新しいパスワード") && !sign.contains("暗証番号"),
            "{sign}"
        );
        assert!(!line(Lang::JA, false, KeyRef::JukiAp, RefChange::Changed).contains("住基"));
    }
}
