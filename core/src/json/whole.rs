//! Whole numbers as JSON writes them: `2` and `2.0` alike (and `-0.0` as 0). A
//! JavaScript number cannot tell them apart, so a field read as an integer accepts
//! both, and every front reads the same document the same way.

use serde::de::{Deserialize, Deserializer, Error};

/// An integer written as any JSON number without a fractional part; one past the
/// range of `i64` stands at its end (and so fails any range check after it).
struct Whole(i64);

impl<'de> Deserialize<'de> for Whole {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Whole, D::Error> {
        let x = f64::deserialize(d)?;
        if x.fract() != 0.0 || !x.is_finite() {
            return Err(D::Error::custom(format!("a level is a whole number, not {x}")));
        }
        // `as` saturates at the ends of i64, and -0.0 becomes 0.
        Ok(Whole(x as i64))
    }
}

/// `levels: [1, 2.0]` read as `[1, 2]` (serde's `deserialize_with`).
pub(crate) fn levels<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<i64>>, D::Error> {
    let levels: Option<Vec<Whole>> = Option::deserialize(d)?;
    Ok(levels.map(|l| l.into_iter().map(|Whole(x)| x).collect()))
}

/// A framework level's number, `2.0` as `2`; one past `u8` is refused here, the range
/// 1 to 4 by the framework's own check.
pub(crate) fn level<'de, D: Deserializer<'de>>(d: D) -> Result<u8, D::Error> {
    let Whole(x) = Whole::deserialize(d)?;
    u8::try_from(x).map_err(|_| D::Error::custom(format!("a pyramid level is 1 to 4, not {x}")))
}
