//! Shared tests on elements and text: boilerplate names, hidden nodes, phrase lists.
//!
//! Takes an element's attributes or a piece of text; returns a verdict. Word lists are data, here
//! in one place. Nothing here walks the tree or decides what is kept: `score` and `emit` do.

use crate::dom::{Dom, NodeId, Tag};
use std::collections::HashMap;
use std::sync::LazyLock;

/// What an element's class, id, role or aria label says it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Naming {
    /// Names a content container (`article-body`, `entry-content`, `story`...).
    Content,
    /// Names boilerplate; the rule name says which kind.
    Boilerplate(&'static str),
    /// Says nothing either way.
    Neutral,
}

/// Class/id tokens that name boilerplate, with the rule name a drop is recorded under.
/// A token matches a whole word of the class or id, split at `-`, `_`, spaces and camelCase.
const BOILERPLATE_TOKENS: &[(&str, &str)] = &[
    ("nav", "navigation"),
    ("navbar", "navigation"),
    ("navigation", "navigation"),
    ("menu", "navigation"),
    ("menubar", "navigation"),
    ("breadcrumb", "navigation"),
    ("breadcrumbs", "navigation"),
    ("pagination", "navigation"),
    ("pager", "navigation"),
    ("skip", "skip-link"),
    ("skiplink", "skip-link"),
    ("jump", "skip-link"),
    ("footer", "footer"),
    ("copyright", "footer"),
    ("colophon", "footer"),
    ("header", "header"),
    ("masthead", "header"),
    ("topbar", "header"),
    ("sidebar", "sidebar"),
    ("aside", "sidebar"),
    ("widget", "sidebar"),
    ("rail", "sidebar"),
    ("share", "share"),
    ("sharing", "share"),
    ("social", "share"),
    ("sharebar", "share"),
    ("print", "share"),
    ("toolbar", "share"),
    ("follow", "share"),
    ("related", "related"),
    ("recommended", "related"),
    ("recommendations", "related"),
    ("recirculation", "related"),
    ("trending", "related"),
    ("popular", "related"),
    ("mostread", "related"),
    ("more", "related"),
    ("teasers", "related"),
    ("outbrain", "related"),
    ("taboola", "related"),
    ("readmore", "related"),
    ("also", "related"),
    ("newsletter", "newsletter"),
    ("subscribe", "newsletter"),
    ("subscription", "newsletter"),
    ("signup", "newsletter"),
    ("registration", "newsletter"),
    ("cookie", "cookie"),
    ("cookies", "cookie"),
    ("consent", "cookie"),
    ("gdpr", "cookie"),
    ("ad", "advertisement"),
    ("ads", "advertisement"),
    ("advert", "advertisement"),
    ("advertisement", "advertisement"),
    ("adslot", "advertisement"),
    ("sponsor", "advertisement"),
    ("sponsored", "advertisement"),
    ("promo", "advertisement"),
    ("dfp", "advertisement"),
    ("gpt", "advertisement"),
    ("banner", "advertisement"),
    ("anzeige", "advertisement"),
    ("comment", "comments"),
    ("comments", "comments"),
    ("disqus", "comments"),
    ("respond", "comments"),
    ("replies", "comments"),
    ("discussion", "comments"),
    ("byline", "byline"),
    ("author", "byline"),
    ("dateline", "byline"),
    ("timestamp", "byline"),
    ("meta", "byline"),
    ("postmeta", "byline"),
    ("entrymeta", "byline"),
    ("tags", "tags"),
    ("taglist", "tags"),
    ("categories", "tags"),
    ("keywords", "tags"),
    ("modal", "popup"),
    ("popup", "popup"),
    ("overlay", "popup"),
    ("dialog", "popup"),
    ("login", "popup"),
    ("search", "navigation"),
    ("hidden", "hidden"),
    ("hide", "hidden"),
    ("sronly", "hidden"),
    ("invisible", "hidden"),
    ("offscreen", "hidden"),
    ("caption", "caption"),
    ("credit", "caption"),
    ("credits", "caption"),
    ("rating", "share"),
    ("feedback", "share"),
    ("survey", "share"),
    ("toc", "navigation"),
];

/// Words that name boilerplate inside longer class words (`socialsharebar`, `relatedposts`).
const COMPOUNDS: &[(&str, &str)] = &[
    ("sharebar", "share"),
    ("socialshare", "share"),
    ("sharing", "share"),
    ("newsletter", "newsletter"),
    ("cookiebanner", "cookie"),
    ("relatedposts", "related"),
    ("relatedarticles", "related"),
    ("breadcrumb", "navigation"),
    ("sidebar", "sidebar"),
    ("advert", "advertisement"),
];

