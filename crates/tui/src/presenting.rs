//! What the chair is showing the room, kept in a small file beside the database so that a
//! wall in another process (`yishi wall`) shows the same matter and step. The record itself
//! the wall reads from the journal; this file only says where the chair is in it. It is
//! replaced whole at each move, so a reader sees one state or the next, never half of one.

use serde::{Deserialize, Serialize};
use std::path::Path;

use super::model::Screen;
use yishi_domain::{MatterId, MeetingId, Step};

const FILE: &str = "presenting.json";

/// Where the chair is, as far as the room is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "showing", rename_all = "snake_case")]
pub enum Shown {
    /// No meeting open on the console (home, the council, or the console has stopped).
    Nothing,
    RollCall {
        meeting: MeetingId,
    },
    Agenda {
        meeting: MeetingId,
    },
    Matter {
        meeting: MeetingId,
        matter: MatterId,
        step: Step,
    },
}

impl Shown {
    /// What the room should see of the console at `screen` with `meeting` open; None for the
    /// archive and the council's page, which the room keeps the last view over.
    pub fn of(screen: Screen, meeting: Option<MeetingId>) -> Option<Shown> {
        let Some(meeting) = meeting else {
            return Some(Shown::Nothing);
        };
        match screen {
            Screen::Home => Some(Shown::Nothing),
            Screen::RollCall => Some(Shown::RollCall { meeting }),
            Screen::Agenda => Some(Shown::Agenda { meeting }),
            Screen::Matter { id, step } => Some(Shown::Matter {
                meeting,
                matter: id,
                step,
            }),
            _ => None,
        }
    }

    pub fn meeting(self) -> Option<MeetingId> {
        match self {
            Shown::Nothing => None,
            Shown::RollCall { meeting }
            | Shown::Agenda { meeting }
            | Shown::Matter { meeting, .. } => Some(meeting),
        }
    }

    /// The console screen that draws it.
    pub fn screen(self) -> Screen {
        match self {
            Shown::Nothing => Screen::Home,
            Shown::RollCall { .. } => Screen::RollCall,
            Shown::Agenda { .. } => Screen::Agenda,
            Shown::Matter { matter, step, .. } => Screen::Matter { id: matter, step },
        }
    }
}

/// Says where the chair is. It is not the record, so it is renamed into place without being
/// flushed to the disk first: a pulled plug costs at most the last move. A file that cannot be
/// written costs only the second screen; the console goes on.
pub fn keep(dir: &Path, shown: Shown) {
    let Ok(bytes) = serde_json::to_vec(&shown) else {
        return;
    };
    let (path, tmp) = (dir.join(FILE), dir.join("presenting.json.yishi-tmp"));
    if yishi_store::private::write(&tmp, &bytes)
        .and_then(|_| std::fs::rename(&tmp, &path))
        .is_err()
    {
        let _ = std::fs::remove_file(&tmp);
    }
}

/// Where the chair last was; nothing when no console has said.
pub fn read(dir: &Path) -> Shown {
    std::fs::read(dir.join(FILE))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or(Shown::Nothing)
}
