//! Named entities: persons, organisations and places, with canonical names, roles, affiliations and coreference.
//!
//! Three passes over the article's tokens: (1) gazetteer matching (longest alias first, case rules
//! for short all-caps aliases), titles/honorifics and government-body patterns; (2) discovery of
//! unknown names from capitalised runs classified by cue words (titles, honorifics, org suffixes
//! and heads, venue heads, place prepositions, Vietnamese surnames, first names); (3) grouping and
//! coreference (surname-only references, bare titles). Credit and source lines are parsed apart.

use crate::core::lexicon::{cues, gazetteer, Cues, Gazetteer};
use crate::core::model::{Entity, EntityKind, Span};
use crate::core::noise::{classify_lines, is_domain, NoiseKind};
use crate::core::text::{fold_char, lines, name_key, TokenKind};
use crate::core::Doc;
use std::collections::HashMap;

/// One token as the recogniser sees it.
#[derive(Debug, Clone)]
struct Tok {
    span: Span,
    /// `name_key` of the token ("sachsen anhalt", "l").
    key: String,
    /// Last hyphen part of the key ("kommission" for "EU-Kommission").
    last: String,
    word: bool,
    /// Punctuation character (for punct tokens).
    punct: char,
    cap: bool,
    allcaps: bool,
    /// First word of a sentence or line.
    start: bool,
    /// First token of its line.
    line_start: bool,
    /// In a line written all in capitals (headline), or inside a credit/source region.
    shout: bool,
    skip: bool,
}

/// A recognised mention before grouping.
#[derive(Debug, Clone)]
struct Cand {
    span: Span,
    kind: Option<EntityKind>,
    canonical: String,
    class: Option<String>,
    role: Option<String>,
    affiliation: Option<String>,
    /// Whether the surface is a name (alias) and not a title.
    is_name: bool,
    /// Found by discovery only (no lexicon, no cue): a lone capitalised word waiting for coreference.
    maybe: bool,
    /// From the gazetteer.
    known: bool,
}

const ELISIONS: &[&str] = &[
    "l", "d", "qu", "dell", "dall", "nell", "sull", "all", "un", "s", "n", "j", "c", "m", "t",
];

fn build_tokens(doc: &Doc) -> Vec<Tok> {
    let text = doc.text;
    let mut starts: Vec<usize> = doc.sentences.iter().map(|s| s.start).collect();
    starts.extend(lines(text).iter().map(|l| l.start));
    starts.sort_unstable();
    let mut line_starts: Vec<usize> = lines(text).iter().map(|l| l.start).collect();
    line_starts.sort_unstable();
    let shout_lines: Vec<Span> = lines(text)
        .into_iter()
        .filter(|l| {
            let s = l.slice(text);
            let up = s.chars().filter(|c| c.is_uppercase()).count();
            let low = s.chars().filter(|c| c.is_lowercase()).count();
            up >= 6 && low * 4 < up
        })
        .collect();
    let mut out: Vec<Tok> = Vec::with_capacity(doc.tokens.len() + 8);
    let mut push = |span: Span, kind: TokenKind| {
        let s = span.slice(text);
        let key = name_key(s);
        let last = key.rsplit(' ').next().unwrap_or("").to_string();
        let first = s.chars().next().unwrap_or(' ');
        let letters = s.chars().filter(|c| c.is_alphabetic()).count();
        let word = kind != TokenKind::Punct;
        out.push(Tok {
            span,
            last,
            key,
            word,
            punct: if word { ' ' } else { first },
            cap: first.is_uppercase(),
            allcaps: letters >= 2
                && s.chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase),
            start: false,
            line_start: false,
            shout: shout_lines.iter().any(|l| l.contains(span)),
            skip: false,
        });
    };
    for t in &doc.tokens {
        let s = t.text(text);
        if t.kind == TokenKind::Word {
            if let Some(pos) = s.find(['\'', '’']) {
                let pre = &s[..pos];
                let apos_len = s[pos..].chars().next().map(char::len_utf8).unwrap_or(1);
                let rest = &s[pos + apos_len..];
                if ELISIONS.contains(&name_key(pre).as_str())
                    && rest.chars().next().is_some_and(char::is_alphabetic)
                {
                    let cut = t.span.start + pos + apos_len;
                    push(Span::new(t.span.start, cut), TokenKind::Word);
                    push(Span::new(cut, t.span.end), TokenKind::Word);
                    continue;
                }
            }
        }
        push(t.span, t.kind);
    }
    // Sentence and line starts: the first word at or after each start offset.
    let mut si = 0;
    let mut li = 0;
    let mut want_start = false;
    let mut want_line = false;
    for t in out.iter_mut() {
        while si < starts.len() && starts[si] <= t.span.start {
            want_start = true;
            si += 1;
        }
        while li < line_starts.len() && line_starts[li] <= t.span.start {
            want_line = true;
            li += 1;
        }
        if want_line {
            t.line_start = true;
            want_line = false;
        }
        if want_start && t.word {
            t.start = true;
            want_start = false;
        }
    }
    out
}

