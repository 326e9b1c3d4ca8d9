//! The prefix matcher: a Pike VM over the digit programs in
//! `tables::PROGRAM`, for the two patterns whose *match* matters, not only
//! whether there is one: the international dialling prefix (where does it
//! end?) and the national prefix for parsing (what did its groups capture,
//! for the transform rule?).
//!
//! Matching is anchored at the start of the number and leftmost-first, the
//! semantics of Java's `lookingAt` and of the `regex` crate, so the match
//! and its groups are the ones libphonenumber sees. A Pike VM keeps one
//! thread per instruction, so the work is bounded by program length times
//! number length, with no recursion and no backtracking blow-up.

use super::tables::PROGRAM;
use super::{Inst, Prog};
use std::cell::RefCell;

/// Capture slots kept: groups 0 (the whole match) to 3. The generator
/// refuses patterns with more groups.
const SLOTS: usize = 8;

type Slots = [Option<u8>; SLOTS];

/// A successful match: where it ends, and each group's span.
pub struct Captures {
    slots: Slots,
}

impl Captures {
    /// The end of the whole match.
    pub fn end(&self) -> usize {
        self.slots[1].map_or(0, usize::from)
    }

    /// The span of group `n`, if it took part in the match.
    pub fn group(&self, n: usize) -> Option<(usize, usize)> {
        let start = *self.slots.get(2 * n)?;
        let end = *self.slots.get(2 * n + 1)?;
        Some((usize::from(start?), usize::from(end?)))
    }
}

/// The threads alive at one position, in priority order.
struct Threads {
    /// Offsets (within the program) of the threads, in priority order.
    order: Vec<u16>,
    /// `visited[pc] == generation` when `pc` was reached at this position,
    /// as a thread or on the way to one: the first (highest-priority) path
    /// to an instruction is the only one kept.
    visited: Vec<u32>,
    generation: u32,
    slots: Vec<Slots>,
}

impl Threads {
    fn new() -> Self {
        Threads {
            order: Vec::new(),
            visited: Vec::new(),
            generation: 0,
            slots: Vec::new(),
        }
    }

    /// Empties the list for a program of `len` instructions.
    fn reset(&mut self, len: usize) {
        if self.visited.len() < len {
            self.visited.resize(len, 0);
            self.slots.resize(len, [None; SLOTS]);
        }
        self.order.clear();
        self.generation = self.generation.wrapping_add(1);
        if self.generation == 0 {
            // Stamps from 4 billion resets ago could collide: start afresh.
            self.visited.fill(0);
            self.generation = 1;
        }
    }
}

/// Buffers kept between calls, so a match allocates nothing once warm.
struct Scratch {
    current: Threads,
    next: Threads,
    stack: Vec<Frame>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch {
        current: Threads::new(),
        next: Threads::new(),
        stack: Vec::new(),
    });
}

/// Work left while following the empty-width instructions from one thread.
enum Frame {
    Visit(u16),
    Restore(usize, Option<u8>),
}

/// Adds the thread at `pc` (offset in `prog`) and everything reachable from
/// it without reading a digit, depth-first in priority order, with an
/// explicit stack.
fn add(
    list: &mut Threads,
    stack: &mut Vec<Frame>,
    prog: Prog,
    pc: u16,
    mut slots: Slots,
    at: usize,
    len: usize,
) {
    stack.push(Frame::Visit(pc));
    while let Some(frame) = stack.pop() {
        let pc = match frame {
            Frame::Visit(pc) => pc,
            Frame::Restore(slot, value) => {
                slots[slot] = value;
                continue;
            }
        };
        let index = usize::from(pc);
        if index >= list.visited.len() || list.visited[index] == list.generation {
            continue;
        }
        list.visited[index] = list.generation;
        match PROGRAM[usize::from(prog.start) + index] {
            Inst::Jump(to) => stack.push(Frame::Visit(to.wrapping_sub(prog.start))),
            Inst::Split(first, second) => {
                stack.push(Frame::Visit(second.wrapping_sub(prog.start)));
                stack.push(Frame::Visit(first.wrapping_sub(prog.start)));
            }
            Inst::Save(slot) => {
                let slot = usize::from(slot);
                if slot < SLOTS {
                    stack.push(Frame::Restore(slot, slots[slot]));
                    slots[slot] = u8::try_from(at).ok();
                }
                stack.push(Frame::Visit(pc + 1));
            }
            Inst::Start => {
                if at == 0 {
                    stack.push(Frame::Visit(pc + 1));
                }
            }
            Inst::End => {
                if at == len {
                    stack.push(Frame::Visit(pc + 1));
                }
            }
            Inst::Digits(_) | Inst::Match => {
                list.order.push(pc);
                list.slots[index] = slots;
            }
        }
    }
}

/// The leftmost-first match of `prog` at the start of `digits` (ASCII).
pub fn match_prefix(prog: Prog, digits: &[u8]) -> Option<Captures> {
    if prog.len == 0 {
        return None;
    }
    // Most numbers cannot start a match: no need to run the machine.
    let starts = digits
        .first()
        .is_some_and(|d| d.wrapping_sub(b'0') < 10 && prog.first & (1 << (d - b'0')) != 0);
    if !starts && !prog.empty {
        return None;
    }
    SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
        Ok(mut scratch) => run(prog, digits, &mut scratch),
        // Only reachable by re-entry, which nothing does; still no panic.
        Err(_) => run(
            prog,
            digits,
            &mut Scratch {
                current: Threads::new(),
                next: Threads::new(),
                stack: Vec::new(),
            },
        ),
    })
}

fn run(prog: Prog, digits: &[u8], scratch: &mut Scratch) -> Option<Captures> {
    let Scratch {
        current,
        next,
        stack,
    } = scratch;
    let size = usize::from(prog.len);
    current.reset(size);
    next.reset(size);
    stack.clear();
    let mut found = None;
    add(current, stack, prog, 0, [None; SLOTS], 0, digits.len());
    for at in 0..=digits.len() {
        if current.order.is_empty() {
            break;
        }
        let digit = digits.get(at).map(|d| d.wrapping_sub(b'0'));
        for i in 0..current.order.len() {
            let pc = current.order[i];
            let slots = current.slots[usize::from(pc)];
            match PROGRAM[usize::from(prog.start) + usize::from(pc)] {
                Inst::Match => {
                    // Lower-priority threads can no longer win.
                    found = Some(Captures { slots });
                    break;
                }
                Inst::Digits(set) if digit.is_some_and(|d| d < 10 && set & (1 << d) != 0) => {
                    add(next, stack, prog, pc + 1, slots, at + 1, digits.len());
                }
                _ => {}
            }
        }
        std::mem::swap(current, next);
        next.reset(size);
    }
    found
}
