//! Classifying elements and choosing the content root.
//!
//! Takes the [`Dom`]; returns a [`Marks`] table (which subtrees are never content, which are
//! named boilerplate) and the content root: the element whose subtree holds the most article-like
//! text net of link text and boilerplate. Reads only; emits nothing.
//!
//! The root score is a maximum-sum subtree: every text block adds its plain text, minus a
//! penalty for its link text and a fixed cost per block, so menus and teaser lists pull a
//! container's score down while paragraphs push it up; blocks inside named boilerplate count
//! against their ancestors. The best container is the element with the highest total.
//!
//! It also finds the article's lead when the page sets it apart from the body (just before the
//! root, or inside an article `<header>`): [`lead_before_root`], [`lead_in_header`].

use super::signals::{self, Naming};
use crate::dom::{Dom, NodeId, Tag};

/// Per-node verdicts shared by root selection and emission.
#[derive(Debug, Clone)]
pub struct Marks {
    /// Why the subtree is never content (script, style, hidden...), per node; inherited.
    pub removed: Vec<Option<&'static str>>,
    /// The boilerplate rule that names this element itself (not inherited).
    pub boilerplate: Vec<Option<&'static str>>,
    /// True when an ancestor-or-self is named boilerplate.
    pub in_boilerplate: Vec<bool>,
    /// True when the element itself is named as content (`article-body`...).
    pub content_named: Vec<bool>,
    /// Subtree score (see the module doc).
    pub score: Vec<f32>,
    /// Plain (non-link) characters in the subtree's good blocks.
    pub good_chars: Vec<u32>,
    /// Non-white-space characters of all visible text in the subtree, links included (counted
    /// at block elements: an inline element's own count is 0).
    pub text_chars: Vec<u32>,
}

/// Costs used by the root score.
#[derive(Debug, Clone, Copy)]
pub struct ScoreParams {
    /// Subtracted per text block: blocks shorter than this add nothing.
    pub block_cost: f32,
    /// Each character of link text costs this much.
    pub link_penalty: f32,
}

impl Default for ScoreParams {
    fn default() -> Self {
        ScoreParams {
            block_cost: 25.0,
            link_penalty: 1.0,
        }
    }
}

/// Per-block text statistics.
#[derive(Debug, Default, Clone, Copy)]
struct BlockStats {
    chars: u32,
    link_chars: u32,
    punctuation: u32,
}

