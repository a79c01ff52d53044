//! Build script: reads the article files of the corpus folder with the core's own parser and
//! writes them out as Rust statics, so the page bundles them already parsed and carries no parser
//! (`DOSSIER_CORPUS=DIR` picks another folder; the default is `corpus/`); and copies the lexicons
//! of `data/lexicon/` into OUT_DIR without their comment and blank lines (the core includes those
//! copies: the comments document the files but would only weigh on the page's wasm).

/// The core's article parser, compiled into this script (it depends only on these modules).
#[allow(dead_code)]
#[path = "src/core"]
mod core {
    pub mod calendar;
    pub mod html;
    pub mod model;
    pub mod parse;
}

use std::path::{Path, PathBuf};

fn main() {
    strip_lexicons();
    println!("cargo:rerun-if-env-changed=DOSSIER_CORPUS");
    let root =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let dir = match std::env::var("DOSSIER_CORPUS") {
        Ok(d) if !d.trim().is_empty() => {
            let p = PathBuf::from(d.trim());
            if p.is_absolute() {
                p
            } else {
                root.join(p)
            }
        }
        _ => root.join("corpus"),
    };
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && is_article_file(p))
            .collect(),
        Err(e) => panic!(
            "DOSSIER_CORPUS: cannot read the corpus folder {}: {e}",
            dir.display()
        ),
    };
    files.sort();
    let out = bundled_source(&files);
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out_dir.join("bundled_corpus.rs"), out).expect("write bundled_corpus.rs");
}

/// The generated `bundled_corpus.rs`: every article of `files` (parsed as the page would have
/// parsed them, first id wins) and every file or article the parser refused, with its problem.
fn bundled_source(files: &[PathBuf]) -> String {
    let mut ids = std::collections::HashSet::new();
    let mut articles = String::new();
    let mut problems = String::new();
    for f in files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let bytes = std::fs::read(f).unwrap_or_else(|e| panic!("read {}: {e}", f.display()));
        match core::parse::parse_file(&name, &bytes) {
            Ok(list) => {
                for a in list {
                    if !ids.insert(a.id.clone()) {
                        let why = format!("duplicate article id `{}`", a.id);
                        problems.push_str(&format!("    ({name:?}, {why:?}),\n"));
                        continue;
                    }
                    articles.push_str(&format!(
                        "    Bundled {{ id: {:?}, text: {:?}, title: {:?}, lang: {:?}, published: {:?}, source: {:?}, url: {:?} }},\n",
                        a.id, a.text, a.title, a.lang, a.published, a.source, a.url
                    ));
                }
            }
            Err(e) => {
                let why = e.to_string();
                println!("cargo:warning=bundled corpus: {name}: {why}");
                problems.push_str(&format!("    ({name:?}, {why:?}),\n"));
            }
        }
    }
    format!(
        "/// Every bundled article, parsed at build time, in file-name order.\n\
         pub static BUNDLED_ARTICLES: &[Bundled] = &[\n{articles}];\n\
         /// (file name, problem) for each bundled file or article the parser refused.\n\
         pub static BUNDLED_PROBLEMS: &[(&str, &str)] = &[\n{problems}];\n"
    )
}

fn is_article_file(p: &Path) -> bool {
    matches!(
        p.extension().and_then(|e| e.to_str()),
        Some("json" | "jsonl" | "txt" | "md" | "html" | "htm")
    )
}

/// `data/lexicon/*.tsv` → `$OUT_DIR/lexicon/*.tsv`, minus lines that are blank or start with `#`.
fn strip_lexicons() {
    let root =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let src = root.join("data/lexicon");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("lexicon");
    std::fs::create_dir_all(&out).expect("create OUT_DIR/lexicon");
    println!("cargo:rerun-if-changed={}", src.display());
    let entries = std::fs::read_dir(&src).expect("read data/lexicon");
    for e in entries.filter_map(|e| e.ok()) {
        let path = e.path();
        if path.extension().and_then(|x| x.to_str()) != Some("tsv") {
            continue;
        }
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).expect("a lexicon is UTF-8");
        let mut kept = String::with_capacity(text.len());
        for line in text.lines() {
            let t = line.trim_start();
            if t.is_empty() || t.starts_with('#') {
                continue;
            }
            kept.push_str(line);
            kept.push('\n');
        }
        std::fs::write(out.join(e.file_name()), kept).expect("write a stripped lexicon");
    }
}
