//! The verification core, free of storage and host calls so that it can be tested natively and
//! run against any verifying key in the contract's encoding.
//!
//! Both backends decode the same way, with arkworks types: each coordinate must be canonical
//! (< p, [`Failure::NotCanonical`]), each point on its curve or the all-zero point at infinity
//! ([`Failure::NotOnCurve`], `y² = x³ + b` in arkworks' `Fq` / `Fq2`; G1 has cofactor 1, so that
//! is also subgroup membership), each public input < r ([`Failure::InputNotInField`]). Then the
//! check `e(A, B)·e(−α, β)·e(−vk_x, γ)·e(−C, δ) = 1` with `vk_x = IC₀ + Σ inputᵢ·ICᵢ₊₁` runs
//! either
//! - on the precompiles ([`verify_with_precompiles`], the one-proof case of
//!   [`verify_batch_with_precompiles`]): `ecMul` 0x07 and `ecAdd` 0x06 per non-zero input, one
//!   4-pair `ecPairing` 0x08, each static call given exactly the precompile's price as its gas
//!   limit (a failing precompile burns the gas it is given, so never more). The pairing
//!   precompile also checks that B lies in the G2 subgroup, which is too expensive in WASM; or
//! - in WASM ([`verify_with_arkworks`]): arkworks' multi-pairing, with the G2 subgroup check
//!   of B done here ([`Failure::NotInSubgroup`]).
use alloc::vec::Vec;

use alloy_primitives::{address, Address, U256};
use ark_bn254::{
    g1::Config as G1Config, g2::Config as G2Config, Bn254, Fq, Fq2, Fr, G1Affine, G1Projective,
    G2Affine,
};
use ark_ec::{pairing::Pairing, short_weierstrass::SWCurveConfig, AffineRepr, CurveGroup};
use ark_ff::{BigInt, Field, One, PrimeField, Zero};

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

    /// `len` bytes from `at` (in range for every key [`VerifyingKey::new`] accepts; empty
    /// otherwise, so no panic path is linked in).
    fn part(&self, at: usize, len: usize) -> &'a [u8] {
        self.0.get(at..at + len).unwrap_or_default()
    }

    fn alpha(&self) -> &'a [u8] {
        self.part(0, 64)
    }

    fn beta(&self) -> &'a [u8] {
        self.part(64, 128)
    }

    fn gamma(&self) -> &'a [u8] {
        self.part(192, 128)
    }

    fn delta(&self) -> &'a [u8] {
        self.part(320, 128)
    }

    /// `IC[i]`, `i ≤ N`.
    fn ic(&self, i: usize) -> &'a [u8] {
        self.part(448 + 64 * i, 64)
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

/// `y² = x³ + b`, with multiplications only: arkworks' `is_on_curve` would link its separate
/// squaring and doubling code (~4 KB of WASM) for the same answer.
fn on_curve<F: Field>(x: F, y: F, b: F) -> bool {
    y * y == x * x * x + b
}

