//! Why a change to who sits on a council was refused, and what it says.

use chrono::NaiveDate;

use crate::names::spelled;
use yishi_text::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Membership {
    /// A date on or before the council's latest ended meeting: its roll stands as it was.
    RollClosed {
        on: NaiveDate,
        held: NaiveDate,
    },
    /// Another member serving then has this name: the roll call could not tell them apart.
    SameName {
        name: String,
        /// The spelling already on the roll, which may differ by what the eye cannot see.
        other: String,
    },
    AlreadyLeft {
        name: String,
        on: NaiveDate,
    },
    /// On an owners' council a voter holds units on the register: anyone else sits in.
    NotAnOwner {
        name: String,
    },
    LeavesBeforeJoining {
        name: String,
        since: NaiveDate,
    },
    /// Not on the roll of the meeting's day (joined later, or left before).
    NotServing {
        name: String,
        on: NaiveDate,
    },
}

impl Membership {
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Membership::RollClosed { on, held } => lang.pick_owned(
                format!("{on}：日期须晚于最近一次已结束的会议（{held}），那次会议的名单已经确定"),
                format!("{on}：日期須晚於最近一次已結束的會議（{held}），那次會議的名單已經確定"),
                format!(
                    "{on} is not after the last meeting held ({held}): that meeting's roll stands"
                ),
            ),
            Membership::SameName { name, other } => {
                let (ours, theirs) = (spelled(name), spelled(other));
                if ours == theirs {
                    lang.pick_owned(
                        format!("已有一位名叫{name}的成员；同名时请加上区分（如{name}（3号楼））"),
                        format!("已有一位名叫{name}的成員；同名時請加上區分（如{name}（3號樓））"),
                        format!(
                            "a member named {name} already sits; add something to tell them apart (e.g. {name} (block 3))"
                        ),
                    )
                } else {
                    lang.pick_owned(
                        format!("“{ours}”与已有成员“{theirs}”看起来是同一个名字，只差看不见或写法不同的字符，点名时无法区分"),
                        format!("「{ours}」與已有成員「{theirs}」看起來是同一個名字，只差看不見或寫法不同的字元，點名時無法區分"),
                        format!(
                            "\"{ours}\" looks the same as \"{theirs}\", already a member: they differ only by characters the eye cannot tell apart"
                        ),
                    )
                }
            }
            Membership::NotAnOwner { name } => lang.pick_owned(
                format!("{name}在房屋登记册上没有房屋：业主大会只有业主表决，其他人只能列席"),
                format!("{name}在房屋登記冊上沒有房屋：業主大會只有業主表決，其他人只能列席"),
                format!("{name} holds no unit on the register: only owners vote at an owners' meeting, anyone else sits in"),
            ),
            Membership::AlreadyLeft { name, on } => lang.pick_owned(
                format!("{name}已于{on}离任"),
                format!("{name}已於{on}離任"),
                format!("{name} left on {on}"),
            ),
            Membership::LeavesBeforeJoining { name, since } => lang.pick_owned(
                format!("{name}于{since}加入，离任日期不能早于加入日期"),
                format!("{name}於{since}加入，離任日期不能早於加入日期"),
                format!("{name} joined on {since}: they cannot leave before that"),
            ),
            Membership::NotServing { name, on } => lang.pick_owned(
                format!("{name}在{on}不是本议事会成员（尚未加入或已离任）"),
                format!("{name}在{on}不是本議事會成員（尚未加入或已離任）"),
                format!("{name} was not a member on {on} (not yet joined, or left)"),
            ),
        }
    }
}
