//! Scores in a loop, for a profiler: `perf record` on `profile_score json 20000` (the
//! sample from JSON text), `profile_score typed 20000` (the typed sample) or
//! `profile_score big 3` (a generated 1,000,000-indicator document); `write-big` prints
//! that document as JSON.
fn main() {
    let mut args = std::env::args().skip(1);
    let mode = args.next().unwrap_or_default();
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(20_000);
    if mode == "write-big" {
        // The generated document as JSON text on stdout, to measure the command line on it.
        println!("{}", servex_benches::scorecard(1_000_000, 5).to_json());
        return;
    }
    if mode == "big" {
        let card = servex_benches::scorecard(1_000_000, 5);
        for _ in 0..n {
            std::hint::black_box(servex::score(&card).expect("scores"));
        }
        return;
    }
    let from_json = mode == "json";
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
