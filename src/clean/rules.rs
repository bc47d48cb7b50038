//! Named rules that drop single blocks after emission.
//!
//! Takes the emitted blocks and what metadata knows (title, authors); returns the blocks kept
//! and a [`Dropped`] entry, with the rule's name, for every block removed. Every rule has a name,
//! a doc comment with an example, and a test. Rules look at one block (and its position), never
//! at the tree.

use crate::article::{Block, Dropped, Span};
use crate::options::CleanOptions;
use std::sync::LazyLock;

/// What the rules may know besides the blocks.
#[derive(Debug, Default, Clone)]
pub struct RuleContext<'a> {
    /// The article's title, if known.
    pub title: Option<&'a str>,
    /// Author names, if known.
    pub authors: &'a [String],
}

/// One rule: its name and its test.
pub struct Rule {
    /// The name shown by `--explain`.
    pub name: &'static str,
    /// True when the block should be dropped.
    pub test: fn(&Candidate, &RuleContext, &CleanOptions) -> bool,
}

/// A block with what every rule reads of it, computed once: its text, its length in
/// characters, and (when a rule first asks, since most rules look only at short blocks) the
/// text folded to one line of lowercase words.
pub struct Candidate<'b> {
    /// The block.
    pub block: &'b Block,
    /// [`Block::text`].
    pub text: String,
    /// Characters in `text`.
    pub chars: usize,
    lower: std::cell::OnceCell<String>,
}

impl<'b> Candidate<'b> {
    /// Prepares a block for the rules.
    pub fn new(block: &'b Block) -> Candidate<'b> {
        let text = block.text();
        let chars = text.chars().count();
        Candidate {
            block,
            text,
            chars,
            lower: std::cell::OnceCell::new(),
        }
    }

    /// The text with white space runs folded to one space, lowercase.
    pub fn lower(&self) -> &str {
        self.lower.get_or_init(|| normalised(&self.text))
    }
}

/// True when `text` has more than `n` characters other than white space: then its folded form
/// ([`Candidate::lower`]) is longer than `n` bytes, since folding keeps every such character
/// and lowercasing never makes one vanish.
fn more_non_space_than(text: &str, n: usize) -> bool {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .take(n + 1)
        .count()
        > n
}

/// The single-block rules, in the order they are tried.
pub const RULES: &[Rule] = &[
    Rule {
        name: "title-repeat",
        test: title_repeat,
    },
    Rule {
        name: "advertisement",
        test: advertisement,
    },
    Rule {
        name: "byline",
        test: byline,
    },
    Rule {
        name: "dateline",
        test: dateline,
    },
    Rule {
        name: "image-credit",
        test: image_credit,
    },
    Rule {
        name: "share-buttons",
        test: share_buttons,
    },
    Rule {
        name: "inline-teaser",
        test: inline_teaser,
    },
    Rule {
        name: "call-to-action",
        test: call_to_action,
    },
    Rule {
        name: "link-dense",
        test: link_dense,
    },
    Rule {
        name: "caption",
        test: caption,
    },
    Rule {
        name: "related-heading",
        test: related_heading,
    },
    Rule {
        name: "attachment",
        test: attachment,
    },
    Rule {
        name: "breadcrumb",
        test: breadcrumb,
    },
    Rule {
        name: "caption-credit",
        test: caption_credit,
    },
];

/// Applies [`RULES`] to every block, then the sequence rules ([`trailing_related`],
/// [`trailing_heading`]). Returns the kept blocks; drops are appended to `dropped`.
pub fn apply(
    blocks: Vec<Block>,
    context: &RuleContext,
    options: &CleanOptions,
    dropped: &mut Vec<Dropped>,
) -> Vec<Block> {
    let mut kept = Vec::with_capacity(blocks.len());
    for block in blocks {
        let candidate = Candidate::new(&block);
        let verdict = RULES
            .iter()
            .find(|rule| (rule.test)(&candidate, context, options));
        match verdict {
            Some(rule) => record(dropped, options.explain, rule.name, &block),
            None => kept.push(block),
        }
    }
    let kept = trailing_related(kept, options.explain, dropped);
    let kept = end_matter(kept, options.explain, dropped);
    trailing_heading(kept, options.explain, dropped)
}

/// Records a dropped block under `rule`; its text only when `explain` is on, since building the
/// text of every dropped block costs time on every page.
pub fn record(dropped: &mut Vec<Dropped>, explain: bool, rule: &'static str, block: &Block) {
    if explain {
        dropped.push(Dropped::new(rule, &block.text()));
    } else {
        dropped.push(Dropped {
            rule,
            text: String::new(),
        });
    }
}

fn normalised(text: &str) -> String {
    let mut joined = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(word);
    }
    if joined.is_ascii() {
        joined.make_ascii_lowercase();
        joined
    } else {
        joined.to_lowercase()
    }
}

