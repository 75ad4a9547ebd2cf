//! The `rectlint` binary: everything happens in the library.

// jemalloc allocates and frees the many small values of a large plan faster
// than the system allocator (benches/README.md); a large plan's memory comes
// in huge pages (src/hugepages.rs).
#[cfg(all(feature = "jemalloc", not(target_env = "msvc")))]
#[global_allocator]
static GLOBAL: rectlint::hugepages::HugePages<tikv_jemallocator::Jemalloc> =
    rectlint::hugepages::HugePages(tikv_jemallocator::Jemalloc);

/// jemalloc's options, read when it starts. `lg_extent_max_active_fit`: free
/// memory may be cut into pieces up to 2^20 times smaller (jemalloc's default
/// is 2^6), so that the 6 MB blocks a large plan's threads prepare are handed
/// out again for its small values.
#[cfg(all(feature = "jemalloc", not(target_env = "msvc")))]
#[unsafe(export_name = "_rjem_malloc_conf")]
static MALLOC_CONF: &u8 = &b"lg_extent_max_active_fit:20\0"[0];

fn main() -> std::process::ExitCode {
    rectlint::run(std::env::args_os())
}
