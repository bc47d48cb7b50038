//! Page layout undone: text a renderer laid out in space rather than in reading order.
//!
//! Takes the saved text (after lynx's link list is cut) and its inline syntax; returns it with
//! each layout undone, or the same text borrowed when it has none (the common case, told by
//! one pass over the line starts). w3m lays a layout table out as columns side by side, two
//! texts on one line ("Einloggen             Karla Vogt bleibt…"): rule
//! [`side_by_side_columns`] reads them one column after the other. w3m and lynx centre the
//! lines of a centred paragraph, each indented by its own amount: rule [`centred_blocks`]
//! aligns them on the left, so wrapped lines join as in any paragraph. Markdown-like dumps
//! (html2text) lay nothing out and are left alone. Never drops or rewrites words; only moves
//! whole pieces of lines and removes indentation.

use super::markup::Syntax;
use std::borrow::Cow;

/// A column boundary splits a run only when at least this many of its lines hold a gap of
/// two spaces or more between words (the text of two columns side by side).
const MIN_GAP_LINES: usize = 3;
/// Lines read to tell lynx's indentation.
const LYNX_SAMPLE_LINES: usize = 40;
/// A column boundary splits a run of lines only when the gaps ending at it are at least this
/// share of the run's lines holding text on both sides (a paragraph with a double space after
/// a full stop has one by chance; a layout table has them on most of its lines).
const MIN_GAP_SHARE: f64 = 0.5;
/// At most this many column splits per page (a three-column layout needs two; the bound
/// keeps a page of aligned figures from being read again and again).
const MAX_SPLITS: usize = 24;
/// A split run holds at least this many lines going on a wrapped paragraph of their column
/// (see [`continued_lines`]).
const MIN_CONTINUED_LINES: usize = 3;
/// A side of a line at least this many columns wide is a line of a wrapped paragraph.
const WIDE_SIDE: usize = 30;
/// A centred block has at least this many lines (one line alone may be indented or centred:
/// nothing tells).
const MIN_CENTRED_LINES: usize = 2;
/// The lines of a centred block are indented by at least this many columns, one of them
/// (lynx indents its running text by three).
const MIN_CENTRED_INDENT: usize = 4;

/// The indentation a centred block's deepest line has at least ([`MIN_CENTRED_INDENT`]).
const SEED_INDENT: &[u8] = b"    ";
/// Finds a line indented by [`SEED_INDENT`] or more.
static INDENTED_LINE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"\n    "));
/// Finds two spaces.
static TWO_SPACES: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"  "));

/// The bullets that open a list item.
const LIST_MARKERS: &[&str] = &["*", "-", "+", "o", "•", "–", "◦", "▪", "·"];

/// The bytes a line of a saved text usually holds, to size the list of lines.
const EXPECTED_LINE_BYTES: usize = 32;

/// The lines of `text` as `str::lines` cuts them, carriage returns kept (a last empty line is
/// not a line): cut once, by a vectorised search, and read by every pass.
pub fn lines_of(text: &str) -> Vec<&str> {
    // Sized for lines of the usual length (a count would cost a pass over the text); a text
    // of shorter lines grows the vector a few times.
    let bytes = text.as_bytes();
    let mut lines = Vec::with_capacity(bytes.len() / EXPECTED_LINE_BYTES + 1);
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', bytes) {
        lines.push(&text[start..end]);
        start = end + 1;
    }
    if start < text.len() {
        lines.push(&text[start..]);
    }
    lines
}

/// Undoes the layout of `text`, whose lines (see [`lines_of`]) are `lines`: columns side by
/// side, then centred blocks.
pub fn straighten<'a>(text: &'a str, lines: &[&str], syntax: Syntax) -> Cow<'a, str> {
    if syntax.markdown {
        return Cow::Borrowed(text);
    }
    let columns = side_by_side_columns(text, lines);
    let aligned = match &columns {
        Cow::Borrowed(_) => centred_blocks(text, lines),
        Cow::Owned(read) => centred_blocks(read, &lines_of(read)),
    };
    match aligned {
        Cow::Owned(aligned) => Cow::Owned(aligned),
        Cow::Borrowed(_) => columns,
    }
}

