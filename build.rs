//! Build script: lists the article files of the corpus folder so the page bundles them
//! (`DOSSIER_CORPUS=DIR` picks another folder; the default is `corpus/`), and copies the lexicons
//! of `data/lexicon/` into OUT_DIR without their comment and blank lines (the core includes those
//! copies: the comments document the files but would only weigh on the page's wasm).

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
    let mut out = String::from("/// (file name, contents) of every bundled article file, sorted by name.\npub static BUNDLED_FILES: &[(&str, &[u8])] = &[\n");
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        out.push_str(&format!(
            "    ({:?}, include_bytes!({:?})),\n",
            name,
            f.display().to_string()
        ));
    }
    out.push_str("];\n");
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out_dir.join("bundled_corpus.rs"), out).expect("write bundled_corpus.rs");
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
