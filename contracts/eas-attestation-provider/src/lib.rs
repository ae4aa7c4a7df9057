//! `EASAttestationProvider` (spec 01 §5): the `IAttestationProvider` that answers "does EAS
//! attestation `uid` grant `recipient` capabilities on record `documentHash`, for the calling
//! contract?" by reading the attestation from EAS (`IEAS.getAttestation`).
//!
//! # Verification (spec 01 §5.1, normative order; the first failure reverts with its error)
//! `verifyCapabilities(proof, recipient, documentHash, requiredCapability)` is called by the
//! gated contract (the *consumer*, `msg.sender`) with `recipient` = its resolved caller:
//! 0. not paused (`EnforcedPause`);
//! 1. `proof` is exactly 32 bytes, the UID (`InvalidProofFormat`);
//! 2. the attestation exists in EAS (`AttestationNotFound(uid)`);
//! 3. it is not revoked (`AttestationRevoked(uid, revocationTime)`);
//! 4. it has not expired: `expirationTime == 0 || now <= expirationTime`
//!    (`AttestationExpired(uid, expirationTime)`);
//! 5. its schema is the FULL capability schema, or the CLAIM schema when one is set
//!    (`InvalidSchema(schema, accessCapabilitySchema)`);
//! 6. its recipient is `recipient` (`RecipientMismatch(attested, recipient)`);
//! 7. issuer rule for `documentHash` (`IssuerRevoked(h)` / `InvalidIssuer(attester, expected)`):
//!    a REVOKED record fails for both schemas; FULL needs the active issuer when there is one,
//!    else the record's owner or non-zero executor; CLAIM accepts the active issuer, the owner or
//!    the executor (owner and executor read from the document registry at call time);
//! 8. the data decodes: FULL as the 14-field tuple, CLAIM as exactly 96 bytes
//!    (`InvalidAttestationData(uid)`);
//! 9. – 12. FULL only: `sourceChainId == block.chainid` (`WrongChain(expected, actual)`),
//!    `sourceEASContract == eas` (`WrongEASContract`), `documentContract == consumer`
//!    (`WrongDocumentContract(consumer, attested)`), `attestationVersion == SCHEMA_VERSION`
//!    (`WrongSchemaVersion`);
//! 13. the attested record is `documentHash` (`WrongDocument(attested, documentHash)`);
//! 14. CLAIM only: the capability is exactly `CORE_CLAIM` (`InvalidCapability(capability)`);
//! 15. `maxAttestationAge == 0 || now - att.time <= maxAttestationAge`, with EAS's `time`
//!     (`AttestationTooOld(time, maxAge)`).
//!
//! It then returns `(true, capabilities)` for FULL and `(true, CORE_CLAIM)` for CLAIM. Whether
//! the granted capabilities cover `requiredCapability` is the consumer's check
//! (`AttestationAccessControl` step 4, `NoCapability`), as in spec 01 §6; the provider does not
//! look at it. `verifyCapabilitiesWithToken` runs the same checks and also returns the
//! attestation's `tokenId` (spec 01 OQ-01-3). Nothing is consumed: consumers enforce single use.
//!
//! # Issuers per record
//! `NONE` → `DEFAULT` (governor, `setDocumentIssuer`) → `OWNER_SET` (record owner,
//! `setDocumentIssuerByOwner`; wins over the default) → `REVOKED` (owner,
//! `revokeDocumentIssuer`; clears both and voids every attestation for the record) →
//! `OWNER_SET` (owner, `restoreDocumentIssuer`). The governor cannot set a default while
//! `REVOKED`.
//!
//! # Deployment
//! No proxy (the spec's UUPS is not used, as for the other contracts): `initialize` runs exactly
//! once and must be called in the deployment transaction or checked right after it. Storage is
//! append-only so an ERC-1967 proxy can be put in front later.
//!
//! # Storage (gas of a verification)
//! `maxAttestationAge` (≤ 365 days) is kept in 8 bytes beside the document registry's address,
//! and each record's owner override with its revocation time in one slot (`ownerSetIssuers`,
//! `issuerRevokedAt`; the default issuer has its own): a CLAIM verification reads two cold
//! slots fewer (4,200 gas) than with the spec's separate `uint256`s and mappings. The views
//! answer as the spec's.
//!
//! # Additions to the spec (+)
//! - `setClaimSchema(bytes32)` (GOVERNOR, event `ClaimSchemaUpdated`): spec 04 OQ-04-1's way to
//!   move to a new `TokenClaimResolver` (a new resolver address means a new schema UID) without
//!   an upgrade; 0 turns the CLAIM profile off.
//! - `revokeDocumentIssuer` on a record that is already REVOKED reverts `IssuerRevoked(h)`, so
//!   `issuerRevokedAt` keeps the first revocation time.
//! - `getDocumentIssuer(h)` returns the active issuer (as `getActiveIssuer`); the raw mappings are
//!   readable as `documentIssuers(h)`, `ownerSetIssuers(h)`, `issuerRevokedAt(h)`.
//! - Owner functions and the issuer views work while paused; only verification is paused.
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
    capabilities::CORE_CLAIM,
    compact_errors,
    eas::{decode_attestation_return, Attestation, IEAS},
    interfaces::{IDocumentOwnerLookup, IDocumentRecordLookup},
    roles::{DEFAULT_ADMIN_ROLE, GOVERNOR_ROLE},
    VERSION,
};
use stylus_sdk::{
    alloy_primitives::aliases::B32,
    keccak_const::Keccak256,
    prelude::*,
    storage::{StorageAddress, StorageB256, StorageBool, StorageMap, StorageU64},
    ArbResult,
};

pub use IEASAttestationProvider::*;

