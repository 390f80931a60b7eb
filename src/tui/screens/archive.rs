//! The secretary's archive: past meetings latest first with their matters. This file also
//! routes the archive's keys to its screens (minutes, search results, ledger, history).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{history, ledger, line_list, meeting_line, minutes, panel, results, truncate, wrapped};
use crate::text::chinese_number;
use crate::tui::action::Action;
use crate::tui::app::{App, Screen};
use crate::tui::archive::Archive;
use crate::tui::archive_forms;

/// Opens the archive from home, or reads it again.
pub fn enter(app: &mut App) {
    match app.with_archive(|_, store| Archive::load(store)) {
        Ok(mut a) => {
            a.keep_search(&mut app.archive);
            app.archive = a;
            app.trail.clear();
            app.visit(Screen::Archive);
            read_agenda(app);
        }
        Err(e) => app.refuse(e.describe(app.lang)),
    }
}

/// Rows the archive screen on show can move through.
fn rows(app: &App) -> usize {
    match app.screen {
        Screen::Archive => app.archive.meetings.len(),
        Screen::Results => app.archive.results.len(),
        Screen::Ledger => app.archive.shown().len(),
        Screen::History => app.archive.history.as_ref().map_or(0, |h| h.events.len()),
        _ => 0,
    }
}

/// Rows of list that fit on screen (for a page up or down).
pub fn page(app: &App) -> usize {
    usize::from(app.viewport.1.saturating_sub(6)).max(1)
}

pub fn update(app: &mut App, action: Action) {
    if app.screen == Screen::Minutes {
        return minutes::update(app, action);
    }
    let n = rows(app);
    match action {
        Action::Back => app.leave(),
        Action::Up => app.selected = app.selected.saturating_sub(1),
        Action::Down => app.selected = (app.selected + 1).min(n.saturating_sub(1)),
        Action::PageUp => app.selected = app.selected.saturating_sub(page(app)),
        Action::PageDown => app.selected = (app.selected + page(app)).min(n.saturating_sub(1)),
        Action::Search => {
            app.with_archive(|a, store| a.read_ahead(store));
            let q = app.archive.query.clone();
            app.open_form(archive_forms::search(&q));
        }
        Action::ShowLedger => ledger::enter(app),
        Action::Select => match app.screen {
            Screen::Archive => {
                if let Some(id) = app.archive.meetings.get(app.selected).map(|h| h.id) {
                    minutes::open(app, id, None);
                }
            }
            Screen::Results => results::select(app),
            Screen::Ledger => ledger::select(app),
            Screen::History => history::select(app),
            _ => {}
        },
        other => {
            if app.screen == Screen::Ledger {
                ledger::update(app, other);
            }
        }
    }
    if app.screen == Screen::Archive {
        read_agenda(app);
    }
}

/// The agenda beside the list follows the selection.
fn read_agenda(app: &mut App) {
    let index = app.selected;
    if let Err(e) = app.with_archive(|a, store| a.select(store, index)) {
        app.refuse(e.describe(app.lang));
    }
}

pub fn view(frame: &mut Frame, area: Rect, app: &App) {
    match app.screen {
        Screen::Minutes => minutes::view(frame, area, app),
        Screen::Results => results::view(frame, area, app),
        Screen::Ledger => ledger::view(frame, area, app),
        Screen::History => history::view(frame, area, app),
        _ => meetings(frame, area, app),
    }
}

fn meetings(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.theme;
    let [left, right] = if area.width >= 140 {
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area)
    } else {
        Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area)
    };
    let inner = left.width.saturating_sub(4) as usize;
    let signed = app.say("已签发", "已簽發", "signed");
    let unsigned = app.say("未签发", "未簽發", "unsigned");
    let meetings = &app.archive.meetings;
    let room_for_council = if inner >= 100 { 28 } else { 16 };
    let item = |i: usize| {
        let h = &meetings[i];
        let council = app
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
        meeting_line(app, h, &council, Span::styled(mark, style), inner)
    };
    let title = app.say(
        "往次会议（新的在前）",
        "往次會議（新的在前）",
        "Past meetings, latest first",
    );
    line_list(frame, left, app, title, meetings.len(), item);

    let block = panel(app, app.say("本次议题", "本次議題", "On its agenda"));
    let cols = block.inner(right).width.saturating_sub(1);
    let mut lines: Vec<Line> = Vec::new();
    if let Some(l) = app.archive.meetings.get(app.selected) {
        lines.extend(wrapped(&l.title, cols, t.title()));
        let agenda = app.archive.agenda.as_ref().filter(|a| a.meeting == l.id);
        for (i, m) in agenda.iter().flat_map(|a| &a.titles).enumerate() {
            let item = format!("{}、{m}", chinese_number(i as u32 + 1));
            lines.extend(wrapped(&item, cols, t.base()));
        }
        if l.corrections > 0 {
            let text = match app.lang {
                crate::text::Lang::En => format!("{} correction(s) after signing", l.corrections),
                _ => format!(
                    "{}{}{}",
                    app.say("有更正", "有更正", ""),
                    l.corrections,
                    app.say("条", "條", "")
                ),
            };
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(text, t.warn())));
        }
    }
    frame.render_widget(Paragraph::new(lines).block(block), right);
}
