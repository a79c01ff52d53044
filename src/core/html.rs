//! HTML import: a small tolerant tokenizer that turns one web page into one article (body text and metadata).
//!
//! What survives is plain text only: `<script>`, `<style>`, `<noscript>`, `<iframe>`, `<template>`,
//! `<svg>`, `<math>`, comments and page furniture (`<nav>`, `<aside>`, `<footer>`, `<form>`,
//! `<button>`, `<select>`) are dropped with their contents; block elements become line breaks;
//! character references are decoded. When the page has an `<article>` element with real text,
//! only the text of its `<article>` elements is kept. Metadata: `<title>` (or `og:title`) → title,
//! `<html lang>` → lang, `article:published_time` / `datePublished` / `<time datetime>` →
//! published (day dates only), `og:site_name` → source, canonical link (or `og:url`) → url.
//!
//! Never panics: the scanner only cuts the input at ASCII bytes (`<`, `>`, `&`, quotes, spaces),
//! which are always character boundaries.

use crate::core::calendar::DateValue;
use crate::core::model::Article;

/// Elements whose content is raw text up to their end tag, dropped whole.
const RAW_DROP: &[&str] = &[
    "script",
    "style",
    "noscript",
    "iframe",
    "xmp",
    "noembed",
    "noframes",
    "textarea",
    "plaintext",
];

/// Elements dropped with everything inside them (their inner tags are still parsed, so nesting holds).
const DROP: &[&str] = &[
    "template", "svg", "math", "button", "select", "object", "audio", "video", "canvas", "dialog",
    "map", "head",
];

/// Page furniture, dropped too, unless dropping it leaves no text at all (an unclosed `<nav>`).
const FURNITURE: &[&str] = &["nav", "aside", "footer"];

/// What may stand in `<head>`; anything else closes it (its end tag is optional).
const HEAD_CONTENT: &[&str] = &[
    "meta", "link", "title", "style", "script", "base", "noscript", "template",
];

/// Elements that never have an end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];

/// Elements that end a paragraph: a blank line before and after.
const PARAGRAPH: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "table",
    "ul",
    "ol",
    "dl",
    "figure",
    "section",
    "article",
    "main",
    "header",
    "address",
    "hr",
];

/// Elements that end a line.
const LINE: &[&str] = &[
    "br",
    "div",
    "li",
    "tr",
    "dt",
    "dd",
    "figcaption",
    "caption",
    "body",
    "center",
    "details",
    "summary",
    "legend",
    "fieldset",
];

/// Elements separated from their neighbours by a space (table cells).
const CELL: &[&str] = &["td", "th"];

/// A page turned into plain text plus the metadata found in it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    pub text: String,
    pub title: Option<String>,
    pub lang: Option<String>,
    pub published: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
}

impl Page {
    /// The article this page holds, with id `id`; None when it has no body text.
    pub fn into_article(self, id: &str) -> Option<Article> {
        if self.text.trim().is_empty() {
            return None;
        }
        Some(Article {
            id: id.to_string(),
            text: self.text,
            title: self.title,
            lang: self.lang,
            published: self.published,
            source: self.source,
            url: self.url,
        })
    }
}

/// One attribute of a tag: lowercase name, decoded value.
type Attrs = Vec<(String, String)>;

fn attr<'a>(attrs: &'a Attrs, name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// An open element: its name, and whether it is marked as the article's body (`itemprop="articleBody"`).
struct Open {
    name: String,
    body: bool,
    /// `hidden`, `aria-hidden="true"` or an inline `display:none`: dropped like furniture.
    hidden: bool,
}

/// Kinds of open elements the text depends on, counted so that checks do not walk the stack.
#[derive(Clone, Copy)]
enum Kind {
    Drop,
    Furniture,
    Link,
    Main,
    Article,
    Body,
    Graphics,
}

