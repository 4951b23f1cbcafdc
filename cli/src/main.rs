//! `servex`, the command line of the servex library.
//!
//! It is deliberately thin: every command reads JSON, hands it to the library's one
//! entry point [`servex::call`] (or [`servex::score`] for the demo) and prints what
//! comes back. No scoring happens here, so the command line can never disagree with
//! the Rust, Python and JavaScript fronts, and new library calls work unchanged.
//!
//! Exit status: 0 on success (the result JSON on stdout); 1 when the command could
//! not run at all (bad usage, a missing or unreadable file, text that is not UTF-8;
//! a sentence on stderr); 2 when servex refused the input (SPEC 8: the error as JSON
//! `{"error": {kind, message, path}}` on stderr). Usage errors use 1, not clap's
//! customary 2, so that status 2 always means "machine-readable error on stderr".

mod demo;
mod input;
mod output;
mod report;
mod table;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use serde_json::{json, Value};

use crate::input::Source;
use crate::output::Failure;

/// Score service excellence (ISO 23592 balanced scorecards) and customer metrics.
///
/// Every command prints its result as JSON on stdout. On failure servex prints
/// {"error": {"kind", "message", "path"}} on stderr and exits with status 2; a file
/// that cannot be read exits with status 1.
#[derive(Parser)]
#[command(name = "servex", version, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Score a scorecard document (JSON) into a report: perspectives, elements, pyramid, gaps.
    Score(InputArg),
    /// Score many units (branches, sites, teams) on one template: {"scorecard", "units"} (SPEC 12.1).
    #[command(name = "score-units", alias = "score_units")]
    ScoreUnits(InputArg),
    /// Print a framework with its defaults filled in (the built-in ISO 23592 one by default).
    Catalogue(CatalogueArgs),
    /// Net Promoter Score with a confidence interval, from {"responses": [0..10, ...], ...};
    /// also "weights", "counts", "weights_sq", "groups", "compare", "adjust".
    Nps(ScaleArgs),
    /// Customer satisfaction (top-box share) with a Wilson interval, from {"responses": [...], ...}.
    Csat(ScaleArgs),
    /// Customer effort score: mean with its interval, agree, disagree and net, from {"responses": [...], ...}.
    Ces(ScaleArgs),
    /// SERVQUAL gaps (perceptions minus expectations), from {"expectations", "perceptions", ...}.
    Servqual(InputArg),
    /// Kano categories of attributes, from {"functional", "dysfunctional", ...} answers.
    Kano(InputArg),
    /// Score a scorecard document and draw it: a self-contained HTML report, or one chart as SVG.
    Report(ReportArgs),
    /// Score many units ({"scorecard", "units"}) and draw them: an HTML report, or the overview as SVG.
    #[command(name = "report-units", alias = "report_units")]
    ReportUnits(ReportUnitsArgs),
    /// Score the bundled sample organisation (Acme Home Care) and print a readable summary.
    Demo(DemoArgs),
}

/// A JSON input: the document for `score`, the keyword arguments for a metric.
#[derive(Args)]
struct InputArg {
    /// JSON file to read, or `-` for standard input.
    #[arg(value_name = "FILE|-")]
    input: PathBuf,
}

/// The keyword arguments of a scale metric, and how to show its result.
#[derive(Args)]
struct ScaleArgs {
    /// JSON file of the keyword arguments, or `-` for standard input.
    #[arg(value_name = "FILE|-")]
    input: PathBuf,
    /// Print a chart (SVG) instead of JSON: `forest` (the default) draws the comparison
    /// between groups (the input needs "groups" and "compare"), `funnel` the funnel
    /// (the input needs "groups" and "funnel").
    #[arg(long, value_name = "CHART", num_args = 0..=1, default_missing_value = "forest",
          value_parser = ["forest", "funnel"])]
    svg: Option<String>,
}

#[derive(Args)]
struct CatalogueArgs {
    /// Id of a built-in framework, e.g. iso23592:2021.
    #[arg(long, value_name = "ID", conflicts_with = "input")]
    framework: Option<String>,
    /// JSON file (or `-` for standard input) holding {"framework": ID or framework object},
    /// to check a custom framework and see it with defaults filled in.
    #[arg(value_name = "FILE|-")]
    input: Option<PathBuf>,
}

