//! Calendar dates as ISO strings (`DateValue`: day, month or year precision) and month lengths:
//! the one piece of date logic the article parser needs, kept free of any other module so the
//! build script can compile the parser (build.rs reads the bundled corpus at build time).

/// A calendar date at day, month or year precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DateValue {
    Day { y: i32, m: u32, d: u32 },
    Month { y: i32, m: u32 },
    Year { y: i32 },
}

impl DateValue {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub fn iso(&self) -> String {
        match *self {
            DateValue::Day { y, m, d } => format!("{y:04}-{m:02}-{d:02}"),
            DateValue::Month { y, m } => format!("{y:04}-{m:02}"),
            DateValue::Year { y } => format!("{y:04}"),
        }
    }

    /// Parse `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (the forms `iso` writes); None for anything else.
    pub fn parse_iso(s: &str) -> Option<DateValue> {
        let parts: Vec<&str> = s.trim().split('-').collect();
        let num = |p: &str| -> Option<i64> {
            if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) || p.len() > 4 {
                None
            } else {
                p.parse().ok()
            }
        };
        match parts.as_slice() {
            [y] if y.len() == 4 => Some(DateValue::Year { y: num(y)? as i32 }),
            [y, m] if y.len() == 4 && m.len() == 2 => {
                let m = num(m)? as u32;
                (1..=12).contains(&m).then_some(DateValue::Month {
                    y: num(y)? as i32,
                    m,
                })
            }
            [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
                let (y, m, d) = (num(y)? as i32, num(m)? as u32, num(d)? as u32);
                ((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m))
                    .then_some(DateValue::Day { y, m, d })
            }
            _ => None,
        }
    }
}

pub fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}
