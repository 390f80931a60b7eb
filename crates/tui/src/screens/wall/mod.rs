//! The presentation view: what the room needs and nothing else. A small heading (the council
//! and meeting, the matter, the five steps), then the step's one key figure as large as the
//! screen allows: the roll call's 应到 and 实到, the opinions collected, the speaker and the
//! countdown, the tally and the result, the tasks, the satisfaction rate. Drawn by the console
//! (`w`) and by `yishi wall` in a process of its own.

use crate::words;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{author, decide, execute, hear, review, turnout_spans, wrapped};
use crate::model::{Model, Notice, Screen};
use crate::widgets::stack::{self, Piece};
use crate::widgets::stepper;
use yishi_domain::{Ballots, Council, Matter, Meeting, MeetingState, Step, VoteState};
use yishi_text::sanitize_line;

mod meeting;

use meeting::WORD_ROWS;

use meeting::{adjourned, agenda, closed, nothing_running, roll_call, turnout};

pub fn view(frame: &mut Frame, area: Rect, model: &Model) {
    let t = &model.theme;
    let inner = Rect {
        x: area.x + 2,
        width: area.width.saturating_sub(4),
        y: area.y + 1,
        height: area.height.saturating_sub(2),
    };
    // What keeps the wall from following the record is said on its last row.
    let inner = match &model.notice {
        Some(Notice::Refused(why)) => {
            let last = Rect::new(inner.x, inner.bottom().saturating_sub(1), inner.width, 1);
            let line = Line::styled(sanitize_line(why), t.bad()).centered();
            frame.render_widget(Paragraph::new(line), last);
            Rect {
                height: inner.height.saturating_sub(1),
                ..inner
            }
        }
        _ => inner,
    };
    let (Some(c), Some(meeting)) = (&model.data.council, &model.data.meeting) else {
        return nothing_running(frame, inner, model);
    };
    let mut head = vec![Piece::line(Line::styled(
        format!("{} · {}", sanitize_line(&c.name), meeting.label(model.lang)),
        t.muted(),
    ))];
    // A break and the close are the room's to see, whatever the console has open.
    let matter = model
        .matter()
        .filter(|_| !meeting.adjourned() && meeting.state != MeetingState::Ended);
    if let Some((m, step)) = matter {
        head.push(Piece::Gap);
        head.push(Piece::words(sanitize_line(&m.title), t.title()));
        head.push(Piece::line(stepper::line(m.stage, step, model.lang, t)));
    }
    let width = inner.width;
    let pieces = match matter {
        None if meeting.adjourned() => adjourned(model, meeting),
        None if meeting.state == MeetingState::Ended => closed(model, meeting),
        Some((m, Step::Collect)) => collect(model, c, m, width),
        Some((m, Step::Hear)) => hear_pieces(model, c, m),
        Some((m, Step::Decide)) => decide_pieces(model, c, meeting, m, width),
        Some((m, Step::Execute)) => execute_pieces(model, m, width),
        Some((m, Step::Review)) => review_pieces(model, m),
        None if model.screen == Screen::Agenda => agenda(model, c, meeting),
        None => roll_call(model, c, meeting),
    };
    stack::draw_with_head(frame, inner, &head, &pieces);
}

fn collect(model: &Model, c: &Council, m: &Matter, width: u16) -> Vec<Piece> {
    let t = &model.theme;
    let mut pieces = vec![
        Piece::words(model.say(words::OPINIONS_COLLECTED), t.title()),
        Piece::big(m.opinions.len().to_string(), t.base()),
        Piece::line(super::collect::counts_line(model, m)),
        Piece::Gap,
    ];
    let cols = width.saturating_sub(10);
    let mut lines = Vec::new();
    for o in m.opinions.iter().rev().take(3) {
        let text = format!("{}：{}", author(c, &o.author, model.lang), o.text);
        lines.extend(wrapped(&text, cols, t.base()));
    }
    pieces.push(Piece::Lines(lines));
    pieces
}

