//! The presentation view: what the room needs and nothing else, large and calm. The matter's
//! short title in giant letters when it fits, the step, then the step's one big thing: the
//! speaker and countdown, the tally and quorum, the result, the rate.

use crate::tui::words;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{author, collect, decide, execute, hear, review, turnout_spans, wrapped};
use crate::domain::{Ballots, Matter, Step, VoteState};
use crate::text::{Lang, sanitize_line};
use crate::tui::model::{Model, Screen};
use crate::tui::widgets::{big, stepper};

/// Giant text centred in `area` when it fits, else one bold centred line. Returns the rows used.
fn giant(frame: &mut Frame, area: Rect, text: &str, style: Style) -> u16 {
    let text = sanitize_line(text);
    match big::width(&text) {
        Some(w) if w <= area.width && area.height >= big::HEIGHT => {
            let x = area.x + (area.width - w) / 2;
            big::render(
                &text,
                Rect::new(x, area.y, w, big::HEIGHT),
                frame.buffer_mut(),
                style,
            );
            big::HEIGHT
        }
        _ => {
            centred(frame, area, vec![Line::from(Span::styled(text, style))]);
            1
        }
    }
}

fn centred(frame: &mut Frame, area: Rect, lines: Vec<Line<'static>>) -> u16 {
    let n = (lines.len() as u16).min(area.height);
    frame.render_widget(Paragraph::new(lines).centered(), Rect { height: n, ..area });
    n
}

/// Rows from `y` to the bottom of `area`.
fn below(area: Rect, used: u16) -> Rect {
    let used = used.min(area.height);
    Rect {
        y: area.y + used,
        height: area.height - used,
        ..area
    }
}

pub fn view(frame: &mut Frame, area: Rect, model: &Model) {
    let t = &model.theme;
    let inner = Rect {
        x: area.x + 2,
        width: area.width.saturating_sub(4),
        y: area.y + 1,
        height: area.height.saturating_sub(2),
    };
    let mut top = Vec::new();
    if let (Some(c), Some(m)) = (&model.data.council, &model.data.meeting) {
        top.push(Line::from(Span::styled(
            format!("{} · {}", sanitize_line(&c.name), m.label(model.lang)),
            t.muted(),
        )));
    }
    let Some((m, step)) = model.matter() else {
        let mut lines = top;
        lines.push(Line::default());
        if let (Some(c), Some(meeting)) = (&model.data.council, &model.data.meeting) {
            if let Screen::Agenda = model.screen {
                for (i, x) in model.data.agenda.iter().enumerate() {
                    let n = match model.lang {
                        Lang::En => format!("{}. ", i + 1),
                        _ => format!("{}、", crate::text::chinese_number(i as u32 + 1)),
                    };
                    lines.push(Line::from(Span::styled(
                        format!("{n}{}", x.title),
                        t.title(),
                    )));
                }
                lines.push(Line::default());
            }
            lines.push(Line::from(turnout_spans(model, c, meeting)));
        }
        centred(frame, inner, lines);
        return;
    };
    let mut used = centred(frame, inner, top) + 1;
    // The giant title takes 8 rows: only when the step's own content still has room.
    let tall = inner.height >= 36;
    used += if tall {
        giant(frame, below(inner, used), &m.short_title, t.title())
    } else {
        centred(
            frame,
            below(inner, used),
            vec![Line::from(Span::styled(sanitize_line(&m.title), t.title()))],
        )
    } + 1;
    let mut steps = stepper::line(m.stage, step, model.lang, t);
    steps = steps.centered();
    used += centred(frame, below(inner, used), vec![steps]) + 1;
    let rest = below(inner, used);
    match step {
        Step::Collect => collect_view(frame, rest, model, m),
        Step::Hear => hear_view(frame, rest, model, m),
        Step::Decide => decide_view(frame, rest, model, m),
        Step::Execute => execute_view(frame, rest, model, m),
        Step::Review => review_view(frame, rest, model, m),
    }
}

fn collect_view(frame: &mut Frame, area: Rect, model: &Model, m: &Matter) {
    let Some(c) = &model.data.council else {
        return;
    };
    let mut lines = vec![collect::counts_line(model, m).centered(), Line::default()];
    let cols = area.width.saturating_sub(10);
    for o in m.opinions.iter().rev().take(4) {
        let text = format!("{}：{}", author(c, &o.author, model.lang), o.text);
        lines.extend(
            wrapped(&text, cols, model.theme.base())
                .into_iter()
                .map(|l| l.centered()),
        );
    }
    centred(frame, area, lines);
}

