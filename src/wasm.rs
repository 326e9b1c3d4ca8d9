//! TEMPORARY boundary stub so the packaging work can start; the real
//! implementation replaces the bodies, the signatures stay.
use wasm_bindgen::prelude::*;

/// `schema` is "customer" | "create" | "update". Returns the JSON text of the
/// safeParse result; throws a TypeError for a bad schema name or bad options.
#[wasm_bindgen(js_name = safeParse)]
pub fn safe_parse(schema: &str, _input: JsValue, _options: JsValue) -> Result<String, JsValue> {
    match schema {
        "customer" | "create" | "update" => Ok(r#"{"success":false,"error":{"issues":[{"code":"custom","path":[],"message":"not implemented yet"}]},"warnings":[]}"#.to_string()),
        other => Err(js_sys::TypeError::new(&format!("unknown schema {other:?}")).into()),
    }
}

/// TEST-ONLY: traps the WebAssembly instance (a panic, which aborts to
/// `unreachable` under `panic = "abort"`), so the Node tests can prove that
/// the JS adapter survives a trap: it restarts the instance and reports an
/// internal error instead of throwing. Not part of the public API.
#[wasm_bindgen(js_name = __trapForTest)]
pub fn trap_for_test() {
    panic!("customer-schema: __trapForTest called (test-only)");
}
