//! Dates in eight languages: finds date expressions and resolves them against the publication date.
//!
//! Forms found (fr, id, en, vi, de, es, it, pt; word tables in `dates/words.rs`):
//! - day + month [+ year]: "30 septembre 2024", "18. September", "18 de septiembre de 2023",
//!   "ngày 18 tháng 9 năm 2023", "September 18, 2023", "Sept. 18", "the 18th of September";
//!   pairs and ranges give their first day too ("le 18 et le 19 septembre", "vom 20. bis 22.");
//! - numeric: `2023-09-18`, `18.09.2023`, `11/12/2023` (day first; month first only when day
//!   first is invalid, e.g. US "9/18/2023"), `d/m` only with a context word ("ngày", "chiều",
//!   "tanggal", "le", "am", …) or in brackets ("(17/4)"), German `18.9.` after "am"/"vom";
//! - month + year ("Oktober 2014", "tháng 6/2005"), a month alone after a context word ("in
//!   March", "fin mai", "im Juni", "a finales de mayo") or with a modifier ("novembre dernier",
//!   "tháng 10 tới", "November last year"); a year alone after a year word ("in 2015", "năm
//!   2022", "seit 2020", "the end of 2025");
//! - weekdays, alone or with a modifier ("Wednesday", "lundi dernier", "Senin lalu", "el pasado
//!   martes", "nesta quinta-feira") or with a date ("Senin (18/9)", "sexta-feira (20)");
//! - relative words ("yesterday", "hôm qua", "kemarin", "gestern", "ayer", "ieri", "ontem"…),
//!   weeks/months/years ("last week", "tháng trước", "l'an dernier") and counts ("two days ago",
//!   "il y a trois jours", "vor zwei Wochen").
//!
//! Resolution (see `cost`): yearless dates take the year that puts them nearest the anchor, the
//! future costing 4× its distance unless a future cue ("will", "sẽ", "akan", "wird", "-ra",
//! "-rá", "prossimo"…) stands in the same sentence, in which case the past costs 4×. Weekdays:
//! the previous one (today included) unless the next one is cheaper by the same rule or a future
//! cue is seen. Weeks resolve to a `Month` (the month of anchor ± 7 days). Without an anchor,
//! yearless dates take the nearest preceding written year and relative ones stay None.
//! Never panics; spans are token boundaries, hence char boundaries.

mod words;

pub use crate::core::calendar::{days_in_month, is_leap, DateValue};
use crate::core::case::Lowercase;
use crate::core::hash::FilteredMap;
use crate::core::model::Span;
use crate::core::text::{tokens, Token, TokenKeys, TokenKind};
use std::sync::OnceLock;

/// One date expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Where the expression stands in the text ("le 30 septembre", "Hôm qua (11/9)").
    pub span: Span,
    /// The resolved date, or None when it cannot be resolved (no anchor for a yearless date).
    pub value: Option<DateValue>,
    /// Whether the expression had no year of its own ("30 September", "chiều 30/9").
    pub yearless: bool,
    /// Whether it was relative to the anchor ("yesterday", "this Monday", "last week").
    pub relative: bool,
}

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic (proleptic Gregorian, no clock, no crate).

/// Days since 1970-01-01 of a civil date (H. Hinnant's algorithm; any i32 year).
pub fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = y as i64 - if m <= 2 { 1 } else { 0 };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The civil date of a day count since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = if m <= 2 { y + 1 } else { y };
    (y.clamp(i32::MIN as i64, i32::MAX as i64) as i32, m, d)
}

/// Day of the week: 0 = Monday … 6 = Sunday.
pub fn weekday(y: i32, m: u32, d: u32) -> u32 {
    // 1970-01-01 was a Thursday (3).
    (days_from_civil(y, m, d) + 3).rem_euclid(7) as u32
}

/// `Day` moved by `n` days; `Month` and `Year` values are returned unchanged.
pub fn add_days(v: DateValue, n: i64) -> DateValue {
    match v {
        DateValue::Day { y, m, d } => {
            let (y, m, d) = civil_from_days(days_from_civil(y, m, d).saturating_add(n));
            DateValue::Day { y, m, d }
        }
        other => other,
    }
}

/// Year and month moved by `k` months.
pub fn add_months(y: i32, m: u32, k: i32) -> (i32, u32) {
    let idx = y as i64 * 12 + (m as i64 - 1) + k as i64;
    (idx.div_euclid(12) as i32, (idx.rem_euclid(12) + 1) as u32)
}

fn valid_day(y: i32, m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)
}

/// The anchor as a day: a `Month` anchor stands for its 15th, a `Year` anchor for 1 July.
fn anchor_day(a: DateValue) -> (i32, u32, u32) {
    let (y, m, d) = match a {
        DateValue::Day { y, m, d } => (y, m, d),
        DateValue::Month { y, m } => (y, m, 15),
        DateValue::Year { y } => (y, 7, 1),
    };
    // Keep arithmetic far from overflow and inside the calendar.
    let y = y.clamp(-99_999, 99_999);
    let m = m.clamp(1, 12);
    (y, m, d.clamp(1, days_in_month(y, m)))
}

/// How unlikely a candidate `delta` units away from the anchor is. News mostly reports the past:
/// a future candidate costs four times its distance unless a future cue was seen, in which case a
/// past candidate costs four times its distance. The same day costs 0.
fn cost(delta: i64, future: bool) -> i64 {
    match (delta.signum(), future) {
        (0, _) => 0,
        (-1, false) => -delta,
        (-1, true) => -delta * 4,
        (_, false) => delta * 4,
        (_, true) => delta,
    }
}

/// Resolve a yearless day ("30 September", "chiều 30/9") against the anchor: among the previous,
/// same and next year, the candidate with the lowest `cost` (see there). So "18 September"
/// published 2023-09-19 is 2023-09-18; "30 September" published 2024-09-01 is 2024-09-30 (4 × 29
/// days ahead beats 336 days back); "5 January" with "will" published in December is next January.
pub fn resolve_yearless(m: u32, d: u32, anchor: DateValue, future: bool) -> DateValue {
    resolve_yearless_wd(m, d, anchor, future, None, None).unwrap_or(DateValue::Month {
        y: anchor_day(anchor).0,
        m: m.clamp(1, 12),
    })
}

fn resolve_yearless_wd(
    m: u32,
    d: u32,
    anchor: DateValue,
    future: bool,
    wd: Option<u32>,
    force: Option<i32>,
) -> Option<DateValue> {
    let (ay, am, ad) = anchor_day(anchor);
    let a = days_from_civil(ay, am, ad);
    let mut best: Option<(i64, i32)> = None;
    for y in [ay - 1, ay, ay + 1] {
        if !valid_day(y, m, d) {
            continue;
        }
        let delta = days_from_civil(y, m, d) - a;
        let mut c = cost(delta, future);
        if wd.is_some_and(|w| w != weekday(y, m, d)) {
            c += 10_000;
        }
        // "le 2 mars dernier", "ngày 18/9 vừa qua", "el próximo 5 de octubre".
        if force.is_some_and(|k| (k < 0 && delta > 0) || (k > 0 && delta < 0)) {
            c += 100_000;
        }
        if best.is_none_or(|(bc, _)| c < bc) {
            best = Some((c, y));
        }
    }
    best.map(|(_, y)| DateValue::Day { y, m, d })
}

/// Resolve a yearless month ("en septembre", "im Juni") with the same cost rule, in months.
pub fn resolve_month(m: u32, anchor: DateValue, future: bool) -> DateValue {
    let (ay, am, _) = anchor_day(anchor);
    let a = ay as i64 * 12 + am as i64;
    let mut best = (i64::MAX, ay);
    for y in [ay - 1, ay, ay + 1] {
        let c = cost(y as i64 * 12 + m as i64 - a, future);
        if c < best.0 {
            best = (c, y);
        }
    }
    DateValue::Month { y: best.1, m }
}