/// Longest phrase of `table`-like lookup starting at token `i`: returns the end token (exclusive).
/// Words are joined by single spaces; a "." right after a word is skipped (for "M.", "Sr.", "EE. UU.").
fn phrase_end(
    toks: &[Tok],
    i: usize,
    max_words: usize,
    mut hit: impl FnMut(&str) -> bool,
) -> usize {
    let mut best = i;
    let mut key = String::new();
    let mut words = 0;
    let mut j = i;
    while j < toks.len() && words < max_words {
        let t = &toks[j];
        if t.skip {
            break;
        }
        if !t.word {
            if t.punct == '.' && j > i && toks[j - 1].word && toks[j - 1].key.len() <= 4 {
                j += 1;
                continue;
            }
            break;
        }
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&t.key);
        words += t.key.split(' ').count();
        j += 1;
        if hit(&key) {
            best = j;
        }
    }
    // Do not end on a skipped dot.
    best
}

fn title_end(c: &Cues, toks: &[Tok], i: usize) -> (usize, Option<String>) {
    let mut role = None;
    let e = phrase_end(toks, i, c.titles.max_words.max(1), |k| {
        if let Some(r) = c.titles.get(k) {
            role = Some(r.to_string());
            true
        } else {
            false
        }
    });
    if e > i {
        return (e, role);
    }
    // "Intel-Chef", "Samsung-Chefin": a compound ending in a title word.
    let t = &toks[i];
    if t.word && t.key.contains(' ') {
        if let Some(r) = c.titles.get(&t.last) {
            return (i + 1, Some(r.to_string()));
        }
    }
    (i, None)
}

fn honorific_end(c: &Cues, toks: &[Tok], i: usize) -> usize {
    let e = phrase_end(toks, i, c.honorifics.max_words.max(1), |k| {
        c.honorifics.contains(k)
    });
    if e == i {
        return i;
    }
    // One-letter honorifics ("M.", "H.") need their dot; every honorific needs a capitalised name after it.
    let mut n = e;
    if n < toks.len() && toks[n].punct == '.' {
        n += 1;
    } else if toks[e - 1].key.chars().count() == 1 {
        return i;
    }
    if n < toks.len() && toks[n].word && toks[n].cap && !toks[n].skip {
        n
    } else {
        i
    }
}

/// The gazetteer match at `i`: (end token, entry id, alias is a strict all-caps form).
fn gaz_match(g: &Gazetteer, text: &str, toks: &[Tok], i: usize) -> Option<(usize, u32)> {
    let t = &toks[i];
    if !t.word || t.skip || !g.is_first(t.key.split(' ').next().unwrap_or("")) {
        return None;
    }
    let mut found: Option<(usize, u32)> = None;
    let mut key = String::new();
    let mut words = 0;
    let mut j = i;
    while j < toks.len() && words < g.max_words {
        let u = &toks[j];
        if u.skip {
            break;
        }
        if !u.word {
            if u.punct == '.' && j > i && toks[j - 1].word && toks[j - 1].key.len() <= 3 {
                j += 1;
                continue;
            }
            break;
        }
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&u.key);
        words += u.key.split(' ').count();
        j += 1;
        let surface = Span::new(toks[i].span.start, toks[j - 1].span.end).slice(text);
        for h in g.lookup(&key) {
            let ok = if h.strict {
                letters_eq(surface, &h.surface)
            } else {
                let first_lower = h.surface.chars().next().is_some_and(char::is_lowercase);
                first_lower
                    || surface
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            };
            if ok {
                found = Some((j, h.entry));
                break;
            }
        }
    }
    found
}

fn letters_eq(a: &str, b: &str) -> bool {
    a.chars()
        .filter(|c| c.is_alphanumeric())
        .eq(b.chars().filter(|c| c.is_alphanumeric()))
}

/// Canonical person name: Latin letters without diacritics, case kept ("Phạm Minh Chính" → "Pham Minh Chinh").
pub fn strip_diacritics(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii() || !c.is_alphabetic() {
                return c;
            }
            let f = fold_char(c);
            if f.is_ascii_alphabetic() {
                if c.is_uppercase() {
                    f.to_ascii_uppercase()
                } else {
                    f
                }
            } else {
                c
            }
        })
        .collect()
}

fn is_camel(s: &str) -> bool {
    // "OpenAI", "SpaceX", "DeepMind", "SoftBank": an inner capital after a lowercase letter.
    let cs: Vec<char> = s.chars().collect();
    cs.len() >= 4
        && cs[0].is_uppercase()
        && cs
            .windows(2)
            .any(|w| w[0].is_lowercase() && w[1].is_uppercase())
}

