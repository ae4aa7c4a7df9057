//! Types, constants and storage components shared by the Integra Stylus contracts.
//!
//! Everything here is `no_std` and is linked into contracts, so it stays small:
//! - [`abi`]: one compact encoder for events and errors (keeps contracts under the size limit).
//! - [`capabilities`]: the capability bits and role templates of spec 01 §1 (`CORE_ADMIN` implies
//!   all), with the namespace's pure functions.
//! - [`roles`]: the access-control role ids of spec 00 §4.
//! - [`limits`]: batch sizes and byte-length limits, with the checks every contract shares.
//! - [`errors`]: the Solidity errors that more than one contract raises.
//! - [`erc2771`]: trusted-forwarder sender resolution (the 20-byte calldata suffix).
//! - [`reentrancy`]: an explicit storage reentrancy guard (OZ v5 error name).
//! - [`access`]: OpenZeppelin's `AccessControl` and `Pausable`, re-exported so that every contract
//!   uses the same pieces.
#![cfg_attr(not(test), no_std)]
extern crate alloc;

pub mod abi;
pub mod access;
pub mod capabilities;
pub mod erc2771;
pub mod errors;
pub mod limits;
pub mod reentrancy;
pub mod roles;

/// Version string every Integra contract reports from `VERSION()` (spec 00 OQ-00-1).
pub const VERSION: &str = "7.0.0";

/// Contracts are `no_std`: on wasm32 a panic traps, which Nitro turns into a revert with empty
/// data. No code path reachable from calldata may panic (typed errors instead); this handler is
/// the last line, not a way to report errors.
#[cfg(all(target_arch = "wasm32", not(test)))]
#[panic_handler]
fn panic(_info: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}

#[doc(hidden)]
pub mod __private {
    pub use alloc::vec::Vec;
    pub use alloy_sol_types::SolError;
}
