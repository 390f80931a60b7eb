//! The signature (签发) on a finished meeting, and corrections (更正) to its record afterwards. Nothing
//! a correction touches is overwritten: the correction is kept beside the original, with who
//! made it, when and why, and the minutes print both.
//!
//! Where a signer has a key registered with the council, 签发 is sealed: each signer signs, with
//! their own Ed25519 key in the minisign format, a statement naming the meeting, the record as
//! it then stood (the hash of the journal's last line before the signature, which chains every
//! line before it) and the digest of the minutes as they read. A record rewritten later no
//! longer leads to the hash the signers signed, and a new signature needs their keys.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::ids::{MatterId, MeetingId, MemberId};
use super::matter::Step;

/// The chair's and the recorder's signature on the minutes, and when they signed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature {
    pub at: NaiveDateTime,
    pub chair: MemberId,
    pub recorder: MemberId,
    /// The signers' own signatures, where they hold keys.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sealed: Option<Sealed>,
}

/// What the signers signed, and each one's signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sealed {
    /// The hash of the journal's line before the signature: the whole record up to it.
    pub record: String,
    /// SHA-256 of the minutes' text as they read when signed (简体, 72 columns).
    pub minutes: String,
    pub seals: Vec<Seal>,
}

/// One signer's signature over the statement `statement` makes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seal {
    pub member: MemberId,
    /// The minisign key id of the key it was made with (16 hexadecimal digits).
    pub key: String,
    /// The minisign signature, as a `.minisig` file holds it.
    pub signature: String,
}

/// A member's public key, registered with the council.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignerKey {
    pub member: MemberId,
    /// The minisign public key, base64 (the second line of a `.pub` file).
    pub public: String,
    /// Its key id, 16 hexadecimal digits as minisign shows it.
    pub id: String,
    pub registered: NaiveDateTime,
}

/// The text each signer signs: a `.minisig` over these bytes checks with `minisign -V`.
pub fn statement(meeting: MeetingId, record: &str, minutes: &str, member: MemberId) -> String {
    format!(
        "yishi 签发 v1\nmeeting {}\nrecord {record}\nminutes {minutes}\nsigner {}\n",
        meeting.0, member.0
    )
}

/// A hash as it is read aloud and printed on paper: its first 64 bits, in four groups.
pub fn short_digest(hash: &str) -> String {
    let head: Vec<char> = hash.chars().take(16).collect();
    head.chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
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
