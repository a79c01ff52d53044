//! A loaded corpus: articles, their extractions, the timeline, and the indexes the filters need.

use crate::core::filter::TOPICS;
use crate::core::filter::{self, Filter};
use crate::core::model::{Article, Entity, EntityKind, Extraction, Span};
use crate::core::sort::StepSort;
use crate::core::text::fold;
use crate::core::timeline::{self, Entry, Network};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex};

/// One row of the people & organisations index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityRow {
    pub kind: EntityKind,
    pub name: String,
    /// Org class (`company`, ...) or place type (`city`, ...).
    pub class: Option<String>,
    pub roles: Vec<String>,
    pub affiliations: Vec<String>,
    /// Articles naming it.
    pub articles: usize,
    /// Meetings it takes part in (a place: meetings held there).
    pub meetings: usize,
}

/// A run of an article's text for the reader: plain, or naming an entity; inside the evidence or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    pub span: Span,
    pub kind: Option<EntityKind>,
    pub evidence: bool,
}

/// Articles with everything the core found in them. Built once; filtering never re-extracts.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub articles: Vec<Article>,
    pub extractions: Vec<Extraction>,
    pub timeline: Vec<Entry>,
    /// Title and text of each article, folded (lowercase, no diacritics) for full-text search.
    folded: Vec<String>,
    /// For each folded text, the set of its byte triples (hashed to 4096 bits): a text can contain
    /// a query only when it has all of the query's triples, so most texts are never scanned.
    grams: Vec<GramSet>,
    /// Canonical names of the orgs the extractions class as companies.
    company_names: BTreeSet<String>,
    /// Value ids of every entry and article, for fast filters and facet counts.
    pub(crate) ids: filter::FilterIndex,
    /// The last full-text query and which articles contain it.
    text_cache: TextCache,
}

/// A 4096-bit set of hashed byte triples. Triples, not pairs: on a 10,000-article corpus a query's
/// pairs ("ha", "a ", " n", "no", "oi") are nearly all common, and 58% of the texts had to be
/// scanned for "ha noi"; its triples leave 5% (a query shorter than three bytes scans every text).
type GramSet = [u64; 64];

fn gram_bit(a: u8, b: u8, c: u8) -> usize {
    let h = ((a as usize).wrapping_mul(131) ^ b as usize).wrapping_mul(131) ^ c as usize;
    h & 4095
}

fn gram_set(text: &str) -> GramSet {
    let mut set = [0u64; 64];
    for w in text.as_bytes().windows(3) {
        let bit = gram_bit(w[0], w[1], w[2]);
        set[bit / 64] |= 1 << (bit % 64);
    }
    set
}

/// The first `k` of `0..n` in the order `cmp` (a total order), in that order: one pass keeping the
/// best `k` so far, so ranking 20,000 rows to show 300 sorts no more than those (a `k` near `n`
/// sorts them all instead).
fn top_k(n: usize, k: usize, cmp: impl Fn(usize, usize) -> std::cmp::Ordering) -> Vec<usize> {
    if k >= n / 4 {
        let mut all: Vec<usize> = (0..n).collect();
        crate::core::sort::sort_by(&mut all, |&a, &b| cmp(a, b));
        all.truncate(k);
        return all;
    }
    let mut top: Vec<usize> = Vec::with_capacity(k + 1);
    for i in 0..n {
        if k == 0 || (top.len() == k && cmp(i, top[k - 1]).is_ge()) {
            continue;
        }
        let at = top.partition_point(|&t| cmp(t, i).is_lt());
        top.insert(at, i);
        top.truncate(k);
    }
    top
}

/// The last query's per-article verdicts, kept so that the entries, the articles and the facets
/// of one filter change scan the texts once. A copy starts empty.
#[derive(Debug, Default)]
struct TextCache(Mutex<Option<(String, Arc<Vec<bool>>)>>);

impl Clone for TextCache {
    fn clone(&self) -> TextCache {
        TextCache::default()
    }
}

impl Corpus {
    /// Extract every article and build the timeline.
    pub fn new(articles: Vec<Article>) -> Corpus {
        let extractions = crate::core::extract_all(&articles);
        Corpus::from_parts(articles, extractions)
    }

    /// A corpus from articles and extractions computed elsewhere (same order, same length).
    pub fn from_parts(articles: Vec<Article>, extractions: Vec<Extraction>) -> Corpus {
        let folded: Vec<String> = articles.iter().map(folded_article).collect();
        let grams = folded.iter().map(|t| gram_set(t)).collect();
        Corpus::from_folded(articles, extractions, folded, grams)
    }

    /// `from_parts` with the folded texts already made (every derived index is built here, so
    /// `extend` gives the same corpus as `from_parts`).
    fn from_folded(
        articles: Vec<Article>,
        extractions: Vec<Extraction>,
        folded: Vec<String>,
        grams: Vec<GramSet>,
    ) -> Corpus {
        let timeline = timeline::build(&extractions);
        let company_names = extractions
            .iter()
            .flat_map(company_names_of)
            .map(String::from)
            .collect();
        let mut c = Corpus {
            articles,
            extractions,
            timeline,
            folded,
            grams,
            company_names,
            ids: Default::default(),
            text_cache: Default::default(),
        };
        c.ids = filter::FilterIndex::build(&c);
        c
    }

    /// Replace the timeline (the filter indexes follow).
    pub fn set_timeline(&mut self, timeline: Vec<Entry>) {
        self.timeline = timeline;
        self.ids = filter::FilterIndex::build(self);
    }

