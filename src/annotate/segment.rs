//! Structure: paragraphs, headings, header lines, boilerplate and sections.

use crate::model::{Block, BlockKind, Meta, Section, Span};

/// The document's structure, as found by [`segment`] and refined by later stages.
#[derive(Debug, Clone, Default)]
pub struct Structure {
    /// Title, date, place, source.
    pub meta: Meta,
    /// Blocks in text order.
    pub blocks: Vec<Block>,
    /// Sections in text order; boilerplate is in none.
    pub sections: Vec<Section>,
}

/// Split normalised text into blocks and sections.
pub fn segment(text: &str) -> Structure {
    // STUB: paragraphs separated by blank lines, one untitled section.
    let mut blocks = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        let t = body.trim();
        if !t.is_empty() {
            let lead = body.len() - body.trim_start().len();
            let start = pos + lead;
            let end = start + t.len();
            blocks.push(Block {
                kind: BlockKind::Paragraph,
                span: Span::new(start, end),
            });
        }
        pos += line.len();
    }
    let sections = match (blocks.first(), blocks.last()) {
        (Some(f), Some(l)) => vec![Section {
            title: None,
            heading: None,
            span: Span::new(f.span.start, l.span.end),
        }],
        _ => vec![],
    };
    Structure {
        meta: Meta::default(),
        blocks,
        sections,
    }
}
