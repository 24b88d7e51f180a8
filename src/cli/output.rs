//! Printing: stdout for results (a closed pipe is not an error), stderr for messages (a
//! closed stderr is not a panic), and the error report in text and JSON.

use super::error::{CliError, Exit, Message};
use super::lang::{msg, Lang};
use super::wrap::{self, Stream};
use super::Ctx;
use std::io::Write;

/// Writes `text` and a newline to stdout; a broken pipe (`mynapin status | head -1`) is
/// silently accepted. On a terminal, each line is wrapped to its width (see [`wrap`]: never
/// inside a word, continuation lines keep the indent); into a pipe or a file, the lines go as
/// they are, for scripts.
pub fn emit(text: &str) {
    let columns = wrap::terminal_width(Stream::Stdout).unwrap_or(0);
    write_lines(&mut std::io::stdout().lock(), wrap::wrap(text, columns));
}

/// Writes `lines`, stopping at the first failed write (a closed pipe).
fn write_lines(out: &mut dyn Write, lines: Vec<String>) {
    for line in lines {
        if writeln!(out, "{line}").is_err() {
            return;
        }
    }
}

/// Prints a JSON value on stdout (never wrapped: it stays JSON on a terminal too).
pub fn emit_json(value: &impl serde::Serialize) {
    match serde_json::to_string_pretty(value) {
        Ok(s) => {
            let _ = writeln!(std::io::stdout().lock(), "{s}");
        }
        Err(e) => say(&msg::output_json_failed(super::parse_lang(), e.to_string())),
    }
}

/// `mynapin: TEXT` on stderr; never panics (`-v 2>&-`). Wrapped on a terminal, like
/// [`emit`].
pub fn say(text: &str) {
    write_wrapped_stderr("mynapin: ", text);
}

/// `prefix` and `text` on stderr, wrapped on a terminal (the prefix stays with the first
/// word).
fn write_wrapped_stderr(prefix: &str, text: &str) {
    let columns = wrap::terminal_width(Stream::Stderr).unwrap_or(0);
    write_lines(
        &mut std::io::stderr().lock(),
        wrap::wrap_prefixed(prefix, text, columns),
    );
}

/// Terminal columns of `s` (East Asian wide characters count 2; UAX #11 by
/// `unicode-width`).
pub fn width(s: &str) -> usize {
    wrap::width(s)
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
            kind: m.kind.id(),
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
                kind: m.kind.id(),
                exit_code: m.exit as u8,
                message: &m.what,
                todo: &m.todo,
            },
            refs: None,
        });
    }
    m.exit
}

/// "error: what" and the indented lines of what to do, on stderr, wrapped to its width.
pub fn print_message(lang: Lang, what: &str, todo: &[String]) {
    let mut text = msg::output_error(lang, what);
    for line in todo {
        text.push_str("\n  ");
        text.push_str(line);
    }
    write_wrapped_stderr("mynapin: ", &text);
}
