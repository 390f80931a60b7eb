//! What `verify` and `repair` found and did, in the user's language.

use crate::words;
use chrono::NaiveDateTime;

use super::journal::Break;
use yishi_domain::MeetingId;
use yishi_text::Lang;

/// What a check found.
#[derive(Debug, Default)]
pub struct Report {
    pub changes: u64,
    /// Problems, the first found first; empty when all is well.
    pub problems: Vec<Finding>,
    /// For repair: the journal lines restored from the store, when it stood in for them.
    pub restored: Option<Restored>,
    /// For repair told to accept a loss: the journal lines it dropped.
    pub lost: Vec<Lost>,
    /// For repair: where the damaged files were moved.
    pub kept_aside: Vec<String>,
    /// For repair: the database was healthy and left exactly as it was.
    pub untouched: bool,
    /// For repair: damaged checkpoints were written again from the journal.
    pub checkpoints_remade: bool,
    /// For verify: the journal line of the checkpoint the store was held against, where it was
    /// held against one (and the journal's lines after it) rather than a replay of the whole.
    pub through_checkpoint: Option<u64>,
}

/// Journal lines restored from the store: their numbers, and how many records it held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Restored {
    pub from: u64,
    pub to: u64,
    pub records: usize,
}

/// A journal line a repair would drop: its number and, where it can still be read, its time
/// and meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lost {
    pub line: u64,
    pub at: Option<NaiveDateTime>,
    pub meeting: Option<MeetingId>,
}

impl Lost {
    pub fn describe(&self, lang: Lang) -> String {
        let mut s = lang.pick_owned(
            format!("日志第{}行", self.line),
            format!("日誌第{}行", self.line),
            format!("journal line {}", self.line),
        );
        if let Some(at) = self.at {
            s += &format!(" {}", at.format("%Y-%m-%d %H:%M:%S"));
        }
        if let Some(m) = self.meeting {
            s += &lang.pick_owned(
                format!("（会议 #{m}）"),
                format!("（會議 #{m}）"),
                format!(" (meeting #{m})"),
            );
        }
        if self.at.is_none() {
            s += lang.say(words::UNREADABLE);
        }
        s
    }
}

/// The kinds of record the store holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Council,
    Meeting,
    Matter,
    Motion,
}

impl Kind {
    pub(super) fn label(self, lang: Lang) -> &'static str {
        match self {
            Kind::Council => lang.say(words::COUNCIL),
            Kind::Meeting => lang.say(words::MEETING),
            Kind::Matter => lang.say(words::MATTER),
            Kind::Motion => lang.say(words::MOTION),
        }
    }
}

/// How a stored record disagrees with the journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Disagreement {
    Altered,
    Missing,
    NotInJournal,
}

/// Where a record belongs: its meeting (id, year, number) and when the journal last wrote it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Whereabouts {
    pub meeting: Option<(MeetingId, i32, u32)>,
    pub written: Option<NaiveDateTime>,
}

/// One problem `verify` found.
#[derive(Debug)]
pub enum Finding {
    /// A journal line whose hash does not match its content or the line before.
    Journal {
        line: u64,
        at: Whereabouts,
        why: Break,
    },
    /// A stored record that is not what the journal's changes make.
    Record {
        kind: Kind,
        id: u64,
        how: Disagreement,
        at: Whereabouts,
    },
    Count {
        store: u64,
        journal: u64,
    },
    Index,
    /// The store could not be read: the error's words.
    Store(Said),
    /// The journal breaks, and the store on its own is whole: repair can restore from it.
    StoreWhole,
    /// The journal breaks, and the store cannot be vouched for either.
    StoreDoubted(Doubt),
    /// A checkpoint file that is damaged or not on the journal: only a shortcut, made again
    /// from the journal by `repair`.
    Checkpoint(String),
    /// A signed meeting whose record is no longer the one its signers signed.
    Seal {
        broken: super::sealing::Broken,
        at: Whereabouts,
    },
}

