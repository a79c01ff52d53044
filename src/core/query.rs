//! The page's URL query ⇄ `Filter`: links restore the same view (`?company=Meta&lang=fr,vi&q=ha+noi`).

use crate::core::filter::Filter;

/// Read the filter from a URL query string (`?company=Meta&company=Nvidia` or `?company=Meta,Nvidia`).
pub fn from_query(query: &str) -> Filter {
    let mut f = Filter::default();
    for pair in query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
    {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = decode(value);
        let many = || {
            value
                .split(',')
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(String::from)
                .collect::<Vec<_>>()
        };
        match key {
            "company" => f.companies.extend(many()),
            "person" => f.persons.extend(many()),
            "place" => f.places.extend(many()),
            "topic" => f.topics.extend(many()),
            "lang" => f.langs.extend(many()),
            "from" if !value.is_empty() => f.from = Some(value),
            "to" if !value.is_empty() => f.to = Some(value),
            "q" => f.q = value,
            _ => {}
        }
    }
    f
}

/// Write the filter as a URL query string ("" when nothing is filtered).
pub fn to_query(f: &Filter) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut add = |key: &str, values: &[String]| {
        for v in values {
            parts.push(format!("{key}={}", encode(v)));
        }
    };
    add("company", &f.companies);
    add("person", &f.persons);
    add("place", &f.places);
    add("topic", &f.topics);
    add("lang", &f.langs);
    if let Some(v) = &f.from {
        parts.push(format!("from={}", encode(v)));
    }
    if let Some(v) = &f.to {
        parts.push(format!("to={}", encode(v)));
    }
    if !f.q.is_empty() {
        parts.push(format!("q={}", encode(&f.q)));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match u8::from_str_radix(
                    std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz"),
                    16,
                ) {
                    Ok(v) => {
                        out.push(v);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_round_trips() {
        let f = Filter {
            companies: vec!["Meta".into(), "Nvidia".into()],
            langs: vec!["fr".into()],
            from: Some("2023-01-01".into()),
            q: "Hà Nội & co".into(),
            ..Filter::default()
        };
        let q = to_query(&f);
        assert_eq!(from_query(&q), f);
        assert_eq!(
            from_query("?company=Meta,Nvidia&lang=fr&from=2023-01-01&q=H%C3%A0+N%E1%BB%99i+%26+co"),
            f
        );
    }

    #[test]
    fn broken_escapes_do_not_panic() {
        assert_eq!(from_query("?q=%E").q, "%E");
        assert_eq!(from_query("?q=%zz%").q, "%zz%");
        assert_eq!(to_query(&Filter::default()), "");
    }
}
