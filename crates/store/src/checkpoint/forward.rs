//! Reading a checkpoint file by position: a read at a place, and a buffered reader going
//! forward from one, neither moving a handle's shared place.

use std::fs::File;

/// Reads `buf.len()` bytes at `at`.
pub(super) fn read_at(file: &File, at: u64, buf: &mut [u8]) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        std::os::unix::fs::FileExt::read_exact_at(file, buf, at)
    }
    #[cfg(not(unix))]
    {
        use std::io::{Read, Seek, SeekFrom};
        let mut f = file;
        f.seek(SeekFrom::Start(at))?;
        f.read_exact(buf)
    }
}

/// Reads forward from a place in a file through a buffer of its own, by position: two scans
/// of one file (its index and its records) never move each other's place, as handles cloned
/// from one would.
pub(super) struct Forward<'a> {
    file: &'a File,
    /// Where `buf[at..]` lies in the file.
    next: u64,
    buf: Vec<u8>,
    at: usize,
    size: u64,
}

impl<'a> Forward<'a> {
    pub(super) fn new(file: &'a File, from: u64, size: u64, capacity: usize) -> Forward<'a> {
        Forward {
            file,
            next: from,
            buf: Vec::with_capacity(capacity),
            at: 0,
            size,
        }
    }

    /// Moves to `to`, keeping what is buffered if `to` lies in it.
    pub(super) fn seek(&mut self, to: u64) {
        let start = self.next - self.buf.len() as u64;
        if (start..self.next).contains(&to) {
            self.at = (to - start) as usize;
        } else {
            self.buf.clear();
            self.at = 0;
            self.next = to;
        }
    }

    /// Appends the bytes up to and including the next newline (or the end) to `out`; false at
    /// the end.
    pub(super) fn read_line(&mut self, out: &mut Vec<u8>) -> std::io::Result<bool> {
        loop {
            if self.at == self.buf.len() {
                let n = (self.size.saturating_sub(self.next)).min(self.buf.capacity().max(1) as u64)
                    as usize;
                if n == 0 {
                    return Ok(!out.is_empty());
                }
                self.buf.resize(n, 0);
                read_at(self.file, self.next, &mut self.buf)?;
                self.next += n as u64;
                self.at = 0;
            }
            let rest = &self.buf[self.at..];
            match rest.iter().position(|&b| b == b'\n') {
                Some(i) => {
                    out.extend_from_slice(&rest[..=i]);
                    self.at += i + 1;
                    return Ok(true);
                }
                None => {
                    out.extend_from_slice(rest);
                    self.at = self.buf.len();
                }
            }
        }
    }

    pub(super) fn read_exact(&mut self, out: &mut [u8]) -> std::io::Result<()> {
        let mut filled = 0;
        while filled < out.len() {
            if self.at == self.buf.len() {
                let room = self.buf.capacity().max(out.len() - filled);
                let n = (self.size.saturating_sub(self.next)).min(room as u64) as usize;
                if n == 0 {
                    return Err(std::io::ErrorKind::UnexpectedEof.into());
                }
                self.buf.resize(n, 0);
                read_at(self.file, self.next, &mut self.buf)?;
                self.next += n as u64;
                self.at = 0;
            }
            let n = (self.buf.len() - self.at).min(out.len() - filled);
            out[filled..filled + n].copy_from_slice(&self.buf[self.at..self.at + n]);
            self.at += n;
            filled += n;
        }
        Ok(())
    }
}