fn hear_pieces(model: &Model, c: &Council, m: &Matter) -> Vec<Piece> {
    let t = &model.theme;
    let waiting: Vec<String> = m
        .speeches
        .iter()
        .enumerate()
        .filter(|(i, s)| !s.done && hear::running(model, m).is_none_or(|r| r.index != *i))
        .map(|(_, s)| author(c, &s.speaker, model.lang))
        .collect();
    let Some(timer) = hear::running(model, m) else {
        // Between speakers the next name is the thing to read.
        let Some(first) = waiting.first() else {
            return vec![Piece::big_at_most(
                model.say(words::NO_MORE_SPEAKERS),
                t.muted(),
                WORD_ROWS,
            )];
        };
        let mut pieces = vec![
            Piece::words(model.say(words::NEXT_TO_SPEAK), t.title()),
            Piece::big(sanitize_line(first), t.title()),
        ];
        if waiting.len() > 1 {
            let line = format!(
                "{}{}",
                model.say(words::WAITING_TO_SPEAK),
                waiting[1..].join("、")
            );
            pieces.push(Piece::Gap);
            pieces.push(Piece::line(Line::styled(line, t.muted())));
        }
        return pieces;
    };
    let speech = m.speeches.get(timer.index);
    let name = speech
        .map(|s| author(c, &s.speaker, model.lang))
        .unwrap_or_default();
    let stance = speech
        .map(|s| s.stance.label(model.lang))
        .unwrap_or_default();
    let left = hear::remaining(model, timer);
    let (said, style) = hear::countdown(model, left);
    // Overtime counts up with a plus sign, in the colour and words of overtime.
    let figure = if left < 0 {
        format!("+{}", super::clock(-left))
    } else {
        super::clock(left)
    };
    let mut pieces = vec![
        Piece::words(
            format!(
                "{}{}{stance}",
                model.say(words::NOW_SPEAKING),
                model.lang.gap()
            ),
            t.muted(),
        ),
        Piece::big_at_most(sanitize_line(&name), t.title(), WORD_ROWS),
        Piece::Gap,
        Piece::big(figure, style),
    ];
    pieces.push(Piece::words(said, style));
    if let Some(next) = waiting.first() {
        pieces.push(Piece::line(format!("{}{next}", model.say(words::NEXT))));
    }
    pieces
}

fn decide_pieces(
    model: &Model,
    c: &Council,
    meeting: &Meeting,
    m: &Matter,
    width: u16,
) -> Vec<Piece> {
    let t = &model.theme;
    let Some(v) = model.data.motion_on_floor(m) else {
        return vec![Piece::big_at_most(
            model.say(words::AWAITING_A_MOTION),
            t.muted(),
            WORD_ROWS,
        )];
    };
    let mut lines: Vec<Line> = Vec::new();
    // An amendment is named as one, so the room knows the motion itself comes after.
    if v.amends.is_some() {
        lines.push(Line::styled(
            model.say(words::AMENDMENT_VOTED_FIRST),
            t.warn(),
        ));
    }
    let mut pieces = vec![
        Piece::Lines(lines),
        Piece::words(sanitize_line(&v.text), t.base()),
    ];
    let mut lines = vec![Line::styled(
        v.mode.label(model.lang).to_string(),
        t.muted(),
    )];
    // The item decided, and so the line it must reach.
    if let Some(said) = decide::item_decided(model, c, v) {
        lines.extend(wrapped(&said, width.saturating_sub(10), t.muted()));
    }
    pieces.push(Piece::Lines(lines));
    pieces.push(Piece::Gap);
    if let Some(e) = &v.election {
        pieces.push(Piece::Lines(super::outcomes::election_lines(
            model,
            e,
            width.saturating_sub(10),
        )));
        return pieces;
    }
    if v.state == VoteState::Proposed {
        // The motion as amended: the room is told it now reads so.
        if model
            .data
            .amendments_of(m, v.id)
            .iter()
            .any(|a| a.passed == Some(true))
        {
            let said = model.say(words::AMENDED_NOW_READS_SO);
            pieces.push(Piece::line(Line::styled(said, t.ok())));
        }
        pieces.extend(turnout(model, c, meeting, None));
        return pieces;
    }
    // Taken off the floor before the vote: said large, no figures.
    let aside = match v.state {
        VoteState::Withdrawn => Some(words::WITHDRAWN_LOUD),
        VoteState::Deferred => Some(words::DEFERRED_LOUD),
        _ => None,
    };
    if let Some(word) = aside {
        pieces.push(Piece::big(model.say(word), t.warn()));
        return pieces;
    }
    // A figure under each heading: yes, no, abstain (and spoiled); a secret ballot box before
    // it is counted shows only how many have voted.
    let tally = v.tally();
    let heading = |w| model.say(w).to_string();
    let items = match &v.ballots {
        Ballots::Secret { voted, .. } if !v.ballots.counted() => vec![(
            heading(words::BALLOTS_IN_THE_BOX),
            format!("{}/{}", voted.len(), tally.present),
        )],
        _ => {
            let mut f = vec![
                (heading(words::YES), tally.yes.to_string()),
                (heading(words::NO_HEADING), tally.no.to_string()),
                (heading(words::ABSTAIN), tally.abstain.to_string()),
            ];
            if tally.spoiled > 0 {
                f.push((heading(words::SPOILED), tally.spoiled.to_string()));
            }
            f
        }
    };
    // The tally stays the key figure once decided; the result is said large beneath it.
    let decided = v.passed;
    pieces.push(Piece::Columns {
        items,
        heading: t.title(),
        style: t.base(),
        cap: None,
    });
    pieces.push(Piece::Gap);
    let bars = super::shares::lines(model, &yishi_domain::decision(c, meeting, v), width);
    if bars.is_empty() {
        pieces.push(Piece::line(turnout_spans(model, c, meeting)));
    } else {
        pieces.push(Piece::Lines(bars));
    }
    match decided {
        Some(passed) => {
            let (mark, style) = if passed {
                ("✓ ", t.ok())
            } else {
                ("✗ ", t.bad())
            };
            let verdict = format!("{mark}{}", decide::verdict(model, v, passed, v.no_decision));
            // The count in words too, under its figures: what the minutes will say.
            pieces.push(Piece::line(Span::styled(
                super::outcomes::tally_words(model, v),
                t.muted(),
            )));
            pieces.push(Piece::line(Span::styled(verdict, style)));
            let word = if passed {
                words::ADOPTED_LOUD
            } else if v.no_decision {
                words::NO_DECISION_LOUD
            } else {
                words::REJECTED_LOUD
            };
            pieces.push(Piece::Gap);
            pieces.push(Piece::big_at_most(model.say(word), style, WORD_ROWS));
        }
        None => pieces.push(Piece::line(Span::styled(
            super::outcomes::tally_words(model, v),
            t.muted(),
        ))),
    }
    pieces
}

