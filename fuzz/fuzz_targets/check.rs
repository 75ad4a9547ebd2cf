//! The parser and the checker on any bytes: decoding, parsing, every rule of
//! the strictest profile, the safe and unsafe fixes applied as `--fix` does,
//! and `fmt` on what parses. Nothing may panic, and a fix or `fmt` must leave
//! text that reads again.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use rectlint::check::{Dates, FileInfo};
use rectlint::config::Profile;
use rectlint::fix::{self, Mode};
use rectlint::lint::check_bytes;

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
    let file = FileInfo::default();
    let checked = check_bytes(bytes, profile(), dates, &file);
    for mode in [Mode::Safe, Mode::Unsafe] {
        let (fixed, applied) = fix::apply(&checked.text, &checked.diagnostics, mode);
        if applied > 0 {
            check_bytes(fixed.as_bytes(), profile(), dates, &file);
        }
    }
    if let Ok(formatted) = rectlint::fmt::format(&checked.text) {
        check_bytes(formatted.as_bytes(), profile(), dates, &file);
    }
});
