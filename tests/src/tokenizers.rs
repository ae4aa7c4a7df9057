//! The tokenizers' world: the real `IntegraRegistry` (component and provider registry),
//! `IntegraDocumentRegistry` and the Ownership tokenizer, all as shipped WASM. Shared by the
//! e2e tests and the gas report.
//!
//! The tokenizers and the document registry exceed the 24,576-byte classic limit and are judged
//! by `ArbOS` 60 rules (root contracts joining fragments); execution and gas do not depend on
//! the packaging.
#![allow(missing_docs)] // sol! items carry their Solidity signatures

use alloy_primitives::{address, keccak256, Address, B256, U256};
use alloy_sol_types::{sol, SolValue};

use crate::docreg::{ok, registerDocumentCall, rules, setTokenizerApprovalCall, GOVERNOR};
use crate::{ArtifactError, World};

sol! {
    function reserveToken(bytes32 integraHash, uint256 tokenId, address recipient, uint256 amount, bytes32 processHash) external;
    function reserveTokenAnonymous(bytes32 integraHash, uint256 tokenId, uint256 amount, bytes encryptedLabel, bytes32 processHash) external;
    function claimToken(bytes32 integraHash, uint256 tokenId, bytes32 capabilityAttestationUID, bytes32 processHash) external;
    function cancelReservation(bytes32 integraHash, uint256 tokenId, bytes32 processHash) external;
    function integraHashToTokenId(bytes32 integraHash) external view returns (uint256);
    function getDocumentHash(uint256 id) external view returns (bytes32);
    function getEncryptedLabel(bytes32 integraHash, uint256 tokenId) external view returns (bytes);
    function supportsInterface(bytes4 interfaceId) external view returns (bool);
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

/// The deployed world.
#[derive(Debug)]
pub struct Deployed {
    pub world: World,
    pub components: Address,
    pub registry: Address,
    pub tokenizer: Address,
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
    let mut world = World::new();
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
    let args = (
        String::from("Integra Deeds"),
        String::from("DEED"),
        String::from("ipfs://deeds/"),
        GOVERNOR,
        registry,
        NAMESPACE,
        components,
        provider_id(),
        address!("000000000000000000000000000000000000ea50"),
        Address::ZERO,
    )
        .abi_encode_params();
    let (tokenizer, _) = world.deploy_with(name, GOVERNOR, &args, &rules())?;
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
    Ok(Deployed {
        world,
        components,
        registry,
        tokenizer,
    })
}

impl Deployed {
    /// Registers record `n` owned by [`OWNER`], bound to the tokenizer, executor [`EXECUTOR`].
    ///
    /// # Errors
    /// If the registration fails.
    pub fn register(&mut self, n: u8) -> Result<(), ArtifactError> {
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
        )?;
        Ok(())
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
