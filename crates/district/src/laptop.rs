//! What the council's laptop keeps of the district, beside its database (0600): the key it
//! signs its published heads with, made at its first publish and never sent, and a receipt
//! per district code of the last line the district acknowledged, so that a district that
//! lost lines is caught at the next publish.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::DistrictError;
use yishi_store::Entry;
use yishi_store::keys::{self, SecretKey};

fn folder(db: &Path) -> PathBuf {
    db.join("district")
}

fn key_error(path: &Path, detail: impl ToString) -> DistrictError {
    DistrictError::LocalFile {
        path: path.display().to_string(),
        detail: detail.to_string(),
    }
}

/// The laptop's publishing key: its public half (base64) and its secret, made if there is none.
pub fn key(db: &Path) -> Result<(String, SecretKey), DistrictError> {
    let dir = folder(db);
    let named = dir.join("key-id");
    let id = match std::fs::read_to_string(&named) {
        Ok(id) => id.trim().to_string(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let (_, id) = keys::generate(&dir, None, "yishi: this council's publishing key")
                .map_err(|e| key_error(&dir, format!("{e:?}")))?;
            yishi_store::file::replace(&named, id.as_bytes()).map_err(|e| key_error(&named, e))?;
            id
        }
        Err(e) => return Err(key_error(&named, e)),
    };
    let pub_path = dir.join(format!("{id}.pub"));
    let public = std::fs::read_to_string(&pub_path)
        .map_err(|e| key_error(&pub_path, e))
        .and_then(|text| {
            minisign::PublicKeyBox::from_string(&text)
                .and_then(|b| b.into_public_key())
                .map(|k| k.to_base64())
                .map_err(|e| key_error(&pub_path, e))
        })?;
    let secret = SecretKey::find(&dir, &id).map_err(|e| key_error(&dir, format!("{e:?}")))?;
    Ok((public, secret))
}

/// The last line a district acknowledged: its number and hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    pub seq: u64,
    pub hash: String,
}

fn receipts_path(db: &Path) -> PathBuf {
    folder(db).join("receipts.json")
}

fn receipts(db: &Path) -> Result<BTreeMap<String, Receipt>, DistrictError> {
    let path = receipts_path(db);
    match std::fs::read_to_string(&path) {
        Ok(text) => serde_json::from_str(&text).map_err(|e| key_error(&path, e)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(BTreeMap::new()),
        Err(e) => Err(key_error(&path, e)),
    }
}

/// The receipt this laptop holds from the district that enrolled it as `code`.
pub fn receipt(db: &Path, code: &str) -> Result<Option<Receipt>, DistrictError> {
    Ok(receipts(db)?.remove(code))
}

/// Keeps `line` as the last line the district enrolled as `code` acknowledged.
pub fn keep_receipt(db: &Path, code: &str, line: &Entry) -> Result<(), DistrictError> {
    let mut all = receipts(db)?;
    let receipt = Receipt {
        seq: line.seq,
        hash: line.hash.clone(),
    };
    all.insert(code.to_string(), receipt);
    let path = receipts_path(db);
    let text = serde_json::to_string_pretty(&all).map_err(|e| key_error(&path, e))?;
    yishi_store::file::replace(&path, text.as_bytes()).map_err(|e| key_error(&path, e))
}
