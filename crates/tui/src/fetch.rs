//! The console's one reader. The model is plain data; everything the screens show is read here,
//! from the store into it: a meeting's snapshot when it is opened, what a recorded change
//! brought into view, and what an archive screen asks for (`Load`). `App` calls it; no screen
//! and no part of the model reads the record.

use std::collections::BTreeMap;
use std::thread::JoinHandle;

use super::archive::{self, Agenda, Archive, Councils, Filter, History, Ledger, Open};
use super::data::{Data, Wanted};
use yishi_domain::Write;
use yishi_domain::{Matter, MatterId, MeetingId, Motion, MotionId, Records};
use yishi_minutes::corpus::Corpus;
use yishi_minutes::ledger::{self, Row};
use yishi_minutes::{MeetingRecord, history};
use yishi_store::{Store, StoreError};
use yishi_text::Lang;

/// The council's records as the console shows them, for `meeting` or (none) the first council.
pub fn data(store: &Store, meeting: Option<MeetingId>) -> Result<Data, StoreError> {
    let meeting = match meeting {
        Some(id) => store.meeting(id)?,
        None => None,
    };
    let council = match &meeting {
        Some(m) => store.council(m.council)?,
        None => store.first_council()?,
    };
    let Some(council) = council else {
        return Ok(Data::default());
    };
    let mut meetings = store.council_meetings(council.id)?;
    meetings.reverse();
    let latest = match meetings.first() {
        Some(h) => store.meeting(h.id)?,
        None => None,
    };
    let open_matters = store.open_matters(council.id)?;
    let (agenda, motions) = match &meeting {
        Some(m) => matters(store, &m.agenda)?,
        None => Default::default(),
    };
    Ok(Data {
        council: Some(council),
        meetings,
        latest,
        open_matters,
        meeting,
        agenda,
        motions,
    })
}

/// The meeting `id` as a room sees it, read from any records (the wall's, followed from the
/// journal): its council, agenda and motions; nothing of the council's other meetings.
pub fn meeting<R: Records>(records: &R, id: MeetingId) -> Result<Data, StoreError> {
    let Some(meeting) = records.meeting(id)? else {
        return Ok(Data::default());
    };
    let council = records.council(meeting.council)?;
    let (agenda, motions) = matters(records, &meeting.agenda)?;
    Ok(Data {
        council,
        meeting: Some(meeting),
        agenda,
        motions,
        ..Data::default()
    })
}

/// The snapshot after a change: the records it wrote, and what it brought into view.
pub fn after(store: &Store, data: &mut Data, writes: &[Write]) -> Result<(), StoreError> {
    match data.absorb(writes) {
        Wanted::Nothing => {}
        Wanted::Matters(ids) => {
            let (read, motions) = matters(store, &ids)?;
            data.follow_agenda(read, motions);
        }
        Wanted::Whole => *data = self::data(store, data.meeting.as_ref().map(|m| m.id))?,
    }
    Ok(())
}

/// Matters in the order given, and their motions.
fn matters<R: Records>(
    records: &R,
    ids: &[MatterId],
) -> Result<(Vec<Matter>, BTreeMap<MotionId, Motion>), StoreError> {
    let mut agenda = Vec::new();
    let mut motions = BTreeMap::new();
    for id in ids {
        if let Some(matter) = records.matter(*id)? {
            for v in &matter.motions {
                if let Some(motion) = records.motion(*v)? {
                    motions.insert(*v, motion);
                }
            }
            agenda.push(matter);
        }
    }
    Ok((agenda, motions))
}

/// The archive's list read again from its latest meeting, keeping the search words and the
/// ledger's filter.
pub fn archive(store: &Store, old: &mut Archive) -> Result<Archive, StoreError> {
    let mut fresh = Archive::after(old);
    meetings_to(store, &mut fresh, 0)?;
    Ok(fresh)
}

/// Reads pages of meetings until the list holds half a page past `index`, or all of them.
fn meetings_to(store: &Store, a: &mut Archive, index: usize) -> Result<(), StoreError> {
    let several = a.wants_meetings(index) && store.several_councils()?;
    while a.wants_meetings(index) {
        let page = store.meetings_latest_first(a.meetings.last(), archive::PAGE + 1)?;
        let mut names = Councils::new();
        if several {
            for h in page.iter().take(archive::PAGE) {
                if !a.councils.contains_key(&h.council) && !names.contains_key(&h.council) {
                    let name = store.council_name(h.council)?.unwrap_or_default();
                    names.insert(h.council, name);
                }
            }
        }
        a.take_meetings(page, names);
    }
    Ok(())
}

/// The agenda of the meeting at `index` in the list (unless it is the one already read), and
/// the list read on past it.
pub fn agenda(store: &Store, a: &mut Archive, index: usize) -> Result<(), StoreError> {
    meetings_to(store, a, index)?;
    let Some(id) = a.meetings.get(index).map(|h| h.id) else {
        a.agenda = None;
        return Ok(());
    };
    if a.agenda.as_ref().is_some_and(|x| x.meeting == id) {
        return Ok(());
    }
    let mut titles = Vec::new();
    if let Some(m) = store.meeting(id)? {
        for x in &m.agenda {
            let title = store.matter(*x)?.map(|x| x.title);
            titles.push(title.unwrap_or_else(|| format!("#{x}")));
        }
    }
    a.agenda = Some(Agenda {
        meeting: id,
        titles,
    });
    Ok(())
}

