//! The labelled set of titles (`tests/fixtures/copy-checks/titles.tsv`): parsing and scoring,
//! shared by the precision/recall test and the lint benchmark. The file's header defines the
//! format and the labelling rules.

#![allow(dead_code, reason = "the test and the benchmark each use part of it")]

use std::collections::BTreeMap;

use kuajing_copy::{Check, Finding, Severity};

/// The set, built into the test and the benchmark.
pub const TSV: &str = include_str!("../../../../tests/fixtures/copy-checks/titles.tsv");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Must produce the expected findings (at least one).
    Hit,
    /// Looks like a hit, must produce no error; may expect warnings.
    Lookalike,
}

#[derive(Debug, Clone)]
pub struct Expected {
    pub code: String,
    pub severity: Option<Severity>,
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct Row {
    pub id: String,
    pub category: String,
    pub kind: Kind,
    pub brands: Vec<String>,
    pub title: String,
    pub expect: Vec<Expected>,
}

/// `\u{XXXX}` to the character.
pub fn unescape(s: &str) -> Result<String, String> {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find("\\u{") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 3..];
        let close = after
            .find('}')
            .ok_or_else(|| format!("unclosed escape in {s:?}"))?;
        let cp = u32::from_str_radix(&after[..close], 16)
            .map_err(|e| format!("bad escape in {s:?}: {e}"))?;
        out.push(char::from_u32(cp).ok_or_else(|| format!("not a character: {cp:X}"))?);
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

fn severity(s: &str) -> Result<Severity, String> {
    match s {
        "error" => Ok(Severity::Error),
        "warning" => Ok(Severity::Warning),
        _ => Err(format!("unknown severity {s:?}")),
    }
}

fn expected(s: &str) -> Result<Expected, String> {
    let (head, text) = s
        .split_once('=')
        .ok_or_else(|| format!("expected code[/severity]=text, got {s:?}"))?;
    let (code, sev) = match head.split_once('/') {
        Some((c, sev)) => (c, Some(severity(sev)?)),
        None => (head, None),
    };
    let text = unescape(text)?;
    if code.is_empty() || text.is_empty() {
        return Err(format!("empty code or text in {s:?}"));
    }
    Ok(Expected {
        code: code.to_owned(),
        severity: sev,
        text,
    })
}

pub fn parse(tsv: &str) -> Result<Vec<Row>, String> {
    let mut rows = Vec::new();
    for (n, line) in tsv.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let [id, category, kind, brands, title, expect] = cols[..] else {
            return Err(format!("line {}: {} columns, not 6", n + 1, cols.len()));
        };
        let kind = match kind {
            "hit" => Kind::Hit,
            "lookalike" => Kind::Lookalike,
            _ => return Err(format!("line {}: unknown kind {kind:?}", n + 1)),
        };
        let brands = match brands {
            "-" => Vec::new(),
            b => b.split('|').map(str::to_owned).collect(),
        };
        let expect = match expect {
            "-" => Vec::new(),
            e => e
                .split(" ; ")
                .map(expected)
                .collect::<Result<_, _>>()
                .map_err(|e| format!("line {}: {e}", n + 1))?,
        };
        rows.push(Row {
            id: id.to_owned(),
            category: category.to_owned(),
            kind,
            brands,
            title: unescape(title).map_err(|e| format!("line {}: {e}", n + 1))?,
            expect,
        });
    }
    Ok(rows)
}

/// The set, parsed.
pub fn rows() -> Vec<Row> {
    match parse(TSV) {
        Ok(rows) => rows,
        Err(e) => panic!("titles.tsv: {e}"),
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Score {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Score {
    pub fn add(&mut self, other: Score) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }

    /// TP / (TP + FP); 1 when nothing was reported.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// TP / (TP + FN); 1 when nothing was expected.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// The characters a finding covers.
pub fn covered(text: &str, f: &Finding) -> String {
    text.chars().skip(f.start).take(f.end - f.start).collect()
}

/// One mismatch between the labels and the checker.
#[derive(Debug, Clone)]
pub struct Miss {
    /// "FP" (reported, not expected) or "FN" (expected, not reported).
    pub what: &'static str,
    pub code: String,
    pub severity: Option<Severity>,
    pub text: String,
}

/// Scores one row's check against its labels: per finding code, and the mismatches.
pub fn score(row: &Row, check: &Check) -> (BTreeMap<String, Score>, Vec<Miss>) {
    let mut by_code: BTreeMap<String, Score> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut open: Vec<Option<&Expected>> = row.expect.iter().map(Some).collect();
    for f in &check.findings {
        let text = covered(&row.title, f);
        let hit = open.iter_mut().find(|e| {
            e.is_some_and(|e| {
                e.code == f.code && e.text == text && e.severity.is_none_or(|s| s == f.severity)
            })
        });
        let entry = by_code.entry(f.code.clone()).or_default();
        match hit {
            Some(slot) => {
                *slot = None;
                entry.tp += 1;
            }
            None => {
                entry.fp += 1;
                misses.push(Miss {
                    what: "FP",
                    code: f.code.clone(),
                    severity: Some(f.severity),
                    text,
                });
            }
        }
    }
    for e in open.into_iter().flatten() {
        by_code.entry(e.code.clone()).or_default().fn_ += 1;
        misses.push(Miss {
            what: "FN",
            code: e.code.clone(),
            severity: e.severity,
            text: e.text.clone(),
        });
    }
    (by_code, misses)
}
