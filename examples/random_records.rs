//! Random customer records with their native results, for the agreement
//! test between the Rust crate and the WebAssembly package
//! (`tests/node/agreement.test.mjs`).
//!
//! ```sh
//! cargo run --quiet --example random_records -- --seed 1 --count 3000
//! ```
//!
//! Writes NDJSON to stdout, one line a record:
//! `{"schema":"create","options":{…},"input":{…},"result":"…"}`, where
//! `result` is the text `customer_schema::safe_parse_json` returns for
//! `input` under that schema and options (a JSON string holding the native
//! text unchanged, so the Node test can compare it byte for byte), or, for
//! options the crate refuses, `"throws":"…"` with the refusal's message (the
//! package throws a `TypeError` with the same words).
//!
//! One generator, seeded (a splitmix64 stream: the same seed gives the
//! same lines on every machine; no dependency), so that a disagreement is
//! reproduced by its seed and line number. Records mix valid and invalid
//! values for every field: names in many scripts, control characters and
//! padding, phones of many regions written in many ways, addresses of many
//! countries, time zones, languages and enumerations in any case, tags
//! with blanks and duplicates, nested `custom_fields` with numbers of many
//! digits (`104.57142857142857`, `1e21`, `-0`, `5e-324`), wrong types, and
//! unknown keys; the options are those of a real caller (`defaultRegion`,
//! `unknownKeys`, `locale`), a few of them bad.
//!
//! What a JSON line cannot carry the same way on both sides is left out on
//! purpose, so that both sides validate the same value: whole numbers past
//! 2^53 are written as doubles (JavaScript reads the text as a double, the
//! crate's `serde_json::Value` would keep it exact), and object keys that
//! are array indexes (`"7"`) come first in ascending order, as a JavaScript
//! object lists them whatever order the text has. Lone surrogates cannot
//! be Rust strings: the Node properties test covers them.
use customer_schema::{safe_parse_json, Options, SchemaKind};
use serde_json::{json, Map, Number, Value};
use std::io::Write;

fn main() {
    let mut seed = 1_u64;
    let mut count = 1000_usize;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next();
        let number = value.as_deref().and_then(|v| v.parse::<u64>().ok());
        match (arg.as_str(), number) {
            ("--seed", Some(n)) => seed = n,
            ("--count", Some(n)) => count = usize::try_from(n).unwrap_or(usize::MAX),
            _ => {
                eprintln!("usage: random_records [--seed N] [--count N]");
                std::process::exit(2);
            }
        }
    }
    let mut rng = Rng(seed);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for _ in 0..count {
        let (name, kind) = rng.pick(&[
            ("customer", SchemaKind::Customer),
            ("create", SchemaKind::Create),
            ("update", SchemaKind::Update),
        ]);
        let input = record(&mut rng, kind);
        let options = options(&mut rng);
        let mut line = Map::new();
        line.insert("schema".into(), json!(name));
        line.insert("options".into(), options.clone());
        line.insert("input".into(), input.clone());
        match native_options(&options) {
            Ok(parsed) => {
                line.insert(
                    "result".into(),
                    json!(safe_parse_json(kind, &input, &parsed)),
                );
            }
            Err(message) => {
                line.insert("throws".into(), json!(message));
            }
        }
        let text = serde_json::to_string(&Value::Object(line)).expect("JSON");
        if writeln!(out, "{text}").is_err() {
            std::process::exit(1);
        }
    }
    if out.flush().is_err() {
        std::process::exit(1);
    }
}

/// The options as the package's `read_options` reads them (only string
/// members are generated).
fn native_options(options: &Value) -> Result<Options, String> {
    let mut parsed = Options::default();
    let text = |key: &str| options.get(key).and_then(Value::as_str);
    if let Some(region) = text("defaultRegion") {
        parsed = parsed.with_default_region(region).map_err(|e| e.0)?;
    }
    if let Some(mode) = text("unknownKeys") {
        parsed = parsed.with_unknown_keys(mode).map_err(|e| e.0)?;
    }
    if let Some(locale) = text("locale") {
        parsed = parsed.with_locale(locale).map_err(|e| e.0)?;
    }
    Ok(parsed)
}