/// Classifies every node and scores every subtree (see the module doc).
pub fn mark(dom: &Dom, params: ScoreParams) -> Marks {
    let n = dom.len();
    let mut marks = Marks {
        removed: vec![None; n],
        boilerplate: vec![None; n],
        in_boilerplate: vec![false; n],
        content_named: vec![false; n],
        score: vec![0.0; n],
        good_chars: vec![0; n],
        text_chars: vec![0; n],
    };
    let mut named: Vec<Option<&'static str>> = vec![None; n];
    let mut scratch = signals::NameScratch::default();
    for id in dom.ids() {
        let inherited = dom.parent(id).and_then(|p| marks.removed[p as usize]);
        let Some(tag) = dom.tag(id) else {
            marks.removed[id as usize] = inherited;
            continue;
        };
        marks.removed[id as usize] = inherited.or_else(|| {
            if signals::is_never_content(tag) {
                Some("non-content-element")
            } else if tag == Tag::Other && signals::is_ruby_annotation(dom.tag_name(id)) {
                Some("ruby-annotation")
            } else if signals::is_hidden(dom, id) {
                Some("hidden")
            } else {
                None
            }
        });
        if matches!(tag, Tag::Html | Tag::Body) {
            continue; // page-wide classes (`has-sidebar`, `nav-open`) say nothing
        }
        let naming = signals::naming_with(dom, id, &mut scratch);
        marks.content_named[id as usize] = naming == Naming::Content;
        named[id as usize] = match naming {
            // `landmark-not-small-part`: `<main id="skip-main">` is where skip links lead, and
            // `<article class="post author-jane">` is a post: a landmark is never a small part.
            Naming::Boilerplate(rule)
                if matches!(tag, Tag::Main | Tag::Article) && SMALL_PART_RULES.contains(&rule) =>
            {
                None
            }
            Naming::Boilerplate(rule) => Some(rule),
            _ => signals::boilerplate_tag(tag),
        };
    }
    let stats = block_stats(dom, &marks);
    for (count, s) in marks.text_chars.iter_mut().zip(&stats) {
        *count = s.chars;
    }
    sum_into_parents(dom, &mut marks.text_chars);
    // Good text per subtree, before any boilerplate verdict: a "boilerplate" element that holds
    // most of the page's good text is a wrapper with an unlucky name, not boilerplate.
    let mut raw_good = vec![0u32; n];
    for id in dom.ids() {
        let s = stats[id as usize];
        if s.chars >= 20 && s.link_chars * 2 < s.chars {
            raw_good[id as usize] = s.chars - s.link_chars;
        }
    }
    sum_into_parents(dom, &mut raw_good);
    let page_good = raw_good[0].max(1);
    let content_inside = largest_content_inside(dom, &marks, &raw_good);
    let comments_are_content = good_outside_comments(dom, &named, &raw_good) < THREAD_MAX_OUTSIDE;
    for id in dom.ids() {
        let rule = named[id as usize].filter(|&rule| {
            rule == "comments" && !comments_are_content
                || rule != "comments"
                    && content_inside[id as usize] < SMALL_PART_MAX_GOOD
                    && name_holds(rule, raw_good[id as usize], page_good)
                    && !is_inline_dateline(dom, &marks.text_chars, id, rule)
        });
        marks.boilerplate[id as usize] = rule;
        let parent_in = dom
            .parent(id)
            .is_some_and(|p| marks.in_boilerplate[p as usize]);
        marks.in_boilerplate[id as usize] = parent_in || rule.is_some();
    }
    for id in dom.ids() {
        let s = stats[id as usize];
        if s.chars == 0 {
            continue;
        }
        let plain = (s.chars - s.link_chars) as f32;
        let mut value = plain - params.link_penalty * s.link_chars as f32 - params.block_cost
            + 8.0 * s.punctuation.min(10) as f32;
        if marks.in_boilerplate[id as usize] {
            value = -(s.chars as f32) * 0.5 - params.block_cost;
        } else if value > 0.0 {
            marks.good_chars[id as usize] = s.chars - s.link_chars;
        }
        marks.score[id as usize] = value;
    }
    sum_into_parents(dom, &mut marks.score);
    sum_into_parents(dom, &mut marks.good_chars);
    marks
}

/// Rules that name small parts of a page: a byline, a row of tags, a caption, a share bar, a
/// form (search, comment or newsletter form; a shop wraps its product description in the
/// order form, and ASP.NET pages wrap everything in one).
const SMALL_PART_RULES: &[&str] = &["byline", "tags", "caption", "share", "skip-link", "form"];

/// `forum-thread`: when the page holds less than this many characters of good text outside its
/// comment-named elements, the comments are the page's content (a forum thread, a Q&A page),
/// not boilerplate under an article, e.g. `<div class="forum-comment">` posts with nothing else.
pub const THREAD_MAX_OUTSIDE: u32 = 300;

/// `inline-dateline`: an inline element named as a byline or dateline that opens a sentence
/// of a paragraph is the story's dateline, part of its first sentence, e.g. `<p><span
/// class="dateline">ODENSE – </span>A total of 4,200 books …</p>`: kept when the paragraph holds
/// at least [`DATELINE_PARAGRAPH_RATIO`] times its text.
fn is_inline_dateline(dom: &Dom, text_chars: &[u32], id: NodeId, rule: &str) -> bool {
    if rule != "byline" || dom.tag(id).is_none_or(signals::is_block) {
        return false;
    }
    let Some(paragraph) = dom.parent(id).filter(|&p| dom.tag(p) == Some(Tag::P)) else {
        return false;
    };
    let own = dom
        .text_content(id)
        .chars()
        .filter(|c| !c.is_whitespace())
        .count() as u32;
    dom.node(paragraph).first_child == Some(id)
        && own > 0
        && text_chars[paragraph as usize] >= DATELINE_PARAGRAPH_RATIO * own
}

/// See [`is_inline_dateline`].
pub const DATELINE_PARAGRAPH_RATIO: u32 = 8;

