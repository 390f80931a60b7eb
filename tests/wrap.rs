//! Line breaking as a property, against an oracle written from the rules themselves (clreq,
//! 中文排版需求, and UAX #14), not from the implementation's tables: any text of Chinese with
//! quotes, dashes, ellipses, figures with their units, Latin and conversion debris, at any width
//! from 10 to 240 — no line too wide, no grapheme split or lost, no forbidden start or end, no
//! number parted from its unit, no dash or ellipsis split or starting a line, and no control
//! character on the screen.

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::widgets::Paragraph;
use unicode_segmentation::UnicodeSegmentation;

use yishi::text::{sanitize, width, wrap};

/// clreq 3.1.7, 行首禁则: what may not open a line — closing quotation marks and brackets
/// (”’」』）》〉】〕］｝〗), pause and stop marks (，。、；：？！), and the Latin ones.
fn may_not_start(c: char) -> bool {
    matches!(
        c,
        '”' | '’'
            | '」'
            | '』'
            | '）'
            | '》'
            | '〉'
            | '】'
            | '〕'
            | '］'
            | '｝'
            | '〗'
            | '，'
            | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | ','
            | '.'
            | ';'
            | ':'
            | '?'
            | '!'
            | ')'
            | ']'
            | '}'
    )
}

/// 行尾禁则: what may not close a line — opening quotation marks and brackets.
fn may_not_end(c: char) -> bool {
    matches!(
        c,
        '“' | '‘'
            | '「'
            | '『'
            | '（'
            | '《'
            | '〈'
            | '【'
            | '〔'
            | '［'
            | '｛'
            | '〖'
            | '('
            | '['
            | '{'
    )
}

/// 破折号 and 省略号, two ems each: never split, never at the start of a line.
fn long_mark(c: char) -> bool {
    c == '—' || c == '…'
}

/// A figure's last digit and the unit or measure word after it (15人, 2026年, 3.5%).
fn parts_figure(before: char, after: char) -> bool {
    before.is_ascii_digit() && (('\u{4e00}'..='\u{9fff}').contains(&after) || after == '%')
}

/// Whether the rules allow a line to end with `before` and the next to begin with `after`.
fn rules_allow(before: char, after: char) -> bool {
    !(may_not_start(after)
        || may_not_end(before)
        || long_mark(after)
        || parts_figure(before, after))
}

/// A line the rules allow no break in anywhere (a figure with its unit and a run of dashes and
/// closing marks, say): where such a run and what must follow it are wider than the line,
/// some rule has to give.
fn unbreakable(line: &str) -> bool {
    let chars: Vec<char> = line.chars().filter(|c| !c.is_whitespace()).collect();
    chars.windows(2).all(|w| !rules_allow(w[0], w[1]))
}

/// What breaking `line` at its last allowed place would have carried to the next line: the
/// part after that place, or the whole line where there is none. Places are between
/// graphemes (a thumb and its skin tone are one), and a space allows no break the rules do not.
fn after_last_break(line: &str) -> &str {
    let marks: Vec<(usize, &str)> = line
        .grapheme_indices(true)
        .filter(|(_, g)| !g.chars().all(char::is_whitespace))
        .collect();
    for pair in marks.windows(2).rev() {
        let ((_, g), (j, h)) = (pair[0], pair[1]);
        let (Some(b), Some(a)) = (g.chars().last(), h.chars().next()) else {
            continue;
        };
        if rules_allow(b, a) {
            return &line[j..];
        }
    }
    line
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[加装电梯老旧公房居民议事会意见收集公开听证民主决策执行督办群众评议]{1,6}",
        2 => "[a-zA-Z]{1,12}",
        2 => prop::sample::select(vec!["，", "。", "、", "；", "：", "？", "！", "）", "」", "》", "（", "「", "《", ",", ".", "(", ")"]).prop_map(String::from),
        2 => prop::sample::select(vec!["“", "”", "‘", "’", "“议事”", "‘原话’"]).prop_map(String::from),
        2 => prop::sample::select(vec!["——", "……", "——结果", "等等……"]).prop_map(String::from),
        3 => prop::sample::select(vec!["共15人", "2026年", "2分50秒", "1,234.5元", "3.5%", "第3次", "12月5日", "40套"]).prop_map(String::from),
        1 => prop::sample::select(vec!["引領(lǐng)", "專(zhuān)有", "議事（yì shì）"]).prop_map(String::from),
        1 => prop::sample::select(vec!["👨‍👩‍👧", "🙂", "👍🏽", "🇨🇳", "e\u{301}", "a\u{308}\u{330}", "한\u{11a8}"]).prop_map(String::from),
        1 => prop::sample::select(vec!["\u{1b}[31m", "\u{1b}]0;x\u{7}", "\u{9b}2J", "\u{7f}", "\r", "\t", "\u{202e}", "\u{0}"]).prop_map(String::from),
        1 => prop::sample::select(vec![" ", "  ", "\n"]).prop_map(String::from),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..60).prop_map(|v| v.concat())
}

