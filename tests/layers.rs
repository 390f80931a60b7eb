//! The layers as the design draws them, held by the source itself: each folder of `src/` uses
//! only the layers below it (`text → domain → store → minutes → paper | district → tui | cli`), and
//! only its own layer's storage, terminal and database crates.

use std::path::{Path, PathBuf};

/// Each layer and the layers it may use.
const LAYERS: [(&str, &[&str]); 8] = [
    ("text", &[]),
    ("domain", &["text"]),
    ("store", &["text", "domain"]),
    ("minutes", &["text", "domain", "store"]),
    ("paper", &["text", "domain", "store", "minutes"]),
    ("district", &["text", "domain", "store", "minutes"]),
    ("tui", &["text", "domain", "store", "minutes", "paper"]),
    (
        "cli",
        &[
            "text", "domain", "store", "minutes", "paper", "district", "tui",
        ],
    ),
];

/// Crates that belong to one layer: no other layer names them.
const OWNED: [(&str, &str); 6] = [
    ("sled", "store"),
    ("krilla", "paper"),
    ("skrifa", "paper"),
    ("ratatui", "tui"),
    ("crossterm", "tui"),
    ("postgres", "district"),
];

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

/// A source file's module path inside `src`: `tui/screens/mod.rs` is `tui/screens`.
fn module_of(rel: &Path) -> String {
    let s = rel.with_extension("").to_string_lossy().replace('\\', "/");
    s.strip_suffix("/mod").unwrap_or(&s).to_string()
}

/// The modules of `modules` that `code` (module `me`) uses, by `crate::`, `super::` and
/// `self::` paths. A folder's `mod.rs` declaring and re-exporting its children is its
/// structure, not a use, so those lines are left out.
fn uses(me: &str, is_folder: bool, code: &str, modules: &[String]) -> Vec<String> {
    let parent = if is_folder {
        me.to_string()
    } else {
        me.rsplit_once('/')
            .map_or(String::new(), |(p, _)| p.to_string())
    };
    let grandparent = parent
        .rsplit_once('/')
        .map_or(String::new(), |(p, _)| p.to_string());
    let facade = |l: &str| {
        let l = l.trim_start();
        is_folder
            && [
                "mod ",
                "pub mod ",
                "pub use ",
                "pub(crate) use ",
                "pub(super) use ",
            ]
            .iter()
            .any(|p| l.starts_with(p))
    };
    let code: String = code
        .lines()
        .take_while(|l| !l.starts_with("#[cfg(test)]"))
        .filter(|l| !facade(l))
        .collect::<Vec<_>>()
        .join("\n");
    // The longest module a path names, or the module it ends in.
    let resolve = |base: &str, rest: &str| -> Option<String> {
        let mut at = base.to_string();
        for seg in rest.split("::") {
            let seg: String = seg
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let next = if at.is_empty() {
                seg
            } else {
                format!("{at}/{seg}")
            };
            if modules.contains(&next) {
                at = next;
            } else {
                break;
            }
        }
        (at != me && !at.is_empty() && modules.contains(&at)).then_some(at)
    };
    let mut out = Vec::new();
    for (prefix, base) in [
        ("crate::", String::new()),
        ("super::super::", grandparent.clone()),
        (
            "super::",
            if is_folder {
                grandparent
            } else {
                parent.clone()
            },
        ),
        ("self::", if is_folder { me.to_string() } else { parent }),
    ] {
        for (i, _) in code.match_indices(prefix) {
            let before = code[..i].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            for path in expand(&code[i + prefix.len()..]) {
                if let Some(m) = resolve(&base, &path) {
                    out.push(m);
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The paths a `use` tree names from its start: `{checks, records::list}` is `checks` and
/// `records::list`; a plain path is itself, up to where it stops being one.
fn expand(rest: &str) -> Vec<String> {
    let join = |a: &str, b: &str| {
        if a.is_empty() {
            b.to_string()
        } else if b.is_empty() {
            a.to_string()
        } else {
            format!("{a}::{b}")
        }
    };
    let mut prefix = String::new();
    let mut s = rest;
    loop {
        let t = s.trim_start();
        if let Some(inner) = t.strip_prefix('{') {
            let mut depth = 1;
            let mut end = inner.len();
            for (i, c) in inner.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            end = i;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            let body = &inner[..end];
            let (mut parts, mut depth, mut start) = (Vec::new(), 0, 0);
            for (i, c) in body.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        parts.push(&body[start..i]);
                        start = i + 1;
                    }
                    _ => {}
                }
            }
            parts.push(&body[start..]);
            return parts
                .into_iter()
                .filter(|p| !p.trim().is_empty())
                .flat_map(expand)
                .map(|e| join(&prefix, &e))
                .collect();
        }
        let seg: String = t
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if seg.is_empty() {
            return vec![prefix];
        }
        prefix = join(&prefix, &seg);
        match t[seg.len()..].strip_prefix("::") {
            Some(r) => s = r,
            None => return vec![prefix],
        }
    }
}

#[test]
fn a_use_tree_is_read_to_each_module_it_names() {
    let modules: Vec<String> = [
        "cli",
        "cli/checks",
        "cli/records",
        "cli/records/list",
        "text",
    ]
    .iter()
    .map(|m| m.to_string())
    .collect();
    let code = "use super::{Failure, checks, records::{list::Row, Other}};\nuse crate::text;\n";
    assert_eq!(
        uses("cli/commands", false, code, &modules),
        vec![
            "cli",
            "cli/checks",
            "cli/records",
            "cli/records/list",
            "text"
        ]
    );
    // A circle planted in a graph is found, and named whole.
    let graph = vec![
        ("a".to_string(), vec!["b".to_string()]),
        ("b".to_string(), vec!["c".to_string()]),
        ("c".to_string(), vec!["a".to_string()]),
        ("d".to_string(), vec!["a".to_string()]),
    ];
    let found = cycles(&graph);
    assert_eq!(found.len(), 1, "{found:?}");
    let mut circle = found[0].clone();
    circle.sort();
    assert_eq!(circle, vec!["a", "b", "c"]);
}

/// Groups of modules that use each other round a circle (Tarjan's strongly connected
/// components of more than one module).
fn cycles(graph: &[(String, Vec<String>)]) -> Vec<Vec<String>> {
    struct Walk<'a> {
        graph: &'a [(String, Vec<String>)],
        index: Vec<Option<usize>>,
        low: Vec<usize>,
        stack: Vec<usize>,
        on: Vec<bool>,
        next: usize,
        out: Vec<Vec<String>>,
    }
    impl Walk<'_> {
        fn visit(&mut self, v: usize) {
            self.index[v] = Some(self.next);
            self.low[v] = self.next;
            self.next += 1;
            self.stack.push(v);
            self.on[v] = true;
            for used in &self.graph[v].1 {
                let Some(w) = self.graph.iter().position(|(n, _)| n == used) else {
                    continue;
                };
                match self.index[w] {
                    None => {
                        self.visit(w);
                        self.low[v] = self.low[v].min(self.low[w]);
                    }
                    Some(i) if self.on[w] => self.low[v] = self.low[v].min(i),
                    _ => {}
                }
            }
            if Some(self.low[v]) == self.index[v] {
                let mut group = Vec::new();
                while let Some(w) = self.stack.pop() {
                    self.on[w] = false;
                    group.push(self.graph[w].0.clone());
                    if w == v {
                        break;
                    }
                }
                if group.len() > 1 {
                    group.sort();
                    self.out.push(group);
                }
            }
        }
    }
    let n = graph.len();
    let mut walk = Walk {
        graph,
        index: vec![None; n],
        low: vec![0; n],
        stack: Vec::new(),
        on: vec![false; n],
        next: 0,
        out: Vec::new(),
    };
    for v in 0..n {
        if walk.index[v].is_none() {
            walk.visit(v);
        }
    }
    walk.out
}

