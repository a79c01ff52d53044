//! Lexicons kept as data files (`data/lexicon/*.tsv`), compiled in and parsed once on first use.
