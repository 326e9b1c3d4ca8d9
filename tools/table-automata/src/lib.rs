//! What the table generators' automata share (`tools/phone-tables`: the
//! digits of phone patterns; `tools/address-tables`: the symbols of postal
//! codes): deterministic states over an alphabet of `N` symbols, all the
//! automata of a generator in one pool, and the minimisation that merges
//! their equivalent states (Moore's partition refinement). How the states
//! are numbered afterwards is each generator's own (it decides how its
//! tables compress).

use std::collections::HashMap;

/// No transition: the target of a symbol a state does not accept.
pub const DEAD: u32 = u32::MAX;

/// One state: `accept` means what was read so far matches; `next[s]` is
/// the state after symbol `s` ([`DEAD`]: none).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct State<const N: usize> {
    pub accept: bool,
    pub next: [u32; N],
}

impl<const N: usize> State<N> {
    /// A state that accepts nothing and has no transition.
    pub fn dead() -> Self {
        State {
            accept: false,
            next: [DEAD; N],
        }
    }
}

/// Merges equivalent states (Moore's partition refinement: states start
/// split by `accept`, and are split again by the classes of their targets
/// until no class splits). Returns each state's class and the number of
/// classes; [`mapped`] builds the merged states from them.
pub fn minimise<const N: usize>(states: &[State<N>]) -> (Vec<u32>, usize) {
    let mut class: Vec<u32> = states.iter().map(|s| u32::from(s.accept)).collect();
    let mut count = 0;
    loop {
        let mut ids: HashMap<(u32, [u32; N]), u32> = HashMap::new();
        let next: Vec<u32> = states
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let key = (
                    class[i],
                    s.next
                        .map(|t| if t == DEAD { DEAD } else { class[t as usize] }),
                );
                let n = ids.len() as u32;
                *ids.entry(key).or_insert(n)
            })
            .collect();
        let new_count = ids.len();
        class = next;
        if new_count == count {
            return (class, count);
        }
        count = new_count;
    }
}

/// The states moved to their numbers in `map` (several may share one, when
/// they are equivalent), with their edges renumbered alike; `count` states.
/// A number no state maps to stays a dead state.
pub fn mapped<const N: usize>(states: &[State<N>], map: &[u32], count: usize) -> Vec<State<N>> {
    let mut out = vec![State::dead(); count];
    for (old, s) in states.iter().enumerate() {
        let Some(slot) = out.get_mut(map[old] as usize) else {
            continue;
        };
        *slot = State {
            accept: s.accept,
            next: s
                .next
                .map(|t| if t == DEAD { DEAD } else { map[t as usize] }),
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `[01]` then `1`, written twice (states 0-2 and 3-5): one automaton
    /// after minimising.
    #[test]
    fn equivalent_automata_merge_into_one() {
        let s = |accept, zero, one| State::<2> {
            accept,
            next: [zero, one],
        };
        let states = vec![
            s(false, 1, 1),
            s(false, DEAD, 2),
            s(true, DEAD, DEAD),
            s(false, 4, 4),
            s(false, DEAD, 5),
            s(true, DEAD, DEAD),
        ];
        let (class, count) = minimise(&states);
        assert_eq!(count, 3);
        assert_eq!(class[0], class[3]);
        assert_eq!(class[2], class[5]);
        let merged = mapped(&states, &class, count);
        assert_eq!(merged.len(), 3);
        assert!(merged[class[2] as usize].accept);
        assert_eq!(merged[class[0] as usize].next, [class[1]; 2]);
    }
}
