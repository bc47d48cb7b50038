//! Named line rules of the saved-text path: each looks at one [`Unit`] and says whether it is
//! boilerplate.
//!
//! Takes a unit and its [`Facts`]; returns the name of the first rule that fires. Phrase lists
//! are data, matched at word boundaries through an index of their first words built once.
//! Rules that need neighbours (navigation runs, alt text before a caption, the title) live in
//! `region` and `lift`; nothing here reads metadata or other units.

use super::segment::{Kind, Unit};
use std::sync::LazyLock;

/// Families of boilerplate phrases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u16)]
pub enum Cue {
    /// "Skip to content", "Zum Inhalt springen".
    SkipLink = 1,
    /// "Share", "Tweet", "Drucken".
    Share = 2,
    /// "We use cookies".
    Cookie = 4,
    /// "Sign up for our newsletter".
    Newsletter = 8,
    /// "Related", "Mehr zum Thema", "Read more".
    Related = 16,
    /// "Impressum", "Privacy policy", "All rights reserved".
    Footer = 32,
    /// "Advertisement", "Anzeige".
    Advert = 64,
    /// "Comments", "Leave a reply".
    Comments = 128,
    /// "Sign in", "Subscribe to read".
    Login = 256,
    /// "2 days ago", "il y a 3 heures": relative time stamps.
    Stamp = 512,
    /// "About the author", "Über den Autor": the author box after an article.
    Author = 1024,
    /// "Previous post", "Nächster Beitrag": links to the neighbouring posts of a blog.
    PostNav = 2048,
    /// "Enjoyed this article?", "Dieser Artikel gefällt Ihnen?": calls to like, share or
    /// support the site after an article.
    Engage = 4096,
}

/// The phrase lists, lower case. A phrase matches only at word boundaries.
const PHRASES: &[(&str, Cue)] = &[
    // skip links and accessibility jumps
    ("skip to", Cue::SkipLink),
    ("jump to", Cue::SkipLink),
    ("skip navigation", Cue::SkipLink),
    ("back to top", Cue::SkipLink),
    ("go to top", Cue::SkipLink),
    ("springen", Cue::SkipLink),
    ("zum inhalt", Cue::SkipLink),
    ("direkt zum", Cue::SkipLink),
    ("zur hauptnavigation", Cue::SkipLink),
    ("zum seitenanfang", Cue::SkipLink),
    ("nach oben", Cue::SkipLink),
    ("aller au contenu", Cue::SkipLink),
    ("passer au contenu", Cue::SkipLink),
    ("aller à la navigation", Cue::SkipLink),
    ("retour en haut", Cue::SkipLink),
    ("ir al contenido", Cue::SkipLink),
    ("saltar al contenido", Cue::SkipLink),
    ("volver arriba", Cue::SkipLink),
    ("vai al contenuto", Cue::SkipLink),
    ("salta al contenuto", Cue::SkipLink),
    ("torna su", Cue::SkipLink),
    ("ir para o conteúdo", Cue::SkipLink),
    ("saltar para o conteúdo", Cue::SkipLink),
    ("naar inhoud", Cue::SkipLink),
    ("spring naar", Cue::SkipLink),
    ("naar de inhoud", Cue::SkipLink),
    ("hoppa till", Cue::SkipLink),
    ("przejdź do", Cue::SkipLink),
    // share, print, comment buttons
    ("share", Cue::Share),
    ("share this", Cue::Share),
    ("tweet", Cue::Share),
    ("facebook", Cue::Share),
    ("twitter", Cue::Share),
    ("whatsapp", Cue::Share),
    ("linkedin", Cue::Share),
    ("pinterest", Cue::Share),
    ("reddit", Cue::Share),
    ("email", Cue::Share),
    ("e-mail", Cue::Share),
    ("print", Cue::Share),
    ("drucken", Cue::Share),
    ("teilen", Cue::Share),
    ("versenden", Cue::Share),
    ("merken", Cue::Share),
    ("partager", Cue::Share),
    ("imprimer", Cue::Share),
    ("compartir", Cue::Share),
    ("imprimir", Cue::Share),
    ("condividi", Cue::Share),
    ("stampa", Cue::Share),
    ("delen", Cue::Share),
    ("copy link", Cue::Share),
    ("link kopieren", Cue::Share),
    ("permalink", Cue::Share),
    // cookie and consent notices
    ("cookie", Cue::Cookie),
    ("cookies", Cue::Cookie),
    ("consent", Cue::Cookie),
    ("einwilligung", Cue::Cookie),
    ("consentement", Cue::Cookie),
    ("consentimiento", Cue::Cookie),
    // newsletter and subscription calls
    ("newsletter", Cue::Newsletter),
    ("sign up", Cue::Newsletter),
    ("subscribe", Cue::Newsletter),
    ("abonnieren", Cue::Newsletter),
    ("abonnez-vous", Cue::Newsletter),
    ("s'abonner", Cue::Newsletter),
    ("suscríbete", Cue::Newsletter),
    ("iscriviti", Cue::Newsletter),
    ("inscreva-se", Cue::Newsletter),
    // related and read-more lists
    ("related", Cue::Related),
    ("related articles", Cue::Related),
    ("related stories", Cue::Related),
    ("more on this", Cue::Related),
    ("more from", Cue::Related),
    ("read more", Cue::Related),
    ("read next", Cue::Related),
    ("read also", Cue::Related),
    ("see also", Cue::Related),
    ("you may also like", Cue::Related),
    ("you might also like", Cue::Related),
    ("recommended", Cue::Related),
    ("most popular", Cue::Related),
    ("most read", Cue::Related),
    ("trending", Cue::Related),
    ("mehr zum thema", Cue::Related),
    ("lesen sie auch", Cue::Related),
    ("lesen sie hier", Cue::Related),
    ("lesen sie mehr", Cue::Related),
    ("auch interessant", Cue::Related),
    ("weitere artikel", Cue::Related),
    ("mehr lesen", Cue::Related),
    ("meistgelesen", Cue::Related),
    ("das könnte sie auch interessieren", Cue::Related),
    ("à lire aussi", Cue::Related),
    ("lire aussi", Cue::Related),
    ("lire la suite", Cue::Related),
    ("sur le même sujet", Cue::Related),
    ("te puede interesar", Cue::Related),
    ("leer más", Cue::Related),
    ("más información", Cue::Related),
    ("noticias relacionadas", Cue::Related),
    ("leggi anche", Cue::Related),
    ("leia também", Cue::Related),
    ("lees ook", Cue::Related),
    ("lees meer", Cue::Related),
    ("você pode gostar", Cue::Related),
    ("veja também", Cue::Related),
    ("leia mais", Cue::Related),
    ("ähnliche artikel", Cue::Related),
    ("zobacz także", Cue::Related),
    ("czytaj także", Cue::Related),
    ("czytaj też", Cue::Related),
    ("artículos relacionados", Cue::Related),
    ("articles similaires", Cue::Related),
    ("articoli correlati", Cue::Related),
    ("top stories", Cue::Related),
    ("related posts", Cue::Related),
    ("similar posts", Cue::Related),
    ("you might like", Cue::Related),
    ("you may like", Cue::Related),
    ("previous post", Cue::PostNav),
    ("next post", Cue::PostNav),
    ("previous article", Cue::PostNav),
    ("next article", Cue::PostNav),
    ("post navigation", Cue::Related),
    ("recent posts", Cue::Related),
    ("latest posts", Cue::Related),
    ("further reading", Cue::Related),
    ("more information", Cue::Related),
    ("weitere informationen", Cue::Related),
    ("weiterführende links", Cue::Related),
    ("weitere beiträge", Cue::Related),
    ("verwandte beiträge", Cue::Related),
    ("ähnliche beiträge", Cue::Related),
    ("beliebte beiträge", Cue::Related),
    ("neueste beiträge", Cue::Related),
    ("aktuelle beiträge", Cue::Related),
    ("vorheriger beitrag", Cue::PostNav),
    ("nächster beitrag", Cue::PostNav),
    ("beitragsnavigation", Cue::Related),
    ("das könnte dir auch gefallen", Cue::Related),
    ("das könnte dich auch interessieren", Cue::Related),
    ("empfehlungen aus der redaktion", Cue::Related),
    ("pour approfondir", Cue::Related),
    ("article précédent", Cue::PostNav),
    ("article suivant", Cue::PostNav),
    ("dans la même rubrique", Cue::Related),
    ("lea también", Cue::Related),
    ("lea más", Cue::Related),
    ("vea también", Cue::Related),
    ("ver también", Cue::Related),
    ("mira también", Cue::Related),
    ("potrebbe interessarti", Cue::Related),
    ("articolo precedente", Cue::PostNav),
    ("articolo successivo", Cue::PostNav),
    ("przeczytaj także", Cue::Related),
    ("czytaj więcej", Cue::Related),
    // author boxes
    ("about the author", Cue::Author),
    ("about the authors", Cue::Author),
    ("über den autor", Cue::Author),
    ("über die autorin", Cue::Author),
    ("über die autoren", Cue::Author),
    ("zum autor", Cue::Author),
    ("zur autorin", Cue::Author),
    ("à propos de l'auteur", Cue::Author),
    ("à propos de l’auteur", Cue::Author),
    ("sobre el autor", Cue::Author),
    ("sobre la autora", Cue::Author),
    ("sull'autore", Cue::Author),
    ("sobre o autor", Cue::Author),
    ("over de auteur", Cue::Author),
    ("o autorze", Cue::Author),
    ("popular posts", Cue::Related),
    ("latest news", Cue::Related),
    ("more stories", Cue::Related),
    ("more news", Cue::Related),
    ("verwandte artikel", Cue::Related),
    ("weitere meldungen", Cue::Related),
    ("weitere nachrichten", Cue::Related),
    ("more articles", Cue::Related),
    ("zurück zur übersicht", Cue::PostNav),
    ("back to overview", Cue::PostNav),
    ("vorschau auf den nächsten artikel", Cue::PostNav),
    ("view all posts by", Cue::Author),
    ("zeige alle beiträge von", Cue::Author),
    ("alle beiträge von", Cue::Author),
    ("voir tous les articles de", Cue::Author),
    ("ver todas las entradas de", Cue::Author),
    ("siehe auch", Cue::Related),
    ("zobacz również", Cue::Related),
    ("zobacz też", Cue::Related),
    ("le puede interesar", Cue::Related),
    ("relevantes aus", Cue::Related),
    ("aktuelle berichte", Cue::Related),
    ("dowiedz się więcej", Cue::Related),
    ("auf einer seite lesen", Cue::PostNav),
    ("twittern", Cue::Share),
    ("weiterempfehlen", Cue::Share),
    ("kommentieren sie", Cue::Comments),
    ("czekamy na wasze", Cue::Comments),
    ("wählen sie ihren zugang", Cue::Login),
    // calls to like, share or support
    ("enjoyed this", Cue::Engage),
    ("enjoyed reading", Cue::Engage),
    ("like this article", Cue::Engage),
    ("like this post", Cue::Engage),
    ("support our journalism", Cue::Engage),
    ("rely on your support", Cue::Engage),
    ("support independent", Cue::Engage),
    ("artikel gefällt ihnen", Cue::Engage),
    ("artikel gefallen", Cue::Engage),
    ("beitrag gefallen", Cue::Engage),
    ("gefällt dir unser", Cue::Engage),
    ("jetzt teilen", Cue::Engage),
    ("sie lesen gern", Cue::Engage),
    ("unterstützen sie uns", Cue::Engage),
    ("vous avez aimé cet article", Cue::Engage),
    ("soutenez", Cue::Engage),
    ("te gustó este artículo", Cue::Engage),
    ("opens in new window", Cue::Share),
    ("öffnet in neuem fenster", Cue::Share),
    ("reklama", Cue::Advert),
    ("anuncio", Cue::Advert),
    // footers
    ("impressum", Cue::Footer),
    ("imprint", Cue::Footer),
    ("datenschutz", Cue::Footer),
    ("datenschutzerklärung", Cue::Footer),
    ("privacy policy", Cue::Footer),
    ("privacy notice", Cue::Footer),
    ("privacy settings", Cue::Footer),
    ("terms of use", Cue::Footer),
    ("terms of service", Cue::Footer),
    ("terms & conditions", Cue::Footer),
    ("terms and conditions", Cue::Footer),
    ("all rights reserved", Cue::Footer),
    ("alle rechte vorbehalten", Cue::Footer),
    ("tous droits réservés", Cue::Footer),
    ("todos los derechos reservados", Cue::Footer),
    ("tutti i diritti riservati", Cue::Footer),
    ("mentions légales", Cue::Footer),
    ("aviso legal", Cue::Footer),
    ("contact us", Cue::Footer),
    ("kontakt", Cue::Footer),
    ("about us", Cue::Footer),
    ("über uns", Cue::Footer),
    ("sitemap", Cue::Footer),
    ("agb", Cue::Footer),
    // advertisement markers
    ("advertisement", Cue::Advert),
    ("advertising", Cue::Advert),
    ("sponsored", Cue::Advert),
    ("anzeige", Cue::Advert),
    ("werbung", Cue::Advert),
    ("publicité", Cue::Advert),
    ("publicidad", Cue::Advert),
    ("pubblicità", Cue::Advert),
    ("publicidade", Cue::Advert),
    ("advertentie", Cue::Advert),
    ("story continues below", Cue::Advert),
    ("continue reading below", Cue::Advert),
    // comment sections
    ("comments", Cue::Comments),
    ("comment", Cue::Comments),
    ("leave a reply", Cue::Comments),
    ("leave a comment", Cue::Comments),
    ("kommentare", Cue::Comments),
    ("kommentar", Cue::Comments),
    ("commentaires", Cue::Comments),
    ("comentarios", Cue::Comments),
    ("commenti", Cue::Comments),
    ("reacties", Cue::Comments),
    ("top rated comments", Cue::Comments),
    ("commentaire", Cue::Comments),
    ("komentarze", Cue::Comments),
    ("comentários", Cue::Comments),
    ("comments are closed", Cue::Comments),
    ("kommentare sind geschlossen", Cue::Comments),
    ("gedanken zu", Cue::Comments),
    ("pingback", Cue::Comments),
    ("trackback", Cue::Comments),
    ("join the conversation", Cue::Comments),
    ("schreibe einen kommentar", Cue::Comments),
    ("hinterlasse einen kommentar", Cue::Comments),
    ("kommentar verfassen", Cue::Comments),
    ("laisser un commentaire", Cue::Comments),
    ("deja un comentario", Cue::Comments),
    ("lascia un commento", Cue::Comments),
    // time stamps of comments and teasers
    ("ago", Cue::Stamp),
    ("il y a", Cue::Stamp),
    ("hace", Cue::Stamp),
    ("fa", Cue::Stamp),
    // log-in and paywall calls
    ("sign in", Cue::Login),
    ("log in", Cue::Login),
    ("login", Cue::Login),
    ("anmelden", Cue::Login),
    ("einloggen", Cue::Login),
    ("se connecter", Cue::Login),
    ("iniciar sesión", Cue::Login),
    ("accedi", Cue::Login),
    ("to read the full story", Cue::Login),
    ("subscribe now", Cue::Login),
    ("register", Cue::Login),
    ("registrieren", Cue::Login),
];

