//! A crate's modules and the modules each one uses, read from the syntax of its sources (`syn`):
//! `use` trees and the paths of code and types, each followed through re-exports to the
//! module where the name is defined. A module's own `pub use` is its shape, not a use; a
//! `#[cfg(test)]` item is the tests', not the module's. A macro call is read where its arguments
//! are expressions.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use syn::visit::Visit;

/// A crate's modules, each as its parsed source. The root is the module `""`; `a/b.rs` and
/// `a/b/mod.rs` are `a/b`.
pub struct Crate {
    files: Vec<(String, syn::File)>,
    modules: BTreeSet<String>,
    defined: BTreeMap<String, BTreeSet<String>>,
    re_exports: BTreeMap<String, BTreeMap<String, Vec<String>>>,
    globs: BTreeMap<String, Vec<Vec<String>>>,
}

impl Crate {
    /// The crate whose sources are under `src` (its `main.rs`, a second root, left out).
    pub fn read(src: &Path) -> Crate {
        let mut paths = Vec::new();
        sources(src, &mut paths);
        let files = paths
            .into_iter()
            .filter(|p| p.file_name().is_none_or(|n| n != "main.rs"))
            .map(|p| {
                let code = std::fs::read_to_string(&p).expect("read a source");
                (p.strip_prefix(src).expect("inside src").to_path_buf(), code)
            })
            .collect();
        Crate::from_sources(files)
    }

    /// The crate of these sources, each by its path under `src`.
    pub fn from_sources(files: Vec<(PathBuf, String)>) -> Crate {
        let files: Vec<(String, syn::File)> = files
            .into_iter()
            .map(|(rel, code)| {
                let file = syn::parse_file(&code)
                    .unwrap_or_else(|e| panic!("{} parses: {e}", rel.display()));
                (module_of(&rel), file)
            })
            .collect();
        let mut krate = Crate {
            modules: files.iter().map(|(m, _)| m.clone()).collect(),
            files,
            defined: BTreeMap::new(),
            re_exports: BTreeMap::new(),
            globs: BTreeMap::new(),
        };
        let mut found = Vec::new();
        for (me, file) in &krate.files {
            for item in file.items.iter().filter(|i| !for_tests(attrs(i))) {
                if let Some(name) = name_of(item) {
                    found.push((me.clone(), name, None));
                }
                let syn::Item::Use(u) = item else { continue };
                if matches!(u.vis, syn::Visibility::Inherited) {
                    continue;
                }
                for (path, local) in leaves(&u.tree, Vec::new()) {
                    if let Some(whole) = krate.absolute(me, &path) {
                        found.push((me.clone(), local.unwrap_or_default(), Some(whole)));
                    }
                }
            }
        }
        for (me, name, whole) in found {
            match whole {
                None => {
                    krate.defined.entry(me).or_default().insert(name);
                }
                Some(whole) if name.is_empty() => krate.globs.entry(me).or_default().push(whole),
                Some(whole) => {
                    krate.re_exports.entry(me).or_default().insert(name, whole);
                }
            }
        }
        krate
    }

    /// Every module and the other modules it uses, each list sorted.
    pub fn graph(&self) -> Vec<(String, Vec<String>)> {
        self.reasons()
            .into_iter()
            .map(|(m, used)| (m, used.into_keys().collect()))
            .collect()
    }

    /// Every module and the other modules it uses, each with the first path that uses it
    /// (`super::Failure`), to name what a circle is made of.
    pub fn reasons(&self) -> Vec<(String, BTreeMap<String, String>)> {
        self.files
            .iter()
            .map(|(me, file)| {
                let mut walk = Walk {
                    krate: self,
                    me,
                    used: BTreeMap::new(),
                };
                walk.visit_file(file);
                (me.clone(), walk.used)
            })
            .collect()
    }

    /// `path` as written in module `me`, from the crate's root: `super::b` in `a` is `b`.
    /// `None` for a path that leaves the crate (another crate, `std`, a local name).
    fn absolute(&self, me: &str, path: &[String]) -> Option<Vec<String>> {
        let (first, rest) = path.split_first()?;
        let mut at: Vec<String> = match first.as_str() {
            "crate" => Vec::new(),
            "self" => split(me),
            "super" => parent(&split(me)),
            _ if self.modules.contains(&join(me, first)) => {
                let mut m = split(me);
                m.push(first.clone());
                m
            }
            _ => return None,
        };
        let mut rest = rest.iter().peekable();
        while rest.peek().is_some_and(|s| *s == "super") {
            rest.next();
            at = parent(&at);
        }
        at.extend(rest.cloned());
        Some(at)
    }

    /// The module where `path` (from the root) is defined, and whether its name was found
    /// there.
    fn resolve(&self, path: &[String], depth: usize) -> (String, bool) {
        let mut at = String::new();
        for (i, seg) in path.iter().enumerate() {
            let next = join(&at, seg);
            if self.modules.contains(&next) {
                at = next;
                continue;
            }
            if self.defined.get(&at).is_some_and(|d| d.contains(seg)) || depth > 8 {
                return (at, true);
            }
            if let Some(target) = self.re_exports.get(&at).and_then(|r| r.get(seg)) {
                let mut whole = target.clone();
                whole.extend(path[i + 1..].iter().cloned());
                return self.resolve(&whole, depth + 1);
            }
            for glob in self.globs.get(&at).into_iter().flatten() {
                let mut whole = glob.clone();
                whole.extend(path[i..].iter().cloned());
                let (home, found) = self.resolve(&whole, depth + 1);
                if found {
                    return (home, true);
                }
            }
            return (at, false);
        }
        (at, true)
    }
}