/// Rule `centred_blocks`: w3m (and lynx, for a `<center>`) centres each line of a centred
/// paragraph, so its lines start at different columns around one middle and never join as a
/// wrapped paragraph. A block of at least [`MIN_CENTRED_LINES`] consecutive lines whose
/// middles agree to half a column, indented by different amounts (one by at least
/// [`MIN_CENTRED_INDENT`]) and none opening with a list marker, loses its indentation.
/// Example: "                  wir bitten um eine faire Lösung" / "                für die Miete
/// des Gemeindesaals am Ort" / "              bisher jährlich rund 2400 Euro (4700 DM) für"
/// become three lines starting at the margin, then one paragraph.
fn centred_blocks<'a>(text: &'a str, lines: &[&str]) -> Cow<'a, str> {
    let bytes = text.as_bytes();
    if !has_centred_pair(lines) {
        return Cow::Borrowed(text);
    }
    // Byte ranges of the lines to align. A block holds a line indented by at least
    // MIN_CENTRED_INDENT: such lines are found by one vectorised search (lynx's running text,
    // three spaces in, is not), and each grows into the lines around it on its middle.
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    // The first byte no block has read yet.
    let mut covered = 0;
    let starts = (bytes.starts_with(SEED_INDENT)).then_some(0);
    let seeds = starts
        .into_iter()
        .chain(INDENTED_LINE.find_iter(bytes).map(|k| k + 1));
    for start in seeds {
        if start < covered {
            continue;
        }
        let seed = line_at(bytes, start);
        let Some(m) = middle(bytes, seed) else {
            continue;
        };
        let on_middle = |line: (usize, usize)| near(middle(bytes, line), m);
        let mut block = CentredRun::default();
        block.add(bytes, seed);
        let mut first = seed;
        while let Some(before) = line_before(bytes, first.0)
            && before.0 >= covered
            && on_middle(before)
        {
            block.add(bytes, before);
            first = before;
        }
        let mut last = seed;
        while let Some(after) = line_after(bytes, last.1)
            && on_middle(after)
        {
            block.add(bytes, after);
            last = after;
        }
        covered = last.1 + 1;
        if block.is_centred() {
            ranges.push((first.0, last.1));
        }
    }
    if ranges.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for (from, to) in ranges {
        out.push_str(&text[copied..from]);
        for line in text[from..to].split('\n') {
            out.push_str(line.trim_start_matches(' '));
            out.push('\n');
        }
        out.pop();
        copied = to;
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// True when two adjacent lines are indented by different amounts (neither by none) and
/// their middles agree to a column: what every centred block holds, as its lines all lie within
/// half a column of one middle and not all share one indentation. One pass over the line
/// starts, which reads only the indentation of most lines (lynx's paragraphs, lists and code
/// share theirs line after line); a page without such a pair has no centred block.
fn has_centred_pair(lines: &[&str]) -> bool {
    // The indentation and text of the line before, when it is indented, with its middle once
    // read (each line's middle is read at most once, and only where the indentation changes).
    let mut previous: Option<Indented> = None;
    for line in lines {
        let line = line.as_bytes();
        if line.first() != Some(&b' ') {
            previous = None;
            continue;
        }
        let indent = indentation(line);
        let mut read = None;
        if let Some(above) = previous
            && above.indent != indent
            && let Some(a) = above.middle.unwrap_or_else(|| middle_of(above.line))
        {
            let b = middle_of(line);
            if b.is_some_and(|b| a.abs_diff(b) <= 2) {
                return true;
            }
            read = Some(b);
        }
        previous = Some(Indented {
            indent,
            line,
            middle: read,
        });
    }
    false
}

/// An indented line as [`has_centred_pair`] read it: its indentation, its text, and its middle
/// when read.
#[derive(Debug, Clone, Copy)]
struct Indented<'a> {
    indent: usize,
    line: &'a [u8],
    middle: Option<Option<usize>>,
}

