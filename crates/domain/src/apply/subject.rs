//! A matter through its steps: opinions, the hearing, a rejected motion's fate, tasks and
//! their progress, the residents' review and its conclusion.

use crate::words;
use crate::words::{COMMENTS, COUNT, PERCENT, SECONDS, SPEAKER};
use chrono::{NaiveDate, NaiveDateTime};

use super::ctx::{Ctx, at_step, move_to};
use crate::ids::{MatterId, MeetingId};
use crate::law::{self, COMMENT, OWNER, REASON, SUMMARY, TASK, TEXT};
use crate::matter::{
    Author, Channel, Closure, Opinion, Progress, Review, Speech, Stage, Stance, Step, Supervision,
    Task,
};
use crate::records::{Records, Write};
use crate::refusal::Refusal;

pub(super) fn opinion<R: Records>(
    cx: &Ctx<R>,
    matter: MatterId,
    meeting: MeetingId,
    date: NaiveDate,
    author: &Author,
    channel: Channel,
    text: &str,
) -> Result<Vec<Write>, Refusal> {
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

pub(super) fn advance<R: Records>(
    cx: &Ctx<R>,
    matter: MatterId,
    meeting: MeetingId,
    to: Step,
    at: NaiveDateTime,
) -> Result<Vec<Write>, Refusal> {
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

pub(super) fn add_speaker<R: Records>(
    cx: &Ctx<R>,
    matter: MatterId,
    meeting: MeetingId,
    speaker: &Author,
    stance: Stance,
) -> Result<Vec<Write>, Refusal> {
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

/// Moves a waiting speaker to `position` on the list, among the speakers still waiting (those
/// heard keep their order before them).
pub(super) fn move_speaker<R: Records>(
    cx: &Ctx<R>,
    matter: MatterId,
    meeting: MeetingId,
    index: usize,
    position: usize,
) -> Result<Vec<Write>, Refusal> {
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

pub(super) fn speech<R: Records>(
    cx: &Ctx<R>,
    matter: MatterId,
    meeting: MeetingId,
    index: usize,
    stance: Stance,
    summary: &str,
    seconds_used: u32,
) -> Result<Vec<Write>, Refusal> {
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

pub(super) fn resolve_rejected<R: Records>(
    cx: &Ctx<R>,
    matter: MatterId,
    meeting: MeetingId,
    send_back: bool,
    reason: &str,
    at: NaiveDateTime,
) -> Result<Vec<Write>, Refusal> {
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

pub(super) fn add_task<R: Records>(
    cx: &Ctx<R>,
    matter: MatterId,
    meeting: MeetingId,
    text: &str,
    owner: &str,
    due: NaiveDate,
    supervised: bool,
) -> Result<Vec<Write>, Refusal> {
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

pub(super) fn progress<R: Records>(
    cx: &Ctx<R>,
    matter: MatterId,
    meeting: MeetingId,
    task: usize,
    date: NaiveDate,
    percent: u8,
    note: &str,
) -> Result<Vec<Write>, Refusal> {
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

pub(super) fn supervise<R: Records>(
    cx: &Ctx<R>,
    matter: MatterId,
    meeting: MeetingId,
    task: usize,
    supervised: bool,
) -> Result<Vec<Write>, Refusal> {
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

pub(super) fn conclude<R: Records>(
    cx: &Ctx<R>,
    matter: MatterId,
    meeting: MeetingId,
    waiver: &str,
    at: NaiveDateTime,
) -> Result<Vec<Write>, Refusal> {
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
