//! Meetings: who met whom, where and when, happened or planned, from trigger words in eight languages.
//!
//! One sentence at a time: a trigger (data/lexicon/meeting_triggers.tsv) makes the sentence a
//! candidate; its persons and organisations are the parties (plus the person in focus from the
//! previous sentences when the subject is a pronoun or a title); the date comes from the sentence,
//! else the paragraph, else the lead, else the nearest earlier date; the status from the date
//! against `published` and future markers. Candidates that tell the same meeting again merge.

use crate::core::case::Lowercase;
use crate::core::dates::{add_days, DateMention, DateValue};
use crate::core::hash::{FilteredMap, FxHashMap as HashMap};
use crate::core::lexicon;
use crate::core::model::{Entity, EntityKind, Event, EventStatus, Span};
use crate::core::text::{find_byte, find_str, fold, name_key, name_key_into, BytePairs, TokenKind};
use crate::core::Doc;
use std::sync::OnceLock;

const TRIGGERS_TSV: &str = lexicon_file!("meeting_triggers.tsv");

/// What a lexicon phrase signals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    Verb,
    /// A verb that also has non-meeting senses ("received an award", "signed a law"): needs a person
    /// and another party named in the sentence itself.
    Weak,
    Noun,
    Block,
    Veto,
    Invite,
    /// "asked", "instructed", "meminta": like an invitation, but only right before the trigger.
    Directive,
    Future,
    /// A thing, not a party ("award", "letter"): after a weak trigger it cancels the trigger.
    Object,
}

impl CueKind {
    pub fn is_trigger(self) -> bool {
        matches!(self, CueKind::Verb | CueKind::Weak | CueKind::Noun)
    }
}

/// One phrase of the trigger lexicon: words (folded or lowercase), each maybe a prefix.
#[derive(Debug, Clone)]
struct Cue {
    words: Vec<(String, bool)>,
    /// Compare against lowercase text with diacritics (the phrase has non-ASCII letters).
    exact_marks: bool,
    kind: CueKind,
    /// A joint appearance or a guided tour ("joint press conference", "showed ~ around"): a verb
    /// even after a determiner.
    fixed: bool,
}

fn lexicon() -> &'static HashMap<String, Vec<Cue>> {
    static LEX: OnceLock<HashMap<String, Vec<Cue>>> = OnceLock::new();
    LEX.get_or_init(|| parse_lexicon(TRIGGERS_TSV))
}

/// Per language, the cues by first word (ids into `lexicon()[lang]`): (folded, lowercase) exact
/// first words → ids, the ids whose first word is a prefix, and the first bytes of those prefixes
/// (a 256-bit set; all set when one can match any word).
type FirstIndex = (
    FilteredMap<Vec<u32>>,
    FilteredMap<Vec<u32>>,
    Vec<u32>,
    [u64; 4],
);

fn first_index() -> &'static HashMap<String, FirstIndex> {
    static IX: OnceLock<HashMap<String, FirstIndex>> = OnceLock::new();
    IX.get_or_init(|| {
        let mut out: HashMap<String, FirstIndex> = HashMap::default();
        for (lang, cues) in lexicon() {
            let ix = out.entry(lang.clone()).or_default();
            for (id, cue) in cues.iter().enumerate() {
                match cue.words.first() {
                    Some((w, false)) if cue.exact_marks => {
                        ix.1.entry_default(w.clone()).push(id as u32)
                    }
                    Some((w, false)) => ix.0.entry_default(w.clone()).push(id as u32),
                    first => {
                        ix.2.push(id as u32);
                        // A word key starting with another byte cannot start with the prefix.
                        match first.map(|(w, _)| w.as_bytes()) {
                            Some(&[b, ..]) if first.is_some_and(|(w, _)| w != "~") => {
                                ix.3[usize::from(b >> 6)] |= 1 << (b & 63)
                            }
                            _ => ix.3 = [u64::MAX; 4],
                        }
                    }
                }
            }
            ix.0.finish();
            ix.1.finish();
        }
        out
    })
}

fn parse_lexicon(tsv: &str) -> HashMap<String, Vec<Cue>> {
    let mut out: HashMap<String, Vec<Cue>> = HashMap::default();
    for line in tsv.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 {
            continue;
        }
        let fixed = cols[2].trim() == "joint";
        let kind = match cols[2].trim() {
            "verb" | "joint" => CueKind::Verb,
            "weak" => CueKind::Weak,
            "noun" => CueKind::Noun,
            "block" => CueKind::Block,
            "veto" => CueKind::Veto,
            "invite" => CueKind::Invite,
            "directive" => CueKind::Directive,
            "future" => CueKind::Future,
            "object" => CueKind::Object,
            _ => continue,
        };
        let form = cols[1].trim();
        let exact_marks = !form.is_ascii();
        let words = crate::core::lexicon::phrase_words(form, |w| {
            let w = w.replace('’', "'");
            if exact_marks {
                w.lowercase()
            } else {
                fold(&w)
            }
        });
        if words.is_empty() {
            continue;
        }
        out.entry(cols[0].trim().to_string())
            .or_default()
            .push(Cue {
                words,
                exact_marks,
                kind,
                fixed,
            });
    }
    out
}

/// A cue found in a sentence: its kind and the byte span it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CueHit {
    pub kind: CueKind,
    pub span: Span,
}

/// Word keys of one token: folded and lowercase forms, and the same after an elided article
/// ("l'", "d'", "s'"; "" when there is none), borrowed from `Doc::keys`.
struct WordKey<'b> {
    folded: [&'b str; 2],
    lower: [&'b str; 2],
    span: Span,
}

/// A key and the same after an elided article of 1-3 bytes ("" when there is none).
fn with_elision(s: &str) -> [&str; 2] {
    match find_byte(s, b'\'') {
        Some(pos) if pos > 0 && pos <= 3 && pos + 1 < s.len() => {
            [s, s.get(pos + 1..).unwrap_or("")]
        }
        _ => [s, ""],
    }
}

fn word_matches(keys: &[&str], word: &str, prefix: bool) -> bool {
    keys.iter().any(|k| {
        if prefix {
            k.starts_with(word)
        } else {
            *k == word
        }
    })
}

/// How many words a gap (`~` in a phrase: "führte ~ durch", "kam ~ zusammen") may skip.
const GAP_WORDS: usize = 10;

/// Where cue words `cue.words[k..]` matched from word `i` end (exclusive word index), if they do:
/// the shortest match, a gap taking as few words as it can.
fn match_at(cue: &Cue, words: &[WordKey], i: usize, k: usize) -> Option<usize> {
    let Some((w, prefix)) = cue.words.get(k) else {
        return Some(i);
    };
    if w == "~" {
        return (1..=GAP_WORDS)
            .take_while(|skip| i + skip < words.len())
            .find_map(|skip| match_at(cue, words, i + skip, k + 1));
    }
    let key = words.get(i)?;
    let hit = if cue.exact_marks {
        word_matches(&key.lower, w, *prefix)
    } else {
        word_matches(&key.folded, w, *prefix)
    };
    if hit {
        match_at(cue, words, i + 1, k + 1)
    } else {
        None
    }
}

/// Word keys of every word token of `doc.tokens[lo..hi]`, borrowed from `doc.keys`.
fn word_keys<'d>(doc: &'d Doc, lo: usize, hi: usize) -> Vec<WordKey<'d>> {
    let hi = hi.min(doc.tokens.len());
    let mut out = Vec::with_capacity(hi.saturating_sub(lo));
    for (i, t) in doc.tokens.iter().enumerate().take(hi).skip(lo) {
        if t.kind != TokenKind::Word {
            continue;
        }
        let lower = with_elision(doc.keys.lower(i));
        // An ASCII word has one form for both.
        let folded = if doc.keys.same(i) {
            lower
        } else {
            with_elision(doc.keys.folded(i))
        };
        out.push(WordKey {
            folded,
            lower,
            span: t.span,
        });
    }
    out
}

