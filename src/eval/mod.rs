//! Evaluation against gold annotations: PolNeAR brat standoff and transcript turns.
//!
//! `attache eval` measures the annotator the way the project's reference
//! scorer (`score_quotes.py`) does, so that numbers can be reproduced without
//! Python and checked in tests. All offsets are Unicode code points, like brat's.
//!
//! # The metric (README text)
//!
//! **News (`attache eval DIR`)**, for a folder in PolNeAR's brat layout
//! (`text/<article>.txt`, `attributions/<article>_<annotator>.ann`):
//!
//! - *Gold*: when an article has several annotators, only the first by sorted
//!   annotator id is used. Every attribution's `Content*` spans are its
//!   content; each span is trimmed of whitespace, quote marks and trailing
//!   punctuation, and pieces separated only by such characters are merged.
//!   A content is a *direct quote* when its text begins with an opening mark
//!   (“ " '' ‘ `` „ «) and, ignoring trailing `.,;:`, ends with a closing mark.
//! - *Predictions*: every quote the annotator finds, of kind direct or partial
//!   (never `term`), transcript turns included, trimmed the same way; a partial
//!   quote that lies inside a reported clause with the same speaker or the same
//!   attributing words (`X said the plan was “a disaster”`) is not a prediction
//!   of its own: it is one attribution with that clause, whose content PolNeAR
//!   marks as the whole clause, and the clause is scored with reported speech.
//! - *Overlap* of a prediction P and a gold content G: |P ∩ G| / min(|P|, |G|).
//! - *Precision* at a threshold t (0.3 and 0.8): share of predictions whose
//!   overlap with some gold content (direct or reported) is at least t.
//!   *Recall*: predictions and gold direct quotes are paired one to one, greedily,
//!   best overlap first (ties: tighter Jaccard fit); recall is the share of gold
//!   direct quotes paired. *Exact*: a prediction's trimmed span equals a gold
//!   piece; a gold quote is exactly found when all its pieces are.
//! - *Speaker accuracy* (over paired gold direct quotes that have a Source):
//!   right when the predicted mention overlaps the gold Source span, or, when
//!   the Source is not a pronoun, when the predicted speaker or mention shares a
//!   capitalised word of three letters or more (not a title or function word)
//!   with the head of the Source (before a comma, parenthesis, dash or
//!   who/which clause; possessives skipped). *attr_R* = paired quotes with the
//!   right speaker / all gold direct quotes with a Source.
//! - Reported overall and per publisher (the article name before its first `_`).
//! - *Reported speech* (quotes of kind `reported`) is scored apart, as the
//!   reference scorer does with `--scope indirect --overlap-base union
//!   --thresholds 0.5`: the recall set is the gold contents that are not
//!   direct quotes, and the overlap is the Jaccard overlap |P ∩ G| / |P ∪ G|
//!   (a span that runs past the clause is as wrong as one that stops short);
//!   precision, pairing and speaker accuracy otherwise as above, at J ≥ 0.5
//!   and exact. Reported speech never counts among the direct-quote predictions.
//!
//! **Transcripts (`attache eval --turns DIR`)**, for `DIR/<name>.txt` with
//! `DIR/gold/<name>.json` (a list of `{start, speaker, aliases?, nonverbal?}`):
//! a gold turn (stage-direction-only turns left out) is *found* when a
//! prediction starts on its line, at most 3 characters after its first word
//! (a leading `(As interpreted.)` may be skipped), and covers its first 20
//! characters (or up to the end of the line); predictions are used once,
//! nearest start first. It is *right* when the speaker names agree after
//! dropping case, accents, punctuation, parentheses and titles; `Q`, `Question`
//! and `Reporter` are one name, and equal surnames agree.

mod polnear;
mod text;
mod turns;

use std::fmt::Write as _;
use std::path::Path;

use serde_json::{Value, json};

use crate::annotate::{Options, annotate};
use crate::error::{Error, Result};
use crate::format::listing::quote_rows;
use crate::model::QuoteKind;
use text::{Locator, Placed, PredItem};

