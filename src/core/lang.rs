//! Language detection for articles without `lang`: scores stop words of the languages Dossier reads.
//!
//! Each of the eight languages (fr, id, en, vi, de, es, it, pt) has a list of frequent function
//! words; a word listed by k languages gives 1/k point to each. Vietnamese also scores its own
//! letters (ư ơ đ ă and the Latin Extended Additional block: ạ ả ấ ệ ộ …), and a few letters lean
//! to one language (ñ → es, ã õ → pt, ß ä ö ü → de, ì ò → it, ç → fr/pt). The best score wins;
//! a text without letters is "en". Allocation-light: one reused buffer, a table built once.

use crate::core::hash::FxHashMap as HashMap;
use std::sync::OnceLock;

/// The languages, in tie-break order.
pub const LANGS: [&str; 8] = ["en", "fr", "id", "vi", "de", "es", "it", "pt"];

/// Stop words per language, one line each: `lang<TAB>words…` (hand-kept data file).
const STOPWORDS_TSV: &str = lexicon_file!("lang_stopwords.tsv");

fn table() -> &'static HashMap<&'static str, [f32; 8]> {
    static TABLE: OnceLock<HashMap<&'static str, [f32; 8]>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut sets: HashMap<&'static str, [bool; 8]> = HashMap::default();
        for line in STOPWORDS_TSV.lines() {
            if line.starts_with('#') {
                continue;
            }
            let Some((lang, words)) = line.split_once('\t') else {
                continue;
            };
            let Some(k) = LANGS.iter().position(|l| *l == lang.trim()) else {
                continue;
            };
            for w in words.split_whitespace() {
                sets.entry(w).or_default()[k] = true;
            }
        }
        sets.into_iter()
            .map(|(w, set)| {
                let n = set.iter().filter(|b| **b).count().max(1) as f32;
                let mut row = [0.0; 8];
                for k in 0..8 {
                    if set[k] {
                        row[k] = 1.0 / n;
                    }
                }
                (w, row)
            })
            .collect()
    })
}

/// Weight of a word whose spelling leans to one language (a stop word counts up to 1).
const AFFIX_WEIGHT: f32 = 0.3;

/// Word shapes typical of one language (index into `LANGS`), for words that are not stop words:
/// Indonesian me-/ber- verbs and -kan/-nya, English -ing/-ed/-ly, German -ung/-lich/sch,
/// Italian -zione/-zz-/-gli, Spanish -ción/-dad, Portuguese -ção/-ões/-lh-, French -eux/-aux/-ée.
fn affix_lang(w: &str) -> Option<usize> {
    let n = w.chars().count();
    if n < 4 {
        return None;
    }
    let ends = |x: &str| w.ends_with(x);
    let starts = |x: &str| w.starts_with(x);
    let has = |x: &str| w.contains(x);
    if ends("ção") || ends("ções") || ends("ões") || ends("dade") || has("lh") || ends("ém") {
        return Some(7);
    }
    if ends("ción") || ends("ciones") || ends("dad") || ends("idades") {
        return Some(5);
    }
    if ends("zione")
        || ends("zioni")
        || has("zz")
        || has("gli")
        || has("bb")
        || ends("tà")
        || ends("ità")
    {
        return Some(6);
    }
    if ends("ung") || ends("ungen") || ends("lich") || ends("keit") || ends("heit") || has("sch") {
        return Some(4);
    }
    if ends("eux") || ends("aux") || ends("ée") || ends("ées") || ends("eau") || has("œ") {
        return Some(1);
    }
    if (n >= 6 && (starts("meng") || starts("meny") || starts("mem") || starts("ber")))
        || (n >= 7 && starts("men") && !starts("ment") && !starts("mens"))
        || ends("kan")
        || ends("nya")
    {
        return Some(2);
    }
    if (n >= 5 && (ends("ing") || ends("ed"))) || ends("ly") || starts("wh") {
        return Some(0);
    }
    None
}

fn is_vi_letter(c: char) -> bool {
    matches!(
        c,
        'ư' | 'Ư' | 'ơ' | 'Ơ' | 'đ' | 'Đ' | 'ă' | 'Ă' | 'ĩ' | 'Ĩ' | 'ũ' | 'Ũ'
    ) || ('\u{1EA0}'..='\u{1EF9}').contains(&c)
}

/// Per-language scores of `text`, in the order of `LANGS` (exposed for tests and diagnostics).
pub fn scores(text: &str) -> [f32; 8] {
    let table = table();
    let mut s = [0.0f32; 8];
    let mut buf = String::with_capacity(16);
    let mut words = 0usize;
    for w in text.split(|c: char| !c.is_alphabetic()) {
        if w.is_empty() {
            continue;
        }
        words += 1;
        if words > 3000 {
            break;
        }
        if w.len() > 24 {
            continue;
        }
        buf.clear();
        buf.extend(w.chars().map(crate::core::case::lower_char));
        if let Some(row) = table.get(buf.as_str()) {
            for k in 0..8 {
                s[k] += row[k];
            }
        } else if let Some(k) = affix_lang(&buf) {
            s[k] += AFFIX_WEIGHT;
        }
    }
    // Acute vowels lean to es/pt, but Vietnamese uses them too: counted only without Vietnamese letters.
    let mut acute = 0.0f32;
    let mut vi = 0.0f32;
    for c in text.chars().take(20_000) {
        if is_vi_letter(c) {
            vi += 1.0;
            continue;
        }
        match c {
            'á' | 'í' | 'ó' | 'ú' => acute += 0.5,
            'ñ' | 'Ñ' => s[5] += 1.0,
            'ã' | 'õ' | 'Ã' | 'Õ' => s[7] += 1.0,
            'ç' => {
                s[1] += 0.5;
                s[7] += 0.5;
            }
            'ß' => s[4] += 1.0,
            'ä' | 'ö' | 'ü' | 'Ä' | 'Ö' | 'Ü' => s[4] += 0.5,
            'ì' | 'ò' => s[6] += 0.5,
            'ê' => {
                s[1] += 0.25;
                s[7] += 0.25;
            }
            _ => {}
        }
    }
    s[3] += vi;
    if vi == 0.0 {
        s[5] += acute;
        s[7] += acute;
    }
    s
}

/// The ISO 639-1 code of the most likely language of `text` among `LANGS` ("en" when nothing matches).
pub fn detect(text: &str) -> &'static str {
    let s = scores(text);
    let mut best = 0;
    for k in 1..8 {
        if s[k] > s[best] {
            best = k;
        }
    }
    LANGS[best]
}
