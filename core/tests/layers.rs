//! The core's top-level modules form layers: each may use the ones below it and none
//! above, so that the crate reads bottom to top and a change low down cannot loop back
//! through a caller. This test holds the order and checks every file of `core/src`,
//! tests included, against it.

use std::fs;
use std::path::{Path, PathBuf};

/// The top-level modules, bottom to top. Errors and limits first; then reading and
/// writing JSON; the framework and the metrics, which know nothing of scorecards; the
/// report's data types, which scoring builds; scoring and its sample; many units;
/// the calls of the contract, what a front asks beside them, and their JSON Schemas
/// (feature `schema`, which read the defaults a front asks for); and the renderer,
/// which draws what the calls return.
const LAYERS: [&str; 14] = [
    "error",
    "magnitude",
    "json",
    "output",
    "framework",
    "metrics",
    "report",
    "scorecard",
    "sample",
    "units",
    "call",
    "boundary",
    "schema",
    "render",
];

#[test]
fn no_module_uses_one_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let roots = root_names(&fs::read_to_string(src.join("lib.rs")).expect("lib.rs"));
    let mut faults = Vec::new();
    for file in rust_files(&src) {
        let relative = file.strip_prefix(&src).expect("under src");
        let module_path = module_path(relative);
        let Some(own) = module_path.first() else { continue }; // lib.rs: declarations only
        let text = fs::read_to_string(&file).expect("readable");
        for (line, name) in references(&text, module_path.len()) {
            let target = roots.iter().find(|(n, _)| *n == name).map_or(name.as_str(), |(_, m)| m.as_str());
            let shown = relative.display();
            match (rank(own), rank(target)) {
                (Some(from), Some(to)) if to > from => {
                    faults.push(format!("core/src/{shown}:{line}: {own} uses {target} (`{name}`), which is above it"));
                }
                (Some(_), Some(_)) => {}
                _ => faults.push(format!("core/src/{shown}:{line}: `{name}` is in no layer of {LAYERS:?}")),
            }
        }
    }
    assert!(faults.is_empty(), "upward imports:\n{}", faults.join("\n"));
}

#[test]
fn every_top_level_module_has_its_layer() {
    let lib = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).expect("lib.rs");
    let mut declared: Vec<&str> = lib
        .lines()
        .filter_map(|l| l.trim().trim_start_matches("pub ").strip_prefix("mod "))
        .map(|l| l.trim_end_matches(';'))
        .collect();
    declared.sort_unstable();
    let mut layers = LAYERS.to_vec();
    layers.sort_unstable();
    assert_eq!(declared, layers);
}

