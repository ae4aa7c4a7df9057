//! `IntegraRegistry`: the unified, code-hash-pinned component directory (spec 03 §1, rules R1–R7
//! of spec 01 §2).
//!
//! One contract holds every component type — attestation providers, ZK verifiers, document
//! resolvers and tokenizers — and its address is passed wherever a provider, verifier or resolver
//! registry is expected. Typed facades (`registerProvider`, `getVerifier`, `getResolverInfo`,
//! `registerTokenizer`, …) sit on the same storage:
//! - a typed getter returns `address(0)` for an id of another type;
//! - a typed write reverts with the typed error name (`ProviderNotFound`, …) and emits the generic
//!   event **and** the typed one;
//! - typed enumeration lists one type only.
//!
//! Every write emits the generic `Component…` event and the typed event of the entry's own type,
//! whichever facade was used, so an indexer following either stream rebuilds the full state.
//!
//! Immutable: no proxy, no pause. Writes are `GOVERNOR_ROLE` only.
//!
//! **(+) additions to the spec:** `ZeroComponentId()` (id 0 means "none" to every consumer),
//! `InvalidRegistryType(uint8)` (Solidity would panic on a bad enum), typed
//! `…Deactivated/…Reactivated/…MetadataUpdated` events for every type, `EmptyProviderType()` and
//! `EmptyTokenizerType()`, the 100-byte `TypeTooLong` limit applied to every type string.
//!
//! Storage: one slot per entry for address + type + active flag + registration time, one for the
//! code hash, and the two strings.
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]
// `#[entrypoint]` generates an undocumented `user_entrypoint` in wasm builds.
#![cfg_attr(target_arch = "wasm32", allow(missing_docs))]
#![cfg_attr(not(any(test, feature = "export-abi")), no_std)]
extern crate alloc;

use alloc::{string::String, vec, vec::Vec};

use alloy_primitives::{Address, B256, U256};
use alloy_sol_types::{SolCall, SolEvent};
use integra_primitives::erc165::interface_id;
pub use integra_primitives::erc165::{ACCESS_CONTROL_INTERFACE_ID, ERC165_INTERFACE_ID};
use integra_primitives::{
    abi::{emit, returns, Args, Token},
    access::{grant_governance, AccessControl, IAccessControl},
    compact_errors,
    limits::{page_bounds, MAX_TYPE_LENGTH},
    roles::{DEFAULT_ADMIN_ROLE, GOVERNOR_ROLE},
    VERSION,
};
use stylus_sdk::{
    alloy_primitives::aliases::B32,
    prelude::*,
    storage::{
        StorageAddress, StorageB256, StorageBool, StorageMap, StorageString, StorageU64, StorageU8,
        StorageVec,
    },
    ArbResult,
};

pub use IIntegraRegistry::*;

