//! The checks an import must pass before anything is written: every reference resolves, every
//! figure adds up, the times run forward, and every record is one the live record's rules
//! (`law`) could have made. Each problem names its place in the document.

use crate::words::{COUNT, PERCENT, SECONDS, STEP};
mod found;
mod meeting;
mod motion;

use found::{Found, Index, unique};

use chrono::NaiveDateTime;
use std::collections::BTreeSet;

use super::council::Council;
use super::document::Document;
use super::ids::{CouncilId, MeetingId};
use super::law::{self, COMMENT, NAME, OWNER, SUMMARY, TASK, TEXT, TITLE};
use super::matter::{Author, Closure, Matter, Stage};
use super::refusal::{Issue, Problem};
use super::refusal::{Record, Refusal};

/// Where each record of a document stands in the whole it was taken from, by kind: a part of
/// a document checked on its own names its records' places in the whole. A list left empty
/// means the records stand as listed.
#[derive(Debug, Clone, Default)]
pub struct Places {
    pub councils: Vec<usize>,
    pub meetings: Vec<usize>,
    pub matters: Vec<usize>,
    pub motions: Vec<usize>,
}

fn place(list: &[usize], i: usize) -> usize {
    list.get(i).copied().unwrap_or(i)
}

/// Checks that every reference resolves, every figure adds up and every rule is kept.
pub fn validate(doc: &Document) -> Result<(), Vec<Problem>> {
    let mut found = Found::default();
    unique(doc.councils.iter().map(|c| c.id), "councils", &mut found);
    unique(doc.meetings.iter().map(|m| m.id), "meetings", &mut found);
    unique(doc.matters.iter().map(|m| m.id), "matters", &mut found);
    unique(doc.motions.iter().map(|m| m.id), "motions", &mut found);
    let names: Vec<_> = doc
        .councils
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id, c.name.clone(), i))
        .collect();
    found.0.extend(same_names(&names));
    check(doc, &Places::default(), &mut found);
    found.into_result()
}

/// Checks the records of one council (or of none, for records that name no council the
/// document holds) as `validate` checks a whole document, naming each record's place in the
/// whole by `places`. Ids must be unique across the whole (`duplicates`), which a part cannot
/// tell.
pub fn validate_part(doc: &Document, places: &Places) -> Result<(), Vec<Problem>> {
    let mut found = Found::default();
    check(doc, places, &mut found);
    found.into_result()
}

/// The ids given to more than one record of a kind, each named at its later place: `ids` are
/// (id, place) of every record of `kind` ("meetings") in the whole.
pub fn duplicates(kind: &str, mut ids: Vec<(u64, usize)>) -> Vec<Problem> {
    ids.sort_unstable();
    ids.windows(2)
        .filter(|w| w[0].0 == w[1].0)
        .map(|w| Problem::new(format!("{kind}[{}].id", w[1].1), Issue::Duplicate))
        .collect()
}

/// The councils whose names the eye cannot tell from an earlier council's, each named at its
/// place: `councils` are (id, name, place) of every council in the whole, in order.
pub fn same_names(councils: &[(CouncilId, String, usize)]) -> Vec<Problem> {
    let mut out = Vec::new();
    for (k, (_, name, i)) in councils.iter().enumerate() {
        let before: Vec<_> = councils[..k]
            .iter()
            .map(|(id, n, _)| (*id, n.clone()))
            .collect();
        if let Err(why) = law::council_name(&before, name) {
            out.push(Problem::new(
                format!("councils[{i}].name"),
                Issue::Refused(why),
            ));
        }
    }
    out
}

fn check(doc: &Document, places: &Places, found: &mut Found) {
    let index = Index {
        councils: doc.councils.iter().map(|c| (c.id, c)).collect(),
        meetings: doc.meetings.iter().map(|m| (m.id, m)).collect(),
        matters: doc.matters.iter().map(|m| (m.id, m)).collect(),
        motions: doc.motions.iter().map(|m| (m.id, m)).collect(),
    };
    for (i, c) in doc.councils.iter().enumerate() {
        let at = format!("councils[{}]", place(&places.councils, i));
        council(&at, c, found);
    }
    let mut numbers = BTreeSet::new();
    for (i, m) in doc.meetings.iter().enumerate() {
        let at = format!("meetings[{}]", place(&places.meetings, i));
        if !numbers.insert((m.council, m.year, m.number)) {
            found.add(format!("{at}.number"), Issue::Duplicate);
        }
        meeting::check(&at, m, &index, found);
    }
    for (i, x) in doc.matters.iter().enumerate() {
        let at = format!("matters[{}]", place(&places.matters, i));
        matter(&at, x, &index, found);
    }
    for (i, v) in doc.motions.iter().enumerate() {
        let at = format!("motions[{}]", place(&places.motions, i));
        motion::check(&at, v, &index, found);
    }
}