/// `title-repeat`: a heading or short paragraph that repeats the title, e.g. the `<h1>` above
/// the story. The title is metadata, not body.
fn title_repeat(c: &Candidate, context: &RuleContext, _: &CleanOptions) -> bool {
    let block = c.block;
    let Some(title) = context.title else {
        return false;
    };
    if !matches!(block, Block::Heading { .. } | Block::Paragraph { .. }) {
        return false;
    }
    // Folding white space only shortens a text and lowercasing at most makes it half as long
    // again (`İ` to `i̇`): a longer block cannot be the title, and most blocks are.
    let longest = title.len() * 3 / 2 + 1;
    if more_non_space_than(&c.text, longest) {
        return false;
    }
    let text = c.lower();
    !text.is_empty() && text.len() <= longest && text == normalised(title)
}

/// Exact texts of advertisement labels, lowercase.
const AD_LABELS: &[&str] = &[
    "advertisement",
    "advertisements",
    "advertising",
    "ad",
    "anzeige",
    "werbung",
    "publicité",
    "publicidad",
    "pubblicità",
    "publicidade",
    "advertentie",
    "reklama",
    "sponsored",
    "sponsored content",
    "paid content",
    "advertisement - scroll to continue",
    "story continues below advertisement",
    "article continues below",
    "continue reading below",
    "scroll to continue with content",
];

/// `advertisement`: an advertisement label left in the text, e.g. "Advertisement" or "Anzeige".
fn advertisement(c: &Candidate, _: &RuleContext, _: &CleanOptions) -> bool {
    if c.chars > 60 {
        return false;
    }
    let text = c.lower();
    let text = text.trim_matches(|c: char| !c.is_alphanumeric());
    AD_LABELS.contains(&text)
}

/// A pattern compiled once; `None` only if the pattern were invalid (a test checks they are not).
type Pattern = LazyLock<Option<regex::Regex>>;

fn matches(pattern: &Pattern, text: &str) -> bool {
    pattern.as_ref().is_some_and(|re| re.is_match(text))
}

static BYLINE_START: Pattern = LazyLock::new(|| {
    regex::Regex::new(r"(?i)^(by|von|par|por|di|door|av|af|autor|author|written by|posted by|text:|von unserem)\s+\p{Lu}").ok()
});

/// `byline`: a short line naming the author, e.g. "By Jane Doe, Staff Writer" or "Von Max
/// Mustermann", or a line that is only the author names from the metadata. A one-word author
/// (a team credit such as "Redaktion", a user name) is a weak sign, so a line naming one is a
/// byline only when little else is on it: "XX, Die Redaktion" closing a text stays.
fn byline(c: &Candidate, context: &RuleContext, _: &CleanOptions) -> bool {
    let block = c.block;
    let Block::Paragraph { .. } = block else {
        return false;
    };
    let text = c.text.as_str();
    if c.chars > 120 {
        return false;
    }
    if matches(&BYLINE_START, text.trim()) && !text.trim_end().ends_with(['.', '!', '?', ':']) {
        return true;
    }
    let lower = c.lower();
    if context.authors.is_empty() || c.chars >= 80 {
        return false;
    }
    let names: Vec<String> = context.authors.iter().map(|a| normalised(a)).collect();
    if !names.iter().all(|name| lower.contains(name.as_str())) {
        return false;
    }
    if names.iter().all(|name| name.contains(' ')) {
        return true;
    }
    let rest = names.iter().fold(lower.to_string(), |rest, name| {
        rest.replace(name.as_str(), "")
    });
    rest.chars().filter(|c| c.is_alphabetic()).count() <= ONE_WORD_AUTHOR_REST
}

/// Letters a line may hold besides a one-word author's name and still be a byline ("by", "von").
const ONE_WORD_AUTHOR_REST: usize = 3;

static DATE_LIKE: Pattern = LazyLock::new(|| {
    // ASCII digits (`[0-9]`, not `\d`): Unicode digits make the regex costly to build. Word
    // boundaries stay Unicode ("2019年" is no year standing alone).
    regex::Regex::new(r"\b(19|20)[0-9][0-9]\b|\b[0-9]{1,2}[./-][0-9]{1,2}[./-][0-9]{2,4}\b|\b[0-9]{1,2}:[0-9][0-9]\b")
        .ok()
});

/// `dateline`: a short line that is only a date and time, with a few words around it, e.g.
/// "Published 25 November 2019, 14:03" or "Stand: 25.11.2019 14:03 Uhr".
fn dateline(c: &Candidate, _: &RuleContext, _: &CleanOptions) -> bool {
    let block = c.block;
    let Block::Paragraph { .. } = block else {
        return false;
    };
    let text = c.text.as_str();
    // Counted up to 13: the tests below ask for at most 12.
    let words = text.split_whitespace().take(13).count();
    words <= 9 && c.chars < 80 && matches(&DATE_LIKE, text) && !text.trim_end().ends_with('.')
        || words <= 12 && {
            let lower = c.lower();
            [
                "updated",
                "published",
                "aktualisiert",
                "veröffentlicht",
                "stand:",
                "publié",
                "mis à jour",
                "actualizado",
                "publicado",
                "pubblicato",
                "aggiornato",
                "gepubliceerd",
                "bijgewerkt",
            ]
            .iter()
            .any(|w| lower.starts_with(w))
                && matches(&DATE_LIKE, text)
        }
}

