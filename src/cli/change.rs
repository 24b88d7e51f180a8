//! `mynapin verify` and `mynapin change`.
//!
//! Order of every operation, in one session on the card (one PC/SC transaction, exclusive):
//! 1. read the counters of every key reference involved;
//! 2. refuse a blocked PIN (exit 4), the last try (exit 5, unless `--use-last-try`, then a
//!    typed confirmation on a terminal) and an unknown count (exit 5);
//! 3. read the PINs (terminal without echo, or `--pin-stdin` / `--pin-fd`);
//! 4. normalize and validate them locally (exit 2, nothing sent);
//! 5. VERIFY (the card layer reads the counter again right before it), never retried;
//! 6. change each reference; 7. re-read the counters and report per reference.

use super::error::{card_message, CliError, Entry, Exit};
use super::guide_text::short_guide;
use super::lang::Lang;
use super::output::{emit, emit_json, print_message};
use super::secret_input::{confirm, PinSource};
use super::text::{pin_name, pin_short, ref_name, tries};
use super::Ctx;
use crate::card::{
    change_pins, guard_counter, CardError, ChangeReport, ChangeRequest, Counter, MyNumberCard,
    Normalized, Pin, PinState, PinStatus, RefChange, RefOutcome,
};
use crate::layout::{KeyRef, PinId};
use serde::Serialize;
use std::sync::Mutex;

/// A PIN on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PinArg {
    /// 利用者証明用電子証明書の暗証番号 (JPKI user authentication, 4 digits).
    Auth,
    /// 署名用電子証明書のパスワード (JPKI signature, 6–16 letters and digits).
    Sign,
    /// 券面事項入力補助用暗証番号 (card-info input support, 4 digits).
    Kenhojo,
    /// 住民基本台帳用暗証番号 (residence registry, 4 digits; two key references).
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
    /// The copy under the Juki AP (EF 001C).
    JukiAp,
    /// The copy under the common DF (EF 001C).
    JukiCommon,
}

#[derive(Debug, clap::Args)]
pub struct SecretArgs {
    /// Read the PINs from standard input, one per line (see the command's help for the
    /// order). / 暗証番号を標準入力から1行ずつ読む
    #[arg(long, conflicts_with = "pin_fd")]
    pub pin_stdin: bool,
    /// Read the PINs from file descriptor N, one per line. / ファイル記述子 N から読む
    #[arg(long, value_name = "N")]
    pub pin_fd: Option<u32>,
    /// Allow using the LAST remaining try. A wrong PIN then blocks it. Asks once more on a
    /// terminal. / 最後の1回の使用を許可する
    #[arg(long)]
    pub use_last_try: bool,
    /// For juki only: act on one of its two key references (to finish a change that stopped
    /// half-way). / 住基の片方の参照だけを対象にする
    #[arg(long, value_enum, value_name = "REF")]
    pub only_ref: Option<JukiRefArg>,
}

/// `mynapin verify`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
With --pin-stdin: one line, the current PIN.
Nothing is sent when the PIN is blocked (exit 4), has one try left without --use-last-try
(exit 5), or is not well-formed (exit 2). A wrong PIN uses one try (exit 3); mynapin never
retries by itself.")]
pub struct VerifyArgs {
    /// Which PIN. / 確認する暗証番号
    #[arg(value_enum)]
    pub pin: PinArg,
    #[command(flatten)]
    pub secret: SecretArgs,
}

/// `mynapin change`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Several PINs: they all get the same new value (residents often keep the three 4-digit PINs
the same): `mynapin change auth kenhojo juki`. The signature password has another format
and is changed on its own.

With --pin-stdin, lines in this order:
  the current PIN of each PIN in the order given (or one line with --same-current),
  the new PIN, the new PIN again.
Example: printf '1234\\n5678\\n5678\\n' | mynapin --sim-state card.toml change auth --pin-stdin

Every current PIN is checked before anything is changed; each key reference is reported as
changed / not changed / unknown. The residence-registry (juki) PIN is two key references
(Juki AP and common DF): both are changed, with JICSAP CHANGE KEY (80 32), a command known
from a single public source.")]
pub struct ChangeArgs {
    /// Which PINs. / 変更する暗証番号
    #[arg(value_enum, required = true, num_args = 1..)]
    pub pins: Vec<PinArg>,
    /// The PINs share one current value: ask for it once. / 現在の暗証番号が共通
    #[arg(long)]
    pub same_current: bool,
    #[command(flatten)]
    pub secret: SecretArgs,
}

