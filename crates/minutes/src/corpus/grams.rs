//! Which stretches of the search text can hold a query: for each pair of neighbouring
//! characters (Latin letters folded to lower case) and each single character, the blocks of
//! meetings whose text holds it. A query is sought only in the blocks that hold every pair it
//! is made of, so a word no meeting uses costs a lookup, and a rare one the blocks it is in.
//! Made whenever the text is written whole and kept in a file beside it; text appended after
//! (meetings laid out again since) is not covered and is always read.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Between paragraphs: a character no record text can hold (controls are refused on entry).
pub(super) const PARA: u8 = 0x1e;

/// Meetings to a block: small enough that a rare word reads little text, large enough that the
/// lists stay short.
const BLOCK: usize = 64;
const MAGIC: &[u8; 8] = b"YISHIGR1";

/// A pair of characters, or one character on its own.
fn pair(a: char, b: char) -> u64 {
    (u64::from(u32::from(a)) << 21) | u64::from(u32::from(b))
}

fn single(c: char) -> u64 {
    (1 << 63) | u64::from(u32::from(c))
}

/// The keys a text holds, each once.
fn keys_of(text: &[u8], into: &mut BTreeSet<u64>) {
    for para in text.split(|&b| b == PARA) {
        let para = String::from_utf8_lossy(para);
        let mut before: Option<char> = None;
        for c in para.chars().map(|c| c.to_ascii_lowercase()) {
            into.insert(single(c));
            if let Some(b) = before {
                into.insert(pair(b, c));
            }
            before = Some(c);
        }
    }
}

/// The keys every place `query` occurs must hold (folded as the text is).
fn keys_of_query(query: &str) -> Vec<u64> {
    let chars: Vec<char> = query.chars().map(|c| c.to_ascii_lowercase()).collect();
    match chars.as_slice() {
        [] => Vec::new(),
        [c] => vec![single(*c)],
        _ => chars.windows(2).map(|w| pair(w[0], w[1])).collect(),
    }
}

/// The blocks and, for each key, the blocks that hold it.
#[derive(Debug, Clone, Default)]
pub(super) struct Grams {
    /// The corpus files this was made with (the index names the same).
    pub generation: u64,
    /// Where each block's text starts and ends, in file order; the last ends where the text
    /// this covers ends.
    blocks: Vec<(usize, usize)>,
    /// Keys in order, each with where its blocks start in `lists` and how many there are.
    keys: Vec<(u64, u32, u32)>,
    lists: Vec<u32>,
}

impl Grams {
    /// How much of the text this covers: text after it is read for every query.
    pub fn covered(&self) -> usize {
        self.blocks.last().map_or(0, |b| b.1)
    }

    /// The block a covered place at `start` lies in.
    pub fn block_of(&self, start: usize) -> usize {
        self.blocks.partition_point(|b| b.1 <= start)
    }

    /// The blocks that hold every key of `query`, as a set over block numbers; `None` for a
    /// query with no keys (every block may hold it).
    pub fn candidates(&self, query: &str) -> Option<Vec<bool>> {
        let keys = keys_of_query(query);
        if keys.is_empty() {
            return None;
        }
        let mut wanted = vec![true; self.blocks.len()];
        for key in keys {
            let mut holds = vec![false; self.blocks.len()];
            if let Ok(i) = self.keys.binary_search_by_key(&key, |k| k.0) {
                let (_, at, n) = self.keys[i];
                let list = self
                    .lists
                    .get(at as usize..(at + n) as usize)
                    .unwrap_or(&[]);
                for &b in list {
                    if let Some(h) = holds.get_mut(b as usize) {
                        *h = true;
                    }
                }
            }
            for (w, h) in wanted.iter_mut().zip(holds) {
                *w &= h;
            }
        }
        Some(wanted)
    }

    /// The file's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(32 + self.blocks.len() * 16 + self.lists.len() * 4);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.generation.to_le_bytes());
        out.extend_from_slice(&(self.blocks.len() as u64).to_le_bytes());
        out.extend_from_slice(&(self.keys.len() as u64).to_le_bytes());
        for (start, end) in &self.blocks {
            out.extend_from_slice(&(*start as u64).to_le_bytes());
            out.extend_from_slice(&(*end as u64).to_le_bytes());
        }
        for (key, at, n) in &self.keys {
            out.extend_from_slice(&key.to_le_bytes());
            out.extend_from_slice(&at.to_le_bytes());
            out.extend_from_slice(&n.to_le_bytes());
        }
        for b in &self.lists {
            out.extend_from_slice(&b.to_le_bytes());
        }
        out
    }

    /// Reads a file `to_bytes` wrote; anything else, or any list out of place, is none.
    pub fn from_bytes(bytes: &[u8]) -> Option<Grams> {
        let mut at = 0;
        let mut take = |n: usize| -> Option<&[u8]> {
            let s = bytes.get(at..at + n)?;
            at += n;
            Some(s)
        };
        let u64_of = |s: &[u8]| s.try_into().ok().map(u64::from_le_bytes);
        let u32_of = |s: &[u8]| s.try_into().ok().map(u32::from_le_bytes);
        if take(8)? != MAGIC {
            return None;
        }
        let generation = u64_of(take(8)?)?;
        let blocks_n = usize::try_from(u64_of(take(8)?)?).ok()?;
        let keys_n = usize::try_from(u64_of(take(8)?)?).ok()?;
        let mut blocks = Vec::with_capacity(blocks_n.min(bytes.len() / 16));
        for _ in 0..blocks_n {
            let start = usize::try_from(u64_of(take(8)?)?).ok()?;
            let end = usize::try_from(u64_of(take(8)?)?).ok()?;
            blocks.push((start, end));
        }
        let mut keys = Vec::with_capacity(keys_n.min(bytes.len() / 16));
        for _ in 0..keys_n {
            keys.push((u64_of(take(8)?)?, u32_of(take(4)?)?, u32_of(take(4)?)?));
        }
        let rest = bytes.get(at..)?;
        let lists: Vec<u32> = rest.chunks_exact(4).filter_map(u32_of).collect();
        let sound = rest.len() % 4 == 0
            && keys.windows(2).all(|w| w[0].0 < w[1].0)
            && keys
                .iter()
                .all(|k| (k.1 as usize + k.2 as usize) <= lists.len())
            && lists.iter().all(|&b| (b as usize) < blocks.len())
            && blocks.windows(2).all(|w| w[0].1 == w[1].0);
        sound.then_some(Grams {
            generation,
            blocks,
            keys,
            lists,
        })
    }

    pub fn read(path: &Path) -> Option<Grams> {
        Grams::from_bytes(&std::fs::read(path).ok()?)
    }
}

