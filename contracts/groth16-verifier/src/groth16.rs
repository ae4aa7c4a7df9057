//! The verification core, free of storage and host calls so that it can be tested natively and
//! run against any verifying key in the contract's encoding.
//!
//! Both backends decode the same way, with arkworks types: each coordinate must be canonical
//! (< p, [`Failure::NotCanonical`]), each point on its curve or the all-zero point at infinity
//! ([`Failure::NotOnCurve`]; G1 has cofactor 1, so that is also subgroup membership), each public
//! input < r ([`Failure::InputNotInField`]). Then the check `e(−A, B)·e(α, β)·e(vk_x, γ)·e(C, δ)
//! = 1` with `vk_x = IC₀ + Σ inputᵢ·ICᵢ₊₁` runs either
//! - on the precompiles ([`verify_with_precompiles`]): `ecMul` 0x07 and `ecAdd` 0x06 per non-zero
//!   input, one 4-pair `ecPairing` 0x08, each static call given exactly the precompile's price as
//!   its gas limit (a failing precompile burns the gas it is given, so never more). The pairing
//!   precompile also checks that B lies in the G2 subgroup, which is too expensive in WASM; or
//! - in WASM ([`verify_with_arkworks`]): arkworks' multi-pairing, with the G2 subgroup check
//!   of B done here ([`Failure::NotInSubgroup`]).
use alloc::vec::Vec;

use alloy_primitives::{address, Address, U256};
use ark_bn254::{Bn254, Fq, Fq2, Fr, G1Affine, G1Projective, G2Affine};
use ark_ec::{pairing::Pairing, AffineRepr, CurveGroup};
use ark_ff::{BigInt, One, PrimeField, Zero};

/// `ecAdd` (EIP-196).
pub const EC_ADD: Address = address!("0000000000000000000000000000000000000006");
/// `ecMul` (EIP-196).
pub const EC_MUL: Address = address!("0000000000000000000000000000000000000007");
/// `ecPairing` (EIP-197).
pub const EC_PAIRING: Address = address!("0000000000000000000000000000000000000008");
/// Gas of `ecAdd` (EIP-1108).
pub const EC_ADD_GAS: u64 = 150;
/// Gas of `ecMul` (EIP-1108).
pub const EC_MUL_GAS: u64 = 6_000;
/// Gas of a 4-pair `ecPairing` (EIP-1108: 45,000 + 34,000 per pair).
pub const EC_PAIRING_GAS: u64 = 45_000 + 4 * 34_000;

/// Index of A, B and C in point errors.
pub const POINT_A: u8 = 0;
/// Index of B.
pub const POINT_B: u8 = 1;
/// Index of C.
pub const POINT_C: u8 = 2;

/// Why a proof could not be checked (a proof that decodes but fails the pairing check is not a
/// failure: it verifies to `false`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The key takes `expected` public inputs.
    InputCount {
        /// Inputs of the key.
        expected: usize,
        /// Inputs passed.
        actual: usize,
    },
    /// Public input `index` is ≥ r.
    InputNotInField {
        /// Position of the input.
        index: usize,
        /// Its value.
        value: U256,
    },
    /// A coordinate of point A (0), B (1) or C (2) is ≥ p.
    NotCanonical(u8),
    /// The point is not on its curve.
    NotOnCurve(u8),
    /// The point is not in the prime-order subgroup (arkworks backend; the precompile backend
    /// reports a failing `ecPairing` as [`Failure::Precompile`]).
    NotInSubgroup(u8),
    /// A precompile call failed (for `ecPairing` after the checks above: B outside the G2
    /// subgroup) or returned malformed data.
    Precompile(Address),
}

/// A verifying key in the contract's encoding (see `integra_circuits::evm`): `alpha`, `beta`,
/// `gamma`, `delta`, `IC[0..=N]` as 32-byte big-endian words, G2 coordinates `(c1, c0)`.
#[derive(Clone, Copy, Debug)]
pub struct VerifyingKey<'a>(&'a [u8]);

