//! Grouped NPS over 10 million answers in 1,000 groups, unweighted, with design
//! weights, and finished from a tally handed in (the 1,000 x 11 cells a database
//! would return), timed in one run and read as ratios (SPEC 10). Every variant goes
//! through `ScaleMetric::run`, as the fronts call it. Medians of nine.
//!
//! `cargo run --release -p servex-benches --example survey_kernel [ROWS] [GROUPS]`

use serde_json::json;
use servex::metrics::{Codes, GroupLabel, Groups, RowWeights, ScaleMetric, Split, Tally};
use servex_benches::{answers_u8, design_weights, group_codes, median_seconds};

fn main() {
    let mut args = std::env::args().skip(1).map(|s| s.parse::<usize>().ok());
    let rows = args.next().flatten().unwrap_or(10_000_000);
    let groups = args.next().flatten().unwrap_or(1_000) as u32;
    let codes = group_codes(rows, groups, 7);
    let values = answers_u8(rows, 10, 1);
    let weights = design_weights(rows, 3);
    let labels: Vec<GroupLabel> = (0..i64::from(groups)).map(GroupLabel::Int).collect();
    let built = Groups::from_codes(&codes, labels).expect("codes");
    let metric = ScaleMetric::from_options("nps", &json!({})).expect("options");
    let reps = 9;
    let count = |v: Result<serde_json::Value, servex::Error>| v.map(|v| v["groups"].as_array().map_or(0, Vec::len));
    let unweighted = median_seconds(
        || count(metric.run(&values, Some(Split::Groups(&built)), RowWeights::default())).unwrap_or(0),
        reps,
    );
    let columns = RowWeights { weights: Some(&weights), ..RowWeights::default() };
    let weighted =
        median_seconds(|| count(metric.run(&values, Some(Split::Groups(&built)), columns)).unwrap_or(0), reps);
    // The tally a database would hand over: one row per group and answer.
    let tally = Tally::new(&values, Some(Split::Integers(Codes::U32(&codes))), columns).expect("tally");
    let cells: Vec<_> = tally.rows().collect();
    let t_groups: Vec<i64> = cells
        .iter()
        .map(|c| match c.0 {
            Some(GroupLabel::Int(i)) => *i,
            _ => -1,
        })
        .collect();
    let t_values: Vec<f64> = cells.iter().map(|c| c.1).collect();
    let t_counts: Vec<f64> = cells.iter().map(|c| c.2.n as f64).collect();
    let t_w: Vec<f64> = cells.iter().map(|c| c.2.w).collect();
    let t_q: Vec<f64> = cells.iter().map(|c| c.2.q).collect();
    let tally_columns = RowWeights { weights: Some(&t_w), counts: Some(&t_counts), weights_sq: Some(&t_q) };
    let from_tally = median_seconds(
        || count(metric.run(&t_values, Some(Split::Integers(Codes::I64(&t_groups))), tally_columns)).unwrap_or(0),
        reps,
    );
    let public_tally = median_seconds(
        || Tally::new(&values, Some(Split::Groups(&built)), columns).map(|t| t.rows().count()).unwrap_or(0),
        3,
    );
    let floor = median_seconds(
        || weights.iter().filter(|&&w| w > 0.0).count() + values.iter().filter(|&&v| v > 3).count(),
        reps,
    );
    let per = |t: f64| t * 1e9 / rows as f64;
    println!("floor_read_weights_and_answers_ns {:.3}", per(floor));
    println!("rows {rows}, groups {groups}, tally cells {}, median of {reps}:", cells.len());
    println!("nps_grouped_unweighted_ns_per_answer {:.3}", per(unweighted));
    println!("nps_grouped_weighted_ns_per_answer {:.3}", per(weighted));
    println!("weighted_over_unweighted {:.2}", weighted / unweighted);
    println!("nps_from_tally_ms {:.3}", from_tally * 1e3);
    println!("tally_finish_over_unweighted_pass {:.4}", from_tally / unweighted);
    println!("public_tally_new_weighted_ns_per_answer {:.3} (median of 3)", per(public_tally));
}
