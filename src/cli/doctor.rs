//! `mynapin doctor`: is the PC/SC setup able to read a My Number card, and if not, why.

use super::error::{CliError, Exit};
use super::lang::{msg, Lang};
use super::output::{emit, emit_json};
#[cfg(target_os = "linux")]
use super::text::sanitize;
use super::Ctx;
use mynapin_core::card::probe::{probe_readers, Found};
use serde::Serialize;

#[derive(Serialize)]
struct Finding {
    check: &'static str,
    ok: bool,
    detail: String,
    fix: Option<String>,
}

#[derive(Serialize)]
struct DoctorJson {
    schema: &'static str,
    my_number_card_readable: bool,
    findings: Vec<Finding>,
}

/// Sony readers by USB id (vendor 054c). RC-S380 is not CCID: pcscd on Linux does not see
/// it. RC-S300 is CCID and needs libccid ≥ 1.4.35 (card facts §6). Ids from public code:
/// RC-S380/S 06c1 and /P 06c3 [2+], RC-S300/S 0dc8 [2+], RC-S300/P 0dc9 \[1\].
#[cfg(target_os = "linux")]
const SONY_NON_CCID: &[&str] = &["06c1", "06c3"];
#[cfg(target_os = "linux")]
const SONY_RC_S300: &[&str] = &["0dc8", "0dc9"];

#[cfg(target_os = "linux")]
fn usb_products(vendor: &str) -> Vec<String> {
    let Ok(dir) = std::fs::read_dir("/sys/bus/usb/devices") else {
        return Vec::new();
    };
    dir.filter_map(|e| e.ok())
        .filter_map(|e| {
            let p = e.path();
            let v = std::fs::read_to_string(p.join("idVendor")).ok()?;
            let prod = std::fs::read_to_string(p.join("idProduct")).ok()?;
            (v.trim() == vendor).then(|| prod.trim().to_string())
        })
        .collect()
}

#[cfg(target_os = "linux")]
fn libccid_version() -> Option<String> {
    let out = std::process::Command::new("dpkg-query")
        .args(["-W", "-f=${Version}", "libccid"])
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
        .filter(|v| !v.is_empty())
}

/// `1.5.2-1` ≥ `1.4.35`?
#[cfg(any(target_os = "linux", test))]
fn version_at_least(version: &str, min: [u32; 3]) -> bool {
    let upstream = version.split(['-', '+', '~']).next().unwrap_or("");
    let mut parts = upstream.split('.').map(|p| p.parse::<u32>().unwrap_or(0));
    let v = [
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
    ];
    v >= min
}

/// Checks that only make sense on this operating system: Sony readers by USB id and the
/// CCID driver's version on Linux; the readers' drivers on Windows and macOS (advice only:
/// mynapin cannot look at their USB devices there).
fn platform_findings(lang: Lang) -> Vec<Finding> {
    #[cfg(target_os = "linux")]
    {
        linux_reader_findings(lang)
    }
    #[cfg(windows)]
    {
        vec![Finding {
            check: "reader_driver",
            ok: true,
            detail: msg::doctor_windows_driver(lang),
            fix: None,
        }]
    }
    #[cfg(target_os = "macos")]
    {
        vec![Finding {
            check: "reader_driver",
            ok: true,
            detail: msg::doctor_macos_driver(lang),
            fix: None,
        }]
    }
    #[cfg(not(any(target_os = "linux", windows, target_os = "macos")))]
    {
        let _ = lang;
        Vec::new()
    }
}