fn options(rng: &mut Rng) -> Value {
    let mut o = Map::new();
    if rng.chance(40) {
        let region = if rng.chance(5) {
            rng.pick(&["ZZ", "USA", "", "u"])
        } else {
            rng.pick(&[
                "US", "GB", "de", "FR", "JP", "BR", "IN", "AU", "CA", "ch", "AC", "ta", "NG", "AE",
            ])
        };
        o.insert("defaultRegion".into(), json!(region));
    }
    if rng.chance(40) {
        let mode = if rng.chance(3) {
            "STRICT"
        } else {
            rng.pick(&["strip", "strict", "passthrough"])
        };
        o.insert("unknownKeys".into(), json!(mode));
    }
    if rng.chance(15) {
        let locale = rng.pick(&[
            "de", "fr-CA", "es", "ja", "ar", "pl", "pt-BR", "en-GB", "zz",
        ]);
        o.insert("locale".into(), json!(locale));
    }
    Value::Object(o)
}

/// A record for `kind`: each field given or not, with a valid value most
/// of the time; the required ones of `kind` usually given.
fn record(rng: &mut Rng, kind: SchemaKind) -> Value {
    let mut r = Map::new();
    let required = |field: &str| match kind {
        SchemaKind::Customer => matches!(field, "id" | "createdAt" | "updatedAt"),
        SchemaKind::Update => field == "id",
        SchemaKind::Create => false,
    };
    // A record of good values most of the time, so that many results succeed.
    let good = rng.chance(55);
    let fields: &[(&str, Make)] = &[
        ("id", id),
        ("customerId", nullable_id),
        ("phone_number", phone),
        ("firstname", name),
        ("lastname", name),
        ("company", company),
        ("timezone", timezone),
        ("email", email),
        ("preferred_language", language),
        ("preferred_contact_method", contact_method),
        ("best_time_to_call", best_time),
        ("notes", notes),
        ("tags", tags),
        ("custom_fields", custom_fields),
        ("channelId", nullable_id),
        ("address", address),
        ("isValidatedNames", boolean),
        ("createdAt", timestamp),
        ("updatedAt", timestamp),
    ];
    for (field, make) in fields {
        let given = if required(field) {
            rng.chance(97)
        } else {
            rng.chance(45)
        };
        if given {
            // A good record has a bad value now and then all the same.
            let valid = if good { rng.chance(97) } else { rng.chance(60) };
            r.insert((*field).into(), make(rng, valid));
        }
    }
    if rng.chance(15) {
        let key = rng.pick(&[
            "extra",
            "customerGroupId",
            "zip",
            "__proto__",
            "constructor",
            "Email",
            "ünïcødé",
            "",
        ]);
        let value = any_json(rng, 2);
        r.insert(key.into(), value);
    }
    shuffle_keys(rng, &mut r);
    if rng.chance(2) {
        // Not a record at all.
        return rng
            .pick(&[
                json!(null),
                json!([]),
                json!("x"),
                json!(1),
                json!([{"id": "a"}]),
            ])
            .clone();
    }
    Value::Object(r)
}

/// A field's value maker: (the stream, whether to make a valid value).
type Make = fn(&mut Rng, bool) -> Value;

fn text(s: &str) -> Value {
    Value::String(s.to_owned())
}

/// A wrong-typed value for any field.
fn wrong(rng: &mut Rng) -> Value {
    rng.pick(&[
        json!(42),
        json!(true),
        json!({}),
        json!([]),
        json!(null),
        json!(["x"]),
        json!(-1.5),
        json!({"a": 1}),
    ])
    .clone()
}

fn id(rng: &mut Rng, valid: bool) -> Value {
    if valid {
        return text(&format!(
            "{}{}",
            rng.pick(&["cust_", "c", "  id-", "ID_", "客户"]),
            rng.below(1_000_000)
        ));
    }
    if rng.chance(50) {
        return wrong(rng);
    }
    text(rng.pick(&["", "   ", "\t\n", "a\u{0}b", "\u{200b}"]))
}

fn nullable_id(rng: &mut Rng, valid: bool) -> Value {
    if valid {
        return if rng.chance(20) {
            json!(null)
        } else {
            id(rng, true)
        };
    }
    if rng.chance(40) {
        return text(rng.pick(&["", "  "]));
    }
    rng.pick(&[json!(42), json!(true), json!({}), json!(["x"])])
        .clone()
}

