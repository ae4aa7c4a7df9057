//! The executor's world: `IntegraExecutor` deployed first, then the document registry's world
//! (`crate::docreg`) with the executor as the registry's trusted forwarder, the registry's
//! `registerDocument`, `registerDocumentBatch` and `transferDocumentOwnership` allow-listed, and
//! [`RELAYER`] holding `RELAYER_ROLE`. Requests are signed with k256 over alloy's EIP-712 hash.
//! Shared by the e2e tests and the gas report.
#![allow(missing_docs)] // sol! items carry their Solidity signatures

use alloy_primitives::{address, keccak256, Address, B256, U256};
use alloy_sol_types::{sol, SolCall, SolStruct, SolValue};
use k256::ecdsa::{RecoveryId, Signature, SigningKey, VerifyingKey};

use crate::docreg::{self, ok, Deployed, GOVERNOR};
use crate::{ArtifactError, World};

sol! {
    struct ForwardRequest { address from; address to; uint256 value; uint256 gas; uint256 nonce; uint48 deadline; bytes data; }
    struct ForwardRequestData { address from; address to; uint256 value; uint256 gas; uint48 deadline; bytes data; bytes signature; }
    function execute(ForwardRequestData req) external returns (bytes memory result);
    function executeOperation(address target, bytes data) external returns (bool success, bytes memory result);
    function setTargetAllowed(address target, bool allowed);
    function setSelectorAllowed(address target, bytes4 selector, bool allowed);
    function nonces(address owner) external view returns (uint256);
    function grantRole(bytes32 role, address account);
    #[derive(Debug, PartialEq, Eq)]
    event OperationExecuted(address indexed user, address indexed target, bytes4 indexed selector, bool success, uint256 nonce, uint256 timestamp);
    #[derive(Debug, PartialEq, Eq)]
    error InvalidSigner(address signer, address from);
    #[derive(Debug, PartialEq, Eq)]
    error ExpiredRequest(uint48 deadline);
    #[derive(Debug, PartialEq, Eq)]
    error ExecutionFailed(address target, bytes data);
    #[derive(Debug, PartialEq, Eq)]
    error InsufficientGas();
}

/// Holds `RELAYER_ROLE`; pays for relayed transactions.
pub const RELAYER: Address = address!("00000000000000000000000000000000000e1a7e");

/// The deployed world.
#[derive(Debug)]
pub struct Relayed {
    /// The document registry's world (its `world` is the shared executor).
    pub docs: Deployed,
    /// `IntegraExecutor`.
    pub executor: Address,
}

/// Deploys the executor, then the document registry trusting it, and allow-lists the registry.
///
/// # Errors
/// If an artifact is missing or a deployment step fails.
pub fn setup() -> Result<Relayed, ArtifactError> {
    let mut world = World::new();
    let (executor, _) = world.deploy("integra-executor", GOVERNOR, &GOVERNOR.abi_encode())?;
    let mut docs = docreg::setup_in(world, executor)?;
    let registry = docs.registry;
    let w = &mut docs.world;
    let allow = setTargetAllowedCall {
        target: registry,
        allowed: true,
    };
    ok(w.send(GOVERNOR, executor, &allow), "setTargetAllowed")?;
    for selector in [
        docreg::registerDocumentCall::SELECTOR,
        docreg::registerDocumentBatchCall::SELECTOR,
        docreg::transferDocumentOwnershipCall::SELECTOR,
    ] {
        let c = setSelectorAllowedCall {
            target: registry,
            selector: selector.into(),
            allowed: true,
        };
        ok(w.send(GOVERNOR, executor, &c), "setSelectorAllowed")?;
    }
    let grant = grantRoleCall {
        role: crate::role("RELAYER_ROLE"),
        account: RELAYER,
    };
    ok(w.send(GOVERNOR, executor, &grant), "grantRole")?;
    Ok(Relayed { docs, executor })
}

/// A user's k256 key.
#[derive(Debug)]
pub struct Key {
    key: SigningKey,
    /// The address it signs for.
    pub address: Address,
}

impl Key {
    /// The key with all 32 bytes `seed`.
    ///
    /// # Panics
    /// For seed 0 (not a valid scalar).
    #[must_use]
    pub fn new(seed: u8) -> Self {
        let key = SigningKey::from_bytes(&[seed; 32].into()).expect("valid scalar");
        let address = address_of(key.verifying_key());
        Self { key, address }
    }

    /// `r ‖ s ‖ v` over `digest`.
    ///
    /// # Panics
    /// Never for a valid key.
    #[must_use]
    pub fn sign(&self, digest: B256) -> Vec<u8> {
        let (sig, id) = self
            .key
            .sign_prehash_recoverable(digest.as_slice())
            .expect("signs");
        let mut out = sig.to_bytes().to_vec();
        out.push(27 + id.to_byte());
        out
    }
}

fn address_of(key: &VerifyingKey) -> Address {
    let point = key.to_encoded_point(false);
    Address::from_slice(&keccak256(&point.as_bytes()[1..])[12..])
}

/// The address k256 recovers from a 65-byte signature over `digest`.
///
/// # Panics
/// For a malformed signature.
#[must_use]
pub fn recovered(digest: B256, sig: &[u8]) -> Address {
    let signature = Signature::from_slice(&sig[..64]).expect("r, s");
    let id = RecoveryId::from_byte(sig[64] - 27).expect("v");
    address_of(
        &VerifyingKey::recover_from_prehash(digest.as_slice(), &signature, id).expect("recovers"),
    )
}

/// alloy's EIP-712 signing hash of `r` for executor `executor` on chain `chain`.
#[must_use]
pub fn digest(r: &ForwardRequest, executor: Address, chain: u64) -> B256 {
    let domain = alloy_sol_types::eip712_domain! {
        name: "IntegraExecutor",
        version: "1",
        chain_id: chain,
        verifying_contract: executor,
    };
    r.eip712_signing_hash(&domain)
}

impl Relayed {
    /// A request from `key` to the registry with `data`, the current nonce and chain, `gas` for
    /// the registry and a deadline an hour from now, signed.
    pub fn signed(&mut self, key: &Key, data: Vec<u8>, gas: u64) -> ForwardRequestData {
        let nonce = self
            .docs
            .world
            .view(self.executor, &noncesCall { owner: key.address })
            ._0;
        let block = self.docs.world.vm.block();
        let r = ForwardRequest {
            from: key.address,
            to: self.docs.registry,
            value: U256::ZERO,
            gas: U256::from(gas),
            nonce,
            deadline: alloy_primitives::Uint::from(block.timestamp + 3600),
            data: data.into(),
        };
        let signature = key.sign(digest(&r, self.executor, block.chain_id));
        ForwardRequestData {
            from: r.from,
            to: r.to,
            value: r.value,
            gas: r.gas,
            deadline: r.deadline,
            data: r.data,
            signature: signature.into(),
        }
    }

    /// The digest `req` was signed over, at nonce `nonce`.
    #[must_use]
    pub fn digest_at(&self, req: &ForwardRequestData, nonce: u64) -> B256 {
        let r = ForwardRequest {
            from: req.from,
            to: req.to,
            value: req.value,
            gas: req.gas,
            nonce: U256::from(nonce),
            deadline: req.deadline,
            data: req.data.clone(),
        };
        digest(&r, self.executor, self.docs.world.vm.block().chain_id)
    }
}
