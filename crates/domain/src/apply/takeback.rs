//! Mistakes put right before the minutes are signed: an entry taken back, a step taken back.
//! Each is a change of its own; nothing is deleted: a withdrawn entry stays on the matter,
//! marked with when and where it was taken back, and a step taken back is a transition of its
//! own in the matter's history.

use chrono::{NaiveDate, NaiveDateTime};

use super::ctx::{Ctx, move_to};
use crate::ids::{MatterId, MeetingId};
use crate::law::{self, OWNER, SUMMARY, TASK, TEXT};
use crate::matter::{
    Author, Channel, Entry, EntryRef, Matter, Opinion, Speech, Stage, Stance, Step, Task, Withdrawn,
};
use crate::meeting::{Meeting, MeetingState};
use crate::records::{Records, Write};
use crate::refusal::Refusal;

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

/// Takes back an opinion, a speaker (waiting or heard) or a task recorded at `meeting`. A task
/// with progress recorded at a later meeting is part of that meeting's record and stays.
pub(super) fn withdraw<R: Records>(
    cx: &Ctx<R>,
    matter: MatterId,
    meeting: MeetingId,
    entry: EntryRef,
    at: NaiveDateTime,
) -> Result<Vec<Write>, Refusal> {
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

/// Which entry: the matter, the meeting it is corrected at, the place on its list.
type Place = (MatterId, MeetingId, usize);

/// An opinion given at `meeting` put right: author, channel and text as they should have been
/// recorded, held to the rules an opinion is recorded by; its date stays.
pub(super) fn correct_opinion<R: Records>(
    cx: &Ctx<R>,
    (matter, meeting, index): Place,
    author: &Author,
    channel: Channel,
    text: &str,
    at: NaiveDateTime,
) -> Result<Vec<Write>, Refusal> {
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

/// A speaker listed at `meeting` put right: who, the stance and, once heard, the summary,
/// held to the rules a speaker is listed and heard by; the time used stays.
pub(super) fn correct_speech<R: Records>(
    cx: &Ctx<R>,
    (matter, meeting, index): Place,
    (speaker, stance, summary): (&Author, Stance, &str),
    at: NaiveDateTime,
) -> Result<Vec<Write>, Refusal> {
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

/// A task as the chair puts it right.
pub(super) struct TaskAsPut<'a> {
    pub text: &'a str,
    pub owner: &'a str,
    pub due: NaiveDate,
    pub supervised: bool,
}

/// A task given at `meeting` put right, held to the rules a task is given by; its progress
/// (all of this meeting) stays.
pub(super) fn correct_task<R: Records>(
    cx: &Ctx<R>,
    (matter, meeting, index): Place,
    put: TaskAsPut<'_>,
    at: NaiveDateTime,
) -> Result<Vec<Write>, Refusal> {
    let (mut x, m) = unsigned(cx, matter, meeting)?;
    let old = x.tasks.get(index).ok_or(Refusal::NoEntry)?.clone();
    if old.meeting != m.id || old.progress.iter().any(|p| p.meeting != m.id) {
        return Err(Refusal::Sealed);
    }
    law::text(put.text, TASK, true)?;
    law::text(put.owner, OWNER, true)?;
    x.tasks[index] = Task {
        text: put.text.to_string(),
        owner: put.owner.to_string(),
        due: put.due,
        supervised: put.supervised,
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

/// Returns a matter moved on at `meeting` to the step it left, while nothing has been
/// recorded at the step it was moved to.
pub(super) fn step_back<R: Records>(
    cx: &Ctx<R>,
    matter: MatterId,
    meeting: MeetingId,
    at: NaiveDateTime,
) -> Result<Vec<Write>, Refusal> {
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
