//! Transcript turn metrics: gold turns found, and found with the right speaker.

use crate::annotate::lexicon::{TITLES_LOWER, tagged_entries};
use std::path::Path;
use std::sync::LazyLock;

use serde_json::{Value, json};

use super::ratio;
use super::text::{Placed, fold_accents, is_py_space};
use crate::error::{Error, Result};

/// Titles dropped when comparing speaker names.
static TURN_TITLES: LazyLock<Vec<&str>> =
    LazyLock::new(|| tagged_entries(&TITLES_LOWER, "eval").collect());
/// Ways transcripts name an unnamed questioner.
const QUESTION_WORDS: &[&str] = &["q", "question", "questions", "reporter", "journalist"];

/// Characters a predicted turn must cover from the turn's first word.
const COVER: usize = 20;
/// How far after the turn's first word a prediction may start.
const SLACK: usize = 3;

/// One gold turn.
#[derive(Debug, Clone)]
pub struct GoldTurn {
    /// Code-point offset of the turn's first character after its label.
    pub start: usize,
    /// Canonical speaker name.
    pub speaker: String,
    /// Other accepted names.
    pub aliases: Vec<String>,
    /// Only a stage direction: not scored.
    pub nonverbal: bool,
}

/// Read a gold turns file: a JSON list (or an object with a `turns` list).
pub fn load_gold(path: &Path) -> Result<Vec<GoldTurn>> {
    let src = super::read_text(path)?;
    let bad = |why: String| Error::input(format!("{}: {why}", path.display()));
    let v: Value = serde_json::from_str(&src).map_err(|e| bad(format!("not valid JSON: {e}")))?;
    let list = match &v {
        Value::Array(a) => a.clone(),
        Value::Object(o) => match o.get("turns") {
            Some(Value::Array(a)) => a.clone(),
            _ => {
                return Err(bad(
                    "expected a JSON list of turns or an object with \"turns\"".into(),
                ));
            }
        },
        _ => return Err(bad("expected a JSON list of turns".into())),
    };
    let mut out = Vec::with_capacity(list.len());
    for (i, t) in list.iter().enumerate() {
        let start = t.get("start").and_then(Value::as_u64).ok_or_else(|| {
            bad(format!(
                "turn {i}: \"start\" is missing or not a non-negative integer"
            ))
        })?;
        let speaker = t
            .get("speaker")
            .and_then(Value::as_str)
            .ok_or_else(|| bad(format!("turn {i}: \"speaker\" is missing or not a string")))?;
        let aliases = t
            .get("aliases")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        out.push(GoldTurn {
            start: start as usize,
            speaker: speaker.to_string(),
            aliases,
            nonverbal: t.get("nonverbal").and_then(Value::as_bool).unwrap_or(false),
        });
    }
    out.sort_by_key(|g| g.start);
    Ok(out)
}

/// Lower-case, accent-free tokens of a name with titles dropped.
pub fn norm_name_tokens(name: &str) -> Vec<String> {
    let mut s = String::with_capacity(name.len());
    for c in name.chars() {
        if ('\u{300}'..='\u{36f}').contains(&c) {
            continue;
        }
        match fold_accents(c) {
            "" => s.extend(c.to_lowercase()),
            f => s.push_str(&f.to_lowercase()),
        }
    }
    // Drop parentheses ("(retranslated)") and apostrophes.
    let mut t = String::with_capacity(s.len());
    let mut rest = s.as_str();
    while let Some(open) = rest.find('(') {
        match rest[open..].find(')') {
            Some(close) => {
                t.push_str(&rest[..open]);
                t.push(' ');
                rest = &rest[open + close + 1..];
            }
            None => break,
        }
    }
    t.push_str(rest);
    let t = t.replace(['’', '\''], "");
    let toks: Vec<String> = t
        .split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    if toks.iter().any(|w| QUESTION_WORDS.contains(&w.as_str())) && toks.len() <= 2 {
        return vec!["question".into()];
    }
    let mut kept: Vec<String> = toks
        .iter()
        .filter(|w| !TURN_TITLES.contains(&w.as_str()))
        .cloned()
        .collect();
    while kept.len() > 2 && kept[0] == "of" {
        kept.drain(..2);
    }
    if kept.is_empty() { toks } else { kept }
}

/// Speaker names equal after normalisation, or the same surname.
pub fn names_match(pred: Option<&str>, gold: &str, aliases: &[String]) -> bool {
    let Some(pred) = pred else { return false };
    let p = norm_name_tokens(pred);
    let Some(pl) = p.last() else { return false };
    std::iter::once(gold)
        .chain(aliases.iter().map(String::as_str))
        .any(|g| {
            let g = norm_name_tokens(g);
            !g.is_empty() && (p == g || g.last() == Some(pl))
        })
}

/// Skip leading parenthetical notes ("(As interpreted.)") when words follow on the line.
fn leading_note_end(text: &[char], start: usize) -> usize {
    let line_end = find_nl(text, start);
    let mut pos = start;
    loop {
        if pos >= line_end || text[pos] != '(' {
            break;
        }
        let mut k = pos + 1;
        let mut n = 0;
        while k < line_end && text[k] != ')' && text[k] != '\n' && n < 60 {
            k += 1;
            n += 1;
        }
        if k >= line_end || text[k] != ')' {
            break;
        }
        k += 1;
        while k < line_end && is_py_space(text[k]) {
            k += 1;
        }
        pos = k;
    }
    if pos < line_end { pos } else { start }
}

fn find_nl(text: &[char], from: usize) -> usize {
    let from = from.min(text.len());
    text[from..]
        .iter()
        .position(|&c| c == '\n')
        .map_or(text.len(), |p| from + p)
}

