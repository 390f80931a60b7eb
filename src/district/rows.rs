//! The rows the district keeps beside a council's lines, as images made from the records the
//! lines make: each record whole as JSON with the columns questions are asked by, a matter's
//! tasks and reviews as rows of their own, each meeting's minutes as text. One image serves
//! both sides: publish writes it, verify derives it again and compares.

use postgres::{GenericClient, Transaction};
use serde_json::{Value, json};

use super::DistrictError;
use crate::domain::Write;

/// A table of rows derived from the lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Table {
    Councils,
    Meetings,
    Matters,
    Motions,
    Tasks,
    Reviews,
    Minutes,
}

impl Table {
    pub const ALL: [Table; 7] = [
        Table::Councils,
        Table::Meetings,
        Table::Matters,
        Table::Motions,
        Table::Tasks,
        Table::Reviews,
        Table::Minutes,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Table::Councils => "councils",
            Table::Meetings => "meetings",
            Table::Matters => "matters",
            Table::Motions => "motions",
            Table::Tasks => "tasks",
            Table::Reviews => "reviews",
            Table::Minutes => "minutes",
        }
    }

    /// The columns that name a row within its chain.
    fn key(self) -> &'static [&'static str] {
        match self {
            Table::Tasks | Table::Reviews => &["matter", "position"],
            Table::Minutes => &["meeting"],
            _ => &["id"],
        }
    }

    /// The columns a newer image replaces.
    fn values(self) -> &'static [&'static str] {
        match self {
            Table::Councils => &["name", "record"],
            Table::Meetings => &["council", "year", "number", "start", "record"],
            Table::Matters => &["council", "title", "stage", "record"],
            Table::Motions => &["matter", "meeting", "passed", "record"],
            Table::Tasks => &["text", "owner", "due", "percent", "supervised"],
            Table::Reviews => &[
                "meeting",
                "satisfied",
                "basically",
                "dissatisfied",
                "passed",
            ],
            Table::Minutes => &["label", "text"],
        }
    }
}

/// One row as it should read, without its chain.
#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    pub table: Table,
    pub row: Value,
}

impl Image {
    /// The row's key within its chain: its id, or its matter and place.
    pub fn key(&self) -> Vec<i64> {
        key_of(self.table, &self.row)
    }
}

pub fn key_of(table: Table, row: &Value) -> Vec<i64> {
    table
        .key()
        .iter()
        .map(|k| row.get(k).and_then(Value::as_i64).unwrap_or(-1))
        .collect()
}

fn value<T: serde::Serialize>(v: &T) -> Result<Value, DistrictError> {
    serde_json::to_value(v).map_err(|e| DistrictError::Database(e.to_string()))
}

/// The rows one written record makes.
pub fn images(w: &Write) -> Result<Vec<Image>, DistrictError> {
    let image = |table, row| Image { table, row };
    Ok(match w {
        Write::Council(c) => vec![image(
            Table::Councils,
            json!({"id": c.id.0, "name": c.name, "record": value(c)?}),
        )],
        Write::Meeting(m) => vec![image(
            Table::Meetings,
            json!({
                "id": m.id.0, "council": m.council.0, "year": m.year, "number": m.number,
                "start": m.start.format("%Y-%m-%dT%H:%M:%S").to_string(), "record": value(m)?,
            }),
        )],
        Write::Matter(x) => {
            let mut out = vec![image(
                Table::Matters,
                json!({
                    "id": x.id.0, "council": x.council.0, "title": x.title,
                    "stage": value(&x.stage)?.to_string(), "record": value(x)?,
                }),
            )];
            for (i, t) in x.tasks.iter().enumerate() {
                out.push(image(
                    Table::Tasks,
                    json!({
                        "matter": x.id.0, "position": i, "text": t.text, "owner": t.owner,
                        "due": t.due.to_string(), "percent": t.percent(),
                        "supervised": t.is_supervised(),
                    }),
                ));
            }
            for (i, r) in x.reviews.iter().enumerate() {
                out.push(image(
                    Table::Reviews,
                    json!({
                        "matter": x.id.0, "position": i, "meeting": r.meeting.0,
                        "satisfied": r.satisfied, "basically": r.basically_satisfied,
                        "dissatisfied": r.dissatisfied, "passed": r.passed,
                    }),
                ));
            }
            out
        }
        Write::Motion(v) => vec![image(
            Table::Motions,
            json!({
                "id": v.id.0, "matter": v.matter.0, "meeting": v.meeting.0,
                "passed": v.passed, "record": value(v)?,
            }),
        )],
    })
}

