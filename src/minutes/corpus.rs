//! The text of every meeting's minutes in a file beside the database, so that a search reads
//! that file instead of laying out ten thousand meetings. It is a cache, made from the records
//! and brought up to date from the journal's changes since it was made: a meeting a change
//! touched is laid out again and its text appended to the file, and a small index beside it
//! says where each meeting's latest text lies. The text no index entry points at any more is
//! dropped when it outgrows the rest (the file is then written again whole). Either file
//! missing, unreadable or made from another journal, both are made again.

use aho_corasick::AhoCorasick;
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::io::Write as _;
use std::ops::Range;
use std::path::Path;

use super::{MeetingRecord, paragraphs};
use crate::domain::{Change, MeetingId, Records};
use crate::store::{Head, MeetingHead, Store, StoreError};

/// The text: each meeting's paragraphs, one meeting after another, appended as they change.
const TEXT: &str = "search-corpus";
/// Where each meeting's latest text lies in `TEXT`, and the journal change it is current to.
const INDEX: &str = "search-corpus.index";
/// Between paragraphs: a character no record text can hold (controls are refused on entry).
const PARA: u8 = 0x1e;
/// Places materialised for one search; more are counted, not listed.
pub const MOST_HITS: usize = 2_000;

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    meeting: MeetingId,
    label: String,
    start_at: NaiveDateTime,
    /// Where the meeting's paragraphs sit in the text.
    start: usize,
    end: usize,
}

#[derive(Serialize, Deserialize)]
struct Index {
    head: Head,
    /// How much of the text file the index covers (an append whose index was never written
    /// leaves more).
    len: usize,
    /// Latest meeting first.
    entries: Vec<Entry>,
}

/// Every meeting's minutes. The text is kept as bytes: it is searched as bytes (a UTF-8 needle
/// only matches at character boundaries) and only the paragraphs a search lists are read as
/// text, so loading it costs one read and no validation.
#[derive(Debug, Clone)]
pub struct Corpus {
    head: Head,
    /// Latest meeting first: the order results are listed in.
    entries: Vec<Entry>,
    text: Vec<u8>,
}

/// A place where the search words occur in some meeting's minutes.
#[derive(Debug, Clone)]
pub struct Hit {
    pub meeting: MeetingId,
    pub label: String,
    pub date: NaiveDate,
    /// The paragraph of the minutes, and the words' bytes within it.
    pub para: usize,
    pub range: Range<usize>,
    pub text: String,
}

/// What a search found: the first `MOST_HITS` places, and how many there are in all.
#[derive(Debug, Clone, Default)]
pub struct Found {
    pub hits: Vec<Hit>,
    pub total: usize,
}

pub fn label(h: &MeetingHead) -> String {
    format!("{}年第{}次会议", h.year, h.number)
}

/// A meeting's minutes as the corpus holds them: its paragraphs, `PARA` between them.
fn lay_out(store: &Store, id: MeetingId, text: &mut Vec<u8>) -> Result<MeetingHead, StoreError> {
    let record = MeetingRecord::load(store, id)?;
    for (i, p) in paragraphs(&record.input()).iter().enumerate() {
        if i > 0 {
            text.push(PARA);
        }
        text.extend_from_slice(p.text.as_bytes());
    }
    Ok(MeetingHead::of(&record.meeting))
}

/// Lays out every meeting, latest first, handing each one's text to `out`; returns where
/// each lies.
fn lay_out_all(
    store: &Store,
    progress: &mut dyn FnMut(u64, u64),
    out: &mut dyn FnMut(&[u8]) -> std::io::Result<()>,
) -> Result<Vec<Entry>, StoreError> {
    let heads = store.meetings()?;
    let total = heads.len() as u64;
    let mut entries = Vec::with_capacity(heads.len());
    let mut text = Vec::new();
    let mut at = 0;
    for (done, h) in heads.iter().rev().enumerate() {
        text.clear();
        lay_out(store, h.id, &mut text)?;
        out(&text).map_err(|e| StoreError::io("write", &store.dir().join(TEXT), e))?;
        entries.push(Entry {
            meeting: h.id,
            label: label(h),
            start_at: h.start,
            start: at,
            end: at + text.len(),
        });
        at += text.len();
        progress(done as u64 + 1, total);
    }
    Ok(entries)
}

/// How results are listed: the latest meeting first.
fn listed(e: &Entry) -> std::cmp::Reverse<(NaiveDateTime, MeetingId)> {
    std::cmp::Reverse((e.start_at, e.meeting))
}

