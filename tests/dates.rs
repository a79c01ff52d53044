//! Table-driven tests of date finding and resolution in eight languages, plus the dev-corpus check.

use dossier::core::dates::{
    add_days, find_dates, resolve_weekday, resolve_yearless, weekday, DateValue,
};

fn iso(s: &str) -> DateValue {
    DateValue::parse_iso(s).unwrap_or_else(|| panic!("bad iso {s}"))
}

/// (lang, published, text, expected ISO values in order of appearance).
const CASES: &[(&str, &str, &str, &[&str])] = &[
    // French
    (
        "fr",
        "2024-10-01",
        "Il l'a rencontré le 30 septembre 2024 à Hanoi.",
        &["2024-09-30"],
    ),
    (
        "fr",
        "2024-10-01",
        "Il l'a rencontré le 30 septembre à Hanoi.",
        &["2024-09-30"],
    ),
    (
        "fr",
        "2024-09-30",
        "le 30 septembre, à Hanoi",
        &["2024-09-30"],
    ),
    (
        "fr",
        "2024-10-03",
        "Lundi 30 septembre, il a reçu Nick Clegg.",
        &["2024-09-30"],
    ),
    (
        "fr",
        "2018-05-24",
        "reçus hier au palais de l'Élysée",
        &["2018-05-23"],
    ),
    (
        "fr",
        "2018-05-24",
        "Au lendemain de son audition, mardi soir à Bruxelles",
        &["2018-05-22"],
    ),
    (
        "fr",
        "2025-06-12",
        "Lundi, il avait partagé la scène",
        &["2025-06-09"],
    ),
    (
        "fr",
        "2025-02-11",
        "Ce mardi, les deux dirigeants doivent coprésider",
        &["2025-02-11"],
    ),
    (
        "fr",
        "2025-02-11",
        "Mercredi, ils seront à Marseille.",
        &["2025-02-12"],
    ),
    (
        "fr",
        "2025-02-11",
        "aujourd'hui et demain",
        &["2025-02-11", "2025-02-12"],
    ),
    (
        "fr",
        "2024-10-03",
        "Lundi dernier, il a visité l'usine.",
        &["2024-09-30"],
    ),
    (
        "fr",
        "2024-10-03",
        "Il s'y était rendu en septembre 2023.",
        &["2023-09"],
    ),
    (
        "fr",
        "2024-10-03",
        "Il s'y était rendu en mars.",
        &["2024-03"],
    ),
    (
        "fr",
        "2024-10-03",
        "Le 1er octobre, il a signé.",
        &["2024-10-01"],
    ),
    ("fr", "2024-10-03", "la semaine dernière", &["2024-09"]),
    (
        "fr",
        "2024-10-03",
        "Il a visité l'usine en novembre dernier.",
        &["2023-11"],
    ),
    (
        "fr",
        "2024-10-03",
        "Il est arrivé d'avril à juin 2023.",
        &["2023-04", "2023-06"],
    ),
    // English
    (
        "en",
        "2023-09-19",
        "on September 18, 2023, in Santa Clara",
        &["2023-09-18"],
    ),
    ("en", "2023-09-19", "on 18 September 2023", &["2023-09-18"]),
    (
        "en",
        "2023-09-19",
        "on Sept. 18 the two men met",
        &["2023-09-18"],
    ),
    ("en", "2023-09-19", "on 18 Sep they met", &["2023-09-18"]),
    (
        "en",
        "2023-11-02",
        "Musk spent Wednesday among ministers",
        &["2023-11-01"],
    ),
    (
        "en",
        "2023-11-02",
        "who chairs the second day of talks on Thursday, will sit down",
        &["2023-11-02"],
    ),
    (
        "en",
        "2023-06-21",
        "Biden will formally welcome him at the White House on Thursday",
        &["2023-06-22"],
    ),
    (
        "en",
        "2023-06-21",
        "On Friday, Modi and Biden are expected to meet",
        &["2023-06-23"],
    ),
    (
        "en",
        "2023-06-21",
        "Musk said on Tuesday that Tesla",
        &["2023-06-20"],
    ),
    (
        "en",
        "2025-01-07",
        "met Modi in the capital yesterday",
        &["2025-01-06"],
    ),
    (
        "en",
        "2023-12-20",
        "The two will meet on 5 January in Paris.",
        &["2024-01-05"],
    ),
    (
        "en",
        "2023-10-02",
        "The talks took place on 9/18/2023.",
        &["2023-09-18"],
    ),
    (
        "en",
        "2023-10-02",
        "The talks took place on 11/12/2023 in Rome.",
        &["2023-12-11"],
    ),
    (
        "en",
        "2023-10-02",
        "She visited the plant in March and in 2015.",
        &["2023-03", "2015"],
    ),
    ("en", "2023-10-02", "last Friday he spoke", &["2023-09-29"]),
    (
        "en",
        "2023-10-02",
        "the meeting on 2023-09-18 was long",
        &["2023-09-18"],
    ),
    (
        "en",
        "2023-10-06",
        "Wednesday's meeting went well",
        &["2023-10-04"],
    ),
    (
        "en",
        "2023-10-06",
        "He met Modi in November last year.",
        &["2022-11"],
    ),
    (
        "en",
        "2023-10-06",
        "Output should double by mid-2024 and by the end of 2025.",
        &["2024", "2025"],
    ),
    (
        "en",
        "2023-10-06",
        "He spoke this morning, after last night's dinner.",
        &["2023-10-06", "2023-10-05"],
    ),
    (
        "de",
        "2024-08-19",
        "Ab Ende 2027 sollen Chips vom Band laufen.",
        &["2027"],
    ),
    (
        "vi",
        "2023-09-12",
        "Sáng nay, Thủ tướng tiếp ông Biden.",
        &["2023-09-12"],
    ),
    (
        "id",
        "2023-09-12",
        "Presiden tiba tadi malam di Jakarta.",
        &["2023-09-11"],
    ),
    (
        "es",
        "2023-06-02",
        "El acuerdo se firmará el 30 de junio.",
        &["2023-06-30"],
    ),
    (
        "it",
        "2023-06-16",
        "Lo incontrerà il 5 luglio a Roma.",
        &["2023-07-05"],
    ),
    (
        "en",
        "2023-09-19",
        "The summit runs from 20 to 22 September; on the 18th of September he met Biden.",
        &["2023-09-20", "2023-09-22", "2023-09-18"],
    ),
    (
        "fr",
        "2023-09-19",
        "Le 18 et le 19 septembre 2023, il sera à New York.",
        &["2023-09-18", "2023-09-19"],
    ),
    (
        "de",
        "2023-09-19",
        "Die Konferenz findet vom 20. bis 22. September statt.",
        &["2023-09-20", "2023-09-22"],
    ),
    (
        "vi",
        "2023-09-19",
        "Ngày 20-21/9, Thủ tướng sẽ dự Đại hội đồng.",
        &["2023-09-20"],
    ),
    (
        "es",
        "2023-09-19",
        "Los días 18 y 19 de septiembre viajó a Nueva York.",
        &["2023-09-18", "2023-09-19"],
    ),
    (
        "en",
        "2023-09-19",
        "Two days ago he met Biden; a year ago he was in Hanoi.",
        &["2023-09-17", "2022"],
    ),
    (
        "fr",
        "2023-09-19",
        "Il y a trois jours, il a reçu Musk.",
        &["2023-09-16"],
    ),
    (
        "id",
        "2023-09-19",
        "Dua hari yang lalu ia bertemu Jokowi.",
        &["2023-09-17"],
    ),
    (
        "vi",
        "2023-09-19",
        "Hai ngày trước, Thủ tướng tiếp ông Musk.",
        &["2023-09-17"],
    ),
    (
        "de",
        "2023-09-19",
        "Vor zwei Wochen traf er Scholz.",
        &["2023-09"],
    ),
    (
        "es",
        "2023-09-19",
        "Hace un mes se reunió con Sánchez.",
        &["2023-08"],
    ),
    (
        "it",
        "2023-09-19",
        "Tre giorni fa ha incontrato Meloni.",
        &["2023-09-16"],
    ),
    (
        "pt",
        "2023-09-19",
        "Há dois dias, Lula recebeu Musk.",
        &["2023-09-17"],
    ),
    (
        "es",
        "2023-09-10",
        "El pasado 18 de septiembre viajó a Nueva York.",
        &["2022-09-18"],
    ),
    (
        "fr",
        "2023-09-10",
        "Le 12 septembre dernier, il a signé.",
        &["2022-09-12"],
    ),
    (
        "it",
        "2023-09-20",
        "Il prossimo 18 settembre sarà a Roma.",
        &["2024-09-18"],
    ),
    // Indonesian
    (
        "id",
        "2023-09-19",
        "Pada sore hari tanggal 18 September (waktu setempat)",
        &["2023-09-18"],
    ),
    (
        "id",
        "2014-10-14",
        "menemui Joko Widodo, Senin (13/10).",
        &["2014-10-13"],
    ),
    (
        "id",
        "2014-10-14",
        "Jumat (10/10) pekan lalu, ia bertemu Modi",
        &["2014-10-10"],
    ),
    (
        "id",
        "2016-02-18",
        "Pada Oktober 2014, ketika masih menjabat",
        &["2014-10"],
    ),
    (
        "id",
        "2016-02-18",
        "kemarin dan hari ini, besok",
        &["2016-02-17", "2016-02-18", "2016-02-19"],
    ),
    ("id", "2016-02-18", "Senin lalu ia bertemu", &["2016-02-15"]),
    ("id", "2016-02-18", "Kamis pekan depan", &["2016-02-25"]),
    (
        "id",
        "2024-04-18",
        "Presiden bertemu Tim Cook (17/4/2024).",
        &["2024-04-17"],
    ),
    (
        "id",
        "2023-09-19",
        "Minggu (17/9) ia tiba di New York",
        &["2023-09-17"],
    ),
    // Vietnamese
    (
        "vi",
        "2023-09-19",
        "ngày 18 tháng 9 năm 2023",
        &["2023-09-18"],
    ),
    (
        "vi",
        "2023-09-19",
        "Ngày 11/12/2023, Thủ tướng",
        &["2023-12-11"],
    ),
    (
        "vi",
        "2023-09-12",
        "Hôm qua (11/9), Thủ tướng",
        &["2023-09-11"],
    ),
    (
        "vi",
        "2023-09-12",
        "Chiều 10/9, Tổng Bí thư",
        &["2023-09-10"],
    ),
    (
        "vi",
        "2006-04-23",
        "Tháng 6/2005, trong chuyến thăm",
        &["2005-06"],
    ),
    (
        "vi",
        "2023-09-19",
        "tháng 10 tới sẽ khởi công",
        &["2023-10"],
    ),
    (
        "vi",
        "2023-09-20",
        "thứ Hai (18/9), Thủ tướng",
        &["2023-09-18"],
    ),
    (
        "vi",
        "2023-09-20",
        "hôm nay và ngày mai",
        &["2023-09-20", "2023-09-21"],
    ),
    (
        "vi",
        "2023-09-20",
        "tuần trước, năm 2022",
        &["2023-09", "2022"],
    ),
    ("vi", "2023-09-20", "ngày 18/9 vừa qua", &["2023-09-18"]),
    (
        "vi",
        "2023-09-20",
        "Sáng 19-9, Thủ tướng tiếp ông Musk; tháng 9-2023 là mốc quan trọng.",
        &["2023-09-19", "2023-09"],
    ),
    (
        "vi",
        "2023-09-20",
        "Kết quả trận đấu là 2-1 và tỉ số 3-0.",
        &[],
    ),
    // German
    (
        "de",
        "2023-09-19",
        "am 18. September 2023 in Berlin",
        &["2023-09-18"],
    ),
    (
        "de",
        "2023-09-19",
        "am 18.09.2023 in Berlin",
        &["2023-09-18"],
    ),
    (
        "de",
        "2023-06-20",
        "unterzeichneten gestern im Kanzleramt",
        &["2023-06-19"],
    ),
    (
        "de",
        "2024-08-19",
        "Am Dienstag feiert TSMC den Spatenstich",
        &["2024-08-20"],
    ),
    (
        "de",
        "2024-08-19",
        "Bereits im Juni 2023 hatte Scholz",
        &["2023-06"],
    ),
    ("de", "2024-08-22", "am vergangenen Montag", &["2024-08-19"]),
    (
        "de",
        "2024-08-22",
        "Im Juni traf er Gelsinger.",
        &["2024-06"],
    ),
    (
        "de",
        "2024-08-22",
        "heute und morgen",
        &["2024-08-22", "2024-08-23"],
    ),
    // Spanish
    (
        "es",
        "2023-09-19",
        "el 18 de septiembre de 2023",
        &["2023-09-18"],
    ),
    (
        "es",
        "2023-06-02",
        "A finales de mayo, Sánchez recibió",
        &["2023-05"],
    ),
    (
        "es",
        "2022-12-08",
        "Biden visitó el pasado martes la planta",
        &["2022-12-06"],
    ),
    (
        "es",
        "2022-12-08",
        "ayer, hoy y mañana",
        &["2022-12-07", "2022-12-08", "2022-12-09"],
    ),
    ("es", "2022-12-08", "el lunes se reunió", &["2022-12-05"]),
    // Italian
    (
        "it",
        "2023-09-19",
        "il 18 settembre 2023 a Roma",
        &["2023-09-18"],
    ),
    (
        "it",
        "2023-06-16",
        "ha ricevuto ieri a Palazzo Chigi",
        &["2023-06-15"],
    ),
    ("it", "2023-06-16", "lunedì scorso", &["2023-06-12"]),
    (
        "it",
        "2023-06-16",
        "oggi e domani",
        &["2023-06-16", "2023-06-17"],
    ),
    // Portuguese
    (
        "pt",
        "2023-09-19",
        "em 18 de setembro de 2023",
        &["2023-09-18"],
    ),
    (
        "pt",
        "2022-05-21",
        "se reuniu na sexta-feira (20) com Musk",
        &["2022-05-20"],
    ),
    (
        "pt",
        "2023-04-13",
        "visitou nesta quinta-feira (13) o centro",
        &["2023-04-13"],
    ),
    (
        "pt",
        "2023-04-13",
        "Nesta sexta-feira (14), Lula será recebido",
        &["2023-04-14"],
    ),
    (
        "pt",
        "2022-05-21",
        "em novembro do ano passado, quando",
        &["2021-11"],
    ),
    (
        "pt",
        "2022-05-21",
        "ontem, hoje e amanhã",
        &["2022-05-20", "2022-05-21", "2022-05-22"],
    ),
    (
        "pt",
        "2022-05-21",
        "na última segunda, ele",
        &["2022-05-16"],
    ),
    (
        "pt",
        "2022-05-21",
        "Lula viajou no dia 18 para Lisboa.",
        &["2022-05-18"],
    ),
    (
        "id",
        "2022-06-03",
        "Rapat digelar pada tanggal 30 di Jakarta.",
        &["2022-05-30"],
    ),
    (
        "vi",
        "2023-09-20",
        "Ngày 18 vừa qua, đoàn công tác đã đến Mỹ.",
        &["2023-09-18"],
    ),
];

