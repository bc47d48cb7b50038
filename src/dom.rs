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
        Dom::parse_with(html, false)
    }

    /// Parses an HTML document that went through [`crate::input::prepare`], whose kept
    /// attributes may carry short codes for their names: the elements get the full names back,
    /// so the tree is the one [`Dom::parse`] builds from the same text with full names.
    pub fn parse_prepared(html: &str) -> Dom {
        Dom::parse_with(html, true)
    }

    fn parse_with(html: &str, codes: bool) -> Dom {
        use html5ever::tendril::TendrilSink;
        let sink = Builder::new(html.len(), codes);
        html5ever::parse_document(sink, html5ever::ParseOpts::default())
            .one(html5ever::tendril::StrTendril::from(html))
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

    /// The value of an attribute (names are lowercase). The prescan drops the attributes nothing
    /// reads, so a name read here must be one it keeps: debug builds (the tests) check it.
    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        debug_assert!(
            crate::input::kept_attribute(name.as_bytes()),
            "the prescan drops the attribute `{name}`: add it to its list"
        );
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

/// "No node" in the builder's links.
const NONE: NodeId = NodeId::MAX;

/// A node's links while the parser builds the tree (nodes are created in parse order and may be
/// moved: foster parenting, misnested formatting elements, templates).
#[derive(Debug, Clone, Copy)]
struct Links {
    parent: NodeId,
    first_child: NodeId,
    last_child: NodeId,
    prev_sibling: NodeId,
    next_sibling: NodeId,
}

impl Links {
    const ORPHAN: Links = Links {
        parent: NONE,
        first_child: NONE,
        last_child: NONE,
        prev_sibling: NONE,
        next_sibling: NONE,
    };
}

/// The tree while html5ever builds it: nodes in creation order with their texts and attributes
/// already in the final buffers; [`Builder::finish`] renumbers them in document order.
struct Tree {
    links: Vec<Links>,
    kinds: Vec<Kind>,
    /// The qualified name of each element (`None` for other nodes), which the parser asks for.
    names: Vec<Option<html5ever::QualName>>,
    attrs: Vec<Attr>,
    buf: String,
    /// Answer for a name asked of a non-element (the parser never does).
    no_name: html5ever::QualName,
    /// Whether attribute names are the prescan's short codes to expand
    /// ([`crate::input::prepare`]).
    codes: bool,
}

/// The attribute name a prescan code stands for (`crate::input::prescan::ATTRIBUTE_CODES`; a
/// test checks both lists agree). Only names html5ever made itself (no namespace or prefix) are
/// codes.
fn expand_code(name: &mut html5ever::QualName) {
    use html5ever::local_name;
    let [code] = name.local.as_bytes() else {
        return;
    };
    if name.prefix.is_some() || name.ns != html5ever::ns!() {
        return;
    }
    name.local = match code {
        b'c' => local_name!("class"),
        b'i' => local_name!("id"),
        b'r' => local_name!("role"),
        b'h' => local_name!("href"),
        b's' => local_name!("src"),
        b'a' => local_name!("alt"),
        b'l' => local_name!("lang"),
        b'v' => local_name!("value"),
        b'p' => local_name!("property"),
        b'n' => local_name!("name"),
        b'e' => local_name!("rel"),
        b'm' => local_name!("itemprop"),
        b'o' => local_name!("itemscope"),
        b't' => local_name!("itemtype"),
        b'd' => local_name!("datetime"),
        b'x' => local_name!("hidden"),
        b'y' => local_name!("aria-hidden"),
        b'z' => local_name!("style"),
        _ => return,
    };
}

/// html5ever's tree sink, building a [`Dom`] directly.
///
/// Its semantics match the DOM that scraper built before: a template's contents are a
/// document-kind child of the template element, adjacent texts appended to the same parent are
/// merged, attributes are kept in qualified-name order, comments, doctypes and processing
/// instructions are `Other` nodes.
struct Builder(std::cell::RefCell<Tree>);

impl Builder {
    fn new(size_hint: usize, codes: bool) -> Builder {
        let nodes = size_hint / 40 + 1;
        let mut tree = Tree {
            links: Vec::with_capacity(nodes),
            kinds: Vec::with_capacity(nodes),
            names: Vec::with_capacity(nodes),
            attrs: Vec::with_capacity(size_hint / 60),
            buf: String::with_capacity(size_hint / 2),
            no_name: html5ever::QualName::new(None, html5ever::ns!(), html5ever::local_name!("")),
            codes,
        };
        tree.push(Kind::Document, None);
        Builder(std::cell::RefCell::new(tree))
    }
}

impl Tree {
    fn push(&mut self, kind: Kind, name: Option<html5ever::QualName>) -> NodeId {
        let id = self.links.len() as NodeId;
        self.links.push(Links::ORPHAN);
        self.kinds.push(kind);
        self.names.push(name);
        id
    }

    fn push_str(&mut self, s: &str) -> Range<u32> {
        let start = self.buf.len() as u32;
        self.buf.push_str(s);
        start..self.buf.len() as u32
    }

    fn link(&self, id: NodeId) -> Links {
        self.links
            .get(id as usize)
            .copied()
            .unwrap_or(Links::ORPHAN)
    }

    fn links_mut(&mut self, id: NodeId) -> Option<&mut Links> {
        self.links.get_mut(id as usize)
    }

    /// Takes the node out of its parent's children (nothing for an orphan).
    fn detach(&mut self, id: NodeId) {
        let Links {
            parent,
            prev_sibling,
            next_sibling,
            ..
        } = self.link(id);
        if parent == NONE {
            return;
        }
        if let Some(links) = self.links_mut(id) {
            links.parent = NONE;
            links.prev_sibling = NONE;
            links.next_sibling = NONE;
        }
        match self.links_mut(prev_sibling) {
            Some(prev) => prev.next_sibling = next_sibling,
            None => {
                if let Some(p) = self.links_mut(parent) {
                    p.first_child = next_sibling;
                }
            }
        }
        match self.links_mut(next_sibling) {
            Some(next) => next.prev_sibling = prev_sibling,
            None => {
                if let Some(p) = self.links_mut(parent) {
                    p.last_child = prev_sibling;
                }
            }
        }
    }

    /// Makes `child` the last child of `parent`.
    fn append(&mut self, parent: NodeId, child: NodeId) {
        if parent == child || parent as usize >= self.links.len() {
            return;
        }
        self.detach(child);
        let last = self.link(parent).last_child;
        if let Some(links) = self.links_mut(child) {
            links.parent = parent;
            links.prev_sibling = last;
        }
        match self.links_mut(last) {
            Some(prev) => prev.next_sibling = child,
            None => {
                if let Some(p) = self.links_mut(parent) {
                    p.first_child = child;
                }
            }
        }
        if let Some(p) = self.links_mut(parent) {
            p.last_child = child;
        }
    }

    /// Puts `node` just before `sibling`, which has a parent.
    fn insert_before(&mut self, sibling: NodeId, node: NodeId) {
        if sibling == node {
            return;
        }
        self.detach(node);
        let Links {
            parent,
            prev_sibling,
            ..
        } = self.link(sibling);
        if let Some(links) = self.links_mut(node) {
            links.parent = parent;
            links.prev_sibling = prev_sibling;
            links.next_sibling = sibling;
        }
        match self.links_mut(prev_sibling) {
            Some(prev) => prev.next_sibling = node,
            None => {
                if let Some(p) = self.links_mut(parent) {
                    p.first_child = node;
                }
            }
        }
        if let Some(links) = self.links_mut(sibling) {
            links.prev_sibling = node;
        }
    }

    /// Appends `text` to the text node `id` if it is one; false otherwise.
    fn extend_text(&mut self, id: NodeId, text: &str) -> bool {
        let Some(Kind::Text(range)) = self.kinds.get(id as usize) else {
            return false;
        };
        let mut range = range.clone();
        if range.end as usize != self.buf.len() {
            // Not the last text written: move it to the end of the buffer first.
            let old = self
                .buf
                .get(range.start as usize..range.end as usize)
                .unwrap_or("")
                .to_string();
            let start = self.buf.len() as u32;
            self.buf.push_str(&old);
            range = start..self.buf.len() as u32;
        }
        self.buf.push_str(text);
        range.end = self.buf.len() as u32;
        if let Some(kind) = self.kinds.get_mut(id as usize) {
            *kind = Kind::Text(range);
        }
        true
    }

    fn new_text(&mut self, text: &str) -> NodeId {
        let range = self.push_str(text);
        self.push(Kind::Text(range), None)
    }

    fn create_element(
        &mut self,
        name: html5ever::QualName,
        mut attrs: Vec<html5ever::Attribute>,
    ) -> NodeId {
        let tag = Tag::from_name(&name.local);
        let other_name = if tag == Tag::Other {
            self.push_str(&name.local)
        } else {
            0..0
        };
        if self.codes {
            for attr in &mut attrs {
                expand_code(&mut attr.name);
            }
        }
        if attrs.len() > 1 {
            attrs.sort_unstable_by(|a, b| a.name.cmp(&b.name));
        }
        let start = self.attrs.len() as u32;
        for attr in &attrs {
            let name = self.push_str(&attr.name.local);
            let value = self.push_str(&attr.value);
            self.attrs.push(Attr { name, value });
        }
        let template =
            name.ns == html5ever::ns!(html) && name.local == html5ever::local_name!("template");
        let id = self.push(
            Kind::Element {
                tag,
                attrs: start..self.attrs.len() as u32,
                other_name,
            },
            Some(name),
        );
        if template {
            let contents = self.push(Kind::Document, None);
            self.append(id, contents);
        }
        id
    }

    /// Adds the attributes the element lacks (a second `<html>` or `<body>` tag's), keeping them
    /// in name order.
    fn add_attrs_if_missing(&mut self, id: NodeId, mut attrs: Vec<html5ever::Attribute>) {
        if self.codes {
            for attr in &mut attrs {
                expand_code(&mut attr.name);
            }
        }
        let Some(Kind::Element { attrs: range, .. }) = self.kinds.get(id as usize) else {
            return;
        };
        let range = range.start as usize..range.end as usize;
        let mut merged: Vec<(String, Attr)> = self
            .attrs
            .get(range)
            .unwrap_or_default()
            .iter()
            .map(|a| {
                let name = self
                    .buf
                    .get(a.name.start as usize..a.name.end as usize)
                    .unwrap_or("");
                (name.to_string(), a.clone())
            })
            .collect();
        for attr in attrs {
            if merged.iter().any(|(name, _)| **name == *attr.name.local) {
                continue;
            }
            let name = self.push_str(&attr.name.local);
            let value = self.push_str(&attr.value);
            merged.push((attr.name.local.to_string(), Attr { name, value }));
        }
        merged.sort_by(|a, b| a.0.cmp(&b.0));
        let start = self.attrs.len() as u32;
        self.attrs.extend(merged.into_iter().map(|(_, attr)| attr));
        let end = self.attrs.len() as u32;
        if let Some(Kind::Element { attrs, .. }) = self.kinds.get_mut(id as usize) {
            *attrs = start..end;
        }
    }

    /// The tree with node ids renumbered in document order (parents before children); nodes
    /// not attached to the document are dropped.
    fn finish(mut self) -> Dom {
        let mut nodes: Vec<Node> = Vec::with_capacity(self.links.len());
        let mut new_id = vec![NONE; self.links.len()];
        let mut old = 0;
        loop {
            let id = nodes.len() as NodeId;
            new_id[old as usize] = id;
            let links = self.link(old);
            let parent = new_id.get(links.parent as usize).copied().unwrap_or(id);
            if links.prev_sibling != NONE {
                let prev = new_id[links.prev_sibling as usize];
                nodes[prev as usize].next_sibling = Some(id);
            } else if parent != id {
                nodes[parent as usize].first_child = Some(id);
            }
            let kind = std::mem::replace(&mut self.kinds[old as usize], Kind::Other);
            nodes.push(Node {
                parent,
                first_child: None,
                next_sibling: None,
                kind,
            });
            // Next in document order: first child, else the next sibling of the nearest
            // ancestor-or-self that has one.
            if links.first_child != NONE {
                old = links.first_child;
                continue;
            }
            let mut at = old;
            loop {
                if at == 0 {
                    return Dom {
                        nodes,
                        attrs: self.attrs,
                        buf: self.buf,
                    };
                }
                let l = self.link(at);
                if l.next_sibling != NONE {
                    old = l.next_sibling;
                    break;
                }
                at = l.parent;
            }
        }
    }
}

impl html5ever::tree_builder::TreeSink for Builder {
    type Handle = NodeId;
    type Output = Dom;
    type ElemName<'a> = std::cell::Ref<'a, html5ever::QualName>;

    fn finish(self) -> Dom {
        self.0.into_inner().finish()
    }

    fn parse_error(&self, _msg: std::borrow::Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        DOCUMENT
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Self::ElemName<'a> {
        std::cell::Ref::map(self.0.borrow(), |tree| {
            match tree.names.get(*target as usize) {
                Some(Some(name)) => name,
                _ => &tree.no_name,
            }
        })
    }

    fn create_element(
        &self,
        name: html5ever::QualName,
        attrs: Vec<html5ever::Attribute>,
        _flags: html5ever::tree_builder::ElementFlags,
    ) -> NodeId {
        self.0.borrow_mut().create_element(name, attrs)
    }

    fn create_comment(&self, _text: html5ever::tendril::StrTendril) -> NodeId {
        self.0.borrow_mut().push(Kind::Other, None)
    }

    fn create_pi(
        &self,
        _target: html5ever::tendril::StrTendril,
        _data: html5ever::tendril::StrTendril,
    ) -> NodeId {
        self.0.borrow_mut().push(Kind::Other, None)
    }

    fn append(&self, parent: &NodeId, child: html5ever::tree_builder::NodeOrText<NodeId>) {
        let mut tree = self.0.borrow_mut();
        match child {
            html5ever::tree_builder::NodeOrText::AppendNode(id) => tree.append(*parent, id),
            html5ever::tree_builder::NodeOrText::AppendText(text) => {
                let last = tree.link(*parent).last_child;
                if !tree.extend_text(last, &text) {
                    let id = tree.new_text(&text);
                    tree.append(*parent, id);
                }
            }
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: html5ever::tree_builder::NodeOrText<NodeId>,
    ) {
        let has_parent = self.0.borrow().link(*element).parent != NONE;
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(
        &self,
        _name: html5ever::tendril::StrTendril,
        _public_id: html5ever::tendril::StrTendril,
        _system_id: html5ever::tendril::StrTendril,
    ) {
        let mut tree = self.0.borrow_mut();
        let id = tree.push(Kind::Other, None);
        tree.append(DOCUMENT, id);
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        let first = self.0.borrow().link(*target).first_child;
        if first == NONE { *target } else { first }
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: html5ever::tree_builder::QuirksMode) {}

    fn append_before_sibling(
        &self,
        sibling: &NodeId,
        new_node: html5ever::tree_builder::NodeOrText<NodeId>,
    ) {
        let mut tree = self.0.borrow_mut();
        if let html5ever::tree_builder::NodeOrText::AppendNode(id) = new_node {
            tree.detach(id);
        }
        if tree.link(*sibling).parent == NONE {
            return;
        }
        match new_node {
            html5ever::tree_builder::NodeOrText::AppendNode(id) => tree.insert_before(*sibling, id),
            html5ever::tree_builder::NodeOrText::AppendText(text) => {
                let prev = tree.link(*sibling).prev_sibling;
                if !tree.extend_text(prev, &text) {
                    let id = tree.new_text(&text);
                    tree.insert_before(*sibling, id);
                }
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<html5ever::Attribute>) {
        self.0.borrow_mut().add_attrs_if_missing(*target, attrs);
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.0.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut tree = self.0.borrow_mut();
        if node == new_parent {
            return;
        }
        let mut child = tree.link(*node).first_child;
        while child != NONE {
            let next = tree.link(child).next_sibling;
            tree.append(*new_parent, child);
            child = next;
        }
    }
}

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

    /// Every node's parent comes before it, and a walk from the root meets ids in order.
    fn assert_document_order(dom: &Dom) {
        let walked: Vec<NodeId> = dom.descendants(DOCUMENT).collect();
        assert_eq!(walked, dom.ids().collect::<Vec<_>>());
        for id in dom.ids().skip(1) {
            assert!(dom.parent(id).expect("parent") < id);
        }
    }

    #[test]
    fn foster_parented_nodes_are_numbered_in_document_order() {
        // Text and elements inside a table but outside cells move before the table.
        let dom = Dom::parse("<body><table><tr><td>cell</td></tr>lost <b>bold</b></table></body>");
        assert_document_order(&dom);
        let body = dom.find(Tag::Body).expect("body");
        assert_eq!(dom.text_content(body), "lost boldcell");
        let b = dom.find(Tag::B).expect("b");
        assert!(b < dom.find(Tag::Table).expect("table"));
    }

    #[test]
    fn misnested_formatting_is_repaired_in_order() {
        let dom = Dom::parse("<body><p>1<b>2<i>3</b>4</i>5</p><div><a>x<div>y</a>z</div></body>");
        assert_document_order(&dom);
        let body = dom.find(Tag::Body).expect("body");
        assert_eq!(dom.text_content(body), "12345xyz");
    }

    #[test]
    fn adjacent_texts_merge_into_one_node() {
        let dom = Dom::parse("<body><p>a&amp;b&#99;d</p></body>");
        let p = dom.find(Tag::P).expect("p");
        assert_eq!(dom.children(p).count(), 1);
        assert_eq!(dom.text_content(p), "a&bcd");
    }

    #[test]
    fn template_contents_are_a_child_of_the_template() {
        let dom = Dom::parse("<body><template><p>inside</p></template><p>after</p></body>");
        assert_document_order(&dom);
        let template = dom.find(Tag::Template).expect("template");
        let contents = dom.children(template).next().expect("contents");
        assert!(matches!(dom.node(contents).kind, Kind::Document));
        assert_eq!(dom.text_content(contents), "inside");
    }

    #[test]
    fn attributes_are_in_name_order_and_later_body_tags_add_missing_ones() {
        let dom =
            Dom::parse("<body id=b class=c><p title=t data-x=1 class=p>x</p><body lang=en id=z>");
        let p = dom.find(Tag::P).expect("p");
        let names: Vec<_> = dom.attrs(p).map(|(name, _)| name).collect();
        assert_eq!(names, ["class", "data-x", "title"]);
        let body = dom.find(Tag::Body).expect("body");
        let attrs: Vec<_> = dom.attrs(body).collect();
        assert_eq!(attrs, [("class", "c"), ("id", "b"), ("lang", "en")]);
    }

    #[test]
    fn foreign_elements_keep_their_local_name() {
        let dom = Dom::parse(
            "<body><svg viewBox='0 0 1 1'><title>t</title><foreignObject/></svg></body>",
        );
        assert_document_order(&dom);
        let svg = dom.find(Tag::Svg).expect("svg");
        let view_box = dom
            .attrs(svg)
            .find(|(key, _)| key.eq_ignore_ascii_case("viewbox"));
        assert_eq!(view_box.map(|(_, value)| value), Some("0 0 1 1"));
        assert!(dom.ids().any(|id| dom.tag_name(id) == "foreignObject"));
        assert!(dom.find(Tag::Title).is_some());
    }
}
