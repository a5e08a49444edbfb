//! The index: every entry's source as token ids, an inverted index from token to entries (one
//! posting per occurrence), and the search that scores only the entries that can reach the
//! threshold.
//!
//! An edit must pay for every token it does not keep (its weight; half of it for a number
//! replaced by a number), so with `I` the weight an entry shares with the query and `k` the
//! fewer of their numbers, `score <= 100 * (I + k) / max(weights)`. The search:
//! 1. **Prefix filter** (as in set-similarity joins): the query's tokens, rarest first, until
//!    the ones left could not make up the shared weight the threshold needs. Only entries
//!    holding one of those rare tokens are candidates, and only if their weight alone allows
//!    the threshold (length filter).
//! 2. **Shared weight** `I`, exact (a token counts at most as often as the query has it): the
//!    postings of the common tokens are walked, or each candidate's tokens looked up when
//!    there are few candidates and long postings. Candidates whose bound misses the threshold
//!    go; the rest are taken best bound first.
//! 3. **Order**: `I` ignores word order; the longest common subsequence of words (bit-parallel)
//!    bounds what an edit can keep in order, which rules out most long paragraphs that merely
//!    share common words.
//! 4. **Distance**, exact, abandoned as soon as a row of the table exceeds what the needed
//!    score allows. Scoring stops once a bound is below the `limit`-th best score found (equal
//!    scores are still scored, for the tie order).

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::fmt;
use std::hash::{DefaultHasher, Hash, Hasher};

use crate::adapt::{Convert, QueryQuantities, adapt};
use crate::normalize::normalize;
use crate::score::{Step, Tok, distance, score, steps, weight};
use crate::tokens::{Class, Token, scan, tokenize};
use crate::{DiffKind, DiffPart, Entry, Match};

/// A translation memory held in memory: build it once from the stored entries
/// ([`Memory::new`]), add each newly saved pair ([`Memory::insert`]), search it from any
/// number of threads (`&self`).
///
/// A pair inserted twice (same source and target, exactly) is kept once and counts as inserted
/// last; among equal scores the entry inserted last comes first, so insert oldest first.
pub struct Memory {
    vocab: HashMap<Box<str>, u32>,
    classes: Vec<Class>,
    postings: Vec<Vec<u32>>,
    entries: Vec<Stored>,
    /// Each entry's weights, apart from the rest: the filter reads them for every candidate.
    sizes: Vec<Size>,
    pairs: HashMap<u64, u32>,
    clock: u64,
    /// How many postings looking up one candidate's tokens is worth (see `bounded`); the
    /// tests set it to 0 and to `usize::MAX` to take each way.
    lookup_cost: usize,
}

#[derive(Debug, Clone, Copy)]
struct Size {
    weight: u32,
    numbers: u16,
    puncts: u16,
}

struct Stored {
    source: Box<str>,
    target: Box<str>,
    tokens: Box<[u32]>,
    stamp: u64,
}

impl fmt::Debug for Memory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Memory")
            .field("entries", &self.entries.len())
            .field("tokens", &self.classes.len())
            .finish()
    }
}

impl Default for Memory {
    fn default() -> Self {
        Self::new(std::iter::empty())
    }
}

fn pair_key(source: &str, target: &str) -> u64 {
    let mut h = DefaultHasher::new();
    source.hash(&mut h);
    target.hash(&mut h);
    h.finish()
}

impl Memory {
    pub fn new(entries: impl IntoIterator<Item = Entry>) -> Self {
        let mut memory = Self {
            vocab: HashMap::default(),
            classes: Vec::new(),
            postings: Vec::new(),
            entries: Vec::new(),
            sizes: Vec::new(),
            pairs: HashMap::default(),
            clock: 0,
            lookup_cost: 256,
        };
        for entry in entries {
            memory.insert(entry);
        }
        memory
    }

