//! `yishi council`: the roster template, and a council made from a roster file.

use crate::domain::CreateCouncil;
use std::io::Read as _;
use std::path::Path;

use super::Failure;
use super::output::{is_std, write_out};
use crate::domain::owners;
use crate::domain::roster::{self, Encoding};
use crate::domain::{Affiliation, Change, Council, CouncilId, Member, MemberId, Refusal, presets};
use crate::store::{Store, StoreError};
use crate::text::Lang;

/// Writes the roster template (or, for owners, the register's): the headings, ready for Excel
/// or WPS.
pub fn template(output: Option<&Path>, owners: bool, lang: Lang) -> Result<(), Failure> {
    let text = if owners {
        owners::register_template()
    } else {
        roster::template()
    };
    write_out(output, &text, lang)
}

/// Makes a council named `name` under the preset rule `rule`, with the members `file` lists:
/// a roster, or for an owners' rule the register of units, whose owners become the members.
pub fn import(
    db: &Path,
    file: &Path,
    name: &str,
    rule: &str,
    (threshold, proxy_limit): (u8, Option<u32>),
    lang: Lang,
) -> Result<(), Failure> {
    let Some(mut rule) = presets().into_iter().find(|r| r.key == rule) else {
        let keys: Vec<String> = presets()
            .iter()
            .map(|r| format!("  {}　{}", r.key, r.name))
            .collect();
        let head = lang.pick("没有这个表决规则：", "沒有這個表決規則：", "no such rule: ");
        let known = lang.pick("可选：", "可選：", "the rules are:");
        return Err(Failure::Said(format!(
            "{head}{rule}\n{known}\n{}",
            keys.join("\n")
        )));
    };
    // The council's own limit on proxies one person may hold, where its rule admits proxies.
    if let Some(limit) = proxy_limit {
        let Some(proxies) = rule.proxies.as_mut() else {
            return Err(super::opening::said(
                lang,
                "这个表决规则不允许委托表决，不能设委托人数上限",
                "這個表決規則不允許委託表決，不能設委託人數上限",
                "this rule admits no proxies, so there is no limit to set",
            ));
        };
        proxies.per_holder = Some(limit);
    }
    let bytes = read_bytes(file, lang)?;
    let (listed, encoding, merged) = if rule.counts_area() {
        owners_of(&bytes, lang)?
    } else {
        let (members, encoding) = members_of(&bytes, lang)?;
        (members, encoding, None)
    };
    let mut store = Store::open(db)?;
    let first = store.next_id()?;
    let members: Vec<Member> = listed
        .into_iter()
        .zip(first + 1..)
        .map(|(mut m, id)| {
            m.id = MemberId(id);
            m
        })
        .collect();
    let council = Council {
        id: CouncilId(first),
        name: name.trim().to_string(),
        members,
        rule,
        satisfaction_threshold: threshold,
        keys: Vec::new(),
    };
    let change = Change::CreateCouncil(CreateCouncil {
        council: Box::new(council.clone()),
    });
    store
        .apply(&change, crate::store::now())
        .map_err(|e| match e {
            StoreError::Refused(r) => refused(lang, &r),
            other => Failure::Store(other),
        })?;
    outln!("{}", made(lang, &council, encoding));
    if let Some(merged) = merged {
        outln!("{merged}");
    }
    Ok(())
}

/// Every fault of a file, under a head saying nothing was changed.
fn faults(lang: Lang, list: Vec<String>) -> Failure {
    let head = lang.pick(
        "名册有误，没有做任何改动：",
        "名冊有誤，沒有做任何改動：",
        "the roster has faults; nothing was changed:",
    );
    let list: Vec<String> = list.into_iter().map(|f| format!("  {f}")).collect();
    Failure::Said(format!("{head}\n{}", list.join("\n")))
}

