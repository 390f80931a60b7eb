//! Signers' secret keys on disk: each in its own minisign `.key` file (0600) in the keys
//! folder, named by its key id, beside its `.pub`; never in the database, never exported.
//! The folder is `YISHI_KEYS` or the user's configuration folder (`~/.config/yishi/keys`).

use std::io::Cursor;
use std::path::{Path, PathBuf};

use super::StoreError;
use super::private;
use yishi_text::Lang;

/// Why a key could not be made, found or used.
#[derive(Debug)]
pub enum KeyError {
    /// No secret key with this id in the keys folder.
    Missing {
        id: String,
        dir: PathBuf,
    },
    /// The password does not open the key.
    WrongPassword {
        id: String,
    },
    /// The file is not a minisign secret key.
    Unreadable {
        path: PathBuf,
        detail: String,
    },
    Io(StoreError),
}

impl KeyError {
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            KeyError::Missing { id, dir } => lang.pick_owned(
                format!(
                    "本机的密钥目录 {} 里没有密钥 {id}：签名须在持有私钥的电脑上进行（或用 YISHI_KEYS 指向密钥所在目录）",
                    dir.display()
                ),
                format!(
                    "本機的金鑰目錄 {} 裡沒有金鑰 {id}：簽名須在持有私鑰的電腦上進行（或用 YISHI_KEYS 指向金鑰所在目錄）",
                    dir.display()
                ),
                format!(
                    "key {id} is not in this machine's keys folder {}: sign on the computer that holds the secret key (or point YISHI_KEYS at its folder)",
                    dir.display()
                ),
            ),
            KeyError::WrongPassword { id } => lang.pick_owned(
                format!("密码不对，打不开密钥 {id}；没有签发"),
                format!("密碼不對，打不開金鑰 {id}；沒有簽發"),
                format!("the password does not open key {id}; nothing was signed"),
            ),
            KeyError::Unreadable { path, detail } => lang.pick_owned(
                format!("{} 不是可用的 minisign 私钥：{detail}", path.display()),
                format!("{} 不是可用的 minisign 私鑰：{detail}", path.display()),
                format!("{} is not a usable minisign secret key: {detail}", path.display()),
            ),
            KeyError::Io(e) => e.describe(lang),
        }
    }
}

/// The folder signers' secret keys are kept in.
pub fn folder() -> PathBuf {
    if let Some(dir) = std::env::var_os("YISHI_KEYS").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    directories::ProjectDirs::from("", "", "yishi")
        .map(|d| d.config_dir().join("keys"))
        .unwrap_or_else(|| PathBuf::from(".yishi-keys"))
}

/// A new key pair: the secret key written to `dir` (0600), encrypted with `password` where
/// one is given, and the public key beside it. Returns the public key (base64) and its id.
pub fn generate(
    dir: &Path,
    password: Option<&str>,
    comment: &str,
) -> Result<(String, String), KeyError> {
    let pair = match password {
        Some(p) => minisign::KeyPair::generate_encrypted_keypair(Some(p.to_string())),
        None => minisign::KeyPair::generate_unencrypted_keypair(),
    }
    .map_err(|e| KeyError::Unreadable {
        path: dir.to_path_buf(),
        detail: e.to_string(),
    })?;
    let public = pair.pk.to_base64();
    let id = yishi_domain::keys::key_id(&public).map_err(|_| KeyError::Unreadable {
        path: dir.to_path_buf(),
        detail: "key id".into(),
    })?;
    let secret = pair
        .sk
        .to_box(Some(comment))
        .map_err(|e| KeyError::Unreadable {
            path: dir.to_path_buf(),
            detail: e.to_string(),
        })?
        .to_string();
    let public_box = pair
        .pk
        .to_box()
        .map_err(|e| KeyError::Unreadable {
            path: dir.to_path_buf(),
            detail: e.to_string(),
        })?
        .to_string();
    private::create_dir_all(dir).map_err(|e| KeyError::Io(StoreError::io("create", dir, e)))?;
    let key_path = dir.join(format!("{id}.key"));
    super::file::replace(&key_path, secret.as_bytes())
        .map_err(|e| KeyError::Io(StoreError::io("write", &key_path, e)))?;
    let pub_path = dir.join(format!("{id}.pub"));
    super::file::replace(&pub_path, public_box.as_bytes())
        .map_err(|e| KeyError::Io(StoreError::io("write", &pub_path, e)))?;
    Ok((public, id))
}

/// A secret key found in `dir` by its id.
pub struct SecretKey {
    id: String,
    boxed: minisign::SecretKeyBox,
    encrypted: bool,
}

impl SecretKey {
    pub fn find(dir: &Path, id: &str) -> Result<SecretKey, KeyError> {
        let path = dir.join(format!("{id}.key"));
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(KeyError::Missing {
                    id: id.to_string(),
                    dir: dir.to_path_buf(),
                });
            }
            Err(e) => return Err(KeyError::Io(StoreError::io("read", &path, e))),
        };
        let unreadable = |detail: String| KeyError::Unreadable {
            path: path.clone(),
            detail,
        };
        let boxed =
            minisign::SecretKeyBox::from_string(&text).map_err(|e| unreadable(e.to_string()))?;
        // Asked with no password, minisign would prompt on the terminal by itself: a key that
        // does not open without one is taken to need one.
        let encrypted = minisign::SecretKey::from_unencrypted_box(boxed.clone()).is_err();
        Ok(SecretKey {
            id: id.to_string(),
            boxed,
            encrypted,
        })
    }

    /// Whether a password is asked for to use the key.
    pub fn needs_password(&self) -> bool {
        self.encrypted
    }

    /// The minisign signature of `text`, as a `.minisig` file holds it.
    pub fn sign(&self, password: Option<&str>, text: &str) -> Result<String, KeyError> {
        let key = if self.encrypted {
            let password = password.unwrap_or_default().to_string();
            minisign::SecretKey::from_box(self.boxed.clone(), Some(password))
        } else {
            minisign::SecretKey::from_unencrypted_box(self.boxed.clone())
        }
        .map_err(|_| KeyError::WrongPassword {
            id: self.id.clone(),
        })?;
        let signed = minisign::sign(
            None,
            &key,
            Cursor::new(text.as_bytes()),
            Some("yishi 签发"),
            None,
        )
        .map_err(|_| KeyError::WrongPassword {
            id: self.id.clone(),
        })?;
        Ok(signed.into_string())
    }
}