const PHONES_VALID: &[&str] = &[
    "+14155552671",
    "(415) 555-2671",
    "+1 415 555 2671",
    "+1 800 356 9377",
    "1-800-FLOWERS",
    "020 7946 0958",
    "+44 20 7946 0958",
    "+44 7400 123456",
    "+4930123456",
    "030 123456",
    "+49 151 23456789",
    "+33 1 23 45 67 89",
    "01 23 45 67 89",
    "+5511987654321",
    "(11) 98765-4321",
    "+81 3-1234-5678",
    "03-1234-5678",
    "+61 2 9374 4000",
    "(02) 9374 4000",
    "+91 98765 43210",
    "+86 10 6552 9988",
    "+7 495 123-45-67",
    "+27 21 123 4567",
    "+971 4 123 4567",
    "+52 55 1234 5678",
    "+34 912 34 56 78",
    "+39 06 1234 5678",
    "+41 44 668 18 00",
    "+234 803 123 4567",
    "+247 6000",
    "+290 8123",
    "tel:+1-415-555-2671",
    "tel:020-7946-0958;phone-context=+44",
    "+1 415 555 2671 ext. 123",
    "＋１（４１５）５５５－２６７１",
    "+١ ٤١٥ ٥٥٥ ٢٦٧١",
    "011 44 20 7946 0958",
];
const PHONES_INVALID: &[&str] = &[
    "12",
    "+1 415",
    "+999 1234 5678",
    "call 415-555-2671 now",
    "abc",
    "   ",
    "",
    "+1 555 555 5555",
    "+44 20 7946 0958,",
    "8123",
    "+4930123456789012345",
    "0xx11 98765 4321",
    "tel:020-7946-0958;phone-context=example.com",
];

fn phone(rng: &mut Rng, valid: bool) -> Value {
    if valid {
        return if rng.chance(8) {
            json!(null)
        } else {
            text(rng.pick(PHONES_VALID))
        };
    }
    if rng.chance(25) {
        return rng
            .pick(&[
                json!(14155552671_u64),
                json!(true),
                json!({}),
                json!(["+14155552671"]),
            ])
            .clone();
    }
    text(rng.pick(PHONES_INVALID))
}

fn name(rng: &mut Rng, valid: bool) -> Value {
    if valid {
        return text(rng.pick(&[
            "Jane",
            "  John  ",
            "José",
            "Zoë",
            "O'Brien",
            "Mary-Jane",
            "李",
            "Ōtsuka",
            "محمد",
            "Ngô Bảo Châu",
            "e\u{301}lodie",
            "Jean  Paul",
            "Ægir",
            "ΑΘΗΝΑ",
            "Łukasz",
            "😀 Smiley",
            "",
        ]));
    }
    if rng.chance(40) {
        return rng
            .pick(&[
                json!(42),
                json!(false),
                json!({"first": "John"}),
                json!(["John"]),
            ])
            .clone();
    }
    if rng.chance(30) {
        return text(&"x".repeat(rng.pick(&[99, 100, 101, 255, 256, 1000])));
    }
    text(rng.pick(&[
        "a\u{0}b",
        "tab\there",
        "line\nbreak",
        "\u{7f}",
        "\u{202e}evil",
        "\u{feff}Bom",
        "null",
    ]))
}

fn company(rng: &mut Rng, valid: bool) -> Value {
    if valid {
        return text(rng.pick(&[
            "Acme Inc.",
            "  Globex   Corp ",
            "Société Générale",
            "株式会社",
            "",
            " ",
        ]));
    }
    if rng.chance(50) {
        return wrong(rng);
    }
    text(&"c".repeat(rng.pick(&[200, 256, 257, 5000])))
}

fn timezone(rng: &mut Rng, valid: bool) -> Value {
    if valid {
        return text(rng.pick(&[
            "America/New_York",
            "Europe/Berlin",
            "UTC",
            "utc",
            "Asia/Kolkata",
            "ASIA/CALCUTTA",
            "america/new_york",
            "US/Eastern",
            "Etc/GMT+5",
            "Australia/Lord_Howe",
            "Pacific/Chatham",
        ]));
    }
    if rng.chance(30) {
        return wrong(rng);
    }
    text(rng.pick(&[
        "Mars/Olympus_Mons",
        "+05:00",
        " ",
        "",
        "EST5",
        "Europe/Berlin/",
        "GMT+25",
    ]))
}

fn email(rng: &mut Rng, valid: bool) -> Value {
    if valid {
        return text(rng.pick(&[
            "jane.doe@example.com",
            "  John.Smith@Example.COM ",
            "o'brien+news@mail.example.co.uk",
            "first.middle.last@example.com",
            "a@b.co",
            "user@例子.广告",
            "δοκιμή@παράδειγμα.δοκιμή",
            "x@xn--bcher-kva.example",
            "UPPER@EXAMPLE.ORG",
        ]));
    }
    if rng.chance(25) {
        return wrong(rng);
    }
    text(rng.pick(&[
        "",
        "  ",
        "bad",
        "not-an-email",
        "john smith@example.com",
        ".user@example.com",
        "user.@example.com",
        "us..er@example.com",
        "user@localhost",
        "a@b",
        "@example.com",
        "user@",
        "user@@example.com",
        "\"quoted\"@example.com",
        "user@-example.com",
        "user@example..com",
    ]))
}

