//! The tokenizer base of spec 10, composed (never copied) by every tokenizer.
//!
//! A tokenizer's storage holds one [`TokenizerBase`] next to its token standard (an
//! openzeppelin-stylus `Erc721`, `Erc1155` or `Erc20`) and its family's reservation records.
//! The base owns everything the eleven tokenizers share:
//! - configuration fixed at construction: document registry, EAS, ERC-2771 forwarder, trust
//!   registry and credential schema; OpenZeppelin `AccessControl` (governor, admin, operator) and
//!   the embedded [`AttestationAccessControl`] (spec 01 §6) that checks every claim;
//! - the **owner-or-executor gate** of spec 10 §5, read from the document registry in one call
//!   (`getTokenizerOwnerExecutor`, the registry's addition to spec 02, instead of
//!   `getTokenizer`, `getDocumentOwner` and `getDocumentExecutor`: two calls and ~9,000 gas
//!   less per reservation or cancel; the checks and their order are the spec's), and the claim
//!   gate's tokenizer binding (D4, `getTokenizer`: the provider has already warmed the record),
//!   named-reservation check and attested-tokenId binding (D6);
//! - the reservation checks of §7 (`InvalidAmount`, `InvalidProcessHash`,
//!   `EncryptedLabelTooLarge`, `ZeroAddress`), pause, the reentrancy guard;
//! - completion (§8): `DocumentComplete` at most once per record, then the trust-credential hook
//!   (best effort: a failing EAS never reverts the claim);
//! - the `tokensOf` holder index ([`IdSet`] per account) and [`AddressSet`] for holder lists;
//! - the lifecycle events with `processHash`, and the common external functions
//!   ([`TokenizerBase::dispatch`]).
//!
//! Token ids of every family are sequential from 1, drawn from one counter
//! ([`TokenizerBase::next_id`]) that shares the configuration slot every lifecycle call reads.
#![cfg_attr(not(any(test, feature = "export-abi")), no_std)]
extern crate alloc;

use alloc::{vec, vec::Vec};

use alloy_primitives::{Address, B256, U256};
use alloy_sol_types::{SolCall, SolEvent};
pub use integra_attestation_access::{self as attestation, AttestationAccessControl, Grant};
use integra_primitives::{
    abi::{emit, returns, Args, Token},
    access::{AccessControl, IAccessControl},
    calls::{self, Kind},
    capabilities::CORE_CLAIM,
    compact_errors, erc2771,
    limits::{page_bounds, MAX_ENCRYPTED_LABEL_LENGTH, MAX_TOKENS_PER_DOCUMENT},
    roles::{DEFAULT_ADMIN_ROLE, GOVERNOR_ROLE, OPERATOR_ROLE},
    VERSION,
};
use stylus_sdk::{
    prelude::*,
    storage::{StorageAddress, StorageB256, StorageBool, StorageMap, StorageU256, StorageU64},
    ArbResult,
};

pub use ITokenizerBase::*;