/// Resolve a weekday (0 = Monday) against the anchor. `modifier`: -1 "last Friday" (strictly
/// before), +1 "next Friday" (strictly after), 0 "this Friday" (in the anchor's Monday–Sunday
/// week), None: with a future cue the next one (today included), else the cheaper of the
/// previous one (today included) and the next one by `cost` ("Tuesday" in a Monday paper is
/// tomorrow; in a Thursday paper it is two days ago).
pub fn resolve_weekday(
    wd: u32,
    anchor: DateValue,
    modifier: Option<i32>,
    future: bool,
) -> DateValue {
    let (ay, am, ad) = anchor_day(anchor);
    let aw = weekday(ay, am, ad) as i64;
    let wd = (wd % 7) as i64;
    let back = (aw - wd).rem_euclid(7);
    let fwd = (wd - aw).rem_euclid(7);
    let delta = match modifier {
        Some(k) if k < 0 => {
            if back == 0 {
                -7
            } else {
                -back
            }
        }
        Some(k) if k > 0 => {
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
        Some(_) => wd - aw,
        None if future => fwd,
        None => {
            if cost(-back, false) <= cost(fwd, false) {
                -back
            } else {
                fwd
            }
        }
    };
    add_days(
        DateValue::Day {
            y: ay,
            m: am,
            d: ad,
        },
        delta,
    )
}

// ---------------------------------------------------------------------------------------------
// Finding date expressions.

/// What a matched expression says before resolution.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Raw {
    Full(DateValue),
    /// Day and month without a year; the weekday when one was written next to it.
    YDay {
        m: u32,
        d: u32,
        wd: Option<u32>,
    },
    /// Month without a year; `shift`: explicit year offset ("November last year"); `modi`: -1/0/+1.
    YMonth {
        m: u32,
        shift: Option<i32>,
        modi: Option<i32>,
    },
    /// A day of the month alone, after a weekday ("sexta-feira (20)").
    DayOnly {
        d: u32,
        wd: Option<u32>,
    },
    Weekday {
        wd: u32,
        modi: Option<i32>,
    },
    Offset(i64),
    /// 'w' week, 'm' month, 'y' year, moved by k.
    Unit {
        unit: char,
        k: i32,
    },
}

struct Tok<'a> {
    span: Span,
    raw: &'a str,
    /// Folded, with ’ as '.
    f: &'a str,
    /// `f` without a leading "d'"/"l'" and a trailing "'s".
    base: &'a str,
    kind: TokenKind,
    cap: bool,
    /// The `starters()` bits of `f` and `base` (0: no starter): the date lists (markers,
    /// modifiers, units, weekdays, months, day words, ago and number words, year and day
    /// contexts) that hold the word. A token without a list's bit equals none of its words.
    cls: u16,
}

impl Tok<'_> {
    fn is(&self, w: &str) -> bool {
        self.f == w || self.base == w
    }
    fn punct(&self, p: &str) -> bool {
        self.kind == TokenKind::Punct && self.raw == p
    }
    /// A plain 1–2 digit number.
    fn small(&self) -> Option<u32> {
        if self.kind == TokenKind::Number
            && self.raw.len() <= 2
            && self.raw.bytes().all(|b| b.is_ascii_digit())
        {
            self.raw.parse().ok()
        } else {
            None
        }
    }
    /// A plain 4-digit year between 1900 and 2100.
    fn year(&self) -> Option<i32> {
        if self.kind == TokenKind::Number
            && self.raw.len() == 4
            && self.raw.bytes().all(|b| b.is_ascii_digit())
        {
            self.raw.parse().ok().filter(|y| (1900..=2100).contains(y))
        } else {
            None
        }
    }
}

const PREFIXES: &[&str] = &[
    "d'", "l'", "dell'", "all'", "nell'", "dall'", "dall'", "quest'", "un'",
];

/// The tokens of `text` with their folded forms (from `keys`, the forms of `toks`).
fn prep_tokens<'a>(text: &'a str, toks: &[Token], keys: &'a TokenKeys) -> Vec<Tok<'a>> {
    let set = starters();
    toks.iter()
        .enumerate()
        .map(|(i, t)| {
            let raw = t.span.slice(text);
            // Folded, "’" read as "'".
            let f = keys.folded(i);
            let mut base = f;
            for p in PREFIXES {
                if base.len() > p.len() {
                    if let Some(r) = base.strip_prefix(p) {
                        base = r;
                        break;
                    }
                }
            }
            let base = base.strip_suffix("'s").unwrap_or(base);
            // `base` is `f` less a prefix or "'s": the same word when as long.
            // (Bits kept in a u64 map: the type the cue tables use, no second copy of its code.)
            let cls = set.get(f).map_or(0, |&b| b as u16)
                | if base.len() != f.len() {
                    set.get(base).map_or(0, |&b| b as u16)
                } else {
                    0
                };
            Tok {
                span: t.span,
                raw,
                cap: raw.chars().next().is_some_and(|c| c.is_uppercase()),
                f,
                base,
                kind: t.kind,
                cls,
            }
        })
        .collect()
}

struct Found {
    start: usize,
    end: usize,
    raw: Raw,
}

struct Finder<'a> {
    toks: Vec<Tok<'a>>,
    lang: &'a str,
}

const ORDINAL_SUFFIXES: &[&str] = &[
    "er", "re", "e", "eme", "st", "nd", "rd", "th", "º", "ª", "o", "a",
];

