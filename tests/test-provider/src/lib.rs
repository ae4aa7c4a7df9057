//! A test-only attestation provider (spec 01 §5's `IAttestationProvider`) for the WASM-level test
//! of `AttestationAccessControl`'s fallback (`tests/tests/provider_fallback.rs`): a third-party
//! provider written before `verifyCapabilitiesWithToken` existed. It answers only
//! `verifyCapabilities`, so the tokenizer's first call gets the router's empty revert and must
//! fall back; motsu 0.10 cannot show this (it replaces an empty revert with a message).
//! It lives under `tests/`, so the pipeline's contract build and size table never include it.
//!
//! `configure(allowed, granted, mode)`: `verifyCapabilities(proof, recipient, h, required)`
//! answers `(recipient == allowed, recipient == allowed ? granted : 0)`, unless the mode says
//! otherwise:
//! - [`mode::PLAIN`]: no `verifyCapabilitiesWithToken` (unknown selector: empty revert);
//! - [`mode::SHORT`]: `verifyCapabilitiesWithToken` returns only `(bool, uint256)` (64 bytes,
//!   too short to carry a token id);
//! - [`mode::REFUSE_WITH_TOKEN`]: `verifyCapabilitiesWithToken` reverts `WithTokenRefused()`
//!   (a real failure: the caller must bubble it, not fall back);
//! - [`mode::REFUSE_PLAIN`]: no `verifyCapabilitiesWithToken`, and `verifyCapabilities` reverts
//!   `PlainRefused(recipient)`.
#![cfg_attr(not(test), no_main)]
#![cfg_attr(target_arch = "wasm32", allow(missing_docs))]
#![cfg_attr(not(test), no_std)]
extern crate alloc;

use alloc::{vec, vec::Vec};

use alloy_primitives::{Address, U256};
use alloy_sol_types::{sol, SolCall, SolError};
use integra_primitives::{
    abi::{returns, Args},
    reentrant_entrypoint,
};
use stylus_sdk::{
    prelude::*,
    storage::{StorageAddress, StorageU256, StorageU8},
    ArbResult,
};

sol! {
    /// Sets the one recipient granted, what it is granted and the mode.
    function configure(address allowed, uint256 granted, uint8 mode) external;
    /// spec 01 §5.
    function verifyCapabilities(bytes proof, address recipient, bytes32 documentHash, uint256 requiredCapability) external view returns (bool verified, uint256 grantedCapabilities);
    /// spec 01 §5 (+), answered only in the modes that say so.
    function verifyCapabilitiesWithToken(bytes proof, address recipient, bytes32 documentHash, uint256 requiredCapability) external view returns (bool verified, uint256 grantedCapabilities, uint256 attestedTokenId);
    /// [`mode::REFUSE_WITH_TOKEN`]'s revert.
    #[derive(Debug, PartialEq, Eq)]
    error WithTokenRefused();
    /// [`mode::REFUSE_PLAIN`]'s revert.
    #[derive(Debug, PartialEq, Eq)]
    error PlainRefused(address recipient);
}

/// Behaviours.
pub mod mode {
    /// Only `verifyCapabilities`.
    pub const PLAIN: u8 = 0;
    /// `verifyCapabilitiesWithToken` answers 64 bytes.
    pub const SHORT: u8 = 1;
    /// `verifyCapabilitiesWithToken` reverts with data.
    pub const REFUSE_WITH_TOKEN: u8 = 2;
    /// Only `verifyCapabilities`, which reverts with data.
    pub const REFUSE_PLAIN: u8 = 3;
}

/// Storage.
#[storage]
pub struct TestProvider {
    allowed: StorageAddress,
    granted: StorageU256,
    mode: StorageU8,
}

reentrant_entrypoint!(TestProvider);

integra_primitives::compact_router!(TestProvider, dispatch);

impl TestProvider {
    fn answer(&self, recipient: Address) -> Vec<u8> {
        let ok = recipient == self.allowed.get();
        let granted = if ok { self.granted.get() } else { U256::ZERO };
        returns(&[ok.into(), granted.into()])
    }
}

fn dispatch(s: &mut TestProvider, selector: [u8; 4], a: Args<'_>) -> Option<ArbResult> {
    let mode = s.mode.get().to::<u8>();
    Some(match selector {
        configureCall::SELECTOR => {
            let (allowed, granted, m) = (a.address(0)?, a.u256(1)?, a.u8(2)?);
            s.allowed.set(allowed);
            s.granted.set(granted);
            s.mode.set(alloy_primitives::Uint::from(m));
            Ok(Vec::new())
        }
        verifyCapabilitiesCall::SELECTOR => {
            let recipient = a.address(1)?;
            if mode == mode::REFUSE_PLAIN {
                Err(PlainRefused { recipient }.abi_encode())
            } else {
                Ok(s.answer(recipient))
            }
        }
        verifyCapabilitiesWithTokenCall::SELECTOR => match mode {
            mode::SHORT => Ok(s.answer(a.address(1)?)),
            mode::REFUSE_WITH_TOKEN => Err(WithTokenRefused {}.abi_encode()),
            _ => return None,
        },
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn modes_are_distinct() {
        let all = [
            super::mode::PLAIN,
            super::mode::SHORT,
            super::mode::REFUSE_WITH_TOKEN,
            super::mode::REFUSE_PLAIN,
        ];
        for (i, a) in all.iter().enumerate() {
            assert!(all[i + 1..].iter().all(|b| b != a));
        }
    }
}
