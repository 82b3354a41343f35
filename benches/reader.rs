//! Reader benchmarks: opening a 10 MB generated transcript to its first frame,
//! and a key press plus a frame at its start and at its end, next to the same
//! for a 10 KB document. Run with `cargo bench --bench reader`.

use std::hint::black_box;

use attache::app::keymap::{Key, KeyCode, Keymap};
use attache::app::{Action, Settings, State, update};
use attache::model::Document;
use attache::theme::Styles;
use attache::ui::draw::draw;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

const COLS: u16 = 120;
const ROWS: u16 = 40;

/// A transcript of about `bytes` bytes: numbered parts, labelled turns, quotes.
fn transcript(bytes: usize) -> String {
    const LABELS: [&str; 4] = ["MODERATOR", "MR. ALDEN", "MS. VARGA", "QUESTION"];
    const WORDS: [&str; 16] = [
        "the",
        "talks",
        "on",
        "trade",
        "and",
        "security",
        "will",
        "continue",
        "next",
        "week",
        "while",
        "delegations",
        "review",
        "draft",
        "annex",
        "fisheries",
    ];
    let mut seed: u64 = 7;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    let mut s = String::from("Transcript of a long briefing\n\n");
    let mut i = 0;
    while s.len() < bytes {
        if i % 40 == 0 {
            s.push_str(&format!("Part {}\n\n", i / 40 + 1));
        } else {
            s.push_str(LABELS[next() % 4]);
            s.push_str(": ");
            let n = 20 + next() % 70;
            for w in 0..n {
                if w > 0 {
                    s.push(' ');
                }
                if w == n / 2 {
                    s.push_str("\u{201c}we agreed,\u{201d} ");
                }
                s.push_str(WORDS[next() % WORDS.len()]);
            }
            s.push_str(".\n\n");
        }
        i += 1;
    }
    s
}

fn open(doc: Document) -> State {
    State::new(doc, Settings::default(), Keymap::default(), COLS, ROWS)
}

fn frame(buf: &mut Buffer, s: &State, styles: &Styles) {
    buf.reset();
    draw(buf, s, styles);
    black_box(&buf);
}

fn bench(c: &mut Criterion) {
    let styles = Styles::fallback();
    let mut buf = Buffer::empty(Rect::new(0, 0, COLS, ROWS));
    let opts = attache::annotate::Options::default();
    for (name, bytes) in [("10KB", 10_000), ("10MB", 10_000_000)] {
        let text = transcript(bytes);
        let doc = attache::annotate::annotate(&text, &opts);
        let mut g = c.benchmark_group(format!("reader_{name}"));
        g.sample_size(10);
        g.bench_function("open_text_to_first_frame", |b| {
            b.iter(|| {
                let doc = attache::annotate::annotate(black_box(&text), &opts);
                let s = open(doc);
                frame(&mut buf, &s, &styles);
            })
        });
        g.bench_function("open_annotated_to_first_frame", |b| {
            b.iter_batched(
                || doc.clone(),
                |doc| {
                    let s = open(doc);
                    frame(&mut buf, &s, &styles);
                },
                BatchSize::LargeInput,
            )
        });
        let down = Action::Key(Key::plain(KeyCode::Down));
        let up = Action::Key(Key::plain(KeyCode::Up));
        let mut s = open(doc.clone());
        let mut flip = false;
        g.bench_function("key_and_frame_at_start", |b| {
            b.iter(|| {
                flip = !flip;
                update(&mut s, if flip { down.clone() } else { up.clone() });
                frame(&mut buf, &s, &styles);
            })
        });
        update(&mut s, Action::Key(Key::char('G')));
        g.bench_function("key_and_frame_at_end", |b| {
            b.iter(|| {
                flip = !flip;
                update(&mut s, if flip { up.clone() } else { down.clone() });
                frame(&mut buf, &s, &styles);
            })
        });
        let mut s = open(doc.clone());
        g.bench_function("next_quote_and_frame", |b| {
            b.iter(|| {
                update(&mut s, Action::Key(Key::char('n')));
                if s.message.is_some() {
                    update(&mut s, Action::Key(Key::char('g')));
                }
                frame(&mut buf, &s, &styles);
            })
        });
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
