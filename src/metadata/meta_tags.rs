//! `<meta>` tags: OpenGraph and `article:*`, Twitter cards, Dublin Core, and the plain
//! `<meta name=author|date|description|keywords|news_keywords>` family.
//!
//! Takes the meta tags collected by the scan; returns raw [`Fields`] (not yet cleaned: titles keep
//! their site suffix, authors their "By"). Key lists are data, in order of trust within this
//! source. Must not read anything but the meta tags.

use super::Fields;
use super::scan::Meta;

/// Title keys, most trusted first.
const TITLE: &[&str] = &[
    "og:title",
    "twitter:title",
    "dc.title",
    "dcterms.title",
    "parsely-title",
    "sailthru.title",
    "title",
    "headline",
];
/// Author keys.
const AUTHOR: &[&str] = &[
    "article:author",
    "author",
    "dc.creator",
    "dcterms.creator",
    "parsely-author",
    "sailthru.author",
    "byl",
    "citation_author",
    "og:article:author",
    "article:author_name",
];
/// Publication date keys.
const PUBLISHED: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "publication-date",
    "article.published",
    "article_date_original",
    "original-publish-date",
    "originalpublicationdate",
    "parsely-pub-date",
    "sailthru.date",
    "cxenseparse:recs:publishtime",
    "citation_publication_date",
    "citation_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "datecreated",
    "dc.date",
    "dcterms.date",
    "date",
    "pub_date",
    "created",
    "displaydate",
    "article:post_date",
    "og:pubdate",
    "vr:published_time",
];
/// Modification date keys.
const MODIFIED: &[&str] = &[
    "article:modified_time",
    "og:article:modified_time",
    "article:modified",
    "datemodified",
    "og:updated_time",
    "modified_time",
    "dcterms.modified",
    "dc.date.modified",
    "last-modified",
    "lastmod",
    "article.updated",
    "revised",
];
/// Site name keys.
const SITE: &[&str] = &[
    "og:site_name",
    "application-name",
    "dc.publisher",
    "dcterms.publisher",
    "publisher",
    "apple-mobile-web-app-title",
];
/// Section keys.
const SECTION: &[&str] = &[
    "article:section",
    "og:article:section",
    "parsely-section",
    "section",
    "article.section",
    "category",
];
/// Tag keys: each is read completely before the next is tried.
const TAGS: &[&str] = &[
    "article:tag",
    "og:article:tag",
    "parsely-tags",
    "news_keywords",
    "keywords",
    "dc.subject",
];
/// Description keys.
const DESCRIPTION: &[&str] = &[
    "og:description",
    "description",
    "twitter:description",
    "dc.description",
    "dcterms.description",
    "dcterms.abstract",
];
/// Image keys.
const IMAGE: &[&str] = &[
    "og:image",
    "og:image:url",
    "og:image:secure_url",
    "twitter:image",
    "twitter:image:src",
    "thumbnail",
    "thumbnailurl",
];
/// Language keys.
const LANGUAGE: &[&str] = &[
    "content-language",
    "language",
    "dc.language",
    "dcterms.language",
    "og:locale",
];
/// Licence keys.
const LICENSE: &[&str] = &["license", "dcterms.license", "dc.rights", "dcterms.rights"];

