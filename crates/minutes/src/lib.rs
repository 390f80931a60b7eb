//! Minutes (会议纪要) generated from the record in the customary layout, as wrapped text or
//! Markdown (both rendered from one list of blocks, so they always say the same thing), and
//! the matter ledger (台账) as CSV and text.

mod blocks;
pub mod corpus;
mod decide;
mod decide_words;
pub mod history;
mod history_words;
mod input;
pub mod ledger;
mod ledger_words;
mod markdown;
mod plain;
pub mod qr;
mod source;
mod step_words;
mod steps;
mod words;

pub use blocks::{Block, Signed, blocks};
pub use input::{Layout, MinutesInput};
pub use markdown::markdown;
pub use plain::{
    Paragraph, digest, lines, list_separator, name_spans, paragraphs, signature_line, text,
};
pub use source::MeetingRecord;
pub use words::signed_at;
