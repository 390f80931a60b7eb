//! The rules that accept or refuse each change to a council record. Each change is checked
//! against the records it touches, by the rules in `law` that an import is held to as well,
//! and gives the records to write.

mod council;
mod election;
mod meeting;
mod route;
mod subject;
mod takeback;
mod vote;

use crate::domain::words::{COUNCIL, MATTER, MEETING, MOTION};
use chrono::NaiveDateTime;

use super::change::Change;
use super::council::Council;
use super::ids::{CouncilId, MatterId, MeetingId, MotionId};
use super::matter::{Matter, Stage, Step, Transition};
use super::meeting::{Meeting, MeetingState};
use super::records::{ReadError, Records, Write};
use super::refusal::Refusal;
use super::vote::Motion;

pub use route::apply;

impl From<ReadError> for Refusal {
    fn from(e: ReadError) -> Self {
        Refusal::Storage(e.0)
    }
}

/// Reads what a change needs, refusing what is missing.
struct Ctx<'a, R: Records> {
    records: &'a R,
    /// Replaying a journal line as it was written: rules that came after it (a meeting before
    /// its rule's statute, a non-owner voting on an owners' council) are not applied to it.
    as_written: bool,
}

impl<R: Records> Ctx<'_, R> {
    fn council(&self, id: CouncilId) -> Result<Council, Refusal> {
        self.records.council(id)?.ok_or(Refusal::Missing {
            what: COUNCIL,
            id: id.0,
        })
    }
    fn meeting(&self, id: MeetingId) -> Result<Meeting, Refusal> {
        self.records.meeting(id)?.ok_or(Refusal::Missing {
            what: MEETING,
            id: id.0,
        })
    }
    fn matter(&self, id: MatterId) -> Result<Matter, Refusal> {
        self.records.matter(id)?.ok_or(Refusal::Missing {
            what: MATTER,
            id: id.0,
        })
    }
    fn motion(&self, id: MotionId) -> Result<Motion, Refusal> {
        self.records.motion(id)?.ok_or(Refusal::Missing {
            what: MOTION,
            id: id.0,
        })
    }

    /// A meeting that is in progress.
    fn live_meeting(&self, id: MeetingId) -> Result<Meeting, Refusal> {
        let m = self.meeting(id)?;
        at_work(&m)?;
        Ok(m)
    }

    /// A meeting not yet ended: its agenda and roll may still change.
    fn open_meeting(&self, id: MeetingId) -> Result<Meeting, Refusal> {
        let m = self.meeting(id)?;
        if m.state == MeetingState::Ended {
            return Err(Refusal::MeetingState { state: m.state });
        }
        Ok(m)
    }

    /// A matter on the agenda of a meeting in progress, with both and the council.
    fn work(
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
            wanted: step.label(crate::text::Lang::ZhHans),
        })
    }
}

fn move_to(
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

/// A change the journal recorded, made again: as `apply`, except that a whole document (an
/// import, a restore) is taken as it was accepted when it was written, not judged again by
/// rules that came after it. The journal's hash chain vouches for it; an import that arrives
/// now is judged by `apply`.
pub fn replay<R: Records>(
    change: &Change,
    at: NaiveDateTime,
    records: &R,
) -> Result<Vec<Write>, Refusal> {
    match change {
        // A copy of the document's records either way.
        Change::Import { .. } | Change::ImportPart { .. } | Change::Restore { .. } => {
            replay_owned(change.clone(), at, records)
        }
        // Before the ballot box, a secret ballot was keyed by name and added to the totals at
        // once; a journal of that time is replayed as it was written.
        Change::CastBallot {
            motion,
            member,
            choice,
        } => match apply(change, at, records) {
            Err(Refusal::SecretByName) => vote::legacy_secret(
                &Ctx {
                    records,
                    as_written: true,
                },
                *motion,
                *member,
                *choice,
            ),
            other => other,
        },
        // Written before a meeting's date was held to its rule's statute, or a voter on an
        // owners' council to the register: replayed as it was written.
        Change::CreateMeeting { .. } | Change::AddMember { .. } | Change::CreateCouncil { .. } => {
            route::apply_as(change, at, records, true)
        }
        _ => apply(change, at, records),
    }
}

/// As `replay`, the change given up: a whole document's records are taken over, not copied.
pub fn replay_owned<R: Records>(
    change: Change,
    at: NaiveDateTime,
    records: &R,
) -> Result<Vec<Write>, Refusal> {
    match change {
        Change::Import { document } => {
            imports_into_nothing(records)?;
            Ok(document.into_writes())
        }
        Change::ImportPart { part, document, .. } => {
            if part == 0 {
                imports_into_nothing(records)?;
            }
            Ok(document.into_writes())
        }
        Change::Restore { document, .. } => Ok(document.into_writes()),
        other => replay(&other, at, records),
    }
}

/// A journal's import was made into an empty record, and is replayed only into one.
fn imports_into_nothing<R: Records>(records: &R) -> Result<(), Refusal> {
    if records.is_empty()? {
        Ok(())
    } else {
        Err(Refusal::NotEmpty)
    }
}
