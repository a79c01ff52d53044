//! Topic tests: per-language table tests (sentence → topics), company × topic counts, and the dev-set topic F1.

use dossier::core::dates::DateValue;
use dossier::core::model::{Article, Entity, EntityKind, SentenceTopics, Span};
use dossier::core::topics::{classify, company_topics, topics_of};
use dossier::core::Doc;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// (lang, sentence, topics the sentence must carry, topics it must not carry)
const CASES: &[(&str, &str, &[&str], &[&str])] = &[
    (
        "en",
        "The company will invest in artificial intelligence and chip factories.",
        &["ai", "semiconductors", "investment_manufacturing"],
        &["finance"],
    ),
    (
        "en",
        "Officials discussed online fraud and the Internet of Things.",
        &["cybersecurity", "iot"],
        &["ai"],
    ),
    (
        "fr",
        "Le Premier ministre a évoqué l'intelligence artificielle (IA) et les semi-conducteurs.",
        &["ai", "semiconductors"],
        &["iot"],
    ),
    (
        "fr",
        "Meta produira des lunettes intelligentes et investira dans la réalité virtuelle.",
        &["vr_metaverse"],
        &["tax_regulation"],
    ),
    (
        "fr",
        "Il faut se conformer à la loi et aux réglementations fiscales.",
        &["tax_regulation"],
        &["ai"],
    ),
    (
        "id",
        "Kerja sama di bidang kecerdasan buatan, semikonduktor dan transformasi digital.",
        &["ai", "semiconductors", "digital_transformation"],
        &["finance"],
    ),
    (
        "id",
        "Mencegah kejahatan dunia maya dan pelatihan sumber daya manusia.",
        &["cybersecurity", "education_training"],
        &["ai"],
    ),
    (
        "id",
        "Ia mengatakan bahwa pasar sangat besar.",
        &[],
        &["ai"],
    ),
    (
        "vi",
        "Thủ tướng đề nghị tăng cường đầu tư vào bán dẫn, trí tuệ nhân tạo và chuyển đổi số.",
        &[
            "semiconductors",
            "ai",
            "digital_transformation",
            "investment_manufacturing",
        ],
        &["iot"],
    ),
    (
        "vi",
        "Hỗ trợ đào tạo nguồn nhân lực chất lượng cao và bảo đảm an ninh mạng.",
        &["education_training", "cybersecurity"],
        &["ai"],
    ),
    ("vi", "Samsung tiếp tục mở rộng.", &[], &["ai"]),
    (
        "de",
        "Die Bundesregierung fördert Halbleiter und Künstliche Intelligenz.",
        &["semiconductors", "ai"],
        &["iot"],
    ),
    (
        "de",
        "Der Staat steuert fünf Milliarden Euro bei.",
        &[],
        &["tax_regulation"],
    ),
    (
        "de",
        "Die Digitalisierung und die Cybersicherheit stehen im Mittelpunkt.",
        &["digital_transformation", "cybersecurity"],
        &[],
    ),
    (
        "es",
        "La inteligencia artificial y los semiconductores son prioridades.",
        &["ai", "semiconductors"],
        &["iot"],
    ),
    (
        "es",
        "La ministra de Transformación Digital habló con la prensa.",
        &[],
        &["digital_transformation"],
    ),
    (
        "it",
        "Il colloquio si è concentrato sull'intelligenza artificiale.",
        &["ai"],
        &["semiconductors"],
    ),
    (
        "pt",
        "A transformação digital e a inteligência artificial dominaram a pauta.",
        &["digital_transformation", "ai"],
        &["finance"],
    ),
    (
        "pt",
        "O banco financiará a educação nas escolas rurais.",
        &["finance", "education_training"],
        &["ai"],
    ),
];

#[test]
fn sentence_topics_per_language() {
    for (lang, text, must, must_not) in CASES {
        let doc = Doc::new(text, lang, None);
        let got = topics_of(&doc, Span::new(0, text.len()));
        for t in *must {
            assert!(
                got.iter().any(|g| g == t),
                "{lang}: {text}: missing {t} in {got:?}"
            );
        }
        for t in *must_not {
            assert!(
                !got.iter().any(|g| g == t),
                "{lang}: {text}: unexpected {t} in {got:?}"
            );
        }
    }
}

