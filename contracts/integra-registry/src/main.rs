//! Prints the contract's Solidity interface, as `cargo stylus export-abi` expects:
//! `cargo run -p integra-registry --features export-abi`.
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]

#[cfg(not(any(test, feature = "export-abi")))]
#[no_mangle]
pub extern "C" fn main() {}

#[cfg(feature = "export-abi")]
fn main() {
    print!(
        "{}",
        integra_registry::abi().to_sol("IIntegraRegistry", None)
    );
}
