//! Reading the record without the lock and without writing a byte: the newest checkpoint
//! beside the journal, read in place as records are asked for, and the journal's lines after
//! it replayed in memory. The journal is append-only and each line carries the hash of the one
//! before, so a reader that keeps where it stopped can take in each new line as it lands,
//! checked (`poll`): the wall follows a meeting this way. The console that writes is never
//! waited on or slowed.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use yishi_domain::ImportPart;

use super::checkpoint::{self, Kind, Layer};
use super::journal::{Journal, chained, whole_lines};
use super::tables::{Head, MeetingHead};
use super::{JOURNAL_FILE, STORE_DIR, StoreError};
use yishi_domain::{self as domain, Change, MemoryRecords};

/// The record as the checkpoint and the journal after it have it.
pub struct Reader {
    dir: PathBuf,
    /// Checkpoint files, newest first.
    layers: Vec<Layer>,
    /// The records the journal's lines after the checkpoint changed.
    overlay: MemoryRecords,
    /// The last line taken in; `journal_len` is where the next one starts.
    head: Head,
}

impl Reader {
    /// Reads the database in `dir`. A database with no journal yet reads as empty, and is
    /// followed from its first line whenever that comes.
    pub fn open(dir: &Path) -> Result<Reader, StoreError> {
        if !dir.join(JOURNAL_FILE).exists() && !dir.join(STORE_DIR).exists() {
            return Err(StoreError::NoDatabase {
                dir: dir.display().to_string(),
            });
        }
        // A checkpoint the journal no longer leads to is refused, as the store would be: the
        // journal was changed under the record (a repair starts the checkpoints again).
        Reader::from_layers(dir, checkpoint::chain(dir))
    }

    pub(super) fn from_layers(dir: &Path, layers: Vec<Layer>) -> Result<Reader, StoreError> {
        let head = layers
            .first()
            .map_or_else(Head::default, |l| l.trailer.head.clone());
        if head.seq > 0 {
            Journal::open_read(&dir.join(JOURNAL_FILE))?.check_head(&head)?;
        }
        let mut reader = Reader {
            dir: dir.to_path_buf(),
            layers,
            overlay: MemoryRecords::default(),
            head,
        };
        reader.take_in()?;
        Ok(reader)
    }

    /// How many changes have been taken in.
    pub fn seq(&self) -> u64 {
        self.head.seq
    }

    pub fn head(&self) -> &Head {
        &self.head
    }

    pub(super) fn parts(&self) -> (&[Layer], &MemoryRecords, &Head) {
        (&self.layers, &self.overlay, &self.head)
    }

    /// Takes in the lines written since the last look. Returns whether there were any. A
    /// journal that no longer continues from where this reader stopped (rebuilt by a repair,
    /// or replaced by a restored copy) is read again from its start.
    pub fn poll(&mut self) -> Result<bool, StoreError> {
        let before = self.head.seq;
        match self.take_in() {
            Ok(()) => Ok(self.head.seq != before),
            Err(StoreError::Journal { .. }) | Err(StoreError::Mismatch { .. }) if before > 0 => {
                *self = Reader::open(&self.dir)?;
                Ok(true)
            }
            Err(e) => Err(e),
        }
    }

    /// Replays the whole lines after the head. An import not yet finished is not read until
    /// it is: a reader sees it whole or not at all.
    fn take_in(&mut self) -> Result<(), StoreError> {
        let path = self.dir.join(JOURNAL_FILE);
        let mut file = match File::open(&path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(StoreError::io("open", &path, e)),
        };
        let size = file
            .metadata()
            .map_err(|e| StoreError::io("read", &path, e))?
            .len();
        if size < self.head.journal_len {
            return Err(StoreError::Mismatch {
                detail: "the journal is shorter than what was read of it".into(),
            });
        }
        let rest = read_lines_from(&mut file, self.head.journal_len)
            .map_err(|e| StoreError::io("read", &path, e))?;
        let complete = whole_lines(&rest);
        if complete == 0 {
            return Ok(());
        }
        let entries = chained(&rest[..complete], &self.head)?;
        let mut changes = Vec::with_capacity(entries.len());
        for entry in entries {
            let change = entry.change()?;
            changes.push((entry, change));
        }
        let unfinished = changes
            .iter()
            .rposition(|(_, c)| matches!(c, Change::ImportPart(ImportPart { part: 0, .. })))
            .filter(|&first| {
                // Still under way: only its parts follow, and not the last one.
                changes[first..]
                    .iter()
                    .all(|(_, c)| matches!(c, Change::ImportPart(ImportPart { done: false, .. })))
            });
        if let Some(first) = unfinished {
            changes.truncate(first);
        }
        for (entry, change) in changes {
            if let Some(broken) = super::sealing::broken_seal(&entry, &change) {
                return Err(StoreError::Mismatch {
                    detail: format!(
                        "journal line {} signs meeting {} over a record the lines before it no longer are",
                        entry.seq,
                        broken.meeting().0
                    ),
                });
            }
            let writes =
                domain::replay_owned(change, entry.at, &*self).map_err(|r| StoreError::Replay {
                    seq: entry.seq,
                    reason: Some(r),
                })?;
            for w in writes {
                self.overlay.put(w);
            }
            self.head = Head {
                seq: entry.seq,
                hash: entry.hash.clone(),
                journal_len: self.head.journal_len + entry.line_len,
            };
        }
        Ok(())
    }

