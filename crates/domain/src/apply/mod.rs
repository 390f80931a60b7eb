//! The rules that accept or refuse each change to a council record. Each change is checked
//! against the records it touches, by the rules in `law` that an import is held to as well,
//! and gives the records to write.

mod council;
mod ctx;
mod election;
mod meeting;
mod route;
mod subject;
mod takeback;
mod vote;

use chrono::NaiveDateTime;

use super::change::Change;
use super::records::{ReadError, Records, Write};
use super::refusal::Refusal;

pub use ctx::{at_step, at_work, rejection_waits};
pub use route::apply;

use ctx::Ctx;

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
