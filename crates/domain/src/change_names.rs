//! What a change is about: the motion or the meeting it names, asked of every kind by name, so
//! that a kind added later must answer.

use super::change::Change;
use super::ids::{MeetingId, MotionId};

impl Change {
    /// The motion a vote change names.
    pub fn motion(&self) -> Option<MotionId> {
        use Change::*;
        match self {
            OpenVote { motion }
            | CastBallot { motion, .. }
            | HandInBallot { motion, .. }
            | CorrectBallot { motion, .. }
            | EnterCounts { motion, .. }
            | CloseVote { motion, .. }
            | WithdrawMotion { motion }
            | DeferMotion { motion }
            | CorrectMotion { motion, .. }
            | ProposeAmendment { motion, .. }
            | EnterElectionCounts { motion, .. } => Some(*motion),
            // Named here one by one, so that a kind added later is asked whether it names a
            // motion (district publish re-lays a meeting's minutes by it).
            Import { .. }
            | ImportPart { .. }
            | Restore { .. }
            | CreateCouncil { .. }
            | AddMember { .. }
            | RegisterKey { .. }
            | SellUnit { .. }
            | MemberLeaves { .. }
            | CreateMeeting { .. }
            | StartMeeting { .. }
            | EndMeeting { .. }
            | Adjourn { .. }
            | Resume { .. }
            | SignMeeting { .. }
            | MarkAttendance { .. }
            | GiveProxy { .. }
            | CreateMatter { .. }
            | AddToAgenda { .. }
            | MoveOnAgenda { .. }
            | AddOpinion { .. }
            | Withdraw { .. }
            | StepBack { .. }
            | CorrectOpinion { .. }
            | CorrectTask { .. }
            | CorrectSpeech { .. }
            | MoveSpeaker { .. }
            | Advance { .. }
            | AddSpeaker { .. }
            | RecordSpeech { .. }
            | ProposeMotion { .. }
            | ProposeElection { .. }
            | ResolveRejected { .. }
            | AddTask { .. }
            | RecordProgress { .. }
            | SetSupervised { .. }
            | RecordReview { .. }
            | ConcludeReview { .. }
            | Correct { .. } => None,
        }
    }

    /// The meeting a change is made in or to, where it names one (a ballot names its motion).
    pub fn meeting(&self) -> Option<MeetingId> {
        use Change::*;
        match self {
            Import { .. }
            | ImportPart { .. }
            | Restore { .. }
            | CreateCouncil { .. }
            | AddMember { .. }
            | RegisterKey { .. }
            | SellUnit { .. }
            | MemberLeaves { .. } => None,
            OpenVote { .. }
            | CastBallot { .. }
            | HandInBallot { .. }
            | CorrectBallot { .. }
            | EnterCounts { .. }
            | CloseVote { .. }
            | WithdrawMotion { .. }
            | DeferMotion { .. }
            | CorrectMotion { .. }
            | ProposeAmendment { .. }
            | EnterElectionCounts { .. } => None,
            CreateMeeting { id, .. } => Some(*id),
            StartMeeting { meeting }
            | EndMeeting { meeting }
            | Adjourn { meeting }
            | Resume { meeting }
            | SignMeeting { meeting, .. }
            | MarkAttendance { meeting, .. }
            | GiveProxy { meeting, .. }
            | CreateMatter { meeting, .. }
            | AddToAgenda { meeting, .. }
            | MoveOnAgenda { meeting, .. }
            | AddOpinion { meeting, .. }
            | Withdraw { meeting, .. }
            | StepBack { meeting, .. }
            | CorrectOpinion { meeting, .. }
            | CorrectTask { meeting, .. }
            | CorrectSpeech { meeting, .. }
            | MoveSpeaker { meeting, .. }
            | Advance { meeting, .. }
            | AddSpeaker { meeting, .. }
            | RecordSpeech { meeting, .. }
            | ProposeMotion { meeting, .. }
            | ProposeElection { meeting, .. }
            | ResolveRejected { meeting, .. }
            | AddTask { meeting, .. }
            | RecordProgress { meeting, .. }
            | SetSupervised { meeting, .. }
            | RecordReview { meeting, .. }
            | ConcludeReview { meeting, .. }
            | Correct { meeting, .. } => Some(*meeting),
        }
    }
}
