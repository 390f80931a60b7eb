//! Display width and line wrapping with the Chinese line-breaking rules (禁则): no line starts
//! with closing punctuation and no line ends with opening punctuation; Latin words stay whole
//! unless a word alone is wider than the line; graphemes are never split.

use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::sanitize;

/// Characters that may not begin a line.
const NO_LINE_START: &str = "，。、；：？！）」』】》〉〕］｝％,.;:?!)]}";
/// Characters that may not end a line.
const NO_LINE_END: &str = "（「『【《〈〔［｛([{";

/// Columns the string takes on a terminal.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Centres `s` in `columns` with leading spaces (no trailing ones).
pub fn pad_center(s: &str, columns: usize) -> String {
    let w = width(s);
    if w >= columns {
        return s.to_string();
    }
    format!("{}{}", " ".repeat((columns - w) / 2), s)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Space,
    /// A run of narrow graphemes: a Latin word, a number, "3.5%".
    Word,
    /// One wide grapheme: a Chinese character or full-width punctuation.
    Wide,
}

#[derive(Debug, Clone)]
struct Unit<'a> {
    text: &'a str,
    width: usize,
    kind: Kind,
}

fn units(paragraph: &str) -> Vec<Unit<'_>> {
    let mut out: Vec<Unit<'_>> = Vec::new();
    let mut start = 0;
    for (at, g) in paragraph.grapheme_indices(true) {
        let w = width(g);
        let kind = if g.chars().all(char::is_whitespace) {
            Kind::Space
        } else if w >= 2 {
            Kind::Wide
        } else {
            Kind::Word
        };
        let merge = match out.last() {
            Some(last) => kind != Kind::Wide && last.kind == kind,
            None => false,
        };
        if let (true, Some(last)) = (merge, out.last_mut()) {
            last.text = &paragraph[start..at + g.len()];
            last.width += w;
        } else {
            start = at;
            out.push(Unit {
                text: g,
                width: w,
                kind,
            });
        }
    }
    out
}

fn starts_forbidden(u: &Unit<'_>) -> bool {
    u.text
        .chars()
        .next()
        .is_some_and(|c| NO_LINE_START.contains(c))
}

fn ends_forbidden(u: &Unit<'_>) -> bool {
    u.text
        .chars()
        .last()
        .is_some_and(|c| NO_LINE_END.contains(c))
}

/// Whether a line may end with `before` and the next begin with `after`.
fn may_break(before: &Unit<'_>, after: &Unit<'_>) -> bool {
    !starts_forbidden(after) && !ends_forbidden(before)
}

fn line_width(line: &[Unit<'_>]) -> usize {
    line.iter().map(|u| u.width).sum()
}

/// Width without the trailing spaces, which a break or the line's end removes.
fn visible_width(line: &[Unit<'_>]) -> usize {
    let end = line
        .iter()
        .rposition(|u| u.kind != Kind::Space)
        .map_or(0, |i| i + 1);
    line_width(&line[..end])
}

/// Byte offset of a unit inside the paragraph it was cut from.
fn offset(paragraph: &str, u: &Unit<'_>) -> usize {
    u.text.as_ptr() as usize - paragraph.as_ptr() as usize
}

/// The byte range of the line in its paragraph, trailing spaces left out.
fn span(paragraph: &str, line: &[Unit<'_>]) -> Range<usize> {
    let start = line
        .first()
        .map_or(paragraph.len(), |u| offset(paragraph, u));
    let end = line
        .iter()
        .rfind(|u| u.kind != Kind::Space)
        .map_or(start, |u| offset(paragraph, u) + u.text.len());
    start..end
}

fn trim_leading(line: &mut Vec<Unit<'_>>) {
    let n = line.iter().take_while(|u| u.kind == Kind::Space).count();
    line.drain(..n);
}

/// Splits a unit wider than the line into pieces on grapheme boundaries: the first fills the
/// `room` left on the current line (so nothing is stranded before it), the others `columns`.
/// A cut is moved back rather than start a piece with closing punctuation (or end one with
/// opening punctuation) when the piece keeps at least one grapheme.
fn split_long<'a>(u: &Unit<'a>, room: usize, columns: usize) -> Vec<Unit<'a>> {
    let graphemes: Vec<(usize, &str)> = u.text.grapheme_indices(true).collect();
    let starts_bad = |g: &str| g.chars().next().is_some_and(|c| NO_LINE_START.contains(c));
    let ends_bad = |g: &str| g.chars().last().is_some_and(|c| NO_LINE_END.contains(c));
    let mut pieces = Vec::new();
    let (mut first, mut w) = (0, 0);
    let mut limit = if room > 0 { room } else { columns };
    let mut i = 0;
    while i < graphemes.len() {
        let gw = width(graphemes[i].1);
        if w + gw > limit && i > first {
            let mut cut = i;
            while cut > first + 1
                && (starts_bad(graphemes[cut].1) || ends_bad(graphemes[cut - 1].1))
            {
                cut -= 1;
            }
            let (from, to) = (graphemes[first].0, graphemes[cut].0);
            pieces.push(Unit {
                text: &u.text[from..to],
                width: width(&u.text[from..to]),
                kind: u.kind,
            });
            first = cut;
            i = cut;
            w = 0;
            limit = columns;
            continue;
        }
        w += gw;
        i += 1;
    }
    let from = graphemes.get(first).map_or(u.text.len(), |g| g.0);
    pieces.push(Unit {
        text: &u.text[from..],
        width: width(&u.text[from..]),
        kind: u.kind,
    });
    pieces
}

/// The last place the line may break with its first part fitting.
fn legal_cut(line: &[Unit<'_>], columns: usize) -> Option<usize> {
    (1..line.len()).rev().find(|&k| {
        // Spaces vanish at a break, so the rules apply to what is left on either side.
        let before = line[..k].iter().rfind(|u| u.kind != Kind::Space);
        let after = line[k..].iter().find(|u| u.kind != Kind::Space);
        let allowed = match (before, after) {
            (None, _) => false,
            (Some(_), None) => true,
            (Some(b), Some(a)) => may_break(b, a),
        };
        allowed && visible_width(&line[..k]) <= columns
    })
}

/// Where to break a line that is too wide: the last place the rules allow; failing that,
/// inside a word where they allow; failing that (a run of punctuation wider than the line),
/// the last place that fits.
fn cut_point(line: &mut Vec<Unit<'_>>, columns: usize) -> usize {
    if let Some(k) = legal_cut(line, columns) {
        return k;
    }
    *line = line.iter().flat_map(graphemes_of).collect();
    legal_cut(line, columns).unwrap_or_else(|| {
        (1..line.len())
            .rev()
            .find(|&k| visible_width(&line[..k]) <= columns)
            .unwrap_or(1)
    })
}

/// A word as one unit per grapheme.
fn graphemes_of<'a>(u: &Unit<'a>) -> Vec<Unit<'a>> {
    if u.kind != Kind::Word {
        return vec![u.clone()];
    }
    u.text
        .graphemes(true)
        .map(|g| Unit {
            text: g,
            width: width(g),
            kind: Kind::Word,
        })
        .collect()
}

