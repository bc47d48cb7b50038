//! Fetching over HTTP: every test starts its own server on 127.0.0.1 (no internet), with short
//! timeouts and delays so the suite stays fast.

#[path = "common/http_server.rs"]
mod http_server;

use gleaner::fetch::{FetchError, FetchOptions, Fetcher};
use http_server::{Reply, Server, article_page};
use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Options for tests: private addresses allowed (the server is local), short waits.
fn quick() -> FetchOptions {
    FetchOptions {
        allow_private: true,
        timeout: Duration::from_secs(5),
        delay: Duration::from_millis(10),
        backoff: Duration::from_millis(10),
        ..FetchOptions::default()
    }
}

fn fetcher(options: FetchOptions) -> Fetcher {
    Fetcher::new(options).expect("client")
}

async fn article(server: &Server, path: &str) -> gleaner::Article {
    fetcher(quick())
        .fetch_and_extract(&server.url(path), &gleaner::Options::default())
        .await
        .expect("article")
}

#[tokio::test]
async fn the_header_charset_outranks_the_meta_charset() {
    let page = article_page(
        "Caf\u{e9}",
        "BODY_TEXT caf\u{e9} cr\u{e8}me br\u{fb}l\u{e9}e",
    )
    .replace("<head>", "<head><meta charset='utf-8'>");
    let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode(&page);
    let latin1 = latin1.into_owned();
    let server = Server::start(move |_| {
        Reply::with_type(200, "text/html; charset=ISO-8859-1", latin1.clone())
    });
    let text = article(&server, "/").await.text();
    assert!(
        text.contains("caf\u{e9} cr\u{e8}me br\u{fb}l\u{e9}e"),
        "{text}"
    );
}

#[tokio::test]
async fn the_meta_charset_is_used_when_the_header_has_none() {
    let page = article_page(
        "Caf\u{e9}",
        "BODY_TEXT caf\u{e9} cr\u{e8}me br\u{fb}l\u{e9}e",
    )
    .replace("<head>", "<head><meta charset='windows-1252'>");
    let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode(&page);
    let latin1 = latin1.into_owned();
    let server = Server::start(move |_| Reply::with_type(200, "text/html", latin1.clone()));
    let text = article(&server, "/").await.text();
    assert!(
        text.contains("caf\u{e9} cr\u{e8}me br\u{fb}l\u{e9}e"),
        "{text}"
    );
}

#[tokio::test]
async fn gzip_bodies_are_decompressed() {
    let page = article_page("Zipped", "BODY_TEXT gzip words travel small");
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(page.as_bytes()).expect("gzip");
    let gz = encoder.finish().expect("gzip");
    let server = Server::start(move |request| {
        assert!(
            request
                .header("accept-encoding")
                .unwrap_or("")
                .contains("gzip")
        );
        Reply::html(gz.clone()).header("Content-Encoding", "gzip")
    });
    assert!(
        article(&server, "/")
            .await
            .text()
            .contains("gzip words travel small")
    );
}

#[tokio::test]
async fn brotli_bodies_are_decompressed() {
    let page = article_page("Squeezed", "BODY_TEXT brotli words travel smaller");
    let mut br = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut br, 4096, 5, 22);
        writer.write_all(page.as_bytes()).expect("brotli");
    }
    let server = Server::start(move |request| {
        assert!(
            request
                .header("accept-encoding")
                .unwrap_or("")
                .contains("br")
        );
        Reply::html(br.clone()).header("Content-Encoding", "br")
    });
    assert!(
        article(&server, "/")
            .await
            .text()
            .contains("brotli words travel smaller")
    );
}

#[tokio::test]
async fn a_redirect_chain_ends_at_the_final_url() {
    let page = article_page("Moved", "BODY_TEXT the page moved twice");
    let server = Server::start(move |request| match request.path.as_str() {
        "/a" => Reply::redirect("/b"),
        "/b" => Reply::redirect("/c"),
        _ => Reply::html(page.clone()),
    });
    let fetched = fetcher(quick())
        .fetch(&server.url("/a"))
        .await
        .expect("fetch");
    assert_eq!(fetched.final_url.as_str(), server.url("/c"));
    let article = article(&server, "/a").await;
    assert_eq!(
        article.metadata.url.as_deref(),
        Some(server.url("/c").as_str())
    );
}

