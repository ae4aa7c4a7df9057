//! EVM encodings: field elements and points as 32-byte big-endian words, proofs as the
//! `(uint256[2] a, uint256[2][2] b, uint256[2] c)` of Solidity Groth16 verifiers, the verifying
//! key in the verifier contract's encoding, snarkjs JSON, and the calldata of the verifier and of
//! `IntegraMessageV1`'s `registerMessage`.
//!
//! G2 coordinates are elements `c0 + c1·u` of Fq2; the EVM precompile (EIP-197) and Solidity
//! verifiers order them `(c1, c0)`, snarkjs JSON `[c0, c1]`. The point at infinity is all zero
//! words, as the precompiles encode it.
//!
//! ## Verifying-key encoding (the verifier contract's `vk/*.bin`)
//! Big-endian 32-byte words, no header: `alpha` (G1: x, y), `beta`, `gamma`, `delta`
//! (G2: x.c1, x.c0, y.c1, y.c0), then `IC[0..=N]` (G1 each) — `32 · (14 + 2·(N + 1))` bytes for N
//! public inputs (640 bytes for the processHash circuit).
use std::str::FromStr;

use alloy_primitives::{B256, U256};
use alloy_sol_types::{sol, SolCall};
use ark_bn254::{Bn254, Fq, Fq2, Fr, G1Affine, G2Affine};
use ark_ec::AffineRepr;
use ark_ff::{BigInteger, PrimeField};
use ark_groth16::{Proof, VerifyingKey};
use serde::{Deserialize, Serialize};

use crate::message::Message;

sol! {
    /// `IntegraMessageV1`'s entry point (spec 21 §5; selector `0xe7fa0dbf`). The contract derives
    /// the second public input, messageHash, from these arguments and the sender.
    function registerMessage(
        bytes32 integraHash,
        uint256 tokenId,
        bytes32 processHash,
        uint256[2] proofA,
        uint256[2][2] proofB,
        uint256[2] proofC,
        string eventRef,
        string message
    );
    /// The verifier's fixed-arity entry point for this circuit (N = 2).
    function verifyProof(uint256[2] a, uint256[2][2] b, uint256[2] c, uint256[2] input) returns (bool);
}

/// An encoding error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EncodingError {
    /// A coordinate is ≥ the base-field modulus p.
    NonCanonical,
    /// A public input is ≥ the scalar-field modulus r.
    NotInField,
    /// A point does not satisfy the curve equation or is outside the prime-order subgroup.
    NotOnCurve,
    /// JSON that is not a snarkjs proof / key / public-signal list.
    Json(String),
    /// A verifying key of the wrong length.
    KeyLength(usize),
}

impl std::fmt::Display for EncodingError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NonCanonical => write!(f, "coordinate not below the base-field modulus"),
            Self::NotInField => write!(f, "public input not below the scalar-field modulus"),
            Self::NotOnCurve => write!(f, "point not on the curve or not in the subgroup"),
            Self::Json(e) => write!(f, "malformed snarkjs JSON: {e}"),
            Self::KeyLength(n) => write!(f, "verifying key of {n} bytes is not 32·(16 + 2N)"),
        }
    }
}

impl std::error::Error for EncodingError {}

/// An Fr element as `uint256`.
#[must_use]
pub fn fr_to_u256(x: Fr) -> U256 {
    U256::from_be_slice(&x.into_bigint().to_bytes_be())
}

/// A `uint256` as Fr, `None` when ≥ r.
#[must_use]
pub fn u256_to_fr(x: U256) -> Option<Fr> {
    let limbs = x.into_limbs();
    Fr::from_bigint(ark_ff::BigInt(limbs))
}

fn fq_to_u256(x: Fq) -> U256 {
    U256::from_be_slice(&x.into_bigint().to_bytes_be())
}

fn u256_to_fq(x: U256) -> Result<Fq, EncodingError> {
    Fq::from_bigint(ark_ff::BigInt(x.into_limbs())).ok_or(EncodingError::NonCanonical)
}

fn g1_words(p: &G1Affine) -> [U256; 2] {
    p.xy()
        .map_or([U256::ZERO; 2], |(x, y)| [fq_to_u256(x), fq_to_u256(y)])
}

fn g2_words(p: &G2Affine) -> [[U256; 2]; 2] {
    p.xy().map_or([[U256::ZERO; 2]; 2], |(x, y)| {
        [
            [fq_to_u256(x.c1), fq_to_u256(x.c0)],
            [fq_to_u256(y.c1), fq_to_u256(y.c0)],
        ]
    })
}

fn g1_from(w: [U256; 2]) -> Result<G1Affine, EncodingError> {
    if w == [U256::ZERO; 2] {
        return Ok(G1Affine::zero());
    }
    let p = G1Affine::new_unchecked(u256_to_fq(w[0])?, u256_to_fq(w[1])?);
    (p.is_on_curve() && p.is_in_correct_subgroup_assuming_on_curve())
        .then_some(p)
        .ok_or(EncodingError::NotOnCurve)
}

