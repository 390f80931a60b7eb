//! Owners' decisions (业主共同决定): the register of units with their owners and exclusive
//! floor area, and a vote's figures among owners. The area is kept in hundredths of a square
//! metre and added in integers; an owner of several units counts once by headcount, their area
//! adds up (最高人民法院关于审理建筑物区分所有权纠纷案件适用法律若干问题的解释 第八条、第九条).

mod register;

use std::collections::{BTreeMap, BTreeSet};

use super::council::{Holding, Member};
use super::ids::MemberId;
use super::rules::AreaTally;
use super::vote::{Choice, Tally};

pub use register::{RegisterFault, read_register, register_template};

/// One row of the register (房屋登记册): a unit, its owner, its exclusive floor area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub unit: String,
    /// The owner as the register names them.
    pub owner: String,
    /// The owner's number on the register (业主编号), where it has one: the units of one
    /// number are one owner's, whatever the names; without numbers, one name is one owner.
    pub number: Option<String>,
    /// 专有部分面积, in hundredths of a square metre.
    pub area: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Register {
    pub rows: Vec<Listed>,
}

/// An owner as the register lists them: a name the roll can tell from every other owner's,
/// their number where the register has one, and all their units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owner {
    pub name: String,
    pub number: Option<String>,
    pub units: Vec<Holding>,
}

impl Register {
    /// Each owner once, in the order first listed, with all their units: by number where the
    /// register numbers its owners, by name otherwise. Two owners of one name are told apart
    /// on the roll by their first unit: 王伟（5-101）.
    pub fn owners(&self) -> Vec<Owner> {
        let mut owners: Vec<Owner> = Vec::new();
        for r in &self.rows {
            let unit = Holding::listed(&r.unit, r.area);
            let same = |o: &&mut Owner| match (&r.number, &o.number) {
                (Some(a), Some(b)) => a == b,
                (None, None) => o.name == r.owner,
                _ => false,
            };
            match owners.iter_mut().find(same) {
                Some(o) => o.units.push(unit),
                None => owners.push(Owner {
                    name: r.owner.clone(),
                    number: r.number.clone(),
                    units: vec![unit],
                }),
            }
        }
        let named = |name: &str, owners: &[Owner]| owners.iter().filter(|o| o.name == name).count();
        let twice: Vec<bool> = owners.iter().map(|o| named(&o.name, &owners) > 1).collect();
        for (o, twice) in owners.iter_mut().zip(twice) {
            if let (true, Some(first)) = (twice, o.units.first()) {
                o.name = format!("{}（{}）", o.name, first.unit);
            }
        }
        owners
    }

    /// Whether the register numbers its owners (a 业主编号 column).
    pub fn numbered(&self) -> bool {
        self.rows.iter().any(|r| r.number.is_some())
    }
}

/// A vote's figures among owners, by headcount and by floor area of the units each holds on
/// `day`: every owner on `roll` entitled, those in `present` present, and each ballot counted
/// for the owner it is given for (in person, in writing or by proxy), once.
pub fn tally(
    day: chrono::NaiveDate,
    roll: &[&Member],
    present: &BTreeSet<MemberId>,
    ballots: &BTreeMap<MemberId, Choice>,
) -> (Tally, AreaTally) {
    let heads = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let mut t = Tally {
        yes: 0,
        no: 0,
        abstain: 0,
        spoiled: 0,
        present: 0,
        entitled: heads(roll.len()),
    };
    let mut a = AreaTally::default();
    for m in roll {
        let area = m.area_on(day);
        a.entitled += area;
        if present.contains(&m.id) {
            t.present += 1;
            a.present += area;
        }
        match ballots.get(&m.id) {
            Some(Choice::Yes) => (t.yes, a.yes) = (t.yes + 1, a.yes + area),
            Some(Choice::No) => (t.no, a.no) = (t.no + 1, a.no + area),
            Some(Choice::Abstain) => (t.abstain, a.abstain) = (t.abstain + 1, a.abstain + area),
            None => {}
        }
    }
    (t, a)
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

/// 89.50 (㎡ left to the reader's context).
pub fn area_text(hundredths: u64) -> String {
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}
