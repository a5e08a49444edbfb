//! Where every line of a label goes, in pixels at 300 dpi (`docs/labels.md`).

use crate::breaking::{self, Piece};
use crate::font::{self, EM_ASCENT, LabelFont};
use crate::{Error, Label};

/// Dots per inch the label is laid out and drawn at.
pub const DPI: u32 = 300;
/// The label's width: 100 mm at 300 dpi.
pub const WIDTH: u32 = 1181;
/// The tallest label drawn: 1 m at 300 dpi (a longer one is an error, not a huge image).
pub const MAX_HEIGHT: u32 = 11_811;

/// White round the border (2 mm).
pub(crate) const MARGIN: f32 = 24.0;
/// The border's thickness (0.25 mm).
pub(crate) const BORDER: f32 = 3.0;
/// White inside the border (3 mm).
const PADDING: f32 = 36.0;
/// Em sizes: the title 14 pt, items 11 pt, the notice 9 pt (1 pt = 300/72 px).
const TITLE_EM: f32 = 58.0;
const BODY_EM: f32 = 46.0;
const NOTICE_EM: f32 = 38.0;
/// Line pitch, in ems.
const LEADING: f32 = 1.4;
/// A heading wider than this share of the line puts its value on the lines below it.
const MAX_INDENT: f32 = 0.5;
/// Where a value goes under a too-wide heading, in ems from the left.
const UNDER_INDENT: f32 = 2.0;

/// A label's lines and rules, measured with the label font.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// The image's size in pixels.
    pub width: u32,
    pub height: u32,
    /// The text's left and right limits: no span ends right of `right`.
    pub left: f32,
    pub right: f32,
    pub lines: Vec<Line>,
    /// The y of each horizontal rule (under the title, above the notice), 2 px thick.
    pub rules: Vec<f32>,
}

/// One line of text.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub role: Role,
    /// False for the first line of the title, an item or the notice; true for the lines it
    /// wraps onto.
    pub continued: bool,
    /// Pixels per em.
    pub em: f32,
    /// The baseline's y.
    pub baseline: f32,
    pub spans: Vec<Span>,
}

/// What a line belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Title,
    /// The item at this index of [`Label::items`].
    Item(usize),
    Notice,
}

/// A run of text at a place on a line.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub text: String,
    /// The left edge of the first character.
    pub x: f32,
    /// The sum of the characters' advances.
    pub width: f32,
    /// The label's missing marker (drawn boxed).
    pub missing: bool,
}

impl Line {
    /// The right edge of the line's last span.
    pub fn right(&self) -> f32 {
        self.spans
            .iter()
            .map(|s| s.x + s.width)
            .fold(f32::MIN, f32::max)
    }

    /// The line's text, spans joined.
    pub fn text(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }
}

/// Lays out `label` with the embedded font.
pub fn layout(label: &Label) -> Result<Layout, Error> {
    Ok(layout_with(font::get()?, label))
}

/// Lines are stacked from the top; `y` is the top of the next line.
struct Builder<'a> {
    font: &'a LabelFont,
    left: f32,
    right: f32,
    y: f32,
    lines: Vec<Line>,
    rules: Vec<f32>,
}

impl Builder<'_> {
    fn wrap(&self, text: &str, em: f32, width: f32) -> Vec<Piece> {
        breaking::wrap(text, width, |c| self.font.advance(c, em))
    }

    fn measure(&self, text: &str, em: f32) -> f32 {
        text.chars().map(|c| self.font.advance(c, em)).sum()
    }

    fn push(&mut self, role: Role, continued: bool, em: f32, spans: Vec<Span>) {
        let pitch = em * LEADING;
        // The ideographic em box centred in the line's pitch.
        let baseline = self.y + (pitch - em) / 2.0 + em * EM_ASCENT;
        self.lines.push(Line {
            role,
            continued,
            em,
            baseline,
            spans,
        });
        self.y += pitch;
    }

    fn rule(&mut self, gap: f32) {
        self.y += gap;
        self.rules.push(self.y.round());
        self.y += gap;
    }
}

fn span(piece: Piece, x: f32, missing: bool) -> Span {
    Span {
        text: piece.text,
        x,
        width: piece.width,
        missing,
    }
}

pub(crate) fn layout_with(font: &LabelFont, label: &Label) -> Layout {
    let left = MARGIN + BORDER + PADDING;
    let right = WIDTH as f32 - left;
    let full = right - left;
    let mut b = Builder {
        font,
        left,
        right,
        y: left,
        lines: Vec::new(),
        rules: Vec::new(),
    };

    let title = crate::clean(&label.title);
    if !title.is_empty() {
        for (i, piece) in b.wrap(&title, TITLE_EM, full).into_iter().enumerate() {
            let x = left + (full - piece.width).max(0.0) / 2.0;
            b.push(Role::Title, i > 0, TITLE_EM, vec![span(piece, x, false)]);
        }
        b.rule(BODY_EM * 0.3);
    }

    let missing = crate::clean(&label.missing);
    for (index, item) in label.items.iter().enumerate() {
        let role = Role::Item(index);
        let heading = crate::heading(&item.heading);
        let (text, is_missing) = match crate::value(item) {
            Some(v) => (v, false),
            None => (missing.clone(), true),
        };
        let indent = b.measure(&heading, BODY_EM);
        if indent <= full * MAX_INDENT {
            let values = b.wrap(&text, BODY_EM, full - indent);
            for (i, piece) in values.into_iter().enumerate() {
                let mut spans = Vec::with_capacity(2);
                if i == 0 {
                    spans.push(Span {
                        text: heading.clone(),
                        x: left,
                        width: indent,
                        missing: false,
                    });
                }
                spans.push(span(piece, left + indent, is_missing));
                b.push(role, i > 0, BODY_EM, spans);
            }
        } else {
            // A heading this wide gets lines of its own; the value goes under it.
            for (i, piece) in b.wrap(&heading, BODY_EM, full).into_iter().enumerate() {
                b.push(role, i > 0, BODY_EM, vec![span(piece, left, false)]);
            }
            let under = BODY_EM * UNDER_INDENT;
            for piece in b.wrap(&text, BODY_EM, full - under) {
                b.push(
                    role,
                    true,
                    BODY_EM,
                    vec![span(piece, left + under, is_missing)],
                );
            }
        }
    }

    if let Some(notice) = crate::notice(label) {
        b.rule(BODY_EM * 0.3);
        for (i, piece) in b.wrap(&notice, NOTICE_EM, full).into_iter().enumerate() {
            b.push(
                Role::Notice,
                i > 0,
                NOTICE_EM,
                vec![span(piece, left, false)],
            );
        }
    }

    let height = (b.y + PADDING + BORDER + MARGIN).ceil() as u32;
    Layout {
        width: WIDTH,
        height,
        left: b.left,
        right: b.right,
        lines: b.lines,
        rules: b.rules,
    }
}
