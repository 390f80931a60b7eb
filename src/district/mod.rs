//! The street office's archive on PostgreSQL: each council's laptop publishes its journal to
//! it (`publish`), the district checks every line against the council's hash chain as it
//! arrives and keeps the records the lines make beside them, and asks its questions of the
//! whole (`ledger`, `verify`). The laptop stays the only writer of its record; the district
//! holds copies that can be proven.

mod connect;
mod error;
mod ledger;
mod publish;
mod questions;
mod schema;
mod upsert;
mod verify;

pub use connect::connect;
pub use error::DistrictError;
pub use ledger::ledger_csv;
pub use publish::{Published, publish};
pub use questions::{Place, Rates, TaskLine, rates, search, tasks};
pub use verify::{Verdict, verify};

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
