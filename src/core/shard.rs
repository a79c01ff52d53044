//! Precomputed corpus bundles: articles and their extractions cut into minified JSON shards plus an index, and their loaders.
//!
//! Layout written by `dossier bundle OUT_DIR DIR...` (every name relative to the index):
//! `corpus-index.json` (a `BundleIndex`) and `shard-0000.json`, `shard-0001.json`, … each a
//! `Shard` of at most `shard_size` articles with their extractions, in corpus order.
//!
//! How the page uses a bundle: copy OUT_DIR into the site (Trunk: `<link data-trunk rel="copy-dir"
//! href="bundle">`), fetch `bundle/corpus-index.json` by a RELATIVE URL (so it works under any
//! public URL, e.g. a GitHub Pages sub-path), read it with `load_index`, fetch every shard at
//! `shard_url(index_url, &info.file)`, read each with `load_shard_checked(info, bytes)`, append
//! them in index order and build `Corpus::from_parts(articles, extractions)`: no extraction runs
//! in the browser. When `core_version` differs from the page's own, the page may re-extract.

use crate::core::export::fnv1a64;
use crate::core::json::Json as Value;
use crate::core::model::{
    Article, Entity, EntityKind, Event, EventStatus, Extraction, SentenceTopics, Span,
};
use serde::{Deserialize, Serialize};

/// The format tag of bundles this code writes and reads.
pub const FORMAT: &str = "dossier-bundle/1";

/// The index file's name.
pub const INDEX_FILE: &str = "corpus-index.json";

/// Articles per shard when the caller does not say (about 1–2 MB of JSON for news articles).
pub const DEFAULT_SHARD_SIZE: usize = 250;

/// One shard as the index lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShardInfo {
    /// File name, relative to the index (`shard-0000.json`).
    pub file: String,
    pub articles: usize,
    pub bytes: usize,
    /// FNV-1a 64 of the shard file's bytes, 16 hex digits.
    pub hash: String,
}

/// `corpus-index.json`: what the bundle holds and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleIndex {
    pub format: String,
    /// Version of the crate that extracted (a page may re-extract when it differs from its own).
    pub core_version: String,
    pub articles: usize,
    pub events: usize,
    pub entities: usize,
    pub shard_size: usize,
    /// FNV-1a 64 over the shard hashes in order: changes whenever any article or extraction does.
    pub hash: String,
    pub shards: Vec<ShardInfo>,
}

/// One shard file: articles and their extractions, same order, same length.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shard {
    pub articles: Vec<Article>,
    pub extractions: Vec<Extraction>,
}

fn hex(h: u64) -> String {
    format!("{h:016x}")
}

/// The shard file name for shard number `i`.
pub fn shard_file(i: usize) -> String {
    format!("shard-{i:04}.json")
}

/// Where the page fetches a shard: the index's own URL with its file name replaced by the shard's
/// (`corpus/corpus-index.json?v=3` + `shard-0000.json` → `corpus/shard-0000.json`). Works for
/// relative and absolute URLs, so a bundle can sit in any folder under the page's public URL.
pub fn shard_url(index_url: &str, file: &str) -> String {
    let end = index_url.find(['?', '#']).unwrap_or(index_url.len());
    let base = &index_url[..end];
    match base.rfind('/') {
        Some(i) => format!("{}{file}", &base[..=i]),
        None => file.to_string(),
    }
}

/// Cut `articles` and their `extractions` into shards of at most `shard_size` articles:
/// the index and the (file name, minified JSON) of every shard. Pure; the caller writes the files.
pub fn make_bundle(
    articles: &[Article],
    extractions: &[Extraction],
    shard_size: usize,
) -> Result<(BundleIndex, Vec<(String, String)>), String> {
    if articles.len() != extractions.len() {
        return Err(format!(
            "{} articles but {} extractions",
            articles.len(),
            extractions.len()
        ));
    }
    if let Some((a, x)) = articles.iter().zip(extractions).find(|(a, x)| a.id != x.id) {
        return Err(format!(
            "article `{}` is paired with the extraction of `{}`",
            a.id, x.id
        ));
    }
    let size = shard_size.max(1);
    let mut files = Vec::new();
    let mut shards = Vec::new();
    let mut all = Vec::new();
    for (i, (a, x)) in articles
        .chunks(size)
        .zip(extractions.chunks(size))
        .enumerate()
    {
        let shard = Shard {
            articles: a.to_vec(),
            extractions: x.to_vec(),
        };
        let json = serde_json::to_string(&shard).map_err(|e| e.to_string())?;
        let h = fnv1a64(json.as_bytes());
        all.extend_from_slice(&h.to_le_bytes());
        shards.push(ShardInfo {
            file: shard_file(i),
            articles: a.len(),
            bytes: json.len(),
            hash: hex(h),
        });
        files.push((shard_file(i), json));
    }
    let index = BundleIndex {
        format: FORMAT.to_string(),
        core_version: env!("CARGO_PKG_VERSION").to_string(),
        articles: articles.len(),
        events: extractions.iter().map(|x| x.events.len()).sum(),
        entities: extractions.iter().map(|x| x.entities.len()).sum(),
        shard_size: size,
        hash: hex(fnv1a64(&all)),
        shards,
    };
    Ok((index, files))
}

