//! Export: pure functions from extractions and timeline entries to JSON, CSV (RFC 4180) and iCalendar (RFC 5545) text.

use crate::core::dates::{add_days, DateValue};
use crate::core::model::{Article, EntityKind, EventStatus, ExtractOutput, Extraction};
use crate::core::text::name_key;
use crate::core::timeline::Entry;
use std::collections::BTreeMap;

/// The extraction contract (`spec/extract-json.md`) of `extractions`, pretty-printed.
pub fn json(extractions: &[Extraction]) -> String {
    let out = ExtractOutput {
        articles: extractions.to_vec(),
    };
    serde_json::to_string_pretty(&out).unwrap_or_else(|_| "{\"articles\":[]}".to_string())
}

/// Articles as JSON Lines (one article object a line): what `parse_file` reads back as `.jsonl`,
/// so that a set of imported articles can be saved and loaded again.
pub fn articles_jsonl(articles: &[Article]) -> String {
    let mut out = String::new();
    for a in articles {
        if let Ok(line) = serde_json::to_string(a) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// 64-bit FNV-1a: a small stable content hash (UIDs, corpus hashes). Not for security.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

// ---------------------------------------------------------------- CSV

/// One CSV field, RFC 4180: quoted when it holds a comma, quote, CR or LF (quotes doubled).
/// A field that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) gets a leading `'`.
pub fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn csv_row(out: &mut String, fields: &[&str]) {
    let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
    out.push_str(&row.join(","));
    out.push_str("\r\n");
}

fn status_word(s: EventStatus) -> &'static str {
    match s {
        EventStatus::Happened => "happened",
        EventStatus::Planned => "planned",
    }
}

/// The evidence sentences of an entry, one per source, from the articles the timeline was built on.
fn evidence_texts(entry: &Entry, articles: &[Article]) -> Vec<String> {
    entry
        .sources
        .iter()
        .map(|s| {
            let text = articles
                .get(s.article)
                .filter(|a| a.id == s.article_id)
                .or_else(|| articles.iter().find(|a| a.id == s.article_id))
                .map(|a| s.evidence.slice(&a.text))
                .unwrap_or("");
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect()
}

/// Meetings as CSV: date, status, place, participants (`; `), article ids (`; `), evidence
/// (one sentence per source, on its own line inside the field). CRLF line ends, header first.
pub fn meetings_csv(entries: &[&Entry], articles: &[Article]) -> String {
    let mut out = String::new();
    csv_row(
        &mut out,
        &[
            "date",
            "status",
            "place",
            "participants",
            "article_ids",
            "evidence",
        ],
    );
    for e in entries {
        let participants: Vec<&str> = e.participants.iter().map(|p| p.name.as_str()).collect();
        let mut ids: Vec<&str> = Vec::new();
        for s in &e.sources {
            if !ids.contains(&s.article_id.as_str()) {
                ids.push(&s.article_id);
            }
        }
        let evidence = evidence_texts(e, articles).join("\n");
        csv_row(
            &mut out,
            &[
                e.date.as_deref().unwrap_or(""),
                status_word(e.status),
                e.place.as_deref().unwrap_or(""),
                &participants.join("; "),
                &ids.join("; "),
                &evidence,
            ],
        );
    }
    out
}

fn kind_word(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Person => "person",
        EntityKind::Org => "org",
        EntityKind::Place => "place",
    }
}

/// One entity merged over the articles that name it.
#[derive(Debug, Clone, Default)]
struct EntityRow {
    kind: &'static str,
    name: String,
    class: Option<String>,
    role: Option<String>,
    affiliation: Option<String>,
    articles: usize,
    aliases: Vec<String>,
}

/// Entities as CSV, merged across articles by kind and canonical name: kind, name, class (orgs'
/// class or places' type), role, affiliation, article count, aliases (`; `). Most cited first.
pub fn entities_csv<'x>(extractions: impl IntoIterator<Item = &'x Extraction>) -> String {
    let mut rows: BTreeMap<(EntityKind, String), EntityRow> = BTreeMap::new();
    for x in extractions {
        let mut seen_here: Vec<(EntityKind, String)> = Vec::new();
        for e in &x.entities {
            let key = (e.kind, name_key(&e.name));
            let row = rows.entry(key.clone()).or_insert_with(|| EntityRow {
                kind: kind_word(e.kind),
                name: e.name.clone(),
                ..EntityRow::default()
            });
            if !seen_here.contains(&key) {
                seen_here.push(key);
                row.articles += 1;
            }
            let class = e.class.clone().or_else(|| e.place_type.clone());
            row.class = row.class.take().or(class);
            row.role = row.role.take().or_else(|| e.role.clone());
            row.affiliation = row.affiliation.take().or_else(|| e.affiliation.clone());
            for a in &e.aliases {
                if !row.aliases.contains(a) {
                    row.aliases.push(a.clone());
                }
            }
        }
    }
    let mut rows: Vec<EntityRow> = rows.into_values().collect();
    crate::core::sort::sort_by(&mut rows, |a, b| {
        b.articles
            .cmp(&a.articles)
            .then_with(|| a.kind.cmp(b.kind))
            .then_with(|| a.name.cmp(&b.name))
    });
    let mut out = String::new();
    csv_row(
        &mut out,
        &[
            "kind",
            "name",
            "class",
            "role",
            "affiliation",
            "articles",
            "aliases",
        ],
    );
    for r in rows {
        let count = r.articles.to_string();
        csv_row(
            &mut out,
            &[
                r.kind,
                &r.name,
                r.class.as_deref().unwrap_or(""),
                r.role.as_deref().unwrap_or(""),
                r.affiliation.as_deref().unwrap_or(""),
                &count,
                &r.aliases.join("; "),
            ],
        );
    }
    out
}

/// Read CSV text back into rows (RFC 4180: quoted fields, doubled quotes, CRLF or LF). For tests
/// and for checking exports; tolerant of a missing final line break.
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    let mut any = false;
    while let Some(c) = chars.next() {
        any = true;
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' => quoted = true,
            ',' => row.push(std::mem::take(&mut field)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
                any = false;
            }
            _ => field.push(c),
        }
    }
    if any {
        row.push(field);
        rows.push(row);
    }
    rows
}