    /// Number of distinct (source, target) pairs held.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Adds a pair. A blank source (no word, number or mark) or a blank target is not stored.
    pub fn insert(&mut self, entry: Entry) {
        if entry.target.trim().is_empty() {
            return;
        }
        self.clock += 1;
        let key = pair_key(&entry.source, &entry.target);
        if let Some(&at) = self.pairs.get(&key) {
            let held = &mut self.entries[at as usize];
            if *held.source == *entry.source && *held.target == *entry.target {
                held.stamp = self.clock;
                return;
            }
        }
        let Ok(index) = u32::try_from(self.entries.len()) else {
            return;
        };
        let mut ids = Vec::new();
        let mut weight = 0;
        let mut numbers = 0;
        let mut puncts = 0;
        scan(&entry.source, |norm, class, _, _| {
            weight += class.weight();
            numbers += u32::from(class == Class::Number);
            puncts += u32::from(class == Class::Punct);
            ids.push(self.intern(norm, class));
        });
        if ids.is_empty() {
            return;
        }
        // one posting per occurrence, so a search counts "the" twice only where it is twice
        for &id in &ids {
            self.postings[id as usize].push(index);
        }
        self.pairs.entry(key).or_insert(index);
        self.entries.push(Stored {
            source: entry.source.into_boxed_str(),
            target: entry.target.into_boxed_str(),
            tokens: ids.into_boxed_slice(),
            stamp: self.clock,
        });
        self.sizes.push(Size {
            weight,
            numbers: u16::try_from(numbers).unwrap_or(u16::MAX),
            puncts: u16::try_from(puncts).unwrap_or(u16::MAX),
        });
    }

    fn intern(&mut self, norm: &str, class: Class) -> u32 {
        if let Some(&id) = self.vocab.get(norm) {
            return id;
        }
        let id = u32::try_from(self.classes.len()).unwrap_or(u32::MAX);
        self.vocab.insert(norm.into(), id);
        self.classes.push(class);
        self.postings.push(Vec::new());
        id
    }

    /// [`Memory::search_with`] without a unit converter: numbers are still adapted when they
    /// appear in the target as written ("Pack of 6" → "6袋装").
    pub fn search(&self, text: &str, threshold: u8, limit: usize) -> Vec<Match> {
        self.search_with(text, threshold, limit, &|_| None)
    }

