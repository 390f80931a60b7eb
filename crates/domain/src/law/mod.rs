//! The rules a record keeps, each stated once. The live record's changes (`apply`) and an
//! imported document (`validate`) are both held to them, so that nothing a chair could not
//! have recorded comes in by a file.

use crate::words;
use chrono::NaiveDateTime;

use super::council::Council;
use super::ids::MemberId;
use super::matter::{Author, Matter};
use super::meeting::{Attendance, Meeting};
use super::refusal::{Label, Membership, Proxying, Record, Refusal};
use super::vote::Motion;
use yishi_text::{Shape, check};

mod votes;

pub use votes::{ballot_limit, counts, decision, item, mode, passed, quorum, rule_for};

/// A field a user types: its name in the three languages, and the shape its text must have.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub label: Label,
    pub shape: Shape,
}

const fn line(label: Label, max: usize) -> Field {
    Field {
        label,
        shape: Shape::line(max),
    }
}

const fn block(label: Label, max: usize) -> Field {
    Field {
        label,
        shape: Shape::block(max),
    }
}

pub const NAME: Field = line(words::NAME, 60);
pub const TITLE: Field = line(words::TITLE, 120);
pub const PLACE: Field = line(words::PLACE, 120);
pub const OWNER: Field = line(words::OWNER, 120);
pub const SPEAKER: Field = line(words::SPEAKER, 60);
pub const TEXT: Field = block(words::CONTENT, 4000);
pub const TASK: Field = block(words::TASK, 1000);
pub const REASON: Field = block(words::REASON, 1000);
/// A summary of a speech may be left empty while the speaker is still waiting.
pub const SUMMARY: Field = block(words::SUMMARY, 4000);
pub const COMMENT: Field = block(words::COMMENT, 1000);

/// The most a speaker's time, in seconds, can be: a whole day.
pub const MAX_SECONDS: u32 = 24 * 60 * 60;
/// The most ballots, hands or residents a count can hold.
pub const MAX_COUNT: u32 = 100_000;
/// The most comments one review can hold.
pub const MAX_COMMENTS: usize = 1000;

/// Text a user gave, of the shape its field takes; `required` text may not be blank.
pub fn text(s: &str, field: Field, required: bool) -> Result<(), Refusal> {
    check(s, field.shape, required).map_err(|fault| Refusal::Text {
        field: field.label,
        fault,
    })
}

/// A figure no larger than `max`.
pub fn at_most(n: u64, max: u64, field: Label) -> Result<(), Refusal> {
    if n > max {
        return Err(Refusal::OutOfRange { field });
    }
    Ok(())
}

/// The member, named for a message, if the council lists them.
fn member(council: &Council, id: MemberId) -> Result<&super::council::Member, Refusal> {
    council.member(id).ok_or(Refusal::NotAMember { id: id.0 })
}

/// A ballot: only a voting member who was present when the vote opened (`roll`), or is
/// represented by a proxy for the meeting or this vote, may cast one.
/// Where the rule counts those taking part rather than those present (owners), any owner on
/// the roll of the day may, in person or in writing.
pub fn may_vote(
    council: &Council,
    meeting: &Meeting,
    (id, motion): (MemberId, Option<&Motion>),
    roll: Option<usize>,
) -> Result<String, Refusal> {
    let m = member(council, id)?;
    if !m.voting {
        return Err(Refusal::NotVoting {
            name: m.name.clone(),
        });
    }
    let rule = motion.map_or_else(|| council.rule.clone(), |v| rule_for(council, v));
    let motion = motion.map(|v| v.id);
    // Not in the room, but voting in writing where the rule (or the item) admits it.
    if rule.votes_in_writing() {
        if !m.serves_on(meeting.start.date()) {
            return Err(Refusal::Membership(Membership::NotServing {
                name: m.name.clone(),
                on: meeting.start.date(),
            }));
        }
        return Ok(m.name.clone());
    }
    // Not in the room, but represented by the proxy the rule admits.
    let represented = council.rule.proxies.is_some() && meeting.proxy_for(id, motion).is_some();
    if meeting.attendance_at(id, roll) != Some(Attendance::Present) && !represented {
        return Err(Refusal::NotPresent {
            name: m.name.clone(),
        });
    }
    Ok(m.name.clone())
}

