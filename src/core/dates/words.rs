//! Closed word tables for dates in eight languages: months, weekdays, relative words, cues (folded forms).

/// A month word: number, whether it is an abbreviation, and whether it is ambiguous on its own
/// (a name or a common word: "May", "Mars", "Juni", "August"), so needs a number or a context word.
pub struct MonthWord {
    pub word: &'static str,
    pub month: u32,
    pub abbr: bool,
    pub ambiguous: bool,
}

const fn mw(word: &'static str, month: u32) -> MonthWord {
    MonthWord {
        word,
        month,
        abbr: false,
        ambiguous: false,
    }
}
const fn ab(word: &'static str, month: u32) -> MonthWord {
    MonthWord {
        word,
        month,
        abbr: true,
        ambiguous: true,
    }
}
const fn amb(word: &'static str, month: u32) -> MonthWord {
    MonthWord {
        word,
        month,
        abbr: false,
        ambiguous: true,
    }
}

pub const MONTHS_EN: &[MonthWord] = &[
    mw("january", 1),
    mw("february", 2),
    amb("march", 3),
    mw("april", 4),
    amb("may", 5),
    amb("june", 6),
    mw("july", 7),
    amb("august", 8),
    mw("september", 9),
    mw("october", 10),
    mw("november", 11),
    mw("december", 12),
    ab("jan", 1),
    ab("feb", 2),
    ab("mar", 3),
    ab("apr", 4),
    ab("jun", 6),
    ab("jul", 7),
    ab("aug", 8),
    ab("sep", 9),
    ab("sept", 9),
    ab("oct", 10),
    ab("nov", 11),
    ab("dec", 12),
];

pub const MONTHS_FR: &[MonthWord] = &[
    mw("janvier", 1),
    mw("fevrier", 2),
    amb("mars", 3),
    mw("avril", 4),
    mw("mai", 5),
    mw("juin", 6),
    mw("juillet", 7),
    mw("aout", 8),
    mw("septembre", 9),
    mw("octobre", 10),
    mw("novembre", 11),
    mw("decembre", 12),
    ab("janv", 1),
    ab("fevr", 2),
    ab("fev", 2),
    ab("avr", 4),
    ab("juil", 7),
    ab("sept", 9),
    ab("oct", 10),
    ab("nov", 11),
    ab("dec", 12),
];

pub const MONTHS_ID: &[MonthWord] = &[
    mw("januari", 1),
    mw("februari", 2),
    mw("maret", 3),
    amb("april", 4),
    amb("mei", 5),
    amb("juni", 6),
    mw("juli", 7),
    mw("agustus", 8),
    mw("september", 9),
    mw("oktober", 10),
    mw("november", 11),
    mw("desember", 12),
    ab("jan", 1),
    ab("feb", 2),
    ab("mar", 3),
    ab("apr", 4),
    ab("jun", 6),
    ab("jul", 7),
    ab("agu", 8),
    ab("agt", 8),
    ab("ags", 8),
    ab("sep", 9),
    ab("sept", 9),
    ab("okt", 10),
    ab("nov", 11),
    ab("des", 12),
];

pub const MONTHS_DE: &[MonthWord] = &[
    mw("januar", 1),
    mw("janner", 1),
    mw("februar", 2),
    mw("marz", 3),
    mw("april", 4),
    mw("mai", 5),
    mw("juni", 6),
    mw("juli", 7),
    amb("august", 8),
    mw("september", 9),
    mw("oktober", 10),
    mw("november", 11),
    mw("dezember", 12),
    ab("jan", 1),
    ab("feb", 2),
    ab("mar", 3),
    ab("apr", 4),
    ab("jun", 6),
    ab("jul", 7),
    ab("aug", 8),
    ab("sep", 9),
    ab("sept", 9),
    ab("okt", 10),
    ab("nov", 11),
    ab("dez", 12),
];

pub const MONTHS_ES: &[MonthWord] = &[
    mw("enero", 1),
    mw("febrero", 2),
    mw("marzo", 3),
    mw("abril", 4),
    mw("mayo", 5),
    mw("junio", 6),
    mw("julio", 7),
    mw("agosto", 8),
    mw("septiembre", 9),
    mw("setiembre", 9),
    mw("octubre", 10),
    mw("noviembre", 11),
    mw("diciembre", 12),
    ab("ene", 1),
    ab("feb", 2),
    ab("mar", 3),
    ab("abr", 4),
    ab("jun", 6),
    ab("jul", 7),
    ab("ago", 8),
    ab("sep", 9),
    ab("sept", 9),
    ab("oct", 10),
    ab("nov", 11),
    ab("dic", 12),
];

