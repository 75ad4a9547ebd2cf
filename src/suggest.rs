//! Did-you-mean: the closest of several known words to a word that is not
//! one of them. Distances count characters, so one wrong character in a
//! three-character Chinese name is a near miss, as it is in `责任领到`.

use rustc_hash::FxHashMap;
use std::borrow::Cow;

/// The candidate closest to `word`, if it is close enough to be a likely
/// slip: at most one edit for short words, a third of the length for longer
/// ones. Ties go to the first candidate.
pub fn closest<'a, I>(word: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    Suggester::new(candidates).closest(word)
}

/// Up to this many candidates, a word is compared with each of them.
const FEW: usize = 32;

/// [`closest`] for many words against the same candidates: the candidates
/// are lowered and indexed by character once, and a word is compared only
/// with those that share a character with it (a candidate that shares none
/// is more edits away than its length allows).
pub struct Suggester<'a> {
    candidates: Vec<Candidate<'a>>,
    /// The characters of every candidate, each candidate's sorted.
    chars: Vec<char>,
    /// The candidates holding each character, in candidate order; empty
    /// when there are so few candidates that comparing with each is cheaper.
    by_char: FxHashMap<char, Vec<usize>>,
    /// Every candidate, shortest first.
    by_length: Vec<usize>,
}

struct Candidate<'a> {
    original: &'a str,
    lower: Cow<'a, str>,
    len: usize,
    /// Its characters, sorted, in [`Suggester::chars`].
    chars: std::ops::Range<usize>,
}

impl<'a> Suggester<'a> {
    pub fn new<I>(candidates: I) -> Self
    where
        I: IntoIterator<Item = &'a str>,
    {
        let mut out = Suggester {
            candidates: Vec::new(),
            chars: Vec::new(),
            by_char: FxHashMap::default(),
            by_length: Vec::new(),
        };
        for original in candidates {
            let lower = lowercase(original);
            let start = out.chars.len();
            out.chars.extend(lower.chars());
            out.chars[start..].sort_unstable();
            out.candidates.push(Candidate {
                original,
                lower,
                len: out.chars.len() - start,
                chars: start..out.chars.len(),
            });
        }
        if out.candidates.len() > FEW {
            for (index, candidate) in out.candidates.iter().enumerate() {
                for &c in &out.chars[candidate.chars.clone()] {
                    let holders = out.by_char.entry(c).or_default();
                    if holders.last() != Some(&index) {
                        holders.push(index);
                    }
                }
            }
        }
        out.by_length = (0..out.candidates.len()).collect();
        out.by_length.sort_by_key(|&i| out.candidates[i].len);
        out
    }

    /// The candidate closest to `word`, as [`closest`] chooses it.
    pub fn closest(&self, word: &str) -> Option<&'a str> {
        let word = lowercase(word);
        let len = word.chars().count();
        if len == 0 {
            return None;
        }
        let limit = (len / 3).max(1);
        // Candidates no longer than the limit may share no character and
        // still be close enough; every other one must share one.
        let short = self
            .by_length
            .partition_point(|&i| self.candidates[i].len <= limit);
        let ids: Vec<usize> = if self.candidates.len() > FEW {
            // Marked in a set of bits and read back in order: sorted, each
            // once, without sorting the thousands a common surname gives.
            let mut marked = vec![0u64; self.candidates.len().div_ceil(64)];
            for &i in word
                .chars()
                .filter_map(|c| self.by_char.get(&c))
                .flatten()
                .chain(&self.by_length[..short])
            {
                marked[i / 64] |= 1 << (i % 64);
            }
            let mut ids = Vec::new();
            for (block, &bits) in marked.iter().enumerate() {
                let mut bits = bits;
                while bits != 0 {
                    ids.push(block * 64 + bits.trailing_zeros() as usize);
                    bits &= bits - 1;
                }
            }
            ids
        } else {
            (0..self.candidates.len()).collect()
        };
        let mut word_chars: Vec<char> = word.chars().collect();
        word_chars.sort_unstable();
        let mut best: Option<(usize, &'a str)> = None;
        for candidate in ids.into_iter().map(|i| &self.candidates[i]) {
            if *candidate.lower == *word || candidate.len.abs_diff(len) > limit {
                continue;
            }
            // Every edit changes at most one character of the multiset
            // difference, so at least that many edits are needed.
            let common = common_count(&word_chars, &self.chars[candidate.chars.clone()]);
            if len.max(candidate.len) - common > limit {
                continue;
            }
            let distance = strsim::damerau_levenshtein(&word, &candidate.lower);
            // A word is not "close" to one it shares no character with.
            if distance > limit || distance >= len.max(candidate.len) {
                continue;
            }
            if best.is_none_or(|(d, _)| distance < d) {
                best = Some((distance, candidate.original));
            }
        }
        best.map(|(_, c)| c)
    }
}

/// How many characters two sorted lists share, counted with repetition.
fn common_count(left: &[char], right: &[char]) -> usize {
    let (mut l, mut r, mut shared) = (0, 0, 0);
    while l < left.len() && r < right.len() {
        match left[l].cmp(&right[r]) {
            std::cmp::Ordering::Less => l += 1,
            std::cmp::Ordering::Greater => r += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                l += 1;
                r += 1;
            }
        }
    }
    shared
}

