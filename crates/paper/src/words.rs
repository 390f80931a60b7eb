//! What the paper minutes and their printing say, in 简体, 繁體 and English.

use super::face::Face;
use yishi_text::Lang;

use yishi_text::say;

/// The line under the signatures of minutes not sealed with keys: the paper's match in the
/// file.
pub fn minutes_digest(l: Lang, digest: &str) -> String {
    say!(
        l,
        "纪要摘要（SHA-256）：{digest}",
        "紀要摘要（SHA-256）：{digest}",
        "Digest of the minutes (SHA-256): {digest}"
    )
}

fn face_name(l: Lang, face: Face) -> String {
    let font = face.font_name();
    match face {
        Face::Song => say!(
            l,
            "{font}（正文仿宋）",
            "{font}（正文仿宋）",
            "{font} (body)"
        ),
        Face::Title => say!(
            l,
            "{font}（标题小标宋）",
            "{font}（標題小標宋）",
            "{font} (title)"
        ),
        Face::Hei => say!(
            l,
            "{font}（黑体标题）",
            "{font}（黑體標題）",
            "{font} (headings)"
        ),
        Face::Kai => say!(
            l,
            "{font}（楷体标题）",
            "{font}（楷體標題）",
            "{font} (subheadings)"
        ),
    }
}

/// No font for some faces: which, the packages that have them, and the option that names a
/// folder of fonts.
pub fn fonts_missing(l: Lang, faces: &[Face]) -> String {
    let names: Vec<String> = faces.iter().map(|f| face_name(l, *f)).collect();
    let mut packages: Vec<&str> = faces.iter().map(|f| f.package()).collect();
    packages.dedup();
    let (names, packages) = (names.join("、"), packages.join(" "));
    say!(
        l,
        "找不到打印纪要所需的字体：{names}。请安装 {packages}（sudo apt-get install {packages}），或用 --fonts 指定存放这些字体的文件夹。",
        "找不到列印紀要所需的字型：{names}。請安裝 {packages}（sudo apt-get install {packages}），或用 --fonts 指定存放這些字型的資料夾。",
        "The fonts the paper minutes need were not found: {names}. Install {packages} (sudo apt-get install {packages}), or name a folder that holds them with --fonts."
    )
}

/// A character none of the fonts draws.
pub fn glyph_missing(l: Lang, c: char, font: &str) -> String {
    let code = format!("U+{:04X}", c as u32);
    say!(
        l,
        "字体 {font} 没有「{c}」（{code}）这个字，纪要不能打印成缺字的方框。请用 --fonts 指定含有这个字的字体文件夹。",
        "字型 {font} 沒有「{c}」（{code}）這個字，紀要不能列印成缺字的方框。請用 --fonts 指定含有這個字的字型資料夾。",
        "The font {font} has no “{c}” ({code}); the minutes are not printed with a box in its place. Name a folder with a font that has it with --fonts."
    )
}

/// The PDF writer refused: what it said.
pub fn not_written(l: Lang, why: &str) -> String {
    say!(
        l,
        "未能生成 PDF：{why}",
        "未能生成 PDF：{why}",
        "The PDF could not be made: {why}"
    )
}
