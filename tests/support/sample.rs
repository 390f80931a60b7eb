//! The bundled sample: 青禾里社区居民议事会 over five meetings, June to November 2026, built by
//! applying real changes so that every step it shows is one the program allows.

use chrono::{NaiveDate, NaiveDateTime};
use yishi::domain::*;

struct Builder {
    records: MemoryRecords,
    next: u64,
    clock: NaiveDateTime,
}

fn t(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("time")
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

impl Builder {
    fn id(&mut self) -> u64 {
        self.next += 1;
        self.next
    }

    fn tick(&mut self) -> NaiveDateTime {
        self.clock += chrono::Duration::minutes(2);
        self.clock
    }

    fn apply(&mut self, change: Change) {
        let at = self.tick();
        match apply(&change, at, &self.records) {
            Ok(writes) => writes.into_iter().for_each(|w| self.records.put(w)),
            Err(r) => panic!(
                "sample change refused: {}\n{change:?}",
                r.describe(yishi::text::Lang::En)
            ),
        }
    }

    fn meeting(
        &mut self,
        start: &str,
        title: &str,
        place: &str,
        present: &[u64],
        excused: &[u64],
        observing: &[u64],
    ) -> MeetingId {
        self.clock = t(start) - chrono::Duration::minutes(30);
        let id = MeetingId(self.id());
        self.apply(Change::CreateMeeting(CreateMeeting {
            id,
            council: CouncilId(1),
            title: title.into(),
            place: place.into(),
            start: t(start),
            chair: MemberId(2),
            recorder: MemberId(5),
            speaker_limit_secs: 180,
        }));
        for (members, a) in [
            (present, Attendance::Present),
            (excused, Attendance::Excused),
            (observing, Attendance::Observing),
        ] {
            for m in members {
                self.apply(Change::MarkAttendance(MarkAttendance {
                    meeting: id,
                    member: MemberId(*m),
                    attendance: a,
                }));
            }
        }
        for m in 2..=16 {
            if !present.contains(&m) && !excused.contains(&m) && !observing.contains(&m) {
                self.apply(Change::MarkAttendance(MarkAttendance {
                    meeting: id,
                    member: MemberId(m),
                    attendance: Attendance::Absent,
                }));
            }
        }
        self.clock = t(start);
        self.apply(Change::StartMeeting(StartMeeting { meeting: id }));
        id
    }

    fn matter(&mut self, meeting: MeetingId, title: &str, short: &str) -> MatterId {
        let id = MatterId(self.id());
        self.apply(Change::CreateMatter(CreateMatter {
            id,
            meeting,
            title: title.into(),
            short_title: short.into(),
        }));
        id
    }

    fn opinion(
        &mut self,
        matter: MatterId,
        meeting: MeetingId,
        date: &str,
        author: Author,
        channel: Channel,
        text: &str,
    ) {
        self.apply(Change::AddOpinion(AddOpinion {
            matter,
            meeting,
            date: d(date),
            author,
            channel,
            text: text.into(),
        }));
    }

    fn advance(&mut self, matter: MatterId, meeting: MeetingId, to: Step) {
        self.apply(Change::Advance(Advance {
            matter,
            meeting,
            to,
        }));
    }

    fn speech(
        &mut self,
        matter: MatterId,
        meeting: MeetingId,
        speaker: Author,
        stance: Stance,
        secs: u32,
        summary: &str,
    ) {
        let index = self.records.matters[&matter].speeches.len();
        self.apply(Change::AddSpeaker(AddSpeaker {
            matter,
            meeting,
            speaker,
            stance,
        }));
        self.apply(Change::RecordSpeech(RecordSpeech {
            matter,
            meeting,
            index,
            stance,
            summary: summary.into(),
            seconds_used: secs,
        }));
    }

    fn motion(
        &mut self,
        matter: MatterId,
        meeting: MeetingId,
        text: &str,
        mover: u64,
        seconder: u64,
        mode: VoteMode,
    ) -> MotionId {
        let id = MotionId(self.id());
        self.apply(Change::ProposeMotion(ProposeMotion {
            id,
            matter,
            meeting,
            text: text.into(),
            mover: MemberId(mover),
            seconder: Some(MemberId(seconder)),
            mode,
            item: None,
        }));
        id
    }

    /// Each member's ballot: by name in a roll call; in a secret ballot, handed into the box
    /// one by one and counted once the box is opened.
    fn ballots(&mut self, motion: MotionId, yes: &[u64], no: &[u64], abstain: &[u64]) {
        self.apply(Change::OpenVote(OpenVote { motion }));
        let secret = self.records.motions[&motion].mode == VoteMode::Secret;
        for (members, choice) in [
            (yes, Choice::Yes),
            (no, Choice::No),
            (abstain, Choice::Abstain),
        ] {
            for m in members {
                let member = MemberId(*m);
                self.apply(if secret {
                    Change::HandInBallot(HandInBallot { motion, member })
                } else {
                    Change::CastBallot(CastBallot {
                        motion,
                        member,
                        choice,
                    })
                });
            }
        }
        if secret {
            self.apply(Change::EnterCounts(EnterCounts {
                motion,
                yes: yes.len() as u32,
                no: no.len() as u32,
                abstain: abstain.len() as u32,
                spoiled: 0,
            }));
        }
        self.apply(Change::CloseVote(CloseVote { motion }));
    }

    fn hands(&mut self, motion: MotionId, yes: u32, no: u32, abstain: u32) {
        self.apply(Change::OpenVote(OpenVote { motion }));
        self.apply(Change::EnterCounts(EnterCounts {
            motion,
            yes,
            no,
            abstain,
            spoiled: 0,
        }));
        self.apply(Change::CloseVote(CloseVote { motion }));
    }

    fn task(
        &mut self,
        matter: MatterId,
        meeting: MeetingId,
        text: &str,
        owner: &str,
        due: &str,
        supervised: bool,
    ) {
        self.apply(Change::AddTask(AddTask {
            matter,
            meeting,
            text: text.into(),
            owner: owner.into(),
            due: d(due),
            supervised,
        }));
    }

    fn progress(
        &mut self,
        matter: MatterId,
        meeting: MeetingId,
        task: usize,
        date: &str,
        percent: u8,
        note: &str,
    ) {
        self.apply(Change::RecordProgress(RecordProgress {
            matter,
            meeting,
            task,
            date: d(date),
            percent,
            note: note.into(),
        }));
    }

    fn review(
        &mut self,
        matter: MatterId,
        meeting: MeetingId,
        counts: (u32, u32, u32),
        comments: &[&str],
    ) {
        self.apply(Change::RecordReview(RecordReview {
            matter,
            meeting,
            satisfied: counts.0,
            basically_satisfied: counts.1,
            dissatisfied: counts.2,
            comments: comments.iter().map(|c| c.to_string()).collect(),
        }));
        self.apply(Change::ConcludeReview(ConcludeReview {
            matter,
            meeting,
            waiver: String::new(),
        }));
    }

    fn end(&mut self, meeting: MeetingId, at: &str) {
        self.clock = t(at) - chrono::Duration::minutes(2);
        self.apply(Change::EndMeeting(EndMeeting { meeting }));
    }

    /// The chair and the recorder sign the minutes at `at`.
    fn sign(&mut self, meeting: MeetingId, at: &str) {
        self.clock = t(at) - chrono::Duration::minutes(2);
        self.apply(Change::SignMeeting(SignMeeting {
            meeting,
            sealed: None,
        }));
    }

    /// The meeting's recorder corrects its record at `at`.
    fn correct(
        &mut self,
        meeting: MeetingId,
        at: &str,
        place: Option<(MatterId, Step)>,
        text: &str,
        reason: &str,
    ) {
        let by = self.records.meetings[&meeting].recorder;
        self.clock = t(at) - chrono::Duration::minutes(2);
        self.apply(Change::Correct(Correct {
            meeting,
            by,
            matter: place.map(|p| p.0),
            step: place.map(|p| p.1),
            text: text.into(),
            reason: reason.into(),
        }));
    }
}

fn member(id: u64, name: &str, affiliation: Affiliation, voting: bool) -> Member {
    Member::founding(MemberId(id), name, affiliation, voting)
}

fn council() -> Council {
    use Affiliation::*;
    let rule = presets()
        .into_iter()
        .find(|r| r.key == "representatives-meeting")
        .expect("preset");
    Council {
        id: CouncilId(1),
        name: "青禾里社区居民议事会".into(),
        members: vec![
            member(2, "周立平", PartyCommittee, true),
            member(3, "陈秀兰", PartyCommittee, true),
            member(4, "马文涛", PartyBranch, true),
            member(5, "林佳", PartyBranch, true),
            member(6, "赵国栋", OwnersCommittee, true),
            member(7, "孙慧敏", OwnersCommittee, true),
            member(8, "吴志强", OwnersCommittee, true),
            member(9, "郑海峰", PropertyCompany, true),
            member(10, "何丽娜", PropertyCompany, true),
            member(11, "钱永福", ResidentRepresentative, true),
            member(12, "冯桂英", ResidentRepresentative, true),
            member(13, "杨晓东", ResidentRepresentative, true),
            member(14, "朱美华", ResidentRepresentative, true),
            member(15, "许建新", ResidentRepresentative, true),
            member(16, "邓春燕", ResidentRepresentative, true),
            member(17, "韩雪梅", PartyCommittee, false),
            member(18, "唐志远", ResidentRepresentative, false),
        ],
        rule,
        satisfaction_threshold: 80,
        keys: Vec::new(),
    }
}

const HALL: &str = "青禾里社区党群服务中心二楼议事厅";

pub fn build() -> Document {
    use Author::*;
    use Channel::*;
    use Stance::*;
    let mut b = Builder {
        records: MemoryRecords::default(),
        next: 100,
        clock: t("2026-06-01 09:00"),
    };
    b.apply(Change::CreateCouncil(CreateCouncil {
        council: Box::new(council()),
    }));
    let m = |id| Member(MemberId(id));

    // 第1次：征集并议定加装电梯；垃圾分类方案未获通过，退回重新征求意见。
    let m1 = b.meeting(
        "2026-06-13 14:30",
        "六月议事：电梯、油烟与垃圾分类",
        HALL,
        &[2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14],
        &[16],
        &[17],
    );
    let lift = b.matter(m1, "老旧公房加装电梯（3号楼）", "3号楼加装电梯");
    b.opinion(
        lift,
        m1,
        "2026-05-20",
        m(12),
        Visit,
        "3号楼住户多为七十岁以上老人，上下六层很吃力，希望尽快加装电梯。",
    );
    b.opinion(
        lift,
        m1,
        "2026-05-26",
        Resident("一楼住户老蒋".into()),
        Book,
        "一楼不用电梯却要分摊费用，还担心挡住采光，希望费用按楼层分档。",
    );
    b.opinion(
        lift,
        m1,
        "2026-06-02",
        Anonymous,
        Online,
        "施工期间噪音和占道怎么安排，请提前公示。",
    );
    b.advance(lift, m1, Step::Hear);
    b.speech(
        lift,
        m1,
        m(12),
        For,
        170,
        "代表高层老人发言，介绍已有九成住户签字同意，申请市级加装电梯补贴。",
    );
    b.speech(
        lift,
        m1,
        Resident("一楼住户老蒋".into()),
        Against,
        195,
        "坚持低层住户应少摊或不摊费用，并要求评估采光影响。",
    );
    b.speech(
        lift,
        m1,
        m(9),
        Neutral,
        140,
        "物业可配合施工管理，建议电梯建成后由专业公司维保。",
    );
    b.advance(lift, m1, Step::Decide);
    let v = b.motion(
        lift,
        m1,
        "同意3号楼加装电梯，费用按楼层分档分摊，一楼住户不分摊，由业委会牵头申请补贴。",
        6,
        12,
        VoteMode::RollCall,
    );
    b.ballots(v, &[2, 3, 4, 5, 6, 7, 10, 11, 12, 13], &[8, 14], &[9]);
    b.task(
        lift,
        m1,
        "办理规划审批并申请加装电梯补贴",
        "业委会 赵国栋",
        "2026-08-31",
        true,
    );

    let fumes = b.matter(m1, "后街餐馆油烟扰民", "后街油烟");
    b.opinion(
        fumes,
        m1,
        "2026-06-05",
        m(14),
        Phone,
        "后街两家餐馆排烟口正对居民窗户，夏天晚上不敢开窗。",
    );
    b.opinion(
        fumes,
        m1,
        "2026-06-08",
        Anonymous,
        Book,
        "油烟管道滴油，巷子地面长期油腻，老人容易滑倒。",
    );

    let waste = b.matter(m1, "垃圾分类定时定点投放", "垃圾分类");
    b.opinion(
        waste,
        m1,
        "2026-06-01",
        m(13),
        Hall,
        "桶边督导只在早上，晚上下班的居民无法按时投放。",
    );
    b.opinion(
        waste,
        m1,
        "2026-06-06",
        Resident("租户小韦".into()),
        Online,
        "撤桶后最近的投放点太远，希望保留一处夜间投放点。",
    );
    b.advance(waste, m1, Step::Hear);
    b.speech(
        waste,
        m1,
        m(10),
        For,
        150,
        "物业支持早晚两个时段定点投放，可增派一名督导员。",
    );
    b.speech(
        waste,
        m1,
        m(11),
        Against,
        180,
        "撤掉楼道垃圾桶对老人不便，反对一刀切。",
    );
    b.advance(waste, m1, Step::Decide);
    let v = b.motion(
        waste,
        m1,
        "全小区撤除楼道垃圾桶，每日7:00—9:00、18:00—20:00在两处定点投放。",
        10,
        4,
        VoteMode::ShowOfHands,
    );
    b.hands(v, 6, 5, 2);
    b.apply(Change::ResolveRejected(ResolveRejected {
        matter: waste,
        meeting: m1,
        send_back: true,
        reason: "方案分歧较大，重新征求意见，研究保留夜间投放点。".into(),
    }));
    b.end(m1, "2026-06-13 16:20");
    b.sign(m1, "2026-06-16 10:00");

    // 第2次：出席人数不足，油烟治理动议未能表决。
    let m2 = b.meeting(
        "2026-07-18 19:00",
        "七月议事：油烟治理听证",
        HALL,
        &[2, 3, 5, 6, 9, 12, 13, 14, 15],
        &[4, 7, 11],
        &[],
    );
    b.apply(Change::AddToAgenda(AddToAgenda {
        meeting: m2,
        matter: fumes,
    }));
    b.apply(Change::AddToAgenda(AddToAgenda {
        meeting: m2,
        matter: lift,
    }));
    b.apply(Change::AddToAgenda(AddToAgenda {
        meeting: m2,
        matter: waste,
    }));
    b.advance(fumes, m2, Step::Hear);
    b.speech(
        fumes,
        m2,
        m(14),
        For,
        160,
        "要求餐馆加装油烟净化器，排烟口改到屋顶。",
    );
    b.speech(
        fumes,
        m2,
        Resident("餐馆经营者老包".into()),
        Neutral,
        175,
        "愿意整改，但希望给两个月时间并分担部分改造费用。",
    );
    b.advance(fumes, m2, Step::Decide);
    b.motion(
        fumes,
        m2,
        "要求后街两家餐馆在两个月内加装油烟净化设备并将排烟口移至屋顶，社区协调城管执法中队督促。",
        14,
        3,
        VoteMode::Secret,
    );
    b.progress(
        lift,
        m2,
        0,
        "2026-07-15",
        40,
        "规划公示已结束，补贴申请材料已报街道。",
    );
    b.opinion(
        waste,
        m2,
        "2026-07-10",
        m(16),
        Visit,
        "走访二十户，多数同意定点投放，但都希望晚上九点后还有地方扔垃圾。",
    );
    b.end(m2, "2026-07-18 20:30");
    b.sign(m2, "2026-07-21 09:30");
    b.correct(
        m2,
        "2026-07-25 15:10",
        Some((fumes, Step::Hear)),
        "餐馆经营者老包的发言要点应为：愿意整改，但希望给三个月时间并分担部分改造费用。",
        "经营者本人核对纪要后指出，所提整改期限为三个月，原记录有误。",
    );

    // 第3次：油烟治理无记名投票通过；电梯评议未达标准，退回整改；老年食堂立项。
    let m3 = b.meeting(
        "2026-09-12 14:30",
        "九月议事：表决油烟治理、评议电梯工程",
        HALL,
        &[2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 15],
        &[14, 16],
        &[17, 18],
    );
    for x in [fumes, lift, waste] {
        b.apply(Change::AddToAgenda(AddToAgenda {
            meeting: m3,
            matter: x,
        }));
    }
    let v = b.motion(
        fumes,
        m3,
        "要求后街两家餐馆在两个月内加装油烟净化设备并将排烟口移至屋顶，社区协调城管执法中队督促。",
        13,
        3,
        VoteMode::Secret,
    );
    b.ballots(v, &[2, 3, 4, 5, 6, 7, 9, 12, 13], &[8, 10], &[15]);
    b.task(
        fumes,
        m3,
        "两家餐馆加装油烟净化器，排烟口移至屋顶",
        "餐馆经营者，社区城管联络员督促",
        "2026-11-15",
        true,
    );
    b.progress(
        lift,
        m3,
        0,
        "2026-09-01",
        100,
        "电梯已安装完毕并通过特种设备验收，投入使用。",
    );
    b.advance(lift, m3, Step::Review);
    b.review(
        lift,
        m3,
        (18, 8, 14),
        &[
            "电梯运行平稳，老人出行方便多了。",
            "施工期间楼道堆料两个多月，一楼入口被挡，意见很大。",
            "电梯厅照明不足，晚上看不清按钮。",
        ],
    );
    b.task(
        lift,
        m3,
        "清理施工遗留堆料，增设电梯厅照明",
        "物业公司 郑海峰",
        "2026-10-10",
        false,
    );
    b.advance(waste, m3, Step::Hear);
    b.speech(
        waste,
        m3,
        m(15),
        For,
        175,
        "新方案保留一处夜间投放点，21:00后可投放，居民普遍接受。",
    );
    let canteen = b.matter(m3, "开办社区老年食堂", "老年食堂");
    b.opinion(
        canteen,
        m3,
        "2026-08-20",
        m(3),
        Visit,
        "独居老人有四十多位，午饭常常凑合，希望社区办个助餐点。",
    );
    b.opinion(
        canteen,
        m3,
        "2026-09-05",
        Resident("退休教师庞阿姨".into()),
        Hall,
        "愿意做志愿者帮忙配送，价格要让老人吃得起。",
    );
    b.end(m3, "2026-09-12 16:40");
    b.sign(m3, "2026-09-14 10:00");

    // 第4次：电梯整改后再评议办结；垃圾分类新方案举手通过；停车收费不予采纳。
    let m4 = b.meeting(
        "2026-10-24 14:30",
        "十月议事：电梯复评、垃圾分类与停车收费",
        HALL,
        &[2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16],
        &[15],
        &[18],
    );
    for x in [lift, waste, fumes, canteen] {
        b.apply(Change::AddToAgenda(AddToAgenda {
            meeting: m4,
            matter: x,
        }));
    }
    b.progress(
        lift,
        m4,
        1,
        "2026-10-08",
        100,
        "堆料已清运，电梯厅加装四盏感应灯。",
    );
    b.advance(lift, m4, Step::Review);
    b.review(lift, m4, (30, 9, 4), &["整改及时，一楼入口恢复通畅。"]);
    b.advance(waste, m4, Step::Decide);
    let v = b.motion(
        waste,
        m4,
        "早晚两个时段定点投放，另在5号楼东侧保留一处夜间投放点，试行三个月。",
        10,
        16,
        VoteMode::ShowOfHands,
    );
    b.hands(v, 11, 2, 1);
    b.task(
        waste,
        m4,
        "设置夜间投放点并安排督导员排班",
        "物业公司 何丽娜",
        "2026-11-30",
        false,
    );
    b.progress(
        fumes,
        m4,
        0,
        "2026-10-20",
        50,
        "一家已完成净化器安装，另一家排烟管道改造未开工。",
    );
    b.advance(canteen, m4, Step::Hear);
    b.speech(
        canteen,
        m4,
        m(3),
        For,
        165,
        "街道可提供场地补贴，拟与辖区养老服务中心合作供餐。",
    );
    b.speech(
        canteen,
        m4,
        m(8),
        Neutral,
        120,
        "建议先摸清用餐人数，避免亏损后难以为继。",
    );
    let parking = b.matter(m4, "老小区停车收费标准调整", "停车收费");
    b.opinion(
        parking,
        m4,
        "2026-10-10",
        m(7),
        Hall,
        "外来车辆占位严重，建议白天对外来车辆收费。",
    );
    b.opinion(
        parking,
        m4,
        "2026-10-15",
        Anonymous,
        Online,
        "业主车位费再涨就不合理了，公共收益账目也没公开。",
    );
    b.advance(parking, m4, Step::Hear);
    b.speech(
        parking,
        m4,
        m(9),
        For,
        150,
        "物业提出业主月租由一百元调至一百五十元，以弥补道闸维护成本。",
    );
    b.speech(
        parking,
        m4,
        m(13),
        Against,
        178,
        "公共收益未公开前不应涨价，应先审计。",
    );
    b.advance(parking, m4, Step::Decide);
    let v = b.motion(
        parking,
        m4,
        "业主车位月租由一百元调整为一百五十元，外来车辆白天按小时收费。",
        9,
        10,
        VoteMode::ShowOfHands,
    );
    b.hands(v, 3, 9, 2);
    b.apply(Change::ResolveRejected(ResolveRejected {
        matter: parking,
        meeting: m4,
        send_back: false,
        reason: "多数代表反对涨价，待公共收益审计公开后另行提出。".into(),
    }));
    b.end(m4, "2026-10-24 17:05");
    b.sign(m4, "2026-10-27 10:00");

    // 第5次：老年食堂记名投票通过；雨水管道堵塞收集意见；油烟治理逾期督办。
    let m5 = b.meeting(
        "2026-11-21 14:30",
        "十一月议事：老年食堂与雨水管道",
        HALL,
        &[2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16],
        &[7],
        &[17],
    );
    for x in [canteen, fumes, waste] {
        b.apply(Change::AddToAgenda(AddToAgenda {
            meeting: m5,
            matter: x,
        }));
    }
    b.advance(canteen, m5, Step::Decide);
    let v = b.motion(
        canteen,
        m5,
        "利用社区活动中心一楼开办老年助餐点，由养老服务中心供餐，七十岁以上老人每餐补贴五元。",
        3,
        12,
        VoteMode::RollCall,
    );
    b.ballots(
        v,
        &[2, 3, 4, 5, 6, 10, 11, 12, 13, 14, 15, 16],
        &[],
        &[8, 9],
    );
    // After the vote 孙慧敏 arrives, late from a residents' visit, and 邓春燕 leaves early.
    for (member, attendance) in [(7, Attendance::Present), (16, Attendance::Absent)] {
        b.apply(Change::MarkAttendance(MarkAttendance {
            meeting: m5,
            member: MemberId(member),
            attendance,
        }));
    }
    b.task(
        canteen,
        m5,
        "改造活动中心一楼厨房和就餐区",
        "社区居委会 陈秀兰",
        "2027-01-15",
        false,
    );
    b.task(
        canteen,
        m5,
        "签订供餐协议并公示餐价",
        "养老服务中心",
        "2026-12-20",
        false,
    );
    b.progress(
        fumes,
        m5,
        0,
        "2026-11-18",
        80,
        "第二家排烟管道改造已开工，预计月底完成，已逾期，继续督办。",
    );
    b.progress(
        waste,
        m5,
        0,
        "2026-11-10",
        60,
        "夜间投放点已设置，督导员排班尚在调整。",
    );
    let drains = b.matter(m5, "雨水管道堵塞积水", "雨水管道");
    b.opinion(
        drains,
        m5,
        "2026-11-02",
        m(11),
        Phone,
        "上周大雨，8号楼前积水没过脚踝，雨水井盖下全是落叶淤泥。",
    );
    b.opinion(
        drains,
        m5,
        "2026-11-12",
        m(15),
        Visit,
        "地下车库入口也进水，建议汛期前全面疏通。",
    );
    b.end(m5, "2026-11-21 16:30");

    b.records.to_document()
}
