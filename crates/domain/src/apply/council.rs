//! A council made, and who sits on it: members join and leave on a day, and owners' units pass
//! from one to another, never before the latest meeting held (whose roll stands as it was).

use chrono::NaiveDate;

use super::ctx::Ctx;
use crate::change::Buyer;
use crate::council::{Affiliation, Council, Holding, Member};
use crate::ids::{CouncilId, MeetingId, MemberId};
use crate::law::{self, NAME};
use crate::meeting::Proxy;
use crate::records::{Records, Write};
use crate::refusal::{Membership, Owners, Refusal};
use crate::words::{COUNCIL, JOINED, MEMBER, THRESHOLD};

pub(super) fn create<R: Records>(cx: &Ctx<R>, council: &Council) -> Result<Vec<Write>, Refusal> {
    if cx.records.council(council.id)?.is_some() {
        return Err(Refusal::Exists {
            what: COUNCIL,
            id: council.id.0,
        });
    }
    law::text(&council.name, NAME, true)?;
    law::at_most(u64::from(council.satisfaction_threshold), 100, THRESHOLD)?;
    for m in &council.members {
        law::text(&m.name, NAME, true)?;
        if !cx.as_written {
            law::owner_votes(council, m)?;
        }
    }
    law::rule(&council.rule)?;
    if let Some((_, why)) = law::distinct_names(council).into_iter().next() {
        return Err(why);
    }
    let names = cx.records.council_names()?;
    law::council_name(&names, &council.name)?;
    Ok(vec![Write::Council(council.clone())])
}

/// A day a member joins or leaves: after the latest meeting held.
fn after_last_held<R: Records>(
    cx: &Ctx<R>,
    council: CouncilId,
    on: NaiveDate,
) -> Result<(), Refusal> {
    match cx.records.last_held(council)? {
        Some(held) if on <= held => Err(Refusal::Membership(Membership::RollClosed { on, held })),
        _ => Ok(()),
    }
}

/// A member's public key registered: a key that reads, held by no other member.
pub(super) fn register_key<R: Records>(
    cx: &Ctx<R>,
    council: CouncilId,
    member: MemberId,
    public: &str,
    at: chrono::NaiveDateTime,
) -> Result<Vec<Write>, Refusal> {
    use crate::refusal::Sealing;
    let mut c = cx.council(council)?;
    c.member(member)
        .ok_or(Refusal::NotAMember { id: member.0 })?;
    let id = crate::keys::key_id(public)?;
    if let Some(other) = c.keys.iter().find(|k| k.id == id && k.member != member) {
        let name = c.name_of(other.member);
        return Err(Refusal::Sealing(Sealing::KeyTaken { name }));
    }
    c.keys.push(crate::seal::SignerKey {
        member,
        public: public.trim().to_string(),
        id,
        registered: at,
    });
    Ok(vec![Write::Council(c)])
}

pub(super) fn add_member<R: Records>(
    cx: &Ctx<R>,
    council: CouncilId,
    member: &Member,
) -> Result<Vec<Write>, Refusal> {
    let mut c = cx.council(council)?;
    if c.members.iter().any(|m| m.id == member.id) {
        return Err(Refusal::Exists {
            what: MEMBER,
            id: member.id.0,
        });
    }
    law::text(&member.name, NAME, true)?;
    let Some(since) = member.since else {
        return Err(Refusal::MissingTime { what: JOINED });
    };
    if let Some(on) = member.until {
        let name = member.name.clone();
        return Err(Refusal::Membership(Membership::AlreadyLeft { name, on }));
    }
    after_last_held(cx, council, since)?;
    // Two members of one name on a roll cannot be told apart when it is called.
    law::name_free(&c.members, member)?;
    if !cx.as_written {
        law::owner_votes(&c, member)?;
    }
    c.members.push(member.clone());
    Ok(vec![Write::Council(c)])
}

