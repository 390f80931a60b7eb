//! The sled side: one tree per kind of record, values as JSON under big-endian ids, and a meta
//! tree with the schema version and the head (the last journal change applied).

use serde::de::DeserializeOwned;
use std::fs::File;
use std::path::{Path, PathBuf};

mod check;
pub(crate) mod heads;
mod importing;
mod open;
mod read;

pub(crate) use check::IndexCheck;
pub use heads::{GENESIS, Head, MeetingHead, Settled};

use super::StoreError;
use super::rows::{self, Row, corrupt, encode};
pub use super::trees::*;
use yishi_domain::{ReadError, Write};

const META: &str = "meta";
const HEAD_KEY: &[u8] = b"head";
/// The rows of the change being written and the head they lead to (see `rows`).
const REDO_KEY: &[u8] = b"redo";
const SCHEMA_KEY: &[u8] = b"schema";
/// The layout of the trees. 1: records and meeting heads. 2: heads carry the signature and
/// correction count, and open matters are indexed by council. 3: meetings are indexed by
/// council. 4: meetings are indexed by when they began. 5: a closed vote too few took part in
/// is marked as deciding nothing, as a replay of its journal marks it.
const STORE_SCHEMA: u32 = 5;
/// Records written between flushes when a change writes many (an import).
const CHUNK: usize = 2_000;
/// sled's page cache. Its default (1 GB) would let a large archive fill memory; the screens
/// read a few records at a time.
const CACHE_BYTES: u64 = 32 * 1024 * 1024;
/// sled's page cache for a read of every record once.
const SCAN_CACHE_BYTES: u64 = 2 * 1024 * 1024;

/// A change handed to sled, with what it replaced.
pub(super) struct Staged {
    replaced: Vec<(&'static str, Vec<u8>, Option<sled::IVec>)>,
    old_head: Vec<u8>,
}

pub(super) struct Tables {
    path: PathBuf,
    db: sled::Db,
    /// sled's log file, kept open for the fsync after every change.
    log: File,
    meta: sled::Tree,
    councils: sled::Tree,
    meetings: sled::Tree,
    heads: sled::Tree,
    open: sled::Tree,
    by_council: sled::Tree,
    by_start: sled::Tree,
    matters: sled::Tree,
    motions: sled::Tree,
}

fn sled_error(path: &Path, e: sled::Error) -> StoreError {
    match e {
        sled::Error::Io(error) => StoreError::Io {
            action: "use",
            path: path.display().to_string(),
            error,
        },
        other => corrupt(other),
    }
}

impl Tables {
    /// What a sled call's failure means: the disk's own error (full, read-only, no
    /// permission) is said as such; anything else is damage.
    fn failed(&self) -> impl Fn(sled::Error) -> StoreError + '_ {
        |e| sled_error(&self.path, e)
    }

    pub(super) fn head(&self) -> Result<Head, StoreError> {
        match self.meta.get(HEAD_KEY).map_err(self.failed())? {
            Some(v) => serde_json::from_slice(&v).map_err(corrupt),
            None => Ok(Head::default()),
        }
    }

    fn tree(&self, name: &str) -> &sled::Tree {
        match name {
            COUNCILS => &self.councils,
            MEETINGS => &self.meetings,
            HEADS => &self.heads,
            OPEN => &self.open,
            BY_COUNCIL => &self.by_council,
            BY_START => &self.by_start,
            MATTERS => &self.matters,
            _ => &self.motions,
        }
    }

    pub(super) fn get<T: DeserializeOwned>(
        &self,
        tree: &str,
        id: u64,
    ) -> Result<Option<T>, ReadError> {
        let bytes = self
            .tree(tree)
            .get(id.to_be_bytes())
            .map_err(|e| ReadError(e.to_string()))?;
        bytes
            .map(|b| serde_json::from_slice(&b).map_err(|e| ReadError(format!("{tree} {id}: {e}"))))
            .transpose()
    }

    /// Whether `writes` is small enough to be written as one atomic step (`stage`); larger
    /// ones (an import, a rebuild) go through `commit` in chunks.
    pub(super) fn fits_one_step(writes: &[Write]) -> bool {
        writes.len() <= CHUNK
    }

    /// Writes a change of a few records as one atomic step (its redo record, its rows, its
    /// head; see `rows`) into sled, which writes it to its files when it will: the change is
    /// already durable in the journal, from whose tail the next open completes whatever the
    /// store lacks. What the rows replaced is kept, so that `revert` can take the change back.
    pub(super) fn stage(
        &self,
        writes: &[Write],
        head: &Head,
        before: &Head,
    ) -> Result<Staged, StoreError> {
        let rows = self.rows_of(writes)?;
        self.meta
            .insert(REDO_KEY, rows::redo(head, &[], &rows)?)
            .map_err(self.failed())?;
        let mut staged = Staged {
            replaced: Vec::with_capacity(rows.len()),
            old_head: encode(before)?,
        };
        if let Err(e) = self.put(&rows, Some(head), &mut staged.replaced) {
            self.revert(staged)?;
            return Err(e);
        }
        Ok(staged)
    }

