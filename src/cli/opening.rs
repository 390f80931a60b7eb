//! What several commands share: a store opened for reading, and a message said in the
//! user's language.

use std::path::Path;

use super::Failure;
use crate::store::Reader;
use crate::text::Lang;

/// Opens the database to read: without its lock, writing nothing, beside a console that
/// may be changing it.
pub(super) fn read(db: &Path, _lang: Lang) -> Result<Reader, Failure> {
    Ok(Reader::open(db)?)
}

pub(super) fn said(lang: Lang, hans: &str, hant: &str, en: &str) -> Failure {
    Failure::Said(lang.pick(hans, hant, en).to_string())
}
