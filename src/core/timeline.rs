//! The timeline model: a pure function from extracted articles to dated entries, one per distinct meeting.
//!
//! The same meeting reported by several articles (in any language) becomes one entry with all its
//! sources: two events are the same meeting when their dates agree (at the coarser precision) and
//! they share at least two participants, or all of the smaller side's participants.

use crate::core::hash::FxHashMap;
use crate::core::model::{Entity, EntityKind, EventStatus, Extraction, Span};
use crate::core::text::name_key;

/// One participant of a meeting, as the timeline shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    pub name: String,
    pub kind: EntityKind,
    pub role: Option<String>,
    pub affiliation: Option<String>,
}

/// Where a timeline entry was reported: which article, and the sentence that says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// Index of the article in the slice given to `build`.
    pub article: usize,
    pub article_id: String,
    pub lang: String,
    pub evidence: Span,
}

/// One meeting on the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, or None when no source could date it.
    pub date: Option<String>,
    pub status: EventStatus,
    pub place: Option<String>,
    pub participants: Vec<Participant>,
    pub sources: Vec<Source>,
    /// Topics of the source articles (sorted, unique).
    pub topics: Vec<String>,
}

impl Entry {
    /// Whether `name` (canonical) takes part, compared without case or diacritics.
    pub fn has_participant(&self, name: &str) -> bool {
        let key = name_key(name);
        self.participants.iter().any(|p| name_key(&p.name) == key)
    }
}

/// Entries of one date, in the order `build` produced them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateGroup<'e> {
    pub date: Option<&'e str>,
    pub entries: Vec<&'e Entry>,
}

/// Dates agree when one is a prefix of the other at a field boundary ("2023-09" and "2023-09-18").
fn dates_agree(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
            long.starts_with(short)
                && (long.len() == short.len() || long.as_bytes()[short.len()] == b'-')
        }
        (None, None) => true,
        _ => false,
    }
}

/// Whether an entry and an event are the same meeting: same status, dates that agree, and at least
/// two shared participants or all of the smaller side's (`keys`: the entry's participants as name
/// keys; `names`: the event's, as name keys).
fn same_meeting_keyed(
    a: &Entry,
    keys: &[String],
    status: EventStatus,
    date: Option<&str>,
    names: &[String],
) -> bool {
    if a.status != status || !dates_agree(a.date.as_deref(), date) {
        return false;
    }
    let shared = names.iter().filter(|n| keys.contains(n)).count();
    let smaller = names.len().min(a.participants.len());
    shared >= 2 || (shared >= 1 && shared == smaller)
}

#[cfg(test)]
fn participant(extraction: &Extraction, name: &str) -> Participant {
    let key = name_key(name);
    participant_keyed(extraction, None, name, &key)
}

/// `participant` with the name's key, and the extraction's entity names as keys when known.
fn participant_keyed(
    extraction: &Extraction,
    entity_keys: Option<&[String]>,
    name: &str,
    key: &str,
) -> Participant {
    let entity: Option<&Entity> = match entity_keys {
        Some(keys) => keys
            .iter()
            .position(|k| k == key)
            .and_then(|i| extraction.entities.get(i)),
        None => extraction
            .entities
            .iter()
            .find(|e| name_key(&e.name) == key),
    };
    match entity {
        Some(e) => Participant {
            name: e.name.clone(),
            kind: e.kind,
            role: e.role.clone(),
            affiliation: e.affiliation.clone(),
        },
        None => Participant {
            name: name.to_string(),
            kind: EntityKind::Person,
            role: None,
            affiliation: None,
        },
    }
}

/// Where `build` files an entry by its date: no date, the first four characters, or a date too
/// short to have four (`Odd`, which may agree with any other).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Bucket {
    Undated,
    Year([u8; 4]),
    Odd,
}

fn bucket(date: Option<&str>) -> Bucket {
    match date.map(str::as_bytes) {
        None => Bucket::Undated,
        Some([a, b, c, d, ..]) => Bucket::Year([*a, *b, *c, *d]),
        Some(_) => Bucket::Odd,
    }
}

/// Build the timeline of `extractions`: one entry per distinct meeting, sorted by date (undated last),
/// then by first source. Pure and deterministic.
pub fn build(extractions: &[Extraction]) -> Vec<Entry> {
    let mut b = TimelineBuilder::default();
    for (i, x) in extractions.iter().enumerate() {
        b.add(i, x);
    }
    b.finish()
}

