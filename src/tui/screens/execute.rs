//! 执行督办: tasks from the adopted motion with owner, due date, progress and the 督办 flag;
//! overdue tasks marked by word and colour.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{entries, wrapped};
use crate::domain::{Change, Matter, Task};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::forms;

pub fn update(app: &mut App, action: Action) {
    let (Some((m, _)), Some(meeting)) = (super::matter::current(app), app.meeting_id()) else {
        return;
    };
    let (matter, selected) = (m.id, m.tasks.get(app.selected).cloned());
    match action {
        Action::AddTask => app.open_form(forms::task(matter, meeting, app.now.date())),
        Action::RecordProgress | Action::ToggleSupervised => {
            let Some(task) = selected else {
                return app.refuse(app.say(
                    "还没有任务：按 t 新增。",
                    "還沒有任務：按 t 新增。",
                    "No task yet: press t.",
                ));
            };
            if action == Action::RecordProgress {
                app.open_form(forms::progress(
                    matter,
                    meeting,
                    app.selected,
                    task.percent(),
                ));
            } else {
                let change = Change::SetSupervised {
                    matter,
                    meeting,
                    task: app.selected,
                    supervised: !task.is_supervised(),
                };
                let done = app.say(
                    "督办标记已更改。",
                    "督辦標記已更改。",
                    "Supervision changed.",
                );
                app.record_and_say(&[change], done);
            }
        }
        _ => {}
    }
}

pub fn task_head(app: &App, task: &Task) -> Line<'static> {
    let t = &app.theme;
    let mut spans = vec![Span::raw(format!(
        "{}：{}　{}：{}　{}%",
        app.say("责任", "責任", "owner"),
        crate::text::sanitize_line(&task.owner),
        app.say("期限", "期限", "due"),
        task.due.format("%Y-%m-%d"),
        task.percent()
    ))];
    if task.is_supervised() {
        spans.push(Span::styled(
            app.say("　［督办］", "　［督辦］", "  [supervised]"),
            t.warn(),
        ));
    }
    if task.is_overdue(app.now.date()) {
        spans.push(Span::styled(
            app.say("　✗ 逾期", "　✗ 逾期", "  ✗ overdue"),
            t.bad(),
        ));
    } else if task.percent() >= 100 {
        spans.push(Span::styled(
            app.say("　✓ 完成", "　✓ 完成", "  ✓ done"),
            t.ok(),
        ));
    }
    Line::from(spans)
}

pub fn view(frame: &mut Frame, area: Rect, app: &App, m: &Matter) {
    let t = &app.theme;
    let cols = area.width.saturating_sub(6);
    let items = m
        .tasks
        .iter()
        .enumerate()
        .map(|(i, task)| {
            let mut lines = wrapped(&format!("{}. {}", i + 1, task.text), cols, t.base());
            lines.push(task_head(app, task));
            if let Some(p) = task.progress.last() {
                lines.extend(wrapped(
                    &format!("{}　{}%　{}", p.date.format("%Y-%m-%d"), p.percent, p.note),
                    cols,
                    t.muted(),
                ));
            }
            lines
        })
        .collect();
    let title = app.say(
        "任务（t 新增　p 记录进度　s 督办）",
        "任務（t 新增　p 記錄進度　s 督辦）",
        "Tasks (t add  p progress  s supervise)",
    );
    let selected = (!m.tasks.is_empty()).then_some(app.selected);
    entries(frame, area, app, title, items, selected);
}
