//! `TokenClaimResolver` (spec 04): the EAS schema resolver of the CLAIM schema
//! (`bytes32 integraHash,uint256 tokenId,uint256 claimCapability`). EAS calls it whenever a
//! claim attestation is made or revoked; it refuses a claim grant from anyone but the record's
//! owner or per-document executor, so only authorized claim attestations ever exist.
//! `EASAttestationProvider`'s CLAIM profile accepts them at claim time.
//!
//! # EAS ABI (`ISchemaResolver` + `ISemver`, exact)
//! `isPayable()` (false), `attest(Attestation)`, `multiAttest(Attestation[], uint256[])`,
//! `revoke(Attestation)`, `multiRevoke(Attestation[], uint256[])`, all `payable` for ABI parity,
//! `version()`, and a `receive` that reverts `NotPayable()`. As in EAS's abstract
//! `SchemaResolver`: the four entry points accept only the configured EAS (`AccessDenied()`);
//! `multi*` need equal array lengths (`InvalidLength()`) and check `values[i]` against the
//! value remaining (`InsufficientValue()`) before each item.
//!
//! # Validation of a claim attestation (spec 04 §3, in order; the first failure reverts)
//! 1. no value (`NotPayable()`); 2. `data` is exactly 96 bytes (`InvalidAttestationData()`);
//! 3. the record exists in the document registry (`DocumentNotFound(integraHash)`);
//! 4. `claimCapability == CORE_CLAIM` (`1 << 1`, exact; `InvalidCapability(capability)`);
//! 5. a non-zero recipient (`InvalidRecipient()`);
//! 6. the attester is the record's owner, or its non-zero per-document executor
//!    (`UnauthorizedAttester(attester, integraHash)`).
//!
//! A refused item reverts instead of returning `false` (clearer diagnostics, same effect on EAS),
//! so a `multiAttest` batch is all or nothing. Revocations are always accepted (with no value):
//! a mistaken grant must always be withdrawable, and EAS lets only the attester revoke.
//!
//! # Deployment
//! Immutable (spec 04 OQ-04-1): the constructor fixes EAS and the document registry; no roles,
//! no pause, no upgrade. A fix means a new resolver, a new schema UID and the provider's
//! `setClaimSchema`.
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]
#![cfg_attr(target_arch = "wasm32", allow(missing_docs))]
#![cfg_attr(not(any(test, feature = "export-abi")), no_std)]
extern crate alloc;

use alloc::{vec, vec::Vec};

use alloy_primitives::{Address, B256, U256};
use alloy_sol_types::SolCall;
use integra_primitives::{
    abi::{returns, Args, Token},
    calls::{self, Kind},
    capabilities::CORE_CLAIM,
    compact_errors,
    eas::read_attestation,
    interfaces::{IDocumentOwnerLookup, IDocumentRecordLookup},
    VERSION,
};
use stylus_sdk::{prelude::*, storage::StorageAddress, ArbResult};

pub use integra_primitives::eas::Attestation;
pub use ITokenClaimResolver::*;