impl<'a> VerifyingKey<'a> {
    /// Wraps `bytes` when their length is that of a key (`32·(16 + 2N)`, N ≥ 1).
    #[must_use]
    pub const fn new(bytes: &'a [u8]) -> Option<Self> {
        if bytes.len().is_multiple_of(64) && bytes.len() >= 32 * 18 {
            Some(Self(bytes))
        } else {
            None
        }
    }

    /// The encoded key.
    #[must_use]
    pub const fn bytes(&self) -> &'a [u8] {
        self.0
    }

    /// N, the number of public inputs.
    #[must_use]
    pub const fn inputs(&self) -> usize {
        (self.0.len() - 448) / 64 - 1
    }

    /// `alpha ‖ beta`: the second pair of the pairing input, as is.
    fn alpha_beta(&self) -> &'a [u8] {
        &self.0[..192]
    }

    fn gamma(&self) -> &'a [u8] {
        &self.0[192..320]
    }

    fn delta(&self) -> &'a [u8] {
        &self.0[320..448]
    }

    /// `IC[i]`, `i ≤ N`.
    fn ic(&self, i: usize) -> &'a [u8] {
        &self.0[448 + 64 * i..512 + 64 * i]
    }
}

/// A proof as the eight calldata words `a, b, c` (B's coordinates `(c1, c0)`).
pub type ProofWords = [U256; 8];

struct Decoded {
    a: G1Affine,
    b: G2Affine,
    c: G1Affine,
}

fn fq(w: U256, point: u8) -> Result<Fq, Failure> {
    Fq::from_bigint(BigInt(w.into_limbs())).ok_or(Failure::NotCanonical(point))
}

fn g1(x: U256, y: U256, point: u8) -> Result<G1Affine, Failure> {
    let (x, y) = (fq(x, point)?, fq(y, point)?);
    if x.is_zero() && y.is_zero() {
        return Ok(G1Affine::zero());
    }
    let p = G1Affine::new_unchecked(x, y);
    if p.is_on_curve() {
        Ok(p)
    } else {
        Err(Failure::NotOnCurve(point))
    }
}

fn g2(w: [U256; 4], point: u8) -> Result<G2Affine, Failure> {
    let x = Fq2::new(fq(w[1], point)?, fq(w[0], point)?);
    let y = Fq2::new(fq(w[3], point)?, fq(w[2], point)?);
    if x.is_zero() && y.is_zero() {
        return Ok(G2Affine::zero());
    }
    let p = G2Affine::new_unchecked(x, y);
    if p.is_on_curve() {
        Ok(p)
    } else {
        Err(Failure::NotOnCurve(point))
    }
}

fn decode(vk: VerifyingKey<'_>, proof: &ProofWords, inputs: &[U256]) -> Result<Decoded, Failure> {
    if inputs.len() != vk.inputs() {
        return Err(Failure::InputCount {
            expected: vk.inputs(),
            actual: inputs.len(),
        });
    }
    let a = g1(proof[0], proof[1], POINT_A)?;
    let b = g2([proof[2], proof[3], proof[4], proof[5]], POINT_B)?;
    let c = g1(proof[6], proof[7], POINT_C)?;
    for (index, &value) in inputs.iter().enumerate() {
        if value >= U256::from_limbs(Fr::MODULUS.0) {
            return Err(Failure::InputNotInField { index, value });
        }
    }
    Ok(Decoded { a, b, c })
}

fn fq_word(x: Fq) -> [u8; 32] {
    U256::from_limbs(x.into_bigint().0).to_be_bytes()
}

/// A static call with an explicit gas limit: `Some(return data)` on success.
pub trait StaticCall {
    /// Calls `to` with `data`, giving it at most `gas`.
    fn static_call(&mut self, to: Address, gas: u64, data: &[u8]) -> Option<Vec<u8>>;
}

fn precompile<S: StaticCall + ?Sized, const N: usize>(
    s: &mut S,
    to: Address,
    gas: u64,
    data: &[u8],
) -> Result<[u8; N], Failure> {
    s.static_call(to, gas, data)
        .and_then(|out| <[u8; N]>::try_from(out.as_slice()).ok())
        .ok_or(Failure::Precompile(to))
}