/// Every cue of language `lang` among the word keys of one sentence, longest match first, blocks
/// removing the triggers they cover; `ids` is scratch space kept across calls.
fn cues_in_words(words: &[WordKey], lang: &str, ids: &mut Vec<u32>) -> Vec<CueHit> {
    let lex = lexicon();
    let Some(cues) = lex.get(lang) else {
        return Vec::new();
    };
    let mut hits: Vec<CueHit> = Vec::new();
    let mut blocked: Vec<Span> = Vec::new();
    let Some((by_folded, by_lower, prefix_first, prefix_bytes)) = first_index().get(lang) else {
        return Vec::new();
    };
    for i in 0..words.len() {
        // Only the cues whose first word can match here, in lexicon order.
        ids.clear();
        for k in words[i].folded.iter().filter(|k| !k.is_empty()) {
            ids.extend(by_folded.get(*k).into_iter().flatten());
        }
        for k in words[i].lower.iter().filter(|k| !k.is_empty()) {
            ids.extend(by_lower.get(*k).into_iter().flatten());
        }
        let may_prefix = words[i]
            .folded
            .iter()
            .chain(&words[i].lower)
            .filter_map(|k| k.as_bytes().first())
            .any(|&b| prefix_bytes[usize::from(b >> 6)] & (1 << (b & 63)) != 0);
        if may_prefix {
            ids.extend_from_slice(prefix_first);
        }
        // Few and distinct (one table per cue, a word's two forms differ): insertion sort.
        for k in 1..ids.len() {
            let mut j = k;
            while j > 0 && ids[j - 1] > ids[j] {
                ids.swap(j - 1, j);
                j -= 1;
            }
        }
        for cue in ids.iter().map(|&id| &cues[id as usize]) {
            let Some(end) = match_at(cue, words, i, 0) else {
                continue;
            };
            let n = end - i;
            // "rencontré" folds to the noun "rencontre": an accented last letter the noun lacks
            // makes another word (a participle).
            let ok = !(cue.kind == CueKind::Noun
                && !cue.exact_marks
                && cue.words.last().is_some_and(|(w, prefix)| {
                    !prefix
                        && words[i + n - 1].lower[0].chars().last().is_some_and(|c| {
                            !c.is_ascii() && w.ends_with(fold(&c.to_string()).as_str())
                        })
                }));
            if ok {
                // A phrase with a gap stands where its first part does ("kam" of "kam ~ zusammen").
                let head = cue
                    .words
                    .iter()
                    .position(|(w, _)| w == "~")
                    .unwrap_or(n)
                    .max(1);
                let s = Span::new(words[i].span.start, words[i + head - 1].span.end);
                if cue.kind == CueKind::Block {
                    blocked.push(s);
                } else {
                    // "the visit", "la visite", "esta visita", "Nadella's visit": a verb form used as a noun.
                    let after_determiner = i > 0
                        && (words[i - 1].folded[0].ends_with("'s")
                            || DETERMINERS
                                .iter()
                                .find(|(l, _)| *l == lang)
                                .is_some_and(|(_, ds)| ds.contains(&words[i - 1].folded[0])));
                    // "une rencontre avec X", "pertemuan dengan X": a noun with its counterpart reads as a verb.
                    let with_follows =
                        WITH.iter()
                            .find(|(l, _)| *l == lang)
                            .is_some_and(|(_, ws)| {
                                words[(i + n).min(words.len())..words.len().min(i + n + 2)]
                                    .iter()
                                    .any(|w| ws.contains(&w.folded[0]))
                            });
                    let kind = if cue.fixed {
                        cue.kind
                    } else if cue.kind == CueKind::Noun && with_follows {
                        CueKind::Verb
                    } else if matches!(cue.kind, CueKind::Verb | CueKind::Weak) && after_determiner
                    {
                        CueKind::Noun
                    } else {
                        cue.kind
                    };
                    hits.push(CueHit { kind, span: s });
                }
            }
        }
    }
    // A block phrase vetoes the triggers it overlaps, except a longer trigger phrase containing it
    // ("se encontra" is "is located", "se encontra com" is "meets").
    hits.retain(|h| {
        !(h.kind.is_trigger()
            && blocked
                .iter()
                .any(|b| b.overlaps(h.span) && !(h.span.contains(*b) && h.span.len() > b.len())))
    });
    // A word listed both as a verb stem and as a noun ("incontr*", "incontro") is the noun.
    let nouns: Vec<Span> = hits
        .iter()
        .filter(|h| h.kind == CueKind::Noun)
        .map(|h| h.span)
        .collect();
    hits.retain(|h| !(matches!(h.kind, CueKind::Verb | CueKind::Weak) && nouns.contains(&h.span)));
    crate::core::sort::sort_by_key(&mut hits, |h| (h.span.start, std::cmp::Reverse(h.span.end)));
    hits
}

/// First and last day of a date, as comparable (y, m, d) triples.
fn date_range(v: DateValue) -> ((i32, u32, u32), (i32, u32, u32)) {
    match v {
        DateValue::Day { y, m, d } => ((y, m, d), (y, m, d)),
        DateValue::Month { y, m } => ((y, m, 1), (y, m, 31)),
        DateValue::Year { y } => ((y, 1, 1), (y, 12, 31)),
    }
}

/// Whether `a` lies wholly after / before `b`.
fn after(a: DateValue, b: DateValue) -> bool {
    date_range(a).0 > date_range(b).1
}
fn before(a: DateValue, b: DateValue) -> bool {
    date_range(a).1 < date_range(b).0
}

fn granularity(v: DateValue) -> u8 {
    match v {
        DateValue::Day { .. } => 3,
        DateValue::Month { .. } => 2,
        DateValue::Year { .. } => 1,
    }
}

fn place_rank(e: &Entity) -> u8 {
    match e.place_type.as_deref() {
        Some("venue") => 4,
        Some("city") => 3,
        Some("region") => 2,
        Some("country") => 1,
        _ => 3,
    }
}

/// A meeting told by one sentence, before merging.
#[derive(Debug, Clone)]
struct Candidate {
    sentence: Span,
    parties: Vec<usize>,
    date: Option<DateValue>,
    date_in_sentence: bool,
    /// The sentence names the meeting with a noun ("the meeting", "cette visite"): an anaphora when the date is carried.
    has_noun: bool,
    status: EventStatus,
    place: Option<usize>,
    /// The place came from the dateline, not from the sentence.
    place_weak: bool,
    /// Candidates split from one sentence (one per visited organisation) never merge together.
    group: usize,
    /// Paragraph index of the (last merged) sentence.
    para: usize,
    /// The sentence opens with a sequence marker ("Previamente", "Im Anschluss", "Trước đó"): it
    /// tells another event than the sentences before.
    sequenced: bool,
}

