//! `yishi key` and `yishi sign`: a signer's own key made and registered with the council, and
//! a meeting's minutes signed (签发) with the keys of its chair and recorder.

use crate::domain::RegisterKey;
use std::path::Path;

use super::{Failure, meeting_ref};
use crate::domain::{Change, Council, Member, MemberId};
use crate::minutes::MeetingRecord;
use crate::store::keys::{self, KeyError};
use crate::store::seal;
use crate::store::{Archive, Store};
use crate::text::{Lang, sanitize_line};

/// Makes a key pair for the member `name` in the keys folder and registers its public key
/// with the council. Without `no_password` the key is locked by a password asked twice.
pub fn new_key(db: &Path, name: &str, no_password: bool, lang: Lang) -> Result<(), Failure> {
    let mut store = Store::open(db)?;
    let (council, member) = member_named(&store, name, lang)?;
    let password = if no_password {
        None
    } else {
        Some(ask_new_password(&member.name, lang)?)
    };
    let dir = keys::folder();
    let comment = format!("yishi {} {}", council.name, member.name);
    let (public, id) =
        keys::generate(&dir, password.as_deref(), &comment).map_err(|e| key_failure(e, lang))?;
    let change = Change::RegisterKey(RegisterKey {
        council: council.id,
        member: member.id,
        public: public.clone(),
    });
    store.apply(&change, crate::store::now())?;
    let name = sanitize_line(&member.name);
    let key_file = dir.join(format!("{id}.key"));
    outln!(
        "{}",
        lang.pick_owned(
            format!(
                "已为{name}生成签名密钥并登记：密钥编号 {id}\n私钥：{}（只在本机，勿外传；遗失后请重新生成并登记）\n公钥：{public}",
                key_file.display()
            ),
            format!(
                "已為{name}生成簽名金鑰並登記：金鑰編號 {id}\n私鑰：{}（只在本機，勿外傳；遺失後請重新生成並登記）\n公鑰：{public}",
                key_file.display()
            ),
            format!(
                "made and registered {name}'s signing key: key id {id}\nsecret key: {} (on this machine only; never hand it on; if lost, make and register a new one)\npublic key: {public}",
                key_file.display()
            ),
        )
    );
    Ok(())
}

/// Lists each council's registered keys: member, key id, when registered, and whether its
/// secret key is in this machine's keys folder.
pub fn list_keys(db: &Path, lang: Lang) -> Result<(), Failure> {
    let store = super::opening::read(db, lang)?;
    let dir = keys::folder();
    for council in store.councils()? {
        for key in &council.keys {
            let here = dir.join(format!("{}.key", key.id)).exists();
            let mark = match (here, lang) {
                (true, Lang::En) => "secret key here",
                (false, Lang::En) => "",
                (true, Lang::ZhHant) => "私鑰在本機",
                (true, _) => "私钥在本机",
                (false, _) => "",
            };
            outln!(
                "{}\t{}\t{}\t{}\t{mark}",
                sanitize_line(&council.name),
                sanitize_line(&council.name_of(key.member)),
                key.id,
                key.registered.format("%Y-%m-%d %H:%M"),
            );
        }
    }
    Ok(())
}

/// Signs the minutes of `meeting` as its chair and recorder, each with the key registered to
/// them; a signer without a registered key signs by name only, as before keys.
pub fn sign(db: &Path, meeting: &str, lang: Lang) -> Result<(), Failure> {
    let mut store = Store::open(db)?;
    let id = meeting_ref::resolve(meeting, &store, lang)?;
    let record = MeetingRecord::load(&store, id)?;
    let (council, m) = (&record.council, &record.meeting);
    let keyed = seal::keyed_signers(council, m);
    if keyed.is_empty() {
        return Err(super::opening::said(
            lang,
            "主持人和记录人都没有登记签名密钥：先用 yishi key new --member 姓名 生成并登记",
            "主持人和記錄人都沒有登記簽名金鑰：先用 yishi key new --member 姓名 生成並登記",
            "neither the chair nor the recorder has a signing key registered: make one with yishi key new --member NAME",
        ));
    }
    let keys = seal::secret_keys(council, &keyed).map_err(|e| key_failure(e, lang))?;
    let mut passwords = std::collections::BTreeMap::new();
    for (member, _, secret) in &keys {
        if secret.needs_password() {
            let role = role_of(council, m.chair, *member, lang);
            passwords.insert(*member, ask_password(&role, lang)?);
        }
    }
    let minutes = record.digest();
    let change = seal::sealed(&store, m, &minutes, &keys, &|member| {
        passwords.get(&member).cloned()
    })
    .map_err(|e| key_failure(e, lang))?;
    let head = store.head().hash;
    store.apply(&change, crate::store::now())?;
    let (record_short, minutes_short) = (
        crate::domain::short_digest(&head),
        crate::domain::short_digest(&minutes),
    );
    let (year, number) = (m.year, m.number);
    outln!(
        "{}",
        lang.pick_owned(
            format!("已签发{year}年第{number}次会议纪要。记录摘要：{record_short}　纪要摘要：{minutes_short}"),
            format!("已簽發{year}年第{number}次會議紀要。記錄摘要：{record_short}　紀要摘要：{minutes_short}"),
            format!("signed the minutes of the {year} meeting no. {number}. Record digest: {record_short}; minutes digest: {minutes_short}"),
        )
    );
    Ok(())
}

