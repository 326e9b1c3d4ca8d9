//! customer-schema: skeleton (being filled in).

pub(crate) mod tables;
