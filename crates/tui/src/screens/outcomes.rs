//! What became of what was put to the meeting beside its motion: the amendments settled on it,
//! and an election's count and who it elects.

use crate::words;
use crate::words::values;
use ratatui::text::Line;

use super::wrapped;
use crate::model::Model;
use yishi_domain::{Ballots, Matter, Motion, VoteState};
use yishi_text::Lang;

/// The amendments settled on motion `v`, each with what became of it.
pub fn amendments(model: &Model, m: &Matter, v: &Motion, cols: u16) -> Vec<Line<'static>> {
    let t = &model.theme;
    let mut lines = Vec::new();
    for a in model.data.amendments_of(m, v.id) {
        let (said, style) = match (a.state, a.passed) {
            (_, Some(true)) => (model.say(words::ADOPTED_THE_MOTION_NOW_READS), t.ok()),
            (_, Some(false)) => (model.say(words::AMENDMENT_FAILED), t.bad()),
            (VoteState::Withdrawn, _) => (model.say(words::MOTION_WITHDRAWN), t.muted()),
            (VoteState::Deferred, _) => (model.say(words::MOTION_DEFERRED), t.warn()),
            _ => continue,
        };
        let counted = if a.state == VoteState::Closed {
            format!("{}，", tally_words(model, a))
        } else {
            String::new()
        };
        let text = format!(
            "{}「{}」：{counted}{said}",
            model.say(words::AMENDMENT),
            a.text
        );
        lines.extend(wrapped(&text, cols, style));
    }
    lines
}

/// An election on the floor: the seats and candidates, and once counted, each name's votes and
/// who is elected or tied.
pub fn election_lines(
    model: &Model,
    e: &yishi_domain::election::Election,
    cols: u16,
) -> Vec<Line<'static>> {
    let t = &model.theme;
    let mut lines = wrapped(
        &values::election_put(model.lang, e.seats, &e.candidates, e.contested()),
        cols,
        t.muted(),
    );
    if let Some(count) = &e.count {
        let votes: Vec<String> = count
            .votes
            .iter()
            .map(|(n, v)| format!("{n} {v}"))
            .collect();
        lines.extend(wrapped(&votes.join(model.lang.gap()), cols, t.base()));
    }
    if let Some(o) = e.outcome() {
        let said = values::elected(model.lang, &o.elected, &o.tied);
        let style = if o.complete() { t.ok() } else { t.warn() };
        lines.extend(wrapped(&said, cols, style));
    }
    lines
}

pub fn tally_words(model: &Model, v: &Motion) -> String {
    // An election's box, once counted: ballots, not yes and no.
    if let (Some(count), Ballots::Secret { voted, .. }) = (
        v.election.as_ref().and_then(|e| e.count.as_ref()),
        &v.ballots,
    ) {
        return values::election_box(model.lang, voted.len(), count.valid, count.spoiled);
    }
    let mut t = v.tally();
    // Owners vote in person or in writing: those yet to vote are all who have not.
    if model
        .data
        .council
        .as_ref()
        .is_some_and(|c| yishi_domain::rule_for(c, v).votes_in_writing())
    {
        t.present = t.entitled;
    }
    if let Ballots::Secret { voted, .. } = &v.ballots {
        let handed_in = voted.len();
        if !v.ballots.counted() {
            return match model.lang {
                Lang::En => format!(
                    "ballots in the box {handed_in} of {}; counted when the box is opened",
                    t.present
                ),
                Lang::ZhHant => format!("已投票 {handed_in}／{} 人，開箱後計票", t.present),
                Lang::ZhHans => format!("已投票 {handed_in}／{} 人，开箱后计票", t.present),
            };
        }
        return match model.lang {
            Lang::En => format!(
                "yes {}  no {}  abstain {}  spoiled {}  not voted {}",
                t.yes,
                t.no,
                t.abstain,
                t.spoiled,
                t.not_voting()
            ),
            Lang::ZhHant => format!(
                "贊成 {}　反對 {}　棄權 {}　廢票 {}　未投 {}",
                t.yes,
                t.no,
                t.abstain,
                t.spoiled,
                t.not_voting()
            ),
            Lang::ZhHans => format!(
                "赞成 {}　反对 {}　弃权 {}　废票 {}　未投 {}",
                t.yes,
                t.no,
                t.abstain,
                t.spoiled,
                t.not_voting()
            ),
        };
    }
    match model.lang {
        Lang::En => format!(
            "yes {}  no {}  abstain {}  not voted {}",
            t.yes,
            t.no,
            t.abstain,
            t.not_voting()
        ),
        Lang::ZhHant => format!(
            "贊成 {}　反對 {}　棄權 {}　未投 {}",
            t.yes,
            t.no,
            t.abstain,
            t.not_voting()
        ),
        Lang::ZhHans => format!(
            "赞成 {}　反对 {}　弃权 {}　未投 {}",
            t.yes,
            t.no,
            t.abstain,
            t.not_voting()
        ),
    }
}
