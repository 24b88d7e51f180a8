//! Printing: stdout for results (a closed pipe is not an error), stderr for messages (a
//! closed stderr is not a panic), and the error report in text and JSON.

use super::error::{CliError, Exit, Message};
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
    match serde_json::to_string_pretty(value) {
        Ok(s) => emit(&s),
        Err(e) => say(&format!("internal error: cannot write JSON: {e}")),
    }
}

/// `mynapin: TEXT` on stderr; never panics (`-v 2>&-`).
pub fn say(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "mynapin: {text}");
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
struct ErrorJson<'a, T: serde::Serialize> {
    schema: &'static str,
    error: ErrorBody<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    refs: Option<&'a T>,
}

#[derive(serde::Serialize)]
struct ErrorBody<'a> {
    kind: &'a str,
    exit_code: u8,
    message: &'a str,
    todo: &'a [String],
}

/// A `mynapin.error.v1` object on stdout, with what is known of each key reference.
pub fn emit_error_json(m: &Message, refs: &impl serde::Serialize) {
    emit_json(&ErrorJson {
        schema: "mynapin.error.v1",
        error: ErrorBody {
            kind: m.kind,
            exit_code: m.exit as u8,
            message: &m.what,
            todo: &m.todo,
        },
        refs: Some(refs),
    });
}

/// Prints `err` (stderr; with --json also a `mynapin.error.v1` object on stdout) and returns
/// its exit code.
pub fn report_error(ctx: &Ctx, err: &CliError) -> Exit {
    let m = err.message(ctx.lang);
    print_message(ctx.lang, &m.what, &m.todo);
    if ctx.json {
        emit_json(&ErrorJson::<()> {
            schema: "mynapin.error.v1",
            error: ErrorBody {
                kind: m.kind,
                exit_code: m.exit as u8,
                message: &m.what,
                todo: &m.todo,
            },
            refs: None,
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
