//! The command line in the chosen language: clap's definition (the derive in `cli`) worded
//! from the catalogue, its help laid out and wrapped by terminal columns, and its argument
//! errors rendered in the run's language.

use super::lang::{msg, Lang};
use super::{change, guide, text, wrap, Cli, Exit};
use clap::builder::{EnumValueParser, PossibleValue, TypedValueParser, ValueParser};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Args, CommandFactory, FromArgMatches, Parser, ValueEnum};
use std::ffi::{OsStr, OsString};
use std::io::Write;
use std::marker::PhantomData;

// Every text clap shows is a catalogue message keyed by the command's path and the
// argument's id: `help-about` (the top level), `help-status-about`, `help-sim-serve-after-help`,
// `help-change-arg-same-current`, `help-global-arg-timeout` (global options), `help-arg-pinpad`
// (options shared by several commands), `help-value-auth` (a possible value), and
// `help-value-name-seconds` (a value name). `…-long` variants, where they exist, are the
// `--help` text (`-h` shows the short one). clap's own words (headings, `[OPTIONS]`, the help
// flag, the `help` command, its errors) come from `help-heading-…`, `help-flag-…` and `clap-…`.

/// The language `Cli::command()` words the command in (completions, man pages): the run's,
/// once `main` knows it; English before that (unit tests).
pub(super) static HELP_LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

/// The language of this run as known before clap has parsed (for value parsers' messages):
/// the one `main` found on the command line or in the locale.
pub(crate) fn parse_lang() -> Lang {
    HELP_LANG.get().copied().unwrap_or_else(Lang::from_env)
}

impl CommandFactory for Cli {
    fn command() -> clap::Command {
        let lang = HELP_LANG.get().copied().unwrap_or(Lang::EN);
        localize(definition(), lang, &[])
    }

    fn command_for_update() -> clap::Command {
        Self::command()
    }
}

impl Parser for Cli {}

/// The derive's definition, as clap would see it without the catalogue.
fn definition() -> clap::Command {
    <Cli as Args>::augment_args(clap::Command::new("mynapin").version(env!("MYNAPIN_VERSION")))
}

/// The whole command line worded in `lang`: every command's about, every argument's help and
/// value names, every possible value's help, the headings, the usage lines and the help
/// command, all from the catalogue. Built (global options propagated, usages computed).
pub fn localized_command(lang: Lang) -> clap::Command {
    let mut cmd = localize(definition(), lang, &[]);
    cmd.build();
    finish(&mut cmd, lang);
    cmd
}

/// The language named on the command line (`--lang X`, `--lang=X`), before clap parses it;
/// the last one that names a loaded catalogue; None when none does (clap then says so).
pub(super) fn lang_of_args(argv: &[OsString]) -> Option<Lang> {
    let mut found = None;
    let mut args = argv.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(a) = args.next() {
        if a == "--" {
            break;
        }
        let tag = if a == "--lang" {
            args.next().map(|t| t.to_string())
        } else {
            a.strip_prefix("--lang=").map(str::to_string)
        };
        if let Some(tag) = tag {
            found = Lang::from_tag(&tag).or(found);
        }
    }
    found
}

/// A catalogue message looked up by an id built at run time, in the generated `help-` table
/// (every message of the table may take `$tags`); an id it lacks shows as itself (the tests
/// catch it).
fn text(lang: Lang, id: &str) -> String {
    // Windows has its own words for some texts (the Smart Card service, not pcscd): a message
    // `ID-windows` replaces `ID` there.
    let windows_id = format!("{id}-windows");
    let id = if cfg!(windows) && known(&windows_id) {
        windows_id.as_str()
    } else {
        id
    };
    let Some(say) = msg::help(id) else {
        return id.to_string();
    };
    let tags: Vec<&str> = Lang::all().map(Lang::tag).collect();
    say(
        lang,
        &msg::HelpVars {
            tags: lang.join(&tags).into(),
        },
    )
}

/// `text` for the clap settings that take only `&'static str` (headings, value names: clap's
/// `string` feature is off). Each distinct text is kept once, for the life of the process.
fn interned(text: String) -> &'static str {
    static SEEN: std::sync::Mutex<std::collections::BTreeSet<&'static str>> =
        std::sync::Mutex::new(std::collections::BTreeSet::new());
    let mut seen = SEEN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(s) = seen.get(text.as_str()) {
        return s;
    }
    let s: &'static str = Box::leak(text.into_boxed_str());
    seen.insert(s);
    s
}

