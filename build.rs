//! Build script: lists the article files of the corpus folder so the page bundles them
//! (`DOSSIER_CORPUS=DIR` picks another folder; the default is `corpus/`).

use std::path::{Path, PathBuf};

fn main() {
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
