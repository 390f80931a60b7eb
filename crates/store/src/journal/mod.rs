//! The append-only journal: one JSON line per change, each carrying the hash of the line before,
//! so that any altered, dropped or reordered line breaks the chain.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use sha2::{Digest, Sha256};
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

mod read;

pub use crate::breaks::Break;
pub(crate) use read::chain_whole;
pub use read::{BrokenLine, read_all};

use super::StoreError;
use super::appender::{Appender, lines_end};
use super::tables::heads::{GENESIS, Head};
use yishi_domain::Change;

/// One journal line. The change is kept as the exact bytes that were hashed.
#[derive(Debug, Serialize, Deserialize)]
pub struct Entry {
    pub seq: u64,
    pub at: NaiveDateTime,
    pub prev: String,
    pub change: Box<RawValue>,
    pub hash: String,
    /// The line's length in the journal, newline included (0 for an entry not read from it).
    #[serde(skip)]
    pub line_len: u64,
}

fn digest(seq: u64, at: &NaiveDateTime, prev: &str, change: &[u8]) -> String {
    let mut h = Sha256::new();
    h.update(format!(
        "{seq}\n{}\n{prev}\n",
        at.format("%Y-%m-%dT%H:%M:%S%.f")
    ));
    h.update(change);
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(64);
    for b in h.finalize() {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 0xf)]));
    }
    out
}

impl Entry {
    pub fn new(
        seq: u64,
        at: NaiveDateTime,
        prev: &str,
        change: &Change,
    ) -> Result<Entry, StoreError> {
        let json = serde_json::to_string(change).map_err(|e| StoreError::Damaged {
            detail: e.to_string(),
        })?;
        let hash = digest(seq, &at, prev, json.as_bytes());
        let change = RawValue::from_string(json).map_err(|e| StoreError::Damaged {
            detail: e.to_string(),
        })?;
        let mut entry = Entry {
            seq,
            at,
            prev: prev.to_string(),
            change,
            hash,
            line_len: 0,
        };
        entry.line_len = entry.line()?.len() as u64;
        Ok(entry)
    }

    /// A line as a copy elsewhere holds it: its time as it was hashed, its change's bytes.
    pub fn from_parts(
        seq: u64,
        at: &str,
        prev: String,
        change: String,
        hash: String,
    ) -> Result<Entry, StoreError> {
        let bad = |detail: String| StoreError::Journal { line: seq, detail };
        let at = NaiveDateTime::parse_from_str(at, "%Y-%m-%dT%H:%M:%S%.f")
            .map_err(|e| bad(e.to_string()))?;
        let change = RawValue::from_string(change).map_err(|e| bad(e.to_string()))?;
        Ok(Entry {
            seq,
            at,
            prev,
            change,
            hash,
            line_len: 0,
        })
    }

    /// The time as it is hashed: 2026-11-22T14:30:00
    pub fn at_text(&self) -> String {
        self.at.format("%Y-%m-%dT%H:%M:%S%.f").to_string()
    }

    /// Whether the line's hash is the hash of its content.
    pub fn hash_ok(&self) -> bool {
        digest(self.seq, &self.at, &self.prev, self.change.get().as_bytes()) == self.hash
    }

    pub fn change(&self) -> Result<Change, StoreError> {
        serde_json::from_str(self.change.get()).map_err(|e| StoreError::Journal {
            line: self.seq,
            detail: e.to_string(),
        })
    }

    /// The entry as one journal line, newline included.
    pub(super) fn line(&self) -> Result<String, StoreError> {
        let mut s = serde_json::to_string(self).map_err(|e| StoreError::Damaged {
            detail: e.to_string(),
        })?;
        s.push('\n');
        Ok(s)
    }
}

pub(super) struct Journal {
    path: PathBuf,
    file: File,
    /// Where the journal's whole lines end (the file may go on with zero bytes made ready for
    /// lines to come; see `appender`).
    len: u64,
    /// Made at the first append.
    appender: Option<Appender>,
}

