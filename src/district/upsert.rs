//! The records a council's lines make, written into the district's tables beside the lines:
//! each record whole as JSON, with the columns questions are asked by, and a matter's tasks
//! and reviews as rows of their own.

use postgres::Transaction;

use super::DistrictError;
use crate::domain::Write;

fn json<T: serde::Serialize>(value: &T) -> Result<String, DistrictError> {
    serde_json::to_string(value).map_err(|e| DistrictError::Database(e.to_string()))
}

/// Keeps one record the council's change wrote.
pub fn write(tx: &mut Transaction<'_>, chain: &str, w: &Write) -> Result<(), DistrictError> {
    match w {
        Write::Council(c) => {
            tx.execute(
                "INSERT INTO councils (chain, id, name, record) VALUES ($1, $2, $3, $4::text::jsonb)
                 ON CONFLICT (chain, id) DO UPDATE SET name = EXCLUDED.name, record = EXCLUDED.record",
                &[&chain, &(c.id.0 as i64), &c.name, &json(c)?],
            )?;
            tx.execute(
                "UPDATE council_chains SET name = $2 WHERE chain = $1",
                &[&chain, &c.name],
            )?;
        }
        Write::Meeting(m) => {
            tx.execute(
                "INSERT INTO meetings (chain, id, council, year, number, start, record)
                 VALUES ($1, $2, $3, $4, $5, $6::text::timestamp, $7::text::jsonb)
                 ON CONFLICT (chain, id) DO UPDATE SET year = EXCLUDED.year,
                   number = EXCLUDED.number, start = EXCLUDED.start, record = EXCLUDED.record",
                &[
                    &chain,
                    &(m.id.0 as i64),
                    &(m.council.0 as i64),
                    &m.year,
                    &(m.number as i32),
                    &m.start.format("%Y-%m-%d %H:%M:%S").to_string(),
                    &json(m)?,
                ],
            )?;
        }
        Write::Matter(x) => {
            let stage = json(&x.stage)?;
            tx.execute(
                "INSERT INTO matters (chain, id, council, title, stage, record)
                 VALUES ($1, $2, $3, $4, $5, $6::text::jsonb)
                 ON CONFLICT (chain, id) DO UPDATE SET title = EXCLUDED.title,
                   stage = EXCLUDED.stage, record = EXCLUDED.record",
                &[
                    &chain,
                    &(x.id.0 as i64),
                    &(x.council.0 as i64),
                    &x.title,
                    &stage,
                    &json(x)?,
                ],
            )?;
            let id = x.id.0 as i64;
            tx.execute(
                "DELETE FROM tasks WHERE chain = $1 AND matter = $2",
                &[&chain, &id],
            )?;
            for (i, t) in x.tasks.iter().enumerate() {
                tx.execute(
                    "INSERT INTO tasks (chain, matter, position, text, owner, due, percent, supervised)
                     VALUES ($1, $2, $3, $4, $5, $6::text::date, $7, $8)",
                    &[
                        &chain,
                        &id,
                        &(i as i32),
                        &t.text,
                        &t.owner,
                        &t.due.to_string(),
                        &i32::from(t.percent()),
                        &t.is_supervised(),
                    ],
                )?;
            }
            tx.execute(
                "DELETE FROM reviews WHERE chain = $1 AND matter = $2",
                &[&chain, &id],
            )?;
            for (i, r) in x.reviews.iter().enumerate() {
                tx.execute(
                    "INSERT INTO reviews (chain, matter, position, meeting, satisfied, basically,
                       dissatisfied, passed) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                    &[
                        &chain,
                        &id,
                        &(i as i32),
                        &(r.meeting.0 as i64),
                        &(r.satisfied as i32),
                        &(r.basically_satisfied as i32),
                        &(r.dissatisfied as i32),
                        &r.passed,
                    ],
                )?;
            }
        }
        Write::Motion(v) => {
            tx.execute(
                "INSERT INTO motions (chain, id, matter, meeting, passed, record)
                 VALUES ($1, $2, $3, $4, $5, $6::text::jsonb)
                 ON CONFLICT (chain, id) DO UPDATE SET passed = EXCLUDED.passed,
                   record = EXCLUDED.record",
                &[
                    &chain,
                    &(v.id.0 as i64),
                    &(v.matter.0 as i64),
                    &(v.meeting.0 as i64),
                    &v.passed,
                    &json(v)?,
                ],
            )?;
        }
    }
    Ok(())
}

/// Keeps a meeting's minutes as text, for search.
pub fn minutes(
    tx: &mut Transaction<'_>,
    chain: &str,
    meeting: u64,
    label: &str,
    text: &str,
) -> Result<(), DistrictError> {
    tx.execute(
        "INSERT INTO minutes (chain, meeting, label, text) VALUES ($1, $2, $3, $4)
         ON CONFLICT (chain, meeting) DO UPDATE SET label = EXCLUDED.label, text = EXCLUDED.text",
        &[&chain, &(meeting as i64), &label, &text],
    )?;
    Ok(())
}
