//! `mynapin doctor`: is the PC/SC setup able to read a My Number card, and if not, why.

use super::error::{CliError, Exit};
use super::lang::{Lang, Pair};
use super::output::{emit, emit_json};
use super::text::sanitize;
use super::Ctx;
use crate::card::probe::{probe_readers, Found};
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
/// it. RC-S300 is CCID and needs libccid ≥ 1.4.35 (card doc §6). Ids from public code:
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

/// What to do when the PC/SC service does not answer, on this operating system.
pub(super) fn service_fix(lang: Lang) -> String {
    #[cfg(target_os = "linux")]
    {
        let installed = ["/usr/sbin/pcscd", "/usr/bin/pcscd"]
            .iter()
            .any(|p| std::path::Path::new(p).exists());
        if installed {
            lang.t(
                "Start it: sudo systemctl start pcscd.socket",
                "起動してください：sudo systemctl start pcscd.socket",
            )
            .to_string()
        } else {
            lang.t(
                "Install and start it: sudo apt install pcscd",
                "インストールしてください：sudo apt install pcscd",
            )
            .to_string()
        }
    }
    #[cfg(windows)]
    {
        lang.t(
            "Windows starts its Smart Card service (SCardSvr) when a reader is plugged in and stops it when none is: plug the reader in; if it still does not answer, start \"Smart Card\" in services.msc.",
            "Windows のスマートカードサービス（SCardSvr）はリーダーを接続すると起動し、外すと停止します。リーダーを接続してください。それでも応答しない場合は services.msc で「Smart Card」を開始してください。",
        )
        .to_string()
    }
    #[cfg(target_os = "macos")]
    {
        lang.t(
            "macOS's smart-card service (CryptoTokenKit) starts with a reader: unplug the reader and plug it in again.",
            "macOS のスマートカードサービス（CryptoTokenKit）はリーダー接続時に起動します。リーダーを抜き差ししてください。",
        )
        .to_string()
    }
    #[cfg(not(any(target_os = "linux", windows, target_os = "macos")))]
    {
        lang.t(
            "Start the system's PC/SC service (pcsc-lite's pcscd).",
            "OS の PC/SC サービス（pcsc-lite の pcscd）を起動してください。",
        )
        .to_string()
    }
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
            detail: lang.t(
                "Windows: the Sony RC-S300 and contact CCID readers work with Windows' own driver; the older RC-S380 needs Sony's \"NFC Port Software\" to appear as a smart-card reader",
                "Windows：ソニー RC-S300 と接触型 CCID リーダーは Windows 標準のドライバーで使えます。旧型の RC-S380 はソニーの「NFCポートソフトウェア」がないとスマートカードリーダーとして見えません",
            ).to_string(),
            fix: None,
        }]
    }
    #[cfg(target_os = "macos")]
    {
        vec![Finding {
            check: "reader_driver",
            ok: true,
            detail: lang.t(
                "macOS: CCID readers (Sony RC-S300, contact readers) work with macOS's built-in CCID driver; the Sony RC-S380 is not a CCID reader and has no macOS smart-card driver",
                "macOS：CCID リーダー（ソニー RC-S300、接触型リーダー）は macOS 内蔵の CCID ドライバーで使えます。ソニー RC-S380 は CCID ではなく、macOS 用のスマートカードドライバーはありません",
            ).to_string(),
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
    let l = |en: &str, ja: &str| lang.t(en, ja).to_string();
    let mut findings = Vec::new();
    let mut readable = false;

    if ctx.simulated() {
        let r = ctx.with_card(|_| Ok(()));
        readable = r.is_ok();
        findings.push(Finding {
            check: "simulated_card",
            ok: readable,
            detail: match &r {
                Ok(()) => l(
                    "the simulated My Number card answers",
                    "模擬マイナンバーカードが応答しています",
                ),
                Err(e) => e.message(lang).what,
            },
            fix: None,
        });
        return finish(ctx, findings, readable);
    }

    // 1. pcscd.
    let probes = match probe_readers(ctx.timeout) {
        Ok(c) => {
            findings.push(Finding {
                check: "pcscd",
                ok: true,
                detail: l(
                    "the PC/SC service (pcscd) answers",
                    "PC/SC サービス（pcscd）が応答しています",
                ),
                fix: None,
            });
            Some(c)
        }
        Err(_) => {
            findings.push(Finding {
                check: "pcscd",
                ok: false,
                detail: if cfg!(target_os = "linux") {
                    l(
                        "the PC/SC service (pcscd) does not answer",
                        "PC/SC サービス（pcscd）が応答しません",
                    )
                } else {
                    l(
                        "the system's PC/SC service does not answer",
                        "OS の PC/SC サービスが応答しません",
                    )
                },
                fix: Some(service_fix(lang)),
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
                detail: l("no reader is connected", "リーダーが接続されていません"),
                fix: Some(l(
                    "Connect a CCID reader (e.g. Sony RC-S300), then run mynapin doctor again.",
                    "CCID 対応リーダー（例：ソニー RC-S300）を接続して、もう一度 mynapin doctor を実行してください。",
                )),
            });
        }
        for p in probes {
            let name = sanitize(&p.name);
            let (ok, detail, fix) = match &p.found {
                Found::Empty => (
                    false,
                    format!("{name}: {}", l("no card", "カードなし")),
                    Some(l(
                        "Put the My Number card on this reader.",
                        "このリーダーにマイナンバーカードを置いてください。",
                    )),
                ),
                Found::MyNumberCard { .. } => (
                    true,
                    format!(
                        "{name}: {}",
                        l("My Number card readable", "マイナンバーカードを読み取れます")
                    ),
                    None,
                ),
                Found::NotMyNumberCard(k) => (
                    false,
                    format!("{name}: {}", super::text::card_kind(lang, k)),
                    Some(l(
                        "Put a My Number card on the reader.",
                        "マイナンバーカードを置いてください。",
                    )),
                ),
                Found::InUse => (
                    false,
                    format!(
                        "{name}: {}",
                        l(
                            "the card is in use by another program",
                            "カードは別のプログラムが使用中です"
                        )
                    ),
                    Some(l(
                        "Close other programs that use the card (the JPKI client software, browsers signing in with the card) and run mynapin doctor again.",
                        "カードを使う他のプログラム（JPKI利用者クライアントソフト、カードでログイン中のブラウザなど）を閉じて、もう一度実行してください。",
                    )),
                ),
                Found::Unreadable(e) => {
                    let m = super::error::card_message(lang, e);
                    (false, format!("{name}: {}", m.what), m.todo.first().cloned())
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
                detail: match super::readers::pin_pad_of(ctx, &p.name) {
                    Some(pad) => format!("{name}: {}", pad.text(lang)),
                    None => format!(
                        "{name}: {}",
                        l(
                            "no PIN pad (PINs are typed at the computer)",
                            "PIN パッドなし（暗証番号はパソコンで入力します）"
                        )
                    ),
                },
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
            emit(&format!(
                "{} {}",
                if f.ok { "[ok]" } else { "[!!]" },
                f.detail
            ));
            if let Some(fix) = &f.fix {
                emit(&format!("     → {fix}"));
            }
        }
        emit(&if readable {
            ctx.lang
                .t(
                    "A My Number card is readable.",
                    "マイナンバーカードを読み取れます。",
                )
                .to_string()
        } else {
            ctx.lang
                .t(
                    "No My Number card is readable yet.",
                    "まだマイナンバーカードを読み取れません。",
                )
                .to_string()
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
    let l = |en: &str, ja: &str| lang.t(en, ja).to_string();
    let mut out = Vec::new();
    let sony = usb_products("054c");
    if sony.iter().any(|p| SONY_NON_CCID.contains(&p.as_str())) {
        out.push(Finding {
            check: "reader_model",
            ok: false,
            detail: l(
                "a Sony RC-S380 is connected: it is not a CCID reader, and pcscd on Linux does not see it",
                "ソニー RC-S380 が接続されています。CCID 非対応のため、Linux の pcscd からは使えません",
            ),
            fix: Some(l(
                "Use a CCID reader such as the Sony RC-S300 (or any ISO 7816 contact reader).",
                "ソニー RC-S300 などの CCID 対応リーダー（または接触型 ISO 7816 リーダー）を使ってください。",
            )),
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
            detail: match (&v, lang.pair()) {
                (Some(v), Pair::En) => format!("a Sony RC-S300 is connected; libccid {v}"),
                (Some(v), Pair::Ja) => format!("ソニー RC-S300 が接続されています。libccid {v}"),
                (None, _) => l("a Sony RC-S300 is connected; libccid version unknown", "ソニー RC-S300 が接続されています。libccid の版は不明です"),
            },
            fix: (!ok).then(|| l(
                "The RC-S300 needs libccid 1.4.35 or later: sudo apt install libccid (from a recent release).",
                "RC-S300 には libccid 1.4.35 以降が必要です：sudo apt install libccid（新しいリリースのもの）。",
            )),
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
