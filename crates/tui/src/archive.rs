//! What the secretary's screens read: past meetings with their matters, the minutes of one
//! of them laid out for the screen, search hits across all minutes, the ledger with its
//! filters, and one matter's history. Plain data: `fetch` reads it when a screen needs it.

use std::collections::BTreeMap;
use std::ops::Range;

pub use super::ledger::{Filter, Ledger, Shown, State};
use yishi_domain::{CouncilId, MeetingId};
pub use yishi_minutes::corpus::{Hit, MOST_HITS};
use yishi_minutes::history::Event;
use yishi_minutes::ledger::Row;
use yishi_minutes::{MeetingRecord, Paragraph, paragraphs};
use yishi_store::MeetingHead;
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
pub const PAGE: usize = 256;

#[derive(Debug, Clone, Default)]
pub struct Archive {
    /// Meetings, latest first: as many as the list has come to, read a page at a time.
    pub meetings: Vec<MeetingHead>,
    /// Whether there are earlier meetings than those read.
    more: bool,
    /// Council names, when the database holds more than one council (a street office's).
    pub councils: Councils,
    pub agenda: Option<Agenda>,
    pub open: Option<Open>,
    pub query: String,
    pub results: Vec<Hit>,
    /// Whether more places hold the words than the `MOST_HITS` listed.
    pub found_more: bool,
    pub ledger: Ledger,
    pub history: Option<History>,
}

/// Council names by id.
pub type Councils = BTreeMap<CouncilId, String>;

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
    /// An archive list not yet read, keeping what `old` knew of searching and filtering (the
    /// words, the ledger's filter), so that coming back to the archive does not forget them.
    pub fn after(old: &mut Archive) -> Archive {
        let mut fresh = Archive::unread();
        fresh.query = std::mem::take(&mut old.query);
        fresh.ledger.keep_filter(&old.ledger);
        fresh
    }

    /// A list with nothing read yet and everything still to read.
    pub fn unread() -> Archive {
        Archive {
            more: true,
            ..Archive::default()
        }
    }

    /// Whether the list should read on to hold half a page past `index`.
    pub fn wants_meetings(&self, index: usize) -> bool {
        self.more && index + PAGE / 2 >= self.meetings.len()
    }

    /// Takes in a page read after the last meeting listed (`PAGE` and one more, if there are
    /// that many: the one more says there are), with the names of councils new to the list.
    pub fn take_meetings(&mut self, mut page: Vec<MeetingHead>, names: Councils) {
        self.more = page.len() > PAGE;
        page.truncate(PAGE);
        self.meetings.extend(page);
        self.councils.extend(names);
    }

    /// Takes the list of `fresh` (read again after a change), keeping the rest; the selected
    /// meeting's agenda is read again when the selection lands.
    pub fn list_again(&mut self, fresh: Archive) {
        self.meetings = fresh.meetings;
        self.more = fresh.more;
        self.councils = fresh.councils;
        self.agenda = None;
    }
}

impl Open {
    /// A meeting's minutes read in `lang`, the places `query` occurs marked.
    pub fn new(record: MeetingRecord, lang: yishi_text::Lang, query: &str) -> Open {
        let paragraphs = paragraphs(&record.input_in(lang));
        let hits = paragraphs
            .iter()
            .enumerate()
            .flat_map(|(i, p)| find_all(&p.text, query).into_iter().map(move |r| (i, r)))
            .collect();
        Open {
            lang,
            record,
            paragraphs,
            hits,
            hit: 0,
            scroll: 0,
        }
    }
}
