//! Every preset on its boundaries, by the words of the statute it names: exactly a half, two
//! thirds, three quarters; owners by headcount and floor area separately; one owner of three
//! units; a proxy; an owner who does not vote; abstentions among those taking part. The
//! expected results are worked out by hand from the statute's text, not by the code.

mod support;

use std::collections::BTreeSet;
use yishi::domain::{CastBallot, CloseVote};

use std::collections::BTreeMap;
use yishi::domain::owners::{Listed, Register, parse_area, read_register, tally};
use yishi::domain::{Affiliation, Member, MemberId};
use yishi::domain::{AreaTally, Choice, Rule, Tally, Unit, presets};
use yishi::text::Lang;

fn preset(key: &str) -> Rule {
    presets()
        .into_iter()
        .find(|r| r.key == key)
        .unwrap_or_else(|| panic!("preset {key}"))
}

fn heads(yes: u32, no: u32, abstain: u32, present: u32, entitled: u32) -> Tally {
    Tally {
        yes,
        no,
        abstain,
        spoiled: 0,
        present,
        entitled,
    }
}

#[test]
fn every_preset_names_its_statute_article_and_day() {
    let all = presets();
    let keys: Vec<&str> = all.iter().map(|r| r.key.as_str()).collect();
    for key in [
        "residents-meeting",
        "representatives-meeting",
        "villagers-meeting",
        "villagers-households",
        "party-members-meeting",
        "party-members-four-two",
        "owners-ordinary",
        "owners-special",
    ] {
        assert!(keys.contains(&key), "{key} missing from {keys:?}");
    }
    for r in &all {
        assert!(
            r.source.contains(&r.statute) || r.statute.contains("四议两公开"),
            "{}",
            r.key
        );
        assert!(!r.article.is_empty() && !r.text.is_empty(), "{}", r.key);
    }
    // The residents' committee law was revised on 2025-10-28, in force 2026-01-01: the old
    // article is kept and marked for review.
    let residents = preset("residents-meeting");
    assert_eq!(residents.article, "第九条");
    assert!(
        residents.review.contains("2025年10月28日"),
        "{}",
        residents.review
    );
    assert_eq!(
        preset("owners-ordinary").applies_from,
        chrono::NaiveDate::from_ymd_opt(2021, 1, 1)
    );
    assert!(preset("party-members-meeting").source.contains("第十一条"));
}

/// A preset's key, statute, article, first day and the day its words came into doubt.
type Cited = (
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
);

