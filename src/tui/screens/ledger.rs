//! The matter ledger (台账): every matter, its step, vote, tasks, satisfaction and overdue,
//! filtered by step, state and overdue; Enter shows a matter's history, x exports.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::ListItem;

use super::truncate;
use crate::domain::Step;
use crate::minutes::ledger::Row;
use crate::text::{Lang, width};
use crate::tui::action::Action;
use crate::tui::app::{App, Screen};
use crate::tui::archive::State;
use crate::tui::archive_forms;

pub fn enter(app: &mut App) {
    let today = app.now.date();
    match app.with_archive(|a, store| a.load_ledger(store, today)) {
        Ok(()) => app.visit(Screen::Ledger),
        Err(e) => app.refuse(e.describe(app.lang)),
    }
}

pub fn select(app: &mut App) {
    let Some(row) = app.archive.shown().get(app.selected).cloned() else {
        return;
    };
    match app.with_archive(|a, store| a.load_history(store, &row)) {
        Ok(()) => app.visit(Screen::History),
        Err(e) => app.refuse(e.describe(app.lang)),
    }
}

pub fn update(app: &mut App, action: Action) {
    let mut filter = app.archive.filter();
    let f = &mut filter;
    match action {
        Action::FilterStep => {
            f.step = match f.step {
                None => Some(Step::Collect),
                Some(Step::Review) => None,
                Some(s) => Step::ALL
                    .iter()
                    .position(|x| *x == s)
                    .and_then(|i| Step::ALL.get(i + 1).copied()),
            }
        }
        Action::FilterState => {
            let i = State::ALL.iter().position(|s| *s == f.state).unwrap_or(0);
            f.state = State::ALL[(i + 1) % State::ALL.len()];
        }
        Action::FilterOverdue => f.overdue_only = !f.overdue_only,
        Action::Export => {
            let form = archive_forms::export_ledger(app.now.date());
            return app.open_form(form);
        }
        _ => return,
    }
    app.archive.set_filter(filter);
    app.selected = 0;
}

fn state_label(s: State, lang: Lang) -> &'static str {
    match s {
        State::All => lang.pick("全部", "全部", "all"),
        State::Open => lang.pick("未办结", "未辦結", "open"),
        State::Rectifying => lang.pick("整改中", "整改中", "rectifying"),
        State::Completed => lang.pick("办结", "辦結", "completed"),
        State::NotAdopted => lang.pick("不予采纳", "不予採納", "not adopted"),
    }
}

/// `s` padded with spaces to `columns` display columns (cut if longer).
fn cell(s: &str, columns: usize) -> String {
    let s = truncate(s, columns);
    let pad = columns.saturating_sub(width(&s));
    format!("{s}{}", " ".repeat(pad))
}

fn row_line(app: &App, r: &Row, title_cols: usize) -> Line<'static> {
    let t = &app.theme;
    let mut stage = r.stage.label(app.lang).to_string();
    if r.rectifications > 0 && r.stage.is_open() {
        stage += app.lang.pick("·整改", "·整改", "·rect.");
    }
    let vote = match r.vote.and_then(|v| v.passed) {
        Some(true) => app.lang.pick("✓ 通过", "✓ 通過", "✓ adopted"),
        Some(false) => app.lang.pick("✗ 未通过", "✗ 未通過", "✗ rejected"),
        None => "",
    };
    let tasks = if r.tasks > 0 {
        format!("{}/{}", r.tasks_done, r.tasks)
    } else {
        String::new()
    };
    let mut spans = vec![
        Span::raw(cell(&r.id.to_string(), 5)),
        Span::raw(cell(&r.title, title_cols)),
        Span::styled(cell(&stage, 14), t.current()),
        Span::raw(cell(vote, 11)),
        Span::raw(cell(&tasks, 6)),
        Span::raw(cell(&r.rate(), 7)),
    ];
    if r.overdue > 0 {
        let text = match app.lang {
            Lang::En => format!("✗ {} overdue", r.overdue),
            _ => format!("✗ {}{}", app.lang.pick("逾期", "逾期", ""), r.overdue),
        };
        spans.push(Span::styled(text, t.bad()));
    }
    Line::from(spans)
}

pub fn view(frame: &mut Frame, area: Rect, app: &App) {
    let f = app.archive.filter();
    let rows = app.archive.shown();
    let fixed = 5 + 14 + 11 + 6 + 7 + 12;
    let title_cols = usize::from(area.width.saturating_sub(4))
        .saturating_sub(fixed)
        .max(10);
    let head = Line::from(Span::styled(
        format!(
            "{}{}{}{}{}{}",
            cell(app.lang.pick("编号", "編號", "No."), 5),
            cell(app.lang.pick("事项", "事項", "Matter"), title_cols),
            cell(app.lang.pick("当前", "當前", "Now at"), 14),
            cell(app.lang.pick("表决", "表決", "Vote"), 11),
            cell(app.lang.pick("任务", "任務", "Tasks"), 6),
            cell(app.lang.pick("满意率", "滿意率", "Rate"), 7),
        ),
        app.theme.muted(),
    ));
    // The header takes the list's first line; below it, only the rows that fit are built.
    let shown = super::window(
        app.selected,
        rows.len(),
        usize::from(area.height.saturating_sub(3)),
    );
    let first = shown.start;
    let mut items = vec![ListItem::new(head)];
    items.extend(
        shown
            .filter_map(|i| rows.get(i))
            .map(|r| ListItem::new(row_line(app, r, title_cols))),
    );
    let step = f.step.map_or(app.lang.pick("全部", "全部", "all"), |s| {
        s.label(app.lang)
    });
    let title = match app.lang {
        Lang::En => format!(
            "Matter ledger: {} shown · step {step} (f) · state {} (s) · overdue only {} (o)",
            rows.len(),
            state_label(f.state, app.lang),
            if f.overdue_only { "yes" } else { "no" }
        ),
        _ => format!(
            "{}{}{}{step}（f）{}{}（s）{}{}（o）",
            app.lang.pick("事项台账：", "事項台賬：", ""),
            rows.len(),
            app.lang.pick("项　步骤：", "項　步驟：", ""),
            app.lang.pick("　状态：", "　狀態：", ""),
            state_label(f.state, app.lang),
            app.lang.pick("　只看逾期：", "　只看逾期：", ""),
            if f.overdue_only {
                app.lang.pick("是", "是", "")
            } else {
                app.lang.pick("否", "否", "")
            },
        ),
    };
    let list = ratatui::widgets::List::new(items)
        .block(super::panel(app, title))
        .highlight_style(app.theme.selected())
        .highlight_symbol("► ");
    let selected = if rows.is_empty() {
        None
    } else {
        Some(app.selected - first + 1)
    };
    let mut state = ratatui::widgets::ListState::default().with_selected(selected);
    frame.render_stateful_widget(list, area, &mut state);
}
