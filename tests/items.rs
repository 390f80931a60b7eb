//! Owners decide item by item (《民法典》第二百七十八条): in one meeting an ordinary item and a
//! special one, each on its boundaries — exactly at the statute's line and one hundredth of a
//! square metre (or one owner) short of it, by floor area and by headcount — and too few taking
//! part, which decides nothing and leaves the matter open. The record is made in sled on disk,
//! decided by the program, and read back from the minutes the binary prints.
//!
//! The oracle is the statute's words, worked out here: 参与表决 needs 三分之二以上 of all owners
//! and of the whole area (3·part ≥ 2·all); items (六)–(八) need 四分之三以上 of those taking
//! part (4·yes ≥ 3·part); the other items 过半数 (2·yes > part). Both measures must hold.

mod support;

use std::collections::BTreeMap;
use yishi::domain::{
    Advance, CastBallot, CloseVote, CreateCouncil, CreateMatter, CreateMeeting, MarkAttendance,
    OpenVote, ProposeMotion, StartMeeting,
};

use chrono::{NaiveDate, NaiveDateTime};
use support::{stderr, stdout, yishi};
use yishi::domain::Records;
use yishi::domain::{
    Attendance, Change, Choice, Council, MatterId, MeetingId, MemberId, MotionId, Stage, Step,
    VoteMode,
};
use yishi::store::Store;

/// The register: owner code, name, area in hundredths of m². Fifteen owners, 1800.00 m²: two
/// thirds are exactly 10 owners and 1200.00 m².
const REGISTER: [(&str, &str, u64); 15] = [
    ("D", "丁大户", 40_000),
    ("A1", "王一民", 10_000),
    ("A2", "李二华", 10_000),
    ("A3", "张三春", 10_000),
    ("A4", "刘四海", 10_000),
    ("A5", "陈五福", 10_000),
    ("A6", "杨六顺", 10_000),
    ("A7", "黄七巧", 10_000),
    ("A8", "赵八方", 10_000),
    ("A9", "吴九如", 10_000),
    ("A10", "周十全", 10_000),
    ("A11", "徐冬至", 10_000),
    ("A12", "孙夏至", 10_000),
    ("B", "白秋分", 9_999),
    ("C", "曹春分", 10_001),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// 第五项 使用维修资金: more than half.
    Ordinary,
    /// 第七项 改建、重建: three quarters and more.
    Special,
}

/// What the statute makes of a vote, and which tests fell short.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Passed,
    /// Not adopted: the passing tests missed (area, heads).
    Failed(bool, bool),
    /// 未形成决议: the participation tests missed (area, heads).
    NoDecision(bool, bool),
}
use Outcome::*;

