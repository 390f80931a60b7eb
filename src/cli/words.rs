//! The command line's words in 简体, 繁體 and English, each entry all three (the type allows
//! no fewer); at the end, the messages that carry values, each written out whole per language.

use crate::text::{Lang, Words};

// checks

pub const VERIFICATION_FAILED: Words = ["校验未通过：", "校驗未通過：", "verification failed:"];
pub const FOUND: Words = ["发现：", "發現：", "found: "];
pub const TO: Words = ["至", "至", " to "];
pub const THE_OLD_FILES_ARE_KEPT: Words = [
    "原文件保留于 ",
    "原檔案保留於 ",
    "the old files are kept at ",
];

// the clock

pub const CLOCK_IS_NOT_A_TIME: Words = [
    "YISHI_CLOCK 应为 2026-12-05 19:00:00 这样的时间，而不是：",
    "YISHI_CLOCK 應為 2026-12-05 19:00:00 這樣的時間，而不是：",
    "YISHI_CLOCK must be a time such as 2026-12-05 19:00:00, not: ",
];

// import

pub const THE_IMPORT_FILE_IS_NOT: Words = [
    "导入文件有误，数据库未被改动：",
    "匯入檔案有誤，資料庫未被改動：",
    "the import file is not valid; nothing was changed:",
];
pub const IMPORT_REFUSED_NOTHING_WAS_CHANGED: Words = [
    "导入被拒绝，数据库未被改动：",
    "匯入被拒絕，資料庫未被改動：",
    "import refused; nothing was changed:",
];

// records

pub const NO_MEETINGS: Words = ["（没有会议记录）", "（沒有會議記錄）", "(no meetings)"];
pub const CHAIR: Words = ["主持", "主持", "chair"];
pub const RECORDER: Words = ["记录", "記錄", "recorder"];
pub const ENTITLED: Words = ["应到", "應到", "entitled"];
pub const PRESENT: Words = ["实到", "實到", "present"];
pub const UNMARKED: Words = ["未登记", "未登記", "unmarked"];
pub const ADOPTED: Words = ["通过", "通過", "adopted"];
pub const REJECTED: Words = ["未通过", "未通過", "rejected"];
pub const NO_DECISION: Words = ["未形成决议", "未形成決議", "no decision"];
pub const NOT_VOTED: Words = ["未表决", "未表決", "not voted"];
pub const YES_NO_ABSTAIN: Words = ["赞成/反对/弃权", "贊成/反對/棄權", "yes/no/abstain"];

// Messages that carry values.

pub fn verified(lang: Lang, changes: u64) -> String {
    match lang {
        Lang::ZhHans => format!("校验通过：共{changes}项变更，哈希链完整，数据库与日志一致"),
        Lang::ZhHant => format!("校驗通過：共{changes}項變更，雜湊鏈完整，資料庫與日誌一致"),
        Lang::En => {
            format!("verified: {changes} changes, hash chain intact, store matches the journal")
        }
    }
}

pub fn imported(lang: Lang, meetings: usize, matters: usize, db: &str) -> String {
    match lang {
        Lang::ZhHans => format!("已导入会议{meetings}次、事项{matters}项到 {db}"),
        Lang::ZhHant => format!("已匯入會議{meetings}次、事項{matters}項到 {db}"),
        Lang::En => format!("imported {meetings} meetings and {matters} matters into {db}"),
    }
}

pub fn no_such_meeting(lang: Lang, named: &str) -> String {
    match lang {
        Lang::ZhHans => format!("找不到会议「{named}」，请用 `yishi list` 查看"),
        Lang::ZhHant => format!("找不到會議「{named}」，請用 `yishi list` 檢視"),
        Lang::En => format!("no meeting \"{named}\"; see `yishi list`"),
    }
}

/// A PDF asked for on a terminal.
pub fn pdf_needs_a_file(lang: Lang) -> String {
    lang.pick(
        "PDF 纪要请用 -o 指定要写入的文件，例如 -o 纪要.pdf",
        "PDF 紀要請用 -o 指定要寫入的檔案，例如 -o 紀要.pdf",
        "name the file for the PDF minutes with -o, for example -o minutes.pdf",
    )
    .to_string()
}

pub fn not_a_date(lang: Lang, typed: &str) -> String {
    match lang {
        Lang::ZhHans => format!("「{typed}」不是一个存在的日期，应写作 2026-11-22 或 11月22日"),
        Lang::ZhHant => format!("「{typed}」不是一個存在的日期，應寫作 2026-11-22 或 11月22日"),
        Lang::En => format!("\"{typed}\" is not a real date; write it as 2026-11-22"),
    }
}
