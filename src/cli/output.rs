//! Where a command's output goes and its input comes from: a file, replaced whole only once it
//! is complete and durable, or standard output and input (none, or `-`); and the shell
//! completions and manual page made from the command line's own definition.

use clap::CommandFactory;
use std::io::Write as _;
use std::path::Path;

use super::{Cli, Failure};
use crate::domain::stream::Streamed;
use crate::text::Lang;

/// Whether `path` names standard input or output.
pub fn is_std(path: &Path) -> bool {
    path.as_os_str() == "-"
}

fn cannot(lang: Lang, hans: &str, hant: &str, en: &str, path: &Path, e: std::io::Error) -> Failure {
    Failure::Said(format!(
        "{}{}: {e}",
        lang.pick(hans, hant, en),
        path.display()
    ))
}

/// Writes to a file (a temporary file made durable, then renamed into place, and the rename
/// made durable) or, for none or `-`, to standard output.
pub fn write_out(path: Option<&Path>, text: &str, lang: Lang) -> Result<(), Failure> {
    write_bytes(path, text.as_bytes(), lang)
}

/// As `write_out`, bytes (a PDF).
pub fn write_bytes(path: Option<&Path>, bytes: &[u8], lang: Lang) -> Result<(), Failure> {
    let Some(path) = path.filter(|p| !is_std(p)) else {
        let mut out = std::io::stdout().lock();
        // A closed pipe (`| head`) is not an error worth a message.
        let _ = out.write_all(bytes).and_then(|_| out.flush());
        return Ok(());
    };
    crate::store::file::replace(path, bytes)
        .map_err(|e| cannot(lang, "无法写入 ", "無法寫入 ", "cannot write ", path, e))?;
    Ok(())
}

/// As `write_out`, the text written by `write` as it is made. A failure of `write`'s own
/// (`Err(Some(e))`) is returned as it is; the output refusing the bytes is said here. A file is
/// left as it was unless the whole text was written.
pub fn stream_out<E: Into<Failure>>(
    path: Option<&Path>,
    lang: Lang,
    write: impl FnOnce(&mut dyn std::io::Write) -> Result<(), Streamed<E>>,
) -> Result<(), Failure> {
    let mut failed = None;
    let run = |out: &mut dyn std::io::Write| match write(out) {
        Ok(()) => Ok(()),
        Err(Streamed::Write(e)) => Err(e),
        Err(Streamed::Read(e)) => {
            failed = Some(e);
            Err(std::io::Error::other("a record could not be read"))
        }
    };
    let written = match path.filter(|p| !is_std(p)) {
        None => {
            let mut out = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth a message.
            let _ = run(&mut out).and_then(|()| out.flush());
            Ok(())
        }
        Some(path) => crate::store::file::replace_with(path, run)
            .map_err(|e| cannot(lang, "无法写入 ", "無法寫入 ", "cannot write ", path, e)),
    };
    if let Some(e) = failed {
        return Err(e.into());
    }
    written
}

/// A file (or standard input, for `-`) to read as it goes, with its size where known.
pub fn open_in(path: &Path, lang: Lang) -> Result<(Box<dyn std::io::Read>, Option<u64>), Failure> {
    if is_std(path) {
        return Ok((Box::new(std::io::stdin().lock()), None));
    }
    let file = std::fs::File::open(path)
        .map_err(|e| cannot(lang, "无法读取 ", "無法讀取 ", "cannot read ", path, e))?;
    let size = file.metadata().ok().map(|m| m.len());
    Ok((Box::new(file), size))
}

/// Completions for `shell`, on standard output.
pub fn completions(shell: clap_complete::Shell) {
    let mut command = Cli::command();
    clap_complete::generate(shell, &mut command, "yishi", &mut std::io::stdout());
}

/// The manual page, on standard output.
pub fn man() -> Result<(), Failure> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut page)
        .map_err(|e| Failure::Said(e.to_string()))?;
    let _ = std::io::stdout().lock().write_all(&page);
    Ok(())
}