/// Prefixes of picture credit lines, lowercase.
const CREDIT_PREFIXES: &[&str] = &[
    "photo:",
    "photos:",
    "foto:",
    "fotos:",
    "bild:",
    "bilder:",
    "image:",
    "images:",
    "picture:",
    "credit:",
    "credits:",
    "photograph:",
    "illustration:",
    "grafik:",
    "quelle:",
    "source:",
    "©",
    "(c)",
    "copyright",
    "crédit",
    "crédits",
    "crédito",
    "photo credit",
    "image credit",
    "imagen:",
    "źródło:",
    "fuente:",
    "fonte:",
];

/// Agencies and picture libraries that end credit lines, lowercase.
const CREDIT_SUFFIXES: &[&str] = &[
    "getty images",
    "afp",
    "reuters",
    "ap photo",
    "dpa",
    "picture-alliance",
    "picture alliance",
    "shutterstock",
    "istock",
    "imago",
    "epa",
    "keystone",
    "xinhua",
    "alamy",
    "istockphoto",
    "/ap",
    "(ap)",
    "ddp",
    "action press",
    "sipa",
];

/// Labels of a picture's enlarge button, which open the caption that follows, lowercase.
const ENLARGE_LABELS: &[&str] = &[
    "vergrößern",
    "enlarge",
    "agrandir",
    "ampliar",
    "ingrandisci",
];

/// `image-credit`: a picture credit line, e.g. "Photo: Jane Doe/Getty Images",
/// "(Credit: Jane Doe / Grist)" or "Bild: picture-alliance/dpa", or a caption behind an
/// enlarge button ("Vergrößern Das neue iPhone von vorne").
fn image_credit(c: &Candidate, _: &RuleContext, _: &CleanOptions) -> bool {
    let block = c.block;
    let Block::Paragraph { .. } = block else {
        return false;
    };
    if c.chars > 150 {
        return false;
    }
    let lower = c.lower().trim_start_matches(['(', '[']);
    CREDIT_PREFIXES.iter().any(|p| lower.starts_with(p))
        || (c.chars < 200 && ENLARGE_LABELS.iter().any(|p| lower.starts_with(p)))
        || (c.chars < 80
            && CREDIT_SUFFIXES
                .iter()
                .any(|s| lower.ends_with(s) || lower.ends_with(&format!("{s})"))))
}

/// Texts of share, print and comment buttons, lowercase.
const SHARE_PHRASES: &[&str] = &[
    "share",
    "share this",
    "share this article",
    "share this story",
    "share on facebook",
    "share on twitter",
    "share on linkedin",
    "share via email",
    "tweet",
    "email",
    "print",
    "facebook",
    "twitter",
    "linkedin",
    "whatsapp",
    "pinterest",
    "reddit",
    "teilen",
    "drucken",
    "artikel teilen",
    "partager",
    "imprimer",
    "compartir",
    "imprimir",
    "condividi",
    "stampa",
    "delen",
    "comments",
    "comment",
    "leave a comment",
    "leave a reply",
    "kommentare",
    "commentaires",
    "comentarios",
    "like this:",
    "share this:",
    "like",
    "follow us",
    "copy link",
    "link kopieren",
    "save",
    "speichern",
    "merken",
    "listen",
    "anhören",
    "font size",
];

/// `share-buttons`: the text of share, print or comment buttons, e.g. "Share on Facebook".
fn share_buttons(c: &Candidate, _: &RuleContext, _: &CleanOptions) -> bool {
    let block = c.block;
    if matches!(block, Block::Code { .. } | Block::Table { .. }) {
        return false;
    }
    if more_non_space_than(&c.text, 120) {
        return false;
    }
    let text = c.lower();
    if text.len() > 120 {
        return false;
    }
    let parts: Vec<&str> = text
        .split(['\n', '|', '·', '•'])
        .map(|p| {
            p.trim()
                .trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ')
        })
        .filter(|p| !p.is_empty())
        .collect();
    !parts.is_empty() && parts.iter().all(|p| SHARE_PHRASES.contains(p))
}

/// Openers of inline teasers for other articles, lowercase.
const TEASER_OPENERS: &[&str] = &[
    "read more:",
    "read more",
    "read also:",
    "also read:",
    "see also:",
    "related:",
    "more:",
    "recommended:",
    "watch:",
    "listen:",
    "lesen sie auch",
    "lesen sie auch:",
    "mehr zum thema:",
    "auch interessant:",
    "lire aussi",
    "à lire aussi",
    "lire aussi :",
    "voir aussi",
    "leer más:",
    "lea también:",
    "te puede interesar:",
    "leggi anche",
    "leia também",
    "lees ook:",
    "read next:",
    "zobacz także",
    "czytaj także",
    "czytaj też",
    "weitere aktuelle themen",
    "vorschau auf den nächsten artikel",
    "nächster artikel",
    "vorheriger artikel",
    "next article",
    "previous article",
    "next post",
    "previous post",
    "click here",
];

