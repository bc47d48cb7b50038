//! Fetching pages over HTTP(S), politely and safely, and cleaning them.
//!
//! Takes URLs and [`FetchOptions`]; returns the page's bytes with what the server said about
//! them ([`Fetched`]), or the cleaned [`Article`] ([`Fetcher::fetch_and_extract`],
//! [`blocking::extract_url`]). One [`Fetcher`] holds one HTTP client (rustls; gzip, brotli,
//! deflate and zstd bodies), bounds concurrency, keeps one request at a time per host with a
//! delay between them, retries transient failures with exponential backoff, and optionally reads
//! robots.txt. It must not fetch anything but http and https, must not reach private or loopback
//! addresses unless allowed, must not read a body past its size limit, and must not put
//! credentials into messages (see [`redact`]).
//!
//! A "host" is a scheme, name and port, as robots.txt scopes them.
//!
//! ```no_run
//! let article = gleaner::fetch::blocking::extract_url(
//!     "https://example.com/news/story.html",
//!     &gleaner::Options::default(),
//! )?;
//! println!("{}", article.text());
//! # Ok::<(), gleaner::Error>(())
//! ```

pub mod blocking;
mod guard;
mod host;
mod naming;

pub use guard::{is_public, redact};
pub use naming::{MAX_STEM_BYTES, url_file_stem};

use crate::{Article, Error, InputFormat, Options};
use guard::{GuardedResolver, RedirectRefusal, ResolveRefusal};
use host::{HostState, RobotsRules};
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::time::Instant;
use url::Url;

/// The `User-Agent` sent by default: gleaner, its version, and where to read about it.
pub const DEFAULT_USER_AGENT: &str = concat!(
    "gleaner/",
    env!("CARGO_PKG_VERSION"),
    " (+https://github.com/gleaner-rs/gleaner)"
);

/// Content types that are fetched and cleaned; others are refused before the body is read.
pub const ACCEPTED_TYPES: &[&str] = &["text/html", "application/xhtml+xml", "text/plain"];

/// Settings of the fetcher.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// The `User-Agent` header (default [`DEFAULT_USER_AGENT`]).
    pub user_agent: String,
    /// The longest a whole request may take, from connecting to the last body byte
    /// (default 30 s).
    pub timeout: Duration,
    /// The longest connecting may take (default 10 s).
    pub connect_timeout: Duration,
    /// Redirects followed before giving up (default 10).
    pub max_redirects: usize,
    /// Bodies larger than this many bytes (after decompression) are refused; reading stops as
    /// soon as the limit is passed (default 20 MB, 20,000,000 bytes).
    pub max_size: usize,
    /// Retries after a timeout, a connection error, 429 or 5xx (default 2).
    pub retries: u32,
    /// The wait before the first retry, doubled for each later one; a `Retry-After` header
    /// replaces it (default 1 s).
    pub backoff: Duration,
    /// A retry that would have to wait longer than this (a long `Retry-After`) is not made:
    /// the failure is reported instead (default 60 s).
    pub max_retry_wait: Duration,
    /// The pause between the end of one request to a host and the start of the next
    /// (default 1 s). robots.txt's `Crawl-delay` lengthens it when respected.
    pub delay: Duration,
    /// Requests in flight at once, over all hosts (default 8). Each host gets one at a time.
    pub concurrency: usize,
    /// Read each host's robots.txt (cached per host), skip the URLs it disallows for
    /// `gleaner`, and honour its `Crawl-delay` (default off).
    pub respect_robots: bool,
    /// Allow hosts that are or resolve to private, loopback or link-local addresses
    /// (default off: refused, so that URLs from untrusted lists cannot reach internal services).
    pub allow_private: bool,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            user_agent: DEFAULT_USER_AGENT.to_string(),
            timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            max_redirects: 10,
            max_size: 20_000_000,
            retries: 2,
            backoff: Duration::from_secs(1),
            max_retry_wait: Duration::from_secs(60),
            delay: Duration::from_secs(1),
            concurrency: 8,
            respect_robots: false,
            allow_private: false,
        }
    }
}

/// A fetched page.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// The URL after redirects.
    pub final_url: Url,
    /// The HTTP status (always a success here).
    pub status: u16,
    /// The media type of `Content-Type`, lowercased, without parameters.
    pub content_type: Option<String>,
    /// The `charset` parameter of `Content-Type`, if any.
    pub charset: Option<String>,
    /// The body, decompressed, in the page's own charset.
    pub body: Vec<u8>,
}