pub const MONTHS_IT: &[MonthWord] = &[
    mw("gennaio", 1),
    mw("febbraio", 2),
    mw("marzo", 3),
    mw("aprile", 4),
    mw("maggio", 5),
    mw("giugno", 6),
    mw("luglio", 7),
    mw("agosto", 8),
    mw("settembre", 9),
    mw("ottobre", 10),
    mw("novembre", 11),
    mw("dicembre", 12),
    ab("gen", 1),
    ab("feb", 2),
    ab("mar", 3),
    ab("apr", 4),
    ab("mag", 5),
    ab("giu", 6),
    ab("lug", 7),
    ab("ago", 8),
    ab("set", 9),
    ab("sett", 9),
    ab("ott", 10),
    ab("nov", 11),
    ab("dic", 12),
];

pub const MONTHS_PT: &[MonthWord] = &[
    mw("janeiro", 1),
    mw("fevereiro", 2),
    mw("marco", 3),
    mw("abril", 4),
    mw("maio", 5),
    mw("junho", 6),
    mw("julho", 7),
    mw("agosto", 8),
    mw("setembro", 9),
    mw("outubro", 10),
    mw("novembro", 11),
    mw("dezembro", 12),
    ab("jan", 1),
    ab("fev", 2),
    ab("mar", 3),
    ab("abr", 4),
    ab("mai", 5),
    ab("jun", 6),
    ab("jul", 7),
    ab("ago", 8),
    ab("set", 9),
    ab("out", 10),
    ab("nov", 11),
    ab("dez", 12),
];

/// The month table of a language (English for an unknown code).
pub fn months(lang: &str) -> &'static [MonthWord] {
    match lang {
        "fr" => MONTHS_FR,
        "id" | "ms" => MONTHS_ID,
        "de" => MONTHS_DE,
        "es" => MONTHS_ES,
        "it" => MONTHS_IT,
        "pt" => MONTHS_PT,
        _ => MONTHS_EN,
    }
}

/// Weekday words (folded), 0 = Monday … 6 = Sunday. Vietnamese "thứ Hai" is handled apart.
pub fn weekdays(lang: &str) -> &'static [(&'static str, u32)] {
    match lang {
        "fr" => &[
            ("lundi", 0),
            ("mardi", 1),
            ("mercredi", 2),
            ("jeudi", 3),
            ("vendredi", 4),
            ("samedi", 5),
            ("dimanche", 6),
        ],
        "id" | "ms" => &[
            ("senin", 0),
            ("selasa", 1),
            ("rabu", 2),
            ("kamis", 3),
            ("jumat", 4),
            ("jum'at", 4),
            ("sabtu", 5),
            ("minggu", 6),
            ("ahad", 6),
        ],
        "de" => &[
            ("montag", 0),
            ("dienstag", 1),
            ("mittwoch", 2),
            ("donnerstag", 3),
            ("freitag", 4),
            ("samstag", 5),
            ("sonnabend", 5),
            ("sonntag", 6),
        ],
        "es" => &[
            ("lunes", 0),
            ("martes", 1),
            ("miercoles", 2),
            ("jueves", 3),
            ("viernes", 4),
            ("sabado", 5),
            ("domingo", 6),
        ],
        "it" => &[
            ("lunedi", 0),
            ("martedi", 1),
            ("mercoledi", 2),
            ("giovedi", 3),
            ("venerdi", 4),
            ("sabato", 5),
            ("domenica", 6),
        ],
        "pt" => &[
            ("segunda-feira", 0),
            ("terca-feira", 1),
            ("quarta-feira", 2),
            ("quinta-feira", 3),
            ("sexta-feira", 4),
            ("sabado", 5),
            ("domingo", 6),
            // Short forms; "segunda", "quarta" are also ordinals, so they need a date or modifier.
            ("segunda", 7),
            ("terca", 8),
            ("quarta", 9),
            ("quinta", 10),
            ("sexta", 11),
        ],
        _ => &[
            ("monday", 0),
            ("tuesday", 1),
            ("wednesday", 2),
            ("thursday", 3),
            ("friday", 4),
            ("saturday", 5),
            ("sunday", 6),
        ],
    }
}

