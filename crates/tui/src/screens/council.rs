//! The council: its members with when they joined and left, and its rule with the statute it
//! comes from. Members are added and leave here; nobody is ever deleted.

use crate::words;
use crate::words::values;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Paragraph};

use super::{panel, selectable_list, truncate, wrapped};
use crate::action::Action;
use crate::effect::Effect;
use crate::forms;
use crate::model::Model;
use yishi_text::width;

pub fn update(model: &Model, action: Action) -> Vec<Effect> {
    let Some(c) = &model.data.council else {
        return vec![Effect::Refuse(model.say(words::NO_COUNCIL_TO_SHOW))];
    };
    let today = model.now.date();
    match action {
        Action::AddMember => {
            let owners = c.rule.counts_area();
            vec![Effect::form(forms::member(
                c.id, today, None, owners, model.lang,
            ))]
        }
        Action::SellUnit => {
            let form = c
                .members
                .get(model.selected)
                .and_then(|m| forms::sell_unit(&model.data, m.id, today, model.lang));
            match form {
                Some(form) => vec![Effect::form(form)],
                None => vec![Effect::Refuse(model.say(words::HOLDS_NO_UNIT))],
            }
        }
        Action::MemberLeaves => c
            .members
            .get(model.selected)
            .and_then(|m| forms::member_leaves(&model.data, m.id, today))
            .map(Effect::form)
            .into_iter()
            .collect(),
        _ => Vec::new(),
    }
}

pub fn view(frame: &mut Frame, area: Rect, model: &Model) {
    let t = &model.theme;
    let Some(c) = &model.data.council else {
        let lines = wrapped(&model.say(words::NO_COUNCIL_TO_SHOW), area.width, t.muted());
        frame.render_widget(Paragraph::new(lines), area);
        return;
    };
    // The council's particulars, at the height they need beside (or under) the members.
    let wide = area.width >= 120;
    let info_cols = if wide { area.width * 2 / 5 } else { area.width };
    let cols = info_cols.saturating_sub(4);
    let mut lines = wrapped(&c.name, cols, t.title());
    let rule = values::rule_of(model.lang, &c.rule.name_in(model.lang), &c.rule.source);
    lines.extend(wrapped(&rule, cols, t.base()));
    if let Some(why) = c.rule.in_doubt_on(model.now.date(), model.lang) {
        lines.extend(wrapped(&values::in_doubt(model.lang, &why), cols, t.warn()));
    }
    let quorum = format!(
        "{}{}",
        model.say(words::QUORUM_RULE),
        c.rule.quorum_said_whole(model.lang)
    );
    let passing = format!(
        "{}{}",
        model.say(words::PASSING_RULE),
        c.rule.passing_said_by_item(model.lang)
    );
    lines.extend(wrapped(&quorum, cols, t.muted()));
    lines.extend(wrapped(&passing, cols, t.muted()));
    let threshold = format!(
        "{}{}%",
        model.say(words::THRESHOLD_LABEL),
        c.satisfaction_threshold
    );
    lines.extend(wrapped(&threshold, cols, t.muted()));
    // A council with no meeting yet: what comes next.
    if model.data.meetings.is_empty() {
        lines.push(Line::default());
        let next = model.say(words::WHEN_DONE_PRESS_N);
        lines.extend(wrapped(&next, cols, t.current()));
    }
    let [left, right] = if wide {
        Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(area)
    } else {
        // What the council's particulars need, leaving the members at least eight rows (their
        // list scrolls), or all they need where they need fewer.
        let listed = (c.members.len() as u16 + 2).clamp(3, 8);
        let room = area.height.saturating_sub(listed);
        let tall = (lines.len() as u16 + 2).min(room);
        Layout::vertical([Constraint::Fill(1), Constraint::Length(tall)]).areas(area)
    };
    let inner = left.width.saturating_sub(4) as usize;
    let today = model.now.date();
    let items: Vec<ListItem> = c
        .members
        .iter()
        .map(|m| {
            let standing = if m.voting {
                String::new()
            } else {
                model.say(words::OBSERVER)
            };
            // An owner by the units they hold today, which pass on when sold.
            let units: Vec<&str> = m.units_on(today).map(|u| u.unit.as_str()).collect();
            let what = if units.is_empty() {
                m.affiliation.label(model.lang).to_string()
            } else {
                units.join("、")
            };
            let who = format!("{}{standing}  {what}", m.name);
            let when = values::served(model.lang, m.since, m.until);
            let style = if m.serves_on(today) {
                t.base()
            } else {
                t.muted()
            };
            let room = inner.saturating_sub(width(&when) + 2);
            let who = truncate(&who, room);
            let pad = room.saturating_sub(width(&who));
            ListItem::new(Line::from(vec![
                Span::styled(who, style),
                Span::raw(" ".repeat(pad + 2)),
                Span::styled(when, t.muted()),
            ]))
        })
        .collect();
    let serving = c.members_on(today).count();
    let title = model.lang.pick_owned(
        format!("成员（{serving}人）"),
        format!("成員（{serving}人）"),
        format!("Members ({serving})"),
    );
    if items.is_empty() {
        let lines = wrapped(
            &model.say(words::NO_MEMBERS_YET_PRESS_A),
            left.width.saturating_sub(4),
            t.muted(),
        );
        frame.render_widget(
            Paragraph::new(lines).block(panel(model, title, left.width)),
            left,
        );
    } else {
        selectable_list(frame, left, model, title, items.len(), |i| items[i].clone());
    }

    let title = model.say(words::THE_COUNCIL);
    frame.render_widget(
        Paragraph::new(lines).block(panel(model, title, right.width)),
        right,
    );
}
