//! The signature (签发) on a finished meeting, and corrections (更正) to its record afterwards. Nothing
//! a correction touches is overwritten: the correction is kept beside the original, with who
//! made it, when and why, and the minutes print both.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::ids::{MatterId, MemberId};
use super::matter::Step;

/// The chair's and the recorder's signature on the minutes, and when they signed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature {
    pub at: NaiveDateTime,
    pub chair: MemberId,
    pub recorder: MemberId,
}

/// A recorded correction to an ended meeting's record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    pub at: NaiveDateTime,
    /// Who made the correction (a council member).
    pub by: MemberId,
    /// The matter and step corrected; none for the meeting's own particulars.
    #[serde(default)]
    pub matter: Option<MatterId>,
    #[serde(default)]
    pub step: Option<Step>,
    /// The corrected wording.
    pub text: String,
    pub reason: String,
}
