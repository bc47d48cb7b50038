//! What extraction produces: an [`Article`] made of [`Metadata`] and ordered [`Block`]s.
//!
//! Both the HTML path and the saved-text path end here, and the renderers read only this; nothing
//! here knows where an article came from beyond [`SourceKind`].

use serde::Serialize;

/// One extracted article: its metadata and its body as ordered blocks.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Article {
    /// Title, authors, dates and the other fields read from the page.
    pub metadata: Metadata,
    /// The body, in reading order. Title and byline are not part of it.
    pub blocks: Vec<Block>,
    /// Whether the article came from HTML or from saved text.
    pub source: SourceKind,
    /// Every block that was dropped, with the rule that dropped it (for `--explain`).
    #[serde(skip)]
    pub dropped: Vec<Dropped>,
}

impl Article {
    /// The body as plain text: blocks separated by a blank line.
    pub fn text(&self) -> String {
        crate::render::text::body(&self.blocks)
    }
}

/// The kind of input an article was extracted from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// An HTML page.
    #[default]
    Html,
    /// A page saved as plain text.
    Text,
}

/// A block removed from the body, and the name of the rule that removed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dropped {
    /// The rule's name, e.g. `boilerplate-class` or `skip-link`.
    pub rule: &'static str,
    /// The start of the dropped text (at most about 100 characters).
    pub text: String,
}

impl Dropped {
    /// Records `text` (shortened) as dropped by `rule`.
    pub fn new(rule: &'static str, text: &str) -> Dropped {
        let squeezed = squeeze(text);
        let text = match squeezed.char_indices().nth(100) {
            Some((cut, _)) => format!("{}…", &squeezed[..cut]),
            None => squeezed,
        };
        Dropped { rule, text }
    }
}

/// Collapses every run of white space to one space and trims.
pub fn squeeze(text: &str) -> String {
    crate::spaces::squeeze(text)
}

/// Inline formatting of a [`Span`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Style {
    /// `<em>`, `<i>`.
    pub emphasis: bool,
    /// `<strong>`, `<b>`.
    pub strong: bool,
    /// `<code>`, `<kbd>`, `<samp>`.
    pub code: bool,
}

impl Style {
    /// True when no formatting is set.
    pub fn is_plain(&self) -> bool {
        !(self.emphasis || self.strong || self.code)
    }
}

/// A run of inline text with one style and at most one link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    /// The text, white space already collapsed.
    pub text: String,
    /// Emphasis, strong, code.
    #[serde(skip_serializing_if = "Style::is_plain")]
    pub style: Style,
    /// The absolute link target when the span is inside `<a href>`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// For an inline image: its source URL (the text holds the alt text).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// A hard line break (`<br>`); its text is empty.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub line_break: bool,
}

impl Span {
    /// A plain span of text.
    pub fn plain(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            style: Style::default(),
            link: None,
            image: None,
            line_break: false,
        }
    }
}

/// Joins spans into plain text (images and their alt text left out, line breaks as `\n`).
pub fn spans_text(spans: &[Span]) -> String {
    let mut out = String::new();
    push_spans_text(&mut out, spans);
    out
}

/// Appends [`spans_text`] of `spans` to `out`, trimmed the same way, without building it apart.
fn push_spans_text(out: &mut String, spans: &[Span]) {
    let start = out.len();
    for span in spans {
        if span.line_break {
            out.push('\n');
        } else if span.image.is_none() {
            out.push_str(&span.text);
        }
    }
    let end = start + out[start..].trim_end().len();
    out.truncate(end);
    let lead = end - start - out[start..].trim_start().len();
    if lead > 0 {
        out.drain(start..start + lead);
    }
}

/// One list item; `depth` is 0 for the outer list, 1 for a list nested in it, and so on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ListItem {
    /// Nesting depth.
    pub depth: u8,
    /// The item's text.
    pub spans: Vec<Span>,
}

/// One table row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableRow {
    /// True for a header row (`<th>` cells or `<thead>`).
    pub header: bool,
    /// The cells' text.
    pub cells: Vec<String>,
}