/// Each preset's statute, article, first day and doubt, as read from the texts themselves
/// (民法典 in force 2021-01-01; 村民委员会组织法 as amended 2018-12-29; 支部工作条例 issued and in
/// force 2018-10-28; 居委会组织法 in force 1990-01-01, revised 2025-10-28 with effect from
/// 2026-01-01, its new words not confirmed here).
#[test]
fn every_presets_article_and_dates_are_those_of_its_text() {
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    let table: [Cited; 9] = [
        (
            "residents-meeting",
            "《中华人民共和国城市居民委员会组织法》",
            "第九条",
            Some("1990-01-01"),
            Some("2026-01-01"),
        ),
        (
            "representatives-meeting",
            "居民代表会议议事规则（各地规定）",
            "参照《中华人民共和国村民委员会组织法》第二十六条",
            None,
            Some("2026-01-01"),
        ),
        (
            "villagers-meeting",
            "《中华人民共和国村民委员会组织法》",
            "第二十二条",
            Some("2018-12-29"),
            None,
        ),
        (
            "villagers-households",
            "《中华人民共和国村民委员会组织法》",
            "第二十二条",
            Some("2018-12-29"),
            None,
        ),
        (
            "party-members-meeting",
            "《中国共产党支部工作条例（试行）》",
            "第十一条",
            Some("2018-10-28"),
            None,
        ),
        (
            "party-members-four-two",
            "四议两公开工作法（各地实施办法）",
            "党员大会审议环节",
            None,
            None,
        ),
        (
            "owners",
            "《中华人民共和国民法典》",
            "第二百七十八条",
            Some("2021-01-01"),
            None,
        ),
        (
            "owners-ordinary",
            "《中华人民共和国民法典》",
            "第二百七十八条第二款",
            Some("2021-01-01"),
            None,
        ),
        (
            "owners-special",
            "《中华人民共和国民法典》",
            "第二百七十八条第二款",
            Some("2021-01-01"),
            None,
        ),
    ];
    assert_eq!(presets().len(), table.len(), "a preset the table lacks");
    for (key, statute, article, from, doubt) in table {
        let r = preset(key);
        assert_eq!(
            (r.statute.as_str(), r.article.as_str()),
            (statute, article),
            "{key}"
        );
        assert_eq!(r.applies_from, from.and_then(day), "{key}");
        assert_eq!(r.review_from, doubt.and_then(day), "{key}");
        assert_eq!(r.review.is_empty(), doubt.is_none(), "{key}");
    }
    // The words quoted are the article's own.
    assert!(preset("party-members-meeting").text.contains(
        "表决必须有半数以上有表决权的党员到会方可进行，赞成人数超过应到会有表决权的党员的半数为通过。"
    ));
    assert!(preset("residents-meeting").text.contains(
        "居民会议必须有全体十八周岁以上的居民、户的代表或者居民小组选举的代表的过半数出席，才能举行。会议的决定，由出席人的过半数通过。"
    ));
    assert!(preset("villagers-meeting").text.contains(
        "召开村民会议，应当有本村十八周岁以上村民的过半数，或者本村三分之二以上的户的代表参加，村民会议所作决定应当经到会人员的过半数通过。"
    ));
    // A meeting before its rule's statute is refused; under a statute in doubt it says so.
    let owners = preset("owners-special");
    assert!(!owners.applies_on(chrono::NaiveDate::from_ymd_opt(2020, 12, 5).expect("day")));
    assert!(owners.applies_on(chrono::NaiveDate::from_ymd_opt(2021, 1, 1).expect("day")));
    let residents = preset("residents-meeting");
    let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).expect("d");
    use yishi::text::Lang;
    assert!(
        residents
            .in_doubt_on(day(2025, 12, 31), Lang::ZhHans)
            .is_none()
    );
    // Said in the reader's language: no 简体 in the 繁體 or the English.
    for (lang, words) in [
        (Lang::ZhHans, "此处仍引修订前的第九条"),
        (Lang::ZhHant, "此處仍引修訂前的第九條"),
        (Lang::En, "still cites article 9"),
    ] {
        let said = residents
            .in_doubt_on(day(2026, 1, 1), lang)
            .expect("in doubt");
        assert!(said.contains(words), "{lang:?}: {said}");
    }
}

/// 民法典 第二百七十八条第一款's nine items as the article lists them, and the line each needs
/// by its second paragraph: items six to eight three quarters and more (≥ 3/4) of those taking
/// part, by area and by headcount; the others more than half. Each owners' preset decides the
/// items it names, and only those.
#[test]
fn the_owners_items_are_those_of_article_278() {
    let items: [(&str, &str, bool); 9] = [
        ("1", "制定和修改业主大会议事规则", false),
        ("2", "制定和修改管理规约", false),
        ("3", "选举业主委员会或者更换业主委员会成员", false),
        ("4", "选聘和解聘物业服务企业或者其他管理人", false),
        ("5", "使用建筑物及其附属设施的维修资金", false),
        ("6", "筹集建筑物及其附属设施的维修资金", true),
        ("7", "改建、重建建筑物及其附属设施", true),
        ("8", "改变共有部分的用途或者利用共有部分从事经营活动", true),
        ("9", "有关共有和共同管理权利的其他重大事项", false),
    ];
    let three_quarters = yishi::domain::Fraction {
        num: 3,
        den: 4,
        strict: false,
    };
    let more_than_half = yishi::domain::Fraction {
        num: 1,
        den: 2,
        strict: true,
    };
    let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九"];
    for (key, listed) in [
        ("owners", vec!["1", "2", "3", "4", "5", "6", "7", "8", "9"]),
        ("owners-ordinary", vec!["1", "2", "3", "4", "5", "9"]),
        ("owners-special", vec!["6", "7", "8"]),
    ] {
        let rule = preset(key);
        let keys: Vec<&str> = rule.items.iter().map(|i| i.key.as_str()).collect();
        assert_eq!(keys, listed, "{key}");
        for (n, words, special) in items.iter().filter(|(n, ..)| listed.contains(n)) {
            let item = rule.item(n).expect("listed");
            assert_eq!(item.name, *words, "{key} item {n}");
            let k: usize = n.parse().expect("a number");
            assert_eq!(
                item.article,
                format!("第二百七十八条第一款第{}项", numerals[k - 1]),
                "{key} item {n}"
            );
            assert!(
                rule.text.contains(words) || key != "owners",
                "{key} quotes item {n}"
            );
            let line = rule.for_item(Some(n));
            let want = if *special {
                three_quarters
            } else {
                more_than_half
            };
            let area = line.area.expect("owners count area");
            assert_eq!((line.passing, area.passing), (want, want), "{key} item {n}");
        }
    }
}