/// The phrases by their first word, built once.
static PHRASE_INDEX: LazyLock<PhraseIndex> = LazyLock::new(|| PhraseIndex::of(PHRASES));

/// Bytes that count as letters at a phrase's boundaries: ASCII letters and digits, and every
/// byte of a character outside ASCII.
const LETTER: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric() || b >= 0x80;
        b += 1;
    }
    table
};

/// Phrases looked up by their first word: a phrase matches only at word boundaries, so a text
/// is read word by word, and only a word that opens a phrase is compared with it (a bit set
/// of word keys answers most words with one look-up).
struct PhraseIndex {
    /// Bit `key >> 48` is set for the key of every phrase's first word.
    filter: Box<[u64; 1024]>,
    /// `(key of the first word, length of the first word, phrase)`, by key, the longest
    /// phrase first.
    entries: Vec<(u64, usize, usize)>,
    /// Bit `a | b << 8` is set when a phrase's first word opens with the bytes `a`, `b` (`b`
    /// is 0 for a word of one byte): most words are let go by it before their key is made.
    pairs: Box<[u64; 1024]>,
}

impl PhraseIndex {
    fn of(phrases: &[(&str, Cue)]) -> PhraseIndex {
        let mut filter = Box::new([0u64; 1024]);
        let mut pairs = Box::new([0u64; 1024]);
        let mut entries = Vec::new();
        for (n, (phrase, _)) in phrases.iter().enumerate() {
            let bytes = phrase.as_bytes();
            let first = bytes
                .iter()
                .position(|&b| !LETTER[usize::from(b)])
                .unwrap_or(bytes.len());
            let key = word_key(&bytes[..first]);
            filter[(key >> 54) as usize] |= 1 << ((key >> 48) & 63);
            let pair = word_pair(&bytes[..first]);
            pairs[pair >> 6] |= 1 << (pair & 63);
            entries.push((key, first, n));
        }
        entries.sort_by_key(|&(key, _, n)| (key, std::cmp::Reverse(phrases[n].0.len())));
        PhraseIndex {
            filter,
            entries,
            pairs,
        }
    }

    /// False when no phrase's first word opens with the pair of bytes `pair` (see
    /// [`word_pair`]).
    fn may_open(&self, pair: usize) -> bool {
        self.pairs[pair >> 6] >> (pair & 63) & 1 != 0
    }

    /// The phrases whose first word has `key`, the longest first.
    fn opened_by(&self, key: u64) -> &[(u64, usize, usize)] {
        if self.filter[(key >> 54) as usize] >> ((key >> 48) & 63) & 1 == 0 {
            return &[];
        }
        let from = self.entries.partition_point(|e| e.0 < key);
        let to = from + self.entries[from..].partition_point(|e| e.0 == key);
        &self.entries[from..to]
    }
}

/// A word's first two bytes as `a | b << 8` (`b` is 0 for a word of one byte).
fn word_pair(word: &[u8]) -> usize {
    usize::from(word.first().copied().unwrap_or(0))
        | usize::from(word.get(1).copied().unwrap_or(0)) << 8
}

/// A hash of a word from its first eight bytes and its length.
fn word_key(word: &[u8]) -> u64 {
    let mut head = [0u8; 8];
    let n = word.len().min(8);
    head[..n].copy_from_slice(&word[..n]);
    mix_key(u64::from_le_bytes(head), word.len())
}

/// The bytes of `word` (eight bytes, little-endian) whose low seven bits lie in `from..=to`,
/// as their top bit (the top bit itself is not read: callers mask bytes that have it). Each
/// range test adds to the low seven bits of every byte at once; no carry crosses a byte.
#[inline(always)]
pub(super) fn low_bits_in(word: u64, from: u8, to: u8) -> u64 {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const TOP: u64 = 0x8080_8080_8080_8080;
    let low = word & !TOP;
    let at_least = |c: u8| (low + LOW * u64::from(0x80 - c)) & TOP;
    at_least(from) & !at_least(to + 1)
}

