//! Prints the contract's Solidity interface, as `cargo stylus export-abi` expects:
//! `cargo run -p integra-multi-party-lens --features export-abi`.
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]

/// Without `export-abi` there is nothing to print; the contract itself is the cdylib.
#[cfg(not(any(test, feature = "export-abi")))]
#[no_mangle]
pub extern "C" fn main() {}

#[cfg(feature = "export-abi")]
fn main() {
    print!(
        "{}",
        integra_multi_party_lens::abi().to_sol("IMultiPartyTokenizerLens", None)
    );
}
