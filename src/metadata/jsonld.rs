//! JSON-LD: every `<script type="application/ld+json">` on the page.
//!
//! Takes the script texts; returns raw [`Fields`] from the main article object (`NewsArticle`,
//! `Article`, `BlogPosting`, `Report`... found at the top, in arrays or in `@graph`), falling back
//! to a `WebPage`; authors may be strings, objects, arrays or `@id` references to a `Person`
//! elsewhere in the graph; the publisher's or `WebSite`'s name gives the site name. Invalid JSON
//! is tolerated: a failed parse is retried after a lenient cleanup (comments, control
//! characters, trailing commas). Walks JSON with an explicit stack; never recurses.

use super::Fields;
use serde_json::Value;
use std::collections::HashMap;

/// Types that are one article, post or story, most specific first is not needed: any of them
/// makes an object the page's main article.
const ARTICLE_TYPES: &[&str] = &[
    "article",
    "newsarticle",
    "blogposting",
    "report",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "reviewnewsarticle",
    "backgroundnewsarticle",
    "askpublicnewsarticle",
    "liveblogposting",
    "techarticle",
    "scholarlyarticle",
    "socialmediaposting",
    "discussionforumposting",
    "posting",
    "review",
    "medicalwebpage",
];

/// Other creative works: their dates and authors are used when no article object is found
/// (a video on an article page has its own upload date).
const WORK_TYPES: &[&str] = &["videoobject", "podcastepisode", "recipe", "event", "howto"];

/// Types that describe the page itself: used when no article object is found.
const PAGE_TYPES: &[&str] = &["webpage", "itempage", "aboutpage", "profilepage", "qapage"];

/// Types that describe a listing.
const LISTING_TYPES: &[&str] = &["collectionpage", "itemlist", "searchresultspage"];

/// Keys whose arrays hold further objects worth reading.
const CONTAINERS: &[&str] = &[
    "@graph",
    "mainEntity",
    "itemListElement",
    "hasPart",
    "author",
];

/// Largest number of JSON values visited per page (a guard against huge catalogues).
const MAX_NODES: usize = 20_000;

/// Reads the fields of every JSON-LD script on the page.
pub fn read(scripts: &[&str]) -> Fields {
    let mut values = Vec::new();
    for script in scripts {
        parse_lenient(script, &mut values);
    }
    let objects = flatten(&values);
    let mut people: HashMap<&str, &serde_json::Map<String, Value>> = HashMap::new();
    for object in &objects {
        // A bare `{"@id": ...}` reference must not hide the object it points to, nor a partial
        // copy without `@type` (`"author": {"name": ..., "@id": ...}`) the typed node.
        if let Some(id) = object.get("@id").and_then(Value::as_str)
            && object.len() > 1
        {
            let slot = people.entry(id).or_insert(object);
            if !slot.contains_key("@type") && object.contains_key("@type") {
                *slot = object;
            }
        }
    }
    let main = objects
        .iter()
        .find(|o| has_type(o, ARTICLE_TYPES) && (o.contains_key("headline") || has_date(o)))
        .or_else(|| objects.iter().find(|o| has_type(o, ARTICLE_TYPES)))
        .or_else(|| {
            objects
                .iter()
                .find(|o| has_type(o, WORK_TYPES) && has_date(o))
        })
        .or_else(|| {
            objects
                .iter()
                .find(|o| has_type(o, PAGE_TYPES) && (has_date(o) || o.contains_key("author")))
        });
    let mut fields = Fields::default();
    if let Some(main) = main {
        read_main(main, &people, &mut fields);
    }
    if fields.site_name.is_none() {
        fields.site_name = objects
            .iter()
            .find(|o| has_type(o, &["website"]))
            .and_then(|o| text(o.get("name")));
    }
    fields.breadcrumb = objects
        .iter()
        .find(|o| has_type(o, &["breadcrumblist"]))
        .and_then(|o| breadcrumb_section(o, fields.title.as_deref()));
    if objects.iter().any(|o| has_type(o, LISTING_TYPES)) && main.is_none() {
        fields.kind = Some("listing".to_string());
    }
    fields
}