impl Finding {
    pub fn describe(&self, lang: Lang) -> String {
        let place = |w: &Whereabouts, last: bool| {
            let mut parts = Vec::new();
            if let Some((id, year, number)) = w.meeting {
                let label = yishi_domain::MeetingNumber { year, number }.label(lang);
                parts.push(match lang {
                    Lang::En => format!("{label} (#{id})"),
                    Lang::ZhHant | Lang::ZhHans => label,
                });
            }
            if let Some(t) = w.written {
                let t = t.format("%Y-%m-%d %H:%M:%S");
                parts.push(if last {
                    lang.pick_owned(
                        format!("最后记录于 {t}"),
                        format!("最後記錄於 {t}"),
                        format!("last recorded {t}"),
                    )
                } else {
                    lang.pick_owned(
                        format!("记录于 {t}"),
                        format!("記錄於 {t}"),
                        format!("recorded {t}"),
                    )
                });
            }
            if parts.is_empty() {
                String::new()
            } else {
                match lang {
                    Lang::En => format!(" [{}]", parts.join(", ")),
                    _ => format!("（{}）", parts.join("，")),
                }
            }
        };
        match self {
            Finding::Journal { line, at, why } => {
                let why = match why {
                    Break::Unreadable(e) => lang.pick_owned(
                        format!("无法读取：{e}"),
                        format!("無法讀取：{e}"),
                        format!("unreadable: {e}"),
                    ),
                    Break::Numbered { found } => lang.pick_owned(
                        format!("编号为{found}，顺序被打乱"),
                        format!("編號為{found}，順序被打亂"),
                        format!("numbered {found} where {line} was expected"),
                    ),
                    Break::NotChained => lang
                        .pick(
                            "与上一条的哈希接不上（有记录被删除、插入或改动）",
                            "與上一條的雜湊接不上（有記錄被刪除、插入或改動）",
                            "it does not follow the line before (a line was removed, inserted or altered)",
                        )
                        .to_string(),
                    Break::Altered => lang
                        .pick(
                            "内容与其哈希不符，被改动过",
                            "內容與其雜湊不符，被改動過",
                            "its content does not match its hash: it was altered",
                        )
                        .to_string(),
                };
                let at = place(at, false);
                lang.pick_owned(
                    format!("日志第{line}条{at}：{why}"),
                    format!("日誌第{line}條{at}：{why}"),
                    format!("journal line {line}{at}: {why}"),
                )
            }
            Finding::Record { kind, id, how, at } => {
                let what = match how {
                    Disagreement::Altered => lang.say(words::DIFFERS_FROM_THE_JOURNAL_THE),
                    Disagreement::Missing => lang.say(words::IS_MISSING_FROM_THE_STORE),
                    Disagreement::NotInJournal => lang.say(words::IS_IN_THE_STORE_BUT),
                };
                let (kind, at) = (kind.label(lang), place(at, true));
                match lang {
                    Lang::En => format!("{kind} {id}{at} {what}"),
                    _ => format!("{kind} #{id}{at}{what}"),
                }
            }
            Finding::Count { store, journal } => lang.pick_owned(
                format!("数据库记有{store}项变更，日志记有{journal}项"),
                format!("資料庫記有{store}項變更，日誌記有{journal}項"),
                format!("the store holds {store} changes, the journal {journal}"),
            ),
            Finding::Index => lang
                .pick(
                    "索引（会议目录、未办结事项、各议事会的会议）与记录不一致，可用 `yishi repair` 重建",
                    "索引（會議目錄、未辦結事項、各議事會的會議）與記錄不一致，可用 `yishi repair` 重建",
                    "an index (meeting list, open matters, each council's meetings) does not match the records; `yishi repair` rebuilds it",
                )
                .to_string(),
            Finding::Store(Said([hans, hant, en])) => lang.pick(hans, hant, en).to_string(),
            Finding::Checkpoint(detail) => lang.pick_owned(
                format!("检查点文件已损坏或与日志不符（{detail}）：它只是读取日志的捷径，记录本身无损，`yishi repair` 会据日志重写"),
                format!("檢查點檔案已損壞或與日誌不符（{detail}）：它只是讀取日誌的捷徑，記錄本身無損，`yishi repair` 會據日誌重寫"),
                format!("a checkpoint file is damaged or not on the journal ({detail}): it is only a shortcut to reading the journal, the record itself is whole, and `yishi repair` writes it again from the journal"),
            ),
            Finding::StoreWhole => lang
                .pick(
                    "数据库本身完好（符合全部记录规则，日志完好部分的记录齐全）：`yishi repair` 会据数据库补回日志，不丢失任何记录",
                    "資料庫本身完好（符合全部記錄規則，日誌完好部分的記錄齊全）：`yishi repair` 會據資料庫補回日誌，不丟失任何記錄",
                    "the store itself is whole (it keeps every rule of the record and holds every record of the journal's intact part): `yishi repair` restores the journal from it and loses no record",
                )
                .to_string(),
            Finding::Seal { broken, at } => {
                let meeting = match &at.meeting {
                    Some((_, year, number)) => lang.pick_owned(
                        format!("{year}年第{number}次会议"),
                        format!("{year}年第{number}次會議"),
                        format!("the {year} meeting no. {number}"),
                    ),
                    None => {
                        let id = broken.meeting().0;
                        lang.pick_owned(
                            format!("会议 #{id}"),
                            format!("會議 #{id}"),
                            format!("meeting #{id}"),
                        )
                    }
                };
                match broken {
                    super::sealing::Broken::Rewritten { line, .. } => lang.pick_owned(
                        format!("{meeting}已签发，但日志在签发之后被改写：第{line}行签发时签名所认定的记录已不在日志中（哈希链虽接得上，却是重新计算的）。签发后的记录不能被采纳，`yishi repair` 不会据此重建"),
                        format!("{meeting}已簽發，但日誌在簽發之後被改寫：第{line}行簽發時簽名所認定的記錄已不在日誌中（雜湊鏈雖接得上，卻是重新計算的）。簽發後的記錄不能被採納，`yishi repair` 不會據此重建"),
                        format!("{meeting} was signed, but the journal was rewritten after it: the record its signers signed at line {line} is no longer in the journal (the hash chain holds, but was computed again). Nothing is rebuilt from it"),
                    ),
                    super::sealing::Broken::Invalid { line, .. } => lang.pick_owned(
                        format!("{meeting}的签发（日志第{line}行）与签名人登记的密钥不符：这一行或它之前的记录在签发后被改动过。签发后的记录不能被采纳，`yishi repair` 不会据此重建"),
                        format!("{meeting}的簽發（日誌第{line}行）與簽名人登記的金鑰不符：這一行或它之前的記錄在簽發後被改動過。簽發後的記錄不能被採納，`yishi repair` 不會據此重建"),
                        format!("the signature on {meeting} (journal line {line}) does not match its signers' registered keys: that line, or the record before it, was altered after signing. Nothing is rebuilt from it"),
                    ),
                    super::sealing::Broken::NotInJournal { .. } => lang.pick_owned(
                        format!("数据库中{meeting}的签发所认定的记录不在日志中：日志在签发之后被改写"),
                        format!("資料庫中{meeting}的簽發所認定的記錄不在日誌中：日誌在簽發之後被改寫"),
                        format!("the store holds {meeting} signed over a record the journal no longer holds: the journal was rewritten after the signature"),
                    ),
                }
            }
            Finding::StoreDoubted(doubt) => {
                let why = doubt_words(lang, doubt);
                lang.pick_owned(
                    format!("数据库也无法据以补回：{why}"),
                    format!("資料庫也無法據以補回：{why}"),
                    format!("the store cannot stand in for it either: {why}"),
                )
            }
        }
    }
}

