//! The HTML path: score, pick the content root, emit blocks (the lead set apart before the root
//! first), apply the rules, and compare with a second strategy when the first result looks short
//! or noisy.

use super::Extraction;
use super::emit::emit;
use super::hints;
use super::rules::{self, RuleContext};
use super::score::{self, Marks, ScoreParams};
use crate::article::{Block, Dropped, Metadata, Span};
use crate::dom::{DOCUMENT, Dom, NodeId, Tag};
use crate::options::CleanOptions;

/// Extracts the body blocks of a parsed page.
pub fn extract(
    dom: &Dom,
    metadata: &Metadata,
    options: &CleanOptions,
    base: Option<&url::Url>,
) -> Extraction {
    let marks = score::mark(dom, ScoreParams::default());
    let context = RuleContext {
        title: metadata.title.as_deref(),
        authors: &metadata.authors,
    };
    let scored = score::choose_root(dom, &marks);
    let root = match hints::article_body(dom) {
        Some(declared) => hints::hinted_root(dom, &marks, &declared, scored),
        None => scored,
    };
    let mut first = root.map(|root| from_root(dom, &marks, root, &context, options, base));
    if root != scored
        && let Some(first) = first.as_mut()
    {
        first.dropped.push(Dropped::new(
            "json-ld-hint",
            "the scored content root missed most of the JSON-LD articleBody; moved the root",
        ));
    }
    let first_quality = first.as_ref().map_or(0.0, |e| quality(&e.blocks));
    let looks_short = first_quality < options.short_body_chars as f32;
    let looks_noisy = first.as_ref().is_some_and(|e| link_share(&e.blocks) > 0.25);
    if first.is_some() && !looks_short && !looks_noisy {
        return first.unwrap_or_default();
    }
    let body = dom.find(Tag::Body).unwrap_or(DOCUMENT);
    let mut second = from_root(dom, &marks, body, &context, options, base);
    second.blocks = dense_blocks_only(second.blocks, options.explain, &mut second.dropped);
    let second_quality = quality(&second.blocks);
    let chosen = match first {
        Some(first) if first_quality * 1.5 >= second_quality || second_quality < 100.0 => first,
        _ => {
            second.dropped.push(Dropped::new(
                "second-strategy",
                "the content root looked short or noisy; kept the dense blocks of the whole page",
            ));
            second
        }
    };
    if chosen.blocks.is_empty() && marks.text_chars[body as usize] < options.short_body_chars as u32
    {
        return tiny_page(dom, &marks, body, &context, options, base);
    }
    chosen
}

/// `tiny-page`: a page whose whole visible text is shorter than `short_body_chars` and where
/// neither strategy found a block, e.g. `<body>Test</body>` or a one-line note, gives its
/// non-boilerplate blocks after the single-block rules, rather than no article at all.
fn tiny_page(
    dom: &Dom,
    marks: &Marks,
    body: NodeId,
    context: &RuleContext,
    options: &CleanOptions,
    base: Option<&url::Url>,
) -> Extraction {
    let mut whole = from_root(dom, marks, body, context, options, base);
    whole.dropped.push(Dropped::new(
        "tiny-page",
        "no content root on a page with little text; kept its non-boilerplate blocks",
    ));
    whole
}

fn from_root(
    dom: &Dom,
    marks: &Marks,
    root: NodeId,
    context: &RuleContext,
    options: &CleanOptions,
    base: Option<&url::Url>,
) -> Extraction {
    let (mut blocks, mut dropped) = emit(dom, marks, root, base, options.explain);
    if let Some(lead) = score::lead_before_root(dom, marks, root) {
        let (mut lead_blocks, lead_dropped) = emit(dom, marks, lead, base, options.explain);
        lead_blocks.append(&mut blocks);
        blocks = lead_blocks;
        dropped.extend(lead_dropped);
    }
    let blocks = rules::apply(blocks, context, options, &mut dropped);
    Extraction { blocks, dropped }
}

/// Plain (non-link) characters of the blocks: how much article text they hold.
fn quality(blocks: &[Block]) -> f32 {
    let (chars, linked) = counts(blocks);
    (chars - linked) as f32
}

fn link_share(blocks: &[Block]) -> f32 {
    let (chars, linked) = counts(blocks);
    if chars == 0 {
        0.0
    } else {
        linked as f32 / chars as f32
    }
}

