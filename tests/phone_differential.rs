//! Differential tests of the phone engine against Google's libphonenumber
//! (its Python port `phonenumbers`, the metadata release the tables are
//! compiled from, pinned in `tools/phone-tables/phonenumbers.pin`, through
//! `scripts/phone_oracle.py`), with the `phonenumber` crate (run natively, at
//! its own metadata release) as a second oracle whose disagreements are
//! counted, not failures.
//!
//! The numbers, for every region and non-geographic calling code:
//! - every example number of every type, written `+<code><number>`, as
//!   national digits with the region as default, and in the formatted
//!   international and national spellings (`+44 20 7946 0958`,
//!   `020 7946 0958`);
//! - seeded random variations of them: digits changed, removed or added,
//!   the national prefix, an international dialling prefix or the calling
//!   code put in front, and random digit strings of the plan's lengths.
//!
//! The engine must give libphonenumber's answer — validity, E.164 and number
//! type — for every one. Where the `phonenumber` crate gives another answer
//! it departs from libphonenumber (it matches patterns by prefix, reads a
//! dialled country's number with the default region's national prefix, and
//! loses numbers of shared calling codes) or carries older metadata; those
//! cases are counted and printed.
//!
//! Size: `PHONE_DIFF_CASES` random cases per plan (default 40, seconds). The
//! full run is `scripts/phone-differential.sh` (2,000 per plan).

use customer_schema::rules::phone::normalize_phone;
use phonenumber::metadata::DATABASE;
use phonenumber::{Mode, Type};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

/// A verdict: `Some((e164, type))` for a valid number, `None` otherwise.
type Verdict = Option<(String, String)>;

/// The `phonenumber` crate, called as the schema called it before the
/// compiled engine: national digits with the default region, everything
/// else as `+` and digits.
fn phonenumber_crate(digits: &str, plus: bool, region: Option<&str>) -> Verdict {
    let parsed = match region {
        Some(id) if !plus => phonenumber::parse(Some(id.parse().ok()?), digits),
        _ => phonenumber::parse(None, format!("+{digits}")),
    }
    .ok()?;
    if !phonenumber::is_valid(&parsed) {
        return None;
    }
    let kind = match parsed.number_type(&DATABASE) {
        Type::Mobile => "MOBILE",
        Type::FixedLineOrMobile => "FIXED_LINE_OR_MOBILE",
        Type::FixedLine => "FIXED_LINE",
        Type::TollFree => "TOLL_FREE",
        Type::PremiumRate => "PREMIUM_RATE",
        Type::SharedCost => "SHARED_COST",
        Type::Voip => "VOIP",
        Type::PersonalNumber => "PERSONAL_NUMBER",
        Type::Pager => "PAGER",
        Type::Uan => "UAN",
        Type::Voicemail => "VOICEMAIL",
        _ => "UNKNOWN",
    };
    Some((
        parsed.format().mode(Mode::E164).to_string(),
        kind.to_owned(),
    ))
}

fn ours(text: &str, region: Option<&str>) -> Verdict {
    normalize_phone(text, region)
        .ok()
        .map(|phone| (phone.e164.clone(), phone.kind.name().to_owned()))
}

/// One input: as typed, and as the engines read it.
struct Case {
    text: String,
    digits: String,
    plus: bool,
    region: Option<&'static str>,
}

/// The oracle's answer to each line of its protocol (see
/// `scripts/phone_oracle.py`), in order, as JSON values.
fn ask_oracle(lines: Vec<String>) -> Vec<serde_json::Value> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/phone_oracle.py");
    let mut child = Command::new("python3")
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 runs scripts/phone_oracle.py");
    let mut stdin = child.stdin.take().expect("stdin");
    let count = lines.len();
    // Written from another thread, so neither side blocks on a full pipe.
    let writer = std::thread::spawn(move || {
        for line in lines {
            writeln!(stdin, "{line}").expect("write to the oracle");
        }
    });
    let answers: Vec<serde_json::Value> = BufReader::new(child.stdout.take().expect("stdout"))
        .lines()
        .map(|line| serde_json::from_str(&line.expect("oracle output")).expect("oracle JSON"))
        .collect();
    writer.join().expect("writer");
    assert!(
        child.wait().expect("oracle exit").success(),
        "the oracle failed"
    );
    assert_eq!(answers.len(), count, "one answer per line");
    answers
}