/// Index of one timeline key: by (status, date bucket), the entries holding the key, ascending.
type KeyLists = Vec<((EventStatus, Bucket), Vec<usize>)>;

/// `build` one article at a time (the page spreads a large corpus over many short tasks):
/// `add` every extraction in corpus order, then `finish`.
#[derive(Default)]
pub struct TimelineBuilder {
    entries: Vec<Entry>,
    // Name keys of each entry's participants (beside `entries`), and for each key the entries it
    // belongs to by (status, date bucket), ascending. A match shares a participant, has the same
    // status and dates that agree (`same_meeting_keyed`), so these lists hold every candidate, and
    // the smallest fitting index is the one a scan of all entries in creation order would find
    // first. (Scanning every entry of the same year was quadratic: 1.7 s of a 10,000-article
    // import in the page.)
    keys: Vec<Vec<String>>,
    buckets: Vec<(EventStatus, Bucket)>,
    by_key: FxHashMap<String, KeyLists>,
}

fn note(
    by_key: &mut FxHashMap<String, KeyLists>,
    key: &str,
    at: (EventStatus, Bucket),
    idx: usize,
) {
    let lists = by_key.entry(key.to_string()).or_default();
    let list = match lists.iter().position(|(b, _)| *b == at) {
        Some(i) => &mut lists[i].1,
        None => {
            lists.push((at, Vec::new()));
            &mut lists.last_mut().expect("just pushed").1
        }
    };
    if let Err(i) = list.binary_search(&idx) {
        list.insert(i, idx);
    }
}

impl TimelineBuilder {
    /// Add the events of article number `article_idx` (called in increasing order).
    pub fn add(&mut self, article_idx: usize, x: &Extraction) {
        let TimelineBuilder {
            entries,
            keys,
            buckets,
            by_key,
        } = self;
        // The article's entity names as keys, made once for all its events' participants.
        let entity_keys: Vec<String> = if x.events.is_empty() {
            Vec::new()
        } else {
            x.entities.iter().map(|e| name_key(&e.name)).collect()
        };
        for ev in &x.events {
            let source = Source {
                article: article_idx,
                article_id: x.id.clone(),
                lang: x.lang.clone(),
                evidence: ev.evidence,
            };
            let names: Vec<String> = ev.participants.iter().map(|n| name_key(n)).collect();
            let date = ev.date.as_deref();
            let here = bucket(date);
            let fits =
                |i: &usize| same_meeting_keyed(&entries[*i], &keys[*i], ev.status, date, &names);
            // An odd date may agree with any bucket; others with their own and the odd ones.
            let may = |b: &(EventStatus, Bucket)| {
                b.0 == ev.status && (here == Bucket::Odd || b.1 == here || b.1 == Bucket::Odd)
            };
            let existing = names
                .iter()
                .filter_map(|n| by_key.get(n))
                .flatten()
                .filter(|(b, _)| may(b))
                .filter_map(|(_, list)| list.iter().find(|i| fits(i)).copied())
                .min();
            match existing {
                Some(idx) => {
                    let e = &mut entries[idx];
                    // Keep the most precise date and place any source gives.
                    if ev.date.as_ref().map_or(0, String::len)
                        > e.date.as_ref().map_or(0, String::len)
                    {
                        e.date = ev.date.clone();
                    }
                    if e.place.is_none() {
                        e.place = ev.place.clone();
                    }
                    for (name, key) in ev.participants.iter().zip(&names) {
                        if !keys[idx].contains(key) {
                            e.participants.push(participant_keyed(
                                x,
                                Some(&entity_keys),
                                name,
                                key,
                            ));
                            keys[idx].push(key.clone());
                            note(by_key, key, buckets[idx], idx);
                        }
                    }
                    for t in &x.topics {
                        if !e.topics.contains(t) {
                            e.topics.push(t.clone());
                        }
                    }
                    crate::core::sort::sort(&mut e.topics);
                    // Sources come in article order: only this article's can be at the end.
                    if !e
                        .sources
                        .iter()
                        .rev()
                        .take_while(|s| s.article == article_idx)
                        .any(|s| s.evidence == ev.evidence)
                    {
                        e.sources.push(source);
                    }
                }
                None => {
                    let mut topics = x.topics.clone();
                    crate::core::sort::sort(&mut topics);
                    topics.dedup();
                    let idx = entries.len();
                    buckets.push((ev.status, here));
                    let mut k: Vec<String> = Vec::new();
                    let mut participants = Vec::new();
                    for (n, key) in ev.participants.iter().zip(&names) {
                        participants.push(participant_keyed(x, Some(&entity_keys), n, key));
                        k.push(key.clone());
                        note(by_key, key, (ev.status, here), idx);
                    }
                    keys.push(k);
                    entries.push(Entry {
                        date: ev.date.clone(),
                        status: ev.status,
                        place: ev.place.clone(),
                        participants,
                        sources: vec![source],
                        topics,
                    });
                }
            }
        }
    }

