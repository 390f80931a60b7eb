//! Display width and line wrapping by the book: break opportunities from the Unicode line
//! breaking algorithm (UAX #14, strict, as `icu_segmenter` gives them), narrowed by the rules of
//! Chinese layout (clreq) UAX #14 leaves open — no line starts with closing punctuation or
//! ends with opening punctuation, quotes included; a number stays with its unit or measure
//! word; a dash (——) or an ellipsis (……) is never split and never starts a line. Lines are
//! filled greedily and measured on grapheme clusters with yishi's own width. Only a piece wider
//! than a whole line is cut elsewhere, between graphemes, keeping the rules where it can.

use std::ops::Range;
use std::sync::OnceLock;

use icu_segmenter::options::{LineBreakOptions, LineBreakStrictness};
use icu_segmenter::{LineSegmenter, LineSegmenterBorrowed};
use unicode_segmentation::UnicodeSegmentation;

use super::sanitize;

/// Characters that may not begin a line (clreq 行首禁则): closing brackets and quotes, pause
/// and stop marks, and their Latin counterparts.
const NO_LINE_START: &str = "，。、；：？！）」』】》〉〕］｝〗〙〛”’·%％‰℃,.;:?!)]}";
/// Characters that may not end a line (行尾禁则): opening brackets and quotes.
const NO_LINE_END: &str = "（「『【《〈〔［｛〖〘〚“‘([{";
/// Marks two ems long that are never split and never begin a line.
const LONG_MARKS: &str = "—…⋯";

/// Columns the string takes on a terminal (as it draws ambiguous characters, while a frame is
/// drawn; see `measured_as_drawn`).
pub fn width(s: &str) -> usize {
    super::ambiguous::columns(s)
}

/// Centres `s` in `columns` with leading spaces (no trailing ones).
pub fn pad_center(s: &str, columns: usize) -> String {
    let w = width(s);
    if w >= columns {
        return s.to_string();
    }
    format!("{}{}", " ".repeat((columns - w) / 2), s)
}

fn segmenter() -> LineSegmenterBorrowed<'static> {
    static SEGMENTER: OnceLock<LineSegmenterBorrowed<'static>> = OnceLock::new();
    *SEGMENTER.get_or_init(|| {
        let mut options = LineBreakOptions::default();
        options.strictness = Some(LineBreakStrictness::Strict);
        LineSegmenter::new_auto(options)
    })
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// A Han character, or a sign that is a number's unit.
fn is_unit(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
        || "%％‰℃°㎡㎥".contains(c)
}

/// Whether the rules of Chinese layout allow a break between `before` and `after`.
fn clreq_allows(before: char, after: char) -> bool {
    !(NO_LINE_START.contains(after)
        || NO_LINE_END.contains(before)
        || LONG_MARKS.contains(after)
        || (is_digit(before) && is_unit(after)))
}

/// Where a paragraph may break: byte offsets inside it (neither 0 nor its end), each a
/// UAX #14 opportunity on a grapheme boundary that clreq allows.
fn opportunities(paragraph: &str) -> Vec<usize> {
    let graphemes: std::collections::BTreeSet<usize> =
        paragraph.grapheme_indices(true).map(|(i, _)| i).collect();
    segmenter()
        .segment_str(paragraph)
        .filter(|&at| at > 0 && at < paragraph.len() && graphemes.contains(&at))
        .filter(|&at| break_allowed(paragraph, at))
        .collect()
}

/// Whether clreq allows a break at `at`, judged on the characters either side of it with the
/// spaces passed over: they vanish at a break.
fn break_allowed(paragraph: &str, at: usize) -> bool {
    let head = paragraph[..at].trim_end();
    let before = head.chars().next_back();
    let after = paragraph[at..].trim_start().chars().next();
    // A command-line option (`--name`, `-o`) is one word: no break after its hyphens.
    if before == Some('-') && after.is_some_and(|c| c.is_ascii_alphanumeric()) {
        let word = head.trim_end_matches('-');
        if word.is_empty() || word.ends_with(char::is_whitespace) || word.ends_with('`') {
            return false;
        }
    }
    match (before, after) {
        (Some(b), Some(a)) => clreq_allows(b, a),
        // Nothing but spaces on one side: a break there breaks nothing.
        _ => true,
    }
}

