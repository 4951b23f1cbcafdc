//! Text for the charts and the page: escaping, percentages and coordinates, each
//! written one way so that the same report always gives the same bytes.

/// What a missing score reads as, in charts and tables alike (never `0`).
pub(crate) const NO_DATA: &str = "no data";

/// The dash a table shows for an absent value.
pub(crate) const DASH: &str = "\u{2013}";

/// Escapes text for XML and HTML content and for attribute values in double or single
/// quotes. Control characters that XML 1.0 forbids are dropped, so that any title a
/// user wrote still gives a well-formed document.
pub(crate) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// A fraction as a percentage with one decimal, e.g. `71.7%`; `None` for no value or a
/// value that is not finite. `-0.0%` is written `0.0%`.
pub(crate) fn pct_opt(fraction: Option<f64>) -> Option<String> {
    let f = fraction.filter(|f| f.is_finite())?;
    let percent = 100.0 * f;
    // Scores past 10,000 (`clamp: false`) in exponent form, not hundreds of digits;
    // near the largest double the percentage itself would overflow.
    if !percent.is_finite() {
        return Some(format!("{f:.2e} x 100%"));
    }
    if percent.abs() >= 1e6 {
        return Some(format!("{percent:.2e}%"));
    }
    let text = format!("{percent:.1}%");
    Some(if text == "-0.0%" { "0.0%".to_string() } else { text })
}

/// A fraction as a percentage, or [`NO_DATA`].
pub(crate) fn pct(fraction: Option<f64>) -> String {
    pct_opt(fraction).unwrap_or_else(|| NO_DATA.to_string())
}

/// A fraction as a percentage, or the table dash.
pub(crate) fn pct_cell(fraction: Option<f64>) -> String {
    pct_opt(fraction).unwrap_or_else(|| DASH.to_string())
}

/// An impact (a share of a score) as percentage points, e.g. `+6.25 pts`.
pub(crate) fn points(impact: f64) -> String {
    if !impact.is_finite() {
        return DASH.to_string();
    }
    let text = format!("{:+.2} pts", 100.0 * impact);
    if text == "-0.00 pts" {
        "+0.00 pts".to_string()
    } else {
        text
    }
}

/// A plain number as a person writes it: no needless `.0`, at most four decimals.
pub(crate) fn number(x: f64) -> String {
    if !x.is_finite() {
        return DASH.to_string();
    }
    if x.fract() == 0.0 && x.abs() < 1e15 {
        return coord_clean(format!("{x:.0}"));
    }
    let text = format!("{x:.4}");
    let text = text.trim_end_matches('0').trim_end_matches('.').to_string();
    coord_clean(text)
}

/// A coordinate with at most two decimals, trailing zeros dropped; 0 for a value
/// that is not finite.
pub(crate) fn coord(x: f64) -> String {
    if !x.is_finite() {
        return "0".to_string();
    }
    let text = format!("{x:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.').to_string();
    coord_clean(text)
}

fn coord_clean(text: String) -> String {
    if text == "-0" {
        "0".to_string()
    } else {
        text
    }
}

/// A finite score or `None`: charts treat a non-finite number as missing.
pub(crate) fn finite(x: Option<f64>) -> Option<f64> {
    x.filter(|v| v.is_finite())
}

/// The display name of a row: its title, else its id.
pub(crate) fn name<'a>(title: Option<&'a str>, id: &'a str) -> &'a str {
    match title {
        Some(t) if !t.trim().is_empty() => t,
        _ => id,
    }
}

/// Breaks `text` into at most `lines` lines of about `width` characters at spaces; the
/// last line ends in an ellipsis when the text does not fit.
pub(crate) fn wrap(text: &str, width: usize, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        if !current.is_empty() && current.chars().count() + 1 + word.chars().count() > width {
            out.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    if !current.is_empty() {
        out.push(current);
    }
    if out.len() > lines.max(1) {
        let rest = out.split_off(lines.max(1) - 1).join(" ");
        out.push(rest);
    }
    out.into_iter().map(|line| ellipsis(&line, width)).collect()
}

/// `text` cut to at most `width` characters, ending in an ellipsis when cut.
pub(crate) fn ellipsis(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let kept: String = text.chars().take(width.saturating_sub(1)).collect();
    format!("{}\u{2026}", kept.trim_end())
}

/// The JSON name of a status, outcome or direction (e.g. `below_satisfaction`), with
/// underscores as spaces, for a person.
pub(crate) fn word(value: &impl serde::Serialize) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s.replace('_', " "),
        _ => DASH.to_string(),
    }
}

/// A round axis reach at or above `x`: 1, 2 or 5 times a power of ten.
pub(crate) fn nice(x: f64) -> f64 {
    if !(x > 0.0 && x.is_finite()) {
        return 1.0;
    }
    let power = libm::pow(10.0, libm::floor(libm::log10(x)));
    [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * power).find(|&r| r >= x).unwrap_or(10.0 * power)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reaches_are_round() {
        assert_eq!(nice(0.0), 1.0);
        assert_eq!(nice(37.0), 50.0);
        assert_eq!(nice(104.5), 200.0);
        assert_eq!(nice(2.0), 2.0);
        assert_eq!(nice(0.3), 0.5);
    }

    #[test]
    fn escaping_keeps_markup_as_text() {
        assert_eq!(
            esc("<script>a & 'b' \"c\"</script>"),
            "&lt;script&gt;a &amp; &#39;b&#39; &quot;c&quot;&lt;/script&gt;"
        );
        assert_eq!(esc("bell\u{7}tab\t"), "belltab\t");
    }

    #[test]
    fn numbers_are_written_one_way() {
        assert_eq!(pct(Some(0.7172911)), "71.7%");
        assert_eq!(pct(Some(-0.0001)), "0.0%");
        assert_eq!(pct(None), NO_DATA);
        assert_eq!(pct(Some(f64::NAN)), NO_DATA);
        assert_eq!(pct_cell(None), DASH);
        assert_eq!(points(0.0625), "+6.25 pts");
        assert_eq!(points(-0.0), "+0.00 pts");
        assert_eq!(number(2.0), "2");
        assert_eq!(number(0.5), "0.5");
        assert_eq!(number(1.0 / 3.0), "0.3333");
        assert_eq!(coord(12.345), "12.35");
        assert_eq!(coord(-0.001), "0");
        assert_eq!(coord(f64::INFINITY), "0");
        assert_eq!(coord(150.0), "150");
    }

    #[test]
    fn long_labels_wrap_and_end_in_an_ellipsis() {
        assert_eq!(
            wrap("Surprisingly excellent service provision", 24, 2),
            ["Surprisingly excellent", "service provision"]
        );
        assert_eq!(wrap("a b c", 24, 2), ["a b c"]);
        assert_eq!(wrap("one two three four five six", 9, 2), ["one two", "three fo\u{2026}"]);
        assert_eq!(wrap("", 10, 2), Vec::<String>::new());
        assert_eq!(ellipsis("abcdef", 4), "abc\u{2026}");
        assert_eq!(ellipsis("abc", 0), "\u{2026}");
    }

    #[test]
    fn names_fall_back_to_ids() {
        assert_eq!(name(Some("Service"), "service"), "Service");
        assert_eq!(name(Some("  "), "service"), "service");
        assert_eq!(name(None, "service"), "service");
    }
}
