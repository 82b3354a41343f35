//! Annotation throughput on a synthetic interview of more than 10 MB.
//!
//! The generator writes its own words (no corpus text): a title and header,
//! headings, prose paragraphs with quotes attributed by "he said" cues to named
//! speakers, pronoun follow-ups, partial quotes and scare quotes, and
//! transcript-style sections of labelled turns. Run with
//! `cargo bench --bench annotate`; criterion reports MB/s on all cores and on
//! one thread (`Options::one_thread`), and the `open`
//! group compares annotating the text with opening its saved JSON; the
//! `stages` group times each stage of the pipeline alone, on one thread. With
//! `ATTACHE_BENCH_DUMP=FILE` set, the generated text is also written to FILE.

use std::hint::black_box;
use std::time::Duration;

use attache::annotate::{Options, annotate};
use attache::format::json::{from_json, to_json};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const NAMES: &[(&str, &str, &str)] = &[
    ("Marta", "Kowalczyk", "Deputy Foreign Minister"),
    ("Tomas", "Rehnberg", "ambassador"),
    ("Aiko", "Hoshino", "trade envoy"),
    ("Daniel", "Osei", "spokesman for the ministry"),
    ("Lucia", "Ferrante", "senior negotiator"),
    ("Pavel", "Strand", "defence attaché"),
];
const VERBS: &[&str] = &[
    "said",
    "told reporters",
    "stressed",
    "added",
    "noted",
    "warned",
];
const PLACES: &[&str] = &[
    "Lisbon",
    "Nairobi",
    "Canberra",
    "Oslo",
    "Montevideo",
    "Hanoi",
];
const TOPICS: &[&str] = &[
    "the grain corridor",
    "export controls",
    "the border commission",
    "visa rules",
    "the fisheries accord",
    "sanctions relief",
];
const CLAUSES: &[&str] = &[
    "we have made steady progress on the technical questions",
    "nobody expects a breakthrough before the summer",
    "the door remains open for further consultations",
    "our partners know exactly where we stand",
    "the next round will take place in the autumn",
    "this is a matter for both parliaments to decide",
    "the figures will be published once they are checked",
];

/// A small deterministic generator (xorshift) so the text is the same every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as usize
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.next() % items.len()]
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// A synthetic interview of at least `min_bytes` bytes.
pub fn interview(min_bytes: usize) -> String {
    let mut r = Rng(0x2545_f491_4f6c_dd1d);
    let mut s = String::with_capacity(min_bytes + 4096);
    s.push_str("Envoys Report Slow Progress in Harbour Talks\n\n");
    s.push_str("By a staff correspondent\nPublished 3 March 2025\n\n");
    let mut section = 0usize;
    while s.len() < min_bytes {
        section += 1;
        let topic = r.pick(TOPICS);
        if section.is_multiple_of(4) {
            // A transcript-style section of labelled turns.
            s.push_str(&format!("Briefing on {topic}, part {section}\n\n"));
            let (_, last, _) = r.pick(NAMES);
            for _ in 0..12 {
                s.push_str(&format!(
                    "QUESTION: What is the latest on {topic} after the meeting in {}?\n\n",
                    r.pick(PLACES)
                ));
                s.push_str(&format!(
                    "MR. {}: Thank you. {}. {}, and I would add that {}.\n\n",
                    last.to_uppercase(),
                    capitalise(r.pick(CLAUSES)),
                    capitalise(r.pick(CLAUSES)),
                    r.pick(CLAUSES)
                ));
            }
            continue;
        }
        s.push_str(&format!("Talks on {topic}, round {section}\n\n"));
        for _ in 0..8 {
            let (first, last, role) = r.pick(NAMES);
            let verb = r.pick(VERBS);
            match r.next() % 4 {
                0 => s.push_str(&format!(
                    "\u{201c}{},\u{201d} {first} {last}, the {role}, {verb} in {}. \u{201c}{}.\u{201d}\n\n",
                    capitalise(r.pick(CLAUSES)),
                    r.pick(PLACES),
                    capitalise(r.pick(CLAUSES))
                )),
                1 => s.push_str(&format!(
                    "{last} {verb} that {} and called the latest offer \u{201c}{}\u{201d} on {topic}.\n\n",
                    r.pick(CLAUSES),
                    r.pick(CLAUSES)
                )),
                2 => s.push_str(&format!(
                    "Officials in {} described the mood as \u{201c}cautious.\u{201d} \"{},\" the {role} {verb}, \"but {}.\"\n\n",
                    r.pick(PLACES),
                    capitalise(r.pick(CLAUSES)),
                    r.pick(CLAUSES)
                )),
                _ => s.push_str(&format!(
                    "The {role} met counterparts from {} on Tuesday. \u{201c}{},\u{201d} {} {verb}.\n\n",
                    r.pick(PLACES),
                    capitalise(r.pick(CLAUSES)),
                    if r.next().is_multiple_of(2) { "he" } else { "she" }
                )),
            }
        }
    }
    s
}