/// Class/id tokens that name the article container.
const CONTENT_TOKENS: &[&str] = &[
    "article",
    "articlebody",
    "content",
    "entry",
    "post",
    "story",
    "storybody",
    "body",
    "text",
    "main",
    "blog",
    "prose",
    "richtext",
    "markdown",
    "page",
];

/// First words of class names that name the article's own text when followed by a word of
/// [`BODY_WORDS`]: `entry-content`, `article-body`, `story__text`, `post-body`.
const BODY_OWNERS: &[&str] = &[
    "article", "story", "post", "entry", "body", "blog", "news", "main", "page", "single",
];

/// Second words of article-body class names (see [`BODY_OWNERS`]).
const BODY_WORDS: &[&str] = &["body", "content", "text", "copy", "contents"];

/// True when the element's class or id says it is the article's body, strongly: a class name
/// made of an owner and a body word (`entry-content`, `article__body`, `storyText`), or
/// `itemprop="articleBody"`. Stricter than [`Naming::Content`], which single words like `text`
/// or `content` already give.
pub fn names_article_body(dom: &Dom, id: NodeId) -> bool {
    if dom
        .attr(id, "itemprop")
        .is_some_and(|v| v.split_whitespace().any(|t| t == "articleBody"))
    {
        return true;
    }
    let mut scratch = NameScratch::default();
    ["class", "id"].iter().any(|attr| {
        dom.attr(id, attr).is_some_and(|value| {
            value.len() <= 300
                && value.split_whitespace().any(|class| {
                    scratch.split(class);
                    (1..scratch.tokens.len()).any(|i| {
                        scratch
                            .word(i - 1)
                            .is_some_and(|owner| BODY_OWNERS.contains(&owner))
                            && scratch
                                .word(i)
                                .is_some_and(|body| BODY_WORDS.contains(&body))
                    })
                })
        })
    })
}

/// Class/id words that name an article's lead (standfirst, summary, intro paragraph), which
/// pages often put in the article header or beside the body rather than in it:
/// `<p class="intro">`, `<div class="teaser-text">`, `<div class="entry-excerpt">`.
const LEAD_TOKENS: &[&str] = &[
    "lead",
    "lede",
    "intro",
    "teaser",
    "summary",
    "excerpt",
    "abstract",
    "standfirst",
    "subtitle",
    "subline",
    "bajada",
    "entradilla",
    "chapo",
    "chapeau",
    "perex",
    "deck",
    "dek",
];

/// True when the element's class or id names an article lead ([`LEAD_TOKENS`]) and nothing
/// names it boilerplate, e.g. `<p class="ts-intro">` or `<div class="teaser-text">`.
pub fn names_lead(dom: &Dom, id: NodeId, scratch: &mut NameScratch) -> bool {
    let named = ["class", "id"].iter().any(|attr| {
        dom.attr(id, attr).is_some_and(|value| {
            value.len() <= 300 && {
                scratch.split(value);
                scratch.words().any(|word| LEAD_TOKENS.contains(&word))
            }
        })
    });
    named && !matches!(naming_with(dom, id, scratch), Naming::Boilerplate(_))
}

/// Roles that name boilerplate.
const BOILERPLATE_ROLES: &[(&str, &str)] = &[
    ("navigation", "navigation"),
    ("banner", "header"),
    ("contentinfo", "footer"),
    ("complementary", "sidebar"),
    ("menu", "navigation"),
    ("menubar", "navigation"),
    ("search", "navigation"),
    ("dialog", "popup"),
    ("alertdialog", "popup"),
    ("tablist", "navigation"),
];

/// Reusable buffers for splitting class and id values, so that classifying thousands of
/// elements allocates nothing per element.
#[derive(Debug, Default)]
pub struct NameScratch {
    lower: String,
    tokens: Vec<(u32, u32)>,
    /// What each class or id value seen so far said (see [`naming_with`]); at most
    /// [`MAX_REMEMBERED`] values.
    seen: HashMap<String, Naming, WordHashing>,
}

/// Most class and id values a [`NameScratch`] remembers: enough for any real page, and a bound
/// on the table a hostile page (many distinct values built to collide) can make it search.
const MAX_REMEMBERED: usize = 4096;

