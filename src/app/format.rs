//! How the page writes dates, periods and participants for people, in the interface language.

use crate::app::i18n::{month, t, Lang, K};
use crate::core::timeline::Participant;

/// "2023-09-18" → "18 September 2023"; "2023-09" → "September 2023"; "2023"; None → "Date unknown".
/// Written with `push_str`, not `format!`: the page writes a date for every card and article it
/// draws, and the formatting machinery was a third of drawing the article list.
pub fn human_date(l: Lang, iso: Option<&str>) -> String {
    let Some(iso) = iso else {
        return t(l, K::DateUnknown).to_string();
    };
    let parts: Vec<&str> = iso.split('-').collect();
    let m = |m: &str| m.parse::<usize>().ok().and_then(|m| month(l, m));
    let mut out = String::with_capacity(iso.len() + 12);
    match parts.as_slice() {
        [y, mm, d] => match (m(mm), d.parse::<u32>()) {
            (Some(mm), Ok(d)) => {
                push_u32(&mut out, d);
                out.push(' ');
                out.push_str(mm);
                out.push(' ');
                out.push_str(y);
            }
            _ => out.push_str(iso),
        },
        [y, mm] => match m(mm) {
            Some(mm) => {
                out.push_str(mm);
                out.push(' ');
                out.push_str(y);
            }
            None => out.push_str(iso),
        },
        _ => out.push_str(iso),
    }
    out
}

/// Append `n` in decimal (without the formatting machinery).
pub fn push_u32(out: &mut String, n: u32) {
    let mut digits = [0u8; 10];
    let mut i = digits.len();
    let mut n = n;
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[i..] {
        out.push(d as char);
    }
}

/// "(12)": a facet value's count.
pub fn paren_count(n: u32) -> String {
    let mut s = String::with_capacity(12);
    s.push('(');
    push_u32(&mut s, n);
    s.push(')');
    s
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