fn kinds(o: &Open) -> impl Iterator<Item = Kind> + '_ {
    let n = o.name.as_str();
    [
        (DROP.contains(&n) || o.hidden, Kind::Drop),
        (FURNITURE.contains(&n), Kind::Furniture),
        (n == "a", Kind::Link),
        (n == "main", Kind::Main),
        (n == "article", Kind::Article),
        (o.body, Kind::Body),
        (n == "svg" || n == "math", Kind::Graphics),
    ]
    .into_iter()
    .filter(|(yes, _)| *yes)
    .map(|(_, k)| k)
}

/// The open elements, with a count of each `Kind` among them.
#[derive(Default)]
struct Stack {
    open: Vec<Open>,
    counts: [u32; 7],
}

impl Stack {
    /// At most this many open elements are tracked (deeper ones are read as text of their parent).
    const MAX: usize = 512;

    fn push(&mut self, o: Open) {
        if self.open.len() >= Self::MAX {
            return;
        }
        for k in kinds(&o) {
            self.counts[k as usize] += 1;
        }
        self.open.push(o);
    }

    fn truncate(&mut self, len: usize) {
        while self.open.len() > len {
            if let Some(o) = self.open.pop() {
                for k in kinds(&o) {
                    self.counts[k as usize] -= 1;
                }
            }
        }
    }

    fn pop(&mut self) {
        self.truncate(self.open.len().saturating_sub(1));
    }

    fn last_is(&self, name: &str) -> bool {
        self.open.last().is_some_and(|o| o.name == name)
    }

    fn has(&self, k: Kind) -> bool {
        self.counts[k as usize] > 0
    }
}

/// Text collected by the scanner, with pending breaks so that runs of space and breaks collapse.
#[derive(Default)]
struct TextSink {
    out: String,
    /// 0 none, 1 space, 2 line break, 3 paragraph break.
    pending: u8,
    /// Where the current line starts in `out` (before its separator), and that separator's level.
    line_start: usize,
    line_sep: u8,
    /// Letters and digits of the current line, and how many of them are link text.
    line_chars: usize,
    line_link: usize,
}

impl TextSink {
    fn brk(&mut self, level: u8) {
        self.pending = self.pending.max(level);
    }

    /// Close the current line: a line that is (almost) all link text is a menu, a list of
    /// related articles or a tag cloud, not body text, and is removed.
    fn end_line(&mut self) {
        if self.line_chars > 0 && self.line_link * 10 >= self.line_chars * 9 {
            self.out.truncate(self.line_start);
            if self.out.is_empty() {
                self.pending = 0;
            } else {
                self.pending = self.pending.max(self.line_sep);
            }
        }
        self.line_chars = 0;
        self.line_link = 0;
    }

    fn push_text(&mut self, s: &str, link: bool) {
        for c in s.chars() {
            if c.is_whitespace() || c == '\u{200b}' {
                self.brk(1);
                continue;
            }
            if c.is_control() {
                continue;
            }
            if self.pending >= 2 {
                self.end_line();
            }
            if self.out.is_empty() {
                self.line_start = 0;
                self.line_sep = 0;
            } else if self.pending >= 2 {
                self.line_start = self.out.len();
                self.line_sep = self.pending;
            }
            if !self.out.is_empty() {
                match self.pending {
                    1 => self.out.push(' '),
                    2 => self.out.push('\n'),
                    3 => self.out.push_str("\n\n"),
                    _ => {}
                }
            }
            self.pending = 0;
            self.out.push(c);
            if c.is_alphanumeric() {
                self.line_chars += 1;
                if link {
                    self.line_link += 1;
                }
            }
        }
    }

    fn finish(mut self) -> String {
        self.end_line();
        self.out
    }

    fn chars(&self) -> usize {
        self.out.chars().filter(|c| !c.is_whitespace()).count()
    }
}

