//! Scoring whole scorecards: the sample organisation from JSON text and from the typed
//! document, and generated documents of 10,000 and 1,000,000 indicators.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use servex::sample::{sample_scorecard, SAMPLE_JSON};
use servex::{score, Scorecard};
use servex_benches::scorecard;

fn sample(c: &mut Criterion) {
    let mut g = c.benchmark_group("sample organisation");
    g.bench_function("score from JSON text", |b| {
        // The report borrows from the document: both are dropped inside the timed call.
        b.iter(|| {
            let card = Scorecard::from_json_str(SAMPLE_JSON).expect("parses");
            black_box(score(&card).expect("scores"));
        })
    });
    let card = sample_scorecard();
    g.bench_function("score typed document", |b| b.iter(|| score(&card).expect("scores")));
    g.finish();
}

fn generated(c: &mut Criterion) {
    let mut g = c.benchmark_group("generated documents");
    g.sample_size(10);
    for n in [10_000, 1_000_000] {
        let card = scorecard(n, 5);
        g.throughput(Throughput::Elements(n as u64));
        g.bench_function(format!("score {n} indicators"), |b| b.iter(|| score(&card).expect("scores")));
    }
    g.finish();
}

criterion_group!(benches, sample, generated);
criterion_main!(benches);
