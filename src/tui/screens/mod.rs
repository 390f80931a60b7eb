//! One module per screen, each with its `update` and its `view`; this file routes to them
//! and draws what every screen shares: the header, the status line and the key hints.

pub mod agenda;
pub mod archive;
pub mod collect;
pub mod decide;
pub mod execute;
pub mod hear;
pub mod help;
pub mod history;
pub mod home;
pub mod ledger;
pub mod matter;
pub mod minutes;
pub mod overlays;
pub mod results;
pub mod review;
pub mod roll_call;
pub mod wall;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::action::Action;
use super::app::{App, Notice, Screen};
use super::keys;
use crate::domain::{Author, Council, Meeting, Step};
use crate::text::{Lang, sanitize_line, width};

/// The smallest window the console draws in.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

pub fn update(app: &mut App, action: Action) {
    if app.screen.is_archive() {
        return archive::update(app, action);
    }
    let rows = list_len(app);
    match action {
        Action::Up => app.selected = app.selected.saturating_sub(1),
        Action::Down => app.selected = (app.selected + 1).min(rows.saturating_sub(1)),
        Action::Back => match app.screen {
            Screen::Home => {}
            Screen::RollCall | Screen::Agenda => {
                app.data.meeting = None;
                app.timer = None;
                app.go(Screen::Home);
                app.reload();
            }
            Screen::Matter { id, .. } => {
                app.go(Screen::Agenda);
                app.selected = app.data.agenda.iter().position(|m| m.id == id).unwrap_or(0);
            }
            _ => app.leave(),
        },
        Action::ShowRollCall => app.go(Screen::RollCall),
        Action::ShowAgenda => app.go(Screen::Agenda),
        Action::StartMeeting | Action::EndMeeting => meeting_state(app, action),
        other => match app.screen {
            Screen::Home => home::update(app, other),
            Screen::RollCall => roll_call::update(app, other),
            Screen::Agenda => agenda::update(app, other),
            Screen::Matter { .. } => matter::update(app, other),
            _ => {}
        },
    }
}

fn meeting_state(app: &mut App, action: Action) {
    use crate::domain::{Change, MeetingState};
    let Some(m) = &app.data.meeting else {
        return;
    };
    let label = m.label(app.lang);
    let (wanted, change, question) = if action == Action::StartMeeting {
        (
            MeetingState::Preparing,
            Change::StartMeeting { meeting: m.id },
            app.say("宣布开会？", "宣布開會？", "Open the meeting?"),
        )
    } else {
        (
            MeetingState::InProgress,
            Change::EndMeeting { meeting: m.id },
            app.say(
                "宣布散会？散会后本次会议不能再记录。",
                "宣布散會？散會後本次會議不能再記錄。",
                "Close the meeting? Nothing more can be recorded in it afterwards.",
            ),
        )
    };
    if m.state != wanted {
        let why = format!("{label}：{}", m.state.label(app.lang));
        app.refuse(why);
        return;
    }
    app.ask(format!("{label}　{question}"), vec![change]);
}

/// Rows in the list the screen shows, for Up and Down.
fn list_len(app: &App) -> usize {
    match app.screen {
        Screen::Home => app.data.meetings.len(),
        Screen::RollCall => app.data.council.as_ref().map_or(0, |c| c.members.len()),
        Screen::Agenda => app.data.agenda.len(),
        Screen::Matter { id, step } => {
            let Some(m) = app.data.matter(id) else {
                return 0;
            };
            match step {
                Step::Collect => m.opinions.len(),
                Step::Hear => m.speeches.len(),
                Step::Decide => decide::voters(app).len(),
                Step::Execute => m.tasks.len(),
                Step::Review => 0,
            }
        }
        _ => 0,
    }
}

/// Draws the whole console.
pub fn view(frame: &mut Frame, app: &App) {
    let area = frame.area();
    frame.render_widget(Block::new().style(app.theme.base()), area);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, app);
        return;
    }
    if app.wall {
        wall::view(frame, area, app);
    } else {
        let [header, body, notice, hints] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(area);
        frame.render_widget(Paragraph::new(header_line(app, header.width)), header);
        match app.screen {
            Screen::Home => home::view(frame, body, app),
            Screen::RollCall => roll_call::view(frame, body, app),
            Screen::Agenda => agenda::view(frame, body, app),
            Screen::Matter { .. } => matter::view(frame, body, app),
            _ => archive::view(frame, body, app),
        }
        frame.render_widget(Paragraph::new(notice_line(app)), notice);
        frame.render_widget(Paragraph::new(hint_line(app, hints.width)), hints);
    }
    overlays::view(frame, area, app);
}

