//! `cargo run --release -p yishi-generate --example generate -- --meetings N [--first-council K]
//! [-o FILE]`: a generated archive as an export document, for `yishi import` and the
//! benchmarks. An example, not a binary, so that `cargo run` in the workspace runs yishi.

use std::io::Write as _;
use std::path::PathBuf;

use clap::Parser;

/// Write a generated archive of N meetings as an export document.
#[derive(Parser)]
#[command(name = "generate", version)]
struct Args {
    /// Meetings in all (120 to a council)
    #[arg(long, default_value_t = 1000)]
    meetings: usize,
    /// Number the councils from this one (each number makes another council)
    #[arg(long, default_value_t = 0)]
    first_council: usize,
    /// Write to FILE (replaced whole, only once complete); none: standard output
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

fn main() -> std::process::ExitCode {
    let args = Args::parse();
    let done = match &args.output {
        Some(path) => yishi_generate::write_file(path, args.meetings, args.first_council),
        None => yishi_generate::archive(args.meetings, args.first_council, &mut |_| {}).and_then(
            |doc| {
                // A reader gone from the pipe (`… | head`) has all it wanted.
                match std::io::stdout().write_all(doc.to_json().as_bytes()) {
                    Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.to_string()),
                    _ => Ok(()),
                }
            },
        ),
    };
    match done {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("yishi-generate: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
