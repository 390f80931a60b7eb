//! 执行督办: tasks from the adopted motion with owner, due date, progress and the 督办 flag;
//! overdue tasks marked by word and colour.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{entries, wrapped};
use crate::domain::{Change, Matter, Task};
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::forms;
use crate::tui::model::Model;

pub fn update(model: &Model, action: Action) -> Vec<Effect> {
    let (Some((m, _)), Some(meeting)) = (model.matter(), model.meeting_id()) else {
        return Vec::new();
    };
    let (matter, row) = (m.id, model.selected);
    match action {
        Action::AddTask => vec![Effect::form(forms::task(matter, meeting, model.now.date()))],
        Action::RecordProgress | Action::ToggleSupervised => {
            let Some(task) = m.tasks.get(row) else {
                return vec![Effect::Refuse(model.say(
                    "还没有任务：按 t 新增。",
                    "還沒有任務：按 t 新增。",
                    "No task yet: press t.",
                ))];
            };
            if action == Action::RecordProgress {
                return vec![Effect::form(forms::progress(
                    matter,
                    meeting,
                    row,
                    task.percent(),
                ))];
            }
            let change = Change::SetSupervised {
                matter,
                meeting,
                task: row,
                supervised: !task.is_supervised(),
            };
            let done = model.say(
                "督办标记已更改。",
                "督辦標記已更改。",
                "Supervision changed.",
            );
            vec![Effect::record_saying(change, done)]
        }
        _ => Vec::new(),
    }
}

pub fn task_head(model: &Model, task: &Task) -> Line<'static> {
    let t = &model.theme;
    let mut spans = vec![Span::raw(format!(
        "{}：{}　{}：{}　{}%",
        model.say("责任", "責任", "owner"),
        crate::text::sanitize_line(&task.owner),
        model.say("期限", "期限", "due"),
        task.due.format("%Y-%m-%d"),
        task.percent()
    ))];
    if task.is_supervised() {
        spans.push(Span::styled(
            model.say("　［督办］", "　［督辦］", "  [supervised]"),
            t.warn(),
        ));
    }
    if task.is_overdue(model.now.date()) {
        spans.push(Span::styled(
            model.say("　✗ 逾期", "　✗ 逾期", "  ✗ overdue"),
            t.bad(),
        ));
    } else if task.percent() >= 100 {
        spans.push(Span::styled(
            model.say("　✓ 完成", "　✓ 完成", "  ✓ done"),
            t.ok(),
        ));
    }
    Line::from(spans)
}

pub fn view(frame: &mut Frame, area: Rect, model: &Model, m: &Matter) {
    let t = &model.theme;
    let cols = area.width.saturating_sub(6);
    let items = m
        .tasks
        .iter()
        .enumerate()
        .map(|(i, task)| {
            let mut lines = wrapped(&format!("{}. {}", i + 1, task.text), cols, t.base());
            lines.push(task_head(model, task));
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
    let title = model.say(
        "任务（t 新增　p 记录进度　s 督办）",
        "任務（t 新增　p 記錄進度　s 督辦）",
        "Tasks (t add  p progress  s supervise)",
    );
    let selected = (!m.tasks.is_empty()).then_some(model.selected);
    entries(frame, area, model, title, items, selected);
}