/// Whether the catalogue has the help message `id` (every language has what English has: a
/// test).
fn known(id: &str) -> bool {
    msg::help(id).is_some()
}

/// The first of `ids` English has.
fn first_known(ids: &[String]) -> Option<&String> {
    ids.iter().find(|id| known(id))
}

/// `help-sim-serve`, `help` for the top level.
fn prefix(path: &[&str]) -> String {
    let mut p = String::from("help");
    for part in path {
        p.push('-');
        p.push_str(part);
    }
    p
}

fn kebab(id: &str) -> String {
    id.replace('_', "-")
}

/// `help-value-name-n-name` for `N|NAME`, `help-value-name-host-port` for `HOST:PORT`.
fn value_name_id(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    format!("help-value-name-{}", slug.trim_end_matches('-'))
}

/// The catalogue ids of an argument's help, most specific first.
fn arg_ids(path: &[&str], arg: &Arg) -> Vec<String> {
    let id = kebab(arg.get_id().as_str());
    if arg.is_global_set() {
        return vec![format!("help-global-arg-{id}")];
    }
    vec![
        format!("{}-arg-{id}", prefix(path)),
        format!("help-arg-{id}"),
    ]
}

/// The catalogue id of the help of an argument (the first that exists, else the most specific
/// one, which then shows as itself: the tests catch it).
fn arg_help_id(path: &[&str], arg: &Arg) -> String {
    let ids = arg_ids(path, arg);
    first_known(&ids).unwrap_or(&ids[0]).clone()
}

/// A value parser for the enum `E` whose possible values carry help from the catalogue
/// (`help-value-<name>`): the derive's ones carry the variants' doc comments.
struct Values<E> {
    lang: Lang,
    enum_type: PhantomData<fn() -> E>,
}

impl<E> Clone for Values<E> {
    fn clone(&self) -> Self {
        Values {
            lang: self.lang,
            enum_type: PhantomData,
        }
    }
}

impl<E: ValueEnum + Clone + Send + Sync + 'static> TypedValueParser for Values<E> {
    type Value = E;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&Arg>,
        value: &OsStr,
    ) -> Result<E, clap::Error> {
        EnumValueParser::<E>::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        let lang = self.lang;
        Some(Box::new(
            E::value_variants()
                .iter()
                .filter_map(ValueEnum::to_possible_value)
                .map(move |v| {
                    let help = text(lang, &format!("help-value-{}", v.get_name()));
                    v.help(help)
                }),
        ))
    }
}

fn values<E: ValueEnum + Clone + Send + Sync + 'static>(lang: Lang) -> ValueParser {
    ValueParser::new(Values::<E> {
        lang,
        enum_type: PhantomData,
    })
}

/// The worded value parser of each argument that takes a value of one of our enums.
fn enum_values(path: &[&str], id: &str, lang: Lang) -> Option<ValueParser> {
    let command = path.first().copied().unwrap_or_default();
    Some(match (command, id) {
        ("verify", "pin") | ("change", "pins") | ("guide", "which" | "pin" | "know") => {
            values::<change::PinArg>(lang)
        }
        ("verify" | "change", "only_ref") => values::<change::JukiRefArg>(lang),
        ("verify" | "change", "pinpad") => values::<change::PadArg>(lang),
        ("guide", "state") => values::<guide::SituationArg>(lang),
        ("guide", "cert") => values::<guide::CertArg>(lang),
        ("guide", "applicant") => values::<guide::ApplicantArg>(lang),
        ("guide" | "watch", "city") => values::<guide::City>(lang),
        ("guide", "format") => values::<guide::Format>(lang),
        ("completions", "shell") => values::<clap_complete::Shell>(lang),
        _ => return None,
    })
}

/// clap's `-h`/`--help` and `-V`/`--version` (built by clap) worded in `lang`.
fn help_flags(mut cmd: clap::Command, lang: Lang) -> clap::Command {
    if cmd.get_arguments().any(|a| a.get_id() == "help") {
        cmd = cmd.mut_arg("help", |a| {
            a.help(msg::help_flag_help(lang))
                .long_help(msg::help_flag_help_long(lang))
        });
    }
    if cmd.get_arguments().any(|a| a.get_id() == "version") {
        cmd = cmd.mut_arg("version", |a| a.help(msg::help_flag_version(lang)));
    }
    cmd
}

