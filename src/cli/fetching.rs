//! URLs on the command line: recognising them, reading `-i` lists, the fetch flags resolved
//! into [`FetchSettings`], and running fetched pages through extract, render and write.
//!
//! Takes the URL sources of a run; fetches them on a tokio runtime with one shared
//! [`gleaner::fetch::Fetcher`] (bounded by `--jobs`, one request at a time per host), extracts
//! each page on a blocking thread, and writes results in input order, like files. A failed URL
//! is named on stderr in one line (URL without credentials, then the status or cause) and the
//! run goes on. Must not print credentials.

use super::sources::{Origin, Source};
use anyhow::{Context, Result, bail};
use std::io::BufRead;
use std::path::PathBuf;
use std::time::Duration;

/// The fetch flags, resolved.
#[derive(Debug, Clone)]
#[cfg_attr(not(feature = "fetch"), allow(dead_code))]
pub struct FetchSettings {
    /// `--user-agent` (the library's default when absent).
    pub user_agent: Option<String>,
    /// `--timeout`.
    pub timeout: Duration,
    /// `--max-size`, in bytes.
    pub max_size: usize,
    /// `--delay`.
    pub delay: Duration,
    /// `--respect-robots`.
    pub respect_robots: bool,
    /// `--allow-private`.
    pub allow_private: bool,
    /// `--save-html`.
    pub save_html: Option<PathBuf>,
}

impl FetchSettings {
    /// Resolves the flags; fails on impossible values (usage errors).
    pub fn from_args(args: &super::args::Args) -> Result<FetchSettings> {
        if !(args.timeout.is_finite() && args.timeout > 0.0) {
            bail!("--timeout must be a positive number of seconds");
        }
        if !(args.delay.is_finite() && args.delay >= 0.0) {
            bail!("--delay must be zero or a positive number of seconds");
        }
        Ok(FetchSettings {
            user_agent: args.user_agent.clone(),
            timeout: Duration::from_secs_f64(args.timeout),
            max_size: usize::try_from(args.max_size).unwrap_or(usize::MAX),
            delay: Duration::from_secs_f64(args.delay),
            respect_robots: args.respect_robots,
            allow_private: args.allow_private,
            save_html: args.save_html.as_ref().map(PathBuf::from),
        })
    }
}

/// Reads an input list (`-i`): one URL or path per line; blank lines and `#` comments are
/// skipped. `-` reads standard input.
pub fn read_input_list(path: &str) -> Result<Vec<String>> {
    let reader: Box<dyn BufRead> = if path == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        let file = std::fs::File::open(path).with_context(|| format!("cannot read {path}"))?;
        Box::new(std::io::BufReader::new(file))
    };
    let mut inputs = Vec::new();
    for line in reader.lines() {
        let line = line.with_context(|| format!("cannot read {path}"))?;
        let line = line.trim();
        if !line.is_empty() && !line.starts_with('#') {
            inputs.push(line.to_string());
        }
    }
    Ok(inputs)
}

