//! The district's ledger: every council's matters, read from the records the district keeps,
//! laid out by the same ledger the laptops print, each row under its council's name.

use chrono::NaiveDate;
use postgres::Client;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;

use super::DistrictError;
use yishi_domain::{Matter, Meeting, Motion};
use yishi_minutes::ledger::{Row, csv_by_council};
use yishi_store::MeetingHead;
use yishi_text::Lang;

fn records<T: DeserializeOwned>(
    client: &mut Client,
    table: &str,
    chain: &str,
) -> Result<Vec<T>, DistrictError> {
    let sql = format!("SELECT record::text FROM {table} WHERE chain = $1 ORDER BY id");
    client
        .query(&sql, &[&chain])?
        .iter()
        .map(|r| {
            serde_json::from_str(r.get::<_, &str>(0))
                .map_err(|e| DistrictError::Database(format!("{table}: {e}")))
        })
        .collect()
}

/// Every council's ledger rows, councils by name, overdue counted as of `today`.
pub fn rows(client: &mut Client, today: NaiveDate) -> Result<Vec<(String, Row)>, DistrictError> {
    let chains = super::labelled(client)?;
    let mut out = Vec::new();
    for (chain, name) in chains {
        let meetings: BTreeMap<_, _> = records::<Meeting>(client, "meetings", &chain)?
            .iter()
            .map(|m| (m.id, MeetingHead::of(m)))
            .collect();
        let motions: BTreeMap<_, _> = records::<Motion>(client, "motions", &chain)?
            .into_iter()
            .map(|v| (v.id, v))
            .collect();
        for x in records::<Matter>(client, "matters", &chain)? {
            out.push((name.clone(), Row::of(&x, &motions, &meetings, today)));
        }
    }
    Ok(out)
}

/// The district's ledger as one CSV for Excel and WPS.
pub fn ledger_csv(
    client: &mut Client,
    today: NaiveDate,
    lang: Lang,
) -> Result<String, DistrictError> {
    Ok(csv_by_council(&rows(client, today)?, lang))
}