    /// The entries whose source scores at least `threshold` (0..=100) against `text`, best
    /// first, at most `limit`. Order: score, then adapted before not, then the entry inserted
    /// last. An entry that shares no token with `text` is never returned. `convert` turns an
    /// English quantity into its Chinese rendering ("5 lb" → "2.27千克"), for
    /// [`Match::adapted`].
    pub fn search_with(
        &self,
        text: &str,
        threshold: u8,
        limit: usize,
        convert: Convert<'_>,
    ) -> Vec<Match> {
        let threshold = u32::from(threshold.min(100));
        let qtokens = tokenize(text);
        if limit == 0 || qtokens.is_empty() || self.entries.is_empty() {
            return Vec::new();
        }
        // a query token not in the vocabulary gets an id no entry has
        let fresh = u32::try_from(self.classes.len()).unwrap_or(u32::MAX);
        let query: Vec<Tok> = qtokens
            .iter()
            .map(|t| Tok {
                id: self.vocab.get(t.norm.as_str()).copied().unwrap_or(fresh),
                class: t.class,
            })
            .collect();
        let wq = weight(&query);
        let nq = count_numbers(&query);

        // (id, count in query, weight) of the query's tokens the memory knows
        let mut known: Vec<(u32, u32, u32)> = query
            .iter()
            .filter(|t| t.id != fresh)
            .map(|t| (t.id, 1, t.class.weight()))
            .collect();
        known.sort_unstable_by_key(|k| k.0);
        known.dedup_by(|next, kept| {
            let same = next.0 == kept.0;
            if same {
                kept.1 += 1;
            }
            same
        });

        let bounded = self.bounded(&known, threshold, wq, nq);

        let qnorm = normalize(text);
        let lcs = Lcs::new(&query);
        let pq = query.iter().filter(|t| t.class == Class::Punct).count() as u32;
        let mut row = Vec::new();
        let mut toks = Vec::new();
        let mut best: BinaryHeap<Reverse<u8>> = BinaryHeap::new();
        let mut scored: Vec<(u8, u32)> = Vec::new();
        for (bound, shared, e) in bounded {
            // the score an entry needs now: the threshold, or a tie with the limit-th best
            let needed = match best.peek() {
                Some(k) if best.len() >= limit => u32::from(k.0).max(threshold),
                _ => threshold,
            };
            if u32::from(bound) < needed {
                break;
            }
            let entry = &self.entries[e as usize];
            self.toks_of(entry, &mut toks);
            let size = self.sizes[e as usize];
            let big = wq.max(size.weight);
            // order matters: what is shared in order (LCS) bounds the score more tightly
            let in_order = 2 * lcs.length(&toks) + pq.min(u32::from(size.puncts));
            let reach = (shared.min(in_order) + nq.min(u32::from(size.numbers))).min(big);
            if 100 * reach < needed * big {
                continue;
            }
            // score >= needed (> 0) holds exactly when d <= big - ceil(needed * big / 100)
            let max = match needed {
                0 => u32::MAX,
                _ => big - (needed * big).div_ceil(100),
            };
            let Some(d) = distance(&query, &toks, max, &mut row) else {
                continue;
            };
            let s = score(
                d,
                wq,
                size.weight,
                d == 0 && normalize(&entry.source) == qnorm,
            );
            if u32::from(s) < needed {
                continue;
            }
            best.push(Reverse(s));
            if best.len() > limit {
                best.pop();
            }
            scored.push((s, e));
        }
        let floor = if best.len() >= limit {
            best.peek().map_or(0, |k| k.0)
        } else {
            0
        };
        scored.retain(|&(s, _)| s >= floor);

        let quantities = QueryQuantities::new(text, &qtokens, convert);
        let mut ranked: Vec<(u8, Option<String>, u32)> = scored
            .into_iter()
            .map(|(s, e)| {
                let entry = &self.entries[e as usize];
                let adapted = (s < 100
                    && !quantities.is_empty()
                    && u32::from(self.sizes[e as usize].numbers) == nq)
                    .then(|| {
                        let stoks = tokenize(&entry.source);
                        adapt(&quantities, &entry.source, &stoks, &entry.target, convert)
                    })
                    .flatten();
                (s, adapted, e)
            })
            .collect();
        ranked.sort_by(|a, b| {
            b.0.cmp(&a.0).then(b.1.is_some().cmp(&a.1.is_some())).then(
                self.entries[b.2 as usize]
                    .stamp
                    .cmp(&self.entries[a.2 as usize].stamp),
            )
        });
        ranked.truncate(limit);

        ranked
            .into_iter()
            .map(|(s, adapted, e)| {
                let entry = &self.entries[e as usize];
                self.toks_of(entry, &mut toks);
                Match {
                    source: entry.source.to_string(),
                    target: entry.target.to_string(),
                    score: s,
                    diff: diff(text, &qtokens, &query, &entry.source, &toks),
                    adapted,
                }
            })
            .collect()
    }

