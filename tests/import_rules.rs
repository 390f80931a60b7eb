//! An import is held to the rules the live record keeps: every record a chair could not have
//! made in the console is refused, naming its place, and nothing changes. And the rule
//! presets' boundary cases come out the same whether the vote is taken in the console or
//! arrives in a file.

mod support;

use serde_json::{Value, json};
use support::refused::{import_fails, sample_value};
use support::{stderr, yishi};
use yishi::domain::*;

/// The sample with one change made to it.
fn sample_with(change: impl FnOnce(&mut Value)) -> String {
    let mut v = sample_value();
    change(&mut v);
    v.to_string()
}

/// Each case: a change to the sample, the place the refusal must name, and what it must say.
#[test]
fn imports_breaking_a_rule_of_the_live_record_are_refused_where_they_break_it() {
    type Case = (fn(&mut Value), &'static str, &'static str);
    let cases: [Case; 16] = [
        // 居民代表会议, 15 members: 9 present and 5 observing is no quorum, yet "passed".
        (
            |v| {
                for id in ["2", "3", "4", "5", "6"] {
                    v["meetings"][3]["attendance"][id] = json!("observing");
                }
                let m = &mut v["motions"][4];
                m["present"] = json!(9);
                m["ballots"]["counts"] = json!({"yes": 6, "no": 2, "abstain": 1});
            },
            "motions[4].present",
            "no quorum",
        ),
        (
            |v| v["motions"][0]["present"] = json!(12),
            "motions[0].present",
            "the vote records 12 present of 15, but the roll when it opened says 13 of 15",
        ),
        (
            |v| v["meetings"][0]["end"] = json!("2026-06-13T13:00:00"),
            "meetings[0].end",
            "the end of the meeting is before the start of the meeting",
        ),
        (
            |v| v["motions"][1]["closed"] = json!("2026-06-13T15:50:00"),
            "motions[1].closed",
            "the close of the vote is before the opening of the vote",
        ),
        (
            |v| {
                let m = v["motions"][0].as_object_mut().expect("motion");
                m.remove("opened");
                m.remove("closed");
            },
            "motions[0].opened",
            "the opening of the vote is missing",
        ),
        (
            |v| v["meetings"][1]["signature"]["at"] = json!("2026-07-18T18:00:00"),
            "meetings[1].signature.at",
            "the signature is before the end of the meeting",
        ),
        // 孙慧敏 was excused when the motion was moved: she came later.
        (
            |v| v["motions"][6]["mover"] = json!(7),
            "motions[6].mover",
            "孙慧敏 is not a voting member present and cannot move or second",
        ),
        (
            |v| v["matters"][2]["speeches"][0]["speaker"] = json!({"member": 16}),
            "matters[2].speeches[0].speaker",
            "邓春燕 is not in the room",
        ),
        (
            |v| {
                for t in v["matters"][0]["tasks"].as_array_mut().expect("tasks") {
                    t["progress"] = json!([]);
                }
            },
            "matters[0].history[6].waiver",
            "only 0 of 2 tasks are done",
        ),
        (
            |v| v["councils"][0]["members"][3]["name"] = json!("林\u{200b}佳"),
            "councils[0].members[3].name",
            "U+200B",
        ),
        (
            |v| v["councils"][0]["members"][3]["name"] = json!("林\u{200e}佳"),
            "councils[0].members[3].name",
            "U+200E",
        ),
        (
            |v| v["matters"][1]["title"] = json!("楼道\u{2028}照明"),
            "matters[1].title",
            "U+2028",
        ),
        (
            |v| v["meetings"][0]["title"] = json!("六月议事\n电梯"),
            "meetings[0].title",
            "no line breaks",
        ),
        (
            |v| v["councils"][0]["members"][2]["name"] = json!("马".repeat(1 << 20)),
            "councils[0].members[2].name",
            "too long",
        ),
        (
            |v| v["matters"][0]["speeches"][0]["seconds_used"] = json!(4_294_967_295u32),
            "matters[0].speeches[0].seconds_used",
            "time used is out of range",
        ),
        (
            |v| v["motions"][3]["ballots"]["secret"]["spoiled"] = json!(1),
            "motions[3].ballots",
            "ballots counted (spoiled included), but 12 were handed in",
        ),
    ];
    for (change, place, words) in cases {
        let said = import_fails(&sample_with(change), place);
        assert!(said.contains(words), "{place}: says {words:?}: {said}");
    }
}

/// A council of `entitled` voting members under `preset`, `present` of them marked present.
fn council_of(preset: &str, entitled: u64) -> Council {
    let rule = presets()
        .into_iter()
        .find(|r| r.key == preset)
        .expect("preset");
    Council {
        id: CouncilId(1),
        name: "试点议事会".into(),
        members: (1..=entitled)
            .map(|i| {
                Member::founding(
                    MemberId(i),
                    &format!("成员{i}"),
                    Affiliation::ResidentRepresentative,
                    true,
                )
            })
            .collect(),
        rule,
        satisfaction_threshold: 80,
        keys: Vec::new(),
    }
}

fn at(minute: u32) -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 22)
        .and_then(|d| d.and_hms_opt(14, minute, 0))
        .expect("time")
}

