//! A pre-pass over the HTML text before the parser sees it: strips what is never content and
//! guards against pathological nesting.
//!
//! Half the bytes of a typical news page are the bodies of `<script>` and `<style>` elements;
//! the tokenizer would read them character by character only for us to drop them, so their
//! bodies are cut here (JSON-LD scripts are kept: metadata reads them), as are comments.
//!
//! The tokenizer also walks every attribute character by character, and most attribute bytes
//! (`data-*` payloads, event handlers, `srcset` lists, SVG path data) are read by nothing
//! downstream. Start tags are read here the way the tokenizer reads them and rewritten without
//! the attributes outside [`kept_attribute`]; the attributes kept keep their order and spelling,
//! so the parser sees the same elements with the same values for every attribute anything reads.
//! The kept names the tree builder never looks at (`class`, `href`, `src`...) are written as
//! one-letter codes ([`ATTRIBUTE_CODES`]), which [`crate::dom::Dom::parse_prepared`] writes back:
//! the tokenizer reads names one character at a time.
//!
//! The tokenizer reads a run of text in one step unless it starts with a line feed, which it
//! hands to the tree builder alone, as a token of its own: the indentation between tags
//! (`>\n    <`) costs two tokens. Such a run of white space after a tag is written with its
//! line feed and its first space or tab swapped (`> \n   <`): the same white space, one token.
//! Nothing downstream tells the two apart (white space is collapsed outside `<pre>`); from the
//! first `<pre>`, `<listing>` or `<plaintext>` on, where white space is kept as written,
//! nothing is moved.
//!
//! In the document's head (up to the first tag or text that belongs to the body, see
//! [`HEAD`]), the white space between tags, the (cut) scripts and styles and the links nothing
//! reads go whole: nothing reads the head but its title, metadata, JSON-LD and some links.
//!
//! html5ever's tree builder is quadratic in nesting depth (100,000 nested `<div>`s take half a
//! minute), and no real page nests deeper than a few hundred elements. The same scan estimates
//! the depth; only when it exceeds the limit is the text rewritten again, with the start and end
//! tags beyond the limit removed (their text is kept).

use std::borrow::Cow;

/// Elements that never hold children, or whose end tag is implied by a sibling: they do not add
/// to the depth estimate.
const FLAT: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "keygen", "p", "li", "dt", "dd", "option", "tr", "td", "th", "tbody", "thead",
    "!doctype", "html", "head", "body",
];

/// The elements of a document's head. From the start of the text up to the first other tag
/// (`<body>`, `<div>`...) or the first text that is not white space, html5ever puts these
/// elements in `<head>` (after `</head>` too) and white space in `<head>` or `<html>`, where
/// nothing reads white space and the metadata reads scripts only for JSON-LD: there the
/// white space between tags, the cut scripts and styles and the links nothing reads
/// ([`is_unread_link`]) are dropped whole, saving the parser a token each.
const HEAD: &[&str] = &[
    "!doctype", "html", "head", "meta", "link", "script", "style", "title", "base", "noscript",
];

/// Elements that break the text flow (blocks), or hold no text. `block-white-space`: the white
/// space after the start or end tag of one of these goes when the text goes on with the start
/// tag of one of [`BREAKS`] before any text ([`starts_break`]: `</p>\n  <p>`,
/// `</li>\n</ul>\n<div>`, `<ul>\n<li>`), saving the parser a token and the tree a node each.
/// White space next to an inline element (`<b>x</b> <i>y</i>`) or before text stays, and from
/// the first `<pre>` on nothing is dropped.
const BLOCKS: &[&str] = &[
    "div", "p", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td",
    "th", "section", "article", "header", "footer", "nav", "aside", "main", "figure", "form", "h1",
    "h2", "h3", "h4", "h5", "h6", "script", "style", "noscript", "meta", "link", "hr", "iframe",
    "select", "option",
];

/// The blocks at whose start every reader of text across elements puts a separator, so the
/// white space before them says nothing: the block walk and the lead's sentences (at every
/// block), the date lines (at every element but inline formatting), `metadata::node_text` (at
/// these, among others).
const BREAKS: &[&str] = &["div", "p", "li", "td", "h1", "h2", "h3", "address"];

/// Whether white space starts at `pos` and, past it, the text goes on with the start tag of
/// one of [`BREAKS`] before any text: only white space, end tags of [`BLOCKS`] and start tags
/// of [`CONTAINERS`] in between (`\n</ul>\n<div>`, `\n<ul>\n<li>`).
fn starts_break(bytes: &[u8], pos: usize) -> bool {
    if !bytes.get(pos).copied().is_some_and(is_html_space) {
        return false;
    }
    let mut at = pos;
    // A bound on the look ahead: a real page's chain is a few tags long.
    for _ in 0..16 {
        at += bytes[at..]
            .iter()
            .take_while(|&&b| is_html_space(b))
            .count();
        if bytes.get(at) != Some(&b'<') {
            return false;
        }
        let name = tag_name_at(bytes, at);
        let close = bytes.get(at + 1) == Some(&b'/');
        if !close && in_list_bytes(name, &BREAK_KEYS) {
            return true;
        }
        let passes = if close {
            in_list_bytes(name, &BLOCK_KEYS)
        } else {
            in_list_bytes(name, &CONTAINER_KEYS)
        };
        if !passes {
            return false;
        }
        match start_tag_end(bytes, at) {
            Some(end) => at = end,
            None => return false,
        }
    }
    false
}

/// After the `>` that ends the tag at `start`, skipping quoted values.
fn start_tag_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut at = start + 1;
    loop {
        let i = at + memchr::memchr3(b'>', b'"', b'\'', bytes.get(at..)?)?;
        match bytes[i] {
            b'>' => return Some(i + 1),
            quote => at = i + 2 + memchr::memchr(quote, bytes.get(i + 1..)?)?,
        }
    }
}

/// Blocks that hold other blocks rather than text: the look ahead of [`starts_break`] passes
/// their start tags.
const CONTAINERS: &[&str] = &[
    "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr", "section", "article", "header",
    "footer", "nav", "aside", "main", "figure", "form",
];

/// Elements whose content is raw text: tags inside them are not tags.
const RAW: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "noscript", "iframe",
];

enum Token<'a> {
    Open { name: &'a str, end: usize },
    Close { name: &'a str, end: usize },
    Skip { end: usize },
}

/// Prepares HTML for the parser: script and style bodies (but JSON-LD) and comments cut, and
/// nesting deeper than `max_depth` flattened.
pub fn prepare(html: &str, max_depth: usize) -> Cow<'_, str> {
    let (stripped, depth) = strip_raw_bodies(html);
    if depth <= max_depth {
        return stripped;
    }
    Cow::Owned(flatten(&stripped, max_depth))
}