/// The bytes of `word` whose low seven bits are an ASCII letter or digit, as their top bit
/// ([`low_bits_in`]; a byte with the top bit set may be flagged too).
#[inline(always)]
pub(super) fn low_bits_alphanumeric(word: u64) -> u64 {
    low_bits_in(word, b'0', b'9') | low_bits_in(word, b'A', b'Z') | low_bits_in(word, b'a', b'z')
}

/// The bytes of `word` (eight bytes, little-endian) that are not [`LETTER`]s, as their top
/// bit: ASCII bytes outside `0-9`, `A-Z` and `a-z`.
fn non_letters(word: u64) -> u64 {
    !(low_bits_alphanumeric(word) | word) & 0x8080_8080_8080_8080
}

/// [`word_key`] of a word of `len` bytes whose first eight (zero-padded) read as `head`.
fn mix_key(head: u64, len: usize) -> u64 {
    let key = head ^ (len as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (key ^ (key >> 29)).wrapping_mul(0xBF58_476D_1CE4_E5B9)
}

/// Credit markers that open a picture credit wherever they stand ("…zeigenBild: dpa").
const CREDIT_LABELS: &[&str] = &[
    "Bild:",
    "Bilder:",
    "Bildquelle:",
    "Foto:",
    "Fotos:",
    "Photo:",
    "Photos:",
    "Photograph:",
    "Photograph by",
    "Bild via",
    "Photo credit:",
    "Image:",
    "Images:",
    "Credit:",
    "Credits:",
    "Crédit:",
    "Crédits:",
    "Crédit photo",
    "Fotografía:",
    "Imagen:",
    "Immagine:",
    "Foto di",
    "©",
];

/// Picture agencies and credit words that close a caption ("… Jane Doe/Getty Images").
const CREDIT_SOURCES: &[&str] = &[
    "Getty Images",
    "picture alliance",
    "picture-alliance",
    "AP Photo",
    "Shutterstock",
    "iStock",
    "Imago",
    "IMAGO",
    "AFP/",
    "Reuters/",
    "REUTERS/",
    "/dpa",
    "/AFP",
    "/Reuters",
    "/REUTERS",
    "/AP",
    "/EPA",
    "EPA-EFE",
];

/// A caption's credit is at most this many words long.
const MAX_CREDIT_WORDS: usize = 16;
/// An agency name closes a caption only within this many bytes of its end.
const SOURCE_TAIL: usize = 80;
/// A caption is at most this many words long.
const MAX_CAPTION_WORDS: usize = 70;
/// Phrases are looked for only in units up to this long (longer ones are running text; only
/// cookie notices run that long).
const MAX_CUE_BYTES: usize = 600;
/// Of a unit with more words than this, only the cookie cue is looked for: every other cue
/// is read by rules that take at most this many words (the longest: calls to act, newsletter
/// boxes and teasers, 30), while cookie notices run long. A test checks the word limits.
const MAX_CUED_WORDS: usize = 30;
/// Every [`Cue::Cookie`] phrase holds one of these (in lower case); a long unit without any
/// of them has no cue worth a search.
const COOKIE_STEMS: &[&str] = &["cookie", "consent", "einwilligung"];
/// A dated comment header ("Jane on May 2, 2019 at 4:47 pm said:") has at most this many
/// words.
const MAX_COMMENT_HEADER_WORDS: usize = 14;
/// A time stamp line has at most this many words.
const MAX_STAMP_WORDS: usize = 8;
/// Short units: at most this many words (buttons, headings, menu entries).
pub const SHORT_WORDS: usize = 6;

/// Searchers for [`COOKIE_STEMS`].
static COOKIE_FINDERS: LazyLock<Vec<memchr::memmem::Finder<'static>>> = LazyLock::new(|| {
    COOKIE_STEMS
        .iter()
        .map(|s| memchr::memmem::Finder::new(s.as_bytes()))
        .collect()
});

/// What the rules read about a unit, computed once.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// The text in lower case; of a unit longer than [`MAX_CUE_BYTES`] (running text), only
    /// its first [`MAX_CUE_BYTES`] bytes, unless it mentions cookies.
    pub lower: String,
    /// Word count (for scripts written without spaces: characters / 2).
    pub words: usize,
    /// Bit set of [`Cue`]s found; of a unit of more than [`MAX_CUED_WORDS`] words, only
    /// [`Cue::Cookie`] is sure to be set when found (the others may be left unset).
    pub cues: u16,
    /// Ends like a sentence (`.`, `!`, `?`, closing quote after one, `…`).
    pub sentence_end: bool,
    /// Characters in the text.
    pub chars: usize,
    /// Spaces (the byte ` `) in the text.
    pub spaces: usize,
    /// A sentence ends inside the text (". " followed by a capital). Read only when the
    /// unit does not end like a sentence (every reader asks `sentence_end` first), so it is
    /// computed only then: false when `sentence_end` is.
    pub inner_sentence: bool,
}

impl Facts {
    /// Reads the facts of `unit`.
    pub fn of(unit: &Unit) -> Facts {
        let text = unit.text.as_str();
        let (spaces, chars) = super::segment::spaces_and_chars(text);
        // (A character outside ASCII has continuation bytes.)
        let ascii = chars == text.len();
        // (Every script without spaces lies outside ASCII.)
        let words = if chars > 20 && spaces * 12 < chars && !ascii && unspaced_script(text) {
            chars / 2
        } else if unit.text.is_empty() {
            0
        } else {
            spaces + 1
        };
        let (lower, cues) = if text.len() <= MAX_CUE_BYTES {
            let lower = lower_case_of(text, ascii);
            // (Running text: only a cookie phrase matters, so the search is skipped when
            // none can be there.)
            let searched = words <= MAX_CUED_WORDS
                || COOKIE_FINDERS
                    .iter()
                    .any(|f| f.find(lower.as_bytes()).is_some());
            let cues = if searched { cues(&lower) } else { 0 };
            (lower, cues)
        } else if memchr::memmem::find(text.as_bytes(), b"ookie").is_some() {
            // Only cookie notices run this long: they are read whole.
            (lower_case_of(text, ascii), Cue::Cookie as u16)
        } else {
            (lower_case_of(head(text, MAX_CUE_BYTES), ascii), 0)
        };
        let sentence_end = sentence_end(text);
        Facts {
            sentence_end,
            lower,
            words,
            cues,
            chars,
            spaces,
            inner_sentence: !sentence_end && inner_sentence(text, spaces > 0, chars == text.len()),
        }
    }

    /// True when the cue was found.
    pub fn has(&self, cue: Cue) -> bool {
        self.cues & cue as u16 != 0
    }
}

/// `text` in lower case: ASCII runs byte by byte, other characters through Unicode's
/// mapping (`str::to_lowercase` maps every character through a table lookup, several times
/// slower on mostly-ASCII text). Final sigma is not special-cased: no phrase needs it.
pub fn lower_case(text: &str) -> String {
    lower_case_of(text, text.is_ascii())
}

/// [`lower_case`] of `text` told whether it is all ASCII ([`Facts::of`] knows it from its
/// character count).
fn lower_case_of(text: &str, ascii: bool) -> String {
    // ASCII letters are lowered in one pass over the bytes (same length, so positions agree);
    // the rare characters outside ASCII that change are then spliced in.
    let lowered = text.to_ascii_lowercase();
    if ascii {
        return lowered;
    }
    let bytes = text.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut k = 0;
    while k < bytes.len() {
        let end = (k + 8).min(bytes.len());
        // (Eight bytes are read as one load; only the last, shorter piece is copied out.)
        let w = match bytes.get(k..k + 8) {
            Some(eight) => u64::from_le_bytes(eight.try_into().unwrap_or([0; 8])),
            None => {
                let mut word = [0u8; 8];
                word[..end - k].copy_from_slice(&bytes[k..end]);
                u64::from_le_bytes(word)
            }
        };
        // The lead bytes of characters outside ASCII (their two top bits set), one by one;
        // the common caseless ones (punctuation, CJK...) are told by their bytes alone.
        let mut leads = w & (w << 1) & 0x8080_8080_8080_8080;
        while leads != 0 {
            let at = k + (leads.trailing_zeros() / 8) as usize;
            leads &= leads - 1;
            if caseless(&bytes[at..]) {
                continue;
            }
            let Some(c) = text[at..].chars().next() else {
                continue;
            };
            let mut lower = c.to_lowercase();
            if lower.next() == Some(c) && lower.next().is_none() {
                continue;
            }
            let out = out.get_or_insert_with(|| String::with_capacity(text.len() + 8));
            out.push_str(&lowered[copied..at]);
            out.extend(c.to_lowercase());
            copied = at + c.len_utf8();
        }
        k = end;
    }
    match out {
        Some(mut out) => {
            out.push_str(&lowered[copied..]);
            out
        }
        None => lowered,
    }
}

/// True when the character that `bytes` open (with a lead byte outside ASCII) is its own
/// lower case, told by its first bytes: Latin-1 punctuation and small letters, IPA and
/// combining marks, small Greek and Cyrillic letters, the scripts from Hebrew to Thaana,
/// general punctuation and currency signs, CJK, Hangul and private use. Others may change
/// (a test checks every character said not to).
fn caseless(bytes: &[u8]) -> bool {
    match *bytes {
        [
            0xC2 | 0xCA..=0xCC | 0xD6..=0xDF | 0xE3..=0xE9 | 0xEB..=0xEE,
            ..,
        ] => true,
        [0xC3, b, ..] => b >= 0x9F || b == 0x97,
        [0xCE, b, ..] => b >= 0xAC,
        [0xCF, b, ..] => b <= 0x8E,
        [0xD0, b, ..] => b >= 0xB0,
        [0xD1, b, ..] => b <= 0x9F,
        [0xE2, 0x80..=0x83, ..] => true,
        _ => false,
    }
}

