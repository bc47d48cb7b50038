//! JSON Lines in and out: the `--stdin-jsonl` worker protocol, and adding fields to an
//! article's JSON line (web archive fields, status).
//!
//! Protocol: each input line is `{"url": ..., "html": ...}` or `{"url": ..., "text": ...}`
//! (`url` optional; an `id` of any JSON type is echoed back). Each gives exactly one output line:
//! the article's JSON object plus `"status":"ok"`, or `{"url":...,"status":"error","error":...}`;
//! never none, so a driver can zip its input with the output.

use super::sources::Loaded;
use gleaner::InputFormat;
use serde::Deserialize;
use serde_json::Value;
use std::io::{BufRead, Read};

/// Fields copied from a request into its answer.
pub type Echo = Vec<(&'static str, Value)>;

/// A request line, read: the page, or the answer's echoed fields and why it was refused.
pub type Request = Result<Parsed, (Echo, String)>;

/// One request line.
#[derive(Debug, Deserialize)]
struct RequestLine {
    url: Option<String>,
    html: Option<String>,
    text: Option<String>,
    id: Option<Value>,
}

/// A request, read: the page, and the fields echoed back.
#[derive(Debug)]
pub struct Parsed {
    /// The page to extract.
    pub page: Loaded,
    /// Fields copied into the answer (`url`, `id`).
    pub echo: Echo,
}

/// Reads one line (without its `\n`) of at most `max_size` bytes; a longer line is consumed
/// whole and returned as `Err(its length)`. `Ok(None)` at the end of input.
pub fn read_line(
    reader: &mut impl BufRead,
    max_size: u64,
) -> std::io::Result<Option<Result<Vec<u8>, u64>>> {
    let mut line = Vec::new();
    let read = reader
        .by_ref()
        .take(max_size.saturating_add(1))
        .read_until(b'\n', &mut line)?;
    if read == 0 {
        return Ok(None);
    }
    if line.last() == Some(&b'\n') {
        line.pop();
        if line.last() == Some(&b'\r') {
            line.pop();
        }
        return Ok(Some(Ok(line)));
    }
    if (line.len() as u64) <= max_size {
        return Ok(Some(Ok(line)));
    }
    let mut length = line.len() as u64;
    let mut rest = Vec::new();
    loop {
        rest.clear();
        let read = reader.by_ref().take(1 << 20).read_until(b'\n', &mut rest)?;
        length += read as u64;
        if read == 0 || rest.last() == Some(&b'\n') {
            return Ok(Some(Err(length)));
        }
    }
}

/// Parses a request line.
pub fn parse_request(line: &[u8]) -> Request {
    let request: RequestLine = serde_json::from_slice(line)
        .map_err(|e| (Vec::new(), format!("not a JSON request line: {e}")))?;
    let mut echo = Vec::new();
    if let Some(id) = request.id {
        echo.push(("id", id));
    }
    echo.push((
        "url",
        request.url.clone().map_or(Value::Null, Value::String),
    ));
    let (bytes, format) = match (request.html, request.text) {
        (Some(html), _) => (html.into_bytes(), None),
        (None, Some(text)) => (text.into_bytes(), Some(InputFormat::Text)),
        (None, None) => return Err((echo, "the line has neither \"html\" nor \"text\"".into())),
    };
    Ok(Parsed {
        page: Loaded {
            bytes,
            url: request.url,
            charset: None,
            format,
        },
        echo,
    })
}

/// The answer line for a failed request.
pub fn error_line(echo: &[(&'static str, Value)], message: &str) -> String {
    let mut line = String::from("{}");
    let mut fields: Vec<(&str, Value)> = echo.to_vec();
    fields.push(("status", Value::from("error")));
    fields.push(("error", Value::from(message)));
    add_fields(&mut line, &fields);
    line
}

/// Adds `fields` to a one-line JSON object, replacing keys it already has at the top level.
pub fn add_fields(json: &mut String, fields: &[(&str, Value)]) {
    let replaced = fields
        .iter()
        .any(|(key, _)| json.contains(&format!("\"{key}\":")));
    if replaced {
        if let Ok(Value::Object(mut object)) = serde_json::from_str::<Value>(json) {
            // Re-serialising loses nothing but key order; only done when a key is replaced.
            for (key, value) in fields {
                object.insert((*key).to_string(), value.clone());
            }
            if let Ok(text) = serde_json::to_string(&object) {
                *json = text;
                return;
            }
        }
    }
    let Some(stripped) = json.strip_suffix('}') else {
        return;
    };
    let mut out = stripped.to_string();
    let mut first = out.trim_end() == "{";
    for (key, value) in fields {
        if !first {
            out.push(',');
        }
        first = false;
        out.push_str(&Value::from(*key).to_string());
        out.push(':');
        out.push_str(&value.to_string());
    }
    out.push('}');
    *json = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_parse_and_echo_their_id_and_url() {
        let parsed =
            parse_request(br#"{"id":7,"url":"https://e.com/a","html":"<p>x</p>"}"#).expect("ok");
        assert_eq!(parsed.page.bytes, b"<p>x</p>");
        assert_eq!(parsed.page.url.as_deref(), Some("https://e.com/a"));
        assert_eq!(parsed.echo[0], ("id", Value::from(7)));
        let text = parse_request(br#"{"text":"Saved."}"#).expect("ok");
        assert_eq!(text.page.format, Some(InputFormat::Text));
        assert!(parse_request(b"not json").is_err());
        assert!(parse_request(br#"{"url":"u"}"#).is_err());
    }

    #[test]
    fn error_lines_are_json() {
        let line = error_line(&[("url", Value::from("u"))], "bad \"thing\"");
        let value: Value = serde_json::from_str(&line).expect("json");
        assert_eq!(value["status"], "error");
        assert_eq!(value["url"], "u");
        assert_eq!(value["error"], "bad \"thing\"");
    }

    #[test]
    fn fields_are_added_or_replaced() {
        let mut line = String::from(r#"{"title":"T","url":null}"#);
        add_fields(&mut line, &[("warc_date", Value::from("2024"))]);
        assert_eq!(line, r#"{"title":"T","url":null,"warc_date":"2024"}"#);
        add_fields(&mut line, &[("url", Value::from("https://e.com/"))]);
        let value: Value = serde_json::from_str(&line).expect("json");
        assert_eq!(value["url"], "https://e.com/");
    }

    #[test]
    fn long_lines_are_consumed_and_reported() {
        let mut input = std::io::Cursor::new(b"short\nlooooooong\nok".to_vec());
        assert_eq!(
            read_line(&mut input, 6).expect("io"),
            Some(Ok(b"short".to_vec()))
        );
        assert_eq!(read_line(&mut input, 6).expect("io"), Some(Err(11)));
        assert_eq!(
            read_line(&mut input, 6).expect("io"),
            Some(Ok(b"ok".to_vec()))
        );
        assert_eq!(read_line(&mut input, 6).expect("io"), None);
    }
}
