//! The record on disk: an append-only, hash-chained journal of every change, and beside it sled
//! trees holding each record as JSON under its big-endian id. The journal is the write-ahead
//! log: a change is acknowledged once its line is durable, and the trees, written behind it,
//! are completed from the journal's tail at the next open; at start the two are compared.
//! Readers open neither: they read the checkpoints beside the journal and its tail (`Reader`).

mod appender;
mod archive;
mod breaks;
mod checkpoint;
mod clock;
mod error;
pub mod file;
mod findings;
mod holder;
mod import;
mod journal;
pub mod keys;
mod layout;
mod lock;
pub mod private;
mod reader;
mod reads;
mod recent;
mod repair;
mod rows;
pub mod seal;
mod sealing;
mod snapshot;
mod tables;
mod trees;
mod unfinished_import;
mod verify;
mod words;

pub use archive::Archive;
pub use breaks::Broken as BrokenSeal;
pub use clock::{now, start_clock_at};
pub use error::{StoreError, completed_note};
pub use findings::{Disagreement, Finding, Kind, Report, Whereabouts};
pub use import::{ImportError, Imported, Step as ImportStep};
pub use journal::Entry;
pub use lock::Holder;
pub use reader::Reader;
pub use repair::repair;
pub use tables::{GENESIS, Head, MeetingHead};
pub use verify::verify;

pub(crate) use layout::{FULL_CHECK_LIMIT, JOURNAL_FILE, STORE_DIR};

use chrono::NaiveDateTime;
use std::fs::File;
use std::path::{Path, PathBuf};
use yishi_domain::{ImportPart, SignMeeting};

use journal::Journal;
use tables::Tables;
use yishi_domain::{self as domain, Change};

/// The journal of the database in `dir`, every line, its chain checked: what a district copy
/// is sent. A journal whose chain breaks is refused, saying where.
pub fn journal_lines(dir: &Path) -> Result<Vec<Entry>, StoreError> {
    let (entries, broken) = journal::read_all(&dir.join(JOURNAL_FILE))?;
    match broken {
        None => Ok(entries),
        Some(b) => Err(StoreError::Journal {
            line: b.line,
            detail: format!("{:?}", b.why),
        }),
    }
}

/// An open database: the lock, the sled trees and the journal; or, for `verify` beside a
/// console, a private copy of the trees brought up to the journal's end.
pub struct Store {
    closing: Closing,
    dir: PathBuf,
    tables: Tables,
    journal: Journal,
    head: Head,
    _lock: Option<File>,
    /// Changes cut off by a crash or a failed write that opening completed, by number.
    completed: Vec<u64>,
    /// The records last written or read, decoded.
    recent: recent::Recent,
    /// Dropped after the trees it holds (fields drop in order).
    snapshot: Option<snapshot::Snapshot>,
}

