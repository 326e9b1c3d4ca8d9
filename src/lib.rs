//! customer-schema: skeleton (being filled in).

#[cfg(target_arch = "wasm32")]
mod wasm;
