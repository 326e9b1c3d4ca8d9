//! Tags: a list of labels. Each is trimmed; a blank tag is an issue (it is
//! almost always a form bug, not an intent); duplicates after trimming are
//! dropped, the first one kept, order kept. Equality is exact: `VIP` and
//! `vip` are two tags, since case may carry meaning in the system using them.

use super::Given;
use crate::input::Value;
use crate::issue::{child, Issue, Path};
use crate::problem::Problem;

/// Lists up to this long are searched for duplicates tag by tag; longer
/// ones through a hash set (a few tags is the usual list, where hashing
/// costs more than comparing; a long one must not take quadratic time).
const SEARCHED: usize = 16;

/// The normalised tags, reporting issues for bad items.
pub fn normalize_tags(items: &[Value], path: &Path, issues: &mut Vec<Issue>) -> Vec<String> {
    let mut tags: Vec<String> = Vec::with_capacity(items.len());
    // indexmap's set: serde_json's object map already brings its hash table
    // into the module, where a std HashSet would add a second one.
    let mut seen = indexmap::IndexSet::new();
    for (index, item) in items.iter().enumerate() {
        match super::given_string(Some(item), &|| child(path, index), false, true, issues) {
            Given::Text(tag) => {
                let new = if items.len() <= SEARCHED {
                    !tags.iter().any(|kept| kept == tag)
                } else {
                    seen.insert(tag)
                };
                if new {
                    tags.push(tag.to_owned());
                }
            }
            Given::Blank => issues.push(Problem::TooShort { minimum: 1 }.at(child(path, index))),
            Given::Absent | Given::Null | Given::Invalid => {}
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<Value> {
        items.iter().map(|s| Value::String((*s).into())).collect()
    }

    #[test]
    fn trims_and_drops_duplicates_keeping_the_first_and_the_order() {
        let mut issues = Vec::new();
        let tags = normalize_tags(
            &strings(&[" vip ", "new", "vip", "VIP", "new "]),
            &path!["tags"],
            &mut issues,
        );
        assert_eq!(tags, ["vip", "new", "VIP"]);
        assert!(issues.is_empty());
    }

    #[test]
    fn a_long_list_drops_duplicates_as_a_short_one_does() {
        let names: Vec<String> = (0..100).map(|i| format!(" t{} ", i % 40)).collect();
        let items = strings(&names.iter().map(String::as_str).collect::<Vec<_>>());
        let mut issues = Vec::new();
        let tags = normalize_tags(&items, &path!["tags"], &mut issues);
        let expected: Vec<String> = (0..40).map(|i| format!("t{i}")).collect();
        assert_eq!(tags, expected);
        assert!(issues.is_empty());
    }

    #[test]
    fn blank_and_non_string_tags_are_issues_at_their_index() {
        let mut issues = Vec::new();
        let items = vec![
            Value::String("a".into()),
            Value::String("  ".into()),
            Value::Null,
        ];
        let tags = normalize_tags(&items, &path!["tags"], &mut issues);
        assert_eq!(tags, ["a"]);
        assert_eq!(issues.len(), 2);
        assert_eq!(issues[0].path, path!["tags", 1]);
        assert_eq!(issues[0].code(), "too_small");
        assert_eq!(issues[1].path, path!["tags", 2]);
        assert_eq!(issues[1].code(), "invalid_type");
    }
}
