//! The corpus metrics, exactly as `../shared/corpus/README.md` defines them.

use std::collections::HashMap;
use std::sync::LazyLock;

static WORD: LazyLock<Option<regex::Regex>> = LazyLock::new(|| regex::Regex::new(r"\w+").ok());

/// Tokens: maximal runs of Unicode word characters, case kept.
pub fn tokens(text: &str) -> Vec<&str> {
    WORD.as_ref()
        .map(|re| re.find_iter(text).map(|m| m.as_str()).collect())
        .unwrap_or_default()
}

fn shingles<'a>(tokens: &[&'a str]) -> HashMap<Vec<&'a str>, usize> {
    let mut counts = HashMap::new();
    if tokens.is_empty() {
        return counts;
    }
    if tokens.len() < 4 {
        counts.insert(tokens.to_vec(), 1);
        return counts;
    }
    for window in tokens.windows(4) {
        *counts.entry(window.to_vec()).or_insert(0) += 1;
    }
    counts
}

/// One page's body score.
#[derive(Debug, Clone, Copy, Default)]
pub struct PageScore {
    /// Precision, when defined.
    pub precision: Option<f64>,
    /// Recall, when defined.
    pub recall: Option<f64>,
    /// Token lists equal.
    pub exact: bool,
}

impl PageScore {
    /// Page F1 (0 when undefined), for ranking the worst pages.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision.unwrap_or(0.0), self.recall.unwrap_or(0.0));
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Shingle precision and recall of a prediction against the truth.
pub fn body_score(truth: &str, prediction: &str) -> PageScore {
    let truth_tokens = tokens(truth);
    let predicted_tokens = tokens(prediction);
    let exact = truth_tokens == predicted_tokens;
    let truth_shingles = shingles(&truth_tokens);
    let predicted = shingles(&predicted_tokens);
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for (shingle, &count) in &predicted {
        let in_truth = truth_shingles.get(shingle).copied().unwrap_or(0);
        tp += count.min(in_truth);
        fp += count.saturating_sub(in_truth);
    }
    for (shingle, &count) in &truth_shingles {
        fn_ += count.saturating_sub(predicted.get(shingle).copied().unwrap_or(0));
    }
    if fp == 0 && fn_ == 0 {
        return PageScore {
            precision: Some(1.0),
            recall: Some(1.0),
            exact,
        };
    }
    let ratio =
        |num: usize, other: usize| (num + other > 0).then(|| num as f64 / (num + other) as f64);
    PageScore {
        precision: ratio(tp, fp),
        recall: ratio(tp, fn_),
        exact,
    }
}

/// Corpus precision, recall, F1 and accuracy over page scores.
#[derive(Debug, Clone, Copy, Default)]
pub struct BodySummary {
    /// Mean page precision.
    pub precision: f64,
    /// Mean page recall.
    pub recall: f64,
    /// 2PR/(P+R).
    pub f1: f64,
    /// Share of pages with equal token lists.
    pub accuracy: f64,
}

/// Averages page scores as the corpus README says.
pub fn summarise(scores: &[PageScore]) -> BodySummary {
    let mean = |values: Vec<f64>| {
        if values.is_empty() {
            0.0
        } else {
            values.iter().sum::<f64>() / values.len() as f64
        }
    };
    let precision = mean(scores.iter().filter_map(|s| s.precision).collect());
    let recall = mean(scores.iter().filter_map(|s| s.recall).collect());
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    let accuracy = scores.iter().filter(|s| s.exact).count() as f64 / scores.len().max(1) as f64;
    BodySummary {
        precision,
        recall,
        f1,
        accuracy,
    }
}

/// Collapses white space runs to one space and trims.
pub fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Snippet counts over a corpus.
#[derive(Debug, Clone, Copy, Default)]
pub struct SnippetCounts {
    pub tp: usize,
    pub fn_: usize,
    pub fp: usize,
    pub tn: usize,
}

impl SnippetCounts {
    pub fn add(&mut self, other: SnippetCounts) {
        self.tp += other.tp;
        self.fn_ += other.fn_;
        self.fp += other.fp;
        self.tn += other.tn;
    }
    pub fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    pub fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
    pub fn f(&self) -> f64 {
        2.0 * self.tp as f64 / (2 * self.tp + self.fp + self.fn_).max(1) as f64
    }
    pub fn accuracy(&self) -> f64 {
        (self.tp + self.tn) as f64 / (self.tp + self.tn + self.fp + self.fn_).max(1) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_texts_score_one() {
        let s = body_score("one two three four five", "one two three four five");
        assert_eq!(
            (s.precision, s.recall, s.exact),
            (Some(1.0), Some(1.0), true)
        );
    }

    #[test]
    fn extra_text_lowers_precision_only() {
        let s = body_score("a b c d e", "a b c d e f g");
        assert_eq!(s.recall, Some(1.0));
        assert!(s.precision.is_some_and(|p| (p - 0.5).abs() < 1e-9));
    }
}