/// The index as JSON (pretty, it is small).
pub fn index_json(index: &BundleIndex) -> String {
    serde_json::to_string_pretty(index).unwrap_or_default()
}

/// Read `corpus-index.json`; refuses other formats and shard names that leave the bundle's folder.
pub fn load_index(bytes: &[u8]) -> Result<BundleIndex, String> {
    let v = json_value(bytes).map_err(|e| format!("corpus index: {e}"))?;
    let index = index_of(&v).map_err(|e| format!("corpus index: {e}"))?;
    if index.format != FORMAT {
        return Err(format!(
            "corpus index: format `{}`, expected `{FORMAT}`",
            index.format
        ));
    }
    for s in &index.shards {
        let safe = !s.file.is_empty()
            && s.file
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
            && !s.file.starts_with('.');
        if !safe {
            return Err(format!("corpus index: bad shard name `{}`", s.file));
        }
    }
    let total: usize = index.shards.iter().map(|s| s.articles).sum();
    if total != index.articles {
        return Err(format!(
            "corpus index: shards hold {total} articles, the index says {}",
            index.articles
        ));
    }
    Ok(index)
}

/// Read one shard: its articles and extractions, checked to pair up one to one by id.
pub fn load_shard(bytes: &[u8]) -> Result<(Vec<Article>, Vec<Extraction>), String> {
    let v = json_value(bytes).map_err(|e| format!("shard: {e}"))?;
    let shard = shard_of(&v).map_err(|e| format!("shard: {e}"))?;
    if shard.articles.len() != shard.extractions.len() {
        return Err(format!(
            "shard: {} articles but {} extractions",
            shard.articles.len(),
            shard.extractions.len()
        ));
    }
    if let Some((a, _)) = shard
        .articles
        .iter()
        .zip(&shard.extractions)
        .find(|(a, x)| a.id != x.id)
    {
        return Err(format!("shard: article `{}` has no extraction", a.id));
    }
    Ok((shard.articles, shard.extractions))
}

/// `load_shard` after checking the bytes against what the index says about this shard.
pub fn load_shard_checked(
    info: &ShardInfo,
    bytes: &[u8],
) -> Result<(Vec<Article>, Vec<Extraction>), String> {
    let h = hex(fnv1a64(bytes));
    if h != info.hash {
        return Err(format!(
            "{}: content hash {h} differs from the index ({}); the bundle is stale or damaged",
            info.file, info.hash
        ));
    }
    let (a, x) = load_shard(bytes).map_err(|e| format!("{}: {e}", info.file))?;
    if a.len() != info.articles {
        return Err(format!(
            "{}: {} articles, the index says {}",
            info.file,
            a.len(),
            info.articles
        ));
    }
    Ok((a, x))
}

// ---------------------------------------------------------------- reading, through core::json
// Read with the core's small JSON reader (not serde_json, whose generic code would weigh on the
// page's wasm; not derived `Deserialize` code for every type). Same rules as the derived code:
// optional fields may be absent or null, unknown fields are ignored.

/// Records `[{"a": article, "x": extraction}, …]` (what the import worker hands the page and
/// stores), read by the same code as shards.
pub fn load_records(json: &str) -> Result<Vec<(Article, Extraction)>, String> {
    let v = json_value(json.as_bytes())?;
    let list = v.as_array().ok_or("records: not an array")?;
    list.iter()
        .map(|r| Ok((article_of(field(r, "a")?)?, extraction_of(field(r, "x")?)?)))
        .collect()
}

fn json_value(bytes: &[u8]) -> Result<Value, String> {
    let text = std::str::from_utf8(bytes).map_err(|e| format!("not UTF-8: {e}"))?;
    Value::parse(text)
}

fn field<'v>(v: &'v Value, k: &str) -> Result<&'v Value, String> {
    v.get(k).ok_or_else(|| format!("missing field `{k}`"))
}

fn string(v: &Value, k: &str) -> Result<String, String> {
    field(v, k)?
        .as_str()
        .map(String::from)
        .ok_or_else(|| format!("`{k}` must be a string"))
}

