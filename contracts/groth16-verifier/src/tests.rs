//! Verification tests. The same vectors run through both backends: the precompile backend
//! against an arkworks model of 0x06/0x07/0x08 (EIP-196/197 semantics, which also asserts that
//! each call gets exactly the precompile's price as its gas limit), the arkworks backend
//! directly. The contract-level (motsu) tests route calldata through the hand-written router;
//! `verifyProof` itself runs under motsu only with `--features arkworks-backend` (motsu has no
//! BN254 precompiles; `scripts/test.sh` runs that configuration too).
#![allow(clippy::needless_pass_by_value)] // motsu fixtures are passed by value
#![allow(clippy::many_single_char_names)] // curve coordinates: x, y, p, w, f

use std::sync::OnceLock;

use alloy_primitives::{address, keccak256, Address, U256};
use alloy_sol_types::SolCall;
use ark_bn254::{Bn254, Fq, Fr, G1Affine, G2Affine};
use ark_ec::{pairing::Pairing, AffineRepr, CurveGroup};
use ark_ff::{BigInt, Field, One, PrimeField, Zero};
use ark_groth16::ProvingKey;
use ark_std::rand::SeedableRng;
use integra_circuits::{evm, evm::EvmProof, Message, TEST_SEED};
use motsu::prelude::*;
use rand_chacha::ChaCha20Rng;

use super::*;
use groth16::{
    verify_with_arkworks, verify_with_precompiles, StaticCall, EC_ADD, EC_ADD_GAS, EC_MUL,
    EC_MUL_GAS, EC_PAIRING, EC_PAIRING_GAS, POINT_A, POINT_B, POINT_C,
};

/// The BN254 base-field modulus p.
fn p() -> U256 {
    U256::from_limbs(Fq::MODULUS.0)
}

/// The BN254 scalar modulus r.
fn r() -> U256 {
    U256::from_limbs(Fr::MODULUS.0)
}

fn test_key() -> &'static ProvingKey<Bn254> {
    static PK: OnceLock<ProvingKey<Bn254>> = OnceLock::new();
    PK.get_or_init(|| integra_circuits::setup_from_seed(TEST_SEED).expect("setup"))
}

fn sample_message() -> Message {
    Message {
        integra_hash: alloy_primitives::B256::repeat_byte(0x11),
        token_id: U256::from(7),
        event_ref: "PAYMENT_APPROVED".into(),
        message: "invoice INV-2025-0001 approved".into(),
        sender: address!("00000000000000000000000000000000000a11ce"),
        chain_id: 42161,
        message_contract: address!("00000000000000000000000000000000000c0de1"),
    }
}

/// A valid proof for the sample message and its two public inputs.
fn valid() -> (ProofWords, [U256; 2]) {
    let secret = Fr::from(1u8);
    let mh = sample_message().hash();
    let mut rng = ChaCha20Rng::from_seed([9; 32]);
    let proof = integra_circuits::prove(test_key(), secret, mh, &mut rng).expect("prove");
    let inputs = [
        evm::fr_to_u256(integra_circuits::process_hash(secret)),
        evm::fr_to_u256(mh),
    ];
    (EvmProof::from_ark(&proof).words(), inputs)
}

fn g1_words(p: G1Affine) -> [U256; 2] {
    let (x, y) = p.xy().expect("finite");
    [
        U256::from_limbs(x.into_bigint().0),
        U256::from_limbs(y.into_bigint().0),
    ]
}

fn g1_at(w: &ProofWords, i: usize) -> G1Affine {
    let f = |x: U256| Fq::from_bigint(BigInt(x.into_limbs())).unwrap();
    G1Affine::new(f(w[i]), f(w[i + 1]))
}

/// An arkworks model of the three precompiles.
#[derive(Default)]
struct ModelPrecompiles {
    calls: Vec<(Address, u64)>,
}

fn model_g1(b: &[u8]) -> Option<G1Affine> {
    let w = |i: usize| U256::from_be_slice(&b[32 * i..32 * i + 32]);
    let f = |x: U256| Fq::from_bigint(BigInt(x.into_limbs()));
    let (x, y) = (f(w(0))?, f(w(1))?);
    if x.is_zero() && y.is_zero() {
        return Some(G1Affine::zero());
    }
    let p = G1Affine::new_unchecked(x, y);
    p.is_on_curve().then_some(p)
}

