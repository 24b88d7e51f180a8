//! `mynapin verify` and `mynapin change`: gather the arguments, answer the card session's PIN
//! requests, and word its typed outcome. The order of the steps and every safety decision
//! belong to the card layer (`card::session`); nothing here decides what is sent.

use super::error::{stop_message, CliError, Exit};
use super::lang::{Lang, Pair};
use super::output::{emit, emit_json, print_message, say};
use super::secret_input::{confirm, Input};
use super::text::{counter_text, pin_name, pin_short, ref_name, tries};
use super::Ctx;
use crate::card::session::{
    self, ChangeResult, Checked, EntryError, Event, Options, PadPolicy, PinRequest, PinSource,
    Report, Role,
};
use crate::card::{Counter, NotChanged, PinState, RefChange, Unknown};
use crate::layout::{KeyRef, PinFormat, PinId};
use serde::Serialize;
use zeroize::Zeroizing;

/// A PIN on the command line: its name, never its value (help: `help-value-<name>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PinArg {
    /// [`PinId::Auth`].
    Auth,
    /// [`PinId::Sign`].
    Sign,
    /// [`PinId::Kenhojo`].
    Kenhojo,
    /// [`PinId::Juki`] (two key references).
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
    /// The PIN's name.
    #[arg(value_enum, value_name = "WHICH")]
    pub pin: PinArg,
    /// How it is entered.
    #[command(flatten)]
    pub secret: SecretArgs,
}

/// `mynapin change` (help: `help-change-…`).
#[derive(Debug, clap::Args)]
pub struct ChangeArgs {
    /// The PINs' names; none is a usage error worded by `change`.
    #[arg(value_enum, num_args = 0.., value_name = "WHICH")]
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
}

/// "the user-authentication PIN", "the signature password" — or several joined.
fn names(lang: Lang, pins: &[PinId]) -> String {
    let v: Vec<String> = pins.iter().map(|p| pin_short(lang, *p)).collect();
    lang.join(&v)
}

fn format_hint(lang: Lang, f: PinFormat) -> &'static str {
    match f {
        PinFormat::SignPassword => lang.t(
            "6-16 capital letters and digits",
            "英大文字と数字で6〜16文字",
        ),
        _ => lang.t("4 digits", "数字4桁"),
    }
}

fn prompt(lang: Lang, req: &PinRequest) -> String {
    let one = req.pins.len() == 1;
    let sign = req.format == PinFormat::SignPassword;
    let hidden = lang.t(" (input is not shown): ", "（入力は表示されません）：");
    let what = match (req.role, lang.pair()) {
        (Role::Current, Pair::En) if req.verify_only => pin_name(lang, req.pins[0]).to_string(),
        (Role::Current, Pair::Ja) if req.verify_only => pin_name(lang, req.pins[0]).to_string(),
        (Role::Current, Pair::En) if one => {
            format!("Current {}", pin_short(lang, req.pins[0]))
        }
        (Role::Current, Pair::Ja) if one => format!("現在の{}", pin_short(lang, req.pins[0])),
        (Role::Current, Pair::En) => {
            format!("Current PIN, the same for the {}", names(lang, &req.pins))
        }
        (Role::Current, Pair::Ja) => format!("現在の暗証番号（{}で共通）", names(lang, &req.pins)),
        (Role::New, Pair::En) if one => format!(
            "New {} ({})",
            pin_short(lang, req.pins[0]),
            format_hint(lang, req.format)
        ),
        (Role::New, Pair::Ja) if one => format!(
            "新しい{}（{}）",
            pin_short(lang, req.pins[0]),
            format_hint(lang, req.format)
        ),
        (Role::New, Pair::En) => format!("New PIN for the {} (4 digits)", names(lang, &req.pins)),
        (Role::New, Pair::Ja) => format!("{}の新しい暗証番号（数字4桁）", names(lang, &req.pins)),
        (Role::Confirm, Pair::En) if sign => "New signature password again".to_string(),
        (Role::Confirm, Pair::Ja) if sign => "新しいパスワード（確認のためもう一度）".to_string(),
        (Role::Confirm, Pair::En) => "New PIN again".to_string(),
        (Role::Confirm, Pair::Ja) => "新しい暗証番号（確認のためもう一度）".to_string(),
    };
    let tries = match (req.role, req.tries_left, lang.pair()) {
        (Role::Current, Some(n), Pair::En) => {
            format!(" [{n} {} left]", if n == 1 { "try" } else { "tries" })
        }
        (Role::Current, Some(n), Pair::Ja) => format!("［残り{n}回］"),
        _ => String::new(),
    };
    format!("{what}{tries}{hidden}")
}