fn opt_string(v: &Value, k: &str) -> Result<Option<String>, String> {
    match v.get(k) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s.clone())),
        Some(_) => Err(format!("`{k}` must be a string")),
    }
}

fn number(v: &Value, k: &str) -> Result<usize, String> {
    field(v, k)?
        .whole()
        .map(|n| n as usize)
        .ok_or_else(|| format!("`{k}` must be a whole number"))
}

fn list<'v, T>(
    v: &'v Value,
    k: &str,
    each: impl Fn(&'v Value) -> Result<T, String>,
) -> Result<Vec<T>, String> {
    field(v, k)?
        .as_array()
        .ok_or_else(|| format!("`{k}` must be an array"))?
        .iter()
        .map(each)
        .collect()
}

fn text(v: &Value) -> Result<String, String> {
    v.as_str()
        .map(String::from)
        .ok_or_else(|| "expected a string".to_string())
}

fn span(v: &Value) -> Result<Span, String> {
    Ok(Span::new(number(v, "start")?, number(v, "end")?))
}

fn span_at(v: &Value, k: &str) -> Result<Span, String> {
    span(field(v, k)?)
}

fn article_of(v: &Value) -> Result<Article, String> {
    Ok(Article {
        id: string(v, "id")?,
        text: string(v, "text")?,
        title: opt_string(v, "title")?,
        lang: opt_string(v, "lang")?,
        published: opt_string(v, "published")?,
        source: opt_string(v, "source")?,
        url: opt_string(v, "url")?,
    })
}

fn entity_of(v: &Value) -> Result<Entity, String> {
    let kind = match string(v, "kind")?.as_str() {
        "person" => EntityKind::Person,
        "org" => EntityKind::Org,
        "place" => EntityKind::Place,
        other => return Err(format!("unknown entity kind `{other}`")),
    };
    Ok(Entity {
        kind,
        name: string(v, "name")?,
        class: opt_string(v, "class")?,
        place_type: opt_string(v, "type")?,
        aliases: list(v, "aliases", text)?,
        role: opt_string(v, "role")?,
        affiliation: opt_string(v, "affiliation")?,
        mentions: list(v, "mentions", span)?,
    })
}

fn event_of(v: &Value) -> Result<Event, String> {
    let status = match string(v, "status")?.as_str() {
        "happened" => EventStatus::Happened,
        "planned" => EventStatus::Planned,
        other => return Err(format!("unknown event status `{other}`")),
    };
    Ok(Event {
        kind: string(v, "kind")?,
        status,
        date: opt_string(v, "date")?,
        place: opt_string(v, "place")?,
        participants: list(v, "participants", text)?,
        evidence: span_at(v, "evidence")?,
    })
}

fn extraction_of(v: &Value) -> Result<Extraction, String> {
    let sentence_topics = match v.get("sentence_topics") {
        None | Some(Value::Null) => Vec::new(),
        Some(_) => list(v, "sentence_topics", |s| {
            Ok(SentenceTopics {
                span: span_at(s, "span")?,
                topics: list(s, "topics", text)?,
            })
        })?,
    };
    Ok(Extraction {
        id: string(v, "id")?,
        lang: string(v, "lang")?,
        published: opt_string(v, "published")?,
        entities: list(v, "entities", entity_of)?,
        events: list(v, "events", event_of)?,
        topics: list(v, "topics", text)?,
        sentence_topics,
    })
}

fn shard_of(v: &Value) -> Result<Shard, String> {
    let articles = list(v, "articles", article_of).map_err(|e| format!("articles: {e}"))?;
    let extractions =
        list(v, "extractions", extraction_of).map_err(|e| format!("extractions: {e}"))?;
    Ok(Shard {
        articles,
        extractions,
    })
}

