//! Segmentation: from the saved text to [`Unit`]s — paragraphs, headings, list items, quotes.
//!
//! Takes the whole decoded text; returns the units in order. Detects the dump's style (lynx's
//! `References` list, Markdown-like markup, the wrap width) and joins hard-wrapped lines back
//! into paragraphs: a line was wrapped when the next line's first word would not have fitted
//! on it. Never drops a unit; that is the rules' job.

use super::markup::{self, Syntax};
use std::borrow::Cow;

/// What kind of block a unit is, as its markup says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Running text.
    Paragraph,
    /// A Markdown `#` heading of the given level.
    Heading(u8),
    /// A list item.
    Item {
        /// Numbered (`1.`) rather than bulleted.
        ordered: bool,
        /// Nesting depth from the indentation.
        depth: u8,
    },
    /// A Markdown `>` quote line.
    Quote,
}

/// One paragraph-like piece of the text.
#[derive(Debug, Clone)]
pub struct Unit {
    /// The plain text, white space squeezed, markup removed.
    pub text: String,
    /// Paragraph, heading, list item or quote.
    pub kind: Kind,
    /// Characters inside links.
    pub link_chars: usize,
    /// Links seen.
    pub links: usize,
    /// Images seen, as `(alt, src)`; a bracketed placeholder line gives an empty src.
    pub images: Vec<(String, String)>,
    /// A blank line came before it.
    pub blank_before: bool,
}

#[cfg(test)]
impl Unit {
    /// A plain paragraph unit of `text`, for tests of the rules that read units.
    pub fn paragraph(text: &str) -> Unit {
        Unit {
            text: text.to_string(),
            kind: Kind::Paragraph,
            link_chars: 0,
            links: 0,
            images: Vec::new(),
            blank_before: true,
        }
    }
}

/// Lines longer than this are never wrapped lines: a text made of them was not wrapped.
const MAX_WRAP_WIDTH: usize = 100;
/// Narrowest wrap width looked for.
const MIN_WRAP_WIDTH: usize = 60;
/// Lines shorter than this say nothing about the wrap width.
const MIN_LONG_LINE: usize = 40;
/// Share of long multi-word lines allowed beyond the wrap width (long URLs, tables).
const MAX_OVER_WIDTH_SHARE: f64 = 0.03;
/// Share of long multi-word lines that must end within 8 columns of the wrap width for the
/// text to count as wrapped (a page of wide menus and tables has few of them; a copy from a
/// browser, with lines of any length, has far more lines beyond any width).
const MIN_AT_WIDTH_SHARE: f64 = 0.16;

/// Narrowest column a block of its own may be wrapped at (a table cell, a side box).
const MIN_NARROW_WIDTH: usize = 24;
/// Fewest lines a block needs before its own wrap width is read.
const MIN_NARROW_LINES: usize = 4;
/// Share of a narrow block's line breaks that must look wrapped (the next line's first word
/// would not have fitted) for the block to count as wrapped at its widest line.
const MIN_NARROW_WRAPPED_SHARE: f64 = 0.8;

/// Largest share of a narrow block's lines after the first that may open like a new item,
/// with a capital, a digit or ASCII punctuation (running text goes on mid-sentence, in lower
/// case or in a script without case; a list of names, dates or links opens each line anew).
const MAX_NARROW_ITEM_SHARE: f64 = 0.75;

/// The shape of one line: indentation, list or heading marker, where its content starts.
#[derive(Debug, Clone, Copy)]
struct Shape {
    indent: usize,
    marker: Marker,
    /// Byte offset of the content.
    content: usize,
    /// Column of the content.
    content_column: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    None,
    Bullet,
    Number,
    Heading(u8),
    Quote,
}

/// One line of the text, read once: its trimmed text, shape and length in characters.
struct Line<'a> {
    text: &'a str,
    /// The byte offset of the line in the text.
    start: usize,
    /// The shape (of a non-blank line).
    shape: Shape,
    chars: usize,
    /// Markdown's hard break (two trailing spaces, html2text's `<br>`), read before trimming.
    hard_break: bool,
}

