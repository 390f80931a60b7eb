//! What the secretary's screens read: past meetings with their matters, the minutes of one
//! of them laid out for the screen, search hits across all minutes, the ledger with its
//! filters, and one matter's history. Loaded from the store when a screen needs it.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

pub use super::ledger::{Filter, Ledger, Shown, State};
use yishi_domain::{CouncilId, MeetingId, Records};
use yishi_minutes::corpus::Corpus;
pub use yishi_minutes::corpus::{Hit, MOST_HITS};
use yishi_minutes::history::{self, Event};
use yishi_minutes::ledger::Row;
use yishi_minutes::{MeetingRecord, Paragraph, paragraphs};
use yishi_store::{MeetingHead, Store, StoreError};
use yishi_text::width;

/// The agenda of the meeting selected in the list, read when the selection lands on it.
#[derive(Debug, Clone)]
pub struct Agenda {
    pub meeting: MeetingId,
    /// The matters' titles, in order.
    pub titles: Vec<String>,
}

/// One meeting's minutes on screen.
#[derive(Debug, Clone)]
pub struct Open {
    /// The language the minutes are written in.
    pub lang: yishi_text::Lang,
    pub record: MeetingRecord,
    pub paragraphs: Vec<Paragraph>,
    /// Where the search words occur: paragraph and byte range.
    pub hits: Vec<(usize, Range<usize>)>,
    pub hit: usize,
    /// The first line shown.
    pub scroll: usize,
}

/// A screen line of the minutes: which paragraph, which bytes of it, and the indent that
/// centres it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineRef {
    pub para: usize,
    pub range: Range<usize>,
    pub indent: usize,
}

/// The minutes laid out at `columns`: the same lines `yishi minutes --width columns` prints.
pub fn layout(paragraphs: &[Paragraph], columns: usize) -> Vec<LineRef> {
    let mut out = Vec::new();
    for (i, p) in paragraphs.iter().enumerate() {
        if p.text.is_empty() {
            out.push(LineRef {
                para: i,
                range: 0..0,
                indent: 0,
            });
            continue;
        }
        for r in p.line_ranges(columns) {
            let w = width(&p.text[r.clone()]);
            let indent = if p.centred && w < columns {
                (columns - w) / 2
            } else {
                0
            };
            out.push(LineRef {
                para: i,
                range: r,
                indent,
            });
        }
    }
    out
}

/// One matter's whole story.
#[derive(Debug, Clone)]
pub struct History {
    pub row: Row,
    pub events: Vec<Event>,
}

/// Meetings read at a time into the archive's list.
const PAGE: usize = 256;

#[derive(Debug, Clone, Default)]
pub struct Archive {
    /// Meetings, latest first: as many as the list has come to, read a page at a time.
    pub meetings: Vec<MeetingHead>,
    /// Whether there are earlier meetings than those read.
    more: bool,
    /// Council names, when the database holds more than one council (a street office's).
    pub councils: BTreeMap<CouncilId, String>,
    pub agenda: Option<Agenda>,
    pub open: Option<Open>,
    pub query: String,
    pub results: Vec<Hit>,
    /// Whether more places hold the words than the `MOST_HITS` listed.
    pub found_more: bool,
    pub ledger: Ledger,
    pub history: Option<History>,
    corpus: Option<Corpus>,
    /// The corpus file being read ahead since the archive opened.
    reading: Arc<Mutex<Option<JoinHandle<Option<Corpus>>>>>,
}

/// Where `query` occurs in `text`, ignoring the case of Latin letters.
pub fn find_all(text: &str, query: &str) -> Vec<Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    let hay = text.to_ascii_lowercase();
    let needle = query.to_ascii_lowercase();
    hay.match_indices(&needle)
        .map(|(i, m)| i..i + m.len())
        .collect()
}

impl Archive {
    /// The latest meetings, a page of them (more are read as the list comes to them).
    pub fn load(store: &Store) -> Result<Archive, StoreError> {
        let mut archive = Archive {
            more: true,
            ..Archive::default()
        };
        archive.read_to(store, 0)?;
        Ok(archive)
    }

    /// Reads pages of meetings until the list holds half a page past `index`, or all of them.
    fn read_to(&mut self, store: &Store, index: usize) -> Result<(), StoreError> {
        let several = self.more && store.several_councils()?;
        while self.more && index + PAGE / 2 >= self.meetings.len() {
            let mut page = store.meetings_latest_first(self.meetings.last(), PAGE + 1)?;
            self.more = page.len() > PAGE;
            page.truncate(PAGE);
            if several {
                for h in &page {
                    if let std::collections::btree_map::Entry::Vacant(slot) =
                        self.councils.entry(h.council)
                    {
                        slot.insert(store.council_name(h.council)?.unwrap_or_default());
                    }
                }
            }
            self.meetings.extend(page);
        }
        Ok(())
    }