/// A party branch's general meeting: the community's matters by 支部工作条例 第十一条 (半数以上
/// present), and admitting a probationary member by 发展党员工作细则 第二十一条 — more than half
/// present, written opinions of those absent counted. Both pass on more than half of those
/// entitled.
#[test]
fn the_party_preset_admits_members_by_the_rules_for_admission() {
    let party = preset("party-members-meeting");
    let keys: Vec<&str> = party.items.iter().map(|i| i.key.as_str()).collect();
    assert_eq!(keys, ["1", "2"]);
    let general = party.for_item(Some("1"));
    assert!(general.quorum_met(5u32, 10u32) && !general.written);
    let admission = party.item("2").expect("item 2");
    assert_eq!(
        (admission.statute.as_str(), admission.article.as_str()),
        ("《中国共产党发展党员工作细则》", "第二十一条")
    );
    assert!(
        admission
            .text
            .contains("在支部大会召开前正式向党支部提出书面意见的，应当统计在票数内")
    );
    let admitting = party.for_item(Some("2"));
    assert!(!admitting.quorum_met(5u32, 10u32) && admitting.quorum_met(6u32, 10u32));
    assert!(admitting.written);
    let t = |yes| heads(yes, 0, 0, 6, 10);
    assert!(!admitting.passes(&t(5)) && admitting.passes(&t(6)));
}

/// (preset, statute's words, yes, no, abstain, present, entitled, passes)
#[test]
fn headcount_presets_on_their_boundaries() {
    let cases = [
        // 城市居民委员会组织法 第九条: 过半数 present, 到会人员的过半数 yes.
        ("residents-meeting", "过半数参加", 5, 0, 0, 10, 20, false),
        ("residents-meeting", "过半数参加", 6, 0, 0, 11, 20, true),
        (
            "residents-meeting",
            "到会人员的过半数",
            5,
            5,
            0,
            10,
            12,
            false,
        ),
        (
            "residents-meeting",
            "到会人员的过半数",
            6,
            4,
            0,
            10,
            12,
            true,
        ),
        // 村民委员会组织法 第二十六条: 三分之二以上 present, 到会人员的过半数.
        (
            "representatives-meeting",
            "三分之二以上",
            10,
            0,
            0,
            10,
            15,
            true,
        ),
        (
            "representatives-meeting",
            "三分之二以上",
            9,
            0,
            0,
            9,
            15,
            false,
        ),
        (
            "representatives-meeting",
            "到会人员的过半数",
            6,
            6,
            0,
            12,
            15,
            false,
        ),
        (
            "representatives-meeting",
            "弃权不是赞成",
            6,
            2,
            4,
            12,
            15,
            false,
        ),
        (
            "representatives-meeting",
            "到会人员的过半数",
            7,
            0,
            5,
            12,
            15,
            true,
        ),
        // 第二十二条: 村民过半数, or 三分之二以上的户的代表.
        ("villagers-meeting", "过半数参加", 50, 0, 0, 50, 100, false),
        ("villagers-meeting", "过半数参加", 26, 25, 0, 51, 100, true),
        (
            "villagers-households",
            "三分之二以上的户",
            20,
            0,
            0,
            20,
            30,
            true,
        ),
        (
            "villagers-households",
            "三分之二以上的户",
            19,
            0,
            0,
            19,
            30,
            false,
        ),
        (
            "villagers-households",
            "到会人员的过半数",
            10,
            10,
            0,
            20,
            30,
            false,
        ),
        // 支部工作条例 第十一条: 半数以上 present (a half is enough), 超过应到会半数 yes.
        (
            "party-members-meeting",
            "超过应到会半数",
            10,
            0,
            0,
            12,
            20,
            false,
        ),
        (
            "party-members-meeting",
            "超过应到会半数",
            11,
            0,
            0,
            12,
            20,
            true,
        ),
        // 四议两公开: 三分之二以上 present.
        (
            "party-members-four-two",
            "三分之二以上到会",
            16,
            0,
            0,
            20,
            30,
            true,
        ),
        (
            "party-members-four-two",
            "三分之二以上到会",
            16,
            0,
            0,
            19,
            30,
            false,
        ),
    ];
    for (key, words, yes, no, abstain, present, entitled, want) in cases {
        let rule = preset(key);
        let t = heads(yes, no, abstain, present, entitled);
        assert_eq!(
            rule.passes(&t),
            want,
            "{key} ({}{}: {words}) {t:?}",
            rule.statute,
            rule.article
        );
    }
}

