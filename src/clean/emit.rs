//! Emitting blocks: walks the content root and turns its elements into [`Block`]s.
//!
//! Takes the [`Dom`], the [`Marks`] from scoring and a root; returns blocks in document order and
//! what was skipped on the way (named boilerplate, hidden nodes). Per-block rules (link density,
//! bylines...) run afterwards in `rules`. The walk is iterative: deep trees cannot overflow it.

use super::score::Marks;
use super::signals;
use super::spans::SpanBuffer;
use crate::article::{Block, Dropped, ListItem, Span, Style, TableRow};
use crate::dom::{Dom, NodeId, Tag};

/// What the walker is collecting inline text into.
enum Capture {
    Heading(u8, SpanBuffer),
    Item(SpanBuffer),
    Cell(SpanBuffer),
    Quote(Vec<Vec<Span>>, SpanBuffer),
    Caption(SpanBuffer),
}

struct ListBuilder {
    ordered: bool,
    items: Vec<ListItem>,
}

struct TableBuilder {
    rows: Vec<TableRow>,
    in_head: bool,
}

/// Walker state.
struct Emitter<'a> {
    dom: &'a Dom,
    marks: &'a Marks,
    base: Option<&'a url::Url>,
    explain: bool,
    blocks: Vec<Block>,
    dropped: Vec<Dropped>,
    paragraph: SpanBuffer,
    captures: Vec<(NodeId, Capture)>,
    lists: Vec<(NodeId, ListBuilder)>,
    tables: Vec<(NodeId, TableBuilder)>,
    style: Vec<(NodeId, Style)>,
    links: Vec<(NodeId, String)>,
    breaks: u8,
}

/// Walks `root` and returns its blocks and the dropped subtrees.
pub fn emit(
    dom: &Dom,
    marks: &Marks,
    root: NodeId,
    base: Option<&url::Url>,
    explain: bool,
) -> (Vec<Block>, Vec<Dropped>) {
    let mut emitter = Emitter {
        dom,
        marks,
        base,
        explain,
        blocks: Vec::new(),
        dropped: Vec::new(),
        paragraph: SpanBuffer::default(),
        captures: Vec::new(),
        lists: Vec::new(),
        tables: Vec::new(),
        style: Vec::new(),
        links: Vec::new(),
        breaks: 0,
    };
    let mut id = root;
    'walk: loop {
        if let Some(lead) = emitter.lead_of_dropped_header(id) {
            // Walk the lead alone; climbing back out of it passes the header's other parts.
            id = lead;
        }
        let descend = emitter.enter(id);
        if descend && let Some(child) = dom.node(id).first_child {
            id = child;
            continue;
        }
        if descend {
            emitter.leave(id);
        }
        loop {
            if id == root {
                break 'walk;
            }
            if let Some(next) = dom.node(id).next_sibling {
                id = next;
                break;
            }
            let Some(parent) = dom.parent(id) else {
                break 'walk;
            };
            id = parent;
            emitter.leave(id);
        }
    }
    emitter.flush_paragraph();
    (emitter.blocks, emitter.dropped)
}

