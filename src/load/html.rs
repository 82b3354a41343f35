//! An HTML page read as an article: its title, headings and paragraphs as
//! plain text, without the navigation, scripts, styles and images around them.
//!
//! It exists because saved web pages are a common input and every later stage
//! works on plain text: a page must reach the annotator as the text a person
//! would read, not as markup. The page is tokenized by `html5ever` (the
//! WHATWG tokenizer: entities decoded, script and style bodies read as raw
//! text), and the tokens are folded into blocks here: each heading, paragraph,
//! list item, quotation, preformatted block and table cell is one line, and
//! blocks are separated by blank lines, which is what the segment stage reads
//! as paragraphs and headings. Whitespace inside a block is collapsed.
//!
//! Dropped with all they hold: `script`, `style`, `noscript`, `template`,
//! `nav`, `aside`, `form`, `figure`, `svg`, `iframe`, `object`, `video`,
//! `audio`, `select`, `button`, and `header`/`footer` of the page (those
//! inside an `article` or `main` stay: an article's header holds its
//! headline). Images are dropped, and so is any `data:` URI left in the text.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

/// The text of a page, as the annotator reads it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// The title line, a blank line, then the blocks separated by blank lines.
    pub text: String,
    /// The page's title: its first `<h1>`, else its `<title>`.
    pub title: Option<String>,
}

/// Whether a document is HTML: by the extension of `path` (`.html`, `.htm`,
/// `.xhtml`) or by its start (`<!DOCTYPE html` or `<html`, after a byte-order
/// mark and whitespace).
pub fn is_html(path: &str, text: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    if [".html", ".htm", ".xhtml"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        return true;
    }
    let head = text.trim_start_matches('\u{feff}').trim_start();
    let head = head.get(..14).unwrap_or(head).to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// Elements dropped with everything inside them.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "aside", "form", "figure", "svg", "iframe",
    "object", "video", "audio", "select", "button",
];

/// Elements that end the block before them and start a new one.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "caption",
    "section",
    "article",
    "main",
    "body",
    "header",
    "footer",
    "address",
    "br",
    "hr",
];

/// Whether a tag name is a heading, `h1` to `h6`.
fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Read an HTML page as text (see the module doc). A page with no readable
/// text gives an empty [`Page::text`].
pub fn extract(html: &str) -> Page {
    let tok = Tokenizer::new(Sink::default(), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html.trim_start_matches('\u{feff}')));
    // A sink that never asks for a script to run makes `feed` run to the end.
    let _ = tok.feed(&input);
    tok.end();
    let mut st = tok.sink.state.take();
    st.flush();
    assemble(st)
}

/// The page's text from its blocks: the title first, without repeating it
/// when the first heading is the title itself.
fn assemble(st: State) -> Page {
    let h1 = st.blocks.iter().find(|b| b.h1).map(|b| b.text.clone());
    let title = h1.or_else(|| Some(st.title.trim().to_string()).filter(|t| !t.is_empty()));
    let mut parts: Vec<&str> = Vec::new();
    if let Some(t) = &title {
        parts.push(t);
    }
    let mut skipped = false;
    for b in &st.blocks {
        if !skipped && b.h1 && title.as_deref() == Some(b.text.as_str()) {
            skipped = true;
            continue;
        }
        parts.push(&b.text);
    }
    let mut text = parts.join("\n\n");
    if !text.is_empty() {
        text.push('\n');
    }
    Page {
        text: if st.blocks.is_empty() {
            String::new()
        } else {
            text
        },
        title,
    }
}

/// One block of text.
#[derive(Debug, Default)]
struct Block {
    text: String,
    /// It is an `<h1>`.
    h1: bool,
}

/// What the tokens have built so far.
#[derive(Debug, Default)]
struct State {
    blocks: Vec<Block>,
    /// The block being read, whitespace collapsed.
    current: String,
    /// Inside an `<h1>`.
    in_h1: bool,
    /// Inside `<title>`.
    in_title: bool,
    title: String,
    /// The open dropped elements, innermost last.
    dropped: Vec<String>,
    /// How many `article`/`main` elements are open.
    article: usize,
}