/// Good text of the page outside every element named as comments.
fn good_outside_comments(dom: &Dom, named: &[Option<&'static str>], raw_good: &[u32]) -> u32 {
    let mut inside = vec![false; dom.len()];
    let mut in_comments = 0u32;
    for id in dom.ids() {
        let parent_in = dom.parent(id).is_some_and(|p| inside[p as usize]);
        let own = named[id as usize] == Some("comments");
        inside[id as usize] = parent_in || own;
        if own && !parent_in {
            in_comments += raw_good[id as usize];
        }
    }
    raw_good[0].saturating_sub(in_comments)
}

/// An element named as a small part ([`SMALL_PART_RULES`]) that holds at least this many
/// characters of good text is a container with an unlucky class, not that part: WordPress puts
/// `author-jane` on the whole post.
pub const SMALL_PART_MAX_GOOD: u32 = 500;

/// An element named as other boilerplate (footer, sidebar...) that holds at least this share of
/// the page's good text is a wrapper with an unlucky name (`header-and-content`), not boilerplate.
pub const WRAPPER_SHARE: f32 = 0.6;

/// Whether a boilerplate name (`rule`) holds for an element with `good` characters of good text
/// on a page with `page_good`. Comments are boilerplate whatever their size.
fn name_holds(rule: &str, good: u32, page_good: u32) -> bool {
    if rule == "comments" {
        true
    } else if SMALL_PART_RULES.contains(&rule) {
        good < SMALL_PART_MAX_GOOD
    } else {
        (good as f32) < WRAPPER_SHARE * page_good as f32
    }
}

/// Per node, the most good text held by one content container at or below it: an element
/// named as the article body (`article-body`, `itemprop=articleBody`), an `<article>` or a
/// `<main>`.
/// A "rail" or "sidebar" that holds the article body (`pg-rail-tall__body` around
/// `section#body-text`) is layout, not boilerplate.
fn largest_content_inside(dom: &Dom, marks: &Marks, raw_good: &[u32]) -> Vec<u32> {
    let mut inside = vec![0u32; dom.len()];
    for id in dom.ids().rev() {
        let own = match dom.tag(id) {
            Some(Tag::Article | Tag::Main) => true,
            Some(_) => {
                (marks.content_named[id as usize] || dom.attr(id, "itemprop").is_some())
                    && signals::names_article_body(dom, id)
            }
            None => false,
        };
        if own {
            inside[id as usize] = inside[id as usize].max(raw_good[id as usize]);
        }
        if let Some(parent) = dom.parent(id) {
            inside[parent as usize] = inside[parent as usize].max(inside[id as usize]);
        }
    }
    inside
}

/// Adds every node's value into its parent's, bottom-up: children have larger ids than their
/// parents, so one reverse pass sums every subtree.
fn sum_into_parents<T: Copy + std::ops::AddAssign>(dom: &Dom, values: &mut [T]) {
    for id in dom.ids().rev() {
        if let Some(parent) = dom.parent(id) {
            let value = values[id as usize];
            values[parent as usize] += value;
        }
    }
}

/// The best content root: the element with the highest subtree score.
pub fn choose_root(dom: &Dom, marks: &Marks) -> Option<NodeId> {
    let mut best: Option<NodeId> = None;
    for id in dom.ids() {
        let Some(tag) = dom.tag(id) else { continue };
        if marks.removed[id as usize].is_some() || marks.in_boilerplate[id as usize] {
            continue;
        }
        if !can_be_root(tag) {
            continue;
        }
        let score = marks.score[id as usize];
        // `>=`: among equal totals the deepest container wins (ids grow with depth).
        if score > 0.0 && best.is_none_or(|b| score >= marks.score[b as usize]) {
            best = Some(id);
        }
    }
    best.map(|root| prefer_declared_body(dom, marks, widen(dom, marks, root)))
}

/// An ancestor is a better root when it holds this many times the root's good text.
pub const WIDEN_GOOD_RATIO: f32 = 1.5;

/// The root widens at most this many levels up, and never to `<body>`: a page of teasers
/// around an article also holds much good text, spread over many containers.
pub const WIDEN_MAX_LEVELS: usize = 3;

/// `widen-root`: the best subtree can be one part of an article whose other paragraphs carry
/// link-heavy inline widgets (hover cards, inline teasers) that cost more than their text adds,
/// e.g. `<div class=body><p>…<span class=hovercard><a>…</a><a>…</a></span>…</p><div>best
/// part</div></div>`. Moves the root up to the ancestor that holds the most good text while its
/// own score stays positive and it holds [`WIDEN_GOOD_RATIO`] times the root's good text; the
/// deepest such ancestor among equals.
fn widen(dom: &Dom, marks: &Marks, root: NodeId) -> NodeId {
    let root_good = marks.good_chars[root as usize] as f32;
    let mut best = root;
    let mut best_good = marks.good_chars[root as usize];
    for id in dom.ancestors(root).take(WIDEN_MAX_LEVELS) {
        let page_level = matches!(dom.tag(id), Some(Tag::Body | Tag::Html) | None);
        if page_level || marks.score[id as usize] <= 0.0 || marks.in_boilerplate[id as usize] {
            break;
        }
        let good = marks.good_chars[id as usize];
        if good as f32 >= WIDEN_GOOD_RATIO * root_good && good > best_good {
            best = id;
            best_good = good;
        }
    }
    best
}

/// A lead is looked for this many levels above the content root (never at `<body>`).
pub const LEAD_MAX_LEVELS: usize = 4;

/// A lead holds at least this many characters (white space aside): shorter "intro" elements
/// are labels or kickers.
pub const LEAD_MIN_CHARS: u32 = 50;

/// At most this many characters of visible, non-boilerplate text lie between a lead and the
/// content root (a byline, a date, a caption); more means the lead belongs to something else.
pub const LEAD_MAX_GAP: u32 = 300;

/// A `<header>` whose text is longer than this is a page header, not an article's: no lead is
/// taken out of it.
pub const LEAD_HEADER_MAX_CHARS: u32 = 1500;

/// `lead-before-root`: the article's lead set apart from its body, just before the content
/// root, e.g. `<header><h1>…</h1><p class="intro">The lead…</p></header><div class="body">`
/// or a TYPO3 `<div class="teaser-text">` beside the body. Looks up to [`LEAD_MAX_LEVELS`]
/// above the root for the last lead-named element ([`signals::names_lead`]) before it, with no
/// more than [`LEAD_MAX_GAP`] characters of other text in between. One pass over the nodes
/// between that ancestor and the root.
pub fn lead_before_root(dom: &Dom, marks: &Marks, root: NodeId) -> Option<NodeId> {
    let chain: Vec<NodeId> = dom
        .ancestors(root)
        .take(LEAD_MAX_LEVELS)
        .take_while(|&a| !matches!(dom.tag(a), Some(Tag::Body | Tag::Html) | None))
        .collect();
    let top = *chain.last()?;
    let mut scratch = signals::NameScratch::default();
    let mut found: Option<(NodeId, NodeId)> = None; // (lead, first id after its subtree)
    let mut gap = 0u32;
    for id in top + 1..root {
        if let Some(text) = dom.text(id) {
            let after_lead = found.is_some_and(|(_, end)| id >= end);
            if after_lead
                && marks.removed[id as usize].is_none()
                && !marks.in_boilerplate[id as usize]
            {
                gap += text.chars().filter(|c| !c.is_whitespace()).count() as u32;
            }
            continue;
        }
        if found.is_some_and(|(_, end)| id < end) || chain.contains(&id) {
            continue;
        }
        if signals::names_lead(dom, id, &mut scratch) && is_lead(dom, marks, id, top) {
            let end = dom.next_after_subtree(top, id).unwrap_or(root);
            found = Some((id, end));
            gap = 0;
        }
    }
    found.filter(|_| gap <= LEAD_MAX_GAP).map(|(lead, _)| lead)
}

/// `lead-in-header`: the lead inside an article `<header>` that is dropped as boilerplate,
/// e.g. `<article><header><h1>…</h1><p class="intro">The lead…</p></header>…`: the first
/// lead-named element of the header ([`signals::names_lead`]).
pub fn lead_in_header(dom: &Dom, marks: &Marks, header: NodeId) -> Option<NodeId> {
    if marks.text_chars[header as usize] > LEAD_HEADER_MAX_CHARS {
        return None;
    }
    let mut scratch = signals::NameScratch::default();
    dom.descendants(header)
        .skip(1)
        .filter(|&id| dom.tag(id).is_some())
        .find(|&id| signals::names_lead(dom, id, &mut scratch) && is_lead(dom, marks, id, header))
}

/// Whether a lead-named element can be a lead: visible, long enough, not itself named
/// boilerplate, not inside a link, and below `top` only through article headers.
fn is_lead(dom: &Dom, marks: &Marks, id: NodeId, top: NodeId) -> bool {
    if marks.removed[id as usize].is_some()
        || marks.boilerplate[id as usize].is_some()
        || marks.text_chars[id as usize] < LEAD_MIN_CHARS
        || matches!(dom.tag(id), Some(Tag::A | Tag::Li))
    {
        return false;
    }
    for ancestor in dom.ancestors(id).take_while(|&a| a != top) {
        let header_only = marks.boilerplate[ancestor as usize].is_none_or(|rule| {
            rule == "header" && marks.text_chars[ancestor as usize] <= LEAD_HEADER_MAX_CHARS
        });
        if !header_only || dom.tag(ancestor) == Some(Tag::A) {
            return false;
        }
    }
    link_chars(dom, id) * 4 < marks.text_chars[id as usize]
        && sentences(&block_text(dom, id)) >= LEAD_MIN_SENTENCES
}

/// The text below `id` with a line feed where a block element starts or ends between two
/// texts: list items and paragraphs are separate sentences whether or not the markup has white
/// space between them (`<li>One.</li><li>Two.</li>`).
pub(crate) fn block_text(dom: &Dom, id: NodeId) -> String {
    let mut out = String::new();
    let mut next = Some(id);
    // Whether a block boundary was passed since the last text.
    let mut boundary = false;
    while let Some(node) = next {
        if let Some(text) = dom.text(node) {
            if boundary && !out.is_empty() && !out.ends_with(char::is_whitespace) {
                out.push('\n');
            }
            boundary = false;
            out.push_str(text);
        } else if dom.tag(node).is_some_and(signals::is_block) {
            boundary = true;
        }
        next = match dom.node(node).first_child {
            Some(child) => Some(child),
            None => {
                // Leaving this node, and every ancestor it closes: the end of a block is a
                // boundary too.
                let mut at = node;
                loop {
                    if dom.tag(at).is_some_and(signals::is_block) {
                        boundary = true;
                    }
                    if at == id {
                        break None;
                    }
                    if let Some(sibling) = dom.node(at).next_sibling {
                        break Some(sibling);
                    }
                    match dom.parent(at) {
                        Some(parent) => at = parent,
                        None => break None,
                    }
                }
            }
        };
    }
    out
}

/// A lead holds at least this many sentences: a one-sentence standfirst or dek under the
/// headline ("The president's demands are complicating a deal, experts say.") reads as part of
/// the title, while a lead paragraph of two or more sentences is the article's opening text.
pub const LEAD_MIN_SENTENCES: usize = 2;

/// Sentences in a text: ends of sentence (`.`, `!`, `?`, `…`, `。`) after a lowercase letter,
/// a digit or a closing bracket or quote, followed by white space, and the text's last mark.
fn sentences(text: &str) -> usize {
    let chars: Vec<char> = text.trim_end().chars().collect();
    let last = chars.len().saturating_sub(1);
    (1..chars.len())
        .filter(|&i| {
            matches!(chars[i], '.' | '!' | '?' | '…' | '。')
                && (i == last // the text's own end ends a sentence ("… eine FAQ.")
                    || chars[i - 1].is_lowercase()
                    || chars[i - 1].is_ascii_digit()
                    || matches!(chars[i - 1], ')' | '"' | '”' | '“' | '»' | '«' | '\''))
                && chars.get(i + 1).is_none_or(|c| c.is_whitespace())
        })
        .count()
}

/// Characters of link text below `id` (white space aside).
fn link_chars(dom: &Dom, id: NodeId) -> u32 {
    let mut total = 0;
    for node in dom.descendants(id) {
        if dom.tag(node) == Some(Tag::A) {
            total += dom
                .text_content(node)
                .chars()
                .filter(|c| !c.is_whitespace())
                .count() as u32;
        }
    }
    total
}

/// Elements that can hold an article.
fn can_be_root(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Body
            | Tag::Div
            | Tag::Article
            | Tag::Main
            | Tag::Section
            | Tag::Td
            | Tag::Other
            | Tag::Center
            | Tag::Font
            | Tag::Span
            | Tag::Form
            | Tag::Blockquote
            | Tag::Dd
            | Tag::Li
    )
}

