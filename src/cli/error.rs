//! Every failure → a documented exit code, a "what happened" line and a "what to do" line.

use super::guide_text;
use super::lang::Lang;
use super::text::{card_kind, format_rule, pin_of_ref, pin_short, sanitize};
use crate::card::{CardError, PinError};
use crate::layout::{KeyRef, PinId};
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
}

/// Which entry of a PIN was invalid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// The current PIN.
    Current,
    /// The new PIN.
    New,
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
    /// An entry that is not a valid PIN.
    #[error("invalid PIN entry")]
    InvalidPin {
        /// Which PIN.
        pin: PinId,
        /// Which entry.
        entry: Entry,
        /// Why.
        err: PinError,
    },
    /// The two entries of the new PIN differ.
    #[error("confirmation differs")]
    ConfirmationMismatch,
    /// The new PIN equals the current one.
    #[error("new PIN equals the current one")]
    SameAsCurrent(PinId),
    /// Reading a PIN from the terminal or stdin failed.
    #[error("cannot read the PIN: {0}")]
    Input(String),
    /// The user declined the last-try confirmation.
    #[error("declined")]
    Declined,
    /// The simulated card's state file cannot be used.
    #[error(transparent)]
    State(#[from] StateError),
    /// Everything has been printed already; exit with this code.
    #[error("exit {0:?}")]
    Reported(Exit),
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
                e.to_string(),
                vec![l(
                    "Check the fixture file against fixtures/cards/fresh.toml, or use a built-in name: mynapin sim fixtures.",
                    "fixtures/cards/fresh.toml と見比べて修正するか、組み込みの名前を使ってください（mynapin sim fixtures）。",
                )],
            ),
            CliError::Usage { what, todo } => m(Exit::Usage, "usage", what.clone(), vec![todo.clone()]),
            CliError::InvalidPin { pin, entry, err } => {
                let which = match (entry, lang) {
                    (Entry::Current, Lang::En) => format!("The current {}", pin_short(lang, *pin)),
                    (Entry::New, Lang::En) => format!("The new {}", pin_short(lang, *pin)),
                    (Entry::Current, Lang::Ja) => format!("現在の{}", pin_short(lang, *pin)),
                    (Entry::New, Lang::Ja) => format!("新しい{}", pin_short(lang, *pin)),
                };
                let why = match (err, lang) {
                    (PinError::Empty, Lang::En) => "is empty".to_string(),
                    (PinError::Empty, Lang::Ja) => "が入力されていません".to_string(),
                    (PinError::BadCharacter { position }, Lang::En) => {
                        format!("has a character that is not allowed (character {position})")
                    }
                    (PinError::BadCharacter { position }, Lang::Ja) => {
                        format!("に使えない文字があります（{position}文字目）")
                    }
                    (PinError::NotDigits, Lang::En) => "must contain digits only".to_string(),
                    (PinError::NotDigits, Lang::Ja) => "は数字だけで入力してください".to_string(),
                    (PinError::Length { got }, Lang::En) => format!("has {got} characters"),
                    (PinError::Length { got }, Lang::Ja) => format!("が{got}文字です"),
                    (PinError::NeedsLetterAndDigit, Lang::En) => {
                        "needs at least one letter and one digit".to_string()
                    }
                    (PinError::NeedsLetterAndDigit, Lang::Ja) => {
                        "には英字と数字をそれぞれ1文字以上含めてください".to_string()
                    }
                };
                let (sep, end) = if lang == Lang::En { (" ", ".") } else { ("", "。") };
                m(
                    Exit::Usage,
                    "invalid_pin",
                    format!("{which}{sep}{why}{end}"),
                    vec![
                        match lang {
                            Lang::En => format!("Rule: {}.", format_rule(lang, pin.format())),
                            Lang::Ja => format!("決まり：{}。", format_rule(lang, pin.format())),
                        },
                        l(
                            "Nothing was sent to the card; no try was used.",
                            "カードには何も送っていません。試行回数は減っていません。",
                        ),
                    ],
                )
            }
            CliError::ConfirmationMismatch => m(
                Exit::Usage,
                "confirmation_mismatch",
                l("The two entries of the new PIN differ.", "新しい暗証番号の1回目と2回目が一致しません。"),
                vec![l(
                    "Nothing was sent to the card; no try was used. Run the command again.",
                    "カードには何も送っていません。試行回数は減っていません。もう一度実行してください。",
                )],
            ),
            CliError::SameAsCurrent(pin) => m(
                Exit::Usage,
                "same_as_current",
                match lang {
                    Lang::En => format!("The new {} is the same as the current one.", pin_short(lang, *pin)),
                    Lang::Ja => format!("新しい{}が現在のものと同じです。", pin_short(lang, *pin)),
                },
                vec![l(
                    "Nothing was sent to the card. Choose a different new PIN.",
                    "カードには何も送っていません。別の暗証番号を選んでください。",
                )],
            ),
            CliError::Input(why) => m(
                Exit::Usage,
                "input",
                match lang {
                    Lang::En => format!("Cannot read the PIN: {why}."),
                    Lang::Ja => format!("暗証番号を読み取れません：{why}。"),
                },
                vec![l(
                    "Run it in a terminal, or give the PINs on standard input with --pin-stdin (see --help). Nothing was sent to the card.",
                    "端末から実行するか、--pin-stdin で標準入力から渡してください（--help 参照）。カードには何も送っていません。",
                )],
            ),
            CliError::Declined => m(
                Exit::Refused,
                "declined",
                l("Not confirmed: the last try was not used.", "確認されなかったため、最後の1回は使っていません。"),
                vec![l("Nothing was sent to the card.", "カードには何も送っていません。")],
            ),
            CliError::State(StateError::Busy { path }) => m(
                Exit::NoCard,
                "card_in_use",
                match lang {
                    Lang::En => format!("The simulated card {path} is in use by another run of mynapin."),
                    Lang::Ja => format!("模擬カード {path} は別の mynapin が使用中です。"),
                },
                vec![l("Wait for the other run to finish, then try again.", "他の実行が終わってから再実行してください。")],
            ),
            CliError::State(e) => m(
                Exit::Failure,
                "state_file",
                match lang {
                    Lang::En => format!("Cannot use the simulated card's state file {e}."),
                    Lang::Ja => format!("模擬カードの状態ファイルを使えません：{e}。"),
                },
                vec![l("Check the path and its permissions; nothing was sent to the card.", "パスと書き込み権限を確認してください。カードには何も送っていません。")],
            ),
            CliError::Reported(exit) => m(*exit, "reported", String::new(), vec![]),
        }
    }
}

