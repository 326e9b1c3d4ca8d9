//! Seeded random inputs through all three schemas: validation never
//! panics, and normalising is idempotent (a valid record's normalised form
//! validates to itself).

use customer_schema::{
    CreateCustomerSchema, CustomerSchema, Options, Schema, UnknownKeys, UpdateCustomerSchema,
};
use serde_json::{json, Map, Value};

/// xorshift64*: deterministic, dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

const PIECES: &[&str] = &[
    "",
    " ",
    "\t",
    "\n",
    "\u{a0}",
    "\u{3000}",
    "\u{0}",
    "\u{7}",
    "\u{7f}",
    "\u{85}",
    "\u{9b}",
    "a",
    "Z",
    "é",
    "日本",
    "👍",
    "+",
    "-",
    "(",
    ")",
    ".",
    "@",
    "#",
    "x",
    "ext",
    ";",
    ",",
    "0",
    "1",
    "4",
    "7",
    "9",
    "415",
    "555",
    "2671",
    "020",
    "7946",
    "0958",
    "+1",
    "+44",
    "011",
    "us",
    "USA",
    "United States",
    "gb",
    "UK",
    "de",
    "xk",
    "Atlantis",
    "en",
    "en-US",
    "en_US",
    "eng",
    "iw",
    "xx",
    "America/New_York",
    "us/eastern",
    "utc",
    "EMAIL",
    "sms",
    "Phone",
    "morning",
    "EVENING",
    "example.com",
    "john",
    "__proto__",
];

fn random_string(rng: &mut Rng) -> String {
    (0..rng.below(6)).map(|_| rng.pick(PIECES)).collect()
}

fn random_value(rng: &mut Rng, depth: u32) -> Value {
    match rng.below(if depth > 3 { 5 } else { 8 }) {
        0 => Value::Null,
        1 => Value::Bool(rng.below(2) == 0),
        2 => json!(rng.next() % 2_000_000_000_000),
        3 => json!(rng.below(1000) as f64 / 7.0 - 50.0),
        4 => Value::String(random_string(rng)),
        5 | 6 => Value::Array(
            (0..rng.below(4))
                .map(|_| random_value(rng, depth + 1))
                .collect(),
        ),
        _ => {
            let mut map = Map::new();
            for _ in 0..rng.below(4) {
                map.insert(random_string(rng), random_value(rng, depth + 1));
            }
            Value::Object(map)
        }
    }
}

const REGIONS: &[&str] = &["US", "GB", "DE", "XK", "AQ"];

const FIELDS: &[&str] = &[
    "id",
    "customerId",
    "phone_number",
    "firstname",
    "lastname",
    "company",
    "timezone",
    "email",
    "preferred_language",
    "preferred_contact_method",
    "best_time_to_call",
    "notes",
    "tags",
    "custom_fields",
    "channelId",
    "address",
    "isValidatedNames",
    "createdAt",
    "updatedAt",
    "street",
    "city",
    "country",
    "postalCode",
    "state",
    "street2",
    "extra",
];

/// A record-shaped value: known keys with plausible or random values.
fn random_record(rng: &mut Rng) -> Value {
    let mut map = Map::new();
    for _ in 0..rng.below(12) {
        let key = rng.pick(FIELDS);
        let value = match rng.below(4) {
            0 => random_value(rng, 0),
            1 if key == "address" => {
                let mut address = Map::new();
                for key in [
                    "street",
                    "city",
                    "state",
                    "postalCode",
                    "country",
                    "street2",
                ] {
                    if rng.below(5) > 0 {
                        address.insert(key.into(), Value::String(random_string(rng)));
                    }
                }
                Value::Object(address)
            }
            1 if key == "tags" => Value::Array(
                (0..rng.below(5))
                    .map(|_| Value::String(random_string(rng)))
                    .collect(),
            ),
            2 if key.ends_with("At") => json!(rng.next() % 2_000_000_000_000),
            _ => Value::String(random_string(rng)),
        };
        map.insert(key.into(), value);
    }
    Value::Object(map)
}

