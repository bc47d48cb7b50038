//! Web archives: streams the response records of a `.warc` or `.warc.gz` file (gzip detected by
//! its magic bytes, one member per record or one for the whole file), and parses the HTTP
//! response each record holds into a body, a status and a charset.
//!
//! Reading is strictly sequential and holds one record at a time, so memory does not grow with
//! the archive. Must not extract anything: the batch does that, in parallel.

use anyhow::{Context, Result};
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use warc::{RecordType, WarcHeader, WarcReader};

/// One response record, as read from the archive.
#[derive(Debug)]
pub struct ResponseRecord {
    /// `WARC-Target-URI`: the page's address.
    pub target_uri: String,
    /// `WARC-Date`, RFC 3339.
    pub date: String,
    /// `WARC-Record-ID`, e.g. `<urn:uuid:...>`.
    pub record_id: String,
    /// The record's block: an HTTP response (status line, headers, body).
    pub http: Vec<u8>,
}

/// What reading one record gave.
#[derive(Debug)]
pub enum Item {
    /// A response record to extract.
    Response(ResponseRecord),
    /// A response record larger than `--max-size`: its body was skipped unread.
    TooLarge {
        /// `WARC-Target-URI`.
        target_uri: String,
        /// The record's content length.
        size: u64,
    },
    /// Any other record (warcinfo, request, metadata, revisit...): not a page.
    Other,
}

/// Streams the records of the archive at `path` into `each`, which returns `false` to stop.
/// Fails on unreadable files and malformed records (records read before stay handed out).
pub fn for_each_record(
    path: &Path,
    max_size: u64,
    mut each: impl FnMut(Item) -> bool,
) -> Result<()> {
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let mut buffered = BufReader::with_capacity(256 << 10, file);
    let gzipped = buffered
        .fill_buf()
        .with_context(|| format!("cannot read {}", path.display()))?
        .starts_with(&[0x1f, 0x8b]);
    let reader: Box<dyn BufRead> = if gzipped {
        Box::new(BufReader::with_capacity(
            256 << 10,
            flate2::read::MultiGzDecoder::new(buffered),
        ))
    } else {
        Box::new(buffered)
    };
    let mut warc = WarcReader::new(reader);
    let mut records = warc.stream_records();
    while let Some(record) = records.next_item() {
        let mut record = record.map_err(|e| anyhow::anyhow!("malformed WARC record: {e}"))?;
        if *record.warc_type() != RecordType::Response {
            if !each(Item::Other) {
                break;
            }
            continue;
        }
        let target_uri = header_text(&record, WarcHeader::TargetURI).unwrap_or_default();
        let size = record.content_length();
        if size > max_size {
            if !each(Item::TooLarge { target_uri, size }) {
                break;
            }
            continue;
        }
        let date = header_text(&record, WarcHeader::Date).unwrap_or_default();
        let record_id = record.warc_id().to_string();
        let mut http = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
        record
            .read_to_end(&mut http)
            .map_err(|e| anyhow::anyhow!("cannot read WARC record {record_id}: {e}"))?;
        if (http.len() as u64) < size {
            anyhow::bail!(
                "WARC record {record_id} is truncated: {} of {size} bytes",
                http.len()
            );
        }
        let item = Item::Response(ResponseRecord {
            target_uri,
            date,
            record_id,
            http,
        });
        if !each(item) {
            break;
        }
    }
    Ok(())
}

/// A WARC header as text. warc 0.4's `Record::header` unwraps a UTF-8 conversion of the value,
/// so a header with invalid UTF-8 would panic: that panic is caught and the header reads as
/// absent.
fn header_text<T: Read>(
    record: &warc::Record<warc::StreamingBody<'_, T>>,
    header: WarcHeader,
) -> Option<String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        record.header(header).map(|v| v.trim().to_string())
    }))
    .ok()
    .flatten()
}

/// An HTTP response, parsed.
#[derive(Debug, PartialEq, Eq)]
pub struct HttpResponse {
    /// The status code (0 when the status line is unreadable).
    pub status: u16,
    /// The media type of `Content-Type`, lower-cased, without parameters.
    pub media_type: Option<String>,
    /// The `charset` parameter of `Content-Type`.
    pub charset: Option<String>,
    /// The body, with transfer and content encodings (chunked, deflate) undone; a gzip body is
    /// left compressed (the library reads gzip itself).
    pub body: Vec<u8>,
}

