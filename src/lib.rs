//! 议事 · yishi — a terminal console on which neighbourhood councils run their meetings.
//!
//! Each layer is a crate of its own under `crates/`, depending only on those listed before it,
//! so the compiler holds the layering:
//! `text` (width, wrapping, sanitising, languages) → `domain` (pure record and rules) →
//! `store` (sled and the journal) → `minutes` (record → text, Markdown) → `paper` (the PDF) and
//! `district` (the street office's archive on PostgreSQL) → `tui` → `cli`, this crate's own.

pub mod cli;
pub use yishi_district as district;
pub use yishi_domain as domain;
pub use yishi_minutes as minutes;
pub use yishi_paper as paper;
pub use yishi_store as store;
pub use yishi_text as text;
pub use yishi_tui as tui;