/// Makes `Grams` from meetings' texts handed over one at a time, in file order.
pub(super) struct Builder {
    generation: u64,
    blocks: Vec<(usize, usize)>,
    lists: BTreeMap<u64, Vec<u32>>,
    held: BTreeSet<u64>,
    in_block: usize,
    start: usize,
    end: usize,
}

impl Builder {
    pub fn new(generation: u64) -> Builder {
        Builder {
            generation,
            blocks: Vec::new(),
            lists: BTreeMap::new(),
            held: BTreeSet::new(),
            in_block: 0,
            start: 0,
            end: 0,
        }
    }

    /// The next meeting's text, which lies at `start` in the file.
    pub fn add(&mut self, start: usize, text: &[u8]) {
        if self.in_block == 0 {
            self.start = start;
        }
        keys_of(text, &mut self.held);
        self.end = start + text.len();
        self.in_block += 1;
        if self.in_block == BLOCK {
            self.close();
        }
    }

    fn close(&mut self) {
        if self.in_block == 0 {
            return;
        }
        let block = self.blocks.len() as u32;
        self.blocks.push((self.start, self.end));
        for key in std::mem::take(&mut self.held) {
            self.lists.entry(key).or_default().push(block);
        }
        self.in_block = 0;
    }

    pub fn finish(mut self) -> Grams {
        self.close();
        let mut keys = Vec::with_capacity(self.lists.len());
        let mut lists = Vec::new();
        for (key, list) in self.lists {
            keys.push((key, lists.len() as u32, list.len() as u32));
            lists.extend(list);
        }
        Grams {
            generation: self.generation,
            blocks: self.blocks,
            keys,
            lists,
        }
    }
}

/// A number telling one whole writing of the corpus files from another.
pub(super) fn generation() -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    nanos ^ (u64::from(std::process::id()) << 40)
}

#[cfg(test)]
mod tests {
    use super::{Builder, Grams};

    fn built(texts: &[&str]) -> Grams {
        let mut b = Builder::new(7);
        let mut at = 0;
        for t in texts {
            b.add(at, t.as_bytes());
            at += t.len();
        }
        b.finish()
    }

    #[test]
    fn a_query_is_sought_only_where_every_pair_it_is_made_of_is() {
        // 64 meetings to a block: the first block speaks of the lift, the second of drains.
        let mut texts = vec!["加装电梯的意见"; 64];
        texts.extend(vec!["雨水管道疏通 WiFi"; 64]);
        let g = Grams::from_bytes(&built(&texts).to_bytes()).expect("read back");
        assert_eq!(g.generation, 7);
        assert_eq!(g.candidates("电梯"), Some(vec![true, false]));
        assert_eq!(g.candidates("雨水管道"), Some(vec![false, true]));
        // Letters of either case; a single character; a word no meeting uses.
        assert_eq!(g.candidates("wIfI"), Some(vec![false, true]));
        assert_eq!(g.candidates("意"), Some(vec![true, false]));
        assert_eq!(g.candidates("火星"), Some(vec![false, false]));
        // Each pair is somewhere, but never together in one block.
        assert_eq!(g.candidates("电梯疏通"), Some(vec![false, false]));
        assert_eq!(g.candidates(""), None);
        assert_eq!(g.block_of(0), 0);
        assert_eq!(g.block_of(g.covered() - 1), 1);
    }

    #[test]
    fn a_pair_across_paragraphs_is_not_one() {
        let text = "电\u{1e}梯";
        let g = built(&[text]);
        assert_eq!(g.candidates("电梯"), Some(vec![false]));
        assert_eq!(g.candidates("梯"), Some(vec![true]));
    }

    #[test]
    fn a_damaged_file_is_none() {
        let bytes = built(&["加装电梯"; 3]).to_bytes();
        for cut in [0, 8, 20, bytes.len() - 1] {
            assert!(Grams::from_bytes(&bytes[..cut]).is_none(), "cut at {cut}");
        }
        let mut wrong = bytes.clone();
        let last = wrong.len() - 4;
        wrong[last..].copy_from_slice(&99u32.to_le_bytes());
        assert!(Grams::from_bytes(&wrong).is_none());
    }
}
