//! The saved-text seed page (`../shared/seeds/000_d27b35d79aa7ee8d.txt`, a German news page
//! copied from a browser) must give exactly its title, section, date, short URL, lead and body,
//! with skip links, alt text, caption credit and the closing credit lifted out of the body.
//!
//! The seed lives beside the repository, never inside it; the test is skipped, with a message,
//! when it is absent.

use gleaner::{InputFormat, Options};

const SEED: &str = "../shared/seeds/000_d27b35d79aa7ee8d.txt";

fn seed() -> Option<gleaner::Article> {
    let Ok(bytes) = std::fs::read(SEED) else {
        eprintln!("skipped: {SEED} is absent (the seeds live beside the repository)");
        return None;
    };
    let mut options = Options::default();
    options.input.format = InputFormat::Text;
    Some(gleaner::extract(&bytes, &options).expect("the seed has an article"))
}

#[test]
fn seed_metadata_is_lifted() {
    let Some(article) = seed() else { return };
    let m = &article.metadata;
    assert_eq!(
        m.title.as_deref(),
        Some("Cyber-Angriff gegen IS-Sprachrohr Amaq")
    );
    assert_eq!(m.section.as_deref(), Some("Politik"));
    assert_eq!(m.published.as_deref(), Some("2019-11-25"));
    assert_eq!(m.short_url.as_deref(), Some("https://p.dw.com/p/3ThUS"));
    assert_eq!(m.credits.as_deref(), Some("hk/uh (dpa, afp, rtr, ap)"));
    assert_eq!(m.captions.len(), 1);
    assert!(m.captions[0].text.starts_with("Ein Video, das im März"));
    assert_eq!(
        m.captions[0].credit.as_deref(),
        Some("Bild: picture-alliance/AP Photo/Aamaq News Agency")
    );
    assert!(
        m.description
            .as_deref()
            .is_some_and(|d| d.starts_with("Über das Propagandamedium"))
    );
}

#[test]
fn seed_body_is_the_lead_paragraphs_and_subheadings() {
    let Some(article) = seed() else { return };
    let text = article.text();
    let starts: Vec<&str> = text
        .split("\n\n")
        .map(|b| {
            b.get(..b.char_indices().nth(20).map_or(b.len(), |(k, _)| k))
                .unwrap_or(b)
        })
        .collect();
    assert_eq!(
        starts,
        vec![
            "Über das Propagandam",
            "Nach Angaben der bel",
            "An dem Cyberangriff ",
            "\"Vorerst k.o. geschl",
            "Amaq sei \"aus einem ",
            "\"Der IS bleibt gefäh",
            "Mit ihrem Internetau",
            "Der IS hat seine ein",
        ],
        "{text}"
    );
    for noise in [
        "springen",
        "Politik",
        "Cyber-Angriff gegen IS-Sprachrohr Amaq",
        "25. November 2019",
        "https://p.dw.com",
        "Syrien März 2019 | IS-Kämpfer in Baghouz",
        "Bild:",
        "Ein Video, das im März",
        "hk/uh",
    ] {
        assert!(!text.contains(noise), "{noise:?} leaked into the body");
    }
    assert!(text.ends_with("eine Sprengstoffweste und starb."));
}
