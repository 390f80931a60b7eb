//! A private copy of the store's files, for a reader that may not take the lock (a console
//! holds it) or may not write (read-only media). The copy is taken while no write lands in
//! the files, so it is a state the writer could have stopped in; opening it completes that
//! state from the journal as a crash would be.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::StoreError;

/// How often a copy is tried again when a write lands in the files while it is being taken.
const ATTEMPTS: u32 = 20;

/// A directory of copied store files, removed when dropped.
#[derive(Debug)]
pub(super) struct Snapshot {
    pub path: PathBuf,
}

impl Drop for Snapshot {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.path);
    }
}

/// Each file's size and time of last change, to tell whether a write landed meanwhile.
type Stamp = Vec<(PathBuf, u64, Option<SystemTime>)>;

fn stamp(dir: &Path, out: &mut Stamp) -> std::io::Result<()> {
    let mut entries: Vec<_> = match fs::read_dir(dir) {
        Ok(r) => r.collect::<Result<_, _>>()?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    entries.sort_by_key(fs::DirEntry::path);
    for e in entries {
        let meta = e.metadata()?;
        if meta.is_dir() {
            stamp(&e.path(), out)?;
        } else {
            out.push((e.path(), meta.len(), meta.modified().ok()));
        }
    }
    Ok(())
}

fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    fs::create_dir_all(to)?;
    let entries = match fs::read_dir(from) {
        Ok(r) => r,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    for e in entries {
        let e = e?;
        let target = to.join(e.file_name());
        if e.metadata()?.is_dir() {
            copy_tree(&e.path(), &target)?;
        } else {
            fs::copy(e.path(), &target)?;
        }
    }
    Ok(())
}

/// A fresh directory of our own under the system's temporary directory.
fn fresh_dir() -> Result<PathBuf, StoreError> {
    let base = std::env::temp_dir();
    for n in 0..1000u32 {
        let path = base.join(format!("yishi-read-{}-{n}", std::process::id()));
        match fs::create_dir(&path) {
            Ok(()) => return Ok(path),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(StoreError::io("create", &path, e)),
        }
    }
    Err(StoreError::io(
        "create",
        &base,
        std::io::Error::other("no free name for a temporary copy"),
    ))
}

/// Copies the store directory `store` while no write lands in it.
pub(super) fn take(store: &Path) -> Result<Snapshot, StoreError> {
    let io = |e| StoreError::io("read", store, e);
    for _ in 0..ATTEMPTS {
        let copy = Snapshot { path: fresh_dir()? };
        let mut before = Stamp::new();
        stamp(store, &mut before).map_err(io)?;
        copy_tree(store, &copy.path).map_err(|e| StoreError::io("copy", store, e))?;
        let mut after = Stamp::new();
        stamp(store, &mut after).map_err(io)?;
        if before == after {
            return Ok(copy);
        }
        // A write landed while copying: the writer is at work; a moment later it is done.
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    Err(StoreError::Busy)
}
