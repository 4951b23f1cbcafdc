//! The JSON Schemas of `docs/schema/` (feature `schema`): the files are what the types
//! derive, every conformance input and output validates against its schema, and the
//! hand-written readers take exactly the members their schemas list.

mod support;

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde_json::{json, Value};
use servex::schema::{self, SchemaFile};
use support::Expectation;

const REGENERATE: &str = "cargo run -p servex --features schema --example schema";

fn schema_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/schema")
}

fn named<'a>(files: &'a [SchemaFile], name: &str) -> &'a Value {
    &files.iter().find(|f| f.name == name).unwrap_or_else(|| panic!("no schema {name}")).schema
}

fn validator(schema: &Value) -> jsonschema::Validator {
    jsonschema::validator_for(schema).unwrap_or_else(|e| panic!("not a valid schema: {e}"))
}

/// Why `instance` does not validate, every fault with its place; `None` when it does.
fn faults(validator: &jsonschema::Validator, instance: &Value) -> Option<String> {
    let faults: Vec<String> =
        validator.iter_errors(instance).map(|e| format!("{e} (at {:?})", e.instance_path().to_string())).collect();
    (!faults.is_empty()).then(|| faults.join("; "))
}

/// The schema with no member required: an expected output names only what it checks
/// (SPEC 9), an expected error only its kind and path.
fn any_members_of(schema: &Value) -> Value {
    match schema {
        Value::Object(members) => Value::Object(
            members
                .iter()
                .filter(|(k, v)| !(*k == "required" && v.is_array()))
                .map(|(k, v)| (k.clone(), any_members_of(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(any_members_of).collect()),
        other => other.clone(),
    }
}

fn properties<'a>(schema: &'a Value, at: &str) -> BTreeSet<&'a str> {
    let members = schema.pointer(at).and_then(|s| s["properties"].as_object());
    members.unwrap_or_else(|| panic!("no properties at {at}")).keys().map(String::as_str).collect()
}

#[test]
fn docs_schema_holds_what_the_types_derive() {
    let dir = schema_dir();
    let files = schema::all();
    let mut stale: Vec<String> = files
        .iter()
        .filter(|f| std::fs::read_to_string(dir.join(f.name)).ok() != Some(schema::to_text(&f.schema)))
        .map(|f| f.name.to_string())
        .collect();
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".schema.json") && !files.iter().any(|f| f.name == name) {
            stale.push(format!("{name} (no longer generated)"));
        }
    }
    assert!(stale.is_empty(), "docs/schema is stale ({}): regenerate with `{REGENERATE}`", stale.join(", "));
}

