//! A tiny HTTP/1.1 server for tests: one thread per connection on 127.0.0.1, a handler closure
//! per server, and a log of what it saw (requests per path, requests in flight at once).
//!
//! Every response closes its connection, so "in flight" runs from reading a request to the end
//! of writing its response.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A request as the handler sees it.
#[derive(Debug, Clone)]
pub struct Request {
    pub path: String,
    pub headers: Vec<(String, String)>,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// What the server answers.
pub enum Reply {
    /// A complete response.
    Full {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    },
    /// Headers, then body bytes forever (until the client goes away).
    Endless { content_type: String },
    /// Reads the request and never answers (holds the connection a while, then drops it).
    Silent,
}

impl Reply {
    pub fn html(body: impl Into<Vec<u8>>) -> Reply {
        Reply::with_type(200, "text/html; charset=utf-8", body)
    }

    pub fn with_type(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply::Full {
            status,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
        }
    }

    pub fn status(status: u16) -> Reply {
        Reply::with_type(status, "text/plain", format!("status {status}"))
    }

    pub fn redirect(to: &str) -> Reply {
        Reply::Full {
            status: 302,
            headers: vec![("Location".into(), to.into())],
            body: Vec::new(),
        }
    }

    pub fn header(mut self, name: &str, value: &str) -> Reply {
        if let Reply::Full { headers, .. } = &mut self {
            headers.push((name.into(), value.into()));
        }
        self
    }
}

/// What a server saw.
#[derive(Debug, Default)]
pub struct Log {
    /// Paths of the requests, in arrival order, with their arrival time.
    pub requests: Vec<(String, Instant)>,
    /// Arrival and end times of each request, to check overlaps and gaps.
    pub spans: Vec<(Instant, Instant)>,
    /// User-Agent headers seen.
    pub agents: Vec<String>,
}

type Handler = dyn Fn(&Request) -> Reply + Send + Sync;

/// A running server; it lives until the test process ends.
pub struct Server {
    pub port: u16,
    log: Arc<Mutex<Log>>,
    in_flight: Arc<AtomicUsize>,
    max_in_flight: Arc<AtomicUsize>,
    pub bytes_sent: Arc<AtomicUsize>,
}

impl Server {
    /// Starts a server; `handler` answers every request.
    pub fn start(handler: impl Fn(&Request) -> Reply + Send + Sync + 'static) -> Server {
        Server::start_with_latency(Duration::ZERO, handler)
    }

