//! Rating scales (SPEC 3): the built-ins, the document's own, and rating checks.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use super::document::Scale;
use crate::error::{err, pointer, Error, ErrorKind};
use crate::magnitude;

/// The built-in scale of this name, if there is one.
pub fn builtin_scale(name: &str) -> Option<Scale> {
    builtin(name).cloned()
}

/// The built-in scales, made once: scoring looks them up by reference.
fn builtin(name: &str) -> Option<&'static Scale> {
    static BUILTINS: OnceLock<[(&str, Scale); 5]> = OnceLock::new();
    let scale = |min, max, values| Scale { min, max, values, labels: None };
    let builtins = BUILTINS.get_or_init(|| {
        [
            ("maturity", scale(0.0, 4.0, None)),
            ("likert5", scale(1.0, 5.0, None)),
            ("percent", scale(0.0, 100.0, None)),
            ("icss", scale(0.0, 10.0, None)),
            ("evidence", scale(0.0, 3.0, Some(vec![0.0, 1.0, 3.0]))),
        ]
    });
    builtins.iter().find(|(n, _)| *n == name).map(|(_, s)| s)
}

/// The scales a document can use: its own, then the built-ins.
pub(crate) struct Scales<'a> {
    own: Option<&'a BTreeMap<String, Scale>>,
}

impl<'a> Scales<'a> {
    /// Checks the document's own scales (paths `/scales/NAME`).
    pub(crate) fn new(own: Option<&'a BTreeMap<String, Scale>>) -> Result<Scales<'a>, Error> {
        for (name, scale) in own.into_iter().flatten() {
            let at = pointer("/scales", name);
            magnitude::value(scale.min, || pointer(&at, "min"))?;
            magnitude::value(scale.max, || pointer(&at, "max"))?;
            if scale.min >= scale.max {
                return err(
                    ErrorKind::InvalidValue,
                    at,
                    format!("a scale needs min < max, not {} and {}", scale.min, scale.max),
                );
            }
            for (j, &v) in scale.values.iter().flatten().enumerate() {
                if !(scale.min..=scale.max).contains(&v) {
                    return err(
                        ErrorKind::InvalidValue,
                        pointer(&pointer(&at, "values"), j),
                        format!("scale value {v} lies outside [{}, {}]", scale.min, scale.max),
                    );
                }
            }
        }
        Ok(Scales { own })
    }

    /// The scale of this name: the document's if it has one, else the built-in.
    pub(crate) fn get(&self, name: &str) -> Option<&'a Scale> {
        self.own.and_then(|own| own.get(name)).or_else(|| builtin(name))
    }
}

/// Checks one rating (a value or a history value) against its scale.
pub(crate) fn check_rating(scale: &Scale, value: f64, at: &dyn Fn() -> String) -> Result<(), Error> {
    if !(scale.min..=scale.max).contains(&value) {
        return err(
            ErrorKind::InvalidValue,
            at(),
            format!("rating {value} lies outside its scale [{}, {}]", scale.min, scale.max),
        );
    }
    if let Some(values) = &scale.values {
        if !values.contains(&value) {
            return err(
                ErrorKind::InvalidValue,
                at(),
                format!("rating {value} is not one of the scale's values {values:?}"),
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtins_have_the_spec_ranges() {
        let range = |n: &str| builtin_scale(n).map(|s| (s.min, s.max));
        assert_eq!(range("maturity"), Some((0.0, 4.0)));
        assert_eq!(range("likert5"), Some((1.0, 5.0)));
        assert_eq!(range("percent"), Some((0.0, 100.0)));
        assert_eq!(range("icss"), Some((0.0, 10.0)));
        assert_eq!(builtin_scale("evidence").unwrap().values, Some(vec![0.0, 1.0, 3.0]));
        assert!(builtin_scale("stars").is_none());
    }

    #[test]
    fn ratings_must_lie_in_range_and_among_listed_values() {
        let evidence = builtin_scale("evidence").unwrap();
        assert!(check_rating(&evidence, 3.0, &|| "/v".into()).is_ok());
        assert_eq!(check_rating(&evidence, 2.0, &|| "/v".into()).unwrap_err().kind(), ErrorKind::InvalidValue);
        assert_eq!(check_rating(&evidence, 3.5, &|| "/v".into()).unwrap_err().path(), "/v");
        let maturity = builtin_scale("maturity").unwrap();
        assert!(check_rating(&maturity, 2.5, &|| "/v".into()).is_ok());
    }

    #[test]
    fn document_scales_replace_builtins_and_are_checked() {
        let mut own = BTreeMap::new();
        own.insert("maturity".to_string(), Scale { min: 1.0, max: 3.0, values: None, labels: None });
        let scales = Scales::new(Some(&own)).unwrap();
        assert_eq!(scales.get("maturity").map(|s| s.max), Some(3.0));
        own.insert("flat".to_string(), Scale { min: 2.0, max: 2.0, values: None, labels: None });
        assert_eq!(Scales::new(Some(&own)).err().map(|e| e.path().to_string()), Some("/scales/flat".into()));
        own.remove("flat");
        own.insert("odd".to_string(), Scale { min: 0.0, max: 1.0, values: Some(vec![0.0, 2.0]), labels: None });
        assert_eq!(Scales::new(Some(&own)).err().map(|e| e.path().to_string()), Some("/scales/odd/values/1".into()));
    }
}
