//! Characters of ambiguous width (East Asian Width "A": box drawing, block elements, ·, —,
//! quotes, …): one column in most terminals, two in those set for East Asian text (xterm
//! `-cjk_width`, PuTTY, iTerm2 and VTE options). Where a terminal draws them wide, each is
//! drawn as a one-column stand-in, so that every cell stays where the layout put it.

use unicode_width::UnicodeWidthChar;

/// Whether a terminal set for East Asian text draws `c` wider than it is laid out.
pub fn is_ambiguous(c: char) -> bool {
    c.width() == Some(1) && c.width_cjk() == Some(2)
}

/// A one-column stand-in for a symbol a wide-ambiguous terminal would draw two columns wide;
/// none for one that is drawn as laid out. Marks drawn wide by some terminals' older tables
/// (✓ ✗ ►) are stood in for too.
pub fn narrow(symbol: &str) -> Option<&'static str> {
    let mut chars = symbol.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return None;
    };
    let stand_in = match c {
        '✓' | '✔' => "v",
        '✗' | '✘' => "x",
        '►' | '▶' | '▸' => ">",
        '◄' | '◀' => "<",
        _ if !is_ambiguous(c) => return None,
        // Box drawing: lines as lines, every joint a plus.
        '─' | '━' | '═' | '┄' | '┅' | '┈' | '┉' | '╌' | '╍' => "-",
        '│' | '┃' | '║' | '┆' | '┇' | '┊' | '┋' | '╎' | '╏' => "|",
        '\u{2500}'..='\u{257F}' => "+",
        // Blocks: a full cell stays full.
        '\u{2580}'..='\u{259F}' | '■' | '●' | '◆' | '★' => "#",
        '□' | '○' | '◇' | '☆' => "o",
        '“' | '”' | '″' => "\"",
        '‘' | '’' | '′' => "'",
        '—' | '–' | '―' => "-",
        '…' | '·' | '•' | '°' => ".",
        '×' => "x",
        '→' => ">",
        '←' => "<",
        '※' => "*",
        _ => "?",
    };
    Some(stand_in)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stand_in_is_one_column_everywhere() {
        for c in (0x20u32..0x3000).filter_map(char::from_u32) {
            if let Some(s) = narrow(&c.to_string()) {
                for sc in s.chars() {
                    assert_eq!(sc.width(), sc.width_cjk(), "{c} stands in as {s}");
                    assert_eq!(sc.width(), Some(1), "{c} stands in as {s}");
                }
            }
        }
        assert_eq!(narrow("─"), Some("-"));
        assert_eq!(narrow("┌"), Some("+"));
        assert_eq!(narrow("议"), None);
        assert_eq!(narrow("a"), None);
    }
}
