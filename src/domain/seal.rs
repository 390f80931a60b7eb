//! Signing (签发) a finished meeting, and corrections (更正) to its record afterwards. Nothing
//! a correction touches is overwritten: the correction is kept beside the original, with who
//! made it, when and why, and the minutes print both.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::ids::{MatterId, MemberId};
use super::matter::Step;
use super::meeting::{Meeting, MeetingState};
use super::refusal::Refusal;

/// The chair's and the recorder's signature on the minutes, and when they signed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature {
    pub at: NaiveDateTime,
    pub chair: MemberId,
    pub recorder: MemberId,
}

/// A recorded correction to an ended meeting's record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    pub at: NaiveDateTime,
    /// Who made the correction (a council member).
    pub by: MemberId,
    /// The matter and step corrected; none for the meeting's own particulars.
    #[serde(default)]
    pub matter: Option<MatterId>,
    #[serde(default)]
    pub step: Option<Step>,
    /// The corrected wording.
    pub text: String,
    pub reason: String,
}

/// Signs `meeting` as its chair and recorder at `at`.
pub(super) fn sign(mut meeting: Meeting, at: NaiveDateTime) -> Result<Meeting, Refusal> {
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
    });
    Ok(meeting)
}

/// Adds a correction to an ended meeting. The matter, if named, must be on its agenda.
pub(super) fn correct(mut meeting: Meeting, correction: Correction) -> Result<Meeting, Refusal> {
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
