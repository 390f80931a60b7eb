//! The bundled sample is built by applying real changes; the file must be what that gives.

mod support;

use yishi::domain::{Ballots, Closure, Document, Stage, Step, VoteMode, validate};

#[test]
fn sample_file_is_the_built_sample() {
    let built = support::sample::build();
    let json = built.to_json();
    if std::env::var_os("YISHI_WRITE_SAMPLE").is_some() {
        std::fs::write(support::sample_path(), &json).expect("write sample");
    }
    let file = std::fs::read_to_string(support::sample_path()).expect("sample file");
    assert_eq!(
        file, json,
        "sample-data is stale: run with YISHI_WRITE_SAMPLE=1"
    );
}

#[test]
fn sample_shows_every_step_and_outcome() {
    let doc = Document::parse(&std::fs::read_to_string(support::sample_path()).expect("sample"))
        .expect("parses");
    validate(&doc).expect("valid");
    let c = &doc.councils[0];
    assert!(c.voting_members().count() >= 15);
    assert_eq!(c.members.iter().filter(|m| !m.voting).count(), 2);
    assert!(doc.meetings.len() >= 4);
    assert!(doc.matters.len() >= 6);
    let months: std::collections::BTreeSet<_> = doc
        .meetings
        .iter()
        .map(|m| m.start.format("%Y-%m").to_string())
        .collect();
    assert!(months.len() >= 5);

    let closed = |cl| doc.matters.iter().any(|m| m.stage == Stage::Closed(cl));
    assert!(closed(Closure::Completed), "adopted, executed and closed");
    assert!(closed(Closure::NotAdopted), "rejected and closed");
    let sent_back = doc.matters.iter().any(|m| {
        m.history
            .iter()
            .any(|t| t.from == Stage::At(Step::Decide) && t.to == Stage::At(Step::Collect))
    });
    assert!(sent_back, "rejected and sent back to collection");
    assert!(
        doc.matters.iter().any(|m| m.rectifications() > 0),
        "a review sent back as 整改"
    );
    for mode in [VoteMode::RollCall, VoteMode::ShowOfHands, VoteMode::Secret] {
        assert!(
            doc.motions
                .iter()
                .any(|v| v.mode == mode && v.passed.is_some()),
            "{mode:?}"
        );
    }
    assert!(
        doc.motions
            .iter()
            .any(|v| matches!(v.ballots, Ballots::Secret { .. }))
    );
    let no_quorum = doc.meetings.iter().any(|m| {
        !c.rule
            .quorum_met(m.turnout(c).present, m.turnout(c).entitled)
            && doc
                .motions
                .iter()
                .any(|v| v.meeting == m.id && v.passed.is_none())
    });
    assert!(
        no_quorum,
        "a meeting that could not vote for lack of quorum"
    );
    for step in Step::ALL {
        assert!(doc.matters.iter().any(|m| m.history.iter().any(|t| t.to == Stage::At(step)) || step == Step::Collect), "{step:?}");
    }
}