#[test]
fn a_half_present_is_a_quorum_for_party_members_but_cannot_pass_a_thing() {
    // 支部工作条例 第十一条: 半数以上 (a half is enough) present; yes 超过应到会 半数.
    let party = preset("party-members-meeting");
    assert!(party.decide(&heads(15, 0, 0, 15, 30), None).quorate());
    assert!(!party.decide(&heads(14, 0, 0, 14, 30), None).quorate());
    // With only half of those due in the room, even all of them are not more than half.
    assert!(!party.passes(&heads(15, 0, 0, 15, 30)));
    // The stricter 四议两公开 variant asks two thirds.
    assert!(
        !preset("party-members-four-two")
            .decide(&heads(19, 0, 0, 19, 30), None)
            .quorate()
    );
}

/// Owners' figures: heads taking part and yes; area (hundredths of m²) taking part and yes.
fn owners(
    key: &str,
    (h_cast, h_yes, h_all): (u32, u32, u32),
    (a_cast, a_yes, a_all): (u64, u64, u64),
) -> bool {
    let rule = preset(key);
    assert_eq!(rule.unit, Unit::Owners);
    let t = heads(h_yes, h_cast - h_yes, 0, 0, h_all);
    let a = AreaTally {
        yes: a_yes,
        no: a_cast - a_yes,
        abstain: 0,
        present: 0,
        entitled: a_all,
    };
    rule.decide(&t, Some(&a)).passed()
}

#[test]
fn owners_count_twice_and_pass_only_when_both_hold() {
    // 民法典 第二百七十八条第二款: 专有部分面积占比三分之二以上 且 人数占比三分之二以上 参与表决;
    // 其他事项 参与表决面积过半数 且 参与表决人数过半数 同意; 第六至八项 四分之三以上.
    let cases = [
        // Participation exactly two thirds, both: enough.
        ("owners-ordinary", (20, 11, 30), (6_000, 3_001, 9_000), true),
        // Two thirds of the owners, but 65% of the area: no decision.
        (
            "owners-ordinary",
            (20, 20, 30),
            (5_850, 5_850, 9_000),
            false,
        ),
        // Two thirds of the area, one owner short of two thirds: no decision.
        (
            "owners-ordinary",
            (19, 19, 30),
            (6_000, 6_000, 9_000),
            false,
        ),
        // Exactly half of the participating owners: not 过半数.
        (
            "owners-ordinary",
            (20, 10, 30),
            (6_000, 4_000, 9_000),
            false,
        ),
        // More than half of the owners, exactly half of the participating area: not enough.
        (
            "owners-ordinary",
            (20, 15, 30),
            (6_000, 3_000, 9_000),
            false,
        ),
        // Special matters: exactly three quarters of both is enough (以上).
        ("owners-special", (20, 15, 30), (6_000, 4_500, 9_000), true),
        // Three quarters of the owners, a hundredth of a m² short on area.
        ("owners-special", (20, 15, 30), (6_000, 4_499, 9_000), false),
        ("owners-special", (20, 14, 30), (6_000, 6_000, 9_000), false),
    ];
    for (key, h, a, want) in cases {
        assert_eq!(owners(key, h, a), want, "{key} heads {h:?} area {a:?}");
    }
}

fn row(unit: &str, owner: &str, area: &str) -> Listed {
    Listed {
        unit: unit.into(),
        owner: owner.into(),
        number: None,
        area: parse_area(area).expect("an area"),
    }
}

