//! Test support for the tokenizers' motsu tests (feature `testing`).
//!
//! [`TestProvider`] answers `verifyCapabilitiesWithToken` from attestations a test records
//! (recipient, record, capability bits, token id), as the EAS attestation provider answers from
//! EAS: verified only for the attested recipient and record. It stands in for
//! `EASAttestationProvider` + the EAS test contract in motsu tests; the WASM-level flows use the
//! real ones.
#![allow(missing_docs, clippy::unused_self, clippy::unnecessary_wraps)]

use alloc::{vec, vec::Vec};

use alloy_primitives::{Address, B256, U256};
use integra_primitives::abi::{returns, Args};
use stylus_sdk::{
    prelude::*,
    storage::{StorageB256, StorageMap, StorageU256, StorageU8},
    ArbResult,
};

/// The provider id tests register [`TestProvider`] under.
#[must_use]
pub fn provider_id() -> B256 {
    alloy_primitives::keccak256("eas-provider")
}

/// An attestation provider answering from recorded attestations (see the module docs).
#[storage]
pub struct TestProvider {
    recipient: StorageMap<B256, StorageB256>,
    record: StorageMap<B256, StorageB256>,
    capability: StorageMap<B256, StorageU256>,
    token_id: StorageMap<B256, StorageU256>,
}

unsafe impl TopLevelStorage for TestProvider {}

#[public]
impl TestProvider {
    /// Records attestation `id`: `recipient` holds `capability` on record `h` for `token`.
    pub fn attest(&mut self, id: B256, recipient: Address, h: B256, capability: U256, token: U256) {
        self.recipient.setter(id).set(recipient.into_word());
        self.record.setter(id).set(h);
        self.capability.setter(id).set(capability);
        self.token_id.setter(id).set(token);
    }

    /// `verifyCapabilitiesWithToken(bytes proof, address recipient, bytes32 h, uint256)`:
    /// verified iff the attestation `abi.decode(proof, (bytes32))` names this recipient and
    /// record; granted bits and token id as attested.
    #[fallback]
    fn fallback(&mut self, calldata: &[u8]) -> ArbResult {
        let a = Args(calldata.get(4..).unwrap_or_default());
        let id = a
            .bytes(0)
            .and_then(|p| p.get(..32))
            .map(B256::from_slice)
            .unwrap_or_default();
        let recipient = a.address(1).unwrap_or_default();
        let record = a.word(2).unwrap_or_default();
        let verified = self.recipient.get(id) == recipient.into_word()
            && self.record.get(id) == record
            && !record.is_zero();
        let (granted, token) = if verified {
            (self.capability.get(id), self.token_id.get(id))
        } else {
            (U256::ZERO, U256::ZERO)
        };
        Ok(returns(&[verified.into(), granted.into(), token.into()]))
    }
}

/// EAS for trust credentials: `attest` returns `alloy_primitives::keccak256(calldata)` as the uid, or reverts
/// with `Error("schema closed")` when told to.
#[storage]
pub struct CredentialEas {
    reject: StorageU8,
    calls: StorageU8,
}

unsafe impl TopLevelStorage for CredentialEas {}

#[public]
impl CredentialEas {
    pub fn set_reject(&mut self, reject: bool) {
        self.reject
            .set(alloy_primitives::Uint::from(u8::from(reject)));
    }
    #[must_use]
    pub fn calls(&self) -> u8 {
        self.calls.get().to()
    }
    /// `attest(...)`: the uid, or `Error("schema closed")` when rejecting.
    #[fallback]
    fn fallback(&mut self, calldata: &[u8]) -> ArbResult {
        let n = self.calls.get() + alloy_primitives::Uint::from(1);
        self.calls.set(n);
        if self.reject.get() == alloy_primitives::Uint::from(1) {
            return Err(integra_primitives::calls::calldata(
                integra_primitives::calls::ERROR_STRING_SELECTOR,
                &["schema closed".into()],
            ));
        }
        Ok(alloy_primitives::keccak256(calldata).to_vec())
    }
}
