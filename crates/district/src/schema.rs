//! The district's tables, made and brought up to date from the migrations in the repository,
//! each applied once and remembered.

use postgres::Client;

use super::DistrictError;

/// The migrations in order: version and SQL.
const MIGRATIONS: &[(i32, &str)] = &[
    (1, include_str!("../../../migrations/0001_district.sql")),
    (2, include_str!("../../../migrations/0002_minutes.sql")),
    (3, include_str!("../../../migrations/0003_councils.sql")),
    (4, include_str!("../../../migrations/0004_publish_cost.sql")),
    (
        5,
        include_str!("../../../migrations/0005_rows_checked_once.sql"),
    ),
    (
        6,
        include_str!("../../../migrations/0006_minutes_layout.sql"),
    ),
];

/// The version the district's tables are at: 0 where none are made.
fn version(client: &mut Client) -> Result<i32, DistrictError> {
    let made = client
        .query_one("SELECT to_regclass('yishi_migrations') IS NOT NULL", &[])?
        .get::<_, bool>(0);
    if !made {
        return Ok(0);
    }
    Ok(client
        .query_one(
            "SELECT coalesce(max(version), 0) FROM yishi_migrations",
            &[],
        )?
        .get(0))
}

/// Brings the district's tables up to this version where they are behind. A council's login
/// may not make tables: a district its owner has not yet made says so.
pub fn ready(client: &mut Client) -> Result<(), DistrictError> {
    let latest = MIGRATIONS.last().map_or(0, |m| m.0);
    if version(client)? >= latest {
        return Ok(());
    }
    match migrate(client) {
        Err(DistrictError::Database(_)) if !owner(client)? => Err(DistrictError::NotMade),
        other => other,
    }
}

/// Whether the logged-in user may make the district's tables: the database's owner, or a
/// superuser.
fn owner(client: &mut Client) -> Result<bool, DistrictError> {
    Ok(client
        .query_one(
            "SELECT rolsuper OR pg_get_userbyid(d.datdba) = current_user
             FROM pg_roles r, pg_database d
             WHERE r.rolname = current_user AND d.datname = current_database()",
            &[],
        )?
        .get(0))
}

/// Where the server was built with lz4 (PostgreSQL 14 and later, as Debian builds it), the
/// large columns are compressed with it: it writes several times faster than the default pglz
/// at much the same size. Elsewhere they keep the default.
fn faster_compression(client: &mut Client) -> Result<(), DistrictError> {
    let mut tx = client.transaction()?;
    let set = tx.batch_execute(
        "ALTER TABLE journal_lines ALTER COLUMN change SET COMPRESSION lz4;
         ALTER TABLE councils ALTER COLUMN record SET COMPRESSION lz4;
         ALTER TABLE meetings ALTER COLUMN record SET COMPRESSION lz4;
         ALTER TABLE matters ALTER COLUMN record SET COMPRESSION lz4;
         ALTER TABLE motions ALTER COLUMN record SET COMPRESSION lz4;
         ALTER TABLE minutes ALTER COLUMN text SET COMPRESSION lz4;",
    );
    match set {
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
    faster_compression(client)
}
