//! `IntegraExecutor` (spec 03 §4–§5): relays calls to allow-listed targets in two modes.
//!
//! - **Mode A** (`executeOperation`, `EXECUTOR_ROLE`): the relayer calls an allowed function and
//!   the target sees this contract as `msg.sender` — for records whose owner made the executor
//!   their per-document executor (then governance lists it in the registry's
//!   `approvedExecutors`). The nonce counts per relayer.
//! - **Mode B** (`execute`, `RELAYER_ROLE`): a user signs an EIP-712 `ForwardRequest`; the
//!   relayer submits it and the target, which trusts this contract as its ERC-2771 forwarder,
//!   sees the user: the call's data is `request.data ‖ request.from` (20-byte suffix). The
//!   nonce counts per signer and is part of the signed message, so a request runs at most once.
//!
//! ## EIP-712
//! Domain `EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)`
//! with `("IntegraExecutor", "1", block.chainid, address(this))` (ERC-5267 `eip712Domain()`
//! reports it). Type
//! `ForwardRequest(address from,address to,uint256 value,uint256 gas,uint256 nonce,uint48 deadline,bytes data)`
//! with `nonce = nonces(from)` at execution; the digest is
//! `keccak256(0x1901 ‖ domainSeparator ‖ hashStruct(request))`. The signature is 65 bytes
//! `r ‖ s ‖ v` with `v ∈ {27, 28}` and `s ≤ n/2` (no malleable twin), recovered with the
//! `ecrecover` precompile (0x01) through a static call with exactly its price (3,000 gas). Any
//! other length, `v`, high `s` or a failed recovery is signer `address(0)`, which never matches:
//! `InvalidSigner(recovered, from)`. A signature for another chain or another executor
//! deployment recovers another address. Signers are EOAs: contract wallets (ERC-1271) cannot sign
//! requests.
//!
//! ## `execute(req)` — order of checks
//! not paused (`EnforcedPause`) → not re-entered (`ReentrancyGuardReentrantCall`) →
//! `RELAYER_ROLE` (`AccessControlUnauthorizedAccount`) → `block.timestamp ≤ deadline`
//! (`ExpiredRequest(deadline)`) → `value == 0` (`ValueNotSupported`) → signer of the request
//! with `nonces[from]` is `from` (`InvalidSigner(signer, from)`) → target allowed
//! (`TargetNotAllowed(to)`) → `data.length ≥ 4` (`InvalidCalldata`) → `(to, selector)` allowed
//! (`SelectorNotAllowed(selector)`) → `nonces[from]++` → `gasleft() ≥ gas + gas/63 + 10_000`
//! (`InsufficientGas`: the relayer cannot starve the call of the gas the user signed for) →
//! `to.call{gas}(data ‖ from)` with value 0; failure reverts with `ExecutionFailed(to,
//! revertData)`, which also undoes the nonce bump → `OperationExecuted(from, to, selector, true,
//! nonce, timestamp)` → returns the call's return data.
//!
//! ## `executeOperation(target, data)` — order of checks
//! not paused → not re-entered → `EXECUTOR_ROLE` → target allowed → `data.length ≥ 4` →
//! `(target, selector)` allowed → `nonce = nonces[msg.sender]++` → `target.call(data ‖
//! address(this))` with value 0 and all remaining gas (63/64 rule) → failure: `ExecutionFailed(target, revertData)` (nonce
//! undone) → `OperationExecuted(msg.sender, target, selector, true, nonce, timestamp)` →
//! returns `(true, returnData)`.
//!
//! ## ETH
//! Nothing here can move ETH: every function is non-payable (a call with value reverts with
//! empty data), there is no `receive` or fallback, every outgoing call carries value 0, and a
//! request with `value ≠ 0` is refused (`ValueNotSupported`). ETH forced in (coinbase,
//! `SELFDESTRUCT`) stays where it is.
//!
//! ## Choices on the spec's open questions (+)
//! - **OQ-03-3**: the selector allow-list is per target — `setSelectorAllowed(target, selector,
//!   allowed)`, `allowedSelectors(target, selector)`, `SelectorAllowed(target, selector, …)` —
//!   so allowing `registerDocument` on the registry allows no function of the same selector on
//!   another target. A call needs both its target and its `(target, selector)` pair allowed.
//! - **OQ-03-6**: no proxy. The executor is a trusted forwarder that can act as any user on
//!   every trusting contract, so it is deployed with a constructor (`constructor(governor)`,
//!   the spec's `initialize`) and nothing about its code can change.
//! - **Mode A appends `address(this)`** as the ERC-2771 suffix. The spec sends `data` alone, but
//!   a target that trusts the executor as its forwarder (the document registry) reads the last
//!   20 bytes of whatever the executor sends as the sender: with bare `data`, an
//!   `EXECUTOR_ROLE` relayer could end its calldata with any address and act as that user
//!   without a signature. With the suffix a trusting target sees the executor, as mode A
//!   intends; every other target ignores trailing calldata, as Solidity's decoder does.
//! - `setTargetAllowed(address(this), true)` is refused (`TargetNotAllowed(this)`): a relayed
//!   call into the executor itself would run governance as the executor.
//! - `ExecutionFailed(target, data)` carries the callee's revert data (at most 2,048 bytes), not
//!   the calldata the relayer already has.
//! - `nonces` is one mapping for both modes (spec 03 §4 storage): an address that is both a
//!   mode-A relayer and a mode-B signer shares one counter, so a mode-A call invalidates its
//!   own pending signed request (never the other way round).
//! - Relayed calls carry no value, so a registry with a registration fee charges the executor
//!   nothing and the relayed registration fails with `InsufficientFee` — relay with fee 0.
//!
//! ## Measured gas (`docs/gas.md`, `stylus-vm`, programs uncached)
//! | operation | gas |
//! |---|---:|
//! | `execute` relaying `registerDocument` (the registry row's shape), signer's first request | 300,119 |
//! | the same, the signer's second request (nonce slot non-zero → non-zero) | 283,019 |
//! | `registerDocument` sent directly on the same world | 229,438 |
//!
//! The relay adds ~70.7k on a first request: the executor's program entry (24.3k uncached), the
//! longer calldata (3.3k), the signer's nonce slot written from zero (22.1k; 5k later), two cold
//! allow-list reads (4.2k), `ecrecover` (3k + the call), the guard, the event and four keccaks.
//! No budget is set for it in the spec.
//!
//! ## Storage
//! Slot 0: `paused`, the reentrancy flag and a set-once "deployed" flag (so toggling the guard
//! is a non-zero → non-zero write); then `nonces[address]`, `allowedTargets[address]`,
//! `allowedSelectors[target ‖ selector]` (one key of 24 bytes, one hash per lookup) and
//! OpenZeppelin's role mapping.
//!
//! ## Roles
//! The constructor gives `governor` `DEFAULT_ADMIN_ROLE`, `GOVERNOR_ROLE`, `EXECUTOR_ROLE` and
//! `RELAYER_ROLE`. Allow-lists and pause: `GOVERNOR_ROLE`. Every role check uses `msg.sender`
//! (the executor is a forwarder, not an ERC-2771 recipient).
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]
#![cfg_attr(target_arch = "wasm32", allow(missing_docs))]
#![cfg_attr(not(any(test, feature = "export-abi")), no_std)]
extern crate alloc;

