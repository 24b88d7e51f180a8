//! `mynapin-catalogue vars DIR…`: every English message of each catalogue folder and its
//! variables, one per line: `DIR<TAB>id<TAB>var,var`. The variables are in the order the
//! generated positional functions took them (alphabetical); `scripts/name-message-args.py`
//! reads this to turn positional calls into named ones.
#![forbid(unsafe_code)]

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(("vars", dirs)) = args.split_first().map(|(a, rest)| (a.as_str(), rest)) else {
        eprintln!("usage: mynapin-catalogue vars DIR…");
        return ExitCode::from(2);
    };
    for dir in dirs {
        match mynapin_catalogue::english(Path::new(dir)) {
            Ok(declared) => {
                for (id, vars) in declared {
                    let vars: Vec<String> = vars.into_iter().collect();
                    println!("{dir}\t{id}\t{}", vars.join(","));
                }
            }
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
