//! What is drawn over a screen, and what it makes of the keys it takes: the help, a form, a
//! question, a list to pick from.

use crate::words;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph};
use yishi_domain::AddToAgenda;

use super::{help, truncate, wrapped};
use crate::action::Action;
use crate::archive_forms;
use crate::effect::Effect;
use crate::form::Outcome;
use crate::model::{Model, OnYes, Overlay};
use crate::widgets::popup;
use yishi_domain::Change;

/// What the open form or prompt makes of an action.
pub fn update(model: &Model, action: Action) -> Vec<Effect> {
    let keep = |overlay: Overlay| vec![Effect::Overlay(Some(overlay))];
    let close = Effect::Overlay(None);
    match (&model.overlay, action) {
        (None, _) => Vec::new(),
        (Some(Overlay::Help(at)), action) => match help::scrolled(model, *at, &action) {
            Some(at) => keep(Overlay::Help(at)),
            None => vec![close],
        },
        (Some(Overlay::Form(form)), action) => {
            let mut form = form.clone();
            if let Action::Paste(text) = &action {
                form.paste(text);
                return keep(Overlay::Form(form));
            }
            match form.handle(&action) {
                Outcome::Editing => {
                    archive_forms::edited(&mut form);
                    keep(Overlay::Form(form))
                }
                Outcome::Cancel => vec![close],
                Outcome::Submit => vec![close, Effect::Submit(form)],
            }
        }
        (Some(Overlay::Confirm(c)), Action::Yes) => match &c.then {
            OnYes::Write(export) => vec![close, Effect::Write(export.clone())],
            OnYes::Record(changes) => vec![
                close,
                Effect::Record {
                    changes: changes.clone(),
                    done: Some(model.say(words::RECORDED)),
                    then: Vec::new(),
                },
            ],
            OnYes::Quit => vec![close, Effect::Quit],
        },
        (Some(Overlay::Confirm(_)), Action::No) => vec![close],
        (Some(Overlay::Pick(p)), action) => {
            let mut p = p.clone();
            match action {
                Action::Up => p.selected = p.selected.saturating_sub(1),
                Action::Down => p.selected = (p.selected + 1).min(p.items.len().saturating_sub(1)),
                Action::Back => return vec![close],
                Action::Select => {
                    let (Some((matter, _)), Some(meeting)) =
                        (p.items.get(p.selected), model.meeting_id())
                    else {
                        return vec![close];
                    };
                    let change = Change::AddToAgenda(AddToAgenda {
                        meeting,
                        matter: *matter,
                    });
                    let done = model.say(words::ADDED_TO_THE_AGENDA);
                    return vec![close, Effect::record_saying(change, done)];
                }
                _ => {}
            }
            keep(Overlay::Pick(p))
        }
        _ => Vec::new(),
    }
}

pub fn view(frame: &mut Frame, area: Rect, model: &Model) {
    let t = &model.theme;
    match &model.overlay {
        None => {}
        Some(Overlay::Help(at)) => help::view(frame, area, model, *at),
        Some(Overlay::Form(form)) => form.draw(frame, area, model.lang, t),
        Some(Overlay::Confirm(c)) => {
            let outer = area.width.saturating_sub(8).min(70);
            let cols = outer.saturating_sub(4);
            let mut lines = wrapped(&c.question, cols, t.base());
            lines.push(Line::default());
            let mut keys = Vec::new();
            for (k, h) in crate::keys::hints(&[crate::keys::Scope::Confirm], model.lang) {
                keys.push(Span::styled(format!(" {k} "), t.selected()));
                keys.push(Span::raw(format!(" {h}{}", model.lang.gap())));
            }
            lines.push(Line::from(keys));
            let rect = popup::centred(area, outer, lines.len() as u16 + 2);
            popup::clear(rect, frame.buffer_mut());
            let block = Block::bordered()
                .border_style(t.warn())
                .style(t.base())
                .title(format!(" {} ", model.say(words::PLEASE_CONFIRM)));
            frame.render_widget(Paragraph::new(lines).block(block), rect);
        }
        Some(Overlay::Pick(p)) => {
            let outer = area.width.saturating_sub(8).min(80);
            let cols = outer.saturating_sub(6) as usize;
            let items: Vec<ListItem> = p
                .items
                .iter()
                .map(|(_, s)| ListItem::new(truncate(s, cols)))
                .collect();
            let rect = popup::centred(area, outer, p.items.len() as u16 + 2);
            popup::clear(rect, frame.buffer_mut());
            let block = Block::bordered()
                .border_style(t.title())
                .style(t.base())
                .title(format!(" {}（Enter / Esc） ", model.lang.say(p.title)));
            let list = List::new(items)
                .block(block)
                .highlight_style(t.selected())
                .highlight_symbol("► ");
            let mut state = ListState::default().with_selected(Some(p.selected));
            frame.render_stateful_widget(list, rect, &mut state);
        }
    }
}
