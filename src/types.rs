//! The records, as the schemas return them: normalised, with the seed's
//! exact wire names (`phone_number` beside `customerId` is the wire format,
//! not a slip). The TypeScript declarations of the npm package are generated
//! from these types by `tsify`.
//!
//! Three-state fields: a nullable field (`customerId`, `phone_number`, …)
//! is `Option<Option<T>>`: absent (`None`), `null` (`Some(None)`), or a value.
//! Fields with a default are `Option` too, so one type serves both as what a
//! caller may send (the seed's `CreateCustomer` example omits them) and as
//! what the schema returns (Customer and Create fill them in).

use serde::Serialize;
use serde_json::{Map, Value as Json};
#[cfg(feature = "tsify")]
use tsify::Tsify;

/// How the customer wants to be contacted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(Tsify))]
#[serde(rename_all = "UPPERCASE")]
pub enum PreferredContactMethod {
    Email,
    Phone,
    Sms,
}

impl PreferredContactMethod {
    pub const VARIANTS: &'static [(&'static str, Self)] = &[
        ("EMAIL", Self::Email),
        ("PHONE", Self::Phone),
        ("SMS", Self::Sms),
    ];

    /// The wire spelling: `"EMAIL"`, `"PHONE"`, `"SMS"`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Email => "EMAIL",
            Self::Phone => "PHONE",
            Self::Sms => "SMS",
        }
    }
}

/// When a phone call is most welcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(Tsify))]
#[serde(rename_all = "UPPERCASE")]
pub enum BestTimeToCall {
    Morning,
    Afternoon,
    Evening,
}

impl BestTimeToCall {
    pub const VARIANTS: &'static [(&'static str, Self)] = &[
        ("MORNING", Self::Morning),
        ("AFTERNOON", Self::Afternoon),
        ("EVENING", Self::Evening),
    ];

    /// The wire spelling: `"MORNING"`, `"AFTERNOON"`, `"EVENING"`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Morning => "MORNING",
            Self::Afternoon => "AFTERNOON",
            Self::Evening => "EVENING",
        }
    }
}

/// A postal address; `country` is an ISO 3166-1 alpha-2 code.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "tsify", derive(Tsify))]
pub struct Address {
    pub street: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub street2: Option<String>,
    pub city: String,
    pub state: String,
    #[serde(rename = "postalCode")]
    pub postal_code: String,
    pub country: String,
    /// Keys the schema does not know, kept under `UnknownKeys::Passthrough`
    /// (empty otherwise). Not part of the TypeScript type.
    #[serde(flatten, skip_deserializing)]
    pub unknown_keys: Map<String, Json>,
}

/// Declares a record type: the fields all three schemas share, in the
/// seed's order, with the schema's own fields spliced in where the seed puts
/// them (`id` first, `channelId` before `address`, timestamps last), so the
/// shared fields are written once.
macro_rules! record {
    (
        $(#[$meta:meta])*
        $name:ident { $($head:tt)* } { $($middle:tt)* } { $($tail:tt)* }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Serialize)]
        #[cfg_attr(feature = "tsify", derive(Tsify))]
        pub struct $name {
            $($head)*
            #[serde(rename = "customerId", skip_serializing_if = "Option::is_none")]
            #[cfg_attr(feature = "tsify", tsify(optional, type = "string | null"))]
            pub customer_id: Option<Option<String>>,
            #[serde(skip_serializing_if = "Option::is_none")]
            #[cfg_attr(feature = "tsify", tsify(optional, type = "string | null"))]
            pub phone_number: Option<Option<String>>,
            #[serde(skip_serializing_if = "Option::is_none")]
            #[cfg_attr(feature = "tsify", tsify(optional, type = "string | null"))]
            pub firstname: Option<Option<String>>,
            #[serde(skip_serializing_if = "Option::is_none")]
            #[cfg_attr(feature = "tsify", tsify(optional, type = "string | null"))]
            pub lastname: Option<Option<String>>,
            #[serde(skip_serializing_if = "Option::is_none")]
            #[cfg_attr(feature = "tsify", tsify(optional))]
            pub company: Option<String>,
            #[serde(skip_serializing_if = "Option::is_none")]
            #[cfg_attr(feature = "tsify", tsify(optional))]
            pub timezone: Option<String>,
            #[serde(skip_serializing_if = "Option::is_none")]
            #[cfg_attr(feature = "tsify", tsify(optional))]
            pub email: Option<String>,
            #[serde(skip_serializing_if = "Option::is_none")]
            #[cfg_attr(feature = "tsify", tsify(optional))]
            pub preferred_language: Option<String>,
            #[serde(skip_serializing_if = "Option::is_none")]
            #[cfg_attr(feature = "tsify", tsify(optional))]
            pub preferred_contact_method: Option<PreferredContactMethod>,
            #[serde(skip_serializing_if = "Option::is_none")]
            #[cfg_attr(feature = "tsify", tsify(optional))]
            pub best_time_to_call: Option<BestTimeToCall>,
            #[serde(skip_serializing_if = "Option::is_none")]
            #[cfg_attr(feature = "tsify", tsify(optional))]
            pub notes: Option<String>,
            #[serde(skip_serializing_if = "Option::is_none")]
            #[cfg_attr(feature = "tsify", tsify(optional))]
            pub tags: Option<Vec<String>>,
            #[serde(skip_serializing_if = "Option::is_none")]
            #[cfg_attr(feature = "tsify", tsify(optional, type = "Record<string, unknown>"))]
            pub custom_fields: Option<Map<String, Json>>,
            $($middle)*
            #[serde(skip_serializing_if = "Option::is_none")]
            #[cfg_attr(feature = "tsify", tsify(optional))]
            pub address: Option<Address>,
            #[serde(rename = "isValidatedNames", skip_serializing_if = "Option::is_none")]
            #[cfg_attr(feature = "tsify", tsify(optional))]
            pub is_validated_names: Option<bool>,
            $($tail)*
            /// Keys the schema does not know, kept under
            /// `UnknownKeys::Passthrough` (empty otherwise). Not part of the
            /// TypeScript type.
            #[serde(flatten, skip_deserializing)]
            pub unknown_keys: Map<String, Json>,
        }
    };
}

record! {
    /// A stored customer (`CustomerSchema`).
    Customer {
        pub id: String,
    } {
        #[serde(rename = "channelId", skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "tsify", tsify(optional, type = "string | null"))]
        pub channel_id: Option<Option<String>>,
    } {
        /// Unix time in milliseconds.
        #[serde(rename = "createdAt")]
        pub created_at: u64,
        /// Unix time in milliseconds, not before `created_at`.
        #[serde(rename = "updatedAt")]
        pub updated_at: u64,
    }
}

record! {
    /// A customer to create (`CreateCustomerSchema`): no `id`, `channelId`
    /// or timestamps, which the server assigns.
    CreateCustomer {} {} {}
}

record! {
    /// A partial update (`UpdateCustomerSchema`): `id` and the fields to
    /// change; nothing is defaulted.
    UpdateCustomer {
        pub id: String,
    } {} {}
}
