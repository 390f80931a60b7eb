//! The words of setting a council up in the console: its form, its members' forms and the
//! council screen.

use yishi_text::Words;

pub const SET_UP_A_COUNCIL: Words = ["新建议事会", "新建議事會", "Set up a council"];
pub const COUNCIL_NAME: Words = [
    "议事会名称（如 青禾里社区居民议事会）",
    "議事會名稱（如 青禾里社區居民議事會）",
    "The council's name",
];
pub const RULE: Words = [
    "表决规则（左右键选择，下方为依据）",
    "表決規則（左右鍵選擇，下方為依據）",
    "Rule (Left/Right to choose; its statute below)",
];
pub const SATISFACTION_THRESHOLD: Words = [
    "群众评议满意率门槛（%，低于此数须整改）",
    "群眾評議滿意率門檻（%，低於此數須整改）",
    "Satisfaction threshold (%: below it, the matter is reworked)",
];
pub const ADD_A_MEMBER: Words = [
    "新增成员（保存后可接着录入下一位）",
    "新增成員（儲存後可接著錄入下一位）",
    "Add a member (the next one follows)",
];
pub const MEMBER_NAME: Words = ["姓名", "姓名", "Name"];
pub const AFFILIATION: Words = ["所属", "所屬", "Affiliation"];
pub const VOTING_OR_OBSERVING: Words = ["身份", "身份", "Standing"];
pub const VOTING_MEMBER: Words = ["表决成员", "表決成員", "voting member"];
pub const OBSERVING_NOT_AN_OWNER: Words = [
    "列席（业主大会只有业主表决，业主由房屋登记册导入）",
    "列席（業主大會只有業主表決，業主由房屋登記冊匯入）",
    "observer (only owners vote, and owners come from the register)",
];
pub const OBSERVING_MEMBER: Words = [
    "列席（不表决，不计入法定人数）",
    "列席（不表決，不計入法定人數）",
    "observer (no vote, not counted for quorum)",
];
pub const JOINS_ON: Words = [
    "加入日期（如 2026-12-5 或 12月5日）",
    "加入日期（如 2026-12-5 或 12月5日）",
    "Joins on (e.g. 2026-12-5, or 12-5 this year)",
];
pub const A_MEMBER_LEAVES: Words = ["成员离任", "成員離任", "A member leaves"];
pub const LEAVES_ON: Words = [
    "离任日期（当天起不在名单上）",
    "離任日期（當天起不在名單上）",
    "Leaves on (off the roll from that day)",
];
pub const MEMBER: Words = ["成员", "成員", "Member"];
pub const A_UNIT_PASSES_ON: Words = ["房屋过户", "房屋過戶", "A unit passes to a new owner"];
pub const THE_UNIT: Words = ["房号", "房號", "Unit"];
pub const PASSES_TO: Words = ["过户给", "過戶給", "Passes to"];
pub const A_NEW_OWNER: Words = [
    "新业主（姓名填在下一栏）",
    "新業主（姓名填在下一欄）",
    "a new owner (named below)",
];
pub const NEW_OWNERS_NAME: Words = ["新业主姓名", "新業主姓名", "The new owner's name"];
pub const PASSES_ON: Words = [
    "过户日期（当天起按新业主计票）",
    "過戶日期（當天起按新業主計票）",
    "Passes on (counted for the new owner from that day)",
];
pub const HOLDS_NO_UNIT: Words = [
    "所选成员名下没有房屋",
    "所選成員名下沒有房屋",
    "the selected member holds no unit",
];
pub const NO_MEMBERS_YET_PRESS_A: Words = [
    "还没有成员：按 a 逐一录入（姓名、所属、表决或列席），或在命令行用 yishi council import 导入名册。",
    "還沒有成員：按 a 逐一錄入（姓名、所屬、表決或列席），或在命令列用 yishi council import 匯入名冊。",
    "No members yet: press a to add them one by one (name, affiliation, voting or observing), or import a roster with yishi council import.",
];
pub const THE_COUNCIL: Words = ["议事会", "議事會", "The council"];
pub const NO_COUNCIL_TO_SHOW: Words = [
    "还没有议事会：在首页按 n 新建。",
    "還沒有議事會：在首頁按 n 新建。",
    "No council yet: press n on the home screen to set one up.",
];
pub const WHEN_DONE_PRESS_N: Words = [
    "成员录齐后按 Esc 回到首页，按 n 新建第一次会议。",
    "成員錄齊後按 Esc 回到首頁，按 n 新建第一次會議。",
    "With the members in, Esc goes home; n there starts the first meeting.",
];
pub const THRESHOLD_LABEL: Words = ["满意率门槛：", "滿意率門檻：", "Satisfaction threshold: "];
pub const QUORUM_RULE: Words = ["法定人数：", "法定人數：", "Quorum: "];
pub const PASSING_RULE: Words = ["通过：", "通過：", "Passes: "];
pub const GIVE_A_PROXY: Words = [
    "委托表决（本次会议；须有书面委托）",
    "委託表決（本次會議；須有書面委託）",
    "A proxy for this meeting (on a written authorisation)",
];
pub const REPRESENTED: Words = ["委托人", "委託人", "Represented"];
pub const PROXY_HOLDER: Words = ["受托人姓名", "受託人姓名", "Held by (name)"];
pub const AUTHORISED_ON: Words = ["委托书日期", "委託書日期", "Authorisation dated"];
pub const ADDED_NEXT_ONE: Words = [
    "已添加。接着录入下一位，或按 Esc 结束",
    "已新增。接著錄入下一位，或按 Esc 結束",
    "Added. The next one, or Esc to stop",
];
