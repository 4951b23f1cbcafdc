//! The defaults the command line's help states for the metrics' options are the
//! core's (`servex::boundary::defaults`): the help is the one place it retypes them.

mod common;

use common::servex;
use serde_json::Value;

/// Each `--flag ... (default X)` of `servex CALL -h`, as (flag, X); a default given in
/// words (`(default: ...)`) is not a value and is left out.
fn stated_defaults(call: &str) -> Vec<(String, String)> {
    let output = servex(&[call, "-h"], None);
    assert!(output.status.success(), "{output:?}");
    let help = String::from_utf8(output.stdout).expect("the help is UTF-8");
    help.lines()
        .filter_map(|line| {
            let flag = line.trim_start().strip_prefix("--")?.split_whitespace().next()?;
            let (_, rest) = line.split_once("(default ")?;
            let value = rest.split(')').next()?;
            Some((flag.replace('-', "_"), value.to_owned()))
        })
        .collect()
}

#[test]
fn the_help_states_every_default_of_the_core_and_no_other() {
    for call in ["nps", "csat", "ces"] {
        let core = serde_json::to_value(servex::boundary::defaults(call)).expect("the defaults are JSON");
        let Value::Object(core) = core else { panic!("{call}'s defaults are an object") };
        let mut expected: Vec<(String, String)> = core
            .into_iter()
            .map(|(name, value)| (name, value.as_str().map_or_else(|| value.to_string(), str::to_owned)))
            .collect();
        let mut stated = stated_defaults(call);
        expected.sort();
        stated.sort();
        assert_eq!(stated, expected, "`servex {call} -h` against the core's defaults");
    }
}
