//! Proxies (委托): a member represented by another where the rule admits it, counted present
//! for the quorum where the rule says so, no holder holding more than the rule allows, and
//! every proxy published with the minutes.

mod support;

use chrono::{NaiveDate, NaiveDateTime};
use yishi::domain::{
    Advance, CastBallot, CreateCouncil, CreateMatter, CreateMeeting, GiveProxy, MarkAttendance,
    OpenVote, ProposeMotion, StartMeeting,
};
use yishi::domain::{
    Affiliation, Attendance, Change, Choice, Council, CouncilId, MeetingId, Member, MemberId,
    MotionId, Proxies, Proxying, Records, Refusal, VoteMode, presets,
};
use yishi::store::{Store, StoreError};
use yishi::text::Lang;

const COUNCIL: CouncilId = CouncilId(1);
const MEETING: MeetingId = MeetingId(20);

fn at(h: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 12, 5)
        .and_then(|d| d.and_hms_opt(h, 0, 0))
        .expect("time")
}

fn refused(r: Result<Vec<yishi::domain::Write>, StoreError>) -> Refusal {
    match r {
        Err(StoreError::Refused(r)) => r,
        other => panic!("a refusal, not {other:?}"),
    }
}

fn proxy(principal: u64, holder: &str) -> Change {
    Change::GiveProxy(GiveProxy {
        meeting: MEETING,
        principal: MemberId(principal),
        holder: holder.into(),
        given: NaiveDate::from_ymd_opt(2026, 12, 3).expect("date"),
        motion: None,
    })
}

/// Six voting members under the representatives' rule (two thirds present), with proxies
/// admitted as `proxies` says.
fn council(proxies: Option<Proxies>) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(dir.path()).expect("open");
    let mut rule = presets()
        .into_iter()
        .find(|r| r.key == "representatives-meeting")
        .expect("preset");
    rule.proxies = proxies;
    let members = ["周立平", "陈秀兰", "王建国", "李梅", "赵敏", "孙慧敏"]
        .iter()
        .zip(2..)
        .map(|(n, id)| Member::founding(MemberId(id), n, Affiliation::ResidentRepresentative, true))
        .collect();
    let council = Council {
        id: COUNCIL,
        name: "试点议事会".into(),
        members,
        rule,
        satisfaction_threshold: 80,
        keys: Vec::new(),
    };
    let meeting = Change::CreateMeeting(CreateMeeting {
        id: MEETING,
        council: COUNCIL,
        title: "十二月议事".into(),
        place: "议事厅".into(),
        start: at(19),
        chair: MemberId(2),
        recorder: MemberId(3),
        speaker_limit_secs: 180,
    });
    for c in [
        Change::CreateCouncil(CreateCouncil {
            council: Box::new(council),
        }),
        meeting,
    ] {
        store.apply(&c, at(18)).expect("council and meeting");
    }
    (dir, store)
}

#[test]
fn a_rule_without_proxies_refuses_them() {
    let (_dir, mut store) = council(None);
    let said = refused(store.apply(&proxy(5, "王大妈"), at(18)));
    assert!(
        matches!(said, Refusal::Proxy(Proxying::NotAllowed { .. })),
        "{said:?}"
    );
    // The rule is named in the reader's language.
    assert_eq!(
        said.describe(Lang::ZhHans),
        "按“居民代表会议”不能委托他人表决"
    );
    assert_eq!(
        said.describe(Lang::ZhHant),
        "按「居民代表會議」不能委託他人表決"
    );
    assert_eq!(
        said.describe(Lang::En),
        "under the Residents' representatives' meeting rule nobody may vote by proxy"
    );
}

#[test]
fn a_proxy_makes_the_quorum_votes_by_name_and_is_published() {
    let limits = Proxies {
        per_holder: Some(1),
        quorum: true,
    };
    let (dir, mut store) = council(Some(limits));
    // Three of six in the room: short of two thirds.
    for (id, a) in [
        (2, Attendance::Present),
        (3, Attendance::Present),
        (4, Attendance::Present),
    ] {
        let mark = Change::MarkAttendance(MarkAttendance {
            meeting: MEETING,
            member: MemberId(id),
            attendance: a,
        });
        store.apply(&mark, at(18)).expect("marked");
    }
    // 李梅 (5) gives her proxy to 周立平; one is all a holder may take.
    store.apply(&proxy(5, "周立平"), at(18)).expect("a proxy");
    assert_eq!(
        refused(store.apply(&proxy(6, "周立平"), at(18))),
        Refusal::Proxy(Proxying::TooMany {
            holder: "周立平".into(),
            limit: 1
        })
    );
    assert_eq!(
        refused(store.apply(&proxy(5, "王建国"), at(18))),
        Refusal::Proxy(Proxying::AlreadyGiven {
            name: "李梅".into()
        })
    );
    let motion = MotionId(30);
    let matter = yishi::domain::MatterId(40);
    let steps = [
        Change::StartMeeting(StartMeeting { meeting: MEETING }),
        Change::CreateMatter(CreateMatter {
            id: matter,
            meeting: MEETING,
            title: "楼道照明".into(),
            short_title: "楼道照明".into(),
        }),
        Change::Advance(Advance {
            matter,
            meeting: MEETING,
            to: yishi::domain::Step::Hear,
        }),
        Change::Advance(Advance {
            matter,
            meeting: MEETING,
            to: yishi::domain::Step::Decide,
        }),
        Change::ProposeMotion(ProposeMotion {
            id: motion,
            matter,
            meeting: MEETING,
            text: "更换楼道感应灯。".into(),
            mover: MemberId(2),
            seconder: Some(MemberId(3)),
            mode: VoteMode::RollCall,
            item: None,
        }),
        // Four of six with the proxy: two thirds, so the vote opens.
        Change::OpenVote(OpenVote { motion }),
    ];
    for c in steps {
        store
            .apply(&c, at(19))
            .unwrap_or_else(|e| panic!("{c:?}: {e:?}"));
    }
    let v = store.motion(motion).ok().flatten().expect("motion");
    assert_eq!((v.present, v.entitled), (4, 6));
    // 李梅's ballot, handed in by her proxy; 赵敏, absent and unrepresented, cannot vote.
    for (id, choice) in [(2, Choice::Yes), (3, Choice::Yes), (5, Choice::Yes)] {
        let ballot = Change::CastBallot(CastBallot {
            motion,
            member: MemberId(id),
            choice,
        });
        store.apply(&ballot, at(19)).expect("a ballot");
    }
    let absent = Change::CastBallot(CastBallot {
        motion,
        member: MemberId(6),
        choice: Choice::No,
    });
    assert!(matches!(
        refused(store.apply(&absent, at(19))),
        Refusal::NotPresent { .. }
    ));
    drop(store);
    let minutes = support::stdout(&support::yishi(
        dir.path(),
        &["--lang", "zh-Hans", "minutes", "latest", "--width", "400"],
    ));
    for expected in [
        "应到6人，实到4人（其中委托代理1人：李梅）",
        "委托表决：李梅委托周立平（2026年12月3日，本次会议）。",
    ] {
        assert!(minutes.contains(expected), "{expected}\n{minutes}");
    }
}
