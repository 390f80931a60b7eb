//! `yishi publish` and `yishi district …`: the laptop's side of the street office's archive.

use std::path::Path;

use super::Failure;
use super::output::write_out;
use super::progress::Progress;
use crate::district::{self, DistrictError};
use crate::text::{Lang, sanitize};

/// What the district holds came from other councils' laptops: every line of it reaches the
/// terminal without control or invisible characters (escapes, bidi overrides).
fn said(e: DistrictError, lang: Lang) -> Failure {
    Failure::Said(sanitize(&e.describe(lang)))
}

fn show(line: &str) {
    outln!("{}", sanitize(line));
}

/// The district's address, from `--from` or `YISHI_DISTRICT`.
fn address(from: Option<String>, lang: Lang) -> Result<String, Failure> {
    from.ok_or_else(|| {
        Failure::Said(
            lang.pick(
                "请用 --from 或环境变量 YISHI_DISTRICT 给出区里数据库的地址（postgres://…）",
                "請用 --from 或環境變數 YISHI_DISTRICT 給出區裡資料庫的地址（postgres://…）",
                "give the district's database with --from or YISHI_DISTRICT (postgres://…)",
            )
            .to_string(),
        )
    })
}

pub fn publish(db: &Path, to: &str, lang: Lang) -> Result<(), Failure> {
    let mut progress = Progress::new(lang);
    progress.stage("发送日志", "傳送日誌", "sending the journal");
    let done = district::publish(db, to, &mut |d, t| progress.set(d, t));
    drop(progress);
    let p = done.map_err(|e| said(e, lang))?;
    show(&lang.pick_owned(
        format!(
            "{} {}：区里原有{}行，本次发送{}行，哈希链完好，已签名。",
            p.code, p.council, p.already, p.sent
        ),
        format!(
            "{} {}：區裡原有{}行，本次傳送{}行，雜湊鏈完好，已簽名。",
            p.code, p.council, p.already, p.sent
        ),
        format!(
            "{} {}: the district had {} lines, {} sent now; the hash chain holds, signed.",
            p.code, p.council, p.already, p.sent
        ),
    ));
    Ok(())
}

pub fn ledger(
    from: Option<String>,
    today: chrono::NaiveDate,
    output: Option<&Path>,
    lang: Lang,
) -> Result<(), Failure> {
    let mut client = district::connect(&address(from, lang)?).map_err(|e| said(e, lang))?;
    let csv = district::ledger_csv(&mut client, today, lang).map_err(|e| said(e, lang))?;
    // Each line cleaned, its CRLF kept for Excel.
    let csv: Vec<String> = csv.split("\r\n").map(sanitize).collect();
    write_out(output, &csv.join("\r\n"), lang)
}

pub fn verify(from: Option<String>, lang: Lang) -> Result<(), Failure> {
    let url = address(from, lang)?;
    let mut client = district::connect(&url).map_err(|e| said(e, lang))?;
    let place = district::memory::place(&url);
    let mut memory = match &place {
        Some(p) => district::memory::load(p).map_err(|e| said(e, lang))?,
        None => district::memory::Memory::default(),
    };
    let findings = district::verify(&mut client, &mut memory).map_err(|e| said(e, lang))?;
    if let Some(p) = &place {
        district::memory::save(p, &memory).map_err(|e| said(e, lang))?;
    }
    for f in &findings {
        show(&f.describe(lang));
    }
    if findings.iter().all(district::Finding::is_whole) {
        Ok(())
    } else {
        Err(Failure::Quiet)
    }
}

