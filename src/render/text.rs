//! Plain text: blocks separated by a blank line; list items one per line.

use crate::article::{Article, Block};
use crate::options::RenderOptions;

/// The body as plain text.
pub fn body(blocks: &[Block]) -> String {
    let parts: Vec<String> = blocks
        .iter()
        .map(Block::text)
        .filter(|t| !t.is_empty())
        .collect();
    parts.join("\n\n")
}

/// The article as plain text, with front matter when `options.metadata` is set.
pub fn render(article: &Article, options: &RenderOptions) -> String {
    let mut out = if options.metadata {
        super::front_matter(article)
    } else {
        String::new()
    };
    out.push_str(&body(&article.blocks));
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Span;

    #[test]
    fn blocks_are_separated_by_blank_lines() {
        let blocks = vec![
            Block::Heading {
                level: 2,
                spans: vec![Span::plain("Sub")],
            },
            Block::Paragraph {
                spans: vec![Span::plain("Text.")],
            },
        ];
        assert_eq!(body(&blocks), "Sub\n\nText.");
    }
}