/// (lang, text) that must yield no date at all.
const NEGATIVE: &[(&str, &str)] = &[
    (
        "es",
        "Julio Iglesias cantó en Santo Domingo ante más de 2000 personas.",
    ),
    ("pt", "A Editora Abril publicou a entrevista."),
    (
        "en",
        "Shoppers queued for Black Friday deals at the Mayo Clinic store.",
    ),
    ("fr", "Plus de 2000 personnes ont manifesté."),
    ("it", "Il governo Sabato ha sede a Roma."),
    ("vi", "Doanh thu đạt 1,6 tỷ USD, tăng 4,2%."),
    ("id", "Ada 12 solusi dan 4,2 juta pengguna."),
    ("en", "The 28 countries ordered a Boeing 737 at 10:30."),
    ("en", "You may need 2/3 of the budget."),
    ("en", "It may rain; prices rose 5% to 2023 units."),
    ("fr", "La sonde a atteint Mars après 7 mois."),
    ("de", "Rund 2.000 Arbeitsplätze und 70 Prozent."),
    ("en", "Theresa May spoke to reporters."),
    ("id", "Juni Astuti, warga Bandung, berbicara."),
    ("es", "Es el 50% del mercado."),
    ("en", "The service runs 24/7 for 2,000 users."),
];