    /// Starts a server that waits `latency` before each answer (to make overlaps visible).
    pub fn start_with_latency(
        latency: Duration,
        handler: impl Fn(&Request) -> Reply + Send + Sync + 'static,
    ) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let server = Server {
            port,
            log: Arc::default(),
            in_flight: Arc::default(),
            max_in_flight: Arc::default(),
            bytes_sent: Arc::default(),
        };
        let handler: Arc<Handler> = Arc::new(handler);
        let shared = server.shared();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let handler = handler.clone();
                let shared = shared.clone();
                std::thread::spawn(move || serve(stream, &*handler, latency, &shared));
            }
        });
        server
    }

    fn shared(&self) -> Shared {
        Shared {
            log: self.log.clone(),
            in_flight: self.in_flight.clone(),
            max_in_flight: self.max_in_flight.clone(),
            bytes_sent: self.bytes_sent.clone(),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// How many requests asked for `path`.
    pub fn hits(&self, path: &str) -> usize {
        let log = self.log.lock().expect("log");
        log.requests.iter().filter(|(p, _)| p == path).count()
    }

    pub fn total_hits(&self) -> usize {
        self.log.lock().expect("log").requests.len()
    }

    /// The most requests that were in flight at one moment.
    pub fn max_in_flight(&self) -> usize {
        self.max_in_flight.load(Ordering::SeqCst)
    }

    /// The arrival times of requests for `path`.
    pub fn arrivals(&self, path: &str) -> Vec<Instant> {
        let log = self.log.lock().expect("log");
        log.requests
            .iter()
            .filter(|(p, _)| p == path)
            .map(|(_, t)| *t)
            .collect()
    }

    /// The shortest pause between the end of one request and the arrival of the next.
    pub fn min_gap(&self) -> Option<Duration> {
        let log = self.log.lock().expect("log");
        let mut spans = log.spans.clone();
        spans.sort();
        spans
            .windows(2)
            .map(|w| w[1].0.saturating_duration_since(w[0].1))
            .min()
    }

    /// Arrival and end of every request served.
    pub fn spans(&self) -> Vec<(Instant, Instant)> {
        self.log.lock().expect("log").spans.clone()
    }

    pub fn agents(&self) -> Vec<String> {
        self.log.lock().expect("log").agents.clone()
    }
}

#[derive(Clone)]
struct Shared {
    log: Arc<Mutex<Log>>,
    in_flight: Arc<AtomicUsize>,
    max_in_flight: Arc<AtomicUsize>,
    bytes_sent: Arc<AtomicUsize>,
}

fn serve(stream: TcpStream, handler: &Handler, latency: Duration, shared: &Shared) {
    let Some(request) = read_request(&stream) else {
        return;
    };
    let start = Instant::now();
    let now = shared.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
    shared.max_in_flight.fetch_max(now, Ordering::SeqCst);
    {
        let mut log = shared.log.lock().expect("log");
        log.requests.push((request.path.clone(), start));
        if let Some(agent) = request.header("user-agent") {
            log.agents.push(agent.to_string());
        }
    }
    std::thread::sleep(latency);
    let reply = handler(&request);
    write_reply(stream, reply, shared);
    shared.in_flight.fetch_sub(1, Ordering::SeqCst);
    shared
        .log
        .lock()
        .expect("log")
        .spans
        .push((start, Instant::now()));
}

fn read_request(stream: &TcpStream) -> Option<Request> {
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let path = line.split_whitespace().nth(1)?.to_string();
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_string(), value.trim().to_string()));
        }
    }
    Some(Request { path, headers })
}

fn write_reply(mut stream: TcpStream, reply: Reply, shared: &Shared) {
    match reply {
        Reply::Full {
            status,
            headers,
            body,
        } => {
            let mut head = format!("HTTP/1.1 {status} {}\r\n", reason(status));
            for (name, value) in headers {
                head.push_str(&format!("{name}: {value}\r\n"));
            }
            head.push_str(&format!(
                "Content-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            ));
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
            let _ = stream.flush();
            shared.bytes_sent.fetch_add(body.len(), Ordering::SeqCst);
        }
        Reply::Endless { content_type } => {
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nConnection: close\r\n\r\n"
            );
            if stream.write_all(head.as_bytes()).is_err() {
                return;
            }
            let chunk = "<p>endless endless endless endless</p>\n".repeat(1000);
            while stream.write_all(chunk.as_bytes()).is_ok() {
                let sent = shared.bytes_sent.fetch_add(chunk.len(), Ordering::SeqCst);
                if sent > 1 << 30 {
                    break;
                }
            }
        }
        Reply::Silent => std::thread::sleep(Duration::from_secs(10)),
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Whatever",
    }
}

/// A page with an article long enough to be kept: a title, a menu, and paragraphs made of
/// `words`.
pub fn article_page(title: &str, words: &str) -> String {
    let paragraph = format!("<p>{words} {words} {words} {words} {words}.</p>");
    format!(
        "<!DOCTYPE html><html><head><title>{title}</title></head><body>\
         <nav><a href='/'>MENU_TEXT home</a> <a href='/news'>MENU_TEXT news</a></nav>\
         <article><h1>{title}</h1>{paragraph}{paragraph}{paragraph}</article>\
         <footer>FOOTER_TEXT copyright</footer></body></html>"
    )
}
