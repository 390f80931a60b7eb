//! The rows the district keeps beside a council's lines, as images made from the records the
//! lines make: each record whole as JSON with the columns questions are asked by, a matter's
//! tasks and reviews as rows of their own, each meeting's minutes as text. One image serves
//! both sides: publish writes it, verify derives it again and compares.

use postgres::GenericClient;
use serde_json::Value;

use super::DistrictError;
use yishi_domain::Write;

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
    pub fn key(self) -> &'static [&'static str] {
        match self {
            Table::Tasks | Table::Reviews => &["matter", "position"],
            Table::Minutes => &["meeting"],
            _ => &["id"],
        }
    }

    /// The columns a newer image replaces.
    pub fn values(self) -> &'static [&'static str] {
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
            Table::Minutes => &["label", "text", "layout"],
        }
    }

    /// Every column but the chain: the key's, then the values'.
    pub fn columns(self) -> impl Iterator<Item = &'static str> {
        self.key().iter().chain(self.values()).copied()
    }
}

/// One value of a row, as the district's column reads it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Int(i64),
    Flag(Option<bool>),
    /// Text, and dates and times as PostgreSQL writes them back.
    Text(String),
    /// A record as JSON text: the laptop's serialization, kept as written.
    Json(String),
}

impl Cell {
    /// The value as the district's `to_jsonb` of the row gives it.
    fn value(&self) -> Value {
        match self {
            Cell::Int(n) => Value::from(*n),
            Cell::Flag(b) => b.map_or(Value::Null, Value::Bool),
            Cell::Text(s) => Value::String(s.clone()),
            Cell::Json(s) => serde_json::from_str(s).unwrap_or_else(|_| Value::String(s.clone())),
        }
    }
}

/// One row as it should read, without its chain: a cell for each of its table's columns.
#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    pub table: Table,
    pub cells: Vec<Cell>,
}

impl Image {
    /// The row's key within its chain: its id, or its matter and place.
    pub fn key(&self) -> Vec<i64> {
        self.cells[..self.table.key().len()]
            .iter()
            .map(|c| match c {
                Cell::Int(n) => *n,
                _ => -1,
            })
            .collect()
    }

    /// The row as a JSON object by column, as the district reads it back.
    pub fn value(&self) -> Value {
        Value::Object(
            self.table
                .columns()
                .zip(&self.cells)
                .map(|(c, v)| (c.to_string(), v.value()))
                .collect(),
        )
    }
}

pub fn key_of(table: Table, row: &Value) -> Vec<i64> {
    table
        .key()
        .iter()
        .map(|k| row.get(k).and_then(Value::as_i64).unwrap_or(-1))
        .collect()
}

fn json<T: serde::Serialize>(v: &T) -> Result<Cell, DistrictError> {
    serde_json::to_string(v)
        .map(Cell::Json)
        .map_err(|e| DistrictError::Database(e.to_string()))
}

fn int(n: impl Into<i64>) -> Cell {
    Cell::Int(n.into())
}

fn id(n: u64) -> Cell {
    Cell::Int(n as i64)
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

/// The rows one written record makes.
pub fn images(w: &Write) -> Result<Vec<Image>, DistrictError> {
    let image = |table, cells| Image { table, cells };
    Ok(match w {
        Write::Council(c) => vec![image(
            Table::Councils,
            vec![id(c.id.0), text(&c.name), json(c)?],
        )],
        Write::Meeting(m) => vec![image(
            Table::Meetings,
            vec![
                id(m.id.0),
                id(m.council.0),
                int(m.year),
                int(m.number),
                text(m.start.format("%Y-%m-%dT%H:%M:%S").to_string()),
                json(m)?,
            ],
        )],
        Write::Matter(x) => {
            let stage = serde_json::to_string(&x.stage)
                .map_err(|e| DistrictError::Database(e.to_string()))?;
            let mut out = vec![image(
                Table::Matters,
                vec![
                    id(x.id.0),
                    id(x.council.0),
                    text(&x.title),
                    Cell::Text(stage),
                    json(x)?,
                ],
            )];
            for (i, t) in x.tasks.iter().enumerate() {
                out.push(image(
                    Table::Tasks,
                    vec![
                        id(x.id.0),
                        id(i as u64),
                        text(&t.text),
                        text(&t.owner),
                        text(t.due.to_string()),
                        int(t.percent()),
                        Cell::Flag(Some(t.is_supervised())),
                    ],
                ));
            }
            for (i, r) in x.reviews.iter().enumerate() {
                out.push(image(
                    Table::Reviews,
                    vec![
                        id(x.id.0),
                        id(i as u64),
                        id(r.meeting.0),
                        int(r.satisfied),
                        int(r.basically_satisfied),
                        int(r.dissatisfied),
                        Cell::Flag(r.passed),
                    ],
                ));
            }
            out
        }
        Write::Motion(v) => vec![image(
            Table::Motions,
            vec![
                id(v.id.0),
                id(v.matter.0),
                id(v.meeting.0),
                Cell::Flag(v.passed),
                json(v)?,
            ],
        )],
    })
}

/// A meeting's minutes as a row, with the number of the layout they were laid out in.
pub fn minutes(meeting: u64, label: &str, text: &str, layout: i16) -> Image {
    Image {
        table: Table::Minutes,
        cells: vec![
            id(meeting),
            Cell::Text(label.into()),
            Cell::Text(text.into()),
            Cell::Int(i64::from(layout)),
        ],
    }
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
