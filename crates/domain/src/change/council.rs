//! A council made, and who sits on it: members join and leave on a day, and owners' units pass
//! from one to another, never before the latest meeting held (whose roll stands as it was).

use super::ctx::Ctx;
use super::kind::{Kind, Names};
use crate::council::{Affiliation, Council, Holding, Member};
use crate::ids::{CouncilId, MeetingId, MemberId, MotionId};
use crate::law::{self, NAME};
use crate::meeting::Proxy;
use crate::records::{Records, Write};
use crate::refusal::{Membership, Owners, Refusal};
use crate::words::{COUNCIL, JOINED, MEMBER, THRESHOLD};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateCouncil {
    pub council: Box<Council>,
}

impl Kind for CreateCouncil {
    fn names(&self) -> Names {
        Names::NOTHING
    }

    fn rule<R: Records>(&self, cx: &Ctx<R>, _at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let CreateCouncil { council } = self;
        create(cx, council)
    }
}

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

/// A member joins the council from `member.since`: on the roll of meetings from that day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AddMember {
    pub council: CouncilId,
    pub member: Member,
}

impl Kind for AddMember {
    fn names(&self) -> Names {
        Names::NOTHING
    }

    fn rule<R: Records>(&self, cx: &Ctx<R>, _at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let &AddMember {
            council,
            ref member,
        } = self;
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
}

/// A member leaves the council on `on`: off the roll of meetings from that day, still named
/// in the record of the meetings before.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MemberLeaves {
    pub council: CouncilId,
    pub member: MemberId,
    pub on: NaiveDate,
}

impl Kind for MemberLeaves {
    fn names(&self) -> Names {
        Names::NOTHING
    }

    fn rule<R: Records>(&self, cx: &Ctx<R>, _at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let &MemberLeaves {
            council,
            member,
            on,
        } = self;
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

/// A unit on an owners' council passes to another owner on `on` (a sale, an inheritance):
/// from that day its area counts for the buyer. A buyer not yet on the council joins with
/// it; an owner left with no unit leaves.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SellUnit {
    pub council: CouncilId,
    pub unit: String,
    pub on: NaiveDate,
    pub buyer: Buyer,
}

impl Kind for SellUnit {
    fn names(&self) -> Names {
        Names::NOTHING
    }

    /// A unit passes from the owner who holds it on `on` to `buyer`, from that day: after the
    /// latest meeting held, whose counts stand as they were. A new buyer joins as an owner with
    /// it, under a name the roll can tell from the others; a seller left with no unit leaves.
    fn rule<R: Records>(&self, cx: &Ctx<R>, _at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let &SellUnit {
            council,
            ref unit,
            on,
            ref buyer,
        } = self;
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
                    .position(|u| u.unit == *unit && u.held_on(on))?;
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
                if b.units.iter().any(|u| u.unit == *unit && u.held_on(on)) {
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
}

/// Who a unit passes to: an owner already on the council, or a new one, who joins with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Buyer {
    Member(MemberId),
    New { id: MemberId, name: String },
}

/// 委托: `principal` represented by `holder` for the whole meeting or one vote, by a
/// written authorisation dated `given`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GiveProxy {
    pub meeting: MeetingId,
    pub principal: MemberId,
    pub holder: String,
    pub given: NaiveDate,
    pub motion: Option<MotionId>,
}

impl Kind for GiveProxy {
    fn names(&self) -> Names {
        Names::meeting(self.meeting)
    }

    fn rule<R: Records>(&self, cx: &Ctx<R>, _at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let GiveProxy {
            meeting,
            principal,
            holder,
            given,
            motion,
        } = self;
        give_proxy(
            cx,
            *meeting,
            crate::meeting::Proxy {
                principal: *principal,
                holder: holder.clone(),
                given: *given,
                motion: *motion,
            },
        )
    }
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

/// A member's public key registered with the council, for signing minutes with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegisterKey {
    pub council: CouncilId,
    pub member: MemberId,
    /// The minisign public key, base64.
    pub public: String,
}

impl Kind for RegisterKey {
    fn names(&self) -> Names {
        Names::NOTHING
    }

    /// A member's public key registered: a key that reads, held by no other member.
    fn rule<R: Records>(&self, cx: &Ctx<R>, at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let &RegisterKey {
            council,
            member,
            ref public,
        } = self;
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
}
