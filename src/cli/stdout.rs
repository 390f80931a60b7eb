//! Standard output for `out!` and `outln!`, the command line's `print!` and `println!`.

use std::io::Write as _;

/// Writes to standard output. A closed pipe (`yishi rules | head`) is not an error worth a
/// message, nor a reason to stop what the command does beside its output.
pub fn put(text: std::fmt::Arguments) {
    let _ = std::io::stdout().lock().write_fmt(text);
}
