use crate::words;
use std::fmt;
use std::path::Path;

use super::lock::Holder;
use yishi_domain::Refusal;
use yishi_text::Lang;

#[derive(Debug)]
pub enum StoreError {
    /// Another process holds the database.
    Locked {
        dir: String,
        holder: Option<Holder>,
    },
    Io {
        action: &'static str,
        path: String,
        error: std::io::Error,
    },
    /// sled refused to open or read its files.
    Damaged {
        detail: String,
    },
    /// The store and its journal disagree.
    Mismatch {
        detail: String,
    },
    /// The journal's own chain is broken.
    Journal {
        line: u64,
        detail: String,
    },
    /// A journal line the record's rules refuse (or, `None`, that cannot be read as a change).
    Replay {
        seq: u64,
        reason: Option<Refusal>,
    },
    NewerSchema {
        found: u32,
    },
    Refused(Refusal),
    /// No database at the directory a reader was pointed to.
    NoDatabase {
        dir: String,
    },
    /// A writer kept changing the files while a reader tried to copy them.
    Busy,
    /// A change asked of a database opened to read.
    ReadOnly,
    /// A change that failed to be written (the disk's error inside) and was taken back.
    NotSaved(Box<StoreError>),
    /// A repair that could keep only part of the record, not told to accept the loss.
    WouldLose {
        lost: Vec<super::findings::Lost>,
    },
    /// A repair refused: the journal or the store contradicts a signature.
    SealBroken(Vec<super::findings::Finding>),
}

impl StoreError {
    pub fn io(action: &'static str, path: &Path, error: std::io::Error) -> StoreError {
        StoreError::Io {
            action,
            path: path.display().to_string(),
            error,
        }
    }

    /// What the error says in each language, for a finding to keep.
    pub fn said(&self) -> super::findings::Said {
        super::findings::Said([Lang::ZhHans, Lang::ZhHant, Lang::En].map(|l| self.describe(l)))
    }

    pub fn describe(&self, lang: Lang) -> String {
        let repair = lang.say(words::NOTHING_WAS_CHANGED_BACK_UP);
        match self {
            StoreError::Locked { dir, holder } => {
                let who = holder.as_ref().map_or_else(
                    || {
                        lang.say(words::ANOTHER_PROGRAM)
                            .to_string()
                    },
                    |h| h.describe(lang),
                );
                lang.pick_owned(
                    format!("数据库 {dir} 正被占用：{who}。请先关闭它。"),
                    format!("資料庫 {dir} 正被佔用：{who}。請先關閉它。"),
                    format!("the database {dir} is in use by {who}; close it first"),
                )
            }
            StoreError::Io {
                action,
                path,
                error,
            } => io_message(lang, action, path, error),
            StoreError::Damaged { detail } => format!(
                "{}{detail}\n{repair}",
                lang.say(words::THE_DATABASE_FILES_ARE_DAMAGED)
            ),
            StoreError::Mismatch { detail } => format!(
                "{}{detail}\n{repair}",
                lang.say(words::THE_DATABASE_DOES_NOT_MATCH)
            ),
            StoreError::Journal { line, detail } => lang.pick_owned(
                format!("变更日志第{line}行已损坏：{detail}"),
                format!("變更日誌第{line}行已損壞：{detail}"),
                format!("the journal is damaged at line {line}: {detail}"),
            ),
            StoreError::Replay { seq, reason } => {
                let reason = reason.as_ref().map_or_else(String::new, |r| r.describe(lang));
                lang.pick_owned(
                    format!("日志中第{seq}项变更无法重放：{reason}"),
                    format!("日誌中第{seq}項變更無法重放：{reason}"),
                    format!("change {seq} in the journal cannot be replayed: {reason}"),
                )
            }
            StoreError::NewerSchema { found } => lang.pick_owned(
                format!("数据库由更新版本的程序写入（版本{found}），请升级程序"),
                format!("資料庫由更新版本的程式寫入（版本{found}），請升級程式"),
                format!(
                    "the database was written by a newer yishi (schema {found}); update the program"
                ),
            ),
            StoreError::Refused(r) => r.describe(lang),
            StoreError::NoDatabase { dir } => lang.pick_owned(
                format!("{dir} 还没有数据库：先运行 `yishi import` 导入记录，或直接运行 `yishi` 开始"),
                format!("{dir} 還沒有資料庫：先執行 `yishi import` 匯入記錄，或直接執行 `yishi` 開始"),
                format!("there is no database at {dir} yet: `yishi import` a record, or run `yishi` to start"),
            ),
            StoreError::Busy => lang
                .pick(
                    "数据库正在被另一个程序连续写入，暂时无法读取；请稍后再试",
                    "資料庫正在被另一個程式連續寫入，暫時無法讀取；請稍後再試",
                    "another program keeps writing to the database; try again in a moment",
                )
                .to_string(),
            StoreError::NotSaved(cause) => format!(
                "{}{}{}",
                cause.describe(lang),
                lang.pick("", "", " "),
                lang.say(words::THIS_CHANGE_WAS_NOT_SAVED)
            ),
            StoreError::SealBroken(found) => {
                let list: Vec<String> =
                    found.iter().map(|f| format!("  {}", f.describe(lang))).collect();
                format!(
                    "{}\n{}",
                    lang.pick(
                        "修复已拒绝，未作任何改动：签发过的记录与现有日志或数据库不符",
                        "修復已拒絕，未作任何改動：簽發過的記錄與現有日誌或資料庫不符",
                        "repair refused, nothing changed: a signed record disagrees with the journal or the store",
                    ),
                    list.join("\n")
                )
            }
            StoreError::WouldLose { lost } => {
                let list: Vec<String> = lost.iter().map(|l| format!("  {}", l.describe(lang))).collect();
                format!(
                    "{}\n{}\n{}",
                    lang.say(words::THE_JOURNAL_BREAKS_AND_THE),
                    list.join("\n"),
                    lang.say(words::NOTHING_WAS_CHANGED_BACK_UP_THE)
                )
            }
            StoreError::ReadOnly => lang
                .pick(
                    "数据库以只读方式打开，不能修改",
                    "資料庫以唯讀方式開啟，不能修改",
                    "the database is open to read only",
                )
                .to_string(),
        }
    }

