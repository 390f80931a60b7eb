//! The agenda: the meeting's matters in order, new ones added, open ones carried over.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::ListItem;

use super::{selectable_list, truncate};
use crate::domain::{Change, Step};
use crate::text::{Lang, chinese_number, width};
use crate::tui::action::Action;
use crate::tui::app::{App, Overlay, Pick, Screen};
use crate::tui::forms;

pub fn update(app: &mut App, action: Action) {
    let Some(meeting) = app.meeting_id() else {
        return;
    };
    match action {
        Action::Select => {
            if let Some(m) = app.data.agenda.get(app.selected) {
                let step = m.stage.step().unwrap_or_else(|| m.last_step());
                app.go(Screen::Matter { id: m.id, step });
            }
        }
        Action::NewMatter => app.open_form(forms::new_matter(meeting)),
        Action::CarryOver => {
            let items: Vec<_> = app
                .data
                .open_matters
                .iter()
                .filter(|m| !app.data.agenda.iter().any(|a| a.id == m.id))
                .map(|m| (m.id, format!("［{}］{}", m.stage.label(app.lang), m.title)))
                .collect();
            if items.is_empty() {
                app.refuse(app.say(
                    "没有可带入的未办结事项。",
                    "沒有可帶入的未辦結事項。",
                    "No open matter to carry over.",
                ));
            } else {
                app.overlay = Some(Overlay::Pick(Pick {
                    title: [
                        "带入未办结事项",
                        "帶入未辦結事項",
                        "Carry over an open matter",
                    ],
                    items,
                    selected: 0,
                }));
            }
        }
        Action::MoveUp | Action::MoveDown => {
            let Some(m) = app.data.agenda.get(app.selected) else {
                return;
            };
            let position = if action == Action::MoveUp {
                app.selected.saturating_sub(1)
            } else {
                (app.selected + 1).min(app.data.agenda.len() - 1)
            };
            let change = Change::MoveOnAgenda {
                meeting,
                matter: m.id,
                position,
            };
            match app.record(&[change]) {
                Ok(()) => app.selected = position,
                Err(why) => app.refuse(why),
            }
        }
        _ => {}
    }
}

pub fn view(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.theme;
    let inner = area.width.saturating_sub(4) as usize;
    let items: Vec<ListItem> = app
        .data
        .agenda
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let number = match app.lang {
                Lang::En => format!("{}. ", i + 1),
                _ => format!("{}、", chinese_number(i as u32 + 1)),
            };
            let stage = format!("［{}］", m.stage.label(app.lang));
            let detail = summary(app, m);
            let room = inner.saturating_sub(width(&number) + width(&stage) + width(&detail) + 4);
            ListItem::new(Line::from(vec![
                Span::raw(number),
                Span::raw(truncate(&m.title, room)),
                Span::raw("  "),
                Span::styled(stage, t.current()),
                Span::styled(format!("  {detail}"), t.muted()),
            ]))
        })
        .collect();
    let title = app.say(
        "议程：Enter 进入　n 新增　c 带入往次事项　K/J 调整顺序",
        "議程：Enter 進入　n 新增　c 帶入往次事項　K/J 調整順序",
        "Agenda: Enter open  n new  c carry over  K/J reorder",
    );
    selectable_list(frame, area, app, title, items.len(), |i| items[i].clone());
}

/// A few words on where the matter stands.
fn summary(app: &App, m: &crate::domain::Matter) -> String {
    match m.stage.step() {
        Some(Step::Collect) => format!(
            "{}{}",
            m.opinions.len(),
            app.say("条意见", "條意見", " opinions")
        ),
        Some(Step::Hear) => format!(
            "{}{}",
            m.speeches.len(),
            app.say("位发言", "位發言", " speakers")
        ),
        Some(Step::Decide) => format!(
            "{}{}",
            m.motions.len(),
            app.say("项动议", "項動議", " motions")
        ),
        Some(Step::Execute) => {
            format!("{}{}", m.tasks.len(), app.say("项任务", "項任務", " tasks"))
        }
        Some(Step::Review) | None => String::new(),
    }
}
