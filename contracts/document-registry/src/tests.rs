//! motsu tests: every external function's happy path, each revert with its exact error and
//! fields, unauthorized callers, limits at and just past the boundary, events with exact
//! fields, the resolver hooks against a real `SimpleContactResolver` and small test resolvers,
//! ERC-2771 through the router, and property tests of spec 02 §10's record invariants.
//!
//! The component registry is the real `IntegraRegistry`. Reverts are observed through
//! `motsu_res`, which rolls the test transaction back as a revert would.
//!
//! Not coverable in motsu (timestamp fixed at 1735689600, gas unmetered, static calls not
//! enforced): the 180-day expiry branch of the emergency powers, hook gas limits and a
//! gas-burning resolver, `InsufficientGasForResolvers`, and an accepted reference proof. They
//! run at WASM level: `tests/tests/document_registry.rs`, `resolver_hooks.rs` and
//! `reference_proof.rs`.
#![allow(clippy::needless_pass_by_value, clippy::too_many_arguments)] // motsu fixtures

mod executors;
mod governance;
mod hooks;
mod properties;
mod register;
mod resolvers;
mod router;
mod transfer;

use alloc::string::String;
use core::fmt::Debug;

use alloy_primitives::{keccak256, Address, B256, U256};
use alloy_sol_types::{SolError, SolEvent};
use integra_registry::IntegraRegistry;
use integra_simple_contact_resolver::SimpleContactResolver;
use motsu::prelude::*;
use stylus_sdk::abi::Bytes;
use stylus_sdk::{
    call::RawCall,
    storage::{StorageAddress, StorageBytes, StorageU8},
};

use super::*;

/// motsu's `block_timestamp`.
const NOW: u64 = 1_735_689_600;

fn now() -> U256 {
    U256::from(NOW)
}

/// A resolver id derived from a name, as deployments derive theirs.
fn rid(name: &str) -> B256 {
    keccak256(name.as_bytes())
}

fn h(n: u8) -> B256 {
    B256::repeat_byte(n)
}

fn doc(n: u8) -> B256 {
    keccak256([n])
}

fn s(text: &str) -> String {
    text.into()
}

/// Asserts `result` failed with exactly `expected` (selector and every field).
#[track_caller]
fn assert_error<T: Debug>(result: Result<T, Error>, expected: impl SolError + Debug) {
    match result {
        Ok(v) => panic!("expected {expected:?}, got Ok({v:?})"),
        Err(err) => assert_eq!(
            Vec::<u8>::from(err),
            expected.abi_encode(),
            "expected {expected:?}"
        ),
    }
}

/// `AccessControlUnauthorizedAccount(account, GOVERNOR_ROLE)`.
fn not_governor(account: Address) -> AccessControlUnauthorizedAccount {
    AccessControlUnauthorizedAccount {
        account,
        neededRole: GOVERNOR_ROLE,
    }
}

/// Accepts ETH (a fee recipient or a paying contract); rejects it when `reject` is set.
#[storage]
pub struct Sink {
    reject: StorageU8,
}

unsafe impl TopLevelStorage for Sink {}

#[public]
impl Sink {
    #[receive]
    fn receive(&mut self) -> Result<(), Vec<u8>> {
        if self.reject.get() == alloy_primitives::Uint::from(1) {
            // Non-empty: motsu 0.10 panics decoding a selector from a failed empty call.
            return Err(vec![0xff]);
        }
        Ok(())
    }

    fn set_reject(&mut self, reject: bool) {
        self.reject
            .set(alloy_primitives::Uint::from(u8::from(reject)));
    }
}

/// How a [`TestResolver`] or [`TestExecutor`] behaves.
pub(crate) mod mode {
    /// Hooks succeed; `canOwnDocument` allows; `isLegitimateExecutor` says true.
    pub(crate) const OK: u8 = 0;
    /// Everything reverts with `Error("nope")`.
    pub(crate) const REVERT_REASON: u8 = 1;
    /// Everything reverts without data.
    pub(crate) const REVERT_EMPTY: u8 = 2;
    /// Hooks re-enter the registry (a write and a view); `canOwnDocument` allows.
    pub(crate) const REENTER: u8 = 3;
    /// `canOwnDocument` says `(false, "blocked")`; `isLegitimateExecutor` says false.
    pub(crate) const SAY_NO: u8 = 4;
}

/// A configurable `IDocumentResolver` (and `IIntegraExecutor`) for the hook tests.
#[storage]
pub struct TestResolver {
    mode: StorageU8,
    registry: StorageAddress,
    calls: StorageU8,
    seen_owner: StorageAddress,
    reentry_error: StorageBytes,
}

unsafe impl TopLevelStorage for TestResolver {}

impl TestResolver {
    fn behave(&mut self, integra_hash: B256) -> Result<(), Vec<u8>> {
        self.calls
            .set(self.calls.get() + alloy_primitives::Uint::from(1));
        match self.mode.get().to::<u8>() {
            mode::REVERT_REASON => Err(integra_primitives::calls::calldata(
                integra_primitives::calls::ERROR_STRING_SELECTOR,
                &["nope".into()],
            )),
            mode::REVERT_EMPTY => Err(Vec::new()),
            mode::REENTER => {
                let registry = self.registry.get();
                let write = setIdentityExtensionCall {
                    integraHash: integra_hash,
                    identityExtension: B256::repeat_byte(0xee),
                };
                let err =
                    unsafe { RawCall::new().call(registry, &write.abi_encode()) }.unwrap_err();
                self.reentry_error.set_bytes(err);
                let read = getDocumentOwnerCall {
                    integraHash: integra_hash,
                };
                let out = unsafe { RawCall::new_static().call(registry, &read.abi_encode()) }?;
                self.seen_owner.set(Address::from_slice(&out[12..32]));
                Ok(())
            }
            _ => Ok(()),
        }
    }
}

