//! `repair`: the record made whole again from whichever source holds it whole, never with
//! fewer records than an intact source holds. A whole journal rebuilds the store. A journal
//! that breaks, beside a store that can be vouched for, is restored from the store: its
//! intact lines are kept and one line carries the store's records in place of the rest. Where
//! neither can be vouched for, what the journal proves is kept, and only when told to accept
//! the loss, naming every change it drops. The damaged files are always kept aside.

use std::path::Path;
use yishi_domain::Restore;

use super::findings::{Lost, Report, Restored};
use super::journal::{Break, BrokenLine, Entry, read_all};
use super::sealing::{Broken, broken_seal, refused_seal, unanchored};
use super::tables::{Head, Tables};
use super::verify::{Writers, journal_finding, replay, settle, vouch, write_synced};
use super::{JOURNAL_FILE, STORE_DIR, StoreError, checkpoint, lock, snapshot};
use yishi_domain::{Change, MemoryRecords, Write};

/// The journal's lines that replay, from the first: the records they make, and how many.
fn replay_as_far(entries: &[Entry]) -> (MemoryRecords, usize) {
    for n in (0..=entries.len()).rev() {
        let seals = &mut Vec::new();
        if let Ok(r) = replay(
            entries[..n].iter(),
            &mut Writers::new(),
            seals,
            &mut |_, _| (),
        ) {
            return (r, n);
        }
    }
    (MemoryRecords::default(), 0)
}

/// The journal's lines and where its chain breaks; a missing journal breaks at its first line.
fn read_journal(path: &Path) -> Result<(Vec<Entry>, Option<BrokenLine>), StoreError> {
    match read_all(path) {
        Err(StoreError::Io { error, .. }) if error.kind() == std::io::ErrorKind::NotFound => {
            let broken = BrokenLine {
                line: 1,
                entry: None,
                why: Break::Unreadable("missing".into()),
            };
            Ok((Vec::new(), Some(broken)))
        }
        other => other,
    }
}

/// The lines after the first `kept`, as far as they can be read: what a repair that keeps only
/// `kept` lines drops.
fn lines_after(path: &Path, kept: usize) -> Vec<Lost> {
    let text = std::fs::read(path).unwrap_or_default();
    text.split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .enumerate()
        .skip(kept)
        .map(|(i, line)| {
            let entry: Option<Entry> = serde_json::from_slice(line).ok();
            Lost {
                line: i as u64 + 1,
                at: entry.as_ref().map(|e| e.at),
                meeting: entry
                    .as_ref()
                    .and_then(|e| e.change().ok())
                    .and_then(|c| c.meeting()),
            }
        })
        .collect()
}