/// A multiplicative hasher (the FxHash scheme: rotate, xor a word, multiply by an odd constant)
/// for the short class values and tokens looked up per element and the words of
/// [`super::hints`], where SipHash's cost per call showed in profiles. Not keyed: tables hashed
/// with it stay small or bounded ([`MAX_REMEMBERED`]).
#[derive(Debug, Default, Clone, Copy)]
pub struct WordHasher(u64);

impl WordHasher {
    const K: u64 = 0x517c_c1b7_2722_0a95;

    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::K);
    }
}

impl std::hash::Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Builds [`WordHasher`]s for `HashMap`.
pub type WordHashing = std::hash::BuildHasherDefault<WordHasher>;

impl NameScratch {
    /// Splits `value` into lowercase words at `-`, `_`, `.`, `:`, `/`, white space and
    /// lower-to-upper camelCase boundaries, replacing the previous words.
    pub fn split(&mut self, value: &str) {
        self.lower.clear();
        self.tokens.clear();
        if value.is_ascii() {
            self.split_ascii(value.as_bytes());
        } else {
            self.split_chars(value);
        }
    }

    /// [`NameScratch::split`] for any text.
    fn split_chars(&mut self, value: &str) {
        let mut start: Option<usize> = None;
        let mut previous_lower = false;
        for c in value.chars() {
            let separator = matches!(c, '-' | '_' | '.' | ':' | '/') || c.is_whitespace();
            if separator || (c.is_uppercase() && previous_lower) {
                if let Some(s) = start.take() {
                    self.tokens.push((s as u32, self.lower.len() as u32));
                }
            }
            if separator {
                previous_lower = false;
                continue;
            }
            if start.is_none() {
                start = Some(self.lower.len());
            }
            previous_lower = c.is_lowercase() || c.is_ascii_digit();
            if c.is_ascii() {
                self.lower.push(c.to_ascii_lowercase());
            } else {
                self.lower.extend(c.to_lowercase());
            }
        }
        if let Some(s) = start {
            self.tokens.push((s as u32, self.lower.len() as u32));
        }
    }

    /// [`NameScratch::split`] for ASCII text (most class and id values), byte by byte: the same
    /// separators (ASCII white space is `\t` to `\r` and the space), cases and digits.
    fn split_ascii(&mut self, value: &[u8]) {
        let mut start: Option<usize> = None;
        let mut previous_lower = false;
        for &b in value {
            let separator = matches!(b, b'-' | b'_' | b'.' | b':' | b'/' | b'\t'..=b'\r' | b' ');
            if separator || (b.is_ascii_uppercase() && previous_lower) {
                if let Some(s) = start.take() {
                    self.tokens.push((s as u32, self.lower.len() as u32));
                }
            }
            if separator {
                previous_lower = false;
                continue;
            }
            if start.is_none() {
                start = Some(self.lower.len());
            }
            previous_lower = b.is_ascii_lowercase() || b.is_ascii_digit();
            self.lower.push(char::from(b.to_ascii_lowercase()));
        }
        if let Some(s) = start {
            self.tokens.push((s as u32, self.lower.len() as u32));
        }
    }

    /// The words of the last split.
    pub fn words(&self) -> impl Iterator<Item = &str> + '_ {
        self.tokens
            .iter()
            .map(|&(s, e)| self.lower.get(s as usize..e as usize).unwrap_or(""))
    }

    fn word(&self, i: usize) -> Option<&str> {
        let &(s, e) = self.tokens.get(i)?;
        self.lower.get(s as usize..e as usize)
    }
}

/// Splits a class or id value into lowercase words (see [`NameScratch::split`]).
pub fn name_tokens(value: &str) -> Vec<String> {
    let mut scratch = NameScratch::default();
    scratch.split(value);
    scratch.words().map(str::to_string).collect()
}

static BOILERPLATE_LOOKUP: LazyLock<HashMap<&'static str, &'static str, WordHashing>> =
    LazyLock::new(|| BOILERPLATE_TOKENS.iter().copied().collect());

/// What the element's class, id and role say about it. Boilerplate outranks content when both
/// appear (`article-related` is related links), except for whole-value content names.
pub fn naming(dom: &Dom, id: NodeId) -> Naming {
    naming_by(dom, id, &mut NameScratch::default(), false)
}

/// [`naming`] with reusable buffers, which also remember what each class or id value said: a
/// page repeats the same class lists on many elements.
pub fn naming_with(dom: &Dom, id: NodeId, scratch: &mut NameScratch) -> Naming {
    naming_by(dom, id, scratch, true)
}

