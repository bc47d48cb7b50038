//! Per-host politeness: one request at a time, a delay between requests, robots.txt rules and
//! their `Crawl-delay`, and how long to wait before a retry.
//!
//! Takes responses and errors of the client; returns waits and permissions. Holds no client and
//! does no I/O itself (the fetcher fetches robots.txt and hands the bytes here).

use super::FetchError;
use std::time::Duration;
use tokio::time::Instant;

/// The product token matched against `User-agent` lines of robots.txt.
pub const ROBOTS_AGENT: &str = "gleaner";

/// robots.txt files are read up to this size (RFC 9309 asks for at least 500 KiB).
pub const MAX_ROBOTS_BYTES: usize = 512 * 1024;

/// A `Crawl-delay` longer than this is capped: a robots.txt must not stall a run for hours.
pub const MAX_CRAWL_DELAY: Duration = Duration::from_secs(60);

/// What a host's robots.txt lets us do.
#[derive(Debug)]
pub enum RobotsRules {
    /// No robots.txt (4xx), or one that could not be parsed: everything is allowed.
    AllowAll,
    /// robots.txt was unreachable (5xx, timeout): RFC 9309 says to assume everything is
    /// disallowed. The text says why.
    DisallowAll(String),
    /// The parsed rules for our agent.
    Rules(Box<texting_robots::Robot>),
}

impl RobotsRules {
    /// Reads a robots.txt body.
    pub fn parse(body: &[u8]) -> RobotsRules {
        match texting_robots::Robot::new(ROBOTS_AGENT, body) {
            Ok(robot) => RobotsRules::Rules(Box::new(robot)),
            Err(_) => RobotsRules::AllowAll,
        }
    }

    /// The rules after a failed robots.txt request.
    pub fn after_error(error: &FetchError) -> RobotsRules {
        match error {
            FetchError::Status { status, .. } if (400..500).contains(status) => {
                RobotsRules::AllowAll
            }
            other => RobotsRules::DisallowAll(format!("robots.txt unreachable: {other}")),
        }
    }

    /// `Ok` when the URL may be fetched; otherwise why not.
    pub fn check(&self, url: &url::Url) -> Result<(), String> {
        match self {
            RobotsRules::AllowAll => Ok(()),
            RobotsRules::DisallowAll(why) => Err(why.clone()),
            RobotsRules::Rules(robot) if robot.allowed(url.as_str()) => Ok(()),
            RobotsRules::Rules(_) => Err("disallowed by robots.txt".into()),
        }
    }

    /// The `Crawl-delay`, capped at [`MAX_CRAWL_DELAY`].
    pub fn crawl_delay(&self) -> Option<Duration> {
        match self {
            RobotsRules::Rules(robot) => robot
                .delay
                .filter(|d| d.is_finite() && *d > 0.0)
                .map(|d| Duration::from_secs_f32(d).min(MAX_CRAWL_DELAY)),
            _ => None,
        }
    }
}

/// What is known about one host (scheme, name and port). Kept behind an async mutex: holding
/// the lock is the right to send a request to the host.
#[derive(Debug)]
pub struct HostState {
    /// No request to the host starts before this instant.
    pub next: Instant,
    /// The host's robots.txt, once read (only with `respect_robots`).
    pub robots: Option<RobotsRules>,
    /// URLs in a row whose requests could not reach the host (see [`is_unreachable`]).
    pub unreachable_in_a_row: u32,
}

impl Default for HostState {
    /// A host not contacted yet.
    fn default() -> HostState {
        HostState {
            next: Instant::now(),
            robots: None,
            unreachable_in_a_row: 0,
        }
    }
}

impl HostState {
    /// The pause between two requests: the configured delay or the `Crawl-delay`, the longer.
    pub fn delay(&self, configured: Duration) -> Duration {
        let crawl = self.robots.as_ref().and_then(RobotsRules::crawl_delay);
        crawl.map_or(configured, |c| c.max(configured))
    }

    /// Waits until the next request may start.
    pub async fn wait_turn(&self) {
        tokio::time::sleep_until(self.next).await;
    }

    /// Marks a request as just finished.
    pub fn finished(&mut self, configured: Duration) {
        self.next = Instant::now() + self.delay(configured);
    }
}

/// After this many URLs in a row that could not reach a host (after their retries), the
/// host's remaining URLs fail at once instead of waiting out timeouts and backoff each.
pub const MAX_UNREACHABLE_IN_A_ROW: u32 = 3;

/// True for failures that say the host cannot be reached at all: timeouts, connection errors.
pub fn is_unreachable(error: &FetchError) -> bool {
    matches!(error, FetchError::Timeout(_) | FetchError::Connect(_))
}

/// True for failures worth another try: timeouts, connection errors, 429 and 5xx.
pub fn is_retryable(error: &FetchError) -> bool {
    match error {
        FetchError::Timeout(_) | FetchError::Connect(_) => true,
        FetchError::Status { status, .. } => *status == 429 || (500..600).contains(status),
        _ => false,
    }
}

/// The wait before retry number `retry` (0 for the first retry): the server's `Retry-After`
/// when it gave one, else `backoff` doubled for each earlier retry.
pub fn retry_wait(error: &FetchError, retry: u32, backoff: Duration) -> Duration {
    if let FetchError::Status {
        retry_after: Some(wait),
        ..
    } = error
    {
        return *wait;
    }
    backoff.saturating_mul(1u32 << retry.min(16))
}

/// Reads a `Retry-After` value: seconds, or an HTTP date (then the time left until it).
pub fn parse_retry_after(value: &str, now: chrono::DateTime<chrono::Utc>) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let date = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    let left = date.with_timezone(&chrono::Utc) - now;
    Some(left.to_std().unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_in_seconds_and_as_a_date() {
        let now = chrono::DateTime::parse_from_rfc3339("2015-10-21T07:28:00Z")
            .expect("date")
            .with_timezone(&chrono::Utc);
        assert_eq!(
            parse_retry_after("120", now),
            Some(Duration::from_secs(120))
        );
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:30 GMT", now),
            Some(Duration::from_secs(30))
        );
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:00:00 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon", now), None);
    }

    #[test]
    fn backoff_doubles() {
        let error = FetchError::Timeout(Duration::from_secs(1));
        let base = Duration::from_millis(100);
        assert_eq!(retry_wait(&error, 0, base), Duration::from_millis(100));
        assert_eq!(retry_wait(&error, 2, base), Duration::from_millis(400));
    }

    #[test]
    fn robots_rules_and_crawl_delay() {
        let rules = RobotsRules::parse(b"User-agent: *\nDisallow: /private\nCrawl-delay: 2\n");
        let url = |p: &str| url::Url::parse(&format!("https://example.com{p}")).expect("url");
        assert!(rules.check(&url("/news")).is_ok());
        assert!(rules.check(&url("/private/a")).is_err());
        assert_eq!(rules.crawl_delay(), Some(Duration::from_secs(2)));
        let state = HostState {
            robots: Some(rules),
            ..HostState::default()
        };
        assert_eq!(state.delay(Duration::from_secs(1)), Duration::from_secs(2));
        assert_eq!(state.delay(Duration::from_secs(5)), Duration::from_secs(5));
    }
}
