//! The words of mynapin's command tree that a user types as they are: every subcommand's name
//! and every possible value of an argument, read from the command itself (so a new
//! subcommand or value needs no list of its own in the language tests).

use mynapin::cli::{localized_command, Lang};
use std::sync::OnceLock;

fn walk(cmd: &clap::Command, subcommands: &mut Vec<String>, values: &mut Vec<String>) {
    for a in cmd.get_arguments() {
        values.extend(
            a.get_possible_values()
                .iter()
                .map(|v| v.get_name().to_string()),
        );
    }
    for s in cmd.get_subcommands() {
        subcommands.push(s.get_name().to_string());
        walk(s, subcommands, values);
    }
}

fn words() -> &'static (Vec<String>, Vec<String>) {
    static WORDS: OnceLock<(Vec<String>, Vec<String>)> = OnceLock::new();
    WORDS.get_or_init(|| {
        let (mut subcommands, mut values) = (Vec::new(), Vec::new());
        walk(&localized_command(Lang::EN), &mut subcommands, &mut values);
        for v in [&mut subcommands, &mut values] {
            v.sort();
            v.dedup();
        }
        (subcommands, values)
    })
}

/// Every subcommand's name, at any depth (`status`, `check`, `fixtures`, `help`).
pub fn subcommands() -> &'static [String] {
    &words().0
}

/// Every possible value of every argument (`known`, `markdown`, `juki-ap`, `bash`).
pub fn values() -> &'static [String] {
    &words().1
}