/// Crumb names that stand for the home page, lowercase.
const HOME_CRUMBS: &[&str] = &[
    "home",
    "startseite",
    "start",
    "accueil",
    "inicio",
    "portada",
];

/// The section a `BreadcrumbList` names: the name of its most specific item (by `position`)
/// that is neither the home page nor the headline (nor a start or a cut of it).
///
/// Example: Home › Sport › "Kelby wins the cup" under that headline gives "Sport".
fn breadcrumb_section(
    list: &serde_json::Map<String, Value>,
    headline: Option<&str>,
) -> Option<String> {
    let Some(Value::Array(items)) = list.get("itemListElement") else {
        return None;
    };
    let mut crumbs: Vec<(i64, String)> = items
        .iter()
        .filter_map(Value::as_object)
        .filter_map(|item| {
            let name = text(item.get("name"))
                .or_else(|| item.get("item").and_then(|i| text(i.get("name"))))?;
            let position = item.get("position").and_then(|p| {
                p.as_i64()
                    .or_else(|| p.as_str().and_then(|s| s.trim().parse().ok()))
            });
            Some((position.unwrap_or(0), name))
        })
        .collect();
    crumbs.sort_by_key(|(p, _)| *p);
    let headline = headline.map(super::fold).unwrap_or_default();
    crumbs.into_iter().rev().map(|(_, name)| name).find(|name| {
        let folded = super::fold(name);
        !folded.is_empty()
            && !HOME_CRUMBS.contains(&name.to_lowercase().as_str())
            && (headline.is_empty()
                || !(headline.starts_with(&folded) || folded.starts_with(&headline)))
    })
}

fn has_date(object: &serde_json::Map<String, Value>) -> bool {
    object.contains_key("datePublished") || object.contains_key("dateCreated")
}

fn read_main(
    main: &serde_json::Map<String, Value>,
    people: &HashMap<&str, &serde_json::Map<String, Value>>,
    fields: &mut Fields,
) {
    fields.title = text(main.get("headline")).or_else(|| text(main.get("name")));
    fields.other_title = text(main.get("name")).filter(|n| fields.title.as_ref() != Some(n));
    fields.published = text(main.get("datePublished"))
        .or_else(|| text(main.get("dateCreated")))
        .or_else(|| text(main.get("uploadDate")));
    fields.modified = text(main.get("dateModified"));
    fields.description = text(main.get("description"));
    fields.section = first_text(main.get("articleSection"));
    fields.language = text(main.get("inLanguage"));
    fields.license = text(main.get("license"));
    fields.image = image(main.get("image")).or_else(|| text(main.get("thumbnailUrl")));
    fields.url = text(main.get("url")).or_else(|| {
        main.get("mainEntityOfPage")
            .and_then(|m| text(Some(m)).or_else(|| text(m.get("@id"))))
    });
    fields.tags = match main.get("keywords") {
        Some(Value::String(s)) => split_list(s),
        Some(Value::Array(items)) => items.iter().filter_map(|v| text(Some(v))).collect(),
        _ => Vec::new(),
    };
    for key in ["author", "creator"] {
        fields.authors = names(main.get(key), people);
        if !fields.authors.is_empty() {
            break;
        }
    }
    // A person who publishes their own blog is its author, not an organisation posing as one.
    if !is_person(main.get("publisher"), people) {
        fields.publisher = names(main.get("publisher"), people).into_iter().next();
    }
    fields.site_name = fields.publisher.clone();
    fields.kind = Some("article".to_string());
}

/// Names of persons or organisations: a string, an object with `name`, an `@id` reference, or an
/// array of those.
fn names(
    value: Option<&Value>,
    people: &HashMap<&str, &serde_json::Map<String, Value>>,
) -> Vec<String> {
    let items: Vec<&Value> = match value {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(v) => vec![v],
        None => Vec::new(),
    };
    let mut out = Vec::new();
    for item in items {
        let name = match item {
            Value::String(s) => Some(decode_entities(s.trim())),
            Value::Object(o) => text(o.get("name")).or_else(|| {
                let id = o.get("@id").and_then(Value::as_str)?;
                people.get(id).and_then(|p| text(p.get("name")))
            }),
            _ => None,
        };
        if let Some(name) = name.filter(|n| !n.is_empty()) {
            out.push(name);
        }
    }
    out
}

