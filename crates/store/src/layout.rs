//! Where each part of a database folder lies.

pub(crate) const STORE_DIR: &str = "store";
pub(crate) const JOURNAL_FILE: &str = "journal.jsonl";
/// Stores up to this size are read whole at start to find damage before anything runs on it.
pub(crate) const FULL_CHECK_LIMIT: u64 = 64 * 1024 * 1024;
