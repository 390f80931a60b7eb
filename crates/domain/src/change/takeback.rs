//! Mistakes put right before the minutes are signed: an entry taken back, a step taken back.
//! Each is a change of its own; nothing is deleted: a withdrawn entry stays on the matter,
//! marked with when and where it was taken back, and a step taken back is a transition of its
//! own in the matter's history.

use super::ctx::{Ctx, move_to};
use super::kind::{Kind, Names};
use crate::ids::{MatterId, MeetingId};
use crate::law::{self, OWNER, SUMMARY, TASK, TEXT, TITLE};
use crate::matter::{
    Author, Channel, EarlierTitle, Entry, EntryRef, Matter, Opinion, Speech, Stage, Stance, Step,
    Task, Withdrawn,
};
use crate::meeting::{Meeting, MeetingState};
use crate::records::{Records, Write};
use crate::refusal::Refusal;
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// An opinion, a speaker or a task recorded at this meeting taken back before its minutes
/// are signed (kept on the matter as withdrawn).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Withdraw {
    pub matter: MatterId,
    pub meeting: MeetingId,
    pub entry: EntryRef,
}

impl Kind for Withdraw {
    fn names(&self) -> Names {
        Names::meeting(self.meeting)
    }

    /// Takes back an opinion, a speaker (waiting or heard) or a task recorded at `meeting`. A task
    /// with progress recorded at a later meeting is part of that meeting's record and stays.
    fn rule<R: Records>(&self, cx: &Ctx<R>, at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let &Withdraw {
            matter,
            meeting,
            entry,
        } = self;
        let (mut x, m) = unsigned(cx, matter, meeting)?;
        let of_this = |made_at: MeetingId| {
            if made_at == m.id {
                Ok(())
            } else {
                Err(Refusal::Sealed)
            }
        };
        let taken = match entry {
            EntryRef::Opinion(i) if i < x.opinions.len() => {
                of_this(x.opinions[i].meeting)?;
                Entry::Opinion(x.opinions.remove(i))
            }
            EntryRef::Speech(i) if i < x.speeches.len() => {
                of_this(x.speeches[i].meeting)?;
                Entry::Speech(x.speeches.remove(i))
            }
            EntryRef::Task(i) if i < x.tasks.len() => {
                let t = &x.tasks[i];
                of_this(t.meeting)?;
                for p in &t.progress {
                    of_this(p.meeting)?;
                }
                Entry::Task(x.tasks.remove(i))
            }
            _ => return Err(Refusal::NoEntry),
        };
        x.withdrawn.push(Withdrawn {
            at,
            meeting: m.id,
            entry: taken,
            replaced: false,
        });
        Ok(vec![Write::Matter(x)])
    }
}

/// The matter and the meeting it is corrected at: a meeting begun and not yet signed, the
/// matter on its agenda.
fn unsigned<R: Records>(
    cx: &Ctx<R>,
    matter: MatterId,
    meeting: MeetingId,
) -> Result<(Matter, Meeting), Refusal> {
    let m = cx.meeting(meeting)?;
    if let Some(s) = &m.signature {
        return Err(Refusal::AlreadySigned { at: s.at });
    }
    if m.state == MeetingState::Preparing {
        return Err(Refusal::MeetingState { state: m.state });
    }
    let x = cx.matter(matter)?;
    if !m.agenda.contains(&x.id) {
        return Err(Refusal::NotOnAgenda);
    }
    Ok((x, m))
}

/// A matter moved on by mistake at this meeting returned to the step it left, before
/// anything was recorded at the new one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StepBack {
    pub matter: MatterId,
    pub meeting: MeetingId,
}

impl Kind for StepBack {
    fn names(&self) -> Names {
        Names::meeting(self.meeting)
    }

    /// Returns a matter moved on at `meeting` to the step it left, while nothing has been
    /// recorded at the step it was moved to.
    fn rule<R: Records>(&self, cx: &Ctx<R>, at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let &StepBack { matter, meeting } = self;
        let (mut x, m) = unsigned(cx, matter, meeting)?;
        let Some(last) = x.history.last() else {
            return Err(Refusal::NothingToStepBack);
        };
        let (Stage::At(from), Stage::At(to)) = (last.from, last.to) else {
            return Err(Refusal::NothingToStepBack);
        };
        // Only a move on (not a return after a failed vote or an earlier step back).
        let forward =
            Step::ALL.iter().position(|s| *s == to) > Step::ALL.iter().position(|s| *s == from);
        if last.meeting != m.id || x.stage != Stage::At(to) || !forward {
            return Err(Refusal::NothingToStepBack);
        }
        let used = match to {
            // Nothing moves on to the first step.
            Step::Collect => false,
            Step::Hear => x.speeches.iter().any(|s| s.meeting == m.id),
            Step::Decide => {
                let mut moved = false;
                for id in &x.motions {
                    moved |= cx.motion(*id)?.meeting == m.id;
                }
                moved
            }
            Step::Execute => x.tasks.iter().any(|t| t.meeting == m.id),
            Step::Review => x.reviews.iter().any(|r| r.meeting == m.id),
        };
        if used {
            return Err(Refusal::StepInUse { step: to });
        }
        let reason = "纠正误操作，退回上一步".to_string();
        move_to(&mut x, Stage::At(from), at, m.id, reason, String::new());
        Ok(vec![Write::Matter(x)])
    }
}

/// An opinion recorded at this meeting put right before its minutes are signed: it now
/// reads so, and the one it replaces is kept on the matter, marked replaced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CorrectOpinion {
    pub matter: MatterId,
    pub meeting: MeetingId,
    pub index: usize,
    pub author: Author,
    pub channel: Channel,
    pub text: String,
}

