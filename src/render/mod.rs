//! Writers: pure functions from an [`Article`] to text, Markdown, HTML or JSON.
//!
//! Takes `&Article` and [`RenderOptions`]; returns a `String`. They never look at where the
//! article came from and never fail.

pub mod html;
pub mod json;
pub mod markdown;
pub mod text;

use crate::article::Article;
use crate::options::RenderOptions;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Plain text, blocks separated by a blank line.
    #[default]
    Text,
    /// Markdown (GFM tables), front matter with metadata on request.
    Markdown,
    /// Clean semantic HTML of the body.
    Html,
    /// One JSON object with metadata, text and blocks.
    Json,
}

impl Format {
    /// The file extension for this format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Json => "json",
        }
    }
}

/// Renders an article in `format`.
pub fn render(article: &Article, format: Format, options: &RenderOptions) -> String {
    match format {
        Format::Text => text::render(article, options),
        Format::Markdown => markdown::render(article, options),
        Format::Html => html::render(article, options),
        Format::Json => json::render(article),
    }
}

/// The metadata as `key: value` lines (YAML front matter), only the fields that are set.
pub(crate) fn front_matter(article: &Article) -> String {
    let m = &article.metadata;
    let mut out = String::from("---\n");
    let mut field = |key: &str, value: &Option<String>| {
        if let Some(value) = value {
            out.push_str(&format!("{key}: {}\n", yaml_string(value)));
        }
    };
    field("title", &m.title);
    field("url", &m.url);
    field("published", &m.published);
    field("modified", &m.modified);
    field("site_name", &m.site_name);
    field("section", &m.section);
    field(
        "language",
        &m.language.clone().or_else(|| m.language_detected.clone()),
    );
    field("description", &m.description);
    field("canonical_url", &m.canonical_url);
    field("short_url", &m.short_url);
    field("image", &m.image);
    field("credits", &m.credits);
    for (key, list) in [("authors", &m.authors), ("tags", &m.tags)] {
        if !list.is_empty() {
            let items: Vec<String> = list.iter().map(|v| yaml_string(v)).collect();
            out.push_str(&format!("{key}: [{}]\n", items.join(", ")));
        }
    }
    out.push_str("---\n\n");
    out
}

/// A YAML double-quoted scalar.
fn yaml_string(value: &str) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| format!("\"{}\"", value.replace('"', "'")))
}