#[tokio::test]
async fn a_canonical_url_outranks_the_final_url() {
    let page = article_page("Canonical", "BODY_TEXT the page names its address").replace(
        "<head>",
        "<head><link rel='canonical' href='https://example.com/story'>",
    );
    let server = Server::start(move |_| Reply::html(page.clone()));
    let article = article(&server, "/x?utm=1").await;
    assert_eq!(
        article.metadata.url.as_deref(),
        Some("https://example.com/story")
    );
}

#[tokio::test]
async fn a_redirect_loop_fails() {
    let server = Server::start(|request| match request.path.as_str() {
        "/one" => Reply::redirect("/two"),
        _ => Reply::redirect("/one"),
    });
    let error = fetcher(quick())
        .fetch(&server.url("/one"))
        .await
        .expect_err("loop");
    assert!(matches!(error, FetchError::Redirect(_)), "{error:?}");
    assert!(error.to_string().contains("loop"), "{error}");
}

#[tokio::test]
async fn too_many_redirects_fail() {
    let server = Server::start(|request| {
        let n: usize = request.path.trim_start_matches('/').parse().unwrap_or(0);
        Reply::redirect(&format!("/{}", n + 1))
    });
    let options = FetchOptions {
        max_redirects: 3,
        ..quick()
    };
    let error = fetcher(options)
        .fetch(&server.url("/0"))
        .await
        .expect_err("limit");
    assert!(error.to_string().contains("too many redirects"), "{error}");
    assert_eq!(server.total_hits(), 4);
}

#[tokio::test]
async fn not_found_is_reported_without_retries() {
    let server = Server::start(|_| Reply::status(404));
    let error = fetcher(quick())
        .fetch(&server.url("/gone"))
        .await
        .expect_err("404");
    assert_eq!(error.to_string(), "HTTP 404 Not Found");
    assert_eq!(server.hits("/gone"), 1);
}

#[tokio::test]
async fn a_server_error_is_retried_until_it_succeeds() {
    let calls = Arc::new(AtomicUsize::new(0));
    let seen = calls.clone();
    let page = article_page("Second try", "BODY_TEXT it worked the second time");
    let server = Server::start(move |_| {
        if seen.fetch_add(1, Ordering::SeqCst) == 0 {
            Reply::status(500)
        } else {
            Reply::html(page.clone())
        }
    });
    let article = article(&server, "/flaky").await;
    assert!(article.text().contains("it worked the second time"));
    assert_eq!(server.hits("/flaky"), 2);
}

#[tokio::test]
async fn server_errors_give_up_after_the_retries() {
    let server = Server::start(|_| Reply::status(503));
    let options = FetchOptions {
        retries: 2,
        ..quick()
    };
    let error = fetcher(options)
        .fetch(&server.url("/down"))
        .await
        .expect_err("503");
    assert!(error.to_string().starts_with("HTTP 503"), "{error}");
    assert_eq!(server.hits("/down"), 3);
}

#[tokio::test]
async fn too_many_requests_waits_for_retry_after() {
    let calls = Arc::new(AtomicUsize::new(0));
    let seen = calls.clone();
    let page = article_page("Patience", "BODY_TEXT waiting was worth it");
    let server = Server::start(move |_| {
        if seen.fetch_add(1, Ordering::SeqCst) == 0 {
            Reply::status(429).header("Retry-After", "1")
        } else {
            Reply::html(page.clone())
        }
    });
    let started = Instant::now();
    let article = article(&server, "/busy").await;
    assert!(article.text().contains("waiting was worth it"));
    let arrivals = server.arrivals("/busy");
    assert_eq!(arrivals.len(), 2);
    assert!(arrivals[1] - arrivals[0] >= Duration::from_millis(950));
    assert!(started.elapsed() < Duration::from_secs(4));
}