fn language(rng: &mut Rng, valid: bool) -> Value {
    if valid {
        return text(rng.pick(&["en", "EN", "fr", "de", "ja", "zh", " es ", "pt"]));
    }
    if rng.chance(30) {
        return wrong(rng);
    }
    text(rng.pick(&[
        "English",
        "en-US",
        "en_US",
        "eng",
        "ger",
        "in",
        "iw",
        "ji",
        "xx",
        "zh-Hant-TW",
        "",
        "  ",
    ]))
}

fn contact_method(rng: &mut Rng, valid: bool) -> Value {
    if valid {
        return text(rng.pick(&["EMAIL", "PHONE", "SMS", "email", "Sms", " phone "]));
    }
    if rng.chance(30) {
        return wrong(rng);
    }
    text(rng.pick(&["FAX", "", "E-MAIL", "mail", "ＥＭＡＩＬ"]))
}

fn best_time(rng: &mut Rng, valid: bool) -> Value {
    if valid {
        return text(rng.pick(&["MORNING", "AFTERNOON", "EVENING", "morning", " Evening"]));
    }
    if rng.chance(30) {
        return wrong(rng);
    }
    text(rng.pick(&["NIGHT", "", "noon", "ANY"]))
}

fn notes(rng: &mut Rng, valid: bool) -> Value {
    if valid {
        return text(rng.pick(&[
            "",
            "Called twice.\nPrefers email.",
            "  kept  exactly  ",
            "émoji 🎉 and \t tabs",
            "\u{0}\u{1f}",
        ]));
    }
    if rng.chance(50) {
        return wrong(rng);
    }
    text(&"n".repeat(rng.pick(&[1999, 2000, 2001, 5000, 10_001])))
}

fn tags(rng: &mut Rng, valid: bool) -> Value {
    let words = [
        "vip",
        " vip ",
        "VIP",
        "repeat-customer",
        "premium",
        "b2b",
        "Ünïcode",
        "新",
    ];
    if valid {
        let n = rng.below(6) as usize;
        return Value::Array((0..n).map(|_| text(rng.pick(&words))).collect());
    }
    match rng.below(5) {
        0 => wrong(rng),
        1 => json!(["ok", "", "  "]),
        2 => json!(["ok", 1, null, {}]),
        3 => Value::Array(
            (0..rng.below(150))
                .map(|i| text(&format!("t{i}")))
                .collect(),
        ),
        _ => Value::Array(vec![text(&"t".repeat(rng.pick(&[50, 64, 65, 200])))]),
    }
}

fn custom_fields(rng: &mut Rng, valid: bool) -> Value {
    if !valid && rng.chance(40) {
        return rng
            .pick(&[
                json!("x"),
                json!(1),
                json!(true),
                json!([]),
                json!(null),
                json!([1, 2]),
            ])
            .clone();
    }
    let depth = if valid { 3 } else { 36 };
    let mut map = Map::new();
    for _ in 0..rng.below(5) {
        let key = key(rng);
        let value = if !valid && rng.chance(30) {
            deep(rng, depth)
        } else {
            any_json(rng, 3)
        };
        map.insert(key, value);
    }
    js_key_order(&mut map);
    Value::Object(map)
}

/// Nesting around the 32-level bound.
fn deep(rng: &mut Rng, max: u64) -> Value {
    let mut v = json!(1);
    for _ in 0..(28 + rng.below(max - 27)) {
        v = if rng.chance(50) {
            json!([v])
        } else {
            json!({ "a": v })
        };
    }
    v
}

fn key(rng: &mut Rng) -> String {
    match rng.below(10) {
        0 => rng.below(20).to_string(),
        1 => (rng.pick(&[
            "__proto__",
            "constructor",
            "prototype",
            "toString",
            "",
            " ",
            "a.b",
            "ключ",
            "🔑",
        ]))
        .to_owned(),
        _ => format!(
            "{}{}",
            rng.pick(&["k", "field_", "Score", "x"]),
            rng.below(100)
        ),
    }
}

