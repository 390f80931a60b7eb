//! Text that reaches a screen or a file: display width, Chinese line breaking, control-character
//! stripping, and the interface language.

mod dates;
mod lang;
mod numerals;
mod pinyin;
mod sanitize;
mod wrap;

pub use dates::{parse_date, parse_date_time};
pub use lang::{Lang, Words};
pub use numerals::chinese_number;
pub use pinyin::finds;
pub use sanitize::{Fault, Shape, check, has_control, sanitize, sanitize_line};
pub use wrap::{pad_center, width, wrap, wrap_ranges};
