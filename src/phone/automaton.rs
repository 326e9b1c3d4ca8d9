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

/// The edges of the states before `at` in its block of eight.
fn edges_before(at: usize) -> Option<usize> {
    let block = at & !7;
    match STATE_EDGES.get(block..block + 8) {
        // All eight bytes at once: their counts, masked to the states
        // before `at`, summed by one multiplication (each count is at most
        // 15, seven of them at most 105: no byte overflows into the next).
        Some(bytes) => {
            let word = u64::from_le_bytes(bytes.try_into().ok()?) & 0x0f0f_0f0f_0f0f_0f0f;
            let before = word & ((1u64 << (8 * (at - block))) - 1);
            Some((before.wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize)
        }
        // The last block may be shorter.
        None => Some(
            STATE_EDGES
                .get(block..at)?
                .iter()
                .map(|&s| usize::from(s & COUNT))
                .sum(),
        ),
    }
}

fn step(state: u32, digit: u8) -> Option<u32> {
    let at = state as usize;
    let before = edges_before(at)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edges_before_a_state_are_the_counts_of_its_block_so_far() {
        for at in 0..STATE_EDGES.len() {
            let block = at & !7;
            let counted: usize = STATE_EDGES[block..at]
                .iter()
                .map(|&s| usize::from(s & COUNT))
                .sum();
            assert_eq!(edges_before(at), Some(counted), "state {at}");
        }
    }
}
