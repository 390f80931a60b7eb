//! What a refusal and a document's problem say, in 简体, 繁體 and English: the domain's
//! messages, one place for all of them.

use super::{Issue, Label, Problem, Refusal};
use crate::document::SCHEMA;
use yishi_text::{Fault, Lang};

fn say(lang: Lang, l: &Label) -> &'static str {
    lang.pick(l[0], l[1], l[2])
}

/// What is wrong with a field's text, naming the field and, for an invisible character, which.
fn text_fault(lang: Lang, field: &Label, fault: Fault) -> String {
    let name = say(lang, field);
    match fault {
        Fault::Empty => lang.pick_owned(
            format!("{name}不能为空"),
            format!("{name}不能為空"),
            format!("{name} is empty"),
        ),
        Fault::Control => lang.pick_owned(
            format!("{name}含有控制字符（如终端转义序列）"),
            format!("{name}含有控制字元（如終端轉義序列）"),
            format!("{name} holds control characters (such as a terminal escape)"),
        ),
        Fault::Invisible(c) => {
            let code = format!("U+{:04X}", c as u32);
            lang.pick_owned(
                format!("{name}含有看不见的字符（{code}），请删去后重新输入"),
                format!("{name}含有看不見的字元（{code}），請刪去後重新輸入"),
                format!(
                    "{name} holds an invisible character ({code}); remove it and type it again"
                ),
            )
        }
        Fault::LineBreak => lang.pick_owned(
            format!("{name}只能写一行，不能换行"),
            format!("{name}只能寫一行，不能換行"),
            format!("{name} is one line: no line breaks"),
        ),
        Fault::TooLong { max } => lang.pick_owned(
            format!("{name}太长：最多{max}个字"),
            format!("{name}太長：最多{max}個字"),
            format!("{name} is too long: {max} characters at most"),
        ),
    }
}

