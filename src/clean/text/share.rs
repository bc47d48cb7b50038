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

/// The notes a page prints after a link that opens a new window, lower case.
const WINDOW_NOTES: &[&str] = &[
    "opens in new window",
    "opens in a new window",
    "opens in new tab",
    "opens in a new tab",
    "öffnet in neuem fenster",
    "öffnet sich in einem neuen fenster",
    "s'ouvre dans une nouvelle fenêtre",
    "nouvelle fenêtre",
    "se abre en una nueva ventana",
    "abre en una nueva ventana",
    "si apre in una nuova finestra",
    "abre em uma nova janela",
    "abre numa nova janela",
    "opent in een nieuw venster",
    "otwiera się w nowym oknie",
];
/// Openers of a single share button written out ("Click to share on Twitter").
const BUTTON_OPENERS: &[&str] = &[
    "click to ",
    "klicken, um ",
    "cliquez pour ",
    "haz clic para ",
];

/// A row of share buttons: a share word, two networks or more, and little else; or one share
/// button written out with the note that its link opens a new window.
///
/// Example: "Condividi su Facebook Condividi su Telegram Invia per email", "Click to share on
/// Twitter (Opens in new window)".
pub fn share_row(_: &Unit, facts: &Facts) -> bool {
    if !facts.has(Cue::Share) || facts.words > MAX_ROW_WORDS || facts.sentence_end {
        return false;
    }
    let networks = facts
        .lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| NETWORKS.contains(w))
        .count();
    let row = networks >= MIN_NETWORKS && facts.words <= networks * MAX_WORDS_PER_NETWORK;
    row || (BUTTON_OPENERS.iter().any(|o| facts.lower.starts_with(o))
        && WINDOW_NOTES.iter().any(|n| facts.lower.contains(n)))
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
        assert!(row("Click to share on Twitter (Opens in new window)"));
        assert!(row("Click to print (Opens in new window)"));
        assert!(!row("Click to read the BODY_TEXT report"));
    }
}