    /// The entries that can still reach the threshold, with the best score each could get and
    /// the weight it shares with the query, best first.
    ///
    /// Entries holding one of the query's rarest tokens (enough of them that an entry holding
    /// none could not reach the threshold) are the candidates; the shared weight is counted by
    /// walking the postings of every query token, counting a token in an entry at most as
    /// often as the query has it.
    fn bounded(
        &self,
        known: &[(u32, u32, u32)],
        threshold: u32,
        wq: u32,
        nq: u32,
    ) -> Vec<(u8, u32, u32)> {
        let need = (threshold * wq).div_ceil(100).saturating_sub(nq).max(1);
        let mut rest: u32 = known.iter().map(|k| k.1 * k.2).sum();
        let mut order: Vec<&(u32, u32, u32)> = known.iter().collect();
        order.sort_by_key(|k| self.postings[k.0 as usize].len());
        let mut split = order.len();
        for (i, k) in order.iter().enumerate() {
            if rest < need {
                split = i;
                break;
            }
            rest -= k.1 * k.2;
        }
        let (prefix, suffix) = order.split_at(split);

        // whether an entry of this size could reach the threshold sharing everything it can
        let fits = |size: Size| {
            let big = wq.max(size.weight);
            let reach = (wq.min(size.weight) + nq.min(u32::from(size.numbers))).min(big);
            100 * reach >= threshold * big
        };
        const TOO_FAR: u32 = u32::MAX;
        let mut shared = vec![0u32; self.entries.len()];
        let mut candidates = Vec::new();
        for &&(id, count, weight) in prefix {
            self.walk(id, count, |e| {
                let s = &mut shared[e as usize];
                if *s == TOO_FAR {
                    return;
                }
                if *s == 0 {
                    if !fits(self.sizes[e as usize]) {
                        *s = TOO_FAR;
                        return;
                    }
                    candidates.push(e);
                }
                *s += weight;
            });
        }
        // the common tokens: walking their postings costs about a nanosecond a posting, looking
        // each candidate's tokens up (a cache miss, then a binary search per token) about 250
        // times that per candidate (measured with benches/search.rs)
        let walk_cost: usize = suffix
            .iter()
            .map(|k| self.postings[k.0 as usize].len())
            .sum();
        if candidates.len().saturating_mul(self.lookup_cost) < walk_cost {
            let mut suffix: Vec<(u32, u32, u32)> = suffix.iter().map(|&&k| k).collect();
            suffix.sort_unstable_by_key(|k| k.0);
            let mut left = vec![0u32; suffix.len()];
            for &e in &candidates {
                for (l, k) in left.iter_mut().zip(&suffix) {
                    *l = k.1;
                }
                for t in &self.entries[e as usize].tokens {
                    if let Ok(p) = suffix.binary_search_by_key(t, |k| k.0)
                        && left[p] > 0
                    {
                        left[p] -= 1;
                        shared[e as usize] += suffix[p].2;
                    }
                }
            }
        } else {
            for &&(id, count, weight) in suffix {
                self.walk(id, count, |e| {
                    let s = &mut shared[e as usize];
                    if *s != 0 && *s != TOO_FAR {
                        *s += weight;
                    }
                });
            }
        }
        let mut out: Vec<(u8, u32, u32)> = Vec::with_capacity(candidates.len());
        for e in candidates {
            let size = self.sizes[e as usize];
            let shared = shared[e as usize];
            let big = wq.max(size.weight);
            let reach = (shared + nq.min(u32::from(size.numbers))).min(big);
            if 100 * reach < threshold * big {
                continue;
            }
            out.push((u8::try_from(100 * reach / big).unwrap_or(100), shared, e));
        }
        out.sort_unstable_by_key(|&(bound, _, e)| (Reverse(bound), e));
        out
    }

    /// Calls `f` with each entry holding token `id`, once per occurrence up to `count`.
    fn walk(&self, id: u32, count: u32, mut f: impl FnMut(u32)) {
        let mut last = u32::MAX;
        let mut run = 0;
        for &e in &self.postings[id as usize] {
            run = if e == last { run + 1 } else { 1 };
            last = e;
            if run <= count {
                f(e);
            }
        }
    }

    fn toks_of(&self, entry: &Stored, out: &mut Vec<Tok>) {
        out.clear();
        out.extend(entry.tokens.iter().map(|&id| Tok {
            id,
            class: self.classes[id as usize],
        }));
    }
}

/// The length of the longest common subsequence of the query's words and numbers with an
/// entry's, bit-parallel (Hyyrö 2004: one machine word per 64 query tokens), punctuation left
/// out. Twice it, plus the punctuation both could share, bounds the weight an edit can keep.
struct Lcs {
    /// Query token id → offset of its position mask in `masks`.
    at: HashMap<u32, usize>,
    masks: Vec<u64>,
    words: usize,
}

impl Lcs {
    fn new(query: &[Tok]) -> Self {
        let kept: Vec<&Tok> = query.iter().filter(|t| t.class != Class::Punct).collect();
        let words = kept.len().div_ceil(64).max(1);
        let mut at: HashMap<u32, usize> = HashMap::default();
        let mut masks = Vec::new();
        for (i, t) in kept.iter().enumerate() {
            let off = *at.entry(t.id).or_insert_with(|| {
                masks.resize(masks.len() + words, 0);
                masks.len() - words
            });
            masks[off + i / 64] |= 1 << (i % 64);
        }
        Self { at, masks, words }
    }

    fn length(&self, entry: &[Tok]) -> u32 {
        // bits past the query's length start set and stay set (no mask has them), so only
        // the query's positions can count as zeros
        let mut v = vec![u64::MAX; self.words];
        for t in entry {
            if t.class == Class::Punct {
                continue;
            }
            let Some(&off) = self.at.get(&t.id) else {
                continue;
            };
            let m = &self.masks[off..off + self.words];
            let mut carry = false;
            for (vw, &mw) in v.iter_mut().zip(m) {
                let u = *vw & mw;
                let (sum, c1) = vw.overflowing_add(u);
                let (sum, c2) = sum.overflowing_add(u64::from(carry));
                carry = c1 || c2;
                *vw = sum | (*vw & !mw);
            }
        }
        v.iter().map(|w| w.count_zeros()).sum()
    }
}