/// A number of one of the forms JSON texts hold, as a double where a
/// JavaScript reader would have a double.
fn number(rng: &mut Rng) -> Value {
    match rng.below(4) {
        0 => json!(rng.below(2_000_000_000_000) as i64 - 1_000_000_000_000),
        1 => json!((rng.below(1 << 53) as f64) * 2.0_f64.powi(rng.below(80) as i32 - 40)),
        2 => {
            let bits = rng.next();
            let v = f64::from_bits(bits);
            Number::from_f64(v).map_or(json!(0.5), Value::Number)
        }
        _ => {
            let v = rng.pick(&[
                104.571_428_571_428_57,
                1e21,
                1e-7,
                -0.0,
                0.1,
                5e-324,
                1.797_693_134_862_315_7e308,
                9_007_199_254_740_994.0,
                123_456_789.123_456_79,
                1e300,
                -2.5e-8,
                0.000_001,
                1e20,
                18_446_744_073_709_551_616.0,
            ]);
            Number::from_f64(v).map_or(json!(0), Value::Number)
        }
    }
}

fn any_json(rng: &mut Rng, depth: u32) -> Value {
    let pick = if depth == 0 {
        rng.below(4)
    } else {
        rng.below(6)
    };
    match pick {
        0 => json!(null),
        1 => json!(rng.chance(50)),
        2 => number(rng),
        3 => text(rng.pick(&[
            "",
            "plain",
            "ünïcødé ✓",
            "\u{0}\u{1}",
            "line\nbreak",
            "\"quoted\"",
            "\\",
            "\u{2028}",
            "😀",
        ])),
        4 => Value::Array(
            (0..rng.below(4))
                .map(|_| any_json(rng, depth - 1))
                .collect(),
        ),
        _ => {
            let mut map = Map::new();
            for _ in 0..rng.below(4) {
                let k = key(rng);
                let v = any_json(rng, depth - 1);
                map.insert(k, v);
            }
            js_key_order(&mut map);
            Value::Object(map)
        }
    }
}

/// (street, city, state, postal code, country) of many countries, as people
/// write them.
const ADDRESSES: &[[&str; 5]] = &[
    ["1 Market St", "San Francisco", "CA", "94105", "US"],
    [
        "1 Market St",
        "San Francisco",
        "california",
        "94105-1234",
        "usa",
    ],
    [
        "1 Main St",
        "San Francisco",
        "us-ca",
        "94105 1234",
        "United States",
    ],
    ["10 Downing St", "London", "London", "SW1A 2AA", "GB"],
    ["10 Downing St", "London", "Greater London", "sw1a2aa", "UK"],
    ["Unter den Linden 1", "Berlin", "Berlin", "10117", "DE"],
    ["Unter den Linden 1", "Berlin", "BE", "10117", "Germany"],
    ["1 rue de Rivoli", "Paris", "Île-de-France", "75001", "FR"],
    ["1 Main St", "Montréal", "Québec", "H3Z 2Y7", "CA"],
    ["1 Main St", "Toronto", "ON", "m5v3l9", "canada"],
    ["銀座1", "東京", "東京都", "154-0023", "JP"],
    ["1 Main St", "Setagaya", "Tokyo", "1540023", "Japan"],
    ["1 Main St", "Sydney", "new south wales", "2000", "AU"],
    ["1 Marine Drive", "Mumbai", "mh", "400001", "IN"],
    ["Av. Paulista 1000", "São Paulo", "SP", "01310-100", "BR"],
    ["1 Main St", "Amsterdam", "Noord-Holland", "1234ab", "NL"],
    ["1 Main St", "Dubai", "Dubai", "anything", "AE"],
    ["Bahnhofstrasse 1", "Zürich", "ZH", "8001", "CH"],
    ["Calle Mayor 1", "Madrid", "Madrid", "28013", "ES"],
    ["Via Roma 1", "Roma", "RM", "00184", "IT"],
    [
        "Rruga Agim Ramadani 15",
        "Pristina",
        "Pristina",
        "10000",
        "xk",
    ],
    ["1 Main St", "Oslo", "OS", "0150", "Norway"],
    [
        "ul. Marszałkowska 1",
        "Warszawa",
        "mazowieckie",
        "00-624",
        "PL",
    ],
    ["1 Main St", "Dublin", "Dublin", "D02 X285", "IE"],
    ["1 Main St", "Abidjan", "Abidjan", "00225", "Cote d'Ivoire"],
    [
        "1 Main St",
        "São Tomé",
        "Água Grande",
        "0000",
        "São Tomé and Príncipe",
    ],
    ["Tverskaya 1", "Moskva", "Moskva", "125009", "RU"],
    ["1 Main St", "Singapore", "Singapore", "018956", "SG"],
    ["Calle 1", "Ciudad de México", "CDMX", "06000", "MX"],
];

