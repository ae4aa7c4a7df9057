//! A test-only `IDocumentResolver` (spec 03 §2) for the document registry's WASM-level hook
//! tests (`tests/tests/resolver_hooks.rs`): it misbehaves on request, in the ways motsu cannot
//! show (gas is unmetered there, empty revert data is replaced, re-entry is not a real frame).
//! It lives under `tests/`, so the pipeline's contract build and size table never include it;
//! the e2e harness builds it and puts it through the pipeline like any contract.
//!
//! Modes (`configure(mode, registry)`), applied to the three state-changing hooks:
//! - [`mode::OK`]: count the call and succeed;
//! - [`mode::BURN`]: loop until the hook's gas is gone (out of ink: all gas consumed, no data);
//! - [`mode::REVERT_EMPTY`]: revert with empty data;
//! - [`mode::REENTER`]: call the registry's `setIdentityExtension` (a guarded write) and keep its
//!   revert data, then read `getDocumentOwner` (an unguarded view) and keep the answer; succeed.
//!
//! `canOwnDocument` says `(true, "")`, `isLegitimateResolver` true, `resolverType` "Test".
//!
//! `getTokenInfo(bytes32,uint256)` — a view by its name — **writes** here: it counts the call
//! and returns the count. Deployed as a `MultiPartyTokenizer`'s lens
//! (`tests/tests/tokenizers.rs`), it shows that the lens runs in a static frame, where that
//! write fails.
#![cfg_attr(not(test), no_main)]
#![cfg_attr(target_arch = "wasm32", allow(missing_docs))]
#![cfg_attr(not(test), no_std)]
extern crate alloc;

use alloc::{vec, vec::Vec};

use alloy_primitives::{B256, U256};
use alloy_sol_types::{sol, SolCall};
use integra_primitives::{
    abi::{returns, Args, Token},
    calls::{self, Kind},
    interfaces::IDocumentResolver,
    reentrant_entrypoint,
};
use stylus_sdk::{
    prelude::*,
    storage::{StorageAddress, StorageBytes, StorageU256, StorageU8},
    ArbResult,
};

sol! {
    /// Sets the mode and the registry to re-enter.
    function configure(uint8 mode, address registry) external;
    /// Hook calls that succeeded.
    function calls() external view returns (uint256);
    /// Revert data of the last re-entrant write.
    function reentryError() external view returns (bytes);
    /// Owner the last re-entrant view returned.
    function seenOwner() external view returns (address);
    /// The guarded write the re-entering hook tries.
    function setIdentityExtension(bytes32 integraHash, bytes32 identityExtension) external;
    /// The view the re-entering hook reads.
    function getDocumentOwner(bytes32 integraHash) external view returns (address);
    /// A tokenizer view's selector that writes here (a hostile lens).
    function getTokenInfo(bytes32 integraHash, uint256 tokenId) external returns (uint256);
}

/// Behaviours of the state-changing hooks.
pub mod mode {
    /// Succeed.
    pub const OK: u8 = 0;
    /// Burn all gas.
    pub const BURN: u8 = 1;
    /// Revert with empty data.
    pub const REVERT_EMPTY: u8 = 2;
    /// Re-enter the registry.
    pub const REENTER: u8 = 3;
}

/// Storage.
#[storage]
pub struct TestResolver {
    mode: StorageU8,
    registry: StorageAddress,
    calls: StorageU256,
    seen_owner: StorageAddress,
    reentry_error: StorageBytes,
}

reentrant_entrypoint!(TestResolver);

integra_primitives::compact_router!(TestResolver, dispatch);

impl TestResolver {
    fn hook(&mut self, integra_hash: B256) -> ArbResult {
        match self.mode.get().to::<u8>() {
            mode::BURN => {
                let mut x = 0u64;
                loop {
                    x = core::hint::black_box(x.wrapping_add(1));
                }
            }
            mode::REVERT_EMPTY => return Err(Vec::new()),
            mode::REENTER => {
                let registry = self.registry.get();
                let write = setIdentityExtensionCall {
                    integraHash: integra_hash,
                    identityExtension: B256::repeat_byte(0xee),
                }
                .abi_encode();
                let err = match calls::call(
                    self.vm(),
                    Kind::Call(U256::ZERO),
                    registry,
                    &write,
                    u64::MAX,
                ) {
                    Ok(_) => b"re-entrant write succeeded".to_vec(),
                    Err(data) => data,
                };
                self.reentry_error.set_bytes(err);
                let read = getDocumentOwnerCall {
                    integraHash: integra_hash,
                }
                .abi_encode();
                let owner = calls::call(self.vm(), Kind::Static, registry, &read, u64::MAX)
                    .ok()
                    .and_then(|o| Args(&o).address(0))
                    .unwrap_or_default();
                self.seen_owner.set(owner);
            }
            _ => {}
        }
        self.calls.set(self.calls.get().wrapping_add(U256::from(1)));
        Ok(Vec::new())
    }
}

fn dispatch(s: &mut TestResolver, selector: [u8; 4], a: Args<'_>) -> Option<ArbResult> {
    use IDocumentResolver as R;
    Some(match selector {
        configureCall::SELECTOR => {
            let (m, registry) = (a.u8(0)?, a.address(1)?);
            s.mode.set(alloy_primitives::Uint::from(m));
            s.registry.set(registry);
            Ok(Vec::new())
        }
        callsCall::SELECTOR => Ok(returns(&[s.calls.get().into()])),
        reentryErrorCall::SELECTOR => Ok(returns(&[Token::Bytes(&s.reentry_error.get_bytes())])),
        seenOwnerCall::SELECTOR => Ok(returns(&[s.seen_owner.get().into()])),
        R::onDocumentRegisteredCall::SELECTOR
        | R::onDocumentTransferredCall::SELECTOR
        | R::onTokenizerAssociatedCall::SELECTOR => s.hook(a.word(0)?),
        R::canOwnDocumentCall::SELECTOR => Ok(returns(&[true.into(), "".into()])),
        R::isLegitimateResolverCall::SELECTOR => Ok(returns(&[true.into()])),
        R::resolverTypeCall::SELECTOR => Ok(returns(&["Test".into()])),
        getTokenInfoCall::SELECTOR => {
            s.calls.set(s.calls.get().wrapping_add(U256::from(1)));
            Ok(returns(&[s.calls.get().into()]))
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn modes_are_distinct() {
        let all = [
            super::mode::OK,
            super::mode::BURN,
            super::mode::REVERT_EMPTY,
            super::mode::REENTER,
        ];
        for (i, a) in all.iter().enumerate() {
            assert!(all[i + 1..].iter().all(|b| b != a));
        }
    }
}