/// True when an input names a URL (`scheme://...`) rather than a path.
pub fn looks_like_url(input: &str) -> bool {
    match input.split_once("://") {
        Some((scheme, _)) => {
            scheme.len() > 1
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        None => false,
    }
}

/// The source for a URL input, or why it cannot be one.
pub fn url_source(input: &str) -> Result<Source, String> {
    let url = url::Url::parse(input).map_err(|e| format!("invalid URL: {e}"))?;
    if url.scheme() != "http" && url.scheme() != "https" {
        return Err(format!(
            "unsupported scheme {}: only http and https URLs are fetched",
            url.scheme()
        ));
    }
    Ok(Source {
        kind: super::sources::Kind::Page,
        name: redact(&url),
        relative: PathBuf::from(format!("{}.html", stem(&url))),
        origin: Origin::Url(url),
    })
}

/// The URL as text without user name and password.
fn redact(url: &url::Url) -> String {
    let mut clean = url.clone();
    let _ = clean.set_username("");
    let _ = clean.set_password(None);
    clean.to_string()
}

#[cfg(feature = "fetch")]
fn stem(url: &url::Url) -> String {
    gleaner::fetch::url_file_stem(url)
}

#[cfg(not(feature = "fetch"))]
fn stem(url: &url::Url) -> String {
    url.host_str().unwrap_or("url").to_string()
}

#[cfg(feature = "fetch")]
pub use run::{run, split_urls};

/// The fetching run itself (only with the `fetch` feature).
#[cfg(feature = "fetch")]
mod run {
    use super::super::batch::Summary;
    use super::super::config::{Config, Destination, OutputFormat};
    use super::super::manifest::{Entry, Manifest, Status};
    use super::super::sources::{self, Origin, Source};
    use super::super::write;
    use super::FetchSettings;
    use anyhow::Result;
    use futures_util::StreamExt;
    use gleaner::fetch::{FetchOptions, Fetcher};
    use std::sync::Arc;
    use std::time::Instant;

    /// Futures kept ahead of the one being written, per job: enough for other hosts to go on
    /// while one host waits out its delay.
    const WINDOW_PER_JOB: usize = 8;

    /// The result for one URL.
    struct UrlOutcome {
        rendered: Result<String, String>,
        explain: Vec<gleaner::Dropped>,
        /// A `--save-html` write that failed.
        save_error: Option<String>,
        /// Bytes fetched.
        bytes_in: u64,
        /// Whether the page was read but had no article.
        no_article: bool,
    }

    impl UrlOutcome {
        fn failed(message: String) -> UrlOutcome {
            UrlOutcome {
                rendered: Err(message),
                explain: Vec::new(),
                save_error: None,
                bytes_in: 0,
                no_article: false,
            }
        }
    }

    impl FetchSettings {
        /// The library's fetch options for a run with `jobs` requests in flight.
        pub fn options(&self, jobs: usize) -> FetchOptions {
            let mut options = FetchOptions {
                timeout: self.timeout,
                connect_timeout: self.timeout.min(FetchOptions::default().connect_timeout),
                max_size: self.max_size,
                delay: self.delay,
                concurrency: jobs.max(1),
                respect_robots: self.respect_robots,
                allow_private: self.allow_private,
                ..FetchOptions::default()
            };
            if let Some(agent) = &self.user_agent {
                options.user_agent = agent.clone();
            }
            options
        }
    }

    /// Splits the sources into URLs and the rest (files, standard input).
    pub fn split_urls(sources: Vec<Source>) -> (Vec<Source>, Vec<Source>) {
        sources
            .into_iter()
            .partition(|s| matches!(s.origin, Origin::Url(_)))
    }

    /// Fetches, extracts and writes every URL source. Returns `Ok(false)` when standard output
    /// was closed (the run stops quietly).
    pub fn run(
        config: &Config,
        urls: &[Source],
        summary: &mut Summary,
        first_on_stdout: &mut bool,
        mut manifest: Option<&mut Manifest>,
    ) -> Result<bool> {
        // A rerun into the same directory skips the URLs whose output exists (resume).
        let urls: Vec<&Source> = urls
            .iter()
            .filter(|source| {
                config.force || output_file(config, source).is_none_or(|p| !p.exists())
            })
            .collect();
        if urls.is_empty() {
            return Ok(true);
        }
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .max_blocking_threads(config.jobs.max(1))
            .enable_all()
            .build()?;
        let fetcher = Arc::new(Fetcher::new(config.fetch.options(config.jobs))?);
        runtime.block_on(async {
            let window = (config.jobs * WINDOW_PER_JOB).max(32);
            let mut outcomes = futures_util::stream::iter(urls)
                .map(|source| {
                    let fetcher = fetcher.clone();
                    async move {
                        let started = Instant::now();
                        let outcome = process(config, &fetcher, source).await;
                        (source, outcome, started.elapsed().as_millis() as u64)
                    }
                })
                .buffered(window);
            while let Some((source, outcome, ms)) = outcomes.next().await {
                let entry = |status, error, output, bytes_out| Entry {
                    input: source.name.clone(),
                    status,
                    error,
                    output,
                    bytes_in: outcome.bytes_in,
                    bytes_out,
                    ms: Some(ms),
                    records: None,
                };
                let line = match &outcome.rendered {
                    Ok(text) => entry(
                        Status::Ok,
                        None,
                        output_file(config, source).map(|p| p.display().to_string()),
                        text.len() as u64,
                    ),
                    Err(message) if outcome.no_article => {
                        entry(Status::NoArticle, Some(message.clone()), None, 0)
                    }
                    Err(message) => entry(Status::Error, Some(message.clone()), None, 0),
                };
                if !deliver(config, source, outcome, summary, first_on_stdout)? {
                    return Ok(false);
                }
                if let Some(manifest) = manifest.as_deref_mut() {
                    manifest.append(&line)?;
                }
            }
            Ok(true)
        })
    }

    /// Fetches one URL, then saves, extracts and renders it on a blocking thread.
    async fn process(config: &Config, fetcher: &Fetcher, source: &Source) -> UrlOutcome {
        let Origin::Url(url) = &source.origin else {
            return UrlOutcome::failed("not a URL".into());
        };
        let fetched = match fetcher.fetch(url.as_str()).await {
            Ok(fetched) => fetched,
            Err(e @ gleaner::fetch::FetchError::PrivateAddress { .. }) => {
                return UrlOutcome::failed(format!("{e}; --allow-private fetches it"));
            }
            Err(e) => return UrlOutcome::failed(e.to_string()),
        };
        let options = config.options.clone();
        let format = config.format;
        let bytes_in = fetched.body.len() as u64;
        let saved_path = config
            .fetch
            .save_html
            .as_ref()
            .map(|dir| dir.join(&source.relative));
        let work = tokio::task::spawn_blocking(move || {
            let save_error = saved_path.and_then(|path| {
                write::atomic_write(&path, &fetched.body)
                    .err()
                    .map(|e| format!("{e:#}"))
            });
            let mut no_article = false;
            let (rendered, explain) = match gleaner::fetch::extract_fetched(&fetched, &options) {
                Ok(article) => (
                    Ok(match format {
                        OutputFormat::Document(format) => {
                            gleaner::render(&article, format, &options.render)
                        }
                        OutputFormat::Jsonl => gleaner::render::json::to_json_line(&article) + "\n",
                    }),
                    article.dropped,
                ),
                Err(gleaner::Error::NoArticle { reason, dropped }) => {
                    no_article = true;
                    (Err(format!("no article found ({reason})")), dropped)
                }
                Err(e) => (Err(e.to_string()), Vec::new()),
            };
            UrlOutcome {
                rendered,
                explain,
                save_error,
                bytes_in,
                no_article,
            }
        });
        work.await
            .unwrap_or_else(|e| UrlOutcome::failed(format!("extraction failed: {e}")))
    }

    /// The file a URL's article goes to with `-o DIR`.
    fn output_file(config: &Config, source: &Source) -> Option<std::path::PathBuf> {
        match &config.destination {
            Destination::Directory(dir) => Some(sources::output_path(
                dir,
                &source.relative,
                config.format.extension(),
            )),
            _ => None,
        }
    }

    /// Reports or writes one outcome, in input order.
    fn deliver(
        config: &Config,
        source: &Source,
        outcome: UrlOutcome,
        summary: &mut Summary,
        first_on_stdout: &mut bool,
    ) -> Result<bool> {
        if let Some(problem) = &outcome.save_error {
            eprintln!("gleaner: {}: --save-html: {problem}", source.name);
        }
        if config.explain {
            for dropped in &outcome.explain {
                eprintln!(
                    "gleaner: {}: dropped [{}] {}",
                    source.name, dropped.rule, dropped.text
                );
            }
        }
        let text = match outcome.rendered {
            Ok(text) => text,
            Err(message) => {
                eprintln!("gleaner: {}: {message}", source.name);
                summary.failed += 1;
                return Ok(true);
            }
        };
        let written = match &config.destination {
            Destination::Stdout => {
                let jsonl = config.format == OutputFormat::Jsonl;
                let separator = if *first_on_stdout || jsonl { "" } else { "\n" };
                *first_on_stdout = false;
                if !write::to_stdout(format!("{separator}{text}").as_bytes())? {
                    return Ok(false);
                }
                Ok(())
            }
            Destination::File(path) if config.format == OutputFormat::Jsonl => {
                super::append(path, text.as_bytes())
            }
            Destination::File(path) => write::atomic_write(path, text.as_bytes()),
            Destination::Directory(_) => match output_file(config, source) {
                Some(path) => write::atomic_write(&path, text.as_bytes()),
                None => Ok(()),
            },
        };
        match written {
            Ok(()) => summary.done += 1,
            Err(e) => {
                eprintln!("gleaner: {}: {e:#}", source.name);
                summary.failed += 1;
            }
        }
        Ok(true)
    }
}

/// Appends JSON Lines to a file shared by every input (`--format jsonl -o FILE`).
#[cfg(feature = "fetch")]
fn append(path: &std::path::Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    file.write_all(bytes)
        .with_context(|| format!("cannot write {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_told_from_paths() {
        assert!(looks_like_url("https://example.com/a"));
        assert!(looks_like_url("ftp://example.com/a"));
        assert!(!looks_like_url("pages/a.html"));
        assert!(!looks_like_url("C:\\pages\\a.html"));
        assert!(url_source("ftp://example.com/a").is_err());
        let source = url_source("https://user:pw@example.com/a").expect("source");
        assert_eq!(source.name, "https://example.com/a");
    }
}