impl<'a> Line<'a> {
    fn new(raw: &'a str, start: usize, markdown: bool) -> Line<'a> {
        // Most lines end in a visible ASCII byte and need no trimming.
        let text = match raw.as_bytes().last() {
            Some(&b) if b > b' ' && b < 0x80 => raw,
            _ => raw.trim_end(),
        };
        let shape = if text.is_empty() {
            BLANK
        } else {
            shape(text, markdown)
        };
        Line {
            text,
            start,
            shape,
            chars: char_count(text),
            hard_break: markdown && raw.trim_end_matches('\r').ends_with("  "),
        }
    }

    fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// The number of characters in `text`: its bytes less the continuation bytes (`10xxxxxx`) of
/// characters outside ASCII, counted eight bytes at a time (a line is too short for the
/// standard library's count to reach its fast loop).
pub fn char_count(text: &str) -> usize {
    const TOP: u64 = 0x8080_8080_8080_8080;
    let bytes = text.as_bytes();
    // Most lines are ASCII: told first, by the top bits of their words or'ed together (the
    // standard library's test reads a short line byte by byte).
    let tail = tail_word(bytes);
    let mut chunks = bytes.chunks_exact(8);
    let top = (&mut chunks).fold(tail, |top, chunk| top | word_of(chunk));
    if top & TOP == 0 {
        return bytes.len();
    }
    let mut chunks = bytes.chunks_exact(8);
    let mut continuation = continuation_bytes(tail);
    for chunk in &mut chunks {
        continuation += continuation_bytes(word_of(chunk));
    }
    bytes.len() - continuation
}

/// One per byte of a word.
const LOW: u64 = 0x0101_0101_0101_0101;

/// The eight bytes of `chunk` as a little-endian word.
fn word_of(chunk: &[u8]) -> u64 {
    u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]))
}

/// The continuation bytes (`10xxxxxx`) in `word`: one bit a byte (top bit set, the next one
/// clear), summed by the product in its top byte.
fn continuation_bytes(word: u64) -> usize {
    let marks = (word >> 7) & !(word >> 6) & LOW;
    (marks.wrapping_mul(LOW) >> 56) as usize
}

/// The bytes `chunks_exact(8)` leaves over at the end of `bytes`, as the low bytes of a word
/// whose other bytes are zero (neither a space nor a continuation byte). A text of eight bytes
/// or more reads them in one load of its last eight bytes, shifted.
fn tail_word(bytes: &[u8]) -> u64 {
    let rest = bytes.len() % 8;
    if rest == 0 {
        return 0;
    }
    if bytes.len() >= 8 {
        return word_of(&bytes[bytes.len() - 8..]) >> (8 * (8 - rest));
    }
    bytes
        .iter()
        .rev()
        .fold(0, |word, &b| (word << 8) | u64::from(b))
}

/// The number of spaces and of characters in `text`: the spaces counted by a vectorised
/// count (a text is long enough for it to pay), the characters by [`char_count`].
pub fn spaces_and_chars(text: &str) -> (usize, usize) {
    let spaces = memchr::memchr_iter(b' ', text.as_bytes()).count();
    (spaces, char_count(text))
}

