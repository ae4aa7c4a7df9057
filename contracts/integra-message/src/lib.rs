//! `IntegraMessageV1` (spec 21): an append-only, ZK-gated workflow event log. Nothing is stored
//! per message; indexers rebuild history from `MessageRegistered` logs.
//!
//! ## Replay-proof proofs (DESIGN.md §5)
//! A proof has two public inputs, `(processHash, messageHash)`, where
//!
//! ```text
//! messageHash = uint256(keccak256(abi.encode(integraHash, tokenId, eventRef, message,
//!                                            sender, block.chainid, address(this)))) mod r
//! ```
//!
//! is recomputed here from the call's arguments (the same definition as
//! `integra_circuits::Message::hash`, tested against it). `sender` is the registrant the event
//! records: the ERC-2771 sender when the call comes from the trusted forwarder (fixed at
//! construction, spec 03 §5), `msg.sender` otherwise. So a proof posted once is useless for
//! another message, tokenId, sender, chain or deployment: the reference design's replay hole
//! (spec 21 OQ-M1) is closed. `processHash` must be < r (`ProcessHashNotInField`).
//!
//! ## `registerMessage` — order of checks (spec 21 §6)
//! not paused (`EnforcedPause`) → `integraHash ≠ 0` → `processHash ≠ 0` → eventRef 1–100 bytes
//! (`EventRefRequired`, `EventRefTooLong(length, 100)`) → message 1–1000 bytes
//! (`MessageCannotBeEmpty`, `MessageTooLong(length, 1000)`) → `processHash < r` → the registry's
//! verifier for `verifierId` (`VerifierNotFound` when the registry returns 0: unknown,
//! deactivated or code changed) → static call `verifyProof(a, b, c, [processHash,
//! messageHash])` (revert, short return or `false` → `InvalidProof`) → `MessageRegistered`.
//! Lengths are bytes (`bytes(s).length`), so multi-byte UTF-8 counts per byte; like Solidity's
//! `string calldata`, the bytes are not checked for UTF-8.
//!
//! ## `registerMessageBatch(MessageInput[] messages)` — 1 to 32 messages
//! The same checks per message in order (the first failing message's error), one registry
//! lookup, then **one** randomized batch check in the verifier: `verifyBatch(proofs, inputs)`
//! (`groth16_verifier::groth16::verify_batch_with_precompiles`): random 128-bit coefficients
//! drawn by hashing every proof and input, `k + 3` pairings in one `ecPairing` call,
//! `2k + 2` `ecMul`. If it does not return `true`, every proof is re-verified alone and the call
//! reverts with `InvalidProofAt(index)` of the first failing one. One `MessageRegistered` per
//! message, in order.
//!
//! Why a batch entry point in the verifier rather than reading `verifyingKey()` here: the curve
//! code (point decoding and checks, the combined scalars, the precompile calls) already lives in
//! the verifier, which shares one code path between `verifyProof` and `verifyBatch` (the batch
//! adds ~1 KB of exact integer arithmetic there, no field library); copying it here would add
//! arkworks' field code (several KB) to a contract whose job is validation and events, and
//! `verifyingKey()` costs a call returning 640 bytes plus decoding it on every batch. The
//! verifier also stays the single place that knows the key.
//!
//! ## Measured gas (`docs/gas.md`, `stylus-vm`, each operation its own transaction)
//! | operation | gas | budget |
//! |---|---:|---:|
//! | `registerMessage` (16 B eventRef, 66 B message, N = 2), programs uncached | 307,198 | 230,000 |
//! | the same, registry + verifier + message contract cached | 254,301 | 230,000 |
//! | `registerMessageBatch`, per message, k = 1 / 4 / 8 / 16 | 308,079 / 126,367 / 93,900 / 77,724 | k = 8: 95,000; k = 16: 80,000 |
//!
//! The Solidity V6 reference is 248,530 for `registerMessage` with a one-input proof.
//! **The single-message budget is missed**, by 77,198 gas uncached and 24,301 cached. Why: the
//! floor before any WASM runs is 193,300 (precompiles, N = 2) + 28,392 (intrinsic calldata) =
//! 221,692; the three programs' entry costs are 62,133 uncached (message 20.4k, registry
//! 26.2k, verifier 15.6k — init gas of each module) and 9,236 cached; the rest (~23.4k) is
//! EVM-level: two cold accounts (registry, verifier: 5,200), cold `SLOAD`s in this contract and
//! the registry plus the registry's `EXTCODEHASH` of the verifier (~10k), the 4-topic log with
//! ~320 data bytes (~4.4k), the keccak of messageHash and ink. The registry lookup and the
//! separate verifier contract are required by the spec (deactivation must take effect at once),
//! so ≤ 230,000 is below what this architecture can reach; cached programs come within 11 %.
//! The batch budgets are met (k = 8: 93,900 ≤ 95,000; k = 16: 77,724 ≤ 80,000).
//!
//! ## Storage
//! Slot 0: `verifierRegistry` (20 B) + `paused` + "custom verifier id" flag; slot 1:
//! `trustedForwarder`; slot 2: `verifierId` (read only when it is not the default
//! `DEFAULT_VERIFIER_ID`); then OpenZeppelin's role mapping. All fixed at construction except
//! `paused` and roles. Deployed with a constructor and no proxy (like `IntegraRegistry`): the
//! registry, verifier id and forwarder are immutable (OQ-M6), so there is nothing to upgrade
//! short of a new deployment (and a new deployment needs new proofs anyway: `address(this)` is
//! in `messageHash`).
//!
//! ## Roles
//! `pause`/`unpause`: `GOVERNOR_ROLE`, checked against the ERC-2771 sender. `grantRole`,
//! `revokeRole`, `renounceRole` are OpenZeppelin's and use `msg.sender` (governance is not
//! relayed).
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]
#![cfg_attr(target_arch = "wasm32", allow(missing_docs))]
#![cfg_attr(not(any(test, feature = "export-abi")), no_std)]
extern crate alloc;