/// clap's template with the usage heading worded.
fn template(lang: Lang) -> String {
    let usage = msg::help_usage_line(lang, "{usage}");
    format!("{{before-help}}{{about-with-newline}}\n{usage}\n\n{{all-args}}{{after-help}}")
}

/// One argument worded: help (`-h`) and long help (`--help`) with its possible values and
/// default said in the catalogue's words, value names, the global heading.
fn localize_arg(arg: Arg, path: &[&str], lang: Lang) -> Arg {
    let mut arg = arg;
    if arg.is_global_set() {
        arg = arg.help_heading(interned(msg::help_heading_global(lang)));
    }
    if let Some(parser) = enum_values(path, arg.get_id().as_str(), lang) {
        arg = arg.value_parser(parser);
    }
    let id = arg_help_id(path, &arg);
    let mut short = text(lang, &id);
    let long_id = format!("{id}-long");
    let mut long = if known(&long_id) {
        text(lang, &long_id)
    } else {
        short.clone()
    };
    if arg.get_action().takes_values() {
        arg = arg.hide_default_value(true).hide_possible_values(true);
        let shown: Vec<PossibleValue> = arg
            .get_possible_values()
            .into_iter()
            .filter(|v| !v.is_hide_set())
            .collect();
        let listed = !shown.is_empty();
        if listed {
            let names: Vec<&str> = shown.iter().map(PossibleValue::get_name).collect();
            short = msg::help_with_values(
                lang,
                msg::HelpWithValues {
                    help: short,
                    values: lang.join(&names),
                },
            );
            let items: Vec<String> = shown
                .iter()
                .map(|v| {
                    let help = v.get_help().map(|h| h.to_string()).unwrap_or_default();
                    msg::help_value_item(
                        lang,
                        msg::HelpValueItem {
                            help,
                            name: v.get_name(),
                        },
                    )
                })
                .collect();
            long = msg::help_with_values_long(
                lang,
                msg::HelpWithValuesLong {
                    help: long,
                    list: items.join("\n"),
                },
            );
        }
        let defaults: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().to_string())
            .collect();
        if !defaults.is_empty() {
            let d = lang.join(&defaults);
            short = msg::help_with_default(
                lang,
                msg::HelpWithDefault {
                    help: short,
                    value: d.clone(),
                },
            );
            long = if listed {
                msg::help_with_default_long(
                    lang,
                    msg::HelpWithDefaultLong {
                        help: long,
                        value: d,
                    },
                )
            } else {
                msg::help_with_default(
                    lang,
                    msg::HelpWithDefault {
                        help: long,
                        value: d,
                    },
                )
            };
        }
        let names: Vec<String> = match arg.get_value_names() {
            Some(names) => names.iter().map(|n| n.to_string()).collect(),
            None => vec![arg.get_id().as_str().to_uppercase()],
        };
        let specific = format!("{id}-value-name");
        let worded: Vec<String> = if known(&specific) {
            vec![text(lang, &specific)]
        } else {
            names
                .iter()
                .map(|n| text(lang, &value_name_id(n)))
                .collect()
        };
        arg = arg.value_names(worded.into_iter().map(interned));
    }
    arg.help(short).long_help(long)
}

/// Words `cmd` (at `path`) and its subcommands, before clap builds the command.
fn localize(cmd: clap::Command, lang: Lang, path: &[&str]) -> clap::Command {
    let p = prefix(path);
    let optional = |suffix: &str| {
        let id = format!("{p}-{suffix}");
        if known(&id) {
            clap::builder::Resettable::Value(clap::builder::StyledStr::from(text(lang, &id)))
        } else {
            clap::builder::Resettable::Reset
        }
    };
    let mut cmd = cmd
        .about(text(lang, &format!("{p}-about")))
        .long_about(optional("long-about"))
        .after_help(optional("after-help"))
        .after_long_help(optional("after-long-help"))
        .help_template(template(lang))
        .subcommand_help_heading(interned(msg::help_heading_commands(lang)))
        .subcommand_value_name(interned(msg::help_value_name_command(lang)));
    if path.is_empty() {
        // The lines are wrapped by `rewrap`, which counts terminal columns.
        cmd = cmd.term_width(0);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        cmd = cmd.mut_arg(id, |a| localize_arg(a, path, lang));
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let mut sub_path = path.to_vec();
        sub_path.push(name.as_str());
        cmd = cmd.mut_subcommand(&name, |s| localize(s, lang, &sub_path));
    }
    cmd
}