    /// The rows that store `writes` (see `rows::rows_of`), after the removal of index entries
    /// they leave behind: a meeting that now began at another time.
    fn rows_of(&self, writes: &[Write]) -> Result<Vec<Row>, StoreError> {
        let mut rows = Vec::new();
        for w in writes {
            let Write::Meeting(m) = w else { continue };
            let Some(old) = self
                .heads
                .get(m.id.0.to_be_bytes())
                .map_err(self.failed())?
            else {
                continue;
            };
            let old: MeetingHead = serde_json::from_slice(&old).map_err(corrupt)?;
            if old.start != m.start {
                rows.push(Row {
                    tree: BY_START,
                    key: rows::start_key(old.start, m.id.0).to_vec(),
                    value: None,
                });
            }
        }
        rows.extend(rows::rows_of(writes)?);
        Ok(rows)
    }

    /// Takes a staged change back: the rows it replaced, the head and redo record before it.
    pub(super) fn revert(&self, staged: Staged) -> Result<(), StoreError> {
        for (tree, key, old) in staged.replaced.into_iter().rev() {
            match old {
                Some(v) => self.tree(tree).insert(key, v),
                None => self.tree(tree).remove(key),
            }
            .map_err(self.failed())?;
        }
        // The redo record goes with the change: none is left to complete.
        self.meta
            .insert(HEAD_KEY, staged.old_head)
            .map_err(self.failed())?;
        self.meta.remove(REDO_KEY).map_err(self.failed())?;
        Ok(())
    }

    /// Writes the records and then the new head: in one step if they are few (left for sled to
    /// write when it will, as `stage`), else in chunks with a flush between, so that sled
    /// neither holds them all in memory nor scatters them over its file, and then made durable,
    /// so that a large change is not replayed at the next open. The head is written last, so
    /// until then the change counts as not yet applied (an import is replayed from empty
    /// records at the next open).
    pub(super) fn commit(
        &self,
        writes: &[Write],
        head: &Head,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<(), StoreError> {
        let total = writes.len() as u64;
        if Self::fits_one_step(writes) {
            self.stage(writes, head, &self.head()?)?;
            progress(total, total);
            return Ok(());
        }
        self.commit_chunks(writes, head, progress)
    }

    /// Writes many records in chunks, flushed one by one, and the head after them: until the
    /// head is written the change counts as not applied (see `Store::write`).
    pub(super) fn commit_chunks(
        &self,
        writes: &[Write],
        head: &Head,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<(), StoreError> {
        let total = writes.len() as u64;
        let mut done = 0;
        for chunk in writes.chunks(CHUNK) {
            self.put(&self.rows_of(chunk)?, None, &mut Vec::new())?;
            self.db.flush().map_err(self.failed())?;
            done += chunk.len() as u64;
            progress(done, total);
        }
        self.put(&[], Some(head), &mut Vec::new())?;
        self.sync()
    }

    /// Writes `rows` and then `head`, keeping what each row replaced in `replaced`.
    fn put(
        &self,
        rows: &[Row],
        head: Option<&Head>,
        replaced: &mut Vec<(&'static str, Vec<u8>, Option<sled::IVec>)>,
    ) -> Result<(), StoreError> {
        for r in rows {
            let tree = self.tree(r.tree);
            let old = match &r.value {
                Some(v) => tree.insert(&r.key, v.as_slice()),
                None => tree.remove(&r.key),
            };
            replaced.push((r.tree, r.key.clone(), old.map_err(self.failed())?));
        }
        if let Some(head) = head {
            self.meta
                .insert(HEAD_KEY, encode(head)?)
                .map_err(self.failed())?;
        }
        Ok(())
    }

    /// Completes a change whose redo record reached the disk but whose rows or head did not
    /// (the process stopped while writing it). Returns the last change's journal line as its
    /// redo record holds it, for the journal to be completed from if it lost it, and the
    /// number of the change it completed, if it did.
    pub(super) fn finish_interrupted(&self) -> Result<Settled, StoreError> {
        let Some(bytes) = self.meta.get(REDO_KEY).map_err(self.failed())? else {
            return Ok(Settled::default());
        };
        let redo = rows::parse_redo(&bytes)?;
        let head = self.head()?;
        let mut completed = None;
        if redo.head.seq == head.seq + 1 {
            self.put(&redo.rows, Some(&redo.head), &mut Vec::new())?;
            self.sync()?;
            completed = Some(redo.head.seq);
        } else if redo.head.seq > head.seq {
            return Err(corrupt(format!(
                "an interrupted change {} after change {}",
                redo.head.seq, head.seq
            )));
        }
        let last = (redo.head == self.head()?).then_some((redo.head, redo.line));
        Ok(Settled { last, completed })
    }

    /// The trees of records and of the indexes derived from them (all but `meta`).
    fn record_trees(&self) -> [&sled::Tree; 8] {
        [
            &self.councils,
            &self.meetings,
            &self.heads,
            &self.open,
            &self.by_council,
            &self.by_start,
            &self.matters,
            &self.motions,
        ]
    }

    /// Empties every record tree: what an import left when it was cut short before its head
    /// was written, so that replaying its journal line starts from nothing.
    pub(super) fn clear_records(&self) -> Result<(), StoreError> {
        for t in self.record_trees() {
            t.clear().map_err(self.failed())?;
        }
        self.sync()
    }

    /// sled's flush writes its log but does not fsync it on Linux: fsync the files as well.
    pub(super) fn sync(&self) -> Result<(), StoreError> {
        self.db.flush().map_err(self.failed())?;
        self.log
            .sync_data()
            .map_err(|e| StoreError::io("sync", &self.path.join("db"), e))
    }
}