/// The first `max` bytes of `text`, cut back to a character boundary.
pub fn head(text: &str, max: usize) -> &str {
    let mut cut = text.len().min(max);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    &text[..cut]
}

/// True when a sentence ends inside `text`: `.`, `!` or `?`, a space, then a capital; or a
/// full stop of a script without capitals (`。`, `।`, `؟`…) followed by more text.
pub fn has_inner_sentence(text: &str) -> bool {
    let (spaces, chars) = super::segment::spaces_and_chars(text);
    inner_sentence(text, spaces > 0, chars == text.len())
}

/// [`has_inner_sentence`] of `text` told whether it holds a space (a Latin stop inside needs
/// one after it) and whether it is all ASCII (a script's stop is not), which
/// [`Facts::of`] knows already.
fn inner_sentence(text: &str, spaced: bool, ascii: bool) -> bool {
    let bytes = text.as_bytes();
    let latin = spaced
        && memchr::memchr3_iter(b'.', b'!', b'?', bytes).any(|k| {
            bytes.get(k + 1) == Some(&b' ')
                && text[k + 2..].chars().next().is_some_and(char::is_uppercase)
        });
    latin || (!ascii && inner_script_stop(text))
}

/// Sentence stops of scripts without capital letters: the ideographic full stop and its
/// full-width marks (Chinese, Japanese), the danda (Bengali, Hindi), the Arabic question
/// mark and the Urdu full stop, the Armenian and Ethiopic full stops. Example: "বৃষ্টি থেমেছে।".
const SCRIPT_STOPS: &[char] = &['。', '！', '？', '।', '॥', '؟', '۔', '։', '።'];

/// True when a [`SCRIPT_STOPS`] mark stands inside `text` with more text after it.
/// Example: "বৃষ্টি থেমেছে।মানুষ…" (a Bengali paragraph of several sentences).
fn inner_script_stop(text: &str) -> bool {
    // Every stop opens with one of these bytes; most texts (Latin, Cyrillic, Greek) hold none,
    // and are settled by three memchr passes instead of a walk over their characters.
    let bytes = text.as_bytes();
    if memchr::memchr3(0xE0, 0xE3, 0xEF, bytes).is_none()
        && memchr::memchr3(0xD6, 0xD8, 0xDB, bytes).is_none()
        && memchr::memchr(0xE1, bytes).is_none()
    {
        return false;
    }
    text.trim_end()
        .char_indices()
        .any(|(k, c)| SCRIPT_STOPS.contains(&c) && k + c.len_utf8() < text.trim_end().len())
}

/// True when `text` ends the way a sentence does, in Latin punctuation or a script's own
/// ([`SCRIPT_STOPS`]).
pub fn sentence_end(text: &str) -> bool {
    // The last byte settles most texts: a letter or digit is neither trimmed nor a stop, and
    // an ASCII stop is not trimmed.
    match text.as_bytes().last() {
        None => return false,
        Some(b) if b.is_ascii_alphanumeric() => return false,
        Some(b'.' | b'!' | b'?' | b':' | b';') => return true,
        Some(_) => {}
    }
    let trimmed = text.trim_end_matches([
        '"', '\'', '”', '’', '»', '«', ')', ']', '“', ' ', '」', '』',
    ]);
    trimmed.ends_with(['.', '!', '?', '…', ':', ';']) || trimmed.ends_with(SCRIPT_STOPS)
}

/// True when `text` holds a letter of a script written without spaces between words (Han,
/// Hiragana, Katakana, Thai, Lao, Khmer, Myanmar, Tibetan): its words are counted as
/// characters / 2. A German line of long compounds ("Hochwasserschutzverordnung") has few
/// spaces too, but counts its words by spaces.
pub fn unspaced_script(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c as u32,
            0x0E00..=0x0EFF | 0x0F00..=0x0FFF | 0x1000..=0x109F | 0x1780..=0x17FF
            | 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
    })
}

/// The cues found in lower-case text, at word boundaries.
pub fn cues(lower: &str) -> u16 {
    let index = &*PHRASE_INDEX;
    let bytes = lower.as_bytes();
    let n = bytes.len();
    let letter = |k: usize| bytes.get(k).is_some_and(|&b| LETTER[usize::from(b)]);
    let mut found = 0u16;
    let mut k = 0;
    while k < n {
        if !LETTER[usize::from(bytes[k])] {
            k += 1;
            continue;
        }
        let start = k;
        // The word's end and key from one load of eight bytes when the text has them: most
        // words end inside them (the bytes after the word are masked off the key).
        let key = match bytes.get(start..start + 8) {
            Some(head) => {
                let head = u64::from_le_bytes(head.try_into().unwrap_or([0; 8]));
                let stops = non_letters(head);
                if stops != 0 {
                    // (At least one byte long: the first byte is a letter.)
                    let len = (stops.trailing_zeros() / 8) as usize;
                    k = start + len;
                    let head = head & ((1u64 << (8 * len)) - 1);
                    if !index.may_open((head & 0xFFFF) as usize) {
                        continue;
                    }
                    mix_key(head, len)
                } else {
                    k = start + 8;
                    while k < n && LETTER[usize::from(bytes[k])] {
                        k += 1;
                    }
                    mix_key(head, k - start)
                }
            }
            None => {
                k += 1;
                while k < n && LETTER[usize::from(bytes[k])] {
                    k += 1;
                }
                word_key(&bytes[start..k])
            }
        };
        let opened = index.opened_by(key);
        if opened.is_empty() {
            continue;
        }
        let word = &bytes[start..k];
        // The longest phrase found here; the search goes on after it, matched or not at its
        // end (as a leftmost-longest search does).
        if let Some(&(_, _, n)) = opened.iter().find(|&&(_, first, n)| {
            first == word.len() && bytes[start..].starts_with(PHRASES[n].0.as_bytes())
        }) {
            let end = start + PHRASES[n].0.len();
            if !letter(end) {
                found |= PHRASES[n].1 as u16;
            }
            k = k.max(end);
            while letter(k) {
                k += 1;
            }
        }
    }
    found
}

/// One rule: a name for `--explain` and a test.
pub struct Rule {
    /// The rule's name.
    pub name: &'static str,
    /// The [`Cue`] without which the test never fires (0: none, the rule is tried on every
    /// unit): most units have no cue, and skip these rules untried.
    pub cue: u16,
    /// True when the unit is boilerplate.
    pub test: fn(&Unit, &Facts) -> bool,
}

/// The single-unit rules, in the order they are tried.
pub const RULES: &[Rule] = &[
    Rule {
        name: "markup-only",
        cue: 0,
        test: markup_only,
    },
    Rule {
        name: "image-alt",
        cue: 0,
        test: image_alt,
    },
    Rule {
        name: "url-line",
        cue: 0,
        test: url_line,
    },
    Rule {
        name: "skip-link",
        cue: Cue::SkipLink as u16,
        test: skip_link,
    },
    Rule {
        name: "cookie-notice",
        cue: Cue::Cookie as u16,
        test: cookie_notice,
    },
    Rule {
        name: "footer",
        cue: 0,
        test: footer,
    },
    Rule {
        name: "caption",
        cue: 0,
        test: |u, f| {
            spaced_credit_start(&u.text, f.spaces).is_some()
                || super::credits::spaced_bare_credit_start(&u.text, f.spaces).is_some()
        },
    },
    Rule {
        name: "newsletter",
        cue: Cue::Newsletter as u16,
        test: newsletter,
    },
    Rule {
        name: "share-buttons",
        cue: Cue::Share as u16,
        test: |u, f| {
            f.has(Cue::Share)
                && f.words <= SHORT_WORDS
                && (!f.sentence_end || u.text.ends_with(':'))
        },
    },
    Rule {
        name: "share-row",
        cue: Cue::Share as u16,
        test: super::share::share_row,
    },
    Rule {
        name: "advertisement",
        cue: Cue::Advert as u16,
        test: |_, f| f.has(Cue::Advert) && f.words <= SHORT_WORDS,
    },
    Rule {
        name: "related-links",
        cue: Cue::Related as u16,
        test: |_, f| f.has(Cue::Related) && f.words <= SHORT_WORDS,
    },
    Rule {
        name: "post-navigation",
        cue: Cue::PostNav as u16,
        test: |_, f| f.has(Cue::PostNav) && f.words <= SHORT_WORDS,
    },
    Rule {
        name: "author-box",
        cue: Cue::Author as u16,
        test: |_, f| f.has(Cue::Author) && f.words <= SHORT_WORDS,
    },
    Rule {
        name: "engagement-call",
        cue: Cue::Engage as u16,
        test: |_, f| f.has(Cue::Engage) && f.words <= MAX_CALL_WORDS,
    },
    Rule {
        name: "tag-line",
        cue: 0,
        test: tag_line,
    },
    Rule {
        name: "inline-teaser",
        cue: 0,
        test: inline_teaser,
    },
    Rule {
        name: "date-stamp",
        cue: 0,
        test: date_stamp,
    },
    Rule {
        name: "comment-header",
        cue: 0,
        test: comment_header,
    },
    Rule {
        name: "comments",
        cue: Cue::Comments as u16,
        test: |_, f| f.has(Cue::Comments) && f.words <= SHORT_WORDS && !f.sentence_end,
    },
    Rule {
        name: "login-paywall",
        cue: Cue::Login as u16,
        test: |_, f| f.has(Cue::Login) && f.words <= 12,
    },
    Rule {
        name: "link-list",
        cue: 0,
        test: link_list,
    },
    Rule {
        name: "form-field",
        cue: 0,
        test: |u, _| {
            let bytes = u.text.as_bytes();
            memchr::memchr2_iter(b'_', b'[', bytes)
                .any(|k| bytes[k..].starts_with(b"____") || bytes[k..].starts_with(b"[ ]"))
        },
    },
];

