//! Compiles Google's libphonenumber metadata into the static tables of
//! customer-schema's phone engine, `src/phone/tables.rs`.
//!
//! The source is Google's own Python port, the PyPI wheel `phonenumbers`,
//! pinned by version and SHA-256 in `tools/phone-tables/phonenumbers.pin`
//! (the differential tests' oracle, `scripts/phone_oracle.py`, reads the same
//! pin): its `phonenumbers/data/region_*.py` files are Python literals, read
//! by a small bounded reader ([`source`]) with no Python involved. The
//! metadata there is already built the way libphonenumber's own builder
//! builds it (general lengths filled in, the national prefix for parsing
//! defaulted), so it is what Java and Python run on.
//!
//! Why a generator with committed output (as regex-syntax does for its
//! Unicode tables) rather than a build script: the shipped crate then builds
//! with no regex engine, no metadata decoding and no phonenumber in its
//! dependency graph, the tables are reviewable in diffs, and a metadata
//! update is one deliberate command. `--check` fails when the committed file
//! is stale; the test command runs it.
//!
//! What is compiled, and into what:
//! - every national-number pattern (general description and the ten number
//!   types), and each region's `leadingDigits`, into deterministic automata
//!   over the ten digits, all in one pool of states minimised together
//!   (Moore's algorithm), so the `\d{7}` tails and common prefixes that
//!   hundreds of patterns share are stored once;
//! - the patterns that need a match *position* or *capture groups* — the
//!   international dialling prefix and the national prefix for parsing —
//!   into small instruction programs for a Pike VM (leftmost-first, as the
//!   `regex` crate and Java match), which the engine runs anchored at the
//!   start of the number.
//!
//! Usage: `cargo run --release -p phone-tables [-- --check | --update]`:
//! writes the tables; `--check` fails when the committed file is not what
//! the pinned wheel gives; `--update` first asks PyPI for the newest release,
//! downloads and checksums it and rewrites the pin
//! (`scripts/update-phone-metadata` does that, then runs the differential
//! suite).

mod source;

use regex_automata::dfa::{dense, Automaton, StartKind};
use regex_automata::util::syntax;
use regex_automata::{Anchored, MatchKind};
use regex_syntax::hir::{Class, Hir, HirKind, Look};
use source::{Database, Desc, Meta, Pin};
use std::collections::HashMap;
use std::fmt::Write as _;

use table_automata::DEAD;

const OUTPUT: &str = "src/phone/tables.rs";
/// Absent pattern.
const NONE32: u32 = u32::MAX;
/// Capture groups the engine's prefix matcher keeps (`src/phone/pike.rs`).
const MAX_GROUPS: usize = 3;

/// A program's place in `PROGRAM`; `len == 0` for an absent pattern.
/// `first`: the digits a match can start with (bit d for digit d);
/// `empty`: whether it may match the empty string. Together they let the
/// engine skip the matcher for most numbers.
#[derive(Clone, Copy, Default)]
struct Prog {
    start: u16,
    len: u16,
    first: u16,
    empty: bool,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let check = args.iter().any(|arg| arg == "--check");
    let update = args.iter().any(|arg| arg == "--update");
    if let Err(e) = run(check, update) {
        eprintln!("phone-tables: {e}");
        std::process::exit(1);
    }
}

fn run(check: bool, update: bool) -> source::Result<()> {
    let mut pin = Pin::read()?;
    if update {
        let newest = source::newest()?;
        if newest == pin {
            println!("phonenumbers {} is the newest release", pin.version);
        } else {
            println!(
                "phonenumbers {} -> {} (sha256 {})",
                pin.version, newest.version, newest.sha256
            );
            newest.write()?;
            pin = newest;
        }
    }
    let wheel = source::fetch(&pin)?;
    let db = source::database(&wheel)?;
    pinned_wheel::write_or_check(&[(OUTPUT, generate(&db, &pin))], check, "phone-tables")
}

/// One state of a digit automaton: `accept` means the digits read so far
/// match the whole pattern.
type State = table_automata::State<10>;

#[derive(Default)]
struct Pool {
    states: Vec<State>,
}

