//! The words of the floor beyond a plain motion: amendments, owners' votes by share, and the
//! election's box.

use yishi_text::Words;

pub const ONLY_A_MOTION_NOT_YET_PUT_AMENDED: Words = [
    "只有尚未付表决的动议可以提出修正案。",
    "只有尚未付諸表決的動議可以提出修正案。",
    "Only a motion not yet put to the vote can be amended.",
];
pub const AN_AMENDMENT_IS_BEFORE_THE: Words = [
    "修正案正在审议：先对它表决（或撤回、暂缓），再就修正后的动议提出新的修正案。",
    "修正案正在審議：先對它表決（或撤回、暫緩），再就修正後的動議提出新的修正案。",
    "An amendment is before the meeting: vote on it (or withdraw or defer it) first.",
];
pub const AMENDMENT_TO: Words = ["修正案　原动议：", "修正案　原動議：", "Amendment to: "];
pub const AMENDMENT: Words = ["修正案", "修正案", "Amendment"];
pub const ADOPTED_THE_MOTION_NOW_READS: Words = [
    "通过，动议已按其修改",
    "通過，動議已按其修改",
    "adopted: the motion now reads so",
];
pub const AMENDMENT_FAILED: Words = ["未通过", "未通過", "not adopted"];
pub const AMENDMENT_VOTED_FIRST: Words = [
    "修正案（先于原动议表决）",
    "修正案（先於原動議表決）",
    "Amendment (voted before the motion)",
];
pub const AMENDED_NOW_READS_SO: Words = [
    "✓ 修正案已通过，动议按修正案修改，待表决",
    "✓ 修正案已通過，動議按修正案修改，待表決",
    "✓ Amendment adopted: the motion reads as amended, to be voted on",
];
pub const IN_WRITING: Words = ["（书面）", "（書面）", " (in writing)"];
pub const TAKING_PART: Words = ["参与表决", "參與表決", "Taking part"];
pub const IN_FAVOUR_SHARE: Words = ["同意", "同意", "In favour"];
pub const BY_AREA: Words = ["面积", "面積", "area  "];
pub const BY_HEADCOUNT: Words = ["人数", "人數", "owners"];
pub const SHARES_AT_THE_VOTE: Words = [
    "参与比例按每项表决计算",
    "參與比例按每項表決計算",
    "shares counted at each vote",
];
pub const THE_BOX_IS_NOT_COUNTED: Words =
    ["票箱尚未计票", "票箱尚未計票", "the box is not yet counted"];
pub const ITEM_DECIDED_COLON: Words = ["决定事项：", "決定事項：", "Item decided: "];
pub const PASSES_WHEN: Words = ["通过须", "通過須", "Passes when "];
pub const WRITTEN_OPINIONS_COUNT: Words = [
    "未到会者会前提交的书面意见计入票数（选中其姓名录入）",
    "未到會者會前提交的書面意見計入票數（選中其姓名錄入）",
    "written opinions handed in before the meeting by those absent count as votes (select the name to record one)",
];
pub const BY_AREA_AND_HEADCOUNT: Words = [
    "按面积和人数双重计算",
    "按面積和人數雙重計算",
    "by area and by headcount",
];