/// What an evaluation gives: the report as text, every miss as text, and the
/// summary as JSON. Printing them is the command's job (`cli::commands::eval`).
#[derive(Debug, Clone)]
pub struct Evaluation {
    /// The human-readable report (tables).
    pub report: String,
    /// Every miss, one line each (for `--dump`).
    pub dump: String,
    /// The machine-readable summary (for `--json`).
    pub summary: Value,
}

/// Score the annotator on the gold folder `dir`: PolNeAR's brat layout, or
/// with `turns` a transcripts folder with `gold/`.
pub fn evaluate(dir: &Path, turns: bool) -> Result<Evaluation> {
    if !dir.is_dir() {
        return Err(Error::input(format!(
            "{}: no such folder (eval needs a gold folder)",
            crate::model::text::visible_path(dir)
        )));
    }
    let (report, dump, summary) = if turns {
        eval_turns(dir)?
    } else {
        eval_polnear(dir)?
    };
    Ok(Evaluation {
        report,
        dump,
        summary,
    })
}

/// Read a UTF-8 file as the reference scorer does (universal newlines): a
/// regular file within the document size limit, so that a device or an
/// endless file among the gold is refused rather than read forever.
fn read_text(path: &Path) -> Result<String> {
    let shown = crate::model::text::visible_path(path);
    let bytes = crate::files::read_limited(
        path,
        crate::files::Accept::Regular,
        crate::files::DOCUMENT_LIMIT,
        "a corpus file",
    )
    .map_err(|e| Error::input(format!("{shown}: {e}")))?;
    let s = crate::load::decode_owned(bytes, &shown)?;
    Ok(if s.contains('\r') {
        s.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        s
    })
}

/// File names in a folder.
fn list_dir(dir: &Path) -> Result<Vec<String>> {
    let shown = || crate::model::text::visible_path(dir);
    let rd = std::fs::read_dir(dir).map_err(|e| Error::input(format!("{}: {e}", shown())))?;
    let mut out = Vec::new();
    for e in rd {
        let e = e.map_err(|e| Error::input(format!("{}: {e}", shown())))?;
        out.push(e.file_name().to_string_lossy().into_owned());
    }
    out.sort();
    Ok(out)
}

/// `num / den`, or null when `den` is 0.
fn ratio(num: usize, den: usize) -> Option<f64> {
    (den > 0).then(|| num as f64 / den as f64)
}

/// The annotator's predictions for a text: direct and partial quotes (turns
/// included), with code-point offsets into `text` as read.
fn predictions(text: &str) -> Vec<PredItem> {
    predictions_by_kind(text).0
}

/// The annotator's predictions for a text, quotes (direct and partial, turns
/// included) apart from reported speech, with code-point offsets into `text`
/// as read: each set is scored as its own prediction folder would be.
fn predictions_by_kind(text: &str) -> (Vec<PredItem>, Vec<PredItem>) {
    let doc = annotate(text, &Options::default());
    // The annotator drops a BOM; the gold counts it.
    let shift = usize::from(text.starts_with('\u{feff}'));
    let rows = quote_rows(&doc);
    // A partial quote inside its reported clause is scored with the clause.
    let folded = doc.partials_in_reported();
    let (mut quoted, mut reported) = (Vec::new(), Vec::new());
    for (i, r) in rows.into_iter().enumerate() {
        let to = match r.kind {
            QuoteKind::Term => continue,
            QuoteKind::Reported => &mut reported,
            QuoteKind::Partial if folded[i] => continue,
            QuoteKind::Direct | QuoteKind::Partial => &mut quoted,
        };
        to.push(PredItem {
            text: r.text,
            start: Some(r.start + shift),
            speaker: r.speaker,
            mention: r
                .mention
                .map(|m| (m.text, Some(m.start + shift), Some(m.end + shift))),
        });
    }
    (quoted, reported)
}

fn place_all(chars: &[char], items: Vec<PredItem>) -> Vec<Placed> {
    let mut loc = Locator::new(chars);
    items.into_iter().map(|it| loc.place(it)).collect()
}

/// A JSON number as text (JSON values ignore width in `format!`).
fn num(v: &Value) -> String {
    v.to_string()
}

fn fmt3(v: &Value) -> String {
    v.as_f64()
        .map_or_else(|| "     -".into(), |x| format!("{x:>6.3}"))
}

