//! Searching the corpus: every place the words occur, latest meeting first.

use aho_corasick::AhoCorasick;
use chrono::NaiveDate;
use std::ops::Range;

use super::Corpus;
use super::grams::PARA;
use yishi_domain::MeetingId;

/// Places materialised for one search; more are counted, not listed.
pub const MOST_HITS: usize = 2_000;

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

/// What a search found: the places, latest meeting first, up to `MOST_HITS`; `more` when
/// there are others beyond them (they are not sought: a word in every meeting costs no more
/// than the meetings it takes to fill the list).
#[derive(Debug, Clone, Default)]
pub struct Found {
    pub hits: Vec<Hit>,
    pub more: bool,
}

impl Corpus {
    /// Places `query` occurs, ignoring the case of Latin letters, latest meeting first. Only
    /// the meetings whose block holds every pair of characters the query is made of are read
    /// (and any laid out since the blocks were made), until the list is full.
    pub fn find(&self, query: &str) -> Found {
        let mut found = Found::default();
        if query.is_empty() {
            return found;
        }
        let Some(matcher) = Matcher::of(query) else {
            return found;
        };
        let grams = self.grams.as_deref();
        let wanted = grams.and_then(|g| g.candidates(query));
        let may_hold = |start: usize| match (grams, &wanted) {
            (Some(g), Some(w)) if start < g.covered() => {
                w.get(g.block_of(start)).copied().unwrap_or(true)
            }
            _ => true,
        };
        let mut places = Vec::new();
        'meetings: for (entry, e) in self.entries.iter().enumerate() {
            if !may_hold(e.start) {
                continue;
            }
            for m in matcher.places(&self.text[e.start..e.end]) {
                if places.len() == MOST_HITS {
                    found.more = true;
                    break 'meetings;
                }
                places.push((entry, e.start + m.start, e.start + m.end));
            }
        }
        // Paragraphs are counted along each meeting's text, not sought afresh for each place.
        let (mut current, mut para, mut para_start, mut seen) = (usize::MAX, 0, 0, 0);
        for &(entry, start, end) in &places {
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
                label: yishi_domain::MeetingNumber {
                    year: e.year,
                    number: e.number,
                }
                .short(self.lang),
                date: e.start_at.date(),
                para,
                range: start - para_start..end - para_start,
                text: text.to_string(),
            });
        }
        found
    }
}

/// Finds the words: byte for byte where they hold no Latin letter (the faster search for a
/// long run of Han characters), else with Latin letters of either case.
enum Matcher {
    Exact(Box<memchr::memmem::Finder<'static>>),
    Folded(AhoCorasick),
}

impl Matcher {
    fn of(query: &str) -> Option<Matcher> {
        if query.bytes().any(|b| b.is_ascii_alphabetic()) {
            let folded = AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build([query]);
            folded.ok().map(Matcher::Folded)
        } else {
            let finder = memchr::memmem::Finder::new(query.as_bytes()).into_owned();
            Some(Matcher::Exact(Box::new(finder)))
        }
    }

    fn places<'a>(&'a self, text: &'a [u8]) -> Box<dyn Iterator<Item = Range<usize>> + 'a> {
        match self {
            Matcher::Exact(f) => {
                let n = f.needle().len();
                Box::new(f.find_iter(text).map(move |at| at..at + n))
            }
            Matcher::Folded(a) => Box::new(a.find_iter(text).map(|m| m.start()..m.end())),
        }
    }
}
