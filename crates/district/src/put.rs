//! Rows written into the district: each table's rows of a batch in one statement, a column an
//! array bound as it is (binary, nothing for the server to parse but the records' JSON), put
//! over the rows of their keys where the chain has rows already.

use std::collections::BTreeMap;

use postgres::Transaction;
use postgres::types::ToSql;

use super::DistrictError;
use super::rows::{Cell, Image, Table};

/// A table's rows by key, each a cell a column.
type Rows = BTreeMap<Vec<i64>, Vec<Cell>>;

/// Columns' SQL types by table and column.
type Types = BTreeMap<(String, String), String>;

/// Writes `images` into `chain`'s rows, each over the row of its key if there is one. The
/// tasks and reviews of `matters` are their own lists, made again: the rows they had are
/// removed first.
pub fn put_all(
    tx: &mut Transaction<'_>,
    chain: &str,
    matters: &[i64],
    images: impl IntoIterator<Item = Image>,
) -> Result<(), DistrictError> {
    // The last image of each row is the one it keeps; a statement may touch a row once.
    let mut by_table: BTreeMap<Table, Rows> = BTreeMap::new();
    for image in images {
        by_table
            .entry(image.table)
            .or_default()
            .insert(image.key(), image.cells);
    }
    let mut tables: Vec<Table> = by_table.keys().copied().collect();
    if !matters.is_empty() {
        tables.extend([Table::Tasks, Table::Reviews]);
        tables.sort();
        tables.dedup();
    }
    if tables.is_empty() {
        return Ok(());
    }
    let held: BTreeMap<Table, bool> = tables
        .iter()
        .copied()
        .zip(holds_rows(tx, chain, &tables)?)
        .collect();
    if !matters.is_empty() {
        for t in [Table::Tasks, Table::Reviews] {
            if held.get(&t) == Some(&true) {
                tx.execute(
                    &format!(
                        "DELETE FROM {} WHERE chain = $1 AND matter = ANY($2)",
                        t.name()
                    ),
                    &[&chain, &matters],
                )?;
            }
        }
    }
    let types = column_types(tx)?;
    for (t, rows) in &by_table {
        // A matter's tasks and reviews were removed above: theirs are new rows.
        let over = held.get(t) == Some(&true) && !matches!(t, Table::Tasks | Table::Reviews);
        put(tx, chain, *t, rows, &types, over)?;
    }
    Ok(())
}

/// Whether `chain` has rows in each of `tables`. Where it has none, as at its first publish,
/// there is no row to put the new ones over, and they are inserted without looking for one.
/// (A council's publishes follow one another: its claim locks its login's row.)
fn holds_rows(
    tx: &mut Transaction<'_>,
    chain: &str,
    tables: &[Table],
) -> Result<Vec<bool>, DistrictError> {
    let asks: Vec<String> = tables
        .iter()
        .map(|t| format!("EXISTS (SELECT 1 FROM {} WHERE chain = $1)", t.name()))
        .collect();
    let row = tx.query_one(&format!("SELECT ARRAY[{}]", asks.join(", ")), &[&chain])?;
    Ok(row.get(0))
}

/// One column of `rows` as an array of its cells' kind, and that kind's SQL name.
fn column(rows: &Rows, i: usize) -> (Box<dyn ToSql + Sync + '_>, &'static str) {
    let cells = || rows.values().map(move |c| c.get(i));
    match rows.values().next().and_then(|c| c.get(i)) {
        Some(Cell::Int(_)) => (
            Box::new(
                cells()
                    .map(|c| match c {
                        Some(Cell::Int(n)) => Some(*n),
                        _ => None,
                    })
                    .collect::<Vec<_>>(),
            ),
            "bigint",
        ),
        Some(Cell::Flag(_)) => (
            Box::new(
                cells()
                    .map(|c| match c {
                        Some(Cell::Flag(b)) => *b,
                        _ => None,
                    })
                    .collect::<Vec<_>>(),
            ),
            "boolean",
        ),
        _ => (
            Box::new(
                cells()
                    .map(|c| match c {
                        Some(Cell::Text(s) | Cell::Json(s)) => Some(s.as_str()),
                        _ => None,
                    })
                    .collect::<Vec<_>>(),
            ),
            "text",
        ),
    }
}

/// Puts `rows` of table `t` in one statement, over the rows of their keys where `over`, each
/// cell cast to its column's type (a record's JSON is checked as it is stored).
fn put(
    tx: &mut Transaction<'_>,
    chain: &str,
    t: Table,
    rows: &Rows,
    types: &Types,
    over: bool,
) -> Result<(), DistrictError> {
    let columns: Vec<&str> = t.columns().collect();
    let (arrays, kinds): (Vec<_>, Vec<_>) = (0..columns.len()).map(|i| column(rows, i)).unzip();
    let casts: Vec<String> = columns
        .iter()
        .map(|c| {
            let ty = types
                .get(&(t.name().to_string(), c.to_string()))
                .map_or("text", String::as_str);
            format!("r.{c}::{ty}")
        })
        .collect();
    let params: Vec<String> = kinds
        .iter()
        .enumerate()
        .map(|(i, k)| format!("${}::{k}[]", i + 2))
        .collect();
    let conflict = if over {
        let excluded: Vec<String> = t.values().iter().map(|c| format!("EXCLUDED.{c}")).collect();
        format!(
            "ON CONFLICT (chain, {key}) DO UPDATE SET ({values}) = ROW({excluded})",
            key = t.key().join(", "),
            values = t.values().join(", "),
            excluded = excluded.join(", "),
        )
    } else {
        String::new()
    };
    let sql = format!(
        "INSERT INTO {name} (chain, {cols})
         SELECT $1, {casts} FROM unnest({params}) AS r ({cols}) {conflict}",
        name = t.name(),
        cols = columns.join(", "),
        casts = casts.join(", "),
        params = params.join(", "),
    );
    let mut bound: Vec<&(dyn ToSql + Sync)> = vec![&chain];
    bound.extend(arrays.iter().map(|a| a.as_ref() as &(dyn ToSql + Sync)));
    tx.execute(&sql, &bound)?;
    Ok(())
}

/// Each column's SQL type as the migrations made it, read from the server's catalog, by table
/// and column.
fn column_types(tx: &mut Transaction<'_>) -> Result<Types, DistrictError> {
    let names: Vec<&str> = Table::ALL.iter().map(|t| t.name()).collect();
    Ok(tx
        .query(
            "SELECT c.relname::text, a.attname::text, format_type(a.atttypid, a.atttypmod)
             FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
             WHERE a.attrelid = ANY(SELECT to_regclass(n) FROM unnest($1::text[]) AS n)
               AND a.attnum > 0 AND NOT a.attisdropped",
            &[&names],
        )?
        .iter()
        .map(|r| ((r.get(0), r.get(1)), r.get(2)))
        .collect())
}
