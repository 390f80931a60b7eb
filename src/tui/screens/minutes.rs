//! One meeting's minutes, laid out like `yishi minutes` at the width of the screen: scroll,
//! jump between search hits, export, sign, correct.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::panel;
use crate::domain::{MeetingId, MeetingState};
use crate::text::Lang;
use crate::tui::action::Action;
use crate::tui::app::{App, Screen};
use crate::tui::archive::{LineRef, layout};
use crate::tui::archive_forms;

/// The widest the minutes are set, however wide the screen: a page, not a banner.
const MAX_COLUMNS: u16 = 100;

/// Text columns and rows of the minutes panel inside `area` (the body between header and
/// status lines).
fn geometry(area: Rect) -> (usize, usize) {
    let inner_w = area.width.saturating_sub(4).min(MAX_COLUMNS);
    let inner_h = area.height.saturating_sub(2);
    (usize::from(inner_w.max(20)), usize::from(inner_h.max(1)))
}

/// The body area for the last frame's size.
fn body(app: &App) -> Rect {
    Rect::new(0, 0, app.viewport.0, app.viewport.1.saturating_sub(3))
}

/// Opens meeting `id`'s minutes, at the search hit in paragraph `at.0` from byte `at.1`.
pub fn open(app: &mut App, id: MeetingId, at: Option<(usize, usize)>) {
    if let Err(e) = app.with_archive(|a, store| a.open(store, id)) {
        return app.refuse(e.describe(app.lang));
    }
    app.visit(Screen::Minutes);
    if let Some(o) = &mut app.archive.open {
        if let Some((para, start)) = at {
            o.hit = o
                .hits
                .iter()
                .position(|(p, r)| *p == para && r.start == start)
                .unwrap_or(0);
        }
        if at.is_some() {
            show_hit(app);
        }
    }
}

/// Scrolls so the current hit stands a third of the way down.
fn show_hit(app: &mut App) {
    let (columns, rows) = geometry(body(app));
    let Some(o) = &mut app.archive.open else {
        return;
    };
    let Some((para, range)) = o.hits.get(o.hit) else {
        return;
    };
    let lines = layout(&o.paragraphs, columns);
    if let Some(i) = lines
        .iter()
        .position(|l| l.para == *para && l.range.end > range.start)
    {
        o.scroll = i.saturating_sub(rows / 3);
    }
}

pub fn update(app: &mut App, action: Action) {
    let (columns, rows) = geometry(body(app));
    let lang = app.lang;
    let Some(o) = &mut app.archive.open else {
        return app.leave();
    };
    let last = layout(&o.paragraphs, columns).len().saturating_sub(rows);
    match action {
        Action::Back => app.leave(),
        Action::Up => o.scroll = o.scroll.saturating_sub(1),
        Action::Down => o.scroll = (o.scroll + 1).min(last),
        Action::PageUp => o.scroll = o.scroll.saturating_sub(rows.saturating_sub(1).max(1)),
        Action::PageDown => o.scroll = (o.scroll + rows.saturating_sub(1).max(1)).min(last),
        Action::NextHit | Action::PrevHit => {
            if o.hits.is_empty() {
                return app.refuse(app.say(
                    "没有搜索结果：按 / 搜索。",
                    "沒有搜尋結果：按 / 搜尋。",
                    "No search hits: press / to search.",
                ));
            }
            let n = o.hits.len();
            o.hit = if action == Action::NextHit {
                (o.hit + 1) % n
            } else {
                (o.hit + n - 1) % n
            };
            show_hit(app);
        }
        Action::Export => {
            let form = archive_forms::export_minutes(&o.record);
            app.open_form(form);
        }
        Action::Correct => {
            if o.record.meeting.state != MeetingState::Ended {
                return app.refuse(app.say(
                    "会议尚未结束：结束前的修改直接在会议中记录。",
                    "會議尚未結束：結束前的修改直接在會議中記錄。",
                    "The meeting has not ended: record changes in the meeting itself.",
                ));
            }
            let form = archive_forms::correction(&o.record, lang);
            app.open_form(form);
        }
        Action::Sign => {
            let m = &o.record.meeting;
            let c = &o.record.council;
            let question = match lang {
                Lang::En => format!(
                    "Sign the minutes of {} as chair {} and recorder {}? The record is sealed: later changes can only be corrections.",
                    m.label(lang),
                    c.name_of(m.chair),
                    c.name_of(m.recorder)
                ),
                _ => format!(
                    "{}{}{}{}{}{}{}",
                    lang.pick("由主持人", "由主持人", ""),
                    c.name_of(m.chair),
                    lang.pick("、记录人", "、記錄人", ""),
                    c.name_of(m.recorder),
                    lang.pick("签发", "簽發", ""),
                    m.label(lang),
                    lang.pick(
                        "纪要？签发后记录封存，此后只能以更正的形式修改。",
                        "紀要？簽發後記錄封存，此後只能以更正的形式修改。",
                        ""
                    )
                ),
            };
            let change = crate::domain::Change::SignMeeting { meeting: m.id };
            app.ask(question, vec![change]);
        }
        Action::Search => {
            app.with_archive(|a, store| a.read_ahead(store));
            let q = app.archive.query.clone();
            app.open_form(archive_forms::search(&q));
        }
        Action::ShowLedger => super::ledger::enter(app),
        _ => {}
    }
}

