//! One process owns a database. The lock file holds who that is, so a second process can say so.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;

use super::StoreError;
pub use crate::holder::Holder;

/// Whether a reader may read in place: the lock is free and the directory writable. A reader
/// told no reads a copy instead (see `snapshot`).
pub(super) fn try_acquire(dir: &Path) -> Result<Option<File>, StoreError> {
    match acquire(dir) {
        Ok(file) => Ok(Some(file)),
        Err(StoreError::Locked { .. }) => Ok(None),
        Err(StoreError::Io { error, .. })
            if matches!(
                error.kind(),
                std::io::ErrorKind::ReadOnlyFilesystem | std::io::ErrorKind::PermissionDenied
            ) =>
        {
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// How long a lock this process took and let go is waited for. A lock belongs to the open
/// file, and a program this process starts shares its open files from the moment it is
/// forked until it begins to run, however briefly: a store closed in that moment is free
/// again only then.
const OWN_LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

fn holder(file: &mut File) -> Option<Holder> {
    let mut text = String::new();
    file.seek(SeekFrom::Start(0)).ok()?;
    file.read_to_string(&mut text).ok()?;
    serde_json::from_str(&text).ok()
}

pub(super) fn acquire(dir: &Path) -> Result<File, StoreError> {
    let path = dir.join("lock");
    let mut file = super::private::options()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(|e| StoreError::io("open", &path, e))?;
    let started = std::time::Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => break,
            Err(std::fs::TryLockError::WouldBlock) => {
                let holder = holder(&mut file);
                let ours = holder.as_ref().is_some_and(|h| h.pid == std::process::id());
                if ours && started.elapsed() < OWN_LOCK_WAIT {
                    std::thread::sleep(std::time::Duration::from_millis(5));
                    continue;
                }
                return Err(StoreError::Locked {
                    dir: dir.display().to_string(),
                    holder,
                });
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(StoreError::io("lock", &path, e)),
        }
    }
    let holder = Holder {
        pid: std::process::id(),
        command: std::env::args().collect::<Vec<_>>().join(" "),
        since: chrono::Local::now().naive_local(),
    };
    let text = serde_json::to_string(&holder).unwrap_or_default();
    let write = file
        .set_len(0)
        .and_then(|_| file.seek(SeekFrom::Start(0)))
        .and_then(|_| file.write_all(text.as_bytes()));
    write.map_err(|e| StoreError::io("write", &path, e))?;
    Ok(file)
}
