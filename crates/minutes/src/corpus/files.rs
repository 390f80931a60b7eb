//! The corpus on disk: the text file and its index, written whole, appended to, made afresh
//! as a stream, and read back.

use std::io::Write as _;
use std::path::Path;

use super::grams::{Builder, Grams, generation};
use super::{Corpus, Index, grams_file, index_file, lay_out_all, text_file};
use yishi_store::{Store, StoreError};
use yishi_text::Lang;

impl Corpus {
    /// Makes the files afresh, each meeting's text written as it is laid out, without
    /// holding the corpus in memory (after an import of any size), in 简体; another
    /// language's are made at its first search.
    pub fn write_fresh(
        store: &Store,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<(), StoreError> {
        let (dir, lang) = (store.dir(), Lang::ZhHans);
        let index_path = dir.join(index_file(lang));
        let _ = std::fs::remove_file(&index_path);
        let mut entries = Ok(Vec::new());
        let mut len = 0;
        let generation = generation();
        let mut grams = Builder::new(generation);
        let path = dir.join(text_file(lang));
        yishi_store::file::replace_with(&path, |out| {
            let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
            entries = lay_out_all(store, lang, progress, &mut |t| {
                grams.add(len, t);
                len += t.len();
                out.write_all(t)
            });
            out.flush()
        })
        .map_err(|e| StoreError::io("write", &path, e))?;
        let grams_path = dir.join(grams_file(lang));
        replace(&grams_path, &grams.finish().to_bytes())
            .map_err(|e| StoreError::io("write", &grams_path, e))?;
        let index = Index {
            head: store.head(),
            len,
            generation,
            entries: entries?,
        };
        let bytes = serde_json::to_vec(&index).map_err(std::io::Error::other);
        bytes
            .and_then(|b| replace(&index_path, &b))
            .map_err(|e| StoreError::io("write", &index_path, e))
    }

    fn index(&self) -> std::io::Result<Vec<u8>> {
        let index = Index {
            head: self.head.clone(),
            len: self.text.len(),
            generation: self.generation,
            entries: self.entries.clone(),
        };
        serde_json::to_vec(&index).map_err(std::io::Error::other)
    }

    /// Writes the files whole, the grams made afresh over all the text.
    pub(super) fn write(&mut self, dir: &Path) -> std::io::Result<()> {
        // The index goes first: until the new text is in place it covers none of it.
        let _ = std::fs::remove_file(dir.join(index_file(self.lang)));
        self.generation = generation();
        let mut spans: Vec<(usize, usize)> =
            self.entries.iter().map(|e| (e.start, e.end)).collect();
        spans.sort_unstable();
        let mut grams = Builder::new(self.generation);
        for (start, end) in spans {
            grams.add(start, &self.text[start..end]);
        }
        let grams = grams.finish();
        replace(&dir.join(text_file(self.lang)), &self.text)?;
        replace(&dir.join(grams_file(self.lang)), &grams.to_bytes())?;
        self.grams = Some(std::sync::Arc::new(grams));
        replace(&dir.join(index_file(self.lang)), &self.index()?)
    }

    /// Appends the text from `from` on to the file, which holds the text up to it, and writes
    /// the index.
    pub(super) fn append(&mut self, dir: &Path, from: usize) -> std::io::Result<()> {
        let path = dir.join(text_file(self.lang));
        let mut file = std::fs::OpenOptions::new().append(true).open(&path)?;
        if file.metadata()?.len() != from as u64 {
            drop(file);
            return self.write(dir);
        }
        file.write_all(&self.text[from..])?;
        replace(&dir.join(index_file(self.lang)), &self.index()?)
    }
}

/// A cache file replaced whole (it is made again if lost, so it is not made durable).
pub(super) fn replace(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = path.with_extension("tmp");
    yishi_store::private::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path)
}

impl Corpus {
    /// The corpus files of the database in `dir`, if they are there and whole. They need no
    /// store, so they can be read ahead, while the secretary is still typing the words.
    pub fn read(dir: &Path, lang: Lang) -> Option<Corpus> {
        read(dir, lang)
    }
}

fn read(dir: &Path, lang: Lang) -> Option<Corpus> {
    use std::io::Read;
    let index = std::fs::read(dir.join(index_file(lang))).ok()?;
    let index: Index = serde_json::from_slice(&index).ok()?;
    let mut text = Vec::with_capacity(index.len);
    std::fs::File::open(dir.join(text_file(lang)))
        .ok()?
        .take(index.len as u64)
        .read_to_end(&mut text)
        .ok()?;
    let fits = text.len() == index.len
        && index
            .entries
            .iter()
            .all(|e| e.start <= e.end && e.end <= text.len());
    // Grams made with other files, or over more text than there is, are not used.
    let grams = Grams::read(&dir.join(grams_file(lang)))
        .filter(|g| g.generation == index.generation && g.covered() <= text.len());
    fits.then_some(Corpus {
        lang,
        head: index.head,
        entries: index.entries,
        text,
        generation: index.generation,
        grams: grams.map(std::sync::Arc::new),
    })
}