impl Refusal {
    pub fn describe(&self, lang: Lang) -> String {
        let zh = lang != Lang::En;
        let hant = lang == Lang::ZhHant;
        let pick = |a: String, b: String, c: String| match lang {
            Lang::ZhHans => a,
            Lang::ZhHant => b,
            Lang::En => c,
        };
        match self {
            Refusal::Storage(e) => pick(
                format!("读取数据失败：{e}"),
                format!("讀取資料失敗：{e}"),
                format!("could not read the database: {e}"),
            ),
            Refusal::Missing { what, id } => {
                if zh {
                    format!(
                        "{}{}{id}",
                        lang.pick("找不到", "找不到", ""),
                        say(lang, what)
                    )
                } else {
                    format!("no {} {id}", what[2])
                }
            }
            Refusal::Exists { what, id } => pick(
                format!("{}{id}已存在", what[0]),
                format!("{}{id}已存在", what[1]),
                format!("{} {id} already exists", what[2]),
            ),
            Refusal::NotEmpty => pick(
                "只能导入到空数据库；请用 --db 指定一个新目录".into(),
                "只能匯入到空資料庫；請用 --db 指定一個新目錄".into(),
                "import only goes into an empty database; name a new directory with --db".into(),
            ),
            Refusal::Invalid(problems) => problems
                .iter()
                .map(|p| p.describe(lang))
                .collect::<Vec<_>>()
                .join("\n"),
            Refusal::MeetingState { state } => pick(
                format!("会议处于「{}」状态，不能进行此操作", state.label(lang)),
                format!("會議處於「{}」狀態，不能進行此操作", state.label(lang)),
                format!("the meeting is {}: not possible now", state.label(lang)),
            ),
            Refusal::WrongCouncil => pick(
                "该事项不属于本议事会".into(),
                "該事項不屬於本議事會".into(),
                "the matter belongs to another council".into(),
            ),
            Refusal::NotOnAgenda => pick(
                "该事项不在本次会议议程上".into(),
                "該事項不在本次會議議程上".into(),
                "the matter is not on this meeting's agenda".into(),
            ),
            Refusal::AlreadyOnAgenda => pick(
                "该事项已在议程上".into(),
                "該事項已在議程上".into(),
                "the matter is already on the agenda".into(),
            ),
            Refusal::NotAMember { id } => pick(
                format!("成员{id}不属于本议事会"),
                format!("成員{id}不屬於本議事會"),
                format!("member {id} is not on this council"),
            ),
            Refusal::NotVoting { name } => pick(
                format!("{name}是列席人员，没有表决权"),
                format!("{name}是列席人員，沒有表決權"),
                format!("{name} is an observer and cannot vote"),
            ),
            Refusal::NotPresent { name } => pick(
                format!("{name}未登记出席，不能投票"),
                format!("{name}未登記出席，不能投票"),
                format!("{name} is not marked present and cannot vote"),
            ),
            Refusal::NoQuorum {
                present,
                entitled,
                needed: [hans, hant, en],
            } => pick(
                format!("不足法定人数，不能表决：应到{entitled}人，实到{present}人，须{hans}"),
                format!("不足法定人數，不能表決：應到{entitled}人，實到{present}人，須{hant}"),
                format!(
                    "no quorum, the vote cannot open: {present} of {entitled} present; the rule needs {en}"
                ),
            ),
            Refusal::VoteState => pick(
                "表决不在可进行此操作的状态".into(),
                "表決不在可進行此操作的狀態".into(),
                "the vote is not in a state that allows this".into(),
            ),
            Refusal::AnotherVoteOpen => pick(
                "该事项已有一项表决正在进行".into(),
                "該事項已有一項表決正在進行".into(),
                "another vote on this matter is open".into(),
            ),
            Refusal::AlreadyVoted { name } => pick(
                format!("{name}已经投过票；如需更正请使用更正"),
                format!("{name}已經投過票；如需更正請使用更正"),
                format!("{name} has already voted; correct the ballot instead"),
            ),
            Refusal::NotVotedYet { name } => pick(
                format!("{name}尚未投票，无可更正"),
                format!("{name}尚未投票，無可更正"),
                format!("{name} has not voted: nothing to correct"),
            ),
            Refusal::WrongMode { mode } => pick(
                format!("本次表决为{}，不能这样计票", mode.label(lang)),
                format!("本次表決為{}，不能這樣計票", mode.label(lang)),
                format!("this vote is by {}: not counted that way", mode.label(lang)),
            ),
            Refusal::SecretByName => pick(
                "无记名投票不按人记录选择：只登记谁已投票，开箱计票后一次录入票数".into(),
                "無記名投票不按人記錄選擇：只登記誰已投票，開箱計票後一次錄入票數".into(),
                "a secret ballot records no one's choice: record who has voted, then enter the totals once the box is counted".into(),
            ),
            Refusal::BoxOpened => pick(
                "票箱已开箱计票，不能再投票".into(),
                "票箱已開箱計票，不能再投票".into(),
                "the ballot box has been opened and counted: no more ballots".into(),
            ),
            Refusal::BoxNotCounted => pick(
                "尚未开箱计票：请先录入票数".into(),
                "尚未開箱計票：請先錄入票數".into(),
                "the ballot box has not been counted: enter the totals first".into(),
            ),
            Refusal::BoxMiscounted { counted, handed_in } => pick(
                format!("计票合计{counted}张（含废票），与投票人数{handed_in}人不符"),
                format!("計票合計{counted}張（含廢票），與投票人數{handed_in}人不符"),
                format!("{counted} ballots counted (spoiled included), but {handed_in} were handed in"),
            ),
            Refusal::SpoiledByHand => pick(
                "举手表决没有废票".into(),
                "舉手表決沒有廢票".into(),
                "a show of hands has no spoiled ballots".into(),
            ),
            Refusal::CountAboveAttendance { total, present } => pick(
                format!("票数合计{total}票，超过实到人数{present}人"),
                format!("票數合計{total}票，超過實到人數{present}人"),
                format!("{total} votes counted but only {present} present"),
            ),
            Refusal::WrongStage { stage, wanted } => {
                let wanted = if hant {
                    wanted
                        .replace("执行", "執行")
                        .replace("评议", "評議")
                        .replace("决策", "決策")
                        .replace("听证", "聽證")
                } else {
                    wanted.to_string()
                };
                pick(
                    format!("事项处于「{}」，须在「{wanted}」阶段", stage.label(lang)),
                    format!("事項處於「{}」，須在「{wanted}」階段", stage.label(lang)),
                    format!(
                        "the matter is at {}; this needs {wanted}",
                        stage.label(lang)
                    ),
                )
            }
            Refusal::NeedsAdoptedMotion => pick(
                "事项须经表决通过才能进入执行".into(),
                "事項須經表決通過才能進入執行".into(),
                "a matter goes to execution only by an adopted motion".into(),
            ),
            Refusal::ReviewBeforeExecution => pick(
                "事项尚未执行，不能进行群众评议".into(),
                "事項尚未執行，不能進行群眾評議".into(),
                "the matter has not been executed and cannot be reviewed".into(),
            ),
            Refusal::NoTasks => pick(
                "尚无执行任务，不能进入评议".into(),
                "尚無執行任務，不能進入評議".into(),
                "no tasks yet: nothing to review".into(),
            ),
            Refusal::NoRejectedMotion => pick(
                "该事项没有未通过的表决".into(),
                "該事項沒有未通過的表決".into(),
                "the matter has no rejected motion".into(),
            ),
            Refusal::NoDecisionYet => pick(
                "上次表决参与的人数不足，未形成决议：事项仍待表决，可另提动议再表决，不能据此退回或不予采纳".into(),
                "上次表決參與的人數不足，未形成決議：事項仍待表決，可另提動議再表決，不能據此退回或不予採納".into(),
                "too few took part in the last vote, so nothing was decided: the matter still awaits a vote; move another, but it cannot be sent back or closed on that vote".into(),
            ),
            Refusal::NoReview => pick(
                "尚未录入评议结果".into(),
                "尚未錄入評議結果".into(),
                "no review counts entered yet".into(),
            ),
            Refusal::Text { field, fault } => text_fault(lang, field, *fault),
            Refusal::CannotMove { name } => pick(
                format!("{name}未出席或没有表决权，不能提议或附议"),
                format!("{name}未出席或沒有表決權，不能提議或附議"),
                format!("{name} is not a voting member present and cannot move or second"),
            ),
            Refusal::CannotSpeak { name } => pick(
                format!("{name}不在会场（未出席也未列席），不能登记发言"),
                format!("{name}不在會場（未出席也未列席），不能登記發言"),
                format!("{name} is not in the room (neither present nor observing) and cannot speak"),
            ),
            Refusal::TasksUnfinished { done, total } => pick(
                format!("任务尚未全部完成（{done}/{total}），不能办结；如确需办结，请写明理由"),
                format!("任務尚未全部完成（{done}/{total}），不能辦結；如確需辦結，請寫明理由"),
                format!("only {done} of {total} tasks are done: give a reason to conclude it all the same"),
            ),
            Refusal::OutOfOrder { earlier, later } => pick(
                format!("{}早于{}，时间先后不对", later[0], earlier[0]),
                format!("{}早於{}，時間先後不對", later[1], earlier[1]),
                format!("the {} is before the {}", later[2], earlier[2]),
            ),
            Refusal::PresentMismatch { recorded, roll } => pick(
                format!(
                    "表决时记为应到{}人、实到{}人，而当时的出席名单是应到{}人、实到{}人",
                    recorded.1, recorded.0, roll.1, roll.0
                ),
                format!(
                    "表決時記為應到{}人、實到{}人，而當時的出席名單是應到{}人、實到{}人",
                    recorded.1, recorded.0, roll.1, roll.0
                ),
                format!(
                    "the vote records {} present of {}, but the roll when it opened says {} of {}",
                    recorded.0, recorded.1, roll.0, roll.1
                ),
            ),
            Refusal::MissingTime { what } => pick(
                format!("缺少{}", what[0]),
                format!("缺少{}", what[1]),
                format!("the {} is missing", what[2]),
            ),
            Refusal::OutOfRange { field } => pick(
                format!("{}超出范围", field[0]),
                format!("{}超出範圍", field[1]),
                format!("{} is out of range", field[2]),
            ),
            Refusal::SameMoverAndSeconder => pick(
                "提议人和附议人不能是同一人".into(),
                "提議人和附議人不能是同一人".into(),
                "mover and seconder must differ".into(),
            ),
            Refusal::AlreadySigned { at } => {
                let at = at.format("%Y-%m-%d %H:%M");
                pick(
                    format!("本次会议纪要已于{at}签发；如有错误请做更正"),
                    format!("本次會議紀要已於{at}簽發；如有錯誤請做更正"),
                    format!("the minutes were signed at {at}; make a correction instead"),
                )
            }
            Refusal::Adjourned => pick(
                "会议正在休会：复会（S）后才能继续记录".into(),
                "會議正在休會：復會（S）後才能繼續記錄".into(),
                "the meeting stands adjourned: resume it (S) to record more".into(),
            ),
            Refusal::NotAdjourned => pick(
                "会议没有休会".into(),
                "會議沒有休會".into(),
                "the meeting is not adjourned".into(),
            ),
            Refusal::AlreadyHeard => pick(
                "这位发言人已经发过言，位置不能再调整".into(),
                "這位發言人已經發過言，位置不能再調整".into(),
                "that speaker has been heard; their place stays".into(),
            ),
            Refusal::NoEntry => pick(
                "没有这条记录".into(),
                "沒有這條記錄".into(),
                "there is no such entry".into(),
            ),
            Refusal::NothingToStepBack => pick(
                "这个事项在本次会议中没有前进过，没有可退回的一步".into(),
                "這個事項在本次會議中沒有前進過，沒有可退回的一步".into(),
                "the matter has not moved on at this meeting: there is no step to take back".into(),
            ),
            Refusal::StepInUse { step } => pick(
                format!(
                    "「{}」中已有本次会议的记录，不能退回；请先撤回那些记录",
                    step.label(Lang::ZhHans)
                ),
                format!(
                    "「{}」中已有本次會議的記錄，不能退回；請先撤回那些記錄",
                    step.label(Lang::ZhHant)
                ),
                format!(
                    "{} already holds entries of this meeting; withdraw them first",
                    step.label(Lang::En)
                ),
            ),
            Refusal::Sealed => pick(
                "这条记录属于往次会议，已经封存；如有错误请在该次会议纪要中更正".into(),
                "這條記錄屬於往次會議，已經封存；如有錯誤請在該次會議紀要中更正".into(),
                "that entry belongs to an earlier meeting and is sealed; correct it in that meeting's minutes".into(),
            ),
            Refusal::Membership(m) => m.describe(lang),
            Refusal::Record(r) => r.describe(lang),
            Refusal::Amendment(a) => a.describe(lang),
            Refusal::Sealing(s) => s.describe(lang),
            Refusal::Owners(o) => o.describe(lang),
            Refusal::Item(i) => i.describe(lang),
            Refusal::Proxy(p) => p.describe(lang),
            Refusal::StepWithoutMatter => pick(
                "更正某一步骤时须指明事项".into(),
                "更正某一步驟時須指明事項".into(),
                "a correction to a step must name its matter".into(),
            ),
        }
    }
}