fn g1(x: U256, y: U256, point: u8) -> Result<G1Affine, Failure> {
    let (x, y) = (fq(x, point)?, fq(y, point)?);
    if x.is_zero() && y.is_zero() {
        return Ok(G1Affine::zero());
    }
    if on_curve(x, y, G1Config::COEFF_B) {
        Ok(G1Affine::new_unchecked(x, y))
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
    if on_curve(x, y, G2Config::COEFF_B) {
        Ok(G2Affine::new_unchecked(x, y))
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
        if value >= R {
            return Err(Failure::InputNotInField { index, value });
        }
    }
    Ok(Decoded { a, b, c })
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

/// Verifies with the BN254 precompiles (module docs): the batch check of one proof with
/// coefficient 1 (see [`verify_batch_with_precompiles`]), `e(A, B)·e(−α, β)·e(−vk_x, γ)·e(−C, δ)
/// = 1` — one `ecMul` and one `ecAdd` per non-zero input, one 4-pair `ecPairing`.
///
/// # Errors
/// A [`Failure`] when the proof or inputs are malformed or a precompile fails.
pub fn verify_with_precompiles<S: StaticCall + ?Sized>(
    vk: VerifyingKey<'_>,
    proof: &ProofWords,
    inputs: &[U256],
    calls: &mut S,
) -> Result<bool, Failure> {
    verify_batch_with_precompiles(vk, core::slice::from_ref(proof), inputs, &[1], calls)
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
    let out = Bn254::multi_pairing(
        [-d.a, key_g1(vk.alpha())?, vk_x.into_affine(), d.c],
        [
            d.b,
            key_g2(vk.beta())?,
            key_g2(vk.gamma())?,
            key_g2(vk.delta())?,
        ],
    );
    Ok(out.0.is_one())
}

/// Gas of an `ecPairing` call with `pairs` pairs (EIP-1108).
#[must_use]
pub const fn pairing_gas(pairs: usize) -> u64 {
    45_000 + 34_000 * pairs as u64
}

/// The most proofs one batch takes (`k + 3` pairs in one `ecPairing` call).
pub const MAX_BATCH: usize = 32;

/// The base field modulus p, big-endian.
pub(crate) const P_BYTES: [u8; 32] =
    *b"\x30\x64\x4e\x72\xe1\x31\xa0\x29\xb8\x50\x45\xb6\x81\x81\x58\x5d\
\x97\x81\x6a\x91\x68\x71\xca\x8d\x3c\x20\x8c\x16\xd8\x7c\xfd\x47";
/// The scalar field modulus r.
const R: U256 = U256::from_limbs(<Fr as PrimeField>::MODULUS.0);

/// Copies as much of `src` as fits into `dst`: one `memory.copy`, without the length check of
/// `copy_from_slice` (which would link the formatting panic code).
fn put(dst: &mut [u8], src: &[u8]) {
    let n = dst.len().min(src.len());
    // SAFETY: `n` bytes are in bounds of both, and a `&mut` slice cannot overlap a `&` one.
    unsafe { core::ptr::copy_nonoverlapping(src.as_ptr(), dst.as_mut_ptr(), n) }
}

/// `−P` for a G1 point given as 64 bytes, `(x, p − y)`; the point at infinity (the only point
/// with y = 0: x³ + 3 = 0 has no root in Fq) stays all zero. `y < p` was checked in decoding or
/// comes from a precompile.
pub(crate) fn neg_g1(point: &[u8; 64]) -> [u8; 64] {
    let mut out = *point;
    if point[32..].iter().any(|b| *b != 0) {
        let mut borrow = 0u16;
        for (o, p) in out[32..].iter_mut().rev().zip(P_BYTES.iter().rev()) {
            let d = u16::from(*p).wrapping_sub(u16::from(*o) + borrow);
            borrow = d >> 15;
            *o = d.to_le_bytes()[0];
        }
    }
    out
}

/// Calls a precompile that returns 64 bytes (`ecAdd`, `ecMul`) with `a ‖ b`.
fn point_call<S: StaticCall + ?Sized>(
    calls: &mut S,
    to: Address,
    gas: u64,
    a: &[u8],
    b: &[u8],
) -> Result<[u8; 64], Failure> {
    let mut data = [0u8; 128];
    put(&mut data, a);
    put(&mut data[64..], b);
    let len = if to == EC_MUL { 96 } else { 128 };
    precompile(calls, to, gas, &data[..len])
}

fn ec_add<S: StaticCall + ?Sized>(
    calls: &mut S,
    p: &[u8; 64],
    q: &[u8; 64],
) -> Result<[u8; 64], Failure> {
    point_call(calls, EC_ADD, EC_ADD_GAS, p, q)
}

/// `point` (64 bytes) times `scalar`, with no call when the scalar is 1.
fn scaled<S: StaticCall + ?Sized>(
    calls: &mut S,
    point: &[u8],
    scalar: U256,
) -> Result<[u8; 64], Failure> {
    if scalar == U256::from(1) {
        let mut out = [0u8; 64];
        put(&mut out, point);
        Ok(out)
    } else {
        point_call(
            calls,
            EC_MUL,
            EC_MUL_GAS,
            point,
            &scalar.to_be_bytes::<32>(),
        )
    }
}

/// −r⁻¹ mod 2⁶⁴, the Montgomery constant of r.
pub(crate) const R_INV: u64 = 0xc2e1_f593_efff_ffff;
/// 2⁵¹² mod r, little-endian limbs.
pub(crate) const R2: [u64; 4] = [
    0x1bb8_e645_ae21_6da7,
    0x53fe_3ab1_e35c_59e3,
    0x8c49_833d_53bb_8085,
    0x0216_d0b1_7f4e_44a5,
];

/// `acc += a·x`, exactly, on little-endian 64-bit limbs. Callers keep the sum below 2⁵¹²:
/// the batch sums at most [`MAX_BATCH`] products of a 128-bit coefficient and an input < 2²⁵⁴
/// (< 2³⁸⁷), the reduction one product of two values < r.
pub(crate) fn mul_add(acc: &mut [u64; 8], a: &[u64], x: &[u64; 4]) {
    for (i, ai) in a.iter().enumerate() {
        let mut carry = 0u128;
        for (j, t) in acc.iter_mut().skip(i).enumerate() {
            let xj = x.get(j).copied().unwrap_or(0);
            let v = u128::from(*t) + u128::from(*ai) * u128::from(xj) + carry;
            #[allow(clippy::cast_possible_truncation)] // the low limb
            {
                *t = v as u64;
            }
            carry = v >> 64;
        }
    }
}

/// Montgomery reduction: `t·2⁻²⁵⁶` modulo r, as a value < 2r, for `t < r·2²⁵⁶` (the final
/// subtraction is left out: `ecMul` accepts any 256-bit scalar, and a value < 2r times one < r
/// is still < r·2²⁵⁶ for the next reduction).
fn redc(mut t: [u64; 8]) -> [u64; 4] {
    let r = R.as_limbs();
    for i in 0..4 {
        let m = t[i].wrapping_mul(R_INV);
        let mut carry = 0u128;
        for (j, tk) in t.iter_mut().skip(i).enumerate() {
            let rj = r.get(j).copied().unwrap_or(0);
            let v = u128::from(*tk) + u128::from(m) * u128::from(rj) + carry;
            #[allow(clippy::cast_possible_truncation)] // the low limb
            {
                *tk = v as u64;
            }
            carry = v >> 64;
        }
    }
    let [_, _, _, _, hi @ ..] = t;
    hi
}

/// A scalar for `ecMul` congruent to `v` mod r (`ecMul` takes any 256-bit scalar and only its
/// residue matters, r being the group order): `v` itself below 2²⁵⁶, otherwise a value < 2r by
/// two Montgomery reductions (`redc(redc(v)·2⁵¹²) ≡ v`).
pub(crate) fn scalar_of(v: &[u64; 8]) -> U256 {
    let [l0, l1, l2, l3, hi @ ..] = *v;
    if hi == [0; 4] {
        return U256::from_limbs([l0, l1, l2, l3]);
    }
    let mut p = [0u64; 8];
    mul_add(&mut p, &redc(*v), &R2);
    U256::from_limbs(redc(p))
}

/// Checks `k = proofs.len()` proofs at once on the precompiles, with one `ecPairing` call of
/// `k + 3` pairs. `inputs` holds the N public inputs of each proof in order (`k·N` words);
/// `scalars` the random coefficients `rᵢ` (`scalars[0]` should be 1; the others must be drawn
/// after the proofs are fixed, e.g. by hashing them, and be non-zero).
///
/// Each proof satisfies `e(Aᵢ, Bᵢ) = e(α, β)·e(Lᵢ, γ)·e(Cᵢ, δ)` with `Lᵢ = IC₀ + Σⱼ xᵢⱼ·ICⱼ₊₁`.
/// Raising the i-th equation to `rᵢ` and multiplying them all gives
///
/// ```text
/// Πᵢ e(rᵢ·Aᵢ, Bᵢ) = e(S·α, β) · e(S·IC₀ + Σⱼ Tⱼ·ICⱼ₊₁, γ) · e(Σᵢ rᵢ·Cᵢ, δ)
/// with S = Σᵢ rᵢ and Tⱼ = Σᵢ rᵢ·xᵢⱼ (mod r),
/// ```
///
/// checked as `Πᵢ e(rᵢ·Aᵢ, Bᵢ) · e(−S·α, β) · e(−L, γ) · e(−C, δ) = 1`. The three right-hand
/// points are one multi-scalar product each, because the scalars are combined first — `S` and
/// `Tⱼ` as exact integers (`S` < 2¹³³ < r), `Tⱼ` then reduced mod r, so no field arithmetic is
/// linked in. A coefficient of 1 is not multiplied and a zero `Tⱼ` is skipped: `2k + N` `ecMul`
/// (`N` for `k = 1`) and `k − 1 + N` `ecAdd` calls. If every proof is valid the check passes; if
/// one is not, it passes only with probability ≤ 2⁻¹²⁸ over 128-bit `rᵢ` (the failing equations
/// would have to cancel for scalars fixed after the proofs). [`verify_with_precompiles`] is this
/// check for one proof with `r₀ = 1`.
///
/// # Errors
/// A [`Failure`] when a proof or input is malformed (its index is not reported: re-verify the
/// proofs one by one to find it) or a precompile fails.
#[allow(clippy::many_single_char_names)] // the math's names: k, n, x, b, r
pub fn verify_batch_with_precompiles<S: StaticCall + ?Sized>(
    vk: VerifyingKey<'_>,
    proofs: &[ProofWords],
    inputs: &[U256],
    scalars: &[u128],
    calls: &mut S,
) -> Result<bool, Failure> {
    let n = vk.inputs();
    let k = proofs.len();
    if inputs.len() != k * n || scalars.len() != k {
        return Err(Failure::InputCount {
            expected: k * n,
            actual: inputs.len(),
        });
    }
    if k == 0 {
        return Ok(false);
    }
    let mut sum_r = U256::ZERO;
    let mut pairs = Vec::with_capacity((k + 3) * 192);
    let mut sum_c = [0u8; 64];
    for (i, (proof, &r)) in proofs.iter().zip(scalars).enumerate() {
        let x = inputs.get(i * n..(i + 1) * n).unwrap_or_default();
        decode(vk, proof, x)?;
        sum_r += U256::from(r);
        let mut b = [0u8; 256];
        for (chunk, w) in b.as_chunks_mut::<32>().0.iter_mut().zip(proof) {
            *chunk = w.to_be_bytes();
        }
        let r = U256::from(r);
        pairs.extend_from_slice(&scaled(calls, &b[..64], r)?);
        pairs.extend_from_slice(&b[64..192]);
        let rc = scaled(calls, &b[192..], r)?;
        sum_c = if i == 0 {
            rc
        } else {
            ec_add(calls, &sum_c, &rc)?
        };
    }
    pairs.extend_from_slice(&neg_g1(&scaled(calls, vk.alpha(), sum_r)?));
    pairs.extend_from_slice(vk.beta());
    let mut l = scaled(calls, vk.ic(0), sum_r)?;
    for j in 0..n {
        // Tⱼ = Σᵢ rᵢ·xᵢⱼ
        let mut acc = [0u64; 8];
        for (x, r) in inputs.iter().skip(j).step_by(n).zip(scalars) {
            #[allow(clippy::cast_possible_truncation)] // the two halves of r
            mul_add(&mut acc, &[*r as u64, (*r >> 64) as u64], x.as_limbs());
        }
        let tj = scalar_of(&acc);
        if !tj.is_zero() {
            let term = scaled(calls, vk.ic(j + 1), tj)?;
            l = ec_add(calls, &l, &term)?;
        }
    }
    pairs.extend_from_slice(&neg_g1(&l));
    pairs.extend_from_slice(vk.gamma());
    pairs.extend_from_slice(&neg_g1(&sum_c));
    pairs.extend_from_slice(vk.delta());
    let ok: [u8; 32] = precompile(calls, EC_PAIRING, pairing_gas(k + 3), &pairs)?;
    Ok(U256::from_be_bytes(ok) == U256::from(1))
}

/// The arkworks backend's batch: each proof verified on its own (the randomized combination
/// saves precompile pairings; in WASM the per-proof Miller loops dominate either way).
///
/// # Errors
/// As [`verify_with_arkworks`].
pub fn verify_batch_with_arkworks(
    vk: VerifyingKey<'_>,
    proofs: &[ProofWords],
    inputs: &[U256],
) -> Result<bool, Failure> {
    let n = vk.inputs();
    if inputs.len() != proofs.len() * n {
        return Err(Failure::InputCount {
            expected: proofs.len() * n,
            actual: inputs.len(),
        });
    }
    if proofs.is_empty() {
        return Ok(false);
    }
    for (i, proof) in proofs.iter().enumerate() {
        if !verify_with_arkworks(vk, proof, &inputs[i * n..(i + 1) * n])? {
            return Ok(false);
        }
    }
    Ok(true)
}
