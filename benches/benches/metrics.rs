//! The metric kernels on survey-sized columns: grouped NPS, CSAT and CES over 10
//! million answers in 1,000 groups (bytes with u32 codes, and doubles; NPS also with
//! design weights), Kano and
//! SERVQUAL over 100,000 respondents. Each group also times a plain sum over the
//! same bytes: the memory floor the kernels are read against.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use servex::metrics::{
    ces_grouped, csat_grouped, kano, nps_grouped, servqual, CesOptions, CsatOptions, GroupLabel, Groups, Matrix,
    NpsOptions, RowWeights, ScaleMetric, ServqualOptions, Split,
};
use servex_benches::{answers_f64, answers_u8, design_weights, group_codes, kano_matrix, servqual_matrix};

const ROWS: usize = 10_000_000;
const GROUPS: u32 = 1_000;
const RESPONDENTS: usize = 100_000;

fn grouped(c: &mut Criterion) {
    let codes = group_codes(ROWS, GROUPS, 7);
    let labels: Vec<GroupLabel> = (0..i64::from(GROUPS)).map(GroupLabel::Int).collect();
    let groups = Groups::from_codes(&codes, labels).expect("dense codes");
    let nps_u8 = answers_u8(ROWS, 10, 1);
    let nps_f64 = answers_f64(ROWS, 10, 1);
    let five = answers_u8(ROWS, 4, 2).into_iter().map(|v| v + 1).collect::<Vec<u8>>();
    let seven = answers_u8(ROWS, 6, 3).into_iter().map(|v| v + 1).collect::<Vec<u8>>();

    let mut g = c.benchmark_group("grouped 10M x 1000");
    g.throughput(Throughput::Elements(ROWS as u64));
    g.sample_size(10);
    g.bench_function("floor: sum of bytes", |b| b.iter(|| nps_u8.iter().map(|&v| u64::from(v)).sum::<u64>()));
    g.bench_function(BenchmarkId::new("nps", "u8"), |b| {
        b.iter(|| nps_grouped(&nps_u8, &groups, &NpsOptions::default()).expect("nps"))
    });
    g.bench_function(BenchmarkId::new("nps", "f64"), |b| {
        b.iter(|| nps_grouped(&nps_f64, &groups, &NpsOptions::default()).expect("nps"))
    });
    let weights = design_weights(ROWS, 3);
    let metric = ScaleMetric::from_options("nps", &serde_json::json!({})).expect("options");
    let columns = RowWeights { weights: Some(&weights), ..RowWeights::default() };
    g.bench_function(BenchmarkId::new("nps weighted", "u8"), |b| {
        b.iter(|| metric.run(&nps_u8, Some(Split::Groups(&groups)), columns).expect("nps"))
    });
    g.bench_function(BenchmarkId::new("csat", "u8"), |b| {
        b.iter(|| csat_grouped(&five, &groups, &CsatOptions::default()).expect("csat"))
    });
    g.bench_function(BenchmarkId::new("ces", "u8"), |b| {
        b.iter(|| ces_grouped(&seven, &groups, &CesOptions::default()).expect("ces"))
    });
    g.finish();
}

fn matrices(c: &mut Criterion) {
    let mut g = c.benchmark_group("100k respondents");
    g.throughput(Throughput::Elements(RESPONDENTS as u64));
    g.sample_size(10);
    let (e, p) = (servqual_matrix(RESPONDENTS, 22, 11), servqual_matrix(RESPONDENTS, 22, 12));
    let (e, p) = (Matrix::new(&e, RESPONDENTS, 22).expect("shape"), Matrix::new(&p, RESPONDENTS, 22).expect("shape"));
    g.bench_function("servqual 22 items", |b| {
        b.iter(|| servqual(&e, &p, &ServqualOptions::default()).expect("servqual"))
    });
    let (f, d) = (kano_matrix(RESPONDENTS, 10, 21), kano_matrix(RESPONDENTS, 10, 22));
    let (f, d) = (Matrix::new(&f, RESPONDENTS, 10).expect("shape"), Matrix::new(&d, RESPONDENTS, 10).expect("shape"));
    g.bench_function("kano 10 attributes", |b| b.iter(|| kano(&f, &d, None).expect("kano")));
    g.finish();
}

criterion_group!(benches, grouped, matrices);
criterion_main!(benches);
