//! Where the metadata comes from: the `phonenumbers` wheel named by
//! `tools/phone-tables/phonenumbers.pin` (version and SHA-256), fetched into
//! `.tools/` with pip as `scripts/phone_oracle.py` fetches it, read as a zip
//! and its `phonenumbers/data/region_*.py` files parsed as the Python
//! literals they are ([`literal`]). No Python runs to read them.

pub use pinned_wheel::{repo_root, Result};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::process::Command;

pub const PIN_FILE: &str = "tools/phone-tables/phonenumbers.pin";
const PACKAGE: &str = "phonenumbers";
const PYPI_JSON: &str = "https://pypi.org/pypi/phonenumbers/json";

/// The pinned release.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pin {
    pub version: String,
    pub sha256: String,
}

impl Pin {
    pub fn wheel_name(&self) -> String {
        format!("{PACKAGE}-{}-py2.py3-none-any.whl", self.version)
    }

    pub fn read() -> Result<Pin> {
        let path = repo_root().join(PIN_FILE);
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{PIN_FILE}: {e}"))?;
        let field = |key: &str| {
            text.lines()
                .filter_map(|line| line.strip_prefix(key)?.strip_prefix(' '))
                .map(str::trim)
                .next()
                .map(str::to_owned)
                .ok_or_else(|| format!("{PIN_FILE}: no `{key}` line"))
        };
        let pin = Pin {
            version: field("version")?,
            sha256: field("sha256")?,
        };
        let version_ok =
            !pin.version.is_empty() && pin.version.bytes().all(|b| b.is_ascii_digit() || b == b'.');
        let sha_ok = pin.sha256.len() == 64 && pin.sha256.bytes().all(|b| b.is_ascii_hexdigit());
        if !version_ok || !sha_ok {
            return Err(format!("{PIN_FILE}: malformed {pin:?}"));
        }
        Ok(pin)
    }

    /// Rewrites the `version` and `sha256` lines, keeping the comments.
    pub fn write(&self) -> Result<()> {
        let path = repo_root().join(PIN_FILE);
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{PIN_FILE}: {e}"))?;
        let mut out = String::new();
        for line in text.lines() {
            if line.starts_with("version ") {
                writeln!(out, "version {}", self.version).unwrap();
            } else if line.starts_with("sha256 ") {
                writeln!(out, "sha256 {}", self.sha256).unwrap();
            } else {
                writeln!(out, "{line}").unwrap();
            }
        }
        std::fs::write(&path, out).map_err(|e| format!("{PIN_FILE}: {e}"))
    }
}

/// The pinned wheel's bytes, from `.tools/` or downloaded into it, after
/// checking its SHA-256.
pub fn fetch(pin: &Pin) -> Result<Vec<u8>> {
    let file = pin.wheel_name();
    pinned_wheel::Wheel {
        package: PACKAGE,
        version: &pin.version,
        file: &file,
        sha256: &pin.sha256,
    }
    .fetch()
}

/// Asks PyPI's JSON API for the newest release and its wheel's SHA-256,
/// downloads the wheel, checks it against that SHA-256 and returns the new
/// pin (not yet written).
pub fn newest() -> Result<Pin> {
    let output = Command::new("curl")
        .args(["-fsSL", "--max-time", "60", PYPI_JSON])
        .output()
        .map_err(|e| format!("running curl: {e}"))?;
    if !output.status.success() {
        return Err(format!("curl {PYPI_JSON} failed ({})", output.status));
    }
    let json: serde_json::Value =
        serde_json::from_slice(&output.stdout).map_err(|e| format!("{PYPI_JSON}: {e}"))?;
    let version = json["info"]["version"]
        .as_str()
        .ok_or_else(|| format!("{PYPI_JSON}: no info.version"))?
        .to_owned();
    let wheel = format!("{PACKAGE}-{version}-py2.py3-none-any.whl");
    let sha256 = json["urls"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|file| file["filename"].as_str() == Some(wheel.as_str()))
        .and_then(|file| file["digests"]["sha256"].as_str())
        .ok_or_else(|| format!("{PYPI_JSON}: no {wheel} with a sha256 digest"))?
        .to_owned();
    let pin = Pin { version, sha256 };
    fetch(&pin)?;
    Ok(pin)
}

/// A wheel member's text (see `pinned_wheel::wheel_text`).
pub fn wheel_text(wheel: &[u8], member: &str) -> Result<String> {
    pinned_wheel::wheel_text(wheel, "wheel", member)
}