/// `text.trim()`, told at once when neither end is white space: no white
/// space character lies above U+3000, and printable ASCII is none.
pub fn trim(text: &str) -> &str {
    let plain = |c: char| c > '\u{3000}' || ('!'..='~').contains(&c);
    let mut chars = text.chars();
    match (chars.next(), chars.next_back()) {
        (None, _) => text,
        (Some(first), last) if plain(first) && last.is_none_or(plain) => text,
        _ => text.trim(),
    }
}

/// `text.to_lowercase()`, borrowed when that changes nothing (as for Chinese
/// text, which has no case).
pub fn lowercase(text: &str) -> Cow<'_, str> {
    if text.chars().all(lowers_to_itself) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.to_lowercase())
    }
}

/// Whether a character is its own lowercase. The CJK blocks (U+2E80–U+A4CF)
/// and Hangul syllables have no case; other characters ask the tables.
pub fn lowers_to_itself(c: char) -> bool {
    if c.is_ascii() {
        return !c.is_ascii_uppercase();
    }
    if matches!(c, '\u{2E80}'..='\u{A4CF}' | '\u{AC00}'..='\u{D7AF}') {
        return true;
    }
    let mut lower = c.to_lowercase();
    lower.next() == Some(c) && lower.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn trim_is_str_trim() {
        for text in [
            "",
            " ",
            "a",
            " a",
            "a ",
            "\u{3000}李明\u{3000}",
            "李明",
            "李明\u{a0}",
            "\u{2003}x",
            "\u{1680}",
            "\t两项\n",
            "a\u{3001}",
            "\u{3000}",
            "\u{3001}",
            "\u{85}x",
            "x\u{7f}",
        ] {
            assert_eq!(super::trim(text), text.trim(), "{text:?}");
        }
    }

    #[test]
    fn one_wrong_character_in_a_chinese_word() {
        assert_eq!(
            closest("责任领到", ["责任部门", "责任领导"]),
            Some("责任领导")
        );
        assert_eq!(closest("李名", ["李明", "王芳"]), Some("李明"));
        assert_eq!(closest("陈国张", ["陈国强", "王芳"]), Some("陈国强"));
    }

    #[test]
    fn swapped_characters_and_case() {
        assert_eq!(closest("领导责任", ["责任领导"]), None);
        assert_eq!(closest("任责领导", ["责任领导"]), Some("责任领导"));
        assert_eq!(closest("Leadr", ["leader", "status"]), Some("leader"));
    }

    #[test]
    fn lowercase_agrees_with_the_standard_library() {
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let text = format!("{c}a{c}");
            assert_eq!(super::lowercase(&text), text.to_lowercase(), "{c:?}");
        }
        assert_eq!(super::lowercase("ΣΑΣ Σ"), "ΣΑΣ Σ".to_lowercase());
    }

    #[test]
    fn the_index_finds_what_comparing_with_every_candidate_finds() {
        let words = [
            "李明",
            "李名",
            "王芳",
            "陈国强",
            "a",
            "ab",
            "x",
            "XY",
            "leadr",
            "分局党委委员",
            "刑侦大队",
        ];
        let candidates = [
            "李明",
            "王芳",
            "陈国张",
            "b",
            "xy",
            "Leader",
            "分局党委委员、副局长",
            "y",
        ];
        for word in words {
            let slow = candidates
                .iter()
                .filter(|c| {
                    let (w, c) = (word.to_lowercase(), c.to_lowercase());
                    let d = strsim::damerau_levenshtein(&w, &c);
                    let len = w.chars().count();
                    w != c && d <= (len / 3).max(1) && d < len.max(c.chars().count())
                })
                .min_by_key(|c| {
                    strsim::damerau_levenshtein(&word.to_lowercase(), &c.to_lowercase())
                })
                .copied();
            assert_eq!(super::closest(word, candidates), slow, "{word}");
        }
    }

    /// `closest` as it was written before it had an index: every candidate
    /// compared.
    fn naive<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
        let word = word.to_lowercase();
        let len = word.chars().count();
        if len == 0 {
            return None;
        }
        let limit = (len / 3).max(1);
        let mut best: Option<(usize, &str)> = None;
        for candidate in candidates {
            let lower = candidate.to_lowercase();
            if lower == word {
                continue;
            }
            let distance = strsim::damerau_levenshtein(&word, &lower);
            if distance > limit || distance >= len.max(lower.chars().count()) {
                continue;
            }
            if best.is_none_or(|(d, _)| distance < d) {
                best = Some((distance, candidate));
            }
        }
        best.map(|(_, c)| c)
    }

    proptest::proptest! {
        #[test]
        fn the_index_agrees_with_comparing_every_candidate(
            word in "[abcAB李明王芳]{0,7}",
            // Past `FEW` (and past 64, a word of the index's bit set) the
            // index chooses whom to compare.
            candidates in proptest::collection::vec("[abcAB李明王芳]{0,7}", 0..100),
        ) {
            let candidates: Vec<&str> = candidates.iter().map(String::as_str).collect();
            proptest::prop_assert_eq!(
                super::closest(&word, candidates.iter().copied()),
                naive(&word, &candidates)
            );
        }

        #[test]
        fn trim_agrees_with_str_trim(text in "\\PC{0,6}|[ \t\u{3000}\u{a0}\u{2003}李]{0,4}") {
            proptest::prop_assert_eq!(super::trim(&text), text.trim());
        }
    }

    #[test]
    fn unrelated_words_have_no_suggestion() {
        assert_eq!(closest("张三", ["李明", "王芳"]), None);
        assert_eq!(closest("x", ["y"]), None);
        assert_eq!(closest("", ["y"]), None);
    }
}
