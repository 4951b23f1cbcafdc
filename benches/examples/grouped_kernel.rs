//! Grouped NPS over bytes with `u32` codes, timed in one run next to its floor (a
//! plain read of the same arrays) and a hand-written histogram loop; medians of nine.
//! `benches/python/compare.py --rust` and `benches/js/compare.mjs` run it to read the
//! Python and JavaScript calls against it (CSAT on 1..5 too, for the latter).
//!
//! `cargo run --release -p servex-benches --example grouped_kernel [ROWS] [GROUPS]`

use std::hint::black_box;

use servex::metrics::{csat_grouped, nps, nps_grouped, Codes, CsatOptions, GroupLabel, Groups, NpsOptions, Split};
use servex_benches::{answers_u8, group_codes, median_seconds};

fn main() {
    let mut args = std::env::args().skip(1).map(|s| s.parse::<usize>().ok());
    let rows = args.next().flatten().unwrap_or(10_000_000);
    let groups = args.next().flatten().unwrap_or(1_000) as u32;
    let codes = group_codes(rows, groups, 7);
    let values = answers_u8(rows, 10, 1);
    let labels: Vec<GroupLabel> = (0..i64::from(groups)).map(GroupLabel::Int).collect();
    let built = Groups::from_codes(&codes, labels.clone()).expect("codes");
    let per = |t: f64| t * 1e9 / rows as f64;
    let reps = 9;
    let options = NpsOptions::default();
    let floor = median_seconds(
        || {
            let a: u64 = black_box(&values).iter().map(|&v| u64::from(v)).sum();
            let b: u64 = black_box(&codes).iter().map(|&c| u64::from(c)).sum();
            a + b
        },
        reps,
    );
    let kernel =
        median_seconds(|| nps_grouped(&values, &built, &options).map(|g| g.groups.len() as u64).unwrap_or(0), reps);
    // The codes as raw integer labels, grouped in the call, as the Python and
    // JavaScript calls do.
    let labels_of = || Split::Integers(Codes::U32(black_box(&codes)));
    let with_labels = median_seconds(
        || nps_grouped(&values, labels_of(), &options).map(|g| g.groups.len() as u64).unwrap_or(0),
        reps,
    );
    let ungrouped = median_seconds(|| nps(black_box(&values), &options).map(|r| r.n).unwrap_or(0), reps);
    let satisfaction = answers_u8(rows, 4, 2).into_iter().map(|v| v + 1).collect::<Vec<u8>>();
    let csat_options = CsatOptions::default();
    let csat_with_labels = median_seconds(
        || csat_grouped(&satisfaction, labels_of(), &csat_options).map(|g| g.groups.len() as u64).unwrap_or(0),
        reps,
    );
    let plain = median_seconds(
        || {
            let mut h = vec![0u32; (groups as usize) << 4];
            for (&v, &c) in black_box(&values).iter().zip(black_box(&codes)) {
                if let Some(x) = h.get_mut(((c as usize) << 4) | usize::from(v.min(15))) {
                    *x += 1;
                }
            }
            h.iter().map(|&x| u64::from(x)).sum::<u64>()
        },
        reps,
    );
    println!("rows {rows}, groups {groups}, median of {reps}, ns per response:");
    println!("floor_ns {:.3}", per(floor));
    println!("nps_grouped_u8_ns {:.3}", per(kernel));
    println!("nps_grouped_u8_integer_labels_ns {:.3}", per(with_labels));
    println!("nps_u8_ungrouped_ns {:.3}", per(ungrouped));
    println!("plain_histogram_loop_ns {:.3}", per(plain));
    println!("csat_grouped_u8_integer_labels_ns {:.3}", per(csat_with_labels));
}
