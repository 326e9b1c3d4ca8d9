//! What the table generators (`tools/phone-tables`, `tools/iso-tables`,
//! `tools/address-tables`) share: their input is a PyPI wheel pinned by
//! version and SHA-256, fetched once with pip into the repository's
//! `.tools/` (as the Python oracles in `scripts/` fetch it:
//! `scripts/pinned_wheel.py`), checked against its digest every time, and
//! read as the zip file it is. No Python runs to read it. And their output:
//! formatted by rustfmt, then written, or compared with the committed file
//! (`--check`).

use sha2::{Digest, Sha256};
use std::fmt::Write as _;
use std::io::Read as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub type Result<T> = std::result::Result<T, String>;

/// A wheel by its package, version, file name and SHA-256 (hex).
#[derive(Clone, Copy, Debug)]
pub struct Wheel<'a> {
    pub package: &'a str,
    pub version: &'a str,
    pub file: &'a str,
    pub sha256: &'a str,
}

/// The repository (this crate's grandparent).
pub fn repo_root() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    root.canonicalize().unwrap_or(root)
}

/// Where wheels are kept: `.tools/` at the repository's root.
pub fn cache_dir() -> PathBuf {
    repo_root().join(".tools")
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .fold(String::new(), |mut hex, byte| {
            let _ = write!(hex, "{byte:02x}");
            hex
        })
}

/// `pip download <requirement>` (the wheel alone, no dependencies) into `dir`.
pub fn pip_download(requirement: &str, dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    eprintln!("downloading {requirement} into {}", dir.display());
    let status = Command::new("python3")
        .args(["-m", "pip", "download", "--quiet", "--no-deps"])
        .args(["--only-binary=:all:", "--dest"])
        .arg(dir)
        .arg(requirement)
        .stdout(Stdio::inherit())
        .status()
        .map_err(|e| format!("running python3 -m pip: {e}"))?;
    if !status.success() {
        return Err(format!("pip download {requirement} failed ({status})"));
    }
    Ok(())
}

impl Wheel<'_> {
    /// The wheel's bytes, from `.tools/` or downloaded into it, after
    /// checking its SHA-256.
    pub fn fetch(&self) -> Result<Vec<u8>> {
        let dir = cache_dir();
        let path = dir.join(self.file);
        if !path.is_file() {
            pip_download(&format!("{}=={}", self.package, self.version), &dir)?;
            if !path.is_file() {
                return Err(format!("pip did not produce {}", path.display()));
            }
        }
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let digest = sha256_hex(&bytes);
        if digest != self.sha256 {
            return Err(format!(
                "{}: sha256 {digest} is not the pinned {} (delete the file to download it again)",
                path.display(),
                self.sha256
            ));
        }
        Ok(bytes)
    }
}

