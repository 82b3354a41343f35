//! The reader's side of [`crate::notes`]: the sidecar it edits, the items
//! placed in the current text (or orphaned), the note prompt, marks, the
//! correction menu, and the document shown (the annotator's with the
//! corrections on top and the notes on the notes layer).
//!
//! It stays pure like the rest of `app`: the event loop in `ui` saves the
//! sidecar when [`Notes::dirty`] is set.

use std::path::PathBuf;

use super::keymap::{Key, KeyCode};
use super::layout::LayoutCache;
use super::state::State;
use crate::model::{Annotation, AnnotationBody, Document, Note, QuoteKind, Span};
use crate::notes::anchor::Text;
use crate::notes::correct::{Correction, apply};
use crate::notes::{Body, Placed, Sidecar};

/// The reader's notes.
#[derive(Debug, Clone, Default)]
pub struct Notes {
    /// What is saved.
    pub sidecar: Sidecar,
    /// Where it is saved (`None`: not saved, e.g. standard input).
    pub path: Option<PathBuf>,
    /// The annotator's document, before corrections.
    pub base: Option<Document>,
    /// Each item, found or orphaned.
    pub placed: Vec<Placed>,
    /// Indexes into `placed` of the items found, in text order.
    pub found: Vec<usize>,
    /// Indexes into `placed` of the orphans.
    pub orphans: Vec<usize>,
    /// The spans of the quotes a correction changed.
    pub corrected: Vec<Span>,
    /// Changed since the last save.
    pub dirty: bool,
    /// The open prompt and what it has so far.
    pub prompt: Option<(Prompt, String)>,
    /// A key that waits for its letter or menu choice.
    pub pending: Option<Pending>,
    /// The sidecar read for a text still being annotated and where to save
    /// it: attached (placed in the whole text) when the annotation is done.
    pub deferred: Option<(Sidecar, Option<PathBuf>)>,
}

/// What the one-line prompt asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prompt {
    /// A note's text.
    Note,
    /// The right speaker of the selected quote ("Name, role").
    Speaker,
    /// The speaker of a missed quote ("Name, role").
    QuoteBy,
}

/// A command waiting for one more key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pending {
    /// `m`: the mark's letter.
    SetMark,
    /// `'`: the mark's letter.
    JumpMark,
    /// `c`: the correction menu.
    Correct,
}

/// What the status line says when a note or mark is asked for before the
/// whole text is annotated (cleared when it is).
pub(super) const WAIT_FOR_WHOLE: &str = "notes and marks wait for the whole document";

/// The correction menu, as the status line shows it.
pub const CORRECT_MENU: &str =
    "correct: s speaker · n not a quote · x not speech · k kind · q a quote by… · Esc";

impl State {
    /// Attach a sidecar (read by the caller) saved at `path`: place its
    /// items in this document and return to its reading position.
    pub fn attach_notes(&mut self, sidecar: Sidecar, path: Option<PathBuf>) {
        self.notes.sidecar = sidecar;
        self.notes.path = path;
        self.notes.base = None;
        let side = &self.notes.sidecar;
        if side.items.is_empty() && side.position.is_none() && side.marks.is_empty() {
            // Nothing to place: the document is not copied until a note is added.
            return;
        }
        let text = Text::new(&self.doc.text);
        // Items found again point at this text from now on (saved when the
        // reader changes anything); orphans keep their old selectors.
        self.notes.sidecar.rebase(&text);
        let position = self
            .notes
            .sidecar
            .position
            .as_ref()
            .and_then(|p| text.find(p));
        drop(text);
        if !self.notes.sidecar.items.is_empty() {
            self.notes_changed();
        }
        if let Some((span, _)) = position {
            self.jump_top(span.start);
        }
    }

    /// Place the items again and rebuild the document shown.
    pub fn notes_changed(&mut self) {
        let Some(base) = &self.notes.base else {
            self.notes.base = Some(self.doc.clone());
            return self.notes_changed();
        };
        let text = Text::new(&base.text);
        let placed = self.notes.sidecar.place(&text);
        let items = &self.notes.sidecar.items;
        let corrections = placed
            .iter()
            .filter_map(|p| match (&items[p.item].body, p.at) {
                (Body::Correction { correction }, Some((span, _))) => Some((span, correction)),
                _ => None,
            });
        let (mut doc, corrected) = apply(base, corrections);
        for p in &placed {
            let Some((span, _)) = p.at else { continue };
            let text = match &items[p.item].body {
                Body::Note { text } => text.clone(),
                Body::Highlight => format!("▍ highlight: {}", items[p.item].target.exact),
                Body::Correction { correction } => {
                    format!("✓ corrected: {}", correction.describe())
                }
            };
            doc.annotations.push(Annotation {
                span,
                body: AnnotationBody::Note(Note { text }),
            });
        }
        doc.sort_annotations();
        let mut found: Vec<usize> = (0..placed.len())
            .filter(|&i| placed[i].at.is_some())
            .collect();
        found.sort_by_key(|&i| placed[i].at.map(|a| a.0.start));
        self.notes.orphans = (0..placed.len())
            .filter(|&i| placed[i].at.is_none())
            .collect();
        self.notes.found = found;
        self.notes.placed = placed;
        self.notes.corrected = corrected;
        self.index = super::index::Index::new(&doc);
        self.doc = doc;
        self.layout = LayoutCache::default();
        self.only_shown = None;
        self.refresh();
    }

