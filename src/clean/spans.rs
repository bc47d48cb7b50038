//! Building inline text: white space collapsed across elements, styles and links tracked.
//!
//! Takes text pieces and style changes in document order; returns [`Span`]s with single spaces
//! between words and none at the ends. Knows nothing about blocks or boilerplate.

use crate::article::{Span, Style};

/// Accumulates inline content into spans.
#[derive(Debug, Default, Clone)]
pub struct SpanBuffer {
    spans: Vec<Span>,
    pending_space: bool,
}

impl SpanBuffer {
    /// Appends text in `style` and `link`, collapsing white space.
    pub fn push_text(&mut self, text: &str, style: Style, link: Option<&str>) {
        // Zero-width spaces and byte-order marks (hash-link anchors, soft wraps) are invisible
        // and not white space to `split_whitespace`: they go.
        let text = text.trim_matches(['\u{200B}', '\u{FEFF}']);
        let mut words = text
            .split_whitespace()
            .filter(|w| !w.chars().all(|c| matches!(c, '\u{200B}' | '\u{FEFF}')))
            .peekable();
        if text.starts_with(char::is_whitespace) {
            self.pending_space = true;
        }
        if words.peek().is_none() {
            return;
        }
        let mut piece = String::with_capacity(text.len());
        if self.pending_space && !self.is_empty() {
            piece.push(' ');
        }
        let mut first = true;
        for word in words {
            if !first {
                piece.push(' ');
            }
            piece.push_str(word);
            first = false;
        }
        self.pending_space = text.ends_with(char::is_whitespace);
        self.append(piece, style, link);
    }

    fn append(&mut self, piece: String, style: Style, link: Option<&str>) {
        if let Some(last) = self.spans.last_mut()
            && !last.line_break
            && last.image.is_none()
            && last.style == style
            && last.link.as_deref() == link
        {
            last.text.push_str(&piece);
            return;
        }
        // A space that starts a styled or linked span belongs outside it.
        let (space, piece) = match piece.strip_prefix(' ') {
            Some(rest) if !(style.is_plain() && link.is_none()) => (true, rest.to_string()),
            _ => (false, piece),
        };
        if space {
            self.append(" ".to_string(), Style::default(), None);
        }
        self.spans.push(Span {
            text: piece,
            style,
            link: link.map(str::to_string),
            image: None,
            line_break: false,
        });
    }

    /// A word boundary (between block elements inside one captured block).
    pub fn push_space(&mut self) {
        self.pending_space = true;
    }

    /// A hard line break (`<br>`).
    pub fn push_break(&mut self) {
        if !self.is_empty() && !self.spans.last().is_some_and(|s| s.line_break) {
            let mut span = Span::plain("");
            span.line_break = true;
            self.spans.push(span);
        }
        self.pending_space = false;
    }

    /// An inline image.
    pub fn push_image(&mut self, src: &str, alt: &str) {
        let mut span = Span::plain(alt.split_whitespace().collect::<Vec<_>>().join(" "));
        span.image = Some(src.to_string());
        self.spans.push(span);
    }

    /// True when no text was added (images alone count as empty).
    pub fn is_empty(&self) -> bool {
        self.spans
            .iter()
            .all(|s| s.text.is_empty() || s.image.is_some())
    }

    /// Takes the spans out, trimmed, leaving the buffer empty.
    pub fn take(&mut self) -> Vec<Span> {
        self.pending_space = false;
        let mut spans = std::mem::take(&mut self.spans);
        while spans.last().is_some_and(|s| s.line_break) {
            spans.pop();
        }
        while spans.first().is_some_and(|s| s.line_break) {
            spans.remove(0);
        }
        if let Some(first) = spans.first_mut() {
            let trimmed = first.text.trim_start().len();
            first.text.drain(..first.text.len() - trimmed);
        }
        if let Some(last) = spans.last_mut() {
            last.text.truncate(last.text.trim_end().len());
        }
        spans.retain(|s| !s.text.is_empty() || s.line_break || s.image.is_some());
        spans
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::spans_text;

    #[test]
    fn collapses_white_space_across_pieces() {
        let mut buffer = SpanBuffer::default();
        buffer.push_text("  Hello\n ", Style::default(), None);
        buffer.push_text(
            "big",
            Style {
                strong: true,
                ..Style::default()
            },
            None,
        );
        buffer.push_text("  world ", Style::default(), None);
        let spans = buffer.take();
        assert_eq!(spans_text(&spans), "Hello big world");
        assert_eq!(spans.len(), 3);
        assert_eq!(spans[1].text, "big");
    }

    #[test]
    fn merges_same_style_and_trims() {
        let mut buffer = SpanBuffer::default();
        buffer.push_text(" a ", Style::default(), None);
        buffer.push_text(" b ", Style::default(), None);
        buffer.push_break();
        let spans = buffer.take();
        assert_eq!(spans, vec![Span::plain("a b")]);
    }

    #[test]
    fn zero_width_spaces_go() {
        let mut buffer = SpanBuffer::default();
        buffer.push_text("Opening the file", Style::default(), None);
        buffer.push_text("\u{200B}", Style::default(), Some("#opening"));
        assert_eq!(buffer.take(), vec![Span::plain("Opening the file")]);
    }

    #[test]
    fn links_keep_their_target() {
        let mut buffer = SpanBuffer::default();
        buffer.push_text("see ", Style::default(), None);
        buffer.push_text("this", Style::default(), Some("https://x.test/"));
        let spans = buffer.take();
        assert_eq!(spans[1].link.as_deref(), Some("https://x.test/"));
        assert_eq!(spans_text(&spans), "see this");
    }
}
