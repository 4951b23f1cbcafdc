//! The kernels against each other: the histogram, the per-row tally and the public
//! [`Tally`] give the same cells, whatever the column and code types.

use super::histogram::{histogram_grouped, NoSlot, Slots};
use super::*;
use crate::metrics::{Codes, GroupCode, GroupLabel, Groups};

const NPS: Classes = Classes { lo: 0, hi: 10, t1: 7, t2: 9 };
const WIDE: Classes = Classes { lo: 1, hi: 400, t1: 300, t2: 390 };

/// A small seeded generator for the kernel tests.
fn random(n: usize, seed: u64) -> Vec<u64> {
    let mut x = seed.max(1);
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        })
        .collect()
}

/// What two tallies must share: the groups' cells and the row of the first invalid
/// answer (its value may be NaN, which equals nothing).
type Key<'a> = (&'a [(GroupLabel, GroupCells)], Option<usize>);

fn key(t: &Result<Tallied, Error>) -> Result<Key<'_>, &Error> {
    t.as_ref().map(|t| (t.groups.as_slice(), t.first_invalid.map(|first| first.row)))
}

fn unit() -> RowWeights<'static> {
    RowWeights::default()
}

/// The three kernels' tallies of one column: histogram (when the scale allows it),
/// per row, and the public tally finished on the scale.
fn three_ways<T: Response>(values: &[T], split: Option<Split<'_>>, classes: &Classes) -> [Option<Tallied>; 3] {
    let histogram = histogram_tally(values, split, classes).ok().flatten();
    let per_row = rows_tally(values, split, Form::Unit, classes).ok();
    let public = Tally::new(values, split, unit()).ok().and_then(|t| t.on_scale(classes).ok());
    [histogram, per_row, public.map(|t| Tallied { form: SumsAt::Counts, ..t })]
}

#[test]
fn every_kernel_gives_the_same_cells() {
    let r = random(5003, 9);
    let codes: Vec<u32> = r.iter().map(|x| (x % 37) as u32).collect();
    let labels: Vec<GroupLabel> = (0..37).map(GroupLabel::Int).collect();
    let groups = Groups::from_codes(&codes, labels).ok();
    let bytes: Vec<u8> = r.iter().map(|x| ((x >> 20) % 14) as u8).collect();
    let floats: Vec<f64> = r
        .iter()
        .map(|x| match (x >> 30) % 17 {
            13 => f64::NAN,
            14 => 7.5,
            15 => -1.0,
            16 => f64::INFINITY,
            v => v as f64,
        })
        .collect();
    let ints: Vec<i16> = bytes.iter().map(|&b| i16::from(b) - 2).collect();
    for classes in [NPS, Classes { lo: 1, hi: 5, t1: 4, t2: 6 }, Classes { lo: 1, hi: 7, t1: 5, t2: 8 }] {
        for split in [None, groups.as_ref().map(Split::Groups)] {
            for [a, b, c] in [three_ways(&bytes, split, &classes), three_ways(&floats, split, &classes)] {
                let [a, b, c] = [a, b, c].map(|t| t.ok_or_else(|| Error::new(ErrorKind::InvalidValue, "", "none")));
                assert!(a.is_ok());
                assert!(key(&a) == key(&b) && key(&a) == key(&c));
            }
            let [a, b, _] = three_ways(&ints, split, &classes);
            assert_eq!(a, b);
        }
    }
    // A wide scale has no histogram; the other two agree.
    let [none, b, c] = three_ways(&floats, groups.as_ref().map(Split::Groups), &WIDE);
    assert!(none.is_none() && b.is_some());
    assert_eq!(b.map(|t| t.groups), c.map(|t| t.groups));
}

#[test]
fn weighted_rows_and_the_public_tally_agree_to_the_bit() {
    let r = random(2001, 5);
    let codes: Vec<i64> = r.iter().map(|x| (x % 11) as i64 - 3).collect();
    let values: Vec<f64> = r.iter().map(|x| ((x >> 12) % 12) as f64).collect();
    let weights: Vec<f64> = r.iter().map(|x| ((x >> 40) % 1000) as f64 / 250.0).collect();
    let columns = RowWeights { weights: Some(&weights), ..RowWeights::default() };
    let split = Some(Split::Integers(Codes::I64(&codes)));
    let rows = tally(&values, split, &columns, &NPS).ok();
    let public = Tally::new(&values, split, columns).ok().and_then(|t| t.on_scale(&NPS).ok());
    assert!(rows.as_ref().is_some_and(|t| t.groups.len() == 11 && t.form == SumsAt::Weights));
    // The public tally also counts the responses that hold the first invalid value.
    let count = public.as_ref().and_then(|t| t.first_invalid).and_then(|first| first.count);
    assert_eq!(count, Some(values.iter().filter(|&&v| v == 11.0).count() as u64));
    let without_count = public
        .map(|t| Tallied { first_invalid: t.first_invalid.map(|first| FirstInvalid { count: None, ..first }), ..t });
    assert_eq!(rows, without_count);
}