pub fn repair(
    dir: &Path,
    accept_loss: bool,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Report, StoreError> {
    let _lock = lock::acquire(dir)?;
    let mut report = repair_held(dir, accept_loss, progress)?;
    let damaged = checkpoint::check(dir);
    if !report.untouched || !damaged.is_empty() {
        // The checkpoints were made from the record as it was; readers start again from the
        // one made now (or, should that fail, from the journal's first line).
        checkpoint::clear(dir)?;
        let _ = checkpoint::advance(dir);
        report.checkpoints_remade = !damaged.is_empty();
        report.problems.extend(
            damaged
                .into_iter()
                .map(super::findings::Finding::Checkpoint),
        );
    }
    Ok(report)
}

fn repair_held(
    dir: &Path,
    accept_loss: bool,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Report, StoreError> {
    refuse_broken_seals(dir)?;
    // A missing store is a source that holds nothing; opening it would make an empty one.
    let tables = if dir.join(STORE_DIR).exists() {
        settle(dir)
    } else {
        Err(StoreError::io(
            "open",
            &dir.join(STORE_DIR),
            std::io::ErrorKind::NotFound.into(),
        ))
    };
    let journal_path = dir.join(JOURNAL_FILE);
    let (entries, broken) = read_journal(&journal_path)?;
    // A line that reads but cannot be replayed ends the proven part too.
    let (prefix, replayed) = replay_as_far(&entries);
    let proven = &entries[..replayed];
    let whole = broken.is_none() && replayed == entries.len();
    if whole
        && let Ok(t) = &tables
        && healthy(t, &prefix, replayed as u64)
    {
        // Nothing to make whole: a healthy database is left exactly as it is.
        return Ok(Report {
            changes: replayed as u64,
            untouched: true,
            ..Report::default()
        });
    }
    let store = tables.and_then(|t| Ok((t.load_all()?, t.head()?)));
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S").to_string();
    let mut report = Report {
        changes: replayed as u64,
        ..Report::default()
    };
    let store_ahead = store.as_ref().is_ok_and(|(_, h)| h.seq > replayed as u64);
    if whole && !store_ahead {
        // The journal holds everything: the store is made again from it.
        let head = head_after(proven, &journal_path)?;
        rebuild(dir, &prefix, &head, &stamp, &mut report, progress)?;
        return Ok(report);
    }
    match broken {
        Some(b) => report.problems.push(journal_finding(&entries, b)),
        None if replayed < entries.len() => report.problems.push(super::findings::Finding::Store(
            StoreError::Replay {
                seq: replayed as u64 + 1,
                reason: None,
            }
            .said(),
        )),
        None => {}
    }
    // Where the damaged journal will be kept; it is copied there only once the repair is sure
    // to go on, so that a refused repair leaves the directory as it was.
    let aside = aside_name(dir, JOURNAL_FILE, &stamp);
    let mut lines: String = String::new();
    for e in proven {
        lines += &e.line()?;
    }
    let records = match store {
        Ok((stored, head)) if vouch(&stored, &head, &prefix, proven).is_ok() => {
            // The store stands in for the lines after the proven part: one line carries its
            // records, chained onto the last proven line.
            let first = replayed as u64 + 1;
            let last = head.seq.max(entries.len() as u64).max(first);
            let name = aside
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            let span = if first == last {
                format!("第{first}项")
            } else {
                format!("第{first}至{last}项")
            };
            let reason =
                format!("日志第{first}行起损坏，{span}变更据数据库补回；原日志保留为 {name}");
            let prev = proven.last().map_or(super::GENESIS, |e| e.hash.as_str());
            let change = Change::Restore(Restore {
                document: Box::new(stored.to_document()),
                reason,
            });
            let entry = Entry::new(first, super::now(), prev, &change)?;
            lines += &entry.line()?;
            report.restored = Some(Restored {
                from: first,
                to: last,
                records: stored.to_document().writes().len(),
            });
            report.changes += 1;
            stored
        }
        _ => {
            // Neither source is whole: only what the journal proves can be kept.
            let lost = lines_after(&journal_path, replayed);
            if !accept_loss && !lost.is_empty() {
                return Err(StoreError::WouldLose { lost });
            }
            report.lost = lost;
            prefix
        }
    };
    if journal_path.exists() {
        std::fs::copy(&journal_path, &aside)
            .map_err(|e| StoreError::io("copy", &journal_path, e))?;
        report.kept_aside.push(aside.display().to_string());
    }
    write_synced(&journal_path, lines.as_bytes())?;
    let head = head_after_lines(&lines, &journal_path)?;
    rebuild(dir, &records, &head, &stamp, &mut report, progress)?;
    Ok(report)
}

/// Refuses, before anything is written, a repair of a record that contradicts a signature:
/// a journal line whose seal no longer follows the record it signed or is not its signers',
/// and a store signed over a record the journal no longer leads to. The store is read on a
/// private copy, so that a refused repair leaves every file as it was.
fn refuse_broken_seals(dir: &Path) -> Result<(), StoreError> {
    let (entries, _) = read_journal(&dir.join(JOURNAL_FILE))?;
    let (prefix, replayed) = replay_as_far(&entries);
    let copy = if dir.join(STORE_DIR).exists() {
        Some(snapshot::take(dir)?)
    } else {
        None
    };
    let tables = copy
        .as_ref()
        .map(|c| Tables::open(&c.path).and_then(|t| t.finish_interrupted().map(|_| t)));
    // A record rewritten after it was signed is adopted by no repair, whichever side holds it.
    let mut seals: Vec<Broken> = entries
        .iter()
        .filter_map(|e| e.change().ok().and_then(|c| broken_seal(e, &c)))
        .collect();
    if replayed < entries.len()
        && let Err(e) = replay(
            entries[..=replayed].iter(),
            &mut Writers::new(),
            &mut Vec::new(),
            &mut |_, _| (),
        )
    {
        seals.extend(refused_seal(&entries, &e));
    }
    if let Some(Ok(t)) = &tables {
        let rewritten: Vec<_> = seals.iter().map(Broken::meeting).collect();
        let store_side = unanchored(t, &entries, &prefix)?;
        seals.extend(
            store_side
                .into_iter()
                .filter(|b| !rewritten.contains(&b.meeting())),
        );
    }
    if !seals.is_empty() {
        let findings = seals
            .into_iter()
            .map(|broken| super::verify::seal_finding(broken, &prefix))
            .collect();
        return Err(StoreError::SealBroken(findings));
    }
    Ok(())
}

/// Whether the store holds exactly what the journal's `changes` make, its indexes included.
fn healthy(tables: &Tables, expected: &MemoryRecords, changes: u64) -> bool {
    tables.head().is_ok_and(|h| h.seq == changes)
        && tables.first_difference(expected).is_ok_and(|d| d.is_none())
        && tables.indexes_match(expected).unwrap_or(false)
}

/// A name for `base` to be kept aside under, not yet taken (two repairs may run in a second).
fn aside_name(dir: &Path, base: &str, stamp: &str) -> std::path::PathBuf {
    let mut path = dir.join(format!("{base}.damaged-{stamp}"));
    let mut n = 2;
    while path.exists() && n < 1000 {
        path = dir.join(format!("{base}.damaged-{stamp}-{n}"));
        n += 1;
    }
    path
}

/// The head after the last of `entries`, with the journal's length as it stands.
fn head_after(entries: &[Entry], journal: &Path) -> Result<Head, StoreError> {
    let journal_len = match std::fs::metadata(journal) {
        Ok(m) => m.len(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => 0,
        Err(e) => return Err(StoreError::io("read", journal, e)),
    };
    Ok(entries.last().map_or_else(Head::default, |e| Head {
        seq: e.seq,
        hash: e.hash.clone(),
        journal_len,
    }))
}

/// The head after the last of the journal `lines` just written.
fn head_after_lines(lines: &str, journal: &Path) -> Result<Head, StoreError> {
    let last = lines.lines().last();
    let entries: Vec<Entry> = last
        .map(serde_json::from_str)
        .transpose()
        .map_err(|e| StoreError::Damaged {
            detail: e.to_string(),
        })?
        .into_iter()
        .collect();
    head_after(&entries, journal)
}

/// A new store of `records` at `head`, put in place of the old one, which is kept aside.
fn rebuild(
    dir: &Path,
    records: &MemoryRecords,
    head: &Head,
    stamp: &str,
    report: &mut Report,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<(), StoreError> {
    let rebuilt = dir.join(format!("{STORE_DIR}.rebuild"));
    if rebuilt.exists() {
        std::fs::remove_dir_all(&rebuilt).map_err(|e| StoreError::io("remove", &rebuilt, e))?;
    }
    {
        let tables = Tables::open(&rebuilt)?;
        let writes: Vec<Write> = records.to_document().writes();
        tables.commit(&writes, head, progress)?;
    }
    let current = dir.join(STORE_DIR);
    if current.exists() {
        let aside = aside_name(dir, STORE_DIR, stamp);
        std::fs::rename(&current, &aside).map_err(|e| StoreError::io("move", &current, e))?;
        report.kept_aside.push(aside.display().to_string());
    }
    std::fs::rename(&rebuilt, &current).map_err(|e| StoreError::io("move", &rebuilt, e))?;
    Ok(())
}
