//! `yishi district verify`: every council's chain proven again from the district's own copy,
//! line by line; the first line that is not what its hash says, or does not follow the one
//! before, is named with its council, its meeting and its time.

use postgres::Client;

use super::DistrictError;
use crate::store::{Entry, GENESIS};

/// What the district's copy of one council's record is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Whole {
        council: String,
        lines: u64,
    },
    Broken {
        council: String,
        line: u64,
        /// The line's time as recorded, and its meeting as 2026年第3次 where it names one.
        at: String,
        meeting: Option<String>,
    },
}

/// Every council's verdict, by name.
pub fn verify(client: &mut Client) -> Result<Vec<Verdict>, DistrictError> {
    let chains = super::chains(client)?;
    let mut out = Vec::new();
    for (chain, council) in chains {
        let rows = client.query(
            "SELECT seq, at, prev, change, hash FROM journal_lines WHERE chain = $1 ORDER BY seq",
            &[&chain],
        )?;
        let mut hash = GENESIS.to_string();
        let mut broken = None;
        for (i, r) in rows.iter().enumerate() {
            let seq = r.get::<_, i64>(0) as u64;
            let at: String = r.get(1);
            let entry = Entry::from_parts(seq, &at, r.get(2), r.get(3), r.get(4));
            let whole = entry.as_ref().is_ok_and(|e| {
                e.seq == i as u64 + 1 && e.prev == hash && e.hash_ok() && (i > 0 || e.hash == chain)
            });
            if !whole {
                let meeting = entry
                    .ok()
                    .and_then(|e| e.change().ok())
                    .and_then(|c| c.meeting())
                    .map(|id| meeting_label(client, &chain, id.0))
                    .transpose()?
                    .flatten();
                broken = Some(Verdict::Broken {
                    council: council.clone(),
                    line: seq,
                    at: at.replace('T', " "),
                    meeting,
                });
                break;
            }
            hash = r.get(4);
        }
        out.push(broken.unwrap_or(Verdict::Whole {
            council,
            lines: rows.len() as u64,
        }));
    }
    Ok(out)
}

fn meeting_label(
    client: &mut Client,
    chain: &str,
    id: u64,
) -> Result<Option<String>, DistrictError> {
    let row = client.query_opt(
        "SELECT year, number FROM meetings WHERE chain = $1 AND id = $2",
        &[&chain, &(id as i64)],
    )?;
    Ok(row.map(|r| format!("{}年第{}次", r.get::<_, i32>(0), r.get::<_, i32>(1))))
}
