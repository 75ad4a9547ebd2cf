//! The `rectlint` binary: everything happens in the library.

// Reading a plan allocates many small strings; mimalloc serves them faster
// than the system allocator (see benches/README.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    rectlint::run(std::env::args_os())
}
