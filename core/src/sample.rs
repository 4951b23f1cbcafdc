//! A worked example: Acme Home Care, a fictional home-care provider, scored on the
//! built-in ISO 23592 framework. It exists so that people (and the command line's
//! `servex demo`) can see a realistic report without writing a document first, and so
//! that every front has the same non-trivial document to test against.
//!
//! The document evidences all nine elements, uses the four perspectives (service
//! weighted 2), and has measures that improve and decline over two to four quarters,
//! a lower-is-better measure, a target range, a missing value, units, evidence notes
//! and principle tags.

use crate::scorecard::Scorecard;

/// The sample scorecard document, as JSON text.
pub const SAMPLE_JSON: &str = include_str!("../data/sample-home-care.json");

/// The sample scorecard, parsed.
pub fn sample_scorecard() -> Scorecard {
    // The text is part of the crate and checked by the tests below; a failure here is
    // a defect of the crate, never of user input.
    Scorecard::from_json_str(SAMPLE_JSON).expect("the bundled sample scorecard is valid")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::{builtin, BUILTIN_ID};
    use crate::json::{agree, mutations_agree};
    use crate::report::{Direction, Report, ReportOutcome, Status, TrendDirection};
    use crate::score;

    #[test]
    fn the_sample_scores_every_view() {
        let document = sample_scorecard();
        let report = score(&document).expect("the sample scores");
        assert_eq!(report.title.as_deref(), Some("Acme Home Care, 2026-Q3"));
        assert!(report.indicators.len() >= 20, "a realistic number of indicators");

        // Every element and dimension is evidenced, and all four perspectives are used.
        assert_eq!(report.elements.len(), 9);
        assert!(report.elements.iter().all(|e| e.score.is_some()), "every element scored");
        assert_eq!(report.dimensions.len(), 4);
        assert!(report.dimensions.iter().all(|d| d.score.is_some()));
        assert_eq!(report.perspectives.len(), 4);
        assert!(report.perspectives.iter().all(|p| p.score.is_some() && p.indicators > 0));
        let service = report.perspectives.iter().find(|p| p.id == "service").expect("service");
        assert_eq!(service.weight, 2.0);

        // One value is missing, so coverage is below 1.
        let coverage = report.coverage.expect("coverage");
        assert!(coverage > 0.9 && coverage < 1.0, "coverage {coverage}");
        assert!(report.indicators.iter().any(|i| i.status == Status::Missing));

        // Not all green; a level attained and a next one to focus on.
        assert!(report.score.is_some() && report.model_score.is_some());
        assert_ne!(report.status, Status::Green);
        assert!(report.indicators.iter().any(|i| i.status == Status::Red));
        assert!(report.indicators.iter().any(|i| i.status == Status::Green));
        assert!((1..=2).contains(&report.level_attained), "level {}", report.level_attained);
        assert_eq!(report.focus_level, Some(report.level_attained + 1));
        assert_ne!(report.outcome, ReportOutcome::Delight);

        // The kinds of measure a real scorecard has.
        let directions: Vec<Direction> = report.indicators.iter().map(|i| i.direction).collect();
        assert!(directions.contains(&Direction::Decrease));
        assert!(directions.contains(&Direction::Range));
        let trends: Vec<TrendDirection> =
            report.indicators.iter().filter_map(|i| i.trend).map(|t| t.direction).collect();
        assert!(trends.contains(&TrendDirection::Improving));
        assert!(trends.contains(&TrendDirection::Declining));
        assert!(report.indicators.iter().any(|i| i.unit.is_some() && i.evidence.is_some()));
        assert!(report.principles.iter().all(|p| p.indicators > 0), "every principle tagged");

        assert!(!report.gaps.is_empty() && report.priorities.len() >= 5);
    }

    /// Every front's tests read the same expected headline, so that the command line,
    /// Python, JavaScript and the browser demo cannot drift apart on the sample.
    #[test]
    fn the_sample_scores_the_shared_headline() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/sample/headline.json");
        let text = std::fs::read_to_string(path).expect("tests/sample/headline.json is readable");
        let expected: serde_json::Value = serde_json::from_str(&text).expect("the headline is JSON");
        let document = sample_scorecard();
        let report = score(&document).expect("the sample scores");
        assert_eq!(report.title.as_deref(), expected["title"].as_str());
        assert_eq!(report.score, expected["score"].as_f64());
    }

    #[test]
    fn the_sample_round_trips() {
        let sample = sample_scorecard();
        assert_eq!(Scorecard::from_json(&sample.to_json()), Ok(sample));
    }

    #[test]
    fn the_sample_reads_as_the_reference_reads_it() {
        let sample: serde_json::Value = serde_json::from_str(SAMPLE_JSON).unwrap();
        mutations_agree::<Scorecard>(&sample);
        let mut inline = sample;
        inline["framework"] = serde_json::to_value(builtin(BUILTIN_ID).unwrap()).unwrap();
        agree::<Scorecard>(&inline);
    }

    #[test]
    fn its_report_reads_as_the_reference_reads_it() {
        let document = sample_scorecard();
        let report = score(&document).unwrap();
        mutations_agree::<Report>(&serde_json::to_value(report).unwrap());
    }
}
