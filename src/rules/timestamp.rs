//! `createdAt` / `updatedAt`: integer Unix time in milliseconds.
//!
//! JavaScript numbers are doubles, so "integer" means a safe integer
//! (≤ 2^53 − 1), as `Number.isSafeInteger` and Zod's `.int()` have it.
//! A value below 10^11 ms is March 1973: valid, but far more likely a
//! timestamp in seconds, so it earns a warning rather than an issue.

use crate::problem::Problem;
use serde_json::Number;

pub const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// Below this many milliseconds a timestamp probably is in seconds.
pub const SECONDS_THRESHOLD: u64 = 100_000_000_000;

/// The timestamp, or why it is refused.
pub fn millis(number: &Number) -> Result<u64, Problem> {
    let value = number.as_f64().unwrap_or(f64::NAN);
    let integral = number.is_u64() || number.is_i64() || value.fract() == 0.0;
    if !integral {
        return Err(Problem::WrongType {
            expected: "int",
            received: "number".to_owned(),
        });
    }
    if value < 0.0 {
        return Err(Problem::TooSmallNumber { minimum: 0 });
    }
    match number.as_u64().or_else(|| exact_u64(value)) {
        Some(ms) if ms <= MAX_SAFE_INTEGER => Ok(ms),
        _ => Err(Problem::TooBigNumber {
            maximum: MAX_SAFE_INTEGER,
        }),
    }
}

/// A non-negative integral double as u64, when it fits the safe range.
fn exact_u64(value: f64) -> Option<u64> {
    (value <= MAX_SAFE_INTEGER as f64).then_some(value as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(n: Number) -> Result<u64, Problem> {
        millis(&n)
    }

    #[test]
    fn integer_milliseconds_pass() {
        assert_eq!(
            check(Number::from(1_709_856_000_000u64)),
            Ok(1_709_856_000_000)
        );
        assert_eq!(
            check(Number::from_f64(1_709_856_000_000.0).unwrap()),
            Ok(1_709_856_000_000)
        );
        assert_eq!(check(Number::from(0u64)), Ok(0));
    }

    #[test]
    fn fractions_are_not_integers() {
        let problem = check(Number::from_f64(1.5).unwrap()).unwrap_err();
        assert_eq!(
            problem,
            Problem::WrongType {
                expected: "int",
                received: "number".into()
            }
        );
        assert_eq!(
            problem.message(&["createdAt".into()]),
            "Enter a whole number"
        );
    }

    #[test]
    fn negative_times_are_too_small() {
        let too_small = Err(Problem::TooSmallNumber { minimum: 0 });
        assert_eq!(check(Number::from(-1i64)), too_small);
        assert_eq!(check(Number::from_f64(-1.0).unwrap()), too_small);
    }

    #[test]
    fn beyond_safe_integers_is_too_big() {
        let too_big = Err(Problem::TooBigNumber {
            maximum: MAX_SAFE_INTEGER,
        });
        assert_eq!(check(Number::from(MAX_SAFE_INTEGER)), Ok(MAX_SAFE_INTEGER));
        assert_eq!(check(Number::from(MAX_SAFE_INTEGER + 1)), too_big);
        assert_eq!(check(Number::from_f64(1e300).unwrap()), too_big);
    }
}