/// A meeting's minutes as a row.
pub fn minutes(meeting: u64, label: &str, text: &str) -> Image {
    Image {
        table: Table::Minutes,
        row: json!({"meeting": meeting, "label": label, "text": text}),
    }
}

/// Writes `images` into `chain`'s rows, each over the row of its key if there is one: one
/// statement a table, whatever their number. The tasks and reviews of `matters` are their own
/// lists, made again: the rows they had are removed first.
pub fn put_all(
    tx: &mut Transaction<'_>,
    chain: &str,
    matters: &[i64],
    images: impl IntoIterator<Item = Image>,
) -> Result<(), DistrictError> {
    if !matters.is_empty() {
        for t in [Table::Tasks, Table::Reviews] {
            tx.execute(
                &format!(
                    "DELETE FROM {} WHERE chain = $1 AND matter = ANY($2)",
                    t.name()
                ),
                &[&chain, &matters],
            )?;
        }
    }
    // The last image of each row is the one it keeps; a statement may touch a row once.
    let mut by_table: std::collections::BTreeMap<
        Table,
        std::collections::BTreeMap<Vec<i64>, Value>,
    > = std::collections::BTreeMap::new();
    for image in images {
        by_table
            .entry(image.table)
            .or_default()
            .insert(image.key(), image.row);
    }
    for (t, rows) in by_table {
        // A column an array of its values as text, cast by the server: nothing to parse but
        // the records' own JSON, checked as it is stored.
        let columns: Vec<&str> = t.key().iter().chain(t.values()).copied().collect();
        let types = column_types(tx, t)?;
        let arrays: Vec<Vec<Option<String>>> = columns
            .iter()
            .map(|c| {
                rows.values()
                    .map(|row| match row.get(*c) {
                        None | Some(Value::Null) => None,
                        Some(Value::String(s)) => Some(s.clone()),
                        Some(other) => Some(other.to_string()),
                    })
                    .collect()
            })
            .collect();
        let sql = format!(
            "INSERT INTO {name} (chain, {cols})
             SELECT $1, {casts} FROM unnest({params}) AS r ({cols})
             ON CONFLICT (chain, {key}) DO UPDATE SET ({values}) = ROW({excluded})",
            name = t.name(),
            cols = columns.join(", "),
            casts = columns
                .iter()
                .map(|c| {
                    let ty = types.get(*c).map_or("text", String::as_str);
                    format!("r.{c}::{ty}")
                })
                .collect::<Vec<_>>()
                .join(", "),
            params = (2..columns.len() + 2)
                .map(|i| format!("${i}::text[]"))
                .collect::<Vec<_>>()
                .join(", "),
            key = t.key().join(", "),
            values = t.values().join(", "),
            excluded = t
                .values()
                .iter()
                .map(|c| format!("EXCLUDED.{c}"))
                .collect::<Vec<_>>()
                .join(", "),
        );
        let mut params: Vec<&(dyn postgres::types::ToSql + Sync)> = vec![&chain];
        params.extend(
            arrays
                .iter()
                .map(|a| a as &(dyn postgres::types::ToSql + Sync)),
        );
        tx.execute(&sql, &params)?;
    }
    Ok(())
}

/// Each column's SQL type as the migrations made it, read from the server's catalog.
fn column_types(
    tx: &mut Transaction<'_>,
    table: Table,
) -> Result<std::collections::HashMap<String, String>, DistrictError> {
    Ok(tx
        .query(
            "SELECT attname::text, format_type(atttypid, atttypmod) FROM pg_attribute
             WHERE attrelid = $1::text::regclass AND attnum > 0 AND NOT attisdropped",
            &[&table.name()],
        )?
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect())
}

/// Every row of `table` the district holds for `chain`, as it reads.
pub fn held(
    client: &mut impl GenericClient,
    table: Table,
    chain: &str,
) -> Result<Vec<Value>, DistrictError> {
    let sql = format!(
        "SELECT (to_jsonb(t) - 'chain')::text FROM {} t WHERE chain = $1",
        table.name()
    );
    client
        .query(&sql, &[&chain])?
        .iter()
        .map(|r| {
            serde_json::from_str(r.get::<_, &str>(0))
                .map_err(|e| DistrictError::Database(format!("{}: {e}", table.name())))
        })
        .collect()
}