fn index_of(v: &Value) -> Result<BundleIndex, String> {
    Ok(BundleIndex {
        format: string(v, "format")?,
        core_version: string(v, "core_version")?,
        articles: number(v, "articles")?,
        events: number(v, "events")?,
        entities: number(v, "entities")?,
        shard_size: number(v, "shard_size")?,
        hash: string(v, "hash")?,
        shards: list(v, "shards", |s| {
            Ok(ShardInfo {
                file: string(s, "file")?,
                articles: number(s, "articles")?,
                bytes: number(s, "bytes")?,
                hash: string(s, "hash")?,
            })
        })?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str) -> Article {
        Article {
            id: id.into(),
            text: format!("Text of {id}."),
            ..Article::default()
        }
    }

    fn extraction(id: &str) -> Extraction {
        Extraction {
            id: id.into(),
            lang: "en".into(),
            published: None,
            entities: vec![],
            events: vec![],
            topics: vec![],
            sentence_topics: vec![],
        }
    }

    #[test]
    fn shard_counts_by_size() {
        let ids: Vec<String> = (0..7).map(|i| format!("a{i}")).collect();
        let arts: Vec<Article> = ids.iter().map(|i| article(i)).collect();
        let xs: Vec<Extraction> = ids.iter().map(|i| extraction(i)).collect();
        for (size, want) in [
            (1, vec![1; 7]),
            (3, vec![3, 3, 1]),
            (7, vec![7]),
            (100, vec![7]),
        ] {
            let (index, files) = make_bundle(&arts, &xs, size).unwrap();
            let got: Vec<usize> = index.shards.iter().map(|s| s.articles).collect();
            assert_eq!(got, want, "size {size}");
            assert_eq!(files.len(), want.len());
            assert_eq!(
                load_index(index_json(&index).as_bytes()).unwrap(),
                index,
                "size {size}"
            );
        }
    }

    #[test]
    fn mismatches_are_refused() {
        let arts = vec![article("a"), article("b")];
        assert!(make_bundle(&arts, &[extraction("a")], 5).is_err());
        assert!(make_bundle(&arts, &[extraction("a"), extraction("c")], 5).is_err());
        let bad = r#"{"articles":[{"id":"a","text":"x"}],"extractions":[]}"#;
        assert!(load_shard(bad.as_bytes()).is_err());
        assert!(load_shard(b"not json").is_err());
    }

    #[test]
    fn shard_urls_are_relative_to_the_index() {
        let cases = [
            ("corpus/corpus-index.json", "corpus/shard-0000.json"),
            ("./corpus-index.json", "./shard-0000.json"),
            ("corpus-index.json", "shard-0000.json"),
            (
                "https://x.example/dossier/data/corpus-index.json?v=2#top",
                "https://x.example/dossier/data/shard-0000.json",
            ),
            ("/dossier/corpus/", "/dossier/corpus/shard-0000.json"),
        ];
        for (index, want) in cases {
            assert_eq!(shard_url(index, &shard_file(0)), want, "{index}");
        }
    }

    #[test]
    fn value_reader_equals_derived_deserialize() {
        let text = "Meta gặp Hà Nội.";
        let mut a = article("x");
        a.text = text.into();
        a.title = Some("T".into());
        a.published = Some("2024-09-30".into());
        let mut x = extraction("x");
        x.published = Some("2024-09".into());
        x.topics = vec!["ai".into()];
        x.entities = vec![Entity {
            kind: EntityKind::Org,
            name: "Meta".into(),
            class: Some("company".into()),
            place_type: None,
            aliases: vec!["Facebook".into()],
            role: None,
            affiliation: None,
            mentions: vec![Span::new(0, 4)],
        }];
        x.events = vec![Event {
            kind: "meeting".into(),
            status: EventStatus::Planned,
            date: None,
            place: Some("Hanoi".into()),
            participants: vec!["Meta".into()],
            evidence: Span::new(0, 17),
        }];
        x.sentence_topics = vec![SentenceTopics {
            span: Span::new(0, 17),
            topics: vec!["ai".into()],
        }];
        let (index, files) = make_bundle(&[a.clone()], &[x.clone()], 5).unwrap();
        let derived: Shard = serde_json::from_str(&files[0].1).unwrap();
        assert_eq!(derived.articles, [a.clone()]);
        let (arts, xs) = load_shard_checked(&index.shards[0], files[0].1.as_bytes()).unwrap();
        assert_eq!((arts, xs), (vec![a], vec![x]));
        let derived_index: BundleIndex = serde_json::from_str(&index_json(&index)).unwrap();
        assert_eq!(
            load_index(index_json(&index).as_bytes()).unwrap(),
            derived_index
        );
        for bad in [
            r#"{"articles":[{"id":"a"}],"extractions":[]}"#,
            r#"{"articles":[],"extractions":[{"id":"a","lang":"en","entities":[{"kind":"thing"}],"events":[],"topics":[]}]}"#,
            r#"{"articles":[{"id":"a","text":"t","title":7}],"extractions":[]}"#,
        ] {
            assert!(load_shard(bad.as_bytes()).is_err(), "{bad}");
        }
    }

    #[test]
    fn index_refuses_escaping_names() {
        let (mut index, _) = make_bundle(&[article("a")], &[extraction("a")], 5).unwrap();
        for name in ["../secret.json", "/etc/passwd", "a/b.json", ".hidden", ""] {
            index.shards[0].file = name.into();
            assert!(load_index(index_json(&index).as_bytes()).is_err(), "{name}");
        }
    }
}