fn verdict(answer: serde_json::Value) -> Verdict {
    serde_json::from_value(answer).expect("a verdict")
}

/// libphonenumber's verdicts for `cases`, in order.
fn google(cases: &[Case]) -> Vec<Verdict> {
    let lines = cases
        .iter()
        .map(|c| serde_json::json!([c.digits, c.plus, c.region]).to_string())
        .collect();
    ask_oracle(lines).into_iter().map(verdict).collect()
}

/// libphonenumber's verdicts on texts as written (`[text, region]`).
fn google_texts(cases: &[(String, Option<&str>)]) -> Vec<Verdict> {
    let lines = cases
        .iter()
        .map(|(text, region)| serde_json::json!({ "text": text, "region": region }).to_string())
        .collect();
    ask_oracle(lines).into_iter().map(verdict).collect()
}

/// What libphonenumber's `AsYouTypeFormatter` shows after each character of
/// each `(typed, region)`.
fn google_as_you_type(cases: &[(String, &str)]) -> Vec<Vec<String>> {
    let lines = cases
        .iter()
        .map(|(typed, region)| serde_json::json!({ "typed": typed, "region": region }).to_string())
        .collect();
    ask_oracle(lines)
        .into_iter()
        .map(|answer| serde_json::from_value(answer).expect("the formatter's outputs"))
        .collect()
}

/// A small seeded generator (xorshift64*), so every run tests the same numbers.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn digit(&mut self) -> char {
        char::from(b'0' + self.below(10) as u8)
    }
}

#[derive(Default)]
struct Cases(Vec<Case>);

impl Cases {
    fn add(&mut self, text: &str, region: Option<&'static str>) {
        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
        if digits.is_empty() || digits.len() > 20 {
            return;
        }
        self.0.push(Case {
            text: text.to_owned(),
            plus: text.trim_start().starts_with('+'),
            digits,
            region,
        });
    }

    /// Runs all three and checks ours against libphonenumber; returns how
    /// many numbers are valid.
    fn check(&self) -> usize {
        let google = google(&self.0);
        let mut wrong = Vec::new();
        let mut crate_differs: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        let mut valid = 0;
        for (case, expected) in self.0.iter().zip(&google) {
            let mine = ours(&case.text, case.region);
            let theirs = phonenumber_crate(&case.digits, case.plus, case.region);
            let line = format!(
                "{:?} in {:?}: libphonenumber {expected:?}, ours {mine:?}, phonenumber crate {theirs:?}",
                case.text, case.region
            );
            valid += usize::from(mine.is_some());
            if mine != *expected {
                wrong.push(line);
            } else if theirs != *expected {
                let how = match (&theirs, expected) {
                    (None, Some(_)) => "rejects a valid number",
                    (Some(_), None) => "accepts an invalid number",
                    (Some((a, _)), Some((b, _))) if a != b => "reads another number",
                    _ => "gives another type",
                };
                crate_differs.entry(how).or_default().push(line);
            }
        }
        eprintln!("{} cases, {valid} valid", self.0.len());
        for (how, lines) in &crate_differs {
            eprintln!(
                "the phonenumber crate {how} (libphonenumber agrees with ours): {}",
                lines.len()
            );
            for line in lines.iter().take(3) {
                eprintln!("    {line}");
            }
        }
        for line in wrong.iter().take(40) {
            eprintln!("WRONG {line}");
        }
        assert!(
            wrong.is_empty(),
            "{} answers differ from libphonenumber",
            wrong.len()
        );
        valid
    }
}