/// True for the ASCII bytes that are white space to `char::is_whitespace` (tab to carriage
/// return, and space).
fn is_space_byte(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// The characters in the first word of `text` as `split_whitespace` cuts it (0 when there is
/// none), counted up to `cap` (a longer word gives `cap`: the callers only ask whether it
/// fits in some room, and a line of Chinese or a long address is one long word). ASCII is
/// read byte by byte; from a character outside ASCII on, characters are read one by one
/// (`char::is_whitespace` knows the white space outside ASCII).
fn first_word_chars(text: &str, cap: usize) -> usize {
    let bytes = text.as_bytes();
    let mut k = 0;
    while k < bytes.len() && is_space_byte(bytes[k]) {
        k += 1;
    }
    let start = k;
    let stop = bytes.len().min(start.saturating_add(cap));
    while k < stop && bytes[k] < 0x80 && !is_space_byte(bytes[k]) {
        k += 1;
    }
    if k < stop && bytes[k] >= 0x80 {
        // The word goes on (or, when none has begun, white space outside ASCII may come first).
        let mut count = k - start;
        for c in text[k..].chars() {
            if !c.is_whitespace() {
                count += 1;
                if count >= cap {
                    break;
                }
            } else if count > 0 {
                break;
            }
        }
        return count;
    }
    k - start
}

/// True when the first word of `text` does not fit in what a line of `room` characters
/// leaves after `used` characters: `used + words > room`, the word's characters counted no
/// further than the answer needs.
fn overflows(used: usize, text: &str, room: usize) -> bool {
    used > room || used + first_word_chars(text, room - used + 1) > room
}

/// The shape given to blank lines (never read).
const BLANK: Shape = Shape {
    indent: 0,
    marker: Marker::None,
    content: 0,
    content_column: 0,
};

/// Splits `text` into units.
pub fn segment(text: &str) -> Vec<Unit> {
    let text = cut_reference_list(text);
    let syntax = detect_syntax(text);
    // The lines are cut once, for the layout's tests and for reading; a layout undone gives
    // new ones.
    let mut raw = super::layout::lines_of(text);
    let straightened = super::layout::straighten(text, &raw, syntax);
    if let Cow::Owned(straight) = &straightened {
        raw = super::layout::lines_of(straight);
    }
    let mut lines: Vec<Line> = Vec::with_capacity(raw.len());
    let mut start = 0;
    lines.extend(raw.iter().map(|l| {
        let line = Line::new(l, start, syntax.markdown);
        start += l.len() + 1;
        line
    }));
    let page_width = wrap_width(&straightened, &lines);
    let widths = narrow_block_widths(&lines, page_width);
    // At most one unit a line that is not blank: sized once.
    let mut units = Vec::with_capacity(lines.iter().filter(|l| !l.is_blank()).count());
    let mut blank_before = true;
    // The text of a unit of wrapped lines joined, one buffer for all (most units are one line
    // and read their line's text as it is).
    let mut joined = String::new();
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        if line.is_blank() {
            blank_before = true;
            i += 1;
            continue;
        }
        let first = line.shape;
        let width = widths[i];
        let head = &line.text[first.content..];
        let mut is_joined = false;
        let mut last = line;
        i += 1;
        while let Some(next) = lines.get(i) {
            if !continues(last, next, first, width, syntax.markdown)
                && !markdown_continues(last, next, first, syntax.markdown)
            {
                break;
            }
            if !is_joined {
                joined.clear();
                joined.push_str(head);
                is_joined = true;
            }
            let raw = &mut joined;
            let trimmed = if first.marker == Marker::Quote {
                // The quote's next line: its text without the `>`.
                &next.text[next.shape.content..]
            } else {
                next.text.trim_start()
            };
            let end = last.text;
            if (end.ends_with('-') && !end.ends_with(" -") && !end.ends_with("--"))
                || wrapped_without_space(end, trimmed)
            {
                raw.push_str(trimmed);
            } else {
                raw.push('\n');
                raw.push_str(trimmed);
            }
            last = next;
            i += 1;
        }
        let raw = if is_joined { joined.as_str() } else { head };
        units.push(unit(raw, first, syntax, blank_before));
        blank_before = false;
    }
    units
}

fn unit(raw: &str, first: Shape, syntax: Syntax, blank_before: bool) -> Unit {
    let mut inline = markup::read(raw, syntax);
    let kind = match first.marker {
        Marker::None => Kind::Paragraph,
        Marker::Bullet => Kind::Item {
            ordered: false,
            depth: depth(first.indent),
        },
        Marker::Number => Kind::Item {
            ordered: true,
            depth: depth(first.indent),
        },
        Marker::Heading(level) => Kind::Heading(level),
        Marker::Quote => Kind::Quote,
    };
    if inline.images.is_empty() && is_placeholder(&inline.text) {
        let alt = inline.text[1..inline.text.len() - 1].trim().to_string();
        inline.images.push((alt, String::new()));
        inline.text.clear();
    }
    Unit {
        text: inline.text,
        kind,
        link_chars: inline.link_chars,
        links: inline.links,
        images: inline.images,
        blank_before,
    }
}

/// A line that is only a bracketed name, as w3m prints an image: `[vw-concept-6-1]`.
fn is_placeholder(text: &str) -> bool {
    text.len() > 2
        && text.starts_with('[')
        && text.ends_with(']')
        && !text[1..text.len() - 1].contains(['[', ']'])
}

fn depth(indent: usize) -> u8 {
    u8::try_from(indent / 4).unwrap_or(u8::MAX).min(6)
}

