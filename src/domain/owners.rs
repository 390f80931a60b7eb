//! Owners' votes (业主共同决定): the register of units with their owners and exclusive floor
//! area, and a vote's figures counted from it. The area is kept in hundredths of a square
//! metre and added in integers; an owner of several units counts once by headcount, their
//! area adds up (最高人民法院关于审理建筑物区分所有权纠纷案件适用法律若干问题的解释 第八条、
//! 第九条).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::rules::AreaTally;
use super::vote::{Choice, Tally};

/// One unit of the register (房屋登记册): its number, its owner, its exclusive floor area.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holding {
    pub unit: String,
    /// The owner as the register names them; the same name on several units is one owner.
    pub owner: String,
    /// 专有部分面积, in hundredths of a square metre.
    pub area: u64,
}

/// An owner's vote: given by the owner, or by another holding the owner's proxy (委托).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnerBallot {
    pub owner: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proxy: Option<String>,
    pub choice: Choice,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Register {
    pub holdings: Vec<Holding>,
}

impl Register {
    /// Each owner once, with the floor area of all their units.
    pub fn owners(&self) -> BTreeMap<&str, u64> {
        let mut owners = BTreeMap::new();
        for h in &self.holdings {
            *owners.entry(h.owner.as_str()).or_insert(0) += h.area;
        }
        owners
    }

    /// A vote's figures by headcount and by area: every owner on the register entitled, those
    /// present at the meeting (`present`, by name) present, and each ballot counted for the
    /// owner it is given for, once. A ballot for an owner not on the register is refused by
    /// name.
    pub fn tally(
        &self,
        ballots: &[OwnerBallot],
        present: &BTreeSet<String>,
    ) -> Result<(Tally, AreaTally), String> {
        let owners = self.owners();
        let heads = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let mut by_owner: BTreeMap<&str, Choice> = BTreeMap::new();
        for b in ballots {
            let Some((name, _)) = owners.get_key_value(b.owner.as_str()) else {
                return Err(b.owner.clone());
            };
            by_owner.insert(name, b.choice);
        }
        let mut area = AreaTally {
            entitled: owners.values().sum(),
            ..AreaTally::default()
        };
        let (mut yes, mut no, mut abstain) = (0, 0, 0);
        for (owner, choice) in &by_owner {
            let a = owners.get(owner).copied().unwrap_or(0);
            match choice {
                Choice::Yes => (yes, area.yes) = (yes + 1, area.yes + a),
                Choice::No => (no, area.no) = (no + 1, area.no + a),
                Choice::Abstain => (abstain, area.abstain) = (abstain + 1, area.abstain + a),
            }
        }
        let here: Vec<&str> = owners
            .keys()
            .copied()
            .filter(|o| present.contains(*o))
            .collect();
        area.present = here.iter().filter_map(|o| owners.get(o)).sum();
        let tally = Tally {
            yes,
            no,
            abstain,
            spoiled: 0,
            present: heads(here.len()),
            entitled: heads(owners.len()),
        };
        Ok((tally, area))
    }
}

/// A floor area as written on a register ("89.5", "89.50", "89", "89.50㎡", "89.50 m²"), in
/// hundredths of a square metre; none where it is not a positive area with at most two
/// decimals.
pub fn parse_area(s: &str) -> Option<u64> {
    let s = s
        .trim()
        .trim_end_matches(['㎡', '²'])
        .trim_end_matches(['m', 'M'])
        .trim_end_matches("平方米")
        .trim();
    let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
    if whole.is_empty() || frac.len() > 2 || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let cents = match frac.len() {
        0 => 0,
        1 => frac.parse::<u64>().ok()? * 10,
        _ => frac.parse::<u64>().ok()?,
    };
    let area = whole
        .parse::<u64>()
        .ok()?
        .checked_mul(100)?
        .checked_add(cents)?;
    (area > 0).then_some(area)
}