impl Pool {
    /// Compiles `pattern` (libphonenumber syntax: digits, classes, groups,
    /// alternation, counted repeats; whitespace ignored) and returns its
    /// start state.
    fn add(&mut self, pattern: &str) -> u32 {
        let dfa = dense::Builder::new()
            .configure(
                dense::Config::new()
                    .start_kind(StartKind::Anchored)
                    .match_kind(MatchKind::All),
            )
            .syntax(syntax::Config::new().ignore_whitespace(true).unicode(false))
            .build(pattern)
            .unwrap_or_else(|e| panic!("pattern {pattern:?}: {e}"));
        let start = dfa
            .universal_start_state(Anchored::Yes)
            .expect("no look-behind in phone patterns");
        let mut ids = HashMap::new();
        let mut queue = vec![start];
        let base = self.states.len() as u32;
        ids.insert(start, base);
        self.states.push(State {
            accept: false,
            next: [DEAD; 10],
        });
        while let Some(id) = queue.pop() {
            let at = ids[&id] as usize;
            self.states[at].accept = dfa.is_match_state(dfa.next_eoi_state(id));
            for digit in 0..10u8 {
                let to = dfa.next_state(id, b'0' + digit);
                if dfa.is_dead_state(to) || dfa.is_quit_state(to) {
                    continue;
                }
                let index = *ids.entry(to).or_insert_with(|| {
                    queue.push(to);
                    self.states.push(State {
                        accept: false,
                        next: [DEAD; 10],
                    });
                    (self.states.len() - 1) as u32
                });
                self.states[at].next[digit as usize] = index;
            }
        }
        base
    }

    /// Merges equivalent states across every automaton (Moore's partition
    /// refinement, `table_automata`) and returns the old-to-new state map.
    fn minimise(&mut self) -> Vec<u32> {
        let (class, count) = table_automata::minimise(&self.states);
        self.states = table_automata::mapped(&self.states, &class, count);
        class
    }

    /// Numbers the states breadth-first from the roots, so that the targets
    /// of a state's edges are mostly the next unused numbers and the edge
    /// tables compress well. Returns the old-to-new map.
    fn renumber(&mut self, roots: &[u32]) -> Vec<u32> {
        let mut order = vec![DEAD; self.states.len()];
        let mut next = 0u32;
        let mut queue = std::collections::VecDeque::new();
        for &root in roots {
            if order[root as usize] == DEAD {
                order[root as usize] = next;
                next += 1;
                queue.push_back(root);
            }
            while let Some(s) = queue.pop_front() {
                for &t in self.states[s as usize].next.iter().filter(|&&t| t != DEAD) {
                    if order[t as usize] == DEAD {
                        order[t as usize] = next;
                        next += 1;
                        queue.push_back(t);
                    }
                }
            }
        }
        assert_eq!(next as usize, self.states.len(), "every state is reachable");
        self.states = table_automata::mapped(&self.states, &order, self.states.len());
        order
    }
}

/// One instruction of the prefix matcher (mirrors `src/phone/pike.rs`).
enum Inst {
    /// Consume one digit in the set (bit d for digit d).
    Digits(u16),
    /// Try `.0` first, then `.1`.
    Split(u16, u16),
    Jump(u16),
    /// Record the position in capture slot n.
    Save(u8),
    /// Only at the end of the number.
    End,
    /// Only at the start of the number.
    Start,
    Match,
}

#[derive(Default)]
struct Programs {
    code: Vec<Inst>,
}

impl Programs {
    /// Compiles `pattern` and returns (its program, number of capture groups).
    fn add(&mut self, pattern: &str) -> (Prog, u8) {
        let hir = regex_syntax::ParserBuilder::new()
            .ignore_whitespace(true)
            .unicode(false)
            .build()
            .parse(pattern)
            .unwrap_or_else(|e| panic!("pattern {pattern:?}: {e}"));
        let start = self.code.len();
        let groups = hir.properties().explicit_captures_len();
        // Group 0 is the whole match, as in the regex crate.
        self.code.push(Inst::Save(0));
        self.emit(&hir);
        self.code.push(Inst::Save(1));
        self.code.push(Inst::Match);
        assert!(
            self.code.len() < u16::MAX as usize,
            "program space exhausted"
        );
        assert!(groups <= MAX_GROUPS, "{pattern:?} has {groups} groups");
        let (first, empty) = self.first_digits(start);
        let prog = Prog {
            start: start as u16,
            len: (self.code.len() - start) as u16,
            first,
            empty,
        };
        (prog, groups as u8)
    }