fn too_small(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let text = match app.lang {
        Lang::En => format!(
            "Please make the window at least {MIN_WIDTH}×{MIN_HEIGHT} (now {}×{}).",
            area.width, area.height
        ),
        _ => format!(
            "{}{MIN_WIDTH}×{MIN_HEIGHT}{}{}×{}{}",
            app.lang
                .pick("请把窗口放大到至少 ", "請把視窗放大到至少 ", ""),
            app.lang.pick("（现在是 ", "（現在是 ", ""),
            area.width,
            area.height,
            "）"
        ),
    };
    let lines: Vec<Line> = crate::text::wrap(&text, area.width.max(2) as usize)
        .into_iter()
        .map(Line::from)
        .collect();
    let h = lines.len() as u16;
    let y = area.y + area.height.saturating_sub(h) / 2;
    let rect = Rect::new(area.x, y, area.width, h.min(area.height));
    frame.render_widget(
        Paragraph::new(lines).centered().style(app.theme.title()),
        rect,
    );
}

/// A name as shown: members with their affiliation, residents by name.
pub fn author(council: &Council, a: &Author, lang: Lang) -> String {
    match a {
        Author::Member(id) => council
            .member(*id)
            .map_or_else(|| format!("#{id}"), |m| sanitize_line(&m.name)),
        Author::Resident(name) => format!(
            "{}{}",
            sanitize_line(name),
            lang.pick("（居民）", "（居民）", " (resident)")
        ),
        Author::Anonymous => lang.pick("匿名", "匿名", "anonymous").to_string(),
    }
}

/// 应到15人，实到12人；达到法定人数 — with a symbol and a word, never colour alone.
pub fn turnout_spans(app: &App, council: &Council, meeting: &Meeting) -> Vec<Span<'static>> {
    let t = meeting.turnout(council);
    let met = council.rule.quorum_met(t.present, t.entitled);
    let numbers = match app.lang {
        Lang::En => format!("entitled {}, present {}", t.entitled, t.present),
        Lang::ZhHant => format!("應到{}人，實到{}人", t.entitled, t.present),
        Lang::ZhHans => format!("应到{}人，实到{}人", t.entitled, t.present),
    };
    let verdict = if met {
        Span::styled(
            app.say("✓ 达到法定人数", "✓ 達到法定人數", "✓ quorum"),
            app.theme.ok(),
        )
    } else {
        Span::styled(
            app.say("✗ 未达法定人数", "✗ 未達法定人數", "✗ no quorum"),
            app.theme.bad(),
        )
    };
    vec![Span::raw(numbers), Span::raw("  "), verdict]
}

fn header_line(app: &App, columns: u16) -> Line<'static> {
    let t = &app.theme;
    let mut left = vec![Span::styled(
        app.say(" 议事 ", " 議事 ", " yishi "),
        t.selected(),
    )];
    if let Some(c) = &app.data.council {
        left.push(Span::styled(
            format!(" {}", sanitize_line(&c.name)),
            t.title(),
        ));
    }
    let mut right = Vec::new();
    if let (Some(c), Some(m)) = (&app.data.council, &app.data.meeting) {
        left.push(Span::raw(format!(
            " · {} · {}",
            m.label(app.lang),
            m.state.label(app.lang)
        )));
        right = turnout_spans(app, c, m);
    }
    let mut used: usize = left.iter().chain(&right).map(|s| width(&s.content)).sum();
    if used + 1 >= columns as usize && left.len() > 2 {
        // Narrow: the council's name gives way to the meeting and its quorum.
        used -= width(&left[1].content);
        left.remove(1);
        if let Some(rest) = left[1].content.strip_prefix(" · ") {
            let rest = format!(" {rest}");
            used -= 2;
            left[1] = Span::raw(rest);
        }
    }
    if used + 1 < columns as usize {
        left.push(Span::raw(" ".repeat(columns as usize - used - 1)));
        left.extend(right);
    }
    Line::from(left).style(t.base())
}

