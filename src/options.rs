//! Options: the programmer's choices for one parse, never the data's.
//!
//! A bad option is a programming error, so it is refused when the options
//! are built (and thrown as a `TypeError` in JavaScript), while bad data
//! only ever produces issues.

use crate::rules::country::alpha2_code;

/// What to do with keys the schema does not know (also inside `address`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum UnknownKeys {
    /// Drop them (Zod's default).
    #[default]
    Strip,
    /// Report them as an `unrecognized_keys` issue.
    Strict,
    /// Keep them, as given (they must be JSON data).
    Passthrough,
}

impl UnknownKeys {
    /// Reads `"strip"`, `"strict"` or `"passthrough"`.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "strip" => Some(UnknownKeys::Strip),
            "strict" => Some(UnknownKeys::Strict),
            "passthrough" => Some(UnknownKeys::Passthrough),
            _ => None,
        }
    }
}

/// Options for a parse.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The region national phone numbers are read in (ISO 3166-1 alpha-2);
    /// when `None`, the record's own `address.country` is used.
    pub default_region: Option<&'static str>,
    pub unknown_keys: UnknownKeys,
}

/// The options as JavaScript passes them; read by the boundary crate
/// (customer-schema-wasm, `wasm/src/lib.rs`).
#[cfg(feature = "tsify")]
#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const PARSE_OPTIONS_TS: &str = r#"
/** Options for one parse. A bad option throws a `TypeError` naming it. */
export interface ParseOptions {
    /**
     * ISO 3166-1 alpha-2 region (any case) that national phone numbers are
     * read in; when absent, the record's own `address.country` is used.
     */
    defaultRegion?: string;
    /** Keys the schema does not know (also inside `address`): dropped (default), reported, or kept. */
    unknownKeys?: "strip" | "strict" | "passthrough";
}
"#;

/// A bad option: the message names the option.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionError(pub String);

impl std::fmt::Display for OptionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for OptionError {}

impl Options {
    /// Sets the default region from an ISO 3166-1 alpha-2 code, in any case.
    pub fn with_default_region(mut self, code: &str) -> Result<Self, OptionError> {
        let region = alpha2_code(code).ok_or_else(|| {
            OptionError(format!(
                "defaultRegion must be an ISO 3166-1 alpha-2 country code such as \"US\", not {code:?}"
            ))
        })?;
        self.default_region = Some(region);
        Ok(self)
    }

    /// Sets the unknown-keys mode by name.
    pub fn with_unknown_keys(mut self, name: &str) -> Result<Self, OptionError> {
        self.unknown_keys = UnknownKeys::from_name(name).ok_or_else(|| {
            OptionError(format!(
                "unknownKeys must be \"strip\", \"strict\" or \"passthrough\", not {name:?}"
            ))
        })?;
        Ok(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_region_accepts_alpha2_in_any_case() {
        assert_eq!(
            Options::default()
                .with_default_region("us")
                .unwrap()
                .default_region,
            Some("US")
        );
    }

    #[test]
    fn bad_options_name_the_option() {
        let error = Options::default().with_default_region("ZZ").unwrap_err();
        assert!(error.0.starts_with("defaultRegion"), "{error}");
        let error = Options::default().with_unknown_keys("loose").unwrap_err();
        assert!(error.0.starts_with("unknownKeys"), "{error}");
    }
}
