//! Reading the whole journal from its first line, one line in memory at a time: every entry
//! checked against the chain (what a replay reads), or the chain alone at about the pace the
//! lines can be hashed (what `verify` reads when the store is held against a checkpoint).

use chrono::NaiveDateTime;
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use super::super::StoreError;
use super::super::appender::lines_end;
use super::super::tables::heads::GENESIS;
use super::{Entry, digest, parse_line};
use crate::breaks::Break;

/// Where the journal's chain breaks: the line, the entry as far as it could be read, and why.
#[derive(Debug)]
pub struct BrokenLine {
    pub line: u64,
    pub entry: Option<Entry>,
    pub why: Break,
}

/// Reads every journal line, checking the chain as it goes. Returns the good entries and, if
/// the chain breaks, where and why.
pub fn read_all(path: &Path) -> Result<(Vec<Entry>, Option<BrokenLine>), StoreError> {
    let mut out = Vec::new();
    let broken = each_entry(path, &mut |entry| {
        out.push(entry);
        Ok(())
    })?;
    Ok((out, broken))
}

/// Hands each journal line to `take` as it is read, checking the chain as it goes: one line in
/// memory at a time, whatever the journal's size. Returns where the chain breaks, if it does.
fn each_entry(
    path: &Path,
    take: &mut dyn FnMut(Entry) -> Result<(), StoreError>,
) -> Result<Option<BrokenLine>, StoreError> {
    let mut lines = Lines::open(path)?;
    let mut hash = GENESIS.to_string();
    let mut seq = 0;
    loop {
        let Some((body, last)) = lines.next()? else {
            return Ok(None);
        };
        seq += 1;
        let mut entry: Entry = match serde_json::from_slice(body) {
            Ok(e) => e,
            // The last line, written in place and cut short by the process stopping: some of
            // its blocks never reached the disk. It was never acknowledged.
            Err(_) if last && body.contains(&0) => return Ok(None),
            Err(e) => {
                return Ok(Some(BrokenLine {
                    line: seq,
                    entry: None,
                    why: Break::Unreadable(e.to_string()),
                }));
            }
        };
        entry.line_len = body.len() as u64 + 1;
        let why = if entry.seq != seq {
            Some(Break::Numbered { found: entry.seq })
        } else if entry.prev != hash {
            Some(Break::NotChained)
        } else if !entry.hash_ok() {
            Some(Break::Altered)
        } else {
            None
        };
        if let Some(why) = why {
            return Ok(Some(BrokenLine {
                line: seq,
                entry: Some(entry),
                why,
            }));
        }
        hash.clone_from(&entry.hash);
        take(entry)?;
    }
}

/// How many lines the journal holds, if its chain is whole and `signed` accepts each line that
/// signs a meeting; `None` otherwise (the full read says where and why). Each line's change is
/// hashed as the bytes it is, without being parsed: its hash holds it, and it was parsed when
/// it was replayed. This reads the journal at about the pace it can be hashed.
pub(crate) fn chain_whole(
    path: &Path,
    signed: &mut dyn FnMut(&Entry) -> bool,
) -> Result<Option<u64>, StoreError> {
    let mut lines = Lines::open(path)?;
    let (mut seq, mut hash) = (0u64, GENESIS.to_string());
    loop {
        let Some((body, last)) = lines.next()? else {
            return Ok(Some(seq));
        };
        seq += 1;
        let whole = match taken_apart(body) {
            Some(parts) if !parts.change.starts_with(b"{\"sign_meeting\"") => {
                parts.seq == seq
                    && parts.prev == hash.as_bytes()
                    && NaiveDateTime::parse_from_str(parts.at, "%Y-%m-%dT%H:%M:%S%.f")
                        .is_ok_and(|at| digest(seq, &at, &hash, parts.change) == parts.hash)
                    && {
                        hash.clear();
                        hash.push_str(parts.hash);
                        true
                    }
            }
            // A signature, or a line laid out otherwise: read whole.
            _ => match parse_line(body, seq) {
                Ok(e) if e.seq == seq && e.prev == hash && e.hash_ok() && signed(&e) => {
                    hash = e.hash;
                    true
                }
                _ => false,
            },
        };
        if !whole {
            // A last line cut short by a stop was never acknowledged: the journal ends before it.
            return Ok((last && body.contains(&0)).then_some(seq - 1));
        }
    }
}

/// A journal line's parts, as `Entry` lays them out.
struct Parts<'a> {
    seq: u64,
    at: &'a str,
    prev: &'a [u8],
    change: &'a [u8],
    hash: &'a str,
}

fn taken_apart(line: &[u8]) -> Option<Parts<'_>> {
    let rest = line.strip_prefix(b"{\"seq\":")?;
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    let seq = std::str::from_utf8(&rest[..digits]).ok()?.parse().ok()?;
    let rest = rest[digits..].strip_prefix(b",\"at\":\"")?;
    let at_len = rest.iter().position(|&b| b == b'"')?;
    let at = std::str::from_utf8(&rest[..at_len]).ok()?;
    let rest = rest[at_len..].strip_prefix(b"\",\"prev\":\"")?;
    let (prev, rest) = (rest.get(..64)?, rest.get(64..)?);
    let rest = rest.strip_prefix(b"\",\"change\":")?;
    // `,"hash":"` + 64 hex digits + `"}`
    let tail = rest.len().checked_sub(75)?;
    let (change, end) = rest.split_at(tail);
    let hash = end.strip_prefix(b",\"hash\":\"")?.strip_suffix(b"\"}")?;
    Some(Parts {
        seq,
        at,
        prev,
        change,
        hash: std::str::from_utf8(hash).ok()?,
    })
}

/// The journal's whole lines from its start, one at a time, in a buffer used again for each.
struct Lines {
    path: PathBuf,
    reader: BufReader<std::io::Take<File>>,
    line: Vec<u8>,
}

impl Lines {
    fn open(path: &Path) -> Result<Lines, StoreError> {
        let mut file = File::open(path).map_err(|e| StoreError::io("open", path, e))?;
        let end = lines_end(&file)
            .and_then(|end| file.seek(SeekFrom::Start(0)).map(|_| end))
            .map_err(|e| StoreError::io("read", path, e))?;
        Ok(Lines {
            path: path.to_path_buf(),
            reader: BufReader::with_capacity(1 << 20, file.take(end)),
            line: Vec::new(),
        })
    }

    /// The next line without its newline, and whether it is the last.
    fn next(&mut self) -> Result<Option<(&[u8], bool)>, StoreError> {
        self.line.clear();
        let read = self
            .reader
            .read_until(b'\n', &mut self.line)
            .map_err(|e| StoreError::io("read", &self.path, e))?;
        if read == 0 {
            return Ok(None);
        }
        let last =
            self.line.last() != Some(&b'\n') || self.reader.fill_buf().is_ok_and(|b| b.is_empty());
        let body = self.line.strip_suffix(b"\n").unwrap_or(&self.line);
        Ok(Some((body, last)))
    }
}
