//! Web archives through the binary: response records become JSON lines with the record's
//! target URI, date and ID; other records, non-HTML and non-200 responses are skipped.

mod common;

use common::{
    WarcRecord, article, gleaner, http, lines, no_article, put, record_date, record_id, warc,
};
use serde_json::Value;

/// A small crawl: warcinfo, request, 200 HTML, 404, image, chunked Latin-1, no article, 200 HTML.
fn crawl() -> Vec<WarcRecord<'static>> {
    let latin1: Vec<u8> = article(5)
        .replace("<meta charset=\"utf-8\">", "")
        .replace("BODY_TEXT 5", "BODY_TEXT 5 caf\u{e9}")
        .chars()
        .map(|c| c as u32 as u8)
        .collect();
    let mut chunked = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=iso-8859-1\r\n\
                        Transfer-Encoding: chunked\r\n\r\n"
        .to_vec();
    for chunk in latin1.chunks(700) {
        chunked.extend(format!("{:x}\r\n", chunk.len()).as_bytes());
        chunked.extend(chunk);
        chunked.extend(b"\r\n");
    }
    chunked.extend(b"0\r\n\r\n");
    vec![
        WarcRecord {
            kind: "warcinfo",
            uri: "",
            block: b"software: test\r\n".to_vec(),
        },
        WarcRecord {
            kind: "request",
            uri: "https://news.example/a",
            block: b"GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n".to_vec(),
        },
        WarcRecord {
            kind: "response",
            uri: "https://news.example/a",
            block: http("200 OK", "text/html; charset=utf-8", article(1).as_bytes()),
        },
        WarcRecord {
            kind: "response",
            uri: "https://news.example/missing",
            block: http("404 Not Found", "text/html", article(2).as_bytes()),
        },
        WarcRecord {
            kind: "response",
            uri: "https://news.example/logo.png",
            block: http("200 OK", "image/png", b"\x89PNG\r\n\x1a\n"),
        },
        WarcRecord {
            kind: "response",
            uri: "https://news.example/cafe",
            block: chunked,
        },
        WarcRecord {
            kind: "response",
            uri: "https://news.example/index",
            block: http("200 OK", "text/html", no_article().as_bytes()),
        },
        WarcRecord {
            kind: "response",
            uri: "https://news.example/b",
            block: http("200 OK", "text/html", article(7).as_bytes()),
        },
    ]
}

fn check_pages(results: &[Value]) {
    assert_eq!(results.len(), 3, "{results:?}");
    let expected = [
        (2, "https://news.example/a", "BODY_TEXT 1"),
        (5, "https://news.example/cafe", "BODY_TEXT 5 caf\u{e9}"),
        (7, "https://news.example/b", "BODY_TEXT 7"),
    ];
    for (value, (i, url, body)) in results.iter().zip(expected) {
        assert_eq!(value["url"], url);
        assert_eq!(value["warc_record_id"], record_id(i));
        assert_eq!(value["warc_date"], record_date(i));
        assert!(
            value["text"].as_str().expect("text").contains(body),
            "{value}"
        );
        assert!(!value["text"].as_str().expect("text").contains("MENU_TEXT"));
    }
}

#[test]
fn gzipped_archives_give_one_line_per_html_page() {
    let dir = tempfile::tempdir().expect("tempdir");
    put(dir.path(), "crawl.warc.gz", &warc(&crawl(), true));
    let output = gleaner()
        .arg(dir.path().join("crawl.warc.gz"))
        .output()
        .expect("run");
    // The page without an article is named on stderr and makes the exit code 1.
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("https://news.example/index: no article"),
        "{stderr}"
    );
    assert!(!stderr.contains("missing"), "{stderr}");
    check_pages(&lines(&output.stdout));
}

#[test]
fn plain_archives_read_the_same() {
    let dir = tempfile::tempdir().expect("tempdir");
    put(dir.path(), "crawl.warc", &warc(&crawl(), false));
    let output = gleaner()
        .args(["--jobs", "3"])
        .arg(dir.path().join("crawl.warc"))
        .output()
        .expect("run");
    check_pages(&lines(&output.stdout));
}

#[test]
fn archives_in_an_output_directory_get_a_jsonl_file_and_a_manifest_entry() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("in");
    put(&input, "2024/crawl-1.warc.gz", &warc(&crawl(), true));
    put(&input, "2024/page.html", article(9).as_bytes());
    let out = dir.path().join("out");
    gleaner().arg(&input).arg("-o").arg(&out).assert().code(1);
    check_pages(&lines(
        &std::fs::read(out.join("2024/crawl-1.jsonl")).expect("archive output"),
    ));
    // Pages beside archives follow --format (text by default); archives are always JSON Lines.
    assert!(out.join("2024/page.txt").exists());
    let manifest = lines(&std::fs::read(out.join("gleaner-manifest.jsonl")).expect("manifest"));
    let archive = manifest
        .iter()
        .find(|e| {
            e["input"]
                .as_str()
                .is_some_and(|i| i.ends_with("crawl-1.warc.gz"))
        })
        .expect("archive entry");
    assert_eq!(archive["status"], "ok");
    assert_eq!(archive["records"]["ok"], 3);
    assert_eq!(archive["records"]["failed"], 1);
    assert_eq!(archive["records"]["skipped"], 2);
    // A rerun skips the finished archive.
    let before = std::fs::read(out.join("2024/crawl-1.jsonl")).expect("read");
    gleaner().arg(&input).arg("-o").arg(&out).assert().success();
    assert_eq!(
        std::fs::read(out.join("2024/crawl-1.jsonl")).expect("read"),
        before
    );
}

#[test]
fn records_over_max_size_are_skipped() {
    let dir = tempfile::tempdir().expect("tempdir");
    put(dir.path(), "crawl.warc.gz", &warc(&crawl(), true));
    let output = gleaner()
        .args(["--max-size", "500"])
        .arg(dir.path().join("crawl.warc.gz"))
        .output()
        .expect("run");
    assert!(lines(&output.stdout).is_empty());
}

#[test]
fn a_truncated_archive_keeps_its_records_and_fails() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut bytes = warc(&crawl(), false);
    bytes.truncate(bytes.len() - 300);
    put(dir.path(), "cut.warc", &bytes);
    let output = gleaner()
        .arg(dir.path().join("cut.warc"))
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(lines(&output.stdout).len(), 2);
}

#[test]
fn text_output_is_refused_for_archives() {
    let dir = tempfile::tempdir().expect("tempdir");
    put(dir.path(), "crawl.warc.gz", &warc(&crawl(), true));
    gleaner()
        .args(["-f", "text"])
        .arg(dir.path().join("crawl.warc.gz"))
        .assert()
        .code(2);
}
