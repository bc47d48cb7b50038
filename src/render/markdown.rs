//! Markdown: headings, lists, quotes, fenced code, GFM tables and emphasis; links and images on
//! request; YAML front matter with `metadata`.

use crate::article::{Article, Block, Span, TableRow};
use crate::options::RenderOptions;

/// The article as Markdown.
pub fn render(article: &Article, options: &RenderOptions) -> String {
    let mut out = if options.metadata {
        super::front_matter(article)
    } else {
        String::new()
    };
    let parts: Vec<String> = article
        .blocks
        .iter()
        .filter_map(|b| block(b, options))
        .collect();
    out.push_str(&parts.join("\n\n"));
    out.push('\n');
    out
}

fn block(block: &Block, options: &RenderOptions) -> Option<String> {
    let text = match block {
        Block::Heading { level, spans } => {
            format!("{} {}", "#".repeat(*level as usize), inline(spans, options))
        }
        Block::Paragraph { spans } => escape_line_start(&inline(spans, options)),
        Block::Caption { spans } => format!("*{}*", inline(spans, options)),
        Block::List { ordered, items } => {
            let mut counters = [0usize; 10];
            let lines: Vec<String> = items
                .iter()
                .map(|item| {
                    let depth = (item.depth as usize).min(9);
                    counters[depth] += 1;
                    counters[depth + 1..].iter_mut().for_each(|c| *c = 0);
                    let marker = if *ordered {
                        format!("{}.", counters[depth])
                    } else {
                        "-".to_string()
                    };
                    format!(
                        "{}{marker} {}",
                        "  ".repeat(depth),
                        inline(&item.spans, options)
                    )
                })
                .collect();
            lines.join("\n")
        }
        Block::Quote { paragraphs } => paragraphs
            .iter()
            .map(|p| {
                inline(p, options)
                    .lines()
                    .map(|l| format!("> {l}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .collect::<Vec<_>>()
            .join("\n>\n"),
        Block::Code { text, language } => {
            let fence = if text.contains("```") { "~~~~" } else { "```" };
            format!(
                "{fence}{}\n{text}\n{fence}",
                language.as_deref().unwrap_or("")
            )
        }
        Block::Table { rows } => table(rows),
        Block::Image { src, alt } => {
            if !options.images {
                return None;
            }
            format!("![{}]({})", escape(alt), src)
        }
    };
    Some(text)
}

fn table(rows: &[TableRow]) -> String {
    let columns = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let cell = |c: &str| c.replace('|', "\\|").replace('\n', " ");
    let line = |row: &TableRow| {
        let mut cells: Vec<String> = row.cells.iter().map(|c| cell(c)).collect();
        cells.resize(columns, String::new());
        format!("| {} |", cells.join(" | "))
    };
    let (head, body) = match rows.first() {
        Some(first) if first.header => (line(first), &rows[1..]),
        _ => (format!("| {} |", vec![""; columns].join(" | ")), rows),
    };
    let mut out = vec![head, format!("|{}", " --- |".repeat(columns))];
    out.extend(body.iter().map(line));
    out.join("\n")
}

/// Inline spans with emphasis, strong, code, and (on request) links and images.
fn inline(spans: &[Span], options: &RenderOptions) -> String {
    let mut out = String::new();
    for span in spans {
        if span.line_break {
            out.push_str("  \n");
            continue;
        }
        if let Some(src) = &span.image {
            if options.images {
                out.push_str(&format!("![{}]({src})", escape(&span.text)));
            }
            continue;
        }
        let text = span.text.as_str();
        let (lead, core, trail) = split_spaces(text);
        let mut piece = if span.style.code {
            format!("`{}`", core.replace('`', "'"))
        } else {
            escape(core)
        };
        if span.style.strong && !core.is_empty() {
            piece = format!("**{piece}**");
        }
        if span.style.emphasis && !core.is_empty() {
            piece = format!("*{piece}*");
        }
        if let (true, Some(link)) = (options.links, &span.link) {
            piece = format!(
                "[{piece}]({})",
                link.replace(' ', "%20").replace(')', "%29")
            );
        }
        out.push_str(lead);
        out.push_str(&piece);
        out.push_str(trail);
    }
    out
}

fn split_spaces(text: &str) -> (&str, &str, &str) {
    let core = text.trim();
    let start = text.len() - text.trim_start().len();
    (&text[..start], core, &text[start + core.len()..])
}

/// Escapes characters that Markdown would read as formatting.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A paragraph that starts like a heading, list or quote gets its first character escaped.
fn escape_line_start(text: &str) -> String {
    let starts_block = text.starts_with(['#', '>', '-', '+', '=', '|'])
        || text
            .split_once(". ")
            .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    if starts_block {
        format!("\\{text}")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{ListItem, Style};

    fn md(blocks: Vec<Block>, options: RenderOptions) -> String {
        render(
            &Article {
                blocks,
                ..Article::default()
            },
            &options,
        )
    }

    #[test]
    fn headings_emphasis_and_links() {
        let mut strong = Span::plain("bold");
        strong.style = Style {
            strong: true,
            ..Style::default()
        };
        let mut link = Span::plain("here");
        link.link = Some("https://x.test/a".into());
        let blocks = vec![
            Block::Heading {
                level: 2,
                spans: vec![Span::plain("Sub")],
            },
            Block::Paragraph {
                spans: vec![Span::plain("A "), strong, Span::plain(" and "), link],
            },
        ];
        assert_eq!(
            md(blocks.clone(), RenderOptions::default()),
            "## Sub\n\nA **bold** and here\n"
        );
        let with_links = RenderOptions {
            links: true,
            ..RenderOptions::default()
        };
        assert!(md(blocks, with_links).contains("[here](https://x.test/a)"));
    }

    #[test]
    fn lists_tables_and_code() {
        let item = |d, t: &str| ListItem {
            depth: d,
            spans: vec![Span::plain(t)],
        };
        let blocks = vec![
            Block::List {
                ordered: true,
                items: vec![item(0, "a"), item(1, "b"), item(0, "c")],
            },
            Block::Table {
                rows: vec![
                    TableRow {
                        header: true,
                        cells: vec!["K".into(), "V".into()],
                    },
                    TableRow {
                        header: false,
                        cells: vec!["a|b".into(), "1".into()],
                    },
                ],
            },
            Block::Code {
                text: "x = 1".into(),
                language: Some("py".into()),
            },
        ];
        let out = md(blocks, RenderOptions::default());
        assert!(out.contains("1. a\n  1. b\n2. c"), "{out}");
        assert!(
            out.contains("| K | V |\n| --- | --- |\n| a\\|b | 1 |"),
            "{out}"
        );
        assert!(out.contains("```py\nx = 1\n```"));
    }

    #[test]
    fn special_characters_are_escaped() {
        let blocks = vec![Block::Paragraph {
            spans: vec![Span::plain("# not a *heading*")],
        }];
        assert_eq!(
            md(blocks, RenderOptions::default()),
            "\\# not a \\*heading\\*\n"
        );
    }
}
