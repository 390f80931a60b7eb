//! The forms of setting a council up: the council itself, a member joining, a member leaving.

use chrono::NaiveDate;

use crate::data::Data;
use crate::form::{Field, Form};
use crate::forms::FormKind;
use crate::words;
use yishi_domain::{Affiliation, CouncilId, MeetingId, MemberId, presets};
use yishi_text::Lang;

/// The affiliations in the order a form offers them.
pub const AFFILIATIONS: [Affiliation; 5] = [
    Affiliation::ResidentRepresentative,
    Affiliation::PartyCommittee,
    Affiliation::PartyBranch,
    Affiliation::OwnersCommittee,
    Affiliation::PropertyCompany,
];

/// The presets a council set up in the console can take (owners' rules need a register of
/// units, imported with `yishi council import`), in the order the form offers them.
pub fn meeting_presets() -> Vec<yishi_domain::Rule> {
    presets().into_iter().filter(|r| !r.counts_area()).collect()
}

/// A council's name, its rule from the presets (each by its name in `lang`, shown with its
/// statute and what it asks), and its satisfaction threshold.
pub fn new_council(lang: Lang) -> Form {
    let rules = meeting_presets();
    let names = rules.iter().map(|r| r.name_in(lang)).collect();
    let notes = rules
        .iter()
        .map(|r| {
            let (quorum, passing) = (r.quorum_said(lang), r.passing_said(lang));
            lang.pick_owned(
                format!("{}。法定人数：{quorum}；通过：{passing}", r.source),
                format!("{}。法定人數：{quorum}；通過：{passing}", r.source),
                format!("{}. Quorum: {quorum}; passing: {passing}", r.source),
            )
        })
        .collect();
    // The representatives' meeting is the usual council's rule.
    let usual = rules
        .iter()
        .position(|r| r.key == "representatives-meeting")
        .unwrap_or(0);
    Form::new(
        FormKind::NewCouncil,
        words::SET_UP_A_COUNCIL,
        vec![
            Field::text(words::COUNCIL_NAME, ""),
            Field::choice(words::RULE, names, usual).with_notes(notes),
            Field::text(words::SATISFACTION_THRESHOLD, "80"),
        ],
    )
}

/// A member joining `council` on `day`; `like` carries the affiliation and standing of the
/// member just added, as members are often entered party by party.
pub fn member(
    council: CouncilId,
    day: NaiveDate,
    like: Option<(usize, usize)>,
    owners: bool,
    lang: Lang,
) -> Form {
    let (affiliation, standing) = like.unwrap_or((0, 0));
    // Only owners vote at an owners' meeting, and an owner comes with the register's units:
    // anyone added here sits in.
    let standings = if owners {
        vec![lang.say(words::OBSERVING_NOT_AN_OWNER).to_string()]
    } else {
        vec![
            lang.say(words::VOTING_MEMBER).to_string(),
            lang.say(words::OBSERVING_MEMBER).to_string(),
        ]
    };
    let standing = standing.min(standings.len() - 1);
    Form::new(
        FormKind::Member { council, owners },
        words::ADD_A_MEMBER,
        vec![
            Field::text(words::MEMBER_NAME, ""),
            Field::choice(
                words::AFFILIATION,
                AFFILIATIONS
                    .iter()
                    .map(|a| a.label(lang).to_string())
                    .collect(),
                affiliation,
            ),
            Field::choice(words::VOTING_OR_OBSERVING, standings, standing),
            Field::text(words::JOINS_ON, &day.to_string()),
        ],
    )
}

/// The member `id` leaving on a day (today, as typed first).
pub fn member_leaves(data: &Data, id: MemberId, day: NaiveDate) -> Option<Form> {
    let c = data.council.as_ref()?;
    let name = c.member(id)?.name.clone();
    let mut form = Form::new(
        FormKind::MemberLeaves {
            council: c.id,
            member: id,
        },
        words::A_MEMBER_LEAVES,
        vec![
            Field::choice(words::MEMBER, vec![name], 0),
            Field::text(words::LEAVES_ON, &day.to_string()),
        ],
    );
    form.focus = 1;
    Some(form)
}

/// A proxy for the meeting: who is represented (the member selected on the roll, to start
/// with), by whom, and the day the written authorisation is dated.
pub fn proxy(data: &Data, meeting: MeetingId, selected: usize, today: NaiveDate) -> Option<Form> {
    let (c, m) = (data.council.as_ref()?, data.meeting.as_ref()?);
    let roll: Vec<&yishi_domain::Member> = m.roll_of(c).into_iter().filter(|x| x.voting).collect();
    let ids: Vec<MemberId> = roll.iter().map(|x| x.id).collect();
    let names = roll.iter().map(|x| x.name.clone()).collect();
    let at = m
        .roll_of(c)
        .get(selected)
        .and_then(|x| ids.iter().position(|id| *id == x.id))
        .unwrap_or(0);
    let mut form = Form::new(
        FormKind::Proxy {
            meeting,
            members: ids,
        },
        words::GIVE_A_PROXY,
        vec![
            Field::choice(words::REPRESENTED, names, at),
            Field::text(words::PROXY_HOLDER, ""),
            Field::text(words::AUTHORISED_ON, &today.to_string()),
        ],
    );
    form.focus = 1;
    Some(form)
}

/// A unit of the owner `seller` passing to another owner on a day (today, as typed first):
/// which unit, to whom — an owner on the council, or a new one named here.
pub fn sell_unit(data: &Data, seller: MemberId, day: NaiveDate, lang: Lang) -> Option<Form> {
    let c = data.council.as_ref()?;
    let units: Vec<String> = c
        .member(seller)?
        .units_on(day)
        .map(|u| u.unit.clone())
        .collect();
    if units.is_empty() {
        return None;
    }
    let owners: Vec<&yishi_domain::Member> = c
        .members_on(day)
        .filter(|m| m.voting && m.id != seller)
        .collect();
    let mut to = vec![lang.say(words::A_NEW_OWNER).to_string()];
    to.extend(owners.iter().map(|m| m.name.clone()));
    Some(Form::new(
        FormKind::SellUnit {
            council: c.id,
            units: units.clone(),
            buyers: owners.iter().map(|m| m.id).collect(),
        },
        words::A_UNIT_PASSES_ON,
        vec![
            Field::choice(words::THE_UNIT, units, 0),
            Field::choice(words::PASSES_TO, to, 0),
            Field::text(words::NEW_OWNERS_NAME, ""),
            Field::text(words::PASSES_ON, &day.to_string()),
        ],
    ))
}