    /// Add an item on the target span.
    fn add_item(&mut self, body: Body) -> bool {
        let Some(span) = self.target_span() else {
            self.message = Some("select a quote (]q) or text (v) first".into());
            return false;
        };
        let base = self.notes.base.get_or_insert_with(|| self.doc.clone());
        let sel = Text::new(&base.text).selector(span);
        let kind = body.kind();
        self.notes.sidecar.add(sel, body);
        self.notes.dirty = true;
        // The selection has served, as after a copy.
        self.visual = None;
        self.notes_changed();
        self.message = Some(format!("{kind} added{}", self.unsaved()));
        true
    }

    fn unsaved(&self) -> &'static str {
        if self.notes.path.is_none() {
            " (not saved)"
        } else {
            ""
        }
    }

    /// A selector for the text at the reference row (marks, the position).
    pub fn here(&self) -> Option<crate::notes::Selector> {
        let base = self.notes.base.as_ref().unwrap_or(&self.doc);
        let pos = self.row_pos(self.reference_row()).min(base.text.len());
        let text = Text::new(&base.text);
        let start = text.char_at(pos);
        let rest = &base.text[pos..];
        let len = rest.chars().take_while(|&c| c != '\n').take(32).count();
        (len > 0).then(|| text.selector(text.byte_span(start, start + len)))
    }

    /// Remember the reading position (on quit). A document read from its
    /// start only, with nothing added, gets no sidecar.
    pub fn keep_position(&mut self) {
        if self.notes.deferred.is_some() {
            // Quit before the whole text was annotated: the sidecar was
            // never placed, so it is left as it was.
            return;
        }
        let side = &self.notes.sidecar;
        let untouched = side.items.is_empty() && side.marks.is_empty() && side.position.is_none();
        if untouched && self.top == super::layout::Anchor::default() {
            return;
        }
        let here = self.here();
        if here.is_some() && here != self.notes.sidecar.position {
            self.notes.sidecar.position = here;
            self.notes.dirty = true;
        }
    }
}

/// `a`, `h`, `c`, `m`, `'`: start the command.
pub(super) fn start(s: &mut State, c: super::keymap::Command) {
    use super::keymap::Command as C;
    if let Some(p) = s.loading {
        // Notes are anchored in the whole text, not its head.
        s.message = Some(format!("{WAIT_FOR_WHOLE} (annotating {p}%)"));
        return;
    }
    match c {
        C::AddNote => {
            if s.target_span().is_some() {
                s.notes.prompt = Some((Prompt::Note, String::new()));
            } else {
                s.message = Some("select a quote (]q) or text (v) first".into());
            }
        }
        C::Highlight => {
            s.add_item(Body::Highlight);
        }
        C::Correct => {
            if s.target_span().is_some() {
                s.notes.pending = Some(Pending::Correct);
                s.message = Some(CORRECT_MENU.into());
            } else {
                s.message = Some("select a quote (]q) or text (v) first".into());
            }
        }
        C::SetMark => {
            s.notes.pending = Some(Pending::SetMark);
            s.message = Some("mark: a–z".into());
        }
        C::JumpMark => {
            s.notes.pending = Some(Pending::JumpMark);
            s.message = Some("go to mark: a–z".into());
        }
        _ => {}
    }
}

/// A key while a prompt is open or a command waits: returns whether it was taken.
pub(super) fn notes_key(s: &mut State, k: Key) -> bool {
    if let Some((what, mut text)) = s.notes.prompt.take() {
        match k.code {
            KeyCode::Esc => s.message = Some("cancelled".into()),
            KeyCode::Enter => finish_prompt(s, what, text.trim()),
            KeyCode::Backspace => {
                text.pop();
                s.notes.prompt = Some((what, text));
            }
            KeyCode::Tab if what != Prompt::Note => {
                let picked = pick_speaker(&s.doc, &text);
                s.notes.prompt = Some((what, picked.unwrap_or(text)));
            }
            KeyCode::Char(c) if !k.ctrl && !k.alt && text.chars().count() < 2000 => {
                text.push(c);
                s.notes.prompt = Some((what, text));
            }
            _ => s.notes.prompt = Some((what, text)),
        }
        return true;
    }
    let Some(p) = s.notes.pending.take() else {
        return false;
    };
    s.message = None;
    let KeyCode::Char(c) = k.code else {
        return true;
    };
    match p {
        Pending::SetMark if c.is_ascii_lowercase() => {
            if let Some(sel) = s.here() {
                s.notes.sidecar.marks.insert(c, sel);
                s.notes.dirty = true;
                s.message = Some(format!("mark {c} set{}", s.unsaved()));
            }
        }
        Pending::JumpMark if c.is_ascii_lowercase() => jump_mark(s, c),
        Pending::Correct => correct_choice(s, c),
        _ => {}
    }
    true
}