impl Problem {
    pub fn describe(&self, lang: Lang) -> String {
        let p = &self.place;
        let at = lang.pick("位置", "位置", "at");
        let body = match &self.what {
            Issue::Syntax(e) => format!("{}：{e}", lang.pick("格式错误", "格式錯誤", "malformed")),
            Issue::BadDate(v) => lang.pick_owned(
                format!(
                    "日期或时间不存在或格式不对（{v}），应写作 2026-11-22 或 2026-11-22T14:30:00"
                ),
                format!(
                    "日期或時間不存在或格式不對（{v}），應寫作 2026-11-22 或 2026-11-22T14:30:00"
                ),
                format!(
                    "not a real date or time ({v}); write it as 2026-11-22 or 2026-11-22T14:30:00"
                ),
            ),
            Issue::Format => lang
                .pick(
                    "不是议事记录导出文件",
                    "不是議事記錄匯出檔案",
                    "not a yishi export document",
                )
                .to_string(),
            Issue::NewerSchema(v) => lang.pick_owned(
                format!("数据版本{v}高于本程序支持的版本{SCHEMA}，请升级程序"),
                format!("資料版本{v}高於本程式支援的版本{SCHEMA}，請升級程式"),
                format!("schema version {v} is newer than this program's ({SCHEMA}); update yishi"),
            ),
            Issue::Control => lang
                .pick(
                    "含有控制字符或看不见的字符（如终端转义序列、零宽空格）",
                    "含有控制字元或看不見的字元（如終端轉義序列、零寬空格）",
                    "holds a control or invisible character (such as a terminal escape or a zero-width space)",
                )
                .to_string(),
            Issue::TooLarge(limit) => {
                let mb = limit >> 20;
                lang.pick_owned(
                    format!("一条记录超过{mb} MB仍未结束：文件不完整或不是导出文件，没有继续读取"),
                    format!("一條記錄超過{mb} MB仍未結束：檔案不完整或不是匯出檔案，沒有繼續讀取"),
                    format!("a record runs past {mb} MB without ending: the input is not a whole export, and reading stopped"),
                )
            }
            Issue::Duplicate => lang
                .pick("编号重复", "編號重複", "duplicate id")
                .to_string(),
            Issue::Unknown(kind, id) => lang.pick_owned(
                format!("引用了不存在的编号{id}（{kind}）"),
                format!("引用了不存在的編號{id}（{kind}）"),
                format!("unknown {kind} {id}"),
            ),
            Issue::ResultMismatch => lang
                .pick(
                    "表决结果与票数不符",
                    "表決結果與票數不符",
                    "the recorded result does not follow from the votes",
                )
                .to_string(),
            Issue::Refused(r) => r.describe(lang),
            Issue::Inconsistent(what) => format!(
                "{}：{what}",
                lang.pick("数据不一致", "資料不一致", "inconsistent")
            ),
        };
        format!("{at} {p}: {body}")
    }
}