/// One module's walk over its syntax, gathering the modules it uses.
struct Walk<'a> {
    krate: &'a Crate,
    me: &'a str,
    used: BTreeMap<String, String>,
}

impl Walk<'_> {
    fn uses(&mut self, path: &[String]) {
        if let Some(whole) = self.krate.absolute(self.me, path) {
            let (home, _) = self.krate.resolve(&whole, 0);
            if home != self.me {
                self.used.entry(home).or_insert_with(|| path.join("::"));
            }
        }
    }
}

impl<'ast> Visit<'ast> for Walk<'_> {
    fn visit_item(&mut self, item: &'ast syn::Item) {
        if !for_tests(attrs(item)) {
            syn::visit::visit_item(self, item);
        }
    }

    fn visit_item_use(&mut self, u: &'ast syn::ItemUse) {
        // A module's `pub use` is the shape it shows, not a use of its own.
        if matches!(u.vis, syn::Visibility::Inherited) {
            for (path, _) in leaves(&u.tree, Vec::new()) {
                self.uses(&path);
            }
        }
    }

    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        // A call whose arguments are expressions (`format!`, `say!`, `assert!`, `vec!`) is read
        // as them; any other (`matches!`'s pattern, a `macro_rules!` body) is left unread.
        let parser = syn::punctuated::Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated;
        if let Ok(args) = m.parse_body_with(parser) {
            for arg in &args {
                self.visit_expr(arg);
            }
        }
        syn::visit::visit_macro(self, m);
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        let segs: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        if segs.len() > 1 && path.leading_colon.is_none() {
            self.uses(&segs);
        }
        syn::visit::visit_path(self, path);
    }
}

/// Each path a `use` tree ends in, with the name it brings in (`None` for a glob).
fn leaves(tree: &syn::UseTree, prefix: Vec<String>) -> Vec<(Vec<String>, Option<String>)> {
    let with = |ident: &syn::Ident| {
        let mut p = prefix.clone();
        if ident != "self" {
            p.push(ident.to_string());
        }
        p
    };
    match tree {
        syn::UseTree::Path(p) => leaves(&p.tree, with(&p.ident)),
        syn::UseTree::Name(n) => {
            let path = with(&n.ident);
            let local = path.last().cloned();
            vec![(path, local)]
        }
        syn::UseTree::Rename(r) => vec![(with(&r.ident), Some(r.rename.to_string()))],
        syn::UseTree::Glob(_) => vec![(prefix, None)],
        syn::UseTree::Group(g) => g
            .items
            .iter()
            .flat_map(|t| leaves(t, prefix.clone()))
            .collect(),
    }
}

fn attrs(item: &syn::Item) -> &[syn::Attribute] {
    use syn::Item::*;
    match item {
        Const(i) => &i.attrs,
        Enum(i) => &i.attrs,
        ExternCrate(i) => &i.attrs,
        Fn(i) => &i.attrs,
        ForeignMod(i) => &i.attrs,
        Impl(i) => &i.attrs,
        Macro(i) => &i.attrs,
        Mod(i) => &i.attrs,
        Static(i) => &i.attrs,
        Struct(i) => &i.attrs,
        Trait(i) => &i.attrs,
        TraitAlias(i) => &i.attrs,
        Type(i) => &i.attrs,
        Union(i) => &i.attrs,
        Use(i) => &i.attrs,
        _ => &[],
    }
}

/// Whether the item is compiled for the tests only: `#[cfg(test)]`.
fn for_tests(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("cfg")
            && matches!(&a.meta, syn::Meta::List(l) if l.tokens.to_string() == "test")
    })
}

/// The name an item defines in its module.
fn name_of(item: &syn::Item) -> Option<String> {
    use syn::Item::*;
    let ident = match item {
        Const(i) => &i.ident,
        Enum(i) => &i.ident,
        Fn(i) => &i.sig.ident,
        Macro(i) => i.ident.as_ref()?,
        Mod(i) => &i.ident,
        Static(i) => &i.ident,
        Struct(i) => &i.ident,
        Trait(i) => &i.ident,
        TraitAlias(i) => &i.ident,
        Type(i) => &i.ident,
        Union(i) => &i.ident,
        _ => return None,
    };
    Some(ident.to_string())
}

/// A source file's module path: `screens/mod.rs` is `screens`, `lib.rs` is `""`.
fn module_of(rel: &Path) -> String {
    let s = rel.with_extension("").to_string_lossy().replace('\\', "/");
    let s = s.strip_suffix("/mod").unwrap_or(&s);
    if s == "lib" {
        String::new()
    } else {
        s.to_string()
    }
}

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

fn split(module: &str) -> Vec<String> {
    if module.is_empty() {
        Vec::new()
    } else {
        module.split('/').map(String::from).collect()
    }
}

fn parent(path: &[String]) -> Vec<String> {
    path[..path.len().saturating_sub(1)].to_vec()
}

fn join(module: &str, seg: &str) -> String {
    if module.is_empty() {
        seg.to_string()
    } else {
        format!("{module}/{seg}")
    }
}

/// Groups of modules that use each other round a circle (Tarjan's strongly connected
/// components of more than one module), each sorted.
pub fn cycles(graph: &[(String, Vec<String>)]) -> Vec<Vec<String>> {
    struct Tarjan<'a> {
        graph: &'a [(String, Vec<String>)],
        index: Vec<Option<usize>>,
        low: Vec<usize>,
        stack: Vec<usize>,
        on: Vec<bool>,
        next: usize,
        out: Vec<Vec<String>>,
    }
    impl Tarjan<'_> {
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
    let mut walk = Tarjan {
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
