//! Benchmark of fetching many URLs: 10 local hosts, 1,000 URLs, through the `gleaner` binary.
//!
//! Starts 10 HTTP servers on 127.0.0.1 (distinct ports are distinct hosts), writes a list of
//! 1,000 article URLs (100 per host, interleaved), runs `gleaner --allow-private -i LIST -o DIR`
//! with a small `--delay`, then checks that every article was written, that no host ever had
//! two requests in flight, and prints the wall time and the binary's peak resident memory.
//!
//! ```text
//! cargo build --release && cargo run --release --example fetch_bench [-- --jobs N --delay S --urls N]
//! ```

#[path = "../tests/common/http_server.rs"]
mod http_server;

use http_server::{Reply, Server};
use std::process::Command;
use std::time::{Duration, Instant};

const HOSTS: usize = 10;
/// URLs in the list unless `--urls N` says otherwise.
const URLS: usize = 1_000;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut jobs = "10".to_string();
    let mut delay = "0.01".to_string();
    let mut count = URLS;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--jobs" => jobs = args.next().ok_or("--jobs N")?,
            "--delay" => delay = args.next().ok_or("--delay SECONDS")?,
            "--urls" => count = args.next().ok_or("--urls N")?.parse()?,
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    let servers: Vec<Server> = (0..HOSTS)
        .map(|host| {
            Server::start_with_latency(Duration::from_millis(5), move |request| {
                Reply::html(page(host, &request.path))
            })
        })
        .collect();
    let work = tempfile::tempdir()?;
    let list = work.path().join("urls.txt");
    let urls: Vec<String> = (0..count)
        .map(|i| servers[i % HOSTS].url(&format!("/news/{}/story-{i}.html", i / HOSTS)))
        .collect();
    std::fs::write(&list, urls.join("\n"))?;
    let out = work.path().join("out");

    let binary = std::env::current_exe()?
        .parent()
        .and_then(|examples| examples.parent())
        .map(|dir| dir.join("gleaner"))
        .ok_or("no target directory")?;
    let started = Instant::now();
    let mut child = Command::new(&binary)
        .args([
            "--allow-private",
            "--quiet",
            "--jobs",
            &jobs,
            "--delay",
            &delay,
            "-i",
        ])
        .arg(&list)
        .arg("-o")
        .arg(&out)
        .spawn()
        .map_err(|e| {
            format!(
                "cannot run {}: {e} (cargo build --release first)",
                binary.display()
            )
        })?;
    let mut peak_kb = 0;
    let status = loop {
        if let Some(kb) = peak_rss_kb(child.id()) {
            peak_kb = peak_kb.max(kb);
        }
        if let Some(status) = child.try_wait()? {
            break status;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let wall = started.elapsed();

    let mut missing = 0;
    for url in &urls {
        let stem = gleaner::fetch::url_file_stem(&url::Url::parse(url)?);
        match std::fs::read_to_string(out.join(format!("{stem}.txt"))) {
            Ok(text) if text.contains("ARTICLE_MARKER") => {}
            _ => missing += 1,
        }
    }
    let overlaps: Vec<usize> = servers.iter().map(Server::max_in_flight).collect();
    let requests: usize = servers.iter().map(Server::total_hits).sum();
    println!("exit status      {status}");
    println!("urls             {count} on {HOSTS} hosts, --jobs {jobs}, --delay {delay}");
    println!("requests served  {requests}");
    println!("articles written {} of {count}", count - missing);
    println!("max in flight    {overlaps:?} (per host)");
    println!(
        "wall time        {:.2} s ({:.0} URLs/s)",
        wall.as_secs_f64(),
        count as f64 / wall.as_secs_f64()
    );
    println!("peak RSS         {:.1} MB", peak_kb as f64 / 1024.0);
    if missing > 0 || overlaps.iter().any(|&n| n > 1) || !status.success() {
        return Err("benchmark checks failed".into());
    }
    Ok(())
}

/// A realistic article page of about 12 KB: navigation, an article, related links, a footer.
fn page(host: usize, path: &str) -> String {
    let paragraph = format!(
        "<p>Reporters on host {host} followed the story at {path} through the night, speaking \
         with residents, officials and engineers about what happened, why it mattered, and what \
         would come next for the town and the people who live there. ARTICLE_MARKER</p>"
    );
    let links: String = (0..40)
        .map(|i| format!("<li><a href='/news/{i}'>Related headline number {i}</a></li>"))
        .collect();
    format!(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Story {path}</title></head>\
         <body><header><nav><ul>{links}</ul></nav></header><main><article><h1>Story {path}</h1>\
         {}</article><aside><ul>{links}</ul></aside></main><footer>© Example News</footer>\
         </body></html>",
        paragraph.repeat(20)
    )
}

/// The peak resident set size of a process in KiB (Linux: `VmHWM` in /proc).
fn peak_rss_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
