//! Meeting extraction tests: table tests per language, and the "oracle-entities" dev-set score
//! (entities built from the gold annotations, dates from a small fallback finder) that isolates meeting quality.

use dossier::core::dates::{days_in_month, DateMention, DateValue};
use dossier::core::meetings::find_meetings;
use dossier::core::model::{Entity, EntityKind, Event, EventStatus, Span};
use dossier::core::text::{fold, name_key, TokenKind};
use dossier::core::Doc;
use serde_json::Value;
use std::collections::BTreeMap;

// ---------------------------------------------------------------- oracle entities

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Every whole-word occurrence of `needle` in `text`.
fn occurrences(text: &str, needle: &str) -> Vec<Span> {
    let mut out = Vec::new();
    if needle.is_empty() {
        return out;
    }
    let mut from = 0;
    while let Some(pos) = text[from..].find(needle) {
        let s = from + pos;
        let e = s + needle.len();
        let before_ok = text[..s]
            .chars()
            .next_back()
            .is_none_or(|c| !is_word_char(c));
        let after_ok = text[e..].chars().next().is_none_or(|c| !is_word_char(c));
        if before_ok && after_ok {
            out.push(Span::new(s, e));
        }
        from = s + needle.len().max(1);
        while !text.is_char_boundary(from) {
            from += 1;
        }
    }
    out
}

fn entity(kind: EntityKind, name: &str, class: Option<&str>, ptype: Option<&str>) -> Entity {
    Entity {
        kind,
        name: name.to_string(),
        class: class.map(str::to_string),
        place_type: ptype.map(str::to_string),
        aliases: Vec::new(),
        role: None,
        affiliation: None,
        mentions: Vec::new(),
    }
}

/// Entities from gold persons/orgs/places, with mentions found by alias search (persons also by surname).
fn oracle_entities(text: &str, gold: &Value) -> Vec<Entity> {
    let mut out: Vec<Entity> = Vec::new();
    let mut forms: Vec<(String, usize)> = Vec::new();
    for (key, kind) in [
        ("persons", EntityKind::Person),
        ("orgs", EntityKind::Org),
        ("places", EntityKind::Place),
    ] {
        for g in gold[key].as_array().into_iter().flatten() {
            let name = g["name"].as_str().unwrap_or("");
            let ty = g["type"].as_str();
            let (class, ptype) = match kind {
                EntityKind::Org => (ty, None),
                EntityKind::Place => (None, ty),
                EntityKind::Person => (None, None),
            };
            let idx = out.len();
            let mut e = entity(kind, name, class, ptype);
            let mut names: Vec<String> = g["aliases"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|a| a.as_str().map(str::to_string))
                .collect();
            names.push(name.to_string());
            e.aliases = names.clone();
            if kind == EntityKind::Person {
                let surnames: Vec<String> = names
                    .iter()
                    .filter_map(|n| n.split_whitespace().last().map(str::to_string))
                    .collect();
                names.extend(surnames);
            }
            for n in names {
                forms.push((n, idx));
            }
            out.push(e);
        }
    }
    forms.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
    forms.dedup();
    let mut taken: Vec<Span> = Vec::new();
    for (f, idx) in forms {
        for sp in occurrences(text, &f) {
            if taken.iter().any(|t| t.overlaps(sp)) {
                continue;
            }
            taken.push(sp);
            out[idx].mentions.push(sp);
        }
    }
    for e in &mut out {
        e.mentions.sort();
    }
    out
}

// ---------------------------------------------------------------- fallback dates

fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y } as i64;
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn civil_from_days(z: i64) -> DateValue {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    DateValue::Day {
        y: (if m <= 2 { y + 1 } else { y }) as i32,
        m,
        d,
    }
}

fn month_of(w: &str) -> Option<u32> {
    const MONTHS: [&[&str]; 12] = [
        &[
            "january", "janvier", "januari", "januar", "enero", "gennaio", "janeiro",
        ],
        &[
            "february",
            "fevrier",
            "februari",
            "februar",
            "febrero",
            "febbraio",
            "fevereiro",
        ],
        &["march", "mars", "maret", "marz", "maerz", "marzo", "marco"],
        &["april", "avril", "abril", "aprile"],
        &["may", "mai", "mei", "mayo", "maggio", "maio"],
        &["june", "juin", "juni", "junio", "giugno", "junho"],
        &["july", "juillet", "juli", "julio", "luglio", "julho"],
        &["august", "aout", "agustus", "agosto"],
        &[
            "september",
            "septembre",
            "septiembre",
            "settembre",
            "setembro",
        ],
        &[
            "october", "octobre", "oktober", "octubre", "ottobre", "outubro",
        ],
        &["november", "novembre", "noviembre", "novembro"],
        &[
            "december",
            "decembre",
            "desember",
            "dezember",
            "diciembre",
            "dicembre",
            "dezembro",
        ],
    ];
    MONTHS
        .iter()
        .position(|names| names.contains(&w))
        .map(|i| i as u32 + 1)
}

fn weekday_of(w: &str) -> Option<i64> {
    // 0 = Monday.
    const DAYS: [&[&str]; 7] = [
        &[
            "monday",
            "lundi",
            "senin",
            "montag",
            "lunes",
            "lunedi",
            "segunda-feira",
        ],
        &[
            "tuesday",
            "mardi",
            "selasa",
            "dienstag",
            "martes",
            "martedi",
            "terca-feira",
        ],
        &[
            "wednesday",
            "mercredi",
            "rabu",
            "mittwoch",
            "miercoles",
            "mercoledi",
            "quarta-feira",
        ],
        &[
            "thursday",
            "jeudi",
            "kamis",
            "donnerstag",
            "jueves",
            "giovedi",
            "quinta-feira",
        ],
        &[
            "friday",
            "vendredi",
            "jumat",
            "freitag",
            "viernes",
            "venerdi",
            "sexta-feira",
        ],
        &["saturday", "samedi", "sabtu", "samstag", "sabado", "sabato"],
        &[
            "sunday", "dimanche", "minggu", "sonntag", "domingo", "domenica",
        ],
    ];
    DAYS.iter().position(|n| n.contains(&w)).map(|i| i as i64)
}

/// A small date finder for the oracle test: "18 September", "(13/10)", "Tháng 6/2005", "Juni 2023",
/// "yesterday", weekdays (past, or next when the sentence speaks of the future).
/// The meetings found in `text` (published 2024-05-04) with the gold entities, and the sorted
/// participant sets of each, sorted.
fn participant_sets(text: &str, lang: &str, gold: &Value) -> (Vec<Vec<String>>, Vec<Event>) {
    let doc = Doc::new(text, lang, DateValue::parse_iso("2024-05-04"));
    let ents = oracle_entities(text, gold);
    let events = find_meetings(&doc, &ents, &fallback_dates(&doc));
    let mut got: Vec<Vec<String>> = events
        .iter()
        .map(|e| {
            let mut p = e.participants.clone();
            p.sort();
            p
        })
        .collect();
    got.sort();
    (got, events)
}

