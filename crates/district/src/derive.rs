//! A council's records made from its lines, as publish makes them and verify makes them again:
//! each line replayed by the record's rules; a whole document (an import, a restore) held to
//! the import's rules as well, so that a continuation cannot bring in records the console
//! would refuse; a signature whose record is not the line before it refused.

use std::collections::{BTreeMap, BTreeSet};
use yishi_domain::{ImportPart, SignMeeting};

use super::DistrictError;
use super::rows::{self, Image, Table};
use yishi_domain::{self as domain, Change, MeetingId, MemoryRecords, Write};
use yishi_store::{Entry, StoreError};

/// Replays line `e` onto `records` as the journal took it, without judging it again.
pub fn taken(records: &mut MemoryRecords, e: &Entry) -> Result<(), DistrictError> {
    let writes =
        domain::replay_owned(e.change()?, e.at, records).map_err(|r| replay_error(e, r))?;
    for w in writes {
        records.put(w);
    }
    Ok(())
}

fn replay_error(e: &Entry, r: domain::Refusal) -> DistrictError {
    DistrictError::Store(StoreError::Replay {
        seq: e.seq,
        reason: Some(r),
    })
}

/// Replays line `e` onto `records`, held to the rules; returns what it wrote.
pub fn replayed(records: &mut MemoryRecords, e: &Entry) -> Result<Vec<Write>, DistrictError> {
    let (writes, whole) = replayed_but_whole(records, e)?;
    if let Some(document) = whole {
        hold_whole(e.seq, &document)?;
    }
    Ok(writes)
}

/// Replays line `e` onto `records` as [`replayed`] does, but for the import's rules: where the
/// line is a whole document, the records as it leaves them are returned, for [`hold_whole`]
/// to judge while its rows are on their way (a refusal then undoes them).
pub fn replayed_but_whole(
    records: &mut MemoryRecords,
    e: &Entry,
) -> Result<(Vec<Write>, Option<domain::Document>), DistrictError> {
    let change = e.change()?;
    if let Change::SignMeeting(SignMeeting {
        sealed: Some(s), ..
    }) = &change
        && s.record != e.prev
    {
        return Err(DistrictError::SealBroken { line: e.seq });
    }
    let whole = matches!(
        change,
        Change::Import(_) | Change::Restore(_) | Change::ImportPart(ImportPart { done: true, .. })
    );
    let writes = domain::replay_owned(change, e.at, records).map_err(|r| replay_error(e, r))?;
    for w in &writes {
        records.put(w.clone());
    }
    Ok((writes, whole.then(|| records.to_document())))
}

/// The records as whole line `line` left them, held to the import's rules.
pub fn hold_whole(line: u64, document: &domain::Document) -> Result<(), DistrictError> {
    domain::validate(document).map_err(|problems| DistrictError::NotTheRules { line, problems })
}

/// The meetings whose minutes read otherwise after `writes`: a minutes page is made of its
/// council, its meeting, the matters on its agenda and their motions.
pub fn affected(records: &MemoryRecords, writes: &[Write]) -> BTreeSet<MeetingId> {
    let mut out = BTreeSet::new();
    for w in writes {
        match w {
            Write::Meeting(m) => {
                out.insert(m.id);
            }
            Write::Council(c) => out.extend(
                records
                    .meetings
                    .values()
                    .filter(|m| m.council == c.id)
                    .map(|m| m.id),
            ),
            Write::Matter(x) => out.extend(on_agenda(records, x.id)),
            Write::Motion(v) => {
                out.insert(v.meeting);
                out.extend(on_agenda(records, v.matter));
            }
        }
    }
    out
}

fn on_agenda(records: &MemoryRecords, matter: domain::MatterId) -> Vec<MeetingId> {
    records
        .meetings
        .values()
        .filter(|m| m.agenda.contains(&matter))
        .map(|m| m.id)
        .collect()
}

/// A meeting's minutes as the laptop lays them out in 简体, one paragraph a line, with its
/// label (2026年第3次会议): a sealed meeting's in the layout it was signed in, any other's in
/// `layout`.
pub fn minutes_text(
    records: &MemoryRecords,
    id: MeetingId,
    layout: yishi_minutes::Layout,
) -> Option<(String, String, yishi_minutes::Layout)> {
    let meeting = records.meetings.get(&id)?;
    let council = records.councils.get(&meeting.council)?;
    let matters: Vec<&domain::Matter> = meeting
        .agenda
        .iter()
        .filter_map(|m| records.matters.get(m))
        .collect();
    let motions = matters
        .iter()
        .flat_map(|x| x.motions.iter())
        .filter_map(|v| records.motions.get(v).map(|m| (*v, m)))
        .collect();
    let input = yishi_minutes::MinutesInput {
        council,
        meeting,
        matters,
        motions,
        lang: yishi_text::Lang::ZhHans,
        layout,
    }
    .as_signed();
    let text: Vec<String> = yishi_minutes::paragraphs(&input)
        .into_iter()
        .map(|p| p.text)
        .collect();
    let label = meeting.label(yishi_text::Lang::ZhHans);
    Some((label, text.join("\n"), input.layout))
}

/// A meeting's minutes as the row the district keeps, in the current layout.
pub fn minutes_row(records: &MemoryRecords, id: MeetingId) -> Option<Image> {
    minutes_row_in(records, id, yishi_minutes::Layout::default())
}

/// As `minutes_row`, in `layout` (the one a row published by an earlier yishi says).
pub fn minutes_row_in(
    records: &MemoryRecords,
    id: MeetingId,
    layout: yishi_minutes::Layout,
) -> Option<Image> {
    minutes_text(records, id, layout)
        .map(|(label, text, layout)| rows::minutes(id.0, &label, &text, layout.number()))
}

/// Every row the records make, by table and key.
pub fn expected(
    records: &MemoryRecords,
) -> Result<BTreeMap<(Table, Vec<i64>), Image>, DistrictError> {
    let mut out = BTreeMap::new();
    for w in records.to_document().into_writes() {
        for image in rows::images(&w)? {
            out.insert((image.table, image.key()), image);
        }
    }
    for id in records.meetings.keys() {
        if let Some(image) = minutes_row(records, *id) {
            out.insert((image.table, image.key()), image);
        }
    }
    Ok(out)
}
