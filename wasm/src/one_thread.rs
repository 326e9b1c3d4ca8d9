//! [`OneThread`]: a `Cell` that can live in a `static`.
//!
//! The WebAssembly module runs on one thread (`wasm32-unknown-unknown`
//! without the `atomics` feature has no threads; the crate root refuses to
//! build with it), so state kept between calls needs no lock, and a plain
//! `static` is smaller and faster than `thread_local!`'s machinery.

use std::cell::Cell;
use std::ops::Deref;

pub struct OneThread<T>(Cell<T>);

// SAFETY: there is one thread (see the module docs).
unsafe impl<T> Sync for OneThread<T> {}

impl<T> OneThread<T> {
    pub const fn new(value: T) -> Self {
        OneThread(Cell::new(value))
    }
}

impl<T> Deref for OneThread<T> {
    type Target = Cell<T>;

    fn deref(&self) -> &Cell<T> {
        &self.0
    }
}
