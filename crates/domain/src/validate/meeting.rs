//! A meeting in a document: its council and officers, its times in order (breaks included),
//! who came and went, its signature and corrections, and an agenda of its council's matters.

use std::collections::BTreeMap;

use super::found::{Found, Index};
use crate::ids::MemberId;
use crate::law::{self, PLACE, REASON, TEXT, TITLE};
use crate::meeting::{Attendance, Meeting, MeetingState};
use crate::refusal::{Issue, Membership, Refusal};
use crate::words::{ADJOURNED, CORRECTED, END, MOVED, RESUMED, SIGNED, SPEAKER_LIMIT, START};

pub(super) fn check(at: &str, m: &Meeting, index: &Index<'_>, found: &mut Found) {
    let Some(c) = index.councils.get(&m.council) else {
        found.add(
            format!("{at}.council"),
            Issue::Unknown("council", m.council.0),
        );
        return;
    };
    if chrono::Datelike::year(&m.start) != m.year {
        found.add(format!("{at}.year"), Issue::Inconsistent("year ≠ start"));
    }
    found.rule(
        format!("{at}.start"),
        law::rule_applies(&c.rule, m.start.date()),
    );
    found.text(format!("{at}.title"), &m.title, TITLE, true);
    found.text(format!("{at}.place"), &m.place, PLACE, true);
    found.rule(
        format!("{at}.speaker_limit_secs"),
        law::at_most(
            u64::from(m.speaker_limit_secs),
            u64::from(law::MAX_SECONDS),
            SPEAKER_LIMIT,
        ),
    );
    index.check_member(m.council, m.chair, format!("{at}.chair"), found);
    index.check_member(m.council, m.recorder, format!("{at}.recorder"), found);
    let ended = m.state == MeetingState::Ended;
    match (ended, m.end) {
        (true, None) => found.add(
            format!("{at}.end"),
            Issue::Refused(Refusal::MissingTime { what: END }),
        ),
        (false, Some(_)) => found.add(
            format!("{at}.end"),
            Issue::Inconsistent("an end before the meeting ended"),
        ),
        (_, Some(end)) => found.rule(
            format!("{at}.end"),
            law::in_order(m.start, end, [START, END]),
        ),
        (false, None) => {}
    }
    for (id, a) in &m.attendance {
        let place = format!("{at}.attendance.{id}");
        match c.member(*id) {
            None => found.add(place, Issue::Unknown("member", id.0)),
            Some(x) if !x.voting && *a == Attendance::Present => found.add(
                place,
                Issue::Refused(Refusal::NotVoting {
                    name: x.name.clone(),
                }),
            ),
            Some(x) if !x.serves_on(m.start.date()) => found.add(
                place,
                Issue::Refused(Refusal::Membership(Membership::NotServing {
                    name: x.name.clone(),
                    on: m.start.date(),
                })),
            ),
            Some(_) => {}
        }
    }
    movements(at, m, index, found);
    // Adjourned and resumed in order, within the meeting; an ended meeting stands resumed.
    let mut since = m.start;
    for (j, a) in m.adjournments.iter().enumerate() {
        let place = format!("{at}.adjournments[{j}]");
        found.rule(
            format!("{place}.at"),
            law::in_order(since, a.at, [START, ADJOURNED]),
        );
        match a.resumed {
            Some(r) => {
                found.rule(
                    format!("{place}.resumed"),
                    law::in_order(a.at, r, [ADJOURNED, RESUMED]),
                );
                since = r;
            }
            None if ended || j + 1 < m.adjournments.len() => found.add(
                format!("{place}.resumed"),
                Issue::Refused(Refusal::MissingTime { what: RESUMED }),
            ),
            None => since = a.at,
        }
    }
    if let Some(end) = m.end {
        found.rule(
            format!("{at}.end"),
            law::in_order(since, end, [RESUMED, END]),
        );
    }
    if let Some(sig) = &m.signature {
        if !ended {
            found.add(
                format!("{at}.signature"),
                Issue::Inconsistent("signed before it ended"),
            );
        }
        if let Some(end) = m.end {
            found.rule(
                format!("{at}.signature.at"),
                law::in_order(end, sig.at, [END, SIGNED]),
            );
        }
        index.check_member(m.council, sig.chair, format!("{at}.signature.chair"), found);
        index.check_member(
            m.council,
            sig.recorder,
            format!("{at}.signature.recorder"),
            found,
        );
        // Seals are held to the council's keys as when they were made.
        if let Some(c) = index.councils.get(&m.council) {
            found.rule(
                format!("{at}.signature.sealed"),
                crate::keys::check(c, m.id, sig),
            );
        }
    }
    for (j, k) in m.corrections.iter().enumerate() {
        let place = format!("{at}.corrections[{j}]");
        index.check_member(m.council, k.by, format!("{place}.by"), found);
        found.text(format!("{place}.text"), &k.text, TEXT, true);
        found.text(format!("{place}.reason"), &k.reason, REASON, true);
        if k.matter.is_some_and(|x| !m.agenda.contains(&x)) {
            found.add(
                format!("{place}.matter"),
                Issue::Inconsistent("not on the meeting's agenda"),
            );
        }
        match m.end {
            Some(end) if ended => found.rule(
                format!("{place}.at"),
                law::in_order(end, k.at, [END, CORRECTED]),
            ),
            _ => found.add(
                place,
                Issue::Inconsistent("a correction before the meeting ended"),
            ),
        }
    }
    for (j, id) in m.agenda.iter().enumerate() {
        match index.matters.get(id) {
            Some(x) if x.council == m.council => {}
            _ => found.add(format!("{at}.agenda[{j}]"), Issue::Unknown("matter", id.0)),
        }
    }
    // Each proxy as the console would have taken it, after those given before it.
    for (j, p) in m.proxies.iter().enumerate() {
        let place = format!("{at}.proxies[{j}]");
        found.rule(place.clone(), law::proxy(c, &m.proxies[..j], p));
        if let Some(v) = p.motion
            && index.motions.get(&v).is_none_or(|v| v.meeting != m.id)
        {
            found.add(format!("{place}.motion"), Issue::Unknown("motion", v.0));
        }
    }
}

/// Arrivals and departures: council members, in order, within the meeting, each from where
/// the one before left that member, ending where the attendance stands.
fn movements(at: &str, m: &Meeting, index: &Index<'_>, found: &mut Found) {
    let mut last: BTreeMap<MemberId, Option<Attendance>> = BTreeMap::new();
    let mut previous = m.start;
    for (j, mv) in m.movements.iter().enumerate() {
        let place = format!("{at}.movements[{j}]");
        index.check_member(m.council, mv.member, format!("{place}.member"), found);
        found.rule(
            format!("{place}.at"),
            law::in_order(previous, mv.at, [START, MOVED]),
        );
        if let Some(end) = m.end {
            found.rule(
                format!("{place}.at"),
                law::in_order(mv.at, end, [MOVED, END]),
            );
        }
        previous = previous.max(mv.at);
        if let Some(before) = last.get(&mv.member)
            && *before != mv.from
        {
            found.add(
                format!("{place}.from"),
                Issue::Inconsistent("not where the member's last movement left them"),
            );
        }
        last.insert(mv.member, Some(mv.to));
    }
    for (member, now) in last {
        if now != m.attendance_of(member) {
            found.add(
                format!("{at}.attendance.{member}"),
                Issue::Inconsistent("not where the member's last movement left them"),
            );
        }
    }
}