    /// For a non-blank query, whether each article's title or text contains it (folded);
    /// the last answer is kept.
    pub(crate) fn text_matches(&self, q: &str) -> Option<Arc<Vec<bool>>> {
        let q = fold(q.trim());
        if q.is_empty() {
            return None;
        }
        let mut cache = self.text_cache.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((last, v)) = cache.as_ref() {
            if *last == q {
                return Some(v.clone());
            }
        }
        // The query's triples as bit positions: a text is scanned only when it has every one.
        let want = gram_set(&q);
        let bits: Vec<usize> = (0..4096)
            .filter(|&b| want[b / 64] >> (b % 64) & 1 == 1)
            .collect();
        let v = Arc::new(
            self.folded
                .iter()
                .zip(&self.grams)
                .map(|(t, have)| {
                    bits.iter().all(|&b| have[b / 64] >> (b % 64) & 1 == 1)
                        && t.contains(q.as_str())
                })
                .collect(),
        );
        *cache = Some((q, Arc::clone(&v)));
        Some(v)
    }

    pub fn len(&self) -> usize {
        self.articles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    pub(crate) fn folded_text(&self, idx: usize) -> &str {
        self.folded.get(idx).map(String::as_str).unwrap_or("")
    }

    /// The names a filter value may match for this entity: its canonical name and, for an org,
    /// the org it belongs to or was renamed to (Facebook → Meta).
    pub(crate) fn names_of<'e>(&self, e: &'e Entity) -> Vec<&'e str> {
        let mut v = vec![e.name.as_str()];
        if e.kind == EntityKind::Org {
            if let Some(r) = crate::core::lexicon::related_org(&e.name) {
                v.push(r);
            }
        }
        v
    }

    /// An org's own name and the org it belongs to or was renamed to.
    pub(crate) fn org_family<'n>(&self, name: &'n str) -> Vec<&'n str> {
        let mut v = vec![name];
        if let Some(r) = crate::core::lexicon::related_org(name) {
            v.push(r);
        }
        v
    }

    /// Timeline entries that pass `filter`, in timeline order.
    pub fn visible_entries(&self, filter: &Filter) -> Vec<&Entry> {
        filter::matching_entries(self, filter)
            .into_iter()
            .filter_map(|i| self.timeline.get(i))
            .collect()
    }

    /// Indexes of the timeline entries that pass `filter`.
    pub fn entry_indexes(&self, filter: &Filter) -> Vec<usize> {
        filter::matching_entries(self, filter)
    }

    /// The name of facet value `id` (the ids of `filter::Pass::counts`).
    pub fn facet_value(&self, id: u32) -> &str {
        self.ids.name(id)
    }

    /// Indexes of the articles that pass `filter`.
    pub fn visible_articles(&self, filter: &Filter) -> Vec<usize> {
        filter::matching_articles(self, filter)
    }

    /// Whether `name` (canonical) is a company, by the extractions or the org lexicon.
    pub fn is_company(&self, name: &str) -> bool {
        self.company_names.contains(name) || crate::core::lexicon::is_company(name)
    }

    /// The companies of a meeting: its org participants and its persons' affiliations, with the
    /// orgs they belong to or were renamed to, when they are companies. Unique, in order.
    pub fn entry_companies<'e>(&self, entry: &'e Entry) -> Vec<&'e str> {
        let mut names: Vec<&str> = Vec::new();
        for p in &entry.participants {
            let own = (p.kind == EntityKind::Org).then_some(p.name.as_str());
            for n in own.into_iter().chain(p.affiliation.as_deref()) {
                for f in self.org_family(n) {
                    if !names.contains(&f) && self.is_company(f) {
                        names.push(f);
                    }
                }
            }
        }
        names
    }

    /// Companies taking part in meetings, with the number of timeline entries each appears in
    /// (as participant or as a participant's affiliation), most frequent first, then by name.
    pub fn companies(&self) -> Vec<(String, usize)> {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for entry in &self.timeline {
            for n in self.entry_companies(entry) {
                *counts.entry(n.to_string()).or_default() += 1;
            }
        }
        let mut v: Vec<(String, usize)> = counts.into_iter().collect();
        crate::core::filter::rank(&mut v);
        v
    }

    /// People, organisations and places of `articles` (indexes), each once under its canonical name,
    /// with every role and affiliation seen, the number of those articles naming it and of the
    /// timeline entries `entries` (indexes) it takes part in (or, for a place, hosts). Most meetings
    /// first, then most articles, then name: how many there are, and the first `limit` of them.
    pub fn entity_index(
        &self,
        articles: &[usize],
        entries: &[usize],
        limit: usize,
    ) -> (usize, Vec<EntityRow>) {
        // Rows by kind and name id (the filter index's ids: one per name key), found by indexing,
        // not by hashing names; rows borrow from the extractions and only those returned are
        // copied out (10,000 articles: 140 ms natively with a map of name keys).
        struct Acc<'a> {
            first: &'a Entity,
            roles: Vec<&'a str>,
            affiliations: Vec<&'a str>,
            articles: usize,
            meetings: usize,
        }
        let mut slot = vec![u32::MAX; 3 * self.ids.values()];
        let at = |id: u32, kind: EntityKind| id as usize * 3 + kind as usize;
        let mut rows: Vec<Acc> = Vec::new();
        for &i in articles {
            let Some(x) = self.extractions.get(i) else {
                continue;
            };
            for (e, &id) in x.entities.iter().zip(self.ids.article_entities(i)) {
                let s = at(id, e.kind);
                if slot[s] == u32::MAX {
                    slot[s] = rows.len() as u32;
                    rows.push(Acc {
                        first: e,
                        roles: Vec::new(),
                        affiliations: Vec::new(),
                        articles: 0,
                        meetings: 0,
                    });
                }
                let row = &mut rows[slot[s] as usize];
                row.articles += 1;
                for (list, v) in [
                    (&mut row.roles, &e.role),
                    (&mut row.affiliations, &e.affiliation),
                ] {
                    if let Some(v) = v.as_deref() {
                        if !list.contains(&v) {
                            list.push(v);
                        }
                    }
                }
            }
        }
        let mut seen: Vec<u32> = Vec::new();
        for &j in entries {
            let Some(entry) = self.timeline.get(j) else {
                continue;
            };
            seen.clear();
            let kinds = entry
                .participants
                .iter()
                .map(|p| p.kind)
                .chain(entry.place.iter().map(|_| EntityKind::Place));
            for (kind, &id) in kinds.zip(self.ids.entry_people(j)) {
                let n = slot[at(id, kind)];
                if n != u32::MAX && !seen.contains(&n) {
                    seen.push(n);
                    rows[n as usize].meetings += 1;
                }
            }
        }
        // Most meetings, then most articles (each capped), then name, then the row's number as
        // text (the order of the former "name \u{1} row" sort keys).
        let score = |r: &Acc| r.meetings.min(0x7fff) << 16 | r.articles.min(0xffff);
        let top = top_k(rows.len(), limit, |a, b| {
            let (ra, rb) = (&rows[a], &rows[b]);
            score(rb)
                .cmp(&score(ra))
                .then_with(|| ra.first.name.cmp(&rb.first.name))
                .then_with(|| a.to_string().cmp(&b.to_string()))
        });
        let out = top
            .into_iter()
            .map(|i| {
                let r = &rows[i];
                let owned = |v: &[&str]| v.iter().map(|s| s.to_string()).collect();
                EntityRow {
                    kind: r.first.kind,
                    name: r.first.name.clone(),
                    class: r.first.class.clone().or_else(|| r.first.place_type.clone()),
                    roles: owned(&r.roles),
                    affiliations: owned(&r.affiliations),
                    articles: r.articles,
                    meetings: r.meetings,
                }
            })
            .collect();
        (rows.len(), out)
    }

    /// Company × topic matrix over `articles`: companies (most sentences first) and, for each, the
    /// number of sentences carrying each topic of `TOPICS` that mention it (the sum over the
    /// articles of `topics::company_topics`, a company's spellings that differ only in case or
    /// diacritics counted together under the first seen). Companies with no such sentence are left
    /// out. How many companies there are, and the first `limit` rows.
    pub fn company_topic_matrix(
        &self,
        articles: &[usize],
        limit: usize,
    ) -> (usize, Vec<(String, [u32; 10])>) {
        // Rows by name id (see `entity_index`).
        let mut slot = vec![u32::MAX; self.ids.values()];
        let mut rows: Vec<(&str, [u32; 10])> = Vec::new();
        // An article's sentences' topics as positions in TOPICS: sentence k's are
        // `flat[starts[k]..starts[k + 1]]` (one buffer for all articles).
        let mut flat: Vec<u8> = Vec::new();
        let mut starts: Vec<usize> = Vec::new();
        for &i in articles {
            let Some(x) = self.extractions.get(i) else {
                continue;
            };
            starts.clear();
            for (e, &id) in x.entities.iter().zip(self.ids.article_entities(i)) {
                if e.kind != EntityKind::Org || e.class.as_deref() != Some("company") {
                    continue;
                }
                if starts.is_empty() {
                    flat.clear();
                    for st in &x.sentence_topics {
                        starts.push(flat.len());
                        let ts = st.topics.iter().filter_map(|t| filter::topic_index(t));
                        flat.extend(ts.map(|p| p as u8));
                    }
                    starts.push(flat.len());
                }
                for (k, st) in x.sentence_topics.iter().enumerate() {
                    let ts = &flat[starts[k]..starts[k + 1]];
                    if ts.is_empty() || !e.mentions.iter().any(|m| st.span.contains(*m)) {
                        continue;
                    }
                    let s = &mut slot[id as usize];
                    if *s == u32::MAX {
                        *s = rows.len() as u32;
                        rows.push((&e.name, [0; 10]));
                    }
                    let row = &mut rows[*s as usize].1;
                    for &t in ts {
                        row[t as usize] += 1;
                    }
                }
            }
        }
        let total = |r: usize| rows[r].1.iter().sum::<u32>();
        let top = top_k(rows.len(), limit, |a, b| {
            total(b)
                .cmp(&total(a))
                .then_with(|| rows[a].0.cmp(rows[b].0))
        });
        let out = top
            .into_iter()
            .map(|i| (rows[i].0.to_string(), rows[i].1))
            .collect();
        (rows.len(), out)
    }

    /// The who-met-whom network of the timeline entries `entries` (indexes), keeping at most
    /// `max_nodes` participants (the most active, then by name): participants are told apart by
    /// name key (the first spelling and kind seen kept), found through the filter index's name ids.
    pub fn network(&self, entries: &[usize], max_nodes: usize) -> Network {
        let mut slot = vec![u32::MAX; self.ids.values()];
        let mut nodes: Vec<(&str, EntityKind, u32)> = Vec::new();
        for &j in entries {
            let Some(e) = self.timeline.get(j) else {
                continue;
            };
            for (p, &id) in e.participants.iter().zip(self.ids.entry_people(j)) {
                let s = &mut slot[id as usize];
                if *s == u32::MAX {
                    *s = nodes.len() as u32;
                    nodes.push((&p.name, p.kind, 0));
                }
                nodes[*s as usize].2 += 1;
            }
        }
        let counts: Vec<u32> = nodes.iter().map(|n| n.2).collect();
        let top = filter::top_values(&counts, |i| nodes[i as usize].0, max_nodes);
        // The drawn node of each participant row (u32::MAX: not drawn).
        let mut drawn = vec![u32::MAX; nodes.len()];
        for (k, &i) in top.iter().enumerate() {
            drawn[i as usize] = k as u32;
        }
        let mut edges: Vec<(usize, usize, usize)> = Vec::new();
        let mut ids: Vec<usize> = Vec::new();
        for &j in entries {
            let Some(e) = self.timeline.get(j) else {
                continue;
            };
            ids.clear();
            let people = self.ids.entry_people(j).iter().take(e.participants.len());
            for &id in people {
                let k = drawn[slot[id as usize] as usize];
                if k != u32::MAX && !ids.contains(&(k as usize)) {
                    ids.push(k as usize);
                }
            }
            crate::core::sort::sort(&mut ids);
            for (i, &a) in ids.iter().enumerate() {
                for &b in &ids[i + 1..] {
                    match edges.iter_mut().find(|x| x.0 == a && x.1 == b) {
                        Some(x) => x.2 += 1,
                        None => edges.push((a, b, 1)),
                    }
                }
            }
        }
        let nodes = top
            .into_iter()
            .map(|i| {
                let (name, kind, n) = nodes[i as usize];
                (name.to_string(), kind, n as usize)
            })
            .collect();
        Network { nodes, edges }
    }

    /// For each topic of `TOPICS`, the sentences of `articles` carrying it: how many, and the first
    /// `limit` of them in article order as (article index, sentence span, companies the sentence
    /// mentions). One pass for all topics; companies are looked up only for the sentences listed.
    pub fn topic_sentences(
        &self,
        articles: &[usize],
        limit: usize,
    ) -> Vec<(usize, Vec<(usize, Span, Vec<String>)>)> {
        let mut out: Vec<(usize, Vec<(usize, Span, Vec<String>)>)> =
            TOPICS.iter().map(|_| (0, Vec::new())).collect();
        for &i in articles {
            let Some(x) = self.extractions.get(i) else {
                continue;
            };
            for st in &x.sentence_topics {
                for (j, t) in st.topics.iter().enumerate() {
                    // A topic named twice in one sentence lists it once.
                    if st.topics[..j].contains(t) {
                        continue;
                    }
                    let Some((n, list)) = filter::topic_index(t).and_then(|p| out.get_mut(p))
                    else {
                        continue;
                    };
                    *n += 1;
                    if list.len() < limit {
                        let companies: Vec<String> = x
                            .entities
                            .iter()
                            .filter(|e| {
                                e.kind == EntityKind::Org
                                    && self.is_company(&e.name)
                                    && e.mentions.iter().any(|m| st.span.contains(*m))
                            })
                            .map(|e| e.name.clone())
                            .collect();
                        list.push((i, st.span, companies));
                    }
                }
            }
        }
        out
    }

    /// Article `idx` cut for reading: paragraphs (split at line breaks) of pieces, each a span of the
    /// text with the kind of entity it names (if any) and whether it lies in `evidence`. Mentions are
    /// taken longest first when they overlap. Pieces never split a character; empty lines are dropped.
    pub fn reader(&self, idx: usize, evidence: Option<Span>) -> Vec<Vec<Piece>> {
        let (Some(a), Some(x)) = (self.articles.get(idx), self.extractions.get(idx)) else {
            return Vec::new();
        };
        let text = a.text.as_str();
        let fits = |s: &Span| !s.is_empty() && text.get(s.start..s.end).is_some();
        let mut marks: Vec<(Span, EntityKind)> = x
            .entities
            .iter()
            .flat_map(|e| e.mentions.iter().map(move |m| (*m, e.kind)))
            .filter(|(m, _)| fits(m))
            .collect();
        // Longest first (then leftmost): a selection loop, no sort (keeps the wasm small).
        let mut kept: Vec<(Span, EntityKind)> = Vec::new();
        while let Some(best) = (0..marks.len()).min_by_key(|&i| {
            let m = marks[i].0;
            (usize::MAX - m.len(), m.start)
        }) {
            let m = marks.swap_remove(best);
            if !kept.iter().any(|k| k.0.overlaps(m.0)) {
                kept.push(m);
            }
        }
        let evidence = evidence.filter(fits);
        // Every position where a piece may start or end.
        let mut cuts: Vec<usize> = vec![0, text.len()];
        for (m, _) in &kept {
            cuts.extend([m.start, m.end]);
        }
        if let Some(e) = evidence {
            cuts.extend([e.start, e.end]);
        }
        cuts.extend(text.match_indices('\n').flat_map(|(i, _)| [i, i + 1]));
        crate::core::sort::sort(&mut cuts);
        cuts.dedup();
        let mut paragraphs: Vec<Vec<Piece>> = vec![Vec::new()];
        for w in cuts.windows(2) {
            let span = Span::new(w[0], w[1]);
            let piece_text = span.slice(text);
            if piece_text == "\n" {
                if paragraphs.last().is_some_and(|p| !p.is_empty()) {
                    paragraphs.push(Vec::new());
                }
                continue;
            }
            if piece_text.is_empty() {
                continue;
            }
            let kind = kept.iter().find(|(m, _)| m.contains(span)).map(|(_, k)| *k);
            let in_evidence = evidence.is_some_and(|e| e.contains(span));
            if let Some(p) = paragraphs.last_mut() {
                p.push(Piece {
                    span,
                    kind,
                    evidence: in_evidence,
                });
            }
        }
        paragraphs.retain(|p| p.iter().any(|x| !x.span.slice(text).trim().is_empty()));
        paragraphs
    }

    /// The index of the article with id `id`.
    pub fn article_index(&self, id: &str) -> Option<usize> {
        self.articles.iter().position(|a| a.id == id)
    }

    /// Add articles with their extractions (same order, same length): only the new texts are
    /// folded; everything else is built again. The same corpus as `from_parts` of all of them.
    pub fn extend(&mut self, articles: Vec<Article>, extractions: Vec<Extraction>) {
        // Folded texts and their triple sets are per article: only the new ones are computed.
        let mut folded = std::mem::take(&mut self.folded);
        let mut grams = std::mem::take(&mut self.grams);
        for a in &articles {
            let f = folded_article(a);
            grams.push(gram_set(&f));
            folded.push(f);
        }
        let mut all = std::mem::take(&mut self.articles);
        all.extend(articles);
        let mut xs = std::mem::take(&mut self.extractions);
        xs.extend(extractions);
        *self = Corpus::from_folded(all, xs, folded, grams);
    }

    /// Drop at most `n` of each of the corpus's lists (for a replaced corpus, let go of a little
    /// at a time: a large one is hundreds of thousands of allocations); true once it is empty.
    pub fn shed(&mut self, n: usize) -> bool {
        fn cut<T>(v: &mut Vec<T>, n: usize) -> bool {
            v.truncate(v.len().saturating_sub(n));
            v.is_empty()
        }
        let done = [
            cut(&mut self.articles, n),
            cut(&mut self.extractions, n),
            cut(&mut self.timeline, n),
            cut(&mut self.folded, n),
            cut(&mut self.grams, n),
            self.ids.shed(n),
        ];
        done.iter().all(|d| *d)
    }
}

