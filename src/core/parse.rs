//! Reads articles from the bytes of a file (JSON object or array, JSON Lines, plain text) with precise errors.

use crate::core::calendar::DateValue;
use crate::core::model::Article;
use serde_json::Value;
use std::fmt;

/// The largest file the page reads (5 MiB). Larger files are refused with `ParseError::TooLarge`.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;

/// The file types `parse_file` reads, for messages and file pickers.
pub const SUPPORTED_EXTENSIONS: &[&str] = &["json", "jsonl", "ndjson", "txt", "md", "html", "htm"];

/// Why a file could not be read as articles. `Display` names the problem; the caller adds the file name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    Empty,
    Binary,
    InvalidUtf8 {
        byte: usize,
    },
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    NotAnArticle {
        record: Option<usize>,
        line: Option<usize>,
        message: String,
    },
    UnsupportedExtension {
        extension: String,
    },
    TooLarge {
        bytes: usize,
        limit: usize,
    },
}

/// A size in bytes for people: `812 bytes`, `14.2 KB`, `6.3 MB` (integer arithmetic: no float
/// formatting code in the wasm).
pub fn human_size(bytes: usize) -> String {
    const KB: usize = 1024;
    let tenths = |unit: usize| {
        let t = (bytes as u128 * 10 + unit as u128 / 2) / unit as u128;
        format!("{}.{}", t / 10, t % 10)
    };
    if bytes < KB {
        format!("{bytes} bytes")
    } else if bytes < KB * KB {
        format!("{} KB", tenths(KB))
    } else {
        format!("{} MB", tenths(KB * KB))
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::Empty => write!(f, "the file is empty"),
            ParseError::Binary => write!(f, "the file is binary, not text"),
            ParseError::InvalidUtf8 { byte } => write!(f, "invalid UTF-8 at byte {byte}"),
            ParseError::Json {
                line,
                column,
                message,
            } => {
                write!(f, "broken JSON at line {line}, column {column}: {message}")
            }
            ParseError::NotAnArticle {
                record,
                line,
                message,
            } => {
                match (record, line) {
                    (_, Some(l)) => write!(f, "line {l}: ")?,
                    (Some(r), None) => write!(f, "record {r}: ")?,
                    (None, None) => {}
                }
                write!(f, "{message}")
            }
            ParseError::UnsupportedExtension { extension } => {
                write!(
                    f,
                    "unsupported file type `.{extension}` (use .json, .jsonl, .txt, .md, .html or .htm)"
                )
            }
            ParseError::TooLarge { bytes, limit } => write!(
                f,
                "the file is too large ({}; the limit is {}): split it into smaller files",
                human_size(*bytes),
                human_size(*limit)
            ),
        }
    }
}

/// The file name without folders and without its last extension ("corpus/004.json" → "004").
pub fn file_stem(name: &str) -> &str {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match base.rfind('.') {
        Some(i) if i > 0 => &base[..i],
        _ => base,
    }
}

/// The lowercase extension of a file name, "" when it has none.
pub fn extension(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match base.rfind('.') {
        Some(i) if i > 0 => base[i + 1..].to_ascii_lowercase(),
        _ => String::new(),
    }
}

/// Read the articles in a file called `name` (its extension picks the format) from its raw bytes.
/// Files over `MAX_FILE_BYTES` are refused.
pub fn parse_file(name: &str, bytes: &[u8]) -> Result<Vec<Article>, ParseError> {
    parse_file_with_limit(name, bytes, MAX_FILE_BYTES)
}

