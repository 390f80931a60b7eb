//! 民主决策 in the minutes: each motion as moved, its amendments and its vote; owners' votes
//! with both shares; elections with their count and who is elected.

use super::input::{MinutesInput, ZH, names};
use crate::domain::{Ballots, Choice, Matter, Motion, Stage, Step, VoteState};

/// Who voted which way, by name (记名投票): the names for `choice`, or 无.
fn named(
    c: &crate::domain::Council,
    map: &std::collections::BTreeMap<crate::domain::MemberId, Choice>,
    choice: Choice,
) -> String {
    let ids: Vec<_> = map
        .iter()
        .filter(|(_, c)| **c == choice)
        .map(|(id, _)| *id)
        .collect();
    if ids.is_empty() {
        "无".to_string()
    } else {
        names(c, &ids)
    }
}

fn vote_line(input: &MinutesInput<'_>, v: &Motion) -> String {
    let c = input.council;
    let t = v.tally();
    match v.state {
        VoteState::Proposed => {
            let turnout = input.meeting.turnout(c);
            if c.rule.quorum_met(turnout.present, turnout.entitled) {
                "该动议未付表决。".to_string()
            } else {
                format!(
                    "因实到{}人，不足法定人数（须{}），该动议未付表决。",
                    turnout.present,
                    c.rule.quorum_zh()
                )
            }
        }
        VoteState::Open => format!("{}进行中，尚未计票结束。", v.mode.label(ZH)),
        VoteState::Withdrawn => "表决前，动议人撤回了该动议。".to_string(),
        VoteState::Deferred => "会议决定对该动议暂缓表决。".to_string(),
        VoteState::Closed if c.rule.counts_area() => owners_line(input, v),
        VoteState::Closed => {
            let passed = v.passed == Some(true);
            let rule = c.rule.passing_zh();
            let verdict = if passed {
                format!("{rule}，通过。")
            } else {
                format!("{}，未通过。", c.rule.failing_zh())
            };
            let mut s = v.mode.label(ZH).to_string();
            if let Ballots::Secret { voted, .. } = &v.ballots {
                s += &format!("，收回选票{}张", voted.len());
            }
            s += &format!("，赞成{}票，反对{}票，弃权{}票", t.yes, t.no, t.abstain);
            if t.spoiled > 0 {
                s += &format!("，废票{}张", t.spoiled);
            }
            if t.not_voting() > 0 {
                s += &format!("，未投票{}人", t.not_voting());
            }
            s += &match c.rule.unit {
                crate::domain::Unit::Households => {
                    format!("（表决时到会户代表{}户），{verdict}", t.present)
                }
                _ => format!("（表决时实到{}人），{verdict}", t.present),
            };
            if let Ballots::Named(map) = &v.ballots {
                let list = |ch: Choice| named(c, map, ch);
                s += &format!(
                    "赞成：{}；反对：{}；弃权：{}。",
                    list(Choice::Yes),
                    list(Choice::No),
                    list(Choice::Abstain)
                );
            }
            s
        }
    }
}

/// "动议：…（提议人：…，附议人：…）。"
fn moved(c: &crate::domain::Council, head: &str, text: &str, v: &Motion) -> String {
    let mut s = format!(
        "{head}{}（提议人：{}",
        crate::text::clause(text),
        c.name_of(v.mover)
    );
    if let Some(sec) = v.seconder {
        s += &format!("，附议人：{}", c.name_of(sec));
    }
    s + "）。"
}