impl Emitter<'_> {
    /// The lead inside `id` when `id` is an article `<header>` dropped as boilerplate
    /// ([`crate::clean::score::lead_in_header`]); what else the header holds is recorded as
    /// dropped.
    fn lead_of_dropped_header(&mut self, id: NodeId) -> Option<NodeId> {
        if self.marks.boilerplate[id as usize] != Some("header")
            || self.marks.removed[id as usize].is_some()
        {
            return None;
        }
        let lead = crate::clean::score::lead_in_header(self.dom, self.marks, id)?;
        self.drop_subtree("header", id);
        self.flush_paragraph();
        Some(lead)
    }

    /// Handles the start of a node; returns whether to walk into it (and later call `leave`).
    fn enter(&mut self, id: NodeId) -> bool {
        if let Some(text) = self.dom.text(id) {
            if self.marks.removed[id as usize].is_none() {
                self.push_text(text);
            }
            return false;
        }
        let Some(tag) = self.dom.tag(id) else {
            return false;
        };
        if let Some(rule) = self.marks.removed[id as usize] {
            if rule == "hidden" && self.parent_visible(id) {
                self.drop_subtree(rule, id);
            }
            return false;
        }
        if let Some(rule) = self.marks.boilerplate[id as usize] {
            self.drop_subtree(rule, id);
            return false;
        }
        match tag {
            Tag::Br => {
                self.line_break();
                return false;
            }
            Tag::Img => {
                self.image(id);
                return false;
            }
            Tag::Hr => {
                self.block_boundary();
                return false;
            }
            Tag::Pre if self.captures.is_empty() => {
                self.flush_paragraph();
                let language = code_language(self.dom, id);
                let text = self.dom.text_content(id);
                let text = text.trim_matches('\n').trim_end().to_string();
                if !text.trim().is_empty() {
                    self.blocks.push(Block::Code { text, language });
                }
                return false;
            }
            _ => {}
        }
        if let Some(style) = inline_style(tag) {
            let current = self.current_style();
            let merged = Style {
                emphasis: current.emphasis || style.emphasis,
                strong: current.strong || style.strong,
                code: current.code || style.code,
            };
            self.style.push((id, merged));
            return true;
        }
        if tag == Tag::A {
            if let Some(href) = self.dom.attr(id, "href").and_then(|h| self.absolute(h)) {
                self.links.push((id, href));
            }
            return true;
        }
        if !signals::is_block(tag) {
            return true;
        }
        self.breaks = 0;
        if let Some(level) = signals::heading_level(tag) {
            self.start_capture(id, Capture::Heading(level, SpanBuffer::default()));
            return true;
        }
        match tag {
            Tag::Ul | Tag::Ol | Tag::Dl | Tag::Menu if self.inside_table_cell() => {}
            Tag::Ul | Tag::Ol | Tag::Dl | Tag::Menu => {
                self.finish_item();
                if self.lists.is_empty() {
                    self.flush_paragraph();
                }
                let ordered = tag == Tag::Ol;
                self.lists.push((
                    id,
                    ListBuilder {
                        ordered,
                        items: Vec::new(),
                    },
                ));
            }
            Tag::Li | Tag::Dt | Tag::Dd if !self.lists.is_empty() && !self.inside_table_cell() => {
                self.finish_item();
                self.captures
                    .push((id, Capture::Item(SpanBuffer::default())));
            }
            Tag::Table
                if !is_layout_table(self.dom, self.marks, id) && self.captures.is_empty() =>
            {
                self.flush_paragraph();
                self.tables.push((
                    id,
                    TableBuilder {
                        rows: Vec::new(),
                        in_head: false,
                    },
                ));
            }
            Tag::Thead => {
                if let Some((_, table)) = self.tables.last_mut() {
                    table.in_head = true;
                }
            }
            Tag::Tr => {
                if let Some((_, table)) = self.tables.last_mut() {
                    let header = table.in_head;
                    table.rows.push(TableRow {
                        header,
                        cells: Vec::new(),
                    });
                }
            }
            Tag::Td | Tag::Th if !self.tables.is_empty() => {
                if tag == Tag::Th
                    && let Some(row) = self.tables.last_mut().and_then(|(_, t)| t.rows.last_mut())
                    && row.cells.is_empty()
                {
                    row.header = true;
                }
                self.captures
                    .push((id, Capture::Cell(SpanBuffer::default())));
            }
            Tag::Blockquote if self.captures.is_empty() => {
                self.start_capture(id, Capture::Quote(Vec::new(), SpanBuffer::default()));
            }
            Tag::Figcaption if self.captures.is_empty() => {
                self.start_capture(id, Capture::Caption(SpanBuffer::default()));
            }
            _ => self.block_boundary(),
        }
        true
    }

    /// Handles the end of an element that `enter` walked into.
    fn leave(&mut self, id: NodeId) {
        if self.style.last().is_some_and(|(s, _)| *s == id) {
            self.style.pop();
            return;
        }
        if self.links.last().is_some_and(|(l, _)| *l == id) {
            self.links.pop();
            return;
        }
        if self.captures.last().is_some_and(|(c, _)| *c == id) {
            if let Some((_, capture)) = self.captures.pop() {
                self.finish_capture(capture);
            }
            return;
        }
        if self.lists.last().is_some_and(|(l, _)| *l == id) {
            if let Some((_, list)) = self.lists.pop() {
                self.finish_list(list);
            }
            return;
        }
        if self.tables.last().is_some_and(|(t, _)| *t == id) {
            if let Some((_, table)) = self.tables.pop() {
                self.finish_table(table);
            }
            return;
        }
        match self.dom.tag(id) {
            Some(Tag::Thead) => {
                if let Some((_, table)) = self.tables.last_mut() {
                    table.in_head = false;
                }
            }
            Some(tag) if signals::is_block(tag) => self.block_boundary(),
            _ => {}
        }
    }

    fn start_capture(&mut self, id: NodeId, capture: Capture) {
        self.flush_paragraph();
        self.captures.push((id, capture));
    }

    fn finish_capture(&mut self, capture: Capture) {
        match capture {
            Capture::Heading(level, mut buffer) => {
                let spans = buffer.take();
                if !spans.is_empty() {
                    self.blocks.push(Block::Heading { level, spans });
                }
            }
            Capture::Item(mut buffer) => {
                let spans = buffer.take();
                let depth = self.lists.len().saturating_sub(1).min(8) as u8;
                if let Some((_, list)) = self.lists.last_mut()
                    && !spans.is_empty()
                {
                    list.items.push(ListItem { depth, spans });
                }
            }
            Capture::Cell(mut buffer) => {
                let text = crate::article::spans_text(&buffer.take()).replace('\n', " ");
                if let Some(row) = self.tables.last_mut().and_then(|(_, t)| t.rows.last_mut()) {
                    row.cells.push(text);
                }
            }
            Capture::Quote(mut paragraphs, mut buffer) => {
                let last = buffer.take();
                if !last.is_empty() {
                    paragraphs.push(last);
                }
                if !paragraphs.is_empty() {
                    self.blocks.push(Block::Quote { paragraphs });
                }
            }
            Capture::Caption(mut buffer) => {
                let spans = buffer.take();
                if !spans.is_empty() {
                    self.blocks.push(Block::Caption { spans });
                }
            }
        }
    }

    /// Ends the list item being captured (before a nested list starts).
    fn finish_item(&mut self) {
        if matches!(self.captures.last(), Some((_, Capture::Item(_))))
            && let Some((id, Capture::Item(mut buffer))) = self.captures.pop()
        {
            let spans = buffer.take();
            let depth = self.lists.len().saturating_sub(1).min(8) as u8;
            if let Some((_, list)) = self.lists.last_mut()
                && !spans.is_empty()
            {
                list.items.push(ListItem { depth, spans });
            }
            // Text after a nested list continues the same item.
            self.captures
                .push((id, Capture::Item(SpanBuffer::default())));
        }
    }

    fn finish_list(&mut self, list: ListBuilder) {
        if let Some((_, outer)) = self.lists.last_mut() {
            outer.items.extend(list.items);
        } else if !list.items.is_empty() {
            self.blocks.push(Block::List {
                ordered: list.ordered,
                items: list.items,
            });
        }
    }

    fn finish_table(&mut self, mut table: TableBuilder) {
        table
            .rows
            .retain(|row| row.cells.iter().any(|c| !c.is_empty()));
        if table.rows.is_empty() {
            return;
        }
        let columns = table.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
        if columns <= 1 {
            // A one-column table is layout: its cells are paragraphs.
            for row in table.rows {
                for cell in row.cells.into_iter().filter(|c| !c.is_empty()) {
                    self.blocks.push(Block::Paragraph {
                        spans: vec![Span::plain(cell)],
                    });
                }
            }
            return;
        }
        self.blocks.push(Block::Table { rows: table.rows });
    }

    fn current_style(&self) -> Style {
        self.style.last().map(|(_, s)| *s).unwrap_or_default()
    }

    fn buffer(&mut self) -> &mut SpanBuffer {
        match self.captures.last_mut() {
            Some((_, Capture::Heading(_, b)))
            | Some((_, Capture::Item(b)))
            | Some((_, Capture::Cell(b)))
            | Some((_, Capture::Quote(_, b)))
            | Some((_, Capture::Caption(b))) => b,
            None => &mut self.paragraph,
        }
    }

    fn push_text(&mut self, text: &str) {
        let style = self.current_style();
        let link = self.links.last().map(|(_, href)| href.clone());
        if !text.trim().is_empty() {
            self.breaks = 0;
        }
        self.buffer().push_text(text, style, link.as_deref());
    }

    fn line_break(&mut self) {
        self.breaks += 1;
        if self.breaks >= 2 && self.captures.is_empty() {
            self.flush_paragraph();
        } else {
            self.buffer().push_break();
        }
    }

    /// Between two block elements: a new paragraph, or a space inside a captured block.
    fn block_boundary(&mut self) {
        match self.captures.last_mut() {
            None => self.flush_paragraph(),
            Some((_, Capture::Quote(paragraphs, buffer))) => {
                let spans = buffer.take();
                if !spans.is_empty() {
                    paragraphs.push(spans);
                }
            }
            Some(_) => self.buffer().push_space(),
        }
    }

    fn flush_paragraph(&mut self) {
        self.breaks = 0;
        let spans = self.paragraph.take();
        if spans
            .iter()
            .any(|s| !s.text.trim().is_empty() && s.image.is_none())
        {
            self.blocks.push(Block::Paragraph { spans });
        } else if let Some(image) = spans.into_iter().find(|s| s.image.is_some()) {
            self.blocks.push(Block::Image {
                src: image.image.unwrap_or_default(),
                alt: image.text,
            });
        }
    }

    fn image(&mut self, id: NodeId) {
        let src = ["src", "data-src", "data-original", "data-lazy-src"]
            .iter()
            .filter_map(|a| self.dom.attr(id, a))
            .find(|s| !s.trim().is_empty() && !s.starts_with("data:"));
        let Some(src) = src.and_then(|s| self.absolute(s)) else {
            return;
        };
        let alt = self.dom.attr(id, "alt").unwrap_or("").to_string();
        self.buffer().push_image(&src, &alt);
    }

    fn inside_table_cell(&self) -> bool {
        self.captures
            .iter()
            .any(|(_, c)| matches!(c, Capture::Cell(_)))
    }

    fn parent_visible(&self, id: NodeId) -> bool {
        self.dom
            .parent(id)
            .is_none_or(|p| self.marks.removed[p as usize].is_none())
    }

    fn drop_subtree(&mut self, rule: &'static str, id: NodeId) {
        if self.explain {
            // Blocks apart: the prescan drops the white space between them.
            let text = super::score::block_text(self.dom, id);
            if !text.trim().is_empty() {
                self.dropped.push(Dropped::new(rule, &text));
            }
        }
    }

    fn absolute(&self, href: &str) -> Option<String> {
        let href = href.trim();
        if href.is_empty() || href.starts_with("javascript:") || href.starts_with('#') {
            return None;
        }
        match self.base {
            Some(base) => base.join(href).ok().map(String::from),
            None => Some(href.to_string()),
        }
    }
}

