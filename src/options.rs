//! Configuration: one [`Options`] value carries every setting of every stage.
//!
//! Plain structs with public fields and documented defaults; no globals, no environment lookups.

/// Every setting of the pipeline, one struct per stage.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Reading bytes and deciding HTML or text.
    pub input: InputOptions,
    /// Finding the article and dropping boilerplate.
    pub clean: CleanOptions,
    /// Reading metadata.
    pub metadata: MetadataOptions,
    /// Writing the article out.
    pub render: RenderOptions,
}

/// How the input is read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum InputFormat {
    /// Decide by content: markup makes it HTML, otherwise text.
    #[default]
    Auto,
    /// Always parse as HTML.
    Html,
    /// Always treat as a page saved as plain text.
    Text,
}

/// Settings for reading bytes.
#[derive(Debug, Clone)]
pub struct InputOptions {
    /// The page's original address: resolves relative links and feeds metadata.
    pub url: Option<String>,
    /// HTML, text, or decide by content (default).
    pub format: InputFormat,
    /// A charset declared outside the page (the HTTP `Content-Type`); outranks `<meta>`.
    pub charset: Option<String>,
    /// Inputs larger than this are refused (default 64 MiB).
    pub max_bytes: usize,
    /// Elements nested deeper than this are flattened before parsing (default 400): the HTML
    /// tree builder is quadratic in depth, and no real article nests that deep.
    pub max_depth: usize,
}

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions {
            url: None,
            format: InputFormat::Auto,
            charset: None,
            max_bytes: 64 << 20,
            max_depth: 400,
        }
    }
}

/// Settings for finding the article and dropping boilerplate.
#[derive(Debug, Clone)]
pub struct CleanOptions {
    /// Record every dropped block and its rule in [`crate::Article::dropped`] (default off; it
    /// costs a little time).
    pub explain: bool,
    /// A paragraph whose linked share of text is above this is navigation (default 0.5).
    pub max_link_density: f32,
    /// The body the first strategy finds is "short" below this many characters, and a second
    /// strategy is tried and compared (default 500).
    pub short_body_chars: usize,
    /// Keep tables in the body (default on).
    pub tables: bool,
    /// Keep picture captions in the body, marked as captions (default off: they go to metadata).
    pub captions: bool,
}

impl Default for CleanOptions {
    fn default() -> Self {
        CleanOptions {
            explain: false,
            max_link_density: 0.5,
            short_body_chars: 500,
            tables: true,
            captions: false,
        }
    }
}

/// Settings for metadata.
#[derive(Debug, Clone)]
pub struct MetadataOptions {
    /// Detect the body's language from its text (default on).
    pub detect_language: bool,
}

impl Default for MetadataOptions {
    fn default() -> Self {
        MetadataOptions {
            detect_language: true,
        }
    }
}

/// Settings for the writers.
#[derive(Debug, Clone, Copy, Default)]
pub struct RenderOptions {
    /// Keep links (Markdown `[text](url)`, HTML `<a href>`).
    pub links: bool,
    /// Keep images (Markdown `![alt](src)`, HTML `<img>`).
    pub images: bool,
    /// Put a metadata block (front matter) before the body in text and Markdown.
    pub metadata: bool,
}