/// True when `next` continues the unit whose last line is `last` and first line had `first`.
fn continues(last: &Line, next: &Line, first: Shape, width: Option<usize>, markdown: bool) -> bool {
    if next.is_blank() || matches!(first.marker, Marker::Heading(_)) {
        return false;
    }
    let shape_next = next.shape;
    let dash = is_wrapped_dash(&shape_next, next.text, first, last.text);
    if shape_next.marker != Marker::None && !dash {
        return false;
    }
    let Some(width) = width else {
        return false;
    };
    if shape_next.indent != first.content_column && !(markdown && shape_next.indent == 0) {
        return false;
    }
    // A dash is glued to the word after it: the wrapper moved both.
    let second = if dash {
        let mut words = next.text.split_whitespace();
        words.next();
        words.next().map_or(0, |w| w.chars().count() + 1)
    } else {
        0
    };
    let used = last.chars;
    overflows(used + 1 + second, next.text, width.saturating_sub(2))
        || (last.text.ends_with('-') && used + 12 > width)
}

/// True when a line break between `last` and `next` stands for no space: both sides are
/// Chinese or Japanese characters, written without spaces, so a wrapper broke the line
/// mid-word. Example: "出所を表" then "示する機能" join as "出所を表示する機能".
fn wrapped_without_space(last: &str, next: &str) -> bool {
    let wide = |c: char| matches!(c, '\u{3000}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}');
    last.chars().next_back().is_some_and(wide) && next.chars().next().is_some_and(wide)
}

/// In Markdown-like dumps a paragraph runs until a blank line: a line without a marker
/// continues the unit above it, wherever the wrapper broke it (html2text moves a long link's
/// last words and address to lines of their own), unless the line above ended in a hard break
/// (two trailing spaces, a `<br>`) or either line is a table row; a quote's paragraph runs
/// over its `>` lines. Example: "[Lesen" then
/// "Sie hier" then "mehr.](https://…)" make one unit.
fn markdown_continues(last: &Line, next: &Line, first: Shape, markdown: bool) -> bool {
    if !markdown
        || last.hard_break
        // (A line's text is trimmed at its end: only a blank one trims to nothing.)
        || next.is_blank()
        || matches!(first.marker, Marker::Heading(_))
    {
        return false;
    }
    let shape_next = next.shape;
    // A table row holds ` | ` or opens with `|`; most lines hold no `|`, found by one search.
    let table_row = |l: &str| {
        let bytes = l.as_bytes();
        memchr::memchr_iter(b'|', bytes).any(|k| {
            bytes[k + 1..].starts_with(b" ") && bytes[..k].ends_with(b" ")
                || l[..k].trim_start().is_empty()
        })
    };
    if first.marker == Marker::Quote {
        // A quote's paragraph runs over its `>` lines until an empty `>` line.
        return shape_next.marker == Marker::Quote && !next.text[shape_next.content..].is_empty();
    }
    shape_next.marker == Marker::None
        && (shape_next.indent == first.content_column || shape_next.indent == 0)
        && !table_row(last.text)
        && !table_row(next.text)
}

/// A dash opening a wrapped line inside a paragraph, not a list item: the unit is a
/// paragraph and its last line ends mid-sentence. Example: "…die wir gerade beobachten" then
/// "– man nehme nur die neuen Wärmepumpen – zeigen…".
fn is_wrapped_dash(shape_next: &Shape, next: &str, first: Shape, last: &str) -> bool {
    shape_next.marker == Marker::Bullet
        && first.marker == Marker::None
        && next[shape_next.indent..].starts_with(['–', '-'])
        && !super::rules::sentence_end(last)
}

fn shape(line: &str, markdown: bool) -> Shape {
    let indent = line.bytes().take_while(|&b| b == b' ').count();
    let rest = &line[indent..];
    let (marker, skip) = marker(rest, indent, markdown);
    let content = indent + skip;
    let after = &line[content..];
    // Content mostly opens with a visible ASCII byte: nothing to trim.
    let pad = match after.as_bytes().first() {
        Some(&b) if b < 0x80 && !is_space_byte(b) => 0,
        _ => after.len() - after.trim_start().len(),
    };
    // Without a marker or padding, the content's column is its indentation of spaces.
    let content_column = if content + pad == indent {
        indent
    } else {
        char_count(&line[..content + pad])
    };
    Shape {
        indent,
        marker,
        content: content + pad,
        content_column,
    }
}

/// The marker at the start of `rest` and its length in bytes.
fn marker(rest: &str, indent: usize, markdown: bool) -> (Marker, usize) {
    // Every marker opens with one of these bytes (the bullets outside ASCII with 0xC2 or
    // 0xE2): most lines open with a letter and are told by their first byte.
    if !matches!(
        rest.as_bytes().first(),
        Some(b'#' | b'>' | b'*' | b'+' | b'-' | b'o' | b'@' | b'0'..=b'9' | 0xC2 | 0xE2)
    ) {
        return (Marker::None, 0);
    }
    read_marker(rest, indent, markdown)
}

