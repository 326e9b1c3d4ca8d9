//! IANA time zone names.
//!
//! Every Zone and Link name of the tz database is accepted (`US/Eastern`,
//! `UTC`, `Asia/Calcutta` included), matched case-insensitively and returned
//! in the database's own spelling. Links are not resolved to their targets:
//! the user chose `Asia/Calcutta`, and it still names the same rules.

use crate::tables::timezones::TIME_ZONES;

/// The tz database release the names come from (e.g. `2026f`).
pub const TZDATA_VERSION: &str = crate::tables::timezones::TZDATA_VERSION;

/// The database spelling of a time zone name, or `None` if it names none.
pub fn canonical_time_zone(input: &str) -> Option<&'static str> {
    // The table is sorted by the names' ASCII-lower-cased bytes (the names
    // are ASCII), so one binary search compares case-insensitively.
    let key = input.bytes().map(|b| b.to_ascii_lowercase());
    TIME_ZONES
        .search_by(|name| {
            name.bytes()
                .map(|b| b.to_ascii_lowercase())
                .cmp(key.clone())
        })
        .map(|at| TIME_ZONES.get(at))
}

/// Every time zone name, in database spelling (for suggestions in a form).
pub fn time_zone_names() -> impl Iterator<Item = &'static str> {
    TIME_ZONES.iter()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_case_gives_the_database_spelling() {
        assert_eq!(
            canonical_time_zone("america/new_york"),
            Some("America/New_York")
        );
        assert_eq!(
            canonical_time_zone("AMERICA/ARGENTINA/BUENOS_AIRES"),
            Some("America/Argentina/Buenos_Aires")
        );
        assert_eq!(canonical_time_zone("utc"), Some("UTC"));
    }

    #[test]
    fn links_are_accepted_and_not_resolved() {
        assert_eq!(canonical_time_zone("us/eastern"), Some("US/Eastern"));
        assert_eq!(canonical_time_zone("Asia/Calcutta"), Some("Asia/Calcutta"));
        assert_eq!(canonical_time_zone("etc/gmt+5"), Some("Etc/GMT+5"));
    }

    #[test]
    fn unknown_or_malformed_names_are_refused() {
        for bad in [
            "America/Nowhere",
            "EST5",
            "",
            "posix/Europe/Paris",
            "Europe/Parİs",
            "localtime",
        ] {
            assert_eq!(canonical_time_zone(bad), None, "{bad}");
        }
    }

    #[test]
    fn names_are_listed_for_suggestions() {
        assert!(time_zone_names().any(|name| name == "Europe/Paris"));
    }
}