/// Cuts the bodies of `<script>` (except JSON-LD) and `<style>` elements and comments; returns
/// the text and its estimated nesting depth.
fn strip_raw_bodies(html: &str) -> (Cow<'_, str>, usize) {
    let mut out = String::new();
    let mut copied = 0;
    let mut depth = 0usize;
    let mut deepest = 0usize;
    let mut pos = 0;
    // Where the last start or end tag ended, and whether indentation may still be rewritten.
    let mut tag_end = usize::MAX;
    let mut verbatim = false;
    // Whether everything so far is the document's head (see [`HEAD`]).
    let mut head = true;
    // Where the last start or end tag of a [`BLOCKS`] element ended.
    let mut block_end = usize::MAX;
    loop {
        if pos == block_end && !verbatim && starts_break(html.as_bytes(), pos) {
            // `block-white-space`.
            let run = html.as_bytes()[pos..]
                .iter()
                .take_while(|&&b| is_html_space(b))
                .count();
            if out.capacity() == 0 {
                out.reserve(html.len());
            }
            out.push_str(&html[copied..pos]);
            copied = pos + run;
            pos += run;
        }
        // Where the text before the next tag starts.
        let text_from = pos;
        if pos == tag_end
            && !verbatim
            && let Some((space, run_end)) = indentation_after(html.as_bytes(), pos)
        {
            if out.capacity() == 0 {
                out.reserve(html.len() + html.len() / 8);
            }
            out.push_str(&html[copied..pos]);
            out.push_str(&html[space..=space]);
            out.push_str(&html[pos + 1..space]);
            out.push('\n');
            out.push_str(&html[space + 1..run_end]);
            copied = run_end;
            pos = run_end;
        }
        let Some(offset) = memchr::memchr(b'<', &html.as_bytes()[pos..]) else {
            break;
        };
        let start = pos + offset;
        let mut head_tag: &[u8] = b"";
        if head {
            let bytes = html.as_bytes();
            let spaces = bytes[text_from..start].iter().all(|&b| is_html_space(b));
            if !spaces {
                head = false;
            } else {
                head_tag = tag_name_at(bytes, start);
                if bytes[start..].starts_with(b"<!--") || in_list_bytes(head_tag, &HEAD_KEYS) {
                    // `head-white-space`: the white space between head elements goes.
                    if start > text_from {
                        if copied > text_from {
                            // The indentation step already wrote (part of) it.
                            out.truncate(out.len() - (copied - text_from));
                        } else {
                            if out.capacity() == 0 {
                                out.reserve(html.len());
                            }
                            out.push_str(&html[copied..text_from]);
                        }
                        copied = start;
                    }
                } else {
                    head = false;
                }
            }
        }
        let (out_mark, copied_mark) = (out.len(), copied);
        // A start tag is read once, by `drop_unread_attributes`; anything else by `token`.
        let tag = match drop_unread_attributes(html, start, &mut out, &mut copied) {
            Some(end) => start_tag(html, start, end),
            None => token(html, start),
        };
        // `unread-head-link`: a `<link>` in the head that nothing reads goes whole.
        if head
            && head_tag.eq_ignore_ascii_case(b"link")
            && let Token::Open { end, .. } | Token::Skip { end } = tag
            && is_unread_link(&html.as_bytes()[start..end])
        {
            out.truncate(out_mark);
            if out.capacity() == 0 {
                out.reserve(html.len());
            }
            out.push_str(&html[copied_mark..start]);
            copied = end;
            pos = end;
            tag_end = end;
            continue;
        }
        match tag {
            Token::Open { name, end } => {
                // The name packed once for the lists below.
                let key = pack(name.as_bytes()).filter(|_| !name.is_empty());
                let listed = |keys: &[u64]| key.is_some_and(|k| keys.contains(&k));
                if !listed(&FLAT_KEYS) {
                    depth += 1;
                    deepest = deepest.max(depth);
                }
                if !verbatim {
                    verbatim = is_verbatim(name);
                }
                tag_end = end;
                pos = if listed(&RAW_KEYS) {
                    find_end_tag(html, name, end).unwrap_or(html.len())
                } else {
                    end
                };
                if pos == end && listed(&BLOCK_KEYS) {
                    block_end = end;
                }
                if pos == end && key == pack(b"svg") {
                    pos = end_of_drawing(html, end).unwrap_or(end);
                }
                // `unread-head-script`: a cut script or style in the head goes whole, its end
                // tag too.
                if head
                    && is_cut(name, &html[start..end])
                    && let Some(close_end) = end_of_end_tag(html.as_bytes(), pos)
                {
                    if out.capacity() == 0 {
                        out.reserve(html.len());
                    }
                    out.truncate(out_mark);
                    out.push_str(&html[copied_mark..start]);
                    if counts(name) {
                        depth = depth.saturating_sub(1);
                    }
                    copied = close_end;
                    pos = close_end;
                    tag_end = close_end;
                    continue;
                }
                if pos > end && is_cut(name, &html[start..end]) {
                    if out.capacity() == 0 {
                        out.reserve(html.len());
                    }
                    out.push_str(&html[copied..end]);
                    copied = pos;
                }
            }
            Token::Close { name, end } => {
                if counts(name) {
                    depth = depth.saturating_sub(1);
                }
                if in_list(name, &BLOCK_KEYS) {
                    block_end = end;
                }
                tag_end = end;
                pos = end;
            }
            Token::Skip { end } => {
                // A self-closing start tag (`<br/>`), not a comment or a `<` in text.
                if html
                    .as_bytes()
                    .get(start + 1)
                    .is_some_and(u8::is_ascii_alphabetic)
                {
                    tag_end = end;
                }
                if html.as_bytes()[start..].starts_with(b"<!--") {
                    if out.capacity() == 0 {
                        out.reserve(html.len());
                    }
                    out.push_str(&html[copied..start]);
                    copied = end;
                }
                pos = end.max(start + 1);
            }
        }
    }
    if copied == 0 {
        return (Cow::Borrowed(html), deepest);
    }
    out.push_str(&html[copied..]);
    (Cow::Owned(out), deepest)
}

/// Elements whose white space is kept as written (and after whose start tag the tree builder
/// drops one line feed).
fn is_verbatim(name: &str) -> bool {
    ["pre", "listing", "plaintext"]
        .iter()
        .any(|v| v.eq_ignore_ascii_case(name))
}

/// At `pos`, just after a tag: a run of white space (line feeds, spaces, tabs) that starts with
/// a line feed and holds a space or tab. Returns the position of its first space or tab and the
/// run's end.
fn indentation_after(bytes: &[u8], pos: usize) -> Option<(usize, usize)> {
    if bytes.get(pos) != Some(&b'\n') {
        return None;
    }
    let run = bytes.get(pos..)?;
    let len = run
        .iter()
        .take_while(|b| matches!(b, b' ' | b'\t' | b'\n'))
        .count();
    let space = pos + run[..len].iter().position(|&b| b != b'\n')?;
    Some((space, pos + len))
}