pub(super) fn member_leaves<R: Records>(
    cx: &Ctx<R>,
    council: CouncilId,
    member: MemberId,
    on: NaiveDate,
) -> Result<Vec<Write>, Refusal> {
    let mut c = cx.council(council)?;
    let Some(m) = c.members.iter_mut().find(|m| m.id == member) else {
        return Err(Refusal::NotAMember { id: member.0 });
    };
    let name = m.name.clone();
    if let Some(left) = m.until {
        return Err(Refusal::Membership(Membership::AlreadyLeft {
            name,
            on: left,
        }));
    }
    if let Some(since) = m.since.filter(|s| on < *s) {
        return Err(Refusal::Membership(Membership::LeavesBeforeJoining {
            name,
            since,
        }));
    }
    m.until = Some(on);
    after_last_held(cx, council, on)?;
    Ok(vec![Write::Council(c)])
}

/// A proxy given for a meeting not yet ended, or one of its votes: by a voting member of the
/// roll, where the rule admits proxies and the holder holds no more than it allows.
pub(super) fn give_proxy<R: Records>(
    cx: &Ctx<R>,
    meeting: MeetingId,
    proxy: Proxy,
) -> Result<Vec<Write>, Refusal> {
    let mut m = cx.open_meeting(meeting)?;
    let c = cx.council(m.council)?;
    if let Some(motion) = proxy.motion {
        let v = cx.motion(motion)?;
        if v.meeting != m.id {
            return Err(Refusal::WrongCouncil);
        }
    }
    let holder = law::proxy(&c, &m.proxies, &proxy)?;
    m.proxies.push(Proxy { holder, ..proxy });
    Ok(vec![Write::Meeting(m)])
}

/// A unit passes from the owner who holds it on `on` to `buyer`, from that day: after the
/// latest meeting held, whose counts stand as they were. A new buyer joins as an owner with
/// it, under a name the roll can tell from the others; a seller left with no unit leaves.
pub(super) fn sell_unit<R: Records>(
    cx: &Ctx<R>,
    council: CouncilId,
    unit: &str,
    on: NaiveDate,
    buyer: &Buyer,
) -> Result<Vec<Write>, Refusal> {
    let mut c = cx.council(council)?;
    if !c.rule.counts_area() {
        return Err(Refusal::Owners(Owners::NotAnOwnersCouncil));
    }
    let no_such = || {
        Refusal::Owners(Owners::NoSuchUnit {
            unit: unit.to_string(),
            on,
        })
    };
    let (seller, at) = c
        .members
        .iter()
        .enumerate()
        .find_map(|(i, m)| {
            let k = m
                .units
                .iter()
                .position(|u| u.unit == unit && u.held_on(on))?;
            Some((i, k))
        })
        .ok_or_else(no_such)?;
    // A unit passes on a day after it passed to its holder.
    if c.members[seller].units[at].since.is_some_and(|s| on <= s) {
        return Err(no_such());
    }
    after_last_held(cx, council, on)?;
    let area = c.members[seller].units[at].area;
    let bought = Holding {
        since: Some(on),
        ..Holding::listed(unit, area)
    };
    match buyer {
        Buyer::Member(id) => {
            let b = c
                .members
                .iter_mut()
                .find(|m| m.id == *id)
                .ok_or(Refusal::NotAMember { id: id.0 })?;
            if b.units.iter().any(|u| u.unit == unit && u.held_on(on)) {
                let name = b.name.clone();
                return Err(Refusal::Owners(Owners::SameOwner {
                    unit: unit.to_string(),
                    name,
                }));
            }
            if !b.serves_on(on) || !b.voting {
                let name = b.name.clone();
                return Err(Refusal::Membership(Membership::NotServing { name, on }));
            }
            b.units.push(bought);
        }
        Buyer::New { id, name } => {
            if c.members.iter().any(|m| m.id == *id) {
                return Err(Refusal::Exists {
                    what: MEMBER,
                    id: id.0,
                });
            }
            law::text(name, NAME, true)?;
            let mut owner = Member::founding(*id, name, Affiliation::Owner, true);
            owner.since = Some(on);
            owner.units.push(bought);
            law::name_free(&c.members, &owner)?;
            c.members.push(owner);
        }
    }
    let s = &mut c.members[seller];
    s.units[at].until = Some(on);
    if s.units.iter().all(|u| u.until.is_some_and(|d| d <= on)) {
        s.until = Some(on);
    }
    Ok(vec![Write::Council(c)])
}
