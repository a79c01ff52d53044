//! Page state: the corpus the page loaded (bundled files run through the core) and the URL-backed filter.

use crate::core::corpus::Corpus;
use crate::core::model::Article;
use crate::core::parse;

/// The bundled corpus after parsing and extraction, with any file that could not be read.
pub struct Loaded {
    pub corpus: Corpus,
    /// (file name, problem) for each bundled file the parser refused.
    pub problems: Vec<(String, String)>,
}

/// Parse and extract every file bundled into this build.
pub fn load_bundled() -> Loaded {
    load_files(crate::bundled::BUNDLED_FILES)
}

/// Parse and extract `files` ((name, bytes) pairs); bad files are reported, good ones kept.
pub fn load_files(files: &[(&str, &[u8])]) -> Loaded {
    let mut articles: Vec<Article> = Vec::new();
    let mut problems = Vec::new();
    for (name, bytes) in files {
        match parse::parse_file(name, bytes) {
            Ok(list) => {
                for a in list {
                    if articles.iter().any(|b| b.id == a.id) {
                        problems
                            .push((name.to_string(), format!("duplicate article id `{}`", a.id)));
                    } else {
                        articles.push(a);
                    }
                }
            }
            Err(e) => problems.push((name.to_string(), e.to_string())),
        }
    }
    Loaded {
        corpus: Corpus::new(articles),
        problems,
    }
}