/// A wheel member's text. A wheel is a zip file; only what wheels use is
/// read: the central directory (no zip64) and stored or deflated members.
/// Integrity is the pinned SHA-256's job. `name` names the wheel in errors.
pub fn wheel_text(wheel: &[u8], name: &str, member: &str) -> Result<String> {
    let bad = |what: &str| format!("{name}: {what}");
    let u16_at = |at: usize| -> Result<usize> {
        let bytes = wheel.get(at..at + 2).ok_or_else(|| bad("truncated"))?;
        Ok(usize::from(u16::from_le_bytes([bytes[0], bytes[1]])))
    };
    let u32_at = |at: usize| -> Result<usize> {
        let bytes = wheel.get(at..at + 4).ok_or_else(|| bad("truncated"))?;
        let value = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
        if value == u32::MAX {
            return Err(bad("zip64 is not supported"));
        }
        Ok(value as usize)
    };
    let eocd = (0..wheel.len().saturating_sub(21))
        .rev()
        .find(|&at| wheel[at..].starts_with(b"PK\x05\x06"))
        .ok_or_else(|| bad("no zip end of central directory"))?;
    let (count, mut at) = (u16_at(eocd + 10)?, u32_at(eocd + 16)?);
    for _ in 0..count {
        if !wheel
            .get(at..)
            .is_some_and(|rest| rest.starts_with(b"PK\x01\x02"))
        {
            return Err(bad("bad zip central directory"));
        }
        let method = u16_at(at + 10)?;
        let size = u32_at(at + 20)?;
        let name_len = u16_at(at + 28)?;
        let skip = name_len + u16_at(at + 30)? + u16_at(at + 32)?;
        let local = u32_at(at + 42)?;
        let entry = wheel
            .get(at + 46..at + 46 + name_len)
            .ok_or_else(|| bad("truncated"))?;
        at += 46 + skip;
        if entry != member.as_bytes() {
            continue;
        }
        if !wheel
            .get(local..)
            .is_some_and(|rest| rest.starts_with(b"PK\x03\x04"))
        {
            return Err(bad("bad zip local header"));
        }
        let start = local + 30 + u16_at(local + 26)? + u16_at(local + 28)?;
        let data = wheel
            .get(start..start + size)
            .ok_or_else(|| bad("truncated"))?;
        let bytes = match method {
            0 => data.to_vec(),
            8 => {
                let mut out = Vec::new();
                flate2::read::DeflateDecoder::new(data)
                    .read_to_end(&mut out)
                    .map_err(|e| bad(&format!("{member}: {e}")))?;
                out
            }
            _ => return Err(bad(&format!("{member}: zip method {method} unsupported"))),
        };
        return String::from_utf8(bytes).map_err(|e| bad(&format!("{member}: {e}")));
    }
    Err(bad(&format!("no {member}")))
}

/// Formats generated Rust `text` with rustfmt (edition 2021, default
/// options); unchanged, with a warning, if rustfmt is not installed. `name`
/// names the file in messages.
pub fn rustfmt(name: &str, text: String) -> Result<String> {
    let child = Command::new("rustfmt")
        .args(["--edition", "2021", "--emit", "stdout"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let Ok(mut child) = child else {
        eprintln!("warning: rustfmt not found; {name} is not formatted by it");
        return Ok(text);
    };
    let mut stdin = child.stdin.take().ok_or("rustfmt stdin")?;
    let input = text.clone();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child
        .wait_with_output()
        .map_err(|e| format!("rustfmt: {e}"))?;
    writer
        .join()
        .map_err(|_| "rustfmt writer panicked")?
        .map_err(|e| format!("rustfmt: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "rustfmt refused the generated {name}:\n{}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    String::from_utf8(output.stdout).map_err(|e| format!("rustfmt output: {e}"))
}

/// Writes each generated file (path from the repository root, text), or,
/// with `check`, compares it with the committed one and fails naming every
/// stale file (and where it first differs) and the command `tool` to run.
pub fn write_or_check(files: &[(&str, String)], check: bool, tool: &str) -> Result<()> {
    let root = repo_root();
    let mut stale = Vec::new();
    for (name, text) in files {
        let path = root.join(name);
        if check {
            let current = std::fs::read_to_string(&path).unwrap_or_default();
            if current != *text {
                eprintln!("{name} is stale: {}", first_difference(&current, text));
                stale.push(*name);
            } else {
                println!("{name} is up to date");
            }
        } else {
            std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
            println!("wrote {name} ({} bytes)", text.len());
        }
    }
    if !stale.is_empty() {
        return Err(format!(
            "{} stale: run `cargo run --release -p {tool}` and review the diff",
            stale.join(", ")
        ));
    }
    Ok(())
}

/// Where a committed file and its regeneration first differ, by line.
fn first_difference(committed: &str, generated: &str) -> String {
    let (old, new): (Vec<&str>, Vec<&str>) =
        (committed.lines().collect(), generated.lines().collect());
    let differing = (0..old.len().max(new.len()))
        .filter(|&i| old.get(i) != new.get(i))
        .count();
    let at = (0..old.len().max(new.len()))
        .find(|&i| old.get(i) != new.get(i))
        .unwrap_or(0);
    format!(
        "first at line {}:\n  - committed: {}\n  + generated: {}\n  ({differing} of {} lines differ by position)",
        at + 1,
        old.get(at).map_or("<end of file>".into(), |l| format!("{l:?}")),
        new.get(at).map_or("<end of file>".into(), |l| format!("{l:?}")),
        new.len(),
    )
}