/// After clap built the command: clap's own `help` command worded, and every usage line with
/// clap's `[OPTIONS]` in the catalogue's words.
fn finish(cmd: &mut clap::Command, lang: Lang) {
    let is_help = cmd.get_name() == "help";
    let mut c = std::mem::replace(cmd, clap::Command::new("-"));
    if is_help {
        c = c
            .about(msg::help_cmd_help_about(lang))
            .help_template(template(lang))
            .subcommand_help_heading(interned(msg::help_heading_commands(lang)))
            .subcommand_value_name(interned(msg::help_value_name_command(lang)));
        if c.get_arguments().any(|a| a.get_id() == "subcommand") {
            c = c.mut_arg("subcommand", |a| {
                a.help(msg::help_cmd_help_arg_subcommand(lang))
                    .value_name(interned(msg::help_value_name_command(lang)))
            });
        }
    }
    c = help_flags(c, lang);
    let usage = c.render_usage().to_string();
    let usage = usage
        .split_once(':')
        .map(|(_, u)| u.trim())
        .unwrap_or(usage.trim())
        .replace("[OPTIONS]", &msg::help_usage_options(lang));
    c = c.override_usage(usage);
    *cmd = c;
    for sub in cmd.get_subcommands_mut() {
        finish(sub, lang);
    }
}

/// A help text as clap rendered it, with clap's English headings ("Options:", "Arguments:")
/// and the `:` it puts after ours in the catalogue's words.
fn relabel(lang: Lang, help: &str) -> String {
    let ours = [
        ("Options".to_string(), msg::help_heading_options(lang)),
        ("Arguments".to_string(), msg::help_heading_arguments(lang)),
        (
            msg::help_heading_commands(lang),
            msg::help_heading_commands(lang),
        ),
        (
            msg::help_heading_global(lang),
            msg::help_heading_global(lang),
        ),
    ];
    let mut out: Vec<String> = Vec::new();
    for line in help.split('\n') {
        let mut line = line.to_string();
        for (clap_word, word) in &ours {
            let shown = format!("{clap_word}:");
            if line == shown {
                line = line.replace(&shown, &msg::help_heading_line(lang, word.as_str()));
                break;
            }
        }
        out.push(line);
    }
    out.join("\n")
}

/// The columns help and errors are wrapped to: the terminal's width, else `COLUMNS`
/// ([`wrap::columns`]), else 100; at least 20 and at most 100 (clap's own limit for the
/// lines it wraps: help stays readable in a pipe).
fn help_width(stream: wrap::Stream) -> usize {
    wrap::columns(stream)
        .filter(|w| *w >= 20)
        .unwrap_or(100)
        .min(100)
}

/// Lines up the help column of two-column lines (`--json  Print…`, `status  Show…`) by
/// terminal columns: clap pads by characters, so a value name in wide characters
/// (`--timeout <秒数>`) would push its help out of line.
fn realign(text: &str) -> String {
    use unicode_width::UnicodeWidthStr;
    // (indent, left column, help) of a two-column line.
    let split = |line: &str| -> Option<(usize, String, String)> {
        let body = line.trim_start_matches(' ');
        let indent = line.len() - body.len();
        let gap = body.find("  ")?;
        let (left, help) = (&body[..gap], body[gap..].trim_start());
        let is_arg = left.starts_with(['-', '<', '['])
            || left.chars().all(|c| c.is_ascii_lowercase() || c == '-');
        (indent > 0 && is_arg && !help.is_empty())
            .then(|| (indent, left.to_string(), help.to_string()))
    };
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let mut block = Vec::new();
        while let Some(parts) = lines.get(i).and_then(|l| split(l)) {
            block.push(parts);
            i += 1;
        }
        if block.is_empty() {
            out.push(lines[i].to_string());
            i += 1;
            continue;
        }
        let column = block
            .iter()
            .map(|(indent, left, _)| indent + left.width())
            .max()
            .unwrap_or(0)
            + 2;
        for (indent, left, help) in block {
            let pad = column - indent - left.width();
            out.push(format!(
                "{}{left}{}{help}",
                " ".repeat(indent),
                " ".repeat(pad)
            ));
        }
    }
    out.join("\n")
}