/// The lines of a block around one middle: how many, and their least and greatest indentation.
#[derive(Debug, Default, Clone, Copy)]
struct CentredRun {
    lines: usize,
    min_indent: usize,
    max_indent: usize,
}

impl CentredRun {
    fn add(&mut self, bytes: &[u8], line: (usize, usize)) {
        let indent = indentation(&bytes[line.0..line.1]);
        self.min_indent = if self.lines == 0 {
            indent
        } else {
            self.min_indent.min(indent)
        };
        self.max_indent = self.max_indent.max(indent);
        self.lines += 1;
    }

    /// Enough lines, indented by different amounts: a centred block, not an indented one.
    fn is_centred(&self) -> bool {
        self.lines >= MIN_CENTRED_LINES
            && self.max_indent >= MIN_CENTRED_INDENT
            && self.min_indent != self.max_indent
    }
}

/// The spaces `line` starts with.
fn indentation(line: &[u8]) -> usize {
    line.iter().take_while(|&&b| b == b' ').count()
}

/// The line (start, end) that starts at byte `start`.
fn line_at(bytes: &[u8], start: usize) -> (usize, usize) {
    let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |k| start + k);
    (start, end)
}

/// The line before the one starting at `start`, if there is one.
fn line_before(bytes: &[u8], start: usize) -> Option<(usize, usize)> {
    let end = start.checked_sub(1)?;
    let from = memchr::memrchr(b'\n', &bytes[..end]).map_or(0, |k| k + 1);
    Some((from, end))
}

/// The line after the one ending at `end`, if there is one.
fn line_after(bytes: &[u8], end: usize) -> Option<(usize, usize)> {
    (end < bytes.len()).then(|| line_at(bytes, end + 1))
}

/// Twice the middle column of an indented `line`, or `None` for a line not indented, blank, a
/// list item or a line of no words (a rule of underscores).
fn middle(bytes: &[u8], line: (usize, usize)) -> Option<usize> {
    middle_of(&bytes[line.0..line.1])
}

/// Twice the middle column of the indented line `text` (see [`middle`]).
fn middle_of(text: &[u8]) -> Option<usize> {
    let indent = indentation(text);
    let body = text[indent..].trim_ascii_end();
    let words = body.iter().any(|b| b.is_ascii_alphanumeric() || *b >= 0x80);
    (indent > 0 && words && !opens_with_marker(body)).then(|| 2 * indent + display_width(body))
}

/// True when twice-middle `a` is within half a column of `b`.
fn near(a: Option<usize>, b: usize) -> bool {
    a.is_some_and(|a| a.abs_diff(b) <= 1)
}

/// The display width of UTF-8 `bytes`, counted byte by byte unless they are all ASCII:
/// one column per character, two for the lead bytes of the Chinese, Japanese and Korean
/// blocks (U+3000 to U+DFFF).
fn display_width(bytes: &[u8]) -> usize {
    if bytes.is_ascii() {
        return bytes.len();
    }
    bytes
        .iter()
        .map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from((0xE3..=0xED).contains(&b)))
        .sum()
}

/// True when `text` opens with a list marker (`*`, `•`, `-`, `+`, `o`, `1.`, `2)`): a list
/// item's hanging indent may put its lines around the same middle by chance.
fn opens_with_marker(text: &[u8]) -> bool {
    // Every marker opens with one of these bytes (the bullets outside ASCII with 0xC2 or 0xE2).
    if !matches!(
        text.first(),
        Some(b'*' | b'-' | b'+' | b'o' | b'0'..=b'9' | 0xC2 | 0xE2)
    ) {
        return false;
    }
    let first = text.split(|&b| b == b' ').next().unwrap_or(b"");
    let digits = first.iter().take_while(|b| b.is_ascii_digit()).count();
    LIST_MARKERS.iter().any(|m| m.as_bytes() == first)
        || (digits > 0 && digits + 1 == first.len() && matches!(first[digits], b'.' | b')'))
}

