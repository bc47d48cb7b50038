//! Plain text: blocks separated by a blank line; list items one per line.

use crate::article::{Article, Block};
use crate::options::RenderOptions;

/// The body as plain text.
pub fn body(blocks: &[Block]) -> String {
    let mut out = String::new();
    push_body(&mut out, blocks);
    out
}

/// Appends [`body`] to `out`: each block's text is written in place, and the separator before
/// a block with no text is taken back.
fn push_body(out: &mut String, blocks: &[Block]) {
    let start = out.len();
    for block in blocks {
        let before = out.len();
        if before > start {
            out.push_str("\n\n");
        }
        let mark = out.len();
        block.push_text(out);
        if out.len() == mark {
            out.truncate(before);
        }
    }
}

/// The article as plain text, with front matter when `options.metadata` is set.
pub fn render(article: &Article, options: &RenderOptions) -> String {
    let mut out = if options.metadata {
        super::front_matter(article)
    } else {
        String::new()
    };
    push_body(&mut out, &article.blocks);
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

    #[test]
    fn blocks_without_text_leave_no_blank_lines() {
        use crate::article::{ListItem, TableRow};
        let blocks = vec![
            Block::Paragraph {
                spans: vec![Span::plain("  ")],
            },
            Block::Paragraph {
                spans: vec![Span::plain(" One "), Span::plain("two. ")],
            },
            Block::Image {
                src: "https://example.org/a.png".to_string(),
                alt: "A".to_string(),
            },
            Block::Quote {
                paragraphs: vec![vec![Span::plain("Q1")], vec![Span::plain(" Q2")]],
            },
            Block::List {
                ordered: false,
                items: vec![
                    ListItem {
                        depth: 0,
                        spans: vec![Span::plain("a ")],
                    },
                    ListItem {
                        depth: 1,
                        spans: vec![Span::plain("b")],
                    },
                ],
            },
            Block::Table {
                rows: vec![TableRow {
                    header: false,
                    cells: vec!["x".to_string(), "y".to_string()],
                }],
            },
            Block::Caption { spans: vec![] },
        ];
        let joined: Vec<String> = blocks
            .iter()
            .map(Block::text)
            .filter(|t| !t.is_empty())
            .collect();
        assert_eq!(body(&blocks), joined.join("\n\n"));
        assert_eq!(body(&blocks), "One two.\n\nQ1\n\nQ2\n\na\nb\n\nx\ty");
    }
}
