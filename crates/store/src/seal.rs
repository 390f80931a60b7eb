//! 签发 with keys, as the command line and the console both make it: each signer of the
//! meeting who registered a key signs, with their secret key from this machine's keys folder,
//! the statement naming the meeting, the record as it now stands (the journal's head) and the
//! minutes' digest.

use super::Store;
use super::keys::{self, KeyError, SecretKey};
use yishi_domain::SignMeeting;
use yishi_domain::{Change, Council, Meeting, MemberId, Seal, Sealed, statement};

/// The meeting's signers (chair, then recorder) who registered a key.
pub fn keyed_signers(council: &Council, meeting: &Meeting) -> Vec<MemberId> {
    let mut signers = vec![meeting.chair];
    if meeting.recorder != meeting.chair {
        signers.push(meeting.recorder);
    }
    signers.retain(|s| council.key_of(*s).is_some());
    signers
}

/// Each keyed signer's secret key, found in the keys folder.
pub fn secret_keys(
    council: &Council,
    signers: &[MemberId],
) -> Result<Vec<(MemberId, String, SecretKey)>, KeyError> {
    let dir = keys::folder();
    signers
        .iter()
        .filter_map(|m| council.key_of(*m).map(|k| (*m, k.id.clone())))
        .map(|(m, id)| SecretKey::find(&dir, &id).map(|s| (m, id, s)))
        .collect()
}

/// The 签发 change sealed by `keys` (with each one's password where it needs one) over the
/// record as `store` now holds it and the minutes' digest `minutes`.
pub fn sealed(
    store: &Store,
    meeting: &Meeting,
    minutes: &str,
    keys: &[(MemberId, String, SecretKey)],
    password: &dyn Fn(MemberId) -> Option<String>,
) -> Result<Change, KeyError> {
    let head = store.head().hash;
    let mut seals = Vec::new();
    for (member, id, secret) in keys {
        let text = statement(meeting.id, &head, minutes, *member);
        let signature = secret.sign(password(*member).as_deref(), &text)?;
        seals.push(Seal {
            member: *member,
            key: id.clone(),
            signature,
        });
    }
    Ok(Change::SignMeeting(SignMeeting {
        meeting: meeting.id,
        sealed: Some(Sealed {
            record: head,
            minutes: minutes.to_string(),
            seals,
        }),
    }))
}
