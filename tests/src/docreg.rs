//! The document registry's world: the real `IntegraRegistry` as component registry,
//! `IntegraDocumentRegistry`, and `SimpleContactResolver` registered as its resolver. Shared by
//! the e2e tests and the gas report.
//!
//! The document registry is about 31 KB compressed, over the 24,576-byte single-contract limit: it
//! deploys as a root contract joining fragments, which needs `ArbOS` 60, so its artifact is
//! judged with `ArbOS` 60 rules ([`rules`]). Execution and gas do not depend on the packaging.
#![allow(missing_docs)] // sol! items carry their Solidity signatures

use alloy_primitives::{address, keccak256, Address, B256, U256};
use alloy_sol_types::{sol, SolValue};
use integra_pipeline::Rules;
use stylus_vm::{Receipt, Status};

use crate::{ArtifactError, World};

sol! {
    function registerResolver(bytes32 resolverId, address resolver, string resolverType, string description);
    function initialize(address documentRegistry, address governor);
    function registerDocument(bytes32 integraHash, bytes32 documentHash, bytes32 identityExtension, bytes32 referenceHash, uint256[2] referenceProofA, uint256[2][2] referenceProofB, uint256[2] referenceProofC, address tokenizer, bytes32 primaryResolverId, address authorizedExecutor, bytes32 processHash) external payable returns (bytes32);
    function registerDocumentBatch(bytes32[] integraHashes, bytes32[] documentHashes, bytes32[] identityExtensions, address[] tokenizers, bytes32[] primaryResolverIds, address executor, bytes32[] processHashes, bool callResolverHooks) external payable returns (bytes32[] memory);
    function transferDocumentOwnership(bytes32 integraHash, address newOwner, string reason);
    function setPrimaryResolver(bytes32 integraHash, bytes32 resolverId);
    function setTokenizerApproval(address tokenizer, bool approved);
    function lockResolvers(bytes32 integraHash);
    function emergencyUnlockResolvers(bytes32 integraHash, string justification);
    function emergencyDisableFees(string justification);
    function getDocumentOwner(bytes32 integraHash) external view returns (address);
    function resolverRegistry() external view returns (address);
    function setContactURL(bytes32 integraHash, string encryptedURL);
    function getContactEndpoint(bytes32 integraHash, address caller, string method) external view returns (string memory);
    #[derive(Debug, PartialEq, Eq)]
    event PrimaryResolverCalled(bytes32 indexed integraHash, bytes32 indexed resolverId, bytes4 selector);
    #[derive(Debug, PartialEq, Eq)]
    event DocumentOwnershipTransferred(bytes32 indexed integraHash, address indexed oldOwner, address indexed newOwner, string reason, uint256 timestamp);
    error EmergencyPowersExpired();
    error Unauthorized(address caller, bytes32 integraHash);
}

pub const GOVERNOR: Address = address!("00000000000000000000000000000000000060e0");
pub const EMERGENCY: Address = address!("00000000000000000000000000000000000e3e30");
pub const FEES: Address = address!("000000000000000000000000000000000000fee5");
pub const ALICE: Address = address!("000000000000000000000000000000000000a11c");
pub const BOB: Address = address!("0000000000000000000000000000000000000b0b");
pub const TOKENIZER: Address = address!("0000000000000000000000000000000000070c0e");

/// The rules the document registry's artifact is judged by (`ArbOS` 60: fragments).
#[must_use]
pub fn rules() -> Rules {
    Rules {
        arbos_version: 60,
        ..Rules::default()
    }
}

/// The deployed world.
#[derive(Debug)]
pub struct Deployed {
    pub world: World,
    pub registry: Address,
    pub contact: Address,
}

/// The contact resolver's id, as deployments derive it.
#[must_use]
pub fn contact_id() -> B256 {
    keccak256("SimpleContactResolver")
}