/// Rule `side_by_side_columns`: w3m prints a layout table's cells side by side, so a line
/// holds the text of two columns ("Einloggen             Karla Vogt bleibt weitere
/// zwei Spielzeiten"). A column boundary is a display column where at least
/// [`MIN_GAP_LINES`] lines of a run resume after a gap of two spaces or more, and where no
/// line of the run has a character other than a space just before it; when the gaps are at
/// least [`MIN_GAP_SHARE`] of the run's lines holding text on both sides, the run is read as
/// its left column, a blank line, then its right column (each keeps its own lines, so a
/// paragraph wrapped inside its cell is joined as usual). Example: a menu column
/// ("Einloggen" / "Mitgliedsname:" / "Passwort:") beside an article wrapped at 56 columns
/// becomes the menu, then the article.
fn side_by_side_columns<'a>(text: &'a str, lines: &[&str]) -> Cow<'a, str> {
    if lynx_indented(lines) || !has_layout_lines(text.as_bytes()) {
        return Cow::Borrowed(text);
    }
    let mut lines: Vec<Row> = text.lines().map(|l| Row::new(Cow::Borrowed(l))).collect();
    let mut splits = 0;
    while splits < MAX_SPLITS {
        let Some(split) = find_split(&lines) else {
            break;
        };
        apply(&mut lines, &split);
        splits += 1;
    }
    if splits == 0 {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + lines.len());
    for line in &lines {
        out.push_str(&line.text);
        out.push('\n');
    }
    Cow::Owned(out)
}

/// One line of a text read for columns, with what every search asks of it.
struct Row<'a> {
    text: Cow<'a, str>,
    /// ASCII only: display columns are bytes.
    ascii: bool,
    /// Holds a gap (see [`gaps`]).
    gappy: bool,
}

impl<'a> Row<'a> {
    fn new(text: Cow<'a, str>) -> Row<'a> {
        let ascii = text.is_ascii();
        let body = text.trim();
        let gappy = body.len() > 2 && has_two_spaces(body.as_bytes());
        Row { text, ascii, gappy }
    }

    /// The byte offset where display column `column` starts (the line's length when it is
    /// shorter), or `None` when the column falls inside a wide character.
    fn byte_at(&self, column: usize) -> Option<usize> {
        if self.ascii {
            Some(column.min(self.text.len()))
        } else {
            byte_at_column(&self.text, column)
        }
    }
}

/// True when `bytes` (one line) hold two spaces in a row: one pass without branches that the
/// compiler turns into vector code (a substring search costs more on a line's few bytes).
fn has_two_spaces(bytes: &[u8]) -> bool {
    let next = bytes.get(1..).unwrap_or_default();
    bytes.iter().zip(next).fold(0u8, |pairs, (&b, &next)| {
        pairs | (u8::from(b == b' ') & u8::from(next == b' '))
    }) != 0
}

/// True when at least [`MIN_CONTINUED_LINES`] lines hold a gap of two spaces or more between
/// two words (not the indentation, not trailing spaces) and a piece of running text at least
/// [`WIDE_SIDE`] columns wide: what a column of wrapped text beside another looks like. One
/// vectorised search for two spaces; an indentation is skipped at the cost of a byte test.
fn has_layout_lines(bytes: &[u8]) -> bool {
    let mut found = 0;
    let mut at = 0;
    while let Some(k) = TWO_SPACES.find(&bytes[at..]) {
        let start = at + k;
        let mut end = start + 2;
        while bytes.get(end) == Some(&b' ') {
            end += 1;
        }
        at = end;
        let before = if start == 0 { b'\n' } else { bytes[start - 1] };
        let after = bytes.get(end).copied().unwrap_or(b'\n');
        if matches!(before, b'\n' | b'\r') || matches!(after, b'\n' | b'\r') {
            continue;
        }
        let line_start = memchr::memrchr(b'\n', &bytes[..start]).map_or(0, |k| k + 1);
        let line_end = memchr::memchr(b'\n', &bytes[end..]).map_or(bytes.len(), |k| end + k);
        if widest_piece(&bytes[line_start..line_end]) >= WIDE_SIDE {
            found += 1;
            if found >= MIN_CONTINUED_LINES {
                return true;
            }
        }
        at = line_end;
    }
    false
}

/// The display width of the widest piece of `line`: words (cut at spaces and tabs) joined by
/// single spaces or tabs, counted as one column each; two in a row end a piece. One pass over
/// the bytes, each weighed as in [`display_width`].
fn widest_piece(line: &[u8]) -> usize {
    let mut best = 0;
    // The piece so far, and the word being read (`None` before its first byte).
    let mut run = 0;
    let mut word: Option<usize> = None;
    let mut end_word = |word: Option<usize>, run: &mut usize| {
        *run = match word {
            None => 0,
            Some(w) if *run == 0 => w,
            Some(w) => *run + 1 + w,
        };
        best = best.max(*run);
    };
    for &b in line {
        if b == b' ' || b == b'\t' {
            end_word(word.take(), &mut run);
        } else {
            let columns = usize::from(b & 0xC0 != 0x80) + usize::from((0xE3..=0xED).contains(&b));
            word = Some(word.unwrap_or(0) + columns);
        }
    }
    end_word(word, &mut run);
    best
}

/// True when the text's lines start three spaces in, as lynx prints running text (lynx lays
/// tables out cell after cell, never side by side). Read on the first lines only.
fn lynx_indented(text_lines: &[&str]) -> bool {
    let mut lines = 0;
    let mut indented = 0;
    for line in text_lines {
        let line = line.as_bytes();
        if line.trim_ascii().is_empty() {
            continue;
        }
        lines += 1;
        indented += usize::from(line.starts_with(b"   ") && line.get(3) != Some(&b' '));
        if lines == LYNX_SAMPLE_LINES {
            break;
        }
    }
    lines > 0 && indented * 2 > lines
}

/// A column boundary found in a run of lines: the lines `start..end` split at the display
/// column `gutter`, a column of spaces between the left text and the right text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Split {
    start: usize,
    end: usize,
    gutter: usize,
}

