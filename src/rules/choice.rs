//! Enumerations (`preferred_contact_method`, `best_time_to_call`): any case
//! in, the canonical upper-case spelling out.

use crate::issue::{Issue, IssueKind, Path};

/// The variant whose name equals `input` ignoring ASCII case.
pub fn parse_choice<T: Copy>(input: &str, variants: &[(&'static str, T)]) -> Option<T> {
    variants
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(input))
        .map(|(_, variant)| *variant)
}

/// Zod's `invalid_value` issue: `Invalid option: expected one of "A"|"B"`.
pub fn invalid_choice<T>(path: Path, variants: &[(&'static str, T)]) -> Issue {
    let values: Vec<&'static str> = variants.iter().map(|(name, _)| *name).collect();
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

    const TIMES: &[(&str, u8)] = &[("MORNING", 0), ("EVENING", 1)];

    #[test]
    fn any_case_matches() {
        assert_eq!(parse_choice("morning", TIMES), Some(0));
        assert_eq!(parse_choice("EvEnInG", TIMES), Some(1));
        assert_eq!(parse_choice("noon", TIMES), None);
    }

    #[test]
    fn issue_lists_the_options() {
        let issue = invalid_choice(path!["best_time_to_call"], TIMES);
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
