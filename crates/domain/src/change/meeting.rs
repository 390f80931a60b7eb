//! A meeting: created, opened, adjourned, resumed and closed; the roll call and who comes and
//! goes once it is under way; signing and corrections.

use super::ctx::Ctx;
use super::kind::{Kind, Names};
use crate::ids::{CouncilId, MatterId, MeetingId, MemberId};
use crate::law::{self, PLACE, REASON, TEXT, TITLE};
use crate::matter::Step;
use crate::meeting::{Adjournment, Attendance, Meeting, MeetingState, Movement};
use crate::records::{Records, Write};
use crate::refusal::{Membership, Refusal};
use crate::seal::{Correction, Signature};
use crate::words::{ADJOURNED, END, MEETING, RESUMED, SIGNED, SPEAKER_LIMIT, START};
use chrono::{Datelike, NaiveDateTime};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateMeeting {
    pub id: MeetingId,
    pub council: CouncilId,
    pub title: String,
    pub place: String,
    pub start: NaiveDateTime,
    pub chair: MemberId,
    pub recorder: MemberId,
    pub speaker_limit_secs: u32,
}

impl Kind for CreateMeeting {
    fn names(&self) -> Names {
        Names::meeting(self.id)
    }

    fn rule<R: Records>(&self, cx: &Ctx<R>, _at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        create(cx, self)
    }
}

pub(super) fn create<R: Records>(cx: &Ctx<R>, new: &CreateMeeting) -> Result<Vec<Write>, Refusal> {
    if cx.records.meeting(new.id)?.is_some() {
        return Err(Refusal::Exists {
            what: MEETING,
            id: new.id.0,
        });
    }
    let c = cx.council(new.council)?;
    law::text(&new.title, TITLE, true)?;
    law::text(&new.place, PLACE, true)?;
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StartMeeting {
    pub meeting: MeetingId,
}

impl Kind for StartMeeting {
    fn names(&self) -> Names {
        Names::meeting(self.meeting)
    }

    fn rule<R: Records>(&self, cx: &Ctx<R>, at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let &StartMeeting { meeting } = self;
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
}

/// 休会: the meeting under way adjourned, to resume later that day or on another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Adjourn {
    pub meeting: MeetingId,
}

impl Kind for Adjourn {
    fn names(&self) -> Names {
        Names::meeting(self.meeting)
    }

    /// 休会: the meeting under way adjourned; nothing is recorded in it until it resumes.
    fn rule<R: Records>(&self, cx: &Ctx<R>, at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let &Adjourn { meeting } = self;
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
}

/// 复会: an adjourned meeting resumed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Resume {
    pub meeting: MeetingId,
}

impl Kind for Resume {
    fn names(&self) -> Names {
        Names::meeting(self.meeting)
    }

    /// 复会: an adjourned meeting resumed, on the same day or another; the roll is taken again.
    fn rule<R: Records>(&self, cx: &Ctx<R>, at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let &Resume { meeting } = self;
        let mut m = cx.meeting(meeting)?;
        let Some(last) = m.adjournments.last_mut().filter(|a| a.resumed.is_none()) else {
            return Err(Refusal::NotAdjourned);
        };
        law::in_order(last.at, at, [ADJOURNED, RESUMED])?;
        last.resumed = Some(at);
        Ok(vec![Write::Meeting(m)])
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EndMeeting {
    pub meeting: MeetingId,
}

impl Kind for EndMeeting {
    fn names(&self) -> Names {
        Names::meeting(self.meeting)
    }

    fn rule<R: Records>(&self, cx: &Ctx<R>, at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let &EndMeeting { meeting } = self;
        let mut m = cx.live_meeting(meeting)?;
        law::in_order(m.start, at, [START, END])?;
        m.state = MeetingState::Ended;
        m.end = Some(at);
        Ok(vec![Write::Meeting(m)])
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MarkAttendance {
    pub meeting: MeetingId,
    pub member: MemberId,
    pub attendance: Attendance,
}

impl Kind for MarkAttendance {
    fn names(&self) -> Names {
        Names::meeting(self.meeting)
    }

    /// The roll call before the meeting opens; once it is under way, each change is a movement
    /// with its time: a late arrival, an early departure.
    fn rule<R: Records>(&self, cx: &Ctx<R>, at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let &MarkAttendance {
            meeting,
            member,
            attendance,
        } = self;
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
}

/// 签发: the chair and the recorder sign an ended meeting's minutes, sealing its record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SignMeeting {
    pub meeting: MeetingId,
    /// The signers' own signatures, where they hold keys (see `seal`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sealed: Option<crate::seal::Sealed>,
}

impl Kind for SignMeeting {
    fn names(&self) -> Names {
        Names::meeting(self.meeting)
    }

    fn rule<R: Records>(&self, cx: &Ctx<R>, at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let SignMeeting { meeting, sealed } = self;
        sign(cx, *meeting, sealed.as_ref(), at)
    }
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

/// 更正: a correction to an ended meeting's record, kept beside the original.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Correct {
    pub meeting: MeetingId,
    pub by: MemberId,
    pub matter: Option<MatterId>,
    pub step: Option<Step>,
    pub text: String,
    pub reason: String,
}

impl Kind for Correct {
    fn names(&self) -> Names {
        Names::meeting(self.meeting)
    }

    fn rule<R: Records>(&self, cx: &Ctx<R>, at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let &Correct {
            meeting,
            by,
            matter,
            step,
            ref text,
            ref reason,
        } = self;
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
