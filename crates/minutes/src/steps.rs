//! Each of the five steps of a matter as the minutes give it for one meeting: （一）意见收集 to
//! （五）群众评议.

use std::collections::BTreeMap;

use super::input::{MinutesInput, who};
use super::step_words as s;
use super::words as w;
use yishi_domain::{Closure, Matter, Stage};

pub(super) fn collect(input: &MinutesInput<'_>, x: &Matter) -> Vec<String> {
    let mine: Vec<_> = x
        .opinions
        .iter()
        .filter(|o| o.meeting == input.meeting.id)
        .collect();
    if mine.is_empty() {
        return vec![];
    }
    let mut by_channel: BTreeMap<_, usize> = BTreeMap::new();
    for o in &mine {
        *by_channel.entry(o.channel).or_default() += 1;
    }
    let l = input.lang;
    let channels: Vec<String> = by_channel
        .iter()
        .map(|(ch, n)| s::by_channel(l, ch.label(l), *n))
        .collect();
    let mut out = vec![s::opinions(l, mine.len(), &w::list(l, &channels))];
    for (i, o) in mine.iter().enumerate() {
        out.push(s::opinion(
            l,
            i + 1,
            &who(input.council, &o.author, l),
            o.channel.label(l),
            &w::date(l, o.date),
            &o.text,
        ));
    }
    out
}

pub(super) fn hear(input: &MinutesInput<'_>, x: &Matter) -> Vec<String> {
    let mine: Vec<_> = x
        .speeches
        .iter()
        .filter(|s| s.meeting == input.meeting.id && s.done)
        .collect();
    let l = input.lang;
    if mine.is_empty() {
        // The matter passed through the hearing at this meeting with nobody heard: said so,
        // as the ledger has it reached.
        let hear = Stage::At(yishi_domain::Step::Hear);
        let heard_here = x
            .history
            .iter()
            .any(|t| t.meeting == input.meeting.id && (t.to == hear || t.from == hear));
        return if heard_here {
            vec![s::nobody_heard(l)]
        } else {
            vec![]
        };
    }
    let count = |st| mine.iter().filter(|x| x.stance == st).count();
    let limit = input.meeting.speaker_limit_secs;
    let limit = if limit.is_multiple_of(60) {
        s::minutes_limit(l, limit / 60)
    } else {
        s::seconds_limit(l, limit)
    };
    let mut out = vec![s::speakers(
        l,
        mine.len(),
        count(yishi_domain::Stance::For),
        count(yishi_domain::Stance::Against),
        count(yishi_domain::Stance::Neutral),
        &limit,
    )];
    for (i, x) in mine.iter().enumerate() {
        out.push(s::speech(
            l,
            i + 1,
            &who(input.council, &x.speaker, l),
            x.stance.label(l),
            &s::used(l, x.seconds_used),
            &x.summary,
        ));
    }
    out
}

pub(super) fn execute(input: &MinutesInput<'_>, x: &Matter) -> Vec<String> {
    let l = input.lang;
    let today = input.meeting.start.date();
    let mut out = Vec::new();
    for (i, t) in x.tasks.iter().enumerate() {
        let new = t.meeting == input.meeting.id;
        let notes: Vec<_> = t
            .progress
            .iter()
            .filter(|p| p.meeting == input.meeting.id)
            .collect();
        let supervision: Vec<_> = t
            .supervision
            .iter()
            .filter(|s| s.meeting == input.meeting.id)
            .collect();
        if !new && notes.is_empty() && supervision.is_empty() {
            continue;
        }
        let mut line = s::task(
            l,
            &w::ordinal(l, i + 1),
            yishi_text::clause(&t.text),
            yishi_text::clause(&t.owner),
            &w::date(l, t.due),
        );
        if new && t.supervised {
            line += &s::supervised(l);
        }
        line += w::stop(l);
        out.push(line);
        for sv in supervision {
            out.push(s::supervision(l, sv.on));
        }
        for p in notes {
            let mut line = s::progress(l, &w::date(l, p.date), p.percent, &p.note);
            if p.percent < 100 && p.date > t.due {
                line += &s::late(l);
            }
            out.push(line);
        }
        let percent = t
            .progress
            .iter()
            .filter(|p| p.date <= today || p.meeting == input.meeting.id)
            .map(|p| p.percent)
            .next_back()
            .unwrap_or(0);
        if percent < 100 && today > t.due {
            out.push(s::overdue(l, percent));
        }
    }
    out
}

pub(super) fn review(input: &MinutesInput<'_>, x: &Matter) -> Vec<String> {
    let l = input.lang;
    let threshold = input.council.satisfaction_threshold;
    let mut out = Vec::new();
    for r in x.reviews.iter().filter(|r| r.meeting == input.meeting.id) {
        let rate = r.rate_permille().unwrap_or(0);
        let rate = format!("{}.{}%", rate / 10, rate % 10);
        let counts = (
            r.total(),
            r.satisfied,
            r.basically_satisfied,
            r.dissatisfied,
        );
        let mut line = s::review(l, counts, &rate, threshold);
        line += &s::review_verdict(l, r.passed);
        out.push(line);
        for (i, c) in r.comments.iter().enumerate() {
            out.push(s::review_comment(l, i + 1, c));
        }
    }
    // 办结 with tasks still open: the reason it was concluded all the same.
    for t in x.history.iter().filter(|t| {
        t.meeting == input.meeting.id
            && t.to == Stage::Closed(Closure::Completed)
            && !t.waiver.is_empty()
    }) {
        let done = x.tasks.iter().filter(|k| k.percent() >= 100).count();
        out.push(s::completed_anyway(l, done, x.tasks.len(), &t.waiver));
    }
    out
}
