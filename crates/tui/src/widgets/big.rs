//! Large type for the wall, drawn with half blocks: a cell is two square pixels, one above the
//! other, so a font pixel scaled by `k` is `k` columns by `k` half rows and stays square.
//! Figures come from a bold face of our own, 5 by 7 pixels, shaped so that none can be taken
//! for another across a hall (a plain 0, a 1 with its foot); other characters come from the
//! unifont bitmaps, thickened by a pixel to the right so their strokes are not hairlines.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// The scales drawn, largest first: past them a figure is large enough and the room sees more
/// context. Above 1 only even scales, so that every pixel is whole cells and no stroke is
/// left to a half block's glyph (which many terminals draw a pixel short, leaving hairlines).
/// Characters of unifont are 16 pixels, figures 7, so words stop sooner.
const FIGURE_SCALES: [u16; 4] = [6, 4, 2, 1];
const WORD_SCALES: [u16; 2] = [2, 1];
/// The figures' face is this many pixels high; unifont's is 16.
const FIGURE_HEIGHT: u16 = 7;
const UNIFONT_HEIGHT: u16 = 16;

/// The figures' face, a row of pixels a string.
fn figure(c: char) -> Option<&'static [&'static str; 7]> {
    Some(match c {
        '0' => &[
            ".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###.",
        ],
        '1' => &[
            "..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###.",
        ],
        '2' => &[
            ".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####",
        ],
        '3' => &[
            ".###.", "#...#", "....#", "..##.", "....#", "#...#", ".###.",
        ],
        '4' => &[
            "...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#.",
        ],
        '5' => &[
            "#####", "#....", "####.", "....#", "....#", "#...#", ".###.",
        ],
        '6' => &[
            ".###.", "#....", "#....", "####.", "#...#", "#...#", ".###.",
        ],
        '7' => &[
            "#####", "....#", "...#.", "..#..", "..#..", "..#..", "..#..",
        ],
        '8' => &[
            ".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###.",
        ],
        '9' => &[
            ".###.", "#...#", "#...#", ".####", "....#", "....#", ".###.",
        ],
        ':' => &[".", "#", ".", ".", ".", "#", "."],
        '.' => &[".", ".", ".", ".", ".", ".", "#"],
        '-' => &["...", "...", "...", "###", "...", "...", "..."],
        '+' => &[
            ".....", "..#..", "..#..", "#####", "..#..", "..#..", ".....",
        ],
        '/' => &[
            "....#", "....#", "...#.", "..#..", ".#...", "#....", "#....",
        ],
        '%' => &[
            "##..#", "##..#", "...#.", "..#..", ".#...", "#..##", "#..##",
        ],
        ' ' => &["..", "..", "..", "..", "..", "..", ".."],
        _ => return None,
    })
}

/// Whether `text` is drawn in the figures' face (every character has a figure glyph).
fn in_figures(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| figure(c).is_some())
}

/// A string laid out as pixels: its width and height, and whether a pixel is inked.
struct Pixels {
    width: u16,
    height: u16,
    rows: Vec<Vec<bool>>,
}

impl Pixels {
    fn of(text: &str) -> Option<Pixels> {
        let figures = in_figures(text);
        let height = if figures {
            FIGURE_HEIGHT
        } else {
            UNIFONT_HEIGHT
        };
        let mut rows = vec![Vec::new(); usize::from(height)];
        for (i, c) in text.chars().enumerate() {
            if i > 0 && figures {
                // A pixel's gap between figures.
                rows.iter_mut().for_each(|r| r.push(false));
            }
            if figures {
                let glyph = figure(c)?;
                for (row, line) in rows.iter_mut().zip(glyph.iter()) {
                    row.extend(line.bytes().map(|b| b == b'#'));
                }
            } else {
                let glyph = unifont::get_glyph(c)?;
                let w = glyph.get_width();
                for (y, row) in rows.iter_mut().enumerate() {
                    // Thickened: a pixel is inked where it or its left neighbour is.
                    row.extend(
                        (0..w)
                            .map(|x| glyph.get_pixel(x, y) || (x > 0 && glyph.get_pixel(x - 1, y))),
                    );
                }
            }
        }
        let width = rows.first().map_or(0, |r| r.len()) as u16;
        Some(Pixels {
            width,
            height,
            rows,
        })
    }

    fn inked(&self, x: u16, y: u16) -> bool {
        self.rows
            .get(usize::from(y))
            .and_then(|r| r.get(usize::from(x)))
            .copied()
            .unwrap_or(false)
    }

    /// Columns and rows at scale `k`.
    fn size(&self, k: u16) -> (u16, u16) {
        (self.width * k, (self.height * k).div_ceil(2))
    }
}

/// Large text laid out to fit: the scale chosen and the cells it takes.
pub struct Big {
    pixels: Pixels,
    scale: u16,
}

