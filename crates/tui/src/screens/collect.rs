//! 意见收集: opinions with who, channel and date, and the count by channel.

use crate::words;
use crate::words::values;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{author, entries, wrapped};
use crate::action::Action;
use crate::effect::Effect;
use crate::forms;
use crate::model::Model;
use yishi_domain::{Channel, Matter};

pub fn update(model: &Model, action: Action) -> Vec<Effect> {
    let (Some((m, _)), Some(meeting)) = (model.matter(), model.meeting_id()) else {
        return Vec::new();
    };
    if action != Action::AddOpinion {
        return Vec::new();
    }
    vec![Effect::form(forms::opinion(
        &model.data,
        m.id,
        meeting,
        model.lang,
    ))]
}

/// Opinions per channel, in the channels' order, with the total.
pub fn by_channel(m: &Matter) -> (Vec<(Channel, usize)>, usize) {
    let counts = Channel::ALL
        .iter()
        .map(|c| (*c, m.opinions.iter().filter(|o| o.channel == *c).count()))
        .collect();
    (counts, m.opinions.len())
}

pub fn counts_line(model: &Model, m: &Matter) -> Line<'static> {
    let (counts, total) = by_channel(m);
    let mut spans = vec![Span::styled(
        values::opinions_in_all(model.lang, total),
        model.theme.title(),
    )];
    for (c, n) in counts {
        spans.push(Span::raw(format!(
            "{}{} {n}",
            model.lang.gap(),
            c.label(model.lang)
        )));
    }
    Line::from(spans)
}

pub fn view(frame: &mut Frame, area: Rect, model: &Model, m: &Matter) {
    let Some(c) = &model.data.council else {
        return;
    };
    let [top, list] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    let mut line = counts_line(model, m);
    line.spans.insert(0, Span::raw(" "));
    frame.render_widget(Paragraph::new(line), top);
    let cols = list.width.saturating_sub(6);
    let items = m
        .opinions
        .iter()
        .map(|o| {
            let gap = model.lang.gap();
            let head = format!(
                "{}{gap}{}{gap}{}",
                o.date.format("%Y-%m-%d"),
                author(c, &o.author, model.lang),
                o.channel.label(model.lang)
            );
            let mut lines = vec![Line::from(Span::styled(head, model.theme.muted()))];
            lines.extend(wrapped(&o.text, cols, model.theme.base()));
            lines
        })
        .collect();
    let title = model.say(words::OPINIONS_O_TO_RECORD_ONE);
    let selected = (!m.opinions.is_empty()).then_some(model.selected);
    entries(frame, list, model, title, items, selected);
}
