//! The pieces every screen draws with: panels, wrapped text, lists that build only the rows
//! that fit, a meeting's row, a clock.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::model::Model;
use yishi_text::{Lang, sanitize_line, width};

/// A bordered block `width` columns wide with a title, in the theme: a title longer than the
/// border ends in … rather than being cut where the border ends.
pub fn panel(model: &Model, title: String, width: u16) -> Block<'static> {
    let block = Block::bordered().border_style(model.theme.border());
    if title.is_empty() {
        return block;
    }
    // Two corners and a space either side of the title.
    let title = truncate(&title, usize::from(width.saturating_sub(4)));
    block.title(Span::styled(format!(" {title} "), model.theme.title()))
}

/// A stance or a role after a name: （支持） in Chinese, (for) in English.
pub fn aside(lang: Lang, s: &str) -> String {
    match lang {
        Lang::En => format!(" ({s})"),
        _ => format!("（{s}）"),
    }
}

/// `m:ss`, with a minus sign for overtime.
pub fn clock(seconds: i64) -> String {
    let sign = if seconds < 0 { "-" } else { "" };
    let s = seconds.unsigned_abs();
    format!("{sign}{}:{:02}", s / 60, s % 60)
}

/// `s` cut to `columns` on a grapheme boundary, with an ellipsis (…, one column) where it was
/// cut.
pub fn truncate(s: &str, columns: usize) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    let s = sanitize_line(s);
    if width(&s) <= columns {
        return s;
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = width(g);
        if used + w + 1 > columns {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    out
}

/// `free` shortened with … so that `fixed` columns of status after it still fit a line
/// `columns` wide: a name gives way, what it is doing never does.
pub fn fit(free: &str, fixed: usize, columns: usize) -> String {
    truncate(free, columns.saturating_sub(fixed).max(2))
}

/// The columns an entry of `entries` has inside a panel `width` wide, past its marker.
pub fn entry_columns(width: u16) -> usize {
    usize::from(width.saturating_sub(2)).saturating_sub(yishi_text::width("► "))
}

/// `text` wrapped to `columns` with the Chinese line-breaking rules, one styled line each.
pub fn wrapped(text: &str, columns: u16, style: ratatui::style::Style) -> Vec<Line<'static>> {
    yishi_text::wrap(text, columns.max(2) as usize)
        .into_iter()
        .map(|l| Line::from(Span::styled(l, style)))
        .collect()
}

/// A bordered list of entries, each one or more lines, scrolled so the selected entry shows;
/// the selected entry's first line is marked.
pub fn entries(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    title: String,
    entries: Vec<Vec<Line<'static>>>,
    selected: Option<usize>,
) {
    let block = panel(model, title, area.width);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut lines: Vec<Line> = Vec::new();
    let mut first_of_selected = 0;
    for (i, entry) in entries.into_iter().enumerate() {
        let chosen = selected == Some(i);
        if chosen {
            first_of_selected = lines.len();
        }
        for (j, mut line) in entry.into_iter().enumerate() {
            let mark = if chosen && j == 0 { "► " } else { "  " };
            line.spans
                .insert(0, Span::styled(mark, model.theme.title()));
            if chosen && j == 0 {
                line = line.patch_style(model.theme.selected());
            }
            lines.push(line);
        }
    }
    let height = inner.height as usize;
    let scroll = (first_of_selected + 1).saturating_sub(height);
    frame.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), inner);
}

/// `label` then the items joined by 、, wrapped so that no item (a name) is split.
pub fn wrapped_items(
    label: &str,
    items: &[String],
    columns: u16,
    style: ratatui::style::Style,
) -> Vec<Line<'static>> {
    let columns = columns.max(4) as usize;
    let mut lines = Vec::new();
    let mut line = label.to_string();
    for (i, item) in items.iter().enumerate() {
        let piece = if i + 1 < items.len() {
            format!("{item}、")
        } else {
            item.clone()
        };
        if width(&line) + width(&piece) > columns && width(&line) > 0 {
            lines.push(Line::from(Span::styled(std::mem::take(&mut line), style)));
        }
        line.push_str(&truncate(&piece, columns));
    }
    lines.push(Line::from(Span::styled(line, style)));
    lines
}

