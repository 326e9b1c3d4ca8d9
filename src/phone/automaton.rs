//! The digit automata: deterministic, over the ten digits, all states of
//! every pattern in one pool (`tables::EDGE_START`, `tables::EDGES`).
//!
//! A state's edges are runs of digits with one target each, packed in a
//! `u32`: `lo << 28 | hi << 24 | target`. A digit with no edge means the
//! number cannot match. Reading is a loop over at most 17 digits with no
//! allocation, no recursion and no engine to start up.

use super::tables::{EDGES, EDGE_START};

const ACCEPT: u32 = 1 << 31;

fn is_accepting(state: u32) -> bool {
    EDGE_START[state as usize] & ACCEPT != 0
}

fn step(state: u32, digit: u8) -> Option<u32> {
    let from = (EDGE_START[state as usize] & !ACCEPT) as usize;
    let to = (EDGE_START[state as usize + 1] & !ACCEPT) as usize;
    EDGES[from..to].iter().find_map(|&edge| {
        let lo = (edge >> 28) as u8;
        let hi = (edge >> 24 & 0xf) as u8;
        (lo <= digit && digit <= hi).then_some(edge & 0xff_ffff)
    })
}

/// True when all of `digits` (ASCII) match the pattern starting at `start`.
pub fn matches_all(start: u32, digits: &[u8]) -> bool {
    let mut state = start;
    for &d in digits {
        match step(state, d.wrapping_sub(b'0')) {
            Some(next) => state = next,
            None => return false,
        }
    }
    is_accepting(state)
}

/// True when some prefix of `digits` matches the pattern (Java's
/// `lookingAt`, as libphonenumber uses it for `leadingDigits`).
pub fn matches_prefix(start: u32, digits: &[u8]) -> bool {
    let mut state = start;
    for &d in digits {
        if is_accepting(state) {
            return true;
        }
        match step(state, d.wrapping_sub(b'0')) {
            Some(next) => state = next,
            None => return false,
        }
    }
    is_accepting(state)
}
