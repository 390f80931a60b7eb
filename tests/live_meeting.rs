//! A real meeting from an empty database, driven by keys through the console's key table: the
//! council set up in the console, a meeting held with its mistakes put right and its procedure on the floor, and the
//! minutes and the journal it leaves.

mod support;

use support::chair::{CTRL_U, RIGHT, advance, new_matter};
use support::desk::Desk;
use support::keys::Keys;
use support::{stdout, yishi};
use yishi::text::Lang;

const ESC: &str = "\x1b";
const DOWN: &str = "\x1b[B";
const LEFT: &str = "\x1b[D";

/// Esc, and the screen it goes back to.
fn escape(c: &mut Desk, until: &str) {
    c.send(ESC);
    c.wait_for(until);
}

#[test]
fn a_meeting_from_an_empty_database_keeps_its_final_record_and_its_history() {
    let db = tempfile::tempdir().expect("tempdir");
    let mut c = Desk::open(db.path(), Lang::ZhHans, (200, 56));
    c.wait_for("这个数据库里还没有议事会");

    // The council: its name, the residents' meeting rule with its statute, five members of
    // whom one observes.
    c.send("n");
    c.wait_for("新建议事会");
    c.send("青禾里社区居民议事会");
    c.tab();
    c.send(LEFT);
    c.wait_for("城市居民委员会组织法》第九条");
    c.enter();
    c.wait_for("新增成员");
    for name in ["周立平", "陈秀兰", "王建国", "李梅"] {
        c.send(name);
        c.enter();
        c.wait_for(&format!("{name}  居民代表"));
    }
    c.send("赵敏");
    c.tab();
    c.tab();
    c.send(RIGHT);
    c.enter();
    c.wait_for("成员（5人）");
    escape(&mut c, "规则：居民会议");
    c.wait_for_gone("保存后可接着录入下一位");
    escape(&mut c, "还没有开过会");
    // The console's snapshot, built up change by change from none, is what the disk holds.
    let stored = c.app().stored_data().expect("read the store");
    assert!(
        c.app().model.data == stored,
        "the snapshot drifted from the store"
    );

    // The meeting: four voting members present, the observer observing.
    c.send("n");
    c.wait_for("新建会议");
    c.tab();
    c.send("社区党群服务中心");
    c.enter();
    c.wait_for("点名：1 出席");
    c.send("11114");
    c.wait_for("应到4人，实到4人");
    c.send("S");
    c.wait_for("宣布开会？");
    c.send("y");
    c.wait_for("进行中");
    new_matter(&mut c, "小区雨水管疏通", "雨水管");

    // An opinion typed wrong, put right.
    let typo = "雨水管堵塞，下雨积水到脚脖。";
    let opinion = "三号楼雨水管堵塞，下雨积水到脚踝。";
    c.send("o");
    c.wait_for("记录意见");
    c.tab();
    c.tab();
    c.tab();
    c.send(typo);
    c.enter();
    c.wait_for("共1条");
    c.send("e");
    c.wait_for("更正意见");
    c.send(CTRL_U);
    c.send(opinion);
    c.enter();
    c.wait_for(opinion);

    // A speaker registered twice: the second taken off the list.
    advance(&mut c, "公开听证");
    c.wait_for("正在发言");
    for n in ["1", "2"] {
        c.send("a");
        c.wait_for("登记发言人");
        c.enter();
        c.wait_for(&format!("{n}. 周立平"));
    }
    c.send(DOWN);
    c.send("d");
    c.wait_for("？");
    c.send("y");
    c.wait_for_gone("2. 周立平");
    c.send("n");
    c.wait_for("发言中");
    c.send("f");
    c.wait_for("记录发言");
    c.tab();
    let speech = "应当由物业先行疏通，费用从公共收益列支。";
    c.send(speech);
    c.enter();
    c.wait_for(speech);

    // A motion withdrawn by its mover; a second amended before its vote, then adopted.
    advance(&mut c, "民主决策");
    c.wait_for("动议与表决");
    let withdrawn = "由业委会自行组织疏通雨水管。";
    c.send("m");
    c.wait_for("提出动议");
    c.send(withdrawn);
    c.enter();
    c.wait_for("待表决");
    c.send("W");
    c.wait_for("？");
    c.send("y");
    c.wait_for("已撤回");
    let moved = "由物业公司在月底前疏通雨水管。";
    let amended = "由物业公司在十二月十五日前疏通雨水管，并公示费用。";
    c.send("m");
    c.wait_for("提出动议");
    c.send(moved);
    c.enter();
    c.wait_for("待表决");
    c.send("M");
    c.wait_for("提出修正案");
    c.send(CTRL_U);
    c.send(amended);
    c.enter();
    c.wait_for("修正案　原动议：");
    c.send("v");
    c.wait_for("表决中");
    c.send("1111");
    c.wait_for("赞成 4　反对 0　弃权 0　未投 0");
    c.send("C");
    c.wait_for("结束表决");
    c.send("y");
    c.wait_for("通过，动议已按其修改");
    c.send("v");
    c.wait_for("表决中");
    c.send("1113");
    c.wait_for("赞成 3　反对 0　弃权 1　未投 0");
    c.send("C");
    c.wait_for("结束表决");
    c.send("y");
    c.wait_for("按 Tab 转到执行督办");
    c.tab();
    c.wait_for("任务（t 新增");

    // A task whose due date is put right; a second one taken back with u.
    c.send("t");
    c.wait_for("新增任务");
    c.send("疏通三号楼雨水管");
    c.tab();
    c.send("物业公司");
    c.enter();
    c.wait_for("责任：物业公司");
    c.send("e");
    c.wait_for("更正任务");
    c.tab();
    c.tab();
    c.send(CTRL_U);
    c.send("2099-12-15");
    c.enter();
    c.wait_for("2099-12-15");
    let undone = "更换全部雨水管";
    c.send("t");
    c.wait_for("新增任务");
    c.send(undone);
    c.tab();
    c.send("街道办");
    c.enter();
    c.wait_for(undone);
    c.send("u");
    c.wait_for("？");
    c.send("y");
    c.wait_for_gone(undone);

    // A break: adjourned, resumed, the roll taken again.
    c.send("A");
    c.wait_for("宣布休会");
    c.send("y");
    c.wait_for("休会中");
    c.send("S");
    c.wait_for("复会");
    c.send("y");
    c.wait_for("点名：1 出席");
    c.send("E");
    c.wait_for("宣布散会");
    c.send("y");
    c.wait_for("已结束");
    c.send("q");
    assert!(c.has_quit(), "q quits once the meeting has ended");

    // The minutes: the final record, both sittings, the text as amended.
    let minutes = stdout(&yishi(db.path(), &["minutes", "latest", "--width", "400"]));
    for expected in [
        "应到4人，实到4人",
        opinion,
        "1人发言",
        speech,
        "表决前，动议人撤回了该动议。",
        &format!("修正案：动议修改为「{}」", amended.trim_end_matches('。')),
        "动议按修正案修改。",
        &format!("修正后的动议：{}", amended.trim_end_matches('。')),
        "完成时限：2099年12月15日",
        "休会，",
        "复会",
    ] {
        assert!(
            minutes.contains(expected),
            "minutes lack {expected:?}:\n{minutes}"
        );
    }
    for gone in [typo, undone] {
        assert!(
            !minutes.contains(gone),
            "minutes still show {gone:?}:\n{minutes}"
        );
    }

    // The journal keeps every entry replaced or taken back, and the chain holds.
    let journal = std::fs::read_to_string(db.path().join("journal.jsonl")).expect("journal");
    let kinds = [
        "\"correct_opinion\"",
        "\"correct_task\"",
        "\"withdraw\"",
        "\"withdraw_motion\"",
        "\"propose_amendment\"",
        "\"adjourn\"",
        "\"resume\"",
    ];
    for kept in [typo, opinion, undone, withdrawn, moved, amended]
        .into_iter()
        .chain(kinds)
    {
        assert!(journal.contains(kept), "the journal lacks {kept:?}");
    }
    let verify = yishi(db.path(), &["verify"]);
    assert!(verify.status.success(), "{}", support::stderr(&verify));
}
