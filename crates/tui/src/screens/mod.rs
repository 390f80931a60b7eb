//! One module per screen, each with its `update` and its `view`; this file routes to them
//! and draws what every screen shares: the header, the status line and the key hints.

use crate::words;
use crate::words::values;
use yishi_domain::{Adjourn, EndMeeting, Resume, StartMeeting};
pub mod agenda;
pub mod archive;
pub mod ballots;
pub mod collect;
pub mod council;
pub mod decide;
pub mod execute;
pub mod hear;
pub mod help;
pub mod hints;
pub mod history;
pub mod home;
pub mod ledger;
pub mod matter;
pub mod minutes;
pub mod outcomes;
pub mod overlays;
pub mod results;
pub mod review;
pub mod roll_call;
pub mod shares;
pub mod wall;

mod lines;
mod parts;

pub use lines::{author, span_lines, turnout_spans};

pub use parts::{
    aside, clock, entries, entry_columns, fit, line_list, meeting_line, panel, selectable_list,
    truncate, window, wrapped, wrapped_items,
};

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::action::Action;
use super::effect::Effect;
use super::model::{Model, Notice, Screen};
use yishi_domain::Step;
use yishi_text::{sanitize_line, width};

/// The smallest window the console draws in.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// What the screen on show makes of an action.
pub fn update(model: &Model, action: Action) -> Vec<Effect> {
    if model.screen.is_archive() {
        return archive::update(model, action);
    }
    let rows = list_len(model);
    match action {
        Action::Up => vec![Effect::Select(model.selected.saturating_sub(1))],
        Action::Down => vec![Effect::Select(
            (model.selected + 1).min(rows.saturating_sub(1)),
        )],
        Action::Back => match model.screen {
            Screen::Home => Vec::new(),
            Screen::Council => vec![Effect::Go(Screen::Home)],
            Screen::RollCall | Screen::Agenda => vec![Effect::CloseMeeting],
            Screen::Matter { id, .. } => vec![
                Effect::Go(Screen::Agenda),
                Effect::Select(
                    model
                        .data
                        .agenda
                        .iter()
                        .position(|m| m.id == id)
                        .unwrap_or(0),
                ),
            ],
            _ => vec![Effect::Leave],
        },
        Action::ShowRollCall => vec![Effect::Go(Screen::RollCall)],
        Action::ShowAgenda => vec![Effect::Go(Screen::Agenda)],
        Action::StartMeeting | Action::EndMeeting | Action::Adjourn => meeting_state(model, action),
        other => match model.screen {
            Screen::Home => home::update(model, other),
            Screen::Council => council::update(model, other),
            Screen::RollCall => roll_call::update(model, other),
            Screen::Agenda => agenda::update(model, other),
            Screen::Matter { .. } => matter::update(model, other),
            _ => Vec::new(),
        },
    }
}

fn meeting_state(model: &Model, action: Action) -> Vec<Effect> {
    use yishi_domain::{Change, MeetingState};
    let Some(m) = &model.data.meeting else {
        return Vec::new();
    };
    let label = m.label(model.lang);
    // Resumed, the roll is taken again: who came back, who did not.
    if action == Action::StartMeeting && m.adjourned() {
        return vec![Effect::Ask(crate::model::Confirm {
            question: format!(
                "{label}{}{}",
                model.lang.gap(),
                model.say(words::RESUME_THE_MEETING)
            ),
            then: crate::model::OnYes::Record(vec![Change::Resume(Resume { meeting: m.id })]),
        })];
    }
    if action == Action::Adjourn {
        if m.state != MeetingState::InProgress || m.adjourned() {
            return vec![Effect::Refuse(format!(
                "{label}{}{}",
                model.lang.colon(),
                model.say(words::ONLY_A_MEETING_UNDER_WAY_ADJOURNS)
            ))];
        }
        return vec![Effect::ask(
            format!(
                "{label}{}{}",
                model.lang.gap(),
                model.say(words::ADJOURN_THE_MEETING)
            ),
            vec![Change::Adjourn(Adjourn { meeting: m.id })],
        )];
    }
    // A meeting in a break resumes before it ends: refused now, not after the question.
    if action == Action::EndMeeting
        && let Err(why) = yishi_domain::at_work(m)
    {
        return vec![Effect::Refuse(format!(
            "{label}：{}",
            why.describe(model.lang)
        ))];
    }
    let (wanted, change, question) = if action == Action::StartMeeting {
        // Opened short of a quorum, the minutes will say the meeting was not valid: the
        // chair is told so before saying yes.
        let short = model.data.council.as_ref().and_then(|c| {
            let t = m.turnout(c);
            (c.rule.quorum_at_opening() && !c.rule.quorum_met(t.present, t.entitled))
                .then(|| values::opening_short(model.lang, t.present, t.entitled))
        });
        (
            MeetingState::Preparing,
            Change::StartMeeting(StartMeeting { meeting: m.id }),
            format!(
                "{}{}",
                short.unwrap_or_default(),
                model.say(words::OPEN_THE_MEETING)
            ),
        )
    } else {
        (
            MeetingState::InProgress,
            Change::EndMeeting(EndMeeting { meeting: m.id }),
            model.say(words::CLOSE_THE_MEETING_NOTHING_MORE),
        )
    };
    if m.state != wanted {
        return vec![Effect::Refuse(format!(
            "{label}{}{}",
            model.lang.colon(),
            m.state.label(model.lang)
        ))];
    }
    vec![Effect::ask(
        format!("{label}{}{question}", model.lang.gap()),
        vec![change],
    )]
}