/// Extract the text and metadata of an HTML document. Total: any input gives a `Page`.
pub fn parse_page(html: &str) -> Page {
    let b = html.as_bytes();
    let mut sinks = Sinks::default();
    let mut stack = Stack::default();
    let mut page = Page::default();
    let mut og_title: Option<String> = None;
    let mut title: Option<String> = None;
    let mut og_url: Option<String> = None;
    let mut published_meta: Option<String> = None;
    let mut published_time: Option<String> = None;
    let mut published_marked = false;
    let mut linked = LinkedData::default();
    let mut i = 0;
    while i < b.len() {
        let Some(off) = html[i..].find(['<', '&']) else {
            emit(&stack, &mut sinks, &html[i..]);
            break;
        };
        if off > 0 {
            emit(&stack, &mut sinks, &html[i..i + off]);
        }
        i += off;
        if b[i] == b'&' {
            let (decoded, used) = decode_reference(&html[i..]);
            emit(&stack, &mut sinks, &decoded);
            i += used;
            continue;
        }
        // b[i] == b'<'
        let rest = &html[i..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            i += comment.find("-->").map_or(rest.len(), |e| e + 7);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            i += rest.find('>').map_or(rest.len(), |e| e + 1);
            continue;
        }
        let closing = rest.starts_with("</");
        let name_start = if closing { 2 } else { 1 };
        if !rest[name_start..].starts_with(|c: char| c.is_ascii_alphabetic()) {
            if closing {
                // `</ >` or `</3`: a bogus comment in HTML, dropped up to `>`.
                i += rest.find('>').map_or(rest.len(), |e| e + 1);
            } else {
                emit(&stack, &mut sinks, "<");
                i += 1;
            }
            continue;
        }
        let name_end = rest[name_start..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':')))
            .map_or(rest.len(), |e| e + name_start);
        let name = rest[name_start..name_end].to_ascii_lowercase();
        let (attrs, self_closing, tag_len) = parse_attrs(&rest[name_end..]);
        i += name_end + tag_len;
        if closing {
            if let Some(pos) = stack.open.iter().rposition(|o| o.name == name) {
                stack.truncate(pos);
            }
            sinks.brk(&stack, &name);
            continue;
        }
        if stack.last_is("head") && !HEAD_CONTENT.contains(&name.as_str()) {
            stack.pop();
        }
        match name.as_str() {
            "html" => {
                if let Some(l) = attr(&attrs, "lang").and_then(lang_code) {
                    page.lang = Some(l);
                }
            }
            "meta" => read_meta(
                &attrs,
                &mut og_title,
                &mut og_url,
                &mut published_meta,
                &mut page,
            ),
            "link" => {
                let rel = attr(&attrs, "rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_ascii_whitespace().any(|r| r == "canonical") && page.url.is_none() {
                    page.url = attr(&attrs, "href").and_then(clean_url);
                }
            }
            "time" => {
                // A <time> marked as the publication date, else the first inside <article>
                // (the first on the page is often today's date in the site header).
                let marked = attr(&attrs, "pubdate").is_some()
                    || attr(&attrs, "itemprop")
                        .is_some_and(|v| v.eq_ignore_ascii_case("datepublished"));
                if marked || (published_time.is_none() && stack.has(Kind::Article)) {
                    if let Some(d) = attr(&attrs, "datetime").and_then(day_date) {
                        if marked && !published_marked {
                            published_time = Some(d);
                            published_marked = true;
                        } else if published_time.is_none() {
                            published_time = Some(d);
                        }
                    }
                }
            }
            _ => {}
        }
        if name == "title" {
            // RCDATA: text up to `</title`, entities decoded, no tags.
            let end = find_end_tag(&html[i..], "title");
            if title.is_none() && !stack.has(Kind::Graphics) {
                let t = collapse(&decode_text(&html[i..i + end]));
                if !t.is_empty() {
                    title = Some(t);
                }
            }
            i += end;
            i += html[i..].find('>').map_or(html.len() - i, |e| e + 1);
            continue;
        }
        if RAW_DROP.contains(&name.as_str()) && !self_closing {
            let end = find_end_tag(&html[i..], &name);
            let is_ld = attr(&attrs, "type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
            if name == "script" && is_ld {
                linked.read(&html[i..i + end]);
            }
            i += end;
            i += html[i..].find('>').map_or(html.len() - i, |e| e + 1);
            sinks.brk(&stack, &name);
            continue;
        }
        sinks.brk(&stack, &name);
        if !VOID.contains(&name.as_str()) && !self_closing {
            // Tolerance: a new <p> or <li> closes an open one of the same kind.
            if matches!(
                name.as_str(),
                "p" | "li" | "dt" | "dd" | "option" | "tr" | "td" | "th"
            ) && stack.last_is(&name)
            {
                stack.pop();
            }
            let body =
                attr(&attrs, "itemprop").is_some_and(|v| v.eq_ignore_ascii_case("articlebody"));
            stack.push(Open {
                name,
                body,
                hidden: is_hidden(&attrs),
            });
        }
    }
    let text = sinks.best();
    page.text = defang(&text);
    page.published = published_meta.or(linked.published).or(published_time);
    if page.source.is_none() {
        page.source = linked.publisher;
    }
    if page.lang.is_none() {
        page.lang = linked.lang;
    }
    if page.url.is_none() {
        page.url = og_url;
    }
    let mut t = og_title.or(linked.headline).or(title);
    if let (Some(tt), Some(site)) = (&t, &page.source) {
        t = Some(strip_site_suffix(tt, site));
    }
    page.title = t.map(|t| defang(&t)).filter(|t| !t.is_empty());
    page.source = page.source.map(|s| defang(&s));
    page
}