/// How a line sits against a candidate gutter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Blank,
    /// Text only left of the gutter.
    Left,
    /// Text only right of it.
    Right,
    /// Text on both sides; `gap` when the gutter lies in a run of two spaces or more.
    Both {
        gap: bool,
    },
    /// A character other than a space in the gutter: the line runs across it.
    Across,
}

/// The best gutter: of the columns most gaps pass through, the one whose run holds the most.
fn find_split(lines: &[Row]) -> Option<Split> {
    // How many gaps pass through each column (a difference array over each gap's columns).
    let mut through: Vec<i32> = Vec::new();
    for line in lines.iter().filter(|l| l.gappy) {
        for (from, to) in gaps(&line.text) {
            if through.len() <= to {
                through.resize(to + 1, 0);
            }
            through[from] += 1;
            through[to] -= 1;
        }
    }
    let mut running = 0;
    for count in &mut through {
        running += *count;
        *count = running;
    }
    let mut best: Option<(usize, Split)> = None;
    let mut column = 0;
    while column < through.len() {
        if (through[column] as usize) < MIN_GAP_LINES {
            column += 1;
            continue;
        }
        // A band of columns many gaps pass through: its busiest column (the rightmost of
        // equals, so the right text keeps the least indentation).
        let mut busiest = column;
        while column < through.len() && through[column] as usize >= MIN_GAP_LINES {
            if through[column] >= through[busiest] {
                busiest = column;
            }
            column += 1;
        }
        if best.is_some_and(|(g, _)| g >= through[busiest] as usize) {
            continue;
        }
        if let Some((gaps, split)) = best_run(lines, busiest)
            && best.is_none_or(|(g, _)| gaps > g)
        {
            best = Some((gaps, split));
        }
    }
    best.map(|(_, split)| split)
}

