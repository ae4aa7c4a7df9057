//! `IntegraDocumentRegistry` (spec 02): the per-chain source of truth for document identity.
//!
//! A record binds an `integraHash` to its owner, content hash, parent reference, identity
//! extension, tokenizer, resolvers and per-document executor. The registry calls the record's
//! resolver hooks (spec 03 §2), collects an optional registration fee, honours one immutable
//! ERC-2771 trusted forwarder, and holds emergency powers that expire 180 days after deployment.
//! Immutable: no proxy.
//!
//! # Storage
//! A record takes **6 slots** plus one per additional resolver:
//! 1. `owner` (20) + `registeredAt` (5 bytes of seconds: enough until the year 36812) +
//!    `exists` (1) + `resolversLocked` (1) + the number of additional resolvers (1) + the
//!    tokenizer's *number* (4);
//! 2. `documentExecutor` (20) + `executorAuthorizedAt` (8) (the spec's two mappings, packed);
//! 3. – 6. `documentHash`, `referenceHash`, `identityExtension`, `primaryResolverId`;
//! 7. – 16. up to 10 additional resolver ids (a fixed array: only used slots are written; the
//!    count lives in slot 1, so a hook call reads no separate length slot).
//!
//! Every tokenizer gets a number at its first approval (1, 2, …; kept through revocation and
//! re-approval, stored beside the approval flag) and the registry keeps `number → address`, so
//! the record holds 4 bytes in its first slot instead of a 20-byte address in a slot of its own:
//! a registration with a tokenizer writes one fresh slot less (22,100 gas); `getTokenizer` and
//! `getDocument` read one more slot.
//!
//! A registration without tokenizer, resolver, executor or reference writes two fresh slots;
//! with a tokenizer and a primary resolver, three.
//! The configuration every call reads sits in one slot: the trusted forwarder (20), the
//! registration fee (8; ≤ 0.01 ether fits), the fees-disabled, paused and reentrancy flags and a
//! set-once "deployed" flag that keeps the slot non-zero, so toggling the guard around outgoing
//! calls is a non-zero → non-zero write. What a hook-calling operation reads next shares one
//! slot: the component registry's address, the default primary hook gas limit and the number
//! of resolver ids with a gas-limit override (while it is 0, no override is read: one cold
//! `SLOAD` less per hook).
//!
//! # Gas of `registerDocument` (issue 5 point 6: budget 120,000)
//! The gas report's shape (fresh ids, an approved tokenizer, a primary resolver whose hook runs,
//! a processHash, no reference or executor), traced entry by entry with
//! `cargo run -p integra-tests --example register_document_trace` (`stylus_vm::set_trace`):
//!
//! | part | uncached | cached |
//! |---|---:|---:|
//! | intrinsic: 21,000 + calldata (612 B) | 24,684 | 24,684 |
//! | this program's entry | 31,183 | 4,045 |
//! | the record's 3 fresh slots: slot 1 (its cold `SLOAD` 2,105 for the existence check + 20,000), `documentHash` and `primaryResolverId` (22,100 each) | 66,305 | 66,305 |
//! | cold `SLOAD`s: configuration, tokenizer approval, component registry + primary gas limit | 6,315 | 6,315 |
//! | reentrancy guard: 2,900 + 100 − 2,800 refund | 200 | 200 |
//! | `getResolver` in the component registry: cold account 2,600, its entry, 2 `SLOAD`s, `EXTCODEHASH` of the resolver 2,600, ink | 36,473 | 15,055 |
//! | the primary hook `onDocumentRegistered`: its entry, 1 `SLOAD`, ink | 26,705 | 6,944 |
//! | logs: `DocumentRegistered` (4 topics, 192 B) 3,411, `PrimaryResolverSet` 2,131, `PrimaryResolverCalled` 1,756 | 7,298 | 7,298 |
//! | this program's ink (decoding, checks, encoding, hostio overhead) | 4,437 | 4,437 |
//! | **total** | **203,601** | **135,284** |
//!
//! Before this layout the same transaction took 229,437 uncached and 161,621 cached (a fourth
//! fresh slot for the tokenizer, one more cold `SLOAD` for the gas-limit override, a separate
//! slot for the component registry's address). **The 120,000 budget is not reachable** with the
//! spec's record, events and hooks: the parts the spec fixes — intrinsic gas, three fresh slots
//! (`documentHash` and `primaryResolverId` are 32-byte values the getters return), the three
//! events, the component-registry lookup (deactivation must take effect at once) and the hook
//! — add up to 120,286 gas with every program cached, before this program's entry, its
//! configuration reads and its ink; uncached, the three programs' init gas adds ~68k. The
//! Solidity V6 reference's 177,313 stored 22 bytes of contact data instead of calling a
//! resolver. Further cuts need a decision: a cheaper `getResolver` in `IntegraRegistry` (its
//! `EXTCODEHASH` pin and two slots), or dropping events or the lookup from the spec.
//!
//! # ERC-2771
//! The router resolves the sender once per state-changing call: when `msg.sender` is the
//! non-zero trusted forwarder and the arguments hold at least 20 bytes, the sender is their last
//! 20 bytes ([`integra_primitives::erc2771::sender_from_args`]); otherwise `msg.sender`. The
//! resolved sender is passed to every method as `sender` and is what every identity check uses.
//! The refund of an overpaid fee goes to `msg.sender`, the account that paid (spec 03 §5). The
//! argument reader ignores trailing bytes, as Solidity's decoder does, so the suffix needs no
//! stripping.
//!
//! # Reentrancy
//! State-changing functions of spec 02 §2.1–2.4 hold an explicit guard (OZ error
//! `ReentrancyGuardReentrantCall`) while the registry calls resolvers, executors, the verifier
//! and the fee recipient. The entrypoint accepts reentrant calls
//! ([`integra_primitives::reentrant_entrypoint`]) so that hooks can read the registry's views;
//! every outgoing call flushes the storage cache first.
//!
//! # Size (open)
//! 108,212 B raw, 31,651 B compressed (`scripts/build-contracts.sh -p integra-document-registry`;
//! the tokenizer numbering added ~0.5 KB and ~600 gas of uncached entry):
//! over the 24,576-byte limit of one contract; under `ArbOS` 60 it deploys as a root contract
//! joining two fragments. Measured by removal: events ≈ 2.7 KB compressed, views ≈ 3.2 KB,
//! governance ≈ 2.8 KB, record management ≈ 4.9 KB; registration, hooks, the five getters other
//! contracts read and the SDK's fixed glue alone are 25.2 KB, so a two-way split by function
//! group does not fit either. `wasm-opt -Oz` saves nothing measurable.
//!
//! # Additions to the spec (+)
//! - `registeredAt` is stored in 40 bits (seconds; enough until the year 36812).
//! - `setMaxReasonableGasLimit` and the constructor refuse limits above `2^64 − 1`
//!   (`GasLimitTooHigh(limit, 2^64 − 1)`) and a maximum below a current default.
//! - Non-blocking hook calls (additional resolvers, and batch primaries) all require
//!   `gasleft() ≥ limit + limit/63 + 10_000`.
//! - Emergency unlock checks, in order: authority, justification, record, lock.
//! - `replaceDocumentExecutor` with the current executor reverts `ExecutorAlreadyAuthorized`.
//! - The reference verifier is called with all remaining gas (63/64 rule): it is a
//!   governance-registered contract, and a proof check's price depends on the verifier.
//! - The reference proof is checked through `verifyProof(uint256[2], uint256[2][2], uint256[2],
//!   uint256[])` with the one input `uint256(referenceHash)`: the form the `groth16-verifier`
//!   contract implements for any input count (spec 01 §4's one-input selector `0x624c8f87` has
//!   no implementation).
//! - `getTokenizerOwnerExecutor(bytes32) returns (address tokenizer, address owner, address
//!   executor)`: `getTokenizer`, `getDocumentOwner` and `getDocumentExecutor` in one call (the
//!   record's first two slots and the tokenizer number's address), for the tokenizers'
//!   owner-or-executor gate (spec 10 §5), which made three calls. Not part of the ERC-165 id.
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]
#![cfg_attr(target_arch = "wasm32", allow(missing_docs))]
#![cfg_attr(not(any(test, feature = "export-abi")), no_std)]
extern crate alloc;

use alloc::{vec, vec::Vec};

use alloy_primitives::{Address, B256, U256};
use alloy_sol_types::{SolCall, SolEvent};
use integra_primitives::erc165::interface_id;
pub use integra_primitives::erc165::{ACCESS_CONTROL_INTERFACE_ID, ERC165_INTERFACE_ID};
use integra_primitives::{
    abi::{emit, returns, Args, Token},
    access::{grant_governance, AccessControl, IAccessControl},
    calls::{self, Kind},
    compact_errors, erc2771,
    interfaces::{IComponentLookup, IDocumentResolver, IGroth16Verifier, IIntegraExecutor},
    limits::{MAX_ADDITIONAL_RESOLVERS, MAX_BATCH_SIZE, MAX_REVERT_BUBBLE},
    reentrant_entrypoint,
    roles::{DEFAULT_ADMIN_ROLE, GOVERNOR_ROLE},
    VERSION,
};
use stylus_sdk::{
    alloy_primitives::aliases::B32,
    prelude::*,
    storage::{
        StorageAddress, StorageArray, StorageB256, StorageBool, StorageMap, StorageU256,
        StorageU32, StorageU64, StorageU8, StorageUint,
    },
    ArbResult,
};

pub use IIntegraDocumentRegistry::*;

