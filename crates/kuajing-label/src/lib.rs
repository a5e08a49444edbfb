//! The Chinese electronic label (中文电子标签) of one product: as plain text, and as a
//! printable PNG drawn with the Noto Sans SC subset shipped in `assets/fonts/` (embedded, so a
//! label looks the same on every machine).
//!
//! This crate owns:
//! - the text form ([`text`]): the title, one `heading：value` line per item, the risk notice
//!   after a blank line;
//! - the layout ([`layout`]): a label 100 mm wide at 300 dpi whose height grows with its
//!   content; values wrap under themselves (hanging indent), Chinese at any character, Latin
//!   words and numbers whole unless longer than the line, with the line-start and line-end
//!   prohibitions of Chinese typesetting (no line starts with `，。、；：？！）」』》`, none ends
//!   with `（「『《`). `docs/labels.md` describes it;
//! - drawing it ([`png`]): greyscale coverage, black on white, a thin border, a missing value
//!   drawn as the caller's marker in a box, characters the font lacks drawn as its .notdef box
//!   and listed in [`Png::unknown_chars`]. The same label gives the same bytes.
//!
//! Every item's heading is always there, and a value is never made up: a missing or blank
//! value shows [`Label::missing`]. Which items a label has, in which order, and where their
//! values come from is the caller's business (kuajing-core); this crate must not know
//! products, marketplaces, the catalog or files.
//!
//! Speed: the font is parsed once per process (0.1 ms) and glyph bitmaps are kept (a bounded
//! cache, `glyphs.rs`); a food label with its notice then takes about a millisecond to lay
//! out, draw and encode in a release build, most of it PNG encoding (`docs/labels.md`).

mod breaking;
mod font;
mod glyphs;
mod layout;
mod render;

use std::collections::BTreeMap;

pub use layout::{Layout, Line, Role, Span, layout};

/// What a label says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Label {
    /// The first line, drawn larger and centred (e.g. `中文标签`); blank for none.
    pub title: String,
    /// The items, in order; every heading is shown even when its value is missing.
    pub items: Vec<Item>,
    /// What a missing value shows (e.g. `【缺失】`); in the PNG it is boxed so it stands out
    /// when printed.
    pub missing: String,
    /// The consumer risk notice, after the items in a smaller size; `None` or blank for none.
    pub notice: Option<String>,
}

/// One line of a label: `heading：value`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Item {
    /// What the value is (e.g. `品名`); a trailing `：` or `:` is dropped, since the label
    /// adds its own.
    pub heading: String,
    /// `None` or blank means missing: the label shows [`Label::missing`] instead.
    pub value: Option<String>,
}

/// A label drawn as a PNG.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Png {
    /// The PNG file: 8-bit greyscale, with a `pHYs` chunk saying 300 dpi, nothing else.
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
    /// Characters the font has no glyph for (drawn as its .notdef box), sorted, each once.
    pub unknown_chars: Vec<char>,
}

/// Why a label could not be drawn.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// The embedded font could not be read (a broken build, not bad input).
    #[error("the label font could not be read: {0}")]
    Font(String),
    /// The label would be taller than the limit (1 m at 300 dpi).
    #[error("the label would be {height} px tall, more than the {max} px allowed")]
    TooTall { height: u32, max: u32 },
    /// The PNG encoder failed.
    #[error("the label could not be encoded as PNG: {0}")]
    Encode(String),
}

impl Error {
    /// The Fluent id is `error-<code>`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Font(_) => "label-font",
            Self::TooTall { .. } => "label-too-tall",
            Self::Encode(_) => "label-encode",
        }
    }

    /// The values the translated message needs.
    pub fn args(&self) -> BTreeMap<String, String> {
        let mut args = BTreeMap::new();
        match self {
            Self::Font(detail) | Self::Encode(detail) => {
                args.insert("detail".to_owned(), detail.clone());
            }
            Self::TooTall { height, max } => {
                args.insert("height_mm".to_owned(), px_to_mm(*height).to_string());
                args.insert("max_mm".to_owned(), px_to_mm(*max).to_string());
            }
        }
        args
    }
}

fn px_to_mm(px: u32) -> u32 {
    // 300 dpi: 25.4 mm per 300 px.
    ((f64::from(px) * 25.4 / f64::from(layout::DPI)).round()) as u32
}

/// The label as plain text: the title line (if any), then one `heading：value` line per item
/// (a missing value shows `label.missing`), then a blank line and the notice (if any). Every
/// line ends with `\n`. Runs of whitespace and line breaks inside a value become one space.
pub fn text(label: &Label) -> String {
    let mut out = String::new();
    let title = clean(&label.title);
    if !title.is_empty() {
        out.push_str(&title);
        out.push('\n');
    }
    for item in &label.items {
        out.push_str(&heading(&item.heading));
        match value(item) {
            Some(v) => out.push_str(&v),
            None => out.push_str(&clean(&label.missing)),
        }
        out.push('\n');
    }
    if let Some(notice) = notice(label) {
        out.push('\n');
        out.push_str(&notice);
        out.push('\n');
    }
    out
}

/// Bump when the drawing changes (layout, font, encoding), so labels kept by a caller's cache
/// are drawn again.
pub const DRAWING_VERSION: u32 = 1;

/// A text that differs whenever [`png`] would draw `label` differently: everything the label
/// says plus [`DRAWING_VERSION`]. The same label drawn by the same drawing gives the same
/// bytes, so a caller may keep PNGs under (a hash of) this key.
pub fn cache_key(label: &Label) -> String {
    format!("kuajing-label v{DRAWING_VERSION} {label:?}")
}

/// The label drawn as a PNG 100 mm wide at 300 dpi (1181 px), as tall as its content needs.
pub fn png(label: &Label) -> Result<Png, Error> {
    let font = font::get()?;
    let layout = layout::layout_with(font, label);
    render::png(font, &layout)
}

/// Whitespace (and control characters) collapsed to single spaces, ends trimmed.
pub(crate) fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() || c.is_control() {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// `heading：`, without doubling a colon the heading already ends with.
pub(crate) fn heading(raw: &str) -> String {
    let mut h = clean(raw);
    while h.ends_with(['：', ':']) {
        h.pop();
        h = h.trim_end().to_owned();
    }
    h.push('：');
    h
}

/// The item's value, or `None` when it is missing or blank.
pub(crate) fn value(item: &Item) -> Option<String> {
    item.value.as_deref().map(clean).filter(|v| !v.is_empty())
}

pub(crate) fn notice(label: &Label) -> Option<String> {
    label.notice.as_deref().map(clean).filter(|n| !n.is_empty())
}