/// The run of lines split by `gutter` with the most gaps, if one qualifies, with its gap count.
fn best_run(lines: &[Row], gutter: usize) -> Option<(usize, Split)> {
    let mut best: Option<(usize, Split)> = None;
    let mut k = 0;
    while k < lines.len() {
        // A run: lines none of which runs across the gutter. It opens and closes on lines that
        // show the gutter plainly (a gap, or text right of it only): a line of running text may
        // have a single space there by chance.
        let sides: Vec<Side> = lines[k..]
            .iter()
            .map(|l| side(l, gutter))
            .take_while(|s| *s != Side::Across)
            .collect();
        let run_start = k;
        k += sides.len() + 1;
        let plain = |s: &Side| matches!(s, Side::Right | Side::Both { gap: true });
        let (Some(first), Some(last)) =
            (sides.iter().position(plain), sides.iter().rposition(plain))
        else {
            continue;
        };
        let run = &sides[first..=last];
        let gaps = run
            .iter()
            .filter(|s| **s == Side::Both { gap: true })
            .count();
        let both = run
            .iter()
            .filter(|s| matches!(s, Side::Both { .. }))
            .count();
        let continued = continued_lines(&lines[run_start + first..=run_start + last], gutter);
        let qualifies = gaps >= MIN_GAP_LINES
            && gaps as f64 >= both as f64 * MIN_GAP_SHARE
            && continued >= MIN_CONTINUED_LINES;
        if qualifies && best.is_none_or(|(g, _)| gaps > g) {
            best = Some((
                gaps,
                Split {
                    start: run_start + first,
                    end: run_start + last + 1,
                    gutter,
                },
            ));
        }
    }
    best
}

/// The gaps of `line`: runs of two spaces or more between words, as the display columns of
/// their first space and of the word after them.
/// The blank inside a form field (`[          ]`) is not a gap.
fn gaps(line: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut column = 0;
    let mut spaces = 0;
    let mut previous = None;
    line.chars().filter_map(move |c| {
        let at = column;
        column += width(c);
        if c == ' ' {
            spaces += 1;
            return None;
        }
        let gap = (spaces >= 2 && previous.is_some_and(|p| p != '[') && c != ']')
            .then(|| (at - spaces, at));
        spaces = 0;
        previous = Some(c);
        gap
    })
}

/// The lines of `run` that go on a wide line of the same column (see [`is_wide`]) with a word
/// in lower case or in a script without case: a paragraph wrapped inside its cell, not the
/// cells of a data table's rows (a name, a figure, a headline each opening its own line).
fn continued_lines(run: &[Row], gutter: usize) -> usize {
    let goes_on = |text: &str| {
        text.chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() && !c.is_uppercase())
    };
    run.windows(2)
        .filter(|pair| {
            let (a, b) = (halves(&pair[0], gutter), halves(&pair[1], gutter));
            // The wrapped line stands beside text (a bullet is not text: a list item's
            // hanging indent is not a column).
            let beside = [a.0, a.1]
                .iter()
                .all(|t| t.chars().any(char::is_alphanumeric));
            beside && ((is_wide(a.0) && goes_on(b.0)) || (is_wide(a.1) && goes_on(b.1)))
        })
        .count()
}

/// The text of `line` left and right of `gutter`, trimmed.
fn halves<'a>(line: &'a Row, gutter: usize) -> (&'a str, &'a str) {
    let text = line.text.as_ref();
    match line.byte_at(gutter) {
        Some(sep) if sep < text.len() => (text[..sep].trim(), text[sep + 1..].trim()),
        _ => (text.trim(), ""),
    }
}

/// True when `text` runs at least [`WIDE_SIDE`] columns without a gap: a line of a
/// paragraph, not the short cells of a data table's row.
fn is_wide(text: &str) -> bool {
    let columns: usize = text.chars().map(width).sum();
    let words = text.contains(' ') || columns > text.chars().count();
    words && !text.contains("  ") && columns >= WIDE_SIDE
}