/// The scanner finds every form of reference, and none in comments or in strings other
/// than a path (serde's `with = "crate::..."`).
#[test]
fn the_scanner_sees_every_form() {
    let text = r##"use crate::{a, b::{C, d}};
// crate::comment
fn f() { let s = "\"{crate::string"; let c = '{'; let q = '\''; x::<'_>(crate::e::f()); }
#[serde(with = "crate::g::h")]
mod tests { /* crate::block /* nested */ crate::still } */ let r = r#"}"#; use super::super::i; use super::j; }
$crate::k::L
"##;
    let found: Vec<(usize, String)> = references(text, 1);
    let expected = [(1, "a"), (1, "b"), (3, "e"), (4, "g"), (5, "i"), (6, "k")];
    assert_eq!(found, expected.map(|(l, n)| (l, n.to_string())));
}

fn rank(module: &str) -> Option<usize> {
    LAYERS.iter().position(|m| *m == module)
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).expect("a directory") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// `json/read/tests.rs` is `json::read::tests`, `json/mod.rs` and `json.rs` are `json`.
fn module_path(relative: &Path) -> Vec<String> {
    let mut path: Vec<String> = relative.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    let file = path.pop().unwrap_or_default();
    match file.trim_end_matches(".rs") {
        "mod" | "lib" => {}
        name => path.push(name.to_string()),
    }
    path
}

/// What lib.rs re-exports at the root, and from which module (`score` from `scorecard`).
fn root_names(lib: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for line in lib.lines().filter_map(|l| l.trim().strip_prefix("pub use ")) {
        let (module, names) = line.split_once("::").expect("pub use module::names");
        for name in names.trim_end_matches(';').trim_matches(['{', '}']).split(',') {
            let name = name.rsplit(" as ").next().unwrap_or(name).trim();
            out.push((name.to_string(), module.to_string()));
        }
    }
    out
}

/// Each top-level name the text reaches through `crate::`, `$crate::` or a chain of
/// `super::` that climbs out of a file `depth` modules deep, with its line.
fn references(text: &str, depth: usize) -> Vec<(usize, String)> {
    let (code, shape) = without_comments(text);
    let line = |at: usize| code[..at].matches('\n').count() + 1;
    let mut out = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let before = code[..at].chars().next_back();
        // Inside a string (blank in `shape`) only a whole path counts, as serde's `with`.
        let quoted = shape.as_bytes()[at] == b' ';
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') || (quoted && before != Some('"')) {
            continue;
        }
        for name in first_segments(&code[at + "crate::".len()..]) {
            out.push((line(at), name));
        }
    }
    // Inline modules (`mod tests {`) add a level for the `super` inside them.
    let mut open: Vec<usize> = Vec::new();
    let mut braces = 0usize;
    let bytes = shape.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' => braces += 1,
            b'}' => {
                if open.last() == Some(&braces) {
                    open.pop();
                }
                braces = braces.saturating_sub(1);
            }
            _ if !shape.is_char_boundary(i) => {}
            _ if word_at(&shape, i, "mod") => {
                let rest = &shape[i + 3..];
                let name_end = rest.trim_start().find(|c: char| !(c.is_alphanumeric() || c == '_'));
                if name_end.is_some_and(|n| rest.trim_start()[n..].trim_start().starts_with('{')) {
                    open.push(braces + 1);
                }
            }
            _ if word_at(&shape, i, "super") => {
                let mut climbs = 0;
                let mut rest = &shape[i..];
                while let Some(after) = rest.strip_prefix("super").and_then(|r| r.trim_start().strip_prefix("::")) {
                    climbs += 1;
                    rest = after.trim_start();
                }
                if climbs > 0 && climbs >= depth + open.len() {
                    out.extend(first_segments(&code[code.len() - rest.len()..]).into_iter().map(|n| (line(i), n)));
                }
                i = (shape.len() - rest.len()).max(i + 1);
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    out.sort();
    out.dedup();
    out
}

fn word_at(text: &str, at: usize, word: &str) -> bool {
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    text[at..].starts_with(word)
        && !text[..at].chars().next_back().is_some_and(ident)
        && !text[at + word.len()..].chars().next().is_some_and(ident)
}

/// The first segment of a path (`json` of `json::read`), or of each path of a group
/// (`a` and `b` of `{a, b::{c, d}}`).
fn first_segments(path: &str) -> Vec<String> {
    let path = path.trim_start();
    let Some(group) = path.strip_prefix('{') else {
        let end = path.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(path.len());
        return vec![path[..end].to_string()];
    };
    let (mut out, mut level, mut start) = (Vec::new(), 0usize, 0usize);
    for (i, c) in group.char_indices() {
        match c {
            '{' => level += 1,
            '}' if level == 0 => {
                out.extend(first_segments(&group[start..i]).into_iter().filter(|s| !s.is_empty()));
                break;
            }
            '}' => level -= 1,
            ',' if level == 0 => {
                out.extend(first_segments(&group[start..i]).into_iter().filter(|s| !s.is_empty()));
                start = i + 1;
            }
            _ => {}
        }
    }
    out
}