/// When the page marks its body (`itemprop=articleBody`), prefer that element if it holds most
/// of what the best root holds.
fn prefer_declared_body(dom: &Dom, marks: &Marks, root: NodeId) -> NodeId {
    let root_good = marks.good_chars[root as usize] as f32;
    dom.descendants(root)
        .filter(|&id| {
            dom.attr(id, "itemprop")
                .is_some_and(|v| v.split_whitespace().any(|t| t == "articleBody"))
        })
        .find(|&id| marks.good_chars[id as usize] as f32 >= 0.7 * root_good)
        .unwrap_or(root)
}

/// Text statistics per text block: the nearest block-level ancestor of each text node.
fn block_stats(dom: &Dom, marks: &Marks) -> Vec<BlockStats> {
    let n = dom.len();
    let mut stats = vec![BlockStats::default(); n];
    // Nearest block ancestor (or self) and "inside a link" per node, top-down.
    let mut block_of: Vec<NodeId> = vec![0; n];
    let mut in_link = vec![false; n];
    for id in dom.ids() {
        let parent = dom.parent(id);
        let parent_block = parent.map_or(0, |p| block_of[p as usize]);
        let parent_link = parent.is_some_and(|p| in_link[p as usize]);
        match dom.tag(id) {
            Some(tag) => {
                block_of[id as usize] = if signals::is_block(tag) {
                    id
                } else {
                    parent_block
                };
                in_link[id as usize] = parent_link || tag == Tag::A;
            }
            None => {
                block_of[id as usize] = parent_block;
                in_link[id as usize] = parent_link;
                if marks.removed[id as usize].is_some() {
                    continue;
                }
                if let Some(text) = dom.text(id) {
                    let s = &mut stats[parent_block as usize];
                    let (chars, punctuation) = text_counts(text);
                    s.chars += chars;
                    if parent_link {
                        s.link_chars += chars;
                    }
                    s.punctuation += punctuation;
                }
            }
        }
    }
    stats
}

