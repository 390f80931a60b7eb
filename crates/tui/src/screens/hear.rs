//! 公开听证: the speakers list, the running speaker's countdown (a warning in the last 30
//! seconds, overtime shown), and each speech's stance and summary.

use crate::words;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use yishi_domain::MoveSpeaker;

use super::{aside, author, clock, entries, entry_columns, fit, panel, wrapped};
use crate::action::Action;
use crate::effect::Effect;
use crate::forms;
use crate::model::{Model, Timer};
use yishi_domain::{Change, Matter};
use yishi_text::width;

/// Seconds left for the running speaker (negative in overtime).
pub fn remaining(model: &Model, timer: &Timer) -> i64 {
    let limit = model
        .data
        .meeting
        .as_ref()
        .map_or(180, |m| m.speaker_limit_secs) as i64;
    limit - (model.now - timer.started).num_seconds()
}

/// The countdown's words and style: calm, warning in the last 30 s, overtime.
pub fn countdown(model: &Model, left: i64) -> (String, Style) {
    if left < 0 {
        (
            format!("{} {}", model.say(words::OVERTIME), clock(-left)),
            model.theme.bad(),
        )
    } else if left <= 30 {
        (
            format!("{} {}", model.say(words::LAST), clock(left)),
            model.theme.warn(),
        )
    } else {
        (
            format!("{} {}", model.say(words::LEFT), clock(left)),
            model.theme.ok(),
        )
    }
}

/// The running timer, when it belongs to this matter.
pub fn running<'a>(model: &'a Model, m: &Matter) -> Option<&'a Timer> {
    model.timer.as_ref().filter(|t| t.matter == m.id)
}

/// Where the waiting speaker at `index` goes, called sooner (`up`) or later: `None` where the
/// list would stay as it is (the first of those waiting, the last of all, or one heard).
pub fn moved_to(m: &Matter, index: usize, up: bool) -> Option<usize> {
    let first_waiting = m.speeches.iter().position(|s| !s.done)?;
    if m.speeches.get(index)?.done {
        return None;
    }
    if up {
        (index > first_waiting).then(|| index - 1)
    } else {
        (index + 1 < m.speeches.len()).then_some(index + 1)
    }
}

pub fn update(model: &Model, action: Action) -> Vec<Effect> {
    let (Some((m, _)), Some(meeting)) = (model.matter(), model.meeting_id()) else {
        return Vec::new();
    };
    match action {
        Action::AddSpeaker => vec![Effect::form(forms::speaker(
            &model.data,
            m.id,
            meeting,
            model.lang,
        ))],
        Action::MoveUp | Action::MoveDown => {
            // The list's places are what the countdown counts on: moved between speeches.
            if model.timer.is_some() {
                return vec![Effect::Refuse(
                    model.say(words::SOMEONE_IS_SPEAKING_PRESS_F),
                )];
            }
            let index = model.selected;
            if m.speeches.get(index).is_some_and(|s| s.done) {
                let why = yishi_domain::Refusal::AlreadyHeard.describe(model.lang);
                return vec![Effect::Refuse(why)];
            }
            let Some(position) = moved_to(m, index, action == Action::MoveUp) else {
                return Vec::new();
            };
            let change = Change::MoveSpeaker(MoveSpeaker {
                matter: m.id,
                meeting,
                index,
                position,
            });
            vec![Effect::record(change, vec![Effect::Select(position)])]
        }
        Action::StartSpeaker => {
            if model.timer.is_some() {
                return vec![Effect::Refuse(
                    model.say(words::SOMEONE_IS_SPEAKING_PRESS_F),
                )];
            }
            let Some(index) = m.speeches.iter().position(|s| !s.done) else {
                return vec![Effect::Refuse(model.say(words::NOBODY_IS_WAITING_TO_SPEAK))];
            };
            let timer = Timer {
                matter: m.id,
                index,
                started: model.now,
            };
            vec![Effect::Timer(Some(timer)), Effect::Select(index)]
        }
        Action::FinishSpeaker => {
            let Some(t) = running(model, m).copied() else {
                return vec![Effect::Refuse(model.say(words::NOBODY_IS_SPEAKING_PRESS_N))];
            };
            let seconds = (model.now - t.started).num_seconds().max(0) as u32;
            m.speeches
                .get(t.index)
                .map(|s| {
                    let form = forms::speech(m.id, meeting, t.index, seconds, s.stance, model.lang);
                    Effect::form(form)
                })
                .into_iter()
                .collect()
        }
        _ => Vec::new(),
    }
}

