//! Opening sled: waiting out its own lock, reading a small store whole to find damage early,
//! bringing an older layout up to date; and handing its buffers to its files when it closes.

use std::fs::File;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use crate::rows::{self, corrupt, council_key, encode};
use crate::tables::MeetingHead;
use yishi_domain::{Council, Matter, Meeting, Motion, VoteState};

use super::{
    BY_COUNCIL, BY_START, CACHE_BYTES, COUNCILS, HEADS, MATTERS, MEETINGS, META, MOTIONS, OPEN,
    SCAN_CACHE_BYTES, SCHEMA_KEY, STORE_SCHEMA, StoreError, Tables, sled_error,
};

fn dir_size(path: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(path) else {
        return 0;
    };
    entries
        .flatten()
        .map(|e| match e.metadata() {
            Ok(m) if m.is_dir() => dir_size(&e.path()),
            Ok(m) => m.len(),
            Err(_) => 0,
        })
        .sum()
}

/// How long to wait for sled's own lock on its files, held for a moment after a store of this
/// process is closed (sled finishes its last writes on a thread of its own). Another process
/// never holds it: yishi's lock is taken first.
const SLED_LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

/// Removes the snapshots sled began and never finished. sled writes its snapshot at each open
/// as `snap.N.generating` and renames it once whole; a process stopped before the rename
/// leaves a part that sled would read as the newest snapshot and refuse as corrupt. The
/// finished snapshot before it and sled's log still hold everything.
fn sweep_unfinished_snapshots(path: &Path) -> Result<(), StoreError> {
    let Ok(entries) = std::fs::read_dir(path) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with("snap.") && name.ends_with(".generating") {
            let file = entry.path();
            std::fs::remove_file(&file).map_err(|e| StoreError::io("remove", &file, e))?;
        }
    }
    Ok(())
}

