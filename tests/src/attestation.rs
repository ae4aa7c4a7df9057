//! The attestation world: the document registry's world ([`crate::docreg`]) plus the EAS
//! reproduction (`integra-test-eas`), `TokenClaimResolver` registered as the CLAIM schema's
//! resolver, and `EASAttestationProvider` with both schemas. Shared by the e2e tests and the gas
//! report.
//!
//! The real EAS 1.x EVM bytecode cannot run here (the `stylus-vm` executor has no EVM
//! interpreter); every flow uses the EAS reproduction, whose ABI, UIDs, checks and resolver
//! callbacks follow `EAS.sol` (see its crate docs).
#![allow(missing_docs)] // sol! items carry their Solidity signatures

use alloy_primitives::{address, keccak256, Address, Bytes, B256, U256};
use alloy_sol_types::{sol, SolValue};
use stylus_vm::Receipt;

use crate::docreg::{ok, register_call, Deployed as DocWorld, ALICE, GOVERNOR};
use crate::{ArtifactError, World};

sol! {
    struct AttestationRequestData { address recipient; uint64 expirationTime; bool revocable; bytes32 refUID; bytes data; uint256 value; }
    struct AttestationRequest { bytes32 schema; AttestationRequestData data; }
    struct MultiAttestationRequest { bytes32 schema; AttestationRequestData[] data; }
    struct RevocationRequestData { bytes32 uid; uint256 value; }
    struct RevocationRequest { bytes32 schema; RevocationRequestData data; }
    function register(string schema, address resolver, bool revocable) external returns (bytes32);
    function attest(AttestationRequest request) external payable returns (bytes32);
    function multiAttest(MultiAttestationRequest[] multiRequests) external payable returns (bytes32[] memory);
    function revoke(RevocationRequest request) external payable;
    function initialize(address eas, bytes32 accessCapabilitySchema, bytes32 claimSchema, address namespace, address documentRegistry, address governor) external;
    function verifyCapabilities(bytes proof, address recipient, bytes32 documentHash, uint256 requiredCapability) external view returns (bool verified, uint256 grantedCapabilities);
    function verifyCapabilitiesWithToken(bytes proof, address recipient, bytes32 documentHash, uint256 requiredCapability) external view returns (bool verified, uint256 grantedCapabilities, uint256 attestedTokenId);
    function setMaxAttestationAge(uint256 maxAge) external;
    #[derive(Debug, PartialEq, Eq)]
    event Attested(address indexed recipient, address indexed attester, bytes32 uid, bytes32 indexed schemaUID);
    #[derive(Debug, PartialEq, Eq)]
    error AttestationExpired(bytes32 uid, uint64 expiredAt);
    #[derive(Debug, PartialEq, Eq)]
    error AttestationTooOld(uint64 issuedAt, uint256 maxAge);
    #[derive(Debug, PartialEq, Eq)]
    error AttestationRevoked(bytes32 uid, uint64 revokedAt);
    #[derive(Debug, PartialEq, Eq)]
    error RecipientMismatch(address attested, address expected);
    #[derive(Debug, PartialEq, Eq)]
    error UnauthorizedAttester(address attester, bytes32 integraHash);
    #[derive(Debug, PartialEq, Eq)]
    error InvalidCapability(uint256 capability);
}

/// The gated contract calling the provider (an account here; a tokenizer in production).
pub const CONSUMER: Address = address!("00000000000000000000000000000000000c0de0");
/// The claimant.
pub const CLAIMANT: Address = address!("0000000000000000000000000000000000c1a1e0");
/// Not the record's owner or executor.
pub const STRANGER: Address = address!("0000000000000000000000000000000000057a9e");
/// The namespace address the provider stores.
pub const NAMESPACE: Address = address!("000000000000000000000000000000000000a5ce");
/// The CLAIM schema (spec 04 §4).
pub const CLAIM_SCHEMA: &str = "bytes32 integraHash,uint256 tokenId,uint256 claimCapability";
/// The FULL schema (spec 01 §5).
pub const FULL_SCHEMA: &str = "bytes32 documentHash,uint256 tokenId,uint256 capabilities,string verifiedIdentity,string verificationMethod,uint256 verificationDate,string contractRole,string legalEntityType,string notes,uint256 sourceChainId,address sourceEASContract,address documentContract,uint64 issuedAt,bytes32 attestationVersion";