fn count_numbers(toks: &[Tok]) -> u32 {
    toks.iter()
        .map(|t| u32::from(t.class == Class::Number))
        .sum()
}

/// The word-level difference from the entry's source to the query, parts merged by kind.
fn diff(query: &str, qtokens: &[Token], q: &[Tok], source: &str, s: &[Tok]) -> Vec<DiffPart> {
    let stokens = tokenize(source);
    let mut raw: Vec<(DiffKind, String)> = Vec::new();
    let mut deleted: Vec<usize> = Vec::new();
    let mut inserted: Vec<usize> = Vec::new();
    for step in steps(q, s).into_iter().map(Some).chain([None]) {
        if matches!(step, Some(Step::Same(..)) | None) {
            raw.extend(
                deleted
                    .drain(..)
                    .map(|j| (DiffKind::Delete, piece(source, &stokens, j))),
            );
            raw.extend(
                inserted
                    .drain(..)
                    .map(|i| (DiffKind::Insert, piece(query, qtokens, i))),
            );
        }
        match step {
            Some(Step::Same(i, _)) => raw.push((DiffKind::Equal, piece(query, qtokens, i))),
            Some(Step::Sub(i, j)) => {
                deleted.push(j);
                inserted.push(i);
            }
            Some(Step::OnlyA(i)) => inserted.push(i),
            Some(Step::OnlyB(j)) => deleted.push(j),
            None => {}
        }
    }
    let mut parts: Vec<DiffPart> = Vec::new();
    for (kind, text) in raw {
        match parts.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(&text),
            _ => parts.push(DiffPart { kind, text }),
        }
    }
    parts
}

