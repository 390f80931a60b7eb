//! Line breaking as a property: any text, any width from 20 — no line too wide, no grapheme
//! split or lost, no line opening with closing punctuation or ending with opening
//! punctuation, and no control character on the screen.

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::widgets::Paragraph;
use unicode_segmentation::UnicodeSegmentation;

use yishi::text::{sanitize, width, wrap};

const NO_LINE_START: &str = "，。、；：？！）」』】》〉〕］｝％,.;:?!)]}";
const NO_LINE_END: &str = "（「『【《〈〔［｛([{";

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[加装电梯老旧公房居民议事会意见收集公开听证民主决策执行督办群众评议]{1,6}",
        2 => "[a-zA-Z0-9]{1,12}",
        2 => prop::sample::select(vec!["，", "。", "、", "；", "：", "？", "！", "）", "」", "》", "（", "「", "《", ",", ".", "(", ")"]).prop_map(String::from),
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
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn wrapped_lines_fit_keep_every_grapheme_and_obey_the_rules(s in text(), columns in 20usize..120) {
        let lines = wrap(&s, columns);
        for l in &lines {
            prop_assert!(width(l) <= columns, "{l:?} is wider than {columns}");
            prop_assert!(!l.chars().any(|c| c.is_control()), "control character in {l:?}");
        }
        // Where the wrapping broke a paragraph, the rules hold on both sides of the break.
        for paragraph in sanitize(&s).split('\n') {
            let lines = wrap(paragraph, columns);
            for pair in lines.windows(2) {
                let (before, after) = (&pair[0], &pair[1]);
                if let Some(c) = after.chars().next() {
                    prop_assert!(!NO_LINE_START.contains(c), "line starts with {c:?}: {lines:#?}");
                }
                if let Some(c) = before.chars().last() {
                    prop_assert!(!NO_LINE_END.contains(c), "line ends with {c:?}: {lines:#?}");
                }
            }
        }
        // Every grapheme of the cleaned text, in order, whole: only spaces at breaks go.
        let joined: String = lines.concat();
        prop_assert_eq!(visible(&joined), visible(&sanitize(&s)));
    }

    #[test]
    fn no_control_character_reaches_the_buffer(s in text(), columns in 20u16..120) {
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
