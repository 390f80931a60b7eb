//! The terminal backend, made thrifty with Chinese. ratatui moves the cursor explicitly after
//! every double-width cell, because some terminals advance a wide emoji by one column; a
//! line of Chinese then costs a cursor move (8 bytes) per character (3 bytes). CJK ideographs,
//! kana, hangul and full-width forms advance two columns in every terminal, so after one of
//! those the move is left out. Everything else is passed through unchanged.

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Cell, CellDiffOption};
use ratatui::layout::{Position, Size};

pub struct WideAware<B: Backend> {
    inner: B,
    /// The terminal draws ambiguous-width characters two columns wide: the frame's box
    /// drawing is drawn as one-column stand-ins (`text::frame_stand_in`); every other such
    /// character was given two columns when the frame was laid out (`tui::wide`).
    ambiguous_wide: bool,
}

impl<B: Backend> WideAware<B> {
    pub fn new(inner: B) -> WideAware<B> {
        WideAware {
            inner,
            ambiguous_wide: false,
        }
    }

    /// As `new`, for a terminal that draws ambiguous-width characters wide.
    pub fn ambiguous_wide(inner: B, wide: bool) -> WideAware<B> {
        WideAware {
            inner,
            ambiguous_wide: wide,
        }
    }

    /// Whether the terminal draws ambiguous-width characters two columns wide.
    pub fn draws_ambiguous_wide(&self) -> bool {
        self.ambiguous_wide
    }
}

/// Whether `symbol` is one character that every terminal draws two columns wide.
fn surely_wide(symbol: &str) -> bool {
    let mut chars = symbol.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return false;
    };
    matches!(u32::from(c),
        0x1100..=0x115F       // hangul jamo
        | 0x2E80..=0x303E     // CJK radicals, symbols and punctuation
        | 0x3041..=0x33FF     // kana, bopomofo, CJK compatibility
        | 0x3400..=0x4DBF     // CJK extension A
        | 0x4E00..=0x9FFF     // CJK unified ideographs
        | 0xA000..=0xA4CF     // yi
        | 0xAC00..=0xD7A3     // hangul syllables
        | 0xF900..=0xFAFF     // CJK compatibility ideographs
        | 0xFE30..=0xFE4F     // CJK compatibility forms
        | 0xFF01..=0xFF60     // full-width forms
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD) // CJK extensions B onwards
}

/// Rewrites the cells' columns so that the wrapped backend sees a cell that follows a wide
/// character as contiguous (it then writes no cursor move); any other jump keeps its true
/// column, so the backend moves there. The reported column never runs ahead of the true one,
/// so a true jump can never be mistaken for a contiguous cell.
fn contiguous<'a>(
    content: impl Iterator<Item = (u16, u16, &'a Cell)>,
    ambiguous_wide: bool,
) -> impl Iterator<Item = (u16, u16, &'a Cell)> {
    // (where the terminal cursor is after the last cell, its row, the column reported for it)
    let mut after: Option<(u16, u16, u16)> = None;
    content.map(move |(x, y, cell)| {
        let reported = match after {
            Some((next, row, last)) if row == y && next == x => last.saturating_add(1),
            _ => x,
        };
        let symbol = cell.symbol();
        let ambiguous =
            ambiguous_wide && symbol.chars().next().is_some_and(yishi_text::is_ambiguous);
        let advance = if surely_wide(symbol) || ambiguous {
            2
        } else {
            1
        };
        after = Some((x.saturating_add(advance), y, reported));
        (reported, y, cell)
    })
}

impl<B: Backend> Backend for WideAware<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        if !self.ambiguous_wide {
            return self.inner.draw(contiguous(content, false));
        }
        let mut cells: Vec<(u16, u16, Cell)> = Vec::new();
        for (x, y, cell) in content {
            let mut cell = cell.clone();
            if let Some(stand_in) = yishi_text::frame_stand_in(cell.symbol()) {
                cell.set_symbol(stand_in);
            }
            // xterm paints only the first column's background under an ambiguous character it
            // draws two wide: the second is painted first, with a blank, and left as it is.
            if matches!(cell.diff_option, CellDiffOption::ForcedWidth(w) if w.get() == 2) {
                let mut behind = Cell::EMPTY;
                behind.set_style(cell.style());
                cells.push((x.saturating_add(1), y, behind));
            }
            cells.push((x, y, cell));
        }
        self.inner
            .draw(contiguous(cells.iter().map(|(x, y, c)| (*x, *y, c)), true))
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::CrosstermBackend;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;

    /// The bytes the crossterm backend writes to turn `from` into `to`.
    fn bytes(from: &str, to: &str, wide_aware: bool) -> Vec<u8> {
        let area = Rect::new(0, 0, 20, 1);
        let (mut a, mut b) = (Buffer::empty(area), Buffer::empty(area));
        a.set_string(0, 0, from, ratatui::style::Style::default());
        b.set_string(0, 0, to, ratatui::style::Style::default());
        let mut out = Vec::new();
        {
            let backend = CrosstermBackend::new(&mut out);
            if wide_aware {
                WideAware::new(backend).draw(a.diff(&b).into_iter()).ok();
            } else {
                let mut backend = backend;
                backend.draw(a.diff(&b).into_iter()).ok();
            }
        }
        out
    }

    #[test]
    fn no_cursor_move_after_a_chinese_character() {
        let out = bytes("          ", "议事会a b", true);
        let text = String::from_utf8_lossy(&out);
        // One move to the start; none within the run; one across the unchanged blank.
        assert_eq!(text.matches("\x1b[1;").count(), 2, "{text:?}");
        assert!(text.contains("议事会a"), "{text:?}");
        let plain = bytes("          ", "议事会a b", false);
        assert!(out.len() < plain.len(), "{} < {}", out.len(), plain.len());
    }

    #[test]
    fn a_jump_after_a_chinese_character_still_moves_the_cursor() {
        // Only the third character changes after the first: the write must land at column 5.
        let out = bytes("议事会", "议事厅", true);
        let text = String::from_utf8_lossy(&out);
        assert!(text.contains("\x1b[1;5H厅"), "{text:?}");
    }

    #[test]
    fn a_wide_ambiguous_terminal_gets_stand_ins_for_the_frame_only() {
        let area = Rect::new(0, 0, 12, 1);
        let (a, mut b) = (Buffer::empty(area), Buffer::empty(area));
        b.set_string(0, 0, "┌─议─┐✓éx ", ratatui::style::Style::default());
        crate::wide::make_room(&mut b);
        let mut out = Vec::new();
        {
            let backend = CrosstermBackend::new(&mut out);
            WideAware::ambiguous_wide(backend, true)
                .draw(a.diff(&b).into_iter())
                .ok();
        }
        let text = String::from_utf8_lossy(&out);
        assert!(!text.contains('─'), "{text:?}");
        // é is drawn two columns wide: its second column is painted first, then é, and what
        // follows it is where the terminal's cursor is, so it is written with no move.
        assert!(text.contains("+-议-+✓"), "{text:?}");
        assert!(text.contains("\x1b[1;9H \x1b[1;8Héx"), "{text:?}");
    }

    #[test]
    fn emoji_keep_their_cursor_moves() {
        let cases = [
            ("✓", false),
            ("🚀", false),
            ("议", true),
            ("，", true),
            ("a", false),
        ];
        for (s, wide) in cases {
            assert_eq!(surely_wide(s), wide, "{s}");
        }
    }
}