/// Moving or seconding a motion: a voting member present at the time (`roll`).
pub fn may_move(
    council: &Council,
    meeting: &Meeting,
    id: MemberId,
    roll: Option<usize>,
) -> Result<(), Refusal> {
    let m = member(council, id)?;
    if !m.voting || meeting.attendance_at(id, roll) != Some(Attendance::Present) {
        return Err(Refusal::CannotMove {
            name: m.name.clone(),
        });
    }
    Ok(())
}

/// Speaking at a hearing: a council member must be in the room, present or observing (列席);
/// residents and the anonymous speak as they come.
pub fn may_speak(
    council: &Council,
    meeting: &Meeting,
    author: &Author,
    roll: Option<usize>,
) -> Result<(), Refusal> {
    match author {
        Author::Member(id) => {
            let m = member(council, *id)?;
            match meeting.attendance_at(*id, roll) {
                Some(Attendance::Present | Attendance::Observing) => Ok(()),
                _ => Err(Refusal::CannotSpeak {
                    name: m.name.clone(),
                }),
            }
        }
        Author::Resident(name) => text(name, SPEAKER, true),
        Author::Anonymous => Ok(()),
    }
}

/// Who wrote an opinion: a council member, or a resident by name, or nobody named.
pub fn author(council: &Council, author: &Author) -> Result<(), Refusal> {
    match author {
        Author::Member(id) => member(council, *id).map(|_| ()),
        Author::Resident(name) => text(name, SPEAKER, true),
        Author::Anonymous => Ok(()),
    }
}

/// 办结 with every task done, or with the reason it is concluded all the same.
pub fn may_complete(matter: &Matter, waiver: &str) -> Result<(), Refusal> {
    let done = matter.tasks.iter().filter(|t| t.percent() >= 100).count();
    if done < matter.tasks.len() && waiver.trim().is_empty() {
        return Err(Refusal::TasksUnfinished {
            done,
            total: matter.tasks.len(),
        });
    }
    text(waiver, REASON, false)
}

/// Two moments of a record in the order they happened.
pub fn in_order(
    earlier: NaiveDateTime,
    later: NaiveDateTime,
    what: [Label; 2],
) -> Result<(), Refusal> {
    if later < earlier {
        return Err(Refusal::OutOfOrder {
            earlier: what[0],
            later: what[1],
        });
    }
    Ok(())
}

/// A council's rule is one the console could have set: a preset's, counting as the preset
/// does. Its citation may be an older wording of the preset's; its shares may not differ.
/// Whether members may vote by proxy, and how many one holder may carry, is the council's own
/// standing rule (议事规则), kept with it; a limit, where set, admits at least one.
pub fn rule(rule: &super::rules::Rule) -> Result<(), Refusal> {
    let counting = |r: &super::rules::Rule| {
        (
            r.unit,
            r.quorum,
            r.quorum_of,
            r.passing,
            r.passing_base,
            r.area,
        )
    };
    // Items are compared by what they decide and the line each needs, not by their wording.
    let shares = |r: &super::rules::Rule| {
        r.items
            .iter()
            .map(|i| (i.key.clone(), i.passing, i.area_passing))
            .collect::<Vec<_>>()
    };
    if rule.proxies.and_then(|p| p.per_holder) == Some(0) {
        return Err(Refusal::Record(Record::NotThePreset {
            key: rule.key.clone(),
            name: rule.names(),
        }));
    }
    match super::rules::presets()
        .into_iter()
        .find(|p| p.key == rule.key)
    {
        None => Err(Refusal::Record(Record::NotAPreset {
            key: rule.key.clone(),
        })),
        Some(p)
            if counting(&p) != counting(rule)
                || (!rule.items.is_empty() && shares(&p) != shares(rule)) =>
        {
            Err(Refusal::Record(Record::NotThePreset {
                key: rule.key.clone(),
                name: rule.names(),
            }))
        }
        Some(_) => Ok(()),
    }
}