/// One row: what it shows, the item, who voted yes and no (everyone else took no part), and
/// the outcome worked out by hand.
type Row = (&'static str, Kind, &'static str, &'static str, Outcome);

const ROWS: [Row; 12] = [
    // 12 of 15 owners, 1200.00 of 1800.00 m² take part: the area exactly at two thirds.
    // 9 of 12 and 900.00 of 1200.00 m² in favour: both exactly at three quarters.
    (
        "special item, both shares exactly at the line",
        Kind::Special,
        "A1-A9",
        "A10-A12",
        Passed,
    ),
    // 12 owners, 1200.00 m² take part; 9 of 12 in favour (at the line) with 899.99 m²: one
    // hundredth of a square metre short of 900.00.
    (
        "special item, area one hundredth short",
        Kind::Special,
        "A1-A8 B",
        "A9 A10 C",
        Failed(true, false),
    ),
    // 13 owners, 1600.00 m² take part; 1200.00 m² in favour is exactly three quarters, but 9 of
    // 13 owners is short (4·9 = 36 < 39).
    (
        "special item, heads one short, area at the line",
        Kind::Special,
        "D A1-A8",
        "A9-A12",
        Failed(false, true),
    ),
    // The same ballots decided as two items: 7 of 12 owners and 700.00 of 1200.00 m².
    (
        "ordinary item: 7 of 12 and 700.00 of 1200.00 m² pass",
        Kind::Ordinary,
        "A1-A7",
        "A8-A12",
        Passed,
    ),
    (
        "special item: the same 7 of 12 and 700.00 of 1200.00 m² do not",
        Kind::Special,
        "A1-A7",
        "A8-A12",
        Failed(true, true),
    ),
    // 10 of 15 owners take part: exactly two thirds. 5 of 10 in favour is exactly half, which is
    // not more than half; 800.00 of 1300.00 m² is.
    (
        "ordinary item, heads exactly half, participation exactly two thirds of owners",
        Kind::Ordinary,
        "D A1-A4",
        "A5-A9",
        Failed(false, true),
    ),
    // 13 owners, 1600.00 m²; 800.00 m² in favour is exactly half: not more than half.
    (
        "ordinary item, area exactly half",
        Kind::Ordinary,
        "A1-A8",
        "D A9-A12",
        Failed(true, false),
    ),
    // All 15 owners, 1800.00 m²: 900.01 m² in favour is one hundredth over half.
    (
        "ordinary item, area one hundredth over half",
        Kind::Ordinary,
        "A1-A8 C",
        "D A9-A12 B",
        Passed,
    ),
    // All 15 owners; 899.99 m² in favour is one hundredth short of half.
    (
        "ordinary item, area one hundredth under half",
        Kind::Ordinary,
        "A1-A8 B",
        "D A9-A12 C",
        Failed(true, false),
    ),
    // 10 owners at the participation line, 1300.00 m²; 6 of 10 and 900.00 m² in favour.
    (
        "ordinary item, participation exactly two thirds of owners",
        Kind::Ordinary,
        "D A1-A5",
        "A6-A9",
        Passed,
    ),
    // 9 of 15 owners take part (27 < 30), holding 1200.00 m² (exactly two thirds).
    (
        "too few owners take part: no decision",
        Kind::Ordinary,
        "D A1-A8",
        "",
        NoDecision(false, true),
    ),
    // 12 owners take part holding 1199.99 m²: one hundredth short of two thirds.
    (
        "too little area takes part: no decision",
        Kind::Ordinary,
        "A1-A11 B",
        "",
        NoDecision(true, false),
    ),
];

/// "D A1-A8 B" as owner codes.
fn owners(set: &str) -> Vec<&'static str> {
    let mut out = Vec::new();
    for part in set.split_whitespace() {
        match part.split_once('-') {
            Some((from, to)) => {
                let n = |s: &str| s.trim_start_matches('A').parse::<usize>().expect("A<n>");
                for k in n(from)..=n(to) {
                    out.push(code(&format!("A{k}")));
                }
            }
            None => out.push(code(part)),
        }
    }
    out
}

fn code(c: &str) -> &'static str {
    REGISTER
        .iter()
        .find(|(k, ..)| *k == c)
        .map(|(k, ..)| *k)
        .unwrap_or_else(|| panic!("no owner {c}"))
}

fn area(codes: &[&str]) -> u64 {
    codes
        .iter()
        .map(|c| REGISTER.iter().find(|(k, ..)| k == c).map_or(0, |r| r.2))
        .sum()
}

/// The outcome by the statute's words, from the register: the hand-written column is checked
/// against it before the program is asked.
fn by_the_statute(kind: Kind, yes: &[&str], no: &[&str]) -> Outcome {
    let (all_heads, all_area) = (REGISTER.len() as u64, area(&owners("D A1-A12 B C")));
    let part = [yes, no].concat();
    let (part_heads, part_area) = (part.len() as u64, area(&part));
    let (yes_heads, yes_area) = (yes.len() as u64, area(yes));
    // 三分之二以上 of all owners and of the whole area take part.
    let short_area = 3 * part_area < 2 * all_area;
    let short_heads = 3 * part_heads < 2 * all_heads;
    if short_area || short_heads {
        return NoDecision(short_area, short_heads);
    }
    let reaches = |yes: u64, part: u64| match kind {
        Kind::Special => 4 * yes >= 3 * part,
        Kind::Ordinary => 2 * yes > part,
    };
    let (area_ok, heads_ok) = (reaches(yes_area, part_area), reaches(yes_heads, part_heads));
    if area_ok && heads_ok {
        Passed
    } else {
        Failed(!area_ok, !heads_ok)
    }
}

fn sqm(h: u64) -> String {
    format!("{}.{:02}", h / 100, h % 100)
}