/// True for the attributes something downstream reads (metadata, cleaning, rendering), or that
/// change how html5ever builds the tree (`type` of `<input>` in tables; `color`, `face`, `size`
/// of `<font>` inside SVG; `encoding` of MathML's `<annotation-xml>`). `name` is ASCII
/// lowercase, as the tokenizer makes it.
pub(crate) fn kept_attribute(name: &[u8]) -> bool {
    matches!(
        name,
        b"class"
            | b"id"
            | b"role"
            | b"href"
            | b"src"
            | b"alt"
            | b"lang"
            | b"xml:lang"
            | b"content"
            | b"value"
            | b"property"
            | b"name"
            | b"http-equiv"
            | b"charset"
            | b"rel"
            | b"type"
            | b"itemprop"
            | b"itemscope"
            | b"itemtype"
            | b"datetime"
            | b"pubdate"
            | b"hidden"
            | b"aria-hidden"
            | b"style"
            | b"data-src"
            | b"data-original"
            | b"data-lazy-src"
            | b"color"
            | b"face"
            | b"size"
            | b"encoding"
    )
}

/// Short names written for kept attributes that html5ever's tree builder never looks at, and
/// the names they stand for: the tokenizer reads attribute names one character at a time (the
/// costliest input per byte), and `class`, `href`, `src` are on most tags. The DOM builder
/// ([`crate::dom::Dom::parse_prepared`]) writes the full names back, so every element keeps the
/// same attributes, values and order. A code is a single letter that no kept attribute is named
/// (the prescan drops every other attribute, so no page attribute can be mistaken for a code);
/// the names html5ever reads (`type`, `color`, `face`, `size`, `encoding`, `charset`,
/// `http-equiv`, `content`, `xml:lang`) keep their spelling, as do names without a static atom
/// in html5ever (`pubdate`, `data-*`).
#[cfg_attr(not(test), allow(dead_code))] // the table the two `match`es are tested against
pub(crate) const ATTRIBUTE_CODES: &[(u8, &str)] = &[
    (b'c', "class"),
    (b'i', "id"),
    (b'r', "role"),
    (b'h', "href"),
    (b's', "src"),
    (b'a', "alt"),
    (b'l', "lang"),
    (b'v', "value"),
    (b'p', "property"),
    (b'n', "name"),
    (b'e', "rel"),
    (b'm', "itemprop"),
    (b'o', "itemscope"),
    (b't', "itemtype"),
    (b'd', "datetime"),
    (b'x', "hidden"),
    (b'y', "aria-hidden"),
    (b'z', "style"),
];

/// The code of a lowercase attribute name in [`ATTRIBUTE_CODES`] (a `match`, which compiles
/// to a few comparisons; a test checks it against the table).
fn attribute_code(name: &[u8]) -> Option<u8> {
    Some(match name {
        b"class" => b'c',
        b"id" => b'i',
        b"role" => b'r',
        b"href" => b'h',
        b"src" => b's',
        b"alt" => b'a',
        b"lang" => b'l',
        b"value" => b'v',
        b"property" => b'p',
        b"name" => b'n',
        b"rel" => b'e',
        b"itemprop" => b'm',
        b"itemscope" => b'o',
        b"itemtype" => b't',
        b"datetime" => b'd',
        b"hidden" => b'x',
        b"aria-hidden" => b'y',
        b"style" => b'z',
        _ => return None,
    })
}

/// The longest name in [`kept_attribute`]: longer names are dropped without a look.
const LONGEST_KEPT: usize = 13;