#[public]
impl TestResolver {
    fn configure(&mut self, mode: u8, registry: Address) {
        self.mode.set(alloy_primitives::Uint::from(mode));
        self.registry.set(registry);
    }
    fn calls(&self) -> u8 {
        self.calls.get().to()
    }
    fn seen_owner(&self) -> Address {
        self.seen_owner.get()
    }
    fn reentry_error(&self) -> Vec<u8> {
        self.reentry_error.get_bytes()
    }
    fn on_document_registered(
        &mut self,
        integra_hash: B256,
        _document_hash: B256,
        _owner: Address,
        _data: Bytes,
    ) -> Result<(), Vec<u8>> {
        self.behave(integra_hash)
    }
    fn on_document_transferred(
        &mut self,
        integra_hash: B256,
        _from: Address,
        _to: Address,
    ) -> Result<(), Vec<u8>> {
        self.behave(integra_hash)
    }
    fn on_tokenizer_associated(
        &mut self,
        integra_hash: B256,
        _tokenizer: Address,
    ) -> Result<(), Vec<u8>> {
        self.behave(integra_hash)
    }
    /// `canOwnDocument` and `isLegitimateExecutor`, encoded as Solidity returns them (the SDK
    /// 0.9 router encodes a returned tuple as one dynamic value, with an extra offset word).
    #[fallback]
    fn fallback(&mut self, calldata: &[u8]) -> ArbResult {
        let selector: [u8; 4] = calldata
            .get(..4)
            .and_then(|s| s.try_into().ok())
            .unwrap_or_default();
        let m = self.mode.get().to::<u8>();
        if matches!(m, mode::REVERT_REASON | mode::REVERT_EMPTY) {
            return Err(vec![0xfe]);
        }
        if selector == IDocumentResolver::canOwnDocumentCall::SELECTOR {
            let (allowed, reason) = if m == mode::SAY_NO {
                (false, "blocked")
            } else {
                (true, "")
            };
            return Ok(returns(&[allowed.into(), reason.into()]));
        }
        if selector == IIntegraExecutor::isLegitimateExecutorCall::SELECTOR {
            return Ok(returns(&[(m != mode::SAY_NO).into()]));
        }
        Err(vec![0xfd])
    }
}

/// Returns 31 bytes to any call: a malformed `bool` for `canOwnDocument` and
/// `isLegitimateExecutor`.
#[storage]
pub struct Malformed {
    #[allow(dead_code)] // a storage struct needs a field
    unused: StorageU8,
}

unsafe impl TopLevelStorage for Malformed {}

#[public]
#[allow(clippy::unused_self, clippy::unnecessary_wraps)] // the router's fallback signature
impl Malformed {
    #[fallback]
    fn fallback(&mut self, _calldata: &[u8]) -> ArbResult {
        Ok(vec![0u8; 31])
    }
}

/// The deployed world of a test.
struct World<'a> {
    reg: &'a Contract<IntegraDocumentRegistry>,
    comp: &'a Contract<IntegraRegistry>,
    gov: Address,
    emergency: Address,
    forwarder: Address,
}

impl World<'_> {
    fn reg_as(&self, who: Address) -> motsu::prelude::ContractCall<'_, IntegraDocumentRegistry> {
        self.reg.sender(who)
    }

    /// Registers `resolver` under `id` in the component registry.
    fn add_resolver(&self, id: B256, resolver: Address) {
        self.comp
            .sender(self.gov)
            .register_resolver(id, resolver, "Communication", "test resolver")
            .unwrap();
    }

    fn approve_tokenizer(&self, t: Address) {
        self.reg_as(self.gov)
            .set_tokenizer_approval(self.gov, t, true)
            .unwrap();
    }

    /// Registers record `n` owned by `owner` with no links.
    fn register(&self, owner: Address, n: u8) {
        self.reg_as(owner)
            .register_document(owner, &plain(n))
            .motsu_unwrap();
    }
}

/// Registration of record `n` with only its two hashes.
fn plain(n: u8) -> Registration {
    Registration {
        integra_hash: h(n),
        document_hash: doc(n),
        ..Registration::default()
    }
}

/// Deploys the component registry and the document registry (fee 0, default gas ceiling).
fn deploy<'a>(
    reg: &'a Contract<IntegraDocumentRegistry>,
    comp: &'a Contract<IntegraRegistry>,
    sink: &'a Contract<Sink>,
    gov: Address,
) -> World<'a> {
    let emergency = Address::repeat_byte(0xe0);
    let forwarder = Address::repeat_byte(0xf0);
    comp.sender(gov).constructor(gov).unwrap();
    reg.sender(gov)
        .constructor(
            gov,
            comp.address(),
            comp.address(),
            emergency,
            sink.address(),
            U256::ZERO,
            U256::ZERO,
            forwarder,
        )
        .unwrap();
    World {
        reg,
        comp,
        gov,
        emergency,
        forwarder,
    }
}

/// True when the registry emitted any log of event `E`, whatever its fields.
fn emitted_any<E: SolEvent>(contract: &Contract<IntegraDocumentRegistry>) -> bool {
    contract
        .all_events()
        .iter()
        .any(|log| log.topics().first() == Some(&E::SIGNATURE_HASH))
}

/// Number of logs of event `E`.
fn count<E: SolEvent>(contract: &Contract<IntegraDocumentRegistry>) -> usize {
    contract
        .all_events()
        .iter()
        .filter(|log| log.topics().first() == Some(&E::SIGNATURE_HASH))
        .count()
}
