//! The pipeline's last step: the stages' annotation lists merged into
//! document order, in place on a large text.
//!
//! It exists for memory: on a large text the annotations are the biggest
//! part of a document after the text itself, and a merge into a new list
//! would hold them twice at the moment the pipeline needs the most memory.
//! There the lists are joined into one and reordered by swapping, with only
//! an index per annotation beside them. On a smaller text a stable sort of
//! the joined lists does the same merge with scratch room for half of them:
//! its moves run through memory in order, where following the swaps jumps
//! about it, so it is several times faster.

use crate::model::{Annotation, AnnotationBody, Section};

/// The annotations of every stage in document order, without any that would
/// break an invariant (a defensive last step: the stages should never make
/// one). Each stage's list is nearly or wholly in order already, so each is
/// sorted on its own (cheap) and the lists are merged in one pass; equal keys
/// keep the order of `runs`, as a stable sort of their concatenation would.
///
/// The lists are appended to the first (each freed as it goes in). With
/// `in_place`, the merged order is then worked out as indices and the
/// annotations are moved into it by following the permutation's cycles;
/// without, the joined list is sorted (stably: the same order).
pub(super) fn merge_valid<const N: usize>(
    text: &str,
    sections: &[Section],
    runs: [Vec<Annotation>; N],
    in_place: bool,
) -> Vec<Annotation> {
    let valid = |a: &Annotation| {
        a.span.is_valid_in(text)
            && match &a.body {
                AnnotationBody::Quote(_) => {
                    // Sections are in text order and do not overlap: look at the
                    // ones from the first that ends after the quote starts.
                    let i = sections.partition_point(|s| s.span.end <= a.span.start);
                    !sections[i..]
                        .iter()
                        .take_while(|s| s.span.start < a.span.end.max(a.span.start + 1))
                        .any(|s| s.span.overlaps(a.span) && !s.span.contains_span(a.span))
                }
                _ => true,
            }
    };
    let mut all: Vec<Annotation> = Vec::new();
    let mut bounds = [(0usize, 0usize); N];
    for (r, mut run) in runs.into_iter().enumerate() {
        run.retain(valid);
        if !run.is_sorted_by_key(Annotation::order_key) {
            run.sort_by_key(Annotation::order_key);
        }
        let start = all.len();
        if all.is_empty() {
            all = run;
        } else {
            all.append(&mut run);
        }
        bounds[r] = (start, all.len());
    }
    if in_place {
        let mut order = merged_order(&all, bounds);
        permute(&mut all, &mut order);
    } else {
        all.sort_by_key(Annotation::order_key);
    }
    all
}

/// The merge of the sorted runs `bounds` of `all` as indices into `all`:
/// position `i` of the merged list holds `all[order[i]]`.
fn merged_order<const N: usize>(all: &[Annotation], bounds: [(usize, usize); N]) -> Vec<usize> {
    let mut next = bounds.map(|(start, _)| start);
    // Each run's first key, worked out once (not again for every step the
    // other runs take).
    let head = |r: usize, at: usize| (at < bounds[r].1).then(|| all[at].order_key());
    let mut heads: [_; N] = std::array::from_fn(|r| head(r, next[r]));
    let mut order = Vec::with_capacity(all.len());
    loop {
        let mut best = None;
        for (r, key) in heads.iter().enumerate() {
            if let Some(key) = key
                && best.as_ref().is_none_or(|(_, k)| key < *k)
            {
                best = Some((r, key));
            }
        }
        let Some((r, _)) = best else { break };
        order.push(next[r]);
        next[r] += 1;
        heads[r] = head(r, next[r]);
    }
    order
}

/// Reorder `items` so that position `i` holds what was at `order[i]`
/// (`order` a permutation of the positions; it is used up as the marks of
/// the positions done).
fn permute<T>(items: &mut [T], order: &mut [usize]) {
    for start in 0..order.len() {
        let mut at = start;
        // Follow the cycle through `start`, pulling each item into place.
        while order[at] != at {
            let from = order[at];
            order[at] = at;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entity, EntityKind, Quote, QuoteKind, Span, TopicId, TopicTag};

    /// The merge as it was written first: into a new list.
    fn merge_by_copy<const N: usize>(runs: [Vec<Annotation>; N]) -> Vec<Annotation> {
        let mut all: Vec<Annotation> = runs
            .into_iter()
            .flat_map(|mut r| {
                r.sort_by_key(Annotation::order_key);
                r
            })
            .collect();
        all.sort_by_key(Annotation::order_key);
        all
    }

    fn quote(s: usize, e: usize, kind: QuoteKind) -> Annotation {
        Annotation {
            span: Span::new(s, e),
            body: AnnotationBody::Quote(Quote {
                kind,
                ..Quote::default()
            }),
        }
    }

    fn entity(s: usize, e: usize, kind: EntityKind) -> Annotation {
        Annotation {
            span: Span::new(s, e),
            body: AnnotationBody::Entity(Entity {
                kind,
                speaker: None,
            }),
        }
    }

    fn topic(s: usize, e: usize, t: u32) -> Annotation {
        Annotation {
            span: Span::new(s, e),
            body: AnnotationBody::Topic(TopicTag { topic: TopicId(t) }),
        }
    }

    /// A small deterministic generator for the property below.
    fn next(seed: &mut u64) -> usize {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        (*seed >> 33) as usize
    }

    #[test]
    fn the_merge_in_place_equals_a_stable_sort_of_the_lists() {
        let text = "x".repeat(64);
        let sections = [Section {
            title: None,
            heading: None,
            span: Span::new(0, 64),
        }];
        let mut seed = 0x9e37_79b9_7f4a_7c15;
        for round in 0..200 {
            let mut run = |n: usize, make: &dyn Fn(usize, usize, usize) -> Annotation| {
                (0..n)
                    .map(|_| {
                        let s = next(&mut seed) % 60;
                        let e = s + next(&mut seed) % 4;
                        make(s, e, next(&mut seed))
                    })
                    .collect::<Vec<_>>()
            };
            let kinds = [QuoteKind::Direct, QuoteKind::Term, QuoteKind::Reported];
            let quotes = run(round % 13, &|s, e, k| quote(s, e, kinds[k % 3]));
            let ents = run(round % 7, &|s, e, k| {
                entity(s, e, [EntityKind::Person, EntityKind::Place][k % 2])
            });
            let tags = run(round % 11, &|s, e, k| topic(s, e, (k % 3) as u32));
            let want = merge_by_copy([quotes.clone(), ents.clone(), tags.clone()]);
            let runs = [quotes, ents, tags];
            assert_eq!(merge_valid(&text, &sections, runs.clone(), false), want);
            assert_eq!(merge_valid(&text, &sections, runs, true), want);
        }
    }

    #[test]
    fn annotations_that_break_an_invariant_are_left_out() {
        let text = "abcdefghij";
        let sections = [
            Section {
                title: None,
                heading: None,
                span: Span::new(0, 5),
            },
            Section {
                title: None,
                heading: None,
                span: Span::new(5, 10),
            },
        ];
        for in_place in [false, true] {
            let merged = merge_valid(
                text,
                &sections,
                [
                    vec![
                        quote(3, 7, QuoteKind::Direct),
                        quote(6, 8, QuoteKind::Direct),
                    ],
                    vec![
                        entity(2, 40, EntityKind::Place),
                        entity(3, 7, EntityKind::Place),
                    ],
                ],
                in_place,
            );
            assert_eq!(
                merged,
                vec![
                    entity(3, 7, EntityKind::Place),
                    quote(6, 8, QuoteKind::Direct)
                ]
            );
        }
    }
}
