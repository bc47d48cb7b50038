//! Safety checks on the addresses the fetcher talks to.
//!
//! Takes URLs and resolved IP addresses; returns whether they may be fetched. Only `http` and
//! `https` pass; hosts that are, or resolve to, private, loopback, link-local or otherwise
//! non-public addresses are refused unless `allow_private` is set. The check runs on every
//! address a name resolves to (inside the client's resolver, so redirects are checked too, and
//! the address checked is the address connected to). Must not log or return credentials:
//! [`redact`] strips them from any URL put into a message.

use super::FetchError;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use url::{Host, Url};

/// Parses and checks a URL before any request: scheme, host, and literal IP addresses.
pub fn check_url(raw: &str, allow_private: bool) -> Result<Url, FetchError> {
    let url = Url::parse(raw.trim()).map_err(|e| FetchError::InvalidUrl {
        url: raw.trim().to_string(),
        reason: e.to_string(),
    })?;
    check_parsed(&url, allow_private)?;
    Ok(url)
}

/// The checks of [`check_url`] on an already parsed URL (also run on every redirect).
pub fn check_parsed(url: &Url, allow_private: bool) -> Result<(), FetchError> {
    if url.scheme() != "http" && url.scheme() != "https" {
        return Err(FetchError::UnsupportedScheme(url.scheme().to_string()));
    }
    let ip = match url.host() {
        None => {
            return Err(FetchError::InvalidUrl {
                url: redact(url),
                reason: "no host".into(),
            });
        }
        Some(Host::Domain(_)) => return Ok(()),
        Some(Host::Ipv4(ip)) => IpAddr::V4(ip),
        Some(Host::Ipv6(ip)) => IpAddr::V6(ip),
    };
    if !allow_private && !is_public(ip) {
        return Err(FetchError::PrivateAddress {
            host: url.host_str().unwrap_or_default().to_string(),
            address: ip,
        });
    }
    Ok(())
}

/// The URL as text without user name and password, for messages.
pub fn redact(url: &Url) -> String {
    if url.username().is_empty() && url.password().is_none() {
        return url.to_string();
    }
    let mut clean = url.clone();
    let _ = clean.set_username("");
    let _ = clean.set_password(None);
    clean.to_string()
}

/// True for addresses on the public internet; false for loopback, private (RFC 1918, unique
/// local), link-local, shared (carrier-grade NAT), unspecified, broadcast and multicast ones.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => is_public_v4(v4),
            None => is_public_v6(v6),
        },
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, ..] = ip.octets();
    let shared = a == 100 && (64..128).contains(&b);
    !(ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_unspecified()
        || ip.is_broadcast()
        || ip.is_multicast()
        || a == 0
        || shared)
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    let first = ip.segments()[0];
    let unique_local = first & 0xfe00 == 0xfc00;
    let link_local = first & 0xffc0 == 0xfe80;
    !(ip.is_loopback() || ip.is_unspecified() || ip.is_multicast() || unique_local || link_local)
}

/// A resolver for the HTTP client that refuses names resolving to non-public addresses.
pub struct GuardedResolver {
    /// Let private addresses through (tests, intranets).
    pub allow_private: bool,
}

/// The resolver's refusal, found again in the client's error chain by [`super::FetchError`].
#[derive(Debug, thiserror::Error)]
pub enum ResolveRefusal {
    /// The name resolves to a non-public address.
    #[error("{host} resolves to the non-public address {address}")]
    Private {
        /// The name.
        host: String,
        /// The first non-public address.
        address: IpAddr,
    },
    /// The name does not resolve.
    #[error("could not resolve host {host}: {reason}")]
    Unresolved {
        /// The name.
        host: String,
        /// Why, as the system resolver says it.
        reason: String,
    },
}

impl reqwest::dns::Resolve for GuardedResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let allow_private = self.allow_private;
        let host = name.as_str().to_string();
        Box::pin(async move {
            let lookup = tokio::net::lookup_host((host.clone(), 0)).await;
            let addresses: Vec<SocketAddr> = match lookup {
                Ok(found) => found.collect(),
                Err(e) => {
                    return Err(Box::new(ResolveRefusal::Unresolved {
                        host,
                        reason: e.to_string(),
                    })
                        as Box<dyn std::error::Error + Send + Sync>);
                }
            };
            if !allow_private && let Some(bad) = addresses.iter().find(|a| !is_public(a.ip())) {
                return Err(Box::new(ResolveRefusal::Private {
                    host,
                    address: bad.ip(),
                })
                    as Box<dyn std::error::Error + Send + Sync>);
            }
            Ok(Box::new(addresses.into_iter()) as reqwest::dns::Addrs)
        })
    }
}

/// Why a redirect was not followed.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct RedirectRefusal(pub String);

/// The redirect policy: at most `max` hops, no loops, only http(s), no literal private IPs.
pub fn redirect_policy(max: usize, allow_private: bool) -> reqwest::redirect::Policy {
    reqwest::redirect::Policy::custom(move |attempt| {
        if attempt.previous().len() > max {
            let message = format!("too many redirects (more than {max})");
            return attempt.error(RedirectRefusal(message));
        }
        if attempt.previous().contains(attempt.url()) {
            let message = format!("redirect loop at {}", redact(attempt.url()));
            return attempt.error(RedirectRefusal(message));
        }
        if let Err(e) = check_parsed(attempt.url(), allow_private) {
            let message = format!("redirect to {} refused: {e}", redact(attempt.url()));
            return attempt.error(RedirectRefusal(message));
        }
        attempt.follow()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_ranges_are_not_public() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "100.64.0.1",
            "::1",
            "fe80::1",
            "fd00::1",
            "::ffff:127.0.0.1",
        ] {
            assert!(!is_public(ip.parse().expect("ip")), "{ip}");
        }
        for ip in ["93.184.216.34", "8.8.8.8", "2606:4700::1111"] {
            assert!(is_public(ip.parse().expect("ip")), "{ip}");
        }
    }

    #[test]
    fn only_http_and_https() {
        assert!(matches!(
            check_url("ftp://example.com/a", false),
            Err(FetchError::UnsupportedScheme(_))
        ));
        assert!(matches!(
            check_url("file:///etc/passwd", false),
            Err(FetchError::UnsupportedScheme(_))
        ));
        assert!(check_url("https://example.com/a", false).is_ok());
    }

    #[test]
    fn literal_private_ips_are_refused_unless_allowed() {
        assert!(matches!(
            check_url("http://127.0.0.1:8080/", false),
            Err(FetchError::PrivateAddress { .. })
        ));
        assert!(matches!(
            check_url("http://[::1]/", false),
            Err(FetchError::PrivateAddress { .. })
        ));
        assert!(check_url("http://127.0.0.1:8080/", true).is_ok());
    }

    #[test]
    fn credentials_never_reach_messages() {
        let url = Url::parse("https://user:secret@example.com/a?b").expect("url");
        assert_eq!(redact(&url), "https://example.com/a?b");
    }
}
