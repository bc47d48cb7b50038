//! The library's one error type.
//!
//! Takes nothing; every fallible library call returns `Result<_, Error>`. Errors name what went
//! wrong with the input in one line (the CLI adds the file name or URL in front).

use thiserror::Error;

/// Why gleaner could not give an article for one input.
#[derive(Debug, Error)]
pub enum Error {
    /// The input had no bytes, or only white space.
    #[error("empty input")]
    Empty,
    /// The input looks like binary data (images, archives, executables), not a page.
    #[error("not a web page: the input looks like binary data ({0})")]
    Binary(&'static str),
    /// The input is larger than [`crate::InputOptions::max_bytes`].
    #[error("input too large: {size} bytes, the limit is {limit}")]
    TooLarge {
        /// Bytes in the input.
        size: usize,
        /// The configured limit.
        limit: usize,
    },
    /// The page was read, but nothing on it looks like an article.
    #[error("no article found ({reason})")]
    NoArticle {
        /// Why: e.g. "all text was boilerplate" or "the page is a listing".
        reason: String,
        /// What was dropped, and by which rule (shown with `--explain`).
        dropped: Vec<crate::article::Dropped>,
    },
    /// A URL could not be fetched (only with the `fetch` feature).
    #[error("{0}")]
    Fetch(String),
}
