//! Tokens and sentences of a paragraph, and the word helpers every other part
//! uses: attribution scans a paragraph as words, marks and whole quotes, never
//! as characters, and asks of words whether they are capitalised.

use super::Attributor;
use super::words::{ABBREV_SET, in_list};
use crate::annotate::quotes::RawQuote;
use crate::model::Span;
use crate::model::quote_marks;

/// A token of a paragraph: a word, a punctuation mark, or a whole quote.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    /// Byte offset of its start.
    pub(super) s: usize,
    /// Byte offset of its end.
    pub(super) e: usize,
    /// What it is.
    pub(super) k: TokKind,
}

/// What a [`Tok`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TokKind {
    /// A word: letters and digits, with inner apostrophes, hyphens, periods, ampersands.
    Word,
    /// A punctuation mark.
    Punct(char),
    /// Index into the paragraph's quotes.
    Quote(usize),
}

/// Run `f` on the lower-cased word, without allocating for short ASCII words.
pub(super) fn with_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    f(&lower(w))
}

/// A lower-cased word: borrowed when it already is, on the stack when it is
/// short ASCII (nearly every word), on the heap otherwise.
pub(super) enum Lower<'a> {
    Borrowed(&'a str),
    Stack(arrayvec::ArrayString<40>),
    Heap(String),
}

impl std::ops::Deref for Lower<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            Lower::Borrowed(s) => s,
            Lower::Stack(s) => s,
            Lower::Heap(s) => s,
        }
    }
}

impl Lower<'_> {
    /// The lower-cased word as an owned string.
    pub(super) fn into_owned(self) -> String {
        match self {
            Lower::Heap(s) => s,
            other => other.to_string(),
        }
    }
}

/// Lower-case a word without allocating when it is ASCII or already lower case.
pub(super) fn lower(w: &str) -> Lower<'_> {
    if w.is_ascii() {
        if !w.bytes().any(|b| b.is_ascii_uppercase()) {
            return Lower::Borrowed(w);
        }
        if let Ok(mut buf) = arrayvec::ArrayString::<40>::from(w) {
            buf.make_ascii_lowercase();
            return Lower::Stack(buf);
        }
    } else if !w.chars().any(char::is_uppercase) {
        return Lower::Borrowed(w);
    }
    Lower::Heap(w.to_lowercase())
}

/// Whether a word starts with a capital letter.
pub(super) fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

