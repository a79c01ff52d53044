//! Importing a person's own files: checks each file (type and size before reading it, then its bytes
//! and its ids), queues its articles and extracts them in small batches, as JSON records (what the
//! page's import worker runs; pure, so it is tested natively).

use crate::core::json;
use crate::core::model::{Article, Extraction};
use crate::core::parse::{self, ParseError, MAX_FILE_BYTES, SUPPORTED_EXTENSIONS};
use serde::{Deserialize, Serialize};
use std::collections::{HashSet, VecDeque};

/// One imported article with its extraction: what a batch holds and what the page stores.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    pub a: Article,
    pub x: Extraction,
}

/// A batch ends after this many articles or this much text, so the page gets it in small pieces.
pub const BATCH_ARTICLES: usize = 25;
pub const BATCH_BYTES: usize = 32 * 1024;

/// The name a pasted article is read under (its messages name it).
pub const PASTED: &str = "pasted text.json";

/// The files of one import: known ids, and the articles read but not extracted yet.
#[derive(Debug, Default)]
pub struct Intake {
    known: HashSet<String>,
    queue: VecDeque<Article>,
}

fn base_name(name: &str) -> &str {
    name.rsplit(['/', '\\']).next().unwrap_or(name)
}

fn named(name: &str, why: impl std::fmt::Display) -> String {
    format!("{}: {why}", base_name(name))
}

impl Intake {
    /// A new import; `known` are the ids already loaded (bundled and imported before).
    pub fn new<I: IntoIterator<Item = String>>(known: I) -> Intake {
        Intake {
            known: known.into_iter().collect(),
            queue: VecDeque::new(),
        }
    }

    /// What can be told from the name and size alone (before reading the file): "name: problem".
    pub fn precheck(name: &str, size: usize) -> Result<(), String> {
        let ext = parse::extension(name);
        if !SUPPORTED_EXTENSIONS.contains(&ext.as_str()) {
            return Err(named(
                name,
                ParseError::UnsupportedExtension { extension: ext },
            ));
        }
        if size > MAX_FILE_BYTES {
            return Err(named(
                name,
                ParseError::TooLarge {
                    bytes: size,
                    limit: MAX_FILE_BYTES,
                },
            ));
        }
        Ok(())
    }

    /// Read a file and queue its articles; nothing of a file with a problem is kept.
    /// Returns how many articles it holds, or "name: problem".
    pub fn add_file(&mut self, name: &str, bytes: &[u8]) -> Result<usize, String> {
        Intake::precheck(name, bytes.len())?;
        let list = parse::parse_file(name, bytes).map_err(|e| named(name, e))?;
        let hits: Vec<&str> = list
            .iter()
            .map(|a| a.id.as_str())
            .filter(|id| self.known.contains(*id))
            .collect();
        parse::check_new_ids(&hits, &list).map_err(|e| named(name, e))?;
        for a in &list {
            self.known.insert(a.id.clone());
        }
        let n = list.len();
        self.queue.extend(list);
        Ok(n)
    }

    /// Articles read and not extracted yet.
    pub fn pending(&self) -> usize {
        self.queue.len()
    }

    /// Extract the next few articles: a JSON array of records, "" when none is left.
    pub fn next_batch(&mut self) -> String {
        let mut out = Vec::new();
        let mut bytes = 0;
        while out.len() < BATCH_ARTICLES && bytes < BATCH_BYTES {
            let Some(a) = self.queue.pop_front() else {
                break;
            };
            bytes += a.text.len();
            let x = crate::core::extract(&a);
            out.push(Record { a, x });
        }
        if out.is_empty() {
            return String::new();
        }
        serde_json::to_string(&out).unwrap_or_default()
    }
}

/// A pasted article as a JSON object in the article format, so it is checked like a file
/// (the date, the language). Its id comes from its text: pasting the same text twice is a duplicate.
pub fn pasted_json(title: &str, published: &str, source: &str, lang: &str, text: &str) -> String {
    let id = format!(
        "pasted-{:08x}",
        crate::core::export::fnv1a64(text.trim().as_bytes()) as u32
    );
    let mut o = format!("{{\"id\":{}", json::string(&id));
    for (k, v) in [
        ("title", title),
        ("published", published),
        ("source", source),
        ("lang", lang),
        ("text", text),
    ] {
        if !v.trim().is_empty() || k == "text" {
            o.push_str(&format!(",\"{k}\":{}", json::string(v)));
        }
    }
    o.push('}');
    o
}

