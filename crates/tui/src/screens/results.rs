//! Search results across all minutes: each place with its meeting and the words around it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;

use super::line_list;
use crate::archive::Hit;
use crate::effect::{Effect, Load};
use crate::model::{Model, Screen};
use crate::words::values;
use yishi_text::width;

pub fn select(model: &Model) -> Vec<Effect> {
    model
        .archive
        .results
        .get(model.selected)
        .map(|h| {
            Effect::Load(Load::Minutes {
                meeting: h.meeting,
                at: Some((h.para, h.range.start)),
            })
        })
        .into_iter()
        .collect()
}

/// After a search: its results on screen, and how many.
pub fn found(model: &Model, query: &str) -> Vec<Effect> {
    let n = model.archive.results.len();
    let said = values::found(model.lang, query, n, model.archive.found_more);
    vec![Effect::Visit(Screen::Results), Effect::Done(said)]
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

/// The hit with some words before it and as many after as fit in `columns`; an ellipsis (…,
/// one column) where the words before are cut.
fn excerpt(model: &Model, h: &Hit, columns: usize) -> Vec<Span<'static>> {
    let whole = &h.text[..h.range.start];
    let mut before = tail(whole, columns / 4);
    if before.len() < whole.len() {
        before = format!(
            "…{}",
            tail(whole, (columns / 4).saturating_sub(1)).trim_start()
        );
    }
    let hit = h.text[h.range.clone()].to_string();
    let used = width(&before) + width(&hit);
    let after = super::truncate(&h.text[h.range.end..], columns.saturating_sub(used));
    vec![
        Span::raw(before),
        Span::styled(
            hit,
            model
                .theme
                .warn()
                .add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
        ),
        Span::raw(after),
    ]
}

pub fn view(frame: &mut Frame, area: Rect, model: &Model) {
    let inner = usize::from(area.width.saturating_sub(4));
    let results = &model.archive.results;
    let item = |i: usize| {
        let h = &results[i];
        // The search text is laid out in the interface language, its labels with it.
        let head = format!("{}  {}  ", h.date.format("%Y-%m-%d"), h.label);
        let mut spans = vec![Span::styled(head.clone(), model.theme.title())];
        spans.extend(excerpt(model, h, inner.saturating_sub(width(&head) + 2)));
        Line::from(spans)
    };
    let q = &model.archive.query;
    let title = values::results_title(model.lang, q, results.len(), model.archive.found_more);
    line_list(frame, area, model, title, results.len(), item);
}
