//! What the store says of itself and of its meetings without reading them whole: the head (the
//! last journal change it holds) and each meeting's head (what `list` shows).

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use yishi_domain::{CouncilId, Meeting, MeetingId, MeetingState};

/// The hash before the first change.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The last journal change the store holds, and where its line ends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Head {
    pub seq: u64,
    pub hash: String,
    pub journal_len: u64,
}

/// What `finish_interrupted` found: the last change's head and journal line as the redo
/// record holds them, and the change it completed, if any.
#[derive(Debug, Default)]
pub struct Settled {
    pub last: Option<(Head, Vec<u8>)>,
    pub completed: Option<u64>,
}

impl Default for Head {
    fn default() -> Self {
        Head {
            seq: 0,
            hash: GENESIS.to_string(),
            journal_len: 0,
        }
    }
}

/// What `list` shows of a meeting, kept apart so listing never reads whole meetings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingHead {
    pub id: MeetingId,
    pub council: CouncilId,
    pub year: i32,
    pub number: u32,
    pub title: String,
    pub start: NaiveDateTime,
    pub state: MeetingState,
    pub matters: usize,
    #[serde(default)]
    pub signed: bool,
    #[serde(default)]
    pub corrections: usize,
}

impl MeetingHead {
    pub fn numbered(&self) -> yishi_domain::MeetingNumber {
        yishi_domain::MeetingNumber {
            year: self.year,
            number: self.number,
        }
    }
}

impl MeetingHead {
    pub fn of(m: &Meeting) -> MeetingHead {
        MeetingHead {
            id: m.id,
            council: m.council,
            year: m.year,
            number: m.number,
            title: m.title.clone(),
            start: m.start,
            state: m.state,
            matters: m.agenda.len(),
            signed: m.signature.is_some(),
            corrections: m.corrections.len(),
        }
    }
}