fn model_g2(b: &[u8]) -> Option<G2Affine> {
    let w = |i: usize| U256::from_be_slice(&b[32 * i..32 * i + 32]);
    let f = |x: U256| Fq::from_bigint(BigInt(x.into_limbs()));
    let x = ark_bn254::Fq2::new(f(w(1))?, f(w(0))?);
    let y = ark_bn254::Fq2::new(f(w(3))?, f(w(2))?);
    if x.is_zero() && y.is_zero() {
        return Some(G2Affine::zero());
    }
    let p = G2Affine::new_unchecked(x, y);
    (p.is_on_curve() && p.is_in_correct_subgroup_assuming_on_curve()).then_some(p)
}

fn model_out(p: G1Affine) -> Vec<u8> {
    match p.xy() {
        Some(_) => g1_words(p)
            .iter()
            .flat_map(U256::to_be_bytes::<32>)
            .collect(),
        None => vec![0; 64],
    }
}

impl StaticCall for ModelPrecompiles {
    fn static_call(&mut self, to: Address, gas: u64, data: &[u8]) -> Option<Vec<u8>> {
        self.calls.push((to, gas));
        match to {
            EC_ADD => {
                assert_eq!((gas, data.len()), (EC_ADD_GAS, 128));
                let s = (model_g1(&data[..64])? + model_g1(&data[64..])?).into_affine();
                Some(model_out(s))
            }
            EC_MUL => {
                assert_eq!((gas, data.len()), (EC_MUL_GAS, 96));
                let k = U256::from_be_slice(&data[64..]);
                Some(model_out(
                    model_g1(&data[..64])?
                        .mul_bigint(k.into_limbs())
                        .into_affine(),
                ))
            }
            EC_PAIRING => {
                assert!(data.len().is_multiple_of(192));
                assert_eq!(gas, groth16::pairing_gas(data.len() / 192));
                let mut g1s = Vec::new();
                let mut g2s = Vec::new();
                for pair in data.chunks(192) {
                    g1s.push(model_g1(&pair[..64])?);
                    g2s.push(model_g2(&pair[64..])?);
                }
                let ok = Bn254::multi_pairing(g1s, g2s).0.is_one();
                Some(U256::from(u8::from(ok)).to_be_bytes::<32>().to_vec())
            }
            _ => panic!("call to {to}"),
        }
    }
}

/// Runs both backends on the same vector and checks that they agree (up to the error that only
/// differs by design: a G2 subgroup failure).
fn verify_both(proof: &ProofWords, inputs: &[U256]) -> Result<bool, Failure> {
    let vk = VERIFYING_KEY;
    let native = verify_with_arkworks(vk, proof, inputs);
    let mut model = ModelPrecompiles::default();
    let precompiled = verify_with_precompiles(vk, proof, inputs, &mut model);
    match (native, precompiled) {
        (Err(Failure::NotInSubgroup(POINT_B)), Err(Failure::Precompile(EC_PAIRING))) => {}
        (n, p) => assert_eq!(n, p, "backends disagree"),
    }
    native
}

#[test]
fn committed_test_key_is_the_seeded_key_of_the_circuit() {
    assert_eq!(VK_BYTES, evm::vk_bytes(&test_key().vk).as_slice());
    assert_eq!(VERIFYING_KEY.inputs(), 2);
    assert_eq!(VERIFYING_KEY_HASH, keccak256(VK_BYTES));
}

#[test]
fn valid_proof_is_accepted_by_both_backends() {
    let (proof, inputs) = valid();
    assert_eq!(verify_both(&proof, &inputs), Ok(true));
}

#[test]
fn precompile_backend_calls_mul_and_add_per_input_then_one_pairing_with_exact_gas() {
    let (proof, inputs) = valid();
    let mut model = ModelPrecompiles::default();
    assert_eq!(
        verify_with_precompiles(VERIFYING_KEY, &proof, &inputs, &mut model),
        Ok(true)
    );
    let want = [
        (EC_MUL, EC_MUL_GAS),
        (EC_ADD, EC_ADD_GAS),
        (EC_MUL, EC_MUL_GAS),
        (EC_ADD, EC_ADD_GAS),
        (EC_PAIRING, EC_PAIRING_GAS),
    ];
    assert_eq!(model.calls, want);
    let gas: u64 = model.calls.iter().map(|c| c.1).sum();
    assert_eq!(gas, 181_000 + 6_150 * 2);
}

