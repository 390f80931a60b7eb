//! One meeting's minutes, laid out like `yishi minutes` at the width of the screen: scroll,
//! jump between search hits, export, sign, correct.

use crate::words;
use crate::words::values;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use yishi_domain::SignMeeting;

use super::panel;
use crate::action::Action;
use crate::archive::{LineRef, Open, layout};
use crate::archive_forms;
use crate::effect::{Effect, Load};
use crate::model::Model;
use yishi_domain::MeetingState;

/// The search form (from the list of meetings or from a meeting's minutes), with the search
/// text read ahead while the words are typed.
pub fn search(model: &Model) -> Vec<Effect> {
    vec![
        Effect::Load(Load::ReadAhead),
        Effect::form(archive_forms::search(&model.archive.query)),
    ]
}

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
fn body(model: &Model) -> Rect {
    Rect::new(0, 0, model.viewport.0, model.viewport.1.saturating_sub(3))
}

/// Just opened at a search hit (paragraph, byte): that hit, shown.
pub fn at_hit(model: &Model, (para, start): (usize, usize)) -> Option<Effect> {
    let o = model.archive.open.as_ref()?;
    let hit = o
        .hits
        .iter()
        .position(|(p, r)| *p == para && r.start == start)
        .unwrap_or(0);
    Some(show_hit(model, o, hit))
}

/// Hit `hit` made current, scrolled to stand a third of the way down.
fn show_hit(model: &Model, o: &Open, hit: usize) -> Effect {
    let (columns, rows) = geometry(body(model));
    let mut scroll = o.scroll;
    if let Some((para, range)) = o.hits.get(hit) {
        let lines = layout(&o.paragraphs, columns);
        if let Some(i) = lines
            .iter()
            .position(|l| l.para == *para && l.range.end > range.start)
        {
            scroll = i.saturating_sub(rows / 3);
        }
    }
    Effect::Scroll { scroll, hit }
}

pub fn update(model: &Model, action: Action) -> Vec<Effect> {
    let (columns, rows) = geometry(body(model));
    let lang = model.lang;
    let Some(o) = &model.archive.open else {
        return vec![Effect::Leave];
    };
    let last = layout(&o.paragraphs, columns).len().saturating_sub(rows);
    let page = rows.saturating_sub(1).max(1);
    let scroll = |scroll: usize| vec![Effect::Scroll { scroll, hit: o.hit }];
    match action {
        Action::Back => vec![Effect::Leave],
        Action::Up => scroll(o.scroll.saturating_sub(1)),
        Action::Down => scroll((o.scroll + 1).min(last)),
        Action::PageUp => scroll(o.scroll.saturating_sub(page)),
        Action::PageDown => scroll((o.scroll + page).min(last)),
        Action::NextHit | Action::PrevHit => {
            if o.hits.is_empty() {
                return vec![Effect::Refuse(model.say(words::NO_SEARCH_HITS_PRESS_TO))];
            }
            let n = o.hits.len();
            let hit = if action == Action::NextHit {
                (o.hit + 1) % n
            } else {
                (o.hit + n - 1) % n
            };
            vec![show_hit(model, o, hit)]
        }
        Action::Export => vec![Effect::form(archive_forms::export_minutes(&o.record))],
        Action::Correct => {
            if o.record.meeting.state != MeetingState::Ended {
                return vec![Effect::Refuse(model.say(words::THE_MEETING_HAS_NOT_ENDED))];
            }
            vec![Effect::form(archive_forms::correction(&o.record, lang))]
        }
        Action::Sign => {
            let m = &o.record.meeting;
            let c = &o.record.council;
            // Refused before the question or the signers' form, as the record would refuse it.
            let refused = match &m.signature {
                Some(s) => Some(yishi_domain::Refusal::AlreadySigned { at: s.at }),
                None => (m.state != MeetingState::Ended)
                    .then_some(yishi_domain::Refusal::MeetingState { state: m.state }),
            };
            if let Some(why) = refused {
                return vec![Effect::Refuse(why.describe(lang))];
            }
            let keyed = yishi_store::seal::keyed_signers(c, m);
            if !keyed.is_empty() && m.signature.is_none() {
                return vec![Effect::form(archive_forms::seal(m, c, keyed, lang))];
            }
            let question = values::sign_question(
                lang,
                &m.label(lang),
                &c.name_of(m.chair),
                &c.name_of(m.recorder),
            );
            let change = yishi_domain::Change::SignMeeting(SignMeeting {
                meeting: m.id,
                sealed: None,
            });
            vec![Effect::ask(question, vec![change])]
        }
        Action::Search => search(model),
        Action::ShowLedger => vec![Effect::Load(Load::Ledger)],
        _ => Vec::new(),
    }
}

/// One screen line of the minutes with the search hits in it marked: every hit underlined
/// and bold, the current one reversed as well (marked without colour).
fn line<'a>(
    model: &Model,
    text: &'a str,
    l: &LineRef,
    hits: &[(usize, std::ops::Range<usize>)],
    current: usize,
) -> Line<'a> {
    let t = &model.theme;
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

pub fn view(frame: &mut Frame, area: Rect, model: &Model) {
    let t = &model.theme;
    let Some(o) = &model.archive.open else {
        return;
    };
    let m = &o.record.meeting;
    let mut title = values::minutes_of(model.lang, &m.label(model.lang));
    title += match (&m.signature, m.state) {
        (Some(_), _) => model.lang.say(words::SIGNED_MARK),
        (None, MeetingState::Ended) => model.lang.say(words::NOT_SIGNED),
        (None, _) => model.lang.say(words::MEETING_NOT_ENDED),
    };
    if !o.hits.is_empty() {
        title += &values::hit_of(model.lang, &model.archive.query, o.hit + 1, o.hits.len());
    }
    let block = panel(model, title, area.width);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let (columns, rows) = geometry(area);
    let lines = layout(&o.paragraphs, columns);
    let scroll = o.scroll.min(lines.len().saturating_sub(rows));
    let shown: Vec<Line> = lines
        .iter()
        .skip(scroll)
        .take(rows)
        .map(|l| line(model, &o.paragraphs[l.para].text, l, &o.hits, o.hit))
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
