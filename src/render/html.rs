//! Clean semantic HTML of the body: `<article>` with headings, paragraphs, lists, quotes, code,
//! tables and figures; no classes, styles or scripts.

use crate::article::{Article, Block, Span};
use crate::options::RenderOptions;

/// The article as an HTML fragment (a whole document when `metadata` is set).
pub fn render(article: &Article, options: &RenderOptions) -> String {
    let mut out = String::new();
    if options.metadata {
        out.push_str("<!DOCTYPE html>\n<html");
        if let Some(lang) = article
            .metadata
            .language
            .as_ref()
            .or(article.metadata.language_detected.as_ref())
        {
            out.push_str(&format!(" lang=\"{}\"", escape(lang)));
        }
        out.push_str("><head><meta charset=\"utf-8\">");
        if let Some(title) = &article.metadata.title {
            out.push_str(&format!("<title>{}</title>", escape(title)));
        }
        out.push_str("</head><body>\n");
    }
    out.push_str("<article>\n");
    for block in &article.blocks {
        out.push_str(&render_block(block, options));
        out.push('\n');
    }
    out.push_str("</article>\n");
    if options.metadata {
        out.push_str("</body></html>\n");
    }
    out
}

fn render_block(block: &Block, options: &RenderOptions) -> String {
    match block {
        Block::Heading { level, spans } => {
            format!("<h{level}>{}</h{level}>", inline(spans, options))
        }
        Block::Paragraph { spans } => format!("<p>{}</p>", inline(spans, options)),
        Block::Caption { spans } => format!(
            "<figure><figcaption>{}</figcaption></figure>",
            inline(spans, options)
        ),
        Block::List { ordered, items } => {
            let tag = if *ordered { "ol" } else { "ul" };
            let mut out = format!("<{tag}>");
            let mut depth = 0u8;
            for item in items {
                while depth < item.depth {
                    out.push_str(&format!("<{tag}>"));
                    depth += 1;
                }
                while depth > item.depth {
                    out.push_str(&format!("</{tag}>"));
                    depth -= 1;
                }
                out.push_str(&format!("<li>{}</li>", inline(&item.spans, options)));
            }
            for _ in 0..depth {
                out.push_str(&format!("</{tag}>"));
            }
            out.push_str(&format!("</{tag}>"));
            out
        }
        Block::Quote { paragraphs } => {
            let inner: String = paragraphs
                .iter()
                .map(|p| format!("<p>{}</p>", inline(p, options)))
                .collect();
            format!("<blockquote>{inner}</blockquote>")
        }
        Block::Code { text, language } => match language {
            Some(lang) => format!(
                "<pre><code class=\"language-{}\">{}</code></pre>",
                escape(lang),
                escape(text)
            ),
            None => format!("<pre><code>{}</code></pre>", escape(text)),
        },
        Block::Table { rows } => {
            let mut out = String::from("<table>");
            for row in rows {
                let cell = if row.header { "th" } else { "td" };
                out.push_str("<tr>");
                for c in &row.cells {
                    out.push_str(&format!("<{cell}>{}</{cell}>", escape(c)));
                }
                out.push_str("</tr>");
            }
            out.push_str("</table>");
            out
        }
        Block::Image { src, alt } if options.images => {
            format!(
                "<figure><img src=\"{}\" alt=\"{}\"></figure>",
                escape(src),
                escape(alt)
            )
        }
        Block::Image { .. } => String::new(),
    }
}

fn inline(spans: &[Span], options: &RenderOptions) -> String {
    let mut out = String::new();
    for span in spans {
        if span.line_break {
            out.push_str("<br>");
            continue;
        }
        if let Some(src) = &span.image {
            if options.images {
                out.push_str(&format!(
                    "<img src=\"{}\" alt=\"{}\">",
                    escape(src),
                    escape(&span.text)
                ));
            }
            continue;
        }
        let mut piece = escape(&span.text);
        if span.style.code {
            piece = format!("<code>{piece}</code>");
        }
        if span.style.strong {
            piece = format!("<strong>{piece}</strong>");
        }
        if span.style.emphasis {
            piece = format!("<em>{piece}</em>");
        }
        if let (true, Some(link)) = (options.links, &span.link) {
            piece = format!("<a href=\"{}\">{piece}</a>", escape(link));
        }
        out.push_str(&piece);
    }
    out
}

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::ListItem;

    #[test]
    fn escapes_and_nests() {
        let blocks = vec![
            Block::Paragraph {
                spans: vec![Span::plain("a < b & c")],
            },
            Block::List {
                ordered: false,
                items: vec![
                    ListItem {
                        depth: 0,
                        spans: vec![Span::plain("x")],
                    },
                    ListItem {
                        depth: 1,
                        spans: vec![Span::plain("y")],
                    },
                ],
            },
        ];
        let out = render(
            &Article {
                blocks,
                ..Article::default()
            },
            &RenderOptions::default(),
        );
        assert!(out.contains("<p>a &lt; b &amp; c</p>"));
        assert!(out.contains("<ul><li>x</li><ul><li>y</li></ul></ul>"));
    }
}