/// Wraps the lines longer than `width` terminal columns by the rules of [`wrap`] (never
/// inside a word; clap breaks only at spaces and counts characters, so Japanese text would
/// run past the edge). Continuation lines keep the line's indent (plus the list mark's
/// width), or the help column of a two-column line. An example command is never broken.
fn rewrap(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    let mut out: Vec<String> = Vec::new();
    for line in text.split('\n') {
        // An example command is never broken: better past the edge than run wrongly.
        let example = line.trim_start().starts_with("mynapin ") || line.contains(" | mynapin ");
        if line.width() <= width || example {
            out.push(line.to_string());
            continue;
        }
        let body = line.trim_start_matches(' ');
        let indent = line.len() - body.len();
        // Continuation lines: under the help column of a two-column line (`--json  Print…`,
        // `status  Show…`, `0  success`), else under the text after a list mark.
        let column = body.find("  ").filter(|i| *i < 40).map(|i| {
            let gap = body[i..].len() - body[i..].trim_start_matches(' ').len();
            indent + body[..i + gap].width()
        });
        let mark = ["・", "- "]
            .iter()
            .find(|m| body.starts_with(*m))
            .map(|m| indent + m.width());
        let hang = column.or(mark).unwrap_or(indent);
        out.extend(
            wrap::wrap_hanging(line, width, Some(hang))
                .into_iter()
                .map(|l| l.trim_end().to_string()),
        );
    }
    out.join("\n")
}

/// A value parser's reason, made safe to print (it may quote the value given), without its
/// final full stop (the message puts it in brackets and ends the sentence itself).
fn sanitize_reason(reason: &str) -> String {
    text::sanitize(reason.trim_end().trim_end_matches(['。', '.']))
}

/// Whether a word of the command line looks like a PIN (it is then never repeated).
fn looks_like_pin(v: &str) -> bool {
    let v = v.trim();
    (4..=16).contains(&v.chars().count())
        && v.chars().all(|c| c.is_alphanumeric())
        && v.chars().any(|c| c.is_numeric())
}

/// True when the value or argument clap refused, or any word of the command line, looks like a
/// PIN or password (`4821`, `--1234`, `--pin=4821`, `abc123`).
fn typed_a_pin(e: &clap::Error, argv: &[OsString]) -> bool {
    let shaped = |w: &str| {
        w.split('=')
            .any(|part| looks_like_pin(part.trim_start_matches('-')))
    };
    [ContextKind::InvalidValue, ContextKind::InvalidArg]
        .into_iter()
        .filter_map(|k| context_text(e, k))
        .any(|v| shaped(&v))
        || argv.iter().skip(1).any(|a| shaped(&a.to_string_lossy()))
}

fn context_text(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn context_list(lang: Lang, e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::Strings(v) => Some(lang.join(v)),
        ContextValue::StyledStrs(v) => {
            let v: Vec<String> = v.iter().map(|s| s.to_string()).collect();
            Some(lang.join(&v))
        }
        _ => context_text(e, kind),
    }
}

/// The short help of the argument `shown` (`--timeout <SECONDS>`, `<WHICH>`) in the command
/// that failed: where clap's reason would be English, the catalogue's text says the rule.
fn arg_hint(cmd: &clap::Command, argv: &[OsString], shown: &str) -> Option<String> {
    // The deepest subcommand named on the command line.
    let mut current = cmd;
    for a in argv.iter().skip(1) {
        if let Some(sub) = current.find_subcommand(a) {
            current = sub;
        }
    }
    let name = shown.split([' ', '=', '[']).next().unwrap_or_default();
    current
        .get_arguments()
        .find(|a| {
            a.get_long().is_some_and(|l| name == format!("--{l}"))
                || (a.is_positional()
                    && a.get_value_names()
                        .is_some_and(|n| n.iter().any(|n| shown.contains(n.as_str()))))
        })
        .and_then(|a| a.get_help().map(|h| h.to_string()))
}

