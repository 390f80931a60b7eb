//! The record is the council's alone: the database directory is made 0700 and its files 0600
//! (less where the user's umask asks for less), and a database made by an older version with
//! looser modes is tightened when its owner opens it to write.

use std::fs::{DirBuilder, OpenOptions};
use std::path::Path;

/// Read and write for the owner only.
pub const FILE_MODE: u32 = 0o600;
/// Enter, list and write for the owner only.
pub const DIR_MODE: u32 = 0o700;

/// Makes the process's own umask private as well, for the files libraries create on their own
/// (sled's): group and others lose every bit; a stricter umask stays as it was.
pub fn restrict_umask() {
    #[cfg(unix)]
    {
        use rustix::fs::Mode;
        let old = rustix::process::umask(Mode::from_raw_mode(0o077));
        rustix::process::umask(old | Mode::from_raw_mode(0o077));
    }
}

/// Creates `dir` and any parent missing, each made 0700.
pub fn create_dir_all(dir: &Path) -> std::io::Result<()> {
    let mut builder = DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(DIR_MODE);
    }
    builder.create(dir)
}

/// Options to open a file that is created 0600.
pub fn options() -> OpenOptions {
    let mut options = OpenOptions::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(FILE_MODE);
    }
    options
}

/// Creates (or truncates) `path` for writing, 0600 when it is new.
pub fn create(path: &Path) -> std::io::Result<std::fs::File> {
    options().write(true).create(true).truncate(true).open(path)
}

/// Takes group and others' bits off the database directory and everything in it that is
/// ours (a database made before files were private). Best effort: what cannot be changed
/// (another owner's file, read-only media) is left as it is.
pub fn tighten(dir: &Path) {
    #[cfg(unix)]
    tighten_tree(dir, 0);
}

#[cfg(unix)]
fn tighten_tree(path: &Path, depth: usize) {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return;
    };
    if meta.file_type().is_symlink() {
        return;
    }
    let mode = meta.mode() & 0o7777;
    if mode & 0o077 != 0 {
        let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode & !0o077));
    }
    if meta.is_dir()
        && depth < 4
        && let Ok(entries) = std::fs::read_dir(path)
    {
        for e in entries.flatten() {
            tighten_tree(&e.path(), depth + 1);
        }
    }
}

/// Writes `bytes` to `path` (created 0600), not made durable: for caches and notes that are
/// made again when lost.
pub fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    create(path)?.write_all(bytes)
}
