//! `verify`: the journal's chain, and the store against a replay of the journal.
//! `repair`: a new store rebuilt from the journal, the damaged one kept aside.

use std::path::Path;

use super::journal::{Entry, read_all};
use super::tables::{Head, Tables};
use super::{JOURNAL_FILE, STORE_DIR, StoreError, lock};
use crate::domain::{self, MemoryRecords, Write};
use crate::text::Lang;

/// What a check found.
#[derive(Debug, Default)]
pub struct Report {
    pub changes: u64,
    /// Problems, worst first; empty when all is well.
    pub problems: Vec<String>,
    /// For repair: where the damaged files were moved.
    pub kept_aside: Vec<String>,
}

/// Replays journal entries into memory from nothing.
fn replay(entries: &[Entry]) -> Result<MemoryRecords, StoreError> {
    let mut records = MemoryRecords::default();
    for e in entries {
        let change = e.change()?;
        let writes = domain::apply(&change, e.at, &records).map_err(|r| StoreError::Replay {
            seq: e.seq,
            reason: r.describe(Lang::En),
        })?;
        for w in writes {
            records.put(w);
        }
    }
    Ok(records)
}

fn first_difference(journal: &MemoryRecords, store: &MemoryRecords) -> Option<String> {
    fn diff<K: Ord + Copy + std::fmt::Display, V: PartialEq>(
        kind: &str,
        a: &std::collections::BTreeMap<K, V>,
        b: &std::collections::BTreeMap<K, V>,
    ) -> Option<String> {
        for (k, v) in a {
            match b.get(k) {
                None => return Some(format!("{kind} {k} is missing from the store")),
                Some(w) if w != v => return Some(format!("{kind} {k} differs from the journal")),
                _ => {}
            }
        }
        b.keys()
            .find(|k| !a.contains_key(k))
            .map(|k| format!("{kind} {k} is in the store but not in the journal"))
    }
    diff("council", &journal.councils, &store.councils)
        .or_else(|| diff("meeting", &journal.meetings, &store.meetings))
        .or_else(|| diff("matter", &journal.matters, &store.matters))
        .or_else(|| diff("motion", &journal.motions, &store.motions))
}

/// Checks the journal's hash chain and that the store holds exactly what the journal says.
pub fn verify(dir: &Path) -> Result<Report, StoreError> {
    let _lock = lock::acquire(dir)?;
    let (entries, broken) = read_all(&dir.join(JOURNAL_FILE))?;
    let mut report = Report {
        changes: entries.len() as u64,
        ..Report::default()
    };
    if let Some(e) = broken {
        report.problems.push(e.to_string());
    }
    let expected = replay(&entries)?;
    match Tables::open(&dir.join(STORE_DIR)).and_then(|t| Ok((t.load_all()?, t.head()?, t))) {
        Err(e) => report.problems.push(e.to_string()),
        Ok((stored, head, tables)) => {
            if head.seq != report.changes {
                report.problems.push(format!(
                    "the store holds {} changes, the journal {}",
                    head.seq, report.changes
                ));
            }
            if let Some(d) = first_difference(&expected, &stored) {
                report.problems.push(d);
            }
            if !tables.heads_match(&stored)? {
                report
                    .problems
                    .push("the meeting index does not match the meetings".into());
            }
        }
    }
    Ok(report)
}

/// Rebuilds the store from the journal (as far as its chain holds), keeping the old files aside.
pub fn repair(dir: &Path) -> Result<Report, StoreError> {
    let _lock = lock::acquire(dir)?;
    let journal_path = dir.join(JOURNAL_FILE);
    let (entries, broken) = read_all(&journal_path)?;
    let records = replay(&entries)?;
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S").to_string();
    let mut report = Report {
        changes: entries.len() as u64,
        ..Report::default()
    };

    if let Some(e) = broken {
        // Keep the whole journal, and continue from the part whose chain holds.
        report.problems.push(e.to_string());
        let aside = dir.join(format!("{JOURNAL_FILE}.damaged-{stamp}"));
        std::fs::copy(&journal_path, &aside)
            .map_err(|e| StoreError::io("copy", &journal_path, e))?;
        let good: String = entries
            .iter()
            .map(|e| serde_json::to_string(e).map(|s| s + "\n"))
            .collect::<Result<_, _>>()
            .map_err(|e| StoreError::Damaged {
                detail: e.to_string(),
            })?;
        write_synced(&journal_path, good.as_bytes())?;
        report.kept_aside.push(aside.display().to_string());
    }
    let journal_len = std::fs::metadata(&journal_path)
        .map_err(|e| StoreError::io("read", &journal_path, e))?
        .len();
    let head = entries.last().map_or_else(Head::default, |e| Head {
        seq: e.seq,
        hash: e.hash.clone(),
        journal_len,
    });

    let rebuilt = dir.join(format!("{STORE_DIR}.rebuild"));
    if rebuilt.exists() {
        std::fs::remove_dir_all(&rebuilt).map_err(|e| StoreError::io("remove", &rebuilt, e))?;
    }
    {
        let tables = Tables::open(&rebuilt)?;
        let writes: Vec<Write> = records.to_document().writes();
        tables.commit(&writes, &head)?;
    }
    let current = dir.join(STORE_DIR);
    if current.exists() {
        let aside = dir.join(format!("{STORE_DIR}.damaged-{stamp}"));
        std::fs::rename(&current, &aside).map_err(|e| StoreError::io("move", &current, e))?;
        report.kept_aside.push(aside.display().to_string());
    }
    std::fs::rename(&rebuilt, &current).map_err(|e| StoreError::io("move", &rebuilt, e))?;
    Ok(report)
}

fn write_synced(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, bytes)
        .and_then(|_| std::fs::File::open(&tmp)?.sync_all())
        .and_then(|_| std::fs::rename(&tmp, path))
        .map_err(|e| StoreError::io("write", path, e))
}
