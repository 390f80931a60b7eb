//! The secretary's archive: past meetings latest first with their matters. This file also
//! routes the archive's keys to its screens (minutes, search results, ledger, history).

use crate::words;
use crate::words::values;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{history, ledger, line_list, meeting_line, minutes, panel, results, truncate, wrapped};
use crate::action::Action;
use crate::effect::{Effect, Load};
use crate::model::{Model, Screen};
use yishi_text::chinese_number;

/// Rows the archive screen on show can move through.
fn rows(model: &Model) -> usize {
    match model.screen {
        Screen::Archive => model.archive.meetings.len(),
        Screen::Results => model.archive.results.len(),
        Screen::Ledger => model.archive.ledger.shown().len(),
        Screen::History => model.archive.history.as_ref().map_or(0, |h| h.events.len()),
        _ => 0,
    }
}

/// Rows of list that fit on screen (for a page up or down).
pub fn page(model: &Model) -> usize {
    usize::from(model.viewport.1.saturating_sub(6)).max(1)
}

pub fn update(model: &Model, action: Action) -> Vec<Effect> {
    if model.screen == Screen::Minutes {
        return minutes::update(model, action);
    }
    let n = rows(model);
    let at = model.selected;
    let select = |row: usize| {
        let mut effects = vec![Effect::Select(row)];
        // The agenda beside the list follows the selection.
        match model.screen {
            Screen::Archive => effects.push(Effect::Load(Load::Agenda(row))),
            // The ledger is read on as the selection comes to the rows read so far.
            Screen::Ledger => effects.push(Effect::Load(Load::LedgerTo(row))),
            _ => {}
        }
        effects
    };
    match action {
        Action::Back => vec![Effect::Leave],
        Action::Up => select(at.saturating_sub(1)),
        Action::Down => select((at + 1).min(n.saturating_sub(1))),
        Action::PageUp => select(at.saturating_sub(page(model))),
        Action::PageDown => select((at + page(model)).min(n.saturating_sub(1))),
        Action::Search => minutes::search(model),
        Action::ShowLedger => vec![Effect::Load(Load::Ledger)],
        Action::Select => match model.screen {
            Screen::Archive => model
                .archive
                .meetings
                .get(at)
                .map(|h| {
                    Effect::Load(Load::Minutes {
                        meeting: h.id,
                        at: None,
                    })
                })
                .into_iter()
                .collect(),
            Screen::Results => results::select(model),
            Screen::Ledger => ledger::select(model),
            Screen::History => history::select(model),
            _ => Vec::new(),
        },
        other if model.screen == Screen::Ledger => ledger::update(model, other),
        _ => Vec::new(),
    }
}

pub fn view(frame: &mut Frame, area: Rect, model: &Model) {
    match model.screen {
        Screen::Minutes => minutes::view(frame, area, model),
        Screen::Results => results::view(frame, area, model),
        Screen::Ledger => ledger::view(frame, area, model),
        Screen::History => history::view(frame, area, model),
        _ => meetings(frame, area, model),
    }
}

fn meetings(frame: &mut Frame, area: Rect, model: &Model) {
    let t = &model.theme;
    let [left, right] = if area.width >= 140 {
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area)
    } else {
        Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area)
    };
    let inner = left.width.saturating_sub(4) as usize;
    let signed = model.say(words::SIGNED);
    let unsigned = model.say(words::UNSIGNED);
    let meetings = &model.archive.meetings;
    let room_for_council = if inner >= 100 { 28 } else { 16 };
    let item = |i: usize| {
        let h = &meetings[i];
        let council = model
            .archive
            .councils
            .get(&h.council)
            .map_or_else(String::new, |name| {
                format!("{}  ", truncate(name, room_for_council))
            });
        let (mark, style) = if h.signed {
            (format!("✓ {signed}  "), t.ok())
        } else {
            (format!("○ {unsigned}  "), t.muted())
        };
        meeting_line(model, h, &council, Span::styled(mark, style), inner)
    };
    let title = model.say(words::PAST_MEETINGS_LATEST_FIRST);
    line_list(frame, left, model, title, meetings.len(), item);

    let block = panel(model, model.say(words::ON_ITS_AGENDA), right.width);
    let cols = block.inner(right).width.saturating_sub(1);
    let mut lines: Vec<Line> = Vec::new();
    if let Some(l) = model.archive.meetings.get(model.selected) {
        lines.extend(wrapped(&l.title, cols, t.title()));
        let agenda = model.archive.agenda.as_ref().filter(|a| a.meeting == l.id);
        for (i, m) in agenda.iter().flat_map(|a| &a.titles).enumerate() {
            let item = format!("{}、{m}", chinese_number(i as u32 + 1));
            lines.extend(wrapped(&item, cols, t.base()));
        }
        if l.corrections > 0 {
            let text = values::corrections_after_signing(model.lang, l.corrections);
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(text, t.warn())));
        }
    }
    frame.render_widget(Paragraph::new(lines).block(block), right);
}
