//! 民主决策 in the minutes: each motion as moved, its amendments and its vote; owners' votes
//! with both shares; elections with their count and who is elected.

use super::decide_words as s;
use super::input::{MinutesInput, names};
use super::words as w;
use yishi_domain::{Ballots, Choice, Matter, Motion, Stage, Step, VoteState};

/// Who voted which way, by name (记名投票): the names for `choice`, or 无.
fn named(
    input: &MinutesInput<'_>,
    map: &std::collections::BTreeMap<yishi_domain::MemberId, Choice>,
    choice: Choice,
) -> String {
    let ids: Vec<_> = map
        .iter()
        .filter(|(_, c)| **c == choice)
        .map(|(id, _)| *id)
        .collect();
    if ids.is_empty() {
        w::none(input.lang)
    } else {
        names(input, &ids)
    }
}

fn vote_line(input: &MinutesInput<'_>, v: &Motion) -> String {
    let (c, l) = (input.council, input.lang);
    let rule = yishi_domain::rule_for(c, v);
    let t = v.tally();
    match v.state {
        VoteState::Proposed => {
            let turnout = input.meeting.turnout(c);
            if c.rule.quorum_met(turnout.present, turnout.entitled) {
                s::not_put(l)
            } else {
                s::not_put_no_quorum(l, turnout.present, &c.rule.quorum_said(l))
            }
        }
        VoteState::Open => s::vote_open(l, v.mode.label(l)),
        VoteState::Withdrawn => s::withdrawn(l),
        VoteState::Deferred => s::deferred(l),
        VoteState::Closed if c.rule.counts_area() => owners_line(input, v),
        VoteState::Closed => {
            let verdict = if v.passed == Some(true) {
                s::adopted(l, &rule.passing_said(l))
            } else {
                s::rejected(l, &rule.failing_said(l))
            };
            let mut line = w::sentence(l, v.mode.label(l));
            if let Ballots::Secret { voted, .. } = &v.ballots {
                line += &s::ballots_returned(l, voted.len());
            }
            line += &s::counts(l, t.yes, t.no, t.abstain);
            // Written opinions of members not at the meeting, counted as the rule admits.
            if let (true, Ballots::Named(map)) = (rule.written, &v.ballots) {
                let absent = map
                    .keys()
                    .filter(|id| {
                        input.meeting.attendance_at(**id, v.roll)
                            != Some(yishi_domain::Attendance::Present)
                    })
                    .count();
                if absent > 0 {
                    line += &s::written_opinions(l, absent);
                }
            }
            if t.spoiled > 0 {
                line += &s::spoiled(l, t.spoiled);
            }
            if t.not_voting() > 0 {
                line += &s::not_voting(l, t.not_voting());
            }
            let households = c.rule.unit == yishi_domain::Unit::Households;
            line += &s::present_at_vote(l, t.present, households, &verdict);
            if let Ballots::Named(map) = &v.ballots {
                let list = |ch: Choice| named(input, map, ch);
                line += &s::named_ballots(
                    l,
                    &list(Choice::Yes),
                    &list(Choice::No),
                    &list(Choice::Abstain),
                );
            }
            for r in &v.recounts {
                let at = r.replaced.format("%H:%M").to_string();
                line += &s::recounted(l, &at, [r.yes, r.no, r.abstain, r.spoiled]);
            }
            line
        }
    }
}

/// "动议：…（提议人：…，附议人：…）。"
fn moved(input: &MinutesInput<'_>, head: &str, text: &str, v: &Motion) -> String {
    let (c, l) = (input.council, input.lang);
    let mut line = s::moved(l, head, yishi_text::clause(text), &c.name_of(v.mover));
    if let Some(sec) = v.seconder {
        line += &s::seconded(l, &c.name_of(sec));
    }
    line += s::moved_end(l);
    // An amendment decides its motion's item, named with the motion.
    if v.amends.is_none()
        && let Some(item) = v.item.as_deref().and_then(|k| c.rule.item_said(k, l))
    {
        line += &s::item(l, &item);
    }
    line
}