/// `parse_file` with another size limit (the native command line reads files of any size).
pub fn parse_file_with_limit(
    name: &str,
    bytes: &[u8],
    limit: usize,
) -> Result<Vec<Article>, ParseError> {
    if bytes.len() > limit {
        return Err(ParseError::TooLarge {
            bytes: bytes.len(),
            limit,
        });
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ParseError::Empty);
    }
    if bytes.contains(&0) {
        return Err(ParseError::Binary);
    }
    let legacy;
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            // A web page may declare a Western single-byte charset instead of UTF-8.
            let decoded = matches!(extension(name).as_str(), "html" | "htm")
                .then(|| crate::core::html::decode_legacy(bytes))
                .flatten();
            match decoded {
                Some(d) => {
                    legacy = d;
                    legacy.as_str()
                }
                None => {
                    return Err(ParseError::InvalidUtf8 {
                        byte: e.valid_up_to(),
                    })
                }
            }
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let stem = file_stem(name);
    match extension(name).as_str() {
        "json" => parse_json(stem, text),
        "jsonl" | "ndjson" => parse_json_lines(stem, text),
        "txt" | "md" | "" => Ok(vec![plain_article(stem, text)]),
        "html" | "htm" => crate::core::html::parse_page(text)
            .into_article(stem)
            .map(|a| vec![a])
            .ok_or_else(|| ParseError::NotAnArticle {
                record: None,
                line: None,
                message: "the page has no body text".into(),
            }),
        other => Err(ParseError::UnsupportedExtension {
            extension: other.to_string(),
        }),
    }
}

/// A plain-text article: the whole text, id from the file name, nothing else known.
pub fn plain_article(id: &str, text: &str) -> Article {
    Article {
        id: id.to_string(),
        text: text.to_string(),
        ..Article::default()
    }
}

/// A JSON document holding one article object or an array of them.
pub fn parse_json(stem: &str, text: &str) -> Result<Vec<Article>, ParseError> {
    let value: Value = serde_json::from_str(text).map_err(|e| ParseError::Json {
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    })?;
    match value {
        Value::Array(items) => {
            if items.is_empty() {
                return Err(ParseError::NotAnArticle {
                    record: None,
                    line: None,
                    message: "the array holds no article".into(),
                });
            }
            items
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    article_from_value(v, &format!("{stem}-{}", i + 1)).map_err(|message| {
                        ParseError::NotAnArticle {
                            record: Some(i + 1),
                            line: None,
                            message,
                        }
                    })
                })
                .collect()
        }
        v => article_from_value(&v, stem)
            .map(|a| vec![a])
            .map_err(|message| ParseError::NotAnArticle {
                record: None,
                line: None,
                message,
            }),
    }
}

/// JSON Lines: one article object a line; blank lines are skipped.
pub fn parse_json_lines(stem: &str, text: &str) -> Result<Vec<Article>, ParseError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(line).map_err(|e| ParseError::Json {
            line: i + 1,
            column: e.column(),
            message: strip_position(&e.to_string()),
        })?;
        let a =
            article_from_value(&v, &format!("{stem}-{}", out.len() + 1)).map_err(|message| {
                ParseError::NotAnArticle {
                    record: None,
                    line: Some(i + 1),
                    message,
                }
            })?;
        out.push(a);
    }
    if out.is_empty() {
        return Err(ParseError::Empty);
    }
    Ok(out)
}

fn strip_position(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

fn optional_string(
    obj: &serde_json::Map<String, Value>,
    key: &str,
) -> Result<Option<String>, String> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.trim().to_string())),
        // A whole-number id is taken as its digits (no float formatting is linked for this).
        Some(Value::Number(n)) if key == "id" => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Ok(Some(u.to_string())),
            (_, Some(i)) => Ok(Some(i.to_string())),
            _ => Err("`id` must be a string or a whole number".to_string()),
        },
        Some(_) => Err(format!("`{key}` must be a string")),
    }
}