/// How `line` sits against a gutter at display column `gutter`.
fn side(row: &Row, gutter: usize) -> Side {
    let line = row.text.as_ref();
    if line.trim_start().is_empty() {
        return Side::Blank;
    }
    let Some(sep) = row.byte_at(gutter) else {
        return Side::Across;
    };
    if sep >= line.len() {
        return Side::Left;
    }
    if line.as_bytes()[sep] != b' ' {
        return Side::Across;
    }
    let (left, right) = (&line[..sep], &line[sep + 1..]);
    match (left.trim().is_empty(), right.trim().is_empty()) {
        (true, true) => Side::Blank,
        (false, true) => Side::Left,
        (true, false) => Side::Right,
        (false, false) => Side::Both {
            gap: (left.ends_with(' ') || right.starts_with(' '))
                && !left.trim_end().ends_with('[')
                && !right.trim_start().starts_with(']'),
        },
    }
}

/// Replaces the split run by its left column, a blank line, then its right column; each
/// block of a column (its lines between blank lines) loses the indentation its lines share,
/// as a cell's text starts at the cell's edge (so the page's wrap width and the joining of
/// wrapped lines read it like any other paragraph).
fn apply(lines: &mut Vec<Row>, split: &Split) {
    let mut left: Vec<String> = Vec::with_capacity(split.end - split.start + 1);
    let mut right: Vec<String> = Vec::with_capacity(split.end - split.start);
    for row in &lines[split.start..split.end] {
        let line = row.text.as_ref();
        let (l, r) = match row.byte_at(split.gutter) {
            Some(sep) if sep < line.len() => (&line[..sep], &line[sep + 1..]),
            _ => (line, ""),
        };
        left.push(l.trim_end().to_string());
        right.push(r.trim_end().to_string());
    }
    dedent_blocks(&mut left);
    dedent_blocks(&mut right);
    left.push(String::new());
    left.extend(right);
    lines.splice(
        split.start..split.end,
        left.into_iter().map(|l| Row::new(Cow::Owned(l))),
    );
}

/// Removes from each block of `column` (lines between blank lines) the spaces all its lines
/// start with.
fn dedent_blocks(column: &mut [String]) {
    for block in column.split_mut(|l| l.is_empty()) {
        let indent = block
            .iter()
            .map(|l| l.len() - l.trim_start_matches(' ').len())
            .min()
            .unwrap_or(0);
        if indent > 0 {
            for line in block {
                line.drain(..indent);
            }
        }
    }
}

/// The byte offset where display column `column` starts in `line` (the line's length when it
/// is shorter), or `None` when the column falls inside a wide character.
fn byte_at_column(line: &str, column: usize) -> Option<usize> {
    if line.is_ascii() {
        return Some(column.min(line.len()));
    }
    let mut at = 0;
    for (i, c) in line.char_indices() {
        if at == column {
            return Some(i);
        }
        at += width(c);
        if at > column {
            return None;
        }
    }
    Some(line.len())
}