#[tokio::test]
async fn a_retry_after_beyond_the_limit_is_not_waited_for() {
    let server = Server::start(|_| Reply::status(429).header("Retry-After", "3600"));
    let started = Instant::now();
    let error = fetcher(quick())
        .fetch(&server.url("/later"))
        .await
        .expect_err("429");
    assert!(error.to_string().starts_with("HTTP 429"), "{error}");
    assert_eq!(server.hits("/later"), 1);
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[tokio::test]
async fn an_endless_body_is_cut_at_the_limit() {
    let server = Server::start(|_| Reply::Endless {
        content_type: "text/html".into(),
    });
    let options = FetchOptions {
        max_size: 100_000,
        ..quick()
    };
    let started = Instant::now();
    let error = fetcher(options)
        .fetch(&server.url("/big"))
        .await
        .expect_err("too large");
    assert!(
        matches!(error, FetchError::TooLarge { limit: 100_000 }),
        "{error:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(3));
    std::thread::sleep(Duration::from_millis(200));
    let sent = server.bytes_sent.load(Ordering::SeqCst);
    assert!(sent < 20_000_000, "the server sent {sent} bytes");
}

#[tokio::test]
async fn a_declared_length_over_the_limit_is_refused_before_reading() {
    let server = Server::start(|_| Reply::html(vec![b'a'; 50_000]));
    let options = FetchOptions {
        max_size: 1_000,
        ..quick()
    };
    let error = fetcher(options)
        .fetch(&server.url("/"))
        .await
        .expect_err("too large");
    assert!(matches!(error, FetchError::TooLarge { .. }), "{error:?}");
}

#[tokio::test]
async fn a_server_that_never_answers_times_out() {
    let server = Server::start(|_| Reply::Silent);
    let options = FetchOptions {
        timeout: Duration::from_millis(300),
        retries: 1,
        ..quick()
    };
    let started = Instant::now();
    let error = fetcher(options)
        .fetch(&server.url("/"))
        .await
        .expect_err("timeout");
    assert!(matches!(error, FetchError::Timeout(_)), "{error:?}");
    assert!(error.to_string().contains("timed out"), "{error}");
    assert_eq!(server.hits("/"), 2, "timeouts are retried");
    assert!(started.elapsed() < Duration::from_secs(3));
}

#[tokio::test]
async fn a_host_that_keeps_failing_is_skipped() {
    let server = Server::start(|_| Reply::Silent);
    let options = FetchOptions {
        timeout: Duration::from_millis(150),
        retries: 0,
        ..quick()
    };
    let fetcher = fetcher(options);
    for i in 0..6 {
        let error = fetcher
            .fetch(&server.url(&format!("/{i}")))
            .await
            .expect_err("down");
        assert!(matches!(
            error,
            FetchError::Timeout(_) | FetchError::Connect(_)
        ));
    }
    assert_eq!(server.total_hits(), 3);
}

#[tokio::test]
async fn a_refused_connection_is_reported() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.local_addr().expect("addr").port()
    };
    let options = FetchOptions {
        retries: 0,
        ..quick()
    };
    let error = fetcher(options)
        .fetch(&format!("http://127.0.0.1:{port}/"))
        .await
        .expect_err("refused");
    assert!(matches!(error, FetchError::Connect(_)), "{error:?}");
}

#[tokio::test]
async fn other_content_types_are_refused_by_name() {
    let server = Server::start(|_| Reply::with_type(200, "application/pdf", "%PDF-1.7"));
    let error = fetcher(quick())
        .fetch(&server.url("/a.pdf"))
        .await
        .expect_err("pdf");
    assert!(matches!(error, FetchError::UnsupportedType(ref t) if t == "application/pdf"));
    assert!(error.to_string().contains("application/pdf"), "{error}");
}