#[test]
fn an_owner_of_three_units_counts_once_and_a_proxy_for_the_owner() {
    // 解释 第九条: 同一买受人拥有一个以上专有部分的，按一人计算; 第八条: area by the register.
    let register = Register {
        rows: vec![
            row("1-101", "周立平", "89.50"),
            row("1-102", "周立平", "60"),
            row("1-201", "周立平", "60.25㎡"),
            row("1-202", "陈秀兰", "75.5"),
            row("1-301", "王建国", "120"),
            row("1-302", "李梅", "54.75"),
        ],
    };
    let members: Vec<Member> = register
        .owners()
        .into_iter()
        .zip(1..)
        .map(|(o, id)| {
            let mut m = Member::founding(MemberId(id), &o.name, Affiliation::Owner, true);
            m.units = o.units;
            m
        })
        .collect();
    let roll: Vec<&Member> = members.iter().collect();
    let id = |name: &str| {
        members
            .iter()
            .find(|m| m.name == name)
            .map(|m| m.id)
            .expect(name)
    };
    // Four owners, 460.00 m² in all. 周立平 votes in person; 王建国 by proxy (his ballot is
    // his, whoever hands it in); 陈秀兰 abstains in writing; 李梅 does not vote.
    let present = BTreeSet::from([id("周立平")]);
    let mut ballots = BTreeMap::from([
        (id("周立平"), Choice::Yes),
        (id("王建国"), Choice::Yes),
        (id("陈秀兰"), Choice::Abstain),
    ]);
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 5).expect("a day");
    let (t, a) = tally(day, &roll, &present, &ballots);
    assert_eq!((t.entitled, t.present, t.cast(), t.yes), (4, 1, 3, 2));
    assert_eq!((a.entitled, a.present), (46_000, 20_975));
    assert_eq!((a.cast(), a.yes), (40_525, 32_975));
    let d = preset("owners-ordinary").decide(&t, Some(&a));
    // Taking part: 3 of 4 owners (75%), 405.25 of 460 m² (88.10%): two thirds of both.
    assert!(d.quorate(), "{d:?}");
    // Yes: 2 of 3 taking part (the abstention counts against), 329.75 of 405.25 m².
    assert!(d.passed(), "{d:?}");
    let said = d.said(Lang::ZhHans);
    assert!(
        said.contains(
            "参与表决的业主专有部分面积405.25平方米，占总面积460.00平方米的88.10%；人数3人，占总人数4人的75.00%"
        ),
        "{said}"
    );
    // 329.75 / 405.25 = 81.368…% held, rounded up; 2 / 3 = 66.666…% held, rounded up.
    assert!(
        said.contains("同意的业主专有部分面积329.75平方米，占参与表决面积405.25平方米的81.37%；人数2人，占参与表决人数3人的66.67%"),
        "{said}"
    );
    assert!(said.ends_with("）。通过。"), "{said}");
    // Special matters ask three quarters: the area in favour (81.37%) reaches it, two of three
    // owners (66.67%) do not, and the minutes say which.
    let special = preset("owners-special").decide(&t, Some(&a));
    let said = special.said(Lang::ZhHans);
    assert!(!special.passed(), "{special:?}");
    assert!(
        said.ends_with("。同意的业主人数未达到四分之三，未通过。"),
        "{said}"
    );

    // An abstention is taking part: with 李梅 abstaining too, 2 yes of 4 is only half.
    ballots.insert(id("李梅"), Choice::Abstain);
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 5).expect("a day");
    let (t, a) = tally(day, &roll, &present, &ballots);
    assert!(!preset("owners-ordinary").decide(&t, Some(&a)).passed());
}

