//! A council, its meetings: created, opened and closed; the roll call and who comes and goes
//! once the meeting is under way; the agenda; signing and corrections.

use crate::words::{ADJOURNED, END, MATTER, MEETING, RESUMED, SIGNED, SPEAKER_LIMIT, START};
use chrono::{Datelike, NaiveDateTime};

use super::ctx::Ctx;
use crate::document::Document;
use crate::ids::{CouncilId, MatterId, MeetingId, MemberId};
use crate::law::{self, PLACE, REASON, TEXT, TITLE};
use crate::matter::{Matter, Stage, Step};
use crate::meeting::{Adjournment, Attendance, Meeting, MeetingState, Movement};
use crate::records::{Records, Write};
use crate::refusal::{Membership, Refusal};
use crate::seal::{Correction, Signature};
use crate::validate::validate;

pub(super) fn import<R: Records>(cx: &Ctx<R>, document: &Document) -> Result<Vec<Write>, Refusal> {
    validate(document).map_err(Refusal::Invalid)?;
    if !cx.records.is_empty()? {
        return Err(Refusal::NotEmpty);
    }
    Ok(document.writes())
}

/// A part of an import: records taken as they are, into an empty record for the first part.
/// The parts are checked together, against each other, before the last is written
/// (`validate_part` over each council's records); an import that fails the check is taken
/// back whole.
pub(super) fn import_part<R: Records>(
    cx: &Ctx<R>,
    part: u32,
    document: &Document,
) -> Result<Vec<Write>, Refusal> {
    if part == 0 && !cx.records.is_empty()? {
        return Err(Refusal::NotEmpty);
    }
    Ok(document.writes())
}

/// The whole record as a store held it, in place of damaged journal lines: it must hold to
/// every rule an import does, and say why it was written.
pub(super) fn restore(document: &Document, reason: &str) -> Result<Vec<Write>, Refusal> {
    validate(document).map_err(Refusal::Invalid)?;
    law::text(reason, REASON, true)?;
    Ok(document.writes())
}

/// What a new meeting is made with.
pub(super) struct New<'a> {
    pub id: MeetingId,
    pub council: CouncilId,
    pub title: &'a str,
    pub place: &'a str,
    pub start: NaiveDateTime,
    pub chair: MemberId,
    pub recorder: MemberId,
    pub speaker_limit_secs: u32,
}

pub(super) fn create<R: Records>(cx: &Ctx<R>, new: New<'_>) -> Result<Vec<Write>, Refusal> {
    if cx.records.meeting(new.id)?.is_some() {
        return Err(Refusal::Exists {
            what: MEETING,
            id: new.id.0,
        });
    }
    let c = cx.council(new.council)?;
    law::text(new.title, TITLE, true)?;
    law::text(new.place, PLACE, true)?;
    law::at_most(
        u64::from(new.speaker_limit_secs),
        u64::from(law::MAX_SECONDS),
        SPEAKER_LIMIT,
    )?;
    for who in [new.chair, new.recorder] {
        c.member(who).ok_or(Refusal::NotAMember { id: who.0 })?;
    }
    if !cx.as_written {
        law::rule_applies(&c.rule, new.start.date())?;
    }
    let number = cx
        .records
        .meeting_numbers(new.council, new.start.year())?
        .into_iter()
        .max()
        .unwrap_or(0)
        + 1;
    Ok(vec![Write::Meeting(Meeting {
        id: new.id,
        council: new.council,
        year: new.start.year(),
        number,
        title: new.title.to_string(),
        place: new.place.to_string(),
        start: new.start,
        end: None,
        chair: new.chair,
        recorder: new.recorder,
        attendance: Default::default(),
        agenda: Vec::new(),
        state: MeetingState::Preparing,
        speaker_limit_secs: new.speaker_limit_secs,
        signature: None,
        corrections: Vec::new(),
        movements: Vec::new(),
        adjournments: Vec::new(),
        proxies: Vec::new(),
    })])
}