/// clap's argument error in the catalogue's words, with the usage line and where to find more;
/// a value that looks like a PIN is never repeated (`mynapin verify 4821` must not print 4821).
fn render_clap_error(
    lang: Lang,
    cmd: &clap::Command,
    argv: &[OsString],
    e: &clap::Error,
) -> String {
    let arg = || context_text(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = || context_text(e, ContextKind::InvalidValue).unwrap_or_default();
    let mut lines: Vec<String> = Vec::new();
    let mut hint = None;
    let what = match e.kind() {
        ErrorKind::UnknownArgument => msg::clap_unknown_argument(lang, arg()),
        ErrorKind::InvalidSubcommand => msg::clap_unknown_command(
            lang,
            context_text(e, ContextKind::InvalidSubcommand).unwrap_or_default(),
        ),
        ErrorKind::InvalidValue if value().is_empty() => msg::clap_value_required(lang, arg()),
        ErrorKind::InvalidValue => {
            if let Some(valid) = context_list(lang, e, ContextKind::ValidValue) {
                lines.push(msg::clap_possible_values(lang, valid));
            }
            msg::clap_invalid_value(
                lang,
                msg::ClapInvalidValue {
                    arg: arg(),
                    value: value(),
                },
            )
        }
        ErrorKind::ValueValidation => {
            hint = arg_hint(cmd, argv, &arg());
            // Our own value parsers (`sim serve --fault`, `--fault-sw`) word their reason in
            // the run's language; clap's (numbers, ranges) speak English: left out.
            match std::error::Error::source(e) {
                Some(reason) if arg().starts_with("--fault") => msg::clap_invalid_value_reason(
                    lang,
                    msg::ClapInvalidValueReason {
                        arg: arg(),
                        reason: sanitize_reason(&reason.to_string()),
                        value: value(),
                    },
                ),
                _ => msg::clap_invalid_value(
                    lang,
                    msg::ClapInvalidValue {
                        arg: arg(),
                        value: value(),
                    },
                ),
            }
        }
        ErrorKind::NoEquals => msg::clap_no_equals(lang, arg()),
        ErrorKind::ArgumentConflict => {
            let other = context_list(lang, e, ContextKind::PriorArg).unwrap_or_default();
            // clap reports an option given twice as conflicting with itself.
            if other == arg() {
                msg::clap_multiple_use(lang, arg())
            } else {
                msg::clap_conflict(lang, msg::ClapConflict { arg: arg(), other })
            }
        }
        ErrorKind::MissingRequiredArgument => msg::clap_missing_required(
            lang,
            context_list(lang, e, ContextKind::InvalidArg).unwrap_or_default(),
        ),
        ErrorKind::MissingSubcommand => msg::clap_missing_command(
            lang,
            context_text(e, ContextKind::InvalidSubcommand).unwrap_or_default(),
        ),
        ErrorKind::TooManyValues => msg::clap_too_many_values(
            lang,
            msg::ClapTooManyValues {
                arg: arg(),
                value: value(),
            },
        ),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            msg::clap_wrong_number(lang, arg())
        }
        ErrorKind::InvalidUtf8 => msg::clap_invalid_utf8(lang),
        _ => msg::clap_error_generic(lang),
    };
    let mut out = vec![msg::clap_error(lang, what)];
    if let Some(h) = hint {
        out.push(msg::clap_value_hint(
            lang,
            msg::ClapValueHint {
                arg: arg(),
                help: h,
            },
        ));
    }
    out.extend(lines);
    for kind in [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ] {
        if let Some(s) = context_list(lang, e, kind) {
            out.push(msg::clap_did_you_mean(lang, s));
        }
    }
    if let Some(usage) = context_text(e, ContextKind::Usage) {
        let usage = usage
            .split_once(':')
            .map(|(_, u)| u.trim().to_string())
            .unwrap_or(usage);
        out.push(String::new());
        out.push(msg::help_usage_line(lang, usage));
    }
    out.push(String::new());
    out.push(msg::clap_try_help(lang));
    // The note that PINs are never arguments, only where the user typed something shaped like
    // a PIN (not on `guide --city osaka` or `status --foo`).
    if matches!(
        e.kind(),
        ErrorKind::InvalidValue | ErrorKind::UnknownArgument
    ) && typed_a_pin(e, argv)
    {
        out.push(msg::clap_note_pin_name(lang));
    }
    let mut text = out.join("\n");
    let hidden = msg::clap_hidden_value(lang);
    for kind in [ContextKind::InvalidValue, ContextKind::InvalidArg] {
        if let Some(ContextValue::String(v)) = e.get(kind) {
            if looks_like_pin(v) {
                text = text.replace(v.as_str(), &hidden);
            }
        }
    }
    // Any other PIN-looking word of the command line, echoed in a suggestion.
    for a in argv.iter().skip(1) {
        let a = a.to_string_lossy();
        if looks_like_pin(&a) && !a.starts_with('-') {
            text = text.replace(a.as_ref(), &hidden);
        }
    }
    text.push('\n');
    text
}