/// A member joins the roll only with a name the eye can tell from every other member's on the
/// roll at the same time.
pub fn name_free(
    others: &[super::council::Member],
    m: &super::council::Member,
) -> Result<(), Refusal> {
    let overlap = |a: &super::council::Member, b: &super::council::Member| {
        a.since.is_none_or(|s| b.until.is_none_or(|u| s < u))
            && b.since.is_none_or(|s| a.until.is_none_or(|u| s < u))
    };
    match others
        .iter()
        .find(|o| overlap(o, m) && super::names::same(&o.name, &m.name))
    {
        Some(first) => Err(Refusal::Membership(Membership::SameName {
            name: m.name.trim().to_string(),
            other: first.name.trim().to_string(),
        })),
        None => Ok(()),
    }
}

/// A meeting on `day` is held under the council's rule only once its statute is in force.
pub fn rule_applies(rule: &super::rules::Rule, day: chrono::NaiveDate) -> Result<(), Refusal> {
    match rule.applies_from {
        Some(from) if !rule.applies_on(day) => {
            Err(Refusal::Record(super::refusal::Record::BeforeTheRule {
                day,
                rule: rule.names(),
                from,
            }))
        }
        _ => Ok(()),
    }
}

/// On an owners' council only owners vote (《民法典》第二百七十八条 counts 业主 and their areas):
/// a voting member holds at least one unit on the register.
pub fn owner_votes(council: &Council, member: &super::council::Member) -> Result<(), Refusal> {
    if council.rule.counts_area() && member.voting && member.units.is_empty() {
        return Err(Refusal::Membership(
            super::refusal::Membership::NotAnOwner {
                name: member.name.clone(),
            },
        ));
    }
    Ok(())
}

/// Each member whose name the eye cannot tell from an earlier one's on the roll at once.
pub fn distinct_names(council: &Council) -> Vec<(usize, Refusal)> {
    council
        .members
        .iter()
        .enumerate()
        .filter_map(|(j, m)| {
            name_free(&council.members[..j], m)
                .err()
                .map(|why| (j, why))
        })
        .collect()
}

/// A proxy (委托) given after `given`: by a voting member of the roll to someone else, where
/// the rule admits proxies, once a meeting or vote, and to a holder who holds no more than the
/// rule allows. The holder's name as kept.
pub fn proxy(
    council: &Council,
    given: &[super::meeting::Proxy],
    proxy: &super::meeting::Proxy,
) -> Result<String, Refusal> {
    let Some(rule) = council.rule.proxies else {
        return Err(Refusal::Proxy(Proxying::NotAllowed {
            rule: council.rule.names(),
        }));
    };
    let who = council.member(proxy.principal).ok_or(Refusal::NotAMember {
        id: proxy.principal.0,
    })?;
    if !who.voting {
        return Err(Refusal::NotVoting {
            name: who.name.clone(),
        });
    }
    text(&proxy.holder, NAME, true)?;
    let holder = proxy.holder.trim().to_string();
    if holder == who.name.trim() {
        return Err(Refusal::Proxy(Proxying::ForThemselves { name: holder }));
    }
    if given
        .iter()
        .any(|p| p.principal == proxy.principal && p.motion == proxy.motion)
    {
        return Err(Refusal::Proxy(Proxying::AlreadyGiven {
            name: who.name.clone(),
        }));
    }
    if let Some(limit) = rule.per_holder {
        let held = given.iter().filter(|p| p.holder.trim() == holder).count();
        if held >= limit as usize {
            return Err(Refusal::Proxy(Proxying::TooMany { holder, limit }));
        }
    }
    Ok(holder)
}

/// A new council's name must differ, to the eye, from every council's already kept.
pub fn council_name(
    councils: &[(super::ids::CouncilId, String)],
    name: &str,
) -> Result<(), Refusal> {
    match councils
        .iter()
        .find(|(_, other)| super::names::same(other, name))
    {
        Some((_, other)) => Err(Refusal::Record(Record::CouncilExists {
            name: other.trim().to_string(),
        })),
        None => Ok(()),
    }
}
