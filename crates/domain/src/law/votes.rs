//! The rules of a vote, each stated once: the quorum it opens with, who may take part and how
//! many, the item of its rule it decides and so the line it must reach, and whether it passed.

use crate::council::Council;
use crate::meeting::{Attendance, Meeting, Turnout};
use crate::refusal::{Items, Owners, Refusal};
use crate::rules::Decision;
use crate::vote::{Ballots, Motion, VoteMode};
use yishi_text::Lang;

/// A vote opens only with a quorum present, by the rule of the item it decides (see
/// `rule_for`); where the quorum is of those taking part (owners), it is counted when the vote
/// closes instead.
pub fn quorum(rule: &crate::rules::Rule, turnout: &Turnout) -> Result<(), Refusal> {
    if !rule.quorum_at_opening() {
        return Ok(());
    }
    if !rule.quorum_met(turnout.present, turnout.entitled) {
        return Err(Refusal::NoQuorum {
            present: turnout.present,
            entitled: turnout.entitled,
            needed: [Lang::ZhHans, Lang::ZhHant, Lang::En].map(|l| rule.quorum_said(l)),
        });
    }
    Ok(())
}

/// How many may take part in a vote: those present when it opened, or where written votes
/// count (owners; written opinions), all entitled.
pub fn ballot_limit(council: &Council, v: &Motion) -> u32 {
    if rule_for(council, v).votes_in_writing() {
        v.entitled
    } else {
        v.present
    }
}

/// An owners' vote is taken by name: each owner's area counts with their ballot.
pub fn mode(council: &Council, mode: VoteMode) -> Result<(), Refusal> {
    if council.rule.counts_area() && mode != VoteMode::RollCall {
        return Err(Refusal::Owners(Owners::ByName));
    }
    Ok(())
}

/// Whether a closed vote passed: a motion by the council's rule; an election when every seat
/// is filled at this count (a tie for the last seats leaves it to a run-off).
pub fn passed(council: &Council, meeting: &Meeting, v: &Motion) -> bool {
    match &v.election {
        Some(e) => e.outcome().is_some_and(|o| o.complete()),
        None => decision(council, meeting, v).passed(),
    }
}

/// A motion names an item of its rule exactly where the rule sets its line per item, and
/// then one the rule lists. A rule's copy made before it listed items decides as it did.
pub fn item(rule: &crate::rules::Rule, item: Option<&str>) -> Result<(), Refusal> {
    let refused = |i| Err(Refusal::Item(i));
    match item {
        None if rule.items.is_empty() => Ok(()),
        None => refused(Items::Needed { rule: rule.names() }),
        Some(_) if rule.items.is_empty() => refused(Items::NotListed { rule: rule.names() }),
        Some(key) if rule.item(key).is_none() => refused(Items::NotDecided {
            item: key.to_string(),
            rule: rule.names(),
            needs: crate::rules::presets()
                .into_iter()
                .find(|p| p.statute == rule.statute && p.item(key).is_some())
                .map(|p| p.names()),
        }),
        Some(_) => Ok(()),
    }
}

/// The rule a motion is decided by: the council's, with the line of the item it decides.
pub fn rule_for(council: &Council, v: &Motion) -> crate::rules::Rule {
    council.rule.for_item(v.item.as_deref())
}

/// A vote decided by the council's rule: by headcount, and for owners by floor area too, from
/// the ballots and the roll when it opened; at the line of the item it decides.
pub fn decision(council: &Council, meeting: &Meeting, v: &Motion) -> Decision {
    let rule = rule_for(council, v);
    if !rule.counts_area() {
        return rule.decide(&v.tally(), None);
    }
    let roll: Vec<&crate::council::Member> = council
        .members_on(meeting.start.date())
        .filter(|m| m.voting)
        .collect();
    let present = roll
        .iter()
        .filter(|m| meeting.attendance_at(m.id, v.roll) == Some(Attendance::Present))
        .map(|m| m.id)
        .collect();
    let ballots = match &v.ballots {
        Ballots::Named(map) => map.clone(),
        _ => Default::default(),
    };
    let (heads, area) = crate::owners::tally(meeting.start.date(), &roll, &present, &ballots);
    rule.decide(&heads, Some(&area))
}

/// What a vote holds adds up: hands and ballots by name no more than may take part (`limit`,
/// see `ballot_limit`); a counted ballot box exactly the ballots handed in, and those no more
/// than present.
pub fn counts(ballots: &Ballots, present: u32) -> Result<(), Refusal> {
    let (yes, no, abstain) = ballots.counts();
    let total = u64::from(yes) + u64::from(no) + u64::from(abstain);
    if let Ballots::Secret { voted, spoiled, .. } = ballots {
        let handed_in = voted.len() as u64;
        let in_box = total + u64::from(*spoiled);
        if ballots.counted() && in_box != handed_in {
            return Err(Refusal::BoxMiscounted {
                counted: u32::try_from(in_box).unwrap_or(u32::MAX),
                handed_in: u32::try_from(handed_in).unwrap_or(u32::MAX),
            });
        }
        if handed_in > u64::from(present) {
            return Err(Refusal::CountAboveAttendance {
                total: u32::try_from(handed_in).unwrap_or(u32::MAX),
                present,
            });
        }
        return Ok(());
    }
    if total > u64::from(present) {
        return Err(Refusal::CountAboveAttendance {
            total: u32::try_from(total).unwrap_or(u32::MAX),
            present,
        });
    }
    Ok(())
}