/// A block of the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// A subheading, level 1 to 6.
    Heading {
        /// 1 to 6.
        level: u8,
        /// The heading's text.
        spans: Vec<Span>,
    },
    /// A paragraph.
    Paragraph {
        /// The paragraph's text.
        spans: Vec<Span>,
    },
    /// A bulleted or numbered list.
    List {
        /// Numbered (`<ol>`) or not.
        ordered: bool,
        /// The items, nested lists flattened with a depth.
        items: Vec<ListItem>,
    },
    /// A block quote: one or more paragraphs.
    Quote {
        /// The quote's paragraphs.
        paragraphs: Vec<Vec<Span>>,
    },
    /// Preformatted text or code, white space kept.
    Code {
        /// The code, as written.
        text: String,
        /// The language when the page names it (`class="language-rust"`).
        #[serde(skip_serializing_if = "Option::is_none")]
        language: Option<String>,
    },
    /// A table.
    Table {
        /// The rows, header rows first as on the page.
        rows: Vec<TableRow>,
    },
    /// A picture's caption (`<figcaption>`), kept in the body and marked as such.
    Caption {
        /// The caption's text.
        spans: Vec<Span>,
    },
    /// A picture (rendered only when images are asked for).
    Image {
        /// Absolute source URL.
        src: String,
        /// Alternative text.
        alt: String,
    },
}

impl Block {
    /// The block's plain text, as the `text` format writes it.
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.push_text(&mut out);
        out
    }

    /// Appends [`Block::text`] to `out`, without building it apart.
    pub fn push_text(&self, out: &mut String) {
        match self {
            Block::Heading { spans, .. }
            | Block::Paragraph { spans }
            | Block::Caption { spans } => push_spans_text(out, spans),
            Block::List { items, .. } => {
                for (k, item) in items.iter().enumerate() {
                    if k > 0 {
                        out.push('\n');
                    }
                    push_spans_text(out, &item.spans);
                }
            }
            Block::Quote { paragraphs } => {
                for (k, p) in paragraphs.iter().enumerate() {
                    if k > 0 {
                        out.push_str("\n\n");
                    }
                    push_spans_text(out, p);
                }
            }
            Block::Code { text, .. } => out.push_str(text),
            Block::Table { rows } => {
                for (k, row) in rows.iter().enumerate() {
                    if k > 0 {
                        out.push('\n');
                    }
                    for (c, cell) in row.cells.iter().enumerate() {
                        if c > 0 {
                            out.push('\t');
                        }
                        out.push_str(cell);
                    }
                }
            }
            Block::Image { .. } => {}
        }
    }

    /// The block type's name, as in JSON (`paragraph`, `heading`, ...).
    pub fn kind(&self) -> &'static str {
        match self {
            Block::Heading { .. } => "heading",
            Block::Paragraph { .. } => "paragraph",
            Block::List { .. } => "list",
            Block::Quote { .. } => "quote",
            Block::Code { .. } => "code",
            Block::Table { .. } => "table",
            Block::Caption { .. } => "caption",
            Block::Image { .. } => "image",
        }
    }
}

/// A picture's caption and credit, as metadata.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Caption {
    /// The caption, without the credit.
    pub text: String,
    /// The credit ("Bild: picture-alliance/dpa", "Photo: Jane Doe/Getty Images"), if any.
    pub credit: Option<String>,
    /// The picture's absolute URL, if known.
    pub image: Option<String>,
}

/// What kind of page this is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PageType {
    /// A single article, post or story.
    #[default]
    Article,
    /// A list of teasers or links (a front page, a section, search results).
    Listing,
    /// Anything else.
    Other,
}

/// The article's metadata. Missing values are `None` or empty, never invented.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Metadata {
    /// The page's address: the final or given URL.
    pub url: Option<String>,
    /// The clean headline.
    pub title: Option<String>,
    /// Author names.
    pub authors: Vec<String>,
    /// Publication date, ISO 8601 (with time and offset when the page gives them).
    pub published: Option<String>,
    /// Last modification date, ISO 8601.
    pub modified: Option<String>,
    /// Where `published` came from: `json-ld`, `meta`, `microdata`, `time-element`, `url`, `text`.
    pub date_source: Option<String>,
    /// The site's name.
    pub site_name: Option<String>,
    /// Section or kicker ("Politik", "Technology").
    pub section: Option<String>,
    /// Keywords and tags.
    pub tags: Vec<String>,
    /// Declared language (`<html lang>`, `Content-Language`, `og:locale`), as a BCP 47 tag.
    pub language: Option<String>,
    /// Language detected from the body text (ISO 639-1 where it has one).
    pub language_detected: Option<String>,
    /// Summary or lead.
    pub description: Option<String>,
    /// `<link rel=canonical>` or `og:url`.
    pub canonical_url: Option<String>,
    /// `<link rel=shortlink>` or a short link printed on the page.
    pub short_url: Option<String>,
    /// Lead image, absolute URL.
    pub image: Option<String>,
    /// The content's licence, when declared.
    pub license: Option<String>,
    /// Article, listing or other.
    pub page_type: PageType,
    /// Every picture's caption and credit.
    pub captions: Vec<Caption>,
    /// A closing credit or agency line, such as "hk/uh (dpa, afp, rtr, ap)".
    pub credits: Option<String>,
}