impl<'t> Attributor<'t> {
    /// The text of a token.
    pub(super) fn w(&self, t: &Tok) -> &'t str {
        &self.text[t.s..t.e]
    }

    /// Cut paragraph `para` into tokens; each of its `quotes` becomes one token.
    pub(super) fn tokenize(&self, para: Span, quotes: &[&RawQuote], toks: &mut Vec<Tok>) {
        let text = self.text;
        toks.clear();
        let mut qi = 0;
        let mut i = para.start;
        let bytes = text.as_bytes();
        while i < para.end {
            if qi < quotes.len() && i >= quotes[qi].outer.start {
                toks.push(Tok {
                    s: quotes[qi].outer.start,
                    e: quotes[qi].outer.end,
                    k: TokKind::Quote(qi),
                });
                i = i.max(quotes[qi].outer.end);
                qi += 1;
                continue;
            }
            let stop = if qi < quotes.len() {
                quotes[qi].outer.start.min(para.end)
            } else {
                para.end
            };
            // ASCII fast path: most text is ASCII.
            let b0 = bytes[i];
            if b0 < 0x80 && b0.is_ascii_whitespace() {
                i += 1;
                continue;
            }
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            if crate::annotate::is_alnum(c) {
                let s = i;
                let mut j = i + c.len_utf8();
                let alnum_at = |k: usize| {
                    k < stop
                        && match bytes[k] {
                            b if b < 0x80 => b.is_ascii_alphanumeric(),
                            _ => text[k..]
                                .chars()
                                .next()
                                .is_some_and(crate::annotate::is_alnum),
                        }
                };
                while j < stop {
                    // A run of ASCII letters and digits at once.
                    j = crate::annotate::ascii_alnum_end(&bytes[..stop], j);
                    if j >= stop {
                        break;
                    }
                    let b = bytes[j];
                    if b < 0x80 {
                        if b == b'.' && run_on_sentence(&bytes[s..stop], j - s) {
                            // "… Roe said.He left": a full stop with its space lost.
                            break;
                        }
                        if b.is_ascii_alphanumeric()
                            || (matches!(b, b'\'' | b'-' | b'.' | b'&') && alnum_at(j + 1))
                        {
                            j += 1;
                            continue;
                        }
                        break;
                    }
                    let Some(d) = text[j..].chars().next() else {
                        break;
                    };
                    if crate::annotate::is_alnum(d) || (d == '’' && alnum_at(j + d.len_utf8())) {
                        j += d.len_utf8();
                    } else {
                        break;
                    }
                }
                toks.push(Tok {
                    s,
                    e: j,
                    k: TokKind::Word,
                });
                i = j;
            } else if c.is_whitespace() || c == '*' || c == '_' {
                // Markdown emphasis ("*Le Monde*: …") is no punctuation
                // between a name and its colon.
                i += c.len_utf8();
            } else if let Some(e) = (quote_marks::english_double_closing_for(c).is_some())
                .then(|| crate::annotate::quotes::nickname_at(&text[..stop], i))
                .flatten()
            {
                // A nickname inside a name (Anna “Nan” Kowal) is left out of it.
                i = e;
            } else if quote_marks::is_english_double(c) {
                // A double mark outside every quote (one left unpaired, such as
                // the mark opening each paragraph of a quoted excerpt) says
                // nothing about who speaks.
                i += c.len_utf8();
            } else {
                toks.push(Tok {
                    s: i,
                    e: i + c.len_utf8(),
                    k: TokKind::Punct(c),
                });
                i += c.len_utf8();
            }
        }
    }

    /// Sentence index of every token.
    pub(super) fn sentences(&self, toks: &[Tok], quotes: &[&RawQuote], sid: &mut Vec<u32>) {
        sid.clear();
        let mut cur = 0u32;
        for (i, t) in toks.iter().enumerate() {
            sid.push(cur);
            let next_starts = match toks.get(i + 1) {
                None => false,
                Some(n) => match n.k {
                    TokKind::Word => {
                        is_cap(self.w(n)) || self.w(n).starts_with(|c: char| c.is_numeric())
                    }
                    TokKind::Quote(_) => true,
                    TokKind::Punct(c) => matches!(c, '(' | '—'),
                },
            };
            let ends = match t.k {
                TokKind::Punct('.') => {
                    let abbr = i > 0 && toks[i - 1].k == TokKind::Word && toks[i - 1].e == t.s && {
                        let w = self.w(&toks[i - 1]);
                        ABBREV_SET.has(w)
                            || (w.chars().count() == 1 && is_cap(w))
                            || w.contains('.')
                    };
                    !abbr && next_starts
                }
                TokKind::Punct('?' | '!') => next_starts,
                TokKind::Quote(q) => {
                    let inner = quotes[q].inner.slice(self.text);
                    inner.ends_with(['.', '?', '!'])
                        && matches!(toks.get(i + 1), Some(n) if n.k == TokKind::Word && is_cap(self.w(n)))
                        && !self.cue_follows(toks, i + 1)
                }
                _ => false,
            };
            if ends {
                cur += 1;
            }
        }
    }

    /// Whether token `i` is the word `w` (ignoring ASCII case).
    pub(super) fn is_word(&self, toks: &[Tok], i: usize, w: &str) -> bool {
        toks.get(i)
            .is_some_and(|t| t.k == TokKind::Word && self.w(t).eq_ignore_ascii_case(w))
    }

    /// Whether a token is a capitalised word.
    pub(super) fn is_capword(&self, t: &Tok) -> bool {
        t.k == TokKind::Word && is_cap(self.w(t))
    }

    /// Whether token `i` is one of the words of `list` (ignoring ASCII case).
    pub(super) fn is_word_any(&self, toks: &[Tok], i: usize, list: &[&str]) -> bool {
        toks.get(i)
            .is_some_and(|t| t.k == TokKind::Word && in_list(list, self.w(t)))
    }
}

/// Whether the full stop at `dot` in the word `w` (from its start) ends a
/// sentence whose space was lost ("said.He", "Roe said.Roe added"): at least
/// three lower-case letters before it, and a capitalised word after it
/// ("Ph.D", "Mr.Smith", "U.S.Army" and "example.com" are left whole).
fn run_on_sentence(w: &[u8], dot: usize) -> bool {
    dot >= 3
        && w[dot - 3..dot].iter().all(u8::is_ascii_lowercase)
        && w.get(dot + 1).is_some_and(u8::is_ascii_uppercase)
        && w.get(dot + 2).is_some_and(u8::is_ascii_lowercase)
}