// The whole external interface, in one `sol!` declaration (selectors, events, errors, ABI).
integra_primitives::contract_interface! {
    /// `IntegraDocumentRegistry` (spec 02).
    interface IIntegraDocumentRegistry {
        /// A record as `getDocument` returns it (spec 02 §1).
        #[derive(Debug, PartialEq, Eq)]
        struct DocumentRecord {
    address owner;
    address tokenizer;
    bytes32 documentHash;
    bytes32 referenceHash;
    uint64 registeredAt;
    bool exists;
    bytes32 identityExtension;
    bytes32 primaryResolverId;
    bytes32[] additionalResolvers;
    bool resolversLocked;
        }

        #[derive(Debug, PartialEq, Eq)]
        event DocumentRegistered(bytes32 indexed integraHash, bytes32 indexed documentHash, bytes32 indexed referenceHash, address owner, address tokenizer, address authorizedExecutor, bytes32 processHash, bytes32 identityExtension, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event DocumentReferenced(bytes32 indexed childHash, bytes32 indexed parentHash, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event DocumentOwnershipTransferred(bytes32 indexed integraHash, address indexed oldOwner, address indexed newOwner, string reason, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event PrimaryResolverSet(bytes32 indexed integraHash, bytes32 indexed resolverId, address indexed owner, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event AdditionalResolverAdded(bytes32 indexed integraHash, bytes32 indexed resolverId, address indexed owner, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event AdditionalResolverRemoved(bytes32 indexed integraHash, bytes32 indexed resolverId, address indexed owner, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event ResolversLocked(bytes32 indexed integraHash, address indexed owner, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event ResolversEmergencyUnlocked(bytes32 indexed integraHash, address indexed unlocker, string justification, uint256 timestamp, bool wasEmergencyAddress, bool beforeExpiry);
        #[derive(Debug, PartialEq, Eq)]
        event DocumentExecutorAuthorized(bytes32 indexed integraHash, address indexed executor, address indexed owner, bool isContract, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event DocumentExecutorRevoked(bytes32 indexed integraHash, address indexed executor, address indexed owner, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event ExecutorApproved(address indexed executor, bool approved, string name, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event FeeCollected(bytes32 indexed integraHash, address indexed payer, uint256 amount, address recipient, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event RegistrationFeeUpdated(uint256 oldFee, uint256 newFee, address indexed updatedBy, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event FeesEmergencyDisabled(address indexed disabler, string justification, uint256 timestamp, bool wasEmergencyAddress, bool beforeExpiry);
        #[derive(Debug, PartialEq, Eq)]
        event FeesReenabled(address indexed enabler, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event PrimaryResolverCalled(bytes32 indexed integraHash, bytes32 indexed resolverId, bytes4 selector);
        #[derive(Debug, PartialEq, Eq)]
        event AdditionalResolverCalled(bytes32 indexed integraHash, bytes32 indexed resolverId, bytes4 selector);
        #[derive(Debug, PartialEq, Eq)]
        event PrimaryResolverUnavailable(bytes32 indexed integraHash, bytes32 indexed resolverId);
        #[derive(Debug, PartialEq, Eq)]
        event PrimaryResolverFailed(bytes32 indexed integraHash, bytes32 indexed resolverId, string reason);
        #[derive(Debug, PartialEq, Eq)]
        event AdditionalResolverFailed(bytes32 indexed integraHash, bytes32 indexed resolverId, string reason);
        #[derive(Debug, PartialEq, Eq)]
        event IdentityExtensionUpdated(bytes32 indexed integraHash, bytes32 oldExtension, bytes32 newExtension, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event TokenizerAssociated(bytes32 indexed integraHash, address indexed tokenizer, address indexed by, bytes32 processHash, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event TokenizerApproved(address indexed tokenizer, bool approved, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event DefaultPrimaryResolverGasLimitUpdated(uint256 oldLimit, uint256 newLimit);
        #[derive(Debug, PartialEq, Eq)]
        event DefaultAdditionalResolverGasLimitUpdated(uint256 oldLimit, uint256 newLimit);
        #[derive(Debug, PartialEq, Eq)]
        event ResolverGasLimitOverrideSet(bytes32 indexed resolverId, uint256 gasLimit, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event MaxReasonableGasLimitUpdated(uint256 oldLimit, uint256 newLimit);
        #[derive(Debug, PartialEq, Eq)]
        event Paused(address account);
        #[derive(Debug, PartialEq, Eq)]
        event Unpaused(address account);
        #[derive(Debug, PartialEq, Eq)]
        event RoleGranted(bytes32 indexed role, address indexed account, address indexed sender);
        #[derive(Debug, PartialEq, Eq)]
        event RoleRevoked(bytes32 indexed role, address indexed account, address indexed sender);
        #[derive(Debug, PartialEq, Eq)]
        event RoleAdminChanged(bytes32 indexed role, bytes32 indexed previousAdminRole, bytes32 indexed newAdminRole);

        #[derive(Debug, PartialEq, Eq)]
        error InvalidIntegraHash();
        #[derive(Debug, PartialEq, Eq)]
        error InvalidDocumentHash();
        #[derive(Debug, PartialEq, Eq)]
        error DocumentAlreadyRegistered(bytes32 integraHash, address existingOwner);
        #[derive(Debug, PartialEq, Eq)]
        error DocumentNotRegistered(bytes32 integraHash);
        #[derive(Debug, PartialEq, Eq)]
        error Unauthorized(address caller, bytes32 integraHash);
        #[derive(Debug, PartialEq, Eq)]
        error ZeroAddress();
        #[derive(Debug, PartialEq, Eq)]
        error AlreadyOwner(address account, bytes32 integraHash);
        #[derive(Debug, PartialEq, Eq)]
        error TokenizerNotApproved(address tokenizer);
        #[derive(Debug, PartialEq, Eq)]
        error TokenizerAlreadySet(bytes32 integraHash, address tokenizer);
        #[derive(Debug, PartialEq, Eq)]
        error ResolverNotFound(bytes32 resolverId);
        #[derive(Debug, PartialEq, Eq)]
        error ResolverConfigurationLocked(bytes32 integraHash);
        #[derive(Debug, PartialEq, Eq)]
        error ResolversNotLocked(bytes32 integraHash);
        #[derive(Debug, PartialEq, Eq)]
        error ResolverAlreadyAttached(bytes32 integraHash, bytes32 resolverId);
        #[derive(Debug, PartialEq, Eq)]
        error ResolverNotAttached(bytes32 integraHash, bytes32 resolverId);
        #[derive(Debug, PartialEq, Eq)]
        error TooManyAdditionalResolvers(bytes32 integraHash, uint256 max);
        #[derive(Debug, PartialEq, Eq)]
        error PrimaryResolverCallFailed(bytes32 integraHash, bytes32 resolverId);
        #[derive(Debug, PartialEq, Eq)]
        error OwnershipRejectedByResolver(bytes32 integraHash, bytes32 resolverId, string reason);
        #[derive(Debug, PartialEq, Eq)]
        error InsufficientGasForResolvers();
        #[derive(Debug, PartialEq, Eq)]
        error CannotAuthorizeSelf(address account);
        #[derive(Debug, PartialEq, Eq)]
        error InvalidExecutorContract(address executor, string reason);
        #[derive(Debug, PartialEq, Eq)]
        error ExecutorAlreadyAuthorized(bytes32 integraHash, address executor);
        #[derive(Debug, PartialEq, Eq)]
        error NoExecutorAuthorized(bytes32 integraHash);
        #[derive(Debug, PartialEq, Eq)]
        error VerifierNotFound(bytes32 verifierId);
        #[derive(Debug, PartialEq, Eq)]
        error InvalidProof(bytes32 integraHash, address sender);
        #[derive(Debug, PartialEq, Eq)]
        error ReferenceDocumentNotFound(bytes32 referenceHash);
        #[derive(Debug, PartialEq, Eq)]
        error EmptyBatch();
        #[derive(Debug, PartialEq, Eq)]
        error BatchTooLarge(uint256 size, uint256 max);
        #[derive(Debug, PartialEq, Eq)]
        error ArrayLengthMismatch();
        #[derive(Debug, PartialEq, Eq)]
        error InsufficientFee(uint256 provided, uint256 required);
        #[derive(Debug, PartialEq, Eq)]
        error FeeTooHigh(uint256 fee, uint256 max);
        #[derive(Debug, PartialEq, Eq)]
        error FeeTransferFailed();
        #[derive(Debug, PartialEq, Eq)]
        error RefundFailed();
        #[derive(Debug, PartialEq, Eq)]
        error FeesAlreadyDisabled();
        #[derive(Debug, PartialEq, Eq)]
        error FeesNotDisabled();
        #[derive(Debug, PartialEq, Eq)]
        error EmptyJustification();
        #[derive(Debug, PartialEq, Eq)]
        error UnauthorizedEmergencyUnlock(address caller);
        #[derive(Debug, PartialEq, Eq)]
        error UnauthorizedEmergencyAction(address caller);
        #[derive(Debug, PartialEq, Eq)]
        error EmergencyPowersExpired();
        #[derive(Debug, PartialEq, Eq)]
        error ZeroGasLimit();
        #[derive(Debug, PartialEq, Eq)]
        error GasLimitTooHigh(uint256 limit, uint256 max);
        #[derive(Debug, PartialEq, Eq)]
        error EnforcedPause();
        #[derive(Debug, PartialEq, Eq)]
        error ExpectedPause();
        #[derive(Debug, PartialEq, Eq)]
        error ReentrancyGuardReentrantCall();
        #[derive(Debug, PartialEq, Eq)]
        error AccessControlUnauthorizedAccount(address account, bytes32 neededRole);
        #[derive(Debug, PartialEq, Eq)]
        error AccessControlBadConfirmation();

        // ---- registration (spec 02 §2.1) ----
        function registerDocument(bytes32 integraHash, bytes32 documentHash, bytes32 identityExtension, bytes32 referenceHash, uint256[2] referenceProofA, uint256[2][2] referenceProofB, uint256[2] referenceProofC, address tokenizer, bytes32 primaryResolverId, address authorizedExecutor, bytes32 processHash) external payable returns (bytes32);
        function registerDocumentBatch(bytes32[] integraHashes, bytes32[] documentHashes, bytes32[] identityExtensions, address[] tokenizers, bytes32[] primaryResolverIds, address executor, bytes32[] processHashes, bool callResolverHooks) external payable returns (bytes32[] memory);
        // ---- resolver configuration (§2.2) ----
        function setPrimaryResolver(bytes32 integraHash, bytes32 resolverId) external;
        function setPrimaryResolverBatch(bytes32[] integraHashes, bytes32 resolverId) external;
        function addAdditionalResolver(bytes32 integraHash, bytes32 resolverId) external;
        function removeAdditionalResolver(bytes32 integraHash, bytes32 resolverId) external;
        function lockResolvers(bytes32 integraHash) external;
        function emergencyUnlockResolvers(bytes32 integraHash, string justification) external;
        // ---- extension, tokenizer, ownership (§2.3) ----
        function setIdentityExtension(bytes32 integraHash, bytes32 identityExtension) external;
        function associateTokenizer(bytes32 integraHash, address tokenizer, bytes32 processHash) external;
        function transferDocumentOwnership(bytes32 integraHash, address newOwner, string reason) external;
        // ---- executors (§2.4) ----
        function authorizeDocumentExecutor(bytes32 integraHash, address executor) external;
        function revokeDocumentExecutor(bytes32 integraHash) external;
        function replaceDocumentExecutor(bytes32 integraHash, address newExecutor) external;
        function authorizeDocumentExecutorBatch(bytes32[] integraHashes, address executor) external;
        function revokeDocumentExecutorBatch(bytes32[] integraHashes) external;
        // ---- governance (§2.5) ----
        function setTokenizerApproval(address tokenizer, bool approved) external;
        function setTokenizerApprovalBatch(address[] tokenizers, bool[] approvals) external;
        function setExecutorApproval(address executor, bool approved, string name) external;
        function setExecutorApprovalBatch(address[] executors, bool[] approvals, string[] names) external;
        function setDefaultPrimaryResolverGasLimit(uint256 gasLimit) external;
        function setDefaultAdditionalResolverGasLimit(uint256 gasLimit) external;
        function setResolverGasLimitOverride(bytes32 resolverId, uint256 gasLimit) external;
        function setMaxReasonableGasLimit(uint256 gasLimit) external;
        function setRegistrationFee(uint256 fee) external;
        function emergencyDisableFees(string justification) external;
        function reenableFees() external;
        function pause() external;
        function unpause() external;
        // ---- views (§2.6) ----
        function getDocument(bytes32 integraHash) external view returns (DocumentRecord memory);
        function getDocumentInfo(bytes32 integraHash) external view returns (address owner, bytes32 documentHash, address tokenizer, bytes32[] memory resolvers, uint256 registeredAt);
        function getDocumentOwner(bytes32 integraHash) external view returns (address);
        function exists(bytes32 integraHash) external view returns (bool);
        function isDocumentOwner(bytes32 integraHash, address account) external view returns (bool);
        function getTokenizer(bytes32 integraHash) external view returns (address);
        function getDocumentExecutor(bytes32 integraHash) external view returns (address);
        /// Addition to spec 02: `getTokenizer`, `getDocumentOwner` and `getDocumentExecutor` in
        /// one call (the tokenizers' owner-or-executor gate, spec 10 §5).
        function getTokenizerOwnerExecutor(bytes32 integraHash) external view returns (address tokenizer, address owner, address executor);
        function isAuthorizedDocumentExecutor(bytes32 integraHash, address executor) external view returns (bool);
        function getAdditionalResolvers(bytes32 integraHash) external view returns (bytes32[] memory);
        function getEffectiveResolverGasLimit(bytes32 resolverId, bool isPrimary) external view returns (uint256 gasLimit, bool isOverride);
        function getEmergencyStatus() external view returns (bool active, uint256 expiresAt, address emergencyAddr);
        function getFeeConfiguration() external view returns (uint256 currentFee, address recipient, bool disabled, uint256 maxFee, uint256 totalCollected);
        function getDocumentsBatch(bytes32[] integraHashes) external view returns (DocumentRecord[] memory);
        function existsBatch(bytes32[] integraHashes) external view returns (bool[] memory);
        function getDocumentOwnersBatch(bytes32[] integraHashes) external view returns (address[] memory);
        function getDocumentExecutorsBatch(bytes32[] integraHashes) external view returns (address[] memory);
        // ---- public getters of storage, immutables and constants ----
        function documents(bytes32 integraHash) external view returns (address owner, address tokenizer, bytes32 documentHash, bytes32 referenceHash, uint64 registeredAt, bool exists, bytes32 identityExtension, bytes32 primaryResolverId, bool resolversLocked);
        function documentExecutor(bytes32 integraHash) external view returns (address);
        function executorAuthorizedAt(bytes32 integraHash) external view returns (uint256);
        function approvedTokenizers(address tokenizer) external view returns (bool);
        function approvedExecutors(address executor) external view returns (bool);
        function resolverGasLimitOverride(bytes32 resolverId) external view returns (uint256);
        function defaultPrimaryResolverGasLimit() external view returns (uint256);
        function defaultAdditionalResolverGasLimit() external view returns (uint256);
        function maxReasonableGasLimit() external view returns (uint256);
        function registrationFee() external view returns (uint256);
        function feesDisabled() external view returns (bool);
        function totalFeesCollected() external view returns (uint256);
        function verifierRegistry() external view returns (address);
        function resolverRegistry() external view returns (address);
        function emergencyAddress() external view returns (address);
        function emergencyExpiry() external view returns (uint256);
        function feeRecipient() external view returns (address);
        function trustedForwarder() external view returns (address);
        function isTrustedForwarder(address forwarder) external view returns (bool);
        function paused() external view returns (bool);
        function VERSION() external view returns (string memory);
        function MAX_BATCH_SIZE() external view returns (uint256);
        function MAX_ADDITIONAL_RESOLVERS() external view returns (uint256);
        function MIN_REGISTRATION_FEE() external view returns (uint256);
        function MAX_REGISTRATION_FEE() external view returns (uint256);
        function EMERGENCY_DURATION() external view returns (uint256);
        function MAX_REVERT_BUBBLE() external view returns (uint256);
        function EXECUTOR_CHECK_GAS() external view returns (uint256);
        function REFERENCE_VERIFIER_ID() external view returns (bytes32);
        function GOVERNOR_ROLE() external view returns (bytes32);
        function DEFAULT_ADMIN_ROLE() external view returns (bytes32);
        // ---- access control (OpenZeppelin v5), ERC-165 ----
        function hasRole(bytes32 role, address account) external view returns (bool);
        function getRoleAdmin(bytes32 role) external view returns (bytes32);
        function grantRole(bytes32 role, address account) external;
        function revokeRole(bytes32 role, address account) external;
        function renounceRole(bytes32 role, address callerConfirmation) external;
        function supportsInterface(bytes4 interfaceId) external view returns (bool);
    }
}

/// Largest registration fee: 0.01 ether.
pub const MAX_REGISTRATION_FEE: u64 = 10_000_000_000_000_000;
/// Smallest registration fee.
pub const MIN_REGISTRATION_FEE: u64 = 0;
/// Lifetime of the emergency powers: 180 days.
pub const EMERGENCY_DURATION: u64 = 180 * 24 * 60 * 60;
/// Default gas of a primary resolver hook.
pub const DEFAULT_PRIMARY_GAS: u64 = 200_000;
/// Default gas of an additional resolver hook.
pub const DEFAULT_ADDITIONAL_GAS: u64 = 100_000;
/// `maxReasonableGasLimit` when the constructor is given 0.
pub const DEFAULT_MAX_REASONABLE_GAS: u64 = 30_000_000;
/// Gas of the `isLegitimateExecutor()` check (spec 02 §4).
pub const EXECUTOR_CHECK_GAS: u64 = 30_000;
/// `keccak256(abi.encodePacked("BasicAccessV1Poseidon", "v1"))`.
pub const REFERENCE_VERIFIER_ID: B256 = B256::new(
    stylus_sdk::keccak_const::Keccak256::new()
        .update(b"BasicAccessV1Poseidonv1")
        .finalize(),
);
/// Gas kept back beyond a non-blocking hook's limit (spec 02 §5).
const HOOK_GAS_MARGIN: u64 = 10_000;

compact_errors! {
    /// Every way a call to the document registry can fail. The tests compare each variant's
    /// bytes with alloy's encoding.
    pub enum Error {
    /// Zero `integraHash`.
    InvalidIntegraHash(InvalidIntegraHash {}),
    /// Zero `documentHash`.
    InvalidDocumentHash(InvalidDocumentHash {}),
    /// The id is taken.
    DocumentAlreadyRegistered(DocumentAlreadyRegistered { integraHash, existingOwner }),
    /// Unknown record.
    DocumentNotRegistered(DocumentNotRegistered { integraHash }),
    /// The sender is not the owner (or executor, where allowed).
    Unauthorized(Unauthorized { caller, integraHash }),
    /// A required address is zero.
    ZeroAddress(ZeroAddress {}),
    /// Transfer to the current owner.
    AlreadyOwner(AlreadyOwner { account, integraHash }),
    /// Tokenizer not approved by governance.
    TokenizerNotApproved(TokenizerNotApproved { tokenizer }),
    /// The record's tokenizer is already set.
    TokenizerAlreadySet(TokenizerAlreadySet { integraHash, tokenizer }),
    /// The resolver id does not resolve.
    ResolverNotFound(ResolverNotFound { resolverId }),
    /// The record's resolvers are locked.
    ResolverConfigurationLocked(ResolverConfigurationLocked { integraHash }),
    /// Emergency unlock of an unlocked record.
    ResolversNotLocked(ResolversNotLocked { integraHash }),
    /// The resolver is already the primary or an additional one.
    ResolverAlreadyAttached(ResolverAlreadyAttached { integraHash, resolverId }),
    /// Removal of a resolver that is not attached.
    ResolverNotAttached(ResolverNotAttached { integraHash, resolverId }),
    /// Already 10 additional resolvers.
    TooManyAdditionalResolvers(TooManyAdditionalResolvers { integraHash, max }),
    /// A blocking primary hook or the ownership check failed without revert data.
    PrimaryResolverCallFailed(PrimaryResolverCallFailed { integraHash, resolverId }),
    /// The primary resolver's `canOwnDocument` said no.
    OwnershipRejectedByResolver(OwnershipRejectedByResolver { integraHash, resolverId, reason }),
    /// Not enough gas left to give a non-blocking hook its limit.
    InsufficientGasForResolvers(InsufficientGasForResolvers {}),
    /// The executor is the sender.
    CannotAuthorizeSelf(CannotAuthorizeSelf { account }),
    /// The executor contract failed its self-attestation.
    InvalidExecutorContract(InvalidExecutorContract { executor, reason }),
    /// An executor is already authorized (or is the replacement).
    ExecutorAlreadyAuthorized(ExecutorAlreadyAuthorized { integraHash, executor }),
    /// No executor to revoke or replace.
    NoExecutorAuthorized(NoExecutorAuthorized { integraHash }),
    /// The reference verifier is not registered (or inactive).
    VerifierNotFound(VerifierNotFound { verifierId }),
    /// The reference proof failed.
    InvalidProof(InvalidProof { integraHash, sender }),
    /// The referenced parent does not exist.
    ReferenceDocumentNotFound(ReferenceDocumentNotFound { referenceHash }),
    /// A batch without items.
    EmptyBatch(EmptyBatch {}),
    /// A batch of more than 50 items.
    BatchTooLarge(BatchTooLarge { size, max }),
    /// Parallel arrays of different lengths.
    ArrayLengthMismatch(ArrayLengthMismatch {}),
    /// `msg.value` below the fee.
    InsufficientFee(InsufficientFee { provided, required }),
    /// Fee above 0.01 ether.
    FeeTooHigh(FeeTooHigh { fee, max }),
    /// The fee recipient rejected the fee.
    FeeTransferFailed(FeeTransferFailed {}),
    /// The payer rejected the refund.
    RefundFailed(RefundFailed {}),
    /// Fees are already disabled.
    FeesAlreadyDisabled(FeesAlreadyDisabled {}),
    /// Fees are not disabled.
    FeesNotDisabled(FeesNotDisabled {}),
    /// Empty emergency justification.
    EmptyJustification(EmptyJustification {}),
    /// Emergency unlock by a stranger before expiry.
    UnauthorizedEmergencyUnlock(UnauthorizedEmergencyUnlock { caller }),
    /// Emergency fee action by a stranger before expiry.
    UnauthorizedEmergencyAction(UnauthorizedEmergencyAction { caller }),
    /// Emergency action by a non-governor after expiry.
    EmergencyPowersExpired(EmergencyPowersExpired {}),
    /// A gas limit of 0.
    ZeroGasLimit(ZeroGasLimit {}),
    /// A gas limit above its maximum.
    GasLimitTooHigh(GasLimitTooHigh { limit, max }),
    /// The contract is paused.
    EnforcedPause(EnforcedPause {}),
    /// The contract is not paused.
    ExpectedPause(ExpectedPause {}),
    /// A guarded function was re-entered.
    Reentrant(ReentrancyGuardReentrantCall {}),
    /// Missing role.
    UnauthorizedAccount(AccessControlUnauthorizedAccount { account, neededRole }),
    /// `renounceRole` confirmation is not the caller.
    BadConfirmation(AccessControlBadConfirmation {}),
    ;
    /// A blocking primary hook's revert data, re-thrown unchanged (at most 2048 bytes).
    Bubbled(bytes)
    }
}

integra_primitives::access_control_errors!(Error);

/// Result of a registry method.
pub type Res<T> = Result<T, Error>;

/// One record (see the crate docs for the slots).
#[storage]
struct Record {
    // One slot: 20 + 5 + 1 + 1 + 1 + 4 bytes.
    owner: StorageAddress,
    registered_at: StorageUint<40, 1>,
    exists: StorageBool,
    resolvers_locked: StorageBool,
    additional_count: StorageU8,
    /// The tokenizer's number (position in `tokenizers` + 1), 0 for none.
    tokenizer: StorageU32,
    executor: StorageAddress,
    executor_authorized_at: StorageU64,
    document_hash: StorageB256,
    reference_hash: StorageB256,
    identity_extension: StorageB256,
    primary_resolver: StorageB256,
    additional: StorageArray<StorageB256, MAX_ADDITIONAL_RESOLVERS>,
}

/// The document registry's storage.
#[storage]
pub struct IntegraDocumentRegistry {
    // One slot, read by every state-changing call: 20 + 8 + 1 + 1 + 1 + 1 bytes.
    trusted_forwarder: StorageAddress,
    registration_fee: StorageU64,
    fees_disabled: StorageBool,
    is_paused: StorageBool,
    entered: StorageBool,
    deployed: StorageBool,
    // 20 + 8 + 4.
    fee_recipient: StorageAddress,
    emergency_expiry: StorageU64,
    tokenizer_count: StorageU32,
    // 20 + 8 + 4: what a hook-calling operation reads together.
    resolver_registry: StorageAddress,
    default_primary_gas: StorageU64,
    /// How many resolver ids have a gas-limit override: while 0, no override is read.
    override_count: StorageU32,
    // 20 + 8.
    verifier_registry: StorageAddress,
    default_additional_gas: StorageU64,
    // 20 + 8.
    emergency_address: StorageAddress,
    max_reasonable_gas: StorageU64,
    total_fees_collected: StorageU256,
    access: AccessControl,
    records: StorageMap<B256, Record>,
    approved_tokenizers: StorageMap<Address, TokenizerEntry>,
    /// Every tokenizer ever approved by number (1, 2, … in order of first approval): a record
    /// stores its tokenizer's number (4 bytes in the record's first slot) instead of a 20-byte
    /// address in a slot of its own.
    tokenizers: StorageMap<B256, StorageAddress>,
    approved_executors: StorageMap<Address, StorageBool>,
    gas_overrides: StorageMap<B256, StorageU64>,
}

/// A tokenizer's approval and its number (one slot).
#[storage]
struct TokenizerEntry {
    approved: StorageBool,
    number: StorageU32,
}

reentrant_entrypoint!(IntegraDocumentRegistry);

/// One single registration's arguments (spec 02 §2.1).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Registration {
    /// The record id.
    pub integra_hash: B256,
    /// The content hash.
    pub document_hash: B256,
    /// Owner-mutable identity extension.
    pub identity_extension: B256,
    /// Parent record, 0 for none.
    pub reference_hash: B256,
    /// Groth16 proof words `a[2] ‖ b[2][2] ‖ c[2]`, ignored without a reference.
    pub proof: [B256; 8],
    /// Tokenizer, 0 for none.
    pub tokenizer: Address,
    /// Primary resolver id, 0 for none.
    pub primary_resolver_id: B256,
    /// Per-document executor, 0 for none.
    pub executor: Address,
    /// Process correlation id (event only).
    pub process_hash: B256,
}

/// One batch registration's arguments (spec 02 §2.1), item-wise.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BatchItem {
    /// The record id.
    pub integra_hash: B256,
    /// The content hash.
    pub document_hash: B256,
    /// Identity extension.
    pub identity_extension: B256,
    /// Tokenizer, 0 for none.
    pub tokenizer: Address,
    /// Primary resolver id, 0 for none.
    pub primary_resolver_id: B256,
    /// Process correlation id.
    pub process_hash: B256,
}

fn u64_word(v: u64) -> U256 {
    U256::from(v)
}

fn u64_of<const B: usize, const L: usize>(v: alloy_primitives::Uint<B, L>) -> u64 {
    v.as_limbs().first().copied().unwrap_or_default()
}

/// A `uint8` storage value (`n` ≤ 10 here).
fn w8(n: usize) -> alloy_primitives::Uint<8, 1> {
    alloy_primitives::Uint::from_limbs([n as u64])
}

/// A `uint32` storage value.
fn w32(v: u32) -> alloy_primitives::Uint<32, 1> {
    alloy_primitives::Uint::from_limbs([u64::from(v)])
}

/// A `uint64` storage value. `Uint::from` is avoided: its overflow panic pulls in `core::fmt`.
fn w64(v: u64) -> alloy_primitives::Uint<64, 1> {
    alloy_primitives::Uint::from_limbs([v])
}

fn selector_word(selector: [u8; 4]) -> B256 {
    B256::right_padding_from(&selector)
}

impl IntegraDocumentRegistry {
    /// Deploys the registry (spec 02 §1). `max_reasonable_gas_limit` 0 means 30,000,000.
    ///
    /// # Errors
    /// `ZeroAddress` for a zero governor, registry, emergency address or fee recipient;
    /// `FeeTooHigh` above 0.01 ether; `GasLimitTooHigh` for a maximum above `2^64 − 1` or below
    /// the 200,000 default primary limit.
    ///
    /// # Events
    /// `RoleGranted` for `DEFAULT_ADMIN_ROLE` and `GOVERNOR_ROLE`.
    #[allow(clippy::too_many_arguments)]
    pub fn constructor(
        &mut self,
        governor: Address,
        verifier_registry: Address,
        resolver_registry: Address,
        emergency_address: Address,
        fee_recipient: Address,
        initial_fee: U256,
        max_reasonable_gas_limit: U256,
        trusted_forwarder: Address,
    ) -> Res<()> {
        if [
            governor,
            verifier_registry,
            resolver_registry,
            emergency_address,
            fee_recipient,
        ]
        .iter()
        .any(|a| a.is_zero())
        {
            return Err(ZeroAddress {}.into());
        }
        let fee = Self::checked_fee(initial_fee)?;
        let max = if max_reasonable_gas_limit.is_zero() {
            DEFAULT_MAX_REASONABLE_GAS
        } else {
            Self::checked_u64_gas(max_reasonable_gas_limit)?
        };
        if max < DEFAULT_PRIMARY_GAS {
            return Err(GasLimitTooHigh {
                limit: u64_word(DEFAULT_PRIMARY_GAS),
                max: u64_word(max),
            }
            .into());
        }
        grant_governance(&mut self.access, governor);
        self.trusted_forwarder.set(trusted_forwarder);
        self.registration_fee.set(w64(fee));
        self.deployed.set(true);
        self.fee_recipient.set(fee_recipient);
        let expiry = self
            .vm()
            .block_timestamp()
            .saturating_add(EMERGENCY_DURATION);
        self.emergency_expiry.set(w64(expiry));
        self.default_primary_gas.set(w64(DEFAULT_PRIMARY_GAS));
        self.default_additional_gas.set(w64(DEFAULT_ADDITIONAL_GAS));
        self.max_reasonable_gas.set(w64(max));
        self.resolver_registry.set(resolver_registry);
        self.verifier_registry.set(verifier_registry);
        self.emergency_address.set(emergency_address);
        Ok(())
    }

    /// The ERC-2771 sender of a call whose arguments (after the selector) are `args`.
    #[must_use]
    #[inline(never)]
    pub fn sender_of(&self, args: &[u8]) -> Address {
        erc2771::sender_from_args(self.vm().msg_sender(), self.trusted_forwarder.get(), args)
    }

    // ---------------------------------------------------------------- registration (§2.1)

    /// Registers one record owned by `sender` (spec 02 §2.1), then calls the primary resolver's
    /// `onDocumentRegistered` (blocking). Payable: the fee goes to the fee recipient and any
    /// excess back to `msg.sender`.
    ///
    /// # Errors
    /// In order: `EnforcedPause`, `ReentrancyGuardReentrantCall`, `InvalidIntegraHash`,
    /// `InvalidDocumentHash`, `DocumentAlreadyRegistered`, `TokenizerNotApproved`,
    /// `ResolverNotFound`, `CannotAuthorizeSelf`, `InvalidExecutorContract`, `VerifierNotFound`,
    /// `InvalidProof`, `ReferenceDocumentNotFound`, `InsufficientFee`, `FeeTransferFailed`,
    /// `RefundFailed`, then the primary hook's revert data or `PrimaryResolverCallFailed`.
    ///
    /// # Events
    /// `DocumentRegistered`, `DocumentReferenced`, `DocumentExecutorAuthorized`,
    /// `PrimaryResolverSet` (each when it applies), `FeeCollected`, then the hook's
    /// `PrimaryResolverCalled` or `PrimaryResolverUnavailable`.
    pub fn register_document(&mut self, sender: Address, r: &Registration) -> Res<B256> {
        self.enter(true)?;
        let h = r.integra_hash;
        self.check_new(h, r.document_hash)?;
        let tokenizer = self.check_tokenizer(r.tokenizer)?;
        // The address is reused for the hook: one registry lookup (a program call) per
        // registration instead of two; nothing can change it in between.
        let target = self.check_resolver(r.primary_resolver_id)?;
        let executor_is_contract = self.check_new_executor(sender, r.executor)?;
        if !r.reference_hash.is_zero() {
            self.check_reference(sender, r)?;
        }
        let required = self.required_fee(1)?;

        let now = self.vm().block_timestamp();
        self.write_record(
            sender,
            now,
            h,
            r.document_hash,
            r.identity_extension,
            tokenizer,
            r.primary_resolver_id,
            r.executor,
        );
        if !r.reference_hash.is_zero() {
            self.records.setter(h).reference_hash.set(r.reference_hash);
        }
        let ts = u64_word(now);
        self.emit_registered(
            sender,
            h,
            r.document_hash,
            r.reference_hash,
            r.tokenizer,
            r.executor,
            r.process_hash,
            r.identity_extension,
            ts,
        );
        if !r.reference_hash.is_zero() {
            emit(
                self.vm(),
                &[DocumentReferenced::SIGNATURE_HASH, h, r.reference_hash],
                &[ts.into()],
            );
        }
        self.emit_item_links(
            sender,
            h,
            r.executor,
            executor_is_contract,
            r.primary_resolver_id,
            ts,
        );
        self.collect_fees(sender, &[h], required, ts)?;
        let calldata = Self::registered_calldata(
            sender,
            h,
            r.document_hash,
            r.tokenizer,
            r.executor,
            r.process_hash,
        );
        self.primary_hook(h, r.primary_resolver_id, target, &calldata, true)?;
        self.exit();
        Ok(h)
    }

    /// Registers up to 50 records owned by `sender`, all or nothing (spec 02 §2.1). No
    /// references. With `call_hooks`, each primary's `onDocumentRegistered` runs non-blocking.
    ///
    /// # Errors
    /// `EmptyBatch`, `BatchTooLarge`, `CannotAuthorizeSelf`, `InvalidExecutorContract`,
    /// `TokenizerNotApproved`, `ResolverNotFound`, `InsufficientFee`, then per item
    /// `InvalidIntegraHash`, `InvalidDocumentHash`, `DocumentAlreadyRegistered` (also for an
    /// in-batch duplicate), then `FeeTransferFailed`, `RefundFailed`,
    /// `InsufficientGasForResolvers`. (`ArrayLengthMismatch` is raised by the router.)
    ///
    /// # Events
    /// Per item `DocumentRegistered`, `DocumentExecutorAuthorized`, `PrimaryResolverSet`; one
    /// `FeeCollected` per item; with hooks `PrimaryResolverCalled`, `PrimaryResolverFailed` or
    /// `PrimaryResolverUnavailable`.
    pub fn register_document_batch(
        &mut self,
        sender: Address,
        items: &[BatchItem],
        executor: Address,
        call_hooks: bool,
    ) -> Res<Vec<B256>> {
        self.enter(true)?;
        Self::batch_size(items.len())?;
        let executor_is_contract = self.check_new_executor(sender, executor)?;
        let mut checked = B256::ZERO;
        for item in items {
            self.check_tokenizer(item.tokenizer)?;
            if item.primary_resolver_id != checked {
                self.check_resolver(item.primary_resolver_id)?;
                checked = item.primary_resolver_id;
            }
        }
        let required = self.required_fee(items.len())?;
        let now = self.vm().block_timestamp();
        let ts = u64_word(now);
        let mut ids = Vec::with_capacity(items.len());
        for item in items {
            let h = item.integra_hash;
            self.check_new(h, item.document_hash)?;
            // Checked above; read again from the storage cache.
            let tokenizer = self.check_tokenizer(item.tokenizer)?;
            self.write_record(
                sender,
                now,
                h,
                item.document_hash,
                item.identity_extension,
                tokenizer,
                item.primary_resolver_id,
                executor,
            );
            self.emit_registered(
                sender,
                h,
                item.document_hash,
                B256::ZERO,
                item.tokenizer,
                executor,
                item.process_hash,
                item.identity_extension,
                ts,
            );
            self.emit_item_links(
                sender,
                h,
                executor,
                executor_is_contract,
                item.primary_resolver_id,
                ts,
            );
            ids.push(h);
        }
        self.collect_fees(sender, &ids, required, ts)?;
        if call_hooks {
            for item in items {
                let calldata = Self::registered_calldata(
                    sender,
                    item.integra_hash,
                    item.document_hash,
                    item.tokenizer,
                    executor,
                    item.process_hash,
                );
                let target = self.primary_target(item.integra_hash, item.primary_resolver_id);
                self.primary_hook(
                    item.integra_hash,
                    item.primary_resolver_id,
                    target,
                    &calldata,
                    false,
                )?;
            }
        }
        self.exit();
        Ok(ids)
    }

    // ---------------------------------------------------------------- resolvers (§2.2)

    /// Sets (or with id 0 clears) the record's primary resolver.
    ///
    /// # Errors
    /// `EnforcedPause`, `ReentrancyGuardReentrantCall`, `DocumentNotRegistered`,
    /// `Unauthorized`, `ResolverConfigurationLocked`, `ResolverNotFound`,
    /// `ResolverAlreadyAttached`.
    ///
    /// # Events
    /// `PrimaryResolverSet`.
    pub fn set_primary_resolver(&mut self, sender: Address, h: B256, id: B256) -> Res<()> {
        self.enter(true)?;
        self.check_resolver(id)?;
        self.set_primary(sender, h, id)?;
        self.exit();
        Ok(())
    }

    /// [`Self::set_primary_resolver`] for 1..=50 records, all or nothing.
    ///
    /// # Errors
    /// As the single form, plus `EmptyBatch` and `BatchTooLarge`.
    ///
    /// # Events
    /// `PrimaryResolverSet` per record.
    pub fn set_primary_resolver_batch(
        &mut self,
        sender: Address,
        hs: &[B256],
        id: B256,
    ) -> Res<()> {
        self.enter(true)?;
        Self::batch_size(hs.len())?;
        self.check_resolver(id)?;
        for h in hs {
            self.set_primary(sender, *h, id)?;
        }
        self.exit();
        Ok(())
    }

    /// Attaches an additional resolver (at most 10, unique, not the primary).
    ///
    /// # Errors
    /// `EnforcedPause`, `ReentrancyGuardReentrantCall`, `DocumentNotRegistered`,
    /// `Unauthorized`, `ResolverConfigurationLocked`, `ResolverNotFound` (also for id 0),
    /// `ResolverAlreadyAttached`, `TooManyAdditionalResolvers`.
    ///
    /// # Events
    /// `AdditionalResolverAdded`.
    pub fn add_additional_resolver(&mut self, sender: Address, h: B256, id: B256) -> Res<()> {
        self.enter(true)?;
        self.unlocked_owned(sender, h)?;
        if id.is_zero() {
            return Err(ResolverNotFound { resolverId: id }.into());
        }
        self.check_resolver(id)?;
        let record = self.records.getter(h);
        if record.primary_resolver.get() == id || Self::position(&record, id).is_some() {
            return Err(ResolverAlreadyAttached {
                integraHash: h,
                resolverId: id,
            }
            .into());
        }
        let n = Self::count(&record);
        if n >= MAX_ADDITIONAL_RESOLVERS {
            return Err(TooManyAdditionalResolvers {
                integraHash: h,
                max: U256::from(MAX_ADDITIONAL_RESOLVERS),
            }
            .into());
        }
        drop(record);
        let mut record = self.records.setter(h);
        if let Some(mut slot) = record.additional.setter(n) {
            slot.set(id);
        }
        record.additional_count.set(w8(n + 1));
        drop(record);
        self.emit_owner_event(AdditionalResolverAdded::SIGNATURE_HASH, h, id, sender);
        self.exit();
        Ok(())
    }

    /// Detaches an additional resolver (swap with the last, pop).
    ///
    /// # Errors
    /// `EnforcedPause`, `ReentrancyGuardReentrantCall`, `DocumentNotRegistered`,
    /// `Unauthorized`, `ResolverConfigurationLocked`, `ResolverNotAttached`.
    ///
    /// # Events
    /// `AdditionalResolverRemoved`.
    pub fn remove_additional_resolver(&mut self, sender: Address, h: B256, id: B256) -> Res<()> {
        self.enter(true)?;
        self.unlocked_owned(sender, h)?;
        let mut record = self.records.setter(h);
        let Some(i) = Self::position(&record, id) else {
            return Err(ResolverNotAttached {
                integraHash: h,
                resolverId: id,
            }
            .into());
        };
        let last = Self::count(&record) - 1; // i < count, so count ≥ 1
        let moved = record.additional.get(last).unwrap_or_default();
        if let Some(mut slot) = record.additional.setter(i) {
            slot.set(moved);
        }
        if let Some(mut slot) = record.additional.setter(last) {
            slot.set(B256::ZERO);
        }
        record.additional_count.set(w8(last));
        drop(record);
        self.emit_owner_event(AdditionalResolverRemoved::SIGNATURE_HASH, h, id, sender);
        self.exit();
        Ok(())
    }

    /// Locks the record's resolver configuration.
    ///
    /// # Errors
    /// `EnforcedPause`, `ReentrancyGuardReentrantCall`, `DocumentNotRegistered`,
    /// `Unauthorized`, `ResolverConfigurationLocked`.
    ///
    /// # Events
    /// `ResolversLocked`.
    pub fn lock_resolvers(&mut self, sender: Address, h: B256) -> Res<()> {
        self.enter(true)?;
        self.unlocked_owned(sender, h)?;
        self.records.setter(h).resolvers_locked.set(true);
        let ts = self.now();
        emit(
            self.vm(),
            &[ResolversLocked::SIGNATURE_HASH, h, sender.into_word()],
            &[ts.into()],
        );
        self.exit();
        Ok(())
    }

    /// Clears a record's resolver lock: the emergency address or a governor before expiry, a
    /// governor after. Not pause-gated.
    ///
    /// # Errors
    /// `ReentrancyGuardReentrantCall`, `UnauthorizedEmergencyUnlock` (stranger before expiry),
    /// `EmergencyPowersExpired` (non-governor after), `EmptyJustification`,
    /// `DocumentNotRegistered`, `ResolversNotLocked`.
    ///
    /// # Events
    /// `ResolversEmergencyUnlocked`.
    pub fn emergency_unlock_resolvers(
        &mut self,
        sender: Address,
        h: B256,
        justification: &str,
    ) -> Res<()> {
        self.enter(false)?;
        let (was_emergency, before) =
            self.emergency_authority(sender, |c| UnauthorizedEmergencyUnlock { caller: c }.into())?;
        if justification.is_empty() {
            return Err(EmptyJustification {}.into());
        }
        self.existing(h)?;
        if !self.records.getter(h).resolvers_locked.get() {
            return Err(ResolversNotLocked { integraHash: h }.into());
        }
        self.records.setter(h).resolvers_locked.set(false);
        let ts = self.now();
        emit(
            self.vm(),
            &[
                ResolversEmergencyUnlocked::SIGNATURE_HASH,
                h,
                sender.into_word(),
            ],
            &[
                justification.into(),
                ts.into(),
                was_emergency.into(),
                before.into(),
            ],
        );
        self.exit();
        Ok(())
    }

    // ---------------------------------------------------------------- record (§2.3)

    /// Replaces the record's identity extension (owner only).
    ///
    /// # Errors
    /// `EnforcedPause`, `ReentrancyGuardReentrantCall`, `DocumentNotRegistered`,
    /// `Unauthorized`.
    ///
    /// # Events
    /// `IdentityExtensionUpdated`.
    pub fn set_identity_extension(&mut self, sender: Address, h: B256, ext: B256) -> Res<()> {
        self.enter(true)?;
        self.authorized(sender, h, false)?;
        let old = self.records.getter(h).identity_extension.get();
        self.records.setter(h).identity_extension.set(ext);
        let ts = self.now();
        emit(
            self.vm(),
            &[IdentityExtensionUpdated::SIGNATURE_HASH, h],
            &[old.into(), ext.into(), ts.into()],
        );
        self.exit();
        Ok(())
    }

    /// Binds the record's tokenizer, once (owner or executor), then calls the
    /// `onTokenizerAssociated` hooks (primary blocking, additional not).
    ///
    /// # Errors
    /// `EnforcedPause`, `ReentrancyGuardReentrantCall`, `DocumentNotRegistered`,
    /// `Unauthorized`, `ZeroAddress`, `TokenizerNotApproved`, `TokenizerAlreadySet`, the primary
    /// hook's revert data or `PrimaryResolverCallFailed`, `InsufficientGasForResolvers`.
    ///
    /// # Events
    /// `TokenizerAssociated`, then the hooks' events.
    pub fn associate_tokenizer(
        &mut self,
        sender: Address,
        h: B256,
        tokenizer: Address,
        process_hash: B256,
    ) -> Res<()> {
        self.enter(true)?;
        self.authorized(sender, h, true)?;
        if tokenizer.is_zero() {
            return Err(ZeroAddress {}.into());
        }
        let number = self.check_tokenizer(tokenizer)?;
        let current = self.get_tokenizer(h);
        if !current.is_zero() {
            return Err(TokenizerAlreadySet {
                integraHash: h,
                tokenizer: current,
            }
            .into());
        }
        self.records.setter(h).tokenizer.set(w32(number));
        let ts = self.now();
        emit(
            self.vm(),
            &[
                TokenizerAssociated::SIGNATURE_HASH,
                h,
                tokenizer.into_word(),
                sender.into_word(),
            ],
            &[process_hash.into(), ts.into()],
        );
        let calldata = calls::calldata(
            IDocumentResolver::onTokenizerAssociatedCall::SELECTOR,
            &[h.into(), tokenizer.into()],
        );
        self.run_hooks(h, &calldata, None)?;
        self.exit();
        Ok(())
    }

    /// Transfers the record (owner or executor). A resolvable primary resolver may veto through
    /// `canOwnDocument`; the executor is cleared; then the `onDocumentTransferred` hooks run
    /// (primary blocking, additional not).
    ///
    /// # Errors
    /// `EnforcedPause`, `ReentrancyGuardReentrantCall`, `DocumentNotRegistered`,
    /// `Unauthorized`, `ZeroAddress`, `AlreadyOwner`, `OwnershipRejectedByResolver`,
    /// `PrimaryResolverCallFailed`, the primary hook's revert data,
    /// `InsufficientGasForResolvers`.
    ///
    /// # Events
    /// `DocumentExecutorRevoked` (when one was set), `DocumentOwnershipTransferred`, then the
    /// hooks' events.
    pub fn transfer_document_ownership(
        &mut self,
        sender: Address,
        h: B256,
        new_owner: Address,
        reason: &str,
    ) -> Res<()> {
        self.enter(true)?;
        self.authorized(sender, h, true)?;
        if new_owner.is_zero() {
            return Err(ZeroAddress {}.into());
        }
        let record = self.records.getter(h);
        let old = record.owner.get();
        let id = record.primary_resolver.get();
        let executor = record.executor.get();
        drop(record);
        if new_owner == old {
            return Err(AlreadyOwner {
                account: new_owner,
                integraHash: h,
            }
            .into());
        }
        let target = self.primary_target(h, id);
        if let Some(resolver) = target {
            self.check_can_own(h, id, resolver, new_owner)?;
        }
        let mut record = self.records.setter(h);
        record.owner.set(new_owner);
        if !executor.is_zero() {
            record.executor.set(Address::ZERO);
            record.executor_authorized_at.set(w64(0));
        }
        drop(record);
        let ts = self.now();
        if !executor.is_zero() {
            emit(
                self.vm(),
                &[
                    DocumentExecutorRevoked::SIGNATURE_HASH,
                    h,
                    executor.into_word(),
                    old.into_word(),
                ],
                &[ts.into()],
            );
        }
        emit(
            self.vm(),
            &[
                DocumentOwnershipTransferred::SIGNATURE_HASH,
                h,
                old.into_word(),
                new_owner.into_word(),
            ],
            &[reason.into(), ts.into()],
        );
        let calldata = calls::calldata(
            IDocumentResolver::onDocumentTransferredCall::SELECTOR,
            &[h.into(), old.into(), new_owner.into()],
        );
        self.run_hooks(h, &calldata, Some(target))?;
        self.exit();
        Ok(())
    }

    // ---------------------------------------------------------------- executors (§2.4)

    /// Authorizes a per-document executor (owner only).
    ///
    /// # Errors
    /// `EnforcedPause`, `ReentrancyGuardReentrantCall`, `DocumentNotRegistered`,
    /// `Unauthorized`, `ZeroAddress`, `CannotAuthorizeSelf`, `ExecutorAlreadyAuthorized`,
    /// `InvalidExecutorContract`.
    ///
    /// # Events
    /// `DocumentExecutorAuthorized`.
    pub fn authorize_document_executor(
        &mut self,
        sender: Address,
        h: B256,
        executor: Address,
    ) -> Res<()> {
        self.enter(true)?;
        self.authorized(sender, h, false)?;
        Self::executor_not_self_or_zero(sender, executor)?;
        self.no_executor_yet(h)?;
        let is_contract = self.validate_executor(executor)?;
        self.set_executor(sender, h, executor, is_contract);
        self.exit();
        Ok(())
    }

    /// Revokes the record's executor (owner only).
    ///
    /// # Errors
    /// `EnforcedPause`, `ReentrancyGuardReentrantCall`, `DocumentNotRegistered`,
    /// `Unauthorized`, `NoExecutorAuthorized`.
    ///
    /// # Events
    /// `DocumentExecutorRevoked`.
    pub fn revoke_document_executor(&mut self, sender: Address, h: B256) -> Res<()> {
        self.enter(true)?;
        self.authorized(sender, h, false)?;
        if !self.clear_executor(sender, h) {
            return Err(NoExecutorAuthorized { integraHash: h }.into());
        }
        self.exit();
        Ok(())
    }

    /// Replaces the record's executor atomically (owner only).
    ///
    /// # Errors
    /// `EnforcedPause`, `ReentrancyGuardReentrantCall`, `DocumentNotRegistered`,
    /// `Unauthorized`, `NoExecutorAuthorized`, `ZeroAddress`, `CannotAuthorizeSelf`,
    /// `ExecutorAlreadyAuthorized` (the replacement is the current one),
    /// `InvalidExecutorContract`.
    ///
    /// # Events
    /// `DocumentExecutorRevoked`, then `DocumentExecutorAuthorized`.
    pub fn replace_document_executor(
        &mut self,
        sender: Address,
        h: B256,
        executor: Address,
    ) -> Res<()> {
        self.enter(true)?;
        self.authorized(sender, h, false)?;
        let current = self.records.getter(h).executor.get();
        if current.is_zero() {
            return Err(NoExecutorAuthorized { integraHash: h }.into());
        }
        Self::executor_not_self_or_zero(sender, executor)?;
        if executor == current {
            return Err(ExecutorAlreadyAuthorized {
                integraHash: h,
                executor: current,
            }
            .into());
        }
        let is_contract = self.validate_executor(executor)?;
        self.clear_executor(sender, h);
        self.set_executor(sender, h, executor, is_contract);
        self.exit();
        Ok(())
    }

    /// [`Self::authorize_document_executor`] for 1..=50 records, validated once, all or nothing.
    ///
    /// # Errors
    /// As the single form, plus `EmptyBatch` and `BatchTooLarge`.
    ///
    /// # Events
    /// `DocumentExecutorAuthorized` per record.
    pub fn authorize_document_executor_batch(
        &mut self,
        sender: Address,
        hs: &[B256],
        executor: Address,
    ) -> Res<()> {
        self.enter(true)?;
        Self::batch_size(hs.len())?;
        Self::executor_not_self_or_zero(sender, executor)?;
        let is_contract = self.validate_executor(executor)?;
        for h in hs {
            self.authorized(sender, *h, false)?;
            self.no_executor_yet(*h)?;
            self.set_executor(sender, *h, executor, is_contract);
        }
        self.exit();
        Ok(())
    }

    /// Revokes the executors of 1..=50 records; records without one are skipped.
    ///
    /// # Errors
    /// `EnforcedPause`, `ReentrancyGuardReentrantCall`, `EmptyBatch`, `BatchTooLarge`,
    /// `DocumentNotRegistered`, `Unauthorized`.
    ///
    /// # Events
    /// `DocumentExecutorRevoked` per revoked executor.
    pub fn revoke_document_executor_batch(&mut self, sender: Address, hs: &[B256]) -> Res<()> {
        self.enter(true)?;
        Self::batch_size(hs.len())?;
        for h in hs {
            self.authorized(sender, *h, false)?;
            self.clear_executor(sender, *h);
        }
        self.exit();
        Ok(())
    }
}

impl IntegraDocumentRegistry {
    // ---------------------------------------------------------------- governance (§2.5)

    /// Approves or revokes a tokenizer for future associations (GOVERNOR).
    ///
    /// # Errors
    /// `AccessControlUnauthorizedAccount`, `ZeroAddress`.
    ///
    /// # Events
    /// `TokenizerApproved`.
    pub fn set_tokenizer_approval(
        &mut self,
        sender: Address,
        tokenizer: Address,
        approved: bool,
    ) -> Res<()> {
        self.only_governor(sender)?;
        self.approve(true, tokenizer, approved, "")
    }

    /// [`Self::set_tokenizer_approval`] for 1..=50 tokenizers.
    ///
    /// # Errors
    /// As the single form, plus `EmptyBatch`, `BatchTooLarge`.
    ///
    /// # Events
    /// `TokenizerApproved` per item.
    pub fn set_tokenizer_approval_batch(
        &mut self,
        sender: Address,
        items: &[(Address, bool)],
    ) -> Res<()> {
        self.only_governor(sender)?;
        Self::batch_size(items.len())?;
        for (t, approved) in items {
            self.approve(true, *t, *approved, "")?;
        }
        Ok(())
    }

    /// Approves or revokes an executor for future authorizations (GOVERNOR).
    ///
    /// # Errors
    /// `AccessControlUnauthorizedAccount`, `ZeroAddress`.
    ///
    /// # Events
    /// `ExecutorApproved`.
    pub fn set_executor_approval(
        &mut self,
        sender: Address,
        executor: Address,
        approved: bool,
        name: &str,
    ) -> Res<()> {
        self.only_governor(sender)?;
        self.approve(false, executor, approved, name)
    }

    /// [`Self::set_executor_approval`] for 1..=50 executors.
    ///
    /// # Errors
    /// As the single form, plus `EmptyBatch`, `BatchTooLarge`.
    ///
    /// # Events
    /// `ExecutorApproved` per item.
    pub fn set_executor_approval_batch(
        &mut self,
        sender: Address,
        items: &[(Address, bool, &str)],
    ) -> Res<()> {
        self.only_governor(sender)?;
        Self::batch_size(items.len())?;
        for (e, approved, name) in items {
            self.approve(false, *e, *approved, name)?;
        }
        Ok(())
    }

    /// Sets the default gas of primary (`primary`) or additional hooks (GOVERNOR).
    ///
    /// # Errors
    /// `AccessControlUnauthorizedAccount`, `ZeroGasLimit`, `GasLimitTooHigh(limit, max)`.
    ///
    /// # Events
    /// `DefaultPrimaryResolverGasLimitUpdated` or `DefaultAdditionalResolverGasLimitUpdated`.
    pub fn set_default_gas_limit(
        &mut self,
        sender: Address,
        primary: bool,
        limit: U256,
    ) -> Res<()> {
        self.only_governor(sender)?;
        if limit.is_zero() {
            return Err(ZeroGasLimit {}.into());
        }
        let limit = self.within_max(limit)?;
        let (slot, topic) = if primary {
            (
                &mut self.default_primary_gas,
                DefaultPrimaryResolverGasLimitUpdated::SIGNATURE_HASH,
            )
        } else {
            (
                &mut self.default_additional_gas,
                DefaultAdditionalResolverGasLimitUpdated::SIGNATURE_HASH,
            )
        };
        let old = u64_of(slot.get());
        slot.set(w64(limit));
        emit(
            self.vm(),
            &[topic],
            &[u64_word(old).into(), u64_word(limit).into()],
        );
        Ok(())
    }

    /// Sets (or with 0 removes) a resolver's gas override (GOVERNOR).
    ///
    /// # Errors
    /// `AccessControlUnauthorizedAccount`, `GasLimitTooHigh(limit, max)`.
    ///
    /// # Events
    /// `ResolverGasLimitOverrideSet`.
    pub fn set_resolver_gas_limit_override(
        &mut self,
        sender: Address,
        id: B256,
        limit: U256,
    ) -> Res<()> {
        self.only_governor(sender)?;
        let limit = self.within_max(limit)?;
        let old = u64_of(self.gas_overrides.get(id));
        let count = u64_of(self.override_count.get());
        let count = match (old, limit) {
            (0, 1..) => count + 1,
            (1.., 0) => count.saturating_sub(1),
            _ => count,
        };
        self.override_count
            .set(w32(u32::try_from(count).unwrap_or(u32::MAX)));
        self.gas_overrides.setter(id).set(w64(limit));
        let ts = self.now();
        emit(
            self.vm(),
            &[ResolverGasLimitOverrideSet::SIGNATURE_HASH, id],
            &[u64_word(limit).into(), ts.into()],
        );
        Ok(())
    }

    /// Sets the ceiling of every hook gas limit (GOVERNOR).
    ///
    /// # Errors
    /// `AccessControlUnauthorizedAccount`, `ZeroGasLimit`, `GasLimitTooHigh(default, new)` when
    /// below a current default, `GasLimitTooHigh(new, 2^64 − 1)` above 64 bits.
    ///
    /// # Events
    /// `MaxReasonableGasLimitUpdated`.
    pub fn set_max_reasonable_gas_limit(&mut self, sender: Address, limit: U256) -> Res<()> {
        self.only_governor(sender)?;
        if limit.is_zero() {
            return Err(ZeroGasLimit {}.into());
        }
        let new = Self::checked_u64_gas(limit)?;
        for d in [
            self.default_primary_gas.get(),
            self.default_additional_gas.get(),
        ] {
            if u64_of(d) > new {
                return Err(GasLimitTooHigh {
                    limit: U256::from(d),
                    max: limit,
                }
                .into());
            }
        }
        let old = u64_of(self.max_reasonable_gas.get());
        self.max_reasonable_gas.set(w64(new));
        emit(
            self.vm(),
            &[MaxReasonableGasLimitUpdated::SIGNATURE_HASH],
            &[u64_word(old).into(), limit.into()],
        );
        Ok(())
    }

    /// Sets the registration fee (GOVERNOR).
    ///
    /// # Errors
    /// `AccessControlUnauthorizedAccount`, `FeeTooHigh(fee, 0.01 ether)`.
    ///
    /// # Events
    /// `RegistrationFeeUpdated`.
    pub fn set_registration_fee(&mut self, sender: Address, fee: U256) -> Res<()> {
        self.only_governor(sender)?;
        let new = Self::checked_fee(fee)?;
        let old = u64_of(self.registration_fee.get());
        self.registration_fee.set(w64(new));
        let ts = self.now();
        emit(
            self.vm(),
            &[RegistrationFeeUpdated::SIGNATURE_HASH, sender.into_word()],
            &[u64_word(old).into(), fee.into(), ts.into()],
        );
        Ok(())
    }

    /// Disables fees: the emergency address or a governor before expiry, a governor after.
    ///
    /// # Errors
    /// `UnauthorizedEmergencyAction`, `EmergencyPowersExpired`, `EmptyJustification`,
    /// `FeesAlreadyDisabled`.
    ///
    /// # Events
    /// `FeesEmergencyDisabled`.
    pub fn emergency_disable_fees(&mut self, sender: Address, justification: &str) -> Res<()> {
        let (was_emergency, before) =
            self.emergency_authority(sender, |c| UnauthorizedEmergencyAction { caller: c }.into())?;
        if justification.is_empty() {
            return Err(EmptyJustification {}.into());
        }
        if self.fees_disabled.get() {
            return Err(FeesAlreadyDisabled {}.into());
        }
        self.fees_disabled.set(true);
        let ts = self.now();
        emit(
            self.vm(),
            &[FeesEmergencyDisabled::SIGNATURE_HASH, sender.into_word()],
            &[
                justification.into(),
                ts.into(),
                was_emergency.into(),
                before.into(),
            ],
        );
        Ok(())
    }

    /// Re-enables fees (GOVERNOR).
    ///
    /// # Errors
    /// `AccessControlUnauthorizedAccount`, `FeesNotDisabled`.
    ///
    /// # Events
    /// `FeesReenabled`.
    pub fn reenable_fees(&mut self, sender: Address) -> Res<()> {
        self.only_governor(sender)?;
        if !self.fees_disabled.get() {
            return Err(FeesNotDisabled {}.into());
        }
        self.fees_disabled.set(false);
        let ts = self.now();
        emit(
            self.vm(),
            &[FeesReenabled::SIGNATURE_HASH, sender.into_word()],
            &[ts.into()],
        );
        Ok(())
    }

    /// Pauses (`pause`) or unpauses the user functions (GOVERNOR).
    ///
    /// # Errors
    /// `AccessControlUnauthorizedAccount`, `EnforcedPause` / `ExpectedPause`.
    ///
    /// # Events
    /// `Paused` / `Unpaused`.
    pub fn set_paused(&mut self, sender: Address, pause: bool) -> Res<()> {
        self.only_governor(sender)?;
        integra_primitives::pause_transition!(
            Error,
            self.vm(),
            self.is_paused.get(),
            pause,
            sender
        )?;
        self.is_paused.set(pause);
        Ok(())
    }

    /// OZ `grantRole`, checked against the resolved sender.
    ///
    /// # Errors
    /// `AccessControlUnauthorizedAccount`.
    pub fn grant_role(&mut self, sender: Address, role: B256, account: Address) -> Res<()> {
        self.access
            ._check_role(self.access.get_role_admin(role), sender)?;
        self.access._grant_role(role, account);
        Ok(())
    }

    /// OZ `revokeRole`, checked against the resolved sender.
    ///
    /// # Errors
    /// `AccessControlUnauthorizedAccount`.
    pub fn revoke_role(&mut self, sender: Address, role: B256, account: Address) -> Res<()> {
        self.access
            ._check_role(self.access.get_role_admin(role), sender)?;
        self.access._revoke_role(role, account);
        Ok(())
    }

    /// OZ `renounceRole`, checked against the resolved sender.
    ///
    /// # Errors
    /// `AccessControlBadConfirmation`.
    pub fn renounce_role(&mut self, sender: Address, role: B256, confirmation: Address) -> Res<()> {
        if confirmation != sender {
            return Err(AccessControlBadConfirmation {}.into());
        }
        self.access._revoke_role(role, sender);
        Ok(())
    }

    // ---------------------------------------------------------------- views (§2.6)

    /// The record, zero-valued for an unknown id.
    #[must_use]
    #[inline(never)]
    pub fn get_document(&self, h: B256) -> DocumentRecord {
        let r = self.records.getter(h);
        DocumentRecord {
            owner: r.owner.get(),
            tokenizer: self.tokenizer_at(u64_of(r.tokenizer.get())),
            documentHash: r.document_hash.get(),
            referenceHash: r.reference_hash.get(),
            registeredAt: u64_of(r.registered_at.get()),
            exists: r.exists.get(),
            identityExtension: r.identity_extension.get(),
            primaryResolverId: r.primary_resolver.get(),
            additionalResolvers: Self::ids(&r),
            resolversLocked: r.resolvers_locked.get(),
        }
    }

    /// `[primary, …additional]`, as `getDocumentInfo` lists them.
    #[must_use]
    pub fn resolvers_of(&self, h: B256) -> Vec<B256> {
        let r = self.records.getter(h);
        let mut v = vec![r.primary_resolver.get()];
        v.extend(Self::ids(&r));
        v
    }

    /// The record's owner, 0 if unknown.
    #[must_use]
    #[inline(never)]
    pub fn get_document_owner(&self, h: B256) -> Address {
        self.records.getter(h).owner.get()
    }

    /// True once the record is registered.
    #[must_use]
    #[inline(never)]
    pub fn exists(&self, h: B256) -> bool {
        self.records.getter(h).exists.get()
    }

    /// The record's tokenizer, 0 if none.
    #[must_use]
    pub fn get_tokenizer(&self, h: B256) -> Address {
        self.tokenizer_at(u64_of(self.records.getter(h).tokenizer.get()))
    }

    /// Whether `tokenizer` is approved (`approvedTokenizers`).
    #[must_use]
    pub fn is_tokenizer_approved(&self, tokenizer: Address) -> bool {
        self.approved_tokenizers.getter(tokenizer).approved.get()
    }

    /// The tokenizer with number `n` (0: none).
    #[inline(never)]
    fn tokenizer_at(&self, n: u64) -> Address {
        if n == 0 {
            return Address::ZERO;
        }
        self.tokenizers.get(u64_word(n).into())
    }

    /// The record's executor, 0 if none.
    #[must_use]
    #[inline(never)]
    pub fn get_document_executor(&self, h: B256) -> Address {
        self.records.getter(h).executor.get()
    }

    /// `(getTokenizer, getDocumentOwner, getDocumentExecutor)` of `h` in one call (an addition to
    /// spec 02 for the tokenizers' gate: one call instead of three).
    #[must_use]
    pub fn get_tokenizer_owner_executor(&self, h: B256) -> (Address, Address, Address) {
        let r = self.records.getter(h);
        (
            self.tokenizer_at(u64_of(r.tokenizer.get())),
            r.owner.get(),
            r.executor.get(),
        )
    }

    /// When the record's executor was authorized, 0 if none.
    #[must_use]
    pub fn executor_authorized_at(&self, h: B256) -> u64 {
        u64_of(self.records.getter(h).executor_authorized_at.get())
    }

    /// True when `executor` is the record's non-zero executor.
    #[must_use]
    pub fn is_authorized_document_executor(&self, h: B256, executor: Address) -> bool {
        !executor.is_zero() && self.get_document_executor(h) == executor
    }

    /// The effective gas of `id`'s hooks and whether it is an override.
    #[must_use]
    #[inline(never)]
    pub fn get_effective_resolver_gas_limit(&self, id: B256, primary: bool) -> (u64, bool) {
        // No SLOAD of the override map while no override exists (the common case).
        if !self.override_count.get().is_zero() {
            let o = u64_of(self.gas_overrides.get(id));
            if o != 0 {
                return (o, true);
            }
        }
        let d = if primary {
            self.default_primary_gas.get()
        } else {
            self.default_additional_gas.get()
        };
        (u64_of(d), false)
    }

    /// `(active, expiresAt, emergencyAddress)`.
    #[must_use]
    pub fn get_emergency_status(&self) -> (bool, u64, Address) {
        let expiry = u64_of(self.emergency_expiry.get());
        (
            self.vm().block_timestamp() < expiry,
            expiry,
            self.emergency_address.get(),
        )
    }

    /// `(currentFee, recipient, disabled, maxFee, totalCollected)`.
    #[must_use]
    pub fn get_fee_configuration(&self) -> (U256, Address, bool, U256, U256) {
        (
            U256::from(self.registration_fee.get()),
            self.fee_recipient.get(),
            self.fees_disabled.get(),
            u64_word(MAX_REGISTRATION_FEE),
            self.total_fees_collected.get(),
        )
    }

    /// True while paused.
    #[must_use]
    pub fn paused(&self) -> bool {
        self.is_paused.get()
    }

    /// True for the configured non-zero trusted forwarder.
    #[must_use]
    pub fn is_trusted_forwarder(&self, forwarder: Address) -> bool {
        erc2771::is_trusted_forwarder(self.trusted_forwarder.get(), forwarder)
    }

    /// True when `account` holds `role`.
    #[must_use]
    pub fn has_role(&self, role: B256, account: Address) -> bool {
        self.access.has_role(role, account)
    }

    /// ERC-165.
    #[must_use]
    pub fn supports_interface(&self, interface_id: B32) -> bool {
        [
            DOCUMENT_REGISTRY_INTERFACE_ID,
            ACCESS_CONTROL_INTERFACE_ID,
            ERC165_INTERFACE_ID,
        ]
        .contains(&interface_id.0)
    }
}

impl IntegraDocumentRegistry {
    #[inline(never)]
    fn now(&self) -> U256 {
        U256::from(self.vm().block_timestamp())
    }

    /// `whenNotPaused` (when `pausable`) and `nonReentrant`.
    #[inline(never)]
    fn enter(&mut self, pausable: bool) -> Res<()> {
        if pausable && self.is_paused.get() {
            return Err(EnforcedPause {}.into());
        }
        if self.entered.get() {
            return Err(ReentrancyGuardReentrantCall {}.into());
        }
        self.entered.set(true);
        Ok(())
    }

    #[inline(never)]
    fn exit(&mut self) {
        self.entered.set(false);
    }

    #[inline(never)]
    fn only_governor(&self, sender: Address) -> Res<()> {
        Ok(self.access._check_role(GOVERNOR_ROLE, sender)?)
    }

    #[inline(never)]
    fn batch_size(n: usize) -> Res<()> {
        if n == 0 {
            return Err(EmptyBatch {}.into());
        }
        if n > MAX_BATCH_SIZE {
            return Err(BatchTooLarge {
                size: U256::from(n),
                max: U256::from(MAX_BATCH_SIZE),
            }
            .into());
        }
        Ok(())
    }

    #[inline(never)]
    fn checked_fee(fee: U256) -> Res<u64> {
        match u64::try_from(fee) {
            Ok(f) if f <= MAX_REGISTRATION_FEE => Ok(f),
            _ => Err(FeeTooHigh {
                fee,
                max: u64_word(MAX_REGISTRATION_FEE),
            }
            .into()),
        }
    }

    #[inline(never)]
    fn checked_u64_gas(limit: U256) -> Res<u64> {
        u64::try_from(limit).map_err(|_| {
            GasLimitTooHigh {
                limit,
                max: u64_word(u64::MAX),
            }
            .into()
        })
    }

    #[inline(never)]
    fn within_max(&self, limit: U256) -> Res<u64> {
        let max = u64_of(self.max_reasonable_gas.get());
        match u64::try_from(limit) {
            Ok(l) if l <= max => Ok(l),
            _ => Err(GasLimitTooHigh {
                limit,
                max: u64_word(max),
            }
            .into()),
        }
    }

    #[inline(never)]
    fn existing(&self, h: B256) -> Res<()> {
        if self.records.getter(h).exists.get() {
            Ok(())
        } else {
            Err(DocumentNotRegistered { integraHash: h }.into())
        }
    }

    /// The record exists and `sender` is its owner (or, with `executor_ok`, its executor).
    #[inline(never)]
    fn authorized(&self, sender: Address, h: B256, executor_ok: bool) -> Res<()> {
        self.existing(h)?;
        let r = self.records.getter(h);
        let executor = r.executor.get();
        if r.owner.get() == sender || (executor_ok && !executor.is_zero() && executor == sender) {
            Ok(())
        } else {
            Err(Unauthorized {
                caller: sender,
                integraHash: h,
            }
            .into())
        }
    }

    #[inline(never)]
    fn unlocked_owned(&self, sender: Address, h: B256) -> Res<()> {
        self.authorized(sender, h, false)?;
        if self.records.getter(h).resolvers_locked.get() {
            return Err(ResolverConfigurationLocked { integraHash: h }.into());
        }
        Ok(())
    }

    /// Emergency powers: `(wasEmergencyAddress, beforeExpiry)` when `sender` may use them.
    #[inline(never)]
    fn emergency_authority(
        &self,
        sender: Address,
        stranger: impl Fn(Address) -> Error,
    ) -> Res<(bool, bool)> {
        let before = self.vm().block_timestamp() < u64_of(self.emergency_expiry.get());
        let is_emergency = sender == self.emergency_address.get();
        let is_governor = self.access.has_role(GOVERNOR_ROLE, sender);
        if before {
            if !(is_emergency || is_governor) {
                return Err(stranger(sender));
            }
        } else if !is_governor {
            return Err(EmergencyPowersExpired {}.into());
        }
        Ok((is_emergency, before))
    }

    #[inline(never)]
    fn check_new(&self, h: B256, document_hash: B256) -> Res<()> {
        if h.is_zero() {
            return Err(InvalidIntegraHash {}.into());
        }
        if document_hash.is_zero() {
            return Err(InvalidDocumentHash {}.into());
        }
        let r = self.records.getter(h);
        if r.exists.get() {
            return Err(DocumentAlreadyRegistered {
                integraHash: h,
                existingOwner: r.owner.get(),
            }
            .into());
        }
        Ok(())
    }

    /// `tokenizer` is 0 or approved; returns its number (0 for none).
    #[inline(never)]
    fn check_tokenizer(&self, tokenizer: Address) -> Res<u32> {
        if tokenizer.is_zero() {
            return Ok(0);
        }
        let entry = self.approved_tokenizers.getter(tokenizer);
        if entry.approved.get() {
            Ok(u32::try_from(u64_of(entry.number.get())).unwrap_or_default())
        } else {
            Err(TokenizerNotApproved { tokenizer }.into())
        }
    }

    /// `IntegraRegistry.getResolver(id)`; 0 when unknown, inactive, or the lookup fails.
    #[inline(never)]
    fn resolver_address(&self, id: B256) -> Address {
        self.lookup(
            self.resolver_registry.get(),
            IComponentLookup::getResolverCall::SELECTOR,
            id,
        )
    }

    #[inline(never)]
    fn lookup(&self, registry: Address, selector: [u8; 4], id: B256) -> Address {
        calls::call(
            self.vm(),
            Kind::Static,
            registry,
            &calls::calldata(selector, &[id.into()]),
            u64::MAX,
        )
        .ok()
        .and_then(|d| calls::one_word(&d, |a| a.address(0)))
        .unwrap_or_default()
    }

    /// Id 0 (`None`), or an id that resolves (its address).
    #[inline(never)]
    fn check_resolver(&self, id: B256) -> Res<Option<Address>> {
        if id.is_zero() {
            return Ok(None);
        }
        let a = self.resolver_address(id);
        if a.is_zero() {
            return Err(ResolverNotFound { resolverId: id }.into());
        }
        Ok(Some(a))
    }

    #[inline(never)]
    fn executor_not_self_or_zero(sender: Address, executor: Address) -> Res<()> {
        if executor.is_zero() {
            return Err(ZeroAddress {}.into());
        }
        if executor == sender {
            return Err(CannotAuthorizeSelf { account: executor }.into());
        }
        Ok(())
    }

    /// Spec 02 §4. Returns whether `executor` has code.
    #[inline(never)]
    fn validate_executor(&self, executor: Address) -> Res<bool> {
        let is_contract = calls::has_code(self.vm(), executor);
        if !is_contract || self.approved_executors.get(executor) {
            return Ok(is_contract);
        }
        let data = calls::calldata(IIntegraExecutor::isLegitimateExecutorCall::SELECTOR, &[]);
        let reason = match calls::call(self.vm(), Kind::Static, executor, &data, EXECUTOR_CHECK_GAS)
        {
            Ok(out) => match calls::one_word(&out, |a| a.bool(0)) {
                Some(true) => return Ok(true),
                Some(false) => "Not legitimate",
                None => "Interface check failed",
            },
            Err(_) => "Interface check failed",
        };
        Err(InvalidExecutorContract {
            executor,
            reason: reason.into(),
        }
        .into())
    }

    /// A registration's optional executor: none, or validated. Returns whether it has code.
    #[inline(never)]
    fn check_new_executor(&self, sender: Address, executor: Address) -> Res<bool> {
        if executor.is_zero() {
            return Ok(false);
        }
        Self::executor_not_self_or_zero(sender, executor)?;
        self.validate_executor(executor)
    }

    #[inline(never)]
    fn no_executor_yet(&self, h: B256) -> Res<()> {
        let current = self.records.getter(h).executor.get();
        if current.is_zero() {
            Ok(())
        } else {
            Err(ExecutorAlreadyAuthorized {
                integraHash: h,
                executor: current,
            }
            .into())
        }
    }

    #[inline(never)]
    fn set_executor(&mut self, owner: Address, h: B256, executor: Address, is_contract: bool) {
        let now = self.vm().block_timestamp();
        let mut r = self.records.setter(h);
        r.executor.set(executor);
        r.executor_authorized_at.set(w64(now));
        drop(r);
        self.emit_executor_authorized(owner, h, executor, is_contract, u64_word(now));
    }

    #[inline(never)]
    fn emit_executor_authorized(
        &self,
        owner: Address,
        h: B256,
        executor: Address,
        is_contract: bool,
        ts: U256,
    ) {
        emit(
            self.vm(),
            &[
                DocumentExecutorAuthorized::SIGNATURE_HASH,
                h,
                executor.into_word(),
                owner.into_word(),
            ],
            &[is_contract.into(), ts.into()],
        );
    }

    /// Deletes the record's executor; false when there was none.
    #[inline(never)]
    fn clear_executor(&mut self, owner: Address, h: B256) -> bool {
        let mut r = self.records.setter(h);
        let old = r.executor.get();
        if old.is_zero() {
            return false;
        }
        r.executor.set(Address::ZERO);
        r.executor_authorized_at.set(w64(0));
        drop(r);
        let ts = self.now();
        emit(
            self.vm(),
            &[
                DocumentExecutorRevoked::SIGNATURE_HASH,
                h,
                old.into_word(),
                owner.into_word(),
            ],
            &[ts.into()],
        );
        true
    }

    /// Spec 02 §2.1 step 6.
    fn check_reference(&self, sender: Address, r: &Registration) -> Res<()> {
        let verifier = self.lookup(
            self.verifier_registry.get(),
            IComponentLookup::getVerifierCall::SELECTOR,
            REFERENCE_VERIFIER_ID,
        );
        if verifier.is_zero() {
            return Err(VerifierNotFound {
                verifierId: REFERENCE_VERIFIER_ID,
            }
            .into());
        }
        // `verifyProof(a, b, c, [referenceHash])`: the verifier's any-N form with one input.
        let input = [r.reference_hash];
        let mut words = [Token::Word(B256::ZERO); 9];
        for (w, p) in words.iter_mut().zip(r.proof.iter()) {
            *w = Token::Word(*p);
        }
        words[8] = Token::Words(&input);
        let data = calls::calldata(IGroth16Verifier::verifyProofCall::SELECTOR, &words);
        let valid = calls::call(self.vm(), Kind::Static, verifier, &data, u64::MAX)
            .ok()
            .and_then(|out| calls::one_word(&out, |a| a.bool(0)));
        if valid != Some(true) {
            return Err(InvalidProof {
                integraHash: r.integra_hash,
                sender,
            }
            .into());
        }
        if !self.exists(r.reference_hash) {
            return Err(ReferenceDocumentNotFound {
                referenceHash: r.reference_hash,
            }
            .into());
        }
        Ok(())
    }

    /// Spec 02 §6: the fee for `n` registrations, checked against `msg.value`.
    #[inline(never)]
    fn required_fee(&self, n: usize) -> Res<U256> {
        let fee = u64_of(self.registration_fee.get());
        let required = if fee == 0 || self.fees_disabled.get() {
            U256::ZERO
        } else {
            u64_word(fee) * U256::from(n) // ≤ 0.01 ether × 50: cannot overflow
        };
        let provided = self.vm().msg_value();
        if provided < required {
            return Err(InsufficientFee { provided, required }.into());
        }
        Ok(required)
    }

    /// Sends `required` to the fee recipient (one transfer), emits one `FeeCollected` per id,
    /// and refunds the excess to `msg.sender`.
    #[inline(never)]
    fn collect_fees(&mut self, payer: Address, ids: &[B256], required: U256, ts: U256) -> Res<()> {
        if !required.is_zero() {
            let recipient = self.fee_recipient.get();
            calls::send_value(self.vm(), recipient, required)
                .map_err(|_| Error::from(FeeTransferFailed {}))?;
            let total = self.total_fees_collected.get().saturating_add(required);
            self.total_fees_collected.set(total);
            let each = U256::from(u64_of(self.registration_fee.get()));
            for h in ids {
                emit(
                    self.vm(),
                    &[FeeCollected::SIGNATURE_HASH, *h, payer.into_word()],
                    &[each.into(), recipient.into(), ts.into()],
                );
            }
        }
        let excess = self.vm().msg_value() - required; // required ≤ msg.value was checked
        if !excess.is_zero() {
            calls::send_value(self.vm(), self.vm().msg_sender(), excess)
                .map_err(|_| Error::from(RefundFailed {}))?;
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    #[inline(never)]
    fn write_record(
        &mut self,
        owner: Address,
        now: u64,
        h: B256,
        document_hash: B256,
        identity_extension: B256,
        tokenizer: u32,
        primary: B256,
        executor: Address,
    ) {
        let mut r = self.records.setter(h);
        r.owner.set(owner);
        r.registered_at
            .set(alloy_primitives::Uint::from_limbs([now & ((1 << 40) - 1)]));
        r.exists.set(true);
        r.document_hash.set(document_hash);
        // Zero fields are left unwritten: a fresh record's slots are already zero.
        if !identity_extension.is_zero() {
            r.identity_extension.set(identity_extension);
        }
        if tokenizer != 0 {
            r.tokenizer.set(w32(tokenizer));
        }
        if !primary.is_zero() {
            r.primary_resolver.set(primary);
        }
        if !executor.is_zero() {
            r.executor.set(executor);
            r.executor_authorized_at.set(w64(now));
        }
    }

    #[allow(clippy::too_many_arguments)]
    #[inline(never)]
    fn emit_registered(
        &self,
        owner: Address,
        h: B256,
        document_hash: B256,
        reference_hash: B256,
        tokenizer: Address,
        executor: Address,
        process_hash: B256,
        identity_extension: B256,
        ts: U256,
    ) {
        emit(
            self.vm(),
            &[
                DocumentRegistered::SIGNATURE_HASH,
                h,
                document_hash,
                reference_hash,
            ],
            &[
                owner.into(),
                tokenizer.into(),
                executor.into(),
                process_hash.into(),
                identity_extension.into(),
                ts.into(),
            ],
        );
    }

    /// `DocumentExecutorAuthorized` and `PrimaryResolverSet` of a new record, when they apply.
    #[inline(never)]
    fn emit_item_links(
        &self,
        owner: Address,
        h: B256,
        executor: Address,
        is_contract: bool,
        primary: B256,
        ts: U256,
    ) {
        if !executor.is_zero() {
            self.emit_executor_authorized(owner, h, executor, is_contract, ts);
        }
        if !primary.is_zero() {
            emit(
                self.vm(),
                &[
                    PrimaryResolverSet::SIGNATURE_HASH,
                    h,
                    primary,
                    owner.into_word(),
                ],
                &[ts.into()],
            );
        }
    }

    #[inline(never)]
    fn emit_owner_event(&self, topic: B256, h: B256, id: B256, owner: Address) {
        let ts = self.now();
        emit(self.vm(), &[topic, h, id, owner.into_word()], &[ts.into()]);
    }

    #[inline(never)]
    fn registered_calldata(
        owner: Address,
        h: B256,
        document_hash: B256,
        tokenizer: Address,
        executor: Address,
        process_hash: B256,
    ) -> Vec<u8> {
        let data = integra_primitives::abi::encode(&[
            tokenizer.into(),
            executor.into(),
            process_hash.into(),
        ]);
        calls::calldata(
            IDocumentResolver::onDocumentRegisteredCall::SELECTOR,
            &[
                h.into(),
                document_hash.into(),
                owner.into(),
                Token::Bytes(&data),
            ],
        )
    }

    #[inline(never)]
    fn set_primary(&mut self, sender: Address, h: B256, id: B256) -> Res<()> {
        self.unlocked_owned(sender, h)?;
        if !id.is_zero() && Self::position(&self.records.getter(h), id).is_some() {
            return Err(ResolverAlreadyAttached {
                integraHash: h,
                resolverId: id,
            }
            .into());
        }
        self.records.setter(h).primary_resolver.set(id);
        self.emit_owner_event(PrimaryResolverSet::SIGNATURE_HASH, h, id, sender);
        Ok(())
    }

    #[inline(never)]
    fn position(r: &Record, id: B256) -> Option<usize> {
        (0..Self::count(r)).find(|i| r.additional.get(*i) == Some(id))
    }

    #[inline(never)]
    fn count(r: &Record) -> usize {
        usize::from(u8::try_from(r.additional_count.get()).unwrap_or(0))
    }

    #[inline(never)]
    fn ids(r: &Record) -> Vec<B256> {
        (0..Self::count(r))
            .filter_map(|i| r.additional.get(i))
            .collect()
    }

    #[inline(never)]
    fn approve(
        &mut self,
        tokenizer: bool,
        account: Address,
        approved: bool,
        name: &str,
    ) -> Res<()> {
        if account.is_zero() {
            return Err(ZeroAddress {}.into());
        }
        let ts = self.now();
        if tokenizer {
            let mut entry = self.approved_tokenizers.setter(account);
            entry.approved.set(approved);
            if approved && entry.number.get().is_zero() {
                drop(entry);
                let n = u64_of(self.tokenizer_count.get()) + 1;
                let number = w32(u32::try_from(n).unwrap_or(u32::MAX));
                self.tokenizer_count.set(number);
                self.tokenizers.setter(u64_word(n).into()).set(account);
                self.approved_tokenizers.setter(account).number.set(number);
            }
            emit(
                self.vm(),
                &[TokenizerApproved::SIGNATURE_HASH, account.into_word()],
                &[approved.into(), ts.into()],
            );
        } else {
            self.approved_executors.setter(account).set(approved);
            emit(
                self.vm(),
                &[ExecutorApproved::SIGNATURE_HASH, account.into_word()],
                &[approved.into(), name.into(), ts.into()],
            );
        }
        Ok(())
    }

    // ---------------------------------------------------------------- hooks (spec 03 §2)

    /// The primary resolver's address: `None` for no primary; for one that does not resolve,
    /// `None` after emitting `PrimaryResolverUnavailable` (fail-open, OQ-02-6).
    #[inline(never)]
    fn primary_target(&self, h: B256, id: B256) -> Option<Address> {
        if id.is_zero() {
            return None;
        }
        let a = self.resolver_address(id);
        if a.is_zero() {
            emit(
                self.vm(),
                &[PrimaryResolverUnavailable::SIGNATURE_HASH, h, id],
                &[],
            );
            return None;
        }
        Some(a)
    }

    /// `gasleft() ≥ limit + limit/63 + 10_000` (spec 02 §5).
    #[inline(never)]
    fn check_hook_gas(&self, limit: u64) -> Res<()> {
        let need = limit
            .saturating_add(limit / 63)
            .saturating_add(HOOK_GAS_MARGIN);
        if self.vm().evm_gas_left() < need {
            return Err(InsufficientGasForResolvers {}.into());
        }
        Ok(())
    }

    /// Calls the primary hook: blocking re-throws its failure, non-blocking emits it.
    #[inline(never)]
    fn primary_hook(
        &mut self,
        h: B256,
        id: B256,
        target: Option<Address>,
        calldata: &[u8],
        blocking: bool,
    ) -> Res<()> {
        let Some(resolver) = target else {
            return Ok(());
        };
        let (gas, _) = self.get_effective_resolver_gas_limit(id, true);
        if !blocking {
            self.check_hook_gas(gas)?;
        }
        let selector = selector_word([calldata[0], calldata[1], calldata[2], calldata[3]]);
        match calls::call(self.vm(), Kind::Call(U256::ZERO), resolver, calldata, gas) {
            Ok(_) => emit(
                self.vm(),
                &[PrimaryResolverCalled::SIGNATURE_HASH, h, id],
                &[selector.into()],
            ),
            Err(data) if blocking => {
                return Err(if data.is_empty() {
                    PrimaryResolverCallFailed {
                        integraHash: h,
                        resolverId: id,
                    }
                    .into()
                } else {
                    Error::Bubbled(data)
                });
            }
            Err(data) => {
                let reason = calls::revert_reason(&data);
                emit(
                    self.vm(),
                    &[PrimaryResolverFailed::SIGNATURE_HASH, h, id],
                    &[reason.as_str().into()],
                );
            }
        }
        Ok(())
    }

    /// The blocking primary hook (its target already looked up when `target` is given), then
    /// every additional resolver's, non-blocking, in array order.
    // `target`: `None` = look the primary up here; `Some(t)` = already looked up (maybe absent).
    #[allow(clippy::option_option)]
    #[inline(never)]
    fn run_hooks(&mut self, h: B256, calldata: &[u8], target: Option<Option<Address>>) -> Res<()> {
        let id = self.records.getter(h).primary_resolver.get();
        let target = match target {
            Some(t) => t,
            None => self.primary_target(h, id),
        };
        self.primary_hook(h, id, target, calldata, true)?;
        let additional = Self::ids(&self.records.getter(h));
        let selector = selector_word([calldata[0], calldata[1], calldata[2], calldata[3]]);
        for id in additional {
            let resolver = self.resolver_address(id);
            if resolver.is_zero() {
                continue;
            }
            let (gas, _) = self.get_effective_resolver_gas_limit(id, false);
            self.check_hook_gas(gas)?;
            match calls::call(self.vm(), Kind::Call(U256::ZERO), resolver, calldata, gas) {
                Ok(_) => emit(
                    self.vm(),
                    &[AdditionalResolverCalled::SIGNATURE_HASH, h, id],
                    &[selector.into()],
                ),
                Err(data) => {
                    let reason = calls::revert_reason(&data);
                    emit(
                        self.vm(),
                        &[AdditionalResolverFailed::SIGNATURE_HASH, h, id],
                        &[reason.as_str().into()],
                    );
                }
            }
        }
        Ok(())
    }

    /// `canOwnDocument` on the primary resolver, static, under the primary gas limit.
    #[inline(never)]
    fn check_can_own(&self, h: B256, id: B256, resolver: Address, new_owner: Address) -> Res<()> {
        let (gas, _) = self.get_effective_resolver_gas_limit(id, true);
        let data = calls::calldata(
            IDocumentResolver::canOwnDocumentCall::SELECTOR,
            &[h.into(), new_owner.into()],
        );
        let out = calls::call(self.vm(), Kind::Static, resolver, &data, gas).map_err(|_| {
            Error::from(PrimaryResolverCallFailed {
                integraHash: h,
                resolverId: id,
            })
        })?;
        let a = Args(&out);
        match (a.bool(0), a.string(1)) {
            (Some(true), Some(_)) => Ok(()),
            (Some(false), Some(reason)) => Err(OwnershipRejectedByResolver {
                integraHash: h,
                resolverId: id,
                reason: reason.into(),
            }
            .into()),
            _ => Err(PrimaryResolverCallFailed {
                integraHash: h,
                resolverId: id,
            }
            .into()),
        }
    }
}

/// ERC-165 id of the record API other contracts rely on: registration, ownership transfer,
/// tokenizer association and the getters tokenizers and resolvers read.
pub const DOCUMENT_REGISTRY_INTERFACE_ID: [u8; 4] = interface_id(&[
    registerDocumentCall::SELECTOR,
    registerDocumentBatchCall::SELECTOR,
    transferDocumentOwnershipCall::SELECTOR,
    associateTokenizerCall::SELECTOR,
    getDocumentInfoCall::SELECTOR,
    getDocumentOwnerCall::SELECTOR,
    existsCall::SELECTOR,
    getTokenizerCall::SELECTOR,
    getDocumentExecutorCall::SELECTOR,
    isAuthorizedDocumentExecutorCall::SELECTOR,
]);

integra_primitives::compact_router!(IntegraDocumentRegistry, dispatch, constructor(s, a) {
    let addr = |i| a.address(i).ok_or_else(Vec::new);
    let word = |i| a.u256(i).ok_or_else(Vec::new);
    s.constructor(
        addr(0)?,
        addr(1)?,
        addr(2)?,
        addr(3)?,
        addr(4)?,
        word(5)?,
        word(6)?,
        addr(7)?,
    )
    .map_err(Vec::from)
});

fn ret(tokens: &[Token<'_>]) -> Vec<u8> {
    returns(tokens)
}

fn record_tuple<'a>(r: &'a DocumentRecord, out: &mut [Token<'a>; 10]) {
    *out = [
        r.owner.into(),
        r.tokenizer.into(),
        r.documentHash.into(),
        r.referenceHash.into(),
        r.registeredAt.into(),
        r.exists.into(),
        r.identityExtension.into(),
        r.primaryResolverId.into(),
        Token::Words(&r.additionalResolvers),
        r.resolversLocked.into(),
    ];
}

/// Word-valued constants and configuration getters.
fn word_getter(s: &IntegraDocumentRegistry, selector: [u8; 4]) -> Option<Token<'static>> {
    Some(match selector {
        MAX_BATCH_SIZECall::SELECTOR => U256::from(MAX_BATCH_SIZE).into(),
        MAX_ADDITIONAL_RESOLVERSCall::SELECTOR => U256::from(MAX_ADDITIONAL_RESOLVERS).into(),
        MIN_REGISTRATION_FEECall::SELECTOR => MIN_REGISTRATION_FEE.into(),
        MAX_REGISTRATION_FEECall::SELECTOR => MAX_REGISTRATION_FEE.into(),
        EMERGENCY_DURATIONCall::SELECTOR => EMERGENCY_DURATION.into(),
        MAX_REVERT_BUBBLECall::SELECTOR => U256::from(MAX_REVERT_BUBBLE).into(),
        EXECUTOR_CHECK_GASCall::SELECTOR => EXECUTOR_CHECK_GAS.into(),
        REFERENCE_VERIFIER_IDCall::SELECTOR => REFERENCE_VERIFIER_ID.into(),
        GOVERNOR_ROLECall::SELECTOR => GOVERNOR_ROLE.into(),
        DEFAULT_ADMIN_ROLECall::SELECTOR => DEFAULT_ADMIN_ROLE.into(),
        defaultPrimaryResolverGasLimitCall::SELECTOR => u64_of(s.default_primary_gas.get()).into(),
        defaultAdditionalResolverGasLimitCall::SELECTOR => {
            u64_of(s.default_additional_gas.get()).into()
        }
        maxReasonableGasLimitCall::SELECTOR => u64_of(s.max_reasonable_gas.get()).into(),
        registrationFeeCall::SELECTOR => u64_of(s.registration_fee.get()).into(),
        feesDisabledCall::SELECTOR => s.fees_disabled.get().into(),
        totalFeesCollectedCall::SELECTOR => s.total_fees_collected.get().into(),
        verifierRegistryCall::SELECTOR => s.verifier_registry.get().into(),
        resolverRegistryCall::SELECTOR => s.resolver_registry.get().into(),
        emergencyAddressCall::SELECTOR => s.emergency_address.get().into(),
        emergencyExpiryCall::SELECTOR => u64_of(s.emergency_expiry.get()).into(),
        feeRecipientCall::SELECTOR => s.fee_recipient.get().into(),
        trustedForwarderCall::SELECTOR => s.trusted_forwarder.get().into(),
        pausedCall::SELECTOR => s.paused().into(),
        _ => return None,
    })
}

/// Selectors that accept `msg.value`.
const PAYABLE: [[u8; 4]; 2] = [
    registerDocumentCall::SELECTOR,
    registerDocumentBatchCall::SELECTOR,
];

/// Reads a `bytes32[]` argument.
fn hashes(a: Args<'_>, i: usize) -> Option<Vec<B256>> {
    let (n, body) = a.array(i)?;
    (0..n).map(|j| body.word(j)).collect()
}

/// Reads the batch registration's six arrays into items.
fn batch_items(a: Args<'_>) -> Option<Result<Vec<BatchItem>, Error>> {
    let (n, hs) = a.array(0)?;
    let arrays = [
        a.array(1)?,
        a.array(2)?,
        a.array(3)?,
        a.array(4)?,
        a.array(6)?,
    ];
    if arrays.iter().any(|(len, _)| *len != n) {
        return Some(Err(ArrayLengthMismatch {}.into()));
    }
    let [(_, docs), (_, exts), (_, toks), (_, prims), (_, procs)] = arrays;
    let mut items = Vec::with_capacity(n);
    for j in 0..n {
        items.push(BatchItem {
            integra_hash: hs.word(j)?,
            document_hash: docs.word(j)?,
            identity_extension: exts.word(j)?,
            tokenizer: toks.address(j)?,
            primary_resolver_id: prims.word(j)?,
            process_hash: procs.word(j)?,
        });
    }
    Some(Ok(items))
}

/// Result of a method without return data.
#[inline(never)]
fn run(r: Res<()>) -> ArbResult {
    r.map(|()| Vec::new()).map_err(Vec::from)
}

/// `address` from a head word; dirty high bytes are malformed.
fn addr(w: Option<B256>) -> Option<Address> {
    let w = w?;
    w[..12]
        .iter()
        .all(|b| *b == 0)
        .then(|| Address::from_slice(&w[12..]))
}

/// `bool` from a head word; anything but 0 or 1 is malformed.
fn flag(w: Option<B256>) -> Option<bool> {
    let w = w?;
    if w[..31].iter().any(|b| *b != 0) {
        return None;
    }
    match w[31] {
        0 => Some(false),
        1 => Some(true),
        _ => None,
    }
}

/// Malformed argument: revert with empty data, as Solidity's decoder does.
macro_rules! arg {
    ($e:expr) => {
        match $e {
            Some(v) => v,
            None => return Some(Err(Vec::new())),
        }
    };
}

fn dispatch(s: &mut IntegraDocumentRegistry, selector: [u8; 4], a: Args<'_>) -> Option<ArbResult> {
    if !s.vm().msg_value().is_zero() && !PAYABLE.contains(&selector) {
        return Some(Err(Vec::new()));
    }
    if let Some(t) = word_getter(s, selector) {
        return Some(Ok(ret(&[t])));
    }
    let w = [a.word(0), a.word(1), a.word(2)];
    if let Some(out) = dispatch_view(s, selector, a, w) {
        return Some(out);
    }
    // State-changing functions: the ERC-2771 sender, resolved once.
    let sender = s.sender_of(a.0);
    dispatch_write(s, selector, a, w, sender)
}

#[allow(clippy::too_many_lines, clippy::many_single_char_names)] // one arm per external view
fn dispatch_view(
    s: &IntegraDocumentRegistry,
    selector: [u8; 4],
    a: Args<'_>,
    w: [Option<B256>; 3],
) -> Option<ArbResult> {
    let ids = |v: &[B256]| ret(&[Token::Words(v)]);
    let out = match selector {
        getDocumentCall::SELECTOR | documentsCall::SELECTOR => {
            let r = s.get_document(arg!(w[0]));
            let mut t = [Token::Word(B256::ZERO); 10];
            record_tuple(&r, &mut t);
            if selector == getDocumentCall::SELECTOR {
                Ok(ret(&[Token::Tuple(&t)]))
            } else {
                // The Solidity getter of the mapping: every field but the array.
                t[8] = t[9];
                Ok(ret(&t[..9]))
            }
        }
        getDocumentsBatchCall::SELECTOR => {
            let records: Vec<DocumentRecord> = arg!(hashes(a, 0))
                .iter()
                .map(|h| s.get_document(*h))
                .collect();
            let mut tuples = vec![[Token::Word(B256::ZERO); 10]; records.len()];
            for (r, t) in records.iter().zip(tuples.iter_mut()) {
                record_tuple(r, t);
            }
            let items: Vec<Token<'_>> = tuples.iter().map(|t| Token::Tuple(t)).collect();
            Ok(ret(&[Token::Array(&items)]))
        }
        getDocumentInfoCall::SELECTOR => {
            let h = arg!(w[0]);
            let r = s.get_document(h);
            let resolvers = s.resolvers_of(h);
            Ok(ret(&[
                r.owner.into(),
                r.documentHash.into(),
                r.tokenizer.into(),
                Token::Words(&resolvers),
                r.registeredAt.into(),
            ]))
        }
        getDocumentOwnerCall::SELECTOR => Ok(ret(&[s.get_document_owner(arg!(w[0])).into()])),
        existsCall::SELECTOR => Ok(ret(&[s.exists(arg!(w[0])).into()])),
        isDocumentOwnerCall::SELECTOR => {
            let (h, who) = (arg!(w[0]), arg!(addr(w[1])));
            Ok(ret(&[
                (!who.is_zero() && s.get_document_owner(h) == who).into()
            ]))
        }
        getTokenizerCall::SELECTOR => Ok(ret(&[s.get_tokenizer(arg!(w[0])).into()])),
        getDocumentExecutorCall::SELECTOR | documentExecutorCall::SELECTOR => {
            Ok(ret(&[s.get_document_executor(arg!(w[0])).into()]))
        }
        getTokenizerOwnerExecutorCall::SELECTOR => {
            let (t, o, e) = s.get_tokenizer_owner_executor(arg!(w[0]));
            Ok(ret(&[t.into(), o.into(), e.into()]))
        }
        executorAuthorizedAtCall::SELECTOR => {
            Ok(ret(&[s.executor_authorized_at(arg!(w[0])).into()]))
        }
        isAuthorizedDocumentExecutorCall::SELECTOR => Ok(ret(&[s
            .is_authorized_document_executor(arg!(w[0]), arg!(addr(w[1])))
            .into()])),
        getAdditionalResolversCall::SELECTOR => {
            Ok(ids(&s.get_document(arg!(w[0])).additionalResolvers))
        }
        getEffectiveResolverGasLimitCall::SELECTOR => {
            let (gas, is_override) =
                s.get_effective_resolver_gas_limit(arg!(w[0]), arg!(flag(w[1])));
            Ok(ret(&[gas.into(), is_override.into()]))
        }
        getEmergencyStatusCall::SELECTOR => {
            let (active, expiry, emergency) = s.get_emergency_status();
            Ok(ret(&[active.into(), expiry.into(), emergency.into()]))
        }
        getFeeConfigurationCall::SELECTOR => {
            let (fee, recipient, disabled, max, total) = s.get_fee_configuration();
            Ok(ret(&[
                fee.into(),
                recipient.into(),
                disabled.into(),
                max.into(),
                total.into(),
            ]))
        }
        existsBatchCall::SELECTOR
        | getDocumentOwnersBatchCall::SELECTOR
        | getDocumentExecutorsBatchCall::SELECTOR => {
            let words: Vec<B256> = arg!(hashes(a, 0))
                .iter()
                .map(|h| match selector {
                    existsBatchCall::SELECTOR => B256::with_last_byte(u8::from(s.exists(*h))),
                    getDocumentOwnersBatchCall::SELECTOR => s.get_document_owner(*h).into_word(),
                    _ => s.get_document_executor(*h).into_word(),
                })
                .collect();
            Ok(ids(&words))
        }
        approvedTokenizersCall::SELECTOR => {
            Ok(ret(&[s.is_tokenizer_approved(arg!(addr(w[0]))).into()]))
        }
        approvedExecutorsCall::SELECTOR => {
            Ok(ret(&[s.approved_executors.get(arg!(addr(w[0]))).into()]))
        }
        resolverGasLimitOverrideCall::SELECTOR => {
            Ok(ret(&[u64_of(s.gas_overrides.get(arg!(w[0]))).into()]))
        }
        isTrustedForwarderCall::SELECTOR => {
            Ok(ret(&[s.is_trusted_forwarder(arg!(addr(w[0]))).into()]))
        }
        VERSIONCall::SELECTOR => Ok(ret(&[VERSION.into()])),
        hasRoleCall::SELECTOR => Ok(ret(&[s.has_role(arg!(w[0]), arg!(addr(w[1]))).into()])),
        getRoleAdminCall::SELECTOR => Ok(ret(&[s.access.get_role_admin(arg!(w[0])).into()])),
        supportsInterfaceCall::SELECTOR => {
            let id = arg!(w[0]);
            // bytes4 is left-aligned; the low 28 bytes must be clean.
            if id[4..].iter().any(|b| *b != 0) {
                return Some(Err(Vec::new()));
            }
            Ok(ret(&[s
                .supports_interface(B32::from_slice(&id[..4]))
                .into()]))
        }
        _ => return None,
    };
    Some(out)
}

#[allow(clippy::too_many_lines, clippy::many_single_char_names)] // one arm per external function
fn dispatch_write(
    s: &mut IntegraDocumentRegistry,
    selector: [u8; 4],
    a: Args<'_>,
    w: [Option<B256>; 3],
    sender: Address,
) -> Option<ArbResult> {
    let out = match selector {
        registerDocumentCall::SELECTOR => {
            let mut proof = [B256::ZERO; 8];
            for (k, p) in proof.iter_mut().enumerate() {
                *p = arg!(a.word(4 + k));
            }
            let r = Registration {
                integra_hash: arg!(w[0]),
                document_hash: arg!(w[1]),
                identity_extension: arg!(w[2]),
                reference_hash: arg!(a.word(3)),
                proof,
                tokenizer: arg!(a.address(12)),
                primary_resolver_id: arg!(a.word(13)),
                executor: arg!(a.address(14)),
                process_hash: arg!(a.word(15)),
            };
            s.register_document(sender, &r)
                .map(|h| ret(&[h.into()]))
                .map_err(Vec::from)
        }
        registerDocumentBatchCall::SELECTOR => {
            let (executor, hooks) = (arg!(a.address(5)), arg!(a.bool(7)));
            let items = match arg!(batch_items(a)) {
                Ok(items) => items,
                Err(e) => return Some(Err(e.into())),
            };
            s.register_document_batch(sender, &items, executor, hooks)
                .map(|v| ret(&[Token::Words(&v)]))
                .map_err(Vec::from)
        }
        setPrimaryResolverCall::SELECTOR => {
            run(s.set_primary_resolver(sender, arg!(w[0]), arg!(w[1])))
        }
        setPrimaryResolverBatchCall::SELECTOR => {
            run(s.set_primary_resolver_batch(sender, &arg!(hashes(a, 0)), arg!(w[1])))
        }
        addAdditionalResolverCall::SELECTOR => {
            run(s.add_additional_resolver(sender, arg!(w[0]), arg!(w[1])))
        }
        removeAdditionalResolverCall::SELECTOR => {
            run(s.remove_additional_resolver(sender, arg!(w[0]), arg!(w[1])))
        }
        lockResolversCall::SELECTOR => run(s.lock_resolvers(sender, arg!(w[0]))),
        emergencyUnlockResolversCall::SELECTOR => {
            run(s.emergency_unlock_resolvers(sender, arg!(w[0]), arg!(a.string(1))))
        }
        setIdentityExtensionCall::SELECTOR => {
            run(s.set_identity_extension(sender, arg!(w[0]), arg!(w[1])))
        }
        associateTokenizerCall::SELECTOR => {
            run(s.associate_tokenizer(sender, arg!(w[0]), arg!(addr(w[1])), arg!(w[2])))
        }
        transferDocumentOwnershipCall::SELECTOR => run(s.transfer_document_ownership(
            sender,
            arg!(w[0]),
            arg!(addr(w[1])),
            arg!(a.string(2)),
        )),
        authorizeDocumentExecutorCall::SELECTOR => {
            run(s.authorize_document_executor(sender, arg!(w[0]), arg!(addr(w[1]))))
        }
        revokeDocumentExecutorCall::SELECTOR => run(s.revoke_document_executor(sender, arg!(w[0]))),
        replaceDocumentExecutorCall::SELECTOR => {
            run(s.replace_document_executor(sender, arg!(w[0]), arg!(addr(w[1]))))
        }
        authorizeDocumentExecutorBatchCall::SELECTOR => {
            run(s.authorize_document_executor_batch(sender, &arg!(hashes(a, 0)), arg!(addr(w[1]))))
        }
        revokeDocumentExecutorBatchCall::SELECTOR => {
            run(s.revoke_document_executor_batch(sender, &arg!(hashes(a, 0))))
        }
        setTokenizerApprovalCall::SELECTOR => {
            run(s.set_tokenizer_approval(sender, arg!(addr(w[0])), arg!(flag(w[1]))))
        }
        setTokenizerApprovalBatchCall::SELECTOR => {
            let ((n, ts), (m, flags)) = (arg!(a.array(0)), arg!(a.array(1)));
            if n != m {
                return Some(Err(Error::from(ArrayLengthMismatch {}).into()));
            }
            let mut items = Vec::with_capacity(n);
            for j in 0..n {
                items.push((arg!(ts.address(j)), arg!(flags.bool(j))));
            }
            run(s.set_tokenizer_approval_batch(sender, &items))
        }
        setExecutorApprovalCall::SELECTOR => run(s.set_executor_approval(
            sender,
            arg!(addr(w[0])),
            arg!(flag(w[1])),
            arg!(a.string(2)),
        )),
        setExecutorApprovalBatchCall::SELECTOR => {
            let ((n, es), (m, flags), (k, names)) =
                (arg!(a.array(0)), arg!(a.array(1)), arg!(a.array(2)));
            if n != m || n != k {
                return Some(Err(Error::from(ArrayLengthMismatch {}).into()));
            }
            let mut items = Vec::with_capacity(n);
            for j in 0..n {
                items.push((
                    arg!(es.address(j)),
                    arg!(flags.bool(j)),
                    arg!(names.string(j)),
                ));
            }
            run(s.set_executor_approval_batch(sender, &items))
        }
        setDefaultPrimaryResolverGasLimitCall::SELECTOR
        | setDefaultAdditionalResolverGasLimitCall::SELECTOR => {
            let primary = selector == setDefaultPrimaryResolverGasLimitCall::SELECTOR;
            run(s.set_default_gas_limit(sender, primary, arg!(w[0]).into()))
        }
        setResolverGasLimitOverrideCall::SELECTOR => {
            run(s.set_resolver_gas_limit_override(sender, arg!(w[0]), arg!(w[1]).into()))
        }
        setMaxReasonableGasLimitCall::SELECTOR => {
            run(s.set_max_reasonable_gas_limit(sender, arg!(w[0]).into()))
        }
        setRegistrationFeeCall::SELECTOR => run(s.set_registration_fee(sender, arg!(w[0]).into())),
        emergencyDisableFeesCall::SELECTOR => {
            run(s.emergency_disable_fees(sender, arg!(a.string(0))))
        }
        reenableFeesCall::SELECTOR => run(s.reenable_fees(sender)),
        pauseCall::SELECTOR | unpauseCall::SELECTOR => {
            run(s.set_paused(sender, selector == pauseCall::SELECTOR))
        }
        grantRoleCall::SELECTOR => run(s.grant_role(sender, arg!(w[0]), arg!(addr(w[1])))),
        revokeRoleCall::SELECTOR => run(s.revoke_role(sender, arg!(w[0]), arg!(addr(w[1])))),
        renounceRoleCall::SELECTOR => run(s.renounce_role(sender, arg!(w[0]), arg!(addr(w[1])))),
        _ => return None,
    };
    Some(out)
}

#[cfg(test)]
mod tests;