#[test]
fn zero_input_skips_its_scalar_multiplication_and_still_verifies() {
    let mut rng = ChaCha20Rng::from_seed([4; 32]);
    let proof =
        integra_circuits::prove(test_key(), Fr::from(3u8), Fr::from(0u8), &mut rng).unwrap();
    let inputs = [
        evm::fr_to_u256(integra_circuits::process_hash(Fr::from(3u8))),
        U256::ZERO,
    ];
    let words = EvmProof::from_ark(&proof).words();
    assert_eq!(verify_both(&words, &inputs), Ok(true));
    let mut model = ModelPrecompiles::default();
    verify_with_precompiles(VERIFYING_KEY, &words, &inputs, &mut model).unwrap();
    assert_eq!(model.calls.len(), 3);
}

#[test]
fn proof_for_another_message_hash_is_rejected() {
    let (proof, mut inputs) = valid();
    inputs[1] = evm::fr_to_u256(
        Message {
            message: "invoice INV-2025-0001 rejected".into(),
            ..sample_message()
        }
        .hash(),
    );
    assert_eq!(verify_both(&proof, &inputs), Ok(false));
}

#[test]
fn proof_for_another_process_hash_is_rejected() {
    let (proof, mut inputs) = valid();
    inputs[0] = evm::fr_to_u256(integra_circuits::process_hash(Fr::from(2u8)));
    assert_eq!(verify_both(&proof, &inputs), Ok(false));
}

#[test]
fn tampered_a_is_rejected() {
    let (mut proof, inputs) = valid();
    let doubled = (g1_at(&proof, 0) + g1_at(&proof, 0)).into_affine();
    proof[..2].copy_from_slice(&g1_words(doubled));
    assert_eq!(verify_both(&proof, &inputs), Ok(false));
}

#[test]
fn tampered_b_is_rejected() {
    let (mut proof, inputs) = valid();
    // −B: negate both y coordinates (words 4 and 5).
    for w in &mut proof[4..6] {
        *w = p() - *w;
    }
    assert_eq!(verify_both(&proof, &inputs), Ok(false));
    // Swapped coordinate order (snarkjs order sent unconverted): off the twist.
    let (mut proof, inputs) = valid();
    proof.swap(2, 3);
    proof.swap(4, 5);
    assert_eq!(
        verify_both(&proof, &inputs),
        Err(Failure::NotOnCurve(POINT_B))
    );
}

#[test]
fn tampered_c_is_rejected() {
    let (mut proof, inputs) = valid();
    let neg = -g1_at(&proof, 6);
    proof[6..].copy_from_slice(&g1_words(neg));
    assert_eq!(verify_both(&proof, &inputs), Ok(false));
}

#[test]
fn public_input_not_below_r_is_rejected_with_its_index() {
    let (proof, inputs) = valid();
    for (index, value) in [(0, r()), (1, r()), (1, inputs[1] + r()), (0, U256::MAX)] {
        let mut bad = inputs;
        bad[index] = value;
        assert_eq!(
            verify_both(&proof, &bad),
            Err(Failure::InputNotInField { index, value })
        );
    }
}

#[test]
fn non_canonical_coordinates_are_rejected() {
    let (proof, inputs) = valid();
    // x + p is the same residue as x, but not its canonical encoding.
    for (word, point) in [(0, POINT_A), (3, POINT_B), (5, POINT_B), (7, POINT_C)] {
        let mut bad = proof;
        bad[word] += p();
        assert_eq!(
            verify_both(&bad, &inputs),
            Err(Failure::NotCanonical(point))
        );
    }
}

#[test]
fn points_off_the_curve_are_rejected() {
    let (proof, inputs) = valid();
    for (word, point) in [(1, POINT_A), (2, POINT_B), (6, POINT_C)] {
        let mut bad = proof;
        bad[word] ^= U256::from(1);
        assert_eq!(verify_both(&bad, &inputs), Err(Failure::NotOnCurve(point)));
    }
}

