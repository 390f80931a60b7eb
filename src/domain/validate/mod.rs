//! The checks an import must pass before anything is written: every reference resolves, every
//! figure adds up, the times run forward, and every record is one the live record's rules
//! (`law`) could have made. Each problem names its place in the document.

use crate::domain::words::{
    ADJOURNED, CORRECTED, COUNT, END, MOVED, PERCENT, RESUMED, SECONDS, SIGNED, SPEAKER_LIMIT,
    START, STEP,
};
mod motion;

use chrono::NaiveDateTime;
use std::collections::{BTreeMap, BTreeSet};

use super::council::Council;
use super::document::Document;
use super::ids::{CouncilId, MatterId, MeetingId, MemberId, MotionId};
use super::law::{self, COMMENT, NAME, OWNER, PLACE, REASON, SUMMARY, TASK, TEXT, TITLE};
use super::matter::{Author, Closure, Matter, Stage};
use super::meeting::{Attendance, Meeting, MeetingState};
use super::refusal::Refusal;
use super::refusal::{Issue, Problem};
use super::vote::Motion;

/// The problems found so far.
#[derive(Default)]
struct Found(Vec<Problem>);

impl Found {
    fn add(&mut self, place: impl Into<String>, what: Issue) {
        self.0.push(Problem::new(place, what));
    }

    /// Records a broken rule at `place`.
    fn rule(&mut self, place: impl Into<String>, r: Result<impl Sized, Refusal>) {
        if let Err(e) = r {
            self.add(place, Issue::Refused(e));
        }
    }

    fn text(&mut self, place: String, s: &str, field: law::Field, required: bool) {
        self.rule(place, law::text(s, field, required));
    }
}

fn unique<K: Ord + Copy>(ids: impl Iterator<Item = K>, kind: &str, found: &mut Found) {
    let mut seen = BTreeSet::new();
    for (i, id) in ids.enumerate() {
        if !seen.insert(id) {
            found.add(format!("{kind}[{i}].id"), Issue::Duplicate);
        }
    }
}

/// The document's records by id.
struct Index<'a> {
    councils: BTreeMap<CouncilId, &'a Council>,
    meetings: BTreeMap<MeetingId, &'a Meeting>,
    matters: BTreeMap<MatterId, &'a Matter>,
    motions: BTreeMap<MotionId, &'a Motion>,
}

impl Index<'_> {
    fn member(&self, council: CouncilId, id: MemberId) -> bool {
        self.councils
            .get(&council)
            .is_some_and(|c| c.member(id).is_some())
    }

    fn check_member(&self, council: CouncilId, id: MemberId, place: String, found: &mut Found) {
        if !self.member(council, id) {
            found.add(place, Issue::Unknown("member", id.0));
        }
    }
}

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

impl Found {
    fn into_result(self) -> Result<(), Vec<Problem>> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(self.0)
        }
    }
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
        meeting(&at, m, &index, found);
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
    for (j, m) in c.members.iter().enumerate() {
        found.text(format!("{at}.members[{j}].name"), &m.name, NAME, true);
    }
}

fn meeting(at: &str, m: &Meeting, index: &Index<'_>, found: &mut Found) {
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