/// `Tab` in a speaker prompt: pick from the document's speakers. The typed
/// text is completed to the first speaker whose name starts with it (case
/// aside); a name already picked goes on to the next match, round to the
/// first; an empty prompt starts with the first speaker.
fn pick_speaker(doc: &Document, typed: &str) -> Option<String> {
    let names: Vec<&str> = doc.speakers.iter().map(|sp| sp.name.as_str()).collect();
    let at = names.iter().position(|n| *n == typed);
    let prefix = match at {
        // Cycling: keep to the names the first pick matched, if it was typed.
        Some(_) => "",
        None => typed,
    }
    .to_lowercase();
    let matches = |n: &&str| n.to_lowercase().starts_with(&prefix);
    let next = match at {
        Some(i) => names[i + 1..]
            .iter()
            .chain(&names[..=i])
            .find(|n| matches(n)),
        None => names.iter().find(|n| matches(n)),
    };
    next.map(|n| n.to_string())
}

fn jump_mark(s: &mut State, c: char) {
    let Some(sel) = s.notes.sidecar.marks.get(&c) else {
        s.message = Some(format!("no mark {c}"));
        return;
    };
    let base = s.notes.base.as_ref().unwrap_or(&s.doc);
    match Text::new(&base.text).find(sel) {
        Some((span, _)) => {
            s.jump_top(span.start);
            s.message = Some(format!("mark {c}"));
        }
        None => s.message = Some(format!("mark {c}: its text is gone")),
    }
}

fn correct_choice(s: &mut State, c: char) {
    let correction = match c {
        's' => return s.notes.prompt = Some((Prompt::Speaker, String::new())),
        'q' => return s.notes.prompt = Some((Prompt::QuoteBy, String::new())),
        'n' => Correction::NotAQuote,
        'x' => Correction::NotSpeech,
        'k' => {
            let now = s
                .selected
                .and_then(|q| s.index.quotes.get(q))
                .and_then(|q| {
                    s.doc
                        .annotations
                        .iter()
                        .find(|a| a.span == q.span)
                        .and_then(|a| a.as_quote())
                        .map(|q| q.kind)
                });
            let kind = match now {
                Some(QuoteKind::Direct) => QuoteKind::Partial,
                Some(QuoteKind::Partial) => QuoteKind::Term,
                _ => QuoteKind::Direct,
            };
            Correction::Kind { kind }
        }
        _ => return,
    };
    s.add_item(Body::Correction { correction });
}

fn finish_prompt(s: &mut State, what: Prompt, text: &str) {
    if text.is_empty() {
        s.message = Some("nothing typed: cancelled".into());
        return;
    }
    let (name, role) = match text.split_once(',') {
        Some((n, r)) => (n.trim().to_string(), Some(r.trim().to_string())),
        None => (text.to_string(), None),
    };
    let body = match what {
        Prompt::Note => Body::Note {
            text: text.to_string(),
        },
        Prompt::Speaker => Body::Correction {
            correction: Correction::Speaker { name, role },
        },
        Prompt::QuoteBy => Body::Correction {
            correction: Correction::Quote { name, role },
        },
    };
    s.add_item(body);
}

/// The prompt as the status line shows it.
pub fn prompt_line(s: &State) -> Option<String> {
    let (what, text) = s.notes.prompt.as_ref()?;
    let label = match what {
        Prompt::Note => "note",
        Prompt::Speaker => "speaker (Name, role)",
        Prompt::QuoteBy => "a quote by (Name, role)",
    };
    let keys = match what {
        Prompt::Note => "Enter saves, Esc cancels",
        _ => "Tab picks a speaker, Enter saves, Esc cancels",
    };
    Some(format!(
        "{label}: {}▏ {keys}",
        crate::model::text::visible_line(text)
    ))
}

/// Delete the selected item of the Notes or Orphans tab.
pub(super) fn delete(s: &mut State, orphans: bool) {
    let list = if orphans {
        &s.notes.orphans
    } else {
        &s.notes.found
    };
    let row = s.panel_sel[if orphans { 4 } else { 3 }];
    let Some(&p) = list.get(row) else { return };
    let id = s.notes.sidecar.items[s.notes.placed[p].item].id.clone();
    s.notes.sidecar.remove(&id);
    s.notes.dirty = true;
    s.notes_changed();
    s.message = Some("deleted".into());
}
