//! What residents and window staff read is right and plain (issue 19, items 1-9 and 18): the
//! guide, the short guide in `status`, and the printed handout, run through the command line
//! in Japanese and in English.

mod common;

use common::cli::{run_env, NO_PCSCD};

fn ok(args: &[&str]) -> String {
    let (code, out, err) = run_env(args, "", &[NO_PCSCD]).parts();
    assert_eq!(code, 0, "{args:?}: {err}");
    out
}

fn guide(lang: &str, rest: &[&str]) -> String {
    let mut args = vec!["--lang", lang, "guide"];
    args.extend(rest);
    ok(&args)
}

/// Item 1: while it is not known whether the other JPKI PIN is known, the kiosk is
/// conditional and shown with its whole procedure; `--know` only narrows the answer.
#[test]
fn kiosk_is_conditional_with_its_whole_procedure() {
    for (lang, mark, not_available, conditions) in [
        (
            "ja",
            "【条件付き】コンビニのキオスク端末",
            "【利用不可】コンビニのキオスク端末",
            &[
                "利用者証明用暗証番号が分かっていて、ロックされていない場合に使えます",
                "マイナンバーカードを読み取れるスマートフォン",
                "「JPKI暗証番号リセット」",
                "顔を照合",
                "24時間以内",
                "06:30〜23:00",
                "両方の電子証明書が有効期限内",
                "セブン-イレブン",
            ][..],
        ),
        (
            "en",
            "[conditional] Convenience-store kiosk",
            "[not available] Convenience-store kiosk",
            &[
                "Works when you know your user-authentication PIN and it is not blocked",
                "smartphone that can read the My Number card",
                "\"JPKI暗証番号リセット\"",
                "checks your face",
                "Within 24 hours",
                "06:30-23:00",
            ][..],
        ),
    ] {
        let out = guide(
            lang,
            &["sign", "--state", "forgotten", "--city", "takatsuki"],
        );
        assert!(out.contains(mark), "{lang}: {out}");
        assert!(!out.contains(not_available), "{lang}: {out}");
        for c in conditions {
            assert!(out.contains(c), "{lang}: {c:?} missing: {out}");
        }
        assert!(!out.contains("--know"), "{lang}: {out}");
        // Known: the kiosk is simply open, with the same steps.
        let out = guide(
            lang,
            &[
                "sign",
                "--state",
                "forgotten",
                "--city",
                "takatsuki",
                "--know",
                "auth",
            ],
        );
        assert!(!out.contains(mark), "{lang}: {out}");
        for c in &conditions[1..] {
            assert!(out.contains(c), "{lang}: {c:?} missing with --know: {out}");
        }
        // The other PIN blocked too: not available (never conditional).
        let out = ok(&[
            "--lang",
            lang,
            "--sim=all-blocked",
            "guide",
            "sign",
            "--city",
            "takatsuki",
        ]);
        assert!(out.contains(not_available), "{lang}: {out}");
        assert!(!out.contains(mark), "{lang}: {out}");
    }
}

/// Item 2: each applicant's list holds only what that applicant can present: the agent's own
/// My Number card is never in a holder's list.
#[test]
fn a_holders_list_never_offers_the_agents_own_card() {
    for (lang, agents_card) in [
        (
            "ja",
            "マイナンバーカード（手続きするカードとは別の、代理人自身のもの）",
        ),
        ("en", "the representative's own"),
    ] {
        for city in [None, Some("takatsuki"), Some("toyokawa")] {
            for pin in ["auth", "juki"] {
                let mut args = vec![pin, "--state", "blocked", "--format", "markdown"];
                if let Some(c) = city {
                    args.extend(["--city", c]);
                }
                let holder = guide(lang, &args);
                assert!(
                    !holder.contains(agents_card),
                    "{lang} {city:?} {pin}: {holder}"
                );
                if city != Some("toyokawa") {
                    args.extend(["--applicant", "agent"]);
                    let agent = guide(lang, &args);
                    assert!(agent.contains(agents_card), "{lang} {city:?}: {agent}");
                }
            }
        }
    }
    // And it is not counted for the holder: the holder presenting "own_mynumber_card" as an
    // identity document besides the card has still not shown one.
    let out = guide(
        "en",
        &[
            "juki",
            "--state",
            "blocked",
            "--city",
            "takatsuki",
            "--have",
            "mynumber_card,own_mynumber_card",
        ],
    );
    assert!(out.contains("Missing"), "{out}");
}

