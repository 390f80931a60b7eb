//! `verify`: the journal's chain, and the store against a replay of the journal; when the
//! journal is broken, whether the store on its own can be vouched for.

use chrono::NaiveDateTime;
use std::collections::BTreeMap;
use std::path::Path;

use super::findings::{Doubt, Finding, Kind, Report, Whereabouts};
use super::journal::{BrokenLine, Entry, Journal, read_all};
use super::tables::{Head, Tables};
use super::{JOURNAL_FILE, STORE_DIR, StoreError, lock, snapshot};
use crate::domain::{self, MeetingId, MemoryRecords, Write};

/// Which journal change last wrote each record, and the meeting it concerned.
pub(super) type Writers = BTreeMap<(Kind, u64), (NaiveDateTime, Option<MeetingId>)>;

fn key(w: &Write) -> ((Kind, u64), Option<MeetingId>) {
    match w {
        Write::Council(c) => ((Kind::Council, c.id.0), None),
        Write::Meeting(m) => ((Kind::Meeting, m.id.0), Some(m.id)),
        Write::Matter(x) => ((Kind::Matter, x.id.0), None),
        Write::Motion(v) => ((Kind::Motion, v.id.0), Some(v.meeting)),
    }
}

/// The time a record carries of its own last event.
fn own_time(w: &Write) -> Option<NaiveDateTime> {
    match w {
        Write::Council(_) => None,
        Write::Meeting(m) => m
            .corrections
            .last()
            .map(|c| c.at)
            .or(m.signature.as_ref().map(|s| s.at))
            .or(m.end)
            .or(Some(m.start)),
        Write::Matter(x) => x.history.last().map(|t| t.at).or(Some(x.opened)),
        Write::Motion(v) => v.closed.or(v.opened),
    }
}