fn inline_style(tag: Tag) -> Option<Style> {
    let style = Style::default();
    match tag {
        Tag::Em | Tag::I | Tag::Cite | Tag::Dfn | Tag::Var => Some(Style {
            emphasis: true,
            ..style
        }),
        Tag::Strong | Tag::B => Some(Style {
            strong: true,
            ..style
        }),
        Tag::Code | Tag::Kbd | Tag::Samp | Tag::Tt => Some(Style {
            code: true,
            ..style
        }),
        _ => None,
    }
}

/// The language named by `class="language-x"` / `lang-x` on a `<pre>` or its `<code>`.
fn code_language(dom: &Dom, pre: NodeId) -> Option<String> {
    let code = dom.children(pre).find(|&c| dom.tag(c) == Some(Tag::Code));
    [Some(pre), code].into_iter().flatten().find_map(|id| {
        let class = dom.attr(id, "class")?;
        class.split_whitespace().find_map(|c| {
            c.strip_prefix("language-")
                .or_else(|| c.strip_prefix("lang-"))
                .filter(|l| !l.is_empty())
                .map(str::to_string)
        })
    })
}

/// A cell's block child with more text than this (non-white-space characters) makes a table
/// layout: data tables hold short values, not paragraphs.
const LAYOUT_BLOCK_CHARS: u32 = 170;

