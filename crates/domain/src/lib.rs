//! The council record: pure types and rules, no I/O and no clock (time is passed in).
//!
//! Every change is a [`Change`]; [`apply`] validates it against the records it touches and
//! returns the records to write, or a [`Refusal`] saying why not.

mod change;
mod council;
mod document;
pub mod election;
mod ids;
pub mod keys;
mod law;
mod matter;
mod meeting;
pub mod names;
pub mod owners;
pub mod reading;
mod records;
mod refusal;
pub mod roster;
mod rules;
mod seal;
pub mod stream;
mod validate;
mod vote;
mod words;

pub use change::*;
pub use council::{Affiliation, Council, Holding, Member};
pub use document::{Document, FORMAT, SCHEMA};
pub use ids::{CouncilId, MatterId, MeetingId, MemberId, MotionId};
pub use law::{decision, passed, rule_for};
pub use matter::{
    Author, Channel, Closure, Entry, EntryRef, Matter, Opinion, Progress, Review, Speech, Stage,
    Stance, Step, Supervision, Task, Transition, Withdrawn,
};
pub use meeting::{Attendance, Meeting, MeetingNumber, MeetingState, Movement, Proxy, Turnout};
pub use records::{MemoryRecords, ReadError, Records, Write};
pub use refusal::{Amendment, Issue, Membership, Owners, Problem, Proxying, Refusal, Sealing};
pub use rules::{
    Area, AreaTally, Base, Check, Decision, Fraction, Measure, Proxies, Rule, Unit, presets,
};
pub use seal::{Correction, Seal, Sealed, Signature, SignerKey, short_digest, statement};
pub use validate::{Places, duplicates, same_names, validate, validate_part};
pub use vote::{Ballots, Choice, Draft, Motion, Recount, Tally, VoteMode, VoteState};