/// Check one JSON value against the article format; the error names the field that is wrong.
pub fn article_from_value(v: &Value, default_id: &str) -> Result<Article, String> {
    let obj = v
        .as_object()
        .ok_or_else(|| "an article must be a JSON object".to_string())?;
    let text = match obj.get("text") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
        Some(Value::String(_)) => return Err("`text` is empty".into()),
        Some(_) => return Err("`text` must be a string".into()),
        None => return Err("`text` is missing".into()),
    };
    let published = optional_string(obj, "published")?;
    if let Some(p) = &published {
        match DateValue::parse_iso(p) {
            Some(DateValue::Day { .. }) => {}
            _ => return Err(format!("`published` must be a date YYYY-MM-DD, not `{p}`")),
        }
    }
    let lang = optional_string(obj, "lang")?.map(|l| l.to_ascii_lowercase());
    if let Some(l) = &lang {
        if !(2..=3).contains(&l.len()) || !l.bytes().all(|b| b.is_ascii_lowercase()) {
            return Err(format!(
                "`lang` must be an ISO 639-1 code like `fr`, not `{l}`"
            ));
        }
    }
    Ok(Article {
        id: optional_string(obj, "id")?.unwrap_or_else(|| default_id.to_string()),
        text,
        title: optional_string(obj, "title")?,
        lang,
        published,
        source: optional_string(obj, "source")?,
        url: optional_string(obj, "url")?,
    })
}

/// Refuse articles whose ids are already loaded or repeat among themselves. The message lists
/// up to five of them, so the page can show it as it is.
pub fn check_new_ids(existing: &[&str], new: &[Article]) -> Result<(), String> {
    let old: std::collections::HashSet<&str> = existing.iter().copied().collect();
    let mut seen = std::collections::HashSet::new();
    let mut clashes: Vec<&str> = Vec::new();
    let mut repeats: Vec<&str> = Vec::new();
    for a in new {
        let id = a.id.as_str();
        if old.contains(id) {
            if !clashes.contains(&id) {
                clashes.push(id);
            }
        } else if !seen.insert(id) && !repeats.contains(&id) {
            repeats.push(id);
        }
    }
    let list = |ids: &[&str]| {
        let mut s = ids
            .iter()
            .take(5)
            .map(|i| format!("`{i}`"))
            .collect::<Vec<_>>()
            .join(", ");
        if ids.len() > 5 {
            s.push_str(&format!(" and {} more", ids.len() - 5));
        }
        s
    };
    match (clashes.is_empty(), repeats.is_empty()) {
        (true, true) => Ok(()),
        (false, true) => Err(format!("already loaded: article id {}", list(&clashes))),
        (true, false) => Err(format!("article id used twice: {}", list(&repeats))),
        (false, false) => Err(format!(
            "already loaded: article id {}; used twice: {}",
            list(&clashes),
            list(&repeats)
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_json_names_line_and_column() {
        let e = parse_file("a.json", b"{\n  \"text\": \"x\",\n  oops\n}").unwrap_err();
        assert!(matches!(e, ParseError::Json { line: 3, .. }), "{e:?}");
        assert!(
            e.to_string().starts_with("broken JSON at line 3, column"),
            "{e}"
        );
    }

    #[test]
    fn record_without_text_is_named() {
        let e = parse_file("a.jsonl", b"{\"text\":\"ok\"}\n{\"title\":\"no text\"}\n").unwrap_err();
        assert_eq!(e.to_string(), "line 2: `text` is missing");
    }

    #[test]
    fn ids_default_to_stem_and_index() {
        let a = parse_file("dir/clips.json", br#"[{"text":"a"},{"text":"b","id":"x"}]"#).unwrap();
        assert_eq!(
            a.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(),
            ["clips-1", "x"]
        );
        let t = parse_file("dir/note.txt", "Hà Nội".as_bytes()).unwrap();
        assert_eq!(t[0].id, "note");
    }

    #[test]
    fn bad_bytes_are_refused() {
        assert_eq!(parse_file("a.txt", b"  \n").unwrap_err(), ParseError::Empty);
        assert_eq!(
            parse_file("a.txt", b"ab\0cd").unwrap_err(),
            ParseError::Binary
        );
        assert_eq!(
            parse_file("a.txt", b"ab\xffcd").unwrap_err(),
            ParseError::InvalidUtf8 { byte: 2 }
        );
        assert!(matches!(
            parse_file("a.pdf", b"x").unwrap_err(),
            ParseError::UnsupportedExtension { .. }
        ));
        assert!(
            parse_file("a.json", br#"{"text":"x","published":"30/09/2024"}"#)
                .unwrap_err()
                .to_string()
                .contains("published")
        );
    }
}
