//! The wall at the level of the meeting: with none running, at the roll call and the agenda,
//! during a break and at the close.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

/// Rows a name or a word said large takes at most: smaller than the step's key figure.
pub(super) const WORD_ROWS: u16 = 8;

use crate::model::Model;
use crate::widgets::stack::{self, Piece};
use crate::words;
use yishi_domain::{Council, Meeting};
use yishi_text::sanitize_line;

/// With no meeting open: said plainly, large.
pub(super) fn nothing_running(frame: &mut Frame, area: Rect, model: &Model) {
    let t = &model.theme;
    let mut pieces = Vec::new();
    if let Some(c) = &model.data.council {
        pieces.push(Piece::line(Line::styled(sanitize_line(&c.name), t.muted())));
        pieces.push(Piece::Gap);
    }
    pieces.push(Piece::big_at_most(
        model.say(words::NO_MEETING_RUNNING),
        t.title(),
        WORD_ROWS,
    ));
    pieces.push(Piece::Gap);
    pieces.push(Piece::line(Line::styled(
        model.say(words::WALL_WAITS),
        t.muted(),
    )));
    stack::draw(frame, area, &pieces);
}

/// 休会, large, with the time the break began.
pub(super) fn adjourned(model: &Model, meeting: &Meeting) -> Vec<Piece> {
    let t = &model.theme;
    let mut pieces = vec![Piece::big_at_most(
        model.say(words::ADJOURNED_LOUD),
        t.warn(),
        WORD_ROWS * 2,
    )];
    if let Some(a) = meeting.adjournments.last() {
        pieces.push(Piece::Gap);
        let since = a.at.format("%H:%M").to_string();
        pieces.push(Piece::big_at_most(since, t.muted(), WORD_ROWS));
        pieces.push(Piece::words(model.say(words::ADJOURNED_SINCE), t.muted()));
    }
    pieces
}

/// 散会, large, and what the meeting decided, matter by matter.
pub(super) fn closed(model: &Model, meeting: &Meeting) -> Vec<Piece> {
    let t = &model.theme;
    let mut lines = Vec::new();
    for (i, x) in model.data.agenda.iter().enumerate() {
        let n = crate::screens::agenda::number(model.lang, i);
        let said = match model
            .data
            .motion_on_floor(x)
            .map(|v| (v.passed, v.no_decision))
        {
            Some((Some(true), _)) => model.say(words::ADOPTED_LOUD),
            Some((Some(false), true)) => model.say(words::NO_DECISION_LOUD),
            Some((Some(false), false)) => model.say(words::REJECTED_LOUD),
            _ => model.say(words::NOT_VOTED_ON),
        };
        let title = crate::screens::truncate(&sanitize_line(&x.title), 40);
        lines.push(Line::styled(
            format!("{n}{title}{}{said}", model.lang.gap()),
            t.title(),
        ));
    }
    let mut pieces = vec![
        Piece::big_at_most(model.say(words::ENDED_LOUD), t.ok(), WORD_ROWS * 2),
        Piece::Gap,
    ];
    if let Some(end) = meeting.end {
        let at = end.format("%H:%M").to_string();
        pieces.push(Piece::line(Line::styled(
            format!("{}{at}", model.say(words::ENDED_AT)),
            t.muted(),
        )));
        pieces.push(Piece::Gap);
    }
    pieces.push(Piece::Lines(lines));
    pieces
}

/// 应到 and 实到 side by side, and whether they make a quorum.
pub(super) fn turnout(
    model: &Model,
    c: &Council,
    meeting: &Meeting,
    cap: Option<u16>,
) -> Vec<Piece> {
    let t = &model.theme;
    let n = meeting.turnout(c);
    let mut pieces = vec![Piece::Columns {
        items: vec![
            (
                model.say(words::ENTITLED).to_string(),
                n.entitled.to_string(),
            ),
            (model.say(words::PRESENT).to_string(), n.present.to_string()),
        ],
        heading: t.title(),
        style: t.base(),
        cap,
    }];
    // Owners decide by those taking part, counted as each vote closes: no verdict on the roll.
    if c.rule.quorum_at_opening() {
        let (word, style) = if c.rule.quorum_met(n.present, n.entitled) {
            (words::QUORUM_LOUD, t.ok())
        } else {
            (words::NO_QUORUM_LOUD, t.bad())
        };
        pieces.push(Piece::Gap);
        pieces.push(Piece::big_at_most(model.say(word), style, WORD_ROWS));
    } else {
        pieces.push(Piece::line(Line::styled(
            model.say(words::SHARES_AT_THE_VOTE),
            t.muted(),
        )));
    }
    pieces
}

pub(super) fn roll_call(model: &Model, c: &Council, meeting: &Meeting) -> Vec<Piece> {
    turnout(model, c, meeting, None)
}

pub(super) fn agenda(model: &Model, c: &Council, meeting: &Meeting) -> Vec<Piece> {
    let t = &model.theme;
    let lines = model
        .data
        .agenda
        .iter()
        .enumerate()
        .map(|(i, x)| {
            let n = crate::screens::agenda::number(model.lang, i);
            Line::styled(format!("{n}{}", sanitize_line(&x.title)), t.title())
        })
        .collect();
    let mut pieces = vec![Piece::Lines(lines), Piece::Gap];
    pieces.extend(turnout(model, c, meeting, Some(WORD_ROWS * 2)));
    pieces
}
