//! `TestEAS`: an EAS-compatible test contract. It reproduces the Ethereum Attestation Service
//! 1.x (`ethereum-attestation-service/eas-contracts`, `EAS.sol` and `SchemaRegistry.sol`,
//! semver 1.4.0) wherever Integra's contracts depend on it, so that `EASAttestationProvider`
//! and `TokenClaimResolver` are tested against EAS's behaviour, not against a mock of it.
//!
//! It is a Stylus contract like the others: motsu tests of other crates dev-depend on this crate
//! and deploy [`TestEAS`] next to the contract under test, and the WASM-level tests deploy its
//! pipeline-processed artifact (`integra-test-eas`) into the `stylus-vm` executor. It is never
//! deployed to a chain: on Arbitrum the canonical EAS is used (spec 00 §1).
//!
//! # Reproduced exactly (same ABI, selectors, errors, events, order of checks)
//! - The `Attestation` struct and its ABI (`uid, schema, time, expirationTime, revocationTime,
//!   refUID, recipient, attester, revocable, data`), `getAttestation(uid)` (an all-zero struct for
//!   an unknown UID) and `isAttestationValid(uid)` (`uid` exists; revocation does not change it,
//!   as in EAS 1.4).
//! - `SchemaRegistry.register(schema, resolver, revocable)`: UID
//!   `keccak256(abi.encodePacked(schema, resolver, revocable))`, `AlreadyExists()`, event
//!   `Registered(uid, registerer, SchemaRecord)`; `getSchema(uid)`.
//! - `attest(AttestationRequest)`, `multiAttest(MultiAttestationRequest[])`: `InvalidSchema()`
//!   for an unknown schema, `InvalidExpirationTime()` for an expiry that is not 0 and not in the
//!   future, `Irrevocable()` for a revocable attestation on an irrevocable schema, `NotFound()`
//!   for an unknown `refUID`, `InvalidLength()` for an empty multi-request; the UID is
//!   `keccak256(abi.encodePacked(schema, recipient, attester, time, expirationTime, revocable,
//!   refUID, data, bump))` with the smallest `uint32` bump that gives an unused UID; `time` is
//!   `uint64(block.timestamp)`; event `Attested(recipient, attester, uid, schemaUID)` per
//!   attestation, before the resolver is called.
//! - `revoke(RevocationRequest)`, `multiRevoke(MultiRevocationRequest[])`: `InvalidSchema()`,
//!   `NotFound()`, `InvalidSchema()` for a UID of another schema, `AccessDenied()` unless the
//!   revoker is the original attester, `Irrevocable()`, `AlreadyRevoked()`; sets
//!   `revocationTime`; event `Revoked(recipient, revoker, uid, schemaUID)`.
//! - Resolver callbacks (`_resolveAttestation(s)`): none without a resolver (and any value then
//!   reverts `NotPayable()`); one request calls `resolver.attest{value}(att)` /
//!   `resolver.revoke{value}(att)`, several call `multiAttest{total}(atts, values)` /
//!   `multiRevoke{total}(atts, values)` (and `isPayable()` once). A non-zero value needs
//!   `isPayable()` (`NotPayable()`) and enough remaining value (`InsufficientValue()`). A `false`
//!   return reverts `InvalidAttestation()` / `InvalidAttestations()` / `InvalidRevocation()` /
//!   `InvalidRevocations()`; a resolver's revert data bubbles up unchanged; a malformed return (or
//!   an account without code) reverts with empty data, as Solidity's decoder does. Unspent value
//!   is refunded to `msg.sender` after the last batch.
//! - `getSchemaRegistry()` (this contract itself: the registry is merged in, see below) and
//!   `version()` (`"1.4.0"`).
//!
//! # Omitted
//! - Delegated attestation and revocation (`attestByDelegation`, `revokeByDelegation`, their
//!   multi forms, EIP-712 / EIP-1271 signatures, nonces, deadlines): they reach a resolver the
//!   same way as direct calls, with `attester` = the signer.
//! - Off-chain timestamps and revocations (`timestamp`, `multiTimestamp`, `revokeOffchain`,
//!   `multiRevokeOffchain`, `getTimestamp`, `getRevokeOffchain`).
//! - The separate `SchemaRegistry` contract: `register` / `getSchema` live in this contract and
//!   `getSchemaRegistry()` returns its own address. Nothing in Integra reads the registry.
//! - A failed refund reverts with the callee's revert data, or `FailedCall()` when it has none
//!   (OpenZeppelin 5's `Address.sendValue`); the balance check before it is not reproduced.
//!
//! The real EAS 1.x EVM bytecode cannot run here: the `stylus-vm` executor has no EVM
//! interpreter, so every EAS flow in this repository runs against this contract.
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]
#![cfg_attr(target_arch = "wasm32", allow(missing_docs))]
#![cfg_attr(not(any(test, feature = "export-abi")), no_std)]
extern crate alloc;

