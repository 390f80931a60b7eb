//! Signers' keys and the seals made with them, checked without any I/O: a public key read
//! from its minisign text, its key id, and whether a seal is the signature of its signer's
//! registered key over the statement the meeting's record makes.

use std::io::Cursor;

use super::council::Council;
use super::ids::{MeetingId, MemberId};
use super::refusal::{Refusal, Sealing};
use super::seal::{Sealed, Signature, statement};

/// A public key's minisign key id, as `minisign` prints it: 16 hexadecimal digits.
pub fn key_id(public: &str) -> Result<String, Refusal> {
    let key = minisign::PublicKey::from_base64(public.trim())
        .map_err(|_| Refusal::Sealing(Sealing::NotAKey))?;
    let mut n = [0u8; 8];
    for (slot, b) in n.iter_mut().zip(key.keynum()) {
        *slot = *b;
    }
    Ok(format!("{:016X}", u64::from_le_bytes(n)))
}

/// Whether `signature` is a minisign signature of `text` by `public`.
pub fn signs(public: &str, signature: &str, text: &str) -> bool {
    let Ok(key) = minisign::PublicKey::from_base64(public.trim()) else {
        return false;
    };
    let Ok(sig) = minisign::SignatureBox::from_string(signature) else {
        return false;
    };
    minisign::verify(&key, &sig, Cursor::new(text.as_bytes()), true, false, false).is_ok()
}

/// Holds a signature on `meeting` to the council's keys: where the chair or the recorder has a
/// key registered, their seal is there and is the signature of that key over the statement;
/// no one else seals, and no one twice.
pub fn check(council: &Council, meeting: MeetingId, signature: &Signature) -> Result<(), Refusal> {
    let signers = [signature.chair, signature.recorder];
    let empty = Sealed {
        record: String::new(),
        minutes: String::new(),
        seals: Vec::new(),
    };
    let sealed = signature.sealed.as_ref().unwrap_or(&empty);
    let mut seen: Vec<MemberId> = Vec::new();
    for seal in &sealed.seals {
        let name = council.name_of(seal.member);
        if !signers.contains(&seal.member) {
            return Err(Refusal::Sealing(Sealing::NotASigner { name }));
        }
        if seen.contains(&seal.member) {
            return Err(Refusal::Sealing(Sealing::Twice { name }));
        }
        seen.push(seal.member);
        let Some(key) = council
            .keys
            .iter()
            .find(|k| k.member == seal.member && k.id == seal.key && k.registered <= signature.at)
        else {
            return Err(Refusal::Sealing(Sealing::NoSuchKey {
                name,
                key: seal.key.clone(),
            }));
        };
        let text = statement(meeting, &sealed.record, &sealed.minutes, seal.member);
        if !signs(&key.public, &seal.signature, &text) {
            return Err(Refusal::Sealing(Sealing::Forged { name }));
        }
    }
    // A key registered after the meeting was signed binds only the meetings signed after it.
    for member in signers {
        let held = council
            .keys
            .iter()
            .any(|k| k.member == member && k.registered <= signature.at);
        if held && !seen.contains(&member) {
            let name = council.name_of(member);
            return Err(Refusal::Sealing(Sealing::Unsealed { name }));
        }
    }
    Ok(())
}
