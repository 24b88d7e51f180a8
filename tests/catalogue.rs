//! The message catalogues: every language declares every English message with the same
//! variables, and no catalogue has a message English lacks (it would never be shown). There
//! are two catalogues, one per crate that says something (its `msg` module is generated from
//! it and crate-private, so rustc itself reports a message nobody shows): the words crate's
//! (`words/i18n/`) and the command line's (`src/cli/i18n/`). Each language is one file in
//! each, and a message lives in one of them only.

use mynapin_catalogue::ftl;
use std::collections::BTreeMap;
use std::path::Path;

/// The catalogue folders: the words crate's and the command line's.
const CATALOGUES: &[&str] = &["words/i18n", "src/cli/i18n"];

/// The files of one catalogue folder: (tag, source), by tag.
fn catalogues(dir: &str) -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| {
            let e = e.unwrap();
            let name = e.file_name().to_string_lossy().to_string();
            let tag = name.strip_suffix(".ftl")?.to_string();
            Some((tag, std::fs::read_to_string(e.path()).unwrap()))
        })
        .collect();
    out.sort();
    out
}

/// Every language of one catalogue against its English.
fn problems_of(dir: &str, all: &[(String, String)]) -> Vec<String> {
    let mut problems = Vec::new();
    let Some((_, en_src)) = all.iter().find(|(t, _)| t == "en") else {
        return vec![format!("{dir}: no en.ftl")];
    };
    let en = ftl::declared("en.ftl", en_src).unwrap();
    for (tag, src) in all {
        let other = match ftl::declared(&format!("{dir}/{tag}.ftl"), src) {
            Ok(d) => d,
            Err(e) => {
                problems.push(e);
                continue;
            }
        };
        for (id, vars) in &en {
            match other.get(id) {
                None => problems.push(format!("{dir}/{tag}.ftl: no message {id}")),
                Some(v) if v != vars => problems.push(format!(
                    "{dir}/{tag}.ftl: {id} takes {v:?}, English takes {vars:?}"
                )),
                Some(_) => {}
            }
        }
        for id in other.keys() {
            if !en.contains_key(id) {
                problems.push(format!("{dir}/{tag}.ftl: {id} is not an English message"));
            }
        }
    }
    problems
}

#[test]
fn every_language_has_every_message_with_the_same_variables() {
    let mut problems = Vec::new();
    let mut languages: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut home: BTreeMap<String, &str> = BTreeMap::new();
    for dir in CATALOGUES {
        let all = catalogues(dir);
        assert!(all.len() >= 2, "{dir}: en and ja at least");
        let en = &all.iter().find(|(t, _)| t == "en").expect("en.ftl").1;
        let en = ftl::declared("en.ftl", en).unwrap();
        assert!(!en.is_empty(), "{dir}/en.ftl has no message");
        // One message, one catalogue: the second would silently replace the first.
        for id in en.keys() {
            if let Some(other) = home.insert(id.clone(), dir) {
                problems.push(format!("{id} is in {other}/en.ftl and in {dir}/en.ftl"));
            }
        }
        languages.insert(dir, all.iter().map(|(t, _)| t.clone()).collect());
        problems.extend(problems_of(dir, &all));
    }
    // A language is one file in each catalogue.
    let first = &languages[CATALOGUES[0]];
    for (dir, tags) in &languages {
        if tags != first {
            problems.push(format!(
                "{dir} has the languages {tags:?}, {} has {first:?}",
                CATALOGUES[0]
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The checks above catch what they are for.
#[test]
fn the_parity_check_catches_a_missing_or_extra_message() {
    let all = |xx: &str| {
        vec![
            ("en".to_string(), "a = { $n } left\nb = plain\n".to_string()),
            ("xx".to_string(), xx.to_string()),
        ]
    };
    assert!(problems_of("t", &all("a = { $n } left\nb = plain\n")).is_empty());
    let p = problems_of("t", &all("a = left\nb = plain\nc = extra\n"));
    assert_eq!(p.len(), 2, "{p:?}");
    assert!(p[0].contains("t/xx.ftl: a takes"), "{p:?}");
    assert!(p[1].contains("c is not an English message"), "{p:?}");
    let p = problems_of("t", &all("a = { $n } left\n"));
    assert_eq!(p, ["t/xx.ftl: no message b"]);
}

#[test]
fn the_parity_check_catches_a_missing_variable() {
    let en = ftl::declared("en", "a = { $n } left\nb = plain\n").unwrap();
    let xx = ftl::declared("xx", "a = left\nb = plain\n").unwrap();
    assert_ne!(en.get("a"), xx.get("a"));
    assert_eq!(en.get("b"), xx.get("b"));
    assert!(ftl::declared("xx", "a = 1\na = 2\n").is_err());
    assert!(ftl::declared("xx", "a = { $n\n").is_err());
}