/// Writes the seal of meeting `id` as a QR code (SVG) to `path`; a meeting not signed with
/// keys has none, and says so.
pub fn seal_qr(
    store: &dyn crate::store::Archive,
    id: crate::domain::MeetingId,
    path: &Path,
    lang: Lang,
) -> Result<(), Failure> {
    let record = MeetingRecord::load(store, id)?;
    let m = &record.meeting;
    let Some(sealed) = m.signature.as_ref().and_then(|s| s.sealed.as_ref()) else {
        return Err(super::opening::said(
            lang,
            "这次会议没有用密钥签发，没有可印的二维码：先用 yishi sign 签发",
            "這次會議沒有用金鑰簽發，沒有可印的二維碼：先用 yishi sign 簽發",
            "this meeting was not signed with keys, so there is no seal to print as a QR code: sign it with yishi sign",
        ));
    };
    let svg = crate::minutes::qr::svg(&crate::minutes::qr::seal_text(m, sealed))
        .map_err(Failure::Said)?;
    super::output::write_out(Some(path), &svg, lang)
}

/// 主持人周立平, said when their password is asked.
fn role_of(council: &Council, chair: MemberId, member: MemberId, lang: Lang) -> String {
    let name = sanitize_line(&council.name_of(member));
    match (member == chair, lang) {
        (true, Lang::En) => format!("the chair, {name}"),
        (false, Lang::En) => format!("the recorder, {name}"),
        (true, Lang::ZhHant) => format!("主持人{name}"),
        (false, Lang::ZhHant) => format!("記錄人{name}"),
        (true, _) => format!("主持人{name}"),
        (false, _) => format!("记录人{name}"),
    }
}

/// The council and the serving member called `name`; one of several councils by the member.
fn member_named(store: &Store, name: &str, lang: Lang) -> Result<(Council, Member), Failure> {
    let name = name.trim();
    let mut found = Vec::new();
    for council in store.councils()? {
        if let Some(m) = council
            .members
            .iter()
            .find(|m| m.name.trim() == name && m.until.is_none())
            .cloned()
        {
            found.push((council, m));
        }
    }
    if found.len() == 1 {
        return Ok(found.remove(0));
    }
    let name = sanitize_line(name);
    Err(Failure::Said(if found.is_empty() {
        lang.pick_owned(
            format!("议事会里没有在任的成员叫“{name}”"),
            format!("議事會裡沒有在任的成員叫「{name}」"),
            format!("no serving member of the council is called {name}"),
        )
    } else {
        lang.pick_owned(
            format!("不止一个议事会有叫“{name}”的成员：每个数据库只应有一个议事会"),
            format!("不止一個議事會有叫「{name}」的成員：每個資料庫只應有一個議事會"),
            format!("more than one council has a member called {name}"),
        )
    }))
}

fn ask_password(role: &str, lang: Lang) -> Result<String, Failure> {
    let prompt = lang.pick_owned(
        format!("{role}的密钥密码："),
        format!("{role}的金鑰密碼："),
        format!("password of {role}'s key: "),
    );
    rpassword::prompt_password(prompt).map_err(|e| no_terminal(e, lang))
}

fn ask_new_password(name: &str, lang: Lang) -> Result<String, Failure> {
    let name = sanitize_line(name);
    let first = rpassword::prompt_password(lang.pick_owned(
        format!("为{name}的密钥设一个密码（只有本人知道）："),
        format!("為{name}的金鑰設一個密碼（只有本人知道）："),
        format!("a password for {name}'s key (known to them alone): "),
    ))
    .map_err(|e| no_terminal(e, lang))?;
    let again = rpassword::prompt_password(lang.pick("再输一遍：", "再輸一遍：", "again: "))
        .map_err(|e| no_terminal(e, lang))?;
    if first != again {
        return Err(super::opening::said(
            lang,
            "两次输入的密码不一致，没有生成密钥",
            "兩次輸入的密碼不一致，沒有生成金鑰",
            "the two passwords differ; no key was made",
        ));
    }
    if first.is_empty() {
        return Err(super::opening::said(
            lang,
            "密码不能为空；确实不要密码时用 --no-password",
            "密碼不能為空；確實不要密碼時用 --no-password",
            "the password is empty; use --no-password for a key without one",
        ));
    }
    Ok(first)
}

fn no_terminal(e: std::io::Error, lang: Lang) -> Failure {
    Failure::Said(lang.pick_owned(
        format!("无法在终端上读取密码：{e}"),
        format!("無法在終端機上讀取密碼：{e}"),
        format!("cannot read a password from the terminal: {e}"),
    ))
}

fn key_failure(e: KeyError, lang: Lang) -> Failure {
    match e {
        KeyError::Io(e) => Failure::Store(e),
        other => Failure::Said(other.describe(lang)),
    }
}