#[test]
fn a_tally_merged_from_chunks_is_the_whole_tally() {
    let r = random(999, 3);
    let values: Vec<u8> = r.iter().map(|x| (x % 13) as u8).collect();
    let labels: Vec<u16> = r.iter().map(|x| ((x >> 9) % 6) as u16).collect();
    let whole = Tally::new(&values, Some(Split::Integers(Codes::U16(&labels))), unit()).ok();
    let mut merged: Option<Tally> = None;
    for (v, l) in values.chunks(100).zip(labels.chunks(100)) {
        let part = Tally::new(v, Some(Split::Integers(Codes::U16(l))), unit()).ok();
        merged = match (merged, part) {
            (Some(m), Some(p)) => Some(m + p),
            (None, p) => p,
            (m, None) => m,
        };
    }
    assert!(whole.is_some());
    assert_eq!(merged.map(|t| t.on_scale(&NPS)), whole.map(|t| t.on_scale(&NPS)));
    let mixed = Tally::new(&values, None, unit())
        .ok()
        .zip(Tally::new(&values, Some(Split::Integers(Codes::U16(&labels))), unit()).ok());
    let e = mixed.map(|(a, b)| (a + b).on_scale(&NPS).err().map(|e| (e.kind(), e.path().to_string())));
    assert_eq!(e, Some(Some((ErrorKind::InvalidDocument, "/groups".into()))));
    let empty = Tally::new::<u8>(&[], None, unit())
        .ok()
        .zip(Tally::new(&values, Some(Split::Integers(Codes::U16(&labels))), unit()).ok());
    assert!(empty.is_some_and(|(a, b)| (a + b).on_scale(&NPS).is_ok()));
}

#[test]
fn every_code_width_gives_the_same_result() {
    let r = random(3001, 4);
    let bytes: Vec<u8> = r.iter().map(|x| (x % 11) as u8).collect();
    let c32: Vec<u32> = r.iter().map(|x| ((x >> 8) % 100) as u32).collect();
    let labels: Vec<GroupLabel> = (0..100).map(GroupLabel::Int).collect();
    let expected =
        Groups::from_codes(&c32, labels.clone()).and_then(|g| tally(&bytes, Some(Split::Groups(&g)), &unit(), &NPS));
    assert!(expected.is_ok());
    macro_rules! same {
        ($($t:ty),*) => {$(
            let c: Vec<$t> = c32.iter().map(|&c| c as $t).collect();
            let got = Groups::from_codes(&c, labels.clone()).and_then(|g| tally(&bytes, Some(Split::Groups(&g)), &unit(), &NPS));
            assert_eq!(got, expected, "{}", stringify!($t));
            let coded = tally(&bytes, Some(Split::Coded(GroupCode::wrap(&c), &labels)), &unit(), &NPS);
            assert_eq!(coded, expected, "{}", stringify!($t));
            let integers = tally(&bytes, Some(Split::Integers(GroupCode::wrap(&c))), &unit(), &NPS);
            assert_eq!(integers, expected, "{}", stringify!($t));
        )*};
    }
    same!(u8, i8, u16, i16, u32, i32, u64, i64);
}

#[test]
fn a_bad_code_is_reported_at_its_row_in_a_chunk_and_in_the_tail() {
    // Chunks of 8 rows (16 for bytes) then a tail of 5: rows 3 and 10 are in chunks,
    // row 18 in the tail.
    for bad_row in [3usize, 10, 18] {
        let values = vec![5u8; 21];
        let floats = vec![5.0f64; 21];
        macro_rules! bad {
            ($($t:ty => $bad:expr),*) => {$(
                let mut codes: Vec<$t> = vec![1; 21];
                codes[bad_row] = $bad;
                for slots in [Slots::fixed(4), Slots::growing(4)] {
                    let a = histogram_grouped(&values, &codes, slots, &NPS, 4);
                    let b = histogram_grouped(&floats, &codes, slots, &NPS, 4);
                    for got in [a, b] {
                        assert_eq!(got, Err(NoSlot(bad_row)), "{} {}", stringify!($t), $bad);
                    }
                }
            )*};
        }
        // Codes that a shift by the bin width would wrap into a valid slot.
        bad!(u64 => 1u64 << 60, u64 => u64::MAX, i64 => -(1i64 << 60), i64 => i64::MIN, u32 => u32::MAX, i32 => i32::MIN);
        bad!(u8 => 4, i8 => -1, u16 => 4, i16 => i16::MIN, u32 => 4, i32 => -1);
    }
}

