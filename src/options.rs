//! Options: the programmer's choices for one parse, never the data's.
//!
//! A bad option is a programming error, so it is refused when the options
//! are built (and thrown as a `TypeError` in JavaScript), while bad data
//! only ever produces issues.

use crate::messages::Messages;
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
    /// The words of the issues: a locale's catalogue and the caller's own
    /// texts (English by default).
    pub messages: Messages,
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
    /**
     * The language of the messages, a BCP 47 tag: it falls back along its
     * chain to a loaded catalogue (`"de-AT"` → `"de"` → `"en"`). Codes,
     * paths and detail keys never depend on it.
     */
    locale?: string;
    /**
     * Your own text for any message, by its id (`"postal_code.invalid"`),
     * with (some of) the `{placeholders}` of the built-in text.
     */
    messages?: Record<string, string>;
}
"#;

/// The format name of `formatPhone` (`"national"`, `"international"`,
/// `"rfc3966"`): the programmer's choice, so a bad one is an error that
/// names it, like an option.
pub fn phone_format(name: &str) -> Result<crate::rules::phone::PhoneFormat, OptionError> {
    use crate::rules::phone::PhoneFormat;
    match name {
        "national" => Ok(PhoneFormat::National),
        "international" => Ok(PhoneFormat::International),
        "rfc3966" => Ok(PhoneFormat::Rfc3966),
        _ => Err(OptionError(format!(
            "format must be \"national\", \"international\" or \"rfc3966\", not {name:?}"
        ))),
    }
}

/// A region with a numbering plan that ISO 3166-1 does not list as a
/// country (libphonenumber's `AC` and `TA`), upper-cased.
fn phone_only_region(code: &str) -> Option<&'static str> {
    let &[a, b] = code.as_bytes() else {
        return None;
    };
    let upper = [a.to_ascii_uppercase(), b.to_ascii_uppercase()];
    crate::phone::plan_for_region(std::str::from_utf8(&upper).ok()?)?.region_code()
}

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
    /// Sets the default region from an ISO 3166-1 alpha-2 code, in any case,
    /// or from one of libphonenumber's regions that are not ISO 3166-1
    /// countries: `AC` (Ascension Island) and `TA` (Tristan da Cunha), which
    /// have numbering plans of their own. (`address.country` still refuses
    /// them: they are not countries.)
    pub fn with_default_region(mut self, code: &str) -> Result<Self, OptionError> {
        let region = alpha2_code(code).or_else(|| phone_only_region(code)).ok_or_else(|| {
            OptionError(format!(
                "defaultRegion must be an ISO 3166-1 alpha-2 country code such as \"US\", not {code:?}"
            ))
        })?;
        self.default_region = Some(region);
        Ok(self)
    }

    /// Sets the language of the messages: a BCP 47 tag, which falls back
    /// along its chain to a catalogue there is (`de-AT` → `de` → `en`). A
    /// tag that is not well-formed is refused, naming `locale`.
    pub fn with_locale(mut self, locale: &str) -> Result<Self, OptionError> {
        self.messages = self.messages.with_locale(locale)?;
        Ok(self)
    }

    /// Replaces the text of message `id` (see `locales/en.json`) with
    /// `text`, which may use the placeholders of the built-in one. An
    /// unknown id or placeholder is refused, naming `messages`.
    pub fn with_message(mut self, id: &str, text: &str) -> Result<Self, OptionError> {
        self.messages = self.messages.with_custom(id, text)?;
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
    fn default_region_accepts_the_phone_only_regions_ac_and_ta() {
        for (given, region) in [("AC", "AC"), ("ta", "TA"), ("Ac", "AC")] {
            let options = Options::default().with_default_region(given).unwrap();
            assert_eq!(options.default_region, Some(region));
        }
        // They read numbers of their own plans: Ascension +247, Tristan +290.
        let ascension = crate::rules::phone::normalize_phone("62889", Some("AC"));
        assert_eq!(ascension.map(|p| p.e164).ok().as_deref(), Some("+24762889"));
        let tristan = crate::rules::phone::normalize_phone("8123", Some("TA"));
        assert_eq!(tristan.map(|p| p.e164).ok().as_deref(), Some("+2908123"));
        // Not countries: the address's country is checked against ISO 3166-1.
        assert_eq!(alpha2_code("AC"), None);
        assert_eq!(alpha2_code("TA"), None);
    }

    #[test]
    fn bad_options_name_the_option() {
        let error = Options::default().with_default_region("ZZ").unwrap_err();
        assert!(error.0.starts_with("defaultRegion"), "{error}");
        let error = Options::default().with_unknown_keys("loose").unwrap_err();
        assert!(error.0.starts_with("unknownKeys"), "{error}");
    }
}