/// The [`RULES`] tried on every unit, in order (those that need no cue).
static UNCUED_RULES: LazyLock<Vec<&'static Rule>> =
    LazyLock::new(|| RULES.iter().filter(|rule| rule.cue == 0).collect());

/// The name of the first rule that finds `unit` to be boilerplate.
pub fn first_match(unit: &Unit, facts: &Facts) -> Option<&'static str> {
    // (A rule that needs a cue the unit lacks would not fire: it is not tried.)
    if facts.cues == 0 {
        return UNCUED_RULES
            .iter()
            .find(|rule| (rule.test)(unit, facts))
            .map(|rule| rule.name);
    }
    RULES
        .iter()
        .find(|rule| (rule.cue == 0 || facts.cues & rule.cue != 0) && (rule.test)(unit, facts))
        .map(|rule| rule.name)
}

/// Nothing but markup: `* * *`, `---`, a bullet without text. Example: `* * *`.
fn markup_only(unit: &Unit, _: &Facts) -> bool {
    // (An ASCII letter or digit settles most units; other characters are read only in a text
    // without one.)
    let text = unit.text.as_str();
    unit.images.is_empty()
        && !text.bytes().any(|b| b.is_ascii_alphanumeric())
        && (text.is_ascii() || !text.chars().any(char::is_alphanumeric))
}

/// An image alone on its line: `![Alt](src)`, w3m's `[photo-3]`. Example: `[vw-concept-6]`.
fn image_alt(unit: &Unit, _: &Facts) -> bool {
    !unit.images.is_empty()
        && (unit.text.is_empty() || unit.images.iter().any(|(alt, _)| *alt == unit.text))
}

/// A bare address alone: `https://p.dw.com/p/3ThUS`, `www.example.com`.
fn url_line(unit: &Unit, _: &Facts) -> bool {
    let text = unit.text.as_str();
    // The first byte settles most units: an address opens with `h` or `w`, or a bracket that
    // `is_url` trims.
    if !matches!(
        text.as_bytes().first(),
        Some(b'h' | b'w' | b'<' | b'>' | b'(' | b')')
    ) {
        return false;
    }
    url_words(text)
}

/// True when every word of `text` is an address (the rest of [`url_line`], which most units
/// never reach: kept apart so that the rule's first test stays a short call).
#[inline(never)]
fn url_words(text: &str) -> bool {
    // The first word settles most others.
    let first = &text[..memchr::memchr(b' ', text.as_bytes()).unwrap_or(text.len())];
    !text.is_empty() && is_url(first) && text.split(' ').all(is_url)
}

/// True for `https://…`, `http://…`, `www.…`.
pub fn is_url(word: &str) -> bool {
    let w = word.trim_matches(['<', '>', '(', ')']);
    (w.starts_with("http://") || w.starts_with("https://") || w.starts_with("www.")) && w.len() > 8
}

/// Skip links and accessibility jumps: "Zum Inhalt springen", "Skip to main content".
fn skip_link(_: &Unit, facts: &Facts) -> bool {
    facts.has(Cue::SkipLink) && facts.words <= 8
}

/// Cookie and consent notices: "We use cookies to improve your experience. Accept".
fn cookie_notice(_: &Unit, facts: &Facts) -> bool {
    facts.has(Cue::Cookie) && (facts.words <= 80 || facts.lower.matches("cookie").count() >= 3)
}

/// Footer lines: "© 2024 Example | Impressum | Datenschutz", "Privacy Policy".
fn footer(unit: &Unit, facts: &Facts) -> bool {
    let copyright = (unit.text.starts_with('©')
        || (facts.lower.as_bytes().first() == Some(&b'c') && facts.lower.starts_with("copyright")))
        && facts.words <= 25;
    copyright || (facts.has(Cue::Footer) && facts.words <= 12 && !facts.sentence_end)
}

/// Newsletter and subscription calls: "Sign up for our daily newsletter".
fn newsletter(_: &Unit, facts: &Facts) -> bool {
    facts.has(Cue::Newsletter) && facts.words <= 30
}

/// The header of one comment or of the comment section: "joetoronto says:",
/// "34 responses to “Title”", "Comments are closed.".
fn comment_header(unit: &Unit, facts: &Facts) -> bool {
    const ENDINGS: &[&str] = &[
        " says:",
        " said:",
        " wrote:",
        " sagt:",
        " schreibt:",
        " dit :",
    ];
    const _: () = {
        let mut n = 0;
        while n < ENDINGS.len() {
            let ending = ENDINGS[n].as_bytes();
            assert!(
                ending[ending.len() - 1] == b':',
                "every ending closes with a colon"
            );
            n += 1;
        }
    };
    const OPENERS: &[&str] = &["responses to", "thoughts on", "replies to", "comments on"];
    const CLOSED: &[&str] = &["comments are closed", "kommentare sind geschlossen"];
    // A header ends with a colon, opens with a digit (a count of responses) or opens a
    // closing note: most lines are let go by these three bytes.
    let lower = facts.lower.as_bytes();
    if lower.last() != Some(&b':')
        && !unit.text.as_bytes().first().is_some_and(u8::is_ascii_digit)
        && !CLOSED.iter().any(|c| c.as_bytes().first() == lower.first())
    {
        return false;
    }
    // (Every ending closes with a colon.)
    let ending = facts.lower.ends_with(':') && ENDINGS.iter().any(|e| facts.lower.ends_with(e));
    // "Dora Kessler on March 3, 2017 at 9:12 am said:"
    let dated =
        || facts.words <= MAX_COMMENT_HEADER_WORDS && unit.text.bytes().any(|b| b.is_ascii_digit());
    (ending && (facts.words <= SHORT_WORDS || dated()))
        || (facts.words <= 20
            && unit.text.starts_with(|c: char| c.is_ascii_digit())
            && OPENERS.iter().any(|o| facts.lower.contains(o)))
        || (facts.words <= SHORT_WORDS && starts_with_any(&facts.lower, CLOSED))
}

/// A call to like, share or support the site has at most this many words.
const MAX_CALL_WORDS: usize = 30;
/// A tag or category line has at most this many words.
const MAX_TAG_LINE_WORDS: usize = 40;
/// Labels that open a line of tags or categories, or a blog's "filed under" footer; lower
/// case, matched at the start of the unit.
const TAG_LABELS: &[&str] = &[
    "tags:",
    "tagged:",
    "tagged with",
    "schlagwörter:",
    "schlagworte:",
    "stichwörter:",
    "themen:",
    "thema:",
    "kategorie:",
    "kategorien:",
    "category:",
    "categories:",
    "filed under",
    "posted in",
    "abgelegt unter",
    "veröffentlicht in",
    "this entry was posted",
    "dieser eintrag wurde veröffentlicht",
    "dieser beitrag wurde unter",
    "etiquetas:",
    "categorías:",
    "catégories :",
    "catégories:",
    "mots-clés",
    "étiquettes :",
    "tag:",
    "argomenti:",
    "tagi:",
];

/// A line of tags or categories, or a blog's "filed under" footer: "Tags: Berlin, Climate",
/// "Dieser Eintrag wurde veröffentlicht in Reisen und verschlagwortet mit hamburg".
fn tag_line(_: &Unit, facts: &Facts) -> bool {
    static LABELS: LazyLock<Prefixes> = LazyLock::new(|| Prefixes::of(TAG_LABELS));
    // (The first byte lets most units go before the list is looked at.)
    facts.words <= MAX_TAG_LINE_WORDS
        && facts
            .lower
            .as_bytes()
            .first()
            .is_some_and(|&b| TAG_FIRST_BYTES[usize::from(b)])
        && LABELS.open(&facts.lower)
}

/// The first bytes of the [`TAG_LABELS`] (none is empty: a test checks it).
const TAG_FIRST_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut n = 0;
    while n < TAG_LABELS.len() {
        table[TAG_LABELS[n].as_bytes()[0] as usize] = true;
        n += 1;
    }
    table
};

/// "Read more: …", "Lesen Sie auch: …" lines pointing to another article.
fn inline_teaser(_: &Unit, facts: &Facts) -> bool {
    const LEAD_IN: &[&str] = &[
        "read more",
        "see also",
        "lesen sie auch",
        "lire aussi",
        "à lire aussi",
        "leia também",
        "leggi anche",
        "related:",
        "lea también",
        "lea más",
        "vea también",
        "más información:",
        "siehe auch",
        "le puede interesar",
        "zobacz również",
        "zobacz też",
        "czytaj też",
        "czytaj także",
        "lesen sie hier",
        "lesen sie mehr",
        "mehr zum thema",
        "dowiedz się więcej",
        "przeczytaj także",
        "leia mais",
        "veja também",
        "leggi anche",
        "ver también",
    ];
    // Labels that open a teaser only with their colon ("Lea: …", "MIRA: …").
    const LABELLED: &[&str] = &[
        "auch interessant:",
        "mehr dazu:",
        "read also:",
        "lea:",
        "mira:",
        "lee:",
        "ver:",
        "watch:",
        "lire:",
        "also read:",
    ];
    // The first bytes of both lists: most units are let go by their first byte.
    const OPENS: [bool; 256] = {
        let mut table = [false; 256];
        let mut n = 0;
        while n < LEAD_IN.len() + LABELLED.len() {
            let phrase = if n < LEAD_IN.len() {
                LEAD_IN[n]
            } else {
                LABELLED[n - LEAD_IN.len()]
            };
            assert!(!phrase.is_empty(), "no empty lead-in");
            table[phrase.as_bytes()[0] as usize] = true;
            n += 1;
        }
        table
    };
    facts.words <= 30
        && facts
            .lower
            .as_bytes()
            .first()
            .is_some_and(|&b| OPENS[usize::from(b)])
        && ((facts.has(Cue::Related) && starts_with_any(&facts.lower, LEAD_IN))
            || starts_with_any(&facts.lower, LABELLED))
}

