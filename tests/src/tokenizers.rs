//! The tokenizers' world: the real `IntegraRegistry` (component and provider registry),
//! `IntegraDocumentRegistry`, the EAS reproduction with `TokenClaimResolver` on the CLAIM schema,
//! `EASAttestationProvider` registered under the tokenizer's default provider id, and a
//! tokenizer, all as shipped WASM. Shared by the e2e tests and the gas report.
//!
//! The tokenizers and the document registry exceed the 24,576-byte classic limit and are judged
//! by `ArbOS` 60 rules (root contracts joining fragments); execution and gas do not depend on
//! the packaging.
#![allow(missing_docs)] // sol! items carry their Solidity signatures

use alloy_primitives::{address, keccak256, Address, B256, U256};
use alloy_sol_types::{sol, SolValue};

use crate::attestation::{
    attestCall, claim_data, initializeCall as initializeProviderCall,
    registerCall as registerSchemaCall, request, AttestationRequest, CLAIM_SCHEMA, FULL_SCHEMA,
};
use crate::docreg::{ok, registerDocumentCall, rules, setTokenizerApprovalCall, GOVERNOR};
use crate::{ArtifactError, World};
use stylus_vm::Receipt;

sol! {
    function reserveToken(bytes32 integraHash, uint256 tokenId, address recipient, uint256 amount, bytes32 processHash) external;
    function reserveTokenAnonymous(bytes32 integraHash, uint256 tokenId, uint256 amount, bytes encryptedLabel, bytes32 processHash) external;
    function claimToken(bytes32 integraHash, uint256 tokenId, bytes32 capabilityAttestationUID, bytes32 processHash) external;
    function cancelReservation(bytes32 integraHash, uint256 tokenId, bytes32 processHash) external;
    function integraHashToTokenId(bytes32 integraHash) external view returns (uint256);
    function getDocumentHash(uint256 id) external view returns (bytes32);
    function getEncryptedLabel(bytes32 integraHash, uint256 tokenId) external view returns (bytes);
    function supportsInterface(bytes4 interfaceId) external view returns (bool);
    function registerProvider(bytes32 providerId, address provider, string providerType, string description);
    function ownerOf(uint256 tokenId) external view returns (address);
    function transferFrom(address from, address to, uint256 tokenId);
    function isDocumentComplete(bytes32 integraHash) external view returns (bool);
    function tokensOf(address account) external view returns (bytes32[] memory integraHashes, uint256[] memory tokenIds, uint256[] memory balances);
    #[derive(Debug, PartialEq, Eq)]
    event TokenClaimed(bytes32 indexed integraHash, uint256 indexed tokenId, address indexed claimant, bytes32 capabilityAttestation, bytes32 processHash, uint256 timestamp);
    #[derive(Debug, PartialEq, Eq)]
    event DocumentComplete(bytes32 indexed integraHash, uint256 partyCount, bytes32 processHash, uint256 timestamp);
    #[derive(Debug, PartialEq, Eq)]
    event CapabilityVerified(address indexed user, bytes32 indexed documentHash, uint256 capabilities, bytes32 providerId, bytes proof);
    #[derive(Debug, PartialEq, Eq)]
    event Transfer(address indexed from, address indexed to, uint256 indexed tokenId);
    #[derive(Debug, PartialEq, Eq)]
    error AttestationTokenMismatch(uint256 attested, uint256 claimed);
    #[derive(Debug, PartialEq, Eq)]
    error AlreadyMinted(uint256 tokenId);
    #[derive(Debug, PartialEq, Eq)]
    error RecipientMismatch(address attested, address expected);
    #[derive(Debug, PartialEq, Eq)]
    error WrongDocument(bytes32 attested, bytes32 documentHash);
    #[derive(Debug, PartialEq, Eq)]
    event TokenReserved(bytes32 indexed integraHash, uint256 indexed tokenId, address indexed recipient, uint256 amount, bytes32 processHash, uint256 timestamp);
    #[derive(Debug, PartialEq, Eq)]
    event TokenReservedAnonymous(bytes32 indexed integraHash, uint256 indexed tokenId, uint256 amount, bytes encryptedLabel, bytes32 processHash, uint256 timestamp);
    #[derive(Debug, PartialEq, Eq)]
    event ReservationCancelled(bytes32 indexed integraHash, uint256 indexed tokenId, uint256 amount, bytes32 processHash, uint256 timestamp);
    #[derive(Debug, PartialEq, Eq)]
    error Unauthorized(address caller, bytes32 integraHash);
    #[derive(Debug, PartialEq, Eq)]
    error TokenNotFound(bytes32 integraHash, uint256 tokenId);
}