/// Vietnamese weekday after "thứ": the folded number word, 0 = Monday.
pub const VI_WEEKDAY: &[(&str, u32)] = &[
    ("hai", 0),
    ("2", 0),
    ("ba", 1),
    ("3", 1),
    ("tu", 2),
    ("4", 2),
    ("nam", 3),
    ("5", 3),
    ("sau", 4),
    ("6", 4),
    ("bay", 5),
    ("7", 5),
];

/// Day offsets from the anchor: folded word sequences ("hom qua" → -1).
pub fn day_words(lang: &str) -> &'static [(&'static [&'static str], i64)] {
    match lang {
        "fr" => &[
            (&["avant-hier"], -2),
            (&["apres-demain"], 2),
            (&["hier"], -1),
            (&["aujourd'hui"], 0),
            (&["demain"], 1),
        ],
        "id" | "ms" => &[
            (&["kemarin", "lusa"], -2),
            (&["kemarin"], -1),
            (&["hari", "ini"], 0),
            (&["besok"], 1),
            (&["esok"], 1),
            (&["lusa"], 2),
        ],
        "vi" => &[
            (&["hom", "kia"], -2),
            (&["hom", "qua"], -1),
            (&["hom", "nay"], 0),
            (&["ngay", "mai"], 1),
            (&["ngay", "kia"], 2),
        ],
        "de" => &[
            (&["vorgestern"], -2),
            (&["ubermorgen"], 2),
            (&["gestern"], -1),
            (&["heute"], 0),
            (&["morgen"], 1),
        ],
        "es" => &[
            (&["anteayer"], -2),
            (&["antes", "de", "ayer"], -2),
            (&["pasado", "manana"], 2),
            (&["ayer"], -1),
            (&["hoy"], 0),
            (&["esta", "manana"], 0),
            (&["manana"], 1),
        ],
        "it" => &[
            (&["l'altro", "ieri"], -2),
            (&["altro", "ieri"], -2),
            (&["dopodomani"], 2),
            (&["ieri"], -1),
            (&["oggi"], 0),
            (&["domani"], 1),
        ],
        "pt" => &[
            (&["anteontem"], -2),
            (&["depois", "de", "amanha"], 2),
            (&["ontem"], -1),
            (&["hoje"], 0),
            (&["amanha"], 1),
        ],
        _ => &[
            (&["the", "day", "before", "yesterday"], -2),
            (&["the", "day", "after", "tomorrow"], 2),
            (&["yesterday"], -1),
            (&["today"], 0),
            (&["tomorrow"], 1),
        ],
    }
}

/// Modifier words for weekdays, weeks, months and years: -1 last, 0 this, +1 next (folded).
pub fn modifiers(lang: &str) -> &'static [(&'static str, i32)] {
    match lang {
        "fr" => &[
            ("dernier", -1),
            ("derniere", -1),
            ("passe", -1),
            ("passee", -1),
            ("ce", 0),
            ("cet", 0),
            ("cette", 0),
            ("prochain", 1),
            ("prochaine", 1),
        ],
        "id" | "ms" => &[
            ("lalu", -1),
            ("kemarin", -1),
            ("ini", 0),
            ("depan", 1),
            ("mendatang", 1),
        ],
        "vi" => &[
            ("truoc", -1),
            ("qua", -1),
            ("ngoai", -1),
            ("nay", 0),
            ("toi", 1),
        ],
        "de" => &[
            ("letzte", -1),
            ("letzten", -1),
            ("letztes", -1),
            ("vergangene", -1),
            ("vergangenen", -1),
            ("vergangenes", -1),
            ("diese", 0),
            ("diesen", 0),
            ("dieses", 0),
            ("diesem", 0),
            ("nachste", 1),
            ("nachsten", 1),
            ("nachstes", 1),
            ("kommende", 1),
            ("kommenden", 1),
            ("kommendes", 1),
        ],
        "es" => &[
            ("pasado", -1),
            ("pasada", -1),
            ("este", 0),
            ("esta", 0),
            ("proximo", 1),
            ("proxima", 1),
        ],
        "it" => &[
            ("scorso", -1),
            ("scorsa", -1),
            ("passato", -1),
            ("passata", -1),
            ("questo", 0),
            ("questa", 0),
            ("prossimo", 1),
            ("prossima", 1),
        ],
        "pt" => &[
            ("passado", -1),
            ("passada", -1),
            ("ultimo", -1),
            ("ultima", -1),
            ("este", 0),
            ("esta", 0),
            ("neste", 0),
            ("nesta", 0),
            ("proximo", 1),
            ("proxima", 1),
        ],
        _ => &[
            ("last", -1),
            ("past", -1),
            ("this", 0),
            ("next", 1),
            ("coming", 1),
        ],
    }
}

