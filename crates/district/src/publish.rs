//! `yishi publish`: a council's journal sent to the district, only the lines it lacks, a batch
//! of lines and the records they make in each transaction. A cut connection loses at most the
//! batch under way, which the next run sends again; a run with nothing new sends nothing.

use postgres::{Client, GenericClient};
use std::collections::BTreeSet;
use std::path::Path;

use super::{DistrictError, derive, heads, laptop, put, rows};
use yishi_domain::{Document, MeetingId, MemoryRecords, Write};
use yishi_store::Entry;

/// Lines a transaction carries.
const BATCH: usize = 500;

/// What a publish did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    /// The council's name, as its record last has it.
    pub council: String,
    /// The code the street office enrolled it under.
    pub code: String,
    /// Lines the district had already, and lines sent now.
    pub already: u64,
    pub sent: u64,
}

/// The district's last line of `chain`: its number and hash.
fn district_head(client: &mut Client, chain: &str) -> Result<Option<(u64, String)>, DistrictError> {
    let row = client.query_opt(
        "SELECT seq, hash FROM journal_lines WHERE chain = $1 ORDER BY seq DESC LIMIT 1",
        &[&chain],
    )?;
    Ok(row.map(|r| (r.get::<_, i64>(0) as u64, r.get(1))))
}

/// The hash of the district's line `seq` of `chain`, if it holds one.
fn district_line(
    client: &mut Client,
    chain: &str,
    seq: u64,
) -> Result<Option<String>, DistrictError> {
    let row = client.query_opt(
        "SELECT hash FROM journal_lines WHERE chain = $1 AND seq = $2",
        &[&chain, &(seq as i64)],
    )?;
    Ok(row.map(|r| r.get(0)))
}

/// Claims `chain` for the logged-in council with the laptop's key: its code and enrolled name.
fn claim(
    client: &mut impl GenericClient,
    chain: &str,
    key: &str,
) -> Result<(String, String), DistrictError> {
    let row = client.query_one(
        "SELECT code, name FROM district_claim($1, $2)",
        &[&chain, &key],
    );
    match row {
        Ok(r) => Ok((r.get(0), r.get(1))),
        Err(e) => {
            let said = e.as_db_error().map(|d| d.message().to_string());
            Err(match said.as_deref() {
                Some("yishi:not-enrolled") => DistrictError::NotEnrolled,
                Some("yishi:other-chain") => DistrictError::OtherChain,
                Some("yishi:other-key") => DistrictError::OtherKey,
                Some("yishi:chain-taken") => DistrictError::ChainTaken,
                _ => e.into(),
            })
        }
    }
}

