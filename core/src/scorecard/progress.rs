//! One indicator scored on its own (SPEC 4): achievement, progress, status and trend.

use crate::report::{Direction, Status, Trend, TrendDirection};

/// How a value is turned into achievement: a baseline-to-target line or a target range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Measure {
    /// `(v - baseline) / (target - baseline)`, with `baseline != target`.
    Linear { baseline: f64, target: f64 },
    /// 1 inside `[lo, hi]`, falling to 0 at `blo` below and `bhi` above.
    Range { blo: f64, lo: f64, hi: f64, bhi: f64 },
}

impl Measure {
    pub(crate) fn direction(&self) -> Direction {
        match *self {
            Measure::Linear { baseline, target } if target < baseline => Direction::Decrease,
            Measure::Linear { .. } => Direction::Increase,
            Measure::Range { .. } => Direction::Range,
        }
    }

    /// Achievement, computed in exactly the SPEC's order so every front gets the same bits
    /// (a result never holds -0.0, SPEC 8: at the baseline of a lower-is-better measure
    /// the division gives it, and adding 0 turns it into 0).
    pub(crate) fn achievement(&self, v: f64) -> f64 {
        let a = match *self {
            Measure::Linear { baseline, target } => (v - baseline) / (target - baseline),
            Measure::Range { blo, lo, hi, bhi } => {
                if v < lo {
                    (v - blo) / (lo - blo)
                } else if v > hi {
                    (bhi - v) / (bhi - hi)
                } else {
                    1.0
                }
            }
        };
        a + 0.0
    }
}

/// Progress is achievement clamped to [0, 1], unless clamping is off.
pub(crate) fn progress(achievement: f64, clamp: bool) -> f64 {
    if clamp {
        achievement.clamp(0.0, 1.0)
    } else {
        achievement
    }
}

/// Green, amber, red or missing from a progress or a group score.
pub(crate) fn status(progress: Option<f64>, green: f64, amber: f64) -> Status {
    match progress {
        None => Status::Missing,
        Some(p) if p >= green => Status::Green,
        Some(p) if p >= amber => Status::Amber,
        Some(_) => Status::Red,
    }
}

/// The trend of a progress series (nulls already dropped); `None` under two points.
/// The series is read twice (mean first, then the centred sums), without being stored.
pub(crate) fn trend<I: Iterator<Item = f64>>(points: impl Fn() -> I, tolerance: f64) -> Option<Trend> {
    let (mut n, mut sum, mut previous, mut last) = (0usize, 0.0, None, None);
    for y in points() {
        n += 1;
        sum += y;
        previous = last;
        last = Some(y);
    }
    let (Some(previous), Some(last)) = (previous, last) else { return None };
    let count = n as f64;
    let x_mean = (count - 1.0) / 2.0;
    let y_mean = sum / count;
    let (mut sxy, mut sxx) = (0.0, 0.0);
    for (i, y) in points().enumerate() {
        let dx = i as f64 - x_mean;
        sxy += dx * (y - y_mean);
        sxx += dx * dx;
    }
    let slope = sxy / sxx;
    let direction = if slope > tolerance {
        TrendDirection::Improving
    } else if slope < -tolerance {
        TrendDirection::Declining
    } else {
        TrendDirection::Stable
    };
    Some(Trend { delta: last - previous + 0.0, slope: slope + 0.0, direction })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_achievement_serves_both_directions() {
        let up = Measure::Linear { baseline: 0.0, target: 50.0 };
        assert_eq!((up.achievement(42.0), up.direction()), (0.84, Direction::Increase));
        let down = Measure::Linear { baseline: 10.0, target: 2.0 };
        assert_eq!(down.achievement(4.0), 0.75);
        assert_eq!(down.direction(), Direction::Decrease);
        assert_eq!(down.achievement(12.0), -0.25);
    }

    #[test]
    fn range_achievement_is_one_inside_and_falls_off_linearly() {
        let r = Measure::Range { blo: 0.0, lo: 40.0, hi: 60.0, bhi: 100.0 };
        assert_eq!(r.achievement(40.0), 1.0);
        assert_eq!(r.achievement(60.0), 1.0);
        assert_eq!(r.achievement(10.0), 0.25);
        assert_eq!(r.achievement(90.0), 0.25);
        assert_eq!(r.achievement(110.0), -0.25);
        assert_eq!(r.direction(), Direction::Range);
    }

    #[test]
    fn clamping_is_optional() {
        assert_eq!(progress(1.3, true), 1.0);
        assert_eq!(progress(-0.2, true), 0.0);
        assert_eq!(progress(1.3, false), 1.3);
    }

    #[test]
    fn status_reads_thresholds_inclusively() {
        assert_eq!(status(Some(1.0), 1.0, 0.5), Status::Green);
        assert_eq!(status(Some(0.5), 1.0, 0.5), Status::Amber);
        assert_eq!(status(Some(0.49), 1.0, 0.5), Status::Red);
        assert_eq!(status(None, 1.0, 0.5), Status::Missing);
    }

    fn series<'a>(points: &'a [f64]) -> impl Fn() -> std::iter::Copied<std::slice::Iter<'a, f64>> + 'a {
        move || points.iter().copied()
    }

    #[test]
    fn trend_is_the_least_squares_slope() {
        let t = trend(series(&[0.2, 0.4, 0.6]), 0.01).unwrap();
        assert!((t.slope - 0.2).abs() < 1e-15 && (t.delta - 0.2).abs() < 1e-15);
        assert_eq!(t.direction, TrendDirection::Improving);
        let t = trend(series(&[0.5, 0.3]), 0.01).unwrap();
        assert_eq!(t.direction, TrendDirection::Declining);
        assert_eq!(trend(series(&[0.5, 0.505]), 0.01).unwrap().direction, TrendDirection::Stable);
        assert_eq!(trend(series(&[0.5]), 0.01), None);
        assert_eq!(trend(series(&[]), 0.01), None);
    }
}