    /// The digits a match of the program at `start` can begin with, and
    /// whether it can match without reading any (assertions are assumed to
    /// hold, which only makes the answer more permissive).
    fn first_digits(&self, start: usize) -> (u16, bool) {
        let (mut first, mut empty) = (0, false);
        let mut seen = std::collections::HashSet::new();
        let mut stack = vec![start];
        while let Some(pc) = stack.pop() {
            if !seen.insert(pc) {
                continue;
            }
            match self.code[pc] {
                Inst::Digits(set) => first |= set,
                Inst::Split(a, b) => stack.extend([a as usize, b as usize]),
                Inst::Jump(a) => stack.push(a as usize),
                Inst::Save(_) | Inst::End | Inst::Start => stack.push(pc + 1),
                Inst::Match => empty = true,
            }
        }
        (first, empty)
    }

    fn here(&self) -> u16 {
        self.code.len() as u16
    }

    fn patch(&mut self, at: u16, inst: Inst) {
        self.code[at as usize] = inst;
    }

    fn emit(&mut self, hir: &Hir) {
        match hir.kind() {
            HirKind::Empty => {}
            HirKind::Literal(literal) => {
                for &byte in literal.0.iter() {
                    assert!(byte.is_ascii_digit(), "non-digit literal {byte}");
                    self.code.push(Inst::Digits(1 << (byte - b'0')));
                }
            }
            HirKind::Class(class) => {
                let mut mask = 0u16;
                for digit in 0..10u8 {
                    let c = b'0' + digit;
                    let hit = match class {
                        Class::Unicode(u) => u
                            .ranges()
                            .iter()
                            .any(|r| r.start() <= c as char && c as char <= r.end()),
                        Class::Bytes(b) => {
                            b.ranges().iter().any(|r| r.start() <= c && c <= r.end())
                        }
                    };
                    if hit {
                        mask |= 1 << digit;
                    }
                }
                self.code.push(Inst::Digits(mask));
            }
            HirKind::Look(look) => self.code.push(match look {
                Look::Start => Inst::Start,
                Look::End => Inst::End,
                other => panic!("unsupported assertion {other:?}"),
            }),
            HirKind::Repetition(rep) => {
                for _ in 0..rep.min {
                    self.emit(&rep.sub);
                }
                match rep.max {
                    Some(max) => {
                        // Nested optionals: x(x(x)?)?
                        let mut holes = Vec::new();
                        for _ in rep.min..max {
                            holes.push(self.here());
                            self.code.push(Inst::Match); // patched below
                            self.emit(&rep.sub);
                        }
                        let end = self.here();
                        for hole in holes {
                            let split = if rep.greedy {
                                Inst::Split(hole + 1, end)
                            } else {
                                Inst::Split(end, hole + 1)
                            };
                            self.patch(hole, split);
                        }
                    }
                    None => {
                        let top = self.here();
                        self.code.push(Inst::Match); // patched below
                        self.emit(&rep.sub);
                        self.code.push(Inst::Jump(top));
                        let end = self.here();
                        let split = if rep.greedy {
                            Inst::Split(top + 1, end)
                        } else {
                            Inst::Split(end, top + 1)
                        };
                        self.patch(top, split);
                    }
                }
            }
            HirKind::Capture(capture) => {
                let slot = u8::try_from(capture.index * 2).expect("few groups");
                self.code.push(Inst::Save(slot));
                self.emit(&capture.sub);
                self.code.push(Inst::Save(slot + 1));
            }
            HirKind::Concat(parts) => parts.iter().for_each(|part| self.emit(part)),
            HirKind::Alternation(branches) => {
                // Split(b1, next) b1 Jump(end) Split(b2, next) b2 Jump(end) … bn
                let mut jumps = Vec::new();
                for (i, branch) in branches.iter().enumerate() {
                    if i + 1 < branches.len() {
                        let split = self.here();
                        self.code.push(Inst::Match); // patched below
                        self.emit(branch);
                        jumps.push(self.here());
                        self.code.push(Inst::Match); // patched below
                        let next = self.here();
                        self.patch(split, Inst::Split(split + 1, next));
                    } else {
                        self.emit(branch);
                    }
                }
                let end = self.here();
                for jump in jumps {
                    self.patch(jump, Inst::Jump(end));
                }
            }
        }
    }
}