impl<'a> Finder<'a> {
    fn tok(&self, i: usize) -> Option<&Tok<'a>> {
        self.toks.get(i)
    }

    fn month_at(&self, i: usize) -> Option<(u32, bool, bool)> {
        let t = self.tok(i)?;
        if t.kind != TokenKind::Word {
            return None;
        }
        if self.lang == "en" && !t.cap || t.cls & cls::MONTH == 0 {
            return None;
        }
        words::months(self.lang)
            .iter()
            .find(|w| t.base == w.word)
            .map(|w| (w.month, w.abbr, w.ambiguous))
    }

    fn modifier_at(&self, i: usize) -> Option<i32> {
        let t = self.tok(i)?;
        if t.cls & (cls::MODIFIER | cls::OTHER) == 0 {
            return None;
        }
        if self.lang == "vi" && t.is("vua") && self.tok(i + 1).is_some_and(|u| u.is("qua")) {
            return Some(-1);
        }
        words::modifiers(self.lang)
            .iter()
            .find(|(w, _)| t.is(w))
            .map(|&(_, k)| k)
    }

    /// Token count of a modifier at `i` (2 for "vừa qua").
    fn modifier_len(&self, i: usize) -> usize {
        if self.lang == "vi" && self.tok(i).is_some_and(|t| t.is("vua")) {
            2
        } else {
            1
        }
    }

    fn unit_at(&self, i: usize) -> Option<char> {
        let t = self.tok(i)?;
        if t.cls & cls::UNIT == 0 {
            return None;
        }
        words::units(self.lang)
            .iter()
            .find(|(w, _)| t.is(w))
            .map(|&(_, u)| u)
    }

    /// Weekday at `i`: (weekday, tokens used).
    fn weekday_at(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tok(i)?;
        if t.kind != TokenKind::Word {
            return None;
        }
        if self.lang == "vi" {
            if t.is("thu") {
                let n = self.tok(i + 1)?;
                let ok = (n.kind == TokenKind::Word && n.cap)
                    || (n.kind == TokenKind::Number
                        && self
                            .tok(i + 2)
                            .is_some_and(|p| p.punct("(") || p.punct(",")));
                if ok {
                    return words::VI_WEEKDAY
                        .iter()
                        .find(|(w, _)| n.f == *w)
                        .map(|&(_, d)| (d, 2));
                }
            }
            if t.is("chu") && self.tok(i + 1).is_some_and(|n| n.is("nhat")) {
                return Some((6, 2));
            }
            return None;
        }
        if self.lang == "en" && !t.cap || t.cls & cls::WEEKDAY == 0 && self.lang != "de" {
            return None;
        }
        for &(w, d) in words::weekdays(self.lang) {
            if t.base == w {
                if d >= 7 {
                    // Portuguese short form: needs a date in brackets or an article/modifier before.
                    let before = i.checked_sub(1).and_then(|j| self.tok(j)).is_some_and(|p| {
                        ["na", "nesta", "desta", "ultima", "proxima", "esta", "nessa"]
                            .contains(&p.f)
                    });
                    let after = self.tok(i + 1).is_some_and(|n| n.punct("("));
                    return (before || after).then_some((d - 7, 1));
                }
                // "Santo Domingo", "Black Friday"; in languages that write weekdays in lower case,
                // a capitalised one mid-sentence is a name ("il governo Sabato").
                // A lower-case weekday after a name is a date ("a reçu Elon Musk mardi").
                let lower_case_lang = matches!(self.lang, "fr" | "es" | "it" | "pt");
                if (self.after_inner_capital(i) && (t.cap || !lower_case_lang))
                    || (lower_case_lang
                        && t.cap
                        && !self.sentence_initial(i)
                        && !self.tok(i + 1).is_some_and(|n| n.punct("(")))
                {
                    return None;
                }
                if self.lang == "id" && w == "minggu" {
                    // "minggu" is also "week": the day only when capitalised and not "Minggu lalu".
                    if !t.cap || self.modifier_at(i + 1).is_some() {
                        return None;
                    }
                }
                return Some((d, 1));
            }
            // German compounds: "Montagabend", "Dienstagmorgen".
            if self.lang == "de" {
                if let Some(rest) = t.base.strip_prefix(w) {
                    if [
                        "abend",
                        "morgen",
                        "nachmittag",
                        "vormittag",
                        "mittag",
                        "nacht",
                        "fruh",
                    ]
                    .contains(&rest)
                    {
                        return Some((d, 1));
                    }
                }
            }
        }
        None
    }

    /// Relative day word at `i` ("hier", "hôm qua", "esta mañana").
    fn day_word_at(&self, i: usize) -> Option<(i64, usize)> {
        let t = self.tok(i)?;
        if t.kind != TokenKind::Word || t.cls & cls::DAY_WORD == 0 {
            return None;
        }
        for &(seq, k) in words::day_words(self.lang) {
            let ok = seq
                .iter()
                .enumerate()
                .all(|(j, w)| self.tok(i + j).is_some_and(|u| u.is(w)));
            if !ok {
                continue;
            }
            let prev = i.checked_sub(1).and_then(|j| self.tok(j));
            let prev_is = |ws: &[&str]| prev.is_some_and(|p| ws.contains(&p.f));
            match (self.lang, seq[0]) {
                ("de", "morgen")
                    if t.cap
                        || prev_is(&["am", "heute", "gestern", "jeden", "guten", "diesen"]) =>
                {
                    continue
                }
                ("es", "manana") if prev_is(&["la", "por", "de", "cada", "una", "toda", "esa"]) => {
                    continue
                }
                ("en", "today")
                    if t.cap && prev.is_some_and(|p| p.cap && p.kind == TokenKind::Word) =>
                {
                    continue
                }
                _ => {}
            }
            return Some((k, seq.len()));
        }
        None
    }

    /// "last week", "la semaine dernière", "tuần trước", "tahun ini": (unit, k, tokens used).
    fn unit_phrase_at(&self, i: usize) -> Option<(char, i32, usize)> {
        if let (Some(k), Some(u)) = (self.modifier_at(i), self.unit_at(i + 1)) {
            if self.modifier_len(i) == 1 {
                return Some((u, k, 2));
            }
        }
        // Optional article between modifier and unit is rare; unit then modifier:
        if let (Some(u), Some(k)) = (self.unit_at(i), self.modifier_at(i + 1)) {
            // "năm qua" (the past year) is vague; "tháng trước" with a number is another form.
            if self.lang == "vi" && u == 'y' && self.tok(i + 1).is_some_and(|t| t.is("qua")) {
                return None;
            }
            return Some((u, k, 1 + self.modifier_len(i + 1)));
        }
        None
    }

    /// Whether token `i` opens a sentence (first token, or after . ! ? : or a line break).
    fn sentence_initial(&self, i: usize) -> bool {
        let Some(p) = i.checked_sub(1).and_then(|j| self.tok(j)) else {
            return true;
        };
        p.kind == TokenKind::Punct
            && matches!(p.raw, "." | "!" | "?" | ":" | "\"" | "“" | "«" | "—" | "–")
    }

    /// Whether a capitalised word stands just before `i` in the middle of a sentence
    /// ("Santo Domingo", "Black Friday", "Plácido Domingo").
    fn after_inner_capital(&self, i: usize) -> bool {
        let Some(j) = i.checked_sub(1) else {
            return false;
        };
        let p = &self.toks[j];
        p.kind == TokenKind::Word
            && p.cap
            && !self.sentence_initial(j)
            && self.modifier_at(j).is_none()
            && words::weekdays(self.lang).iter().all(|(w, _)| p.base != *w)
    }

    /// Whether `i` sits between brackets: "(" at i-1 and ")" at i+1.
    fn bracketed(&self, i: usize) -> bool {
        i.checked_sub(1)
            .and_then(|j| self.tok(j))
            .is_some_and(|t| t.punct("("))
            && self.tok(i + 1).is_some_and(|t| t.punct(")"))
    }

    /// An explicit date (with a day or month number) at `i`.
    fn explicit(&self, i: usize, ctx: bool) -> Option<Found> {
        let t = self.tok(i)?;
        let ctx = ctx || self.bracketed(i);
        match t.kind {
            TokenKind::Number => self.explicit_number(i, ctx),
            TokenKind::Word => self.explicit_month_first(i, ctx),
            TokenKind::Punct => None,
        }
    }

    fn explicit_number(&self, i: usize, ctx: bool) -> Option<Found> {
        let t = self.tok(i)?;
        let s = t.raw;
        if s.contains(',') {
            return None;
        }
        // "20-21/9", "20-21/9/2023": a day range in one token → its first day.
        if let Some((a, rest)) = s.split_once('-') {
            if rest.contains('/') && a.len() <= 2 && !rest.contains('-') {
                let d: u32 = a.parse().ok()?;
                let mut parts = rest.split('/');
                let _ = parts.next()?.parse::<u32>().ok()?;
                let m: u32 = parts.next()?.parse().ok()?;
                let y: Option<i32> = match parts.next() {
                    Some(y) if y.len() == 4 => Some(y.parse().ok()?),
                    Some(_) => return None,
                    None => None,
                };
                if parts.next().is_some() || !(ctx || y.is_some()) {
                    return None;
                }
                let raw = match y {
                    Some(y) if valid_day(y, m, d) => Raw::Full(DateValue::Day { y, m, d }),
                    None if valid_day(2000, m, d) => Raw::YDay { m, d, wd: None },
                    _ => return None,
                };
                return Some(Found {
                    start: i,
                    end: i + 1,
                    raw,
                });
            }
        }
        let sep = s.bytes().find(|b| matches!(b, b'/' | b'.' | b'-'));
        // The parts between separators (only 1, 2 or 3 parts make a date: 4 stands for more).
        let mut parts: [&str; 4] = [""; 4];
        let mut nparts = 0;
        for x in s.split(['/', '.', '-']) {
            if nparts == 4 {
                break;
            }
            parts[nparts] = x;
            nparts += 1;
        }
        let parts = &parts[..nparts];
        if let Some(sep) = sep {
            if !s.bytes().filter(|b| !b.is_ascii_digit()).all(|b| b == sep) {
                return None;
            }
        }
        let p = |k: usize| -> Option<u32> { parts.get(k).and_then(|x| x.parse().ok()) };
        let next_is = |c: &str| self.tok(i + 1).is_some_and(|n| n.punct(c));
        let found = |end: usize, raw: Raw| Some(Found { start: i, end, raw });
        match parts.len() {
            3 => {
                let (l0, l1, l2) = (parts[0].len(), parts[1].len(), parts[2].len());
                if l0 == 4 && l1 <= 2 && l2 <= 2 && sep != Some(b'.') {
                    let (y, m, d) = (p(0)? as i32, p(1)?, p(2)?);
                    return (valid_day(y, m, d) && (1900..=2100).contains(&y))
                        .then_some(())
                        .and_then(|_| found(i + 1, Raw::Full(DateValue::Day { y, m, d })));
                }
                if l2 == 4 && l0 <= 2 && l1 <= 2 {
                    let (a, b, y) = (p(0)?, p(1)?, p(2)? as i32);
                    if !(1900..=2100).contains(&y) {
                        return None;
                    }
                    let v = if valid_day(y, b, a) {
                        DateValue::Day { y, m: b, d: a }
                    } else if valid_day(y, a, b) {
                        DateValue::Day { y, m: a, d: b }
                    } else {
                        return None;
                    };
                    return found(i + 1, Raw::Full(v));
                }
                None
            }
            2 => {
                let (l0, l1) = (parts[0].len(), parts[1].len());
                if sep == Some(b'-') {
                    // A day range before a month: "18-19 septembre" → the first day.
                    if l0 <= 2 && l1 <= 2 {
                        let d = p(0)?;
                        if let Some(f) = self.day_month_from(i, d, i + 1) {
                            return Some(f);
                        }
                        // Vietnamese papers also write "ngày 18-9", "sáng 19-9".
                        let m = p(1)?;
                        if ctx && valid_day(2000, m, d) {
                            return found(i + 1, Raw::YDay { m, d, wd: None });
                        }
                        return None;
                    }
                    if ctx && l0 <= 2 && l1 == 4 {
                        let (m, y) = (p(0)?, p(1)? as i32);
                        return ((1..=12).contains(&m) && (1900..=2100).contains(&y))
                            .then_some(())
                            .and_then(|_| found(i + 1, Raw::Full(DateValue::Month { y, m })));
                    }
                    return None;
                }
                if sep == Some(b'/') && l0 <= 2 && l1 == 4 && ctx {
                    let (m, y) = (p(0)?, p(1)? as i32);
                    return ((1..=12).contains(&m) && (1900..=2100).contains(&y))
                        .then_some(())
                        .and_then(|_| found(i + 1, Raw::Full(DateValue::Month { y, m })));
                }
                if l0 <= 2 && l1 <= 2 && ctx {
                    if sep == Some(b'.') && !(next_is(".") && self.lang == "de") {
                        return None;
                    }
                    let (a, b) = (p(0)?, p(1)?);
                    let (m, d) = if valid_day(2000, b, a) {
                        (b, a)
                    } else if valid_day(2000, a, b) {
                        (a, b)
                    } else {
                        return None;
                    };
                    let end = if sep == Some(b'.') { i + 2 } else { i + 1 };
                    return found(end, Raw::YDay { m, d, wd: None });
                }
                None
            }
            1 => {
                let d = t.small()?;
                self.day_month_from(i, d, i + 1)
                    .or_else(|| self.first_of_pair(i, d))
            }
            _ => None,
        }
    }

    /// The first day of a pair or range written before one month: "le 18 et le 19 septembre",
    /// "from 20 to 22 September", "vom 20. bis 22. September", "18 y 19 de septiembre".
    /// Only the first number is spanned; the second is found on its own.
    fn first_of_pair(&self, i: usize, d: u32) -> Option<Found> {
        let mut j = i + 1;
        let mut end = i + 1;
        if self.tok(j).is_some_and(|t| t.punct(".")) && self.lang == "de" {
            j += 1;
            end = j;
        }
        let conj = self.tok(j)?;
        const CONJ: &[&str] = &[
            "et", "au", "and", "to", "through", "y", "al", "e", "a", "und", "bis", "dan", "hingga",
            "sampai", "va", "den", "-", "–", "ou", "or", "oder", "o",
        ];
        if !CONJ.contains(&conj.f) {
            return None;
        }
        j += 1;
        if self
            .tok(j)
            .is_some_and(|t| ["le", "el", "il", "ngay", "zum", "the"].contains(&t.f))
        {
            j += 1;
        }
        let e = self.tok(j)?.small()?;
        let second = self.day_month_from(j, e, j + 1)?;
        let raw = match second.raw {
            Raw::Full(DateValue::Day { y, m, .. }) if valid_day(y, m, d) => {
                Raw::Full(DateValue::Day { y, m, d })
            }
            Raw::YDay { m, .. } if valid_day(2000, m, d) => Raw::YDay { m, d, wd: None },
            _ => return None,
        };
        Some(Found { start: i, end, raw })
    }

    /// After a day number at `start` (next token `j`): "[er|.] [de] MONTH [[,|de] YEAR]",
    /// or Vietnamese "tháng M [năm Y]".
    fn day_month_from(&self, start: usize, d: u32, mut j: usize) -> Option<Found> {
        if !(1..=31).contains(&d) {
            return None;
        }
        if self
            .tok(j)
            .is_some_and(|t| t.kind == TokenKind::Word && ORDINAL_SUFFIXES.contains(&t.f))
            && self
                .tok(j)
                .is_some_and(|t| t.span.start == self.toks[j - 1].span.end)
        {
            j += 1;
        }
        if self.tok(j).is_some_and(|t| t.punct(".")) && self.lang == "de" {
            j += 1;
        }
        if self.tok(j).is_some_and(|t| t.is("de")) && matches!(self.lang, "es" | "pt")
            || self.tok(j).is_some_and(|t| t.is("of")) && self.lang == "en"
        {
            j += 1;
        }
        let (m, mut end) = if self.lang == "vi" {
            if !self.tok(j).is_some_and(|t| t.is("thang")) {
                return None;
            }
            let n = self.tok(j + 1)?;
            if let Some(m) = n.small() {
                (m, j + 2)
            } else {
                // "18 tháng 9/2023"
                let (m, y) = n.raw.split_once('/')?;
                let (m, y): (u32, i32) = (m.parse().ok()?, y.parse().ok()?);
                if !valid_day(y, m, d) || !(1900..=2100).contains(&y) {
                    return None;
                }
                return Some(Found {
                    start,
                    end: j + 2,
                    raw: Raw::Full(DateValue::Day { y, m, d }),
                });
            }
        } else {
            let (m, abbr, _) = self.month_at(j)?;
            let mut e = j + 1;
            if abbr && self.tok(e).is_some_and(|t| t.punct(".")) {
                e += 1;
            }
            (m, e)
        };
        if !(1..=12).contains(&m) || d > days_in_month(2000, m) {
            return None;
        }
        // Year: "30 septembre 2024", "18 de septiembre de 2023", "September 18, 2023", "năm 2023".
        let mut k = end;
        if self.tok(k).is_some_and(|t| t.punct(",")) {
            k += 1;
        }
        if self
            .tok(k)
            .is_some_and(|t| t.is("de") || t.is("del") || t.is("nam") || t.is("of"))
        {
            k += 1;
        }
        if let Some(y) = self.tok(k).and_then(|t| t.year()) {
            if valid_day(y, m, d) {
                return Some(Found {
                    start,
                    end: k + 1,
                    raw: Raw::Full(DateValue::Day { y, m, d }),
                });
            }
            return None;
        }
        // "ngày 18/9 vừa qua", "30 septembre dernier": a past or future modifier.
        if let Some(k) = self.modifier_at(end).filter(|k| *k != 0) {
            let _ = k;
            end += self.modifier_len(end);
        }
        Some(Found {
            start,
            end,
            raw: Raw::YDay { m, d, wd: None },
        })
    }

    /// Month-first forms: "September 18, 2023", "Sept. 18", "septembre 2023", "en septembre",
    /// "tháng 9/2023", "tháng 10 tới".
    fn explicit_month_first(&self, i: usize, ctx: bool) -> Option<Found> {
        if self.lang == "vi" {
            let t = self.tok(i)?;
            if !t.is("thang") {
                return None;
            }
            let n = self.tok(i + 1)?;
            if let Some((m, y)) = n.raw.split_once(['/', '-']) {
                let (m, y): (u32, i32) = (m.parse().ok()?, y.parse().ok()?);
                if (1..=12).contains(&m) && (1900..=2100).contains(&y) && y >= 1000 {
                    return Some(Found {
                        start: i,
                        end: i + 2,
                        raw: Raw::Full(DateValue::Month { y, m }),
                    });
                }
                return None;
            }
            let m = n.small().filter(|m| (1..=12).contains(m))?;
            if self.tok(i + 2).is_some_and(|t| t.is("nam")) {
                if let Some(y) = self.tok(i + 3).and_then(|t| t.year()) {
                    return Some(Found {
                        start: i,
                        end: i + 4,
                        raw: Raw::Full(DateValue::Month { y, m }),
                    });
                }
            }
            return Some(self.yearless_month_tail(i, i + 2, m));
        }
        let (m, abbr, ambiguous) = self.month_at(i)?;
        let prev_ctx = i.checked_sub(1).and_then(|j| self.tok(j)).is_some_and(|p| {
            words::month_context(self.lang).contains(&p.f)
                || words::month_context(self.lang).contains(&p.base)
        });
        let mut j = i + 1;
        if abbr && self.tok(j).is_some_and(|t| t.punct(".")) {
            j += 1;
        }
        // MONTH D[,] [YEAR] (English style; also accepted in other languages with a year).
        if let Some(d) = self.tok(j).and_then(|t| t.small()) {
            let mut k = j + 1;
            if self.tok(k).is_some_and(|t| {
                t.kind == TokenKind::Word
                    && ORDINAL_SUFFIXES.contains(&t.f)
                    && t.span.start == self.toks[k - 1].span.end
            }) {
                k += 1;
            }
            let time_or_pct = self
                .tok(k)
                .is_some_and(|t| t.punct(":") || t.punct("%") || t.punct("h"));
            if (1..=31).contains(&d) && d <= days_in_month(2000, m) && !time_or_pct {
                let mut e = k;
                if self.tok(e).is_some_and(|t| t.punct(",")) {
                    e += 1;
                }
                if let Some(y) = self.tok(e).and_then(|t| t.year()) {
                    if valid_day(y, m, d) {
                        return Some(Found {
                            start: i,
                            end: e + 1,
                            raw: Raw::Full(DateValue::Day { y, m, d }),
                        });
                    }
                }
                if self.lang == "en" {
                    return Some(Found {
                        start: i,
                        end: k,
                        raw: Raw::YDay { m, d, wd: None },
                    });
                }
            }
        }
        // MONTH [de|del|of|,] YEAR
        let mut k = j;
        if self
            .tok(k)
            .is_some_and(|t| t.is("de") || t.is("del") || t.is("of") || t.punct(","))
        {
            k += 1;
        }
        if let Some(y) = self.tok(k).and_then(|t| t.year()) {
            return Some(Found {
                start: i,
                end: k + 1,
                raw: Raw::Full(DateValue::Month { y, m }),
            });
        }
        if abbr {
            return None;
        }
        // A month on its own needs a context word before it ("in March", "fin mai", "im Juni")
        // or a modifier after it ("novembre dernier"); an ambiguous one ("May", "Mars") also
        // must not be capitalised mid-sentence in languages that write months in lower case
        // ("Julio Iglesias", "Editora Abril", "Mayo Clinic").
        let after_mod = self.modifier_at(j).is_some_and(|k| k != 0);
        let prev_ctx = prev_ctx || self.toks[i].f.starts_with("d'");
        // "d'avril à juin 2023", "from March to May 2024": the year of the range end.
        if let Some(c) = self.tok(j) {
            if [
                "a", "au", "to", "until", "bis", "al", "hingga", "sampai", "-", "–", "y", "and",
                "et", "und", "e",
            ]
            .contains(&c.f)
            {
                if let Some(Found {
                    raw: Raw::Full(DateValue::Month { y, m: m2 }),
                    ..
                }) = self.explicit_month_first(j + 1, true)
                {
                    let y = if m <= m2 { y } else { y - 1 };
                    return Some(Found {
                        start: i,
                        end: j,
                        raw: Raw::Full(DateValue::Month { y, m }),
                    });
                }
            }
        }
        if !prev_ctx && !after_mod && !ctx {
            return None;
        }
        let lower_case_lang = matches!(self.lang, "fr" | "es" | "it" | "pt");
        if (lower_case_lang || ambiguous) && self.toks[i].cap && !self.sentence_initial(i) {
            let name_like = lower_case_lang || !prev_ctx;
            if name_like {
                return None;
            }
        }
        Some(self.yearless_month_tail(i, j, m))
    }

    /// A month without a year ending before `j`: look for "last year" phrases and modifiers.
    fn yearless_month_tail(&self, start: usize, j: usize, m: u32) -> Found {
        for &(seq, k) in words::year_shift_phrases(self.lang) {
            let ok = seq
                .iter()
                .enumerate()
                .all(|(x, w)| self.tok(j + x).is_some_and(|u| u.is(w)));
            if ok {
                return Found {
                    start,
                    end: j + seq.len(),
                    raw: Raw::YMonth {
                        m,
                        shift: Some(k),
                        modi: None,
                    },
                };
            }
        }
        if let Some(k) = self.modifier_at(j).filter(|k| *k != 0) {
            return Found {
                start,
                end: j + self.modifier_len(j),
                raw: Raw::YMonth {
                    m,
                    shift: None,
                    modi: Some(k),
                },
            };
        }
        Found {
            start,
            end: j,
            raw: Raw::YMonth {
                m,
                shift: None,
                modi: None,
            },
        }
    }

    /// After a weekday or relative word ending before `j`: an explicit date in brackets or after a
    /// comma ("Senin (18/9)", "lundi 30 septembre", "sexta-feira (20)", "Hôm qua (11/9)").
    fn attached(&self, j: usize, wd: Option<u32>) -> Option<Found> {
        let mut k = j;
        if self.tok(k).is_some_and(|t| t.punct(",")) {
            k += 1;
        }
        let open = self.tok(k).is_some_and(|t| t.punct("("));
        if open {
            k += 1;
        }
        let mut f = if let Some(f) = self.explicit(k, true) {
            f
        } else if open {
            let d = self.tok(k)?.small().filter(|d| (1..=31).contains(d))?;
            if !self.tok(k + 1).is_some_and(|t| t.punct(")")) {
                return None;
            }
            Found {
                start: k,
                end: k + 1,
                raw: Raw::DayOnly { d, wd },
            }
        } else {
            return None;
        };
        if open {
            if !self.tok(f.end).is_some_and(|t| t.punct(")")) {
                return None;
            }
            f.end += 1;
        }
        if let Raw::YDay { m, d, .. } = f.raw {
            f.raw = Raw::YDay { m, d, wd };
        }
        Some(f)
    }

    /// Whether the folded tokens from `i` spell `seq`.
    fn seq_at(&self, i: usize, seq: &[&str]) -> bool {
        seq.iter()
            .enumerate()
            .all(|(k, w)| self.tok(i + k).is_some_and(|t| t.is(w)))
    }

    /// A count and a unit at `i` ("two days", "3 Wochen", "hai ngày"): (n, unit, tokens used).
    fn count_unit_at(&self, i: usize) -> Option<(u32, char, usize)> {
        let t = self.tok(i)?;
        let n = t.small().or_else(|| {
            if t.cls & cls::NUMBER == 0 {
                return None;
            }
            words::number_words(self.lang)
                .iter()
                .find(|(w, _)| t.f == *w)
                .map(|&(_, n)| n)
        })?;
        let u = self.tok(i + 1)?;
        let unit = words::count_units(self.lang)
            .iter()
            .find(|(w, _)| u.f == *w)
            .map(|&(_, c)| c)?;
        Some((n, unit, 2))
    }

    /// "two days ago", "il y a trois jours", "dua hari lalu", "vor zwei Wochen", "hace un año".
    fn ago_at(&self, i: usize) -> Option<Found> {
        let (before, after) = words::ago_words(self.lang);
        let raw = |n: u32, unit: char| -> Raw {
            let n = n as i32;
            match unit {
                'd' => Raw::Offset(-(n as i64)),
                u => Raw::Unit { unit: u, k: -n },
            }
        };
        let starter = self.tok(i).is_some_and(|t| t.cls & cls::AGO != 0);
        for seq in before.iter().filter(|_| starter) {
            if self.seq_at(i, seq) {
                let (n, unit, used) = self.count_unit_at(i + seq.len())?;
                return Some(Found {
                    start: i,
                    end: i + seq.len() + used,
                    raw: raw(n, unit),
                });
            }
        }
        let (n, unit, used) = self.count_unit_at(i)?;
        for seq in after {
            if self.seq_at(i + used, seq) {
                return Some(Found {
                    start: i,
                    end: i + used + seq.len(),
                    raw: raw(n, unit),
                });
            }
        }
        None
    }

    /// Everything that may start at `i`.
    fn core(&self, i: usize, ctx: bool) -> Option<Found> {
        if let Some(f) = self.ago_at(i) {
            return Some(f);
        }
        // Modifier before a weekday: "last Friday", "el pasado lunes", "nesta quinta-feira".
        if let Some(k) = self.modifier_at(i) {
            if self.modifier_len(i) == 1 {
                // Skip an article: "na última segunda", "il prossimo lunedì".
                if let Some((wd, n)) = self.weekday_at(i + 1) {
                    return Some(self.weekday_tail(i, i + 1 + n, wd, Some(k)));
                }
            }
        }
        if let Some((u, k, n)) = self.unit_phrase_at(i) {
            return Some(Found {
                start: i,
                end: i + n,
                raw: Raw::Unit { unit: u, k },
            });
        }
        if let Some((wd, n)) = self.weekday_at(i) {
            return Some(self.weekday_tail(i, i + n, wd, None));
        }
        if let Some((k, n)) = self.day_word_at(i) {
            if let Some(f) = self.attached(i + n, None) {
                return Some(Found {
                    start: i,
                    end: f.end,
                    raw: f.raw,
                });
            }
            return Some(Found {
                start: i,
                end: i + n,
                raw: Raw::Offset(k),
            });
        }
        if let Some(f) = self.explicit(i, ctx) {
            return Some(f);
        }
        // A day of the month alone after "dia"/"día"/"giorno"/"tanggal"/"ngày": "no dia 18".
        if self.tok(i).is_some_and(|t| {
            t.cls & cls::OTHER != 0 && ["dia", "giorno", "tanggal", "ngay"].contains(&t.f)
        }) {
            if let Some(d) = self.tok(i + 1).and_then(|t| t.small()) {
                let unit_after = self
                    .tok(i + 2)
                    .is_some_and(|t| words::count_units(self.lang).iter().any(|(w, _)| t.f == *w));
                if (1..=31).contains(&d) && !unit_after && self.explicit(i + 1, true).is_none() {
                    return Some(Found {
                        start: i,
                        end: i + 2,
                        raw: Raw::DayOnly { d, wd: None },
                    });
                }
            }
        }
        // Year in a year context: "in 2015", "năm 2022", "im Jahr 2019".
        let t = self.tok(i)?;
        if t.cls & cls::YEAR_CONTEXT == 0 {
            return None;
        }
        let period_of = ["of", "de", "del", "di", "des", "du"].contains(&t.f)
            && i.checked_sub(1)
                .and_then(|j| self.tok(j))
                .is_some_and(|p| words::YEAR_PERIOD.contains(&p.f));
        if words::YEAR_CONTEXT.contains(&t.f) || period_of {
            // "mid-2024"
            if self
                .tok(i + 1)
                .is_some_and(|n| n.punct("-") && n.span.start == t.span.end)
            {
                if let Some(y) = self.tok(i + 2).and_then(|n| n.year()) {
                    return Some(Found {
                        start: i + 2,
                        end: i + 3,
                        raw: Raw::Full(DateValue::Year { y }),
                    });
                }
            }
            if let Some(y) = self.tok(i + 1).and_then(|n| n.year()) {
                // Not a quantity: "in 2015 cases" is rare, but "2.000" never reaches here.
                return Some(Found {
                    start: i + 1,
                    end: i + 2,
                    raw: Raw::Full(DateValue::Year { y }),
                });
            }
        }
        None
    }

    fn weekday_tail(&self, start: usize, j: usize, wd: u32, modi: Option<i32>) -> Found {
        if let Some(f) = self.attached(j, Some(wd)) {
            let mut end = f.end;
            let mut raw = f.raw;
            // "Jumat (10/10) pekan lalu" keeps the explicit date.
            if let Some((_, _, n)) = self.unit_phrase_at(end) {
                end += n;
            }
            if let Raw::DayOnly { d, .. } = raw {
                raw = Raw::DayOnly { d, wd: Some(wd) };
            }
            return Found { start, end, raw };
        }
        // Trailing modifiers: "lundi dernier", "Senin lalu", "thứ Hai tuần trước", "lunedì scorso".
        if modi.is_none() {
            if let Some((u, k, n)) = self.unit_phrase_at(j) {
                if u == 'w' {
                    let modi = Some(k.signum());
                    return Found {
                        start,
                        end: j + n,
                        raw: Raw::Weekday { wd, modi },
                    };
                }
            }
            if let Some(k) = self.modifier_at(j) {
                return Found {
                    start,
                    end: j + self.modifier_len(j),
                    raw: Raw::Weekday { wd, modi: Some(k) },
                };
            }
        }
        Found {
            start,
            end: j,
            raw: Raw::Weekday { wd, modi },
        }
    }

    fn at(&self, i: usize) -> Option<Found> {
        let t = self.tok(i)?;
        if t.kind == TokenKind::Word && !may_start(self.lang, t) {
            return None;
        }
        // No expression starts at punctuation: every matcher wants a word of its lists (none is
        // punctuation) or a number at `i`.
        if t.kind == TokenKind::Punct {
            return None;
        }
        let is_marker = t.cls & cls::MARKER != 0 && words::SPAN_MARKERS.contains(&t.f);
        if is_marker {
            if let Some(mut f) = self.core(i + 1, true) {
                if f.start == i + 1 {
                    f.start = i;
                }
                return Some(f);
            }
        }
        let ctx = i
            .checked_sub(1)
            .and_then(|j| self.tok(j))
            .is_some_and(|p| p.cls & cls::DM_CONTEXT != 0 && words::DM_CONTEXT.contains(&p.f));
        self.core(i, ctx)
    }

    /// Whether a future cue stands in the sentence around tokens `start..end` (±12 tokens).
    fn future_cue(&self, text: &str, sentences: &[Span], start: usize, end: usize) -> bool {
        let Some(first) = self.tok(start) else {
            return false;
        };
        let sent = sentences
            .iter()
            .find(|s| s.start <= first.span.start && first.span.start < s.end.max(s.start + 1))
            .copied()
            .unwrap_or(Span::new(0, text.len()));
        let lo = start.saturating_sub(12);
        let hi = (end + 12).min(self.toks.len());
        let cues = words::future_cues(self.lang);
        for k in lo..hi {
            let t = &self.toks[k];
            if !sent.contains(t.span) || (k >= start && k < end) || t.kind != TokenKind::Word {
                continue;
            }
            if cues.contains(&t.f) || cues.contains(&t.base) {
                return true;
            }
            match self.lang {
                "vi" => {
                    let low = t.raw.lowercase();
                    if cues.contains(&low.as_str()) {
                        // "kiến" only in "dự kiến".
                        if low != "kiến" || (k > 0 && self.toks[k - 1].raw.lowercase() == "dự")
                        {
                            return true;
                        }
                    }
                }
                "en" if t.f.ends_with("'ll") => return true,
                "fr" => {
                    let f = t.f;
                    if !t.cap
                        && f.len() >= 4
                        && (f.ends_with("ra") || f.ends_with("ront"))
                        && !words::NOT_FUTURE.contains(&f)
                    {
                        return true;
                    }
                }
                "es" | "pt" => {
                    let low = t.raw.lowercase();
                    if low.ends_with("rá") || low.ends_with("rán") || low.ends_with("rão") {
                        return true;
                    }
                }
                "it" => {
                    let low = t.raw.lowercase();
                    if low.ends_with("rà") || low.ends_with("ranno") {
                        return true;
                    }
                }
                _ => {}
            }
        }
        false
    }
}

