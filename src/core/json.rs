//! A small JSON reader and string writer for the page: bundle indexes, shards and import records
//! are read with it instead of `serde_json::Value`, whose generic code cost the page's wasm
//! ~13 KB gzip. Standard JSON (RFC 8259) in, with the byte offset of the first problem; numbers
//! are kept as their text (the formats read here hold whole numbers only, see `Json::whole`).
//! Never panics, on any input: nesting deeper than `MAX_DEPTH` is an error, not a stack overflow.

use std::fmt::Write;

/// Arrays and objects nested deeper than this are refused.
pub const MAX_DEPTH: usize = 128;

/// One JSON value. Objects keep their members in order; `get` takes the last of equal keys, as
/// `serde_json` does.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// The number as written (`12`, `-3.5e2`).
    Num(String),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Json {
    /// Parse a whole JSON text (surrounding white space allowed, nothing else after the value).
    pub fn parse(text: &str) -> Result<Json, String> {
        let mut r = Reader {
            b: text.as_bytes(),
            at: 0,
        };
        let v = r.value(0)?;
        r.ws();
        if r.at < r.b.len() {
            return Err(r.err("text after the JSON value"));
        }
        Ok(v)
    }

    /// The member `key` of an object (the last one if repeated); None for other values.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(m) => m.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Arr(v) => Some(v),
            _ => None,
        }
    }

    /// A non-negative whole number written without fraction or exponent (`0`, `42`).
    pub fn whole(&self) -> Option<u64> {
        match self {
            Json::Num(n) if n.bytes().all(|b| b.is_ascii_digit()) => n.parse().ok(),
            _ => None,
        }
    }
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn err(&self, what: &str) -> String {
        format!("{what} at byte {}", self.at)
    }

    fn ws(&mut self) {
        while matches!(self.b.get(self.at), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, word: &[u8]) -> bool {
        let ok = self.b[self.at..].starts_with(word);
        if ok {
            self.at += word.len();
        }
        ok
    }

    fn value(&mut self, depth: usize) -> Result<Json, String> {
        if depth > MAX_DEPTH {
            return Err(self.err("JSON nested too deeply"));
        }
        self.ws();
        let Some(&c) = self.b.get(self.at) else {
            return Err(self.err("unexpected end of JSON"));
        };
        match c {
            b'{' => {
                self.at += 1;
                let mut members = Vec::new();
                self.ws();
                if self.eat(b"}") {
                    return Ok(Json::Obj(members));
                }
                loop {
                    self.ws();
                    if self.b.get(self.at) != Some(&b'"') {
                        return Err(self.err("expected a member name"));
                    }
                    let k = self.string()?;
                    self.ws();
                    if !self.eat(b":") {
                        return Err(self.err("expected `:`"));
                    }
                    let v = self.value(depth + 1)?;
                    members.push((k, v));
                    self.ws();
                    if self.eat(b",") {
                        continue;
                    }
                    if self.eat(b"}") {
                        return Ok(Json::Obj(members));
                    }
                    return Err(self.err("expected `,` or `}`"));
                }
            }
            b'[' => {
                self.at += 1;
                let mut items = Vec::new();
                self.ws();
                if self.eat(b"]") {
                    return Ok(Json::Arr(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.ws();
                    if self.eat(b",") {
                        continue;
                    }
                    if self.eat(b"]") {
                        return Ok(Json::Arr(items));
                    }
                    return Err(self.err("expected `,` or `]`"));
                }
            }
            b'"' => self.string().map(Json::Str),
            b't' if self.eat(b"true") => Ok(Json::Bool(true)),
            b'f' if self.eat(b"false") => Ok(Json::Bool(false)),
            b'n' if self.eat(b"null") => Ok(Json::Null),
            b'-' | b'0'..=b'9' => self.number(),
            _ => Err(self.err("unexpected character")),
        }
    }

    fn digits(&mut self) -> usize {
        let from = self.at;
        while self.b.get(self.at).is_some_and(u8::is_ascii_digit) {
            self.at += 1;
        }
        self.at - from
    }

    fn number(&mut self) -> Result<Json, String> {
        let from = self.at;
        self.eat(b"-");
        let int_from = self.at;
        let n = self.digits();
        if n == 0 || (n > 1 && self.b[int_from] == b'0') {
            return Err(self.err("bad number"));
        }
        if self.eat(b".") && self.digits() == 0 {
            return Err(self.err("bad number"));
        }
        if self.eat(b"e") || self.eat(b"E") {
            let _ = self.eat(b"+") || self.eat(b"-");
            if self.digits() == 0 {
                return Err(self.err("bad number"));
            }
        }
        // Only ASCII was consumed, so this slice is on character boundaries.
        Ok(Json::Num(
            String::from_utf8_lossy(&self.b[from..self.at]).into_owned(),
        ))
    }

    /// Four hex digits after `\u`.
    fn hex4(&mut self) -> Result<u32, String> {
        let mut v = 0;
        for _ in 0..4 {
            let d = self
                .b
                .get(self.at)
                .and_then(|&c| (c as char).to_digit(16))
                .ok_or_else(|| self.err("bad \\u escape"))?;
            v = v * 16 + d;
            self.at += 1;
        }
        Ok(v)
    }

    /// A string, the reader on its opening quote.
    fn string(&mut self) -> Result<String, String> {
        self.at += 1;
        let mut out: Vec<u8> = Vec::new();
        loop {
            let from = self.at;
            while self
                .b
                .get(self.at)
                .is_some_and(|&c| c != b'"' && c != b'\\' && c >= 0x20)
            {
                self.at += 1;
            }
            out.extend_from_slice(&self.b[from..self.at]);
            match self.b.get(self.at) {
                Some(b'"') => {
                    self.at += 1;
                    // The input is a &str and escapes add whole characters: valid UTF-8.
                    return String::from_utf8(out).map_err(|_| self.err("bad string"));
                }
                Some(b'\\') => {
                    self.at += 1;
                    let Some(&e) = self.b.get(self.at) else {
                        return Err(self.err("unexpected end of JSON"));
                    };
                    self.at += 1;
                    let c = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi) {
                                if !self.eat(b"\\u") {
                                    return Err(self.err("lone surrogate in \\u escape"));
                                }
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(self.err("lone surrogate in \\u escape"));
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            char::from_u32(code)
                                .ok_or_else(|| self.err("lone surrogate in \\u escape"))?
                        }
                        _ => return Err(self.err("bad escape")),
                    };
                    let mut buf = [0; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                Some(_) => return Err(self.err("control character in a string")),
                None => return Err(self.err("unexpected end of JSON")),
            }
        }
    }
}

/// `s` as a JSON string literal, quotes included.
pub fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every case read by this reader and by serde_json: same value, or both refuse.
    #[test]
    fn agrees_with_serde_json() {
        let cases = [
            r#"{"a": [1, 2.5, -3e2, true, false, null], "b": {"c": "d"}}"#,
            r#"  "Hà Nội \u00e9\ud83d\ude00 \n\t\"\\\/"  "#,
            r#"[]"#,
            r#"{}"#,
            r#"{"k": 1, "k": 2}"#,
            r#"[1,]"#,
            r#"{"a" 1}"#,
            r#"[01]"#,
            r#"[1.]"#,
            r#"[-]"#,
            r#""\ud800""#,
            r#""\udc00x""#,
            "\"a\u{1}b\"",
            r#"[1] 2"#,
            r#"tru"#,
            r#""\x""#,
            r#"{"a": "#,
            "",
        ];
        for text in cases {
            let ours = Json::parse(text);
            let theirs: Result<serde_json::Value, _> = serde_json::from_str(text);
            assert_eq!(ours.is_ok(), theirs.is_ok(), "{text:?}: {ours:?}");
            if let (Ok(o), Ok(t)) = (ours, theirs) {
                assert_eq!(to_serde(&o), t, "{text:?}");
            }
        }
    }

    fn to_serde(v: &Json) -> serde_json::Value {
        use serde_json::Value as V;
        match v {
            Json::Null => V::Null,
            Json::Bool(b) => V::Bool(*b),
            Json::Num(n) => serde_json::from_str(n).unwrap(),
            Json::Str(s) => V::String(s.clone()),
            Json::Arr(a) => V::Array(a.iter().map(to_serde).collect()),
            Json::Obj(m) => V::Object(m.iter().map(|(k, v)| (k.clone(), to_serde(v))).collect()),
        }
    }

    #[test]
    fn strings_round_trip_through_the_writer() {
        for s in [
            "",
            "plain",
            "Hà Nội",
            "q\"b\\s/\n\r\t\u{0}\u{1f}",
            "😀 emoji",
        ] {
            let lit = string(s);
            assert_eq!(Json::parse(&lit), Ok(Json::Str(s.to_string())), "{s:?}");
            assert_eq!(serde_json::from_str::<String>(&lit).unwrap(), s);
        }
    }

    #[test]
    fn problems_name_their_byte_and_deep_nesting_is_refused() {
        assert_eq!(
            Json::parse(r#"{"a": tru}"#).unwrap_err(),
            "unexpected character at byte 6"
        );
        let deep = "[".repeat(100_000);
        assert!(Json::parse(&deep)
            .unwrap_err()
            .contains("nested too deeply"));
        assert_eq!(Json::Num("12".into()).whole(), Some(12));
        for n in ["-1", "1.0", "1e3"] {
            assert_eq!(Json::Num(n.into()).whole(), None, "{n}");
        }
    }
}