fn naming_by(dom: &Dom, id: NodeId, scratch: &mut NameScratch, remember: bool) -> Naming {
    let mut content = false;
    for (key, value) in dom.attrs(id) {
        match key {
            "role" => {
                let role = value.trim();
                if let Some((_, rule)) = BOILERPLATE_ROLES
                    .iter()
                    .find(|(r, _)| r.eq_ignore_ascii_case(role))
                {
                    return Naming::Boilerplate(rule);
                }
            }
            // Longer values are utility-class soup and say nothing reliable.
            "class" | "id" if value.len() <= 300 => {
                let said = match scratch.seen.get(value) {
                    Some(&said) => said,
                    None => {
                        let said = value_naming(scratch, value);
                        if remember && scratch.seen.len() < MAX_REMEMBERED {
                            scratch.seen.insert(value.to_string(), said);
                        }
                        said
                    }
                };
                match said {
                    Naming::Boilerplate(rule) => return Naming::Boilerplate(rule),
                    Naming::Content => content = true,
                    Naming::Neutral => {}
                }
            }
            _ => {}
        }
    }
    if content {
        Naming::Content
    } else {
        Naming::Neutral
    }
}

/// What one class or id value says: a boilerplate word or compound (not a false friend), else a
/// content word, else nothing.
fn value_naming(scratch: &mut NameScratch, value: &str) -> Naming {
    scratch.split(value);
    let mut content = false;
    for (i, token) in scratch.words().enumerate() {
        if let Some(rule) = BOILERPLATE_LOOKUP.get(token) {
            if is_false_friend(scratch, i) {
                continue;
            }
            return Naming::Boilerplate(rule);
        }
        if CONTENT_TOKENS.contains(&token) {
            content = true;
        }
    }
    for (i, token) in scratch.words().enumerate() {
        if token.len() < 6 {
            continue; // shorter than every compound
        }
        let compound = COMPOUNDS
            .iter()
            .find(|(word, _)| token.len() >= word.len() && token.contains(word));
        if let Some((_, rule)) = compound
            && !is_false_friend(scratch, i)
        {
            return Naming::Boilerplate(rule);
        }
    }
    if content {
        Naming::Content
    } else {
        Naming::Neutral
    }
}

/// Tokens that look like boilerplate but are not in context: `has-sidebar`, `no-comments`,
/// `with-ads`, `header-image` (a picture), `post-meta` is kept as byline, `text-hidden-sm`, and
/// `elementor-widget` (the layout unit of the Elementor page builder, which wraps every block of
/// a page, article text included, not a sidebar widget).
fn is_false_friend(tokens: &NameScratch, i: usize) -> bool {
    let before = i.checked_sub(1).and_then(|j| tokens.word(j));
    let two_before = i.checked_sub(2).and_then(|j| tokens.word(j));
    let after = tokens.word(i + 1);
    matches!(
        before,
        Some("has" | "no" | "with" | "without" | "is" | "show" | "for" | "elementor")
    ) || matches!(two_before, Some("has" | "with" | "without"))
        || matches!(
            after,
            Some(
                "image"
                    | "img"
                    | "photo"
                    | "media"
                    | "video"
                    | "picture"
                    | "wrapper"
                    | "wrap"
                    | "container"
                    | "layout"
                    | "template"
                    | "open"
                    | "active"
                    | "sm"
                    | "md"
                    | "lg"
                    | "xl"
            )
        )
        || (tokens.tokens.len() >= 3 && matches!(tokens.word(i), Some("ad" | "ads")) && i > 0)
        || tokens
            .word(i)
            .is_some_and(|word| hides_a_part(word, before, after))
}

/// Words that say which part of an element a `hidden` class hides (`field--label-hidden`,
/// `title-hidden`, `overflow-hidden`): the element itself stays visible.
const HIDDEN_PARTS: &[&str] = &[
    "label", "title", "heading", "caption", "overflow", "icon", "text", "xs", "mobile", "desktop",
    "tablet", "phone", "print", "small", "large",
];

/// Screen sizes and media after `hidden` (`hidden-xs`, `hide-mobile`): hidden on some screens
/// only, so the element is visible in the page as saved.
const HIDDEN_ON: &[&str] = &[
    "xs", "sm", "md", "lg", "xl", "mobile", "desktop", "tablet", "phone", "print", "small",
    "medium", "large", "up", "down", "for", "on",
];

