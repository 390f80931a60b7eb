//! The store's words in 简体, 繁體 and English, each entry all three (the type allows no
//! fewer); at the end, the messages that carry values, each written out whole per language.

use yishi_text::{Lang, Words};

// error

pub const NOTHING_WAS_CHANGED_BACK_UP: Words = [
    "数据未被改动。请先备份该目录，再运行 `yishi repair` 从日志重建。",
    "資料未被改動。請先備份該目錄，再執行 `yishi repair` 從日誌重建。",
    "Nothing was changed. Back up the directory, then run `yishi repair` to rebuild from the journal.",
];
pub const ANOTHER_PROGRAM: Words = ["另一个程序", "另一個程式", "another program"];
pub const THE_DATABASE_FILES_ARE_DAMAGED: Words = [
    "数据库文件已损坏：",
    "資料庫檔案已損壞：",
    "the database files are damaged: ",
];
pub const THE_DATABASE_DOES_NOT_MATCH: Words = [
    "数据库与变更日志不一致：",
    "資料庫與變更日誌不一致：",
    "the database does not match its journal: ",
];
pub const THIS_CHANGE_WAS_NOT_SAVED: Words = [
    "这项变更没有保存成功，此前的记录不受影响。",
    "這項變更沒有儲存成功，此前的記錄不受影響。",
    "This change was not saved; the records before it are untouched.",
];
pub const THE_JOURNAL_BREAKS_AND_THE: Words = [
    "日志从中间损坏，数据库也无法证明完好：修复只能保留日志完好的部分，将丢失以下变更：",
    "日誌從中間損壞，資料庫也無法證明完好：修復只能保留日誌完好的部分，將丟失以下變更：",
    "the journal breaks and the store cannot be vouched for: a repair keeps only the journal's intact part and drops these changes:",
];
pub const NOTHING_WAS_CHANGED_BACK_UP_THE: Words = [
    "未做任何改动。请先备份该目录；确认接受这些损失后，运行 `yishi repair --accept-loss`。",
    "未做任何改動。請先備份該目錄；確認接受這些損失後，執行 `yishi repair --accept-loss`。",
    "Nothing was changed. Back up the directory; to accept the loss, run `yishi repair --accept-loss`.",
];

// findings

pub const UNREADABLE: Words = ["：无法读取", "：無法讀取", ": unreadable"];
pub const COUNCIL: Words = ["议事会", "議事會", "council"];
pub const MEETING: Words = ["会议", "會議", "meeting"];
pub const MATTER: Words = ["事项", "事項", "matter"];
pub const MOTION: Words = ["表决", "表決", "motion"];
pub const DIFFERS_FROM_THE_JOURNAL_THE: Words = [
    "与日志不符：数据库中的这条记录被改动过",
    "與日誌不符：資料庫中的這條記錄被改動過",
    "differs from the journal: the stored record was altered",
];
pub const IS_MISSING_FROM_THE_STORE: Words = [
    "在数据库中缺失",
    "在資料庫中缺失",
    "is missing from the store",
];
pub const IS_IN_THE_STORE_BUT: Words = [
    "在数据库中存在，日志中却没有",
    "在資料庫中存在，日誌中卻沒有",
    "is in the store but not in the journal",
];

// Messages that carry values.

/// The process that holds the database: 进程 1234（yishi，自 2026-11-22 14:30:00 起）.
pub fn holder(lang: Lang, pid: u32, command: &str, since: &str) -> String {
    match lang {
        Lang::ZhHans => format!("进程 {pid}（{command}，自 {since} 起）"),
        Lang::ZhHant => format!("行程 {pid}（{command}，自 {since} 起）"),
        Lang::En => format!("process {pid} ({command}) since {since}"),
    }
}