/// One numbering plan, as libphonenumber's metadata gives it
/// (`scripts/phone_oracle.py --plans`).
#[derive(serde::Deserialize)]
struct Plan {
    id: String,
    code: u16,
    national_prefix: String,
    fixed_line_lengths: Vec<usize>,
    /// `[national significant number, international, national]`, the
    /// latter two formatted by libphonenumber.
    examples: Vec<[String; 3]>,
}

impl Plan {
    /// The region to use as default, if geographic.
    fn region(&self) -> Option<&'static str> {
        (self.id != "001").then(|| &*Box::leak(self.id.clone().into_boxed_str()))
    }
}

/// Every plan of the pinned metadata release, from the oracle itself.
fn plans() -> Vec<Plan> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/phone_oracle.py");
    let output = Command::new("python3")
        .arg(script)
        .arg("--plans")
        .output()
        .expect("python3 runs scripts/phone_oracle.py");
    assert!(output.status.success(), "the oracle failed");
    serde_json::from_slice(&output.stdout).expect("the oracle's plans")
}

fn cases_per_plan() -> usize {
    std::env::var("PHONE_DIFF_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(40)
}

#[test]
fn every_example_number_agrees_in_every_spelling() {
    let mut cases = Cases::default();
    for plan in plans() {
        let region = plan.region();
        for [example, international, national] in &plan.examples {
            let plus = format!("+{}{}", plan.code, example);
            cases.add(&plus, None);
            cases.add(&plus, region);
            cases.add(international, None);
            if let Some(region) = region {
                let digits: String = national.chars().filter(char::is_ascii_digit).collect();
                cases.add(national, Some(region));
                cases.add(&digits, Some(region));
            }
        }
    }
    let valid = cases.check();
    assert!(valid > 5_000, "example numbers are valid ({valid})");
}

#[test]
fn seeded_random_numbers_agree_per_region() {
    let mut rng = Rng(0x5EED_F00D_1234_5678);
    let mut cases = Cases::default();
    let per_plan = cases_per_plan();
    for plan in plans() {
        let region = plan.region();
        let examples: Vec<&String> = plan.examples.iter().map(|[n, _, _]| n).collect();
        let code = plan.code.to_string();
        let national_prefix = &plan.national_prefix;
        let lengths = &plan.fixed_line_lengths;
        for _ in 0..per_plan {
            let mut number: String = if examples.is_empty() || rng.below(4) == 0 {
                let len = lengths
                    .get(rng.below(lengths.len().max(1)))
                    .copied()
                    .unwrap_or(8);
                (0..len).map(|_| rng.digit()).collect()
            } else {
                examples[rng.below(examples.len())].clone()
            };
            for _ in 0..rng.below(3) {
                let at = rng.below(number.len() + 1);
                match rng.below(3) {
                    0 if at < number.len() => {
                        number.replace_range(at..=at, &rng.digit().to_string());
                    }
                    1 if at < number.len() => {
                        number.remove(at);
                    }
                    _ => number.insert(at, rng.digit()),
                }
            }
            let spelled = match rng.below(6) {
                0 => format!("+{code}{number}"),
                1 => format!("{code}{number}"),
                2 => format!("{national_prefix}{number}"),
                3 => format!("00{code}{number}"),
                4 => format!("011{code}{number}"),
                _ => number,
            };
            cases.add(&spelled, region);
            if !spelled.starts_with('+') {
                cases.add(&spelled, None);
            }
        }
    }
    cases.check();
}

/// Every example number in the other spellings libphonenumber reads as a
/// plain number: `tel:` URIs (global, and local with a `phone-context`),
/// each of its punctuation and spacing characters (fullwidth forms
/// included) in place of the spaces, fullwidth digits and plus, and
/// trailing separators or a bare extension mark. Ours must read each one as
/// libphonenumber does (`["extension", …]` from the oracle must be our
/// extension refusal).
#[test]
fn every_example_number_agrees_in_libphonenumbers_other_spellings() {
    const SEPARATORS: [&str; 20] = [
        "-", ".", "/", "\u{a0}", "\u{ad}", "\u{200b}", "\u{2060}", "\u{2010}", "\u{2015}",
        "\u{2212}", "\u{2053}", "\u{223c}", "\u{30fc}", "\u{3000}", "\u{ff0d}", "\u{ff0e}",
        "\u{ff0f}", "\u{ff5e}", " / ", "\u{2012}",
    ];
    const ENDINGS: [&str; 6] = [",", ";", ".", " x", " ~", " /"];
    let fullwidth = |text: &str| -> String {
        text.chars()
            .map(|c| match c {
                '0'..='9' | '+' | '(' | ')' | '-' => {
                    char::from_u32(u32::from(c) - 0x20 + 0xff00).unwrap_or(c)
                }
                ' ' => '\u{3000}',
                c => c,
            })
            .collect()
    };
    let mut cases: Vec<(String, Option<&'static str>)> = Vec::new();
    let mut rng = Rng(0x7E1_5EED);
    for plan in plans() {
        let region = plan.region();
        for [example, international, national] in &plan.examples {
            let code = plan.code;
            cases.push((format!("tel:{}", international.replace(' ', "-")), None));
            cases.push((format!("tel:{national};phone-context=+{code}"), None));
            cases.push((format!("tel:{example};phone-context=+{code}"), region));
            cases.push((
                format!("tel:{}", international.replace(' ', "-") + ";isub=12"),
                None,
            ));
            cases.push((fullwidth(international), None));
            let separator = SEPARATORS[rng.below(SEPARATORS.len())];
            cases.push((international.replace(' ', separator), None));
            cases.push((format!("[{}]", international.replace(' ', "] [")), None));
            let ending = ENDINGS[rng.below(ENDINGS.len())];
            cases.push((format!("{international}{ending}"), None));
            if let Some(region) = region {
                let separator = SEPARATORS[rng.below(SEPARATORS.len())];
                cases.push((national.replace(' ', separator), Some(region)));
                cases.push((fullwidth(national), Some(region)));
                cases.push((
                    format!("tel:{national};phone-context=example.com"),
                    Some(region),
                ));
                if plan.id == "BR" && national.starts_with('0') {
                    cases.push((format!("0xx{}", &national[1..]), Some(region)));
                }
            }
        }
    }
    let expected = google_texts(&cases);
    let mut wrong = Vec::new();
    let mut extensions = 0;
    for ((text, region), expected) in cases.iter().zip(&expected) {
        let mine = normalize_phone(text, *region);
        let agrees = match (expected, &mine) {
            (Some((ext, _)), Err(customer_schema::Problem::Phone(p))) if ext == "extension" => {
                extensions += 1;
                *p == customer_schema::problem::PhoneProblem::Extension
            }
            (expected, mine) => {
                *expected
                    == mine
                        .as_ref()
                        .ok()
                        .map(|p| (p.e164.clone(), p.kind.name().to_owned()))
            }
        };
        if !agrees {
            wrong.push(format!(
                "{text:?} in {region:?}: libphonenumber {expected:?}, ours {mine:?}"
            ));
        }
    }
    let valid = expected.iter().filter(|v| v.is_some()).count();
    eprintln!(
        "{} spellings, {valid} valid for libphonenumber ({extensions} as extensions)",
        cases.len()
    );
    for line in wrong.iter().take(40) {
        eprintln!("WRONG {line}");
    }
    assert!(
        wrong.is_empty(),
        "{} answers differ from libphonenumber",
        wrong.len()
    );
    assert!(valid > 8_000, "spellings are valid ({valid})");
}

/// Every example number of every plan, written nationally and
/// internationally, exactly as libphonenumber writes it.
#[test]
fn every_example_number_is_formatted_as_libphonenumber_formats_it() {
    use customer_schema::rules::phone::{format_phone, PhoneFormat};
    let (mut checked, mut wrong) = (0, Vec::new());
    for plan in plans() {
        for [example, international, national] in &plan.examples {
            let e164 = format!("+{}{}", plan.code, example);
            for (how, expected) in [
                (PhoneFormat::International, international),
                (PhoneFormat::National, national),
            ] {
                checked += 1;
                let ours = format_phone(&e164, how);
                if ours.as_ref() != Ok(expected) {
                    wrong.push(format!(
                        "{e164} {how:?}: libphonenumber {expected:?}, ours {ours:?}"
                    ));
                }
            }
        }
    }
    eprintln!("{checked} formatted numbers");
    for line in wrong.iter().take(40) {
        eprintln!("WRONG {line}");
    }
    assert!(
        wrong.is_empty(),
        "{} formats differ from libphonenumber",
        wrong.len()
    );
    assert!(checked > 2_000);
}

/// Every example number of every plan typed digit by digit into the
/// as-you-type formatter, as libphonenumber's `AsYouTypeFormatter` (the
/// Python port, same metadata) shows it after each digit, exact strings:
/// nationally (the digits of libphonenumber's national format, so with the
/// national prefix where it writes one) and as the bare national number in
/// the plan's region; internationally (`+`, calling code, number) in the
/// plan's region (a non-geographic code's in no region's); and with the US
/// international prefix (`011`) from the US. Plus seeded random digit
/// strings typed in each region, with and without `+`. The test command
/// takes a seeded quarter of the examples and 4 random strings a plan; the
/// full run (`scripts/phone-differential.sh`) all of them and
/// `PHONE_DIFF_CASES / 20` strings a plan.
#[test]
fn every_example_number_is_formatted_as_it_is_typed_as_libphonenumber_does() {
    use customer_schema::rules::phone::as_you_type;
    let per_plan = cases_per_plan();
    let full = per_plan >= 2000;
    let mut rng = Rng(0x00A5_7E7E_5EED);
    let mut cases: Vec<(String, &str)> = Vec::new();
    for plan in plans() {
        let region: &'static str = plan.region().unwrap_or("ZZ");
        for [example, _, national] in &plan.examples {
            if !full && rng.below(4) != 0 {
                continue;
            }
            let typed: String = national.chars().filter(char::is_ascii_digit).collect();
            if plan.id != "001" {
                if typed != *example {
                    cases.push((example.clone(), region));
                }
                cases.push((typed, region));
            }
            cases.push((format!("+{}{}", plan.code, example), region));
            cases.push((format!("011{}{}", plan.code, example), "US"));
        }
        for _ in 0..if full { per_plan / 20 } else { 4 } {
            let len = 1 + rng.below(18);
            let digits: String = (0..len).map(|_| rng.digit()).collect();
            let typed = if rng.below(3) == 0 {
                format!("+{digits}")
            } else {
                digits
            };
            cases.push((typed, region));
        }
    }
    let expected = google_as_you_type(&cases);
    let (mut steps, mut wrong) = (0, Vec::new());
    for ((typed, region), expected) in cases.iter().zip(&expected) {
        let ours: Vec<String> = typed
            .char_indices()
            .map(|(at, c)| as_you_type(&typed[..at + c.len_utf8()], region))
            .collect();
        steps += ours.len();
        if ours != *expected {
            wrong.push(format!(
                "{typed:?} in {region}: libphonenumber {expected:?}, ours {ours:?}"
            ));
        }
    }
    eprintln!(
        "{} numbers typed ({steps} outputs), {} differ",
        cases.len(),
        wrong.len()
    );
    for line in wrong.iter().take(40) {
        eprintln!("WRONG {line}");
    }
    assert!(
        wrong.is_empty(),
        "{} typed numbers differ from libphonenumber",
        wrong.len()
    );
    assert!(steps > 10_000, "{steps}");
}