/// Read the records of a batch (or of the store).
/// (Read like shards, without derived `Deserialize` code in the page.)
pub fn read_records(json: &str) -> Vec<Record> {
    crate::core::shard::load_records(json)
        .map(|v| v.into_iter().map(|(a, x)| Record { a, x }).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_bad_file_is_named_with_its_problem() {
        let big = vec![b'a'; MAX_FILE_BYTES + 1];
        let cases: &[(&str, &[u8], &str)] = &[
            ("dir/a.txt", b"", "a.txt: the file is empty"),
            ("b.txt", b"ab\0cd", "b.txt: the file is binary, not text"),
            ("c.md", b"ab\xffcd", "c.md: invalid UTF-8 at byte 2"),
            (
                "d.json",
                b"{\n \"text\": 1,",
                "d.json: broken JSON at line 2",
            ),
            (
                "e.jsonl",
                b"{\"title\":\"t\"}\n",
                "e.jsonl: line 1: `text` is missing",
            ),
            ("f.pdf", b"%PDF", "f.pdf: unsupported file type `.pdf`"),
            ("g.txt", &big, "g.txt: the file is too large (5.0 MB"),
        ];
        for (name, bytes, want) in cases {
            let mut i = Intake::new([]);
            let e = i.add_file(name, bytes).unwrap_err();
            assert!(e.starts_with(want), "{name}: {e}");
            assert_eq!(i.pending(), 0, "{name}");
        }
    }

    #[test]
    fn precheck_refuses_by_name_and_size_only() {
        assert!(Intake::precheck("a.json", 10).is_ok());
        assert!(Intake::precheck("a.JSONL", MAX_FILE_BYTES).is_ok());
        assert!(Intake::precheck("a.docx", 10)
            .unwrap_err()
            .contains(".docx"));
        let e = Intake::precheck("x/big.txt", MAX_FILE_BYTES + 1).unwrap_err();
        assert!(
            e.starts_with("big.txt: the file is too large") && e.contains("5.0 MB"),
            "{e}"
        );
    }

    #[test]
    fn duplicate_ids_against_loaded_and_earlier_files() {
        let mut i = Intake::new(["seed-1".to_string()]);
        let e = i
            .add_file("a.json", br#"[{"id":"seed-1","text":"x"}]"#)
            .unwrap_err();
        assert_eq!(e, "a.json: already loaded: article id `seed-1`");
        assert_eq!(i.add_file("b.json", br#"{"id":"n1","text":"x"}"#), Ok(1));
        let e = i
            .add_file("c.json", br#"{"id":"n1","text":"y"}"#)
            .unwrap_err();
        assert_eq!(e, "c.json: already loaded: article id `n1`");
        let e = i
            .add_file(
                "d.jsonl",
                b"{\"id\":\"z\",\"text\":\"a\"}\n{\"id\":\"z\",\"text\":\"b\"}\n",
            )
            .unwrap_err();
        assert_eq!(e, "d.jsonl: article id used twice: `z`");
        assert_eq!(i.pending(), 1);
    }

    #[test]
    fn batches_are_small_and_read_back() {
        let mut lines = String::new();
        for n in 0..60 {
            lines.push_str(&format!(
                "{{\"id\":\"a{n}\",\"text\":\"Le ministre a rencontré Nick Clegg à Hanoï le 3 mai 2024.\",\"published\":\"2024-05-04\"}}\n"
            ));
        }
        let mut i = Intake::new([]);
        assert_eq!(i.add_file("many.jsonl", lines.as_bytes()), Ok(60));
        let mut seen = Vec::new();
        loop {
            let b = i.next_batch();
            if b.is_empty() {
                break;
            }
            let recs = read_records(&b);
            assert!(!recs.is_empty() && recs.len() <= BATCH_ARTICLES);
            for r in recs {
                assert_eq!(r.x, crate::core::extract(&r.a));
                seen.push(r.a.id);
            }
        }
        assert_eq!(seen.len(), 60);
        assert_eq!(seen[59], "a59");
        assert_eq!(i.pending(), 0);
    }

    #[test]
    fn pasted_text_is_checked_like_a_file() {
        let ok = pasted_json("T", "2024-09-30", "", "fr", "Bonjour.");
        let mut i = Intake::new([]);
        assert_eq!(i.add_file(PASTED, ok.as_bytes()), Ok(1));
        let r = read_records(&i.next_batch());
        assert_eq!(r[0].a.title.as_deref(), Some("T"));
        assert_eq!(r[0].a.source, None);
        assert!(r[0].a.id.starts_with("pasted-"));
        // The same text again is a duplicate; a bad date is named.
        assert!(i
            .add_file(PASTED, ok.as_bytes())
            .unwrap_err()
            .contains("already loaded"));
        let bad = pasted_json("", "30/09/2024", "", "", "Autre.");
        let e = i.add_file(PASTED, bad.as_bytes()).unwrap_err();
        assert!(
            e.starts_with("pasted text.json: `published` must be a date"),
            "{e}"
        );
        let empty = pasted_json("", "", "", "", "  ");
        assert!(i
            .add_file(PASTED, empty.as_bytes())
            .unwrap_err()
            .contains("`text` is empty"));
    }
}