/// What a page's JSON-LD (`<script type="application/ld+json">`) says about its article.
#[derive(Default)]
struct LinkedData {
    published: Option<String>,
    headline: Option<String>,
    publisher: Option<String>,
    lang: Option<String>,
}

impl LinkedData {
    fn read(&mut self, json: &str) {
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(json.trim()) {
            self.visit(&v, 0);
        }
    }

    /// Depth-first over objects and arrays (`@graph`), first value of each kind wins.
    fn visit(&mut self, v: &serde_json::Value, depth: usize) {
        use serde_json::Value;
        if depth > 16 {
            return;
        }
        match v {
            Value::Array(items) => {
                for item in items.iter().take(64) {
                    self.visit(item, depth + 1);
                }
            }
            Value::Object(obj) => {
                let text = |k: &str| obj.get(k).and_then(Value::as_str).map(collapse);
                if self.published.is_none() {
                    self.published = text("datePublished").and_then(|d| day_date(&d));
                }
                if self.headline.is_none() {
                    self.headline = text("headline").filter(|h| !h.is_empty());
                }
                if self.lang.is_none() {
                    self.lang = text("inLanguage").and_then(|l| lang_code(&l));
                }
                if self.publisher.is_none() {
                    self.publisher = obj
                        .get("publisher")
                        .and_then(|p| p.get("name").or(Some(p)))
                        .and_then(Value::as_str)
                        .map(collapse)
                        .filter(|p| !p.is_empty());
                }
                for (k, child) in obj.iter().take(256) {
                    if k != "publisher" && (child.is_object() || child.is_array()) {
                        self.visit(child, depth + 1);
                    }
                }
            }
            _ => {}
        }
    }
}

/// The text of the marked article body, of `<article>` elements, of `<main>`, of the page
/// without furniture, and of the page with it: the first with real text wins.
#[derive(Default)]
struct Sinks {
    body: TextSink,
    article: TextSink,
    main: TextSink,
    page: TextSink,
    loose: TextSink,
}

impl Sinks {
    fn all(&mut self) -> [&mut TextSink; 5] {
        [
            &mut self.body,
            &mut self.article,
            &mut self.main,
            &mut self.page,
            &mut self.loose,
        ]
    }

    fn brk(&mut self, stack: &Stack, name: &str) {
        if stack.has(Kind::Drop) {
            return;
        }
        let level = if PARAGRAPH.contains(&name) {
            3
        } else if LINE.contains(&name) {
            2
        } else if CELL.contains(&name) || name == "img" {
            1
        } else {
            return;
        };
        for sink in self.all() {
            sink.brk(level);
        }
    }