/// A short line that is only a time stamp: "Tuesday November 19, 2019", "3 days ago at 06:14 pm".
/// Articles print one date near the title; runs of them mark teasers and comments.
fn date_stamp(unit: &Unit, facts: &Facts) -> bool {
    if facts.words > MAX_STAMP_WORDS || facts.sentence_end {
        return false;
    }
    if facts.has(Cue::Stamp) && unit.text.bytes().any(|b| b.is_ascii_digit()) {
        return true;
    }
    ascii_digits(unit.text.as_bytes()) >= 4
        && crate::metadata::date::has_date(&unit.text, crate::metadata::date::DayOrder::MonthFirst)
}

/// The ASCII digits in `bytes`, eight bytes a step ([`low_bits_in`]; bytes with the top bit
/// set are no digits).
fn ascii_digits(bytes: &[u8]) -> usize {
    const TOP: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut n = 0;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        let digits = low_bits_in(word, b'0', b'9') & !word & TOP;
        n += digits.count_ones() as usize;
    }
    n + chunks
        .remainder()
        .iter()
        .filter(|b| b.is_ascii_digit())
        .count()
}

/// True when `text` starts with one of `prefixes`. Their first bytes are compared first: most
/// texts open with none of them, and a byte costs less than a call to compare strings.
fn starts_with_any(text: &str, prefixes: &[&str]) -> bool {
    let first = text.as_bytes().first();
    prefixes
        .iter()
        .any(|p| p.as_bytes().first().is_none_or(|b| Some(b) == first) && text.starts_with(p))
}