fn fallback_dates(doc: &Doc) -> Vec<DateMention> {
    let text = doc.text;
    let Some(DateValue::Day {
        y: py,
        m: pm,
        d: pd,
    }) = doc.published
    else {
        return Vec::new();
    };
    let pdays = days_from_civil(py, pm, pd);
    let toks: Vec<_> = doc.tokens.iter().collect();
    let mut out = Vec::new();
    let future_words = [
        "will", "sera", "seront", "doivent", "doit", "akan", "se", "wird", "sara", "later",
        "expected", "erwartet",
    ];
    let mk = |span: Span, v: DateValue, rel: bool| DateMention {
        span,
        value: Some(v),
        yearless: false,
        relative: rel,
    };
    for (i, t) in toks.iter().enumerate() {
        let w = fold(t.text(text));
        let next = toks.get(i + 1).map(|t| fold(t.text(text)));
        let prev = if i > 0 {
            Some(fold(toks[i - 1].text(text)))
        } else {
            None
        };
        if t.kind == TokenKind::Number && w.contains('/') {
            let parts: Vec<i64> = w.split('/').filter_map(|p| p.parse().ok()).collect();
            let is_thang = prev.as_deref() == Some("thang");
            match parts.as_slice() {
                [m, y] if is_thang && (1..=12).contains(m) => out.push(mk(
                    t.span,
                    DateValue::Month {
                        y: *y as i32,
                        m: *m as u32,
                    },
                    false,
                )),
                [d, m] if (1..=12).contains(m) && *d >= 1 && *d <= 31 => out.push(mk(
                    t.span,
                    DateValue::Day {
                        y: py,
                        m: *m as u32,
                        d: *d as u32,
                    },
                    false,
                )),
                [d, m, y] if (1..=12).contains(m) => out.push(mk(
                    t.span,
                    DateValue::Day {
                        y: *y as i32,
                        m: *m as u32,
                        d: *d as u32,
                    },
                    false,
                )),
                _ => {}
            }
            continue;
        }
        if t.kind != TokenKind::Word {
            continue;
        }
        if let Some(m) = month_of(&w) {
            let day = prev
                .as_deref()
                .and_then(|p| p.parse::<u32>().ok())
                .or_else(|| {
                    (matches!(prev.as_deref(), Some("de") | Some(".")) && i >= 2)
                        .then(|| fold(toks[i - 2].text(text)).parse::<u32>().ok())
                        .flatten()
                })
                .or_else(|| {
                    next.as_deref()
                        .and_then(|n| n.parse::<u32>().ok())
                        .filter(|d| *d <= 31)
                });
            let year = toks[i + 1..toks.len().min(i + 4)]
                .iter()
                .map(|t| t.text(text))
                .find(|s| s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|s| s.parse::<i32>().ok());
            let ago = toks[i + 1..toks.len().min(i + 5)].iter().any(|t| {
                matches!(
                    fold(t.text(text)).as_str(),
                    "passado" | "pasado" | "dernier"
                )
            });
            let y = year.unwrap_or(if ago { py - 1 } else { py });
            let v = match day {
                Some(d) if d >= 1 && d <= days_in_month(y, m) => DateValue::Day { y, m, d },
                _ => DateValue::Month { y, m },
            };
            out.push(mk(t.span, v, false));
            continue;
        }
        let rel = match w.as_str() {
            "yesterday" | "hier" | "kemarin" | "gestern" | "ayer" | "ieri" | "ontem" => Some(-1),
            "today" | "aujourd'hui" | "heute" | "hoy" | "oggi" | "hoje" => Some(0),
            "qua" if prev.as_deref() == Some("hom") => Some(-1),
            _ => None,
        };
        if let Some(r) = rel {
            out.push(mk(t.span, civil_from_days(pdays + r), true));
            continue;
        }
        if let Some(wd) = weekday_of(&w) {
            // "(13)" after the weekday gives the day of the month.
            if toks.get(i + 1).map(|t| t.text(text)) == Some("(") {
                if let Some(d) = toks
                    .get(i + 2)
                    .and_then(|t| t.text(text).parse::<u32>().ok())
                {
                    if d >= 1 && d <= days_in_month(py, pm) {
                        out.push(mk(t.span, DateValue::Day { y: py, m: pm, d }, false));
                        continue;
                    }
                }
            }
            let sent = doc
                .sentences
                .iter()
                .find(|s| s.contains(t.span))
                .copied()
                .unwrap_or(t.span);
            let futur = toks
                .iter()
                .filter(|k| sent.contains(k.span))
                .any(|k| future_words.contains(&fold(k.text(text)).as_str()));
            let pwd = (pdays + 3).rem_euclid(7); // 1970-01-01 was a Thursday (3).
            let diff = if futur {
                (wd - pwd).rem_euclid(7)
            } else {
                -((pwd - wd).rem_euclid(7))
            };
            out.push(mk(t.span, civil_from_days(pdays + diff), true));
        }
    }
    out
}

// ---------------------------------------------------------------- scoring (score.py's meeting rule)

fn date_ok(pred: Option<&str>, gold: Option<&str>) -> bool {
    match (pred, gold) {
        (Some(p), Some(g)) => p == g || (g.len() < p.len() && p.starts_with(g)),
        _ => false,
    }
}

fn load_dev() -> Vec<Value> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/dev");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("dev corpus folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap())
        .collect()
}

