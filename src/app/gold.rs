//! The gold layer: brat gold annotations (`attache FILE --gold FILE.ann`)
//! shown beside the annotator's, so that a researcher reads PolNeAR-style
//! gold in the reader and sees where the two differ. A gold attribution
//! *agrees* when an annotator quote (not a scare-quoted term) covers at least
//! 30% of the shorter of the two, as `attache eval` counts a hit; otherwise
//! the annotator *missed* it; an annotator quote that meets no gold is
//! *extra*.

use crate::load::brat::GoldQuote;
use crate::model::{Document, Span};

/// The least share of the shorter span two spans must share to agree.
const AGREE: f64 = 0.3;

/// Gold attributions and how they compare with the annotator's quotes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldView {
    /// The gold attributions, in text order.
    pub quotes: Vec<GoldQuote>,
    /// Per gold attribution: whether an annotator quote agrees with it.
    pub found: Vec<bool>,
    /// Annotator quotes that meet no gold attribution.
    pub extra: usize,
    /// Whether the layer is drawn (`z7`).
    pub on: bool,
}

fn overlap(a: Span, b: Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

fn agrees(gold: &GoldQuote, q: Span) -> bool {
    let shared: usize = gold.content.iter().map(|&c| overlap(c, q)).sum();
    let len: usize = gold.content.iter().map(|c| c.end - c.start).sum();
    let shorter = len.min(q.end - q.start).max(1);
    shared > 0 && shared as f64 / shorter as f64 >= AGREE
}

impl GoldView {
    /// Compare `quotes` (gold, in bytes of `doc.text`) with the document's quotes.
    pub fn new(doc: &Document, quotes: Vec<GoldQuote>) -> Self {
        let mine: Vec<Span> = doc
            .quotes()
            .filter(|(_, q)| crate::export::is_attribution(q.kind))
            .map(|(s, _)| s)
            .collect();
        let found = quotes
            .iter()
            .map(|g| mine.iter().any(|&m| agrees(g, m)))
            .collect();
        let extra = mine
            .iter()
            .filter(|&&m| !quotes.iter().any(|g| agrees(g, m)))
            .count();
        GoldView {
            quotes,
            found,
            extra,
            on: true,
        }
    }

    /// Gold attributions that agree with an annotator quote.
    pub fn agree(&self) -> usize {
        self.found.iter().filter(|&&f| f).count()
    }

    /// The status line's summary: `gold 7✓ 2✗ +1` (agree, missed, extra).
    pub fn summary(&self) -> String {
        let agree = self.agree();
        format!(
            "gold {agree}✓ {}✗ +{}",
            self.quotes.len() - agree,
            self.extra
        )
    }

    /// The gold content pieces that meet `[a, b)`, with whether their
    /// attribution agrees.
    pub fn pieces_in(&self, a: usize, b: usize) -> impl Iterator<Item = (Span, bool)> + '_ {
        self.quotes
            .iter()
            .zip(&self.found)
            .flat_map(|(g, &f)| g.content.iter().map(move |&c| (c, f)))
            .filter(move |(c, _)| c.start < b && c.end > a)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agreement_missed_and_extra_are_counted() {
        let text = "“We will win,” Ada Reed said. “Never,” said Tom. He saw the so-called “farce”.";
        let doc = crate::annotate::annotate(text, &crate::annotate::Options::default());
        let at = |s: &str| {
            let i = text.find(s).expect("fixture");
            Span::new(i, i + s.len())
        };
        let gold = vec![
            GoldQuote {
                id: "E1".into(),
                content: vec![at("“We will win,”")],
                source: vec![at("Ada Reed")],
            },
            GoldQuote {
                id: "E2".into(),
                content: vec![at("He saw")],
                source: vec![],
            },
        ];
        let v = GoldView::new(&doc, gold);
        assert_eq!(v.found, vec![true, false]);
        // “Never,” meets no gold; the uncued “farce” is a term, not counted.
        assert_eq!(v.extra, 1, "“Never,” meets no gold");
        assert_eq!(v.summary(), "gold 1✓ 1✗ +1");
        assert_eq!(v.pieces_in(0, 5).count(), 1);
    }
}