use alloc::{vec, vec::Vec};

use alloy_primitives::{b256, Address, B256, U256};
use alloy_sol_types::{SolCall, SolEvent};
use integra_primitives::{
    abi::{emit, encode, encode_into, returns, Args, Token},
    access::{AccessControl, IAccessControl},
    compact_errors, erc2771,
    roles::{DEFAULT_ADMIN_ROLE, GOVERNOR_ROLE, OPERATOR_ROLE},
    VERSION,
};
use stylus_sdk::{
    call::RawCall,
    prelude::*,
    storage::{StorageAddress, StorageB256, StorageBool},
    ArbResult,
};

pub use IIntegraMessageV1::*;

// The whole external interface (see the crate docs).
integra_primitives::contract_interface! {
    /// `IntegraMessageV1` (spec 21): ZK-gated workflow event log.
    interface IIntegraMessageV1 {
        /// One message of `registerMessageBatch`: `registerMessage`'s arguments in order.
        #[derive(Debug, PartialEq, Eq)]
        struct MessageInput {
    bytes32 integraHash;
    uint256 tokenId;
    bytes32 processHash;
    uint256[2] proofA;
    uint256[2][2] proofB;
    uint256[2] proofC;
    string eventRef;
    string message;
        }
        function registerMessage(bytes32 integraHash, uint256 tokenId, bytes32 processHash, uint256[2] proofA, uint256[2][2] proofB, uint256[2] proofC, string eventRef, string message) external;
        function registerMessageBatch(MessageInput[] messages) external;
        function messageHash(bytes32 integraHash, uint256 tokenId, string eventRef, string message, address sender) external view returns (uint256);
        function pause() external;
        function unpause() external;
        function paused() external view returns (bool);
        function verifierRegistry() external view returns (address);
        function verifierId() external view returns (bytes32);
        function trustedForwarder() external view returns (address);
        function isTrustedForwarder(address forwarder) external view returns (bool);
        function hasRole(bytes32 role, address account) external view returns (bool);
        function grantRole(bytes32 role, address account) external;
        function revokeRole(bytes32 role, address account) external;
        function renounceRole(bytes32 role, address callerConfirmation) external;
        function VERSION() external view returns (string memory);
        function MAX_EVENT_REF_LENGTH() external view returns (uint256);
        function MAX_MESSAGE_LENGTH() external view returns (uint256);
        function MAX_BATCH_SIZE() external view returns (uint256);
        function DEFAULT_VERIFIER_ID() external view returns (bytes32);

        #[derive(Debug, PartialEq, Eq)]
        event MessageRegistered(bytes32 indexed integraHash, bytes32 indexed processHash, uint256 indexed tokenId, string eventRef, string message, uint256 timestamp, address registrant);
        #[derive(Debug, PartialEq, Eq)]
        event Paused(address account);
        #[derive(Debug, PartialEq, Eq)]
        event Unpaused(address account);
        #[derive(Debug, PartialEq, Eq)]
        event RoleGranted(bytes32 indexed role, address indexed account, address indexed sender);
        #[derive(Debug, PartialEq, Eq)]
        event RoleRevoked(bytes32 indexed role, address indexed account, address indexed sender);

        #[derive(Debug, PartialEq, Eq)]
        error InvalidIntegraHash();
        #[derive(Debug, PartialEq, Eq)]
        error InvalidProcessHash();
        #[derive(Debug, PartialEq, Eq)]
        error EventRefRequired();
        #[derive(Debug, PartialEq, Eq)]
        error EventRefTooLong(uint256 length, uint256 maximum);
        #[derive(Debug, PartialEq, Eq)]
        error MessageCannotBeEmpty();
        #[derive(Debug, PartialEq, Eq)]
        error MessageTooLong(uint256 length, uint256 maximum);
        #[derive(Debug, PartialEq, Eq)]
        error ProcessHashNotInField(bytes32 processHash);
        #[derive(Debug, PartialEq, Eq)]
        error VerifierNotFound();
        #[derive(Debug, PartialEq, Eq)]
        error InvalidProof();
        #[derive(Debug, PartialEq, Eq)]
        error InvalidProofAt(uint256 index);
        #[derive(Debug, PartialEq, Eq)]
        error ZeroAddress();
        #[derive(Debug, PartialEq, Eq)]
        error EmptyBatch();
        #[derive(Debug, PartialEq, Eq)]
        error BatchTooLarge(uint256 size, uint256 max);
        #[derive(Debug, PartialEq, Eq)]
        error EnforcedPause();
        #[derive(Debug, PartialEq, Eq)]
        error ExpectedPause();
        #[derive(Debug, PartialEq, Eq)]
        error AccessControlUnauthorizedAccount(address account, bytes32 neededRole);
        #[derive(Debug, PartialEq, Eq)]
        error AccessControlBadConfirmation();
    }
}

