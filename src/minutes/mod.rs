//! Minutes (会议纪要) generated from the record in the customary layout, as wrapped text or
//! Markdown (both rendered from one list of blocks, so they always say the same thing), and
//! the matter ledger (台账) as CSV and text.

mod blocks;
pub mod corpus;
mod decide;
pub mod history;
mod input;
pub mod ledger;
mod markdown;
mod plain;
mod source;
mod steps;

pub use blocks::{Block, Signed, blocks};
pub use input::MinutesInput;
pub use markdown::markdown;
pub use plain::{Paragraph, lines, paragraphs, text};
pub use source::MeetingRecord;

use chrono::{Datelike, NaiveDate, Weekday};

/// 2026年11月22日
pub fn date_zh(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// 星期日
pub fn weekday_zh(d: NaiveDate) -> &'static str {
    match d.weekday() {
        Weekday::Mon => "星期一",
        Weekday::Tue => "星期二",
        Weekday::Wed => "星期三",
        Weekday::Thu => "星期四",
        Weekday::Fri => "星期五",
        Weekday::Sat => "星期六",
        Weekday::Sun => "星期日",
    }
}
