//! Home: the council, its meetings latest first, and its open matters with their step.

use crate::words;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, Paragraph};

use super::{line_list, meeting_line, panel, truncate};
use crate::action::Action;
use crate::effect::{Effect, Load};
use crate::forms;
use crate::model::{Model, Screen};
use yishi_domain::MeetingState;

pub fn update(model: &Model, action: Action) -> Vec<Effect> {
    match action {
        Action::Select => model
            .data
            .meetings
            .get(model.selected)
            .map(|h| Effect::OpenMeeting(h.id))
            .into_iter()
            .collect(),
        Action::ShowArchive => vec![Effect::Load(Load::Archive)],
        Action::ShowLedger => vec![Effect::Load(Load::Archive), Effect::Load(Load::Ledger)],
        // With no council yet, the first thing made is the council.
        Action::NewMeeting => vec![Effect::form(
            forms::new_meeting(&model.data, model.now)
                .unwrap_or_else(|| forms::new_council(model.lang)),
        )],
        Action::ShowCouncil => vec![Effect::Go(Screen::Council)],
        _ => Vec::new(),
    }
}

pub fn view(frame: &mut Frame, area: Rect, model: &Model) {
    let t = &model.theme;
    if model.data.council.is_none() {
        let text = model.say(words::THIS_DATABASE_HOLDS_NO_COUNCIL);
        let columns = area.width.saturating_sub(4);
        frame.render_widget(
            Paragraph::new(getting_started(&text, columns, t.base())).block(panel(
                model,
                String::new(),
                area.width,
            )),
            area,
        );
        return;
    }
    let [left, right] = if area.width >= 140 {
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area)
    } else {
        Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area)
    };
    let inner = left.width.saturating_sub(4) as usize;
    let meetings = &model.data.meetings;
    let item = |i: usize| {
        let h = &meetings[i];
        let state_style = match h.state {
            MeetingState::InProgress => t.current(),
            MeetingState::Preparing => t.warn(),
            MeetingState::Ended => t.muted(),
        };
        let state = format!("{}  ", h.state.label(model.lang));
        meeting_line(model, h, "", Span::styled(state, state_style), inner)
    };
    let title = model.say(words::MEETINGS_LATEST_FIRST);
    if meetings.is_empty() {
        // A council just made: what to do first.
        let text = model.say(words::NO_MEETING_YET_PRESS_N);
        let lines = super::wrapped(&text, left.width.saturating_sub(4), t.muted());
        frame.render_widget(
            Paragraph::new(lines).block(panel(model, title, left.width)),
            left,
        );
    } else {
        line_list(frame, left, model, title, meetings.len(), item);
    }

    let inner = right.width.saturating_sub(4) as usize;
    let matters: Vec<ListItem> = model
        .data
        .open_matters
        .iter()
        .map(|m| {
            let stage = model.lang.bracketed(m.stage.label(model.lang));
            let room = inner.saturating_sub(yishi_text::width(&stage) + 1);
            ListItem::new(Line::from(vec![
                Span::styled(stage, t.current()),
                Span::raw(" "),
                Span::raw(truncate(&m.title, room)),
            ]))
        })
        .collect();
    let title = model.say(words::OPEN_MATTERS);
    frame.render_widget(
        List::new(matters).block(panel(model, title, right.width)),
        right,
    );
}

/// The getting-started text wrapped to `columns`: its numbered steps with their continuation
/// lines hanging under the step's text.
fn getting_started(text: &str, columns: u16, style: ratatui::style::Style) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let numbered = paragraph
            .split_once(". ")
            .filter(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        match numbered {
            Some((n, rest)) => {
                let hang = n.len() + 2;
                let body = yishi_text::wrap(rest, usize::from(columns).saturating_sub(hang).max(2));
                for (i, l) in body.into_iter().enumerate() {
                    let lead = if i == 0 {
                        format!("{n}. ")
                    } else {
                        " ".repeat(hang)
                    };
                    lines.push(Line::from(Span::styled(format!("{lead}{l}"), style)));
                }
            }
            None if paragraph.is_empty() => lines.push(Line::default()),
            None => lines.extend(super::wrapped(paragraph, columns, style)),
        }
    }
    lines
}