/// Every word (folded) that a date expression can start with, in any language: the words `at`
/// and `core` compare the token at their position with (markers, modifiers, units, weekdays,
/// day words, months, ago and number words, year and day contexts), each with the bits (`cls`)
/// of the lists it is in, so a matcher skips its list scan at a word of none of its lists.
/// A word filter in front: most words are no starter and are rejected without hashing them.
fn starters() -> &'static FilteredMap<u64> {
    static SET: OnceLock<FilteredMap<u64>> = OnceLock::new();
    SET.get_or_init(|| {
        let mut m: FilteredMap<u64> = FilteredMap::default();
        for lang in ["fr", "id", "vi", "de", "es", "it", "pt", "en"] {
            let (before, _) = words::ago_words(lang);
            for seq in before {
                mark(&mut m, seq.first().copied(), cls::AGO);
            }
            for (seq, _) in words::day_words(lang) {
                mark(&mut m, seq.first().copied(), cls::DAY_WORD);
            }
            for (w, _) in words::number_words(lang) {
                mark(&mut m, Some(w), cls::NUMBER);
            }
            for (w, _) in words::modifiers(lang) {
                mark(&mut m, Some(w), cls::MODIFIER);
            }
            for (w, _) in words::units(lang) {
                mark(&mut m, Some(w), cls::UNIT);
            }
            for (w, _) in words::weekdays(lang) {
                mark(&mut m, Some(w), cls::WEEKDAY);
            }
            for w in words::months(lang) {
                mark(&mut m, Some(w.word), cls::MONTH);
            }
        }
        for w in [
            "vua", "thu", "chu", "thang", "dia", "giorno", "tanggal", "ngay",
        ] {
            mark(&mut m, Some(w), cls::OTHER);
        }
        let year = ["of", "de", "del", "di", "des", "du"];
        for w in year.iter().chain(words::YEAR_CONTEXT) {
            mark(&mut m, Some(w), cls::YEAR_CONTEXT);
        }
        for w in words::SPAN_MARKERS {
            mark(&mut m, Some(w), cls::MARKER);
        }
        for w in words::DM_CONTEXT {
            mark(&mut m, Some(w), cls::DM_CONTEXT);
        }
        m.finish();
        m
    })
}

