//! The ledger as the console shows it: rows read a page at a time, in id order, and the
//! filter that picks which of them the screen lists.

use chrono::NaiveDate;

use yishi_domain::{Stage, Step};
use yishi_minutes::ledger::{self, Row};
use yishi_store::{Store, StoreError};

/// Rows read at a time.
const PAGE: usize = 256;

/// Which matters the ledger shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only matters standing at this step.
    pub step: Option<Step>,
    pub state: State,
    pub overdue_only: bool,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum State {
    #[default]
    All,
    Open,
    /// Sent back by a review for 整改 and not yet closed.
    Rectifying,
    Completed,
    NotAdopted,
}

impl State {
    pub const ALL: [State; 5] = [
        State::All,
        State::Open,
        State::Rectifying,
        State::Completed,
        State::NotAdopted,
    ];

    fn admits(self, r: &Row) -> bool {
        use yishi_domain::Closure;
        match self {
            State::All => true,
            State::Open => r.stage.is_open(),
            State::Rectifying => r.stage.is_open() && r.rectifications > 0,
            State::Completed => r.stage == Stage::Closed(Closure::Completed),
            State::NotAdopted => r.stage == Stage::Closed(Closure::NotAdopted),
        }
    }
}

impl Filter {
    pub fn admits(&self, r: &Row) -> bool {
        self.step.is_none_or(|s| r.stage == Stage::At(s))
            && self.state.admits(r)
            && (!self.overdue_only || r.overdue > 0)
    }
}

/// The ledger rows a filter lets through, in ledger order.
#[derive(Debug, Clone, Copy)]
pub struct Shown<'a> {
    rows: &'a [Row],
    shown: &'a [usize],
}

impl<'a> Shown<'a> {
    pub fn len(&self) -> usize {
        self.shown.len()
    }

    pub fn is_empty(&self) -> bool {
        self.shown.is_empty()
    }

    pub fn get(&self, i: usize) -> Option<&'a Row> {
        self.shown.get(i).and_then(|&r| self.rows.get(r))
    }

    pub fn iter(&self) -> impl Iterator<Item = &'a Row> + 'a {
        let rows = self.rows;
        self.shown.iter().filter_map(move |&r| rows.get(r))
    }
}

/// The ledger screen's rows.
#[derive(Debug, Clone, Default)]
pub struct Ledger {
    /// In id order: as many as the list has come to, read a page at a time.
    rows: Vec<Row>,
    /// Where reading goes on (none before the ledger is opened).
    pages: Option<ledger::Pages>,
    filter: Filter,
    /// Which rows the filter lets through, worked out when either changes rather than on every
    /// frame.
    shown: Vec<usize>,
}

impl Ledger {
    /// Opens the ledger at its first page, overdue counted as of `today`.
    pub fn open(&mut self, store: &Store, today: NaiveDate) -> Result<(), StoreError> {
        self.rows.clear();
        self.shown.clear();
        self.pages = Some(ledger::Pages::new(today));
        self.read_to(store, 0)
    }

    /// Reads ledger rows until the filter has let through half a page past `index`, or every
    /// matter has been read (`usize::MAX`: all of them, for an export).
    pub fn read_to(&mut self, store: &Store, index: usize) -> Result<(), StoreError> {
        let Some(pages) = &mut self.pages else {
            return Ok(());
        };
        while !pages.done() && index.saturating_add(PAGE / 2) >= self.shown.len() {
            for row in pages.next(store, PAGE)? {
                if self.filter.admits(&row) {
                    self.shown.push(self.rows.len());
                }
                self.rows.push(row);
            }
        }
        Ok(())
    }

    /// Whether rows remain to be read.
    pub fn more(&self) -> bool {
        self.pages.as_ref().is_some_and(|p| !p.done())
    }

    pub fn filter(&self) -> Filter {
        self.filter
    }

    /// Filters the ledger, reading on until the filter has a page to show.
    pub fn set_filter(&mut self, store: &Store, filter: Filter) -> Result<(), StoreError> {
        self.filter = filter;
        self.shown = (0..self.rows.len())
            .filter(|&i| filter.admits(&self.rows[i]))
            .collect();
        self.read_to(store, 0)
    }

    /// The ledger rows the filter lets through.
    pub fn shown(&self) -> Shown<'_> {
        Shown {
            rows: &self.rows,
            shown: &self.shown,
        }
    }

    /// Takes over the filter `old` had, so that coming back to the ledger keeps it.
    pub fn keep_filter(&mut self, old: &Ledger) {
        self.filter = old.filter;
    }
}
