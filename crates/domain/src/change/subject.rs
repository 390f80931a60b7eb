//! A matter through its steps: opinions, the hearing, a rejected motion's fate, tasks and
//! their progress, the residents' review and its conclusion.

use super::ctx::{Ctx, at_step, move_to};
use super::kind::{Kind, Names};
use crate::ids::{MatterId, MeetingId};
use crate::law::{self, REASON, SUMMARY, TEXT};
use crate::matter::{Author, Channel, Closure, Opinion, Speech, Stage, Stance, Step};
use crate::records::{Records, Write};
use crate::refusal::Refusal;
use crate::words::{SECONDS, SPEAKER};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AddOpinion {
    pub matter: MatterId,
    pub meeting: MeetingId,
    pub date: NaiveDate,
    pub author: Author,
    pub channel: Channel,
    pub text: String,
}

impl Kind for AddOpinion {
    fn names(&self) -> Names {
        Names::meeting(self.meeting)
    }

    fn rule<R: Records>(&self, cx: &Ctx<R>, _at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let &AddOpinion {
            matter,
            meeting,
            date,
            ref author,
            channel,
            ref text,
        } = self;
        let (mut x, m, c) = cx.work(matter, meeting)?;
        at_step(&x, Step::Collect)?;
        law::author(&c, author)?;
        law::text(text, TEXT, true)?;
        x.opinions.push(Opinion {
            meeting: m.id,
            date,
            author: author.clone(),
            channel,
            text: text.to_string(),
        });
        Ok(vec![Write::Matter(x)])
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Advance {
    pub matter: MatterId,
    pub meeting: MeetingId,
    pub to: Step,
}

impl Kind for Advance {
    fn names(&self) -> Names {
        Names::meeting(self.meeting)
    }

    fn rule<R: Records>(&self, cx: &Ctx<R>, at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let &Advance {
            matter,
            meeting,
            to,
        } = self;
        let (mut x, m, _) = cx.work(matter, meeting)?;
        match (x.stage.step(), to) {
            (Some(Step::Collect), Step::Hear) | (Some(Step::Hear), Step::Decide) => {}
            (Some(Step::Execute), Step::Review) => {
                if x.tasks.is_empty() {
                    return Err(Refusal::NoTasks);
                }
            }
            (_, Step::Review) => return Err(Refusal::ReviewBeforeExecution),
            (_, Step::Execute) => return Err(Refusal::NeedsAdoptedMotion),
            _ => {
                return Err(Refusal::WrongStage {
                    stage: x.stage,
                    wanted: "意见收集、公开听证或执行督办",
                });
            }
        }
        move_to(
            &mut x,
            Stage::At(to),
            at,
            m.id,
            String::new(),
            String::new(),
        );
        Ok(vec![Write::Matter(x)])
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AddSpeaker {
    pub matter: MatterId,
    pub meeting: MeetingId,
    pub speaker: Author,
    pub stance: Stance,
}

impl Kind for AddSpeaker {
    fn names(&self) -> Names {
        Names::meeting(self.meeting)
    }

    fn rule<R: Records>(&self, cx: &Ctx<R>, _at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let &AddSpeaker {
            matter,
            meeting,
            ref speaker,
            stance,
        } = self;
        let (mut x, m, c) = cx.work(matter, meeting)?;
        at_step(&x, Step::Hear)?;
        law::may_speak(&c, &m, speaker, None)?;
        x.speeches.push(Speech {
            meeting: m.id,
            speaker: speaker.clone(),
            stance,
            summary: String::new(),
            seconds_used: 0,
            done: false,
            roll: None,
        });
        Ok(vec![Write::Matter(x)])
    }
}

/// A speaker still waiting moved on the list (called later, or sooner), among those still
/// waiting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MoveSpeaker {
    pub matter: MatterId,
    pub meeting: MeetingId,
    pub index: usize,
    pub position: usize,
}

impl Kind for MoveSpeaker {
    fn names(&self) -> Names {
        Names::meeting(self.meeting)
    }

    /// Moves a waiting speaker to `position` on the list, among the speakers still waiting (those
    /// heard keep their order before them).
    fn rule<R: Records>(&self, cx: &Ctx<R>, _at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let &MoveSpeaker {
            matter,
            meeting,
            index,
            position,
        } = self;
        let (mut x, m, _) = cx.work(matter, meeting)?;
        at_step(&x, Step::Hear)?;
        match x.speeches.get(index) {
            Some(s) if s.done => return Err(Refusal::AlreadyHeard),
            Some(s) if s.meeting != m.id => return Err(Refusal::Sealed),
            Some(_) => {}
            None => return Err(Refusal::NoEntry),
        }
        let speaker = x.speeches.remove(index);
        let first_waiting = x
            .speeches
            .iter()
            .position(|s| !s.done)
            .unwrap_or(x.speeches.len());
        let to = position.clamp(first_waiting, x.speeches.len());
        x.speeches.insert(to, speaker);
        Ok(vec![Write::Matter(x)])
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordSpeech {
    pub matter: MatterId,
    pub meeting: MeetingId,
    pub index: usize,
    pub stance: Stance,
    pub summary: String,
    pub seconds_used: u32,
}

impl Kind for RecordSpeech {
    fn names(&self) -> Names {
        Names::meeting(self.meeting)
    }

    fn rule<R: Records>(&self, cx: &Ctx<R>, _at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let &RecordSpeech {
            matter,
            meeting,
            index,
            stance,
            ref summary,
            seconds_used,
        } = self;
        let (mut x, m, c) = cx.work(matter, meeting)?;
        at_step(&x, Step::Hear)?;
        law::text(summary, SUMMARY, false)?;
        law::at_most(
            u64::from(seconds_used),
            u64::from(law::MAX_SECONDS),
            SECONDS,
        )?;
        let s = x
            .speeches
            .get_mut(index)
            .ok_or(Refusal::OutOfRange { field: SPEAKER })?;
        if s.done && s.meeting != m.id {
            // Heard at an earlier meeting: that record is closed.
            return Err(Refusal::Sealed);
        }
        law::may_speak(&c, &m, &s.speaker, None)?;
        // A speaker listed at an earlier meeting and heard at this one speaks at this one.
        s.meeting = m.id;
        s.stance = stance;
        s.summary = summary.to_string();
        s.seconds_used = seconds_used;
        s.done = true;
        s.roll = Some(m.roll());
        Ok(vec![Write::Matter(x)])
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResolveRejected {
    pub matter: MatterId,
    pub meeting: MeetingId,
    pub send_back: bool,
    pub reason: String,
}

impl Kind for ResolveRejected {
    fn names(&self) -> Names {
        Names::meeting(self.meeting)
    }

    fn rule<R: Records>(&self, cx: &Ctx<R>, at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let &ResolveRejected {
            matter,
            meeting,
            send_back,
            ref reason,
        } = self;
        let (mut x, m, _) = cx.work(matter, meeting)?;
        at_step(&x, Step::Decide)?;
        law::text(reason, REASON, true)?;
        // The last motion on the matter itself: an amendment that failed leaves its motion.
        let mut last = None;
        for id in x.motions.iter().rev() {
            let v = cx.motion(*id)?;
            if v.amends.is_none() {
                last = Some(v);
                break;
            }
        }
        super::rejection_waits(last.as_ref())?;
        let to = if send_back {
            Stage::At(Step::Collect)
        } else {
            Stage::Closed(Closure::NotAdopted)
        };
        move_to(&mut x, to, at, m.id, reason.to_string(), String::new());
        Ok(vec![Write::Matter(x)])
    }
}
