//! The fast path of the scale metrics (NPS, CSAT, CES): a 1-D numpy array of any
//! supported dtype is read in place (no copy) and handed to the core's columnar kernel
//! with the GIL released; group labels come as dense codes plus labels (a pandas
//! categorical), as an integer or float array, or as any sequence of labels.

use std::borrow::Cow;

use numpy::{PyReadonlyArray1, PyUntypedArray, PyUntypedArrayMethods};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use servex::metrics::{
    not_a_label, Codes, GroupCode, GroupLabel, Groups, Response, RowWeights, ScaleMetric, Split, Tally,
};
use servex::{Error, ErrorKind};

use crate::convert::{capacity_hint, Walker};
use crate::errors::{run_detached, servex_err, to_py};
use crate::floats::float_column;
use crate::objects::{PyObjects, Written};

/// A numpy array's contents: borrowed when contiguous (the normal case), else copied.
fn slice<'a, T: numpy::Element + Copy>(a: &'a PyReadonlyArray1<'_, T>) -> Cow<'a, [T]> {
    match a.as_slice() {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => Cow::Owned(a.as_array().iter().copied().collect()),
    }
}

/// Runs `$body` with `$values` bound to the slice of the first dtype `$obj` has.
macro_rules! with_numeric_array {
    ($obj:expr, |$values:ident| $body:expr, else $fallback:expr) => {{
        with_numeric_array!(@try $obj, $values, $body, $fallback; u8, u16, u32, u64, i8, i16, i32, i64, f32, f64)
    }};
    (@try $obj:expr, $values:ident, $body:expr, $fallback:expr; $t:ty $(, $rest:ty)*) => {
        if let Ok(array) = $obj.extract::<PyReadonlyArray1<'_, $t>>() {
            let $values = slice(&array);
            $body
        } else {
            with_numeric_array!(@try $obj, $values, $body, $fallback; $($rest),*)
        }
    };
    (@try $obj:expr, $values:ident, $body:expr, $fallback:expr;) => {
        $fallback
    };
}

/// Whether `obj` is a numpy bool scalar (which converts to 1.0 but is no answer).
fn is_numpy_bool(obj: &Bound<'_, PyAny>) -> bool {
    obj.get_type().name().is_ok_and(|n| n == "bool" || n == "bool_")
}

/// A sequence of Python objects as an `f64` column with the JSON front's rules:
/// anything that is not a number becomes NaN (invalid at its index); a nested
/// sequence makes the whole member `invalid_document`.
fn objects_to_f64(py: Python<'_>, seq: &Bound<'_, PyAny>) -> PyResult<Vec<f64>> {
    if seq.is_instance_of::<PyString>() || seq.is_instance_of::<PyDict>() {
        return Err(not_flat(py));
    }
    let mut out = Vec::with_capacity(capacity_hint(seq));
    for item in seq.try_iter().map_err(|_| not_flat(py))? {
        let item = item?;
        let x = if let Ok(f) = item.cast::<PyFloat>() {
            f.value()
        } else if item.is_instance_of::<PyBool>() || is_numpy_bool(&item) {
            f64::NAN
        } else if item.is_instance_of::<PyInt>() {
            item.extract::<f64>().unwrap_or(f64::INFINITY)
        } else if item.is_instance_of::<PyList>() || item.is_instance_of::<PyTuple>() || item.is_instance_of::<PyDict>()
        {
            return Err(not_flat(py));
        } else if item.is_instance_of::<PyString>() {
            f64::NAN
        } else {
            item.extract::<f64>().unwrap_or(f64::NAN)
        };
        out.push(x);
    }
    Ok(out)
}

fn not_flat(py: Python<'_>) -> PyErr {
    servex_err(py, ErrorKind::InvalidDocument, "/responses", "responses must be a flat sequence of numbers")
}