/// A corpus growing by some articles, built a little at a time so that the page never blocks
/// for long (a 10,000-article corpus takes seconds to index in wasm): `Growing::new(&current,
/// articles, extractions)`, then `step(&current, n)` until it returns true (each step copies,
/// indexes or files at most `n` articles or timeline entries), then `finish()`, which gives the
/// corpus `current.extend(articles, extractions)` would give. `current` is only read, and must not
/// change meanwhile: `is_stale` says when it did (start again then).
pub struct Growing {
    next: Corpus,
    added: Option<(Vec<Article>, Vec<Extraction>)>,
    /// Which current articles stay (None: all).
    keep: Option<Vec<bool>>,
    /// Where the added articles start in the grown corpus.
    added_from: usize,
    base: usize,
    stage: Stage,
    at: usize,
    timeline: Option<timeline::TimelineBuilder>,
    /// The timeline's entries in creation order, taken one by one in `order` (sorted by date).
    unsorted: Vec<Option<Entry>>,
    sort: StepSort,
    order: Vec<usize>,
    leftovers: Option<timeline::Leftovers>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Copy,
    Fold,
    Timeline,
    Sort,
    Place,
    Tidy,
    Companies,
    Entries,
    Articles,
    Done,
}

impl Growing {
    pub fn new(current: &Corpus, articles: Vec<Article>, extractions: Vec<Extraction>) -> Growing {
        Growing::new_without(current, |_| false, articles, extractions)
    }