integra_primitives::contract_interface! {
    /// `IDocumentTokenizer` + `IIntegraTokenizerExt` + the administration every tokenizer
    /// exposes (spec 10 §6, §9).
    interface ITokenizerBase {
        /// `getTokenInfo`'s answer (spec 10 §6).
        #[derive(Debug, PartialEq, Eq)]
        struct TokenInfo {
            bytes32 integraHash;
            uint256 tokenId;
            uint256 totalSupply;
            uint256 reserved;
            address[] holders;
            bytes encryptedLabel;
            address reservedFor;
            bool claimed;
            address claimedBy;
        }

        #[derive(Debug, PartialEq, Eq)]
        event TokenReserved(bytes32 indexed integraHash, uint256 indexed tokenId, address indexed recipient, uint256 amount, bytes32 processHash, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event TokenReservedAnonymous(bytes32 indexed integraHash, uint256 indexed tokenId, uint256 amount, bytes encryptedLabel, bytes32 processHash, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event TokenClaimed(bytes32 indexed integraHash, uint256 indexed tokenId, address indexed claimant, bytes32 capabilityAttestation, bytes32 processHash, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event ReservationCancelled(bytes32 indexed integraHash, uint256 indexed tokenId, uint256 amount, bytes32 processHash, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event DocumentComplete(bytes32 indexed integraHash, uint256 partyCount, bytes32 processHash, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event TrustCredentialIssued(bytes32 indexed integraHash, address indexed party, bytes32 attestationUID, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event TrustCredentialFailed(bytes32 indexed integraHash, address indexed party, bytes reason, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event TrustCredentialsIssued(bytes32 indexed integraHash, uint256 partyCount, uint256 timestamp);
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
        error InvalidAmount(uint256 amount);
        #[derive(Debug, PartialEq, Eq)]
        error InvalidProcessHash();
        #[derive(Debug, PartialEq, Eq)]
        error EncryptedLabelTooLarge(uint256 length, uint256 maximum);
        #[derive(Debug, PartialEq, Eq)]
        error Unauthorized(address caller, bytes32 integraHash);
        #[derive(Debug, PartialEq, Eq)]
        error NotReservedForYou(address caller, address reservedFor);
        #[derive(Debug, PartialEq, Eq)]
        error WrongTokenizer(bytes32 integraHash, address documentTokenizer, address calledTokenizer);
        #[derive(Debug, PartialEq, Eq)]
        error TokenizerNotSet(bytes32 integraHash);
        #[derive(Debug, PartialEq, Eq)]
        error TokenAlreadyReserved(bytes32 integraHash, uint256 tokenId);
        #[derive(Debug, PartialEq, Eq)]
        error TokenNotReserved(bytes32 integraHash, uint256 tokenId);
        #[derive(Debug, PartialEq, Eq)]
        error TokenAlreadyClaimed(bytes32 integraHash, uint256 tokenId);
        #[derive(Debug, PartialEq, Eq)]
        error ZeroAddress();
        #[derive(Debug, PartialEq, Eq)]
        error NotSupported();
        #[derive(Debug, PartialEq, Eq)]
        error AlreadyInitialized();
        #[derive(Debug, PartialEq, Eq)]
        error InvalidTokenId(uint256 tokenId);
        #[derive(Debug, PartialEq, Eq)]
        error AnonymousReservationNotSupported();
        #[derive(Debug, PartialEq, Eq)]
        error DocumentMismatch(bytes32 bound, bytes32 given);
        #[derive(Debug, PartialEq, Eq)]
        error AttestationTokenMismatch(uint256 attested, uint256 claimed);
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

        // ---- IDocumentTokenizer (ERC-165 0x0e322afb) ----
        function reserveToken(bytes32 integraHash, uint256 tokenId, address recipient, uint256 amount, bytes32 processHash) external;
        function reserveTokenAnonymous(bytes32 integraHash, uint256 tokenId, uint256 amount, bytes calldata encryptedLabel, bytes32 processHash) external;
        function claimToken(bytes32 integraHash, uint256 tokenId, bytes32 capabilityAttestationUID, bytes32 processHash) external;
        function cancelReservation(bytes32 integraHash, uint256 tokenId, bytes32 processHash) external;
        function balanceOf(address account, uint256 tokenId) external view returns (uint256);
        function getTokenInfo(bytes32 integraHash, uint256 tokenId) external view returns (TokenInfo memory);
        function getEncryptedLabel(bytes32 integraHash, uint256 tokenId) external view returns (bytes memory);
        function getAllEncryptedLabels(bytes32 integraHash) external view returns (uint256[] memory tokenIds, bytes[] memory labels);
        function getReservedTokens(bytes32 integraHash, address recipient) external view returns (uint256[] memory);
        function getClaimStatus(bytes32 integraHash, uint256 tokenId) external view returns (bool claimed, address claimedBy);
        /// 0 ERC20, 1 ERC721, 2 ERC1155, 3 CUSTOM.
        function tokenType() external view returns (uint8);
        // ---- IIntegraTokenizerExt (ERC-165 0x5d2aef7c) ----
        function balanceOf(address account, bytes32 integraHash) external view returns (uint256);
        function balanceOfDocumentToken(address account, bytes32 integraHash, uint256 tokenId) external view returns (uint256);
        function tokensOf(address account) external view returns (bytes32[] memory integraHashes, uint256[] memory tokenIds, uint256[] memory balances);
        function tokensOfPaged(address account, uint256 offset, uint256 limit) external view returns (bytes32[] memory integraHashes, uint256[] memory tokenIds, uint256[] memory balances);
        function getDocumentHash(uint256 id) external view returns (bytes32);
        function isDocumentComplete(bytes32 integraHash) external view returns (bool);
        // ---- administration ----
        function pause() external;
        function unpause() external;
        function paused() external view returns (bool);
        function VERSION() external view returns (string memory);
        function getVersion() external view returns (string memory);
        function documentRegistry() external view returns (address);
        function eas() external view returns (address);
        function trustedForwarder() external view returns (address);
        function isTrustedForwarder(address forwarder) external view returns (bool);
        function trustRegistry() external view returns (address);
        function credentialSchema() external view returns (bytes32);
        function MAX_ENCRYPTED_LABEL_LENGTH() external view returns (uint256);
        function MAX_TOKENS_PER_DOCUMENT() external view returns (uint256);
        function CAPABILITY_CLAIM_TOKEN() external view returns (uint256);
        function GOVERNOR_ROLE() external view returns (bytes32);
        function OPERATOR_ROLE() external view returns (bytes32);
        function DEFAULT_ADMIN_ROLE() external view returns (bytes32);
        function hasRole(bytes32 role, address account) external view returns (bool);
        function getRoleAdmin(bytes32 role) external view returns (bytes32);
        function grantRole(bytes32 role, address account) external;
        function revokeRole(bytes32 role, address account) external;
        function renounceRole(bytes32 role, address callerConfirmation) external;
        function supportsInterface(bytes4 interfaceId) external view returns (bool);
    }
}

/// The registry views and the EAS call the base makes.
mod external {
    alloy_sol_types::sol! {
        interface IRegistryGate {
            function getTokenizer(bytes32 integraHash) external view returns (address);
            function getDocumentOwner(bytes32 integraHash) external view returns (address);
            function getDocumentExecutor(bytes32 integraHash) external view returns (address);
            /// The document registry's addition to spec 02: the three views above in one call.
            function getTokenizerOwnerExecutor(bytes32 integraHash) external view returns (address tokenizer, address owner, address executor);
        }
        struct AttestationRequestData {
            address recipient;
            uint64 expirationTime;
            bool revocable;
            bytes32 refUID;
            bytes data;
            uint256 value;
        }
        struct AttestationRequest {
            bytes32 schema;
            AttestationRequestData data;
        }
        interface IEASAttest {
            function attest(AttestationRequest request) external payable returns (bytes32);
        }
    }
}
pub use external::{IEASAttest, IRegistryGate};

/// `MAX_ENCRYPTED_LABEL_LENGTH` (spec 10 §10).
pub const MAX_LABEL: usize = MAX_ENCRYPTED_LABEL_LENGTH;
/// `MAX_TOKENS_PER_DOCUMENT` (spec 10 §10): slot range, party cap, ERC-20 recipient cap.
pub const MAX_TOKENS: usize = MAX_TOKENS_PER_DOCUMENT;
/// Validity of a trust credential: 180 days.
pub const CREDENTIAL_VALIDITY: u64 = 180 * 24 * 60 * 60;
/// Gas given to each `EAS.attest` of a trust credential: enough for EAS with a schema resolver,
/// small enough that a failing or greedy EAS cannot starve the claim that triggered it.
pub const CREDENTIAL_GAS: u64 = 500_000;

/// `tokenType()` values (spec 10 §6).
pub mod token_type {
    /// ERC-20.
    pub const ERC20: u8 = 0;
    /// ERC-721.
    pub const ERC721: u8 = 1;
    /// ERC-1155.
    pub const ERC1155: u8 = 2;
    /// Anything else (ERC-6909).
    pub const CUSTOM: u8 = 3;
}

const fn selector(signature: &str) -> [u8; 4] {
    let h = stylus_sdk::keccak_const::Keccak256::new()
        .update(signature.as_bytes())
        .finalize();
    [h[0], h[1], h[2], h[3]]
}

/// ERC-165 id of `IDocumentTokenizer`: the XOR of its 11 selectors (`0x0e322afb`).
pub const DOCUMENT_TOKENIZER_INTERFACE_ID: [u8; 4] = integra_primitives::erc165::interface_id(&[
    selector("reserveToken(bytes32,uint256,address,uint256,bytes32)"),
    selector("reserveTokenAnonymous(bytes32,uint256,uint256,bytes,bytes32)"),
    selector("claimToken(bytes32,uint256,bytes32,bytes32)"),
    selector("cancelReservation(bytes32,uint256,bytes32)"),
    selector("balanceOf(address,uint256)"),
    selector("getTokenInfo(bytes32,uint256)"),
    selector("getEncryptedLabel(bytes32,uint256)"),
    selector("getAllEncryptedLabels(bytes32)"),
    selector("getReservedTokens(bytes32,address)"),
    selector("getClaimStatus(bytes32,uint256)"),
    selector("tokenType()"),
]);

/// ERC-165 id of `IIntegraTokenizerExt` (`0x5d2aef7c`). The published id is the XOR of five
/// of its six selectors: `tokensOfPaged` (added later) is not part of it.
pub const TOKENIZER_EXT_INTERFACE_ID: [u8; 4] = integra_primitives::erc165::interface_id(&[
    selector("balanceOf(address,bytes32)"),
    selector("balanceOfDocumentToken(address,bytes32,uint256)"),
    selector("tokensOf(address)"),
    selector("getDocumentHash(uint256)"),
    selector("isDocumentComplete(bytes32)"),
]);

/// The interface ids every tokenizer reports, besides its family's.
pub const COMMON_INTERFACE_IDS: [[u8; 4]; 4] = [
    integra_primitives::erc165::ERC165_INTERFACE_ID,
    DOCUMENT_TOKENIZER_INTERFACE_ID,
    TOKENIZER_EXT_INTERFACE_ID,
    integra_primitives::erc165::ACCESS_CONTROL_INTERFACE_ID,
];

compact_errors! {
    /// The base's errors (spec 10 §9). Tokenizers wrap them in their own error enums.
    pub enum Error {
        /// Amount 0 or not the family's.
        InvalidAmount(InvalidAmount { amount }),
        /// `processHash == 0`.
        InvalidProcessHash(InvalidProcessHash {}),
        /// Label longer than 500 bytes.
        EncryptedLabelTooLarge(EncryptedLabelTooLarge { length, maximum }),
        /// Neither the record's owner nor its executor.
        Unauthorized(Unauthorized { caller, integraHash }),
        /// A named reservation for someone else.
        NotReservedForYou(NotReservedForYou { caller, reservedFor }),
        /// The registry binds the record to another tokenizer.
        WrongTokenizer(WrongTokenizer { integraHash, documentTokenizer, calledTokenizer }),
        /// The registry binds the record to no tokenizer.
        TokenizerNotSet(TokenizerNotSet { integraHash }),
        /// Slot already reserved.
        TokenAlreadyReserved(TokenAlreadyReserved { integraHash, tokenId }),
        /// Slot not reserved.
        TokenNotReserved(TokenNotReserved { integraHash, tokenId }),
        /// Slot already claimed.
        TokenAlreadyClaimed(TokenAlreadyClaimed { integraHash, tokenId }),
        /// A zero address where one is required.
        ZeroAddress(ZeroAddress {}),
        /// Not offered by this tokenizer.
        NotSupported(NotSupported {}),
        /// Second initialization.
        AlreadyInitialized(AlreadyInitialized {}),
        /// Slot out of 1..100, or a non-zero id where 0 is required.
        InvalidTokenId(InvalidTokenId { tokenId }),
        /// Fungible tokenizers have no anonymous reservations.
        AnonymousReservationNotSupported(AnonymousReservationNotSupported {}),
        /// A fungible instance bound to another record (D2).
        DocumentMismatch(DocumentMismatch { bound, given }),
        /// The attestation names another token id (D6).
        AttestationTokenMismatch(AttestationTokenMismatch { attested, claimed }),
        /// Paused.
        EnforcedPause(EnforcedPause {}),
        /// Not paused.
        ExpectedPause(ExpectedPause {}),
        /// A state-changing function entered again.
        Reentrant(ReentrancyGuardReentrantCall {}),
        /// Missing role.
        MissingRole(AccessControlUnauthorizedAccount { account, neededRole }),
        /// `renounceRole` for someone else.
        BadConfirmation(AccessControlBadConfirmation {}),
        ;
        /// Revert data passed through unchanged (the attestation check, a token standard).
        Raw(bytes)
    }
}
integra_primitives::access_control_errors!(Error);

/// Result of a base method.
pub type Res<T> = Result<T, Error>;

/// Bytes stored as a length and 32-byte words (no `StorageBytes`: its length decoding links
/// 256-bit division and formatting code into every contract that uses it).
#[storage]
pub struct WordBytes {
    len: StorageU64,
    words: StorageMap<U256, StorageB256>,
}

impl WordBytes {
    /// Replaces the contents with `bytes` (clearing words no longer used).
    pub fn set(&mut self, bytes: &[u8]) {
        let old = usize::try_from(self.len.get().as_limbs()[0])
            .unwrap_or(0)
            .div_ceil(32);
        let new = bytes.len().div_ceil(32);
        for (i, chunk) in bytes.chunks(32).enumerate() {
            self.words
                .setter(U256::from(i))
                .set(B256::right_padding_from(chunk));
        }
        for i in new..old {
            self.words.delete(U256::from(i));
        }
        self.len
            .set(alloy_primitives::Uint::from_limbs([bytes.len() as u64]));
    }

    /// The contents.
    #[must_use]
    pub fn get(&self) -> Vec<u8> {
        let len = usize::try_from(self.len.get().as_limbs()[0]).unwrap_or(0);
        let mut out = Vec::with_capacity(len.div_ceil(32) * 32);
        for i in 0..len.div_ceil(32) {
            out.extend_from_slice(self.words.get(U256::from(i)).as_slice());
        }
        out.truncate(len);
        out
    }
}

/// A list of words with an explicit length (no `StorageVec`, whose length conversion links
/// formatting code).
#[storage]
pub struct WordList {
    len: StorageU64,
    items: StorageMap<U256, StorageB256>,
}

impl WordList {
    fn len(&self) -> usize {
        usize::try_from(self.len.get().as_limbs()[0]).unwrap_or(0)
    }

    fn set_len(&mut self, n: usize) {
        self.len.set(alloy_primitives::Uint::from_limbs([n as u64]));
    }

    fn get(&self, i: usize) -> B256 {
        self.items.get(U256::from(i))
    }

    fn set(&mut self, i: usize, w: B256) {
        self.items.setter(U256::from(i)).set(w);
    }

    fn push(&mut self, w: B256) -> usize {
        let n = self.len();
        self.set(n, w);
        self.set_len(n + 1);
        n + 1
    }

    /// Removes position `index` (0-based) by moving the last word there; returns the moved word.
    fn swap_remove(&mut self, index: usize) -> Option<B256> {
        let last = self.len().checked_sub(1)?;
        let moved = (index != last).then(|| {
            let w = self.get(last);
            self.set(index, w);
            w
        });
        self.items.delete(U256::from(last));
        self.set_len(last);
        moved
    }
}

/// A set of ids with O(1) insert and remove (swap-and-pop): the `tokensOf` index of one account.
#[storage]
pub struct IdSet {
    items: WordList,
    /// Index + 1 of each member.
    pos: StorageMap<U256, StorageU256>,
}

impl IdSet {
    /// Adds `id` (no-op when present).
    pub fn insert(&mut self, id: U256) {
        if !self.pos.get(id).is_zero() {
            return;
        }
        let len = self.items.push(B256::from(id));
        self.pos.setter(id).set(U256::from(len));
    }

    /// Removes `id` (no-op when absent).
    pub fn remove(&mut self, id: U256) {
        let pos = self.pos.get(id);
        let Ok(index) = usize::try_from(pos) else {
            return;
        };
        if index == 0 {
            return;
        }
        if let Some(moved) = self.items.swap_remove(index - 1) {
            self.pos.setter(U256::from_be_bytes(moved.0)).set(pos);
        }
        self.pos.delete(id);
    }

    /// Members in storage order.
    #[must_use]
    pub fn to_vec(&self) -> Vec<U256> {
        self.page(0..self.items.len())
    }

    /// Members `range` (clamped by the caller with `page_bounds`).
    #[must_use]
    pub fn page(&self, range: core::ops::Range<usize>) -> Vec<U256> {
        range
            .map(|i| U256::from_be_bytes(self.items.get(i).0))
            .collect()
    }

    /// Number of members.
    #[must_use]
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True when empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.items.len() == 0
    }
}

/// A set of addresses with O(1) insert and remove: holder lists and trust-graph parties.
#[storage]
pub struct AddressSet {
    items: WordList,
    pos: StorageMap<Address, StorageU256>,
}

impl AddressSet {
    /// Adds `a`; false when already present.
    pub fn insert(&mut self, a: Address) -> bool {
        if !self.pos.get(a).is_zero() {
            return false;
        }
        let len = self.items.push(a.into_word());
        self.pos.setter(a).set(U256::from(len));
        true
    }

    /// Removes `a` (no-op when absent).
    pub fn remove(&mut self, a: Address) {
        let pos = self.pos.get(a);
        let Ok(index) = usize::try_from(pos) else {
            return;
        };
        if index == 0 {
            return;
        }
        if let Some(moved) = self.items.swap_remove(index - 1) {
            self.pos.setter(Address::from_word(moved)).set(pos);
        }
        self.pos.delete(a);
    }

    /// True when `a` is a member.
    #[must_use]
    pub fn contains(&self, a: Address) -> bool {
        !self.pos.get(a).is_zero()
    }

    /// Members in storage order.
    #[must_use]
    pub fn to_vec(&self) -> Vec<Address> {
        (0..self.items.len())
            .map(|i| Address::from_word(self.items.get(i)))
            .collect()
    }

    /// Number of members.
    #[must_use]
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True when empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.items.len() == 0
    }
}

/// Construction arguments shared by every tokenizer (spec 11 `initialize`, [TD] order plus the
/// new trailing parameters).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    /// Receives `DEFAULT_ADMIN_ROLE`, `GOVERNOR_ROLE` and `OPERATOR_ROLE`.
    pub governor: Address,
    /// The document registry (spec 02).
    pub document_registry: Address,
    /// The capability namespace (spec 01 §1).
    pub namespace: Address,
    /// The provider registry (`IntegraRegistry`).
    pub provider_registry: Address,
    /// The default attestation provider id.
    pub default_provider_id: B256,
    /// EAS (trust credentials; 0 allowed when the trust graph is unused).
    pub eas: Address,
    /// ERC-2771 forwarder, 0 disables (D7).
    pub trusted_forwarder: Address,
    /// Trust registry, 0 disables the trust graph.
    pub trust_registry: Address,
    /// Credential schema, 0 = no attest call.
    pub credential_schema: B256,
    /// ERC-721/1155 metadata base URI.
    pub base_uri: alloc::string::String,
}

/// The base's storage (spec 10 §4).
#[storage]
pub struct TokenizerBase {
    // One slot, read by every lifecycle call: 20 + 8 + 1 + 1 + 1 bytes.
    trusted_forwarder: StorageAddress,
    last_id: StorageU64,
    is_paused: StorageBool,
    entered: StorageBool,
    initialized: StorageBool,
    document_registry: StorageAddress,
    eas: StorageAddress,
    trust_registry: StorageAddress,
    credential_schema: StorageB256,
    /// OpenZeppelin access control (governor, admin, operator).
    pub access: AccessControl,
    /// The capability check of every claim (spec 01 §6).
    pub attestation: AttestationAccessControl,
    base_uri: WordBytes,
    held: StorageMap<Address, IdSet>,
    completed: StorageMap<B256, StorageBool>,
    parties: StorageMap<B256, AddressSet>,
    credentials_issued: StorageMap<B256, StorageBool>,
}

fn now_word(ts: u64) -> U256 {
    U256::from(ts)
}

impl TokenizerBase {
    /// Sets the base up (once, from the tokenizer's constructor).
    ///
    /// # Errors
    /// `AlreadyInitialized`; `ZeroAddress` for a zero governor or registry; the attestation
    /// component's `ZeroAddress` / `InvalidProviderId`.
    ///
    /// # Events
    /// `RoleGranted` for `DEFAULT_ADMIN_ROLE`, `GOVERNOR_ROLE` and `OPERATOR_ROLE`.
    pub fn initialize(&mut self, c: &Config) -> Res<()> {
        if self.initialized.get() {
            return Err(AlreadyInitialized {}.into());
        }
        if c.governor.is_zero() || c.document_registry.is_zero() {
            return Err(ZeroAddress {}.into());
        }
        self.attestation
            .initialize(
                &mut self.access,
                c.namespace,
                c.provider_registry,
                c.default_provider_id,
                c.governor,
            )
            .map_err(Error::Raw)?;
        self.access._grant_role(OPERATOR_ROLE, c.governor);
        self.initialized.set(true);
        self.trusted_forwarder.set(c.trusted_forwarder);
        self.document_registry.set(c.document_registry);
        self.eas.set(c.eas);
        self.trust_registry.set(c.trust_registry);
        self.credential_schema.set(c.credential_schema);
        self.base_uri.set(c.base_uri.as_bytes());
        Ok(())
    }

    /// The ERC-2771 sender of a call whose arguments (after the selector) are `args`.
    #[must_use]
    #[inline(never)]
    pub fn sender_of(&self, args: &[u8]) -> Address {
        erc2771::sender_from_args(self.vm().msg_sender(), self.trusted_forwarder.get(), args)
    }

    /// Block timestamp as a word.
    #[must_use]
    #[inline(never)]
    pub fn now(&self) -> U256 {
        now_word(self.vm().block_timestamp())
    }

    /// The next token id (sequential from 1, never reused).
    ///
    /// # Errors
    /// `NotSupported` after `2^64 − 1` ids (unreachable in practice).
    pub fn next_id(&mut self) -> Res<U256> {
        let last = self.last_id.get().as_limbs()[0];
        let next = last.checked_add(1).ok_or(Error::from(NotSupported {}))?;
        self.last_id.set(alloy_primitives::Uint::from_limbs([next]));
        Ok(U256::from(next))
    }

    /// The most recently assigned token id (0 before the first).
    #[must_use]
    pub fn last_id(&self) -> U256 {
        U256::from(self.last_id.get().as_limbs()[0])
    }

    // ------------------------------------------------------------ guards (§5, §7)

    /// `whenNotPaused` plus a refusal while a guarded function runs (a receiver callback
    /// re-entering). Sets nothing: for functions whose only outgoing calls are static.
    ///
    /// # Errors
    /// `EnforcedPause`, `ReentrancyGuardReentrantCall`.
    #[inline(never)]
    pub fn not_paused_nor_entered(&self) -> Res<()> {
        if self.is_paused.get() {
            return Err(EnforcedPause {}.into());
        }
        if self.entered.get() {
            return Err(ReentrancyGuardReentrantCall {}.into());
        }
        Ok(())
    }

    /// `whenNotPaused` and `nonReentrant` for functions that call out (claims).
    ///
    /// # Errors
    /// `EnforcedPause`, `ReentrancyGuardReentrantCall`.
    #[inline(never)]
    pub fn enter(&mut self) -> Res<()> {
        self.not_paused_nor_entered()?;
        self.entered.set(true);
        Ok(())
    }

    /// Leaves the guarded section.
    #[inline(never)]
    pub fn exit(&mut self) {
        self.entered.set(false);
    }

    /// `processHash != 0`.
    ///
    /// # Errors
    /// `InvalidProcessHash`.
    pub fn check_process_hash(process_hash: B256) -> Res<()> {
        if process_hash.is_zero() {
            return Err(InvalidProcessHash {}.into());
        }
        Ok(())
    }

    fn registry_call(&self, selector: [u8; 4], h: B256) -> Res<Vec<u8>> {
        let data = calls::calldata(selector, &[h.into()]);
        calls::call(
            self.vm(),
            Kind::Static,
            self.document_registry.get(),
            &data,
            u64::MAX,
        )
        .map_err(Error::Raw)
    }

    /// Step 1 of the gate on the registry's answer `t`: `TokenizerNotSet` / `WrongTokenizer`.
    fn check_binding(&self, h: B256, t: Address) -> Res<()> {
        if t.is_zero() {
            return Err(TokenizerNotSet { integraHash: h }.into());
        }
        let this = self.vm().contract_address();
        if t != this {
            return Err(WrongTokenizer {
                integraHash: h,
                documentTokenizer: t,
                calledTokenizer: this,
            }
            .into());
        }
        Ok(())
    }

    /// Step 1 of the gate (and D4 of the claim gate): the registry binds `h` to this contract
    /// (`getTokenizer`: the claim has already warmed the record's slot through the provider, so
    /// this reads one slot less than the gate's combined view).
    ///
    /// # Errors
    /// `TokenizerNotSet`, `WrongTokenizer`.
    #[inline(never)]
    pub fn require_bound(&self, h: B256) -> Res<()> {
        let out = self.registry_call(IRegistryGate::getTokenizerCall::SELECTOR, h)?;
        // A registry that answers garbage is treated as answering zero.
        let t = calls::one_word(&out, |a| a.address(0)).unwrap_or_default();
        self.check_binding(h, t)
    }

    /// The owner-or-executor gate of spec 10 §5: bound to this contract, then the record's
    /// owner or its non-zero executor. The governor has no bypass. One registry call,
    /// `getTokenizerOwnerExecutor` (the document registry's addition to spec 02), instead of
    /// `getTokenizer`, `getDocumentOwner` and `getDocumentExecutor`; the checks and their
    /// order are the spec's.
    ///
    /// # Errors
    /// `TokenizerNotSet`, `WrongTokenizer`, `Unauthorized`.
    #[inline(never)]
    pub fn require_owner_or_executor(&self, sender: Address, h: B256) -> Res<()> {
        let out = self.registry_call(IRegistryGate::getTokenizerOwnerExecutorCall::SELECTOR, h)?;
        // A registry that answers garbage (or too little) is treated as answering zeros.
        let a = Args(&out);
        let word = |i| {
            if out.len() < 96 {
                return Address::ZERO;
            }
            a.address(i).unwrap_or_default()
        };
        self.check_binding(h, word(0))?;
        let (owner, e) = (word(1), word(2));
        if !owner.is_zero() && owner == sender {
            return Ok(());
        }
        if !e.is_zero() && e == sender {
            return Ok(());
        }
        Err(Unauthorized {
            caller: sender,
            integraHash: h,
        }
        .into())
    }

    /// Every reservation check of spec 10 §7 before the family's: pause and guard, the gate,
    /// `amount == 0` (unless `zero_ok`), `processHash`, label length, zero named recipient.
    ///
    /// # Errors
    /// `EnforcedPause`, `ReentrancyGuardReentrantCall`, the gate's errors, `InvalidAmount(0)`,
    /// `InvalidProcessHash`, `EncryptedLabelTooLarge`, `ZeroAddress`.
    #[inline(never)]
    #[allow(clippy::too_many_arguments)] // the spec's checks, each an argument of the call
    pub fn validate_reservation(
        &self,
        sender: Address,
        h: B256,
        amount: U256,
        zero_ok: bool,
        process_hash: B256,
        label_len: usize,
        recipient: Option<Address>,
    ) -> Res<()> {
        self.not_paused_nor_entered()?;
        self.require_owner_or_executor(sender, h)?;
        if amount.is_zero() && !zero_ok {
            return Err(InvalidAmount { amount }.into());
        }
        Self::check_process_hash(process_hash)?;
        if label_len > MAX_LABEL {
            return Err(EncryptedLabelTooLarge {
                length: U256::from(label_len),
                maximum: U256::from(MAX_LABEL),
            }
            .into());
        }
        if recipient.is_some_and(|r| r.is_zero()) {
            return Err(ZeroAddress {}.into());
        }
        Ok(())
    }

    /// The cancel gate: pause, guard, owner-or-executor, `processHash`.
    ///
    /// # Errors
    /// As [`Self::validate_reservation`] minus the amount and label checks.
    #[inline(never)]
    pub fn validate_cancel(&self, sender: Address, h: B256, process_hash: B256) -> Res<()> {
        self.not_paused_nor_entered()?;
        self.require_owner_or_executor(sender, h)?;
        Self::check_process_hash(process_hash)
    }

    /// The claim gate's common part, in the spec's order (spec 10 §5): enters the guard (the
    /// caller must [`Self::exit`] on every path), then the capability check through the
    /// attestation component (subject = `sender`, `CORE_CLAIM`, `uid`), the tokenizer binding
    /// (D4) and `processHash`. Returns the attested token id (0 = any) for
    /// [`Self::check_attested_token`].
    ///
    /// `reserved`: the family holds a reservation of `h`. A reservation passed the gate, so the
    /// registry bound `h` to this contract then, and the binding is one-way (spec 02: "Tokenizer:
    /// Unset → Set, one-way"; the registry is fixed at construction): D4 cannot fail and its
    /// registry call is skipped (~7,200 gas per claim). Without a reservation D4 runs, with every
    /// error in its order.
    ///
    /// # Errors
    /// `EnforcedPause`, `ReentrancyGuardReentrantCall` (guard not entered), the attestation
    /// component's errors or the provider's revert data, `TokenizerNotSet`, `WrongTokenizer`,
    /// `InvalidProcessHash`.
    #[inline(never)]
    pub fn begin_claim(
        &mut self,
        sender: Address,
        h: B256,
        uid: B256,
        process_hash: B256,
        reserved: bool,
    ) -> Res<U256> {
        self.enter()?;
        let r = (|| {
            let grant = self
                .attestation
                .require_capability(sender, h, CORE_CLAIM, uid)
                .map_err(Error::Raw)?;
            if !reserved {
                self.require_bound(h)?;
            }
            Self::check_process_hash(process_hash)?;
            Ok(grant.attested_token_id)
        })();
        if r.is_err() {
            self.exit();
        }
        r
    }

    /// Named reservation: only `reserved_for` claims (anonymous: `reserved_for == 0`, anyone).
    ///
    /// # Errors
    /// `NotReservedForYou`.
    pub fn check_claimant(sender: Address, reserved_for: Address) -> Res<()> {
        if !reserved_for.is_zero() && reserved_for != sender {
            return Err(NotReservedForYou {
                caller: sender,
                reservedFor: reserved_for,
            }
            .into());
        }
        Ok(())
    }

    /// D6: the attested token id must be 0 ("any") or the API token id claimed.
    ///
    /// # Errors
    /// `AttestationTokenMismatch`.
    pub fn check_attested_token(attested: U256, claimed: U256) -> Res<()> {
        if !attested.is_zero() && attested != claimed {
            return Err(AttestationTokenMismatch { attested, claimed }.into());
        }
        Ok(())
    }

    // ------------------------------------------------------------ events (§9)

    /// `TokenReserved` or, with a label, `TokenReservedAnonymous`.
    pub fn emit_reserved(
        &self,
        h: B256,
        token_id: U256,
        recipient: Option<Address>,
        amount: U256,
        label: &[u8],
        process_hash: B256,
    ) {
        let ts = self.now();
        match recipient {
            Some(r) => emit(
                self.vm(),
                &[
                    TokenReserved::SIGNATURE_HASH,
                    h,
                    token_id.into(),
                    r.into_word(),
                ],
                &[amount.into(), process_hash.into(), ts.into()],
            ),
            None => emit(
                self.vm(),
                &[TokenReservedAnonymous::SIGNATURE_HASH, h, token_id.into()],
                &[
                    amount.into(),
                    Token::Bytes(label),
                    process_hash.into(),
                    ts.into(),
                ],
            ),
        }
    }

    /// `TokenClaimed`.
    pub fn emit_claimed(
        &self,
        h: B256,
        token_id: U256,
        claimant: Address,
        uid: B256,
        process_hash: B256,
    ) {
        emit(
            self.vm(),
            &[
                TokenClaimed::SIGNATURE_HASH,
                h,
                token_id.into(),
                claimant.into_word(),
            ],
            &[uid.into(), process_hash.into(), self.now().into()],
        );
    }

    /// `ReservationCancelled`.
    pub fn emit_cancelled(&self, h: B256, token_id: U256, amount: U256, process_hash: B256) {
        emit(
            self.vm(),
            &[ReservationCancelled::SIGNATURE_HASH, h, token_id.into()],
            &[amount.into(), process_hash.into(), self.now().into()],
        );
    }

    // ------------------------------------------------------------ completion (§8)

    /// Step 1 of the completion hook (spec 10 §8), after every successful claim or cancel:
    /// when `complete` and not yet emitted, `DocumentComplete(h, partyCount, processHash, now)`.
    /// Returns whether it fired (at most once per record).
    ///
    /// # Events
    /// `DocumentComplete`.
    pub fn complete(
        &mut self,
        h: B256,
        complete: bool,
        party_count: U256,
        process_hash: B256,
    ) -> bool {
        if !complete || self.completed.get(h) {
            return false;
        }
        self.completed.setter(h).set(true);
        self.emit_complete(h, party_count, process_hash);
        true
    }

    /// `DocumentComplete(h, partyCount, processHash, now)` without the once-flag: for families
    /// whose state already makes completion happen once (an NFT record mints once).
    pub fn emit_complete(&self, h: B256, party_count: U256, process_hash: B256) {
        emit(
            self.vm(),
            &[DocumentComplete::SIGNATURE_HASH, h],
            &[party_count.into(), process_hash.into(), self.now().into()],
        );
    }

    /// Step 2, for tokenizers with the trust graph: stops when the trust registry is 0 or the
    /// record's credentials were issued; records a claimant as a party (dedupe, ≤ 100); when
    /// `fired` (step 1 fired in this call), marks the record issued **before** calling EAS,
    /// then one credential per party — best effort: a failure is an event, never a revert.
    ///
    /// # Events
    /// `TrustCredentialIssued` / `TrustCredentialFailed` per party, then
    /// `TrustCredentialsIssued`.
    pub fn trust_hook(&mut self, h: B256, claimant: Option<Address>, fired: bool) {
        if self.trust_registry.get().is_zero() || self.credentials_issued.get(h) {
            return;
        }
        if let Some(c) = claimant {
            let mut parties = self.parties.setter(h);
            if parties.len() < MAX_TOKENS {
                parties.insert(c);
            }
        }
        if fired {
            self.credentials_issued.setter(h).set(true);
            self.issue_credentials(h);
        }
    }

    fn issue_credentials(&mut self, h: B256) {
        let parties = self.parties.getter(h).to_vec();
        let schema = self.credential_schema.get();
        let eas = self.eas.get();
        let ts = self.vm().block_timestamp();
        let chain = self.vm().chain_id();
        for party in &parties {
            if schema.is_zero() {
                continue;
            }
            let preimage = integra_primitives::abi::encode(&[
                h.into(),
                (*party).into(),
                ts.into(),
                chain.into(),
            ]);
            let credential = self.vm().native_keccak256(&preimage);
            let data = integra_primitives::abi::encode(&[credential.into()]);
            let inner = [
                (*party).into(),
                ts.saturating_add(CREDENTIAL_VALIDITY).into(),
                true.into(),
                B256::ZERO.into(),
                Token::Bytes(&data),
                U256::ZERO.into(),
            ];
            let request = [schema.into(), Token::Tuple(&inner)];
            let calldata =
                calls::calldata(IEASAttest::attestCall::SELECTOR, &[Token::Tuple(&request)]);
            let result = calls::call(
                self.vm(),
                Kind::Call(U256::ZERO),
                eas,
                &calldata,
                CREDENTIAL_GAS,
            );
            let now = now_word(ts);
            match result {
                Ok(out) if out.len() >= 32 => emit(
                    self.vm(),
                    &[TrustCredentialIssued::SIGNATURE_HASH, h, party.into_word()],
                    &[B256::from_slice(&out[..32]).into(), now.into()],
                ),
                Ok(out) | Err(out) => {
                    let reason: &[u8] = if out.is_empty() {
                        calls::UNKNOWN_ERROR.as_bytes()
                    } else {
                        &out
                    };
                    emit(
                        self.vm(),
                        &[TrustCredentialFailed::SIGNATURE_HASH, h, party.into_word()],
                        &[Token::Bytes(reason), now.into()],
                    );
                }
            }
        }
        emit(
            self.vm(),
            &[TrustCredentialsIssued::SIGNATURE_HASH, h],
            &[U256::from(parties.len()).into(), now_word(ts).into()],
        );
    }

    /// True once `DocumentComplete` was emitted for `h`.
    #[must_use]
    pub fn is_document_complete(&self, h: B256) -> bool {
        self.completed.get(h)
    }

    /// The trust-graph parties of `h` (claimants, ≤ 100).
    #[must_use]
    pub fn parties_of(&self, h: B256) -> Vec<Address> {
        self.parties.getter(h).to_vec()
    }

    /// True once credentials were issued for `h`.
    #[must_use]
    pub fn credentials_issued(&self, h: B256) -> bool {
        self.credentials_issued.get(h)
    }

    // ------------------------------------------------------------ holder index

    /// Keeps `tokensOf(account)` in step with a balance: listed iff `balance > 0`.
    pub fn sync_held(&mut self, account: Address, id: U256, balance: U256) {
        if account.is_zero() {
            return;
        }
        let mut set = self.held.setter(account);
        if balance.is_zero() {
            set.remove(id);
        } else {
            set.insert(id);
        }
    }

    /// The on-chain ids `account` holds, in index order.
    #[must_use]
    pub fn held_ids(&self, account: Address) -> Vec<U256> {
        self.held.getter(account).to_vec()
    }

    /// `tokensOf` / `tokensOfPaged` from the base's index (slot family).
    pub fn tokens_of(
        &self,
        account: Address,
        page: Option<(U256, U256)>,
        lookup: impl Fn(U256) -> (B256, U256, U256),
    ) -> Vec<u8> {
        let set = self.held.getter(account);
        let ids = match page {
            None => set.to_vec(),
            Some((offset, limit)) => set.page(page_bounds(set.len(), offset, limit)),
        };
        encode_tokens_of(&ids, lookup)
    }

    // ------------------------------------------------------------ governance

    /// `pause` / `unpause` (GOVERNOR).
    ///
    /// # Errors
    /// `AccessControlUnauthorizedAccount`, `EnforcedPause`, `ExpectedPause`.
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

    /// True when paused.
    #[must_use]
    pub fn paused(&self) -> bool {
        self.is_paused.get()
    }

    /// GOVERNOR check.
    ///
    /// # Errors
    /// `AccessControlUnauthorizedAccount(sender, GOVERNOR_ROLE)`.
    pub fn only_governor(&self, sender: Address) -> Res<()> {
        Ok(self.access._check_role(GOVERNOR_ROLE, sender)?)
    }

    /// The metadata base URI.
    #[must_use]
    pub fn base_uri(&self) -> alloc::string::String {
        // Only ever set from a `&str`.
        alloc::string::String::from_utf8(self.base_uri.get()).unwrap_or_default()
    }

    /// Sets the metadata base URI (GOVERNOR).
    ///
    /// # Errors
    /// `AccessControlUnauthorizedAccount`.
    pub fn set_base_uri(&mut self, sender: Address, uri: &str) -> Res<()> {
        self.only_governor(sender)?;
        self.base_uri.set(uri.as_bytes());
        Ok(())
    }

    /// The document registry.
    #[must_use]
    pub fn document_registry(&self) -> Address {
        self.document_registry.get()
    }

    /// The common external functions: administration, access control, the attestation
    /// component's functions, `isDocumentComplete`. `None` for a selector it does not serve.
    /// The union of [`Self::dispatch_admin`] and [`Self::dispatch_view`].
    pub fn dispatch(
        &mut self,
        sender: Address,
        selector: [u8; 4],
        a: Args<'_>,
    ) -> Option<ArbResult> {
        if let Some(out) = self.dispatch_admin(sender, selector, a) {
            return Some(out);
        }
        self.dispatch_view(selector, a)
    }

    /// The common functions a tokenizer serves itself: the writes (pause, roles, the
    /// attestation component's governance), `paused`, `isDocumentComplete`. A tokenizer that
    /// runs its views in a lens routes [`VIEW_SELECTORS`] there instead.
    pub fn dispatch_admin(
        &mut self,
        sender: Address,
        selector: [u8; 4],
        a: Args<'_>,
    ) -> Option<ArbResult> {
        macro_rules! arg {
            ($e:expr) => {
                match $e {
                    Some(v) => v,
                    None => return Some(Err(Vec::new())),
                }
            };
        }
        let ret = |t: Token<'_>| Ok(returns(&[t]));
        let run = |r: Res<()>| r.map(|()| Vec::new()).map_err(Vec::from);
        let out = match selector {
            pauseCall::SELECTOR | unpauseCall::SELECTOR => {
                run(self.set_paused(sender, selector == pauseCall::SELECTOR))
            }
            pausedCall::SELECTOR => ret(self.paused().into()),
            grantRoleCall::SELECTOR | revokeRoleCall::SELECTOR => {
                let (role, account) = (arg!(a.word(0)), arg!(a.address(1)));
                run((|| {
                    self.access
                        ._check_role(self.access.get_role_admin(role), sender)?;
                    if selector == grantRoleCall::SELECTOR {
                        self.access._grant_role(role, account);
                    } else {
                        self.access._revoke_role(role, account);
                    }
                    Ok(())
                })())
            }
            renounceRoleCall::SELECTOR => {
                let (role, confirmation) = (arg!(a.word(0)), arg!(a.address(1)));
                run(if confirmation == sender {
                    self.access._revoke_role(role, sender);
                    Ok(())
                } else {
                    Err(AccessControlBadConfirmation {}.into())
                })
            }
            isDocumentCompleteCall::SELECTOR => ret(self.completed.get(arg!(a.word(0))).into()),
            _ => {
                return self
                    .attestation
                    .dispatch_admin(&mut self.access, sender, selector, a)
            }
        };
        Some(out)
    }

    /// The common views of [`VIEW_SELECTORS`]: configuration, constants, role reads and the
    /// attestation component's views. `None` for any other selector.
    #[must_use]
    pub fn dispatch_view(&self, selector: [u8; 4], a: Args<'_>) -> Option<ArbResult> {
        macro_rules! arg {
            ($e:expr) => {
                match $e {
                    Some(v) => v,
                    None => return Some(Err(Vec::new())),
                }
            };
        }
        let ret = |t: Token<'_>| Ok(returns(&[t]));
        let out = match selector {
            VERSIONCall::SELECTOR | getVersionCall::SELECTOR => ret(VERSION.into()),
            documentRegistryCall::SELECTOR => ret(self.document_registry.get().into()),
            easCall::SELECTOR => ret(self.eas.get().into()),
            trustedForwarderCall::SELECTOR => ret(self.trusted_forwarder.get().into()),
            isTrustedForwarderCall::SELECTOR => ret(erc2771::is_trusted_forwarder(
                self.trusted_forwarder.get(),
                arg!(a.address(0)),
            )
            .into()),
            trustRegistryCall::SELECTOR => ret(self.trust_registry.get().into()),
            credentialSchemaCall::SELECTOR => ret(self.credential_schema.get().into()),
            MAX_ENCRYPTED_LABEL_LENGTHCall::SELECTOR => ret(U256::from(MAX_LABEL).into()),
            MAX_TOKENS_PER_DOCUMENTCall::SELECTOR => ret(U256::from(MAX_TOKENS).into()),
            CAPABILITY_CLAIM_TOKENCall::SELECTOR => ret(CORE_CLAIM.into()),
            GOVERNOR_ROLECall::SELECTOR => ret(GOVERNOR_ROLE.into()),
            OPERATOR_ROLECall::SELECTOR => ret(OPERATOR_ROLE.into()),
            DEFAULT_ADMIN_ROLECall::SELECTOR => ret(DEFAULT_ADMIN_ROLE.into()),
            hasRoleCall::SELECTOR => ret(self
                .access
                .has_role(arg!(a.word(0)), arg!(a.address(1)))
                .into()),
            getRoleAdminCall::SELECTOR => ret(self.access.get_role_admin(arg!(a.word(0))).into()),
            _ => return self.attestation.dispatch_view(selector, a),
        };
        Some(out)
    }
}

const OWN_VIEW_SELECTORS: [[u8; 4]; 16] = [
    VERSIONCall::SELECTOR,
    getVersionCall::SELECTOR,
    documentRegistryCall::SELECTOR,
    easCall::SELECTOR,
    trustedForwarderCall::SELECTOR,
    isTrustedForwarderCall::SELECTOR,
    trustRegistryCall::SELECTOR,
    credentialSchemaCall::SELECTOR,
    MAX_ENCRYPTED_LABEL_LENGTHCall::SELECTOR,
    MAX_TOKENS_PER_DOCUMENTCall::SELECTOR,
    CAPABILITY_CLAIM_TOKENCall::SELECTOR,
    GOVERNOR_ROLECall::SELECTOR,
    OPERATOR_ROLECall::SELECTOR,
    DEFAULT_ADMIN_ROLECall::SELECTOR,
    hasRoleCall::SELECTOR,
    getRoleAdminCall::SELECTOR,
];

/// The selectors [`TokenizerBase::dispatch_view`] serves (the attestation component's
/// [`attestation::VIEW_SELECTORS`] included).
pub const VIEW_SELECTORS: [[u8; 4]; OWN_VIEW_SELECTORS.len() + attestation::VIEW_SELECTORS.len()] =
    integra_primitives::erc165::concat_selectors(&OWN_VIEW_SELECTORS, &attestation::VIEW_SELECTORS);

/// Malformed argument: revert with empty data, as Solidity's decoder does (tokenizer routers).
#[macro_export]
macro_rules! arg {
    ($e:expr) => {
        match $e {
            Some(v) => v,
            None => return Some(Err($crate::__private::Vec::new())),
        }
    };
}

/// A tokenizer's `dispatch`: no value; the family's views; then, with the ERC-2771 sender
/// resolved once, the family's writes and the base's functions.
#[macro_export]
macro_rules! tokenizer_dispatch {
    ($ty:ty, $view:path, $write:path) => {
        /// The router: family selectors, then the base's.
        pub fn dispatch(
            s: &mut $ty,
            selector: [u8; 4],
            a: integra_primitives::abi::Args<'_>,
        ) -> Option<stylus_sdk::ArbResult> {
            use stylus_sdk::prelude::*;
            if !s.vm().msg_value().is_zero() {
                return Some(Err($crate::__private::Vec::new()));
            }
            if let Some(out) = $view(s, selector, a) {
                return Some(out);
            }
            let sender = s.base.sender_of(a.0);
            if let Some(out) = $write(s, selector, a, sender) {
                return Some(out);
            }
            s.base.dispatch(sender, selector, a)
        }
    };
}

/// `Ok(abi.encode(tokens…))`: a view's result.
///
/// # Errors
/// None: always `Ok` (the router's result type).
#[allow(clippy::unnecessary_wraps)]
pub fn ret(tokens: &[Token<'_>]) -> ArbResult {
    Ok(returns(tokens))
}

/// A write's result: empty return data, or the error's revert data.
///
/// # Errors
/// The error's revert data.
#[inline(never)]
pub fn run<T, E: Into<Vec<u8>>>(r: Result<T, E>) -> ArbResult {
    r.map(|_| Vec::new()).map_err(Into::into)
}

/// `tokensOf`'s return, `(bytes32[] h, uint256[] apiId, uint256[] balance)`, for on-chain ids
/// `ids` through the family's `lookup(id) -> (h, apiId, balance)`.
pub fn encode_tokens_of(ids: &[U256], lookup: impl Fn(U256) -> (B256, U256, U256)) -> Vec<u8> {
    let mut hs = Vec::with_capacity(ids.len());
    let mut api = Vec::with_capacity(ids.len());
    let mut bals = Vec::with_capacity(ids.len());
    for id in ids {
        let (h, t, b) = lookup(*id);
        hs.push(h);
        api.push(B256::from(t));
        bals.push(B256::from(b));
    }
    returns(&[Token::Words(&hs), Token::Words(&api), Token::Words(&bals)])
}

/// `bytes4` argument of `supportsInterface`: the low 28 bytes must be clean.
#[must_use]
pub fn interface_arg(a: Args<'_>) -> Option<[u8; 4]> {
    let w = a.word(0)?;
    if w[4..].iter().any(|b| *b != 0) {
        return None;
    }
    Some([w[0], w[1], w[2], w[3]])
}

/// Merges JSON ABIs, dropping items that are declared twice (shared errors and events).
#[cfg(feature = "export-abi")]
#[must_use]
pub fn merge_abis(
    parts: impl IntoIterator<Item = alloy_json_abi::JsonAbi>,
) -> alloy_json_abi::JsonAbi {
    let mut out = alloy_json_abi::JsonAbi::new();
    for part in parts {
        for item in part.items() {
            let exists = out.items().any(|x| x == item);
            if !exists {
                match item {
                    alloy_json_abi::AbiItem::Function(f) => out
                        .functions
                        .entry(f.name.clone())
                        .or_default()
                        .push(f.into_owned()),
                    alloy_json_abi::AbiItem::Event(e) => out
                        .events
                        .entry(e.name.clone())
                        .or_default()
                        .push(e.into_owned()),
                    alloy_json_abi::AbiItem::Error(e) => out
                        .errors
                        .entry(e.name.clone())
                        .or_default()
                        .push(e.into_owned()),
                    _ => {}
                }
            }
        }
    }
    out
}

/// The base's and the attestation component's ABI.
#[cfg(feature = "export-abi")]
#[must_use]
pub fn base_abis() -> [alloy_json_abi::JsonAbi; 2] {
    [abi(), integra_attestation_access::abi()]
}

#[cfg(feature = "testing")]
pub mod testing;

#[doc(hidden)]
pub mod __private {
    pub use alloc::vec::Vec;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interface_ids_are_the_published_ones() {
        assert_eq!(DOCUMENT_TOKENIZER_INTERFACE_ID, [0x0e, 0x32, 0x2a, 0xfb]);
        assert_eq!(TOKENIZER_EXT_INTERFACE_ID, [0x5d, 0x2a, 0xef, 0x7c]);
    }

    #[test]
    fn selectors_are_the_published_ones() {
        assert_eq!(reserveTokenCall::SELECTOR, [0x22, 0x4c, 0xff, 0x7f]);
        assert_eq!(
            reserveTokenAnonymousCall::SELECTOR,
            [0x88, 0x0f, 0x0f, 0x69]
        );
        assert_eq!(claimTokenCall::SELECTOR, [0xc4, 0x89, 0x75, 0xe4]);
        assert_eq!(cancelReservationCall::SELECTOR, [0x2f, 0x85, 0x64, 0x12]);
        assert_eq!(balanceOf_1Call::SELECTOR, [0x4d, 0x30, 0xb6, 0xbe]);
        assert_eq!(
            balanceOfDocumentTokenCall::SELECTOR,
            [0x42, 0x62, 0x9b, 0x07]
        );
        assert_eq!(tokensOfCall::SELECTOR, [0x5a, 0x3f, 0x26, 0x72]);
    }

    #[test]
    fn event_topics_are_the_published_ones() {
        let check = |topic: B256, head: &str, tail: &str| {
            let hex = alloc::format!("{topic:x}");
            assert!(hex.starts_with(head) && hex.ends_with(tail), "{hex}");
        };
        check(TokenReserved::SIGNATURE_HASH, "43c14286", "0fb8");
        check(TokenReservedAnonymous::SIGNATURE_HASH, "2aef50ca", "e0d3");
        check(TokenClaimed::SIGNATURE_HASH, "7602cf7b", "6482");
        check(ReservationCancelled::SIGNATURE_HASH, "1b1efeb9", "b833");
    }

    #[test]
    fn base_errors_encode_as_alloy() {
        use alloy_sol_types::SolError;
        let e = WrongTokenizer {
            integraHash: B256::repeat_byte(1),
            documentTokenizer: Address::repeat_byte(2),
            calledTokenizer: Address::repeat_byte(3),
        };
        assert_eq!(Vec::from(Error::from(e.clone())), e.abi_encode());
        let e = EncryptedLabelTooLarge {
            length: U256::from(501),
            maximum: U256::from(500),
        };
        assert_eq!(Vec::from(Error::from(e.clone())), e.abi_encode());
    }

    #[test]
    fn attestation_request_encodes_as_alloy() {
        use alloy_sol_types::SolCall;
        let party = Address::repeat_byte(7);
        let data = integra_primitives::abi::encode(&[B256::repeat_byte(9).into()]);
        let inner = [
            party.into(),
            123u64.into(),
            true.into(),
            B256::ZERO.into(),
            Token::Bytes(&data),
            U256::ZERO.into(),
        ];
        let request = [B256::repeat_byte(5).into(), Token::Tuple(&inner)];
        let ours = calls::calldata(IEASAttest::attestCall::SELECTOR, &[Token::Tuple(&request)]);
        let theirs = IEASAttest::attestCall {
            request: external::AttestationRequest {
                schema: B256::repeat_byte(5),
                data: external::AttestationRequestData {
                    recipient: party,
                    expirationTime: 123,
                    revocable: true,
                    refUID: B256::ZERO,
                    data: data.clone().into(),
                    value: U256::ZERO,
                },
            },
        }
        .abi_encode();
        assert_eq!(ours, theirs);
        assert_eq!(IEASAttest::attestCall::SELECTOR, [0xf1, 0x73, 0x25, 0xe7]);
    }
}
