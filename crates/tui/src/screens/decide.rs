//! 民主决策: the motion, opening the vote (refused without a quorum), ballots member by
//! member or counts, the live tally, and the result by the council's rule.

use crate::words;
use crate::words::values;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use yishi_domain::{
    CastBallot, CloseVote, CorrectBallot, DeferMotion, HandInBallot, OpenVote, WithdrawMotion,
};

use super::{outcomes, panel, span_lines, turnout_spans, wrapped};
use crate::action::Action;
use crate::effect::Effect;
use crate::forms;
use crate::model::Model;
use yishi_domain::{Ballots, Change, Choice, Matter, Motion, Stage, Step, VoteMode, VoteState};

fn motion<'a>(model: &'a Model, m: &Matter) -> Option<&'a Motion> {
    model.data.motion_on_floor(m)
}

/// The matter's last motion, its amendments aside.
pub fn last_motion<'a>(model: &'a Model, m: &Matter) -> Option<&'a Motion> {
    m.motions
        .iter()
        .rev()
        .filter_map(|id| model.data.motions.get(id))
        .find(|v| v.amends.is_none())
}

fn no_motion(model: &Model) -> Vec<Effect> {
    vec![Effect::Refuse(model.say(words::NO_MOTION_YET_PRESS_M))]
}

fn not_open(model: &Model) -> Vec<Effect> {
    vec![Effect::Refuse(model.say(words::THE_VOTE_IS_NOT_OPEN))]
}

/// A ballot by name (`Some(choice)`), or a secret ballot handed in (`None`).
fn ballot(model: &Model, m: &Matter, choice: Option<Choice>) -> Vec<Effect> {
    let Some(v) = motion(model, m) else {
        return no_motion(model);
    };
    if v.state != VoteState::Open {
        return not_open(model);
    }
    let why = match (v.mode, choice) {
        (VoteMode::ShowOfHands, _) => Some(model.say(words::SHOW_OF_HANDS_PRESS_C)),
        (VoteMode::Secret, Some(_)) => Some(model.say(words::A_SECRET_BALLOT_RECORDS_NO)),
        (VoteMode::RollCall, None) => Some(model.say(words::ROLL_CALL_KEYS)),
        _ => None,
    };
    if let Some(why) = why {
        return vec![Effect::Refuse(why)];
    }
    let voters = super::ballots::voters(model);
    let Some(member) = voters.get(model.selected).copied() else {
        return Vec::new();
    };
    let motion = v.id;
    let change = match choice {
        None => Change::HandInBallot(HandInBallot { motion, member }),
        // A changed ballot is a recorded correction, never an overwrite.
        Some(choice) if matches!(&v.ballots, Ballots::Named(map) if map.contains_key(&member)) => {
            Change::CorrectBallot(CorrectBallot {
                motion,
                member,
                choice,
            })
        }
        Some(choice) => Change::CastBallot(CastBallot {
            motion,
            member,
            choice,
        }),
    };
    // On to the next voter, as ballots are called.
    let next = (model.selected + 1).min(voters.len().saturating_sub(1));
    vec![Effect::record(change, vec![Effect::Select(next)])]
}

/// What the rule says of motion `v`'s tally, at the line of the item it decides, in the
/// interface language; `no_decision`: too few took part for the vote to decide anything.
pub fn verdict(model: &Model, v: &Motion, passed: bool, no_decision: bool) -> String {
    let Some(c) = &model.data.council else {
        return String::new();
    };
    let rule = yishi_domain::rule_for(c, v);
    if no_decision {
        let why = if rule.counts_area() {
            model.say(words::BY_AREA_AND_HEADCOUNT)
        } else {
            rule.no_quorum_said(model.lang)
        };
        return values::no_decision(model.lang, &why);
    }
    // Owners' votes pass on several shares at once, each shown beside it: the verdict says so.
    let why = match (rule.counts_area(), passed) {
        (true, _) => model.say(words::BY_AREA_AND_HEADCOUNT),
        (false, true) => rule.passing_said(model.lang),
        (false, false) => rule.failing_said(model.lang),
    };
    values::verdict(model.lang, passed, &why)
}