/// Token `i`'s text with the whitespace before it (none before the first token).
fn piece(text: &str, tokens: &[Token], i: usize) -> String {
    let from = match i.checked_sub(1) {
        Some(prev) => tokens[prev].end,
        None => tokens[0].start,
    };
    text[from..tokens[i].end].to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// splitmix64, so the test sees the same entries every run.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            ((z ^ (z >> 31)) % n as u64) as usize
        }
    }

    /// Common words (most of every text) and, in `text`, rare made-up ones.
    const WORDS: &[&str] = &[
        "wild",
        "alaskan",
        "sockeye",
        "salmon",
        "fillets",
        "rainier",
        "cherries",
        "gift",
        "box",
        "dungeness",
        "crab",
        "legs",
        "roasted",
        "almonds",
        "pecan",
        "halves",
        "maple",
        "syrup",
        "grade",
        "a",
        "amber",
        "lb",
        "oz",
        "pack",
        "of",
        "the",
        "fresh",
        "frozen",
        ",",
        "(",
        ")",
        "-",
        "1",
        "2",
        "3",
        "5",
        "12",
        "16",
        "2.5",
        "Organic",
        "ORGANIC",
        "Men’s",
        "１２",
    ];

    fn text(r: &mut Rng, len: usize) -> String {
        (0..len)
            .map(|_| match r.below(4) {
                0 => {
                    format!(
                        "rare{}",
                        ["a", "b", "c", "d", "e", "f", "g", "h"][r.below(8)]
                    ) + ["x", "y", "z", "q", "w"][r.below(5)]
                        + ["k", "l", "m", "n", "p"][r.below(5)]
                }
                _ => WORDS[r.below(WORDS.len())].to_owned(),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Every entry scored, no index: what the index must return.
    fn brute(memory: &Memory, query: &str, threshold: u8) -> Vec<(u8, u32)> {
        let q = tokenize(query);
        let qn = normalize(query);
        let ids: Vec<Tok> = q
            .iter()
            .map(|t| Tok {
                id: memory
                    .vocab
                    .get(t.norm.as_str())
                    .copied()
                    .unwrap_or(u32::MAX),
                class: t.class,
            })
            .collect();
        let mut toks = Vec::new();
        let mut row = Vec::new();
        let mut out = Vec::new();
        for (e, entry) in memory.entries.iter().enumerate() {
            memory.toks_of(entry, &mut toks);
            if !toks.iter().any(|t| ids.iter().any(|q| q.id == t.id)) {
                continue;
            }
            let d = distance(&ids, &toks, u32::MAX, &mut row).unwrap();
            let s = score(
                d,
                weight(&ids),
                memory.sizes[e].weight,
                d == 0 && normalize(&entry.source) == qn,
            );
            if s >= threshold {
                out.push((s, e as u32));
            }
        }
        out
    }

    #[test]
    fn the_index_returns_what_scoring_every_entry_returns() {
        let mut r = Rng(7);
        let entries: Vec<Entry> = (0..2000)
            .map(|i| {
                let len = 1 + r.below(14);
                Entry::new(text(&mut r, len), format!("译文{i}"))
            })
            .collect();
        let mut memory = Memory::new(entries.clone());
        let mut checked = 0;
        for round in 0..210 {
            // both ways of counting the common tokens: walking postings, looking tokens up
            memory.lookup_cost = [256, 0, usize::MAX][round % 3];
            let query = if round % 2 == 0 {
                // an entry with one token changed
                let base = &entries[r.below(entries.len())].source;
                let mut words: Vec<&str> = base.split(' ').collect();
                let i = r.below(words.len());
                words[i] = WORDS[r.below(WORDS.len())];
                words.join(" ")
            } else {
                let len = 1 + r.below(14);
                text(&mut r, len)
            };
            let threshold = [0, 30, 50, 70, 85, 95, 100][round % 7];
            let mut expected = brute(&memory, &query, threshold);
            let found = memory.search(&query, threshold, usize::MAX);
            let mut got: Vec<(u8, u32)> = found
                .iter()
                .map(|m| {
                    let e: u32 = m.target.trim_start_matches("译文").parse().unwrap();
                    (m.score, e)
                })
                .collect();
            assert!(
                found.windows(2).all(|w| w[0].score >= w[1].score),
                "{query:?}"
            );
            expected.sort_unstable();
            got.sort_unstable();
            if got != expected {
                let missing: Vec<_> = expected.iter().filter(|x| !got.contains(x)).collect();
                let extra: Vec<_> = got.iter().filter(|x| !expected.contains(x)).collect();
                panic!("{query:?} at {threshold}: missing {missing:?}, extra {extra:?}");
            }
            checked += got.len();

            // with a limit: the same best scores
            let top: Vec<u8> = memory
                .search(&query, threshold, 5)
                .iter()
                .map(|m| m.score)
                .collect();
            let mut all: Vec<u8> = expected.iter().map(|x| x.0).collect();
            all.sort_unstable_by(|a, b| b.cmp(a));
            all.truncate(5);
            assert_eq!(top, all, "{query:?} at {threshold}, limit 5");
        }
        assert!(checked > 1000, "only {checked} matches compared");
    }
}

#[cfg(test)]
mod lcs_tests {
    use super::*;

    fn naive(a: &[Tok], b: &[Tok]) -> u32 {
        let a: Vec<u32> = a
            .iter()
            .filter(|t| t.class != Class::Punct)
            .map(|t| t.id)
            .collect();
        let b: Vec<u32> = b
            .iter()
            .filter(|t| t.class != Class::Punct)
            .map(|t| t.id)
            .collect();
        let mut m = vec![vec![0u32; b.len() + 1]; a.len() + 1];
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                m[i][j] = if a[i - 1] == b[j - 1] {
                    m[i - 1][j - 1] + 1
                } else {
                    m[i - 1][j].max(m[i][j - 1])
                };
            }
        }
        m[a.len()][b.len()]
    }

    #[test]
    fn bit_parallel_lcs_is_the_lcs() {
        let mut x = 1u64;
        let mut next = |n: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % n
        };
        for round in 0..500 {
            let alphabet = [3, 8, 40][round % 3];
            let la = 1 + next(150) as usize;
            let lb = 1 + next(150) as usize;
            let mut gen_toks = |len: usize| -> Vec<Tok> {
                (0..len)
                    .map(|_| {
                        let id = next(alphabet) as u32;
                        let class = if id == 0 { Class::Punct } else { Class::Word };
                        Tok { id, class }
                    })
                    .collect()
            };
            let a = gen_toks(la);
            let b = gen_toks(lb);
            assert_eq!(Lcs::new(&a).length(&b), naive(&a, &b), "round {round}");
        }
    }
}