/// A small reader of the Python literals the metadata files are made of:
/// strings, integers, `None`/`True`/`False`, tuples, lists, dicts and calls
/// with keyword arguments (`PhoneNumberDesc(national_number_pattern='…')`).
/// Nesting is bounded ([`literal::MAX_DEPTH`]); anything else is an error.
pub mod literal {
    use super::Result;

    pub const MAX_DEPTH: usize = 16;

    #[derive(Debug, Clone, PartialEq)]
    pub enum Value {
        Str(String),
        Int(i64),
        None,
        Bool(bool),
        /// A tuple or a list.
        Seq(Vec<Value>),
        Dict(Vec<(Value, Value)>),
        /// `Name(key=value, …)`
        Call(String, Vec<(String, Value)>),
    }

    impl Value {
        pub fn str(&self) -> Option<&str> {
            match self {
                Value::Str(s) => Some(s),
                _ => None,
            }
        }
        pub fn int(&self) -> Option<i64> {
            match self {
                Value::Int(n) => Some(*n),
                _ => None,
            }
        }
        pub fn seq(&self) -> &[Value] {
            match self {
                Value::Seq(items) => items,
                _ => &[],
            }
        }
        /// A keyword argument of a call; `None` when absent (or `None`).
        pub fn arg(&self, key: &str) -> Option<&Value> {
            match self {
                Value::Call(_, args) => args
                    .iter()
                    .find(|(k, _)| k == key)
                    .map(|(_, v)| v)
                    .filter(|v| **v != Value::None),
                _ => None,
            }
        }
    }

    /// Parses the literal that starts at byte `at` of `text`.
    pub fn parse_at(text: &str, at: usize) -> Result<Value> {
        let mut parser = Parser {
            bytes: text.as_bytes(),
            at,
        };
        parser.value(0)
    }

