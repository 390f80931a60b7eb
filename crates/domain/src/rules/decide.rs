//! A rule applied to a vote's figures: each share it asks checked on its own — the quorum and
//! the passing majority, by headcount and, for owners, by floor area too — and the result
//! worded as the minutes give it.

use serde::{Deserialize, Serialize};

use super::{Base, Fraction, Rule, Unit};
use crate::vote::Tally;

/// Owners' floor-area tests (专有部分面积): each its own share, on the headcount tests' bases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Area {
    pub quorum: Fraction,
    pub passing: Fraction,
}

/// A vote's figures by floor area, in hundredths of a square metre.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaTally {
    pub yes: u64,
    pub no: u64,
    pub abstain: u64,
    /// Of the owners present when the vote opened.
    pub present: u64,
    /// Of every owner on the register.
    pub entitled: u64,
}

impl AreaTally {
    /// The area of the owners taking part in the vote.
    pub fn cast(&self) -> u64 {
        self.yes + self.no + self.abstain
    }
}

/// What a share is measured in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    Heads,
    Area,
}

/// One share checked: `count` of `whole` against `share`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Check {
    pub measure: Measure,
    pub count: u64,
    pub whole: u64,
    pub share: Fraction,
    pub held: bool,
}

impl Check {
    fn of(measure: Measure, count: u64, whole: u64, share: Fraction) -> Check {
        Check {
            measure,
            count,
            whole,
            share,
            held: share.holds(count, whole),
        }
    }

    /// The share reached, in hundredths of a percent, rounded toward the result: up where the
    /// share held, down where it failed, so that a failing share never prints as the line it
    /// missed (74.9995% of a three-quarter line is 74.99%, not 75.00%).
    pub fn basis_points(&self) -> u64 {
        if self.whole == 0 {
            return 0;
        }
        let scaled = u128::from(self.count) * 10_000;
        let whole = u128::from(self.whole);
        let bp = if self.held {
            scaled.div_ceil(whole)
        } else {
            scaled / whole
        };
        u64::try_from(bp).unwrap_or(u64::MAX)
    }

    /// 71.25%
    pub fn percent(&self) -> String {
        let bp = self.basis_points();
        format!("{}.{:02}%", bp / 100, bp % 100)
    }
}

/// A vote decided by a rule: every share it asks, and whether each held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub unit: Unit,
    pub quorum: Vec<Check>,
    pub passing: Vec<Check>,
}

impl Decision {
    pub fn quorate(&self) -> bool {
        self.quorum.iter().all(|c| c.held)
    }

    /// Passed: quorate, and every passing share held. A double test passes only when both do.
    pub fn passed(&self) -> bool {
        self.quorate() && self.passing.iter().all(|c| c.held)
    }
}

impl Rule {
    /// Every share the rule asks of a vote's figures: headcount, and for owners area too.
    pub fn decide(&self, heads: &Tally, area: Option<&AreaTally>) -> Decision {
        let counted = |present: u64, cast: u64| match self.quorum_of {
            Base::Cast => cast,
            _ => present,
        };
        let base = |entitled: u64, present: u64, cast: u64| match self.passing_base {
            Base::Entitled => entitled,
            Base::Present => present,
            Base::Cast => cast,
        };
        let (present, cast, entitled) = (
            u64::from(heads.present),
            u64::from(heads.cast()),
            u64::from(heads.entitled),
        );
        let mut quorum = vec![Check::of(
            Measure::Heads,
            counted(present, cast),
            entitled,
            self.quorum,
        )];
        let mut passing = vec![Check::of(
            Measure::Heads,
            u64::from(heads.yes),
            base(entitled, present, cast),
            self.passing,
        )];
        if let Some(shares) = &self.area {
            let a = area.copied().unwrap_or_default();
            quorum.push(Check::of(
                Measure::Area,
                counted(a.present, a.cast()),
                a.entitled,
                shares.quorum,
            ));
            passing.push(Check::of(
                Measure::Area,
                a.yes,
                base(a.entitled, a.present, a.cast()),
                shares.passing,
            ));
        }
        Decision {
            unit: self.unit,
            quorum,
            passing,
        }
    }
}
