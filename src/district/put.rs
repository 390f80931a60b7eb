//! Rows written into the district: every image of a batch copied into a temporary table in one
//! `COPY` (PostgreSQL refuses `COPY` into a table under row-level security, but not into a
//! session's own), then each table's rows put over the ones they replace in one statement.

use std::collections::BTreeMap;
use std::io::Write as _;

use postgres::Transaction;

use super::DistrictError;
use super::rows::{Cell, Image, Table};

/// The session's staging table: a row's table, then its cells as text. Its values are kept
/// out of line uncompressed, as they are compressed once where they end up.
const STAGE: &str = "CREATE TEMP TABLE IF NOT EXISTS publish_rows
        (t smallint NOT NULL, c1 text, c2 text, c3 text, c4 text, c5 text, c6 text, c7 text)
        ON COMMIT DELETE ROWS;
    ALTER TABLE publish_rows ALTER c3 SET STORAGE EXTERNAL, ALTER c4 SET STORAGE EXTERNAL,
        ALTER c5 SET STORAGE EXTERNAL, ALTER c6 SET STORAGE EXTERNAL";

/// The most cells a row has.
const CELLS: usize = 7;

/// Writes `images` into `chain`'s rows, each over the row of its key if there is one. The
/// tasks and reviews of `matters` are their own lists, made again: the rows they had are
/// removed first.
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
    let mut by_table: BTreeMap<Table, BTreeMap<Vec<i64>, Vec<Cell>>> = BTreeMap::new();
    for image in images {
        by_table
            .entry(image.table)
            .or_default()
            .insert(image.key(), image.cells);
    }
    if by_table.is_empty() {
        return Ok(());
    }
    tx.batch_execute(STAGE)?;
    let mut copy = tx.copy_in("COPY publish_rows FROM STDIN")?;
    let mut line = Vec::new();
    for (t, rows) in &by_table {
        for cells in rows.values() {
            line.clear();
            line.extend_from_slice((*t as u8).to_string().as_bytes());
            for i in 0..CELLS {
                line.push(b'\t');
                match cells.get(i) {
                    None | Some(Cell::Flag(None)) => line.extend_from_slice(b"\\N"),
                    Some(Cell::Int(n)) => line.extend_from_slice(n.to_string().as_bytes()),
                    Some(Cell::Flag(Some(b))) => line.push(if *b { b't' } else { b'f' }),
                    Some(Cell::Text(s) | Cell::Json(s)) => escape(s, &mut line),
                }
            }
            line.push(b'\n');
            copy.write_all(&line)
                .map_err(|e| DistrictError::Database(e.to_string()))?;
        }
    }
    copy.finish()?;
    let types = column_types(tx)?;
    for t in by_table.keys() {
        tx.execute(&upsert(*t, &types), &[&chain])?;
    }
    Ok(())
}

/// `s` as a value of COPY's text format.
fn escape(s: &str, out: &mut Vec<u8>) {
    for b in s.bytes() {
        match b {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            _ => out.push(b),
        }
    }
}

/// The statement that puts table `t`'s staged rows over the rows of their keys, each cell
/// cast to its column's type.
fn upsert(t: Table, types: &BTreeMap<(String, String), String>) -> String {
    let columns: Vec<&str> = t.columns().collect();
    let casts: Vec<String> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let ty = types
                .get(&(t.name().to_string(), c.to_string()))
                .map_or("text", String::as_str);
            format!("c{}::{ty}", i + 1)
        })
        .collect();
    let excluded: Vec<String> = t.values().iter().map(|c| format!("EXCLUDED.{c}")).collect();
    format!(
        "INSERT INTO {name} (chain, {cols})
         SELECT $1, {casts} FROM publish_rows WHERE t = {n}
         ON CONFLICT (chain, {key}) DO UPDATE SET ({values}) = ROW({excluded})",
        name = t.name(),
        cols = columns.join(", "),
        casts = casts.join(", "),
        n = t as u8,
        key = t.key().join(", "),
        values = t.values().join(", "),
        excluded = excluded.join(", "),
    )
}

/// Each column's SQL type as the migrations made it, read from the server's catalog, by table
/// and column.
fn column_types(
    tx: &mut Transaction<'_>,
) -> Result<BTreeMap<(String, String), String>, DistrictError> {
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