/// Why a URL could not be fetched. Messages name no credentials.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// Not a URL.
    #[error("invalid URL {url}: {reason}")]
    InvalidUrl {
        /// The text given.
        url: String,
        /// What is wrong with it.
        reason: String,
    },
    /// Not http or https.
    #[error("unsupported scheme {0}: only http and https URLs are fetched")]
    UnsupportedScheme(String),
    /// The host is or resolves to a private, loopback or link-local address.
    #[error("refused: {} (private addresses are fetched only on request)", private_message(.host, .address))]
    PrivateAddress {
        /// The host as given.
        host: String,
        /// The refused address.
        address: IpAddr,
    },
    /// The host name does not resolve.
    #[error("could not resolve host {host} ({reason})")]
    Unresolved {
        /// The host.
        host: String,
        /// The resolver's reason.
        reason: String,
    },
    /// robots.txt forbids it (or could not be read).
    #[error("{0}")]
    Robots(String),
    /// The server answered with an error status.
    #[error("HTTP {status} {reason}")]
    Status {
        /// The status code.
        status: u16,
        /// Its reason phrase.
        reason: String,
        /// The server's `Retry-After`, if it sent one.
        retry_after: Option<Duration>,
    },
    /// The request took longer than the timeout.
    #[error("timed out after {} s", .0.as_secs_f32())]
    Timeout(Duration),
    /// The connection failed.
    #[error("could not connect: {0}")]
    Connect(String),
    /// A redirect was not followed (too many, a loop, or a refused target).
    #[error("{0}")]
    Redirect(String),
    /// The content type is not a page.
    #[error(
        "unsupported content type {0}: only text/html, application/xhtml+xml and text/plain are cleaned"
    )]
    UnsupportedType(String),
    /// The body passed the size limit; reading stopped there.
    #[error("body larger than the limit of {limit} bytes")]
    TooLarge {
        /// The limit.
        limit: usize,
    },
    /// Any other HTTP or transport failure.
    #[error("{0}")]
    Http(String),
}

impl From<FetchError> for Error {
    fn from(error: FetchError) -> Error {
        Error::Fetch(error.to_string())
    }
}

/// `localhost resolves to the non-public address 127.0.0.1`, or `10.0.0.1 is a non-public
/// address` for literal addresses.
fn private_message(host: &str, address: &IpAddr) -> String {
    let literal = host.trim_matches(['[', ']']);
    if literal.parse::<IpAddr>().ok().as_ref() == Some(address) {
        format!("{host} is a non-public address")
    } else {
        format!("{host} resolves to the non-public address {address}")
    }
}

/// How one request reads its body.
#[derive(Debug, Clone, Copy)]
struct Limits {
    max_size: usize,
    /// Refuse types outside [`ACCEPTED_TYPES`].
    check_type: bool,
    /// Past `max_size`, keep what was read instead of failing (robots.txt).
    truncate: bool,
}

/// The fetcher: one HTTP client, shared by every request, and what it knows about each host.
pub struct Fetcher {
    client: reqwest::Client,
    options: FetchOptions,
    permits: tokio::sync::Semaphore,
    hosts: std::sync::Mutex<HashMap<String, Arc<tokio::sync::Mutex<HostState>>>>,
}

impl Fetcher {
    /// Builds the client.
    pub fn new(options: FetchOptions) -> Result<Fetcher, FetchError> {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert(
            reqwest::header::ACCEPT,
            reqwest::header::HeaderValue::from_static(
                "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8",
            ),
        );
        let client = reqwest::Client::builder()
            .user_agent(options.user_agent.as_str())
            .default_headers(headers)
            .timeout(options.timeout)
            .connect_timeout(options.connect_timeout)
            .redirect(guard::redirect_policy(
                options.max_redirects,
                options.allow_private,
            ))
            .dns_resolver(Arc::new(GuardedResolver {
                allow_private: options.allow_private,
            }))
            .build()
            .map_err(|e| FetchError::Http(format!("cannot build the HTTP client: {e}")))?;
        Ok(Fetcher {
            client,
            permits: tokio::sync::Semaphore::new(options.concurrency.max(1)),
            options,
            hosts: std::sync::Mutex::new(HashMap::new()),
        })
    }

    /// The settings this fetcher runs with.
    pub fn options(&self) -> &FetchOptions {
        &self.options
    }

