//! A file replaced whole: written beside itself, made durable, renamed into place, and the
//! rename made durable with its directory. A failure on the way leaves the old file as it was.

use std::path::{Path, PathBuf};

pub fn replace(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    replace_with(path, |f| f.write_all(bytes))
}

/// As `replace`, the new content written by `write` as it goes.
pub fn replace_with(
    path: &Path,
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".yishi-tmp");
    let tmp = PathBuf::from(tmp);
    let written = super::private::create(&tmp)
        .and_then(|mut f| {
            write(&mut f)?;
            f.sync_all()
        })
        .and_then(|_| std::fs::rename(&tmp, path));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    if let Ok(d) = std::fs::File::open(dir.unwrap_or(Path::new("."))) {
        // Some file systems cannot sync a directory; the file itself is already durable.
        let _ = d.sync_all();
    }
    Ok(())
}