fn council(at: &str, c: &Council, found: &mut Found) {
    found.text(format!("{at}.name"), &c.name, NAME, true);
    unique(
        c.members.iter().map(|m| m.id),
        &format!("{at}.members"),
        found,
    );
    if c.satisfaction_threshold > 100 {
        found.add(
            format!("{at}.satisfaction_threshold"),
            Issue::Inconsistent("> 100"),
        );
    }
    if c.rule.quorum.den == 0 || c.rule.passing.den == 0 {
        found.add(format!("{at}.rule"), Issue::Inconsistent("den = 0"));
    }
    found.rule(format!("{at}.rule"), law::rule(&c.rule));
    for (j, m) in c.members.iter().enumerate() {
        found.text(format!("{at}.members[{j}].name"), &m.name, NAME, true);
        for (k, u) in m.units.iter().enumerate() {
            if u.area == 0 {
                found.add(
                    format!("{at}.members[{j}].units[{k}].area"),
                    Issue::Refused(Refusal::Record(Record::NoArea {
                        unit: u.unit.clone(),
                    })),
                );
            }
        }
    }
    // A unit is one owner's at a time: its holdings, oldest first, each end where the next begins.
    let mut held: Vec<(&str, Option<chrono::NaiveDate>, Option<chrono::NaiveDate>)> = c
        .members
        .iter()
        .flat_map(|m| &m.units)
        .map(|u| (u.unit.as_str(), u.since, u.until))
        .collect();
    held.sort();
    for pair in held.windows(2) {
        let ((unit, _, until), (next, since, _)) = (pair[0], pair[1]);
        if unit == next && (until.is_none() || since.is_none() || since < until) {
            found.add(
                format!("{at}.members"),
                Issue::Refused(Refusal::Record(Record::UnitHeldTwice {
                    unit: unit.to_string(),
                })),
            );
        }
    }
    for (j, why) in law::distinct_names(c) {
        found.add(format!("{at}.members[{j}].name"), Issue::Refused(why));
    }
    for (j, m) in c.members.iter().enumerate() {
        if let Err(why) = law::owner_votes(c, m) {
            found.add(format!("{at}.members[{j}].voting"), Issue::Refused(why));
        }
    }
    for (j, k) in c.keys.iter().enumerate() {
        let place = format!("{at}.keys[{j}]");
        if c.member(k.member).is_none() {
            found.add(
                format!("{place}.member"),
                Issue::Unknown("member", k.member.0),
            );
        }
        match crate::keys::key_id(&k.public) {
            Ok(id) if id == k.id => {}
            Ok(_) => found.add(
                format!("{place}.id"),
                Issue::Inconsistent("not the key's id"),
            ),
            Err(e) => found.add(format!("{place}.public"), Issue::Refused(e)),
        }
        if c.keys[..j]
            .iter()
            .any(|o| o.id == k.id && o.member != k.member)
        {
            found.add(
                format!("{place}.id"),
                Issue::Inconsistent("registered to two members"),
            );
        }
    }
}

fn author(at: String, council: &Council, a: &Author, found: &mut Found) {
    if let Author::Member(id) = a
        && council.member(*id).is_none()
    {
        found.add(at, Issue::Unknown("member", id.0));
        return;
    }
    found.rule(at, law::author(council, a));
}

