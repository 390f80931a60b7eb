//! `verify`: the journal's chain, and the store against the journal; when the journal is
//! broken, whether the store on its own can be vouched for. The store is held against the
//! newest checkpoint and the journal's tail as a stream (`streamed`); where that cannot vouch
//! for it, or when asked, against a replay of the whole journal, which says where and why.

mod settle;
mod streamed;

pub(super) use settle::{settle, write_synced};

use chrono::NaiveDateTime;
use std::collections::BTreeMap;
use std::path::Path;

use super::findings::{Doubt, Finding, Kind, Report, Whereabouts};
use super::journal::{BrokenLine, Entry, read_all};
use super::sealing::{Broken, broken_seal, refused_seal, unanchored};
use super::tables::{Head, Tables};
use super::{JOURNAL_FILE, STORE_DIR, StoreError, lock, snapshot};
use yishi_domain::{self as domain, MeetingId, MemoryRecords, Write};

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
/// Signatures whose record the journal no longer leads to are added to `seals`.
pub(super) fn replay<E: std::borrow::Borrow<Entry>>(
    entries: impl ExactSizeIterator<Item = E>,
    writers: &mut Writers,
    seals: &mut Vec<Broken>,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<MemoryRecords, StoreError> {
    let mut records = MemoryRecords::default();
    // Reading the store back counts as one more step after the replay.
    let total = entries.len() as u64 + 1;
    for (done, e) in entries.enumerate() {
        progress(done as u64, total);
        let change = e.borrow().change()?;
        let (seq, at) = (e.borrow().seq, e.borrow().at);
        seals.extend(broken_seal(e.borrow(), &change));
        drop(e);
        let imported = matches!(
            change,
            domain::Change::Import(_) | domain::Change::ImportPart(_) | domain::Change::Restore(_)
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
    let records = replay(
        entries.iter(),
        &mut writers,
        &mut Vec::new(),
        &mut |_, _| (),
    )
    .unwrap_or_default();
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

/// Checks the journal's hash chain and that the store holds exactly what the journal says:
/// through the checkpoint as a stream, unless `replay` asks for the whole journal replayed.
pub fn verify(
    dir: &Path,
    replay: bool,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Report, StoreError> {
    if !replay && let Some(report) = streamed::verify(dir, progress)? {
        return Ok(report);
    }
    replayed(dir, progress)
}

/// The journal replayed from its first line, and the store held against that.
///
/// While another process holds the database (a console running a meeting) or where it may
/// not be written, the check runs on a private copy of the store, against the journal's lines
/// up to the copy's head; lines recorded after the copy was taken are checked for their chain.
fn replayed(dir: &Path, progress: &mut dyn FnMut(u64, u64)) -> Result<Report, StoreError> {
    let lock = lock::try_acquire(dir)?;
    let (copy, tables) = match lock {
        // A missing store is found missing, not made afresh.
        Some(_) if !dir.join(STORE_DIR).exists() => (
            None,
            Err(StoreError::io(
                "open",
                &dir.join(STORE_DIR),
                std::io::ErrorKind::NotFound.into(),
            )),
        ),
        Some(_) => (None, settle(dir)),
        None => beside_writer(dir)?,
    };
    let (mut entries, broken) = read_all(&dir.join(JOURNAL_FILE))?;
    if copy.is_some()
        && broken.is_none()
        && let Ok(Ok(head)) = tables.as_ref().map(|t| t.head())
    {
        // Lines the writer appended after the copy was completed: their chain is checked
        // above; the copy cannot hold them.
        entries.truncate(usize::try_from(head.seq).unwrap_or(usize::MAX));
    }
    let mut report = Report {
        changes: entries.len() as u64,
        ..Report::default()
    };
    if let Some(b) = broken {
        report.problems.push(journal_finding(&entries, b));
        // The store holds more than what is left of the journal, and rightly: it is not
        // compared with that, but judged on its own.
        let prefix = replay(
            entries.iter(),
            &mut Writers::new(),
            &mut Vec::new(),
            progress,
        )?;
        report
            .problems
            .push(match tables.and_then(|t| Ok((t.load_all()?, t.head()?))) {
                Ok((stored, head)) => match vouch(&stored, &head, &prefix, &entries) {
                    Ok(()) => Finding::StoreWhole,
                    Err(doubt) => Finding::StoreDoubted(doubt),
                },
                Err(e) => Finding::Store(e.said()),
            });
        return Ok(report);
    }
    let mut writers = Writers::new();
    let mut seals = Vec::new();
    let expected = match replay(entries.iter(), &mut writers, &mut seals, progress) {
        Ok(records) => records,
        Err(e) => match refused_seal(&entries, &e) {
            Some(broken) => {
                let upto = broken_line(&broken).saturating_sub(1) as usize;
                let before = entries.get(..upto).unwrap_or(&entries);
                let records = replay(
                    before.iter(),
                    &mut Writers::new(),
                    &mut Vec::new(),
                    &mut |_, _| (),
                )
                .unwrap_or_default();
                report.problems.push(seal_finding(broken, &records));
                return Ok(report);
            }
            None => return Err(e),
        },
    };
    let anchors = match &tables {
        Ok(t) => unanchored(t, &entries, &expected)?,
        Err(_) => Vec::new(),
    };
    drop(entries);
    // A record rewritten after it was signed is said first: it is why the rest differs.
    let rewritten: Vec<MeetingId> = seals.iter().map(Broken::meeting).collect();
    let anchors = anchors
        .into_iter()
        .filter(|b| !rewritten.contains(&b.meeting()));
    for broken in seals.into_iter().chain(anchors) {
        report.problems.push(seal_finding(broken, &expected));
    }
    let total = report.changes + 1;
    progress(total - 1, total);
    if !report.problems.is_empty() {
        // The journal contradicts a signature: where the store differs from it, the store may
        // well hold the record as signed, and blaming it would only invite a repair.
        progress(total, total);
        return Ok(report);
    }
    // The store is read one record at a time against the replay, never whole.
    let compared = tables.and_then(|t| Ok((t.first_difference(&expected)?, t.head()?, t)));
    match compared {
        Err(e) => report.problems.push(Finding::Store(e.said())),
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
    report.problems.extend(
        super::checkpoint::check(dir)
            .into_iter()
            .map(Finding::Checkpoint),
    );
    progress(total, total);
    Ok(report)
}

/// The store as a reader beside a writer sees it: a private copy, completed from the
/// journal's tail as the writer's own next open would complete it (the writer's rows reach
/// its files when sled will, so its files alone may be any number of changes behind; that is
/// not damage). A copy that cannot be completed (its head is not on the journal, or the
/// journal breaks) is judged as it stands.
fn beside_writer(
    dir: &Path,
) -> Result<(Option<snapshot::Snapshot>, Result<Tables, StoreError>), StoreError> {
    match super::Store::read_copy_retrying(dir) {
        Ok(store) => {
            let super::Store {
                tables, snapshot, ..
            } = store;
            Ok((snapshot, Ok(tables)))
        }
        Err(StoreError::Busy) => Err(StoreError::Busy),
        Err(_) => {
            let copy = snapshot::take(dir)?;
            let tables = Tables::open(&copy.path).and_then(|t| t.finish_interrupted().map(|_| t));
            Ok((Some(copy), tables))
        }
    }
}

fn broken_line(b: &Broken) -> u64 {
    match b {
        Broken::Rewritten { line, .. } | Broken::Invalid { line, .. } => *line,
        Broken::NotInJournal { .. } => 0,
    }
}

/// A signature the record no longer leads to, placed at its meeting.
pub(super) fn seal_finding(broken: Broken, records: &MemoryRecords) -> Finding {
    let meeting = broken.meeting();
    let at = Whereabouts {
        meeting: records
            .meetings
            .get(&meeting)
            .map(|m| (meeting, m.year, m.number)),
        written: None,
    };
    Finding::Seal { broken, at }
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