/// The change outcomes while a change is under way, for the watchdog's report.
static PROGRESS: Mutex<Vec<RefOutcome>> = Mutex::new(Vec::new());

/// Lines about a change in progress (empty when none), for the watchdog.
pub fn progress_lines(lang: Lang) -> Vec<String> {
    let refs = PROGRESS.lock().map(|p| p.clone()).unwrap_or_default();
    if refs.is_empty() {
        return Vec::new();
    }
    refs.iter()
        .map(|(p, r, c)| outcome_line(lang, *p, *r, *c))
        .collect()
}

fn set_progress(refs: &[RefOutcome]) {
    if let Ok(mut p) = PROGRESS.lock() {
        *p = refs.to_vec();
    }
}

fn refs_of(pin: PinId, only: Option<JukiRefArg>) -> Vec<KeyRef> {
    match (pin, only) {
        (PinId::Juki, Some(JukiRefArg::JukiAp)) => vec![KeyRef::JukiAp],
        (PinId::Juki, Some(JukiRefArg::JukiCommon)) => vec![KeyRef::JukiCommon],
        _ => pin.refs().to_vec(),
    }
}

fn usage(lang: Lang, en: (&str, &str), ja: (&str, &str)) -> CliError {
    let (what, todo) = if lang == Lang::En { en } else { ja };
    CliError::Usage {
        what: what.to_string(),
        todo: todo.to_string(),
    }
}

/// Steps 1–2: read the counters and apply the guards before asking for anything.
fn precheck(
    ctx: &Ctx,
    card: &mut MyNumberCard<'_>,
    pins: &[PinId],
    only: Option<JukiRefArg>,
    use_last_try: bool,
    source: &PinSource,
) -> Result<Vec<PinStatus>, CliError> {
    let lang = ctx.lang;
    let mut statuses = card.read_pins(pins)?;
    for s in &mut statuses {
        let wanted = refs_of(s.pin, only);
        s.refs.retain(|r| wanted.contains(&r.r));
    }
    let mut last_try = Vec::new();
    for s in &statuses {
        if let Some(w) = super::status::juki_warning(lang, s) {
            eprintln!("mynapin: {}{w}", lang.t("warning: ", "注意："));
        }
        for r in &s.refs {
            if guard_counter(r.r, r.counter, use_last_try, false)? {
                last_try.push(r.r);
            }
        }
    }
    if !last_try.is_empty() && source.interactive() {
        let names: Vec<&str> = last_try
            .iter()
            .map(|r| pin_short(lang, super::text::pin_of_ref(*r)))
            .collect();
        let q = match lang {
            Lang::En => format!(
                "LAST TRY for the {}: a wrong PIN blocks it. Type YES to continue:",
                names.join(", ")
            ),
            Lang::Ja => format!(
                "{}は最後の1回です。間違えるとロックされます。続ける場合は YES と入力してください：",
                names.join("、")
            ),
        };
        if !confirm(lang, &q) {
            return Err(CliError::Declined);
        }
    }
    Ok(statuses)
}

fn prompt_current(lang: Lang, pin: PinId) -> String {
    match lang {
        Lang::En => format!("Current {}", pin_name(lang, pin)),
        Lang::Ja => format!("現在の{}", pin_name(lang, pin)),
    }
}

fn read_pin(
    ctx: &Ctx,
    source: &mut PinSource,
    pin: PinId,
    entry: Entry,
    prompt: &str,
) -> Result<Pin, CliError> {
    let raw = source.read(ctx.lang, prompt)?;
    let (p, norm) =
        Pin::parse(pin.format(), &raw).map_err(|err| CliError::InvalidPin { pin, entry, err })?;
    say_normalized(ctx.lang, norm);
    Ok(p)
}

fn say_normalized(lang: Lang, n: Normalized) {
    if n.fullwidth_converted {
        eprintln!(
            "mynapin: {}",
            lang.t(
                "full-width characters were converted to ASCII.",
                "全角文字を半角に変換しました。"
            )
        );
    }
    if n.uppercased {
        eprintln!(
            "mynapin: {}",
            lang.t(
                "lower-case letters were converted to upper case (the card stores upper case).",
                "小文字を大文字に変換しました（カードには大文字で登録されます）。"
            )
        );
    }
}

#[derive(Serialize)]
struct VerifyJson {
    schema: &'static str,
    pin: &'static str,
    result: &'static str,
    refs: Vec<RefCountJson>,
}

