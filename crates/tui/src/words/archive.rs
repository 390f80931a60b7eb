//! The words of the secretary's archive: past meetings, minutes, search, the ledger, a matter's history.

use yishi_text::Words;

// screens/archive

pub const SIGNED: Words = ["已签发", "已簽發", "signed"];
pub const UNSIGNED: Words = ["未签发", "未簽發", "unsigned"];
pub const PAST_MEETINGS_LATEST_FIRST: Words = [
    "往次会议（新的在前）",
    "往次會議（新的在前）",
    "Past meetings, latest first",
];
pub const ON_ITS_AGENDA: Words = ["本次议题", "本次議題", "On its agenda"];

// screens/history

pub const NOW: Words = ["现在", "現在", "Now"];
pub const SATISFACTION: Words = ["满意率", "滿意率", "satisfaction "];
pub const RECTIFIED: Words = ["整改", "整改", "rectified "];
pub const HISTORY_ENTER_OPENS_THAT_MEETINGS: Words = [
    "经过（Enter 打开该次会议纪要）",
    "經過（Enter 開啟該次會議紀要）",
    "History (Enter opens that meeting's minutes)",
];

// screens/ledger

pub const ALL: Words = ["全部", "全部", "all"];
pub const OPEN: Words = ["未办结", "未辦結", "open"];
pub const RECTIFYING: Words = ["整改中", "整改中", "rectifying"];
pub const COMPLETED: Words = ["办结", "辦結", "completed"];
pub const NOT_ADOPTED: Words = ["不予采纳", "不予採納", "not adopted"];
pub const RECT: Words = ["·整改", "·整改", "·rect."];
pub const ADOPTED: Words = ["✓ 通过", "✓ 通過", "✓ adopted"];
pub const REJECTED: Words = ["✗ 未通过", "✗ 未通過", "✗ rejected"];
pub const NO_DECISION: Words = ["✗ 未形成决议", "✗ 未形成決議", "✗ no decision"];
pub const NUMBER_HEADING: Words = ["编号", "編號", "No."];
pub const MATTER: Words = ["事项", "事項", "Matter"];
pub const NOW_AT: Words = ["当前", "當前", "Stage"];
pub const VOTE: Words = ["表决", "表決", "Vote"];
pub const TASKS_HEADING: Words = ["任务", "任務", "Tasks"];
pub const RATE: Words = ["满意率", "滿意率", "Rating"];

// screens/minutes

pub const NO_SEARCH_HITS_PRESS_TO: Words = [
    "没有搜索结果：按 / 搜索。",
    "沒有搜尋結果：按 / 搜尋。",
    "No search hits: press / to search.",
];
pub const THE_MEETING_HAS_NOT_ENDED: Words = [
    "会议尚未结束：结束前的修改直接在会议中记录。",
    "會議尚未結束：結束前的修改直接在會議中記錄。",
    "The meeting has not ended: record changes in the meeting itself.",
];
pub const SIGNED_MARK: Words = ["　✓ 已签发", "　✓ 已簽發", " · ✓ signed"];
pub const NOT_SIGNED: Words = ["　○ 未签发", "　○ 未簽發", " · ○ not signed"];
pub const MEETING_NOT_ENDED: Words = ["　会议未结束", "　會議未結束", " · meeting not ended"];