/// The text with comments blanked (`code`), and also with the insides of strings and
/// characters blanked (`shape`, for counting braces); both keep every line break and
/// byte offset.
fn without_comments(text: &str) -> (String, String) {
    let chars: Vec<char> = text.chars().collect();
    let (mut code, mut shape) = (String::with_capacity(text.len()), String::with_capacity(text.len()));
    for (&c, kind) in chars.iter().zip(kinds(&chars)) {
        let blank = if c == '\n' { "\n".to_string() } else { " ".repeat(c.len_utf8()) };
        match kind {
            Kind::Code => (code.push(c), shape.push(c)),
            Kind::Quoted => (code.push(c), shape.push_str(&blank)),
            Kind::Comment => (code.push_str(&blank), shape.push_str(&blank)),
        };
    }
    (code, shape)
}

#[derive(Clone, Copy)]
enum Kind {
    Code,
    Comment,
    /// The inside of a string or character literal (not its quotes).
    Quoted,
}

/// What each character of Rust source is.
fn kinds(chars: &[char]) -> Vec<Kind> {
    let mut out = vec![Kind::Code; chars.len()];
    let find = |from: usize, c: char| chars.iter().skip(from).position(|&x| x == c).map_or(chars.len(), |n| from + n);
    let mut i = 0;
    while i < chars.len() {
        // The run [from, to) of one kind, and where the next step starts.
        let (kind, from, to, next) = match (chars[i], chars.get(i + 1)) {
            ('/', Some('/')) => (Kind::Comment, i, find(i, '\n'), find(i, '\n')),
            ('/', Some('*')) => (Kind::Comment, i, block_end(chars, i), block_end(chars, i)),
            ('"', _) => (Kind::Quoted, i + 1, string_end(chars, i + 1, None), string_end(chars, i + 1, None) + 1),
            ('r', Some('"' | '#')) if raw_start(chars, i) => {
                let hashes = chars[i + 1..].iter().take_while(|&&c| c == '#').count();
                let end = string_end(chars, i + 2 + hashes, Some(hashes));
                (Kind::Quoted, i + 2 + hashes, end, end + 1 + hashes)
            }
            ('\'', Some('\\')) => (Kind::Quoted, i + 1, find(i + 3, '\''), find(i + 3, '\'') + 1),
            ('\'', _) if chars.get(i + 2) == Some(&'\'') => (Kind::Quoted, i + 1, i + 2, i + 3),
            _ => (Kind::Code, i, i, i + 1),
        };
        out[from.min(chars.len())..to.min(chars.len())].fill(kind);
        i = next;
    }
    out
}

/// Just past the `*/` that closes the comment opened at `at` (they nest).
fn block_end(chars: &[char], at: usize) -> usize {
    let (mut level, mut j) = (0, at);
    while j + 1 < chars.len() {
        match (chars[j], chars[j + 1]) {
            ('/', '*') => (level, j) = (level + 1, j + 2),
            ('*', '/') if level == 1 => return j + 2,
            ('*', '/') => (level, j) = (level - 1, j + 2),
            _ => j += 1,
        }
    }
    chars.len()
}

/// The closing quote of a string whose inside starts at `from`; a raw one's
/// (`Some(hashes)`) needs its hashes after it and knows no escapes.
fn string_end(chars: &[char], from: usize, raw: Option<usize>) -> usize {
    let mut j = from;
    while j < chars.len() {
        match (chars[j], raw) {
            ('\\', None) => j += 2,
            ('"', Some(h)) if chars[j + 1..].iter().take_while(|&&c| c == '#').count() >= h => return j,
            ('"', None) => return j,
            _ => j += 1,
        }
    }
    chars.len()
}

/// Whether the `r` at `at` opens a raw string rather than ending an identifier.
fn raw_start(chars: &[char], at: usize) -> bool {
    let before = at.checked_sub(1).map(|b| chars[b]);
    let after = chars[at + 1..].iter().find(|&&c| c != '#');
    !before.is_some_and(|c| c.is_alphanumeric() || c == '_') && after == Some(&'"')
}
