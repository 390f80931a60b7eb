//! One checkpoint file, read in place: the index is searched a few bytes at a time and a record
//! is read only when asked for, so a reader's cost follows what it reads, not the archive.
//!
//! The file: every record's JSON, one after another in (kind, id) order; the index, one fixed
//! entry per record in the same order; the meetings' heads as JSON; then the trailer (JSON),
//! its length (8 bytes, big-endian), its CRC-32 (4 bytes) and the magic. Every part is checked
//! as it is read (each record and index entry carries its own CRC-32, the heads' is in the
//! trailer): a damaged byte is said, never read as another record.

use std::fs::File;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::forward::{Forward, read_at};

use super::super::StoreError;
use super::super::tables::{Head, MeetingHead};

/// The last bytes of every checkpoint file.
pub(super) const MAGIC: &[u8; 8] = b"YISHICK1";
/// kind (1) + id (8) + offset (8) + length (4) + the record's CRC (4) + the entry's CRC (4).
pub(super) const ENTRY: u64 = 29;
/// The trailer's length and CRC, and the magic.
const END: u64 = 20;

/// The four kinds of record, in the order a file holds them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Council = 0,
    Meeting = 1,
    Matter = 2,
    Motion = 3,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Council, Kind::Meeting, Kind::Matter, Kind::Motion];

    fn from_byte(b: u8) -> Option<Kind> {
        Kind::ALL.get(usize::from(b)).copied()
    }
}

/// The same kind, as findings name it.
impl From<Kind> for super::super::findings::Kind {
    fn from(kind: Kind) -> Self {
        use super::super::findings::Kind as Named;
        match kind {
            Kind::Council => Named::Council,
            Kind::Meeting => Named::Meeting,
            Kind::Matter => Named::Matter,
            Kind::Motion => Named::Motion,
        }
    }
}

/// How the files of this program lay records out; a file of another layout is not read.
pub(super) const LAYOUT: u32 = 2;

/// What a file says of itself, at its end.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Trailer {
    #[serde(default)]
    pub layout: u32,
    /// The change the layer below ends at (0: this file holds the whole record).
    pub from: u64,
    /// The last change the file's records include, and where its journal line ends.
    pub head: Head,
    pub index_at: u64,
    pub entries: u64,
    pub heads_at: u64,
    pub heads_len: u64,
    /// The CRC of the heads' lines together (each line carries its own as well).
    pub heads_crc: u32,
    /// The meeting held last among the file's meetings.
    pub latest: Option<MeetingHead>,
    /// The file's meetings under way (what a wall shows when the chair shows none).
    #[serde(default)]
    pub under_way: Vec<yishi_domain::MeetingId>,
}

/// One index entry: a record's kind and id and where its JSON lies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Entry {
    pub kind: Kind,
    pub id: u64,
    pub offset: u64,
    pub len: u32,
    /// The CRC-32 of the record's JSON.
    pub crc: u32,
}

impl Entry {
    pub fn encode(&self) -> [u8; ENTRY as usize] {
        let mut b = [0; ENTRY as usize];
        b[0] = self.kind as u8;
        b[1..9].copy_from_slice(&self.id.to_be_bytes());
        b[9..17].copy_from_slice(&self.offset.to_be_bytes());
        b[17..21].copy_from_slice(&self.len.to_be_bytes());
        b[21..25].copy_from_slice(&self.crc.to_be_bytes());
        let own = crc32fast::hash(&b[..25]);
        b[25..29].copy_from_slice(&own.to_be_bytes());
        b
    }

    /// The entry, if its bytes are those written.
    fn decode(b: &[u8; ENTRY as usize]) -> Option<Entry> {
        let own = u32::from_be_bytes(b[25..29].try_into().ok()?);
        if crc32fast::hash(&b[..25]) != own {
            return None;
        }
        Some(Entry {
            kind: Kind::from_byte(b[0])?,
            id: u64::from_be_bytes(b[1..9].try_into().ok()?),
            offset: u64::from_be_bytes(b[9..17].try_into().ok()?),
            len: u32::from_be_bytes(b[17..21].try_into().ok()?),
            crc: u32::from_be_bytes(b[21..25].try_into().ok()?),
        })
    }
}

/// An open checkpoint file.
#[derive(Debug)]
pub(crate) struct Layer {
    path: PathBuf,
    file: File,
    pub trailer: Trailer,
    /// Lookups so far, and the whole index once they are many: a reader that asks for a few
    /// records reads a few entries of the index; one that asks for thousands reads it once.
    lookups: std::cell::Cell<u32>,
    index: std::cell::OnceCell<Vec<Entry>>,
}

/// Lookups after which a file's whole index is read into memory.
const LOOKUPS_BEFORE_INDEX: u32 = 256;