    /// Fetches one page: waits for its host's turn, checks robots.txt when asked, retries
    /// transient failures, and reads the body up to the size limit.
    pub async fn fetch(&self, url: &str) -> Result<Fetched, FetchError> {
        let url = guard::check_url(url, self.options.allow_private)?;
        let slot = self.host_slot(&url);
        let mut host = slot.lock().await;
        if self.options.respect_robots {
            if host.robots.is_none() {
                host.wait_turn().await;
                let rules = self.read_robots(&url).await;
                // Rules first, then the clock: a Crawl-delay counts from this very request.
                let failure = match rules {
                    Ok(rules) => {
                        host.robots = Some(rules);
                        None
                    }
                    // Refused or unknown host: nothing is cached, the next URL asks again.
                    Err(e) => Some(e),
                };
                host.finished(self.options.delay);
                if let Some(e) = failure {
                    return Err(e);
                }
            }
            if let Some(rules) = &host.robots {
                rules.check(&url).map_err(FetchError::Robots)?;
            }
        }
        let limits = Limits {
            max_size: self.options.max_size,
            check_type: true,
            truncate: false,
        };
        if host.unreachable_in_a_row >= host::MAX_UNREACHABLE_IN_A_ROW {
            return Err(FetchError::Connect(format!(
                "host skipped: its last {} URLs could not reach it",
                host.unreachable_in_a_row
            )));
        }
        let mut retry = 0;
        loop {
            host.wait_turn().await;
            let result = self.attempt(&url, limits).await;
            host.finished(self.options.delay);
            match result {
                Err(e) if retry < self.options.retries && host::is_retryable(&e) => {
                    let wait = host::retry_wait(&e, retry, self.options.backoff);
                    if wait > self.options.max_retry_wait {
                        return Err(e);
                    }
                    host.next = host.next.max(Instant::now() + wait);
                    retry += 1;
                }
                other => {
                    match &other {
                        Err(e) if host::is_unreachable(e) => host.unreachable_in_a_row += 1,
                        _ => host.unreachable_in_a_row = 0,
                    }
                    return other;
                }
            }
        }
    }

    /// Fetches a page and extracts its article (see [`extract_fetched`]). Extraction runs on
    /// the calling task; to keep many fetches flowing, call [`Fetcher::fetch`] and extract on
    /// a blocking thread instead.
    pub async fn fetch_and_extract(&self, url: &str, options: &Options) -> Result<Article, Error> {
        let fetched = self.fetch(url).await?;
        extract_fetched(&fetched, options)
    }

    /// The lock of a URL's host, created on first use.
    fn host_slot(&self, url: &Url) -> Arc<tokio::sync::Mutex<HostState>> {
        let key = format!(
            "{}://{}:{}",
            url.scheme(),
            url.host_str().unwrap_or_default(),
            url.port_or_known_default().unwrap_or_default()
        );
        let mut hosts = self.hosts.lock().unwrap_or_else(|e| e.into_inner());
        hosts.entry(key).or_default().clone()
    }

    /// Reads the host's robots.txt. Fails only when the host itself is refused or unknown.
    async fn read_robots(&self, url: &Url) -> Result<RobotsRules, FetchError> {
        let mut robots = url.clone();
        let _ = robots.set_username("");
        let _ = robots.set_password(None);
        robots.set_path("/robots.txt");
        robots.set_query(None);
        robots.set_fragment(None);
        let limits = Limits {
            max_size: host::MAX_ROBOTS_BYTES,
            check_type: false,
            truncate: true,
        };
        match self.attempt(&robots, limits).await {
            Ok(fetched) => Ok(RobotsRules::parse(&fetched.body)),
            Err(e @ (FetchError::PrivateAddress { .. } | FetchError::Unresolved { .. })) => Err(e),
            Err(e) => Ok(RobotsRules::after_error(&e)),
        }
    }

