//! The processHash circuit of `IntegraMessageV1` (issue 4) and its Groth16/BN254 prover.
//!
//! A proof says "I know `secret` with `Poseidon([secret]) = processHash`" for the public inputs
//! `(processHash, messageHash)`, where `messageHash` ([`message`]) commits to one message, its
//! sender, chain and message contract — so a proof posted once cannot be replayed for anything
//! else. Poseidon is circomlib's ([`poseidon`]), so the circom version of the circuit
//! (`circuits/circom/process_hash.circom`) proves the same statement and its snarkjs proofs verify
//! against the same kind of verifier.
//!
//! - [`setup_from_seed`]: deterministic keys for tests and fixtures. **Never deploy a key made
//!   from a known seed**: whoever knows the seed can forge proofs.
//! - [`setup`]: production keys from a cryptographic RNG (`integra keygen` draws the OS RNG).
//!   The toxic waste lives only in that process's memory; for a multi-party ceremony use the circom
//!   circuit with snarkjs's phase-2 tooling and convert its key with
//!   [`evm::vk_from_snarkjs_json`].
//! - [`prove`] / [`verify`]: native proving (215 constraints; see the `prove` benchmark) and
//!   verification.
//! - [`evm`]: EVM encodings — proofs, the verifier contract's verifying-key bytes, snarkjs JSON,
//!   and calldata.
use ark_bn254::{Bn254, Fr};
use ark_groth16::{Groth16, PreparedVerifyingKey, Proof, ProvingKey, VerifyingKey};
use ark_relations::r1cs::SynthesisError;
use ark_std::rand::{CryptoRng, RngCore, SeedableRng};
use rand_chacha::ChaCha20Rng;

pub mod circuit;
pub mod evm;
pub mod message;
pub mod poseidon;
pub mod reference;

pub use circuit::{ProcessHashCircuit, PUBLIC_INPUTS};
pub use message::Message;

/// The seed of the test and fixture keys (public, hence insecure by construction).
pub const TEST_SEED: [u8; 32] = *b"integra-processhash-test-seed-v1";

/// Generates a proving key (which contains the verifying key) with `rng`.
///
/// # Errors
/// A synthesis error (none for this circuit).
pub fn setup<R: RngCore + CryptoRng>(rng: &mut R) -> Result<ProvingKey<Bn254>, SynthesisError> {
    Groth16::<Bn254>::generate_random_parameters_with_reduction(ProcessHashCircuit::default(), rng)
}

/// Deterministic keys from `seed` (ChaCha20): the same seed always yields the same keys.
///
/// # Errors
/// A synthesis error (none for this circuit).
pub fn setup_from_seed(seed: [u8; 32]) -> Result<ProvingKey<Bn254>, SynthesisError> {
    setup(&mut ChaCha20Rng::from_seed(seed))
}

/// Proves knowledge of `secret` for the message with hash `message_hash`.
///
/// # Errors
/// A synthesis error (none for this circuit).
pub fn prove<R: RngCore + CryptoRng>(
    pk: &ProvingKey<Bn254>,
    secret: Fr,
    message_hash: Fr,
    rng: &mut R,
) -> Result<Proof<Bn254>, SynthesisError> {
    Groth16::<Bn254>::create_random_proof_with_reduction(
        ProcessHashCircuit::new(secret, message_hash),
        pk,
        rng,
    )
}

/// Verifies `proof` natively for `(processHash, messageHash)`.
#[must_use]
pub fn verify(vk: &VerifyingKey<Bn254>, proof: &Proof<Bn254>, inputs: [Fr; PUBLIC_INPUTS]) -> bool {
    let pvk: PreparedVerifyingKey<Bn254> = ark_groth16::prepare_verifying_key(vk);
    Groth16::<Bn254>::verify_proof(&pvk, proof, &inputs).unwrap_or(false)
}

/// The processHash of a workflow secret: `Poseidon([secret])`.
#[must_use]
pub fn process_hash(secret: Fr) -> Fr {
    poseidon::hash1(secret)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeded_setup_is_deterministic() {
        let a = setup_from_seed(TEST_SEED).unwrap();
        let b = setup_from_seed(TEST_SEED).unwrap();
        assert_eq!(evm::vk_bytes(&a.vk), evm::vk_bytes(&b.vk));
        assert_eq!(
            evm::vk_bytes(&a.vk).len(),
            32 * (14 + 2 * (PUBLIC_INPUTS + 1))
        );
        let c = setup_from_seed([7; 32]).unwrap();
        assert_ne!(evm::vk_bytes(&a.vk), evm::vk_bytes(&c.vk));
    }

    #[test]
    fn proof_verifies_natively_and_only_for_its_inputs() {
        let pk = setup_from_seed(TEST_SEED).unwrap();
        let mut rng = ChaCha20Rng::from_seed([1; 32]);
        let (secret, mh) = (Fr::from(1u8), Fr::from(99u8));
        let proof = prove(&pk, secret, mh, &mut rng).unwrap();
        let ph = process_hash(secret);
        assert!(verify(&pk.vk, &proof, [ph, mh]));
        assert!(!verify(&pk.vk, &proof, [ph, mh + Fr::from(1u8)]));
        assert!(!verify(&pk.vk, &proof, [ph + Fr::from(1u8), mh]));
    }

    #[test]
    fn evm_encoding_round_trips_proofs_and_keys() {
        let pk = setup_from_seed(TEST_SEED).unwrap();
        let mut rng = ChaCha20Rng::from_seed([2; 32]);
        let proof = prove(&pk, Fr::from(5u8), Fr::from(6u8), &mut rng).unwrap();
        let evm = evm::EvmProof::from_ark(&proof);
        assert_eq!(evm.to_ark().unwrap(), proof);
        assert_eq!(evm::vk_from_bytes(&evm::vk_bytes(&pk.vk)).unwrap(), pk.vk);
    }
}
