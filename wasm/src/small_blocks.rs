//! The WebAssembly module's memory allocator: Rust's default for
//! `wasm32-unknown-unknown` (dlmalloc), with free lists of small blocks in
//! front of it.
//!
//! Why: validating a record makes some sixty small allocations (keys,
//! strings, paths, the result's text), and in WebAssembly each dlmalloc
//! `malloc` + `free` pair is a few hundred instructions behind two calls;
//! together they were a fifth of a `safeParse`. A freed block of up to
//! [`MAX_SMALL`] bytes is kept on the free list of its size class instead,
//! and the next allocation of that class takes it back in a few
//! instructions. Blocks in the lists are not returned to dlmalloc, so the
//! memory they hold is at most the most the module ever had live in small
//! blocks at once (WebAssembly memory never shrinks anyway).
//!
//! The module runs on one thread (the target has no threads without the
//! `atomics` feature, and `lib.rs` only installs this allocator without
//! it), so the lists need no lock. It is this crate's (the npm package's
//! module's) alone: the `customer-schema` library installs no allocator, so
//! a Rust program that uses it on wasm32 keeps its own.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::UnsafeCell;
use std::ptr;

/// Size classes: class `c` holds blocks of `GRANULE * (c + 1)` bytes.
const GRANULE: usize = 16;
const CLASSES: usize = 8;
/// The largest block kept on a free list.
const MAX_SMALL: usize = GRANULE * CLASSES;
/// dlmalloc's own alignment on wasm32: asking for more takes its slow path
/// (larger alignments go to dlmalloc directly).
const ALIGN: usize = 8;

pub struct SmallBlocks {
    /// The head of each class's list; a free block's first word points to
    /// the next one (null at the end).
    heads: UnsafeCell<[*mut u8; CLASSES]>,
}

// SAFETY: the module is single-threaded (see the module docs).
unsafe impl Sync for SmallBlocks {}

impl SmallBlocks {
    pub const fn new() -> Self {
        SmallBlocks {
            heads: UnsafeCell::new([ptr::null_mut(); CLASSES]),
        }
    }
}

/// The size class of a layout, if its blocks are kept.
fn class(size: usize, align: usize) -> Option<usize> {
    (size <= MAX_SMALL && align <= ALIGN).then(|| size.saturating_sub(1) / GRANULE)
}

/// The layout a class's blocks are allocated from dlmalloc with.
fn class_layout(class: usize) -> Layout {
    // SAFETY: a non-zero size of at most MAX_SMALL, a power-of-two alignment.
    unsafe { Layout::from_size_align_unchecked(GRANULE * (class + 1), ALIGN) }
}

unsafe impl GlobalAlloc for SmallBlocks {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some(class) = class(layout.size(), layout.align()) else {
            return System.alloc(layout);
        };
        // SAFETY: one thread, and no call below re-enters this allocator.
        let heads = &mut *self.heads.get();
        let head = heads[class];
        if head.is_null() {
            return System.alloc(class_layout(class));
        }
        // SAFETY: a block on a list holds the next block's address in its
        // first word (blocks are at least GRANULE bytes, aligned to ALIGN).
        heads[class] = head.cast::<*mut u8>().read();
        head
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        let Some(class) = class(layout.size(), layout.align()) else {
            return System.dealloc(block, layout);
        };
        // SAFETY: as in `alloc`; the block is ours now, its memory unused.
        let heads = &mut *self.heads.get();
        block.cast::<*mut u8>().write(heads[class]);
        heads[class] = block;
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let old = class(layout.size(), layout.align());
        let new = class(new_size, layout.align());
        match (old, new) {
            // The block already has room: small blocks are their class's size.
            (Some(old), Some(new)) if old == new => block,
            (None, None) => System.realloc(block, layout, new_size),
            _ => {
                // SAFETY: `new_size` is non-zero and, rounded up to the
                // alignment, does not overflow (GlobalAlloc::realloc's contract).
                let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
                let moved = self.alloc(new_layout);
                if !moved.is_null() {
                    ptr::copy_nonoverlapping(block, moved, layout.size().min(new_size));
                    self.dealloc(block, layout);
                }
                moved
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Blocks of every size up to twice the largest class, in several
    /// alignments, allocated, grown, shrunk and freed in a seeded random
    /// order: each keeps its own bytes (no two live blocks overlap, no
    /// free-list pointer is written into a live block), and the contents up
    /// to the smaller size survive every `realloc`.
    #[test]
    fn live_blocks_keep_their_bytes_through_alloc_realloc_and_free() {
        let blocks = SmallBlocks::new();
        let mut live: Vec<(*mut u8, Layout, u8)> = Vec::new();
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move |below: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % below as u64) as usize
        };
        let check = |block: *mut u8, size: usize, tag: u8| {
            for i in 0..size {
                // SAFETY: `block` is live with at least `size` bytes.
                assert_eq!(unsafe { block.add(i).read() }, tag, "byte {i} of {size}");
            }
        };
        let fill = |block: *mut u8, size: usize, tag: u8| {
            // SAFETY: as above.
            unsafe { block.write_bytes(tag, size) };
        };
        for step in 0..20_000u32 {
            let tag = (step % 251) as u8;
            match next(3) {
                0 if !live.is_empty() => {
                    let (block, layout, tag) = live.swap_remove(next(live.len()));
                    check(block, layout.size(), tag);
                    // SAFETY: allocated by `blocks` with this layout.
                    unsafe { blocks.dealloc(block, layout) };
                }
                1 if !live.is_empty() => {
                    let at = next(live.len());
                    let (block, layout, old_tag) = live[at];
                    let new_size = 1 + next(2 * MAX_SMALL);
                    // SAFETY: as above; a non-zero new size.
                    let moved = unsafe { blocks.realloc(block, layout, new_size) };
                    assert!(!moved.is_null());
                    check(moved, layout.size().min(new_size), old_tag);
                    let layout = Layout::from_size_align(new_size, layout.align()).unwrap();
                    fill(moved, new_size, tag);
                    live[at] = (moved, layout, tag);
                }
                _ => {
                    let align = [1, 2, 4, 8, 16][next(5)];
                    let layout = Layout::from_size_align(1 + next(2 * MAX_SMALL), align).unwrap();
                    // SAFETY: a non-zero size.
                    let block = unsafe { blocks.alloc(layout) };
                    assert!(!block.is_null());
                    assert_eq!(block as usize % align, 0, "alignment {align}");
                    fill(block, layout.size(), tag);
                    live.push((block, layout, tag));
                }
            }
        }
        for (block, layout, tag) in live {
            check(block, layout.size(), tag);
            // SAFETY: as above.
            unsafe { blocks.dealloc(block, layout) };
        }
    }
}