compact_errors! {
    /// Every way a call can fail (spec 21 §9, plus the batch errors).
    pub enum Error {
    /// `integraHash` is zero.
    InvalidIntegraHash(InvalidIntegraHash {}),
    /// `processHash` is zero.
    InvalidProcessHash(InvalidProcessHash {}),
    /// Empty eventRef.
    EventRefRequired(EventRefRequired {}),
    /// eventRef over 100 bytes.
    EventRefTooLong(EventRefTooLong { length, maximum }),
    /// Empty message.
    MessageCannotBeEmpty(MessageCannotBeEmpty {}),
    /// Message over 1000 bytes.
    MessageTooLong(MessageTooLong { length, maximum }),
    /// `processHash` ≥ r.
    ProcessHashNotInField(ProcessHashNotInField { processHash }),
    /// The registry has no active verifier for `verifierId`.
    VerifierNotFound(VerifierNotFound {}),
    /// The proof does not verify (single message).
    InvalidProof(InvalidProof {}),
    /// The proof of message `index` does not verify (batch).
    InvalidProofAt(InvalidProofAt { index }),
    /// Zero registry or governor at construction.
    ZeroAddress(ZeroAddress {}),
    /// A batch with no messages.
    EmptyBatch(EmptyBatch {}),
    /// A batch over [`MAX_BATCH_SIZE`].
    BatchTooLarge(BatchTooLarge { size, max }),
    /// Registration while paused, or `pause` while paused.
    EnforcedPause(EnforcedPause {}),
    /// `unpause` while not paused.
    ExpectedPause(ExpectedPause {}),
    /// Caller lacks the role.
    UnauthorizedAccount(AccessControlUnauthorizedAccount { account, neededRole }),
    /// `renounceRole` confirmation is not the caller.
    BadConfirmation(AccessControlBadConfirmation {}),
    }
}

integra_primitives::access_control_errors!(Error);

/// Longest eventRef, in bytes.
pub const MAX_EVENT_REF_LENGTH: usize = 100;
/// Longest message, in bytes.
pub const MAX_MESSAGE_LENGTH: usize = 1000;
/// Most messages per `registerMessageBatch` (`k + 3` pairs in one `ecPairing` call).
pub const MAX_BATCH_SIZE: usize = 32;
/// `keccak256(abi.encodePacked("BasicAccessV1Poseidon", "v1"))` (spec 21 §4).
pub const DEFAULT_VERIFIER_ID: B256 =
    b256!("51bfa0ed224848315cb5aa8cc623de67c67d2e8c5d2aab2a3edbe9fc708ddd72");
