//! A rule's code (`T007`): one to four capital letters, then three digits.
//! The built-in rules use one letter of their family; a project's own rules
//! (defined in TOML) may take a prefix of its choosing (`ZB001`), so a code
//! is a small value that checks its shape, not a closed list.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The longest prefix of capital letters a code may have.
const MAX_LETTERS: usize = 4;
/// How many digits end a code.
const DIGITS: usize = 3;
/// The longest code, in bytes.
const MAX_LEN: usize = MAX_LETTERS + DIGITS;

/// A rule's code. Copied like a number, compared and ordered as its text
/// (`P001` < `PA001` < `Q001`), shown and serialised as its text.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Code {
    /// The code's bytes, then zeros: zeros sort before every letter and
    /// digit, so the arrays order as the texts do.
    bytes: [u8; MAX_LEN],
}

impl Code {
    /// The reader's codes, which the reader and the driver name themselves
    /// (every other rule names its code in its own file).
    pub const P001: Code = Code::new("P001");
    pub const P002: Code = Code::new("P002");
    pub const P003: Code = Code::new("P003");
    pub const P004: Code = Code::new("P004");
    pub const P005: Code = Code::new("P005");
    pub const P006: Code = Code::new("P006");
    pub const P007: Code = Code::new("P007");

    /// The code written `text`, if it has the shape of one: one to four
    /// capital ASCII letters, then three ASCII digits.
    pub const fn parse(text: &str) -> Option<Code> {
        let text = text.as_bytes();
        if text.len() <= DIGITS || text.len() > MAX_LEN {
            return None;
        }
        let letters = text.len() - DIGITS;
        let mut bytes = [0; MAX_LEN];
        let mut i = 0;
        while i < text.len() {
            let ok = if i < letters {
                text[i].is_ascii_uppercase()
            } else {
                text[i].is_ascii_digit()
            };
            if !ok {
                return None;
            }
            bytes[i] = text[i];
            i += 1;
        }
        Some(Code { bytes })
    }

    /// The code written `text`, for codes written in the program.
    ///
    /// # Panics
    ///
    /// When `text` is not a code; in a constant, that stops the build.
    pub const fn new(text: &str) -> Code {
        match Code::parse(text) {
            Some(code) => code,
            None => panic!("a rule code is one to four capital letters and three digits"),
        }
    }

    /// The code as written: `T007`.
    pub fn as_str(&self) -> &str {
        let len = self.bytes.iter().position(|&b| b == 0).unwrap_or(MAX_LEN);
        // Only ASCII letters and digits are ever stored.
        std::str::from_utf8(&self.bytes[..len]).unwrap_or_default()
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl fmt::Debug for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::ops::Deref for Code {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Code {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<Code> for &str {
    fn eq(&self, code: &Code) -> bool {
        *self == code.as_str()
    }
}

impl AsRef<std::path::Path> for Code {
    fn as_ref(&self) -> &std::path::Path {
        std::path::Path::new(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Code::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{text}` is not a rule code (one to four capital letters and three digits, such as T007)"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Code;

    #[test]
    fn a_code_is_letters_then_three_digits() {
        for good in ["P001", "T013", "ZB001", "ABCD999"] {
            assert_eq!(Code::parse(good).map(|c| c.to_string()), Some(good.into()));
        }
        for bad in [
            "", "P01", "P0001", "p001", "001", "ABCDE001", "P00a", "P 01", "Ｐ001", "P001 ",
        ] {
            assert_eq!(Code::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn codes_order_as_their_text() {
        let mut codes: Vec<Code> = ["Q001", "PA001", "P010", "P001", "ZB001", "E007"]
            .into_iter()
            .map(Code::new)
            .collect();
        codes.sort();
        let texts: Vec<String> = codes.iter().map(ToString::to_string).collect();
        let mut sorted = texts.clone();
        sorted.sort();
        assert_eq!(texts, sorted);
    }

    #[test]
    fn a_code_is_serialised_as_its_text() {
        assert_eq!(serde_json::to_string(&Code::P007).unwrap(), "\"P007\"");
        let read: Code = serde_json::from_str("\"ZB001\"").unwrap();
        assert_eq!(read, "ZB001");
        assert!(serde_json::from_str::<Code>("\"banana\"").is_err());
        assert_eq!(
            format!("{:>6}|{:?}", Code::P001, Code::P001),
            "  P001|\"P001\""
        );
    }
}
