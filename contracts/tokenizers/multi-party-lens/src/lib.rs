//! The `MultiPartyTokenizer`'s view lens (spec 10 §12, step 3: "move array views to a lens
//! contract"): a contract holding the code of the tokenizer's record and array views
//! ([`views::SELECTORS`]), so that the tokenizer's own module fits the 128 KiB a Stylus program
//! may decompress to.
//!
//! # How it runs
//! The tokenizer keeps every view on its ABI (its ERC-165 ids stay truthful; wallets and
//! indexers call it as before). For a view of [`views::SELECTORS`] its router makes a
//! `STATICCALL` to itself with a private entry selector and the original calldata; that entry
//! accepts only the tokenizer itself as caller and `DELEGATECALL`s this lens (its address fixed
//! at the tokenizer's construction), returning the output or revert data unchanged. So this code
//! reads the tokenizer's storage — the same [`MultiPartyTokenizer`] struct at slot 0 — and always
//! inside a static frame: it has no write, and none could succeed.
//!
//! This crate links the tokenizer crate without its `contract` feature (no tokenizer entrypoint
//! or router): the storage layout and [`views::dispatch`], behind this crate's own router.
//!
//! # Caller check
//! Outside its tokenizer's delegate call the lens would read its own, empty storage and answer
//! zeros; it refuses instead: every call must come from the contract it runs as
//! (`msg.sender == address(this)`, which holds exactly under the tokenizer's entry), else
//! `LensEntryForbidden(caller)`. It has no constructor and no state of its own.
//!
//! # Size
//! See the README's size table (`scripts/build-contracts.sh -p integra-multi-party-lens`): a
//! classic contract (≤ 24,576 B compressed).
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]
#![cfg_attr(target_arch = "wasm32", allow(missing_docs))]
#![cfg_attr(not(any(test, feature = "export-abi")), no_std)]
extern crate alloc;

use alloc::vec::Vec;

use alloy_sol_types::SolError;
pub use integra_multi_party_tokenizer::views;
use integra_multi_party_tokenizer::{LensEntryForbidden, MultiPartyTokenizer};
use integra_primitives::abi::{encode_error, Args};
use stylus_sdk::{abi::Router, prelude::*, ArbResult};

/// The lens's router over the tokenizer's storage.
#[derive(Debug)]
pub struct MultiPartyLens;

/// The lens's calls: no value, from the contract it runs as, a view of [`views::SELECTORS`].
#[must_use]
pub fn route(s: &MultiPartyTokenizer, selector: [u8; 4], input: &[u8]) -> Option<ArbResult> {
    let vm = s.vm();
    if !vm.msg_value().is_zero() {
        return Some(Err(Vec::new()));
    }
    let caller = vm.msg_sender();
    if caller != vm.contract_address() {
        return Some(Err(encode_error(
            LensEntryForbidden::SELECTOR,
            &[caller.into()],
        )));
    }
    views::dispatch(s, selector, Args(input))
}

impl Router<MultiPartyTokenizer> for MultiPartyLens {
    type Storage = MultiPartyTokenizer;

    fn route(s: &mut MultiPartyTokenizer, selector: u32, input: &[u8]) -> Option<ArbResult> {
        route(s, selector.to_be_bytes(), input)
    }

    fn receive(_: &mut MultiPartyTokenizer) -> Option<Result<(), Vec<u8>>> {
        None
    }

    fn fallback(_: &mut MultiPartyTokenizer, _: &[u8]) -> Option<ArbResult> {
        None
    }

    fn constructor(_: &mut MultiPartyTokenizer, _: &[u8]) -> Option<ArbResult> {
        None
    }
}

integra_primitives::reentrant_entrypoint!(@entry MultiPartyTokenizer, MultiPartyLens);

/// The lens's JSON ABI: the tokenizer's functions of [`views::SELECTORS`] and
/// `LensEntryForbidden`.
#[cfg(feature = "export-abi")]
#[must_use]
pub fn abi() -> alloy_json_abi::JsonAbi {
    let mut abi = integra_multi_party_tokenizer::abi();
    for list in abi.functions.values_mut() {
        list.retain(|f| views::SELECTORS.contains(&f.selector().0));
    }
    abi.functions.retain(|_, list| !list.is_empty());
    abi.events.clear();
    abi.errors.retain(|name, _| name == "LensEntryForbidden");
    abi.constructor = None;
    abi.fallback = None;
    abi.receive = None;
    abi
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selectors_are_distinct_and_not_the_entry() {
        let all = views::SELECTORS;
        for (i, s) in all.iter().enumerate() {
            assert!(!all[i + 1..].contains(s), "{s:?} listed twice");
            assert_ne!(*s, integra_multi_party_tokenizer::LENS_ENTRY);
        }
    }

    #[cfg(feature = "export-abi")]
    #[test]
    fn abi_has_exactly_the_lens_views() {
        let abi = abi();
        let mut ours: Vec<[u8; 4]> = abi.functions().map(|f| f.selector().0).collect();
        let mut want = views::SELECTORS.to_vec();
        ours.sort_unstable();
        want.sort_unstable();
        assert_eq!(ours, want);
        assert!(abi.functions().all(|f| f.state_mutability
            == alloy_json_abi::StateMutability::View
            || f.state_mutability == alloy_json_abi::StateMutability::Pure));
    }
}
