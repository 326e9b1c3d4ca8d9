//! The digit automata: deterministic, over the ten digits, all states of
//! every pattern in one pool.
//!
//! The tables are byte arrays (see `tools/phone-tables` for the layout): a
//! state has a count of edges and an accept flag; its edges are runs of
//! digits `lo..=hi` with one target state each. A digit with no edge means
//! the number cannot match. Finding a state's first edge adds at most seven
//! counts to a checkpoint kept every eight states, which keeps the tables
//! small without making the walk slow. Reading is a loop over at most 17
//! digits with no allocation, no recursion and no engine to start up.

use super::tables::{EDGE_CHECKPOINT, EDGE_DIGITS, EDGE_TARGET_HI, EDGE_TARGET_LO, STATE_EDGES};

const ACCEPT: u8 = 1 << 4;
const COUNT: u8 = 0xf;

fn is_accepting(state: u32) -> bool {
    STATE_EDGES
        .get(state as usize)
        .is_some_and(|&s| s & ACCEPT != 0)
}

fn step(state: u32, digit: u8) -> Option<u32> {
    let at = state as usize;
    let block = at & !7;
    let before: usize = STATE_EDGES
        .get(block..at)?
        .iter()
        .map(|&s| usize::from(s & COUNT))
        .sum();
    let first = usize::from(*EDGE_CHECKPOINT.get(at / 8)?) + before;
    let count = usize::from(STATE_EDGES.get(at)? & COUNT);
    (first..first + count).find_map(|edge| {
        let runs = *EDGE_DIGITS.get(edge)?;
        (runs >> 4 <= digit && digit <= runs & 0xf)
            .then(|| u32::from(EDGE_TARGET_LO[edge]) | u32::from(EDGE_TARGET_HI[edge]) << 8)
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