/// Set `bit` on word `w` of the starter map.
#[inline(never)]
fn mark(m: &mut FilteredMap<u64>, w: Option<&str>, bit: u16) {
    if let Some(w) = w {
        *m.entry_default(w.to_string()) |= u64::from(bit);
    }
}

/// The list bits of `starters()`.
mod cls {
    pub const AGO: u16 = 1;
    pub const DAY_WORD: u16 = 1 << 1;
    pub const NUMBER: u16 = 1 << 2;
    pub const MODIFIER: u16 = 1 << 3;
    pub const UNIT: u16 = 1 << 4;
    pub const WEEKDAY: u16 = 1 << 5;
    pub const MONTH: u16 = 1 << 6;
    /// "vừa", "thứ", "chủ", "tháng", "dia", "giorno", "tanggal", "ngày".
    pub const OTHER: u16 = 1 << 7;
    /// `YEAR_CONTEXT` and the "of"/"de" words of a year period.
    pub const YEAR_CONTEXT: u16 = 1 << 8;
    pub const MARKER: u16 = 1 << 9;
    /// `DM_CONTEXT`: not a starter (a word before a date).
    pub const DM_CONTEXT: u16 = 1 << 10;
    /// The bits of the words an expression can start with.
    pub const STARTS: u16 = DM_CONTEXT - 1;
}

