//! Funnel limits (SPEC 12.2): every reported group set against a common target with
//! control limits that widen as the group gets smaller (Spiegelhalter's funnel plot),
//! with an optional DerSimonian-Laird allowance for overdispersion as FunnelPlotR
//! makes it, instead of a league table of raw scores.

use serde::Serialize;

/// A funnel asked for: the target (the pooled estimate when `None`) and whether to
/// allow for overdispersion.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Funnel {
    /// The common target on the metric's own scale.
    pub target: Option<f64>,
    /// Widen the limits by the between-group variance tau^2.
    pub overdispersion: bool,
}

/// The funnel of a grouped result: its target, tau^2 and phi.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FunnelSummary {
    /// The target the groups are set against (`None` with no group and no target).
    pub target: Option<f64>,
    /// The between-group variance added to each group's (0 without overdispersion).
    pub tau2: f64,
    /// The dispersion ratio (`None` without overdispersion or with no z).
    pub phi: Option<f64>,
}

/// A group's place in the funnel.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FunnelRow {
    /// (score - target) / spread; `None` when the spread is 0.
    pub z: Option<f64>,
    /// The 95 % limits around the target.
    pub lower_95: f64,
    /// See `lower_95`.
    pub upper_95: f64,
    /// The 99.8 % limits around the target.
    pub lower_998: f64,
    /// See `lower_998`.
    pub upper_998: f64,
    /// `"high"` or `"low"` outside the 95 % limits.
    #[cfg_attr(feature = "schema", schemars(extend("enum" = ["high", "low", null])))]
    pub warning: Option<&'static str>,
    /// `"high"` or `"low"` outside the 99.8 % limits.
    #[cfg_attr(feature = "schema", schemars(extend("enum" = ["high", "low", null])))]
    pub flag: Option<&'static str>,
}

/// The two-sided normal quantiles of the 95 % and 99.8 % limits.
const Q95: f64 = 1.959963984540054;
const Q998: f64 = 3.090232306167813;

/// One group as the funnel reads it: its score (CES: mean) and its spread `s`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Point {
    pub value: f64,
    pub spread: f64,
}

/// The funnel of `points` around `target`, clamped to `range`.
pub(crate) fn funnel(
    points: &[Point],
    target: Option<f64>,
    overdispersion: bool,
    range: (f64, f64),
) -> (FunnelSummary, Vec<FunnelRow>) {
    let Some(t0) = target else {
        return (FunnelSummary { target, tau2: 0.0, phi: None }, Vec::new());
    };
    let z: Vec<Option<f64>> =
        points.iter().map(|p| (p.spread > 0.0).then(|| (p.value - t0) / p.spread + 0.0)).collect();
    let (tau2, phi) = if overdispersion { dispersion(points, &z) } else { (0.0, None) };
    let rows = points
        .iter()
        .zip(&z)
        .map(|(p, &z)| {
            let half = (p.spread * p.spread + tau2).sqrt();
            let limit = |q: f64, sign: f64| (t0 + sign * q * half).clamp(range.0, range.1) + 0.0;
            let (lower_95, upper_95, lower_998, upper_998) =
                (limit(Q95, -1.0), limit(Q95, 1.0), limit(Q998, -1.0), limit(Q998, 1.0));
            let side = |low: f64, high: f64| {
                z.and(if p.value > high {
                    Some("high")
                } else if p.value < low {
                    Some("low")
                } else {
                    None
                })
            };
            FunnelRow {
                z,
                lower_95,
                upper_95,
                lower_998,
                upper_998,
                warning: side(lower_95, upper_95),
                flag: side(lower_998, upper_998),
            }
        })
        .collect();
    (FunnelSummary { target: Some(t0 + 0.0), tau2: tau2 + 0.0, phi }, rows)
}

/// DerSimonian-Laird's tau^2 from the winsorised z-scores (FunnelPlotR), and phi.
fn dispersion(points: &[Point], z: &[Option<f64>]) -> (f64, Option<f64>) {
    let tested: Vec<(f64, f64)> = points.iter().zip(z).filter_map(|(p, z)| z.map(|z| (z, p.spread))).collect();
    let k = tested.len();
    if k == 0 {
        return (0.0, None);
    }
    let mut sorted: Vec<f64> = tested.iter().map(|&(z, _)| z).collect();
    sorted.sort_by(f64::total_cmp);
    let (low, high) = (quantile(&sorted, 0.1), quantile(&sorted, 0.9));
    let kf = k as f64;
    let phi = tested.iter().map(|&(z, _)| z.clamp(low, high).powi(2)).sum::<f64>() / kf;
    if k < 2 {
        return (0.0, Some(phi));
    }
    let w: Vec<f64> = tested.iter().map(|&(_, s)| 1.0 / (s * s)).collect();
    let sum_w: f64 = w.iter().sum();
    let sum_w2: f64 = w.iter().map(|w| w * w).sum();
    let denominator = sum_w - sum_w2 / sum_w;
    let tau2 = if denominator > 0.0 { ((kf * phi - (kf - 1.0)) / denominator).max(0.0) } else { 0.0 };
    (tau2, Some(phi))
}

/// The `p` quantile of ascending `sorted` by linear interpolation (SPEC 12.1).
pub(crate) fn quantile(sorted: &[f64], p: f64) -> f64 {
    let Some(last) = sorted.len().checked_sub(1) else {
        return f64::NAN;
    };
    // `p` is in [0, 1], so both neighbours are rows of `sorted`.
    let h = last as f64 * p;
    let (a, b) = (sorted[h.floor() as usize], sorted[h.ceil() as usize]);
    a + (h - h.floor()) * (b - a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_interpolate() {
        let x = [1.0, 2.0, 4.0, 8.0];
        assert_eq!(quantile(&x, 0.5), 3.0);
        assert_eq!(quantile(&x, 0.0), 1.0);
        assert_eq!(quantile(&x, 1.0), 8.0);
        assert!((quantile(&x, 0.25) - 1.75).abs() < 1e-15);
        assert_eq!(quantile(&[5.0], 0.9), 5.0);
    }

    #[test]
    fn limits_widen_for_small_groups_and_flag_outliers() {
        let points = [
            Point { value: 60.0, spread: 5.0 },
            Point { value: 20.0, spread: 20.0 },
            Point { value: 30.0, spread: 0.0 },
        ];
        let (summary, rows) = funnel(&points, Some(30.0), false, (-100.0, 100.0));
        assert_eq!((summary.tau2, summary.phi), (0.0, None));
        assert_eq!(rows[0].z, Some(6.0));
        assert_eq!((rows[0].warning, rows[0].flag), (Some("high"), Some("high")));
        assert!(rows[1].upper_95 - rows[1].lower_95 > rows[0].upper_95 - rows[0].lower_95);
        assert_eq!((rows[2].z, rows[2].flag), (None, None));
        let (summary, _) = funnel(&[], None, true, (-100.0, 100.0));
        assert_eq!((summary.target, summary.tau2, summary.phi), (None, 0.0, None));
    }
}