#[test]
fn every_call_has_its_schemas() {
    let files = schema::all();
    let calls: Vec<&str> = schema::CALLS.iter().map(|(call, _, _)| *call).collect();
    assert_eq!(calls, servex::CALLS);
    let mut listed: Vec<&str> = schema::CALLS.iter().flat_map(|(_, i, o)| [*i, *o]).collect();
    listed.push(schema::ERROR);
    let names: Vec<&str> = files.iter().map(|f| f.name).collect();
    assert_eq!(listed, names, "every schema file belongs to a call (or is the error's)");
    for file in &files {
        assert_eq!(file.schema["$id"], format!("{}{}", schema::BASE_URL, file.name));
        assert_eq!(file.schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
        validator(&file.schema);
    }
}

/// A type's name means one shape in every file, so that the TypeScript declarations
/// generated from them can take each name as it is.
#[test]
fn a_name_has_one_shape_across_the_files() {
    let mut seen: std::collections::BTreeMap<String, (&str, Value)> = Default::default();
    for file in schema::all() {
        let defs = file.schema["$defs"].as_object().cloned().unwrap_or_default();
        for (name, shape) in defs {
            match seen.get(&name) {
                Some((first, other)) => assert_eq!(other, &shape, "{name} differs in {first} and {}", file.name),
                None => {
                    seen.insert(name, (file.name, shape));
                }
            }
        }
    }
    assert!(seen.contains_key("FrameworkInput") && seen.contains_key("DimensionInput"), "{:?}", seen.keys());
}

/// Every case's input (when the call succeeds), the call's actual result or error, and
/// the case's expected result or error each validate against their schema.
#[test]
fn every_conformance_input_and_output_validates() {
    let files = schema::all();
    let error = validator(named(&files, schema::ERROR));
    let expected_error = validator(&any_members_of(named(&files, schema::ERROR)));
    let mut failures = Vec::new();
    let cases = support::load_cases();
    for case in &cases {
        let (_, input, output) = schema::CALLS
            .iter()
            .find(|(call, _, _)| *call == case.call)
            .unwrap_or_else(|| panic!("{}: no schemas for call {}", case.id, case.call));
        let outcome = servex::call(&case.call, &case.input);
        let seen = outcome.clone().map_err(|e| (e.kind().as_str().to_string(), e.path().to_string()));
        if let Err(why) = support::check(case, seen) {
            failures.push(format!("{}: {why}", case.id));
            continue;
        }
        let mut check = |what: &str, validator: &jsonschema::Validator, instance: &Value| {
            if let Some(why) = faults(validator, instance) {
                failures.push(format!("{} ({what}): {why}", case.id));
            }
        };
        match (outcome, &case.expected) {
            (Ok(actual), Expectation::Result(expected)) => {
                check("input", &validator(named(&files, input)), &case.input);
                check("result", &validator(named(&files, output)), &actual);
                check("expected", &validator(&any_members_of(named(&files, output))), expected);
            }
            (Err(e), Expectation::Error { kind, path }) => {
                check("error", &error, &e.to_json());
                check("expected error", &expected_error, &json!({"kind": kind, "path": path}));
            }
            _ => unreachable!("support::check matched the outcome with the expectation"),
        }
    }
    assert!(failures.is_empty(), "{} of {} cases:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

#[test]
fn the_sample_documents_validate() {
    let files = schema::all();
    let scorecard = validator(named(&files, "scorecard.schema.json"));
    let sample: Value = serde_json::from_str(servex::sample::SAMPLE_JSON).expect("the sample is JSON");
    assert_eq!(faults(&scorecard, &sample), None, "core/data/sample-home-care.json");
    let report = servex::call("score", &sample).expect("the sample scores");
    assert_eq!(faults(&validator(named(&files, "report.schema.json")), &report), None);

    // The example of SPEC 2, the first JSON block of the section.
    let spec = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/SPEC.md"))
        .expect("docs/SPEC.md is readable");
    let section = spec.split("## 2. Scorecard document").nth(1).expect("SPEC has section 2");
    let block = section.split("```json\n").nth(1).and_then(|b| b.split("```").next()).expect("a JSON block");
    let example: Value = serde_json::from_str(block).expect("SPEC 2's example is JSON");
    assert_eq!(faults(&scorecard, &example), None, "SPEC 2's example");
}

#[test]
fn a_schema_refuses_what_the_reader_refuses() {
    let files = schema::all();
    let scorecard = validator(named(&files, "scorecard.schema.json"));
    let refused = [
        json!({"indicators": [], "$schema": "scorecard.schema.json"}),
        json!({"indicators": [{"id": "a", "baseline": 0, "target": 1, "colour": "red"}]}),
        json!({"indicators": [{"id": "a", "scale": "maturity", "levels": [5]}]}),
        json!({"servex": 2, "indicators": []}),
        json!({"indicators": [{"id": "a", "baseline": [0, 1, 2], "target": 1}]}),
    ];
    for document in &refused {
        assert!(!scorecard.is_valid(document), "the schema takes {document}");
        assert!(servex::call("score", document).is_err(), "the reader takes {document}");
    }
    let nps = validator(named(&files, "nps-input.schema.json"));
    for input in [json!({"responses": [10], "method": "exact"}), json!({"responses": [[10]]}), json!({"scores": [10]})]
    {
        assert!(!nps.is_valid(&input), "the schema takes {input}");
        assert!(servex::call("nps", &input).is_err(), "the reader takes {input}");
    }
}

#[test]
fn an_output_schema_refuses_what_servex_never_writes() {
    let files = schema::all();
    let report = validator(named(&files, "report.schema.json"));
    let written = servex::call("score", &json!({"indicators": []})).expect("an empty document scores");
    assert_eq!(faults(&report, &written), None);
    let mut extra = written.clone();
    extra["grade"] = json!("A");
    let mut lacking = written.clone();
    lacking.as_object_mut().map(|r| r.remove("score"));
    let mut version = written;
    version["servex"] = json!(2);
    for bad in [extra, lacking, version] {
        assert!(!report.is_valid(&bad), "the report schema takes {bad}");
    }
    let nps = validator(named(&files, "nps.schema.json"));
    let grouped = servex::call("nps", &json!({"responses": [10, 0], "groups": ["a", "b"], "funnel": true}));
    let mut grouped = grouped.expect("a grouped nps");
    assert_eq!(faults(&nps, &grouped), None);
    grouped["funnel"] = Value::Null;
    assert!(!nps.is_valid(&grouped), "a funnel written is never null");
}

/// The metrics' keyword arguments and `score_units`' members are read by hand: the
/// lists the readers accept are the members their schemas describe.
#[test]
fn the_hand_readers_take_the_members_their_schemas_list() {
    let files = schema::all();
    for metric in ["nps", "csat", "ces", "servqual", "kano"] {
        let accepted: BTreeSet<&str> = servex::metrics::arguments(metric).expect("a metric").into_iter().collect();
        let schema = named(&files, &format!("{metric}-input.schema.json"));
        assert_eq!(accepted, properties(schema, ""), "{metric}'s arguments");
    }
    let units = named(&files, "units-input.schema.json");
    assert_eq!(servex::units::INPUT_MEMBERS.into_iter().collect::<BTreeSet<_>>(), properties(units, ""));
    assert_eq!(servex::units::UNIT_MEMBERS.into_iter().collect::<BTreeSet<_>>(), properties(units, "/$defs/UnitInput"));

    // catalogue's one member, by behaviour: it is taken (null is absent), another is not.
    let catalogue = named(&files, "catalogue-input.schema.json");
    for member in properties(catalogue, "") {
        assert!(servex::call("catalogue", &json!({ member: null })).is_ok(), "catalogue takes {member}");
    }
    let other = servex::call("catalogue", &json!({"frameworks": null})).err().map(|e| e.path().to_string());
    assert_eq!(other.as_deref(), Some("/frameworks"));
}
