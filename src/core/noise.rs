//! Recognises lines that are not body text: photo credits, related links, trailing source names, comment counters.

use crate::core::model::Span;

/// Spans of `text` (whole lines) that are not body text.
pub fn noise_lines(text: &str) -> Vec<Span> {
    let _ = text;
    Vec::new()
}
