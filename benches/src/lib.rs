//! Seeded generated data shared by the servex benchmarks, so every run measures the
//! same inputs.

use servex::{Indicator, Scorecard};

/// A small, fast, seeded generator (xorshift64*): reproducible data without a dependency.
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (0 is replaced, xorshift needs a non-zero state).
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
}

/// `n` survey answers on `0..=max`, as bytes.
pub fn answers_u8(n: usize, max: u8, seed: u64) -> Vec<u8> {
    let mut rng = Rng::new(seed);
    (0..n).map(|_| rng.below(u64::from(max) + 1) as u8).collect()
}

/// The same answers as doubles, the way a data frame column often holds them.
pub fn answers_f64(n: usize, max: u8, seed: u64) -> Vec<f64> {
    answers_u8(n, max, seed).into_iter().map(f64::from).collect()
}

/// Dense group codes `0..groups` for `n` rows.
pub fn group_codes(n: usize, groups: u32, seed: u64) -> Vec<u32> {
    let mut rng = Rng::new(seed);
    (0..n).map(|_| rng.below(u64::from(groups)) as u32).collect()
}

/// A row-major `respondents x items` matrix of answers on `1..=7`, some unanswered (NaN).
pub fn servqual_matrix(respondents: usize, items: usize, seed: u64) -> Vec<f64> {
    let mut rng = Rng::new(seed);
    (0..respondents * items)
        .map(|_| match rng.below(50) {
            0 => f64::NAN,
            r => (r % 7 + 1) as f64,
        })
        .collect()
}

/// A row-major `respondents x attributes` matrix of Kano answers on `1..=5`, a few skipped.
pub fn kano_matrix(respondents: usize, attributes: usize, seed: u64) -> Vec<Option<u8>> {
    let mut rng = Rng::new(seed);
    (0..respondents * attributes).map(|_| (rng.below(40) != 0).then(|| (rng.below(5) + 1) as u8)).collect()
}

/// A scorecard of `n` indicators spread over the nine ISO 23592 elements and four
/// perspectives: measures and ratings, some with histories, a few missing values.
pub fn scorecard(n: usize, seed: u64) -> Scorecard {
    const ELEMENTS: [&str; 9] = ["7.1.1", "7.1.2", "7.2.1", "7.2.2", "7.3.1", "7.3.2", "7.3.3", "7.4.1", "7.4.2"];
    const PERSPECTIVES: [&str; 4] = ["service", "financial", "operational", "learning_growth"];
    let mut rng = Rng::new(seed);
    let mut card = Scorecard::new().title(format!("generated, {n} indicators"));
    card.indicators = (0..n)
        .map(|i| {
            let element = ELEMENTS[i % ELEMENTS.len()];
            let ind = if i % 3 == 0 {
                Indicator::rating(format!("r{i}"), "maturity").value(rng.below(5) as f64)
            } else {
                let value = rng.below(120) as f64;
                let mut m = Indicator::measure(format!("m{i}"), 0.0, 100.0).value(value);
                if i % 7 == 0 {
                    m = m.history("q1", Some(value * 0.8)).history("q2", Some(value * 0.9));
                }
                if i % 50 == 0 {
                    m.value = None;
                }
                m.perspective(PERSPECTIVES[i % PERSPECTIVES.len()])
            };
            ind.element(element).weight(1.0 + rng.below(3) as f64)
        })
        .collect();
    card
}

/// `n` design weights in `0.2..5.0`, a tenth of them 0 (a respondent screened out).
pub fn design_weights(n: usize, seed: u64) -> Vec<f64> {
    let mut rng = Rng::new(seed);
    (0..n).map(|_| if rng.below(10) == 0 { 0.0 } else { 0.2 + rng.below(4_800) as f64 / 1_000.0 }).collect()
}

/// The median time in seconds of `reps` runs of `f` (whose result is kept from the
/// optimiser).
pub fn median_seconds<R>(mut f: impl FnMut() -> R, reps: usize) -> f64 {
    let mut times = Vec::with_capacity(reps);
    for _ in 0..reps {
        let start = std::time::Instant::now();
        std::hint::black_box(f());
        times.push(start.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    times.get(reps / 2).copied().unwrap_or_default()
}