#[test]
fn a_register_is_read_from_a_spreadsheet_and_every_fault_named() {
    let good = "\u{feff}房号,业主,专有部分面积（㎡）\r\n1-101,周立平,89.50\r\n1-102,周立平,60\r\n";
    let (register, _) = read_register(good.as_bytes()).expect("a register");
    assert_eq!(register.owners().len(), 1);
    assert_eq!(register.rows[1].area, 6_000);
    let bad = "房号,业主,面积\n1-101,周立平,89.505\n1-101,陈秀兰,70\n1-103,,60\n";
    let faults: Vec<String> = read_register(bad.as_bytes())
        .expect_err("faults")
        .iter()
        .map(|f| f.describe(Lang::ZhHans))
        .collect();
    assert_eq!(faults.len(), 3, "{faults:?}");
    assert!(faults[0].contains("第2行面积“89.505”"), "{faults:?}");
    assert!(
        faults[1].contains("第3行的房号1-101与第2行重复"),
        "{faults:?}"
    );
    assert!(
        faults.iter().any(|f| f.contains("第4行“业主”一栏是空的")),
        "{faults:?}"
    );
}

#[test]
fn floor_areas_are_read_in_hundredths_and_nothing_else() {
    for (s, want) in [
        ("89.5", Some(8_950)),
        ("89.50", Some(8_950)),
        ("89", Some(8_900)),
        (" 60.25㎡", Some(6_025)),
        ("75.05 m²", Some(7_505)),
        ("120平方米", Some(12_000)),
        ("89.505", None),
        ("-5", None),
        ("0", None),
        ("八十", None),
        ("", None),
        ("1,200", None),
    ] {
        assert_eq!(parse_area(s), want, "{s:?}");
    }
}

#[test]
fn a_decision_by_heads_says_its_units() {
    let households = preset("villagers-households");
    let d = households.decide(&heads(12, 8, 0, 20, 30), None);
    assert_eq!(
        d.said(Lang::ZhHans),
        "到会20户，占应到的66.67%（须达到三分之二以上）；赞成12户，占60.00%（须超过半数），通过。"
    );
    assert_eq!(
        households.quorum_said(Lang::ZhHans),
        "实到户数达到应到户数三分之二以上"
    );
    let people = preset("representatives-meeting");
    assert_eq!(
        people.quorum_said(Lang::ZhHans),
        "实到人数达到应到人数三分之二以上"
    );
    assert_eq!(people.passing_said(Lang::ZhHans), "超过实到人数半数");
}

#[test]
fn yishi_rules_lists_every_preset_and_explains_one_in_plain_words() {
    let db = tempfile::tempdir().expect("tempdir");
    let o = support::yishi(db.path(), &["--lang", "zh-Hans", "rules"]);
    assert!(o.status.success(), "{}", support::stderr(&o));
    let listed = support::stdout(&o);
    for r in presets() {
        let line = listed
            .lines()
            .find(|l| l.starts_with(&r.key))
            .unwrap_or_else(|| panic!("{} not listed:\n{listed}", r.key));
        assert!(
            line.contains(&r.statute) && line.contains(&r.article),
            "{line}"
        );
    }
    assert!(
        listed.contains("第九条，1990-01-01起（待核对）"),
        "the revised residents' committee law is marked: {listed}"
    );

    let o = support::yishi(
        db.path(),
        &["--lang", "zh-Hans", "rules", "show", "owners-special"],
    );
    let said = support::stdout(&o);
    for words in [
        "《中华人民共和国民法典》第二百七十八条第二款",
        "2021-01-01起适用",
        "一人多套按一人计",
        "参与表决人数达到业主总人数三分之二以上",
        "参与表决的专有部分面积达到专有部分总面积三分之二以上",
        "赞成达到参与表决人数四分之三以上",
        "同意的专有部分面积达到参与表决的专有部分面积四分之三以上",
        "弃权不计为赞成",
    ] {
        assert!(said.contains(words), "{words}:\n{said}");
    }
    let o = support::yishi(
        db.path(),
        &["--lang", "en", "rules", "show", "party-members-meeting"],
    );
    let said = support::stdout(&o);
    assert!(said.contains("at least half of all entitled"), "{said}");
    assert!(said.contains("more than half of all entitled"), "{said}");

    let o = support::yishi(
        db.path(),
        &["--lang", "en", "rules", "show", "no-such-rule"],
    );
    assert!(!o.status.success());
    let said = support::stderr(&o);
    assert!(
        said.contains("no such rule") && said.contains("owners-ordinary"),
        "{said}"
    );
}

