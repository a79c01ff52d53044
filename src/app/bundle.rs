//! Precomputed corpora: the page looks for `bundle/corpus-index.json` next to itself and, when it is
//! there, loads its shards (checked against the index) as the corpus instead of the bundled seeds.
//!
//! The URL is relative, so a bundle works under any public URL (`/dossier/bundle/...` on GitHub
//! Pages). No bundle (404, or a server answering with an HTML page) leaves the seeds in place; a
//! broken index or shard is reported by file name, and the shards that did load are kept.

use crate::core::corpus::Corpus;
use crate::core::model::{Article, Extraction};
use crate::core::shard::{load_index, load_shard_checked, shard_url, INDEX_FILE};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Where the page looks for a bundle, relative to the page's own URL.
pub const BUNDLE_DIR: &str = "bundle/";

/// What the bundle gave: a corpus (None: no usable bundle, keep the seeds) and the problems met.
pub struct FromBundle {
    pub corpus: Option<Corpus>,
    pub problems: Vec<(String, String)>,
}

enum Got {
    Bytes(Vec<u8>),
    Missing,
    Failed(String),
}

async fn fetch_bytes(url: &str) -> Got {
    let Some(w) = web_sys::window() else {
        return Got::Missing;
    };
    let Ok(resp) = JsFuture::from(w.fetch_with_str(url)).await else {
        return Got::Failed("network error".into());
    };
    let Ok(resp) = resp.dyn_into::<web_sys::Response>() else {
        return Got::Failed("not a response".into());
    };
    if resp.status() == 404 {
        return Got::Missing;
    }
    if !resp.ok() {
        return Got::Failed(format!("HTTP status {}", resp.status()));
    }
    match resp.array_buffer() {
        Ok(p) => match JsFuture::from(p).await {
            Ok(buf) => Got::Bytes(js_sys::Uint8Array::new(&buf).to_vec()),
            Err(_) => Got::Failed("the download broke off".into()),
        },
        Err(_) => Got::Failed("unreadable response".into()),
    }
}

/// Load the bundle next to the page, if any. `progress(articles loaded, articles in the index)`
/// is called once the index is read and after every shard.
pub async fn load(progress: impl Fn(usize, usize)) -> FromBundle {
    let index_url = format!("{BUNDLE_DIR}{INDEX_FILE}");
    let mut problems = Vec::new();
    let bytes = match fetch_bytes(&index_url).await {
        Got::Bytes(b) => b,
        Got::Missing => {
            return FromBundle {
                corpus: None,
                problems,
            }
        }
        Got::Failed(why) => {
            problems.push((index_url, why));
            return FromBundle {
                corpus: None,
                problems,
            };
        }
    };
    // A server that answers every path with the page itself: there is no bundle.
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<') {
        return FromBundle {
            corpus: None,
            problems,
        };
    }
    let index = match load_index(&bytes) {
        Ok(i) => i,
        Err(why) => {
            problems.push((index_url, why));
            return FromBundle {
                corpus: None,
                problems,
            };
        }
    };
    let mut articles: Vec<Article> = Vec::with_capacity(index.articles);
    let mut extractions: Vec<Extraction> = Vec::with_capacity(index.articles);
    progress(0, index.articles);
    for info in &index.shards {
        let url = shard_url(&index_url, &info.file);
        let got = match fetch_bytes(&url).await {
            Got::Bytes(b) => load_shard_checked(info, &b),
            Got::Missing => Err("missing (404)".into()),
            Got::Failed(why) => Err(why),
        };
        match got {
            Ok((a, x)) => {
                articles.extend(a);
                extractions.extend(x);
            }
            Err(why) => problems.push((url, why)),
        }
        progress(articles.len(), index.articles);
    }
    FromBundle {
        corpus: (!articles.is_empty()).then(|| Corpus::from_parts(articles, extractions)),
        problems,
    }
}

/// "Loading the corpus" in the interface language `code`.
pub fn loading_label(code: &str) -> &'static str {
    match code {
        "fr" => "Chargement du corpus",
        "id" => "Memuat korpus",
        "vi" => "Đang tải kho bài báo",
        _ => "Loading the corpus",
    }
}
