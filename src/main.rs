//! The `rectlint` binary: everything happens in the library.

fn main() -> std::process::ExitCode {
    rectlint::run(std::env::args_os())
}
