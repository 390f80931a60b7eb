//! 公开听证: the speakers list, the running speaker's countdown (a warning in the last 30
//! seconds, overtime shown), and each speech's stance and summary.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{aside, author, clock, entries, panel, wrapped};
use crate::domain::Matter;
use crate::tui::action::Action;
use crate::tui::app::{App, Timer};
use crate::tui::forms;

/// Seconds left for the running speaker (negative in overtime).
pub fn remaining(app: &App, timer: &Timer) -> i64 {
    let limit = app
        .data
        .meeting
        .as_ref()
        .map_or(180, |m| m.speaker_limit_secs) as i64;
    limit - (app.now - timer.started).num_seconds()
}

/// The countdown's words and style: calm, warning in the last 30 s, overtime.
pub fn countdown(app: &App, left: i64) -> (String, Style) {
    if left < 0 {
        (
            format!("{} {}", app.say("超时", "超時", "overtime"), clock(-left)),
            app.theme.bad(),
        )
    } else if left <= 30 {
        (
            format!("{} {}", app.say("最后", "最後", "last"), clock(left)),
            app.theme.warn(),
        )
    } else {
        (
            format!("{} {}", app.say("剩余", "剩餘", "left"), clock(left)),
            app.theme.ok(),
        )
    }
}

/// The running timer, when it belongs to this matter.
pub fn running<'a>(app: &'a App, m: &Matter) -> Option<&'a Timer> {
    app.timer.as_ref().filter(|t| t.matter == m.id)
}

pub fn update(app: &mut App, action: Action) {
    let (Some((m, _)), Some(meeting)) = (super::matter::current(app), app.meeting_id()) else {
        return;
    };
    match action {
        Action::AddSpeaker => {
            let form = forms::speaker(&app.data, m.id, meeting, app.lang);
            app.open_form(form);
        }
        Action::StartSpeaker => {
            if app.timer.is_some() {
                app.refuse(app.say(
                    "有人正在发言：先按 f 结束。",
                    "有人正在發言：先按 f 結束。",
                    "Someone is speaking: press f first.",
                ));
                return;
            }
            let Some(index) = m.speeches.iter().position(|s| !s.done) else {
                app.refuse(app.say(
                    "没有等候发言的人：按 a 登记发言人。",
                    "沒有等候發言的人：按 a 登記發言人。",
                    "Nobody is waiting to speak: press a to add a speaker.",
                ));
                return;
            };
            app.timer = Some(Timer {
                matter: m.id,
                index,
                started: app.now,
            });
            app.selected = index;
        }
        Action::FinishSpeaker => {
            let Some(t) = running(app, m).copied() else {
                app.refuse(app.say(
                    "没有人在发言：按 n 请下一位。",
                    "沒有人在發言：按 n 請下一位。",
                    "Nobody is speaking: press n for the next speaker.",
                ));
                return;
            };
            let seconds = (app.now - t.started).num_seconds().max(0) as u32;
            let stance = m.speeches.get(t.index).map(|s| s.stance);
            if let Some(stance) = stance {
                let form = forms::speech(m.id, meeting, t.index, seconds, stance, app.lang);
                app.open_form(form);
            }
        }
        _ => {}
    }
}

pub fn view(frame: &mut Frame, area: Rect, app: &App, m: &Matter) {
    let Some(c) = &app.data.council else {
        return;
    };
    let t = &app.theme;
    let [now, list] = Layout::vertical([Constraint::Length(5), Constraint::Fill(1)]).areas(area);
    let limit = app
        .data
        .meeting
        .as_ref()
        .map_or(180, |m| m.speaker_limit_secs);
    let mut lines = Vec::new();
    match running(app, m) {
        Some(timer) => {
            let who = m
                .speeches
                .get(timer.index)
                .map(|s| {
                    author(c, &s.speaker, app.lang) + &aside(app.lang, s.stance.label(app.lang))
                })
                .unwrap_or_default();
            let (words, style) = countdown(app, remaining(app, timer));
            lines.push(Line::from(vec![
                Span::styled(who, t.title()),
                Span::raw("　"),
                Span::styled(words, style),
            ]));
        }
        None => lines.push(Line::from(Span::styled(
            app.say(
                "现在无人发言（n 请下一位）",
                "現在無人發言（n 請下一位）",
                "Nobody speaking (n: next speaker)",
            ),
            t.muted(),
        ))),
    }
    let waiting: Vec<String> = m
        .speeches
        .iter()
        .enumerate()
        .filter(|(i, s)| !s.done && running(app, m).is_none_or(|t| t.index != *i))
        .map(|(_, s)| author(c, &s.speaker, app.lang))
        .collect();
    let next = format!(
        "{}{}",
        app.say("等候：", "等候：", "Waiting: "),
        if waiting.is_empty() {
            app.say("（无）", "（無）", "none")
        } else {
            waiting.join("、")
        }
    );
    lines.extend(wrapped(&next, now.width.saturating_sub(2), t.base()));
    lines.push(Line::from(Span::styled(
        format!(
            "{}{}",
            app.say("每人限时 ", "每人限時 ", "Time each: "),
            clock(limit as i64)
        ),
        t.muted(),
    )));
    let title = app.say("正在发言", "正在發言", "Speaking now");
    frame.render_widget(Paragraph::new(lines).block(panel(app, title)), now);

    let cols = list.width.saturating_sub(6);
    let items = m
        .speeches
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let state = if running(app, m).is_some_and(|t| t.index == i) {
                app.say("发言中", "發言中", "speaking")
            } else if s.done {
                format!(
                    "{} {}",
                    app.say("用时", "用時", "used"),
                    clock(s.seconds_used as i64)
                )
            } else {
                app.say("等候", "等候", "waiting")
            };
            let head = format!(
                "{}. {}　{}　{state}",
                i + 1,
                author(c, &s.speaker, app.lang),
                s.stance.label(app.lang)
            );
            let mut lines = vec![Line::from(head)];
            if !s.summary.is_empty() {
                lines.extend(wrapped(&s.summary, cols, t.muted()));
            }
            lines
        })
        .collect();
    let title = app.say(
        "发言人（a 登记　n 下一位　f 结束发言）",
        "發言人（a 登記　n 下一位　f 結束發言）",
        "Speakers (a add  n next  f finish)",
    );
    let selected = (!m.speeches.is_empty()).then_some(app.selected);
    entries(frame, list, app, title, items, selected);
}
