//! The changes a council record accepts, as the user asked for them, and the rules that accept
//! or refuse each. Each kind of change is a payload struct beside its rule, in the file of its
//! subject; each is checked against the records it touches, by the rules in `law` that an
//! import is held to as well, and gives the records to write.

mod agenda;
mod council;
mod ctx;
mod document;
mod election;
mod kind;
mod meeting;
mod motion;
mod subject;
mod takeback;
mod vote;
mod work;

use chrono::NaiveDateTime;

use crate::ids::{MeetingId, MotionId};
use crate::records::{ReadError, Records, Write};
use crate::refusal::Refusal;

pub use council::Buyer;
pub use ctx::{at_step, at_work, rejection_waits};

use ctx::Ctx;

kind::changes! {
    Import in document,
    ImportPart in document,
    Restore in document,
    CreateCouncil in council,
    AddMember in council,
    MemberLeaves in council,
    SellUnit in council,
    GiveProxy in council,
    RegisterKey in council,
    CreateMeeting in meeting,
    StartMeeting in meeting,
    Adjourn in meeting,
    Resume in meeting,
    EndMeeting in meeting,
    MarkAttendance in meeting,
    SignMeeting in meeting,
    Correct in meeting,
    CreateMatter in agenda,
    AddToAgenda in agenda,
    MoveOnAgenda in agenda,
    AddOpinion in subject,
    Advance in subject,
    AddSpeaker in subject,
    MoveSpeaker in subject,
    RecordSpeech in subject,
    ResolveRejected in subject,
    ProposeMotion in motion,
    ProposeAmendment in motion,
    CorrectMotion in motion,
    WithdrawMotion in motion,
    DeferMotion in motion,
    OpenVote in vote,
    CastBallot in vote,
    HandInBallot in vote,
    CorrectBallot in vote,
    EnterCounts in vote,
    CloseVote in vote,
    ProposeElection in election,
    EnterElectionCounts in election,
    AddTask in work,
    RecordProgress in work,
    SetSupervised in work,
    RecordReview in work,
    ConcludeReview in work,
    Withdraw in takeback,
    StepBack in takeback,
    CorrectOpinion in takeback,
    CorrectSpeech in takeback,
    CorrectTask in takeback,
    RetitleMatter in takeback,
}

impl Change {
    /// The motion a vote change names.
    pub fn motion(&self) -> Option<MotionId> {
        self.names().motion
    }

    /// The meeting a change is made in or to, where it names one (a ballot names its motion).
    pub fn meeting(&self) -> Option<MeetingId> {
        self.names().meeting
    }
}

/// Validates `change` against the records it touches; returns the records to write.
pub fn apply<R: Records>(
    change: &Change,
    at: NaiveDateTime,
    records: &R,
) -> Result<Vec<Write>, Refusal> {
    apply_as(change, at, records, false)
}

/// As `apply`; `as_written`: a journal's line replayed, not held to rules made after it.
fn apply_as<R: Records>(
    change: &Change,
    at: NaiveDateTime,
    records: &R,
    as_written: bool,
) -> Result<Vec<Write>, Refusal> {
    change.rule(
        &Ctx {
            records,
            as_written,
        },
        at,
    )
}

impl From<ReadError> for Refusal {
    fn from(e: ReadError) -> Self {
        Refusal::Storage(e.0)
    }
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
        Change::Import(_) | Change::ImportPart(_) | Change::Restore(_) => {
            replay_owned(change.clone(), at, records)
        }
        // Before the ballot box, a secret ballot was keyed by name and added to the totals at
        // once; a journal of that time is replayed as it was written.
        Change::CastBallot(CastBallot {
            motion,
            member,
            choice,
        }) => match apply(change, at, records) {
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
        Change::CreateMeeting(_) | Change::AddMember(_) | Change::CreateCouncil(_) => {
            apply_as(change, at, records, true)
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
        Change::Import(Import { document }) => {
            imports_into_nothing(records)?;
            Ok(document.into_writes())
        }
        Change::ImportPart(ImportPart { part, document, .. }) => {
            if part == 0 {
                imports_into_nothing(records)?;
            }
            Ok(document.into_writes())
        }
        Change::Restore(Restore { document, .. }) => Ok(document.into_writes()),
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