/// Whether a date expression may start at word `t` (false: `at` finds nothing there).
fn may_start(lang: &str, t: &Tok) -> bool {
    t.cls & cls::STARTS != 0
        // German compounds: "Montagabend".
        || (lang == "de" && words::weekdays(lang).iter().any(|(w, _)| t.base.starts_with(w)))
}

fn norm_lang(lang: &str) -> &str {
    match lang {
        "fr" | "id" | "vi" | "de" | "es" | "it" | "pt" | "en" => lang,
        "ms" => "id",
        _ => "en",
    }
}

/// Whether a future-tense cue ("will", "sẽ", "akan", "wird", "va", "-rá", "prossimo", …) stands
/// within 12 tokens of `span`, in the same sentence. `find_dates` uses it to resolve yearless and
/// weekday dates; the meetings stage may use it to tell planned from happened.
pub fn future_cue_near(text: &str, lang: &str, span: Span) -> bool {
    let toks = tokens(text);
    let keys = TokenKeys::of(text, &toks);
    let finder = Finder {
        toks: prep_tokens(text, &toks, &keys),
        lang: norm_lang(lang),
    };
    let Some(start) = finder.toks.iter().position(|t| t.span.end > span.start) else {
        return false;
    };
    let end = finder
        .toks
        .iter()
        .position(|t| t.span.start >= span.end)
        .unwrap_or(finder.toks.len())
        .max(start + 1);
    let sentences = crate::core::text::sentences(text);
    finder.future_cue(text, &sentences, start, end)
}

