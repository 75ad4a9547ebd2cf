//! Huge pages for a large plan's memory (Linux; elsewhere nothing happens).
//!
//! A large plan's run writes some 30 MB of fresh memory, and the kernel hands
//! it over a 4 KB page at a time: on the development machine each page took
//! 2–3 µs, a quarter of the 10,000-measure plan's run, and more in its slow
//! minutes. In a 2 MB page the same memory comes in one fault. Systems are
//! usually set to give huge pages only where a program asks (`madvise`), and
//! asking for all of the allocator's memory (jemalloc's `thp:always`) made a
//! small plan slower and raised the large plan's peak to 40 MB, so rectlint
//! asks only where a large plan's memory goes (benches/README.md):
//!
//! - every allocation of 2 MB or more: the file, its line table
//!   ([`HugePages`], the binary's allocator);
//! - before the first file of 1 MB or more, 12 MB on each thread that checks
//!   files, allocated, advised and freed again at once ([`prepare_for`]): the
//!   allocator hands the same memory out again for the plan's many small
//!   values, now in huge pages. Memory nobody writes costs nothing.
//!
//! Advice changes only how memory is mapped, never what it holds: the
//! output is the same with or without it.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::Cell;
use std::sync::atomic::{AtomicBool, Ordering};

/// The size of a huge page on x86-64 and of most aarch64 systems.
const HUGE_PAGE: usize = 2 << 20;

/// Files at least this long have their threads' memory prepared.
pub const LARGE_FILE_BYTES: u64 = 1 << 20;

/// Each thread's memory is prepared in blocks of this size, under jemalloc's
/// threshold for the separate arena of very large allocations (8 MB), so
/// that the thread's own arena keeps the memory when it is freed,
const BLOCK_BYTES: usize = 6 << 20;
/// this many: sized for the 10,000-measure plan (4.3 MB, about 8 MB of small
/// values on each of two threads).
const BLOCKS: usize = 2;

/// An allocator that asks for huge pages under every allocation of 2 MB or
/// more, and otherwise does what `A` does.
pub struct HugePages<A>(pub A);

// SAFETY: every call goes to `A` unchanged; the advice only changes how the
// memory `A` returned is mapped, not its contents or who owns it.
unsafe impl<A: GlobalAlloc> GlobalAlloc for HugePages<A> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract, passed on.
        let p = unsafe { self.0.alloc(layout) };
        advise_large(p, layout.size());
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract, passed on.
        let p = unsafe { self.0.alloc_zeroed(layout) };
        advise_large(p, layout.size());
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract, passed on.
        unsafe { self.0.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's contract, passed on.
        let p = unsafe { self.0.realloc(ptr, layout, new_size) };
        advise_large(p, new_size);
        p
    }
}

fn advise_large(p: *mut u8, size: usize) {
    if size >= HUGE_PAGE && !p.is_null() {
        advise(p, size);
    }
}

/// The huge pages that lie wholly inside `len` bytes from `start`, as
/// (address, length); `None` when there is not one.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
fn whole_huge_pages(start: usize, len: usize) -> Option<(usize, usize)> {
    let first = start.checked_next_multiple_of(HUGE_PAGE)?;
    let end = start.checked_add(len)? / HUGE_PAGE * HUGE_PAGE;
    (end > first).then(|| (first, end - first))
}

/// Ask for huge pages under the allocation of `len` bytes at `p`: only its
/// whole huge pages, so that no memory around it is touched.
#[cfg(target_os = "linux")]
fn advise(p: *mut u8, len: usize) {
    if let Some((first, len)) = whole_huge_pages(p as usize, len) {
        // SAFETY: the range lies inside one live allocation; `MADV_HUGEPAGE`
        // changes how it is mapped, not what it holds. A kernel without huge
        // pages refuses, and nothing changes.
        unsafe {
            libc::madvise(first as *mut libc::c_void, len, libc::MADV_HUGEPAGE);
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn advise(_p: *mut u8, _len: usize) {}

static PREPARED: AtomicBool = AtomicBool::new(false);

thread_local! {
    static THREAD_PREPARED: Cell<bool> = const { Cell::new(false) };
}

/// Before a file of `size` bytes is read, on a thread of the pool that checks
/// files: the first time a file of [`LARGE_FILE_BYTES`] or more comes, prepare
/// this thread's memory now and every other thread's as soon as it is free.
pub fn prepare_for(size: u64) {
    if size < LARGE_FILE_BYTES || PREPARED.swap(true, Ordering::Relaxed) {
        return;
    }
    prepare_thread();
    if rayon::current_num_threads() > 1 {
        rayon::spawn_broadcast(|_| prepare_thread());
    }
}

/// Allocate, advise and free [`BLOCKS`] blocks, once per thread.
fn prepare_thread() {
    if THREAD_PREPARED.replace(true) {
        return;
    }
    let Ok(layout) = Layout::from_size_align(BLOCK_BYTES, HUGE_PAGE) else {
        return;
    };
    let mut blocks = [std::ptr::null_mut(); BLOCKS];
    for block in &mut blocks {
        // SAFETY: the layout is not zero-sized.
        *block = unsafe { std::alloc::alloc(layout) };
        if !block.is_null() {
            advise(*block, BLOCK_BYTES);
        }
    }
    for block in blocks.into_iter().filter(|b| !b.is_null()) {
        // SAFETY: allocated just above with this layout, not written.
        unsafe { std::alloc::dealloc(block, layout) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_whole_huge_pages_are_advised() {
        const H: usize = HUGE_PAGE;
        assert_eq!(whole_huge_pages(H, H), Some((H, H)));
        assert_eq!(whole_huge_pages(H + 1, 2 * H), Some((2 * H, H)));
        assert_eq!(whole_huge_pages(H + 4096, 3 * H), Some((2 * H, 2 * H)));
        assert_eq!(whole_huge_pages(H + 1, H), None);
        assert_eq!(whole_huge_pages(4096, H), None);
        assert_eq!(whole_huge_pages(usize::MAX - 10, H), None);
    }

    #[test]
    fn the_allocator_gives_what_it_is_given_and_keeps_what_is_written() {
        let alloc = HugePages(std::alloc::System);
        for size in [16, HUGE_PAGE - 1, HUGE_PAGE, 3 * HUGE_PAGE + 12345] {
            let layout = Layout::from_size_align(size, 8).unwrap();
            // SAFETY: non-zero sizes; each block is freed with its layout.
            unsafe {
                let p = alloc.alloc(layout);
                assert!(!p.is_null());
                p.write_bytes(0xA5, size);
                let q = alloc.realloc(p, layout, size * 2);
                assert!(!q.is_null());
                let bytes = std::slice::from_raw_parts(q, size);
                assert!(bytes.iter().all(|&b| b == 0xA5));
                alloc.dealloc(q, Layout::from_size_align(size * 2, 8).unwrap());
                let z = alloc.alloc_zeroed(layout);
                assert!(std::slice::from_raw_parts(z, size).iter().all(|&b| b == 0));
                alloc.dealloc(z, layout);
            }
        }
    }

    #[test]
    fn memory_is_prepared_once_and_only_for_a_large_file() {
        prepare_for(LARGE_FILE_BYTES - 1);
        assert!(!THREAD_PREPARED.get());
        prepare_thread();
        assert!(THREAD_PREPARED.get());
        // Again: nothing more happens.
        prepare_thread();
        assert!(THREAD_PREPARED.get());
    }
}
