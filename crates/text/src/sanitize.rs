//! A name can carry a terminal escape. Nothing that reaches a screen or an export keeps one.

/// Characters that take no room and change what a reader sees or how text is taken apart:
/// zero-width spaces and joiners, direction marks, the Arabic letter mark, the word joiner and
/// invisible operators, the byte order mark, and the Unicode line and paragraph separators.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}'
            | '\u{200c}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{061c}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{2060}'..='\u{2064}' | '\u{180e}' | '\u{feff}'
    )
}

const ZWJ: char = '\u{200d}';

/// An emoji that a zero-width joiner may join to the one before (👨‍👩‍👧).
fn is_pictograph(c: char) -> bool {
    matches!(c, '\u{2600}'..='\u{27bf}' | '\u{1f000}'..='\u{1faff}')
}

/// The characters of `s` with each one's verdict: a zero-width joiner is invisible unless it
/// joins two emoji.
fn marked(s: &str) -> impl Iterator<Item = (char, bool)> + '_ {
    let mut chars = s.chars().peekable();
    let mut before = None;
    std::iter::from_fn(move || {
        let c = chars.next()?;
        let hidden = if c == ZWJ {
            !(before.is_some_and(is_pictograph) && chars.peek().is_some_and(|n| is_pictograph(*n)))
        } else {
            is_invisible(c)
        };
        before = Some(c);
        Some((c, hidden))
    })
}

/// True for C0 controls (but not the line feed and tab callers may want), DEL, C1 controls,
/// the bidirectional overrides that reorder what a reader sees, and invisible characters.
fn is_unsafe(c: char, keep_newline: bool) -> bool {
    match c {
        '\n' => !keep_newline,
        '\t' => false,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        c => is_invisible(c),
    }
}

/// What is wrong with a piece of text a user gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    Empty,
    /// A control character or a direction override (a terminal escape, say).
    Control,
    /// A character that takes no room on screen: U+200B and the like.
    Invisible(char),
    /// A line break in a field of one line.
    LineBreak,
    /// Longer than the field allows, in characters.
    TooLong {
        max: usize,
    },
}

/// The shape a field's text must have: one line or several, at most `max` characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    pub multiline: bool,
    pub max: usize,
}

impl Shape {
    /// A name, a title, a place: one line.
    pub const fn line(max: usize) -> Shape {
        Shape {
            multiline: false,
            max,
        }
    }

    /// An opinion, a summary, a motion: several lines.
    pub const fn block(max: usize) -> Shape {
        Shape {
            multiline: true,
            max,
        }
    }
}

/// Checks text against its field's shape (empty text is a fault only where `required`).
pub fn check(s: &str, shape: Shape, required: bool) -> Result<(), Fault> {
    if required && s.trim().is_empty() {
        return Err(Fault::Empty);
    }
    for (c, hidden) in marked(s) {
        if c == '\n' || c == '\r' {
            if !shape.multiline {
                return Err(Fault::LineBreak);
            }
            if c == '\r' {
                return Err(Fault::Control);
            }
        } else if hidden {
            return Err(Fault::Invisible(c));
        } else if c != ZWJ && is_unsafe(c, true) {
            return Err(Fault::Control);
        }
    }
    if s.chars().count() > shape.max {
        return Err(Fault::TooLong { max: shape.max });
    }
    Ok(())
}

fn clean(s: &str, keep_newline: bool) -> String {
    // Most text has nothing to remove: a look at each character, then one copy.
    if !s
        .chars()
        .any(|c| c == '\t' || c == ZWJ || is_unsafe(c, keep_newline))
    {
        return s.to_owned();
    }
    marked(s)
        .filter(|&(c, hidden)| !hidden && (c == ZWJ || !is_unsafe(c, keep_newline)))
        .map(|(c, _)| if c == '\t' { ' ' } else { c })
        .collect()
}

/// Removes control and invisible characters; line feeds are kept, tabs become a space.
pub fn sanitize(s: &str) -> String {
    clean(s, true)
}

/// Removes control and invisible characters, line feeds included: for names, titles and
/// table cells.
pub fn sanitize_line(s: &str) -> String {
    clean(s, false)
}

/// True when `s` holds a character that [`sanitize`] would remove (line feeds allowed when
/// `multiline`).
pub fn has_control(s: &str, multiline: bool) -> bool {
    marked(s).any(|(c, hidden)| hidden || (c != ZWJ && is_unsafe(c, multiline)))
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

    #[test]
    fn invisible_characters_are_stripped_and_refused() {
        for c in [
            '\u{200b}', '\u{200d}', '\u{200e}', '\u{200f}', '\u{061c}', '\u{2028}', '\u{2029}',
            '\u{feff}',
        ] {
            let s = format!("王{c}芳");
            assert_eq!(sanitize(&s), "王芳", "{:X}", c as u32);
            assert_eq!(
                check(&s, Shape::line(10), true),
                Err(Fault::Invisible(c)),
                "{:X}",
                c as u32
            );
        }
    }

    #[test]
    fn a_joiner_between_emoji_stays() {
        let family = "👨\u{200d}👩\u{200d}👧";
        assert_eq!(sanitize(family), family);
        assert_eq!(check(family, Shape::line(10), true), Ok(()));
        assert!(!has_control(family, false));
    }

    #[test]
    fn fields_have_a_shape() {
        let line = Shape::line(4);
        let block = Shape::block(4);
        let cases = [
            ("", line, Err(Fault::Empty)),
            ("  ", block, Err(Fault::Empty)),
            ("一二三四", line, Ok(())),
            ("一二三四五", line, Err(Fault::TooLong { max: 4 })),
            ("一\n二", line, Err(Fault::LineBreak)),
            ("一\n二", block, Ok(())),
            ("一\r\n二", block, Err(Fault::Control)),
            ("一\u{1b}[2J", block, Err(Fault::Control)),
            ("一\u{202e}二", line, Err(Fault::Control)),
        ];
        for (s, shape, want) in cases {
            assert_eq!(check(s, shape, true), want, "{s:?}");
        }
        assert_eq!(check("", line, false), Ok(()));
    }
}