    /// The timeline: stable sort, undated entries last, others by date string (ISO sorts
    /// chronologically).
    pub fn finish(self) -> Vec<Entry> {
        let (mut entries, _) = self.into_parts();
        crate::core::sort::sort_by(&mut entries, entry_order);
        entries
    }

    /// The entries in creation order, and the builder's lookup tables (for the caller to drop a
    /// little at a time: at 10,000 articles they are tens of thousands of allocations).
    pub fn into_parts(self) -> (Vec<Entry>, Leftovers) {
        let mut lists: Vec<KeyLists> = Vec::with_capacity(self.by_key.len());
        let mut names: Vec<String> = Vec::with_capacity(self.by_key.len());
        for (k, v) in self.by_key {
            names.push(k);
            lists.push(v);
        }
        (
            self.entries,
            Leftovers {
                keys: self.keys,
                names,
                lists,
            },
        )
    }
}

/// What `TimelineBuilder::into_parts` leaves: dropped in steps by `Leftovers::drop_some`.
pub struct Leftovers {
    keys: Vec<Vec<String>>,
    names: Vec<String>,
    lists: Vec<KeyLists>,
}

impl Leftovers {
    /// Drop at most `n` items; true once nothing is left.
    pub fn drop_some(&mut self, n: usize) -> bool {
        for v in [
            &mut self.keys as &mut dyn Shrink,
            &mut self.names,
            &mut self.lists,
        ] {
            v.shrink_by(n);
        }
        self.keys.is_empty() && self.names.is_empty() && self.lists.is_empty()
    }
}

trait Shrink {
    fn shrink_by(&mut self, n: usize);
}

impl<T> Shrink for Vec<T> {
    fn shrink_by(&mut self, n: usize) {
        self.truncate(self.len().saturating_sub(n));
    }
}

/// The timeline's order: by date string (ISO sorts chronologically), undated entries last.
pub fn entry_order(a: &Entry, b: &Entry) -> std::cmp::Ordering {
    match (&a.date, &b.date) {
        (Some(x), Some(y)) => x.cmp(y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    }
}

/// Group consecutive entries of the same date (entries as `build` sorted them).
pub fn group_by_date<'e>(entries: &[&'e Entry]) -> Vec<DateGroup<'e>> {
    let mut groups: Vec<DateGroup<'e>> = Vec::new();
    for e in entries {
        match groups.last_mut() {
            Some(g) if g.date == e.date.as_deref() => g.entries.push(e),
            _ => groups.push(DateGroup {
                date: e.date.as_deref(),
                entries: vec![e],
            }),
        }
    }
    groups
}

/// How the timeline axis groups meetings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scale {
    #[default]
    Month,
    Year,
}

/// One stretch of the timeline axis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AxisItem<'e> {
    /// A year (`2023`) or month (`2023-09`) with meetings, or `None` for undated ones, with its
    /// date groups. Under `Month`, meetings dated only by year form their own `2023` period.
    Period {
        key: Option<String>,
        groups: Vec<DateGroup<'e>>,
    },
    /// Years or months (as the scale counts) with no meeting between two periods.
    Gap { units: u32 },
}

/// Months since year 0 of a `YYYY[-MM[-DD]]` date (a year alone counts as its January).
fn month_number(date: &str) -> Option<u32> {
    let y: u32 = date.get(..4)?.parse().ok()?;
    let m: u32 = date.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1);
    Some(y * 12 + m.clamp(1, 12) - 1)
}

