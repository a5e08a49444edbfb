//! The score: a weighted word-level Levenshtein ratio, in whole numbers.
//!
//! Weights are in half-words: a word or number weighs 2, a punctuation mark 1. Deleting or
//! inserting a token costs its weight; substituting one token for another costs the larger of
//! the two weights, except a number for a number, which costs 1 (half a word), so an entry that
//! differs only in a quantity ranks above one that differs in a word.
//!
//! `score = floor(100 * (D - d) / D)`, with `d` the cheapest edit and `D` the larger of the two
//! total weights (0 if `d > D`). A score of 100 needs `d = 0` and the same normal form; `d = 0`
//! with a different normal form ("12oz" against "12 oz") scores 99.

use crate::tokens::Class;

/// A token as the distance sees it: equal ids are equal tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    pub id: u32,
    pub class: Class,
}

fn sub_cost(a: Tok, b: Tok) -> u32 {
    if a.id == b.id {
        0
    } else if a.class == Class::Number && b.class == Class::Number {
        1
    } else {
        a.class.weight().max(b.class.weight())
    }
}

pub(crate) fn weight(toks: &[Tok]) -> u32 {
    toks.iter().map(|t| t.class.weight()).sum()
}

/// The cheapest edit from `a` to `b`, two rows of memory; `None` as soon as it must exceed
/// `max` (every cell of a row above it).
pub(crate) fn distance(a: &[Tok], b: &[Tok], max: u32, row: &mut Vec<u32>) -> Option<u32> {
    row.clear();
    let mut acc = 0;
    row.push(0);
    for t in b {
        acc += t.class.weight();
        row.push(acc);
    }
    for &ta in a {
        let wa = ta.class.weight();
        let mut diag = row[0];
        row[0] += wa;
        let mut low = row[0];
        for (j, &tb) in b.iter().enumerate() {
            let up = row[j + 1];
            let best = (diag + sub_cost(ta, tb))
                .min(up + wa)
                .min(row[j] + tb.class.weight());
            diag = up;
            row[j + 1] = best;
            low = low.min(best);
        }
        if low > max {
            return None;
        }
    }
    Some(row[b.len()]).filter(|&d| d <= max)
}

/// The score for distance `d` between texts of weights `wa` and `wb` whose normal forms are
/// equal or not.
pub(crate) fn score(d: u32, wa: u32, wb: u32, same_normal_form: bool) -> u8 {
    if d == 0 {
        return if same_normal_form { 100 } else { 99 };
    }
    let big = wa.max(wb);
    if big == 0 || d >= big {
        return 0;
    }
    // d >= 1 keeps this below 100
    u8::try_from(u64::from(big - d) * 100 / u64::from(big)).unwrap_or(99)
}

/// One step of the cheapest edit from `a` (the query) to `b` (the entry's source).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    /// `a[i]` equals `b[j]`.
    Same(usize, usize),
    /// `a[i]` in place of `b[j]`.
    Sub(usize, usize),
    /// `a[i]` has no counterpart in `b`.
    OnlyA(usize),
    /// `b[j]` has no counterpart in `a`.
    OnlyB(usize),
}

/// The cheapest edit as steps in text order (full matrix: used only for the matches returned).
pub(crate) fn steps(a: &[Tok], b: &[Tok]) -> Vec<Step> {
    let w = b.len() + 1;
    let mut m = vec![0u32; (a.len() + 1) * w];
    for j in 1..w {
        m[j] = m[j - 1] + b[j - 1].class.weight();
    }
    for i in 1..=a.len() {
        m[i * w] = m[(i - 1) * w] + a[i - 1].class.weight();
        for j in 1..w {
            m[i * w + j] = (m[(i - 1) * w + j - 1] + sub_cost(a[i - 1], b[j - 1]))
                .min(m[(i - 1) * w + j] + a[i - 1].class.weight())
                .min(m[i * w + j - 1] + b[j - 1].class.weight());
        }
    }
    let (mut i, mut j) = (a.len(), b.len());
    let mut out = Vec::with_capacity(a.len().max(b.len()));
    while i > 0 || j > 0 {
        let here = m[i * w + j];
        if i > 0 && j > 0 && here == m[(i - 1) * w + j - 1] + sub_cost(a[i - 1], b[j - 1]) {
            out.push(if a[i - 1].id == b[j - 1].id {
                Step::Same(i - 1, j - 1)
            } else {
                Step::Sub(i - 1, j - 1)
            });
            i -= 1;
            j -= 1;
        } else if i > 0 && here == m[(i - 1) * w + j] + a[i - 1].class.weight() {
            out.push(Step::OnlyA(i - 1));
            i -= 1;
        } else {
            out.push(Step::OnlyB(j - 1));
            j -= 1;
        }
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use Class::*;

    fn toks(spec: &[(u32, Class)]) -> Vec<Tok> {
        spec.iter().map(|&(id, class)| Tok { id, class }).collect()
    }

    #[test]
    fn number_substitution_is_half_a_word() {
        let a = toks(&[(1, Word), (2, Number), (3, Word)]);
        let num = toks(&[(1, Word), (4, Number), (3, Word)]);
        let word = toks(&[(1, Word), (2, Number), (5, Word)]);
        let mut row = Vec::new();
        assert_eq!(distance(&a, &num, u32::MAX, &mut row), Some(1));
        assert_eq!(distance(&a, &word, u32::MAX, &mut row), Some(2));
        assert_eq!(distance(&a, &word, 1, &mut row), None);
        assert_eq!(score(1, 6, 6, false), 83);
        assert_eq!(score(2, 6, 6, false), 66);
    }

    #[test]
    fn distance_and_steps_agree() {
        let a = toks(&[(1, Word), (9, Punct), (2, Word), (3, Number)]);
        let b = toks(&[(1, Word), (2, Word), (4, Word), (5, Number)]);
        let mut row = Vec::new();
        let d = distance(&a, &b, u32::MAX, &mut row).unwrap();
        let s = steps(&a, &b);
        let cost: u32 = s
            .iter()
            .map(|st| match *st {
                Step::Same(..) => 0,
                Step::Sub(i, j) => sub_cost(a[i], b[j]),
                Step::OnlyA(i) => a[i].class.weight(),
                Step::OnlyB(j) => b[j].class.weight(),
            })
            .sum();
        assert_eq!(d, cost);
        assert_eq!(d, 1 + 2 + 1);
    }

    #[test]
    fn only_the_same_normal_form_scores_100() {
        assert_eq!(score(0, 10, 10, true), 100);
        assert_eq!(score(0, 10, 10, false), 99);
        assert_eq!(score(1, 400, 400, false), 99);
        assert_eq!(score(10, 4, 4, false), 0);
    }
}
