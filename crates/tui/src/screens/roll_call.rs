//! Roll call: one key marks the selected member and moves on; the count and the quorum
//! follow live.

use crate::words;
use crate::words::values;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Paragraph};
use yishi_domain::MarkAttendance;

use super::{panel, selectable_list, span_lines, truncate, turnout_spans, wrapped, wrapped_items};
use crate::action::Action;
use crate::effect::Effect;
use crate::model::Model;
use yishi_domain::{Attendance, Change};
use yishi_text::width;

pub fn update(model: &Model, action: Action) -> Vec<Effect> {
    if action == Action::GiveProxy {
        let Some(meeting) = model.meeting_id() else {
            return Vec::new();
        };
        return crate::forms::proxy(&model.data, meeting, model.selected, model.now.date())
            .map(Effect::form)
            .into_iter()
            .collect();
    }
    let attendance = match action {
        Action::MarkPresent => Attendance::Present,
        Action::MarkAbsent => Attendance::Absent,
        Action::MarkExcused => Attendance::Excused,
        Action::MarkObserving => Attendance::Observing,
        _ => return Vec::new(),
    };
    let (Some(c), Some(meeting)) = (&model.data.council, model.meeting_id()) else {
        return Vec::new();
    };
    let Some(m) = &model.data.meeting else {
        return Vec::new();
    };
    let roll = m.roll_of(c);
    let Some(member) = roll.get(model.selected) else {
        return Vec::new();
    };
    let change = Change::MarkAttendance(MarkAttendance {
        meeting,
        member: member.id,
        attendance,
    });
    // On to the next member, as a roll is called.
    let next = (model.selected + 1).min(roll.len().saturating_sub(1));
    vec![Effect::record(change, vec![Effect::Select(next)])]
}

pub fn view(frame: &mut Frame, area: Rect, model: &Model) {
    let t = &model.theme;
    let (Some(c), Some(m)) = (&model.data.council, &model.data.meeting) else {
        return;
    };
    let [list_area, side] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).areas(area);
    let inner = list_area.width.saturating_sub(4) as usize;
    // The roll of the meeting's day: members who had joined and not yet left.
    let items: Vec<ListItem> = m
        .roll_of(c)
        .into_iter()
        .map(|member| {
            let (mark, style) = match m.attendance_of(member.id) {
                Some(Attendance::Present) => ("✓ ", t.ok()),
                Some(Attendance::Absent) => ("✗ ", t.bad()),
                Some(Attendance::Excused) => ("- ", t.warn()),
                Some(Attendance::Observing) => ("o ", t.muted()),
                None => ("  ", t.muted()),
            };
            let status = m
                .attendance_of(member.id)
                .map_or(model.say(words::NOT_CALLED), |a| {
                    a.label(model.lang).to_string()
                });
            let voting = if member.voting {
                String::new()
            } else {
                model.say(words::OBSERVER)
            };
            let who = format!(
                "{}{voting}  {}",
                member.name,
                member.affiliation.label(model.lang)
            );
            // Represented by proxy: said beside the mark, as the minutes will.
            let status = match m.proxy_for(member.id, None) {
                Some(p) => format!(
                    "{mark}{status}{}",
                    values::proxy_held(model.lang, &p.holder)
                ),
                None => format!("{mark}{status}"),
            };
            let room = inner.saturating_sub(width(&status) + 2);
            let who = truncate(&who, room);
            let pad = room.saturating_sub(width(&who));
            ListItem::new(Line::from(vec![
                Span::raw(who),
                Span::raw(" ".repeat(pad + 2)),
                Span::styled(status, style),
            ]))
        })
        .collect();
    let title = model.say(words::ROLL_CALL_TITLE);
    selectable_list(frame, list_area, model, title, items.len(), |i| {
        items[i].clone()
    });

    let turnout = m.turnout(c);
    let names = |ids: &[yishi_domain::MemberId]| -> Vec<String> {
        ids.iter().map(|id| c.name_of(*id)).collect()
    };
    // The record counts the not yet called as absent; the roll call shows them apart.
    let marked = |id: &&yishi_domain::MemberId| m.attendance_of(**id).is_some();
    let absent: Vec<_> = turnout.absent.iter().filter(marked).copied().collect();
    let uncalled: Vec<_> = turnout
        .absent
        .iter()
        .filter(|id| !marked(id))
        .copied()
        .collect();
    let rule = values::rule_of(model.lang, &c.rule.name_in(model.lang), &c.rule.source);
    let cols = side.width.saturating_sub(2);
    let mut lines = span_lines(turnout_spans(model, c, m), cols);
    lines.push(Line::default());
    for (label, ids) in [
        (model.say(words::EXCUSED), &turnout.excused),
        (model.say(words::ABSENT), &absent),
        (model.say(words::OBSERVING), &turnout.observing),
        (model.say(words::NOT_CALLED_LABEL), &uncalled),
    ] {
        lines.extend(wrapped_items(&label, &names(ids), cols, t.base()));
    }
    lines.push(Line::default());
    lines.extend(wrapped(
        &c.rule.quorum_said_whole(model.lang),
        cols,
        t.muted(),
    ));
    lines.extend(wrapped(&rule, cols, t.muted()));
    if let Some(why) = c.rule.in_doubt_on(m.start.date(), model.lang) {
        lines.extend(wrapped(&values::in_doubt(model.lang, &why), cols, t.warn()));
    }
    lines.push(Line::default());
    let next = model.say(words::WHEN_EVERYONE_IS_CALLED_S);
    lines.extend(wrapped(&next, cols, t.title()));
    let title = model.say(words::ATTENDANCE);
    frame.render_widget(
        Paragraph::new(lines).block(panel(model, title, side.width)),
        side,
    );
}
