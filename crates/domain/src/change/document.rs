//! Whole documents taken into the record: an import, in one line or in parts, and the record
//! as a store held it, restored by a repair in place of damaged journal lines.

use super::ctx::Ctx;
use super::kind::{Kind, Names};
use crate::document::Document;
use crate::law::{self, REASON};
use crate::records::{Records, Write};
use crate::refusal::Refusal;
use crate::validate::validate;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Import {
    pub document: Box<Document>,
}

impl Kind for Import {
    fn names(&self) -> Names {
        Names::NOTHING
    }

    fn rule<R: Records>(&self, cx: &Ctx<R>, _at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let Import { document } = self;
        validate(document).map_err(Refusal::Invalid)?;
        if !cx.records.is_empty()? {
            return Err(Refusal::NotEmpty);
        }
        Ok(document.writes())
    }
}

/// One part of an import written as several journal lines (a document too large for one):
/// numbered from 0, each holding some of the document's records, the last one `done` and
/// holding none. Until the last part is written the import may be taken back whole: the
/// records are checked together, against each other, before it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportPart {
    pub part: u32,
    pub done: bool,
    pub document: Box<Document>,
}

impl Kind for ImportPart {
    fn names(&self) -> Names {
        Names::NOTHING
    }

    /// A part of an import: records taken as they are, into an empty record for the first part.
    /// The parts are checked together, against each other, before the last is written
    /// (`validate_part` over each council's records); an import that fails the check is taken
    /// back whole.
    fn rule<R: Records>(&self, cx: &Ctx<R>, _at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let &ImportPart {
            part, ref document, ..
        } = self;
        if part == 0 && !cx.records.is_empty()? {
            return Err(Refusal::NotEmpty);
        }
        Ok(document.writes())
    }
}

/// The record as the store held it, written by `yishi repair` in place of journal lines
/// that were damaged: every record, whole, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Restore {
    pub document: Box<Document>,
    pub reason: String,
}

impl Kind for Restore {
    fn names(&self) -> Names {
        Names::NOTHING
    }

    /// The whole record as a store held it, in place of damaged journal lines: it must hold to
    /// every rule an import does, and say why it was written.
    fn rule<R: Records>(&self, _cx: &Ctx<R>, _at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let Restore { document, reason } = self;
        validate(document).map_err(Refusal::Invalid)?;
        law::text(reason, REASON, true)?;
        Ok(document.writes())
    }
}
