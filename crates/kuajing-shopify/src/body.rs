//! Shopify's Body HTML as text blocks: paragraphs, list items and headings, in order, with
//! the markup gone and whitespace collapsed. Drafting and the translation memory work on these
//! blocks (one segment each); [`body_text`] writes them in the plain form the catalog's copy
//! uses: blocks separated by a blank line, a list item starting with `- `.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use serde::Serialize;

/// What a block was in the HTML.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Paragraph,
    ListItem,
    Heading,
}

/// One block of text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
}

/// The blocks of a Body HTML cell. Text outside any block element is a paragraph; `<br>`
/// ends one; `<script>` and `<style>` are dropped; entities are decoded.
pub fn body_blocks(html: &str) -> Vec<Block> {
    let sink = Collector::default();
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let mut state = tokenizer.sink.state.take();
    state.flush();
    state.blocks
}

/// The blocks as plain text: separated by a blank line; list items start with `- `.
pub fn body_text(html: &str) -> String {
    body_blocks(html)
        .into_iter()
        .map(|b| match b.kind {
            BlockKind::ListItem => format!("- {}", b.text),
            _ => b.text,
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[derive(Debug, Default)]
struct Collector {
    state: RefCell<State>,
}

#[derive(Debug, Default)]
struct State {
    blocks: Vec<Block>,
    text: String,
    kind: Option<BlockKind>,
    /// Inside `<script>` or `<style>`: text is not content.
    skipping: usize,
}

impl State {
    fn flush(&mut self) {
        let text = self.text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            self.blocks.push(Block {
                kind: self.kind.unwrap_or(BlockKind::Paragraph),
                text,
            });
        }
        self.text.clear();
    }
}

impl TokenSink for Collector {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut state = self.state.borrow_mut();
        match token {
            Token::CharacterTokens(text) if state.skipping == 0 => state.text.push_str(&text),
            Token::TagToken(tag) => {
                let name = tag.name.as_ref();
                let start = tag.kind == TagKind::StartTag;
                match name {
                    "script" | "style" | "template" => {
                        if start && !tag.self_closing {
                            state.skipping += 1;
                        } else if !start {
                            state.skipping = state.skipping.saturating_sub(1);
                        }
                    }
                    "li" | "dt" | "dd" => {
                        state.flush();
                        state.kind = start.then_some(BlockKind::ListItem);
                    }
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                        state.flush();
                        state.kind = start.then_some(BlockKind::Heading);
                    }
                    "p" | "div" | "br" | "ul" | "ol" | "dl" | "table" | "tr" | "td" | "th"
                    | "blockquote" | "section" | "article" | "header" | "footer" | "hr" | "pre" => {
                        state.flush();
                        if !start || matches!(name, "ul" | "ol" | "dl" | "p" | "div") {
                            // A paragraph inside a list item belongs to it until the item ends.
                            if state.kind != Some(BlockKind::ListItem) || name != "p" {
                                state.kind = None;
                            }
                        }
                    }
                    _ => {
                        // Inline elements: keep words apart where a tag separated them.
                        if matches!(name, "img" | "span" | "a" | "strong" | "em" | "b" | "i") {
                            return TokenSinkResult::Continue;
                        }
                        state.text.push(' ');
                    }
                }
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_lists_and_headings_become_blocks() {
        let html = "<h2>Rainier Cherries</h2><p>Hand-picked in <strong>Washington</strong>&nbsp;&amp; shipped cold.</p>\
                    <ul><li>2 lb box</li><li><p>Sweet &amp; mild</p></li></ul>Loose text<br>after a break\
                    <script>var x = 1;</script><style>p{}</style>";
        let blocks = body_blocks(html);
        let shown: Vec<(BlockKind, &str)> =
            blocks.iter().map(|b| (b.kind, b.text.as_str())).collect();
        assert_eq!(
            shown,
            [
                (BlockKind::Heading, "Rainier Cherries"),
                (
                    BlockKind::Paragraph,
                    "Hand-picked in Washington & shipped cold."
                ),
                (BlockKind::ListItem, "2 lb box"),
                (BlockKind::ListItem, "Sweet & mild"),
                (BlockKind::Paragraph, "Loose text"),
                (BlockKind::Paragraph, "after a break"),
            ]
        );
        assert_eq!(body_text("<p>One</p><ul><li>Two</li></ul>"), "One\n\n- Two");
    }

    #[test]
    fn plain_text_and_broken_markup_still_give_text() {
        assert_eq!(body_text("Just words"), "Just words");
        assert_eq!(body_text("<p>Unclosed <b>bold"), "Unclosed bold");
        assert_eq!(body_text(""), "");
    }
}