/// One screen line of the minutes with the search hits in it marked: every hit underlined
/// and bold, the current one reversed as well (marked without colour).
fn line<'a>(
    app: &App,
    text: &'a str,
    l: &LineRef,
    hits: &[(usize, std::ops::Range<usize>)],
    current: usize,
) -> Line<'a> {
    let t = &app.theme;
    let mut spans = vec![Span::raw(" ".repeat(l.indent))];
    let mut at = l.range.start;
    for (i, (p, r)) in hits.iter().enumerate() {
        if *p != l.para || r.end <= l.range.start || r.start >= l.range.end {
            continue;
        }
        let (start, end) = (r.start.max(l.range.start), r.end.min(l.range.end));
        if start > at {
            spans.push(Span::raw(&text[at..start]));
        }
        let mark = Style::default().add_modifier(Modifier::UNDERLINED | Modifier::BOLD);
        let style = if i == current {
            t.selected()
                .add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
        } else {
            t.warn().patch(mark)
        };
        spans.push(Span::styled(&text[start..end], style));
        at = end;
    }
    if at < l.range.end {
        spans.push(Span::raw(&text[at..l.range.end]));
    }
    Line::from(spans)
}

pub fn view(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.theme;
    let Some(o) = &app.archive.open else {
        return;
    };
    let m = &o.record.meeting;
    let mut title = match app.lang {
        Lang::En => format!("Minutes · {}", m.label(app.lang)),
        _ => format!("{}{}", m.label(app.lang), app.say("纪要", "紀要", "")),
    };
    title += match (&m.signature, m.state) {
        (Some(_), _) => app.lang.pick("　✓ 已签发", "　✓ 已簽發", " · ✓ signed"),
        (None, MeetingState::Ended) => app.lang.pick("　○ 未签发", "　○ 未簽發", " · ○ not signed"),
        (None, _) => app
            .lang
            .pick("　会议未结束", "　會議未結束", " · meeting not ended"),
    };
    if !o.hits.is_empty() {
        title += &match app.lang {
            Lang::En => format!(" · “{}” {}/{}", app.archive.query, o.hit + 1, o.hits.len()),
            _ => format!(
                "　「{}」{}{}/{}",
                app.archive.query,
                app.say("第", "第", ""),
                o.hit + 1,
                o.hits.len()
            ),
        };
    }
    let block = panel(app, title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let (columns, rows) = geometry(area);
    let lines = layout(&o.paragraphs, columns);
    let scroll = o.scroll.min(lines.len().saturating_sub(rows));
    let shown: Vec<Line> = lines
        .iter()
        .skip(scroll)
        .take(rows)
        .map(|l| line(app, &o.paragraphs[l.para].text, l, &o.hits, o.hit))
        .collect();
    let left = inner.x + inner.width.saturating_sub(columns as u16) / 2;
    let text_area = Rect::new(
        left,
        inner.y,
        (columns as u16).min(inner.width),
        inner.height,
    );
    frame.render_widget(Paragraph::new(shown).style(t.base()), text_area);
    if lines.len() > rows {
        let pos = format!(
            " {}–{}/{} ",
            scroll + 1,
            (scroll + rows).min(lines.len()),
            lines.len()
        );
        let w = pos.len() as u16;
        if area.width > w + 2 {
            let r = Rect::new(area.right() - w - 1, area.bottom() - 1, w, 1);
            frame.render_widget(Paragraph::new(Span::styled(pos, t.muted())), r);
        }
    }
}