    /// The best text: the first of body, article, main with at least `MIN_CHARS` visible
    /// characters, else the page without furniture, else everything.
    fn best(self) -> String {
        const MIN_CHARS: usize = 200;
        for sink in [self.body, self.article, self.main] {
            if sink.chars() >= MIN_CHARS {
                let t = sink.finish();
                // The link filter may have emptied it below the bar; check again.
                if t.chars().filter(|c| !c.is_whitespace()).count() >= MIN_CHARS {
                    return t;
                }
            }
        }
        let page = self.page.finish();
        if page.chars().any(|c| !c.is_whitespace()) {
            page
        } else {
            self.loose.finish()
        }
    }
}

fn emit(stack: &Stack, sinks: &mut Sinks, s: &str) {
    if stack.has(Kind::Drop) {
        return;
    }
    let link = stack.has(Kind::Link);
    sinks.loose.push_text(s, link);
    if stack.has(Kind::Furniture) {
        return;
    }
    sinks.page.push_text(s, link);
    if stack.has(Kind::Main) {
        sinks.main.push_text(s, link);
    }
    if stack.has(Kind::Article) {
        sinks.article.push_text(s, link);
    }
    if stack.has(Kind::Body) {
        sinks.body.push_text(s, link);
    }
}

/// The offset of `</name` (case-insensitive) in `s`, or `s.len()` when absent.
fn find_end_tag(s: &str, name: &str) -> usize {
    let b = s.as_bytes();
    let n = name.len();
    let mut i = 0;
    while let Some(off) = s[i..].find("</") {
        let at = i + off;
        let after = at + 2;
        if b.len() >= after + n
            && b[after..after + n].eq_ignore_ascii_case(name.as_bytes())
            && b.get(after + n)
                .is_none_or(|c| c.is_ascii_whitespace() || *c == b'>' || *c == b'/')
        {
            return at;
        }
        i = after;
    }
    s.len()
}

/// Attributes after a tag name, up to and including `>`: (attributes, self-closing, bytes used).
fn parse_attrs(s: &str) -> (Attrs, bool, usize) {
    let b = s.as_bytes();
    let mut attrs = Attrs::new();
    let mut i = 0;
    let mut self_closing = false;
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            self_closing = b[i] == b'/';
            i += 1;
        }
        if i >= b.len() {
            return (attrs, self_closing, b.len());
        }
        if b[i] == b'>' {
            return (attrs, self_closing, i + 1);
        }
        self_closing = false;
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        // A stray `=` or quote with no name: skip one byte so the loop advances.
        if i == start {
            i += 1;
            continue;
        }
        let name = s[start..i].to_ascii_lowercase();
        let mut j = i;
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        let mut value = String::new();
        if j < b.len() && b[j] == b'=' {
            j += 1;
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            if j < b.len() && (b[j] == b'"' || b[j] == b'\'') {
                let q = b[j] as char;
                let vstart = j + 1;
                let vend = s[vstart..].find(q).map_or(s.len(), |e| e + vstart);
                value = decode_text(&s[vstart..vend]);
                j = (vend + 1).min(s.len());
            } else {
                let vstart = j;
                while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' {
                    j += 1;
                }
                value = decode_text(&s[vstart..j]);
            }
            i = j;
        }
        if attrs.len() < 64 && !attrs.iter().any(|(n, _)| *n == name) {
            attrs.push((name, value));
        }
    }
}

fn read_meta(
    attrs: &Attrs,
    og_title: &mut Option<String>,
    og_url: &mut Option<String>,
    published: &mut Option<String>,
    page: &mut Page,
) {
    let key = attr(attrs, "property")
        .or_else(|| attr(attrs, "name"))
        .or_else(|| attr(attrs, "itemprop"))
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let Some(content) = attr(attrs, "content") else {
        return;
    };
    let content = collapse(content);
    if content.is_empty() {
        return;
    }
    match key.as_str() {
        "og:title" if og_title.is_none() => *og_title = Some(content),
        "og:site_name" | "application-name" if page.source.is_none() => page.source = Some(content),
        "og:url" if og_url.is_none() => *og_url = clean_url(&content),
        "og:locale" | "content-language" | "language" | "dc.language" if page.lang.is_none() => {
            page.lang = lang_code(&content)
        }
        "article:published_time"
        | "datepublished"
        | "pubdate"
        | "publishdate"
        | "publish-date"
        | "date"
        | "dc.date"
        | "dc.date.issued"
        | "dcterms.created"
        | "sailthru.date"
        | "parsely-pub-date"
            if published.is_none() =>
        {
            *published = day_date(&content)
        }
        _ => {}
    }
}