#[test]
fn b_outside_the_g2_subgroup_is_rejected() {
    // A point on the twist but not in the order-r subgroup: hash-and-check x = 1, 2, …
    let b = (1u64..)
        .find_map(|i| {
            let p = G2Affine::get_point_from_x_unchecked(
                ark_bn254::Fq2::new(Fq::from(i), Fq::ONE),
                false,
            )?;
            (!p.is_in_correct_subgroup_assuming_on_curve()).then_some(p)
        })
        .unwrap();
    let (mut proof, inputs) = valid();
    let (x, y) = b.xy().unwrap();
    for (i, c) in [x.c1, x.c0, y.c1, y.c0].into_iter().enumerate() {
        proof[2 + i] = U256::from_limbs(c.into_bigint().0);
    }
    assert_eq!(
        verify_with_arkworks(VERIFYING_KEY, &proof, &inputs),
        Err(Failure::NotInSubgroup(POINT_B))
    );
    assert_eq!(
        verify_with_precompiles(
            VERIFYING_KEY,
            &proof,
            &inputs,
            &mut ModelPrecompiles::default()
        ),
        Err(Failure::Precompile(EC_PAIRING))
    );
}

#[test]
fn wrong_number_of_inputs_is_rejected() {
    let (proof, inputs) = valid();
    assert_eq!(
        verify_both(&proof, &inputs[..1]),
        Err(Failure::InputCount {
            expected: 2,
            actual: 1
        })
    );
    assert_eq!(
        verify_both(&proof, &[inputs[0], inputs[1], U256::ZERO]),
        Err(Failure::InputCount {
            expected: 2,
            actual: 3
        })
    );
}

#[test]
fn failing_precompile_is_reported_with_its_address() {
    struct Failing;
    impl StaticCall for Failing {
        fn static_call(&mut self, _: Address, _: u64, _: &[u8]) -> Option<Vec<u8>> {
            None
        }
    }
    let (proof, inputs) = valid();
    assert_eq!(
        verify_with_precompiles(VERIFYING_KEY, &proof, &inputs, &mut Failing),
        Err(Failure::Precompile(EC_MUL))
    );
}

/// The committed snarkjs fixture (scripts/snarkjs-fixture.sh): its proof and public signals
/// verify under its own key, converted into the contract's encoding.
#[test]
fn snarkjs_fixture_is_verified() {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../circuits/fixtures/snarkjs"
    );
    let read = |f: &str| std::fs::read_to_string(format!("{dir}/{f}")).expect("fixture present");
    let vk_bytes = evm::vk_from_snarkjs_json(&read("verification_key.json")).unwrap();
    let vk = groth16::VerifyingKey::new(&vk_bytes).unwrap();
    let proof = EvmProof::from_snarkjs_json(&read("proof.json"))
        .unwrap()
        .words();
    let inputs = evm::public_signals_from_snarkjs_json(&read("public.json")).unwrap();
    let message: Message = serde_json_message(&read("message.json"));
    assert_eq!(inputs[1], evm::fr_to_u256(message.hash()));
    assert_eq!(
        inputs[0],
        evm::fr_to_u256(integra_circuits::process_hash(Fr::from(1u8)))
    );
    assert_eq!(verify_with_arkworks(vk, &proof, &inputs), Ok(true));
    let mut model = ModelPrecompiles::default();
    assert_eq!(
        verify_with_precompiles(vk, &proof, &inputs, &mut model),
        Ok(true)
    );
    let mut other = inputs.clone();
    other[1] = evm::fr_to_u256(
        Message {
            sender: Address::repeat_byte(0xee),
            ..message
        }
        .hash(),
    );
    assert_eq!(verify_with_arkworks(vk, &proof, &other), Ok(false));
}

fn serde_json_message(json: &str) -> Message {
    integra_circuits::evm::message_from_json(json).expect("message.json")
}

// ---- contract level: the router under motsu ----

fn call(contract: &Contract<Groth16Verifier>, calldata: &[u8]) -> Option<ArbResult> {
    let selector: [u8; 4] = calldata[..4].try_into().unwrap();
    dispatch(
        &mut contract.sender(Address::ZERO),
        selector,
        Args(&calldata[4..]),
    )
}