pub fn update(model: &Model, action: Action) -> Vec<Effect> {
    let (Some((m, _)), Some(meeting)) = (model.matter(), model.meeting_id()) else {
        return Vec::new();
    };
    let open = motion(model, m).filter(|v| v.state == VoteState::Open);
    // Nothing new is moved while a vote is open: said now, not after the form is filled.
    if open.is_some() && matches!(action, Action::ProposeMotion | Action::ProposeElection) {
        let why = yishi_domain::Refusal::AnotherVoteOpen.describe(model.lang);
        return vec![Effect::Refuse(why)];
    }
    match action {
        Action::ProposeMotion => vec![Effect::form(forms::motion(
            &model.data,
            m.id,
            meeting,
            model.lang,
        ))],
        Action::ProposeElection => vec![Effect::form(forms::election::election(
            &model.data,
            m.id,
            meeting,
            model.lang,
        ))],
        Action::ProposeAmendment => match motion(model, m) {
            Some(v) if v.state == VoteState::Proposed && v.amends.is_none() => {
                forms::amendment(&model.data, v.id, model.lang)
                    .map(Effect::form)
                    .into_iter()
                    .collect()
            }
            Some(v) if v.amends.is_some() && v.pending() => {
                vec![Effect::Refuse(model.say(words::AN_AMENDMENT_IS_BEFORE_THE))]
            }
            Some(_) => vec![Effect::Refuse(
                model.say(words::ONLY_A_MOTION_NOT_YET_PUT_AMENDED),
            )],
            None => no_motion(model),
        },
        Action::OpenVote => match motion(model, m) {
            Some(v) if v.state != VoteState::Proposed => {
                vec![Effect::Refuse(model.say(words::ONLY_A_MOTION_NOT_YET_PUT))]
            }
            Some(v) => vec![
                Effect::record_saying(
                    Change::OpenVote(OpenVote { motion: v.id }),
                    model.say(words::THE_VOTE_IS_OPEN),
                ),
                Effect::Select(0),
            ],
            None => no_motion(model),
        },
        Action::CorrectSelected => match motion(model, m) {
            Some(v) if v.state == VoteState::Proposed => {
                crate::forms::motion_correction(&model.data, v.id, model.lang)
                    .map(Effect::form)
                    .into_iter()
                    .collect()
            }
            Some(_) => vec![Effect::Refuse(model.say(words::ONLY_A_MOTION_NOT_YET_PUT))],
            None => no_motion(model),
        },
        Action::WithdrawMotion | Action::DeferMotion => match motion(model, m) {
            Some(v) if v.state == VoteState::Proposed => {
                let withdraw = action == Action::WithdrawMotion;
                let question = values::set_aside(model.lang, withdraw, &v.text);
                let change = if withdraw {
                    Change::WithdrawMotion(WithdrawMotion { motion: v.id })
                } else {
                    Change::DeferMotion(DeferMotion { motion: v.id })
                };
                vec![Effect::ask(question, vec![change])]
            }
            Some(_) => vec![Effect::Refuse(model.say(words::ONLY_A_MOTION_NOT_YET_PUT))],
            None => no_motion(model),
        },
        Action::VoteYes => ballot(model, m, Some(Choice::Yes)),
        Action::VoteNo => ballot(model, m, Some(Choice::No)),
        Action::VoteAbstain => ballot(model, m, Some(Choice::Abstain)),
        Action::HandInBallot => ballot(model, m, None),
        Action::EnterCounts => match open {
            Some(v) if v.mode == VoteMode::RollCall => {
                vec![Effect::Refuse(model.say(words::A_ROLL_CALL_IS_COUNTED))]
            }
            Some(v) => vec![Effect::form(match &v.election {
                Some(e) => forms::election::election_counts(v.id, e),
                None => forms::counts(v.id, v.mode == VoteMode::Secret),
            })],
            None => not_open(model),
        },
        Action::CloseVote if open.is_some_and(|v| !v.ballots.counted()) => {
            vec![Effect::Refuse(
                yishi_domain::Refusal::BoxNotCounted.describe(model.lang),
            )]
        }
        Action::CloseVote => match (open, &model.data.council, &model.data.meeting) {
            (Some(v), Some(_), Some(_)) if v.election.is_some() => {
                let said = v.election.as_ref().and_then(|e| e.outcome()).map_or_else(
                    || model.say(words::THE_BOX_IS_NOT_COUNTED),
                    |o| values::elected(model.lang, &o.elected, &o.tied),
                );
                let question = format!(
                    "{}{said}{}",
                    model.say(words::CLOSE_THE_VOTE),
                    model.say(words::CONFIRM)
                );
                let change = Change::CloseVote(CloseVote { motion: v.id });
                vec![Effect::ask(question, vec![change])]
            }
            (Some(v), Some(c), Some(m)) => {
                let no_decision =
                    v.election.is_none() && !yishi_domain::decision(c, m, v).quorate();
                let outcome = verdict(model, v, yishi_domain::passed(c, m, v), no_decision);
                let question = format!(
                    "{}{}。{}{outcome}{}",
                    model.say(words::CLOSE_THE_VOTE),
                    outcomes::tally_words(model, v),
                    model.say(words::THE_RESULT_WILL_BE),
                    model.say(words::CONFIRM),
                );
                vec![Effect::ask(
                    question,
                    vec![Change::CloseVote(CloseVote { motion: v.id })],
                )]
            }
            _ => not_open(model),
        },
        Action::ResolveRejected => match yishi_domain::rejection_waits(last_motion(model, m)) {
            Ok(()) => vec![Effect::form(forms::resolve(m.id, meeting, model.lang))],
            Err(why) => vec![Effect::Refuse(why.describe(model.lang))],
        },
        _ => Vec::new(),
    }
}

