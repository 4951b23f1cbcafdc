//! Scores in a loop, for a profiler: `perf record` on `profile_score json 20000` (the
//! sample from JSON text), `profile_score typed 20000` (the typed sample) or
//! `profile_score big 3` (a generated 1,000,000-indicator document); `write-big` prints
//! that document as JSON (`write-big 10000` a smaller one); `call-text FILE 20` times what
//! the WebAssembly module does with a document's text (parse, `call_text("score")`) and
//! prints the median in ms, to compare with `benches/js/score.mjs`.
fn main() {
    let mut args = std::env::args().skip(1);
    let mode = args.next().unwrap_or_default();
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(20_000);
    if mode == "write-big" {
        // The generated document as JSON text on stdout, to measure the command line on it.
        let size = std::env::args().nth(2).and_then(|a| a.parse().ok()).unwrap_or(1_000_000);
        println!("{}", servex_benches::scorecard(size, 5).to_json());
        return;
    }
    if mode == "call-text" {
        let path = std::env::args().nth(2).expect("call-text FILE [REPS]");
        let reps: usize = std::env::args().nth(3).and_then(|a| a.parse().ok()).unwrap_or(20);
        let text = std::fs::read_to_string(path).expect("the document");
        let mut times: Vec<f64> = (0..reps)
            .map(|_| {
                let t = std::time::Instant::now();
                let value = servex::json::parse(&text).expect("JSON");
                std::hint::black_box(servex::call_text("score", &value).expect("scores"));
                t.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        times.sort_by(f64::total_cmp);
        println!("call_text_score_ms {:.2}", times[reps / 2]);
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
        let score = if from_json {
            let parsed = servex::Scorecard::from_json_str(servex::sample::SAMPLE_JSON).expect("parses");
            servex::score(&parsed).expect("scores").score
        } else {
            servex::score(&card).expect("scores").score
        };
        total += score.unwrap_or(0.0);
    }
    println!("{total}");
}
