//! `u`: the last entry recorded in this session taken back, as a change of its own (a
//! withdrawal, or a step taken back). What can be taken back is worked out from what each
//! change wrote; taking it back is asked first, like any change that removes something from
//! the minutes.

use crate::domain::{Change, EntryRef, Write};
use crate::text::Lang;

/// A change that would take back one recorded earlier, and what it takes back in words.
#[derive(Debug, Clone, PartialEq)]
pub struct Undo {
    pub change: Change,
    pub what: String,
}

/// What takes back `change`, given the records it wrote; none for a change that is not an
/// entry (a vote, a roll-call mark: those are put right by their own keys).
pub fn of(change: &Change, writes: &[Write], lang: Lang) -> Option<Undo> {
    let matter = writes.iter().find_map(|w| match w {
        Write::Matter(x) => Some(x),
        _ => None,
    });
    let quote = |s: &str| {
        let short: String = s.chars().take(24).collect();
        if short.len() < s.len() {
            format!("「{short}…」")
        } else {
            format!("「{short}」")
        }
    };
    let withdraw = |matter, meeting, entry| Change::Withdraw {
        matter,
        meeting,
        entry,
    };
    match change {
        Change::AddOpinion {
            matter: id,
            meeting,
            text,
            ..
        } => {
            let i = matter?.opinions.len().checked_sub(1)?;
            Some(Undo {
                change: withdraw(*id, *meeting, EntryRef::Opinion(i)),
                what: format!(
                    "{}{}",
                    lang.pick("意见", "意見", "the opinion "),
                    quote(text)
                ),
            })
        }
        Change::AddSpeaker {
            matter: id,
            meeting,
            ..
        } => {
            let i = matter?.speeches.len().checked_sub(1)?;
            Some(Undo {
                change: withdraw(*id, *meeting, EntryRef::Speech(i)),
                what: lang
                    .pick(
                        "刚登记的发言人",
                        "剛登記的發言人",
                        "the speaker just listed",
                    )
                    .to_string(),
            })
        }
        Change::AddTask {
            matter: id,
            meeting,
            text,
            ..
        } => {
            let i = matter?.tasks.len().checked_sub(1)?;
            Some(Undo {
                change: withdraw(*id, *meeting, EntryRef::Task(i)),
                what: format!("{}{}", lang.pick("任务", "任務", "the task "), quote(text)),
            })
        }
        Change::Advance {
            matter: id,
            meeting,
            to,
        } => Some(Undo {
            change: Change::StepBack {
                matter: *id,
                meeting: *meeting,
            },
            what: format!(
                "{}{}",
                lang.pick("进入", "進入", "the move on to "),
                to.label(lang)
            ),
        }),
        _ => None,
    }
}
