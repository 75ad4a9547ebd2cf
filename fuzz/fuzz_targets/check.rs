//! Everything a run does with one file, on any bytes
//! ([`rectlint::commands::check::exercise`]): decoding, parsing, every rule of the
//! strictest profile (through the core, [`rectlint::check_text`], which must
//! find in UTF-8 bytes' text what it finds in the bytes), the findings rendered in every format and both
//! languages, the safe and unsafe fixes applied as `--fix` does and `fmt`
//! run, each result checked again. One input in sixteen (by its length) is
//! also tried made into long lines ([`rectlint::commands::check::long_lines`]): its
//! first finding moved past column 70,000, and 20,000 stray `}` on one line
//! after it; that takes a while, so not for every input. Nothing may panic.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use rectlint::check::Dates;
use rectlint::config::Profile;

fn profile() -> &'static Profile {
    static PROFILE: OnceLock<Profile> = OnceLock::new();
    PROFILE.get_or_init(|| Profile::shipped("strict").expect("the strict profile is shipped"))
}

fuzz_target!(|bytes: &[u8]| {
    let dates = Dates {
        as_of: None,
        today: Some(jiff::civil::date(2025, 4, 27)),
    };
    // No path: the evidence rules never touch the file system.
    rectlint::commands::check::exercise(bytes, profile(), dates);
    if bytes.len() % 16 == 0 {
        rectlint::commands::check::exercise_long_lines(bytes, profile(), dates);
    }
});
