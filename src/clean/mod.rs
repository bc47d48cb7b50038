//! Cleaning: from a parsed page (or saved text) to the article's body blocks.
//!
//! `html` finds the content root and emits blocks through `score`, `emit` and `rules`; `text`
//! does the same for pages saved as plain text. Both return blocks plus what was dropped and
//! why; neither reads metadata sources or writes output.

pub mod emit;
pub mod hints;
pub mod html;
pub mod rules;
pub mod score;
pub mod signals;
pub mod spans;
pub mod text;

use crate::article::{Block, Dropped};

/// The body found by a cleaning path.
#[derive(Debug, Default, Clone)]
pub struct Extraction {
    /// Kept blocks, in reading order.
    pub blocks: Vec<Block>,
    /// Dropped blocks and their rules.
    pub dropped: Vec<Dropped>,
}
