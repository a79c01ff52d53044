//! The native command line: `dossier extract PATH...` prints the extraction JSON of articles in files or folders.

use dossier::core;
use dossier::core::model::{Article, ExtractOutput};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: dossier extract PATH...   (PATH: a .json/.jsonl/.txt/.md file, a folder of them, or - for standard input)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("extract") if args.len() > 1 => match read_all(&args[1..]) {
            Ok(articles) => {
                let out = ExtractOutput {
                    articles: core::extract_all(&articles),
                };
                match serde_json::to_string_pretty(&out) {
                    Ok(json) => {
                        println!("{json}");
                        ExitCode::SUCCESS
                    }
                    Err(e) => fail(&format!("cannot write JSON: {e}")),
                }
            }
            Err(message) => fail(&message),
        },
        Some("-h") | Some("--help") | Some("help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => fail(USAGE),
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("dossier: {message}");
    ExitCode::from(1)
}

/// Read every article named by `paths`, in order; the first bad file stops with a message naming it.
fn read_all(paths: &[String]) -> Result<Vec<Article>, String> {
    let mut articles = Vec::new();
    for p in paths {
        if p == "-" {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| format!("standard input: {e}"))?;
            // Standard input is JSON when it looks like JSON, else one plain-text article.
            let trimmed = bytes.iter().find(|b| !b.is_ascii_whitespace());
            let name = match trimmed {
                Some(b'{')
                    if bytes.iter().filter(|&&b| b == b'\n').count() > 1
                        && looks_like_jsonl(&bytes) =>
                {
                    "stdin.jsonl"
                }
                Some(b'{') | Some(b'[') => "stdin.json",
                _ => "stdin.txt",
            };
            articles.extend(
                core::parse::parse_file(name, &bytes)
                    .map_err(|e| format!("standard input: {e}"))?,
            );
            continue;
        }
        let path = Path::new(p);
        let files = if path.is_dir() {
            folder_files(path)?
        } else {
            vec![path.to_path_buf()]
        };
        for f in files {
            let bytes = std::fs::read(&f).map_err(|e| format!("{}: {e}", f.display()))?;
            let name = f.to_string_lossy();
            articles.extend(
                core::parse::parse_file(&name, &bytes)
                    .map_err(|e| format!("{}: {e}", f.display()))?,
            );
        }
    }
    let mut seen = std::collections::HashSet::new();
    for a in &articles {
        if !seen.insert(a.id.as_str()) {
            return Err(format!("duplicate article id `{}`", a.id));
        }
    }
    Ok(articles)
}

fn looks_like_jsonl(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes);
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    lines
        .next()
        .is_some_and(|l| serde_json::from_str::<serde_json::Value>(l).is_ok())
}

/// The article files of a folder, sorted by name.
fn folder_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        let ext = core::parse::extension(&path.to_string_lossy());
        if path.is_file() && matches!(ext.as_str(), "json" | "jsonl" | "txt" | "md") {
            out.push(path);
        }
    }
    out.sort();
    Ok(out)
}