/// The order libphonenumber tests the number types in
/// (`getNumberTypeHelper`), after the general description.
/// (The Python port's field names.)
const TYPE_ORDER: [&str; 10] = source::TYPE_FIELDS;

fn length_mask(lengths: &[u16]) -> u32 {
    lengths.iter().fold(0, |mask, &n| {
        assert!(n < 32, "length {n}");
        mask | 1 << n
    })
}

struct DescOut {
    start: u32,
    lengths: u32,
}

struct RegionOut {
    id: String,
    code: u16,
    idd: Prog,
    npfp: Prog,
    npfp_groups: u8,
    transform: String,
    leading_digits: u32,
    general: DescOut,
    general_local: u32,
    types: Vec<DescOut>,
    same_mobile_and_fixed: bool,
    /// (first index in `FORMATS`, count) of the national formats and of
    /// the international ones (count 0: the national ones serve).
    formats: (usize, usize),
    intl_formats: (usize, usize),
}

/// One compiled `NumberFormat` (mirrors `src/phone/format.rs`).
struct FormatOut {
    /// Index in `FORMAT_LEADING` of its first leading-digits automaton.
    leading: usize,
    /// Index in `FORMAT_GROUPS` of its first group, and how many.
    groups: usize,
    group_count: usize,
    /// Index in `FORMAT_TEXTS`.
    text: usize,
    /// Index in `FORMAT_TEXTS` of the national prefix rule, or 255.
    national_rule: usize,
    /// How many leading-digits patterns (bits 0–2) and the as-you-type
    /// formatter's facts (`FLAG_*`).
    flags: u8,
}

/// The format text is one the as-you-type formatter may use
/// (libphonenumber's `ELIGIBLE_FORMAT_PATTERN`: `$1` first, then only group
/// references and punctuation).
const FLAG_ELIGIBLE: u8 = 1 << 3;
/// `national_prefix_optional_when_formatting`.
const FLAG_PREFIX_OPTIONAL: u8 = 1 << 4;
/// Has a domestic carrier code formatting rule.
const FLAG_CARRIER_RULE: u8 = 1 << 5;
/// The national prefix rule is absent or only the first group, perhaps in
/// parentheses (libphonenumber's `formattingRuleHasFirstGroupOnly`).
const FLAG_FIRST_GROUP_ONLY: u8 = 1 << 6;
/// The national prefix rule has a space or a dash (the formatter then puts a
/// space after a national prefix it read).
const FLAG_SPACE_AFTER_PREFIX: u8 = 1 << 7;

/// libphonenumber's `VALID_PUNCTUATION`.
fn is_punctuation(c: char) -> bool {
    matches!(c,
        '-' | 'x' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{30FC}' | '\u{FF0D}'..='\u{FF0F}' | ' '
        | '\u{00A0}' | '\u{00AD}' | '\u{200B}' | '\u{2060}' | '\u{3000}' | '(' | ')' | '\u{FF08}'
        | '\u{FF09}' | '\u{FF3B}' | '\u{FF3D}' | '.' | '[' | ']' | '/' | '~' | '\u{2053}' | '\u{223C}'
        | '\u{FF5E}')
}

/// `[P]*\$1[P]*(\$\d[P]*)*` for the punctuation P, on a `$n` format text.
fn eligible(text: &str) -> bool {
    let mut chars = text.chars().peekable();
    let mut first = true;
    while let Some(c) = chars.next() {
        if is_punctuation(c) {
            continue;
        }
        if c != '$' {
            return false;
        }
        match chars.next() {
            Some('1') if first => {}
            Some('0'..='9') if !first => {}
            _ => return false,
        }
        first = false;
    }
    !first
}