pub fn view(frame: &mut Frame, area: Rect, model: &Model, m: &Matter) {
    let Some(c) = &model.data.council else {
        return;
    };
    let t = &model.theme;
    let [now, list] = Layout::vertical([Constraint::Length(5), Constraint::Fill(1)]).areas(area);
    let limit = model
        .data
        .meeting
        .as_ref()
        .map_or(180, |m| m.speaker_limit_secs);
    let mut lines = Vec::new();
    match running(model, m) {
        Some(timer) => {
            let (words, style) = countdown(model, remaining(model, timer));
            // The stance and the clock stay whole; a long name gives way.
            let who = m
                .speeches
                .get(timer.index)
                .map(|s| {
                    let stance = aside(model.lang, s.stance.label(model.lang));
                    let fixed = width(&stance) + width(model.lang.gap()) + width(&words);
                    let name = author(c, &s.speaker, model.lang);
                    fit(&name, fixed, usize::from(now.width.saturating_sub(2))) + &stance
                })
                .unwrap_or_default();
            lines.push(Line::from(vec![
                Span::styled(who, t.title()),
                Span::raw(model.lang.gap()),
                Span::styled(words, style),
            ]));
        }
        None => lines.push(Line::from(Span::styled(
            model.say(words::NOBODY_SPEAKING_N_NEXT_SPEAKER),
            t.muted(),
        ))),
    }
    let waiting: Vec<String> = m
        .speeches
        .iter()
        .enumerate()
        .filter(|(i, s)| !s.done && running(model, m).is_none_or(|t| t.index != *i))
        .map(|(_, s)| author(c, &s.speaker, model.lang))
        .collect();
    let next = format!(
        "{}{}",
        model.say(words::WAITING),
        if waiting.is_empty() {
            model.say(words::NONE_IN_BRACKETS)
        } else {
            waiting.join("、")
        }
    );
    lines.extend(wrapped(&next, now.width.saturating_sub(2), t.base()));
    lines.push(Line::from(Span::styled(
        format!("{}{}", model.say(words::TIME_EACH), clock(limit as i64)),
        t.muted(),
    )));
    let title = model.say(words::SPEAKING_NOW);
    frame.render_widget(
        Paragraph::new(lines).block(panel(model, title, now.width)),
        now,
    );

    let cols = list.width.saturating_sub(6);
    let items = m
        .speeches
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let state = if running(model, m).is_some_and(|t| t.index == i) {
                model.say(words::SPEAKING)
            } else if s.done {
                format!(
                    "{} {}",
                    model.say(words::USED),
                    clock(s.seconds_used as i64)
                )
            } else {
                model.say(words::WAITING_WORD)
            };
            let number = format!("{}. ", i + 1);
            let gap = model.lang.gap();
            let rest = format!("{gap}{}{gap}{state}", s.stance.label(model.lang));
            let fixed = width(&number) + width(&rest);
            let name = fit(
                &author(c, &s.speaker, model.lang),
                fixed,
                entry_columns(list.width),
            );
            let head = format!("{number}{name}{rest}");
            let mut lines = vec![Line::from(head)];
            if !s.summary.is_empty() {
                lines.extend(wrapped(&s.summary, cols, t.muted()));
            }
            lines
        })
        .collect();
    let title = model.say(words::SPEAKERS_A_ADD_N_NEXT);
    let selected = (!m.speeches.is_empty()).then_some(model.selected);
    entries(frame, list, model, title, items, selected);
}