/// An owners' vote: who took part, in person and in writing, the ballots by name, and the
/// result by both shares as the statute words them.
fn owners_line(input: &MinutesInput<'_>, v: &Motion) -> String {
    let (c, m) = (input.council, input.meeting);
    let Ballots::Named(map) = &v.ballots else {
        return String::new();
    };
    let here = |id: &crate::domain::MemberId| {
        m.attendance_at(*id, v.roll) == Some(crate::domain::Attendance::Present)
    };
    let in_person = map.keys().filter(|id| here(id)).count();
    let written = map.len() - in_person;
    let t = v.tally();
    let list = |ch: Choice| named(c, map, ch);
    format!(
        "业主记名表决，现场表决{in_person}人、书面表决{written}人，同意{}人、反对{}人、弃权{}人（业主共{}人）。{}同意：{}；反对：{}；弃权：{}。",
        t.yes,
        t.no,
        t.abstain,
        t.entitled,
        crate::domain::decision(c, m, v).zh(),
        list(Choice::Yes),
        list(Choice::No),
        list(Choice::Abstain),
    )
}

/// An election: what was put, the count name by name, and who is elected — or who is tied
/// for the last seats, for a run-off.
fn election_lines(
    input: &MinutesInput<'_>,
    v: &Motion,
    e: &crate::domain::election::Election,
) -> Vec<String> {
    let c = input.council;
    let kind = if e.contested() { "差额" } else { "等额" };
    let by = match e.elected_by {
        crate::domain::election::ElectedBy::MajorityOfBallots => "获得有效选票过半数者当选",
        crate::domain::election::ElectedBy::MostVotes => "得票多者当选",
    };
    let mut out = vec![format!(
        "选举：{}（{kind}选举，应选{}名，候选人{}名：{}；提名人：{}；{by}）。",
        crate::text::clause(&v.text),
        e.seats,
        e.candidates.len(),
        e.candidates.join("、"),
        c.name_of(v.mover)
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
                ""
            } else {
                "（另选）"
            };
            format!("{name}{write_in}{n}票")
        })
        .collect();
    let mut s = format!(
        "无记名投票，收回选票{voted}张，有效{}张，废票{}张。得票：{}。",
        count.valid,
        count.spoiled,
        votes.join("、")
    );
    if let Some(o) = e.outcome() {
        if o.elected.is_empty() {
            s += "无人当选。";
        } else {
            s += &format!("当选：{}。", o.elected.join("、"));
        }
        if !o.tied.is_empty() {
            let n = count
                .votes
                .iter()
                .find(|(name, _)| o.tied.contains(name))
                .map_or(0, |(_, n)| *n);
            let left = e.seats as usize - o.elected.len();
            s += &format!(
                "{}得票相同（各{n}票），须就剩余{left}个名额在他们之中另行投票。",
                o.tied.join("、")
            );
        }
        if o.unfilled > 0 {
            s += &format!("另有{}个名额无人当选，须另行选举。", o.unfilled);
        }
    }
    out.push(s);
    out
}

pub(super) fn decide(input: &MinutesInput<'_>, x: &Matter) -> Vec<String> {
    let c = input.council;
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
        out.push(moved(c, "动议：", v.moved_text(), v));
        for a in here.iter().filter(|a| a.amends == Some(v.id)) {
            let head = format!("修正案：动议修改为「{}」", crate::text::clause(&a.text));
            out.push(moved(c, &head, "", a));
            let mut line = vote_line(input, a);
            if a.passed == Some(true) {
                line += "动议按修正案修改。";
            }
            out.push(line);
        }
        if v.moved_text() != v.text {
            out.push(format!("修正后的动议：{}。", crate::text::clause(&v.text)));
        }
        out.push(vote_line(input, v));
    }
    for t in x
        .history
        .iter()
        .filter(|t| t.meeting == input.meeting.id && t.from == Stage::At(Step::Decide))
    {
        match t.to {
            Stage::At(Step::Collect) => out.push(format!(
                "表决未通过，主持人决定重新征求意见。理由：{}",
                t.reason
            )),
            Stage::Closed(crate::domain::Closure::NotAdopted) => out.push(format!(
                "表决未通过，主持人决定不予采纳。理由：{}",
                t.reason
            )),
            _ => {}
        }
    }
    out
}