/// [`marker`] for a line that may open with one: kept out of line, so that the reading of
/// every line stays small.
#[inline(never)]
fn read_marker(rest: &str, indent: usize, markdown: bool) -> (Marker, usize) {
    let mut chars = rest.chars();
    let Some(c) = chars.next() else {
        return (Marker::None, 0);
    };
    let spaced = |n: usize| rest[n..].is_empty() || rest[n..].starts_with(' ');
    if markdown && c == '#' {
        let level = rest.bytes().take_while(|&b| b == b'#').count();
        if level <= 6 && spaced(level) {
            return (Marker::Heading(level as u8), level);
        }
    }
    if markdown && c == '>' && spaced(1) {
        // A heading inside a quote ("> ## Title") is a heading.
        let inner = rest[1..].trim_start();
        let level = inner.bytes().take_while(|&b| b == b'#').count();
        if (1..=6).contains(&level) && inner[level..].starts_with(' ') {
            return (
                Marker::Heading(level as u8),
                rest.len() - inner.len() + level,
            );
        }
        return (Marker::Quote, 1);
    }
    let bullet = matches!(c, '*' | '•' | '◦' | '▪' | '■' | '□' | '○' | '·' | '‣' | '–')
        || (indent > 0 && matches!(c, '+' | '-' | 'o' | '#' | '@'))
        || (markdown && c == '-');
    if bullet && spaced(c.len_utf8()) {
        return (Marker::Bullet, c.len_utf8());
    }
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits)
        && matches!(rest.as_bytes().get(digits), Some(b'.' | b')'))
        && spaced(digits + 1)
        && !starts_with_month_or_year(&rest[digits + 1..])
        && !rest[digits + 1..].trim().is_empty()
    {
        return (Marker::Number, digits + 1);
    }
    (Marker::None, 0)
}

/// "25. November 2019" is a date, not item 25.
fn starts_with_month_or_year(rest: &str) -> bool {
    let word = rest.split_whitespace().next().unwrap_or("");
    if word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    let lower = word.trim_end_matches(['.', ',']).to_lowercase();
    crate::metadata::date::parse_human(&format!("1 {lower} 2000"), super::DAY_FIRST).is_some()
}

/// The heading of lynx's link list, searched once per text.
static REFERENCES: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"\nReferences\n"));

/// Cuts lynx's numbered link list (`References`, then `Visible links:` or numbered
/// addresses) off the end.
fn cut_reference_list(text: &str) -> &str {
    // The last occurrence, found forwards (memchr's forward search is the vectorised one);
    // occurrences may share their newline, so each search starts one byte further.
    let mut last = None;
    let mut at = 0;
    while let Some(k) = REFERENCES.find(&text.as_bytes()[at..]) {
        last = Some(at + k);
        at += k + 1;
    }
    let Some(pos) = last else {
        return text;
    };
    let after = text[pos + "\nReferences\n".len()..].trim_start();
    let first = after.lines().next().unwrap_or("").trim();
    let digits = first.bytes().take_while(u8::is_ascii_digit).count();
    if (digits > 0 && first[digits..].starts_with(". ")) || first.starts_with("Visible links") {
        return &text[..pos];
    }
    text
}

/// Which inline syntax the dump uses: lynx's `[12]` markers or Markdown `[text](url)` links,
/// counted over the whole text in one pass each.
fn detect_syntax(text: &str) -> Syntax {
    let bytes = text.as_bytes();
    // A `](` is found from its rarer `(`: one byte search per parenthesis (cheaper than a
    // substring search per match, which the many links of a Markdown dump make costly).
    let links = memchr::memchr_iter(b'(', bytes)
        .filter(|&k| k > 0 && bytes[k - 1] == b']')
        .count();
    // Counted only until they outnumber the links (and reach three): then the answer is known.
    let enough = links.max(2) + 1;
    let markers = memchr::memchr_iter(b'[', bytes)
        .filter(|&k| {
            let rest = &bytes[k + 1..];
            let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
            digits > 0 && rest.get(digits) == Some(&b']')
        })
        .take(enough)
        .count();
    Syntax {
        lynx_markers: markers >= 3 && markers > links,
        markdown: links >= 3 && links >= markers,
    }
}

