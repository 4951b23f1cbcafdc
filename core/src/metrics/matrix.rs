//! Row-major respondents x items matrices, and the shape check shared by SERVQUAL
//! and Kano (also used by the JSON front on ragged nested arrays).

use crate::error::{err, pointer, Error, ErrorKind};

/// A borrowed row-major matrix: one row per respondent, one column per item.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Matrix<'a, T> {
    values: &'a [T],
    rows: usize,
    columns: usize,
}

impl<'a, T> Matrix<'a, T> {
    /// Wraps `values` (row after row) as `rows` x `columns`.
    ///
    /// # Errors
    /// `invalid_document` at `""` when `values.len()` is not `rows * columns`.
    pub fn new(values: &'a [T], rows: usize, columns: usize) -> Result<Self, Error> {
        if rows.checked_mul(columns) != Some(values.len()) {
            return err(
                ErrorKind::InvalidDocument,
                "",
                format!("{} values do not make a {rows} x {columns} matrix", values.len()),
            );
        }
        Ok(Matrix { values, rows, columns })
    }

    /// A single column (one value per respondent).
    pub fn column(values: &'a [T]) -> Self {
        Matrix { values, rows: values.len(), columns: 1 }
    }

    /// The number of rows (respondents).
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// The number of columns (items or attributes).
    pub fn columns(&self) -> usize {
        self.columns
    }

    /// The values, row after row.
    pub fn values(&self) -> &'a [T] {
        self.values
    }

    /// Row `r`, if there is one.
    pub fn row(&self, r: usize) -> Option<&'a [T]> {
        if self.columns == 0 {
            return (r < self.rows).then_some(&[][..]);
        }
        let start = r.checked_mul(self.columns)?;
        self.values.get(start..start.checked_add(self.columns)?)
    }

    /// Every row, in order (as many empty ones as rows when there are no columns).
    pub fn iter_rows(&self) -> impl Iterator<Item = &'a [T]> + use<'a, T> {
        let (values, columns) = (self.values, self.columns);
        // `new` and `column` make `values` exactly `rows * columns` long.
        (0..self.rows).map(move |r| &values[r * columns..(r + 1) * columns])
    }
}

/// Checks that two matrices, given by their row widths, have the same shape; the width
/// is that of the first row of `a` (or of `b` when `a` has none). Returns (rows,
/// columns), or `invalid_document` at the first bad row, scanning row by row, `a`
/// first; a row present in only one matrix is the bad one.
pub(crate) fn same_shape(
    (a_name, a_widths): (&str, &[usize]),
    (b_name, b_widths): (&str, &[usize]),
) -> Result<(usize, usize), Error> {
    let width = a_widths.first().or_else(|| b_widths.first()).copied().unwrap_or(0);
    let rows = a_widths.len().max(b_widths.len());
    for r in 0..rows {
        for (name, widths) in [(a_name, a_widths), (b_name, b_widths)] {
            let bad = match widths.get(r) {
                Some(&w) if w != width => format!("row {r} has {w} items, row 0 has {width}"),
                Some(_) => continue,
                None => continue,
            };
            return err(ErrorKind::InvalidDocument, pointer(name, r), bad);
        }
        let missing_in = match (a_widths.get(r), b_widths.get(r)) {
            (Some(_), None) => Some((a_name, b_name)),
            (None, Some(_)) => Some((b_name, a_name)),
            _ => None,
        };
        if let Some((has, lacks)) = missing_in {
            return err(ErrorKind::InvalidDocument, pointer(has, r), format!("row {r} has no counterpart in {lacks}"));
        }
    }
    Ok((rows, width))
}

/// The row widths of a matrix (all equal), for [`same_shape`].
pub(crate) fn widths<T>(m: &Matrix<'_, T>) -> Vec<usize> {
    vec![m.columns; m.rows]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(r: Result<(usize, usize), Error>) -> String {
        r.err().map(|e| e.path().to_string()).unwrap_or_default()
    }

    #[test]
    fn matrices_check_their_size() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0];
        let m = Matrix::new(&v, 2, 3).ok();
        assert_eq!(m.and_then(|m| m.row(1)), Some(&v[3..]));
        assert_eq!(m.and_then(|m| m.row(2)), None);
        assert!(Matrix::new(&v, 4, 2).is_err());
        assert!(Matrix::new(&v, usize::MAX, 2).is_err());
        let empty: [f64; 0] = [];
        let m = Matrix::new(&empty, 3, 0).ok();
        assert_eq!(m.and_then(|m| m.row(2)).map(|r| r.len()), Some(0));
        assert_eq!(m.and_then(|m| m.row(3)), None);
        assert_eq!(Matrix::column(&v).rows(), 6);
        let rows: Vec<&[f64]> = Matrix::new(&v, 3, 2).map(|m| m.iter_rows().collect()).unwrap_or_default();
        assert_eq!(rows, [&v[..2], &v[2..4], &v[4..]]);
        assert_eq!(Matrix::new(&empty, 3, 0).map(|m| m.iter_rows().count()).ok(), Some(3));
    }

    #[test]
    fn first_bad_row_is_named() {
        assert_eq!(same_shape(("/e", &[2, 2]), ("/p", &[2, 2])).ok(), Some((2, 2)));
        assert_eq!(path(same_shape(("/e", &[2, 1]), ("/p", &[2, 2]))), "/e/1");
        assert_eq!(path(same_shape(("/e", &[2, 2]), ("/p", &[2, 3]))), "/p/1");
        assert_eq!(path(same_shape(("/e", &[2, 2, 2]), ("/p", &[2, 2]))), "/e/2");
        assert_eq!(path(same_shape(("/e", &[2]), ("/p", &[2, 2]))), "/p/1");
        assert_eq!(path(same_shape(("/e", &[]), ("/p", &[2]))), "/p/0");
        assert_eq!(same_shape(("/e", &[]), ("/p", &[])).ok(), Some((0, 0)));
    }
}
