//! mynapin's message-catalogue generator, for the build scripts of the crates that say
//! something (`mynapin-words`, the `mynapin` command line, a future app).
//!
//! Each such crate keeps its own Fluent files, `i18n/<tag>.ftl` (English, `en.ftl`, is the
//! reference; `ja.ftl` must exist), and its build script calls [`generate`]. The generated
//! file is meant to be included in a crate-private module:
//!
//! ```text
//! pub(crate) mod msg {
//!     use mynapin_words::{Arg, Lang};
//!     include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));
//! }
//! ```
//!
//! Every item is `pub(crate)`, so rustc reports a message the crate never shows as dead code
//! (a `pub` module of a library could never be dead). What it holds:
//!
//! - `BUILTIN`: the crate's catalogues, English first, as (language tag, Fluent source);
//! - per message without variables or with one, a function taking them by position:
//!   `tries_left(lang, n)`;
//! - per message with two or more variables, a struct with one field per variable (generic
//!   over `Into<Arg>`) and a function taking it:
//!   `pad_step_one(lang, PadStepOne { no: 1, total: 3 })`; two arguments given by position,
//!   or under the wrong names, do not compile;
//! - per run-time family of [`FAMILIES`] with members in the catalogue, a lookup table by
//!   message id (`sw("sw-6982") -> Option<fn(Lang) -> String>`), whose entries are the
//!   members' functions, so those are reachable without a caller naming them.
//!
//! The generated functions call `say(lang, id, args)`: [`Mode::Base`] defines it as
//! `lang.format(id, args)` (the crate whose catalogue `Lang` loads itself, `mynapin-words`);
//! [`Mode::Overlay`] first adds the crate's catalogue to `Lang`'s bundles with
//! `Lang::add_catalogue(BUILTIN)` (once), for a front end's own messages.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod ftl;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// A family of messages looked up by an id built at run time.
#[derive(Debug, Clone, Copy)]
pub struct Family {
    /// The ids' common start (`sw-`).
    pub prefix: &'static str,
    /// The lookup function's name in the generated module (`sw`).
    pub name: &'static str,
    /// The variables the caller supplies to every member (`help-` messages get `$tags`, the
    /// loaded languages). A member that takes another variable is not in the table (its own
    /// function is called by name).
    pub vars: &'static [&'static str],
}

/// The run-time families of mynapin's catalogues: clap's help keyed by command path and
/// argument id (`help-`, see `src/cli/help.rs`), status-word meanings by name (`sw-`), national
/// rules (`rule-`) and document names (`doc-`) by id. A catalogue gets the tables of the
/// families it has members of. `scripts/partition-catalogue.py` reads this list.
pub const FAMILIES: &[Family] = &[
    Family {
        prefix: "help-",
        name: "help",
        vars: &["tags"],
    },
    Family {
        prefix: "sw-",
        name: "sw",
        vars: &[],
    },
    Family {
        prefix: "rule-",
        name: "rule",
        vars: &[],
    },
    Family {
        prefix: "doc-",
        name: "doc",
        vars: &[],
    },
];

/// How the generated functions reach `Lang`'s bundles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The crate that defines `Lang` and loads this catalogue itself (`mynapin-words`).
    Base,
    /// A front end whose catalogue is added to `Lang`'s, once, before its first message.
    Overlay,
}

/// Generates `$OUT_DIR/<file>` from the Fluent files of `dir` (the build script's crate's
/// `i18n/`), prints the `rerun-if-changed` lines, and panics with a readable message on a
/// catalogue that does not parse (a build script's way to fail).
///
/// `only`: (message id, cfg predicate) for the messages only one kind of system shows
/// (`("doctor-windows-driver", "windows")`), called from code under the same `#[cfg]`: their
/// items exist there only, so on another system they are not dead code, and a call from
/// code built there does not compile. An id the catalogue lacks, or a member of a run-time
/// family, is an error.
pub fn generate(dir: &Path, file: &str, mode: Mode, only: &[(&str, &str)]) {
    println!("cargo:rerun-if-changed={}", dir.display());
    for tag in tags(dir).unwrap_or_default() {
        println!(
            "cargo:rerun-if-changed={}",
            dir.join(format!("{tag}.ftl")).display()
        );
    }
    let out = match source(dir, mode, only) {
        Ok(s) => s,
        Err(e) => panic!("{e}"),
    };
    let target = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR")).join(file);
    std::fs::write(target, out).expect("OUT_DIR is writable");
}