fn head_class(c: &Cues, t: &Tok) -> Option<String> {
    c.value("org_head", &t.key)
        .or_else(|| c.value("org_head", &t.last))
        .map(str::to_string)
}

/// German compounds naming a body: "Bundeswirtschaftsministerium", "Bundesregierung", "EU-Kommission".
fn compound_body(t: &Tok) -> bool {
    const SUFFIXES: &[&str] = &[
        "ministerium",
        "regierung",
        "kommission",
        "bundesamt",
        "agentur",
    ];
    SUFFIXES
        .iter()
        .any(|s| t.last.len() > s.len() + 2 && t.last.ends_with(s))
}

struct Ctx<'a> {
    text: &'a str,
    lang: &'a str,
    c: &'static Cues,
    g: &'static Gazetteer,
    toks: Vec<Tok>,
    cands: Vec<Cand>,
    /// Bare titles: (span, role).
    bare_titles: Vec<(Span, String)>,
}

impl<'a> Ctx<'a> {
    fn surface(&self, a: usize, b: usize) -> &'a str {
        Span::new(self.toks[a].span.start, self.toks[b - 1].span.end).slice(self.text)
    }

    fn gaz_cand(&self, a: usize, b: usize, id: u32) -> Cand {
        let e = &self.g.entries[id as usize];
        let (class, role, aff) = match e.kind {
            EntityKind::Person => (
                None,
                (!e.role.is_empty()).then(|| e.role.clone()),
                (!e.extra.is_empty()).then(|| e.extra.clone()),
            ),
            _ => ((!e.class.is_empty()).then(|| e.class.clone()), None, None),
        };
        Cand {
            span: Span::new(self.toks[a].span.start, self.toks[b - 1].span.end),
            kind: Some(e.kind),
            canonical: e.canonical.clone(),
            class,
            role,
            affiliation: aff,
            is_name: true,
            maybe: false,
            known: true,
        }
    }

    fn new_cand(&self, a: usize, b: usize, kind: Option<EntityKind>, class: Option<&str>) -> Cand {
        let surface = self.surface(a, b);
        let canonical = match kind {
            Some(EntityKind::Person) => strip_diacritics(surface),
            _ => surface.to_string(),
        };
        Cand {
            span: Span::new(self.toks[a].span.start, self.toks[b - 1].span.end),
            kind,
            canonical,
            class: class.map(str::to_string),
            role: None,
            affiliation: None,
            is_name: true,
            maybe: kind.is_none(),
            known: false,
        }
    }

    fn is_stop(&self, t: &Tok) -> bool {
        self.c.is("stopword", &t.key)
    }

    /// Whether a capitalised token can be part of a name run.
    fn name_word(&self, j: usize) -> bool {
        let t = &self.toks[j];
        t.word
            && !t.skip
            && (t.cap || t.key.chars().next().is_some_and(|c| c.is_ascii_digit()) && false)
    }

    /// Ministry pattern at `i`: end token and canonical name.
    fn ministry(&self, i: usize) -> Option<(usize, String)> {
        let t = &self.toks[i];
        if !t.cap || !t.word {
            return None;
        }
        let c = self.c;
        let h = phrase_end(&self.toks, i, c.ministry_heads.max_words.max(1), |k| {
            c.ministry_heads.contains(k)
        });
        if h == i || h >= self.toks.len() {
            return None;
        }
        // Vietnamese "Bộ" and Indonesian heads must be followed by a capitalised word.
        if !self.toks[h].cap || !self.toks[h].word {
            return None;
        }
        let mut en = None;
        let d = phrase_end(&self.toks, h, c.ministry_domains.max_words.max(1), |k| {
            if let Some(v) = c.ministry_domains.get(k) {
                en = Some(v.to_string());
                true
            } else {
                false
            }
        });
        if let Some(en) = en {
            return Some((d, format!("Ministry of {en}")));
        }
        // Unknown field: capitalised words and connectors.
        let mut j = h;
        let mut last = h;
        while j < self.toks.len() && self.toks[j].word && !self.toks[j].skip {
            let u = &self.toks[j];
            if u.cap {
                last = j + 1;
            } else if !(self.c.is("name_connector", &u.key)
                || matches!(
                    u.key.as_str(),
                    "and" | "dan" | "va" | "et" | "y" | "e" | "und"
                ))
            {
                break;
            }
            j += 1;
        }
        if last == h {
            return None;
        }
        let x = self.surface(h, last);
        Some((last, format!("Ministry of {}", strip_diacritics(x))))
    }

    /// Whether the tokens before `i` name a minister ("Bộ trưởng Bộ …", "Minister of …").
    fn after_minister_word(&self, i: usize) -> bool {
        let mut key = String::new();
        for k in (i.saturating_sub(3)..i).rev() {
            let t = &self.toks[k];
            if !t.word {
                return false;
            }
            key = if key.is_empty() {
                t.key.clone()
            } else {
                format!("{} {}", t.key, key)
            };
            if self.c.is("minister_word", &key) {
                return true;
            }
        }
        false
    }

    fn run(&mut self) {
        let n = self.toks.len();
        let mut i = 0;
        // Pending title: (role, token where it ended, affiliation seen since).
        let mut pending: Option<(String, usize, Option<String>, Span)> = None;
        let mut honor = false;
        while i < n {
            let t = self.toks[i].clone();
            if t.skip {
                pending = None;
                honor = false;
                i += 1;
                continue;
            }
            if let Some((_, since, _, _)) = &pending {
                if i - since > 6 {
                    self.flush_bare(&mut pending);
                }
            }
            if !t.word {
                match t.punct {
                    ',' | '-' | '–' | '(' | ')' => {}
                    _ => {
                        self.flush_bare(&mut pending);
                        honor = false;
                    }
                }
                i += 1;
                continue;
            }
            // Ministries.
            if let Some((e, canon)) = self.ministry(i) {
                if !self.after_minister_word(i) {
                    let mut cd = self.new_cand(i, e, Some(EntityKind::Org), Some("government"));
                    cd.canonical = canon;
                    self.cands.push(cd);
                }
                i = e;
                continue;
            }
            let gm = if t.shout && !t.line_start {
                gaz_match(self.g, self.text, &self.toks, i)
            } else {
                gaz_match(self.g, self.text, &self.toks, i)
            };
            let (te, role) = title_end(self.c, &self.toks, i);
            let he = honorific_end(self.c, &self.toks, i);
            let glen = gm.map(|(e, _)| e - i).unwrap_or(0);
            if te > i && te - i > glen && !t.shout {
                self.flush_bare(&mut pending);
                let span = Span::new(t.span.start, self.toks[te - 1].span.end);
                pending = Some((role.unwrap_or_default(), te, None, span));
                honor = false;
                i = te;
                continue;
            }
            if he > i && glen == 0 && !t.shout {
                honor = true;
                i = he;
                continue;
            }
            if let Some((e, id)) = gm {
                let mut e = e;
                let mut cd = self.gaz_cand(i, e, id);
                if cd.kind == Some(EntityKind::Org) {
                    // "SoftBank Group Corp.", "Samsung Electronics": extend over org suffixes.
                    while e < n
                        && self.toks[e].word
                        && self.toks[e].cap
                        && self.c.is("org_suffix", &self.toks[e].key)
                    {
                        e += 1;
                    }
                    cd.span.end = self.toks[e - 1].span.end;
                }
                match cd.kind {
                    Some(EntityKind::Person) => {
                        if let Some((role, _, aff, _)) = pending.take() {
                            if !role.is_empty() {
                                cd.role = Some(role);
                            }
                            if aff.is_some() {
                                cd.affiliation = aff;
                            }
                        }
                    }
                    _ => {
                        if let Some(p) = pending.as_mut() {
                            if p.2.is_none() {
                                p.2 = Some(cd.canonical.clone());
                            }
                            p.1 = e;
                        }
                    }
                }
                self.cands.push(cd);
                honor = false;
                i = e;
                continue;
            }
            if !t.cap || t.shout {
                // Lowercase connectors keep a pending title alive ("consejero delegado de OpenAI, …").
                if pending.is_some() && !self.c.is("name_connector", &t.key) {
                    self.flush_bare(&mut pending);
                }
                honor = false;
                i += 1;
                continue;
            }
            let e = self.discover(
                i,
                pending.as_ref().map(|p| (p.0.clone(), p.2.clone())),
                honor,
            );
            if e > i {
                pending = None;
                honor = false;
                i = e;
            } else {
                i += 1;
            }
        }
        self.flush_bare(&mut pending);
    }

    fn flush_bare(&mut self, pending: &mut Option<(String, usize, Option<String>, Span)>) {
        if let Some((role, _, _, span)) = pending.take() {
            if !role.is_empty() {
                self.bare_titles.push((span, role));
            }
        }
    }

    /// Discover a capitalised run at `i`; push candidates; return the end token (or `i` when nothing).
    fn discover(
        &mut self,
        i: usize,
        title: Option<(String, Option<String>)>,
        honor: bool,
    ) -> usize {
        let n = self.toks.len();
        let c = self.c;
        let mut a = i;
        // Sentence-initial function words are not names.
        while a < n && self.toks[a].word && self.toks[a].cap && self.is_stop(&self.toks[a]) {
            if !(self.toks[a].start || a > i) && !self.toks[a].allcaps {
                break;
            }
            a += 1;
        }
        if a > i {
            return a;
        }
        let head_initial = head_class(c, &self.toks[i]).is_some()
            || c.is("venue_head", &self.toks[i].key)
            || c.is("place_head", &self.toks[i].key);
        // Build the run.
        let mut j = i;
        let mut end = i;
        let mut inner: Vec<Cand> = Vec::new();
        let mut has_and = false;
        while j < n {
            let u = &self.toks[j];
            if u.skip {
                break;
            }
            if !u.word {
                // Initials: "C.C. Wei", "J. Huang".
                if u.punct == '.'
                    && j > i
                    && self.toks[j - 1].word
                    && self.toks[j - 1].key.chars().count() == 1
                    && self.toks[j - 1].cap
                {
                    j += 1;
                    continue;
                }
                break;
            }
            if j > i {
                if let Some((ge, id)) = gaz_match(self.g, self.text, &self.toks, j) {
                    if head_initial && self.g.entries[id as usize].kind == EntityKind::Place {
                        inner.push(self.gaz_cand(j, ge, id));
                        j = ge;
                        end = ge;
                        continue;
                    }
                    break;
                }
                let (te, _) = title_end(c, &self.toks, j);
                if te > j && !self.toks[j].cap {
                    break;
                }
                if te > j && !head_initial {
                    break;
                }
            }
            if u.cap || u.key.chars().all(|ch| ch.is_ascii_digit()) && j > i {
                j += 1;
                end = j;
                continue;
            }
            // Lowercase: a connector followed by more name, or inside a head-initial body name.
            let conn = c.is("name_connector", &u.key)
                || matches!(
                    u.key.as_str(),
                    "and"
                        | "dan"
                        | "va"
                        | "et"
                        | "und"
                        | "e"
                        | "y"
                        | "of"
                        | "for"
                        | "per"
                        | "fur"
                        | "pour"
                        | "para"
                );
            if j > i && conn {
                // Look ahead for a capitalised word within two tokens.
                let mut k = j + 1;
                while k < n && k <= j + 2 && self.toks[k].word && !self.toks[k].cap {
                    k += 1;
                }
                if k < n && self.toks[k].word && self.toks[k].cap && !self.toks[k].skip {
                    if !c.is("name_connector", &u.key) {
                        has_and = true;
                    }
                    j = k;
                    continue;
                }
                break;
            }
            if j > i && head_initial && j - i <= 6 {
                let mut k = j;
                while k < n
                    && k < j + 5
                    && self.toks[k].word
                    && !self.toks[k].cap
                    && !self.is_verbish(k)
                {
                    k += 1;
                }
                if k < n && self.toks[k].word && self.toks[k].cap && !self.toks[k].skip {
                    j = k;
                    continue;
                }
            }
            break;
        }
        if end <= i {
            return i;
        }
        // Trailing connectors are already excluded (end only moves on capitalised words).
        let run: Vec<usize> = (i..end).filter(|&k| self.toks[k].word).collect();
        let words = run.len();
        let first = &self.toks[i];
        let lastt = &self.toks[end - 1];
        let any = |f: &dyn Fn(&Tok) -> bool| run.iter().any(|&k| f(&self.toks[k]));
        let prev_word = (i > 0 && self.toks[i - 1].word).then(|| self.toks[i - 1].key.clone());
        let prev2 = if i > 1 && self.toks[i - 1].word && self.toks[i - 2].word {
            Some(format!("{} {}", self.toks[i - 2].key, self.toks[i - 1].key))
        } else {
            None
        };
        let org_ctx = prev_word
            .as_deref()
            .is_some_and(|p| c.is("org_context", p) || c.is("org_prefix", p))
            || prev2
                .as_deref()
                .is_some_and(|p| c.is("org_context", p) || c.is("org_prefix", p));
        let place_ctx = prev_word.as_deref().is_some_and(|p| c.is("place_prep", p));
        let org_head = run.iter().find_map(|&k| head_class(c, &self.toks[k]));
        let venue = any(&|t: &Tok| c.is("venue_head", &t.key));
        let region = any(&|t: &Tok| c.is("place_head", &t.key));
        let suffix = words >= 2 && c.is("org_suffix", &lastt.key);
        let prefix = words >= 2 && c.is("org_prefix", &first.key);
        let common = run
            .iter()
            .all(|&k| c.is("common_cap", &self.toks[k].key) || self.is_stop(&self.toks[k]));
        let some_common = any(&|t: &Tok| c.is("common_cap", &t.key));
        let titlecase = run.iter().all(|&k| {
            let t = &self.toks[k];
            !t.allcaps && t.cap
        });
        let vi_name = c.is("vi_surname", &first.key)
            && (2..=4).contains(&words)
            && titlecase
            && run
                .iter()
                .all(|&k| self.toks[k].key.len() <= 6 && !self.toks[k].key.contains(' '));
        let known_first = c.is("first_name", &first.key);
        let in_paren =
            i > 0 && self.toks[i - 1].punct == '(' && end < n && self.toks[end].punct == ')';

        let mut kind: Option<EntityKind> = None;
        let mut class: Option<String> = None;
        let mut role = None;
        let mut aff = None;
        if in_paren && words == 1 {
            // "(AESIA)", "(Anatel)" right after a multi-word org: an alias of it.
            if let Some(prev) = self.cands.last() {
                let close = prev.span.end + 3 >= self.toks[i - 1].span.start;
                if close && prev.kind == Some(EntityKind::Org) && !prev.known {
                    let mut cd = prev.clone();
                    cd.span = Span::new(first.span.start, lastt.span.end);
                    self.cands.push(cd);
                    return end;
                }
            }
        }
        if let Some((r, af)) = title
            .clone()
            .filter(|_| org_head.is_none() && !venue && !suffix)
        {
            kind = Some(EntityKind::Person);
            role = (!r.is_empty()).then_some(r);
            aff = af;
        } else if honor && org_head.is_none() && !venue {
            kind = Some(EntityKind::Person);
        } else if compound_body(first) && words == 1 {
            kind = Some(EntityKind::Org);
            class = Some("government".into());
        } else if vi_name && org_head.is_none() && !venue && !region {
            kind = Some(EntityKind::Person);
        } else if prefix || suffix {
            kind = Some(EntityKind::Org);
            class = Some("company".into());
        } else if let Some(h) = org_head.clone() {
            kind = Some(EntityKind::Org);
            class = Some(h);
        } else if venue {
            kind = Some(EntityKind::Place);
            class = Some("venue".into());
        } else if region && words >= 2 {
            kind = Some(EntityKind::Place);
            class = Some("region".into());
        } else if org_ctx && !common {
            kind = Some(EntityKind::Org);
            class = Some("company".into());
        } else if words == 1 {
            let s = self.surface(i, end);
            if first.allcaps
                && (3..=6).contains(&s.chars().count())
                && !c.is("acronym_stop", &first.key)
                && !first.line_start
            {
                kind = Some(EntityKind::Org);
                class = Some("other".into());
            } else if is_camel(s) && !c.is("common_cap", &first.key) {
                kind = Some(EntityKind::Org);
                class = Some("company".into());
            } else if place_ctx && !first.start && !common && !first.allcaps {
                kind = Some(EntityKind::Place);
            } else if !common && !first.allcaps {
                // A lone capitalised word: kept only if it turns out to refer to a named person.
                let cd = self.new_cand(i, end, None, None);
                self.cands.push(cd);
                return end;
            } else {
                return end;
            }
        } else if first.line_start && run.iter().all(|&k| self.toks[k].allcaps) {
            // Dateline: "NEW YORK –", "PORTO FELIZ (SP) —".
            let next = self.toks.get(end).map(|t| t.punct).unwrap_or(' ');
            if matches!(next, '–' | '—' | '-' | ',' | '(') {
                kind = Some(EntityKind::Place);
                class = Some("city".into());
            } else {
                return end;
            }
        } else if titlecase && !common && !some_common && !has_and && words <= 4 {
            if place_ctx && !known_first {
                kind = Some(EntityKind::Place);
            } else if self.lang != "de" || known_first {
                kind = Some(EntityKind::Person);
            }
        }
        let Some(kind) = kind else {
            return end;
        };
        let mut cd = self.new_cand(i, end, Some(kind), class.as_deref());
        if kind == EntityKind::Place {
            cd.class = class.or(Some("city".into()));
        }
        cd.role = role;
        cd.affiliation = aff;
        self.cands.push(cd);
        self.cands.extend(inner);
        end
    }

    fn is_verbish(&self, k: usize) -> bool {
        // Stop a head-initial body name at words that plainly start a clause.
        matches!(
            self.toks[k].key.as_str(),
            "pour"
                | "qui"
                | "que"
                | "a"
                | "est"
                | "yang"
                | "untuk"
                | "que"
                | "para"
                | "che"
                | "dass"
                | "which"
                | "that"
                | "to"
        )
    }

    /// Credit and source regions: pieces split by "/", ",", "-", ";" are agencies or photographers.
    fn credits(&mut self, region: Span) {
        let text = self.text;
        let s = region.slice(text);
        let mut start = 0;
        let bytes: Vec<(usize, char)> = s.char_indices().collect();
        let mut pieces: Vec<Span> = Vec::new();
        for &(k, ch) in &bytes {
            if matches!(ch, '/' | ',' | ';' | '(' | ')' | '–' | '—' | '|' | '&')
                || (ch == '-' && s[k..].starts_with("- "))
            {
                pieces.push(Span::new(region.start + start, region.start + k));
                start = k + ch.len_utf8();
            }
        }
        pieces.push(Span::new(region.start + start, region.end));
        for p in pieces {
            let raw = p.slice(text);
            let lead = raw.len() - raw.trim_start().len();
            let t = raw.trim();
            let t = t.trim_end_matches(['.', ':']);
            if t.is_empty() {
                continue;
            }
            let span = Span::new(p.start + lead, p.start + lead + t.len());
            let key = name_key(t);
            if key.is_empty() || self.c.is("credit_cue", &key) || self.c.is("counter_word", &key) {
                continue;
            }
            let hits = self.g.lookup(&key);
            if let Some(h) = hits.first() {
                let e = &self.g.entries[h.entry as usize];
                self.cands.push(Cand {
                    span,
                    kind: Some(e.kind),
                    canonical: e.canonical.clone(),
                    class: (!e.class.is_empty() && e.kind != EntityKind::Person)
                        .then(|| e.class.clone()),
                    role: None,
                    affiliation: None,
                    is_name: true,
                    maybe: false,
                    known: true,
                });
                continue;
            }
            let ws: Vec<&str> = t.split_whitespace().collect();
            let letters: String = t.chars().filter(|c| c.is_alphabetic()).collect();
            let allcaps = letters.chars().count() >= 2 && letters.chars().all(char::is_uppercase);
            let mk = |kind, class: Option<&str>, canonical: String| Cand {
                span,
                kind: Some(kind),
                canonical,
                class: class.map(str::to_string),
                role: None,
                affiliation: None,
                is_name: true,
                maybe: false,
                known: false,
            };
            if ws.len() == 1 && (allcaps && letters.chars().count() <= 8 || is_domain(t)) {
                if !self.c.is("acronym_stop", &key) {
                    self.cands
                        .push(mk(EntityKind::Org, Some("media"), t.to_string()));
                }
            } else if (2..=4).contains(&ws.len())
                && ws
                    .iter()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase))
                && !ws.iter().any(|w| self.c.is("stopword", &name_key(w)))
            {
                self.cands
                    .push(mk(EntityKind::Person, None, strip_diacritics(t)));
            }
        }
    }
}