fn eval_polnear(dir: &Path) -> Result<(String, String, Value)> {
    let gold = polnear::load_gold(dir)?;
    let mut scores = Vec::with_capacity(gold.len());
    let mut dump = String::new();
    let mut reported = Vec::with_capacity(gold.len());
    for art in &gold {
        let (quoted, said) = predictions_by_kind(&art.text);
        let preds = place_all(&art.chars, quoted);
        let s = polnear::score_article(&art.attributions, &preds);
        let said = place_all(&art.chars, said);
        reported.push(polnear::score_with(
            &art.attributions,
            &said,
            &polnear::REPORTED,
        ));
        dump.push_str(&polnear::dump_article(
            &art.name,
            &art.attributions,
            &preds,
            &s,
        ));
        scores.push((art.name.clone(), s));
    }
    let all: Vec<&polnear::ArticleScore> = scores.iter().map(|(_, s)| s).collect();
    let overall = polnear::aggregate(&all);
    let mut pubs: std::collections::BTreeMap<String, Vec<&polnear::ArticleScore>> =
        Default::default();
    for (name, s) in &scores {
        let publisher = name.split('_').next().unwrap_or(name).to_string();
        pubs.entry(publisher).or_default().push(s);
    }
    let per_pub: serde_json::Map<String, Value> = pubs
        .iter()
        .map(|(p, v)| (p.clone(), polnear::aggregate(v)))
        .collect();
    let multi: serde_json::Map<String, Value> = gold
        .iter()
        .filter(|a| a.annotators.len() > 1)
        .map(|a| {
            (
                a.name.clone(),
                json!({"annotators": a.annotators, "used": a.annotator}),
            )
        })
        .collect();
    let summary = json!({
        "mode": "polnear",
        "gold": dir.display().to_string(),
        "thresholds": polnear::THRESHOLDS,
        "overlap_base": "shorter",
        "annotator_policy": "first annotator by sorted id when an article has several",
        "multi_annotator_articles": multi,
        "articles_without_annotation": gold.iter().filter(|a| a.annotator.is_none()).map(|a| a.name.clone()).collect::<Vec<_>>(),
        "overall": overall,
        "per_publisher": per_pub,
        "reported": reported_summary(&reported),
    });

    let several = gold.iter().filter(|a| a.annotators.len() > 1).count();
    let r = polnear_report(dir, several, &summary);
    Ok((r, dump, summary))
}

/// The PolNeAR report as text from its `summary`: totals, the levels table
/// and one row per publisher; `several` articles had several annotators.
fn polnear_report(dir: &Path, several: usize, summary: &Value) -> String {
    let mut r = String::new();
    let o = &summary["overall"];
    let _ = writeln!(r, "PolNeAR quote scoring: {}", dir.display());
    let _ = writeln!(
        r,
        "  articles: {} ({} with several annotators: the first by sorted id is used)",
        num(&o["articles"]),
        several
    );
    let _ = writeln!(
        r,
        "  gold attributions: {}, direct quotes: {} (with a source: {}, pronoun source: {})",
        num(&o["n_gold_attributions"]),
        num(&o["n_gold_direct"]),
        num(&o["n_gold_direct_with_source"]),
        num(&o["n_gold_direct_pronoun_source"])
    );
    let _ = writeln!(
        r,
        "  predictions: {} (unlocated: {}, duplicates: {})\n",
        num(&o["n_pred"]),
        num(&o["n_unlocated"]),
        num(&o["n_duplicate"])
    );
    let _ = writeln!(
        r,
        "  {:<9}{:>7}{:>7}{:>7}   {:>7}{:>7}   {:>8}{:>7}{:>8}",
        "level", "P", "R", "F1", "TPpred", "TPgold", "spk_acc", "spk_n", "attr_R"
    );
    let levels = ["0.3", "0.8", "exact"];
    for lv in levels {
        let m = &o["levels"][lv];
        let name = if lv == "exact" {
            "exact".to_string()
        } else {
            format!(">={lv}")
        };
        let _ = writeln!(
            r,
            "  {:<9} {} {} {}   {:>7}{:>7}   {:>8}{:>7}{:>8}",
            name,
            fmt3(&m["precision"]),
            fmt3(&m["recall"]),
            fmt3(&m["f1"]),
            num(&m["tp_pred"]),
            num(&m["tp_gold"]),
            fmt3(&m["speaker_accuracy"]).trim(),
            num(&m["speaker_total"]),
            fmt3(&m["attributed_recall"]).trim()
        );
    }
    let _ = writeln!(
        r,
        "  (P over all predictions vs any gold content; R over gold direct quotes, one to one;\n   spk_acc over paired direct quotes with a gold source; attr_R = right speaker / direct quotes with a source)\n"
    );
    write_reported(&mut r, &summary["reported"]);
    let _ = writeln!(
        r,
        "  {:<14}{:>5}{:>7}{:>6}{:>8}{:>8}{:>8}{:>9}{:>8}{:>8}",
        "publisher",
        "arts",
        "direct",
        "pred",
        "P@0.3",
        "R@0.3",
        "F1@0.3",
        "spk@0.3",
        "F1@0.8",
        "attr_R"
    );
    for (p, a) in &per_pub_sorted(summary) {
        let l = &a["levels"];
        let _ = writeln!(
            r,
            "  {:<14}{:>5}{:>7}{:>6}  {}  {}  {}   {}  {}  {}",
            p,
            num(&a["articles"]),
            num(&a["n_gold_direct"]),
            num(&a["n_pred"]),
            fmt3(&l["0.3"]["precision"]),
            fmt3(&l["0.3"]["recall"]),
            fmt3(&l["0.3"]["f1"]),
            fmt3(&l["0.3"]["speaker_accuracy"]),
            fmt3(&l["0.8"]["f1"]),
            fmt3(&l["0.3"]["attributed_recall"]),
        );
    }
    r
}