/// Calendar units: 'w' week, 'm' month, 'y' year (folded).
pub fn units(lang: &str) -> &'static [(&'static str, char)] {
    match lang {
        "fr" => &[
            ("semaine", 'w'),
            ("mois", 'm'),
            ("an", 'y'),
            ("annee", 'y'),
            ("mois-ci", 'm'),
            ("semaine-ci", 'w'),
        ],
        "id" | "ms" => &[
            ("minggu", 'w'),
            ("pekan", 'w'),
            ("bulan", 'm'),
            ("tahun", 'y'),
        ],
        "vi" => &[("tuan", 'w'), ("thang", 'm'), ("nam", 'y')],
        "de" => &[
            ("woche", 'w'),
            ("monat", 'm'),
            ("monats", 'm'),
            ("jahr", 'y'),
            ("jahres", 'y'),
        ],
        "es" => &[("semana", 'w'), ("mes", 'm'), ("ano", 'y')],
        "it" => &[
            ("settimana", 'w'),
            ("mese", 'm'),
            ("anno", 'y'),
            ("anno", 'y'),
        ],
        "pt" => &[("semana", 'w'), ("mes", 'm'), ("ano", 'y')],
        _ => &[("week", 'w'), ("month", 'm'), ("year", 'y')],
    }
}

/// Words that may stand just before a bare month ("in March", "fin mai", "im Juni", "a finales de mayo").
pub fn month_context(lang: &str) -> &'static [&'static str] {
    match lang {
        "fr" => &[
            "en", "de", "d'", "depuis", "debut", "fin", "mi", "courant", "mois", "des", "avant",
            "apres", "jusqu'en", "au",
        ],
        "id" | "ms" => &[
            "pada",
            "bulan",
            "sejak",
            "hingga",
            "sampai",
            "awal",
            "akhir",
            "pertengahan",
            "selama",
        ],
        "de" => &[
            "im", "seit", "bis", "anfang", "ende", "mitte", "ab", "vom", "monat", "zum", "des",
        ],
        "es" => &[
            "en",
            "de",
            "desde",
            "hasta",
            "finales",
            "principios",
            "mediados",
            "mes",
            "durante",
        ],
        "it" => &[
            "a", "ad", "in", "di", "nel", "dal", "da", "fino", "fine", "inizio", "meta", "mese",
            "durante",
        ],
        "pt" => &[
            "em", "de", "desde", "ate", "fim", "inicio", "meados", "mes", "durante", "no",
        ],
        _ => &[
            "in",
            "since",
            "until",
            "till",
            "by",
            "from",
            "through",
            "early",
            "late",
            "mid",
            "of",
            "during",
            "before",
            "after",
            "throughout",
            "last",
            "next",
            "this",
        ],
    }
}

/// Words that make a bare `d/m` a date ("ngày 18/9", "chiều 30/9", "tanggal 18/9", "le 18/9").
pub const DM_CONTEXT: &[&str] = &[
    "ngay", "sang", "chieu", "toi", "trua", "dem", "hom", "tu", "den", "tanggal", "pada", "sejak",
    "hingga", "sampai", "le", "du", "au", "on", "am", "vom", "bis", "el", "il", "dal", "al", "dia",
    "em", "desde", "hasta", "ate", "since", "until",
];

/// Words that may open a date and are kept in its span ("le 30 septembre", "tanggal 18", "chiều 30/9").
pub const SPAN_MARKERS: &[&str] = &[
    "le", "tanggal", "ngay", "sang", "chieu", "toi", "trua", "dem", "rang",
];

/// Words (folded) that announce a year after them ("in 2015", "năm 2022", "im Jahr 2019").
pub const YEAR_CONTEXT: &[&str] = &[
    "in", "since", "until", "by", "en", "depuis", "nam", "tahun", "im", "jahr", "seit", "bis",
    "nel", "dal", "del", "em", "desde", "hasta", "ate", "year", "annee", "ano", "anno", "sejak",
    "hingga", "pada", "from", "during", "durante", "for", "of", "de",
];

