//! `safe_parse` natively on realistic records: a stored customer with every
//! field and an address (as a server would receive it: untrimmed names, a
//! national phone number, mixed-case enums and time zone), and a Create
//! record with a few fields. What one record costs before any boundary.
//! The same customer as JSON text (what `safeParseJson` gets: a request
//! body), and 10,000 of them (ids, names and emails varied) as an NDJSON
//! text and as a JSON array text, the batch text paths.
//!
//! `cargo bench --bench safe_parse` (criterion; reports time per record,
//! or per batch of 10,000 for the batch texts).

use criterion::{criterion_group, criterion_main, Criterion};
use customer_schema::binding::safe_parse_json_text_wire;
use customer_schema::{batch, CreateCustomerSchema, CustomerSchema, Options, Schema, SchemaKind};
use serde_json::json;
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let customer = json!({
        "id": "cust_abc123", "customerId": "ext_12345", "channelId": "web",
        "phone_number": "(415) 555-2671", "firstname": "  John ", "lastname": "Smith",
        "company": "Acme  Corp", "timezone": "america/los_angeles",
        "email": "John.Smith@Example.COM", "preferred_language": "en-US",
        "preferred_contact_method": "sms", "best_time_to_call": "afternoon",
        "notes": "Prefers calls after lunch.", "tags": ["vip", "repeat-customer", "vip"],
        "custom_fields": { "loyalty": { "tier": "gold", "points": 1200 } },
        "isValidatedNames": true, "createdAt": 1709856000000u64, "updatedAt": 1709942400000u64,
        "address": { "street": "1 Market St", "street2": "Suite 300", "city": "San Francisco",
                     "state": "CA", "postalCode": "94105", "country": "United States" }
    });
    let create = json!({
        "firstname": "Jane", "lastname": "Doe", "email": "jane.doe@example.com",
        "phone_number": "+44 20 7946 0958", "tags": ["new"]
    });
    let options = Options::default();
    let mut group = c.benchmark_group("safe_parse");
    group.bench_function("customer with address", |b| {
        b.iter(|| CustomerSchema::safe_parse(black_box(&customer), &options))
    });
    group.bench_function("create, five fields", |b| {
        b.iter(|| CreateCustomerSchema::safe_parse(black_box(&create), &options))
    });
    let text = customer.to_string();
    group.bench_function("customer with address, JSON text", |b| {
        b.iter(|| {
            safe_parse_json_text_wire(SchemaKind::Customer, black_box(text.as_bytes()), &options)
        })
    });
    group.finish();

    let records: Vec<String> = (0..10_000)
        .map(|i| {
            let mut record = customer.clone();
            record["id"] = json!(format!("cust_{i:05}"));
            record["firstname"] = json!(format!("  Name{} ", i % 97));
            record["email"] = json!(format!("user{i}@Example.COM"));
            record.to_string()
        })
        .collect();
    let ndjson = records.join("\n");
    let array = format!("[{}]", records.join(","));
    let mut group = c.benchmark_group("batch text, 10,000 customers");
    group.sample_size(10);
    group.bench_function("NDJSON", |b| {
        b.iter(|| batch::lines_json(SchemaKind::Customer, black_box(&ndjson), 1, &options))
    });
    group.bench_function("JSON array", |b| {
        b.iter(|| batch::many_text_json(SchemaKind::Customer, black_box(&array), &options))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