fn bench(c: &mut Criterion) {
    let text = interview(10 * 1024 * 1024);
    // ATTACHE_BENCH_DUMP=path writes the text out, e.g. to profile the binary on it.
    if let Some(path) = std::env::var_os("ATTACHE_BENCH_DUMP") {
        std::fs::write(&path, &text).expect("the dump file can be written");
    }
    let opts = Options::default();
    let one_thread = Options {
        one_thread: true,
        ..Options::default()
    };
    let mut g = c.benchmark_group("annotate");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(20));
    // All cores: what `attache` does (two threads from 256 KiB up).
    g.bench_function("synthetic interview 10 MB", |b| {
        b.iter(|| annotate(black_box(&text), &opts))
    });
    // One core: the same document, every stage on the calling thread.
    g.bench_function("synthetic interview 10 MB, one thread", |b| {
        b.iter(|| annotate(black_box(&text), &one_thread))
    });
    g.finish();

    // Opening a saved document must be cheaper than annotating its text again
    // (the README's target: at most half the time).
    let doc = annotate(&text, &opts);
    let json = to_json(&doc);
    let mut g = c.benchmark_group("open");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(20));
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("text 10 MB (annotate)", |b| {
        b.iter(|| annotate(black_box(&text), &opts))
    });
    g.bench_function("saved JSON of the same text (parse + validate)", |b| {
        b.iter(|| from_json(black_box(&json), "bench.json").expect("the bench document loads"))
    });
    g.finish();
}

/// Each stage of the pipeline on its own, on one thread, from the results of
/// the stages before it (made once, outside the timing): where the time of
/// an annotation goes, in the same MiB/s as the whole (the inverse rates add
/// up to about the one-thread figure; the merge of the lists is the rest).
fn stages(c: &mut Criterion) {
    use attache::annotate::{attribution, entities, quotes, segment, topics, transcript};
    let text = interview(10 * 1024 * 1024);
    let lexicon = topics::TopicLexicon::bundled();
    let mut structure = segment::segment(&text);
    let found = transcript::find_turns(&text, &structure);
    let turns = found.turns;
    let plain = structure.clone();
    transcript::apply_structure_edit(&mut structure, found.edit);
    let raw = quotes::find_quotes(&text, &structure.blocks);
    let (attributed, _) = attribution::attribute_both(&text, &structure, &turns, &raw, false);

    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(10));
    g.bench_function("1 segment", |b| {
        b.iter(|| segment::segment(black_box(&text)))
    });
    g.bench_function("2 transcript turns", |b| {
        b.iter(|| transcript::find_turns(black_box(&text), &plain))
    });
    g.bench_function("3 quotation marks", |b| {
        b.iter(|| quotes::find_quotes(black_box(&text), &structure.blocks))
    });
    g.bench_function("4 attribution, direct and reported", |b| {
        b.iter(|| attribution::attribute_both(black_box(&text), &structure, &turns, &raw, false))
    });
    g.bench_function("5 entities", |b| {
        b.iter(|| entities::find_entities(black_box(&text), &structure, &attributed.speakers))
    });
    g.bench_function("6 topics", |b| {
        b.iter(|| topics::assign_topics(black_box(&text), &structure, &attributed.quotes, &lexicon))
    });
    g.finish();
}

criterion_group!(benches, bench, stages);
criterion_main!(benches);