impl Big {
    /// `text` at the largest scale that fits in `width` by `height` cells, no larger than a
    /// `cap` of rows (None: as large as fits); None when it fits at no scale or a character
    /// has no glyph.
    pub fn fit(text: &str, width: u16, height: u16, cap: Option<u16>) -> Option<Big> {
        let pixels = Pixels::of(text)?;
        let height = cap.map_or(height, |c| c.min(height));
        let scales: &[u16] = if pixels.height == FIGURE_HEIGHT {
            &FIGURE_SCALES
        } else {
            &WORD_SCALES
        };
        scales
            .iter()
            .copied()
            .find(|&k| {
                let (w, h) = pixels.size(k);
                w <= width && h <= height
            })
            .map(|scale| Big { pixels, scale })
    }

    /// `text` at scale `k` (one `fit` chose), whatever room it takes.
    pub fn at(text: &str, k: u16) -> Option<Big> {
        let pixels = Pixels::of(text)?;
        Some(Big {
            pixels,
            scale: k.max(1),
        })
    }

    pub fn scale(&self) -> u16 {
        self.scale
    }

    pub fn width(&self) -> u16 {
        self.pixels.size(self.scale).0
    }

    pub fn height(&self) -> u16 {
        self.pixels.size(self.scale).1
    }

    /// Draws at the top left of `area`, clipped to it. A whole inked cell is a full block on a
    /// background of the ink's own colour: terminals fill a cell's background edge to edge,
    /// while many draw the glyph a pixel short and would stripe the figure. A terminal that
    /// draws block elements two columns wide (they are of ambiguous width) gets none: a whole
    /// cell is a blank on the ink's colour, and at scale 1 a cell's two pixels are dots of
    /// Braille, one column wide everywhere.
    pub fn render(&self, area: Rect, buf: &mut Buffer, style: Style) {
        let k = self.scale;
        let solid = style.fg.map(|ink| style.bg(ink));
        let blocks = !yishi_text::drawn_wide();
        // Without blocks, a scale with half cells (or no ink colour to paint) is drawn in dots.
        let dotted = !blocks && (k % 2 == 1 || solid.is_none());
        for row in 0..self.height().min(area.height) {
            for col in 0..self.width().min(area.width) {
                let top = self.pixels.inked(col / k, row * 2 / k);
                let bottom = self.pixels.inked(col / k, (row * 2 + 1) / k);
                let (symbol, style) = match (top, bottom, solid) {
                    (true, true, _) if dotted => ("⣿", style),
                    (true, true, Some(solid)) if blocks => ("█", solid),
                    (true, true, Some(solid)) => (" ", solid),
                    (true, true, None) => ("█", style),
                    (true, false, _) if dotted => ("⠛", style),
                    (false, true, _) if dotted => ("⣤", style),
                    (true, false, _) => ("▀", style),
                    (false, true, _) => ("▄", style),
                    (false, false, _) => (" ", style),
                };
                if let Some(cell) = buf.cell_mut((area.x + col, area.y + row)) {
                    cell.set_symbol(symbol).set_style(style);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drawn(text: &str, w: u16, h: u16) -> Vec<String> {
        let big = Big::fit(text, w, h, None).expect("fits");
        let area = Rect::new(0, 0, big.width(), big.height());
        let mut buf = Buffer::empty(area);
        big.render(area, &mut buf, Style::new());
        (0..area.height)
            .map(|y| (0..area.width).map(|x| buf[(x, y)].symbol()).collect())
            .collect()
    }

    #[test]
    fn the_largest_scale_that_fits_is_taken() {
        // Two figures and their gap: 11 pixels wide, 7 high.
        let big = Big::fit("12", 200, 56, None).expect("fits");
        assert_eq!((big.width(), big.height()), (66, 21));
        let big = Big::fit("12", 40, 56, None).expect("fits");
        assert_eq!((big.width(), big.height()), (22, 7));
        assert!(Big::fit("12", 10, 56, None).is_none());
        let capped = Big::fit("12", 200, 56, Some(10)).expect("fits");
        assert!(capped.height() <= 10);
    }

    #[test]
    fn chinese_is_square_and_thick() {
        let big = Big::fit("通过", 200, 56, Some(16)).expect("fits");
        assert_eq!((big.width(), big.height()), (64, 16));
        // 一 is one horizontal stroke, one pixel high: at scale 2 one row of whole cells, and
        // thickened to the right by a pixel, wider than the 11 pixels unifont draws it.
        let rows = drawn("一", 32, 16);
        let inked: Vec<&String> = rows.iter().filter(|r| !r.trim().is_empty()).collect();
        assert_eq!(inked.len(), 1, "{rows:#?}");
        assert!(inked[0].chars().all(|c| c == '█' || c == ' '), "{rows:#?}");
        assert!(inked[0].matches('█').count() >= 24, "{rows:#?}");
    }

    #[test]
    fn a_zero_is_open_inside() {
        // The middle row of a 0 at scale 2 is two strokes with nothing between them.
        let rows = drawn("0", 10, 7);
        let middle = &rows[3];
        assert_eq!(middle.trim(), "██      ██".trim(), "{rows:#?}");
    }
}