use alloc::{vec, vec::Vec};

use alloy_primitives::{address, Address, B256, U256};
use alloy_sol_types::{SolCall, SolEvent};
pub use integra_primitives::erc165::{ACCESS_CONTROL_INTERFACE_ID, ERC165_INTERFACE_ID};
use integra_primitives::{
    abi::{emit, returns, Args, Token},
    access::{AccessControl, IAccessControl},
    calls::{self, Kind},
    compact_errors,
    erc165::interface_id,
    limits::{MAX_BATCH_SIZE, MAX_REVERT_BUBBLE},
    reentrant_entrypoint,
    roles::{DEFAULT_ADMIN_ROLE, EXECUTOR_ROLE, GOVERNOR_ROLE, RELAYER_ROLE},
    VERSION,
};
use stylus_sdk::{
    alloy_primitives::aliases::B32,
    prelude::*,
    storage::{StorageBool, StorageMap, StorageU256},
    ArbResult,
};

pub use IIntegraExecutor::*;

// The whole external interface (see the crate docs).
integra_primitives::contract_interface! {
    /// `IntegraExecutor` (spec 03 §4): role-gated relays and EIP-712 signed ERC-2771 requests.
    interface IIntegraExecutor {
        /// A signed mode-B request (spec 03 §4 `ForwardRequestData`); the nonce is not sent, it
        /// is `nonces(from)` at execution.
        #[derive(Debug, PartialEq, Eq)]
        struct ForwardRequestData {
    address from;
    address to;
    uint256 value;
    uint256 gas;
    uint48 deadline;
    bytes data;
    bytes signature;
        }

        #[derive(Debug, PartialEq, Eq)]
        event OperationExecuted(address indexed user, address indexed target, bytes4 indexed selector, bool success, uint256 nonce, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event TargetAllowed(address indexed target, bool allowed, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event SelectorAllowed(address indexed target, bytes4 indexed selector, bool allowed, uint256 timestamp);
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
        error TargetNotAllowed(address target);
        #[derive(Debug, PartialEq, Eq)]
        error SelectorNotAllowed(bytes4 selector);
        #[derive(Debug, PartialEq, Eq)]
        error ExecutionFailed(address target, bytes data);
        #[derive(Debug, PartialEq, Eq)]
        error ZeroAddress();
        #[derive(Debug, PartialEq, Eq)]
        error InvalidCalldata();
        #[derive(Debug, PartialEq, Eq)]
        error ExpiredRequest(uint48 deadline);
        #[derive(Debug, PartialEq, Eq)]
        error InvalidSigner(address signer, address from);
        #[derive(Debug, PartialEq, Eq)]
        error InsufficientGas();
        #[derive(Debug, PartialEq, Eq)]
        error ValueNotSupported();
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

        // ---- relaying ----
        function executeOperation(address target, bytes data) external returns (bool success, bytes memory result);
        function execute(ForwardRequestData req) external returns (bytes memory result);
        function verify(ForwardRequestData req) external view returns (bool);
        // ---- governance ----
        function setTargetAllowed(address target, bool allowed) external;
        function setSelectorAllowed(address target, bytes4 selector, bool allowed) external;
        function pause() external;
        function unpause() external;
        // ---- views ----
        function nonces(address owner) external view returns (uint256);
        function allowedTargets(address target) external view returns (bool);
        function allowedSelectors(address target, bytes4 selector) external view returns (bool);
        function paused() external view returns (bool);
        function eip712Domain() external view returns (bytes1 fields, string memory name, string memory version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] memory extensions);
        function getExecutorInfo() external view returns (string memory name, string memory version, string memory description);
        function isLegitimateExecutor() external view returns (bool);
        function VERSION() external view returns (string memory);
        function MAX_BATCH_SIZE() external view returns (uint256);
        function FORWARD_REQUEST_TYPEHASH() external view returns (bytes32);
        function GOVERNOR_ROLE() external view returns (bytes32);
        function EXECUTOR_ROLE() external view returns (bytes32);
        function RELAYER_ROLE() external view returns (bytes32);
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

compact_errors! {
    /// Every way a call to the executor can fail.
    pub enum Error {
    /// The target is not allow-listed.
    TargetNotAllowed(TargetNotAllowed { target }),
    /// The selector is not allow-listed for the target.
    SelectorNotAllowed(SelectorNotAllowed { selector }),
    /// The relayed call failed; `data` is its revert data (at most 2,048 bytes).
    ExecutionFailed(ExecutionFailed { target, data }),
    /// Zero governor or target.
    ZeroAddress(ZeroAddress {}),
    /// Call data shorter than a selector.
    InvalidCalldata(InvalidCalldata {}),
    /// `block.timestamp > deadline`.
    ExpiredRequest(ExpiredRequest { deadline }),
    /// The signature does not recover to `from`.
    InvalidSigner(InvalidSigner { signer, from }),
    /// Too little gas left to give the call the gas the user signed for.
    InsufficientGas(InsufficientGas {}),
    /// A request with value.
    ValueNotSupported(ValueNotSupported {}),
    /// The contract is paused.
    EnforcedPause(EnforcedPause {}),
    /// The contract is not paused.
    ExpectedPause(ExpectedPause {}),
    /// A relaying function was re-entered.
    Reentrant(ReentrancyGuardReentrantCall {}),
    /// Missing role.
    UnauthorizedAccount(AccessControlUnauthorizedAccount { account, neededRole }),
    /// `renounceRole` confirmation is not the caller.
    BadConfirmation(AccessControlBadConfirmation {}),
    }
}

integra_primitives::access_control_errors!(Error);

/// Result of an executor method.
pub type Res<T> = Result<T, Error>;

/// The `ecrecover` precompile.
pub const ECRECOVER: Address = address!("0000000000000000000000000000000000000001");
/// Its price: the static call passes exactly this much gas.
pub const ECRECOVER_GAS: u64 = 3_000;
/// Gas kept back beyond a request's `gas` (spec 03 §4).
pub const GAS_MARGIN: u64 = 10_000;
/// EIP-712 domain name.
pub const NAME: &str = "IntegraExecutor";
/// EIP-712 domain version.
pub const DOMAIN_VERSION: &str = "1";
/// What `getExecutorInfo` describes.
pub const DESCRIPTION: &str =
    "Relays allow-listed calls: role-gated (mode A) and EIP-712 signed ERC-2771 requests (mode B)";
/// ERC-5267 fields: name, version, chainId, verifyingContract.
pub const EIP712_FIELDS: u8 = 0x0f;

const fn keccak(s: &str) -> B256 {
    B256::new(
        stylus_sdk::keccak_const::Keccak256::new()
            .update(s.as_bytes())
            .finalize(),
    )
}

/// `keccak256("ForwardRequest(address from,address to,uint256 value,uint256 gas,uint256 nonce,uint48 deadline,bytes data)")`.
pub const FORWARD_REQUEST_TYPEHASH: B256 = keccak(
    "ForwardRequest(address from,address to,uint256 value,uint256 gas,uint256 nonce,uint48 deadline,bytes data)",
);
/// `keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)")`.
pub const DOMAIN_TYPEHASH: B256 =
    keccak("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
const NAME_HASH: B256 = keccak(NAME);
const VERSION_HASH: B256 = keccak(DOMAIN_VERSION);
/// secp256k1's group order n, halved: the largest `s` accepted.
const HALF_ORDER: U256 = U256::from_limbs([
    0xdfe9_2f46_681b_20a0,
    0x5d57_6e73_57a4_501d,
    0xffff_ffff_ffff_ffff,
    0x7fff_ffff_ffff_ffff,
]);

/// ERC-165 id of `IIntegraExecutor` of spec 03 §4 (what the registry's executor check reads).
pub const EXECUTOR_INTERFACE_ID: [u8; 4] = interface_id(&[
    integra_primitives::interfaces::IIntegraExecutor::getExecutorInfoCall::SELECTOR,
    integra_primitives::interfaces::IIntegraExecutor::isLegitimateExecutorCall::SELECTOR,
]);

/// A mode-B request as read from calldata (borrowing its bytes).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Request<'a> {
    /// The signer, on whose behalf the target is called.
    pub from: Address,
    /// The target.
    pub to: Address,
    /// Must be 0.
    pub value: U256,
    /// Gas the target gets.
    pub gas: U256,
    /// Last valid timestamp.
    pub deadline: u64,
    /// Calldata for the target (the sender suffix is appended here).
    pub data: &'a [u8],
    /// 65-byte `r ‖ s ‖ v`.
    pub signature: &'a [u8],
}

impl<'a> Request<'a> {
    /// Reads the tuple whose offset is head word `i` of `a`; `None` when malformed (dirty
    /// address or `uint48` bits, offsets or lengths out of range).
    #[must_use]
    pub fn read(a: Args<'a>, i: usize) -> Option<Self> {
        let offset = usize::try_from(a.u256(i)?).ok()?;
        let t = Args(a.0.get(offset..)?);
        let deadline = t.word(4)?;
        if deadline[..26].iter().any(|b| *b != 0) {
            return None;
        }
        let mut d = [0u8; 8];
        d[2..].copy_from_slice(&deadline[26..]);
        Some(Self {
            from: t.address(0)?,
            to: t.address(1)?,
            value: t.u256(2)?,
            gas: t.u256(3)?,
            deadline: u64::from_be_bytes(d),
            data: t.bytes(5)?,
            signature: t.bytes(6)?,
        })
    }
}

/// `keccak256(abi.encode(FORWARD_REQUEST_TYPEHASH, from, to, value, gas, nonce, deadline,
/// keccak256(data)))`, with `keccak` the hash function (the host's in the contract).
pub fn struct_hash(keccak: impl Fn(&[u8]) -> B256, r: &Request<'_>, nonce: U256) -> B256 {
    let mut buf = [0u8; 256];
    let words: [B256; 8] = [
        FORWARD_REQUEST_TYPEHASH,
        r.from.into_word(),
        r.to.into_word(),
        B256::from(r.value),
        B256::from(r.gas),
        B256::from(nonce),
        B256::from(U256::from(r.deadline)),
        keccak(r.data),
    ];
    for (chunk, w) in buf.chunks_exact_mut(32).zip(words) {
        chunk.copy_from_slice(w.as_slice());
    }
    keccak(&buf)
}

/// The EIP-712 domain separator for `chain_id` and `verifying_contract`.
pub fn domain_separator(
    keccak: impl Fn(&[u8]) -> B256,
    chain_id: u64,
    verifying_contract: Address,
) -> B256 {
    let mut buf = [0u8; 160];
    let words: [B256; 5] = [
        DOMAIN_TYPEHASH,
        NAME_HASH,
        VERSION_HASH,
        B256::from(U256::from(chain_id)),
        verifying_contract.into_word(),
    ];
    for (chunk, w) in buf.chunks_exact_mut(32).zip(words) {
        chunk.copy_from_slice(w.as_slice());
    }
    keccak(&buf)
}

/// `keccak256(0x1901 ‖ domain ‖ struct_hash)`.
pub fn typed_digest(keccak: impl Fn(&[u8]) -> B256, domain: B256, struct_hash: B256) -> B256 {
    let mut buf = [0u8; 66];
    buf[0] = 0x19;
    buf[1] = 0x01;
    buf[2..34].copy_from_slice(domain.as_slice());
    buf[34..].copy_from_slice(struct_hash.as_slice());
    keccak(&buf)
}

/// The `ecrecover` input for a 65-byte `r ‖ s ‖ v` signature, or `None` for any other length,
/// `v ∉ {27, 28}` or `s > n/2`.
#[must_use]
pub fn ecrecover_input(digest: B256, signature: &[u8]) -> Option<[u8; 128]> {
    if signature.len() != 65 {
        return None;
    }
    let v = signature[64];
    if v != 27 && v != 28 {
        return None;
    }
    if U256::from_be_slice(&signature[32..64]) > HALF_ORDER {
        return None;
    }
    let mut input = [0u8; 128];
    input[..32].copy_from_slice(digest.as_slice());
    input[63] = v;
    input[64..].copy_from_slice(&signature[..64]);
    Some(input)
}

fn selector_of(data: &[u8]) -> Option<[u8; 4]> {
    data.get(..4).and_then(|s| s.try_into().ok())
}

fn selector_word(selector: [u8; 4]) -> B256 {
    B256::right_padding_from(&selector)
}

/// The key of `allowedSelectors[target][selector]`: `target ‖ selector ‖ 0…`.
fn call_key(target: Address, selector: [u8; 4]) -> B256 {
    let mut k = [0u8; 32];
    k[..20].copy_from_slice(target.as_slice());
    k[20..24].copy_from_slice(&selector);
    B256::new(k)
}

/// The executor's storage (see the crate docs for the layout).
#[storage]
pub struct IntegraExecutor {
    // Slot 0: 1 + 1 + 1 bytes.
    is_paused: StorageBool,
    entered: StorageBool,
    deployed: StorageBool,
    nonces: StorageMap<Address, StorageU256>,
    allowed_targets: StorageMap<Address, StorageBool>,
    allowed_selectors: StorageMap<B256, StorageBool>,
    access: AccessControl,
}

reentrant_entrypoint!(IntegraExecutor);

impl IntegraExecutor {
    /// Grants `governor` `DEFAULT_ADMIN_ROLE`, `GOVERNOR_ROLE`, `EXECUTOR_ROLE` and
    /// `RELAYER_ROLE` (spec 03 §4 `initialize`, as a constructor: OQ-03-6).
    ///
    /// # Errors
    /// `ZeroAddress` for a zero governor.
    ///
    /// # Events
    /// `RoleGranted` four times.
    pub fn constructor(&mut self, governor: Address) -> Res<()> {
        if governor.is_zero() {
            return Err(ZeroAddress {}.into());
        }
        for role in [
            DEFAULT_ADMIN_ROLE,
            GOVERNOR_ROLE,
            EXECUTOR_ROLE,
            RELAYER_ROLE,
        ] {
            self.access._grant_role(role, governor);
        }
        self.deployed.set(true);
        Ok(())
    }

    /// Mode A: calls `target` with `data` as this contract (`EXECUTOR_ROLE`).
    ///
    /// # Errors
    /// See the crate docs, in that order.
    ///
    /// # Events
    /// `OperationExecuted(msg.sender, target, selector, true, nonce, timestamp)`.
    pub fn execute_operation(&mut self, target: Address, data: &[u8]) -> Res<Vec<u8>> {
        self.enter()?;
        let out = self.execute_operation_inner(target, data);
        self.exit();
        out
    }

    /// Mode B: verifies `req` and calls `req.to` with `req.data ‖ req.from` (`RELAYER_ROLE`).
    ///
    /// # Errors
    /// See the crate docs, in that order.
    ///
    /// # Events
    /// `OperationExecuted(from, to, selector, true, nonce, timestamp)`.
    pub fn execute(&mut self, req: &Request<'_>) -> Res<Vec<u8>> {
        self.enter()?;
        let out = self.execute_inner(req);
        self.exit();
        out
    }

    /// True when `req` would pass every check of `execute` that does not depend on the relayer
    /// (deadline, value, signature with the current nonce, allow-lists).
    #[must_use]
    pub fn verify(&self, req: &Request<'_>) -> bool {
        self.check_request(req).is_ok()
    }

    /// Allows or disallows calls to `target` (`GOVERNOR_ROLE`).
    ///
    /// # Errors
    /// `AccessControlUnauthorizedAccount`; `ZeroAddress`; `TargetNotAllowed(this)` for the
    /// executor itself.
    ///
    /// # Events
    /// `TargetAllowed(target, allowed, timestamp)`.
    pub fn set_target_allowed(&mut self, target: Address, allowed: bool) -> Res<()> {
        self.only_governor()?;
        if target.is_zero() {
            return Err(ZeroAddress {}.into());
        }
        if allowed && target == self.vm().contract_address() {
            return Err(TargetNotAllowed { target }.into());
        }
        self.allowed_targets.setter(target).set(allowed);
        emit(
            self.vm(),
            &[TargetAllowed::SIGNATURE_HASH, target.into_word()],
            &[allowed.into(), self.now().into()],
        );
        Ok(())
    }

    /// Allows or disallows `selector` on `target` (`GOVERNOR_ROLE`).
    ///
    /// # Errors
    /// `AccessControlUnauthorizedAccount`; `ZeroAddress` for a zero target.
    ///
    /// # Events
    /// `SelectorAllowed(target, selector, allowed, timestamp)`.
    pub fn set_selector_allowed(
        &mut self,
        target: Address,
        selector: [u8; 4],
        allowed: bool,
    ) -> Res<()> {
        self.only_governor()?;
        if target.is_zero() {
            return Err(ZeroAddress {}.into());
        }
        self.allowed_selectors
            .setter(call_key(target, selector))
            .set(allowed);
        emit(
            self.vm(),
            &[
                SelectorAllowed::SIGNATURE_HASH,
                target.into_word(),
                selector_word(selector),
            ],
            &[allowed.into(), self.now().into()],
        );
        Ok(())
    }

    /// Pauses both relaying functions (`GOVERNOR_ROLE`).
    ///
    /// # Errors
    /// `AccessControlUnauthorizedAccount`, `EnforcedPause`.
    ///
    /// # Events
    /// `Paused(msg.sender)`.
    pub fn pause(&mut self) -> Res<()> {
        self.set_paused(true)
    }

    /// Resumes relaying (`GOVERNOR_ROLE`).
    ///
    /// # Errors
    /// `AccessControlUnauthorizedAccount`, `ExpectedPause`.
    ///
    /// # Events
    /// `Unpaused(msg.sender)`.
    pub fn unpause(&mut self) -> Res<()> {
        self.set_paused(false)
    }

    /// The next nonce of `owner` (signer in mode B, relayer in mode A).
    #[must_use]
    pub fn nonces(&self, owner: Address) -> U256 {
        self.nonces.get(owner)
    }

    /// True when `target` is allow-listed.
    #[must_use]
    pub fn allowed_targets(&self, target: Address) -> bool {
        self.allowed_targets.get(target)
    }

    /// True when `selector` is allow-listed on `target`.
    #[must_use]
    pub fn allowed_selectors(&self, target: Address, selector: [u8; 4]) -> bool {
        self.allowed_selectors.get(call_key(target, selector))
    }

    /// True while paused.
    #[must_use]
    pub fn paused(&self) -> bool {
        self.is_paused.get()
    }

    /// The EIP-712 domain separator of this deployment on this chain.
    #[must_use]
    pub fn domain_separator(&self) -> B256 {
        let vm = self.vm();
        domain_separator(
            |b| vm.native_keccak256(b),
            vm.chain_id(),
            vm.contract_address(),
        )
    }

    /// The digest `req.from` must have signed for its current nonce.
    #[must_use]
    pub fn digest(&self, req: &Request<'_>) -> B256 {
        let vm = self.vm();
        let sh = struct_hash(|b| vm.native_keccak256(b), req, self.nonces.get(req.from));
        typed_digest(|b| vm.native_keccak256(b), self.domain_separator(), sh)
    }

    /// The address that signed `digest`, or 0 when the signature is malformed or recovery
    /// fails.
    #[must_use]
    pub fn recover(&self, digest: B256, signature: &[u8]) -> Address {
        let Some(input) = ecrecover_input(digest, signature) else {
            return Address::ZERO;
        };
        calls::call(self.vm(), Kind::Static, ECRECOVER, &input, ECRECOVER_GAS)
            .ok()
            .and_then(|out| calls::one_word(&out, |a| a.address(0)))
            .unwrap_or(Address::ZERO)
    }

    /// True when `account` holds `role`.
    #[must_use]
    pub fn has_role(&self, role: B256, account: Address) -> bool {
        self.access.has_role(role, account)
    }

    /// The admin role of `role`.
    #[must_use]
    pub fn get_role_admin(&self, role: B256) -> B256 {
        self.access.get_role_admin(role)
    }

    /// OpenZeppelin `grantRole` (admin of the role, `msg.sender`).
    ///
    /// # Errors
    /// `AccessControlUnauthorizedAccount`.
    ///
    /// # Events
    /// `RoleGranted` when the account did not hold the role.
    pub fn grant_role(&mut self, role: B256, account: Address) -> Res<()> {
        Ok(self.access.grant_role(role, account)?)
    }

    /// OpenZeppelin `revokeRole`.
    ///
    /// # Errors
    /// `AccessControlUnauthorizedAccount`.
    ///
    /// # Events
    /// `RoleRevoked` when the account held the role.
    pub fn revoke_role(&mut self, role: B256, account: Address) -> Res<()> {
        Ok(self.access.revoke_role(role, account)?)
    }

    /// OpenZeppelin `renounceRole`.
    ///
    /// # Errors
    /// `AccessControlBadConfirmation`.
    ///
    /// # Events
    /// `RoleRevoked` when the caller held the role.
    pub fn renounce_role(&mut self, role: B256, confirmation: Address) -> Res<()> {
        Ok(self.access.renounce_role(role, confirmation)?)
    }

    /// ERC-165: itself, `IAccessControl` and the per-document executor interface.
    #[must_use]
    pub fn supports_interface(&self, interface_id: B32) -> bool {
        [
            EXECUTOR_INTERFACE_ID,
            ACCESS_CONTROL_INTERFACE_ID,
            ERC165_INTERFACE_ID,
        ]
        .contains(&interface_id.0)
    }
}

impl IntegraExecutor {
    fn now(&self) -> U256 {
        U256::from(self.vm().block_timestamp())
    }

    /// `whenNotPaused` and `nonReentrant`.
    fn enter(&mut self) -> Res<()> {
        if self.is_paused.get() {
            return Err(EnforcedPause {}.into());
        }
        if self.entered.get() {
            return Err(ReentrancyGuardReentrantCall {}.into());
        }
        self.entered.set(true);
        Ok(())
    }

    fn exit(&mut self) {
        self.entered.set(false);
    }

    fn only_governor(&self) -> Res<()> {
        Ok(self
            .access
            ._check_role(GOVERNOR_ROLE, self.vm().msg_sender())?)
    }

    fn set_paused(&mut self, pause: bool) -> Res<()> {
        self.only_governor()?;
        let sender = self.vm().msg_sender();
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

    /// Target allowed, a selector present, and the pair allowed; returns the selector.
    fn check_call(&self, target: Address, data: &[u8]) -> Res<[u8; 4]> {
        if !self.allowed_targets.get(target) {
            return Err(TargetNotAllowed { target }.into());
        }
        let Some(selector) = selector_of(data) else {
            return Err(InvalidCalldata {}.into());
        };
        if !self.allowed_selectors.get(call_key(target, selector)) {
            return Err(SelectorNotAllowed {
                selector: B32::from(selector),
            }
            .into());
        }
        Ok(selector)
    }

    /// Every check of `execute` that does not depend on the relayer; returns the selector and
    /// the nonce the request was signed with.
    fn check_request(&self, req: &Request<'_>) -> Res<([u8; 4], U256)> {
        if self.vm().block_timestamp() > req.deadline {
            return Err(ExpiredRequest {
                deadline: alloy_primitives::Uint::from_limbs([req.deadline]),
            }
            .into());
        }
        if !req.value.is_zero() {
            return Err(ValueNotSupported {}.into());
        }
        let nonce = self.nonces.get(req.from);
        let signer = self.recover(self.digest(req), req.signature);
        if signer.is_zero() || signer != req.from {
            return Err(InvalidSigner {
                signer,
                from: req.from,
            }
            .into());
        }
        let selector = self.check_call(req.to, req.data)?;
        Ok((selector, nonce))
    }

    /// `nonces[account]++`, returning the value before.
    fn use_nonce(&mut self, account: Address) -> U256 {
        let nonce = self.nonces.get(account);
        // 2^256 uses cannot happen; wrapping keeps the panic path (and its formatting code) out.
        self.nonces
            .setter(account)
            .set(nonce.wrapping_add(U256::from(1)));
        nonce
    }

    fn execute_operation_inner(&mut self, target: Address, data: &[u8]) -> Res<Vec<u8>> {
        let relayer = self.vm().msg_sender();
        self.access._check_role(EXECUTOR_ROLE, relayer)?;
        let selector = self.check_call(target, data)?;
        let nonce = self.use_nonce(relayer);
        // The executor's own address as the ERC-2771 suffix: a target that trusts this contract
        // as its forwarder would otherwise read the data's last 20 bytes as the sender.
        let calldata = with_suffix(data, self.vm().contract_address());
        let out = relay(self.vm(), target, &calldata, u64::MAX)?;
        self.emit_executed(relayer, target, selector, nonce);
        Ok(out)
    }

    fn execute_inner(&mut self, req: &Request<'_>) -> Res<Vec<u8>> {
        self.access
            ._check_role(RELAYER_ROLE, self.vm().msg_sender())?;
        let (selector, nonce) = self.check_request(req)?;
        self.use_nonce(req.from);
        let gas = u64::try_from(req.gas).map_err(|_| Error::from(InsufficientGas {}))?;
        let need = gas
            .checked_add(gas / 63)
            .and_then(|g| g.checked_add(GAS_MARGIN))
            .ok_or(InsufficientGas {})?;
        if self.vm().evm_gas_left() < need {
            return Err(InsufficientGas {}.into());
        }
        let out = relay(self.vm(), req.to, &with_suffix(req.data, req.from), gas)?;
        self.emit_executed(req.from, req.to, selector, nonce);
        Ok(out)
    }

    fn emit_executed(&self, user: Address, target: Address, selector: [u8; 4], nonce: U256) {
        emit(
            self.vm(),
            &[
                OperationExecuted::SIGNATURE_HASH,
                user.into_word(),
                target.into_word(),
                selector_word(selector),
            ],
            &[true.into(), nonce.into(), self.now().into()],
        );
    }
}

/// `data ‖ sender`: ERC-2771 calldata.
fn with_suffix(data: &[u8], sender: Address) -> Vec<u8> {
    let mut calldata = Vec::with_capacity(data.len() + 20);
    calldata.extend_from_slice(data);
    calldata.extend_from_slice(sender.as_slice());
    calldata
}

/// Calls `to` with `calldata`, value 0 and at most `gas`, after flushing the storage cache.
/// Returns all of a success's return data (the caller asked for it); a failure becomes
/// `ExecutionFailed(to, revertData)` with at most [`MAX_REVERT_BUBBLE`] bytes.
fn relay(vm: &dyn Host, to: Address, calldata: &[u8], gas: u64) -> Res<Vec<u8>> {
    vm.flush_cache(false);
    let mut len = 0usize;
    // SAFETY: the pointers are valid for the stated lengths during the call, the cache was
    // flushed, and no storage reference is held across the call.
    let status = unsafe {
        vm.call_contract(
            to.as_ptr(),
            calldata.as_ptr(),
            calldata.len(),
            B256::ZERO.as_ptr(),
            gas,
            &mut len,
        )
    };
    if status == 0 {
        return Ok(if len == 0 {
            Vec::new()
        } else {
            vm.read_return_data(0, Some(len))
        });
    }
    let data = if len == 0 {
        Vec::new()
    } else {
        vm.read_return_data(0, Some(len.min(MAX_REVERT_BUBBLE)))
    };
    Err(ExecutionFailed {
        target: to,
        data: data.into(),
    }
    .into())
}

integra_primitives::compact_router!(IntegraExecutor, dispatch, constructor(s, a) {
    let governor = a.address(0).ok_or_else(Vec::new)?;
    s.constructor(governor).map_err(Vec::from)
});

/// `bytes4` from a head word; dirty low bytes are malformed.
fn bytes4(w: Option<B256>) -> Option<[u8; 4]> {
    let w = w?;
    if w[4..].iter().any(|b| *b != 0) {
        return None;
    }
    Some([w[0], w[1], w[2], w[3]])
}

fn run(r: Res<()>) -> ArbResult {
    r.map(|()| Vec::new()).map_err(Vec::from)
}

/// Routes one call; `a` is the calldata after the selector.
#[allow(clippy::too_many_lines)] // one arm per external function
pub fn dispatch(s: &mut IntegraExecutor, selector: [u8; 4], a: Args<'_>) -> Option<ArbResult> {
    // Malformed argument: revert with empty data, as Solidity's decoder does.
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
    let word = |w: B256| Ok(returns(&[w.into()]));
    Some(match selector {
        executeOperationCall::SELECTOR => {
            let (target, data) = (arg!(a.address(0)), arg!(a.bytes(1)));
            s.execute_operation(target, data)
                .map(|out| returns(&[true.into(), Token::Bytes(&out)]))
                .map_err(Vec::from)
        }
        executeCall::SELECTOR => {
            let req = arg!(Request::read(a, 0));
            s.execute(&req)
                .map(|out| returns(&[Token::Bytes(&out)]))
                .map_err(Vec::from)
        }
        verifyCall::SELECTOR => {
            let req = arg!(Request::read(a, 0));
            Ok(returns(&[s.verify(&req).into()]))
        }
        setTargetAllowedCall::SELECTOR => {
            run(s.set_target_allowed(arg!(a.address(0)), arg!(a.bool(1))))
        }
        setSelectorAllowedCall::SELECTOR => run(s.set_selector_allowed(
            arg!(a.address(0)),
            arg!(bytes4(a.word(1))),
            arg!(a.bool(2)),
        )),
        pauseCall::SELECTOR => run(s.pause()),
        unpauseCall::SELECTOR => run(s.unpause()),
        noncesCall::SELECTOR => Ok(returns(&[s.nonces(arg!(a.address(0))).into()])),
        allowedTargetsCall::SELECTOR => {
            Ok(returns(&[s.allowed_targets(arg!(a.address(0))).into()]))
        }
        allowedSelectorsCall::SELECTOR => Ok(returns(&[s
            .allowed_selectors(arg!(a.address(0)), arg!(bytes4(a.word(1))))
            .into()])),
        pausedCall::SELECTOR => Ok(returns(&[s.paused().into()])),
        eip712DomainCall::SELECTOR => {
            let vm = s.vm();
            Ok(returns(&[
                Token::Word(B256::right_padding_from(&[EIP712_FIELDS])),
                NAME.into(),
                DOMAIN_VERSION.into(),
                vm.chain_id().into(),
                vm.contract_address().into(),
                Token::Word(B256::ZERO),
                Token::Words(&[]),
            ]))
        }
        getExecutorInfoCall::SELECTOR => {
            Ok(returns(&[NAME.into(), VERSION.into(), DESCRIPTION.into()]))
        }
        isLegitimateExecutorCall::SELECTOR => Ok(returns(&[true.into()])),
        VERSIONCall::SELECTOR => Ok(returns(&[VERSION.into()])),
        MAX_BATCH_SIZECall::SELECTOR => Ok(returns(&[U256::from(MAX_BATCH_SIZE).into()])),
        FORWARD_REQUEST_TYPEHASHCall::SELECTOR => word(FORWARD_REQUEST_TYPEHASH),
        GOVERNOR_ROLECall::SELECTOR => word(GOVERNOR_ROLE),
        EXECUTOR_ROLECall::SELECTOR => word(EXECUTOR_ROLE),
        RELAYER_ROLECall::SELECTOR => word(RELAYER_ROLE),
        DEFAULT_ADMIN_ROLECall::SELECTOR => word(DEFAULT_ADMIN_ROLE),
        hasRoleCall::SELECTOR => Ok(returns(&[s
            .has_role(arg!(a.word(0)), arg!(a.address(1)))
            .into()])),
        getRoleAdminCall::SELECTOR => word(s.get_role_admin(arg!(a.word(0)))),
        grantRoleCall::SELECTOR => run(s.grant_role(arg!(a.word(0)), arg!(a.address(1)))),
        revokeRoleCall::SELECTOR => run(s.revoke_role(arg!(a.word(0)), arg!(a.address(1)))),
        renounceRoleCall::SELECTOR => run(s.renounce_role(arg!(a.word(0)), arg!(a.address(1)))),
        supportsInterfaceCall::SELECTOR => {
            let id = arg!(bytes4(a.word(0)));
            Ok(returns(&[s.supports_interface(B32::from(id)).into()]))
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests;
