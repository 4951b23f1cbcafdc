//! Plain-text tables with aligned columns, for the human-readable `demo` summary.

/// How a column's cells line up.
#[derive(Clone, Copy)]
pub enum Align {
    /// Text: flush left.
    Left,
    /// Numbers: flush right, so that the decimal points line up.
    Right,
}

/// A table of text cells, rendered with every column as wide as its widest cell.
pub struct Table {
    aligns: Vec<Align>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// A table whose first row is `headers`, one alignment per column.
    pub fn new(headers: &[(&str, Align)]) -> Table {
        Table {
            aligns: headers.iter().map(|(_, a)| *a).collect(),
            rows: vec![headers.iter().map(|(h, _)| h.to_string()).collect()],
        }
    }

    /// Adds a row; missing cells are blank and extra cells are ignored.
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// The table as lines, each starting with `indent`, trailing blanks trimmed.
    pub fn render(&self, indent: &str) -> String {
        let widths: Vec<usize> = (0..self.aligns.len())
            .map(|c| self.rows.iter().map(|r| r.get(c).map_or(0, |s| s.chars().count())).max().unwrap_or(0))
            .collect();
        let mut out = String::new();
        for row in &self.rows {
            let mut line = indent.to_string();
            for (c, (align, width)) in self.aligns.iter().zip(&widths).enumerate() {
                let cell = row.get(c).map_or("", String::as_str);
                if c > 0 {
                    line.push_str("  ");
                }
                match align {
                    Align::Left => line.push_str(&format!("{cell:<width$}")),
                    Align::Right => line.push_str(&format!("{cell:>width$}")),
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_line_up() {
        let mut t = Table::new(&[("Name", Align::Left), ("Score", Align::Right)]);
        t.row(vec!["a".into(), "5.0%".into()]);
        t.row(vec!["longer".into(), "100.0%".into()]);
        assert_eq!(t.render("  "), "  Name     Score\n  a         5.0%\n  longer  100.0%\n");
    }
}