pub(super) fn start<R: Records>(
    cx: &Ctx<R>,
    meeting: MeetingId,
    at: NaiveDateTime,
) -> Result<Vec<Write>, Refusal> {
    let mut m = cx.meeting(meeting)?;
    if m.state != MeetingState::Preparing {
        return Err(Refusal::MeetingState { state: m.state });
    }
    m.state = MeetingState::InProgress;
    // Opened before the time it was called for: it began when it was opened.
    if at < m.start && at.year() == m.year {
        m.start = at;
    }
    Ok(vec![Write::Meeting(m)])
}

/// 休会: the meeting under way adjourned; nothing is recorded in it until it resumes.
pub(super) fn adjourn<R: Records>(
    cx: &Ctx<R>,
    meeting: MeetingId,
    at: NaiveDateTime,
) -> Result<Vec<Write>, Refusal> {
    let mut m = cx.live_meeting(meeting)?;
    let since = m
        .adjournments
        .last()
        .and_then(|a| a.resumed)
        .unwrap_or(m.start);
    law::in_order(since, at, [START, ADJOURNED])?;
    m.adjournments.push(Adjournment { at, resumed: None });
    Ok(vec![Write::Meeting(m)])
}

/// 复会: an adjourned meeting resumed, on the same day or another; the roll is taken again.
pub(super) fn resume<R: Records>(
    cx: &Ctx<R>,
    meeting: MeetingId,
    at: NaiveDateTime,
) -> Result<Vec<Write>, Refusal> {
    let mut m = cx.meeting(meeting)?;
    let Some(last) = m.adjournments.last_mut().filter(|a| a.resumed.is_none()) else {
        return Err(Refusal::NotAdjourned);
    };
    law::in_order(last.at, at, [ADJOURNED, RESUMED])?;
    last.resumed = Some(at);
    Ok(vec![Write::Meeting(m)])
}

pub(super) fn end<R: Records>(
    cx: &Ctx<R>,
    meeting: MeetingId,
    at: NaiveDateTime,
) -> Result<Vec<Write>, Refusal> {
    let mut m = cx.live_meeting(meeting)?;
    law::in_order(m.start, at, [START, END])?;
    m.state = MeetingState::Ended;
    m.end = Some(at);
    Ok(vec![Write::Meeting(m)])
}

/// The roll call before the meeting opens; once it is under way, each change is a movement
/// with its time: a late arrival, an early departure.
pub(super) fn mark<R: Records>(
    cx: &Ctx<R>,
    meeting: MeetingId,
    member: MemberId,
    attendance: Attendance,
    at: NaiveDateTime,
) -> Result<Vec<Write>, Refusal> {
    let mut m = cx.open_meeting(meeting)?;
    let c = cx.council(m.council)?;
    let who = c
        .member(member)
        .ok_or(Refusal::NotAMember { id: member.0 })?;
    let day = m.start.date();
    if !who.serves_on(day) {
        return Err(Refusal::Membership(Membership::NotServing {
            name: who.name.clone(),
            on: day,
        }));
    }
    if !who.voting && attendance == Attendance::Present {
        return Err(Refusal::NotVoting {
            name: who.name.clone(),
        });
    }
    let from = m.attendance.insert(member, attendance);
    if m.state == MeetingState::InProgress && from != Some(attendance) {
        m.movements.push(Movement {
            at,
            member,
            from,
            to: attendance,
        });
    }
    Ok(vec![Write::Meeting(m)])
}

pub(super) fn create_matter<R: Records>(
    cx: &Ctx<R>,
    id: MatterId,
    meeting: MeetingId,
    title: &str,
    short_title: &str,
    at: NaiveDateTime,
) -> Result<Vec<Write>, Refusal> {
    if cx.records.matter(id)?.is_some() {
        return Err(Refusal::Exists {
            what: MATTER,
            id: id.0,
        });
    }
    let mut m = cx.open_meeting(meeting)?;
    law::text(title, TITLE, true)?;
    law::text(short_title, TITLE, true)?;
    m.agenda.push(id);
    let matter = Matter {
        id,
        council: m.council,
        title: title.to_string(),
        short_title: short_title.to_string(),
        opened: at,
        opened_in: m.id,
        stage: Stage::At(Step::Collect),
        opinions: Vec::new(),
        speeches: Vec::new(),
        motions: Vec::new(),
        tasks: Vec::new(),
        reviews: Vec::new(),
        history: Vec::new(),
        withdrawn: Vec::new(),
    };
    Ok(vec![Write::Meeting(m), Write::Matter(matter)])
}

