//! Following the record from another process without the lock: the journal is append-only and
//! each line carries the hash of the one before, so a reader that keeps where it stopped and
//! the hash it stopped at can take in each new line as it lands, checked, and replay it onto
//! the records it holds in memory. The console that writes is never waited on or slowed.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use super::journal::{chained, whole_lines};
use super::{JOURNAL_FILE, StoreError, tables::GENESIS, tables::Head};
use crate::domain::{self, MemoryRecords};

/// The records as the journal has them so far, brought up to date by `poll`.
pub struct Follower {
    path: PathBuf,
    /// The last line taken in; `journal_len` is where the next one starts.
    head: Head,
    records: MemoryRecords,
}

impl Follower {
    /// Reads the journal of the database in `dir` as far as it goes. A database with no
    /// journal yet is followed from its first line, whenever that comes.
    pub fn open(dir: &Path) -> Result<Follower, StoreError> {
        let mut f = Follower {
            path: dir.join(JOURNAL_FILE),
            head: Head {
                seq: 0,
                hash: GENESIS.to_string(),
                journal_len: 0,
            },
            records: MemoryRecords::default(),
        };
        f.poll()?;
        Ok(f)
    }

    pub fn records(&self) -> &MemoryRecords {
        &self.records
    }

    /// How many changes have been taken in.
    pub fn seq(&self) -> u64 {
        self.head.seq
    }

    /// Takes in the lines written since the last call. Returns whether there were any. A
    /// journal that no longer continues from where this reader stopped (rebuilt by a repair,
    /// or replaced by a restored copy) is read again from its start.
    pub fn poll(&mut self) -> Result<bool, StoreError> {
        let mut file = match File::open(&self.path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
            Err(e) => return Err(StoreError::io("open", &self.path, e)),
        };
        let size = file
            .metadata()
            .map_err(|e| StoreError::io("read", &self.path, e))?
            .len();
        if size < self.head.journal_len {
            return self.start_again();
        }
        let rest = read_lines_from(&mut file, self.head.journal_len)
            .map_err(|e| StoreError::io("read", &self.path, e))?;
        let complete = whole_lines(&rest);
        if complete == 0 {
            return Ok(false);
        }
        let entries = match chained(&rest[..complete], &self.head) {
            Ok(e) => e,
            // The line is not the next of this chain: the journal is another one now.
            Err(_) if self.head.seq > 0 => return self.start_again(),
            Err(e) => return Err(e),
        };
        for entry in entries {
            let change = entry.change()?;
            let writes = domain::replay_owned(change, entry.at, &self.records).map_err(|r| {
                StoreError::Replay {
                    seq: entry.seq,
                    reason: Some(r),
                }
            })?;
            for w in writes {
                self.records.put(w);
            }
            self.head = Head {
                seq: entry.seq,
                hash: entry.hash.clone(),
                journal_len: self.head.journal_len + entry.line_len,
            };
        }
        Ok(true)
    }

    fn start_again(&mut self) -> Result<bool, StoreError> {
        let fresh = Follower {
            path: self.path.clone(),
            head: Head {
                seq: 0,
                hash: GENESIS.to_string(),
                journal_len: 0,
            },
            records: MemoryRecords::default(),
        };
        *self = fresh;
        self.poll()?;
        Ok(true)
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
