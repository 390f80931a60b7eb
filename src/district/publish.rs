//! `yishi publish`: a council's journal sent to the district, only the lines it lacks, a batch
//! of lines and the records they make in each transaction. A cut connection loses at most the
//! batch under way, which the next run sends again; a run with nothing new sends nothing.

use postgres::Client;
use std::path::Path;

use super::{DistrictError, upsert};
use crate::domain::{self, MemoryRecords};
use crate::store::{Entry, StoreError};

/// Lines a transaction carries.
const BATCH: usize = 500;

/// What a publish did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    /// The council's name, as its record last has it.
    pub council: String,
    /// Lines the district had already, and lines sent now.
    pub already: u64,
    pub sent: u64,
}

fn replayed(records: &mut MemoryRecords, e: &Entry) -> Result<Vec<domain::Write>, DistrictError> {
    let change = e.change()?;
    let writes = domain::replay_owned(change, e.at, records).map_err(|r| StoreError::Replay {
        seq: e.seq,
        reason: Some(r),
    })?;
    for w in &writes {
        records.put(w.clone());
    }
    Ok(writes)
}

/// The district's last line of `chain`: its number and hash.
fn district_head(client: &mut Client, chain: &str) -> Result<Option<(u64, String)>, DistrictError> {
    let row = client.query_opt(
        "SELECT seq, hash FROM journal_lines WHERE chain = $1 ORDER BY seq DESC LIMIT 1",
        &[&chain],
    )?;
    Ok(row.map(|r| (r.get::<_, i64>(0) as u64, r.get(1))))
}

/// Sends the journal of the database in `dir` to the district behind `client`. `progress`
/// hears how many lines are there after each batch.
pub fn publish(
    dir: &Path,
    client: &mut Client,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Published, DistrictError> {
    let entries = crate::store::journal_lines(dir)?;
    let Some(first) = entries.first() else {
        return Ok(Published {
            council: String::new(),
            already: 0,
            sent: 0,
        });
    };
    let chain = first.hash.clone();
    let here = entries.len() as u64;
    let already = match district_head(client, &chain)? {
        None => 0,
        Some((seq, _)) if seq > here => {
            return Err(DistrictError::Ahead {
                district: seq,
                here,
            });
        }
        Some((seq, hash)) => {
            if entries[seq as usize - 1].hash != hash {
                return Err(DistrictError::Diverged { line: seq });
            }
            seq
        }
    };
    let batch = std::env::var("YISHI_PUBLISH_BATCH")
        .ok()
        .and_then(|b| b.parse().ok())
        .filter(|b| *b > 0)
        .unwrap_or(BATCH);
    let mut records = MemoryRecords::default();
    for e in &entries[..already as usize] {
        replayed(&mut records, e)?;
    }
    let name = |r: &MemoryRecords| -> String {
        let names: Vec<&str> = r.councils.values().map(|c| c.name.as_str()).collect();
        names.join("、")
    };
    progress(already, here);
    for lines in entries[already as usize..].chunks(batch) {
        let mut tx = client.transaction()?;
        tx.execute(
            "INSERT INTO council_chains (chain, name) VALUES ($1, $2) ON CONFLICT (chain) DO NOTHING",
            &[&chain, &name(&records)],
        )?;
        let mut touched = std::collections::BTreeSet::new();
        for e in lines {
            let inserted = tx.execute(
                "INSERT INTO journal_lines (chain, seq, at, prev, change, hash) VALUES ($1, $2, $3, $4, $5, $6)",
                &[
                    &chain,
                    &(e.seq as i64),
                    &e.at_text(),
                    &e.prev,
                    &e.change.get(),
                    &e.hash,
                ],
            );
            if let Err(err) = inserted {
                let detail = err
                    .as_db_error()
                    .map_or_else(|| err.to_string(), |d| d.message().to_string());
                return Err(DistrictError::Refused {
                    line: e.seq,
                    detail,
                });
            }
            let change = e.change()?;
            let whole = change.meeting().is_none() && change.motion().is_none();
            for w in replayed(&mut records, e)? {
                match &w {
                    domain::Write::Meeting(m) => {
                        touched.insert(m.id);
                    }
                    domain::Write::Motion(v) => {
                        touched.insert(v.meeting);
                    }
                    _ => {}
                }
                upsert::write(&mut tx, &chain, &w)?;
            }
            // An import, a restore: every meeting's minutes may read otherwise now.
            if whole {
                touched.extend(records.meetings.keys().copied());
            }
            touched.extend(change.meeting());
        }
        for id in touched {
            if let Some((label, text)) = minutes_text(&records, id) {
                upsert::minutes(&mut tx, &chain, id.0, &label, &text)?;
            }
        }
        tx.execute(
            "UPDATE council_chains SET name = $2, published = now() WHERE chain = $1",
            &[&chain, &name(&records)],
        )?;
        tx.commit()?;
        progress(lines.last().map_or(already, |e| e.seq), here);
    }
    Ok(Published {
        council: name(&records),
        already,
        sent: here - already,
    })
}

/// A meeting's minutes as the laptop lays them out in 简体, one paragraph a line, with its
/// label (2026年第3次会议).
fn minutes_text(records: &MemoryRecords, id: domain::MeetingId) -> Option<(String, String)> {
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
    let input = crate::minutes::MinutesInput {
        council,
        meeting,
        matters,
        motions,
        lang: crate::text::Lang::ZhHans,
    };
    let text: Vec<String> = crate::minutes::paragraphs(&input)
        .into_iter()
        .map(|p| p.text)
        .collect();
    let label = format!("{}年第{}次会议", meeting.year, meeting.number);
    Some((label, text.join("\n")))
}
