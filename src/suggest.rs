//! Did-you-mean: the closest of several known words to a word that is not
//! one of them. Distances count characters, so one wrong character in a
//! three-character Chinese name is a near miss, as it is in `责任领到`.

/// The candidate closest to `word`, if it is close enough to be a likely
/// slip: at most one edit for short words, a third of the length for longer
/// ones. Ties go to the first candidate.
pub fn closest<'a, I>(word: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
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
        let candidate_len = lower.chars().count();
        // A word is not "close" to one it shares no character with.
        if distance > limit || distance >= len.max(candidate_len) {
            continue;
        }
        if best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::closest;

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
    fn unrelated_words_have_no_suggestion() {
        assert_eq!(closest("张三", ["李明", "王芳"]), None);
        assert_eq!(closest("x", ["y"]), None);
        assert_eq!(closest("", ["y"]), None);
    }
}