/// Rule `narrow_block_wrap`: the wrap width of each line, the page's unless the line sits in
/// a block (lines between blank lines) wrapped narrower than the page, as w3m and lynx wrap
/// a table cell or a side column at 30-40 columns while the rest of the page runs to 80.
/// A block counts as narrowly wrapped at its widest line (from [`MIN_NARROW_WIDTH`] up to
/// the page's width) when it has [`MIN_NARROW_LINES`] lines or more and at least
/// [`MIN_NARROW_WRAPPED_SHARE`] of its line breaks fall where the next line's first word
/// would not have fitted, at most [`MAX_NARROW_ITEM_SHARE`] of its lines after the first
/// open like a new item (see [`opens_item`]), and its last line ends a sentence. Example: "Wie die Bürgermeisterin am Montag" / "vergangener Woche
/// (12.3.) in" / "Kassel betonte, könnte die" / … wrapped at 35 columns make one paragraph;
/// a column of short menu entries ("Home" / "News" / "Kontakt") is too narrow, a list of
/// teaser titles of uneven lengths breaks where the next title would have fitted, and a
/// facts box ("Veröffentlicht am 03.11.2020" / "Dauer: 2 Stunden 9 Minuten" / …) opens its
/// lines with capitals.
fn narrow_block_widths(lines: &[Line], page_width: Option<usize>) -> Vec<Option<usize>> {
    let mut widths = vec![page_width; lines.len()];
    let below = page_width.map_or(MIN_WRAP_WIDTH, |w| w.saturating_sub(8));
    let mut start = 0;
    while start < lines.len() {
        if lines[start].is_blank() {
            start += 1;
            continue;
        }
        let end = lines[start..]
            .iter()
            .position(Line::is_blank)
            .map_or(lines.len(), |k| start + k);
        let block = &lines[start..end];
        start = end;
        if block.len() < MIN_NARROW_LINES {
            continue;
        }
        let widest = block.iter().map(|l| l.chars).max().unwrap_or(0);
        let last = block.last().map_or("", |l| l.text);
        // The cheapest tests first: most blocks fail one of them.
        if !(MIN_NARROW_WIDTH..below).contains(&widest) || !super::rules::sentence_end(last) {
            continue;
        }
        let breaks = (block.len() - 1) as f64;
        let items = block[1..].iter().filter(|l| opens_item(l.text)).count();
        if items as f64 > breaks * MAX_NARROW_ITEM_SHARE {
            continue;
        }
        let wrapped = block
            .windows(2)
            .filter(|pair| overflows(pair[0].chars + 1, pair[1].text, widest.saturating_sub(2)))
            .count();
        if wrapped as f64 >= breaks * MIN_NARROW_WRAPPED_SHARE {
            widths[end - block.len()..end].fill(Some(widest));
        }
    }
    widths
}

/// True when `line` opens like a new item rather than a sentence going on: with a capital
/// letter, a digit or ASCII punctuation. Example: "Dauer: 1 Stunde" and "[55]RES035" do,
/// "vergangener Woche" and a Korean or Chinese line do not.
fn opens_item(line: &str) -> bool {
    line.trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c.is_ascii_punctuation())
}