fn fixed_call(proof: &ProofWords, inputs: [U256; 2]) -> Vec<u8> {
    verifyProof_0Call {
        a: [proof[0], proof[1]],
        b: [[proof[2], proof[3]], [proof[4], proof[5]]],
        c: [proof[6], proof[7]],
        input: inputs,
    }
    .abi_encode()
}

fn dynamic_call(proof: &ProofWords, inputs: &[U256]) -> Vec<u8> {
    verifyProof_1Call {
        a: [proof[0], proof[1]],
        b: [[proof[2], proof[3]], [proof[4], proof[5]]],
        c: [proof[6], proof[7]],
        input: inputs.to_vec(),
    }
    .abi_encode()
}

#[test]
fn fixed_form_has_the_snarkjs_two_input_selector() {
    assert_eq!(verifyProof_0Call::SELECTOR, [0xf5, 0xc9, 0xd6, 0x9e]);
    assert_eq!(
        verifyProof_0Call::SIGNATURE,
        "verifyProof(uint256[2],uint256[2][2],uint256[2],uint256[2])"
    );
    assert_eq!(
        verifyProof_1Call::SIGNATURE,
        "verifyProof(uint256[2],uint256[2][2],uint256[2],uint256[])"
    );
    assert_eq!(
        evm::verify_proof_calldata(
            &EvmProof::from_ark(&ark_groth16::Proof::default()),
            [U256::ZERO; 2]
        )[..4],
        verifyProof_0Call::SELECTOR
    );
}

#[motsu::test]
fn views_report_the_baked_in_key(contract: Contract<Groth16Verifier>) {
    let out = call(&contract, &publicInputCountCall {}.abi_encode())
        .unwrap()
        .unwrap();
    assert_eq!(U256::from_be_slice(&out), U256::from(2));
    let out = call(&contract, &verifyingKeyHashCall {}.abi_encode())
        .unwrap()
        .unwrap();
    assert_eq!(out, keccak256(VK_BYTES).to_vec());
    let out = call(&contract, &verifyingKeyCall {}.abi_encode())
        .unwrap()
        .unwrap();
    assert_eq!(
        verifyingKeyCall::abi_decode_returns(&out, true)
            .unwrap()
            ._0
            .as_ref(),
        VK_BYTES
    );
    let out = call(&contract, &VERSIONCall {}.abi_encode())
        .unwrap()
        .unwrap();
    assert_eq!(
        VERSIONCall::abi_decode_returns(&out, true).unwrap()._0,
        "7.0.0"
    );
}

#[motsu::test]
fn malformed_calldata_and_unknown_selectors_revert_with_empty_data(
    contract: Contract<Groth16Verifier>,
) {
    let (proof, inputs) = valid();
    let full = fixed_call(&proof, inputs);
    assert_eq!(
        call(&contract, &full[..full.len() - 1]),
        Some(Err(Vec::new()))
    );
    let mut dynamic = dynamic_call(&proof, &inputs);
    // Array length pointing past the end.
    dynamic[4 + 9 * 32 + 31] = 3;
    assert_eq!(call(&contract, &dynamic), Some(Err(Vec::new())));
    assert_eq!(call(&contract, &[0xde, 0xad, 0xbe, 0xef]), None);
}

#[cfg(feature = "arkworks-backend")]
mod routed {
    use super::*;
    use alloy_sol_types::SolError;

    fn verdict(out: Option<ArbResult>) -> Result<bool, Vec<u8>> {
        out.expect("routed")
            .map(|b| verifyProof_0Call::abi_decode_returns(&b, true).unwrap()._0)
    }

    #[motsu::test]
    fn routed_valid_proof_is_accepted_in_both_forms(contract: Contract<Groth16Verifier>) {
        let (proof, inputs) = valid();
        assert_eq!(
            verdict(call(&contract, &fixed_call(&proof, inputs))),
            Ok(true)
        );
        assert_eq!(
            verdict(call(&contract, &dynamic_call(&proof, &inputs))),
            Ok(true)
        );
    }

