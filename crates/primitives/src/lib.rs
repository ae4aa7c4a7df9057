//! Types, constants and storage components shared by the Integra Stylus contracts.
//!
//! Everything here is `no_std` and is linked into contracts, so it stays small:
//! - [`abi`]: one compact encoder for events and errors (keeps contracts under the size limit).
//! - [`capabilities`]: the capability bits and role templates of spec 01 §1 (`CORE_ADMIN` implies
//!   all), with the namespace's pure functions.
//! - [`eas`]: EAS's `Attestation` struct, `getAttestation` and the schema-resolver callbacks,
//!   with their compact codec and EAS's UID derivations.
//! - [`roles`]: the access-control role ids of spec 00 §4.
//! - [`limits`]: batch sizes and byte-length limits, with the checks every contract shares.
//! - [`errors`]: the Solidity errors that more than one contract raises.
//! - [`interfaces`]: the resolver, executor, verifier and lookup interfaces contracts call.
//! - [`erc165`]: interface ids (`interface_id`, `IAccessControl`, ERC-165).
//! - [`erc2771`]: trusted-forwarder sender resolution (the 20-byte calldata suffix).
//! - [`reentrancy`]: an explicit storage reentrancy guard (OZ v5 error name).
//! - [`calls`]: outgoing calls with explicit gas, bounded return data and a storage flush.
//! - [`access`]: OpenZeppelin's `AccessControl` and `Pausable`, re-exported so that every contract
//!   uses the same pieces.
#![cfg_attr(not(test), no_std)]
extern crate alloc;

pub mod abi;
pub mod access;
pub mod calls;
pub mod capabilities;
pub mod eas;
pub mod erc165;
pub mod erc2771;
pub mod errors;
pub mod interfaces;
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

/// Declares `$ty` the contract's top-level storage and exports a `user_entrypoint` that routes
/// through `$ty`'s `Router` and, unlike the SDK's `#[entrypoint]` without its crate-wide
/// `reentrant` feature, **accepts reentrant calls** (spec 00 §4: resolver hooks and tokenizers
/// read the document registry while it calls them).
///
/// The generated function is the SDK's entrypoint minus its `msg_reentrant` refusal: pay for
/// memory growth, read the calldata, route, flush the storage cache, write the result. Writes
/// stay single-entry through the contract's explicit reentrancy guard, and every outgoing call
/// must flush the storage cache first so that a re-entered view reads current state.
/// Enabling the SDK feature instead would change every contract built in the same cargo
/// invocation (feature unification), so the choice is made here, per contract.
///
/// `reentrant_entrypoint!(@entry Storage, Router)` exports only the entrypoint, routing through
/// `Router` over the (already top-level) `Storage` of another crate: a lens contract that runs
/// a tokenizer's views on the tokenizer's storage layout.
#[macro_export]
macro_rules! reentrant_entrypoint {
    (@entry $ty:ty, $router:ty) => {
        /// Stylus entrypoint (re-entry allowed; see `integra_primitives::reentrant_entrypoint`).
        #[cfg(all(target_arch = "wasm32", not(any(test, feature = "export-abi"))))]
        #[no_mangle]
        pub extern "C" fn user_entrypoint(len: usize) -> usize {
            use stylus_sdk::prelude::*;
            let host = stylus_sdk::host::VM(stylus_sdk::host::WasmVM {});
            // Keeps `pay_for_memory_grow` imported, which activation requires.
            host.pay_for_memory_grow(0);
            let input = host.read_args(len);
            let (data, status) =
                match stylus_sdk::abi::router_entrypoint::<$router, $ty>(input, host.clone()) {
                    Ok(data) => (data, 0),
                    Err(data) => (data, 1),
                };
            host.flush_cache(false);
            host.write_result(&data);
            status
        }
    };
    ($ty:ty) => {
        unsafe impl stylus_sdk::prelude::TopLevelStorage for $ty {}

        $crate::reentrant_entrypoint!(@entry $ty, $ty);
    };
}

#[doc(hidden)]
pub mod __private {
    pub use alloc::vec::Vec;
    pub use alloy_sol_types::{SolError, SolEvent};
}
