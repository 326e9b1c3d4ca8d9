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