/// The message for a card-layer error.
pub fn card_message(lang: Lang, e: &CardError) -> Message {
    let l = |en: &str, ja: &str| lang.t(en, ja).to_string();
    let nothing_sent = l(
        "Nothing was sent to the card beyond reading the counter; no try was used.",
        "残り回数の確認以外はカードに送っていません。試行回数は減っていません。",
    );
    let name = |r: KeyRef| pin_short(lang, pin_of_ref(r));
    match e {
        CardError::Transport(t) => transport_message(lang, t),
        CardError::NotMyNumberCard(kind) => Message {
            exit: Exit::NoCard,
            kind: "not_my_number_card",
            what: format!("{}.", card_kind(lang, kind)),
            todo: vec![l(
                "Put a My Number card (マイナンバーカード) on the reader.",
                "マイナンバーカードをリーダーに置いてください。",
            )],
        },
        CardError::Unexpected { step, sw } => Message {
            exit: Exit::Failure,
            kind: "unexpected_answer",
            what: match lang {
                Lang::En => format!("The card answered {sw} ({}) to {step}.", sw.meaning()),
                Lang::Ja => format!("カードが {step} に想定外の応答 {sw}（{}）を返しました。", sw.meaning()),
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
                what: match lang {
                    Lang::En => format!("The {} is blocked: no tries left. It must be reset.", name(*r)),
                    Lang::Ja => format!("{}はロックされています（残り0回）。再設定が必要です。", name(*r)),
                },
                todo,
            }
        }
        CardError::LastTry(r) => Message {
            exit: Exit::Refused,
            kind: "last_try",
            what: match lang {
                Lang::En => format!(
                    "The {} has ONE try left. A wrong entry now blocks it, and then only a kiosk or the city office can reset it.",
                    name(*r)
                ),
                Lang::Ja => format!(
                    "{}は残り1回です。ここで間違えるとロックされ、コンビニのキオスク端末か市区町村の窓口でしか再設定できません。",
                    name(*r)
                ),
            },
            todo: vec![
                nothing_sent,
                match lang {
                    Lang::En => format!(
                        "If you are sure of the PIN, run the command again with --use-last-try. If not, do not guess: see `mynapin guide {} --state forgotten`.",
                        pin_of_ref(*r).id()
                    ),
                    Lang::Ja => format!(
                        "暗証番号に確信がある場合だけ --use-last-try を付けて再実行してください。確信がなければ推測で入力せず、`mynapin guide {} --state forgotten` を見てください。",
                        pin_of_ref(*r).id()
                    ),
                },
            ],
        },
        CardError::CountUnknown(r) => Message {
            exit: Exit::Refused,
            kind: "count_unknown",
            what: match lang {
                Lang::En => format!(
                    "The card did not report how many tries the {} has left, so mynapin cannot rule out that this would be the last one.",
                    name(*r)
                ),
                Lang::Ja => format!(
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
            what: match lang {
                Lang::En => format!("This card has no {}.", name(*r)),
                Lang::Ja => format!("このカードには{}がありません。", name(*r)),
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
            what: match lang {
                Lang::En => format!("Internal error: a change of the {} was not preceded by its VERIFY; nothing was sent.", name(*r)),
                Lang::Ja => format!("内部エラー：{}の変更の前に照合が行われていません。カードには何も送っていません。", name(*r)),
            },
            todo: vec![l("Please report this to the developers.", "開発者に報告してください。")],
        },
        CardError::WrongPin { r, tries_left } => {
            let pin = pin_of_ref(*r);
            let (what, mut todo) = match (tries_left, lang) {
                (Some(0), Lang::En) => (
                    format!("Wrong {}. It is now BLOCKED (no tries left).", name(*r)),
                    vec![],
                ),
                (Some(0), Lang::Ja) => (
                    format!("{}が違います。ロックされました（残り0回）。", name(*r)),
                    vec![],
                ),
                (Some(n), Lang::En) => (
                    format!("Wrong {}. {n} {} left.", name(*r), if *n == 1 { "try" } else { "tries" }),
                    vec![format!(
                        "When no tries are left the PIN is blocked and must be reset at a kiosk or the city office. mynapin does not retry by itself; check the PIN before trying again{}.",
                        if *n == 1 { " (the next try is the last: it needs --use-last-try)" } else { "" }
                    )],
                ),
                (Some(n), Lang::Ja) => (
                    format!("{}が違います。残り{n}回です。", name(*r)),
                    vec![format!(
                        "0回になるとロックされ、キオスク端末か市区町村の窓口での再設定が必要になります。mynapin は自動で再試行しません。確認してから再実行してください{}。",
                        if *n == 1 { "（次が最後の1回です。--use-last-try が必要です）" } else { "" }
                    )],
                ),
                (None, Lang::En) => (
                    format!("Wrong {}. The card did not say how many tries are left.", name(*r)),
                    vec!["Run `mynapin status` before trying again.".to_string()],
                ),
                (None, Lang::Ja) => (
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
            vec![l(
                "Start it (Debian/Ubuntu: sudo systemctl start pcscd.socket) and run `mynapin doctor`. Without a reader, try `mynapin --sim status`.",
                "起動してください（Debian/Ubuntu：sudo systemctl start pcscd.socket）。その後 `mynapin doctor` で確認できます。リーダーがない場合は `mynapin --sim status` を試せます。",
            )],
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
                match lang {
                    Lang::En => format!("No reader matches {:?}.", sanitize(selector)),
                    Lang::Ja => format!("{:?} に一致するリーダーがありません。", sanitize(selector)),
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
            match lang {
                Lang::En => format!("No card in the reader ({}).", sanitize(reader)),
                Lang::Ja => format!("リーダー（{}）にカードがありません。", sanitize(reader)),
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
        TransportError::Encode(e) => (
            Exit::Failure,
            "internal",
            format!("{}: {e}", l("Internal error", "内部エラー")),
            vec![l("Please report this to the developers.", "開発者に報告してください。")],
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
