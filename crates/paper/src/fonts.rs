//! The free fonts that stand in for the faces of a 公文: Noto Serif CJK for 仿宋 and (bold) for
//! 小标宋, Noto Sans CJK for 黑体 (Debian's fonts-noto-cjk, OFL, GBK and Big5), LXGW WenKai for
//! 楷体 (fonts-lxgw-wenkai, OFL). Looked for in a folder the user names, then where the system
//! keeps fonts; the face of a collection is chosen by its region (SC or TC).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use skrifa::MetadataProvider;
use skrifa::raw::FileRef;
use skrifa::string::StringId;

use super::face::Face;
use yishi_text::Lang;

/// A font file read, and the face in it.
#[derive(Clone)]
pub struct Loaded {
    pub path: PathBuf,
    pub index: u32,
    pub data: Arc<Vec<u8>>,
}

/// A font for every face, in `Face::ALL`'s order.
pub struct Fonts([Loaded; 4]);

impl Fonts {
    pub fn face(&self, face: Face) -> &Loaded {
        &self.0[face as usize]
    }
}

/// A face no font was found for: which, and the package that has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    pub faces: Vec<Face>,
}

/// Where fonts are looked for: the user's folder first, then the system's and the user's own.
fn folders(extra: Option<&Path>) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = extra.map(Path::to_path_buf).into_iter().collect();
    out.extend(
        ["/usr/share/fonts", "/usr/local/share/fonts"]
            .iter()
            .map(PathBuf::from),
    );
    if let Some(home) = std::env::var_os("HOME") {
        let home = PathBuf::from(home);
        out.push(home.join(".local/share/fonts"));
        out.push(home.join(".fonts"));
    }
    out
}

/// Every file under `dir`, a few levels down.
fn walk(dir: &Path, depth: usize, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            if depth > 0 {
                walk(&p, depth - 1, out);
            }
        } else {
            out.push(p);
        }
    }
}

/// The face of the collection at `path` whose family names `region` (a lone font: its own).
fn load(path: &Path, region: &str) -> Option<Loaded> {
    let data = Arc::new(std::fs::read(path).ok()?);
    let index = match FileRef::new(&data).ok()? {
        FileRef::Font(_) => 0,
        FileRef::Collection(c) => (0..c.len()).find(|i| {
            c.get(*i).is_ok_and(|f| {
                f.localized_strings(StringId::FAMILY_NAME)
                    .english_or_first()
                    .is_some_and(|n| n.to_string().ends_with(&format!(" {region}")))
            })
        })?,
    };
    Some(Loaded {
        path: path.to_path_buf(),
        index,
        data,
    })
}

/// The fonts for minutes in `lang`, from `extra` or the system.
pub fn find(lang: Lang, extra: Option<&Path>) -> Result<Fonts, Missing> {
    find_in(lang, &folders(extra))
}

/// The fonts for minutes in `lang`, from `folders` only.
pub fn find_in(lang: Lang, folders: &[PathBuf]) -> Result<Fonts, Missing> {
    let region = if lang == Lang::ZhHant { "TC" } else { "SC" };
    let mut files = Vec::new();
    for dir in folders {
        walk(dir, 4, &mut files);
    }
    let named = |name: &str| {
        files
            .iter()
            .find(|p| p.file_name().is_some_and(|f| f.to_string_lossy() == name))
    };
    let pick = |face: Face| {
        face.files(region)
            .iter()
            .filter_map(|name| named(name))
            .find_map(|p| load(p, region))
    };
    let found = Face::ALL.map(pick);
    let missing: Vec<Face> = Face::ALL
        .iter()
        .zip(&found)
        .filter(|(_, l)| l.is_none())
        .map(|(f, _)| *f)
        .collect();
    match found {
        [Some(song), Some(title), Some(hei), Some(kai)] => Ok(Fonts([song, title, hei, kai])),
        _ => Err(Missing { faces: missing }),
    }
}
