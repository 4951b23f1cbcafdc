//! Customer metrics (SPEC 7): NPS, CSAT, CES, SERVQUAL gaps and Kano, as columnar kernels.
