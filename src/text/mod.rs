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
pub(crate) use lang::say;
pub use lang::{Lang, Words};
pub use numerals::chinese_number;
pub use pinyin::finds;
pub use sanitize::{Fault, Shape, check, has_control, sanitize, sanitize_line};
pub use wrap::{pad_center, width, wrap, wrap_list_ranges, wrap_ranges};

/// `s` as a clause to join into a sentence: without the stop or pause mark it ends with, so a
/// join never doubles one (「…。；」).
pub fn clause(s: &str) -> &str {
    s.trim_end()
        .trim_end_matches(['。', '；', '，', '、', '.', ';', ','])
}

#[cfg(test)]
mod clause_tests {
    #[test]
    fn a_clause_ends_without_its_stop() {
        assert_eq!(super::clause("疏通雨水管。"), "疏通雨水管");
        assert_eq!(super::clause("疏通雨水管；"), "疏通雨水管");
        assert_eq!(super::clause("疏通雨水管？"), "疏通雨水管？");
        assert_eq!(super::clause("疏通雨水管"), "疏通雨水管");
    }
}
