use crate::words;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ids::{CouncilId, MemberId};
use super::rules::Rule;
use yishi_text::Lang;

/// The four parties of the joint meeting, and resident representatives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Affiliation {
    PartyCommittee,
    PartyBranch,
    OwnersCommittee,
    PropertyCompany,
    ResidentRepresentative,
    /// An owner (业主) of units on the register, voting in owners' decisions.
    Owner,
}

impl Affiliation {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Affiliation::PartyCommittee => lang.say(words::COMMUNITY_PARTY_COMMITTEE),
            Affiliation::PartyBranch => lang.say(words::COMPOUND_PARTY_BRANCH),
            Affiliation::OwnersCommittee => lang.say(words::OWNERS_COMMITTEE),
            Affiliation::PropertyCompany => lang.say(words::PROPERTY_COMPANY),
            Affiliation::ResidentRepresentative => lang.say(words::RESIDENT_REPRESENTATIVE),
            Affiliation::Owner => lang.say(words::UNIT_OWNER),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub id: MemberId,
    pub name: String,
    pub affiliation: Affiliation,
    /// Observers (列席) speak but never vote and never count towards quorum.
    pub voting: bool,
    /// The day the member joined (none: a founding member).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<NaiveDate>,
    /// The day the member left: no longer on the roll of meetings from that day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
    /// An owner's units on the register, each with its exclusive floor area: counted in
    /// owners' decisions, where the area of all of them adds up.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<Holding>,
}

/// A unit an owner holds (房号) and its exclusive floor area (专有部分面积), in hundredths of a
/// square metre; from the day it passed to them and until the day it passed on (a sale), where
/// it did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holding {
    pub unit: String,
    pub area: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
}

impl Holding {
    /// A unit held from the register's start.
    pub fn listed(unit: &str, area: u64) -> Holding {
        Holding {
            unit: unit.to_string(),
            area,
            since: None,
            until: None,
        }
    }

    /// Whether the unit is the owner's on `day`: passed to them by then, not yet passed on.
    pub fn held_on(&self, day: NaiveDate) -> bool {
        self.since.is_none_or(|s| s <= day) && self.until.is_none_or(|u| day < u)
    }
}

impl Member {
    /// A member from the council's start, never left.
    pub fn founding(id: MemberId, name: &str, affiliation: Affiliation, voting: bool) -> Member {
        Member {
            id,
            name: name.to_string(),
            affiliation,
            voting,
            since: None,
            until: None,
            units: Vec::new(),
        }
    }

    /// The units the member holds on `day`.
    pub fn units_on(&self, day: NaiveDate) -> impl Iterator<Item = &Holding> {
        self.units.iter().filter(move |u| u.held_on(day))
    }

    /// The floor area of the units the member holds on `day`, in hundredths of a square metre.
    pub fn area_on(&self, day: NaiveDate) -> u64 {
        self.units_on(day).map(|u| u.area).sum()
    }

    /// Whether the member sits on the council on `day`: joined by then and not yet left.
    pub fn serves_on(&self, day: NaiveDate) -> bool {
        self.since.is_none_or(|s| s <= day) && self.until.is_none_or(|u| day < u)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Council {
    pub id: CouncilId,
    pub name: String,
    pub members: Vec<Member>,
    pub rule: Rule,
    /// A review whose satisfaction rate (满意 + 基本满意, in percent) is below this sends the
    /// matter back to execution as 整改.
    pub satisfaction_threshold: u8,
    /// The signers' public keys, each registered to a member; a member's latest key is the
    /// one they sign with, earlier ones still prove what they signed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keys: Vec<super::seal::SignerKey>,
}

impl Council {
    pub fn member(&self, id: MemberId) -> Option<&Member> {
        self.members.iter().find(|m| m.id == id)
    }

    /// The member's name, or the id in brackets for a member the council no longer lists.
    pub fn name_of(&self, id: MemberId) -> String {
        self.member(id)
            .map_or_else(|| format!("[{id}]"), |m| m.name.clone())
    }

    /// The key `member` signs with now: the last one registered to them.
    pub fn key_of(&self, member: MemberId) -> Option<&super::seal::SignerKey> {
        self.keys.iter().rev().find(|k| k.member == member)
    }

    pub fn voting_members(&self) -> impl Iterator<Item = &Member> {
        self.members.iter().filter(|m| m.voting)
    }

    /// The members on the roll of a meeting held on `day`, in council order.
    pub fn members_on(&self, day: NaiveDate) -> impl Iterator<Item = &Member> {
        self.members.iter().filter(move |m| m.serves_on(day))
    }
}