/// Item 3: the no-city list is labelled for what it is (which pages, dated), holds no
/// expired document, no Takatsuki rule, no duplicate; every reference is dated.
#[test]
fn the_baseline_is_labelled_current_and_free_of_city_rules() {
    for lang in ["ja", "en"] {
        for pin in ["auth", "sign", "kenhojo", "juki"] {
            for applicant in ["self", "legal", "agent"] {
                let out = guide(
                    lang,
                    &["-v", pin, "--state", "forgotten", "--applicant", applicant],
                );
                for bad in [
                    "全国共通",
                    "national baseline",
                    "A1点",
                    "list A or B",
                    "健康保険又は介護保険",
                    "健康保険証",
                    "health insurance card",
                ] {
                    assert!(!out.contains(bad), "{lang} {pin} {applicant}: {bad}: {out}");
                }
                for line in out.lines().filter(|l| l.contains('：') || l.contains(": ")) {
                    assert!(
                        line.matches("学生証").count() <= 1,
                        "{lang}: 学生証 twice: {line}"
                    );
                }
            }
        }
        let out = guide(lang, &["juki", "--state", "forgotten"]);
        let label = if lang == "ja" {
            "一般的な目安（青梅市・上尾市・多治見市のページから作成、2026年12月7日確認）"
        } else {
            "a general guide"
        };
        assert!(out.contains(label), "{lang}: {out}");
        for page in [
            "https://www.city.ome.tokyo.jp/",
            "https://www.city.ageo.lg.jp/",
            "https://www.city.tajimi.lg.jp/",
            "https://faq.myna.go.jp/",
        ] {
            assert!(out.contains(page), "{lang}: {page}: {out}");
        }
    }
    // The long-term care insurance card is another card, still valid: it stays.
    let out = guide("ja", &["juki", "--state", "forgotten"]);
    assert!(out.contains("介護保険の被保険者証"), "{out}");
    // Toyokawa's page (2025-03-05) names the health-insurance card; it is not in its list.
    for applicant in ["self", "agent"] {
        let out = guide(
            "ja",
            &[
                "auth",
                "--state",
                "known",
                "--city",
                "toyokawa",
                "--applicant",
                applicant,
            ],
        );
        assert!(!out.contains("健康保険"), "{out}");
        assert!(!out.contains("A1点"), "{out}");
    }
    for r in mynapin_core::procedure::national::REFERENCES {
        assert_eq!(r.checked.len(), 10, "{}", r.id);
        assert!(r.checked.starts_with("20"), "{}", r.id);
    }
}

/// Item 4: wherever an office is named, it is the one where the holder is registered; with
/// no city, how to find that municipality's page.
#[test]
fn the_office_is_where_the_holder_is_registered() {
    for (lang, registered, find) in [
        (
            "ja",
            "住民登録のある市区町村の窓口",
            "マイナンバーカード 暗証番号 再設定",
        ),
        (
            "en",
            "the municipality where the holder is registered",
            "マイナンバーカード 暗証番号 再設定",
        ),
    ] {
        let out = guide(lang, &["kenhojo", "--state", "blocked"]);
        assert!(out.contains(registered), "{lang}: {out}");
        assert!(out.contains(find), "{lang}: {out}");
        let out = guide(
            lang,
            &["kenhojo", "--state", "blocked", "--city", "toyokawa"],
        );
        assert!(out.contains(registered), "{lang}: {out}");
        // The short guide of `status` says it too.
        let out = ok(&["--lang", lang, "--sim=sign-blocked", "status"]);
        assert!(out.contains(registered), "{lang}: {out}");
    }
}

/// Item 5: the agent's route is two visits with the inquiry mailed between them, and the
/// summary says so.
#[test]
fn the_agents_summary_matches_the_two_visit_route() {
    for (lang, says) in [
        (
            "ja",
            &["1回目", "照会書", "郵送", "2回目", "来庁は2回です"][..],
        ),
        (
            "en",
            &[
                "first visit",
                "mails an inquiry",
                "second visit",
                "2 visits",
            ][..],
        ),
    ] {
        for city in [None, Some("toyokawa")] {
            let mut args = vec!["juki", "--state", "forgotten", "--applicant", "agent"];
            if let Some(c) = city {
                args.extend(["--city", c]);
            }
            let out = guide(lang, &args);
            let summary: String = out
                .lines()
                .skip_while(|l| !l.starts_with("== "))
                .take_while(|l| !l.starts_with("-- "))
                .collect::<Vec<_>>()
                .join("\n");
            for s in says {
                assert!(summary.contains(s), "{lang} {city:?}: {s:?}: {summary}");
            }
        }
    }
}