    struct Parser<'a> {
        bytes: &'a [u8],
        at: usize,
    }

    impl Parser<'_> {
        fn error<T>(&self, what: &str) -> Result<T> {
            Err(format!("Python literal at byte {}: {what}", self.at))
        }

        fn skip_space(&mut self) {
            while let Some(&b) = self.bytes.get(self.at) {
                if b.is_ascii_whitespace() {
                    self.at += 1;
                } else if b == b'#' {
                    while self.bytes.get(self.at).is_some_and(|&b| b != b'\n') {
                        self.at += 1;
                    }
                } else {
                    break;
                }
            }
        }

        fn peek(&mut self) -> Option<u8> {
            self.skip_space();
            self.bytes.get(self.at).copied()
        }

        fn expect(&mut self, byte: u8) -> Result<()> {
            if self.peek() == Some(byte) {
                self.at += 1;
                Ok(())
            } else {
                self.error(&format!("expected {:?}", char::from(byte)))
            }
        }

        fn ident(&mut self) -> String {
            let start = self.at;
            while self
                .bytes
                .get(self.at)
                .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
            {
                self.at += 1;
            }
            String::from_utf8_lossy(&self.bytes[start..self.at]).into_owned()
        }

        /// Items up to `close`, separated by commas, a trailing one allowed.
        fn items<T>(
            &mut self,
            close: u8,
            mut item: impl FnMut(&mut Self) -> Result<T>,
        ) -> Result<Vec<T>> {
            let mut out = Vec::new();
            loop {
                if self.peek() == Some(close) {
                    self.at += 1;
                    return Ok(out);
                }
                out.push(item(self)?);
                match self.peek() {
                    Some(b',') => self.at += 1,
                    Some(b) if b == close => {}
                    _ => return self.error("expected `,` or a closing bracket"),
                }
            }
        }

        fn value(&mut self, depth: usize) -> Result<Value> {
            if depth > MAX_DEPTH {
                return self.error("nested too deeply");
            }
            match self.peek() {
                Some(b'\'' | b'"') => self.string().map(Value::Str),
                Some(b'0'..=b'9' | b'-') => self.int(),
                Some(b'(') => {
                    self.at += 1;
                    Ok(Value::Seq(self.items(b')', |p| p.value(depth + 1))?))
                }
                Some(b'[') => {
                    self.at += 1;
                    Ok(Value::Seq(self.items(b']', |p| p.value(depth + 1))?))
                }
                Some(b'{') => {
                    self.at += 1;
                    let pairs = self.items(b'}', |p| {
                        let key = p.value(depth + 1)?;
                        p.expect(b':')?;
                        Ok((key, p.value(depth + 1)?))
                    })?;
                    Ok(Value::Dict(pairs))
                }
                Some(b) if b.is_ascii_alphabetic() || b == b'_' => {
                    let name = self.ident();
                    match name.as_str() {
                        "None" => return Ok(Value::None),
                        "True" => return Ok(Value::Bool(true)),
                        "False" => return Ok(Value::Bool(false)),
                        _ => {}
                    }
                    self.expect(b'(')?;
                    let args = self.items(b')', |p| {
                        p.skip_space();
                        let key = p.ident();
                        if key.is_empty() {
                            return p.error("expected a keyword argument");
                        }
                        p.expect(b'=')?;
                        Ok((key, p.value(depth + 1)?))
                    })?;
                    Ok(Value::Call(name, args))
                }
                _ => self.error("expected a value"),
            }
        }

        fn int(&mut self) -> Result<Value> {
            let start = self.at;
            if self.bytes.get(self.at) == Some(&b'-') {
                self.at += 1;
            }
            while self.bytes.get(self.at).is_some_and(u8::is_ascii_digit) {
                self.at += 1;
            }
            let text = std::str::from_utf8(&self.bytes[start..self.at]).unwrap_or("");
            match text.parse() {
                Ok(n) => Ok(Value::Int(n)),
                Err(_) => self.error("bad integer"),
            }
        }

        /// A one-line string literal with Python's escapes.
        fn string(&mut self) -> Result<String> {
            let quote = self.bytes[self.at];
            self.at += 1;
            let mut out: Vec<u8> = Vec::new();
            loop {
                let Some(&b) = self.bytes.get(self.at) else {
                    return self.error("unterminated string");
                };
                self.at += 1;
                match b {
                    b'\n' => return self.error("newline in string"),
                    b if b == quote => break,
                    b'\\' => {
                        let Some(&e) = self.bytes.get(self.at) else {
                            return self.error("unterminated string");
                        };
                        self.at += 1;
                        match e {
                            b'\\' | b'\'' | b'"' => out.push(e),
                            b'n' => out.push(b'\n'),
                            b't' => out.push(b'\t'),
                            b'u' => {
                                let hex = self
                                    .bytes
                                    .get(self.at..self.at + 4)
                                    .and_then(|h| std::str::from_utf8(h).ok())
                                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                                    .and_then(char::from_u32);
                                let Some(c) = hex else {
                                    return self.error("bad \\u escape");
                                };
                                self.at += 4;
                                let mut buf = [0; 4];
                                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                            }
                            _ => return self.error("unsupported escape"),
                        }
                    }
                    _ => out.push(b),
                }
            }
            String::from_utf8(out).or_else(|_| self.error("not UTF-8"))
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn reads_the_shapes_the_metadata_uses() {
            let text = r"X = PhoneMetadata(id='GB', country_code=44, international_prefix=None,
                general_desc=PhoneNumberDesc(national_number_pattern='[1-9]\\d{9}', possible_length=(7, 10,)),
                number_format=[NumberFormat(pattern='(\\d{3})', format='\\1', leading_digits_pattern=['8'])],
                main_country_for_code=True)";
            let at = text.find("PhoneMetadata").unwrap();
            let meta = parse_at(text, at).unwrap();
            assert_eq!(meta.arg("id").and_then(Value::str), Some("GB"));
            assert_eq!(meta.arg("country_code").and_then(Value::int), Some(44));
            assert_eq!(meta.arg("international_prefix"), None);
            let general = meta.arg("general_desc").unwrap();
            assert_eq!(
                general.arg("national_number_pattern").and_then(Value::str),
                Some(r"[1-9]\d{9}")
            );
            assert_eq!(
                general.arg("possible_length").unwrap().seq(),
                &[Value::Int(7), Value::Int(10)]
            );
            let formats = meta.arg("number_format").unwrap().seq();
            assert_eq!(formats[0].arg("format").and_then(Value::str), Some(r"\1"));
            let dict = parse_at("{1: ('US', 'CA',), 7: ('RU',)}", 0).unwrap();
            assert!(matches!(dict, Value::Dict(ref pairs) if pairs.len() == 2));
        }

        #[test]
        fn refuses_what_it_does_not_know_and_bounds_nesting() {
            assert!(parse_at("f(x=1 + 2)", 0).is_err());
            assert!(parse_at("'open", 0).is_err());
            assert!(parse_at(&"(".repeat(100), 0).is_err());
        }
    }
}

