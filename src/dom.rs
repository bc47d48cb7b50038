//! The parsed page as a compact, index-based tree: the only file that names the parser's types.
//!
//! Takes decoded HTML text; returns a [`Dom`] whose nodes are plain indexes, with every text and
//! attribute kept in one buffer, so later stages walk it iteratively and cheaply. It never fails:
//! the HTML parser recovers from any input. It must not recurse (deep trees overflow small
//! stacks), and it must not do any extraction logic.

use std::ops::Range;

/// Index of a node in a [`Dom`].
pub type NodeId = u32;

macro_rules! tags {
    ($($variant:ident = $name:literal,)*) => {
        /// An element's tag, for the tags extraction cares about; anything else is `Other`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[allow(missing_docs)]
        pub enum Tag { $($variant,)* Other }

        impl Tag {
            /// The tag for a lowercase local name.
            pub fn from_name(name: &str) -> Tag {
                match name { $($name => Tag::$variant,)* _ => Tag::Other }
            }
            /// The lowercase name (`other` for tags outside the list).
            pub fn name(self) -> &'static str {
                match self { $(Tag::$variant => $name,)* Tag::Other => "other" }
            }
        }
    };
}

tags! {
    A = "a", Abbr = "abbr", Address = "address", Area = "area", Article = "article", Aside = "aside",
    Audio = "audio", B = "b", Base = "base", Bdi = "bdi", Blockquote = "blockquote", Body = "body",
    Br = "br", Button = "button", Canvas = "canvas", Caption = "caption", Center = "center",
    Cite = "cite", Code = "code", Col = "col", Colgroup = "colgroup", Dd = "dd", Del = "del",
    Details = "details", Dfn = "dfn", Dialog = "dialog", Div = "div", Dl = "dl", Dt = "dt",
    Em = "em", Embed = "embed", Fieldset = "fieldset", Figcaption = "figcaption", Figure = "figure",
    Font = "font", Footer = "footer", Form = "form", Frame = "frame", Frameset = "frameset",
    H1 = "h1", H2 = "h2", H3 = "h3", H4 = "h4", H5 = "h5", H6 = "h6", Head = "head",
    Header = "header", Hgroup = "hgroup", Hr = "hr", Html = "html", I = "i", Iframe = "iframe",
    Img = "img", Input = "input", Ins = "ins", Kbd = "kbd", Label = "label", Legend = "legend",
    Li = "li", Link = "link", Main = "main", Map = "map", Mark = "mark", Math = "math",
    Menu = "menu", Meta = "meta", Nav = "nav", Noscript = "noscript", Object = "object",
    Ol = "ol", Optgroup = "optgroup", Option = "option", Output = "output", P = "p",
    Picture = "picture", Pre = "pre", Q = "q", S = "s", Samp = "samp", Script = "script",
    Section = "section", Select = "select", Small = "small", Source = "source", Span = "span",
    Strike = "strike", Strong = "strong", Style = "style", Sub = "sub", Summary = "summary",
    Sup = "sup", Svg = "svg", Table = "table", Tbody = "tbody", Td = "td", Template = "template",
    Textarea = "textarea", Tfoot = "tfoot", Th = "th", Thead = "thead", Time = "time",
    Title = "title", Tr = "tr", Track = "track", Tt = "tt", U = "u", Ul = "ul", Var = "var",
    Video = "video", Wbr = "wbr",
}

/// What a node is.
#[derive(Debug, Clone)]
pub enum Kind {
    /// The document root.
    Document,
    /// An element, with its attributes at `attrs` in the attribute table.
    Element {
        /// The tag.
        tag: Tag,
        /// Range in the attribute table.
        attrs: Range<u32>,
        /// The local name, for tags outside [`Tag`] (empty otherwise).
        other_name: Range<u32>,
    },
    /// A text node, its text at this range of the buffer.
    Text(Range<u32>),
    /// A comment, doctype or processing instruction.
    Other,
}

/// One node and its links to its neighbours.
#[derive(Debug, Clone)]
pub struct Node {
    /// The parent (the document's own parent is itself).
    pub parent: NodeId,
    /// First child, if any.
    pub first_child: Option<NodeId>,
    /// Next sibling, if any.
    pub next_sibling: Option<NodeId>,
    /// Element, text, ...
    pub kind: Kind,
}

