//! 意见收集: opinions with who, channel and date, and the count by channel.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{author, entries, wrapped};
use crate::domain::{Channel, Matter};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::forms;

pub fn update(app: &mut App, action: Action) {
    let (Some((m, _)), Some(meeting)) = (super::matter::current(app), app.meeting_id()) else {
        return;
    };
    if action == Action::AddOpinion {
        let form = forms::opinion(&app.data, m.id, meeting, app.lang);
        app.open_form(form);
    }
}

/// Opinions per channel, in the channels' order, with the total.
pub fn by_channel(m: &Matter) -> (Vec<(Channel, usize)>, usize) {
    let counts = Channel::ALL
        .iter()
        .map(|c| (*c, m.opinions.iter().filter(|o| o.channel == *c).count()))
        .collect();
    (counts, m.opinions.len())
}

pub fn counts_line(app: &App, m: &Matter) -> Line<'static> {
    let (counts, total) = by_channel(m);
    let mut spans = vec![Span::styled(
        format!(
            "{}{total}{}",
            app.say("共", "共", "Total "),
            app.say("条", "條", "")
        ),
        app.theme.title(),
    )];
    for (c, n) in counts {
        spans.push(Span::raw(format!("　{} {n}", c.label(app.lang))));
    }
    Line::from(spans)
}

pub fn view(frame: &mut Frame, area: Rect, app: &App, m: &Matter) {
    let Some(c) = &app.data.council else {
        return;
    };
    let [top, list] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    let mut line = counts_line(app, m);
    line.spans.insert(0, Span::raw(" "));
    frame.render_widget(Paragraph::new(line), top);
    let cols = list.width.saturating_sub(6);
    let items = m
        .opinions
        .iter()
        .map(|o| {
            let head = format!(
                "{}　{}　{}",
                o.date.format("%Y-%m-%d"),
                author(c, &o.author, app.lang),
                o.channel.label(app.lang)
            );
            let mut lines = vec![Line::from(Span::styled(head, app.theme.muted()))];
            lines.extend(wrapped(&o.text, cols, app.theme.base()));
            lines
        })
        .collect();
    let title = app.say(
        "意见（o 记录一条）",
        "意見（o 記錄一條）",
        "Opinions (o to record one)",
    );
    let selected = (!m.opinions.is_empty()).then_some(app.selected);
    entries(frame, list, app, title, items, selected);
}
