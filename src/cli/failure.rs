//! Why a command failed, as the exit status and the message say it.

use crate::store::StoreError;
use crate::text::Lang;

/// Why a command failed: the store's error, or a message already worded for the user.
pub enum Failure {
    Store(StoreError),
    Said(String),
    /// Already said on standard output (a `--json` verdict): exit 1 with nothing more.
    Quiet,
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        Failure::Store(e)
    }
}

impl Failure {
    pub(super) fn describe(&self, lang: Lang) -> String {
        match self {
            Failure::Store(e) => e.describe(lang),
            Failure::Said(s) => s.clone(),
            Failure::Quiet => String::new(),
        }
    }
}
