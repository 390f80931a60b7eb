//! The text of every meeting's minutes in a file beside the database, so that a search reads
//! that file instead of laying out ten thousand meetings. It is a cache, made from the records
//! and brought up to date from the journal's changes since it was made: a meeting a change
//! touched is laid out again and its text appended to the file, and a small index beside it
//! says where each meeting's latest text lies. The text no index entry points at any more is
//! dropped when it outgrows the rest (the file is then written again whole). Either file
//! missing, unreadable or made from another journal, both are made again.

mod files;
mod find;
mod grams;

use grams::PARA;

use chrono::NaiveDateTime;
pub use find::{Found, Hit, MOST_HITS};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

use super::{MeetingRecord, paragraphs};
use yishi_domain::{Change, MeetingId, Records};
use yishi_store::{Head, MeetingHead, Store, StoreError};
use yishi_text::Lang;

/// The text: each meeting's paragraphs, one meeting after another, appended as they change;
/// one file for each language the minutes were searched in (简体's keeps its first name).
fn text_file(lang: Lang) -> String {
    match lang {
        Lang::ZhHans => "search-corpus".to_string(),
        other => format!("search-corpus-{}", other.code()),
    }
}

/// Where each meeting's latest text lies in the text, and the journal change it is current to.
fn index_file(lang: Lang) -> String {
    text_file(lang) + ".index"
}

/// Which blocks of the text hold which pairs of characters (`grams`).
fn grams_file(lang: Lang) -> String {
    text_file(lang) + ".grams"
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    meeting: MeetingId,
    /// The meeting's year and number, its label made from them as a list shows it. (An index
    /// written before, holding the label itself, no longer reads and is made again.)
    year: i32,
    number: u32,
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
    /// Which whole writing of the files this is (the grams file names the same).
    #[serde(default)]
    generation: u64,
    /// Latest meeting first.
    entries: Vec<Entry>,
}

/// Every meeting's minutes. The text is kept as bytes: it is searched as bytes (a UTF-8 needle
/// only matches at character boundaries) and only the paragraphs a search lists are read as
/// text, so loading it costs one read and no validation.
#[derive(Debug, Clone)]
pub struct Corpus {
    /// The language the minutes are laid out in.
    lang: Lang,
    head: Head,
    /// Latest meeting first: the order results are listed in.
    entries: Vec<Entry>,
    text: Vec<u8>,
    /// Which whole writing of the files this is.
    generation: u64,
    /// Which blocks of the text hold what, where the files had it.
    grams: Option<std::sync::Arc<grams::Grams>>,
}

/// A meeting's minutes as the corpus holds them: its paragraphs, `PARA` between them.
fn lay_out(
    store: &Store,
    id: MeetingId,
    lang: Lang,
    text: &mut Vec<u8>,
) -> Result<MeetingHead, StoreError> {
    let record = MeetingRecord::load(store, id)?;
    for (i, p) in paragraphs(&record.input_in(lang)).iter().enumerate() {
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
    lang: Lang,
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
        lay_out(store, h.id, lang, &mut text)?;
        let file = || store.dir().join(text_file(lang));
        out(&text).map_err(|e| StoreError::io("write", &file(), e))?;
        entries.push(Entry {
            meeting: h.id,
            year: h.year,
            number: h.number,
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
    pub fn load(
        store: &Store,
        lang: Lang,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<Corpus, StoreError> {
        let old = Corpus::read(store.dir(), lang);
        Corpus::current(store, lang, old, progress)
    }

    /// The language the minutes are laid out in.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// `old` brought up to date with `store` (from the journal's changes since it was made),
    /// or made afresh when it cannot be; what changed is written to the files.
    pub fn current(
        store: &Store,
        lang: Lang,
        old: Option<Corpus>,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<Corpus, StoreError> {
        let dir = store.dir();
        if let Some(mut c) = old.filter(|c| c.lang == lang) {
            match store.changes_since(&c.head)? {
                // Files made before the grams were kept get them once, from the text.
                Some(changes) if changes.is_empty() && c.grams.is_none() => {
                    let _ = c.write(dir);
                    return Ok(c);
                }
                Some(changes) if changes.is_empty() => return Ok(c),
                Some(changes) => {
                    if let Some(ids) = touched(&changes, store)? {
                        let from = c.text.len();
                        c.update(store, &ids)?;
                        // A cache that cannot be written is made again next time; the search
                        // still runs.
                        let _ = if c.dead() > c.text.len() / 2 || c.grams.is_none() {
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
        let mut corpus = Corpus::make(store, lang, progress)?;
        let _ = corpus.write(dir);
        Ok(corpus)
    }

    /// Lays out every meeting, latest first.
    fn make(
        store: &Store,
        lang: Lang,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<Corpus, StoreError> {
        let mut text = Vec::new();
        let entries = lay_out_all(store, lang, progress, &mut |t| {
            text.extend_from_slice(t);
            Ok(())
        })?;
        Ok(Corpus {
            lang,
            head: store.head(),
            entries,
            text,
            generation: 0,
            grams: None,
        })
    }

    /// Lays out the meetings `ids` again, their text appended, their entries pointed at it.
    fn update(&mut self, store: &Store, ids: &BTreeSet<MeetingId>) -> Result<(), StoreError> {
        for &id in ids {
            let start = self.text.len();
            let head = lay_out(store, id, self.lang, &mut self.text)?;
            let entry = Entry {
                meeting: id,
                year: head.year,
                number: head.number,
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
            lang: self.lang,
            head: self.head.clone(),
            entries,
            text,
            generation: 0,
            grams: None,
        }
    }
}

/// The meetings whose minutes `changes` may have changed, or nothing when they may have
/// changed any (an import).
fn touched(changes: &[Change], store: &Store) -> Result<Option<BTreeSet<MeetingId>>, StoreError> {
    let mut ids = BTreeSet::new();
    for c in changes {
        if let Some(id) = c.meeting() {
            ids.insert(id);
        } else if let Some(v) = c.motion() {
            let motion = store.motion(v)?;
            ids.extend(motion.map(|v| v.meeting));
        } else if !matches!(
            c,
            Change::CreateCouncil(_)
                | Change::AddMember(_)
                | Change::MemberLeaves(_)
                | Change::SellUnit(_)
        ) {
            return Ok(None);
        }
    }
    Ok(Some(ids))
}
