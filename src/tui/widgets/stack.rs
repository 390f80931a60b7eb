//! The wall's layout: pieces stacked top to bottom and centred both ways, ordinary lines at
//! their height and large type given the rows left, so that the step's key figure takes the
//! screen whatever its size, and a smaller window still shows every piece.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::big::Big;

pub enum Piece {
    /// Ordinary lines, each centred.
    Lines(Vec<Line<'static>>),
    /// Large text: with no cap it takes the rows the others leave; else at most `cap` rows.
    Big {
        text: String,
        style: Style,
        cap: Option<u16>,
    },
    /// Large figures side by side at one scale, each under its label.
    Columns {
        items: Vec<(Line<'static>, String)>,
        style: Style,
        cap: Option<u16>,
    },
    /// An empty row.
    Gap,
}

impl Piece {
    pub fn line(line: impl Into<Line<'static>>) -> Piece {
        Piece::Lines(vec![line.into()])
    }

    pub fn big(text: impl Into<String>, style: Style) -> Piece {
        Piece::Big {
            text: text.into(),
            style,
            cap: None,
        }
    }

    pub fn big_at_most(text: impl Into<String>, style: Style, rows: u16) -> Piece {
        Piece::Big {
            text: text.into(),
            style,
            cap: Some(rows),
        }
    }

    /// Rows that do not grow: lines, gaps, the labels over columns.
    fn fixed(&self) -> u16 {
        match self {
            Piece::Lines(l) => l.len() as u16,
            Piece::Gap => 1,
            Piece::Columns { .. } => 1,
            Piece::Big { .. } => 0,
        }
    }

    fn cap(&self) -> Option<Option<u16>> {
        match self {
            Piece::Big { cap, .. } | Piece::Columns { cap, .. } => Some(*cap),
            _ => None,
        }
    }
}

/// A piece laid out: its rows, and for large type what is drawn in them.
enum Placed<'a> {
    Text(&'a [Line<'static>]),
    Blank,
    Big(Option<Big>, &'a str, Style),
    Columns(Vec<(&'a Line<'static>, Option<Big>, &'a str)>, Style),
}

fn big_rows(b: &Option<Big>) -> u16 {
    b.as_ref().map_or(1, Big::height)
}

/// Each large piece's rows: the capped ones first, at most an even share, then the rest
/// shared by those without a cap.
fn shares(pieces: &[Piece], room: u16) -> Vec<u16> {
    let grow: Vec<Option<u16>> = pieces.iter().filter_map(Piece::cap).collect();
    let n = grow.len().max(1) as u16;
    let mut left = room;
    let capped: Vec<Option<u16>> = grow
        .iter()
        .map(|c| {
            c.map(|c| {
                let r = c.min(room / n);
                left = left.saturating_sub(r);
                r
            })
        })
        .collect();
    let open = capped.iter().filter(|c| c.is_none()).count().max(1) as u16;
    capped
        .into_iter()
        .map(|c| c.unwrap_or(left / open))
        .collect()
}

fn place<'a>(pieces: &'a [Piece], width: u16, room: u16) -> Vec<Placed<'a>> {
    let mut share = shares(pieces, room).into_iter();
    pieces
        .iter()
        .map(|p| match p {
            Piece::Lines(l) => Placed::Text(l),
            Piece::Gap => Placed::Blank,
            Piece::Big { text, style, .. } => {
                let rows = share.next().unwrap_or(0);
                Placed::Big(Big::fit(text, width, rows, None), text, *style)
            }
            Piece::Columns { items, style, .. } => {
                let rows = share.next().unwrap_or(0);
                let col = width / items.len().max(1) as u16;
                let cell = col.saturating_sub(2);
                // One scale for all: the largest every figure fits at.
                let k = items
                    .iter()
                    .map(|(_, t)| Big::fit(t, cell, rows, None).map_or(0, |b| b.scale()))
                    .min()
                    .unwrap_or(0);
                let placed = items
                    .iter()
                    .map(|(label, t)| {
                        let big = if k > 0 { Big::at(t, k) } else { None };
                        (label, big, t.as_str())
                    })
                    .collect();
                Placed::Columns(placed, *style)
            }
        })
        .collect()
}

fn rows_of(p: &Placed) -> u16 {
    match p {
        Placed::Text(l) => l.len() as u16,
        Placed::Blank => 1,
        Placed::Big(b, ..) => big_rows(b),
        Placed::Columns(items, _) => {
            1 + items.iter().map(|(_, b, _)| big_rows(b)).max().unwrap_or(1)
        }
    }
}

/// Large text centred across `area` from its top, or its words as one line where it does not
/// fit at any scale.
fn draw_big(frame: &mut Frame, area: Rect, big: &Option<Big>, text: &str, style: Style) {
    match big {
        Some(b) => {
            let x = area.x + area.width.saturating_sub(b.width()) / 2;
            let at = Rect::new(x, area.y, b.width().min(area.width), b.height());
            b.render(at.intersection(area), frame.buffer_mut(), style);
        }
        None => {
            let line = Line::styled(text.to_string(), style).centered();
            frame.render_widget(Paragraph::new(line), Rect { height: 1, ..area });
        }
    }
}

/// Draws the pieces in `area`, the whole stack centred from top to bottom.
pub fn draw(frame: &mut Frame, area: Rect, pieces: &[Piece]) {
    let fixed: u16 = pieces.iter().map(Piece::fixed).sum();
    let placed = place(pieces, area.width, area.height.saturating_sub(fixed));
    let total: u16 = placed.iter().map(rows_of).sum();
    let mut y = area.y + area.height.saturating_sub(total) / 2;
    for p in &placed {
        let h = rows_of(p);
        let bottom = area.bottom();
        if y >= bottom {
            break;
        }
        let at = Rect::new(area.x, y, area.width, h.min(bottom - y));
        match p {
            Placed::Text(lines) => {
                let lines: Vec<Line> = lines.iter().map(|l| l.clone().centered()).collect();
                frame.render_widget(Paragraph::new(lines), at);
            }
            Placed::Blank => {}
            Placed::Big(b, text, style) => draw_big(frame, at, b, text, *style),
            Placed::Columns(items, style) => {
                let n = items.len().max(1) as u16;
                let w = area.width / n;
                for (i, (label, big, text)) in items.iter().enumerate() {
                    let col = Rect::new(area.x + w * i as u16, y, w, at.height);
                    let head = Paragraph::new((*label).clone().centered());
                    frame.render_widget(head, Rect { height: 1, ..col });
                    let below = Rect {
                        y: col.y + 1,
                        height: col.height.saturating_sub(1),
                        ..col
                    };
                    draw_big(frame, below, big, text, *style);
                }
            }
        }
        y += h;
    }
}
