//! The reset guide built by a front end made of the core and the words alone (issue 22: the
//! app's guide screen and its printed handout say exactly what `mynapin guide` says, without
//! the command line): a blocked PIN read from the simulated card, a city chosen from the
//! built-in list, a document the resident has, rendered as the printable HTML page and as
//! text in Japanese and in English.

use mynapin_core::card::cert::Date;
use mynapin_core::card::MyNumberCard;
use mynapin_core::layout::PinId;
use mynapin_core::procedure::from_card::CardFacts;
use mynapin_core::procedure::profile::{Applicant, Profile};
use mynapin_core::transport::in_process::InProcess;
use mynapin_sim::{Fixture, SimCard};
use mynapin_words::guide::{
    builtin_profiles, render_html, render_text, resolve_have, sanitize_blocks, Block, CardRead,
    Guide, Input, Medium,
};
use mynapin_words::Lang;

/// Toyokawa's page, the source of the city's facts (core/profiles/toyokawa.toml).
const TOYOKAWA_PAGE: &str =
    "https://www.city.toyokawa.lg.jp/kurashi_tetsuzuki/todokede_shomei/3/2/12731.html";
/// The source of the checklist: Toyokawa's page states none for a reset, so the national
/// baseline's applies, cited from the page it was drawn from (core/profiles/national.toml).
const CHECKLIST_PAGE: &str = "https://www.city.ome.tokyo.jp/soshiki/13/55573.html";

/// The card's facts as the reset rules see them: the signature password is blocked, the
/// user-authentication PIN is not.
fn blocked_card() -> CardFacts {
    let mut sim = SimCard::new(Fixture::builtin("sign-blocked").expect("a built-in fixture"));
    let status = {
        let mut t = InProcess::new(&mut sim, "sim");
        let mut card = MyNumberCard::open(&mut t).expect("a My Number card");
        card.read_status(true, Date::parse_iso("2026-12-01").unwrap())
            .expect("the status")
    };
    CardFacts::of_status(&status)
}

/// The guide for the card's blocked PINs in `lang`, for Toyokawa, with a passport in hand,
/// as a handout (no command of the command line in it).
fn handout(lang: Lang, facts: &CardFacts, city: &Profile, have: &str) -> Vec<Block> {
    let cases = facts
        .pins_to_guide()
        .into_iter()
        .map(|pin| facts.case(pin, facts.situation_of(pin)))
        .collect::<Vec<_>>();
    assert_eq!(cases.len(), 1);
    assert_eq!(cases[0].pin, PinId::Sign);
    let guide = Guide::new(Input {
        lang,
        verbose: false,
        medium: Medium::Handout,
        profile: Some(city),
        applicant: Applicant::Holder,
        cases,
        have: vec![resolve_have(have).expect("a document's name in the language")],
        visit: None,
        card: CardRead {
            read: true,
            unreadable: None,
            every_pin: false,
        },
    });
    assert!(guide.pins()[0].check.is_some(), "the passport is checked");
    guide.blocks()
}

#[test]
fn a_blocked_pin_gets_the_printable_guide_in_both_languages() {
    let facts = blocked_card();
    // The city as an app offers it: from the built-in list, by its name in the language.
    let cities = builtin_profiles(Lang::JA);
    let (id, _) = cities
        .iter()
        .find(|(_, name)| name == "豊川市")
        .expect("Toyokawa among the built-in cities");
    assert!(builtin_profiles(Lang::EN)
        .iter()
        .any(|(i, name)| i == id && name.contains("Toyokawa")));
    let city = Profile::builtin(id).expect("loads by its id");

    for (lang, passport, kiosk, counter, presented, title) in [
        (
            Lang::JA,
            "パスポート（旅券）",
            "コンビニのキオスク端末（マルチコピー機）",
            "住民登録のある市区町村の窓口",
            "aria-label=\"提示済み\">✓</span>",
            "マイナンバーカードの暗証番号：手続きの案内",
        ),
        (
            Lang::EN,
            "passport",
            "Convenience-store kiosk (multi-copy machine)",
            "The office of the municipality where the holder is registered",
            "aria-label=\"presented\">✓</span>",
            "My Number card PINs: what to do",
        ),
    ] {
        let doc = handout(lang, &facts, &city, passport);
        // The blocks an app draws: the page's title, the kiosk (on the condition of the other
        // JPKI PIN, which this card has unblocked) and the counter as the two routes, and the
        // checklist of what to bring with the passport among its documents.
        assert!(
            matches!(&doc[0], Block::Title(t) if t.starts_with(title)),
            "{doc:?}"
        );
        let headings: Vec<&str> = doc
            .iter()
            .filter_map(|b| match b {
                Block::Heading(3, t) => Some(t.as_str()),
                _ => None,
            })
            .collect();
        assert!(headings.iter().any(|h| h.contains(kiosk)), "{headings:?}");
        assert!(headings.iter().any(|h| h.contains(counter)), "{headings:?}");
        let checks = doc
            .iter()
            .find_map(|b| match b {
                Block::Checks(items) => Some(items),
                _ => None,
            })
            .expect("a checklist");
        assert!(
            checks
                .iter()
                .any(|(_, _, sub)| sub.iter().any(|s| s.contains(passport))),
            "{checks:?}"
        );
        assert!(
            doc.iter().any(|b| matches!(b, Block::Record(_))),
            "the record"
        );

        let html = render_html(lang, &doc);
        assert!(html.starts_with("<!DOCTYPE html>\n"), "{html}");
        assert!(html.contains(&format!("<html lang=\"{}\">", lang.tag())));
        // One self-contained page: nothing is loaded from anywhere.
        assert!(html.contains("default-src 'none'"));
        for outside in ["<script", "<link", " src=", "url("] {
            assert!(!html.contains(outside), "{outside} in the page");
        }
        for text in [kiosk, counter, passport, TOYOKAWA_PAGE, CHECKLIST_PAGE] {
            assert!(html.contains(text), "{text} not in the page:\n{html}");
        }
        // The passport satisfies the identity-document requirement: its box is ticked.
        assert!(html.contains(presented), "{html}");
        assert!(html.contains("<ul class=\"checks\">"));

        let text = render_text(&doc);
        for t in [kiosk, counter, passport, TOYOKAWA_PAGE, CHECKLIST_PAGE] {
            assert!(text.contains(t), "{t} not in the text:\n{text}");
        }
        assert!(text.contains("  [x] "), "{text}");
        assert!(text.contains("  [ ] "), "{text}");
        // A handout names no command of the command line.
        assert!(!text.contains("mynapin "), "{text}");
    }
}

#[test]
fn sanitized_blocks_carry_no_control_character() {
    let mut doc = vec![
        Block::Title("a\u{1b}[2Jb".into()),
        Block::List(vec![("c\u{202e}d".into(), vec!["e\nf".into()])]),
        Block::Checks(vec![(false, "g\u{7}h".into(), vec!["i\u{200b}j".into()])]),
        Block::Record(vec![("k\rl".into(), String::new())]),
    ];
    sanitize_blocks(&mut doc);
    assert_eq!(
        doc,
        [
            Block::Title("a?[2Jb".into()),
            Block::List(vec![("c?d".into(), vec!["e?f".into()])]),
            Block::Checks(vec![(false, "g?h".into(), vec!["i?j".into()])]),
            Block::Record(vec![("k?l".into(), String::new())]),
        ]
    );
}