use alloc::{string::String, vec, vec::Vec};

use alloy_primitives::{Address, Bytes, B256, U256, U64};
use alloy_sol_types::{SolCall, SolEvent};
use integra_primitives::{
    abi::{emit, returns, Args, Token},
    calls::{self, Kind},
    compact_errors,
    eas::{attestation_tokens, attestation_uid, schema_uid, ISchemaResolver},
    reentrant_entrypoint,
};
use stylus_sdk::{
    prelude::*,
    storage::{
        StorageAddress, StorageB256, StorageBool, StorageBytes, StorageMap, StorageString,
        StorageU64,
    },
    ArbResult,
};

pub use integra_primitives::eas::Attestation;
pub use ITestEAS::*;

integra_primitives::contract_interface! {
    /// EAS 1.x (`IEAS` subset) with `ISchemaRegistry` merged in, for tests.
    interface ITestEAS {
        struct Attestation { bytes32 uid; bytes32 schema; uint64 time; uint64 expirationTime; uint64 revocationTime; bytes32 refUID; address recipient; address attester; bool revocable; bytes data; }
        struct AttestationRequestData { address recipient; uint64 expirationTime; bool revocable; bytes32 refUID; bytes data; uint256 value; }
        struct AttestationRequest { bytes32 schema; AttestationRequestData data; }
        struct MultiAttestationRequest { bytes32 schema; AttestationRequestData[] data; }
        struct RevocationRequestData { bytes32 uid; uint256 value; }
        struct RevocationRequest { bytes32 schema; RevocationRequestData data; }
        struct MultiRevocationRequest { bytes32 schema; RevocationRequestData[] data; }
        #[derive(Debug, PartialEq, Eq)]
        struct SchemaRecord { bytes32 uid; address resolver; bool revocable; string schema; }

        #[derive(Debug, PartialEq, Eq)]
        event Attested(address indexed recipient, address indexed attester, bytes32 uid, bytes32 indexed schemaUID);
        #[derive(Debug, PartialEq, Eq)]
        event Revoked(address indexed recipient, address indexed attester, bytes32 uid, bytes32 indexed schemaUID);
        #[derive(Debug, PartialEq, Eq)]
        event Registered(bytes32 indexed uid, address indexed registerer, SchemaRecord schema);

        #[derive(Debug, PartialEq, Eq)]
        error AccessDenied();
        #[derive(Debug, PartialEq, Eq)]
        error AlreadyExists();
        #[derive(Debug, PartialEq, Eq)]
        error AlreadyRevoked();
        #[derive(Debug, PartialEq, Eq)]
        error FailedCall();
        #[derive(Debug, PartialEq, Eq)]
        error InsufficientValue();
        #[derive(Debug, PartialEq, Eq)]
        error InvalidAttestation();
        #[derive(Debug, PartialEq, Eq)]
        error InvalidAttestations();
        #[derive(Debug, PartialEq, Eq)]
        error InvalidExpirationTime();
        #[derive(Debug, PartialEq, Eq)]
        error InvalidLength();
        #[derive(Debug, PartialEq, Eq)]
        error InvalidRevocation();
        #[derive(Debug, PartialEq, Eq)]
        error InvalidRevocations();
        #[derive(Debug, PartialEq, Eq)]
        error InvalidSchema();
        #[derive(Debug, PartialEq, Eq)]
        error Irrevocable();
        #[derive(Debug, PartialEq, Eq)]
        error NotFound();
        #[derive(Debug, PartialEq, Eq)]
        error NotPayable();

        function register(string schema, address resolver, bool revocable) external returns (bytes32);
        function getSchema(bytes32 uid) external view returns (SchemaRecord memory);
        function getSchemaRegistry() external view returns (address);
        function attest(AttestationRequest request) external payable returns (bytes32);
        function multiAttest(MultiAttestationRequest[] multiRequests) external payable returns (bytes32[] memory);
        function revoke(RevocationRequest request) external payable;
        function multiRevoke(MultiRevocationRequest[] multiRequests) external payable;
        function getAttestation(bytes32 uid) external view returns (Attestation memory);
        function isAttestationValid(bytes32 uid) external view returns (bool);
        function version() external view returns (string memory);
    }
}

