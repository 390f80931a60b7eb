//! The faces of a 公文 and the free fonts that stand in for them.

/// The faces of a 公文, each with the free font that stands in for it (see `fonts`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Face {
    /// 仿宋: the body.
    Song,
    /// 小标宋: the title.
    Title,
    /// 黑体: 一、 headings and the labels of 出席/请假/列席.
    Hei,
    /// 楷体: （一） headings.
    Kai,
}

impl Face {
    /// Every face, in the order it is declared (a face indexes an array of four).
    pub const ALL: [Face; 4] = [Face::Song, Face::Title, Face::Hei, Face::Kai];

    /// The files that hold a font for the face, best first: Debian's collections, then the
    /// single-region files of the upstream releases.
    pub(super) fn files(self, region: &str) -> Vec<String> {
        let r = region.to_lowercase();
        match self {
            Face::Song => vec![
                "NotoSerifCJK-Regular.ttc".into(),
                format!("NotoSerifCJK{r}-Regular.otf"),
                format!("NotoSerif{region}-Regular.otf"),
            ],
            Face::Title => vec![
                "NotoSerifCJK-Bold.ttc".into(),
                format!("NotoSerifCJK{r}-Bold.otf"),
                format!("NotoSerif{region}-Bold.otf"),
            ],
            Face::Hei => vec![
                "NotoSansCJK-Regular.ttc".into(),
                format!("NotoSansCJK{r}-Regular.otf"),
                format!("NotoSans{region}-Regular.otf"),
            ],
            Face::Kai => vec![
                "LXGWWenKai-Regular.ttf".into(),
                "LXGWWenKaiTC-Regular.ttf".into(),
            ],
        }
    }

    /// The Debian package that installs a font for the face.
    pub fn package(self) -> &'static str {
        match self {
            Face::Kai => "fonts-lxgw-wenkai",
            _ => "fonts-noto-cjk",
        }
    }

    /// The font's name as a user would look for it.
    pub fn font_name(self) -> &'static str {
        match self {
            Face::Song => "Noto Serif CJK",
            Face::Title => "Noto Serif CJK Bold",
            Face::Hei => "Noto Sans CJK",
            Face::Kai => "LXGW WenKai",
        }
    }
}