/// The meetings `doc` reports, one event per distinct meeting.
pub fn find_meetings(doc: &Doc, entities: &[Entity], dates: &[DateMention]) -> Vec<Event> {
    let lang = doc.lang;
    let sentences = &doc.sentences;
    // One buffer for the names' keys (no `String` per entity).
    let mut key = String::new();
    let mut is_party = |e: &Entity| {
        (e.kind == EntityKind::Person
            || (e.kind == EntityKind::Org && e.class.as_deref() != Some("media")))
            && !known_place_only(&e.name, &mut key)
    };
    // Every mention of a person or organisation, in text order.
    let mut mentions: Vec<(Span, usize)> = Vec::new();
    let mut place_mentions: Vec<(Span, usize)> = Vec::new();
    for (i, e) in entities.iter().enumerate() {
        let party = is_party(e);
        for m in &e.mentions {
            if doc.is_noise(*m) {
                continue;
            }
            if party {
                mentions.push((*m, i));
            } else if e.kind == EntityKind::Place {
                place_mentions.push((*m, i));
            }
        }
    }
    crate::core::sort::sort(&mut mentions);
    crate::core::sort::sort(&mut place_mentions);
    let mut resolved: Vec<&DateMention> = dates
        .iter()
        .filter(|d| d.value.is_some() && !doc.is_noise(d.span))
        .collect();
    crate::core::sort::sort_by_key(&mut resolved, |d| d.span);
    let paragraphs = paragraph_starts(doc.text);
    let paragraph_of = |pos: usize| paragraphs.partition_point(|&p| p <= pos);
    // The lead: the first two body sentences (dateline included). A date of the lead's text wins
    // over the dateline's, which is the day of the report ("ROMA, 21 GIU - … presentato ieri").
    let dateline_end = dateline_end(doc);
    let lead_end = sentences.get(1).or(sentences.first()).map(|s| s.end);
    let lead_pick = |past_dateline: bool| {
        let end = lead_end?;
        resolved
            .iter()
            .filter(|d| d.span.end <= end)
            .filter(|d| !past_dateline || dateline_end.is_none_or(|e| d.span.start >= e))
            .min_by_key(|d| {
                (
                    std::cmp::Reverse(granularity(d.value.unwrap_or(DateValue::Year { y: 0 }))),
                    d.span.start,
                )
            })
            .and_then(|d| d.value)
    };
    let lead_date = lead_pick(true).or_else(|| lead_pick(false));
    let dateline_place = dateline_place(doc, &place_mentions, entities);

    let mut candidates: Vec<Candidate> = Vec::new();
    let mut group = 0;
    // Word keys of the whole text, built once; each sentence takes its slice.
    let all_words = word_keys(doc, 0, doc.tokens.len());
    let mut ids: Vec<u32> = Vec::new();
    for (si, &sent) in sentences.iter().enumerate() {
        let wlo = all_words.partition_point(|w| w.span.start < sent.start);
        let whi = all_words.partition_point(|w| w.span.start < sent.end);
        let cues = cues_in_words(all_words.get(wlo..whi).unwrap_or(&[]), lang, &mut ids);
        // "received an award", "signed a letter": a weak trigger whose object is a thing.
        let triggers: Vec<&CueHit> = cues
            .iter()
            .filter(|c| c.kind.is_trigger())
            .filter(|c| {
                c.kind != CueKind::Weak
                    || !cues.iter().any(|o| {
                        o.kind == CueKind::Object
                            && o.span.start >= c.span.end
                            && tokens_between(doc, c.span, o.span) <= 3
                            // "…empfangen und weitere Unterstützung zugesagt": after "and" the
                            // thing belongs to the next clause.
                            && !and_between(doc, c.span, o.span)
                    })
            })
            .collect();
        let Some(first_trigger) = triggers.first() else {
            continue;
        };
        if cues.iter().any(|c| c.kind == CueKind::Veto) {
            continue;
        }
        if cues
            .iter()
            // The invitation governs the trigger ("invited X to visit", "pidió a Ana reunirse"),
            // not a meeting told later in the sentence ("asked him about trade during their meeting").
            .any(|c| {
                let reach = match c.kind {
                    CueKind::Invite => INVITE_REACH,
                    CueKind::Directive => DIRECTIVE_REACH,
                    _ => return false,
                };
                c.span.start < first_trigger.span.start
                    && (tokens_between(doc, c.span, first_trigger.span) <= reach
                        || infinitive_before(doc, first_trigger.span))
            })
        {
            continue;
        }
        let has_noun = triggers.iter().any(|c| c.kind == CueKind::Noun);
        let noun_only = triggers.iter().all(|c| c.kind == CueKind::Noun);
        let weak_only = triggers.iter().all(|c| c.kind == CueKind::Weak);
        // Parties in order of first mention.
        let mut parties: Vec<usize> = Vec::new();
        let mut first_pos: Vec<(usize, usize)> = Vec::new();
        let mut last_end: Option<usize> = None;
        let mut summit_named = false;
        let lists = bracketed_lists(doc, sent, &mentions);
        for (m, e) in &mentions {
            if !sent.contains(*m) {
                continue;
            }
            // "the ministries in the delegation (A, B, C)": members of a bracketed list are no parties.
            if lists.iter().any(|l| l.contains(*m)) {
                continue;
            }
            // "Meta (sebelumnya Facebook)", "Meta (formerly Facebook)": a former name or an
            // abbreviation in brackets right after a party is not another party.
            let bracketed = entities[*e].kind == EntityKind::Org
                && last_end.is_some_and(|le| {
                    let gap = doc.text.get(le..m.start).unwrap_or("");
                    gap.trim_start().starts_with('(') && gap.split_whitespace().count() <= 2
                });
            last_end = Some(m.end);
            // "la cúpula del G20", "the G7 summit": the organisation names a summit, not a party.
            if entities[*e].kind == EntityKind::Org && names_summit(doc, sent, *m) {
                summit_named = true;
                continue;
            }
            if !bracketed && !parties.contains(e) {
                parties.push(*e);
                first_pos.push((*e, m.start));
            }
        }
        // "após participar da cúpula do G20": a named multilateral summit alone is no meeting.
        if noun_only && summit_named {
            continue;
        }
        let in_sentence_persons = parties
            .iter()
            .filter(|&&p| entities[p].kind == EntityKind::Person)
            .count();
        let group_object =
            group_object_after(doc, lang, sent, first_trigger.span).is_some_and(|at| {
                !first_pos
                    .iter()
                    .any(|(e, p)| entities[*e].kind == EntityKind::Person && *p >= at)
            });
        // "He was welcomed by Joe Biden", "Ia menerima Elon Musk": a subject pronoun (or a dropped
        // subject in es/it/pt: "Poi ha ricevuto …", the verb among the sentence's first three
        // words) before the weak trigger is the other party.
        let subject_elided = {
            let first_party = first_pos.iter().map(|(_, p)| *p).min().unwrap_or(sent.end);
            first_party > first_trigger.span.start
                && (subject_pronoun_before(doc, lang, sent, first_trigger.span.start)
                    || (matches!(lang, "es" | "it" | "pt")
                        && tokens_between(
                            doc,
                            Span::new(sent.start, sent.start),
                            first_trigger.span,
                        ) <= 3))
        };
        if weak_only
            && (in_sentence_persons == 0 || (parties.len() < 2 && !group_object && !subject_elided))
        {
            continue;
        }
        // Affiliated organisations of the persons present, when the article names them.
        let mut extra = Vec::new();
        for &p in &parties {
            if let Some(aff) = entities[p].affiliation.as_deref() {
                if let Some(oi) = entities.iter().position(|o| {
                    o.kind == EntityKind::Org
                        && o.name == aff
                        && o.class.as_deref() != Some("government")
                }) {
                    if !parties.contains(&oi) && !extra.contains(&oi) {
                        extra.push(oi);
                    }
                }
            }
        }
        parties.extend(extra);
        let persons = |ps: &[usize]| {
            ps.iter()
                .filter(|&&p| entities[p].kind == EntityKind::Person)
                .count()
        };
        // The person in focus: the last person named in the three sentences before.
        // A subject pronoun before any named person stands for the person in focus ("He was joined
        // by…"); after one, it is that person ("Musk said he planned…").
        let first_person_at = first_pos
            .iter()
            .filter(|(e, _)| entities[*e].kind == EntityKind::Person)
            .map(|(_, p)| *p)
            .min()
            .unwrap_or(sent.end)
            .min(first_trigger.span.start);
        let pronoun_subject = subject_pronoun_before(doc, lang, sent, first_person_at);
        // Sides: persons, plus organisations nobody present represents. A person with their own
        // organisation ("Tim Cook visited an Apple store") is one side, not a meeting.
        let trigger_spans: Vec<Span> = triggers.iter().map(|t| t.span).collect();
        let free_orgs = |ps: &[usize]| {
            ps.iter()
                .filter(|&&o| {
                    entities[o].kind == EntityKind::Org
                        && !represented(o, ps, entities, &first_pos, doc, sent, &trigger_spans)
                })
                .count()
        };
        // "visit India", "thăm Việt Nam": a visit to a place names no counterpart to borrow.
        let visits_place = place_mentions.iter().any(|(m, _)| {
            m.start >= first_trigger.span.end
                && sent.contains(*m)
                && tokens_between(doc, first_trigger.span, *m) <= 1
        });
        // "The two leaders had held talks", "Les deux chefs d'État se sont retrouvés": a group
        // subject stands for the article's main pair, the two leaders named most so far.
        let group_subject = {
            let head = doc
                .text
                .get(sent.start..first_trigger.span.start)
                .unwrap_or("");
            let f = fold(head).replace('’', "'");
            let pairs = BytePairs::of(&f);
            if GROUP_SUBJECTS
                .iter()
                .any(|g| pairs.may_contain(g) && find_str(&f, g).is_some())
            {
                main_pair(&mentions, entities, sent.start)
            } else {
                None
            }
        };
        if let Some((a, b)) = group_subject {
            for p in [b, a] {
                if !parties.contains(&p) {
                    parties.insert(0, p);
                }
            }
        }
        // "Sunak met the chief executives of three labs. Sam Altman of OpenAI, Demis Hassabis …
        // and Dario Amodei … discussed safety": a group object named in the next sentence.
        let mut named_next = false;
        if group_object {
            if let Some(next) = sentences
                .get(si + 1)
                .filter(|n| paragraph_of(n.start) == paragraph_of(sent.start))
            {
                let next_lists = bracketed_lists(doc, *next, &mentions);
                let named: Vec<usize> = mentions
                    .iter()
                    .filter(|(m, _)| {
                        next.contains(*m) && !next_lists.iter().any(|l| l.contains(*m))
                    })
                    .map(|(_, e)| *e)
                    .collect();
                let named_persons = named
                    .iter()
                    .enumerate()
                    .filter(|(k, e)| {
                        entities[**e].kind == EntityKind::Person && !named[..*k].contains(e)
                    })
                    .count();
                if named_persons >= 2 {
                    for e in named {
                        if !parties.contains(&e) {
                            parties.push(e);
                        }
                    }
                    named_next = true;
                }
            }
        }
        if !visits_place
            && group_subject.is_none()
            && !named_next
            && (persons(&parties) == 0
                || persons(&parties) + free_orgs(&parties) < 2
                || pronoun_subject)
        {
            let window_start = sentences[si.saturating_sub(3)].start;
            let earlier_person = |m: &Span, e: &usize| {
                m.end <= sent.start
                    && m.start >= window_start
                    && entities[*e].kind == EntityKind::Person
                    && !parties.contains(e)
            };
            // A subject pronoun (or a dropped one) stands for the subject of the last sentence that names a person
            // ("Modi met Musk on Thursday. He also met Tim Cook"); a title for the last person named.
            // Spanish, Italian and Portuguese drop the subject pronoun ("Luego se reunió con …").
            let dropped_subject = matches!(lang, "es" | "it" | "pt")
                && first_trigger.kind != CueKind::Noun
                && first_person_at >= first_trigger.span.start;
            let focus = if pronoun_subject || dropped_subject {
                mentions
                    .iter()
                    .rev()
                    .find(|(m, e)| earlier_person(m, e))
                    .and_then(|(last, _)| {
                        let s = sentences.iter().find(|s| s.contains(*last))?;
                        mentions
                            .iter()
                            .find(|(m, e)| s.contains(*m) && earlier_person(m, e))
                    })
            } else {
                mentions.iter().rev().find(|(m, e)| earlier_person(m, e))
            };
            if let Some((_, e)) = focus {
                parties.insert(0, *e);
            }
        }
        if persons(&parties) + free_orgs(&parties) < 2 || persons(&parties) == 0 {
            continue;
        }
        // Date: in the sentence (finest, nearest the trigger), else paragraph, else lead, else earlier.
        // Dates are read around the first verb trigger when there is one ("L'entretien, qui a
        // duré une heure, …, passé lundi par Madrid, où il a rencontré …").
        let date_trigger = triggers
            .iter()
            .find(|t| t.kind != CueKind::Noun)
            .unwrap_or(first_trigger);
        let relative_at = relative_clause_start(doc, lang, sent, date_trigger.span.end);
        let future_cue = cues.iter().any(|c| c.kind == CueKind::Future);
        // Comma-delimited relative clauses before the trigger (", che oggi è atteso a Parigi,").
        let asides = relative_asides(doc, lang, Span::new(sent.start, first_trigger.span.start));
        let in_sentence = resolved
            .iter()
            .filter(|d| sent.contains(d.span) && relative_at.is_none_or(|r| d.span.start < r))
            .filter(|d| !asides.iter().any(|a| a.contains(d.span)))
            .filter(|d| !after_since(doc, sent, d.span))
            // A meeting named only by a noun takes a date that stands next to it ("Tuesday's
            // meeting", "the visit on 3 May"), not one from elsewhere in the sentence.
            .filter(|d| {
                !noun_only
                    || triggers
                        .iter()
                        .any(|t| tokens_between(doc, t.span, d.span) <= NOUN_DATE_REACH)
            })
            // A planned meeting's date follows its trigger ("leaves on Saturday and is due to hold
            // talks … on Sunday").
            .max_by_key(|d| {
                let dist = d.span.start.abs_diff(date_trigger.span.start);
                (
                    granularity(d.value.unwrap_or(DateValue::Year { y: 0 })),
                    future_cue && d.span.start >= date_trigger.span.end,
                    std::cmp::Reverse(dist),
                )
            })
            .and_then(|d| d.value);
        let para = paragraph_of(sent.start);
        let earlier = || {
            resolved
                .iter()
                .rev()
                .find(|d| d.span.end <= sent.start && granularity(d.value.unwrap()) >= 2)
        };
        // Carried: the paragraph's last date, else the lead's (unless it lies after publication),
        // else the date of the meeting told just before, else the nearest earlier date.
        let previous_meeting = candidates.last().and_then(|c: &Candidate| c.date);
        // "The meeting came a day after Altman was received…": a meeting told after such a phrase
        // lies one day from the carried date.
        // (Only read for a carried date.)
        let shift = || day_shift(doc, sent, &triggers);
        let date = in_sentence.or_else(|| {
            earlier()
                .filter(|d| paragraph_of(d.span.start) == para)
                .and_then(|d| d.value)
                .or(lead_date.filter(|l| doc.published.is_none_or(|p| !after(*l, p))))
                .or(previous_meeting)
                .or_else(|| earlier().and_then(|d| d.value))
                .map(|d| add_days(d, shift()))
        });
        // Status: a date after publication, or a future marker without a past date.
        let future =
            cues.iter().any(|c| c.kind == CueKind::Future) || future_tense_in(doc, lang, sent);
        let status = match (date, doc.published) {
            (Some(d), Some(p)) if after(d, p) => EventStatus::Planned,
            (Some(d), Some(p)) if before(d, p) => EventStatus::Happened,
            _ if future => EventStatus::Planned,
            _ => EventStatus::Happened,
        };
        if date.is_none() {
            continue;
        }
        // Place: the most specific place named in the sentence, else the dateline's.
        // Place: the most specific place named in the sentence (the first of equal rank); a country
        // there often only qualifies someone ("South Korea's president"), so a dateline
        // city or region beats it.
        let sentence_place = place_mentions
            .iter()
            .filter(|(m, _)| sent.contains(*m) && dateline_end.is_none_or(|d| m.start >= d))
            .map(|(m, e)| (*e, m.start))
            .min_by_key(|&(e, pos)| (std::cmp::Reverse(place_rank(&entities[e])), pos))
            .map(|(e, _)| e);
        let (place, place_weak) = match (sentence_place, dateline_place) {
            (Some(sp), Some(dp))
                if place_rank(&entities[sp]) < 2 && place_rank(&entities[dp]) >= 2 =>
            {
                (Some(dp), true)
            }
            (Some(sp), _) => (Some(sp), false),
            (None, dp) => (dp, true),
        };
        let sequenced = opens_with_sequence(doc, sent);
        // One visit per organisation when one person visits several organisations nobody represents.
        group += 1;
        // A candidate of this sentence with the parties `parties`.
        let candidate = |parties: Vec<usize>| Candidate {
            sentence: sent,
            parties,
            date,
            date_in_sentence: in_sentence.is_some(),
            has_noun,
            status,
            place,
            place_weak,
            group,
            para,
            sequenced,
        };
        // "met separately with A and B", "lần lượt tiếp A và B": one meeting per counterpart.
        if let Some(sets) = separate_meetings(
            doc,
            lang,
            sent,
            first_trigger.span,
            &parties,
            &first_pos,
            entities,
        ) {
            for ps in sets {
                candidates.push(candidate(ps));
            }
            continue;
        }
        let unattached: Vec<usize> = parties
            .iter()
            .copied()
            .filter(|&o| {
                entities[o].kind == EntityKind::Org
                    && entities[o].class.as_deref() != Some("government")
                    && !represented(o, &parties, entities, &first_pos, doc, sent, &trigger_spans)
            })
            .collect();
        if persons(&parties) == 1 && unattached.len() >= 2 && unattached.len() == parties.len() - 1
        {
            let host: Vec<usize> = parties
                .iter()
                .copied()
                .filter(|p| !unattached.contains(p))
                .collect();
            for o in unattached {
                let mut ps = host.clone();
                ps.push(o);
                candidates.push(candidate(ps));
            }
        } else {
            candidates.push(candidate(parties));
        }
    }
    // The protagonist: the person mentioned most often in the article.
    let mut per_person: HashMap<usize, usize> = HashMap::default();
    for (_, e) in &mentions {
        if entities[*e].kind == EntityKind::Person {
            *per_person.entry(*e).or_default() += 1;
        }
    }
    let protagonist = per_person
        .iter()
        .max_by_key(|(e, n)| (**n, std::cmp::Reverse(**e)))
        .map(|(e, _)| *e);
    merge(candidates, entities, protagonist)
}