/// `2024-09-30T10:00:00+07:00` → `2024-09-30`; None unless it starts with a valid day date.
fn day_date(s: &str) -> Option<String> {
    let s = s.trim();
    let head = s.get(..10)?;
    match DateValue::parse_iso(head)? {
        d @ DateValue::Day { .. } => {
            let tail = &s[10..];
            (tail.is_empty() || tail.starts_with(['T', 't', ' '])).then(|| d.iso())
        }
        _ => None,
    }
}

/// `fr-FR`, `vi_VN`, `EN` → `fr`, `vi`, `en`; None for anything that is not a language code.
fn lang_code(s: &str) -> Option<String> {
    let primary = s.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    ((2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_lowercase()))
        .then_some(primary)
}

/// Only absolute http(s) addresses are kept as `url` (no `javascript:` or relative links).
fn clean_url(s: &str) -> Option<String> {
    let s = s.trim();
    let lower = s.to_ascii_lowercase();
    ((lower.starts_with("http://") || lower.starts_with("https://"))
        && !s.contains(|c: char| c.is_whitespace() || c == '<' || c == '>' || c == '"'))
    .then(|| s.to_string())
}

/// "Headline - Site" or "Headline | Site" → "Headline" when Site is the page's site name.
fn strip_site_suffix(title: &str, site: &str) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some(head) = title.strip_suffix(site).and_then(|h| h.strip_suffix(sep)) {
            if !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Decode every character reference in `s` (attribute values, titles).
pub fn decode_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while let Some(off) = s[i..].find('&') {
        out.push_str(&s[i..i + off]);
        let (d, used) = decode_reference(&s[i + off..]);
        out.push_str(&d);
        i += off + used;
    }
    out.push_str(&s[i..]);
    out
}

/// Decode the character reference at the start of `s` (which starts with `&`):
/// (decoded text, bytes used). An unknown reference stays as it is.
fn decode_reference(s: &str) -> (String, usize) {
    let b = s.as_bytes();
    if b.get(1) == Some(&b'#') {
        let hex = matches!(b.get(2), Some(b'x') | Some(b'X'));
        let start = if hex { 3 } else { 2 };
        let mut end = start;
        while end < b.len()
            && end - start < 8
            && (if hex {
                b[end].is_ascii_hexdigit()
            } else {
                b[end].is_ascii_digit()
            })
        {
            end += 1;
        }
        if end == start {
            return ("&".into(), 1);
        }
        let code = u32::from_str_radix(&s[start..end], if hex { 16 } else { 10 }).unwrap_or(0);
        let used = if b.get(end) == Some(&b';') {
            end + 1
        } else {
            end
        };
        return (numeric_char(code).to_string(), used);
    }
    let mut end = 1;
    while end < b.len() && end < 33 && b[end].is_ascii_alphanumeric() {
        end += 1;
    }
    let name = &s[1..end];
    if b.get(end) == Some(&b';') {
        if let Some(c) = named_entity(name) {
            return (c.to_string(), end + 1);
        }
    } else if matches!(name, "amp" | "lt" | "gt" | "quot" | "nbsp" | "copy" | "reg") {
        // Legacy references without `;`, as browsers read them.
        if let Some(c) = named_entity(name) {
            return (c.to_string(), end);
        }
    }
    ("&".into(), 1)
}