/// The changes a chair makes in the console for a show of hands, applied by the same rules;
/// the record it leaves (or the vote forced closed where the console refused to open it).
fn in_the_console(
    preset: &str,
    entitled: u64,
    present: u64,
    counts: [u32; 3],
) -> (Option<bool>, MemoryRecords) {
    let mut r = MemoryRecords::default();
    let mut minute = 0;
    let mut step = |r: &mut MemoryRecords, change: Change| {
        minute += 1;
        apply(&change, at(minute), r).map(|w| w.into_iter().for_each(|w| r.put(w)))
    };
    let (meeting, matter, motion) = (MeetingId(10), MatterId(20), MotionId(30));
    let setup = [
        Change::CreateCouncil(CreateCouncil {
            council: Box::new(council_of(preset, entitled)),
        }),
        Change::CreateMeeting(CreateMeeting {
            id: meeting,
            council: CouncilId(1),
            title: "边界".into(),
            place: "议事厅".into(),
            start: at(0),
            chair: MemberId(1),
            recorder: MemberId(1),
            speaker_limit_secs: 180,
        }),
    ];
    for c in setup {
        step(&mut r, c).expect("setup");
    }
    for i in 1..=entitled {
        let attendance = if i <= present {
            Attendance::Present
        } else {
            Attendance::Absent
        };
        step(
            &mut r,
            Change::MarkAttendance(MarkAttendance {
                meeting,
                member: MemberId(i),
                attendance,
            }),
        )
        .expect("roll call");
    }
    // Where the rule decides item by item, its first (general) item.
    let item = presets()
        .into_iter()
        .find(|r| r.key == preset)
        .and_then(|r| r.items.first().map(|i| i.key.clone()));
    let more = [
        Change::StartMeeting(StartMeeting { meeting }),
        Change::CreateMatter(CreateMatter {
            id: matter,
            meeting,
            title: "事项".into(),
            short_title: "事项".into(),
        }),
        Change::Advance(Advance {
            matter,
            meeting,
            to: Step::Hear,
        }),
        Change::Advance(Advance {
            matter,
            meeting,
            to: Step::Decide,
        }),
        Change::ProposeMotion(ProposeMotion {
            id: motion,
            matter,
            meeting,
            text: "动议".into(),
            mover: MemberId(1),
            seconder: None,
            mode: VoteMode::ShowOfHands,
            item,
        }),
    ];
    for c in more {
        step(&mut r, c).expect("to the vote");
    }
    let [yes, no, abstain] = counts;
    if step(&mut r, Change::OpenVote(OpenVote { motion })).is_err() {
        // Refused for want of a quorum: the file says it was held all the same.
        let v = r.motions.get_mut(&motion).expect("motion");
        v.state = VoteState::Closed;
        v.present = present as u32;
        v.entitled = entitled as u32;
        v.opened = Some(at(50));
        v.closed = Some(at(51));
        v.roll = Some(0);
        v.ballots = Ballots::Counts { yes, no, abstain };
        v.passed = Some(true);
        return (None, r);
    }
    let close = [
        Change::EnterCounts(EnterCounts {
            motion,
            yes,
            no,
            abstain,
            spoiled: 0,
        }),
        Change::CloseVote(CloseVote { motion }),
        Change::EndMeeting(EndMeeting { meeting }),
    ];
    for c in close {
        step(&mut r, c).expect("the vote");
    }
    (r.motions[&motion].passed, r)
}

fn import(doc: &Document) -> Result<(), String> {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("doc.json");
    std::fs::write(&file, doc.to_json()).expect("write");
    let db = dir.path().join("db");
    let o = yishi(
        &db,
        &["--lang", "en", "import", file.to_str().expect("path")],
    );
    if o.status.success() {
        Ok(())
    } else {
        Err(stderr(&o))
    }
}

#[test]
fn the_presets_boundary_rows_come_out_the_same_in_the_console_and_on_import() {
    // (preset, 应到, 实到, yes/no/abstain, the result the statute gives: None for no quorum)
    type Row = (&'static str, u64, u64, [u32; 3], Option<bool>);
    let rows: [Row; 10] = [
        ("representatives-meeting", 15, 10, [6, 4, 0], Some(true)), // exactly 2/3 is 以上
        ("representatives-meeting", 15, 9, [9, 0, 0], None),
        ("residents-meeting", 10, 5, [5, 0, 0], None), // exactly half is not 过半数
        ("residents-meeting", 10, 6, [3, 3, 0], Some(false)), // exactly half of 实到
        ("residents-meeting", 10, 6, [4, 1, 1], Some(true)),
        ("representatives-meeting", 15, 12, [6, 2, 4], Some(false)), // abstentions count against
        ("representatives-meeting", 15, 12, [7, 0, 5], Some(true)),
        ("party-members-meeting", 15, 10, [8, 2, 0], Some(true)), // 过半数 of 应到
        ("party-members-meeting", 15, 10, [7, 3, 0], Some(false)),
        ("party-members-meeting", 20, 14, [10, 4, 0], Some(false)), // exactly half of 应到
    ];
    for (preset, entitled, present, counts, statute) in rows {
        let row = format!("{preset} {present}/{entitled} {counts:?}");
        let (console, records) = in_the_console(preset, entitled, present, counts);
        assert_eq!(console, statute, "the console: {row}");
        let doc = records.to_document();
        match statute {
            Some(_) => {
                assert_eq!(import(&doc), Ok(()), "the console's record imports: {row}");
                // The same vote with the other result is refused.
                let mut flipped = doc.clone();
                flipped.motions[0].passed = statute.map(|p| !p);
                let said = import(&flipped).expect_err(&row);
                assert!(said.contains("motions[0].passed"), "{row}: {said}");
            }
            None => {
                let said = import(&doc).expect_err(&row);
                assert!(
                    said.contains("motions[0].present") && said.contains("no quorum"),
                    "{row}: {said}"
                );
            }
        }
    }
}