/// A cell with more text than this is long; a table whose cells are a quarter long is layout.
const LONG_CELL_CHARS: u32 = 340;

/// A table used for page layout rather than data: it holds other tables, or block content
/// such as paragraphs and divisions with long text. Uses the precomputed per-node text counts
/// of [`Marks`], so nested tables cost one walk each, not one text collection per descendant.
fn is_layout_table(dom: &Dom, marks: &Marks, table: NodeId) -> bool {
    if dom
        .attr(table, "role")
        .is_some_and(|r| r.eq_ignore_ascii_case("presentation"))
    {
        return true;
    }
    let mut cells = 0usize;
    let mut long_cells = 0usize;
    for id in dom.descendants(table).skip(1) {
        let chars = marks.text_chars[id as usize];
        match dom.tag(id) {
            Some(Tag::Table) => return true,
            Some(Tag::P | Tag::Div | Tag::Article | Tag::Section | Tag::H1 | Tag::H2)
                if chars > LAYOUT_BLOCK_CHARS =>
            {
                return true;
            }
            Some(Tag::Td | Tag::Th) => {
                cells += 1;
                if chars > LONG_CELL_CHARS {
                    long_cells += 1;
                }
            }
            _ => {}
        }
    }
    cells > 0 && long_cells * 4 >= cells.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::score::{ScoreParams, mark};

    fn blocks(html: &str) -> Vec<Block> {
        let dom = Dom::parse(html);
        let marks = mark(&dom, ScoreParams::default());
        let body = dom.find(Tag::Body).expect("body");
        emit(&dom, &marks, body, None, false).0
    }

    fn texts(html: &str) -> Vec<String> {
        blocks(html).iter().map(Block::text).collect()
    }

    #[test]
    fn paragraphs_headings_and_inline_styles() {
        let b = blocks("<body><h2>Sub</h2><p>One <em>two</em> three</p></body>");
        assert_eq!(b[0].kind(), "heading");
        assert_eq!(b[1].text(), "One two three");
    }

    #[test]
    fn div_soup_with_double_breaks_makes_paragraphs() {
        let t = texts("<body><div>First part<br><br>Second part<br>same para</div></body>");
        assert_eq!(t, ["First part", "Second part\nsame para"]);
    }

    #[test]
    fn mixed_text_and_blocks_keep_order() {
        let t = texts("<body><div>Before <p>inside</p> after</div></body>");
        assert_eq!(t, ["Before", "inside", "after"]);
    }

    #[test]
    fn lists_nest_with_depth() {
        let b = blocks("<body><ul><li>a<ul><li>b</li></ul></li><li>c</li></ul></body>");
        let Block::List { items, .. } = &b[0] else {
            panic!("list")
        };
        let got: Vec<_> = items
            .iter()
            .map(|i| (i.depth, crate::article::spans_text(&i.spans)))
            .collect();
        assert_eq!(
            got,
            [
                (0, "a".to_string()),
                (1, "b".to_string()),
                (0, "c".to_string())
            ]
        );
    }

    #[test]
    fn data_tables_become_tables_and_layout_tables_paragraphs() {
        let b = blocks(
            "<body><table><thead><tr><th>Team</th><th>Pts</th></tr></thead><tr><td>A</td><td>3</td></tr></table></body>",
        );
        let Block::Table { rows } = &b[0] else {
            panic!("table")
        };
        assert!(rows[0].header && !rows[1].header);
        assert_eq!(rows[1].cells, ["A", "3"]);
        let long = "word ".repeat(60);
        let t = texts(&format!(
            "<body><table><tr><td><p>{long}</p></td><td>x</td></tr></table></body>"
        ));
        assert_eq!(t.len(), 2);
    }

    #[test]
    fn code_blocks_keep_white_space_and_language() {
        let b = blocks(
            "<body><pre><code class='language-rust'>fn main() {\n    x();\n}</code></pre></body>",
        );
        assert_eq!(
            b[0],
            Block::Code {
                text: "fn main() {\n    x();\n}".into(),
                language: Some("rust".into())
            }
        );
    }

    #[test]
    fn quotes_and_captions_are_marked() {
        let b = blocks(
            "<body><blockquote><p>a</p><p>b</p></blockquote><figure><img src=x.jpg><figcaption>Cap</figcaption></figure></body>",
        );
        assert_eq!(
            b[0],
            Block::Quote {
                paragraphs: vec![vec![Span::plain("a")], vec![Span::plain("b")]]
            }
        );
        assert!(b.iter().any(|x| x.kind() == "caption"));
    }

    #[test]
    fn named_boilerplate_and_hidden_nodes_are_skipped() {
        let t =
            texts("<body><div class=share>Share this</div><p hidden>secret</p><p>kept</p></body>");
        assert_eq!(t, ["kept"]);
    }
}