fn notice_line(app: &App) -> Line<'static> {
    match &app.notice {
        Some(Notice::Done(s)) => Line::from(Span::styled(format!(" ✓ {s}"), app.theme.ok())),
        Some(Notice::Refused(s)) => Line::from(vec![
            Span::styled(
                app.say(" ✗ 未执行：", " ✗ 未執行：", " ✗ Not done: "),
                app.theme.bad(),
            ),
            Span::styled(s.clone(), app.theme.bad()),
        ]),
        None => Line::default(),
    }
}

/// The keys of the screen's own scope, as many as fit, then the help key.
fn hint_line(app: &App, columns: u16) -> Line<'static> {
    let t = &app.theme;
    let scopes = app.scopes();
    let own = &scopes[scopes.len().saturating_sub(1)..];
    let mut spans = Vec::new();
    let help = app.say("？帮助", "？說明", "? help");
    let mut used = width(&help) + 2;
    for b in keys::bindings(own).filter(|b| decide::hint_applies(app, &b.action)) {
        let (k, h) = (b.keys[0].label(), b.help(app.lang));
        let short = h.split(['（', '(']).next().unwrap_or(h);
        let w = width(&k) + width(short) + 3;
        if used + w > columns as usize {
            break;
        }
        used += w;
        spans.push(Span::styled(format!(" {k}"), t.title()));
        spans.push(Span::styled(format!(" {short} "), t.muted()));
    }
    spans.push(Span::styled(format!(" {help}"), t.title()));
    Line::from(spans)
}

/// A bordered block with a title, in the theme.
pub fn panel(app: &App, title: String) -> Block<'static> {
    let block = Block::bordered().border_style(app.theme.border());
    if title.is_empty() {
        return block;
    }
    block.title(Span::styled(format!(" {title} "), app.theme.title()))
}

/// A stance or a role after a name: （支持） in Chinese, (for) in English.
pub fn aside(lang: Lang, s: &str) -> String {
    match lang {
        Lang::En => format!(" ({s})"),
        _ => format!("（{s}）"),
    }
}

/// `m:ss`, with a minus sign for overtime.
pub fn clock(seconds: i64) -> String {
    let sign = if seconds < 0 { "-" } else { "" };
    let s = seconds.unsigned_abs();
    format!("{sign}{}:{:02}", s / 60, s % 60)
}

/// `s` cut to `columns` on a grapheme boundary, with a full-width ellipsis mark when cut.
pub fn truncate(s: &str, columns: usize) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    let s = sanitize_line(s);
    if width(&s) <= columns {
        return s;
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = width(g);
        if used + w + 2 > columns {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('～');
    out
}

/// `text` wrapped to `columns` with the Chinese line-breaking rules, one styled line each.
pub fn wrapped(text: &str, columns: u16, style: ratatui::style::Style) -> Vec<Line<'static>> {
    crate::text::wrap(text, columns.max(2) as usize)
        .into_iter()
        .map(|l| Line::from(Span::styled(l, style)))
        .collect()
}

/// A bordered list of entries, each one or more lines, scrolled so the selected entry shows;
/// the selected entry's first line is marked.
pub fn entries(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    title: String,
    entries: Vec<Vec<Line<'static>>>,
    selected: Option<usize>,
) {
    let block = panel(app, title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut lines: Vec<Line> = Vec::new();
    let mut first_of_selected = 0;
    for (i, entry) in entries.into_iter().enumerate() {
        let chosen = selected == Some(i);
        if chosen {
            first_of_selected = lines.len();
        }
        for (j, mut line) in entry.into_iter().enumerate() {
            let mark = if chosen && j == 0 { "► " } else { "  " };
            line.spans.insert(0, Span::styled(mark, app.theme.title()));
            if chosen && j == 0 {
                line = line.patch_style(app.theme.selected());
            }
            lines.push(line);
        }
    }
    let height = inner.height as usize;
    let scroll = (first_of_selected + 1).saturating_sub(height);
    frame.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), inner);
}