    /// `new`, leaving out the current articles whose id `gone` names (the corpus `from_parts`
    /// would give of the articles kept and the added ones).
    pub fn new_without(
        current: &Corpus,
        gone: impl Fn(&str) -> bool,
        articles: Vec<Article>,
        extractions: Vec<Extraction>,
    ) -> Growing {
        let keep: Vec<bool> = current.articles.iter().map(|a| !gone(&a.id)).collect();
        let keep = (!keep.iter().all(|k| *k)).then_some(keep);
        let n = current.len() + articles.len();
        let mut next = Corpus::default();
        next.articles.reserve(n);
        next.extractions.reserve(n);
        next.folded.reserve(n);
        next.grams.reserve(n);
        Growing {
            next,
            added: Some((articles, extractions)),
            keep,
            added_from: 0,
            base: current.len(),
            stage: Stage::Copy,
            at: 0,
            timeline: Some(timeline::TimelineBuilder::default()),
            unsorted: Vec::new(),
            sort: StepSort::default(),
            order: Vec::new(),
            leftovers: None,
        }
    }

    /// Whether `current` changed since `new` (its articles are no longer the ones being copied).
    pub fn is_stale(&self, current: &Corpus) -> bool {
        current.len() != self.base
    }

    /// Give up: the articles and extractions that were being added, back to the caller.
    pub fn abandon(mut self) -> (Vec<Article>, Vec<Extraction>) {
        match self.added.take() {
            Some(added) => added,
            None => {
                let from = self.added_from.min(self.next.articles.len());
                (
                    self.next.articles.split_off(from),
                    self.next.extractions.split_off(from),
                )
            }
        }
    }

