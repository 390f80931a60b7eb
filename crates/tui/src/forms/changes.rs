//! What a submitted form becomes: the changes it asks for, or why it cannot become any (an
//! empty field, a number out of range, a date that does not exist).

use crate::words;
use crate::words::values;
use chrono::{NaiveDate, NaiveDateTime};
use yishi_domain::{
    AddMember, AddOpinion, AddSpeaker, AddTask, ConcludeReview, Correct, CorrectMotion,
    CorrectOpinion, CorrectSpeech, CorrectTask, CreateCouncil, CreateMatter, CreateMeeting,
    EnterCounts, EnterElectionCounts, GiveProxy, MemberLeaves, ProposeAmendment, ProposeMotion,
    RecordProgress, RecordReview, RecordSpeech, ResolveRejected, RetitleMatter, SellUnit,
};

use super::council::{AFFILIATIONS, meeting_presets};
use super::{FormKind, MODES, STANCES};
use crate::form::Form;
use yishi_domain::{
    Author, Buyer, Change, Channel, Council, CouncilId, MatterId, MeetingId, Member, MemberId,
    MotionId,
};
use yishi_text::Lang;

fn number(form: &Form, i: usize, lang: Lang, max: u32) -> Result<u32, String> {
    let field = form.fields.get(i).map_or(["", "", ""], |f| f.label);
    let s = form.text(i);
    // A count left empty is none: the fields start empty, so that typing 6 reads 6, not 06.
    let s = if s.trim().is_empty() { "0" } else { s };
    match s.parse::<u32>() {
        Ok(n) if n <= max => Ok(n),
        _ => Err(values::not_a_whole_number(lang, lang.say(field), s, max)),
    }
}

fn date(s: &str, today: NaiveDate, lang: Lang) -> Result<NaiveDate, String> {
    yishi_text::parse_date(s, today).ok_or_else(|| values::not_a_date(lang, s))
}

fn author(form: &Form, ids: &[MemberId]) -> Author {
    let resident = form.text(1);
    if !resident.is_empty() {
        return Author::Resident(resident.to_string());
    }
    match form.choice(0) {
        0 => Author::Anonymous,
        i => ids
            .get(i - 1)
            .map_or(Author::Anonymous, |id| Author::Member(*id)),
    }
}