pub const OWNER: Address = address!("000000000000000000000000000000000000a11c");
pub const EXECUTOR: Address = address!("00000000000000000000000000000000000e8ec0");
pub const BOB: Address = address!("0000000000000000000000000000000000000b0b");
pub const NAMESPACE: Address = address!("0000000000000000000000000000000000005a5a");
pub const CAROL: Address = address!("00000000000000000000000000000000000ca501");

/// The deployed world.
#[derive(Debug)]
pub struct Deployed {
    pub world: World,
    pub components: Address,
    pub registry: Address,
    pub tokenizer: Address,
    pub eas: Address,
    pub provider: Address,
    /// The CLAIM schema's UID (resolver: `TokenClaimResolver`).
    pub claim_schema: B256,
    /// The tokenizer's view lens (`MultiPartyTokenizer`), else 0.
    pub lens: Address,
}

/// The default provider id the tokenizer is built with.
#[must_use]
pub fn provider_id() -> B256 {
    keccak256("EASAttestationProvider")
}

/// Component registry, document registry (fee 0, no forwarder) and the tokenizer crate `name`
/// (NFT-family constructor), approved in the registry.
///
/// # Errors
/// If an artifact is missing or a deployment step fails.
pub fn setup(name: &str) -> Result<Deployed, ArtifactError> {
    setup_forwarded(name, Address::ZERO)
}

/// [`setup`] with `forwarder` as the tokenizer's ERC-2771 trusted forwarder.
///
/// # Errors
/// If an artifact is missing or a deployment step fails.
pub fn setup_forwarded(name: &str, forwarder: Address) -> Result<Deployed, ArtifactError> {
    setup_with(name, |registry, components| {
        (
            String::from("Integra Deeds"),
            String::from("DEED"),
            String::from("ipfs://deeds/"),
            GOVERNOR,
            registry,
            NAMESPACE,
            components,
            provider_id(),
            Address::ZERO,
            forwarder,
        )
            .abi_encode_params()
    })
}

/// The same world with a `SharesTokenizer` (fungible-family constructor: "Deed 1 shares",
/// "D1S", 18 decimals, no trust registry, no forwarder) as the tokenizer.
///
/// # Errors
/// If an artifact is missing or a deployment step fails.
pub fn setup_shares() -> Result<Deployed, ArtifactError> {
    setup_shares_forwarded(Address::ZERO)
}

/// [`setup_shares`] with `forwarder` as the tokenizer's ERC-2771 trusted forwarder.
///
/// # Errors
/// If an artifact is missing or a deployment step fails.
pub fn setup_shares_forwarded(forwarder: Address) -> Result<Deployed, ArtifactError> {
    setup_with("integra-shares-tokenizer", |registry, components| {
        (
            String::from("Deed 1 shares"),
            String::from("D1S"),
            GOVERNOR,
            registry,
            NAMESPACE,
            components,
            provider_id(),
            B256::ZERO,
            Address::ZERO,
            Address::ZERO,
            U256::from(18),
            forwarder,
        )
            .abi_encode_params()
    })
}

/// The same world with a `MultiPartyTokenizer` (constructor: base URI `ipfs://roles/`, no
/// trust registry, no forwarder) and its view lens `integra-multi-party-lens`, deployed first.
///
/// # Errors
/// If an artifact is missing or a deployment step fails.
pub fn setup_multi_party() -> Result<Deployed, ArtifactError> {
    setup_multi_party_with_lens("integra-multi-party-lens")
}

/// [`setup_multi_party`] with the contract crate `lens` (deployed without a constructor call)
/// as the tokenizer's lens.
///
/// # Errors
/// If an artifact is missing or a deployment step fails.
pub fn setup_multi_party_with_lens(lens: &str) -> Result<Deployed, ArtifactError> {
    let wasm = crate::artifact(lens)?;
    setup_in(
        "integra-multi-party-tokenizer",
        |world| {
            world
                .vm
                .deploy(GOVERNOR, &wasm)
                .map_err(|e| ArtifactError(e.to_string()))
        },
        multi_party_args,
    )
}

