//! The phone engine natively, against the `phonenumber` crate it replaced:
//! parse + validate + number type for every example number of every region,
//! in international and national spellings.
//!
//! `cargo bench --bench phone` (criterion; reports time per number).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use customer_schema::rules::phone::normalize_phone;
use phonenumber::metadata::DATABASE;
use phonenumber::Mode;
use std::hint::black_box;

/// (text, default region) pairs: `+44 20 7946 0958`-style and national.
fn inputs() -> Vec<(String, Option<&'static str>)> {
    let mut out = Vec::new();
    for meta in (1u16..1000).filter_map(|c| DATABASE.by_code(&c)).flatten() {
        let d = meta.descriptors();
        for desc in [d.fixed_line(), d.mobile(), d.toll_free()]
            .into_iter()
            .flatten()
        {
            let Some(example) = desc.example() else {
                continue;
            };
            let international = format!("+{}{}", meta.country_code(), example);
            let Ok(parsed) = phonenumber::parse(None, &international) else {
                continue;
            };
            out.push((parsed.format().mode(Mode::International).to_string(), None));
            if meta.id() != "001" {
                let national = parsed.format().mode(Mode::National).to_string();
                out.push((national, Some(meta.id())));
            }
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let inputs = inputs();
    let mut group = c.benchmark_group("phone parse + validate + type");
    group.throughput(Throughput::Elements(inputs.len() as u64));
    group.bench_function("customer-schema engine", |b| {
        b.iter(|| {
            for (text, region) in &inputs {
                if let Ok(phone) = normalize_phone(black_box(text), *region) {
                    black_box(phone.kind);
                }
            }
        })
    });
    group.bench_function("phonenumber crate", |b| {
        b.iter(|| {
            for (text, region) in &inputs {
                let country = region.and_then(|r| r.parse().ok());
                if let Ok(number) = phonenumber::parse(country, black_box(text)) {
                    if phonenumber::is_valid(&number) {
                        black_box(number.number_type(&DATABASE));
                    }
                }
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