fn format_flags(f: &source::Format) -> u8 {
    let count = u8::try_from(f.leading_digits.len()).expect("few leading-digits patterns");
    assert!(count < 8, "{count} leading-digits patterns");
    let rule = f.national_prefix_rule.as_deref();
    let first_group_only = match rule {
        None => true,
        Some(rule) => {
            let rule = rule.strip_prefix('(').unwrap_or(rule);
            let rule = rule.strip_suffix(')').unwrap_or(rule);
            rule == "$1"
        }
    };
    let space = rule.is_some_and(|r| r.contains([' ', '-']));
    let mut flags = count;
    for (on, flag) in [
        (eligible(&f.format), FLAG_ELIGIBLE),
        (f.national_prefix_optional, FLAG_PREFIX_OPTIONAL),
        (f.carrier_rule, FLAG_CARRIER_RULE),
        (first_group_only, FLAG_FIRST_GROUP_ONLY),
        (space, FLAG_SPACE_AFTER_PREFIX),
    ] {
        if on {
            flags |= flag;
        }
    }
    flags
}

/// The formats of every plan, their groups and their texts, deduplicated.
#[derive(Default)]
struct Formats {
    list: Vec<FormatOut>,
    /// Automaton starts of the leading-digits patterns, each format's in a
    /// run (runs shared when equal).
    leading: Vec<u32>,
    groups: Vec<(u8, u8)>,
    texts: Vec<String>,
}

impl Formats {
    fn text(&mut self, text: &str) -> usize {
        match self.texts.iter().position(|t| t == text) {
            Some(at) => at,
            None => {
                self.texts.push(text.to_owned());
                self.texts.len() - 1
            }
        }
    }

    fn groups(&mut self, groups: &[(u8, u8)]) -> usize {
        match self.groups.windows(groups.len()).position(|w| w == groups) {
            Some(at) => at,
            None => {
                self.groups.extend_from_slice(groups);
                self.groups.len() - groups.len()
            }
        }
    }

    fn add(&mut self, pool: &mut Pool, formats: &[source::Format]) -> (usize, usize) {
        let first = self.list.len();
        for f in formats {
            let national_rule = match &f.national_prefix_rule {
                Some(rule) => self.text(rule),
                None => 255,
            };
            let starts: Vec<u32> = f.leading_digits.iter().map(|p| pool.add(p)).collect();
            let leading = if starts.is_empty() {
                0
            } else {
                self.leading.extend_from_slice(&starts);
                self.leading.len() - starts.len()
            };
            let format = FormatOut {
                leading,
                groups: self.groups(&f.groups),
                group_count: f.groups.len(),
                text: self.text(&f.format),
                national_rule,
                flags: format_flags(f),
            };
            self.list.push(format);
        }
        (first, formats.len())
    }

    /// Shares equal runs of `leading` (after the automata are merged, many
    /// formats' patterns are the same states).
    fn share_leading(&mut self) {
        let old = std::mem::take(&mut self.leading);
        for f in &mut self.list {
            let count = usize::from(f.flags & 7);
            if count == 0 {
                continue;
            }
            let run = &old[f.leading..f.leading + count];
            f.leading = match self.leading.windows(count).position(|w| w == run) {
                Some(at) => at,
                None => {
                    self.leading.extend_from_slice(run);
                    self.leading.len() - count
                }
            };
        }
    }
}