/// True when the value is (or refers by `@id` to) an object typed `Person`.
fn is_person(
    value: Option<&Value>,
    people: &HashMap<&str, &serde_json::Map<String, Value>>,
) -> bool {
    let Some(Value::Object(o)) = value else {
        return false;
    };
    let target = o
        .get("@id")
        .and_then(Value::as_str)
        .and_then(|id| people.get(id).copied())
        .unwrap_or(o);
    has_type(target, &["person"]) || has_type(o, &["person"])
}

/// An image: a URL string, an `ImageObject` (`url` or `contentUrl`), or the first of an array.
fn image(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Object(o) => text(o.get("url")).or_else(|| text(o.get("contentUrl"))),
        Value::Array(items) => items.iter().find_map(|v| image(Some(v))),
        _ => None,
    }
}

/// A string value (or a number), trimmed and unescaped; `None` when empty.
fn text(value: Option<&Value>) -> Option<String> {
    let s = match value? {
        Value::String(s) => decode_entities(s.trim()),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    (!s.is_empty()).then_some(s)
}

/// The first string of a string or an array.
fn first_text(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::Array(items) => items.iter().find_map(|v| text(Some(v))),
        v => text(Some(v)),
    }
}

fn split_list(s: &str) -> Vec<String> {
    s.split([',', ';'])
        .map(|t| decode_entities(t.trim()))
        .filter(|t| !t.is_empty())
        .collect()
}