impl Kind for CorrectOpinion {
    fn names(&self) -> Names {
        Names::meeting(self.meeting)
    }

    /// An opinion given at `meeting` put right: author, channel and text as they should have been
    /// recorded, held to the rules an opinion is recorded by; its date stays.
    fn rule<R: Records>(&self, cx: &Ctx<R>, at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let &CorrectOpinion {
            matter,
            meeting,
            index,
            ref author,
            channel,
            ref text,
        } = self;
        let (mut x, m) = unsigned(cx, matter, meeting)?;
        let council = cx.council(m.council)?;
        let old = x.opinions.get(index).ok_or(Refusal::NoEntry)?.clone();
        if old.meeting != m.id {
            return Err(Refusal::Sealed);
        }
        law::author(&council, author)?;
        law::text(text, TEXT, true)?;
        x.opinions[index] = Opinion {
            author: author.clone(),
            channel,
            text: text.to_string(),
            ..old.clone()
        };
        x.withdrawn.push(Withdrawn {
            at,
            meeting: m.id,
            entry: Entry::Opinion(old),
            replaced: true,
        });
        Ok(vec![Write::Matter(x)])
    }
}

/// A speaker listed at this meeting put right before the minutes are signed: who, the
/// stance, and (once heard) the summary; the time used stays, and the entry it replaces is
/// kept, marked replaced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CorrectSpeech {
    pub matter: MatterId,
    pub meeting: MeetingId,
    pub index: usize,
    pub speaker: Author,
    pub stance: Stance,
    pub summary: String,
}

impl Kind for CorrectSpeech {
    fn names(&self) -> Names {
        Names::meeting(self.meeting)
    }

    /// A speaker listed at `meeting` put right: who, the stance and, once heard, the summary,
    /// held to the rules a speaker is listed and heard by; the time used stays.
    fn rule<R: Records>(&self, cx: &Ctx<R>, at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let &CorrectSpeech {
            matter,
            meeting,
            index,
            ref speaker,
            stance,
            ref summary,
        } = self;
        let (mut x, m) = unsigned(cx, matter, meeting)?;
        let council = cx.council(m.council)?;
        let old = x.speeches.get(index).ok_or(Refusal::NoEntry)?.clone();
        if old.meeting != m.id {
            return Err(Refusal::Sealed);
        }
        law::author(&council, speaker)?;
        law::may_speak(&council, &m, speaker, None)?;
        law::text(summary, SUMMARY, false)?;
        // A speaker still waiting has said nothing yet to sum up.
        let summary = if old.done { summary } else { "" };
        x.speeches[index] = Speech {
            speaker: speaker.clone(),
            stance,
            summary: summary.to_string(),
            ..old.clone()
        };
        x.withdrawn.push(Withdrawn {
            at,
            meeting: m.id,
            entry: Entry::Speech(old),
            replaced: true,
        });
        Ok(vec![Write::Matter(x)])
    }
}

/// A task given at this meeting put right (its text, owner, due date, 督办) before the
/// minutes are signed; the one it replaces is kept, marked replaced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CorrectTask {
    pub matter: MatterId,
    pub meeting: MeetingId,
    pub index: usize,
    pub text: String,
    pub owner: String,
    pub due: NaiveDate,
    pub supervised: bool,
}

impl Kind for CorrectTask {
    fn names(&self) -> Names {
        Names::meeting(self.meeting)
    }

    /// A task given at `meeting` put right, held to the rules a task is given by; its progress
    /// (all of this meeting) stays.
    fn rule<R: Records>(&self, cx: &Ctx<R>, at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let &CorrectTask {
            matter,
            meeting,
            index,
            ref text,
            ref owner,
            due,
            supervised,
        } = self;
        let (mut x, m) = unsigned(cx, matter, meeting)?;
        let old = x.tasks.get(index).ok_or(Refusal::NoEntry)?.clone();
        if old.meeting != m.id || old.progress.iter().any(|p| p.meeting != m.id) {
            return Err(Refusal::Sealed);
        }
        law::text(text, TASK, true)?;
        law::text(owner, OWNER, true)?;
        x.tasks[index] = Task {
            text: text.to_string(),
            owner: owner.to_string(),
            due,
            supervised,
            ..old.clone()
        };
        x.withdrawn.push(Withdrawn {
            at,
            meeting: m.id,
            entry: Entry::Task(old),
            replaced: true,
        });
        Ok(vec![Write::Matter(x)])
    }
}

/// A matter's title put right (更正议题名称) at the meeting it was put on the agenda at,
/// before that meeting's minutes are signed; the title it replaces is kept on the matter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RetitleMatter {
    pub matter: MatterId,
    pub meeting: MeetingId,
    pub title: String,
    pub short_title: String,
}

impl Kind for RetitleMatter {
    fn names(&self) -> Names {
        Names::meeting(self.meeting)
    }

    /// Held to the rules a title is made by; a matter opened at an earlier meeting keeps the
    /// title that meeting's signed minutes give it.
    fn rule<R: Records>(&self, cx: &Ctx<R>, at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let (mut x, m) = unsigned(cx, self.matter, self.meeting)?;
        if x.opened_in != m.id {
            return Err(Refusal::Sealed);
        }
        law::text(&self.title, TITLE, true)?;
        law::text(&self.short_title, TITLE, true)?;
        let earlier = EarlierTitle {
            title: std::mem::replace(&mut x.title, self.title.clone()),
            short_title: std::mem::replace(&mut x.short_title, self.short_title.clone()),
            replaced: at,
            meeting: m.id,
        };
        x.earlier_titles.push(earlier);
        Ok(vec![Write::Matter(x)])
    }
}
