//! Running the built `servex` binary, shared by the command line's test files.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `servex ARGS`, feeding `stdin` when given (an empty stdin otherwise).
pub fn servex(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_servex"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the servex binary starts");
    let mut pipe = child.stdin.take().expect("stdin is piped");
    let input = stdin.unwrap_or_default().to_vec();
    // Written from another thread so that a large input cannot deadlock against output.
    let writer = std::thread::spawn(move || {
        // The binary may exit before reading everything (e.g. a usage error); that is fine.
        let _ = pipe.write_all(&input);
    });
    let output = child.wait_with_output().expect("the servex binary runs");
    writer.join().expect("stdin writer");
    output
}
