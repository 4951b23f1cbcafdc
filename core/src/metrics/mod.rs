//! Customer metrics (SPEC 7): NPS, CSAT, CES, SERVQUAL gaps and Kano, as columnar kernels.

/// Placeholder until the metric kernels land.
pub(crate) fn call(_name: &str, _input: &serde_json::Value) -> Option<Result<serde_json::Value, crate::Error>> {
    None
}
