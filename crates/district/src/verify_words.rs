//! What `district verify` found, said in the clerk's language: each council by its code and
//! name, each row by its table and what it is about.

use super::compare::{About, RowFault, RowName};
use super::heads::LogFault;
use super::rows::Table;
use super::verify::{Finding, Tag};
use yishi_text::Lang;

impl Tag {
    /// 110101001001-01 某社区议事会, or the name with 未登记 where there is no code.
    pub fn label(&self, lang: Lang) -> String {
        match &self.code {
            Some(code) => format!("{code} {}", self.name),
            None => format!(
                "{}（{}）",
                self.name,
                lang.pick("未登记代码", "未登記代碼", "no code enrolled")
            ),
        }
    }
}

fn table(t: Table, lang: Lang) -> &'static str {
    match t {
        Table::Councils => lang.pick("议事会", "議事會", "council"),
        Table::Meetings => lang.pick("会议", "會議", "meeting"),
        Table::Matters => lang.pick("议题", "議題", "matter"),
        Table::Motions => lang.pick("动议", "動議", "motion"),
        Table::Tasks => lang.pick("督办任务", "督辦任務", "task"),
        Table::Reviews => lang.pick("群众评议", "群眾評議", "review"),
        Table::Minutes => lang.pick("会议纪要", "會議紀要", "minutes"),
    }
}

impl RowName {
    /// 动议（表 motions，编号 12，2026年第3次会议）
    pub fn describe(&self, lang: Lang) -> String {
        let key: Vec<String> = self.key.iter().map(i64::to_string).collect();
        let about = match &self.about {
            Some(About::Meeting(m)) => format!("{}{}", lang.comma(), m.label(lang)),
            Some(About::Named(name)) => format!("{}{name}", lang.comma()),
            None => String::new(),
        };
        lang.pick_owned(
            format!(
                "{}（表 {}，编号 {}{about}）",
                table(self.table, lang),
                self.table.name(),
                key.join("/")
            ),
            format!(
                "{}（表 {}，編號 {}{about}）",
                table(self.table, lang),
                self.table.name(),
                key.join("/")
            ),
            format!(
                "{} (table {}, key {}{about})",
                table(self.table, lang),
                self.table.name(),
                key.join("/")
            ),
        )
    }
}

impl LogFault {
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            LogFault::Missing { from, to } => lang.pick_owned(
                format!("发布记录第{from}至{to}条不见了：有议事会的记录被整个删除，或其发布记录被删"),
                format!("發布記錄第{from}至{to}條不見了：有議事會的記錄被整個刪除，或其發布記錄被刪"),
                format!("entries {from} to {to} of the log of published heads are missing: a council's record was deleted whole, or its heads were"),
            ),
            LogFault::Altered { n } => lang.pick_owned(
                format!("发布记录第{n}条被改动过：它不接续前一条，或与自身的哈希不符"),
                format!("發布記錄第{n}條被改動過：它不接續前一條，或與自身的雜湊不符"),
                format!("entry {n} of the log of published heads was altered: it does not follow the one before, or its hash is not its own"),
            ),
            LogFault::Unsigned { n, chain: Some(_) } => lang.pick_owned(
                format!("发布记录第{n}条不是该议事会的密钥签的：发布记录被伪造或改动过"),
                format!("發布記錄第{n}條不是該議事會的金鑰簽的：發布記錄被偽造或改動過"),
                format!("entry {n} of the log of published heads is not signed by its council's key: it was forged or altered"),
            ),
            LogFault::Unsigned { n, chain: None } => lang.pick_owned(
                format!("发布记录第{n}条属于区里已没有登记的议事会：议事会的登记被删除过"),
                format!("發布記錄第{n}條屬於區裡已沒有登記的議事會：議事會的登記被刪除過"),
                format!("entry {n} of the log of published heads belongs to a council the district no longer enrols: an enrolment was deleted"),
            ),
        }
    }
}

