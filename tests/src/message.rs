//! A deployed `IntegraMessageV1` world: registry + Groth16 verifier (test key) + message
//! contract, and real proofs from `integra-circuits` for messages sent to it.

use std::sync::OnceLock;

use alloy_primitives::{address, Address, B256, U256};
use alloy_sol_types::{sol, SolValue};
use ark_bn254::{Bn254, Fr};
use integra_circuits::{evm, evm::EvmProof, Message, TEST_SEED};
use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};
use stylus_vm::Receipt;

use crate::{ArtifactError, World};

sol! {
    /// One message of `registerMessageBatch`.
    #[derive(Debug, PartialEq, Eq)]
    struct MessageInput {
        bytes32 integraHash;
        uint256 tokenId;
        bytes32 processHash;
        uint256[2] proofA;
        uint256[2][2] proofB;
        uint256[2] proofC;
        string eventRef;
        string message;
    }
    function registerMessage(bytes32 integraHash, uint256 tokenId, bytes32 processHash, uint256[2] proofA, uint256[2][2] proofB, uint256[2] proofC, string eventRef, string message);
    function registerMessageBatch(MessageInput[] messages);
    function registerVerifier(bytes32 verifierId, address verifier, string verifierType, string description);
    function deactivateVerifier(bytes32 verifierId);
    function verifyProof(uint256[2] a, uint256[2][2] b, uint256[2] c, uint256[2] input) external view returns (bool);
    function pause();
    function unpause();
    function messageHash(bytes32 integraHash, uint256 tokenId, string eventRef, string message, address sender) external view returns (uint256);
    #[derive(Debug, PartialEq, Eq)]
    event MessageRegistered(bytes32 indexed integraHash, bytes32 indexed processHash, uint256 indexed tokenId, string eventRef, string message, uint256 timestamp, address registrant);
    #[derive(Debug, PartialEq, Eq)]
    error InvalidProof();
    #[derive(Debug, PartialEq, Eq)]
    error InvalidProofAt(uint256 index);
    #[derive(Debug, PartialEq, Eq)]
    error VerifierNotFound();
    #[derive(Debug, PartialEq, Eq)]
    error ProcessHashNotInField(bytes32 processHash);
    #[derive(Debug, PartialEq, Eq)]
    error EventRefTooLong(uint256 length, uint256 maximum);
    #[derive(Debug, PartialEq, Eq)]
    error MessageTooLong(uint256 length, uint256 maximum);
    #[derive(Debug, PartialEq, Eq)]
    error EnforcedPause();
}

/// The registry's governor.
pub const GOVERNOR: Address = address!("00000000000000000000000000000000000060e0");
/// The message sender.
pub const ALICE: Address = address!("00000000000000000000000000000000000a11ce");
/// Another sender.
pub const BOB: Address = address!("0000000000000000000000000000000000000b0b");
/// The message contract's trusted forwarder.
pub const FORWARDER: Address = address!("00000000000000000000000000000000000f0f0f");
/// `keccak256(abi.encodePacked("BasicAccessV1Poseidon", "v1"))`.
pub const VERIFIER_ID: B256 =
    alloy_primitives::b256!("51bfa0ed224848315cb5aa8cc623de67c67d2e8c5d2aab2a3edbe9fc708ddd72");
/// The workflow secret of the tests.
pub const SECRET: u64 = 424_242;
/// The gas report's eventRef (16 B).
pub const EVENT_REF: &str = "PAYMENT_APPROVED";
/// The gas report's message (66 B).
pub const MESSAGE: &str = "Invoice INV-2025-0042 approved by finance; payment due in 30 days.";

/// The processHash circuit's test proving key (public seed: tests only).
///
/// # Panics
/// If the circuit's setup fails (it does not).
pub fn proving_key() -> &'static ark_groth16::ProvingKey<Bn254> {
    static PK: OnceLock<ark_groth16::ProvingKey<Bn254>> = OnceLock::new();
    PK.get_or_init(|| integra_circuits::setup_from_seed(TEST_SEED).expect("setup"))
}

/// `processHash` of [`SECRET`].
#[must_use]
pub fn process_hash() -> B256 {
    B256::from(evm::fr_to_u256(integra_circuits::process_hash(Fr::from(
        SECRET,
    ))))
}