#[derive(Serialize)]
struct RefCountJson {
    id: &'static str,
    retries_left: Option<u8>,
    state: PinState,
}

/// `mynapin verify PIN`.
pub fn verify(ctx: &Ctx, args: &VerifyArgs) -> Result<Exit, CliError> {
    let lang = ctx.lang;
    let pin = PinId::from(args.pin);
    check_only_ref(lang, &[pin], args.secret.only_ref)?;
    let mut source = PinSource::new(lang, args.secret.pin_stdin, args.secret.pin_fd)?;
    let after = ctx.with_card(|card| {
        precheck(
            ctx,
            card,
            &[pin],
            args.secret.only_ref,
            args.secret.use_last_try,
            &source,
        )?;
        let current = read_pin(
            ctx,
            &mut source,
            pin,
            Entry::Current,
            &prompt_current(lang, pin),
        )?;
        for r in refs_of(pin, args.secret.only_ref) {
            card.verify(r, &current, args.secret.use_last_try)?;
        }
        let mut after = card.read_pins(&[pin])?;
        let wanted = refs_of(pin, args.secret.only_ref);
        after[0].refs.retain(|r| wanted.contains(&r.r));
        Ok(after.remove(0))
    })?;
    if ctx.json {
        emit_json(&VerifyJson {
            schema: "mynapin.verify.v1",
            pin: pin.id(),
            result: "correct",
            refs: after
                .refs
                .iter()
                .map(|r| RefCountJson {
                    id: r.r.id(),
                    retries_left: r.counter.retries_left(),
                    state: r.counter.state(),
                })
                .collect(),
        });
    } else {
        emit(&match lang {
            Lang::En => format!(
                "Correct: the {} is right. Tries left: {}.",
                pin_short(lang, pin),
                tries(after.retries_left(), pin.max_tries(), after.state())
            ),
            Lang::Ja => format!(
                "正しい{}です。残り回数：{}。",
                pin_short(lang, pin),
                tries(after.retries_left(), pin.max_tries(), after.state())
            ),
        });
    }
    Ok(Exit::Success)
}

