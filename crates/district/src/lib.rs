//! The street office's archive on PostgreSQL: each council's laptop publishes its journal to
//! it (`publish`), the district checks every line against the council's hash chain as it
//! arrives and keeps the records the lines make beside them, and asks its questions of the
//! whole (`ledger`, `verify`). The laptop stays the only writer of its record; the district
//! holds copies that can be proven.

mod compare;
mod connect;
mod derive;
mod enrol;
mod error;
mod heads;
mod laptop;
mod ledger;
pub mod memory;
mod publish;
mod put;
mod questions;
mod rows;
mod schema;
mod verify;
mod verify_words;

pub use compare::{RowFault, RowName};
pub use connect::connect;
pub use enrol::{Code, Enrolled, enrol};
pub use error::DistrictError;
pub use heads::LogFault;
pub use ledger::ledger_csv;
pub use publish::{Published, publish};
pub use questions::{Place, Rates, TaskLine, rates, search, tasks};
pub use rows::Table;
pub use verify::{Finding, Tag, verify};

/// A council as every district output names it: its code, then its name (a council published
/// before councils were enrolled has no code).
const LABEL: &str = "coalesce(r.code || ' ', '') || c.name";

/// Every council the district holds: its chain and its name, by name.
fn chains(client: &mut postgres::Client) -> Result<Vec<(String, String)>, DistrictError> {
    Ok(client
        .query(
            "SELECT chain, name FROM council_chains ORDER BY name, chain",
            &[],
        )?
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect())
}

/// Every council the district holds: its chain and its label (code and name), by code.
fn labelled(client: &mut postgres::Client) -> Result<Vec<(String, String)>, DistrictError> {
    let sql = format!(
        "SELECT c.chain, {LABEL} FROM council_chains c
         LEFT JOIN council_roles r ON r.chain = c.chain ORDER BY r.code, c.name, c.chain"
    );
    Ok(client
        .query(&sql, &[])?
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect())
}
