//! Checking a database against its journal (`verify`) and rebuilding it from there (`repair`).

use crate::cli::words;
use std::path::Path;

use super::Failure;
use super::progress::Progress;
use crate::store::Archive;
use crate::text::Lang;

pub fn verify(db: &Path, json: bool, replay: bool, lang: Lang) -> Result<(), Failure> {
    let mut progress = Progress::new(lang);
    progress.stage("核对日志与数据库", "核對日誌與資料庫", "checking");
    let report = crate::store::verify(db, replay, &mut |done, total| progress.set(done, total))?;
    drop(progress);
    if json {
        let problems: Vec<String> = report.problems.iter().map(|p| p.describe(lang)).collect();
        let verdict = serde_json::json!({
            "ok": problems.is_empty(),
            "changes": report.changes,
            "through_checkpoint": report.through_checkpoint,
            "problems": problems,
        });
        out!("{}", super::records::pretty(&verdict));
        // The verdict is the output; the exit status says it too.
        return if report.problems.is_empty() {
            Ok(())
        } else {
            Err(Failure::Quiet)
        };
    }
    if report.problems.is_empty() {
        outln!("{}", words::verified(lang, report.changes));
        for line in sealed_meetings(db, lang)? {
            outln!("{line}");
        }
        return Ok(());
    }
    let head = lang.say(words::VERIFICATION_FAILED);
    Err(Failure::Said(format!(
        "{head}\n  {}",
        report
            .problems
            .iter()
            .map(|p| p.describe(lang))
            .collect::<Vec<_>>()
            .join("\n  ")
    )))
}

/// Every meeting signed with keys, its signers and their keys: each seal was checked as the
/// journal was replayed, and the record still leads to what it signed.
fn sealed_meetings(db: &Path, lang: Lang) -> Result<Vec<String>, Failure> {
    use crate::domain::Records;
    let store = super::opening::read(db, lang)?;
    let mut out = Vec::new();
    let mut councils: std::collections::BTreeMap<_, crate::domain::Council> = Default::default();
    for head in store.meetings()?.into_iter().filter(|h| h.signed) {
        // Only the meeting is read until it proves sealed with keys: most are signed by hand.
        let Some(m) = store
            .meeting(head.id)
            .map_err(crate::store::StoreError::from)?
        else {
            continue;
        };
        let Some(sealed) = m.signature.as_ref().and_then(|s| s.sealed.as_ref()) else {
            continue;
        };
        if !councils.contains_key(&m.council)
            && let Some(c) = store
                .council(m.council)
                .map_err(crate::store::StoreError::from)?
        {
            councils.insert(m.council, c);
        }
        let Some(council) = councils.get(&m.council) else {
            continue;
        };
        let signers: Vec<String> = sealed
            .seals
            .iter()
            .map(|seal| {
                format!(
                    "{}（{}）",
                    crate::text::sanitize(&council.name_of(seal.member)),
                    seal.key
                )
            })
            .collect();
        let (label, digest) = (m.label(lang), crate::domain::short_digest(&sealed.record));
        let signers = signers.join(lang.pick("、", "、", ", "));
        out.push(lang.pick_owned(
            format!("　{label}：{signers}的签名有效，记录摘要 {digest}"),
            format!("　{label}：{signers}的簽名有效，記錄摘要 {digest}"),
            format!("  {label}: signed by {signers}, valid; record digest {digest}"),
        ));
    }
    Ok(out)
}

pub fn repair(db: &Path, accept_loss: bool, lang: Lang) -> Result<(), Failure> {
    let mut progress = Progress::new(lang);
    progress.stage("修复", "修復", "repairing");
    let report = crate::store::repair(db, accept_loss, &mut |done, total| {
        progress.set(done, total)
    })?;
    drop(progress);
    for p in &report.problems {
        eprintln!("{}{}", lang.say(words::FOUND), p.describe(lang));
    }
    if report.untouched && report.checkpoints_remade {
        outln!(
            "{}",
            lang.pick_owned(
                format!("数据库与日志一致（共{}项变更）；损坏的检查点已据日志重写，没有丢失任何记录。", report.changes),
                format!("資料庫與日誌一致（共{}項變更）；損壞的檢查點已據日誌重寫，沒有遺失任何記錄。", report.changes),
                format!("the store agrees with the journal ({} changes); the damaged checkpoints were written again from the journal, no record lost", report.changes),
            )
        );
        return Ok(());
    }
    if report.untouched {
        outln!(
            "{}",
            lang.pick_owned(
                format!("数据库与日志一致，无需修复：共{}项变更，未作任何改动。", report.changes),
                format!("資料庫與日誌一致，無需修復：共{}項變更，未作任何改動。", report.changes),
                format!("the store agrees with the journal ({} changes): nothing to repair, nothing changed", report.changes),
            )
        );
        return Ok(());
    }
    let said = match (&report.restored, report.lost.is_empty()) {
        (Some(r), _) => {
            let span = if r.from == r.to {
                r.from.to_string()
            } else {
                format!("{}{}{}", r.from, lang.say(words::TO), r.to)
            };
            lang.pick_owned(
                format!(
                    "日志已据数据库补回：第{span}项变更由数据库中的{}条记录补回，没有丢失任何记录；日志共{}项变更。",
                    r.records, report.changes
                ),
                format!(
                    "日誌已據資料庫補回：第{span}項變更由資料庫中的{}條記錄補回，沒有遺失任何記錄；日誌共{}項變更。",
                    r.records, report.changes
                ),
                format!(
                    "restored the journal from the store: change {span} from its {} records, no record lost; the journal holds {} changes",
                    r.records, report.changes
                ),
            )
        }
        (None, true) => lang.pick_owned(
            format!(
                "已从日志重建数据库：共{}项变更，没有丢失任何记录。",
                report.changes
            ),
            format!(
                "已從日誌重建資料庫：共{}項變更，沒有遺失任何記錄。",
                report.changes
            ),
            format!(
                "rebuilt the store from {} journal changes; no record lost",
                report.changes
            ),
        ),
        (None, false) => lang.pick_owned(
            format!(
                "已按日志完好的部分重建（共{}项变更）；以下变更已丢弃：",
                report.changes
            ),
            format!(
                "已按日誌完好的部分重建（共{}項變更）；以下變更已捨棄：",
                report.changes
            ),
            format!(
                "rebuilt from the journal's intact part ({} changes); dropped:",
                report.changes
            ),
        ),
    };
    outln!("{said}");
    for l in &report.lost {
        outln!("  {}", l.describe(lang));
    }
    for a in &report.kept_aside {
        outln!("{}{a}", lang.say(words::THE_OLD_FILES_ARE_KEPT));
    }
    Ok(())
}
