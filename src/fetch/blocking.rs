//! Blocking convenience over the async fetcher, for programs without an async runtime.
//!
//! Takes a URL and options; returns the article. Builds a small single-threaded tokio runtime
//! per call, so it must not be called from inside an async runtime (tokio panics there): async
//! code uses [`super::Fetcher`] directly.

use super::{FetchOptions, Fetcher};
use crate::{Article, Error, Options};

/// Fetches a page with default [`FetchOptions`] and extracts its article.
pub fn extract_url(url: &str, options: &Options) -> Result<Article, Error> {
    extract_url_with(url, options, &FetchOptions::default())
}

/// Fetches a page with the given fetch settings and extracts its article.
pub fn extract_url_with(
    url: &str,
    options: &Options,
    fetch_options: &FetchOptions,
) -> Result<Article, Error> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::Fetch(format!("cannot start the async runtime: {e}")))?;
    let fetcher = Fetcher::new(fetch_options.clone())?;
    runtime.block_on(fetcher.fetch_and_extract(url, options))
}