/// `inline-teaser`: a one-line pointer to another article inside the body, e.g. "Read more:
/// Five things to know about ..." or "Lesen Sie auch: ...".
fn inline_teaser(c: &Candidate, _: &RuleContext, _: &CleanOptions) -> bool {
    let block = c.block;
    let (Block::Paragraph { spans } | Block::Heading { spans, .. }) = block else {
        return false;
    };
    if c.chars > 250 {
        return false;
    }
    let text = c.lower();
    TEASER_OPENERS.iter().any(|o| text.starts_with(o))
        && (spans.iter().any(|s| s.link.is_some()) || c.chars < 120)
}

/// Phrases of newsletter, subscription and cookie calls, lowercase.
const CALL_PHRASES: &[&str] = &[
    "sign up for",
    "subscribe to",
    "subscribe now",
    "newsletter",
    "get the latest",
    "we use cookies",
    "this site uses cookies",
    "this website uses cookies",
    "accept cookies",
    "cookie policy",
    "wir verwenden cookies",
    "diese website verwendet cookies",
    "nous utilisons des cookies",
    "utilizamos cookies",
    "utilizziamo i cookie",
    "korzystamy z cookies",
    "używamy plików cookie",
    "wij gebruiken cookies",
    "follow us on",
    "join our mailing list",
    "jetzt abonnieren",
    "abonnez-vous",
    "suscríbete",
    "download our app",
    "already a subscriber",
    "log in to continue",
    "create a free account",
    "all rights reserved",
    "apps for ios and android",
    "on twitter and instagram",
    "our youtube channel",
    "nuestro canal de youtube",
    "if you enjoyed reading",
    "if you enjoyed this",
    "do you want to be informed",
    "first-time subscribers",
    "support our journalism",
    "folgen sie uns",
    "abonnieren sie unseren",
    "suivez-nous",
    "síguenos en",
    "alle rechte vorbehalten",
    "tous droits réservés",
    "todos los derechos reservados",
];

/// `call-to-action`: a short newsletter, subscription, cookie or copyright notice, e.g. "Sign
/// up for our daily newsletter" or "We use cookies to improve your experience".
fn call_to_action(c: &Candidate, _: &RuleContext, _: &CleanOptions) -> bool {
    let block = c.block;
    if !matches!(
        block,
        Block::Paragraph { .. } | Block::Heading { .. } | Block::List { .. }
    ) {
        return false;
    }
    c.chars < 220 && {
        let text = c.lower();
        CALL_PHRASES.iter().any(|p| text.contains(p))
    }
}

/// Share of a span list's characters that are link text.
fn link_share(spans: &[Span]) -> (usize, f32) {
    let mut total = 0usize;
    let mut linked = 0usize;
    for span in spans {
        let n = span.text.chars().filter(|c| !c.is_whitespace()).count();
        total += n;
        if span.link.is_some() {
            linked += n;
        }
    }
    (
        total,
        if total == 0 {
            0.0
        } else {
            linked as f32 / total as f32
        },
    )
}

/// `link-dense`: a paragraph or list that is mostly links, e.g. a list of related headlines or
/// a row of tag links. Long paragraphs need a higher share.
fn link_dense(c: &Candidate, _: &RuleContext, options: &CleanOptions) -> bool {
    let block = c.block;
    match block {
        Block::Paragraph { spans } | Block::Heading { spans, .. } => {
            let (chars, share) = link_share(spans);
            share > options.max_link_density && (chars < 400 || share > 0.8)
        }
        Block::List { items, .. } => {
            let spans: Vec<Span> = items.iter().flat_map(|i| i.spans.iter().cloned()).collect();
            let (_, share) = link_share(&spans);
            let all_links = items
                .iter()
                .filter(|i| link_share(&i.spans).1 > 0.9)
                .count();
            share > options.max_link_density && all_links * 2 >= items.len()
        }
        _ => false,
    }
}

/// `caption`: a picture caption, kept as metadata; in the body only with `captions` on.
fn caption(c: &Candidate, _: &RuleContext, options: &CleanOptions) -> bool {
    let block = c.block;
    matches!(block, Block::Caption { .. }) && !options.captions
}

/// Headings that open a block of links to other articles, lowercase.
const RELATED_HEADINGS: &[&str] = &[
    "related",
    "related articles",
    "related stories",
    "related posts",
    "related content",
    "read more",
    "more from",
    "more on this",
    "more stories",
    "more news",
    "you may also like",
    "you might also like",
    "recommended",
    "recommended for you",
    "most popular",
    "most read",
    "trending",
    "lesen sie auch",
    "mehr zum thema",
    "weitere artikel",
    "das könnte sie auch interessieren",
    "meistgelesen",
    "lire aussi",
    "à lire aussi",
    "sur le même sujet",
    "noticias relacionadas",
    "te puede interesar",
    "leggi anche",
    "articoli correlati",
    "leia também",
    "gerelateerd",
    "see also",
    "further reading",
    "popular posts",
    "recent posts",
    "latest news",
    "top stories",
    "empfohlene beiträge",
    "weiterführende informationen",
    "weiterführende links",
    "zusatzinformationen",
];