/// The reported-speech scores: recall over the gold contents that are not
/// direct quotes, Jaccard overlap (`score_quotes.py polnear --scope indirect
/// --overlap-base union --thresholds 0.5` on the `reported` predictions).
fn reported_summary(scores: &[polnear::ArticleScore]) -> Value {
    let all: Vec<&polnear::ArticleScore> = scores.iter().collect();
    json!({
        "scope": "indirect",
        "overlap_base": "union",
        "thresholds": polnear::REPORTED.thresholds,
        "overall": polnear::aggregate(&all),
    })
}

/// The reported-speech lines of the report.
fn write_reported(r: &mut String, rep: &Value) {
    let o = &rep["overall"];
    let _ = writeln!(
        r,
        "  Reported speech: {} predictions; recall over {} gold contents that are not direct quotes",
        num(&o["n_pred"]),
        num(&o["n_gold_direct"]),
    );
    for lv in ["0.5", "exact"] {
        let m = &o["levels"][lv];
        let name = if lv == "exact" {
            "exact".to_string()
        } else {
            format!("J>={lv}")
        };
        let _ = writeln!(
            r,
            "  {:<9} {} {} {}   {:>7}{:>7}   {:>8}{:>7}{:>8}",
            name,
            fmt3(&m["precision"]),
            fmt3(&m["recall"]),
            fmt3(&m["f1"]),
            num(&m["tp_pred"]),
            num(&m["tp_gold"]),
            fmt3(&m["speaker_accuracy"]).trim(),
            num(&m["speaker_total"]),
            fmt3(&m["attributed_recall"]).trim()
        );
    }
    let _ = writeln!(
        r,
        "  (J: Jaccard overlap |P∩G|/|P∪G| with a gold content, as score_quotes.py --scope indirect --overlap-base union)\n"
    );
}

