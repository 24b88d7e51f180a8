//! Printing: stdout for results (a closed pipe is not an error), stderr for messages, and the
//! error report in text and JSON.

use super::change;
use super::error::{CliError, Exit};
use super::lang::Lang;
use super::Ctx;
use std::io::Write;

/// Writes `text` and a newline to stdout; a broken pipe (`mynapin status | head -1`) is
/// silently accepted.
pub fn emit(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{text}");
}

/// Prints a JSON value on stdout.
pub fn emit_json(value: &impl serde::Serialize) {
    emit(&serde_json::to_string_pretty(value).expect("our JSON types always serialize"));
}

/// Terminal columns of `s` (East Asian wide characters count 2).
pub fn width(s: &str) -> usize {
    s.chars()
        .map(|c| match c as u32 {
            0x1100..=0x115F
            | 0x2E80..=0x303E
            | 0x3041..=0x33FF
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xA000..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6 => 2,
            _ => 1,
        })
        .sum()
}

/// `s` padded with spaces to `cols` terminal columns.
pub fn pad(s: &str, cols: usize) -> String {
    let w = width(s);
    format!("{s}{}", " ".repeat(cols.saturating_sub(w)))
}

#[derive(serde::Serialize)]
struct ErrorJson<'a> {
    schema: &'static str,
    error: ErrorBody<'a>,
}

#[derive(serde::Serialize)]
struct ErrorBody<'a> {
    kind: &'a str,
    exit_code: u8,
    message: &'a str,
    todo: &'a [String],
}

/// Prints `err` (stderr; with --json also a `mynapin.error.v1` object on stdout) and returns
/// its exit code.
pub fn report_error(ctx: &Ctx, err: &CliError) -> Exit {
    let m = err.message(ctx.lang);
    if let CliError::Reported(exit) = err {
        return *exit;
    }
    print_message(ctx.lang, &m.what, &m.todo);
    if ctx.json {
        emit_json(&ErrorJson {
            schema: "mynapin.error.v1",
            error: ErrorBody {
                kind: m.kind,
                exit_code: m.exit as u8,
                message: &m.what,
                todo: &m.todo,
            },
        });
    }
    m.exit
}

/// "error: what" and the indented lines of what to do, on stderr.
pub fn print_message(lang: Lang, what: &str, todo: &[String]) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "mynapin: {}{what}", lang.t("error: ", "エラー："));
    for line in todo {
        let _ = writeln!(err, "  {line}");
    }
}

/// The watchdog's report when the card stopped answering; returns the exit code.
pub fn report_timeout(lang: Lang, json: bool, secs: u64) -> Exit {
    let what = match lang {
        Lang::En => format!("The card did not answer within {secs} s; mynapin gave up."),
        Lang::Ja => format!("カードが {secs} 秒以内に応答しなかったため中止しました。"),
    };
    let mut todo = change::progress_lines(lang);
    let exit = if todo.is_empty() {
        Exit::NoCard
    } else {
        Exit::Failure
    };
    todo.push(
        lang.t(
            "Take the card off the reader, put it back, and run `mynapin status`. If it happens again, run `mynapin doctor`.",
            "カードをリーダーから外して置き直し、`mynapin status` を実行してください。繰り返す場合は `mynapin doctor` を実行してください。",
        )
        .to_string(),
    );
    print_message(lang, &what, &todo);
    if json {
        emit_json(&ErrorJson {
            schema: "mynapin.error.v1",
            error: ErrorBody {
                kind: "timeout",
                exit_code: exit as u8,
                message: &what,
                todo: &todo,
            },
        });
    }
    exit
}
