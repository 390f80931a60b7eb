//! The layers as the design draws them. Each layer is a crate under `crates/` whose manifest
//! names only the layers below it (`text → domain → store → minutes → paper | district → tui →
//! the binary`) and only its own layer's storage, terminal and database crates; the compiler
//! holds the rest. Inside each crate, no modules use each other round a circle: read from the
//! source's syntax (`syn`), `use` trees and paths alike, through re-exports to where a name
//! lives.

#[path = "layers/modules.rs"]
mod modules;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use modules::{Crate, cycles};

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

/// Crates that belong to one layer: no other layer's manifest names them.
const OWNED: [(&str, &str); 6] = [
    ("sled", "store"),
    ("krilla", "paper"),
    ("skrifa", "paper"),
    ("ratatui", "tui"),
    ("crossterm", "tui"),
    ("postgres", "district"),
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The crates a manifest's `[dependencies]` name, target-specific ones included (not the
/// tests' own `[dev-dependencies]`).
fn dependencies(manifest: &Path) -> BTreeSet<String> {
    let text = std::fs::read_to_string(manifest).expect("read a manifest");
    let doc: toml::Table = toml::from_str(&text).expect("a manifest parses");
    let mut out = BTreeSet::new();
    let mut take = |t: Option<&toml::Value>| {
        if let Some(t) = t.and_then(|t| t.as_table()) {
            out.extend(t.keys().cloned());
        }
    };
    take(doc.get("dependencies"));
    if let Some(targets) = doc.get("target").and_then(|t| t.as_table()) {
        for target in targets.values() {
            take(target.get("dependencies"));
        }
    }
    out
}

/// Each layer's manifest: the binary's own for `cli`.
fn manifest(layer: &str) -> PathBuf {
    if layer == "cli" {
        root().join("Cargo.toml")
    } else {
        root().join("crates").join(layer).join("Cargo.toml")
    }
}

#[test]
fn each_layer_crate_depends_only_on_the_layers_below_it_and_its_own_crates() {
    let mut breaches = Vec::new();
    for (layer, allowed) in LAYERS {
        for dep in dependencies(&manifest(layer)) {
            if let Some(used) = dep.strip_prefix("yishi-") {
                assert!(
                    LAYERS.iter().any(|(l, _)| *l == used),
                    "{layer} depends on {dep}, which is no layer of the design"
                );
                if !allowed.contains(&used) {
                    breaches.push(format!("{layer} depends on {used}"));
                }
            }
            for (krate, owner) in OWNED {
                if dep == krate && layer != owner {
                    breaches.push(format!("{layer} depends on {krate}, which is {owner}'s"));
                }
            }
        }
    }
    assert!(breaches.is_empty(), "{}", breaches.join("\n"));
    // Every crate under crates/ is a layer of the design, and every layer but the binary's is
    // a crate there.
    let mut found: Vec<String> = std::fs::read_dir(root().join("crates"))
        .expect("crates/")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    found.sort();
    let mut designed: Vec<String> = LAYERS
        .iter()
        .map(|(l, _)| l.to_string())
        .filter(|l| l != "cli")
        .collect();
    designed.sort();
    assert_eq!(found, designed);
}

#[test]
fn the_layers_are_held_by_cargo_itself() {
    // What cargo resolved, not what a manifest says: `cargo metadata` lists each workspace
    // package's dependencies, and a layer that named one above it would show here.
    let out = std::process::Command::new(env!("CARGO"))
        .args([
            "metadata",
            "--format-version",
            "1",
            "--offline",
            "--no-deps",
        ])
        .current_dir(root())
        .output()
        .expect("cargo metadata");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).expect("metadata");
    let mut layers_of: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for package in meta["packages"].as_array().expect("packages") {
        let name = package["name"].as_str().expect("name");
        let layer = name.strip_prefix("yishi-").unwrap_or("cli").to_string();
        let used = package["dependencies"]
            .as_array()
            .expect("dependencies")
            .iter()
            .filter(|d| d["kind"].is_null())
            .filter_map(|d| d["name"].as_str()?.strip_prefix("yishi-").map(String::from))
            .collect();
        layers_of.insert(layer, used);
    }
    // `cargo run` (README's first command) has one program to run among the default members.
    let defaults: Vec<&str> = meta["workspace_default_members"]
        .as_array()
        .expect("default members")
        .iter()
        .filter_map(|m| m.as_str())
        .collect();
    let programs: Vec<String> = meta["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .filter(|p| defaults.contains(&p["id"].as_str().unwrap_or_default()))
        .flat_map(|p| p["targets"].as_array().cloned().unwrap_or_default())
        .filter(|t| {
            t["kind"]
                .as_array()
                .is_some_and(|k| k.iter().any(|k| k == "bin"))
        })
        .filter_map(|t| t["name"].as_str().map(String::from))
        .collect();
    assert_eq!(
        programs,
        vec!["yishi"],
        "the programs cargo run would choose from"
    );
    for (layer, allowed) in LAYERS {
        let used = layers_of
            .get(layer)
            .unwrap_or_else(|| panic!("{layer} is a package of the workspace"));
        for u in used {
            assert!(allowed.contains(&u.as_str()), "{layer} depends on {u}");
        }
    }
}

/// Every crate of the workspace with its sources.
fn crates() -> Vec<(String, Crate)> {
    let mut out = vec![("yishi".to_string(), Crate::read(&root().join("src")))];
    for (layer, _) in LAYERS.iter().filter(|(l, _)| *l != "cli") {
        out.push((
            format!("yishi-{layer}"),
            Crate::read(&root().join("crates").join(layer).join("src")),
        ));
    }
    out.push((
        "yishi-generate".to_string(),
        Crate::read(&root().join("tools/generate/src")),
    ));
    out
}

#[test]
fn no_modules_use_each_other_in_a_circle() {
    let mut report = Vec::new();
    let mut modules = 0;
    for (name, krate) in crates() {
        let reasons = krate.reasons();
        let graph = krate.graph();
        modules += graph.len();
        if name == "yishi-tui" {
            let decide = graph
                .iter()
                .find(|(m, _)| m == "screens/decide")
                .expect("the decide screen");
            assert!(
                decide.1.iter().any(|u| u == "model"),
                "the graph sees what a screen uses: {:?}",
                decide.1
            );
        }
        let shown = |m: &str| {
            if m.is_empty() {
                "lib".to_string()
            } else {
                m.to_string()
            }
        };
        for group in cycles(&graph) {
            let edges: Vec<String> = reasons
                .iter()
                .filter(|(m, _)| group.contains(m))
                .flat_map(|(m, used)| {
                    used.iter()
                        .filter(|(u, _)| group.contains(u))
                        .map(|(u, why)| format!("  {} → {} ({why})", shown(m), shown(u)))
                })
                .collect();
            let names: Vec<String> = group.iter().map(|m| shown(m)).collect();
            let circle = format!("{name}: {}", names.join(" ↔ "));
            report.push(format!("{circle}\n{}", edges.join("\n")));
        }
    }
    assert!(modules > 200, "the sources were read ({modules} modules)");
    assert!(
        report.is_empty(),
        "modules that use each other in a circle:\n{}",
        report.join("\n")
    );
}

#[test]
fn a_planted_circle_is_found_through_use_trees_paths_and_re_exports() {
    // `a` uses `b` through a use tree, `b` uses `c` by a path in a macro's argument, and `c` uses
    // `a` through the crate root's re-export: a circle of three. `d` only uses `a`, and the
    // tests module of `a` uses `d`, which a test may: `a` and `d` are no circle.
    let files = [
        (
            "lib.rs",
            "mod a; mod b; mod c; mod d; mod e;\npub use a::Thing;\n",
        ),
        (
            "a.rs",
            "use super::{b::{self, Other}, e as _};\npub struct Thing;\n\
             #[cfg(test)] mod tests { use crate::d::f; }\n",
        ),
        (
            "b.rs",
            "pub struct Other;\nfn g() { println!(\"{:?}\", crate::c::h()); }\n",
        ),
        ("c.rs", "pub fn h() -> crate::Thing { todo!() }\n"),
        ("d.rs", "pub fn f() { let _ = crate::a::Thing; }\n"),
        ("e.rs", "pub fn k() {}\n"),
    ];
    let krate = Crate::from_sources(
        files
            .iter()
            .map(|(p, s)| (PathBuf::from(p), s.to_string()))
            .collect(),
    );
    let graph = krate.graph();
    let edges = |m: &str| {
        graph
            .iter()
            .find(|(n, _)| n == m)
            .map(|(_, u)| u.clone())
            .unwrap_or_default()
    };
    assert_eq!(edges("a"), vec!["b", "e"]);
    assert_eq!(edges("b"), vec!["c"]);
    assert_eq!(edges("c"), vec!["a"], "the re-export is followed home");
    assert_eq!(edges("d"), vec!["a"]);
    let found = cycles(&graph);
    assert_eq!(found, vec![vec!["a", "b", "c"]]);

    // A parent that calls its child while the child uses what the parent defines is a circle
    // too: the shared part belongs in a module of its own.
    let parent = Crate::from_sources(vec![
        (
            PathBuf::from("lib.rs"),
            "mod kid;\npub struct Shared;\npub fn run() { kid::go(); }\n".into(),
        ),
        (
            PathBuf::from("kid.rs"),
            "pub fn go() { let _ = super::Shared; }\n".into(),
        ),
    ]);
    assert_eq!(
        cycles(&parent.graph()),
        vec![vec!["", "kid"]],
        "the root is the module \"\""
    );
}

#[test]
fn the_screens_read_the_model_and_only_fetch_reads_the_record() {
    let tui = root().join("crates/tui/src");
    let graph = Crate::read(&tui).graph();
    let mut breaches = Vec::new();
    for (module, used) in &graph {
        let screen = module.starts_with("screens");
        for u in used {
            if screen && u == "app" {
                breaches.push(format!("{module} uses app"));
            }
            // The model is a leaf: what it is made of, never what acts on it.
            if module == "model"
                && ["app", "screens", "effect"]
                    .iter()
                    .any(|x| u == x || u.starts_with(&format!("{x}/")))
            {
                breaches.push(format!("model uses {u}"));
            }
        }
    }
    breaches.extend(reading_outside_fetch(&tui, Path::new("")));
    assert!(graph.len() > 50, "the console's modules were read");
    assert!(breaches.is_empty(), "{}", breaches.join("\n"));
}

/// The console's modules allowed to read the record: `fetch`, the one reader; `app`, which
/// writes it and hands `fetch` the store; the wall's loop, which follows the journal; and the
/// crate's root, which opens the console on a store.
const READERS: [&str; 5] = [
    "fetch.rs",
    "app.rs",
    "app/sealing.rs",
    "projector.rs",
    "lib.rs",
];

/// Every file under `dir` (relative to the console's source, `at`) that names a reader of the
/// record (the store, the journal's reader, the records trait) and is not one of `READERS`.
fn reading_outside_fetch(tui: &Path, at: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(tui.join(at)) else {
        return vec![format!("{} cannot be read", at.display())];
    };
    for entry in entries.flatten() {
        let rel = at.join(entry.file_name());
        if entry.path().is_dir() {
            out.extend(reading_outside_fetch(tui, &rel));
            continue;
        }
        let name = rel.to_string_lossy().replace('\\', "/");
        if !name.ends_with(".rs") || READERS.contains(&name.as_str()) {
            continue;
        }
        let code = std::fs::read_to_string(entry.path()).unwrap_or_default();
        let words: BTreeSet<&str> = code
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .collect();
        for reader in ["Store", "Reader", "Records"] {
            if words.contains(reader) {
                out.push(format!(
                    "{name} names {reader}: only fetch reads the record"
                ));
            }
        }
    }
    out
}