fn visible(s: &str) -> Vec<String> {
    s.graphemes(true)
        .filter(|g| !g.chars().all(char::is_whitespace))
        .map(String::from)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn wrapped_lines_fit_keep_every_grapheme_and_obey_the_rules(s in text(), columns in 10usize..240) {
        let lines = wrap(&s, columns);
        for l in &lines {
            // The one exception: a run of marks that may not be parted, wider than the line.
            let unpartable = l.chars().all(|c| may_not_start(c) || long_mark(c));
            prop_assert!(width(l) <= columns || unpartable, "{l:?} is wider than {columns}");
            prop_assert!(!l.chars().any(|c| c.is_control()), "control character in {l:?}");
        }
        // Where the wrapping broke a paragraph, the rules hold on both sides of the break.
        for paragraph in sanitize(&s).split('\n') {
            let lines = wrap(paragraph, columns);
            // Where each line stands in the paragraph: the spaces a break dropped count toward
            // what would not have fitted on one line.
            let mut at = 0;
            let mut ends = Vec::new();
            for l in &lines {
                let start = paragraph[at..].find(l.as_str()).map_or(at, |i| at + i);
                ends.push((start, start + l.len()));
                at = start + l.len();
            }
            for (k, pair) in lines.windows(2).enumerate() {
                let (before, after) = (&pair[0], &pair[1]);
                let (Some(b), Some(a)) = (before.chars().last(), after.chars().next()) else {
                    continue;
                };
                let gap = width(&paragraph[ends[k].1..ends[k + 1].0]);
                // Kept only where breaking earlier in `before` would not have let `a` fit either.
                let forced =
                    width(after_last_break(before)) + gap + width(&a.to_string()) > columns;
                prop_assert!(!may_not_start(a) || forced, "line starts with {a:?}: {lines:#?}");
                prop_assert!(!may_not_end(b), "line ends with {b:?}: {lines:#?}");
                prop_assert!(!long_mark(a) || forced, "line starts with {a:?}: {lines:#?}");
                prop_assert!(!parts_figure(b, a), "{b:?} parted from {a:?}: {lines:#?}");
            }
        }
        // Every grapheme of the cleaned text, in order, whole: only spaces at breaks go.
        let joined: String = lines.concat();
        prop_assert_eq!(visible(&joined), visible(&sanitize(&s)));
    }

    #[test]
    fn no_control_character_reaches_the_buffer(s in text(), columns in 10u16..240) {
        let lines = wrap(&s, columns as usize);
        let height = lines.len().max(1) as u16;
        let mut t = Terminal::new(TestBackend::new(columns, height)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        t.draw(|f| f.render_widget(Paragraph::new(lines.join("\n")), f.area()))
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        for cell in t.backend().buffer().content() {
            prop_assert!(!cell.symbol().chars().any(|c| c.is_control()), "{:?}", cell.symbol());
        }
    }
}

/// Inputs the property once found wanting: where no placement keeps every rule, only a run
/// the rules allow no break in gives way, and nothing is lost.
#[test]
fn where_no_placement_keeps_every_rule_only_an_unbreakable_run_gives_way() {
    for (text, columns) in [("共15人——————，", 10), ("AAAAaaaa ——", 10)] {
        let lines = wrap(text, columns);
        for pair in lines.windows(2) {
            let (b, a) = (
                pair[0].chars().next_back().unwrap_or(' '),
                pair[1].chars().next().unwrap_or(' '),
            );
            assert!(
                rules_allow(b, a) || unbreakable(&pair[0]),
                "{text:?} at {columns}: {lines:?}"
            );
        }
        assert_eq!(visible(&lines.concat()), visible(text));
    }
    // A comma after spaces, at the edge: the rules allow no break in the line before it (not
    // inside the thumb with its skin tone, not before a dash), so the comma opens the next.
    assert_eq!(wrap("👍🏽——，，  ，”", 10), ["👍🏽——，，", "，”"]);
}