/// Verifies with the BN254 precompiles (module docs).
///
/// # Errors
/// A [`Failure`] when the proof or inputs are malformed or a precompile fails.
pub fn verify_with_precompiles<S: StaticCall + ?Sized>(
    vk: VerifyingKey<'_>,
    proof: &ProofWords,
    inputs: &[U256],
    calls: &mut S,
) -> Result<bool, Failure> {
    let d = decode(vk, proof, inputs)?;
    let mut vk_x = [0u8; 64];
    vk_x.copy_from_slice(vk.ic(0));
    for (i, s) in inputs.iter().enumerate() {
        if s.is_zero() {
            continue;
        }
        let mut mul = [0u8; 96];
        mul[..64].copy_from_slice(vk.ic(i + 1));
        mul[64..].copy_from_slice(&s.to_be_bytes::<32>());
        let product: [u8; 64] = precompile(calls, EC_MUL, EC_MUL_GAS, &mul)?;
        let mut add = [0u8; 128];
        add[..64].copy_from_slice(&vk_x);
        add[64..].copy_from_slice(&product);
        vk_x = precompile(calls, EC_ADD, EC_ADD_GAS, &add)?;
    }
    let mut pairs = Vec::with_capacity(4 * 192);
    match (-d.a).xy() {
        Some((x, y)) => {
            pairs.extend_from_slice(&fq_word(x));
            pairs.extend_from_slice(&fq_word(y));
        }
        None => pairs.resize(64, 0),
    }
    for w in &proof[2..6] {
        pairs.extend_from_slice(&w.to_be_bytes::<32>());
    }
    pairs.extend_from_slice(vk.alpha_beta());
    pairs.extend_from_slice(&vk_x);
    pairs.extend_from_slice(vk.gamma());
    for w in &proof[6..8] {
        pairs.extend_from_slice(&w.to_be_bytes::<32>());
    }
    pairs.extend_from_slice(vk.delta());
    let ok: [u8; 32] = precompile(calls, EC_PAIRING, EC_PAIRING_GAS, &pairs)?;
    Ok(U256::from_be_bytes(ok) == U256::from(1))
}

fn words<const N: usize>(bytes: &[u8]) -> [U256; N] {
    core::array::from_fn(|i| U256::from_be_slice(&bytes[32 * i..32 * i + 32]))
}

/// Verifies entirely in WASM with arkworks (module docs). The key's points are trusted (checked
/// when it was baked in) and decoded without subgroup checks.
///
/// # Errors
/// A [`Failure`] when the proof or inputs are malformed.
pub fn verify_with_arkworks(
    vk: VerifyingKey<'_>,
    proof: &ProofWords,
    inputs: &[U256],
) -> Result<bool, Failure> {
    let d = decode(vk, proof, inputs)?;
    if !d.b.is_in_correct_subgroup_assuming_on_curve() {
        return Err(Failure::NotInSubgroup(POINT_B));
    }
    // The key's own points: malformed ones would be a broken build, reported as point B's
    // (never happens with a key from integra-circuits, whose encoder is tested to round-trip).
    let key_g1 = |b: &[u8]| {
        let [x, y] = words::<2>(b);
        g1(x, y, POINT_B)
    };
    let key_g2 = |b: &[u8]| g2(words::<4>(b), POINT_B);
    let mut vk_x = G1Projective::from(key_g1(vk.ic(0))?);
    for (i, s) in inputs.iter().enumerate() {
        vk_x += key_g1(vk.ic(i + 1))?.mul_bigint(s.into_limbs());
    }
    let alpha_beta = vk.alpha_beta();
    let out = Bn254::multi_pairing(
        [-d.a, key_g1(&alpha_beta[..64])?, vk_x.into_affine(), d.c],
        [
            d.b,
            key_g2(&alpha_beta[64..])?,
            key_g2(vk.gamma())?,
            key_g2(vk.delta())?,
        ],
    );
    Ok(out.0.is_one())
}