// ---------------------------------------------------------------- iCalendar

/// Escape a TEXT value (RFC 5545 §3.3.11): `\`, `;`, `,` and line breaks.
pub fn ics_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Fold one content line (RFC 5545 §3.1): at most 75 octets a line, never inside a character;
/// continuation lines start with one space. Every line ends with CRLF.
pub fn ics_fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

/// Undo `ics_fold` (for tests and checks): CRLF followed by a space or tab joins lines.
pub fn ics_unfold(text: &str) -> Vec<String> {
    let joined = text.replace("\r\n ", "").replace("\r\n\t", "");
    joined
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

fn compact(d: DateValue) -> String {
    d.iso().replace('-', "")
}

/// The day an entry starts on, its day after, and a note when the date is coarser than a day.
fn ics_days(date: &str) -> Option<(String, String, Option<String>)> {
    let v = DateValue::parse_iso(date)?;
    let (first, note) = match v {
        DateValue::Day { .. } => (v, None),
        DateValue::Month { y, m } => (
            DateValue::Day { y, m, d: 1 },
            Some(format!(
                "Date known to the month only ({date}); shown on the 1st."
            )),
        ),
        DateValue::Year { y } => (
            DateValue::Day { y, m: 1, d: 1 },
            Some(format!(
                "Date known to the year only ({date}); shown on 1 January."
            )),
        ),
    };
    Some((compact(first), compact(add_days(first, 1)), note))
}

/// A calendar of the dated entries (undated ones are skipped): one all-day VEVENT each, with a
/// UID derived from its content (date, status, place, participants), so that exporting the same
/// meetings again gives the same UIDs. DTSTAMP is the event's day at 00:00 UTC (the core has no
/// clock). DESCRIPTION lists participants with roles, the sources and their evidence sentences.
pub fn ics(entries: &[&Entry], articles: &[Article]) -> String {
    let mut out = String::new();
    for l in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Dossier//Meetings//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Dossier meetings",
    ] {
        ics_fold(l, &mut out);
    }
    let mut uids: Vec<String> = Vec::new();
    for e in entries {
        let Some((start, end, note)) = e.date.as_deref().and_then(ics_days) else {
            continue;
        };
        let names: Vec<&str> = e.participants.iter().map(|p| p.name.as_str()).collect();
        let mut key: Vec<String> = names.iter().map(|n| name_key(n)).collect();
        crate::core::sort::sort(&mut key);
        let content = format!(
            "{}|{}|{}|{}",
            e.date.as_deref().unwrap_or(""),
            status_word(e.status),
            e.place.as_deref().map(name_key).unwrap_or_default(),
            key.join(";")
        );
        let mut uid = format!("{:016x}@dossier", fnv1a64(content.as_bytes()));
        let mut n = 2;
        while uids.contains(&uid) {
            uid = format!("{:016x}-{n}@dossier", fnv1a64(content.as_bytes()));
            n += 1;
        }
        uids.push(uid.clone());
        let summary = match e.status {
            EventStatus::Happened => format!("Meeting: {}", names.join(", ")),
            EventStatus::Planned => format!("Planned meeting: {}", names.join(", ")),
        };
        let mut desc: Vec<String> = Vec::new();
        if let Some(n) = note {
            desc.push(n);
        }
        desc.push("Participants:".into());
        for p in &e.participants {
            let mut line = format!("- {}", p.name);
            let extra: Vec<&str> = [p.role.as_deref(), p.affiliation.as_deref()]
                .into_iter()
                .flatten()
                .collect();
            if !extra.is_empty() {
                line.push_str(&format!(" ({})", extra.join(", ")));
            }
            desc.push(line);
        }
        desc.push("Sources:".into());
        for (s, ev) in e.sources.iter().zip(evidence_texts(e, articles)) {
            desc.push(format!("- {} [{}]: {}", s.article_id, s.lang, ev));
        }
        let stamp = format!("DTSTAMP:{start}T000000Z");
        ics_fold("BEGIN:VEVENT", &mut out);
        ics_fold(&format!("UID:{uid}"), &mut out);
        ics_fold(&stamp, &mut out);
        ics_fold(&format!("DTSTART;VALUE=DATE:{start}"), &mut out);
        ics_fold(&format!("DTEND;VALUE=DATE:{end}"), &mut out);
        ics_fold(&format!("SUMMARY:{}", ics_escape(&summary)), &mut out);
        if let Some(p) = &e.place {
            ics_fold(&format!("LOCATION:{}", ics_escape(p)), &mut out);
        }
        ics_fold(
            &format!("DESCRIPTION:{}", ics_escape(&desc.join("\n"))),
            &mut out,
        );
        if !e.topics.is_empty() {
            let cats: Vec<String> = e.topics.iter().map(|t| ics_escape(t)).collect();
            ics_fold(&format!("CATEGORIES:{}", cats.join(",")), &mut out);
        }
        let status = match e.status {
            EventStatus::Happened => "CONFIRMED",
            EventStatus::Planned => "TENTATIVE",
        };
        ics_fold(&format!("STATUS:{status}"), &mut out);
        ics_fold("TRANSP:TRANSPARENT", &mut out);
        ics_fold("END:VEVENT", &mut out);
    }
    ics_fold("END:VCALENDAR", &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_quote_and_guard() {
        let cases = [
            ("plain", "plain"),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("=SUM(A1)", "'=SUM(A1)"),
            ("", ""),
        ];
        for (input, want) in cases {
            assert_eq!(csv_field(input), want, "{input}");
        }
    }

    #[test]
    fn csv_round_trips() {
        let mut s = String::new();
        csv_row(&mut s, &["a,1", "b\"2", "c\r\n3", "Hà Nội"]);
        csv_row(&mut s, &["", "x", "", ""]);
        assert_eq!(
            parse_csv(&s),
            vec![
                vec!["a,1", "b\"2", "c\r\n3", "Hà Nội"],
                vec!["", "x", "", ""]
            ]
        );
    }

    #[test]
    fn ics_escapes_and_folds() {
        assert_eq!(ics_escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        let long = format!("DESCRIPTION:{}", "Phạm Minh Chính ".repeat(12));
        let mut out = String::new();
        ics_fold(&long, &mut out);
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        assert_eq!(ics_unfold(&out), vec![long]);
    }

    #[test]
    fn ics_days_by_precision() {
        let cases = [
            ("2024-09-30", Some(("20240930", "20241001", false))),
            ("2024-12-31", Some(("20241231", "20250101", false))),
            ("2024-02", Some(("20240201", "20240202", true))),
            ("2024", Some(("20240101", "20240102", true))),
            ("soon", None),
        ];
        for (date, want) in cases {
            let got = ics_days(date);
            assert_eq!(
                got.as_ref()
                    .map(|(s, e, n)| (s.as_str(), e.as_str(), n.is_some())),
                want,
                "{date}"
            );
        }
    }
}

// ---------------------------------------------------------------- what the page shows

/// The four exports, named by the code the page and the import worker pass between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Json,
    MeetingsCsv,
    EntitiesCsv,
    Ics,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Json, Kind::MeetingsCsv, Kind::EntitiesCsv, Kind::Ics];

    pub fn code(self) -> &'static str {
        match self {
            Kind::Json => "json",
            Kind::MeetingsCsv => "meetings-csv",
            Kind::EntitiesCsv => "entities-csv",
            Kind::Ics => "ics",
        }
    }

    pub fn from_code(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The download's file name and media type.
    pub fn file(self) -> (&'static str, &'static str) {
        match self {
            Kind::Json => ("dossier.json", "application/json"),
            Kind::MeetingsCsv => ("dossier-meetings.csv", "text/csv"),
            Kind::EntitiesCsv => ("dossier-entities.csv", "text/csv"),
            Kind::Ics => ("dossier-meetings.ics", "text/calendar"),
        }
    }
}