    #[motsu::test]
    fn routed_tampered_proof_returns_false(contract: Contract<Groth16Verifier>) {
        let (mut proof, inputs) = valid();
        let neg = g1_words(-g1_at(&proof, 6));
        proof[6..].copy_from_slice(&neg);
        assert_eq!(
            verdict(call(&contract, &fixed_call(&proof, inputs))),
            Ok(false)
        );
    }

    #[motsu::test]
    fn routed_errors_are_typed(contract: Contract<Groth16Verifier>) {
        let (proof, inputs) = valid();
        let mut bad = inputs;
        bad[1] = r();
        assert_eq!(
            verdict(call(&contract, &fixed_call(&proof, bad))),
            Err(InputNotInField {
                index: U256::from(1),
                input: r()
            }
            .abi_encode())
        );
        let mut off = proof;
        off[0] += p();
        assert_eq!(
            verdict(call(&contract, &fixed_call(&off, inputs))),
            Err(PointNotCanonical { point: 0 }.abi_encode())
        );
        let mut off = proof;
        off[7] ^= U256::from(1);
        assert_eq!(
            verdict(call(&contract, &fixed_call(&off, inputs))),
            Err(PointNotOnCurve { point: 2 }.abi_encode())
        );
        assert_eq!(
            verdict(call(&contract, &dynamic_call(&proof, &inputs[..1]))),
            Err(InputCountMismatch {
                expected: U256::from(2),
                actual: U256::from(1)
            }
            .abi_encode())
        );
    }
}

/// `k` valid proofs for distinct messages, flat inputs.
fn valid_batch(k: usize) -> (Vec<ProofWords>, Vec<U256>) {
    let mut proofs = Vec::new();
    let mut inputs = Vec::new();
    for i in 0..k {
        let m = Message {
            token_id: U256::from(100 + i),
            ..sample_message()
        };
        let mut rng = ChaCha20Rng::from_seed([u8::try_from(i).unwrap(); 32]);
        let proof = integra_circuits::prove(test_key(), Fr::from(1u8), m.hash(), &mut rng).unwrap();
        proofs.push(EvmProof::from_ark(&proof).words());
        inputs.push(evm::fr_to_u256(integra_circuits::process_hash(Fr::from(
            1u8,
        ))));
        inputs.push(evm::fr_to_u256(m.hash()));
    }
    (proofs, inputs)
}

#[test]
fn batch_accepts_valid_proofs_with_k_plus_3_pairs_and_2k_plus_2_muls() {
    for k in [1, 2, 5] {
        let (proofs, inputs) = valid_batch(k);
        let scalars = batch_scalars(alloy_primitives::B256::repeat_byte(7), k, |b| keccak256(b));
        let mut model = ModelPrecompiles::default();
        let ok = groth16::verify_batch_with_precompiles(
            VERIFYING_KEY,
            &proofs,
            &inputs,
            &scalars,
            &mut model,
        );
        assert_eq!(ok, Ok(true), "k = {k}");
        let count = |a: Address| model.calls.iter().filter(|(t, _)| *t == a).count();
        assert_eq!(count(EC_PAIRING), 1);
        // r₀ = 1 is not multiplied: for k = 1 (S = 1) only the N input terms are.
        assert_eq!(count(EC_MUL), if k == 1 { 2 } else { 2 * k + 2 });
        assert_eq!(count(EC_ADD), k + 1);
        assert_eq!(
            groth16::verify_batch_with_arkworks(VERIFYING_KEY, &proofs, &inputs),
            Ok(true)
        );
    }
}

#[test]
fn batch_rejects_one_bad_proof_or_input_whatever_its_position() {
    let (proofs, inputs) = valid_batch(4);
    let scalars = batch_scalars(alloy_primitives::B256::repeat_byte(3), 4, |b| keccak256(b));
    for bad in 0..4 {
        let mut swapped = proofs.clone();
        swapped[bad] = proofs[(bad + 1) % 4];
        let mut wrong_input = inputs.clone();
        wrong_input[2 * bad + 1] += U256::from(1);
        for (p, x) in [(&swapped, &inputs), (&proofs, &wrong_input)] {
            let mut model = ModelPrecompiles::default();
            let verdict =
                groth16::verify_batch_with_precompiles(VERIFYING_KEY, p, x, &scalars, &mut model);
            assert_eq!(verdict, Ok(false), "bad index {bad}");
            assert_eq!(
                groth16::verify_batch_with_arkworks(VERIFYING_KEY, p, x),
                Ok(false)
            );
        }
    }
    // Wrong input count.
    let mut model = ModelPrecompiles::default();
    assert!(matches!(
        groth16::verify_batch_with_precompiles(
            VERIFYING_KEY,
            &proofs,
            &inputs[1..],
            &scalars,
            &mut model
        ),
        Err(Failure::InputCount { .. })
    ));
}

