//! The text of every meeting's minutes in one file beside the database, so that a search reads
//! that file instead of laying out ten thousand meetings. It is a cache: made from the records,
//! brought up to date from the journal's changes since it was made (only the meetings they
//! touch are laid out again), and made whole again when it cannot be (missing, unreadable, or
//! made from another journal).

use aho_corasick::AhoCorasick;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::Path;

use super::{MeetingRecord, paragraphs};
use crate::domain::{Change, MeetingId, Records};
use crate::store::{Head, MeetingHead, Store, StoreError};

const FILE: &str = "search-corpus";
/// Between paragraphs: a character no record text can hold (controls are refused on entry).
const PARA: u8 = 0x1e;
/// Places materialised for one search; more are counted, not listed.
pub const MOST_HITS: usize = 2_000;

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    meeting: MeetingId,
    label: String,
    date: NaiveDate,
    /// Where the meeting's paragraphs sit in the text.
    start: usize,
    end: usize,
}

#[derive(Serialize, Deserialize)]
struct Header {
    head: Head,
    entries: Vec<Entry>,
}

/// Every meeting's minutes, latest meeting first. The text is kept as bytes: it is searched
/// as bytes (a UTF-8 needle only matches at character boundaries) and only the paragraphs a
/// search lists are read as text, so loading it costs one read and no validation.
#[derive(Debug, Clone)]
pub struct Corpus {
    head: Head,
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

impl Corpus {
    /// The corpus of `store`, from its file when that is current or can be brought up to date,
    /// else made afresh (telling `progress` how many meetings are done) and written back.
    pub fn load(store: &Store, progress: &mut dyn FnMut(u64, u64)) -> Result<Corpus, StoreError> {
        Corpus::current(store, Corpus::read(store.dir()), progress)
    }

    /// The corpus file of the database in `dir`, if it is there and whole. It needs no store,
    /// so it can be read ahead, while the secretary is still typing the words.
    pub fn read(dir: &Path) -> Option<Corpus> {
        read(&dir.join(FILE))
    }

    /// `old` brought up to date with `store` (from the journal's changes since it was made),
    /// or made afresh when it cannot be; written back whenever it changed.
    pub fn current(
        store: &Store,
        old: Option<Corpus>,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<Corpus, StoreError> {
        let (old, changed) = match old {
            Some(c) => match store.changes_since(&c.head)? {
                Some(changes) if changes.is_empty() => return Ok(c),
                Some(changes) => match touched(&changes, store)? {
                    Some(ids) => (Some(c), ids),
                    None => (None, BTreeSet::new()),
                },
                None => (None, BTreeSet::new()),
            },
            None => (None, BTreeSet::new()),
        };
        let corpus = Corpus::make(store, old.as_ref(), &changed, progress)?;
        // A cache that cannot be written is made again next time; the search still runs.
        let _ = corpus.write(&store.dir().join(FILE));
        Ok(corpus)
    }

    /// Lays out the meetings in `changed` and those `old` lacks; copies the rest from `old`.
    fn make(
        store: &Store,
        old: Option<&Corpus>,
        changed: &BTreeSet<MeetingId>,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<Corpus, StoreError> {
        let kept: BTreeMap<MeetingId, &[u8]> = old
            .map(|c| {
                c.entries
                    .iter()
                    .filter(|e| !changed.contains(&e.meeting))
                    .map(|e| (e.meeting, &c.text[e.start..e.end]))
                    .collect()
            })
            .unwrap_or_default();
        let heads = store.meetings()?;
        let total = heads.len() as u64;
        let mut text = Vec::new();
        let mut entries = Vec::with_capacity(heads.len());
        for (done, h) in heads.iter().rev().enumerate() {
            let start = text.len();
            match kept.get(&h.id) {
                Some(t) => text.extend_from_slice(t),
                None => {
                    let record = MeetingRecord::load(store, h.id)?;
                    for (i, p) in paragraphs(&record.input()).iter().enumerate() {
                        if i > 0 {
                            text.push(PARA);
                        }
                        text.extend_from_slice(p.text.as_bytes());
                    }
                }
            }
            entries.push(Entry {
                meeting: h.id,
                label: label(h),
                date: h.start.date(),
                start,
                end: text.len(),
            });
            progress(done as u64 + 1, total);
        }
        Ok(Corpus {
            head: store.head(),
            entries,
            text,
        })
    }

    fn write(&self, path: &Path) -> std::io::Result<()> {
        let header = Header {
            head: self.head.clone(),
            entries: self.entries.clone(),
        };
        let mut bytes = serde_json::to_vec(&header).map_err(std::io::Error::other)?;
        bytes.push(b'\n');
        bytes.extend_from_slice(&self.text);
        let tmp = path.with_extension("tmp");
        std::fs::write(&tmp, bytes)?;
        std::fs::rename(&tmp, path)
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
        // Hits come in text order, so the meeting and paragraph are followed along, not sought.
        let mut at = 0;
        let (mut para, mut para_start, mut seen) = (0, 0, 0);
        for m in matcher.find_iter(&self.text) {
            found.total += 1;
            if found.hits.len() >= MOST_HITS {
                continue;
            }
            while self.entries.get(at).is_some_and(|e| e.end < m.start()) {
                at += 1;
            }
            let Some(e) = self.entries.get(at) else { break };
            if seen < e.start || seen > m.start() {
                (para, para_start, seen) = (0, e.start, e.start);
            }
            for (i, _) in self.text[seen..m.start()]
                .iter()
                .enumerate()
                .filter(|(_, b)| **b == PARA)
            {
                para += 1;
                para_start = seen + i + 1;
            }
            seen = m.start();
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
                date: e.date,
                para,
                range: m.start() - para_start..m.end() - para_start,
                text: text.to_string(),
            });
        }
        found
    }
}

fn read(path: &Path) -> Option<Corpus> {
    use std::io::{BufRead, Read};
    let file = std::fs::File::open(path).ok()?;
    let size = file.metadata().ok()?.len() as usize;
    let mut reader = std::io::BufReader::new(file);
    let mut header = Vec::new();
    reader.read_until(b'\n', &mut header).ok()?;
    let header: Header = serde_json::from_slice(&header).ok()?;
    let mut text = Vec::with_capacity(size);
    reader.read_to_end(&mut text).ok()?;
    let fits = header
        .entries
        .iter()
        .all(|e| e.start <= e.end && e.end <= text.len());
    fits.then_some(Corpus {
        head: header.head,
        entries: header.entries,
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