fn line_start_of(text: &[char], pos: usize) -> usize {
    let pos = pos.min(text.len());
    text[..pos]
        .iter()
        .rposition(|&c| c == '\n')
        .map_or(0, |p| p + 1)
}

/// Per-turn outcome, for `--dump`.
#[derive(Debug, Clone)]
pub struct TurnRow {
    /// Gold start.
    pub start: usize,
    /// Gold speaker.
    pub speaker: String,
    /// Found.
    pub found: bool,
    /// Found with the right speaker.
    pub correct: bool,
    /// The predicted speaker, when found.
    pub pred_speaker: Option<String>,
}

/// Scores of one transcript.
#[derive(Debug, Clone)]
pub struct TurnScore {
    /// Scored (verbal) gold turns.
    pub n_gold: usize,
    /// Stage-direction turns left out.
    pub n_nonverbal: usize,
    /// Predictions.
    pub n_pred: usize,
    /// Unlocated predictions.
    pub n_unlocated: usize,
    /// Gold turns found.
    pub found: usize,
    /// Found turns with the right speaker.
    pub correct: usize,
    /// Located items that start inside some turn.
    pub inside: usize,
    /// Of those, items whose speaker is the turn's.
    pub agree: usize,
    /// Located items before the first turn.
    pub outside: usize,
    /// Per gold turn.
    pub rows: Vec<TurnRow>,
}

impl TurnScore {
    /// The scores as JSON.
    pub fn to_json(&self) -> Value {
        json!({
            "n_gold_turns": self.n_gold,
            "n_nonverbal_turns_skipped": self.n_nonverbal,
            "n_pred": self.n_pred,
            "n_unlocated": self.n_unlocated,
            "found": self.found,
            "turn_recall": ratio(self.found, self.n_gold),
            "speaker_correct": self.correct,
            "speaker_accuracy": ratio(self.correct, self.found),
            "end_to_end": ratio(self.correct, self.n_gold),
            "items_inside_turns": self.inside,
            "items_before_first_turn": self.outside,
            "item_speaker_agreement": ratio(self.agree, self.inside),
        })
    }
}

/// Score placed predictions against the gold turns of one transcript.
pub fn score(text: &[char], all_gold: &[GoldTurn], preds: &[Placed]) -> TurnScore {
    let gold: Vec<&GoldTurn> = all_gold.iter().filter(|g| !g.nonverbal).collect();
    let located: Vec<(usize, (usize, usize))> = preds
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.span.map(|s| (i, s)))
        .collect();
    let mut used = vec![false; preds.len()];
    let mut rows = Vec::with_capacity(gold.len());
    for g in &gold {
        let line_start = line_start_of(text, g.start);
        let eff = leading_note_end(text, g.start);
        let line_end = find_nl(text, eff);
        let need_end = (eff + COVER).min(line_end);
        let mut best: Option<(usize, usize)> = None;
        for &(i, (ps, pe)) in &located {
            if used[i] || !(line_start <= ps && ps <= eff + SLACK) || pe < need_end {
                continue;
            }
            if best.is_none_or(|(_, bs)| ps.abs_diff(eff) < bs.abs_diff(eff)) {
                best = Some((i, ps));
            }
        }
        let mut correct = false;
        if let Some((i, _)) = best {
            used[i] = true;
            correct = names_match(preds[i].speaker.as_deref(), &g.speaker, &g.aliases);
        }
        rows.push(TurnRow {
            start: g.start,
            speaker: g.speaker.clone(),
            found: best.is_some(),
            correct,
            pred_speaker: best.and_then(|(i, _)| preds[i].speaker.clone()),
        });
    }
    let line_starts: Vec<usize> = all_gold
        .iter()
        .map(|g| line_start_of(text, g.start))
        .collect();
    let (mut inside, mut agree, mut outside) = (0, 0, 0);
    for &(i, (ps, _)) in &located {
        let k = line_starts.partition_point(|&l| l <= ps);
        if k == 0 {
            outside += 1;
            continue;
        }
        inside += 1;
        let g = &all_gold[k - 1];
        agree += usize::from(names_match(
            preds[i].speaker.as_deref(),
            &g.speaker,
            &g.aliases,
        ));
    }
    TurnScore {
        n_gold: gold.len(),
        n_nonverbal: all_gold.len() - gold.len(),
        n_pred: preds.len(),
        n_unlocated: preds
            .iter()
            .filter(|p| p.status == super::text::Status::Unlocated)
            .count(),
        found: rows.iter().filter(|r| r.found).count(),
        correct: rows.iter().filter(|r| r.correct).count(),
        inside,
        agree,
        outside,
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_normalise_titles_questions_and_surnames() {
        assert_eq!(
            norm_name_tokens("President of Norland Arvid Stenberg"),
            ["arvid", "stenberg"]
        );
        assert_eq!(norm_name_tokens("Question (retranslated)"), ["question"]);
        assert!(names_match(Some("Stenberg"), "Arvid Stenberg", &[]));
        assert!(names_match(Some("Q"), "Question", &[]));
        assert!(names_match(Some("José Núñez"), "Jose Nunez", &[]));
        assert!(!names_match(Some("Rosa Delacroix"), "Arvid Stenberg", &[]));
        assert!(!names_match(None, "Arvid Stenberg", &[]));
    }

    #[test]
    fn notes_are_skipped_only_before_words() {
        let t: Vec<char> = "(As interpreted.)  Hello there\n(Laughter.)\n"
            .chars()
            .collect();
        assert_eq!(leading_note_end(&t, 0), 19);
        assert_eq!(leading_note_end(&t, 31), 31);
    }
}