/// Every module of `src` and the modules it uses.
fn module_graph() -> Vec<(String, Vec<String>)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let rels: Vec<PathBuf> = files
        .iter()
        .map(|f| f.strip_prefix(&src).expect("inside src").to_path_buf())
        .collect();
    let modules: Vec<String> = rels.iter().map(|r| module_of(r)).collect();
    files
        .iter()
        .zip(&rels)
        .map(|(file, rel)| {
            let me = module_of(rel);
            let code = std::fs::read_to_string(file).expect("read");
            let is_folder = rel.file_name().is_some_and(|n| n == "mod.rs");
            let used = uses(&me, is_folder, &code, &modules);
            (me, used)
        })
        .collect()
}

#[test]
fn no_modules_use_each_other_in_a_circle() {
    let graph = module_graph();
    let screens = graph
        .iter()
        .find(|(m, _)| m == "tui/screens/decide")
        .expect("the decide screen");
    assert!(
        screens.1.iter().any(|u| u == "tui/model"),
        "the graph sees what a screen uses: {:?}",
        screens.1
    );
    let found = cycles(&graph);
    assert!(
        found.is_empty(),
        "modules that use each other in a circle:\n{}",
        found
            .iter()
            .map(|g| {
                let edges: Vec<String> = graph
                    .iter()
                    .filter(|(m, _)| g.contains(m))
                    .flat_map(|(m, used)| {
                        used.iter()
                            .filter(|u| g.contains(u))
                            .map(move |u| format!("  {m} → {u}"))
                    })
                    .collect();
                format!("{}\n{}", g.join(" ↔ "), edges.join("\n"))
            })
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_screens_read_the_model_and_never_the_console_that_runs_them() {
    let graph = module_graph();
    let mut breaches = Vec::new();
    for (module, used) in &graph {
        let screen = module.starts_with("tui/screens");
        for u in used {
            if screen && u == "tui/app" {
                breaches.push(format!("{module} uses tui/app"));
            }
            // The model is a leaf: what it is made of, never what acts on it.
            if module == "tui/model"
                && ["tui/app", "tui/screens", "tui/effect", "store"]
                    .iter()
                    .any(|x| u == x || u.starts_with(&format!("{x}/")))
            {
                breaches.push(format!("tui/model uses {u}"));
            }
        }
    }
    assert!(breaches.is_empty(), "{}", breaches.join("\n"));
}
