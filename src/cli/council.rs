//! `yishi council`: the roster template, and a council made from a roster file.

use std::io::Read as _;
use std::path::Path;

use super::Failure;
use super::output::{is_std, write_out};
use crate::domain::roster::{self, Encoding};
use crate::domain::{Change, Council, CouncilId, Member, MemberId, Refusal, presets};
use crate::store::{Store, StoreError};
use crate::text::Lang;

/// Writes the roster template: the headings, ready for Excel or WPS.
pub fn template(output: Option<&Path>, lang: Lang) -> Result<(), Failure> {
    write_out(output, &roster::template(), lang)
}

/// Makes a council named `name` with the members `file` lists, under the preset rule `rule`.
pub fn import(
    db: &Path,
    file: &Path,
    name: &str,
    rule: &str,
    threshold: u8,
    lang: Lang,
) -> Result<(), Failure> {
    let usable = || presets().into_iter().filter(|r| r.for_meetings());
    let Some(rule) = usable().find(|r| r.key == rule) else {
        let keys: Vec<String> = usable()
            .map(|r| format!("  {}　{}", r.key, r.name))
            .collect();
        let owners = presets().iter().any(|r| r.key == rule);
        let head = if owners {
            lang.pick(
                "这是业主大会的规则，按房屋登记册的业主和专有部分面积计票，不能用于议事会名册：",
                "這是業主大會的規則，按房屋登記冊的業主和專有部分面積計票，不能用於議事會名冊：",
                "an owners' rule counts owners and floor area from a register of units, not a council's roll: ",
            )
        } else {
            lang.pick("没有这个表决规则：", "沒有這個表決規則：", "no such rule: ")
        };
        let known = lang.pick("可选：", "可選：", "the rules are:");
        return Err(Failure::Said(format!(
            "{head}{rule}\n{known}\n{}",
            keys.join("\n")
        )));
    };
    let bytes = read_bytes(file, lang)?;
    let (listed, encoding) = roster::read_roster(&bytes).map_err(|faults| {
        let head = lang.pick(
            "名册有误，没有做任何改动：",
            "名冊有誤，沒有做任何改動：",
            "the roster has faults; nothing was changed:",
        );
        let list: Vec<String> = faults
            .iter()
            .map(|f| format!("  {}", f.describe(lang)))
            .collect();
        Failure::Said(format!("{head}\n{}", list.join("\n")))
    })?;
    let mut store = Store::open(db)?;
    let first = store.next_id()?;
    let members: Vec<Member> = listed
        .into_iter()
        .zip(first + 1..)
        .map(|(m, id)| Member::founding(MemberId(id), &m.name, m.affiliation, m.voting))
        .collect();
    let council = Council {
        id: CouncilId(first),
        name: name.trim().to_string(),
        members,
        rule,
        satisfaction_threshold: threshold,
    };
    let change = Change::CreateCouncil {
        council: council.clone(),
    };
    store
        .apply(&change, crate::store::now())
        .map_err(|e| match e {
            StoreError::Refused(r) => refused(lang, &r),
            other => Failure::Store(other),
        })?;
    println!("{}", made(lang, &council, encoding));
    Ok(())
}

fn refused(lang: Lang, r: &Refusal) -> Failure {
    let head = lang.pick(
        "没有建立议事会：",
        "沒有建立議事會：",
        "the council was not made: ",
    );
    Failure::Said(format!("{head}{}", r.describe(lang)))
}

fn read_bytes(file: &Path, lang: Lang) -> Result<Vec<u8>, Failure> {
    let mut bytes = Vec::new();
    let read = if is_std(file) {
        std::io::stdin().lock().read_to_end(&mut bytes).map(drop)
    } else {
        std::fs::read(file).map(|b| bytes = b)
    };
    read.map_err(|e| {
        let head = lang.pick("无法读取 ", "無法讀取 ", "cannot read ");
        Failure::Said(format!("{head}{}: {e}", file.display()))
    })?;
    Ok(bytes)
}

/// 已建立议事会「…」：成员17人（其中列席2人），表决规则：居民代表会议
fn made(lang: Lang, c: &Council, encoding: Encoding) -> String {
    let all = c.members.len();
    let observers = c.members.iter().filter(|m| !m.voting).count();
    let gb = encoding == Encoding::Gb18030;
    match lang {
        Lang::ZhHans => format!(
            "已建立议事会「{}」：成员{all}人（其中列席{observers}人），表决规则：{}{}",
            c.name,
            c.rule.name,
            if gb {
                "（名册按 GB18030 编码读取）"
            } else {
                ""
            }
        ),
        Lang::ZhHant => format!(
            "已建立議事會「{}」：成員{all}人（其中列席{observers}人），表決規則：{}{}",
            c.name,
            c.rule.name,
            if gb {
                "（名冊按 GB18030 編碼讀取）"
            } else {
                ""
            }
        ),
        Lang::En => format!(
            "Made the council {}: {all} members ({observers} observing), rule: {}{}",
            c.name,
            c.rule.name,
            if gb {
                " (the roster was read as GB18030)"
            } else {
                ""
            }
        ),
    }
}
