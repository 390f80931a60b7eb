//! One matter's whole history across meetings, in the order things happened.

use chrono::NaiveDate;
use std::collections::BTreeMap;

use super::history_words as w;
use super::input::who;
use yishi_domain::{Council, Matter, MeetingId, Motion, MotionId, Stage, Step};
use yishi_store::MeetingHead;
use yishi_text::Lang;

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
    lang: Lang,
) -> Vec<Event> {
    let l = lang;
    // Each meeting the matter names is read once.
    let known = std::cell::RefCell::new(BTreeMap::new());
    let head = |id: MeetingId| {
        let mut known = known.borrow_mut();
        known.entry(id).or_insert_with(|| meeting(id)).clone()
    };
    let label = |id: MeetingId| {
        head(id).map_or_else(
            || format!("#{id}"),
            |h| super::ledger_words::meeting(l, h.year, h.number),
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
                    text: yishi_text::sanitize_line(&text),
                });
            }
        };
    push(
        Some(x.opened.date()),
        x.opened_in,
        None,
        w::opened(l, &x.title),
    );
    for o in &x.opinions {
        push(
            Some(o.date),
            o.meeting,
            Some(Step::Collect),
            w::opinion(l, &who(council, &o.author, l), o.channel.label(l), &o.text),
        );
    }
    for s in x.speeches.iter().filter(|s| s.done) {
        push(
            None,
            s.meeting,
            Some(Step::Hear),
            w::speech(
                l,
                &who(council, &s.speaker, l),
                s.stance.label(l),
                &s.summary,
            ),
        );
    }
    for v in x.motions.iter().filter_map(|id| motions.get(id)) {
        let t = v.tally();
        let result = match v.passed {
            Some(passed) => w::counted(l, t.yes, t.no, t.abstain, passed),
            None => w::not_put(l),
        };
        push(
            v.closed.or(v.opened).map(|t| t.date()),
            v.meeting,
            Some(Step::Decide),
            w::motion(
                l,
                v.amends.is_some(),
                v.mode.label(l),
                yishi_text::clause(&v.text),
                &result,
            ),
        );
    }
    for (i, t) in x.tasks.iter().enumerate() {
        let n = super::words::ordinal(l, i + 1);
        push(
            None,
            t.meeting,
            Some(Step::Execute),
            w::task(l, &n, &t.text, &t.owner, &t.due.to_string()),
        );
        for p in &t.progress {
            push(
                Some(p.date),
                p.meeting,
                Some(Step::Execute),
                w::progress(l, &n, p.percent, &p.note),
            );
        }
    }
    for r in &x.reviews {
        let rate = r.rate_permille().unwrap_or(0);
        push(
            None,
            r.meeting,
            Some(Step::Review),
            w::review(
                l,
                r.satisfied,
                r.basically_satisfied,
                r.dissatisfied,
                &format!("{}.{}%", rate / 10, rate % 10),
            ),
        );
    }
    for t in &x.history {
        let mut text = format!("{} → {}", t.from.label(l), t.to.label(l));
        if !t.reason.is_empty() {
            text += &w::why(l, &t.reason);
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