/// Item 5 for a city whose agent route is different: Takatsuki mails the forms after a call,
/// before the one visit.
#[test]
fn takatsukis_agent_summary_says_call_first() {
    for (lang, says) in [
        ("ja", &["来庁の前に", "連絡", "郵送", "数日"][..]),
        (
            "en",
            &["before going, contact", "mails the forms", "several days"][..],
        ),
    ] {
        let out = guide(
            lang,
            &[
                "juki",
                "--state",
                "forgotten",
                "--applicant",
                "agent",
                "--city",
                "takatsuki",
            ],
        );
        for s in says {
            assert!(out.contains(s), "{lang}: {s:?}: {out}");
        }
    }
}

/// What a resident must never have to read: command-line syntax, placeholders, internal
/// words. `terminal`: a concrete command (`mynapin guide juki --state forgotten`) may be
/// named; a handout names none.
fn engineer_words(text: &str, terminal: bool) -> Vec<String> {
    let mut found = Vec::new();
    for bad in [
        "|",
        "--know",
        "--city",
        "--profile",
        "--applicant",
        "--have",
        "guide PIN",
        "PIN --",
        "FILE",
        "DOC,",
        "プロファイル",
        "JPKIAPICCTOKEN",
        "応答 ",
        "SW ",
        "アドレスの記録なし",
        "000_f14b",
        "002_5407",
        "shared/",
    ] {
        if text.contains(bad) {
            found.push(bad.to_string());
        }
    }
    for line in text.lines() {
        let option = line
            .match_indices("--")
            .any(|(i, _)| line[i + 2..].starts_with(|c: char| c.is_ascii_lowercase()));
        let commandish = option || line.contains('`');
        if commandish && (!terminal || !line.contains("mynapin ")) {
            found.push(format!("command in: {line}"));
        }
        if !terminal && (line.contains("mynapin change") || line.contains("mynapin guide")) {
            found.push(format!("command in a handout: {line}"));
        }
    }
    found
}