impl Journal {
    pub(super) fn open(path: &Path) -> Result<Journal, StoreError> {
        let file = super::private::options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path);
        Journal::of(path, file)
    }

    /// Opens the journal only to read it (a reader beside a writer, or read-only media).
    pub(super) fn open_read(path: &Path) -> Result<Journal, StoreError> {
        Journal::of(path, File::open(path))
    }

    fn of(path: &Path, file: std::io::Result<File>) -> Result<Journal, StoreError> {
        let file = file.map_err(|e| StoreError::io("open", path, e))?;
        let len = lines_end(&file).map_err(|e| StoreError::io("read", path, e))?;
        Ok(Journal {
            path: path.to_path_buf(),
            file,
            len,
            appender: None,
        })
    }

    pub(super) fn len(&self) -> u64 {
        self.len
    }

    /// Checks that the journal line the store last applied ends where the store says, with the
    /// hash the store holds: a read of a few bytes, whatever the journal's size.
    pub(super) fn check_head(&mut self, head: &Head) -> Result<(), StoreError> {
        if self.len < head.journal_len {
            return Err(StoreError::Mismatch {
                detail: format!(
                    "journal is {} bytes, the store expects at least {}",
                    self.len, head.journal_len
                ),
            });
        }
        if head.seq == 0 {
            return Ok(());
        }
        let tail = format!("\"hash\":\"{}\"}}\n", head.hash);
        let start = head
            .journal_len
            .checked_sub(tail.len() as u64)
            .ok_or_else(|| StoreError::Mismatch {
                detail: "journal too short".into(),
            })?;
        let mut buf = vec![0; tail.len()];
        self.read_at(start, &mut buf)?;
        if buf != tail.as_bytes() {
            return Err(StoreError::Mismatch {
                detail: format!("change {} in the store is not the journal's", head.seq),
            });
        }
        Ok(())
    }

    fn read_at(&mut self, at: u64, buf: &mut [u8]) -> Result<(), StoreError> {
        self.file
            .seek(SeekFrom::Start(at))
            .and_then(|_| self.file.read_exact(buf))
            .map_err(|e| StoreError::io("read", &self.path, e))
    }

    /// Complete journal lines after the store's head, chained to it. A torn last line (the
    /// process died while writing it, so it was never acknowledged) is cut off.
    pub(super) fn entries_after(&mut self, head: &Head) -> Result<Vec<Entry>, StoreError> {
        let mut rest = Vec::new();
        self.file
            .seek(SeekFrom::Start(head.journal_len))
            .and_then(|_| self.file.read_to_end(&mut rest))
            .map_err(|e| StoreError::io("read", &self.path, e))?;
        let complete = whole_lines(&rest);
        if complete < rest.len() {
            self.truncate(head.journal_len + complete as u64)?;
        }
        chained(&rest[..complete], head)
    }

    /// The lines after `head` as they stand, read through a handle of their own (the journal's
    /// own position is left alone).
    pub(super) fn read_after(&self, head: &Head) -> Result<Vec<Entry>, StoreError> {
        let mut rest = Vec::new();
        File::open(&self.path)
            .and_then(|mut f| {
                f.seek(SeekFrom::Start(head.journal_len))?;
                f.read_to_end(&mut rest)
            })
            .map_err(|e| StoreError::io("read", &self.path, e))?;
        chained(&rest[..whole_lines(&rest)], head)
    }

    /// Appends one line (from `Entry::line`) and makes it durable: the one flush to the device
    /// a change waits for. Whatever part of a line could not be written whole is taken back.
    pub(super) fn append(&mut self, line: &[u8]) -> Result<(), StoreError> {
        if self.appender.is_none() {
            let appender = Appender::open(&self.file, &self.path, self.len)
                .map_err(|e| StoreError::io("write", &self.path, e))?;
            self.appender = Some(appender);
        }
        let written = match &mut self.appender {
            Some(a) => a.append(&self.file, self.len, line),
            None => Ok(()),
        };
        if let Err(e) = written {
            self.truncate(self.len)?;
            return Err(StoreError::io("write", &self.path, e));
        }
        self.len += line.len() as u64;
        Ok(())
    }

    /// Completes the journal with the store's last change, `line`, if the journal lost that
    /// line or holds it torn: a store written by an earlier yishi, which made the two durable
    /// at the same time, whose store write reached the disk and whose journal's did not before
    /// the process stopped. (A change is now durable in the journal before the store is
    /// written, and its redo record carries no line.) Only a line that chains onto the journal's last one and
    /// ends where the store says is written; anything else is left for `check_head` to refuse.
    /// Says whether it wrote the line.
    pub(super) fn complete(&mut self, head: &Head, line: &[u8]) -> Result<bool, StoreError> {
        let Some(start) = head.journal_len.checked_sub(line.len() as u64) else {
            return Ok(false);
        };
        if line.is_empty() || self.len >= head.journal_len || self.len < start {
            return Ok(false);
        }
        let mut held = vec![0; (self.len - start) as usize];
        self.read_at(start, &mut held)?;
        let Ok(entry) = parse_line(line.trim_ascii_end(), head.seq) else {
            return Ok(false);
        };
        let chained = entry.seq == head.seq
            && entry.hash == head.hash
            && entry.hash_ok()
            && line.starts_with(&held);
        let before = Head {
            seq: head.seq.saturating_sub(1),
            hash: entry.prev.clone(),
            journal_len: start,
        };
        let follows = if before.seq == 0 {
            start == 0 && entry.prev == GENESIS
        } else {
            self.check_head(&before).is_ok()
        };
        if chained && follows {
            self.truncate(start)?;
            self.append(line)?;
            return Ok(true);
        }
        Ok(false)
    }

    /// The journal's last line, if it is no longer than `max` bytes (a longer one is not read).
    pub(super) fn last_entry(&mut self, max: u64) -> Result<Option<Entry>, StoreError> {
        let window = self.len.min(max.saturating_add(1));
        let mut tail = vec![0; usize::try_from(window).unwrap_or(0)];
        self.read_at(self.len - window, &mut tail)?;
        let Some(body) = tail.strip_suffix(b"\n") else {
            return Ok(None);
        };
        let start = match body.iter().rposition(|&b| b == b'\n') {
            Some(i) => i + 1,
            None if window == self.len => 0,
            None => return Ok(None),
        };
        parse_line(&body[start..], 0).map(Some)
    }

    /// Cuts the journal's lines at `len`.
    pub(super) fn truncate(&mut self, len: u64) -> Result<(), StoreError> {
        match &mut self.appender {
            Some(a) => a.reset(&self.file, len),
            None => self.file.set_len(len).and_then(|_| self.file.sync_data()),
        }
        .map_err(|e| StoreError::io("truncate", &self.path, e))?;
        self.len = len;
        Ok(())
    }
}

