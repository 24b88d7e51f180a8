//! The message catalogue: every language declares every English message with the same
//! variables, and no catalogue has a message English lacks (it would never be shown).

#[path = "../words/i18n/ftl.rs"]
#[allow(dead_code)]
mod ftl;

use std::path::Path;

fn catalogues() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("words/i18n");
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

/// The messages looked up by an id built at run time: clap's help by command path and
/// argument (`help-…`), status-word meanings by name (`sw-…`), national rules and document
/// names by id (`rule-…`, `doc-…`). tests/help.rs, the unit tests of `text::sw_meaning` and
/// of `guide_text` check that each has its message.
const RUN_TIME_PREFIXES: &[&str] = &["help-", "sw-", "rule-", "doc-"];

fn sources(dir: &Path, out: &mut String) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push_str(&std::fs::read_to_string(&p).unwrap());
        }
    }
}

/// The English messages (id -> variables) and all the sources that word them (the command
/// line and the words crate) as one text.
fn english_and_sources() -> (ftl::Declared, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let en = std::fs::read_to_string(root.join("words/i18n/en.ftl")).unwrap();
    let mut src = String::new();
    for dir in ["src", "words/src"] {
        sources(&root.join(dir), &mut src);
    }
    (ftl::declared("en.ftl", &en).unwrap(), src)
}

/// A message nobody shows is a translator's wasted work and usually a sign of text that
/// went missing from the output: every English message is called through `msg::` somewhere
/// in src/, or is looked up at run time by one of [`RUN_TIME_PREFIXES`].
#[test]
fn every_message_is_used() {
    let (ids, src) = english_and_sources();
    let unused: Vec<&String> = ids
        .keys()
        .filter(|id| !RUN_TIME_PREFIXES.iter().any(|p| id.starts_with(p)))
        .filter(|id| {
            let name = id.replace('-', "_");
            !src.contains(&format!("msg::{name}(")) && !src.contains(&format!("msg::{name}_("))
        })
        .collect();
    assert!(unused.is_empty(), "messages nobody shows: {unused:?}");
}

/// The arguments of one `msg::name(…)` call, split at its top-level commas (string and char
/// literals skipped), and where the call ends.
fn call_arguments(text: &str) -> Option<(Vec<String>, usize)> {
    let b = text.as_bytes();
    let (mut depth, mut i, mut start) = (0usize, 0usize, 1usize);
    let mut args = Vec::new();
    while i < b.len() {
        match b[i] {
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'\'' if i + 2 < b.len() && b[i + 2] == b'\'' => i += 2,
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => {
                depth -= 1;
                if depth == 0 {
                    let last = text[start..i].trim();
                    if !last.is_empty() {
                        args.push(last.to_string()); // no trailing comma
                    }
                    return Some((args, i));
                }
            }
            b',' if depth == 1 => {
                args.push(text[start..i].trim().to_string());
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Every message's variables are its function's parameters in alphabetical order, so two
/// arguments passed the wrong way round still compile. Where an argument's expression names
/// one of the message's variables (`c.title` for `$title`), it must be that variable's place.
#[test]
fn arguments_go_to_the_variable_they_name() {
    let (ids, src) = english_and_sources();
    let (mut problems, mut checked) = (Vec::new(), 0);
    for (at, _) in src.match_indices("msg::") {
        let rest = &src[at + 5..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        let Some(vars) = ids.get(&name.replace('_', "-")) else {
            continue;
        };
        if vars.len() < 2 || !rest[name.len()..].starts_with('(') {
            continue;
        }
        let vars: Vec<String> = vars.iter().map(|v| v.replace('-', "_")).collect();
        let Some((args, _)) = call_arguments(&rest[name.len()..]) else {
            continue;
        };
        if args.len() != vars.len() + 1 {
            problems.push(format!(
                "msg::{name}: could not read its arguments {args:?}"
            ));
            continue;
        }
        for (i, arg) in args.iter().skip(1).enumerate() {
            let words: Vec<&str> = arg
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .collect();
            let named: Vec<&String> = vars
                .iter()
                .filter(|v| words.contains(&v.as_str()))
                .collect();
            checked += usize::from(!named.is_empty());
            // `sw_meaning(lang, sw)` for $meaning: the expected name may be part of a word.
            let expected_in_a_word = words.iter().any(|w| w.split('_').any(|p| p == vars[i]));
            // Reviewed: the next step's number is computed from this one's.
            let reviewed = name == "pad_step_two" && arg == "no + 1";
            if !named.is_empty() && !named.contains(&&vars[i]) && !expected_in_a_word && !reviewed {
                problems.push(format!(
                    "msg::{name}: `{arg}` is passed as ${} (the parameters are {vars:?})",
                    vars[i]
                ));
            }
        }
    }
    eprintln!("arguments_go_to_the_variable_they_name: {checked} arguments checked");
    assert!(checked > 50, "only {checked} arguments were checked");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
