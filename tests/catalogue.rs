//! The message catalogue: every language declares every English message with the same
//! variables, and no catalogue has a message English lacks (it would never be shown).

#[path = "../i18n/ftl.rs"]
#[allow(dead_code)]
mod ftl;

use std::path::Path;

fn catalogues() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("i18n");
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

#[test]
fn every_language_has_every_message_with_the_same_variables() {
    let all = catalogues();
    assert!(all.len() >= 2, "en and ja at least");
    let (_, en_src) = all.iter().find(|(t, _)| t == "en").expect("en.ftl");
    let en = ftl::declared("en.ftl", en_src).unwrap();
    assert!(!en.is_empty());
    let mut problems = Vec::new();
    for (tag, src) in &all {
        let other = match ftl::declared(&format!("{tag}.ftl"), src) {
            Ok(d) => d,
            Err(e) => {
                problems.push(e);
                continue;
            }
        };
        for (id, vars) in &en {
            match other.get(id) {
                None => problems.push(format!("{tag}.ftl: no message {id}")),
                Some(v) if v != vars => problems.push(format!(
                    "{tag}.ftl: {id} takes {v:?}, English takes {vars:?}"
                )),
                Some(_) => {}
            }
        }
        for id in other.keys() {
            if !en.contains_key(id) {
                problems.push(format!("{tag}.ftl: {id} is not an English message"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
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
