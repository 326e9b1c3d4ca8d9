//! Enumerations (the contact method, the best time to call): any case in,
//! the canonical upper-case spelling out.

/// The name that equals `input` ignoring ASCII case.
pub fn parse_choice(input: &str, names: &[&'static str]) -> Option<&'static str> {
    names
        .iter()
        .find(|name| name.eq_ignore_ascii_case(input))
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TIMES: &[&str] = &["MORNING", "EVENING"];

    #[test]
    fn any_case_matches() {
        assert_eq!(parse_choice("morning", TIMES), Some("MORNING"));
        assert_eq!(parse_choice("EvEnInG", TIMES), Some("EVENING"));
        assert_eq!(parse_choice("noon", TIMES), None);
    }
}
