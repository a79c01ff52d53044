//! Recognises lines that are not body text: photo credits, related links, trailing source names, comment counters.

use crate::core::lexicon::cues;
use crate::core::model::Span;
use crate::core::text::{lines, name_key, tokens, TokenKind};

/// What kind of non-body line a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoiseKind {
    /// `>> Tô Lâm s'engage …`, "Baca juga: …"
    Related,
    /// `Photo : Duong Giang/VNA/CVN`, a caption ending in `(Ảnh: TTXVN)` or `Foto: dpa`.
    Credit,
    /// A short trailing line naming the source (`Vietnam.vn`, `VNA/CVN`).
    Source,
    /// `Komentar (0)`
    Counter,
}

/// Spans of `text` (whole lines) that are not body text.
pub fn noise_lines(text: &str) -> Vec<Span> {
    classify_lines(text).into_iter().map(|(s, _)| s).collect()
}

/// Every non-body line with its kind.
pub fn classify_lines(text: &str) -> Vec<(Span, NoiseKind)> {
    let all = lines(text);
    let n = all.len();
    let mut out = Vec::new();
    for (i, &line) in all.iter().enumerate() {
        let s = line.slice(text);
        if let Some(k) = classify(s, i, n) {
            out.push((line, k));
        }
    }
    out
}

fn classify(line: &str, index: usize, count: usize) -> Option<NoiseKind> {
    let c = cues();
    let trimmed = line.trim();
    if trimmed.starts_with(">>") || trimmed.starts_with('»') || trimmed.starts_with('►') {
        return Some(NoiseKind::Related);
    }
    // The words of the line, only tokenised for the checks that need them.
    let words = || -> Vec<&str> {
        tokens(trimmed)
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.text(trimmed))
            .collect()
    };
    // "Baca juga: …", "Lire aussi : …" (a cue of one to three words, then a colon).
    if let Some(colon) = trimmed.find(':') {
        let head = name_key(&trimmed[..colon]);
        if !head.is_empty() && head.split(' ').count() <= 3 {
            if c.is("related_cue", &head) {
                return Some(NoiseKind::Related);
            }
            if c.is("credit_cue", &head) {
                return Some(NoiseKind::Credit);
            }
        }
    }
    // "Reporting by X; Editing by Y", "Texte de …" (a credit phrase opening the line, no colon).
    // The first n words' key is the key of the line up to the end of its n-th word (whitespace
    // separates words in a key as the one space of a joined phrase does).
    let base = trimmed.as_ptr() as usize;
    let mut ends = trimmed
        .split_whitespace()
        .map(|w| w.as_ptr() as usize - base + w.len());
    let (_, end2, end3) = (ends.next(), ends.next(), ends.next());
    for end in [end2, end3].into_iter().flatten() {
        if c.is("credit_cue", &name_key(&trimmed[..end])) && words().len() <= 12 {
            return Some(NoiseKind::Credit);
        }
    }
    // A caption ending in a credit: "… (Ảnh: TTXVN)", "… Foto: dpa".
    if let Some(pos) = trimmed.rfind(':') {
        let before = &trimmed[..pos];
        let tail = &trimmed[pos + 1..];
        let last_word = before
            .trim_end()
            .rsplit(|ch: char| !ch.is_alphanumeric())
            .next()
            .unwrap_or("");
        let tail_words = tail.split_whitespace().count();
        if c.is("credit_cue", &name_key(last_word))
            && (1..=6).contains(&tail_words)
            && !tail.trim_end_matches(')').trim_end().ends_with('.')
        {
            return Some(NoiseKind::Credit);
        }
    }
    // The checks below want a line of at most 3 words. Every whitespace-separated piece with a
    // letter starts a word token: 4 such pieces make a longer line, found without tokenising it
    // (the last lines are often whole paragraphs).
    let long = trimmed
        .split_whitespace()
        .filter(|p| p.chars().any(char::is_alphabetic))
        .take(4)
        .count()
        >= 4;
    // "Komentar (0)"
    let words = if !long && (trimmed.ends_with(')') || (index + 3 >= count && index > 0)) {
        words()
    } else {
        Vec::new()
    };
    if !long && words.len() <= 3 && trimmed.ends_with(')') {
        if let Some(open) = trimmed.rfind('(') {
            let inside = &trimmed[open + 1..trimmed.len() - 1];
            let head = name_key(&trimmed[..open]);
            if !inside.is_empty()
                && inside.chars().all(|ch| ch.is_ascii_digit())
                && (c.is("counter_word", &head) || words.len() <= 2)
            {
                return Some(NoiseKind::Counter);
            }
        }
    }
    // A short trailing line with no sentence punctuation: a source name ("Vietnam.vn", "VNA/CVN").
    let near_end = index + 3 >= count && index > 0;
    let ends_sentence = trimmed.ends_with(['.', '!', '?', ':', ';', '"', '”', '»']);
    if near_end && !words.is_empty() && words.len() <= 3 && !ends_sentence {
        let looks_source = trimmed.contains('/')
            || words.iter().any(|w| is_domain(w))
            || words.iter().all(|w| {
                w.chars().filter(|ch| ch.is_alphabetic()).count() >= 2
                    && w.chars()
                        .filter(|ch| ch.is_alphabetic())
                        .all(char::is_uppercase)
            });
        if looks_source {
            return Some(NoiseKind::Source);
        }
    }
    None
}

/// "Vietnam.vn", "lecourrier.vn", "kompas.com": a word with an inner dot and a short lowercase tail.
pub fn is_domain(w: &str) -> bool {
    match w.rsplit_once('.') {
        Some((head, tail)) => {
            !head.is_empty()
                && (2..=4).contains(&tail.len())
                && tail.chars().all(|ch| ch.is_ascii_lowercase())
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_noise_lines() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Titre\n\nCorps du texte.\n\n>> Tô Lâm s'engage\n\nPhoto : Duong Giang/VNA/CVN\n\nFin du texte.\n\nVNA/CVN",
                &[">> Tô Lâm s'engage", "Photo : Duong Giang/VNA/CVN", "VNA/CVN"],
            ),
            (
                "Judul\nIsi berita panjang.\nBaca juga: Berita lain\nIsi lagi.\nVietnam.vn\nKomentar (0)",
                &["Baca juga: Berita lain", "Vietnam.vn", "Komentar (0)"],
            ),
            (
                "Tiêu đề\nThủ tướng và Chủ tịch tại lễ khánh thành. (Ảnh: TTXVN)",
                &["Thủ tướng và Chủ tịch tại lễ khánh thành. (Ảnh: TTXVN)"],
            ),
            (
                "Titel\nText.\nGelsinger und Scholz im Kanzleramt. Foto: dpa",
                &["Gelsinger und Scholz im Kanzleramt. Foto: dpa"],
            ),
            (
                "Headline\nBody text here.\n\nReporting by Jane Doe; Editing by Tom Brown",
                &["Reporting by Jane Doe; Editing by Tom Brown"],
            ),
            ("A headline\nA body sentence. Another one.\nThe end.", &[]),
        ];
        for (text, want) in cases {
            let got: Vec<&str> = noise_lines(text).iter().map(|s| s.slice(text)).collect();
            assert_eq!(&got, want, "{text}");
        }
    }
}
