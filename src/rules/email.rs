//! Email addresses.
//!
//! The syntax is the one browsers apply to `<input type=email>` (the HTML
//! standard's "valid email address"), so a form and a server agree on what
//! passes, tightened in two ways that matter for mail that must arrive: the
//! domain must have at least two labels (`user@localhost` is refused), the
//! part before the `@` is a dot-atom as RFC 5322 has it (no dot at its
//! start or end, no two in a row: `.user@`, `user.@` and `us..er@` are
//! refused, as mail servers and JSON Schema's `email` format refuse them),
//! and RFC 5321's size limits apply (local part ≤ 64 octets, domain ≤ 255, the
//! whole address ≤ 254). The domain is lower-cased, since DNS is
//! case-insensitive; the local part is kept as written, since the receiving
//! server alone decides what its case means.

const LOCAL_PART_MAX: usize = 64;
const DOMAIN_MAX: usize = 255;
const ADDRESS_MAX: usize = 254;
const LABEL_MAX: usize = 63;

use crate::problem::{EmailProblem, Problem};

/// Characters HTML allows in the local part: letters, digits and
/// `.!#$%&'*+/=?^_`{|}~-` (as ranges: one comparison or two per byte).
fn is_local_char(c: u8) -> bool {
    matches!(c,
        b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9'
        | b'.' | b'!' | b'#'..=b'\'' | b'*' | b'+' | b'/' | b'=' | b'?'
        | b'^'..=b'`' | b'{'..=b'~' | b'-')
}

fn is_valid_label(label: &str) -> bool {
    let bytes = label.as_bytes();
    match (bytes.first(), bytes.last()) {
        (Some(first), Some(last)) => {
            bytes.len() <= LABEL_MAX
                && first.is_ascii_alphanumeric()
                && last.is_ascii_alphanumeric()
                && bytes
                    .iter()
                    .all(|&c| c.is_ascii_alphanumeric() || c == b'-')
        }
        _ => false,
    }
}

/// Validates a trimmed, non-blank address and returns it with its domain
/// lower-cased.
pub fn normalize_email(input: &str) -> Result<String, Problem> {
    let refuse = |problem| Err(Problem::Email(problem));
    let Some((local, domain)) = input.split_once('@') else {
        return refuse(EmailProblem::MissingAt);
    };
    if local.is_empty() {
        return refuse(EmailProblem::NothingBeforeAt);
    }
    if !local.bytes().all(is_local_char) {
        return refuse(EmailProblem::LocalCharacter);
    }
    // HTML allows them, but RFC 5322's dot-atom (and mail servers, and the
    // `email` format of JSON Schema validators) do not.
    let doubled = local.as_bytes().windows(2).any(|pair| pair == b"..");
    if local.starts_with('.') || local.ends_with('.') || doubled {
        return refuse(EmailProblem::LocalDots);
    }
    if local.len() > LOCAL_PART_MAX {
        return refuse(EmailProblem::LocalTooLong);
    }
    if domain.is_empty() {
        return refuse(EmailProblem::NothingAfterAt);
    }
    if !domain.split('.').all(is_valid_label) {
        return refuse(EmailProblem::BadDomain);
    }
    if !domain.contains('.') {
        return refuse(EmailProblem::DomainWithoutDot);
    }
    if domain.len() > DOMAIN_MAX {
        return refuse(EmailProblem::DomainTooLong);
    }
    if input.len() > ADDRESS_MAX {
        return refuse(EmailProblem::TooLong);
    }
    let mut address = String::with_capacity(input.len());
    address.push_str(local);
    address.push('@');
    address.push_str(domain);
    address[local.len() + 1..].make_ascii_lowercase();
    Ok(address)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_part_characters_are_exactly_html_s() {
        for c in 0..=u8::MAX {
            let listed = c.is_ascii_alphanumeric() || b".!#$%&'*+/=?^_`{|}~-".contains(&c);
            assert_eq!(is_local_char(c), listed, "{c:#x}");
        }
    }

    #[test]
    fn lower_cases_the_domain_only() {
        assert_eq!(
            normalize_email("John.Smith@Example.COM").as_deref(),
            Ok("John.Smith@example.com")
        );
    }

    #[test]
    fn accepts_what_html_accepts_when_the_local_part_is_a_dot_atom() {
        for ok in [
            "a@b.co",
            "first.last+tag@sub.example.org",
            "!#$%&'*+/=?^_`{|}~-@x-y.example",
            "user@123.example",
        ] {
            assert!(normalize_email(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn refuses_what_html_refuses() {
        for bad in [
            "plainaddress",
            "@example.com",
            "user@",
            "user@@example.com",
            "us er@example.com",
            "user@-example.com",
            "user@example-.com",
            "user@example..com",
            "user@.example.com",
            "user@example.com.",
            "user@exa_mple.com",
            "\"quoted\"@example.com",
            "üser@example.com",
            "user@exämple.com",
        ] {
            assert!(normalize_email(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_local_part_is_a_dot_atom() {
        for bad in [
            ".user@example.com",
            "user.@example.com",
            "us..er@example.com",
            ".@example.com",
        ] {
            assert_eq!(
                normalize_email(bad),
                Err(Problem::Email(EmailProblem::LocalDots)),
                "{bad}"
            );
        }
        for good in [
            "u.s.e.r@example.com",
            "first.last+tag@example.com",
            "a@example.com",
        ] {
            assert!(normalize_email(good).is_ok(), "{good}");
        }
    }

    #[test]
    fn domain_needs_a_dot() {
        assert_eq!(
            normalize_email("user@localhost"),
            Err(Problem::Email(EmailProblem::DomainWithoutDot))
        );
    }

    #[test]
    fn rfc_5321_lengths_are_enforced() {
        let local64 = "a".repeat(64);
        assert!(normalize_email(&format!("{local64}@example.com")).is_ok());
        assert!(normalize_email(&format!("{local64}a@example.com")).is_err());
        let label63 = "b".repeat(63);
        assert!(normalize_email(&format!("a@{label63}.com")).is_ok());
        assert!(normalize_email(&format!("a@{label63}b.com")).is_err());
        // 4 labels of 63 + dots = 255 characters of domain: too long an address.
        let long_domain = [label63.as_str(); 4].join(".");
        assert_eq!(long_domain.len(), 255);
        assert!(normalize_email(&format!("a@{long_domain}")).is_err());
        // 254 in all is the most.
        let domain_250 = format!(
            "{}.{}.{}.{}",
            "c".repeat(63),
            "c".repeat(63),
            "c".repeat(63),
            "c".repeat(58)
        );
        assert_eq!(domain_250.len(), 250);
        assert!(normalize_email(&format!("abc@{domain_250}")).is_ok());
        assert!(normalize_email(&format!("abcd@{domain_250}")).is_err());
    }
}