impl Drop for Journal {
    /// Leaves the file lines only, without the room made for lines to come.
    fn drop(&mut self) {
        if let Some(a) = &mut self.appender
            && let Err(e) = a.close(&self.file, self.len)
        {
            // The zeros stay; every reader stops at them.
            let _ = e;
        }
    }
}

/// How many of `bytes`, read from the end of a line on, are whole lines: up to the last newline
/// before any zero byte (room made for lines to come, or a line the process did not finish).
pub(super) fn whole_lines(bytes: &[u8]) -> usize {
    let written = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
    bytes[..written]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1)
}

/// The entries in `lines`, checked to continue the chain from `head`.
pub(super) fn chained(lines: &[u8], head: &Head) -> Result<Vec<Entry>, StoreError> {
    let mut out = Vec::new();
    let (mut seq, mut hash) = (head.seq, head.hash.clone());
    for line in lines.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        let mut entry = parse_line(line, seq + 1)?;
        entry.line_len = line.len() as u64 + 1;
        if entry.seq != seq + 1 || entry.prev != hash || !entry.hash_ok() {
            return Err(StoreError::Journal {
                line: seq + 1,
                detail: "hash chain broken".into(),
            });
        }
        seq = entry.seq;
        hash = entry.hash.clone();
        out.push(entry);
    }
    Ok(out)
}

fn parse_line(line: &[u8], seq: u64) -> Result<Entry, StoreError> {
    serde_json::from_slice(line).map_err(|e| StoreError::Journal {
        line: seq,
        detail: e.to_string(),
    })
}
