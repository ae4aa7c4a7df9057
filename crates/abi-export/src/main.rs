//! `integra-abi write` regenerates `deployments/abi/`; `integra-abi check` exits 1 if any file
//! there differs from what the code exports.
use std::{path::PathBuf, process::ExitCode};

fn main() -> ExitCode {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../deployments/abi");
    match std::env::args().nth(1).as_deref() {
        Some("write") => match integra_abi::write_all(&dir) {
            Ok(()) => {
                println!("wrote {}", dir.display());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("integra-abi: {e}");
                ExitCode::from(2)
            }
        },
        Some("check") => {
            let stale = integra_abi::drift(&dir);
            if stale.is_empty() {
                println!("deployments/abi matches the code");
                ExitCode::SUCCESS
            } else {
                for f in &stale {
                    eprintln!("deployments/abi/{f} differs from the code's ABI");
                }
                eprintln!("run `cargo run -p integra-abi -- write` and commit the result");
                ExitCode::FAILURE
            }
        }
        _ => {
            eprintln!("usage: integra-abi write|check");
            ExitCode::from(2)
        }
    }
}
