//! Lexicons kept as data files (`data/lexicon/*.tsv`), compiled in and parsed once on first use.
//!
//! Gazetteer (places, orgs, persons; kept by the lexdata helper) and the recogniser's own cue data
//! (titles, honorifics, government-body patterns, cue words). Every phrase is indexed by its
//! `text::name_key`, so matching is case- and diacritic-insensitive; callers check case rules.

use crate::core::case::Lowercase;
use crate::core::hash::{FilteredMap, FxHashMap as HashMap, FxHashSet as HashSet};
use crate::core::model::EntityKind;
use crate::core::text::name_key;
use std::borrow::Cow;
use std::sync::OnceLock;

/// The gazetteer sources (kept by the lexdata tools), compiled in.
const PLACES_TSV: &str = lexicon_file!("places.tsv");
const ORGS_TSV: &str = lexicon_file!("orgs.tsv");
const PERSONS_TSV: &str = lexicon_file!("persons.tsv");
const TITLES_TSV: &str = lexicon_file!("titles.tsv");
const HONORIFICS_TSV: &str = lexicon_file!("honorifics.tsv");
const GOVBODIES_TSV: &str = lexicon_file!("govbodies.tsv");
const CUES_TSV: &str = lexicon_file!("cues.tsv");

/// One gazetteer record: a person, organisation or place under its canonical name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GazEntry {
    pub kind: EntityKind,
    pub canonical: String,
    /// Org class (`company`, `government`, `media`, `other`) or place type (`country`, `city`, `region`, `venue`).
    pub class: String,
    /// Places: the country they lie in. Persons: affiliation. Orgs: related (successor/parent) org.
    pub extra: String,
    /// Persons: role.
    pub role: String,
}

/// One way to write a gazetteer entry, as stored in the index.
#[derive(Debug, Clone)]
pub struct AliasHit {
    pub entry: u32,
    /// The alias as written in the lexicon.
    pub surface: Box<str>,
    /// Short all-caps aliases ("AS", "EU") and short ones with inner capitals ("FdI") only match
    /// the same letters in the same case.
    pub strict: bool,
}

/// The parsed gazetteer with its alias index.
#[derive(Debug, Default)]
pub struct Gazetteer {
    pub entries: Vec<GazEntry>,
    index: FilteredMap<Vec<AliasHit>>,
    /// First words of every alias key (a cheap filter before longer lookups).
    firsts: FilteredMap<()>,
    /// Every proper word prefix of an alias key: a matcher stops extending once it is not one.
    prefixes: FilteredMap<()>,
    /// Demonym key → place entry.
    demonyms: HashMap<String, u32>,
    by_canonical: HashMap<String, u32>,
    pub max_words: usize,
}

fn cols(line: &str) -> Option<Vec<&str>> {
    let l = line.trim_end_matches(['\r', '\n']);
    if l.trim().is_empty() || l.trim_start().starts_with('#') {
        return None;
    }
    Some(l.split('\t').map(str::trim).collect())
}

/// The words of a lexicon phrase, each normalised by `norm`; a trailing `*` marks a stem
/// (`(word, true)` matches any word starting with it). Empty words are dropped.
pub(crate) fn phrase_words(phrase: &str, norm: impl Fn(&str) -> String) -> Vec<(String, bool)> {
    phrase
        .split_whitespace()
        .map(|w| {
            let w = norm(w);
            match w.strip_suffix('*') {
                Some(stem) => (stem.to_string(), true),
                None => (w, false),
            }
        })
        .filter(|(w, _)| !w.is_empty())
        .collect()
}

fn split_bar(s: &str) -> impl Iterator<Item = &str> {
    s.split('|').map(str::trim).filter(|a| !a.is_empty())
}

/// The aliases column of a gazetteer line: `=` stands for the canonical name (it keeps the data,
/// compiled into the page, smaller).
fn aliases<'a>(canonical: &'a str, column: Option<&&'a str>) -> Vec<&'a str> {
    column
        .map(|s| {
            split_bar(s)
                .map(|a| if a == "=" { canonical } else { a })
                .collect()
        })
        .unwrap_or_default()
}