fn doubt_words(lang: Lang, doubt: &Doubt) -> String {
    match doubt {
        Doubt::Invalid(problems) => problems
            .iter()
            .map(|p| p.describe(lang))
            .collect::<Vec<_>>()
            .join("；"),
        Doubt::Lacks(kind, id) => {
            let kind = kind.label(lang);
            lang.pick_owned(
                format!("缺少日志中的{kind} #{id}"),
                format!("缺少日誌中的{kind} #{id}"),
                format!("it lacks the journal's {kind} {id}"),
            )
        }
        Doubt::Behind { store, journal } => lang.pick_owned(
            format!("只有{store}项变更，少于日志完好部分的{journal}项"),
            format!("只有{store}項變更，少於日誌完好部分的{journal}項"),
            format!("it holds {store} changes, fewer than the journal's intact {journal}"),
        ),
        Doubt::OtherHead(seq) => lang.pick_owned(
            format!("其第{seq}项变更与日志中的不是同一项"),
            format!("其第{seq}項變更與日誌中的不是同一項"),
            format!("its change {seq} is not the journal's"),
        ),
    }
}

/// Why a store cannot stand in for a broken journal.
#[derive(Debug)]
pub enum Doubt {
    /// It breaks the record's own rules.
    Invalid(Vec<yishi_domain::Problem>),
    /// It lacks a record the intact part of the journal holds.
    Lacks(Kind, u64),
    /// It holds fewer changes than the intact part of the journal.
    Behind { store: u64, journal: u64 },
    /// Its last change is not the journal's change of that number.
    OtherHead(u64),
}

/// What an error said, in 简体, 繁體 and English: a finding keeps the words, not the error, so
/// that an error may carry findings (a repair refused) without the two types holding each
/// other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said(pub [String; 3]);
