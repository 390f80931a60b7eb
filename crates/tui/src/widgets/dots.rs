//! Words for the back row, drawn in Braille cells: a cell holds two by four dots, so a
//! character of unifont (16 pixels high, 8 or 16 wide) takes four rows and four or eight
//! columns. Four rows of a 56-row wall are a fourteenth of its height, where an ordinary line
//! is a fifty-sixth. Braille patterns are one column wide in every terminal, also in one that
//! draws ambiguous-width characters wide, so the words keep their place in both.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// Rows a line of dotted words takes: unifont's 16 pixels at four dots a cell.
pub const LINE_ROWS: u16 = 4;
const GLYPH_HEIGHT: usize = 16;

/// One line as pixels, 16 rows of them.
struct PixelLine {
    rows: Vec<Vec<bool>>,
}

impl PixelLine {
    fn of(text: &str) -> Option<PixelLine> {
        let mut rows = vec![Vec::new(); GLYPH_HEIGHT];
        for c in text.chars() {
            let glyph = unifont::get_glyph(c)?;
            for (y, row) in rows.iter_mut().enumerate() {
                row.extend((0..glyph.get_width()).map(|x| glyph.get_pixel(x, y)));
            }
        }
        Some(PixelLine { rows })
    }

    /// Columns of Braille cells: two pixels each.
    fn columns(&self) -> u16 {
        self.rows.first().map_or(0, |r| r.len().div_ceil(2)) as u16
    }

    fn inked(&self, x: usize, y: usize) -> bool {
        self.rows
            .get(y)
            .and_then(|r| r.get(x))
            .copied()
            .unwrap_or(false)
    }

    /// The Braille pattern of the cell at `col`, `row`; None where no dot is inked.
    fn cell(&self, col: u16, row: u16) -> Option<char> {
        // Dots 1–3 and 7 down the left, 4–6 and 8 down the right (ISO/TR 11548-1).
        const BITS: [[u32; 4]; 2] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]];
        let (x0, y0) = (usize::from(col) * 2, usize::from(row) * 4);
        let mut bits = 0;
        for (dx, column) in BITS.iter().enumerate() {
            for (dy, bit) in column.iter().enumerate() {
                if self.inked(x0 + dx, y0 + dy) {
                    bits |= bit;
                }
            }
        }
        (bits != 0).then(|| char::from_u32(0x2800 + bits)).flatten()
    }
}

/// Words laid out in dots: each line centred in the width it was fitted to.
pub struct Dots {
    lines: Vec<PixelLine>,
}

impl Dots {
    /// `text` wrapped by the rules of Chinese layout into lines no wider than `width` columns;
    /// None where a character has no glyph or a word is wider than the width.
    pub fn fit(text: &str, width: u16) -> Option<Dots> {
        // A column of text is 8 pixels, four cells; a character drawn wider than it is counted
        // (① is one column and 16 pixels) is caught by measuring, with a narrower wrap.
        let mut columns = usize::from(width / 4);
        while columns > 0 {
            let lines: Option<Vec<PixelLine>> = yishi_text::wrap(text, columns)
                .iter()
                .map(|l| PixelLine::of(l))
                .collect();
            let lines = lines?;
            if lines.iter().all(|l| l.columns() <= width) {
                return (!lines.is_empty()).then_some(Dots { lines });
            }
            columns -= 1;
        }
        None
    }

    pub fn height(&self) -> u16 {
        self.lines.len() as u16 * LINE_ROWS
    }

    /// Draws each line centred across `area`, clipped to it, in bold: terminals that have a
    /// bold face draw its dots larger, and a stroke of dots reads as a line from further away.
    pub fn render(&self, area: Rect, buf: &mut Buffer, style: Style) {
        let style = style.add_modifier(ratatui::style::Modifier::BOLD);
        for (i, line) in self.lines.iter().enumerate() {
            let top = area.y + i as u16 * LINE_ROWS;
            let left = area.x + area.width.saturating_sub(line.columns()) / 2;
            for row in 0..LINE_ROWS {
                let y = top + row;
                if y >= area.bottom() {
                    return;
                }
                for col in 0..line.columns() {
                    let x = left + col;
                    if x >= area.right() {
                        break;
                    }
                    if let Some(cell) = buf.cell_mut((x, y)) {
                        match line.cell(col, row) {
                            Some(c) => cell.set_char(c).set_style(style),
                            None => cell.set_symbol(" ").set_style(style),
                        };
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drawn(text: &str, width: u16) -> Vec<String> {
        let dots = Dots::fit(text, width).expect("fits");
        let area = Rect::new(0, 0, width, dots.height());
        let mut buf = Buffer::empty(area);
        dots.render(area, &mut buf, Style::new());
        (0..area.height)
            .map(|y| (0..area.width).map(|x| buf[(x, y)].symbol()).collect())
            .collect()
    }

    #[test]
    fn a_character_is_eight_columns_by_four_rows() {
        let rows = drawn("一", 8);
        assert_eq!(rows.len(), 4);
        // 一 is one stroke across the middle: its row of dots, and nothing above or below.
        let inked: Vec<usize> = (0..4).filter(|r| !rows[*r].trim().is_empty()).collect();
        assert_eq!(inked.len(), 1, "{rows:#?}");
        assert!(rows[inked[0]].chars().filter(|c| *c != ' ').count() >= 6);
    }

    #[test]
    fn long_words_wrap_and_what_has_no_room_does_not_fit() {
        // Five characters in 24 columns: three to a line, then two.
        let dots = Dots::fit("加装电梯吧", 24).expect("fits");
        assert_eq!(dots.height(), 8);
        assert!(Dots::fit("加", 7).is_none());
    }
}