/// Sends the journal of the database in `dir` to the district at `to`, as the council the
/// login was enrolled for. `progress` hears how many lines are there after each batch.
pub fn publish(
    dir: &Path,
    to: &str,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Published, DistrictError> {
    // The journal is read and its chain checked while the connection is made.
    let (client, entries) = std::thread::scope(|s| {
        let reading = s.spawn(|| yishi_store::journal_lines(dir).map_err(DistrictError::from));
        let client = super::connect(to);
        let entries = reading
            .join()
            .unwrap_or_else(|_| Err(DistrictError::Database("reading the journal".into())));
        (client, entries)
    });
    let client = &mut client?;
    let entries = entries?;
    let Some(first) = entries.first() else {
        return Ok(Published {
            council: String::new(),
            code: String::new(),
            already: 0,
            sent: 0,
        });
    };
    let chain = first.hash.clone();
    let here = entries.len() as u64;
    let (public, key) = laptop::key(dir)?;
    // Asked first and taken back: the claim is made with the first lines the district takes,
    // so that a record refused on its way leaves its chain unclaimed.
    let (code, _) = {
        let mut tx = client.transaction()?;
        let said = claim(&mut tx, &chain, &public);
        tx.rollback()?;
        said?
    };
    let held = district_head(client, &chain)?;
    if let Some(r) = laptop::receipt(dir, &code)? {
        let kept = district_line(client, &chain, r.seq)?;
        if kept.as_deref() != Some(r.hash.as_str()) {
            return Err(DistrictError::Lost {
                acknowledged: r.seq,
                district: held.as_ref().map_or(0, |h| h.0),
            });
        }
    }
    let already = match held {
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
    // The records as the district has them, to build on: with nothing new, only the name is
    // wanted, and the record is read without being judged again.
    let mut records = MemoryRecords::default();
    for e in &entries[..already as usize] {
        if already == here {
            derive::taken(&mut records, e)?;
        } else {
            derive::replayed(&mut records, e)?;
        }
    }
    let name = |r: &MemoryRecords| -> String {
        let names: Vec<&str> = r.councils.values().map(|c| c.name.as_str()).collect();
        names.join("、")
    };
    progress(already, here);
    for lines in entries[already as usize..].chunks(batch) {
        let mut tx = client.transaction()?;
        claim(&mut tx, &chain, &public)?;
        tx.execute(
            "INSERT INTO council_chains (chain, name) VALUES ($1, $2) ON CONFLICT (chain) DO NOTHING",
            &[&chain, &name(&records)],
        )?;
        // The server checks the lines while the records they make are derived here; then it
        // writes the records' rows while the minutes of the meetings they touch are laid out.
        let (sent, derived) = std::thread::scope(|s| {
            let sending = s.spawn(|| send_lines(&mut tx, &chain, lines));
            let derived = batch_rows(&mut records, lines);
            let sent = sending
                .join()
                .unwrap_or_else(|_| Err(DistrictError::Database("sending lines".into())));
            (sent, derived)
        });
        sent?;
        let Derived {
            matters,
            images,
            touched,
            wholes,
        } = derived?;
        let made = &records;
        let minutes = std::thread::scope(|s| {
            // An import or a restore is held to the import's rules beside it; a refusal
            // leaves the transaction uncommitted.
            let judging = s.spawn(|| -> Result<Vec<rows::Image>, DistrictError> {
                for (line, document) in &wholes {
                    derive::hold_whole(*line, document)?;
                }
                Ok(touched
                    .into_iter()
                    .filter_map(|id| derive::minutes_row(made, id))
                    .collect())
            });
            let put = put::put_all(&mut tx, &chain, &matters, images);
            let judged = judging
                .join()
                .unwrap_or_else(|_| Err(DistrictError::Database("laying out minutes".into())));
            put.and(judged)
        })?;
        put::put_all(&mut tx, &chain, &[], minutes)?;
        tx.execute(
            "UPDATE council_chains SET name = $2, published = now() WHERE chain = $1",
            &[&chain, &name(&records)],
        )?;
        let last = lines.last().map_or(first, |e| e);
        heads::append(&mut tx, &key, &chain, last.seq, &last.hash)?;
        tx.commit()?;
        laptop::keep_receipt(dir, &code, last)?;
        progress(last.seq, here);
    }
    // A chain published before heads were signed, or whose last head was not written: the
    // lines the district holds are signed now.
    if already == here {
        let signed = client
            .query_opt(
                "SELECT seq FROM published_heads WHERE chain = $1 ORDER BY n DESC LIMIT 1",
                &[&chain],
            )?
            .map(|r| r.get::<_, i64>(0) as u64);
        if signed != Some(here)
            && let Some(last) = entries.last()
        {
            let mut tx = client.transaction()?;
            heads::append(&mut tx, &key, &chain, last.seq, &last.hash)?;
            tx.commit()?;
        }
        if let Some(last) = entries.last() {
            laptop::keep_receipt(dir, &code, last)?;
        }
    }
    Ok(Published {
        council: name(&records),
        code,
        already,
        sent: here - already,
    })
}

/// Which record a write is of: its kind (in `Write`'s order) and id.
fn record_key(w: &Write) -> (u8, u64) {
    match w {
        Write::Council(c) => (0, c.id.0),
        Write::Meeting(m) => (1, m.id.0),
        Write::Matter(x) => (2, x.id.0),
        Write::Motion(v) => (3, v.id.0),
    }
}

/// The record `key` names, as the records now hold it.
fn current(records: &MemoryRecords, (kind, id): (u8, u64)) -> Option<Write> {
    use yishi_domain::{CouncilId, MatterId, MeetingId, MotionId};
    match kind {
        0 => records
            .councils
            .get(&CouncilId(id))
            .cloned()
            .map(Write::Council),
        1 => records
            .meetings
            .get(&MeetingId(id))
            .cloned()
            .map(Write::Meeting),
        2 => records
            .matters
            .get(&MatterId(id))
            .cloned()
            .map(Write::Matter),
        _ => records
            .motions
            .get(&MotionId(id))
            .cloned()
            .map(Write::Motion),
    }
}

/// What a batch of lines makes.
struct Derived {
    /// The matters among the records, whose tasks and reviews are made again.
    matters: Vec<i64>,
    /// The rows of the records, as the batch's last line leaves them: each row once.
    images: Vec<rows::Image>,
    /// The meetings whose minutes read otherwise.
    touched: BTreeSet<MeetingId>,
    /// The records as each whole document among the lines left them, by line, still to be
    /// held to the import's rules.
    wholes: Vec<(u64, Document)>,
}

/// The rows a batch of lines makes, and the meetings whose minutes it touches.
fn batch_rows(records: &mut MemoryRecords, lines: &[Entry]) -> Result<Derived, DistrictError> {
    let mut changed = BTreeSet::new();
    let mut touched = BTreeSet::new();
    let mut wholes = Vec::new();
    for e in lines {
        let (writes, whole) = derive::replayed_but_whole(records, e)?;
        wholes.extend(whole.map(|d| (e.seq, d)));
        changed.extend(writes.iter().map(record_key));
        touched.extend(derive::affected(records, &writes));
    }
    let mut images = Vec::new();
    let mut matters = Vec::new();
    for key in changed {
        if let Some(w) = current(records, key) {
            if let Write::Matter(x) = &w {
                matters.push(x.id.0 as i64);
            }
            images.extend(rows::images(&w)?);
        }
    }
    Ok(Derived {
        matters,
        images,
        touched,
        wholes,
    })
}

/// Sends `lines` in one statement, in their order; the district's trigger checks that each
/// continues the chain (COPY would be quicker, but PostgreSQL refuses it under the row-level
/// security that keeps each council to its own chain). A line refused is named by its number.
fn send_lines(
    tx: &mut postgres::Transaction<'_>,
    chain: &str,
    lines: &[Entry],
) -> Result<(), DistrictError> {
    // A column an array, bound as it is: nothing for the server to parse but the rows.
    let seq: Vec<i64> = lines.iter().map(|e| e.seq as i64).collect();
    let at: Vec<String> = lines.iter().map(Entry::at_text).collect();
    let prev: Vec<&str> = lines.iter().map(|e| e.prev.as_str()).collect();
    let change: Vec<&str> = lines.iter().map(|e| e.change.get()).collect();
    let hash: Vec<&str> = lines.iter().map(|e| e.hash.as_str()).collect();
    let inserted = tx.execute(
        "INSERT INTO journal_lines (chain, seq, at, prev, change, hash)
         SELECT $1, r.seq, r.at, r.prev, r.change, r.hash
         FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[])
             WITH ORDINALITY AS r (seq, at, prev, change, hash, n)
         ORDER BY r.n",
        &[&chain, &seq, &at, &prev, &change, &hash],
    );
    let Err(err) = inserted else {
        return Ok(());
    };
    let Some(db) = err.as_db_error() else {
        return Err(err.into());
    };
    // "line 7 does not continue the chain …" names the line; anything else, the batch's first.
    let detail = db.message().to_string();
    let named = detail
        .strip_prefix("line ")
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse::<u64>().ok());
    let line = named.or(lines.first().map(|e| e.seq)).unwrap_or(0);
    Err(DistrictError::Refused { line, detail })
}