#[test]
fn oracle_entities_meeting_f1_on_dev() {
    let mut per_lang: BTreeMap<String, [usize; 3]> = BTreeMap::new();
    for a in load_dev() {
        let text = a["text"].as_str().unwrap();
        let lang = a["lang"].as_str().unwrap_or("en");
        let published = a["published"].as_str().and_then(DateValue::parse_iso);
        let doc = Doc::new(text, lang, published);
        let gold = &a["gold"];
        let ents = oracle_entities(text, gold);
        let dates = if std::env::var("ORACLE_FALLBACK_DATES").is_ok() {
            fallback_dates(&doc)
        } else {
            dossier::core::dates::find_dates(doc.text, doc.lang, doc.published)
        };
        let events = find_meetings(&doc, &ents, &dates);
        let pm: Vec<_> = events
            .iter()
            .filter(|e| e.status == EventStatus::Happened)
            .collect();
        let gm = gold["meetings"].as_array().cloned().unwrap_or_default();
        let all_gold: Vec<&Value> = gold["persons"]
            .as_array()
            .into_iter()
            .chain(gold["orgs"].as_array())
            .flatten()
            .collect();
        let part_match = |p: &str, g: &str| {
            let ge = all_gold
                .iter()
                .find(|x| name_key(x["name"].as_str().unwrap_or("")) == name_key(g));
            let mut gnames = vec![name_key(g)];
            if let Some(ge) = ge {
                gnames.extend(
                    ge["aliases"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(|x| x.as_str())
                        .map(name_key),
                );
            }
            gnames.contains(&name_key(p))
        };
        let mut used = vec![false; gm.len()];
        let mut tp = 0;
        for e in &pm {
            for (i, g) in gm.iter().enumerate() {
                if used[i] || !date_ok(e.date.as_deref(), g["date"].as_str()) {
                    continue;
                }
                let gp: Vec<&str> = g["participants"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|x| x.as_str())
                    .collect();
                let hit = gp
                    .iter()
                    .filter(|gn| e.participants.iter().any(|pn| part_match(pn, gn)))
                    .count();
                if hit >= 1 && hit * 2 >= gp.len() {
                    used[i] = true;
                    tp += 1;
                    break;
                }
            }
        }
        let fp = pm.len() - tp;
        let fn_ = gm.len() - tp;
        if fp + fn_ > 0 {
            eprintln!(
                "{} {}: gold {:?}\n      pred {:?}",
                a["id"],
                lang,
                gm.iter()
                    .map(|g| (g["date"].to_string(), g["participants"].to_string()))
                    .collect::<Vec<_>>(),
                events
                    .iter()
                    .map(|e| (e.status, e.date.clone(), e.participants.clone()))
                    .collect::<Vec<_>>()
            );
        }
        let c = per_lang.entry(lang.to_string()).or_default();
        c[0] += tp;
        c[1] += fp;
        c[2] += fn_;
    }
    let f1 = |c: [usize; 3]| {
        let p = if c[0] + c[1] > 0 {
            c[0] as f64 / (c[0] + c[1]) as f64
        } else {
            0.0
        };
        let r = if c[0] + c[2] > 0 {
            c[0] as f64 / (c[0] + c[2]) as f64
        } else {
            0.0
        };
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    };
    let mut total = [0usize; 3];
    for (lang, c) in &per_lang {
        eprintln!(
            "oracle meetings {lang}: tp {} fp {} fn {} F1 {:.3}",
            c[0],
            c[1],
            c[2],
            f1(*c)
        );
        for k in 0..3 {
            total[k] += c[k];
        }
    }
    let f = f1(total);
    eprintln!(
        "oracle meetings all: tp {} fp {} fn {} F1 {:.3}",
        total[0], total[1], total[2], f
    );
    assert!(f >= 0.80, "oracle-entities meeting F1 {f:.3} < 0.80");
}

// ---------------------------------------------------------------- table tests

/// (lang, published, sentence, persons, orgs, expected: None = no meeting, Some((status, date, participants)))
type Case = (
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    Option<(EventStatus, &'static str, &'static [&'static str])>,
);

const CASES: &[Case] = &[
    // A directive verb before the trigger: the meeting is only asked for.
    ("id", "2023-09-19", "Pada 18 September, Presiden Budi Santoso menugaskan Menteri Andi Wijaya untuk berdiskusi dengan Initech.",
        &["Budi Santoso", "Andi Wijaya"], &["Initech"], None),
    ("es", "2023-06-02", "El 1 de junio, el presidente Luis Gómez pidió a Ana Ruiz reunirse con Cyberdyne.",
        &["Luis Gómez", "Ana Ruiz"], &["Cyberdyne"], None),
    // A bracketed list of members is no party.
    ("en", "2024-03-05", "On 4 March John Doe met Jane Roe with his delegation (Acme, Globex).",
        &["John Doe", "Jane Roe"], &["Acme", "Globex"],
        Some((EventStatus::Happened, "2024-03-04", &["John Doe", "Jane Roe"]))),
    ("en", "2024-03-05", "Acme chief executive Jane Roe met Prime Minister John Doe on 4 March.",
        &["Jane Roe", "John Doe"], &["Acme"],
        Some((EventStatus::Happened, "2024-03-04", &["Jane Roe", "John Doe", "Acme"]))),
    ("en", "2024-03-05", "Prime Minister John Doe will meet Jane Roe on 12 March.",
        &["John Doe", "Jane Roe"], &[],
        Some((EventStatus::Planned, "2024-03-12", &["John Doe", "Jane Roe"]))),
    ("en", "2024-03-05", "John Doe held a phone call with Jane Roe on 4 March.",
        &["John Doe", "Jane Roe"], &[], None),
    ("fr", "2024-09-30", "Le Premier ministre Paul Martin a reçu Anne Dupont, présidente de Globex, le 29 septembre.",
        &["Paul Martin", "Anne Dupont"], &["Globex"],
        Some((EventStatus::Happened, "2024-09-29", &["Paul Martin", "Anne Dupont", "Globex"]))),
    ("fr", "2024-09-30", "Paul Martin rencontrera Anne Dupont le 3 octobre.",
        &["Paul Martin", "Anne Dupont"], &[],
        Some((EventStatus::Planned, "2024-10-03", &["Paul Martin", "Anne Dupont"]))),
    ("id", "2023-09-19", "Presiden Budi Santoso bertemu Andi Wijaya, CEO Initech, pada 18 September.",
        &["Budi Santoso", "Andi Wijaya"], &["Initech"],
        Some((EventStatus::Happened, "2023-09-18", &["Budi Santoso", "Andi Wijaya", "Initech"]))),
    ("id", "2023-09-19", "Budi Santoso mengundang Andi Wijaya untuk berkunjung ke Jakarta pada 20 September.",
        &["Budi Santoso", "Andi Wijaya"], &[], None),
    ("vi", "2023-09-12", "Ngày 11/9, Thủ tướng Nguyễn Văn An đã tiếp ông Tom Lee, Chủ tịch Hooli.",
        &["Nguyễn Văn An", "Tom Lee"], &["Hooli"],
        Some((EventStatus::Happened, "2023-09-11", &["Nguyễn Văn An", "Tom Lee", "Hooli"]))),
    ("vi", "2023-09-12", "Ngày 11/9, Thủ tướng Nguyễn Văn An đề nghị Hooli tiếp tục đầu tư, ông Tom Lee cho biết.",
        &["Nguyễn Văn An", "Tom Lee"], &["Hooli"], None),
    ("vi", "2023-09-12", "Ngày 11/9, Thủ tướng Nguyễn Văn An điện đàm với ông Tom Lee.",
        &["Nguyễn Văn An", "Tom Lee"], &[], None),
    ("de", "2023-06-20", "Bundeskanzler Karl Weber empfing am 19. Juni den Umbrella-Chef Max Braun.",
        &["Karl Weber", "Max Braun"], &["Umbrella"],
        Some((EventStatus::Happened, "2023-06-19", &["Karl Weber", "Umbrella", "Max Braun"]))),
    ("es", "2023-06-02", "El presidente Luis Gómez se reunirá con Ana Ruiz, de Cyberdyne, el 15 de junio.",
        &["Luis Gómez", "Ana Ruiz"], &["Cyberdyne"],
        Some((EventStatus::Planned, "2023-06-15", &["Luis Gómez", "Ana Ruiz", "Cyberdyne"]))),
    ("it", "2023-06-16", "La premier Laura Bianchi ha incontrato il 15 giugno Marco Rossi, fondatore di Soylent.",
        &["Laura Bianchi", "Marco Rossi"], &["Soylent"],
        Some((EventStatus::Happened, "2023-06-15", &["Laura Bianchi", "Marco Rossi", "Soylent"]))),
    ("pt", "2022-05-21", "O presidente João Souza recebeu em 20 de maio o empresário Pedro Lima, dono da Vandelay.",
        &["João Souza", "Pedro Lima"], &["Vandelay"],
        Some((EventStatus::Happened, "2022-05-20", &["João Souza", "Pedro Lima", "Vandelay"]))),
    ("en", "2024-06-23", "President Tom Hart welcomed Prime Minister Ravi Rao at the White House on 22 June.",
        &["Tom Hart", "Ravi Rao"], &[],
        Some((EventStatus::Happened, "2024-06-22", &["Tom Hart", "Ravi Rao"]))),
    ("en", "2024-06-23", "Ravi Rao invited Tom Hart to visit Delhi on 30 June.",
        &["Tom Hart", "Ravi Rao"], &[], None),
    ("fr", "2024-03-13", "Le président Louis Caron s'est entretenu avec Marc Petit, PDG de Initech, le 12 mars.",
        &["Louis Caron", "Marc Petit"], &["Initech"],
        Some((EventStatus::Happened, "2024-03-12", &["Louis Caron", "Marc Petit", "Initech"]))),
    ("fr", "2024-03-13", "Louis Caron s'est entretenu par téléphone avec Marc Petit le 12 mars.",
        &["Louis Caron", "Marc Petit"], &[], None),
    ("de", "2024-05-04", "Kanzler Jens Vogel traf sich am 3. Mai mit Globex-Chef Tim Kurz.",
        &["Jens Vogel", "Tim Kurz"], &["Globex"],
        Some((EventStatus::Happened, "2024-05-03", &["Jens Vogel", "Tim Kurz", "Globex"]))),
    ("de", "2024-05-04", "Kanzler Jens Vogel wird am 9. Mai Tim Kurz empfangen.",
        &["Jens Vogel", "Tim Kurz"], &[],
        Some((EventStatus::Planned, "2024-05-09", &["Jens Vogel", "Tim Kurz"]))),
    ("es", "2024-02-08", "El ministro Pablo Ruiz recibió ayer a Marta Gil, consejera delegada de Hooli.",
        &["Pablo Ruiz", "Marta Gil"], &["Hooli"],
        Some((EventStatus::Happened, "2024-02-07", &["Pablo Ruiz", "Marta Gil", "Hooli"]))),
    ("es", "2024-02-08", "Pablo Ruiz recibió el premio de Hooli el 7 de febrero.",
        &["Pablo Ruiz"], &["Hooli"], None),
    ("it", "2024-07-01", "Il ministro Paolo Neri incontrerà il 5 luglio Luca Riva di Initech.",
        &["Paolo Neri", "Luca Riva"], &["Initech"],
        Some((EventStatus::Planned, "2024-07-05", &["Paolo Neri", "Luca Riva", "Initech"]))),
    ("pt", "2024-07-01", "O ministro Caio Reis conversou por telefone com Ana Lopes em 30 de junho.",
        &["Caio Reis", "Ana Lopes"], &[], None),
    ("vi", "2024-06-06", "Chiều 5/6, Chủ tịch Trần Văn Nam tiếp ông Tom Cole, Giám đốc Globex.",
        &["Trần Văn Nam", "Tom Cole"], &["Globex"],
        Some((EventStatus::Happened, "2024-06-05", &["Trần Văn Nam", "Tom Cole", "Globex"]))),
    ("vi", "2024-06-06", "Ngày 10/6, Chủ tịch Trần Văn Nam sẽ hội kiến ông Tom Cole.",
        &["Trần Văn Nam", "Tom Cole"], &[],
        Some((EventStatus::Planned, "2024-06-10", &["Trần Văn Nam", "Tom Cole"]))),
    ("id", "2024-07-01", "Menteri Budi Hartono akan bertemu dengan Rina Sari pada 10 Juli.",
        &["Budi Hartono", "Rina Sari"], &[],
        Some((EventStatus::Planned, "2024-07-10", &["Budi Hartono", "Rina Sari"]))),
    ("id", "2024-07-01", "Presiden Budi Hartono menyambut baik kerja sama Initech dengan Rina Sari pada 30 Juni.",
        &["Budi Hartono", "Rina Sari"], &["Initech"], None),
    ("en", "2024-06-23", "Tom Hart met Ravi Rao on 20 June. Rao said he planned to visit India next year.",
        &["Tom Hart", "Ravi Rao"], &[],
        Some((EventStatus::Happened, "2024-06-20", &["Tom Hart", "Ravi Rao"]))),
    ("it", "2024-06-16", "La premier Anna Conti ha ricevuto Luca Riva il 15 giugno.",
        &["Anna Conti", "Luca Riva"], &[],
        Some((EventStatus::Happened, "2024-06-15", &["Anna Conti", "Luca Riva"]))),
    ("en", "2024-05-04", "Acme chief executive Jane Roe visited an Acme store in Chicago on 3 May.",
        &["Jane Roe"], &["Acme"], None),
    ("en", "2024-03-05", "Jane Roe said the market was large on 4 March.",
        &["Jane Roe", "John Doe"], &[], None),
    ("pt", "2022-05-21", "O presidente João Souza se encontra com Pedro Lima em 25 de maio.",
        &["João Souza", "Pedro Lima"], &[],
        Some((EventStatus::Planned, "2022-05-25", &["João Souza", "Pedro Lima"]))),
    ("de", "2024-05-04", "Kanzler Jens Vogel besichtigte am 3. Mai ein Werk von Globex.",
        &["Jens Vogel"], &["Globex"],
        Some((EventStatus::Happened, "2024-05-03", &["Jens Vogel", "Globex"]))),
    ("de", "2024-05-04", "Begleitet wurde Kanzler Jens Vogel am 3. Mai von Globex-Chef Tim Kurz.",
        &["Jens Vogel", "Tim Kurz"], &["Globex"], None),
    ("es", "2024-05-04", "Luis Gómez viajó el 3 de mayo acompañado por Ana Ruiz.",
        &["Luis Gómez", "Ana Ruiz"], &[], None),
    ("en", "2024-03-05", "John Doe leaves for Cairo on 8 March and is due to hold talks with Prime Minister Jane Roe on 9 March.",
        &["John Doe", "Jane Roe"], &[],
        Some((EventStatus::Planned, "2024-03-09", &["John Doe", "Jane Roe"]))),
    ("en", "2024-05-04", "Jane Roe met John Doe on 3 May. Roe arrived on 2 May from the Acme summit in Rome.",
        &["Jane Roe", "John Doe"], &["Acme"],
        Some((EventStatus::Happened, "2024-05-03", &["Jane Roe", "John Doe"]))),
    ("en", "2024-06-23", "The summit opened on 20 June. It came a day after Ravi Rao was received by Ann Lee.",
        &["Ravi Rao", "Ann Lee"], &[],
        Some((EventStatus::Happened, "2024-06-19", &["Ravi Rao", "Ann Lee"]))),
    // The dateline's date is the report's day: the lead's "ieri" dates the meeting told next.
    ("it", "2024-06-21", "ROMA, 21 GIU - L'accordo è stato presentato ieri al ministero. Il ministro Mario Rossi ha incontrato Anna Bianchi, fondatrice di Initech.",
        &["Mario Rossi", "Anna Bianchi"], &["Initech"],
        Some((EventStatus::Happened, "2024-06-20", &["Mario Rossi", "Anna Bianchi", "Initech"]))),
    // A ceremony attended together; the dateline's "Feb." does not hide its end.
    ("en", "2024-02-25", "KIKUYO, Japan, Feb. 25 (Kyodo) -- Initech opened its first factory on Saturday.\n\nInitech founder Ravi Rao joined Minister Ann Lee at the opening ceremony for the plant.",
        &["Ravi Rao", "Ann Lee"], &["Initech"],
        Some((EventStatus::Happened, "2024-02-24", &["Ravi Rao", "Ann Lee", "Initech"]))),
];

#[test]
fn table_cases_per_language() {
    for (lang, published, text, persons, orgs, expected) in CASES {
        let published = DateValue::parse_iso(published);
        let doc = Doc::new(text, lang, published);
        let mut gold = serde_json::json!({"persons": [], "orgs": [], "places": []});
        for p in *persons {
            gold["persons"]
                .as_array_mut()
                .unwrap()
                .push(serde_json::json!({"name": p, "aliases": [p]}));
        }
        for o in *orgs {
            gold["orgs"]
                .as_array_mut()
                .unwrap()
                .push(serde_json::json!({"name": o, "aliases": [o], "type": "company"}));
        }
        let ents = oracle_entities(text, &gold);
        let dates = fallback_dates(&doc);
        let events = find_meetings(&doc, &ents, &dates);
        match expected {
            None => assert!(events.is_empty(), "{text}: expected none, got {events:?}"),
            Some((status, date, parts)) => {
                assert_eq!(events.len(), 1, "{text}: {events:?}");
                let e = &events[0];
                assert_eq!(e.status, *status, "{text}");
                assert_eq!(e.date.as_deref(), Some(*date), "{text}");
                let mut got = e.participants.clone();
                got.sort();
                let mut want: Vec<String> = parts.iter().map(|s| s.to_string()).collect();
                want.sort();
                assert_eq!(got, want, "{text}");
                assert!(
                    doc.sentences.contains(&e.evidence),
                    "{text}: evidence is a sentence"
                );
            }
        }
    }
}

/// A tiny deterministic pseudo-random generator (xorshift), so the fuzz test needs no crate.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

#[test]
fn never_panics_on_random_text_entities_and_dates() {
    let pool: Vec<&str> = vec![
        "met",
        "rencontre",
        "gặp",
        "tiếp",
        "bertemu",
        "traf",
        "reunió",
        "incontro",
        "recebeu",
        "will",
        "sẽ",
        "akan",
        ",",
        ".",
        "(",
        ")",
        "\n",
        "\n\n",
        " ",
        "é",
        "😀",
        "Đà",
        "X",
        "Y",
        "Corp",
        "'s",
        "l'",
        "s'est",
        "entretenu",
        "who",
        "yang",
        "award",
        "phone",
        "—",
        "18/9",
        "2024",
        "Monday",
    ];
    let langs = ["en", "fr", "vi", "id", "de", "es", "it", "pt", "xx"];
    let mut rng = Rng(0x9E3779B97F4A7C15);
    for round in 0..400 {
        let mut text = String::new();
        for _ in 0..rng.below(60) {
            let w = pool[rng.below(pool.len())].replace("\\n", "\n");
            text.push_str(&w);
            if rng.below(3) > 0 {
                text.push(' ');
            }
        }
        let lang = langs[round % langs.len()];
        let doc = Doc::new(&text, lang, DateValue::parse_iso("2024-05-05"));
        let mut ents = Vec::new();
        for k in 0..rng.below(5) {
            let kind = [EntityKind::Person, EntityKind::Org, EntityKind::Place][k % 3];
            let mut e = entity(kind, &format!("E{k}"), Some("company"), Some("city"));
            for _ in 0..rng.below(4) {
                let a = rng.below(text.len() + 3);
                let b = a + rng.below(12);
                e.mentions.push(Span::new(a, b)); // possibly out of range or off char boundaries
            }
            if rng.below(2) == 0 {
                e.affiliation = Some(format!("E{}", rng.below(5)));
            }
            ents.push(e);
        }
        let mut dates = Vec::new();
        for _ in 0..rng.below(4) {
            let a = rng.below(text.len() + 3);
            dates.push(DateMention {
                span: Span::new(a, a + rng.below(8)),
                value: [
                    DateValue::parse_iso("2024-05-04"),
                    DateValue::parse_iso("2024-06"),
                    DateValue::parse_iso("2023"),
                    None,
                ][rng.below(4)],
                yearless: false,
                relative: false,
            });
        }
        let events = find_meetings(&doc, &ents, &dates);
        for e in events {
            assert!(e.participants.len() >= 2);
            assert!(
                text.is_char_boundary(e.evidence.start) && text.is_char_boundary(e.evidence.end)
            );
        }
    }
}

/// Sentences opening with a sequence marker tell separate meetings of the same day, in every language.
#[test]
fn sequence_markers_split_same_day_meetings() {
    let cases: &[(&str, &str)] = &[
        ("en", "On 3 May John Doe met Jane Roe in Paris. John Doe praised the talks. Earlier, Jane Roe met Max Weber."),
        ("es", "El 3 de mayo John Doe se reunió con Jane Roe en París. John Doe elogió la charla. Previamente, Jane Roe se reunió con Max Weber."),
        ("de", "Am 3. Mai traf John Doe Jane Roe in Paris. John Doe lobte das Gespräch. Im Anschluss traf Jane Roe Max Weber."),
        ("pt", "Em 3 de maio, John Doe se reuniu com Jane Roe em Paris. John Doe elogiou a conversa. À tarde, Jane Roe se reuniu com Max Weber."),
        ("id", "Pada 3 Mei, John Doe bertemu Jane Roe di Paris. John Doe memuji pembicaraan itu. Sebelumnya, Jane Roe bertemu Max Weber."),
    ];
    let gold = serde_json::json!({
        "persons": [{"name": "John Doe", "aliases": ["John Doe"]}, {"name": "Jane Roe", "aliases": ["Jane Roe"]},
                    {"name": "Max Weber", "aliases": ["Max Weber"]}],
        "orgs": [], "places": []
    });
    for (lang, text) in cases {
        let (got, events) = participant_sets(text, lang, &gold);
        assert_eq!(
            got,
            vec![
                vec!["Jane Roe".to_string(), "John Doe".to_string()],
                vec!["Jane Roe".to_string(), "Max Weber".to_string()],
            ],
            "{lang}: {events:?}"
        );
    }
}

#[test]
fn one_visit_per_organisation_and_retold_meetings_merge() {
    let text = "Prime Minister John Doe visited Acme and Globex on 3 May. \
                Doe also talked with Globex chief Max Weber about chips.";
    let gold = serde_json::json!({
        "persons": [{"name": "John Doe", "aliases": ["John Doe"]}, {"name": "Max Weber", "aliases": ["Max Weber"]}],
        "orgs": [{"name": "Acme", "aliases": ["Acme"], "type": "company"},
                 {"name": "Globex", "aliases": ["Globex"], "type": "company"}],
        "places": []
    });
    let (got, events) = participant_sets(text, "en", &gold);
    assert_eq!(
        got,
        vec![
            vec!["Acme".to_string(), "John Doe".to_string()],
            vec![
                "Globex".to_string(),
                "John Doe".to_string(),
                "Max Weber".to_string()
            ],
        ],
        "{events:?}"
    );
    assert!(events
        .iter()
        .all(|e| e.date.as_deref() == Some("2024-05-03")));
}

#[test]
fn never_panics_on_odd_input() {
    for text in [
        "",
        "é",
        "rencontre\n\n",
        "Meet met meeting 31/02 ’s d’",
        "gặp tiếp 😀 visit",
    ] {
        let doc = Doc::new(text, "fr", DateValue::parse_iso("2024-01-01"));
        let ents = vec![entity(EntityKind::Person, "X", None, None)];
        let _ = find_meetings(&doc, &ents, &[]);
    }
}

/// (lang, published, text, persons, orgs, expected meetings: (status, date, participants) each; empty = none)
type MultiCase = (
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    &'static [(EventStatus, &'static str, &'static [&'static str])],
);

