//! One matter's whole history across meetings; Enter opens the minutes of an entry's meeting.

use crate::words;
use crate::words::values;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{entries, panel, wrapped};
use crate::effect::{Effect, Load};
use crate::model::Model;
use yishi_text::Lang;

pub fn select(model: &Model) -> Vec<Effect> {
    model
        .archive
        .history
        .as_ref()
        .and_then(|h| h.events.get(model.selected))
        .map(|e| {
            Effect::Load(Load::Minutes {
                meeting: e.meeting_id,
                at: None,
            })
        })
        .into_iter()
        .collect()
}

pub fn view(frame: &mut Frame, area: Rect, model: &Model) {
    let t = &model.theme;
    let Some(h) = &model.archive.history else {
        return;
    };
    let r = &h.row;
    let [top, list] = Layout::vertical([Constraint::Length(4), Constraint::Fill(1)]).areas(area);
    let (colon, gap) = match model.lang {
        Lang::En => (": ", " · "),
        _ => ("：", "　"),
    };
    let mut facts = vec![format!(
        "{}{colon}{}",
        model.lang.say(words::NOW),
        r.stage.label(model.lang)
    )];
    if r.vote.is_some() {
        facts.push(r.vote_text(model.lang));
    }
    if r.tasks > 0 {
        facts.push(values::tasks_done(
            model.lang,
            r.tasks_done,
            r.tasks,
            r.overdue,
        ));
    }
    if r.rate_permille.is_some() {
        facts.push(format!(
            "{}{}",
            model.lang.say(words::SATISFACTION),
            r.rate()
        ));
    }
    if r.rectifications > 0 {
        facts.push(format!(
            "{}{}",
            model.lang.say(words::RECTIFIED),
            r.rectifications
        ));
    }
    let block = panel(model, r.title.clone(), top.width);
    let cols = block.inner(top).width;
    let lines = wrapped(&facts.join(gap), cols, t.base());
    frame.render_widget(Paragraph::new(lines).block(block), top);

    let cols = list.width.saturating_sub(6);
    let items: Vec<Vec<Line<'static>>> = h
        .events
        .iter()
        .map(|e| {
            let step = e
                .step
                .map_or(String::new(), |s| model.lang.bracketed(s.label(model.lang)));
            let head = format!("{}  {}  {step}", e.date.format("%Y-%m-%d"), e.meeting);
            let mut lines = vec![Line::from(Span::styled(head, t.title()))];
            lines.extend(wrapped(&e.text, cols, t.base()));
            lines
        })
        .collect();
    let title = model.lang.say(words::HISTORY_ENTER_OPENS_THAT_MEETINGS);
    entries(
        frame,
        list,
        model,
        title.to_string(),
        items,
        Some(model.selected),
    );
}