/// The BN254 scalar modulus r.
pub const SNARK_SCALAR_FIELD: U256 = U256::from_limbs([
    0x43e1_f593_f000_0001,
    0x2833_e848_79b9_7091,
    0xb850_45b6_8181_585d,
    0x3064_4e72_e131_a029,
]);

/// The calls this contract makes (selectors only; not part of its own ABI).
pub mod callees {
    #![allow(missing_docs)]
    alloy_sol_types::sol! {
        /// `IntegraRegistry`'s VERIFIER facade.
        function getVerifier(bytes32 verifierId) external view returns (address);
        /// The Groth16 verifier, fixed two-input form (selector `0xf5c9d69e`).
        function verifyProof(uint256[2] a, uint256[2][2] b, uint256[2] c, uint256[2] input) external view returns (bool);
        /// The Groth16 verifier's randomized batch check.
        function verifyBatch(uint256[8][] proofs, uint256[] inputs) external view returns (bool);
    }
}

const GET_VERIFIER: [u8; 4] = callees::getVerifierCall::SELECTOR;
const VERIFY_PROOF: [u8; 4] = callees::verifyProofCall::SELECTOR;
const VERIFY_BATCH: [u8; 4] = callees::verifyBatchCall::SELECTOR;

/// One message as passed: `registerMessage`'s arguments (or one `MessageInput`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MessageArgs<'a> {
    /// The record.
    pub integra_hash: B256,
    /// Correlation only, unverified.
    pub token_id: U256,
    /// The workflow (Poseidon output, < r).
    pub process_hash: B256,
    /// `a`, `b` (coordinates `(c1, c0)`), `c` as eight words.
    pub proof: [U256; 8],
    /// Event name bytes.
    pub event_ref: &'a [u8],
    /// Payload bytes.
    pub message: &'a [u8],
}

impl<'a> MessageArgs<'a> {
    /// Reads the 13-word head `integraHash, tokenId, processHash, a[2], b[2][2], c[2],
    /// eventRef, message` (offsets relative to `a`'s start, as in a call and in a tuple).
    #[must_use]
    pub fn read(a: Args<'a>) -> Option<Self> {
        let mut proof = [U256::ZERO; 8];
        for (i, w) in proof.iter_mut().enumerate() {
            *w = a.u256(3 + i)?;
        }
        Some(Self {
            integra_hash: a.word(0)?,
            token_id: a.u256(1)?,
            process_hash: a.word(2)?,
            proof,
            event_ref: a.bytes(11)?,
            message: a.bytes(12)?,
        })
    }

    /// The checks of spec 21 §6 steps 1–5, in order.
    ///
    /// # Errors
    /// The first failing check's error.
    pub fn validate(&self) -> Result<(), Error> {
        if self.integra_hash.is_zero() {
            return Err(InvalidIntegraHash {}.into());
        }
        if self.process_hash.is_zero() {
            return Err(InvalidProcessHash {}.into());
        }
        check_length(self.event_ref.len(), MAX_EVENT_REF_LENGTH, true)?;
        check_length(self.message.len(), MAX_MESSAGE_LENGTH, false)?;
        if U256::from_be_bytes(self.process_hash.0) >= SNARK_SCALAR_FIELD {
            return Err(ProcessHashNotInField {
                processHash: self.process_hash,
            }
            .into());
        }
        Ok(())
    }
}

fn check_length(len: usize, max: usize, event_ref: bool) -> Result<(), Error> {
    let (length, maximum) = (U256::from(len), U256::from(max));
    match (len, event_ref) {
        (0, true) => Err(EventRefRequired {}.into()),
        (0, false) => Err(MessageCannotBeEmpty {}.into()),
        (n, true) if n > max => Err(EventRefTooLong { length, maximum }.into()),
        (n, false) if n > max => Err(MessageTooLong { length, maximum }.into()),
        _ => Ok(()),
    }
}