/// Checks one input; true when it was valid (so idempotence was checked).
fn check<S: Schema>(input: &Value, options: &Options) -> bool {
    let Ok(data) = S::parse(input, options) else {
        return false;
    };
    let normalised = serde_json::to_value(&data).unwrap();
    let again = S::parse(&normalised, options).unwrap_or_else(|issues| {
        panic!("{input} normalised to {normalised}, which fails: {issues:?}")
    });
    assert_eq!(
        serde_json::to_value(&again).unwrap(),
        normalised,
        "normalising {input} is not idempotent"
    );
    true
}

#[test]
fn random_records_never_panic_and_normalise_idempotently() {
    let mut rng = Rng(0x5EED_CAFE_F00D_1234);
    let modes = [
        UnknownKeys::Strip,
        UnknownKeys::Strict,
        UnknownKeys::Passthrough,
    ];
    let mut valid = 0;
    for round in 0..4_000 {
        let input = if round % 10 == 0 {
            random_value(&mut rng, 0)
        } else {
            random_record(&mut rng)
        };
        let mut options = Options {
            unknown_keys: modes[round % 3],
            ..Options::default()
        };
        if round % 4 == 0 {
            options = options.with_default_region(rng.pick(REGIONS)).unwrap();
        }
        valid += usize::from(check::<CustomerSchema>(&input, &options));
        valid += usize::from(check::<CreateCustomerSchema>(&input, &options));
        valid += usize::from(check::<UpdateCustomerSchema>(&input, &options));
    }
    // The generator must reach valid records often enough for the
    // idempotence half of this test to mean something.
    assert!(valid > 500, "only {valid} valid records generated");
}

/// A record lists at most 100 issues, then one `custom` issue at `[]` that
/// counts the rest, on every path (the value, its JSON text, a batch, NDJSON),
/// and in every language.
#[test]
fn a_result_lists_at_most_100_issues_then_counts_the_rest() {
    let mut custom = Map::new();
    for i in 0..250 {
        // 40 levels: too deep (custom_fields is level 1 of 32).
        let mut deep = json!(0);
        for _ in 0..40 {
            deep = json!([deep]);
        }
        custom.insert(format!("k{i}"), deep);
    }
    let tags: Vec<Value> = (0..120).map(|_| json!("")).collect();
    let input = json!({"firstname": "Ann", "tags": tags, "custom_fields": custom});
    for options in [
        Options::default(),
        Options::default().with_locale("pl").unwrap(),
    ] {
        let result =
            serde_json::to_value(CreateCustomerSchema::safe_parse(&input, &options)).unwrap();
        let issues = result["error"]["issues"].as_array().unwrap();
        assert_eq!(issues.len(), 101);
        let last = &issues[100];
        assert_eq!(last["code"], "custom");
        assert_eq!(last["rule"], "too_many_issues");
        assert_eq!(last["path"], json!([]));
        // 120 blank tags and 250 values too deep: 370, of which 100 listed.
        assert_eq!(last["omitted"], 270);
        assert!(last["message"].as_str().unwrap().contains("270"), "{last}");
        let text = serde_json::to_string(&input).unwrap();
        let from_text: Value = serde_json::from_str(&customer_schema::safe_parse_json(
            customer_schema::SchemaKind::Create,
            &serde_json::from_str(&text).unwrap(),
            &options,
        ))
        .unwrap();
        assert_eq!(from_text, result, "the JSON text path lists the same");
        let ndjson = customer_schema::batch::lines_json(
            customer_schema::SchemaKind::Create,
            &text,
            1,
            &options,
        );
        let lines: Value = serde_json::from_str(&ndjson).unwrap();
        assert_eq!(
            lines["results"][0]["error"], result["error"],
            "NDJSON lists the same"
        );
    }
}