fn open_sled(path: &Path, cache: u64) -> Result<sled::Db, StoreError> {
    sweep_unfinished_snapshots(path)?;
    let started = std::time::Instant::now();
    loop {
        // sled panics on some kinds of damage; that is a damaged database, not a crash.
        let opened = catch_unwind(AssertUnwindSafe(|| {
            sled::Config::new()
                .path(path)
                .cache_capacity(cache)
                // The journal is the write-ahead log: sled's rows need no flush of their own,
                // and an idle console writes nothing.
                .flush_every_ms(None)
                .open()
        }));
        match opened {
            Ok(Ok(db)) => return Ok(db),
            Ok(Err(sled::Error::Io(e)))
                if e.to_string().contains("could not acquire lock")
                    && started.elapsed() < SLED_LOCK_WAIT =>
            {
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            Ok(Err(e)) => return Err(sled_error(path, e)),
            Err(_) => return Err(corrupt("sled could not read its files")),
        }
    }
}

impl Tables {
    pub(crate) fn open(path: &Path) -> Result<Tables, StoreError> {
        Tables::open_with(path, CACHE_BYTES)
    }

    /// Opens the store to read every record once (the streamed verify): no page is read
    /// twice, so sled's cache is kept small, and with it the memory each lookup leaves behind.
    pub(crate) fn open_to_scan(path: &Path) -> Result<Tables, StoreError> {
        Tables::open_with(path, SCAN_CACHE_BYTES)
    }

    fn open_with(path: &Path, cache: u64) -> Result<Tables, StoreError> {
        let new = !path.join("conf").exists();
        let db = open_sled(path, cache)?;
        // sled writes its config once, when it makes the store: it is made durable then, and
        // from then on only the log needs an fsync.
        if new {
            let conf = path.join("conf");
            if let Ok(f) = File::open(&conf) {
                f.sync_all().map_err(|e| StoreError::io("sync", &conf, e))?;
            }
        }
        let log_path = path.join("db");
        let log = File::open(&log_path).map_err(|e| StoreError::io("open", &log_path, e))?;
        let tree = |name: &str| db.open_tree(name).map_err(|e| sled_error(path, e));
        let t = Tables {
            path: path.to_path_buf(),
            meta: tree(META)?,
            councils: tree(COUNCILS)?,
            meetings: tree(MEETINGS)?,
            heads: tree(HEADS)?,
            open: tree(OPEN)?,
            by_council: tree(BY_COUNCIL)?,
            by_start: tree(BY_START)?,
            matters: tree(MATTERS)?,
            motions: tree(MOTIONS)?,
            db,
            log,
        };
        t.check_schema()?;
        Ok(t)
    }

    /// Reads every page of a store up to `limit` bytes on disk, so that damage sled would only
    /// meet later (it reads lazily) is found before anything runs on it. Larger stores are
    /// checked as they are read, and whole by `yishi verify`.
    pub(crate) fn check_readable(&self, limit: u64) -> Result<(), StoreError> {
        let size = dir_size(&self.path);
        if size > limit {
            return Ok(());
        }
        let scan = catch_unwind(AssertUnwindSafe(|| {
            for t in std::iter::once(&self.meta).chain(self.record_trees()) {
                for kv in t.iter() {
                    let (_, v) = kv.map_err(self.failed())?;
                    let index = [OPEN, BY_COUNCIL, BY_START].map(str::as_bytes);
                    if v.is_empty() && !index.contains(&t.name().as_ref()) {
                        return Err(corrupt("empty record"));
                    }
                }
            }
            Ok(())
        }));
        scan.unwrap_or_else(|_| Err(corrupt("sled could not read a page")))
    }

    /// Refuses a store written by a newer program; brings an older one up to date.
    fn check_schema(&self) -> Result<(), StoreError> {
        let found = match self.meta.get(SCHEMA_KEY).map_err(self.failed())? {
            Some(v) => serde_json::from_slice::<u32>(&v).map_err(corrupt)?,
            None if self.meetings.is_empty() && self.councils.is_empty() => 0,
            None => 1,
        };
        if found > STORE_SCHEMA {
            return Err(StoreError::NewerSchema { found });
        }
        if found == STORE_SCHEMA {
            return Ok(());
        }
        // The indexes are derived from the records, so they are made again whole.
        if found >= 1 {
            self.rebuild_indexes()?;
        }
        if (1..5).contains(&found) {
            self.mark_no_decisions()?;
        }
        self.meta
            .insert(SCHEMA_KEY, encode(&STORE_SCHEMA)?)
            .map_err(self.failed())?;
        self.sync()
    }

    /// Marks the closed votes of owners' councils that too few took part in as deciding nothing
    /// (未形成决议), as closing them does now: records kept before the mark existed say 未通过.
    fn mark_no_decisions(&self) -> Result<(), StoreError> {
        let councils: Vec<Council> = self
            .values::<Council>(&self.councils)?
            .into_iter()
            .filter(|c| !c.rule.quorum_at_opening())
            .collect();
        if councils.is_empty() {
            return Ok(());
        }
        for mut v in self.values::<Motion>(&self.motions)? {
            if v.state != VoteState::Closed || v.election.is_some() || v.no_decision {
                continue;
            }
            let Some(bytes) = self
                .meetings
                .get(v.meeting.0.to_be_bytes())
                .map_err(self.failed())?
            else {
                continue;
            };
            let m: Meeting = serde_json::from_slice(&bytes).map_err(corrupt)?;
            let Some(c) = councils.iter().find(|c| c.id == m.council) else {
                continue;
            };
            if !yishi_domain::decision(c, &m, &v).quorate() {
                v.no_decision = true;
                self.motions
                    .insert(v.id.0.to_be_bytes(), encode(&v)?)
                    .map_err(self.failed())?;
            }
        }
        Ok(())
    }

    /// Derives the meeting heads and the open-matter index from the records.
    fn rebuild_indexes(&self) -> Result<(), StoreError> {
        for index in [&self.heads, &self.open, &self.by_council, &self.by_start] {
            index.clear().map_err(self.failed())?;
        }
        for m in self.values::<Meeting>(&self.meetings)? {
            self.heads
                .insert(m.id.0.to_be_bytes(), encode(&MeetingHead::of(&m))?)
                .map_err(self.failed())?;
            self.by_council
                .insert(council_key(m.council, m.id.0), &[])
                .map_err(self.failed())?;
            self.by_start
                .insert(rows::start_key(m.start, m.id.0), &[])
                .map_err(self.failed())?;
        }
        for x in self.values::<Matter>(&self.matters)? {
            if x.stage.is_open() {
                self.open
                    .insert(council_key(x.council, x.id.0), &[])
                    .map_err(self.failed())?;
            }
        }
        Ok(())
    }
}

impl Drop for Tables {
    /// Hands what sled holds in memory to its files and waits for the write, so that the next
    /// open replays little and finds sled's own lock released (sled otherwise writes its last
    /// buffer on a thread of its own, still holding the lock).
    fn drop(&mut self) {
        if let Err(e) = self.db.flush() {
            // Nothing is lost: the journal holds every change, and the next open completes
            // the store from it.
            let _ = e;
        }
    }
}
