//! Stable hashes for what must not change between runs, machines or Rust
//! versions: the shard a path falls in, and the fingerprint that identifies a
//! finding across edits (baselines, GitLab, SARIF). FNV-1a, because it is
//! tiny, fully specified and good enough for short keys; Rust's default
//! hasher is randomised per process and is no use here.

const OFFSET_64: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME_64: u64 = 0x0000_0100_0000_01b3;
const OFFSET_128: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
const PRIME_128: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;

/// FNV-1a, 64 bits.
pub fn fnv1a_64(bytes: &[u8]) -> u64 {
    let mut hash = Fnv64::new();
    hash.write(bytes);
    hash.finish()
}

/// FNV-1a, 64 bits, over bytes given piece by piece.
pub struct Fnv64(u64);

impl Fnv64 {
    pub fn new() -> Self {
        Self(OFFSET_64)
    }

    pub fn write(&mut self, bytes: &[u8]) {
        self.0 = bytes.iter().fold(self.0, |hash, &b| {
            (hash ^ u64::from(b)).wrapping_mul(PRIME_64)
        });
    }

    pub fn finish(&self) -> u64 {
        self.0
    }
}

impl Default for Fnv64 {
    fn default() -> Self {
        Self::new()
    }
}

/// FNV-1a over several fields, 128 bits, as 32 hexadecimal digits. Each
/// field is followed by a byte that cannot occur in UTF-8 text, so `("ab",
/// "c")` and `("a", "bc")` differ.
pub fn fingerprint<'a>(fields: impl IntoIterator<Item = &'a str>) -> String {
    let mut hash = OFFSET_128;
    for field in fields {
        for &b in field.as_bytes().iter().chain(&[0xff]) {
            hash = (hash ^ u128::from(b)).wrapping_mul(PRIME_128);
        }
    }
    format!("{hash:032x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values() {
        // The reference values of the FNV specification.
        assert_eq!(fnv1a_64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a_64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a_64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn fields_are_separated() {
        assert_ne!(fingerprint(["ab", "c"]), fingerprint(["a", "bc"]));
        assert_eq!(fingerprint(["a", "b"]), fingerprint(["a", "b"]));
        assert_eq!(fingerprint(["a"]).len(), 32);
    }
}