/// What the minutes say of a row, in the statute's words: the figures, which test fell short,
/// and the verdict.
fn minutes_words(kind: Kind, yes: &[&str], no: &[&str], outcome: Outcome) -> Vec<String> {
    let part = [yes, no].concat();
    let line = match kind {
        Kind::Special => "四分之三",
        Kind::Ordinary => "半数",
    };
    let not_reached = |what: &str| match kind {
        Kind::Special => format!("同意的业主{what}未达到四分之三"),
        Kind::Ordinary => format!("同意的业主{what}未超过半数"),
    };
    let mut said = vec![format!(
        "同意的业主专有部分面积{}平方米，占参与表决面积{}平方米的",
        sqm(area(yes)),
        sqm(area(&part))
    )];
    said.push(match outcome {
        Passed => format!("{line}以上）。通过。").replace("半数以上", "半数"),
        Failed(true, true) => format!(
            "{}、{}，未通过。",
            not_reached("专有部分面积"),
            not_reached("人数")
        ),
        Failed(true, false) => format!("{}，未通过。", not_reached("专有部分面积")),
        Failed(false, true) => format!("{}，未通过。", not_reached("人数")),
        NoDecision(true, false) => "参与表决的业主专有部分面积未达到三分之二，未形成决议。".into(),
        NoDecision(false, true) => "参与表决的业主人数未达到三分之二，未形成决议。".into(),
        other => panic!("no row is {other:?}"),
    });
    said.push(match kind {
        Kind::Special => "决定事项为（七）改建、重建建筑物及其附属设施（《中华人民共和国民法典》第二百七十八条第一款第七项）".into(),
        Kind::Ordinary => "决定事项为（五）使用建筑物及其附属设施的维修资金（《中华人民共和国民法典》第二百七十八条第一款第五项）".into(),
    });
    said
}

fn register_csv() -> String {
    let mut csv = String::from("\u{feff}房号,业主,专有部分面积（㎡）\r\n");
    for (k, (_, name, a)) in REGISTER.iter().enumerate() {
        csv += &format!("3-{:02},{name},{}\r\n", k + 1, sqm(*a));
    }
    csv
}

/// Records one vote per row (each on a matter of its own, titled 情形NN) in one meeting of
/// the council under `preset`; returns the store's motions by row.
struct Meeting {
    store: Store,
    council: Council,
    meeting: MeetingId,
    at: NaiveDateTime,
}

impl Meeting {
    fn call(db: &std::path::Path, preset: &str) -> Meeting {
        let dir = db.parent().expect("a folder");
        let file = dir.join(format!("{preset}.csv"));
        std::fs::write(&file, register_csv()).expect("register");
        let made = yishi(
            db,
            &[
                "--lang",
                "zh-Hans",
                "council",
                "import",
                file.to_str().expect("utf-8"),
                "--name",
                "青禾里3号楼业主大会",
                "--rule",
                preset,
            ],
        );
        assert!(made.status.success(), "{}", stderr(&made));
        let store = Store::open(db).expect("open");
        let council = store.first_council().expect("read").expect("a council");
        let at = NaiveDate::from_ymd_opt(2026, 12, 5)
            .and_then(|d| d.and_hms_opt(19, 0, 0))
            .expect("a day");
        let meeting = MeetingId(store.next_id().expect("id"));
        let mut m = Meeting {
            store,
            council,
            meeting,
            at,
        };
        let (chair, recorder) = (m.id("A1"), m.id("A2"));
        m.apply(Change::CreateMeeting(CreateMeeting {
            id: meeting,
            council: m.council.id,
            title: "业主大会".into(),
            place: "3号楼一层大厅".into(),
            start: at,
            chair,
            recorder,
            speaker_limit_secs: 180,
        }));
        for (c, ..) in REGISTER {
            let member = m.id(c);
            m.apply(Change::MarkAttendance(MarkAttendance {
                meeting,
                member,
                attendance: Attendance::Present,
            }));
        }
        m.apply(Change::StartMeeting(StartMeeting { meeting }));
        m
    }

    fn id(&self, code: &str) -> MemberId {
        let name = REGISTER
            .iter()
            .find(|(k, ..)| *k == code)
            .map(|r| r.1)
            .expect("an owner");
        self.council
            .members
            .iter()
            .find(|m| m.name == name)
            .map(|m| m.id)
            .unwrap_or_else(|| panic!("{name} on the council"))
    }

