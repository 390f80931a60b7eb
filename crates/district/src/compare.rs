//! The records tables against the lines: every row the district holds for a chain compared
//! with the row the lines make, and each row that differs, is missing or is extra named by
//! what it is about.

use postgres::Client;
use serde_json::Value;

use super::rows::{self, Table};
use super::{DistrictError, derive};
use yishi_domain::MemoryRecords;

/// A row of the records tables, named for a reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowName {
    pub table: Table,
    pub key: Vec<i64>,
    /// What the row belongs to, where known.
    pub about: Option<About>,
}

/// What a row belongs to: its meeting, or the council's own name for its council or matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum About {
    Meeting(yishi_domain::MeetingNumber),
    Named(String),
}

/// How a row differs from what the lines make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowFault {
    Differs,
    Missing,
    Extra,
}

/// The rows the district holds for `chain` against the rows `records` make.
pub fn derived_rows(
    client: &mut Client,
    chain: &str,
    records: &MemoryRecords,
) -> Result<Vec<(RowName, RowFault)>, DistrictError> {
    let mut expected = derive::expected(records)?;
    let mut out = Vec::new();
    for table in Table::ALL {
        for row in rows::held(client, table, chain)? {
            let key = rows::key_of(table, &row);
            let fault = match expected.remove(&(table, key.clone())) {
                Some(image) if same(&image.value(), &row) => continue,
                // Minutes published in an earlier layout read as that layout lays them out.
                Some(_) if table == Table::Minutes && as_laid_out(records, &key, &row) => continue,
                Some(_) => RowFault::Differs,
                None => RowFault::Extra,
            };
            out.push((name(records, table, key), fault));
        }
    }
    for ((table, key), _) in expected {
        out.push((name(records, table, key), RowFault::Missing));
    }
    Ok(out)
}

/// Whether a minutes row reads as its meeting's minutes in the layout the row names.
fn as_laid_out(records: &MemoryRecords, key: &[i64], row: &Value) -> bool {
    let layout = row
        .get("layout")
        .and_then(Value::as_i64)
        .and_then(|n| i16::try_from(n).ok())
        .and_then(yishi_minutes::Layout::from_number);
    let (Some(layout), Some(id)) = (layout, key.first()) else {
        return false;
    };
    let id = yishi_domain::MeetingId(*id as u64);
    derive::minutes_row_in(records, id, layout).is_some_and(|image| same(&image.value(), row))
}

/// Equal as values: JSON numbers compared by value, whatever way they were written.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

/// A row named by what it is about: its meeting, or its matter's title.
fn name(records: &MemoryRecords, table: Table, key: Vec<i64>) -> RowName {
    let first = key.first().copied().unwrap_or(-1) as u64;
    let meeting = |id: u64| {
        records
            .meetings
            .get(&yishi_domain::MeetingId(id))
            .map(|m| About::Meeting(m.numbered()))
    };
    let matter = |id: u64| {
        records
            .matters
            .get(&yishi_domain::MatterId(id))
            .map(|x| About::Named(x.title.clone()))
    };
    let about = match table {
        Table::Councils => records
            .councils
            .get(&yishi_domain::CouncilId(first))
            .map(|c| About::Named(c.name.clone())),
        Table::Meetings | Table::Minutes => meeting(first),
        Table::Matters | Table::Tasks | Table::Reviews => matter(first),
        Table::Motions => records
            .motions
            .get(&yishi_domain::MotionId(first))
            .and_then(|v| meeting(v.meeting.0)),
    };
    RowName { table, key, about }
}