#[test]
fn passing_mention_is_not_an_article_topic() {
    let text = "The minister met the delegation. They discussed the weather and a football match; one finance figure.";
    let doc = Doc::new(text, "en", None);
    let (topics, _) = classify(&doc);
    assert!(
        !topics.contains(&"education_training".to_string()),
        "{topics:?}"
    );
    let text = "Vietnam wants chip plants. Semiconductor strategy and chip design are priorities.";
    let doc = Doc::new(text, "en", None);
    let (topics, per) = classify(&doc);
    assert!(topics.contains(&"semiconductors".to_string()), "{topics:?}");
    assert_eq!(per.len(), 2);
}

#[test]
fn company_topic_counts() {
    let text = "Nvidia builds chips. Nvidia and Meta talk about AI. Meta sells ads.";
    let doc = Doc::new(text, "en", None);
    let (_, per) = classify(&doc);
    let ent = |name: &str, spans: Vec<Span>| Entity {
        kind: EntityKind::Org,
        name: name.into(),
        class: Some("company".into()),
        place_type: None,
        aliases: vec![name.into()],
        role: None,
        affiliation: None,
        mentions: spans,
    };
    let find = |needle: &str| -> Vec<Span> {
        text.match_indices(needle)
            .map(|(i, _)| Span::new(i, i + needle.len()))
            .collect()
    };
    let ents = vec![ent("Nvidia", find("Nvidia")), ent("Meta", find("Meta"))];
    let counts = company_topics(&ents, &per);
    assert!(
        counts.contains(&("Nvidia".into(), "semiconductors".into(), 1)),
        "{counts:?}"
    );
    assert!(
        counts.contains(&("Nvidia".into(), "ai".into(), 1)),
        "{counts:?}"
    );
    assert!(
        counts.contains(&("Meta".into(), "ai".into(), 1)),
        "{counts:?}"
    );
    assert!(
        !counts
            .iter()
            .any(|c| c.0 == "Meta" && c.1 == "semiconductors"),
        "{counts:?}"
    );
    let none: Vec<SentenceTopics> = Vec::new();
    assert!(company_topics(&ents, &none).is_empty());
}

#[test]
fn dev_set_topic_f1() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/dev");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("dev corpus folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut per_lang: BTreeMap<String, [usize; 3]> = BTreeMap::new();
    for f in files {
        let v: Value = serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
        let a: Article = serde_json::from_value(v.clone()).unwrap();
        let lang = a.lang.clone().unwrap_or_default();
        let doc = Doc::new(
            &a.text,
            &lang,
            a.published.as_deref().and_then(DateValue::parse_iso),
        );
        let (pred, _) = classify(&doc);
        let pred: BTreeSet<String> = pred.into_iter().collect();
        let gold: BTreeSet<String> = v["gold"]["topics"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|t| t.as_str())
            .filter(|t| !t.starts_with("other"))
            .map(str::to_string)
            .collect();
        let c = per_lang.entry(lang).or_default();
        c[0] += pred.intersection(&gold).count();
        c[1] += pred.difference(&gold).count();
        c[2] += gold.difference(&pred).count();
    }
    let f1 = |c: [usize; 3]| {
        let p = c[0] as f64 / (c[0] + c[1]).max(1) as f64;
        let r = c[0] as f64 / (c[0] + c[2]).max(1) as f64;
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    };
    let mut total = [0; 3];
    for (lang, c) in &per_lang {
        eprintln!(
            "topics {lang}: tp {} fp {} fn {} F1 {:.3}",
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
        "topics all: tp {} fp {} fn {} F1 {f:.3}",
        total[0], total[1], total[2]
    );
    assert!(f >= 0.80, "dev topic F1 {f:.3} < 0.80");
}

#[test]
fn never_panics_on_random_text() {
    let pool = [
        "AI",
        "IA",
        "chip",
        "bán dẫn",
        "l'intelligence",
        "artificielle",
        "😀",
        "é",
        "\n",
        "(",
        ")",
        "Digital",
        "Transformación",
        "'",
        "’",
        "5G",
        "Đ",
        "ß",
        "investment",
        " ",
        ".",
    ];
    let mut x: u64 = 0x2545F4914F6CDD1D;
    for round in 0..300 {
        let mut text = String::new();
        for _ in 0..(round % 50) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            text.push_str(pool[(x % pool.len() as u64) as usize]);
            if x % 3 > 0 {
                text.push(' ');
            }
        }
        let lang = ["en", "fr", "vi", "id", "de", "es", "it", "pt", "zz"][round % 9];
        let doc = Doc::new(&text, lang, None);
        let (topics, per) = classify(&doc);
        for st in &per {
            assert!(text.is_char_boundary(st.span.start) && text.is_char_boundary(st.span.end));
            assert!(!st.topics.is_empty());
        }
        assert!(topics.windows(2).all(|w| w[0] < w[1]));
    }
}
