//! Lowercasing without the standard library's Unicode case tables (about 10 KB gzip in the page):
//! exact for the scripts news in our languages use (Latin with every extension Vietnamese, German,
//! Turkish… need, Greek, Cyrillic, Armenian, fullwidth Latin); other characters are left as they are.

/// The lowercase form of `c`, one character (as `c.to_lowercase().next()` for the scripts above;
/// 'İ' gives 'i').
pub fn lower_char(c: char) -> char {
    let cp = c as u32;
    if cp < 0x80 {
        return c.to_ascii_lowercase();
    }
    let l = match cp {
        0xC0..=0xDE if cp != 0xD7 => cp + 0x20,
        0x130 => 0x69,
        0x178 => 0xFF,
        0x100..=0x137 | 0x14A..=0x177 if cp % 2 == 0 => cp + 1,
        0x139..=0x148 | 0x179..=0x17E if cp % 2 == 1 => cp + 1,
        0x180..=0x24F => return latin_b(c),
        0x370..=0x3FF => return greek(c),
        0x400..=0x40F => cp + 0x50,
        0x410..=0x42F => cp + 0x20,
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x52F if cp % 2 == 0 => cp + 1,
        0x4C0 => 0x4CF,
        0x4C1..=0x4CE if cp % 2 == 1 => cp + 1,
        0x531..=0x556 => cp + 0x30,
        0x1E9E => 0xDF,
        0x1E00..=0x1E94 | 0x1EA0..=0x1EFF if cp % 2 == 0 => cp + 1,
        0xFF21..=0xFF3A => cp + 0x20,
        _ => cp,
    };
    char::from_u32(l).unwrap_or(c)
}

/// Latin Extended-B: the letters with a regular lowercase partner (Vietnamese Ơ and Ư among them).
fn latin_b(c: char) -> char {
    let cp = c as u32;
    let l = match cp {
        0x1A0..=0x1A5 | 0x1DE..=0x1EF | 0x1F8..=0x21F | 0x222..=0x233 | 0x246..=0x24F
            if cp % 2 == 0 =>
        {
            cp + 1
        }
        0x1CD..=0x1DC if cp % 2 == 1 => cp + 1,
        0x1AF | 0x1B3 | 0x1B5 | 0x1B8 | 0x1BC | 0x182 | 0x184 | 0x187 | 0x18B | 0x191 | 0x198
        | 0x1A7 | 0x1AC | 0x23B | 0x241 => cp + 1,
        0x1C4 | 0x1C7 | 0x1CA | 0x1F1 => cp + 2,
        0x1C5 | 0x1C8 | 0x1CB | 0x1F2 => cp + 1,
        0x181 => 0x253,
        0x186 => 0x254,
        0x189 => 0x256,
        0x18A => 0x257,
        0x18E => 0x1DD,
        0x18F => 0x259,
        0x190 => 0x25B,
        0x193 => 0x260,
        0x194 => 0x263,
        0x196 => 0x269,
        0x197 => 0x268,
        0x19C => 0x26F,
        0x19D => 0x272,
        0x19F => 0x275,
        0x1A6 => 0x280,
        0x1A9 => 0x283,
        0x1AE => 0x288,
        0x1B1 => 0x28A,
        0x1B2 => 0x28B,
        0x1B7 => 0x292,
        0x1F6 => 0x195,
        0x1F7 => 0x1BF,
        0x1F4 => 0x1F5,
        0x220 => 0x19E,
        0x23A => 0x2C65,
        0x23D => 0x19A,
        0x23E => 0x2C66,
        0x243 => 0x180,
        0x244 => 0x289,
        0x245 => 0x28C,
        _ => cp,
    };
    char::from_u32(l).unwrap_or(c)
}

/// Greek capitals, with and without tonos.
fn greek(c: char) -> char {
    let cp = c as u32;
    let l = match cp {
        0x391..=0x3AB if cp != 0x3A2 => cp + 0x20,
        0x386 => 0x3AC,
        0x388..=0x38A => cp + 0x25,
        0x38C => 0x3CC,
        0x38E | 0x38F => cp + 0x3F,
        0x370 | 0x372 | 0x376 => cp + 1,
        0x37F => 0x3F3,
        0x3CF => 0x3D7,
        0x3D8..=0x3EF if cp % 2 == 0 => cp + 1,
        0x3F4 => 0x3B8,
        0x3F7 | 0x3FA => cp + 1,
        0x3F9 => 0x3F2,
        0x3FD..=0x3FF => cp - 0x82,
        _ => cp,
    };
    char::from_u32(l).unwrap_or(c)
}

/// `s` in lowercase, character by character (no final-sigma rule: "ΟΔΟΣ" → "οδοσ").
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.chars().map(lower_char).collect()
}

/// `.lowercase()` on strings: [`lower`] as a method, so call sites read like `str::to_lowercase`.
pub trait Lowercase {
    fn lowercase(&self) -> String;
}

impl Lowercase for str {
    fn lowercase(&self) -> String {
        lower(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The blocks `lower_char` claims to cover, compared with the standard library, character by
    /// character.
    #[test]
    fn matches_std_on_covered_scripts() {
        let blocks = [
            (0x0, 0x24F),
            (0x370, 0x3FF),
            (0x400, 0x52F),
            (0x531, 0x556),
            (0x1E00, 0x1EFF),
            (0xFF21, 0xFF3A),
        ];
        let mut checked = 0;
        for (lo, hi) in blocks {
            for cp in lo..=hi {
                let Some(c) = char::from_u32(cp) else {
                    continue;
                };
                let want = c.to_lowercase().next().unwrap();
                assert_eq!(lower_char(c), want, "U+{cp:04X} {c}");
                checked += 1;
            }
        }
        assert_eq!(checked, 1360);
    }

    #[test]
    fn strings() {
        for (s, want) in [
            ("Hà Nội", "hà nội"),
            ("PHẠM MINH CHÍNH", "phạm minh chính"),
            ("ĐÀ NẴNG", "đà nẵng"),
            ("ƯU ĐÃI", "ưu đãi"),
            ("STRAßE ẞ", "straße ß"),
            ("İstanbul", "istanbul"),
            ("Москва", "москва"),
            ("ΑΘΗΝΑ", "αθηνα"),
            ("東京 Tokyo", "東京 tokyo"),
            ("", ""),
        ] {
            assert_eq!(lower(s), want, "{s}");
        }
    }
}
