//! Reader benchmarks: opening a 10 MB generated transcript to its first frame,
//! and a key press plus a frame at its start and at its end, next to the same
//! for a 10 KB document; the first frame of a text file of 10 KB, 10 MB and
//! 100 MB as the reader opens it (`first_frame`); a search in 100 MB to its
//! first hit on screen (`search_100MB`). Run with `cargo bench --bench
//! reader` (a group alone: `cargo bench --bench reader -- first_frame`).

use std::hint::black_box;
use std::time::{Duration, Instant};

use attache::annotate::Options;
use attache::cli::commands::read::open;

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

fn open_state(doc: Document) -> State {
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
                let s = open_state(doc);
                frame(&mut buf, &s, &styles);
            })
        });
        g.bench_function("open_annotated_to_first_frame", |b| {
            b.iter_batched(
                || doc.clone(),
                |doc| {
                    let s = open_state(doc);
                    frame(&mut buf, &s, &styles);
                },
                BatchSize::LargeInput,
            )
        });
        let down = Action::Key(Key::plain(KeyCode::Down));
        let up = Action::Key(Key::plain(KeyCode::Up));
        let mut s = open_state(doc.clone());
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
        let mut s = open_state(doc.clone());
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

/// Time to the first frame of a text file at 10 KB, 10 MB and 100 MB, as
/// the reader opens it (`open_progressive`: the head at once, the whole
/// text annotated by a worker thread, which is waited for outside the
/// timing), next to annotating the whole text first (`open_one_shot`, the
/// reader before issue 15; 10 KB and 10 MB only: at 100 MB one run takes
/// seconds).
fn bench_first_frame(c: &mut Criterion) {
    let styles = Styles::fallback();
    let mut buf = Buffer::empty(Rect::new(0, 0, COLS, ROWS));
    let dir = tempfile::tempdir().expect("temporary directory");
    let mut g = c.benchmark_group("first_frame");
    g.sample_size(10);
    for (name, bytes) in [
        ("10KB", 10_000),
        ("10MB", 10_000_000),
        ("100MB", 100_000_000),
    ] {
        let path = dir.path().join(format!("{name}.txt"));
        std::fs::write(&path, transcript(bytes)).expect("write the text");
        let path = path.to_str().expect("a UTF-8 path").to_string();
        g.bench_function(format!("open_progressive_{name}"), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let start = Instant::now();
                    let opening = open(Some(&path), Options::default()).expect("open");
                    let (s, rest) =
                        opening.split(Settings::default(), Keymap::default(), (COLS, ROWS));
                    frame(&mut buf, &s, &styles);
                    total += start.elapsed();
                    // The worker's document, outside the timing.
                    black_box(rest.wait().expect("the whole document"));
                }
                total
            })
        });
        if bytes <= 10_000_000 {
            g.bench_function(format!("open_one_shot_{name}"), |b| {
                b.iter(|| {
                    let doc = attache::load::load(Some(&path), &Options::default()).expect("load");
                    let s = open_state(doc);
                    frame(&mut buf, &s, &styles);
                })
            });
        }
    }
    g.finish();
}

/// The last key of a search typed at the top of a 100 MB transcript, to
/// its frame: `/the` (a word on every line) and `/fisheries annex` (rare),
/// the hits counted in the background as the reader does (`first_hit`),
/// next to counting them all first (`counted`, as the reader did before
/// issue 15; also what `attache render` does).
fn bench_search(c: &mut Criterion) {
    let styles = Styles::fallback();
    let mut buf = Buffer::empty(Rect::new(0, 0, COLS, ROWS));
    let text = transcript(100_000_000);
    let doc = attache::annotate::annotate(&text, &Options::default());
    drop(text);
    let mut s = open_state(doc);
    let mut g = c.benchmark_group("search_100MB");
    g.sample_size(10);
    for query in ["the", "fisheries annex"] {
        let (typed, last) = query.split_at(query.len() - 1);
        let last = Key::char(last.chars().next().expect("a last character"));
        for background in [true, false] {
            let label = if background { "first_hit" } else { "counted" };
            g.bench_function(format!("{label}_{}", query.replace(' ', "_")), |b| {
                b.iter_custom(|iters| {
                    let mut total = Duration::ZERO;
                    for _ in 0..iters {
                        s.count_in_background = background;
                        update(&mut s, Action::Key(Key::plain(KeyCode::Esc)));
                        update(&mut s, Action::Key(Key::char('g')));
                        update(&mut s, Action::Key(Key::char('/')));
                        for ch in typed.chars() {
                            update(&mut s, Action::Key(Key::char(ch)));
                        }
                        s.finish_count();
                        let start = Instant::now();
                        update(&mut s, Action::Key(last));
                        frame(&mut buf, &s, &styles);
                        total += start.elapsed();
                    }
                    total
                })
            });
        }
    }
    g.finish();
}

criterion_group!(benches, bench, bench_first_frame, bench_search);
criterion_main!(benches);