/// Words after a yearless month that move it a year back or on ("novembre dernier" handled apart).
/// Each phrase is matched on folded tokens right after the month.
pub fn year_shift_phrases(lang: &str) -> &'static [(&'static [&'static str], i32)] {
    match lang {
        "fr" => &[
            (&["de", "l'annee", "derniere"], -1),
            (&["de", "l'an", "dernier"], -1),
            (&["de", "l'annee", "prochaine"], 1),
            (&["de", "l'an", "prochain"], 1),
            (&["de", "cette", "annee"], 0),
        ],
        "id" | "ms" => &[
            (&["tahun", "lalu"], -1),
            (&["tahun", "depan"], 1),
            (&["tahun", "ini"], 0),
        ],
        "vi" => &[
            (&["nam", "ngoai"], -1),
            (&["nam", "truoc"], -1),
            (&["nam", "sau"], 1),
            (&["nam", "toi"], 1),
            (&["nam", "nay"], 0),
        ],
        "de" => &[
            (&["letzten", "jahres"], -1),
            (&["vergangenen", "jahres"], -1),
            (&["des", "vergangenen", "jahres"], -1),
            (&["des", "letzten", "jahres"], -1),
            (&["nachsten", "jahres"], 1),
            (&["kommenden", "jahres"], 1),
            (&["dieses", "jahres"], 0),
        ],
        "es" => &[
            (&["del", "ano", "pasado"], -1),
            (&["del", "ano", "proximo"], 1),
            (&["del", "proximo", "ano"], 1),
            (&["de", "este", "ano"], 0),
        ],
        "it" => &[
            (&["dell'anno", "scorso"], -1),
            (&["dell'anno", "prossimo"], 1),
            (&["del", "prossimo", "anno"], 1),
            (&["di", "quest'anno"], 0),
        ],
        "pt" => &[
            (&["do", "ano", "passado"], -1),
            (&["do", "ano", "que", "vem"], 1),
            (&["do", "proximo", "ano"], 1),
            (&["deste", "ano"], 0),
        ],
        _ => &[
            (&["last", "year"], -1),
            (&["next", "year"], 1),
            (&["this", "year"], 0),
            (&["of", "last", "year"], -1),
            (&["of", "next", "year"], 1),
            (&["of", "this", "year"], 0),
        ],
    }
}

/// Future-tense cues (folded, except Vietnamese which is matched on lowercase with its marks).
pub fn future_cues(lang: &str) -> &'static [&'static str] {
    match lang {
        "fr" => &[
            "va",
            "vont",
            "doit",
            "doivent",
            "devra",
            "devront",
            "prochain",
            "prochaine",
            "prevu",
            "prevue",
            "prevus",
            "prevues",
            "attendu",
            "attendue",
            "attendus",
        ],
        "id" | "ms" => &[
            "akan",
            "bakal",
            "dijadwalkan",
            "direncanakan",
            "rencananya",
            "berencana",
            "mendatang",
            "nanti",
        ],
        "vi" => &["sẽ", "sắp", "kiến"],
        "de" => &[
            "wird",
            "werden",
            "wirst",
            "soll",
            "sollen",
            "geplant",
            "kommenden",
            "kommende",
            "erwartet",
            "erwarten",
        ],
        "es" => &[
            "va", "van", "vamos", "proximo", "proxima", "previsto", "prevista", "preve", "prevén",
        ],
        "it" => &[
            "prossimo",
            "prossima",
            "previsto",
            "prevista",
            "dovrebbe",
            "dovrebbero",
            "atteso",
            "attesa",
        ],
        "pt" => &[
            "vai", "vao", "proximo", "proxima", "previsto", "prevista", "deve", "devem",
        ],
        _ => &[
            "will",
            "shall",
            "scheduled",
            "expected",
            "due",
            "upcoming",
            "planned",
            "plans",
            "'ll",
            "set",
        ],
    }
}

/// Words ending like a French/Romance future verb that are not verbs.
pub const NOT_FUTURE: &[&str] = &[
    "extra", "ultra", "camera", "opera", "cobra", "tiara", "sierra", "mantra", "contra", "era",
    "para", "clara", "vera", "libra", "zebra", "algebra", "chimera", "angora", "front", "affront",
];
