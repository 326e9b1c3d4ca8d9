//! Enumerations (the contact method, the best time to call): any case in,
//! the canonical upper-case spelling out.

use crate::issue::{Issue, IssueKind, Path};

/// The name that equals `input` ignoring ASCII case.
pub fn parse_choice(input: &str, names: &[&'static str]) -> Option<&'static str> {
    names
        .iter()
        .find(|name| name.eq_ignore_ascii_case(input))
        .copied()
}

/// Zod's `invalid_value` issue: `Invalid option: expected one of "A"|"B"`.
pub fn invalid_choice(path: Path, names: &[&'static str]) -> Issue {
    let values: Vec<&'static str> = names.to_vec();
    let listed = values
        .iter()
        .map(|name| format!("\"{name}\""))
        .collect::<Vec<_>>()
        .join("|");
    Issue::new(
        IssueKind::InvalidValue { values },
        path,
        format!("Invalid option: expected one of {listed}"),
    )
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

    #[test]
    fn issue_lists_the_options() {
        let issue = invalid_choice(path!["time"], TIMES);
        assert_eq!(
            issue.message,
            "Invalid option: expected one of \"MORNING\"|\"EVENING\""
        );
        assert_eq!(
            issue.kind,
            IssueKind::InvalidValue {
                values: vec!["MORNING", "EVENING"]
            }
        );
    }
}