/// `related-heading`: a heading that is only the label of a related-links box
/// ([`RELATED_HEADINGS`], whole text), e.g. `<h3>Noticias relacionadas</h3>` left in the middle
/// of the body after its link list was dropped.
fn related_heading(c: &Candidate, _: &RuleContext, _: &CleanOptions) -> bool {
    matches!(c.block, Block::Heading { .. }) && c.chars < 60 && {
        let text = c.lower().trim_end_matches([':', '.', ' ']);
        RELATED_HEADINGS.contains(&text)
    }
}

/// `trailing-related`: a heading such as "Related stories" or "Lesen Sie auch" and the short
/// blocks and lists after it, when nothing long follows.
fn trailing_related(
    mut blocks: Vec<Block>,
    explain: bool,
    dropped: &mut Vec<Dropped>,
) -> Vec<Block> {
    // A heading matches with fewer than this many bytes; the folded text keeps every character
    // but white space and trailing `:` and `.`, so a block with more such characters is skipped
    // before it is folded.
    let longest = RELATED_HEADINGS.iter().map(|h| h.len()).max().unwrap_or(0) + 30;
    let start = blocks.iter().position(|b| {
        if !matches!(b, Block::Heading { .. } | Block::Paragraph { .. }) {
            return false;
        }
        let raw = b.text();
        let kept = raw
            .chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, ':' | '.'))
            .take(longest)
            .count();
        if kept >= longest {
            return false;
        }
        let text = normalised(&raw);
        let text = text.trim_end_matches([':', '.', ' ']);
        RELATED_HEADINGS
            .iter()
            .any(|h| text == *h || (text.starts_with(h) && text.len() < h.len() + 30))
    });
    let Some(start) = start else { return blocks };
    let long_after = blocks[start + 1..].iter().any(|b| {
        matches!(b, Block::Paragraph { .. })
            && b.text().chars().count() > 250
            && link_share(match b {
                Block::Paragraph { spans } => spans,
                _ => &[],
            })
            .1 < 0.3
    });
    if long_after {
        return blocks;
    }
    for block in blocks.drain(start..) {
        record(dropped, explain, "trailing-related", &block);
    }
    blocks
}

/// A heading longer than this (characters) is text set in a heading's style, not a title
/// of a missing section: [`trailing_heading`] keeps it.
pub const TRAILING_HEADING_MAX_CHARS: usize = 100;

/// Phrases of the notes that follow an article: where it appeared, its licence, a disclaimer,
/// how to cite it or a rating widget; lowercase, found anywhere in a short block.
const END_MATTER_PHRASES: &[&str] = &[
    "zuerst erschienen",
    "ist erschienen in",
    "unter der lizenz",
    "lizenziert unter",
    "licensed under",
    "sous licence",
    "sofern nicht anders",
    "engagent que leurs auteurs",
    "suggested citation",
    "zitiervorschlag",
    "cite this article",
    "noch keine bewertungen",
    "no ratings yet",
];

/// Openers of the same notes (see [`END_MATTER_PHRASES`]): words that say what a note is only
/// at its start, since inside a sentence they are news ("sagte ein Pressesprecher").
const END_MATTER_OPENERS: &[&str] = &[
    "erschienen in",
    "kontakt:",
    "contact:",
    "von:",
    "by:",
    "pressesprecher",
    "pressekontakt",
    "press contact",
    "media contact",
    "jede kleine spende",
    "jetzt spenden",
    "donate now",
    "gefällt dir unser",
    "unterstütze uns",
    "unterstützen sie uns",
];

/// True for the line of editors' initials and agencies that closes a wire story: "ab/APA",
/// "dpa/lno", "(kna)" (the shape of [`signoff::parse`](crate::metadata::signoff::parse)).
/// Rule `end-matter` asks nothing more of it than to be the last block.
fn is_agency_signoff(text: &str) -> bool {
    crate::metadata::signoff::parse(text).is_some()
}

/// End matter is looked for among this many last blocks.
pub const END_MATTER_TAIL: usize = 4;

/// An end-matter note is shorter than this many characters.
pub const END_MATTER_MAX_CHARS: usize = 400;

/// `end-matter`: the notes after an article's last paragraph, e.g. "ERSCHIENEN IN Weinbote
/// 04/2021", "Dieser Beitrag steht unter der Lizenz CC-BY-NC-ND", "Suggested
/// citation: …", "Pressekontakt: …" or "(Noch keine Bewertungen)". Among the last
/// [`END_MATTER_TAIL`] blocks, the first short one ([`END_MATTER_MAX_CHARS`]) that holds such a
/// phrase and every block after it are dropped.
fn end_matter(mut blocks: Vec<Block>, explain: bool, dropped: &mut Vec<Dropped>) -> Vec<Block> {
    let tail = blocks.len().saturating_sub(END_MATTER_TAIL);
    let start = (tail..blocks.len()).find(|&i| {
        let block = &blocks[i];
        let text = normalised(&block.text());
        matches!(block, Block::Paragraph { .. } | Block::Heading { .. })
            && text.chars().count() < END_MATTER_MAX_CHARS
            && (END_MATTER_PHRASES.iter().any(|p| text.contains(p))
                || END_MATTER_OPENERS.iter().any(|o| text.starts_with(o))
                || i + 1 == blocks.len() && is_agency_signoff(&text))
    });
    if let Some(start) = start {
        for block in blocks.drain(start..) {
            record(dropped, explain, "end-matter", &block);
        }
    }
    blocks
}