/// The deployed world; record 1 is registered by [`ALICE`].
#[derive(Debug)]
pub struct Deployed {
    pub world: World,
    pub registry: Address,
    pub eas: Address,
    pub resolver: Address,
    pub provider: Address,
    pub full: B256,
    pub claim: B256,
}

/// `abi.encode(integraHash, tokenId, capability)`.
#[must_use]
pub fn claim_data(h: B256, token_id: u64, capability: U256) -> Bytes {
    (h, U256::from(token_id), capability)
        .abi_encode_params()
        .into()
}

/// A revocable request to `recipient`.
#[must_use]
pub fn request(recipient: Address, expiration: u64, data: Bytes) -> AttestationRequestData {
    AttestationRequestData {
        recipient,
        expirationTime: expiration,
        revocable: true,
        refUID: B256::ZERO,
        data,
        value: U256::ZERO,
    }
}

/// The 14 FULL fields bound to this chain, EAS and consumer.
#[must_use]
pub fn full_data(d: &Deployed, h: B256, capabilities: U256, now: u64) -> Bytes {
    (
        h,
        U256::from(1),
        capabilities,
        String::from("did:example:claimant"),
        String::from("KYC"),
        U256::from(now),
        String::from("Buyer"),
        String::from("Individual"),
        String::new(),
        U256::from(d.world.vm.block().chain_id),
        d.eas,
        CONSUMER,
        now,
        keccak256("INTEGRA_CAPABILITY_1.0.0"),
    )
        .abi_encode_params()
        .into()
}

impl Deployed {
    /// `EAS.attest` by `from`.
    pub fn attest(&mut self, from: Address, schema: B256, data: AttestationRequestData) -> Receipt {
        self.world.send(
            from,
            self.eas,
            &attestCall {
                request: AttestationRequest { schema, data },
            },
        )
    }

    /// A successful attestation's UID.
    ///
    /// # Errors
    /// If the attestation reverted.
    pub fn attest_ok(
        &mut self,
        from: Address,
        schema: B256,
        data: AttestationRequestData,
    ) -> Result<B256, ArtifactError> {
        let r = ok(self.attest(from, schema, data), "attest")?;
        Ok(B256::from_slice(&r.output[..32]))
    }

    /// `verifyCapabilities(abi.encode(uid), recipient, h, CORE_CLAIM)` sent by [`CONSUMER`] as a
    /// transaction (so that its gas is measured).
    pub fn verify(&mut self, uid: B256, recipient: Address, h: B256) -> Receipt {
        self.world.send(
            CONSUMER,
            self.provider,
            &verifyCapabilitiesCall {
                proof: uid.to_vec().into(),
                recipient,
                documentHash: h,
                requiredCapability: U256::from(2),
            },
        )
    }
}

/// The document registry's world, EAS, the claim resolver, both schemas, the provider, and
/// record 1 registered by [`ALICE`].
///
/// # Errors
/// If an artifact is missing or a deployment step fails.
pub fn setup() -> Result<Deployed, ArtifactError> {
    let DocWorld {
        mut world,
        registry,
        ..
    } = crate::docreg::setup()?;
    let (eas, _) = world.deploy("integra-test-eas", GOVERNOR, &[])?;
    let (resolver, _) = world.deploy(
        "integra-token-claim-resolver",
        GOVERNOR,
        &(eas, registry).abi_encode_params(),
    )?;
    let schema = |world: &mut World, s: &str, r: Address| -> Result<B256, ArtifactError> {
        let call = registerCall {
            schema: s.into(),
            resolver: r,
            revocable: true,
        };
        let receipt = ok(world.send(GOVERNOR, eas, &call), "register schema")?;
        Ok(B256::from_slice(&receipt.output[..32]))
    };
    let full = schema(&mut world, FULL_SCHEMA, Address::ZERO)?;
    let claim = schema(&mut world, CLAIM_SCHEMA, resolver)?;
    let (provider, _) = world.deploy("integra-eas-attestation-provider", GOVERNOR, &[])?;
    let init = initializeCall {
        eas,
        accessCapabilitySchema: full,
        claimSchema: claim,
        namespace: NAMESPACE,
        documentRegistry: registry,
        governor: GOVERNOR,
    };
    ok(world.send(GOVERNOR, provider, &init), "initialize provider")?;
    ok(
        world.send(ALICE, registry, &register_call(1)),
        "registerDocument",
    )?;
    Ok(Deployed {
        world,
        registry,
        eas,
        resolver,
        provider,
        full,
        claim,
    })
}