#[test]
fn finds_and_resolves_each_form() {
    let mut failures = Vec::new();
    for (lang, published, text, expected) in CASES {
        let got: Vec<String> = find_dates(text, lang, Some(iso(published)))
            .iter()
            .filter_map(|m| m.value.map(|v| v.iso()))
            .collect();
        if got != *expected {
            failures.push(format!(
                "[{lang}] {text:?} (pub {published}): got {got:?}, want {expected:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn negatives_find_nothing() {
    let mut failures = Vec::new();
    for (lang, text) in NEGATIVE {
        let got = find_dates(text, lang, Some(iso("2023-09-19")));
        if !got.is_empty() {
            let shown: Vec<&str> = got.iter().map(|m| m.span.slice(text)).collect();
            failures.push(format!("[{lang}] {text:?}: found {shown:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn spans_cover_the_date_words() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "fr",
            "Il a parlé le 30 septembre, à Hanoi.",
            "le 30 septembre",
        ),
        ("vi", "Hôm qua (11/9), Thủ tướng", "Hôm qua (11/9)"),
        ("id", "bertemu Jokowi, Senin (13/10).", "Senin (13/10)"),
        (
            "de",
            "am 18. September 2023 in Berlin",
            "18. September 2023",
        ),
        ("en", "on Sept. 18 they met", "Sept. 18"),
        ("fr", "lundi dernier", "lundi dernier"),
    ];
    for (lang, text, want) in cases {
        let got = find_dates(text, lang, Some(iso("2023-09-19")));
        assert_eq!(got.len(), 1, "{text}");
        assert_eq!(got[0].span.slice(text), *want, "{text}");
    }
}

#[test]
fn without_anchor_years_come_from_the_text() {
    let text = "Le 12 mars 2019, il a signé. Le 30 septembre, il est revenu. Hier, rien.";
    let got = find_dates(text, "fr", None);
    let vals: Vec<Option<String>> = got.iter().map(|m| m.value.map(|v| v.iso())).collect();
    assert_eq!(
        vals,
        [Some("2019-03-12".into()), Some("2019-09-30".into()), None]
    );
    assert!(got[1].yearless && !got[0].yearless && got[2].relative);
}

#[test]
fn future_cues_are_seen_in_the_sentence_only() {
    use dossier::core::dates::future_cue_near;
    use dossier::core::model::Span;
    let cases: &[(&str, &str, &str, bool)] = &[
        ("en", "Biden will meet Modi on Thursday.", "Thursday", true),
        (
            "en",
            "Biden met Modi on Thursday. He will leave.",
            "Thursday",
            false,
        ),
        ("vi", "Thủ tướng sẽ thăm Mỹ vào thứ Hai.", "thứ Hai", true),
        (
            "vi",
            "Hai bên chia sẻ kinh nghiệm hôm qua.",
            "hôm qua",
            false,
        ),
        ("fr", "Il rencontrera Modi mercredi.", "mercredi", true),
        ("fr", "Il a montré une caméra mercredi.", "mercredi", false),
        (
            "pt",
            "Lula será recebido na sexta-feira.",
            "sexta-feira",
            true,
        ),
        ("de", "Scholz wird am Dienstag erwartet.", "Dienstag", true),
        ("id", "Presiden akan bertemu Senin.", "Senin", true),
    ];
    for (lang, text, what, want) in cases {
        let start = text.find(what).unwrap();
        let span = Span::new(start, start + what.len());
        assert_eq!(future_cue_near(text, lang, span), *want, "{text}");
    }
}

#[test]
fn odd_anchors_do_not_panic() {
    let anchors = [
        DateValue::Day {
            y: i32::MAX,
            m: 12,
            d: 31,
        },
        DateValue::Day {
            y: i32::MIN,
            m: 0,
            d: 99,
        },
        DateValue::Month { y: 2024, m: 13 },
        DateValue::Year { y: -5 },
    ];
    for a in anchors {
        let got = find_dates(
            "hier, le 30 septembre, lundi dernier, la semaine dernière",
            "fr",
            Some(a),
        );
        assert_eq!(got.len(), 4);
        let _ = resolve_yearless(2, 29, a, true);
        let _ = resolve_weekday(6, a, Some(-1), false);
    }
}

#[test]
fn calendar_helpers() {
    let cases: &[(i32, u32, u32, u32)] = &[
        (2023, 9, 18, 0),
        (2024, 9, 30, 0),
        (2000, 2, 29, 1),
        (1970, 1, 1, 3),
        (2025, 2, 11, 1),
        (2006, 4, 22, 5),
    ];
    for &(y, m, d, w) in cases {
        assert_eq!(weekday(y, m, d), w, "{y}-{m}-{d}");
    }
    assert_eq!(add_days(iso("2024-02-28"), 1), iso("2024-02-29"));
    assert_eq!(add_days(iso("2023-12-31"), 1), iso("2024-01-01"));
    assert_eq!(add_days(iso("2023-03-01"), -1), iso("2023-02-28"));
    assert_eq!(add_days(iso("2023-03"), 5), iso("2023-03"));
    let ry: &[(u32, u32, &str, bool, &str)] = &[
        (9, 18, "2023-09-19", false, "2023-09-18"),
        (9, 30, "2024-09-30", false, "2024-09-30"),
        (9, 30, "2024-10-01", false, "2024-09-30"),
        (1, 5, "2023-12-20", true, "2024-01-05"),
        (12, 28, "2024-01-03", false, "2023-12-28"),
        (9, 30, "2024-09-01", false, "2024-09-30"),
        (2, 29, "2024-03-05", false, "2024-02-29"),
    ];
    for &(m, d, anchor, fut, want) in ry {
        assert_eq!(
            resolve_yearless(m, d, iso(anchor), fut).iso(),
            want,
            "{m}/{d} @ {anchor}"
        );
    }
    // Thursday 2023-11-02: "last Monday" 10-30, "next Monday" 11-06, "this Monday" 10-30.
    let a = iso("2023-11-02");
    assert_eq!(resolve_weekday(0, a, Some(-1), false).iso(), "2023-10-30");
    assert_eq!(resolve_weekday(0, a, Some(1), false).iso(), "2023-11-06");
    assert_eq!(resolve_weekday(0, a, Some(0), false).iso(), "2023-10-30");
    assert_eq!(resolve_weekday(3, a, None, false).iso(), "2023-11-02");
    assert_eq!(resolve_weekday(4, a, None, true).iso(), "2023-11-03");
}

#[test]
fn never_panics_on_random_utf8() {
    let pieces = [
        "18",
        "/",
        "9",
        ".",
        "(",
        ")",
        " ",
        "septembre",
        "thứ",
        "Hai",
        "tháng",
        "2023",
        "de",
        "-",
        "ngày",
        "hôm",
        "qua",
        "é",
        "ữ",
        "\u{0301}",
        "Senin",
        "’s",
        "d'",
        "le",
        "1er",
        ",",
        "\n",
        "🙂",
        "99",
        "0",
        "31",
        "2/30",
        "12.12.",
        "am",
        "vừa",
        "last",
    ];
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    for round in 0..3000 {
        let mut s = String::new();
        for _ in 0..(next() % 24) {
            if next() % 4 == 0 {
                if let Some(c) = char::from_u32((next() % 0x3000) as u32) {
                    s.push(c);
                }
            } else {
                s.push_str(pieces[(next() % pieces.len() as u64) as usize]);
            }
        }
        let lang = ["fr", "id", "en", "vi", "de", "es", "it", "pt", "xx"][round % 9];
        let anchor = if round % 3 == 0 {
            None
        } else {
            Some(iso("2024-02-29"))
        };
        for m in find_dates(&s, lang, anchor) {
            assert!(s.is_char_boundary(m.span.start) && s.is_char_boundary(m.span.end));
            assert!(m.span.start < m.span.end && m.span.end <= s.len());
        }
    }
}

#[test]
fn dev_gold_dates_are_found() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/dev");
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("SKIP: dev corpus folder {dir} is absent");
        return;
    };
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    let (mut total, mut hit) = (0, 0);
    let mut missed = Vec::new();
    for p in paths {
        let Ok(raw) = std::fs::read_to_string(&p) else {
            continue;
        };
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&raw) else {
            continue;
        };
        let text = v["text"].as_str().unwrap_or("");
        let lang = v["lang"].as_str().unwrap_or("en");
        let anchor = v["published"].as_str().and_then(DateValue::parse_iso);
        let found: Vec<String> = find_dates(text, lang, anchor)
            .iter()
            .filter_map(|m| m.value.map(|x| x.iso()))
            .collect();
        for key in ["meetings", "planned"] {
            for m in v["gold"][key].as_array().into_iter().flatten() {
                let Some(d) = m["date"].as_str() else {
                    continue;
                };
                total += 1;
                if found.iter().any(|f| f == d) {
                    hit += 1;
                } else {
                    missed.push(format!("{}: {key} {d} not in {found:?}", p.display()));
                }
            }
        }
    }
    let ratio = hit as f64 / total.max(1) as f64;
    eprintln!(
        "gold meeting dates found: {hit}/{total} = {:.1}%",
        ratio * 100.0
    );
    for m in &missed {
        eprintln!("  missed {m}");
    }
    assert!(ratio >= 0.9, "only {hit}/{total}");
}