impl Finding {
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Finding::Whole { council, lines } => {
                let c = council.label(lang);
                lang.pick_owned(
                    format!("{c}：{lines}行，哈希链完好，与签名发布的一致，记录与日志相符"),
                    format!("{c}：{lines}行，雜湊鏈完好，與簽名發布的一致，記錄與日誌相符"),
                    format!("{c}: {lines} lines, the hash chain holds, as signed when published; the records agree with the lines"),
                )
            }
            Finding::LineAltered { council, line, at, meeting } => {
                let c = council.label(lang);
                // The meeting the line was about, where its altered text still says.
                let when = match meeting {
                    Some(m) => format!("{}{}{at}", m.short(lang), lang.comma()),
                    None => at.clone(),
                };
                lang.pick_owned(
                    format!("{c}：第{line}行（{when}）被改动过，与哈希链不符"),
                    format!("{c}：第{line}行（{when}）被改動過，與雜湊鏈不符"),
                    format!("{c}: line {line} ({when}) was altered; it breaks the hash chain"),
                )
            }
            Finding::Shorter { council, lines, published } => {
                let c = council.label(lang);
                lang.pick_owned(
                    format!("{c}：区里只有{lines}行，而议事会签名发布过{published}行：末尾的记录被删除了"),
                    format!("{c}：區裡只有{lines}行，而議事會簽名發布過{published}行：末尾的記錄被刪除了"),
                    format!("{c}: the district holds {lines} lines and the council signed {published} when it published: lines at the end were deleted"),
                )
            }
            Finding::Unsigned { council, lines, published } => {
                let c = council.label(lang);
                lang.pick_owned(
                    format!("{c}：区里有{lines}行，议事会只签名发布了{published}行：其后的行没有它的签名"),
                    format!("{c}：區裡有{lines}行，議事會只簽名發布了{published}行：其後的行沒有它的簽名"),
                    format!("{c}: the district holds {lines} lines and the council signed {published}: the lines after carry no signature of its own"),
                )
            }
            Finding::Rewritten { council, from, to } => {
                let c = council.label(lang);
                lang.pick_owned(
                    format!("{c}：第{from}至{to}行已不是议事会签名发布的那些行：记录被改写并重算了哈希"),
                    format!("{c}：第{from}至{to}行已不是議事會簽名發布的那些行：記錄被改寫並重算了雜湊"),
                    format!("{c}: lines {from} to {to} are not the lines the council signed when it published: they were rewritten and their hashes made again"),
                )
            }
            Finding::Refused { council, error } => {
                format!("{}：{}", council.label(lang), error.describe(lang))
            }
            Finding::Row { council, row, fault } => {
                let c = council.label(lang);
                let r = row.describe(lang);
                match fault {
                    RowFault::Differs => lang.pick_owned(
                        format!("{c}：{r}与日志推出的不同：这一行被改动过"),
                        format!("{c}：{r}與日誌推出的不同：這一行被改動過"),
                        format!("{c}: {r} differs from what the lines make: the row was altered"),
                    ),
                    RowFault::Missing => lang.pick_owned(
                        format!("{c}：{r}不见了：日志有它，区里的表里没有"),
                        format!("{c}：{r}不見了：日誌有它，區裡的表裡沒有"),
                        format!("{c}: {r} is missing: the lines make it and the district's table lacks it"),
                    ),
                    RowFault::Extra => lang.pick_owned(
                        format!("{c}：{r}是多出来的：日志里没有它"),
                        format!("{c}：{r}是多出來的：日誌裡沒有它"),
                        format!("{c}: {r} is extra: no line makes it"),
                    ),
                }
            }
            Finding::Gone { council, lines } => {
                let c = council.label(lang);
                lang.pick_owned(
                    format!("{c}：区里已没有这个议事会的记录（上次核验时有{lines}行）：它被整个删除了"),
                    format!("{c}：區裡已沒有這個議事會的記錄（上次核驗時有{lines}行）：它被整個刪除了"),
                    format!("{c}: the district no longer holds this council (it had {lines} lines at the last verify): it was deleted whole"),
                )
            }
            Finding::LogCut { seen, now } => lang.pick_owned(
                format!("发布记录只剩{now}条，上次核验时有{seen}条：末尾的发布记录被删除了"),
                format!("發布記錄只剩{now}條，上次核驗時有{seen}條：末尾的發布記錄被刪除了"),
                format!("the log of published heads holds {now} entries, and {seen} at the last verify: entries at its end were deleted"),
            ),
            Finding::Log(fault) => fault.describe(lang),
        }
    }
}
