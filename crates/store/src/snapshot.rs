//! A private copy of sled's files, for `verify` and `repair` to compare the store with the
//! journal while a console holds the lock or on read-only media (other readers read the
//! checkpoints and never open sled). The copy is taken while no write lands in
//! the files, so it is a state the writer could have stopped in; opening it completes that
//! state from the journal as a crash would be.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::StoreError;

/// How often a copy is tried again when a write lands in the files while it is being taken.
const ATTEMPTS: u32 = 20;

/// A directory of copied store files, removed when dropped; its lock held meanwhile.
#[derive(Debug)]
pub(super) struct Snapshot {
    /// The copied store.
    pub path: PathBuf,
    /// The reader's own directory, holding the copy; its lock file lies beside it.
    root: PathBuf,
    held: Option<fs::File>,
}

impl Drop for Snapshot {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.root);
        let _ = fs::remove_file(held_path(&self.root));
        drop(self.held.take());
        if let Some(base) = self.root.parent()
            && base.ends_with(READERS_DIR)
        {
            let _ = fs::remove_dir(base);
        }
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

/// Where readers' copies are kept: inside the database directory, as private as the record
/// itself. Media a reader may not write (read-only) leave only the temporary directory.
const READERS_DIR: &str = "readers";
/// The lock file beside each copy, held by its reader for as long as it reads. It is made
/// and locked before the copy's directory, so a copy without one is never a live reader's.
const HELD: &str = "held";

fn held_path(root: &Path) -> PathBuf {
    root.with_extension(HELD)
}

/// The places copies may be made for the database in `db`, in order of preference.
fn bases(db: &Path) -> [PathBuf; 2] {
    [db.join(READERS_DIR), std::env::temp_dir()]
}

/// A fresh directory of our own, 0700, with its lock taken, under the first base that takes
/// one.
fn fresh_dir(db: &Path) -> Result<(PathBuf, fs::File), StoreError> {
    let mut last = None;
    for base in bases(db) {
        if let Err(e) = super::private::create_dir_all(&base) {
            last = Some(StoreError::io("create", &base, e));
            continue;
        }
        for n in 0..1000u32 {
            let path = base.join(format!("yishi-read-{}-{n}", std::process::id()));
            match hold(&path).and_then(|held| {
                super::private::create_dir_all(&path)?;
                if fs::read_dir(&path)?.next().is_some() {
                    return Err(std::io::ErrorKind::AlreadyExists.into());
                }
                Ok(held)
            }) {
                Ok(held) => return Ok((path, held)),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => {
                    last = Some(StoreError::io("create", &path, e));
                    break;
                }
            }
        }
    }
    Err(last.unwrap_or_else(|| {
        StoreError::io(
            "create",
            db,
            std::io::Error::other("no free name for a reader's copy"),
        )
    }))
}

/// Takes the lock of the copy to be made in `path` (a new one); the lock goes when the reader
/// does, however it ends, which tells the next reader the copy is left over.
fn hold(path: &Path) -> std::io::Result<fs::File> {
    let file = super::private::options()
        .write(true)
        .create_new(true)
        .open(held_path(path))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(fs::TryLockError::WouldBlock) => Err(std::io::ErrorKind::AlreadyExists.into()),
        Err(fs::TryLockError::Error(e)) => Err(e),
    }
}

/// Removes the copies left by readers that were killed: those whose lock nobody holds.
/// Called by every reader and every writer that opens the database, so none stays long.
pub(super) fn sweep(db: &Path) {
    for base in bases(db) {
        let Ok(entries) = fs::read_dir(&base) else {
            continue;
        };
        for e in entries.flatten() {
            let name = e.file_name();
            let name = name.to_string_lossy();
            if !name.starts_with("yishi-read-") {
                continue;
            }
            let path = e.path();
            let abandoned = if name.ends_with(&format!(".{HELD}")) {
                // A lock nobody holds: its reader is gone, with or without its copy.
                fs::File::open(&path).is_ok_and(|f| f.try_lock().is_ok())
            } else {
                // A copy whose lock file is gone is no live reader's, once old enough that
                // its reader cannot be between the two (copies of an older yishi kept theirs
                // inside).
                let lock = held_path(&path);
                !lock.exists()
                    && fs::File::open(path.join(HELD)).map_or_else(
                        |_| {
                            e.metadata()
                                .ok()
                                .and_then(|m| m.modified().ok())
                                .and_then(|t| t.elapsed().ok())
                                .is_some_and(|age| age.as_secs() > 60)
                        },
                        |f| f.try_lock().is_ok(),
                    )
            };
            if abandoned {
                let root = path.with_extension("");
                let _ = fs::remove_dir_all(&root);
                let _ = fs::remove_file(held_path(&root));
            }
        }
        // The readers' folder itself goes when it is empty.
        if base.ends_with(READERS_DIR) {
            let _ = fs::remove_dir(&base);
        }
    }
}

/// Copies the store directory of the database in `db` while no write lands in it.
pub(super) fn take(db: &Path) -> Result<Snapshot, StoreError> {
    sweep(db);
    let store = &db.join(super::STORE_DIR);
    let io = |e| StoreError::io("read", store, e);
    for _ in 0..ATTEMPTS {
        let (path, held) = fresh_dir(db)?;
        let copy = Snapshot {
            path: path.join("store"),
            root: path,
            held: Some(held),
        };
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
