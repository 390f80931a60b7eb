//! What every kind of change reads and checks first: the records it names, refused where they
//! are missing, and whether a meeting is at work and a matter at its step.

use chrono::NaiveDateTime;

use crate::council::Council;
use crate::ids::{CouncilId, MatterId, MeetingId, MotionId};
use crate::matter::{Matter, Stage, Step, Transition};
use crate::meeting::{Meeting, MeetingState};
use crate::records::Records;
use crate::refusal::Refusal;
use crate::vote::Motion;
use crate::words::{COUNCIL, MATTER, MEETING, MOTION};

/// Reads what a change needs, refusing what is missing.
pub(super) struct Ctx<'a, R: Records> {
    pub(super) records: &'a R,
    /// Replaying a journal line as it was written: rules that came after it (a meeting before
    /// its rule's statute, a non-owner voting on an owners' council) are not applied to it.
    pub(super) as_written: bool,
}

impl<R: Records> Ctx<'_, R> {
    pub(super) fn council(&self, id: CouncilId) -> Result<Council, Refusal> {
        self.records.council(id)?.ok_or(Refusal::Missing {
            what: COUNCIL,
            id: id.0,
        })
    }
    pub(super) fn meeting(&self, id: MeetingId) -> Result<Meeting, Refusal> {
        self.records.meeting(id)?.ok_or(Refusal::Missing {
            what: MEETING,
            id: id.0,
        })
    }
    pub(super) fn matter(&self, id: MatterId) -> Result<Matter, Refusal> {
        self.records.matter(id)?.ok_or(Refusal::Missing {
            what: MATTER,
            id: id.0,
        })
    }
    pub(super) fn motion(&self, id: MotionId) -> Result<Motion, Refusal> {
        self.records.motion(id)?.ok_or(Refusal::Missing {
            what: MOTION,
            id: id.0,
        })
    }

    /// A meeting that is in progress.
    pub(super) fn live_meeting(&self, id: MeetingId) -> Result<Meeting, Refusal> {
        let m = self.meeting(id)?;
        at_work(&m)?;
        Ok(m)
    }

    /// A meeting not yet ended: its agenda and roll may still change.
    pub(super) fn open_meeting(&self, id: MeetingId) -> Result<Meeting, Refusal> {
        let m = self.meeting(id)?;
        if m.state == MeetingState::Ended {
            return Err(Refusal::MeetingState { state: m.state });
        }
        Ok(m)
    }

    /// A matter on the agenda of a meeting in progress, with both and the council.
    pub(super) fn work(
        &self,
        matter: MatterId,
        meeting: MeetingId,
    ) -> Result<(Matter, Meeting, Council), Refusal> {
        let meeting = self.live_meeting(meeting)?;
        let matter = self.matter(matter)?;
        if !meeting.agenda.contains(&matter.id) {
            return Err(Refusal::NotOnAgenda);
        }
        let council = self.council(meeting.council)?;
        Ok((matter, meeting, council))
    }
}

/// Whether anything may be recorded in `meeting` now: under way, and not in a break.
pub fn at_work(meeting: &Meeting) -> Result<(), Refusal> {
    if meeting.state != MeetingState::InProgress {
        return Err(Refusal::MeetingState {
            state: meeting.state,
        });
    }
    if meeting.adjourned() {
        return Err(Refusal::Adjourned);
    }
    Ok(())
}

/// Whether a rejection waits to be dealt with (sent back or not adopted): the matter's last
/// motion, an amendment aside, `last`, was voted down by a vote that decided something.
pub fn rejection_waits(last: Option<&Motion>) -> Result<(), Refusal> {
    match last {
        Some(v) if v.passed == Some(false) && v.no_decision => Err(Refusal::NoDecisionYet),
        Some(v) if v.passed == Some(false) => Ok(()),
        _ => Err(Refusal::NoRejectedMotion),
    }
}

/// Whether `matter` stands at `step`, where that step's entries are recorded.
pub fn at_step(matter: &Matter, step: Step) -> Result<(), Refusal> {
    if matter.stage == Stage::At(step) {
        Ok(())
    } else {
        Err(Refusal::WrongStage {
            stage: matter.stage,
            wanted: step.label(yishi_text::Lang::ZhHans),
        })
    }
}

pub(super) fn move_to(
    matter: &mut Matter,
    to: Stage,
    at: NaiveDateTime,
    meeting: MeetingId,
    reason: String,
    waiver: String,
) {
    matter.history.push(Transition {
        at,
        meeting,
        from: matter.stage,
        to,
        reason,
        waiver,
    });
    matter.stage = to;
}