/// A top-level list is one `invalid_type` issue at `[]`, however long: not
/// the input's value bound.
#[test]
fn a_top_level_list_is_the_wrong_type_however_long() {
    let huge = Value::Array(vec![json!(0); 1_000_000]);
    for input in [huge, json!([1, 2, 3]), json!([])] {
        let result =
            serde_json::to_value(CustomerSchema::safe_parse(&input, &Options::default())).unwrap();
        assert_eq!(
            result["error"]["issues"],
            json!([{
                "code": "invalid_type",
                "expected": "object",
                "received": "array",
                "path": [],
                "message": "Send the customer's details as a record of named fields",
            }])
        );
    }
    // An address that is a list is the wrong type too, whatever its length.
    let address = json!({"firstname": "Ann", "address": vec![json!(0); 200_000]});
    let result = serde_json::to_value(CreateCustomerSchema::safe_parse(
        &address,
        &Options::default(),
    ))
    .unwrap();
    let issues = result["error"]["issues"].as_array().unwrap();
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!(issues[0]["path"], json!(["address"]));
    assert_eq!(issues[0]["received"], "array");
}

/// Normalising stays idempotent at the input's value bound: the defaults a
/// record's output gains are scalar fields, which the bound does not count,
/// so an output never holds more counted values than its input did.
#[test]
fn normalising_twice_gives_the_same_answer_at_the_value_bound() {
    use customer_schema::value::MAX_VALUES;
    let mut successes = 0;
    // `custom_fields` and the list count, then its items (the record
    // itself does not): at MAX_VALUES - 2 items the input holds exactly
    // the bound.
    for len in (MAX_VALUES - 7)..=(MAX_VALUES - 1) {
        let input = json!({"custom_fields": {"a": vec![json!(0); len]}});
        for options in [
            Options::default(),
            Options::default().with_unknown_keys("passthrough").unwrap(),
        ] {
            let valid = check::<CreateCustomerSchema>(&input, &options);
            assert_eq!(valid, len <= MAX_VALUES - 2, "{len} items");
            successes += usize::from(valid);
            let text = serde_json::to_string(&input).unwrap();
            let from_text: Value = serde_json::from_str(&customer_schema::batch::lines_json(
                customer_schema::SchemaKind::Create,
                &text,
                1,
                &options,
            ))
            .unwrap();
            assert_eq!(
                from_text["results"][0]["success"],
                json!(valid),
                "{len} items: the text path agrees"
            );
        }
    }
    assert_eq!(successes, 12);
}

/// A field that holds one scalar is read past the value bound, and a list
/// or an object there is the wrong type however big: a huge value under
/// one field hides no other field's wrong type.
#[test]
fn wrong_types_are_reported_past_the_value_bound() {
    let huge = vec![json!(0); 200_001];
    let input = json!({
        "customerId": huge,
        "tags": vec![json!("a"); 200_001],
        "company": null,
        "timezone": {},
        "address": {"street": [1, 2, 3], "city": null}
    });
    for text_path in [false, true] {
        let result: Value = if text_path {
            serde_json::from_str(&customer_schema::batch::lines_json(
                customer_schema::SchemaKind::Create,
                &serde_json::to_string(&input).unwrap(),
                1,
                &Options::default(),
            ))
            .map(|batch: Value| batch["results"][0].clone())
            .unwrap()
        } else {
            serde_json::to_value(CreateCustomerSchema::safe_parse(
                &input,
                &Options::default(),
            ))
            .unwrap()
        };
        let issues: Vec<(String, String)> = result["error"]["issues"]
            .as_array()
            .unwrap()
            .iter()
            .map(|issue| {
                (
                    issue["path"].to_string(),
                    issue["code"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        for (path, code) in [
            (r#"["customerId"]"#, "invalid_type"),
            (r#"["tags"]"#, "too_big"),
            (r#"["company"]"#, "invalid_type"),
            (r#"["timezone"]"#, "invalid_type"),
            (r#"["address","street"]"#, "invalid_type"),
            (r#"["address","city"]"#, "invalid_type"),
        ] {
            assert!(
                issues.contains(&(path.to_owned(), code.to_owned())),
                "{path} {code} (text path: {text_path}) in {issues:?}"
            );
        }
    }
}
