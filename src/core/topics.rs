//! Topics of the taxonomy, per article and per sentence, from multilingual keyword lexicons.

use crate::core::model::SentenceTopics;
use crate::core::Doc;

/// The article's topics (taxonomy ids, sorted) and the topics each sentence carries.
pub fn classify(doc: &Doc) -> (Vec<String>, Vec<SentenceTopics>) {
    let _ = doc;
    (Vec::new(), Vec::new())
}
