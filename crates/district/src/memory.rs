//! What the clerk's last whole verify of a district saw, kept on the clerk's own machine
//! (0600): each council's chain with its code, name and length, and the length of the log of
//! heads. A district that later holds less, a council taken away whole with its heads, or a log
//! cut at its end, shows against it: the district cannot vouch for what it no longer holds.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use postgres::Config;
use postgres::config::Host;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::DistrictError;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Memory {
    /// By chain.
    pub councils: BTreeMap<String, Seen>,
    /// Entries in the log of heads.
    pub log: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seen {
    pub code: Option<String>,
    pub name: String,
    pub lines: u64,
}

/// Where the memory of the district at `url` is kept: one file per server and database, in
/// the user's data folder (`$XDG_DATA_HOME/yishi/district`).
pub fn place(url: &str) -> Option<PathBuf> {
    let config = Config::from_str(url).ok()?;
    let hosts: Vec<String> = config
        .get_hosts()
        .iter()
        .map(|h| match h {
            Host::Tcp(name) => name.clone(),
            #[cfg(unix)]
            Host::Unix(path) => path.display().to_string(),
        })
        .collect();
    let target = format!(
        "{}|{:?}|{}",
        hosts.join(","),
        config.get_ports(),
        config.get_dbname().unwrap_or_default()
    );
    let digest = Sha256::digest(target.as_bytes());
    let name: String = digest.iter().take(12).map(|b| format!("{b:02x}")).collect();
    let dirs = directories::ProjectDirs::from("", "", "yishi")?;
    Some(
        dirs.data_local_dir()
            .join("district")
            .join(format!("{name}.json")),
    )
}

fn failed(path: &Path, e: impl ToString) -> DistrictError {
    DistrictError::LocalFile {
        path: path.display().to_string(),
        detail: e.to_string(),
    }
}

pub fn load(path: &Path) -> Result<Memory, DistrictError> {
    match std::fs::read_to_string(path) {
        Ok(text) => serde_json::from_str(&text).map_err(|e| failed(path, e)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Memory::default()),
        Err(e) => Err(failed(path, e)),
    }
}

pub fn save(path: &Path, memory: &Memory) -> Result<(), DistrictError> {
    if let Some(dir) = path.parent() {
        yishi_store::private::create_dir_all(dir).map_err(|e| failed(dir, e))?;
    }
    let text = serde_json::to_string_pretty(memory).map_err(|e| failed(path, e))?;
    yishi_store::file::replace(path, text.as_bytes()).map_err(|e| failed(path, e))
}