fn generate(db: &Database, pin: &Pin) -> String {
    let mut pool = Pool::default();
    let mut programs = Programs::default();
    let mut regions: Vec<RegionOut> = Vec::new();
    let mut codes: Vec<(u16, usize, usize)> = Vec::new();
    let mut formats = Formats::default();

    let compile_desc = |pool: &mut Pool, d: Option<&Desc>| match d {
        Some(d) => DescOut {
            start: pool.add(&d.pattern),
            lengths: length_mask(&d.lengths),
        },
        None => DescOut {
            start: NONE32,
            lengths: 0,
        },
    };

    for (&code, metas) in &db.by_code {
        codes.push((code, regions.len(), metas.len()));
        for (index, meta) in metas.iter().enumerate() {
            let Meta { general, .. } = meta;
            let (idd, _) = meta
                .international_prefix
                .as_deref()
                .map(|re| programs.add(re))
                .unwrap_or_default();
            // (Defaulted to the national prefix itself, as libphonenumber's
            // metadata builder does, by `source`.)
            let (npfp, npfp_groups) = meta
                .national_prefix_for_parsing
                .as_deref()
                .map(|p| programs.add(p))
                .unwrap_or_default();
            // The Python port writes group references `\1`; the engine's
            // rules use `$1`, as Java's metadata does.
            let transform = meta.transform.as_deref().unwrap_or("").replace('\\', "$");
            check_transform(&transform);
            let same_mobile_and_fixed =
                match (meta.types.get("fixed_line"), meta.types.get("mobile")) {
                    (Some(f), Some(m)) => f.pattern == m.pattern,
                    _ => false,
                };
            let types: Vec<DescOut> = TYPE_ORDER
                .iter()
                .map(|kind| compile_desc(&mut pool, meta.types.get(*kind)))
                .collect();
            // libphonenumber's metadata builder gave the general description
            // the union of the types' lengths, and as local-only lengths
            // those local-only in some type and not national in any.
            let national = length_mask(&general.lengths);
            assert_eq!(
                national,
                types.iter().fold(0, |mask, t| mask | t.lengths),
                "{}: general lengths are the types' union",
                meta.id
            );
            regions.push(RegionOut {
                id: meta.id.clone(),
                code,
                idd,
                npfp,
                npfp_groups,
                transform,
                leading_digits: meta
                    .leading_digits
                    .as_deref()
                    .map(|re| pool.add(re))
                    .unwrap_or(NONE32),
                general: DescOut {
                    start: pool.add(&general.pattern),
                    lengths: national,
                },
                general_local: length_mask(&general.local_lengths) & !national,
                types,
                same_mobile_and_fixed,
                // libphonenumber formats a number with its calling code's
                // main region's formats only: the others' are never read.
                formats: formats.add(&mut pool, if index == 0 { &meta.formats } else { &[] }),
                intl_formats: formats
                    .add(&mut pool, if index == 0 { &meta.intl_formats } else { &[] }),
            });
        }
    }

    let raw_states = pool.states.len();
    let map = pool.minimise();
    remap_starts(&mut regions, &mut formats, &map);
    let roots: Vec<u32> = regions
        .iter()
        .flat_map(|r| {
            [r.leading_digits, r.general.start]
                .into_iter()
                .chain(r.types.iter().map(|t| t.start))
        })
        // The formats' last (most precise) patterns first, then the others.
        .chain(formats.list.iter().filter_map(|f| {
            let count = usize::from(f.flags & 7);
            count
                .checked_sub(1)
                .map(|last| formats.leading[f.leading + last])
        }))
        .chain(formats.leading.iter().copied())
        .filter(|&s| s != NONE32)
        .collect();
    let order = pool.renumber(&roots);
    remap_starts(&mut regions, &mut formats, &order);
    formats.share_leading();

    render(
        pin, &pool, raw_states, &programs, &regions, &codes, &formats,
    )
}

/// Points every automaton start of `regions` at its state's new number.
fn remap_starts(regions: &mut [RegionOut], formats: &mut Formats, map: &[u32]) {
    let remap = |s: u32| if s == NONE32 { NONE32 } else { map[s as usize] };
    for s in &mut formats.leading {
        *s = remap(*s);
    }
    for r in regions {
        r.leading_digits = remap(r.leading_digits);
        r.general.start = remap(r.general.start);
        for t in &mut r.types {
            t.start = remap(t.start);
        }
    }
}

/// The transform rules are digits and `$n` group references; the engine
/// expands exactly that, so anything else must fail here, not at run time.
fn check_transform(rule: &str) {
    let mut chars = rule.chars();
    while let Some(c) = chars.next() {
        match c {
            '0'..='9' => {}
            '$' => assert!(
                matches!(chars.next(), Some('1'..='9')),
                "transform {rule:?}"
            ),
            _ => panic!("transform {rule:?}"),
        }
    }
}

