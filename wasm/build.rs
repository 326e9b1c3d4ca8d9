//! Writes the records' TypeScript declarations (output and input types of
//! the three schemas, the address and the enumerations) from the core's
//! field table, for `src/lib.rs` to put in the module's `.d.ts`: the types
//! cannot drift from the validator, since both come from one table.

use std::path::PathBuf;

fn main() {
    let Some(out_dir) = std::env::var_os("OUT_DIR") else {
        eprintln!("build.rs: cargo sets OUT_DIR for build scripts");
        std::process::exit(1);
    };
    let path = PathBuf::from(out_dir).join("records.d.ts");
    let text = customer_schema::output::typescript::declarations();
    if let Err(error) = std::fs::write(&path, text) {
        eprintln!("build.rs: could not write {}: {error}", path.display());
        std::process::exit(1);
    }
    println!("cargo::rerun-if-changed=build.rs");
}
