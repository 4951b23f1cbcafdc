//! The rules a custom framework must follow (SPEC 1). Paths are relative to the
//! framework object; the document moves them under `/framework`.

use foldhash::{HashSet, HashSetExt};

use super::Framework;
use crate::error::{err, pointer, Error, ErrorKind};

pub(crate) fn validate(framework: &Framework) -> Result<(), Error> {
    unique_ids(framework.principles.iter().map(|p| p.id.as_str()), "/principles")?;
    unique_ids(framework.perspectives.iter().map(|p| p.id.as_str()), "/perspectives")?;
    unique_ids(framework.dimensions.iter().map(|d| d.id.as_str()), "/dimensions")?;
    levels_in_order(framework)?;

    let perspectives: HashSet<&str> = framework.perspectives.iter().map(|p| p.id.as_str()).collect();
    let mut element_ids = HashSet::new();
    for (d, dimension) in framework.dimensions.iter().enumerate() {
        let at = pointer("/dimensions", d);
        weight(dimension.weight, &at)?;
        if let Some(perspective) = &dimension.perspective {
            if !perspectives.contains(perspective.as_str()) {
                return err(
                    ErrorKind::UnknownReference,
                    pointer(&at, "perspective"),
                    format!(
                        "dimension {:?} names perspective {perspective:?}, which the framework does not list",
                        dimension.id
                    ),
                );
            }
        }
        for (e, element) in dimension.elements.iter().enumerate() {
            let at = pointer(&pointer(&at, "elements"), e);
            if !element_ids.insert(element.id.as_str()) {
                return err(
                    ErrorKind::DuplicateId,
                    pointer(&at, "id"),
                    format!("element id {:?} is used twice", element.id),
                );
            }
            weight(element.weight, &at)?;
            for (j, level) in element.levels.iter().flatten().enumerate() {
                if !(1..=4).contains(level) {
                    return err(
                        ErrorKind::InvalidValue,
                        pointer(&pointer(&at, "levels"), j),
                        format!("pyramid levels are 1 to 4, not {level}"),
                    );
                }
            }
        }
    }
    Ok(())
}

fn unique_ids<'a>(ids: impl Iterator<Item = &'a str>, list: &str) -> Result<(), Error> {
    let mut seen = HashSet::new();
    for (i, id) in ids.enumerate() {
        if !seen.insert(id) {
            return err(
                ErrorKind::DuplicateId,
                pointer(&pointer(list, i), "id"),
                format!("id {id:?} is used twice in {}", &list[1..]),
            );
        }
    }
    Ok(())
}

fn levels_in_order(framework: &Framework) -> Result<(), Error> {
    if framework.levels.len() != 4 {
        return err(
            ErrorKind::InvalidDocument,
            "/levels",
            format!("a framework has exactly four levels, not {}", framework.levels.len()),
        );
    }
    for (i, level) in framework.levels.iter().enumerate() {
        if usize::from(level.level) != i + 1 {
            return err(
                ErrorKind::InvalidValue,
                pointer(&pointer("/levels", i), "level"),
                format!("levels are listed 1, 2, 3, 4 in order; entry {i} is level {}", level.level),
            );
        }
    }
    unique_ids(framework.levels.iter().map(|l| l.id.as_str()), "/levels")
}

/// A weight within SPEC 8's magnitudes: 0, or within [1e-300, 1e300].
pub(crate) fn weight(weight: Option<f64>, owner: &str) -> Result<(), Error> {
    match weight {
        Some(w) => crate::magnitude::weight(w, || pointer(owner, "weight")),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::framework::Framework;
    use crate::ErrorKind;

    fn minimal() -> serde_json::Value {
        json!({
            "id": "own:1",
            "principles": [{"id": "care"}],
            "perspectives": [{"id": "ops"}],
            "dimensions": [{"id": "d", "perspective": "ops", "elements": [{"id": "e", "levels": [1]}]}],
            "levels": [
                {"level": 1, "id": "l1", "outcome": "satisfaction"},
                {"level": 2, "id": "l2", "outcome": "satisfaction"},
                {"level": 3, "id": "l3", "outcome": "delight"},
                {"level": 4, "id": "l4", "outcome": "delight"}
            ]
        })
    }

    type Edit = Box<dyn FnOnce(&mut serde_json::Value)>;

    fn fails(edit: impl FnOnce(&mut serde_json::Value)) -> (ErrorKind, String) {
        let mut v = minimal();
        edit(&mut v);
        let e = Framework::from_json(&v).unwrap_err();
        (e.kind(), e.path().to_string())
    }

    #[test]
    fn a_minimal_framework_is_valid() {
        Framework::from_json(&minimal()).unwrap();
    }

    #[test]
    fn each_rule_names_its_member() {
        let cases: Vec<(Edit, ErrorKind, &str)> = vec![
            (
                Box::new(|v| v["principles"] = json!([{"id": "a"}, {"id": "a"}])),
                ErrorKind::DuplicateId,
                "/principles/1/id",
            ),
            (
                Box::new(|v| v["perspectives"] = json!([{"id": "ops"}, {"id": "ops"}])),
                ErrorKind::DuplicateId,
                "/perspectives/1/id",
            ),
            (
                Box::new(|v| v["dimensions"][0]["elements"] = json!([{"id": "e"}, {"id": "e"}])),
                ErrorKind::DuplicateId,
                "/dimensions/0/elements/1/id",
            ),
            (
                Box::new(|v| v["dimensions"][0]["elements"][0]["levels"] = json!([1, 5])),
                ErrorKind::InvalidValue,
                "/dimensions/0/elements/0/levels/1",
            ),
            (
                Box::new(|v| v["dimensions"][0]["perspective"] = json!("money")),
                ErrorKind::UnknownReference,
                "/dimensions/0/perspective",
            ),
            (Box::new(|v| v["dimensions"][0]["weight"] = json!(-1)), ErrorKind::InvalidValue, "/dimensions/0/weight"),
            (
                Box::new(|v| v["dimensions"][0]["elements"][0]["weight"] = json!(-0.5)),
                ErrorKind::InvalidValue,
                "/dimensions/0/elements/0/weight",
            ),
            (Box::new(|v| v["levels"].as_array_mut().unwrap().truncate(3)), ErrorKind::InvalidDocument, "/levels"),
            (Box::new(|v| v["levels"][1]["level"] = json!(3)), ErrorKind::InvalidValue, "/levels/1/level"),
            (Box::new(|v| v["levels"][1]["outcome"] = json!("joy")), ErrorKind::InvalidDocument, "/levels/1/outcome"),
            (Box::new(|v| v["colour"] = json!("red")), ErrorKind::InvalidDocument, "/colour"),
            (
                Box::new(|v| v["dimensions"][0].as_object_mut().unwrap().remove("elements").map(|_| ()).unwrap()),
                ErrorKind::InvalidDocument,
                "/dimensions/0",
            ),
        ];
        for (edit, kind, path) in cases {
            assert_eq!(fails(edit), (kind, path.to_string()));
        }
    }

    #[test]
    fn defaults_are_filled_for_the_catalogue() {
        let f = Framework::from_json(&minimal()).unwrap().with_defaults();
        let element = &f.dimensions[0].elements[0];
        assert_eq!((f.dimensions[0].weight, element.weight), (Some(1.0), Some(1.0)));
        let mut v = minimal();
        v["dimensions"][0]["elements"][0].as_object_mut().unwrap().remove("levels");
        let f = Framework::from_json(&v).unwrap().with_defaults();
        assert_eq!(f.dimensions[0].elements[0].levels, Some(vec![]));
    }
}