pub fn enrol(from: Option<String>, code: &str, name: &str, lang: Lang) -> Result<(), Failure> {
    let code = district::Code::parse(code).map_err(|e| said(e, lang))?;
    let mut client = district::connect(&address(from, lang)?).map_err(|e| said(e, lang))?;
    let e = district::enrol(&mut client, &code, name).map_err(|e| said(e, lang))?;
    let (code, role, password) = (e.code, e.role, e.password);
    let again = if e.again {
        lang.pick(
            "（已登记过：密码已换新，原有记录不变）",
            "（已登記過：密碼已換新，原有記錄不變）",
            " (enrolled before: a new password; its record is as it was)",
        )
    } else {
        ""
    };
    show(&lang.pick_owned(
        format!("已登记 {code} {name}{again}。\n登录名：{role}\n密码：{password}\n请只交给该议事会，在它的电脑上发布：yishi publish --to postgres://{role}:密码@服务器/数据库"),
        format!("已登記 {code} {name}{again}。\n登入名稱：{role}\n密碼：{password}\n請只交給該議事會，在它的電腦上發布：yishi publish --to postgres://{role}:密碼@伺服器/資料庫"),
        format!("enrolled {code} {name}{again}.\nlogin: {role}\npassword: {password}\ngive it to that council only, to publish from its laptop: yishi publish --to postgres://{role}:PASSWORD@server/database"),
    ));
    Ok(())
}

pub fn overdue(from: Option<String>, today: chrono::NaiveDate, lang: Lang) -> Result<(), Failure> {
    let mut client = district::connect(&address(from, lang)?).map_err(|e| said(e, lang))?;
    let lines = district::tasks(&mut client, today).map_err(|e| said(e, lang))?;
    let mut council = String::new();
    for t in lines {
        if t.council != council {
            council = t.council.clone();
            show(&council);
        }
        let mut marks = Vec::new();
        if t.overdue {
            marks.push(lang.pick("逾期", "逾期", "overdue"));
        }
        if t.supervised {
            marks.push(lang.pick("督办", "督辦", "supervised"));
        }
        let marks = marks.join(lang.pick("、", "、", ", "));
        let (matter, text, owner) = (t.matter, t.text, t.owner);
        let (due, percent) = (t.due, t.percent);
        show(&lang.pick_owned(
            format!(
                "　　［{marks}］{matter}：{text}；责任人：{owner}；期限：{due}；完成{percent}%"
            ),
            format!(
                "　　［{marks}］{matter}：{text}；責任人：{owner}；期限：{due}；完成{percent}%"
            ),
            format!(
                "    [{marks}] {matter}: {text}; responsible: {owner}; due {due}; {percent}% done"
            ),
        ));
    }
    Ok(())
}

pub fn rates(from: Option<String>, lang: Lang) -> Result<(), Failure> {
    let mut client = district::connect(&address(from, lang)?).map_err(|e| said(e, lang))?;
    for r in district::rates(&mut client).map_err(|e| said(e, lang))? {
        let rate = r
            .satisfaction_permille
            .map_or_else(|| "-".to_string(), |p| format!("{}.{}%", p / 10, p % 10));
        let (council, reviewed, completed, rectified) =
            (r.council, r.reviewed, r.completed, r.rectified);
        show(&
                        lang.pick_owned(
                format!("{council}：评议事项{reviewed}项，办结{completed}项，整改{rectified}次，满意率{rate}"),
                format!("{council}：評議事項{reviewed}項，辦結{completed}項，整改{rectified}次，滿意率{rate}"),
                format!("{council}: {} reviewed, {completed} completed, sent back {}, satisfaction {rate}", crate::text::counted(reviewed as u64, "matter", "matters"), crate::text::times(rectified as u64)),
            )
        );
    }
    Ok(())
}

pub fn search(from: Option<String>, words: &str, lang: Lang) -> Result<(), Failure> {
    let mut client = district::connect(&address(from, lang)?).map_err(|e| said(e, lang))?;
    let places = district::search(&mut client, words).map_err(|e| said(e, lang))?;
    for p in &places {
        show(&format!("{} · {}：{}", p.council, p.meeting, p.paragraph));
    }
    eprintln!(
        "{}",
        lang.pick_owned(
            format!("共{}处", places.len()),
            format!("共{}處", places.len()),
            format!("{} places", places.len()),
        )
    );
    Ok(())
}
