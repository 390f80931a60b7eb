//! A frame for a terminal that draws ambiguous-width characters two columns wide. The screens
//! measure such a character as two columns while they draw (`text::measured_as_drawn`), so
//! their own layout leaves room; ratatui still puts it in one cell. This pass gives each one
//! the cell after it, taking a blank from the free space it finds (of a run of blanks, or the
//! end of the line), right of it first, never across the frame, so that no border moves and no
//! line grows. The council's words stay as they are.

use std::num::NonZeroU16;

use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use unicode_width::UnicodeWidthStr;

use yishi_text::{is_ambiguous, is_frame};

/// A cell as drawn: what it holds and how many columns it takes.
struct Unit {
    cell: Cell,
    columns: u16,
}

fn is_blank(u: &Unit) -> bool {
    u.columns == 1 && u.cell.symbol() == " "
}

fn drawn_wide(symbol: &str) -> bool {
    !is_frame(symbol) && symbol.chars().next().is_some_and(is_ambiguous)
}

/// Gives every ambiguous-width character in `buf` two columns.
pub fn make_room(buf: &mut Buffer) {
    let area = buf.area;
    for y in area.top()..area.bottom() {
        let mut x = area.left();
        while x < area.right() {
            // A stretch of the row between pieces of the frame.
            let start = x;
            while x < area.right() && !is_frame(buf[(x, y)].symbol()) {
                x += 1;
            }
            if x > start {
                lay_out(buf, y, start, x);
            }
            x += 1;
        }
    }
}

/// Lays out the cells of row `y` from `start` to `end` (not included) anew, if any needs room.
fn lay_out(buf: &mut Buffer, y: u16, start: u16, end: u16) {
    let mut units = Vec::new();
    let mut x = start;
    while x < end {
        let cell = buf[(x, y)].clone();
        let columns = (cell.symbol().width() as u16).clamp(1, 2).min(end - x);
        units.push(Unit { cell, columns });
        x += columns;
    }
    if !units
        .iter()
        .any(|u| u.columns == 1 && drawn_wide(u.cell.symbol()))
    {
        return;
    }
    let mut i = 0;
    while i < units.len() {
        if units[i].columns == 1 && drawn_wide(units[i].cell.symbol()) {
            units[i].columns = 2;
            give_up_a_column(&mut units, i);
        }
        i += 1;
    }
    let mut x = start;
    for u in units {
        if x >= end {
            break;
        }
        let mut cell = u.cell;
        let wide = u.columns == 2 && drawn_wide(cell.symbol());
        if let Some(two) = NonZeroU16::new(2).filter(|_| wide) {
            cell.set_diff_option(CellDiffOption::ForcedWidth(two));
        }
        let style = cell.style();
        buf[(x, y)] = cell;
        if u.columns == 2 && x + 1 < end {
            // The column the character's second half covers, blank as behind a Chinese one.
            let mut behind = Cell::EMPTY;
            behind.set_style(style);
            buf[(x + 1, y)] = behind;
        }
        x += u.columns;
    }
    // A line that lost its last character ends in blanks.
    while x < end {
        buf[(x, y)] = Cell::EMPTY;
        x += 1;
    }
}

/// Removes one column's worth from the units, the character at `at` having grown by one: a
/// blank of a run of two or more or at an end, right of it first, then left; failing both, the
/// last unit (the line was full to its edge).
fn give_up_a_column(units: &mut Vec<Unit>, at: usize) {
    let n = units.len();
    let free = |units: &[Unit], j: usize, next: Option<usize>| {
        is_blank(&units[j]) && next.is_none_or(|k| is_blank(&units[k]))
    };
    let right = (at + 1..n).find(|&j| free(units, j, (j + 1 < n).then_some(j + 1)));
    if let Some(j) = right {
        units.remove(j);
        return;
    }
    let left = (0..at).rev().find(|&j| free(units, j, j.checked_sub(1)));
    if let Some(j) = left {
        units.remove(j);
        return;
    }
    if at + 1 < n {
        units.pop();
    } else {
        // The character is the last thing on a full line: it is the one that goes.
        units.pop();
        units.push(Unit {
            cell: Cell::EMPTY,
            columns: 1,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    fn row(text: &str, width: u16) -> Buffer {
        let mut buf = Buffer::empty(Rect::new(0, 0, width, 1));
        buf.set_string(0, 0, text, Style::new());
        make_room(&mut buf);
        buf
    }

    /// The row as a terminal set for East Asian text shows it: a cell a diff would skip is
    /// covered by the character before it.
    fn shown(buf: &Buffer) -> String {
        let mut out = String::new();
        let mut x = 0;
        while x < buf.area.width {
            let cell = &buf[(x, 0)];
            out.push_str(cell.symbol());
            let w = match cell.diff_option {
                CellDiffOption::ForcedWidth(w) => w.get(),
                _ => (cell.symbol().width() as u16).max(1),
            };
            x += w;
        }
        out
    }

    #[test]
    fn an_ambiguous_character_takes_a_blank_from_the_free_space_after_it() {
        let buf = row("│Lǚ  发言│", 10);
        assert_eq!(shown(&buf), "│Lǚ 发言│");
        let two = NonZeroU16::new(2).map(CellDiffOption::ForcedWidth);
        assert_eq!(Some(buf[(2, 0)].diff_option), two);
        // A single blank between words is kept: the room comes from the end of the line.
        let buf = row("Wěi 发言  ", 10);
        assert_eq!(shown(&buf).trim_end(), "Wěi 发言");
    }

    #[test]
    fn the_frame_never_moves_and_a_full_line_loses_its_end() {
        let buf = row("│①②③│", 5);
        assert_eq!(buf[(0, 0)].symbol(), "│");
        assert_eq!(buf[(4, 0)].symbol(), "│");
        // Three columns of room: ① whole, and nothing half drawn.
        assert_eq!(shown(&buf), "│① │");
    }

    #[test]
    fn right_aligned_text_takes_from_the_left() {
        let buf = row("    “好”", 8);
        assert_eq!(shown(&buf).trim_start(), "“好”");
        assert_eq!(buf[(7, 0)].symbol(), " ");
    }
}