fn is_strict(alias: &str) -> bool {
    let letters: Vec<char> = alias.chars().filter(|c| c.is_alphabetic()).collect();
    let caps = letters.iter().filter(|c| c.is_uppercase()).count();
    // "AS", "EU"; and short forms with inner capitals ("FdI" is not "FDI", foreign investment).
    !letters.is_empty()
        && letters.len() <= 4
        && (letters.len() <= 3 && caps == letters.len()
            || caps >= 2 && caps < letters.len() && letters[1..].iter().any(|c| c.is_uppercase()))
}

impl Gazetteer {
    /// Parse the three TSV sources (any may be empty; bad lines are skipped).
    pub fn parse(places: &str, orgs: &str, persons: &str) -> Gazetteer {
        let mut g = Gazetteer::default();
        for line in places.lines() {
            let Some(c) = cols(line) else { continue };
            if c.is_empty() || c[0].is_empty() {
                continue;
            }
            let e = g.push(GazEntry {
                kind: EntityKind::Place,
                canonical: c[0].to_string(),
                class: c.get(1).unwrap_or(&"").to_string(),
                extra: c.get(2).unwrap_or(&"").to_string(),
                role: String::new(),
            });
            for a in aliases(c[0], c.get(3)) {
                g.add_alias(e, a);
            }
            // Demonyms: `base+a+b` stands for base, base+a and base+b (amerikanisch+e+en).
            for group in c
                .get(4)
                .map(|s| split_bar(s).collect())
                .unwrap_or(Vec::new())
            {
                let mut parts = group.split('+');
                let base = parts.next().unwrap_or("");
                for d in std::iter::once(String::new()).chain(parts.map(String::from)) {
                    let k = name_key(&format!("{base}{d}"));
                    if !k.is_empty() {
                        g.demonyms.entry(k).or_insert(e);
                    }
                }
            }
        }
        for line in orgs.lines() {
            let Some(c) = cols(line) else { continue };
            if c.is_empty() || c[0].is_empty() {
                continue;
            }
            let e = g.push(GazEntry {
                kind: EntityKind::Org,
                canonical: c[0].to_string(),
                class: c.get(1).unwrap_or(&"").to_string(),
                extra: c.get(2).unwrap_or(&"").to_string(),
                role: String::new(),
            });
            for a in aliases(c[0], c.get(3)) {
                g.add_alias(e, a);
            }
        }
        for line in persons.lines() {
            let Some(c) = cols(line) else { continue };
            if c.is_empty() || c[0].is_empty() {
                continue;
            }
            let e = g.push(GazEntry {
                kind: EntityKind::Person,
                canonical: c[0].to_string(),
                class: String::new(),
                role: c.get(1).unwrap_or(&"").to_string(),
                extra: c.get(2).unwrap_or(&"").to_string(),
            });
            for a in aliases(c[0], c.get(3)) {
                g.add_alias(e, a);
            }
        }
        g.firsts.finish();
        g.index.finish();
        g.prefixes.finish();
        g
    }

    fn push(&mut self, entry: GazEntry) -> u32 {
        let id = self.entries.len() as u32;
        let canon = entry.canonical.clone();
        self.by_canonical.entry(name_key(&canon)).or_insert(id);
        self.entries.push(entry);
        self.add_alias(id, &canon);
        id
    }

    fn add_alias(&mut self, entry: u32, alias: &str) {
        let key = name_key(alias);
        if key.is_empty() {
            return;
        }
        let words = key.split(' ').count();
        self.max_words = self.max_words.max(words);
        if let Some(first) = key.split(' ').next() {
            self.firsts.entry_default(first.to_string());
        }
        for (at, _) in key.match_indices(' ') {
            if let Some(p) = key.get(..at) {
                self.prefixes.entry_default(p.to_string());
            }
        }
        let hits = self.index.entry_default(key);
        if !hits
            .iter()
            .any(|h| h.entry == entry && &*h.surface == alias)
        {
            hits.push(AliasHit {
                entry,
                surface: alias.into(),
                strict: is_strict(alias),
            });
        }
    }