/// True when a `hidden`/`hide` token hides only a part of the element, or only on some screens.
fn hides_a_part(token: &str, before: Option<&str>, after: Option<&str>) -> bool {
    matches!(token, "hidden" | "hide" | "invisible")
        && (before.is_some_and(|b| HIDDEN_PARTS.contains(&b))
            || after.is_some_and(|a| HIDDEN_ON.contains(&a)))
}

/// True when the element is hidden from readers: `hidden`, `aria-hidden="true"`, or an inline
/// style with `display:none` or `visibility:hidden`.
pub fn is_hidden(dom: &Dom, id: NodeId) -> bool {
    dom.attrs(id).any(|(key, value)| match key {
        "hidden" => true,
        "aria-hidden" => value.trim().eq_ignore_ascii_case("true"),
        "style" => style_hides(value),
        _ => false,
    })
}

/// True when an inline style sets `display: none` or `visibility: hidden`.
fn style_hides(style: &str) -> bool {
    style.split(';').any(|declaration| {
        let Some((property, value)) = declaration.split_once(':') else {
            return false;
        };
        let value = value.trim().trim_end_matches("!important").trim();
        match property.trim() {
            p if p.eq_ignore_ascii_case("display") => value.eq_ignore_ascii_case("none"),
            p if p.eq_ignore_ascii_case("visibility") => value.eq_ignore_ascii_case("hidden"),
            _ => false,
        }
    })
}

/// Tags whose whole subtree never holds article text.
pub fn is_never_content(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Script
            | Tag::Style
            | Tag::Noscript
            | Tag::Template
            | Tag::Svg
            | Tag::Math
            | Tag::Iframe
            | Tag::Object
            | Tag::Embed
            | Tag::Canvas
            | Tag::Video
            | Tag::Audio
            | Tag::Select
            | Tag::Option
            | Tag::Textarea
            | Tag::Input
            | Tag::Button
            | Tag::Head
            | Tag::Title
            | Tag::Meta
            | Tag::Link
            | Tag::Base
            | Tag::Map
            | Tag::Dialog
            | Tag::Frameset
            | Tag::Frame
    )
}

/// `ruby-annotation`: the reading aids of ruby text (`<rt>`, `<rp>`), e.g. the furigana in
/// `<ruby>子<rt>こ</rt></ruby>`: the text reads "子", not "子こ".
pub fn is_ruby_annotation(tag_name: &str) -> bool {
    matches!(tag_name, "rt" | "rp")
}

/// Tags that are boilerplate by their meaning, with the rule name.
pub fn boilerplate_tag(tag: Tag) -> Option<&'static str> {
    match tag {
        Tag::Nav | Tag::Menu => Some("navigation"),
        Tag::Aside => Some("sidebar"),
        Tag::Footer => Some("footer"),
        Tag::Header => Some("header"),
        Tag::Form => Some("form"),
        _ => None,
    }
}

/// Block-level tags: they start a new block of text.
pub fn is_block(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Address
            | Tag::Article
            | Tag::Aside
            | Tag::Blockquote
            | Tag::Body
            | Tag::Center
            | Tag::Dd
            | Tag::Details
            | Tag::Dialog
            | Tag::Div
            | Tag::Dl
            | Tag::Dt
            | Tag::Fieldset
            | Tag::Figcaption
            | Tag::Figure
            | Tag::Footer
            | Tag::Form
            | Tag::H1
            | Tag::H2
            | Tag::H3
            | Tag::H4
            | Tag::H5
            | Tag::H6
            | Tag::Header
            | Tag::Hgroup
            | Tag::Hr
            | Tag::Html
            | Tag::Li
            | Tag::Main
            | Tag::Menu
            | Tag::Nav
            | Tag::Ol
            | Tag::P
            | Tag::Pre
            | Tag::Section
            | Tag::Summary
            | Tag::Table
            | Tag::Tbody
            | Tag::Td
            | Tag::Tfoot
            | Tag::Th
            | Tag::Thead
            | Tag::Tr
            | Tag::Ul
            | Tag::Caption
            | Tag::Legend
    )
}