/// Parses an HTTP response (lenient: bare `\n` line ends, missing reason phrase).
pub fn parse_http(bytes: &[u8], max_size: u64) -> Result<HttpResponse, String> {
    let (head, body) = match memchr::memmem::find(bytes, b"\r\n\r\n") {
        Some(i) => (&bytes[..i], &bytes[i + 4..]),
        None => match memchr::memmem::find(bytes, b"\n\n") {
            Some(i) => (&bytes[..i], &bytes[i + 2..]),
            None => return Err("no HTTP header in the record".into()),
        },
    };
    let head = String::from_utf8_lossy(head);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or_default();
    if !status_line.starts_with("HTTP/") {
        return Err(format!("not an HTTP response: {:?}", truncate(status_line)));
    }
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let mut media_type = None;
    let mut charset = None;
    let mut chunked = false;
    let mut encoding = None;
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-type" => {
                let mut parts = value.split(';');
                media_type = parts
                    .next()
                    .map(|m| m.trim().to_ascii_lowercase())
                    .filter(|m| !m.is_empty());
                charset = parts.find_map(|p| {
                    let (key, value) = p.split_once('=')?;
                    (key.trim().eq_ignore_ascii_case("charset"))
                        .then(|| value.trim().trim_matches(['"', '\'']).to_string())
                        .filter(|c| !c.is_empty())
                });
            }
            "transfer-encoding" => chunked = value.to_ascii_lowercase().contains("chunked"),
            "content-encoding" => encoding = Some(value.to_ascii_lowercase()),
            _ => {}
        }
    }
    let body = if chunked {
        dechunk(body).unwrap_or_else(|| body.to_vec())
    } else {
        body.to_vec()
    };
    let body = match encoding.as_deref() {
        None | Some("identity" | "" | "gzip" | "x-gzip") => body,
        Some("deflate") => inflate(&body, max_size)?,
        Some(other) => return Err(format!("unsupported Content-Encoding {other:?}")),
    };
    Ok(HttpResponse {
        status,
        media_type,
        charset,
        body,
    })
}

/// True for media types gleaner reads as pages (and for a missing one: content decides).
pub fn is_html(media_type: Option<&str>) -> bool {
    media_type.is_none_or(|m| matches!(m, "text/html" | "application/xhtml+xml"))
}

/// Undoes `Transfer-Encoding: chunked`; `None` when the framing is broken.
fn dechunk(mut bytes: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(bytes.len());
    loop {
        let line_end = memchr::memchr(b'\n', bytes)?;
        let size_text = std::str::from_utf8(&bytes[..line_end]).ok()?;
        let size_text = size_text.split(';').next()?.trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        bytes = &bytes[line_end + 1..];
        if size == 0 {
            return Some(out);
        }
        let chunk = bytes.get(..size)?;
        out.extend_from_slice(chunk);
        bytes = &bytes[size..];
        bytes = bytes
            .strip_prefix(b"\r\n")
            .or_else(|| bytes.strip_prefix(b"\n"))
            .unwrap_or(bytes);
    }
}

/// Undoes `Content-Encoding: deflate` (zlib-wrapped, or raw as some servers send it).
fn inflate(bytes: &[u8], max_size: u64) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let zlib = flate2::read::ZlibDecoder::new(bytes)
        .take(max_size + 1)
        .read_to_end(&mut out);
    if zlib.is_err() {
        out.clear();
        flate2::read::DeflateDecoder::new(bytes)
            .take(max_size + 1)
            .read_to_end(&mut out)
            .map_err(|e| format!("corrupt deflate body: {e}"))?;
    }
    Ok(out)
}

fn truncate(text: &str) -> String {
    text.chars().take(60).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_status_charset_and_body() {
        let raw =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=\"ISO-8859-1\"\r\n\r\n<p>hi</p>";
        let response = parse_http(raw, 1000).expect("parse");
        assert_eq!(response.status, 200);
        assert_eq!(response.media_type.as_deref(), Some("text/html"));
        assert_eq!(response.charset.as_deref(), Some("ISO-8859-1"));
        assert_eq!(response.body, b"<p>hi</p>");
    }

    #[test]
    fn undoes_chunked_transfer_encoding() {
        let raw = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n<p>h\r\n5\r\ni</p>\r\n0\r\n\r\n";
        let response = parse_http(raw, 1000).expect("parse");
        assert_eq!(response.body, b"<p>hi</p>");
    }

    #[test]
    fn undoes_deflate() {
        use std::io::Write;
        let mut encoder =
            flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        encoder.write_all(b"<p>hi</p>").expect("write");
        let mut raw = b"HTTP/1.0 200 OK\nContent-Encoding: deflate\n\n".to_vec();
        raw.extend(encoder.finish().expect("finish"));
        assert_eq!(parse_http(&raw, 1000).expect("parse").body, b"<p>hi</p>");
    }

    #[test]
    fn refuses_what_is_not_http() {
        assert!(parse_http(b"GET / HTTP/1.1\r\n\r\n", 1000).is_err());
        assert!(parse_http(b"no header end", 1000).is_err());
    }

    #[test]
    fn html_media_types() {
        assert!(is_html(Some("text/html")));
        assert!(is_html(None));
        assert!(!is_html(Some("image/png")));
        assert!(!is_html(Some("application/pdf")));
    }
}