/// `keccak256(abi.encode(integraHash, tokenId, eventRef, message, sender, chainId,
/// messageContract))` reduced mod r, with the keccak given (the host's, or any other in tests).
#[must_use]
pub fn message_hash_with(
    keccak: impl Fn(&[u8]) -> B256,
    m: &MessageArgs<'_>,
    sender: Address,
    chain_id: u64,
    message_contract: Address,
) -> U256 {
    let encoded = encode(&[
        m.integra_hash.into(),
        m.token_id.into(),
        Token::Bytes(m.event_ref),
        Token::Bytes(m.message),
        sender.into(),
        chain_id.into(),
        message_contract.into(),
    ]);
    let mut h = U256::from_be_bytes(keccak(&encoded).0);
    // 2²⁵⁶ < 6r: at most five subtractions.
    while h >= SNARK_SCALAR_FIELD {
        h -= SNARK_SCALAR_FIELD;
    }
    h
}

/// A static call that hands over the remaining gas (the callees are our own registry and the
/// registered verifier; the verifier limits each precompile call itself).
fn static_call(to: Address, data: &[u8]) -> Option<Vec<u8>> {
    // SAFETY: no storage reference is held across the call and this contract writes no storage
    // before it (a static call cannot write any).
    unsafe { RawCall::new_static().call(to, data) }.ok()
}

/// A return of exactly `true` (a 32-byte word equal to 1).
fn returned_true(out: Option<Vec<u8>>) -> bool {
    out.is_some_and(|o| o.len() >= 32 && U256::from_be_slice(&o[..32]) == U256::from(1))
}

/// `verifyProof(a, b, c, [processHash, messageHash])` calldata.
fn verify_proof_calldata(m: &MessageArgs<'_>, message_hash: U256) -> Vec<u8> {
    let mut data = Vec::with_capacity(4 + 32 * 10);
    data.extend_from_slice(&VERIFY_PROOF);
    for w in &m.proof {
        data.extend_from_slice(&w.to_be_bytes::<32>());
    }
    data.extend_from_slice(m.process_hash.as_slice());
    data.extend_from_slice(&message_hash.to_be_bytes::<32>());
    data
}

