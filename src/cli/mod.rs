//! The command line: every command opens the database, does one thing, and exits 0 on success,
//! 1 with a message in the user's language on a user or data error, 2 on a usage error.

/// `print!` and `println!` that never panic: a reader gone from the pipe (`yishi rules | head`)
/// ends the output, not the program with a crash.
macro_rules! out {
    ($($t:tt)*) => { $crate::cli::stdout::put(format_args!($($t)*)) };
}
macro_rules! outln {
    ($($t:tt)*) => { $crate::cli::stdout::put(format_args!("{}\n", format_args!($($t)*))) };
}

mod args;
mod checks;
mod commands;
mod council;
pub mod demo;
mod district;
mod failure;
mod help;
mod help_words;
mod help_words_trust;
mod import;
mod meeting_ref;
mod opening;
mod output;
mod progress;
mod records;
mod rules;
mod signing;
mod stdout;
mod words;

use std::path::PathBuf;

pub use args::{Cli, Command, Format, LedgerFormat};
pub use failure::Failure;

use crate::text::Lang;

fn default_db() -> PathBuf {
    directories::ProjectDirs::from("", "", "yishi")
        .map(|d| d.data_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from(".yishi"))
}

/// `YISHI_CLOCK` ("2026-12-05 19:00:00") starts the clock at that time, running on from it.
fn start_clock(lang: Lang) -> Result<(), String> {
    let Some(set) = std::env::var_os("YISHI_CLOCK") else {
        return Ok(());
    };
    let start = set
        .to_str()
        .and_then(|s| chrono::NaiveDateTime::parse_from_str(s.trim(), "%Y-%m-%d %H:%M:%S").ok());
    match start {
        Some(start) => {
            crate::store::start_clock_at(start);
            Ok(())
        }
        None => Err(format!(
            "{}{}",
            lang.say(words::CLOCK_IS_NOT_A_TIME),
            set.to_string_lossy()
        )),
    }
}

/// Runs the command line; returns the exit status.
pub fn main() -> i32 {
    // Whatever the program or its libraries create is the user's alone.
    crate::store::private::restrict_umask();
    let args = help::help_as_flag(std::env::args_os().collect());
    let asked = help::requested_lang(&args);
    let parsed = help::command(asked)
        .try_get_matches_from(&args)
        .and_then(|m| <Cli as clap::FromArgMatches>::from_arg_matches(&m));
    let cli = match parsed {
        Ok(c) => c,
        Err(e) => {
            let said = help::usage_error(&e, asked);
            if e.use_stderr() {
                eprint!("{said}");
                return 2;
            }
            out!("{said}");
            return 0;
        }
    };
    let lang = cli.lang.0;
    if let Err(said) = start_clock(lang) {
        eprintln!("yishi: {said}");
        return 2;
    }
    let db = cli.db.clone().unwrap_or_else(default_db);
    let look = crate::tui::Look {
        theme: cli.theme.as_deref(),
        ambiguous: cli.ambiguous.into(),
    };
    match commands::run(cli.command, &db, lang, look) {
        Ok(()) => 0,
        Err(Failure::Quiet) => 1,
        Err(f) => {
            eprintln!("yishi: {}", crate::text::sanitize(&f.describe(lang)));
            1
        }
    }
}
