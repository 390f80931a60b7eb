//! The matter ledger (台账): every matter, its step, vote, tasks, satisfaction and overdue,
//! filtered by step, state and overdue; Enter shows a matter's history, x exports.

use crate::words;
use crate::words::values;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::ListItem;

use super::truncate;
use crate::action::Action;
use crate::archive_forms;
use crate::effect::{Effect, Load};
use crate::ledger::State;
use crate::model::Model;
use yishi_domain::Step;
use yishi_minutes::ledger::Row;
use yishi_text::{Lang, width};

pub fn select(model: &Model) -> Vec<Effect> {
    model
        .archive
        .ledger
        .shown()
        .get(model.selected)
        .map(|row| Effect::Load(Load::History(Box::new(row.clone()))))
        .into_iter()
        .collect()
}

pub fn update(model: &Model, action: Action) -> Vec<Effect> {
    let mut f = model.archive.ledger.filter();
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
            // What is exported is every row the filter lets through, not only those read.
            return vec![
                Effect::Load(Load::LedgerTo(usize::MAX)),
                Effect::form(archive_forms::export_ledger(model.now.date())),
            ];
        }
        _ => return Vec::new(),
    }
    vec![Effect::Filter(f)]
}

fn state_label(s: State, lang: Lang) -> &'static str {
    match s {
        State::All => lang.say(words::ALL),
        State::Open => lang.say(words::OPEN),
        State::Rectifying => lang.say(words::RECTIFYING),
        State::Completed => lang.say(words::COMPLETED),
        State::NotAdopted => lang.say(words::NOT_ADOPTED),
    }
}

/// `s` padded with spaces to `columns` display columns, cut (with its mark) where longer: at
/// least one space is left before the next column.
fn cell(s: &str, columns: usize) -> String {
    let s = truncate(s, columns.saturating_sub(1));
    let pad = columns.saturating_sub(width(&s));
    format!("{s}{}", " ".repeat(pad))
}

fn row_line(model: &Model, r: &Row, title_cols: usize) -> Line<'static> {
    let t = &model.theme;
    let mut stage = r.stage.label(model.lang).to_string();
    if r.rectifications > 0 && r.stage.is_open() {
        stage += model.lang.say(words::RECT);
    }
    let vote = match r.vote.map(|v| (v.passed, v.no_decision)) {
        Some((Some(true), _)) => model.lang.say(words::ADOPTED),
        Some((Some(false), true)) => model.lang.say(words::NO_DECISION),
        Some((Some(false), false)) => model.lang.say(words::REJECTED),
        _ => "",
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
        let text = values::overdue(model.lang, r.overdue);
        spans.push(Span::styled(text, t.bad()));
    }
    Line::from(spans)
}

pub fn view(frame: &mut Frame, area: Rect, model: &Model) {
    let f = model.archive.ledger.filter();
    let rows = model.archive.ledger.shown();
    let fixed = 5 + 14 + 11 + 6 + 7 + 12;
    let title_cols = usize::from(area.width.saturating_sub(4))
        .saturating_sub(fixed)
        .max(10);
    let head = Line::from(Span::styled(
        format!(
            "{}{}{}{}{}{}",
            cell(model.lang.say(words::NUMBER_HEADING), 5),
            cell(model.lang.say(words::MATTER), title_cols),
            cell(model.lang.say(words::NOW_AT), 14),
            cell(model.lang.say(words::VOTE), 11),
            cell(model.lang.say(words::TASKS_HEADING), 6),
            cell(model.lang.say(words::RATE), 7),
        ),
        model.theme.muted(),
    ));
    // The header takes the list's first line; below it, only the rows that fit are built.
    let shown = super::window(
        model.selected,
        rows.len(),
        usize::from(area.height.saturating_sub(3)),
    );
    let first = shown.start;
    let mut items = vec![ListItem::new(head)];
    items.extend(
        shown
            .filter_map(|i| rows.get(i))
            .map(|r| ListItem::new(row_line(model, r, title_cols))),
    );
    let step = f
        .step
        .map_or(model.lang.say(words::ALL), |s| s.label(model.lang));
    let title = values::ledger_title(
        model.lang,
        rows.len(),
        model.archive.ledger.more(),
        step,
        state_label(f.state, model.lang),
        f.overdue_only,
    );
    let list = ratatui::widgets::List::new(items)
        .block(super::panel(model, title, area.width))
        .highlight_style(model.theme.selected())
        .highlight_symbol("► ");
    let selected = if rows.is_empty() {
        None
    } else {
        Some(model.selected - first + 1)
    };
    let mut state = ratatui::widgets::ListState::default().with_selected(selected);
    frame.render_stateful_widget(list, area, &mut state);
}