#[tokio::test]
async fn plain_text_pages_are_cleaned_as_text() {
    let text = "Saved text BODY_TEXT\n\nThe first paragraph of a page saved as text, long enough \
                to count as an article body for the extractor.\n\nA second paragraph follows, \
                with more words about the same subject, so the body is kept.\n";
    let server = Server::start(move |_| Reply::with_type(200, "text/plain", text));
    let article = article(&server, "/notes.txt").await;
    assert_eq!(article.source, gleaner::SourceKind::Text);
    assert!(article.text().contains("second paragraph follows"));
}

#[tokio::test]
async fn robots_txt_disallow_is_respected_and_cached() {
    let page = article_page("Allowed", "BODY_TEXT robots let us read this");
    let server = Server::start(move |request| match request.path.as_str() {
        "/robots.txt" => Reply::with_type(
            200,
            "text/plain",
            "User-agent: *\nDisallow: /private\n\nUser-agent: otherbot\nDisallow: /\n",
        ),
        _ => Reply::html(page.clone()),
    });
    let options = FetchOptions {
        respect_robots: true,
        ..quick()
    };
    let fetcher = fetcher(options);
    let error = fetcher
        .fetch(&server.url("/private/a"))
        .await
        .expect_err("robots");
    assert!(matches!(error, FetchError::Robots(_)), "{error:?}");
    assert!(error.to_string().contains("robots.txt"), "{error}");
    fetcher
        .fetch(&server.url("/public/a"))
        .await
        .expect("allowed");
    fetcher
        .fetch(&server.url("/public/b"))
        .await
        .expect("allowed");
    assert_eq!(server.hits("/robots.txt"), 1);
    assert_eq!(server.hits("/private/a"), 0);
}

#[tokio::test]
async fn robots_txt_crawl_delay_spaces_requests() {
    let page = article_page("Slow", "BODY_TEXT a slow host");
    let server = Server::start(move |request| match request.path.as_str() {
        "/robots.txt" => Reply::with_type(200, "text/plain", "User-agent: *\nCrawl-delay: 0.3\n"),
        _ => Reply::html(page.clone()),
    });
    let options = FetchOptions {
        respect_robots: true,
        ..quick()
    };
    let fetcher = fetcher(options);
    for path in ["/a", "/b"] {
        fetcher.fetch(&server.url(path)).await.expect("fetch");
    }
    let gap = server.min_gap().expect("gap");
    assert!(gap >= Duration::from_millis(280), "{gap:?}");
}

#[tokio::test]
async fn a_missing_robots_txt_allows_everything() {
    let page = article_page("Open", "BODY_TEXT no robots here");
    let server = Server::start(move |request| match request.path.as_str() {
        "/robots.txt" => Reply::status(404),
        _ => Reply::html(page.clone()),
    });
    let options = FetchOptions {
        respect_robots: true,
        ..quick()
    };
    fetcher(options)
        .fetch(&server.url("/a"))
        .await
        .expect("fetch");
}

#[tokio::test]
async fn requests_to_one_host_never_overlap() {
    let page = article_page("Polite", "BODY_TEXT one at a time");
    let hosts: Vec<Server> = (0..3)
        .map(|_| {
            let page = page.clone();
            Server::start_with_latency(Duration::from_millis(30), move |_| {
                Reply::html(page.clone())
            })
        })
        .collect();
    let options = FetchOptions {
        concurrency: 8,
        delay: Duration::from_millis(20),
        ..quick()
    };
    let fetcher = Arc::new(fetcher(options));
    let mut tasks = Vec::new();
    for i in 0..8 {
        for host in &hosts {
            let url = host.url(&format!("/page/{i}"));
            let fetcher = fetcher.clone();
            tasks.push(tokio::spawn(async move { fetcher.fetch(&url).await }));
        }
    }
    for task in tasks {
        task.await.expect("task").expect("fetch");
    }
    for host in &hosts {
        assert_eq!(host.total_hits(), 8);
        assert_eq!(host.max_in_flight(), 1, "two requests to one host at once");
        let gap = host.min_gap().expect("gap");
        assert!(gap >= Duration::from_millis(15), "{gap:?}");
    }
    // Different hosts are served side by side.
    let (first, second) = (hosts[0].spans(), hosts[1].spans());
    let side_by_side = first
        .iter()
        .any(|a| second.iter().any(|b| a.0 < b.1 && b.0 < a.1));
    assert!(side_by_side, "hosts were fetched one after the other");
}