/// The `MultiPartyTokenizer`'s constructor arguments with the document registry, the component
/// registry and `lens`.
#[must_use]
pub fn multi_party_args(registry: Address, components: Address, lens: Address) -> Vec<u8> {
    (
        String::from("ipfs://roles/"),
        GOVERNOR,
        registry,
        NAMESPACE,
        components,
        provider_id(),
        B256::ZERO,
        Address::ZERO,
        Address::ZERO,
        Address::ZERO,
        lens,
    )
        .abi_encode_params()
}

/// The world with the tokenizer crate `name` deployed with the constructor arguments
/// `tokenizer_args(documentRegistry, componentRegistry)`.
fn setup_with(
    name: &str,
    tokenizer_args: impl FnOnce(Address, Address) -> Vec<u8>,
) -> Result<Deployed, ArtifactError> {
    setup_in(name, |_| Ok(Address::ZERO), |r, c, _| tokenizer_args(r, c))
}

/// [`setup_with`], with a contract deployed by `pre` before the tokenizer (its lens) whose
/// address is passed to `tokenizer_args` and kept in [`Deployed::lens`].
fn setup_in(
    name: &str,
    pre: impl FnOnce(&mut World) -> Result<Address, ArtifactError>,
    tokenizer_args: impl FnOnce(Address, Address, Address) -> Vec<u8>,
) -> Result<Deployed, ArtifactError> {
    let mut world = World::new();
    let lens = pre(&mut world)?;
    let (components, _) = world.deploy("integra-registry", GOVERNOR, &GOVERNOR.abi_encode())?;
    let args = (
        GOVERNOR,
        components,
        components,
        address!("00000000000000000000000000000000000e3e30"),
        address!("000000000000000000000000000000000000fee5"),
        U256::ZERO,
        U256::ZERO,
        Address::ZERO,
    )
        .abi_encode_params();
    let (registry, _) =
        world.deploy_with("integra-document-registry", GOVERNOR, &args, &rules())?;
    let (tokenizer, _) = world.deploy_with(
        name,
        GOVERNOR,
        &tokenizer_args(registry, components, lens),
        &rules(),
    )?;
    ok(
        world.send(
            GOVERNOR,
            registry,
            &setTokenizerApprovalCall {
                tokenizer,
                approved: true,
            },
        ),
        "setTokenizerApproval",
    )?;
    // EAS, the claim resolver on the CLAIM schema, and the provider under the default id.
    let (eas, _) = world.deploy("integra-test-eas", GOVERNOR, &[])?;
    let (resolver, _) = world.deploy(
        "integra-token-claim-resolver",
        GOVERNOR,
        &(eas, registry).abi_encode_params(),
    )?;
    let mut schema = |s: &str, r: Address| -> Result<B256, ArtifactError> {
        let call = registerSchemaCall {
            schema: s.into(),
            resolver: r,
            revocable: true,
        };
        let receipt = ok(world.send(GOVERNOR, eas, &call), "register schema")?;
        Ok(B256::from_slice(&receipt.output[..32]))
    };
    let full = schema(FULL_SCHEMA, Address::ZERO)?;
    let claim_schema = schema(CLAIM_SCHEMA, resolver)?;
    let (provider, _) = world.deploy("integra-eas-attestation-provider", GOVERNOR, &[])?;
    let init = initializeProviderCall {
        eas,
        accessCapabilitySchema: full,
        claimSchema: claim_schema,
        namespace: NAMESPACE,
        documentRegistry: registry,
        governor: GOVERNOR,
    };
    ok(world.send(GOVERNOR, provider, &init), "initialize provider")?;
    let register = registerProviderCall {
        providerId: provider_id(),
        provider,
        providerType: "EAS".into(),
        description: "EAS attestation provider".into(),
    };
    ok(
        world.send(GOVERNOR, components, &register),
        "registerProvider",
    )?;
    Ok(Deployed {
        world,
        components,
        registry,
        tokenizer,
        eas,
        provider,
        claim_schema,
        lens,
    })
}

impl Deployed {
    /// Registers record `n` owned by [`OWNER`], bound to the tokenizer, executor [`EXECUTOR`].
    ///
    /// # Errors
    /// If the registration fails.
    pub fn register(&mut self, n: u8) -> Result<(), ArtifactError> {
        self.register_receipt(n)?;
        Ok(())
    }

