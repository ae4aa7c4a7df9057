//! Writes the gas report (Markdown) to the path given, or to stdout.

use std::process::ExitCode;

fn main() -> ExitCode {
    let source = match std::env::var("INTEGRA_ARTIFACTS") {
        Ok(dir) => format!("pipeline output in `{dir}`"),
        Err(_) => "raw rustc modules (`cargo build --lib --release --target \
                   wasm32-unknown-unknown -p <crate>`)"
            .into(),
    };
    let rows = match integra_tests::gas::registry_rows() {
        Ok(rows) => rows,
        Err(e) => {
            eprintln!("gas report: {e}");
            return ExitCode::FAILURE;
        }
    };
    let modules = match integra_tests::gas::module_facts("integra-registry") {
        Ok(m) => vec![m],
        Err(e) => {
            eprintln!("gas report: {e}");
            return ExitCode::FAILURE;
        }
    };
    let report = integra_tests::gas::render(&rows, &modules, &source);
    match std::env::args().nth(1) {
        Some(path) => {
            if let Err(e) = std::fs::write(&path, report) {
                eprintln!("gas report: {path}: {e}");
                return ExitCode::FAILURE;
            }
        }
        None => print!("{report}"),
    }
    ExitCode::SUCCESS
}