/// `label` then the items joined by 、, wrapped so that no item (a name) is split.
pub fn wrapped_items(
    label: &str,
    items: &[String],
    columns: u16,
    style: ratatui::style::Style,
) -> Vec<Line<'static>> {
    let columns = columns.max(4) as usize;
    let mut lines = Vec::new();
    let mut line = label.to_string();
    for (i, item) in items.iter().enumerate() {
        let piece = if i + 1 < items.len() {
            format!("{item}、")
        } else {
            item.clone()
        };
        if width(&line) + width(&piece) > columns && width(&line) > 0 {
            lines.push(Line::from(Span::styled(std::mem::take(&mut line), style)));
        }
        line.push_str(&truncate(&piece, columns));
    }
    lines.push(Line::from(Span::styled(line, style)));
    lines
}

/// A bordered list with the screen's selected row marked, scrolled into view.
/// The rows of a list of `len` that show in `height` lines with `selected` among them: the
/// list scrolls only as far as the selection needs. Only these are built, so a list of tens of
/// thousands costs a frame no more than a list of ten.
pub fn window(selected: usize, len: usize, height: usize) -> std::ops::Range<usize> {
    let height = height.max(1);
    let start = (selected + 1).saturating_sub(height).min(len);
    start..(start + height).min(len)
}

/// A meeting as a list row: its date, `council` (if any), year and number, a `mark` (its state
/// or its signature) and as much of its title as fits in `columns`.
pub fn meeting_line(
    app: &App,
    h: &crate::store::MeetingHead,
    council: &str,
    mark: Span<'static>,
    columns: usize,
) -> Line<'static> {
    let label = match app.lang {
        crate::text::Lang::En => format!("{}-{:<2}", h.year, h.number),
        _ => format!("{}年第{}次", h.year, h.number),
    };
    let head = format!("{}  {council}{label}  ", h.start.format("%Y-%m-%d"));
    let room = columns.saturating_sub(width(&head) + width(&mark.content));
    Line::from(vec![
        Span::raw(head),
        mark,
        Span::raw(truncate(&h.title, room)),
    ])
}

/// A list of one-line rows where the selected row's words (not the whole row) are marked:
/// moving the selection then rewrites two rows' words and nothing else.
pub fn line_list(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    title: String,
    len: usize,
    line: impl Fn(usize) -> Line<'static>,
) {
    let shown = window(
        app.selected,
        len,
        usize::from(area.height.saturating_sub(2)),
    );
    let first = shown.start;
    let selected = (app.selected < len).then(|| app.selected - first);
    let items: Vec<ratatui::widgets::ListItem> = shown
        .map(|i| {
            let mut l = line(i);
            if Some(i - first) == selected {
                for span in &mut l.spans {
                    span.style = span.style.patch(app.theme.selected());
                }
            }
            ratatui::widgets::ListItem::new(l)
        })
        .collect();
    let list = ratatui::widgets::List::new(items)
        .block(panel(app, title))
        .highlight_symbol("► ");
    let mut state = ratatui::widgets::ListState::default().with_selected(selected);
    frame.render_stateful_widget(list, area, &mut state);
}

pub fn selectable_list(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    title: String,
    len: usize,
    item: impl Fn(usize) -> ratatui::widgets::ListItem<'static>,
) {
    let shown = window(
        app.selected,
        len,
        usize::from(area.height.saturating_sub(2)),
    );
    let selected = (app.selected < len).then(|| app.selected - shown.start);
    let list = ratatui::widgets::List::new(shown.map(item))
        .block(panel(app, title))
        .highlight_style(app.theme.selected())
        .highlight_symbol("► ");
    let mut state = ratatui::widgets::ListState::default().with_selected(selected);
    frame.render_stateful_widget(list, area, &mut state);
}

#[cfg(test)]
mod window_tests {
    use super::window;

    #[test]
    fn the_window_holds_the_selection_and_no_more_than_fits() {
        let cases = [
            // (selected, len, height) → rows built
            ((0, 0, 5), 0..0),
            ((0, 3, 5), 0..3),
            ((4, 10, 5), 0..5),
            ((5, 10, 5), 1..6),
            ((9, 10, 5), 5..10),
            ((59_999, 60_000, 50), 59_950..60_000),
            ((0, 60_000, 0), 0..1),
        ];
        for ((selected, len, height), want) in cases {
            assert_eq!(
                window(selected, len, height),
                want,
                "{selected} {len} {height}"
            );
        }
    }
}
