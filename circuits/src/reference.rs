//! The reference circuit (`BasicAccessV1Poseidon`, spec 01 §4 / spec 02 §2 step 6): knowledge of
//! a secret whose Poseidon hash is the one public input. The document registry checks it for
//! `registerDocument(…, referenceHash, proof, …)` with the input `uint256(referenceHash)`: a
//! child may reference a parent record whose `integraHash` is `Poseidon([secret])` only when its
//! registrant knows the secret.
//!
//! Spec 02 notes that this proof is bound to neither the sender nor the child (OQ-02-2): it is
//! anti-spam, and one proof seen on-chain can be replayed to reference the same parent again.
use ark_bn254::{Bn254, Fr};
use ark_groth16::{Groth16, PreparedVerifyingKey, Proof, ProvingKey, VerifyingKey};
use ark_r1cs_std::{alloc::AllocVar, eq::EqGadget, fields::fp::FpVar};
use ark_relations::r1cs::{ConstraintSynthesizer, ConstraintSystemRef, SynthesisError};
use ark_std::rand::{CryptoRng, RngCore, SeedableRng};
use rand_chacha::ChaCha20Rng;

use crate::poseidon;

/// The seed of the reference circuit's test keys (public, hence insecure by construction).
pub const REFERENCE_TEST_SEED: [u8; 32] = *b"integra-reference-test-seed-v001";

/// Witness and instance of one reference proof. For key generation both may be absent.
#[derive(Clone, Copy, Debug, Default)]
pub struct ReferenceCircuit {
    /// The parent's secret (private).
    pub secret: Option<Fr>,
    /// `Poseidon([secret])`, the parent's `integraHash` (the one public input).
    pub reference_hash: Option<Fr>,
}

impl ConstraintSynthesizer<Fr> for ReferenceCircuit {
    fn generate_constraints(self, cs: ConstraintSystemRef<Fr>) -> Result<(), SynthesisError> {
        let reference = FpVar::new_input(cs.clone(), || {
            self.reference_hash.ok_or(SynthesisError::AssignmentMissing)
        })?;
        let secret = FpVar::new_witness(cs.clone(), || {
            self.secret.ok_or(SynthesisError::AssignmentMissing)
        })?;
        poseidon::hash1_gadget(cs, &poseidon::config(), &secret)?.enforce_equal(&reference)
    }
}

/// Deterministic keys from `seed` (`ChaCha20`).
///
/// # Errors
/// A synthesis error (none for this circuit).
pub fn setup_from_seed(seed: [u8; 32]) -> Result<ProvingKey<Bn254>, SynthesisError> {
    Groth16::<Bn254>::generate_random_parameters_with_reduction(
        ReferenceCircuit::default(),
        &mut ChaCha20Rng::from_seed(seed),
    )
}

/// Proves knowledge of `secret` for the reference hash `Poseidon([secret])`.
///
/// # Errors
/// A synthesis error (none for this circuit).
pub fn prove<R: RngCore + CryptoRng>(
    pk: &ProvingKey<Bn254>,
    secret: Fr,
    rng: &mut R,
) -> Result<Proof<Bn254>, SynthesisError> {
    Groth16::<Bn254>::create_random_proof_with_reduction(
        ReferenceCircuit {
            secret: Some(secret),
            reference_hash: Some(poseidon::hash1(secret)),
        },
        pk,
        rng,
    )
}

/// Verifies `proof` natively for `reference_hash`.
#[must_use]
pub fn verify(vk: &VerifyingKey<Bn254>, proof: &Proof<Bn254>, reference_hash: Fr) -> bool {
    let pvk: PreparedVerifyingKey<Bn254> = ark_groth16::prepare_verifying_key(vk);
    Groth16::<Bn254>::verify_proof(&pvk, proof, &[reference_hash]).unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ark_relations::r1cs::ConstraintSystem;

    #[test]
    fn one_public_input_and_the_poseidon_constraints() {
        let cs = ConstraintSystem::<Fr>::new_ref();
        ReferenceCircuit {
            secret: Some(Fr::from(5u8)),
            reference_hash: Some(poseidon::hash1(Fr::from(5u8))),
        }
        .generate_constraints(cs.clone())
        .unwrap();
        assert!(cs.is_satisfied().unwrap());
        assert_eq!(cs.num_instance_variables(), 2);
        assert_eq!(cs.num_constraints(), 214);
    }

    #[test]
    fn proofs_verify_for_their_hash_only() {
        let pk = setup_from_seed(REFERENCE_TEST_SEED).unwrap();
        let mut rng = ChaCha20Rng::from_seed([3; 32]);
        let secret = Fr::from(77u8);
        let proof = prove(&pk, secret, &mut rng).unwrap();
        assert!(verify(&pk.vk, &proof, poseidon::hash1(secret)));
        assert!(!verify(&pk.vk, &proof, poseidon::hash1(Fr::from(78u8))));
        // The verifier encoding: 32·(16 + 2N) bytes with N = 1.
        assert_eq!(crate::evm::vk_bytes(&pk.vk).len(), 32 * (16 + 2));
    }
}