/// The changes a submitted form asks for. `new_id` gives ids for new records.
pub fn changes(
    form: &Form,
    now: NaiveDateTime,
    lang: Lang,
    new_id: &mut dyn FnMut() -> u64,
) -> Result<Vec<Change>, String> {
    let today = now.date();
    Ok(match &form.kind {
        FormKind::NewCouncil => {
            let rule = meeting_presets()
                .into_iter()
                .nth(form.choice(1))
                .ok_or_else(|| lang.say(words::RULE).to_string())?;
            let threshold = number(form, 2, lang, 100)?;
            vec![Change::CreateCouncil(CreateCouncil {
                council: Box::new(Council {
                    id: CouncilId(new_id()),
                    name: form.text(0).to_string(),
                    members: Vec::new(),
                    rule,
                    satisfaction_threshold: u8::try_from(threshold).unwrap_or(100),
                    keys: Vec::new(),
                }),
            })]
        }
        FormKind::Member { council, owners } => {
            let affiliation = AFFILIATIONS[form.choice(1).min(AFFILIATIONS.len() - 1)];
            let mut member = Member::founding(
                MemberId(new_id()),
                form.text(0),
                affiliation,
                !owners && form.choice(2) == 0,
            );
            member.since = Some(date(form.text(3), today, lang)?);
            vec![Change::AddMember(AddMember {
                council: *council,
                member,
            })]
        }
        FormKind::Proxy { meeting, members } => vec![Change::GiveProxy(GiveProxy {
            meeting: *meeting,
            principal: members.get(form.choice(0)).copied().unwrap_or(MemberId(0)),
            holder: form.text(1).to_string(),
            given: date(form.text(2), today, lang)?,
            motion: None,
        })],
        FormKind::SellUnit {
            council,
            units,
            buyers,
        } => {
            let buyer = match form.choice(1) {
                0 => Buyer::New {
                    id: MemberId(new_id()),
                    name: form.text(2).to_string(),
                },
                i => Buyer::Member(buyers.get(i - 1).copied().unwrap_or(MemberId(0))),
            };
            vec![Change::SellUnit(SellUnit {
                council: *council,
                unit: units.get(form.choice(0)).cloned().unwrap_or_default(),
                on: date(form.text(3), today, lang)?,
                buyer,
            })]
        }
        FormKind::MemberLeaves { council, member } => vec![Change::MemberLeaves(MemberLeaves {
            council: *council,
            member: *member,
            on: date(form.text(1), today, lang)?,
        })],
        FormKind::NewMeeting { council, members } => {
            let start = yishi_text::parse_date_time(form.text(2), today).ok_or_else(|| {
                format!("“{}”{}", form.text(2), lang.say(words::IS_NOT_A_REAL_TIME))
            })?;
            let minutes = number(form, 5, lang, 60)?.max(1);
            let pick = |i: usize| members.get(form.choice(i)).copied().unwrap_or(MemberId(0));
            vec![Change::CreateMeeting(CreateMeeting {
                id: MeetingId(new_id()),
                council: *council,
                title: form.text(0).to_string(),
                place: form.text(1).to_string(),
                start,
                chair: pick(3),
                recorder: pick(4),
                speaker_limit_secs: minutes * 60,
            })]
        }
        FormKind::NewMatter { meeting, replacing } => {
            let title = form.text(0).to_string();
            let short = match form.text(1) {
                "" => short_title(&title),
                s => s.to_string(),
            };
            vec![match replacing {
                Some(matter) => Change::RetitleMatter(RetitleMatter {
                    matter: *matter,
                    meeting: *meeting,
                    title,
                    short_title: short,
                }),
                None => Change::CreateMatter(CreateMatter {
                    id: MatterId(new_id()),
                    meeting: *meeting,
                    title,
                    short_title: short,
                }),
            }]
        }
        FormKind::Opinion {
            matter,
            meeting,
            members,
            replacing,
        } => {
            let (author, text) = (author(form, members), form.text(3).to_string());
            let channel = Channel::ALL[form.choice(2).min(Channel::ALL.len() - 1)];
            vec![match replacing {
                Some(index) => Change::CorrectOpinion(CorrectOpinion {
                    matter: *matter,
                    meeting: *meeting,
                    index: *index,
                    author,
                    channel,
                    text,
                }),
                None => Change::AddOpinion(AddOpinion {
                    matter: *matter,
                    meeting: *meeting,
                    date: today,
                    author,
                    channel,
                    text,
                }),
            }]
        }
        FormKind::Speaker {
            matter,
            meeting,
            members,
            replacing,
        } => {
            let (speaker, stance) = (author(form, members), STANCES[form.choice(2).min(2)]);
            vec![match replacing {
                Some(index) => Change::CorrectSpeech(CorrectSpeech {
                    matter: *matter,
                    meeting: *meeting,
                    index: *index,
                    speaker,
                    stance,
                    summary: form.text(3).to_string(),
                }),
                None => Change::AddSpeaker(AddSpeaker {
                    matter: *matter,
                    meeting: *meeting,
                    speaker,
                    stance,
                }),
            }]
        }
        FormKind::Speech {
            matter,
            meeting,
            index,
            seconds,
        } => vec![Change::RecordSpeech(RecordSpeech {
            matter: *matter,
            meeting: *meeting,
            index: *index,
            stance: STANCES[form.choice(0).min(2)],
            summary: form.text(1).to_string(),
            seconds_used: *seconds,
        })],
        FormKind::Motion {
            matter,
            meeting,
            members,
            replacing,
            amends,
            items,
        } => {
            let text = form.text(0).to_string();
            // 0 is 请选择: no item, which the rule refuses in its own words.
            let item = match form.choice(4) {
                0 => None,
                i => items.get(i - 1).cloned(),
            };
            let mover = members.get(form.choice(1)).copied().unwrap_or(MemberId(0));
            let seconder = match form.choice(2) {
                0 => None,
                i => members.get(i - 1).copied(),
            };
            let mode = MODES[form.choice(3).min(2)];
            vec![match (replacing, amends) {
                (Some(motion), _) => Change::CorrectMotion(CorrectMotion {
                    motion: *motion,
                    text,
                    mover,
                    seconder,
                    mode,
                    item,
                }),
                (None, Some(motion)) => Change::ProposeAmendment(ProposeAmendment {
                    id: MotionId(new_id()),
                    motion: *motion,
                    text,
                    mover,
                    seconder,
                    mode,
                }),
                (None, None) => Change::ProposeMotion(ProposeMotion {
                    id: MotionId(new_id()),
                    matter: *matter,
                    meeting: *meeting,
                    text,
                    mover,
                    seconder,
                    mode,
                    item,
                }),
            }]
        }
        FormKind::Election {
            matter,
            meeting,
            members,
        } => {
            let seats = number(form, 1, lang, 1_000)?;
            vec![super::election::put(
                form,
                (*matter, *meeting, members),
                seats,
                MotionId(new_id()),
            )]
        }
        FormKind::ElectionCounts {
            motion,
            candidates,
            write_ins,
        } => {
            let mut votes = Vec::new();
            for (i, name) in candidates.iter().enumerate() {
                votes.push((name.clone(), number(form, 2 + i, lang, 100_000)?));
            }
            if *write_ins {
                // 路人甲:3；路人乙:1 — a name and its votes, each.
                for entry in form
                    .text(2 + candidates.len())
                    .split(['；', ';', '、', '，', ','])
                {
                    let Some((name, n)) = entry.split_once([':', '：']) else {
                        if entry.trim().is_empty() {
                            continue;
                        }
                        return Err(values::not_a_write_in(lang, entry.trim()));
                    };
                    let n = n
                        .trim()
                        .parse::<u32>()
                        .map_err(|_| values::not_a_write_in(lang, entry.trim()))?;
                    votes.push((name.trim().to_string(), n));
                }
            }
            vec![Change::EnterElectionCounts(EnterElectionCounts {
                motion: *motion,
                valid: number(form, 0, lang, 100_000)?,
                spoiled: number(form, 1, lang, 100_000)?,
                votes,
            })]
        }
        FormKind::Counts { motion, secret } => vec![Change::EnterCounts(EnterCounts {
            motion: *motion,
            yes: number(form, 0, lang, 100_000)?,
            no: number(form, 1, lang, 100_000)?,
            abstain: number(form, 2, lang, 100_000)?,
            spoiled: if *secret {
                number(form, 3, lang, 100_000)?
            } else {
                0
            },
        })],
        FormKind::Resolve { matter, meeting } => vec![Change::ResolveRejected(ResolveRejected {
            matter: *matter,
            meeting: *meeting,
            send_back: form.choice(0) == 0,
            reason: form.text(1).to_string(),
        })],
        FormKind::Conclude { matter, meeting } => vec![Change::ConcludeReview(ConcludeReview {
            matter: *matter,
            meeting: *meeting,
            waiver: form.text(0).to_string(),
        })],
        FormKind::Task {
            matter,
            meeting,
            replacing,
        } => {
            let (text, owner) = (form.text(0).to_string(), form.text(1).to_string());
            let (due, supervised) = (date(form.text(2), today, lang)?, form.choice(3) == 1);
            vec![match replacing {
                Some(index) => Change::CorrectTask(CorrectTask {
                    matter: *matter,
                    meeting: *meeting,
                    index: *index,
                    text,
                    owner,
                    due,
                    supervised,
                }),
                None => Change::AddTask(AddTask {
                    matter: *matter,
                    meeting: *meeting,
                    text,
                    owner,
                    due,
                    supervised,
                }),
            }]
        }
        FormKind::Progress {
            matter,
            meeting,
            task,
        } => vec![Change::RecordProgress(RecordProgress {
            matter: *matter,
            meeting: *meeting,
            task: *task,
            date: today,
            percent: number(form, 0, lang, 100)? as u8,
            note: form.text(1).to_string(),
        })],
        FormKind::Search | FormKind::Export { .. } | FormKind::Seal { .. } => Vec::new(),
        FormKind::Correction {
            meeting,
            places,
            members,
        } => {
            let (matter, step) = places.get(form.choice(0)).copied().unwrap_or((None, None));
            vec![Change::Correct(Correct {
                meeting: *meeting,
                by: members.get(form.choice(1)).copied().unwrap_or(MemberId(0)),
                matter,
                step,
                text: form.text(2).to_string(),
                reason: form.text(3).to_string(),
            })]
        }
        FormKind::Review { matter, meeting } => vec![Change::RecordReview(RecordReview {
            matter: *matter,
            meeting: *meeting,
            satisfied: number(form, 0, lang, 100_000)?,
            basically_satisfied: number(form, 1, lang, 100_000)?,
            dissatisfied: number(form, 2, lang, 100_000)?,
            comments: form
                .text(3)
                .split(['；', ';'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
        })],
    })
}

/// The most characters of a short title made from the full one.
const SHORT_TITLE: usize = 12;

/// A short title made from `title` where none is given: the title up to its first bracket
/// or punctuation (老旧公房加装电梯（5号楼） → 老旧公房加装电梯), the whole of a short one, or
/// the start with … where neither fits, so that a cut never passes for a word.
fn short_title(title: &str) -> String {
    let chars: Vec<char> = title.trim().chars().collect();
    let head = chars
        .iter()
        .position(|c| !(c.is_alphanumeric() || *c == ' '))
        .unwrap_or(chars.len());
    if (2..=SHORT_TITLE).contains(&head) {
        return chars[..head].iter().collect::<String>().trim().to_string();
    }
    if chars.len() <= SHORT_TITLE {
        return chars.iter().collect();
    }
    let mut short: String = chars[..SHORT_TITLE - 1].iter().collect();
    short.push('…');
    short
}

#[cfg(test)]
mod tests {
    use super::short_title;

    #[test]
    fn a_short_title_ends_at_a_bracket_or_a_mark_or_says_it_was_cut() {
        for (title, short) in [
            ("老旧公房加装电梯（5号楼）", "老旧公房加装电梯"),
            ("垃圾分类，厨余桶摆放位置", "垃圾分类"),
            ("停车收费", "停车收费"),
            ("“油烟”扰民", "“油烟”扰民"),
            (
                "关于小区东门至菜市场沿街商铺油烟噪声长期扰民的综合治理",
                "关于小区东门至菜市场沿…",
            ),
            ("Bike shed (block 3)", "Bike shed"),
        ] {
            assert_eq!(short_title(title), short, "{title}");
        }
    }
}