    /// Entries whose alias has this `name_key`.
    pub fn lookup(&self, key: &str) -> &[AliasHit] {
        self.index.get(key).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Whether some alias starts with this word key.
    pub fn is_first(&self, word_key: &str) -> bool {
        self.firsts.get(word_key).is_some()
    }

    /// Whether some alias key is longer than `key` and starts with it and a space.
    pub fn extends(&self, key: &str) -> bool {
        self.prefixes.get(key).is_some()
    }

    /// The place a demonym ("vietnamien", "American") refers to.
    pub fn demonym(&self, key: &str) -> Option<&GazEntry> {
        self.demonyms
            .get(key)
            .and_then(|&i| self.entries.get(i as usize))
    }

    /// The entry with this canonical name (any kind).
    pub fn by_canonical(&self, canonical: &str) -> Option<&GazEntry> {
        self.by_canonical
            .get(&name_key(canonical))
            .and_then(|&i| self.entries.get(i as usize))
    }
}

/// The compiled-in gazetteer.
pub fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::parse(PLACES_TSV, ORGS_TSV, PERSONS_TSV))
}

/// Place data for a canonical place name: (type, country).
pub fn lookup_place(canonical: &str) -> Option<(&'static str, &'static str)> {
    gazetteer()
        .by_canonical(canonical)
        .filter(|e| e.kind == EntityKind::Place)
        .map(|e| (e.class.as_str(), e.extra.as_str()))
}

/// The related (successor or parent) organisation of an org, for grouping ("Facebook" → "Meta").
pub fn related_org(canonical: &str) -> Option<&'static str> {
    gazetteer()
        .by_canonical(canonical)
        .filter(|e| e.kind == EntityKind::Org && !e.extra.is_empty())
        .map(|e| e.extra.as_str())
}

/// Whether the lexicon lists `canonical` as a company.
pub fn is_company(canonical: &str) -> bool {
    gazetteer()
        .by_canonical(canonical)
        .is_some_and(|e| e.kind == EntityKind::Org && e.class == "company")
}

/// A table of phrases (keys are space-joined `name_key`s) with a value each.
#[derive(Debug, Default)]
pub struct PhraseTable {
    map: FilteredMap<String>,
    /// Every proper word prefix of a key ("premier" for "premier ministre"): a matcher stops
    /// extending a phrase once it is not one.
    prefixes: FilteredMap<()>,
    pub max_words: usize,
    /// This table's bit in `Cues::starts` (0: none).
    pub bit: u64,
}