    fn apply(&mut self, change: Change) {
        self.try_apply(change).expect("the change");
    }

    fn try_apply(&mut self, change: Change) -> Result<(), String> {
        self.at += chrono::Duration::minutes(1);
        self.store
            .apply(&change, self.at)
            .map(|_| ())
            .map_err(|e| e.describe(yishi::text::Lang::ZhHans))
    }

    /// A matter brought to the decision.
    fn matter(&mut self, title: &str) -> MatterId {
        let matter = MatterId(self.store.next_id().expect("id"));
        self.apply(Change::CreateMatter(CreateMatter {
            id: matter,
            meeting: self.meeting,
            title: title.into(),
            short_title: title.into(),
        }));
        for to in [Step::Hear, Step::Decide] {
            self.apply(Change::Advance(Advance {
                matter,
                meeting: self.meeting,
                to,
            }));
        }
        matter
    }

    fn propose(&mut self, matter: MatterId, item: Option<&str>) -> Result<MotionId, String> {
        let id = MotionId(self.store.next_id().expect("id"));
        let mover = self.id("A1");
        self.try_apply(Change::ProposeMotion(ProposeMotion {
            id,
            matter,
            meeting: self.meeting,
            text: "同意按方案实施。".into(),
            mover,
            seconder: None,
            mode: VoteMode::RollCall,
            item: item.map(str::to_string),
        }))?;
        Ok(id)
    }

    /// A vote by name: `yes` and `no` owners, the rest taking no part.
    fn vote(&mut self, motion: MotionId, yes: &[&str], no: &[&str]) {
        self.apply(Change::OpenVote(OpenVote { motion }));
        for (set, choice) in [(yes, Choice::Yes), (no, Choice::No)] {
            for c in set {
                let member = self.id(c);
                self.apply(Change::CastBallot(CastBallot {
                    motion,
                    member,
                    choice,
                }));
            }
        }
        self.apply(Change::CloseVote(CloseVote { motion }));
    }
}

fn item_key(kind: Kind) -> &'static str {
    match kind {
        Kind::Ordinary => "5",
        Kind::Special => "7",
    }
}

/// Every row a preset decides, in one meeting of a council under it; each row's outcome as the
/// program records it and as the minutes word it.
fn run(preset: &str, kinds: &[Kind]) {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("db");
    let mut m = Meeting::call(&db, preset);
    let mut decided: BTreeMap<usize, (MatterId, MotionId)> = BTreeMap::new();
    for (n, (what, kind, yes, no, outcome)) in ROWS.iter().enumerate() {
        if !kinds.contains(kind) {
            continue;
        }
        let (yes, no) = (owners(yes), owners(no));
        assert_eq!(
            by_the_statute(*kind, &yes, &no),
            *outcome,
            "row {n} ({what}): the hand-worked outcome and the statute's words disagree"
        );
        let matter = m.matter(&format!("情形{n:02}"));
        let motion = m
            .propose(matter, Some(item_key(*kind)))
            .unwrap_or_else(|e| panic!("row {n}: {e}"));
        m.vote(motion, &yes, &no);
        let v = m.store.motion(motion).expect("read").expect("the motion");
        let recorded = match (v.passed, v.no_decision) {
            (Some(true), _) => "passed",
            (Some(false), true) => "no decision",
            (Some(false), false) => "not adopted",
            (None, _) => "open",
        };
        let want = match outcome {
            Passed => "passed",
            Failed(..) => "not adopted",
            NoDecision(..) => "no decision",
        };
        assert_eq!(recorded, want, "row {n} ({what}) under {preset}");
        let x = m.store.matter(matter).expect("read").expect("the matter");
        let stage = match outcome {
            Passed => Stage::At(Step::Execute),
            _ => Stage::At(Step::Decide),
        };
        assert_eq!(x.stage, stage, "row {n} ({what})");
        decided.insert(n, (matter, motion));
    }
    // A vote that decided nothing leaves the matter open: another motion is moved on it.
    for (n, (matter, _)) in &decided {
        if let NoDecision(..) = ROWS[*n].4 {
            let again = m.propose(*matter, Some("5"));
            assert!(again.is_ok(), "row {n}: {again:?}");
        }
    }
    drop(m);

    let minutes = stdout(&yishi(
        &db,
        &["--lang", "zh-Hans", "minutes", "latest", "--width", "4000"],
    ));
    for n in decided.keys() {
        let (what, kind, yes, no, outcome) = ROWS[*n];
        let (yes, no) = (owners(yes), owners(no));
        // The matter's part of the minutes: from its heading to the next matter's.
        let head = format!("、情形{n:02}\n");
        let from = minutes
            .find(&head)
            .unwrap_or_else(|| panic!("{head} in the minutes:\n{minutes}"));
        let section = &minutes[from + head.len()..];
        let section = section
            .find("、情形")
            .map_or(section, |end| &section[..end]);
        for said in minutes_words(kind, &yes, &no, outcome) {
            assert!(
                section.contains(&said),
                "row {n} ({what}) under {preset}: the minutes lack {said:?}:\n{section}"
            );
        }
    }
}

