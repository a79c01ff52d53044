//! Guards for the page's size: calls that would link large standard tables into the wasm.

use std::path::Path;

/// Every `.rs` file under `dir`, with its text.
fn sources(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("read source dir") {
            let p = entry.expect("entry").path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let text = std::fs::read_to_string(&p).expect("read source");
                out.push((p.display().to_string(), text));
            }
        }
    }
    out
}

/// `to_lowercase`/`to_uppercase` pull in the Unicode case tables (15 KB gzip of the page):
/// the core and the page lowercase through `core::case`, which has its own test against std.
#[test]
fn no_std_case_conversion_in_the_page() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = sources(&root.join("src/core"));
    files.extend(sources(&root.join("src/app")));
    files.push((
        "src/main.rs".into(),
        std::fs::read_to_string(root.join("src/main.rs")).unwrap(),
    ));
    assert!(files.len() > 20, "found only {} files", files.len());
    for (name, text) in files {
        if name.ends_with("core/case.rs") {
            continue;
        }
        let text = text
            .replace("to_ascii_lowercase", "")
            .replace("to_ascii_uppercase", "");
        for bad in ["to_lowercase", "to_uppercase"] {
            assert!(
                !text.contains(bad),
                "{name} calls {bad}: use crate::core::case (see ARCHITECTURE.md)"
            );
        }
    }
}