fn address(rng: &mut Rng, valid: bool) -> Value {
    let [street, city, state, postal, country] = rng.pick(ADDRESSES);
    let mut a = Map::new();
    a.insert("street".into(), text(street));
    if rng.chance(20) {
        a.insert(
            "street2".into(),
            text(rng.pick(&[" Suite   200 ", "", "  ", "Apt 4"])),
        );
    }
    a.insert("city".into(), text(city));
    a.insert("state".into(), text(state));
    a.insert("postalCode".into(), text(postal));
    a.insert("country".into(), text(country));
    if !valid {
        match rng.below(8) {
            0 => return wrong(rng),
            1 => {
                a.insert(
                    "postalCode".into(),
                    text(rng.pick(&["12", "9", "SW1A 1A", "ABCDE", "", "  "])),
                );
            }
            2 => {
                a.insert(
                    "country".into(),
                    rng.pick(&[
                        text("Atlantis"),
                        text(" "),
                        text("ZZ"),
                        json!(840),
                        text(""),
                    ])
                    .clone(),
                );
            }
            3 => {
                a.insert(
                    "state".into(),
                    text(rng.pick(&["Californa", "", "anything at all", "XX"])),
                );
            }
            4 => {
                let field = rng.pick(&["street", "city", "state", "postalCode", "country"]);
                a.remove(field);
            }
            5 => {
                a.insert("zip".into(), text("94105"));
            }
            6 => {
                let field = rng.pick(&[
                    "street",
                    "street2",
                    "city",
                    "state",
                    "postalCode",
                    "country",
                ]);
                let value = wrong(rng);
                a.insert(field.into(), value);
            }
            _ => {
                a.insert(
                    "city".into(),
                    text(rng.pick(&["San\u{0}Francisco", "A", "x".repeat(300).as_str()])),
                );
            }
        }
    }
    shuffle_keys(rng, &mut a);
    Value::Object(a)
}

fn boolean(rng: &mut Rng, valid: bool) -> Value {
    if valid {
        return json!(rng.chance(50));
    }
    rng.pick(&[
        json!(1),
        json!(0),
        json!("true"),
        json!("yes"),
        json!(null),
        json!({}),
    ])
    .clone()
}

fn timestamp(rng: &mut Rng, valid: bool) -> Value {
    if valid {
        return json!(1_700_000_000_000_u64 + rng.below(100_000_000_000));
    }
    rng.pick(&[
        json!("1709856000000"),
        json!(true),
        json!(null),
        json!(1.5),
        json!(-1),
        json!(0),
        json!(-0.0),
        json!(1e21),
        json!(8.64e15),
        json!(8_640_000_000_000_001_u64),
        json!(9_007_199_254_740_991_u64),
        json!(1_709_856_000_000.5),
        json!([]),
    ])
    .clone()
}

/// A JavaScript object's key order: array-index keys first, ascending, then
/// the others in insertion order (see the module docs).
fn js_key_order(map: &mut Map<String, Value>) {
    let is_index = |k: &str| {
        k == "0"
            || (!k.starts_with('0')
                && !k.is_empty()
                && k.len() < 10
                && k.bytes().all(|b| b.is_ascii_digit()))
    };
    let mut indexes: Vec<(u64, String, Value)> = Vec::new();
    let mut others: Vec<(String, Value)> = Vec::new();
    for (k, v) in std::mem::take(map) {
        if is_index(&k) {
            indexes.push((k.parse().unwrap_or(0), k, v));
        } else {
            others.push((k, v));
        }
    }
    indexes.sort_by_key(|(n, _, _)| *n);
    map.extend(indexes.into_iter().map(|(_, k, v)| (k, v)));
    map.extend(others);
}

/// The record's keys in a random order (none is an array index).
fn shuffle_keys(rng: &mut Rng, map: &mut Map<String, Value>) {
    let mut entries: Vec<(String, Value)> = std::mem::take(map).into_iter().collect();
    for i in (1..entries.len()).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        entries.swap(i, j);
    }
    map.extend(entries);
}

/// splitmix64.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in 0..n (n > 0).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// True `percent` times in a hundred.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<T: Clone>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize].clone()
    }
}
