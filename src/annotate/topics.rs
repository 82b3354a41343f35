//! Topics: a lexicon of topic → words and phrases, assigned to paragraphs and quotes.

use super::segment::Structure;
use crate::model::{Annotation, Quote, Span, Topic};

/// A topic lexicon: topics, each with the words and phrases that signal it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TopicLexicon {
    /// `(key, display name, phrases)` per topic.
    pub topics: Vec<(String, String, Vec<String>)>,
}

impl TopicLexicon {
    /// The lexicon bundled in `assets/topics.toml`.
    pub fn bundled() -> Self {
        TopicLexicon::default() // STUB
    }
}

/// Assign topics to paragraphs and quotes.
pub fn assign_topics(
    _text: &str,
    _structure: &Structure,
    _quotes: &[(Span, Quote)],
    _lexicon: &TopicLexicon,
) -> (Vec<Topic>, Vec<Annotation>) {
    (Vec::new(), Vec::new()) // STUB
}
