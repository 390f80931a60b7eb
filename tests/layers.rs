//! The layers as the design draws them, held by the source itself: each folder of `src/` uses
//! only the layers below it (`text → domain → store → minutes → tui | cli`), and only its
//! own layer's storage, terminal and database crates.

use std::path::{Path, PathBuf};

/// Each layer and the layers it may use.
const LAYERS: [(&str, &[&str]); 6] = [
    ("text", &[]),
    ("domain", &["text"]),
    ("store", &["text", "domain"]),
    ("minutes", &["text", "domain", "store"]),
    ("tui", &["text", "domain", "store", "minutes"]),
    ("cli", &["text", "domain", "store", "minutes", "tui"]),
];

/// Crates that belong to one layer: no other layer names them.
const OWNED: [(&str, &str); 3] = [("sled", "store"), ("ratatui", "tui"), ("crossterm", "tui")];

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("read src") {
        let p = e.expect("entry").path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The names that follow `prefix` in `code`, outside comments: `crate::store::Store` gives
/// `store`.
fn paths_after<'a>(code: &'a str, prefix: &str) -> Vec<&'a str> {
    code.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .flat_map(|l| {
            l.match_indices(prefix)
                .map(move |(i, _)| &l[i + prefix.len()..])
        })
        .filter_map(|rest| {
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            (end > 0).then(|| &rest[..end])
        })
        .collect()
}

#[test]
fn each_layer_uses_only_the_layers_below_it_and_its_own_crates() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut breaches = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(&src).expect("inside src");
        let Some(layer) = rel
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .filter(|_| rel.components().count() > 1)
        else {
            continue; // lib.rs and main.rs tie the layers together
        };
        let (_, allowed) = LAYERS
            .iter()
            .find(|(name, _)| *name == layer)
            .unwrap_or_else(|| panic!("{layer} is not a layer of the design"));
        let code = std::fs::read_to_string(file).expect("read");
        for used in paths_after(&code, "crate::") {
            let is_layer = LAYERS.iter().any(|(name, _)| *name == used);
            if is_layer && used != layer && !allowed.contains(&used) {
                breaches.push(format!("{}: {layer} uses {used}", rel.display()));
            }
        }
        for (krate, owner) in OWNED {
            let named = paths_after(&code, &format!("{krate}::")).len()
                + paths_after(&code, &format!("use {krate}")).len();
            if named > 0 && layer != owner {
                breaches.push(format!("{}: {layer} names {krate}", rel.display()));
            }
        }
    }
    assert!(breaches.is_empty(), "{}", breaches.join("\n"));
    assert!(files.len() > 50, "the sources were read ({})", files.len());
}