#[tokio::test]
async fn private_addresses_are_refused_unless_allowed() {
    let server = Server::start(|_| Reply::html(article_page("Inside", "BODY_TEXT internal")));
    let options = FetchOptions {
        allow_private: false,
        ..quick()
    };
    let fetcher = fetcher(options);
    let literal = fetcher.fetch(&server.url("/")).await.expect_err("literal");
    assert!(
        matches!(literal, FetchError::PrivateAddress { .. }),
        "{literal:?}"
    );
    let named = fetcher
        .fetch(&format!("http://localhost:{}/", server.port))
        .await
        .expect_err("named");
    assert!(
        matches!(named, FetchError::PrivateAddress { .. }),
        "{named:?}"
    );
    assert!(named.to_string().contains("localhost"), "{named}");
    assert_eq!(server.total_hits(), 0);
}

#[tokio::test]
async fn only_http_and_https_are_fetched() {
    let error = fetcher(quick())
        .fetch("file:///etc/passwd")
        .await
        .expect_err("file");
    assert!(
        matches!(error, FetchError::UnsupportedScheme(_)),
        "{error:?}"
    );
}

#[tokio::test]
async fn the_user_agent_names_gleaner() {
    let server = Server::start(|_| Reply::html(article_page("UA", "BODY_TEXT who is asking")));
    fetcher(quick())
        .fetch(&server.url("/"))
        .await
        .expect("fetch");
    let agents = server.agents();
    assert!(agents[0].starts_with("gleaner/"), "{agents:?}");
}

#[test]
fn the_blocking_call_fetches_and_cleans() {
    let server =
        Server::start(|_| Reply::html(article_page("Blocking", "BODY_TEXT no async here")));
    let article = gleaner::fetch::blocking::extract_url_with(
        &server.url("/"),
        &gleaner::Options::default(),
        &quick(),
    )
    .expect("article");
    assert!(article.text().contains("no async here"));
    assert!(!article.text().contains("MENU_TEXT"));
    let refused =
        gleaner::fetch::blocking::extract_url(&server.url("/"), &gleaner::Options::default());
    assert!(matches!(refused, Err(gleaner::Error::Fetch(_))));
}

// The command line.

fn gleaner() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("gleaner").expect("binary")
}

fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn the_cli_fetches_one_url() {
    let server =
        Server::start(|_| Reply::html(article_page("One page", "BODY_TEXT fetched and cleaned")));
    let output = gleaner()
        .args(["--allow-private", &server.url("/story.html")])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("BODY_TEXT fetched and cleaned"), "{stdout}");
    assert!(!stdout.contains("MENU_TEXT"), "{stdout}");
}

#[test]
fn the_cli_refuses_private_addresses_by_default() {
    let server = Server::start(|_| Reply::html(article_page("Inside", "BODY_TEXT internal")));
    let output = gleaner().arg(server.url("/")).output().expect("run");
    assert_eq!(output.status.code(), Some(1));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("refused") && stderr.contains("--allow-private"),
        "{stderr}"
    );
    assert_eq!(server.total_hits(), 0);
}