fn hear_view(frame: &mut Frame, area: Rect, model: &Model, m: &Matter) {
    let Some(c) = &model.data.council else {
        return;
    };
    let t = &model.theme;
    let Some(timer) = hear::running(model, m) else {
        let waiting: Vec<String> = m
            .speeches
            .iter()
            .filter(|s| !s.done)
            .map(|s| author(c, &s.speaker, model.lang))
            .collect();
        let line = if waiting.is_empty() {
            model.say(words::NO_MORE_SPEAKERS)
        } else {
            format!(
                "{}{}",
                model.say(words::WAITING_TO_SPEAK),
                waiting.join("、")
            )
        };
        centred(
            frame,
            area,
            wrapped(&line, area.width, t.title())
                .into_iter()
                .map(|l| l.centered())
                .collect(),
        );
        return;
    };
    let who = m
        .speeches
        .get(timer.index)
        .map(|s| {
            author(c, &s.speaker, model.lang)
                + &super::aside(model.lang, s.stance.label(model.lang))
        })
        .unwrap_or_default();
    let left = hear::remaining(model, timer);
    let (words, style) = hear::countdown(model, left);
    let mut used = centred(frame, area, vec![Line::from(Span::styled(who, t.title()))]) + 1;
    used += giant(frame, below(area, used), &super::clock(left.abs()), style) + 1;
    let next = m
        .speeches
        .iter()
        .enumerate()
        .find(|(i, s)| !s.done && *i != timer.index)
        .map(|(_, s)| author(c, &s.speaker, model.lang));
    let mut lines = vec![Line::from(Span::styled(words, style))];
    if let Some(n) = next {
        lines.push(Line::from(format!("{}{n}", model.say(words::NEXT))));
    }
    centred(frame, below(area, used), lines);
}

fn decide_view(frame: &mut Frame, area: Rect, model: &Model, m: &Matter) {
    let (Some(c), Some(meeting)) = (&model.data.council, &model.data.meeting) else {
        return;
    };
    let t = &model.theme;
    let Some(v) = model.data.motion_on_floor(m) else {
        return awaiting(frame, area, model, words::AWAITING_A_MOTION);
    };
    let mut lines: Vec<Line> = Vec::new();
    // An amendment is named as one, so the room knows the motion itself comes after.
    if v.amends.is_some() {
        lines.push(Line::from(Span::styled(
            model.say(words::AMENDMENT_VOTED_FIRST),
            t.warn(),
        )));
    }
    lines.extend(
        wrapped(&v.text, area.width.saturating_sub(10), t.base())
            .into_iter()
            .map(|l| l.centered()),
    );
    lines.push(Line::from(Span::styled(
        v.mode.label(model.lang).to_string(),
        t.muted(),
    )));
    let mut used = centred(frame, area, lines) + 1;
    // An election: the names and their votes, then who is elected.
    if let Some(e) = &v.election {
        let mut lines = vec![Line::from(crate::tui::words::values::election_put(
            model.lang,
            e.seats,
            &e.candidates,
            e.contested(),
        ))];
        if let Some(count) = &e.count {
            lines.push(Line::default());
            for (name, n) in &count.votes {
                lines.push(Line::from(Span::styled(format!("{name}　{n}"), t.title())));
            }
        }
        if let Some(o) = e.outcome() {
            let style = if o.complete() { t.ok() } else { t.warn() };
            lines.push(Line::default());
            let said = crate::tui::words::values::elected(model.lang, &o.elected, &o.tied);
            lines.push(Line::from(Span::styled(said, style)));
        }
        centred(frame, below(area, used), lines);
        return;
    }
    if v.state == VoteState::Proposed {
        let mut lines = Vec::new();
        // The motion as amended: the room is told it now reads so.
        if model
            .data
            .amendments_of(m, v.id)
            .iter()
            .any(|a| a.passed == Some(true))
        {
            let said = model.say(words::AMENDED_NOW_READS_SO);
            lines.push(Line::from(Span::styled(said, t.ok())));
        }
        lines.push(Line::from(turnout_spans(model, c, meeting)));
        centred(frame, below(area, used), lines);
        return;
    }
    // Taken off the floor before the vote: said large, no figures.
    let aside = match v.state {
        VoteState::Withdrawn => Some(words::WITHDRAWN_LOUD),
        VoteState::Deferred => Some(words::DEFERRED_LOUD),
        _ => None,
    };
    if let Some(word) = aside {
        giant(frame, below(area, used + 1), &model.say(word), t.warn());
        return;
    }
    // A column for each figure, a label over a big number: yes, no, abstain (and spoiled);
    // a secret ballot box before it is counted shows only how many have voted.
    let tally = v.tally();
    let figures: Vec<(String, String)> = match &v.ballots {
        Ballots::Secret { voted, .. } if !v.ballots.counted() => vec![(
            model.say(words::BALLOTS_IN_THE_BOX),
            format!("{}/{}", voted.len(), tally.present),
        )],
        _ => {
            let mut f = vec![
                (model.say(words::YES), tally.yes.to_string()),
                (model.say(words::NO_HEADING), tally.no.to_string()),
                (model.say(words::ABSTAIN), tally.abstain.to_string()),
            ];
            if tally.spoiled > 0 {
                f.push((model.say(words::SPOILED), tally.spoiled.to_string()));
            }
            f
        }
    };
    let row = below(area, used);
    let cols = Layout::horizontal(vec![Constraint::Fill(1); figures.len()]).split(row);
    for (r, (label, n)) in cols.iter().zip(figures) {
        let label_rows = centred(frame, *r, vec![Line::from(Span::styled(label, t.title()))]);
        giant(frame, below(*r, label_rows), &n, t.base());
    }
    used += 1 + big::HEIGHT + 1;
    // Owners: both shares, by area and by headcount, against the statute's lines.
    let bars = super::shares::lines(model, &crate::domain::decision(c, meeting, v), area.width);
    let mut lines = if bars.is_empty() {
        vec![Line::from(turnout_spans(model, c, meeting)).centered()]
    } else {
        bars
    };
    match v.passed {
        Some(passed) => {
            let (mark, style) = if passed {
                ("✓ ", t.ok())
            } else {
                ("✗ ", t.bad())
            };
            lines.push(Line::from(Span::styled(
                format!("{mark}{}", decide::verdict(model, passed)),
                style,
            )));
            let rest = below(area, used);
            let n = centred(frame, rest, lines);
            let word = if passed {
                model.say(words::ADOPTED_LOUD)
            } else {
                model.say(words::REJECTED_LOUD)
            };
            giant(frame, below(rest, n + 1), &word, style);
        }
        None => {
            lines.push(Line::from(Span::styled(
                super::outcomes::tally_words(model, v),
                t.muted(),
            )));
            centred(frame, below(area, used), lines);
        }
    }
}

