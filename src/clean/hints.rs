//! Hints from the page's own structured data: the JSON-LD `articleBody` text.
//!
//! Takes the [`Dom`] and the [`Marks`] from scoring; returns the article body the page declares
//! (when there is one) and, from it, a better content root when the scored root misses much of
//! the declared text. Invalid JSON is skipped, never an error. Reads only; it does not decide
//! what is kept inside the root, and it is not the metadata reader.

use super::score::Marks;
use super::signals::{WordHasher, WordHashing};
use crate::dom::{Dom, NodeId, Tag};
use std::collections::HashSet;
use std::hash::{Hash, Hasher};

/// A declared body shorter than this many word pairs is too short to steer root choice.
pub const MIN_HINT_PAIRS: usize = 30;

/// The scored root is kept when it already holds this share of the declared body's word pairs.
pub const ROOT_RECALL_ENOUGH: f32 = 0.7;

/// A hinted root must hold this much more of the declared body than the scored root.
pub const RECALL_GAIN: f32 = 0.2;

/// The longest JSON-LD `articleBody` string on the page, if any.
pub fn article_body(dom: &Dom) -> Option<String> {
    let mut best: Option<String> = None;
    for id in dom.find_all(Tag::Script) {
        let is_ld = dom
            .attr(id, "type")
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
        if !is_ld {
            continue;
        }
        let text = dom.text_content(id);
        if !text.contains("articleBody") {
            continue;
        }
        let Ok(value) = serde_json::from_str::<serde_json::Value>(text.trim()) else {
            continue;
        };
        let mut stack = vec![&value];
        while let Some(value) = stack.pop() {
            match value {
                serde_json::Value::Object(map) => {
                    if let Some(serde_json::Value::String(body)) = map.get("articleBody")
                        && best.as_ref().is_none_or(|b| b.len() < body.len())
                    {
                        best = Some(body.clone());
                    }
                    stack.extend(map.values());
                }
                serde_json::Value::Array(items) => stack.extend(items),
                _ => {}
            }
        }
    }
    best
}

/// Hashes of the pairs of consecutive words (lowercase) of a text.
fn word_pairs(text: &str, mut each: impl FnMut(u64)) {
    let mut previous: Option<u64> = None;
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let mut hasher = WordHasher::default();
        for c in word.chars().flat_map(char::to_lowercase) {
            c.hash(&mut hasher);
        }
        let current = hasher.finish();
        if let Some(previous) = previous {
            each(previous.rotate_left(17) ^ current);
        }
        previous = Some(current);
    }
}

/// How much of the declared body each subtree holds.
struct Coverage {
    /// Word pairs of the subtree's visible text found in the declared body.
    hits: Vec<u32>,
    /// All word pairs of the subtree's visible text.
    pairs: Vec<u32>,
    /// Distinct word pairs of the declared body.
    declared: u32,
}

fn coverage(dom: &Dom, marks: &Marks, body: &str) -> Coverage {
    let mut declared = HashSet::with_hasher(WordHashing::default());
    word_pairs(body, |pair| {
        declared.insert(pair);
    });
    let mut hits = vec![0u32; dom.len()];
    let mut pairs = vec![0u32; dom.len()];
    for id in dom.ids() {
        if marks.removed[id as usize].is_some() || marks.in_boilerplate[id as usize] {
            continue;
        }
        if let Some(text) = dom.text(id) {
            word_pairs(text, |pair| {
                pairs[id as usize] += 1;
                if declared.contains(&pair) {
                    hits[id as usize] += 1;
                }
            });
        }
    }
    for id in dom.ids().rev() {
        if let Some(parent) = dom.parent(id) {
            hits[parent as usize] += hits[id as usize];
            pairs[parent as usize] += pairs[id as usize];
        }
    }
    Coverage {
        hits,
        pairs,
        declared: declared.len() as u32,
    }
}

/// The content root the declared body points to, when the scored `root` misses much of it:
/// the element whose text best matches the declared body (F-score of shared word pairs). Keeps
/// `root` when it already holds most of the declared body, so a teaser-length `articleBody`
/// never narrows a good root to one paragraph.
pub fn hinted_root(dom: &Dom, marks: &Marks, body: &str, root: Option<NodeId>) -> Option<NodeId> {
    let cover = coverage(dom, marks, body);
    if (cover.declared as usize) < MIN_HINT_PAIRS {
        return root;
    }
    let declared = cover.declared as f32;
    let recall = |id: NodeId| (cover.hits[id as usize] as f32 / declared).min(1.0);
    let f_score = |id: NodeId| {
        let hits = cover.hits[id as usize] as f32;
        let pairs = cover.pairs[id as usize] as f32;
        if hits == 0.0 {
            0.0
        } else {
            2.0 * hits / (pairs + declared)
        }
    };
    let root_recall = root.map_or(0.0, recall);
    if root_recall >= ROOT_RECALL_ENOUGH {
        return root;
    }
    // Reverse order: among equal scores the outermost element wins.
    let best = dom
        .ids()
        .rev()
        .filter(|&id| {
            dom.tag(id).is_some()
                && marks.removed[id as usize].is_none()
                && !marks.in_boilerplate[id as usize]
        })
        .max_by(|&a, &b| f_score(a).total_cmp(&f_score(b)))?;
    if recall(best) >= root_recall + RECALL_GAIN {
        Some(best)
    } else {
        root
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::score::{ScoreParams, choose_root, mark};

    #[test]
    fn reads_the_longest_article_body_and_skips_invalid_json() {
        let dom = Dom::parse(
            r#"<head><script type="application/ld+json">{"articleBody": oops</script>
            <script type="application/ld+json">[{"@graph":[{"articleBody":"Short"},{"articleBody":"The longer body"}]}]</script></head>"#,
        );
        assert_eq!(article_body(&dom).as_deref(), Some("The longer body"));
    }

    #[test]
    fn the_declared_body_moves_a_root_that_missed_it() {
        let story = "Rescuers reached the village on Monday after three days of heavy rain had cut the only road, and they found the school standing but the bridge gone, so the families on the far bank waited for boats that the army sent in the evening. ";
        let other = "Our customer service centre answers questions on weekdays, by telephone, by fax and by electronic mail, and handles delivery requests on Fridays; call us. ";
        let html = format!(
            "<body><div id=story><p><a href=/s>{story}</a></p></div><div id=info><p>{other}</p><p>{other}</p></div></body>"
        );
        let dom = Dom::parse(&html);
        let marks = mark(&dom, ScoreParams::default());
        let root = choose_root(&dom, &marks);
        assert_eq!(dom.attr(root.expect("root"), "id"), Some("info"));
        let hinted = hinted_root(&dom, &marks, story, root).expect("hinted root");
        assert_eq!(dom.attr(hinted, "id"), Some("story"));
    }
}