impl PinSource for HostPins<'_> {
    fn ask(&mut self, req: &PinRequest) -> Result<Zeroizing<String>, EntryError> {
        if !self.input.interactive() {
            self.ctx.note(
                "waiting for the PIN on the input",
                "入力から暗証番号を待っています",
            );
        }
        match self.input.read(&prompt(self.ctx.lang, req), &self.ctx.stop) {
            Ok(entry) => {
                self.delivered += 1;
                Ok(entry)
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
        let q = match (counter, lang.pair()) {
            (Counter::Left(1), Pair::En) => format!(
                "LAST TRY for the {}: a wrong PIN blocks it. Type YES to continue:",
                pin_short(lang, pin)
            ),
            (Counter::Left(1), Pair::Ja) => format!(
                "{}は最後の1回です。間違えるとロックされます。続ける場合は「はい」または YES と入力してください：",
                pin_short(lang, pin)
            ),
            (_, Pair::En) => format!(
                "The card does not say how many tries the {} has left: this may be the last one. Type YES to continue:",
                pin_short(lang, pin)
            ),
            (_, Pair::Ja) => format!(
                "カードが{}の残り回数を返さないため、これが最後の1回かもしれません。続ける場合は「はい」または YES と入力してください：",
                pin_short(lang, pin)
            ),
        };
        confirm(lang, &q, &self.ctx.stop)
    }

    fn event(&mut self, event: Event) {
        let lang = self.ctx.lang;
        match event {
            Event::Normalized(_, n) => {
                if n.fullwidth_converted {
                    say(lang.t(
                        "full-width characters were converted to ASCII.",
                        "全角文字を半角に変換しました。",
                    ));
                }
                if n.uppercased {
                    say(lang.t(
                        "lower-case letters were converted to upper case (the card stores upper case).",
                        "小文字を大文字に変換しました（カードには大文字で登録されます）。",
                    ));
                }
            }
            Event::CurrentAccepted => self.ctx.note(
                "the current PIN is correct",
                "現在の暗証番号は正しいことを確認しました",
            ),
            Event::ConfirmationMismatch { attempt, of } => say(&match lang.pair() {
                Pair::En => format!(
                    "the two entries of the new PIN differ; nothing was changed. Type them again ({} of {of}).",
                    attempt + 1
                ),
                Pair::Ja => format!(
                    "新しい暗証番号の1回目と2回目が一致しません。何も変更していません。もう一度入力してください（{}/{of}回目）。",
                    attempt + 1
                ),
            }),
            Event::Changing(r) => self.ctx.note(
                &format!("changing {}", r.id()),
                &format!("{} を変更しています", r.id()),
            ),
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
                role,
                (entry_no, entries_total),
                tries_left,
            )),
        }
    }
}

/// Said once, before the first keypad entry.
fn pad_plan(lang: Lang, entries: usize, verify_only: bool) -> String {
    match (lang.pair(), verify_only) {
        (Pair::En, true) => format!(
            "the reader has a PIN pad: type the PIN on its keypad, not on the computer ({entries} {}). A wrong PIN typed on the keypad uses a try, as on the computer.",
            if entries == 1 { "entry" } else { "entries" }
        ),
        (Pair::En, false) => format!(
            "the reader has a PIN pad: type the PINs on its keypad, not on the computer — {entries} entries in all: the current PIN, then the new PIN twice, for each key reference. A wrong current PIN typed on the keypad uses a try, as on the computer."
        ),
        (Pair::Ja, true) => format!(
            "このリーダーには PIN パッドがあります。暗証番号はパソコンではなくリーダーのキーパッドで入力してください（{entries}回）。キーパッドで間違えた場合も、パソコンと同じく試行回数が1回減ります。"
        ),
        (Pair::Ja, false) => format!(
            "このリーダーには PIN パッドがあります。暗証番号はパソコンではなくリーダーのキーパッドで入力してください。入力は全部で{entries}回です（登録ごとに現在の暗証番号、新しい暗証番号を2回）。現在の暗証番号をキーパッドで間違えた場合も、パソコンと同じく試行回数が1回減ります。"
        ),
    }
}

