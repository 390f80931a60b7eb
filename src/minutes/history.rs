//! One matter's whole history across meetings, in the order things happened.

use chrono::NaiveDate;
use std::collections::BTreeMap;

use super::input::who;
use crate::domain::{Council, Matter, MeetingId, Motion, MotionId, Stage, Step};
use crate::store::MeetingHead;

/// One thing that happened to a matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub date: NaiveDate,
    pub meeting_id: MeetingId,
    /// 2026年第3次
    pub meeting: String,
    pub step: Option<Step>,
    pub text: String,
}

/// Everything recorded on `x`, oldest first (entries of one day keep the order they were made).
pub fn events(
    council: &Council,
    x: &Matter,
    motions: &BTreeMap<MotionId, Motion>,
    meeting: &dyn Fn(MeetingId) -> Option<MeetingHead>,
) -> Vec<Event> {
    // Each meeting the matter names is read once.
    let known = std::cell::RefCell::new(BTreeMap::new());
    let head = |id: MeetingId| {
        let mut known = known.borrow_mut();
        known.entry(id).or_insert_with(|| meeting(id)).clone()
    };
    let label = |id: MeetingId| {
        head(id).map_or_else(
            || format!("#{id}"),
            |h| format!("{}年第{}次", h.year, h.number),
        )
    };
    let day = |id: MeetingId| head(id).map(|h| h.start.date());
    let mut out = Vec::new();
    let mut push =
        |date: Option<NaiveDate>, meeting: MeetingId, step: Option<Step>, text: String| {
            if let Some(date) = date.or(day(meeting)) {
                out.push(Event {
                    date,
                    meeting_id: meeting,
                    meeting: label(meeting),
                    step,
                    text: crate::text::sanitize_line(&text),
                });
            }
        };
    push(
        Some(x.opened.date()),
        x.opened_in,
        None,
        format!("立项：{}", x.title),
    );
    for o in &x.opinions {
        push(
            Some(o.date),
            o.meeting,
            Some(Step::Collect),
            format!(
                "意见（{}，{}）：{}",
                who(council, &o.author, ZH),
                o.channel.label(ZH),
                o.text
            ),
        );
    }
    for s in x.speeches.iter().filter(|s| s.done) {
        push(
            None,
            s.meeting,
            Some(Step::Hear),
            format!(
                "发言（{}，{}）：{}",
                who(council, &s.speaker, ZH),
                s.stance.label(ZH),
                s.summary
            ),
        );
    }
    for v in x.motions.iter().filter_map(|id| motions.get(id)) {
        let t = v.tally();
        let result = match v.passed {
            Some(true) => format!("赞成{}，反对{}，弃权{}，通过", t.yes, t.no, t.abstain),
            Some(false) => format!("赞成{}，反对{}，弃权{}，未通过", t.yes, t.no, t.abstain),
            None => "未付表决".to_string(),
        };
        push(
            v.closed.or(v.opened).map(|t| t.date()),
            v.meeting,
            Some(Step::Decide),
            format!(
                "{}（{}）：{}。{result}",
                if v.amends.is_some() {
                    "修正案"
                } else {
                    "动议"
                },
                v.mode.label(ZH),
                crate::text::clause(&v.text),
            ),
        );
    }
    for (i, t) in x.tasks.iter().enumerate() {
        let n = crate::text::chinese_number(i as u32 + 1);
        push(
            None,
            t.meeting,
            Some(Step::Execute),
            format!("任务{n}：{}；责任人：{}；期限：{}", t.text, t.owner, t.due),
        );
        for p in &t.progress {
            push(
                Some(p.date),
                p.meeting,
                Some(Step::Execute),
                format!("任务{n}进度{}%：{}", p.percent, p.note),
            );
        }
    }
    for r in &x.reviews {
        let rate = r.rate_permille().unwrap_or(0);
        push(
            None,
            r.meeting,
            Some(Step::Review),
            format!(
                "评议：满意{}，基本满意{}，不满意{}，满意率{}.{}%",
                r.satisfied,
                r.basically_satisfied,
                r.dissatisfied,
                rate / 10,
                rate % 10
            ),
        );
    }
    for t in &x.history {
        let mut text = format!("{} → {}", t.from.label(ZH), t.to.label(ZH));
        if !t.reason.is_empty() {
            text += &format!("（{}）", t.reason);
        }
        let step = match t.to {
            Stage::At(s) => Some(s),
            Stage::Closed(_) => None,
        };
        push(Some(t.at.date()), t.meeting, step, text);
    }
    out.sort_by_key(|e| e.date);
    out
}

const ZH: crate::text::Lang = crate::text::Lang::ZhHans;