/// The visible extent of `from..to`: leading and trailing spaces left out.
fn trimmed(paragraph: &str, from: usize, to: usize) -> Range<usize> {
    let text = &paragraph[from..to];
    let start = from + (text.len() - text.trim_start().len());
    let end = from + text.trim_end().len();
    start..end.max(start)
}

fn fits(paragraph: &str, from: usize, to: usize, columns: usize) -> bool {
    width(&paragraph[trimmed(paragraph, from, to)]) <= columns
}

/// Cuts `from..to`, wider than a line, between graphemes: as much as fits, the cut moved back
/// rather than break a rule where the piece keeps a grapheme. Returns the cut.
fn emergency_cut(paragraph: &str, from: usize, to: usize, columns: usize) -> usize {
    let start = trimmed(paragraph, from, to).start;
    let graphemes: Vec<(usize, &str)> = paragraph[start..to]
        .grapheme_indices(true)
        .map(|(i, g)| (start + i, g))
        .collect();
    let mut used = 0;
    let mut cut = graphemes.len();
    for (k, (_, g)) in graphemes.iter().enumerate() {
        used += width(g);
        if used > columns {
            cut = k.max(1);
            break;
        }
    }
    let at = |k: usize| graphemes.get(k).map_or(to, |g| g.0);
    // Inside a number (digits, and the separators between them) is no place to cut either.
    let within_number = |k: usize| {
        let b = paragraph[..at(k)].chars().next_back();
        let a = paragraph[at(k)..].chars().next();
        match (b, a) {
            (Some(b), Some(a)) => {
                let part = |c: char| is_digit(c) || c == ',' || c == '.';
                part(b) && part(a) && (is_digit(b) || is_digit(a))
            }
            _ => false,
        }
    };
    let legal = |k: usize| break_allowed(paragraph, at(k)) && at(k) > start;
    // The last place before the overflow that keeps the rules, a number whole if it can be;
    // failing both, the overflow itself: a run that may not be parted, wider than the line.
    let back = |ok: &dyn Fn(usize) -> bool| {
        (1..cut.min(graphemes.len()) + 1)
            .rev()
            .find(|k| *k < graphemes.len() && ok(*k))
    };
    if cut >= graphemes.len() {
        return at(cut);
    }
    back(&|k| legal(k) && !within_number(k))
        .or_else(|| back(&legal))
        .map_or(at(cut), at)
}

fn wrap_paragraph(
    paragraph: &str,
    columns: usize,
    keep: &[Range<usize>],
    out: &mut Vec<Range<usize>>,
) {
    let mut breaks = opportunities(paragraph);
    breaks.retain(|at| !keep.iter().any(|k| k.start < *at && *at < k.end));
    breaks.push(paragraph.len());
    let mut start = 0;
    let mut fit: Option<usize> = None;
    let mut i = 0;
    while i < breaks.len() {
        let b = breaks[i];
        if b <= start {
            i += 1;
            continue;
        }
        if fits(paragraph, start, b, columns) {
            fit = Some(b);
            i += 1;
            continue;
        }
        let end = match fit.take() {
            Some(f) => f,
            // Nothing fits up to the first opportunity: cut inside it.
            None => emergency_cut(paragraph, start, b, columns),
        };
        out.push(trimmed(paragraph, start, end));
        start = end;
    }
    out.push(trimmed(paragraph, start, paragraph.len()));
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
    wrap_ranges_keeping(text, columns, &[])
}

/// As `wrap_ranges`, with no break inside any of `keep` (byte ranges of `text`: names, which a
/// reader must not find split across two lines) unless one is wider than a line.
pub fn wrap_ranges_keeping(text: &str, columns: usize, keep: &[Range<usize>]) -> Vec<Range<usize>> {
    let columns = columns.max(2);
    let mut out = Vec::new();
    let mut at = 0;
    for paragraph in text.split('\n') {
        let mut lines = Vec::new();
        let end = at + paragraph.len();
        let inside: Vec<Range<usize>> = keep
            .iter()
            .filter(|k| k.start >= at && k.end <= end)
            .map(|k| k.start - at..k.end - at)
            .collect();
        wrap_paragraph(paragraph, columns, &inside, &mut lines);
        out.extend(lines.into_iter().map(|r| r.start + at..r.end + at));
        at += paragraph.len() + 1;
    }
    out
}