pub(super) fn add_to_agenda<R: Records>(
    cx: &Ctx<R>,
    meeting: MeetingId,
    matter: MatterId,
) -> Result<Vec<Write>, Refusal> {
    let mut m = cx.open_meeting(meeting)?;
    let x = cx.matter(matter)?;
    if x.council != m.council {
        return Err(Refusal::WrongCouncil);
    }
    if !x.stage.is_open() {
        return Err(Refusal::WrongStage {
            stage: x.stage,
            wanted: "意见收集—群众评议",
        });
    }
    if m.agenda.contains(&matter) {
        return Err(Refusal::AlreadyOnAgenda);
    }
    m.agenda.push(matter);
    Ok(vec![Write::Meeting(m)])
}

pub(super) fn move_on_agenda<R: Records>(
    cx: &Ctx<R>,
    meeting: MeetingId,
    matter: MatterId,
    position: usize,
) -> Result<Vec<Write>, Refusal> {
    let mut m = cx.open_meeting(meeting)?;
    let from = m
        .agenda
        .iter()
        .position(|x| *x == matter)
        .ok_or(Refusal::NotOnAgenda)?;
    let item = m.agenda.remove(from);
    let to = position.min(m.agenda.len());
    m.agenda.insert(to, item);
    Ok(vec![Write::Meeting(m)])
}

pub(super) fn sign<R: Records>(
    cx: &Ctx<R>,
    meeting: MeetingId,
    sealed: Option<&crate::seal::Sealed>,
    at: NaiveDateTime,
) -> Result<Vec<Write>, Refusal> {
    let m = cx.meeting(meeting)?;
    if let Some(end) = m.end {
        law::in_order(end, at, [END, SIGNED])?;
    }
    let council = cx.council(m.council)?;
    let m = signed(m, sealed.cloned(), at)?;
    if let Some(signature) = &m.signature {
        crate::keys::check(&council, meeting, signature)?;
    }
    Ok(vec![Write::Meeting(m)])
}

#[allow(clippy::too_many_arguments)]
pub(super) fn correct<R: Records>(
    cx: &Ctx<R>,
    meeting: MeetingId,
    by: MemberId,
    matter: Option<MatterId>,
    step: Option<Step>,
    text: &str,
    reason: &str,
    at: NaiveDateTime,
) -> Result<Vec<Write>, Refusal> {
    let m = cx.meeting(meeting)?;
    let c = cx.council(m.council)?;
    c.member(by).ok_or(Refusal::NotAMember { id: by.0 })?;
    law::text(text, TEXT, true)?;
    law::text(reason, REASON, true)?;
    let correction = Correction {
        at,
        by,
        matter,
        step,
        text: text.to_string(),
        reason: reason.to_string(),
    };
    Ok(vec![Write::Meeting(corrected(m, correction)?)])
}

/// Signs `meeting` as its chair and recorder at `at`.
fn signed(
    mut meeting: Meeting,
    sealed: Option<crate::seal::Sealed>,
    at: NaiveDateTime,
) -> Result<Meeting, Refusal> {
    if meeting.state != MeetingState::Ended {
        return Err(Refusal::MeetingState {
            state: meeting.state,
        });
    }
    if let Some(s) = &meeting.signature {
        return Err(Refusal::AlreadySigned { at: s.at });
    }
    meeting.signature = Some(Signature {
        at,
        chair: meeting.chair,
        recorder: meeting.recorder,
        sealed,
    });
    Ok(meeting)
}

/// Adds a correction to an ended meeting. The matter, if named, must be on its agenda.
fn corrected(mut meeting: Meeting, correction: Correction) -> Result<Meeting, Refusal> {
    if meeting.state != MeetingState::Ended {
        return Err(Refusal::MeetingState {
            state: meeting.state,
        });
    }
    if let Some(x) = correction.matter
        && !meeting.agenda.contains(&x)
    {
        return Err(Refusal::NotOnAgenda);
    }
    if correction.step.is_some() && correction.matter.is_none() {
        return Err(Refusal::StepWithoutMatter);
    }
    meeting.corrections.push(correction);
    Ok(meeting)
}