/// Reads the fields that `<meta>` tags declare (those keyed by `property`, `name`, `http-equiv`;
/// `itemprop` metas belong to microdata).
pub fn read(metas: &[Meta<'_>]) -> Fields {
    let tags = MetaTags::new(metas);
    let mut fields = Fields {
        title: tags.first(TITLE),
        published: tags.first(PUBLISHED),
        modified: tags.first(MODIFIED),
        site_name: tags.first(SITE),
        section: tags.first(SECTION),
        description: tags.first(DESCRIPTION),
        image: tags.first(IMAGE),
        url: tags.first(&["og:url", "twitter:url"]),
        language: tags.first(LANGUAGE),
        license: tags.first(LICENSE),
        kind: tags.first(&["og:type"]),
        ..Fields::default()
    };
    for key in AUTHOR {
        let found: Vec<String> = tags
            .all(key)
            .filter(|a| !looks_like_handle_or_url(a))
            .map(str::to_string)
            .collect();
        if !found.is_empty() {
            fields.authors = found;
            break;
        }
    }
    if fields.authors.is_empty() {
        fields.authors.extend(written_by(&tags));
    }
    for key in TAGS {
        let mut found = Vec::new();
        for value in tags.all(key) {
            found.extend(
                value
                    .split([',', ';'])
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(str::to_string),
            );
        }
        if !found.is_empty() {
            fields.tags = found;
            break;
        }
    }
    fields
}

/// Twitter's label/data pairs: `twitter:label1 = "Written by"`, `twitter:data1 = "Jane Roe"`.
fn written_by(tags: &MetaTags<'_, '_>) -> Option<String> {
    for (label, data) in [
        ("twitter:label1", "twitter:data1"),
        ("twitter:label2", "twitter:data2"),
    ] {
        let is_author = tags.all(label).next().is_some_and(|l| {
            let l = l.to_lowercase();
            [
                "written by",
                "author",
                "autor",
                "verfasst",
                "geschrieben",
                "auteur",
            ]
            .iter()
            .any(|w| l.contains(w))
        });
        if is_author {
            return tags.all(data).next().map(str::to_string);
        }
    }
    None
}

/// "@handle", "https://facebook.com/someone": not a name.
fn looks_like_handle_or_url(value: &str) -> bool {
    let v = value.trim();
    v.starts_with('@') || v.starts_with("http") || v.starts_with("//") || v.contains("www.")
}

/// True when one term of a tag's key names `key`: compared without case, and Dublin Core's
/// prefixed form ("dc:title", "dcterms:created") read like the dotted one ("DC.title").
fn term_matches(term: &str, key: &str) -> bool {
    term.len() == key.len()
        && term.bytes().zip(key.bytes()).all(|(a, b)| {
            a.eq_ignore_ascii_case(&b) || (a == b':' && b == b'.' && is_dublin_core(key))
        })
}

fn is_dublin_core(key: &str) -> bool {
    key.starts_with("dc.") || key.starts_with("dcterms.")
}

/// The meta tags, looked up by key without case. Each of the space-separated terms of an
/// RDFa `property` ("x:title dc:title") is a key; the terms are split once, not per lookup.
struct MetaTags<'m, 'a> {
    metas: &'m [Meta<'a>],
    /// Every key term of a non-microdata tag, with the tag's index, in page order.
    terms: Vec<(&'a str, usize)>,
}

impl<'m, 'a> MetaTags<'m, 'a> {
    fn new(metas: &'m [Meta<'a>]) -> Self {
        let terms = metas
            .iter()
            .enumerate()
            .filter(|(_, m)| !m.itemprop)
            .flat_map(|(i, m)| m.key.split_whitespace().map(move |t| (t, i)))
            .collect();
        MetaTags { metas, terms }
    }

    /// Non-empty contents of every tag with this key, in page order.
    fn all<'s>(&'s self, key: &'s str) -> impl Iterator<Item = &'a str> + 's {
        let mut last = None;
        self.terms
            .iter()
            .filter(move |(term, _)| term_matches(term, key))
            // A tag whose key names `key` twice counts once.
            .filter(move |&&(_, i)| last.replace(i) != Some(i))
            .map(|&(_, i)| self.metas[i].content.trim())
            .filter(|c| !c.is_empty())
    }

    /// The first non-empty content, trying the keys in order.
    fn first(&self, keys: &[&str]) -> Option<String> {
        keys.iter()
            .find_map(|key| self.all(key).next())
            .map(str::to_string)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::Dom;
    use crate::metadata::scan::Scan;

    fn fields(head: &str) -> Fields {
        let dom = Dom::parse(&format!("<html><head>{head}</head><body></body></html>"));
        read(&Scan::collect(&dom).metas)
    }

    #[test]
    fn opengraph_outranks_plain_meta() {
        let f = fields(
            r#"<meta name="description" content="plain"><meta property="og:description" content="og">
            <meta property="og:title" content="OG title"><meta name="twitter:title" content="TW">"#,
        );
        assert_eq!(f.description.as_deref(), Some("og"));
        assert_eq!(f.title.as_deref(), Some("OG title"));
    }

    #[test]
    fn dates_from_article_and_dublin_core() {
        let f = fields(
            r#"<meta name="DC.date.issued" content="2020-01-02"><meta property="article:modified_time" content="2020-01-05T10:00:00Z">"#,
        );
        assert_eq!(f.published.as_deref(), Some("2020-01-02"));
        assert_eq!(f.modified.as_deref(), Some("2020-01-05T10:00:00Z"));
    }

    #[test]
    fn tags_split_and_authors_skip_urls() {
        let f = fields(
            r#"<meta property="article:author" content="https://facebook.com/x"><meta name="author" content="Jane Roe">
            <meta name="keywords" content="a, b,c"><meta property="article:tag" content="T1"><meta property="article:tag" content="T2">"#,
        );
        assert_eq!(f.authors, vec!["Jane Roe"]);
        assert_eq!(f.tags, vec!["T1", "T2"]);
    }

    #[test]
    fn rdfa_terms_and_dublin_core_prefixes() {
        let f = fields(r#"<meta property="x:title dc:title" content="My title">"#);
        assert_eq!(f.title.as_deref(), Some("My title"));
        let f = fields(r#"<meta property="dcterms:created" content="2020-01-02">"#);
        assert_eq!(f.published.as_deref(), Some("2020-01-02"));
        let f = fields(r#"<meta property="og:titles" content="no">"#);
        assert_eq!(f.title, None);
    }

    #[test]
    fn itemprop_metas_are_not_read_here() {
        let f = fields(r#"<meta itemprop="datePublished" content="2020-01-02">"#);
        assert_eq!(f.published, None);
    }
}
