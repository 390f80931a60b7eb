//! The generator's dice and the words it writes its records in.

/// A small deterministic generator (xorshift), so the same size gives the same archive.
pub(super) struct Dice(pub(super) u64);

impl Dice {
    pub(super) fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub(super) fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub(super) fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len())]
    }
}

pub(super) const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "林", "罗", "高",
];
pub(super) const GIVEN: &[&str] = &[
    "建国", "秀英", "志强", "丽娟", "海峰", "春燕", "国栋", "美华", "永福", "桂英", "晓东", "慧敏",
    "文涛", "佳", "雪梅", "志远", "立平", "红梅", "建新", "玉兰",
];
pub(super) const PLACES: &[&str] = &[
    "锦绣里",
    "青禾里",
    "湟岸巷",
    "梧桐苑",
    "春晖坊",
    "石桥社区",
    "临河新村",
    "枫林小区",
];
pub(super) const SUBJECTS: &[&str] = &[
    "加装电梯",
    "餐馆油烟",
    "垃圾分类",
    "停车收费",
    "雨水管道",
    "夜间噪音",
    "老年食堂",
    "物业交接",
    "楼道照明",
    "电动车充电",
    "绿化补种",
    "外墙渗水",
];
pub(super) const WHERE: &[&str] = &[
    "1号楼",
    "3号楼",
    "5号楼",
    "南门",
    "后街",
    "东区",
    "地下车库",
    "中心广场",
];
pub(super) const CLAUSES: &[&str] = &[
    "居民反映问题已持续半年以上",
    "晚上十点后影响老人和孩子休息",
    "希望社区尽快协调物业和相关部门",
    "建议先摸清情况再定方案",
    "费用分摊需要逐户征求意见",
    "一楼住户担心采光和噪音",
    "施工期间要保证出行安全",
    "希望每月在公告栏公示进度",
    "资金可申请街道专项补贴",
    "部分住户表示愿意出资",
];

pub(super) fn sentence(d: &mut Dice, clauses: usize) -> String {
    let parts: Vec<&str> = (0..clauses).map(|_| d.pick(CLAUSES)).collect();
    format!("{}。", parts.join("，"))
}
