//! Shared helpers for the CLI tests: tiny pages with marker words, a tree builder, a gzip
//! helper, and a minimal WARC writer.

#![allow(dead_code)]

use std::io::Write;
use std::path::Path;

/// An article page: `BODY_TEXT` in the body, `MENU_TEXT` in the navigation.
pub fn article(n: usize) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Story {n}</title></head>\
         <body><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">MENU_TEXT</a></li></ul></nav>\
         <article><h1>Story number {n}</h1>\
         <p>BODY_TEXT {n}: the harbour council met on Tuesday evening to argue about the budget for \
         the new ferry terminal, and the meeting ran long past midnight as members read out letters.</p>\
         <p>Residents of the old town said the plans would bring traffic to narrow streets, while the \
         shop owners along the quay welcomed the prospect of more visitors in the quiet winter months.</p>\
         <p>The council will vote on the final plan next month, after a public consultation that opens \
         on Monday and runs for six weeks; the documents can be read at the town hall library.</p>\
         </article><footer>Copyright 2024 FOOTER_TEXT</footer></body></html>"
    )
}

/// A page with nothing that reads as an article.
pub fn no_article() -> String {
    "<!doctype html><html><head><title>Index</title></head><body><nav><a href=\"/a\">A</a> \
     <a href=\"/b\">B</a></nav></body></html>"
        .to_string()
}

/// Writes `bytes` to `root/relative`, creating directories.
pub fn put(root: &Path, relative: &str, bytes: &[u8]) {
    let path = root.join(relative);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, bytes).expect("write");
}

/// Gzip-compresses bytes (one member).
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).expect("gzip");
    encoder.finish().expect("gzip")
}

/// Every file below `root` (relative path -> bytes), sorted.
pub fn tree(root: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut files = std::collections::BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read_dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let relative = path
                    .strip_prefix(root)
                    .expect("prefix")
                    .to_string_lossy()
                    .into_owned();
                files.insert(relative, std::fs::read(&path).expect("read"));
            }
        }
    }
    files
}

/// One WARC record to write.
pub struct WarcRecord<'a> {
    /// `WARC-Type`.
    pub kind: &'a str,
    /// `WARC-Target-URI`.
    pub uri: &'a str,
    /// The record block (an HTTP response for `response` records).
    pub block: Vec<u8>,
}

/// An HTTP response block.
pub fn http(status: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    out.extend_from_slice(body);
    out
}

/// The record ID gleaner should report for record `i` of [`warc`].
pub fn record_id(i: usize) -> String {
    format!("<urn:uuid:00000000-0000-4000-8000-{i:012}>")
}

/// The date of record `i`.
pub fn record_date(i: usize) -> String {
    format!("2024-03-{:02}T10:00:00Z", 1 + i % 28)
}

/// A WARC/1.0 file; with `gzipped`, each record is its own gzip member (as Common Crawl does).
pub fn warc(records: &[WarcRecord], gzipped: bool) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, record) in records.iter().enumerate() {
        let mut bytes = format!(
            "WARC/1.0\r\nWARC-Type: {}\r\nWARC-Target-URI: {}\r\nWARC-Date: {}\r\n\
             WARC-Record-ID: {}\r\nContent-Type: application/http; msgtype=response\r\n\
             Content-Length: {}\r\n\r\n",
            record.kind,
            record.uri,
            record_date(i),
            record_id(i),
            record.block.len()
        )
        .into_bytes();
        bytes.extend_from_slice(&record.block);
        bytes.extend_from_slice(b"\r\n\r\n");
        if gzipped {
            out.extend(gzip(&bytes));
        } else {
            out.extend(bytes);
        }
    }
    out
}

/// The `gleaner` binary under test.
pub fn gleaner() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("gleaner").expect("binary")
}

/// Standard output (or a file) read as JSON Lines.
pub fn lines(bytes: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(bytes)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect()
}