/// `trailing-heading`: a short heading left at the very end with nothing under it, e.g.
/// "Comments". Headings of more than [`TRAILING_HEADING_MAX_CHARS`] stay: some pages set their
/// whole text in `<h2>`s.
fn trailing_heading(
    mut blocks: Vec<Block>,
    explain: bool,
    dropped: &mut Vec<Dropped>,
) -> Vec<Block> {
    while matches!(blocks.last(), Some(b @ Block::Heading { .. })
        if b.text().chars().count() <= TRAILING_HEADING_MAX_CHARS)
    {
        if let Some(block) = blocks.pop() {
            record(dropped, explain, "trailing-heading", &block);
        }
    }
    blocks
}

/// A line about an attached file is at most this many characters long.
const MAX_ATTACHMENT_CHARS: usize = 150;
/// Labels that open a line about an attached file, lowercase.
const ATTACHMENT_LABELS: &[&str] = &[
    "attachment",
    "attachments",
    "attached file",
    "download",
    "anhang",
    "anhänge",
    "datei",
    "pièce jointe",
    "pièces jointes",
    "fichier joint",
    "adjunto",
    "archivo adjunto",
    "allegato",
    "allegati",
];
/// Units of a file's size, lowercase.
const SIZE_UNITS: &[&str] = &["kb", "mb", "gb", "kib", "mib", "bytes", "ko", "mo", "kbyte"];

/// `attachment`: a line about an attached file, with its size, e.g. "Attachment:
/// route.gif (42 KB) - downloaded 96 times" or "Download: Programm.pdf (1,2 MB)".
fn attachment(c: &Candidate, _: &RuleContext, _: &CleanOptions) -> bool {
    if !matches!(c.block, Block::Paragraph { .. }) || c.chars > MAX_ATTACHMENT_CHARS {
        return false;
    }
    let lower = c.lower();
    let words: Vec<&str> = lower
        .split(|ch: char| ch.is_whitespace() || matches!(ch, '(' | ')' | ',' | '[' | ']'))
        .filter(|w| !w.is_empty())
        .collect();
    let sized = words.windows(2).any(|w| {
        w[0].chars().all(|ch| ch.is_ascii_digit() || ch == '.')
            && w[0].starts_with(|ch: char| ch.is_ascii_digit())
            && SIZE_UNITS.contains(&w[1])
    }) || words.iter().any(|w| {
        SIZE_UNITS.iter().any(|u| {
            w.strip_suffix(u)
                .is_some_and(|n| !n.is_empty() && n.chars().all(|ch| ch.is_ascii_digit()))
        })
    });
    let labelled = ATTACHMENT_LABELS.iter().any(|l| {
        lower
            .strip_prefix(l)
            .is_some_and(|rest| rest.starts_with([':', ' ']))
    });
    sized && labelled
}

/// A breadcrumb line is at most this many characters long.
const MAX_BREADCRUMB_CHARS: usize = 140;

/// `breadcrumb`: a trail of links to the sections above the page, e.g. "Lokales >
/// Großwendorf" or "Home » Club News » Walk reports" (see [`crate::clean::text::labels::crumbs`]).
fn breadcrumb(c: &Candidate, _: &RuleContext, _: &CleanOptions) -> bool {
    matches!(c.block, Block::Paragraph { .. })
        && c.chars <= MAX_BREADCRUMB_CHARS
        && crate::clean::text::labels::crumbs(c.text.trim()).is_some()
}

/// A caption closed by a credit is at most this many characters long.
const MAX_CREDITED_CAPTION_CHARS: usize = 300;

