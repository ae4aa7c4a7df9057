//! `integra-abi write` regenerates `deployments/abi/`; `integra-abi check` exits 1 if any file
//! there differs from what the code exports; `integra-abi compare-solc DIR` checks the ABIs
//! `solcjs --abi` wrote into DIR against the code's (see `scripts/check-solidity.sh`).
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
        Some("compare-solc") => {
            let Some(out) = std::env::args().nth(2) else {
                eprintln!("usage: integra-abi compare-solc DIR");
                return ExitCode::from(2);
            };
            let problems = integra_abi::compare_with_solc(std::path::Path::new(&out));
            if problems.is_empty() {
                println!("solc compiles every exported interface to the code's ABI");
                ExitCode::SUCCESS
            } else {
                for p in &problems {
                    eprintln!("{p}");
                }
                ExitCode::FAILURE
            }
        }
        _ => {
            eprintln!("usage: integra-abi write|check|compare-solc DIR");
            ExitCode::from(2)
        }
    }
}
