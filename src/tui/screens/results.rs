//! Search results across all minutes: each place with its meeting and the words around it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;

use super::line_list;
use crate::text::{Lang, width};
use crate::tui::app::App;
use crate::tui::archive::Hit;

pub fn select(app: &mut App) {
    if let Some(h) = app.archive.results.get(app.selected) {
        let (meeting, at) = (h.meeting, (h.para, h.range.start));
        super::minutes::open(app, meeting, Some(at));
    }
}

/// `text` cut to the last `columns` display columns, on a grapheme boundary.
fn tail(text: &str, columns: usize) -> String {
    let mut out: Vec<&str> = Vec::new();
    let mut used = 0;
    for g in text.graphemes(true).rev() {
        let w = width(g);
        if used + w > columns {
            break;
        }
        used += w;
        out.push(g);
    }
    out.reverse();
    out.concat()
}

/// The hit with some words before it and as many after as fit in `columns`.
fn excerpt(app: &App, h: &Hit, columns: usize) -> Vec<Span<'static>> {
    let before = tail(&h.text[..h.range.start], columns / 4);
    let hit = h.text[h.range.clone()].to_string();
    let used = width(&before) + width(&hit);
    let after = super::truncate(&h.text[h.range.end..], columns.saturating_sub(used));
    vec![
        Span::raw(before),
        Span::styled(
            hit,
            app.theme
                .warn()
                .add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
        ),
        Span::raw(after),
    ]
}

pub fn view(frame: &mut Frame, area: Rect, app: &App) {
    let inner = usize::from(area.width.saturating_sub(4));
    let results = &app.archive.results;
    let item = |i: usize| {
        let h = &results[i];
        let head = match app.lang {
            Lang::En => format!(
                "{}  {}  ",
                h.date.format("%Y-%m-%d"),
                h.label.replace("年第", "-").replace("次会议", "")
            ),
            _ => format!("{}  {}  ", h.date.format("%Y-%m-%d"), h.label),
        };
        let mut spans = vec![Span::styled(head.clone(), app.theme.title())];
        spans.extend(excerpt(app, h, inner.saturating_sub(width(&head) + 2)));
        Line::from(spans)
    };
    let q = &app.archive.query;
    let n = app.archive.found;
    let listed = results.len();
    let title = match app.lang {
        Lang::En if listed < n => {
            format!(
                "Search “{q}”: {n} found, the first {listed} listed · Enter opens the minutes there"
            )
        }
        Lang::En => format!("Search “{q}”: {n} found · Enter opens the minutes there"),
        _ => {
            let more = if listed < n {
                format!(
                    "{}{listed}{}",
                    app.lang.pick("，列出前", "，列出前", ""),
                    app.lang.pick("处", "處", "")
                )
            } else {
                String::new()
            };
            format!(
                "{}「{q}」{}{n}{}{more}{}",
                app.lang.pick("搜索", "搜尋", ""),
                app.lang.pick("：共", "：共", ""),
                app.lang.pick("处", "處", ""),
                app.lang
                    .pick("　Enter 打开该处纪要", "　Enter 打開該處紀要", "")
            )
        }
    };
    line_list(frame, area, app, title, results.len(), item);
}