    /// Reads the agenda of the meeting at `index` in the list, unless it is the one already read,
    /// and the list on past it.
    pub fn select(&mut self, store: &Store, index: usize) -> Result<(), StoreError> {
        self.read_to(store, index)?;
        let Some(id) = self.meetings.get(index).map(|h| h.id) else {
            self.agenda = None;
            return Ok(());
        };
        if self.agenda.as_ref().is_some_and(|a| a.meeting == id) {
            return Ok(());
        }
        let read = |e: yishi_domain::ReadError| StoreError::Damaged { detail: e.0 };
        let mut titles = Vec::new();
        if let Some(m) = store.meeting(id).map_err(read)? {
            for x in &m.agenda {
                let title = store.matter(*x).map_err(read)?.map(|x| x.title);
                titles.push(title.unwrap_or_else(|| format!("#{x}")));
            }
        }
        self.agenda = Some(Agenda {
            meeting: id,
            titles,
        });
        Ok(())
    }

    /// Opens a meeting's minutes in `lang`, marking the current search words.
    pub fn open(
        &mut self,
        store: &Store,
        id: MeetingId,
        lang: yishi_text::Lang,
    ) -> Result<(), StoreError> {
        let record = MeetingRecord::load(store, id)?;
        let paragraphs = paragraphs(&record.input_in(lang));
        let hits = paragraphs
            .iter()
            .enumerate()
            .flat_map(|(i, p)| {
                find_all(&p.text, &self.query)
                    .into_iter()
                    .map(move |r| (i, r))
            })
            .collect();
        self.open = Some(Open {
            lang,
            record,
            paragraphs,
            hits,
            hit: 0,
            scroll: 0,
        });
        Ok(())
    }

    /// Reads the records again after a change (a signature, a correction), keeping the place.
    pub fn refresh(&mut self, store: &Store) -> Result<(), StoreError> {
        let keep = self
            .open
            .as_ref()
            .map(|o| (o.record.meeting.id, o.scroll, o.hit, o.lang));
        let mut fresh = Archive::load(store)?;
        fresh.read_to(store, self.meetings.len().saturating_sub(PAGE / 2))?;
        self.meetings = fresh.meetings;
        self.more = fresh.more;
        self.councils = fresh.councils;
        self.agenda = None;
        if let Some((id, scroll, hit, lang)) = keep {
            self.open(store, id, lang)?;
            if let Some(o) = &mut self.open {
                o.scroll = scroll;
                o.hit = hit.min(o.hits.len().saturating_sub(1));
            }
        }
        Ok(())
    }

    /// Takes over what `old` knew of searching and filtering (the words, the search text, the
    /// ledger's filter), so that coming back to the archive does not forget them.
    pub fn keep_search(&mut self, old: &mut Archive) {
        self.query = std::mem::take(&mut old.query);
        self.ledger.keep_filter(&old.ledger);
        self.corpus = old.corpus.take();
        self.reading = old.reading.clone();
    }

    /// Starts reading the search text, if it is not in memory yet: by the time the words are
    /// typed it is (a few hundred milliseconds at ten thousand meetings).
    pub fn read_ahead(&mut self, store: &Store, lang: yishi_text::Lang) {
        let Ok(mut reading) = self.reading.lock() else {
            return;
        };
        if self.corpus.as_ref().is_none_or(|c| c.lang() != lang) && reading.is_none() {
            let dir = store.dir().to_path_buf();
            *reading = Some(std::thread::spawn(move || Corpus::read(&dir, lang)));
        }
    }

    /// Every place `query` occurs in any meeting's minutes, latest meeting first.
    pub fn search(
        &mut self,
        store: &Store,
        query: &str,
        lang: yishi_text::Lang,
    ) -> Result<(), StoreError> {
        self.query = query.trim().to_string();
        let read_ahead = || {
            let handle = self.reading.lock().ok()?.take()?;
            handle.join().ok().flatten()
        };
        let known = self.corpus.take().filter(|c| c.lang() == lang);
        let known = known.or_else(read_ahead).filter(|c| c.lang() == lang);
        let corpus = match known {
            Some(c) => Corpus::current(store, lang, Some(c), &mut |_, _| ())?,
            None => Corpus::load(store, lang, &mut |_, _| ())?,
        };
        let found = corpus.find(&self.query);
        self.corpus = Some(corpus);
        self.results = found.hits;
        self.found_more = found.more;
        Ok(())
    }

    pub fn load_history(
        &mut self,
        store: &Store,
        row: &Row,
        lang: yishi_text::Lang,
    ) -> Result<(), StoreError> {
        let read = |e: yishi_domain::ReadError| StoreError::Damaged { detail: e.0 };
        let Some(x) = store.matter(row.id).map_err(read)? else {
            return Ok(());
        };
        let Some(council) = store.council(x.council).map_err(read)? else {
            return Ok(());
        };
        let mut motions = BTreeMap::new();
        for id in &x.motions {
            if let Some(v) = store.motion(*id).map_err(read)? {
                motions.insert(*id, v);
            }
        }
        // Only the meetings the matter names are read (a read that fails shows the meeting's
        // number instead of its name).
        let meeting = |id| store.meeting_head(id).ok().flatten();
        self.history = Some(History {
            row: row.clone(),
            events: history::events(&council, &x, &motions, &meeting, lang),
        });
        Ok(())
    }
}
