//! The records, as the schemas return them: normalised, with the seed's
//! exact wire names (`phone_number` beside `customerId` is the wire format,
//! not a slip).
//!
//! The three record structs (`Customer`, `CreateCustomer`,
//! `UpdateCustomer`) are declared by the field table (`crate::fields`), from
//! one row per field; this module holds the values they are made of: the
//! enumerations and the address.
//!
//! Three-state fields: a nullable field (`customerId`, `phone_number`, …)
//! is `Option<Option<T>>`: absent (`None`), `null` (`Some(None)`), or a value.
//! Fields with a default are `Option` too, so one type serves both as what a
//! caller may send (the seed's `CreateCustomer` example omits them) and as
//! what the schema returns (Customer and Create fill them in).

use serde::Serialize;
use serde_json::{Map, Value as Json};

/// Declares an enumeration of upper-case wire names, read in any case.
macro_rules! choice {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $wire:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
        pub enum $name {
            $(#[serde(rename = $wire)] $variant,)*
        }

        impl $name {
            /// Each variant with its wire name, in declaration order.
            pub const VARIANTS: &'static [(&'static str, Self)] = &[$(($wire, Self::$variant),)*];
            /// The wire names, in declaration order.
            pub const NAMES: &'static [&'static str] = &[$($wire,)*];

            /// The wire spelling (upper case).
            pub fn name(self) -> &'static str {
                match self {
                    $(Self::$variant => $wire,)*
                }
            }

            /// The variant with this exact wire name.
            pub fn named(name: &str) -> Option<Self> {
                match name {
                    $($wire => Some(Self::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

choice! {
    /// How the customer wants to be contacted.
    PreferredContactMethod { Email = "EMAIL", Phone = "PHONE", Sms = "SMS" }
}

choice! {
    /// When a phone call is most welcome.
    BestTimeToCall { Morning = "MORNING", Afternoon = "AFTERNOON", Evening = "EVENING" }
}

/// A postal address; `country` is an ISO 3166-1 alpha-2 code. (Its fields'
/// rules are rows of `crate::fields::ADDRESS_FIELDS`.)
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Address {
    pub street: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub street2: Option<String>,
    pub city: String,
    pub state: String,
    #[serde(rename = "postalCode")]
    pub postal_code: String,
    pub country: String,
    /// Keys the schema does not know, kept under `UnknownKeys::Passthrough`
    /// (empty otherwise).
    #[serde(flatten, skip_deserializing)]
    pub unknown_keys: Map<String, Json>,
}