impl Store {
    /// Opens (creating if needed) the database in `dir` to change it, refusing to run on a
    /// store that does not agree with its journal.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        private::create_dir_all(dir).map_err(|e| StoreError::io("create", dir, e))?;
        let lock = lock::acquire(dir)?;
        private::tighten(dir);
        snapshot::sweep(dir);
        let tables = Tables::open(&dir.join(STORE_DIR))?;
        tables.check_readable(FULL_CHECK_LIMIT)?;
        let settled = tables.finish_interrupted()?;
        let head = tables.head()?;
        let mut journal = Journal::open(&dir.join(JOURNAL_FILE))?;
        let mut completed: Vec<u64> = settled.completed.into_iter().collect();
        if let Some((last, line)) = settled.last
            && journal.complete(&last, &line)?
        {
            completed.push(last.seq);
        }
        let head = unfinished_import::settle_import(&tables, &mut journal, true)?.unwrap_or(head);
        journal.check_head(&head)?;
        if head.seq == 0 && journal.len() == 0 && !tables.is_empty() {
            // Records of an import that failed and was taken back from the journal (a full
            // disk, say) before its head was written: no change ever held them.
            tables.clear_records()?;
        }
        // Changes whose journal lines are durable but whose store rows had not reached the
        // disk when the process stopped (any number: sled writes when it will) are completed
        // here, from the journal.
        let pending = journal.entries_after(&head)?;
        let mut store = Store {
            closing: Closing {
                dir: dir.to_path_buf(),
                writer: true,
            },
            dir: dir.to_path_buf(),
            tables,
            journal,
            head,
            _lock: Some(lock),
            snapshot: None,
            completed,
            recent: Default::default(),
        };
        if !pending.is_empty() {
            store.catch_up(pending)?;
            store.tables.sync()?;
        }
        Ok(store)
    }

    /// A private copy, tried again while writes keep landing in the files as it is taken.
    pub(crate) fn read_copy_retrying(dir: &Path) -> Result<Store, StoreError> {
        let mut tries = 0;
        loop {
            match Store::read_copy(dir) {
                Err(StoreError::Busy) if tries < 20 => {
                    tries += 1;
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                other => return other,
            }
        }
    }

    /// A private copy of the store, brought up to the end of the journal.
    fn read_copy(dir: &Path) -> Result<Store, StoreError> {
        let copy = snapshot::take(dir)?;
        let tables = Tables::open(&copy.path)?;
        tables.check_readable(FULL_CHECK_LIMIT)?;
        let settled = tables.finish_interrupted()?;
        let head = tables.head()?;
        let journal_path = dir.join(JOURNAL_FILE);
        let mut journal = if journal_path.exists() {
            Journal::open_read(&journal_path)?
        } else {
            let empty = copy.path.join(JOURNAL_FILE);
            private::write(&empty, b"").map_err(|e| StoreError::io("create", &empty, e))?;
            Journal::open_read(&empty)?
        };
        // An import under way is not read until it is whole: its lines are all that follow.
        let taken_back = unfinished_import::settle_import(&tables, &mut journal, false)?;
        let head = taken_back.clone().unwrap_or(head);
        let mut store = Store {
            closing: Closing {
                dir: dir.to_path_buf(),
                writer: false,
            },
            dir: dir.to_path_buf(),
            tables,
            journal,
            head: head.clone(),
            _lock: None,
            snapshot: Some(copy),
            completed: settled.completed.into_iter().collect(),
            recent: Default::default(),
        };
        store.journal.check_head(&head)?;
        // The journal's lines past the copy's head, chained onto it: recorded since.
        if taken_back.is_none() {
            let pending = store.journal.read_after(&head)?;
            store.catch_up(pending)?;
        }
        Ok(store)
    }

    /// Applies journal lines the store does not hold yet.
    fn catch_up(&mut self, pending: Vec<Entry>) -> Result<(), StoreError> {
        self.recent.forget();
        for entry in pending {
            if self.snapshot.is_none() {
                self.completed.push(entry.seq);
            }
            let change = entry.change()?;
            let first_part = matches!(change, Change::ImportPart(ImportPart { part: 0, .. }));
            if first_part || matches!(change, Change::Import(_)) && self.head.seq == 0 {
                // An import cut short: its chunks are partly written, its head is not.
                self.tables.clear_records()?;
            }
            let writes =
                domain::replay_owned(change, entry.at, &*self).map_err(|r| StoreError::Replay {
                    seq: entry.seq,
                    reason: Some(r),
                })?;
            let head = Head {
                seq: entry.seq,
                hash: entry.hash.clone(),
                journal_len: self.head.journal_len + entry.line_len,
            };
            let committed = self.tables.commit(&writes, &head, &mut |_, _| ());
            // What the replay read is now as the change left it.
            self.recent.forget();
            committed?;
            self.head = head;
        }
        Ok(())
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The number of changes recorded so far.
    pub fn seq(&self) -> u64 {
        self.head.seq
    }

    /// Validates and records one change; returns only once it is durable.
    /// Returns the records as the change left them, so a reader need not read them again.
    pub fn apply(
        &mut self,
        change: &Change,
        at: NaiveDateTime,
    ) -> Result<Vec<domain::Write>, StoreError> {
        self.apply_reporting(change, at, &mut |_, _| ())
    }

    /// As `apply`, telling `progress` how many of the change's records are written so far and
    /// of how many (an import writes thousands).
    pub fn apply_reporting(
        &mut self,
        change: &Change,
        at: NaiveDateTime,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<Vec<domain::Write>, StoreError> {
        if self.snapshot.is_some() {
            return Err(StoreError::ReadOnly);
        }
        // What the signers signed is the record as it stands now, up to the last line.
        if let Change::SignMeeting(SignMeeting {
            sealed: Some(s), ..
        }) = change
            && s.record != self.head.hash
        {
            let stale = domain::Refusal::Sealing(domain::Sealing::Stale);
            return Err(StoreError::Refused(stale));
        }
        let writes = domain::apply(change, at, self).map_err(StoreError::Refused)?;
        let written = self.write(change, at, &writes, progress);
        match written {
            Ok(()) if Tables::fits_one_step(&writes) => self.recent.wrote(&writes),
            _ => self.recent.forget(),
        }
        written.map_err(|e| StoreError::NotSaved(Box::new(e)))?;
        Ok(writes)
    }

    /// Makes a validated change durable in the journal and the store, or takes it back.
    fn write(
        &mut self,
        change: &Change,
        at: NaiveDateTime,
        writes: &[domain::Write],
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<(), StoreError> {
        let entry = Entry::new(self.head.seq + 1, at, &self.head.hash, change)?;
        let line = entry.line()?;
        let before = self.journal.len();
        let head = Head {
            seq: entry.seq,
            hash: entry.hash,
            journal_len: before + line.len() as u64,
        };
        // An import's part is written as an import is, in chunks flushed one by one.
        let many = matches!(change, Change::ImportPart(_)) || !Tables::fits_one_step(writes);
        if !many {
            // The journal is the write-ahead log: the change is recorded once its line is
            // durable. The store's rows follow in sled's memory, written to its files when sled
            // will; should the process stop first, the next open replays them from the journal.
            self.journal.append(line.as_bytes())?;
            if let Err(e) = self.tables.stage(writes, &head, &self.head) {
                self.journal.truncate(before)?;
                return Err(e);
            }
            let total = writes.len() as u64;
            progress(total, total);
        } else {
            // An import: the journal line first, then the records in chunks. The head comes
            // last, so until then the line counts as not yet applied and is replayed at the
            // next open.
            self.journal.append(line.as_bytes())?;
            if let Err(e) = self.tables.commit_chunks(writes, &head, progress) {
                self.journal.truncate(before)?;
                if matches!(change, Change::Import(_)) {
                    self.tables.clear_records()?;
                }
                return Err(e);
            }
        }
        self.head = head;
        Ok(())
    }

    /// Changes cut off earlier (by a crash, or a write that failed) that opening completed:
    /// they are recorded now.
    pub fn completed(&self) -> &[u64] {
        &self.completed
    }

    /// Where the record stands: the last change recorded and where its journal line ends.
    pub fn head(&self) -> Head {
        self.head.clone()
    }

    /// The changes recorded since `head`, or nothing if `head` is not a point on this
    /// database's journal (a cache made from another database, or before a repair).
    pub fn changes_since(&self, head: &Head) -> Result<Option<Vec<Change>>, StoreError> {
        if head.seq > self.head.seq || head.journal_len > self.head.journal_len {
            return Ok(None);
        }
        let Ok(entries) = self.journal.read_after(head) else {
            return Ok(None);
        };
        entries.iter().map(|e| e.change().map(Some)).collect()
    }

    /// Brings the checkpoints beside the journal up to this process's last change, so that
    /// readers start from there. Done when the store is closed; a checkpoint is only a
    /// shortcut, so one that fails is tried again at the next close.
    pub fn checkpoint(&self) -> Result<(), StoreError> {
        if !self.closing.writer {
            return Ok(());
        }
        checkpoint::advance(&self.dir)
    }

    /// A fresh id for a new record, above every id in use.
    pub fn next_id(&self) -> Result<u64, StoreError> {
        Ok(self.tables.max_id()? + 1)
    }
}

/// Brings the checkpoints up to date when a writer's store closes: the first field of `Store`,
/// so it is dropped while the lock is still held.
struct Closing {
    dir: PathBuf,
    writer: bool,
}

impl Drop for Closing {
    fn drop(&mut self) {
        // Nothing of the record depends on it: readers replay the journal past any checkpoint.
        if self.writer {
            let _ = checkpoint::advance(&self.dir);
        }
    }
}
