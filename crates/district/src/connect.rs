//! Reaching the district's PostgreSQL: the address as a `postgres://` URL (or key=value
//! string), the password from it, else `PGPASSWORD`, else the `.pgpass` file, as psql finds
//! them; nothing of it written anywhere. TLS where the server offers it (the URL's `sslmode`
//! decides, as for psql), with the web's root certificates.

use postgres::config::{Host, SslMode};
use postgres::{Client, Config};
use std::net::IpAddr;
use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

use super::DistrictError;
use super::schema;

/// The password `.pgpass` holds for this host, port, database and user, if any.
fn from_pgpass(config: &Config) -> Option<String> {
    let path = std::env::var_os("PGPASSFILE")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".pgpass")))?;
    let text = std::fs::read_to_string(path).ok()?;
    let host = match config.get_hosts().first() {
        Some(Host::Tcp(h)) => h.clone(),
        _ => "localhost".to_string(),
    };
    let port = config
        .get_ports()
        .first()
        .copied()
        .unwrap_or(5432)
        .to_string();
    let db = config.get_dbname().unwrap_or_default().to_string();
    let user = config.get_user().unwrap_or_default().to_string();
    text.lines().filter(|l| !l.starts_with('#')).find_map(|l| {
        let f: Vec<&str> = l.splitn(5, ':').collect();
        let fits = |pattern: &str, value: &str| pattern == "*" || pattern == value;
        (f.len() == 5
            && fits(f[0], &host)
            && fits(f[1], &port)
            && fits(f[2], &db)
            && fits(f[3], &user))
        .then(|| f[4].to_string())
    })
}

/// Connects to the district at `url` and brings its tables up to this version.
pub fn connect(url: &str) -> Result<Client, DistrictError> {
    let url = host_from_query(url);
    let mut config = Config::from_str(&url).map_err(|e| DistrictError::Connect(e.to_string()))?;
    if config.get_password().is_none() {
        let password = std::env::var("PGPASSWORD")
            .ok()
            .or_else(|| from_pgpass(&config));
        if let Some(p) = password {
            config.password(p);
        }
    }
    if config.get_user().is_none()
        && let Ok(user) = std::env::var("PGUSER").or_else(|_| std::env::var("USER"))
    {
        config.user(&user);
    }
    // A socket on this machine needs no TLS (and has no name to check a certificate by);
    // anything off this machine must encrypt, unless the address says sslmode=disable.
    let local = config
        .get_hosts()
        .iter()
        .all(|h| !matches!(h, Host::Tcp(_)));
    if !config.get_hosts().iter().all(loopback) && config.get_ssl_mode() == SslMode::Prefer {
        config.ssl_mode(SslMode::Require);
    }
    config
        .connect_timeout(ANSWER_WITHIN)
        .keepalives(true)
        .keepalives_idle(Duration::from_secs(30));
    let options = config.get_options().unwrap_or_default().to_string();
    config.options(
        format!(
            "{options} -c statement_timeout={}s",
            STATEMENT_WITHIN.as_secs()
        )
        .trim(),
    );
    let mut client = within(move || {
        if local {
            config.connect(postgres::NoTls)
        } else {
            match tls() {
                Ok(tls) => config.connect(tls),
                Err(e) => return Err(e),
            }
        }
        .map_err(|e| connect_error(&e))
    })?;
    schema::ready(&mut client)?;
    Ok(client)
}

/// A URL whose query names the host (`postgres://user@localhost/db?host=/run/postgresql`), as
/// psql reads it: the query's host stands in place of the authority's, where otherwise both
/// would be tried, the socket path taken for a name to check a certificate by.
fn host_from_query(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let Some((before, query)) = rest.split_once('?') else {
        return url.to_string();
    };
    if !query.split('&').any(|p| p.starts_with("host=")) {
        return url.to_string();
    }
    let (authority, path) = before.split_at(before.find('/').unwrap_or(before.len()));
    let (user, host_port) = match authority.rsplit_once('@') {
        Some((user, hp)) => (format!("{user}@"), hp),
        None => (String::new(), authority),
    };
    // The port stays: with a socket it names the socket's file.
    let port = host_port
        .rsplit_once(':')
        .filter(|(_, p)| p.bytes().all(|b| b.is_ascii_digit()))
        .map(|(_, p)| format!(":{p}"))
        .unwrap_or_default();
    format!("{scheme}://{user}{port}{path}?{query}")
}

/// How long the district has to answer a connection, and a statement once connected.
const ANSWER_WITHIN: Duration = Duration::from_secs(15);
const STATEMENT_WITHIN: Duration = Duration::from_secs(120);

/// An address on this machine: a socket, `localhost`, or a loopback address.
fn loopback(h: &Host) -> bool {
    match h {
        Host::Tcp(name) => {
            name == "localhost" || name.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
        }
        _ => true,
    }
}

/// Connects on a thread of its own, so that a server that takes the connection and never
/// answers is given up on: the connection's own timeout covers only reaching the socket.
fn within(
    connect: impl FnOnce() -> Result<Client, DistrictError> + Send + 'static,
) -> Result<Client, DistrictError> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(connect());
    });
    rx.recv_timeout(ANSWER_WITHIN + Duration::from_secs(5))
        .unwrap_or(Err(DistrictError::NoAnswer {
            seconds: ANSWER_WITHIN.as_secs() + 5,
        }))
}

/// A connection's failure, named by its cause where it is one a clerk can act on.
fn connect_error(e: &postgres::Error) -> DistrictError {
    let said = e.to_string();
    let source = std::error::Error::source(e)
        .map(ToString::to_string)
        .unwrap_or_default();
    let all = format!("{said} {source}");
    if all.contains("server does not support TLS") {
        DistrictError::NoTls
    } else if all.contains("certificate") {
        DistrictError::Certificate(source)
    } else if e
        .as_db_error()
        .is_some_and(|d| d.code() == &postgres::error::SqlState::INVALID_PASSWORD)
    {
        DistrictError::Login(
            e.as_db_error()
                .map(|d| d.message().to_string())
                .unwrap_or(said),
        )
    } else if source.is_empty() {
        DistrictError::Connect(said)
    } else {
        DistrictError::Connect(format!("{said}: {source}"))
    }
}

/// TLS with the web's root certificates, taken where the server offers it.
fn tls() -> Result<tokio_postgres_rustls::MakeRustlsConnect, DistrictError> {
    let roots = rustls::RootCertStore::from_iter(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    let tls = rustls::ClientConfig::builder_with_provider(std::sync::Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .map_err(|e| DistrictError::Connect(e.to_string()))?
    .with_root_certificates(roots)
    .with_no_client_auth();
    Ok(tokio_postgres_rustls::MakeRustlsConnect::new(tls))
}

#[cfg(test)]
mod tests {
    use super::host_from_query;

    #[test]
    fn a_host_in_the_query_stands_in_for_the_authority_host() {
        for (given, read) in [
            (
                "postgres://clerk@localhost/district?host=/run/postgresql",
                "postgres://clerk@/district?host=/run/postgresql",
            ),
            (
                "postgresql://clerk:pw@db.example:6432/district?sslmode=disable&host=%2Ftmp",
                "postgresql://clerk:pw@:6432/district?sslmode=disable&host=%2Ftmp",
            ),
            (
                "postgres://clerk@db.example/district?sslmode=require",
                "postgres://clerk@db.example/district?sslmode=require",
            ),
            ("host=/tmp user=clerk", "host=/tmp user=clerk"),
        ] {
            assert_eq!(host_from_query(given), read, "{given}");
        }
    }
}