    /// [`Self::register`], returning the registration's receipt.
    ///
    /// # Errors
    /// If the registration fails.
    pub fn register_receipt(&mut self, n: u8) -> Result<Receipt, ArtifactError> {
        let call = registerDocumentCall {
            integraHash: B256::repeat_byte(n),
            documentHash: keccak256([n]),
            identityExtension: B256::ZERO,
            referenceHash: B256::ZERO,
            referenceProofA: [U256::ZERO; 2],
            referenceProofB: [[U256::ZERO; 2]; 2],
            referenceProofC: [U256::ZERO; 2],
            tokenizer: self.tokenizer,
            primaryResolverId: B256::ZERO,
            authorizedExecutor: EXECUTOR,
            processHash: B256::repeat_byte(0x9c),
        };
        ok(
            self.world.send(OWNER, self.registry, &call),
            "registerDocument",
        )
    }

    /// A CLAIM attestation made by `attester` (the record's owner or executor): `recipient` may
    /// claim `token_id` (0 = any) of record `n` with `capability`. Returns its UID.
    ///
    /// # Errors
    /// If EAS or the claim resolver refuses it.
    pub fn attest_claim(
        &mut self,
        attester: Address,
        recipient: Address,
        n: u8,
        token_id: u64,
        capability: U256,
    ) -> Result<B256, ArtifactError> {
        let (uid, _) = self.attest_claim_receipt(attester, recipient, n, token_id, capability)?;
        Ok(uid)
    }

    /// [`Self::attest_claim`], returning the UID and the attestation's receipt.
    ///
    /// # Errors
    /// If EAS or the claim resolver refuses it.
    pub fn attest_claim_receipt(
        &mut self,
        attester: Address,
        recipient: Address,
        n: u8,
        token_id: u64,
        capability: U256,
    ) -> Result<(B256, Receipt), ArtifactError> {
        let call = attestCall {
            request: AttestationRequest {
                schema: self.claim_schema,
                data: request(
                    recipient,
                    0,
                    claim_data(B256::repeat_byte(n), token_id, capability),
                ),
            },
        };
        let r = ok(self.world.send(attester, self.eas, &call), "attest claim")?;
        Ok((B256::from_slice(&r.output[..32]), r))
    }
}

/// `claimToken(h_n, tokenId, uid)` with the `ANCHORS.md` processHash.
#[must_use]
pub fn claim_call(n: u8, token_id: u64, uid: B256) -> claimTokenCall {
    claimTokenCall {
        integraHash: B256::repeat_byte(n),
        tokenId: U256::from(token_id),
        capabilityAttestationUID: uid,
        processHash: B256::repeat_byte(0x9d),
    }
}

/// `reserveToken` in the `ANCHORS.md` shape: known recipient, amount 1.
#[must_use]
pub fn reserve_call(n: u8, recipient: Address) -> reserveTokenCall {
    reserveTokenCall {
        integraHash: B256::repeat_byte(n),
        tokenId: U256::ZERO,
        recipient,
        amount: U256::from(1),
        processHash: B256::repeat_byte(0x9d),
    }
}

/// `reserveTokenAnonymous` in the `ANCHORS.md` shape: a 64-byte encrypted label, amount 1.
#[must_use]
pub fn reserve_anonymous_call(n: u8) -> reserveTokenAnonymousCall {
    reserveTokenAnonymousCall {
        integraHash: B256::repeat_byte(n),
        tokenId: U256::ZERO,
        amount: U256::from(1),
        encryptedLabel: vec![0xe7; 64].into(),
        processHash: B256::repeat_byte(0x9d),
    }
}

/// The `MultiPartyTokenizer`'s ERC-1155 face (spec 11 §3.2), its record views and the lens's
/// errors; apart from the NFT items above because ERC-1155 `balanceOf` and `TransferSingle`
/// differ.
pub mod multi_party {
    use alloy_primitives::{Address, B256, U256};
    use alloy_sol_types::sol;

