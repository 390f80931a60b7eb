//! Searching the corpus: every place the words occur, latest meeting first.

use aho_corasick::AhoCorasick;
use chrono::NaiveDate;
use std::ops::Range;

use super::{Corpus, PARA};
use crate::domain::MeetingId;

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

/// What a search found: the first `MOST_HITS` places, and how many there are in all.
#[derive(Debug, Clone, Default)]
pub struct Found {
    pub hits: Vec<Hit>,
    pub total: usize,
}

impl Corpus {
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
