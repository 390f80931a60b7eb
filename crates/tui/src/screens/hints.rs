//! The footer: the keys that do something here and now — the screen's own first, then those
//! of the scopes around it — as many as fit, each with its short word, and the help key last.

use crate::words;
use ratatui::text::{Line, Span};

use crate::action::Action;
use crate::keys::{self, Key, Scope};
use crate::model::{Model, Screen};
use yishi_domain::{MeetingState, Step, VoteMode, VoteState};
use yishi_text::width;

/// The footer line for a window `columns` wide.
pub fn line(model: &Model, columns: u16) -> Line<'static> {
    let t = &model.theme;
    let scopes = model.scopes();
    // A form or prompt takes every key itself: `?` opens no help there.
    let help = if model.overlay.is_none() {
        model.say(words::HELP)
    } else {
        String::new()
    };
    let mut used = width(&help) + 2;
    let mut spans = Vec::new();
    let mut taken: Vec<Key> = Vec::new();
    // Anywhere's keys (theme, language, the wall, quit) are in the help, not the footer; a
    // form or prompt shows the keys of what has the focus.
    let around = if model.overlay.is_some() {
        1
    } else {
        scopes.len()
    };
    let local = scopes
        .iter()
        .rev()
        .take(around)
        .filter(|s| **s != Scope::Anywhere || scopes.len() == 1);
    for scope in local {
        for b in keys::bindings(&[*scope]) {
            // A key a more specific scope has taken means that scope's action here.
            // A letter where the binding has one: easier to find than a function key.
            let key = b
                .keys
                .iter()
                .copied()
                .find(|k| matches!(k, Key::Char(c) if *c != ' '))
                .unwrap_or(b.keys[0]);
            if b.keys.iter().any(|k| taken.contains(k)) || !applies(model, *scope, &b.action) {
                continue;
            }
            taken.extend(b.keys);
            let adjourned = model.data.meeting.as_ref().is_some_and(|m| m.adjourned());
            let h = match b.action {
                Action::StartMeeting if adjourned => model.lang.say(words::RESUME),
                _ => b.hint(model.lang),
            };
            let k = key.label();
            let w = width(&k) + width(h) + 3;
            if used + w > usize::from(columns) {
                continue;
            }
            used += w;
            spans.push(Span::styled(format!(" {k}"), t.title()));
            spans.push(Span::styled(format!(" {h} "), t.muted()));
        }
    }
    if !help.is_empty() {
        spans.push(Span::styled(format!(" {help}"), t.title()));
    }
    Line::from(spans)
}

/// Whether the footer offers `action` of `scope` now: a key that would only be refused is
/// left off, and so is looking at other steps (Tab); the help lists them all.
pub fn applies(model: &Model, scope: Scope, action: &Action) -> bool {
    // A matter's keys, as its screen would refuse them: none in a break, and a step's own
    // entries only at the matter's step.
    if let Some((m, step)) = model.matter()
        && scope != Scope::Meeting
        && scope != Scope::Anywhere
    {
        let working = model
            .data
            .meeting
            .as_ref()
            .is_none_or(|x| yishi_domain::at_work(x).is_ok());
        if !working
            || (super::matter::at_its_step(action) && yishi_domain::at_step(m, step).is_err())
        {
            return false;
        }
    }
    match scope {
        Scope::Meeting => meeting(model, action),
        Scope::Matter => match action {
            Action::Undo => {
                !model.undo.is_empty() && !super::matter::undo_waits_for_the_speech(model)
            }
            // A vote and a review's conclusion move their steps on, not `>`.
            Action::Advance => model.matter().is_some_and(|(m, _)| {
                matches!(
                    m.stage.step(),
                    Some(Step::Collect | Step::Hear | Step::Execute)
                )
            }),
            Action::NextStep | Action::PrevStep => false,
            _ => true,
        },
        Scope::Collect | Scope::Execute => {
            let Some((m, _)) = model.matter() else {
                return false;
            };
            let empty = if scope == Scope::Collect {
                m.opinions.is_empty()
            } else {
                m.tasks.is_empty()
            };
            !matches!(
                action,
                Action::WithdrawSelected
                    | Action::CorrectSelected
                    | Action::RecordProgress
                    | Action::ToggleSupervised
            ) || !empty
        }
        Scope::Hear => hear(model, action),
        // Only a matter new at this meeting has a title still to put right.
        Scope::Agenda if *action == Action::CorrectSelected => {
            let opened = model.data.agenda.get(model.selected).map(|m| m.opened_in);
            opened.is_some() && opened == model.meeting_id()
        }
        Scope::Decide => decide(model, action),
        Scope::Minutes => minutes(model, action),
        _ => true,
    }
}

