//! `mynapin completions SHELL` and the hidden `mynapin manpage`: both generated from the clap
//! definition of [`Cli`], so they can never drift from `--help`. The Debian package runs the
//! built binary to make its completion files and man pages (scripts/build-deb.sh).

use super::error::{CliError, Exit};
use super::lang::msg;
use super::output::print_message;
use super::text::sanitize;
use super::{Cli, Ctx};
use clap::{Args, CommandFactory};
use clap_complete::Shell;
use std::io::Write;
use std::path::PathBuf;

/// `mynapin completions SHELL` (help: `help-completions-…`)
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: Shell,
}

/// `mynapin manpage [--dir DIR]` (hidden: for packagers; help: `help-manpage-…`)
#[derive(Debug, Args)]
pub struct ManpageArgs {
    /// `--dir DIR`: every command's page, instead of mynapin.1 on stdout.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

/// The command as the generators see it: without the `help` subcommand, which is no
/// command of ours and would get a page of its own.
fn command() -> clap::Command {
    Cli::command().disable_help_subcommand(true)
}

/// The command as the completion generators see it. clap_complete offers hidden subcommands
/// too, and clap cannot remove one from a command: so the top level is rebuilt from the
/// definition's own parts (its arguments and its visible subcommands, unchanged), leaving
/// out `manpage`. Only names, arguments and help texts matter to a completion script.
fn completion_command() -> clap::Command {
    let full = Cli::command();
    let mut cmd = clap::Command::new("mynapin")
        .version(env!("MYNAPIN_VERSION"))
        .args(full.get_arguments().cloned())
        .subcommands(full.get_subcommands().filter(|s| !s.is_hide_set()).cloned());
    if let Some(about) = full.get_about() {
        cmd = cmd.about(about.clone());
    }
    cmd
}

/// Prints the completion script for `args.shell` on stdout.
pub fn completions(ctx: &Ctx, args: &CompletionsArgs) -> Result<Exit, CliError> {
    let mut cmd = completion_command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "mynapin", &mut script);
    Ok(write_stdout(ctx, &script))
}

/// Prints the man page mynapin.1 on stdout, or writes every command's page into a directory.
pub fn manpage(ctx: &Ctx, args: &ManpageArgs) -> Result<Exit, CliError> {
    match &args.dir {
        None => {
            let mut page = Vec::new();
            if let Err(e) = clap_mangen::Man::new(command()).render(&mut page) {
                return Ok(failure(
                    ctx,
                    &msg::completions_cannot_render(
                        ctx.lang,
                        super::error::io_reason(ctx.lang, &e),
                    ),
                ));
            }
            Ok(write_stdout(ctx, &page))
        }
        Some(dir) => match clap_mangen::generate_to(command(), dir) {
            Ok(()) => Ok(Exit::Success),
            Err(e) => Ok(failure(
                ctx,
                &msg::completions_cannot_write_dir(
                    ctx.lang,
                    msg::CompletionsCannotWriteDir {
                        dir: sanitize(&dir.display().to_string()),
                        why: super::error::io_reason(ctx.lang, &e),
                    },
                ),
            )),
        },
    }
}

/// Writes `bytes` on stdout. A closed pipe is not an error (as for every other output); any
/// other write error is (exit 1): a truncated completion file would break the shell.
fn write_stdout(ctx: &Ctx, bytes: &[u8]) -> Exit {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Exit::Success,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Exit::Success,
        Err(e) => failure(
            ctx,
            &msg::completions_cannot_write_stdout(ctx.lang, super::error::io_reason(ctx.lang, &e)),
        ),
    }
}

fn failure(ctx: &Ctx, what: &str) -> Exit {
    print_message(ctx.lang, what, &[msg::completions_fix_output(ctx.lang)]);
    Exit::Failure
}

#[cfg(test)]
mod tests {
    use super::*;

    fn script(shell: Shell) -> String {
        let mut buf = Vec::new();
        clap_complete::generate(shell, &mut completion_command(), "mynapin", &mut buf);
        String::from_utf8(buf).expect("completion scripts are UTF-8")
    }

    #[test]
    fn every_shell_completes_the_subcommands_but_not_the_hidden_one() {
        for shell in [
            Shell::Bash,
            Shell::Zsh,
            Shell::Fish,
            Shell::PowerShell,
            Shell::Elvish,
        ] {
            let s = script(shell);
            for sub in ["status", "readers", "verify", "change", "guide", "doctor"] {
                assert!(s.contains(sub), "{shell}: no {sub}");
            }
            assert!(s.contains("completions"), "{shell}: no completions");
            assert!(!s.contains("manpage"), "{shell}: offers the hidden manpage");
        }
    }

    #[test]
    fn completion_command_has_every_visible_part_of_the_definition() {
        let full = Cli::command();
        let cmd = completion_command();
        let ids = |c: &clap::Command| -> Vec<String> {
            c.get_arguments().map(|a| a.get_id().to_string()).collect()
        };
        assert_eq!(ids(&cmd), ids(&full));
        let visible: Vec<&str> = full
            .get_subcommands()
            .filter(|s| !s.is_hide_set())
            .map(|s| s.get_name())
            .collect();
        let names: Vec<&str> = cmd.get_subcommands().map(|s| s.get_name()).collect();
        assert_eq!(names, visible);
        assert!(full.get_subcommands().any(|s| s.get_name() == "manpage"));
        assert_eq!(cmd.get_version(), full.get_version());
        assert_eq!(cmd.get_name(), full.get_name());
    }

    #[test]
    fn bash_script_registers_the_function_for_mynapin() {
        let s = script(Shell::Bash);
        assert!(s.contains("_mynapin()"));
        assert!(s.contains("complete -F _mynapin"));
    }

    #[test]
    fn man_page_comes_from_the_clap_definition() {
        let mut page = Vec::new();
        clap_mangen::Man::new(command())
            .render(&mut page)
            .expect("renders into memory");
        let page = String::from_utf8(page).expect("roff is UTF-8");
        assert!(page.contains("\n.TH mynapin 1 "), "{page}");
        // The about text, the exit codes (after_help) and the version, as in --help.
        assert!(page.contains("My Number card"));
        assert!(page.contains("Exit codes"));
        assert!(page.contains(env!("MYNAPIN_VERSION")));
        assert!(page.contains("mynapin\\-status(1)"));
        assert!(!page.contains("manpage"));
        assert!(!page.contains("mynapin\\-help"));
    }

    #[test]
    fn man_pages_for_every_command_in_a_directory() {
        let dir = tempfile::tempdir().expect("temporary directory");
        clap_mangen::generate_to(command(), dir.path()).expect("writes the pages");
        for name in [
            "mynapin.1",
            "mynapin-status.1",
            "mynapin-change.1",
            "mynapin-sim-serve.1",
            "mynapin-completions.1",
        ] {
            assert!(dir.path().join(name).is_file(), "no {name}");
        }
        assert!(!dir.path().join("mynapin-manpage.1").exists());
        assert!(!dir.path().join("mynapin-help.1").exists());
    }

    #[test]
    fn version_names_the_build() {
        let version = env!("MYNAPIN_VERSION");
        assert!(version.starts_with(env!("CARGO_PKG_VERSION")));
        assert!(
            version.contains("(git ") || !version.contains('('),
            "{version}"
        );
        assert_eq!(command().get_version(), Some(version));
    }
}
