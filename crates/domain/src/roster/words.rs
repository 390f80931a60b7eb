//! A roster's faults in the reader's words, naming the row and column.

use super::{CellFault, Column, Fault};
use crate::names::spelled;
use yishi_text::Lang;

impl Fault {
    /// The fault in the reader's words, naming the row and column.
    pub fn describe(&self, lang: Lang) -> String {
        let zh = |hans: String, hant: String, en: String| match lang {
            Lang::ZhHans => hans,
            Lang::ZhHant => hant,
            Lang::En => en,
        };
        const SAVE_AS: [&str; 3] = [
            "请在 Excel 或 WPS 中另存为“CSV UTF-8（逗号分隔）”",
            "請在 Excel 或 WPS 中另存為「CSV UTF-8（逗號分隔）」",
            "save it as \"CSV UTF-8 (comma delimited)\"",
        ];
        match self {
            Fault::Utf16 => zh(
                format!(
                    "文件是 UTF-16 编码的“Unicode 文本”，不是 CSV：{}",
                    SAVE_AS[0]
                ),
                format!(
                    "檔案是 UTF-16 編碼的「Unicode 文字」，不是 CSV：{}",
                    SAVE_AS[1]
                ),
                format!(
                    "the file is Excel's \"Unicode text\" (UTF-16), not CSV: {}",
                    SAVE_AS[2]
                ),
            ),
            Fault::NotText => zh(
                format!("文件既不是 UTF-8 也不是 GB18030 编码的文字：{}", SAVE_AS[0]),
                format!("檔案既不是 UTF-8 也不是 GB18030 編碼的文字：{}", SAVE_AS[1]),
                format!("the file is neither UTF-8 nor GB18030 text: {}", SAVE_AS[2]),
            ),
            Fault::NoColumn(c) => {
                let c = c.label(lang);
                zh(
                    format!(
                        "找不到标题为“{c}”的一列（第一行是各列标题，可用 `yishi council template` 生成）"
                    ),
                    format!(
                        "找不到標題為「{c}」的一列（第一行是各列標題，可用 `yishi council template` 產生）"
                    ),
                    format!(
                        "no column headed \"{c}\" (the first row names the columns; `yishi council template` writes them)"
                    ),
                )
            }
            Fault::Unreadable { row, detail } => zh(
                format!("第{row}行不是有效的 CSV：{detail}"),
                format!("第{row}行不是有效的 CSV：{detail}"),
                format!("row {row} cannot be read as CSV: {detail}"),
            ),
            Fault::NoMembers => zh(
                "名册里没有成员".into(),
                "名冊裡沒有成員".into(),
                "the roster lists no member".into(),
            ),
            Fault::Cell {
                row,
                column,
                value,
                why,
            } => {
                let what = match (why, column) {
                    (CellFault::Missing, _) => {
                        zh("没有填".into(), "沒有填".into(), "is empty".into())
                    }
                    (CellFault::Text(r), _) => r.describe(lang),
                    (_, Column::Voting) => zh(
                        format!("“{value}”不可用，可填：表决、列席（空着算表决）"),
                        format!("「{value}」不可用，可填：表決、列席（空著算表決）"),
                        format!(
                            "\"{value}\" is not 表决 (votes) or 列席 (observer); empty means 表决"
                        ),
                    ),
                    _ => zh(
                        format!(
                            "“{value}”不可用，可填：社区党委、小区党支部、业委会、物业公司、居民代表"
                        ),
                        format!(
                            "「{value}」不可用，可填：社區黨委、小區黨支部、業委會、物業公司、居民代表"
                        ),
                        format!(
                            "\"{value}\" is not one of 社区党委, 小区党支部, 业委会, 物业公司, 居民代表"
                        ),
                    ),
                };
                let c = column.label(lang);
                zh(
                    format!("第{row}行“{c}”：{what}"),
                    format!("第{row}行「{c}」：{what}"),
                    format!("row {row}, {c}: {what}"),
                )
            }
            Fault::SameName {
                row,
                first,
                name,
                first_name,
            } => {
                let (ours, theirs) = (spelled(name), spelled(first_name));
                if ours == theirs {
                    zh(
                        format!(
                            "第{row}行：{name}与第{first}行重名，点名时无法区分（请加以区分，如 {name}（3号楼））"
                        ),
                        format!(
                            "第{row}行：{name}與第{first}行重名，點名時無法區分（請加以區分，如 {name}（3號樓））"
                        ),
                        format!(
                            "row {row}: {name} is already on row {first}, and the roll call could not tell them apart (add a mark, e.g. {name}（3号楼）)"
                        ),
                    )
                } else {
                    zh(
                        format!(
                            "第{row}行：“{ours}”与第{first}行的“{theirs}”看起来是同一个名字，只差看不见或写法不同的字符，点名时无法区分"
                        ),
                        format!(
                            "第{row}行：「{ours}」與第{first}行的「{theirs}」看起來是同一個名字，只差看不見或寫法不同的字元，點名時無法區分"
                        ),
                        format!(
                            "row {row}: \"{ours}\" looks the same as \"{theirs}\" on row {first}: they differ only by characters the eye cannot tell apart, so the roll call could not either"
                        ),
                    )
                }
            }
        }
    }
}