/// Parses the command line with the command worded in `lang`; on help, version or an error,
/// prints it (help and version on stdout, errors on stderr) and returns the exit code.
pub(super) fn parse(lang: Lang, argv: Vec<OsString>) -> Result<Cli, u8> {
    let cmd = localized_command(lang);
    let result = cmd
        .clone()
        .try_get_matches_from(argv.clone())
        .and_then(|m| Cli::from_arg_matches(&m));
    let e = match result {
        Ok(cli) => return Ok(cli),
        Err(e) => e,
    };
    // Plain text: the columns are laid out and wrapped here, by terminal columns.
    let rendered = e.render().to_string();
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let width = help_width(wrap::Stream::Stdout);
            let text = rewrap(&realign(&relabel(lang, &rendered)), width);
            let _ = std::io::stdout().lock().write_all(text.as_bytes());
            Err(0)
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let width = help_width(wrap::Stream::Stderr);
            let text = rewrap(&realign(&relabel(lang, &rendered)), width);
            let _ = std::io::stderr().lock().write_all(text.as_bytes());
            Err(Exit::Usage as u8)
        }
        _ => {
            let text = rewrap(
                &render_clap_error(lang, &cmd, &argv, &e),
                help_width(wrap::Stream::Stderr),
            );
            let _ = std::io::stderr().lock().write_all(text.as_bytes());
            Err(Exit::Usage as u8)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn japanese_wraps_between_words_by_columns() {
        let text = "    模擬カードの状態をファイルに保存し、次の実行に引き継ぎます。ファイルがあれば読み込み（なければ新品のカード）、終了時に書き戻します。";
        let wrapped = rewrap(text, 40);
        for line in wrapped.lines() {
            assert!(line.width() <= 40, "{line}");
            assert!(line.starts_with("    "), "{line}");
            assert!(!line.trim_start().starts_with(['、', '。', '）']), "{line}");
        }
        assert!(!wrapped.contains("引き\n"), "{wrapped}");
        assert!(!wrapped.contains("書き\n"), "{wrapped}");
        assert_eq!(wrapped.replace(['\n', ' '], ""), text.replace(' ', ""));
    }

    #[test]
    fn two_column_lines_line_up_by_columns_and_wrap_under_the_help() {
        let text = "  --json  Print JSON\n  --timeout <秒数>  上限の秒数です。\n";
        let aligned = realign(text);
        let columns: Vec<usize> = aligned
            .lines()
            .map(|l| {
                let help = l.find(['P', '上']).unwrap();
                l[..help].width()
            })
            .collect();
        assert_eq!(columns, [20, 20], "{aligned}");
        let long = format!("  --x  {}", "word ".repeat(30));
        for line in rewrap(&long, 40).lines().skip(1) {
            assert!(
                line.starts_with(&" ".repeat(7)) && line.width() <= 40,
                "{line}"
            );
        }
    }

    #[test]
    fn the_language_is_found_before_clap_parses() {
        let argv = |a: &[&str]| -> Vec<OsString> { a.iter().map(OsString::from).collect() };
        assert_eq!(
            lang_of_args(&argv(&["mynapin", "--lang", "ja", "status"])),
            Some(Lang::JA)
        );
        assert_eq!(
            lang_of_args(&argv(&["mynapin", "status", "--lang=ja"])),
            Some(Lang::JA)
        );
        assert_eq!(
            lang_of_args(&argv(&["mynapin", "--lang=ja", "--lang", "xx"])),
            Some(Lang::JA)
        );
        assert_eq!(
            lang_of_args(&argv(&["mynapin", "--", "--lang", "ja"])),
            None
        );
        assert_eq!(lang_of_args(&argv(&["mynapin", "--lang", "xx"])), None);
    }
}
