//! How journal lines reach the disk. The journal's file is made longer than its lines ahead of
//! time, with zero bytes, and each line is written in place over them: making a line durable
//! then flushes its data and nothing of the file's size or layout. Where the filesystem allows,
//! the block the line ends in is written around the page cache and is durable when the write
//! returns (`O_DIRECT | O_DSYNC`): one request to the device per change.
//!
//! The zero bytes past the last line are never part of the record: a reader stops at them, and
//! the writer cuts them off when it closes. No journal line holds a zero byte (JSON writes it
//! escaped), so a zero inside the last line marks a write the process did not finish.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;

/// The unit of a write around the page cache: a multiple of every device's logical block.
const BLOCK: usize = 4096;
/// How far ahead of the last line the file is made ready, at most.
const AHEAD: u64 = 1 << 20;
/// Lines longer than this (an import) are written through the page cache and flushed.
const DIRECT_LIMIT: usize = 1 << 20;

pub(super) struct Appender {
    /// The journal opened to write around the page cache, durable on return; `None` where the
    /// filesystem does not allow it.
    direct: Option<File>,
    /// The bytes from the start of the block the journal ends in up to its end.
    tail: Vec<u8>,
    /// The file's length: the journal's lines and the zero bytes after them.
    capacity: u64,
    /// Where the blocks of a write around the page cache are laid out, kept between writes.
    buf: Aligned,
}

fn round_up(n: u64) -> u64 {
    n.div_ceil(BLOCK as u64) * BLOCK as u64
}

fn read_at(file: &File, at: u64, buf: &mut [u8]) -> std::io::Result<()> {
    let mut f = file;
    f.seek(SeekFrom::Start(at))?;
    f.read_exact(buf)
}

fn write_at(file: &File, at: u64, buf: &[u8]) -> std::io::Result<()> {
    let mut f = file;
    f.seek(SeekFrom::Start(at))?;
    f.write_all(buf)
}

/// Opens `path` to write around the page cache, each write durable on return.
#[cfg(target_os = "linux")]
fn open_direct(path: &Path) -> Option<File> {
    use std::os::unix::fs::OpenOptionsExt;
    OpenOptions::new()
        .write(true)
        .custom_flags(libc::O_DIRECT | libc::O_DSYNC)
        .open(path)
        .ok()
}

#[cfg(not(target_os = "linux"))]
fn open_direct(_: &Path) -> Option<File> {
    None
}

/// A buffer whose start is aligned to `BLOCK`, as writes around the page cache need.
struct Aligned {
    bytes: Vec<u8>,
    start: usize,
    len: usize,
}

impl Aligned {
    fn zeroed(len: usize) -> Aligned {
        let bytes = vec![0; len + BLOCK];
        let start = bytes.as_ptr().align_offset(BLOCK).min(BLOCK);
        Aligned { bytes, start, len }
    }

    fn as_mut(&mut self) -> &mut [u8] {
        &mut self.bytes[self.start..self.start + self.len]
    }

    fn as_ref(&self) -> &[u8] {
        &self.bytes[self.start..self.start + self.len]
    }
}

impl Appender {
    /// Ready to append to the journal `file` at `path`, whose lines end at `len`.
    pub(super) fn open(file: &File, path: &Path, len: u64) -> std::io::Result<Appender> {
        let capacity = file.metadata()?.len();
        let mut appender = Appender {
            direct: open_direct(path),
            tail: Vec::new(),
            capacity,
            buf: Aligned::zeroed(BLOCK),
        };
        appender.reset(file, len)?;
        Ok(appender)
    }

    /// The journal now ends at `len` (a line taken back): the file is cut there.
    pub(super) fn reset(&mut self, file: &File, len: u64) -> std::io::Result<()> {
        if self.capacity != len {
            file.set_len(len)?;
            file.sync_all()?;
            self.capacity = len;
        }
        let start = len / BLOCK as u64 * BLOCK as u64;
        self.tail = vec![0; (len - start) as usize];
        read_at(file, start, &mut self.tail)
    }

    /// Writes `line` at `len`, where the journal's lines end, and returns once it is durable.
    /// On failure the file may hold part of the line: the caller cuts it off with `reset`.
    pub(super) fn append(&mut self, file: &File, len: u64, line: &[u8]) -> std::io::Result<()> {
        let end = len + line.len() as u64;
        if round_up(end) > self.capacity {
            self.make_room(file, end)?;
        }
        let direct = self
            .direct
            .as_ref()
            .filter(|_| self.tail.len() + line.len() <= DIRECT_LIMIT);
        let tried_direct = direct.is_some();
        let written = match direct {
            Some(d) => {
                let used = self.tail.len() + line.len();
                let size = round_up(used as u64) as usize;
                if self.buf.len < size {
                    self.buf = Aligned::zeroed(size);
                }
                let bytes = &mut self.buf.as_mut()[..size];
                bytes[..self.tail.len()].copy_from_slice(&self.tail);
                bytes[self.tail.len()..used].copy_from_slice(line);
                bytes[used..].fill(0);
                write_at(d, len - self.tail.len() as u64, &self.buf.as_ref()[..size])
            }
            None => Err(std::io::ErrorKind::Unsupported.into()),
        };
        match written {
            Ok(()) => {}
            Err(e) if tried_direct && e.kind() != std::io::ErrorKind::InvalidInput => {
                return Err(e);
            }
            Err(_) => {
                // Some filesystems take the flags and refuse the write itself: from then on
                // through the page cache.
                self.direct = None;
                write_at(file, len, line)?;
                file.sync_data()?;
            }
        }
        let keep = (end % BLOCK as u64) as usize;
        if keep <= line.len() {
            self.tail.clear();
            self.tail.extend_from_slice(&line[line.len() - keep..]);
        } else {
            self.tail.extend_from_slice(line);
        }
        Ok(())
    }