fn check_only_ref(lang: Lang, pins: &[PinId], only: Option<JukiRefArg>) -> Result<(), CliError> {
    if only.is_some() && pins != [PinId::Juki] {
        return Err(usage(
            lang,
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
    Ok(())
}

#[derive(Serialize)]
struct ChangeJson {
    schema: &'static str,
    /// `changed`, `not_changed`, `partial`, `unknown`.
    result: &'static str,
    refs: Vec<RefOutcomeJson>,
    notes: Vec<String>,
    error: Option<ErrorJson>,
}

#[derive(Serialize)]
struct RefOutcomeJson {
    pin: &'static str,
    id: &'static str,
    /// `changed`, `not_changed`, `unknown`.
    outcome: &'static str,
    /// Which value the reference holds now: `new`, `old`, `unknown`.
    holds: &'static str,
    retries_left: Option<u8>,
    state: Option<PinState>,
}

#[derive(Serialize)]
struct ErrorJson {
    kind: &'static str,
    exit_code: u8,
    message: String,
}

fn outcome_line(lang: Lang, pin: PinId, r: KeyRef, c: RefChange) -> String {
    let place = format!("{} — {}", pin_short(lang, pin), ref_name(lang, r));
    match (c, lang) {
        (RefChange::Changed, Lang::En) => format!("{place}: CHANGED (holds the new PIN)"),
        (RefChange::Changed, Lang::Ja) => format!("{place}：変更済み（新しい暗証番号）"),
        (RefChange::NotChanged { .. }, Lang::En) => {
            format!("{place}: not changed (holds the old PIN)")
        }
        (RefChange::NotChanged { .. }, Lang::Ja) => {
            format!("{place}：未変更（元の暗証番号のまま）")
        }
        (RefChange::Unknown, Lang::En) => {
            format!("{place}: UNKNOWN (the card stopped answering during the change: it holds the old or the new PIN)")
        }
        (RefChange::Unknown, Lang::Ja) => {
            format!("{place}：不明（変更中にカードの応答が途絶えました。元か新しい暗証番号のどちらかです）")
        }
    }
}

/// `mynapin change PIN…`.
pub fn change(ctx: &Ctx, args: &ChangeArgs) -> Result<Exit, CliError> {
    let lang = ctx.lang;
    let mut pins: Vec<PinId> = Vec::new();
    for p in &args.pins {
        let p = PinId::from(*p);
        if !pins.contains(&p) {
            pins.push(p);
        }
    }
    if pins.contains(&PinId::Sign) && pins.len() > 1 {
        return Err(usage(
            lang,
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
    check_only_ref(lang, &pins, args.secret.only_ref)?;
    let mut source = PinSource::new(lang, args.secret.pin_stdin, args.secret.pin_fd)?;
    let only = args.secret.only_ref;

    let outcome = ctx.with_card(|card| {
        precheck(ctx, card, &pins, only, args.secret.use_last_try, &source)?;
        // Step 3–4: read and validate every entry before anything is sent.
        let mut currents: Vec<Pin> = Vec::new();
        if args.same_current || pins.len() == 1 {
            let prompt = if pins.len() == 1 {
                prompt_current(lang, pins[0])
            } else {
                lang.t(
                    "Current PIN (the same for all)",
                    "現在の暗証番号（すべて共通）",
                )
                .to_string()
            };
            let p = read_pin(ctx, &mut source, pins[0], Entry::Current, &prompt)?;
            currents.extend(std::iter::repeat_n(p, pins.len()));
        } else {
            for &pin in &pins {
                currents.push(read_pin(
                    ctx,
                    &mut source,
                    pin,
                    Entry::Current,
                    &prompt_current(lang, pin),
                )?);
            }
        }
        let new_prompt = match lang {
            Lang::En => format!(
                "New {}",
                if pins.len() == 1 {
                    pin_name(lang, pins[0])
                } else {
                    "PIN (4 digits)"
                }
            ),
            Lang::Ja => format!(
                "新しい{}",
                if pins.len() == 1 {
                    pin_name(lang, pins[0])
                } else {
                    "暗証番号（数字4桁）"
                }
            ),
        };
        let new = read_pin(ctx, &mut source, pins[0], Entry::New, &new_prompt)?;
        let again_prompt = lang.t("New PIN again", "新しい暗証番号（確認のためもう一度）");
        let again = read_pin(ctx, &mut source, pins[0], Entry::New, again_prompt)
            .map_err(|_| CliError::ConfirmationMismatch)?;
        if !new.ct_eq(&again) {
            return Err(CliError::ConfirmationMismatch);
        }
        drop(again);
        for (pin, current) in pins.iter().zip(&currents) {
            if new.ct_eq(current) {
                return Err(CliError::SameAsCurrent(*pin));
            }
        }
        // Steps 5–6.
        let requests: Vec<ChangeRequest<'_>> = pins
            .iter()
            .zip(&currents)
            .map(|(pin, current)| ChangeRequest {
                pin: *pin,
                current,
                new: &new,
                only: only.map(|_| refs_of(*pin, only)[0]),
            })
            .collect();
        ctx.note("verifying and changing", "照合と変更を行っています");
        let report = change_pins(card, &requests, args.secret.use_last_try, &mut |p| {
            set_progress(p)
        });
        // Step 7: re-read the counters (if the card is still there).
        let after = card.read_pins(&pins).ok();
        Ok((report, after))
    })?;
    let (report, after) = outcome;
    set_progress(&[]);
    Ok(print_change(ctx, &pins, report, after.as_deref()))
}

fn print_change(
    ctx: &Ctx,
    pins: &[PinId],
    report: ChangeReport,
    after: Option<&[PinStatus]>,
) -> Exit {
    let lang = ctx.lang;
    let counter_of = |r: KeyRef| {
        after.and_then(|a| {
            a.iter()
                .flat_map(|p| p.refs.iter())
                .find(|s| s.r == r)
                .map(|s| s.counter)
        })
    };
    let any_changed = report.refs.iter().any(|(_, _, c)| *c == RefChange::Changed);
    let any_unknown = report.refs.iter().any(|(_, _, c)| *c == RefChange::Unknown);
    let result = if report.all_changed() {
        "changed"
    } else if any_unknown {
        "unknown"
    } else if any_changed {
        "partial"
    } else {
        "not_changed"
    };
    let mut notes = Vec::new();
    if pins.contains(&PinId::Juki) && report.refs.iter().any(|(_, r, _)| r.is_juki()) {
        notes.push(
            lang.t(
                "The residence-registry PIN is stored twice on the card (Juki AP and common DF); mynapin changes each copy with JICSAP CHANGE KEY (80 32), a card command known from a single public source.",
                "住民基本台帳用暗証番号はカード内に2か所（住基APと共通AP）に登録されています。mynapin はそれぞれを JICSAP CHANGE KEY（80 32）で変更します。このコマンドの公開情報は1件だけです。",
            )
            .to_string(),
        );
    }
    let error_msg = report.error.as_ref().map(|e| card_message(lang, e));
    let mut exit = match (&error_msg, result) {
        (None, "changed") => Exit::Success,
        (_, "partial" | "unknown") => Exit::Failure,
        (Some(m), _) => m.exit,
        (None, _) => Exit::Failure,
    };
    if result == "partial" || result == "unknown" {
        exit = Exit::Failure;
        notes.extend(partial_advice(lang, &report));
    }
    if ctx.json {
        emit_json(&ChangeJson {
            schema: "mynapin.change.v1",
            result,
            refs: report
                .refs
                .iter()
                .map(|(p, r, c)| {
                    let counter = counter_of(*r);
                    RefOutcomeJson {
                        pin: p.id(),
                        id: r.id(),
                        outcome: match c {
                            RefChange::Changed => "changed",
                            RefChange::NotChanged { .. } => "not_changed",
                            RefChange::Unknown => "unknown",
                        },
                        holds: match c {
                            RefChange::Changed => "new",
                            RefChange::NotChanged { .. } => "old",
                            RefChange::Unknown => "unknown",
                        },
                        retries_left: counter.and_then(Counter::retries_left),
                        state: counter.map(Counter::state),
                    }
                })
                .collect(),
            notes: notes.clone(),
            error: error_msg.as_ref().map(|m| ErrorJson {
                kind: m.kind,
                exit_code: exit as u8,
                message: m.what.clone(),
            }),
        });
    } else {
        let head = match (result, lang) {
            ("changed", Lang::En) => "PIN change DONE.",
            ("changed", Lang::Ja) => "暗証番号の変更が完了しました。",
            ("not_changed", Lang::En) => "PIN change NOT done: nothing was changed.",
            ("not_changed", Lang::Ja) => "暗証番号は変更されていません。",
            ("partial", Lang::En) => {
                "PIN change NOT complete: some references were changed, others not."
            }
            ("partial", Lang::Ja) => "暗証番号の変更は完了していません（一部だけ変更されました）。",
            (_, Lang::En) => "PIN change outcome UNKNOWN for some references.",
            (_, Lang::Ja) => "一部の参照で変更の結果が不明です。",
        };
        emit(head);
        for (p, r, c) in &report.refs {
            let counter = counter_of(*r);
            let t = counter
                .map(|c| tries(c.retries_left(), r.max_tries(), c.state()))
                .unwrap_or_else(|| "?".into());
            emit(&format!(
                "  {}  [{} {t}]",
                outcome_line(lang, *p, *r, *c),
                lang.t("tries", "残り")
            ));
        }
        for n in &notes {
            emit(&format!("  {n}"));
        }
    }
    if let Some(m) = error_msg {
        let mut todo = m.todo.clone();
        if let Some(CardError::Blocked(r)) = &report.error {
            todo = short_guide(lang, super::text::pin_of_ref(*r), after);
        }
        print_message(lang, &m.what, &todo);
    }
    exit
}

/// Exactly what to do after a change that stopped half-way.
fn partial_advice(lang: Lang, report: &ChangeReport) -> Vec<String> {
    let mut out = Vec::new();
    for (pin, r, c) in &report.refs {
        let only = match r {
            KeyRef::JukiAp => " --only-ref juki-ap",
            KeyRef::JukiCommon => " --only-ref juki-common",
            _ => "",
        };
        match (c, lang) {
            (RefChange::NotChanged { .. }, Lang::En) => out.push(format!(
                "To finish: mynapin change {}{only} (current = the OLD PIN, new = the NEW PIN).",
                pin.id()
            )),
            (RefChange::NotChanged { .. }, Lang::Ja) => out.push(format!(
                "完了させるには：mynapin change {}{only}（現在＝元の暗証番号、新しい＝新しい暗証番号）",
                pin.id()
            )),
            (RefChange::Unknown, Lang::En) => out.push(format!(
                "To find out without guessing twice: mynapin verify {}{only} with the NEW PIN (a wrong answer costs one try and means the OLD PIN is still set).",
                pin.id()
            )),
            (RefChange::Unknown, Lang::Ja) => out.push(format!(
                "確認方法：mynapin verify {}{only} で新しい暗証番号を入力してください（違っていれば1回減り、元の暗証番号のままという意味です）。",
                pin.id()
            )),
            _ => {}
        }
    }
    out
}
