//! 执行督办: tasks from the adopted motion with owner, due date, progress and the 督办 flag;
//! overdue tasks marked by word and colour.

use crate::words;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use yishi_domain::SetSupervised;

use super::{entries, wrapped};
use crate::action::Action;
use crate::effect::Effect;
use crate::forms;
use crate::model::Model;
use yishi_domain::{Change, Matter, Task};

pub fn update(model: &Model, action: Action) -> Vec<Effect> {
    let (Some((m, _)), Some(meeting)) = (model.matter(), model.meeting_id()) else {
        return Vec::new();
    };
    let (matter, row) = (m.id, model.selected);
    match action {
        Action::AddTask => vec![Effect::form(forms::task(
            matter,
            meeting,
            model.now.date(),
            model.lang,
        ))],
        Action::RecordProgress | Action::ToggleSupervised => {
            let Some(task) = m.tasks.get(row) else {
                return vec![Effect::Refuse(model.say(words::NO_TASK_YET_PRESS_T))];
            };
            if action == Action::RecordProgress {
                return vec![Effect::form(forms::progress(
                    matter,
                    meeting,
                    row,
                    task.percent(),
                ))];
            }
            let change = Change::SetSupervised(SetSupervised {
                matter,
                meeting,
                task: row,
                supervised: !task.is_supervised(),
            });
            let done = model.say(words::SUPERVISION_CHANGED);
            vec![Effect::record_saying(change, done)]
        }
        _ => Vec::new(),
    }
}

/// A task's owner, due date, progress and marks in `cols` columns: the marks (督办, 逾期,
/// 完成) and the figures always whole, the owner's name shortened with … where room runs out.
pub fn task_head(model: &Model, task: &Task, cols: u16) -> Line<'static> {
    let t = &model.theme;
    let mut marks = Vec::new();
    if task.is_supervised() {
        marks.push(Span::styled(model.say(words::SUPERVISED), t.warn()));
    }
    if task.is_overdue(model.now.date()) {
        marks.push(Span::styled(model.say(words::OVERDUE), t.bad()));
    } else if task.percent() >= 100 {
        marks.push(Span::styled(model.say(words::DONE), t.ok()));
    }
    let (gap, colon) = (model.lang.gap(), model.lang.colon());
    let owner_label = format!("{}{colon}", model.say(words::OWNER));
    let rest = format!(
        "{gap}{}{colon}{}{gap}{}%",
        model.say(words::DUE),
        task.due.format("%Y-%m-%d"),
        task.percent()
    );
    let fixed = yishi_text::width(&owner_label)
        + yishi_text::width(&rest)
        + marks
            .iter()
            .map(|s| yishi_text::width(&s.content))
            .sum::<usize>();
    let room = usize::from(cols).saturating_sub(fixed).max(2);
    let owner = super::truncate(&task.owner, room);
    let mut spans = vec![Span::raw(format!("{owner_label}{owner}{rest}"))];
    spans.extend(marks);
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
            lines.push(task_head(model, task, cols));
            if let Some(p) = task.progress.last() {
                lines.extend(wrapped(
                    &format!(
                        "{}{gap}{}%{gap}{}",
                        p.date.format("%Y-%m-%d"),
                        p.percent,
                        p.note,
                        gap = model.lang.gap()
                    ),
                    cols,
                    t.muted(),
                ));
            }
            lines
        })
        .collect();
    let title = model.say(words::TASKS_T_ADD_P_PROGRESS);
    let selected = (!m.tasks.is_empty()).then_some(model.selected);
    entries(frame, area, model, title, items, selected);
}
