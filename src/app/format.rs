//! How the page writes dates, periods and participants for people, in the interface language.

use crate::app::i18n::{month, t, Lang, K};
use crate::core::timeline::Participant;

/// "2023-09-18" → "18 September 2023"; "2023-09" → "September 2023"; "2023"; None → "Date unknown".
pub fn human_date(l: Lang, iso: Option<&str>) -> String {
    let Some(iso) = iso else {
        return t(l, K::DateUnknown).to_string();
    };
    let parts: Vec<&str> = iso.split('-').collect();
    let m = |m: &str| m.parse::<usize>().ok().and_then(|m| month(l, m));
    match parts.as_slice() {
        [y, mm, d] => match (m(mm), d.parse::<u32>()) {
            (Some(mm), Ok(d)) => format!("{d} {mm} {y}"),
            _ => iso.to_string(),
        },
        [y, mm] => m(mm)
            .map(|mm| format!("{mm} {y}"))
            .unwrap_or_else(|| iso.to_string()),
        _ => iso.to_string(),
    }
}

/// "(Chairman, Nvidia)" for a participant with a role or affiliation, else "".
pub fn participant_extra(p: &Participant) -> String {
    let extra: Vec<&str> = p
        .role
        .as_deref()
        .into_iter()
        .chain(p.affiliation.as_deref())
        .collect();
    if extra.is_empty() {
        String::new()
    } else {
        format!(" ({})", extra.join(", "))
    }
}

/// "3 meetings", "1 meeting".
pub fn count_meetings(l: Lang, n: usize) -> String {
    format!(
        "{n} {}",
        t(l, if n == 1 { K::Meeting } else { K::Meetings })
    )
}
