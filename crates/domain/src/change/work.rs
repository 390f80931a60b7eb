//! A decision carried out and judged: tasks given and followed up (执行督办), and the
//! residents' review of the work (群众评议) that closes the matter or sends it back.

use super::ctx::{Ctx, at_step, move_to};
use super::kind::{Kind, Names};
use crate::ids::{MatterId, MeetingId};
use crate::law::{self, COMMENT, OWNER, TASK, TEXT};
use crate::matter::{Closure, Progress, Review, Stage, Step, Supervision, Task};
use crate::records::{Records, Write};
use crate::refusal::Refusal;
use crate::words;
use crate::words::{COMMENTS, COUNT, PERCENT};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AddTask {
    pub matter: MatterId,
    pub meeting: MeetingId,
    pub text: String,
    pub owner: String,
    pub due: NaiveDate,
    pub supervised: bool,
}

impl Kind for AddTask {
    fn names(&self) -> Names {
        Names::meeting(self.meeting)
    }

    fn rule<R: Records>(&self, cx: &Ctx<R>, _at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let &AddTask {
            matter,
            meeting,
            ref text,
            ref owner,
            due,
            supervised,
        } = self;
        let (mut x, m, _) = cx.work(matter, meeting)?;
        if x.stage != Stage::At(Step::Execute) {
            return Err(Refusal::NeedsAdoptedMotion);
        }
        law::text(text, TASK, true)?;
        law::text(owner, OWNER, true)?;
        x.tasks.push(Task {
            meeting: m.id,
            text: text.to_string(),
            owner: owner.to_string(),
            due,
            supervised,
            progress: Vec::new(),
            supervision: Vec::new(),
        });
        Ok(vec![Write::Matter(x)])
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordProgress {
    pub matter: MatterId,
    pub meeting: MeetingId,
    pub task: usize,
    pub date: NaiveDate,
    pub percent: u8,
    pub note: String,
}

impl Kind for RecordProgress {
    fn names(&self) -> Names {
        Names::meeting(self.meeting)
    }

    fn rule<R: Records>(&self, cx: &Ctx<R>, _at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let &RecordProgress {
            matter,
            meeting,
            task,
            date,
            percent,
            ref note,
        } = self;
        let (mut x, m, _) = cx.work(matter, meeting)?;
        at_step(&x, Step::Execute)?;
        law::at_most(u64::from(percent), 100, PERCENT)?;
        law::text(note, TEXT, true)?;
        let t = x
            .tasks
            .get_mut(task)
            .ok_or(Refusal::OutOfRange { field: words::TASK })?;
        t.progress.push(Progress {
            meeting: m.id,
            date,
            percent,
            note: note.to_string(),
        });
        Ok(vec![Write::Matter(x)])
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SetSupervised {
    pub matter: MatterId,
    pub meeting: MeetingId,
    pub task: usize,
    pub supervised: bool,
}

impl Kind for SetSupervised {
    fn names(&self) -> Names {
        Names::meeting(self.meeting)
    }

    fn rule<R: Records>(&self, cx: &Ctx<R>, _at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let &SetSupervised {
            matter,
            meeting,
            task,
            supervised,
        } = self;
        let (mut x, m, _) = cx.work(matter, meeting)?;
        at_step(&x, Step::Execute)?;
        let t = x
            .tasks
            .get_mut(task)
            .ok_or(Refusal::OutOfRange { field: words::TASK })?;
        if t.is_supervised() == supervised {
            return Ok(vec![]);
        }
        if t.meeting == m.id && t.supervision.is_empty() {
            // Still the meeting that gave the task: its minutes are not yet written.
            t.supervised = supervised;
        } else {
            t.supervision.push(Supervision {
                meeting: m.id,
                on: supervised,
            });
        }
        Ok(vec![Write::Matter(x)])
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordReview {
    pub matter: MatterId,
    pub meeting: MeetingId,
    pub satisfied: u32,
    pub basically_satisfied: u32,
    pub dissatisfied: u32,
    pub comments: Vec<String>,
}

impl Kind for RecordReview {
    fn names(&self) -> Names {
        Names::meeting(self.meeting)
    }

    fn rule<R: Records>(&self, cx: &Ctx<R>, _at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let RecordReview {
            matter,
            meeting,
            satisfied,
            basically_satisfied,
            dissatisfied,
            comments,
        } = self;
        review(
            cx,
            *matter,
            *meeting,
            [*satisfied, *basically_satisfied, *dissatisfied],
            comments,
        )
    }
}

/// The review's counts: 满意, 基本满意, 不满意.
pub(super) fn review<R: Records>(
    cx: &Ctx<R>,
    matter: MatterId,
    meeting: MeetingId,
    [satisfied, basically_satisfied, dissatisfied]: [u32; 3],
    comments: &[String],
) -> Result<Vec<Write>, Refusal> {
    let (mut x, m, _) = cx.work(matter, meeting)?;
    match x.stage {
        Stage::At(Step::Review) => {}
        Stage::At(Step::Collect | Step::Hear | Step::Decide | Step::Execute) => {
            return Err(Refusal::ReviewBeforeExecution);
        }
        Stage::Closed(_) => {
            return Err(Refusal::WrongStage {
                stage: x.stage,
                wanted: "群众评议",
            });
        }
    }
    for n in [satisfied, basically_satisfied, dissatisfied] {
        law::at_most(u64::from(n), u64::from(law::MAX_COUNT), COUNT)?;
    }
    law::at_most(comments.len() as u64, law::MAX_COMMENTS as u64, COMMENTS)?;
    for c in comments {
        law::text(c, COMMENT, false)?;
    }
    let review = Review {
        meeting: m.id,
        satisfied,
        basically_satisfied,
        dissatisfied,
        comments: comments.to_vec(),
        passed: None,
    };
    // An unconcluded review of this meeting is replaced: entering the counts again
    // corrects them. One left from an earlier meeting stays in that meeting's record.
    match x.reviews.last_mut() {
        Some(last) if last.passed.is_none() && last.meeting == m.id => *last = review,
        _ => x.reviews.push(review),
    }
    Ok(vec![Write::Matter(x)])
}

/// 办结 or 整改 by the satisfaction rate. Concluding 办结 with tasks not all done needs
/// the reason, given here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConcludeReview {
    pub matter: MatterId,
    pub meeting: MeetingId,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub waiver: String,
}

impl Kind for ConcludeReview {
    fn names(&self) -> Names {
        Names::meeting(self.meeting)
    }

    fn rule<R: Records>(&self, cx: &Ctx<R>, at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let &ConcludeReview {
            matter,
            meeting,
            ref waiver,
        } = self;
        let (mut x, m, c) = cx.work(matter, meeting)?;
        at_step(&x, Step::Review)?;
        let review = match x.reviews.last_mut() {
            Some(r) if r.passed.is_none() && r.total() > 0 && r.meeting == m.id => r,
            _ => return Err(Refusal::NoReview),
        };
        let passed = review.reaches(c.satisfaction_threshold);
        review.passed = Some(passed);
        let rate = review.rate_permille().unwrap_or(0);
        let rate = format!("{}.{}%", rate / 10, rate % 10);
        if passed {
            law::may_complete(&x, waiver)?;
            let reason = format!("满意率{rate}，办结");
            let to = Stage::Closed(Closure::Completed);
            move_to(&mut x, to, at, m.id, reason, waiver.trim().to_string());
        } else {
            let reason = format!("满意率{rate}，低于{}%，整改", c.satisfaction_threshold);
            let to = Stage::At(Step::Execute);
            move_to(&mut x, to, at, m.id, reason, String::new());
        }
        Ok(vec![Write::Matter(x)])
    }
}
