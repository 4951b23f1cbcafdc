//! `servex`, the command line of the servex library.
//!
//! It is deliberately thin: every command reads JSON, hands it to the library's one
//! entry point [`servex::call`] (or [`servex::score`] for the demo) and prints what
//! comes back. No scoring happens here, so the command line can never disagree with
//! the Rust, Python and JavaScript fronts, and new library calls work unchanged.
//!
//! `nps`, `csat` and `ces` also read CSV and Parquet files (by extension): the file's
//! columns are tallied batch by batch ([`files`]) and the tally finished by the library,
//! which gives the bits the same columns give in a JSON document.
//!
//! Exit status: 0 on success (the result JSON on stdout); 1 when the command could
//! not run at all (bad usage, a missing or unreadable file, text that is not UTF-8;
//! a sentence on stderr); 2 when servex refused the input (SPEC 8: the error as JSON
//! `{"error": {kind, message, path}}` on stderr). Usage errors use 1, not clap's
//! customary 2, so that status 2 always means "machine-readable error on stderr".

mod demo;
mod files;
mod input;
mod metric_table;
mod output;
mod report;
mod table;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use serde_json::{json, Map, Value};
use servex::metrics::{GroupLabel, ScaleMetric, Tally};

use crate::files::keys::label_text;
use crate::files::{Columns, Format};
use crate::input::Source;
use crate::output::Failure;

/// Score service excellence (ISO 23592 balanced scorecards) and customer metrics.
///
/// Every command prints its result as JSON on stdout. On failure servex prints
/// {"error": {"kind", "message", "path"}} on stderr and exits with status 2; a file
/// that cannot be read exits with status 1.
///
/// nps, csat and ces also read the columns of a CSV or Parquet file, streamed:
/// `servex nps answers.parquet --response score --by region --weight w`; several --by
/// columns group by their combination, labelled with the values joined by " / ".
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
    /// Net Promoter Score with a confidence interval, from {"responses": [0..10, ...], ...}
    /// (also "weights", "counts", "weights_sq", "groups", "compare", "adjust"), or from a
    /// CSV or Parquet file's columns.
    Nps(NpsArgs),
    /// Customer satisfaction (top-box share) with a Wilson interval, from {"responses": [...], ...}
    /// or a CSV or Parquet file's columns.
    Csat(CsatArgs),
    /// Customer effort score: mean with its interval, agree, disagree and net, from
    /// {"responses": [...], ...} or a CSV or Parquet file's columns.
    Ces(CesArgs),
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

/// The input of a scale metric, and how to show its result.
#[derive(Args)]
struct ScaleArgs {
    /// JSON file of the keyword arguments, or `-` for standard input; or a `.csv` or
    /// `.parquet` file, whose columns --response, --by and --weight name.
    #[arg(value_name = "FILE|-")]
    input: PathBuf,
    /// Print a chart (SVG) instead of JSON: `forest` (the default) draws the comparison
    /// between groups (the input needs "groups" and "compare"), `funnel` the funnel
    /// (the input needs "groups" and "funnel").
    #[arg(long, value_name = "CHART", num_args = 0..=1, default_missing_value = "forest",
          value_parser = ["forest", "funnel"])]
    svg: Option<String>,
    /// Print the result as a readable table instead of JSON.
    #[arg(long, conflicts_with = "svg")]
    table: bool,
    #[command(flatten)]
    file: FileArgs,
}

/// A CSV or Parquet file's columns and the options a JSON document would hold.
#[derive(Args)]
#[command(next_help_heading = "CSV and Parquet files")]
struct FileArgs {
    /// The column of the answers (required for a file).
    #[arg(long, value_name = "COLUMN")]
    response: Option<String>,
    /// A column whose values split the answers into groups; repeat it to group by the
    /// combination of several (the label is their values joined by " / ").
    #[arg(long, value_name = "COLUMN")]
    by: Vec<String>,
    /// The column of the answers' design weights.
    #[arg(long, value_name = "COLUMN")]
    weight: Option<String>,
    /// The confidence of the intervals (default 0.95).
    #[arg(long, value_name = "LEVEL")]
    confidence: Option<f64>,
    /// What to do with an answer that is missing, not a number or off the scale (default
    /// error).
    #[arg(long, value_name = "HOW", value_parser = ["error", "skip"])]
    invalid: Option<String>,
    /// Compare each group with the first, the previous or all the others pooled.
    #[arg(long, value_name = "WITH", value_parser = ["first", "previous", "rest"])]
    compare: Option<String>,
    /// Compare each group with the group of this label (as printed in the result).
    #[arg(long, value_name = "GROUP", conflicts_with = "compare")]
    compare_with: Option<String>,
    /// The correction of the comparisons' p-values for their number (default holm).
    #[arg(long, value_name = "HOW", value_parser = ["holm", "bh", "none"])]
    adjust: Option<String>,
    /// Set every group against a common target with funnel limits.
    #[arg(long)]
    funnel: bool,
    /// The funnel's target (default: the pooled estimate of all groups); implies --funnel.
    #[arg(long, value_name = "TARGET")]
    funnel_target: Option<f64>,
    /// Widen the funnel's limits for overdispersion; implies --funnel.
    #[arg(long)]
    overdispersion: bool,
}