/// Non-white-space characters and sentence punctuation marks of a text, in one pass (the
/// ASCII test comes first: most page text is ASCII).
fn text_counts(text: &str) -> (u32, u32) {
    let mut chars = 0u32;
    let mut punctuation = 0u32;
    if text.is_ascii() {
        for &b in text.as_bytes() {
            chars += u32::from(!matches!(b, b'\t'..=b'\r' | b' '));
            punctuation += u32::from(matches!(b, b'.' | b',' | b';' | b'!' | b'?'));
        }
        return (chars, punctuation);
    }
    for c in text.chars() {
        if c.is_ascii() {
            chars += u32::from(!matches!(c, '\t'..='\r' | ' '));
            punctuation += u32::from(matches!(c, '.' | ',' | ';' | '!' | '?'));
        } else {
            chars += u32::from(!c.is_whitespace());
            punctuation += u32::from(matches!(c, '。' | '，' | '、' | '،' | '؟'));
        }
    }
    (chars, punctuation)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root_of(html: &str) -> (Dom, Option<NodeId>) {
        let dom = Dom::parse(html);
        let marks = mark(&dom, ScoreParams::default());
        let root = choose_root(&dom, &marks);
        (dom, root)
    }

    const PARA: &str = "<p>This is a long paragraph of article text, with commas, sentences and enough words to count as real content for the scorer.</p>";

    #[test]
    fn text_counts_match_the_char_definitions() {
        for text in [
            "",
            " a b\t\n",
            "Hello, world. Yes!",
            "\u{a0}x\u{2003}y\u{85}",
            "你好。世界，好、",
        ] {
            let chars = text.chars().filter(|c| !c.is_whitespace()).count() as u32;
            let punctuation = text
                .chars()
                .filter(|c| {
                    matches!(
                        c,
                        '.' | ',' | ';' | '!' | '?' | '。' | '，' | '、' | '،' | '؟'
                    )
                })
                .count() as u32;
            assert_eq!(text_counts(text), (chars, punctuation), "{text:?}");
        }
    }

    #[test]
    fn picks_the_container_with_the_paragraphs() {
        let html = format!(
            "<body><ul class=x><li><a href=/>Home</a></li><li><a href=/a>About us</a></li></ul><div id=story>{PARA}{PARA}{PARA}</div><div><a href=/1>Another headline that is a link</a></div></body>"
        );
        let (dom, root) = root_of(&html);
        assert_eq!(dom.attr(root.expect("root"), "id"), Some("story"));
    }

    #[test]
    fn joins_paragraphs_split_by_an_ad() {
        let html = format!(
            "<body><div id=wrap><div>{PARA}{PARA}</div><div class=ad>Advertisement</div><div>{PARA}{PARA}</div></div><nav><a href=/>Home</a></nav></body>"
        );
        let (dom, root) = root_of(&html);
        assert_eq!(dom.attr(root.expect("root"), "id"), Some("wrap"));
    }

    #[test]
    fn comments_do_not_pull_the_root_up() {
        let html = format!(
            "<body><div id=page><article id=post>{PARA}{PARA}{PARA}</article><section id=comments>{PARA}{PARA}</section></div></body>"
        );
        let (dom, root) = root_of(&html);
        assert_eq!(dom.attr(root.expect("root"), "id"), Some("post"));
    }

    #[test]
    fn a_post_named_after_its_author_is_not_a_byline() {
        let html = format!(
            "<body><article id=post class='post author-jane'>{PARA}{PARA}{PARA}{PARA}{PARA}</article><div class=byline>By Jane</div></body>"
        );
        let (dom, root) = root_of(&html);
        assert_eq!(dom.attr(root.expect("root"), "id"), Some("post"));
        let marks = mark(&dom, ScoreParams::default());
        let byline = dom.find(Tag::Div).expect("byline div");
        assert_eq!(marks.boilerplate[byline as usize], Some("byline"));
    }

    #[test]
    fn a_footer_is_boilerplate_even_on_a_short_page() {
        let html = format!(
            "<body><div id=story>{PARA}{PARA}</div><div class=footer-text>{PARA}{PARA}</div></body>"
        );
        let (dom, root) = root_of(&html);
        assert_eq!(dom.attr(root.expect("root"), "id"), Some("story"));
    }

    #[test]
    fn a_rail_around_the_article_body_is_layout() {
        let html = format!(
            "<body><div class=rail-body><section id=body-text class=body-text>{PARA}{PARA}{PARA}{PARA}{PARA}</section></div><div class=rail><p>{PARA}</p></div></body>"
        );
        let (dom, root) = root_of(&html);
        assert_eq!(dom.attr(root.expect("root"), "id"), Some("body-text"));
    }

    #[test]
    fn the_root_widens_over_paragraphs_with_link_heavy_widgets() {
        let links = "<div><a href=/1>One headline about something else entirely, for readers</a> <a href=/2>Two headline about something else entirely, for readers</a> <a href=/3>Three headline about another thing, again for readers</a></div>";
        let html = format!(
            "<body><div id=body>{PARA}{links}{PARA}{links}{PARA}{links}<div>{PARA}{PARA}{PARA}</div></div><ul><li><a href=/x>Menu</a></li></ul></body>"
        );
        let (dom, root) = root_of(&html);
        assert_eq!(dom.attr(root.expect("root"), "id"), Some("body"));
    }

    #[test]
    fn an_inline_dateline_stays_with_its_sentence() {
        let html = "<body><p><span class=dateline>ODENSE – </span>A total of 4,200 library books came back late to a branch in Odense, officials said Thursday.</p><p><span class=byline>By Jane Doe</span></p></body>";
        let dom = Dom::parse(html);
        let marks = mark(&dom, ScoreParams::default());
        let spans: Vec<NodeId> = dom.ids().filter(|&id| dom.tag_name(id) == "span").collect();
        assert_eq!(marks.boilerplate[spans[0] as usize], None);
        assert_eq!(marks.boilerplate[spans[1] as usize], Some("byline"));
    }

    #[test]
    fn a_skip_link_target_is_no_skip_link() {
        let html = "<body><a href=#skip-main class=skip>Skip</a><main id=skip-main><p>A short video description, with a comma.</p></main></body>";
        let dom = Dom::parse(html);
        let marks = mark(&dom, ScoreParams::default());
        let main = dom.find(Tag::Main).expect("main");
        assert_eq!(marks.boilerplate[main as usize], None);
    }

    #[test]
    fn a_forum_thread_is_content_and_a_shop_form_is_not_boilerplate() {
        let thread = format!(
            "<body><h1>Question</h1><div class=forum-comment id=first>{PARA}{PARA}</div><div class=forum-comment>{PARA}</div></body>"
        );
        let (dom, root) = root_of(&thread);
        assert!(root.is_some());
        let marks = mark(&dom, ScoreParams::default());
        let first = dom.find(Tag::Div).expect("first post");
        assert_eq!(marks.boilerplate[first as usize], None);
        let post = format!(
            "<body><article id=post>{PARA}{PARA}{PARA}</article><div id=comments>{PARA}{PARA}{PARA}{PARA}</div></body>"
        );
        let (dom, root) = root_of(&post);
        assert_eq!(dom.attr(root.expect("root"), "id"), Some("post"));
        let shop = format!(
            "<body><nav><a href=/>Home</a></nav><form id=order><div id=description>{PARA}{PARA}{PARA}{PARA}{PARA}</div></form><div class=sidebar>{PARA}{PARA}{PARA}{PARA}</div></body>"
        );
        let (dom, root) = root_of(&shop);
        assert_eq!(dom.attr(root.expect("root"), "id"), Some("description"));
    }

    const LEAD: &str = "The lead says what happened in the harbour. It has two sentences of text.";

    #[test]
    fn a_lead_beside_the_body_is_found() {
        let html = format!(
            "<body><div id=page><header><h1>Title</h1><p>By Jane</p></header><div class=teaser-text><p>{LEAD}</p></div><div id=body>{PARA}{PARA}{PARA}</div></div></body>"
        );
        let (dom, root) = root_of(&html);
        let root = root.expect("root");
        assert_eq!(dom.attr(root, "id"), Some("body"));
        let marks = mark(&dom, ScoreParams::default());
        let lead = lead_before_root(&dom, &marks, root).expect("lead");
        assert_eq!(dom.attr(lead, "class"), Some("teaser-text"));
    }

    #[test]
    fn a_one_sentence_dek_or_a_distant_teaser_is_no_lead() {
        let dek = format!(
            "<body><div id=page><header><p class=summary>A dek under the headline, experts say.</p></header><div id=body>{PARA}{PARA}{PARA}</div></div></body>"
        );
        let (dom, root) = root_of(&dek);
        let marks = mark(&dom, ScoreParams::default());
        assert_eq!(lead_before_root(&dom, &marks, root.expect("root")), None);
        let far = format!(
            "<body><div id=page><div class=teaser><p>{LEAD}</p></div><div>{PARA}</div><div id=body>{PARA}{PARA}{PARA}{PARA}{PARA}</div></div></body>"
        );
        let (dom, root) = root_of(&far);
        let marks = mark(&dom, ScoreParams::default());
        assert_eq!(lead_before_root(&dom, &marks, root.expect("root")), None);
    }

    #[test]
    fn a_lead_inside_the_article_header_is_found() {
        let html = format!(
            "<body><article><header><h1>T</h1><p class=intro>{LEAD}</p></header>{PARA}</article></body>"
        );
        let dom = Dom::parse(&html);
        let marks = mark(&dom, ScoreParams::default());
        let header = dom.find(Tag::Header).expect("header");
        let lead = lead_in_header(&dom, &marks, header).expect("lead");
        assert_eq!(dom.attr(lead, "class"), Some("intro"));
    }

    #[test]
    fn block_text_separates_blocks() {
        let dom = Dom::parse(
            "<div id=x><ul><li>One point.</li><li>Two <b>points</b>.</li></ul><p>Three.</p></div>",
        );
        let div = dom.find(Tag::Div).expect("div");
        assert_eq!(block_text(&dom, div), "One point.\nTwo points.\nThree.");
        assert_eq!(sentences(&block_text(&dom, div)), 3);
        let spaced = Dom::parse("<div><p>One.</p>\n<p>Two.</p></div>");
        let div = spaced.find(Tag::Div).expect("div");
        assert_eq!(sentences(&block_text(&spaced, div)), 2);
    }

    #[test]
    fn sentences_are_counted() {
        assert_eq!(sentences(LEAD), 2);
        assert_eq!(sentences("Berlin/Potsdam. It works (so)."), 2);
        assert_eq!(sentences("No end here"), 0);
        assert_eq!(sentences("Erste Fälle. Wie man sich schützt, eine FAQ."), 2);
    }

    #[test]
    fn no_text_means_no_root() {
        let (_, root) =
            root_of("<body><nav><a href=/>Home</a></nav><script>var x = 1;</script></body>");
        assert_eq!(root, None);
    }
}
