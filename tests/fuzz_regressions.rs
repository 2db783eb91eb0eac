//! Every input the fuzzer (`tests/fuzz.rs`) ever found a crash or hang with, pinned: each
//! must now run through load → IR → emit without a panic, with generated Rust that parses,
//! and end (a watchdog reports a hang instead of blocking the test run).

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use apiforge::{emit, ir, load, Error, Settings};

fn pipeline(bytes: Vec<u8>, is_json: bool) -> Result<(), String> {
    let loaded = match load::load_bytes(Path::new("regression"), &bytes, is_json) {
        Ok(loaded) => loaded,
        Err(_) => return Ok(()),
    };
    let mut warnings = Vec::new();
    let Ok(api) = ir::lower_api(&loaded, &Settings::default(), &mut warnings) else {
        return Ok(());
    };
    match emit::emit(&api, &Settings::default(), &mut Default::default()) {
        Err(Error::Emit { file, message }) => Err(format!("{file} does not parse: {message}")),
        _ => Ok(()),
    }
}

#[test]
fn every_fuzz_finding_stays_fixed() {
    let dir = Path::new("fuzz_regressions");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/fuzz_regressions")
        .map(|e| e.expect("entry").path())
        .collect();
    paths.sort();
    assert!(!paths.is_empty());
    for path in paths {
        let bytes = std::fs::read(&path).expect("readable");
        let is_json = path.extension().is_some_and(|e| e == "json");
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            let _ = sender.send(std::panic::catch_unwind(|| pipeline(bytes, is_json)));
        });
        match receiver.recv_timeout(Duration::from_secs(60)) {
            Ok(Ok(Ok(()))) => {}
            Ok(Ok(Err(bug))) => panic!("{}: {bug}", path.display()),
            Ok(Err(_)) => panic!("{}: the generator panicked", path.display()),
            Err(_) => panic!("{}: no result within 60 s", path.display()),
        }
    }
}