/// `version()`: the semver of the EAS sources reproduced.
pub const EAS_VERSION: &str = "1.4.0";

compact_errors! {
    /// Every way a call can fail (EAS's names).
    pub enum Error {
        /// Only the original attester may revoke.
        AccessDenied(AccessDenied {}),
        /// The schema is registered already.
        AlreadyExists(AlreadyExists {}),
        /// The attestation is revoked already.
        AlreadyRevoked(AlreadyRevoked {}),
        /// A refund failed without revert data.
        FailedCall(FailedCall {}),
        /// More value requested than sent.
        InsufficientValue(InsufficientValue {}),
        /// The resolver returned `false` for one attestation.
        InvalidAttestation(InvalidAttestation {}),
        /// The resolver returned `false` for a batch.
        InvalidAttestations(InvalidAttestations {}),
        /// An expiry that is neither 0 nor in the future.
        InvalidExpirationTime(InvalidExpirationTime {}),
        /// An empty multi-request.
        InvalidLength(InvalidLength {}),
        /// The resolver refused one revocation.
        InvalidRevocation(InvalidRevocation {}),
        /// The resolver refused a batch of revocations.
        InvalidRevocations(InvalidRevocations {}),
        /// Unknown schema, or a UID of another schema.
        InvalidSchema(InvalidSchema {}),
        /// Revocable attestation on an irrevocable schema, or revoking an irrevocable one.
        Irrevocable(Irrevocable {}),
        /// Unknown attestation or `refUID`.
        NotFound(NotFound {}),
        /// Value where none can be accepted.
        NotPayable(NotPayable {}),
        ;
        /// A resolver's or refund recipient's revert data, passed through.
        Reverted(bytes),
    }
}

/// One `AttestationRequestData`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Request {
    /// The recipient.
    pub recipient: Address,
    /// 0 = never expires.
    pub expiration_time: u64,
    /// Whether the attestation can be revoked.
    pub revocable: bool,
    /// A related attestation, or 0.
    pub ref_uid: B256,
    /// The attestation's data.
    pub data: Bytes,
    /// Value for the resolver.
    pub value: U256,
}

impl Request {
    /// Reads an `AttestationRequestData` tuple.
    #[must_use]
    pub fn read(d: Args<'_>) -> Option<Self> {
        Some(Self {
            recipient: d.address(0)?,
            expiration_time: d.u64(1)?,
            revocable: d.bool(2)?,
            ref_uid: d.word(3)?,
            data: Bytes::copy_from_slice(d.bytes(4)?),
            value: d.u256(5)?,
        })
    }
}

/// One stored attestation.
#[storage]
pub struct StoredAttestation {
    uid: StorageB256,
    schema: StorageB256,
    time: StorageU64,
    expiration_time: StorageU64,
    revocation_time: StorageU64,
    ref_uid: StorageB256,
    recipient: StorageAddress,
    attester: StorageAddress,
    revocable: StorageBool,
    data: StorageBytes,
}

/// One registered schema.
#[storage]
pub struct StoredSchema {
    uid: StorageB256,
    resolver: StorageAddress,
    revocable: StorageBool,
    schema: StorageString,
}

/// A registered schema, as `getSchema` returns it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Schema {
    /// The schema UID (0 when unknown).
    pub uid: B256,
    /// Its resolver, or 0.
    pub resolver: Address,
    /// Whether attestations on it may be revocable.
    pub revocable: bool,
    /// The schema string.
    pub schema: String,
}

