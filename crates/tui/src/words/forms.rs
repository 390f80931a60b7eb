//! The words of the forms: their titles, fields and what they say when a value will not do.

use yishi_text::Words;

// archive_forms

pub const FILE: Words = [
    "文件名（可修改）",
    "檔名（可修改）",
    "File (edit as needed)",
];
pub const FORMAT: Words = ["格式", "格式", "Format"];
pub const THE_MEETINGS_PARTICULARS: Words =
    ["会议基本情况", "會議基本情況", "the meeting's particulars"];
pub const KEY_PASSWORD: Words = ["的密钥密码", "的金鑰密碼", "key password"];
pub const SIGN_WITH_KEYS: Words = [
    "用密钥签发：各签名人输入自己的密钥密码",
    "用金鑰簽發：各簽名人輸入自己的金鑰密碼",
    "Sign with keys: each signer types their own key password",
];
pub const NAME_THE_FILE: Words = ["请填写文件名。", "請填寫檔名。", "Name the file."];
pub const SEARCH_THE_MINUTES: Words = ["搜索纪要", "搜尋紀要", "Search the minutes"];
pub const WORDS_TO_FIND_A_NAME: Words = [
    "要找的字词（人名、日期、事项…）",
    "要找的字詞（人名、日期、事項…）",
    "Words to find (a name, a date, a matter…)",
];
pub const EXPORT_THE_MINUTES: Words = ["导出会议纪要", "匯出會議紀要", "Export the minutes"];
pub const EXPORT_THE_LEDGER: Words = ["导出事项台账", "匯出事項台賬", "Export the ledger"];
pub const CORRECT_THE_RECORD: Words = ["更正纪要", "更正紀要", "Correct the record"];
pub const WHAT_IS_CORRECTED: Words = ["更正哪一部分", "更正哪一部分", "What is corrected"];
pub const CORRECTED_BY: Words = ["更正人", "更正人", "Corrected by"];
pub const THE_CORRECTED_WORDING: Words = ["更正后的内容", "更正後的內容", "The corrected wording"];
pub const WHY: Words = ["更正理由", "更正理由", "Why"];

// forms/changes

pub const IS_NOT_A_REAL_TIME: Words = [
    "不是一个存在的时间（如 2026-11-22 14:30 或 11月22日 14:30）",
    "不是一個存在的時間（如 2026-11-22 14:30 或 11月22日 14:30）",
    " is not a real time (write 2026-11-22 14:30, or 11-22 14:30 this year)",
];

// forms/mod