    /// Makes the file long enough for the journal to reach `end`, and a little more: zero bytes
    /// written and made durable, the file's new length with them. Where the disk has no room
    /// for more, only what this line needs.
    fn make_room(&mut self, file: &File, end: u64) -> std::io::Result<()> {
        let needed = round_up(end);
        let wanted = needed + AHEAD;
        let grown = self.fill(file, wanted).or_else(|_| self.fill(file, needed));
        if let Err(e) = grown {
            // Whatever zeros were written are not lines; the file is left as long as it was.
            let _ = file.set_len(self.capacity);
            return Err(e);
        }
        Ok(())
    }

    fn fill(&mut self, file: &File, to: u64) -> std::io::Result<()> {
        let zeros = vec![0; 64 * 1024];
        let mut at = self.capacity;
        while at < to {
            let n = ((to - at) as usize).min(zeros.len());
            write_at(file, at, &zeros[..n])?;
            at += n as u64;
        }
        file.sync_all()?;
        self.capacity = to;
        Ok(())
    }

    /// Cuts the zero bytes after the last line off the file, leaving it lines only.
    pub(super) fn close(&mut self, file: &File, len: u64) -> std::io::Result<()> {
        if self.capacity > len {
            file.set_len(len)?;
            self.capacity = len;
        }
        Ok(())
    }
}

/// Where the journal's lines end in `file`: before the zero bytes made ready for lines to
/// come, and before a last line with no newline (the process stopped while writing it). Only
/// the end of the file is read. A last line with zero bytes inside (some of its blocks never
/// reached the disk) is found by whoever reads that line (`whole_lines`, `read_all`): a line the
/// store already holds was durable before the store was written, so only lines after the
/// store's head can be such.
pub(super) fn lines_end(file: &File) -> std::io::Result<u64> {
    let size = file.metadata()?.len();
    let Some(last) = rfind(file, size, |b| b != 0)? else {
        return Ok(0);
    };
    let mut byte = [0];
    read_at(file, last, &mut byte)?;
    if byte[0] == b'\n' {
        return Ok(last + 1);
    }
    Ok(rfind(file, last, |b| b == b'\n')?.map_or(0, |at| at + 1))
}

/// Where the last byte before `before` that `wanted` is lies in `file`, read backwards a piece
/// at a time.
fn rfind(file: &File, before: u64, wanted: impl Fn(u8) -> bool) -> std::io::Result<Option<u64>> {
    let mut buf = vec![0; 64 * 1024];
    let mut end = before;
    while end > 0 {
        let n = end.min(buf.len() as u64);
        let start = end - n;
        let piece = &mut buf[..n as usize];
        read_at(file, start, piece)?;
        if let Some(i) = piece.iter().rposition(|&b| wanted(b)) {
            return Ok(Some(start + i as u64));
        }
        end = start;
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn end_of(bytes: &[u8]) -> u64 {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("j");
        std::fs::write(&path, bytes).expect("write");
        lines_end(&File::open(&path).expect("open")).expect("read")
    }

    #[test]
    fn the_lines_end_before_zeros_and_a_last_line_without_its_newline() {
        let two = b"{\"a\":1}\n{\"b\":2}\n";
        let cases: [(&[u8], usize); 8] = [
            (b"", 0),
            (two, two.len()),
            (b"{\"a\":1}\n{\"b\":2}\n\0\0\0\0", two.len()),
            // No newline: the last line was cut short.
            (b"{\"a\":1}\n{\"b\":2", 8),
            (b"{\"a\":1}\n{\"b\":2\0\0\0", 8),
            // Zeros inside the last line are left to whoever reads it.
            (b"{\"a\":1}\n{\"b\0\0\0:2}\n\0\0", 18),
            (b"\0\0\0\0", 0),
            (b"{\"a\0\":1}\n", 9),
        ];
        for (bytes, end) in cases {
            assert_eq!(
                end_of(bytes),
                end as u64,
                "{:?}",
                String::from_utf8_lossy(bytes)
            );
        }
    }

    #[test]
    fn lines_are_appended_in_place_and_the_zeros_cut_at_close() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("j");
        std::fs::write(&path, b"{\"a\":1}\n").expect("write");
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .open(&path)
            .expect("open");
        let mut a = Appender::open(&file, &path, 8).expect("appender");
        let mut len = 8;
        let mut expected = b"{\"a\":1}\n".to_vec();
        // Lines across block boundaries, and one longer than a block.
        for i in 0..120 {
            let line = format!("{{\"n\":{i},\"pad\":\"{}\"}}\n", "x".repeat(i * 53 % 5000));
            a.append(&file, len, line.as_bytes()).expect("append");
            len += line.len() as u64;
            expected.extend_from_slice(line.as_bytes());
            assert_eq!(lines_end(&file).expect("end"), len);
        }
        assert!(
            file.metadata().expect("meta").len() > len,
            "room made ahead"
        );
        let held = std::fs::read(&path).expect("read");
        assert_eq!(&held[..expected.len()], expected.as_slice());
        a.close(&file, len).expect("close");
        assert_eq!(std::fs::read(&path).expect("read"), expected);
    }
}