#[derive(Args)]
struct NpsArgs {
    #[command(flatten)]
    scale: ScaleArgs,
    /// The interval's method (default adjusted_wald).
    #[arg(long, value_name = "METHOD", value_parser = ["wald", "adjusted_wald"], help_heading = "CSV and Parquet files")]
    method: Option<String>,
}

#[derive(Args)]
struct CsatArgs {
    #[command(flatten)]
    scale: ScaleArgs,
    /// The scale's top answer, answers being 1..SCALE (default 5).
    #[arg(long = "scale", value_name = "SCALE", help_heading = "CSV and Parquet files")]
    scale_max: Option<u32>,
    /// How many answers from the top count as satisfied (default 2).
    #[arg(long, value_name = "TOP", help_heading = "CSV and Parquet files")]
    top: Option<u32>,
}

#[derive(Args)]
struct CesArgs {
    #[command(flatten)]
    scale: ScaleArgs,
    /// The scale's top answer, answers being 1..SCALE (default 7).
    #[arg(long = "scale", value_name = "SCALE", help_heading = "CSV and Parquet files")]
    scale_max: Option<u32>,
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
    svg: Option<servex::render::Chart>,
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
        Command::Nps(a) => return scale("nps", &a.scale, [("method", a.method.map(Value::from))]).map(Some),
        Command::Csat(a) => {
            let own = [("scale", a.scale_max.map(Value::from)), ("top", a.top.map(Value::from))];
            return scale("csat", &a.scale, own).map(Some);
        }
        Command::Ces(a) => return scale("ces", &a.scale, [("scale", a.scale_max.map(Value::from))]).map(Some),
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

/// A scale metric on a JSON document or a file's columns (`own`: the options of this
/// metric alone), shown as JSON, a table or a chart.
fn scale<const N: usize>(name: &str, args: &ScaleArgs, own: [(&str, Option<Value>); N]) -> Result<String, Failure> {
    let mut options = args.file.options();
    options.extend(own.into_iter().filter_map(|(key, value)| Some((key.to_string(), value?))));
    let result = match Format::of(&args.input) {
        Some(format) => from_file(name, &args.input, format, &args.file, options)?,
        None if args.file.response.is_some()
            || !args.file.by.is_empty()
            || args.file.weight.is_some()
            || !options.is_empty() =>
        {
            let message = format!(
                "--response, --by, --weight and the metric's options read .csv and .parquet files; {} is read as a JSON document, which holds them itself",
                args.input.display()
            );
            return Err(Failure::Io(message));
        }
        None => servex::call(name, &input::read_json(&Source::from_arg(&args.input))?).map_err(Failure::Servex)?,
    };
    let drawn = match args.svg.as_deref() {
        Some("funnel") => servex::render::funnel(&result),
        Some(_) => servex::render::comparison(&result),
        None if args.table => return Ok(metric_table::render(name, &result)),
        None => return output::pretty(&result),
    };
    drawn.map_err(Failure::Servex)
}

/// A scale metric on the columns of a CSV or Parquet file. The options are checked
/// before the file is read; `--compare-with` is matched to a group once the labels are
/// known.
fn from_file(
    name: &str,
    path: &Path,
    format: Format,
    args: &FileArgs,
    mut options: Map<String, Value>,
) -> Result<Value, Failure> {
    let Some(response) = args.response.clone() else {
        return Err(Failure::Io(format!(
            "reading {} needs --response COLUMN, the column of the answers",
            path.display()
        )));
    };
    let metric = ScaleMetric::from_options(name, &Value::Object(options.clone())).map_err(Failure::Servex)?;
    let columns = Columns { response, by: args.by.clone(), weight: args.weight.clone() };
    let tally = files::tally(path, format, &columns)?;
    let metric = match &args.compare_with {
        Some(text) => {
            options.insert("compare".into(), json!({ "group": group_named(text, &tally) }));
            ScaleMetric::from_options(name, &Value::Object(options)).map_err(Failure::Servex)?
        }
        None => metric,
    };
    metric
        .finish_tally::<servex::AsValue>(&tally)
        .map_err(|e| files::explain(Failure::Servex(e), path, format, &columns))
}

/// The label of the group printed as `text` (text that names none is a label that the
/// library reports as unknown).
fn group_named(text: &str, tally: &Tally) -> GroupLabel {
    let found = tally.labels().iter().find(|label| label_text(label) == text);
    found.cloned().unwrap_or_else(|| GroupLabel::Str(text.to_string()))
}

impl FileArgs {
    /// The options as the JSON document's members.
    fn options(&self) -> Map<String, Value> {
        let mut options = Map::new();
        let mut set = |key: &str, value: Option<Value>| {
            if let Some(value) = value {
                options.insert(key.to_string(), value);
            }
        };
        set("confidence", self.confidence.map(Value::from));
        set("invalid", self.invalid.clone().map(Value::from));
        set("compare", self.compare.clone().map(Value::from));
        set("compare", self.compare_with.as_ref().map(|text| json!({ "group": text })));
        set("adjust", self.adjust.clone().map(Value::from));
        let funnel = match (self.funnel_target, self.overdispersion) {
            (None, false) => self.funnel.then_some(Value::Bool(true)),
            (target, overdispersion) => Some(json!({ "target": target, "overdispersion": overdispersion })),
        };
        set("funnel", funnel);
        options
    }
}

fn call(name: &str, input: &Value) -> Result<String, Failure> {
    servex::call_with::<output::Pretty>(name, input).map_err(Failure::Servex)
}
