//! The `?` overlay: the key table for where the console is, grouped by scope.

use crate::tui::words;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::truncate;
use crate::text::width;
use crate::tui::keys;
use crate::tui::model::Model;
use crate::tui::widgets::popup;

pub fn view(frame: &mut Frame, area: Rect, model: &Model) {
    let t = &model.theme;
    let scopes = model.scopes();
    let mut lines = Vec::new();
    let key_width = keys::bindings(&scopes)
        .map(|b| width(&b.keys_label()))
        .max()
        .unwrap_or(0);
    // In a short window the keys go in as many columns as it takes to fit (up to three),
    // descriptions cut to fit.
    let rows = (scopes.len() + keys::bindings(&scopes).count()) as u16;
    let columns: u16 = (1..=3)
        .find(|n| rows.div_ceil(*n) + 2 <= area.height)
        .unwrap_or(3);
    let cell = if columns > 1 {
        (area.width.saturating_sub(2 + 2 * columns) / columns) as usize
    } else {
        usize::MAX
    };
    for scope in scopes.iter().rev() {
        lines.push(Line::from(Span::styled(
            scope.label(model.lang).to_string(),
            t.title(),
        )));
        for b in keys::bindings(&[*scope]) {
            let k = b.keys_label();
            let pad = key_width.saturating_sub(width(&k));
            let keys = format!("  {k}{}  ", " ".repeat(pad));
            let room = cell.saturating_sub(width(&keys));
            lines.push(Line::from(vec![
                Span::styled(keys, t.current()),
                Span::raw(truncate(b.help(model.lang), room)),
            ]));
        }
    }
    let per_column = lines.len().div_ceil(usize::from(columns));
    let content = lines.iter().map(Line::width).max().unwrap_or(0) as u16;
    let inner_width = content * columns + 2 * (columns - 1);
    let rect = popup::centred(area, inner_width + 4, per_column as u16 + 2);
    popup::clear(rect, frame.buffer_mut());
    let block = Block::bordered()
        .border_style(t.title())
        .style(t.base())
        .title(format!(" {} ", model.say(words::KEYS_ANY_KEY_CLOSES)));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let parts = Layout::horizontal(vec![Constraint::Fill(1); usize::from(columns)]).split(inner);
    for (part, column) in parts.iter().zip(lines.chunks(per_column.max(1))) {
        frame.render_widget(Paragraph::new(column.to_vec()), *part);
    }
}