impl PhraseTable {
    pub fn insert(&mut self, phrase: &str, value: &str) {
        let k = name_key(phrase);
        if k.is_empty() {
            return;
        }
        self.max_words = self.max_words.max(k.split(' ').count());
        for (at, _) in k.match_indices(' ') {
            if let Some(p) = k.get(..at) {
                self.prefixes.entry_default(p.to_string());
            }
        }
        self.map.insert_if_absent(k, || value.to_string());
    }
    /// Whether some key is longer than `key` and starts with it and a space.
    pub fn extends(&self, key: &str) -> bool {
        self.prefixes.get(key).is_some()
    }
    pub fn get(&self, key: &str) -> Option<&str> {
        self.map.get(key).map(String::as_str)
    }
    pub fn contains(&self, key: &str) -> bool {
        self.map.get(key).is_some()
    }
    pub fn len(&self) -> usize {
        self.map.len()
    }
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

/// The recogniser's cue data: titles, honorifics, government-body patterns and cue-word classes.
#[derive(Debug, Default)]
pub struct Cues {
    /// Title phrase → English role ("premier ministre" → "Prime Minister").
    pub titles: PhraseTable,
    /// Honorifics ("ông", "mme", "bapak") → "".
    pub honorifics: PhraseTable,
    /// Ministry head phrases ("kementerian", "ministere de") → "".
    pub ministry_heads: PhraseTable,
    /// Ministry domain phrase (local) → English ("perencanaan dan investasi" → "Planning and Investment").
    pub ministry_domains: PhraseTable,
    /// cue class ("org_suffix", "venue_head", "stopword", ...) → set of word/phrase keys.
    classes: HashMap<String, PhraseTable>,
    /// Key or key prefix → the bits of the tables (`PhraseTable::bit`) with that key or a longer
    /// key starting with it: one lookup tells which tables a phrase may start at a word.
    starts: FilteredMap<u64>,
    //// Stop words as written, lowercased (diacritics kept: "tô" is not "to").
    stop_raw: HashSet<String>,
    /// class → every cue word of the class as written, lowercased.
    raw: HashMap<String, HashSet<String>>,
    /// Every table has a bit in `starts` (at most 64 tables): a key with no `starts` bits is in
    /// no table.
    pub starts_complete: bool,
}

impl Cues {
    pub fn parse(titles: &str, honorifics: &str, govbodies: &str, cues: &str) -> Cues {
        let mut c = Cues::default();
        for line in titles.lines() {
            if let Some(v) = cols(line) {
                if v.len() >= 2 {
                    c.titles.insert(v[0], v[1]);
                }
            }
        }
        for line in honorifics.lines() {
            if let Some(v) = cols(line) {
                c.honorifics.insert(v[0], "");
            }
        }
        for line in govbodies.lines() {
            if let Some(v) = cols(line) {
                match (v.first().copied(), v.get(1), v.get(2)) {
                    (Some("head"), Some(s), _) => c.ministry_heads.insert(s, ""),
                    (Some("domain"), Some(s), Some(en)) => c.ministry_domains.insert(s, en),
                    _ => {}
                }
            }
        }
        for line in cues.lines() {
            if let Some(v) = cols(line) {
                if v.len() >= 2 {
                    let t = c.classes.entry(v[0].to_string()).or_default();
                    for w in split_bar(v[1]) {
                        t.insert(w, v.get(2).copied().unwrap_or(""));
                    }
                    let raw = c.raw.entry(v[0].to_string()).or_default();
                    for w in split_bar(v[1]) {
                        raw.insert(w.lowercase());
                    }
                    if v[0] == "stopword" {
                        c.stop_raw.extend(split_bar(v[1]).map(|w| w.lowercase()));
                    }
                }
            }
        }
        let mut starts: FilteredMap<u64> = FilteredMap::default();
        let mut classes: Vec<&mut PhraseTable> = c.classes.values_mut().collect();
        classes.extend([
            &mut c.titles,
            &mut c.honorifics,
            &mut c.ministry_heads,
            &mut c.ministry_domains,
        ]);
        c.starts_complete = classes.len() <= 64;
        for (k, t) in classes.into_iter().enumerate().take(64) {
            t.bit = 1 << k;
            t.map.finish();
            t.prefixes.finish();
            for key in t.map.keys().chain(t.prefixes.keys()) {
                *starts.entry_default(key.clone()) |= t.bit;
            }
        }
        starts.finish();
        c.starts = starts;
        c
    }

    /// The bits of the tables that have `key`, or a longer key starting with it.
    pub fn starts(&self, key: &str) -> u64 {
        self.starts.get(key).copied().unwrap_or(0)
    }

    /// Whether `word` (as written) is a function word of some language.
    pub fn is_stopword(&self, word: &str) -> bool {
        with_lower(word, &|w| self.stop_raw.contains(w))
    }

    /// Whether `word` as written (case-insensitive, diacritics kept) is in cue class `class`:
    /// Vietnamese "Phú" and "Phong" are not the venue and office words "Phủ" and "Phòng".
    pub fn is_word(&self, class: &str, word: &str) -> bool {
        self.raw
            .get(class)
            .is_some_and(|set| with_lower(word, &|w| set.contains(w)))
    }

    /// Whether `key` (a `name_key`) is in cue class `class`.
    pub fn is(&self, class: &str, key: &str) -> bool {
        self.classes.get(class).is_some_and(|t| t.contains(key))
    }

    /// The value stored with `key` in cue class `class`.
    pub fn value(&self, class: &str, key: &str) -> Option<&str> {
        self.classes.get(class).and_then(|t| t.get(key))
    }

    /// The phrases of cue class `class` (an empty table for an unknown class).
    pub fn table(&self, class: &str) -> &PhraseTable {
        static EMPTY: OnceLock<PhraseTable> = OnceLock::new();
        self.classes
            .get(class)
            .unwrap_or_else(|| EMPTY.get_or_init(PhraseTable::default))
    }