// The whole external interface, in one `sol!` declaration: the router takes its selectors from
// it, events and errors their signatures, and `export-abi` its JSON ABI and Solidity interface.
integra_primitives::contract_interface! {
    /// `IntegraRegistry` (spec 03 §1): unified code-hash-pinned component registry.
    interface IIntegraRegistry {
        /// Full entry as stored (spec 03 §1). `registryType`: 0 PROVIDER, 1 VERIFIER,
        /// 2 RESOLVER, 3 TOKENIZER.
        #[derive(Debug, PartialEq, Eq)]
        struct ComponentInfo {
    address componentAddress;
    uint8 registryType;
    bool active;
    uint256 registeredAt;
    string description;
    string componentType;
    bytes32 codeHash;
        }

        /// Provider view of an entry (spec 01 §3).
        #[derive(Debug, PartialEq, Eq)]
        struct ProviderInfo {
    address providerAddress;
    bytes32 codeHash;
    bool active;
    uint256 registeredAt;
    string description;
    string providerType;
        }

        /// Verifier view of an entry (spec 01 §4).
        #[derive(Debug, PartialEq, Eq)]
        struct VerifierInfo {
    address verifierAddress;
    bytes32 codeHash;
    bool active;
    uint256 registeredAt;
    string description;
    string verifierType;
        }

        /// Resolver view of an entry (spec 03 §1).
        #[derive(Debug, PartialEq, Eq)]
        struct ResolverInfo {
    address resolverAddress;
    bytes32 codeHash;
    bool active;
    uint256 registeredAt;
    string description;
    string resolverType;
        }
        #[derive(Debug, PartialEq, Eq)]
        event ComponentRegistered(bytes32 indexed componentId, address indexed component, uint8 indexed registryType, bytes32 codeHash, string componentType, string description, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event ComponentDeactivated(bytes32 indexed componentId, address indexed component, string reason, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event ComponentReactivated(bytes32 indexed componentId, address indexed component, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event ComponentMetadataUpdated(bytes32 indexed componentId, string newDescription, string newComponentType, uint256 timestamp);

        #[derive(Debug, PartialEq, Eq)]
        event ProviderRegistered(bytes32 indexed providerId, address indexed provider, bytes32 codeHash, string providerType, string description, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event ProviderDeactivated(bytes32 indexed providerId, address indexed provider, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event ProviderReactivated(bytes32 indexed providerId, address indexed provider, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event ProviderDeactivationReason(bytes32 indexed providerId, string reason, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event ProviderMetadataUpdated(bytes32 indexed providerId, string newDescription, string newProviderType, uint256 timestamp);

        #[derive(Debug, PartialEq, Eq)]
        event VerifierRegistered(bytes32 indexed verifierId, address indexed verifier, bytes32 codeHash, string verifierType, string description, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event VerifierDeactivated(bytes32 indexed verifierId, address indexed verifier, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event VerifierReactivated(bytes32 indexed verifierId, address indexed verifier, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event VerifierMetadataUpdated(bytes32 indexed verifierId, string newDescription, string newVerifierType, uint256 timestamp);

        #[derive(Debug, PartialEq, Eq)]
        event ResolverRegistered(bytes32 indexed resolverId, address indexed resolver, bytes32 codeHash, string resolverType, string description, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event ResolverDeactivated(bytes32 indexed resolverId, address indexed resolver, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event ResolverReactivated(bytes32 indexed resolverId, address indexed resolver, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event ResolverMetadataUpdated(bytes32 indexed resolverId, string newDescription, string newResolverType, uint256 timestamp);

        #[derive(Debug, PartialEq, Eq)]
        event TokenizerRegistered(bytes32 indexed tokenizerId, address indexed tokenizer, bytes32 codeHash, string tokenizerType, string description, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event TokenizerDeactivated(bytes32 indexed tokenizerId, address indexed tokenizer, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event TokenizerReactivated(bytes32 indexed tokenizerId, address indexed tokenizer, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event TokenizerMetadataUpdated(bytes32 indexed tokenizerId, string newDescription, string newTokenizerType, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        error ComponentAlreadyRegistered(bytes32 componentId, address existing);
        #[derive(Debug, PartialEq, Eq)]
        error ComponentAddressAlreadyRegistered(address component, bytes32 existingId);
        #[derive(Debug, PartialEq, Eq)]
        error ComponentNotFound(bytes32 componentId);
        #[derive(Debug, PartialEq, Eq)]
        error ComponentInactive(bytes32 componentId);
        #[derive(Debug, PartialEq, Eq)]
        error ComponentAlreadyActive(bytes32 componentId);
        #[derive(Debug, PartialEq, Eq)]
        error ComponentCodeChanged(bytes32 componentId, bytes32 expectedHash, bytes32 currentHash);
        #[derive(Debug, PartialEq, Eq)]
        error EmptyComponentType();
        #[derive(Debug, PartialEq, Eq)]
        error EmptyDescription();
        #[derive(Debug, PartialEq, Eq)]
        error IndexOutOfBounds(uint256 index, uint256 length);
        #[derive(Debug, PartialEq, Eq)]
        error NotAContract(address account);
        #[derive(Debug, PartialEq, Eq)]
        error TypeTooLong(uint256 length, uint256 max);
        #[derive(Debug, PartialEq, Eq)]
        error ZeroComponentId();
        #[derive(Debug, PartialEq, Eq)]
        error InvalidRegistryType(uint8 registryType);

        #[derive(Debug, PartialEq, Eq)]
        error ProviderAlreadyRegistered(bytes32 providerId, address existing);
        #[derive(Debug, PartialEq, Eq)]
        error ProviderNotFound(bytes32 providerId);
        #[derive(Debug, PartialEq, Eq)]
        error ProviderInactive(bytes32 providerId);
        #[derive(Debug, PartialEq, Eq)]
        error ProviderCodeChanged(bytes32 providerId, bytes32 expectedHash, bytes32 currentHash);
        #[derive(Debug, PartialEq, Eq)]
        error EmptyProviderType();

        #[derive(Debug, PartialEq, Eq)]
        error VerifierAlreadyRegistered(bytes32 verifierId, address existing);
        #[derive(Debug, PartialEq, Eq)]
        error VerifierNotFound(bytes32 verifierId);
        #[derive(Debug, PartialEq, Eq)]
        error VerifierInactive(bytes32 verifierId);
        #[derive(Debug, PartialEq, Eq)]
        error VerifierCodeChanged(bytes32 verifierId, bytes32 expectedHash, bytes32 currentHash);
        #[derive(Debug, PartialEq, Eq)]
        error EmptyVerifierType();

        #[derive(Debug, PartialEq, Eq)]
        error ResolverAlreadyRegistered(bytes32 resolverId, address existing);
        #[derive(Debug, PartialEq, Eq)]
        error ResolverNotFound(bytes32 resolverId);
        #[derive(Debug, PartialEq, Eq)]
        error ResolverInactive(bytes32 resolverId);
        #[derive(Debug, PartialEq, Eq)]
        error ResolverCodeChanged(bytes32 resolverId, bytes32 expectedHash, bytes32 currentHash);
        #[derive(Debug, PartialEq, Eq)]
        error EmptyResolverType();

        #[derive(Debug, PartialEq, Eq)]
        error TokenizerAlreadyRegistered(bytes32 tokenizerId, address existing);
        #[derive(Debug, PartialEq, Eq)]
        error EmptyTokenizerType();

        // ---- generic component API (spec 03 §1) ----
        function registerComponent(bytes32 id, address component, uint8 t, string componentType, string description);
        function deactivateComponent(bytes32 id, string reason);
        function reactivateComponent(bytes32 id);
        function updateComponentMetadata(bytes32 id, string newDescription, string newComponentType);
        function getComponent(bytes32 id) external view returns (address);
        function getComponentInfo(bytes32 id) external view returns (ComponentInfo memory);
        function isComponentApproved(address component) external view returns (bool);
        function getComponentCount() external view returns (uint256);
        function getComponentCountByType(uint8 t) external view returns (uint256);
        function getComponentIdsByType(uint8 t) external view returns (bytes32[] memory);
        function getComponentIdsPaginated(uint256 offset, uint256 limit) external view returns (bytes32[] memory);
        function getComponentIdsByTypePaginated(uint8 t, uint256 offset, uint256 limit) external view returns (bytes32[] memory);
        // ---- provider facade (spec 01 §3) ----
        function registerProvider(bytes32 providerId, address provider, string providerType, string description);
        function getProvider(bytes32 providerId) external view returns (address);
        function getProviderInfo(bytes32 providerId) external view returns (ProviderInfo memory);
        function deactivateProvider(bytes32 providerId, string reason);
        function reactivateProvider(bytes32 providerId);
        function getProviderCount() external view returns (uint256);
        function getProviderIdAt(uint256 index) external view returns (bytes32);
        function getAllProviderIds() external view returns (bytes32[] memory);
        function getProviderIdsPaginated(uint256 offset, uint256 limit) external view returns (bytes32[] memory);
        // ---- verifier facade (spec 01 §4) ----
        function registerVerifier(bytes32 verifierId, address verifier, string verifierType, string description);
        function getVerifier(bytes32 verifierId) external view returns (address);
        function getVerifierInfo(bytes32 verifierId) external view returns (VerifierInfo memory);
        function deactivateVerifier(bytes32 verifierId);
        function reactivateVerifier(bytes32 verifierId);
        function updateVerifierMetadata(bytes32 verifierId, string newDescription, string newVerifierType);
        function getVerifierCount() external view returns (uint256);
        function getVerifierIdAt(uint256 index) external view returns (bytes32);
        function getAllVerifierIds() external view returns (bytes32[] memory);
        function getVerifierIdsPaginated(uint256 offset, uint256 limit) external view returns (bytes32[] memory);
        // ---- resolver facade (spec 03 §1) ----
        function registerResolver(bytes32 resolverId, address resolver, string resolverType, string description);
        function getResolver(bytes32 resolverId) external view returns (address);
        function getResolverInfo(bytes32 resolverId) external view returns (ResolverInfo memory);
        function deactivateResolver(bytes32 resolverId);
        function reactivateResolver(bytes32 resolverId);
        function updateResolverMetadata(bytes32 resolverId, string newDescription, string newResolverType);
        function getResolverCount() external view returns (uint256);
        function getResolverIdAt(uint256 index) external view returns (bytes32);
        function getAllResolverIds() external view returns (bytes32[] memory);
        function getResolverIdsPaginated(uint256 offset, uint256 limit) external view returns (bytes32[] memory);
        // ---- tokenizer facade (spec 03 §1) ----
        function registerTokenizer(bytes32 tokenizerId, address tokenizer, string tokenizerType, string description);
        function getTokenizerComponent(bytes32 tokenizerId) external view returns (address);
        // ---- access control (OpenZeppelin v5), ERC-165, constants ----
        function hasRole(bytes32 role, address account) external view returns (bool);
        function getRoleAdmin(bytes32 role) external view returns (bytes32);
        function grantRole(bytes32 role, address account);
        function revokeRole(bytes32 role, address account);
        function renounceRole(bytes32 role, address callerConfirmation);
        function supportsInterface(bytes4 interfaceId) external view returns (bool);
        function VERSION() external view returns (string memory);
        function GOVERNOR_ROLE() external view returns (bytes32);
        function DEFAULT_ADMIN_ROLE() external view returns (bytes32);
        #[derive(Debug, PartialEq, Eq)]
        event RoleGranted(bytes32 indexed role, address indexed account, address indexed sender);
        #[derive(Debug, PartialEq, Eq)]
        event RoleRevoked(bytes32 indexed role, address indexed account, address indexed sender);
        #[derive(Debug, PartialEq, Eq)]
        event RoleAdminChanged(bytes32 indexed role, bytes32 indexed previousAdminRole, bytes32 indexed newAdminRole);
        #[derive(Debug, PartialEq, Eq)]
        error AccessControlUnauthorizedAccount(address account, bytes32 neededRole);
        #[derive(Debug, PartialEq, Eq)]
        error AccessControlBadConfirmation();
        #[derive(Debug, PartialEq, Eq)]
        error ZeroAddress();
    }
}

compact_errors! {
    /// Every way a call to the registry can fail.
    ///
    /// Encoded through [`integra_primitives::abi`] rather than `#[derive(SolidityError)]`, which
    /// costs ~13 KB of WASM for these variants. The tests compare each variant's bytes with
    /// alloy's encoding.
    pub enum Error {
    /// Caller lacks `GOVERNOR_ROLE` (or the admin role of a role being granted).
    UnauthorizedAccount(AccessControlUnauthorizedAccount { account, neededRole }),
    /// `renounceRole` confirmation is not the caller.
    BadConfirmation(AccessControlBadConfirmation {  }),
    /// Component address is zero.
    ZeroAddress(ZeroAddress {  }),
    /// Id 0 cannot be registered.
    ZeroComponentId(ZeroComponentId {  }),
    /// The type argument is not 0..=3.
    InvalidRegistryType(InvalidRegistryType { registryType }),
    /// The address has no code.
    NotAContract(NotAContract { account }),
    /// The address is already registered under another id.
    ComponentAddressAlreadyRegistered(ComponentAddressAlreadyRegistered { component, existingId }),
    /// Description is empty.
    EmptyDescription(EmptyDescription {  }),
    /// Type string is longer than 100 bytes.
    TypeTooLong(TypeTooLong { length, max }),
    /// Enumeration index past the end.
    IndexOutOfBounds(IndexOutOfBounds { index, length }),
    /// Generic facade: id taken.
    ComponentAlreadyRegistered(ComponentAlreadyRegistered { componentId, existing }),
    /// Generic facade: unknown id.
    ComponentNotFound(ComponentNotFound { componentId }),
    /// Generic facade: already inactive.
    ComponentInactive(ComponentInactive { componentId }),
    /// Reactivation of an active entry.
    ComponentAlreadyActive(ComponentAlreadyActive { componentId }),
    /// Generic facade: code replaced since registration.
    ComponentCodeChanged(ComponentCodeChanged { componentId, expectedHash, currentHash }),
    /// Generic facade: empty type.
    EmptyComponentType(EmptyComponentType {  }),
    /// Provider facade: id taken.
    ProviderAlreadyRegistered(ProviderAlreadyRegistered { providerId, existing }),
    /// Provider facade: unknown id or another type.
    ProviderNotFound(ProviderNotFound { providerId }),
    /// Provider facade: already inactive.
    ProviderInactive(ProviderInactive { providerId }),
    /// Provider facade: code replaced since registration.
    ProviderCodeChanged(ProviderCodeChanged { providerId, expectedHash, currentHash }),
    /// Provider facade: empty type.
    EmptyProviderType(EmptyProviderType {  }),
    /// Verifier facade: id taken.
    VerifierAlreadyRegistered(VerifierAlreadyRegistered { verifierId, existing }),
    /// Verifier facade: unknown id or another type.
    VerifierNotFound(VerifierNotFound { verifierId }),
    /// Verifier facade: already inactive.
    VerifierInactive(VerifierInactive { verifierId }),
    /// Verifier facade: code replaced since registration.
    VerifierCodeChanged(VerifierCodeChanged { verifierId, expectedHash, currentHash }),
    /// Verifier facade: empty type.
    EmptyVerifierType(EmptyVerifierType {  }),
    /// Resolver facade: id taken.
    ResolverAlreadyRegistered(ResolverAlreadyRegistered { resolverId, existing }),
    /// Resolver facade: unknown id or another type.
    ResolverNotFound(ResolverNotFound { resolverId }),
    /// Resolver facade: already inactive.
    ResolverInactive(ResolverInactive { resolverId }),
    /// Resolver facade: code replaced since registration.
    ResolverCodeChanged(ResolverCodeChanged { resolverId, expectedHash, currentHash }),
    /// Resolver facade: empty type.
    EmptyResolverType(EmptyResolverType {  }),
    /// Tokenizer facade: id taken.
    TokenizerAlreadyRegistered(TokenizerAlreadyRegistered { tokenizerId, existing }),
    /// Tokenizer facade: empty type.
    EmptyTokenizerType(EmptyTokenizerType {  }),
    }
}

integra_primitives::access_control_errors!(Error);

/// Component types, in the order of the Solidity enum `RegistryType`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum RegistryType {
    /// `IAttestationProvider` implementations.
    Provider = 0,
    /// Groth16 (or other) proof verifiers.
    Verifier = 1,
    /// `IDocumentResolver` implementations.
    Resolver = 2,
    /// Tokenizers.
    Tokenizer = 3,
}

impl RegistryType {
    /// Number of types.
    pub const COUNT: u8 = 4;

    fn from_u8(t: u8) -> Option<Self> {
        match t {
            0 => Some(Self::Provider),
            1 => Some(Self::Verifier),
            2 => Some(Self::Resolver),
            3 => Some(Self::Tokenizer),
            _ => None,
        }
    }
}

/// Which entry point a write came through: it decides the error names (spec 03 §1: "typed writes
/// revert with typed error names").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Facade {
    Generic,
    Typed(RegistryType),
}

impl Facade {
    fn already_registered(self, id: B256, existing: Address) -> Error {
        let e = existing;
        match self {
            Facade::Generic => ComponentAlreadyRegistered {
                componentId: id,
                existing: e,
            }
            .into(),
            Facade::Typed(RegistryType::Provider) => ProviderAlreadyRegistered {
                providerId: id,
                existing: e,
            }
            .into(),
            Facade::Typed(RegistryType::Verifier) => VerifierAlreadyRegistered {
                verifierId: id,
                existing: e,
            }
            .into(),
            Facade::Typed(RegistryType::Resolver) => ResolverAlreadyRegistered {
                resolverId: id,
                existing: e,
            }
            .into(),
            Facade::Typed(RegistryType::Tokenizer) => TokenizerAlreadyRegistered {
                tokenizerId: id,
                existing: e,
            }
            .into(),
        }
    }

    fn not_found(self, id: B256) -> Error {
        match self {
            Facade::Typed(RegistryType::Provider) => ProviderNotFound { providerId: id }.into(),
            Facade::Typed(RegistryType::Verifier) => VerifierNotFound { verifierId: id }.into(),
            Facade::Typed(RegistryType::Resolver) => ResolverNotFound { resolverId: id }.into(),
            Facade::Generic | Facade::Typed(RegistryType::Tokenizer) => {
                ComponentNotFound { componentId: id }.into()
            }
        }
    }

    fn inactive(self, id: B256) -> Error {
        match self {
            Facade::Typed(RegistryType::Provider) => ProviderInactive { providerId: id }.into(),
            Facade::Typed(RegistryType::Verifier) => VerifierInactive { verifierId: id }.into(),
            Facade::Typed(RegistryType::Resolver) => ResolverInactive { resolverId: id }.into(),
            Facade::Generic | Facade::Typed(RegistryType::Tokenizer) => {
                ComponentInactive { componentId: id }.into()
            }
        }
    }

    fn code_changed(self, id: B256, expected: B256, current: B256) -> Error {
        match self {
            Facade::Typed(RegistryType::Provider) => ProviderCodeChanged {
                providerId: id,
                expectedHash: expected,
                currentHash: current,
            }
            .into(),
            Facade::Typed(RegistryType::Verifier) => VerifierCodeChanged {
                verifierId: id,
                expectedHash: expected,
                currentHash: current,
            }
            .into(),
            Facade::Typed(RegistryType::Resolver) => ResolverCodeChanged {
                resolverId: id,
                expectedHash: expected,
                currentHash: current,
            }
            .into(),
            Facade::Generic | Facade::Typed(RegistryType::Tokenizer) => ComponentCodeChanged {
                componentId: id,
                expectedHash: expected,
                currentHash: current,
            }
            .into(),
        }
    }

    fn empty_type(self) -> Error {
        match self {
            Facade::Generic => EmptyComponentType {}.into(),
            Facade::Typed(RegistryType::Provider) => EmptyProviderType {}.into(),
            Facade::Typed(RegistryType::Verifier) => EmptyVerifierType {}.into(),
            Facade::Typed(RegistryType::Resolver) => EmptyResolverType {}.into(),
            Facade::Typed(RegistryType::Tokenizer) => EmptyTokenizerType {}.into(),
        }
    }

    /// The type an id must have to be visible through this facade, if any.
    fn scope(self) -> Option<RegistryType> {
        match self {
            Facade::Generic => None,
            Facade::Typed(t) => Some(t),
        }
    }
}

/// Typed event signature hashes, indexed by [`RegistryType`]. The typed events of one kind share
/// their shape, so only the hash differs.
const REGISTERED: [B256; 4] = [
    ProviderRegistered::SIGNATURE_HASH,
    VerifierRegistered::SIGNATURE_HASH,
    ResolverRegistered::SIGNATURE_HASH,
    TokenizerRegistered::SIGNATURE_HASH,
];
const DEACTIVATED: [B256; 4] = [
    ProviderDeactivated::SIGNATURE_HASH,
    VerifierDeactivated::SIGNATURE_HASH,
    ResolverDeactivated::SIGNATURE_HASH,
    TokenizerDeactivated::SIGNATURE_HASH,
];
const REACTIVATED: [B256; 4] = [
    ProviderReactivated::SIGNATURE_HASH,
    VerifierReactivated::SIGNATURE_HASH,
    ResolverReactivated::SIGNATURE_HASH,
    TokenizerReactivated::SIGNATURE_HASH,
];
const METADATA_UPDATED: [B256; 4] = [
    ProviderMetadataUpdated::SIGNATURE_HASH,
    VerifierMetadataUpdated::SIGNATURE_HASH,
    ResolverMetadataUpdated::SIGNATURE_HASH,
    TokenizerMetadataUpdated::SIGNATURE_HASH,
];

/// `keccak256("")`: the code hash of an account that exists but has no code.
const EMPTY_CODE_HASH: B256 = B256::new(stylus_sdk::keccak_const::Keccak256::new().finalize());

/// One registered component.
#[storage]
struct Component {
    // One slot: 20 + 1 + 1 + 8 bytes.
    address: StorageAddress,
    registry_type: StorageU8,
    active: StorageBool,
    registered_at: StorageU64,
    code_hash: StorageB256,
    description: StorageString,
    type_name: StorageString,
}

/// The registry's storage.
#[entrypoint]
#[storage]
pub struct IntegraRegistry {
    access: AccessControl,
    components: StorageMap<B256, Component>,
    component_ids: StorageVec<StorageB256>,
    ids_by_type: StorageMap<u8, StorageVec<StorageB256>>,
    component_id_of: StorageMap<Address, StorageB256>,
}

impl IntegraRegistry {
    /// Grants `DEFAULT_ADMIN_ROLE` and `GOVERNOR_ROLE` to `governor`.
    ///
    /// # Errors
    /// `ZeroAddress` when `governor` is zero.
    ///
    /// # Events
    /// `RoleGranted` twice.
    pub fn constructor(&mut self, governor: Address) -> Result<(), Error> {
        if governor.is_zero() {
            return Err(ZeroAddress {}.into());
        }
        grant_governance(&mut self.access, governor);
        Ok(())
    }

    /// `"7.0.0"`.
    #[must_use]
    pub fn version(&self) -> String {
        VERSION.into()
    }

    /// `keccak256("GOVERNOR_ROLE")`.
    #[must_use]
    pub fn governor_role(&self) -> B256 {
        GOVERNOR_ROLE
    }

    /// `0x00`: admin of every role.
    #[must_use]
    pub fn default_admin_role(&self) -> B256 {
        DEFAULT_ADMIN_ROLE
    }

    // ---- provider facade (spec 01 §3) ----

    /// Registers an attestation provider.
    ///
    /// # Errors
    /// As [`Self::register_component`], with `ProviderAlreadyRegistered` and `EmptyProviderType`.
    ///
    /// # Events
    /// `ComponentRegistered`, `ProviderRegistered`.
    pub fn register_provider(
        &mut self,
        provider_id: B256,
        provider: Address,
        provider_type: &str,
        description: &str,
    ) -> Result<(), Error> {
        self.register(
            Facade::Typed(RegistryType::Provider),
            provider_id,
            provider,
            RegistryType::Provider as u8,
            provider_type,
            description,
        )
    }

    /// Checked get: the provider address, or zero when unknown, inactive, of another type or
    /// with changed code. Never reverts.
    #[must_use]
    pub fn get_provider(&self, provider_id: B256) -> Address {
        self.checked_get(provider_id, Some(RegistryType::Provider))
    }

    /// The stored entry; all zero for an unknown id or an id of another type.
    #[must_use]
    pub fn get_provider_info(&self, provider_id: B256) -> ProviderInfo {
        let c = self.info_of(provider_id, Some(RegistryType::Provider));
        ProviderInfo {
            providerAddress: c.componentAddress,
            codeHash: c.codeHash,
            active: c.active,
            registeredAt: c.registeredAt,
            description: c.description,
            providerType: c.componentType,
        }
    }

    /// Deactivates a provider; `reason` is emitted when non-empty.
    ///
    /// # Errors
    /// `ProviderNotFound`, `ProviderInactive`, `AccessControlUnauthorizedAccount`.
    ///
    /// # Events
    /// `ComponentDeactivated`, `ProviderDeactivated`, `ProviderDeactivationReason` (non-empty
    /// reason).
    pub fn deactivate_provider(&mut self, provider_id: B256, reason: &str) -> Result<(), Error> {
        self.deactivate(Facade::Typed(RegistryType::Provider), provider_id, reason)
    }

    /// Reactivates a provider whose code is unchanged.
    ///
    /// # Errors
    /// `ProviderNotFound`, `ComponentAlreadyActive`, `ProviderCodeChanged`,
    /// `AccessControlUnauthorizedAccount`.
    ///
    /// # Events
    /// `ComponentReactivated`, `ProviderReactivated`.
    pub fn reactivate_provider(&mut self, provider_id: B256) -> Result<(), Error> {
        self.reactivate(Facade::Typed(RegistryType::Provider), provider_id)
    }

    /// Number of provider ids.
    #[must_use]
    pub fn get_provider_count(&self) -> U256 {
        U256::from(self.ids_by_type.getter(RegistryType::Provider as u8).len())
    }

    /// The `index`-th provider id.
    ///
    /// # Errors
    /// `IndexOutOfBounds(index, count)`.
    pub fn get_provider_id_at(&self, index: U256) -> Result<B256, Error> {
        self.id_at(Some(RegistryType::Provider), index)
    }

    /// Every provider id.
    #[must_use]
    pub fn get_all_provider_ids(&self) -> Vec<B256> {
        self.page(Some(RegistryType::Provider), U256::ZERO, U256::MAX)
    }

    /// A page of provider ids.
    #[must_use]
    pub fn get_provider_ids_paginated(&self, offset: U256, limit: U256) -> Vec<B256> {
        self.page(Some(RegistryType::Provider), offset, limit)
    }

    // ---- verifier facade (spec 01 §4) ----

    /// Registers a proof verifier.
    ///
    /// # Errors
    /// As [`Self::register_component`], with `VerifierAlreadyRegistered` and `EmptyVerifierType`.
    ///
    /// # Events
    /// `ComponentRegistered`, `VerifierRegistered`.
    pub fn register_verifier(
        &mut self,
        verifier_id: B256,
        verifier: Address,
        verifier_type: &str,
        description: &str,
    ) -> Result<(), Error> {
        self.register(
            Facade::Typed(RegistryType::Verifier),
            verifier_id,
            verifier,
            RegistryType::Verifier as u8,
            verifier_type,
            description,
        )
    }

    /// Checked get for a verifier (R2; the V6 bug of skipping the active check is not copied).
    #[must_use]
    pub fn get_verifier(&self, verifier_id: B256) -> Address {
        self.checked_get(verifier_id, Some(RegistryType::Verifier))
    }

    /// The stored entry; all zero for an unknown id or an id of another type.
    #[must_use]
    pub fn get_verifier_info(&self, verifier_id: B256) -> VerifierInfo {
        let c = self.info_of(verifier_id, Some(RegistryType::Verifier));
        VerifierInfo {
            verifierAddress: c.componentAddress,
            codeHash: c.codeHash,
            active: c.active,
            registeredAt: c.registeredAt,
            description: c.description,
            verifierType: c.componentType,
        }
    }

    /// Deactivates a verifier.
    ///
    /// # Errors
    /// `VerifierNotFound`, `VerifierInactive`, `AccessControlUnauthorizedAccount`.
    ///
    /// # Events
    /// `ComponentDeactivated` (empty reason), `VerifierDeactivated`.
    pub fn deactivate_verifier(&mut self, verifier_id: B256) -> Result<(), Error> {
        self.deactivate(Facade::Typed(RegistryType::Verifier), verifier_id, "")
    }

    /// Reactivates a verifier whose code is unchanged.
    ///
    /// # Errors
    /// `VerifierNotFound`, `ComponentAlreadyActive`, `VerifierCodeChanged`,
    /// `AccessControlUnauthorizedAccount`.
    ///
    /// # Events
    /// `ComponentReactivated`, `VerifierReactivated`.
    pub fn reactivate_verifier(&mut self, verifier_id: B256) -> Result<(), Error> {
        self.reactivate(Facade::Typed(RegistryType::Verifier), verifier_id)
    }

    /// Replaces a verifier's description and type.
    ///
    /// # Errors
    /// `VerifierNotFound`, `EmptyDescription`, `EmptyVerifierType`, `TypeTooLong`,
    /// `AccessControlUnauthorizedAccount`.
    ///
    /// # Events
    /// `ComponentMetadataUpdated`, `VerifierMetadataUpdated`.
    pub fn update_verifier_metadata(
        &mut self,
        verifier_id: B256,
        new_description: &str,
        new_verifier_type: &str,
    ) -> Result<(), Error> {
        self.update_metadata(
            Facade::Typed(RegistryType::Verifier),
            verifier_id,
            new_description,
            new_verifier_type,
        )
    }

    /// Number of verifier ids.
    #[must_use]
    pub fn get_verifier_count(&self) -> U256 {
        U256::from(self.ids_by_type.getter(RegistryType::Verifier as u8).len())
    }

    /// The `index`-th verifier id.
    ///
    /// # Errors
    /// `IndexOutOfBounds(index, count)`.
    pub fn get_verifier_id_at(&self, index: U256) -> Result<B256, Error> {
        self.id_at(Some(RegistryType::Verifier), index)
    }

    /// Every verifier id.
    #[must_use]
    pub fn get_all_verifier_ids(&self) -> Vec<B256> {
        self.page(Some(RegistryType::Verifier), U256::ZERO, U256::MAX)
    }

    /// A page of verifier ids.
    #[must_use]
    pub fn get_verifier_ids_paginated(&self, offset: U256, limit: U256) -> Vec<B256> {
        self.page(Some(RegistryType::Verifier), offset, limit)
    }

    // ---- resolver facade (spec 03 §1) ----

    /// Registers a document resolver.
    ///
    /// # Errors
    /// As [`Self::register_component`], with `ResolverAlreadyRegistered` and `EmptyResolverType`.
    ///
    /// # Events
    /// `ComponentRegistered`, `ResolverRegistered`.
    pub fn register_resolver(
        &mut self,
        resolver_id: B256,
        resolver: Address,
        resolver_type: &str,
        description: &str,
    ) -> Result<(), Error> {
        self.register(
            Facade::Typed(RegistryType::Resolver),
            resolver_id,
            resolver,
            RegistryType::Resolver as u8,
            resolver_type,
            description,
        )
    }

    /// Checked get for a resolver.
    #[must_use]
    pub fn get_resolver(&self, resolver_id: B256) -> Address {
        self.checked_get(resolver_id, Some(RegistryType::Resolver))
    }

    /// The stored entry; all zero for an unknown id or an id of another type.
    #[must_use]
    pub fn get_resolver_info(&self, resolver_id: B256) -> ResolverInfo {
        let c = self.info_of(resolver_id, Some(RegistryType::Resolver));
        ResolverInfo {
            resolverAddress: c.componentAddress,
            codeHash: c.codeHash,
            active: c.active,
            registeredAt: c.registeredAt,
            description: c.description,
            resolverType: c.componentType,
        }
    }

    /// Deactivates a resolver.
    ///
    /// # Errors
    /// `ResolverNotFound`, `ResolverInactive`, `AccessControlUnauthorizedAccount`.
    ///
    /// # Events
    /// `ComponentDeactivated` (empty reason), `ResolverDeactivated`.
    pub fn deactivate_resolver(&mut self, resolver_id: B256) -> Result<(), Error> {
        self.deactivate(Facade::Typed(RegistryType::Resolver), resolver_id, "")
    }

    /// Reactivates a resolver whose code is unchanged.
    ///
    /// # Errors
    /// `ResolverNotFound`, `ComponentAlreadyActive`, `ResolverCodeChanged`,
    /// `AccessControlUnauthorizedAccount`.
    ///
    /// # Events
    /// `ComponentReactivated`, `ResolverReactivated`.
    pub fn reactivate_resolver(&mut self, resolver_id: B256) -> Result<(), Error> {
        self.reactivate(Facade::Typed(RegistryType::Resolver), resolver_id)
    }

    /// Replaces a resolver's description and type.
    ///
    /// # Errors
    /// `ResolverNotFound`, `EmptyDescription`, `EmptyResolverType`, `TypeTooLong`,
    /// `AccessControlUnauthorizedAccount`.
    ///
    /// # Events
    /// `ComponentMetadataUpdated`, `ResolverMetadataUpdated`.
    pub fn update_resolver_metadata(
        &mut self,
        resolver_id: B256,
        new_description: &str,
        new_resolver_type: &str,
    ) -> Result<(), Error> {
        self.update_metadata(
            Facade::Typed(RegistryType::Resolver),
            resolver_id,
            new_description,
            new_resolver_type,
        )
    }

    /// Number of resolver ids.
    #[must_use]
    pub fn get_resolver_count(&self) -> U256 {
        U256::from(self.ids_by_type.getter(RegistryType::Resolver as u8).len())
    }

    /// The `index`-th resolver id.
    ///
    /// # Errors
    /// `IndexOutOfBounds(index, count)`.
    pub fn get_resolver_id_at(&self, index: U256) -> Result<B256, Error> {
        self.id_at(Some(RegistryType::Resolver), index)
    }

    /// Every resolver id.
    #[must_use]
    pub fn get_all_resolver_ids(&self) -> Vec<B256> {
        self.page(Some(RegistryType::Resolver), U256::ZERO, U256::MAX)
    }

    /// A page of resolver ids.
    #[must_use]
    pub fn get_resolver_ids_paginated(&self, offset: U256, limit: U256) -> Vec<B256> {
        self.page(Some(RegistryType::Resolver), offset, limit)
    }

    // ---- tokenizer facade (spec 03 §1) ----

    /// Registers a tokenizer.
    ///
    /// # Errors
    /// As [`Self::register_component`], with `TokenizerAlreadyRegistered` and
    /// `EmptyTokenizerType`.
    ///
    /// # Events
    /// `ComponentRegistered`, `TokenizerRegistered`.
    pub fn register_tokenizer(
        &mut self,
        tokenizer_id: B256,
        tokenizer: Address,
        tokenizer_type: &str,
        description: &str,
    ) -> Result<(), Error> {
        self.register(
            Facade::Typed(RegistryType::Tokenizer),
            tokenizer_id,
            tokenizer,
            RegistryType::Tokenizer as u8,
            tokenizer_type,
            description,
        )
    }

    /// Checked get for a tokenizer (named so as not to clash with the document registry's
    /// `getTokenizer(integraHash)`).
    #[must_use]
    pub fn get_tokenizer_component(&self, tokenizer_id: B256) -> Address {
        self.checked_get(tokenizer_id, Some(RegistryType::Tokenizer))
    }
}

impl IntegraRegistry {
    /// R1. Checks in order: `GOVERNOR_ROLE`; `t ≤ 3`; `component ≠ 0`; `id ≠ 0`; id unused; the
    /// address has code; the address holds no other id; type non-empty and ≤ 100 bytes;
    /// description non-empty.
    ///
    /// # Errors
    /// `AccessControlUnauthorizedAccount`, `InvalidRegistryType`, `ZeroAddress`,
    /// `ZeroComponentId`, `ComponentAlreadyRegistered`, `NotAContract`,
    /// `ComponentAddressAlreadyRegistered`, `EmptyComponentType`, `TypeTooLong`,
    /// `EmptyDescription`.
    ///
    /// # Events
    /// `ComponentRegistered` and the typed `…Registered` event.
    pub fn register_component(
        &mut self,
        id: B256,
        component: Address,
        t: u8,
        component_type: &str,
        description: &str,
    ) -> Result<(), Error> {
        self.register(
            Facade::Generic,
            id,
            component,
            t,
            component_type,
            description,
        )
    }

    /// R4.
    ///
    /// # Errors
    /// `AccessControlUnauthorizedAccount`, `ComponentNotFound`, `ComponentInactive`.
    ///
    /// # Events
    /// `ComponentDeactivated` and the typed `…Deactivated` event (`ProviderDeactivationReason`
    /// for a provider with a non-empty reason).
    pub fn deactivate_component(&mut self, id: B256, reason: &str) -> Result<(), Error> {
        self.deactivate(Facade::Generic, id, reason)
    }

    /// R5.
    ///
    /// # Errors
    /// `AccessControlUnauthorizedAccount`, `ComponentNotFound`, `ComponentAlreadyActive`,
    /// `ComponentCodeChanged`.
    ///
    /// # Events
    /// `ComponentReactivated` and the typed `…Reactivated` event.
    pub fn reactivate_component(&mut self, id: B256) -> Result<(), Error> {
        self.reactivate(Facade::Generic, id)
    }

    /// R6: address and code hash never change.
    ///
    /// # Errors
    /// `AccessControlUnauthorizedAccount`, `ComponentNotFound`, `EmptyDescription`,
    /// `EmptyComponentType`, `TypeTooLong`.
    ///
    /// # Events
    /// `ComponentMetadataUpdated` and the typed `…MetadataUpdated` event.
    pub fn update_component_metadata(
        &mut self,
        id: B256,
        new_description: &str,
        new_component_type: &str,
    ) -> Result<(), Error> {
        self.update_metadata(Facade::Generic, id, new_description, new_component_type)
    }

    /// Checked get (R2): the address iff the entry exists, is active and its code is unchanged.
    #[must_use]
    pub fn get_component(&self, id: B256) -> Address {
        self.checked_get(id, None)
    }

    /// The stored entry (R3); all zero for an unknown id.
    #[must_use]
    pub fn get_component_info(&self, id: B256) -> ComponentInfo {
        self.info_of(id, None)
    }

    /// True when `component` is registered, active and its code is unchanged.
    #[must_use]
    pub fn is_component_approved(&self, component: Address) -> bool {
        let id = self.component_id_of.get(component);
        !id.is_zero() && !self.checked_get(id, None).is_zero()
    }

    /// Number of ids of every type.
    #[must_use]
    pub fn get_component_count(&self) -> U256 {
        U256::from(self.component_ids.len())
    }

    /// Number of ids of type `t`.
    ///
    /// # Errors
    /// `InvalidRegistryType` for `t > 3`.
    pub fn get_component_count_by_type(&self, t: u8) -> Result<U256, Error> {
        let t = Self::registry_type(t)?;
        Ok(U256::from(self.ids_by_type.getter(t as u8).len()))
    }

    /// Every id of type `t`.
    ///
    /// # Errors
    /// `InvalidRegistryType` for `t > 3`.
    pub fn get_component_ids_by_type(&self, t: u8) -> Result<Vec<B256>, Error> {
        let t = Self::registry_type(t)?;
        Ok(self.page(Some(t), U256::ZERO, U256::MAX))
    }

    /// `ids[offset..min(offset + limit, n))`, empty past the end or for `limit = 0` (R7).
    #[must_use]
    pub fn get_component_ids_paginated(&self, offset: U256, limit: U256) -> Vec<B256> {
        self.page(None, offset, limit)
    }

    /// The same page over the ids of type `t`.
    ///
    /// # Errors
    /// `InvalidRegistryType` for `t > 3`.
    pub fn get_component_ids_by_type_paginated(
        &self,
        t: u8,
        offset: U256,
        limit: U256,
    ) -> Result<Vec<B256>, Error> {
        let t = Self::registry_type(t)?;
        Ok(self.page(Some(t), offset, limit))
    }

    /// True when `account` holds `role`.
    #[must_use]
    pub fn has_role(&self, role: B256, account: Address) -> bool {
        self.access.has_role(role, account)
    }

    /// The admin role of `role` (`DEFAULT_ADMIN_ROLE` for every role here).
    #[must_use]
    pub fn get_role_admin(&self, role: B256) -> B256 {
        self.access.get_role_admin(role)
    }

    /// Grants `role` to `account`; caller must hold the role's admin role.
    ///
    /// # Errors
    /// `AccessControlUnauthorizedAccount`.
    ///
    /// # Events
    /// `RoleGranted` when newly granted.
    pub fn grant_role(&mut self, role: B256, account: Address) -> Result<(), Error> {
        Ok(self.access.grant_role(role, account)?)
    }

    /// Revokes `role` from `account`; caller must hold the role's admin role.
    ///
    /// # Errors
    /// `AccessControlUnauthorizedAccount`.
    ///
    /// # Events
    /// `RoleRevoked` when held.
    pub fn revoke_role(&mut self, role: B256, account: Address) -> Result<(), Error> {
        Ok(self.access.revoke_role(role, account)?)
    }

    /// The caller gives up `role`; `confirmation` must be the caller.
    ///
    /// # Errors
    /// `AccessControlBadConfirmation`.
    ///
    /// # Events
    /// `RoleRevoked` when held.
    pub fn renounce_role(&mut self, role: B256, confirmation: Address) -> Result<(), Error> {
        Ok(self.access.renounce_role(role, confirmation)?)
    }

    /// ERC-165: `IIntegraRegistry` (generic API), `IAccessControl`, `IERC165`.
    #[must_use]
    pub fn supports_interface(&self, interface_id: B32) -> bool {
        [
            REGISTRY_INTERFACE_ID,
            ACCESS_CONTROL_INTERFACE_ID,
            ERC165_INTERFACE_ID,
        ]
        .contains(&interface_id.0)
    }
}

impl IntegraRegistry {
    fn only_governor(&self) -> Result<(), Error> {
        Ok(self
            .access
            ._check_role(GOVERNOR_ROLE, self.vm().msg_sender())?)
    }

    fn registry_type(t: u8) -> Result<RegistryType, Error> {
        RegistryType::from_u8(t).ok_or(Error::InvalidRegistryType(InvalidRegistryType {
            registryType: t,
        }))
    }

    fn now(&self) -> U256 {
        U256::from(self.vm().block_timestamp())
    }

    /// `EXTCODEHASH`, with "no code" (a missing account: 0; an account without code:
    /// `keccak256("")`) folded into `None`.
    fn code_hash_of(&self, account: Address) -> Option<B256> {
        let hash = self.vm().code_hash(account);
        (!hash.is_zero() && hash != EMPTY_CODE_HASH).then_some(hash)
    }

    fn check_metadata(
        facade: Facade,
        description: &str,
        component_type: &str,
    ) -> Result<(), Error> {
        if component_type.is_empty() {
            return Err(facade.empty_type());
        }
        if component_type.len() > MAX_TYPE_LENGTH {
            return Err(TypeTooLong {
                length: U256::from(component_type.len()),
                max: U256::from(MAX_TYPE_LENGTH),
            }
            .into());
        }
        if description.is_empty() {
            return Err(EmptyDescription {}.into());
        }
        Ok(())
    }

    /// The entry's type if `id` exists (and, through a typed facade, has that facade's type).
    fn lookup(&self, id: B256, scope: Option<RegistryType>) -> Option<RegistryType> {
        let entry = self.components.getter(id);
        if entry.address.get().is_zero() {
            return None;
        }
        let t = RegistryType::from_u8(u8::try_from(entry.registry_type.get().as_limbs()[0]).ok()?)?;
        match scope {
            Some(s) if s != t => None,
            _ => Some(t),
        }
    }

    fn register(
        &mut self,
        facade: Facade,
        id: B256,
        component: Address,
        t: u8,
        component_type: &str,
        description: &str,
    ) -> Result<(), Error> {
        self.only_governor()?;
        let t = Self::registry_type(t)?;
        if component.is_zero() {
            return Err(ZeroAddress {}.into());
        }
        if id.is_zero() {
            return Err(ZeroComponentId {}.into());
        }
        let existing = self.components.getter(id).address.get();
        if !existing.is_zero() {
            return Err(facade.already_registered(id, existing));
        }
        let Some(code_hash) = self.code_hash_of(component) else {
            return Err(NotAContract { account: component }.into());
        };
        let existing_id = self.component_id_of.get(component);
        if !existing_id.is_zero() {
            return Err(ComponentAddressAlreadyRegistered {
                component,
                existingId: existing_id,
            }
            .into());
        }
        Self::check_metadata(facade, description, component_type)?;

        let now = self.vm().block_timestamp();
        let mut entry = self.components.setter(id);
        entry.address.set(component);
        entry
            .registry_type
            .set(alloy_primitives::Uint::<8, 1>::from(t as u8));
        entry.active.set(true);
        entry
            .registered_at
            .set(alloy_primitives::Uint::<64, 1>::from(now));
        entry.code_hash.set(code_hash);
        entry.description.set_str(description);
        entry.type_name.set_str(component_type);
        self.component_ids.push(id);
        self.ids_by_type.setter(t as u8).push(id);
        self.component_id_of.insert(component, id);

        let timestamp = U256::from(now);
        let topics = [id, component.into_word()];
        let t = t as u8;
        let type_word = B256::with_last_byte(t);
        let data = [
            Token::from(code_hash),
            component_type.into(),
            description.into(),
            timestamp.into(),
        ];
        emit(
            self.vm(),
            &[
                ComponentRegistered::SIGNATURE_HASH,
                id,
                topics[1],
                type_word,
            ],
            &data,
        );
        emit(
            self.vm(),
            &[REGISTERED[usize::from(t)], id, topics[1]],
            &data,
        );
        Ok(())
    }

    fn deactivate(&mut self, facade: Facade, id: B256, reason: &str) -> Result<(), Error> {
        self.only_governor()?;
        let t = self
            .lookup(id, facade.scope())
            .ok_or_else(|| facade.not_found(id))?;
        let mut entry = self.components.setter(id);
        if !entry.active.get() {
            return Err(facade.inactive(id));
        }
        entry.active.set(false);
        let component = entry.address.get();
        let timestamp = self.now();
        let topics = [id, component.into_word()];
        emit(
            self.vm(),
            &[ComponentDeactivated::SIGNATURE_HASH, id, topics[1]],
            &[reason.into(), timestamp.into()],
        );
        emit(
            self.vm(),
            &[DEACTIVATED[t as usize], id, topics[1]],
            &[timestamp.into()],
        );
        if t == RegistryType::Provider && !reason.is_empty() {
            emit(
                self.vm(),
                &[ProviderDeactivationReason::SIGNATURE_HASH, id],
                &[reason.into(), timestamp.into()],
            );
        }
        Ok(())
    }

    fn reactivate(&mut self, facade: Facade, id: B256) -> Result<(), Error> {
        self.only_governor()?;
        let t = self
            .lookup(id, facade.scope())
            .ok_or_else(|| facade.not_found(id))?;
        let entry = self.components.getter(id);
        if entry.active.get() {
            return Err(ComponentAlreadyActive { componentId: id }.into());
        }
        let component = entry.address.get();
        let expected = entry.code_hash.get();
        let current = self.vm().code_hash(component);
        if current != expected {
            return Err(facade.code_changed(id, expected, current));
        }
        self.components.setter(id).active.set(true);
        let timestamp = self.now();
        let address_topic = component.into_word();
        emit(
            self.vm(),
            &[ComponentReactivated::SIGNATURE_HASH, id, address_topic],
            &[timestamp.into()],
        );
        emit(
            self.vm(),
            &[REACTIVATED[t as usize], id, address_topic],
            &[timestamp.into()],
        );
        Ok(())
    }

    fn update_metadata(
        &mut self,
        facade: Facade,
        id: B256,
        new_description: &str,
        new_type: &str,
    ) -> Result<(), Error> {
        self.only_governor()?;
        let t = self
            .lookup(id, facade.scope())
            .ok_or_else(|| facade.not_found(id))?;
        Self::check_metadata(facade, new_description, new_type)?;
        let mut entry = self.components.setter(id);
        entry.description.set_str(new_description);
        entry.type_name.set_str(new_type);
        let data = [new_description.into(), new_type.into(), self.now().into()];
        emit(
            self.vm(),
            &[ComponentMetadataUpdated::SIGNATURE_HASH, id],
            &data,
        );
        emit(self.vm(), &[METADATA_UPDATED[t as usize], id], &data);
        Ok(())
    }

    /// R2: the address iff the entry exists (with the scope's type), is active and its code hash
    /// is unchanged; zero otherwise. Never reverts.
    fn checked_get(&self, id: B256, scope: Option<RegistryType>) -> Address {
        if self.lookup(id, scope).is_none() {
            return Address::ZERO;
        }
        let entry = self.components.getter(id);
        if !entry.active.get() {
            return Address::ZERO;
        }
        let component = entry.address.get();
        if self.vm().code_hash(component) != entry.code_hash.get() {
            return Address::ZERO;
        }
        component
    }

    /// R3: the stored entry, or an all-zero one outside the scope.
    fn info_of(&self, id: B256, scope: Option<RegistryType>) -> ComponentInfo {
        let Some(t) = self.lookup(id, scope) else {
            return ComponentInfo {
                componentAddress: Address::ZERO,
                registryType: 0,
                active: false,
                registeredAt: U256::ZERO,
                description: String::new(),
                componentType: String::new(),
                codeHash: B256::ZERO,
            };
        };
        let entry = self.components.getter(id);
        ComponentInfo {
            componentAddress: entry.address.get(),
            registryType: t as u8,
            active: entry.active.get(),
            registeredAt: U256::from(entry.registered_at.get()),
            description: entry.description.get_string(),
            componentType: entry.type_name.get_string(),
            codeHash: entry.code_hash.get(),
        }
    }

    fn id_at(&self, scope: Option<RegistryType>, index: U256) -> Result<B256, Error> {
        let out_of_bounds = |len: usize| IndexOutOfBounds {
            index,
            length: U256::from(len),
        };
        let found = match scope {
            None => usize::try_from(index)
                .ok()
                .and_then(|i| self.component_ids.get(i)),
            Some(t) => usize::try_from(index)
                .ok()
                .and_then(|i| self.ids_by_type.getter(t as u8).get(i)),
        };
        found.ok_or_else(|| {
            let len = match scope {
                None => self.component_ids.len(),
                Some(t) => self.ids_by_type.getter(t as u8).len(),
            };
            out_of_bounds(len).into()
        })
    }

    fn page(&self, scope: Option<RegistryType>, offset: U256, limit: U256) -> Vec<B256> {
        match scope {
            None => {
                let ids = &self.component_ids;
                page_bounds(ids.len(), offset, limit)
                    .filter_map(|i| ids.get(i))
                    .collect()
            }
            Some(t) => {
                let ids = self.ids_by_type.getter(t as u8);
                page_bounds(ids.len(), offset, limit)
                    .filter_map(|i| ids.get(i))
                    .collect()
            }
        }
    }
}

/// ERC-165 id of the generic component API (the twelve functions of spec 03 §1).
pub const REGISTRY_INTERFACE_ID: [u8; 4] = interface_id(&[
    registerComponentCall::SELECTOR,
    deactivateComponentCall::SELECTOR,
    reactivateComponentCall::SELECTOR,
    updateComponentMetadataCall::SELECTOR,
    getComponentCall::SELECTOR,
    getComponentInfoCall::SELECTOR,
    isComponentApprovedCall::SELECTOR,
    getComponentCountCall::SELECTOR,
    getComponentCountByTypeCall::SELECTOR,
    getComponentIdsByTypeCall::SELECTOR,
    getComponentIdsPaginatedCall::SELECTOR,
    getComponentIdsByTypePaginatedCall::SELECTOR,
]);
fn ret(tokens: &[Token<'_>]) -> Vec<u8> {
    returns(tokens)
}

fn ret_ids(ids: &[B256]) -> Vec<u8> {
    returns(&[Token::Words(ids)])
}

/// Encodes the six-field typed views (`ProviderInfo`, `VerifierInfo`, `ResolverInfo`), which
/// share their layout.
fn ret_typed(c: &ComponentInfo) -> Vec<u8> {
    returns(&[Token::Tuple(&[
        c.componentAddress.into(),
        c.codeHash.into(),
        c.active.into(),
        c.registeredAt.into(),
        c.description.as_str().into(),
        c.componentType.as_str().into(),
    ])])
}

// The ABI router (see [`integra_primitives::abi`] for why it is written by hand). Unknown
// selectors and malformed calldata revert with empty data; every function is non-payable.
integra_primitives::compact_router!(IntegraRegistry, dispatch, constructor(s, args) {
    let governor = args.address(0).ok_or_else(Vec::new)?;
    s.constructor(governor).map_err(Vec::from)
});

/// The operations the typed facades share; their selectors differ only by the type.
#[derive(Clone, Copy)]
enum TypedOp {
    Register,
    Get,
    Info,
    DeactivateWithReason,
    Deactivate,
    Reactivate,
    UpdateMetadata,
    Count,
    IdAt,
    All,
    Paginated,
}

/// Selector → (operation, type) for every typed-facade function.
const TYPED_OPS: [([u8; 4], TypedOp, RegistryType); 31] = {
    use RegistryType::{Provider as P, Resolver as R, Tokenizer as T, Verifier as V};
    use TypedOp::{
        All, Count, Deactivate, DeactivateWithReason, Get, IdAt, Info, Paginated, Reactivate,
        Register, UpdateMetadata,
    };
    [
        (registerProviderCall::SELECTOR, Register, P),
        (getProviderCall::SELECTOR, Get, P),
        (getProviderInfoCall::SELECTOR, Info, P),
        (deactivateProviderCall::SELECTOR, DeactivateWithReason, P),
        (reactivateProviderCall::SELECTOR, Reactivate, P),
        (getProviderCountCall::SELECTOR, Count, P),
        (getProviderIdAtCall::SELECTOR, IdAt, P),
        (getAllProviderIdsCall::SELECTOR, All, P),
        (getProviderIdsPaginatedCall::SELECTOR, Paginated, P),
        (registerVerifierCall::SELECTOR, Register, V),
        (getVerifierCall::SELECTOR, Get, V),
        (getVerifierInfoCall::SELECTOR, Info, V),
        (deactivateVerifierCall::SELECTOR, Deactivate, V),
        (reactivateVerifierCall::SELECTOR, Reactivate, V),
        (updateVerifierMetadataCall::SELECTOR, UpdateMetadata, V),
        (getVerifierCountCall::SELECTOR, Count, V),
        (getVerifierIdAtCall::SELECTOR, IdAt, V),
        (getAllVerifierIdsCall::SELECTOR, All, V),
        (getVerifierIdsPaginatedCall::SELECTOR, Paginated, V),
        (registerResolverCall::SELECTOR, Register, R),
        (getResolverCall::SELECTOR, Get, R),
        (getResolverInfoCall::SELECTOR, Info, R),
        (deactivateResolverCall::SELECTOR, Deactivate, R),
        (reactivateResolverCall::SELECTOR, Reactivate, R),
        (updateResolverMetadataCall::SELECTOR, UpdateMetadata, R),
        (getResolverCountCall::SELECTOR, Count, R),
        (getResolverIdAtCall::SELECTOR, IdAt, R),
        (getAllResolverIdsCall::SELECTOR, All, R),
        (getResolverIdsPaginatedCall::SELECTOR, Paginated, R),
        (registerTokenizerCall::SELECTOR, Register, T),
        (getTokenizerComponentCall::SELECTOR, Get, T),
    ]
};

fn typed_op(selector: [u8; 4]) -> Option<(TypedOp, RegistryType)> {
    TYPED_OPS
        .iter()
        .find(|(s, _, _)| *s == selector)
        .map(|&(_, op, t)| (op, t))
}

#[allow(clippy::too_many_lines)] // one arm per external function
fn dispatch(s: &mut IntegraRegistry, selector: [u8; 4], a: Args<'_>) -> Option<ArbResult> {
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
    let run = |r: Result<(), Error>| r.map(|()| Vec::new()).map_err(Vec::from);
    if let Some((op, t)) = typed_op(selector) {
        let facade = Facade::Typed(t);
        let scope = Some(t);
        let t8 = t as u8;
        return Some(match op {
            TypedOp::Register => run(s.register(
                facade,
                arg!(a.word(0)),
                arg!(a.address(1)),
                t8,
                arg!(a.string(2)),
                arg!(a.string(3)),
            )),
            TypedOp::Get => Ok(ret(&[s.checked_get(arg!(a.word(0)), scope).into()])),
            TypedOp::Info => Ok(ret_typed(&s.info_of(arg!(a.word(0)), scope))),
            TypedOp::DeactivateWithReason => {
                run(s.deactivate(facade, arg!(a.word(0)), arg!(a.string(1))))
            }
            TypedOp::Deactivate => run(s.deactivate(facade, arg!(a.word(0)), "")),
            TypedOp::Reactivate => run(s.reactivate(facade, arg!(a.word(0)))),
            TypedOp::UpdateMetadata => run(s.update_metadata(
                facade,
                arg!(a.word(0)),
                arg!(a.string(1)),
                arg!(a.string(2)),
            )),
            TypedOp::Count => Ok(ret(&[U256::from(s.ids_by_type.getter(t8).len()).into()])),
            TypedOp::IdAt => s
                .id_at(scope, arg!(a.u256(0)))
                .map(|id| ret(&[id.into()]))
                .map_err(Vec::from),
            TypedOp::All => Ok(ret_ids(&s.page(scope, U256::ZERO, U256::MAX))),
            TypedOp::Paginated => Ok(ret_ids(&s.page(scope, arg!(a.u256(0)), arg!(a.u256(1))))),
        });
    }
    let out = match selector {
        registerComponentCall::SELECTOR => run(s.register_component(
            arg!(a.word(0)),
            arg!(a.address(1)),
            arg!(a.u8(2)),
            arg!(a.string(3)),
            arg!(a.string(4)),
        )),
        deactivateComponentCall::SELECTOR => {
            run(s.deactivate_component(arg!(a.word(0)), arg!(a.string(1))))
        }
        reactivateComponentCall::SELECTOR => run(s.reactivate_component(arg!(a.word(0)))),
        updateComponentMetadataCall::SELECTOR => {
            run(s.update_component_metadata(arg!(a.word(0)), arg!(a.string(1)), arg!(a.string(2))))
        }
        getComponentCall::SELECTOR => Ok(ret(&[s.get_component(arg!(a.word(0))).into()])),
        getComponentInfoCall::SELECTOR => {
            let c = s.get_component_info(arg!(a.word(0)));
            Ok(ret(&[Token::Tuple(&[
                c.componentAddress.into(),
                c.registryType.into(),
                c.active.into(),
                c.registeredAt.into(),
                c.description.as_str().into(),
                c.componentType.as_str().into(),
                c.codeHash.into(),
            ])]))
        }
        isComponentApprovedCall::SELECTOR => {
            Ok(ret(&[s.is_component_approved(arg!(a.address(0))).into()]))
        }
        getComponentCountCall::SELECTOR => Ok(ret(&[s.get_component_count().into()])),
        getComponentCountByTypeCall::SELECTOR => s
            .get_component_count_by_type(arg!(a.u8(0)))
            .map(|n| ret(&[n.into()]))
            .map_err(Vec::from),
        getComponentIdsByTypeCall::SELECTOR => s
            .get_component_ids_by_type(arg!(a.u8(0)))
            .map(|v| ret_ids(&v))
            .map_err(Vec::from),
        getComponentIdsPaginatedCall::SELECTOR => Ok(ret_ids(
            &s.get_component_ids_paginated(arg!(a.u256(0)), arg!(a.u256(1))),
        )),
        getComponentIdsByTypePaginatedCall::SELECTOR => s
            .get_component_ids_by_type_paginated(arg!(a.u8(0)), arg!(a.u256(1)), arg!(a.u256(2)))
            .map(|v| ret_ids(&v))
            .map_err(Vec::from),

        hasRoleCall::SELECTOR => Ok(ret(&[s
            .has_role(arg!(a.word(0)), arg!(a.address(1)))
            .into()])),
        getRoleAdminCall::SELECTOR => Ok(ret(&[s.get_role_admin(arg!(a.word(0))).into()])),
        grantRoleCall::SELECTOR => run(s.grant_role(arg!(a.word(0)), arg!(a.address(1)))),
        revokeRoleCall::SELECTOR => run(s.revoke_role(arg!(a.word(0)), arg!(a.address(1)))),
        renounceRoleCall::SELECTOR => run(s.renounce_role(arg!(a.word(0)), arg!(a.address(1)))),
        supportsInterfaceCall::SELECTOR => {
            let id = arg!(a.word(0));
            // bytes4 is left-aligned; the low 28 bytes must be clean.
            if id[4..].iter().any(|b| *b != 0) {
                return Some(Err(Vec::new()));
            }
            Ok(ret(&[s
                .supports_interface(B32::from_slice(&id[..4]))
                .into()]))
        }
        VERSIONCall::SELECTOR => Ok(ret(&[s.version().as_str().into()])),
        GOVERNOR_ROLECall::SELECTOR => Ok(ret(&[s.governor_role().into()])),
        DEFAULT_ADMIN_ROLECall::SELECTOR => Ok(ret(&[s.default_admin_role().into()])),
        _ => return None,
    };
    Some(out)
}

#[cfg(test)]
mod tests;