integra_primitives::contract_interface! {
    /// `TokenClaimResolver` (spec 04 §2).
    interface ITokenClaimResolver {
        struct Attestation { bytes32 uid; bytes32 schema; uint64 time; uint64 expirationTime; uint64 revocationTime; bytes32 refUID; address recipient; address attester; bool revocable; bytes data; }

        #[derive(Debug, PartialEq, Eq)]
        error AccessDenied();
        #[derive(Debug, PartialEq, Eq)]
        error InvalidEAS();
        #[derive(Debug, PartialEq, Eq)]
        error InvalidLength();
        #[derive(Debug, PartialEq, Eq)]
        error InsufficientValue();
        #[derive(Debug, PartialEq, Eq)]
        error NotPayable();
        #[derive(Debug, PartialEq, Eq)]
        error ZeroAddress();
        #[derive(Debug, PartialEq, Eq)]
        error InvalidAttestationData();
        #[derive(Debug, PartialEq, Eq)]
        error DocumentNotFound(bytes32 integraHash);
        #[derive(Debug, PartialEq, Eq)]
        error InvalidCapability(uint256 capability);
        #[derive(Debug, PartialEq, Eq)]
        error InvalidRecipient();
        #[derive(Debug, PartialEq, Eq)]
        error UnauthorizedAttester(address attester, bytes32 integraHash);

        // ---- ISchemaResolver, ISemver ----
        function isPayable() external pure returns (bool);
        function attest(Attestation attestation) external payable returns (bool);
        function multiAttest(Attestation[] attestations, uint256[] values) external payable returns (bool);
        function revoke(Attestation attestation) external payable returns (bool);
        function multiRevoke(Attestation[] attestations, uint256[] values) external payable returns (bool);
        function version() external view returns (string memory);
        receive() external payable;
        // ---- Integra views ----
        function isAuthorizedAttester(bytes32 integraHash, address attester) external view returns (bool);
        function getDocumentOwner(bytes32 integraHash) external view returns (address);
        function getDocumentExecutor(bytes32 integraHash) external view returns (address);
        function documentRegistry() external view returns (address);
        function eas() external view returns (address);
        function CAPABILITY_CLAIM_TOKEN() external view returns (uint256);
    }
}

compact_errors! {
    /// Every way a call to the resolver can fail.
    pub enum Error {
        /// A callback not from EAS.
        AccessDenied(AccessDenied {}),
        /// A zero EAS address at construction.
        InvalidEAS(InvalidEAS {}),
        /// `multi*` arrays of different lengths.
        InvalidLength(InvalidLength {}),
        /// `values[i]` above the value remaining.
        InsufficientValue(InsufficientValue {}),
        /// Value sent (or `receive`).
        NotPayable(NotPayable {}),
        /// A zero document registry at construction.
        ZeroAddress(ZeroAddress {}),
        /// Data that is not exactly 96 bytes.
        InvalidAttestationData(InvalidAttestationData {}),
        /// The record does not exist.
        DocumentNotFound(DocumentNotFound { integraHash }),
        /// A capability other than `CORE_CLAIM`.
        InvalidCapability(InvalidCapability { capability }),
        /// A zero recipient.
        InvalidRecipient(InvalidRecipient {}),
        /// The attester is neither the record's owner nor its executor.
        UnauthorizedAttester(UnauthorizedAttester { attester, integraHash }),
    }
}

/// The resolver's storage: both addresses, set by the constructor.
#[entrypoint]
#[storage]
pub struct TokenClaimResolver {
    eas: StorageAddress,
    document_registry: StorageAddress,
}

impl TokenClaimResolver {
    /// Fixes EAS and the document registry.
    ///
    /// # Errors
    /// `InvalidEAS` for a zero EAS, `ZeroAddress` for a zero registry.
    pub fn constructor(&mut self, eas: Address, document_registry: Address) -> Result<(), Error> {
        if eas.is_zero() {
            return Err(InvalidEAS {}.into());
        }
        if document_registry.is_zero() {
            return Err(ZeroAddress {}.into());
        }
        self.eas.set(eas);
        self.document_registry.set(document_registry);
        Ok(())
    }

    fn only_eas(&self) -> Result<(), Error> {
        if self.vm().msg_sender() != self.eas.get() {
            return Err(AccessDenied {}.into());
        }
        Ok(())
    }

    fn registry_word(&self, selector: [u8; 4], h: B256) -> Option<B256> {
        let data = calls::calldata(selector, &[h.into()]);
        let out = calls::call(
            self.vm(),
            Kind::Static,
            self.document_registry.get(),
            &data,
            u64::MAX,
        )
        .ok()?;
        calls::one_word(&out, |a| a.word(0))
    }

    fn registry_address(&self, selector: [u8; 4], h: B256) -> Address {
        self.registry_word(selector, h)
            .filter(|w| w[..12].iter().all(|b| *b == 0))
            .map(|w| Address::from_slice(&w[12..]))
            .unwrap_or_default()
    }