/// The members a roster lists (their ids given later).
fn members_of(bytes: &[u8], lang: Lang) -> Result<(Vec<Member>, Encoding), Failure> {
    let (listed, encoding) = roster::read_roster(bytes)
        .map_err(|f| faults(lang, f.iter().map(|f| f.describe(lang)).collect()))?;
    let members = listed
        .into_iter()
        .map(|m| Member::founding(MemberId(0), &m.name, m.affiliation, m.voting))
        .collect();
    Ok((members, encoding))
}

/// The owners a register lists, each once with all their units (their ids given later); and,
/// where the register has no owner numbers, which names were taken as one owner of several
/// units, for the clerk to check.
fn owners_of(bytes: &[u8], lang: Lang) -> Result<(Vec<Member>, Encoding, Option<String>), Failure> {
    let (register, encoding) = owners::read_register(bytes)
        .map_err(|f| faults(lang, f.iter().map(|f| f.describe(lang)).collect()))?;
    let members = register
        .owners()
        .into_iter()
        .map(|o| {
            let mut m = Member::founding(MemberId(0), &o.name, Affiliation::Owner, true);
            m.units = o.units;
            m
        })
        .collect::<Vec<Member>>();
    let merged: Vec<String> = members
        .iter()
        .filter(|m| !register.numbered() && m.units.len() > 1)
        .map(|m| {
            let units: Vec<&str> = m.units.iter().map(|u| u.unit.as_str()).collect();
            format!("{}（{}）", m.name, units.join("、"))
        })
        .collect();
    let note = (!merged.is_empty()).then(|| {
        let list = merged.join("、");
        lang.pick_owned(
            format!("按姓名视为同一位业主：{list}。如有同名的不同业主，请在登记册加一列“业主编号”，按编号区分。"),
            format!("按姓名視為同一位業主：{list}。如有同名的不同業主，請在登記冊加一欄「業主編號」，按編號區分。"),
            format!("taken as one owner by name: {list}. Where two owners share a name, add an \"owner number\" column (业主编号) to the register to tell them apart."),
        )
    });
    Ok((members, encoding, note))
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
    if c.rule.counts_area() {
        return owners_made(lang, c);
    }
    let all = c.members.len();
    let observers = c.members.iter().filter(|m| !m.voting).count();
    let gb = encoding == Encoding::Gb18030;
    match lang {
        Lang::ZhHans => format!(
            "已建立议事会「{}」：成员{all}人（其中列席{observers}人），表决规则：{}{}",
            c.name,
            c.rule.name_in(lang),
            if gb {
                "（名册按 GB18030 编码读取）"
            } else {
                ""
            }
        ),
        Lang::ZhHant => format!(
            "已建立議事會「{}」：成員{all}人（其中列席{observers}人），表決規則：{}{}",
            c.name,
            c.rule.name_in(lang),
            if gb {
                "（名冊按 GB18030 編碼讀取）"
            } else {
                ""
            }
        ),
        Lang::En => format!(
            "Made the council {}: {all} members ({observers} observing), rule: {}{}",
            c.name,
            c.rule.name_in(lang),
            if gb {
                " (the roster was read as GB18030)"
            } else {
                ""
            }
        ),
    }
}

/// 已建立「…」：业主38人，房屋40套，专有部分面积合计3,520.00㎡，表决规则：…
fn owners_made(lang: Lang, c: &Council) -> String {
    let owners = c.members.len();
    let units: usize = c.members.iter().map(|m| m.units.len()).sum();
    let area = owners::area_text(
        c.members
            .iter()
            .flat_map(|m| &m.units)
            .map(|u| u.area)
            .sum(),
    );
    let rule = c.rule.name_in(lang);
    lang.pick_owned(
        format!(
            "已建立「{}」：业主{owners}人，房屋{units}套，专有部分面积合计{area}㎡，表决规则：{rule}",
            c.name
        ),
        format!(
            "已建立「{}」：業主{owners}人，房屋{units}套，專有部分面積合計{area}㎡，表決規則：{rule}",
            c.name
        ),
        format!(
            "Made {}: {owners} owners of {units} units, {area} m² in all, rule: {rule}",
            c.name
        ),
    )
}