/// EAS's storage: attestations by UID and schemas by UID.
#[storage]
pub struct TestEAS {
    db: StorageMap<B256, StoredAttestation>,
    schemas: StorageMap<B256, StoredSchema>,
}

reentrant_entrypoint!(TestEAS);

impl TestEAS {
    fn now(&self) -> u64 {
        self.vm().block_timestamp()
    }

    /// `SchemaRegistry.register`.
    ///
    /// # Errors
    /// `AlreadyExists` for a schema, resolver and revocability registered before.
    ///
    /// # Events
    /// `Registered(uid, msg.sender, record)`.
    pub fn register(
        &mut self,
        schema: &str,
        resolver: Address,
        revocable: bool,
    ) -> Result<B256, Error> {
        let uid = schema_uid(schema, resolver, revocable);
        if !self.schemas.getter(uid).uid.get().is_zero() {
            return Err(AlreadyExists {}.into());
        }
        let mut s = self.schemas.setter(uid);
        s.uid.set(uid);
        s.resolver.set(resolver);
        s.revocable.set(revocable);
        s.schema.set_str(schema);
        let record = [uid.into(), resolver.into(), revocable.into(), schema.into()];
        let sender = self.vm().msg_sender();
        emit(
            self.vm(),
            &[Registered::SIGNATURE_HASH, uid, sender.into_word()],
            &[Token::Tuple(&record)],
        );
        Ok(uid)
    }

    /// `SchemaRegistry.getSchema` (all zero for an unknown UID).
    #[must_use]
    pub fn get_schema(&self, uid: B256) -> Schema {
        let s = self.schemas.getter(uid);
        Schema {
            uid: s.uid.get(),
            resolver: s.resolver.get(),
            revocable: s.revocable.get(),
            schema: s.schema.get_string(),
        }
    }

    /// `getAttestation` (all zero for an unknown UID).
    #[must_use]
    pub fn get_attestation(&self, uid: B256) -> Attestation {
        let a = self.db.getter(uid);
        Attestation {
            uid: a.uid.get(),
            schema: a.schema.get(),
            time: a.time.get().to(),
            expirationTime: a.expiration_time.get().to(),
            revocationTime: a.revocation_time.get().to(),
            refUID: a.ref_uid.get(),
            recipient: a.recipient.get(),
            attester: a.attester.get(),
            revocable: a.revocable.get(),
            data: Bytes::from(a.data.get_bytes()),
        }
    }

    /// `isAttestationValid`: the UID exists (revoked or not).
    #[must_use]
    pub fn is_attestation_valid(&self, uid: B256) -> bool {
        !self.db.getter(uid).uid.get().is_zero()
    }

    fn store(&mut self, att: &Attestation) {
        let mut s = self.db.setter(att.uid);
        s.uid.set(att.uid);
        s.schema.set(att.schema);
        s.time.set(U64::from(att.time));
        s.expiration_time.set(U64::from(att.expirationTime));
        s.revocation_time.set(U64::from(att.revocationTime));
        s.ref_uid.set(att.refUID);
        s.recipient.set(att.recipient);
        s.attester.set(att.attester);
        s.revocable.set(att.revocable);
        s.data.set_bytes(&att.data);
    }

    /// `attest(request)` by `msg.sender` with `msg.value`.
    ///
    /// # Errors
    /// As listed in the crate docs; a resolver's revert data unchanged.
    ///
    /// # Events
    /// `Attested`.
    pub fn attest(&mut self, schema: B256, request: Request) -> Result<B256, Error> {
        let attester = self.vm().msg_sender();
        let value = self.vm().msg_value();
        let (_, uids) = self.attest_batch(schema, &[request], attester, value, true)?;
        Ok(uids[0])
    }