/// `mynapin doctor`.
pub fn run(ctx: &Ctx) -> Result<Exit, CliError> {
    let lang = ctx.lang;
    let mut findings = Vec::new();
    let mut readable = false;

    if ctx.simulated() {
        let r = ctx.with_card(|_| Ok(()));
        readable = r.is_ok();
        findings.push(Finding {
            check: "simulated_card",
            ok: readable,
            detail: match &r {
                Ok(()) => msg::doctor_sim_answers(lang),
                Err(e) => e.message(lang).what,
            },
            fix: None,
        });
        return finish(ctx, findings, readable);
    }

    // 1. pcscd (Windows: the Smart Card service; the JSON check keeps the name "pcscd").
    let probes = match probe_readers(ctx.timeout) {
        Ok(c) => {
            findings.push(Finding {
                check: "pcscd",
                ok: true,
                detail: if cfg!(windows) {
                    msg::doctor_scardsvr_answers(lang)
                } else {
                    msg::doctor_pcscd_answers(lang)
                },
                fix: None,
            });
            Some(c)
        }
        Err(_) => {
            findings.push(Finding {
                check: "pcscd",
                ok: false,
                detail: if cfg!(target_os = "linux") {
                    msg::doctor_pcscd_silent(lang)
                } else if cfg!(windows) {
                    msg::doctor_scardsvr_silent(lang)
                } else {
                    msg::doctor_service_silent(lang)
                },
                fix: Some(super::text::service_fix(lang)),
            });
            None
        }
    };
    findings.extend(platform_findings(lang));

    // 3. Readers and cards (the same probe as `mynapin readers`).
    if let Some(probes) = &probes {
        if probes.is_empty() {
            findings.push(Finding {
                check: "readers",
                ok: false,
                detail: msg::doctor_no_reader(lang),
                fix: Some(msg::doctor_fix_connect_reader(lang)),
            });
        }
        for p in probes {
            let name = super::text::reader_name(&p.name);
            let about = |what: String| {
                msg::doctor_reader(
                    lang,
                    msg::DoctorReader {
                        reader: &name,
                        what,
                    },
                )
            };
            let (ok, detail, fix) = match &p.found {
                Found::Empty => (
                    false,
                    about(msg::doctor_no_card(lang)),
                    Some(msg::doctor_fix_place_card(lang)),
                ),
                Found::MyNumberCard { .. } => (true, about(msg::doctor_card_readable(lang)), None),
                Found::NotMyNumberCard(k) => (
                    false,
                    about(super::text::card_kind(lang, k)),
                    Some(msg::doctor_fix_not_my_number(lang)),
                ),
                Found::InUse => (
                    false,
                    about(msg::doctor_in_use(lang)),
                    Some(msg::doctor_fix_in_use(lang)),
                ),
                Found::Unreadable(e) => {
                    let m = super::error::card_message(lang, e);
                    (false, about(m.what), m.todo.first().cloned())
                }
            };
            readable |= ok;
            findings.push(Finding {
                check: "card",
                ok,
                detail,
                fix,
            });
            // Informational: PINs typed on the reader's keypad or at the computer.
            findings.push(Finding {
                check: "pinpad",
                ok: true,
                detail: about(match super::readers::pin_pad_of(ctx, &p.name) {
                    Some(pad) => pad.text(lang, ctx.verbose > 0),
                    None => msg::doctor_no_pinpad(lang),
                }),
                fix: None,
            });
        }
    }
    finish(ctx, findings, readable)
}

fn finish(ctx: &Ctx, findings: Vec<Finding>, readable: bool) -> Result<Exit, CliError> {
    if ctx.json {
        emit_json(&DoctorJson {
            schema: "mynapin.doctor.v1",
            my_number_card_readable: readable,
            findings,
        });
    } else {
        for f in &findings {
            let mark = if f.ok {
                msg::doctor_mark_ok(ctx.lang)
            } else {
                msg::doctor_mark_problem(ctx.lang)
            };
            emit(&format!("{mark} {}", f.detail));
            if let Some(fix) = &f.fix {
                emit(&format!("     → {fix}"));
            }
        }
        emit(&if readable {
            msg::doctor_readable(ctx.lang)
        } else {
            msg::doctor_not_readable(ctx.lang)
        });
    }
    Ok(if readable {
        Exit::Success
    } else {
        Exit::NoCard
    })
}

/// Known reader trouble, visible on USB even when pcscd does not list the reader.
#[cfg(target_os = "linux")]
fn linux_reader_findings(lang: Lang) -> Vec<Finding> {
    let mut out = Vec::new();
    let sony = usb_products("054c");
    if sony.iter().any(|p| SONY_NON_CCID.contains(&p.as_str())) {
        out.push(Finding {
            check: "reader_model",
            ok: false,
            detail: msg::doctor_rcs380(lang),
            fix: Some(msg::doctor_fix_rcs380(lang)),
        });
    }
    if sony.iter().any(|p| SONY_RC_S300.contains(&p.as_str())) {
        let v = libccid_version();
        let ok = v
            .as_deref()
            .is_some_and(|v| version_at_least(v, [1, 4, 35]));
        out.push(Finding {
            check: "reader_driver",
            ok,
            detail: match &v {
                Some(v) => msg::doctor_rcs300(lang, sanitize(v)),
                None => msg::doctor_rcs300_unknown(lang),
            },
            fix: (!ok).then(|| msg::doctor_fix_rcs300(lang)),
        });
    }

    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn libccid_versions() {
        assert!(version_at_least("1.5.2-1", [1, 4, 35]));
        assert!(version_at_least("1.4.35-1", [1, 4, 35]));
        assert!(!version_at_least("1.4.34-1", [1, 4, 35]));
        assert!(!version_at_least("1.4.9", [1, 4, 35]));
    }
}