    /// The record of `kind` and `id`, the newest version any source holds.
    pub(super) fn layered<T: serde::de::DeserializeOwned>(
        &self,
        kind: Kind,
        id: u64,
    ) -> Result<Option<T>, StoreError> {
        for layer in &self.layers {
            if let Some(blob) = layer.get(kind, id)? {
                return layer.decode(&blob).map(Some);
            }
        }
        Ok(None)
    }

    /// Every record of `kind` after `after`, by id, decoded as the scan goes.
    pub(super) fn each<T: serde::de::DeserializeOwned + 'static>(
        &self,
        kind: Kind,
        after: Option<u64>,
    ) -> Box<dyn Iterator<Item = Result<T, StoreError>> + '_> {
        match checkpoint::merged(&self.layers, &self.overlay, kind, after) {
            Ok(blobs) => Box::new(blobs.map(|b| {
                let (id, blob) = b?;
                serde_json::from_slice(&blob).map_err(|e| StoreError::Damaged {
                    detail: format!("checkpoint record {id}: {e}"),
                })
            })),
            Err(e) => Box::new(std::iter::once(Err(e))),
        }
    }

    /// Every meeting's head in the order they were held, read as the iteration goes: the base
    /// checkpoint's heads as they lie in its file, passing over those a newer source changed,
    /// merged with the newer sources' (a delta and the journal's tail: few).
    pub fn meetings_in_order(
        &self,
    ) -> Result<Box<dyn Iterator<Item = Result<MeetingHead, StoreError>> + '_>, StoreError> {
        let Some((base, newer)) = self.layers.split_last() else {
            let mut heads: Vec<MeetingHead> = self
                .overlay
                .meetings
                .values()
                .map(MeetingHead::of)
                .collect();
            heads.sort_by_key(|h| (h.start, h.id));
            return Ok(Box::new(heads.into_iter().map(Ok)));
        };
        let mut changed = std::collections::BTreeMap::new();
        for layer in newer.iter().rev() {
            for h in layer.heads()? {
                changed.insert(h.id, h);
            }
        }
        for m in self.overlay.meetings.values() {
            changed.insert(m.id, MeetingHead::of(m));
        }
        let replaced: std::collections::BTreeSet<domain::MeetingId> =
            changed.keys().copied().collect();
        let mut others: Vec<MeetingHead> = changed.into_values().collect();
        others.sort_by_key(|h| std::cmp::Reverse((h.start, h.id)));
        let mut from_base = base
            .heads_in_order()
            .filter(move |h| !matches!(h, Ok(h) if replaced.contains(&h.id)))
            .peekable();
        Ok(Box::new(std::iter::from_fn(move || {
            let base_next = match from_base.peek() {
                Some(Err(_)) => return from_base.next(),
                Some(Ok(h)) => Some((h.start, h.id)),
                None => None,
            };
            let other_next = others.last().map(|h| (h.start, h.id));
            match (base_next, other_next) {
                (Some(b), Some(o)) if o < b => others.pop().map(Ok),
                (Some(_), _) => from_base.next(),
                (None, Some(_)) => others.pop().map(Ok),
                (None, None) => None,
            }
        })))
    }

    /// The meetings under way, latest first: read from where each source keeps them.
    pub fn meetings_under_way(&self) -> Result<Vec<MeetingHead>, StoreError> {
        let mut ids: Vec<domain::MeetingId> = self.overlay.meetings.keys().copied().collect();
        for layer in &self.layers {
            ids.extend(layer.trailer.under_way.iter().copied());
        }
        ids.sort();
        ids.dedup();
        let mut out = Vec::new();
        for id in ids {
            if let Some(m) = domain::Records::meeting(self, id).map_err(StoreError::from)?
                && m.state == domain::MeetingState::InProgress
            {
                out.push(MeetingHead::of(&m));
            }
        }
        out.sort_by_key(|h| std::cmp::Reverse((h.start, h.id)));
        Ok(out)
    }
}

/// The bytes from `at` up to the first zero byte (the room the writer makes ahead of its
/// lines, up to a megabyte) or the end: read a piece at a time, so that a look with nothing
/// new costs one small read.
fn read_lines_from(file: &mut File, at: u64) -> std::io::Result<Vec<u8>> {
    const PIECE: usize = 16 * 1024;
    file.seek(SeekFrom::Start(at))?;
    let mut out = Vec::new();
    let mut piece = vec![0; PIECE];
    loop {
        let n = file.read(&mut piece)?;
        if n == 0 {
            return Ok(out);
        }
        match piece[..n].iter().position(|&b| b == 0) {
            Some(zero) => {
                out.extend_from_slice(&piece[..zero]);
                return Ok(out);
            }
            None => out.extend_from_slice(&piece[..n]),
        }
    }
}