/// `verifyBatch(proofs, inputs)` calldata.
fn verify_batch_calldata(msgs: &[MessageArgs<'_>], hashes: &[U256]) -> Vec<u8> {
    let k = msgs.len();
    let mut data = Vec::with_capacity(4 + 32 * (4 + 10 * k));
    data.extend_from_slice(&VERIFY_BATCH);
    let proofs: Vec<B256> = msgs
        .iter()
        .flat_map(|m| m.proof.iter().map(|w| B256::from(*w)))
        .collect();
    let inputs: Vec<B256> = msgs
        .iter()
        .zip(hashes)
        .flat_map(|(m, h)| [m.process_hash, B256::from(*h)])
        .collect();
    // `uint256[8][]` is encoded as `uint256[]` of 8k words with length k.
    let mut head = Vec::new();
    encode_into(&mut head, &[Token::Words(&proofs), Token::Words(&inputs)]);
    head[64 + 24..96].copy_from_slice(&(k as u64).to_be_bytes());
    data.extend_from_slice(&head);
    data
}

/// The contract's storage (see the crate docs for the slot layout).
#[entrypoint]
#[storage]
pub struct IntegraMessage {
    verifier_registry: StorageAddress,
    paused: StorageBool,
    custom_verifier_id: StorageBool,
    trusted_forwarder: StorageAddress,
    verifier_id: StorageB256,
    access: AccessControl,
}

impl IntegraMessage {
    /// Fixes the registry, verifier id (0 → [`DEFAULT_VERIFIER_ID`]) and trusted forwarder
    /// (0 = none); grants `DEFAULT_ADMIN_ROLE`, `GOVERNOR_ROLE` and `OPERATOR_ROLE` to
    /// `governor`.
    ///
    /// # Errors
    /// `ZeroAddress` for a zero registry or governor.
    ///
    /// # Events
    /// `RoleGranted` three times.
    pub fn constructor(
        &mut self,
        verifier_registry: Address,
        governor: Address,
        verifier_id: B256,
        trusted_forwarder: Address,
    ) -> Result<(), Error> {
        if verifier_registry.is_zero() || governor.is_zero() {
            return Err(ZeroAddress {}.into());
        }
        self.verifier_registry.set(verifier_registry);
        if !verifier_id.is_zero() && verifier_id != DEFAULT_VERIFIER_ID {
            self.custom_verifier_id.set(true);
            self.verifier_id.set(verifier_id);
        }
        self.trusted_forwarder.set(trusted_forwarder);
        for role in [DEFAULT_ADMIN_ROLE, GOVERNOR_ROLE, OPERATOR_ROLE] {
            self.access._grant_role(role, governor);
        }
        Ok(())
    }

    /// Registers one message for `sender` (the resolved ERC-2771 sender).
    ///
    /// # Errors
    /// See the crate docs, in that order.
    ///
    /// # Events
    /// `MessageRegistered`.
    pub fn register_message(&mut self, sender: Address, m: &MessageArgs<'_>) -> Result<(), Error> {
        self.when_not_paused()?;
        m.validate()?;
        let verifier = self.verifier()?;
        let hash = self.message_hash(m, sender);
        if !returned_true(static_call(verifier, &verify_proof_calldata(m, hash))) {
            return Err(InvalidProof {}.into());
        }
        self.emit_registered(m, sender);
        Ok(())
    }

    /// Registers 1–32 messages for `sender` with one batch verification.
    ///
    /// # Errors
    /// `EmptyBatch`, `BatchTooLarge`, then each message's validation error (first failing
    /// message), `VerifierNotFound`, `InvalidProofAt(index)`.
    ///
    /// # Events
    /// `MessageRegistered` per message, in order.
    pub fn register_message_batch(
        &mut self,
        sender: Address,
        msgs: &[MessageArgs<'_>],
    ) -> Result<(), Error> {
        self.when_not_paused()?;
        if msgs.is_empty() {
            return Err(EmptyBatch {}.into());
        }
        if msgs.len() > MAX_BATCH_SIZE {
            return Err(BatchTooLarge {
                size: U256::from(msgs.len()),
                max: U256::from(MAX_BATCH_SIZE),
            }
            .into());
        }
        for m in msgs {
            m.validate()?;
        }
        let verifier = self.verifier()?;
        let hashes: Vec<U256> = msgs.iter().map(|m| self.message_hash(m, sender)).collect();
        if !returned_true(static_call(verifier, &verify_batch_calldata(msgs, &hashes))) {
            // Find the culprit; if every proof verifies alone (a batch call that failed for
            // another reason), the batch stands.
            for (i, (m, h)) in msgs.iter().zip(&hashes).enumerate() {
                if !returned_true(static_call(verifier, &verify_proof_calldata(m, *h))) {
                    return Err(InvalidProofAt {
                        index: U256::from(i),
                    }
                    .into());
                }
            }
        }
        for m in msgs {
            self.emit_registered(m, sender);
        }
        Ok(())
    }

    /// The messageHash a proof for this message from `sender` must carry on this deployment.
    #[must_use]
    pub fn message_hash(&self, m: &MessageArgs<'_>, sender: Address) -> U256 {
        let vm = self.vm();
        message_hash_with(
            |b| vm.native_keccak256(b),
            m,
            sender,
            vm.chain_id(),
            vm.contract_address(),
        )
    }

    /// Pauses registration (`GOVERNOR_ROLE` of `sender`).
    ///
    /// # Errors
    /// `AccessControlUnauthorizedAccount`, `EnforcedPause`.
    ///
    /// # Events
    /// `Paused(sender)`.
    pub fn pause(&mut self, sender: Address) -> Result<(), Error> {
        self.access._check_role(GOVERNOR_ROLE, sender)?;
        self.when_not_paused()?;
        self.paused.set(true);
        emit(self.vm(), &[Paused::SIGNATURE_HASH], &[sender.into()]);
        Ok(())
    }

    /// Resumes registration (`GOVERNOR_ROLE` of `sender`).
    ///
    /// # Errors
    /// `AccessControlUnauthorizedAccount`, `ExpectedPause`.
    ///
    /// # Events
    /// `Unpaused(sender)`.
    pub fn unpause(&mut self, sender: Address) -> Result<(), Error> {
        self.access._check_role(GOVERNOR_ROLE, sender)?;
        if !self.paused.get() {
            return Err(ExpectedPause {}.into());
        }
        self.paused.set(false);
        emit(self.vm(), &[Unpaused::SIGNATURE_HASH], &[sender.into()]);
        Ok(())
    }

    /// True while paused.
    #[must_use]
    pub fn paused(&self) -> bool {
        self.paused.get()
    }

    /// The component registry the verifier is looked up in.
    #[must_use]
    pub fn verifier_registry(&self) -> Address {
        self.verifier_registry.get()
    }

    /// The verifier's component id.
    #[must_use]
    pub fn verifier_id(&self) -> B256 {
        if self.custom_verifier_id.get() {
            self.verifier_id.get()
        } else {
            DEFAULT_VERIFIER_ID
        }
    }

    /// The trusted forwarder (0 = none).
    #[must_use]
    pub fn trusted_forwarder(&self) -> Address {
        self.trusted_forwarder.get()
    }

    /// True for the configured non-zero forwarder.
    #[must_use]
    pub fn is_trusted_forwarder(&self, forwarder: Address) -> bool {
        erc2771::is_trusted_forwarder(self.trusted_forwarder.get(), forwarder)
    }

    /// `(sender, payload)` of a call with arguments `input` (selector excluded): the ERC-2771
    /// rule of spec 03 §5, the suffix stripped from the payload.
    #[must_use]
    pub fn resolve_sender<'a>(&self, input: &'a [u8]) -> (Address, &'a [u8]) {
        let caller = self.vm().msg_sender();
        let forwarder = self.trusted_forwarder.get();
        // resolve() counts the selector: 4 + input.len() ≥ 24 ⇔ input.len() ≥ 20.
        if erc2771::is_trusted_forwarder(forwarder, caller) && input.len() >= erc2771::SUFFIX_LEN {
            let (payload, suffix) = input.split_at(input.len() - erc2771::SUFFIX_LEN);
            (Address::from_slice(suffix), payload)
        } else {
            (caller, input)
        }
    }

    /// True when `account` holds `role`.
    #[must_use]
    pub fn has_role(&self, role: B256, account: Address) -> bool {
        self.access.has_role(role, account)
    }

    /// OpenZeppelin `grantRole` (admin of the role, `msg.sender`).
    ///
    /// # Errors
    /// `AccessControlUnauthorizedAccount`.
    pub fn grant_role(&mut self, role: B256, account: Address) -> Result<(), Error> {
        Ok(self.access.grant_role(role, account)?)
    }

    /// OpenZeppelin `revokeRole`.
    ///
    /// # Errors
    /// `AccessControlUnauthorizedAccount`.
    pub fn revoke_role(&mut self, role: B256, account: Address) -> Result<(), Error> {
        Ok(self.access.revoke_role(role, account)?)
    }

    /// OpenZeppelin `renounceRole`.
    ///
    /// # Errors
    /// `AccessControlBadConfirmation`.
    pub fn renounce_role(&mut self, role: B256, confirmation: Address) -> Result<(), Error> {
        Ok(self.access.renounce_role(role, confirmation)?)
    }
}

impl IntegraMessage {
    fn when_not_paused(&self) -> Result<(), Error> {
        if self.paused.get() {
            return Err(EnforcedPause {}.into());
        }
        Ok(())
    }

    /// The registry's verifier for our id; `VerifierNotFound` when it returns 0 (or the lookup
    /// fails).
    fn verifier(&self) -> Result<Address, Error> {
        let mut data = [0u8; 36];
        data[..4].copy_from_slice(&GET_VERIFIER);
        data[4..].copy_from_slice(self.verifier_id().as_slice());
        let found = static_call(self.verifier_registry.get(), &data)
            .and_then(|o| Args(&o).address(0))
            .filter(|a| !a.is_zero());
        found.ok_or_else(|| VerifierNotFound {}.into())
    }

    fn emit_registered(&self, m: &MessageArgs<'_>, registrant: Address) {
        let vm = self.vm();
        emit(
            vm,
            &[
                MessageRegistered::SIGNATURE_HASH,
                m.integra_hash,
                m.process_hash,
                B256::from(m.token_id),
            ],
            &[
                Token::Bytes(m.event_ref),
                Token::Bytes(m.message),
                vm.block_timestamp().into(),
                registrant.into(),
            ],
        );
    }
}

/// The `MessageInput[]` argument whose offset is head word `i`. The length word is not
/// trusted for allocation: every element needs its own offset word in the calldata.
fn message_array(a: Args<'_>, i: usize) -> Option<Vec<MessageArgs<'_>>> {
    let offset = usize::try_from(a.u256(i)?).ok()?;
    let len = U256::from_be_slice(a.0.get(offset..offset.checked_add(32)?)?);
    let body = a.0.get(offset.checked_add(32)?..)?;
    let len = usize::try_from(len).ok()?;
    let mut out = Vec::new();
    for j in 0..len {
        let off = usize::try_from(Args(body).u256(j)?).ok()?;
        out.push(MessageArgs::read(Args(body.get(off..)?))?);
    }
    Some(out)
}

integra_primitives::compact_router!(IntegraMessage, route, constructor(s, a) {
    let (registry, governor) = (a.address(0), a.address(1));
    let (id, forwarder) = (a.word(2), a.address(3));
    match (registry, governor, id, forwarder) {
        (Some(r), Some(g), Some(id), Some(f)) => s.constructor(r, g, id, f).map_err(Vec::from),
        _ => Err(Vec::new()),
    }
});

/// [`dispatch`] in the shape `compact_router!` expects.
fn route(s: &mut IntegraMessage, selector: [u8; 4], args: Args<'_>) -> Option<ArbResult> {
    dispatch(s, selector, args.0)
}

/// Routes one call; `input` is the calldata after the selector (an ERC-2771 suffix included).
pub fn dispatch(s: &mut IntegraMessage, selector: [u8; 4], input: &[u8]) -> Option<ArbResult> {
    macro_rules! arg {
        ($e:expr) => {
            match $e {
                Some(v) => v,
                None => return Some(Err(Vec::new())),
            }
        };
    }
    if !s.vm().msg_value().is_zero() {
        return Some(Err(Vec::new()));
    }
    let run = |r: Result<(), Error>| r.map(|()| Vec::new()).map_err(Vec::from);
    let word = |w: B256| Ok(returns(&[w.into()]));
    let a = Args(input);
    Some(match selector {
        registerMessageCall::SELECTOR => {
            let (sender, payload) = s.resolve_sender(input);
            let m = arg!(MessageArgs::read(Args(payload)));
            run(s.register_message(sender, &m))
        }
        registerMessageBatchCall::SELECTOR => {
            let (sender, payload) = s.resolve_sender(input);
            let msgs = arg!(message_array(Args(payload), 0));
            run(s.register_message_batch(sender, &msgs))
        }
        messageHashCall::SELECTOR => {
            let m = MessageArgs {
                integra_hash: arg!(a.word(0)),
                token_id: arg!(a.u256(1)),
                process_hash: B256::ZERO,
                proof: [U256::ZERO; 8],
                event_ref: arg!(a.bytes(2)),
                message: arg!(a.bytes(3)),
            };
            Ok(returns(&[s.message_hash(&m, arg!(a.address(4))).into()]))
        }
        pauseCall::SELECTOR => {
            let (sender, _) = s.resolve_sender(input);
            run(s.pause(sender))
        }
        unpauseCall::SELECTOR => {
            let (sender, _) = s.resolve_sender(input);
            run(s.unpause(sender))
        }
        pausedCall::SELECTOR => Ok(returns(&[s.paused().into()])),
        verifierRegistryCall::SELECTOR => Ok(returns(&[s.verifier_registry().into()])),
        verifierIdCall::SELECTOR => word(s.verifier_id()),
        trustedForwarderCall::SELECTOR => Ok(returns(&[s.trusted_forwarder().into()])),
        isTrustedForwarderCall::SELECTOR => Ok(returns(&[s
            .is_trusted_forwarder(arg!(a.address(0)))
            .into()])),
        hasRoleCall::SELECTOR => Ok(returns(&[s
            .has_role(arg!(a.word(0)), arg!(a.address(1)))
            .into()])),
        grantRoleCall::SELECTOR => run(s.grant_role(arg!(a.word(0)), arg!(a.address(1)))),
        revokeRoleCall::SELECTOR => run(s.revoke_role(arg!(a.word(0)), arg!(a.address(1)))),
        renounceRoleCall::SELECTOR => run(s.renounce_role(arg!(a.word(0)), arg!(a.address(1)))),
        VERSIONCall::SELECTOR => Ok(returns(&[VERSION.into()])),
        MAX_EVENT_REF_LENGTHCall::SELECTOR => {
            Ok(returns(&[U256::from(MAX_EVENT_REF_LENGTH).into()]))
        }
        MAX_MESSAGE_LENGTHCall::SELECTOR => Ok(returns(&[U256::from(MAX_MESSAGE_LENGTH).into()])),
        MAX_BATCH_SIZECall::SELECTOR => Ok(returns(&[U256::from(MAX_BATCH_SIZE).into()])),
        DEFAULT_VERIFIER_IDCall::SELECTOR => word(DEFAULT_VERIFIER_ID),
        _ => return None,
    })
}

#[cfg(test)]
mod tests;