/// Find every date expression in `text` (language `lang`, ISO 639-1) and resolve it.
/// `anchor` is the publication date; without one, yearless dates take their year from other dates
/// in the text (the nearest full date before, else the first after) and relative dates stay None.
///
/// Spans cover the date words: a weekday or relative word written with the date ("lundi 30
/// septembre", "Hôm qua (11/9)", "Senin (18/9)"), modifiers ("lundi dernier", "tháng 10 tới"),
/// the brackets around a bracketed date, and a leading marker from a closed list ("le", "tanggal",
/// "ngày", "chiều", "sáng", …). Prepositions ("on", "in", "am", "el") are not included; a year
/// after "in"/"năm" spans the year only.
///
/// Weeks resolve to the month of the anchor moved by 7 days per week ("last week" → `Month`).
pub fn find_dates(text: &str, lang: &str, anchor: Option<DateValue>) -> Vec<DateMention> {
    find_dates_in(text, &tokens(text), lang, anchor)
}

/// `find_dates` with the tokens of `text` already made (`text::tokens(text)`, as `Doc::tokens`).
pub fn find_dates_in(
    text: &str,
    toks: &[Token],
    lang: &str,
    anchor: Option<DateValue>,
) -> Vec<DateMention> {
    find_dates_with(
        text,
        toks,
        &crate::core::text::sentences(text),
        lang,
        anchor,
    )
}

/// `find_dates_in` with the text's sentences (`text::sentences(text)`) already found.
pub fn find_dates_with(
    text: &str,
    toks: &[Token],
    sentences: &[Span],
    lang: &str,
    anchor: Option<DateValue>,
) -> Vec<DateMention> {
    let keys = TokenKeys::of(text, toks);
    find_dates_keyed(text, toks, &keys, sentences, lang, anchor)
}