/// Put the articles named by `order` (ids, in the page's order) together from `pools`, the places
/// that hold articles with their extraction, first pool first (a later pool never replaces an id
/// an earlier one gave). An id no pool holds is an error naming it: the export would not be what
/// the page shows.
pub fn arrange(
    order: &[&str],
    pools: Vec<Vec<(Article, Extraction)>>,
) -> Result<(Vec<Article>, Vec<Extraction>), String> {
    let mut by_id: crate::core::hash::FxHashMap<String, (Article, Extraction)> = Default::default();
    for pool in pools {
        for (a, x) in pool {
            by_id.entry(a.id.clone()).or_insert((a, x));
        }
    }
    let mut articles = Vec::with_capacity(order.len());
    let mut extractions = Vec::with_capacity(order.len());
    let mut missing = Vec::new();
    for id in order {
        match by_id.remove(*id) {
            Some((a, x)) => {
                articles.push(a);
                extractions.push(x);
            }
            None => missing.push(*id),
        }
    }
    match missing.first() {
        None => Ok((articles, extractions)),
        Some(first) => Err(format!(
            "{} of the articles on the page could not be found again (first: `{first}`)",
            missing.len()
        )),
    }
}

/// The file of `kind` for what the page shows: the articles at the indexes `shown` and the timeline
/// entries at the indexes `entries`, where the timeline is `timeline::build(extractions)` (the
/// page's own, when `articles`/`extractions` are in the page's order). Indexes out of range are
/// skipped.
pub fn render(
    kind: Kind,
    articles: &[Article],
    extractions: &[Extraction],
    timeline: &[Entry],
    shown: &[usize],
    entries: &[usize],
) -> String {
    let xs = || shown.iter().filter_map(|&i| extractions.get(i));
    let es: Vec<&Entry> = entries.iter().filter_map(|&i| timeline.get(i)).collect();
    match kind {
        Kind::Json => json(&xs().cloned().collect::<Vec<_>>()),
        Kind::MeetingsCsv => meetings_csv(&es, articles),
        Kind::EntitiesCsv => entities_csv(xs()),
        Kind::Ics => ics(&es, articles),
    }
}

/// Indexes written as `1,5,9` (what the page sends): the numbers, anything else skipped.
pub fn parse_indexes(s: &str) -> Vec<usize> {
    s.split(',').filter_map(|n| n.trim().parse().ok()).collect()
}
