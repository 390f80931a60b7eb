//! The wall's layout: a head at the top, then pieces stacked and centred both ways, ordinary
//! lines at their height, words for the back row in dots, and large type given the rows left,
//! so that the step's key figure takes the screen whatever its size. Where the screen is too
//! short for dotted words and a key figure of a sixth of its height, the words are ordinary
//! lines, and a smaller window still shows every piece.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::big::Big;
use super::dots::Dots;

pub enum Piece {
    /// Ordinary lines, each centred.
    Lines(Vec<Line<'static>>),
    /// Words the back row must read (a title, a motion, what a figure is): in dots.
    Words { text: String, style: Style },
    /// Large text: with no cap it takes the rows the others leave; else at most `cap` rows.
    Big {
        text: String,
        style: Style,
        cap: Option<u16>,
    },
    /// Large figures side by side at one scale, each under its heading (in dots).
    Columns {
        items: Vec<(String, String)>,
        heading: Style,
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

    pub fn words(text: impl Into<String>, style: Style) -> Piece {
        Piece::Words {
            text: text.into(),
            style,
        }
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

    fn cap(&self) -> Option<Option<u16>> {
        match self {
            Piece::Big { cap, .. } | Piece::Columns { cap, .. } => Some(*cap),
            _ => None,
        }
    }
}

/// Words as they are drawn: in dots, or as ordinary centred lines.
enum Said {
    Dotted(Dots),
    Plain(Vec<Line<'static>>),
}

impl Said {
    fn of(text: &str, style: Style, width: u16, dotted: bool) -> Said {
        match Dots::fit(text, width).filter(|_| dotted) {
            Some(d) => Said::Dotted(d),
            None => Said::Plain(
                yishi_text::wrap(text, usize::from(width))
                    .into_iter()
                    .map(|l| Line::styled(l, style))
                    .collect(),
            ),
        }
    }

    fn rows(&self) -> u16 {
        match self {
            Said::Dotted(d) => d.height(),
            Said::Plain(l) => l.len() as u16,
        }
    }

    /// Rows as a heading over a figure: dotted words keep a blank row between them and it.
    fn heading_rows(&self) -> u16 {
        match self {
            Said::Dotted(d) => d.height() + 1,
            Said::Plain(l) => l.len() as u16,
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, style: Style) {
        match self {
            Said::Dotted(d) => d.render(area, frame.buffer_mut(), style),
            Said::Plain(lines) => {
                let lines: Vec<Line> = lines.iter().map(|l| l.clone().centered()).collect();
                frame.render_widget(Paragraph::new(lines), area);
            }
        }
    }
}

/// A piece laid out: its rows, and what is drawn in them.
enum Placed<'a> {
    Text(&'a [Line<'static>]),
    Said(Said, Style),
    Blank,
    Big(Option<Big>, &'a str, Style),
    Columns(Vec<(Said, Option<Big>, &'a str)>, Style, Style),
}

fn big_rows(b: &Option<Big>) -> u16 {
    b.as_ref().map_or(1, Big::height)
}

/// The width of each column of a `Columns` piece of `n`.
fn column_width(width: u16, n: usize) -> u16 {
    width / n.max(1) as u16
}

/// The headings over columns, one form for all: in dots only if every one fits so.
fn headings(items: &[(String, String)], style: Style, width: u16, dotted: bool) -> Vec<Said> {
    let col = column_width(width, items.len());
    let dotted = dotted && items.iter().all(|(h, _)| Dots::fit(h, col).is_some());
    items
        .iter()
        .map(|(h, _)| Said::of(h, style, col, dotted))
        .collect()
}

/// Rows that do not grow: lines, gaps, words, the headings over columns.
fn fixed(p: &Piece, width: u16, dotted: bool) -> u16 {
    match p {
        Piece::Lines(l) => l.len() as u16,
        Piece::Gap => 1,
        Piece::Words { text, style } => Said::of(text, *style, width, dotted).rows(),
        Piece::Columns { items, heading, .. } => headings(items, *heading, width, dotted)
            .iter()
            .map(Said::heading_rows)
            .max()
            .unwrap_or(1),
        Piece::Big { .. } => 0,
    }
}

/// Each large piece's rows: the capped ones first, at most an even share, then the rest
/// shared by those without a cap.
fn shares(pieces: &[&Piece], room: u16) -> Vec<u16> {
    let grow: Vec<Option<u16>> = pieces.iter().filter_map(|p| p.cap()).collect();
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

fn place<'a>(pieces: &[&'a Piece], width: u16, room: u16, dotted: bool) -> Vec<Placed<'a>> {
    let mut share = shares(pieces, room).into_iter();
    pieces
        .iter()
        .map(|p| match p {
            Piece::Lines(l) => Placed::Text(l),
            Piece::Gap => Placed::Blank,
            Piece::Words { text, style } => {
                Placed::Said(Said::of(text, *style, width, dotted), *style)
            }
            Piece::Big { text, style, .. } => {
                let rows = share.next().unwrap_or(0);
                Placed::Big(Big::fit(text, width, rows, None), text, *style)
            }
            Piece::Columns {
                items,
                heading,
                style,
                ..
            } => {
                let rows = share.next().unwrap_or(0);
                let col = column_width(width, items.len());
                let cell = col.saturating_sub(2);
                // One scale for all: the largest every figure fits at.
                let k = items
                    .iter()
                    .map(|(_, t)| Big::fit(t, cell, rows, None).map_or(0, |b| b.scale()))
                    .min()
                    .unwrap_or(0);
                let placed = headings(items, *heading, width, dotted)
                    .into_iter()
                    .zip(items)
                    .map(|(said, (_, t))| {
                        let big = if k > 0 { Big::at(t, k) } else { None };
                        (said, big, t.as_str())
                    })
                    .collect();
                Placed::Columns(placed, *heading, *style)
            }
        })
        .collect()
}

fn rows_of(p: &Placed) -> u16 {
    match p {
        Placed::Text(l) => l.len() as u16,
        Placed::Said(s, _) => s.rows(),
        Placed::Blank => 1,
        Placed::Big(b, ..) => big_rows(b),
        Placed::Columns(items, ..) => {
            items
                .iter()
                .map(|(h, ..)| h.heading_rows())
                .max()
                .unwrap_or(1)
                + items.iter().map(|(_, b, _)| big_rows(b)).max().unwrap_or(1)
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

/// Draws placed pieces from row `y` down, clipped to `area`.
fn draw_placed(frame: &mut Frame, area: Rect, mut y: u16, placed: &[Placed]) {
    for p in placed {
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
            Placed::Said(said, style) => said.draw(frame, at, *style),
            Placed::Blank => {}
            Placed::Big(b, text, style) => draw_big(frame, at, b, text, *style),
            Placed::Columns(items, heading, style) => {
                let w = column_width(area.width, items.len());
                let head_rows = items
                    .iter()
                    .map(|(h, ..)| h.heading_rows())
                    .max()
                    .unwrap_or(1);
                for (i, (said, big, text)) in items.iter().enumerate() {
                    let col = Rect::new(area.x + w * i as u16, y, w, at.height);
                    said.draw(
                        frame,
                        col.intersection(Rect {
                            height: head_rows,
                            ..col
                        }),
                        *heading,
                    );
                    let below = Rect {
                        y: col.y + head_rows,
                        height: col.height.saturating_sub(head_rows),
                        ..col
                    };
                    draw_big(frame, below, big, text, *style);
                }
            }
        }
        y += h;
    }
}

/// Whether words can be dotted: the pieces' fixed rows in dots leave each large piece at
/// least a sixth of the height.
fn dots_fit(pieces: &[&Piece], width: u16, height: u16) -> bool {
    let fixed: u16 = pieces.iter().map(|p| fixed(p, width, true)).sum();
    let large = pieces.iter().filter(|p| p.cap().is_some()).count() as u16;
    fixed + large * height.div_ceil(6) <= height
}

/// Draws the pieces in `area`, the whole stack centred from top to bottom.
pub fn draw(frame: &mut Frame, area: Rect, pieces: &[Piece]) {
    draw_with_head(frame, area, &[], pieces);
}

/// Draws `head` from the top of `area` and `body` centred in the rows below it. Words are in
/// dots in both or in neither.
pub fn draw_with_head(frame: &mut Frame, area: Rect, head: &[Piece], body: &[Piece]) {
    let all: Vec<&Piece> = head.iter().chain(body).collect();
    let dotted = dots_fit(&all, area.width, area.height);
    let head: Vec<&Piece> = head.iter().collect();
    let placed_head = place(&head, area.width, 0, dotted);
    let used: u16 = placed_head
        .iter()
        .map(rows_of)
        .sum::<u16>()
        .min(area.height);
    draw_placed(frame, area, area.y, &placed_head);
    let rest = Rect {
        y: area.y + used,
        height: area.height - used,
        ..area
    };
    let body: Vec<&Piece> = body.iter().collect();
    let fixed: u16 = body.iter().map(|p| fixed(p, rest.width, dotted)).sum();
    let placed = place(&body, rest.width, rest.height.saturating_sub(fixed), dotted);
    let total: u16 = placed.iter().map(rows_of).sum();
    let y = rest.y + rest.height.saturating_sub(total) / 2;
    draw_placed(frame, rest, y, &placed);
}