/// The column a wrapped dump was wrapped at, or `None` when lines were not wrapped; `lines`
/// are the lines of `text`.
fn wrap_width(text: &str, lines: &[Line]) -> Option<usize> {
    let mut counts = [0usize; MAX_WRAP_WIDTH + 2];
    let mut multiword = 0usize;
    // The addresses' `://`, found by one vectorised search over the whole text (a search a
    // line costs more), met in order as the lines go by.
    // (Found from their colon: a byte search per colon costs less than a substring search
    // per address, and addresses are many in a dump's list of links.)
    let bytes = text.as_bytes();
    let mut schemes = memchr::memchr_iter(b':', bytes)
        .filter(|&k| bytes.get(k + 1..k + 3) == Some(b"//"))
        .peekable();
    let mut has_scheme_separator = |line: &Line| {
        while schemes.next_if(|&k| k < line.start).is_some() {}
        schemes
            .peek()
            .is_some_and(|&k| k + 3 <= line.start + line.text.len())
    };
    for line in lines {
        let bytes = line.text.as_bytes();
        // (A line has no more characters than bytes: its count, known, tells short lines.
        // Two spaces come within a line's first bytes: read one by one, they cost less than
        // a call to search.)
        if line.chars < MIN_LONG_LINE
            || bytes.iter().filter(|&&b| b == b' ').nth(1).is_none()
            || has_scheme_separator(line)
        {
            continue;
        }
        let len = line.chars.min(MAX_WRAP_WIDTH + 1);
        multiword += 1;
        counts[len] += 1;
    }
    if multiword == 0 {
        return None;
    }
    let allowed = (multiword as f64 * MAX_OVER_WIDTH_SHARE) as usize;
    // The narrowest width that only a few lines exceed.
    let mut over = counts[MAX_WRAP_WIDTH + 1];
    let mut width = None;
    for w in (MIN_WRAP_WIDTH..=MAX_WRAP_WIDTH).rev() {
        if over > allowed {
            break;
        }
        if counts[w] > 0 {
            width = Some(w);
        }
        over += counts[w];
    }
    let width = width?;
    let near: usize = counts[width.saturating_sub(8)..=width].iter().sum();
    (near as f64 >= multiword as f64 * MIN_AT_WIDTH_SHARE).then_some(width)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(units: &[Unit]) -> Vec<&str> {
        units.iter().map(|u| u.text.as_str()).collect()
    }

    #[test]
    fn wrapped_lines_are_joined_and_short_lines_kept_apart() {
        let mut text = String::from("Menu\nHome\n\n");
        let para = "word ".repeat(40);
        for chunk in textwrap(&para, 74) {
            text.push_str("   ");
            text.push_str(&chunk);
            text.push('\n');
        }
        text.push_str("   Short line.\n   Another short line.\n");
        let units = segment(&text);
        assert_eq!(units.len(), 5, "{:?}", texts(&units));
        assert_eq!(units[2].text.split(' ').count(), 40);
    }

    fn textwrap(text: &str, width: usize) -> Vec<String> {
        let mut lines = vec![String::new()];
        for word in text.split_whitespace() {
            let last = lines.last_mut().map(|l| l.len()).unwrap_or(0);
            if last + word.len() + 4 > width {
                lines.push(String::new());
            }
            let line = lines.last_mut().unwrap();
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines
    }

    #[test]
    fn a_block_wrapped_narrower_than_the_page_is_joined() {
        let mut text = String::new();
        for chunk in textwrap(&"wide ".repeat(60), 80) {
            text.push_str(&chunk);
            text.push('\n');
        }
        text.push_str("\nHome\nNews\nKontakt\nImpressum\n\n");
        let para = "Wie die Bürgermeisterin am Montag vergangener Woche in Kassel betonte, \
                    könnte die geplante Umgehungsstraße den Ortskern spürbar entlasten.";
        for chunk in textwrap(para, 35) {
            text.push_str(&chunk);
            text.push('\n');
        }
        text.push_str("\nSpiele heute\nAlle Ergebnisse der Liga\nTabelle\nDer Kader\n");
        text.push_str("\nVeröffentlicht am 03.11.2020\nDauer: 2 Stunden 9 Minuten\n");
        text.push_str("Lizenz: CC-BY 4.0 Namensnennung\nDownloads: 22.273 bis heute.\n");
        let units = segment(&text);
        assert_eq!(units.len(), 14, "{:?}", texts(&units));
        assert_eq!(units[5].text, para);
        assert_eq!(units[6].text, "Spiele heute");
        assert_eq!(units[10].text, "Veröffentlicht am 03.11.2020");
        assert!(opens_item("[41]FOK012 Sternwarte in Bochum"));
        assert!(!opens_item("  vergangener Woche (12.3.) in"));
        assert!(!opens_item("다. 여주인공 이유리의 연기는"));
    }

    #[test]
    fn a_wrapped_dash_continues_the_paragraph_and_a_dash_list_does_not() {
        let text = "   The BODY_TEXT paragraph runs on and on with the many words that it has\n   \
                    – a dash aside – and then it goes on with a few more words to finish.\n\n   \
                    Ingredients\n   – 200 g sugar\n   – 1 egg\n";
        let units = segment(text);
        assert_eq!(units.len(), 4, "{:?}", texts(&units));
        assert!(units[0].text.contains("has – a dash aside"));
        assert!(matches!(units[2].kind, Kind::Item { .. }));
    }

    #[test]
    fn list_items_and_dates_are_told_apart() {
        let units = segment("1. Zum Inhalt springen\n  2. Zur Navigation\n25. November 2019\n");
        assert_eq!(
            units[0].kind,
            Kind::Item {
                ordered: true,
                depth: 0
            }
        );
        assert_eq!(units[1].text, "Zur Navigation");
        assert_eq!(units[2].kind, Kind::Paragraph);
        assert_eq!(units[2].text, "25. November 2019");
    }

    #[test]
    fn characters_are_counted_as_the_standard_library_counts_them() {
        for text in [
            "",
            "a",
            "plain ASCII text of some length, longer than eight bytes",
            "Veröffentlicht am 03.11.2020 – „Zitat“ … 出所を表示する機能 🙂",
            "éééééééééé",
            "出所を表示する機能",
        ] {
            for cut in 0..=text.len() {
                if let Some(part) = text.get(..cut) {
                    assert_eq!(char_count(part), part.chars().count(), "{part}");
                    let spaces = part.bytes().filter(|&b| b == b' ').count();
                    assert_eq!(
                        spaces_and_chars(part),
                        (spaces, part.chars().count()),
                        "{part}"
                    );
                }
            }
        }
    }

    #[test]
    fn long_texts_are_counted_past_the_bytes_a_word_can_hold() {
        // More than 255 words of eight bytes: the per-byte counts are summed on the way.
        for text in [
            "é a ".repeat(700),
            "ab cd  ".repeat(600),
            "出所 ".repeat(900),
        ] {
            let spaces = text.bytes().filter(|&b| b == b' ').count();
            assert_eq!(char_count(&text), text.chars().count());
            assert_eq!(spaces_and_chars(&text), (spaces, text.chars().count()));
        }
    }

    #[test]
    fn first_words_are_cut_as_split_whitespace_cuts_them() {
        for text in [
            "",
            "   ",
            "word",
            "   two words",
            "\tTabbed\x0bvertical",
            "é first",
            "ab\u{a0}cd next",
            "abc\u{2003}def",
            "Straße ist",
            "  \u{a0} after a no-break space",
        ] {
            let expected = text
                .split_whitespace()
                .next()
                .map_or(0, |w| w.chars().count());
            assert_eq!(first_word_chars(text, usize::MAX), expected, "{text:?}");
            for cap in 0..6 {
                assert_eq!(first_word_chars(text, cap), expected.min(cap), "{text:?}");
            }
        }
    }

    #[test]
    fn lynx_reference_list_is_cut() {
        let text = "   Body [1]link here.\n\nReferences\n\n   1. https://example.com/\n";
        let units = segment(text);
        assert_eq!(texts(&units), vec!["Body [1]link here."]);
    }

    #[test]
    fn the_last_references_heading_counts() {
        let text = "Body\nReferences\nReferences\n\n   1. https://example.com/\n";
        assert_eq!(cut_reference_list(text), "Body\nReferences");
    }

    #[test]
    fn markdown_paragraphs_run_to_the_blank_line() {
        let text = "[a](u) [b](u) [c](u)\n\nThe BODY_TEXT goes on. [Lesen\nSie hier\n\
                    mehr.](https://x.example/a)\n\nLine one  \nLine two\n\nA | B\n---|---\n";
        let units = segment(text);
        assert_eq!(
            texts(&units),
            vec![
                "a b c",
                "The BODY_TEXT goes on. Lesen Sie hier mehr.",
                "Line one",
                "Line two",
                "A | B",
                "---|---"
            ]
        );
    }

    #[test]
    fn wrapped_chinese_and_japanese_lines_join_without_a_space() {
        assert!(wrapped_without_space("商品の出所を表", "示する機能"));
        assert!(!wrapped_without_space("the end of a", "line"));
        assert!(!wrapped_without_space("出所を表", "iPhone"));
    }

    #[test]
    fn markdown_quotes_run_over_their_lines_and_keep_their_headings() {
        let text = "[a](u) [b](u) [c](u)\n\n> ## The QUOTE_HEADING\n>\n> The BODY_TEXT of a\n\
                    > quote wrapped over\n> three lines.\n>\n> Another paragraph.\n";
        let units = segment(text);
        assert_eq!(
            texts(&units)[1..],
            [
                "The QUOTE_HEADING",
                "The BODY_TEXT of a quote wrapped over three lines.",
                "Another paragraph."
            ]
        );
        assert_eq!(units[1].kind, Kind::Heading(2));
        assert_eq!(units[2].kind, Kind::Quote);
    }

    #[test]
    fn markdown_headings_are_recognised() {
        let text = "# The Title\n\n[a](u) [b](u) [c](u)\n";
        let units = segment(text);
        assert_eq!(units[0].kind, Kind::Heading(1));
        assert_eq!(units[1].text, "a b c");
    }
}
