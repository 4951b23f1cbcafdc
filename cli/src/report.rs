//! `servex report`, `servex report-units` and `servex demo --html`: the library draws, the command line only
//! reads the document and writes the text where it was asked to.

use std::path::Path;

use servex::render::{self, Chart};
use servex::sample::sample_scorecard;
use servex::Scorecard;

use crate::input::{self, Source};
use crate::output::Failure;

/// Reads a `--svg` chart name; an unknown one is a usage error (exit status 1).
pub fn parse_chart(name: &str) -> Result<Chart, String> {
    name.parse::<Chart>().map_err(|e| e.message().to_string())
}

/// Scores the document at `input` and renders it: the HTML report, or one chart.
/// Returns the text for stdout, or `None` once it has been written to `output` (`-` is
/// standard output too).
pub fn run(input: &Path, chart: Option<Chart>, output: Option<&Path>) -> Result<Option<String>, Failure> {
    let json = input::read_json(&Source::from_arg(input))?;
    let document = Scorecard::from_json(&json).map_err(Failure::Servex)?;
    let report = servex::score(&document).map_err(Failure::Servex)?;
    let text = match chart {
        Some(chart) => render::svg(&report, chart),
        None => render::html(&report, Some(&document)),
    };
    deliver(text, output.filter(|p| p.as_os_str() != "-"))
}

/// Scores the units at `input` and renders them: the HTML report, or (`svg`) the
/// units overview; delivered as [`run`] does.
pub fn units(input: &Path, svg: bool, output: Option<&Path>) -> Result<Option<String>, Failure> {
    let json = input::read_json(&Source::from_arg(input))?;
    let result = servex::call("score_units", &json).map_err(Failure::Servex)?;
    let text = if svg { render::units(&result) } else { render::units_html(&result) }.map_err(Failure::Servex)?;
    deliver(text, output.filter(|p| p.as_os_str() != "-"))
}

/// `demo --html OUT`: the sample organisation's HTML report.
pub fn demo(output: &Path) -> Result<Option<String>, Failure> {
    let document = sample_scorecard();
    let report = servex::score(&document).map_err(Failure::Servex)?;
    let output = Some(output).filter(|p| p.as_os_str() != "-");
    deliver(render::html(&report, Some(&document)), output)
}

/// Writes `text` to the file, or hands it back for stdout (which adds the final
/// newline, so the bytes are the same either way).
fn deliver(text: String, output: Option<&Path>) -> Result<Option<String>, Failure> {
    match output {
        None => Ok(Some(text.strip_suffix('\n').unwrap_or(&text).to_string())),
        Some(path) => std::fs::write(path, text.as_bytes())
            .map(|()| None)
            .map_err(|e| Failure::Io(format!("cannot write {}: {e}", path.display()))),
    }
}