/// `find_dates_with` with the tokens' forms already made (`TokenKeys::of(text, toks)`, as `Doc::keys`).
pub fn find_dates_keyed(
    text: &str,
    toks: &[Token],
    keys: &TokenKeys,
    sentences: &[Span],
    lang: &str,
    anchor: Option<DateValue>,
) -> Vec<DateMention> {
    let lang = norm_lang(lang);
    let finder = Finder {
        toks: prep_tokens(text, toks, keys),
        lang,
    };
    let mut found: Vec<(Found, bool)> = Vec::new();
    let mut i = 0;
    while i < finder.toks.len() {
        match finder.at(i) {
            Some(f) if f.end > f.start && f.end <= finder.toks.len() => {
                let fut = finder.future_cue(text, sentences, f.start, f.end);
                i = f.end;
                found.push((f, fut));
            }
            _ => i += 1,
        }
    }
    // Years written in the text, for yearless dates without an anchor.
    let years: Vec<(usize, i32)> = found
        .iter()
        .filter_map(|(f, _)| match f.raw {
            Raw::Full(DateValue::Day { y, .. })
            | Raw::Full(DateValue::Month { y, .. })
            | Raw::Full(DateValue::Year { y }) => Some((f.start, y)),
            _ => None,
        })
        .collect();
    let context_year = |at: usize| -> Option<i32> {
        years
            .iter()
            .rev()
            .find(|(s, _)| *s < at)
            .or_else(|| years.first())
            .map(|&(_, y)| y)
    };
    found
        .into_iter()
        .map(|(f, fut)| {
            let span = Span::new(
                finder.toks[f.start].span.start,
                finder.toks[f.end - 1].span.end,
            );
            // A past/next modifier just before or closing the expression.
            let force = f
                .start
                .checked_sub(1)
                .and_then(|j| finder.modifier_at(j))
                .filter(|k| *k != 0)
                .or_else(|| {
                    (f.start + 1..f.end)
                        .rev()
                        .take(2)
                        .find_map(|j| finder.modifier_at(j).filter(|k| *k != 0))
                });
            let (value, yearless, relative) =
                resolve(f.raw, anchor, fut, force, || context_year(f.start));
            DateMention {
                span,
                value,
                yearless,
                relative,
            }
        })
        .collect()
}

/// Resolve one raw expression: (value, yearless, relative).
fn resolve(
    raw: Raw,
    anchor: Option<DateValue>,
    fut: bool,
    force: Option<i32>,
    context_year: impl Fn() -> Option<i32>,
) -> (Option<DateValue>, bool, bool) {
    match raw {
        Raw::Full(v) => (Some(v), false, false),
        Raw::YDay { m, d, wd } => {
            let v = match anchor {
                Some(a) => resolve_yearless_wd(m, d, a, fut, wd, force),
                None => context_year()
                    .filter(|&y| valid_day(y, m, d))
                    .map(|y| DateValue::Day { y, m, d }),
            };
            (v, true, false)
        }
        Raw::YMonth { m, shift, modi } => {
            let v = match anchor {
                Some(a) => {
                    let (ay, am, _) = anchor_day(a);
                    Some(match (shift, modi) {
                        (Some(k), _) => DateValue::Month { y: ay + k, m },
                        (None, Some(k)) if k < 0 => DateValue::Month {
                            y: if m < am { ay } else { ay - 1 },
                            m,
                        },
                        (None, Some(k)) if k > 0 => DateValue::Month {
                            y: if m > am { ay } else { ay + 1 },
                            m,
                        },
                        (None, Some(_)) => DateValue::Month { y: ay, m },
                        (None, None) => resolve_month(m, a, fut),
                    })
                }
                None => context_year().map(|y| DateValue::Month {
                    y: y + shift.unwrap_or(0),
                    m,
                }),
            };
            (v, true, shift.is_some() || modi.is_some())
        }
        Raw::DayOnly { d, wd } => {
            let v = anchor.and_then(|a| {
                let (ay, am, ad) = anchor_day(a);
                let base = days_from_civil(ay, am, ad);
                let mut best: Option<(i64, DateValue)> = None;
                for k in [-1, 0, 1] {
                    let (y, m) = add_months(ay, am, k);
                    if !valid_day(y, m, d) {
                        continue;
                    }
                    let mut c = cost(days_from_civil(y, m, d) - base, fut);
                    if wd.is_some_and(|w| w != weekday(y, m, d)) {
                        c += 10_000;
                    }
                    if best.is_none_or(|(bc, _)| c < bc) {
                        best = Some((c, DateValue::Day { y, m, d }));
                    }
                }
                best.map(|(_, v)| v)
            });
            (v, true, true)
        }
        Raw::Weekday { wd, modi } => (
            anchor.map(|a| resolve_weekday(wd, a, modi, fut)),
            true,
            true,
        ),
        Raw::Offset(k) => (
            anchor.map(|a| {
                let (y, m, d) = anchor_day(a);
                add_days(DateValue::Day { y, m, d }, k)
            }),
            true,
            true,
        ),
        Raw::Unit { unit, k } => {
            let v = anchor.map(|a| {
                let (y, m, d) = anchor_day(a);
                match unit {
                    'w' => match add_days(DateValue::Day { y, m, d }, 7 * k as i64) {
                        DateValue::Day { y, m, .. } => DateValue::Month { y, m },
                        other => other,
                    },
                    'm' => {
                        let (y, m) = add_months(y, m, k);
                        DateValue::Month { y, m }
                    }
                    _ => DateValue::Year { y: y + k },
                }
            });
            (v, true, true)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every word of every date list carries its list's bit: a matcher that skips tokens without
    /// the bit must never skip a word of its list.
    #[test]
    fn starter_bits_cover_the_lists() {
        let set = starters();
        let has = |w: &str, bit: u16| set.get(w).is_some_and(|&b| b as u16 & bit != 0);
        for lang in ["fr", "id", "vi", "de", "es", "it", "pt", "en"] {
            let (before, _) = words::ago_words(lang);
            let lists: [(Vec<&str>, u16); 7] = [
                (
                    before.iter().filter_map(|s| s.first().copied()).collect(),
                    cls::AGO,
                ),
                (
                    words::day_words(lang)
                        .iter()
                        .filter_map(|(s, _)| s.first().copied())
                        .collect(),
                    cls::DAY_WORD,
                ),
                (
                    words::number_words(lang).iter().map(|p| p.0).collect(),
                    cls::NUMBER,
                ),
                (
                    words::modifiers(lang).iter().map(|p| p.0).collect(),
                    cls::MODIFIER,
                ),
                (words::units(lang).iter().map(|p| p.0).collect(), cls::UNIT),
                (
                    words::weekdays(lang).iter().map(|p| p.0).collect(),
                    cls::WEEKDAY,
                ),
                (
                    words::months(lang).iter().map(|m| m.word).collect(),
                    cls::MONTH,
                ),
            ];
            for (ws, bit) in lists {
                for w in ws {
                    assert!(has(w, bit), "{lang}: {w:?} lacks bit {bit}");
                }
            }
        }
        for (ws, bit) in [
            (words::YEAR_CONTEXT, cls::YEAR_CONTEXT),
            (words::SPAN_MARKERS, cls::MARKER),
            (words::DM_CONTEXT, cls::DM_CONTEXT),
        ] {
            for w in ws {
                assert!(has(w, bit), "{w:?} lacks bit {bit}");
            }
        }
        // DM_CONTEXT alone makes no starter; words of no list have no bits.
        assert_eq!(
            set.get("hasta").map(|&b| b as u16 & cls::STARTS != 0),
            Some(true)
        );
        assert!(set.get("ministre").is_none() && set.get("government").is_none());
        // "the" opens "the day before yesterday" only: no modifier, unit or year-context bit.
        assert_eq!(set.get("the").map(|&b| b as u16), Some(cls::DAY_WORD));
    }
}
