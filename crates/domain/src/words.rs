//! The domain's words in 简体, 繁體 and English, each entry all three (the type allows no
//! fewer): the labels of fields and records that refusals name. What a refusal says, with its
//! values, is written out in `refusal/words.rs`.

use yishi_text::Words;

// council

pub const COMMUNITY_PARTY_COMMITTEE: Words = ["社区党委", "社區黨委", "Community Party committee"];
pub const COMPOUND_PARTY_BRANCH: Words = ["小区党支部", "小區黨支部", "Compound Party branch"];
pub const OWNERS_COMMITTEE: Words = ["业委会", "業委會", "Owners' committee"];
pub const PROPERTY_COMPANY: Words = ["物业公司", "物業公司", "Property company"];
pub const RESIDENT_REPRESENTATIVE: Words = ["居民代表", "居民代表", "Resident representative"];
pub const UNIT_OWNER: Words = ["业主", "業主", "Owner"];

// document

pub const TEXT: Words = ["文字", "文字", "text"];

// law

pub const PERCENT: Words = ["进度百分比", "進度百分比", "percent"];
pub const SECONDS: Words = ["发言用时", "發言用時", "time used"];
pub const SPEAKER_LIMIT: Words = ["发言限时", "發言限時", "speaking time limit"];
pub const COUNT: Words = ["人数", "人數", "count"];
pub const START: Words = ["开会时间", "開會時間", "start of the meeting"];
pub const END: Words = ["散会时间", "散會時間", "end of the meeting"];
pub const ADJOURNED: Words = ["休会时间", "休會時間", "adjournment"];
pub const RESUMED: Words = ["复会时间", "復會時間", "resumption"];
pub const SIGNED: Words = ["签发时间", "簽發時間", "signature"];
pub const NAME: Words = ["名称", "名稱", "name"];
pub const TITLE: Words = ["标题", "標題", "title"];
pub const PLACE: Words = ["地点", "地點", "place"];
pub const OWNER: Words = ["责任人", "責任人", "owner"];
pub const SPEAKER: Words = ["发言人", "發言人", "speaker"];
pub const CONTENT: Words = ["内容", "內容", "text"];
pub const TASK: Words = ["任务", "任務", "task"];
pub const REASON: Words = ["理由", "理由", "reason"];
pub const SUMMARY: Words = ["发言要点", "發言要點", "summary"];
pub const COMMENT: Words = ["评议意见", "評議意見", "comment"];

// matter

pub const COLLECT: Words = ["意见收集", "意見收集", "Collection"];
pub const HEAR: Words = ["公开听证", "公開聽證", "Hearing"];
pub const DECIDE: Words = ["民主决策", "民主決策", "Decision"];
pub const EXECUTE: Words = ["执行督办", "執行督辦", "Execution"];
pub const REVIEW: Words = ["群众评议", "群眾評議", "Review"];
pub const COMPLETED: Words = ["办结", "辦結", "Completed"];
pub const NOT_ADOPTED: Words = ["不予采纳", "不予採納", "Not adopted"];
pub const COMMENT_BOOK: Words = ["意见簿", "意見簿", "comment book"];
pub const HOME_VISIT: Words = ["上门走访", "上門走訪", "home visit"];
pub const ONLINE: Words = ["线上", "線上", "online"];
pub const PHONE: Words = ["电话", "電話", "phone"];
pub const COUNCIL_HALL: Words = ["议事厅", "議事廳", "council hall"];
pub const FOR: Words = ["支持", "支持", "for"];
pub const AGAINST: Words = ["反对", "反對", "against"];
pub const NEUTRAL: Words = ["中立", "中立", "neutral"];

// meeting

pub const PRESENT: Words = ["出席", "出席", "present"];
pub const ABSENT: Words = ["缺席", "缺席", "absent"];
pub const EXCUSED: Words = ["请假", "請假", "excused"];
pub const OBSERVING: Words = ["列席", "列席", "observing"];
pub const PREPARING: Words = ["筹备", "籌備", "preparing"];
pub const IN_PROGRESS: Words = ["进行中", "進行中", "in progress"];
pub const ENDED: Words = ["已结束", "已結束", "ended"];

// vote

pub const SHOW_OF_HANDS: Words = ["举手表决", "舉手表決", "show of hands"];
pub const ROLL_CALL: Words = ["记名投票", "記名投票", "roll call"];
pub const SECRET_BALLOT: Words = ["无记名投票", "無記名投票", "secret ballot"];
pub const YES: Words = ["赞成", "贊成", "yes"];
pub const NO: Words = ["反对", "反對", "no"];
pub const ABSTAIN: Words = ["弃权", "棄權", "abstain"];

// apply/subject

pub const COMMENTS: Words = ["评议意见条数", "評議意見條數", "number of comments"];

// validate/mod

pub const CORRECTED: Words = ["更正时间", "更正時間", "correction"];
pub const MOVED: Words = ["到会或离会时间", "到會或離會時間", "arrival or departure"];
pub const STEP: Words = ["步骤变更时间", "步驟變更時間", "step change"];

// validate/motion

pub const OPENED: Words = ["表决开始时间", "表決開始時間", "opening of the vote"];
pub const CLOSED: Words = ["表决结束时间", "表決結束時間", "close of the vote"];
pub const RECOUNTED: Words = ["重新计票时间", "重新計票時間", "recount"];

// refusal/mod

pub const COUNCIL: Words = ["议事会", "議事會", "council"];
pub const MEMBER: Words = ["成员", "成員", "member"];
pub const JOINED: Words = ["加入日期", "加入日期", "day of joining"];
pub const THRESHOLD: Words = ["满意度门槛", "滿意度門檻", "satisfaction threshold"];
pub const MEETING: Words = ["会议", "會議", "meeting"];
pub const MATTER: Words = ["事项", "事項", "matter"];
pub const MOTION: Words = ["动议", "動議", "motion"];
