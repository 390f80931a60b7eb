//! Why a change was refused, and what is wrong in a document offered for import. What each
//! says, in the user's language, is in `words`.

use super::matter::Stage;
use super::meeting::MeetingState;
use super::vote::VoteMode;
use yishi_text::Fault;

mod amendment;
mod item;
mod membership;
mod owners;
mod proxy;
mod record;
mod sealing;
mod words;

pub use amendment::Amendment;
pub use item::Items;
pub use membership::Membership;
pub use owners::Owners;
pub use proxy::Proxying;
pub use record::Record;
pub use sealing::Sealing;

/// A label in the three interface languages: 简体, 繁體, English.
pub type Label = yishi_text::Words;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    Storage(String),
    Missing {
        what: Label,
        id: u64,
    },
    Exists {
        what: Label,
        id: u64,
    },
    NotEmpty,
    Invalid(Vec<Problem>),
    MeetingState {
        state: MeetingState,
    },
    WrongCouncil,
    NotOnAgenda,
    AlreadyOnAgenda,
    NotAMember {
        id: u64,
    },
    NotVoting {
        name: String,
    },
    NotPresent {
        name: String,
    },
    NoQuorum {
        present: u32,
        entitled: u32,
        /// What the rule asks, in 简体, 繁體 and English.
        needed: [String; 3],
    },
    VoteState,
    AnotherVoteOpen,
    AlreadyVoted {
        name: String,
    },
    NotVotedYet {
        name: String,
    },
    WrongMode {
        mode: VoteMode,
    },
    SecretByName,
    BoxOpened,
    BoxNotCounted,
    BoxMiscounted {
        counted: u32,
        handed_in: u32,
    },
    SpoiledByHand,
    CountAboveAttendance {
        total: u32,
        present: u32,
    },
    WrongStage {
        stage: Stage,
        wanted: &'static str,
    },
    NeedsAdoptedMotion,
    ReviewBeforeExecution,
    NoTasks,
    NoRejectedMotion,
    /// The last vote decided nothing (too few took part): the matter waits for another vote.
    NoDecisionYet,
    NoReview,
    Text {
        field: Label,
        fault: Fault,
    },
    CannotMove {
        name: String,
    },
    CannotSpeak {
        name: String,
    },
    TasksUnfinished {
        done: usize,
        total: usize,
    },
    OutOfOrder {
        earlier: Label,
        later: Label,
    },
    /// A vote's 实到 and 应到 are not the roll when it opened.
    PresentMismatch {
        recorded: (u32, u32),
        roll: (u32, u32),
    },
    MissingTime {
        what: Label,
    },
    OutOfRange {
        field: Label,
    },
    SameMoverAndSeconder,
    AlreadySigned {
        at: chrono::NaiveDateTime,
    },
    StepWithoutMatter,
    Sealed,
    /// No entry at that place of the list.
    NoEntry,
    /// A speaker already heard keeps their place on the list.
    AlreadyHeard,
    /// The meeting stands adjourned: nothing is recorded until it resumes.
    Adjourned,
    NotAdjourned,
    /// The matter was not moved on at this meeting, or was moved back since.
    NothingToStepBack,
    /// Something is already recorded at the step the matter was moved on to.
    StepInUse {
        step: crate::Step,
    },
    /// Who sits on the council, and from when.
    Membership(Membership),
    /// Amendments (修正案) and the motions they amend.
    Amendment(Amendment),
    Sealing(Sealing),
    /// Owners' votes, counted by headcount and floor area.
    Owners(Owners),
    /// The item of its rule a motion decides.
    Item(Items),
    /// Proxies (委托).
    Proxy(Proxying),
    /// A whole record offered that the console would never have made.
    Record(Record),
}

/// Something wrong in an import, with the place it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub place: String,
    pub what: Issue,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Issue {
    Syntax(String),
    /// A date or time that does not exist or is not written as one.
    BadDate(String),
    Format,
    NewerSchema(u32),
    Control,
    /// A record past this many bytes: no record of a council's is so large.
    TooLarge(u64),
    Duplicate,
    Unknown(&'static str, u64),
    ResultMismatch,
    Inconsistent(&'static str),
    /// Against a rule the live record keeps: the change that would have made it is refused.
    Refused(Refusal),
}

impl Problem {
    pub(super) fn new(place: impl Into<String>, what: Issue) -> Problem {
        Problem {
            place: place.into(),
            what,
        }
    }
}
