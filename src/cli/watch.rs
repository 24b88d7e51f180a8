//! `mynapin watch`: for window staff reading card after card. Waits for a card, prints its
//! status (text, or one `mynapin.status.v1` JSON object per line with `--json`), waits for the
//! card to leave, and again, until Ctrl-C. A card that is not a My Number card, or that cannot
//! be read, is one line — never the end of the loop.

use super::error::{CliError, Exit};
use super::lang::msg;
use super::output::{emit, say};
use super::status;
use super::text::reader_name;
use super::Ctx;
use crate::card::MyNumberCard;
use crate::transport::pcsc::{self, ReaderSelector, ServiceEvent, WaitFor};
use crate::transport::TransportError;
use std::sync::Arc;

/// `mynapin watch`.
pub fn run(ctx: &Ctx) -> Result<Exit, CliError> {
    let lang = ctx.lang;
    if ctx.simulated() {
        return Err(CliError::Usage {
            what: msg::watch_needs_reader(lang),
            todo: msg::watch_needs_reader_todo(lang),
        });
    }
    let selector = ReaderSelector::parse(ctx.reader.as_deref());
    // pcscd not running at the start is said as it is (exit 6); once watch runs, a pcscd
    // restart is waited for.
    if let Err(e @ TransportError::NoService) = pcsc::list_readers(ctx.timeout) {
        return Err(e.into());
    }
    say(&msg::watch_waiting(lang));
    let mut cards = 0u64;
    loop {
        let reader = match pcsc::wait_through_restarts(
            &selector,
            WaitFor::Card,
            None,
            Arc::clone(&ctx.stop),
            service_notes(ctx),
        ) {
            Ok(r) => r,
            Err(TransportError::Interrupted { .. }) => break,
            Err(e) => return Err(e.into()),
        };
        cards += 1;
        let result = pcsc::with_named_card(&reader, ctx.timeout, |t| {
            let mut t = crate::transport::Interruptible::new(t, Arc::clone(&ctx.stop));
            MyNumberCard::open(&mut t)
                .map_err(CliError::from)
                .and_then(|mut card| status::read(ctx, &mut card, true))
        });
        match result {
            Ok(Ok(report)) => {
                if ctx.json {
                    let v = status::to_json(lang, &report);
                    match serde_json::to_string(&v) {
                        Ok(line) => emit(&line),
                        Err(e) => say(&msg::output_json_failed(lang, e.to_string())),
                    }
                } else {
                    emit(&msg::watch_card(lang, cards));
                    for line in status::text_lines(lang, ctx.verbose > 0, &report) {
                        emit(&line);
                    }
                    emit("");
                }
            }
            Ok(Err(e)) => one_line(ctx, cards, &reader, &e),
            Err(e) => one_line(ctx, cards, &reader, &e.into()),
        }
        if ctx.stop.load(std::sync::atomic::Ordering::SeqCst) != 0 {
            break;
        }
        match pcsc::wait_through_restarts(
            &ReaderSelector::NameContains(reader.clone()),
            WaitFor::Removal,
            None,
            Arc::clone(&ctx.stop),
            service_notes(ctx),
        ) {
            Ok(_) => {}
            Err(TransportError::Interrupted { .. }) => break,
            Err(e) => return Err(e.into()),
        }
    }
    say(&msg::watch_stopped(lang, cards));
    Ok(Exit::Success)
}

/// Says on stderr, once each, that pcscd stopped and that it is back (window staff leave
/// `watch` running all day; a pcscd restart does not end it).
fn service_notes(ctx: &Ctx) -> Box<dyn FnMut(ServiceEvent) + Send> {
    let lang = ctx.lang;
    Box::new(move |e| match e {
        ServiceEvent::Stopped => say(&msg::watch_service_stopped(lang)),
        ServiceEvent::Back => say(&msg::watch_service_back(lang)),
    })
}

/// One line for a card that could not be read (stdout, so the log of the window keeps it).
fn one_line(ctx: &Ctx, n: u64, reader: &str, e: &CliError) {
    let m = e.message(ctx.lang);
    if ctx.json {
        let v = serde_json::json!({
            "schema": "mynapin.error.v1",
            "reader": reader_name(reader),
            "error": {"kind": m.kind, "exit_code": m.exit as u8, "message": m.what, "todo": m.todo},
        });
        emit(&v.to_string());
    } else {
        emit(&msg::watch_card_failed(
            ctx.lang,
            n,
            reader_name(reader),
            m.what,
        ));
    }
}
