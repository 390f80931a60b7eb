//! `u`: the last entry recorded in this session taken back, as a change of its own (a
//! withdrawal, or a step taken back). What can be taken back is worked out from what each
//! change wrote; taking it back is asked first, like any change that removes something from
//! the minutes.

use yishi_domain::{AddOpinion, AddSpeaker, AddTask, Advance, StepBack, Withdraw};
use yishi_domain::{Author, Change, Council, EntryRef, Matter, Write};
use yishi_text::Lang;

/// A change that would take back one recorded earlier, and what it takes back in words.
#[derive(Debug, Clone, PartialEq)]
pub struct Undo {
    pub change: Change,
    pub what: String,
}

/// 「text」, cut with an ellipsis past 24 characters.
pub fn quote(s: &str) -> String {
    let short: String = s.chars().take(24).collect();
    if short.len() < s.len() {
        format!("「{short}…」")
    } else {
        format!("「{short}」")
    }
}

/// An entry of `x` to withdraw, in words (the opinion 「…」, the speaker 李梅, the task 「…」);
/// none where the list has no such entry.
pub fn entry_words(x: &Matter, entry: EntryRef, council: &Council, lang: Lang) -> Option<String> {
    Some(match entry {
        EntryRef::Opinion(i) => format!(
            "{}{}",
            lang.pick("意见", "意見", "the opinion "),
            quote(&x.opinions.get(i)?.text)
        ),
        EntryRef::Speech(i) => format!(
            "{}{}",
            lang.pick("发言人", "發言人", "the speaker "),
            match &x.speeches.get(i)?.speaker {
                Author::Member(id) => council.name_of(*id),
                Author::Resident(name) => name.clone(),
                Author::Anonymous => lang.pick("匿名", "匿名", "anonymous").to_string(),
            }
        ),
        EntryRef::Task(i) => format!(
            "{}{}",
            lang.pick("任务", "任務", "the task "),
            quote(&x.tasks.get(i)?.text)
        ),
    })
}

/// Keeps the entries `u` can take back pointing at them after `change` withdrew one: those
/// below it on the same list move up one, and the one withdrawn is gone.
pub fn after_withdrawal(stack: &mut Vec<Undo>, change: &Change) {
    let Change::Withdraw(Withdraw {
        matter,
        entry: gone,
        ..
    }) = change
    else {
        return;
    };
    let place = |e: EntryRef| match e {
        EntryRef::Opinion(i) => (0, i),
        EntryRef::Speech(i) => (1, i),
        EntryRef::Task(i) => (2, i),
    };
    let (list, at) = place(*gone);
    stack.retain_mut(|u| {
        let Change::Withdraw(Withdraw {
            matter: m, entry, ..
        }) = &mut u.change
        else {
            return true;
        };
        if m != matter || place(*entry).0 != list {
            return true;
        }
        let i = place(*entry).1;
        if i == at {
            return false;
        }
        if i > at {
            *entry = match *entry {
                EntryRef::Opinion(_) => EntryRef::Opinion(i - 1),
                EntryRef::Speech(_) => EntryRef::Speech(i - 1),
                EntryRef::Task(_) => EntryRef::Task(i - 1),
            };
        }
        true
    });
}

/// What takes back `change`, given the records it wrote; none for a change that is not an
/// entry (a vote, a roll-call mark: those are put right by their own keys).
pub fn of(change: &Change, writes: &[Write], lang: Lang) -> Option<Undo> {
    let matter = writes.iter().find_map(|w| match w {
        Write::Matter(x) => Some(x),
        _ => None,
    });
    let withdraw = |matter, meeting, entry| {
        Change::Withdraw(Withdraw {
            matter,
            meeting,
            entry,
        })
    };
    match change {
        Change::AddOpinion(AddOpinion {
            matter: id,
            meeting,
            text,
            ..
        }) => {
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
        Change::AddSpeaker(AddSpeaker {
            matter: id,
            meeting,
            ..
        }) => {
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
        Change::AddTask(AddTask {
            matter: id,
            meeting,
            text,
            ..
        }) => {
            let i = matter?.tasks.len().checked_sub(1)?;
            Some(Undo {
                change: withdraw(*id, *meeting, EntryRef::Task(i)),
                what: format!("{}{}", lang.pick("任务", "任務", "the task "), quote(text)),
            })
        }
        Change::Advance(Advance {
            matter: id,
            meeting,
            to,
        }) => Some(Undo {
            change: Change::StepBack(StepBack {
                matter: *id,
                meeting: *meeting,
            }),
            what: format!(
                "{}{}",
                lang.pick("进入", "進入", "the move on to "),
                to.label(lang)
            ),
        }),
        _ => None,
    }
}
