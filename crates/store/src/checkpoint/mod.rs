//! Checkpoints: the records as of a journal line, written whole beside the journal so that a
//! reader need not replay it from the start nor open sled. A base file holds every record as of
//! its line; a delta file holds the records changed after the base, up to its own line. A
//! reader takes the newest base and the delta that continues it, then replays the journal's
//! tail. Files are written by the one process holding the database, finished and made durable
//! before they are renamed into place, and never changed after: a reader that opened one keeps
//! reading it, whatever the writer does meanwhile.

mod forward;
mod layer;
mod merge;
mod write;

pub use layer::Kind;
pub(crate) use layer::Layer;
pub(super) use merge::merged;
pub(super) use write::{advance, base_from_store};

use std::path::{Path, PathBuf};

use super::StoreError;

/// The folder beside the journal that holds the checkpoint files.
pub(super) const DIR: &str = "checkpoints";

/// `from-to.ck`: the file continues the one ending at change `from` (0: a base) up to `to`.
fn name(from: u64, to: u64) -> String {
    format!("{from:020}-{to:020}.ck")
}

fn parse(name: &str) -> Option<(u64, u64)> {
    let (from, to) = name.strip_suffix(".ck")?.split_once('-')?;
    Some((from.parse().ok()?, to.parse().ok()?))
}

/// The files in the folder, by (from, to).
fn listed(dir: &Path) -> Vec<(u64, u64, PathBuf)> {
    let Ok(entries) = std::fs::read_dir(dir.join(DIR)) else {
        return Vec::new();
    };
    let mut out: Vec<_> = entries
        .flatten()
        .filter_map(|e| {
            let (from, to) = parse(&e.file_name().to_string_lossy())?;
            Some((from, to, e.path()))
        })
        .collect();
    out.sort();
    out
}

/// The newest base and the newest delta continuing it, newest first. A file that cannot be
/// read is passed over: the journal still holds what it held.
pub(super) fn chain(dir: &Path) -> Vec<Layer> {
    let files = listed(dir);
    let Some(base) = files
        .iter()
        .filter(|(from, _, _)| *from == 0)
        .rev()
        .find_map(|(_, _, p)| Layer::open(p).ok())
    else {
        return Vec::new();
    };
    let delta = files
        .iter()
        .filter(|(from, to, _)| *from == base.trailer.head.seq && *to > *from)
        .rev()
        .find_map(|(_, _, p)| Layer::open(p).ok());
    match delta {
        Some(d) => vec![d, base],
        None => vec![base],
    }
}

/// Every checkpoint file that is not whole, or that the journal no longer leads to, and why.
pub(super) fn check(dir: &Path) -> Vec<String> {
    check_except(dir, &[])
}

/// As `check`, passing over the files named.
pub(super) fn check_except(dir: &Path, passed: &[&Path]) -> Vec<String> {
    let mut found = Vec::new();
    let journal = dir.join(super::JOURNAL_FILE);
    for (_, _, path) in listed(dir) {
        if passed.contains(&path.as_path()) {
            continue;
        }
        let checked = Layer::open(&path).and_then(|layer| {
            layer.check()?;
            let head = &layer.trailer.head;
            if head.seq > 0 {
                super::journal::Journal::open_read(&journal)?.check_head(head)?;
            }
            Ok(())
        });
        if let Err(e) = checked {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            let why = match e {
                StoreError::Damaged { detail } | StoreError::Mismatch { detail } => detail,
                other => other.to_string(),
            };
            found.push(format!("{name}: {why}"));
        }
    }
    found
}

/// Removes every checkpoint (after a repair has made the journal anew).
pub(super) fn clear(dir: &Path) -> Result<(), StoreError> {
    let folder = dir.join(DIR);
    match std::fs::remove_dir_all(&folder) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(StoreError::io("remove", &folder, e))
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::{name, parse};

    #[test]
    fn names_read_back() {
        assert_eq!(parse(&name(0, 42)), Some((0, 42)));
        assert_eq!(parse(&name(7, 9)), Some((7, 9)));
        assert_eq!(parse("00000000000000000000-1.tmp"), None);
        assert!(name(0, 10) < name(0, 9_000));
    }
}