/// Registry, verifier and message contract, the verifier registered under [`VERIFIER_ID`].
#[derive(Debug)]
pub struct Deployed {
    /// The executor.
    pub world: World,
    /// `IntegraRegistry`.
    pub registry: Address,
    /// `Groth16Verifier` (test key).
    pub verifier: Address,
    /// `IntegraMessageV1`.
    pub message: Address,
    /// Receipts: registry constructor, registerVerifier, message constructor.
    pub receipts: Vec<Receipt>,
}

/// Deploys everything, the message contract with [`FORWARDER`] as trusted forwarder.
///
/// # Errors
/// If an artifact is missing or a step fails.
pub fn deploy() -> Result<Deployed, ArtifactError> {
    let mut world = World::new();
    let (registry, r1) = world.deploy("integra-registry", GOVERNOR, &GOVERNOR.abi_encode())?;
    // The verifier has no constructor (nothing to initialise).
    let verifier = world
        .vm
        .deploy(GOVERNOR, &crate::artifact("groth16-verifier")?)
        .map_err(|e| ArtifactError(e.to_string()))?;
    let r3 = world.send(
        GOVERNOR,
        registry,
        &registerVerifierCall {
            verifierId: VERIFIER_ID,
            verifier,
            verifierType: "Groth16".into(),
            description: "BasicAccessV1Poseidon processHash circuit".into(),
        },
    );
    if !r3.is_success() {
        return Err(ArtifactError(format!("registerVerifier: {:?}", r3.output)));
    }
    let message = deploy_message(&mut world, registry)?;
    Ok(Deployed {
        world,
        registry,
        verifier,
        message: message.0,
        receipts: vec![r1, r3, message.1],
    })
}

/// Deploys one more message contract on `registry` (default verifier id, [`FORWARDER`]).
///
/// # Errors
/// If the artifact is missing or the constructor fails.
pub fn deploy_message(
    world: &mut World,
    registry: Address,
) -> Result<(Address, Receipt), ArtifactError> {
    world.deploy(
        "integra-message",
        GOVERNOR,
        &(registry, GOVERNOR, B256::ZERO, FORWARDER).abi_encode_params(),
    )
}

impl Deployed {
    /// The message `sender` sends to the message contract with these fields.
    #[must_use]
    pub fn message(
        &self,
        sender: Address,
        token_id: u64,
        event_ref: &str,
        message: &str,
    ) -> Message {
        Message {
            integra_hash: B256::repeat_byte(0x11),
            token_id: U256::from(token_id),
            event_ref: event_ref.into(),
            message: message.into(),
            sender,
            chain_id: self.world.vm.block().chain_id,
            message_contract: self.message,
        }
    }
}

/// A real proof for `m` (knowledge of [`SECRET`]), randomized by `seed`.
///
/// # Panics
/// If proving fails (it does not for this circuit).
#[must_use]
pub fn prove(m: &Message, seed: u8) -> EvmProof {
    let mut rng = ChaCha20Rng::from_seed([seed; 32]);
    let proof = integra_circuits::prove(proving_key(), Fr::from(SECRET), m.hash(), &mut rng)
        .expect("proving");
    EvmProof::from_ark(&proof)
}

/// `registerMessage` calldata for `m` with `proof` and [`process_hash`].
#[must_use]
pub fn register_call(m: &Message, proof: &EvmProof) -> registerMessageCall {
    registerMessageCall {
        integraHash: m.integra_hash,
        tokenId: m.token_id,
        processHash: process_hash(),
        proofA: proof.a,
        proofB: proof.b,
        proofC: proof.c,
        eventRef: m.event_ref.clone(),
        message: m.message.clone(),
    }
}

/// The batch entry of `m` with `proof`.
#[must_use]
pub fn batch_entry(m: &Message, proof: &EvmProof) -> MessageInput {
    let c = register_call(m, proof);
    MessageInput {
        integraHash: c.integraHash,
        tokenId: c.tokenId,
        processHash: c.processHash,
        proofA: c.proofA,
        proofB: c.proofB,
        proofC: c.proofC,
        eventRef: c.eventRef,
        message: c.message,
    }
}

/// `k` distinct messages from `sender` (token ids 1..=k), each with its proof.
#[must_use]
pub fn batch(d: &Deployed, sender: Address, k: usize) -> Vec<MessageInput> {
    (1..=k)
        .map(|i| {
            let m = d.message(sender, i as u64, EVENT_REF, MESSAGE);
            #[allow(clippy::cast_possible_truncation)]
            let proof = prove(&m, i as u8);
            batch_entry(&m, &proof)
        })
        .collect()
}
