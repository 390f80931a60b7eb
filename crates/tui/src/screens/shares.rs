//! The shares an owners' vote must reach, as bars the back row can read: taking part and yes,
//! each by floor area and by headcount, against the line the statute draws.

use ratatui::text::{Line, Span};

use crate::model::Model;
use crate::words;
use yishi_domain::{Check, Decision, Measure};
use yishi_text::width;

/// `width` cells: filled to the share reached, with the statute's line marked.
fn bar(check: &Check, cells: usize) -> (String, String, String) {
    let n = cells as u64;
    let filled = (check.basis_points().min(10_000) * n / 10_000) as usize;
    let line = (u64::from(check.share.num) * n)
        .checked_div(u64::from(check.share.den))
        .map_or(cells, |at| at as usize)
        .min(cells.saturating_sub(1));
    let mut done = String::new();
    let mut rest = String::new();
    for i in 0..cells {
        let glyph = match (i < filled, i == line) {
            (_, true) => '┃',
            (true, false) => '█',
            (false, false) => '░',
        };
        if i < filled {
            done.push(glyph);
        } else {
            rest.push(glyph);
        }
    }
    (done, rest, check.percent())
}

/// Four lines — taking part by area and by headcount, then yes by each — for a decision
/// that counts area; none for one that does not.
pub fn lines(model: &Model, d: &Decision, columns: u16) -> Vec<Line<'static>> {
    let t = &model.theme;
    let mut out = Vec::new();
    let heads = [
        model.say(words::TAKING_PART),
        model.say(words::IN_FAVOUR_SHARE),
    ];
    let label_w = heads.iter().map(|h| width(h)).max().unwrap_or(0) + 1;
    let cells = usize::from(columns)
        .saturating_sub(label_w + 30)
        .clamp(10, 60);
    for (head, checks) in heads.iter().zip([&d.quorum, &d.passing]) {
        if !checks.iter().any(|c| c.measure == Measure::Area) {
            return Vec::new();
        }
        for (k, measure) in [Measure::Area, Measure::Heads].into_iter().enumerate() {
            let Some(c) = checks.iter().find(|c| c.measure == measure) else {
                continue;
            };
            let label = if k == 0 { head.clone() } else { String::new() };
            let pad = " ".repeat(label_w.saturating_sub(width(&label)));
            let what = match measure {
                Measure::Area => model.say(words::BY_AREA),
                Measure::Heads => model.say(words::BY_HEADCOUNT),
            };
            let (done, rest, percent) = bar(c, cells);
            let (mark, style) = if c.held {
                ("✓", t.ok())
            } else {
                ("✗", t.bad())
            };
            out.push(
                Line::from(vec![
                    Span::styled(format!("{label}{pad}{what} "), t.title()),
                    Span::styled(done, style),
                    Span::styled(rest, t.muted()),
                    Span::styled(format!(" {percent:>7} {mark}"), style),
                ])
                .centered(),
            );
        }
    }
    out
}
