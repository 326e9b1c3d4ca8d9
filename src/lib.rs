//! customer-schema: skeleton (being filled in).

pub(crate) mod tables;
#[cfg(target_arch = "wasm32")]
mod wasm;
