//! Giant text from the unifont bitmap font: each 16-pixel-high glyph is drawn with quadrant
//! blocks, two by two pixels a cell, so a Chinese character takes 8 columns by 8 rows and a
//! digit 4 by 8.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

pub const HEIGHT: u16 = 8;

/// Quadrants indexed by top-left, top-right, bottom-left, bottom-right bits (8, 4, 2, 1).
const QUADRANTS: [&str; 16] = [
    " ", "▗", "▖", "▄", "▝", "▐", "▞", "▟", "▘", "▚", "▌", "▙", "▀", "▜", "▛", "█",
];

/// Columns `text` takes in giant letters, or None when a character has no glyph.
pub fn width(text: &str) -> Option<u16> {
    text.chars()
        .map(|c| unifont::get_glyph(c).map(|g| (g.get_width() / 2) as u16))
        .sum()
}

/// Draws `text` at the top left of `area`, clipped to it.
pub fn render(text: &str, area: Rect, buf: &mut Buffer, style: Style) {
    let mut x0 = area.x;
    for c in text.chars() {
        let Some(glyph) = unifont::get_glyph(c) else {
            continue;
        };
        let cols = (glyph.get_width() / 2) as u16;
        for row in 0..HEIGHT.min(area.height) {
            for col in 0..cols {
                let x = x0 + col;
                if x >= area.right() {
                    break;
                }
                let (px, py) = (col as usize * 2, row as usize * 2);
                let bit = |dx: usize, dy: usize| usize::from(glyph.get_pixel(px + dx, py + dy));
                let index = bit(0, 0) << 3 | bit(1, 0) << 2 | bit(0, 1) << 1 | bit(1, 1);
                if let Some(cell) = buf.cell_mut((x, area.y + row)) {
                    cell.set_symbol(QUADRANTS[index]).set_style(style);
                }
            }
        }
        x0 += cols;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_is_eight_columns_and_digits_four() {
        assert_eq!(width("通过"), Some(16));
        assert_eq!(width("12"), Some(8));
        assert_eq!(width("电梯3"), Some(20));
    }

    #[test]
    fn a_glyph_is_drawn_from_its_bitmap() {
        let area = Rect::new(0, 0, 8, 8);
        let mut buf = Buffer::empty(area);
        render("一", area, &mut buf, Style::new());
        let rows: Vec<String> = (0..8)
            .map(|y| (0..8).map(|x| buf[(x, y)].symbol().to_string()).collect())
            .collect();
        // 一 is one horizontal stroke: one row holds ink, the others are blank.
        let inked: Vec<&String> = rows.iter().filter(|r| !r.trim().is_empty()).collect();
        assert_eq!(inked.len(), 1, "{rows:#?}");
        assert!(inked[0].chars().filter(|c| *c != ' ').count() >= 6);
    }
}
