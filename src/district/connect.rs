//! Reaching the district's PostgreSQL: the address as a `postgres://` URL (or key=value
//! string), the password from it, else `PGPASSWORD`, else the `.pgpass` file, as psql finds
//! them; nothing of it written anywhere. TLS where the server offers it (the URL's `sslmode`
//! decides, as for psql), with the web's root certificates.

use postgres::config::Host;
use postgres::{Client, Config};
use std::path::PathBuf;
use std::str::FromStr;

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
    let mut config = Config::from_str(url).map_err(|e| DistrictError::Connect(e.to_string()))?;
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
    // A socket on this machine needs no TLS (and has no name to check a certificate by).
    let local = config
        .get_hosts()
        .iter()
        .all(|h| !matches!(h, Host::Tcp(_)));
    let mut client = if local {
        config
            .connect(postgres::NoTls)
            .map_err(|e| DistrictError::Connect(e.to_string()))?
    } else {
        config
            .connect(tls()?)
            .map_err(|e| DistrictError::Connect(e.to_string()))?
    };
    schema::migrate(&mut client)?;
    Ok(client)
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
