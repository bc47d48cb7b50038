//! Raw command-line flags, as clap parses them. Doc comments are the `--help` text.

use clap::{Parser, ValueEnum};

/// Strips the boilerplate off web pages and keeps the article.
///
/// INPUT is a saved HTML or text page, a directory (every .html, .htm, .xhtml and .txt file
/// below it, and their .gz forms, and every .warc/.warc.gz archive), a web archive
/// (.warc or .warc.gz), an http(s):// URL to fetch, or `-` for standard input.
#[derive(Debug, Parser)]
#[command(name = "gleaner", version, about, max_term_width = 100)]
pub struct Args {
    /// Pages to clean: files, directories, web archives, http(s) URLs, or `-` for standard
    /// input.
    #[arg(value_name = "INPUT", required_unless_present_any = ["stdin_jsonl", "input_file"])]
    pub inputs: Vec<String>,

    /// Output format (default: text; jsonl for web archives and --stdin-jsonl).
    #[arg(short, long, value_enum)]
    pub format: Option<FormatArg>,

    /// Write to this file (one input, or all of them with --format jsonl) or directory (several
    /// inputs: one file per input, mirroring their relative paths, and a manifest
    /// `gleaner-manifest.jsonl`). Standard output by default.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<String>,

    /// The page's original address, for a saved file: resolves relative links, feeds metadata.
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,

    /// Treat inputs as HTML or as saved text instead of deciding by their content.
    #[arg(long, value_enum, default_value_t = InputFormatArg::Auto)]
    pub input_format: InputFormatArg,

    /// Process this many inputs in parallel (default: all cores). `--jobs 1` extracts one page
    /// at a time.
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

    /// Print nothing on stderr but errors (no progress, no summary).
    #[arg(short, long)]
    pub quiet: bool,

    /// Also take hidden files and directories (names starting with `.`) from directories.
    #[arg(long)]
    pub hidden: bool,

    /// Redo inputs whose output already exists (by default a rerun into the same `-o DIR`
    /// skips them, so an interrupted run resumes where it stopped).
    #[arg(long)]
    pub force: bool,

    /// Skip inputs (files, archive records, fetched bodies) larger than this: `20MB`, `500k`,
    /// `1GiB` or plain bytes.
    #[arg(long, value_name = "SIZE", default_value = "20MB", value_parser = parse_size)]
    pub max_size: u64,

    /// Give up on a page after this many seconds (reported as an error, the batch goes on).
    #[arg(long, value_name = "SECONDS", default_value_t = 30.0)]
    pub time_budget: f64,

    /// How often the plain progress line is printed when stderr is not a terminal.
    #[arg(long, value_name = "SECONDS", default_value_t = 10.0, hide = true)]
    pub progress_every: f64,

    /// Read JSON Lines `{"url": ..., "html": ...}` (or `"text"` instead of `"html"`) from
    /// standard input and write one result line per input line, in order, flushed per line.
    #[arg(long, conflicts_with = "inputs")]
    pub stdin_jsonl: bool,

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
    /// JSON Lines: one compact JSON object per line, per page.
    Jsonl,
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

/// Parses a size: plain bytes, or a number with a unit `k`, `M`, `G` (powers of 1000, also
/// written `kB`, `MB`, `GB`) or `KiB`, `MiB`, `GiB` (powers of 1024). Case does not matter.
pub fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let number: f64 = number
        .parse()
        .map_err(|_| format!("{text:?} is not a size (e.g. 20MB, 500k, 1048576)"))?;
    let factor: f64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1.0,
        "k" | "kb" => 1e3,
        "m" | "mb" => 1e6,
        "g" | "gb" => 1e9,
        "ki" | "kib" => 1024.0,
        "mi" | "mib" => 1024.0 * 1024.0,
        "gi" | "gib" => 1024.0 * 1024.0 * 1024.0,
        other => return Err(format!("unknown size unit {other:?} (use k, MB, GiB...)")),
    };
    Ok((number * factor).round() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_with_units() {
        assert_eq!(parse_size("20MB"), Ok(20_000_000));
        assert_eq!(parse_size("500k"), Ok(500_000));
        assert_eq!(parse_size("1048576"), Ok(1_048_576));
        assert_eq!(parse_size("1MiB"), Ok(1_048_576));
        assert_eq!(parse_size("1.5 kb"), Ok(1500));
        assert!(parse_size("lots").is_err());
        assert!(parse_size("5 parsecs").is_err());
    }
}