    /// What the next step works on (for progress and benchmarks).
    pub fn stage(&self) -> &'static str {
        match self.stage {
            Stage::Copy => "copy",
            Stage::Fold => "fold",
            Stage::Timeline => "timeline",
            Stage::Sort => "sort",
            Stage::Place => "place",
            Stage::Tidy => "tidy",
            Stage::Companies => "companies",
            Stage::Entries => "entries",
            Stage::Articles => "articles",
            Stage::Done => "done",
        }
    }

    /// Do at most `n` units of work; true once `finish` may be called.
    /// A stale `Growing` (see `is_stale`) does nothing and never ends: `abandon` it.
    pub fn step(&mut self, current: &Corpus, n: usize) -> bool {
        if self.stage == Stage::Copy && self.is_stale(current) {
            return false;
        }
        let n = n.max(1);
        let next = &mut self.next;
        match self.stage {
            Stage::Copy => {
                let (range, last) = chunk(self.at, n, self.base);
                self.at = range.end;
                for i in range {
                    if self.keep.as_ref().is_none_or(|k| k[i]) {
                        next.articles.push(current.articles[i].clone());
                        next.extractions.push(current.extractions[i].clone());
                        next.folded.push(current.folded[i].clone());
                        next.grams.push(current.grams[i]);
                    }
                }
                if last {
                    self.added_from = next.articles.len();
                    if let Some((a, x)) = self.added.take() {
                        next.articles.extend(a);
                        next.extractions.extend(x);
                    }
                    (self.stage, self.at) = (Stage::Fold, self.added_from);
                }
            }
            Stage::Fold => {
                let (range, last) = chunk(self.at, n, next.articles.len());
                self.at = range.end;
                for a in &next.articles[range] {
                    let f = folded_article(a);
                    next.grams.push(gram_set(&f));
                    next.folded.push(f);
                }
                if last {
                    (self.stage, self.at) = (Stage::Timeline, 0);
                }
            }
            Stage::Timeline => {
                let (range, last) = chunk(self.at, n, next.extractions.len());
                self.at = range.end;
                if let Some(b) = self.timeline.as_mut() {
                    for i in range {
                        b.add(i, &next.extractions[i]);
                    }
                }
                if last {
                    self.stage = Stage::Sort;
                }
            }
            Stage::Sort => {
                // Sorted as `TimelineBuilder::finish` sorts, in steps too (a sort of 20,000
                // entries at once is a long task), then moved over in steps.
                if let Some(b) = self.timeline.take() {
                    let (entries, leftovers) = b.into_parts();
                    self.sort = StepSort::new(entries.len());
                    self.unsorted = entries.into_iter().map(Some).collect();
                    self.leftovers = Some(leftovers);
                }
                let u = &self.unsorted;
                let sorted = self.sort.step(n * 64, &|a, b| match (&u[a], &u[b]) {
                    (Some(x), Some(y)) => timeline::entry_order(x, y),
                    _ => std::cmp::Ordering::Equal,
                });
                if sorted {
                    self.order = std::mem::take(&mut self.sort).order();
                    next.timeline.reserve(self.order.len());
                    (self.stage, self.at) = (Stage::Place, 0);
                }
            }
            Stage::Place => {
                let (range, last) = chunk(self.at, n, self.order.len());
                self.at = range.end;
                for &i in &self.order[range] {
                    if let Some(e) = self.unsorted.get_mut(i).and_then(Option::take) {
                        next.timeline.push(e);
                    }
                }
                if last {
                    self.unsorted = Vec::new();
                    self.order = Vec::new();
                    self.stage = Stage::Tidy;
                }
            }
            Stage::Tidy => {
                if self.leftovers.as_mut().is_none_or(|l| l.drop_some(n)) {
                    self.leftovers = None;
                    (self.stage, self.at) = (Stage::Companies, 0);
                }
            }
            Stage::Companies => {
                let (range, last) = chunk(self.at, n, next.extractions.len());
                self.at = range.end;
                for x in &next.extractions[range] {
                    next.company_names
                        .extend(company_names_of(x).map(String::from));
                }
                if last {
                    (self.stage, self.at) = (Stage::Entries, 0);
                }
            }
            Stage::Entries => {
                let (range, last) = chunk(self.at, n, next.timeline.len());
                self.at = range.end;
                let mut ids = std::mem::take(&mut next.ids);
                for e in &next.timeline[range] {
                    ids.add_entry(next, e);
                }
                next.ids = ids;
                if last {
                    (self.stage, self.at) = (Stage::Articles, 0);
                }
            }
            Stage::Articles => {
                let (range, last) = chunk(self.at, n, next.extractions.len());
                self.at = range.end;
                let mut ids = std::mem::take(&mut next.ids);
                for x in &next.extractions[range] {
                    ids.add_article(next, x);
                }
                next.ids = ids;
                if last {
                    self.stage = Stage::Done;
                }
            }
            Stage::Done => {}
        }
        self.stage == Stage::Done
    }

    /// The grown corpus (call once `step` returned true; before that, the rest is done at once).
    /// None when `current` changed meanwhile.
    pub fn finish(mut self, current: &Corpus) -> Option<Corpus> {
        while !self.step(current, usize::MAX / 2) {
            if self.is_stale(current) && self.stage == Stage::Copy {
                return None;
            }
        }
        Some(self.next)
    }
}