    /// `multiAttest(multiRequests)` by `msg.sender` with `msg.value`: the UIDs of every batch,
    /// flattened.
    ///
    /// # Errors
    /// `InvalidLength` for a batch without data; else as [`Self::attest`].
    ///
    /// # Events
    /// `Attested` per attestation.
    pub fn multi_attest(&mut self, batches: &[(B256, Vec<Request>)]) -> Result<Vec<B256>, Error> {
        let attester = self.vm().msg_sender();
        let mut available = self.vm().msg_value();
        let mut all = Vec::new();
        for (i, (schema, requests)) in batches.iter().enumerate() {
            if requests.is_empty() {
                return Err(InvalidLength {}.into());
            }
            let last = i + 1 == batches.len();
            let (used, uids) = self.attest_batch(*schema, requests, attester, available, last)?;
            available -= used;
            all.extend(uids);
        }
        Ok(all)
    }

    /// `revoke(request)` by `msg.sender` with `msg.value`.
    ///
    /// # Errors
    /// As listed in the crate docs.
    ///
    /// # Events
    /// `Revoked`.
    pub fn revoke(&mut self, schema: B256, uid: B256, value: U256) -> Result<(), Error> {
        let revoker = self.vm().msg_sender();
        let available = self.vm().msg_value();
        self.revoke_batch(schema, &[(uid, value)], revoker, available, true)
            .map(|_| ())
    }

    /// `multiRevoke(multiRequests)` by `msg.sender` with `msg.value`.
    ///
    /// # Errors
    /// As [`Self::revoke`].
    ///
    /// # Events
    /// `Revoked` per attestation.
    pub fn multi_revoke(&mut self, batches: &[(B256, Vec<(B256, U256)>)]) -> Result<(), Error> {
        let revoker = self.vm().msg_sender();
        let mut available = self.vm().msg_value();
        for (i, (schema, requests)) in batches.iter().enumerate() {
            let last = i + 1 == batches.len();
            available -= self.revoke_batch(*schema, requests, revoker, available, last)?;
        }
        Ok(())
    }

    /// `EAS._attest`.
    fn attest_batch(
        &mut self,
        schema_uid: B256,
        requests: &[Request],
        attester: Address,
        available: U256,
        last: bool,
    ) -> Result<(U256, Vec<B256>), Error> {
        let schema = self.get_schema(schema_uid);
        if schema.uid.is_zero() {
            return Err(InvalidSchema {}.into());
        }
        let now = self.now();
        let mut atts = Vec::with_capacity(requests.len());
        let mut values = Vec::with_capacity(requests.len());
        let mut uids = Vec::with_capacity(requests.len());
        for request in requests {
            if request.expiration_time != 0 && request.expiration_time <= now {
                return Err(InvalidExpirationTime {}.into());
            }
            if !schema.revocable && request.revocable {
                return Err(Irrevocable {}.into());
            }
            let mut att = Attestation {
                uid: B256::ZERO,
                schema: schema_uid,
                time: now,
                expirationTime: request.expiration_time,
                revocationTime: 0,
                refUID: request.ref_uid,
                recipient: request.recipient,
                attester,
                revocable: request.revocable,
                data: request.data.clone(),
            };
            let mut bump = 0u32;
            let uid = loop {
                let uid = attestation_uid(&att, bump);
                if !self.is_attestation_valid(uid) {
                    break uid;
                }
                bump = bump.wrapping_add(1);
            };
            att.uid = uid;
            self.store(&att);
            if !request.ref_uid.is_zero() && !self.is_attestation_valid(request.ref_uid) {
                return Err(NotFound {}.into());
            }
            emit(
                self.vm(),
                &[
                    Attested::SIGNATURE_HASH,
                    request.recipient.into_word(),
                    attester.into_word(),
                    schema_uid,
                ],
                &[uid.into()],
            );
            atts.push(att);
            values.push(request.value);
            uids.push(uid);
        }
        let used = self.resolve(schema.resolver, &atts, &values, false, available, last)?;
        Ok((used, uids))
    }

