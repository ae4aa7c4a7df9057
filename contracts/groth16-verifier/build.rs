//! Bakes the verifying key into the contract: `$INTEGRA_VERIFIER_VK` (a file in the encoding of
//! `integra_circuits::evm::vk_bytes`, e.g. written by `integra keygen`) or, by default, the test
//! key of the processHash circuit (`vk/process_hash.test.bin`, from the public test seed: never
//! deploy it).
use std::{env, fs, path::PathBuf};

fn main() {
    println!("cargo:rerun-if-env-changed=INTEGRA_VERIFIER_VK");
    let src = env::var_os("INTEGRA_VERIFIER_VK").map_or_else(
        || {
            // Loud on every build that bakes the test key: its trapdoor follows from a public seed.
            if env::var("TARGET").is_ok_and(|t| t.starts_with("wasm32")) {
                println!(
                    "cargo:warning=groth16-verifier: baking the TEST verifying key (public seed); \
                     set INTEGRA_VERIFIER_VK to a production key before deploying"
                );
            }
            PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"))
                .join("vk/process_hash.test.bin")
        },
        PathBuf::from,
    );
    println!("cargo:rerun-if-changed={}", src.display());
    let vk = fs::read(&src).unwrap_or_else(|e| panic!("reading {}: {e}", src.display()));
    assert!(
        vk.len().is_multiple_of(64) && vk.len() >= 32 * 18,
        "{}: {} bytes is not a verifying key (32·(16 + 2N))",
        src.display(),
        vk.len()
    );
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("vk.bin");
    fs::write(out, vk).expect("writing OUT_DIR/vk.bin");
}