#[test]
fn batch_scalars_start_at_one_and_are_nonzero_and_distinct() {
    let s = batch_scalars(alloy_primitives::B256::repeat_byte(1), 8, |b| keccak256(b));
    assert_eq!(s[0], 1);
    assert!(s.iter().all(|x| *x != 0));
    let mut d = s.clone();
    d.sort_unstable();
    d.dedup();
    assert_eq!(d.len(), 8);
    assert_ne!(
        s,
        batch_scalars(alloy_primitives::B256::repeat_byte(2), 8, |b| keccak256(b))
    );
}

#[test]
fn negation_uses_the_base_field_modulus() {
    assert_eq!(U256::from_be_bytes(groth16::P_BYTES), p());
    let (proof, _) = valid();
    let a = g1_at(&proof, 0);
    let mut bytes = [0u8; 64];
    for (chunk, w) in bytes.chunks_mut(32).zip(g1_words(a)) {
        chunk.copy_from_slice(&w.to_be_bytes::<32>());
    }
    let neg = groth16::neg_g1(&bytes);
    assert_eq!(model_g1(&neg), Some(-a));
    assert_eq!(groth16::neg_g1(&[0; 64]), [0; 64]);
}

proptest::proptest! {
    /// The combined batch scalar Σ rᵢ·xᵢ (exact, then reduced) is congruent to the field sum,
    /// and a scalar ecMul accepts (< 2²⁵⁶).
    #[test]
    fn batch_scalar_combination_is_the_sum_mod_r(
        terms in proptest::collection::vec((proptest::num::u128::ANY, proptest::array::uniform4(proptest::num::u64::ANY)), 1..=groth16::MAX_BATCH),
    ) {
        let mut acc = [0u64; 8];
        let mut want = U256::ZERO;
        for (rv, limbs) in &terms {
            let x = U256::from_limbs(*limbs).reduce_mod(r());
            groth16::mul_add(&mut acc, &U256::from(*rv).as_limbs()[..2], x.as_limbs());
            want = want.add_mod(U256::from(*rv).mul_mod(x, r()), r());
        }
        let got = groth16::scalar_of(&acc);
        proptest::prop_assert_eq!(got.reduce_mod(r()), want);
        if acc[4..].iter().any(|l| *l != 0) {
            proptest::prop_assert!(got < r() + r());
        }
    }
}

#[test]
fn montgomery_constants_are_those_of_r() {
    // r·(−r⁻¹) ≡ −1 (mod 2⁶⁴), and R2 = (2²⁵⁶)² mod r.
    assert_eq!(r().as_limbs()[0].wrapping_mul(groth16::R_INV), u64::MAX);
    let r256 = U256::MAX.reduce_mod(r()).add_mod(U256::from(1), r());
    assert_eq!(U256::from_limbs(groth16::R2), r256.mul_mod(r256, r()));
}

#[test]
fn batch_scalar_combination_at_the_extremes() {
    // 32 maximal terms: (2¹²⁸ − 1)·(r − 1) each, the largest sum the batch forms.
    let mut acc = [0u64; 8];
    let mut want = U256::ZERO;
    for _ in 0..groth16::MAX_BATCH {
        groth16::mul_add(&mut acc, &[u64::MAX; 2], (r() - U256::from(1)).as_limbs());
        want = want.add_mod(U256::from(u128::MAX).mul_mod(r() - U256::from(1), r()), r());
    }
    assert_eq!(groth16::scalar_of(&acc).reduce_mod(r()), want);
    // Below 2²⁵⁶ the value is passed as is (ecMul reduces it).
    let mut small = [0u64; 8];
    groth16::mul_add(&mut small, &[1], (r() - U256::from(1)).as_limbs());
    assert_eq!(groth16::scalar_of(&small), r() - U256::from(1));
}
