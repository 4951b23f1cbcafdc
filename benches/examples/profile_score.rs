//! Scores the sample organisation in a loop, for a profiler: `perf record` on
//! `profile_score json 20000` (from JSON text) or `profile_score typed 20000`.
fn main() {
    let mut args = std::env::args().skip(1);
    let from_json = args.next().as_deref() == Some("json");
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(20_000);
    let card = servex::sample::sample_scorecard();
    let mut total = 0.0;
    for _ in 0..n {
        let report = if from_json {
            servex::score(&servex::Scorecard::from_json_str(servex::sample::SAMPLE_JSON).expect("parses"))
        } else {
            servex::score(&card)
        };
        total += report.expect("scores").score.unwrap_or(0.0);
    }
    println!("{total}");
}