/// A bordered list with the screen's selected row marked, scrolled into view.
/// The rows of a list of `len` that show in `height` lines with `selected` among them: the
/// list scrolls only as far as the selection needs. Only these are built, so a list of tens of
/// thousands costs a frame no more than a list of ten.
pub fn window(selected: usize, len: usize, height: usize) -> std::ops::Range<usize> {
    let height = height.max(1);
    let start = (selected + 1).saturating_sub(height).min(len);
    start..(start + height).min(len)
}

/// A meeting as a list row: its date, `council` (if any), year and number, a `mark` (its state
/// or its signature) and as much of its title as fits in `columns`.
pub fn meeting_line(
    model: &Model,
    h: &yishi_store::MeetingHead,
    council: &str,
    mark: Span<'static>,
    columns: usize,
) -> Line<'static> {
    let label = h.numbered().short(model.lang);
    let head = format!("{}  {council}{label}  ", h.start.format("%Y-%m-%d"));
    let room = columns.saturating_sub(width(&head) + width(&mark.content));
    Line::from(vec![
        Span::raw(head),
        mark,
        Span::raw(truncate(&h.title, room)),
    ])
}

/// A list of one-line rows where the selected row's words (not the whole row) are marked:
/// moving the selection then rewrites two rows' words and nothing else.
pub fn line_list(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    title: String,
    len: usize,
    line: impl Fn(usize) -> Line<'static>,
) {
    let shown = window(
        model.selected,
        len,
        usize::from(area.height.saturating_sub(2)),
    );
    let first = shown.start;
    let selected = (model.selected < len).then(|| model.selected - first);
    let items: Vec<ratatui::widgets::ListItem> = shown
        .map(|i| {
            let mut l = line(i);
            if Some(i - first) == selected {
                for span in &mut l.spans {
                    span.style = span.style.patch(model.theme.selected());
                }
            }
            ratatui::widgets::ListItem::new(l)
        })
        .collect();
    let list = ratatui::widgets::List::new(items)
        .block(panel(model, title, area.width))
        .highlight_symbol("► ");
    let mut state = ratatui::widgets::ListState::default().with_selected(selected);
    frame.render_stateful_widget(list, area, &mut state);
}

pub fn selectable_list(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    title: String,
    len: usize,
    item: impl Fn(usize) -> ratatui::widgets::ListItem<'static>,
) {
    let shown = window(
        model.selected,
        len,
        usize::from(area.height.saturating_sub(2)),
    );
    let selected = (model.selected < len).then(|| model.selected - shown.start);
    let list = ratatui::widgets::List::new(shown.map(item))
        .block(panel(model, title, area.width))
        .highlight_style(model.theme.selected())
        .highlight_symbol("► ");
    let mut state = ratatui::widgets::ListState::default().with_selected(selected);
    frame.render_stateful_widget(list, area, &mut state);
}

#[cfg(test)]
mod window_tests {
    use super::window;

    #[test]
    fn the_window_holds_the_selection_and_no_more_than_fits() {
        let cases = [
            // (selected, len, height) → rows built
            ((0, 0, 5), 0..0),
            ((0, 3, 5), 0..3),
            ((4, 10, 5), 0..5),
            ((5, 10, 5), 1..6),
            ((9, 10, 5), 5..10),
            ((59_999, 60_000, 50), 59_950..60_000),
            ((0, 60_000, 0), 0..1),
        ];
        for ((selected, len, height), want) in cases {
            assert_eq!(
                window(selected, len, height),
                want,
                "{selected} {len} {height}"
            );
        }
    }
}
