//! The wall's own words: headings over its large figures, and what it says with no meeting.

use yishi_text::Words;

pub const ENTITLED: Words = ["应到", "應到", "Entitled"];
pub const PRESENT: Words = ["实到", "實到", "Present"];
pub const QUORUM_LOUD: Words = ["达到法定人数", "達到法定人數", "QUORUM"];
pub const NO_QUORUM_LOUD: Words = ["未达法定人数", "未達法定人數", "NO QUORUM"];
pub const OPINIONS_COLLECTED: Words = ["已收集意见", "已收集意見", "Opinions collected"];
pub const NOW_SPEAKING: Words = ["正在发言", "正在發言", "Speaking"];
pub const NEXT_TO_SPEAK: Words = ["下一位发言", "下一位發言", "Next to speak"];
pub const TASKS_ON_THE_WALL: Words = ["执行任务", "執行任務", "Tasks"];
pub const ADJOURNED_LOUD: Words = ["休会", "休會", "ADJOURNED"];
pub const ADJOURNED_SINCE: Words = ["休会开始时间", "休會開始時間", "adjourned at"];
pub const ENDED_LOUD: Words = ["散会", "散會", "MEETING CLOSED"];
pub const ENDED_AT: Words = ["散会时间：", "散會時間：", "Closed at "];
pub const NOT_VOTED_ON: Words = ["未表决", "未表決", "not voted on"];
pub const RECTIFY_LOUD: Words = ["整改", "整改", "RECTIFY"];
pub const COMPLETED_LOUD: Words = ["办结", "辦結", "COMPLETED"];
pub const NO_MEETING_RUNNING: Words = [
    "没有进行中的会议",
    "沒有進行中的會議",
    "No meeting is running",
];
pub const WALL_WAITS: Words = [
    "会议开始后，这里显示会场大屏。",
    "會議開始後，這裡顯示會場大螢幕。",
    "The room's screen appears here once a meeting begins.",
];
