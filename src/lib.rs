//! customer-schema: skeleton (being filled in).