fn matter(at: &str, x: &Matter, index: &Index<'_>, found: &mut Found) {
    let Some(c) = index.councils.get(&x.council) else {
        found.add(
            format!("{at}.council"),
            Issue::Unknown("council", x.council.0),
        );
        return;
    };
    let meeting_of = |id: MeetingId, place: String, found: &mut Found| {
        let m = index.meetings.get(&id).filter(|m| m.council == x.council);
        if m.is_none() {
            found.add(place, Issue::Unknown("meeting", id.0));
        }
        m.copied()
    };
    // What is recorded for a matter at a meeting, in the hearing or as a step, was recorded
    // with the matter on that meeting's agenda.
    let on_agenda = |id: MeetingId, place: String, found: &mut Found| {
        if let Some(m) = index.meetings.get(&id)
            && m.council == x.council
            && !m.agenda.contains(&x.id)
        {
            found.add(
                place,
                Issue::Refused(Refusal::Record(Record::OffTheAgenda {
                    matter: x.title.clone(),
                })),
            );
        }
    };
    meeting_of(x.opened_in, format!("{at}.opened_in"), found);
    found.text(format!("{at}.title"), &x.title, TITLE, true);
    found.text(format!("{at}.short_title"), &x.short_title, TITLE, true);
    for (j, o) in x.opinions.iter().enumerate() {
        let place = format!("{at}.opinions[{j}]");
        meeting_of(o.meeting, format!("{place}.meeting"), found);
        author(format!("{place}.author"), c, &o.author, found);
        found.text(format!("{place}.text"), &o.text, TEXT, true);
    }
    for (j, s) in x.speeches.iter().enumerate() {
        let place = format!("{at}.speeches[{j}]");
        let m = meeting_of(s.meeting, format!("{place}.meeting"), found);
        on_agenda(s.meeting, format!("{place}.meeting"), found);
        match (m, &s.speaker) {
            (_, Author::Member(id)) if c.member(*id).is_none() => {
                found.add(format!("{place}.speaker"), Issue::Unknown("member", id.0))
            }
            (Some(m), speaker) if s.done => found.rule(
                format!("{place}.speaker"),
                law::may_speak(c, m, speaker, s.roll),
            ),
            (_, speaker) => author(format!("{place}.speaker"), c, speaker, found),
        }
        found.text(format!("{place}.summary"), &s.summary, SUMMARY, false);
        found.rule(
            format!("{place}.seconds_used"),
            law::at_most(
                u64::from(s.seconds_used),
                u64::from(law::MAX_SECONDS),
                SECONDS,
            ),
        );
    }
    for (j, t) in x.tasks.iter().enumerate() {
        let place = format!("{at}.tasks[{j}]");
        meeting_of(t.meeting, format!("{place}.meeting"), found);
        found.text(format!("{place}.text"), &t.text, TASK, true);
        found.text(format!("{place}.owner"), &t.owner, OWNER, true);
        for (k, g) in t.progress.iter().enumerate() {
            let place = format!("{place}.progress[{k}]");
            meeting_of(g.meeting, format!("{place}.meeting"), found);
            found.rule(
                format!("{place}.percent"),
                law::at_most(u64::from(g.percent), 100, PERCENT),
            );
            found.text(format!("{place}.note"), &g.note, TEXT, true);
        }
    }
    for (j, r) in x.reviews.iter().enumerate() {
        let place = format!("{at}.reviews[{j}]");
        meeting_of(r.meeting, format!("{place}.meeting"), found);
        for n in [r.satisfied, r.basically_satisfied, r.dissatisfied] {
            found.rule(
                place.clone(),
                law::at_most(u64::from(n), u64::from(law::MAX_COUNT), COUNT),
            );
        }
        for (k, comment) in r.comments.iter().enumerate() {
            found.text(format!("{place}.comments[{k}]"), comment, COMMENT, false);
        }
    }
    let mut previous: Option<NaiveDateTime> = None;
    for (j, t) in x.history.iter().enumerate() {
        let place = format!("{at}.history[{j}]");
        meeting_of(t.meeting, format!("{place}.meeting"), found);
        on_agenda(t.meeting, format!("{place}.meeting"), found);
        if let Some(p) = previous {
            found.rule(format!("{place}.at"), law::in_order(p, t.at, [STEP, STEP]));
        }
        previous = Some(t.at);
        if t.to == Stage::Closed(Closure::Completed) {
            found.rule(format!("{place}.waiver"), law::may_complete(x, &t.waiver));
        }
    }
    for (j, w) in x.withdrawn.iter().enumerate() {
        meeting_of(w.meeting, format!("{at}.withdrawn[{j}].meeting"), found);
    }
    for (j, id) in x.motions.iter().enumerate() {
        if index.motions.get(id).is_none_or(|v| v.matter != x.id) {
            found.add(format!("{at}.motions[{j}]"), Issue::Unknown("motion", id.0));
        }
    }
}
