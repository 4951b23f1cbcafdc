//! Scores the sample organisation in a loop, for a profiler (`perf record`).
fn main() {
    let card = servex::sample::sample_scorecard();
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(20_000);
    let mut total = 0.0;
    for _ in 0..n {
        total += servex::score(&card).expect("scores").score.unwrap_or(0.0);
    }
    println!("{total}");
}
