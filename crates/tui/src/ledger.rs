//! The ledger as the console shows it: rows read a page at a time (by `fetch`), in id order,
//! and the filter that picks which of them the screen lists.

use yishi_domain::{Stage, Step};
use yishi_minutes::ledger::Row;

/// Rows read at a time.
pub const PAGE: usize = 256;

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
    /// Whether rows remain to be read.
    more: bool,
    filter: Filter,
    /// Which rows the filter lets through, worked out when either changes rather than on every
    /// frame.
    shown: Vec<usize>,
}

impl Ledger {
    /// A ledger opened again from its first row, keeping its filter.
    pub fn restart(&mut self) {
        self.rows.clear();
        self.shown.clear();
        self.more = true;
    }

    /// Whether the list should read on until the filter has let through half a page past
    /// `index` (`usize::MAX`: every row, for an export).
    pub fn wants_rows(&self, index: usize) -> bool {
        self.more && index.saturating_add(PAGE / 2) >= self.shown.len()
    }

    /// Takes in the next rows read, and whether any remain after them.
    pub fn take_rows(&mut self, rows: Vec<Row>, more: bool) {
        for row in rows {
            if self.filter.admits(&row) {
                self.shown.push(self.rows.len());
            }
            self.rows.push(row);
        }
        self.more = more;
    }

    /// Whether rows remain to be read.
    pub fn more(&self) -> bool {
        self.more
    }

    pub fn filter(&self) -> Filter {
        self.filter
    }

    /// Filters the rows read so far (reading on is `fetch`'s).
    pub fn set_filter(&mut self, filter: Filter) {
        self.filter = filter;
        self.shown = (0..self.rows.len())
            .filter(|&i| filter.admits(&self.rows[i]))
            .collect();
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
