//! An import cut short, settled at open: taken back whole, or, where its last part was written,
//! only its mark removed.

use crate::StoreError;
use crate::journal::Journal;
use crate::tables::{Head, Tables};
use yishi_domain::Change;
use yishi_domain::ImportPart;

/// The last part holds no records: its line is short, and found at the journal's end.
const LAST_LINE_MAX: u64 = 4096;

/// At open: an import that was cut short before its last part is taken back whole (its
/// journal lines too, unless `journal` may not be written); one whose last part is written
/// loses its mark. Returns the head before the import if it was taken back.
pub(crate) fn settle_import(
    tables: &Tables,
    journal: &mut Journal,
    may_write_journal: bool,
) -> Result<Option<Head>, StoreError> {
    let Some(before) = tables.importing()? else {
        return Ok(None);
    };
    let finished = journal
        .last_entry(LAST_LINE_MAX)?
        .and_then(|e| e.change().ok())
        .is_some_and(|c| matches!(c, Change::ImportPart(ImportPart { done: true, .. })));
    if finished {
        tables.end_import()?;
        return Ok(None);
    }
    if may_write_journal {
        journal.truncate(before.journal_len)?;
    }
    tables.take_back_import(&before)?;
    Ok(Some(before))
}