#[test]
fn negative_and_unlabelled_codes_are_errors_at_their_row_on_every_path() {
    let labels: Vec<GroupLabel> = (0..200).map(GroupLabel::Int).collect();
    let weights = [1.0; 6];
    let weighted = RowWeights { weights: Some(&weights), ..RowWeights::default() };
    macro_rules! negative {
        ($($t:ty),*) => {$(
            let codes: Vec<$t> = vec![0, 3, 5, -1, 2, -1];
            let expected = Groups::from_codes(&codes, labels.clone()).err();
            assert_eq!(expected.as_ref().map(|e| (e.kind(), e.path())), Some((ErrorKind::InvalidValue, "/groups/3")));
            let split = Some(Split::Coded(GroupCode::wrap(&codes), &labels));
            for columns in [unit(), weighted] {
                assert_eq!(tally(&[1u8; 6], split, &columns, &NPS).err(), expected);
                assert_eq!(Tally::new(&[1u8; 6], split, columns).err(), expected);
            }
        )*};
    }
    negative!(i8, i16, i32, i64);
    // A code without a label is reported before labels given twice, as
    // `Groups::from_codes` reports them.
    let twice = [GroupLabel::from("a"), GroupLabel::from("a")];
    for (codes, kind) in [(vec![0u16, 1, 2], ErrorKind::InvalidValue), (vec![0u16, 1, 1], ErrorKind::DuplicateId)] {
        let e = tally(&[1u8; 3], Some(Split::Coded(Codes::U16(&codes), &twice)), &unit(), &NPS);
        assert_eq!(e.as_ref().err().map(|e| e.kind()), Some(kind));
        assert_eq!(e.err(), Groups::from_codes(&codes, twice.to_vec()).err());
    }
}

/// Integer labels as a [`Split`] group exactly as [`Groups::from_integers`] groups
/// them: the table grows as larger labels appear (mid-chunk and in the tail), and
/// labels past the dense limit or negative ones are factorised.
#[test]
fn integer_labels_group_as_built_groups_while_the_table_grows() {
    let r = random(5003, 11);
    let bytes: Vec<u8> = r.iter().map(|x| ((x >> 20) % 13) as u8).collect();
    let floats: Vec<f64> = bytes.iter().map(|&b| if b == 12 { f64::NAN } else { f64::from(b) }).collect();
    let rising: Vec<i64> = r.iter().enumerate().map(|(i, x)| (x % (i as u64 + 1)) as i64).collect();
    let mut late_large = rising.clone();
    late_large[5001] = 70_000;
    let mut late_negative = rising.clone();
    late_negative[4099] = -3;
    let wide = Classes { lo: 0, hi: 400, t1: 7, t2: 9 };
    for labels in [rising, late_large, late_negative] {
        let Ok(built) = Groups::from_integers(&labels) else { panic!("integer labels") };
        for classes in [NPS, wide] {
            let expected = tally(&bytes, Some(Split::Groups(&built)), &unit(), &classes);
            let got = tally(&bytes, Some(Split::Integers(Codes::I64(&labels))), &unit(), &classes);
            assert!(expected.as_ref().is_ok_and(|t| t.groups.len() > 1024));
            assert_eq!(got, expected);
            let expected = tally(&floats, Some(Split::Groups(&built)), &unit(), &classes);
            let got = tally(&floats, Some(Split::Integers(Codes::I64(&labels))), &unit(), &classes);
            assert!(expected.as_ref().is_ok_and(|t| t.first_invalid.is_some()));
            assert!(key(&got) == key(&expected));
        }
    }
    let huge = [1u64, 2, u64::MAX, 1];
    let e = tally(&[9u8; 4], Some(Split::Integers(Codes::U64(&huge))), &unit(), &NPS).err();
    assert_eq!(e.map(|e| (e.kind(), e.path().to_string())), Some((ErrorKind::InvalidValue, "/groups/2".into())));
}

#[test]
fn the_first_invalid_answer_is_found_with_its_value() {
    let t = tally(&[9u8, 10, 3, 12, 11], None, &unit(), &NPS).ok();
    let first = FirstInvalid { row: 3, value: 12.0, count: None };
    assert_eq!(t.as_ref().map(|t| t.first_invalid), Some(Some(first)));
    assert_eq!(t.map(|t| t.groups.first().map(|(_, g)| g.skipped)), Some(Some(2)));
    let e = invalid_response(first, &NPS);
    assert_eq!((e.kind(), e.path()), (ErrorKind::InvalidValue, "/responses/3"));
    assert!(e.message().ends_with("12 is not an integer in 0..10"), "{}", e.message());
    let nan = FirstInvalid { row: 0, value: f64::NAN, count: None };
    assert!(invalid_response(nan, &NPS).message().contains("not a number"));
}

