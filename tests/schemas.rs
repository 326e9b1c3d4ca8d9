//! Whole records through the typed Rust API of all three schemas.

use customer_schema::{
    CreateCustomerSchema, CustomerSchema, IssueKind, Options, PreferredContactMethod, Schema,
    UnknownKeys, UpdateCustomerSchema,
};
use serde_json::json;

fn seed() -> serde_json::Value {
    json!({
        "id": "cust_abc123", "customerId": "ext_12345", "phone_number": "+14155552671",
        "firstname": "John", "lastname": "Smith", "email": "john.smith@example.com",
        "preferred_language": "en", "preferred_contact_method": "EMAIL",
        "best_time_to_call": "AFTERNOON", "tags": ["vip", "repeat-customer"],
        "isValidatedNames": true, "createdAt": 1709856000000u64, "updatedAt": 1709856000000u64
    })
}

#[test]
fn the_seed_customer_parses_into_typed_fields() {
    let customer = CustomerSchema::parse(&seed(), &Options::default()).unwrap();
    assert_eq!(customer.id, "cust_abc123");
    assert_eq!(customer.created_at, 1_709_856_000_000);
    assert_eq!(
        customer.preferred_contact_method,
        Some(PreferredContactMethod::Email)
    );
    assert_eq!(
        customer.tags.as_deref(),
        Some(&["vip".to_string(), "repeat-customer".to_string()][..])
    );
    assert!(customer.unknown_keys.is_empty());
}

#[test]
fn a_stored_customer_round_trips_through_its_own_schema() {
    let first = CustomerSchema::parse(&seed(), &Options::default()).unwrap();
    let again =
        CustomerSchema::parse(&serde_json::to_value(&first).unwrap(), &Options::default()).unwrap();
    assert_eq!(first, again, "normalising is idempotent");
}

#[test]
fn validate_gives_the_warnings_of_a_valid_input_or_every_issue() {
    let mut sms_without_phone = seed();
    sms_without_phone["preferred_contact_method"] = json!("sms");
    sms_without_phone["phone_number"] = json!(null);
    let warnings = CustomerSchema::validate(&sms_without_phone, &Options::default()).unwrap();
    assert_eq!(warnings.len(), 1);
    assert_eq!(
        serde_json::to_value(&warnings[0].path).unwrap(),
        json!(["preferred_contact_method"])
    );
    let issues =
        CustomerSchema::validate(&json!({"email": "nope"}), &Options::default()).unwrap_err();
    assert_eq!(
        issues,
        CustomerSchema::parse(&json!({"email": "nope"}), &Options::default()).unwrap_err()
    );
}

#[test]
fn every_issue_is_reported_not_just_the_first() {
    let input =
        json!({"id": " ", "email": "nope", "timezone": "Mars/Base", "tags": [""], "createdAt": -1});
    let issues = CustomerSchema::parse(&input, &Options::default()).unwrap_err();
    let paths: Vec<String> = issues.iter().map(|i| format!("{:?}", i.path)).collect();
    assert_eq!(issues.len(), 6, "{paths:?}");
}

#[test]
fn update_keeps_absent_fields_absent() {
    let update =
        UpdateCustomerSchema::parse(&json!({"id": "c1", "tags": ["vip"]}), &Options::default())
            .unwrap();
    assert_eq!(update.preferred_language, None);
    assert_eq!(update.preferred_contact_method, None);
    assert_eq!(update.is_validated_names, None);
    assert_eq!(
        serde_json::to_value(&update).unwrap(),
        json!({"id": "c1", "tags": ["vip"]})
    );
}

#[test]
fn create_defaults_are_filled_in() {
    let create =
        CreateCustomerSchema::parse(&json!({"email": "a@example.com"}), &Options::default())
            .unwrap();
    assert_eq!(create.preferred_language.as_deref(), Some("en"));
    assert_eq!(
        create.preferred_contact_method,
        Some(PreferredContactMethod::Email)
    );
    assert_eq!(create.is_validated_names, Some(false));
}

#[test]
fn passthrough_keys_land_in_unknown_keys() {
    let options = Options {
        unknown_keys: UnknownKeys::Passthrough,
        ..Options::default()
    };
    let create =
        CreateCustomerSchema::parse(&json!({"loyalty": {"tier": "gold"}}), &options).unwrap();
    assert_eq!(
        create.unknown_keys.get("loyalty"),
        Some(&json!({"tier": "gold"}))
    );
}

#[test]
fn the_default_region_reads_national_numbers() {
    let options = Options::default().with_default_region("GB").unwrap();
    let create =
        CreateCustomerSchema::parse(&json!({"phone_number": "07400 123456"}), &options).unwrap();
    assert_eq!(create.phone_number, Some(Some("+447400123456".to_string())));
}

#[test]
fn warnings_do_not_fail_validation() {
    let result =
        CreateCustomerSchema::safe_parse(&json!({"firstname": "Jane"}), &Options::default());
    assert!(result.is_success());
    assert_eq!(result.warnings().len(), 1);
    assert!(matches!(
        result.warnings()[0].kind,
        IssueKind::Custom { .. }
    ));
}

#[test]
fn deeply_nested_json_input_is_bounded_not_recursed() {
    let mut deep = json!(1);
    for _ in 0..100 {
        deep = json!({ "a": deep });
    }
    let issues = CreateCustomerSchema::parse(&json!({"custom_fields": deep}), &Options::default())
        .unwrap_err();
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].code(), "too_big");
}

#[test]
fn an_input_past_the_value_budget_is_one_issue_where_it_outgrew_it() {
    // 100,001 tags spend the reader's budget; the fields after them are
    // unread, and are not each reported again.
    let mut input = seed();
    input["tags"] = json!(vec!["a"; 100_001]);
    input["address"] = json!({
        "street": "1 Main St", "city": "Springfield", "state": "IL",
        "postalCode": "62701", "country": "US"
    });
    input["custom_fields"] = json!({"a": 1});
    let issues = CustomerSchema::parse(&input, &Options::default()).unwrap_err();
    let summary: Vec<(&str, String)> = issues
        .iter()
        .map(|i| (i.code(), format!("{:?}", i.path)))
        .collect();
    assert_eq!(issues.len(), 1, "{summary:?}");
    assert_eq!(issues[0].code(), "too_big");
    assert_eq!(
        serde_json::to_value(&issues[0].path).unwrap(),
        json!(["tags"])
    );
}