    /// The record's owner (pass-through to the registry; 0 when unknown).
    #[must_use]
    pub fn get_document_owner(&self, h: B256) -> Address {
        self.registry_address(IDocumentOwnerLookup::getDocumentOwnerCall::SELECTOR, h)
    }

    /// The record's per-document executor (pass-through; 0 when none).
    #[must_use]
    pub fn get_document_executor(&self, h: B256) -> Address {
        self.registry_address(IDocumentRecordLookup::getDocumentExecutorCall::SELECTOR, h)
    }

    /// True when `attester` is the record's owner or its non-zero executor.
    #[must_use]
    pub fn is_authorized_attester(&self, h: B256, attester: Address) -> bool {
        if attester.is_zero() {
            return false;
        }
        attester == self.get_document_owner(h) || attester == self.get_document_executor(h)
    }

    /// `onAttest` (spec 04 §3): every rule in order.
    ///
    /// # Errors
    /// `NotPayable`, `InvalidAttestationData`, `DocumentNotFound`, `InvalidCapability`,
    /// `InvalidRecipient`, `UnauthorizedAttester`.
    pub fn on_attest(&self, att: &Attestation, value: U256) -> Result<(), Error> {
        if !value.is_zero() {
            return Err(NotPayable {}.into());
        }
        if att.data.len() != 96 {
            return Err(InvalidAttestationData {}.into());
        }
        let d = Args(&att.data);
        let (Some(h), Some(capability)) = (d.word(0), d.u256(2)) else {
            return Err(InvalidAttestationData {}.into());
        };
        let exists = self
            .registry_word(IDocumentRecordLookup::existsCall::SELECTOR, h)
            .is_some_and(|w| w == B256::with_last_byte(1));
        if !exists {
            return Err(DocumentNotFound { integraHash: h }.into());
        }
        if capability != CORE_CLAIM {
            return Err(InvalidCapability { capability }.into());
        }
        if att.recipient.is_zero() {
            return Err(InvalidRecipient {}.into());
        }
        if !self.is_authorized_attester(h, att.attester) {
            return Err(UnauthorizedAttester {
                attester: att.attester,
                integraHash: h,
            }
            .into());
        }
        Ok(())
    }

    /// `ISchemaResolver.attest` (EAS only).
    ///
    /// # Errors
    /// `AccessDenied`, then [`Self::on_attest`]'s.
    pub fn attest(&self, att: &Attestation) -> Result<bool, Error> {
        self.only_eas()?;
        self.on_attest(att, self.vm().msg_value())?;
        Ok(true)
    }

    /// `ISchemaResolver.revoke` (EAS only): accepted unless value is sent.
    ///
    /// # Errors
    /// `AccessDenied`, `NotPayable`.
    pub fn revoke(&self, _att: &Attestation) -> Result<bool, Error> {
        self.only_eas()?;
        if !self.vm().msg_value().is_zero() {
            return Err(NotPayable {}.into());
        }
        Ok(true)
    }

    /// `multiAttest` / `multiRevoke` (EAS only): all items or none.
    ///
    /// # Errors
    /// `AccessDenied`, `InvalidLength`, `InsufficientValue`, then the first refused item's error.
    pub fn multi(
        &self,
        atts: &[Attestation],
        values: &[U256],
        is_revocation: bool,
    ) -> Result<bool, Error> {
        self.only_eas()?;
        if atts.len() != values.len() {
            return Err(InvalidLength {}.into());
        }
        let mut remaining = self.vm().msg_value();
        for (att, value) in atts.iter().zip(values) {
            if *value > remaining {
                return Err(InsufficientValue {}.into());
            }
            if is_revocation {
                if !value.is_zero() {
                    return Err(NotPayable {}.into());
                }
            } else {
                self.on_attest(att, *value)?;
            }
            remaining -= *value;
        }
        Ok(true)
    }
}

/// Reads `Attestation[]` argument `i`.
fn attestations(a: Args<'_>, i: usize) -> Option<Vec<Attestation>> {
    let (n, items) = a.array(i)?;
    (0..n).map(|j| read_attestation(items.tuple(j)?)).collect()
}