    /// True for errors the user caused (a refused change), as opposed to the disk's.
    pub fn is_refusal(&self) -> bool {
        matches!(self, StoreError::Refused(_))
    }
}

/// What opening a database completed of changes cut off before (by a crash or a failed
/// write): they are recorded now.
pub fn completed_note(lang: Lang, seqs: &[u64]) -> Option<String> {
    let list = seqs
        .iter()
        .map(u64::to_string)
        .collect::<Vec<_>>()
        .join(lang.pick("、", "、", ", "));
    (!seqs.is_empty()).then(|| {
        lang.pick_owned(
            format!("已补全中断的变更（第{list}项）：它已记录在案。"),
            format!("已補全中斷的變更（第{list}項）：它已記錄在案。"),
            format!("completed an interrupted change (no. {list}): it is recorded."),
        )
    })
}

/// A failed read or write, said by its cause: a full disk, read-only media and a missing
/// permission are the disk's state, not damage, and each says what to do.
fn io_message(lang: Lang, action: &str, path: &str, error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => lang.pick_owned(
            format!("磁盘空间已满，无法写入 {path}；请腾出空间后再试。"),
            format!("磁碟空間已滿，無法寫入 {path}；請騰出空間後再試。"),
            format!("the disk is full: cannot write {path}. Free some space and try again."),
        ),
        ErrorKind::ReadOnlyFilesystem => lang.pick_owned(
            format!("{path} 位于只读介质上，不能写入；查看、导出纪要不受影响。"),
            format!("{path} 位於唯讀媒體上，不能寫入；檢視、匯出紀要不受影響。"),
            format!(
                "{path} is on read-only media and cannot be written; reading and exporting still work."
            ),
        ),
        ErrorKind::PermissionDenied => lang.pick_owned(
            format!("没有权限访问 {path}（{action}）。请检查该目录的权限或换一个目录。"),
            format!("沒有權限存取 {path}（{action}）。請檢查該目錄的權限或換一個目錄。"),
            format!("no permission to {action} {path}; check the directory's permissions or use another."),
        ),
        _ => lang.pick_owned(
            format!("无法访问 {path}（{action}）：{error}"),
            format!("無法存取 {path}（{action}）：{error}"),
            format!("could not {action} {path}: {error}"),
        ),
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for StoreError {}

/// A record that reads back but does not parse is damage to the store.
impl From<yishi_domain::ReadError> for StoreError {
    fn from(e: yishi_domain::ReadError) -> StoreError {
        StoreError::Damaged { detail: e.0 }
    }
}
