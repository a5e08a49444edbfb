//! What the caller knows about a product that its copy alone does not say.

/// Facts about the product a check may use: for now, the merchant's brand names (the Shopify
/// Vendor, its Chinese name, a registered trademark). An absolute term inside one of them is
/// lowered to a warning (exception `brand`): the market regulator's 2023 guide does not count
/// a registered trademark or product name that contains an absolute term used to name the
/// product. It is still reported, since only the merchant knows whether the mark is
/// registered.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Context {
    /// As given, trimmed; empty names dropped.
    brands: Vec<String>,
    /// The same, full-width ASCII folded and ASCII lower-cased, for matching.
    folded: Vec<String>,
}

impl Context {
    /// A context with no brand names (what [`crate::Checker::check`] uses).
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds brand names, each matched as written (ASCII case-insensitively, full-width forms
    /// folded). Write the Chinese and English names separately ("冠军", "Champion").
    #[must_use]
    pub fn with_brands<I, S>(mut self, brands: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        for b in brands {
            let b = b.as_ref().trim();
            if b.is_empty() || self.brands.iter().any(|x| x == b) {
                continue;
            }
            self.brands.push(b.to_owned());
            self.folded.push(fold(b));
        }
        self
    }

    /// The brand names, as given.
    pub fn brands(&self) -> &[String] {
        &self.brands
    }

    /// Byte spans of every brand name in `lowered` (the matcher text, ASCII lower-cased).
    pub(crate) fn brand_spans(&self, lowered: &str) -> Vec<(usize, usize)> {
        let mut spans = Vec::new();
        for name in &self.folded {
            spans.extend(
                lowered
                    .match_indices(name.as_str())
                    .map(|(at, m)| (at, at + m.len())),
            );
        }
        spans
    }
}

/// The matcher text's folding (see [`crate::Normalized`]) and ASCII lower case: the form brand
/// names are matched in.
fn fold(s: &str) -> String {
    s.chars()
        .map(|c| crate::fold_width(c).to_ascii_lowercase())
        .collect()
}
