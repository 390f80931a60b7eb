//! The district's tables, made and brought up to date from the migrations in the repository,
//! each applied once and remembered.

use postgres::Client;

use super::DistrictError;

/// The migrations in order: version and SQL.
const MIGRATIONS: &[(i32, &str)] = &[
    (1, include_str!("../../migrations/0001_district.sql")),
    (2, include_str!("../../migrations/0002_minutes.sql")),
];

/// Where the server lets this user add pg_trgm (a trusted extension since PostgreSQL 13), the
/// minutes' text gets a trigram index for `ILIKE` searches; elsewhere searches scan.
fn trigram_index(client: &mut Client) -> Result<(), DistrictError> {
    let mut tx = client.transaction()?;
    let made = tx.batch_execute(
        "CREATE EXTENSION IF NOT EXISTS pg_trgm;
         CREATE INDEX IF NOT EXISTS minutes_text_trgm ON minutes USING gin (text gin_trgm_ops);",
    );
    match made {
        Ok(()) => tx.commit()?,
        Err(_) => tx.rollback()?,
    }
    Ok(())
}

pub fn migrate(client: &mut Client) -> Result<(), DistrictError> {
    client.batch_execute(
        "CREATE TABLE IF NOT EXISTS yishi_migrations (version integer PRIMARY KEY, applied timestamptz NOT NULL DEFAULT now())",
    )?;
    for (version, sql) in MIGRATIONS {
        let mut tx = client.transaction()?;
        // One process migrates at a time; the others wait, then find it done.
        tx.batch_execute("LOCK TABLE yishi_migrations IN EXCLUSIVE MODE")?;
        let done = tx
            .query_opt(
                "SELECT 1 FROM yishi_migrations WHERE version = $1",
                &[version],
            )?
            .is_some();
        if !done {
            tx.batch_execute(sql)?;
            tx.execute(
                "INSERT INTO yishi_migrations (version) VALUES ($1)",
                &[version],
            )?;
        }
        tx.commit()?;
    }
    trigram_index(client)
}