    /// The longest phrase length (in words) of cue class `class`.
    pub fn max_words(&self, class: &str) -> usize {
        self.classes.get(class).map(|t| t.max_words).unwrap_or(0)
    }
}

/// `word.lowercase()`, without allocating when it is already lowercase ASCII.
/// `f` of `word` lowercased: a short ASCII word is lowercased on the stack, not in a new `String`.
#[inline(never)]
fn with_lower(word: &str, f: &dyn Fn(&str) -> bool) -> bool {
    if word.is_ascii() && word.len() <= 64 {
        let mut buf = [0u8; 64];
        if let Some(b) = buf.get_mut(..word.len()) {
            b.copy_from_slice(word.as_bytes());
            b.make_ascii_lowercase();
            if let Ok(w) = std::str::from_utf8(b) {
                return f(w);
            }
        }
    }
    f(&lower_cow(word))
}

fn lower_cow(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.lowercase())
    }
}

/// The compiled-in cue data.
pub fn cues() -> &'static Cues {
    static C: OnceLock<Cues> = OnceLock::new();
    C.get_or_init(|| Cues::parse(TITLES_TSV, HONORIFICS_TSV, GOVBODIES_TSV, CUES_TSV))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_lexdata_format() {
        let places = "# comment\nUnited States\tcountry\t\tUSA|États-Unis|AS|Hoa Kỳ\tAmerican|américain\nHanoi\tcity\tVietnam\tHà Nội\t\nbad line\n";
        let orgs = "Meta\tcompany\t\tMeta Platforms|Facebook Inc\n";
        let persons = "Pham Minh Chinh\tPrime Minister\tVietnam\tPhạm Minh Chính\n";
        let g = Gazetteer::parse(places, orgs, persons);
        let cases: &[(&str, &str, EntityKind)] = &[
            ("etats unis", "United States", EntityKind::Place),
            ("hoa ky", "United States", EntityKind::Place),
            ("ha noi", "Hanoi", EntityKind::Place),
            ("meta platforms", "Meta", EntityKind::Org),
            ("pham minh chinh", "Pham Minh Chinh", EntityKind::Person),
            ("bad line", "bad line", EntityKind::Place),
        ];
        for (key, canon, kind) in cases {
            let h = g.lookup(key);
            assert!(!h.is_empty(), "{key}");
            let e = &g.entries[h[0].entry as usize];
            assert_eq!((&e.canonical[..], e.kind), (*canon, *kind), "{key}");
        }
        assert!(g.lookup("as")[0].strict);
        assert!(!g.lookup("hoa ky")[0].strict);
        for (alias, strict) in [
            ("AS", true),
            ("FdI", true),
            ("KfW", true),
            ("Meta", false),
            ("Xi", false),
            ("NATO", false),
        ] {
            assert_eq!(is_strict(alias), strict, "{alias}");
        }
        assert_eq!(
            g.demonym("americain").map(|e| e.canonical.as_str()),
            Some("United States")
        );
        assert_eq!(
            g.by_canonical("hanoi").map(|e| e.extra.as_str()),
            Some("Vietnam")
        );
        assert!(g.is_first("pham"));
        for (key, longer) in [
            ("pham", true),
            ("pham minh", true),
            ("pham minh chinh", false),
            ("meta", true),
            ("minh", false),
        ] {
            assert_eq!(g.extends(key), longer, "{key}");
        }
        assert!(g.lookup("nowhere").is_empty());
    }

    #[test]
    fn cue_data_parses() {
        let c = cues();
        assert_eq!(c.titles.get("premier ministre"), Some("Prime Minister"));
        assert_eq!(c.titles.get("perdana menteri"), Some("Prime Minister"));
        assert!(c.honorifics.contains("ong"));
        assert!(c.ministry_heads.contains("kementerian"));
        assert_eq!(
            c.ministry_domains.get("ke hoach va dau tu"),
            Some("Planning and Investment")
        );
        assert!(c.is("org_suffix", "gmbh"));
        assert!(c.is("stopword", "le"));
        assert!(c.titles.extends("premier") && !c.titles.extends("premier ministre"));
        for (key, table, yes) in [
            ("premier", &c.titles, true),
            ("premier ministre", &c.titles, true),
            ("premier", &c.honorifics, false),
            ("ong", &c.honorifics, true),
            ("gmbh", c.table("org_suffix"), true),
        ] {
            assert_eq!(c.starts(key) & table.bit != 0, yes, "{key}");
        }
        assert!(c.table("org_suffix").contains("gmbh") && c.table("no such class").is_empty());
    }
}
