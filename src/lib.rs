//! 议事 · yishi — a terminal console on which neighbourhood councils run their meetings.
//!
//! Layers, each depending only on those listed before it:
//! `text` (width, wrapping, sanitising, languages) → `domain` (pure record and rules) →
//! `store` (sled and the journal) → `minutes` (record → text, Markdown) → `district` (the
//! street office's archive on PostgreSQL) → `tui` and `cli`.

pub mod cli;
pub mod district;
pub mod domain;
pub mod minutes;
pub mod paper;
pub mod store;
pub mod text;
pub mod tui;