    /// `EAS._revoke`: the value sent to the resolver.
    fn revoke_batch(
        &mut self,
        schema_uid: B256,
        requests: &[(B256, U256)],
        revoker: Address,
        available: U256,
        last: bool,
    ) -> Result<U256, Error> {
        let schema = self.get_schema(schema_uid);
        if schema.uid.is_zero() {
            return Err(InvalidSchema {}.into());
        }
        let now = self.now();
        let mut atts = Vec::with_capacity(requests.len());
        let mut values = Vec::with_capacity(requests.len());
        for (uid, value) in requests {
            let mut att = self.get_attestation(*uid);
            if att.uid.is_zero() {
                return Err(NotFound {}.into());
            }
            if att.schema != schema_uid {
                return Err(InvalidSchema {}.into());
            }
            if att.attester != revoker {
                return Err(AccessDenied {}.into());
            }
            if !att.revocable {
                return Err(Irrevocable {}.into());
            }
            if att.revocationTime != 0 {
                return Err(AlreadyRevoked {}.into());
            }
            att.revocationTime = now;
            self.db.setter(*uid).revocation_time.set(U64::from(now));
            emit(
                self.vm(),
                &[
                    Revoked::SIGNATURE_HASH,
                    att.recipient.into_word(),
                    revoker.into_word(),
                    schema_uid,
                ],
                &[(*uid).into()],
            );
            atts.push(att);
            values.push(*value);
        }
        self.resolve(schema.resolver, &atts, &values, true, available, last)
    }

