//! What several commands share: a store opened for reading, and a message said in the
//! user's language.

use std::path::Path;

use super::Failure;
use crate::store::Store;
use crate::text::Lang;

/// Opens the database to read, telling on standard error of any change cut off earlier that
/// opening it completed.
pub(super) fn read(db: &Path, lang: Lang) -> Result<Store, Failure> {
    let store = Store::open_read(db)?;
    if let Some(note) = crate::store::completed_note(lang, store.completed()) {
        eprintln!("{note}");
    }
    Ok(store)
}

pub(super) fn said(lang: Lang, hans: &str, hant: &str, en: &str) -> Failure {
    Failure::Said(lang.pick(hans, hant, en).to_string())
}
