//! Checking a database against its journal (`verify`) and rebuilding it from there (`repair`).

use std::path::Path;

use super::Failure;
use super::progress::Progress;
use crate::text::Lang;

pub fn verify(db: &Path, lang: Lang) -> Result<(), Failure> {
    let mut progress = Progress::new(lang);
    progress.stage("核对日志与数据库", "核對日誌與資料庫", "checking");
    let report = crate::store::verify(db, &mut |done, total| progress.set(done, total))?;
    drop(progress);
    if report.problems.is_empty() {
        println!(
            "{}",
            match lang {
                Lang::En => format!(
                    "verified: {} changes, hash chain intact, store matches the journal",
                    report.changes
                ),
                _ => format!(
                    "{}{}{}",
                    lang.pick("校验通过：共", "校驗通過：共", ""),
                    report.changes,
                    lang.pick(
                        "项变更，哈希链完整，数据库与日志一致",
                        "項變更，雜湊鏈完整，資料庫與日誌一致",
                        ""
                    )
                ),
            }
        );
        return Ok(());
    }
    let head = lang.pick("校验未通过：", "校驗未通過：", "verification failed:");
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

pub fn repair(db: &Path, lang: Lang) -> Result<(), Failure> {
    let mut progress = Progress::new(lang);
    progress.stage("从日志重建", "從日誌重建", "rebuilding");
    let report = crate::store::repair(db, &mut |done, total| progress.set(done, total))?;
    drop(progress);
    for p in &report.problems {
        eprintln!(
            "{}{}",
            lang.pick(
                "注意：日志在此处中断，此后的内容未能恢复：",
                "注意：日誌在此處中斷，此後的內容未能恢復：",
                "note: the journal breaks here; what follows could not be recovered: "
            ),
            p.describe(lang)
        );
    }
    println!(
        "{}",
        match lang {
            Lang::En => format!("rebuilt the store from {} journal changes", report.changes),
            _ => format!(
                "{}{}{}",
                lang.pick("已从日志重建数据库：共", "已從日誌重建資料庫：共", ""),
                report.changes,
                lang.pick("项变更", "項變更", "")
            ),
        }
    );
    for a in &report.kept_aside {
        println!(
            "{}{a}",
            lang.pick(
                "原文件保留于 ",
                "原檔案保留於 ",
                "the old files are kept at "
            )
        );
    }
    Ok(())
}