/// Fails unless the receipt succeeded.
///
/// # Errors
/// The status and trap of a failed transaction.
pub fn ok(r: Receipt, what: &str) -> Result<Receipt, ArtifactError> {
    if r.status == Status::Success {
        Ok(r)
    } else {
        Err(ArtifactError(format!(
            "{what} failed: {:?} {:?} {:?}",
            r.status, r.output, r.trap
        )))
    }
}

/// Component registry, document registry (fee 0, default gas ceiling, no forwarder, emergency
/// address [`EMERGENCY`]), a `SimpleContactResolver` registered as resolver [`contact_id`], and
/// [`TOKENIZER`] approved.
///
/// # Errors
/// If an artifact is missing or a deployment step fails.
pub fn setup() -> Result<Deployed, ArtifactError> {
    setup_in(World::new(), Address::ZERO)
}

/// [`setup`] in an existing `world`, with the document registry trusting `forwarder` (0 for
/// none).
///
/// # Errors
/// As [`setup`].
pub fn setup_in(mut world: World, forwarder: Address) -> Result<Deployed, ArtifactError> {
    let (components, _) = world.deploy("integra-registry", GOVERNOR, &GOVERNOR.abi_encode())?;
    let args = (
        GOVERNOR,
        components,
        components,
        EMERGENCY,
        FEES,
        U256::ZERO,
        U256::ZERO,
        forwarder,
    )
        .abi_encode_params();
    let (registry, _) =
        world.deploy_with("integra-document-registry", GOVERNOR, &args, &rules())?;
    let (contact, _) = world.deploy(
        "integra-simple-contact-resolver",
        GOVERNOR,
        &Address::ZERO.abi_encode(),
    )?;
    ok(
        world.send(
            GOVERNOR,
            contact,
            &initializeCall {
                documentRegistry: registry,
                governor: GOVERNOR,
            },
        ),
        "initialize",
    )?;
    let register = registerResolverCall {
        resolverId: contact_id(),
        resolver: contact,
        resolverType: "Communication".into(),
        description: "encrypted contact URL".into(),
    };
    ok(
        world.send(GOVERNOR, components, &register),
        "registerResolver",
    )?;
    world
        .vm
        .state_mut()
        .set_code(TOKENIZER, vec![0x60, 0x00, 0x60, 0x00, 0xf3].into());
    let approve = setTokenizerApprovalCall {
        tokenizer: TOKENIZER,
        approved: true,
    };
    ok(
        world.send(GOVERNOR, registry, &approve),
        "setTokenizerApproval",
    )?;
    Ok(Deployed {
        world,
        registry,
        contact,
    })
}

/// The `ANCHORS.md` registration shape in the V7 API: fresh ids, a tokenizer, one primary
/// resolver (whose hook runs), a processHash, no reference.
#[must_use]
pub fn register_call(n: u8) -> registerDocumentCall {
    registerDocumentCall {
        integraHash: B256::repeat_byte(n),
        documentHash: keccak256([n]),
        identityExtension: B256::ZERO,
        referenceHash: B256::ZERO,
        referenceProofA: [U256::ZERO; 2],
        referenceProofB: [[U256::ZERO; 2]; 2],
        referenceProofC: [U256::ZERO; 2],
        tokenizer: TOKENIZER,
        primaryResolverId: contact_id(),
        authorizedExecutor: Address::ZERO,
        processHash: B256::repeat_byte(0x9c),
    }
}

/// A batch of records `1..=n` in the same shape, hooks on.
#[must_use]
pub fn batch_call(n: u8) -> registerDocumentBatchCall {
    let len = usize::from(n);
    registerDocumentBatchCall {
        integraHashes: (1..=n).map(B256::repeat_byte).collect(),
        documentHashes: (1..=n).map(|i| keccak256([i])).collect(),
        identityExtensions: vec![B256::ZERO; len],
        tokenizers: vec![TOKENIZER; len],
        primaryResolverIds: vec![contact_id(); len],
        executor: Address::ZERO,
        processHashes: vec![B256::repeat_byte(0x9c); len],
        callResolverHooks: true,
    }
}
