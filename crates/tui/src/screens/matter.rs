//! A matter: the stepper across the top and the viewed step's work below. The chair moves
//! the matter on with `>`; Tab looks at the record of other steps.

use crate::words;
use crate::words::values;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use yishi_domain::{Advance, Withdraw};

use super::{collect, decide, execute, hear, review, truncate};
use crate::action::Action;
use crate::effect::Effect;
use crate::model::{Model, Screen};
use crate::widgets::stepper;
use yishi_domain::{Change, EntryRef, Matter, Step};
use yishi_text::{Lang, chinese_number};

/// Whether `action` records one of its step's own entries, which the matter takes only while
/// it stands at that step (corrections and withdrawals put right what is there, at any step).
pub fn at_its_step(action: &Action) -> bool {
    matches!(
        action,
        Action::AddOpinion
            | Action::AddSpeaker
            | Action::StartSpeaker
            | Action::FinishSpeaker
            | Action::MoveUp
            | Action::MoveDown
            | Action::ProposeMotion
            | Action::ProposeAmendment
            | Action::ProposeElection
            | Action::OpenVote
            | Action::VoteYes
            | Action::VoteNo
            | Action::VoteAbstain
            | Action::HandInBallot
            | Action::EnterCounts
            | Action::CloseVote
            | Action::ResolveRejected
            | Action::WithdrawMotion
            | Action::DeferMotion
            | Action::RecordProgress
            | Action::ToggleSupervised
            | Action::AddTask
            | Action::RecordReview
            | Action::ConcludeReview
    )
}

/// Whether taking back the last entry must wait for the running speech to end: it would put
/// a speaker back on the list whose places the countdown counts on.
pub fn undo_waits_for_the_speech(model: &Model) -> bool {
    model.timer.is_some()
        && model.undo.last().is_some_and(|u| {
            matches!(
                u.change,
                Change::Withdraw(Withdraw {
                    entry: EntryRef::Speech(_),
                    ..
                })
            )
        })
}

fn next_step(step: Step) -> Option<Step> {
    let i = Step::ALL.iter().position(|s| *s == step)?;
    Step::ALL.get(i + 1).copied()
}