/// Characters other than white space (ASCII text is counted byte by byte).
fn non_space_chars(text: &str) -> usize {
    if text.is_ascii() {
        text.bytes()
            .filter(|b| !matches!(b, b'\t'..=b'\r' | b' '))
            .count()
    } else {
        text.chars().filter(|c| !c.is_whitespace()).count()
    }
}

fn counts(blocks: &[Block]) -> (usize, usize) {
    let mut chars = 0;
    let mut linked = 0;
    let mut count = |spans: &[Span]| {
        for span in spans {
            let n = non_space_chars(&span.text);
            chars += n;
            if span.link.is_some() {
                linked += n;
            }
        }
    };
    let mut verbatim = 0;
    for block in blocks {
        match block {
            Block::Paragraph { spans }
            | Block::Heading { spans, .. }
            | Block::Caption { spans } => count(spans),
            Block::List { items, .. } => items.iter().for_each(|i| count(&i.spans)),
            Block::Quote { paragraphs } => paragraphs.iter().for_each(|p| count(p)),
            Block::Code { text, .. } => verbatim += text.len(),
            Block::Table { rows } => {
                verbatim += rows.iter().map(|r| r.cells.concat().len()).sum::<usize>()
            }
            Block::Image { .. } => {}
        }
    }
    (chars + verbatim, linked)
}

/// Second strategy's filter (`sparse-block`): from the whole page keep only blocks that read as
/// prose (long enough, few links), and headings directly above kept prose.
fn dense_blocks_only(blocks: Vec<Block>, explain: bool, dropped: &mut Vec<Dropped>) -> Vec<Block> {
    let dense: Vec<bool> = blocks
        .iter()
        .map(|block| match block {
            Block::Paragraph { .. } | Block::Quote { .. } => {
                let text = block.text();
                text.chars().count() >= 60 && link_share(std::slice::from_ref(block)) < 0.3
            }
            Block::List { items, .. } => {
                let average = items
                    .iter()
                    .map(|i| crate::article::spans_text(&i.spans).len())
                    .sum::<usize>()
                    / items.len().max(1);
                average >= 40 && link_share(std::slice::from_ref(block)) < 0.3
            }
            Block::Code { .. } | Block::Table { .. } => true,
            Block::Heading { .. } | Block::Caption { .. } | Block::Image { .. } => false,
        })
        .collect();
    let mut kept = Vec::new();
    for (i, block) in blocks.into_iter().enumerate() {
        let heading_above_prose =
            matches!(block, Block::Heading { .. }) && dense.get(i + 1) == Some(&true);
        if dense[i] || heading_above_prose {
            kept.push(block);
        } else {
            rules::record(dropped, explain, "sparse-block", &block);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(html: &str) -> Vec<String> {
        let dom = Dom::parse(html);
        extract(&dom, &Metadata::default(), &CleanOptions::default(), None)
            .blocks
            .iter()
            .map(Block::text)
            .collect()
    }

    const PARA: &str = "This is a long paragraph of article text, with commas, sentences and enough words to count as real content for the scorer and the second strategy.";

    #[test]
    fn keeps_the_article_and_drops_the_page_around_it() {
        let html = format!(
            "<body><nav><a href=/>Home</a><a href=/w>World</a></nav><article><h1>T</h1><p>{PARA}</p><div class=ad>Advertisement</div><p>{PARA} Two.</p><p>{PARA} Three.</p><p>{PARA} Four.</p></article><footer>© 2024 Example</footer></body>"
        );
        let texts = run(&html);
        assert_eq!(texts.len(), 5, "{texts:?}");
        assert!(
            texts
                .iter()
                .all(|t| !t.contains("Home") && !t.contains("©") && !t.contains("Advertisement"))
        );
    }

    #[test]
    fn short_pages_still_give_their_text() {
        let texts = run(&format!("<body><div><p>{PARA}</p></div></body>"));
        assert_eq!(texts, [PARA]);
    }

    #[test]
    fn a_tiny_page_gives_its_text() {
        assert_eq!(run("<body>\n  Test\n</body>"), ["Test"]);
    }

    #[test]
    fn a_page_of_links_gives_nothing() {
        let texts = run(
            "<body><ul><li><a href=/a>One story</a></li><li><a href=/b>Two story</a></li></ul></body>",
        );
        assert!(texts.is_empty());
    }
}
