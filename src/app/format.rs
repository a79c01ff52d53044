//! How the page writes dates, languages and participants for people.

use crate::core::timeline::Participant;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "2023-09-18" → "18 September 2023"; "2023-09" → "September 2023"; None → "Date unknown".
pub fn human_date(iso: Option<&str>) -> String {
    let Some(iso) = iso else {
        return "Date unknown".to_string();
    };
    let parts: Vec<&str> = iso.split('-').collect();
    let month = |m: &str| {
        m.parse::<usize>()
            .ok()
            .and_then(|m| MONTHS.get(m.wrapping_sub(1)))
            .copied()
    };
    match parts.as_slice() {
        [y, m, d] => match (month(m), d.parse::<u32>()) {
            (Some(m), Ok(d)) => format!("{d} {m} {y}"),
            _ => iso.to_string(),
        },
        [y, m] => month(m)
            .map(|m| format!("{m} {y}"))
            .unwrap_or_else(|| iso.to_string()),
        _ => iso.to_string(),
    }
}

/// The English name of a language code ("fr" → "French"), or the code itself.
pub fn language_name(code: &str) -> &str {
    match code {
        "en" => "English",
        "fr" => "French",
        "id" => "Indonesian",
        "vi" => "Vietnamese",
        "de" => "German",
        "es" => "Spanish",
        "it" => "Italian",
        "pt" => "Portuguese",
        other => other,
    }
}

/// "Jensen Huang (Chairman, Nvidia)", "Meta", "Pham Minh Chinh (Prime Minister, Vietnam)".
pub fn participant_label(p: &Participant) -> String {
    let extra: Vec<&str> = p
        .role
        .as_deref()
        .into_iter()
        .chain(p.affiliation.as_deref())
        .collect();
    if extra.is_empty() {
        p.name.clone()
    } else {
        format!("{} ({})", p.name, extra.join(", "))
    }
}