/// The timeline axis of `entries` (sorted as `build` sorts them): periods of the scale holding
/// meetings, with a `Gap` between two periods that are not consecutive.
pub fn axis<'e>(entries: &[&'e Entry], scale: Scale) -> Vec<AxisItem<'e>> {
    let key_of = |d: Option<&str>| -> Option<String> {
        let d = d?;
        let n = match scale {
            Scale::Year => 4,
            Scale::Month => 7,
        };
        Some(d.get(..n).unwrap_or(d).to_string())
    };
    let mut items: Vec<AxisItem<'e>> = Vec::new();
    let mut last: Option<u32> = None;
    for g in group_by_date(entries) {
        let key = key_of(g.date);
        if let Some(AxisItem::Period { key: k, groups }) = items.last_mut() {
            if *k == key {
                groups.push(g);
                continue;
            }
        }
        let number = key.as_deref().and_then(month_number).map(|m| match scale {
            Scale::Year => m / 12,
            Scale::Month => m,
        });
        if let (Some(a), Some(b)) = (last, number) {
            if b > a + 1 {
                items.push(AxisItem::Gap { units: b - a - 1 });
            }
        }
        if number.is_some() {
            last = number;
        }
        items.push(AxisItem::Period {
            key,
            groups: vec![g],
        });
    }
    items
}

/// Who met whom: participants as nodes (name, kind, meetings), and for each pair that met, the
/// number of meetings they shared. Nodes most connected first; edges as (node, node, meetings).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Network {
    pub nodes: Vec<(String, EntityKind, usize)>,
    pub edges: Vec<(usize, usize, usize)>,
}

/// sin(x) for x in [-π, π] by its Taylor series (exact to ~1e-6: plenty for a drawing, and it keeps
/// libm's range reduction out of the wasm).
fn sin_small(x: f32) -> f32 {
    let (mut term, mut sum) = (x, x);
    for k in 1..10 {
        term *= -x * x / ((2 * k) * (2 * k + 1)) as f32;
        sum += term;
    }
    sum
}