#[test]
fn one_owners_meeting_decides_an_ordinary_and_a_special_item_each_at_its_own_line() {
    run("owners", &[Kind::Ordinary, Kind::Special]);
}

#[test]
fn the_ordinary_preset_on_its_boundaries() {
    run("owners-ordinary", &[Kind::Ordinary]);
}

#[test]
fn the_special_preset_on_its_boundaries() {
    run("owners-special", &[Kind::Special]);
}

/// A motion under a rule that sets its line per item names the item it decides; an ordinary
/// owners' council cannot decide a special item on ordinary numbers, and says which rule can.
#[test]
fn a_motion_names_its_item_and_only_one_its_rule_decides() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut m = Meeting::call(&dir.path().join("db"), "owners-ordinary");
    let matter = m.matter("加装电梯");
    let none = m.propose(matter, None).expect_err("an item is needed");
    assert!(none.contains("请选择本动议决定的事项"), "{none}");
    let special = m
        .propose(matter, Some("7"))
        .expect_err("not an ordinary item");
    assert!(
        special.contains("业主大会（一般事项）不决定第7项事项，须由规则为业主大会的会议表决"),
        "{special}"
    );
    m.propose(matter, Some("5")).expect("an ordinary item");
}

/// A party branch's general meeting decides the community's matters by 支部工作条例 第十一条
/// (半数以上 present: five of ten will do) and admits a probationary member by 发展党员工作细则
/// 第二十一条: more than half present (five of ten will not, six will), and the written
/// opinions of members who could not come, handed in before, counted in the votes. Worked out
/// by hand: six present, four for and two against; two absent members' written opinions for.
/// Six of ten entitled in favour is more than half: admitted. Without the written opinions,
/// four of ten would not be.
#[test]
fn a_party_branch_admits_a_member_with_the_written_opinions_of_those_absent() {
    use yishi::domain::{Affiliation, CouncilId, Member, presets};
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("db");
    let mut store = Store::open(&db).expect("open");
    let names = [
        "王建华",
        "李秀英",
        "张志强",
        "刘桂兰",
        "陈国庆",
        "杨春燕",
        "黄伟民",
        "赵丽娟",
        "吴振东",
        "周玉梅",
    ];
    let members: Vec<Member> = names
        .iter()
        .zip(1..)
        .map(|(n, id)| Member::founding(MemberId(id), n, Affiliation::PartyBranch, true))
        .collect();
    let rule = presets()
        .into_iter()
        .find(|r| r.key == "party-members-meeting")
        .expect("the preset");
    let council = Council {
        id: CouncilId(100),
        name: "青禾里小区党支部".into(),
        members,
        rule,
        satisfaction_threshold: 80,
        keys: Vec::new(),
    };
    let at = NaiveDate::from_ymd_opt(2026, 12, 5)
        .and_then(|d| d.and_hms_opt(19, 0, 0))
        .expect("a time");
    let said = |r: Result<_, yishi::store::StoreError>| {
        r.map(|_| ())
            .map_err(|e| e.describe(yishi::text::Lang::ZhHans))
    };
    let apply = |store: &mut Store, change: Change| said(store.apply(&change, at));
    apply(
        &mut store,
        Change::CreateCouncil(CreateCouncil {
            council: Box::new(council),
        }),
    )
    .expect("the branch");
    let meeting = MeetingId(200);
    let mut steps = vec![Change::CreateMeeting(CreateMeeting {
        id: meeting,
        council: CouncilId(100),
        title: "党员大会".into(),
        place: "党群服务中心".into(),
        start: at,
        chair: MemberId(1),
        recorder: MemberId(2),
        speaker_limit_secs: 180,
    })];
    for id in 1..=5 {
        steps.push(Change::MarkAttendance(MarkAttendance {
            meeting,
            member: MemberId(id),
            attendance: Attendance::Present,
        }));
    }
    steps.push(Change::StartMeeting(StartMeeting { meeting }));
    for (matter, title) in [
        (MatterId(300), "小区停车管理"),
        (MatterId(301), "接收杨春燕为预备党员"),
    ] {
        steps.push(Change::CreateMatter(CreateMatter {
            id: matter,
            meeting,
            title: title.into(),
            short_title: title.into(),
        }));
        for to in [Step::Hear, Step::Decide] {
            steps.push(Change::Advance(Advance {
                matter,
                meeting,
                to,
            }));
        }
    }
    let motion = |id: u64, matter: u64, item: &str| {
        Change::ProposeMotion(ProposeMotion {
            id: MotionId(id),
            matter: MatterId(matter),
            meeting,
            text: "同意。".into(),
            mover: MemberId(1),
            seconder: None,
            mode: VoteMode::RollCall,
            item: Some(item.into()),
        })
    };
    steps.push(motion(400, 300, "1"));
    steps.push(motion(401, 301, "2"));
    // Five of ten present: half, which 第十一条 admits.
    steps.push(Change::OpenVote(OpenVote {
        motion: MotionId(400),
    }));
    for c in steps {
        apply(&mut store, c.clone()).unwrap_or_else(|e| panic!("{c:?}: {e}"));
    }
    // Under 第十一条 a member not in the room does not vote.
    let absent = Change::CastBallot(CastBallot {
        motion: MotionId(400),
        member: MemberId(7),
        choice: Choice::Yes,
    });
    let refused = apply(&mut store, absent).expect_err("absent");
    assert!(refused.contains("黄伟民"), "{refused}");
    apply(
        &mut store,
        Change::CloseVote(CloseVote {
            motion: MotionId(400),
        }),
    )
    .expect("closed");
    // The admission needs more than half present: five of ten is not.
    let refused = apply(
        &mut store,
        Change::OpenVote(OpenVote {
            motion: MotionId(401),
        }),
    )
    .expect_err("half is not more than half");
    assert!(refused.contains("超过应到人数半数"), "{refused}");
    apply(
        &mut store,
        Change::MarkAttendance(MarkAttendance {
            meeting,
            member: MemberId(6),
            attendance: Attendance::Present,
        }),
    )
    .expect("a sixth");
    apply(
        &mut store,
        Change::OpenVote(OpenVote {
            motion: MotionId(401),
        }),
    )
    .expect("six of ten");
    for (id, choice) in [
        (1, Choice::Yes),
        (2, Choice::Yes),
        (3, Choice::Yes),
        (4, Choice::Yes),
        (5, Choice::No),
        (6, Choice::No),
        (7, Choice::Yes),
        (8, Choice::Yes),
    ] {
        let ballot = Change::CastBallot(CastBallot {
            motion: MotionId(401),
            member: MemberId(id),
            choice,
        });
        apply(&mut store, ballot).unwrap_or_else(|e| panic!("{id}: {e}"));
    }
    apply(
        &mut store,
        Change::CloseVote(CloseVote {
            motion: MotionId(401),
        }),
    )
    .expect("closed");
    let v = store
        .motion(MotionId(401))
        .expect("read")
        .expect("the motion");
    assert_eq!(v.passed, Some(true), "6 of 10 entitled in favour");
    drop(store);
    let minutes = stdout(&yishi(
        &db,
        &["--lang", "zh-Hans", "minutes", "latest", "--width", "2000"],
    ));
    for expected in [
        "决定事项为（二）接收预备党员（《中国共产党发展党员工作细则》第二十一条）",
        "赞成6票，反对2票，弃权0票，其中未到会者会前提交的书面意见2份（表决时实到6人），超过应到人数半数，通过。",
    ] {
        assert!(minutes.contains(expected), "lacks {expected:?}:\n{minutes}");
    }
}
