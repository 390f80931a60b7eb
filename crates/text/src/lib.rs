//! Text that reaches a screen or a file: display width, Chinese line breaking, control-character
//! stripping, and the interface language.

mod ambiguous;
mod dates;
mod east_asian;
mod lang;
mod numerals;
mod pinyin;
mod sanitize;
mod wrap;

pub use ambiguous::{
    drawn_wide, frame_stand_in, is_ambiguous, is_frame, measured_as_drawn, measured_as_printed,
};
pub use dates::{parse_date, parse_date_time};
pub use lang::{Lang, Words};
pub use numerals::chinese_number;
pub use pinyin::finds;
pub use sanitize::{Fault, Shape, check, has_control, sanitize, sanitize_line};
pub use wrap::{pad_center, width, wrap, wrap_list_ranges, wrap_ranges, wrap_ranges_keeping};

/// `s` as a clause to join into a sentence: without the stop or pause mark it ends with, so a
/// join never doubles one (「…。；」).
pub fn clause(s: &str) -> &str {
    s.trim_end()
        .trim_end_matches(['。', '；', '，', '、', '.', ';', ','])
}

/// An English count with its noun: "1 task", "2 tasks".
pub fn counted(n: impl Into<u64>, one: &str, many: &str) -> String {
    let n = n.into();
    format!("{n} {}", if n == 1 { one } else { many })
}

/// How often, in English: "once", "twice", "3 times".
pub fn times(n: impl Into<u64>) -> String {
    match n.into() {
        1 => "once".into(),
        2 => "twice".into(),
        n => format!("{n} times"),
    }
}

#[cfg(test)]
mod clause_tests {
    #[test]
    fn english_counts_are_singular_for_one_only() {
        assert_eq!(super::counted(0u64, "task", "tasks"), "0 tasks");
        assert_eq!(super::counted(1u64, "task", "tasks"), "1 task");
        assert_eq!(super::counted(2u64, "task", "tasks"), "2 tasks");
        assert_eq!(super::times(1u64), "once");
        assert_eq!(super::times(2u64), "twice");
        assert_eq!(super::times(3u64), "3 times");
    }

    #[test]
    fn a_clause_ends_without_its_stop() {
        assert_eq!(super::clause("疏通雨水管。"), "疏通雨水管");
        assert_eq!(super::clause("疏通雨水管；"), "疏通雨水管");
        assert_eq!(super::clause("疏通雨水管？"), "疏通雨水管？");
        assert_eq!(super::clause("疏通雨水管"), "疏通雨水管");
    }
}
