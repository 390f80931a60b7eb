//! A name can carry a terminal escape. Nothing that reaches a screen or an export keeps one.

/// True for C0 controls (but not the line feed and tab callers may want), DEL, C1 controls, and
/// the bidirectional overrides that reorder what a reader sees.
fn is_unsafe(c: char, keep_newline: bool) -> bool {
    match c {
        '\n' => !keep_newline,
        '\t' => false,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        _ => false,
    }
}

/// Removes control characters; line feeds are kept, tabs become a space.
pub fn sanitize(s: &str) -> String {
    s.chars()
        .filter(|&c| !is_unsafe(c, true))
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect()
}

/// Removes control characters, line feeds included: for names, titles and table cells.
pub fn sanitize_line(s: &str) -> String {
    s.chars()
        .filter(|&c| !is_unsafe(c, false))
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect()
}

/// True when `s` holds a character that [`sanitize`] would remove (line feeds allowed when
/// `multiline`).
pub fn has_control(s: &str, multiline: bool) -> bool {
    s.chars().any(|c| is_unsafe(c, multiline))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_escapes_and_c1() {
        let cases = [
            ("王\u{1b}[31m芳", "王[31m芳"),
            ("李\u{9b}2J明", "李2J明"),
            ("a\u{7}b\u{0}c", "abc"),
            ("x\u{202e}y", "xy"),
            ("一\t二", "一 二"),
            ("行一\n行二", "行一\n行二"),
        ];
        for (input, want) in cases {
            assert_eq!(sanitize(input), want, "{input:?}");
        }
        assert_eq!(sanitize_line("行一\n行二"), "行一行二");
        assert!(has_control("a\u{1b}b", true));
        assert!(!has_control("a\nb", true));
        assert!(has_control("a\nb", false));
    }
}