/// A meeting's minutes in `lang`, the search words marked.
pub fn minutes(
    store: &Store,
    a: &mut Archive,
    id: MeetingId,
    lang: Lang,
) -> Result<(), StoreError> {
    let record = MeetingRecord::load(store, id)?;
    a.open = Some(Open::new(record, lang, &a.query));
    Ok(())
}

/// The archive read again after a change (a signature, a correction), keeping its place.
pub fn refresh(store: &Store, a: &mut Archive) -> Result<(), StoreError> {
    let keep = a
        .open
        .as_ref()
        .map(|o| (o.record.meeting.id, o.scroll, o.hit, o.lang));
    let listed = a.meetings.len();
    let mut fresh = Archive::unread();
    meetings_to(store, &mut fresh, listed.saturating_sub(archive::PAGE / 2))?;
    a.list_again(fresh);
    if let Some((id, scroll, hit, lang)) = keep {
        minutes(store, a, id, lang)?;
        if let Some(o) = &mut a.open {
            o.scroll = scroll;
            o.hit = hit.min(o.hits.len().saturating_sub(1));
        }
    }
    Ok(())
}

/// One matter's whole story, as of `row`; none if the matter or its council cannot be found.
pub fn history(store: &Store, row: &Row, lang: Lang) -> Result<Option<History>, StoreError> {
    let Some(x) = store.matter(row.id)? else {
        return Ok(None);
    };
    let Some(council) = store.council(x.council)? else {
        return Ok(None);
    };
    let mut motions = BTreeMap::new();
    for id in &x.motions {
        if let Some(v) = store.motion(*id)? {
            motions.insert(*id, v);
        }
    }
    // Only the meetings the matter names are read (a read that fails shows the meeting's
    // number instead of its name).
    let meeting = |id| store.meeting_head(id).ok().flatten();
    Ok(Some(History {
        row: row.clone(),
        events: history::events(&council, &x, &motions, &meeting, lang),
    }))
}

/// What reading keeps between one read and the next: the search text, in memory once read
/// (or being read ahead on a thread), and where the ledger has read to.
#[derive(Default)]
pub struct Reading {
    corpus: Option<Corpus>,
    ahead: Option<JoinHandle<Option<Corpus>>>,
    ledger: Option<ledger::Pages>,
}

impl Reading {
    /// Starts reading the search text, if it is not in memory yet: by the time the words are
    /// typed it is (a few hundred milliseconds at ten thousand meetings).
    pub fn read_ahead(&mut self, store: &Store, lang: Lang) {
        if self.corpus.as_ref().is_none_or(|c| c.lang() != lang) && self.ahead.is_none() {
            let dir = store.dir().to_path_buf();
            self.ahead = Some(std::thread::spawn(move || Corpus::read(&dir, lang)));
        }
    }

    /// Every place `query` occurs in any meeting's minutes, latest meeting first.
    pub fn search(
        &mut self,
        store: &Store,
        a: &mut Archive,
        query: &str,
        lang: Lang,
    ) -> Result<(), StoreError> {
        a.query = query.trim().to_string();
        let read_ahead = || self.ahead.take()?.join().ok().flatten();
        let known = self.corpus.take().filter(|c| c.lang() == lang);
        let known = known.or_else(read_ahead).filter(|c| c.lang() == lang);
        let corpus = match known {
            Some(c) => Corpus::current(store, lang, Some(c), &mut |_, _| ())?,
            None => Corpus::load(store, lang, &mut |_, _| ())?,
        };
        let found = corpus.find(&a.query);
        self.corpus = Some(corpus);
        a.results = found.hits;
        a.found_more = found.more;
        Ok(())
    }

    /// The ledger from its first page, overdue counted as of `today`.
    pub fn ledger(
        &mut self,
        store: &Store,
        l: &mut Ledger,
        today: chrono::NaiveDate,
    ) -> Result<(), StoreError> {
        self.ledger = Some(ledger::Pages::new(today));
        l.restart();
        self.ledger_to(store, l, 0)
    }

    /// Reads ledger rows until the filter has let through half a page past `index`, or every
    /// matter has been read.
    pub fn ledger_to(
        &mut self,
        store: &Store,
        l: &mut Ledger,
        index: usize,
    ) -> Result<(), StoreError> {
        while l.wants_rows(index) {
            let Some(pages) = &mut self.ledger else {
                l.take_rows(Vec::new(), false);
                break;
            };
            let rows = pages.next(store, super::ledger::PAGE)?;
            l.take_rows(rows, !pages.done());
        }
        Ok(())
    }

    /// The ledger filtered, read on until the filter has a page to show.
    pub fn filter(
        &mut self,
        store: &Store,
        l: &mut Ledger,
        filter: Filter,
    ) -> Result<(), StoreError> {
        l.set_filter(filter);
        self.ledger_to(store, l, 0)
    }
}