fn meeting(model: &Model, action: &Action) -> bool {
    let Some(m) = &model.data.meeting else {
        return false;
    };
    let runs = m.state == MeetingState::InProgress;
    match action {
        Action::StartMeeting => m.state == MeetingState::Preparing || (runs && m.adjourned()),
        Action::Adjourn => runs && !m.adjourned(),
        Action::EndMeeting => runs && !m.adjourned(),
        // Not the key of the screen already shown.
        Action::ShowRollCall => model.screen != Screen::RollCall,
        Action::ShowAgenda => model.screen != Screen::Agenda,
        _ => true,
    }
}

fn hear(model: &Model, action: &Action) -> bool {
    let Some((m, _)) = model.matter() else {
        return false;
    };
    let speaking = model.timer.is_some_and(|t| t.matter == m.id);
    let waiting = m.speeches.iter().filter(|s| !s.done).count();
    match action {
        Action::StartSpeaker => model.timer.is_none() && waiting > 0,
        Action::FinishSpeaker => speaking,
        Action::MoveUp | Action::MoveDown => {
            let up = *action == Action::MoveUp;
            model.timer.is_none() && super::hear::moved_to(m, model.selected, up).is_some()
        }
        // The countdown counts on the list's places: nobody leaves it during a speech.
        Action::WithdrawSelected => !m.speeches.is_empty() && model.timer.is_none(),
        Action::CorrectSelected => !m.speeches.is_empty(),
        _ => true,
    }
}

/// The decide step's keys follow the motion on the floor: move one, put it, take the
/// ballots its mode takes, close it, and what a rejection leaves to do.
fn decide(model: &Model, action: &Action) -> bool {
    let Some((m, _)) = model.matter() else {
        return false;
    };
    let floor = model.data.motion_on_floor(m);
    let state = floor.map(|v| v.state);
    let proposed = state == Some(VoteState::Proposed);
    let open = floor.filter(|v| v.state == VoteState::Open).map(|v| v.mode);
    match action {
        Action::ProposeMotion | Action::ProposeElection => open.is_none(),
        Action::ProposeAmendment => proposed && floor.is_some_and(|v| v.amends.is_none()),
        Action::OpenVote
        | Action::WithdrawMotion
        | Action::DeferMotion
        | Action::CorrectSelected => proposed,
        Action::VoteYes | Action::VoteNo | Action::VoteAbstain => open == Some(VoteMode::RollCall),
        Action::HandInBallot => open == Some(VoteMode::Secret),
        Action::EnterCounts => open.is_some_and(|mode| mode != VoteMode::RollCall),
        Action::CloseVote => {
            floor.is_some_and(|v| v.state == VoteState::Open && v.ballots.counted())
        }
        Action::ResolveRejected => {
            yishi_domain::rejection_waits(super::decide::last_motion(model, m)).is_ok()
        }
        _ => true,
    }
}

fn minutes(model: &Model, action: &Action) -> bool {
    let Some(o) = &model.archive.open else {
        return false;
    };
    let m = &o.record.meeting;
    match action {
        Action::NextHit | Action::PrevHit => !o.hits.is_empty(),
        Action::Sign => m.state == MeetingState::Ended && m.signature.is_none(),
        Action::Correct => m.state == MeetingState::Ended,
        _ => true,
    }
}