/// The display width of `c` in a terminal dump: 2 for the wide characters of Chinese,
/// Japanese and Korean, 0 for combining marks, 1 otherwise.
fn width(c: char) -> usize {
    match c {
        '\u{300}'..='\u{36F}' | '\u{200B}'..='\u{200F}' => 0,
        '\u{1100}'..='\u{115F}'
        | '\u{2E80}'..='\u{303E}'
        | '\u{3041}'..='\u{33FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{A000}'..='\u{A4CF}'
        | '\u{AC00}'..='\u{D7A3}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FF60}'
        | '\u{FFE0}'..='\u{FFE6}' => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn has_two_spaces_matches_a_substring_search() {
        for text in [
            "",
            " ",
            "  ",
            "a b",
            "a  b",
            "ab  ",
            "a b c d e f g h i j k l m n o p q r s  t",
        ] {
            assert_eq!(
                has_two_spaces(text.as_bytes()),
                text.contains("  "),
                "{text:?}"
            );
        }
    }

    #[test]
    fn side_by_side_columns_are_read_one_after_the_other() {
        let text = "Site name\n\
                    \n\
                    Login                 The BODY_TEXT of the article starts\n\
                    Members only          here and runs on in its own column,\n\
                    Password:             wrapped at forty columns or so.\n\
                    [          ]\n\
                    Forgot it?            A second paragraph of the article\n\
                    Register              goes on beside the menu.\n\
                    \n\
                    Footer line that runs across the whole width of the page.\n";
        let out = side_by_side_columns(text, &lines_of(text));
        let expected = "Site name\n\
                        \n\
                        Login\n\
                        Members only\n\
                        Password:\n\
                        [          ]\n\
                        Forgot it?\n\
                        Register\n\
                        \n\
                        The BODY_TEXT of the article starts\n\
                        here and runs on in its own column,\n\
                        wrapped at forty columns or so.\n\
                        \n\
                        A second paragraph of the article\n\
                        goes on beside the menu.\n\
                        \n\
                        Footer line that runs across the whole width of the page.\n";
        assert_eq!(out, expected);
    }

    #[test]
    fn text_without_columns_is_borrowed() {
        let text = "   A lynx paragraph indented by three spaces, as lynx does.\n   \
                    Another line.  With a double space once.\n";
        assert!(matches!(
            side_by_side_columns(text, &lines_of(text)),
            Cow::Borrowed(_)
        ));
        let prose = "One.  Two words here\nand three.  Four more\nwords then five.  Six\n\
                     seven eight nine ten\n";
        assert!(matches!(
            side_by_side_columns(prose, &lines_of(prose)),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn centred_lines_are_aligned_on_the_left() {
        let lines = [
            "The CENTRED_TEXT of a",
            "paragraph that a page",
            "centred, line by line, as",
            "w3m prints it.",
        ];
        let mut text = String::from("Title\n\n");
        for line in lines {
            text.push_str(&" ".repeat((60 - line.len()) / 2));
            text.push_str(line);
            text.push('\n');
        }
        let rest = "\n   A lynx paragraph indented by three\n   spaces on every line.\n\
                    \x20    * a list item\n\
                    \x20      __________________________\n";
        text.push_str(rest);
        let out = centred_blocks(&text, &lines_of(&text));
        assert_eq!(out, format!("Title\n\n{}\n{rest}", lines.join("\n")));
    }

    #[test]
    fn pages_without_a_centred_pair_are_told_in_one_pass() {
        // Lynx paragraphs, list items and code share their indentation line after line, or
        // change it with their middles apart.
        let lynx = "   A paragraph of running text that lynx indents by three\n   spaces.\n\n     \
                    * a list item that wraps onto a second line of its\n       own\n\n        \
                    code line one\n        code line two\n";
        assert!(!has_centred_pair(&lines_of(lynx)));
        assert!(matches!(
            centred_blocks(lynx, &lines_of(lynx)),
            Cow::Borrowed(_)
        ));
        let centred = "Title\n          centred line one\n        and centred line two\n";
        assert!(has_centred_pair(&lines_of(centred)));
        assert_eq!(
            centred_blocks(centred, &lines_of(centred)),
            "Title\ncentred line one\nand centred line two\n"
        );
    }

    #[test]
    fn runs_of_centred_lines_never_overlap() {
        // Each line may end one run and open the next; no line is cut twice.
        let text = "  ab\n ab\n    ab\n   abcd\n  abcdef\n abcdefgh\n";
        let out = centred_blocks(text, &lines_of(text));
        assert_eq!(out.split_whitespace().count(), 6, "{out}");
    }

    #[test]
    fn wide_characters_take_two_columns() {
        assert_eq!(byte_at_column("新闻  text", 4), Some(6));
        assert_eq!(byte_at_column("新闻  text", 3), None);
        let text = "新闻中心      正文第一行的内容写得很长很长很长\n\
                    图片          正文第二行的内容写得很长很长很长\n\
                    视频          正文第三行的内容写得很长很长很长\n\
                    体育          正文第四行的内容写得很长很长很长\n";
        let out = side_by_side_columns(text, &lines_of(text));
        assert!(
            out.starts_with("新闻中心\n图片\n视频\n体育\n\n正文第一行"),
            "{out}"
        );
    }
}
