//! The `?` overlay: the key table for where the console is, grouped by scope.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::text::width;
use crate::tui::app::App;
use crate::tui::keys;
use crate::tui::widgets::popup;

pub fn view(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.theme;
    let scopes = app.scopes();
    let mut lines = Vec::new();
    let key_width = keys::bindings(&scopes)
        .map(|b| width(&b.keys_label()))
        .max()
        .unwrap_or(0);
    for scope in scopes.iter().rev() {
        lines.push(Line::from(Span::styled(
            scope.label(app.lang).to_string(),
            t.title(),
        )));
        for b in keys::bindings(&[*scope]) {
            let k = b.keys_label();
            let pad = key_width.saturating_sub(width(&k));
            lines.push(Line::from(vec![
                Span::styled(format!("  {k}{}", " ".repeat(pad)), t.current()),
                Span::raw(format!("  {}", b.help(app.lang))),
            ]));
        }
    }
    let content = lines.iter().map(Line::width).max().unwrap_or(0) as u16;
    let rect = popup::centred(area, content + 4, lines.len() as u16 + 2);
    popup::clear(rect, frame.buffer_mut());
    let block = Block::bordered()
        .border_style(t.title())
        .style(t.base())
        .title(format!(
            " {} ",
            app.say(
                "按键（任意键关闭）",
                "按鍵（任意鍵關閉）",
                "Keys (any key closes)"
            )
        ));
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}
