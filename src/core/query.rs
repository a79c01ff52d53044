//! The page's URL query ⇄ page state (view, filter, article, scale): links restore the same view
//! (`?view=topics&company=Meta&lang=fr,vi&q=ha+noi`).

use crate::core::filter::Filter;
use crate::core::model::Span;
use crate::core::timeline::Scale;

/// The page's views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Timeline,
    Topics,
    Entities,
    Network,
    Article,
}

impl View {
    /// The views the page's navigation offers (the article reader is reached through links).
    pub const NAV: [View; 4] = [View::Timeline, View::Topics, View::Entities, View::Network];

    pub fn id(self) -> &'static str {
        match self {
            View::Timeline => "timeline",
            View::Topics => "topics",
            View::Entities => "entities",
            View::Network => "network",
            View::Article => "article",
        }
    }

    fn parse(s: &str) -> Option<View> {
        [View::Article]
            .into_iter()
            .chain(View::NAV)
            .find(|v| v.id() == s)
    }
}

/// Everything the URL holds: which view, the filter, the article read and the evidence marked in it,
/// the timeline scale, and the interface language when chosen.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PageState {
    pub view: View,
    pub filter: Filter,
    pub article: Option<String>,
    pub evidence: Option<Span>,
    pub scale: Scale,
    pub ui: Option<String>,
}

/// Read the page state from a URL query string; unknown keys and bad values are ignored.
pub fn state_from_query(query: &str) -> PageState {
    let mut s = PageState {
        filter: from_query(query),
        ..PageState::default()
    };
    for (key, value) in pairs(query) {
        match key {
            "view" => s.view = View::parse(&value).unwrap_or_default(),
            "article" if !value.is_empty() => s.article = Some(value),
            "ev" => {
                s.evidence = value
                    .split_once('-')
                    .and_then(|(a, b)| Some(Span::new(a.parse().ok()?, b.parse().ok()?)))
            }
            "scale" if value == "year" => s.scale = Scale::Year,
            "ui" if !value.is_empty() => s.ui = Some(value),
            _ => {}
        }
    }
    s
}

/// Write the page state as a URL query string ("" for the default page).
pub fn state_to_query(s: &PageState) -> String {
    let mut q = to_query(&s.filter);
    let mut add = |key: &str, value: &str| {
        q.push(if q.is_empty() { '?' } else { '&' });
        q.push_str(key);
        q.push('=');
        q.push_str(&encode(value));
    };
    if s.view != View::Timeline {
        add("view", s.view.id());
    }
    if let Some(a) = &s.article {
        add("article", a);
    }
    if let Some(e) = s.evidence {
        add("ev", &format!("{}-{}", e.start, e.end));
    }
    if s.scale == Scale::Year {
        add("scale", "year");
    }
    if let Some(ui) = &s.ui {
        add("ui", ui);
    }
    q
}

fn pairs(query: &str) -> impl Iterator<Item = (&str, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (key, decode(value))
        })
}

/// Read the filter from a URL query string (`?company=Meta&company=Nvidia` or `?company=Meta,Nvidia`).
pub fn from_query(query: &str) -> Filter {
    let mut f = Filter::default();
    for (key, value) in pairs(query) {
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
    fn page_state_round_trips() {
        let cases = [
            ("", PageState::default()),
            (
                "?company=Meta&view=article&article=004_b9&ev=10-42&scale=year&ui=vi",
                PageState {
                    view: View::Article,
                    filter: Filter {
                        companies: vec!["Meta".into()],
                        ..Filter::default()
                    },
                    article: Some("004_b9".into()),
                    evidence: Some(Span::new(10, 42)),
                    scale: Scale::Year,
                    ui: Some("vi".into()),
                },
            ),
            (
                "?topic=ai&view=topics",
                PageState {
                    view: View::Topics,
                    filter: Filter {
                        topics: vec!["ai".into()],
                        ..Filter::default()
                    },
                    ..PageState::default()
                },
            ),
        ];
        for (q, state) in cases {
            assert_eq!(state_from_query(q), state, "{q}");
            assert_eq!(state_to_query(&state), q);
        }
        // Bad values fall back to the defaults.
        let s = state_from_query("?view=nope&ev=3-x&scale=decade&article=");
        assert_eq!(s, PageState::default());
    }

    #[test]
    fn broken_escapes_do_not_panic() {
        assert_eq!(from_query("?q=%E").q, "%E");
        assert_eq!(from_query("?q=%zz%").q, "%zz%");
        assert_eq!(to_query(&Filter::default()), "");
    }
}
