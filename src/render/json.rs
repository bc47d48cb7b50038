//! JSON: one object with every metadata field, the body as `text`, and the `blocks`.
//!
//! The schema is documented in the README; keys are stable (scripts depend on them).

use crate::article::{Article, Block, Metadata, SourceKind};
use serde::Serialize;

#[derive(Serialize)]
struct Document<'a> {
    #[serde(flatten)]
    metadata: &'a Metadata,
    source: SourceKind,
    text: String,
    blocks: &'a [Block],
}

/// The article as one line of JSON (no trailing newline).
pub fn to_json_line(article: &Article) -> String {
    let document = Document {
        metadata: &article.metadata,
        source: article.source,
        text: article.text(),
        blocks: &article.blocks,
    };
    serde_json::to_string(&document).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

/// The article as pretty-printed JSON with a trailing newline.
pub fn render(article: &Article) -> String {
    let document = Document {
        metadata: &article.metadata,
        source: article.source,
        text: article.text(),
        blocks: &article.blocks,
    };
    let mut out = serde_json::to_string_pretty(&document)
        .unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Span;

    #[test]
    fn has_the_documented_keys() {
        let article = Article {
            blocks: vec![Block::Paragraph {
                spans: vec![Span::plain("Hi.")],
            }],
            metadata: Metadata {
                title: Some("T".into()),
                ..Metadata::default()
            },
            ..Article::default()
        };
        let value: serde_json::Value = serde_json::from_str(&render(&article)).expect("json");
        for key in [
            "title",
            "url",
            "text",
            "blocks",
            "authors",
            "published",
            "language",
            "page_type",
        ] {
            assert!(value.get(key).is_some(), "missing {key}");
        }
        assert_eq!(value["text"], "Hi.");
        assert_eq!(value["blocks"][0]["type"], "paragraph");
    }
}