/// `caption-credit`: a short paragraph that closes with a picture credit after its last
/// sentence, a caption outside any `<figure>`, e.g. "So sieht der Marktplatz heute aus.
/// Foto: Archiv/Köhler" or "The old mill in 1910. Photo GDC - Jane Roe". A "©" line is a
/// copyright notice as often as a credit, and is left to the other rules.
fn caption_credit(c: &Candidate, _: &RuleContext, _: &CleanOptions) -> bool {
    if !matches!(c.block, Block::Paragraph { .. }) || c.chars > MAX_CREDITED_CAPTION_CHARS {
        return false;
    }
    let text = c.text.trim();
    let labelled = crate::clean::text::rules::credit_start(text).filter(|&k| {
        let credit = &text[k..];
        credit
            .split(' ')
            .next()
            .is_some_and(|w| w.ends_with(':') && w.starts_with(char::is_uppercase))
    });
    let Some(k) = labelled.or_else(|| crate::clean::text::credits::bare_credit_start(text)) else {
        return false;
    };
    let before = text[..k].trim_end().trim_end_matches('(').trim_end();
    !before.is_empty() && before.ends_with(['.', '!', '?', '"', '»', '“', '”'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attachment_lines() {
        let none = RuleContext::default();
        assert!(drops(
            "attachment",
            &para("Attachment: hollin_edge_route.gif (42 KB) - downloaded 96 times"),
            &none
        ));
        assert!(drops(
            "attachment",
            &para("Download: Programm.pdf (1,2 MB)"),
            &none
        ));
        assert!(!drops(
            "attachment",
            &para("The download took 40 MB of data on the train."),
            &none
        ));
        assert!(!drops("attachment", &para(LONG), &none));
    }

    #[test]
    fn breadcrumb_lines() {
        let none = RuleContext::default();
        assert!(drops(
            "breadcrumb",
            &para("Home » Club News » Walk reports"),
            &none
        ));
        assert!(drops(
            "breadcrumb",
            &para("Lokales > Großwendorf Druckversion | Artikel versenden"),
            &none
        ));
        assert!(!drops(
            "breadcrumb",
            &para("Prices rose by more than 5 percent > the target, the bank said."),
            &none
        ));
        assert!(!drops("breadcrumb", &para(LONG), &none));
    }

    #[test]
    fn captions_closed_by_a_credit() {
        let none = RuleContext::default();
        assert!(drops(
            "caption-credit",
            &para("So sieht der Marktplatz heute aus: Parkplätze statt Bänke. Foto: Archiv/Köhler"),
            &none
        ));
        assert!(!drops(
            "caption-credit",
            &para("The photographer said the Photo: label was added later by the editors"),
            &none
        ));
        assert!(!drops("caption-credit", &para(LONG), &none));
    }

    fn para(text: &str) -> Block {
        Block::Paragraph {
            spans: vec![Span::plain(text)],
        }
    }

    fn linked(text: &str) -> Block {
        let mut span = Span::plain(text);
        span.link = Some("https://x.test/".into());
        Block::Paragraph { spans: vec![span] }
    }

    fn drops(rule: &str, block: &Block, context: &RuleContext) -> bool {
        let rule = RULES.iter().find(|r| r.name == rule).expect("rule exists");
        (rule.test)(&Candidate::new(block), context, &CleanOptions::default())
    }

    const LONG: &str = "This paragraph is long enough to be article text, and it goes on for a while so that no short-line rule could ever take it for a button, a label or a credit line, because it is a real sentence with commas.";

    #[test]
    fn agency_signoffs() {
        for yes in [
            "aja/PAP",
            "dpa/lno",
            "(kna)",
            "(hk/uh/dpa)",
            "ab/cd/ef/gh",
            "(jö/APA",
        ] {
            assert!(is_agency_signoff(yes), "{yes}");
        }
        for no in [
            "kna",
            "a/PAP",
            "abcdefg/PAP",
            "aja/P",
            "ab/cd/ef/gh/ij",
            "aja/PAP1",
            "(k)",
            "aja PAP",
        ] {
            assert!(!is_agency_signoff(no), "{no}");
        }
    }

    #[test]
    fn patterns_compile() {
        assert!(BYLINE_START.is_some() && DATE_LIKE.is_some());
    }

    #[test]
    fn title_repeat_drops_the_headline() {
        let context = RuleContext {
            title: Some("Big  News Today"),
            authors: &[],
        };
        assert!(drops(
            "title-repeat",
            &Block::Heading {
                level: 1,
                spans: vec![Span::plain("Big News Today")]
            },
            &context
        ));
        assert!(!drops("title-repeat", &para(LONG), &context));
    }

    #[test]
    fn advertisement_labels() {
        let c = RuleContext::default();
        assert!(drops("advertisement", &para("Advertisement"), &c));
        assert!(drops("advertisement", &para("- Anzeige -"), &c));
        assert!(!drops(
            "advertisement",
            &para("Advertisement revenue fell by half."),
            &c
        ));
    }

    #[test]
    fn bylines() {
        let authors = vec!["Jane Doe".to_string()];
        let c = RuleContext {
            title: None,
            authors: &authors,
        };
        assert!(drops("byline", &para("By Jane Doe, Staff Writer"), &c));
        assert!(drops("byline", &para("Von Max Mustermann"), &c));
        assert!(drops("byline", &para("Jane Doe"), &c));
        let team = vec!["Redaktion".to_string()];
        let c1 = RuleContext {
            title: None,
            authors: &team,
        };
        assert!(drops("byline", &para("Von Redaktion"), &c1));
        assert!(!drops("byline", &para("XX, Die Redaktion"), &c1));
        assert!(!drops(
            "byline",
            &para("By the end of the year, prices had doubled."),
            &c
        ));
    }

    #[test]
    fn datelines() {
        let c = RuleContext::default();
        assert!(drops("dateline", &para("25. November 2019"), &c));
        assert!(drops("dateline", &para("Stand: 25.11.2019 14:03 Uhr"), &c));
        assert!(!drops("dateline", &para(LONG), &c));
        assert!(!drops("dateline", &para("In 2019 the team won."), &c));
    }

    #[test]
    fn image_credits() {
        let c = RuleContext::default();
        assert!(drops(
            "image-credit",
            &para("Bild: picture-alliance/AP Photo"),
            &c
        ));
        assert!(drops("image-credit", &para("Jane Doe/Getty Images"), &c));
        assert!(!drops("image-credit", &para(LONG), &c));
        assert!(drops(
            "image-credit",
            &para("(Credit: Clayton Aldern / Grist)"),
            &c
        ));
        assert!(drops(
            "image-credit",
            &para("Vergrößern Ein schmaler Rahmen rund um das Display."),
            &c
        ));
    }

    #[test]
    fn share_buttons_and_teasers_and_calls() {
        let c = RuleContext::default();
        assert!(drops(
            "share-buttons",
            &para("Share on Facebook | Tweet | Email"),
            &c
        ));
        assert!(!drops("share-buttons", &para("Share prices rose."), &c));
        assert!(drops(
            "inline-teaser",
            &linked("Read more: Ten things about cats"),
            &c
        ));
        assert!(drops(
            "call-to-action",
            &para("Sign up for our daily newsletter"),
            &c
        ));
        assert!(!drops("call-to-action", &para(LONG), &c));
        assert!(drops(
            "call-to-action",
            &para("For the latest news download our apps for iOS and Android."),
            &c
        ));
        assert!(drops("inline-teaser", &para("Zobacz także"), &c));
        assert!(drops("image-credit", &para("Źródło: PAP"), &c));
    }

    #[test]
    fn related_headings_go_anywhere() {
        let c = RuleContext::default();
        let heading = |text: &str| Block::Heading {
            level: 3,
            spans: vec![Span::plain(text)],
        };
        assert!(drops(
            "related-heading",
            &heading("Noticias relacionadas"),
            &c
        ));
        assert!(drops("related-heading", &heading("Read more:"), &c));
        assert!(!drops(
            "related-heading",
            &heading("Related work in the 1990s"),
            &c
        ));
    }

    #[test]
    fn link_dense_blocks() {
        let c = RuleContext::default();
        assert!(drops("link-dense", &linked("Another headline"), &c));
        assert!(!drops("link-dense", &para(LONG), &c));
    }

    #[test]
    fn captions_go_unless_asked_for() {
        let c = RuleContext::default();
        let caption = Block::Caption {
            spans: vec![Span::plain("A cat")],
        };
        assert!(drops("caption", &caption, &c));
        let options = CleanOptions {
            captions: true,
            ..CleanOptions::default()
        };
        assert!(!caption_rule(&caption, &options));
    }

    fn caption_rule(block: &Block, options: &CleanOptions) -> bool {
        caption(&Candidate::new(block), &RuleContext::default(), options)
    }

    #[test]
    fn trailing_related_lists_go() {
        let blocks = vec![
            para(LONG),
            para("Related stories"),
            linked("One"),
            linked("Two"),
        ];
        let mut dropped = Vec::new();
        let kept = apply(
            blocks,
            &RuleContext::default(),
            &CleanOptions::default(),
            &mut dropped,
        );
        assert_eq!(kept.len(), 1);
        assert!(dropped.iter().any(|d| d.rule == "trailing-related"));
    }

    #[test]
    fn trailing_headings_go() {
        let blocks = vec![
            para(LONG),
            Block::Heading {
                level: 2,
                spans: vec![Span::plain("Comments")],
            },
        ];
        let mut dropped = Vec::new();
        let kept = apply(
            blocks,
            &RuleContext::default(),
            &CleanOptions::default(),
            &mut dropped,
        );
        assert_eq!(kept.len(), 1);
    }

    #[test]
    fn end_matter_goes() {
        let run = |blocks: Vec<Block>| {
            let mut dropped = Vec::new();
            let kept = apply(
                blocks,
                &RuleContext::default(),
                &CleanOptions::default(),
                &mut dropped,
            );
            (kept.len(), dropped.iter().any(|d| d.rule == "end-matter"))
        };
        let licence = vec![
            para(LONG),
            para(LONG),
            para("Dieser Beitrag steht unter der Lizenz CC-BY-NC-ND-4.0-DE."),
            para("Die Grafiken sind davon ausgenommen."),
        ];
        assert_eq!(run(licence), (2, true));
        let contact = vec![para(LONG), para("Kontakt: presse[at]example.org")];
        assert_eq!(run(contact), (1, true));
        assert_eq!(run(vec![para(LONG), para("aja/PAP")]), (1, true));
        assert_eq!(run(vec![para(LONG), para("(kna)")]), (1, true));
        let news = vec![
            para(LONG),
            para("Das bestätigte ein Pressesprecher der Stadt am Montag."),
        ];
        assert_eq!(run(news), (2, false));
    }

    #[test]
    fn long_trailing_headings_stay() {
        let blocks = vec![
            para(LONG),
            Block::Heading {
                level: 2,
                spans: vec![Span::plain(LONG)],
            },
        ];
        let mut dropped = Vec::new();
        let kept = apply(
            blocks,
            &RuleContext::default(),
            &CleanOptions::default(),
            &mut dropped,
        );
        assert_eq!(kept.len(), 2);
    }
}
