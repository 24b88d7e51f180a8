//! Every failure → a documented exit code, a "what happened" line and "what to do" lines,
//! each saying what is known: whether anything was sent, whether a try was spent, which key
//! reference holds which PIN.

use super::guide_text;
use super::lang::{Lang, Pair};
use super::text::{card_kind, format_rule, pin_of_ref, pin_short, ref_name, sanitize, sw_meaning};
use crate::card::session::{Checked, EntryError, PadAnswer, Report, Role, Stop};
use crate::card::{CardError, Lost, PinError, Step};
use crate::layout::{Applet, KeyRef, PinId};
use crate::sim::{FixtureError, StateError};
use crate::transport::TransportError;

/// The exit codes (README, `--help`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: success.
    Success = 0,
    /// 1: unexpected card answer, partial change, or internal error.
    Failure = 1,
    /// 2: usage error or invalid input; nothing was sent to the card.
    Usage = 2,
    /// 3: wrong PIN.
    WrongPin = 3,
    /// 4: PIN blocked: a reset is required.
    Blocked = 4,
    /// 5: refused by a safety guard (last try, unknown count); nothing was sent.
    Refused = 5,
    /// 6: no reader, no card, not a My Number card, or PC/SC failure.
    NoCard = 6,
    /// 130: interrupted by Ctrl-C (SIGINT); the report says what was done.
    Interrupted = 130,
    /// 143: stopped by SIGTERM; the report says what was done.
    Terminated = 143,
}

impl Exit {
    /// The exit code for a stop by `signal`.
    pub fn from_signal(signal: i32) -> Exit {
        if signal == 15 {
            Exit::Terminated
        } else {
            Exit::Interrupted
        }
    }

    /// True for the codes of a stop by a signal.
    pub fn is_signal(self) -> bool {
        matches!(self, Exit::Interrupted | Exit::Terminated)
    }
}

