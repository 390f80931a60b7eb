//! What is drawn over a screen: the help, a form, a question, a list to pick from.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph};

use super::{help, truncate, wrapped};
use crate::tui::app::{App, Overlay};
use crate::tui::form::say;
use crate::tui::widgets::popup;

pub fn view(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.theme;
    match &app.overlay {
        None => {}
        Some(Overlay::Help) => help::view(frame, area, app),
        Some(Overlay::Form(form)) => form.draw(frame, area, app.lang, t),
        Some(Overlay::Confirm(c)) => {
            let outer = area.width.saturating_sub(8).min(70);
            let cols = outer.saturating_sub(4);
            let mut lines = wrapped(&c.question, cols, t.base());
            lines.push(Line::default());
            let mut keys = Vec::new();
            for (k, h) in crate::tui::keys::hints(&[crate::tui::keys::Scope::Confirm], app.lang) {
                keys.push(Span::styled(format!(" {k} "), t.selected()));
                keys.push(Span::raw(format!(" {h}　")));
            }
            lines.push(Line::from(keys));
            let rect = popup::centred(area, outer, lines.len() as u16 + 2);
            popup::clear(rect, frame.buffer_mut());
            let block = Block::bordered()
                .border_style(t.warn())
                .style(t.base())
                .title(format!(
                    " {} ",
                    app.say("请确认", "請確認", "Please confirm")
                ));
            frame.render_widget(Paragraph::new(lines).block(block), rect);
        }
        Some(Overlay::Pick(p)) => {
            let outer = area.width.saturating_sub(8).min(80);
            let cols = outer.saturating_sub(6) as usize;
            let items: Vec<ListItem> = p
                .items
                .iter()
                .map(|(_, s)| ListItem::new(truncate(s, cols)))
                .collect();
            let rect = popup::centred(area, outer, p.items.len() as u16 + 2);
            popup::clear(rect, frame.buffer_mut());
            let block = Block::bordered()
                .border_style(t.title())
                .style(t.base())
                .title(format!(" {}（Enter / Esc） ", say(app.lang, p.title)));
            let list = List::new(items)
                .block(block)
                .highlight_style(t.selected())
                .highlight_symbol("► ");
            let mut state = ListState::default().with_selected(Some(p.selected));
            frame.render_stateful_widget(list, rect, &mut state);
        }
    }
}