#[test]
fn the_cli_reads_a_list_and_writes_one_file_per_url() {
    let server = Server::start(|request| match request.path.as_str() {
        "/missing" => Reply::status(404),
        path => Reply::html(article_page(
            "Listed",
            &format!("BODY_TEXT page {path} words"),
        )),
    });
    let dir = tempfile::tempdir().expect("tempdir");
    let list = dir.path().join("urls.txt");
    let secret_url = server
        .url("/missing")
        .replace("http://", "http://user:hunter2@");
    std::fs::write(
        &list,
        format!(
            "# pages to read\n{}\n\n{}\n  {}  \n",
            server.url("/a"),
            secret_url,
            server.url("/b/c")
        ),
    )
    .expect("list");
    let out = dir.path().join("out");
    let raw = dir.path().join("raw");
    let output = gleaner()
        .args(["--allow-private", "--delay", "0.01", "-f", "json", "-i"])
        .arg(&list)
        .arg("-o")
        .arg(&out)
        .arg("--save-html")
        .arg(&raw)
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(1), "one URL failed");
    let stderr = stderr_of(&output);
    let failures: Vec<&str> = stderr.lines().filter(|l| l.contains("/missing")).collect();
    assert_eq!(failures.len(), 1, "{stderr}");
    assert!(failures[0].contains("HTTP 404 Not Found"), "{stderr}");
    assert!(!stderr.contains("hunter2"), "credentials leaked: {stderr}");
    for path in ["/a", "/b/c"] {
        let url = url::Url::parse(&server.url(path)).expect("url");
        let stem = gleaner::fetch::url_file_stem(&url);
        let json = std::fs::read_to_string(out.join(format!("{stem}.json"))).expect("output");
        assert!(json.contains(&format!("page {path} words")), "{json}");
        assert!(
            json.contains(&server.url(path)),
            "the article's url is the fetched one"
        );
        let html = std::fs::read_to_string(raw.join(format!("{stem}.html"))).expect("saved");
        assert!(
            html.contains("MENU_TEXT"),
            "the saved page is the page as fetched"
        );
    }
}

#[test]
fn the_cli_reads_a_list_from_standard_input() {
    let server = Server::start(|_| Reply::html(article_page("Piped", "BODY_TEXT from a pipe")));
    let output = gleaner()
        .args(["--allow-private", "--delay", "0", "-i", "-"])
        .write_stdin(format!("{}\n{}\n", server.url("/1"), server.url("/2")))
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        stdout.matches("BODY_TEXT from a pipe").count(),
        30,
        "{stdout}"
    );
}

#[test]
fn the_cli_rejects_bad_fetch_flags() {
    for args in [
        ["--max-size", "lots"],
        ["--timeout", "0"],
        ["--delay", "-1"],
    ] {
        let output = gleaner()
            .args(args)
            .arg("https://example.com/")
            .output()
            .expect("run");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn the_cli_records_urls_in_the_manifest_and_resumes() {
    let server = Server::start(|request| match request.path.as_str() {
        "/gone" => Reply::status(404),
        path => Reply::html(article_page(
            "Kept",
            &format!("BODY_TEXT page {path} words"),
        )),
    });
    let dir = tempfile::tempdir().expect("tempdir");
    let list = dir.path().join("urls.txt");
    std::fs::write(
        &list,
        format!("{}\n{}\n", server.url("/a"), server.url("/gone")),
    )
    .expect("list");
    let out = dir.path().join("out");
    let run = || {
        gleaner()
            .args(["--allow-private", "--delay", "0", "-q", "-i"])
            .arg(&list)
            .arg("-o")
            .arg(&out)
            .output()
            .expect("run")
    };
    assert_eq!(run().status.code(), Some(1), "the 404 fails the run");
    let manifest = std::fs::read_to_string(out.join("gleaner-manifest.jsonl")).expect("manifest");
    let entries: Vec<serde_json::Value> = manifest
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .filter(|v: &serde_json::Value| v.get("input").is_some())
        .collect();
    let status = |path: &str| {
        entries
            .iter()
            .find(|e| e["input"] == server.url(path))
            .map(|e| e["status"].as_str().unwrap_or("").to_string())
    };
    assert_eq!(status("/a").as_deref(), Some("ok"), "{manifest}");
    assert_eq!(status("/gone").as_deref(), Some("error"), "{manifest}");
    // The rerun fetches only what failed: the article's output exists.
    run();
    assert_eq!(server.hits("/a"), 1);
    assert_eq!(server.hits("/gone"), 2);
}