impl State {
    /// End the current block.
    fn flush(&mut self) {
        let text = crate::load::markup::strip_data_uris(self.current.trim()).into_owned();
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            self.blocks.push(Block {
                text,
                h1: self.in_h1,
            });
        }
        self.current.clear();
    }

    /// Add characters, collapsing whitespace.
    fn push_text(&mut self, s: &str) {
        if !self.dropped.is_empty() {
            return;
        }
        if self.in_title {
            self.title.push_str(s);
            return;
        }
        for c in s.chars() {
            if c.is_whitespace() {
                if !self.current.is_empty() && !self.current.ends_with(' ') {
                    self.current.push(' ');
                }
            } else {
                self.current.push(c);
            }
        }
    }

    /// Whether a start tag named `name` opens an element to drop.
    fn drops(&self, name: &str) -> bool {
        DROPPED.contains(&name) || (matches!(name, "header" | "footer") && self.article == 0)
    }

    /// A start or end tag; what the tokenizer should read next.
    fn tag(&mut self, tag: &Tag) -> TokenSinkResult<()> {
        let name: &str = &tag.name;
        let start = tag.kind == TagKind::StartTag;
        if !self.dropped.is_empty() {
            if start && !tag.self_closing && self.drops(name) {
                self.dropped.push(name.to_string());
                return raw_kind(name);
            }
            if !start && let Some(at) = self.dropped.iter().rposition(|d| d == name) {
                self.dropped.truncate(at);
            }
            return TokenSinkResult::Continue;
        }
        if start && self.drops(name) {
            if !tag.self_closing {
                self.dropped.push(name.to_string());
            }
            return raw_kind(name);
        }
        if matches!(name, "article" | "main") {
            self.article = if start {
                self.article + 1
            } else {
                self.article.saturating_sub(1)
            };
        }
        if name == "title" {
            self.in_title = start && !tag.self_closing;
            return if self.in_title {
                TokenSinkResult::RawData(RawKind::Rcdata)
            } else {
                TokenSinkResult::Continue
            };
        }
        if is_heading(name) {
            self.flush();
            self.in_h1 = start && name == "h1";
        } else if BLOCKS.contains(&name) {
            self.flush();
        } else if name == "img" || name == "textarea" {
            // Images are dropped; a text area is read as raw text and dropped.
            if name == "textarea" && start {
                self.dropped.push(name.to_string());
                return TokenSinkResult::RawData(RawKind::Rcdata);
            }
        } else if name == "plaintext" && start {
            self.flush();
            return TokenSinkResult::Plaintext;
        }
        TokenSinkResult::Continue
    }
}

/// How the tokenizer reads the body of an element that is dropped: script
/// and style bodies are raw text, not markup.
fn raw_kind(name: &str) -> TokenSinkResult<()> {
    match name {
        "script" => TokenSinkResult::RawData(RawKind::ScriptData),
        "style" | "iframe" | "noscript" => TokenSinkResult::RawData(RawKind::Rawtext),
        _ => TokenSinkResult::Continue,
    }
}

/// The token sink: the tokenizer hands it tokens through a shared reference.
#[derive(Debug, Default)]
struct Sink {
    state: RefCell<State>,
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut st = self.state.borrow_mut();
        match token {
            Token::TagToken(tag) => st.tag(&tag),
            Token::CharacterTokens(s) => {
                st.push_text(&s);
                TokenSinkResult::Continue
            }
            _ => TokenSinkResult::Continue,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_html_by_extension_or_start() {
        assert!(is_html("page.HTML", "plain"));
        assert!(is_html("a.htm", ""));
        assert!(is_html("a.xhtml", ""));
        assert!(is_html("-", "\u{feff}  \n<!DOCTYPE html><p>x"));
        assert!(is_html("x.txt", "<html lang=en>"));
        assert!(!is_html("x.txt", "A note about <html> tags."));
        assert!(!is_html("notes.md", "# Title"));
    }

    #[test]
    fn keeps_title_headings_and_paragraphs_only() {
        let page = extract(
            "<!doctype html><html><head><title>Site | Talks</title>\
             <style>p { color: red }</style><script>var a = '<p>no</p>';</script></head>\
             <body><header><nav><a href='/'>Home</a></nav></header>\
             <article><header><h1>Talks  in &amp; out</h1></header>\
             <p>First   <b>paragraph</b>\n here.</p>\
             <figure><img src=\"data:image/png;base64,AAAA\"><figcaption>Caption</figcaption></figure>\
             <h2>Later news</h2><ul><li>One</li><li>Two</li></ul>\
             <blockquote>Quoted text.</blockquote></article>\
             <aside>Related</aside><footer>Copyright</footer></body></html>",
        );
        assert_eq!(page.title.as_deref(), Some("Talks in & out"));
        assert_eq!(
            page.text,
            "Talks in & out\n\nFirst paragraph here.\n\nLater news\n\nOne\n\nTwo\n\nQuoted text.\n"
        );
    }

    #[test]
    fn title_element_when_no_h1() {
        let page = extract("<title> A &lt;page&gt; </title><p>Body text.</p>");
        assert_eq!(page.title.as_deref(), Some("A <page>"));
        assert_eq!(page.text, "A <page>\n\nBody text.\n");
    }

    #[test]
    fn data_uris_in_text_and_unclosed_drops() {
        let page = extract("<p>See data:image/png;base64,iVBORw0KGgo= here.</p><nav><p>menu");
        assert_eq!(page.text, "See here.\n");
    }

    #[test]
    fn a_page_of_markup_only_has_no_text() {
        assert_eq!(
            extract("<html><script>x()</script><img src=a.png></html>").text,
            ""
        );
        assert_eq!(extract("").text, "");
    }
}
