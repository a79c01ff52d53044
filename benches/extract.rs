//! Benchmark (not a test): hypothesis — `dossier::core::extract` runs at several MB/s natively on ~2 KB news articles in every language, with entity recognition as the costliest stage.
//!
//! Groups:
//! - `dev`: the 22 dev articles (all languages), each extracted separately, bytes of `text` per second.
//! - `en_1mb`: the English dev articles repeated until the texts reach ≥ 1 MB, each extracted separately.
//! - `stages_en`: each pipeline stage alone over the English dev articles (noise lines, sentences,
//!   tokens, `Doc::new`, entities, dates, meetings, topics), to see which stage dominates.
//!
//! Run: `cargo bench --bench extract` (lexicons are parsed once, during warm-up).

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use dossier::core::model::Article;
use dossier::core::{self, dates, entities, meetings, noise, text, topics, Doc};
use std::time::Duration;

const DEV: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/dev");

fn dev_articles() -> Vec<Article> {
    let mut paths: Vec<_> = std::fs::read_dir(DEV)
        .unwrap_or_else(|e| panic!("cannot read {DEV}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for p in paths {
        let name = p.to_string_lossy().into_owned();
        let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("{name}: {e}"));
        out.extend(
            core::parse::parse_file(&name, &bytes).unwrap_or_else(|e| panic!("{name}: {e}")),
        );
    }
    out
}

fn english(articles: &[Article]) -> Vec<Article> {
    articles
        .iter()
        .filter(|a| a.lang.as_deref() == Some("en"))
        .cloned()
        .collect()
}

/// `base` repeated (ids numbered) until the texts add up to at least `min_bytes`.
fn repeated(base: &[Article], min_bytes: usize) -> Vec<Article> {
    let mut out = Vec::new();
    let mut total = 0;
    let mut round = 0;
    while total < min_bytes && !base.is_empty() {
        for a in base {
            let mut a = a.clone();
            a.id = format!("{}#{round}", a.id);
            total += a.text.len();
            out.push(a);
        }
        round += 1;
    }
    out
}

fn text_bytes(articles: &[Article]) -> u64 {
    articles.iter().map(|a| a.text.len() as u64).sum()
}

fn bench_extract(c: &mut Criterion) {
    let dev = dev_articles();
    let en = english(&dev);
    assert!(!en.is_empty(), "no English dev article in {DEV}");
    let en_1mb = repeated(&en, 1 << 20);

    let mut g = c.benchmark_group("extract");
    g.sample_size(10).measurement_time(Duration::from_secs(8));
    g.throughput(Throughput::Bytes(text_bytes(&dev)));
    g.bench_function("dev", |b| {
        b.iter(|| {
            for a in &dev {
                black_box(core::extract(black_box(a)));
            }
        })
    });
    g.throughput(Throughput::Bytes(text_bytes(&en_1mb)));
    g.bench_function("en_1mb", |b| {
        b.iter(|| {
            for a in &en_1mb {
                black_box(core::extract(black_box(a)));
            }
        })
    });
    g.finish();
}

fn bench_stages(c: &mut Criterion) {
    let en = english(&dev_articles());
    let langs: Vec<String> = en.iter().map(core::article_lang).collect();
    let anchors: Vec<_> = en
        .iter()
        .map(|a| a.published.as_deref().and_then(dates::DateValue::parse_iso))
        .collect();
    let docs: Vec<Doc> = en
        .iter()
        .zip(&langs)
        .zip(&anchors)
        .map(|((a, l), p)| Doc::new(&a.text, l, *p))
        .collect();
    let ents: Vec<_> = docs.iter().map(entities::recognize).collect();
    let dts: Vec<_> = docs
        .iter()
        .map(|d| dates::find_dates(d.text, d.lang, d.published))
        .collect();

    let mut g = c.benchmark_group("stages_en");
    g.sample_size(20).measurement_time(Duration::from_secs(3));
    g.throughput(Throughput::Bytes(text_bytes(&en)));
    g.bench_function("noise", |b| {
        b.iter(|| {
            docs.iter()
                .for_each(|d| drop(black_box(noise::noise_lines(d.text))))
        })
    });
    g.bench_function("sentences", |b| {
        b.iter(|| {
            docs.iter()
                .for_each(|d| drop(black_box(text::sentences(d.text))))
        })
    });
    g.bench_function("tokens", |b| {
        b.iter(|| {
            docs.iter()
                .for_each(|d| drop(black_box(text::tokens(d.text))))
        })
    });
    g.bench_function("doc_new", |b| {
        b.iter(|| {
            docs.iter()
                .for_each(|d| drop(black_box(Doc::new(d.text, d.lang, d.published))))
        })
    });
    g.bench_function("entities", |b| {
        b.iter(|| {
            docs.iter()
                .for_each(|d| drop(black_box(entities::recognize(d))))
        })
    });
    g.bench_function("dates", |b| {
        b.iter(|| {
            docs.iter()
                .for_each(|d| drop(black_box(dates::find_dates(d.text, d.lang, d.published))))
        })
    });
    g.bench_function("meetings", |b| {
        b.iter(|| {
            for ((d, e), t) in docs.iter().zip(&ents).zip(&dts) {
                black_box(meetings::find_meetings(d, e, t));
            }
        })
    });
    g.bench_function("topics", |b| {
        b.iter(|| {
            docs.iter()
                .for_each(|d| drop(black_box(topics::classify(d))))
        })
    });
    g.finish();
}

criterion_group!(benches, bench_extract, bench_stages);
criterion_main!(benches);