/// The language tags of the `.ftl` files in `dir`: English first (the fallback), Japanese
/// second, then the others by tag.
pub fn tags(dir: &Path) -> Result<Vec<String>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut tags: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            Some(name.strip_suffix(".ftl")?.to_string())
        })
        .collect();
    tags.sort_by_key(|t| (t != "en", t != "ja", t.clone()));
    if tags.first().map(String::as_str) != Some("en")
        || tags.get(1).map(String::as_str) != Some("ja")
    {
        return Err(format!("{}: en.ftl and ja.ftl must exist", dir.display()));
    }
    Ok(tags)
}

/// The messages of `dir/en.ftl` and their variables.
pub fn english(dir: &Path) -> Result<ftl::Declared, String> {
    let path = dir.join("en.ftl");
    let en = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    ftl::declared(&path.display().to_string(), &en)
}

/// The generated module's text for the catalogue in `dir` (`only`: see [`generate`]).
pub fn source(dir: &Path, mode: Mode, only: &[(&str, &str)]) -> Result<String, String> {
    let tags = tags(dir)?;
    let en_text = std::fs::read_to_string(dir.join("en.ftl")).map_err(|e| e.to_string())?;
    let declared = english(dir)?;
    for (id, _) in only {
        if !declared.contains_key(*id) {
            return Err(format!(
                "{}/en.ftl has no message {id} (listed as for one system only)",
                dir.display()
            ));
        }
        if FAMILIES.iter().any(|f| id.starts_with(f.prefix)) {
            return Err(format!(
                "{id}: a member of a run-time family is in its table on every system"
            ));
        }
    }
    let mut out = format!(
        "// Generated by mynapin-catalogue from {}/*.ftl: do not edit.\n\n",
        dir.display()
    );
    out.push_str("/// This crate's catalogues, English first: (language tag, Fluent source).\n");
    out.push_str("pub(crate) static BUILTIN: &[(&str, &str)] = &[\n");
    for tag in &tags {
        let path = dir.join(format!("{tag}.ftl"));
        let _ = writeln!(
            out,
            "    ({tag:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    out.push_str("];\n\n");
    match mode {
        Mode::Base => out.push_str(
            "fn say(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {\n    \
             lang.format(id, args)\n}\n",
        ),
        Mode::Overlay => out.push_str(
            "/// Adds this crate's catalogue to `Lang`'s bundles, once: before the first message\n\
             /// and the first lookup by id.\n\
             fn ready() {\n    \
             static ADDED: std::sync::Once = std::sync::Once::new();\n    \
             ADDED.call_once(|| Lang::add_catalogue(BUILTIN));\n}\n\n\
             fn say(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {\n    \
             ready();\n    \
             lang.format(id, args)\n}\n",
        ),
    }
    let mut types = std::collections::BTreeSet::new();
    for (id, vars) in &declared {
        let name = rust_name(id);
        let doc = format!("`{id}`: {}", doc_text(&first_line(&en_text, id)));
        let cfg = only
            .iter()
            .find(|(o, _)| o == id)
            .map(|(_, pred)| format!("#[cfg({pred})]\n"))
            .unwrap_or_default();
        let args: Vec<String> = vars
            .iter()
            .map(|v| format!("({v:?}, {}.into())", field(v, vars.len())))
            .collect();
        let body = format!("    say(lang, {id:?}, &[{}])\n", args.join(", "));
        if vars.len() < 2 {
            let params: String = vars
                .iter()
                .map(|v| format!(", {}: impl Into<Arg>", rust_name(v)))
                .collect();
            let _ = write!(
                out,
                "\n#[doc = {doc:?}]\n{cfg}pub(crate) fn {name}(lang: Lang{params}) -> String {{\n{body}}}\n"
            );
            continue;
        }
        let ty = type_name(id);
        if !types.insert(ty.clone()) {
            return Err(format!("two messages make the type name {ty} ({id})"));
        }
        let generics: Vec<String> = (0..vars.len()).map(|i| format!("T{i}")).collect();
        let fields: String = vars
            .iter()
            .zip(&generics)
            .map(|(v, g)| format!("    pub(crate) {}: {g},\n", rust_name(v)))
            .collect();
        let bounds: Vec<String> = generics.iter().map(|g| format!("{g}: Into<Arg>")).collect();
        let _ = write!(
            out,
            "\n#[doc = {:?}]\n{cfg}pub(crate) struct {ty}<{g}> {{\n{fields}}}\n\
             \n#[doc = {doc:?}]\n{cfg}pub(crate) fn {name}<{b}>(lang: Lang, args: {ty}<{g}>) -> String {{\n{body}}}\n",
            format!("The variables of `{id}` (see [`{name}`])."),
            g = generics.join(", "),
            b = bounds.join(", "),
        );
    }
    for family in FAMILIES {
        family_table(&mut out, family, &declared, mode)?;
    }
    Ok(out)
}

/// How a table entry calls a member: (message id, its variables) → a Rust expression.
type EntryFn = dyn Fn(&str, &std::collections::BTreeSet<String>) -> String;

/// The lookup table of `family` and its lookup function, when the catalogue has members.
fn family_table(
    out: &mut String,
    family: &Family,
    declared: &ftl::Declared,
    mode: Mode,
) -> Result<(), String> {
    let members: Vec<(&String, _)> = declared
        .iter()
        .filter(|(id, vars)| {
            id.starts_with(family.prefix) && vars.iter().all(|v| family.vars.contains(&v.as_str()))
        })
        .collect();
    if members.is_empty() {
        return Ok(());
    }
    let name = family.name;
    if declared.contains_key(name)
        || declared.contains_key(&format!("{name}-vars"))
        || declared.contains_key(&format!("{name}-fn"))
    {
        return Err(format!(
            "a message named {name} clashes with the {name}- table"
        ));
    }
    let table = name.to_uppercase();
    let vars_ty = format!("{}Vars", type_name(name));
    let (fn_ty, entry): (String, Box<EntryFn>) = if family.vars.is_empty() {
        (
            "fn(Lang) -> String".to_string(),
            Box::new(|id, _| rust_name(id)),
        )
    } else {
        let _ = write!(
            out,
            "\n/// What every `{prefix}` message looked up by [`{name}`] may take.\n\
                 pub(crate) struct {vars_ty} {{\n{fields}}}\n",
            prefix = family.prefix,
            fields = family
                .vars
                .iter()
                .map(|v| format!("    pub(crate) {}: Arg,\n", rust_name(v)))
                .collect::<String>(),
        );
        (
            format!("fn(Lang, &{vars_ty}) -> String"),
            Box::new(|id, vars| {
                let f = rust_name(id);
                match vars.len() {
                    0 => format!("|lang, _| {f}(lang)"),
                    1 => {
                        let v = rust_name(vars.iter().next().map(String::as_str).unwrap_or(""));
                        format!("|lang, v| {f}(lang, v.{v}.clone())")
                    }
                    _ => {
                        let fields: Vec<String> = vars
                            .iter()
                            .map(|v| format!("{0}: v.{0}.clone()", rust_name(v)))
                            .collect();
                        format!(
                            "|lang, v| {f}(lang, {} {{ {} }})",
                            type_name(id),
                            fields.join(", ")
                        )
                    }
                }
            }),
        )
    };
    let alias = format!("{}Fn", type_name(name));
    let _ = write!(
        out,
        "\n/// A `{prefix}` message of the [`{name}`] table.\n\
         pub(crate) type {alias} = {fn_ty};\n\
         \n/// The `{prefix}` messages by id (sorted), for ids built at run time.\n\
         const {table}: &[(&str, {alias})] = &[\n",
        prefix = family.prefix
    );
    let fn_ty = alias;
    for (id, vars) in &members {
        let _ = writeln!(out, "    ({id:?}, {}),", entry(id, vars));
    }
    let _ =
        write!(
        out,
        "];\n\n/// The `{prefix}` message with this id (`{prefix}…`, built at run time), if the \
         catalogue has it.\npub(crate) fn {name}(id: &str) -> Option<{fn_ty}> {{\n    \
         {ready}{table}.binary_search_by(|(k, _)| (*k).cmp(id)).ok().map(|i| {table}[i].1)\n}}\n",
        prefix = family.prefix,
        ready = if mode == Mode::Overlay { "ready();\n    " } else { "" },
    );
    Ok(())
}

/// The English text's first line, for the generated item's documentation.
fn first_line(source: &str, id: &str) -> String {
    let prefix = format!("{id} =");
    source
        .lines()
        .find_map(|l| l.strip_prefix(&prefix))
        .map(|rest| rest.trim().to_string())
        .unwrap_or_default()
}

/// Text as plain text in rustdoc: brackets are not links, angle brackets not HTML tags.
fn doc_text(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('[', "\\[")
        .replace(']', "\\]")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// How the generated function names a variable (for a struct: `args.name`).
fn field(var: &str, count: usize) -> String {
    if count < 2 {
        rust_name(var)
    } else {
        format!("args.{}", rust_name(var))
    }
}

/// A Fluent identifier as a Rust function, field or variable name: `-` becomes `_`,
/// keywords (and `lang`, the first parameter) get a trailing `_`.
pub fn rust_name(id: &str) -> String {
    let name = id.replace('-', "_");
    const KEYWORDS: &[&str] = &[
        "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn",
        "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref",
        "return", "self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use",
        "where", "while", "async", "await", "dyn", "lang", "args", "say",
    ];
    if KEYWORDS.contains(&name.as_str()) {
        format!("{name}_")
    } else {
        name
    }
}

/// A Fluent identifier as a Rust type name: `pad-step-two` → `PadStepTwo`.
pub fn type_name(id: &str) -> String {
    id.split(['-', '_'])
        .map(|part| {
            let mut c = part.chars();
            match c.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + c.as_str(),
                None => String::new(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(rust_name("tries-left"), "tries_left");
        assert_eq!(rust_name("type"), "type_");
        assert_eq!(rust_name("lang"), "lang_");
        assert_eq!(type_name("pad-step-two"), "PadStepTwo");
        assert_eq!(type_name("sw"), "Sw");
    }

    #[test]
    fn a_message_with_two_variables_takes_a_struct() {
        let dir = std::env::temp_dir().join(format!("mynapin-catalogue-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("en.ftl"),
            "one = { $n } left\ntwo = { $pin }: { $count }\nsw-x = x\nhelp-a = { $tags }\nhelp-b = { $help } { $tags }\n",
        )
        .unwrap();
        std::fs::write(dir.join("ja.ftl"), "").unwrap();
        let s = source(&dir, Mode::Base, &[("one", "windows")]).unwrap();
        assert!(source(&dir, Mode::Base, &[("sw-x", "unix")]).is_err());
        assert!(source(&dir, Mode::Base, &[("none", "unix")]).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(
            s.contains(
                "#[cfg(windows)]\npub(crate) fn one(lang: Lang, n: impl Into<Arg>) -> String"
            ),
            "{s}"
        );
        assert!(s.contains("pub(crate) struct Two<T0, T1> {\n    pub(crate) count: T0,\n    pub(crate) pin: T1,\n}"), "{s}");
        assert!(
            s.contains(
                "pub(crate) fn two<T0: Into<Arg>, T1: Into<Arg>>(lang: Lang, args: Two<T0, T1>)"
            ),
            "{s}"
        );
        assert!(s.contains("(\"sw-x\", sw_x),"), "{s}");
        assert!(
            s.contains("(\"help-a\", |lang, v| help_a(lang, v.tags.clone())),"),
            "{s}"
        );
        // help-b takes a variable the table does not supply: called by name only.
        assert!(!s.contains("(\"help-b\""), "{s}");
    }
}
