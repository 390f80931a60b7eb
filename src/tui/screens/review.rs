//! 群众评议: 满意 / 基本满意 / 不满意 counts and comments, the rate against the council's
//! threshold, and the conclusion: 办结 or 整改.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{panel, wrapped};
use crate::domain::{Change, Matter, Review};
use crate::text::Lang;
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::forms;
use crate::tui::model::Model;

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
                return vec![Effect::Refuse(model.say(
                    "还没有评议票数：按 e 录入。",
                    "還沒有評議票數：按 e 錄入。",
                    "No review counts yet: press e.",
                ))];
            };
            let done = m.tasks.iter().filter(|t| t.percent() >= 100).count();
            if r.reaches(c.satisfaction_threshold) && done < m.tasks.len() {
                // 办结 with tasks still open is recorded only with the reason why.
                return vec![Effect::form(forms::conclude(matter, meeting))];
            }
            let outcome = if r.reaches(c.satisfaction_threshold) {
                model.say("办结", "辦結", "completed")
            } else {
                model.say(
                    "整改（退回执行督办）",
                    "整改（退回執行督辦）",
                    "rectify (back to execution)",
                )
            };
            let question = format!(
                "{}{}{}{}%{}{outcome}{}",
                model.say("满意率 ", "滿意率 ", "Satisfaction "),
                rate(r),
                model.say("，办结标准 ", "，辦結標準 ", ", threshold "),
                c.satisfaction_threshold,
                model.say("。结论：", "。結論：", ". Conclusion: "),
                model.say("。确认？", "。確認？", ". Confirm?"),
            );
            vec![Effect::ask(
                question,
                vec![Change::ConcludeReview {
                    matter,
                    meeting,
                    waiver: String::new(),
                }],
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
            model.say(
                "办结标准：满意率（满意＋基本满意）达到 ",
                "辦結標準：滿意率（滿意＋基本滿意）達到 ",
                "Completed when satisfied + basically satisfied reach "
            ),
            c.satisfaction_threshold,
            model.say("", "", " of the votes")
        ),
        t.muted(),
    ))];
    if m.reviews.is_empty() {
        lines.push(Line::default());
        lines.extend(wrapped(
            &model.say(
                "还没有评议：按 e 录入票数。",
                "還沒有評議：按 e 錄入票數。",
                "No review yet: press e to enter the counts.",
            ),
            cols,
            t.muted(),
        ));
    }
    for (i, r) in m.reviews.iter().enumerate() {
        lines.push(Line::default());
        let round = match model.lang {
            Lang::En => format!("Round {}", i + 1),
            _ => format!("第{}{}", i + 1, model.say("轮评议", "輪評議", "")),
        };
        lines.push(Line::from(Span::styled(round, t.title())));
        lines.push(Line::from(counts_words(model, r)));
        let (verdict, style) = match r.passed {
            Some(true) => (model.say("✓ 办结", "✓ 辦結", "✓ completed"), t.ok()),
            Some(false) => (model.say("✗ 整改", "✗ 整改", "✗ rectify"), t.bad()),
            None => (
                model.say("待结论（K）", "待結論（K）", "to conclude (K)"),
                t.warn(),
            ),
        };
        lines.push(Line::from(vec![
            Span::styled(
                format!("{}{}　", model.say("满意率 ", "滿意率 ", "rate "), rate(r)),
                t.title(),
            ),
            Span::styled(verdict, style),
        ]));
        for comment in &r.comments {
            lines.extend(wrapped(&format!("「{comment}」"), cols, t.muted()));
        }
    }
    let title = model.say(
        "群众评议（e 录入　K 结论）",
        "群眾評議（e 錄入　K 結論）",
        "Review (e enter  K conclude)",
    );
    frame.render_widget(Paragraph::new(lines).block(panel(model, title)), area);
}