/// One label from a Python object: a str, an int or a whole float.
fn label(obj: &Bound<'_, PyAny>) -> Option<GroupLabel> {
    if let Ok(s) = obj.cast::<PyString>() {
        return s.to_cow().ok().map(|s| GroupLabel::Str(s.into_owned()));
    }
    if obj.is_instance_of::<PyBool>() || is_numpy_bool(obj) {
        return None;
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return whole(f.value()).map(GroupLabel::Int);
    }
    obj.extract::<i64>().ok().map(GroupLabel::Int)
}

/// A float with no fractional part inside the `i64` range.
fn whole(x: f64) -> Option<i64> {
    let inside = x.fract() == 0.0 && x >= -(2f64.powi(63)) && x < 2f64.powi(63);
    inside.then_some(x as i64)
}

fn bad_label(py: Python<'_>, row: usize) -> PyErr {
    to_py(py, &not_a_label(row))
}

/// An integer numpy array borrowed in its own width: no widening, and no copy unless
/// it is not contiguous.
enum CodeArray<'py> {
    U8(PyReadonlyArray1<'py, u8>),
    I8(PyReadonlyArray1<'py, i8>),
    U16(PyReadonlyArray1<'py, u16>),
    I16(PyReadonlyArray1<'py, i16>),
    U32(PyReadonlyArray1<'py, u32>),
    I32(PyReadonlyArray1<'py, i32>),
    U64(PyReadonlyArray1<'py, u64>),
    I64(PyReadonlyArray1<'py, i64>),
}

impl<'py> CodeArray<'py> {
    /// The array, if `obj` is a 1-D integer numpy array.
    fn read(obj: &Bound<'py, PyAny>) -> Option<CodeArray<'py>> {
        macro_rules! try_codes {
            ($($t:ty => $v:ident),*) => {$(
                if let Ok(a) = obj.extract::<PyReadonlyArray1<'py, $t>>() {
                    return Some(CodeArray::$v(a));
                }
            )*};
        }
        try_codes!(i8 => I8, i16 => I16, i32 => I32, i64 => I64, u8 => U8, u16 => U16, u32 => U32, u64 => U64);
        None
    }

    /// Runs `f` on the codes.
    fn with<R>(&self, f: impl FnOnce(Codes<'_>) -> R) -> R {
        macro_rules! arms {
            ($($v:ident),*) => {
                match self {
                    $(CodeArray::$v(a) => {
                        let s = slice(a);
                        f(GroupCode::wrap(&s))
                    })*
                }
            };
        }
        arms!(U8, I8, U16, I16, U32, I32, U64, I64)
    }
}

/// Row groups as the binding reads them: codes with their labels (a pandas
/// categorical) or integer labels (both borrowed in place), whole-number floats read
/// as integer labels, or labels factorised here.
enum RowGroups<'py> {
    Coded(CodeArray<'py>, Vec<GroupLabel>),
    Integers(CodeArray<'py>),
    Whole(Vec<i64>),
    Factorised(Groups<'static>),
}

/// Codes plus one label per code (a pandas categorical).
fn groups_from_codes<'py>(
    py: Python<'py>,
    codes: CodeArray<'py>,
    labels: &Bound<'py, PyAny>,
) -> PyResult<RowGroups<'py>> {
    let mut out = Vec::new();
    for (k, item) in labels.try_iter()?.enumerate() {
        let item = item?;
        match label(&item) {
            Some(l) => out.push(l),
            None => {
                // A bad category matters only if a row uses it: report that row.
                if let Some(row) = codes.with(|c| c.position(k)) {
                    return Err(bad_label(py, row));
                }
                out.push(GroupLabel::Str(format!("\u{0}unused category {k}")));
            }
        }
    }
    Ok(RowGroups::Coded(codes, out))
}

/// Whole-number floats to groups; NaN or a fraction is `invalid_value` at its row.
fn float_groups<T: Copy + Into<f64>>(py: Python<'_>, values: &[T]) -> PyResult<RowGroups<'static>> {
    let labels = values
        .iter()
        .enumerate()
        .map(|(row, &v)| whole(v.into()).ok_or_else(|| bad_label(py, row)))
        .collect::<PyResult<Vec<i64>>>()?;
    Ok(RowGroups::Whole(labels))
}

/// Groups from a numeric numpy array, if `groups` is one: integers are borrowed as
/// their own codes when they are small and not negative.
fn groups_from_numbers<'py>(py: Python<'py>, groups: &Bound<'py, PyAny>) -> PyResult<Option<RowGroups<'py>>> {
    if let Some(codes) = CodeArray::read(groups) {
        return Ok(Some(RowGroups::Integers(codes)));
    }
    macro_rules! floats {
        ($($t:ty),*) => {$(
            if let Ok(a) = groups.extract::<PyReadonlyArray1<'_, $t>>() {
                return float_groups(py, &slice(&a)).map(Some);
            }
        )*};
    }
    floats!(f32, f64);
    Ok(None)
}

/// Groups from any sequence of labels.
fn groups_from_objects(py: Python<'_>, groups: &Bound<'_, PyAny>) -> PyResult<RowGroups<'static>> {
    if groups.is_instance_of::<PyString>() || groups.is_instance_of::<PyDict>() {
        return Err(servex_err(py, ErrorKind::InvalidDocument, "/groups", "groups must be a sequence of labels"));
    }
    let iter = groups
        .try_iter()
        .map_err(|_| servex_err(py, ErrorKind::InvalidDocument, "/groups", "groups must be a sequence of labels"))?;
    let mut labels = Vec::with_capacity(capacity_hint(groups));
    for (row, item) in iter.enumerate() {
        match label(&item?) {
            Some(l) => labels.push(l),
            None => return Err(bad_label(py, row)),
        }
    }
    Groups::from_labels(labels).map(RowGroups::Factorised).map_err(|e| to_py(py, &e))
}

/// NPS, CSAT or CES over `responses` (a 1-D numpy array read in place, or any flat
/// sequence), optionally split by `groups` (with `labels`: integer codes into them).
/// The optional float columns of SPEC 10 come as `weights`, `counts`, `weights_sq`.
#[pyfunction]
#[pyo3(signature = (name, responses, options, groups=None, labels=None, weights=None, counts=None, weights_sq=None))]
#[allow(clippy::too_many_arguments)]
pub fn scale_metric<'py>(
    py: Python<'py>,
    name: &str,
    responses: &Bound<'py, PyAny>,
    options: &Bound<'py, PyDict>,
    groups: Option<&Bound<'py, PyAny>>,
    labels: Option<&Bound<'py, PyAny>>,
    weights: Option<&Bound<'py, PyAny>>,
    counts: Option<&Bound<'py, PyAny>>,
    weights_sq: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    // The options are read by the core's JSON rules, before the columns.
    let options = Walker::new(name).value(options.as_any(), 1)?;
    let metric = ScaleMetric::from_options(name, &options).map_err(|e| to_py(py, &e))?;
    let inputs = Inputs { responses, groups, labels, weights, counts, weights_sq };
    Ok(inputs.apply(py, &metric)??.into_bound(py))
}

/// The columns of a scale metric or a tally as Python passed them.
pub struct Inputs<'a, 'py> {
    pub responses: &'a Bound<'py, PyAny>,
    pub groups: Option<&'a Bound<'py, PyAny>>,
    pub labels: Option<&'a Bound<'py, PyAny>>,
    pub weights: Option<&'a Bound<'py, PyAny>>,
    pub counts: Option<&'a Bound<'py, PyAny>>,
    pub weights_sq: Option<&'a Bound<'py, PyAny>>,
}

/// What is done with the columns once read: a metric run (its result written as
/// Python objects) or a [`Tally`] built.
pub trait Action: Sync {
    type Out: Send;

    fn apply<T: Response>(
        &self,
        values: &[T],
        groups: Option<Split<'_>>,
        columns: RowWeights<'_>,
    ) -> Result<Self::Out, Error>;
}

impl Action for ScaleMetric {
    type Out = Written;

    fn apply<T: Response>(
        &self,
        values: &[T],
        groups: Option<Split<'_>>,
        columns: RowWeights<'_>,
    ) -> Result<Written, Error> {
        self.run_with::<PyObjects, _>(values, groups, columns)
    }
}

/// The [`Action`] that builds a [`Tally`].
pub struct Tallying;

impl Action for Tallying {
    type Out = Tally;

    fn apply<T: Response>(
        &self,
        values: &[T],
        groups: Option<Split<'_>>,
        columns: RowWeights<'_>,
    ) -> Result<Tally, Error> {
        Tally::new(values, groups, columns)
    }
}

impl<'a, 'py> Inputs<'a, 'py> {
    /// Reads the columns (group labels and the float columns) and applies `action`
    /// to them with the GIL released.
    pub fn apply<A: Action>(&self, py: Python<'py>, action: &A) -> PyResult<A::Out> {
        let Inputs { responses, groups, labels, weights, counts, weights_sq } = *self;
        if let Ok(array) = responses.cast::<PyUntypedArray>() {
            if array.ndim() != 1 {
                return Err(not_flat(py));
            }
        }
        let row_groups = match groups {
            None => None,
            Some(g) => Some(match labels {
                Some(labels) => match CodeArray::read(g) {
                    Some(codes) => groups_from_codes(py, codes, labels)?,
                    None => {
                        let message = "group codes must be a 1-D integer array";
                        return Err(servex_err(py, ErrorKind::InvalidDocument, "/groups", message));
                    }
                },
                None => match groups_from_numbers(py, g)? {
                    Some(groups) => groups,
                    None => groups_from_objects(py, g)?,
                },
            }),
        };
        let read = |column: Option<&'a Bound<'py, PyAny>>, name| column.map(|c| float_column(c, name)).transpose();
        let (weights, counts, weights_sq) =
            (read(weights, "weights")?, read(counts, "counts")?, read(weights_sq, "weights_sq")?);
        let (weights, counts, weights_sq) = (
            weights.as_ref().map(|c| c.values()),
            counts.as_ref().map(|c| c.values()),
            weights_sq.as_ref().map(|c| c.values()),
        );
        let columns =
            RowWeights { weights: weights.as_deref(), counts: counts.as_deref(), weights_sq: weights_sq.as_deref() };
        run_groups(py, action, responses, row_groups, columns)
    }
}

/// Runs the metric with the groups as read.
fn run_groups<A: Action>(
    py: Python<'_>,
    action: &A,
    responses: &Bound<'_, PyAny>,
    row_groups: Option<RowGroups<'_>>,
    columns: RowWeights<'_>,
) -> PyResult<A::Out> {
    let run = |split: Option<Split<'_>>| run_metric(py, action, responses, split, columns);
    match row_groups {
        None => run(None),
        Some(RowGroups::Factorised(g)) => run(Some(Split::Groups(&g))),
        Some(RowGroups::Whole(labels)) => run(Some(Split::Integers(Codes::I64(&labels)))),
        Some(RowGroups::Coded(array, labels)) => array.with(|codes| run(Some(Split::Coded(codes, &labels)))),
        Some(RowGroups::Integers(array)) => array.with(|codes| run(Some(Split::Integers(codes)))),
    }
}

/// Runs the metric on `responses` (read in place when a numeric array) with the GIL
/// released; the core checks the group codes as it counts.
fn run_metric<A: Action>(
    py: Python<'_>,
    action: &A,
    responses: &Bound<'_, PyAny>,
    groups: Option<Split<'_>>,
    columns: RowWeights<'_>,
) -> PyResult<A::Out> {
    with_numeric_array!(responses, |values| {
        let values: &[_] = &values;
        run_detached(py, || action.apply(values, groups, columns))
    }, else {
        let values = objects_to_f64(py, responses)?;
        run_detached(py, || action.apply(&values, groups, columns))
    })
}