/// Reads the start tag at `start` (a `<` followed by a letter) as html5ever's tokenizer does and,
/// when it has attributes outside [`kept_attribute`], writes it to `out` without them (the text
/// before it from `copied` first) and moves `copied` past it. Returns the position after its `>`,
/// or `None` when `start` holds no start tag or the text ends inside it (the tokenizer drops such
/// a tag; it is left as it is).
fn drop_unread_attributes(
    html: &str,
    start: usize,
    out: &mut String,
    copied: &mut usize,
) -> Option<usize> {
    fn is_space(b: u8) -> bool {
        matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
    }
    let bytes = html.as_bytes();
    if !bytes.get(start + 1)?.is_ascii_alphabetic() {
        return None;
    }
    let mut i = start + 1;
    while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'/' && bytes[i] != b'>' {
        i += 1;
    }
    // While nothing is dropped the tag stays in the text; `kept_until` is where its unchanged
    // beginning ends.
    let mut kept_until = i;
    let mut rewriting = false;
    let mut self_closing = false;
    loop {
        while i < bytes.len() && is_space(bytes[i]) {
            i += 1;
        }
        match *bytes.get(i)? {
            b'>' => {
                i += 1;
                break;
            }
            b'/' => {
                if bytes.get(i + 1) == Some(&b'>') {
                    self_closing = true;
                    i += 2;
                    break;
                }
                i += 1;
                continue;
            }
            _ => {}
        }
        // An attribute name: its first character may be anything (even `=`).
        let name_start = i;
        i += 1;
        while i < bytes.len() && !is_space(bytes[i]) && !matches!(bytes[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        let name = &bytes[name_start..i];
        let mut attr_end = i;
        let mut j = i;
        while j < bytes.len() && is_space(bytes[j]) {
            j += 1;
        }
        if bytes.get(j) == Some(&b'=') {
            j += 1;
            while j < bytes.len() && is_space(bytes[j]) {
                j += 1;
            }
            attr_end = match *bytes.get(j)? {
                quote @ (b'"' | b'\'') => j + 2 + memchr::memchr(quote, &bytes[j + 1..])?,
                // `name=>`: an empty value, and the tag ends.
                b'>' => j,
                _ => {
                    let mut k = j;
                    while k < bytes.len() && !is_space(bytes[k]) && bytes[k] != b'>' {
                        k += 1;
                    }
                    k
                }
            };
            i = attr_end;
        }
        let mut lower = [0u8; LONGEST_KEPT];
        let lower = (name.len() <= LONGEST_KEPT).then(|| {
            for (l, b) in lower.iter_mut().zip(name) {
                *l = b.to_ascii_lowercase();
            }
            &lower[..name.len()]
        });
        let keep = lower.is_some_and(kept_attribute);
        let code = lower.and_then(attribute_code);
        if let Some(code) = code {
            // A kept attribute with a short code: the tag is rewritten from here on.
            if !rewriting {
                if out.capacity() == 0 {
                    out.reserve(html.len());
                }
                out.push_str(&html[*copied..kept_until]);
                rewriting = true;
            }
            out.push(' ');
            out.push(char::from(code));
            out.push_str(&html[name_start + name.len()..attr_end]);
            continue;
        }
        match (keep, rewriting) {
            (true, false) => kept_until = attr_end,
            (true, true) => {
                out.push(' ');
                out.push_str(&html[name_start..attr_end]);
            }
            (false, false) => {
                if out.capacity() == 0 {
                    out.reserve(html.len());
                }
                out.push_str(&html[*copied..kept_until]);
                rewriting = true;
            }
            (false, true) => {}
        }
    }
    if rewriting {
        // A space keeps a `/` from joining an unquoted value.
        out.push_str(if self_closing { " />" } else { ">" });
        *copied = i;
    }
    Some(i)
}

/// True for elements whose body is never needed: scripts (but JSON-LD), styles, and inline SVG
/// drawings made of shapes only (see [`end_of_drawing`]).
fn is_cut(name: &str, open_tag: &str) -> bool {
    if name.eq_ignore_ascii_case("style") || name.eq_ignore_ascii_case("svg") {
        return true;
    }
    name.eq_ignore_ascii_case("script")
        && !open_tag
            .as_bytes()
            .windows(7)
            .any(|w| w.eq_ignore_ascii_case(b"ld+json"))
}

/// A copy of the text in which start and end tags deeper than `max_depth` are removed.
fn flatten(html: &str, max_depth: usize) -> String {
    let mut out = String::with_capacity(html.len());
    let mut depth = 0usize;
    let mut excess = 0usize;
    let mut copied = 0;
    let mut pos = 0;
    while let Some(offset) = memchr::memchr(b'<', &html.as_bytes()[pos..]) {
        let start = pos + offset;
        match token(html, start) {
            Token::Open { name, end } if counts(name) => {
                if depth >= max_depth {
                    out.push_str(&html[copied..start]);
                    copied = end;
                    excess += 1;
                } else {
                    depth += 1;
                }
                pos = skip_raw(html, name, end);
            }
            Token::Close { name, end } if counts(name) => {
                if excess > 0 {
                    out.push_str(&html[copied..start]);
                    copied = end;
                    excess -= 1;
                } else {
                    depth = depth.saturating_sub(1);
                }
                pos = end;
            }
            Token::Open { name, end } => pos = skip_raw(html, name, end),
            Token::Close { end, .. } | Token::Skip { end } => pos = end,
        }
    }
    out.push_str(&html[copied..]);
    out
}

fn counts(name: &str) -> bool {
    !in_list(name, &FLAT_KEYS)
}

/// The longest name in [`FLAT`] and [`RAW`]: a tag name packs into one `u64`.
const LONGEST: usize = 8;

/// `name` ASCII-lowercased and packed into a `u64` (little-endian, zero-padded); `None` when it
/// is longer than [`LONGEST`]. Tag names hold no NUL byte, so distinct names pack differently.
const fn pack(name: &[u8]) -> Option<u64> {
    if name.len() > LONGEST {
        return None;
    }
    let mut key = 0u64;
    let mut i = 0;
    while i < name.len() {
        key |= (name[i].to_ascii_lowercase() as u64) << (8 * i);
        i += 1;
    }
    Some(key)
}

/// The packed names of a list, for `N` = its length (a name longer than [`LONGEST`] would pack
/// as 0 and never match: a test checks the lists).
const fn packed<const N: usize>(list: &[&str]) -> [u64; N] {
    let mut keys = [0u64; N];
    let mut i = 0;
    while i < N && i < list.len() {
        if let Some(key) = pack(list[i].as_bytes()) {
            keys[i] = key;
        }
        i += 1;
    }
    keys
}

const FLAT_KEYS: [u64; FLAT.len()] = packed(FLAT);
const HEAD_KEYS: [u64; HEAD.len()] = packed(HEAD);
const BLOCK_KEYS: [u64; BLOCKS.len()] = packed(BLOCKS);
const BREAK_KEYS: [u64; BREAKS.len()] = packed(BREAKS);
const CONTAINER_KEYS: [u64; CONTAINERS.len()] = packed(CONTAINERS);
const RAW_KEYS: [u64; RAW.len()] = packed(RAW);

/// True when `name` is one of the packed names `keys` (ASCII case-insensitive): one
/// comparison of integers per listed name.
fn in_list(name: &str, keys: &[u64]) -> bool {
    in_list_bytes(name.as_bytes(), keys)
}

fn in_list_bytes(name: &[u8], keys: &[u64]) -> bool {
    !name.is_empty() && pack(name).is_some_and(|key| keys.contains(&key))
}

/// White space as HTML has it (no-break space is text).
fn is_html_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// The name of the start or end tag at `start` (a `<`), as [`token`] reads it; empty when
/// there is none.
fn tag_name_at(bytes: &[u8], start: usize) -> &[u8] {
    let mut from = start + 1;
    if bytes.get(from) == Some(&b'/') {
        from += 1;
    }
    let rest = bytes.get(from..).unwrap_or_default();
    let len = rest
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b'!')
        .count();
    &rest[..len]
}

/// After the end tag that starts at `at` (`</script ...>`); `None` when it never closes.
fn end_of_end_tag(bytes: &[u8], at: usize) -> Option<usize> {
    memchr::memchr(b'>', bytes.get(at..)?).map(|e| at + e + 1)
}

/// True for a `<link>` tag (its text from `<` to `>`) that nothing reads: none of the words of
/// [`crate::metadata::scan::READ_LINK_WORDS`] anywhere in it (in any case), and no character
/// reference (`&`) that could spell one.
fn is_unread_link(tag: &[u8]) -> bool {
    if tag.contains(&b'&') {
        return false;
    }
    let lower = tag.to_ascii_lowercase();
    !crate::metadata::scan::READ_LINK_WORDS
        .iter()
        .any(|word| memchr::memmem::find(&lower, word.as_bytes()).is_some())
}

/// The shapes of SVG drawings, which hold no text: an `<svg>` body made of these tags (and white
/// space) only is cut. Anything else keeps the body whole: `<title>` often names an icon inside a
/// caption, `<text>` and `<foreignObject>` hold text, and an HTML element (`<p>`, `<div>`...) ends
/// the drawing in the parser and carries on as HTML.
const SVG_SHAPES: &[&[u8]] = &[
    b"path",
    b"g",
    b"circle",
    b"rect",
    b"line",
    b"polyline",
    b"polygon",
    b"ellipse",
    b"defs",
    b"use",
    b"symbol",
    b"lineargradient",
    b"radialgradient",
    b"stop",
    b"clippath",
    b"mask",
    b"pattern",
];

/// Where the body of the `<svg>` whose start tag ends at `end` closes, when that body is
/// [`SVG_SHAPES`] only (often the bulk of an icon's markup); `None` otherwise, or for an `<svg>`
/// never closed.
fn end_of_drawing(html: &str, end: usize) -> Option<usize> {
    let close = find_end_tag(html, "svg", end)?;
    let body = &html.as_bytes()[end..close];
    let mut pos = 0;
    while pos < body.len() {
        let lt = memchr::memchr(b'<', &body[pos..]).map_or(body.len(), |o| pos + o);
        if !body[pos..lt].iter().all(u8::is_ascii_whitespace) {
            return None;
        }
        if lt == body.len() {
            break;
        }
        let name_start = if body.get(lt + 1) == Some(&b'/') {
            lt + 2
        } else {
            lt + 1
        };
        let name_len = body[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let name = &body[name_start..name_start + name_len];
        if !SVG_SHAPES.iter().any(|s| s.eq_ignore_ascii_case(name)) {
            return None;
        }
        // A `>` inside a quoted value ends the tag early here: what follows is then checked as
        // text and tags, which can only keep more.
        pos = memchr::memchr(b'>', &body[lt..]).map(|o| lt + o + 1)?;
    }
    Some(close)
}

/// After a start tag of a raw-text element, jumps to its end tag (matched case-insensitively).
fn skip_raw(html: &str, name: &str, end: usize) -> usize {
    if !in_list(name, &RAW_KEYS) {
        return end;
    }
    find_end_tag(html, name, end).unwrap_or(html.len())
}

/// The position of the first `</name` (matched case-insensitively) at or after `from`.
fn find_end_tag(html: &str, name: &str, from: usize) -> Option<usize> {
    let bytes = html.as_bytes();
    let mut pos = from;
    while let Some(offset) = memchr::memmem::find(bytes.get(pos..)?, b"</") {
        let at = pos + offset;
        let candidate = &bytes[at + 2..];
        if candidate.len() >= name.len()
            && candidate[..name.len()].eq_ignore_ascii_case(name.as_bytes())
        {
            return Some(at);
        }
        pos = at + 2;
    }
    None
}

/// The start tag at `start` that [`drop_unread_attributes`] read up to `end` (just after its
/// `>`), told apart as [`token`] does: `Skip` when the first `>` follows a `/`.
fn start_tag(html: &str, start: usize, end: usize) -> Token<'_> {
    let bytes = html.as_bytes();
    let name_start = start + 1;
    let tag = bytes.get(name_start..end).unwrap_or_default();
    let name_len = tag
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b'!')
        .count();
    let name = html.get(name_start..name_start + name_len).unwrap_or("");
    // The first `>`, which may sit inside a quoted value before the tag's real end.
    let gt = memchr::memchr(b'>', tag).map_or(end, |e| name_start + e + 1);
    if gt >= 2 && bytes.get(gt - 2) == Some(&b'/') {
        Token::Skip { end }
    } else {
        Token::Open { name, end }
    }
}