/// A failure of a command.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// From the card layer.
    #[error(transparent)]
    Card(#[from] CardError),
    /// A fixture that cannot be loaded.
    #[error(transparent)]
    Fixture(#[from] FixtureError),
    /// Wrong use of the command line (message already localized).
    #[error("{what}")]
    Usage {
        /// What is wrong.
        what: String,
        /// What to do.
        todo: String,
    },
    /// The simulated card's state file cannot be used.
    #[error(transparent)]
    State(#[from] StateError),
}

impl From<TransportError> for CliError {
    fn from(e: TransportError) -> Self {
        CliError::Card(CardError::Transport(e))
    }
}

/// A message: exit code, what happened, what to do (possibly several lines).
pub struct Message {
    /// Exit code.
    pub exit: Exit,
    /// Stable machine-readable kind for `--json`.
    pub kind: &'static str,
    /// What happened.
    pub what: String,
    /// What to do.
    pub todo: Vec<String>,
}

impl CliError {
    /// The message for this error in `lang`.
    pub fn message(&self, lang: Lang) -> Message {
        let m = |exit, kind, what: String, todo: Vec<String>| Message {
            exit,
            kind,
            what,
            todo,
        };
        let l = |en: &str, ja: &str| lang.t(en, ja).to_string();
        match self {
            CliError::Card(e) => card_message(lang, e),
            CliError::Fixture(e) | CliError::State(StateError::Malformed(e)) => m(
                Exit::Usage,
                "fixture",
                sanitize(&e.to_string()),
                vec![l(
                    "Check the fixture file against fixtures/cards/fresh.toml, or use a built-in name: mynapin sim fixtures.",
                    "fixtures/cards/fresh.toml と見比べて修正するか、組み込みの名前を使ってください（mynapin sim fixtures）。",
                )],
            ),
            CliError::Usage { what, todo } => m(Exit::Usage, "usage", what.clone(), vec![todo.clone()]),
            CliError::State(StateError::Busy { path }) => m(
                Exit::NoCard,
                "card_in_use",
                match lang.pair() {
                    Pair::En => format!("The simulated card {} is in use by another run of mynapin.", sanitize(path)),
                    Pair::Ja => format!("模擬カード {} は別の mynapin が使用中です。", sanitize(path)),
                },
                vec![l("Wait for the other run to finish, then try again.", "他の実行が終わってから再実行してください。")],
            ),
            CliError::State(e) => m(
                Exit::Usage,
                "state_file",
                match lang.pair() {
                    Pair::En => format!("Cannot use the simulated card's state file {}.", sanitize(&e.to_string())),
                    Pair::Ja => format!("模擬カードの状態ファイルを使えません：{}。", sanitize(&e.to_string())),
                },
                vec![l("Check the path and its permissions; nothing was sent to the card.", "パスと書き込み権限を確認してください。カードには何も送っていません。")],
            ),
        }
    }
}

/// What a stop means in words, with what the report says was sent.
pub fn stop_message(lang: Lang, stop: &Stop, report: &Report) -> Message {
    let l = |en: &str, ja: &str| lang.t(en, ja).to_string();
    let verified: Vec<&crate::card::session::RefReport> = report
        .refs
        .iter()
        .filter(|r| r.checked == Checked::Correct)
        .collect();
    // What was sent before this stop, for the "nothing was sent" lines.
    let sent_line = if verified.is_empty() {
        l(
            "Nothing was sent to the card beyond reading the counters; no try was used.",
            "残り回数の確認以外はカードに送っていません。試行回数は減っていません。",
        )
    } else {
        l(
            "The current PIN was checked on the card and is correct (its counter is back at its maximum); nothing was changed.",
            "現在の暗証番号はカードで照合し、正しいことを確認しました（残り回数は最大に戻っています）。何も変更していません。",
        )
    };
    let m = |exit, kind, what: String, todo: Vec<String>| Message {
        exit,
        kind,
        what,
        todo,
    };
    match stop {
        Stop::Card(e) => {
            let mut msg =
                card_message_with(lang, e, (!verified.is_empty()).then(|| sent_line.clone()));
            if let CardError::Transport(TransportError::Interrupted { signal }) = e {
                msg.exit = Exit::from_signal(*signal);
            }
            msg
        }
        Stop::Entry(EntryError::Cancelled { signal }) => m(
            Exit::from_signal(*signal),
            "cancelled",
            l("Cancelled at the prompt.", "入力の途中で中止しました。"),
            vec![sent_line],
        ),
        Stop::Entry(EntryError::Ended { got, expected }) if *expected > 0 => m(
            Exit::Usage,
            "input_ended",
            match lang.pair() {
                Pair::En => format!(
                    "The input ended: expected {expected} {}, got {got}.",
                    if *expected == 1 { "line" } else { "lines" }
                ),
                Pair::Ja => {
                    format!("入力が途中で終わりました（{expected}行が必要ですが、{got}行でした）。")
                }
            },
            vec![
                sent_line,
                l(
                    "Give one PIN per line, in the order the command's --help gives.",
                    "暗証番号を1行に1つずつ、--help に書かれた順で渡してください。",
                ),
            ],
        ),
        Stop::Entry(e) => {
            let what = match (e, lang.pair()) {
                (EntryError::Ended { .. }, Pair::En) => {
                    "The input ended (Ctrl-D) before the PIN was entered.".to_string()
                }
                (EntryError::Ended { .. }, Pair::Ja) => {
                    "暗証番号の入力前に入力が終了しました（Ctrl-D）。".to_string()
                }
                (EntryError::TooLong { max }, Pair::En) => {
                    format!("An entry is longer than {max} bytes: that is not a PIN.")
                }
                (EntryError::TooLong { max }, Pair::Ja) => {
                    format!("入力が{max}バイトを超えています。暗証番号ではありません。")
                }
                (EntryError::TimedOut { .. }, Pair::En) => {
                    "No PIN was entered in time.".to_string()
                }
                (EntryError::TimedOut { .. }, Pair::Ja) => {
                    "時間内に暗証番号が入力されませんでした。".to_string()
                }
                (EntryError::Unreadable(why), Pair::En) => {
                    format!("Cannot read the PIN: {}.", sanitize(why))
                }
                (EntryError::Unreadable(why), Pair::Ja) => {
                    format!("暗証番号を読み取れません：{}。", sanitize(why))
                }
                (EntryError::Cancelled { .. }, _) => String::new(),
            };
            m(
                Exit::Usage,
                "input",
                what,
                vec![
                    sent_line,
                    l(
                        "Run it in a terminal, or give the PINs on standard input with --pin-stdin (see --help).",
                        "端末から実行するか、--pin-stdin で標準入力から渡してください（--help 参照）。",
                    ),
                ],
            )
        }
        Stop::InvalidPin { pin, role, err } => {
            let which = match (role, lang.pair()) {
                (Role::Current, Pair::En) => format!("The {}", pin_short(lang, *pin)),
                (Role::Current, Pair::Ja) => pin_short(lang, *pin).to_string(),
                (_, Pair::En) => format!("The new {}", pin_short(lang, *pin)),
                (_, Pair::Ja) => format!("新しい{}", pin_short(lang, *pin)),
            };
            let why = match (err, lang.pair()) {
                (PinError::Empty, Pair::En) => "is empty".to_string(),
                (PinError::Empty, Pair::Ja) => "が入力されていません".to_string(),
                (PinError::BadCharacter { position }, Pair::En) => {
                    format!("has a character that is not allowed (character {position})")
                }
                (PinError::BadCharacter { position }, Pair::Ja) => {
                    format!("に使えない文字があります（{position}文字目）")
                }
                (PinError::NotDigits, Pair::En) => "must contain digits only".to_string(),
                (PinError::NotDigits, Pair::Ja) => "は数字だけで入力してください".to_string(),
                (PinError::Length { got }, Pair::En) => format!("has {got} characters"),
                (PinError::Length { got }, Pair::Ja) => format!("が{got}文字です"),
                (PinError::NeedsLetterAndDigit, Pair::En) => {
                    "needs at least one letter and one digit".to_string()
                }
                (PinError::NeedsLetterAndDigit, Pair::Ja) => {
                    "には英字と数字をそれぞれ1文字以上含めてください".to_string()
                }
            };
            let (sep, end) = if lang.pair() == Pair::En {
                (" ", ".")
            } else {
                ("", "。")
            };
            m(
                Exit::Usage,
                "invalid_pin",
                format!("{which}{sep}{why}{end}"),
                vec![
                    match lang.pair() {
                        Pair::En => format!("Rule: {}.", format_rule(lang, pin.format())),
                        Pair::Ja => format!("正しい形式：{}。", format_rule(lang, pin.format())),
                    },
                    sent_line.replace(
                        "Nothing was sent to the card beyond reading the counters; no try was used.",
                        "Nothing was sent to the card; no try was used.",
                    ),
                ],
            )
        }
        Stop::ConfirmationMismatch { attempts } => m(
            Exit::Usage,
            "confirmation_mismatch",
            match lang.pair() {
                Pair::En if *attempts > 1 => {
                    format!("The two entries of the new PIN differed {attempts} times.")
                }
                Pair::Ja if *attempts > 1 => {
                    format!("新しい暗証番号の1回目と2回目が{attempts}回とも一致しませんでした。")
                }
                _ => l(
                    "The two entries of the new PIN differ.",
                    "新しい暗証番号の1回目と2回目が一致しません。",
                ),
            },
            vec![
                sent_line,
                l("Run the command again.", "もう一度実行してください。"),
            ],
        ),
        Stop::SameAsCurrent(pin) => m(
            Exit::Usage,
            "same_as_current",
            match lang.pair() {
                Pair::En => format!(
                    "The new {} is the same as the current one.",
                    pin_short(lang, *pin)
                ),
                Pair::Ja => format!("新しい{}が現在のものと同じです。", pin_short(lang, *pin)),
            },
            vec![
                sent_line,
                l(
                    "Choose a different new PIN.",
                    "別の暗証番号を選んでください。",
                ),
            ],
        ),
        Stop::MixedFormats => m(
            Exit::Usage,
            "usage",
            l(
                "The signature password cannot share a new value with the 4-digit PINs.",
                "署名用パスワードは4桁の暗証番号と同じ値にできません。",
            ),
            vec![l(
                "Change it on its own: mynapin change sign",
                "単独で変更してください：mynapin change sign",
            )],
        ),
        Stop::NoSuchReference(r) => m(
            Exit::Usage,
            "usage",
            match lang.pair() {
                Pair::En => format!("{} is not one of these PINs' references.", r.id()),
                Pair::Ja => format!("{} はこの暗証番号の登録ではありません。", r.id()),
            },
            vec![l(
                "Nothing was sent to the card.",
                "カードには何も送っていません。",
            )],
        ),
        Stop::Declined => m(
            Exit::Refused,
            "declined",
            l(
                "Not confirmed: the last try was not used.",
                "確認されなかったため、最後の1回は使っていません。",
            ),
            vec![sent_line],
        ),
        Stop::PinPad { r, role, answer } => {
            let name = ref_phrase(lang, *r);
            let not_sent = l(
                "The reader sent nothing to the card for this entry: no try was used by it.",
                "この入力についてリーダーはカードに何も送っていません。試行回数は減っていません。",
            );
            let again = l(
                "Run the command again when ready; the instructions say what to type on the keypad.",
                "準備ができたらもう一度実行してください。キーパッドで入力する内容は表示される案内のとおりです。",
            );
            let (exit, kind, what, todo) = match (answer, lang.pair()) {
                (PadAnswer::Timeout, Pair::En) => (Exit::Usage, "pinpad_timeout", format!("Nothing was typed on the reader's keypad in time (the {name})."), vec![not_sent, sent_line, again]),
                (PadAnswer::Timeout, Pair::Ja) => (Exit::Usage, "pinpad_timeout", format!("時間内にリーダーのキーパッドで入力されませんでした（{name}）。"), vec![not_sent, sent_line, again]),
                (PadAnswer::Cancelled, Pair::En) => (Exit::Usage, "pinpad_cancelled", format!("The entry of the {name} was cancelled on the reader."), vec![not_sent, sent_line]),
                (PadAnswer::Cancelled, Pair::Ja) => (Exit::Usage, "pinpad_cancelled", format!("リーダーで{name}の入力が取り消されました。"), vec![not_sent, sent_line]),
                (PadAnswer::EntriesDiffer, Pair::En) => (Exit::Usage, "pinpad_entries_differ", format!("The two entries of the new {name} typed on the reader differ: it was not changed."), vec![not_sent, sent_line, again]),
                (PadAnswer::EntriesDiffer, Pair::Ja) => (Exit::Usage, "pinpad_entries_differ", format!("リーダーで入力した新しい{name}の1回目と2回目が一致しません。変更していません。"), vec![not_sent, sent_line, again]),
                (PadAnswer::WrongLength, Pair::En) => (Exit::Usage, "pinpad_wrong_length", format!("The {}{name} typed on the reader does not have 4 digits.", if *role == Role::Current { "" } else { "new " }), vec![not_sent, sent_line, again]),
                (PadAnswer::WrongLength, Pair::Ja) => (Exit::Usage, "pinpad_wrong_length", format!("リーダーで入力した{}{name}が4桁ではありません。", if *role == Role::Current { "" } else { "新しい" }), vec![not_sent, sent_line, again]),
                (PadAnswer::Rejected, Pair::En) => (Exit::Failure, "pinpad_rejected", "The reader rejected the PIN-entry parameters (6B 80).".to_string(), vec![not_sent, sent_line, "Type the PIN at the computer with --pinpad never, and report the reader's model to the developers (`mynapin doctor` shows it).".to_string()]),
                (PadAnswer::Rejected, Pair::Ja) => (Exit::Failure, "pinpad_rejected", "リーダーが暗証番号入力のパラメータを拒否しました（6B 80）。".to_string(), vec![not_sent, sent_line, "--pinpad never でパソコンから入力し、リーダーの機種を開発者に報告してください（`mynapin doctor` で表示されます）。".to_string()]),
            };
            m(exit, kind, what, todo)
        }
        Stop::NoPinPad => m(
            Exit::Usage,
            "no_pinpad",
            l(
                "--pinpad always: this reader has no PIN pad that can take the 4-digit PINs.",
                "--pinpad always が指定されましたが、このリーダーには4桁の暗証番号を入力できる PIN パッドがありません。",
            ),
            vec![
                l("Nothing was sent to the card.", "カードには何も送っていません。"),
                l(
                    "Use a reader with a PIN pad, or leave out --pinpad always to type the PIN at the computer. `mynapin readers` shows which readers have one.",
                    "PIN パッド付きのリーダーを使うか、--pinpad always を付けずにパソコンから入力してください。`mynapin readers` で PIN パッドの有無が分かります。",
                ),
            ],
        ),
        Stop::PadNotForPin(pin) => m(
            Exit::Usage,
            "usage",
            match lang.pair() {
                Pair::En => format!("The {} cannot be typed on a numeric PIN pad (--pinpad always).", pin_short(lang, *pin)),
                Pair::Ja => format!("{}は数字の PIN パッドでは入力できません（--pinpad always）。", pin_short(lang, *pin)),
            },
            vec![l(
                "Nothing was sent to the card. Leave out --pinpad always to type it at the computer.",
                "カードには何も送っていません。--pinpad always を付けずにパソコンから入力してください。",
            )],
        ),
    }
}

/// "the user-authentication PIN" or, for a juki copy, "the residence registry PIN (its
/// copy in …)".
fn ref_phrase(lang: Lang, r: KeyRef) -> String {
    let pin = pin_of_ref(r);
    if r.is_juki() {
        match lang.pair() {
            Pair::En => format!("{} ({})", pin_short(lang, pin), ref_name(lang, r)),
            Pair::Ja => format!("{}（{}）", pin_short(lang, pin), ref_name(lang, r)),
        }
    } else {
        pin_short(lang, pin).to_string()
    }
}

fn step_name(lang: Lang, step: Step) -> String {
    let applet = |a: Applet| match a {
        Applet::Jpki => lang.t("the JPKI application", "公的個人認証の機能"),
        Applet::Kenhojo => lang.t(
            "the card-info input support application",
            "券面事項入力補助の機能",
        ),
        Applet::Juki => lang.t("the residence registry application", "住民基本台帳の機能"),
        Applet::Common => lang.t("the common application", "共通の機能"),
        Applet::Kenmen => lang.t("the card-face application", "券面事項確認の機能"),
    };
    match (step, lang.pair()) {
        (Step::SelectApplet(a), Pair::En) => format!("selecting {}", applet(a)),
        (Step::SelectApplet(a), Pair::Ja) => format!("{}の選択", applet(a)),
        (Step::SelectEf, Pair::En) => "selecting a file".into(),
        (Step::SelectEf, Pair::Ja) => "ファイルの選択".into(),
        (Step::ReadToken, Pair::En) => "reading the card's token".into(),
        (Step::ReadToken, Pair::Ja) => "カード種別の読み取り".into(),
        (Step::CounterQuery, Pair::En) => "the retry-counter query".into(),
        (Step::CounterQuery, Pair::Ja) => "残り回数の確認".into(),
        (Step::Verify, Pair::En) => "the PIN check (VERIFY)".into(),
        (Step::Verify, Pair::Ja) => "暗証番号の照合".into(),
        (Step::ChangeReferenceData, Pair::En) => "the PIN change (CHANGE REFERENCE DATA)".into(),
        (Step::ChangeReferenceData, Pair::Ja) => "暗証番号の変更".into(),
        (Step::ChangeKey, Pair::En) => "the PIN change (JICSAP CHANGE KEY)".into(),
        (Step::ChangeKey, Pair::Ja) => "暗証番号の変更".into(),
        (Step::ReadCertificate, Pair::En) => "reading a certificate".into(),
        (Step::ReadCertificate, Pair::Ja) => "電子証明書の読み取り".into(),
    }
}

/// The message for a card-layer error.
pub fn card_message(lang: Lang, e: &CardError) -> Message {
    card_message_with(lang, e, None)
}

/// The message for a card-layer error; `sent` replaces the default "nothing was sent beyond
/// the counter" line when the caller knows more (a PIN already checked in this session).
pub fn card_message_with(lang: Lang, e: &CardError, sent: Option<String>) -> Message {
    let l = |en: &str, ja: &str| lang.t(en, ja).to_string();
    let nothing_sent = sent.unwrap_or_else(|| {
        l(
            "Nothing was sent to the card beyond reading the counter; no try was used.",
            "残り回数の確認以外はカードに送っていません。試行回数は減っていません。",
        )
    });
    let name = |r: KeyRef| ref_phrase(lang, r);
    match e {
        CardError::Transport(t) => transport_message(lang, t),
        CardError::NotMyNumberCard(kind) => Message {
            exit: Exit::NoCard,
            kind: "not_my_number_card",
            what: format!("{}{}", card_kind(lang, kind), lang.t(".", "。")),
            todo: vec![l(
                "Put a My Number card (マイナンバーカード) on the reader.",
                "マイナンバーカードをリーダーに置いてください。",
            )],
        },
        CardError::Unexpected { step, sw } => Message {
            exit: Exit::Failure,
            kind: "unexpected_answer",
            what: match lang.pair() {
                Pair::En => format!(
                    "The card answered {sw} ({}) to {}.",
                    sw_meaning(lang, *sw),
                    step_name(lang, *step)
                ),
                Pair::Ja => format!(
                    "{}に対して、カードが想定外の応答 {sw}（{}）を返しました。",
                    step_name(lang, *step),
                    sw_meaning(lang, *sw)
                ),
            },
            todo: vec![l(
                "mynapin stopped and sent nothing more. Run `mynapin status` to see the counters; with --trace the exchange can be reported to the developers.",
                "mynapin はそこで停止し、それ以上は送っていません。`mynapin status` で残り回数を確認してください。--trace を付けると通信内容を開発者に報告できます。",
            )],
        },
        CardError::Blocked(r) => {
            let pin = pin_of_ref(*r);
            let mut todo = vec![nothing_sent.clone()];
            todo.extend(guide_text::short_guide(lang, pin, None));
            Message {
                exit: Exit::Blocked,
                kind: "blocked",
                what: match lang.pair() {
                    Pair::En => format!("The {} is blocked: no tries left. It must be reset.", name(*r)),
                    Pair::Ja => format!("{}はロックされています（残り0回）。再設定が必要です。", name(*r)),
                },
                todo,
            }
        }
        CardError::BlockedOnVerify(r) => Message {
            exit: Exit::Blocked,
            kind: "blocked",
            what: match lang.pair() {
                Pair::En => format!(
                    "The card refused the check of the {} as blocked (69 84), although its counter had said tries were left. Whether that check used a try is not known.",
                    name(*r)
                ),
                Pair::Ja => format!(
                    "残り回数があると表示されていたのに、カードは{}の照合をロック中（69 84）として拒否しました。この照合で1回減ったかどうかは分かりません。",
                    name(*r)
                ),
            },
            todo: {
                let mut t = vec![l(
                    "Run `mynapin status` to see the counters before anything else.",
                    "まず `mynapin status` で残り回数を確認してください。",
                )];
                t.extend(guide_text::short_guide(lang, pin_of_ref(*r), None));
                t
            },
        },
        CardError::VerifyUnknown { r, cause } => Message {
            exit: Exit::Failure,
            kind: "verify_unknown",
            what: match (cause, lang.pair()) {
                (Lost::Answer(sw), Pair::En) => format!(
                    "The card answered the check of the {} with {sw} ({}), which says neither right nor wrong. A try MAY have been used.",
                    name(*r),
                    sw_meaning(lang, *sw)
                ),
                (Lost::Answer(sw), Pair::Ja) => format!(
                    "{}の照合に対し、カードは正誤の分からない応答 {sw}（{}）を返しました。試行回数が1回減った可能性があります。",
                    name(*r),
                    sw_meaning(lang, *sw)
                ),
                (Lost::Transport(_), Pair::En) => format!(
                    "The answer to the check of the {} was lost (the card stopped answering or left the reader). A try MAY have been used.",
                    name(*r)
                ),
                (Lost::Transport(_), Pair::Ja) => format!(
                    "{}の照合の応答が得られませんでした（カードが応答しないか、外れました）。試行回数が1回減った可能性があります。",
                    name(*r)
                ),
            },
            todo: vec![l(
                "mynapin sent nothing more and will not retry. Put the card back, keep it still, and run `mynapin status` to see the counter before trying again.",
                "mynapin はそれ以上送らず、再試行もしません。カードを置き直して動かさずに、再実行の前に `mynapin status` で残り回数を確認してください。",
            )],
        },
        CardError::CountImplausible { r, sw } => Message {
            exit: Exit::Refused,
            kind: "count_implausible",
            what: match lang.pair() {
                Pair::En => format!(
                    "The card reported {sw} for the {}: more tries than this PIN can have ({}), so its count cannot be trusted.",
                    name(*r),
                    r.max_tries()
                ),
                Pair::Ja => format!(
                    "カードは{}の残り回数として {sw} を返しました。この暗証番号の上限（{}回）を超えており、信頼できません。",
                    name(*r),
                    r.max_tries()
                ),
            },
            todo: vec![
                nothing_sent.clone(),
                l(
                    "If you are sure of the PIN, run the command again with --use-last-try.",
                    "暗証番号に確信がある場合だけ --use-last-try を付けて再実行してください。",
                ),
            ],
        },
        CardError::LastTry(r) => Message {
            exit: Exit::Refused,
            kind: "last_try",
            what: match lang.pair() {
                Pair::En => format!(
                    "The {} has ONE try left. A wrong entry now blocks it, and then {}.",
                    name(*r),
                    guide_text::reset_routes_phrase(lang, pin_of_ref(*r))
                ),
                Pair::Ja => format!(
                    "{}は残り1回です。ここで間違えるとロックされ、{}。",
                    name(*r),
                    guide_text::reset_routes_phrase(lang, pin_of_ref(*r))
                ),
            },
            todo: vec![
                nothing_sent,
                match lang.pair() {
                    Pair::En => format!(
                        "If you are sure of the PIN, run the command again with --use-last-try. If not, do not guess: see `mynapin guide {} --state forgotten`.",
                        pin_of_ref(*r).id()
                    ),
                    Pair::Ja => format!(
                        "暗証番号に確信がある場合だけ --use-last-try を付けて再実行してください。確信がなければ推測で入力せず、`mynapin guide {} --state forgotten` を見てください。",
                        pin_of_ref(*r).id()
                    ),
                },
            ],
        },
        CardError::CountUnknown(r) => Message {
            exit: Exit::Refused,
            kind: "count_unknown",
            what: match lang.pair() {
                Pair::En => format!(
                    "The card did not report how many tries the {} has left, so mynapin cannot rule out that this would be the last one.",
                    name(*r)
                ),
                Pair::Ja => format!(
                    "カードが{}の残り回数を返さなかったため、これが最後の1回でないと確認できません。",
                    name(*r)
                ),
            },
            todo: vec![
                nothing_sent,
                l(
                    "If you are sure of the PIN, run the command again with --use-last-try.",
                    "暗証番号に確信がある場合だけ --use-last-try を付けて再実行してください。",
                ),
            ],
        },
        CardError::Absent(r) => Message {
            exit: Exit::Failure,
            kind: "absent",
            what: match lang.pair() {
                Pair::En => format!("This card has no {}.", name(*r)),
                Pair::Ja => format!("このカードには{}がありません。", name(*r)),
            },
            todo: vec![if pin_of_ref(*r) == PinId::Sign {
                l(
                    "Cards of children under 15 usually carry no signature certificate. A signature certificate is issued at the city office.",
                    "15歳未満の方のカードには通常、署名用電子証明書がありません。署名用電子証明書は市区町村の窓口で発行されます。",
                )
            } else {
                l(
                    "Run `mynapin status --trace` and report the exchange to the developers.",
                    "`mynapin status --trace` の結果を開発者に報告してください。",
                )
            }],
        },
        CardError::OutOfSequence(r) => Message {
            exit: Exit::Failure,
            kind: "internal",
            what: match lang.pair() {
                Pair::En => format!("Internal error: a change of the {} was not preceded by its VERIFY; nothing was sent.", name(*r)),
                Pair::Ja => format!("内部エラー：{}の変更の前に照合が行われていません。カードには何も送っていません。", name(*r)),
            },
            todo: vec![l("Please report this to the developers.", "開発者に報告してください。")],
        },
        CardError::WrongPin { r, tries_left } => {
            let pin = pin_of_ref(*r);
            let (what, mut todo) = match (tries_left, lang.pair()) {
                (Some(0), Pair::En) => (
                    format!("Wrong {}. It is now BLOCKED (no tries left).", name(*r)),
                    vec![],
                ),
                (Some(0), Pair::Ja) => (
                    format!("{}が違います。ロックされました（残り0回）。", name(*r)),
                    vec![],
                ),
                (Some(n), Pair::En) => (
                    format!("Wrong {}. {n} {} left.", name(*r), if *n == 1 { "try" } else { "tries" }),
                    vec![format!(
                        "One try was used. When no tries are left the PIN is blocked, and then {}. mynapin does not retry by itself; check the PIN before trying again{}.",
                        guide_text::reset_routes_phrase(lang, pin),
                        if *n == 1 { " (the next try is the last: it needs --use-last-try)" } else { "" }
                    )],
                ),
                (Some(n), Pair::Ja) => (
                    format!("{}が違います。残り{n}回です。", name(*r)),
                    vec![format!(
                        "試行回数が1回減りました。0回になるとロックされ、{}。mynapin は自動で再試行しません。確認してから再実行してください{}。",
                        guide_text::reset_routes_phrase(lang, pin),
                        if *n == 1 { "（次が最後の1回です。--use-last-try が必要です）" } else { "" }
                    )],
                ),
                (None, Pair::En) => (
                    format!("Wrong {}. The card did not say how many tries are left.", name(*r)),
                    vec!["Run `mynapin status` before trying again.".to_string()],
                ),
                (None, Pair::Ja) => (
                    format!("{}が違います。カードは残り回数を返しませんでした。", name(*r)),
                    vec!["再実行の前に `mynapin status` で確認してください。".to_string()],
                ),
            };
            if *tries_left == Some(0) {
                todo.extend(guide_text::short_guide(lang, pin, None));
            }
            Message {
                exit: Exit::WrongPin,
                kind: "wrong_pin",
                what,
                todo,
            }
        }
    }
}

fn transport_message(lang: Lang, t: &TransportError) -> Message {
    let l = |en: &str, ja: &str| lang.t(en, ja).to_string();
    let list = |readers: &[String]| {
        readers
            .iter()
            .enumerate()
            .map(|(i, r)| format!("  {i}: {}", sanitize(r)))
            .collect::<Vec<_>>()
    };
    let (exit, kind, what, todo): (Exit, &str, String, Vec<String>) = match t {
        TransportError::NoService => (
            Exit::NoCard,
            "no_service",
            l("The PC/SC service (pcscd) is not running.", "PC/SC サービス（pcscd）が動いていません。"),
            vec![
                super::doctor::service_fix(lang),
                l(
                    "Then run `mynapin doctor`. Without a reader, try `mynapin --sim status`.",
                    "その後 `mynapin doctor` で確認できます。リーダーがない場合は `mynapin --sim status` を試せます。",
                ),
            ],
        ),
        TransportError::NoReaders => (
            Exit::NoCard,
            "no_reader",
            l("No smart-card reader is connected.", "ICカードリーダーが接続されていません。"),
            vec![l(
                "Connect a reader (for example a Sony RC-S300) and try again; `mynapin doctor` checks the setup. Without a reader, try `mynapin --sim status`.",
                "リーダー（例：ソニー RC-S300）を接続してから再実行してください。`mynapin doctor` で設定を確認できます。リーダーがない場合は `mynapin --sim status` を試せます。",
            )],
        ),
        TransportError::ReaderNotFound { selector, readers } => {
            let mut todo = vec![l(
                "Give --reader an index or part of a name from this list:",
                "--reader には次の一覧の番号か名前の一部を指定してください：",
            )];
            todo.extend(list(readers));
            (
                Exit::NoCard,
                "reader_not_found",
                match lang.pair() {
                    Pair::En => format!("No reader matches {:?}.", sanitize(selector)),
                    Pair::Ja => format!("{:?} に一致するリーダーがありません。", sanitize(selector)),
                },
                todo,
            )
        }
        TransportError::AmbiguousReader { readers } => {
            let mut todo = vec![l(
                "Choose one with --reader N (N from `mynapin readers`):",
                "--reader N で1台を選んでください（N は `mynapin readers` の番号）：",
            )];
            todo.extend(list(readers));
            (
                Exit::NoCard,
                "ambiguous_reader",
                l("Several readers could be meant.", "対象のリーダーが複数あります。"),
                todo,
            )
        }
        TransportError::NoCard { reader } => (
            Exit::NoCard,
            "no_card",
            match lang.pair() {
                Pair::En => format!("No card in the reader ({}).", sanitize(reader)),
                Pair::Ja => format!("リーダー（{}）にカードがありません。", sanitize(reader)),
            },
            vec![l(
                "Put the My Number card on the reader (contactless readers: keep it still, flat on the reader) and try again.",
                "マイナンバーカードをリーダーに置いてから再実行してください（非接触型の場合は動かさずに置いたままにしてください）。",
            )],
        ),
        TransportError::CardRemoved => (
            Exit::NoCard,
            "card_removed",
            l(
                "The card was removed or lost contact during the operation.",
                "処理中にカードが外れたか、通信が途切れました。",
            ),
            vec![l(
                "Put it back, keep it still, and run `mynapin status` to see the counters.",
                "カードを置き直して動かさずに、`mynapin status` で残り回数を確認してください。",
            )],
        ),
        TransportError::CardInUse => (
            Exit::NoCard,
            "card_in_use",
            l("The card is in use by another program.", "カードは別のプログラムが使用中です。"),
            vec![l(
                "Close other programs that use the card (the JPKI client software, browsers signing in with the card, other card tools) and try again.",
                "カードを使う他のプログラム（JPKI利用者クライアントソフト、カードでログイン中のブラウザ、他のカードツール）を閉じてから再実行してください。",
            )],
        ),
        TransportError::CardWasReset => (
            Exit::NoCard,
            "card_reset",
            l("Another program reset the card during the operation.", "処理中に別のプログラムがカードをリセットしました。"),
            vec![l(
                "Close other programs that use the card and run `mynapin status`.",
                "カードを使う他のプログラムを閉じて `mynapin status` を実行してください。",
            )],
        ),
        TransportError::BadResponse(_) | TransportError::EndlessResponse => (
            Exit::NoCard,
            "bad_response",
            l(
                "The card's answer was cut off or malformed (it may have left the reader).",
                "カードの応答が途切れたか、不正でした（カードが外れた可能性があります）。",
            ),
            vec![l(
                "Keep the card still on the reader and run `mynapin status`.",
                "カードを動かさずに置いて `mynapin status` を実行してください。",
            )],
        ),
        TransportError::Timeout(limit) => (
            Exit::NoCard,
            "timeout",
            match lang.pair() {
                Pair::En => format!("The card did not answer within {} s; mynapin gave up.", limit.as_secs()),
                Pair::Ja => format!("カードが {} 秒以内に応答しなかったため中止しました。", limit.as_secs()),
            },
            vec![l(
                "Take the card off the reader, put it back, and run `mynapin status`. If it happens again, run `mynapin doctor`.",
                "カードをリーダーから外して置き直し、`mynapin status` を実行してください。繰り返す場合は `mynapin doctor` を実行してください。",
            )],
        ),
        TransportError::ConnectTimeout(limit) => (
            Exit::NoCard,
            "card_in_use",
            match lang.pair() {
                Pair::En => format!("mynapin could not connect to the card within {} s: another program probably holds it.", limit.as_secs()),
                Pair::Ja => format!("{} 秒以内にカードに接続できませんでした。別のプログラムが使用中の可能性があります。", limit.as_secs()),
            },
            vec![l(
                "Nothing was sent to the card. Close other programs that use the card (the JPKI client software, browsers signing in with the card, other card tools) and try again.",
                "カードには何も送っていません。カードを使う他のプログラム（JPKI利用者クライアントソフト、カードでログイン中のブラウザ、他のカードツール）を閉じてから再実行してください。",
            )],
        ),
        TransportError::NoCardInTime(limit) => (
            Exit::NoCard,
            "no_card",
            match lang.pair() {
                Pair::En => format!("No card was placed on the reader within {} s.", limit.as_secs()),
                Pair::Ja => format!("{} 秒以内にカードがリーダーに置かれませんでした。", limit.as_secs()),
            },
            vec![l(
                "Nothing was sent. Run the command again and place the card when it asks (contactless readers: flat on the reader, and keep it still).",
                "カードには何も送っていません。もう一度実行し、表示が出たらカードを置いてください（非接触型の場合は平らに置き、動かさないでください）。",
            )],
        ),
        TransportError::Interrupted { signal } => (
            Exit::from_signal(*signal),
            "interrupted",
            if *signal == 15 {
                l("Stopped by SIGTERM before the next command to the card.", "SIGTERM により、カードへの次の命令の前で停止しました。")
            } else {
                l("Stopped by Ctrl-C before the next command to the card.", "Ctrl-C により、カードへの次の命令の前で停止しました。")
            },
            vec![l(
                "The command in progress was let finish; nothing more was sent.",
                "処理中の命令は完了させ、それ以上は送っていません。",
            )],
        ),
        TransportError::Encode(e) => (
            Exit::Failure,
            "internal",
            format!("{}: {e}", l("Internal error", "内部エラー")),
            vec![l("Please report this to the developers.", "開発者に報告してください。")],
        ),
        TransportError::Unsupported => (
            Exit::NoCard,
            "reader_unsupported",
            l(
                "The reader does not support this request (PIN-pad entry).",
                "リーダーがこの要求（PIN パッドでの入力）に対応していません。",
            ),
            vec![l(
                "Nothing was sent to the card. Use --pinpad never to type the PIN at the computer, and run `mynapin doctor` to see what the reader offers.",
                "カードには何も送っていません。--pinpad never でパソコンから入力するか、`mynapin doctor` でリーダーの機能を確認してください。",
            )],
        ),
        TransportError::Pcsc(e) => (
            Exit::NoCard,
            "pcsc",
            format!("{}: {e}", l("PC/SC error", "PC/SC エラー")),
            vec![l("Run `mynapin doctor` to check the reader setup.", "`mynapin doctor` でリーダーの設定を確認してください。")],
        ),
    };
    Message {
        exit,
        kind,
        what,
        todo,
    }
}