    /// `EAS._resolveAttestation(s)`: calls the resolver, returns the value sent to it.
    fn resolve(
        &mut self,
        resolver: Address,
        atts: &[Attestation],
        values: &[U256],
        is_revocation: bool,
        mut available: U256,
        last: bool,
    ) -> Result<U256, Error> {
        if resolver.is_zero() {
            if values.iter().any(|v| !v.is_zero()) {
                return Err(NotPayable {}.into());
            }
            if last {
                self.refund(available)?;
            }
            return Ok(U256::ZERO);
        }
        let single = atts.len() == 1;
        let mut used = U256::ZERO;
        let payable = if single && values[0].is_zero() {
            false
        } else {
            self.is_payable(resolver)?
        };
        for value in values {
            if value.is_zero() {
                continue;
            }
            if !payable {
                return Err(NotPayable {}.into());
            }
            if *value > available {
                return Err(InsufficientValue {}.into());
            }
            available -= *value;
            used += *value;
        }
        let ok = if single {
            let tokens = attestation_tokens(&atts[0]);
            let selector = if is_revocation {
                ISchemaResolver::revokeCall::SELECTOR
            } else {
                ISchemaResolver::attestCall::SELECTOR
            };
            self.call_resolver(resolver, selector, &[Token::Tuple(&tokens)], used)?
        } else {
            let tokens: Vec<[Token<'_>; 10]> = atts.iter().map(attestation_tokens).collect();
            let tuples: Vec<Token<'_>> = tokens.iter().map(|t| Token::Tuple(t)).collect();
            let words: Vec<B256> = values.iter().map(|v| B256::from(*v)).collect();
            let selector = if is_revocation {
                ISchemaResolver::multiRevokeCall::SELECTOR
            } else {
                ISchemaResolver::multiAttestCall::SELECTOR
            };
            self.call_resolver(
                resolver,
                selector,
                &[Token::Array(&tuples), Token::Words(&words)],
                used,
            )?
        };
        if !ok {
            return Err(match (single, is_revocation) {
                (true, false) => InvalidAttestation {}.into(),
                (false, false) => InvalidAttestations {}.into(),
                (true, true) => InvalidRevocation {}.into(),
                (false, true) => InvalidRevocations {}.into(),
            });
        }
        if last {
            self.refund(available)?;
        }
        Ok(used)
    }

    fn is_payable(&mut self, resolver: Address) -> Result<bool, Error> {
        let data = calls::calldata(ISchemaResolver::isPayableCall::SELECTOR, &[]);
        let out = calls::call(self.vm(), Kind::Static, resolver, &data, u64::MAX)
            .map_err(Error::Reverted)?;
        calls::one_word(&out, |a| a.bool(0)).ok_or_else(|| Error::Reverted(Vec::new()))
    }

    fn call_resolver(
        &mut self,
        resolver: Address,
        selector: [u8; 4],
        args: &[Token<'_>],
        value: U256,
    ) -> Result<bool, Error> {
        let data = calls::calldata(selector, args);
        let out = calls::call(self.vm(), Kind::Call(value), resolver, &data, u64::MAX)
            .map_err(Error::Reverted)?;
        calls::one_word(&out, |a| a.bool(0)).ok_or_else(|| Error::Reverted(Vec::new()))
    }

    fn refund(&mut self, remaining: U256) -> Result<(), Error> {
        if remaining.is_zero() {
            return Ok(());
        }
        let to = self.vm().msg_sender();
        calls::send_value(self.vm(), to, remaining)
            .map(|_| ())
            .map_err(|data| {
                if data.is_empty() {
                    FailedCall {}.into()
                } else {
                    Error::Reverted(data)
                }
            })
    }
}

/// Reads `AttestationRequestData[]` (argument `i` of `el`).
fn requests(el: Args<'_>, i: usize) -> Option<Vec<Request>> {
    let (n, items) = el.array(i)?;
    (0..n).map(|j| Request::read(items.tuple(j)?)).collect()
}

/// Reads `RevocationRequestData[]` (static pairs of words).
fn revocations(el: Args<'_>, i: usize) -> Option<Vec<(B256, U256)>> {
    let (n, items) = el.array(i)?;
    (0..n)
        .map(|j| Some((items.word(2 * j)?, items.u256(2 * j + 1)?)))
        .collect()
}

// An empty constructor, so deployers that always run the SDK constructor can deploy it.
integra_primitives::compact_router!(TestEAS, dispatch, constructor(_s, _a) { Ok(()) });

fn dispatch(s: &mut TestEAS, selector: [u8; 4], a: Args<'_>) -> Option<ArbResult> {
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
    let out: Result<Vec<u8>, Error> = match selector {
        registerCall::SELECTOR => {
            let (schema, resolver, revocable) =
                (arg!(a.string(0)), arg!(a.address(1)), arg!(a.bool(2)));
            s.register(schema, resolver, revocable)
                .map(|uid| returns(&[uid.into()]))
        }
        getSchemaCall::SELECTOR => {
            let r = s.get_schema(arg!(a.word(0)));
            let t = [
                r.uid.into(),
                r.resolver.into(),
                r.revocable.into(),
                r.schema.as_str().into(),
            ];
            Ok(returns(&[Token::Tuple(&t)]))
        }
        getSchemaRegistryCall::SELECTOR => Ok(returns(&[s.vm().contract_address().into()])),
        attestCall::SELECTOR => {
            let req = arg!(a.tuple(0));
            let (schema, request) = (arg!(req.word(0)), arg!(Request::read(arg!(req.tuple(1)))));
            s.attest(schema, request).map(|uid| returns(&[uid.into()]))
        }
        multiAttestCall::SELECTOR => {
            let (n, items) = arg!(a.array(0));
            let mut batches = Vec::with_capacity(n);
            for i in 0..n {
                let el = arg!(items.tuple(i));
                batches.push((arg!(el.word(0)), arg!(requests(el, 1))));
            }
            s.multi_attest(&batches)
                .map(|uids| returns(&[Token::Words(&uids)]))
        }
        revokeCall::SELECTOR => {
            let (schema, uid, value) = (arg!(a.word(0)), arg!(a.word(1)), arg!(a.u256(2)));
            s.revoke(schema, uid, value).map(|()| Vec::new())
        }
        multiRevokeCall::SELECTOR => {
            let (n, items) = arg!(a.array(0));
            let mut batches = Vec::with_capacity(n);
            for i in 0..n {
                let el = arg!(items.tuple(i));
                batches.push((arg!(el.word(0)), arg!(revocations(el, 1))));
            }
            s.multi_revoke(&batches).map(|()| Vec::new())
        }
        getAttestationCall::SELECTOR => {
            let att = s.get_attestation(arg!(a.word(0)));
            Ok(returns(&[Token::Tuple(&attestation_tokens(&att))]))
        }
        isAttestationValidCall::SELECTOR => {
            Ok(returns(&[s.is_attestation_valid(arg!(a.word(0))).into()]))
        }
        versionCall::SELECTOR => Ok(returns(&[EAS_VERSION.into()])),
        _ => return None,
    };
    Some(out.map_err(Vec::from))
}

#[cfg(test)]
mod tests;