fn g2_from(w: [[U256; 2]; 2]) -> Result<G2Affine, EncodingError> {
    if w == [[U256::ZERO; 2]; 2] {
        return Ok(G2Affine::zero());
    }
    let x = Fq2::new(u256_to_fq(w[0][1])?, u256_to_fq(w[0][0])?);
    let y = Fq2::new(u256_to_fq(w[1][1])?, u256_to_fq(w[1][0])?);
    let p = G2Affine::new_unchecked(x, y);
    (p.is_on_curve() && p.is_in_correct_subgroup_assuming_on_curve())
        .then_some(p)
        .ok_or(EncodingError::NotOnCurve)
}

/// A Groth16 proof as Solidity verifiers take it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvmProof {
    /// A (G1).
    pub a: [U256; 2],
    /// B (G2), each coordinate `(c1, c0)`.
    pub b: [[U256; 2]; 2],
    /// C (G1).
    pub c: [U256; 2],
}

impl EvmProof {
    /// Encodes an arkworks proof.
    #[must_use]
    pub fn from_ark(p: &Proof<Bn254>) -> Self {
        Self {
            a: g1_words(&p.a),
            b: g2_words(&p.b),
            c: g1_words(&p.c),
        }
    }

    /// Decodes into an arkworks proof, checking canonical coordinates, curve and subgroup.
    ///
    /// # Errors
    /// [`EncodingError::NonCanonical`] or [`EncodingError::NotOnCurve`].
    pub fn to_ark(&self) -> Result<Proof<Bn254>, EncodingError> {
        Ok(Proof {
            a: g1_from(self.a)?,
            b: g2_from(self.b)?,
            c: g1_from(self.c)?,
        })
    }

    /// The eight words in calldata order.
    #[must_use]
    pub fn words(&self) -> [U256; 8] {
        [
            self.a[0],
            self.a[1],
            self.b[0][0],
            self.b[0][1],
            self.b[1][0],
            self.b[1][1],
            self.c[0],
            self.c[1],
        ]
    }

    /// Reads the `proof.json` of `snarkjs groth16 prove` / `fullprove` (decimal strings,
    /// projective `[x, y, 1]`, G2 as `[c0, c1]`), swapping each G2 coordinate to `(c1, c0)`.
    ///
    /// # Errors
    /// [`EncodingError::Json`] for anything else, or a point that is not canonical and on the
    /// curve.
    pub fn from_snarkjs_json(json: &str) -> Result<Self, EncodingError> {
        #[derive(Deserialize)]
        #[allow(clippy::struct_field_names)] // snarkjs's names
        struct SnarkjsProof {
            pi_a: Vec<String>,
            pi_b: Vec<Vec<String>>,
            pi_c: Vec<String>,
        }
        let p: SnarkjsProof =
            serde_json::from_str(json).map_err(|e| EncodingError::Json(e.to_string()))?;
        let proof = Self {
            a: snarkjs_g1(&p.pi_a)?,
            b: snarkjs_g2(&p.pi_b)?,
            c: snarkjs_g1(&p.pi_c)?,
        };
        proof.to_ark()?;
        Ok(proof)
    }
}

fn dec(s: &str) -> Result<U256, EncodingError> {
    U256::from_str(s).map_err(|e| EncodingError::Json(format!("{s:?}: {e}")))
}

fn snarkjs_g1(p: &[String]) -> Result<[U256; 2], EncodingError> {
    match p {
        [x, y, z] if z == "1" => Ok([dec(x)?, dec(y)?]),
        _ => Err(EncodingError::Json("G1 point is not [x, y, \"1\"]".into())),
    }
}

fn snarkjs_g2(p: &[Vec<String>]) -> Result<[[U256; 2]; 2], EncodingError> {
    match p {
        [x, y, z] if z.len() == 2 && z[0] == "1" && z[1] == "0" => match (&x[..], &y[..]) {
            ([x0, x1], [y0, y1]) => Ok([[dec(x1)?, dec(x0)?], [dec(y1)?, dec(y0)?]]),
            _ => Err(EncodingError::Json("G2 coordinate is not [c0, c1]".into())),
        },
        _ => Err(EncodingError::Json(
            "G2 point is not [x, y, [\"1\", \"0\"]]".into(),
        )),
    }
}

/// Reads snarkjs's `public.json` (a list of decimal strings).
///
/// # Errors
/// [`EncodingError::Json`], or [`EncodingError::NotInField`] for a value ≥ r.
pub fn public_signals_from_snarkjs_json(json: &str) -> Result<Vec<U256>, EncodingError> {
    let v: Vec<String> =
        serde_json::from_str(json).map_err(|e| EncodingError::Json(e.to_string()))?;
    v.iter()
        .map(|s| {
            let x = dec(s)?;
            u256_to_fr(x).map(|_| x).ok_or(EncodingError::NotInField)
        })
        .collect()
}