#[derive(Debug, Clone)]
struct Attr {
    name: Range<u32>,
    value: Range<u32>,
}

/// A parsed page.
#[derive(Debug, Clone)]
pub struct Dom {
    nodes: Vec<Node>,
    attrs: Vec<Attr>,
    buf: String,
}

/// The document node's id.
pub const DOCUMENT: NodeId = 0;

impl Dom {
    /// Parses an HTML document. Never fails.
    pub fn parse(html: &str) -> Dom {
        let parsed = scraper::Html::parse_document(html);
        Dom::from_tree(&parsed.tree, html.len())
    }

    fn from_tree(tree: &ego_tree_alias::Tree<scraper::Node>, size_hint: usize) -> Dom {
        use ego_tree_alias::iter::Edge;
        let mut dom = Dom {
            nodes: Vec::with_capacity(size_hint / 40),
            attrs: Vec::with_capacity(size_hint / 60),
            buf: String::with_capacity(size_hint / 2),
        };
        // Stack of (node id, last child id) of the open elements.
        let mut stack: Vec<(NodeId, Option<NodeId>)> = Vec::with_capacity(64);
        for edge in tree.root().traverse() {
            match edge {
                Edge::Open(node) => {
                    let kind = dom.convert(node.value());
                    let id = dom.nodes.len() as NodeId;
                    let parent = stack.last().map_or(id, |&(p, _)| p);
                    dom.nodes.push(Node {
                        parent,
                        first_child: None,
                        next_sibling: None,
                        kind,
                    });
                    if let Some(top) = stack.last_mut() {
                        match top.1 {
                            Some(prev) => dom.nodes[prev as usize].next_sibling = Some(id),
                            None => dom.nodes[top.0 as usize].first_child = Some(id),
                        }
                        top.1 = Some(id);
                    }
                    stack.push((id, None));
                }
                Edge::Close(_) => {
                    stack.pop();
                }
            }
        }
        dom
    }

    fn push_str(&mut self, s: &str) -> Range<u32> {
        let start = self.buf.len() as u32;
        self.buf.push_str(s);
        start..self.buf.len() as u32
    }

    fn convert(&mut self, node: &scraper::Node) -> Kind {
        match node {
            scraper::Node::Document | scraper::Node::Fragment => Kind::Document,
            scraper::Node::Text(text) => Kind::Text(self.push_str(text)),
            scraper::Node::Element(element) => {
                let name = element.name();
                let tag = Tag::from_name(name);
                let other_name = if tag == Tag::Other {
                    self.push_str(name)
                } else {
                    0..0
                };
                let start = self.attrs.len() as u32;
                for (key, value) in element.attrs() {
                    let name = self.push_str(key);
                    let value = self.push_str(value);
                    self.attrs.push(Attr { name, value });
                }
                Kind::Element {
                    tag,
                    attrs: start..self.attrs.len() as u32,
                    other_name,
                }
            }
            _ => Kind::Other,
        }
    }

