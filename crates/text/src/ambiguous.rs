//! Characters of ambiguous width (East Asian Width "A": box drawing, block elements, ·, —,
//! quotes, ①, é, pinyin's tone letters, …): one column in most terminals, two in those set for
//! East Asian text (xterm `-cjk_width`, PuTTY, iTerm2 and VTE options). Where a terminal draws
//! them wide, the console lays every one out two columns wide, as the terminal draws it, and
//! measures so while it draws a frame; only the console's own frame (box drawing and blocks)
//! is drawn with one-column stand-ins. Files are always measured as most terminals draw.

use std::cell::Cell;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// How ambiguous characters are measured for the text being laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Measure {
    /// As most terminals draw them: one column.
    Narrow,
    /// For a terminal that draws them wide: two columns, letters and all.
    Wide,
    /// For Chinese print: punctuation and symbols (“” —— …… · ①) two columns, as a CJK font
    /// draws them; letters (é, ǚ) one.
    Printed,
}

thread_local! {
    /// How the text being laid out now is measured.
    static MEASURE: Cell<Measure> = const { Cell::new(Measure::Narrow) };
}

/// Whether a terminal set for East Asian text draws `c` wider than most terminals do.
pub fn is_ambiguous(c: char) -> bool {
    if c.width() != Some(1) {
        return false;
    }
    let cp = u32::from(c);
    let listed = super::east_asian::AMBIGUOUS
        .binary_search_by(|&(lo, hi)| {
            if hi < cp {
                std::cmp::Ordering::Less
            } else if lo > cp {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok();
    listed || c.width_cjk() == Some(2)
}

/// Runs `f` measuring text as a terminal that draws ambiguous characters `wide` (or not) does.
pub fn measured_as_drawn<T>(wide: bool, f: impl FnOnce() -> T) -> T {
    measured(if wide { Measure::Wide } else { Measure::Narrow }, f)
}

/// Runs `f` with text measured for Chinese print (see `Measure::Printed`).
pub fn measured_as_printed<T>(f: impl FnOnce() -> T) -> T {
    measured(Measure::Printed, f)
}

fn measured<T>(how: Measure, f: impl FnOnce() -> T) -> T {
    let was = MEASURE.replace(how);
    let out = f();
    MEASURE.set(was);
    out
}

/// Whether text is being measured for a terminal that draws ambiguous characters wide.
pub fn drawn_wide() -> bool {
    MEASURE.get() == Measure::Wide
}

/// Columns `s` takes as it is drawn now (see `measured_as_drawn`, `measured_as_printed`).
pub(super) fn columns(s: &str) -> usize {
    let narrow = s.width();
    match MEASURE.get() {
        Measure::Narrow => narrow,
        Measure::Wide => narrow + s.chars().filter(|c| is_ambiguous(*c)).count(),
        Measure::Printed => {
            narrow
                + s.chars()
                    .filter(|c| is_ambiguous(*c) && !c.is_alphabetic())
                    .count()
        }
    }
}

/// Whether `symbol` is part of the console's frame: box drawing and block elements, which a
/// wide-ambiguous terminal gets as one-column stand-ins (`frame_stand_in`).
pub fn is_frame(symbol: &str) -> bool {
    let mut chars = symbol.chars();
    matches!(
        (chars.next(), chars.next()),
        (Some('\u{2500}'..='\u{259F}'), None)
    )
}

/// The one-column stand-in for a piece of the console's frame in a terminal that draws it two
/// columns wide: lines as lines, every joint a plus, a block a hash. None for anything else:
/// the council's words and the console's own are never replaced.
pub fn frame_stand_in(symbol: &str) -> Option<&'static str> {
    if !is_frame(symbol) {
        return None;
    }
    let c = symbol.chars().next()?;
    Some(match c {
        '─' | '━' | '═' | '┄' | '┅' | '┈' | '┉' | '╌' | '╍' => "-",
        '│' | '┃' | '║' | '┆' | '┇' | '┊' | '┋' | '╎' | '╏' => "|",
        '\u{2500}'..='\u{257F}' => "+",
        _ => "#",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stand_in_is_one_column_everywhere() {
        for c in (0x20u32..0x3000).filter_map(char::from_u32) {
            if let Some(s) = frame_stand_in(&c.to_string()) {
                for sc in s.chars() {
                    assert_eq!(sc.width(), sc.width_cjk(), "{c} stands in as {s}");
                    assert_eq!(sc.width(), Some(1), "{c} stands in as {s}");
                }
            }
        }
        assert_eq!(frame_stand_in("─"), Some("-"));
        assert_eq!(frame_stand_in("┌"), Some("+"));
        // The council's words and the console's marks are drawn as they are.
        for s in ["议", "a", "é", "①", "“", "—", "…", "·", "✓", "►"] {
            assert_eq!(frame_stand_in(s), None, "{s}");
        }
    }

    #[test]
    fn a_frame_is_measured_as_it_is_drawn() {
        assert_eq!(columns("Lǚ①"), 3);
        assert_eq!(measured_as_drawn(true, || columns("Lǚ①")), 5);
        assert_eq!(measured_as_drawn(true, || columns("José “议”")), 12);
        assert_eq!(columns("Lǚ①"), 3);
    }
}
