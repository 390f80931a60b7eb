//! 群众评议: 满意 / 基本满意 / 不满意 counts and comments, the rate against the council's
//! threshold, and the conclusion: 办结 or 整改.

use crate::words;
use crate::words::values;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use yishi_domain::ConcludeReview;

use super::{panel, wrapped};
use crate::action::Action;
use crate::effect::Effect;
use crate::forms;
use crate::model::Model;
use yishi_domain::{Change, Matter, Review};
use yishi_text::Lang;

/// 90.7%
pub fn rate(r: &Review) -> String {
    r.rate_permille()
        .map_or_else(|| "-".to_string(), |p| format!("{}.{}%", p / 10, p % 10))
}

pub fn update(model: &Model, action: Action) -> Vec<Effect> {
    let (Some((m, _)), Some(meeting), Some(c)) =
        (model.matter(), model.meeting_id(), &model.data.council)
    else {
        return Vec::new();
    };
    let matter = m.id;
    match action {
        Action::RecordReview => vec![Effect::form(forms::review(matter, meeting))],
        Action::ConcludeReview => {
            let Some(r) = m
                .reviews
                .last()
                .filter(|r| r.passed.is_none() && r.total() > 0)
            else {
                return vec![Effect::Refuse(model.say(words::NO_REVIEW_COUNTS_YET_PRESS))];
            };
            let done = m.tasks.iter().filter(|t| t.percent() >= 100).count();
            if r.reaches(c.satisfaction_threshold) && done < m.tasks.len() {
                // 办结 with tasks still open is recorded only with the reason why.
                return vec![Effect::form(forms::conclude(matter, meeting))];
            }
            let outcome = if r.reaches(c.satisfaction_threshold) {
                model.say(words::COMPLETED)
            } else {
                model.say(words::RECTIFY_BACK_TO_EXECUTION)
            };
            let question = format!(
                "{}{}{}{}%{}{outcome}{}",
                model.say(words::SATISFACTION_LEAD),
                rate(r),
                model.say(words::THRESHOLD),
                c.satisfaction_threshold,
                model.say(words::CONCLUSION),
                model.say(words::CONFIRM),
            );
            vec![Effect::ask(
                question,
                vec![Change::ConcludeReview(ConcludeReview {
                    matter,
                    meeting,
                    waiver: String::new(),
                })],
            )]
        }
        _ => Vec::new(),
    }
}

pub fn counts_words(model: &Model, r: &Review) -> String {
    match model.lang {
        Lang::En => format!(
            "satisfied {}  basically {}  dissatisfied {}",
            r.satisfied, r.basically_satisfied, r.dissatisfied
        ),
        Lang::ZhHant => format!(
            "滿意 {}　基本滿意 {}　不滿意 {}",
            r.satisfied, r.basically_satisfied, r.dissatisfied
        ),
        Lang::ZhHans => format!(
            "满意 {}　基本满意 {}　不满意 {}",
            r.satisfied, r.basically_satisfied, r.dissatisfied
        ),
    }
}

pub fn view(frame: &mut Frame, area: Rect, model: &Model, m: &Matter) {
    let Some(c) = &model.data.council else {
        return;
    };
    let t = &model.theme;
    let cols = area.width.saturating_sub(2);
    let mut lines = vec![Line::from(Span::styled(
        format!(
            "{}{}%{}",
            model.say(words::COMPLETED_WHEN_SATISFIED_BASICALLY_SATIS),
            c.satisfaction_threshold,
            model.say(words::OF_THE_VOTES)
        ),
        t.muted(),
    ))];
    if m.reviews.is_empty() {
        lines.push(Line::default());
        lines.extend(wrapped(
            &model.say(words::NO_REVIEW_YET_PRESS_E),
            cols,
            t.muted(),
        ));
    }
    for (i, r) in m.reviews.iter().enumerate() {
        lines.push(Line::default());
        let round = values::review_round(model.lang, i + 1);
        lines.push(Line::from(Span::styled(round, t.title())));
        lines.push(Line::from(counts_words(model, r)));
        let (verdict, style) = match r.passed {
            Some(true) => (model.say(words::COMPLETED_MARK), t.ok()),
            Some(false) => (model.say(words::RECTIFY), t.bad()),
            None => (model.say(words::TO_CONCLUDE_K), t.warn()),
        };
        lines.push(Line::from(vec![
            Span::styled(
                format!(
                    "{}{}{}",
                    model.say(words::RATE_LEAD),
                    rate(r),
                    model.lang.gap()
                ),
                t.title(),
            ),
            Span::styled(verdict, style),
        ]));
        for comment in &r.comments {
            lines.extend(wrapped(&model.lang.quoted(comment), cols, t.muted()));
        }
    }
    let title = model.say(words::REVIEW_E_ENTER_K_CONCLUDE);
    frame.render_widget(
        Paragraph::new(lines).block(panel(model, title, area.width)),
        area,
    );
}
