//! Rows of share buttons too long for the `share-buttons` rule: "Condividi su Facebook
//! Condividi su Telegram Invia per email".
//!
//! Takes a unit and its facts; says whether the unit is a row of share buttons. Never reads
//! other units.

use super::rules::{Cue, Facts};
use super::segment::Unit;

/// Networks and channels a share row names, lower case.
const NETWORKS: &[&str] = &[
    "facebook",
    "twitter",
    "whatsapp",
    "linkedin",
    "pinterest",
    "reddit",
    "telegram",
    "email",
    "e-mail",
    "mail",
    "xing",
    "flipboard",
    "threads",
    "bluesky",
    "mastodon",
    "messenger",
    "x",
];
/// A share row has at most this many words.
const MAX_ROW_WORDS: usize = 16;
/// A share row names at least this many networks...
const MIN_NETWORKS: usize = 2;
/// ...and has at most this many words per network named ("Condividi su Facebook": 3).
const MAX_WORDS_PER_NETWORK: usize = 4;

/// A row of share buttons: a share word, two networks or more, and little else.
///
/// Example: "Condividi su Facebook Condividi su Telegram Invia per email".
pub fn share_row(_: &Unit, facts: &Facts) -> bool {
    if !facts.has(Cue::Share) || facts.words > MAX_ROW_WORDS || facts.sentence_end {
        return false;
    }
    let networks = facts
        .lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| NETWORKS.contains(w))
        .count();
    networks >= MIN_NETWORKS && facts.words <= networks * MAX_WORDS_PER_NETWORK
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(text: &str) -> bool {
        let unit = Unit::paragraph(text);
        share_row(&unit, &Facts::of(&unit))
    }

    #[test]
    fn rows_of_share_buttons() {
        assert!(row(
            "Condividi su Facebook Condividi su Telegram Invia per email"
        ));
        assert!(row("Share on Facebook Share on X Share by email"));
        assert!(!row(
            "The council will share the plans on Facebook and by email next week."
        ));
        assert!(!row(
            "Facebook and WhatsApp were down for six hours in the region"
        ));
    }
}