pub fn view(frame: &mut Frame, area: Rect, model: &Model, m: &Matter) {
    let (Some(c), Some(meeting)) = (&model.data.council, &model.data.meeting) else {
        return;
    };
    let t = &model.theme;
    let [left, right] = Layout::horizontal([Constraint::Fill(3), Constraint::Fill(2)]).areas(area);
    let cols = left.width.saturating_sub(2);
    let mut lines = Vec::new();
    match motion(model, m) {
        None => lines.extend(wrapped(
            &model.say(words::NO_MOTION_YET_PRESS_M),
            cols,
            t.muted(),
        )),
        Some(v) => {
            // An amendment is shown with the motion it would change.
            if let Some(main) = v.amends.and_then(|id| model.data.motions.get(&id)) {
                let head = format!("{}{}", model.say(words::AMENDMENT_TO), main.text);
                lines.extend(wrapped(&head, cols, t.muted()));
            }
            lines.extend(wrapped(&v.text, cols, t.title()));
            if let Some(e) = &v.election {
                lines.extend(outcomes::election_lines(model, e, cols));
            }
            let seconder = v.seconder.map_or(model.say(words::NONE), |s| c.name_of(s));
            let gap = model.lang.gap();
            lines.push(Line::from(Span::styled(
                format!(
                    "{}{}{gap}{}{seconder}{gap}{}",
                    model.say(words::MOVED),
                    c.name_of(v.mover),
                    model.say(words::SECONDED),
                    v.mode.label(model.lang),
                ),
                t.muted(),
            )));
            if let Some(said) = item_decided(model, c, v) {
                lines.extend(wrapped(&said, cols, t.muted()));
                let rule = yishi_domain::rule_for(c, v);
                let passes = format!(
                    "{}{}",
                    model.say(words::PASSES_WHEN),
                    rule.passing_said_whole(model.lang)
                );
                lines.extend(wrapped(&passes, cols, t.muted()));
                if rule.written && rule.quorum_at_opening() {
                    let said = model.say(words::WRITTEN_OPINIONS_COUNT);
                    lines.extend(wrapped(&said, cols, t.muted()));
                }
            }
            lines.push(Line::default());
            let state = match v.state {
                VoteState::Proposed => {
                    Span::styled(model.say(words::PROPOSED_V_OPENS_THE_VOTE), t.warn())
                }
                VoteState::Open => Span::styled(model.say(words::VOTING), t.current()),
                VoteState::Closed => Span::styled(model.say(words::CLOSED), t.muted()),
                VoteState::Withdrawn => Span::styled(model.say(words::MOTION_WITHDRAWN), t.muted()),
                VoteState::Deferred => Span::styled(model.say(words::MOTION_DEFERRED), t.warn()),
            };
            lines.push(Line::from(state));
            if matches!(v.state, VoteState::Open | VoteState::Closed) {
                lines.push(Line::from(Span::styled(
                    outcomes::tally_words(model, v),
                    t.title(),
                )));
            }
            if let Some(passed) = v.passed {
                let (mark, style) = if passed {
                    ("✓ ", t.ok())
                } else {
                    ("✗ ", t.bad())
                };
                lines.extend(wrapped(
                    &format!("{mark}{}", verdict(model, v, passed, v.no_decision)),
                    cols,
                    style,
                ));
                if !passed && m.stage.is_open() {
                    let next = if v.no_decision {
                        words::NO_DECISION_MOVE_AGAIN
                    } else {
                        words::PRESS_R_SEND_BACK_FOR
                    };
                    lines.extend(wrapped(&model.say(next), cols, t.warn()));
                }
                if passed && m.stage == Stage::At(Step::Execute) {
                    lines.extend(wrapped(
                        &model.say(words::NOW_AT_EXECUTION_PRESS_TAB),
                        cols,
                        t.muted(),
                    ));
                }
            }
        }
    }
    if let Some(v) = motion(model, m).filter(|v| v.amends.is_none()) {
        lines.extend(outcomes::amendments(model, m, v, cols));
    }
    // Owners: both shares against the statute's lines, as the wall shows them.
    if let Some(v) = motion(model, m).filter(|v| v.state != VoteState::Proposed) {
        let d = yishi_domain::decision(c, meeting, v);
        let bars = super::shares::lines(model, &d, cols);
        if !bars.is_empty() {
            lines.push(Line::default());
            lines.extend(bars.into_iter().map(|l| l.left_aligned()));
        }
    }
    lines.push(Line::default());
    lines.extend(span_lines(turnout_spans(model, c, meeting), cols));
    // The quorum of the motion's item, where it has its own.
    let quorum = motion(model, m).map_or_else(
        || c.rule.quorum_said_whole(model.lang),
        |v| yishi_domain::rule_for(c, v).quorum_said_whole(model.lang),
    );
    lines.extend(wrapped(&quorum, cols, t.muted()));
    // Motions moved before this one (amendments go with their motion).
    let mains = m
        .motions
        .iter()
        .filter_map(|id| model.data.motions.get(id))
        .filter(|v| v.amends.is_none())
        .count();
    let earlier = mains.saturating_sub(1);
    if earlier > 0 {
        lines.push(Line::from(Span::styled(
            format!("{}{earlier}", model.say(words::EARLIER_MOTIONS)),
            t.muted(),
        )));
    }
    let title = model.say(words::MOTION_AND_VOTE);
    frame.render_widget(
        Paragraph::new(lines).block(panel(model, title, left.width)),
        left,
    );

    super::ballots::view(frame, right, model, motion(model, m));
}

/// "决定事项：" and the item a motion decides, where its council's rule decides by item.
pub(super) fn item_decided(
    model: &crate::model::Model,
    c: &yishi_domain::Council,
    v: &Motion,
) -> Option<String> {
    let item = c.rule.item_said(v.item.as_deref()?, model.lang)?;
    Some(format!("{}{item}", model.say(words::ITEM_DECIDED_COLON)))
}
