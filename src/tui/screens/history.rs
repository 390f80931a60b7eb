//! One matter's whole history across meetings; Enter opens the minutes of an entry's meeting.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{entries, panel, wrapped};
use crate::text::Lang;
use crate::tui::app::App;

pub fn select(app: &mut App) {
    let id = app
        .archive
        .history
        .as_ref()
        .and_then(|h| h.events.get(app.selected))
        .map(|e| e.meeting_id);
    if let Some(id) = id {
        super::minutes::open(app, id, None);
    }
}

pub fn view(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.theme;
    let Some(h) = &app.archive.history else {
        return;
    };
    let r = &h.row;
    let [top, list] = Layout::vertical([Constraint::Length(4), Constraint::Fill(1)]).areas(area);
    let (colon, gap) = match app.lang {
        Lang::En => (": ", " · "),
        _ => ("：", "　"),
    };
    let mut facts = vec![format!(
        "{}{colon}{}",
        app.lang.pick("现在", "現在", "Now"),
        r.stage.label(app.lang)
    )];
    if r.vote.is_some() {
        facts.push(r.vote_text());
    }
    if r.tasks > 0 {
        facts.push(match app.lang {
            Lang::En => format!(
                "tasks {}/{} done, {} overdue",
                r.tasks_done, r.tasks, r.overdue
            ),
            _ => format!(
                "{}{}/{}{}{}",
                app.lang.pick("任务完成", "任務完成", ""),
                r.tasks_done,
                r.tasks,
                app.lang.pick("，逾期", "，逾期", ""),
                r.overdue
            ),
        });
    }
    if r.rate_permille.is_some() {
        facts.push(format!(
            "{}{}",
            app.lang.pick("满意率", "滿意率", "satisfaction "),
            r.rate()
        ));
    }
    if r.rectifications > 0 {
        facts.push(format!(
            "{}{}",
            app.lang.pick("整改", "整改", "rectified "),
            r.rectifications
        ));
    }
    let block = panel(app, r.title.clone());
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
                .map_or(String::new(), |s| format!("［{}］", s.label(app.lang)));
            let head = format!("{}  {}  {step}", e.date.format("%Y-%m-%d"), e.meeting);
            let mut lines = vec![Line::from(Span::styled(head, t.title()))];
            lines.extend(wrapped(&e.text, cols, t.base()));
            lines
        })
        .collect();
    let title = app.lang.pick(
        "经过（Enter 打开该次会议纪要）",
        "經過（Enter 打開該次會議紀要）",
        "History (Enter opens that meeting's minutes)",
    );
    entries(
        frame,
        list,
        app,
        title.to_string(),
        items,
        Some(app.selected),
    );
}