fn wrap_paragraph(paragraph: &str, columns: usize, out: &mut Vec<Range<usize>>) {
    let mut line: Vec<Unit<'_>> = Vec::new();
    for unit in units(paragraph) {
        let pieces = if unit.width > columns {
            split_long(&unit, columns.saturating_sub(line_width(&line)), columns)
        } else {
            vec![unit]
        };
        for u in pieces {
            if line.is_empty() && u.kind == Kind::Space {
                continue;
            }
            // Spaces hang past the edge if need be: they vanish at a break, and where the
            // break goes depends on what follows them.
            if u.kind == Kind::Space || line_width(&line) + u.width <= columns {
                line.push(u);
                continue;
            }
            // Break at the last place the rules allow, counting the arriving unit; what is
            // carried over may need breaking again.
            line.push(u);
            loop {
                let cut = cut_point(&mut line, columns);
                let rest = line.split_off(cut);
                out.push(span(paragraph, &line));
                line = rest;
                trim_leading(&mut line);
                if visible_width(&line) <= columns || line.len() <= 1 {
                    break;
                }
            }
        }
    }
    out.push(span(paragraph, &line));
}

/// Wraps `text` to `columns` display columns. Line feeds start new lines; control characters
/// are removed first; each returned line is at most `columns` wide (`columns` ≥ 2).
pub fn wrap(text: &str, columns: usize) -> Vec<String> {
    let clean = sanitize(text);
    wrap_ranges(&clean, columns)
        .into_iter()
        .map(|r| clean[r].to_string())
        .collect()
}

/// The byte ranges of `text` that `wrap` would make its lines, for a text that holds no
/// control characters but line feeds (an editor maps its cursor with these).
pub fn wrap_ranges(text: &str, columns: usize) -> Vec<Range<usize>> {
    let columns = columns.max(2);
    let mut out = Vec::new();
    let mut at = 0;
    for paragraph in text.split('\n') {
        let mut lines = Vec::new();
        wrap_paragraph(paragraph, columns, &mut lines);
        out.extend(lines.into_iter().map(|r| r.start + at..r.end + at));
        at += paragraph.len() + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(lines: &[String], columns: usize) {
        for l in lines {
            assert!(width(l) <= columns, "{l:?} wider than {columns}");
            if let Some(c) = l.chars().next() {
                assert!(
                    !NO_LINE_START.contains(c),
                    "line starts with {c}: {lines:?}"
                );
            }
            if let Some(c) = l.chars().last() {
                assert!(!NO_LINE_END.contains(c), "line ends with {c}: {lines:?}");
            }
        }
    }

    #[test]
    fn table() {
        let cases: &[(&str, usize, &[&str])] = &[
            ("一二三四五六", 6, &["一二三", "四五六"]),
            ("一二，三四", 4, &["一", "二，", "三四"]),
            ("一二（三）四", 4, &["一二", "（三", "）四"]),
            ("电梯 lift 加装", 10, &["电梯 lift", "加装"]),
            ("abcdefghij", 4, &["abcd", "efgh", "ij"]),
            ("甲\n乙", 10, &["甲", "乙"]),
            ("", 10, &[""]),
        ];
        for (text, columns, want) in cases {
            let got = wrap(text, *columns);
            assert_eq!(&got, want, "{text:?} at {columns}");
        }
    }

    #[test]
    fn punctuation_never_leads_a_line() {
        let text = "居民代表普遍认为，加装电梯有利于老年人出行。但低层住户担心采光、噪音和费用分摊问题；\
                    物业公司表示（如获通过）将配合施工。";
        for columns in 6..40 {
            check(&wrap(text, columns), columns);
        }
    }

    #[test]
    fn control_characters_are_removed() {
        assert_eq!(wrap("王\u{1b}[2J芳", 20), vec!["王[2J芳"]);
    }
}