/// Rows in the list the screen shows, for Up and Down.
fn list_len(model: &Model) -> usize {
    match model.screen {
        Screen::Home => model.data.meetings.len(),
        Screen::Council => model.data.council.as_ref().map_or(0, |c| c.members.len()),
        Screen::RollCall => match (&model.data.council, &model.data.meeting) {
            (Some(c), Some(m)) => m.roll_of(c).len(),
            _ => 0,
        },
        Screen::Agenda => model.data.agenda.len(),
        Screen::Matter { id, step } => {
            let Some(m) = model.data.matter(id) else {
                return 0;
            };
            match step {
                Step::Collect => m.opinions.len(),
                Step::Hear => m.speeches.len(),
                Step::Decide => ballots::voters(model).len(),
                Step::Execute => m.tasks.len(),
                Step::Review => 0,
            }
        }
        _ => 0,
    }
}

/// Draws the whole console.
pub fn view(frame: &mut Frame, model: &Model) {
    let area = frame.area();
    frame.render_widget(Block::new().style(model.theme.base()), area);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, model);
        return;
    }
    if model.wall {
        wall::view(frame, area, model);
    } else {
        let notice_lines = notice_lines(model, area.width);
        let [header, body, notice, hints] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(notice_lines.len() as u16),
            Constraint::Length(1),
        ])
        .areas(area);
        frame.render_widget(Paragraph::new(header_line(model, header.width)), header);
        match model.screen {
            Screen::Home => home::view(frame, body, model),
            Screen::Council => council::view(frame, body, model),
            Screen::RollCall => roll_call::view(frame, body, model),
            Screen::Agenda => agenda::view(frame, body, model),
            Screen::Matter { .. } => matter::view(frame, body, model),
            _ => archive::view(frame, body, model),
        }
        frame.render_widget(Paragraph::new(notice_lines), notice);
        frame.render_widget(Paragraph::new(hints::line(model, hints.width)), hints);
    }
    overlays::view(frame, area, model);
}

fn too_small(frame: &mut Frame, model: &Model) {
    let area = frame.area();
    let text = values::window_too_small(
        model.lang,
        (MIN_WIDTH, MIN_HEIGHT),
        (area.width, area.height),
    );
    let lines: Vec<Line> = yishi_text::wrap(&text, area.width.max(2) as usize)
        .into_iter()
        .map(Line::from)
        .collect();
    let h = lines.len() as u16;
    let y = area.y + area.height.saturating_sub(h) / 2;
    let rect = Rect::new(area.x, y, area.width, h.min(area.height));
    frame.render_widget(
        Paragraph::new(lines).centered().style(model.theme.title()),
        rect,
    );
}

fn header_line(model: &Model, columns: u16) -> Line<'static> {
    let t = &model.theme;
    let mut left = vec![Span::styled(model.say(words::YISHI), t.selected())];
    // The demo says what it is before anything else, even where the council's name gives way.
    if model.demo {
        left[0] = Span::styled(
            format!("{}{}", model.say(words::YISHI), model.say(words::DEMO_MARK)),
            t.warn(),
        );
    }
    if let Some(c) = &model.data.council {
        left.push(Span::styled(
            format!(" {}", sanitize_line(&c.name)),
            t.title(),
        ));
    }
    let mut right = Vec::new();
    if let (Some(c), Some(m)) = (&model.data.council, &model.data.meeting) {
        let state = if m.adjourned() {
            model.say(words::ADJOURNED_STATE)
        } else {
            m.state.label(model.lang).to_string()
        };
        left.push(Span::raw(format!(" · {} · {state}", m.label(model.lang))));
        right = turnout_spans(model, c, m);
    }
    let mut used: usize = left.iter().chain(&right).map(|s| width(&s.content)).sum();
    if used + 1 >= columns as usize && left.len() > 2 {
        // Narrow: the council's name is shortened, with …, to leave room for the meeting and
        // its quorum; where not even a few characters of it fit, it gives way whole.
        let name = width(&left[1].content);
        let room = name.saturating_sub(used + 2 - columns as usize);
        if room >= 7 {
            let short = format!(" {}", truncate(left[1].content.trim_start(), room - 1));
            used = used - name + width(&short);
            left[1] = Span::styled(short, t.title());
        } else {
            used -= name;
            left.remove(1);
            if let Some(rest) = left[1].content.strip_prefix(" · ") {
                let rest = format!(" {rest}");
                used -= 2;
                left[1] = Span::raw(rest);
            }
        }
    }
    if used + 1 < columns as usize {
        left.push(Span::raw(" ".repeat(columns as usize - used - 1)));
        left.extend(right);
    }
    Line::from(left).style(t.base())
}

/// What was just done or refused, whole: on as many lines as it needs, up to a few.
fn notice_lines(model: &Model, columns: u16) -> Vec<Line<'static>> {
    let (text, style) = match &model.notice {
        Some(Notice::Done(s)) => (format!(" ✓ {s}"), model.theme.ok()),
        Some(Notice::Refused(s)) => (
            format!("{}{}", model.say(words::NOT_DONE), s),
            model.theme.bad(),
        ),
        None => return vec![Line::default()],
    };
    let mut lines = yishi_text::wrap(&text, usize::from(columns.max(2)));
    lines.truncate(MOST_NOTICE_LINES);
    lines
        .into_iter()
        .map(|l| Line::from(Span::styled(l, style)))
        .collect()
}

/// The most lines a notice takes from the screen above it.
const MOST_NOTICE_LINES: usize = 3;
