//! The store made whole before it is checked: a change the process stopped in the middle of is
//! completed, as `Store::open` would.

use std::path::Path;

use crate::journal::Journal;
use crate::tables::Tables;
use crate::{JOURNAL_FILE, STORE_DIR, StoreError};

/// Opens the store as `Store::open` would first: a change the process stopped in the middle of
/// is completed, in the store and in the journal, before either is checked.
pub(crate) fn settle(dir: &Path) -> Result<Tables, StoreError> {
    settle_with(Tables::open(&dir.join(STORE_DIR))?, dir)
}

/// As `settle`, on tables already opened (with the cache the caller's reading wants).
pub(crate) fn settle_with(tables: Tables, dir: &Path) -> Result<Tables, StoreError> {
    let mut journal = Journal::open(&dir.join(JOURNAL_FILE))?;
    if let Some((head, line)) = tables.finish_interrupted()?.last {
        journal.complete(&head, &line)?;
    }
    crate::unfinished_import::settle_import(&tables, &mut journal, true)?;
    Ok(tables)
}

pub(crate) fn write_synced(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    crate::file::replace(path, bytes).map_err(|e| StoreError::io("write", path, e))
}
