//! The annotated document: text, structure, speakers and standoff annotations.

use serde::{Deserialize, Serialize};

use super::Span;

/// An annotated interview or article.
///
/// The text is kept as it came (BOM dropped, line endings normalised to `\n`);
/// everything else points into it by [`Span`]s.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Document {
    /// What is known about the document beyond its text.
    #[serde(default)]
    pub meta: Meta,
    /// The normalised text.
    pub text: String,
    /// Structural blocks in text order, not overlapping.
    #[serde(default)]
    pub blocks: Vec<Block>,
    /// Sections in text order, not overlapping; boilerplate lies in none.
    #[serde(default)]
    pub sections: Vec<Section>,
    /// Who speaks. `speakers[i].id == SpeakerId(i)`.
    #[serde(default)]
    pub speakers: Vec<Speaker>,
    /// Topics a [`AnnotationBody::Topic`] may name. `topics[i].id == TopicId(i)`.
    #[serde(default)]
    pub topics: Vec<Topic>,
    /// Standoff annotations, ordered by [`Annotation::order_key`].
    #[serde(default)]
    pub annotations: Vec<Annotation>,
}

/// Facts about the document as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Meta {
    /// Title, from the header or the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Where the text came from (a `Source:` line, a URL, a file name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Date as printed in the header.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Place from a dateline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Article (reported speech) or transcript (speaker labels).
    #[serde(default)]
    pub genre: Genre,
}

/// The two shapes of input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Genre {
    /// A news article with quotes attributed by "he said".
    #[default]
    Article,
    /// A Q&A transcript with speaker labels.
    Transcript,
}

/// What a block of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    /// The document's title line.
    Title,
    /// Dateline, date, byline, source or other header metadata.
    Meta,
    /// A section heading.
    Heading,
    /// Ordinary prose paragraph.
    Paragraph,
    /// A transcript turn: a paragraph that opens with a speaker label.
    Turn,
    /// Site furniture (comment forms, share buttons): kept out of every section.
    Boilerplate,
}

/// A structural block (one paragraph, heading, header line …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// The block's text, without the blank lines around it.
    pub span: Span,
}

/// A section: a heading and what follows it up to the next heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// Heading text; `None` for the untitled lead.
    pub title: Option<String>,
    /// The heading block's span, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<Span>,
    /// From the heading (or the start of the lead) to the end of the section's last block.
    pub span: Span,
}

/// Index of a speaker in [`Document::speakers`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SpeakerId(pub u32);

impl SpeakerId {
    /// The index into [`Document::speakers`].
    pub const fn index(self) -> usize {
        self.0 as usize
    }
}

/// What kind of thing speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    /// A named person.
    Person,
    /// A ministry, company, newspaper …
    Organisation,
    /// A country or its capital standing for its government ("Moscow said").
    Country,
    /// Reporters, participants, a crowd.
    Group,
    /// Not known.
    #[default]
    Unknown,
}

/// Someone who is quoted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// This speaker's index in [`Document::speakers`].
    pub id: SpeakerId,
    /// Display name ("Georgy Zinoviev", "Question").
    pub name: String,
    /// Role or title ("Russian Ambassador to Korea").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Other names that refer to this speaker (labels, surname, "Mr X").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// What kind of thing speaks.
    #[serde(default)]
    pub kind: SpeakerKind,
}

/// Index of a topic in [`Document::topics`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TopicId(pub u32);

impl TopicId {
    /// The index into [`Document::topics`].
    pub const fn index(self) -> usize {
        self.0 as usize
    }
}

/// A topic from the topic lexicon.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Topic {
    /// This topic's index in [`Document::topics`].
    pub id: TopicId,
    /// Short key from the lexicon ("sanctions").
    pub key: String,
    /// Display name ("Sanctions and export controls").
    pub name: String,
}

/// The annotation layers a reader can switch on and off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Layer {
    /// Quotes and transcript turns.
    Quote,
    /// People, places and organisations.
    Entity,
    /// Topics of paragraphs and quotes.
    Topic,
    /// The user's notes.
    Note,
}

/// A standoff annotation: a span and what it says about that span.
///
/// Written as one flat object (`{"span": …, "layer": "quote", "kind": …}`);
/// read through `RawAnnotation`, a plain struct, so that loading a large
/// document does not buffer every annotation the way serde's flattened,
/// internally tagged enums do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawAnnotation")]
pub struct Annotation {
    /// The annotated text.
    pub span: Span,
    /// What the annotation says; its variant is its layer.
    #[serde(flatten)]
    pub body: AnnotationBody,
}

impl Annotation {
    /// The layer this annotation belongs to.
    pub fn layer(&self) -> Layer {
        self.body.layer()
    }

    /// The order annotations are kept in: by start, longer first, then layer.
    pub fn order_key(&self) -> (usize, std::cmp::Reverse<usize>, Layer) {
        (
            self.span.start,
            std::cmp::Reverse(self.span.end),
            self.layer(),
        )
    }

    /// The quote, when this is one.
    pub fn as_quote(&self) -> Option<&Quote> {
        match &self.body {
            AnnotationBody::Quote(q) => Some(q),
            _ => None,
        }
    }
}

