//! JSON Schemas of every document servex reads and every result it writes, derived
//! from the types themselves (feature `schema`) so that they cannot drift from them.
//! `cargo run -p servex --features schema --example schema` writes them to
//! `docs/schema/`; `core/tests/schema.rs` checks those files are current and that
//! every conformance input and output validates, and the TypeScript declarations and
//! the Python column lists are generated from or checked against them.

mod args;
mod custom;
mod error;
mod finish;
mod units;

use schemars::generate::SchemaSettings;
use schemars::JsonSchema;
use serde_json::Value;

use crate::framework::Framework;
use crate::metrics::{Ces, Csat, Kano, Nps, Scored, Servqual};
use crate::report::Report;
use crate::scorecard::Scorecard;

/// Where the schema files are published: each file's `$id` is this followed by its name.
pub const BASE_URL: &str = "https://raw.githubusercontent.com/servex/servex/main/docs/schema/";

/// The schema of an error (SPEC 8), the output of every call that fails.
pub const ERROR: &str = "error.schema.json";

/// Each call with the schema files of its input and of its output.
pub const CALLS: [(&str, &str, &str); 8] = [
    ("score", "scorecard.schema.json", "report.schema.json"),
    ("catalogue", "catalogue-input.schema.json", "framework.schema.json"),
    ("score_units", "units-input.schema.json", "units.schema.json"),
    ("nps", "nps-input.schema.json", "nps.schema.json"),
    ("csat", "csat-input.schema.json", "csat.schema.json"),
    ("ces", "ces-input.schema.json", "ces.schema.json"),
    ("servqual", "servqual-input.schema.json", "servqual.schema.json"),
    ("kano", "kano-input.schema.json", "kano.schema.json"),
];

/// One schema file of `docs/schema/`.
#[derive(Debug, Clone, PartialEq)]
pub struct SchemaFile {
    /// The file name, e.g. `scorecard.schema.json`.
    pub name: &'static str,
    /// The schema.
    pub schema: Value,
}

/// Every schema file: each call's input and output (in [`CALLS`]' order), then the error.
pub fn all() -> Vec<SchemaFile> {
    use Side::{Read, Written};
    let mut files = vec![
        file::<Scorecard>("scorecard.schema.json", Read),
        file::<Report<'static>>("report.schema.json", Written),
        file::<args::CatalogueArguments>("catalogue-input.schema.json", Read),
        file::<Framework>("framework.schema.json", Written),
        file::<args::UnitsArguments>("units-input.schema.json", Read),
        file::<units::UnitsResult>("units.schema.json", Written),
        file::<args::NpsArguments>("nps-input.schema.json", Read),
        file::<Scored<Nps>>("nps.schema.json", Written),
        file::<args::CsatArguments>("csat-input.schema.json", Read),
        file::<Scored<Csat>>("csat.schema.json", Written),
        file::<args::CesArguments>("ces-input.schema.json", Read),
        file::<Scored<Ces>>("ces.schema.json", Written),
        file::<args::ServqualArguments>("servqual-input.schema.json", Read),
        file::<Servqual>("servqual.schema.json", Written),
        file::<args::KanoArguments>("kano-input.schema.json", Read),
        file::<Kano>("kano.schema.json", Written),
        file::<error::ErrorObject>(ERROR, Written),
    ];
    for (file, _) in &mut files {
        match file.name {
            "framework.schema.json" => finish::as_catalogue_writes(&mut file.schema),
            "units-input.schema.json" => finish::as_template(&mut file.schema),
            _ => {}
        }
        if let Some((call, _, _)) = CALLS.iter().find(|(_, input, _)| *input == file.name) {
            finish::with_defaults(&mut file.schema, call);
        }
    }
    let mut written = serde_json::Map::new();
    for (file, _) in files.iter().filter(|(_, side)| matches!(side, Written)) {
        finish::shapes(&file.schema, &mut written);
    }
    let mut read: Vec<&mut Value> =
        files.iter_mut().filter(|(_, side)| matches!(side, Read)).map(|(file, _)| &mut file.schema).collect();
    finish::one_shape_per_name(&mut read, &written);
    files
        .into_iter()
        .map(|(file, _)| SchemaFile {
            schema: finish::with_id(file.schema, &format!("{BASE_URL}{}", file.name)),
            ..file
        })
        .collect()
}

/// A schema as its file holds it: pretty-printed JSON with a final newline.
pub fn to_text(schema: &Value) -> String {
    let mut text = serde_json::to_string_pretty(schema).unwrap_or_default();
    text.push('\n');
    text
}

/// Whether a schema describes what servex reads (serde's defaults make members
/// optional) or what it writes (members skipped when absent are optional).
#[derive(Clone, Copy)]
enum Side {
    Read,
    Written,
}

fn file<T: JsonSchema>(name: &'static str, side: Side) -> (SchemaFile, Side) {
    let settings = match side {
        Side::Read => SchemaSettings::draft2020_12().for_deserialize(),
        Side::Written => SchemaSettings::draft2020_12().for_serialize(),
    };
    let mut schema = settings.into_generator().into_root_schema_for::<T>().to_value();
    finish::close_objects(&mut schema);
    finish::speak_json(&mut schema);
    (SchemaFile { name, schema }, side)
}
