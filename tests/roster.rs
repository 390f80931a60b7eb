//! A council made from the roster community workers keep: the template as Excel and WPS open
//! it, a roster saved by Excel (UTF-8 with a byte-order mark) or in GB18030, and one with
//! faults, which changes nothing.

mod support;

use serde_json::Value;
use std::path::Path;
use support::{stderr, stdout, yishi};

/// The roster of five, one of them 列席, as the tests write it.
const ROWS: &str = "周立平,社区党委,表决\r\n陈秀兰,小区党支部,表决\r\n王建国,业委会,表决\r\n李梅,物业公司,列席\r\n赵敏,居民代表,表决\r\n";

/// The same roster as Windows saves it in GB18030 (encoded by Python's gb18030 codec).
const GB18030: &[u8] = b"\xd0\xd5\xc3\xfb\x2c\xcb\xf9\xca\xf4\x2c\xb1\xed\xbe\xf6\xc8\xa8\x0d\x0a\xd6\xdc\xc1\xa2\xc6\xbd\x2c\xc9\xe7\xc7\xf8\xb5\xb3\xce\xaf\x2c\xb1\xed\xbe\xf6\x0d\x0a\xb3\xc2\xd0\xe3\xc0\xbc\x2c\xd0\xa1\xc7\xf8\xb5\xb3\xd6\xa7\xb2\xbf\x2c\xb1\xed\xbe\xf6\x0d\x0a\xcd\xf5\xbd\xa8\xb9\xfa\x2c\xd2\xb5\xce\xaf\xbb\xe1\x2c\xb1\xed\xbe\xf6\x0d\x0a\xc0\xee\xc3\xb7\x2c\xce\xef\xd2\xb5\xb9\xab\xcb\xbe\x2c\xc1\xd0\xcf\xaf\x0d\x0a\xd5\xd4\xc3\xf4\x2c\xbe\xd3\xc3\xf1\xb4\xfa\xb1\xed\x2c\xb1\xed\xbe\xf6\x0d\x0a";

fn members(db: &Path) -> Vec<(String, String, bool)> {
    let export = yishi(db, &["export"]);
    assert!(export.status.success(), "{}", stderr(&export));
    let doc: Value = serde_json::from_str(&stdout(&export)).expect("json");
    let council = &doc["councils"][0];
    assert_eq!(council["name"], "青禾里社区居民议事会");
    assert_eq!(council["rule"]["key"], "residents-meeting");
    council["members"]
        .as_array()
        .expect("members")
        .iter()
        .map(|m| {
            (
                m["name"].as_str().expect("name").to_string(),
                m["affiliation"].as_str().expect("affiliation").to_string(),
                m["voting"].as_bool().expect("voting"),
            )
        })
        .collect()
}

fn expected() -> Vec<(String, String, bool)> {
    [
        ("周立平", "party_committee", true),
        ("陈秀兰", "party_branch", true),
        ("王建国", "owners_committee", true),
        ("李梅", "property_company", false),
        ("赵敏", "resident_representative", true),
    ]
    .iter()
    .map(|(n, a, v)| (n.to_string(), a.to_string(), *v))
    .collect()
}

fn council_import(db: &Path, roster: &Path, lang: &str) -> std::process::Output {
    yishi(
        db,
        &[
            "--lang",
            lang,
            "council",
            "import",
            roster.to_str().expect("path"),
            "--name",
            "青禾里社区居民议事会",
            "--rule",
            "residents-meeting",
        ],
    )
}

#[test]
fn the_template_filled_in_as_excel_saves_it_makes_the_council() {
    let dir = tempfile::tempdir().expect("tempdir");
    let template = dir.path().join("名册模板.csv");
    let o = yishi(
        &dir.path().join("unused"),
        &[
            "council",
            "template",
            "-o",
            template.to_str().expect("path"),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let bytes = std::fs::read(&template).expect("template");
    assert!(
        bytes.starts_with(b"\xef\xbb\xbf"),
        "a BOM, for Excel and WPS"
    );
    let text = String::from_utf8(bytes.clone()).expect("utf-8");
    assert!(text.ends_with("\r\n"), "lines end CRLF");
    for heading in ["姓名", "所属", "表决权"] {
        assert!(text.contains(heading), "{heading} in {text}");
    }

    let mut filled = bytes;
    filled.extend_from_slice(ROWS.as_bytes());
    let roster = dir.path().join("名册.csv");
    std::fs::write(&roster, filled).expect("write");
    let db = dir.path().join("db");
    let o = council_import(&db, &roster, "zh-Hans");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("成员5人（其中列席1人）"),
        "{}",
        stdout(&o)
    );
    assert_eq!(members(&db), expected());
}

#[test]
fn a_roster_saved_in_gb18030_is_read_and_said_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let roster = dir.path().join("名册.csv");
    std::fs::write(&roster, GB18030).expect("write");
    let db = dir.path().join("db");
    let o = council_import(&db, &roster, "zh-Hans");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("GB18030"), "{}", stdout(&o));
    assert_eq!(members(&db), expected());
}

#[test]
fn a_roster_with_faults_changes_nothing_and_names_each() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = support::sample_db();
    let before = stdout(&yishi(db.path(), &["export"]));
    let roster = dir.path().join("名册.csv");
    std::fs::write(
        &roster,
        "姓名,所属,表决权\n张三,居委会,表决\n,居民代表,\n李四,居民代表,旁听\n张三,居民代表,列席\n",
    )
    .expect("write");
    let o = council_import(db.path(), &roster, "zh-Hans");
    assert_eq!(o.status.code(), Some(1));
    let said = stderr(&o);
    for expected in [
        "没有做任何改动",
        "第2行“所属”：“居委会”不可用",
        "第3行“姓名”：没有填",
        "第4行“表决权”：“旁听”不可用",
        "第5行：张三与第2行重名",
    ] {
        assert!(said.contains(expected), "{expected} in {said}");
    }
    assert_eq!(
        stdout(&yishi(db.path(), &["export"])),
        before,
        "nothing changed"
    );

    // Saved as Excel's "Unicode text", and as something that is not text at all.
    for (bytes, expected) in [
        (b"\xff\xfe\x53\x59".to_vec(), "UTF-16"),
        (
            vec![0xc3, 0x28, 0xff, 0xfe, 0x81],
            "neither UTF-8 nor GB18030",
        ),
    ] {
        std::fs::write(&roster, bytes).expect("write");
        let fresh = dir.path().join("fresh");
        let o = council_import(&fresh, &roster, "en");
        assert_eq!(o.status.code(), Some(1));
        assert!(stderr(&o).contains(expected), "{}", stderr(&o));
        assert!(!fresh.exists(), "a refused roster leaves no database");
    }
}
