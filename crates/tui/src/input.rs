//! A text field that edits by grapheme, so a Chinese character or an emoji is never split,
//! and that wraps with the same line-breaking rules as the minutes. Its cursor position is
//! where the console puts the real terminal cursor, so the input method draws its preedit
//! in place.

use super::action::Action;
use unicode_segmentation::UnicodeSegmentation;

use yishi_text::{sanitize_line, width, wrap_ranges};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Input {
    text: String,
    /// A byte offset on a grapheme boundary.
    cursor: usize,
}

impl Input {
    pub fn new(text: &str) -> Input {
        let text = sanitize_line(text);
        Input {
            cursor: text.len(),
            text,
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Inserts typed or pasted text; control characters are dropped and line breaks become
    /// spaces (every field is one paragraph).
    pub fn insert(&mut self, s: &str) {
        let clean = sanitize_line(&s.replace(['\r', '\n', '\t'], " "));
        self.text.insert_str(self.cursor, &clean);
        self.cursor += clean.len();
    }

    fn prev_boundary(&self) -> usize {
        self.text[..self.cursor]
            .grapheme_indices(true)
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    fn next_boundary(&self) -> usize {
        self.text[self.cursor..]
            .graphemes(true)
            .next()
            .map_or(self.cursor, |g| self.cursor + g.len())
    }

    /// Takes an editing action; false when it is not one a text field uses.
    pub fn edit(&mut self, action: &Action) -> bool {
        match action {
            Action::ClearToStart => {
                self.text.drain(..self.cursor);
                self.cursor = 0;
            }
            Action::CursorStart => self.cursor = 0,
            Action::CursorEnd => self.cursor = self.text.len(),
            Action::Type(c) => self.insert(c.encode_utf8(&mut [0; 4])),
            Action::DeleteBack => {
                let at = self.prev_boundary();
                self.text.drain(at..self.cursor);
                self.cursor = at;
            }
            Action::DeleteForward => {
                let end = self.next_boundary();
                self.text.drain(self.cursor..end);
            }
            Action::CursorLeft => self.cursor = self.prev_boundary(),
            Action::CursorRight => self.cursor = self.next_boundary(),
            _ => return false,
        }
        true
    }

    /// The lines the field shows at `columns`.
    pub fn lines(&self, columns: usize) -> Vec<&str> {
        wrap_ranges(&self.text, columns)
            .into_iter()
            .map(|r| &self.text[r])
            .collect()
    }

    /// Row and column of the cursor among `lines(columns)`.
    pub fn cursor_at(&self, columns: usize) -> (usize, usize) {
        let ranges = wrap_ranges(&self.text, columns);
        let row = ranges
            .iter()
            .rposition(|r| r.start <= self.cursor)
            .unwrap_or(0);
        let Some(r) = ranges.get(row) else {
            return (0, 0);
        };
        let col = width(&self.text[r.start..self.cursor.min(r.end).max(r.start)]);
        if col >= columns.max(2) {
            (row + 1, 0)
        } else {
            (row, col)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editing_moves_by_whole_graphemes() {
        let mut i = Input::new("加装电梯");
        i.edit(&Action::CursorLeft);
        i.edit(&Action::DeleteBack);
        assert_eq!(i.text(), "加装梯");
        i.insert("👨‍👩‍👧e\u{301}");
        assert_eq!(i.text(), "加装👨‍👩‍👧e\u{301}梯");
        i.edit(&Action::DeleteBack);
        i.edit(&Action::DeleteBack);
        assert_eq!(i.text(), "加装梯");
        i.edit(&Action::DeleteForward);
        assert_eq!(i.text(), "加装");
    }

    #[test]
    fn pasted_control_characters_and_line_breaks_never_enter() {
        let mut i = Input::new("");
        i.insert("王\u{1b}[31m芳\r\n第二行\u{9b}2J");
        assert_eq!(i.text(), "王[31m芳  第二行2J");
    }

    #[test]
    fn the_cursor_follows_the_wrapped_lines() {
        let mut i = Input::new("一二三四五六七");
        assert_eq!(i.lines(6), vec!["一二三", "四五六", "七"]);
        assert_eq!(i.cursor_at(6), (2, 2));
        i.edit(&Action::CursorStart);
        assert_eq!(i.cursor_at(6), (0, 0));
        for _ in 0..3 {
            i.edit(&Action::CursorRight);
        }
        assert_eq!(i.cursor_at(6), (1, 0));
        let full = Input::new("一二三");
        assert_eq!(full.cursor_at(6), (1, 0));
    }
}