#[derive(Args)]
struct ReportArgs {
    /// Scorecard document (JSON) to score and draw, or `-` for standard input.
    #[arg(value_name = "FILE|-")]
    input: PathBuf,
    /// Draw one chart as SVG instead of the HTML report: radar, pyramid or perspectives.
    #[arg(long, value_name = "CHART", value_parser = report::parse_chart)]
    svg: Option<servex::report::render::Chart>,
    /// File to write; standard output when absent.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
}

#[derive(Args)]
struct ReportUnitsArgs {
    /// The units and their template ({"scorecard", "units"}, JSON), or `-` for standard input.
    #[arg(value_name = "FILE|-")]
    input: PathBuf,
    /// Draw the units overview (scores and levels) as SVG instead of the HTML report.
    #[arg(long)]
    svg: bool,
    /// File to write; standard output when absent.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
}

#[derive(Args)]
struct DemoArgs {
    /// Print the full report as JSON instead of the summary.
    #[arg(long, conflicts_with_all = ["document", "html"])]
    json: bool,
    /// Print the sample scorecard document itself, a starting point for your own.
    #[arg(long, conflicts_with = "html")]
    document: bool,
    /// Write the sample's HTML report (charts included) to OUT, or `-` for standard output.
    #[arg(long, value_name = "OUT")]
    html: Option<PathBuf>,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version are not failures; clap knows which is which.
            let code = if e.use_stderr() { 1 } else { 0 };
            // If even that cannot be printed there is nobody left to tell.
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match run(cli.command) {
        Ok(Some(text)) => output::print_stdout(&text),
        Ok(None) => std::process::ExitCode::SUCCESS,
        Err(failure) => output::report_failure(&failure),
    }
}

/// Runs one command and returns the text for stdout (`None` when it wrote a file).
fn run(command: Command) -> Result<Option<String>, Failure> {
    let (name, arg) = match command {
        Command::Score(arg) => return score(&Source::from_arg(&arg.input)).map(Some),
        Command::ScoreUnits(arg) => ("score_units", arg),
        Command::Nps(args) => return scale("nps", &args).map(Some),
        Command::Csat(args) => return scale("csat", &args).map(Some),
        Command::Ces(args) => return scale("ces", &args).map(Some),
        Command::Servqual(arg) => ("servqual", arg),
        Command::Kano(arg) => ("kano", arg),
        Command::Catalogue(args) => return catalogue(args).map(Some),
        Command::Demo(DemoArgs { html: Some(out), .. }) => return report::demo(&out),
        Command::Demo(args) => return demo::run(args.json, args.document).map(Some),
        Command::Report(args) => return report::run(&args.input, args.svg, args.output.as_deref()),
        Command::ReportUnits(args) => return report::units(&args.input, args.svg, args.output.as_deref()),
    };
    let input = input::read_json(&Source::from_arg(&arg.input))?;
    call(name, &input).map(Some)
}

/// `score` reads the text straight into the typed document and writes the typed report:
/// no intermediate JSON trees, which a million-indicator document would feel. The text
/// is dropped once read, since the report borrows from the document until it is written.
fn score(source: &Source) -> Result<String, Failure> {
    let card = servex::Scorecard::from_json_str(&input::read_text(source)?).map_err(Failure::Servex)?;
    output::pretty(&servex::score(&card).map_err(Failure::Servex)?)
}

/// `catalogue` takes `{framework}` like every front; the flag is shorthand for an id.
fn catalogue(args: CatalogueArgs) -> Result<String, Failure> {
    let input = match (args.framework, args.input) {
        (Some(id), _) => json!({ "framework": id }),
        (None, Some(path)) => input::read_json(&Source::from_arg(&path))?,
        (None, None) => json!({}),
    };
    call("catalogue", &input)
}

/// A scale metric: its JSON result, or with `--svg` the forest plot of its comparison
/// or (`--svg funnel`) its funnel plot.
fn scale(name: &str, args: &ScaleArgs) -> Result<String, Failure> {
    let input = input::read_json(&Source::from_arg(&args.input))?;
    let Some(chart) = &args.svg else {
        return call(name, &input);
    };
    let result = servex::call(name, &input).map_err(Failure::Servex)?;
    let drawn = match chart.as_str() {
        "funnel" => servex::report::render::funnel(&result),
        _ => servex::report::render::comparison(&result),
    };
    drawn.map_err(Failure::Servex)
}

fn call(name: &str, input: &Value) -> Result<String, Failure> {
    servex::call_with::<output::Pretty>(name, input).map_err(Failure::Servex)
}