const H: EventStatus = EventStatus::Happened;

/// Constructions news use for meetings beyond "X met Y": joint appearances, guided tours,
/// separate meetings with several counterparts, a group object named in the next sentence,
/// passive and reflexive forms, German separable and verb-final forms; calls are no meetings.
const CONSTRUCTIONS: &[MultiCase] = &[
    // Joint appearances.
    ("en", "2024-06-23", "President Tom Hart and Prime Minister Ravi Rao held a joint press conference in Delhi on 22 June.",
        &["Tom Hart", "Ravi Rao"], &[], &[(H, "2024-06-22", &["Tom Hart", "Ravi Rao"])]),
    ("fr", "2024-03-13", "Le président Louis Caron et la chancelière Anne Dupont ont tenu une conférence de presse commune le 12 mars.",
        &["Louis Caron", "Anne Dupont"], &[], &[(H, "2024-03-12", &["Louis Caron", "Anne Dupont"])]),
    ("fr", "2024-03-13", "Louis Caron et Marc Petit, PDG d'Initech, ont signé un accord le 12 mars.",
        &["Louis Caron", "Marc Petit"], &["Initech"], &[(H, "2024-03-12", &["Louis Caron", "Marc Petit", "Initech"])]),
    ("id", "2023-09-19", "Presiden Budi Santoso dan Perdana Menteri Rina Sari memberikan keterangan pers bersama pada 18 September.",
        &["Budi Santoso", "Rina Sari"], &[], &[(H, "2023-09-18", &["Budi Santoso", "Rina Sari"])]),
    ("id", "2023-09-19", "Presiden Budi Santoso dan Andi Wijaya, CEO Initech, menandatangani nota kesepahaman pada 18 September.",
        &["Budi Santoso", "Andi Wijaya"], &["Initech"], &[(H, "2023-09-18", &["Budi Santoso", "Andi Wijaya", "Initech"])]),
    ("vi", "2023-09-12", "Ngày 11/9, Thủ tướng Nguyễn Văn An và Tổng thống Tom Lee đã họp báo chung.",
        &["Nguyễn Văn An", "Tom Lee"], &[], &[(H, "2023-09-11", &["Nguyễn Văn An", "Tom Lee"])]),
    ("de", "2024-05-04", "Kanzler Jens Vogel und Präsidentin Anna Roth gaben am 3. Mai eine gemeinsame Pressekonferenz.",
        &["Jens Vogel", "Anna Roth"], &[], &[(H, "2024-05-03", &["Jens Vogel", "Anna Roth"])]),
    ("de", "2024-05-04", "Mit Kanzler Jens Vogel und Ministerin Anna Roth hat Globex-Chef Tim Kurz am 3. Mai das neue Werk offiziell eröffnet.",
        &["Jens Vogel", "Anna Roth", "Tim Kurz"], &["Globex"], &[(H, "2024-05-03", &["Jens Vogel", "Anna Roth", "Tim Kurz", "Globex"])]),
    ("es", "2023-06-02", "El presidente Luis Gómez y la primera ministra Ana Ruiz ofrecieron una rueda de prensa conjunta el 1 de junio.",
        &["Luis Gómez", "Ana Ruiz"], &[], &[(H, "2023-06-01", &["Luis Gómez", "Ana Ruiz"])]),
    ("it", "2023-06-16", "La premier Laura Bianchi e il presidente Marco Rossi hanno tenuto una conferenza stampa congiunta il 15 giugno.",
        &["Laura Bianchi", "Marco Rossi"], &[], &[(H, "2023-06-15", &["Laura Bianchi", "Marco Rossi"])]),
    ("pt", "2022-05-21", "O presidente João Souza e o primeiro-ministro Pedro Lima concederam uma entrevista coletiva conjunta em 20 de maio.",
        &["João Souza", "Pedro Lima"], &[], &[(H, "2022-05-20", &["João Souza", "Pedro Lima"])]),
    ("pt", "2022-05-21", "O presidente João Souza e o primeiro-ministro Pedro Lima assinaram em 20 de maio um acordo.",
        &["João Souza", "Pedro Lima"], &[], &[(H, "2022-05-20", &["João Souza", "Pedro Lima"])]),
    // Guided tours.
    ("en", "2024-03-05", "Acme chief executive Jane Roe showed Prime Minister John Doe around the plant on 4 March.",
        &["Jane Roe", "John Doe"], &["Acme"], &[(H, "2024-03-04", &["Jane Roe", "John Doe", "Acme"])]),
    ("en", "2024-03-05", "John Doe toured Acme's headquarters with chief executive Jane Roe on 4 March.",
        &["John Doe", "Jane Roe"], &["Acme"], &[(H, "2024-03-04", &["John Doe", "Jane Roe", "Acme"])]),
    ("de", "2024-05-04", "Globex-Chef Tim Kurz führte Kanzler Jens Vogel am 3. Mai durch das Werk.",
        &["Tim Kurz", "Jens Vogel"], &["Globex"], &[(H, "2024-05-03", &["Tim Kurz", "Jens Vogel", "Globex"])]),
    ("de", "2024-05-04", "Am 3. Mai hatte Tim Kurz den Kanzler Jens Vogel über die Baustelle geführt.",
        &["Tim Kurz", "Jens Vogel"], &[], &[(H, "2024-05-03", &["Tim Kurz", "Jens Vogel"])]),
    ("id", "2023-09-19", "Andi Wijaya mengajak Presiden Budi Santoso berkeliling pabrik Initech pada 18 September.",
        &["Andi Wijaya", "Budi Santoso"], &["Initech"], &[(H, "2023-09-18", &["Andi Wijaya", "Budi Santoso", "Initech"])]),
    ("vi", "2023-09-12", "Ngày 11/9, Thủ tướng Nguyễn Văn An đã tham quan nhà máy của Hooli cùng ông Tom Lee.",
        &["Nguyễn Văn An", "Tom Lee"], &["Hooli"], &[(H, "2023-09-11", &["Nguyễn Văn An", "Tom Lee", "Hooli"])]),
    ("es", "2023-06-02", "Luis Gómez recorrió el 1 de junio la planta de Cyberdyne junto a Ana Ruiz.",
        &["Luis Gómez", "Ana Ruiz"], &["Cyberdyne"], &[(H, "2023-06-01", &["Luis Gómez", "Ana Ruiz", "Cyberdyne"])]),
    // Separate meetings: one per counterpart.
    ("en", "2024-03-05", "On 4 March John Doe met separately with Jane Roe and Ann Lee.",
        &["John Doe", "Jane Roe", "Ann Lee"], &[], &[(H, "2024-03-04", &["John Doe", "Jane Roe"]), (H, "2024-03-04", &["John Doe", "Ann Lee"])]),
    ("fr", "2024-03-13", "Le 12 mars, Louis Caron a rencontré séparément Marc Petit et Anne Dupont.",
        &["Louis Caron", "Marc Petit", "Anne Dupont"], &[], &[(H, "2024-03-12", &["Louis Caron", "Marc Petit"]), (H, "2024-03-12", &["Louis Caron", "Anne Dupont"])]),
    ("id", "2023-09-19", "Pada 18 September, Presiden Budi Santoso secara terpisah bertemu Andi Wijaya dan Rina Sari.",
        &["Budi Santoso", "Andi Wijaya", "Rina Sari"], &[], &[(H, "2023-09-18", &["Budi Santoso", "Andi Wijaya"]), (H, "2023-09-18", &["Budi Santoso", "Rina Sari"])]),
    ("vi", "2023-09-12", "Ngày 11/9, Thủ tướng Nguyễn Văn An lần lượt tiếp ông Tom Lee và ông Tom Cole.",
        &["Nguyễn Văn An", "Tom Lee", "Tom Cole"], &[], &[(H, "2023-09-11", &["Nguyễn Văn An", "Tom Lee"]), (H, "2023-09-11", &["Nguyễn Văn An", "Tom Cole"])]),
    ("de", "2024-05-04", "Kanzler Jens Vogel traf am 3. Mai getrennt Tim Kurz und Anna Roth.",
        &["Jens Vogel", "Tim Kurz", "Anna Roth"], &[], &[(H, "2024-05-03", &["Jens Vogel", "Tim Kurz"]), (H, "2024-05-03", &["Jens Vogel", "Anna Roth"])]),
    ("es", "2023-06-02", "El 1 de junio, Luis Gómez se reunió por separado con Ana Ruiz, de Cyberdyne, y Marta Gil.",
        &["Luis Gómez", "Ana Ruiz", "Marta Gil"], &["Cyberdyne"], &[(H, "2023-06-01", &["Luis Gómez", "Ana Ruiz", "Cyberdyne"]), (H, "2023-06-01", &["Luis Gómez", "Marta Gil"])]),
    ("it", "2023-06-16", "Il 15 giugno Laura Bianchi ha incontrato separatamente Marco Rossi e Luca Riva.",
        &["Laura Bianchi", "Marco Rossi", "Luca Riva"], &[], &[(H, "2023-06-15", &["Laura Bianchi", "Marco Rossi"]), (H, "2023-06-15", &["Laura Bianchi", "Luca Riva"])]),
    ("pt", "2022-05-21", "Em 20 de maio, João Souza se reuniu separadamente com Pedro Lima e Ana Lopes.",
        &["João Souza", "Pedro Lima", "Ana Lopes"], &[], &[(H, "2022-05-20", &["João Souza", "Pedro Lima"]), (H, "2022-05-20", &["João Souza", "Ana Lopes"])]),
    // Two counterparts each given with their own title, in apposition: two meetings.
    ("it", "2023-06-16", "Il 15 giugno Laura Bianchi ha incontrato la presidente del Senato, Anna Conti, e il presidente della Camera, Luca Riva.",
        &["Laura Bianchi", "Anna Conti", "Luca Riva"], &[], &[(H, "2023-06-15", &["Laura Bianchi", "Anna Conti"]), (H, "2023-06-15", &["Laura Bianchi", "Luca Riva"])]),
    ("en", "2024-03-05", "On 4 March John Doe met the Speaker of the House, Jane Roe, and the leader of the Senate, Ann Lee.",
        &["John Doe", "Jane Roe", "Ann Lee"], &[], &[(H, "2024-03-04", &["John Doe", "Jane Roe"]), (H, "2024-03-04", &["John Doe", "Ann Lee"])]),
    // Three titled guests are one group meeting.
    ("fr", "2024-03-13", "Le 12 mars, Louis Caron a reçu le patron d'Initech, Marc Petit, la présidente de Globex, Anne Dupont, et le fondateur d'Acme, Paul Martin.",
        &["Louis Caron", "Marc Petit", "Anne Dupont", "Paul Martin"], &["Initech", "Globex", "Acme"],
        &[(H, "2024-03-12", &["Louis Caron", "Marc Petit", "Initech", "Anne Dupont", "Globex", "Paul Martin", "Acme"])]),
    // Without a marker, several counterparts meet together.
    ("fr", "2024-03-13", "Le 12 mars, Louis Caron a rencontré Marc Petit et Anne Dupont.",
        &["Louis Caron", "Marc Petit", "Anne Dupont"], &[], &[(H, "2024-03-12", &["Louis Caron", "Marc Petit", "Anne Dupont"])]),
    // "He also met B": the pronoun is the subject told before, not the last person named.
    ("en", "2024-03-05", "John Doe met Jane Roe on 4 March. He also met Ann Lee.",
        &["John Doe", "Jane Roe", "Ann Lee"], &[], &[(H, "2024-03-04", &["John Doe", "Jane Roe"]), (H, "2024-03-04", &["John Doe", "Ann Lee"])]),
    ("fr", "2024-03-13", "Louis Caron a reçu Marc Petit le 12 mars. Il a aussi rencontré Anne Dupont.",
        &["Louis Caron", "Marc Petit", "Anne Dupont"], &[], &[(H, "2024-03-12", &["Louis Caron", "Marc Petit"]), (H, "2024-03-12", &["Louis Caron", "Anne Dupont"])]),
    // A group object named in the next sentence.
    ("en", "2024-03-05", "Prime Minister John Doe met the heads of three companies on 4 March. Jane Roe of Acme, Ann Lee of Globex and Max Weber of Initech discussed safety.",
        &["John Doe", "Jane Roe", "Ann Lee", "Max Weber"], &["Acme", "Globex", "Initech"],
        &[(H, "2024-03-04", &["John Doe", "Jane Roe", "Acme", "Ann Lee", "Globex", "Max Weber", "Initech"])]),
    ("id", "2023-09-19", "Pada 18 September, Presiden Budi Santoso menerima para CEO perusahaan teknologi. Andi Wijaya dari Initech dan Rina Sari dari Globex memaparkan rencana investasi.",
        &["Budi Santoso", "Andi Wijaya", "Rina Sari"], &["Initech", "Globex"],
        &[(H, "2023-09-18", &["Budi Santoso", "Andi Wijaya", "Initech", "Rina Sari", "Globex"])]),
    ("de", "2024-05-04", "Kanzler Jens Vogel empfing am 3. Mai die Chefs großer Konzerne. Tim Kurz von Globex und Anna Roth von Initech warben für Investitionen.",
        &["Jens Vogel", "Tim Kurz", "Anna Roth"], &["Globex", "Initech"],
        &[(H, "2024-05-03", &["Jens Vogel", "Tim Kurz", "Globex", "Anna Roth", "Initech"])]),
    // Passive and reflexive forms, German separable and verb-final verbs.
    ("de", "2024-05-04", "Kanzler Jens Vogel wurde am 3. Mai in Paris von Präsident Tim Kurz empfangen.",
        &["Jens Vogel", "Tim Kurz"], &[], &[(H, "2024-05-03", &["Jens Vogel", "Tim Kurz"])]),
    ("de", "2024-05-04", "Am 3. Mai hatte der Kanzler Jens Vogel den Präsidenten Tim Kurz im Kanzleramt empfangen.",
        &["Jens Vogel", "Tim Kurz"], &[], &[(H, "2024-05-03", &["Jens Vogel", "Tim Kurz"])]),
    ("de", "2024-05-04", "Am 3. Mai kam Kanzler Jens Vogel in Berlin mit Globex-Chef Tim Kurz zusammen.",
        &["Jens Vogel", "Tim Kurz"], &["Globex"], &[(H, "2024-05-03", &["Jens Vogel", "Tim Kurz", "Globex"])]),
    ("de", "2024-05-04", "Kanzler Jens Vogel traf am 3. Mai in Berlin mit Präsidentin Anna Roth zusammen.",
        &["Jens Vogel", "Anna Roth"], &[], &[(H, "2024-05-03", &["Jens Vogel", "Anna Roth"])]),
    ("de", "2024-05-04", "Kanzler Jens Vogel hat am 3. Mai in Berlin Präsidentin Anna Roth getroffen.",
        &["Jens Vogel", "Anna Roth"], &[], &[(H, "2024-05-03", &["Jens Vogel", "Anna Roth"])]),
    ("de", "2024-05-04", "Am 3. Mai trafen sich Jens Vogel und Anna Roth in Paris.",
        &["Jens Vogel", "Anna Roth"], &[], &[(H, "2024-05-03", &["Jens Vogel", "Anna Roth"])]),
    ("de", "2024-05-04", "Kanzler Jens Vogel sprach am 3. Mai in Berlin mit Präsidentin Anna Roth.",
        &["Jens Vogel", "Anna Roth"], &[], &[(H, "2024-05-03", &["Jens Vogel", "Anna Roth"])]),
    ("es", "2023-06-02", "Luis Gómez fue recibido el 1 de junio por Ana Ruiz en Madrid.",
        &["Luis Gómez", "Ana Ruiz"], &[], &[(H, "2023-06-01", &["Luis Gómez", "Ana Ruiz"])]),
    ("it", "2023-06-16", "La premier Laura Bianchi è stata ricevuta il 15 giugno da Marco Rossi.",
        &["Laura Bianchi", "Marco Rossi"], &[], &[(H, "2023-06-15", &["Laura Bianchi", "Marco Rossi"])]),
    ("it", "2023-06-16", "Il 15 giugno Laura Bianchi si è riunita con Marco Rossi.",
        &["Laura Bianchi", "Marco Rossi"], &[], &[(H, "2023-06-15", &["Laura Bianchi", "Marco Rossi"])]),
    ("pt", "2022-05-21", "O presidente João Souza foi recebido em 20 de maio por Pedro Lima.",
        &["João Souza", "Pedro Lima"], &[], &[(H, "2022-05-20", &["João Souza", "Pedro Lima"])]),
    ("fr", "2024-03-13", "Louis Caron a été reçu le 12 mars par Marc Petit.",
        &["Louis Caron", "Marc Petit"], &[], &[(H, "2024-03-12", &["Louis Caron", "Marc Petit"])]),
    // A dropped subject (es, it, pt) is the subject told before.
    ("es", "2023-06-02", "Luis Gómez recibió a Ana Ruiz el 1 de junio. Luego se reunió con Marta Gil.",
        &["Luis Gómez", "Ana Ruiz", "Marta Gil"], &[], &[(H, "2023-06-01", &["Luis Gómez", "Ana Ruiz"]), (H, "2023-06-01", &["Luis Gómez", "Marta Gil"])]),
    ("it", "2023-06-16", "Laura Bianchi ha ricevuto Marco Rossi il 15 giugno. Poi ha incontrato Luca Riva.",
        &["Laura Bianchi", "Marco Rossi", "Luca Riva"], &[], &[(H, "2023-06-15", &["Laura Bianchi", "Marco Rossi"]), (H, "2023-06-15", &["Laura Bianchi", "Luca Riva"])]),
    // A subject pronoun before a weak trigger is the other party.
    ("en", "2024-03-05", "John Doe arrived in Paris on 4 March. He was welcomed by Jane Roe at the palace.",
        &["John Doe", "Jane Roe"], &[], &[(H, "2024-03-04", &["John Doe", "Jane Roe"])]),
    ("id", "2023-09-19", "Presiden Budi Santoso tiba di Bali pada 18 September. Ia menerima Rina Sari di hotel.",
        &["Budi Santoso", "Rina Sari"], &[], &[(H, "2023-09-18", &["Budi Santoso", "Rina Sari"])]),
    ("fr", "2024-03-13", "Louis Caron est arrivé à Lyon le 12 mars. Il a ensuite reçu Marc Petit.",
        &["Louis Caron", "Marc Petit"], &[], &[(H, "2024-03-12", &["Louis Caron", "Marc Petit"])]),
    // A directive far before the trigger does not govern it.
    ("en", "2024-03-05", "John Doe arrived in Paris on 4 March. Jane Roe asked him about trade during their meeting at the palace.",
        &["John Doe", "Jane Roe"], &[], &[(H, "2024-03-04", &["John Doe", "Jane Roe"])]),
    ("id", "2023-09-19", "Pada 18 September, Presiden Budi Santoso menugaskan para pemimpin kementerian dan perwakilan perusahaan besar untuk berdiskusi dengan Andi Wijaya.",
        &["Budi Santoso", "Andi Wijaya"], &[], &[]),
    // Meals, handshakes and courtesy calls.
    ("en", "2024-03-05", "On 4 March John Doe had dinner with Jane Roe in Paris.",
        &["John Doe", "Jane Roe"], &[], &[(H, "2024-03-04", &["John Doe", "Jane Roe"])]),
    ("fr", "2024-03-13", "Le 12 mars, Louis Caron a dîné avec Marc Petit à l'Élysée.",
        &["Louis Caron", "Marc Petit"], &[], &[(H, "2024-03-12", &["Louis Caron", "Marc Petit"])]),
    ("de", "2024-05-04", "Am 3. Mai lud Kanzler Jens Vogel zu einem Abendessen mit Anna Roth ins Kanzleramt.",
        &["Jens Vogel", "Anna Roth"], &[], &[]),
    ("de", "2024-05-04", "Kanzler Jens Vogel hatte am 3. Mai ein Abendessen mit Anna Roth im Kanzleramt.",
        &["Jens Vogel", "Anna Roth"], &[], &[(H, "2024-05-03", &["Jens Vogel", "Anna Roth"])]),
    ("pt", "2022-05-21", "Em 20 de maio, João Souza apertou a mão de Pedro Lima em Brasília.",
        &["João Souza", "Pedro Lima"], &[], &[(H, "2022-05-20", &["João Souza", "Pedro Lima"])]),
    ("vi", "2023-09-12", "Ngày 11/9, ông Tom Lee đã chào xã giao Thủ tướng Nguyễn Văn An.",
        &["Tom Lee", "Nguyễn Văn An"], &[], &[(H, "2023-09-11", &["Tom Lee", "Nguyễn Văn An"])]),
    ("id", "2023-09-19", "Pada 18 September, Presiden Budi Santoso bersilaturahmi dengan Rina Sari di Jakarta.",
        &["Budi Santoso", "Rina Sari"], &[], &[(H, "2023-09-18", &["Budi Santoso", "Rina Sari"])]),
    // Two sides named as one plural subject of a talk verb.
    ("pt", "2022-05-21", "João Souza e Pedro Lima conversaram em 20 de maio sobre investimentos.",
        &["João Souza", "Pedro Lima"], &[], &[(H, "2022-05-20", &["João Souza", "Pedro Lima"])]),
    ("es", "2023-06-02", "Luis Gómez y Ana Ruiz dialogaron el 1 de junio en Madrid.",
        &["Luis Gómez", "Ana Ruiz"], &[], &[(H, "2023-06-01", &["Luis Gómez", "Ana Ruiz"])]),
    // Calls, one-sided acts and sentences without a meeting.
    ("de", "2024-05-04", "Kanzler Jens Vogel telefonierte am 3. Mai mit Tim Kurz.",
        &["Jens Vogel", "Tim Kurz"], &[], &[]),
    ("es", "2023-06-02", "Luis Gómez mantuvo el 1 de junio una conversación telefónica con Ana Ruiz.",
        &["Luis Gómez", "Ana Ruiz"], &[], &[]),
    ("id", "2023-09-19", "Presiden Budi Santoso berbicara melalui telepon dengan Rina Sari pada 18 September.",
        &["Budi Santoso", "Rina Sari"], &[], &[]),
    ("it", "2023-06-16", "Il 15 giugno Laura Bianchi ha avuto un colloquio telefonico con Marco Rossi.",
        &["Laura Bianchi", "Marco Rossi"], &[], &[]),
    ("en", "2024-03-05", "On 4 March Jane Roe showed that John Doe was wrong.",
        &["Jane Roe", "John Doe"], &[], &[]),
    ("de", "2024-05-04", "Kanzler Jens Vogel eröffnete am 3. Mai die Messe.",
        &["Jens Vogel"], &[], &[]),
    ("de", "2024-05-04", "Kanzler Jens Vogel eröffnete am 3. Mai die Messe gemeinsam mit Anna Roth.",
        &["Jens Vogel", "Anna Roth"], &[], &[(H, "2024-05-03", &["Jens Vogel", "Anna Roth"])]),
];