/// As `wrap_ranges` for a list whose items are joined by `sep` (names by 、): lines break only
/// after a separator, so that no item is split; an item longer than a line is wrapped by the
/// usual rules.
pub fn wrap_list_ranges(text: &str, sep: char, columns: usize) -> Vec<Range<usize>> {
    let columns = columns.max(2);
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut line: Option<Range<usize>> = None;
    let mut used = 0;
    let mut at = 0;
    for item in text.split_inclusive(sep) {
        let w = width(item);
        let range = at..at + item.len();
        at += item.len();
        if w > columns {
            out.extend(line.take());
            used = 0;
            out.extend(
                wrap_ranges(item, columns)
                    .into_iter()
                    .map(|r| r.start + range.start..r.end + range.start),
            );
            continue;
        }
        match &mut line {
            Some(l) if used + w <= columns => {
                l.end = range.end;
                used += w;
            }
            _ => {
                out.extend(line.take());
                line = Some(range);
                used = w;
            }
        }
    }
    out.extend(line);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_name_is_not_split_and_a_line_breaks_before_it() {
        let text = "发言人：居民代表杨晓东（赞成）";
        let at = text.find("杨晓东").unwrap_or(0);
        let name: Range<usize> = at..at + "杨晓东".len();
        let keep = std::slice::from_ref(&name);
        let lines = |keep: &[Range<usize>]| -> Vec<String> {
            wrap_ranges_keeping(text, 20, keep)
                .into_iter()
                .map(|r| text[r].to_string())
                .collect()
        };
        assert_eq!(lines(&[]), ["发言人：居民代表杨晓", "东（赞成）"]);
        assert_eq!(lines(keep), ["发言人：居民代表", "杨晓东（赞成）"]);
    }

    #[test]
    fn a_list_breaks_only_after_its_separators() {
        let names = "周立平、陈秀兰、马文涛、欧阳晓东、林佳";
        let lines: Vec<&str> = wrap_list_ranges(names, '、', 16)
            .into_iter()
            .map(|r| &names[r])
            .collect();
        assert_eq!(lines, ["周立平、陈秀兰、", "马文涛、", "欧阳晓东、林佳"]);
        // An item longer than a line is wrapped within itself.
        let long = "甲、一二三四五六七八九十";
        let lines: Vec<&str> = wrap_list_ranges(long, '、', 8)
            .into_iter()
            .map(|r| &long[r])
            .collect();
        assert_eq!(lines, ["甲、", "一二三四", "五六七八", "九十"]);
    }

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
    fn the_defects_once_reported_stay_fixed() {
        // Numbers parted from their units, quotes left hanging, dashes starting a line.
        let texts = [
            "本次会议共15人参加，其中2026年新当选的代表用时2分50秒，费用1,234.5元。",
            "他说：“加装电梯是好事。”她回答：‘要看费用。’——大家都同意……最后表决。",
            "用 `yishi council import roster.csv --name NAME` 建立议事会。",
        ];
        for text in texts {
            for columns in 8..40 {
                let lines = wrap(text, columns);
                for pair in lines.windows(2) {
                    let b = pair[0].chars().next_back().unwrap_or(' ');
                    let a = pair[1].chars().next().unwrap_or(' ');
                    assert!(
                        !(b.is_ascii_digit() && is_unit(a)),
                        "{b}⏎{a} at {columns}: {lines:?}"
                    );
                    assert!(!"”’—…".contains(a), "⏎{a} at {columns}: {lines:?}");
                    assert!(!"“‘".contains(b), "{b}⏎ at {columns}: {lines:?}");
                    assert!(
                        !pair[0].ends_with("--"),
                        "an option split at {columns}: {lines:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn control_characters_are_removed() {
        assert_eq!(wrap("王\u{1b}[2J芳", 20), vec!["王[2J芳"]);
    }
}