/// Item 6: the Japanese guide, status and handout, for every PIN × state × place ×
/// applicant, contain no command-line syntax, placeholder or internal word.
#[test]
fn japanese_resident_text_has_no_engineer_words() {
    let mut runs = 0;
    let mut bad = Vec::new();
    for pin in ["auth", "sign", "kenhojo", "juki"] {
        for state in ["forgotten", "blocked", "known"] {
            for city in [None, Some("takatsuki"), Some("toyokawa")] {
                for applicant in ["self", "legal", "agent"] {
                    for format in ["text", "html", "markdown"] {
                        let mut args = vec![
                            "--lang",
                            "ja",
                            "guide",
                            pin,
                            "--state",
                            state,
                            "--applicant",
                            applicant,
                            "--format",
                            format,
                        ];
                        if let Some(c) = city {
                            args.extend(["--city", c]);
                        }
                        let out = ok(&args);
                        runs += 1;
                        for w in engineer_words(&out, format == "text") {
                            bad.push(format!("{}: {w}", args.join(" ")));
                        }
                    }
                }
            }
        }
    }
    // Status of every built-in card, and the guide read from it, as a resident runs them.
    let (_, list, _) = run_env(&["sim", "fixtures", "--json"], "", &[NO_PCSCD]).parts();
    let names: Vec<String> = serde_json::from_str::<serde_json::Value>(&list)
        .ok()
        .and_then(|v| {
            v.get("fixtures").and_then(|f| f.as_array()).map(|a| {
                a.iter()
                    .filter_map(|x| x.get("name").and_then(|n| n.as_str()).map(String::from))
                    .collect()
            })
        })
        .unwrap_or_default();
    assert!(names.len() > 5, "fixtures: {list}");
    for name in &names {
        let sim = format!("--sim={name}");
        for args in [
            vec!["--lang", "ja", &sim, "status"],
            vec!["--lang", "ja", &sim, "guide"],
            vec!["--lang", "ja", &sim, "guide", "--format", "html"],
        ] {
            let (_, out, _) = run_env(&args, "", &[NO_PCSCD]).parts();
            runs += 1;
            let terminal = !args.contains(&"html");
            for w in engineer_words(&out, terminal) {
                bad.push(format!("{}: {w}", args.join(" ")));
            }
        }
    }
    assert!(runs > 320, "{runs} runs");
    assert!(
        bad.is_empty(),
        "{} findings:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

/// Item 6 in English too, and the token name / raw status word only under -v.
#[test]
fn status_says_the_token_and_status_words_only_with_v() {
    for lang in ["ja", "en"] {
        let out = ok(&["--lang", lang, "--sim=quirky-counters", "status"]);
        assert!(!out.contains("JPKIAPICCTOKEN2"), "{lang}: {out}");
        assert!(
            !out.contains("63 00") && !out.contains("90 00"),
            "{lang}: {out}"
        );
        let out = ok(&["--lang", lang, "-v", "--sim=quirky-counters", "status"]);
        assert!(out.contains("JPKIAPICCTOKEN2"), "{lang}: {out}");
        let json = ok(&["--lang", lang, "--sim", "status", "--json"]);
        assert!(json.contains("JPKIAPICCTOKEN2"), "{lang}: {json}");
    }
    for (lang, city_hint) in [
        ("en", "search for its name"),
        ("ja", "検索すると見つかります"),
    ] {
        let out = guide(lang, &["auth", "--state", "forgotten"]);
        assert!(out.contains(city_hint), "{lang}: {out}");
        assert!(engineer_words(&out, true).is_empty(), "{lang}: {out}");
        let md = guide(lang, &["auth", "--state", "known", "--format", "markdown"]);
        assert!(engineer_words(&md, false).is_empty(), "{lang}: {md}");
    }
}

/// Item 7: sources show their address, or how to find the page; a cited heading is said to be
/// one; no file name that is not in the repository.
#[test]
fn sources_show_their_address_and_heading() {
    for (lang, heading, find) in [
        (
            "ja",
            "見出し「届出人」",
            "市のホームページでページ名を検索してください",
        ),
        (
            "en",
            "section \"届出人\"",
            "search the city's site for the page title",
        ),
    ] {
        let out = guide(
            lang,
            &["sign", "--state", "forgotten", "--city", "takatsuki"],
        );
        assert!(out.contains(heading), "{lang}: {out}");
        assert!(out.contains(find), "{lang}: {out}");
        assert!(!out.contains("（届出人）"), "{lang}: {out}");
        assert!(!out.contains("アドレスの記録なし"), "{lang}: {out}");
    }
    for r in mynapin_core::procedure::national::REFERENCES {
        assert!(
            r.address.is_some() || r.id == "takatsuki-page",
            "{}: no address",
            r.id
        );
    }
    for p in [
        "core/profiles/takatsuki.toml",
        "core/profiles/toyokawa.toml",
        "core/profiles/national.toml",
    ] {
        let text = std::fs::read_to_string(p).unwrap();
        assert!(!text.contains(".txt"), "{p} cites a file");
        assert!(!text.contains("seed"), "{p} cites the seed pages");
    }
}

/// Item 8: plain `guide` with no card and no PIN leads with what to do, on one screen; the
/// rules and sources come with -v.
#[test]
fn plain_guide_without_a_card_is_one_screen() {
    for (lang, rules) in [("ja", "根拠：ルールと出典"), ("en", "Why: the rules")] {
        let out = guide(lang, &[]);
        let lines = out.lines().count();
        assert!(lines <= 40, "{lang}: {lines} lines:\n{out}");
        assert!(!out.contains(rules), "{lang}: {out}");
        for pin in ["auth", "sign", "kenhojo", "juki"] {
            assert!(
                out.contains(&format!("mynapin guide {pin} --state forgotten")),
                "{lang}: {pin}: {out}"
            );
        }
        let v = ok(&["--lang", lang, "-v", "guide"]);
        assert!(v.contains(rules), "{lang}: {v}");
        assert!(v.lines().count() > lines, "{lang}");
    }
}

/// Item 9: the juki PIN's two places are explained once, plainly.
#[test]
fn the_juki_pins_two_places_are_explained_once() {
    for (lang, says) in [
        ("ja", "カードの中の2か所に記録されて"),
        ("en", "stored in two places on the card"),
    ] {
        let out = guide(
            lang,
            &["juki", "--state", "forgotten", "--city", "toyokawa"],
        );
        assert_eq!(out.matches(says).count(), 1, "{lang}: {out}");
        let out = guide(lang, &["auth", "--state", "forgotten"]);
        assert_eq!(out.matches(says).count(), 0, "{lang}: {out}");
        let out = ok(&["--lang", lang, "--sim", "status"]);
        assert_eq!(out.matches(says).count(), 1, "{lang}: {out}");
    }
}

/// Item 18: `--have` takes the numbers `--list-documents` shows and the documents' names;
/// the handout records what was presented and has blank fields for the office.
#[test]
fn have_by_number_or_name_and_the_handout_records_it() {
    let list = guide("ja", &["--list-documents"]);
    let number_of = |id: &str| -> String {
        list.lines()
            .find(|l| l.split_whitespace().nth(1) == Some(id))
            .and_then(|l| l.split_whitespace().next())
            .unwrap_or_else(|| panic!("{id} not listed: {list}"))
            .to_string()
    };
    let card = number_of("mynumber_card");
    let license = number_of("drivers_license");
    for (lang, have) in [
        ("en", format!("{card},{license}")),
        ("ja", "本人のマイナンバーカード,運転免許証".to_string()),
        ("ja", format!("{card},本人:{license}")),
        (
            "en",
            "the holder's My Number card,holder:driver's license".to_string(),
        ),
    ] {
        let out = guide(
            lang,
            &[
                "juki",
                "--state",
                "blocked",
                "--city",
                "takatsuki",
                "--have",
                &have,
            ],
        );
        let done = if lang == "ja" {
            "そろっています"
        } else {
            "all there"
        };
        assert!(out.contains(done), "{lang} {have}: {out}");
    }
    let (code, _, err) = run_env(
        &[
            "--lang", "ja", "guide", "juki", "--state", "blocked", "--have", "99",
        ],
        "",
        &[NO_PCSCD],
    )
    .parts();
    assert_eq!(code, 2, "{err}");
    for (lang, fields) in [
        (
            "ja",
            [
                "窓口記入欄",
                "提示された書類",
                "受付日",
                "申請者氏名",
                "担当者",
            ],
        ),
        (
            "en",
            [
                "For the office",
                "Documents presented",
                "Date",
                "Applicant",
                "Clerk",
            ],
        ),
    ] {
        let html = guide(
            lang,
            &[
                "juki",
                "--state",
                "blocked",
                "--city",
                "takatsuki",
                "--have",
                &format!("{card},{license}"),
                "--format",
                "html",
            ],
        );
        assert!(
            html.contains(&format!("<h4>{}</h4>", fields[0])),
            "{lang}: {html}"
        );
        for f in &fields[1..] {
            assert!(
                html.contains(&format!("<th>{f}</th>")),
                "{lang}: {f}: {html}"
            );
        }
        let license_name = if lang == "ja" {
            "運転免許証"
        } else {
            "driver's license"
        };
        let row = html
            .lines()
            .find(|l| {
                l.contains("<th>提示された書類</th>") || l.contains("<th>Documents presented</th>")
            })
            .unwrap();
        assert!(
            row.contains(&license_name.replace('\'', "&#39;")),
            "{lang}: {row}"
        );
        // Date, applicant and clerk are blank, to be written by hand.
        assert_eq!(html.matches("<td></td>").count(), 3, "{lang}: {html}");
        // The terminal guide has no such fields.
        let text = guide(lang, &["juki", "--state", "blocked"]);
        assert!(!text.contains(fields[0]), "{lang}: {text}");
    }
}

/// For an agent, the kiosk is closed because the holder alone uses it (with the holder's
/// smartphone and face): that is the reason said, not "it works when you know the signature
/// password", which read as a contradiction of 「キオスク端末は使えません」 (found in review).
#[test]
fn an_agent_is_told_why_the_kiosk_is_closed_to_them() {
    for (lang, closed, holder, partner) in [
        (
            "ja",
            "キオスク端末は使えません。",
            "本人がご自身のスマートフォンと顔照合",
            "署名用パスワードが分かっていて",
        ),
        (
            "en",
            "The kiosk cannot help:",
            "done by the holder, with the holder's smartphone",
            "it works when you know it",
        ),
    ] {
        let out = guide(
            lang,
            &[
                "auth",
                "--state",
                "blocked",
                "--city",
                "takatsuki",
                "--applicant",
                "agent",
            ],
        );
        let line = out
            .lines()
            .find(|l| l.starts_with(closed))
            .unwrap_or_else(|| panic!("no {closed:?} line in\n{out}"));
        assert!(line.contains(holder), "{line}");
        assert!(!line.contains(partner), "{line}");
    }
}
