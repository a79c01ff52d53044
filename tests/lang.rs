//! Language detection measured on the dev corpus: whole articles and sentence-level samples.

use dossier::core::lang::{detect, LANGS};
use dossier::core::text::sentences;

fn dev_articles() -> Option<Vec<(String, String)>> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/dev");
    let entries = std::fs::read_dir(dir).ok()?;
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for p in paths {
        let raw = std::fs::read_to_string(&p).ok()?;
        let v: serde_json::Value = serde_json::from_str(&raw).ok()?;
        if let (Some(lang), Some(text)) = (v["lang"].as_str(), v["text"].as_str()) {
            out.push((lang.to_string(), text.to_string()));
        }
    }
    Some(out)
}

#[test]
fn short_texts_and_titles() {
    let cases: &[(&str, &str)] = &[
        (
            "vi",
            "Thủ tướng Phạm Minh Chính tiếp Chủ tịch Tập đoàn Meta",
        ),
        (
            "fr",
            "Le Premier ministre reçoit le patron de Nvidia à Paris",
        ),
        ("id", "Presiden Jokowi bertemu CEO Facebook di Istana"),
        ("en", "Musk meets Modi in New York ahead of the state visit"),
        (
            "de",
            "Scholz und Intel-Chef unterzeichnen Vertrag für die Fabrik",
        ),
        (
            "es",
            "Sánchez recibe al consejero delegado de OpenAI en la Moncloa",
        ),
        (
            "it",
            "Meloni riceve Elon Musk a Palazzo Chigi per parlare di intelligenza artificiale",
        ),
        (
            "pt",
            "Lula visita centro de pesquisa da Huawei em Xangai e não fala com a imprensa",
        ),
        ("en", "12345 !!!"),
        ("en", ""),
    ];
    for (want, text) in cases {
        assert_eq!(detect(text), *want, "{text}");
    }
}

#[test]
fn dev_articles_and_sentences() {
    let Some(articles) = dev_articles() else {
        eprintln!("SKIP: dev corpus folder is absent");
        return;
    };
    let mut art_ok = 0;
    for (lang, text) in &articles {
        if detect(text) == lang {
            art_ok += 1;
        } else {
            eprintln!("article misdetected: {lang} → {}", detect(text));
        }
    }
    let (mut n, mut ok) = (0, 0);
    let mut confusion: std::collections::BTreeMap<(String, &str), usize> = Default::default();
    for (lang, text) in &articles {
        for s in sentences(text) {
            let s = s.slice(text);
            if s.chars().count() < 40 {
                continue;
            }
            n += 1;
            let got = detect(s);
            if got == lang {
                ok += 1;
            } else {
                *confusion.entry((lang.clone(), got)).or_default() += 1;
                eprintln!("  {lang}→{got}: {s}");
            }
        }
    }
    eprintln!(
        "articles {art_ok}/{} ; sentences {ok}/{n} = {:.1}% ; confusion {confusion:?} ; langs {LANGS:?}",
        articles.len(),
        100.0 * ok as f64 / n.max(1) as f64
    );
    assert_eq!(art_ok, articles.len());
    assert!(ok as f64 >= 0.95 * n as f64, "{ok}/{n}");
}