/// A list of prefixes by their first byte, for lists too long to try one by one.
struct Prefixes(Vec<Vec<&'static str>>);

impl Prefixes {
    /// The prefixes in `list` (an empty one opens every text).
    fn of(list: &[&'static str]) -> Prefixes {
        let mut by_first = vec![Vec::new(); 257];
        for prefix in list {
            let slot = prefix.as_bytes().first().map_or(256, |&b| usize::from(b));
            by_first[slot].push(*prefix);
        }
        Prefixes(by_first)
    }

    /// True when one of the prefixes opens `text`.
    fn open(&self, text: &str) -> bool {
        let slot = text.as_bytes().first().map_or(256, |&b| usize::from(b));
        // (A prefix's second byte is compared before the call that compares the rest.)
        let second = text.as_bytes().get(1);
        !self.0[256].is_empty()
            || self.0[slot].iter().any(|p| {
                p.as_bytes().get(1).is_none_or(|b| Some(b) == second) && text.starts_with(p)
            })
    }
}

/// Units made mostly of link text: menu entries of lynx (`[12]Tech`) and Markdown dumps.
fn link_list(unit: &Unit, facts: &Facts) -> bool {
    if unit.links == 0 {
        return false;
    }
    let chars = facts.chars.max(1);
    let dense = unit.link_chars * 10 >= chars * 7;
    let marked = unit.links * 3 >= facts.words;
    match unit.kind {
        Kind::Item { .. } => dense || marked,
        _ => (dense || marked) && !(facts.sentence_end && facts.words > 10),
    }
}

/// Where a picture credit starts in `text`, if the text reads as a caption with a credit.
pub fn credit_start(text: &str) -> Option<usize> {
    spaced_credit_start(text, memchr::memchr_iter(b' ', text.as_bytes()).count())
}

/// [`credit_start`] of a text told its number of spaces ([`Facts`] has it).
fn spaced_credit_start(text: &str, text_spaces: usize) -> Option<usize> {
    // A credit has at most MAX_CREDIT_WORDS words, so only the text's tail is scanned: a text
    // too long for a caption is let go by its count of spaces, then one backward pass finds
    // where that tail starts, the first place in it where a label opens, and the first place
    // in the last SOURCE_TAIL bytes where two bytes open an agency name. The phrases are
    // compared only from there, when there is one (no match can start before it).
    if text_spaces >= MAX_CAPTION_WORDS {
        return None;
    }
    let bytes = text.as_bytes();
    let mut tail = text.len().saturating_sub(SOURCE_TAIL);
    while !text.is_char_boundary(tail) {
        tail -= 1;
    }
    let pairs = &*SOURCE_STARTS;
    let mut seen = 0;
    let mut from = 0;
    let mut label = None;
    let mut source = None;
    // (A text with too few spaces for the pass to stop at one reads them as any other byte.)
    let classes = if text_spaces > MAX_CREDIT_WORDS {
        &CREDIT_BYTES
    } else {
        &CREDIT_OPENINGS
    };
    let mut k = bytes.len();
    while k > 0 {
        k -= 1;
        let class = classes[usize::from(bytes[k])];
        if class == 0 {
            continue;
        }
        if class == CREDIT_SPACE {
            seen += 1;
            if seen > MAX_CREDIT_WORDS {
                from = k + 1;
                break;
            }
            continue;
        }
        // (The bytes at `k` as a pair, read once for both sets: 0 after the last byte follows
        // no pair's first byte.)
        let pair = usize::from(bytes[k]) << 8 | usize::from(bytes.get(k + 1).copied().unwrap_or(0));
        if class & CREDIT_LABEL != 0 && in_pairs(&LABEL_PAIRS, pair) && opens_label(&bytes[k..]) {
            label = Some(k);
        }
        if class & CREDIT_SOURCE != 0 && k >= tail && in_pairs(&pairs.bits, pair) {
            source = Some(k);
        }
    }
    // Every place from the first label on where a label opens, in order: no label opens
    // inside another (a test checks it), so these are the matches a search for the labels
    // finds one after the other. (Every label opens with an ASCII byte or a character's
    // first byte, so each is a character boundary.)
    let labelled = label.and_then(|at| {
        (at..bytes.len())
            .filter(|&k| has_pair(&LABEL_PAIRS, bytes, k) && opens_label(&bytes[k..]))
            .find(|&k| opens_credit(text, k))
    });
    let start = labelled.or_else(|| {
        // The pass stopped at `from`: agency openings between `tail` and there come first.
        let first = if from > tail {
            pairs
                .first(&bytes[tail..(from + 1).min(bytes.len())])
                .map(|k| tail + k)
                .or(source)
        } else {
            source
        }?;
        // The first agency name from there: no name holds another after its first byte (a
        // test checks it), so the name that opens first is also the one that ends first.
        // (Every agency name opens with an ASCII byte, so it is a character boundary.)
        (first..bytes.len())
            .find(|&k| pairs.at(bytes, k) && opens_source(&bytes[k..]))
            .map(|k| source_start(text, k))
    })?;
    (spaces(&text[start..]) < MAX_CREDIT_WORDS).then_some(start)
}

/// [`CREDIT_BYTES`]: a space.
const CREDIT_SPACE: u8 = 1;
/// [`CREDIT_BYTES`]: the first byte of a credit label.
const CREDIT_LABEL: u8 = 2;
/// [`CREDIT_BYTES`]: the first byte of an agency name.
const CREDIT_SOURCE: u8 = 4;

/// What each byte may be to [`credit_start`]'s backward pass: a space, or the first byte of
/// a label or of an agency name. Most bytes are none of these and cost one look-up.
const CREDIT_BYTES: [u8; 256] = {
    let mut table = [0u8; 256];
    table[b' ' as usize] = CREDIT_SPACE;
    let mut n = 0;
    while n < CREDIT_LABELS.len() {
        table[CREDIT_LABELS[n].as_bytes()[0] as usize] |= CREDIT_LABEL;
        n += 1;
    }
    let mut n = 0;
    while n < CREDIT_SOURCES.len() {
        table[CREDIT_SOURCES[n].as_bytes()[0] as usize] |= CREDIT_SOURCE;
        n += 1;
    }
    table
};

/// [`CREDIT_BYTES`] without the space.
const CREDIT_OPENINGS: [u8; 256] = {
    let mut table = CREDIT_BYTES;
    table[b' ' as usize] = 0;
    table
};

/// The first two bytes of every credit label, one bit each (a label's first byte alone is
/// a capital letter, which opens many words).
const LABEL_PAIRS: [u64; 1024] = {
    let mut bits = [0u64; 1024];
    let mut n = 0;
    while n < CREDIT_LABELS.len() {
        let label = CREDIT_LABELS[n].as_bytes();
        let k = (label[0] as usize) << 8 | label[1] as usize;
        bits[k >> 6] |= 1 << (k & 63);
        n += 1;
    }
    bits
};

/// True when `pair` (two bytes as `a << 8 | b`) is in the pair set `bits`.
fn in_pairs(bits: &[u64; 1024], pair: usize) -> bool {
    bits[pair >> 6] >> (pair & 63) & 1 != 0
}

/// True when the two bytes at `k` in `bytes` are in the pair set `bits`.
fn has_pair(bits: &[u64; 1024], bytes: &[u8], k: usize) -> bool {
    match bytes.get(k..k + 2) {
        Some(&[a, b]) => {
            let k = usize::from(a) << 8 | usize::from(b);
            bits[k >> 6] >> (k & 63) & 1 != 0
        }
        _ => false,
    }
}

/// True when one of the [`CREDIT_LABELS`] opens `bytes`.
fn opens_label(bytes: &[u8]) -> bool {
    CREDIT_LABELS.iter().any(|label| {
        let label = label.as_bytes();
        label[0] == bytes[0] && bytes.starts_with(label)
    })
}

/// True when one of the [`CREDIT_SOURCES`] opens `bytes`.
fn opens_source(bytes: &[u8]) -> bool {
    CREDIT_SOURCES
        .iter()
        .any(|source| bytes.starts_with(source.as_bytes()))
}

/// The first two bytes of every agency name in [`CREDIT_SOURCES`].
static SOURCE_STARTS: LazyLock<PairSet> = LazyLock::new(|| PairSet::of(CREDIT_SOURCES));

/// A set of two-byte sequences (the openings of a phrase list), one bit each: a text where
/// none of them occurs holds none of the phrases, and one look-up per byte says so, several
/// times faster than running the automaton.
struct PairSet {
    bits: Box<[u64; 1024]>,
    /// The pairs' first bytes.
    firsts: [bool; 256],
}

impl PairSet {
    /// The openings of `phrases`, which are two bytes long or more (a test checks it).
    fn of(phrases: &[&str]) -> PairSet {
        let mut bits = Box::new([0u64; 1024]);
        let mut firsts = [false; 256];
        for phrase in phrases {
            if let [a, b, ..] = *phrase.as_bytes() {
                let k = usize::from(a) << 8 | usize::from(b);
                bits[k >> 6] |= 1 << (k & 63);
                firsts[usize::from(a)] = true;
            }
        }
        PairSet { bits, firsts }
    }

    /// True when the pair at `k` in `bytes` is in the set.
    fn at(&self, bytes: &[u8], k: usize) -> bool {
        has_pair(&self.bits, bytes, k)
    }

    /// The position of the first pair of `bytes` in the set.
    fn first(&self, bytes: &[u8]) -> Option<usize> {
        // Most bytes open no pair: one table look-up each settles them.
        bytes.windows(2).position(|w| {
            self.firsts[usize::from(w[0])] && {
                let k = usize::from(w[0]) << 8 | usize::from(w[1]);
                self.bits[k >> 6] >> (k & 63) & 1 != 0
            }
        })
    }
}

/// The number of spaces in `text` (its words less one, in squeezed text).
fn spaces(text: &str) -> usize {
    text.bytes().filter(|&b| b == b' ').count()
}

/// True when the label at `k` opens a credit: at the start, after a space or bracket, or
/// glued to the caption's last word ("zeigenBild:").
fn opens_credit(text: &str, k: usize) -> bool {
    match text[..k].chars().next_back() {
        None => true,
        Some(c) => !c.is_alphanumeric() || (c.is_lowercase() && !text[k..].starts_with('©')),
    }
}

/// The start of an unlabelled credit ending in an agency: back to a `(`, `|` or sentence end.
fn source_start(text: &str, at: usize) -> usize {
    let head = &text[..at];
    let cut = head
        .rfind(['(', '|', '/'])
        .filter(|&k| head[k..].split(' ').count() <= 6)
        .or_else(|| head.rfind(". ").map(|k| k + 1));
    let start = cut.unwrap_or(at);
    match head[..start].rfind(['(', '|']) {
        Some(k) if head[k..start].split(' ').count() <= 6 => k,
        _ => start,
    }
}

#[cfg(test)]
mod tests {
    use super::super::segment::segment;
    use super::*;

    fn rule(text: &str) -> Option<&'static str> {
        let units = segment(text);
        let unit = units.first().expect("one unit");
        first_match(unit, &Facts::of(unit))
    }

    #[test]
    fn skip_links_in_many_languages() {
        for text in [
            "1. Zum Inhalt springen",
            "Skip to main content",
            "Aller au contenu principal",
            "Saltar al contenido",
            "Vai al contenuto",
            "Spring naar de inhoud",
        ] {
            assert_eq!(rule(text), Some("skip-link"), "{text}");
        }
    }

    #[test]
    fn url_lines() {
        assert_eq!(rule("https://p.dw.com/p/3ThUS"), Some("url-line"));
        assert_eq!(rule("Visit https://x.example for BODY_TEXT details."), None);
    }

    #[test]
    fn captions_with_credits() {
        let text = "Ein Video soll Kämpfer zeigenBild: picture-alliance/AP Photo/Agency";
        assert_eq!(rule(text), Some("caption"));
        assert_eq!(
            credit_start(text).map(|k| &text[k..]),
            Some("Bild: picture-alliance/AP Photo/Agency")
        );
        assert_eq!(
            rule("Fans at the stadium. Photo: Jane Doe"),
            Some("caption")
        );
        let agency = "Protesters march in the rain (Jane Roe/Getty Images)";
        assert_eq!(rule(agency), Some("caption"));
        assert_eq!(
            credit_start(agency).map(|k| &agency[k..]),
            Some("(Jane Roe/Getty Images)")
        );
    }

    #[test]
    fn buttons_notices_and_calls() {
        assert_eq!(rule("Share on Facebook"), Some("share-buttons"));
        assert_eq!(rule("Drucken"), Some("share-buttons"));
        assert_eq!(
            rule("We use cookies to give you the best experience. Accept all"),
            Some("cookie-notice")
        );
        assert_eq!(
            rule("Sign up for our daily newsletter and never miss a story."),
            Some("newsletter")
        );
        assert_eq!(rule("Advertisement"), Some("advertisement"));
        assert_eq!(rule("Anzeige"), Some("advertisement"));
        assert_eq!(rule("Mehr zum Thema"), Some("related-links"));
        assert_eq!(rule("Verwandte Beiträge"), Some("related-links"));
        assert_eq!(rule("Über den Autor/ die Autorin"), Some("author-box"));
        assert_eq!(rule("About the author"), Some("author-box"));
        assert_eq!(
            rule("Lea también: MENU_TEXT en la capital del país este lunes"),
            Some("inline-teaser")
        );
        assert_eq!(
            rule("Read more: The MENU_TEXT story of the year"),
            Some("inline-teaser")
        );
        assert_eq!(
            rule("MIRA: La MENU_TEXT historia del año en la capital"),
            Some("inline-teaser")
        );
        assert_eq!(
            rule("Lesen Sie hier: MENU_TEXT Regatta auf dem Stausee abgesagt"),
            Some("inline-teaser")
        );
        assert_eq!(rule("Tuesday November 19, 2019"), Some("date-stamp"));
        assert_eq!(rule("3 days ago at 06:14 pm"), Some("date-stamp"));
        assert_eq!(rule("12 Comments"), Some("comments"));
        assert_eq!(
            rule("Milan Doe on September 12, 2018 at 4:47 pm said:"),
            Some("comment-header")
        );
        assert_eq!(rule("Comments are closed."), Some("comment-header"));
        assert_eq!(rule("Next Post"), Some("post-navigation"));
        assert_eq!(
            rule("© 2024 Weltfunk | Impressum | Datenschutz"),
            Some("footer")
        );
        assert_eq!(rule("Privacy Policy"), Some("footer"));
    }

    #[test]
    fn tag_lines_and_calls_after_the_article() {
        assert_eq!(rule("Tags: Berlin, Climate, Energy"), Some("tag-line"));
        assert_eq!(
            rule("Dieser Eintrag wurde veröffentlicht in Reisen und verschlagwortet mit hamburg."),
            Some("tag-line")
        );
        assert_eq!(
            rule("Dieser Artikel gefällt Ihnen?"),
            Some("engagement-call")
        );
        assert_eq!(
            rule("If you enjoyed this article, please support our journalism."),
            Some("engagement-call")
        );
        assert_eq!(rule("Zurück zur Übersicht"), Some("post-navigation"));
        assert_eq!(rule("Verwandte Artikel"), Some("related-links"));
        assert_eq!(
            rule("The BODY_TEXT themes: tags and categories were posted in the hall."),
            None
        );
    }

    #[test]
    fn link_lists_and_markup() {
        assert_eq!(
            rule("     * [12]Tech\n"),
            None,
            "too few markers to read as lynx"
        );
        assert_eq!(
            rule("  * [Tech](https://x.example/tech)\n  * [Sport](/s)\n  * [Art](/a)\n"),
            Some("link-list")
        );
        assert_eq!(rule("* * *"), Some("markup-only"));
        assert_eq!(rule("[vw-id-concept-6-1]"), Some("image-alt"));
        assert_eq!(rule("Search ____________________"), Some("form-field"));
    }

    #[test]
    fn agency_names_are_found_after_their_opening_pair() {
        for source in CREDIT_SOURCES {
            assert!(source.len() >= 2, "{source}");
            let text = format!("A caption ({source})");
            assert_eq!(SOURCE_STARTS.first(text.as_bytes()), Some(11), "{source}");
        }
        assert_eq!(SOURCE_STARTS.first(b"no agency in this tail"), None);
        let agency = "Fans at the stadium, Imago/Jane Doe";
        assert_eq!(
            credit_start(agency).map(|k| &agency[k..]),
            Some("Imago/Jane Doe")
        );
    }

    /// The cues as a leftmost-longest Aho-Corasick automaton finds them, then filtered by
    /// word boundaries: what [`cues`] must agree with.
    fn cues_by_automaton(lower: &str) -> u16 {
        let matcher = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(PHRASES.iter().map(|(p, _)| *p))
            .expect("phrases compile");
        let bytes = lower.as_bytes();
        let letter = |k: Option<usize>| {
            k.and_then(|k| bytes.get(k))
                .is_some_and(|&b| LETTER[usize::from(b)])
        };
        matcher
            .find_iter(lower)
            .filter(|m| !letter(m.start().checked_sub(1)) && !letter(Some(m.end())))
            .fold(0, |found, m| {
                found | PHRASES[m.pattern().as_usize()].1 as u16
            })
    }

    #[test]
    fn phrases_are_found_as_a_leftmost_longest_search_finds_them() {
        for text in [
            "share this story",
            "share thistle",
            "timeshare this",
            "e-mail us",
            "s'abonner",
            "read moreover",
            "comments are closedx",
            "il y a 3 heures",
            "il y avait",
            "2 days ago",
            "chicago",
            "über uns",
            "à lire aussi",
            "à propos de l’auteur",
            "related articlesx",
            "sign in sign up",
            "comment-s",
            "cookiesx cookie",
            "the related posts",
            "",
        ] {
            assert_eq!(cues(text), cues_by_automaton(text), "{text}");
        }
    }

    #[test]
    fn long_units_keep_the_cookie_cue() {
        // Rules reading other cues take no unit longer than MAX_CUED_WORDS (newsletter and
        // teaser rules: 30 words; share rows: 16).
        for limit in [SHORT_WORDS, MAX_CALL_WORDS, MAX_STAMP_WORDS, 30, 16] {
            assert!(limit <= MAX_CUED_WORDS);
        }
        for (phrase, cue) in PHRASES {
            if matches!(cue, Cue::Cookie) {
                assert!(COOKIE_STEMS.iter().any(|s| phrase.contains(s)), "{phrase}");
            }
        }
        let long = format!("{} We ask for your Einwilligung.", "word ".repeat(40));
        let units = segment(&long);
        assert!(Facts::of(&units[0]).has(Cue::Cookie));
        let plain = format!("{} Related articles", "word ".repeat(40));
        let units = segment(&plain);
        assert_eq!(Facts::of(&units[0]).cues, 0);
    }

    #[test]
    fn non_letters_agree_with_the_letter_table() {
        for b in 0..=255u8 {
            let word = u64::from_le_bytes([b'a', b, b'z', 0xC3, b, b'0', b' ', b]);
            let stops = non_letters(word);
            for (n, &byte) in word.to_le_bytes().iter().enumerate() {
                let stop = stops >> (8 * n + 7) & 1 == 1;
                assert_eq!(stop, !LETTER[usize::from(byte)], "byte {byte:#x}");
            }
        }
    }

    #[test]
    fn prefixes_are_found_by_their_first_byte() {
        let prefixes = Prefixes::of(&["tags:", "themen:", "über"]);
        assert!(prefixes.open("tags: a, b"));
        assert!(prefixes.open("über uns"));
        assert!(!prefixes.open("the tags: a"));
        assert!(!prefixes.open(""));
        assert!(Prefixes::of(&["x", ""]).open(""));
    }

    /// No label or agency name holds another one after its first byte, so the first to open
    /// is the first to end; and no label opens inside another, so every label opening after
    /// a match is a match of its own (what [`credit_start`]'s direct scans rely on).
    #[test]
    fn no_credit_phrase_holds_another() {
        for (list, overlap) in [(CREDIT_LABELS, false), (CREDIT_SOURCES, true)] {
            for outer in list {
                for inner in list {
                    for (k, _) in outer.char_indices().skip(1) {
                        let rest = &outer[k..];
                        assert!(!rest.starts_with(inner), "{inner} inside {outer}");
                        assert!(overlap || !inner.starts_with(rest), "{inner} over {outer}");
                    }
                }
            }
        }
    }

    #[test]
    fn credit_bytes_mark_every_label_and_agency_opening() {
        for label in CREDIT_LABELS {
            assert!(opens_label(label.as_bytes()), "{label}");
            let text = format!("A caption {label} Jane Doe");
            assert_eq!(credit_start(&text), Some(10), "{label}");
        }
        assert!(!opens_label(b"Pho"));
        for source in CREDIT_SOURCES {
            let class = CREDIT_BYTES[usize::from(source.as_bytes()[0])];
            assert_ne!(class & CREDIT_SOURCE, 0, "{source}");
        }
        assert_eq!(credit_start("a caption without any label"), None);
    }

    #[test]
    fn sentence_ends_by_the_last_byte_and_after_closing_marks() {
        for (text, end) in [
            ("", false),
            ("Home", false),
            ("Page 2", false),
            ("Done.", true),
            ("Why?", true),
            ("He said: \"Go.\"", true),
            ("(See above.)", true),
            ("Wait…", true),
            ("Menu »", false),
            ("A list:", true),
        ] {
            assert_eq!(sentence_end(text), end, "{text}");
        }
    }

    #[test]
    fn sentences_of_scripts_without_capitals() {
        assert!(sentence_end("বৃষ্টি থেমেছে।"));
        assert!(sentence_end("子どもが亡くなる事件が続いています。"));
        assert!(sentence_end("「ありがとう。」"));
        assert!(has_inner_sentence("বৃষ্টি থেমেছে।মানুষ বাইরে"));
        assert!(has_inner_sentence("事件が続いています。このため"));
        assert!(!has_inner_sentence("事件が続いています。"));
        for stop in SCRIPT_STOPS {
            assert!(has_inner_sentence(&format!("ab{stop}cd")), "{stop}");
        }
    }

    #[test]
    fn words_of_long_compounds_are_counted_by_spaces() {
        let unit = |t: &str| segment(t).into_iter().next().expect("one unit");
        assert_eq!(
            Facts::of(&unit("Landrätin prüft neue Hochwasserschutzverordnung")).words,
            4
        );
        assert!(
            Facts::of(&unit(
                "町の図書館が夜も開くことになり、学生たちが静かに勉強できるようになる"
            ))
            .words
                > 10
        );
    }

    #[test]
    fn tag_labels_are_let_go_by_their_first_byte_only_when_none_opens_so() {
        for label in TAG_LABELS {
            assert!(!label.is_empty());
            assert!(TAG_FIRST_BYTES[usize::from(label.as_bytes()[0])], "{label}");
        }
    }

    #[test]
    fn digits_are_counted_eight_bytes_a_step() {
        for text in [
            "",
            "1",
            "abc",
            "2019-11-25 14:03",
            "٣ 0 9 / : ÿ9",
            "a0b1c2d3e4f5g6h7i8j9",
        ] {
            let bytes = text.as_bytes();
            assert_eq!(
                ascii_digits(bytes),
                bytes.iter().filter(|b| b.is_ascii_digit()).count(),
                "{text}"
            );
        }
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(ascii_digits(&all), 10);
    }

    #[test]
    fn a_rule_never_fires_without_its_cue() {
        let unit = |t: &str| segment(t).into_iter().next().expect("one unit");
        for text in [
            "Skip to main content",
            "We use cookies to improve your experience. Accept",
            "Sign up for our daily newsletter",
            "Share on Facebook",
            "Condividi su Facebook Condividi su Telegram Invia per email",
            "Advertisement",
            "Related articles",
            "Previous post",
            "About the author",
            "Enjoyed this article?",
            "Leave a comment",
            "Sign in to read the full story",
        ] {
            let u = unit(text);
            let facts = Facts::of(&u);
            assert!(first_match(&u, &facts).is_some(), "{text}");
            for rule in RULES.iter().filter(|r| r.cue != 0) {
                let mut without = facts.clone();
                without.cues &= !rule.cue;
                assert!(!(rule.test)(&u, &without), "{} on {text}", rule.name);
            }
        }
    }

    #[test]
    fn credits_told_the_spaces_agree_with_credits_counting_them() {
        let unit = |t: &str| segment(t).into_iter().next().expect("one unit");
        let long = format!("{} Foto: Jane Doe", "word ".repeat(80));
        for text in [
            "Landrätin prüft neue Hochwasserschutzverordnung",
            "Die Brücke bei Nacht. Foto: Jane Doe",
            "Fans at the stadium, Imago/Jane Doe",
            "Le pont au matin. Photo Jean Dupont",
            long.as_str(),
        ] {
            let u = unit(text);
            let facts = Facts::of(&u);
            assert_eq!(facts.spaces, u.text.matches(' ').count(), "{text}");
            assert_eq!(
                spaced_credit_start(&u.text, facts.spaces),
                credit_start(&u.text),
                "{text}"
            );
            assert_eq!(
                super::super::credits::spaced_bare_credit_start(&u.text, facts.spaces),
                super::super::credits::bare_credit_start(&u.text),
                "{text}"
            );
        }
    }

    #[test]
    fn inner_sentences() {
        assert!(has_inner_sentence("One. Two"));
        assert!(has_inner_sentence("Ja! Über"));
        assert!(!has_inner_sentence("One. two"));
        assert!(!has_inner_sentence("One. "));
        assert!(!has_inner_sentence("1.5 and 2.0. "));
    }

    #[test]
    fn characters_said_to_be_caseless_have_no_lower_case() {
        let mut buffer = [0u8; 4];
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            if caseless(c.encode_utf8(&mut buffer).as_bytes()) {
                assert!(c.to_lowercase().eq([c]), "{c:?}");
            }
        }
    }

    #[test]
    fn lower_case_matches_the_standard_mapping() {
        for text in [
            "Über UNS",
            "ÄHNLICHE Artikel",
            "À LIRE",
            "plain ascii",
            "İstanbul",
            "ΟΔΥΣΣΕΥΣ Σ",
            "Ⅻ ǅ ẞ Ω Å K ΐ",
            "a long ascii run of more than sixteen bytes, then ÜBER and ÀÉÎÕÜ at the end",
            "ÀÉÎÕÜ",
            "“ÄHNLICHE” Artikel — Über 25 °C, Ⓐ ＡＢＣ Ǆ 東京 ДОМ Дом Ωmega ΣΟΦΙΑ σοφία ώρα",
        ] {
            let each: String = text.chars().flat_map(char::to_lowercase).collect();
            assert_eq!(lower_case(text), each, "{text}");
            if !text.contains('Σ') {
                assert_eq!(lower_case(text), text.to_lowercase(), "{text}");
            }
        }
    }

    #[test]
    fn body_text_is_left_alone() {
        let text = "The council said on Monday that the BODY_TEXT plan, shared with residents \
                    last week, would cost more than expected.";
        assert_eq!(rule(text), None);
    }
}
