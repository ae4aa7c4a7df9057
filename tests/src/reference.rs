//! Reference proofs (spec 02 §2 step 6) through the real parts: the document registry's world
//! ([`crate::docreg`]), a `Groth16Verifier` built with the reference circuit's key
//! (`integra_circuits::reference`, one public input) registered as `REFERENCE_VERIFIER_ID`, a
//! parent record whose `integraHash` is `Poseidon([secret])`, and a real proof of the secret.
#![allow(missing_docs)] // sol! items carry their Solidity signatures

use std::sync::OnceLock;

use alloy_primitives::{keccak256, B256, U256};
use alloy_sol_types::sol;
use ark_bn254::{Bn254, Fr};
use integra_circuits::{evm, evm::EvmProof, poseidon, reference};
use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};

use crate::docreg::{self, ok, registerDocumentCall, Deployed, ALICE, GOVERNOR};
use crate::{artifact_built_with, ArtifactError};

sol! {
    function REFERENCE_VERIFIER_ID() external view returns (bytes32);
    function registerVerifier(bytes32 verifierId, address verifier, string verifierType, string description);
    #[derive(Debug, PartialEq, Eq)]
    event DocumentReferenced(bytes32 indexed childHash, bytes32 indexed parentHash, uint256 timestamp);
    #[derive(Debug, PartialEq, Eq)]
    error InvalidProof(bytes32 integraHash, address sender);
    #[derive(Debug, PartialEq, Eq)]
    error ReferenceDocumentNotFound(bytes32 referenceHash);
}

/// The parent's secret (a test value).
pub const SECRET: u64 = 20_250_401;

/// The reference circuit's test proving key (public seed).
///
/// # Panics
/// If key generation fails (it does not for this circuit).
pub fn proving_key() -> &'static ark_groth16::ProvingKey<Bn254> {
    static PK: OnceLock<ark_groth16::ProvingKey<Bn254>> = OnceLock::new();
    PK.get_or_init(|| {
        reference::setup_from_seed(reference::REFERENCE_TEST_SEED).expect("reference keys")
    })
}

/// `Poseidon([secret])` as a `bytes32`: the parent record's id.
#[must_use]
pub fn parent_of(secret: u64) -> B256 {
    B256::from(evm::fr_to_u256(poseidon::hash1(Fr::from(secret))))
}

/// A real reference proof of `secret`, randomized by `seed`.
///
/// # Panics
/// If proving fails (it does not for this circuit).
#[must_use]
pub fn prove(secret: u64, seed: u8) -> EvmProof {
    let mut rng = ChaCha20Rng::from_seed([seed; 32]);
    let proof =
        reference::prove(proving_key(), Fr::from(secret), &mut rng).expect("reference proof");
    EvmProof::from_ark(&proof)
}

/// The `ANCHORS.md` registration shape (record `n`) referencing `parent` with `proof`.
#[must_use]
pub fn child_call(n: u8, parent: B256, proof: &EvmProof) -> registerDocumentCall {
    registerDocumentCall {
        referenceHash: parent,
        referenceProofA: proof.a,
        referenceProofB: proof.b,
        referenceProofC: proof.c,
        ..docreg::register_call(n)
    }
}

/// The document registry's world plus the reference verifier, and the parent record of
/// [`SECRET`] registered by [`ALICE`]. Returns the world and the parent's id.
///
/// # Errors
/// If an artifact cannot be built or a step fails.
pub fn setup() -> Result<(Deployed, B256), ArtifactError> {
    let mut d = docreg::setup()?;
    let vk = evm::vk_bytes(&proving_key().vk);
    // A stable path whose content changes only with the key, so runs do not rebuild the verifier.
    let path = std::env::temp_dir().join(format!(
        "integra-reference-vk-{}.bin",
        &alloy_primitives::hex::encode(keccak256(&vk))[..16]
    ));
    if std::fs::read(&path).ok().as_deref() != Some(vk.as_slice()) {
        std::fs::write(&path, &vk).map_err(|e| ArtifactError(e.to_string()))?;
    }
    let wasm = artifact_built_with("groth16-verifier", &[("INTEGRA_VERIFIER_VK", &path)])?;
    let verifier = d
        .world
        .vm
        .deploy(GOVERNOR, &wasm)
        .map_err(|e| ArtifactError(e.to_string()))?;
    let components = d
        .world
        .view(d.registry, &docreg::resolverRegistryCall {})
        ._0;
    let id = d.world.view(d.registry, &REFERENCE_VERIFIER_IDCall {})._0;
    let register = registerVerifierCall {
        verifierId: id,
        verifier,
        verifierType: "Groth16".into(),
        description: "BasicAccessV1Poseidon reference circuit".into(),
    };
    ok(
        d.world.send(GOVERNOR, components, &register),
        "registerVerifier",
    )?;
    let parent = parent_of(SECRET);
    let call = registerDocumentCall {
        integraHash: parent,
        ..docreg::register_call(0x50)
    };
    ok(d.world.send(ALICE, d.registry, &call), "register parent")?;
    Ok((d, parent))
}

/// `uint256(h)` is a BN254 scalar (parents made by [`parent_of`] always are).
#[must_use]
pub fn in_field(h: B256) -> bool {
    evm::u256_to_fr(U256::from_be_bytes(h.0)).is_some()
}