pub const TITLE: Words = ["标题", "標題", "Title"];
pub const RESIDENT_NAME: Words = [
    "或：居民姓名（填写则以此为准）",
    "或：居民姓名（填寫則以此為準）",
    "or: a resident's name (used when filled in)",
];
pub const NO_ONE: Words = ["（无）", "（無）", "(none)"];
pub const BACK_TO_COLLECTION_FOR_NEW: Words = [
    "退回意见收集，重新征求意见",
    "退回意見收集，重新徵求意見",
    "back to collection for new opinions",
];
pub const NOT_ADOPTED_CLOSE_THE_MATTER: Words = [
    "不予采纳，事项关闭",
    "不予採納，事項關閉",
    "not adopted: close the matter",
];
pub const NEW_MEETING: Words = ["新建会议", "新建會議", "New meeting"];
pub const PLACE: Words = ["地点", "地點", "Place"];
pub const STARTS_YYYY_MM_DD_HH: Words = [
    "开始时间（年-月-日 时:分）",
    "開始時間（年-月-日 時:分）",
    "Starts (YYYY-MM-DD HH:MM)",
];
pub const CHAIR: Words = ["主持人", "主持人", "Chair"];
pub const RECORDER: Words = ["记录人", "記錄人", "Recorder"];
pub const SPEAKING_TIME_EACH_MINUTES: Words = [
    "每人发言限时（分钟）",
    "每人發言限時（分鐘）",
    "Speaking time each (minutes)",
];
pub const NEW_MATTER: Words = ["新增事项", "新增事項", "New matter"];
pub const RETITLE_MATTER: Words = ["更正事项名称", "更正事項名稱", "Put the title right"];
pub const MATTER_TITLE: Words = ["事项名称", "事項名稱", "Title"];
pub const SHORT_TITLE_FOR_THE_WALL: Words = [
    "投影用简称（可留空，8字以内为宜）",
    "投影用簡稱（可留空，8字以內為宜）",
    "Short title for the wall (optional, up to 8 characters)",
];
pub const RECORD_AN_OPINION: Words = ["记录意见", "記錄意見", "Record an opinion"];
pub const CORRECT_THE_OPINION: Words = [
    "更正意见（原记录留存）",
    "更正意見（原記錄留存）",
    "Put the opinion right (the original is kept)",
];
pub const CORRECT_THE_MOTION: Words = [
    "更正动议（表决前；原记录留存）",
    "更正動議（表決前；原記錄留存）",
    "Put the motion right (before the vote; the original is kept)",
];
pub const CORRECT_THE_TASK: Words = [
    "更正任务（原记录留存）",
    "更正任務（原記錄留存）",
    "Put the task right (the original is kept)",
];
pub const CORRECT_THE_SPEAKER: Words = [
    "更正发言记录（原记录留存）",
    "更正發言記錄（原記錄留存）",
    "Put the speaker's entry right (the original is kept)",
];
pub const FROM: Words = ["提出人", "提出人", "From"];
pub const CHANNEL: Words = ["渠道", "渠道", "Channel"];
pub const THE_OPINION: Words = ["意见内容", "意見內容", "The opinion"];
pub const ADD_A_SPEAKER: Words = ["登记发言人", "登記發言人", "Add a speaker"];
pub const SPEAKER: Words = ["发言人", "發言人", "Speaker"];
pub const STANCE: Words = ["立场", "立場", "Stance"];
pub const RECORD_THE_SPEECH: Words = ["记录发言", "記錄發言", "Record the speech"];
pub const SUMMARY: Words = ["发言要点", "發言要點", "Summary"];
pub const PROPOSE_A_MOTION: Words = ["提出动议", "提出動議", "Propose a motion"];
pub const THE_MOTION: Words = ["动议内容", "動議內容", "The motion"];
pub const PROPOSE_AN_AMENDMENT: Words = [
    "提出修正案（先于原动议表决）",
    "提出修正案（先於原動議表決）",
    "Propose an amendment (voted before the motion)",
];
pub const THE_MOTION_AS_AMENDED: Words = [
    "修正后的动议全文",
    "修正後的動議全文",
    "The motion as the amendment would have it",
];
pub const MOVED_BY: Words = ["提议人", "提議人", "Moved by"];
pub const SECONDED_BY: Words = ["附议人", "附議人", "Seconded by"];
pub const VOTE_BY: Words = ["表决方式", "表決方式", "Vote by"];
pub const ITEM_DECIDED: Words = ["决定事项", "決定事項", "Item decided"];
pub const CHOOSE_ONE: Words = ["（请选择）", "（請選擇）", "(choose one)"];
pub const COUNT_THE_BALLOT_BOX: Words = [
    "开箱计票：录入票数",
    "開箱計票：錄入票數",
    "Count the ballot box",
];
pub const ENTER_THE_COUNTS: Words = ["录入票数", "錄入票數", "Enter the counts"];
pub const THE_MOTION_FAILED_WHAT_NOW: Words = [
    "动议未通过：如何处理",
    "動議未通過：如何處理",
    "The motion failed: what now",
];
pub const DECISION: Words = ["处理", "處理", "Decision"];
pub const REASON: Words = ["理由", "理由", "Reason"];
pub const COMPLETED_WITH_TASKS_STILL_OPEN: Words = [
    "办结：任务未全部完成，请写明理由",
    "辦結：任務未全部完成，請寫明理由",
    "Completed with tasks still open: the reason",
];
pub const ADD_A_TASK: Words = ["新增任务", "新增任務", "Add a task"];
pub const TASK: Words = ["任务", "任務", "Task"];
pub const OWNER_PERSON_OR_DEPARTMENT: Words = [
    "责任人或部门",
    "責任人或部門",
    "Owner (person or department)",
];
pub const DUE_YYYY_MM_DD: Words = [
    "完成期限（如 2026-12-31 或 12月31日）",
    "完成期限（如 2026-12-31 或 12月31日）",
    "Due (e.g. 2026-12-31, or 12-31 this year)",
];
pub const SUPERVISED_FIELD: Words = ["督办", "督辦", "Supervised"];
pub const RECORD_PROGRESS: Words = ["记录进度", "記錄進度", "Record progress"];
pub const PERCENT_DONE_0_100: Words = [
    "完成百分比（0—100）",
    "完成百分比（0—100）",
    "Percent done (0-100)",
];
pub const NOTE: Words = ["进展说明", "進展說明", "Note"];
pub const RESIDENTS_REVIEW: Words = ["群众评议", "群眾評議", "Residents' review"];
pub const SATISFIED: Words = ["满意", "滿意", "Satisfied"];
pub const BASICALLY_SATISFIED: Words = ["基本满意", "基本滿意", "Basically satisfied"];
pub const DISSATISFIED: Words = ["不满意", "不滿意", "Dissatisfied"];
pub const COMMENTS_SEPARATE_WITH: Words = [
    "评议意见（多条用；分隔）",
    "評議意見（多條用；分隔）",
    "Comments (separated by ;)",
];
pub const PUT_AN_ELECTION: Words = ["提出选举", "提出選舉", "Put an election"];
pub const ELECTION_OF: Words = [
    "选举事项（如 选举雨水管道整治监督小组成员）",
    "選舉事項（如 選舉雨水管道整治監督小組成員）",
    "What is elected",
];
pub const SEATS: Words = ["应选名额", "應選名額", "Seats"];
pub const CANDIDATES_SEPARATED: Words = [
    "候选人（用、分隔；多于名额为差额选举）",
    "候選人（用、分隔；多於名額為差額選舉）",
    "Candidates (separated by commas; more than the seats: a contested election)",
];
pub const ELECTED_HOW: Words = ["当选规则", "當選規則", "Elected by"];
pub const MAJORITY_OF_VALID_BALLOTS: Words = [
    "获得有效选票过半数",
    "獲得有效選票過半數",
    "more than half of the valid ballots",
];
pub const MOST_VOTES: Words = ["得票多者当选", "得票多者當選", "the most votes"];
pub const WRITE_INS: Words = ["允许另选他人", "允許另選他人", "Write-ins count"];
pub const NOMINATED_BY: Words = ["提名人", "提名人", "Nominated by"];
pub const COUNT_THE_ELECTION: Words = [
    "开箱计票：逐名录入得票",
    "開箱計票：逐名錄入得票",
    "Count the box, name by name",
];
pub const VALID_BALLOTS: Words = ["有效选票", "有效選票", "Valid ballots"];
pub const VOTES_FOR: Words = ["得票", "得票", "Votes"];
pub const WRITE_IN_VOTES: Words = [
    "另选他人（姓名:票数，用；分隔）",
    "另選他人（姓名:票數，用；分隔）",
    "Write-ins (name: votes, separated by ;)",
];
pub const NO_CHOICE: Words = ["否", "否", "no"];
pub const YES_CHOICE: Words = ["是", "是", "yes"];
