//! A meeting's agenda: matters made and put on it, and the order they are taken in.

use super::ctx::Ctx;
use super::kind::{Kind, Names};
use crate::ids::{MatterId, MeetingId};
use crate::law::{self, TITLE};
use crate::matter::{Matter, Stage, Step};
use crate::records::{Records, Write};
use crate::refusal::Refusal;
use crate::words::MATTER;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateMatter {
    pub id: MatterId,
    pub meeting: MeetingId,
    pub title: String,
    pub short_title: String,
}

impl Kind for CreateMatter {
    fn names(&self) -> Names {
        Names::meeting(self.meeting)
    }

    fn rule<R: Records>(&self, cx: &Ctx<R>, at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let &CreateMatter {
            id,
            meeting,
            ref title,
            ref short_title,
        } = self;
        if cx.records.matter(id)?.is_some() {
            return Err(Refusal::Exists {
                what: MATTER,
                id: id.0,
            });
        }
        let mut m = cx.open_meeting(meeting)?;
        law::text(title, TITLE, true)?;
        law::text(short_title, TITLE, true)?;
        m.agenda.push(id);
        let matter = Matter {
            id,
            council: m.council,
            title: title.to_string(),
            short_title: short_title.to_string(),
            opened: at,
            opened_in: m.id,
            stage: Stage::At(Step::Collect),
            opinions: Vec::new(),
            speeches: Vec::new(),
            motions: Vec::new(),
            tasks: Vec::new(),
            reviews: Vec::new(),
            history: Vec::new(),
            withdrawn: Vec::new(),
            earlier_titles: Vec::new(),
        };
        Ok(vec![Write::Meeting(m), Write::Matter(matter)])
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AddToAgenda {
    pub meeting: MeetingId,
    pub matter: MatterId,
}

impl Kind for AddToAgenda {
    fn names(&self) -> Names {
        Names::meeting(self.meeting)
    }

    fn rule<R: Records>(&self, cx: &Ctx<R>, _at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let &AddToAgenda { meeting, matter } = self;
        let mut m = cx.open_meeting(meeting)?;
        let x = cx.matter(matter)?;
        if x.council != m.council {
            return Err(Refusal::WrongCouncil);
        }
        if !x.stage.is_open() {
            return Err(Refusal::WrongStage {
                stage: x.stage,
                wanted: "意见收集—群众评议",
            });
        }
        if m.agenda.contains(&matter) {
            return Err(Refusal::AlreadyOnAgenda);
        }
        m.agenda.push(matter);
        Ok(vec![Write::Meeting(m)])
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MoveOnAgenda {
    pub meeting: MeetingId,
    pub matter: MatterId,
    pub position: usize,
}

impl Kind for MoveOnAgenda {
    fn names(&self) -> Names {
        Names::meeting(self.meeting)
    }

    fn rule<R: Records>(&self, cx: &Ctx<R>, _at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let &MoveOnAgenda {
            meeting,
            matter,
            position,
        } = self;
        let mut m = cx.open_meeting(meeting)?;
        let from = m
            .agenda
            .iter()
            .position(|x| *x == matter)
            .ok_or(Refusal::NotOnAgenda)?;
        let item = m.agenda.remove(from);
        let to = position.min(m.agenda.len());
        m.agenda.insert(to, item);
        Ok(vec![Write::Meeting(m)])
    }
}
