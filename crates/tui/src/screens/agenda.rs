//! The agenda: the meeting's matters in order, new ones added, open ones carried over.

use crate::words;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::ListItem;
use yishi_domain::MoveOnAgenda;

use super::{selectable_list, truncate};
use crate::action::Action;
use crate::effect::Effect;
use crate::forms;
use crate::model::{Model, Overlay, Pick, Screen};
use yishi_domain::{Change, Refusal, Step};
use yishi_text::{Lang, chinese_number, width};

pub fn update(model: &Model, action: Action) -> Vec<Effect> {
    let Some(meeting) = model.meeting_id() else {
        return Vec::new();
    };
    let data = &model.data;
    match action {
        Action::Select => data
            .agenda
            .get(model.selected)
            .map(|m| {
                let step = m.stage.step().unwrap_or_else(|| m.last_step());
                Effect::Go(Screen::Matter { id: m.id, step })
            })
            .into_iter()
            .collect(),
        Action::NewMatter => vec![Effect::form(forms::new_matter(meeting))],
        // A matter carried from an earlier meeting keeps the title its signed minutes give it.
        Action::CorrectSelected => match data.agenda.get(model.selected) {
            Some(m) if m.opened_in == meeting => {
                vec![Effect::form(forms::matter_title(meeting, m))]
            }
            Some(_) => vec![Effect::Refuse(Refusal::Sealed.describe(model.lang))],
            None => Vec::new(),
        },
        Action::CarryOver => {
            let items: Vec<_> = data
                .open_matters
                .iter()
                .filter(|m| !data.agenda.iter().any(|a| a.id == m.id))
                .map(|m| {
                    (
                        m.id,
                        format!(
                            "{}{}",
                            model.lang.bracketed(m.stage.label(model.lang)),
                            m.title
                        ),
                    )
                })
                .collect();
            if items.is_empty() {
                return vec![Effect::Refuse(model.say(words::NO_OPEN_MATTER_TO_CARRY))];
            }
            vec![Effect::Overlay(Some(Overlay::Pick(Pick {
                title: words::CARRY_OVER_AN_OPEN_MATTER,
                items,
                selected: 0,
            })))]
        }
        Action::MoveUp | Action::MoveDown => {
            let Some(m) = data.agenda.get(model.selected) else {
                return Vec::new();
            };
            let position = if action == Action::MoveUp {
                model.selected.saturating_sub(1)
            } else {
                (model.selected + 1).min(data.agenda.len() - 1)
            };
            let change = Change::MoveOnAgenda(MoveOnAgenda {
                meeting,
                matter: m.id,
                position,
            });
            vec![Effect::record(change, vec![Effect::Select(position)])]
        }
        _ => Vec::new(),
    }
}

/// An agenda item's number as the reader writes it: 一、 or 1.
pub fn number(lang: Lang, index: usize) -> String {
    match lang {
        Lang::En => format!("{}. ", index + 1),
        _ => format!("{}、", chinese_number(index as u32 + 1)),
    }
}

pub fn view(frame: &mut Frame, area: Rect, model: &Model) {
    let t = &model.theme;
    let inner = area.width.saturating_sub(4) as usize;
    let items: Vec<ListItem> = model
        .data
        .agenda
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let number = number(model.lang, i);
            let stage = model.lang.bracketed(m.stage.label(model.lang));
            let detail = summary(model, m);
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
    let title = model.say(words::AGENDA_ENTER_OPEN_N_NEW);
    selectable_list(frame, area, model, title, items.len(), |i| items[i].clone());
}

/// A few words on where the matter stands.
fn summary(model: &Model, m: &yishi_domain::Matter) -> String {
    let count = |n, what| words::values::count_of(model.lang, n, what);
    match m.stage.step() {
        Some(Step::Collect) => count(m.opinions.len(), words::OPINIONS),
        Some(Step::Hear) => count(m.speeches.len(), words::SPEAKERS),
        Some(Step::Decide) => count(m.motions.len(), words::MOTIONS),
        Some(Step::Execute) => count(m.tasks.len(), words::TASKS),
        Some(Step::Review) | None => String::new(),
    }
}