fn render(
    pin: &Pin,
    pool: &Pool,
    raw_states: usize,
    programs: &Programs,
    regions: &[RegionOut],
    codes: &[(u16, usize, usize)],
    formats: &Formats,
) -> String {
    let mut out = String::new();
    writeln!(
        out,
        "// @generated by tools/phone-tables from libphonenumber's metadata as released in\n\
         // Google's Python port: PyPI phonenumbers {version}, {wheel}\n\
         // sha256 {sha} (pinned in tools/phone-tables/phonenumbers.pin).\n\
         // Do not edit: regenerate with\n\
         //   cargo run --release -p phone-tables\n\
         // {raw} automaton states before merging, {merged} after.\n",
        version = pin.version,
        wheel = pin.wheel_name(),
        sha = pin.sha256,
        raw = raw_states,
        merged = pool.states.len()
    )
    .unwrap();
    writeln!(out, "use super::{{Desc, Format, Inst, Prog, Region}};\n").unwrap();
    writeln!(
        out,
        "/// The libphonenumber metadata release the tables come from.\npub const METADATA_VERSION: &str = {:?};\n",
        pin.version
    )
    .unwrap();

    // The automata, as five byte-oriented tables (fields kept apart so that
    // similar bytes sit together, which is what gzip rewards):
    // STATE_EDGES[s] = number of edges | accept << 4; a state's edges follow
    // the previous state's, and EDGE_CHECKPOINT[s / 8] is the first edge of
    // state s & !7. An edge is EDGE_DIGITS = lo << 4 | hi (digits lo..=hi)
    // and a target state, EDGE_TARGET_LO | EDGE_TARGET_HI << 8.
    assert!(pool.states.len() < 1 << 16, "state numbers fit in 16 bits");
    let mut state_edges: Vec<u8> = Vec::with_capacity(pool.states.len());
    let mut checkpoints: Vec<u16> = Vec::new();
    let (mut digits, mut lo_bytes, mut hi_bytes) = (Vec::new(), Vec::new(), Vec::new());
    for (at, s) in pool.states.iter().enumerate() {
        if at % 8 == 0 {
            checkpoints.push(u16::try_from(digits.len()).expect("edge numbers fit in 16 bits"));
        }
        let first = digits.len();
        let mut d = 0;
        while d < 10 {
            let target = s.next[d];
            let mut hi = d;
            while hi + 1 < 10 && s.next[hi + 1] == target {
                hi += 1;
            }
            if target != DEAD {
                digits.push((d as u8) << 4 | hi as u8);
                lo_bytes.push(target as u8);
                hi_bytes.push((target >> 8) as u8);
            }
            d = hi + 1;
        }
        state_edges.push((digits.len() - first) as u8 | if s.accept { 1 << 4 } else { 0 });
    }
    let hex = |v: &u8| format!("{v:#x}");
    write_array(&mut out, "STATE_EDGES", "u8", &state_edges, hex);
    write_array(&mut out, "EDGE_CHECKPOINT", "u16", &checkpoints, |v| {
        v.to_string()
    });
    write_array(&mut out, "EDGE_DIGITS", "u8", &digits, hex);
    write_array(&mut out, "EDGE_TARGET_LO", "u8", &lo_bytes, |v| {
        v.to_string()
    });
    write_array(&mut out, "EDGE_TARGET_HI", "u8", &hi_bytes, |v| {
        v.to_string()
    });

    let insts: Vec<String> = programs
        .code
        .iter()
        .map(|i| match i {
            Inst::Digits(m) => format!("Inst::Digits({m:#x})"),
            Inst::Split(a, b) => format!("Inst::Split({a}, {b})"),
            Inst::Jump(a) => format!("Inst::Jump({a})"),
            Inst::Save(n) => format!("Inst::Save({n})"),
            Inst::End => "Inst::End".into(),
            Inst::Start => "Inst::Start".into(),
            Inst::Match => "Inst::Match".into(),
        })
        .collect();
    write_array(&mut out, "PROGRAM", "Inst", &insts, |v| v.clone());

    let prog = |p: Prog| {
        format!(
            "Prog {{ start: {}, len: {}, first: {:#x}, empty: {} }}",
            p.start, p.len, p.first, p.empty
        )
    };
    let desc = |d: &DescOut| {
        format!(
            "Desc {{ start: {:#x}, lengths: {:#x} }}",
            d.start, d.lengths
        )
    };
    writeln!(
        out,
        "/// Every numbering plan: a region, or a non-geographic calling code (`\"001\"`).\npub static REGIONS: [Region; {}] = [",
        regions.len()
    )
    .unwrap();
    for r in regions {
        writeln!(
            out,
            "    Region {{ id: {:?}, code: {}, idd: {}, npfp: {}, npfp_groups: {}, transform: {:?}, leading_digits: {:#x}, general: {}, general_local: {:#x}, types: [{}], same_mobile_and_fixed: {}, formats: ({}, {}), intl_formats: ({}, {}) }},",
            r.id,
            r.code,
            prog(r.idd),
            prog(r.npfp),
            r.npfp_groups,
            r.transform,
            r.leading_digits,
            desc(&r.general),
            r.general_local,
            r.types.iter().map(desc).collect::<Vec<_>>().join(", "),
            r.same_mobile_and_fixed,
            r.formats.0,
            r.formats.1,
            r.intl_formats.0,
            r.intl_formats.1
        )
        .unwrap();
    }
    writeln!(out, "];\n").unwrap();

    // The formats: leading-digits automata (a run in FORMAT_LEADING), groups
    // (shortest, longest length), format text and national prefix rule
    // (indexes in FORMAT_TEXTS), flags.
    assert!(formats.list.len() < 1 << 16 && formats.groups.len() < 1 << 16);
    assert!(formats.leading.len() < 1 << 16);
    assert!(formats.texts.len() < 255);
    let rows: Vec<String> = formats
        .list
        .iter()
        .map(|f| {
            format!(
                "Format {{ leading: {}, groups: {}, group_count: {}, text: {}, national_rule: {}, flags: {:#x} }}",
                f.leading, f.groups, f.group_count, f.text, f.national_rule, f.flags
            )
        })
        .collect();
    write_array(&mut out, "FORMATS", "Format", &rows, |v| v.clone());
    let leading: Vec<u16> = formats
        .leading
        .iter()
        .map(|&s| u16::try_from(s).expect("16-bit states"))
        .collect();
    write_array(&mut out, "FORMAT_LEADING", "u16", &leading, |v| {
        v.to_string()
    });
    let groups: Vec<String> = formats
        .groups
        .iter()
        .map(|(min, max)| format!("({min}, {max})"))
        .collect();
    write_array(&mut out, "FORMAT_GROUPS", "(u8, u8)", &groups, |v| {
        v.clone()
    });
    write_array(&mut out, "FORMAT_TEXTS", "&str", &formats.texts, |v| {
        format!("{v:?}")
    });

    // Calling code → plans, indexed by the code itself (a direct lookup).
    let mut by_code = vec![(0usize, 0usize); 1000];
    for &(code, first, count) in codes {
        by_code[code as usize] = (first, count);
    }
    assert!(regions.len() < 255, "plan indexes fit in a byte");
    let code_rows: Vec<String> = by_code
        .iter()
        .map(|(first, count)| format!("({first}, {count})"))
        .collect();
    writeln!(
        out,
        "/// By calling code (0–999): (first index in `REGIONS`, how many plans). The\n/// main region of a shared code comes first."
    )
    .unwrap();
    write_array(&mut out, "PLANS_BY_CODE", "(u8, u8)", &code_rows, |v| {
        v.clone()
    });

    // Region → plan, indexed by the two letters (26 × 26); 255 for none.
    let mut by_region = vec![255usize; 26 * 26];
    for (i, r) in regions.iter().enumerate().filter(|(_, r)| r.id != "001") {
        let b = r.id.as_bytes();
        assert!(
            b.len() == 2 && b.iter().all(u8::is_ascii_uppercase),
            "{}",
            r.id
        );
        by_region[(b[0] - b'A') as usize * 26 + (b[1] - b'A') as usize] = i;
    }
    writeln!(
        out,
        "/// By region, at `(first letter) * 26 + (second letter)`: the index in\n/// `REGIONS`, or 255 when the region has no plan."
    )
    .unwrap();
    write_array(&mut out, "PLAN_BY_REGION", "u8", &by_region, |v| {
        v.to_string()
    });
    out
}

fn write_array<T>(
    out: &mut String,
    name: &str,
    ty: &str,
    items: &[T],
    show: impl Fn(&T) -> String,
) {
    writeln!(out, "pub static {name}: [{ty}; {}] = [", items.len()).unwrap();
    let mut line = String::from("   ");
    for item in items {
        let text = show(item);
        if line.len() + text.len() + 2 > 100 {
            writeln!(out, "{line}").unwrap();
            line = String::from("   ");
        }
        line.push(' ');
        line.push_str(&text);
        line.push(',');
    }
    if line.trim() != "" {
        writeln!(out, "{line}").unwrap();
    }
    writeln!(out, "];\n").unwrap();
}
