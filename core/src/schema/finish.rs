//! What the schemas need beyond what the derives say: objects closed to other members,
//! descriptions in JSON's words rather than Rust's, the `$id` first, and the framework
//! as `catalogue` writes it.

use serde_json::{json, Map, Value};

/// Closes every object schema that lists its members: servex refuses unknown members
/// in what it reads (SPEC 2) and writes exactly the listed ones, so another member is
/// an error in both.
pub(super) fn close_objects(schema: &mut Value) {
    visit(schema, &mut |object| {
        if object.contains_key("properties") && !object.contains_key("additionalProperties") {
            object.insert("additionalProperties".into(), false.into());
        }
    });
}

/// The descriptions come from Rust doc comments: their `None` is JSON's null and their
/// links to Rust items are plain code.
pub(super) fn speak_json(schema: &mut Value) {
    visit(schema, &mut |object| {
        if let Some(Value::String(text)) = object.get_mut("description") {
            *text = text.replace("`None`", "null").replace("[`", "`").replace("`]", "`");
        }
    });
}

/// The schema with `$schema`, `$id`, `title` and `description` first, as a reader
/// of the file looks for them.
pub(super) fn with_id(schema: Value, id: &str) -> Value {
    let Value::Object(mut members) = schema else {
        return schema;
    };
    let mut out = Map::new();
    for key in ["$schema", "$id", "title", "description"] {
        let value = if key == "$id" { Some(id.into()) } else { members.remove(key) };
        if let Some(value) = value {
            out.insert(key.into(), value);
        }
    }
    out.extend(members);
    Value::Object(out)
}

/// The framework as `catalogue` writes it (`Framework::with_defaults`): every
/// dimension and element with its weight, every element with its levels, and no member
/// null (an absent one is left out).
pub(super) fn as_catalogue_writes(schema: &mut Value) {
    members_not_null(schema);
    let Some(Value::Object(defs)) = schema.get_mut("$defs") else {
        return;
    };
    for (name, def) in defs.iter_mut() {
        members_not_null(def);
        let filled: &[&str] = match name.as_str() {
            "Dimension" => &["weight"],
            "Element" => &["weight", "levels"],
            _ => &[],
        };
        if let Some(Value::Array(required)) = def.get_mut("required") {
            required.extend(filled.iter().map(|&f| Value::from(f)));
        }
    }
}

fn members_not_null(object: &mut Value) {
    if let Some(Value::Object(properties)) = object.get_mut("properties") {
        properties.values_mut().for_each(not_null);
    }
}

/// Each option a metric defaults, with its `default`: the core's own values
/// ([`crate::boundary::defaults`]), so that no description has to retype them.
pub(super) fn with_defaults(schema: &mut Value, call: &str) {
    let Some(Value::Object(members)) = schema.get_mut("properties") else {
        return;
    };
    let defaults = crate::boundary::defaults(call).map(serde_json::to_value);
    if let Some(Ok(Value::Object(defaults))) = defaults {
        for (name, value) in defaults {
            if let Some(Value::Object(member)) = members.get_mut(&name) {
                member.insert("default".into(), value);
            }
        }
    }
}

/// `score_units` reads its template without its indicators' values and history
/// (SPEC 12.1): there they may hold anything, so the template's types have names of
/// their own.
pub(super) fn as_template(schema: &mut Value) {
    rename(schema, "ScorecardDocument", "Template");
    rename(schema, "Indicator", "TemplateIndicator");
    if let Some(Value::Object(template)) = schema.pointer_mut("/$defs/Template") {
        let about =
            "A scorecard document as a template: its indicators' values and history are neither used nor checked.";
        template.insert("description".into(), about.into());
    }
    if let Some(Value::Object(members)) = schema.pointer_mut("/$defs/TemplateIndicator/properties") {
        for member in ["value", "history"] {
            members.insert(member.into(), json!({"description": "Neither used nor checked in a template."}));
        }
    }
}

/// Gives a name one shape across all the files: a definition of a schema of what
/// servex reads whose name a schema of what it writes defines otherwise (the framework
/// a document carries, with optional members, and the one `catalogue` writes, filled
/// in) is renamed `NameInput`. The TypeScript declarations then take every name as
/// it is.
pub(super) fn one_shape_per_name(read: &mut [&mut Value], written: &Map<String, Value>) {
    // Until nothing changes: a renamed definition changes those that refer to it.
    let mut renamed = true;
    while renamed {
        renamed = false;
        for schema in read.iter_mut() {
            let names: Vec<String> = match schema.get("$defs") {
                Some(Value::Object(defs)) => defs.keys().filter(|n| !n.ends_with("Input")).cloned().collect(),
                _ => continue,
            };
            for name in names {
                let shape = schema.pointer(&format!("/$defs/{name}"));
                if written.get(&name).is_some_and(|other| Some(other) != shape) {
                    rename(schema, &name, &format!("{name}Input"));
                    renamed = true;
                }
            }
        }
    }
}

/// The types a schema defines, by name: its definitions, and its root under its title.
pub(super) fn shapes(schema: &Value, into: &mut Map<String, Value>) {
    if let Some(Value::Object(defs)) = schema.get("$defs") {
        into.extend(defs.iter().map(|(name, def)| (name.clone(), def.clone())));
    }
    if let (Some(Value::String(title)), Value::Object(root)) = (schema.get("title"), schema) {
        let own = root.iter().filter(|(k, _)| !["$schema", "$id", "$defs", "title"].contains(&k.as_str()));
        into.insert(title.clone(), Value::Object(own.map(|(k, v)| (k.clone(), v.clone())).collect()));
    }
}

/// Renames a definition and every reference to it.
fn rename(schema: &mut Value, from: &str, to: &str) {
    if let Some(Value::Object(defs)) = schema.get_mut("$defs") {
        if let Some(def) = defs.remove(from) {
            defs.insert(to.into(), def);
        }
    }
    let (old, new) = (format!("#/$defs/{from}"), format!("#/$defs/{to}"));
    visit(schema, &mut |object| {
        if object.get("$ref").and_then(Value::as_str) == Some(old.as_str()) {
            object.insert("$ref".into(), new.clone().into());
        }
    });
}

/// A member's schema without null: `{"type": [T, "null"]}` becomes `{"type": T}`.
fn not_null(member: &mut Value) {
    if let Some(Value::Array(types)) = member.get_mut("type") {
        types.retain(|t| t != "null");
        if let [only] = types.as_slice() {
            let only = only.clone();
            member["type"] = only;
        }
    }
}

/// Calls `f` on every object of `schema`, however deep.
fn visit(schema: &mut Value, f: &mut impl FnMut(&mut Map<String, Value>)) {
    match schema {
        Value::Object(object) => {
            f(object);
            object.values_mut().for_each(|v| visit(v, f));
        }
        Value::Array(items) => items.iter_mut().for_each(|v| visit(v, f)),
        _ => {}
    }
}
