//! What every kind of change answers: the meeting and the motion it names, and the rule that
//! accepts or refuses it. `changes!` writes the `Change` enum over the kinds and routes each
//! question to the kind that answers it, so the list of kinds is written once.

use chrono::NaiveDateTime;

use super::ctx::Ctx;
use crate::ids::{MeetingId, MotionId};
use crate::records::{Records, Write};
use crate::refusal::Refusal;

/// One kind of change: a payload struct, beside its rule.
pub(crate) trait Kind {
    /// The meeting and the motion the change names. Every kind answers (there is no default):
    /// district publish re-lays a meeting's minutes by them.
    fn names(&self) -> Names;

    /// Validates the change against the records it touches; returns the records to write.
    fn rule<R: Records>(&self, cx: &Ctx<R>, at: NaiveDateTime) -> Result<Vec<Write>, Refusal>;
}

/// What a change names: the meeting it is made in or to, or the motion it is about (a ballot
/// names its motion, not its meeting).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Names {
    pub meeting: Option<MeetingId>,
    pub motion: Option<MotionId>,
}

impl Names {
    /// A change to a council or to the whole record.
    pub const NOTHING: Names = Names {
        meeting: None,
        motion: None,
    };

    pub fn meeting(id: MeetingId) -> Names {
        Names {
            meeting: Some(id),
            motion: None,
        }
    }

    pub fn motion(id: MotionId) -> Names {
        Names {
            meeting: None,
            motion: Some(id),
        }
    }
}

/// The `Change` enum, one newtype variant per kind (`Kind in module`), with `From` for each
/// payload and the routing of `names` and `rule`. A variant holding a struct is written to the
/// journal exactly as a variant with those fields was: `{"kind": {fields}}`.
macro_rules! changes {
    ($($kind:ident in $module:ident,)*) => {
        $(pub use $module::$kind;)*

        /// One change to the record, as the user asked for it. Ids of new records come with
        /// the change so that replaying the journal rebuilds the same record.
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Change {
            $($kind($kind),)*
        }

        $(impl From<$kind> for Change {
            fn from(change: $kind) -> Change {
                Change::$kind(change)
            }
        })*

        impl Change {
            fn names(&self) -> kind::Names {
                match self {
                    $(Change::$kind(change) => kind::Kind::names(change),)*
                }
            }

            fn rule<R: Records>(
                &self,
                cx: &ctx::Ctx<R>,
                at: NaiveDateTime,
            ) -> Result<Vec<Write>, Refusal> {
                match self {
                    $(Change::$kind(change) => kind::Kind::rule(change, cx, at),)*
                }
            }
        }
    };
}

pub(crate) use changes;