impl Corpus {
    /// The corpus of `store`, from its files when they are current or can be brought up to
    /// date, else made afresh (telling `progress` how many meetings are done) and written.
    pub fn load(store: &Store, progress: &mut dyn FnMut(u64, u64)) -> Result<Corpus, StoreError> {
        Corpus::current(store, Corpus::read(store.dir()), progress)
    }

    /// The corpus files of the database in `dir`, if they are there and whole. They need no
    /// store, so they can be read ahead, while the secretary is still typing the words.
    pub fn read(dir: &Path) -> Option<Corpus> {
        read(dir)
    }

    /// `old` brought up to date with `store` (from the journal's changes since it was made),
    /// or made afresh when it cannot be; what changed is written to the files.
    pub fn current(
        store: &Store,
        old: Option<Corpus>,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<Corpus, StoreError> {
        let dir = store.dir();
        if let Some(mut c) = old {
            match store.changes_since(&c.head)? {
                Some(changes) if changes.is_empty() => return Ok(c),
                Some(changes) => {
                    if let Some(ids) = touched(&changes, store)? {
                        let from = c.text.len();
                        c.update(store, &ids)?;
                        // A cache that cannot be written is made again next time; the search
                        // still runs.
                        let _ = if c.dead() > c.text.len() / 2 {
                            c = c.compacted();
                            c.write(dir)
                        } else {
                            c.append(dir, from)
                        };
                        return Ok(c);
                    }
                }
                None => {}
            }
        }
        let corpus = Corpus::make(store, progress)?;
        let _ = corpus.write(dir);
        Ok(corpus)
    }

    /// Lays out every meeting, latest first.
    fn make(store: &Store, progress: &mut dyn FnMut(u64, u64)) -> Result<Corpus, StoreError> {
        let mut text = Vec::new();
        let entries = lay_out_all(store, progress, &mut |t| {
            text.extend_from_slice(t);
            Ok(())
        })?;
        Ok(Corpus {
            head: store.head(),
            entries,
            text,
        })
    }

    /// Makes the files afresh, each meeting's text written as it is laid out, without
    /// holding the corpus in memory (after an import of any size).
    pub fn write_fresh(
        store: &Store,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<(), StoreError> {
        let dir = store.dir();
        let _ = std::fs::remove_file(dir.join(INDEX));
        let mut entries = Ok(Vec::new());
        let mut len = 0;
        let path = dir.join(TEXT);
        crate::store::file::replace_with(&path, |out| {
            let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
            entries = lay_out_all(store, progress, &mut |t| {
                len += t.len();
                out.write_all(t)
            });
            out.flush()
        })
        .map_err(|e| StoreError::io("write", &path, e))?;
        let index = Index {
            head: store.head(),
            len,
            entries: entries?,
        };
        let bytes = serde_json::to_vec(&index).map_err(std::io::Error::other);
        bytes
            .and_then(|b| replace(&dir.join(INDEX), &b))
            .map_err(|e| StoreError::io("write", &dir.join(INDEX), e))
    }

    /// Lays out the meetings `ids` again, their text appended, their entries pointed at it.
    fn update(&mut self, store: &Store, ids: &BTreeSet<MeetingId>) -> Result<(), StoreError> {
        for &id in ids {
            let start = self.text.len();
            let head = lay_out(store, id, &mut self.text)?;
            let entry = Entry {
                meeting: id,
                label: label(&head),
                start_at: head.start,
                start,
                end: self.text.len(),
            };
            self.entries.retain(|e| e.meeting != id);
            let at = self.entries.partition_point(|e| listed(e) < listed(&entry));
            self.entries.insert(at, entry);
        }
        self.head = store.head();
        Ok(())
    }

    /// Bytes of the text no entry points at.
    fn dead(&self) -> usize {
        let live: usize = self.entries.iter().map(|e| e.end - e.start).sum();
        self.text.len() - live
    }

    /// The same corpus with only the text its entries point at, in their order.
    fn compacted(&self) -> Corpus {
        let mut text = Vec::with_capacity(self.text.len() - self.dead());
        let entries = self
            .entries
            .iter()
            .map(|e| {
                let start = text.len();
                text.extend_from_slice(&self.text[e.start..e.end]);
                Entry {
                    start,
                    end: text.len(),
                    ..e.clone()
                }
            })
            .collect();
        Corpus {
            head: self.head.clone(),
            entries,
            text,
        }
    }

    fn index(&self) -> std::io::Result<Vec<u8>> {
        let index = Index {
            head: self.head.clone(),
            len: self.text.len(),
            entries: self.entries.clone(),
        };
        serde_json::to_vec(&index).map_err(std::io::Error::other)
    }

    /// Writes both files whole.
    fn write(&self, dir: &Path) -> std::io::Result<()> {
        // The index goes first: until the new text is in place it covers none of it.
        let _ = std::fs::remove_file(dir.join(INDEX));
        replace(&dir.join(TEXT), &self.text)?;
        replace(&dir.join(INDEX), &self.index()?)
    }

    /// Appends the text from `from` on to the file, which holds the text up to it, and writes
    /// the index.
    fn append(&self, dir: &Path, from: usize) -> std::io::Result<()> {
        let path = dir.join(TEXT);
        let mut file = std::fs::OpenOptions::new().append(true).open(&path)?;
        if file.metadata()?.len() != from as u64 {
            drop(file);
            return self.write(dir);
        }
        file.write_all(&self.text[from..])?;
        replace(&dir.join(INDEX), &self.index()?)
    }

    /// Every place `query` occurs, ignoring the case of Latin letters, latest meeting first.
    pub fn find(&self, query: &str) -> Found {
        let mut found = Found::default();
        if query.is_empty() {
            return found;
        }
        let Ok(matcher) = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build([query])
        else {
            return found;
        };
        // The meetings' texts in file order, to tell which one a place lies in (or none: text
        // laid out again since).
        let mut spans: Vec<(usize, usize, usize)> = (self.entries.iter().enumerate())
            .map(|(i, e)| (e.start, e.end, i))
            .collect();
        spans.sort_unstable();
        let mut places = Vec::new();
        let mut k = 0;
        for m in matcher.find_iter(&self.text) {
            while spans.get(k).is_some_and(|s| s.1 < m.end()) {
                k += 1;
            }
            if let Some(&(start, _, entry)) = spans.get(k)
                && start <= m.start()
            {
                places.push((entry, m.start(), m.end()));
            }
        }
        places.sort_unstable();
        found.total = places.len();
        // Paragraphs are counted along each meeting's text, not sought afresh for each place.
        let (mut current, mut para, mut para_start, mut seen) = (usize::MAX, 0, 0, 0);
        for &(entry, start, end) in places.iter().take(MOST_HITS) {
            let e = &self.entries[entry];
            if entry != current {
                (current, para, para_start, seen) = (entry, 0, e.start, e.start);
            }
            for (i, _) in (self.text[seen..start].iter().enumerate()).filter(|(_, b)| **b == PARA) {
                para += 1;
                para_start = seen + i + 1;
            }
            seen = start;
            let para_end = self.text[para_start..e.end]
                .iter()
                .position(|b| *b == PARA)
                .map_or(e.end, |i| para_start + i);
            let Ok(text) = std::str::from_utf8(&self.text[para_start..para_end]) else {
                continue;
            };
            found.hits.push(Hit {
                meeting: e.meeting,
                label: e.label.clone(),
                date: e.start_at.date(),
                para,
                range: start - para_start..end - para_start,
                text: text.to_string(),
            });
        }
        found
    }
}

/// A cache file replaced whole (it is made again if lost, so it is not made durable).
fn replace(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path)
}

fn read(dir: &Path) -> Option<Corpus> {
    use std::io::Read;
    let index: Index = serde_json::from_slice(&std::fs::read(dir.join(INDEX)).ok()?).ok()?;
    let mut text = Vec::with_capacity(index.len);
    std::fs::File::open(dir.join(TEXT))
        .ok()?
        .take(index.len as u64)
        .read_to_end(&mut text)
        .ok()?;
    let fits = text.len() == index.len
        && index
            .entries
            .iter()
            .all(|e| e.start <= e.end && e.end <= text.len());
    fits.then_some(Corpus {
        head: index.head,
        entries: index.entries,
        text,
    })
}

/// The meetings whose minutes `changes` may have changed, or nothing when they may have
/// changed any (an import).
fn touched(changes: &[Change], store: &Store) -> Result<Option<BTreeSet<MeetingId>>, StoreError> {
    let mut ids = BTreeSet::new();
    for c in changes {
        if let Some(id) = c.meeting() {
            ids.insert(id);
        } else if let Some(v) = c.motion() {
            let motion = store
                .motion(v)
                .map_err(|e| StoreError::Damaged { detail: e.0 })?;
            ids.extend(motion.map(|v| v.meeting));
        } else if !matches!(c, Change::CreateCouncil { .. }) {
            return Ok(None);
        }
    }
    Ok(Some(ids))
}