/// Reads `uint256[]` argument `i`.
fn values(a: Args<'_>, i: usize) -> Option<Vec<U256>> {
    let (n, items) = a.array(i)?;
    (0..n).map(|j| items.u256(j)).collect()
}

/// The resolver's router: `compact_router!` plus a `receive` that reverts `NotPayable()`.
impl stylus_sdk::abi::Router<TokenClaimResolver> for TokenClaimResolver {
    type Storage = TokenClaimResolver;

    fn route(s: &mut Self, selector: u32, input: &[u8]) -> Option<ArbResult> {
        dispatch(s, selector.to_be_bytes(), Args(input))
    }

    fn receive(_: &mut Self) -> Option<Result<(), Vec<u8>>> {
        Some(Err(Error::from(NotPayable {}).into()))
    }

    fn fallback(_: &mut Self, _: &[u8]) -> Option<ArbResult> {
        None
    }

    fn constructor(s: &mut Self, input: &[u8]) -> Option<ArbResult> {
        Some((|| {
            if !s.vm().msg_value().is_zero() {
                return Err(Vec::new());
            }
            s.check_constructor_slot()?;
            let a = Args(input);
            let (eas, registry) = (
                a.address(0).ok_or_else(Vec::new)?,
                a.address(1).ok_or_else(Vec::new)?,
            );
            s.constructor(eas, registry).map_err(Vec::from)?;
            Ok(Vec::new())
        })())
    }
}

impl TokenClaimResolver {
    /// Required by `#[entrypoint]`, which `#[public]` would otherwise generate.
    #[doc(hidden)]
    pub const fn __stylus_assert_overrides() {}
}

fn dispatch(s: &mut TokenClaimResolver, selector: [u8; 4], a: Args<'_>) -> Option<ArbResult> {
    macro_rules! arg {
        ($e:expr) => {
            match $e {
                Some(v) => v,
                None => return Some(Err(Vec::new())),
            }
        };
    }
    let payable = [
        attestCall::SELECTOR,
        multiAttestCall::SELECTOR,
        revokeCall::SELECTOR,
        multiRevokeCall::SELECTOR,
    ];
    if !payable.contains(&selector) && !s.vm().msg_value().is_zero() {
        return Some(Err(Vec::new()));
    }
    let flag = |r: Result<bool, Error>| r.map(|b| returns(&[b.into()])).map_err(Vec::from);
    let out = match selector {
        isPayableCall::SELECTOR => Ok(returns(&[false.into()])),
        attestCall::SELECTOR => flag(s.attest(&arg!(read_attestation(arg!(a.tuple(0)))))),
        revokeCall::SELECTOR => flag(s.revoke(&arg!(read_attestation(arg!(a.tuple(0)))))),
        multiAttestCall::SELECTOR | multiRevokeCall::SELECTOR => {
            let (atts, vals) = (arg!(attestations(a, 0)), arg!(values(a, 1)));
            flag(s.multi(&atts, &vals, selector == multiRevokeCall::SELECTOR))
        }
        versionCall::SELECTOR => Ok(returns(&[VERSION.into()])),
        isAuthorizedAttesterCall::SELECTOR => Ok(returns(&[s
            .is_authorized_attester(arg!(a.word(0)), arg!(a.address(1)))
            .into()])),
        getDocumentOwnerCall::SELECTOR => {
            Ok(returns(&[s.get_document_owner(arg!(a.word(0))).into()]))
        }
        getDocumentExecutorCall::SELECTOR => {
            Ok(returns(&[s.get_document_executor(arg!(a.word(0))).into()]))
        }
        documentRegistryCall::SELECTOR => Ok(returns(&[s.document_registry.get().into()])),
        easCall::SELECTOR => Ok(returns(&[s.eas.get().into()])),
        CAPABILITY_CLAIM_TOKENCall::SELECTOR => Ok(returns(&[Token::from(CORE_CLAIM)])),
        _ => return None,
    };
    Some(out)
}

#[cfg(test)]
mod tests;
