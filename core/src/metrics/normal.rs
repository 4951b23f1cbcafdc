//! The standard normal quantile (inverse distribution function), after Wichura's
//! algorithm AS 241 (PPND16, Applied Statistics 37, 1988), accurate to about 1e-16
//! relative error over the whole open interval (0, 1).

// The coefficients are kept with all the digits Wichura published.
#![allow(clippy::excessive_precision)]

/// Central region, |p - 0.5| <= 0.425: rational function in r = 0.180625 - q^2.
const A: [f64; 8] = [
    3.387_132_872_796_366_608,
    1.331_416_678_917_843_774_5e2,
    1.971_590_950_306_551_442_7e3,
    1.373_169_376_550_946_112_5e4,
    4.592_195_393_154_987_145_7e4,
    6.726_577_092_700_870_085_3e4,
    3.343_057_558_358_812_810_5e4,
    2.509_080_928_730_122_672_7e3,
];
const B: [f64; 8] = [
    1.0,
    4.231_333_070_160_091_125_2e1,
    6.871_870_074_920_579_083e2,
    5.394_196_021_424_751_107_7e3,
    2.121_379_430_158_659_586_7e4,
    3.930_789_580_009_271_061e4,
    2.872_908_573_572_194_267_4e4,
    5.226_495_278_852_854_561e3,
];

/// Intermediate tail, r = sqrt(-ln(min(p, 1 - p))) <= 5: rational function in r - 1.6.
const C: [f64; 8] = [
    1.423_437_110_749_683_577_34,
    4.630_337_846_156_545_295_9,
    5.769_497_221_460_691_405_5,
    3.647_848_324_763_204_605_04,
    1.270_458_252_452_368_382_58,
    2.417_807_251_774_506_117_7e-1,
    2.272_384_498_926_918_458_33e-2,
    7.745_450_142_783_414_076_4e-4,
];
const D: [f64; 8] = [
    1.0,
    2.053_191_626_637_758_821_87,
    1.676_384_830_183_803_849_4,
    6.897_673_349_851_000_045_5e-1,
    1.481_039_764_274_800_745_9e-1,
    1.519_866_656_361_645_719_66e-2,
    5.475_938_084_995_344_946e-4,
    1.050_750_071_644_416_843_24e-9,
];

/// Far tail, r > 5: rational function in r - 5.
const E: [f64; 8] = [
    6.657_904_643_501_103_777_2,
    5.463_784_911_164_114_369_9,
    1.784_826_539_917_291_335_8,
    2.965_605_718_285_048_912_3e-1,
    2.653_218_952_657_612_309_3e-2,
    1.242_660_947_388_078_438_6e-3,
    2.711_555_568_743_487_578_15e-5,
    2.010_334_399_292_288_132_65e-7,
];
const F: [f64; 8] = [
    1.0,
    5.998_322_065_558_879_376_9e-1,
    1.369_298_809_227_358_053_1e-1,
    1.487_536_129_085_061_485_25e-2,
    7.868_691_311_456_132_591e-4,
    1.846_318_317_510_054_681_8e-5,
    1.421_511_758_316_445_888_7e-7,
    2.044_263_103_389_939_785_64e-15,
];

const SPLIT1: f64 = 0.425;
const SPLIT2: f64 = 5.0;
const CONST1: f64 = 0.180_625;
const CONST2: f64 = 1.6;

/// Evaluates the polynomial with coefficients `c` (constant first) at `x` (Horner).
fn poly(c: &[f64; 8], x: f64) -> f64 {
    c.iter().rev().fold(0.0, |acc, &k| acc * x + k)
}

/// The standard normal quantile: the z with P(Z <= z) = `p` for Z ~ N(0, 1).
///
/// Returns negative infinity at 0, positive infinity at 1 and NaN outside [0, 1] or
/// for NaN. Accurate to about 1e-16 relative error (Wichura's AS 241).
///
/// ```
/// let z = servex::metrics::normal_quantile(0.975);
/// assert!((z - 1.959963984540054).abs() < 1e-12);
/// ```
pub fn normal_quantile(p: f64) -> f64 {
    if p.is_nan() || !(0.0..=1.0).contains(&p) {
        return f64::NAN;
    }
    if p == 0.0 {
        return f64::NEG_INFINITY;
    }
    if p == 1.0 {
        return f64::INFINITY;
    }
    let q = p - 0.5;
    if q.abs() <= SPLIT1 {
        let r = CONST1 - q * q;
        return q * poly(&A, r) / poly(&B, r);
    }
    let tail = if q < 0.0 { p } else { 1.0 - p };
    let r = (-libm::log(tail)).sqrt();
    let z = if r <= SPLIT2 {
        let r = r - CONST2;
        poly(&C, r) / poly(&D, r)
    } else {
        let r = r - SPLIT2;
        poly(&E, r) / poly(&F, r)
    };
    if q < 0.0 {
        -z
    } else {
        z
    }
}

/// The two-sided critical value for `confidence`: the quantile at 1 - (1 - c) / 2,
/// computed from the lower tail for precision.
pub(crate) fn two_sided_z(confidence: f64) -> f64 {
    -normal_quantile((1.0 - confidence) / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    #[test]
    fn known_quantiles() {
        let cases = [
            (0.975, 1.959963984540054),
            (0.95, 1.6448536269514722),
            (0.995, 2.5758293035489004),
            (1e-10, -6.361340902404056),
            (0.5, 0.0),
            (0.3, -0.5244005127080407),
            (0.02, -2.053748910631823),
            (0.8413447460685429, 1.0),
        ];
        for (p, z) in cases {
            assert!(close(normal_quantile(p), z, 1e-12), "p = {p}: {}", normal_quantile(p));
        }
    }

    #[test]
    fn symmetric_about_one_half() {
        for p in [1e-300, 1e-20, 1e-5, 0.01, 0.1, 0.25, 0.4, 0.49] {
            let (lo, hi) = (normal_quantile(p), normal_quantile(1.0 - p));
            // 1 - p is rounded, so allow for that rounding in the far tail.
            assert!(close(lo, -hi, 1e-9 * hi.abs().max(1.0)) || p < 1e-15, "p = {p}");
            assert!(lo < 0.0);
        }
    }

    #[test]
    fn far_tail_is_finite_and_monotone() {
        let mut last = f64::NEG_INFINITY;
        for k in (1..=300).rev() {
            let z = normal_quantile(10f64.powi(-k));
            assert!(z.is_finite() && z > last);
            last = z;
        }
        assert!(close(normal_quantile(1e-300), -37.0470962993612, 1e-10));
    }

    #[test]
    fn edges_and_nonsense() {
        assert_eq!(normal_quantile(0.0), f64::NEG_INFINITY);
        assert_eq!(normal_quantile(1.0), f64::INFINITY);
        assert!(normal_quantile(-0.1).is_nan());
        assert!(normal_quantile(1.1).is_nan());
        assert!(normal_quantile(f64::NAN).is_nan());
    }

    #[test]
    fn two_sided_critical_values() {
        assert!(close(two_sided_z(0.95), 1.959963984540054, 1e-12));
        assert!(close(two_sided_z(0.9), 1.6448536269514722, 1e-12));
        assert!(close(two_sided_z(0.99), 2.5758293035489004, 1e-12));
    }
}