/// The orgs an extraction classes as companies, by canonical name.
fn company_names_of(x: &Extraction) -> impl Iterator<Item = &str> {
    x.entities
        .iter()
        .filter(|e| e.kind == EntityKind::Org && e.class.as_deref() == Some("company"))
        .map(|e| e.name.as_str())
}

/// The items from `at` one step of at most `n` covers, of `len`; and whether they end the list.
fn chunk(at: usize, n: usize, len: usize) -> (std::ops::Range<usize>, bool) {
    let end = at.saturating_add(n).min(len);
    (at.min(end)..end, end == len)
}

/// An article's title and text, folded, as full-text search reads them.
fn folded_article(a: &Article) -> String {
    let mut s = fold(a.title.as_deref().unwrap_or(""));
    s.push('\n');
    s.push_str(&fold(&a.text));
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::SentenceTopics;

    fn entity(
        kind: EntityKind,
        name: &str,
        class: Option<&str>,
        mentions: &[(usize, usize)],
    ) -> Entity {
        Entity {
            kind,
            name: name.into(),
            class: class.map(String::from),
            place_type: None,
            aliases: vec![],
            role: None,
            affiliation: None,
            mentions: mentions.iter().map(|&(s, e)| Span::new(s, e)).collect(),
        }
    }

    fn one(text: &str, entities: Vec<Entity>, sentence_topics: Vec<SentenceTopics>) -> Corpus {
        let article = Article {
            id: "x".into(),
            text: text.into(),
            ..Article::default()
        };
        let x = Extraction {
            id: "x".into(),
            lang: "vi".into(),
            published: None,
            entities,
            events: vec![],
            topics: vec![],
            sentence_topics,
        };
        Corpus::from_parts(vec![article], vec![x])
    }

    fn show(c: &Corpus, paragraphs: &[Vec<Piece>]) -> Vec<String> {
        let text = &c.articles[0].text;
        paragraphs
            .iter()
            .map(|p| {
                p.iter()
                    .map(|x| {
                        let t = x.span.slice(text);
                        let t = match x.kind {
                            Some(EntityKind::Person) => format!("<P:{t}>"),
                            Some(EntityKind::Org) => format!("<O:{t}>"),
                            Some(EntityKind::Place) => format!("<L:{t}>"),
                            None => t.to_string(),
                        };
                        if x.evidence {
                            format!("[{t}]")
                        } else {
                            t
                        }
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn reader_marks_mentions_evidence_and_paragraphs() {
        // "Hà Nội" is multi-byte: every cut must stay on character boundaries.
        let text = "Meta gặp Hà Nội.\n\nÔng Chính nói. Hết.";
        let hn = text.find("Hà Nội").unwrap();
        let chinh = text.find("Chính").unwrap();
        let c = one(
            text,
            vec![
                entity(EntityKind::Org, "Meta", Some("company"), &[(0, 4)]),
                entity(
                    EntityKind::Place,
                    "Hanoi",
                    None,
                    &[(hn, hn + "Hà Nội".len())],
                ),
                entity(EntityKind::Place, "Ha", None, &[(hn, hn + "Hà".len())]),
                entity(
                    EntityKind::Person,
                    "Pham Minh Chinh",
                    None,
                    &[(chinh, chinh + "Chính".len()), (3, 999)],
                ),
            ],
            vec![],
        );
        let ev = text.find("Ông").unwrap();
        let ev_end = text.find(" Hết").unwrap();
        let got = show(&c, &c.reader(0, Some(Span::new(ev, ev_end))));
        assert_eq!(
            got,
            ["<O:Meta> gặp <L:Hà Nội>.", "[Ông ][<P:Chính>][ nói.] Hết."]
        );
        // No evidence, or evidence that does not fit the text: nothing is marked as evidence.
        for ev in [None, Some(Span::new(1, 9999))] {
            let got = show(&c, &c.reader(0, ev));
            assert_eq!(got[1], "Ông <P:Chính> nói. Hết.");
        }
        assert!(c.reader(7, None).is_empty());
    }

    #[test]
    fn topic_views_count_sentences_per_company() {
        let text = "Meta và AI. Meta, chip. Nvidia AI.";
        let st = |s: usize, e: usize, t: &[&str]| SentenceTopics {
            span: Span::new(s, e),
            topics: t.iter().map(|x| x.to_string()).collect(),
        };
        let c = one(
            text,
            vec![
                entity(
                    EntityKind::Org,
                    "Meta",
                    Some("company"),
                    &[(0, 4), (12, 16)],
                ),
                entity(EntityKind::Org, "Nvidia", Some("company"), &[(24, 30)]),
            ],
            vec![
                st(0, 11, &["ai"]),
                st(12, 23, &["semiconductors", "ai"]),
                st(24, 34, &["ai"]),
            ],
        );
        let (companies, m) = c.company_topic_matrix(&[0], 40);
        assert_eq!(companies, 2);
        assert_eq!(c.company_topic_matrix(&[0], 1).1, m[..1]);
        assert_eq!(m[0].0, "Meta");
        assert_eq!(&m[0].1[..2], [2, 1]);
        assert_eq!(&m[1].1[..2], [1, 0]);
        let s = c.topic_sentences(&[0], 20);
        let semi = TOPICS.iter().position(|t| *t == "semiconductors").unwrap();
        assert_eq!(
            s[semi],
            (1, vec![(0, Span::new(12, 23), vec!["Meta".to_string()])])
        );
        let ai = TOPICS.iter().position(|t| *t == "ai").unwrap();
        assert_eq!(c.topic_sentences(&[0], 2)[ai].0, 3);
        assert_eq!(c.topic_sentences(&[0], 2)[ai].1.len(), 2);
        assert!(c
            .topic_sentences(&[], 20)
            .iter()
            .all(|(n, l)| *n == 0 && l.is_empty()));
        let (n, rows) = c.entity_index(&[0], &[], 300);
        assert_eq!(n, 2);
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].articles, rows[0].meetings), (1, 0));
    }

    #[test]
    fn spellings_of_a_company_that_differ_in_case_share_a_heatmap_row() {
        let st = |s: usize, e: usize| SentenceTopics {
            span: Span::new(s, e),
            topics: vec!["semiconductors".to_string()],
        };
        let c = one(
            "Nvidia chips. NVIDIA chips.",
            vec![
                entity(EntityKind::Org, "Nvidia", Some("company"), &[(0, 6)]),
                entity(EntityKind::Org, "NVIDIA", Some("company"), &[(14, 20)]),
            ],
            vec![st(0, 13), st(14, 27)],
        );
        let semi = TOPICS.iter().position(|t| *t == "semiconductors").unwrap();
        let (companies, m) = c.company_topic_matrix(&[0], 40);
        assert_eq!(companies, 1);
        assert_eq!((m[0].0.as_str(), m[0].1[semi]), ("Nvidia", 2));
        // The entity index keys rows the same way.
        let (rows, index) = c.entity_index(&[0], &[], 10);
        assert_eq!((rows, index[0].articles), (1, 2));
    }

    #[test]
    fn entity_index_ranks_by_meetings_then_articles_then_name() {
        use crate::core::model::EventStatus;
        use crate::core::timeline::Participant;
        let mut ents = vec![
            entity(EntityKind::Org, "Meta", Some("company"), &[]),
            entity(EntityKind::Person, "Nick Clegg", None, &[]),
            entity(EntityKind::Place, "Hanoi", None, &[]),
            entity(EntityKind::Org, "Bkav", Some("company"), &[]),
        ];
        ents[1].role = Some("President".into());
        ents[1].affiliation = Some("Meta".into());
        let mut c = one("x", ents, vec![]);
        let p = |name: &str, kind| Participant {
            name: name.into(),
            kind,
            role: None,
            affiliation: None,
        };
        let meeting = |ps: Vec<Participant>, place: Option<&str>| Entry {
            date: None,
            status: EventStatus::Happened,
            place: place.map(String::from),
            participants: ps,
            sources: vec![],
            topics: vec![],
        };
        let es = [
            meeting(
                vec![
                    p("Nick Clegg", EntityKind::Person),
                    p("Meta", EntityKind::Org),
                ],
                Some("Hà Nội"),
            ),
            meeting(vec![p("nick clegg", EntityKind::Person)], None),
        ];
        c.set_timeline(es.to_vec());
        let (_, rows) = c.entity_index(&[0], &[0, 1], 300);
        assert_eq!(c.entity_index(&[0], &[0, 1], 2).1, rows[..2]);
        let got: Vec<(&str, usize)> = rows.iter().map(|r| (r.name.as_str(), r.meetings)).collect();
        // "Hà Nội" is not the entity "Hanoi" (no alias here): the place has no meeting.
        assert_eq!(
            got,
            [("Nick Clegg", 2), ("Meta", 1), ("Bkav", 0), ("Hanoi", 0)]
        );
        assert_eq!(rows[0].roles, ["President"]);
        assert_eq!(rows[0].affiliations, ["Meta"]);
    }

    /// Adding in steps or removing gives the corpus built from the final list at once.
    #[test]
    fn extend_grow_and_remove_match_a_fresh_build() {
        let texts = [
            ("a", "Pham Minh Chinh received Nick Clegg of Meta in Hanoi on 30 September 2024."),
            ("b", "Jensen Huang of Nvidia met Pham Minh Chinh in Silicon Valley on 18 September 2023."),
            ("c", "Le président de Bkav a rencontré Nick Clegg à Hanoï le 3 mai 2024."),
        ];
        let arts: Vec<Article> = texts
            .iter()
            .map(|(id, t)| Article {
                id: id.to_string(),
                text: t.to_string(),
                published: Some("2024-10-01".into()),
                ..Article::default()
            })
            .collect();
        let xs = crate::core::extract_all(&arts);
        let same = |x: &Corpus, y: &Corpus| {
            assert_eq!(x.articles, y.articles);
            assert_eq!(x.extractions, y.extractions);
            assert_eq!(x.folded, y.folded);
            assert_eq!(x.company_names, y.company_names);
            assert_eq!(format!("{:?}", x.timeline), format!("{:?}", y.timeline));
        };
        let mut c = Corpus::from_parts(arts[..1].to_vec(), xs[..1].to_vec());
        c.extend(arts[1..].to_vec(), xs[1..].to_vec());
        same(&c, &Corpus::from_parts(arts.clone(), xs.clone()));
        assert!(!c.timeline.is_empty());
        // Removing one from the middle (nothing added), then nothing.
        let c = Growing::new_without(&c, |id| id == "b", vec![], vec![])
            .finish(&c)
            .unwrap();
        let arts2 = vec![arts[0].clone(), arts[2].clone()];
        same(
            &c,
            &Corpus::from_parts(arts2, vec![xs[0].clone(), xs[2].clone()]),
        );
        let c = Growing::new_without(&c, |_| false, vec![], vec![])
            .finish(&c)
            .unwrap();
        assert_eq!(c.len(), 2);
        // Growing in steps of any size gives the same corpus, filter index included.
        for n in [1, 2, 100] {
            let base = Corpus::from_parts(arts[..1].to_vec(), xs[..1].to_vec());
            let mut g = Growing::new(&base, arts[1..].to_vec(), xs[1..].to_vec());
            let mut steps = 0;
            while !g.step(&base, n) {
                steps += 1;
            }
            assert!(n > 2 || steps > 5, "{n}: {steps}");
            assert!(!g.is_stale(&base));
            let grown = g.finish(&base).unwrap();
            let fresh = Corpus::from_parts(arts.clone(), xs.clone());
            same(&grown, &fresh);
            assert_eq!(grown.grams, fresh.grams);
            assert_eq!(format!("{:?}", grown.ids), format!("{:?}", fresh.ids));
        }
        // Leaving some out while adding: as a fresh build of the rest; abandon gives the added back.
        let base = Corpus::from_parts(arts[..2].to_vec(), xs[..2].to_vec());
        for n in [1, 3, 100] {
            let mut g =
                Growing::new_without(&base, |id| id == "a", arts[2..].to_vec(), xs[2..].to_vec());
            while !g.step(&base, n) {}
            let grown = g.finish(&base).unwrap();
            let fresh = Corpus::from_parts(arts[1..].to_vec(), xs[1..].to_vec());
            same(&grown, &fresh);
            assert_eq!(format!("{:?}", grown.ids), format!("{:?}", fresh.ids));
            let mut g =
                Growing::new_without(&base, |id| id == "a", arts[2..].to_vec(), xs[2..].to_vec());
            for _ in 0..n {
                g.step(&base, 1);
            }
            assert_eq!(g.abandon(), (arts[2..].to_vec(), xs[2..].to_vec()), "{n}");
            // A corpus that changed under it: no step copies from it, finish says so.
            let mut g = Growing::new(&base, arts[2..].to_vec(), xs[2..].to_vec());
            let other = Corpus::from_parts(arts[..1].to_vec(), xs[..1].to_vec());
            assert!(g.is_stale(&other));
            assert!(!g.step(&other, n));
            assert!(g.finish(&other).is_none());
        }
    }
}
