//! The forms of a motion: moved, put right before the vote, or amended (修正案).

use crate::words;

use super::{MODES, in_the_room, labels, names};
use crate::data::Data;
use crate::form::{Field, Form, Value};
use crate::forms::FormKind;
use yishi_domain::{MatterId, MeetingId, MemberId, MotionId, VoteMode};
use yishi_text::Lang;

/// What a motion form is for.
#[derive(Clone, Copy)]
enum Purpose {
    Move,
    PutRight(MotionId),
    Amend(MotionId),
}

pub fn motion(data: &Data, matter: MatterId, meeting: MeetingId, lang: Lang) -> Form {
    motion_form(data, matter, meeting, Purpose::Move, lang)
}

/// An amendment (修正案) to the motion `id`: the motion's whole text as it would read,
/// starting from the text as it stands, to be voted on before the motion.
pub fn amendment(data: &Data, id: MotionId, lang: Lang) -> Option<Form> {
    let v = data.motions.get(&id)?;
    let mut form = motion_form(data, v.matter, v.meeting, Purpose::Amend(id), lang);
    form.fields[0] = Field::text(words::THE_MOTION_AS_AMENDED, &v.text);
    Some(form)
}

/// The motion `id`, not yet put to the vote, to put right: its fields as moved.
pub fn motion_correction(data: &Data, id: MotionId, lang: Lang) -> Option<Form> {
    let v = data.motions.get(&id)?;
    let purpose = Purpose::PutRight(id);
    let mut form = motion_form(data, v.matter, v.meeting, purpose, lang);
    let ids = in_the_room(data);
    let at = |m: MemberId| ids.iter().position(|x| *x == m);
    form.fields[0] = Field::text(words::THE_MOTION, &v.text);
    let mut choose = |field: usize, to: usize| {
        if let Some(Field {
            value: Value::Choice { index, .. },
            ..
        }) = form.fields.get_mut(field)
        {
            *index = to;
        }
    };
    choose(1, at(v.mover).unwrap_or(0));
    choose(2, v.seconder.and_then(at).map_or(0, |i| i + 1));
    choose(3, MODES.iter().position(|m| *m == v.mode).unwrap_or(0));
    if let FormKind::Motion { items, .. } = &form.kind {
        let at = v
            .item
            .as_ref()
            .and_then(|k| items.iter().position(|i| i == k));
        choose(4, at.map_or(0, |i| i + 1));
    }
    Some(form)
}

fn motion_form(
    data: &Data,
    matter: MatterId,
    meeting: MeetingId,
    purpose: Purpose,
    lang: Lang,
) -> Form {
    let ids = in_the_room(data);
    let mut seconders = vec![lang.say(words::NO_ONE).to_string()];
    seconders.extend(names(data, &ids));
    let (title, replacing, amends) = match purpose {
        Purpose::Move => (words::PROPOSE_A_MOTION, None, None),
        Purpose::PutRight(id) => (words::CORRECT_THE_MOTION, Some(id), None),
        Purpose::Amend(id) => (words::PROPOSE_AN_AMENDMENT, None, Some(id)),
    };
    let rule_items = match (&data.council, amends) {
        (Some(c), None) => c.rule.items.clone(),
        _ => Vec::new(),
    };
    let mut fields = vec![
        Field::text(words::THE_MOTION, ""),
        Field::choice(words::MOVED_BY, names(data, &ids), 0),
        Field::choice(words::SECONDED_BY, seconders, 0),
        Field::choice(words::VOTE_BY, labels(&MODES, VoteMode::label, lang), 0),
    ];
    if !rule_items.is_empty() {
        let mut choices = vec![lang.say(words::CHOOSE_ONE).to_string()];
        choices.extend(rule_items.iter().map(|i| i.label(lang)));
        fields.push(Field::choice(words::ITEM_DECIDED, choices, 0));
    }
    Form::new(
        FormKind::Motion {
            matter,
            meeting,
            members: ids.clone(),
            replacing,
            amends,
            items: rule_items.into_iter().map(|i| i.key).collect(),
        },
        title,
        fields,
    )
}
