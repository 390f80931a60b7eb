//! A motion in a document: moved by those in the room, its vote opened and closed within the
//! meeting in that order, with the quorum of its own roll, and counts and result that follow.

use super::found::{Found, Index};
use crate::ids::MemberId;
use crate::law::{self, TEXT};
use crate::refusal::{Amendment, Issue, Record, Refusal};
use crate::vote::{Ballots, Motion, VoteMode, VoteState};
use crate::words;
use crate::words::{CLOSED, OPENED, START};

pub(super) fn check(at: &str, v: &Motion, index: &Index<'_>, found: &mut Found) {
    let Some(x) = index.matters.get(&v.matter) else {
        found.add(format!("{at}.matter"), Issue::Unknown("matter", v.matter.0));
        return;
    };
    let Some(m) = index
        .meetings
        .get(&v.meeting)
        .filter(|m| m.council == x.council)
    else {
        found.add(
            format!("{at}.meeting"),
            Issue::Unknown("meeting", v.meeting.0),
        );
        return;
    };
    let Some(c) = index.councils.get(&x.council) else {
        return;
    };
    found.text(format!("{at}.text"), &v.text, TEXT, true);
    // An amendment decides its motion's item, and names it as its motion does.
    found.rule(format!("{at}.item"), law::item(&c.rule, v.item.as_deref()));
    // A motion stands in its matter's list, and was made where its matter was on the agenda.
    if !x.motions.contains(&v.id) {
        found.add(
            format!("{at}.matter"),
            Issue::Refused(Refusal::Record(Record::NotListed {
                matter: x.title.clone(),
            })),
        );
    }
    if !m.agenda.contains(&v.matter) {
        found.add(
            format!("{at}.meeting"),
            Issue::Refused(Refusal::Record(Record::OffTheAgenda {
                matter: x.title.clone(),
            })),
        );
    }
    // An amendment amends a motion of the same matter that is not an amendment itself.
    if let Some(main) = v.amends {
        match index.motions.get(&main) {
            None => found.add(format!("{at}.amends"), Issue::Unknown("motion", main.0)),
            Some(target) if target.matter != v.matter => found.add(
                format!("{at}.amends"),
                Issue::Inconsistent("an amendment to another matter's motion"),
            ),
            Some(target) if target.amends.is_some() => found.add(
                format!("{at}.amends"),
                Issue::Refused(Refusal::Amendment(Amendment::OfAnAmendment)),
            ),
            Some(_) => {}
        }
    }
    for (who, place) in
        std::iter::once((v.mover, "mover")).chain(v.seconder.map(|s| (s, "seconder")))
    {
        let place = format!("{at}.{place}");
        if c.member(who).is_none() {
            found.add(place, Issue::Unknown("member", who.0));
        } else {
            found.rule(place, law::may_move(c, m, who, v.moved_roll));
        }
    }
    if Some(v.mover) == v.seconder {
        found.add(
            format!("{at}.seconder"),
            Issue::Refused(Refusal::SameMoverAndSeconder),
        );
    }
    let mode_ok = matches!(
        (&v.ballots, v.mode),
        (Ballots::Counts { .. }, VoteMode::ShowOfHands)
            | (Ballots::Named(_), VoteMode::RollCall)
            | (Ballots::Secret { .. }, VoteMode::Secret)
    );
    if !mode_ok {
        found.add(format!("{at}.ballots"), Issue::Inconsistent("mode"));
    }
    // When the vote opened and closed, within the meeting and in that order.
    match (v.state, v.opened, v.closed) {
        (VoteState::Proposed, None, None) => return,
        // Taken off the floor before the vote: when, and no vote.
        (VoteState::Withdrawn | VoteState::Deferred, None, Some(closed)) => {
            found.rule(
                format!("{at}.closed"),
                law::in_order(m.start, closed, [START, CLOSED]),
            );
            return;
        }
        (VoteState::Withdrawn | VoteState::Deferred, _, _) => {
            found.add(
                format!("{at}.closed"),
                Issue::Inconsistent("a motion taken off the floor: a time, and no vote"),
            );
            return;
        }
        (VoteState::Proposed, _, _) => {
            found.add(
                format!("{at}.opened"),
                Issue::Inconsistent("a time for a vote never opened"),
            );
            return;
        }
        (_, None, _) => found.add(
            format!("{at}.opened"),
            Issue::Refused(Refusal::MissingTime { what: OPENED }),
        ),
        (VoteState::Closed, _, None) => found.add(
            format!("{at}.closed"),
            Issue::Refused(Refusal::MissingTime { what: CLOSED }),
        ),
        (VoteState::Open, _, Some(_)) => found.add(
            format!("{at}.closed"),
            Issue::Inconsistent("a close for an open vote"),
        ),
        _ => {}
    }
    if let Some(opened) = v.opened {
        found.rule(
            format!("{at}.opened"),
            law::in_order(m.start, opened, [START, OPENED]),
        );
        if let Some(closed) = v.closed {
            found.rule(
                format!("{at}.closed"),
                law::in_order(opened, closed, [OPENED, CLOSED]),
            );
        }
    }
    // A recount is of an opened secret box, between its opening and its close.
    for (j, r) in v.recounts.iter().enumerate() {
        let place = format!("{at}.recounts[{j}]");
        if v.mode != VoteMode::Secret {
            found.add(
                place.clone(),
                Issue::Inconsistent("a recount of no ballot box"),
            );
        }
        if let Some(opened) = v.opened {
            found.rule(
                format!("{place}.replaced"),
                law::in_order(opened, r.replaced, [OPENED, words::RECOUNTED]),
            );
        }
        if let Some(closed) = v.closed {
            found.rule(
                format!("{place}.replaced"),
                law::in_order(r.replaced, closed, [words::RECOUNTED, CLOSED]),
            );
        }
    }
    if let (Some(end), Some(last)) = (m.end, v.closed.or(v.opened)) {
        found.rule(
            format!("{at}.closed"),
            law::in_order(last, end, [CLOSED, words::END]),
        );
    }
    // The quorum it opened with is the roll's at that moment, and was met.
    let turnout = m.turnout_at(c, v.roll);
    if (v.present, v.entitled) != (turnout.present, turnout.entitled) {
        found.add(
            format!("{at}.present"),
            Issue::Refused(Refusal::PresentMismatch {
                recorded: (v.present, v.entitled),
                roll: (turnout.present, turnout.entitled),
            }),
        );
    } else {
        found.rule(
            format!("{at}.present"),
            law::quorum(&law::rule_for(c, v), &turnout),
        );
    }
    let voters: Vec<MemberId> = match &v.ballots {
        Ballots::Named(map) => map.keys().copied().collect(),
        Ballots::Secret { voted, .. } => voted.iter().copied().collect(),
        Ballots::Counts { .. } => Vec::new(),
    };
    for id in voters {
        found.rule(
            format!("{at}.ballots.{id}"),
            law::may_vote(c, m, (id, Some(v)), v.roll),
        );
    }
    found.rule(
        format!("{at}.ballots"),
        law::counts(&v.ballots, law::ballot_limit(c, v)),
    );
    if v.state == VoteState::Closed {
        if !v.ballots.counted() {
            found.add(
                format!("{at}.ballots"),
                Issue::Refused(Refusal::BoxNotCounted),
            );
        }
        if v.passed != Some(law::passed(c, m, v)) {
            found.add(format!("{at}.passed"), Issue::ResultMismatch);
        }
        // A vote recorded before 未形成决议 was told apart says only 未通过; none may say
        // nothing was decided where enough took part.
        if v.no_decision && (v.election.is_some() || law::decision(c, m, v).quorate()) {
            found.add(format!("{at}.no_decision"), Issue::ResultMismatch);
        }
    } else if v.passed.is_some() || v.no_decision {
        found.add(format!("{at}.passed"), Issue::ResultMismatch);
    }
}
