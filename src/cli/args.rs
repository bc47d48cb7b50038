//! Raw command-line flags, as clap parses them. Doc comments are the `--help` text.

use clap::{Parser, ValueEnum};

/// Strips the boilerplate off web pages and keeps the article.
///
/// INPUT is a saved HTML or text page, a directory (every .html, .htm, .xhtml and .txt file
/// below it, and their .gz forms), an http(s):// URL to fetch, or `-` for standard input.
#[derive(Debug, Parser)]
#[command(name = "gleaner", version, about, max_term_width = 100)]
pub struct Args {
    /// Pages to clean: files, directories, http(s) URLs, or `-` for standard input.
    #[arg(value_name = "INPUT", required_unless_present = "input_file")]
    pub inputs: Vec<String>,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = FormatArg::Text)]
    pub format: FormatArg,

    /// Write to this file (one input) or directory (several inputs: one file per input,
    /// mirroring their relative paths). Standard output by default.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<String>,

    /// The page's original address, for a saved file: resolves relative links, feeds metadata.
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,

    /// Treat inputs as HTML or as saved text instead of deciding by their content.
    #[arg(long, value_enum, default_value_t = InputFormatArg::Auto)]
    pub input_format: InputFormatArg,

    /// Process this many inputs in parallel (default: all cores). `--jobs 1` is strictly
    /// single-threaded.
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,

    /// Keep links in Markdown and HTML output.
    #[arg(long)]
    pub links: bool,

    /// Keep images in Markdown and HTML output.
    #[arg(long)]
    pub images: bool,

    /// Keep picture captions in the body (marked as captions).
    #[arg(long)]
    pub captions: bool,

    /// Put the metadata before the body in text and Markdown output (front matter).
    #[arg(long)]
    pub metadata: bool,

    /// Print every dropped block on stderr, with the rule that dropped it.
    #[arg(long)]
    pub explain: bool,

    /// Print nothing on stderr but errors.
    #[arg(short, long)]
    pub quiet: bool,

    /// Read more inputs from this file, one URL or path per line (blank lines and lines
    /// starting with `#` are skipped); `-` reads the list from standard input.
    #[arg(short = 'i', long, value_name = "FILE", help_heading = "Fetching URLs")]
    pub input_file: Option<String>,

    /// The User-Agent sent with requests [default: gleaner/VERSION (+project URL)].
    #[arg(long, value_name = "TEXT", help_heading = "Fetching URLs")]
    pub user_agent: Option<String>,

    /// Give up on a request after this many seconds (connecting and reading included).
    #[arg(
        long,
        value_name = "SECONDS",
        default_value_t = 30.0,
        help_heading = "Fetching URLs"
    )]
    pub timeout: f64,

    /// Refuse pages larger than this (e.g. `20MB`, `500k`, `1MiB`, or plain bytes); reading
    /// stops at the limit.
    #[arg(
        long,
        value_name = "SIZE",
        default_value = "20MB",
        help_heading = "Fetching URLs"
    )]
    pub max_size: String,

    /// Wait this many seconds between two requests to the same host.
    #[arg(
        long,
        value_name = "SECONDS",
        default_value_t = 1.0,
        help_heading = "Fetching URLs"
    )]
    pub delay: f64,

    /// Read each host's robots.txt, skip what it disallows and honour its Crawl-delay.
    #[arg(long, help_heading = "Fetching URLs")]
    pub respect_robots: bool,

    /// Allow hosts that are or resolve to private, loopback or link-local addresses (refused
    /// by default).
    #[arg(long, help_heading = "Fetching URLs")]
    pub allow_private: bool,

    /// Keep each fetched page in this directory (as fetched, decompressed), to clean it again
    /// offline.
    #[arg(long, value_name = "DIR", help_heading = "Fetching URLs")]
    pub save_html: Option<String>,
}

/// `--format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Plain text, blocks separated by a blank line.
    Text,
    /// Markdown.
    #[value(alias = "md")]
    Markdown,
    /// Clean HTML of the body.
    Html,
    /// One JSON object per input.
    Json,
}

/// `--input-format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormatArg {
    /// Decide by content.
    Auto,
    /// Always HTML.
    Html,
    /// Always saved text.
    Text,
}
