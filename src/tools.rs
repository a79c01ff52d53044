//! The tools module: a second wasm, built by Trunk as a worker (`dossier-tools`), that
//! src/app/worker.js loads on the first export, to write the export of what the page shows off the
//! main thread. The page's own wasm carries none of the writers (first-load budget).

#[cfg(target_arch = "wasm32")]
mod wasm {
    use dossier::core::export::{self, Kind};
    use dossier::core::model::{Article, Extraction};
    use dossier::core::{parse, timeline};
    use wasm_bindgen::prelude::wasm_bindgen;

    /// Write the export `kind` of what the page shows: `order` holds the ids of all the page's
    /// articles in its order (NUL-separated), `shown` and `entries` the indexes of the articles and
    /// timeline entries that pass its filter (`1,5,9`). The articles are the bundled ones, parsed
    /// and extracted again as the page does (extraction is a pure function of the article).
    /// Answers "name\0type\0contents", or "\0\0problem" when the page's articles cannot all be
    /// found again.
    #[wasm_bindgen]
    pub fn export_file(kind: &str, order: &str, shown: &str, entries: &str) -> String {
        let Some(kind) = Kind::from_code(kind) else {
            return format!("\0\0unknown export `{kind}`");
        };
        let order: Vec<&str> = order.split('\0').filter(|s| !s.is_empty()).collect();
        match export::arrange(&order, vec![bundled()]) {
            Ok((articles, xs)) => {
                let tl = timeline::build(&xs);
                let text = export::render(
                    kind,
                    &articles,
                    &xs,
                    &tl,
                    &export::parse_indexes(shown),
                    &export::parse_indexes(entries),
                );
                let (name, mime) = kind.file();
                format!("{name}\0{mime}\0{text}")
            }
            Err(why) => format!("\0\0{why}"),
        }
    }

    thread_local! {
        /// The bundled articles with their extraction, made on the first export and kept for the
        /// next ones (the worker lives as long as the page).
        static BUNDLED: std::cell::OnceCell<Vec<(Article, Extraction)>> =
            const { std::cell::OnceCell::new() };
    }

    /// The articles bundled into this build, parsed and extracted as the page does (once).
    fn bundled() -> Vec<(Article, Extraction)> {
        BUNDLED.with(|b| b.get_or_init(extract_bundled).clone())
    }

    fn extract_bundled() -> Vec<(Article, Extraction)> {
        let mut articles: Vec<Article> = Vec::new();
        for (name, bytes) in dossier::bundled::BUNDLED_FILES {
            for a in parse::parse_file(name, bytes).unwrap_or_default() {
                if !articles.iter().any(|b| b.id == a.id) {
                    articles.push(a);
                }
            }
        }
        let xs = dossier::core::extract_all(&articles);
        articles.into_iter().zip(xs).collect()
    }
}

fn main() {}