/// Reads the tag at `start` (which holds `<`).
fn token(html: &str, start: usize) -> Token<'_> {
    let bytes = html.as_bytes();
    let after = start + 1;
    if bytes[after..].starts_with(b"!--") {
        let end =
            memchr::memmem::find(&bytes[after..], b"-->").map_or(bytes.len(), |e| after + e + 3);
        return Token::Skip { end };
    }
    let close = bytes.get(after) == Some(&b'/');
    let name_start = if close { after + 1 } else { after };
    let name_len = bytes[name_start.min(bytes.len())..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b'!')
        .count();
    if name_len == 0 {
        return Token::Skip { end: after };
    }
    let name = &html[name_start..name_start + name_len];
    let gt = memchr::memchr(b'>', &bytes[name_start..]).map_or(bytes.len(), |e| name_start + e + 1);
    if close {
        Token::Close { name, end: gt }
    } else if gt >= 2 && bytes.get(gt - 2) == Some(&b'/') {
        Token::Skip { end: gt }
    } else {
        Token::Open { name, end: gt }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn estimated_depth(html: &str) -> usize {
        strip_raw_bodies(html).1
    }

    #[test]
    fn indentation_keeps_its_white_space_with_the_line_feed_moved() {
        assert_eq!(
            prepare("<span>\n    <em>a</em>\n\t</span>\n<em>b\n  c</em>", 100),
            "<span> \n   <em>a</em>\t\n</span>\n<em>b\n  c</em>"
        );
        // Whatever follows the white space.
        for (html, prepared) in [
            ("<p>\n  text", "<p> \n text"),
            ("<p>\n\n\t< 3", "<p>\t\n\n< 3"),
            ("<p>\n  <!-- c -->x", "<p> \n x"),
            ("<p>\n  ", "<p> \n "),
        ] {
            assert_eq!(prepare(html, 100), prepared);
        }
        // Line feeds alone, or white space not after a tag, stay as written.
        for html in [
            "<p>\n\n<b>",
            "<p>a\n  <b>",
            "a < b\n  c",
            "<!-- c -->\n  <b>",
        ] {
            assert_eq!(prepare(html, 100), html.replace("<!-- c -->", ""));
        }
        // From the first `<pre>` on, white space is kept as written.
        assert_eq!(
            prepare(
                "<div>\n  <pre>\n  <b>x</b>\n  </pre>\n  <p>y</p></div>",
                100
            ),
            "<div> \n <pre>\n  <b>x</b>\n  </pre>\n  <p>y</p></div>"
        );
        assert_eq!(
            prepare("<br/>\n  <P>x</P>\n <LISTING>\n <b>", 100),
            "<br/> \n <P>x</P> \n<LISTING>\n <b>"
        );
    }

    /// The parser builds the same elements from indentation with its line feed moved, with
    /// the same white space in each text node (in another order).
    #[test]
    fn moved_indentation_gives_the_same_tree() {
        use crate::dom::Dom;
        let html = "<body>\n    <span>\n      <b>a</b>\n    </span>\n    <em>\n      <i>b</i>\n    </em>\n    <pre>\n  <b>c</b>\n</pre>\n  </body>\n</html>";
        let before = Dom::parse(html);
        let after = Dom::parse_prepared(&prepare(html, 100));
        assert_eq!(before.len(), after.len());
        let sorted = |text: Option<&str>| {
            let mut chars: Vec<char> = text.unwrap_or("").chars().collect();
            chars.sort_unstable();
            chars
        };
        for id in before.ids() {
            assert_eq!(before.tag_name(id), after.tag_name(id));
            assert_eq!(sorted(before.text(id)), sorted(after.text(id)));
        }
        let pre = after.find(crate::dom::Tag::Pre).expect("pre");
        assert_eq!(after.text_content(pre), "  c\n");
    }

    #[test]
    fn tag_lists_pack_and_match_without_case() {
        for name in FLAT.iter().chain(RAW) {
            assert!(pack(name.as_bytes()).is_some(), "{name}");
        }
        assert!(in_list("SCRIPT", &RAW_KEYS) && in_list("Style", &RAW_KEYS));
        assert!(!in_list("scripts", &RAW_KEYS) && !in_list("", &RAW_KEYS));
        assert!(!counts("!DOCTYPE") && !counts("br") && counts("div"));
        assert!(counts("blockquote"));
    }

    #[test]
    fn script_and_style_bodies_and_comments_are_cut() {
        let html = "<body><style>p{color:red}</style><script>var a = '<p>';</script><script type=\"application/ld+json\">{\"a\":1}</script><!-- note --><p>x</p></body>";
        let out = prepare(html, 100);
        assert_eq!(
            out,
            "<body><style></style><script></script><script type=\"application/ld+json\">{\"a\":1}</script><p>x</p></body>"
        );
    }

    #[test]
    fn unclosed_script_cuts_to_the_end() {
        assert_eq!(
            prepare("<p>a</p><script>never closed <p>b", 100),
            "<p>a</p><script>"
        );
    }

    #[test]
    fn ordinary_pages_pass_unchanged() {
        let html = "<html><body><div><p>a<p>b</div><br><input type=text><script></script></body>";
        assert!(matches!(prepare(html, 10), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_is_flattened_and_text_kept() {
        let html = format!("{}deep text{}", "<div>".repeat(1000), "</div>".repeat(1000));
        let flat = prepare(&html, 50);
        assert_eq!(estimated_depth(&flat), 50);
        assert!(flat.contains("deep text"));
    }

    #[test]
    fn unclosed_deep_nesting_is_flattened() {
        let html = format!("{}<p>text", "<span><b>".repeat(5000));
        let flat = prepare(&html, 100);
        assert!(estimated_depth(&flat) <= 100);
        assert!(flat.ends_with("<p>text"));
    }

    #[test]
    fn truncated_tags_do_not_panic() {
        for html in [
            "<",
            "<div",
            "</",
            "<!--",
            "<di<v>",
            "<script>never closed",
            "é<é>",
        ] {
            let _ = prepare(html, 1);
            let _ = flatten(html, 1);
        }
    }

    /// The prepared text, with the attribute codes written back as their names (a code is a
    /// space, a letter of [`ATTRIBUTE_CODES`], then `=`, a space, `/` or `>`, inside a tag).
    fn attrs_dropped(html: &str) -> String {
        let prepared = prepare(html, 100);
        let b = prepared.as_bytes();
        let mut out = Vec::new();
        let (mut in_tag, mut quote) = (false, None);
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            if in_tag {
                if let Some(q) = quote {
                    if c == q {
                        quote = None;
                    }
                } else if c == b'"' || c == b'\'' {
                    quote = Some(c);
                } else if c == b'>' {
                    in_tag = false;
                } else if c == b' '
                    && let Some(&(_, name)) = ATTRIBUTE_CODES
                        .iter()
                        .find(|(code, _)| b.get(i + 1) == Some(code))
                    && b.get(i + 2).is_none_or(|n| b"= />".contains(n))
                {
                    out.push(b' ');
                    out.extend_from_slice(name.as_bytes());
                    i += 2;
                    continue;
                }
            } else if c == b'<' {
                in_tag = true;
            }
            out.push(c);
            i += 1;
        }
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn unread_attributes_are_dropped_and_read_ones_kept_in_order() {
        assert_eq!(
            attrs_dropped(
                "<div data-track=\"x\" class=\"a b\" onclick='go()' id=main>t</div><a href=/x rel=author target=_blank>l</a>"
            ),
            "<div class=\"a b\" id=main>t</div><a href=/x rel=author>l</a>"
        );
        // Nothing to drop and no name to code: the page is not copied.
        assert!(matches!(
            prepare("<p type=x content='y' pubdate>t</p>", 100),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn quoted_values_may_hold_gt_and_lt() {
        assert_eq!(
            attrs_dropped("<img alt=\"a > b\" data-x='<script>' src=\"c>d\"><p>after</p>"),
            "<img alt=\"a > b\" src=\"c>d\"><p>after</p>"
        );
        // A `<script>` inside a value is not a script: nothing after it is cut.
        assert_eq!(
            attrs_dropped("<a title=\"x > <script>\" data-y=1>k</a><p>kept</p>"),
            "<a>k</a><p>kept</p>"
        );
    }

    #[test]
    fn unquoted_values_and_self_closing_slashes() {
        // An unquoted value runs to a space or `>`: `/` belongs to it.
        assert_eq!(attrs_dropped("<br class=x data-a=1/>"), "<br class=x>");
        // A real self-closing slash stays apart from the last value.
        assert_eq!(
            attrs_dropped("<path class=x d=\"M0 0L1 1\" />"),
            "<path class=x />"
        );
        assert_eq!(
            attrs_dropped("<img src=a.png data-b=2/ alt=t>"),
            "<img src=a.png alt=t>"
        );
        // `name=>`: an empty value ends the tag.
        assert_eq!(attrs_dropped("<p data-a=>x"), "<p>x");
        assert_eq!(attrs_dropped("<p id = \"v\" data-a=>x"), "<p id = \"v\">x");
    }

    #[test]
    fn duplicate_and_uppercase_names() {
        assert_eq!(
            attrs_dropped("<DIV CLASS=a Data-X=1 class=b ID=\"c\" ONCLICK=f>t</DIV>"),
            // Coded names are written in lowercase, as the tokenizer would read them.
            "<DIV class=a class=b id=\"c\">t</DIV>"
        );
        // Every copy of a kept name stays, so the first still wins in the parser.
        assert_eq!(
            attrs_dropped("<p data-a=1 id=first id=second>t"),
            "<p id=first id=second>t"
        );
    }

    #[test]
    fn attributes_without_spaces_or_values() {
        assert_eq!(
            attrs_dropped("<a href=\"x\"data-y=\"1\"class=\"c\" download>k</a>"),
            "<a href=\"x\" class=\"c\">k</a>"
        );
        assert_eq!(attrs_dropped("<a/data-y=\"1\"/class=c>k"), "<a class=c>k");
        // After `/` an unquoted value swallows the rest: `data-y="1/class=c"`.
        assert_eq!(attrs_dropped("<a/data-y=1/class=c>k"), "<a>k");
        // A `<` inside a tag starts an attribute name, as in the tokenizer.
        assert_eq!(attrs_dropped("<p data-a=1 <b>x"), "<p>x");
    }

    #[test]
    fn broken_tags_are_left_as_they_are() {
        for html in [
            "<p data-a=\"never closed",
            "<p data-a=1",
            "<p data-a=",
            "<p data-a",
            "<p data-a ",
            "<p data-a /",
            "<p data-a='x'",
        ] {
            assert_eq!(prepare(html, 100), html);
        }
        // Not start tags: end tags, comments, declarations, `<` in text.
        for html in [
            "</p data-a=1>",
            "<!doctype html data-a=1>",
            "a < b data-a=1 >",
            "<1p data-a=1>",
        ] {
            assert_eq!(prepare(html, 100), html);
        }
    }

    #[test]
    fn json_ld_scripts_keep_their_type_and_body_and_others_are_cut() {
        assert_eq!(
            attrs_dropped(
                "<p><script data-n=1 type=\"application/ld+json\">{}</script><script async src=a.js>x</script>"
            ),
            "<p><script type=\"application/ld+json\">{}</script><script src=a.js></script>"
        );
    }

    /// The parser builds the same tree from the rewritten text, with the same kept attributes.
    #[test]
    fn the_parser_sees_the_same_elements_and_kept_attributes() {
        use crate::dom::Dom;
        for html in [
            "<div data-track=\"x\" class=\"a b\" onclick='go()' id=main>t</div><a href=/x rel=author target=_blank>l</a>",
            "<img alt=\"a > b\" data-x='<script>' src=\"c>d\"><p>after</p>",
            "<a title=\"x > <b>\" data-y=1>k</a><p>kept</p>",
            "<br class=x data-a=1/><p>y",
            "<svg class=x><path class=x d=\"M0 0L1 1\" /><p>z</p></svg>",
            "<img src=a.png data-b=2/ alt=t>",
            "<p data-a=>x<p id = \"v\" data-a=>y",
            "<DIV CLASS=a Data-X=1 class=b ID=\"c\" ONCLICK=f>t</DIV>",
            "<p data-a=1 id=first id=second>t",
            "<a href=\"x\"data-y=\"1\"class=\"c\" download>k</a>",
            "<a/data-y=\"1\"/class=c>k<a/data-y=1/class=c>k",
            "<p data-a=1 <b>x<i =a data-b>y",
            "<table><input type=hidden data-x=1><tr><td>c</table>",
            "<svg><font color=red data-x=1>out</font></svg>",
            "<p>ok<p data-a=\"never closed",
        ] {
            let before = Dom::parse(html);
            let prepared = prepare(html, 100);
            let after = Dom::parse_prepared(&prepared);
            assert_eq!(before.len(), after.len(), "{html} -> {prepared}");
            for id in before.ids() {
                assert_eq!(before.tag_name(id), after.tag_name(id), "{html}");
                assert_eq!(before.text(id), after.text(id), "{html}");
                let kept: Vec<_> = before
                    .attrs(id)
                    .filter(|(name, _)| kept_attribute(name.as_bytes()))
                    .collect();
                assert_eq!(
                    kept,
                    after.attrs(id).collect::<Vec<_>>(),
                    "{html} -> {prepared}"
                );
            }
        }
    }

    #[test]
    fn attribute_codes_are_unread_letters_and_expand_to_their_names() {
        use crate::dom::Dom;
        for &(code, name) in ATTRIBUTE_CODES {
            assert_eq!(attribute_code(name.as_bytes()), Some(code), "{name}");
            assert!(kept_attribute(name.as_bytes()), "{name}");
            assert!(code.is_ascii_lowercase());
            assert!(!kept_attribute(&[code]), "{name}");
            // The DOM builder writes the name back.
            let html = format!("<div {}=v>t</div>", char::from(code));
            let dom = Dom::parse_prepared(&html);
            let div = dom.find(crate::dom::Tag::Div).expect("div");
            assert_eq!(dom.attrs(div).collect::<Vec<_>>(), [(name, "v")]);
        }
        let codes: Vec<u8> = ATTRIBUTE_CODES.iter().map(|&(c, _)| c).collect();
        let mut unique = codes.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), codes.len());
        // A page's own one-letter attribute is dropped, never taken for a code.
        assert_eq!(prepare("<p c=x class=y>t</p>", 100), "<p c=y>t</p>");
        // Without the prescan, a one-letter name is what it says.
        let dom = Dom::parse("<p c=x>t</p>");
        let p = dom.find(crate::dom::Tag::P).expect("p");
        assert_eq!(dom.attrs(p).collect::<Vec<_>>(), [("c", "x")]);
    }

    /// The same article from a page with and without the attribute codes.
    #[test]
    fn attribute_codes_give_the_same_article() {
        use crate::dom::Dom;
        let html = "<html lang=en><head><title>A title here</title><link rel=canonical href=https://example.org/a><meta property=og:title content=\"A title here\"></head><body><nav class=menu><a href=/>Home</a></nav><article class=\"post-body\" id=main itemprop=articleBody><h1>A title here</h1><p style=\"color:red\">The first paragraph of the story says something long enough to keep, with words.</p><p hidden>Hidden text</p><p>The second paragraph has <a href=/more rel=nofollow>a link</a> and more words to read.</p><img src=a.jpg alt=\"A picture\"></article><footer role=contentinfo>Footer</footer></body></html>";
        let options = crate::Options::default();
        let with_codes = crate::extract(html, &options).expect("article");
        let dom = Dom::parse(html);
        let full = Dom::parse_prepared(&prepare(html, 100));
        assert_eq!(dom.len(), full.len());
        for id in dom.ids() {
            assert_eq!(
                dom.attrs(id).collect::<Vec<_>>(),
                full.attrs(id).collect::<Vec<_>>()
            );
        }
        let text = with_codes
            .blocks
            .iter()
            .map(|b| b.text())
            .collect::<Vec<_>>()
            .join("\n");
        assert!(text.contains("The first paragraph"), "{text}");
        assert!(!text.contains("Hidden text"), "{text}");
        assert!(!text.contains("Footer"), "{text}");
        assert_eq!(
            with_codes.metadata.canonical_url.as_deref(),
            Some("https://example.org/a")
        );
    }

    #[test]
    fn head_scripts_styles_unread_links_and_white_space_are_dropped() {
        let html = "<!DOCTYPE html>\n<html>\n<head>\n  <meta charset=utf-8>\n  <script src=a.js></script>\n  <SCRIPT type=\"application/ld+json\">{}</SCRIPT>\n  <link rel=stylesheet href=s.css>\n  <link rel=\"canonical\" href=/c />\n  <link rel=preload href=\"/a&amp;b\">\n  <!-- c -->\n  <style>p{}</style><title>T</title>\n</head>\n<body>\n  <script>x()</script><link rel=stylesheet href=t.css>\n<p>t</p></body></html>";
        assert_eq!(
            attrs_dropped(html),
            "<!DOCTYPE html><html><head><meta charset=utf-8><SCRIPT type=\"application/ld+json\">{}</SCRIPT><link rel=\"canonical\" href=/c /><link rel=preload href=\"/a&amp;b\"><title>T</title></head>\n<body> \n <script></script><link rel=stylesheet href=t.css><p>t</p></body></html>"
        );
        // Text that is not white space ends the head: what follows stays.
        assert_eq!(
            prepare("<html><head>x<script>y</script><link rel=icon href=i>", 100),
            "<html><head>x<script></script><link e=icon h=i>"
        );
        assert!(is_unread_link(b"<link rel=\"stylesheet preload\" href=x>"));
        for read in [
            "<link rel=canonical href=x>",
            "<link REL=ShortLink href=x>",
            "<link rel=image_src href=x>",
            "<link rel=license href=x>",
            "<link rel=\"author\" href=x>",
            "<link itemprop=url href=x>",
            "<link rel=&#99;anonical href=x>",
        ] {
            assert!(!is_unread_link(read.as_bytes()), "{read}");
        }
    }

    /// A page with scripts, styles, stylesheet links and indentation in its head gives the
    /// same article as the page without them.
    #[test]
    fn dropped_head_elements_give_the_same_article() {
        let body = "<body><article><h1>A headline for the story</h1><p>The first paragraph of the story says something long enough to keep, with words and more words.</p><p>The second paragraph adds <a href=/more>a link</a> and another sentence to read.</p></article></body></html>";
        let busy = format!(
            "<!DOCTYPE html>\n<html lang=en>\n  <head>\n    <meta charset=utf-8>\n    <title>A headline for the story</title>\n    <script>var a = '<p>not text</p>';</script>\n    <link rel=stylesheet href=/s.css>\n    <link rel=canonical href=https://example.org/story>\n    <link rel=author href=https://example.org/jane>\n    <style>p {{ color: red }}</style>\n    <script type=application/ld+json>{{\"@type\":\"NewsArticle\",\"author\":{{\"name\":\"Jane Roe\"}},\"datePublished\":\"2024-03-05\"}}</script>\n    <meta property=og:site_name content=Example>\n  </head>\n  {body}"
        );
        let plain = format!(
            "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>A headline for the story</title><link rel=canonical href=https://example.org/story><link rel=author href=https://example.org/jane><script type=application/ld+json>{{\"@type\":\"NewsArticle\",\"author\":{{\"name\":\"Jane Roe\"}},\"datePublished\":\"2024-03-05\"}}</script><meta property=og:site_name content=Example></head>{body}"
        );
        let prepared = prepare(&busy, 100);
        assert!(!prepared.contains("not text") && !prepared.contains("stylesheet"));
        // Only the white space before `<body>` (outside the head) is left of the difference.
        assert_eq!(
            prepared.replace(" \n <body>", "<body>"),
            prepare(&plain, 100)
        );
        let options = crate::Options::default();
        let article = crate::extract(&busy, &options).expect("article");
        assert_eq!(
            format!("{article:?}"),
            format!("{:?}", crate::extract(&plain, &options).expect("article"))
        );
        assert_eq!(
            article.metadata.canonical_url.as_deref(),
            Some("https://example.org/story")
        );
    }

    #[test]
    fn white_space_between_block_tags_is_dropped() {
        assert_eq!(
            prepare(
                "<body>\n<div>\n  <p>a b</p>\n  <p>c</p>\n  <ul> <li><b>x</b> <i>y</i></li>\n</ul>\n</div>\n<span>s</span> <div>t</div>",
                100
            ),
            "<body>\n<div><p>a b</p><p>c</p><ul><li><b>x</b> <i>y</i></li>\n</ul>\n</div>\n<span>s</span> <div>t</div>"
        );
        // Inside `<pre>` and from there on, nothing moves.
        let html = "<div>\n<pre>\n<p>x</p>\n</pre>\n<div>\n</div></div>";
        assert_eq!(
            prepare(html, 100),
            "<div>\n<pre>\n<p>x</p>\n</pre>\n<div>\n</div></div>"
        );
    }

    /// An indented page and the same page without white space between its blocks give the
    /// same article.
    #[test]
    fn dropped_block_white_space_gives_the_same_article() {
        let indented = "<html><body>\n  <header>\n    <nav>\n      <ul>\n        <li><a href=/>Home</a></li>\n        <li><a href=/news>News</a></li>\n      </ul>\n    </nav>\n  </header>\n  <main>\n    <article>\n      <h1>A headline for the story</h1>\n      <div class=byline>\n        <span>By</span> <a href=/jane rel=author>Jane Roe</a>\n      </div>\n      <p>The first paragraph of the story says something long enough to keep, with words.</p>\n      <p>The second paragraph adds <a href=/more>a link</a> and <b>bold</b> <i>words</i> to read.</p>\n      <ul>\n        <li>One point made here.</li>\n        <li>Another point made there.</li>\n      </ul>\n      <table>\n        <tr>\n          <td>cell one</td>\n          <td>cell two</td>\n        </tr>\n      </table>\n    </article>\n  </main>\n  <footer>\n    <p>Footer text</p>\n  </footer>\n</body></html>";
        let compact: String = {
            // The same markup without the white space `block-white-space` drops.
            let mut out = String::new();
            let mut rest = indented;
            while let Some(gt) = rest.find('>') {
                out.push_str(&rest[..=gt]);
                rest = &rest[gt + 1..];
                let trimmed = rest.trim_start_matches([' ', '\n']);
                let before = &out[out.rfind('<').unwrap_or(0)..];
                if trimmed.starts_with('<')
                    && !trimmed.starts_with("</")
                    && in_list_bytes(tag_name_at(before.as_bytes(), 0), &BLOCK_KEYS)
                    && in_list_bytes(tag_name_at(trimmed.as_bytes(), 0), &BREAK_KEYS)
                {
                    rest = trimmed;
                }
            }
            out.push_str(rest);
            out
        };
        assert!(compact.contains("<ul><li>One point made here.</li><li>Another"));
        assert!(compact.contains("<span>By</span> <a"));
        let options = crate::Options::default();
        let article = crate::extract(indented, &options).expect("article");
        assert_eq!(
            format!("{article:?}"),
            format!("{:?}", crate::extract(&compact, &options).expect("article"))
        );
        assert!(article.blocks.len() >= 4, "{:?}", article.blocks);
    }

    #[test]
    fn svg_shapes_are_cut_and_svg_text_kept() {
        assert_eq!(
            attrs_dropped(
                "<p><svg class=i viewBox=\"0 0 9 9\"><g><path d=\"M0 0\"/></g></svg>x</p>"
            ),
            "<p><svg class=i></svg>x</p>"
        );
        for html in [
            "<svg><title>Camera Icon</title><path/></svg>",
            "<svg><text>label</text></svg>",
            "<svg><foreignObject><p>html</p></foreignObject></svg>",
            "<svg><path/><p>html ends the drawing</p></svg>",
            "<svg>text<path/></svg>",
            "<svg><path type=\"a>b\"/><b>x</b></svg>",
            "<svg><path/>never closed",
        ] {
            assert_eq!(prepare(html, 100), html);
        }
    }
}