fn per_pub_sorted(summary: &Value) -> Vec<(String, Value)> {
    summary["per_publisher"]
        .as_object()
        .map(|m| m.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
        .unwrap_or_default()
}

fn eval_turns(dir: &Path) -> Result<(String, String, Value)> {
    let gold_dir = dir.join("gold");
    if !gold_dir.is_dir() {
        return Err(Error::input(format!(
            "{}: not a transcripts folder: {} is missing",
            dir.display(),
            gold_dir.display()
        )));
    }
    let stems: Vec<String> = list_dir(&gold_dir)?
        .into_iter()
        .filter_map(|f| f.strip_suffix(".json").map(str::to_string))
        .collect();
    if stems.is_empty() {
        return Err(Error::input(format!(
            "{}: no gold .json files",
            gold_dir.display()
        )));
    }
    let mut files = serde_json::Map::new();
    let mut report = String::new();
    let mut dump = String::new();
    let (mut n, mut found, mut correct, mut n_pred, mut inside, mut agree) = (0, 0, 0, 0, 0, 0);
    let _ = writeln!(report, "Transcript turn scoring: {}", dir.display());
    let _ = writeln!(
        report,
        "  {:<44}{:>6}{:>7}{:>9}{:>8}{:>9}",
        "file", "turns", "found", "correct", "recall", "end2end"
    );
    for stem in &stems {
        let gold = turns::load_gold(&gold_dir.join(format!("{stem}.json")))?;
        let text_path = dir.join(format!("{stem}.txt"));
        if !text_path.is_file() {
            return Err(Error::input(format!(
                "{}: missing: the transcript for gold/{stem}.json",
                text_path.display()
            )));
        }
        let text = read_text(&text_path)?;
        let chars: Vec<char> = text.chars().collect();
        let preds = place_all(&chars, predictions(&text));
        let s = turns::score(&chars, &gold, &preds);
        for row in s.rows.iter().filter(|r| !r.correct) {
            let line = chars[..row.start.min(chars.len())]
                .iter()
                .filter(|&&c| c == '\n')
                .count()
                + 1;
            let preview: String = chars
                .iter()
                .skip(row.start)
                .take(60)
                .collect::<String>()
                .replace('\n', " ");
            let _ = writeln!(
                dump,
                "{stem}:{line}\t{}\tgold: {}\tpred: {}\t{preview}",
                if row.found { "SPEAKER" } else { "MISS" },
                row.speaker,
                row.pred_speaker.as_deref().unwrap_or("-"),
            );
        }
        let _ = writeln!(
            report,
            "  {:<44}{:>6}{:>7}{:>9}  {}   {}",
            truncate(stem, 43),
            s.n_gold,
            s.found,
            s.correct,
            fmt3(&json!(ratio(s.found, s.n_gold))),
            fmt3(&json!(ratio(s.correct, s.n_gold))),
        );
        n += s.n_gold;
        found += s.found;
        correct += s.correct;
        n_pred += s.n_pred;
        inside += s.inside;
        agree += s.agree;
        files.insert(stem.clone(), s.to_json());
    }
    let _ = writeln!(
        report,
        "  {:<44}{:>6}{:>7}{:>9}  {}   {}",
        "overall",
        n,
        found,
        correct,
        fmt3(&json!(ratio(found, n))),
        fmt3(&json!(ratio(correct, n))),
    );
    let _ = writeln!(
        report,
        "  (found: a prediction starts on the turn's line and covers its first 20 characters;\n   correct: found with the right speaker; end2end = correct / turns)"
    );
    let summary = json!({
        "mode": "turns",
        "gold": gold_dir.display().to_string(),
        "files": files,
        "overall": {
            "n_gold_turns": n,
            "n_pred": n_pred,
            "found": found,
            "turn_recall": ratio(found, n),
            "speaker_correct": correct,
            "speaker_accuracy": ratio(correct, found),
            "end_to_end": ratio(correct, n),
            "item_speaker_agreement": ratio(agree, inside),
        }
    });
    Ok((report, dump, summary))
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n - 1).collect::<String>() + "…"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_partial_quote_in_its_speakers_reported_clause_is_scored_with_it() {
        let text = "Local News Report\n\n\
            Mayor Tom Okafor said the new pier “is a gift to the whole town.”\n\n\
            The pier “is far too costly for the town,” said Lena Marsh.\n\n\
            Lena Marsh said, “The pier will not pay for itself.”\n";
        let (quoted, reported) = predictions_by_kind(text);
        let words: Vec<&str> = quoted.iter().map(|p| p.text.as_str()).collect();
        // The first two fragments lie in their speakers' reported clauses.
        assert_eq!(
            words,
            ["The pier will not pay for itself."],
            "{reported:#?}"
        );
        assert_eq!(reported.len(), 2, "{reported:#?}");
    }
}