/// One number description.
#[derive(Debug, Clone)]
pub struct Desc {
    pub pattern: String,
    pub lengths: Vec<u16>,
    pub local_lengths: Vec<u16>,
    /// Read by the tests of the compiled patterns, not by the generator.
    #[allow(dead_code)]
    pub example: Option<String>,
}

/// One `NumberFormat`: how numbers that start with `leading_digits` (its
/// last, most precise pattern) and fit `groups` are written.
/// The as-you-type formatter reads every leading-digits pattern (the one at
/// index `digits typed - 3`) and the flags below.
#[derive(Debug, Clone)]
pub struct Format {
    /// The pattern, which in this metadata is always a sequence of
    /// `(\d{n,m})` groups: each group's shortest and longest length.
    pub groups: Vec<(u8, u8)>,
    /// With `$1`… for the groups (the Python port writes `\1`).
    pub format: String,
    /// Every leading-digits pattern, from the shortest prefix to the most
    /// precise (the formatter uses the last).
    pub leading_digits: Vec<String>,
    /// The first group written nationally (`0$1`), if any.
    pub national_prefix_rule: Option<String>,
    /// `national_prefix_optional_when_formatting`.
    pub national_prefix_optional: bool,
    /// Whether it has a `domestic_carrier_code_formatting_rule`.
    pub carrier_rule: bool,
}

/// One numbering plan (a region, or `"001"` for a non-geographic code).
#[derive(Debug, Clone)]
pub struct Meta {
    pub id: String,
    pub code: u16,
    pub international_prefix: Option<String>,
    /// Already defaulted to the national prefix, as the Python port does.
    pub national_prefix_for_parsing: Option<String>,
    pub transform: Option<String>,
    pub leading_digits: Option<String>,
    pub general: Desc,
    /// By the Python field name (`fixed_line`, `mobile`, `toll_free`, …).
    pub types: BTreeMap<String, Desc>,
    pub formats: Vec<Format>,
    /// Formats for international numbers, when the plan has its own.
    pub intl_formats: Vec<Format>,
}

/// The plans of every calling code, in the order libphonenumber lists them
/// (main region first).
pub struct Database {
    pub by_code: BTreeMap<u16, Vec<Meta>>,
}

fn lengths(value: Option<&literal::Value>) -> Result<Vec<u16>> {
    value
        .map(|v| v.seq())
        .unwrap_or(&[])
        .iter()
        .map(|n| {
            n.int()
                .and_then(|n| u16::try_from(n).ok())
                .ok_or_else(|| format!("bad length {n:?}"))
        })
        .collect()
}

fn opt_str(value: &literal::Value, key: &str) -> Option<String> {
    value
        .arg(key)
        .and_then(literal::Value::str)
        .map(str::to_owned)
}

fn desc(value: &literal::Value) -> Result<Desc> {
    Ok(Desc {
        pattern: opt_str(value, "national_number_pattern")
            .ok_or("a description without a pattern")?,
        lengths: lengths(value.arg("possible_length"))?,
        local_lengths: lengths(value.arg("possible_length_local_only"))?,
        example: opt_str(value, "example_number"),
    })
}

/// `(\d)(\d{2,3})(\d{4})` → `[(1, 1), (2, 3), (4, 4)]`; anything else is
/// an error (the engine splits numbers by lengths only).
fn groups(pattern: &str) -> Result<Vec<(u8, u8)>> {
    let bad = || format!("format pattern {pattern:?} is not a sequence of (\\d{{n,m}}) groups");
    let mut out = Vec::new();
    let mut rest = pattern;
    while !rest.is_empty() {
        rest = rest.strip_prefix("(\\d").ok_or_else(bad)?;
        let (range, after) = match rest.strip_prefix('{') {
            Some(inner) => {
                let end = inner.find('}').ok_or_else(bad)?;
                (&inner[..end], &inner[end + 1..])
            }
            None => ("1", rest),
        };
        rest = after.strip_prefix(')').ok_or_else(bad)?;
        let number = |text: &str| text.parse::<u8>().map_err(|_| bad());
        let (min, max) = match range.split_once(',') {
            Some((min, max)) => (number(min)?, number(max)?),
            None => (number(range)?, number(range)?),
        };
        out.push((min, max));
    }
    Ok(out)
}

/// `\1` → `$1`.
fn references(text: &str) -> String {
    text.replace('\\', "$")
}

