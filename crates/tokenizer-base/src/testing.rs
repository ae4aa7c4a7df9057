//! Test support for the tokenizers' motsu tests (feature `testing`): the registries' world,
//! ids and an exact-error assertion, and two stand-in contracts.
//!
//! [`TestProvider`] answers `verifyCapabilitiesWithToken` from attestations a test records
//! (recipient, record, capability bits, token id), as the EAS attestation provider answers from
//! EAS: verified only for the attested recipient and record. It stands in for
//! `EASAttestationProvider` + the EAS test contract in motsu tests; the WASM-level flows use the
//! real ones.
#![allow(
    missing_docs,
    clippy::unused_self,
    clippy::unnecessary_wraps,
    clippy::needless_pass_by_value
)]

use alloc::{vec, vec::Vec};
use core::fmt::Debug;

use alloy_primitives::{keccak256, Address, B256, U256};
use alloy_sol_types::SolError;
use integra_document_registry::{IntegraDocumentRegistry, Registration};
use integra_primitives::abi::{returns, Args};
use integra_registry::IntegraRegistry;
use motsu::prelude::{Contract, ResultExt};
use stylus_sdk::{
    prelude::*,
    storage::{StorageB256, StorageMap, StorageU256, StorageU8},
    ArbResult,
};

/// motsu's `block_timestamp`.
pub const NOW: u64 = 1_735_689_600;

/// [`NOW`] as a word.
#[must_use]
pub fn now() -> U256 {
    U256::from(NOW)
}

/// Record id `n`.
#[must_use]
pub fn h(n: u8) -> B256 {
    B256::repeat_byte(n)
}

/// The processHash used with record `n`.
#[must_use]
pub fn p(n: u8) -> B256 {
    B256::repeat_byte(0x70 ^ n)
}

/// Attestation uid `n`.
#[must_use]
pub fn uid(n: u8) -> B256 {
    keccak256([0xa7, n])
}

/// `U256::from(n)`.
#[must_use]
pub fn u(n: u64) -> U256 {
    U256::from(n)
}

/// Asserts `result` failed with exactly `expected` (selector and every field).
///
/// # Panics
/// When it did not.
#[track_caller]
pub fn assert_error<T: Debug, E: Into<Vec<u8>>>(
    result: Result<T, E>,
    expected: impl SolError + Debug,
) {
    match result {
        Ok(v) => panic!("expected {expected:?}, got Ok({v:?})"),
        Err(err) => assert_eq!(err.into(), expected.abi_encode(), "expected {expected:?}"),
    }
}

/// Deploys the component registry (with `prov` registered under [`provider_id`]) and the
/// document registry (fee 0, no forwarder), and approves `tokenizer`.
///
/// # Panics
/// When a deployment step fails.
pub fn deploy_registries(
    reg: &Contract<IntegraDocumentRegistry>,
    comp: &Contract<IntegraRegistry>,
    prov: &Contract<TestProvider>,
    gov: Address,
    tokenizer: Address,
) {
    comp.sender(gov).constructor(gov).unwrap();
    comp.sender(gov)
        .register_provider(provider_id(), prov.address(), "EAS", "test provider")
        .unwrap();
    reg.sender(gov)
        .constructor(
            gov,
            comp.address(),
            comp.address(),
            Address::repeat_byte(0xe0),
            Address::repeat_byte(0xe1),
            U256::ZERO,
            U256::ZERO,
            Address::ZERO,
        )
        .unwrap();
    reg.sender(gov)
        .set_tokenizer_approval(gov, tokenizer, true)
        .unwrap();
}

/// Registers record `n` owned by `owner`, bound to `tokenizer`, with `executor` (0 for none).
///
/// # Panics
/// When the registration fails.
pub fn register(
    reg: &Contract<IntegraDocumentRegistry>,
    owner: Address,
    n: u8,
    tokenizer: Address,
    executor: Address,
) {
    reg.sender(owner)
        .register_document(
            owner,
            &Registration {
                integra_hash: h(n),
                document_hash: keccak256([n]),
                tokenizer,
                executor,
                ..Registration::default()
            },
        )
        .motsu_unwrap();
}

/// The provider id tests register [`TestProvider`] under.
#[must_use]
pub fn provider_id() -> B256 {
    keccak256("eas-provider")
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