/// The instruction for one keypad step.
fn pad_instruction(
    lang: Lang,
    pin: PinId,
    r: KeyRef,
    role: Role,
    (no, total): (usize, usize),
    tries_left: Option<u8>,
) -> String {
    let name = pin_short(lang, pin);
    let copy = if r.is_juki() {
        match lang.pair() {
            Pair::En => format!(" — for its copy in the {}", ref_name(lang, r)),
            Pair::Ja => format!("（{}の登録）", ref_name(lang, r)),
        }
    } else {
        String::new()
    };
    let step = match (role, lang.pair()) {
        (Role::Current, Pair::En) => format!("[entry {no} of {total}]"),
        (Role::Current, Pair::Ja) => format!("［{no}/{total}回目］"),
        (_, Pair::En) => format!("[entries {no}-{} of {total}]", no + 1),
        (_, Pair::Ja) => format!("［{no}〜{}/{total}回目］", no + 1),
    };
    let tries = match (tries_left, lang.pair()) {
        (Some(n), Pair::En) => format!(" [{n} {} left]", if n == 1 { "try" } else { "tries" }),
        (Some(n), Pair::Ja) => format!("［残り{n}回］"),
        (None, _) => String::new(),
    };
    match (role, lang.pair()) {
        (Role::Current, Pair::En) => format!(
            "{step} Type the current {name} on the reader's keypad and press OK{copy}{tries}"
        ),
        (Role::Current, Pair::Ja) => {
            format!("{step}リーダーのキーパッドで現在の{name}{copy}を入力し、OKを押してください{tries}")
        }
        (_, Pair::En) => format!(
            "{step} Type the NEW {name} (4 digits) on the reader's keypad and press OK, then type it again and press OK{copy}"
        ),
        (_, Pair::Ja) => format!(
            "{step}リーダーのキーパッドで新しい{name}{copy}（数字4桁）を入力してOKを押し、確認のためもう一度入力してOKを押してください"
        ),
    }
}

/// The warning for a juki PIN whose two references report different counts.
pub fn juki_disagree(lang: Lang, first: Counter, second: Counter) -> String {
    let t = |r: KeyRef, c: Counter| format!("{} {}", ref_name(lang, r), counter_text(r, c));
    let parts = [t(KeyRef::JukiAp, first), t(KeyRef::JukiCommon, second)];
    match lang.pair() {
        Pair::En => format!(
            "warning: the two copies of the residence registry PIN report different counts ({}). The lower one counts. A change with mynapin sets both.",
            parts.join(", ")
        ),
        Pair::Ja => format!(
            "注意：住民基本台帳用暗証番号の2か所の登録で残り回数が異なります（{}）。少ない方を基準にしてください。mynapin で変更すると両方が変更されます。",
            parts.join("、")
        ),
    }
}

fn options(ctx: &Ctx, secret: &SecretArgs, pins: &[PinId]) -> Result<Options, CliError> {
    if secret.only_ref.is_some() && pins != [PinId::Juki] {
        return Err(ctx.usage(
            (
                "--only-ref applies to the juki PIN alone.",
                "Use it as: mynapin change juki --only-ref juki-common",
            ),
            (
                "--only-ref は juki だけに使えます。",
                "使い方：mynapin change juki --only-ref juki-common",
            ),
        ));
    }
    if secret.pinpad == PadArg::Always && pins.contains(&PinId::Sign) {
        return Err(ctx.usage(
            (
                "The signature password cannot be typed on a numeric PIN pad (--pinpad always).",
                "Type it at the computer: leave out --pinpad always (or use --pinpad never).",
            ),
            (
                "署名用パスワードは数字の PIN パッドでは入力できません（--pinpad always）。",
                "パソコンで入力してください：--pinpad always を付けずに（または --pinpad never で）実行してください。",
            ),
        ));
    }
    Ok(Options {
        allow_last_try: secret.use_last_try,
        only: secret.only_ref.map(KeyRef::from),
        pinpad: secret.pinpad.into(),
        pad_lang: match ctx.lang.pair() {
            Pair::En => mynapin_apdu::part10::LANG_ENGLISH_US,
            Pair::Ja => mynapin_apdu::part10::LANG_JAPANESE,
        },
        ..Options::default()
    })
}