impl Layer {
    pub fn open(path: &Path) -> Result<Layer, StoreError> {
        let io = |e| StoreError::io("read", path, e);
        let file = File::open(path).map_err(io)?;
        let size = file.metadata().map_err(io)?.len();
        let damaged = |why: &str| StoreError::Damaged {
            detail: format!("checkpoint {}: {why}", path.display()),
        };
        if size < END {
            return Err(damaged("too short"));
        }
        let mut end = [0; END as usize];
        read_at(&file, size - END, &mut end).map_err(io)?;
        if &end[12..] != MAGIC {
            return Err(damaged("not finished"));
        }
        let len = u64::from_be_bytes(end[..8].try_into().unwrap_or_default());
        let crc = u32::from_be_bytes(end[8..12].try_into().unwrap_or_default());
        let start = (size - END)
            .checked_sub(len)
            .ok_or_else(|| damaged("trailer"))?;
        let mut text = vec![0; len as usize];
        read_at(&file, start, &mut text).map_err(io)?;
        if crc32fast::hash(&text) != crc {
            return Err(damaged("trailer"));
        }
        let trailer: Trailer =
            serde_json::from_slice(&text).map_err(|e| damaged(&e.to_string()))?;
        if trailer.layout != LAYOUT {
            return Err(damaged("written by another version"));
        }
        if trailer.index_at + trailer.entries * ENTRY > start {
            return Err(damaged("index"));
        }
        Ok(Layer {
            path: path.to_path_buf(),
            file,
            trailer,
            lookups: std::cell::Cell::new(0),
            index: std::cell::OnceCell::new(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file's size in bytes.
    pub fn size(&self) -> u64 {
        self.file.metadata().map_or(0, |m| m.len())
    }

    fn damaged(&self, why: impl std::fmt::Display) -> StoreError {
        StoreError::Damaged {
            detail: format!("checkpoint {}: {why}", self.path.display()),
        }
    }

    fn entry(&self, i: u64) -> Result<Entry, StoreError> {
        if let Some(e) = self.index.get().and_then(|index| index.get(i as usize)) {
            return Ok(*e);
        }
        let mut b = [0; ENTRY as usize];
        read_at(&self.file, self.trailer.index_at + i * ENTRY, &mut b)
            .map_err(|e| StoreError::io("read", &self.path, e))?;
        Entry::decode(&b).ok_or_else(|| self.damaged("index entry"))
    }

    /// The whole index, read once it has been searched often enough.
    fn index(&self) -> Result<Option<&[Entry]>, StoreError> {
        if let Some(index) = self.index.get() {
            return Ok(Some(index));
        }
        self.lookups.set(self.lookups.get() + 1);
        if self.lookups.get() < LOOKUPS_BEFORE_INDEX {
            return Ok(None);
        }
        let mut reader = Forward::new(&self.file, self.trailer.index_at, self.size(), 256 * 1024);
        let mut all: Vec<Entry> = Vec::with_capacity(self.trailer.entries as usize);
        for _ in 0..self.trailer.entries {
            let mut b = [0; ENTRY as usize];
            reader
                .read_exact(&mut b)
                .map_err(|e| StoreError::io("read", &self.path, e))?;
            let e = Entry::decode(&b).ok_or_else(|| self.damaged("index entry"))?;
            if all.last().is_some_and(|l| (l.kind, l.id) >= (e.kind, e.id)) {
                return Err(self.damaged("index order"));
            }
            all.push(e);
        }
        Ok(Some(self.index.get_or_init(|| all)))
    }

    /// The first entry at or after (kind, id): a binary search of a few reads.
    fn lower_bound(&self, kind: Kind, id: u64) -> Result<u64, StoreError> {
        if let Some(index) = self.index()? {
            return Ok(index.partition_point(|e| (e.kind, e.id) < (kind, id)) as u64);
        }
        let (mut lo, mut hi) = (0, self.trailer.entries);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let e = self.entry(mid)?;
            if (e.kind, e.id) < (kind, id) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        Ok(lo)
    }

    /// The record's JSON, if this file holds it.
    pub fn get(&self, kind: Kind, id: u64) -> Result<Option<Vec<u8>>, StoreError> {
        let i = self.lower_bound(kind, id)?;
        if i >= self.trailer.entries {
            return Ok(None);
        }
        let e = self.entry(i)?;
        if (e.kind, e.id) != (kind, id) {
            return Ok(None);
        }
        let mut blob = vec![0; e.len as usize];
        read_at(&self.file, e.offset, &mut blob)
            .map_err(|err| StoreError::io("read", &self.path, err))?;
        self.checked(&e, blob).map(Some)
    }

    fn scan_entries(
        &self,
        kind: Kind,
        after: Option<u64>,
    ) -> Result<impl Iterator<Item = Result<Entry, StoreError>> + '_, StoreError> {
        let first = match after {
            Some(id) => self.lower_bound(kind, id.saturating_add(1))?,
            None => self.lower_bound(kind, 0)?,
        };
        let mut reader = Forward::new(
            &self.file,
            self.trailer.index_at + first * ENTRY,
            self.size(),
            64 * 1024,
        );
        let mut left = self.trailer.entries - first;
        Ok(std::iter::from_fn(move || {
            if left == 0 {
                return None;
            }
            left -= 1;
            let mut b = [0; ENTRY as usize];
            if let Err(e) = reader.read_exact(&mut b) {
                return Some(Err(StoreError::io("read", &self.path, e)));
            }
            match Entry::decode(&b) {
                Some(e) if e.kind == kind => Some(Ok(e)),
                Some(_) => {
                    left = 0;
                    None
                }
                None => Some(Err(self.damaged("index entry"))),
            }
        }))
    }

    /// Every record of `kind` after `after`, in id order, its JSON read as the scan goes: the
    /// records lie in the file in index order, so the reads are one pass forward.
    pub fn scan(
        &self,
        kind: Kind,
        after: Option<u64>,
    ) -> Result<impl Iterator<Item = Result<(u64, Vec<u8>), StoreError>> + '_, StoreError> {
        let entries = self.scan_entries(kind, after)?;
        let mut blobs = Forward::new(&self.file, 0, self.size(), 256 * 1024);
        Ok(entries.map(move |e| {
            let e = e?;
            blobs.seek(e.offset);
            let mut blob = vec![0; e.len as usize];
            blobs
                .read_exact(&mut blob)
                .map_err(|err| StoreError::io("read", &self.path, err))?;
            Ok((e.id, self.checked(&e, blob)?))
        }))
    }

    /// The record's JSON, if it is what was written.
    fn checked(&self, e: &Entry, blob: Vec<u8>) -> Result<Vec<u8>, StoreError> {
        if crc32fast::hash(&blob) == e.crc {
            Ok(blob)
        } else {
            Err(self.damaged(format_args!("record {}", e.id)))
        }
    }

    /// Reads every part of the file, checking each: what `verify` and `repair` ask.
    pub fn check(&self) -> Result<(), StoreError> {
        for kind in Kind::ALL {
            for record in self.scan(kind, None)? {
                record?;
            }
        }
        self.check_frame()
    }

    /// Checks all but the records: the heads, and that the index holds every entry in order.
    pub fn check_frame(&self) -> Result<(), StoreError> {
        self.heads()?;
        // Entries of a kind out of place would end a scan early: all are counted.
        let mut seen = 0;
        for kind in Kind::ALL {
            seen += self.scan_entries(kind, None)?.count() as u64;
        }
        if seen != self.trailer.entries {
            return Err(self.damaged("index order"));
        }
        Ok(())
    }

    /// The heads of the file's meetings, in the order they were held.
    pub fn heads(&self) -> Result<Vec<MeetingHead>, StoreError> {
        let mut text = vec![0; self.trailer.heads_len as usize];
        read_at(&self.file, self.trailer.heads_at, &mut text)
            .map_err(|e| StoreError::io("read", &self.path, e))?;
        if crc32fast::hash(&text) != self.trailer.heads_crc {
            return Err(self.damaged("meetings' heads"));
        }
        text.split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .map(|l| self.head_line(l))
            .collect()
    }

    /// The heads of the file's meetings in the order they were held, read as the iteration
    /// goes: the first are had without reading the rest.
    pub fn heads_in_order(&self) -> impl Iterator<Item = Result<MeetingHead, StoreError>> + '_ {
        let end = self.trailer.heads_at + self.trailer.heads_len;
        let mut reader = Forward::new(&self.file, self.trailer.heads_at, end, 64 * 1024);
        let mut line = Vec::new();
        std::iter::from_fn(move || {
            line.clear();
            match reader.read_line(&mut line) {
                Ok(false) => None,
                Ok(true) => Some(self.head_line(&line)),
                Err(e) => Some(Err(StoreError::io("read", &self.path, e))),
            }
        })
    }

    /// One line of the heads: its CRC, a space, the head's JSON.
    fn head_line(&self, line: &[u8]) -> Result<MeetingHead, StoreError> {
        let line = line.strip_suffix(b"\n").unwrap_or(line);
        let (crc, json) = (line.get(..8), line.get(9..));
        let crc = crc
            .and_then(|c| std::str::from_utf8(c).ok())
            .and_then(|c| u32::from_str_radix(c, 16).ok());
        match (crc, json) {
            (Some(crc), Some(json)) if crc32fast::hash(json) == crc => {
                serde_json::from_slice(json).map_err(|e| self.damaged(e))
            }
            _ => Err(self.damaged("a meeting's head")),
        }
    }

    pub fn decode<T: serde::de::DeserializeOwned>(&self, blob: &[u8]) -> Result<T, StoreError> {
        serde_json::from_slice(blob).map_err(|e| self.damaged(e))
    }
}