#[test]
fn a_tally_says_how_many_responses_hold_the_invalid_value() {
    // Counted by an engine: each row a group and an answer with its count; NaN and
    // 7.5 are different values, each counted over every group.
    let answers = [9.0, f64::NAN, 7.5, 12.0, f64::NAN, 12.0];
    let groups = [0u8, 0, 0, 1, 1, 2];
    let counts = [4.0, 2.0, 1.0, 3.0, 5.0, 1.0];
    let columns = RowWeights { counts: Some(&counts), ..unit() };
    let t = Tally::new(&answers, Some(Split::Integers(Codes::U8(&groups))), columns);
    let first = t.as_ref().ok().and_then(|t| t.on_scale(&NPS).ok()).and_then(|t| t.first_invalid);
    assert_eq!(first.map(|f| (f.row, f.count)), Some((1, Some(7))));
    let e = first.map(|f| invalid_response(f, &NPS).message().to_string());
    assert_eq!(e.as_deref(), Some("response not a number is not an integer in 0..10 (7 responses hold it)"));
    let twelve = Tally::new(&answers[3..4], None, RowWeights { counts: Some(&counts[..1]), ..unit() });
    let first = twelve.ok().and_then(|t| t.on_scale(&NPS).ok()).and_then(|t| t.first_invalid);
    assert_eq!(first.map(|f| (f.value, f.count)), Some((12.0, Some(4))));
}

#[test]
fn columns_are_checked_together_then_by_value() {
    let w = [1.0, 2.0];
    let c = [1.0, 2.0];
    let cases: Vec<(RowWeights<'_>, ErrorKind, &str)> = vec![
        (RowWeights { counts: Some(&c), weights: Some(&w), weights_sq: None }, ErrorKind::InvalidDocument, ""),
        (RowWeights { weights_sq: Some(&w), ..unit() }, ErrorKind::InvalidDocument, "/weights_sq"),
        (RowWeights { weights: Some(&w[..1]), ..unit() }, ErrorKind::InvalidDocument, "/weights"),
        (RowWeights { weights: Some(&[1.0, -0.5]), ..unit() }, ErrorKind::InvalidValue, "/weights/1"),
        (RowWeights { weights: Some(&[1e-301, 1.0]), ..unit() }, ErrorKind::InvalidValue, "/weights/0"),
        (RowWeights { counts: Some(&[1.0, 0.5]), ..unit() }, ErrorKind::InvalidValue, "/counts/1"),
        (
            RowWeights { counts: Some(&c), weights: Some(&w), weights_sq: Some(&[1.0, 0.0]) },
            ErrorKind::InvalidValue,
            "/weights_sq/1",
        ),
    ];
    for (columns, kind, path) in cases {
        let e = columns.check(2).err();
        assert_eq!(e.as_ref().map(|e| (e.kind(), e.path())), Some((kind, path)), "{columns:?}");
    }
    assert!(RowWeights { weights: Some(&[0.0, 1e300]), ..unit() }.check(2).is_ok());
    // Counts whose total could overflow a u64 somewhere are refused up front.
    let huge = vec![9_007_199_254_740_992.0; 2048];
    let e = RowWeights { counts: Some(&huge), ..unit() }.check(2048).err();
    assert_eq!(e.map(|e| (e.kind(), e.path().to_string())), Some((ErrorKind::LimitExceeded, "/counts".into())));
    assert!(RowWeights { counts: Some(&huge[..1000]), ..unit() }.check(1000).is_ok());
}

#[test]
fn sums_are_checked_where_they_come_from() {
    let at = |cell: Cell, form| check_sums(&cell, form).err().map(|e| (e.kind(), e.path().to_string()));
    let inf = Cell { n: 2, w: f64::INFINITY, q: 1.0 };
    assert_eq!(at(inf, SumsAt::Weights), Some((ErrorKind::InvalidValue, "/weights".into())));
    let q_inf = Cell { n: 2, w: 1.0, q: f64::INFINITY };
    assert_eq!(at(q_inf, SumsAt::Tally), Some((ErrorKind::InvalidValue, "/weights_sq".into())));
    let underflow = Cell { n: 2, w: 1e-170, q: 0.0 };
    assert_eq!(at(underflow, SumsAt::Weights), Some((ErrorKind::InvalidValue, "/weights".into())));
    assert_eq!(at(underflow, SumsAt::Tally), None);
    assert_eq!(
        at(Cell { n: u64::MAX, w: 1.0, q: 1.0 }, SumsAt::Counts),
        Some((ErrorKind::LimitExceeded, "/counts".into()))
    );
}