/// Every field any layer's annotation may carry, as read from JSON; the layer
/// decides which are used. Fields of other layers are ignored, as unknown
/// fields are.
#[derive(Deserialize)]
struct RawAnnotation {
    span: Span,
    layer: Layer,
    #[serde(default)]
    kind: Option<AnyKind>,
    #[serde(default)]
    speaker: Option<SpeakerId>,
    #[serde(default)]
    mention: Option<Span>,
    #[serde(default)]
    cue: Option<Span>,
    #[serde(default)]
    continues: bool,
    #[serde(default)]
    turn: bool,
    #[serde(default)]
    topic: Option<TopicId>,
    #[serde(default)]
    text: Option<String>,
}

/// A `kind` of either layer that has one: quote kinds and entity kinds.
#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum AnyKind {
    Direct,
    Partial,
    Term,
    Reported,
    Person,
    Place,
    Organisation,
}

impl TryFrom<RawAnnotation> for Annotation {
    type Error = String;

    fn try_from(r: RawAnnotation) -> Result<Self, String> {
        let missing = |field: &str| format!("missing field `{field}`");
        let wrong_kind =
            |layer: &str, kinds: &str| format!("a {layer}'s kind must be one of {kinds}");
        let body = match r.layer {
            Layer::Quote => AnnotationBody::Quote(Quote {
                kind: match r.kind {
                    None | Some(AnyKind::Direct) => QuoteKind::Direct,
                    Some(AnyKind::Partial) => QuoteKind::Partial,
                    Some(AnyKind::Term) => QuoteKind::Term,
                    Some(AnyKind::Reported) => QuoteKind::Reported,
                    Some(_) => {
                        return Err(wrong_kind("quote", "direct, partial, term, reported"));
                    }
                },
                speaker: r.speaker,
                mention: r.mention,
                cue: r.cue,
                continues: r.continues,
                turn: r.turn,
            }),
            Layer::Entity => AnnotationBody::Entity(Entity {
                kind: match r.kind.ok_or_else(|| missing("kind"))? {
                    AnyKind::Person => EntityKind::Person,
                    AnyKind::Place => EntityKind::Place,
                    AnyKind::Organisation => EntityKind::Organisation,
                    _ => return Err(wrong_kind("entity", "person, place, organisation")),
                },
                speaker: r.speaker,
            }),
            Layer::Topic => AnnotationBody::Topic(TopicTag {
                topic: r.topic.ok_or_else(|| missing("topic"))?,
            }),
            Layer::Note => AnnotationBody::Note(Note {
                text: r.text.ok_or_else(|| missing("text"))?,
            }),
        };
        Ok(Annotation { span: r.span, body })
    }
}

/// The payload of an annotation, tagged by its layer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "layer", rename_all = "lowercase")]
pub enum AnnotationBody {
    /// Quote layer.
    Quote(Quote),
    /// Entity layer.
    Entity(Entity),
    /// Topic layer.
    Topic(TopicTag),
    /// Note layer.
    Note(Note),
}

impl AnnotationBody {
    /// The layer of this body.
    pub fn layer(&self) -> Layer {
        match self {
            AnnotationBody::Quote(_) => Layer::Quote,
            AnnotationBody::Entity(_) => Layer::Entity,
            AnnotationBody::Topic(_) => Layer::Topic,
            AnnotationBody::Note(_) => Layer::Note,
        }
    }
}

/// What kind of quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A full quotation (or a transcript turn).
    #[default]
    Direct,
    /// A fragment quoted inside reported speech.
    Partial,
    /// A scare-quoted word or short phrase, a title or a slogan.
    Term,
    /// Reported speech without quotation marks ("she said that talks would
    /// resume"): the span is the reported clause, not the cue or the source.
    Reported,
}

/// A quote. The annotation's span is the quoted words without their outer marks
/// (for a turn: the turn's text after its label).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Quote {
    /// Direct, partial, term or reported.
    #[serde(default)]
    pub kind: QuoteKind,
    /// Who said it, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<SpeakerId>,
    /// The attributing words: "he", "the ambassador", "Zinoviev", a transcript label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mention: Option<Span>,
    /// The speech verb ("said", "stressed").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<Span>,
    /// Whether this quote continues the previous one (same speaker, no new cue).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub continues: bool,
    /// True for a transcript turn.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub turn: bool,
}

/// Kinds of named entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A country, capital, city or region.
    Place,
    /// A government body, company, international organisation, newspaper.
    Organisation,
}

/// A mention of a person, place or organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Person, place or organisation.
    pub kind: EntityKind,
    /// The speaker this mention refers to, when it is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<SpeakerId>,
}

/// A topic assigned to a paragraph or a quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicTag {
    /// The topic.
    pub topic: TopicId,
}

/// A user's note on a span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// The note's text.
    pub text: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reported_quotes_load_and_older_quotes_still_do() {
        let a: Annotation = serde_json::from_str(
            r#"{"span":{"start":0,"end":3},"layer":"quote","kind":"reported","speaker":0}"#,
        )
        .unwrap();
        let q = a.as_quote().unwrap();
        assert_eq!(q.kind, QuoteKind::Reported);
        assert_eq!(q.speaker, Some(SpeakerId(0)));
        let back = serde_json::to_value(&a).unwrap();
        assert_eq!(back["kind"], "reported");
        // A document written before reported speech existed: no kind at all.
        let old: Annotation =
            serde_json::from_str(r#"{"span":{"start":0,"end":3},"layer":"quote"}"#).unwrap();
        assert_eq!(old.as_quote().unwrap().kind, QuoteKind::Direct);
        let bad = serde_json::from_str::<Annotation>(
            r#"{"span":{"start":0,"end":3},"layer":"quote","kind":"place"}"#,
        );
        assert!(bad.unwrap_err().to_string().contains("reported"));
    }
}