/// Replays journal entries into memory from nothing; entries given up are let go one by one as
/// they are replayed.
pub(super) fn replay<E: std::borrow::Borrow<Entry>>(
    entries: impl ExactSizeIterator<Item = E>,
    writers: &mut Writers,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<MemoryRecords, StoreError> {
    let mut records = MemoryRecords::default();
    // Reading the store back counts as one more step after the replay.
    let total = entries.len() as u64 + 1;
    for (done, e) in entries.enumerate() {
        progress(done as u64, total);
        let change = e.borrow().change()?;
        let (seq, at) = (e.borrow().seq, e.borrow().at);
        drop(e);
        let imported = matches!(
            change,
            domain::Change::Import { .. }
                | domain::Change::ImportPart { .. }
                | domain::Change::Restore { .. }
        );
        let meeting = change.meeting();
        let writes =
            domain::replay_owned(change, at, &records).map_err(|r| StoreError::Replay {
                seq,
                reason: Some(r),
            })?;
        for w in writes {
            let (k, own) = key(&w);
            // An imported record was written when it happened, not when it was imported.
            let at = if imported {
                own_time(&w).unwrap_or(at)
            } else {
                at
            };
            writers.insert(k, (at, own.or(meeting)));
            records.put(w);
        }
    }
    Ok(records)
}

fn whereabouts(
    records: &MemoryRecords,
    writer: Option<&(NaiveDateTime, Option<MeetingId>)>,
) -> Whereabouts {
    let Some((at, meeting)) = writer else {
        return Whereabouts::default();
    };
    Whereabouts {
        meeting: meeting.and_then(|id| records.meetings.get(&id).map(|m| (id, m.year, m.number))),
        written: Some(*at),
    }
}

/// Where a broken journal line sits: its time and meeting, when the line can still be read.
pub(super) fn journal_finding(entries: &[Entry], broken: BrokenLine) -> Finding {
    let mut writers = Writers::new();
    let records = replay(entries.iter(), &mut writers, &mut |_, _| ()).unwrap_or_default();
    let at = match &broken.entry {
        Some(e) => {
            let meeting = e.change().ok().and_then(|c| c.meeting());
            whereabouts(&records, Some(&(e.at, meeting)))
        }
        None => Whereabouts::default(),
    };
    Finding::Journal {
        line: broken.line,
        at,
        why: broken.why,
    }
}

/// Checks the journal's hash chain and that the store holds exactly what the journal says.
///
/// While another process holds the database (a console running a meeting) or where it may
/// not be written, the check runs on a private copy of the store, against the journal's lines
/// up to the copy's head; lines recorded after the copy was taken are checked for their chain.
pub fn verify(dir: &Path, progress: &mut dyn FnMut(u64, u64)) -> Result<Report, StoreError> {
    let lock = lock::try_acquire(dir)?;
    // Lines recorded from here on may postdate the copy; older ones must all be in it.
    let started = super::now() - chrono::Duration::seconds(2);
    let copy = match lock {
        Some(_) => None,
        None => Some(snapshot::take(&dir.join(STORE_DIR))?),
    };
    let tables = match &copy {
        None => settle(dir),
        Some(c) => Tables::open(&c.path).and_then(|t| t.finish_interrupted().map(|_| t)),
    };
    let (mut entries, broken) = read_all(&dir.join(JOURNAL_FILE))?;
    if copy.is_some()
        && let Ok(head) = tables.as_ref().map(|t| t.head())
        && let Ok(head) = head
        && broken.is_none()
    {
        let held = usize::try_from(head.seq).unwrap_or(usize::MAX);
        let older = entries
            .iter()
            .rposition(|e| e.at < started)
            .map_or(0, |i| i + 1);
        entries.truncate(held.max(older));
    }
    let mut report = Report {
        changes: entries.len() as u64,
        ..Report::default()
    };
    if let Some(b) = broken {
        report.problems.push(journal_finding(&entries, b));
        // The store holds more than what is left of the journal, and rightly: it is not
        // compared with that, but judged on its own.
        let prefix = replay(entries.iter(), &mut Writers::new(), progress)?;
        report
            .problems
            .push(match tables.and_then(|t| Ok((t.load_all()?, t.head()?))) {
                Ok((stored, head)) => match vouch(&stored, &head, &prefix, &entries) {
                    Ok(()) => Finding::StoreWhole,
                    Err(doubt) => Finding::StoreDoubted(doubt),
                },
                Err(e) => Finding::Store(e),
            });
        return Ok(report);
    }
    let mut writers = Writers::new();
    let expected = replay(entries.into_iter(), &mut writers, progress)?;
    let total = report.changes + 1;
    progress(total - 1, total);
    // The store is read one record at a time against the replay, never whole.
    let compared = tables.and_then(|t| Ok((t.first_difference(&expected)?, t.head()?, t)));
    match compared {
        Err(e) => report.problems.push(Finding::Store(e)),
        Ok((difference, head, tables)) => {
            if let Some((kind, id, how)) = difference {
                report.problems.push(Finding::Record {
                    kind,
                    id,
                    how,
                    at: whereabouts(&expected, writers.get(&(kind, id))),
                });
            }
            if head.seq != report.changes {
                report.problems.push(Finding::Count {
                    store: head.seq,
                    journal: report.changes,
                });
            }
            if !tables.indexes_match(&expected)? {
                report.problems.push(Finding::Index);
            }
        }
    }
    progress(total, total);
    Ok(report)
}

/// Opens the store as `Store::open` would first: a change the process stopped in the middle of
/// is completed, in the store and in the journal, before either is checked.
pub(super) fn settle(dir: &Path) -> Result<Tables, StoreError> {
    let tables = Tables::open(&dir.join(STORE_DIR))?;
    let mut journal = Journal::open(&dir.join(JOURNAL_FILE))?;
    if let Some((head, line)) = tables.finish_interrupted()?.last {
        journal.complete(&head, &line)?;
    }
    super::import::settle_import(&tables, &mut journal, true)?;
    Ok(tables)
}

pub(super) fn write_synced(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    super::file::replace(path, bytes).map_err(|e| StoreError::io("write", path, e))
}

/// Whether the store can be vouched for on its own, when the journal breaks after `entries`
/// (whose replay is `prefix`): it keeps every rule an import is held to, holds every record
/// the intact part of the journal holds, is not behind it, and its last change, where the
/// journal still has that line intact, is that line.
pub(super) fn vouch(
    stored: &MemoryRecords,
    head: &Head,
    prefix: &MemoryRecords,
    entries: &[Entry],
) -> Result<(), Doubt> {
    domain::validate(&stored.to_document()).map_err(Doubt::Invalid)?;
    let ids = |r: &MemoryRecords| -> std::collections::BTreeSet<(Kind, u64)> {
        r.to_document().writes().iter().map(|w| key(w).0).collect()
    };
    if let Some((kind, id)) = ids(prefix).difference(&ids(stored)).next() {
        return Err(Doubt::Lacks(*kind, *id));
    }
    let held = entries.len() as u64;
    if head.seq < held {
        return Err(Doubt::Behind {
            store: head.seq,
            journal: held,
        });
    }
    if let Some(e) = head
        .seq
        .checked_sub(1)
        .and_then(|i| entries.get(i as usize))
        && e.hash != head.hash
    {
        return Err(Doubt::OtherHead(head.seq));
    }
    Ok(())
}