/// A numeric reference as HTML reads it: Windows-1252 for 0x80–0x9F, U+FFFD for the invalid.
fn numeric_char(code: u32) -> char {
    const C1: [u32; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    let code = if (0x80..=0x9f).contains(&code) {
        C1[(code - 0x80) as usize]
    } else {
        code
    };
    match char::from_u32(code) {
        Some(c) if code != 0 && (c.is_whitespace() || !c.is_control()) => c,
        _ => '\u{fffd}',
    }
}

/// Whether an element is hidden from readers by its own attributes.
fn is_hidden(attrs: &Attrs) -> bool {
    let style: String = attr(attrs, "style")
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    attr(attrs, "hidden").is_some()
        || attr(attrs, "aria-hidden").is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
        || style.contains("display:none")
        || style.contains("visibility:hidden")
}

/// The charset a page declares in its first 2 KB (`<meta charset=…>` or `content="…; charset=…"`), lowercase.
pub fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(2048)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let rest = &lower[at..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let name: Vec<u8> = rest
        .iter()
        .copied()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        .take(40)
        .collect();
    (!name.is_empty()).then(|| String::from_utf8_lossy(&name).into_owned())
}

/// Decode a page that is not UTF-8 but declares a single-byte Western charset (Windows-1252,
/// ISO-8859-1 or ISO-8859-15, as older French, German, Spanish pages do). None for other charsets.
pub fn decode_legacy(bytes: &[u8]) -> Option<String> {
    let cs = declared_charset(bytes)?;
    let latin9 = matches!(
        cs.as_str(),
        "iso-8859-15" | "latin9" | "latin-9" | "iso8859-15"
    );
    let western = latin9
        || matches!(
            cs.as_str(),
            "windows-1252"
                | "cp1252"
                | "iso-8859-1"
                | "iso8859-1"
                | "latin1"
                | "latin-1"
                | "l1"
                | "us-ascii"
                | "ascii"
                | "x-cp1252"
        );
    if !western {
        return None;
    }
    Some(
        bytes
            .iter()
            .map(|&b| {
                let code = b as u32;
                if latin9 {
                    let special = match b {
                        0xA4 => Some('€'),
                        0xA6 => Some('Š'),
                        0xA8 => Some('š'),
                        0xB4 => Some('Ž'),
                        0xB8 => Some('ž'),
                        0xBC => Some('Œ'),
                        0xBD => Some('œ'),
                        0xBE => Some('Ÿ'),
                        _ => None,
                    };
                    if let Some(c) = special {
                        return c;
                    }
                }
                // HTML reads all three labels' 0x80–0x9F as Windows-1252.
                numeric_char(code)
            })
            .collect(),
    )
}

/// Latin-1 names from U+00A0 to U+00FF, in order.
const LATIN1: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
    "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
    "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute",
    "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute",
    "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
    "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
    "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc",
    "uuml", "yacute", "thorn", "yuml",
];

