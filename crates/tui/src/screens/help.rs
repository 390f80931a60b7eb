//! The `?` overlay: the key table for where the console is, grouped by scope, every
//! description whole (wrapped under itself), scrolled where the window is short.

use crate::words;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::action::Action;
use crate::keys;
use crate::model::Model;
use crate::screen::screen_scopes;
use crate::widgets::popup;
use yishi_text::{width, wrap};

/// The box in a window of `area`, and every line of the key table in it.
fn layout(model: &Model, area: Rect) -> (Rect, Vec<Line<'static>>) {
    let t = &model.theme;
    let scopes = screen_scopes(model.screen);
    let key_width = keys::bindings(&scopes)
        .map(|b| width(&b.keys_label()))
        .max()
        .unwrap_or(0);
    let widest = keys::bindings(&scopes)
        .map(|b| width(b.help(model.lang)))
        .chain(scopes.iter().map(|s| width(s.label(model.lang))))
        .max()
        .unwrap_or(0);
    // Border and a margin either side; the keys' column, then the descriptions.
    let outer = (key_width + widest + 4 + 4).min(usize::from(area.width)) as u16;
    let keys_column = key_width + 4;
    let room = usize::from(outer).saturating_sub(4 + keys_column).max(4);
    let mut lines = Vec::new();
    for scope in scopes.iter().rev() {
        lines.push(Line::from(Span::styled(
            scope.label(model.lang).to_string(),
            t.title(),
        )));
        for b in keys::bindings(&[*scope]) {
            let k = b.keys_label();
            let pad = key_width.saturating_sub(width(&k));
            for (i, part) in wrap(b.help(model.lang), room).into_iter().enumerate() {
                let keys = if i == 0 {
                    Span::styled(format!("  {k}{}  ", " ".repeat(pad)), t.current())
                } else {
                    Span::raw(" ".repeat(keys_column))
                };
                lines.push(Line::from(vec![keys, Span::raw(part)]));
            }
        }
    }
    let rect = popup::centred(area, outer, lines.len() as u16 + 2);
    (rect, lines)
}

/// Lines in view, and the furthest the table scrolls.
fn limits(rect: Rect, lines: usize) -> (usize, usize) {
    let rows = usize::from(rect.height.saturating_sub(2)).max(1);
    (rows, lines.saturating_sub(rows))
}

/// Where the table is after `action` from line `at`; `None`: the action closes the help.
pub fn scrolled(model: &Model, at: usize, action: &Action) -> Option<usize> {
    let (columns, rows) = model.viewport;
    let (rect, lines) = layout(model, Rect::new(0, 0, columns, rows));
    let (page, last) = limits(rect, lines.len());
    let at = at.min(last);
    Some(match action {
        Action::Up => at.saturating_sub(1),
        Action::Down => (at + 1).min(last),
        Action::PageUp => at.saturating_sub(page.saturating_sub(1).max(1)),
        Action::PageDown => (at + page.saturating_sub(1).max(1)).min(last),
        _ => return None,
    })
}

pub fn view(frame: &mut Frame, area: Rect, model: &Model, at: usize) {
    let t = &model.theme;
    let (rect, lines) = layout(model, area);
    let (rows, last) = limits(rect, lines.len());
    let at = at.min(last);
    popup::clear(rect, frame.buffer_mut());
    let title = if last > 0 {
        words::KEYS_SCROLL_OTHER_KEYS_CLOSE
    } else {
        words::KEYS_ANY_KEY_CLOSES
    };
    let mut block = Block::bordered()
        .border_style(t.title())
        .style(t.base())
        .title(format!(" {} ", model.say(title)));
    // Where the view is in the table, when not all of it shows.
    if last > 0 {
        let end = (at + rows).min(lines.len());
        block = block.title_bottom(
            Line::from(format!(" {}–{end} / {} ", at + 1, lines.len())).right_aligned(),
        );
    }
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let shown: Vec<Line> = lines.into_iter().skip(at).take(rows).collect();
    frame.render_widget(Paragraph::new(shown), inner);
}
