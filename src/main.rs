//! The `rectlint` binary: everything happens in the library.

// jemalloc allocates and frees the many small values of a large plan faster
// than the system allocator (benches/README.md).
#[cfg(all(feature = "jemalloc", not(target_env = "msvc")))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> std::process::ExitCode {
    rectlint::run(std::env::args_os())
}