#[test]
fn an_owners_council_is_made_from_a_register_and_not_from_a_roster() {
    let db = tempfile::tempdir().expect("tempdir");
    let run = |file: &std::path::Path| {
        support::yishi(
            &db.path().join("db"),
            &[
                "--lang",
                "en",
                "council",
                "import",
                file.to_str().expect("utf-8"),
                "--name",
                "青禾里5号楼业主大会",
                "--rule",
                "owners-special",
            ],
        )
    };
    let roster = db.path().join("roster.csv");
    std::fs::write(&roster, "姓名,所属,表决权\n周立平,居民代表,表决\n").expect("roster");
    let o = run(&roster);
    assert!(!o.status.success());
    assert!(
        support::stderr(&o).contains("no column headed \"房号\""),
        "{}",
        support::stderr(&o)
    );

    let template = support::yishi(db.path(), &["council", "template", "--owners"]);
    let mut register = support::stdout(&template);
    register.push_str("5-101,周立平,89.50\r\n5-102,周立平,60\r\n5-201,陈秀兰,75.5\r\n");
    let file = db.path().join("register.csv");
    std::fs::write(&file, register).expect("register");
    let o = run(&file);
    assert!(o.status.success(), "{}", support::stderr(&o));
    let said = support::stdout(&o);
    assert!(
        said.contains("2 owners of 3 units, 225.00 m² in all"),
        "{said}"
    );
}

#[test]
fn a_meeting_by_household_is_minuted_in_households() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = yishi::store::Store::open(dir.path()).expect("open");
    let council = yishi::domain::Council {
        id: yishi::domain::CouncilId(1),
        name: "柳树湾村村民会议".into(),
        members: (2..=7)
            .map(|i| {
                Member::founding(
                    MemberId(i),
                    &format!("户代表{i}"),
                    Affiliation::ResidentRepresentative,
                    true,
                )
            })
            .collect(),
        rule: preset("villagers-households"),
        satisfaction_threshold: 80,
        keys: Vec::new(),
    };
    let at = chrono::NaiveDate::from_ymd_opt(2026, 12, 5)
        .and_then(|d| d.and_hms_opt(19, 0, 0))
        .expect("time");
    let (motion, voters) = support::vote::open_vote(&mut store, council, at);
    for (i, member) in voters.iter().enumerate() {
        let choice = if i < 4 { Choice::Yes } else { Choice::No };
        let ballot = yishi::domain::Change::CastBallot(CastBallot {
            motion,
            member: *member,
            choice,
        });
        store.apply(&ballot, at).expect("a ballot");
    }
    store
        .apply(&yishi::domain::Change::CloseVote(CloseVote { motion }), at)
        .expect("closed");
    drop(store);
    let minutes = support::stdout(&support::yishi(
        dir.path(),
        &["--lang", "zh-Hans", "minutes", "latest", "--width", "400"],
    ));
    for expected in [
        "应到6户，到会户代表6户",
        "实到户数达到应到户数三分之二以上，会议有效",
        "（表决时到会户代表6户）",
    ] {
        assert!(minutes.contains(expected), "{expected}\n{minutes}");
    }
}

/// A rule is named in the reader's language; a council's copy written before rules carried
/// their 繁體 and English names reads them from its preset, and a name of the council's own
/// stays itself.
#[test]
fn a_rule_is_named_in_the_readers_language_even_in_a_copy_older_than_those_names() {
    let rule = preset("representatives-meeting");
    assert_eq!(rule.name_in(Lang::ZhHans), "居民代表会议");
    assert_eq!(rule.name_in(Lang::ZhHant), "居民代表會議");
    assert_eq!(
        rule.name_in(Lang::En),
        "Residents' representatives' meeting"
    );
    // The copy as an older record holds it: no names but the 简体 one.
    let mut json = serde_json::to_value(&rule).expect("json");
    let fields = json.as_object_mut().expect("an object");
    assert!(fields.remove("name_hant").is_some() && fields.remove("name_en").is_some());
    let old: Rule = serde_json::from_value(json).expect("an older copy reads");
    assert!(old.name_hant.is_empty());
    assert_eq!(old.name_in(Lang::ZhHant), "居民代表會議");
    assert_eq!(old.name_in(Lang::En), "Residents' representatives' meeting");
    // Renamed by its council: its own name, whatever the language.
    let own = Rule {
        name: "本社区议事规则".into(),
        ..old
    };
    assert_eq!(own.name_in(Lang::En), "本社区议事规则");
}