/// The verifying key in the verifier contract's encoding (module docs).
#[must_use]
pub fn vk_bytes(vk: &VerifyingKey<Bn254>) -> Vec<u8> {
    let mut words: Vec<U256> = Vec::new();
    words.extend(g1_words(&vk.alpha_g1));
    for g2 in [&vk.beta_g2, &vk.gamma_g2, &vk.delta_g2] {
        words.extend(g2_words(g2).into_iter().flatten());
    }
    for ic in &vk.gamma_abc_g1 {
        words.extend(g1_words(ic));
    }
    words.iter().flat_map(U256::to_be_bytes::<32>).collect()
}

/// Decodes [`vk_bytes`] back into an arkworks key, with every check.
///
/// # Errors
/// [`EncodingError::KeyLength`], or a point that is not canonical, on the curve and in the
/// subgroup.
pub fn vk_from_bytes(bytes: &[u8]) -> Result<VerifyingKey<Bn254>, EncodingError> {
    let n = bytes.len();
    if !n.is_multiple_of(64) || n < 32 * 18 {
        return Err(EncodingError::KeyLength(n));
    }
    let w: Vec<U256> = bytes.chunks(32).map(U256::from_be_slice).collect();
    let g2 = |i: usize| g2_from([[w[i], w[i + 1]], [w[i + 2], w[i + 3]]]);
    Ok(VerifyingKey {
        alpha_g1: g1_from([w[0], w[1]])?,
        beta_g2: g2(2)?,
        gamma_g2: g2(6)?,
        delta_g2: g2(10)?,
        gamma_abc_g1: w[14..]
            .chunks(2)
            .map(|p| g1_from([p[0], p[1]]))
            .collect::<Result<_, _>>()?,
    })
}

/// Converts snarkjs's `verification_key.json` into the verifier's encoding.
///
/// # Errors
/// [`EncodingError::Json`] for anything but a Groth16 BN254 key; a point that fails the checks.
pub fn vk_from_snarkjs_json(json: &str) -> Result<Vec<u8>, EncodingError> {
    #[derive(Deserialize)]
    struct SnarkjsVk {
        protocol: String,
        curve: String,
        vk_alpha_1: Vec<String>,
        vk_beta_2: Vec<Vec<String>>,
        vk_gamma_2: Vec<Vec<String>>,
        vk_delta_2: Vec<Vec<String>>,
        #[serde(rename = "IC")]
        ic: Vec<Vec<String>>,
    }
    let k: SnarkjsVk =
        serde_json::from_str(json).map_err(|e| EncodingError::Json(e.to_string()))?;
    if k.protocol != "groth16" || k.curve != "bn128" {
        return Err(EncodingError::Json(format!(
            "{} over {}",
            k.protocol, k.curve
        )));
    }
    let mut words: Vec<U256> = snarkjs_g1(&k.vk_alpha_1)?.to_vec();
    for g2 in [&k.vk_beta_2, &k.vk_gamma_2, &k.vk_delta_2] {
        words.extend(snarkjs_g2(g2)?.into_iter().flatten());
    }
    for ic in &k.ic {
        words.extend(snarkjs_g1(ic)?);
    }
    let bytes: Vec<u8> = words.iter().flat_map(U256::to_be_bytes::<32>).collect();
    vk_from_bytes(&bytes)?;
    Ok(bytes)
}

/// Reads a message from JSON (the camelCase fields of [`Message`]).
///
/// # Errors
/// [`EncodingError::Json`].
pub fn message_from_json(json: &str) -> Result<Message, EncodingError> {
    serde_json::from_str(json).map_err(|e| EncodingError::Json(e.to_string()))
}

/// Calldata of the verifier's `verifyProof(uint256[2],uint256[2][2],uint256[2],uint256[2])`.
#[must_use]
pub fn verify_proof_calldata(proof: &EvmProof, inputs: [U256; 2]) -> Vec<u8> {
    verifyProofCall {
        a: proof.a,
        b: proof.b,
        c: proof.c,
        input: inputs,
    }
    .abi_encode()
}

/// Calldata of `IntegraMessageV1`'s `registerMessage` for `message` (which must be sent by
/// `message.sender` to `message.message_contract` on `message.chain_id`).
#[must_use]
pub fn register_message_calldata(message: &Message, process_hash: Fr, proof: &EvmProof) -> Vec<u8> {
    registerMessageCall {
        integraHash: message.integra_hash,
        tokenId: message.token_id,
        processHash: B256::from(fr_to_u256(process_hash)),
        proofA: proof.a,
        proofB: proof.b,
        proofC: proof.c,
        eventRef: message.event_ref.clone(),
        message: message.message.clone(),
    }
    .abi_encode()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn register_message_selector_is_spec_21s() {
        assert_eq!(registerMessageCall::SELECTOR, [0xe7, 0xfa, 0x0d, 0xbf]);
    }

    #[test]
    fn scalar_field_boundary_is_r() {
        let r = U256::from_str_radix(
            "30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001",
            16,
        )
        .unwrap();
        assert!(u256_to_fr(r).is_none());
        assert_eq!(u256_to_fr(r - U256::from(1)), Some(-Fr::from(1u8)));
        assert_eq!(fr_to_u256(-Fr::from(1u8)), r - U256::from(1));
    }
}
