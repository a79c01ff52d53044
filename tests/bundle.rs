//! Precomputed bundles give exactly what in-process extraction gives; `gen-corpus` is deterministic and well formed.

mod common;

use dossier::core;
use dossier::core::corpus::Corpus;
use dossier::core::model::{Article, Extraction};
use dossier::core::shard::{load_index, load_shard, load_shard_checked, make_bundle, INDEX_FILE};
use std::path::{Path, PathBuf};
use std::process::Command;

fn dev_articles() -> Vec<Article> {
    common::load_dev().into_iter().map(|g| g.article).collect()
}

/// A fresh scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dossier-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn dossier(args: &[&str]) -> std::process::Output {
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .output()
        .expect("run dossier");
    assert!(
        out.status.success(),
        "dossier {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Every article and extraction of a bundle folder, checked against its index.
fn read_bundle(dir: &Path) -> (Vec<Article>, Vec<Extraction>) {
    let index = load_index(&std::fs::read(dir.join(INDEX_FILE)).unwrap()).unwrap();
    let (mut arts, mut xs) = (Vec::new(), Vec::new());
    for s in &index.shards {
        let bytes = std::fs::read(dir.join(&s.file)).unwrap();
        let (a, x) = load_shard_checked(s, &bytes).unwrap();
        arts.extend(a);
        xs.extend(x);
    }
    assert_eq!(arts.len(), index.articles);
    assert_eq!(
        index.events,
        xs.iter().map(|x| x.events.len()).sum::<usize>()
    );
    (arts, xs)
}

#[test]
fn shards_round_trip_in_process() {
    let articles = dev_articles();
    let extractions = core::extract_all(&articles);
    for size in [1, 5, 1000] {
        let (index, files) = make_bundle(&articles, &extractions, size).unwrap();
        assert_eq!(index.shards.len(), articles.len().div_ceil(size));
        let (mut a, mut x) = (Vec::new(), Vec::new());
        for (name, json) in &files {
            assert!(!json.contains('\n'), "shards are minified");
            let (sa, sx) = load_shard(json.as_bytes()).unwrap();
            assert!(index.shards.iter().any(|s| &s.file == name));
            a.extend(sa);
            x.extend(sx);
        }
        assert_eq!(a, articles);
        assert_eq!(x, extractions);
    }
}

#[test]
fn cli_bundle_equals_in_process_extraction() {
    let dir = scratch("bundle");
    let dev = common::dev_dir();
    dossier(&[
        "bundle",
        dir.to_str().unwrap(),
        dev.to_str().unwrap(),
        "--shard-size",
        "4",
        "--threads",
        "3",
    ]);
    let (arts, xs) = read_bundle(&dir);
    // The same articles, read in-process in the same order, extracted on one thread.
    let mut expected = dev_articles();
    expected.sort_by(|a, b| a.id.cmp(&b.id));
    let mut got: Vec<(Article, Extraction)> = arts.into_iter().zip(xs).collect();
    got.sort_by(|a, b| a.0.id.cmp(&b.0.id));
    let (arts, xs): (Vec<Article>, Vec<Extraction>) = got.into_iter().unzip();
    assert_eq!(arts, expected);
    assert_eq!(xs, core::extract_all(&expected));
    // And the page-side corpus built from the shards has the same timeline.
    let from_shards = Corpus::from_parts(arts.clone(), xs);
    assert_eq!(from_shards.timeline, Corpus::new(arts).timeline);
    // A second bundle with bigger shards leaves no stale shard behind.
    dossier(&["bundle", dir.to_str().unwrap(), dev.to_str().unwrap()]);
    let shards = std::fs::read_dir(&dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with("shard-")
        })
        .count();
    assert_eq!(shards, 1);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn damaged_shard_is_refused() {
    let articles = dev_articles();
    let extractions = core::extract_all(&articles[..3]);
    let (index, files) = make_bundle(&articles[..3], &extractions, 10).unwrap();
    let mut bytes = files[0].1.clone().into_bytes();
    let pos = bytes.iter().position(|&b| b == b'a').unwrap();
    bytes[pos] = b'b';
    let e = load_shard_checked(&index.shards[0], &bytes).unwrap_err();
    assert!(e.contains("stale or damaged"), "{e}");
}

#[test]
fn gen_corpus_is_deterministic_and_well_formed() {
    let dir = scratch("gen");
    let (a, b, c) = (
        dir.join("a.jsonl"),
        dir.join("b.jsonl"),
        dir.join("c.jsonl"),
    );
    let dev = common::dev_dir();
    let dev = dev.to_str().unwrap();
    dossier(&["gen-corpus", "60", a.to_str().unwrap(), "--seed", "7", dev]);
    dossier(&["gen-corpus", "60", b.to_str().unwrap(), "--seed", "7", dev]);
    dossier(&["gen-corpus", "60", c.to_str().unwrap(), "--seed", "8", dev]);
    let (ta, tb, tc) = (
        std::fs::read(&a).unwrap(),
        std::fs::read(&b).unwrap(),
        std::fs::read(&c).unwrap(),
    );
    assert_eq!(ta, tb, "same seed, same corpus");
    assert_ne!(ta, tc, "another seed, another corpus");
    let generated = core::parse::parse_file_with_limit("a.jsonl", &ta, usize::MAX).unwrap();
    assert_eq!(generated.len(), 60);
    let ids: std::collections::HashSet<&str> = generated.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids.len(), 60);
    let base = dev_articles();
    let mut changed = 0;
    for g in &generated {
        let src = base
            .iter()
            .find(|b| g.id.ends_with(&format!("-{}", b.id)))
            .expect("ids name their source");
        assert_eq!(g.lang, src.lang);
        // `published` moves by whole years, and the text's years with it.
        match (&g.published, &src.published) {
            (Some(p), Some(q)) => {
                let shift: i32 = p[..4].parse::<i32>().unwrap() - q[..4].parse::<i32>().unwrap();
                assert!((-6..=2).contains(&shift), "{p} from {q}");
                assert_eq!(p[4..7], q[4..7], "{p} from {q}");
            }
            (None, None) => {}
            other => panic!("published changed presence: {other:?}"),
        }
        if g.text != src.text {
            changed += 1;
        }
        // The generated text still reads: it is extracted without trouble and finds entities.
        let x = core::extract(g);
        assert!(!x.entities.is_empty(), "{}", g.id);
    }
    assert!(changed >= 55, "only {changed} of 60 texts were varied");
    // Names are substituted consistently: a person replaced in an article is gone everywhere in it.
    let x0 = core::extract(&base[0]);
    let g0 = &generated[0];
    for e in x0
        .entities
        .iter()
        .filter(|e| e.kind == core::model::EntityKind::Person)
    {
        for alias in &e.aliases {
            if alias.contains(' ') {
                assert!(
                    !g0.text.contains(alias.as_str()),
                    "{alias} left in {}",
                    g0.id
                );
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The articles build.rs bundles (parsed and extracted at build time) are what the parser gives
/// at run time for the files of `corpus/`, first id first, with no problem, and their extractions
/// are what `core::extract` gives now (the page shows the bundled ones and never extracts them).
#[test]
fn bundled_articles_equal_the_parsed_corpus_folder() {
    if std::env::var("DOSSIER_CORPUS").is_ok_and(|d| !d.trim().is_empty()) {
        return; // another folder was bundled
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir("corpus")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let mut want: Vec<Article> = Vec::new();
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        for a in core::parse::parse_file(&name, &std::fs::read(f).unwrap()).unwrap() {
            if !want.iter().any(|b| b.id == a.id) {
                want.push(a);
            }
        }
    }
    assert!(want.len() >= 2);
    assert_eq!(dossier::bundled::articles(), want);
    assert!(dossier::bundled::BUNDLED_PROBLEMS.is_empty());
    let extracted: Vec<_> = want.iter().map(core::extract).collect();
    let bundled: Vec<_> = dossier::bundled::records()
        .into_iter()
        .map(|(_, x)| x)
        .collect();
    assert_eq!(bundled, extracted);
    assert!(bundled
        .iter()
        .all(|x| !x.entities.is_empty() && !x.events.is_empty()));
}
