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
use crate::tui::app::App;
use crate::tui::forms;

/// 90.7%
pub fn rate(r: &Review) -> String {
    r.rate_permille()
        .map_or_else(|| "-".to_string(), |p| format!("{}.{}%", p / 10, p % 10))
}

pub fn update(app: &mut App, action: Action) {
    let (Some((m, _)), Some(meeting), Some(c)) = (
        super::matter::current(app),
        app.meeting_id(),
        &app.data.council,
    ) else {
        return;
    };
    let matter = m.id;
    match action {
        Action::RecordReview => app.open_form(forms::review(matter, meeting)),
        Action::ConcludeReview => {
            let Some(r) = m
                .reviews
                .last()
                .filter(|r| r.passed.is_none() && r.total() > 0)
            else {
                return app.refuse(app.say(
                    "还没有评议票数：按 e 录入。",
                    "還沒有評議票數：按 e 錄入。",
                    "No review counts yet: press e.",
                ));
            };
            let done = m.tasks.iter().filter(|t| t.percent() >= 100).count();
            if r.reaches(c.satisfaction_threshold) && done < m.tasks.len() {
                // 办结 with tasks still open is recorded only with the reason why.
                return app.open_form(forms::conclude(matter, meeting));
            }
            let outcome = if r.reaches(c.satisfaction_threshold) {
                app.say("办结", "辦結", "completed")
            } else {
                app.say(
                    "整改（退回执行督办）",
                    "整改（退回執行督辦）",
                    "rectify (back to execution)",
                )
            };
            let question = format!(
                "{}{}{}{}%{}{outcome}{}",
                app.say("满意率 ", "滿意率 ", "Satisfaction "),
                rate(r),
                app.say("，办结标准 ", "，辦結標準 ", ", threshold "),
                c.satisfaction_threshold,
                app.say("。结论：", "。結論：", ". Conclusion: "),
                app.say("。确认？", "。確認？", ". Confirm?"),
            );
            app.ask(
                question,
                vec![Change::ConcludeReview {
                    matter,
                    meeting,
                    waiver: String::new(),
                }],
            );
        }
        _ => {}
    }
}

pub fn counts_words(app: &App, r: &Review) -> String {
    match app.lang {
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

pub fn view(frame: &mut Frame, area: Rect, app: &App, m: &Matter) {
    let Some(c) = &app.data.council else {
        return;
    };
    let t = &app.theme;
    let cols = area.width.saturating_sub(2);
    let mut lines = vec![Line::from(Span::styled(
        format!(
            "{}{}%{}",
            app.say(
                "办结标准：满意率（满意＋基本满意）达到 ",
                "辦結標準：滿意率（滿意＋基本滿意）達到 ",
                "Completed when satisfied + basically satisfied reach "
            ),
            c.satisfaction_threshold,
            app.say("", "", " of the votes")
        ),
        t.muted(),
    ))];
    if m.reviews.is_empty() {
        lines.push(Line::default());
        lines.extend(wrapped(
            &app.say(
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
        let round = match app.lang {
            Lang::En => format!("Round {}", i + 1),
            _ => format!("第{}{}", i + 1, app.say("轮评议", "輪評議", "")),
        };
        lines.push(Line::from(Span::styled(round, t.title())));
        lines.push(Line::from(counts_words(app, r)));
        let (verdict, style) = match r.passed {
            Some(true) => (app.say("✓ 办结", "✓ 辦結", "✓ completed"), t.ok()),
            Some(false) => (app.say("✗ 整改", "✗ 整改", "✗ rectify"), t.bad()),
            None => (
                app.say("待结论（K）", "待結論（K）", "to conclude (K)"),
                t.warn(),
            ),
        };
        lines.push(Line::from(vec![
            Span::styled(
                format!("{}{}　", app.say("满意率 ", "滿意率 ", "rate "), rate(r)),
                t.title(),
            ),
            Span::styled(verdict, style),
        ]));
        for comment in &r.comments {
            lines.extend(wrapped(&format!("「{comment}」"), cols, t.muted()));
        }
    }
    let title = app.say(
        "群众评议（e 录入　K 结论）",
        "群眾評議（e 錄入　K 結論）",
        "Review (e enter  K conclude)",
    );
    frame.render_widget(Paragraph::new(lines).block(panel(app, title)), area);
}