integra_primitives::contract_interface! {
    /// `EASAttestationProvider` (spec 01 §5).
    interface IEASAttestationProvider {
        #[derive(Debug, PartialEq, Eq)]
        event DocumentIssuerSet(bytes32 indexed documentHash, address indexed issuer, address indexed setBy, bool isOwnerOverride, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event DocumentIssuerRevoked(bytes32 indexed documentHash, address indexed previousIssuer, address indexed revokedBy, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event MaxAttestationAgeUpdated(uint256 oldAge, uint256 newAge, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event ClaimSchemaUpdated(bytes32 oldSchema, bytes32 newSchema, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event Paused(address account);
        #[derive(Debug, PartialEq, Eq)]
        event Unpaused(address account);
        #[derive(Debug, PartialEq, Eq)]
        event Initialized(uint64 version);
        #[derive(Debug, PartialEq, Eq)]
        event RoleGranted(bytes32 indexed role, address indexed account, address indexed sender);
        #[derive(Debug, PartialEq, Eq)]
        event RoleRevoked(bytes32 indexed role, address indexed account, address indexed sender);
        #[derive(Debug, PartialEq, Eq)]
        event RoleAdminChanged(bytes32 indexed role, bytes32 indexed previousAdminRole, bytes32 indexed newAdminRole);

        #[derive(Debug, PartialEq, Eq)]
        error EnforcedPause();
        #[derive(Debug, PartialEq, Eq)]
        error ExpectedPause();
        #[derive(Debug, PartialEq, Eq)]
        error InvalidProofFormat();
        #[derive(Debug, PartialEq, Eq)]
        error AttestationNotFound(bytes32 uid);
        #[derive(Debug, PartialEq, Eq)]
        error AttestationRevoked(bytes32 uid, uint64 revokedAt);
        #[derive(Debug, PartialEq, Eq)]
        error AttestationExpired(bytes32 uid, uint64 expiredAt);
        #[derive(Debug, PartialEq, Eq)]
        error InvalidSchema(bytes32 schema, bytes32 expected);
        #[derive(Debug, PartialEq, Eq)]
        error RecipientMismatch(address attested, address expected);
        #[derive(Debug, PartialEq, Eq)]
        error IssuerRevoked(bytes32 documentHash);
        #[derive(Debug, PartialEq, Eq)]
        error InvalidIssuer(address attester, address expected);
        #[derive(Debug, PartialEq, Eq)]
        error InvalidAttestationData(bytes32 uid);
        #[derive(Debug, PartialEq, Eq)]
        error WrongChain(uint256 expected, uint256 actual);
        #[derive(Debug, PartialEq, Eq)]
        error WrongEASContract(address expected, address actual);
        #[derive(Debug, PartialEq, Eq)]
        error WrongDocumentContract(address expected, address actual);
        #[derive(Debug, PartialEq, Eq)]
        error WrongSchemaVersion(bytes32 expected, bytes32 actual);
        #[derive(Debug, PartialEq, Eq)]
        error WrongDocument(bytes32 attested, bytes32 expected);
        #[derive(Debug, PartialEq, Eq)]
        error InvalidCapability(uint256 capability);
        #[derive(Debug, PartialEq, Eq)]
        error AttestationTooOld(uint64 issuedAt, uint256 maxAge);
        #[derive(Debug, PartialEq, Eq)]
        error ZeroAddress();
        #[derive(Debug, PartialEq, Eq)]
        error InvalidSchemaUID();
        #[derive(Debug, PartialEq, Eq)]
        error InvalidIssuerAddress();
        #[derive(Debug, PartialEq, Eq)]
        error OnlyDocumentOwner(address caller, address owner);
        #[derive(Debug, PartialEq, Eq)]
        error IssuerNotRevoked(bytes32 documentHash);
        #[derive(Debug, PartialEq, Eq)]
        error InvalidMaxAttestationAge(uint256 maxAge);
        #[derive(Debug, PartialEq, Eq)]
        error EmptyBatch();
        #[derive(Debug, PartialEq, Eq)]
        error BatchTooLarge(uint256 size, uint256 max);
        #[derive(Debug, PartialEq, Eq)]
        error ArrayLengthMismatch();
        #[derive(Debug, PartialEq, Eq)]
        error InvalidInitialization();
        #[derive(Debug, PartialEq, Eq)]
        error NotInitialized();
        #[derive(Debug, PartialEq, Eq)]
        error AccessControlUnauthorizedAccount(address account, bytes32 neededRole);
        #[derive(Debug, PartialEq, Eq)]
        error AccessControlBadConfirmation();

        function initialize(address eas, bytes32 accessCapabilitySchema, bytes32 claimSchema, address namespace, address documentRegistry, address governor) external;
        // ---- IAttestationProvider (spec 01 §5) ----
        function verifyCapabilities(bytes proof, address recipient, bytes32 documentHash, uint256 requiredCapability) external view returns (bool verified, uint256 grantedCapabilities);
        function getProviderInfo() external view returns (string memory name, string memory version, bytes32 providerType);
        function supportsMethod(bytes32 methodId) external view returns (bool);
        function verifyCapabilitiesWithToken(bytes proof, address recipient, bytes32 documentHash, uint256 requiredCapability) external view returns (bool verified, uint256 grantedCapabilities, uint256 attestedTokenId);
        // ---- issuers ----
        function setDocumentIssuer(bytes32 documentHash, address issuer) external;
        function setDocumentIssuersBatch(bytes32[] documentHashes, address[] issuers) external;
        function setDocumentIssuerByOwner(bytes32 documentHash, address issuer, address owner) external;
        function revokeDocumentIssuer(bytes32 documentHash, address owner) external;
        function restoreDocumentIssuer(bytes32 documentHash, address issuer, address owner) external;
        function getDocumentIssuer(bytes32 documentHash) external view returns (address);
        function getActiveIssuer(bytes32 documentHash) external view returns (address issuer, bool isOwnerSet, bool isRevoked);
        // ---- governance ----
        function setMaxAttestationAge(uint256 maxAge) external;
        function setClaimSchema(bytes32 claimSchema) external;
        function pause() external;
        function unpause() external;
        function paused() external view returns (bool);
        // ---- storage getters, constants ----
        function getCurrentChainId() external view returns (uint256);
        function getEASAddress() external view returns (address);
        function eas() external view returns (address);
        function accessCapabilitySchema() external view returns (bytes32);
        function claimSchema() external view returns (bytes32);
        function NAMESPACE() external view returns (address);
        function documentRegistry() external view returns (address);
        function maxAttestationAge() external view returns (uint256);
        function documentIssuers(bytes32 documentHash) external view returns (address);
        function ownerSetIssuers(bytes32 documentHash) external view returns (address);
        function issuerRevokedAt(bytes32 documentHash) external view returns (uint256);
        function PROVIDER_TYPE() external view returns (bytes32);
        function SCHEMA_VERSION() external view returns (bytes32);
        function MIN_ATTESTATION_AGE() external view returns (uint256);
        function MAX_ATTESTATION_AGE_LIMIT() external view returns (uint256);
        function MAX_ISSUER_BATCH() external view returns (uint256);
        function VERSION() external view returns (string memory);
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

const fn hash(text: &str) -> B256 {
    B256::new(Keccak256::new().update(text.as_bytes()).finalize())
}

/// `keccak256("EAS")`.
pub const PROVIDER_TYPE: B256 = hash("EAS");
/// `keccak256("INTEGRA_CAPABILITY_1.0.0")`: the FULL schema's `attestationVersion`.
pub const SCHEMA_VERSION: B256 = hash("INTEGRA_CAPABILITY_1.0.0");
/// `getProviderInfo().name`.
pub const PROVIDER_NAME: &str = "EAS Attestation Provider";
/// 1 hour: the smallest non-zero `maxAttestationAge`.
pub const MIN_ATTESTATION_AGE: u64 = 3600;
/// 365 days: the largest `maxAttestationAge`.
pub const MAX_ATTESTATION_AGE_LIMIT: u64 = 365 * 86_400;
/// Largest `setDocumentIssuersBatch`.
pub const MAX_ISSUER_BATCH: usize = 100;
/// `supportsMethod` ids: `keccak256("verifyCapabilities")`, `keccak256("verifyCapabilitiesWithToken")`.
pub const SUPPORTED_METHODS: [B256; 2] = [
    hash("verifyCapabilities"),
    hash("verifyCapabilitiesWithToken"),
];
/// The FULL schema string (registered with resolver 0, revocable).
pub const FULL_SCHEMA: &str = "bytes32 documentHash,uint256 tokenId,uint256 capabilities,string verifiedIdentity,string verificationMethod,uint256 verificationDate,string contractRole,string legalEntityType,string notes,uint256 sourceChainId,address sourceEASContract,address documentContract,uint64 issuedAt,bytes32 attestationVersion";
/// The CLAIM schema string (spec 04 §4; registered with `TokenClaimResolver`, revocable).
pub const CLAIM_SCHEMA: &str = "bytes32 integraHash,uint256 tokenId,uint256 claimCapability";

/// ERC-165 id of `IAttestationProvider`.
pub const ATTESTATION_PROVIDER_INTERFACE_ID: [u8; 4] = interface_id(&[
    verifyCapabilitiesCall::SELECTOR,
    getProviderInfoCall::SELECTOR,
    supportsMethodCall::SELECTOR,
]);

compact_errors! {
    /// Every way a call to the provider can fail.
    pub enum Error {
        /// Verification while paused, or `pause` while paused.
        EnforcedPause(EnforcedPause {}),
        /// `unpause` while not paused.
        ExpectedPause(ExpectedPause {}),
        /// Step 1.
        InvalidProofFormat(InvalidProofFormat {}),
        /// Step 2.
        AttestationNotFound(AttestationNotFound { uid }),
        /// Step 3.
        AttestationRevoked(AttestationRevoked { uid, revokedAt }),
        /// Step 4.
        AttestationExpired(AttestationExpired { uid, expiredAt }),
        /// Step 5.
        InvalidSchema(InvalidSchema { schema, expected }),
        /// Step 6.
        RecipientMismatch(RecipientMismatch { attested, expected }),
        /// Step 7 (and issuer writes while REVOKED).
        IssuerRevoked(IssuerRevoked { documentHash }),
        /// Step 7.
        InvalidIssuer(InvalidIssuer { attester, expected }),
        /// Step 8.
        InvalidAttestationData(InvalidAttestationData { uid }),
        /// Step 9.
        WrongChain(WrongChain { expected, actual }),
        /// Step 10.
        WrongEASContract(WrongEASContract { expected, actual }),
        /// Step 11.
        WrongDocumentContract(WrongDocumentContract { expected, actual }),
        /// Step 12.
        WrongSchemaVersion(WrongSchemaVersion { expected, actual }),
        /// Step 13.
        WrongDocument(WrongDocument { attested, expected }),
        /// Step 14.
        InvalidCapability(InvalidCapability { capability }),
        /// Step 15.
        AttestationTooOld(AttestationTooOld { issuedAt, maxAge }),
        /// A zero address where one is required.
        ZeroAddress(ZeroAddress {}),
        /// A zero FULL schema UID.
        InvalidSchemaUID(InvalidSchemaUID {}),
        /// A zero issuer.
        InvalidIssuerAddress(InvalidIssuerAddress {}),
        /// The caller is not the record's owner (or passed another owner).
        OnlyDocumentOwner(OnlyDocumentOwner { caller, owner }),
        /// `restoreDocumentIssuer` on a record that is not REVOKED.
        IssuerNotRevoked(IssuerNotRevoked { documentHash }),
        /// Outside `0 ∪ [1 h, 365 d]`.
        InvalidMaxAttestationAge(InvalidMaxAttestationAge { maxAge }),
        /// An empty batch.
        EmptyBatch(EmptyBatch {}),
        /// More than 100 items.
        BatchTooLarge(BatchTooLarge { size, max }),
        /// Parallel arrays of different lengths.
        ArrayLengthMismatch(ArrayLengthMismatch {}),
        /// `initialize` ran already.
        InvalidInitialization(InvalidInitialization {}),
        /// A call before `initialize`.
        NotInitialized(NotInitialized {}),
        /// Missing role.
        UnauthorizedAccount(AccessControlUnauthorizedAccount { account, neededRole }),
        /// `renounceRole` confirmation is not the caller.
        BadConfirmation(AccessControlBadConfirmation {}),
        ;
        /// EAS's revert data, passed through.
        Reverted(bytes),
    }
}

integra_primitives::access_control_errors!(Error);

/// The provider's storage (append-only; see the crate docs).
#[entrypoint]
#[storage]
pub struct EASAttestationProvider {
    initialized: StorageBool,
    is_paused: StorageBool,
    eas: StorageAddress,
    access_capability_schema: StorageB256,
    claim_schema: StorageB256,
    namespace: StorageAddress,
    document_registry: StorageAddress,
    /// Seconds, ≤ 365 days: shares the document registry's slot (one cold read per
    /// verification instead of two).
    max_attestation_age: StorageU64,
    access: AccessControl,
    document_issuers: StorageMap<B256, StorageAddress>,
    owner_issuers: StorageMap<B256, OwnerIssuer>,
}

/// A record's owner override and revocation time in one slot (20 + 8 bytes): the issuer check
/// reads both with one cold `SLOAD`.
#[storage]
pub struct OwnerIssuer {
    /// `ownerSetIssuers(h)`.
    issuer: StorageAddress,
    /// `issuerRevokedAt(h)`, 0 unless REVOKED.
    revoked_at: StorageU64,
}

fn secs(v: u64) -> alloy_primitives::Uint<64, 1> {
    alloy_primitives::Uint::from_limbs([v])
}

/// What a successful verification found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verified {
    /// FULL: the attested capabilities; CLAIM: `CORE_CLAIM`.
    pub capabilities: U256,
    /// The attested `tokenId`.
    pub token_id: U256,
}

/// The issuer state of one record.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ActiveIssuer {
    /// 0 when REVOKED, else the owner override, else the governor default.
    pub issuer: Address,
    /// The active issuer is the owner's override.
    pub is_owner_set: bool,
    /// The record is REVOKED.
    pub is_revoked: bool,
}

impl EASAttestationProvider {
    /// Binds EAS, the schemas, the namespace, the document registry and the governor, once.
    ///
    /// # Errors
    /// `InvalidInitialization` on a second call; `ZeroAddress` for a zero EAS, namespace,
    /// registry or governor; `InvalidSchemaUID` for a zero FULL schema (the CLAIM schema may be
    /// 0: CLAIM profile off).
    ///
    /// # Events
    /// `RoleGranted` (admin and governor), `Initialized(1)`.
    pub fn initialize(
        &mut self,
        eas: Address,
        access_capability_schema: B256,
        claim_schema: B256,
        namespace: Address,
        document_registry: Address,
        governor: Address,
    ) -> Result<(), Error> {
        if self.initialized.get() {
            return Err(InvalidInitialization {}.into());
        }
        if eas.is_zero() || namespace.is_zero() || document_registry.is_zero() || governor.is_zero()
        {
            return Err(ZeroAddress {}.into());
        }
        if access_capability_schema.is_zero() {
            return Err(InvalidSchemaUID {}.into());
        }
        self.initialized.set(true);
        self.eas.set(eas);
        self.access_capability_schema.set(access_capability_schema);
        self.claim_schema.set(claim_schema);
        self.namespace.set(namespace);
        self.document_registry.set(document_registry);
        grant_governance(&mut self.access, governor);
        emit(self.vm(), &[Initialized::SIGNATURE_HASH], &[1u64.into()]);
        Ok(())
    }

    /// `verifyCapabilities` / `verifyCapabilitiesWithToken` for consumer `msg.sender`: every
    /// check of spec 01 §5.1 in order (see the crate docs).
    ///
    /// # Errors
    /// The first failing step's error; EAS's revert data if `getAttestation` itself reverts.
    pub fn verify(&self, proof: &[u8], recipient: Address, h: B256) -> Result<Verified, Error> {
        if self.is_paused.get() {
            return Err(EnforcedPause {}.into());
        }
        let eas = self.eas.get();
        if eas.is_zero() {
            return Err(NotInitialized {}.into());
        }
        let uid = match <[u8; 32]>::try_from(proof) {
            Ok(w) => B256::new(w),
            Err(_) => return Err(InvalidProofFormat {}.into()),
        };
        let att = self.attestation(eas, uid)?;
        if att.uid.is_zero() {
            return Err(AttestationNotFound { uid }.into());
        }
        if att.revocationTime != 0 {
            return Err(AttestationRevoked {
                uid,
                revokedAt: att.revocationTime,
            }
            .into());
        }
        let now = self.vm().block_timestamp();
        if att.expirationTime != 0 && now > att.expirationTime {
            return Err(AttestationExpired {
                uid,
                expiredAt: att.expirationTime,
            }
            .into());
        }
        let full_schema = self.access_capability_schema.get();
        let claim_schema = self.claim_schema.get();
        let full = att.schema == full_schema;
        if !full && (claim_schema.is_zero() || att.schema != claim_schema) {
            return Err(InvalidSchema {
                schema: att.schema,
                expected: full_schema,
            }
            .into());
        }
        if att.recipient != recipient {
            return Err(RecipientMismatch {
                attested: att.recipient,
                expected: recipient,
            }
            .into());
        }
        self.check_issuer(h, att.attester, full)?;
        let (attested_hash, token_id, capabilities) = if full {
            self.full_fields(uid, eas, &att.data)?
        } else {
            claim_fields(&att.data).ok_or(InvalidAttestationData { uid })?
        };
        if attested_hash != h {
            return Err(WrongDocument {
                attested: attested_hash,
                expected: h,
            }
            .into());
        }
        if !full && capabilities != CORE_CLAIM {
            return Err(InvalidCapability {
                capability: capabilities,
            }
            .into());
        }
        let max_age = self.max_attestation_age();
        if !max_age.is_zero() && U256::from(now.saturating_sub(att.time)) > max_age {
            return Err(AttestationTooOld {
                issuedAt: att.time,
                maxAge: max_age,
            }
            .into());
        }
        Ok(Verified {
            capabilities,
            token_id,
        })
    }

    /// Steps 8–12 for FULL: decodes the 14 fields and checks the chain, EAS, consumer and
    /// version bindings; returns `(documentHash, tokenId, capabilities)`.
    fn full_fields(
        &self,
        uid: B256,
        eas: Address,
        data: &[u8],
    ) -> Result<(B256, U256, U256), Error> {
        let d = Args(data);
        let fields = (|| {
            let head = (d.word(0)?, d.u256(1)?, d.u256(2)?);
            for i in [3, 4, 6, 7, 8] {
                d.bytes(i)?;
            }
            d.u256(5)?;
            d.u64(12)?;
            Some((
                head,
                d.u256(9)?,
                d.address(10)?,
                d.address(11)?,
                d.word(13)?,
            ))
        })();
        let (head, chain, source_eas, document_contract, version) =
            fields.ok_or(InvalidAttestationData { uid })?;
        let chain_id = U256::from(self.vm().chain_id());
        if chain != chain_id {
            return Err(WrongChain {
                expected: chain_id,
                actual: chain,
            }
            .into());
        }
        if source_eas != eas {
            return Err(WrongEASContract {
                expected: eas,
                actual: source_eas,
            }
            .into());
        }
        let consumer = self.vm().msg_sender();
        if document_contract != consumer {
            return Err(WrongDocumentContract {
                expected: consumer,
                actual: document_contract,
            }
            .into());
        }
        if version != SCHEMA_VERSION {
            return Err(WrongSchemaVersion {
                expected: SCHEMA_VERSION,
                actual: version,
            }
            .into());
        }
        Ok(head)
    }

    fn attestation(&self, eas: Address, uid: B256) -> Result<Attestation, Error> {
        let data = calls::calldata(IEAS::getAttestationCall::SELECTOR, &[uid.into()]);
        // EAS is trusted and its return carries the whole attestation data: no cap.
        let out = calls::call_limited(self.vm(), Kind::Static, eas, &data, u64::MAX, usize::MAX)
            .map_err(Error::Reverted)?;
        decode_attestation_return(&out).ok_or_else(|| Error::Reverted(Vec::new()))
    }

    /// Step 7.
    fn check_issuer(&self, h: B256, attester: Address, full: bool) -> Result<(), Error> {
        let state = self.active_issuer(h);
        if state.is_revoked {
            return Err(IssuerRevoked { documentHash: h }.into());
        }
        let active = state.issuer;
        if !active.is_zero() && (full || attester == active) {
            return if attester == active {
                Ok(())
            } else {
                Err(InvalidIssuer {
                    attester,
                    expected: active,
                }
                .into())
            };
        }
        let owner = self.registry_address(IDocumentOwnerLookup::getDocumentOwnerCall::SELECTOR, h);
        if !owner.is_zero() && attester == owner {
            return Ok(());
        }
        let executor =
            self.registry_address(IDocumentRecordLookup::getDocumentExecutorCall::SELECTOR, h);
        if !executor.is_zero() && attester == executor {
            return Ok(());
        }
        Err(InvalidIssuer {
            attester,
            expected: if active.is_zero() { owner } else { active },
        }
        .into())
    }

    /// An address-returning view of the document registry; 0 when the call fails.
    fn registry_address(&self, selector: [u8; 4], h: B256) -> Address {
        let data = calls::calldata(selector, &[h.into()]);
        calls::call(
            self.vm(),
            Kind::Static,
            self.document_registry.get(),
            &data,
            u64::MAX,
        )
        .ok()
        .and_then(|d| calls::one_word(&d, |a| a.address(0)))
        .unwrap_or_default()
    }

    /// The record's issuer state.
    #[must_use]
    pub fn active_issuer(&self, h: B256) -> ActiveIssuer {
        let o = self.owner_issuers.getter(h);
        if !o.revoked_at.get().is_zero() {
            return ActiveIssuer {
                is_revoked: true,
                ..ActiveIssuer::default()
            };
        }
        let owner_set = o.issuer.get();
        if owner_set.is_zero() {
            ActiveIssuer {
                issuer: self.document_issuers.get(h),
                ..ActiveIssuer::default()
            }
        } else {
            ActiveIssuer {
                issuer: owner_set,
                is_owner_set: true,
                is_revoked: false,
            }
        }
    }

    fn only_governor(&self) -> Result<Address, Error> {
        let sender = self.vm().msg_sender();
        self.access._check_role(GOVERNOR_ROLE, sender)?;
        Ok(sender)
    }

    fn emit_issuer_set(&self, h: B256, issuer: Address, by: Address, owner_override: bool) {
        emit(
            self.vm(),
            &[
                DocumentIssuerSet::SIGNATURE_HASH,
                h,
                issuer.into_word(),
                by.into_word(),
            ],
            &[owner_override.into(), self.vm().block_timestamp().into()],
        );
    }

    fn set_default_issuer(&mut self, by: Address, h: B256, issuer: Address) -> Result<(), Error> {
        if issuer.is_zero() {
            return Err(InvalidIssuerAddress {}.into());
        }
        if !self.owner_issuers.getter(h).revoked_at.get().is_zero() {
            return Err(IssuerRevoked { documentHash: h }.into());
        }
        self.document_issuers.setter(h).set(issuer);
        self.emit_issuer_set(h, issuer, by, false);
        Ok(())
    }

    /// The governor's default issuer for record `h`.
    ///
    /// # Errors
    /// `AccessControlUnauthorizedAccount`, `InvalidIssuerAddress`, `IssuerRevoked(h)`.
    ///
    /// # Events
    /// `DocumentIssuerSet(h, issuer, sender, false, now)`.
    pub fn set_document_issuer(&mut self, h: B256, issuer: Address) -> Result<(), Error> {
        let by = self.only_governor()?;
        self.set_default_issuer(by, h, issuer)
    }

    /// [`Self::set_document_issuer`] for 1–100 records, all or nothing.
    ///
    /// # Errors
    /// `AccessControlUnauthorizedAccount`, `EmptyBatch`, `BatchTooLarge(n, 100)`,
    /// `ArrayLengthMismatch`, then the first item's error.
    ///
    /// # Events
    /// `DocumentIssuerSet` per item.
    pub fn set_document_issuers_batch(
        &mut self,
        hashes: &[B256],
        issuers: &[Address],
    ) -> Result<(), Error> {
        let by = self.only_governor()?;
        if hashes.is_empty() {
            return Err(EmptyBatch {}.into());
        }
        if hashes.len() > MAX_ISSUER_BATCH {
            return Err(BatchTooLarge {
                size: U256::from(hashes.len()),
                max: U256::from(MAX_ISSUER_BATCH),
            }
            .into());
        }
        if hashes.len() != issuers.len() {
            return Err(ArrayLengthMismatch {}.into());
        }
        for (h, issuer) in hashes.iter().zip(issuers) {
            self.set_default_issuer(by, *h, *issuer)?;
        }
        Ok(())
    }

    /// Checks `owner == msg.sender == registry.getDocumentOwner(h)`.
    fn only_owner(&self, h: B256, owner: Address) -> Result<Address, Error> {
        let caller = self.vm().msg_sender();
        if self.document_registry.get().is_zero() {
            return Err(NotInitialized {}.into());
        }
        let actual = self.registry_address(IDocumentOwnerLookup::getDocumentOwnerCall::SELECTOR, h);
        if actual.is_zero() || owner != caller || caller != actual {
            return Err(OnlyDocumentOwner {
                caller,
                owner: actual,
            }
            .into());
        }
        Ok(caller)
    }

    /// The record owner's issuer override (wins over the default); clears a revocation.
    ///
    /// # Errors
    /// `OnlyDocumentOwner(caller, owner)`, `InvalidIssuerAddress`.
    ///
    /// # Events
    /// `DocumentIssuerSet(h, issuer, owner, true, now)`.
    pub fn set_document_issuer_by_owner(
        &mut self,
        h: B256,
        issuer: Address,
        owner: Address,
    ) -> Result<(), Error> {
        let by = self.only_owner(h, owner)?;
        if issuer.is_zero() {
            return Err(InvalidIssuerAddress {}.into());
        }
        let mut o = self.owner_issuers.setter(h);
        o.revoked_at.set(secs(0));
        o.issuer.set(issuer);
        self.emit_issuer_set(h, issuer, by, true);
        Ok(())
    }

    /// REVOKED: clears the default and the override; every attestation for `h` fails step 7.
    ///
    /// # Errors
    /// `OnlyDocumentOwner(caller, owner)`, `IssuerRevoked(h)` when already REVOKED.
    ///
    /// # Events
    /// `DocumentIssuerRevoked(h, previousActiveIssuer, owner, now)`.
    pub fn revoke_document_issuer(&mut self, h: B256, owner: Address) -> Result<(), Error> {
        let by = self.only_owner(h, owner)?;
        let state = self.active_issuer(h);
        if state.is_revoked {
            return Err(IssuerRevoked { documentHash: h }.into());
        }
        let now = self.vm().block_timestamp();
        let mut o = self.owner_issuers.setter(h);
        o.revoked_at.set(secs(now));
        o.issuer.set(Address::ZERO);
        self.document_issuers.setter(h).set(Address::ZERO);
        emit(
            self.vm(),
            &[
                DocumentIssuerRevoked::SIGNATURE_HASH,
                h,
                state.issuer.into_word(),
                by.into_word(),
            ],
            &[now.into()],
        );
        Ok(())
    }

    /// `REVOKED` → `OWNER_SET` with `issuer`.
    ///
    /// # Errors
    /// `OnlyDocumentOwner(caller, owner)`, `IssuerNotRevoked(h)`, `InvalidIssuerAddress`.
    ///
    /// # Events
    /// `DocumentIssuerSet(h, issuer, owner, true, now)`.
    pub fn restore_document_issuer(
        &mut self,
        h: B256,
        issuer: Address,
        owner: Address,
    ) -> Result<(), Error> {
        let by = self.only_owner(h, owner)?;
        if self.owner_issuers.getter(h).revoked_at.get().is_zero() {
            return Err(IssuerNotRevoked { documentHash: h }.into());
        }
        if issuer.is_zero() {
            return Err(InvalidIssuerAddress {}.into());
        }
        let mut o = self.owner_issuers.setter(h);
        o.revoked_at.set(secs(0));
        o.issuer.set(issuer);
        self.emit_issuer_set(h, issuer, by, true);
        Ok(())
    }

    /// Sets `maxAttestationAge` (0 = unlimited, else within `[1 h, 365 d]`).
    ///
    /// # Errors
    /// `AccessControlUnauthorizedAccount`, `InvalidMaxAttestationAge(x)`.
    ///
    /// # Events
    /// `MaxAttestationAgeUpdated(old, new, now)`.
    pub fn set_max_attestation_age(&mut self, max_age: U256) -> Result<(), Error> {
        self.only_governor()?;
        if !max_age.is_zero()
            && (max_age < U256::from(MIN_ATTESTATION_AGE)
                || max_age > U256::from(MAX_ATTESTATION_AGE_LIMIT))
        {
            return Err(InvalidMaxAttestationAge { maxAge: max_age }.into());
        }
        let old = U256::from(self.max_attestation_age.get().as_limbs()[0]);
        // ≤ 365 days (checked above).
        self.max_attestation_age.set(secs(max_age.as_limbs()[0]));
        emit(
            self.vm(),
            &[MaxAttestationAgeUpdated::SIGNATURE_HASH],
            &[
                old.into(),
                max_age.into(),
                self.vm().block_timestamp().into(),
            ],
        );
        Ok(())
    }

    /// Replaces the CLAIM schema UID (0 turns the CLAIM profile off).
    ///
    /// # Errors
    /// `AccessControlUnauthorizedAccount`.
    ///
    /// # Events
    /// `ClaimSchemaUpdated(old, new, now)`.
    pub fn set_claim_schema(&mut self, schema: B256) -> Result<(), Error> {
        self.only_governor()?;
        let old = self.claim_schema.get();
        self.claim_schema.set(schema);
        emit(
            self.vm(),
            &[ClaimSchemaUpdated::SIGNATURE_HASH],
            &[
                old.into(),
                schema.into(),
                self.vm().block_timestamp().into(),
            ],
        );
        Ok(())
    }

    /// Pauses (`true`) or unpauses verification (GOVERNOR).
    ///
    /// # Errors
    /// `AccessControlUnauthorizedAccount`, `EnforcedPause` / `ExpectedPause`.
    ///
    /// # Events
    /// `Paused(sender)` / `Unpaused(sender)`.
    pub fn set_paused(&mut self, pause: bool) -> Result<(), Error> {
        let sender = self.only_governor()?;
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

    /// True while verification is paused.
    #[must_use]
    pub fn paused(&self) -> bool {
        self.is_paused.get()
    }

    /// True when `account` holds `role`.
    #[must_use]
    pub fn has_role(&self, role: B256, account: Address) -> bool {
        self.access.has_role(role, account)
    }

    /// `maxAttestationAge` (0 = unlimited).
    #[must_use]
    pub fn max_attestation_age(&self) -> U256 {
        U256::from(self.max_attestation_age.get().as_limbs()[0])
    }

    /// The CLAIM schema UID (0 = off).
    #[must_use]
    pub fn claim_schema(&self) -> B256 {
        self.claim_schema.get()
    }

    /// ERC-165: `IAttestationProvider`, `IAccessControl`, ERC-165.
    #[must_use]
    pub fn supports_interface(id: B32) -> bool {
        [
            ATTESTATION_PROVIDER_INTERFACE_ID,
            ACCESS_CONTROL_INTERFACE_ID,
            ERC165_INTERFACE_ID,
        ]
        .contains(&id.0)
    }
}

/// Step 8 for CLAIM: exactly 96 bytes, `(integraHash, tokenId, claimCapability)`.
fn claim_fields(data: &[u8]) -> Option<(B256, U256, U256)> {
    if data.len() != 96 {
        return None;
    }
    let d = Args(data);
    Some((d.word(0)?, d.u256(1)?, d.u256(2)?))
}

integra_primitives::compact_router!(EASAttestationProvider, dispatch, constructor(_s, _a) {
    Ok(())
});

/// Reads `bytes32[]` argument `i`.
fn words(a: Args<'_>, i: usize) -> Option<Vec<B256>> {
    let (n, items) = a.array(i)?;
    (0..n).map(|j| items.word(j)).collect()
}

/// Reads `address[]` argument `i`.
fn addresses(a: Args<'_>, i: usize) -> Option<Vec<Address>> {
    let (n, items) = a.array(i)?;
    (0..n).map(|j| items.address(j)).collect()
}

#[allow(clippy::too_many_lines)] // one arm per external function
fn dispatch(s: &mut EASAttestationProvider, selector: [u8; 4], a: Args<'_>) -> Option<ArbResult> {
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
    let ret = |t: &[Token<'_>]| Ok(returns(t));
    let out = match selector {
        initializeCall::SELECTOR => run(s.initialize(
            arg!(a.address(0)),
            arg!(a.word(1)),
            arg!(a.word(2)),
            arg!(a.address(3)),
            arg!(a.address(4)),
            arg!(a.address(5)),
        )),
        verifyCapabilitiesCall::SELECTOR | verifyCapabilitiesWithTokenCall::SELECTOR => {
            let (proof, recipient, h, _required) = (
                arg!(a.bytes(0)),
                arg!(a.address(1)),
                arg!(a.word(2)),
                arg!(a.u256(3)),
            );
            match s.verify(proof, recipient, h) {
                Ok(v) if selector == verifyCapabilitiesCall::SELECTOR => {
                    ret(&[true.into(), v.capabilities.into()])
                }
                Ok(v) => ret(&[true.into(), v.capabilities.into(), v.token_id.into()]),
                Err(e) => Err(e.into()),
            }
        }
        getProviderInfoCall::SELECTOR => {
            ret(&[PROVIDER_NAME.into(), VERSION.into(), PROVIDER_TYPE.into()])
        }
        supportsMethodCall::SELECTOR => ret(&[SUPPORTED_METHODS.contains(&arg!(a.word(0))).into()]),
        setDocumentIssuerCall::SELECTOR => {
            run(s.set_document_issuer(arg!(a.word(0)), arg!(a.address(1))))
        }
        setDocumentIssuersBatchCall::SELECTOR => {
            let (hashes, issuers) = (arg!(words(a, 0)), arg!(addresses(a, 1)));
            run(s.set_document_issuers_batch(&hashes, &issuers))
        }
        setDocumentIssuerByOwnerCall::SELECTOR => run(s.set_document_issuer_by_owner(
            arg!(a.word(0)),
            arg!(a.address(1)),
            arg!(a.address(2)),
        )),
        revokeDocumentIssuerCall::SELECTOR => {
            run(s.revoke_document_issuer(arg!(a.word(0)), arg!(a.address(1))))
        }
        restoreDocumentIssuerCall::SELECTOR => {
            run(s.restore_document_issuer(arg!(a.word(0)), arg!(a.address(1)), arg!(a.address(2))))
        }
        getDocumentIssuerCall::SELECTOR => ret(&[s.active_issuer(arg!(a.word(0))).issuer.into()]),
        getActiveIssuerCall::SELECTOR => {
            let st = s.active_issuer(arg!(a.word(0)));
            ret(&[
                st.issuer.into(),
                st.is_owner_set.into(),
                st.is_revoked.into(),
            ])
        }
        setMaxAttestationAgeCall::SELECTOR => run(s.set_max_attestation_age(arg!(a.u256(0)))),
        setClaimSchemaCall::SELECTOR => run(s.set_claim_schema(arg!(a.word(0)))),
        pauseCall::SELECTOR => run(s.set_paused(true)),
        unpauseCall::SELECTOR => run(s.set_paused(false)),
        pausedCall::SELECTOR => ret(&[s.paused().into()]),
        getCurrentChainIdCall::SELECTOR => ret(&[U256::from(s.vm().chain_id()).into()]),
        getEASAddressCall::SELECTOR | easCall::SELECTOR => ret(&[s.eas.get().into()]),
        accessCapabilitySchemaCall::SELECTOR => ret(&[s.access_capability_schema.get().into()]),
        claimSchemaCall::SELECTOR => ret(&[s.claim_schema().into()]),
        NAMESPACECall::SELECTOR => ret(&[s.namespace.get().into()]),
        documentRegistryCall::SELECTOR => ret(&[s.document_registry.get().into()]),
        maxAttestationAgeCall::SELECTOR => ret(&[s.max_attestation_age().into()]),
        documentIssuersCall::SELECTOR => ret(&[s.document_issuers.get(arg!(a.word(0))).into()]),
        ownerSetIssuersCall::SELECTOR => {
            ret(&[s.owner_issuers.getter(arg!(a.word(0))).issuer.get().into()])
        }
        issuerRevokedAtCall::SELECTOR => ret(&[U256::from(
            s.owner_issuers
                .getter(arg!(a.word(0)))
                .revoked_at
                .get()
                .as_limbs()[0],
        )
        .into()]),
        PROVIDER_TYPECall::SELECTOR => ret(&[PROVIDER_TYPE.into()]),
        SCHEMA_VERSIONCall::SELECTOR => ret(&[SCHEMA_VERSION.into()]),
        MIN_ATTESTATION_AGECall::SELECTOR => ret(&[MIN_ATTESTATION_AGE.into()]),
        MAX_ATTESTATION_AGE_LIMITCall::SELECTOR => ret(&[MAX_ATTESTATION_AGE_LIMIT.into()]),
        MAX_ISSUER_BATCHCall::SELECTOR => ret(&[U256::from(MAX_ISSUER_BATCH).into()]),
        VERSIONCall::SELECTOR => ret(&[VERSION.into()]),
        GOVERNOR_ROLECall::SELECTOR => ret(&[GOVERNOR_ROLE.into()]),
        DEFAULT_ADMIN_ROLECall::SELECTOR => ret(&[DEFAULT_ADMIN_ROLE.into()]),
        hasRoleCall::SELECTOR => ret(&[s.has_role(arg!(a.word(0)), arg!(a.address(1))).into()]),
        getRoleAdminCall::SELECTOR => ret(&[s.access.get_role_admin(arg!(a.word(0))).into()]),
        grantRoleCall::SELECTOR | revokeRoleCall::SELECTOR => {
            let (role, account) = (arg!(a.word(0)), arg!(a.address(1)));
            let sender = s.vm().msg_sender();
            run((|| {
                s.access
                    ._check_role(s.access.get_role_admin(role), sender)?;
                if selector == grantRoleCall::SELECTOR {
                    s.access._grant_role(role, account);
                } else {
                    s.access._revoke_role(role, account);
                }
                Ok(())
            })())
        }
        renounceRoleCall::SELECTOR => {
            let (role, confirmation) = (arg!(a.word(0)), arg!(a.address(1)));
            let sender = s.vm().msg_sender();
            run(if confirmation == sender {
                s.access._revoke_role(role, sender);
                Ok(())
            } else {
                Err(AccessControlBadConfirmation {}.into())
            })
        }
        supportsInterfaceCall::SELECTOR => {
            let id = arg!(a.word(0));
            if id[4..].iter().any(|b| *b != 0) {
                return Some(Err(Vec::new()));
            }
            ret(&[EASAttestationProvider::supports_interface(B32::from_slice(&id[..4])).into()])
        }
        _ => return None,
    };
    Some(out)
}

#[cfg(test)]
mod tests;