    /// One request, no retry.
    async fn attempt(&self, url: &Url, limits: Limits) -> Result<Fetched, FetchError> {
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|e| FetchError::Http(e.to_string()))?;
        let mut response = self
            .client
            .get(url.clone())
            .send()
            .await
            .map_err(|e| self.classify(e))?;
        let status = response.status();
        if !status.is_success() {
            let retry_after = response
                .headers()
                .get(reqwest::header::RETRY_AFTER)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| host::parse_retry_after(v, chrono::Utc::now()));
            return Err(FetchError::Status {
                status: status.as_u16(),
                reason: status.canonical_reason().unwrap_or("").to_string(),
                retry_after,
            });
        }
        let (content_type, charset) = response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(split_content_type)
            .unwrap_or_default();
        if limits.check_type
            && let Some(kind) = &content_type
            && !ACCEPTED_TYPES.contains(&kind.as_str())
        {
            return Err(FetchError::UnsupportedType(kind.clone()));
        }
        let limit = limits.max_size;
        if !limits.truncate && response.content_length().is_some_and(|n| n > limit as u64) {
            return Err(FetchError::TooLarge { limit });
        }
        let final_url = response.url().clone();
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|e| self.classify(e))? {
            if body.len() + chunk.len() > limit {
                if !limits.truncate {
                    return Err(FetchError::TooLarge { limit });
                }
                body.extend_from_slice(&chunk[..limit - body.len()]);
                break;
            }
            body.extend_from_slice(&chunk);
        }
        Ok(Fetched {
            final_url,
            status: status.as_u16(),
            content_type,
            charset,
            body,
        })
    }

    /// Turns a client error into a [`FetchError`], finding our own refusals in its chain.
    fn classify(&self, error: reqwest::Error) -> FetchError {
        let mut source: Option<&(dyn std::error::Error + 'static)> = Some(&error);
        while let Some(e) = source {
            if let Some(refusal) = e.downcast_ref::<ResolveRefusal>() {
                return match refusal {
                    ResolveRefusal::Private { host, address } => FetchError::PrivateAddress {
                        host: host.clone(),
                        address: *address,
                    },
                    ResolveRefusal::Unresolved { host, reason } => FetchError::Unresolved {
                        host: host.clone(),
                        reason: reason.clone(),
                    },
                };
            }
            if let Some(refusal) = e.downcast_ref::<RedirectRefusal>() {
                return FetchError::Redirect(refusal.0.clone());
            }
            source = e.source();
        }
        if error.is_timeout() {
            return FetchError::Timeout(self.options.timeout);
        }
        let is_connect = error.is_connect();
        let error = error.without_url();
        let mut parts = vec![error.to_string()];
        let mut source = std::error::Error::source(&error);
        while let Some(e) = source {
            let text = e.to_string();
            if !parts.iter().any(|p| p.contains(&text)) {
                parts.push(text);
            }
            source = e.source();
        }
        if is_connect {
            let deepest = parts.last().cloned().unwrap_or_default();
            FetchError::Connect(deepest)
        } else {
            FetchError::Http(parts.join(": "))
        }
    }
}

/// Splits `text/html; charset=UTF-8` into `("text/html", Some("UTF-8"))`.
fn split_content_type(value: &str) -> (Option<String>, Option<String>) {
    let mut parts = value.split(';');
    let kind = parts
        .next()
        .map(|k| k.trim().to_ascii_lowercase())
        .filter(|k| !k.is_empty());
    let charset = parts.find_map(|p| {
        let (name, value) = p.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']).to_string())
            .filter(|v| !v.is_empty())
    });
    (kind, charset)
}

/// Extracts the article of a fetched page: the final URL (without credentials) becomes
/// `options.input.url`, so it is the article's `url` unless the page names a canonical one;
/// the HTTP charset becomes `options.input.charset` (it outranks `<meta>`, a BOM outranks it);
/// and `text/plain` pages are read as saved text when the input format is `Auto`.
pub fn extract_fetched(fetched: &Fetched, options: &Options) -> Result<Article, Error> {
    let mut options = options.clone();
    options.input.url = Some(redact(&fetched.final_url));
    if fetched.charset.is_some() {
        options.input.charset = fetched.charset.clone();
    }
    if options.input.format == InputFormat::Auto
        && fetched.content_type.as_deref() == Some("text/plain")
    {
        options.input.format = InputFormat::Text;
    }
    crate::extract(&fetched.body, &options)
}

/// Fetches one page with default [`FetchOptions`] and extracts its article.
pub async fn fetch_and_extract(url: &str, options: &Options) -> Result<Article, Error> {
    Fetcher::new(FetchOptions::default())?
        .fetch_and_extract(url, options)
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_type_and_charset() {
        assert_eq!(
            split_content_type("Text/HTML; Charset=\"ISO-8859-1\""),
            (Some("text/html".into()), Some("ISO-8859-1".into()))
        );
        assert_eq!(
            split_content_type("text/plain"),
            (Some("text/plain".into()), None)
        );
        assert_eq!(split_content_type(""), (None, None));
    }

    #[test]
    fn the_user_agent_names_gleaner_and_its_version() {
        assert!(DEFAULT_USER_AGENT.starts_with(&format!("gleaner/{}", env!("CARGO_PKG_VERSION"))));
    }
}