fn execute_pieces(model: &Model, m: &Matter, width: u16) -> Vec<Piece> {
    let t = &model.theme;
    if m.tasks.is_empty() {
        return vec![Piece::big_at_most(
            model.say(words::TASKS_TO_BE_SET),
            t.muted(),
            WORD_ROWS,
        )];
    }
    let mut lines = Vec::new();
    for (i, task) in m.tasks.iter().enumerate() {
        lines.push(Line::styled(
            // Cut with its mark where the wall ends, never at the edge unseen.
            super::truncate(
                &format!("{}. {}", i + 1, sanitize_line(&task.text)),
                usize::from(width.saturating_sub(4)),
            ),
            t.title(),
        ));
        lines.push(execute::task_head(model, task, width.saturating_sub(4)));
    }
    // The figure is what its label says: the tasks, and of them those under supervision.
    let supervised = m.tasks.iter().filter(|x| x.is_supervised()).count();
    vec![
        Piece::words(model.say(words::TASKS_ON_THE_WALL), t.title()),
        Piece::big(m.tasks.len().to_string(), t.base()),
        Piece::line(Line::styled(
            crate::words::values::supervised_of(model.lang, supervised),
            t.muted(),
        )),
        Piece::Gap,
        Piece::Lines(lines),
    ]
}

fn review_pieces(model: &Model, m: &Matter) -> Vec<Piece> {
    let t = &model.theme;
    let Some(r) = m.reviews.last() else {
        return vec![Piece::big_at_most(
            model.say(words::AWAITING_THE_REVIEW),
            t.muted(),
            WORD_ROWS,
        )];
    };
    let mut pieces = vec![
        Piece::line(review::counts_words(model, r)),
        Piece::words(model.say(words::SATISFACTION_HEADING), t.title()),
        Piece::big(review::rate(r), t.title()),
    ];
    let verdict = match r.passed {
        Some(true) => Some((words::COMPLETED_LOUD, t.ok())),
        Some(false) => Some((words::RECTIFY_LOUD, t.bad())),
        None => None,
    };
    if let Some((word, style)) = verdict {
        pieces.push(Piece::Gap);
        pieces.push(Piece::big_at_most(model.say(word), style, WORD_ROWS));
    }
    pieces
}