fn input(ctx: &Ctx, secret: &SecretArgs) -> Result<Input, CliError> {
    Input::new(ctx.lang, secret.pin_stdin, secret.pin_fd).map_err(|e| CliError::Usage {
        what: e.0,
        todo: ctx
            .lang
            .t(
                "Give the PINs on standard input with --pin-stdin, or run it in a terminal. Nothing was sent to the card.",
                "--pin-stdin で標準入力から渡すか、端末から実行してください。カードには何も送っていません。",
            )
            .to_string(),
    })
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
    let counter = r.after.or(match r.checked {
        Checked::Wrong { tries_left } => tries_left.map(|n| {
            if n == 0 {
                Counter::Blocked
            } else {
                Counter::Left(n)
            }
        }),
        _ => r.before,
    });
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

/// `mynapin verify WHICH`.
pub fn verify(ctx: &Ctx, args: &VerifyArgs) -> Result<Exit, CliError> {
    let lang = ctx.lang;
    let pin = PinId::from(args.pin);
    let opts = options(ctx, &args.secret, &[pin])?;
    let mut host = HostPins {
        ctx,
        input: input(ctx, &args.secret)?,
        delivered: 0,
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
        emit(&match lang.pair() {
            Pair::En => format!(
                "Correct: the {} is right. Tries left: {}.",
                pin_short(lang, pin),
                tries(left, pin.max_tries(), state)
            ),
            Pair::Ja => format!(
                "正しい{}です。残り回数：{}。",
                pin_short(lang, pin),
                tries(left, pin.max_tries(), state)
            ),
        });
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

fn outcome_line(lang: Lang, r: &session::RefReport) -> String {
    let place = format!("{} — {}", pin_short(lang, r.pin), ref_name(lang, r.r));
    let what = match (r.change, lang.pair()) {
        (RefChange::Changed, Pair::En) => "CHANGED (holds the new PIN)".to_string(),
        (RefChange::Changed, Pair::Ja) => "変更済み（新しい暗証番号）".to_string(),
        (RefChange::NotChanged(NotChanged::NotSent), Pair::En) => {
            "not changed (holds the old PIN; no change command was sent)".to_string()
        }
        (RefChange::NotChanged(NotChanged::NotSent), Pair::Ja) => {
            "未変更（元の暗証番号のまま。変更の命令は送っていません）".to_string()
        }
        (RefChange::NotChanged(NotChanged::Refused(sw)), Pair::En) => format!(
            "not changed (the card refused it with {sw}: {}; holds the old PIN)",
            super::text::sw_meaning(lang, sw)
        ),
        (RefChange::NotChanged(NotChanged::Refused(sw)), Pair::Ja) => format!(
            "未変更（カードが {sw}（{}）で拒否しました。元の暗証番号のまま）",
            super::text::sw_meaning(lang, sw)
        ),
        (RefChange::Unknown(Unknown::Answer(sw)), Pair::En) => format!(
            "UNKNOWN (the card answered {sw}: {}, which does not rule out that it changed it: it holds the old or the new PIN)",
            super::text::sw_meaning(lang, sw)
        ),
        (RefChange::Unknown(Unknown::Answer(sw)), Pair::Ja) => format!(
            "不明（カードの応答 {sw}（{}）では変更されたかどうか分かりません。元か新しい暗証番号のどちらかです）",
            super::text::sw_meaning(lang, sw)
        ),
        (RefChange::Unknown(Unknown::NoAnswer), Pair::En) => {
            "UNKNOWN (the card's answer to the change was lost: it holds the old or the new PIN)".to_string()
        }
        (RefChange::Unknown(Unknown::NoAnswer), Pair::Ja) => {
            "不明（変更の命令への応答が途絶えました。元か新しい暗証番号のどちらかです）".to_string()
        }
    };
    let checked = match (r.checked, lang.pair()) {
        (Checked::Wrong { .. }, Pair::En) => " — its current PIN was WRONG: one try used",
        (Checked::Wrong { .. }, Pair::Ja) => "。現在の暗証番号が違いました（1回減りました）",
        (Checked::Unknown, Pair::En) => {
            " — a try may have been used (the VERIFY's answer was lost)"
        }
        (Checked::Unknown, Pair::Ja) => "。照合の応答が得られず、1回減った可能性があります",
        _ => "",
    };
    format!("{place}: {what}{checked}")
}

/// `mynapin change WHICH…`.
pub fn change(ctx: &Ctx, args: &ChangeArgs) -> Result<Exit, CliError> {
    if args.pins.is_empty() {
        // Which PIN is which is the question most people have first.
        let lang = ctx.lang;
        let mut todo = String::new();
        for p in PinId::ALL {
            todo.push_str(&format!("\n    {:<8} {}", p.id(), pin_name(lang, p)));
        }
        return Err(CliError::Usage {
            what: lang
                .t(
                    "Say which PIN to change (its name, never its value):",
                    "変更する暗証番号の種類を指定してください（暗証番号そのものではありません）：",
                )
                .to_string()
                + &todo,
            todo: lang
                .t(
                    "For example: mynapin change auth — or several 4-digit PINs at once: mynapin change auth kenhojo juki",
                    "例：mynapin change auth（4桁の暗証番号はまとめて変更できます：mynapin change auth kenhojo juki）",
                )
                .to_string(),
        });
    }
    let mut pins: Vec<PinId> = Vec::new();
    for p in &args.pins {
        let p = PinId::from(*p);
        if !pins.contains(&p) {
            pins.push(p);
        }
    }
    if pins.contains(&PinId::Sign) && pins.len() > 1 {
        return Err(ctx.usage(
            (
                "The signature password cannot share a new value with the 4-digit PINs.",
                "Change it on its own: mynapin change sign",
            ),
            (
                "署名用パスワードは4桁の暗証番号と同じ値にできません。",
                "単独で変更してください：mynapin change sign",
            ),
        ));
    }
    let mut opts = options(ctx, &args.secret, &pins)?;
    opts.same_current = args.same_current;
    let mut host = HostPins {
        ctx,
        input: input(ctx, &args.secret)?,
        delivered: 0,
    };
    let report = ctx.with_card(|card| Ok(session::change(card, &pins, opts, &mut host)))?;
    Ok(print_change(ctx, &pins, &report))
}

fn print_change(ctx: &Ctx, pins: &[PinId], report: &Report) -> Exit {
    let lang = ctx.lang;
    let result = report.change_result();
    let mut notes = Vec::new();
    if pins.contains(&PinId::Juki) && report.refs.iter().any(|r| r.r.is_juki()) && ctx.verbose > 0 {
        notes.push(
            lang.t(
                "The residence-registry PIN is stored twice on the card (Juki AP and common DF); mynapin changes each copy with JICSAP CHANGE KEY (80 32), a card command known from a single public source.",
                "住民基本台帳用暗証番号はカード内の2か所に登録されています。mynapin はそれぞれを JICSAP CHANGE KEY（80 32）で変更します。このカードコマンドの公開情報は1件だけです。",
            )
            .to_string(),
        );
    }
    if matches!(result, ChangeResult::Partial | ChangeResult::Unknown) {
        notes.extend(partial_advice(lang, report));
    }
    let message = report.stop.as_ref().map(|s| stop_message(lang, s, report));
    let exit = match (&message, result) {
        (None, ChangeResult::Changed) => Exit::Success,
        (Some(m), _) if m.exit.is_signal() => m.exit,
        (_, ChangeResult::Partial | ChangeResult::Unknown) => Exit::Failure,
        (Some(m), _) => m.exit,
        (None, _) => Exit::Failure,
    };
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
                kind: m.kind,
                exit_code: exit as u8,
                message: m.what.clone(),
                todo: m.todo.clone(),
            }),
        });
    } else {
        let head = match (result, lang.pair()) {
            (ChangeResult::Changed, Pair::En) if pins == [PinId::Sign] => {
                "Signature password change DONE."
            }
            (ChangeResult::Changed, Pair::Ja) if pins == [PinId::Sign] => {
                "パスワードの変更が完了しました。"
            }
            (ChangeResult::Changed, Pair::En) => "PIN change DONE.",
            (ChangeResult::Changed, Pair::Ja) => "暗証番号の変更が完了しました。",
            (ChangeResult::NotChanged, Pair::En) => "PIN change NOT done: nothing was changed.",
            (ChangeResult::NotChanged, Pair::Ja) => "暗証番号は変更されていません。",
            (ChangeResult::Partial, Pair::En) => {
                "PIN change NOT complete: some references were changed, others not."
            }
            (ChangeResult::Partial, Pair::Ja) => {
                "暗証番号の変更は完了していません（一部だけ変更されました）。"
            }
            (ChangeResult::Unknown, Pair::En) => "PIN change outcome UNKNOWN for some references.",
            (ChangeResult::Unknown, Pair::Ja) => "一部の登録で変更の結果が不明です。",
        };
        emit(head);
        for r in &report.refs {
            let t = match r.after.or(r.before) {
                Some(c) => counter_text(r.r, c),
                None => "?".into(),
            };
            emit(&format!(
                "  {}  [{} {t}]",
                outcome_line(lang, r),
                lang.t("tries", "残り")
            ));
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

/// Exactly what to do after a change that stopped half-way.
fn partial_advice(lang: Lang, report: &Report) -> Vec<String> {
    let mut out = Vec::new();
    for r in &report.refs {
        let only = match r.r {
            KeyRef::JukiAp => " --only-ref juki-ap",
            KeyRef::JukiCommon => " --only-ref juki-common",
            _ => "",
        };
        let pin = r.pin.id();
        match (r.change, lang.pair()) {
            (RefChange::NotChanged(_), Pair::En) => out.push(format!(
                "To finish: mynapin change {pin}{only} (current = the OLD PIN, new = the NEW PIN)."
            )),
            (RefChange::NotChanged(_), Pair::Ja) => out.push(format!(
                "完了させるには：mynapin change {pin}{only}（現在＝元の暗証番号、新しい＝新しい暗証番号）"
            )),
            (RefChange::Unknown(_), Pair::En) => out.push(format!(
                "To find out without guessing twice: mynapin verify {pin}{only} with the NEW PIN (a wrong answer costs one try and means the OLD PIN is still set)."
            )),
            (RefChange::Unknown(_), Pair::Ja) => out.push(format!(
                "確認方法：mynapin verify {pin}{only} で新しい暗証番号を入力してください（違っていれば1回減り、元の暗証番号のままという意味です）。"
            )),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keypad_instructions_in_both_languages() {
        let en = pad_instruction(
            Lang::EN,
            PinId::Auth,
            KeyRef::Auth,
            Role::Current,
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
            Role::Current,
            (1, 3),
            None,
        );
        assert!(
            ja.contains(
                "リーダーのキーパッドで現在の利用者証明用暗証番号を入力し、OKを押してください"
            ),
            "{ja}"
        );
        let new = pad_instruction(
            Lang::EN,
            PinId::Juki,
            KeyRef::JukiCommon,
            Role::New,
            (6, 7),
            None,
        );
        assert!(
            new.starts_with("[entries 6-7 of 7] Type the NEW residence registry PIN (4 digits) on the reader's keypad and press OK, then type it again and press OK — for its copy in the residence registry, place 2 of 2"),
            "{new}"
        );
        assert!(pad_plan(Lang::EN, 7, false).contains("7 entries in all"));
        assert!(pad_plan(Lang::JA, 1, true).contains("試行回数が1回減ります"));
    }
}