/// Heading level of `h1`..`h6`.
pub fn heading_level(tag: Tag) -> Option<u8> {
    match tag {
        Tag::H1 => Some(1),
        Tag::H2 => Some(2),
        Tag::H3 => Some(3),
        Tag::H4 => Some(4),
        Tag::H5 => Some(5),
        Tag::H6 => Some(6),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naming_of(attrs: &str) -> Naming {
        let dom = Dom::parse(&format!("<body><div {attrs}>x</div></body>"));
        let div = dom.find(Tag::Div).expect("div");
        naming(&dom, div)
    }

    #[test]
    fn ascii_split_matches_the_general_split() {
        let mut ascii = NameScratch::default();
        let mut general = NameScratch::default();
        for value in [
            "post-body entry_content",
            "articleBody mainContent2x",
            "a\u{b}b\tc\nd\re\x0cf g",
            "URL/path:item.x",
            "ABC aBC abC9D",
            "",
            "--__..",
            "x\x1fy",
        ] {
            ascii.lower.clear();
            ascii.tokens.clear();
            ascii.split_ascii(value.as_bytes());
            general.lower.clear();
            general.tokens.clear();
            general.split_chars(value);
            assert_eq!(
                ascii.words().collect::<Vec<_>>(),
                general.words().collect::<Vec<_>>(),
                "{value:?}"
            );
        }
    }

    #[test]
    fn splits_names_into_words() {
        let words = name_tokens("articleBody share-bar  main_nav");
        assert_eq!(words, ["article", "body", "share", "bar", "main", "nav"]);
    }

    #[test]
    fn recognises_boilerplate_names() {
        assert_eq!(
            naming_of("class='site-nav'"),
            Naming::Boilerplate("navigation")
        );
        assert_eq!(naming_of("id='comments'"), Naming::Boilerplate("comments"));
        assert_eq!(
            naming_of("class='article-related'"),
            Naming::Boilerplate("related")
        );
        assert_eq!(
            naming_of("class='socialShareButtons'"),
            Naming::Boilerplate("share")
        );
        assert_eq!(
            naming_of("role='navigation'"),
            Naming::Boilerplate("navigation")
        );
        assert_eq!(
            naming_of("class='cookiebanner'"),
            Naming::Boilerplate("cookie")
        );
    }

    #[test]
    fn recognises_content_names_and_false_friends() {
        assert_eq!(naming_of("class='entry-content'"), Naming::Content);
        assert_eq!(naming_of("class='layout has-sidebar'"), Naming::Neutral);
        assert_eq!(naming_of("class='header-image'"), Naming::Neutral);
        assert_eq!(
            naming_of("class='TestReport__Section TestReport__Section--Ads'"),
            Naming::Neutral
        );
        assert_eq!(
            naming_of("class='anchor anchorWithStickyNavbar_LWe7'"),
            Naming::Neutral
        );
        assert_eq!(naming_of("class='shadow loaded'"), Naming::Neutral);
        assert_eq!(
            naming_of("class='field field--label-hidden'"),
            Naming::Neutral
        );
        assert_eq!(naming_of("class='hidden-xs'"), Naming::Neutral);
        assert_eq!(naming_of("class='elementor-widget-wrap'"), Naming::Neutral);
        assert_eq!(
            naming_of("class='visually-hidden'"),
            Naming::Boilerplate("hidden")
        );
    }

    #[test]
    fn names_of_the_article_body() {
        let named = |attrs: &str| {
            let dom = Dom::parse(&format!("<body><div {attrs}>x</div></body>"));
            names_article_body(&dom, dom.find(Tag::Div).expect("div"))
        };
        assert!(named("class='entry-content clearfix'"));
        assert!(named("class='pg-rail__body story__body'"));
        assert!(named("id='articleBody'"));
        assert!(named("itemprop='articleBody'"));
        assert!(!named("class='card-text'"));
        assert!(!named("class='content'"));
    }

    #[test]
    fn names_of_a_lead() {
        let lead = |attrs: &str| {
            let dom = Dom::parse(&format!("<body><div {attrs}>x</div></body>"));
            let div = dom.find(Tag::Div).expect("div");
            names_lead(&dom, div, &mut NameScratch::default())
        };
        assert!(lead("class='ts-intro'"));
        assert!(lead("class='teaser-text'"));
        assert!(lead("class='entry-excerpt'"));
        assert!(!lead("class='teasers'"));
        assert!(!lead("class='sidebar-intro'"));
        assert!(!lead("class='content'"));
    }

    #[test]
    fn ruby_annotations_are_not_text() {
        assert!(is_ruby_annotation("rt") && is_ruby_annotation("rp"));
        assert!(!is_ruby_annotation("ruby"));
    }

    #[test]
    fn detects_hidden_elements() {
        let dom = Dom::parse(
            "<body><p hidden>a</p><p style='display: none'>b</p><p aria-hidden=true>c</p><p>d</p></body>",
        );
        let hidden: Vec<bool> = dom.find_all(Tag::P).map(|p| is_hidden(&dom, p)).collect();
        assert_eq!(hidden, [true, true, true, false]);
    }
}
