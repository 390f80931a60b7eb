//! The forms of an election: putting it (what, how many seats, the candidates, how they are
//! elected, whether write-ins count, who nominates), and counting its box name by name.

use crate::data::Data;
use crate::form::{Field, Form};
use crate::forms::{FormKind, names};
use crate::words;
use yishi_domain::ProposeElection;
use yishi_domain::election::{ElectedBy, Election};
use yishi_domain::{Change, MatterId, MeetingId, MemberId, MotionId};
use yishi_text::Lang;

const ELECTED_BY: [ElectedBy; 2] = [ElectedBy::MajorityOfBallots, ElectedBy::MostVotes];

pub fn election(data: &Data, matter: MatterId, meeting: MeetingId, lang: Lang) -> Form {
    let ids = super::in_the_room(data);
    Form::new(
        FormKind::Election {
            matter,
            meeting,
            members: ids.clone(),
        },
        words::PUT_AN_ELECTION,
        vec![
            Field::text(words::ELECTION_OF, ""),
            Field::text(words::SEATS, "1"),
            Field::text(words::CANDIDATES_SEPARATED, ""),
            Field::choice(
                words::ELECTED_HOW,
                vec![
                    lang.say(words::MAJORITY_OF_VALID_BALLOTS).to_string(),
                    lang.say(words::MOST_VOTES).to_string(),
                ],
                0,
            ),
            Field::choice(
                words::WRITE_INS,
                vec![
                    lang.say(words::NO_CHOICE).to_string(),
                    lang.say(words::YES_CHOICE).to_string(),
                ],
                1,
            ),
            Field::choice(words::NOMINATED_BY, names(data, &ids), 0),
        ],
    )
}

/// The box counted: valid and spoiled ballots, each candidate's votes, and write-ins.
pub fn election_counts(motion: MotionId, e: &Election) -> Form {
    let mut fields = vec![
        Field::text(words::VALID_BALLOTS, ""),
        Field::text(words::SPOILED, ""),
    ];
    let labels: Vec<String> = e.candidates.clone();
    for name in &labels {
        fields.push(Field::text(words::VOTES_FOR, "").with_prefix(name));
    }
    if e.write_ins {
        fields.push(Field::text(words::WRITE_IN_VOTES, ""));
    }
    Form::new(
        FormKind::ElectionCounts {
            motion,
            candidates: labels,
            write_ins: e.write_ins,
        },
        words::COUNT_THE_ELECTION,
        fields,
    )
}

/// Names as typed: separated by 、，, ; or spaces.
pub fn names_typed(s: &str) -> Vec<String> {
    s.split(['、', '，', ',', '；', ';', ' ', '\u{3000}'])
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .collect()
}

/// The change an election form asks for.
pub fn put(
    form: &Form,
    (matter, meeting, members): (MatterId, MeetingId, &[MemberId]),
    seats: u32,
    id: MotionId,
) -> Change {
    Change::ProposeElection(ProposeElection {
        id,
        matter,
        meeting,
        text: form.text(0).to_string(),
        mover: members.get(form.choice(5)).copied().unwrap_or(MemberId(0)),
        seats,
        candidates: names_typed(form.text(2)),
        write_ins: form.choice(4) == 1,
        elected_by: ELECTED_BY[form.choice(3).min(1)],
    })
}