pub fn update(model: &Model, action: Action) -> Vec<Effect> {
    let Some((m, step)) = model.matter() else {
        return Vec::new();
    };
    let (id, stage) = (m.id, m.stage);
    // Refused before a form is filled, not after: nothing is recorded in a break, and a
    // step's own entries only while the matter stands at it.
    if !matches!(action, Action::NextStep | Action::PrevStep) {
        let meeting = model.data.meeting.as_ref();
        let work = meeting.map_or(Ok(()), yishi_domain::at_work);
        let at = if at_its_step(&action) {
            yishi_domain::at_step(m, step)
        } else {
            Ok(())
        };
        if let Err(why) = work.and(at) {
            return vec![Effect::Refuse(why.describe(model.lang))];
        }
    }
    match action {
        Action::NextStep | Action::PrevStep => {
            let i = Step::ALL.iter().position(|s| *s == step).unwrap_or(0);
            let j = if action == Action::NextStep {
                (i + 1) % Step::ALL.len()
            } else {
                (i + Step::ALL.len() - 1) % Step::ALL.len()
            };
            vec![Effect::Go(Screen::Matter {
                id,
                step: Step::ALL[j],
            })]
        }
        Action::Advance => {
            let Some(meeting) = model.meeting_id() else {
                return Vec::new();
            };
            let Some(from) = stage.step() else {
                return vec![Effect::Refuse(model.say(words::THE_MATTER_IS_CLOSED))];
            };
            // A vote or a review's conclusion moves these steps on, not the chair's key.
            let moved_by = match from {
                Step::Decide => Some(model.say(words::A_VOTE_MOVES_A_DECIDED)),
                Step::Review => Some(model.say(words::A_REVIEW_MOVES_ON_BY)),
                _ => None,
            };
            if let Some(why) = moved_by {
                return vec![Effect::Refuse(why)];
            }
            let Some(to) = next_step(from) else {
                return Vec::new();
            };
            let mut question = values::on_to_step(model.lang, to.label(model.lang));
            // Leaving the hearing with nobody heard at this meeting: the minutes will say so.
            let heard = model
                .data
                .matter(id)
                .is_some_and(|x| x.speeches.iter().any(|s| s.meeting == meeting && s.done));
            if from == Step::Hear && !heard {
                question = format!("{question}{}", model.say(words::NOBODY_HEARD_YET));
            }
            vec![Effect::ask(
                question,
                vec![Change::Advance(Advance {
                    matter: id,
                    meeting,
                    to,
                })],
            )]
        }
        Action::WithdrawSelected => {
            let (Some(meeting), Some(c)) = (model.meeting_id(), &model.data.council) else {
                return Vec::new();
            };
            let i = model.selected;
            // The countdown counts on the list's places: speakers leave it between speeches.
            if step == Step::Hear && model.timer.is_some() {
                return vec![Effect::Refuse(
                    model.say(words::SOMEONE_IS_SPEAKING_PRESS_F),
                )];
            }
            let entry = match step {
                Step::Collect => EntryRef::Opinion(i),
                Step::Hear => EntryRef::Speech(i),
                Step::Execute => EntryRef::Task(i),
                _ => return Vec::new(),
            };
            match crate::undo::entry_words(m, entry, c, model.lang) {
                Some(what) => vec![Effect::ask(
                    values::take_back(model.lang, &what),
                    vec![Change::Withdraw(Withdraw {
                        matter: id,
                        meeting,
                        entry,
                    })],
                )],
                None => Vec::new(),
            }
        }
        Action::CorrectSelected if step != Step::Decide => {
            let Some(meeting) = model.meeting_id() else {
                return Vec::new();
            };
            let i = model.selected;
            let form = match step {
                Step::Collect => {
                    crate::forms::opinion_correction(&model.data, id, meeting, i, model.lang)
                }
                Step::Hear => {
                    crate::forms::speaker_correction(&model.data, id, meeting, i, model.lang)
                }
                Step::Execute => {
                    crate::forms::task_correction(&model.data, id, meeting, i, model.lang)
                }
                _ => None,
            };
            form.map(Effect::form).into_iter().collect()
        }
        Action::Undo if undo_waits_for_the_speech(model) => {
            vec![Effect::Refuse(
                model.say(words::SOMEONE_IS_SPEAKING_PRESS_F),
            )]
        }
        Action::Undo => match model.undo.last() {
            Some(u) => vec![Effect::ask(
                values::take_back(model.lang, &u.what),
                vec![u.change.clone()],
            )],
            None => vec![Effect::Refuse(model.say(words::NOTHING_TO_TAKE_BACK))],
        },
        other => match step {
            Step::Collect => collect::update(model, other),
            Step::Hear => hear::update(model, other),
            Step::Decide => decide::update(model, other),
            Step::Execute => execute::update(model, other),
            Step::Review => review::update(model, other),
        },
    }
}

/// The matter's number on this meeting's agenda: 一、 or 1.
pub fn number(model: &Model, m: &Matter) -> String {
    let i = model
        .data
        .agenda
        .iter()
        .position(|a| a.id == m.id)
        .unwrap_or(0) as u32
        + 1;
    match model.lang {
        Lang::En => format!("{i}. "),
        _ => format!("{}、", chinese_number(i)),
    }
}

pub fn view(frame: &mut Frame, area: Rect, model: &Model) {
    let Some((m, step)) = model.matter() else {
        return;
    };
    let t = &model.theme;
    let [title, steps, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(2),
        Constraint::Fill(1),
    ])
    .areas(area);
    let heading = format!("{}{}", number(model, m), m.title);
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(
            format!(" {}", truncate(&heading, title.width as usize - 1)),
            t.title(),
        ))),
        title,
    );
    let mut line = stepper::line(m.stage, step, model.lang, t);
    line.spans.insert(0, Span::raw(" "));
    frame.render_widget(Paragraph::new(line), steps);
    match step {
        Step::Collect => collect::view(frame, body, model, m),
        Step::Hear => hear::view(frame, body, model, m),
        Step::Decide => decide::view(frame, body, model, m),
        Step::Execute => execute::view(frame, body, model, m),
        Step::Review => review::view(frame, body, model, m),
    }
}