    fn slice(&self, range: &Range<u32>) -> &str {
        self.buf
            .get(range.start as usize..range.end as usize)
            .unwrap_or("")
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// True when the document has no node but its root.
    pub fn is_empty(&self) -> bool {
        self.nodes.len() <= 1
    }

    /// The node with this id.
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id as usize]
    }

    /// The element's tag, or `None` for a non-element.
    pub fn tag(&self, id: NodeId) -> Option<Tag> {
        match self.nodes[id as usize].kind {
            Kind::Element { tag, .. } => Some(tag),
            _ => None,
        }
    }

    /// The element's local name (also for tags outside [`Tag`]); empty for non-elements.
    pub fn tag_name(&self, id: NodeId) -> &str {
        match &self.nodes[id as usize].kind {
            Kind::Element {
                tag: Tag::Other,
                other_name,
                ..
            } => self.slice(other_name),
            Kind::Element { tag, .. } => tag.name(),
            _ => "",
        }
    }

    /// The text of a text node (`None` for other nodes).
    pub fn text(&self, id: NodeId) -> Option<&str> {
        match &self.nodes[id as usize].kind {
            Kind::Text(range) => Some(self.slice(range)),
            _ => None,
        }
    }

    /// The value of an attribute (names are lowercase).
    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        self.attrs(id).find(|(key, _)| *key == name).map(|(_, v)| v)
    }

    /// All attributes of an element, in order.
    pub fn attrs(&self, id: NodeId) -> impl Iterator<Item = (&str, &str)> {
        let range = match &self.nodes[id as usize].kind {
            Kind::Element { attrs, .. } => attrs.start as usize..attrs.end as usize,
            _ => 0..0,
        };
        self.attrs[range]
            .iter()
            .map(|attr| (self.slice(&attr.name), self.slice(&attr.value)))
    }

    /// The parent (`None` for the document).
    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        let parent = self.nodes[id as usize].parent;
        (parent != id).then_some(parent)
    }

    /// The children, in order.
    pub fn children(&self, id: NodeId) -> Children<'_> {
        Children {
            dom: self,
            next: self.nodes[id as usize].first_child,
        }
    }

    /// The node and everything below it, in document order (iterative).
    pub fn descendants(&self, id: NodeId) -> Descendants<'_> {
        Descendants {
            dom: self,
            root: id,
            next: Some(id),
        }
    }

    /// The next node in document order after `id`'s subtree, staying inside `root`.
    pub fn next_after_subtree(&self, root: NodeId, mut id: NodeId) -> Option<NodeId> {
        loop {
            if id == root {
                return None;
            }
            if let Some(next) = self.nodes[id as usize].next_sibling {
                return Some(next);
            }
            id = self.parent(id)?;
        }
    }

    /// All text below `id`, concatenated as in the source (no white space normalisation).
    pub fn text_content(&self, id: NodeId) -> String {
        let mut out = String::new();
        for node in self.descendants(id) {
            if let Some(text) = self.text(node) {
                out.push_str(text);
            }
        }
        out
    }

    /// The first element with this tag, in document order.
    pub fn find(&self, tag: Tag) -> Option<NodeId> {
        (0..self.nodes.len() as NodeId).find(|&id| self.tag(id) == Some(tag))
    }

    /// Every element with this tag, in document order.
    pub fn find_all(&self, tag: Tag) -> impl Iterator<Item = NodeId> + '_ {
        (0..self.nodes.len() as NodeId).filter(move |&id| self.tag(id) == Some(tag))
    }

    /// Ids of all nodes, in document order (ids are assigned in document order).
    pub fn ids(&self) -> Range<NodeId> {
        0..self.nodes.len() as NodeId
    }

    /// Ancestors of `id`, nearest first (not including `id`).
    pub fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.parent(id), move |&p| self.parent(p))
    }
}

/// Iterator over a node's children.
pub struct Children<'a> {
    dom: &'a Dom,
    next: Option<NodeId>,
}

impl Iterator for Children<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let id = self.next?;
        self.next = self.dom.nodes[id as usize].next_sibling;
        Some(id)
    }
}

/// Iterator over a subtree in document order.
pub struct Descendants<'a> {
    dom: &'a Dom,
    root: NodeId,
    next: Option<NodeId>,
}

impl Iterator for Descendants<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let id = self.next?;
        self.next = match self.dom.nodes[id as usize].first_child {
            Some(child) => Some(child),
            None => self.dom.next_after_subtree(self.root, id),
        };
        Some(id)
    }
}

use ego_tree as ego_tree_alias;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_into_linked_nodes() {
        let dom = Dom::parse("<html><body><p class=x>Hello <b>big</b> world</p></body></html>");
        let p = dom.find(Tag::P).expect("a p");
        assert_eq!(dom.attr(p, "class"), Some("x"));
        assert_eq!(dom.text_content(p), "Hello big world");
        assert_eq!(dom.children(p).count(), 3);
        let body = dom.parent(p).expect("parent");
        assert_eq!(dom.tag(body), Some(Tag::Body));
    }

    #[test]
    fn unknown_tags_keep_their_name() {
        let dom = Dom::parse("<body><my-widget>x</my-widget></body>");
        let id = dom.ids().find(|&id| dom.tag(id) == Some(Tag::Other));
        assert_eq!(dom.tag_name(id.expect("custom element")), "my-widget");
    }

    #[test]
    fn descendants_stay_inside_the_subtree() {
        let dom = Dom::parse("<body><div><p>a</p></div><p>b</p></body>");
        let div = dom.find(Tag::Div).expect("div");
        let texts: Vec<_> = dom.descendants(div).filter_map(|id| dom.text(id)).collect();
        assert_eq!(texts, vec!["a"]);
    }
}