/// An owners' vote: who took part, in person and in writing, the ballots by name, and the
/// result by both shares as the statute words them.
fn owners_line(input: &MinutesInput<'_>, v: &Motion) -> String {
    let (c, m, l) = (input.council, input.meeting, input.lang);
    let Ballots::Named(map) = &v.ballots else {
        return String::new();
    };
    let here = |id: &yishi_domain::MemberId| {
        m.attendance_at(*id, v.roll) == Some(yishi_domain::Attendance::Present)
    };
    // A ballot by an owner's proxy holder is cast at the meeting, not in writing.
    let in_person = map.keys().filter(|id| here(id)).count();
    let by_proxy = map
        .keys()
        .filter(|id| !here(id) && m.proxy_for(**id, Some(v.id)).is_some())
        .count();
    let written = map.len() - in_person - by_proxy;
    let t = v.tally();
    let list = |ch: Choice| named(input, map, ch);
    s::owners_vote(
        l,
        (in_person, by_proxy, written),
        (t.yes, t.no, t.abstain, t.entitled),
        &yishi_domain::decision(c, m, v).said(l),
        (
            &list(Choice::Yes),
            &list(Choice::No),
            &list(Choice::Abstain),
        ),
    )
}

/// An election: what was put, the count name by name, and who is elected — or who is tied
/// for the last seats, for a run-off.
fn election_lines(
    input: &MinutesInput<'_>,
    v: &Motion,
    e: &yishi_domain::election::Election,
) -> Vec<String> {
    let (c, l) = (input.council, input.lang);
    let kind = s::election_kind(l, e.contested());
    let majority = e.elected_by == yishi_domain::election::ElectedBy::MajorityOfBallots;
    let by = s::elected_by(l, majority);
    let text = yishi_text::clause(&v.text);
    let mut out = vec![s::election(
        l,
        (text, &kind, &by),
        e.seats,
        &e.candidates,
        &c.name_of(v.mover),
    )];
    let Some(count) = &e.count else {
        out.push(vote_line(input, v));
        return out;
    };
    let voted = match &v.ballots {
        Ballots::Secret { voted, .. } => voted.len(),
        _ => 0,
    };
    let votes: Vec<String> = count
        .votes
        .iter()
        .map(|(name, n)| {
            let write_in = if e.candidates.contains(name) {
                String::new()
            } else {
                s::write_in(l)
            };
            s::votes_for(l, name, &write_in, *n)
        })
        .collect();
    let mut line = s::election_count(l, voted, count.valid, count.spoiled, &w::list(l, &votes));
    if let Some(o) = e.outcome() {
        if o.elected.is_empty() {
            line += &s::nobody_elected(l);
        } else {
            line += &s::elected(l, &w::list(l, &o.elected));
        }
        if !o.tied.is_empty() {
            let n = count
                .votes
                .iter()
                .find(|(name, _)| o.tied.contains(name))
                .map_or(0, |(_, n)| *n);
            let left = e.seats as usize - o.elected.len();
            line += &s::tied(l, &w::list(l, &o.tied), n, left);
        }
        if o.unfilled > 0 {
            line += &s::unfilled(l, o.unfilled);
        }
    }
    out.push(line);
    out
}

pub(super) fn decide(input: &MinutesInput<'_>, x: &Matter) -> Vec<String> {
    let l = input.lang;
    let mut out = Vec::new();
    let here: Vec<&Motion> = x
        .motions
        .iter()
        .filter_map(|id| input.motions.get(id).copied())
        .filter(|v| v.meeting == input.meeting.id)
        .collect();
    // Each motion as moved, its amendments voted before it, then its own vote on the text
    // as it finally read.
    for v in here.iter().filter(|v| v.amends.is_none()) {
        if let Some(e) = &v.election {
            out.extend(election_lines(input, v, e));
            continue;
        }
        out.push(moved(input, &s::motion_head(l), v.moved_text(), v));
        for a in here.iter().filter(|a| a.amends == Some(v.id)) {
            let head = s::amendment_head(l, yishi_text::clause(&a.text));
            out.push(moved(input, &head, "", a));
            let mut line = vote_line(input, a);
            if a.passed == Some(true) {
                line += &s::amended_so(l);
            }
            out.push(line);
        }
        if v.moved_text() != v.text {
            out.push(s::as_amended(l, yishi_text::clause(&v.text)));
        }
        out.push(vote_line(input, v));
    }
    for t in x
        .history
        .iter()
        .filter(|t| t.meeting == input.meeting.id && t.from == Stage::At(Step::Decide))
    {
        match t.to {
            Stage::At(Step::Collect) => out.push(s::sent_back(l, &t.reason)),
            Stage::Closed(yishi_domain::Closure::NotAdopted) => {
                out.push(s::closed_not_adopted(l, &t.reason))
            }
            _ => {}
        }
    }
    out
}
