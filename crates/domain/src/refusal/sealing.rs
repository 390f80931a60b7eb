//! Why a signer's key or a sealed signature (签发) was refused, and what it says.

use yishi_text::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sealing {
    /// The text offered is not a minisign public key.
    NotAKey,
    /// Another member has registered this key.
    KeyTaken { name: String },
    /// A seal by someone who is neither the meeting's chair nor its recorder.
    NotASigner { name: String },
    /// Two seals by one signer.
    Twice { name: String },
    /// A seal made with a key the council has not registered to its signer.
    NoSuchKey { name: String, key: String },
    /// A seal that is not its key's signature of the statement.
    Forged { name: String },
    /// A signer with a registered key who did not seal.
    Unsealed { name: String },
    /// The record changed between the signing and the recording of the signature.
    Stale,
}

impl Sealing {
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Sealing::NotAKey => lang
                .pick(
                    "这不是 minisign 公钥（.pub 文件的第二行）",
                    "這不是 minisign 公鑰（.pub 檔案的第二行）",
                    "this is not a minisign public key (the second line of a .pub file)",
                )
                .to_string(),
            Sealing::KeyTaken { name } => lang.pick_owned(
                format!("这把密钥已登记给{name}：每人一把，不能共用"),
                format!("這把金鑰已登記給{name}：每人一把，不能共用"),
                format!("this key is registered to {name} already: one key a person, never shared"),
            ),
            Sealing::NotASigner { name } => lang.pick_owned(
                format!("{name}不是这次会议的主持人或记录人，不能签发"),
                format!("{name}不是這次會議的主持人或記錄人，不能簽發"),
                format!("{name} is neither the chair nor the recorder of this meeting and cannot sign it"),
            ),
            Sealing::Twice { name } => lang.pick_owned(
                format!("{name}的签名出现了两次"),
                format!("{name}的簽名出現了兩次"),
                format!("{name} signed twice"),
            ),
            Sealing::NoSuchKey { name, key } => lang.pick_owned(
                format!("{name}的签名所用密钥（{key}）未在议事会登记"),
                format!("{name}的簽名所用金鑰（{key}）未在議事會登記"),
                format!("{name} signed with a key ({key}) the council has not registered to them"),
            ),
            Sealing::Forged { name } => lang.pick_owned(
                format!("{name}的签名与其登记的密钥不符：签名无效"),
                format!("{name}的簽名與其登記的金鑰不符：簽名無效"),
                format!("{name}'s signature does not match their registered key: it is not valid"),
            ),
            Sealing::Stale => lang
                .pick(
                    "签名之后记录又有了变化：请重新签发",
                    "簽名之後記錄又有了變化：請重新簽發",
                    "the record changed after it was signed: sign it again",
                )
                .to_string(),
            Sealing::Unsealed { name } => lang.pick_owned(
                format!("{name}已登记签名密钥，须用密钥签发（yishi sign）"),
                format!("{name}已登記簽名金鑰，須用金鑰簽發（yishi sign）"),
                format!("{name} has a signing key registered and must sign with it (yishi sign)"),
            ),
        }
    }
}