/// Every person, organisation and place `doc` names, each once, with all its mentions.
pub fn recognize(doc: &Doc) -> Vec<Entity> {
    let mut toks = build_tokens(doc);
    let text = doc.text;
    // Credit and source regions are parsed apart; counters are skipped.
    let mut regions: Vec<Span> = Vec::new();
    for (line, kind) in classify_lines(text) {
        let region = match kind {
            NoiseKind::Related => continue,
            NoiseKind::Counter => {
                regions.push(Span::new(line.end, line.end));
                mark_skip(&mut toks, line);
                continue;
            }
            NoiseKind::Source => line,
            NoiseKind::Credit => {
                let s = line.slice(text);
                // The credit is what follows the last cue and colon.
                match s.rfind(':') {
                    Some(p) => {
                        let mut r = Span::new(line.start + p + 1, line.end);
                        if s.ends_with(')') {
                            r.end -= 1;
                        }
                        r
                    }
                    None => line,
                }
            }
        };
        mark_skip(&mut toks, region);
        regions.push(region);
    }
    let mut ctx = Ctx {
        text,
        lang: doc.lang,
        c: cues(),
        g: gazetteer(),
        toks,
        cands: Vec::new(),
        bare_titles: Vec::new(),
    };
    ctx.run();
    for r in regions {
        if !r.is_empty() {
            ctx.credits(r);
        }
    }
    group(ctx.cands, ctx.bare_titles, text)
}

