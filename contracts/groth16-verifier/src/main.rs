//! Prints the contract's Solidity interface, as `cargo stylus export-abi` expects:
//! `cargo run -p groth16-verifier --features export-abi`.
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]

#[cfg(not(any(test, feature = "export-abi")))]
/// Unused: the deployable artifact is the cdylib.
#[no_mangle]
pub extern "C" fn main() {}

#[cfg(feature = "export-abi")]
fn main() {
    print!(
        "{}",
        groth16_verifier::abi().to_sol("IGroth16Verifier", None)
    );
}
