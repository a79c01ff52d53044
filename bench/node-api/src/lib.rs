//! Node.js entry point for benchmarks: `extract_json(article_json)` runs the Dossier core on one article and returns its extraction as JSON.

use wasm_bindgen::prelude::*;

/// One article (a JSON object: `id`, `text`, optional `lang`, `published`...) in, its extraction
/// (the `Extraction` JSON of the output contract) out; a parse error comes back as `{"error": "..."}`.
#[wasm_bindgen]
pub fn extract_json(article_json: &str) -> String {
    match dossier::core::parse::parse_json("article", article_json) {
        Ok(articles) => {
            let out: Vec<_> = articles.iter().map(dossier::core::extract).collect();
            let one = if out.len() == 1 {
                serde_json::to_string(&out[0])
            } else {
                serde_json::to_string(&out)
            };
            one.unwrap_or_else(|e| error(&e.to_string()))
        }
        Err(e) => error(&e.to_string()),
    }
}

fn error(message: &str) -> String {
    serde_json::json!({ "error": message }).to_string()
}