/// Other named references seen in news pages (punctuation, Latin Extended letters of vi/de/fr/pt).
const OTHER: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("ndash", '–'),
    ("mdash", '—'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("hellip", '…'),
    ("bull", '•'),
    ("euro", '€'),
    ("trade", '™'),
    ("dagger", '†'),
    ("Dagger", '‡'),
    ("permil", '‰'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("prime", '′'),
    ("Prime", '″'),
    ("ensp", ' '),
    ("emsp", ' '),
    ("thinsp", ' '),
    ("zwnj", '\u{200c}'),
    ("zwj", '\u{200d}'),
    ("lrm", '\u{200e}'),
    ("rlm", '\u{200f}'),
    ("OElig", 'Œ'),
    ("oelig", 'œ'),
    ("Scaron", 'Š'),
    ("scaron", 'š'),
    ("Yuml", 'Ÿ'),
    ("fnof", 'ƒ'),
    ("circ", 'ˆ'),
    ("tilde", '˜'),
    ("Abreve", 'Ă'),
    ("abreve", 'ă'),
    ("Dstrok", 'Đ'),
    ("dstrok", 'đ'),
    ("Itilde", 'Ĩ'),
    ("itilde", 'ĩ'),
    ("Utilde", 'Ũ'),
    ("utilde", 'ũ'),
    ("Ccaron", 'Č'),
    ("ccaron", 'č'),
    ("Ecaron", 'Ě'),
    ("ecaron", 'ě'),
    ("Rcaron", 'Ř'),
    ("rcaron", 'ř'),
    ("Zcaron", 'Ž'),
    ("zcaron", 'ž'),
    ("Lstrok", 'Ł'),
    ("lstrok", 'ł'),
    ("Nacute", 'Ń'),
    ("nacute", 'ń'),
    ("Sacute", 'Ś'),
    ("sacute", 'ś'),
    ("Zacute", 'Ź'),
    ("zacute", 'ź'),
    ("Zdot", 'Ż'),
    ("zdot", 'ż'),
    ("Odblac", 'Ő'),
    ("odblac", 'ő'),
    ("Udblac", 'Ű'),
    ("udblac", 'ű'),
    ("inodot", 'ı'),
    ("imath", 'ı'),
    ("Idot", 'İ'),
    ("Gbreve", 'Ğ'),
    ("gbreve", 'ğ'),
    ("Scedil", 'Ş'),
    ("scedil", 'ş'),
    ("minus", '−'),
    ("larr", '←'),
    ("rarr", '→'),
    ("uarr", '↑'),
    ("darr", '↓'),
    ("le", '≤'),
    ("ge", '≥'),
    ("ne", '≠'),
    ("asymp", '≈'),
    ("infin", '∞'),
    ("alpha", 'α'),
    ("beta", 'β'),
    ("mu", 'μ'),
    ("pi", 'π'),
    ("nbhy", '\u{2011}'),
    ("NewLine", '\n'),
    ("Tab", '\t'),
];

fn named_entity(name: &str) -> Option<char> {
    if let Some(i) = LATIN1.iter().position(|n| *n == name) {
        return char::from_u32(0xA0 + i as u32);
    }
    OTHER.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

/// Text never carries something a browser would read as a tag: a `<` (from `&lt;`) before a
/// letter, `/`, `!` or `?` becomes `‹`. Plain comparisons like `a < b` stay.
fn defang(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '<'
            && chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?'))
        {
            out.push('‹');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_decode() {
        let cases = [
            ("&amp;", "&"),
            ("caf&eacute;", "café"),
            ("&#233;t&#xE9;", "été"),
            ("Vi&#x1EC7;t Nam", "Việt Nam"),
            ("&#x1EA1;", "ạ"),
            ("&Dstrok;&agrave; N&#7861;ng", "Đà Nẵng"),
            ("R&D", "R&D"),
            ("&bogus; &", "&bogus; &"),
            ("&#0;&#xD800;&#x110000;", "\u{fffd}\u{fffd}\u{fffd}"),
            ("&#150;", "–"),
            ("AT&amp T", "AT& T"),
            ("&#", "&#"),
        ];
        for (input, want) in cases {
            assert_eq!(decode_text(input), want, "{input}");
        }
    }

    #[test]
    fn dates_langs_urls() {
        assert_eq!(
            day_date("2024-09-30T10:00:00+07:00").as_deref(),
            Some("2024-09-30")
        );
        assert_eq!(day_date("2024-02-30"), None);
        assert_eq!(day_date("2024-09"), None);
        assert_eq!(day_date("2024-09-301"), None);
        assert_eq!(lang_code("fr-FR").as_deref(), Some("fr"));
        assert_eq!(lang_code("vi_VN").as_deref(), Some("vi"));
        assert_eq!(lang_code("français"), None);
        assert_eq!(clean_url("javascript:alert(1)"), None);
        assert_eq!(clean_url("/rel/path"), None);
        assert_eq!(
            clean_url(" https://a.example/x ").as_deref(),
            Some("https://a.example/x")
        );
    }

    #[test]
    fn end_tags_match_whole_names() {
        assert_eq!(find_end_tag("a</scripts></script>", "script"), 11);
        assert_eq!(find_end_tag("a</SCRIPT >", "script"), 1);
        assert_eq!(find_end_tag("never closed", "style"), 12);
    }
}