fn formats(value: Option<&literal::Value>) -> Result<Vec<Format>> {
    value
        .map(|v| v.seq())
        .unwrap_or(&[])
        .iter()
        .map(|f| {
            Ok(Format {
                groups: groups(&opt_str(f, "pattern").ok_or("a format without a pattern")?)?,
                format: references(&opt_str(f, "format").ok_or("a format without a format")?),
                leading_digits: f
                    .arg("leading_digits_pattern")
                    .map(|v| v.seq())
                    .unwrap_or(&[])
                    .iter()
                    .map(|p| p.str().map(str::to_owned).ok_or("bad leading digits"))
                    .collect::<std::result::Result<_, _>>()?,
                national_prefix_rule: opt_str(f, "national_prefix_formatting_rule")
                    .filter(|rule| !rule.is_empty())
                    .map(|rule| references(&rule)),
                national_prefix_optional: matches!(
                    f.arg("national_prefix_optional_when_formatting"),
                    Some(literal::Value::Bool(true))
                ),
                carrier_rule: f.arg("domestic_carrier_code_formatting_rule").is_some(),
            })
        })
        .collect()
}

pub const TYPE_FIELDS: [&str; 10] = [
    "premium_rate",
    "toll_free",
    "shared_cost",
    "voip",
    "personal_number",
    "pager",
    "uan",
    "voicemail",
    "fixed_line",
    "mobile",
];

fn meta(text: &str, file: &str) -> Result<Meta> {
    let at = text
        .find("= PhoneMetadata(")
        .ok_or_else(|| format!("{file}: no PhoneMetadata"))?;
    let value = literal::parse_at(text, at + 2).map_err(|e| format!("{file}: {e}"))?;
    let in_file = |e: String| format!("{file}: {e}");
    let mut types = BTreeMap::new();
    for field in TYPE_FIELDS {
        if let Some(d) = value.arg(field) {
            types.insert(field.to_owned(), desc(d).map_err(in_file)?);
        }
    }
    let national_prefix = opt_str(&value, "national_prefix");
    Ok(Meta {
        id: opt_str(&value, "id").ok_or_else(|| in_file("no id".into()))?,
        code: value
            .arg("country_code")
            .and_then(literal::Value::int)
            .and_then(|n| u16::try_from(n).ok())
            .ok_or_else(|| in_file("no country_code".into()))?,
        international_prefix: opt_str(&value, "international_prefix"),
        national_prefix_for_parsing: opt_str(&value, "national_prefix_for_parsing")
            .or(national_prefix),
        transform: opt_str(&value, "national_prefix_transform_rule"),
        leading_digits: opt_str(&value, "leading_digits"),
        general: desc(
            value
                .arg("general_desc")
                .ok_or_else(|| in_file("no general_desc".into()))?,
        )
        .map_err(in_file)?,
        types,
        formats: formats(value.arg("number_format")).map_err(in_file)?,
        intl_formats: formats(value.arg("intl_number_format")).map_err(in_file)?,
    })
}

/// Every plan of the wheel.
pub fn database(wheel: &[u8]) -> Result<Database> {
    const INIT: &str = "phonenumbers/data/__init__.py";
    let init = wheel_text(wheel, INIT)?;
    let at = init
        .find("_COUNTRY_CODE_TO_REGION_CODE = {")
        .ok_or_else(|| format!("{INIT}: no _COUNTRY_CODE_TO_REGION_CODE"))?;
    let literal::Value::Dict(pairs) =
        literal::parse_at(&init, at + "_COUNTRY_CODE_TO_REGION_CODE = ".len())?
    else {
        return Err(format!(
            "{INIT}: _COUNTRY_CODE_TO_REGION_CODE is not a dict"
        ));
    };
    let mut by_code = BTreeMap::new();
    for (code, regions) in pairs {
        let code = code
            .int()
            .and_then(|n| u16::try_from(n).ok())
            .ok_or_else(|| format!("{INIT}: bad calling code {code:?}"))?;
        let mut metas = Vec::new();
        for region in regions.seq() {
            let id = region
                .str()
                .ok_or_else(|| format!("{INIT}: bad region {region:?}"))?;
            let file = if id == "001" {
                format!("phonenumbers/data/region_{code}.py")
            } else {
                format!("phonenumbers/data/region_{id}.py")
            };
            let meta = meta(&wheel_text(wheel, &file)?, &file)?;
            if meta.id != id || meta.code != code {
                return Err(format!("{file}: is {} +{}", meta.id, meta.code));
            }
            metas.push(meta);
        }
        by_code.insert(code, metas);
    }
    Ok(Database { by_code })
}
