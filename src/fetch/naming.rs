//! File names for URLs: readable, and never the same for two different pages.
//!
//! Takes a URL; returns a file stem (no extension) made of the host and the path. Plain URLs
//! (https, default port, no query, a path of lowercase letters, digits, `.` and `-`) map to
//! their host and path segments joined by `_`, e.g. `example.com_news_story.html`. Any other
//! URL keeps a sanitised readable part and gets `~` and a short hash of the whole URL, so the
//! mapping stays one-to-one: `~` never appears in a plain name. The fragment is ignored (it
//! names a place in the same page). Must not produce path separators, names starting with `.`,
//! or names longer than [`MAX_STEM_BYTES`].

use url::Url;

/// The longest readable part kept before the hash; leaves room for an extension within the
/// 255-byte file name limit of common file systems.
pub const MAX_STEM_BYTES: usize = 150;

/// Joins the host and the path segments.
const SEPARATOR: char = '_';

/// A readable, collision-free file stem for a URL (see the module documentation).
///
/// ```
/// use gleaner::fetch::url_file_stem;
/// let url = url::Url::parse("https://example.com/news/story.html").unwrap();
/// assert_eq!(url_file_stem(&url), "example.com_news_story.html");
/// let url = url::Url::parse("https://example.com/article.php?id=7").unwrap();
/// assert!(url_file_stem(&url).starts_with("example.com_article.php_id-7~"));
/// ```
pub fn url_file_stem(url: &Url) -> String {
    let host = url.host_str().unwrap_or("nohost");
    let mut readable = sanitise(host);
    let mut lossless = url.scheme() == "https"
        && url.port().is_none()
        && url.username().is_empty()
        && url.password().is_none()
        && url.query().is_none()
        && readable == host;
    let path = url.path();
    let trimmed = path.strip_prefix('/').unwrap_or(path);
    if !trimmed.is_empty() {
        readable.push(SEPARATOR);
        let clean = sanitise_path(trimmed);
        lossless &= clean == trimmed.replace('/', "_") && !has_empty_inner_segment(trimmed);
        readable.push_str(&clean);
    }
    if let Some(query) = url.query() {
        readable.push(SEPARATOR);
        readable.push_str(&sanitise(query));
    }
    if readable.len() > MAX_STEM_BYTES {
        let mut cut = MAX_STEM_BYTES;
        while !readable.is_char_boundary(cut) {
            cut -= 1;
        }
        readable.truncate(cut);
        lossless = false;
    }
    if lossless {
        return readable;
    }
    let mut whole = url.clone();
    whole.set_fragment(None);
    format!("{readable}~{:08x}", fnv1a(whole.as_str().as_bytes()) as u32)
}

/// Keeps ASCII lowercase letters, digits, `.` and `-`; anything else becomes `-`.
fn sanitise(part: &str) -> String {
    part.chars()
        .map(|c| {
            if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// Like [`sanitise`], with `/` becoming the separator.
fn sanitise_path(path: &str) -> String {
    path.split('/')
        .map(sanitise)
        .collect::<Vec<_>>()
        .join(&SEPARATOR.to_string())
}

/// `a//b` (an empty segment) would read like a trailing slash; such paths take a hash.
fn has_empty_inner_segment(path: &str) -> bool {
    path.contains("//") || path.split('/').any(|s| s == "." || s == "..")
}

/// 64-bit FNV-1a: stable across runs, platforms and Rust versions (unlike `DefaultHasher`).
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stem(url: &str) -> String {
        url_file_stem(&Url::parse(url).expect("url"))
    }

    #[test]
    fn plain_urls_read_as_host_and_path() {
        assert_eq!(stem("https://example.com/"), "example.com");
        assert_eq!(
            stem("https://example.com/news/story.html"),
            "example.com_news_story.html"
        );
        assert_eq!(stem("https://example.com/news/"), "example.com_news_");
        assert_eq!(
            stem("https://example.com/a/b#comments"),
            stem("https://example.com/a/b")
        );
    }

    #[test]
    fn lossy_names_take_a_hash() {
        let with_query = stem("https://example.com/p?id=1");
        assert!(
            with_query.starts_with("example.com_p_id-1~"),
            "{with_query}"
        );
        assert_eq!(with_query.len(), "example.com_p_id-1~".len() + 8);
        assert!(stem("http://example.com/a").contains('~'));
        assert!(stem("https://example.com:8443/a").contains('~'));
        assert!(stem("https://example.com/News").contains('~'));
        assert!(stem("https://example.com/a_b").contains('~'));
    }

    #[test]
    fn different_urls_never_share_a_name() {
        let urls = [
            "https://example.com/a/b",
            "https://example.com/a_b",
            "https://example.com/a-b",
            "https://example.com/a/b/",
            "https://example.com/a//b",
            "http://example.com/a/b",
            "https://example.com/A/b",
            "https://example.com/a/b?x",
            "https://example.com/a/b?y",
            "https://example.com:444/a/b",
            "https://user@example.com/a/b",
        ];
        let names: std::collections::HashSet<String> = urls.iter().map(|u| stem(u)).collect();
        assert_eq!(names.len(), urls.len(), "{names:?}");
    }

    #[test]
    fn names_are_safe_file_names() {
        let long = format!("https://example.com/{}", "x/".repeat(200));
        for url in [
            long.as_str(),
            "https://example.com/../../etc/passwd",
            "https://example.com/%2e%2e/a",
            "https://example.com/ünïcödé/名前",
            "https://[::1]:8080/x",
        ] {
            let name = stem(url);
            assert!(!name.contains('/') && !name.contains('\\'), "{name}");
            assert!(!name.starts_with('.'), "{name}");
            assert!(name.len() <= MAX_STEM_BYTES + 9, "{name}");
        }
    }

    #[test]
    fn the_hash_is_stable() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