fn mark_skip(toks: &mut [Tok], region: Span) {
    for t in toks.iter_mut() {
        if region.contains(t.span) {
            t.skip = true;
        }
    }
}

#[derive(Debug)]
struct Group {
    kind: EntityKind,
    canonical: String,
    class: Option<String>,
    role: Option<String>,
    affiliation: Option<String>,
    aliases: Vec<String>,
    mentions: Vec<Span>,
    known: bool,
}

fn tokens_of(name: &str) -> Vec<String> {
    name_key(name)
        .split(' ')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn group(mut cands: Vec<Cand>, bare: Vec<(Span, String)>, text: &str) -> Vec<Entity> {
    cands.sort_by_key(|c| (c.span.start, std::cmp::Reverse(c.span.end)));
    // Drop candidates overlapping an earlier, longer one.
    let mut kept: Vec<Cand> = Vec::new();
    for c in cands {
        if kept.iter().any(|k| {
            k.span.overlaps(c.span) && !(k.span == c.span && k.canonical != c.canonical && false)
        }) {
            continue;
        }
        kept.push(c);
    }
    let g = gazetteer();
    // A discovered person named like a known org or place is that org or place.
    for c in kept.iter_mut() {
        if c.kind == Some(EntityKind::Person) && !c.known {
            let k = name_key(&c.canonical);
            if let Some(h) = g.lookup(&k).first() {
                let e = &g.entries[h.entry as usize];
                c.kind = Some(e.kind);
                c.canonical = e.canonical.clone();
                c.class = (!e.class.is_empty()).then(|| e.class.clone());
                c.known = true;
            }
        }
    }
    let mut groups: Vec<Group> = Vec::new();
    let mut index: HashMap<(EntityKind, String), usize> = HashMap::new();
    let mut maybes: Vec<Cand> = Vec::new();
    for c in kept {
        let Some(kind) = c.kind else {
            maybes.push(c);
            continue;
        };
        let key = (kind, name_key(&c.canonical));
        let surface = c.span.slice(text).to_string();
        // Single-token persons referring to a named person (surname-only).
        let target = if kind == EntityKind::Person && tokens_of(&c.canonical).len() == 1 {
            find_person(&groups, &name_key(&c.canonical))
        } else {
            None
        };
        let gi = match target.or_else(|| index.get(&key).copied()) {
            Some(gi) => gi,
            None => {
                groups.push(Group {
                    kind,
                    canonical: c.canonical.clone(),
                    class: c.class.clone(),
                    role: None,
                    affiliation: None,
                    aliases: Vec::new(),
                    mentions: Vec::new(),
                    known: c.known,
                });
                index.insert(key, groups.len() - 1);
                groups.len() - 1
            }
        };
        let gr = &mut groups[gi];
        if gr.role.is_none() {
            gr.role = c.role.clone();
        }
        if gr.affiliation.is_none() {
            gr.affiliation = c.affiliation.clone();
        }
        if c.is_name && !gr.aliases.contains(&surface) {
            gr.aliases.push(surface);
        }
        gr.mentions.push(c.span);
    }
    // Earlier single-token persons may refer to a person named fully later: fold them in.
    let mut i = 0;
    while i < groups.len() {
        if groups[i].kind == EntityKind::Person
            && !groups[i].known
            && tokens_of(&groups[i].canonical).len() == 1
        {
            let k = name_key(&groups[i].canonical);
            let target = groups.iter().enumerate().position(|(j, gg)| {
                j != i
                    && gg.kind == EntityKind::Person
                    && tokens_of(&gg.canonical).len() > 1
                    && tokens_of(&gg.canonical).contains(&k)
            });
            if let Some(t) = target {
                let src = groups.remove(i);
                let t = if t > i { t - 1 } else { t };
                let dst = &mut groups[t];
                for a in src.aliases {
                    if !dst.aliases.contains(&a) {
                        dst.aliases.push(a);
                    }
                }
                dst.mentions.extend(src.mentions);
                if dst.role.is_none() {
                    dst.role = src.role;
                }
                continue;
            }
        }
        i += 1;
    }
    // Lone capitalised words that are a named person's surname or given name.
    for m in maybes {
        let k = name_key(m.span.slice(text));
        if let Some(gi) = find_person(&groups, &k) {
            let surface = m.span.slice(text).to_string();
            let gr = &mut groups[gi];
            if !gr.aliases.contains(&surface) {
                gr.aliases.push(surface);
            }
            gr.mentions.push(m.span);
        }
    }
    // Bare titles ("le Premier ministre") are mentions of the person holding that role.
    for (span, role) in bare {
        let mut best: Option<usize> = None;
        for (gi, gr) in groups.iter().enumerate() {
            if gr.kind == EntityKind::Person && gr.role.as_deref() == Some(role.as_str()) {
                let first = gr.mentions.iter().min().copied().unwrap_or_default();
                if best.is_none() || first.start < span.start {
                    best = Some(gi);
                }
            }
        }
        if let Some(gi) = best {
            groups[gi].mentions.push(span);
        }
    }
    let mut out: Vec<Entity> = groups
        .into_iter()
        .filter(|g| !g.aliases.is_empty())
        .map(|mut g| {
            g.mentions.sort();
            g.mentions.dedup();
            let is_org = g.kind == EntityKind::Org;
            let is_place = g.kind == EntityKind::Place;
            let is_person = g.kind == EntityKind::Person;
            Entity {
                kind: g.kind,
                name: g.canonical,
                class: if is_org {
                    Some(g.class.clone().unwrap_or_else(|| "other".into()))
                } else {
                    None
                },
                place_type: if is_place { g.class.clone() } else { None },
                aliases: g.aliases,
                role: if is_person { g.role } else { None },
                affiliation: if is_person { g.affiliation } else { None },
                mentions: g.mentions,
            }
        })
        .collect();
    out.sort_by_key(|e| e.mentions.first().map(|m| m.start).unwrap_or(usize::MAX));
    out
}

/// The person group whose multi-word name contains the word `k` (the most recently started one).
fn find_person(groups: &[Group], k: &str) -> Option<usize> {
    if k.is_empty() {
        return None;
    }
    let mut found = None;
    for (gi, g) in groups.iter().enumerate() {
        if g.kind != EntityKind::Person {
            continue;
        }
        let toks = tokens_of(&g.canonical);
        let alias_hit = g
            .aliases
            .iter()
            .any(|a| tokens_of(a).len() > 1 && tokens_of(a).iter().any(|t| t == k));
        if (toks.len() > 1 && toks.iter().any(|t| t == k)) || alias_hit {
            found = Some(gi);
        }
    }
    found
}
