//! The library's messages and what rendering them needs.

pub mod plural;