fn execute_view(frame: &mut Frame, area: Rect, model: &Model, m: &Matter) {
    let mut lines = Vec::new();
    for (i, task) in m.tasks.iter().enumerate() {
        lines.push(
            Line::from(Span::styled(
                // Cut with its mark where the wall ends, never at the edge unseen.
                super::truncate(
                    &format!("{}. {}", i + 1, sanitize_line(&task.text)),
                    usize::from(area.width.saturating_sub(4)),
                ),
                model.theme.title(),
            ))
            .centered(),
        );
        lines.push(execute::task_head(model, task).centered());
        lines.push(Line::default());
    }
    if lines.is_empty() {
        lines.push(Line::from(model.say(words::TASKS_TO_BE_SET)));
    }
    centred(frame, area, lines);
}

fn review_view(frame: &mut Frame, area: Rect, model: &Model, m: &Matter) {
    let t = &model.theme;
    let Some(r) = m.reviews.last() else {
        return awaiting(frame, area, model, words::AWAITING_THE_REVIEW);
    };
    let n = centred(
        frame,
        area,
        vec![
            Line::from(review::counts_words(model, r)),
            Line::from(Span::styled(
                model.say(words::SATISFACTION_HEADING),
                t.title(),
            )),
        ],
    );
    let used = n + giant(frame, below(area, n), &review::rate(r), t.title()) + 1;
    let (word, style) = match r.passed {
        Some(true) => (model.say(words::COMPLETED_MARK), t.ok()),
        Some(false) => (model.say(words::RECTIFY), t.bad()),
        None => (String::new(), t.base()),
    };
    centred(
        frame,
        below(area, used),
        vec![Line::from(Span::styled(word, style))],
    );
}

/// What the wall shows before a step has anything to show.
fn awaiting(frame: &mut Frame, area: Rect, model: &Model, what: crate::text::Words) {
    let line = Line::from(Span::styled(model.say(what), model.theme.muted()));
    centred(frame, area, vec![line]);
}