    sol! {
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
        function balanceOf(address account, uint256 id) external view returns (uint256);
        function balanceOf(address account, bytes32 integraHash) external view returns (uint256);
        function balanceOfDocumentToken(address account, bytes32 integraHash, uint256 tokenId) external view returns (uint256);
        function balanceOfBatch(address[] accounts, uint256[] ids) external view returns (uint256[] memory);
        function safeTransferFrom(address from, address to, uint256 id, uint256 value, bytes data) external;
        function getTokenInfo(bytes32 integraHash, uint256 tokenId) external view returns (TokenInfo memory);
        function getAllEncryptedLabels(bytes32 integraHash) external view returns (uint256[] memory tokenIds, bytes[] memory labels);
        function getReservedTokens(bytes32 integraHash, address recipient) external view returns (uint256[] memory);
        function getClaimStatus(bytes32 integraHash, uint256 tokenId) external view returns (bool claimed, address claimedBy);
        function tokensOfPaged(address account, uint256 offset, uint256 limit) external view returns (bytes32[] memory integraHashes, uint256[] memory tokenIds, uint256[] memory balances);
        function totalSupply(uint256 id) external view returns (uint256);
        function exists(uint256 id) external view returns (bool);
        function tokenRefOf(uint256 id) external view returns (bytes32 integraHash, uint256 slot);
        function globalIdOf(bytes32 integraHash, uint256 slot) external view returns (uint256);
        function lens() external view returns (address);
        function documentRegistry() external view returns (address);
        function hasRole(bytes32 role, address account) external view returns (bool);
        function getCurrentProvider(bytes32 documentHash) external view returns (bytes32);
        function uri(uint256 id) external view returns (string memory);
        function tokenType() external view returns (uint8);
        #[derive(Debug, PartialEq, Eq)]
        event TransferSingle(address indexed operator, address indexed from, address indexed to, uint256 id, uint256 value);
        #[derive(Debug, PartialEq, Eq)]
        error InvalidLens(address lens);
        #[derive(Debug, PartialEq, Eq)]
        error LensEntryForbidden(address caller);
        #[derive(Debug, PartialEq, Eq)]
        error NotReservedForYou(address caller, address reservedFor);
        #[derive(Debug, PartialEq, Eq)]
        error TokenAlreadyClaimed(bytes32 integraHash, uint256 tokenId);
    }

    /// `reserveToken(h_n, slot, recipient, 1)` with the `ANCHORS.md` processHash.
    #[must_use]
    pub fn reserve_call(n: u8, slot: u64, recipient: Address) -> super::reserveTokenCall {
        super::reserveTokenCall {
            integraHash: B256::repeat_byte(n),
            tokenId: U256::from(slot),
            recipient,
            amount: U256::from(1),
            processHash: B256::repeat_byte(0x9d),
        }
    }

    /// `reserveTokenAnonymous(h_n, slot, 1, 64-byte label)` with the `ANCHORS.md` processHash.
    #[must_use]
    pub fn reserve_anonymous_call(n: u8, slot: u64) -> super::reserveTokenAnonymousCall {
        super::reserveTokenAnonymousCall {
            tokenId: U256::from(slot),
            ..super::reserve_anonymous_call(n)
        }
    }

    /// The private lens entry's selector (`keccak256("MultiPartyTokenizer.lensEntry")[..4]`).
    #[must_use]
    pub fn lens_entry() -> [u8; 4] {
        let h = alloy_primitives::keccak256("MultiPartyTokenizer.lensEntry");
        [h[0], h[1], h[2], h[3]]
    }
}

/// The `SharesTokenizer`'s ERC-20 face (spec 11 §1, §4) and its errors; apart from the NFT
/// items above because the ERC-20 `Transfer` carries an unindexed value.
pub mod shares {
    use alloy_primitives::{Address, B256, U256};
    use alloy_sol_types::sol;

    sol! {
        function totalSupply() external view returns (uint256);
        function balanceOf(address account) external view returns (uint256);
        function transfer(address to, uint256 value) external returns (bool);
        function boundIntegraHash() external view returns (bytes32);
        function getReservation(bytes32 integraHash, address recipient) external view returns (uint256 amount, bool claimed);
        #[derive(Debug, PartialEq, Eq)]
        event Transfer(address indexed from, address indexed to, uint256 value);
        #[derive(Debug, PartialEq, Eq)]
        error DocumentMismatch(bytes32 bound, bytes32 given);
        #[derive(Debug, PartialEq, Eq)]
        error InvalidTokenId(uint256 tokenId);
        #[derive(Debug, PartialEq, Eq)]
        error AlreadyClaimed(address recipient);
    }

    /// `reserveToken(h_n, 0, recipient, amount)` with the `ANCHORS.md` processHash.
    #[must_use]
    pub fn reserve_call(n: u8, recipient: Address, amount: u64) -> super::reserveTokenCall {
        super::reserveTokenCall {
            integraHash: B256::repeat_byte(n),
            tokenId: U256::ZERO,
            recipient,
            amount: U256::from(amount),
            processHash: B256::repeat_byte(0x9d),
        }
    }
}