/// Bracketed spans of `sent` that hold two or more party mentions: an enumeration of members
/// ("para pemimpin kementerian dalam delegasi (Kementerian A, Kementerian B, …)"), not counterparts.
fn bracketed_lists(doc: &Doc, sent: Span, mentions: &[(Span, usize)]) -> Vec<Span> {
    let Some(s) = doc.text.get(sent.start..sent.end) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    // Brackets are ASCII: a byte scan finds them at the offsets `char_indices` gives.
    for (k, ch) in s.bytes().enumerate() {
        match ch {
            b'(' => open = Some(sent.start + k),
            b')' => {
                if let Some(o) = open.take() {
                    let span = Span::new(o, sent.start + k + 1);
                    let lo = mentions.partition_point(|(m, _)| m.start < span.start);
                    let inside = mentions[lo..]
                        .iter()
                        .take_while(|(m, _)| m.end <= span.end)
                        .count();
                    if inside >= 2 {
                        out.push(span);
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// Whether the gazetteer knows `name` only as a place (a country or city mistaken for a party).
/// `key`: scratch space for the name's key.
fn known_place_only(name: &str, key: &mut String) -> bool {
    key.clear();
    name_key_into(key, name);
    let hits = lexicon::gazetteer().lookup(key);
    let g = lexicon::gazetteer();
    !hits.is_empty()
        && hits.iter().all(|h| {
            g.entries
                .get(h.entry as usize)
                .is_some_and(|e| e.kind == EntityKind::Place)
        })
}

/// Whether organisation `o` stands next to a person of `parties` (their representative:
/// "Jensen Huang - Presiden Nvidia", "CEO Grab, Anthony Tan", "Tim Cook, de Apple").
fn represented(
    o: usize,
    parties: &[usize],
    entities: &[Entity],
    first_pos: &[(usize, usize)],
    doc: &Doc,
    sent: Span,
    triggers: &[Span],
) -> bool {
    if parties.iter().any(|&p| {
        entities[p].kind == EntityKind::Person
            && entities[p].affiliation.as_deref() == Some(entities[o].name.as_str())
    }) {
        return true;
    }
    let org_spans: Vec<Span> = entities[o]
        .mentions
        .iter()
        .copied()
        .filter(|m| sent.contains(*m))
        .collect();
    let _ = first_pos;
    for &p in parties {
        if entities[p].kind != EntityKind::Person {
            continue;
        }
        for pm in entities[p].mentions.iter().filter(|m| sent.contains(**m)) {
            for om in &org_spans {
                let (a, b) = if om.start < pm.start {
                    (om.end, pm.start)
                } else {
                    (pm.end, om.start)
                };
                if a > b {
                    continue;
                }
                // Tokens are sorted and disjoint: those from `a` on, up to the first starting at `b`.
                let from = doc.tokens.partition_point(|t| t.span.start < a);
                let between = doc.tokens[from..]
                    .iter()
                    .take_while(|t| t.span.start < b)
                    .filter(|t| t.span.end <= b && t.kind == TokenKind::Word)
                    .count();
                let trigger_between = triggers.iter().any(|t| t.start >= a && t.end <= b);
                if between <= 6 && !trigger_between {
                    return true;
                }
            }
        }
    }
    false
}

/// Where the dateline ("PHOENIX (EE. UU.) —") ends in the first sentence, if there is one.
fn dateline_end(doc: &Doc) -> Option<usize> {
    let first = doc.sentences.first()?;
    // The first line from the first sentence on: "Feb. 25" may split the sentences.
    let rest = &doc.text[first.start..];
    let s = &rest[..rest.find('\n').unwrap_or(rest.len())];
    // "ROMA, 21 GIU - …", "SINES, 29 abr (Lusa) - …", "KIKUYO, Japan, Feb. 25 (Kyodo) -- …".
    let dash = s
        .find(" — ")
        .or_else(|| s.find(" – "))
        .or_else(|| s.find(" - "))
        .or_else(|| s.find(" -- "))?;
    (dash <= 60).then_some(first.start + dash)
}

/// The place the dateline names ("PHOENIX (EE. UU.) —", "HÀ NỘI —"): a place mentioned in the first line before a dash.
fn dateline_place(doc: &Doc, places: &[(Span, usize)], entities: &[Entity]) -> Option<usize> {
    let first = doc.sentences.first()?;
    let s = first.slice(doc.text);
    let dash = s.find(" — ").or_else(|| s.find(" – "))?;
    if dash > 60 {
        return None;
    }
    let end = first.start + dash;
    places
        .iter()
        .filter(|(m, _)| m.start >= first.start && m.end <= end)
        .map(|(_, e)| *e)
        .max_by_key(|&e| place_rank(&entities[e]))
}

fn paragraph_starts(text: &str) -> Vec<usize> {
    let mut out = vec![0];
    let b = text.as_bytes();
    let mut i = 0;
    while i + 1 < b.len() {
        // Straight to the next line break (`position` over bytes, not an index loop).
        match b
            .get(i..b.len() - 1)
            .and_then(|r| r.iter().position(|&x| x == b'\n'))
        {
            Some(p) => i += p,
            None => break,
        }
        if b[i] == b'\n' {
            let mut j = i + 1;
            while j < b.len() && (b[j] == b' ' || b[j] == b'\t' || b[j] == b'\r') {
                j += 1;
            }
            if j < b.len() && b[j] == b'\n' {
                out.push(j + 1);
                i = j + 1;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// Merge candidates that tell the same meeting: an anaphoric noun ("the meeting") with a carried date
/// joins the latest meeting of that date; otherwise a candidate joins the meeting of the same date and
/// status with which it shares most parties.
fn merge(
    candidates: Vec<Candidate>,
    entities: &[Entity],
    protagonist: Option<usize>,
) -> Vec<Event> {
    // The anchor: the article's protagonist, when several candidates have them; sharing only the
    // anchor does not make two candidates the same meeting.
    let anchor =
        protagonist.filter(|p| candidates.iter().filter(|c| c.parties.contains(p)).count() >= 2);
    // The anchor's own organisation is shared as the anchor is ("Sam Altman" and "OpenAI").
    let anchor_org = anchor
        .and_then(|a| entities[a].affiliation.as_deref())
        .and_then(|aff| {
            entities
                .iter()
                .position(|e| e.kind == EntityKind::Org && e.name == aff)
        });
    let mut out: Vec<Candidate> = Vec::new();
    for c in candidates {
        // A sentence opening with a sequence marker tells another event: it joins one only
        // when it adds nobody.
        let same_date = |o: &Candidate| {
            o.date == c.date
                && o.status == c.status
                && (!c.sequenced || c.parties.iter().all(|p| o.parties.contains(p)))
        };
        let target = if c.has_noun && !c.date_in_sentence {
            out.iter()
                .rposition(|o| {
                    same_date(o)
                        && o.group != c.group
                        && o.parties.iter().any(|p| c.parties.contains(p))
                })
                .or_else(|| {
                    out.iter()
                        .rposition(|o| same_date(o) && o.group != c.group && c.para <= o.para + 1)
                })
        } else {
            None
        };
        let target = target.or_else(|| {
            out.iter()
                .enumerate()
                .filter(|(_, o)| same_date(o) && o.group != c.group)
                .map(|(i, o)| {
                    let shared = o
                        .parties
                        .iter()
                        .filter(|p| {
                            c.parties.contains(p) && Some(**p) != anchor && Some(**p) != anchor_org
                        })
                        .count();
                    (i, shared)
                })
                .filter(|&(_, shared)| shared >= 1)
                .max_by_key(|&(i, shared)| (shared, i))
                .map(|(i, _)| i)
        });
        match target {
            Some(i) => {
                let o = &mut out[i];
                for p in &c.parties {
                    if !o.parties.contains(p) {
                        o.parties.push(*p);
                    }
                }
                if o.place.is_none() || (o.place_weak && !c.place_weak && c.place.is_some()) {
                    o.place = c.place;
                    o.place_weak = c.place_weak;
                }
                o.para = o.para.max(c.para);
            }
            None => out.push(c),
        }
    }
    out.into_iter()
        .map(|c| Event {
            kind: "meeting".to_string(),
            status: c.status,
            date: c.date.map(|d| d.iso()),
            place: c.place.map(|p| entities[p].name.clone()),
            participants: {
                // Names with distinct keys; `keys[i]` is `name_key(names[i])`.
                let mut names: Vec<String> = Vec::new();
                let mut keys: Vec<String> = Vec::new();
                let parties = c.parties.iter().map(|&p| entities[p].name.as_str());
                for n in parties.chain(representatives(&c.parties, entities)) {
                    let k = name_key(n);
                    if !keys.contains(&k) {
                        names.push(n.to_string());
                        keys.push(k);
                    }
                }
                names
            },
            evidence: c.sentence,
        })
        .filter(|e| e.participants.len() >= 2)
        .collect()
}

/// Persons who represent an organisation taking part without anyone of its own among the parties:
/// the one person of the article the text presents as that organisation's (its affiliation), when
/// there is exactly one ("the PM visited Meta" + "Joel Kaplan, Meta's vice president, said…").
fn representatives<'e>(parties: &[usize], entities: &'e [Entity]) -> Vec<&'e str> {
    let mut out = Vec::new();
    // Per entity, the key of a person's affiliation: built once, at the first organisation.
    let mut affiliations: Vec<Option<String>> = Vec::new();
    for &p in parties {
        let org = &entities[p];
        if org.kind != EntityKind::Org {
            continue;
        }
        if affiliations.is_empty() {
            affiliations = entities
                .iter()
                .map(|e| {
                    (e.kind == EntityKind::Person)
                        .then(|| e.affiliation.as_deref().map(name_key))
                        .flatten()
                })
                .collect();
        }
        let key = name_key(&org.name);
        let affiliated = |i: usize| {
            affiliations
                .get(i)
                .is_some_and(|a| a.as_ref() == Some(&key))
        };
        if parties.iter().any(|&q| affiliated(q)) {
            continue;
        }
        let mut reps = (0..entities.len()).filter(|&i| affiliated(i));
        if let (Some(rep), None) = (reps.next(), reps.next()) {
            out.push(entities[rep].name.as_str());
        }
    }
    out
}

/// The two persons with a head-of-state, government or ministerial role named most often before
/// `before` (ties: the first named): who "the two leaders" are.
fn main_pair(
    mentions: &[(Span, usize)],
    entities: &[Entity],
    before: usize,
) -> Option<(usize, usize)> {
    const LEADER: &[&str] = &[
        "President",
        "Prime Minister",
        "Chancellor",
        "Head of",
        "King",
        "Queen",
        "General Secretary",
        "Premier",
        "Minister",
    ];
    let mut counts: Vec<(usize, usize, usize)> = Vec::new();
    for (m, e) in mentions.iter().take_while(|(m, _)| m.end <= before) {
        let ent = &entities[*e];
        if ent.kind != EntityKind::Person
            || !ent
                .role
                .as_deref()
                .is_some_and(|r| LEADER.iter().any(|l| r.contains(l)))
        {
            continue;
        }
        match counts.iter_mut().find(|c| c.0 == *e) {
            Some(c) => c.1 += 1,
            None => counts.push((*e, 1, m.start)),
        }
    }
    crate::core::sort::sort_by_key(&mut counts, |c| (std::cmp::Reverse(c.1), c.2));
    match counts.as_slice() {
        [a, b, ..] => Some((a.0, b.0)),
        _ => None,
    }
}

/// Group subjects standing for the two sides met before (folded).
const GROUP_SUBJECTS: &[&str] = &[
    "the two leaders",
    "both leaders",
    "the two men",
    "the two presidents",
    "the two heads of state",
    "les deux chefs d'etat",
    "les deux dirigeants",
    "les deux hommes",
    "les deux presidents",
    "die beiden politiker",
    "die beiden staats",
    "die beiden regierungschefs",
    "die beiden manner",
    "die beiden spitzenpolitiker",
    "los dos lideres",
    "ambos lideres",
    "los dos mandatarios",
    "ambos mandatarios",
    "los dos presidentes",
    "i due leader",
    "i due presidenti",
    "entrambi i leader",
    "os dois lideres",
    "os dois presidentes",
    "ambos os lideres",
    "os dois chefes de estado",
    "kedua pemimpin",
    "kedua kepala negara",
    "kedua tokoh",
    "hai nha lanh dao",
    "hai ben",
];

/// Sequence markers opening a sentence that tells another event (folded): "Earlier in the day",
/// "Im Anschluss", "Previamente", "Trước đó", "À tarde".
const SEQUENCE: &[&str] = &[
    "earlier",
    "later",
    "afterwards",
    "after that",
    "then",
    "in the afternoon",
    "in the morning",
    "auparavant",
    "plus tot",
    "plus tard",
    "ensuite",
    "puis",
    "dans l'apres-midi",
    "dans la matinee",
    "im anschluss",
    "anschliessend",
    "anschließend",
    "danach",
    "zuvor",
    "vorher",
    "spater",
    "später",
    "am nachmittag",
    "am vormittag",
    "previamente",
    "antes",
    "despues",
    "luego",
    "mas tarde",
    "posteriormente",
    "por la tarde",
    "por la manana",
    "prima",
    "poi",
    "in seguito",
    "successivamente",
    "piu tardi",
    "nel pomeriggio",
    "in mattinata",
    "depois",
    "mais tarde",
    "em seguida",
    "a tarde",
    "pela manha",
    "sebelumnya",
    "kemudian",
    "setelah itu",
    "selanjutnya",
    "sore harinya",
    "pagi harinya",
    "truoc do",
    "sau do",
    "tiep do",
    "tiep theo",
];

/// Whether `sent` opens with a sequence marker followed by a comma or a word boundary.
fn opens_with_sequence(doc: &Doc, sent: Span) -> bool {
    let Some(text) = doc.text.get(sent.start..sent.end) else {
        return false;
    };
    let head: String = text.chars().take(24).collect();
    let folded = fold(&head);
    SEQUENCE.iter().any(|m| {
        folded.starts_with(m)
            && folded[m.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Markers of one meeting per counterpart (folded): "separately", "séparément", "lần lượt".
const SEPARATELY: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "separately",
            "in separate meetings",
            "one after the other",
            "in turn",
        ],
    ),
    (
        "fr",
        &[
            "separement",
            "tour a tour",
            "successivement",
            "l'un apres l'autre",
        ],
    ),
    (
        "id",
        &[
            "secara terpisah",
            "terpisah",
            "secara bergantian",
            "bergantian",
        ],
    ),
    ("vi", &["lan luot", "rieng re"]),
    (
        "de",
        &["getrennt", "nacheinander", "separat", "jeweils einzeln"],
    ),
    ("es", &["por separado", "separadamente", "sucesivamente"]),
    (
        "it",
        &["separatamente", "singolarmente", "uno dopo l'altro"],
    ),
    ("pt", &["separadamente", "em separado", "sucessivamente"]),
];

/// Two counterparts each given with their own title, in apposition: "la presidente del Senato,
/// Casellati, e il presidente della Camera, Fico", "the Speaker, A, and the Senate leader, B".
fn titled_pair(doc: &Doc, lang: &str, counterparts: &[(usize, usize)]) -> bool {
    let [(_, a), (_, b)] = counterparts else {
        return false;
    };
    let Some((_, ands)) = ANDS_BY_LANG.iter().find(|(l, _)| *l == lang) else {
        return false;
    };
    let before_a = doc.text.get(..*a).unwrap_or("").trim_end();
    let gap = doc.text.get(*a..*b).unwrap_or("");
    before_a.ends_with(',')
        && ands.iter().any(|c| {
            gap.find(&format!(", {c} "))
                .is_some_and(|at| gap[at + c.len() + 3..].split_whitespace().count() >= 2)
        })
}

/// Coordinating "and" per language.
const ANDS_BY_LANG: &[(&str, &[&str])] = &[
    ("en", &["and"]),
    ("fr", &["et"]),
    ("id", &["dan", "serta"]),
    ("vi", &["và"]),
    ("de", &["und"]),
    ("es", &["y", "e"]),
    ("it", &["e", "ed"]),
    ("pt", &["e"]),
];

/// Plural group nouns that stand for counterparts named in the next sentence (folded words):
/// "the chief executives of three labs", "les patrons de", "para CEO", "các lãnh đạo".
const GROUP_OBJECTS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "executives",
            "ceos",
            "bosses",
            "heads",
            "leaders",
            "founders",
            "representatives",
            "chairmen",
            "tycoons",
            "industrialists",
        ],
    ),
    (
        "fr",
        &[
            "patrons",
            "dirigeants",
            "representants",
            "pdg",
            "chefs",
            "responsables",
            "fondateurs",
            "industriels",
        ],
    ),
    ("id", &["para", "pimpinan", "perwakilan", "petinggi", "bos"]),
    ("vi", &["cac"]),
    (
        "de",
        &[
            "chefs",
            "vorstandschefs",
            "konzernchefs",
            "vertreter",
            "spitzen",
            "manager",
            "unternehmer",
            "wirtschaftsvertreter",
        ],
    ),
    (
        "es",
        &[
            "directivos",
            "ejecutivos",
            "lideres",
            "representantes",
            "consejeros",
            "responsables",
            "empresarios",
            "jefes",
            "dirigentes",
        ],
    ),
    (
        "it",
        &[
            "vertici",
            "amministratori",
            "dirigenti",
            "rappresentanti",
            "leader",
            "imprenditori",
            "capi",
            "manager",
        ],
    ),
    (
        "pt",
        &[
            "executivos",
            "lideres",
            "representantes",
            "dirigentes",
            "empresarios",
            "chefes",
            "diretores",
        ],
    ),
];

/// Where a plural group noun in the eight words after the trigger ends, if there is one.
fn group_object_after(doc: &Doc, lang: &str, sent: Span, trigger: Span) -> Option<usize> {
    let (_, nouns) = GROUP_OBJECTS.iter().find(|(l, _)| *l == lang)?;
    let lo = doc.tokens.partition_point(|t| t.span.start < trigger.end);
    let hi = doc.tokens.partition_point(|t| t.span.start < sent.end);
    doc.tokens[lo.min(hi)..hi]
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .take(8)
        .find(|t| lower_in(t.text(doc.text), nouns, true))
        .map(|t| t.span.end)
}

/// One party set per counterpart when the sentence says the meetings were separate: the parties
/// named before the trigger (and those carried in) meet each person named after it, each with the
/// organisations named nearest to them.
fn separate_meetings(
    doc: &Doc,
    lang: &str,
    sent: Span,
    trigger: Span,
    parties: &[usize],
    first_pos: &[(usize, usize)],
    entities: &[Entity],
) -> Option<Vec<Vec<usize>>> {
    let (_, markers) = SEPARATELY.iter().find(|(l, _)| *l == lang)?;
    let sent_text = doc.text.get(sent.start..sent.end)?;
    let pos = |e: usize| first_pos.iter().find(|(x, _)| *x == e).map(|(_, p)| *p);
    let counterparts: Vec<(usize, usize)> = parties
        .iter()
        .filter(|&&e| entities[e].kind == EntityKind::Person)
        .filter_map(|&e| pos(e).filter(|p| *p >= trigger.end).map(|p| (e, p)))
        .collect();
    if counterparts.len() < 2 {
        return None;
    }
    let text = fold(sent_text);
    let marked = markers.iter().any(|m| {
        text.match_indices(m).any(|(at, _)| {
            let before_ok = text[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let after_ok = text[at + m.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            before_ok && after_ok
        })
    });
    if !(marked || titled_pair(doc, lang, &counterparts)) {
        return None;
    }
    let mut host: Vec<usize> = Vec::new();
    let mut sets: Vec<Vec<usize>> = counterparts.iter().map(|(e, _)| vec![*e]).collect();
    for &e in parties {
        if counterparts.iter().any(|(c, _)| *c == e) {
            continue;
        }
        let own = counterparts.iter().position(|(c, _)| {
            entities[*c].affiliation.as_deref() == Some(entities[e].name.as_str())
        });
        let nearest = pos(e).filter(|p| *p >= trigger.end).and_then(|p| {
            counterparts
                .iter()
                .enumerate()
                .min_by_key(|(_, (_, cp))| cp.abs_diff(p))
                .map(|(k, _)| k)
        });
        match (entities[e].kind, own.or(nearest)) {
            (EntityKind::Org, Some(k)) => sets[k].push(e),
            _ => host.push(e),
        }
    }
    if !host.iter().any(|&h| entities[h].kind == EntityKind::Person) {
        return None;
    }
    Some(
        sets.into_iter()
            .map(|set| host.iter().copied().chain(set).collect())
            .collect(),
    )
}

/// Relative pronouns that open a clause about something else ("…, who was appointed in October").
const RELATIVES: &[(&str, &[&str])] = &[
    ("en", &["who", "which", "whose"]),
    ("fr", &["qui", "dont", "lequel", "laquelle"]),
    ("id", &["yang"]),
    ("vi", &["người", "mà"]),
    ("de", &["welcher", "welche", "welches"]),
    ("es", &["que", "quien", "quienes", "cuyo", "cuya"]),
    ("it", &["che", "cui", "quale"]),
    ("pt", &["que", "quem", "cujo", "cuja"]),
];

/// Where a relative clause starts after `from` in `sent` (a comma, then a relative pronoun), if anywhere.
fn relative_clause_start(doc: &Doc, lang: &str, sent: Span, from: usize) -> Option<usize> {
    let rel = RELATIVES.iter().find(|(l, _)| *l == lang)?.1;
    let lo = doc.tokens.partition_point(|t| t.span.start < from);
    let hi = doc.tokens.partition_point(|t| t.span.start < sent.end);
    let toks = doc.tokens.get(lo..hi).unwrap_or(&[]);
    toks.windows(2).find_map(|w| {
        let comma = w[0].text(doc.text) == ",";
        (comma && lower_in(w[1].text(doc.text), rel, false)).then_some(w[0].span.start)
    })
}

/// Relative clauses opened by ", who/qui/che…" and closed by the next comma, inside `span`.
fn relative_asides(doc: &Doc, lang: &str, span: Span) -> Vec<Span> {
    let Some((_, rel)) = RELATIVES.iter().find(|(l, _)| *l == lang) else {
        return Vec::new();
    };
    let lo = doc.tokens.partition_point(|t| t.span.start < span.start);
    let hi = doc.tokens.partition_point(|t| t.span.start < span.end);
    let toks = doc.tokens.get(lo..hi).unwrap_or(&[]);
    let mut out = Vec::new();
    for k in 0..toks.len().saturating_sub(1) {
        if toks[k].text(doc.text) == "," && lower_in(toks[k + 1].text(doc.text), rel, false) {
            if let Some(close) = toks[k + 1..].iter().find(|t| t.text(doc.text) == ",") {
                out.push(Span::new(toks[k].span.start, close.span.end));
            }
        }
    }
    out
}

/// Determiners after which a trigger verb form is a noun ("the visit").
const DETERMINERS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "the", "this", "that", "his", "her", "their", "its", "a", "an",
        ],
    ),
    (
        "fr",
        &[
            "le", "la", "les", "cette", "ce", "sa", "son", "leur", "une", "un", "du",
        ],
    ),
    (
        "es",
        &["el", "la", "esta", "este", "su", "una", "un", "del"],
    ),
    (
        "it",
        &[
            "il", "la", "lo", "questo", "questa", "sua", "suo", "un", "una", "del", "della",
        ],
    ),
    (
        "pt",
        &[
            "o", "a", "esta", "este", "essa", "esse", "sua", "seu", "um", "uma", "do", "da",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "das", "dem", "den", "diese", "dieser", "diesem", "ein", "eine", "einem",
            "beim", "vom", "seinem", "seiner",
        ],
    ),
];

/// Subject pronouns that stand for the person in focus ("He was joined by…", "ia bertemu…").
const PRONOUNS: &[(&str, &[&str])] = &[
    ("en", &["he", "she"]),
    ("fr", &["il", "elle"]),
    ("id", &["ia", "dia", "beliau"]),
    ("vi", &["ông", "bà"]),
    ("de", &["er", "sie"]),
    ("es", &["él"]),
    ("it", &["lui", "lei"]),
    ("pt", &["ele", "ela"]),
];

/// Whether a subject pronoun (not a title before a name, as in "ông Bill Gates") stands before `before` in `sent`.
fn subject_pronoun_before(doc: &Doc, lang: &str, sent: Span, before: usize) -> bool {
    let Some((_, prons)) = PRONOUNS.iter().find(|(l, _)| *l == lang) else {
        return false;
    };
    let lo = doc.tokens.partition_point(|t| t.span.start < sent.start);
    let hi = doc.tokens.partition_point(|t| t.span.start < before);
    let toks = doc.tokens.get(lo..hi).unwrap_or(&[]);
    toks.iter().enumerate().any(|(k, t)| {
        lower_in(t.text(doc.text), prons, false)
            && !doc
                .tokens
                .get(lo + k + 1)
                .is_some_and(|n| n.is_capitalized(doc.text))
    })
}

/// Summit, fair and conference words (folded word prefixes).
const SUMMIT: &[&str] = &[
    "summit",
    "sommet",
    "gipfel",
    "cumbre",
    "cupula",
    "cimeira",
    "vertice",
    "ktt",
    "thuong",
    "salon",
    "forum",
    "conference",
    "konferenz",
    "conferencia",
    "conferenza",
    "feira",
    "feria",
    "fiera",
];

/// Whether the organisation mention `m` is the name of a summit: a summit word among the two words
/// before it, or right after it ("G7-Gipfel", "G20 summit", "hội nghị thượng đỉnh G20").
fn names_summit(doc: &Doc, sent: Span, m: Span) -> bool {
    let is_summit = |w: &str| {
        let f = fold(w);
        SUMMIT.iter().any(|s| f.starts_with(s))
    };
    // Words read lazily: only the last few before and the first after are looked at.
    let before_text = doc.text.get(sent.start..m.start).unwrap_or("");
    let after_text = doc.text.get(m.end..sent.end).unwrap_or("");
    let before = before_text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let mut after = after_text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let skip = |w: &&str| {
        lower_in(
            w,
            &[
                "do", "da", "du", "del", "des", "de", "dei", "della", "of", "the", "di",
            ],
            true,
        )
    };
    before.rev().filter(|w| !skip(w)).take(2).any(is_summit) || after.next().is_some_and(is_summit)
}

/// Phrases linking a clause to an event one day away: (folded phrase, days from the main clause's
/// date to the event told after the phrase).
const DAY_LINKS: &[(&str, i64)] = &[
    ("a day after ", -1),
    ("one day after ", -1),
    ("the day after ", -1),
    ("a day before ", 1),
    ("the day before ", 1),
    ("un jour apres ", -1),
    ("au lendemain d", -1),
    ("la veille d", 1),
    ("einen tag nach ", -1),
    ("einen tag vor ", 1),
    ("un dia despues d", -1),
    ("un dia antes d", 1),
    ("il giorno dopo ", -1),
    ("un giorno dopo ", -1),
    ("il giorno prima d", 1),
    ("um dia depois d", -1),
    ("um dia antes d", 1),
    ("sehari setelah ", -1),
    ("sehari sesudah ", -1),
    ("sehari sebelum ", 1),
    ("mot ngay sau khi ", -1),
    ("mot ngay truoc khi ", 1),
];

/// Days to move the carried date when a verb trigger follows a day-linking phrase in the sentence.
fn day_shift(doc: &Doc, sent: Span, triggers: &[&CueHit]) -> i64 {
    let Some(text) = doc.text.get(sent.start..sent.end) else {
        return 0;
    };
    let folded = fold(text);
    // Folding may change byte lengths; compare positions char-wise through the folded prefix.
    let pairs = BytePairs::of(&folded);
    for (phrase, days) in DAY_LINKS {
        if !pairs.may_contain(phrase) {
            continue;
        }
        let Some(at) = find_str(&folded, phrase) else {
            continue;
        };
        let chars_before = folded[..at].chars().count() + phrase.chars().count();
        let Some((offset, _)) = text.char_indices().nth(chars_before) else {
            continue;
        };
        let phrase_end = sent.start + offset;
        if triggers
            .iter()
            .any(|t| t.kind != CueKind::Noun && t.span.start >= phrase_end)
        {
            return *days;
        }
    }
    0
}

/// Words opening a period ("since 20 October", "sejak dilantik pada 20 Oktober"): the date after
/// them starts a span of time, it does not date the meeting told in the sentence.
const SINCE: &[&str] = &["since", "depuis", "seit", "seitdem", "desde", "sejak"];

/// Whether one of the three words before `date` (in the sentence) opens a period.
fn after_since(doc: &Doc, sent: Span, date: Span) -> bool {
    let before = doc.text.get(sent.start..date.start).unwrap_or("");
    let words: Vec<&str> = before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().rev().take(3).any(|w| lower_in(w, SINCE, true))
}

/// Coordinating conjunctions that open a new clause.
const ANDS: &[&str] = &["and", "et", "und", "y", "e", "dan", "và", "ed"];

/// Whether a coordinating conjunction stands between two spans.
fn and_between(doc: &Doc, a: Span, b: Span) -> bool {
    let i = doc.tokens.partition_point(|t| t.span.start < a.end);
    let j = doc.tokens.partition_point(|t| t.span.start < b.start);
    doc.tokens[i..j.max(i)]
        .iter()
        .any(|t| lower_in(t.text(doc.text), ANDS, false))
}

/// Whether `sent` holds a verb in the simple future ("se celebrará", "riceverà", "receberão"):
/// Spanish, Portuguese and Italian mark it with an accented ending folding would lose.
fn future_tense_in(doc: &Doc, lang: &str, sent: Span) -> bool {
    let endings: &[&str] = match lang {
        "es" => &["rá", "rán"],
        "pt" => &["rá", "rão"],
        "it" => &["rà", "ranno"],
        _ => return false,
    };
    let i = doc.tokens.partition_point(|t| t.span.start < sent.start);
    let j = doc.tokens.partition_point(|t| t.span.start < sent.end);
    doc.tokens[i..j.max(i)].iter().any(|t| {
        let w = t.text(doc.text);
        w.chars().count() > 5
            && t.kind == TokenKind::Word
            && endings.iter().any(|e| w.ends_with(e))
            && !w.chars().next().is_some_and(char::is_uppercase)
    })
}

/// Infinitive markers: "… untuk berdiskusi", "… to meet", "… de rencontrer", "… zu treffen".
const INFINITIVE: &[&str] = &[
    "to", "untuk", "pour", "de", "d'", "para", "per", "di", "zu", "để",
];

/// Whether the word right before `trigger` marks an infinitive (a clause an earlier directive governs).
fn infinitive_before(doc: &Doc, trigger: Span) -> bool {
    let at = doc.tokens.partition_point(|t| t.span.start < trigger.start);
    doc.tokens[..at]
        .iter()
        .rev()
        .find(|t| t.kind == TokenKind::Word)
        .is_some_and(|t| lower_in(t.text(doc.text), INFINITIVE, false))
}

/// How many words may separate an invitation ("lud Kanzler Jens Vogel zu einem Abendessen") or a
/// directive ("asked Ana to meet") from the trigger it governs.
const INVITE_REACH: usize = 8;
const DIRECTIVE_REACH: usize = 4;

/// How many words may separate a meeting noun from its date.
const NOUN_DATE_REACH: usize = 8;

/// The number of word or number tokens strictly between two spans.
fn tokens_between(doc: &Doc, a: Span, b: Span) -> usize {
    let (lo, hi) = if a.start <= b.start {
        (a.end, b.start)
    } else {
        (b.end, a.start)
    };
    if lo >= hi {
        return 0;
    }
    let i = doc.tokens.partition_point(|t| t.span.start < lo);
    let j = doc.tokens.partition_point(|t| t.span.start < hi);
    doc.tokens[i..j]
        .iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .count()
}

/// Whether the lowercase form of `w` (`lowercase`, or `fold` when `folded`) is one of `list`:
/// an ASCII word is compared byte by byte, with no `String` (ASCII lowercases and folds alike).
fn lower_in(w: &str, list: &[&str], folded: bool) -> bool {
    if w.is_ascii() {
        return list.iter().any(|k| {
            k.len() == w.len()
                && k.bytes()
                    .zip(w.bytes())
                    .all(|(a, b)| a == b.to_ascii_lowercase())
        });
    }
    let l = if folded { fold(w) } else { w.lowercase() };
    list.contains(&l.as_str())
}

/// "With" in each language: a meeting noun followed by it names its counterpart.
const WITH: &[(&str, &[&str])] = &[
    ("en", &["with", "between"]),
    ("fr", &["avec", "entre"]),
    ("id", &["dengan", "antara"]),
    ("vi", &["voi", "giua"]),
    ("de", &["mit", "zwischen"]),
    ("es", &["con", "entre"]),
    ("it", &["con", "tra", "fra"]),
    ("pt", &["com", "entre"]),
];