fn has_type(object: &serde_json::Map<String, Value>, types: &[&str]) -> bool {
    let matches = |t: &str| {
        let t = t.rsplit(['/', ':']).next().unwrap_or(t);
        types.iter().any(|want| want.eq_ignore_ascii_case(t))
    };
    match object.get("@type") {
        Some(Value::String(t)) => matches(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(matches),
        _ => false,
    }
}

/// Every JSON object in the values, outermost first (explicit stack, bounded).
fn flatten(values: &[Value]) -> Vec<&serde_json::Map<String, Value>> {
    let mut out = Vec::new();
    let mut stack: Vec<&Value> = values.iter().rev().collect();
    let mut visited = 0;
    while let Some(value) = stack.pop() {
        visited += 1;
        if visited > MAX_NODES {
            break;
        }
        match value {
            Value::Object(o) => {
                out.push(o);
                for (key, child) in o.iter().rev() {
                    if matches!(child, Value::Object(_)) || CONTAINERS.contains(&key.as_str()) {
                        stack.push(child);
                    }
                }
            }
            Value::Array(items) => stack.extend(items.iter().rev()),
            _ => {}
        }
    }
    out
}

/// Parses a script's JSON, or, when that fails, the text after a lenient cleanup. Several
/// concatenated values are all kept.
fn parse_lenient(script: &str, out: &mut Vec<Value>) {
    if let Ok(value) = serde_json::from_str::<Value>(script) {
        out.push(value);
        return;
    }
    let cleaned = clean_json(script);
    for value in serde_json::Deserializer::from_str(&cleaned).into_iter::<Value>() {
        match value {
            Ok(value) => out.push(value),
            Err(_) => break,
        }
    }
}

/// Removes what breaks JSON in the wild: HTML comment and CDATA wrappers, control characters
/// (raw line breaks inside strings), trailing commas, and a closing semicolon.
fn clean_json(script: &str) -> String {
    let mut s = script.trim();
    for prefix in ["<!--", "//<![CDATA[", "<![CDATA["] {
        s = s.strip_prefix(prefix).unwrap_or(s).trim_start();
    }
    for suffix in ["-->", "//]]>", "]]>", ";"] {
        s = s.strip_suffix(suffix).unwrap_or(s).trim_end();
    }
    let mut out = String::with_capacity(s.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in s.chars() {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            out.push(if c.is_control() { ' ' } else { c });
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '}' | ']' => {
                let trimmed = out.trim_end().len();
                if out[..trimmed].ends_with(',') {
                    out.truncate(trimmed - 1);
                }
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Decodes the HTML entities some sites leave in JSON strings (`&amp;`, `&#8217;`, `&quot;`...).
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(start) = rest.find('&') {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| entity(&after[1..e]));
        match (end, decoded) {
            (Some(e), Some(c)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        "lt" => '<',
        "gt" => '>',
        "nbsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "rsquo" => '’',
        "lsquo" => '‘',
        "rdquo" => '”',
        "ldquo" => '“',
        "hellip" => '…',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_person_publisher_known_by_its_typed_node_is_not_a_publisher() {
        let f = read(&[r##"{"@context":"https://schema.org","@graph":[
            {"@type":"Article","headline":"Sulking starters",
             "author":{"name":"Maren Holt","@id":"#maren"},"publisher":{"@id":"#maren"}},
            {"@type":"Person","@id":"#maren","name":"Maren Holt"}]}"##]);
        assert_eq!(f.authors, vec!["Maren Holt"]);
        assert_eq!(f.publisher, None);
    }

    #[test]
    fn news_article_with_person_objects() {
        let f = read(&[r#"{"@context":"https://schema.org","@type":"NewsArticle",
            "headline":"Moon base opens","datePublished":"2024-06-12T08:15:00+01:00",
            "dateModified":"2024-06-12T11:42:00+01:00",
            "author":[{"@type":"Person","name":"Harriet Cole"},{"@type":"Person","name":"Tomasz Wrona"}],
            "publisher":{"@type":"Organization","name":"Meridian"},"keywords":"a, b"}"#]);
        assert_eq!(f.title.as_deref(), Some("Moon base opens"));
        assert_eq!(f.authors, vec!["Harriet Cole", "Tomasz Wrona"]);
        assert_eq!(f.published.as_deref(), Some("2024-06-12T08:15:00+01:00"));
        assert_eq!(f.modified.as_deref(), Some("2024-06-12T11:42:00+01:00"));
        assert_eq!(f.site_name.as_deref(), Some("Meridian"));
        assert_eq!(f.tags, vec!["a", "b"]);
    }

    #[test]
    fn graph_with_id_references() {
        let f = read(&[
            r##"{"@graph":[{"@type":"WebSite","@id":"#w","name":"The Slow Kettle"},
            {"@type":"Person","@id":"#p","name":"Maren Holt"},
            {"@type":["Article"],"headline":"Sourdough","author":{"@id":"#p"},"datePublished":"2024-03-05"}]}"##,
        ]);
        assert_eq!(f.authors, vec!["Maren Holt"]);
        assert_eq!(f.site_name.as_deref(), Some("The Slow Kettle"));
        assert_eq!(f.published.as_deref(), Some("2024-03-05"));
    }

    #[test]
    fn breadcrumb_list_names_the_section() {
        let f = read(
            &[r#"[{"@type":"NewsArticle","headline":"Kelby wins the cup"},
            {"@type":"BreadcrumbList","itemListElement":[
            {"@type":"ListItem","position":3,"name":"Kelby wins the cup"},
            {"@type":"ListItem","position":1,"item":{"@id":"/","name":"Home"}},
            {"@type":"ListItem","position":2,"item":{"@id":"/sport","name":"Sport"}}]}]"#],
        );
        assert_eq!(f.breadcrumb.as_deref(), Some("Sport"));
        assert_eq!(f.section, None);
    }

    #[test]
    fn invalid_json_is_tolerated() {
        let f = read(&[
            "<!--\n{\"@type\":\"BlogPosting\",\"headline\":\"Line\nbreak\",\"datePublished\":\"2020-01-02\",}\n-->",
        ]);
        assert_eq!(f.title.as_deref(), Some("Line break"));
        assert_eq!(f.published.as_deref(), Some("2020-01-02"));
    }

    #[test]
    fn arrays_and_webpage_fallback() {
        let f = read(&[
            r#"[{"@type":"Organization","name":"X"},{"@type":"WebPage","name":"Page","datePublished":"2021-05-06"}]"#,
        ]);
        assert_eq!(f.published.as_deref(), Some("2021-05-06"));
        let none = read(&["not json at all"]);
        assert_eq!(none.title, None);
    }

    #[test]
    fn entities_in_strings() {
        assert_eq!(decode_entities("Tom &amp; Jerry&#8217;s"), "Tom & Jerry’s");
        assert_eq!(decode_entities("a & b"), "a & b");
    }
}
