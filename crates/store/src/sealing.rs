//! Whether the record still leads to what its signers signed. A sealed signature names the hash
//! of the journal line before it; a journal rewritten after the signature (its hashes made
//! again, so that its chain holds) no longer has that line, and a store that holds a signed
//! meeting holds the hash its journal must lead to.

use std::collections::BTreeSet;
use yishi_domain::SignMeeting;

use super::StoreError;
use super::journal::Entry;
use super::tables::{GENESIS, MEETINGS, Tables};
pub(crate) use crate::breaks::Broken;
use yishi_domain::{Change, Meeting, MemoryRecords};

/// The seal a line carries, if its record is not the line before it.
pub(super) fn broken_seal(entry: &Entry, change: &Change) -> Option<Broken> {
    match change {
        Change::SignMeeting(SignMeeting {
            meeting,
            sealed: Some(s),
        }) if s.record != entry.prev => Some(Broken::Rewritten {
            meeting: *meeting,
            line: entry.seq,
        }),
        _ => None,
    }
}

/// A journal line that failed to replay, where what failed is its signature.
pub(super) fn refused_seal(entries: &[Entry], error: &StoreError) -> Option<Broken> {
    let StoreError::Replay {
        seq,
        reason: Some(yishi_domain::Refusal::Sealing(_)),
    } = error
    else {
        return None;
    };
    let entry = entries.get(usize::try_from(*seq).ok()?.checked_sub(1)?)?;
    match entry.change().ok()? {
        Change::SignMeeting(SignMeeting { meeting, .. }) => Some(Broken::Invalid {
            meeting,
            line: *seq,
        }),
        _ => None,
    }
}

/// The store's signed meetings whose sealed record is the hash of none of `entries` (nor the
/// journal's start), where the journal's own replay (`journal`) does not carry the same
/// signature either: an imported record keeps its signature with the hash of the journal it
/// was signed in.
pub(super) fn unanchored(
    tables: &Tables,
    entries: &[Entry],
    journal: &MemoryRecords,
) -> Result<Vec<Broken>, StoreError> {
    let hashes: BTreeSet<&str> = entries
        .iter()
        .map(|e| e.hash.as_str())
        .chain([GENESIS])
        .collect();
    let mut out = Vec::new();
    for m in tables.each::<Meeting>(MEETINGS) {
        let m = m?;
        let carried = journal
            .meetings
            .get(&m.id)
            .is_some_and(|j| j.signature == m.signature);
        if let Some(sealed) = m.signature.as_ref().and_then(|s| s.sealed.as_ref())
            && !hashes.contains(sealed.record.as_str())
            && !carried
        {
            out.push(Broken::NotInJournal { meeting: m.id });
        }
    }
    Ok(out)
}