/// `n` points evenly on a circle of radius `r` around (`c`, `c`), the first at the top, clockwise.
pub fn circle_layout(n: usize, c: f32, r: f32) -> Vec<(f32, f32)> {
    use std::f32::consts::{FRAC_PI_2, PI, TAU};
    let wrap = |a: f32| if a > PI { a - TAU } else { a };
    (0..n)
        .map(|i| {
            // Angle from the top in [0, 2π); x = sin(a), y = -cos(a) = sin(a - π/2).
            let a = TAU * i as f32 / n as f32;
            (
                c + r * sin_small(wrap(a)),
                c + r * sin_small(wrap(a - FRAC_PI_2)),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Event;

    // The reference: the timeline built by scanning every entry for each event (the plain
    // algorithm `build` speeds up), to check that `build` gives exactly the same entries.
    fn same_meeting(a: &Entry, status: EventStatus, date: Option<&str>, names: &[String]) -> bool {
        if a.status != status || !dates_agree(a.date.as_deref(), date) {
            return false;
        }
        let shared = names.iter().filter(|n| a.has_participant(n)).count();
        let smaller = names.len().min(a.participants.len());
        shared >= 2 || (shared >= 1 && shared == smaller)
    }

    fn build_by_scanning(extractions: &[Extraction]) -> Vec<Entry> {
        let mut entries: Vec<Entry> = Vec::new();
        for (article_idx, x) in extractions.iter().enumerate() {
            for ev in &x.events {
                let source = Source {
                    article: article_idx,
                    article_id: x.id.clone(),
                    lang: x.lang.clone(),
                    evidence: ev.evidence,
                };
                let existing = entries
                    .iter_mut()
                    .find(|e| same_meeting(e, ev.status, ev.date.as_deref(), &ev.participants));
                match existing {
                    Some(e) => {
                        if ev.date.as_ref().map_or(0, String::len)
                            > e.date.as_ref().map_or(0, String::len)
                        {
                            e.date = ev.date.clone();
                        }
                        if e.place.is_none() {
                            e.place = ev.place.clone();
                        }
                        for name in &ev.participants {
                            if !e.has_participant(name) {
                                e.participants.push(participant(x, name));
                            }
                        }
                        for t in &x.topics {
                            if !e.topics.contains(t) {
                                e.topics.push(t.clone());
                            }
                        }
                        crate::core::sort::sort(&mut e.topics);
                        if !e
                            .sources
                            .iter()
                            .any(|s| s.article == article_idx && s.evidence == ev.evidence)
                        {
                            e.sources.push(source);
                        }
                    }
                    None => {
                        let mut topics = x.topics.clone();
                        crate::core::sort::sort(&mut topics);
                        topics.dedup();
                        entries.push(Entry {
                            date: ev.date.clone(),
                            status: ev.status,
                            place: ev.place.clone(),
                            participants: ev
                                .participants
                                .iter()
                                .map(|n| participant(x, n))
                                .collect(),
                            sources: vec![source],
                            topics,
                        });
                    }
                }
            }
        }
        crate::core::sort::sort_by(&mut entries, |a, b| match (&a.date, &b.date) {
            (Some(x), Some(y)) => x.cmp(y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        });
        entries
    }

    /// Many articles reporting overlapping meetings (names in several spellings, dates at every
    /// precision, odd short dates, both statuses, repeated evidence): the same timeline as a scan.
    #[test]
    fn build_equals_the_plain_scan() {
        let names = [
            "Nick Clegg",
            "nick clegg",
            "Meta",
            "Pham Minh Chinh",
            "Phạm Minh Chính",
            "Nvidia",
            "Jensen Huang",
            "Bkav",
            "Hanoi",
        ];
        let dates = [
            None,
            Some("2024"),
            Some("2024-05"),
            Some("2024-05-03"),
            Some("2023-09-18"),
            Some("2023"),
            Some("20"),
            Some("2024-5"),
            Some("Ý"),
        ];
        let mut seed: u64 = 7;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 33) as usize) % n
        };
        let mut xs = Vec::new();
        for a in 0..400 {
            let mut events = Vec::new();
            for _ in 0..next(4) {
                let mut ps: Vec<String> = Vec::new();
                for _ in 0..1 + next(4) {
                    ps.push(names[next(names.len())].to_string());
                }
                events.push(Event {
                    kind: "meeting".into(),
                    status: if next(5) == 0 {
                        EventStatus::Planned
                    } else {
                        EventStatus::Happened
                    },
                    date: dates[next(dates.len())].map(String::from),
                    place: (next(3) == 0).then(|| "Hanoi".to_string()),
                    participants: ps,
                    evidence: Span::new(next(3) * 10, next(3) * 10 + 5),
                });
            }
            xs.push(Extraction {
                id: format!("a{a}"),
                lang: "en".into(),
                published: None,
                entities: vec![],
                events,
                topics: vec![["tech", "ai", "trade"][next(3)].to_string()],
                sentence_topics: vec![],
            });
        }
        let fast = build(&xs);
        assert!(fast.len() > 10 && fast.iter().any(|e| e.sources.len() > 5));
        assert_eq!(fast, build_by_scanning(&xs));
    }

    fn extraction(id: &str, lang: &str, events: &[(&str, &[&str])]) -> Extraction {
        Extraction {
            id: id.into(),
            lang: lang.into(),
            published: None,
            entities: vec![],
            events: events
                .iter()
                .map(|(d, p)| Event {
                    kind: "meeting".into(),
                    status: EventStatus::Happened,
                    date: Some(d.to_string()),
                    place: None,
                    participants: p.iter().map(|s| s.to_string()).collect(),
                    evidence: Span::new(0, 1),
                })
                .collect(),
            topics: vec![],
            sentence_topics: vec![],
        }
    }

    #[test]
    fn one_meeting_told_in_two_languages_is_one_entry() {
        let xs = [
            extraction(
                "a",
                "fr",
                &[("2024-09-30", &["Pham Minh Chinh", "Nick Clegg", "Meta"])],
            ),
            extraction(
                "b",
                "vi",
                &[("2024-09", &["Phạm Minh Chính", "Nick Clegg"])],
            ),
            extraction(
                "c",
                "en",
                &[("2023-09-18", &["Pham Minh Chinh", "Jensen Huang"])],
            ),
        ];
        let t = build(&xs);
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].date.as_deref(), Some("2023-09-18"));
        assert_eq!(t[1].date.as_deref(), Some("2024-09-30"));
        assert_eq!(
            t[1].sources
                .iter()
                .map(|s| s.lang.as_str())
                .collect::<Vec<_>>(),
            ["fr", "vi"]
        );
    }

    #[test]
    fn different_counterparts_on_one_day_stay_apart() {
        let xs = [extraction(
            "a",
            "id",
            &[
                ("2023-09-18", &["Pham Minh Chinh", "Meta"]),
                ("2023-09-18", &["Pham Minh Chinh", "Nvidia"]),
            ],
        )];
        let t = build(&xs);
        assert_eq!(t.len(), 2);
        let refs: Vec<&Entry> = t.iter().collect();
        assert_eq!(group_by_date(&refs).len(), 1);
    }

    fn dated(date: Option<&str>, names: &[&str]) -> Entry {
        Entry {
            date: date.map(String::from),
            status: EventStatus::Happened,
            place: None,
            participants: names
                .iter()
                .map(|n| Participant {
                    name: n.to_string(),
                    kind: EntityKind::Person,
                    role: None,
                    affiliation: None,
                })
                .collect(),
            sources: vec![],
            topics: vec![],
        }
    }

    /// The axis written compactly: periods as `key:groups`, gaps as `~n`.
    fn axis_text(dates: &[Option<&str>], scale: Scale) -> String {
        let entries: Vec<Entry> = dates.iter().map(|d| dated(*d, &["A"])).collect();
        let refs: Vec<&Entry> = entries.iter().collect();
        axis(&refs, scale)
            .iter()
            .map(|i| match i {
                AxisItem::Period { key, groups } => {
                    format!("{}:{}", key.as_deref().unwrap_or("?"), groups.len())
                }
                AxisItem::Gap { units } => format!("~{units}"),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn axis_compresses_empty_stretches() {
        let d = [
            Some("2023-09-18"),
            Some("2023-09-18"),
            Some("2023-09-20"),
            Some("2023-10"),
            Some("2024-09-30"),
            Some("2026-01-02"),
            None,
        ];
        let cases = [
            (
                Scale::Month,
                "2023-09:2 2023-10:1 ~10 2024-09:1 ~15 2026-01:1 ?:1",
            ),
            (Scale::Year, "2023:3 2024:1 ~1 2026:1 ?:1"),
        ];
        for (scale, want) in cases {
            assert_eq!(axis_text(&d, scale), want, "{scale:?}");
        }
        assert_eq!(
            axis_text(&[Some("2023"), Some("2023-03")], Scale::Month),
            "2023:1 ~1 2023-03:1"
        );
        assert_eq!(axis_text(&[], Scale::Year), "");
    }

    #[test]
    fn network_counts_shared_meetings() {
        let es = [
            dated(None, &["Pham Minh Chinh", "Jensen Huang"]),
            dated(None, &["Phạm Minh Chính", "Nick Clegg", "Jensen Huang"]),
            dated(None, &["Nick Clegg"]),
        ];
        let mut c = crate::core::corpus::Corpus::default();
        c.set_timeline(es.to_vec());
        let n = c.network(&[0, 1, 2], 10);
        let names: Vec<(&str, usize)> = n.nodes.iter().map(|x| (x.0.as_str(), x.2)).collect();
        assert_eq!(
            names,
            [
                ("Jensen Huang", 2),
                ("Nick Clegg", 2),
                ("Pham Minh Chinh", 2)
            ]
        );
        assert_eq!(n.edges, [(0, 2, 2), (0, 1, 1), (1, 2, 1)]);
        assert_eq!(c.network(&[0, 1, 2], 1).edges, []);
        assert_eq!(
            c.network(&[2], 10).nodes,
            [("Nick Clegg".to_string(), EntityKind::Person, 1)]
        );
        let pts = circle_layout(4, 100.0, 50.0);
        assert!((pts[0].0 - 100.0).abs() < 1e-3 && (pts[0].1 - 50.0).abs() < 1e-3);
        assert!((pts[1].0 - 150.0).abs() < 1e-3);
    }

    #[test]
    fn dates_agree_only_on_field_boundaries() {
        assert!(dates_agree(Some("2023"), Some("2023-09-18")));
        assert!(!dates_agree(Some("2023-1"), Some("2023-10")));
        assert!(!dates_agree(Some("2023-09-18"), None));
    }
}
