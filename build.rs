//! Build script: reads the article files of the corpus folder with the core's own parser, runs
//! the core's extraction on them, and writes both out as one JSON string of records (the import
//! worker's `{"a": article, "x": extraction}` format), so the page bundles its articles already
//! parsed and extracted: it carries neither the parser nor the extractor and its lexicons, which
//! the import worker's wasm loads on first use (`DOSSIER_CORPUS=DIR` picks another folder; the
//! default is `corpus/`).

/// The whole extraction core, compiled into this script: the same code the page and the CLI run.
#[allow(dead_code, unused_imports)]
#[path = "src/core/mod.rs"]
mod core;

use std::path::{Path, PathBuf};

fn main() {
    // The core compiles the lexicons in (src/core/lexicon.rs and others): the bundled extractions
    // change with them.
    println!("cargo:rerun-if-changed=data/lexicon");
    println!("cargo:rerun-if-changed=src/core");
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
/// parsed them, first id wins) with its extraction, as one JSON string of records, and every file
/// or article the parser refused, with its problem.
fn bundled_source(files: &[PathBuf]) -> String {
    let mut ids = std::collections::HashSet::new();
    let mut records: Vec<serde_json::Value> = Vec::new();
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
                    let x = core::extract(&a);
                    records.push(serde_json::json!({ "a": a, "x": x }));
                }
            }
            Err(e) => {
                let why = e.to_string();
                println!("cargo:warning=bundled corpus: {name}: {why}");
                problems.push_str(&format!("    ({name:?}, {why:?}),\n"));
            }
        }
    }
    let json = serde_json::to_string(&records).expect("records serialise");
    format!(
        "/// Every bundled article with its extraction, in file-name order: JSON records\n\
         /// `[{{\"a\": article, \"x\": extraction}}, …]` written at build time.\n\
         pub static BUNDLED_RECORDS: &str = {json:?};\n\
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
