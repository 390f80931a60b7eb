//! The mark of an import under way: the head before it, durable before its first part is
//! written and removed once its last part is, so that an import cut short is taken back whole.

use super::{HEAD_KEY, Head, StoreError, Tables, corrupt, encode};

const IMPORTING_KEY: &[u8] = b"importing";

impl Tables {
    /// Marks an import as begun from `before`, durably.
    pub(crate) fn begin_import(&self, before: &Head) -> Result<(), StoreError> {
        self.meta
            .insert(IMPORTING_KEY, encode(before)?)
            .map_err(self.failed())?;
        self.sync()
    }

    /// The head before the import under way, if one is.
    pub(crate) fn importing(&self) -> Result<Option<Head>, StoreError> {
        self.meta
            .get(IMPORTING_KEY)
            .map_err(self.failed())?
            .map(|v| serde_json::from_slice(&v).map_err(corrupt))
            .transpose()
    }

    /// The import is whole: its mark goes, durably, with every record it wrote.
    pub(crate) fn end_import(&self) -> Result<(), StoreError> {
        self.meta.remove(IMPORTING_KEY).map_err(self.failed())?;
        self.sync()
    }

    /// Takes an import back: its records go and the head is the one before it.
    pub(crate) fn take_back_import(&self, before: &Head) -> Result<(), StoreError> {
        for t in self.record_trees() {
            t.clear().map_err(self.failed())?;
        }
        self.meta
            .insert(HEAD_KEY, encode(before)?)
            .map_err(self.failed())?;
        self.end_import()
    }
}