#[test]
fn construction_cases_per_language() {
    let mut failures = Vec::new();
    for (lang, published, text, persons, orgs, expected) in CONSTRUCTIONS {
        let doc = Doc::new(text, lang, DateValue::parse_iso(published));
        let mut gold = serde_json::json!({"persons": [], "orgs": [], "places": []});
        for p in *persons {
            gold["persons"]
                .as_array_mut()
                .unwrap()
                .push(serde_json::json!({"name": p, "aliases": [p]}));
        }
        for o in *orgs {
            gold["orgs"]
                .as_array_mut()
                .unwrap()
                .push(serde_json::json!({"name": o, "aliases": [o], "type": "company"}));
        }
        let ents = oracle_entities(text, &gold);
        let events = find_meetings(&doc, &ents, &fallback_dates(&doc));
        let got: Vec<(EventStatus, Option<String>, Vec<String>)> = events
            .iter()
            .map(|e| {
                let mut p = e.participants.clone();
                p.sort();
                (e.status, e.date.clone(), p)
            })
            .collect();
        let want: Vec<(EventStatus, Option<String>, Vec<String>)> = expected
            .iter()
            .map(|(s, d, ps)| {
                let mut p: Vec<String> = ps.iter().map(|x| x.to_string()).collect();
                p.sort();
                (*s, Some(d.to_string()), p)
            })
            .collect();
        if got != want {
            failures.push(format!("{lang}: {text}\n   got  {got:?}\n   want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
