//! `Groth16Verifier`: verifies Groth16 proofs over BN254 for one verifying key, fixed when the
//! contract is built (one deployment per circuit, registered as a VERIFIER in `IntegraRegistry`).
//!
//! ## ABI
//! - `verifyProof(uint256[2] a, uint256[2][2] b, uint256[2] c, uint256[2] input) → bool`: the
//!   fixed form for the processHash circuit's two inputs `(processHash, messageHash)` — the
//!   signature (and selector `0xf5c9d69e`) of a snarkjs-exported verifier with two public
//!   signals. `IntegraMessageV1` calls this one.
//! - `verifyProof(uint256[2] a, uint256[2][2] b, uint256[2] c, uint256[] input) → bool`: any N,
//!   for keys with another input count.
//!
//! Both take B's coordinates in EVM order `(c1, c0)`. A proof that decodes but fails the
//! pairing check returns `false`; malformed input reverts with a typed error:
//! `InputCountMismatch(expected, actual)`, `InputNotInField(index, input)` (≥ r),
//! `PointNotCanonical(point)` (a coordinate ≥ p), `PointNotOnCurve(point)`,
//! `PointNotInSubgroup(point)` (arkworks backend) or `PrecompileFailed(precompile)` (a failing
//! precompile call — for `ecPairing`, B outside the G2 subgroup), with `point` 0 = A, 1 = B,
//! 2 = C. Views: `publicInputCount()`, `verifyingKey()` (the baked-in key bytes),
//! `verifyingKeyHash()` (their keccak256, for registrars to check what a deployment verifies),
//! `VERSION()`.
//!
//! ## Why the key is baked in at build time
//! Read from storage, the 20 words of a two-input key would cost 20 cold `SLOAD`s
//! (≥ 42,000 gas) per call, far over the budget of 181,000 + 6,150·N + 3,000 gas; compiled in, it
//! costs nothing to read. The key comes from `$INTEGRA_VERIFIER_VK` at build time (a file from
//! `integra keygen`, or from `integra vk --snarkjs` for a snarkjs ceremony) and defaults to
//! `vk/process_hash.test.bin`, the processHash circuit's **test key** made from a public seed —
//! never deploy that one: check `verifyingKeyHash()` before registering a deployment.
//!
//! ## Backends
//! Decoding and checks use arkworks types (see [`groth16`]). By default the curve work goes to
//! the precompiles 0x06/0x07/0x08, each static call with an explicit gas limit equal to its
//! price. The `arkworks-backend` feature runs the pairing in WASM instead, for chains without the
//! precompiles.
//!
//! ## Batch verification
//! `verifyBatch(uint256[8][] proofs, uint256[] inputs) → bool` checks up to 32 proofs (inputs
//! flat, N per proof) with one randomized equation: coefficients `r₀ = 1`,
//! `rᵢ = low128(keccak256(keccak256(args) ‖ i))`, and
//! `Πᵢ e(rᵢAᵢ, Bᵢ)·e(−Sα, β)·e(−L, γ)·e(−ΣrᵢCᵢ, δ) = 1` with `S = Σrᵢ` and
//! `L = S·IC₀ + Σⱼ(Σᵢ rᵢxᵢⱼ)·ICⱼ₊₁` (scalars combined first, so L costs N + 1 `ecMul`, not k·N):
//! `k + 3` pairs in one `ecPairing`, `2k + 2` `ecMul`, `k + 1` `ecAdd` (N = 2). `false` means some
//! proof is invalid, not which (`IntegraMessageV1` re-verifies one by one to name it). The
//! arkworks backend verifies a batch proof by proof.
//!
//! The combined scalars need no field library: `S` < 2¹³³ is already < r, each `Σᵢ rᵢxᵢⱼ` is
//! summed exactly in 512 bits and brought below 2²⁵⁶ by two Montgomery reductions
//! (`groth16::scalar_of`; `ecMul` accepts any 256-bit scalar, only its residue mod r matters).
//! A single `verifyProof` is the same code with one proof and `r₀ = 1` (no extra `ecMul`).
//!
//! ## Measured cost
//! Size (pipeline, workspace profile opt-level "s"): 30,646 B raw, **12,076 B compressed**
//! (budget 12,288 B; it was 16,762 B when `verifyBatch` added arkworks' `Fr` arithmetic). What
//! the bytes went to, measured on unstripped builds: `Fr` multiplication, conversion and
//! reduction (~5 KB raw) replaced by ~1 KB of exact integer arithmetic; arkworks' `is_on_curve`
//! replaced by `y² = x³ + b` with multiplications only (its separate squaring and doubling code,
//! ~4 KB raw); `tiny-keccak` (~1.9 KB, pulled in through `openzeppelin-stylus`' `tiny-keccak`
//! feature of alloy-primitives) replaced by the host's `native_keccak256`; one precompile code
//! path for `verifyProof` and `verifyBatch`; slicing and copies written so that no panic with a
//! formatted message remains reachable from the contract's own code (the location strings and
//! checks are gone; `core::fmt`'s integer printing stays, linked by the allocator's
//! out-of-memory handler).
//!
//! Gas, default backend, measured in `stylus-vm` (`docs/gas.md`), one `verifyProof` (N = 2,
//! valid proof) as its own transaction: **237,454 gas** = 26,172 intrinsic (calldata) + 15,575
//! program entry (uncached: 8,832 + init 5,182 + 352 + cached 1,209) + 195,707 execution, of
//! which the precompiles take exactly 181,000 + 6,150·2 = 193,300 and the WASM around them
//! ~2,407. Budget ≤ 181,000 + 6,150·N + 3,000 = 196,300 for the verify itself: met (195,707);
//! as a whole transaction it is 1.07× the snarkjs Solidity verifier's 221,111. Called from
//! `IntegraMessageV1` the verifier costs its entry plus execution, no intrinsic gas. Through
//! `registerMessageBatch`, per message: k = 8 93,900 gas (budget 95,000), k = 16 77,724
//! (budget 80,000).
//!
//! Arkworks backend (`--features arkworks-backend`, same profile): 81,143 B raw, **24,381 B
//! compressed** — now under the 24,576 B limit of a classic contract (it was 25,865 B, an
//! `ArbOS` 60 root contract, before the on-curve check stopped linking arkworks' `is_on_curve`),
//! with 195 B to spare. Gas, measured in `stylus-vm` (`docs/gas.md`): one `verifyProof` (N = 2)
//! as its own transaction **2,097,767 gas** (2,046,177 execution): 9.5× the snarkjs Solidity
//! verifier and 8.8× the precompile backend — for chains without BN254 precompiles only.
//! (DESIGN.md §4 measured 1.6M at opt-level "s" for a smaller module without the batch code.)
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]
#![cfg_attr(target_arch = "wasm32", allow(missing_docs))]
#![cfg_attr(not(any(test, feature = "export-abi")), no_std)]
extern crate alloc;

pub mod groth16;

use alloc::{string::String, vec, vec::Vec};

use alloy_primitives::{B256, U256};
use alloy_sol_types::SolCall;
use integra_primitives::{
    abi::{returns, Args, Token},
    compact_errors, VERSION,
};
use stylus_sdk::{prelude::*, ArbResult};

use groth16::{Failure, ProofWords, VerifyingKey};

pub use IGroth16Verifier::*;

// The whole external interface (see the crate docs).
integra_primitives::contract_interface! {
    /// Groth16/BN254 verifier for one verifying key fixed at build time.
    interface IGroth16Verifier {
        function verifyProof(uint256[2] a, uint256[2][2] b, uint256[2] c, uint256[2] input) external view returns (bool);
        function verifyProof(uint256[2] a, uint256[2][2] b, uint256[2] c, uint256[] input) external view returns (bool);
        function verifyBatch(uint256[8][] proofs, uint256[] inputs) external view returns (bool);
        function publicInputCount() external view returns (uint256);
        function verifyingKey() external view returns (bytes);
        function verifyingKeyHash() external view returns (bytes32);
        function VERSION() external view returns (string memory);
        #[derive(Debug, PartialEq, Eq)]
        error InputCountMismatch(uint256 expected, uint256 actual);
        #[derive(Debug, PartialEq, Eq)]
        error InputNotInField(uint256 index, uint256 input);
        #[derive(Debug, PartialEq, Eq)]
        error PointNotCanonical(uint8 point);
        #[derive(Debug, PartialEq, Eq)]
        error PointNotOnCurve(uint8 point);
        #[derive(Debug, PartialEq, Eq)]
        error PointNotInSubgroup(uint8 point);
        #[derive(Debug, PartialEq, Eq)]
        error PrecompileFailed(address precompile);
    }
}

compact_errors! {
    /// Every way a verification can fail to run (an invalid proof is `false`, not an error).
    pub enum Error {
    /// Wrong number of public inputs.
    InputCount(InputCountMismatch { expected, actual }),
    /// A public input is ≥ r.
    InputNotInField(InputNotInField { index, input }),
    /// A coordinate is ≥ p.
    NotCanonical(PointNotCanonical { point }),
    /// A point is off its curve.
    NotOnCurve(PointNotOnCurve { point }),
    /// B is outside the G2 subgroup (arkworks backend).
    NotInSubgroup(PointNotInSubgroup { point }),
    /// A precompile call failed.
    Precompile(PrecompileFailed { precompile }),
    }
}

impl From<Failure> for Error {
    fn from(f: Failure) -> Self {
        match f {
            Failure::InputCount { expected, actual } => InputCountMismatch {
                expected: U256::from(expected),
                actual: U256::from(actual),
            }
            .into(),
            Failure::InputNotInField { index, value } => InputNotInField {
                index: U256::from(index),
                input: value,
            }
            .into(),
            Failure::NotCanonical(point) => PointNotCanonical { point }.into(),
            Failure::NotOnCurve(point) => PointNotOnCurve { point }.into(),
            Failure::NotInSubgroup(point) => PointNotInSubgroup { point }.into(),
            Failure::Precompile(precompile) => PrecompileFailed { precompile }.into(),
        }
    }
}

const VK_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/vk.bin"));

/// The verifying key this build verifies against (`$INTEGRA_VERIFIER_VK`, see the crate docs).
pub const VERIFYING_KEY: VerifyingKey<'static> = match VerifyingKey::new(VK_BYTES) {
    Some(vk) => vk,
    None => panic!("the baked-in verifying key has the wrong length"),
};

/// `keccak256` of [`VERIFYING_KEY`]'s bytes.
pub const VERIFYING_KEY_HASH: B256 = B256::new(
    stylus_sdk::keccak_const::Keccak256::new()
        .update(VK_BYTES)
        .finalize(),
);

/// The verifier holds no state.
#[entrypoint]
#[storage]
pub struct Groth16Verifier {}

/// The host's static call, as the precompile backend needs it. A raw call: no storage to flush
/// (the verifier has none), and it keeps the `dyn Host` call path out of the module.
#[cfg(not(feature = "arkworks-backend"))]
struct HostCalls;

#[cfg(not(feature = "arkworks-backend"))]
impl groth16::StaticCall for HostCalls {
    fn static_call(
        &mut self,
        to: alloy_primitives::Address,
        gas: u64,
        data: &[u8],
    ) -> Option<Vec<u8>> {
        // SAFETY: a static call cannot write storage, and this contract holds no storage
        // references across it.
        unsafe {
            stylus_sdk::call::RawCall::new_static()
                .gas(gas)
                .call(to, data)
        }
        .ok()
    }
}

impl Groth16Verifier {
    /// Verifies `proof` (`a`, `b` with `(c1, c0)` coordinates, `c`) for `inputs` against
    /// [`VERIFYING_KEY`].
    ///
    /// # Errors
    /// See [`Error`]: malformed points or inputs, or a failing precompile.
    pub fn verify_proof(&self, proof: &ProofWords, inputs: &[U256]) -> Result<bool, Error> {
        #[cfg(not(feature = "arkworks-backend"))]
        let verdict =
            groth16::verify_with_precompiles(VERIFYING_KEY, proof, inputs, &mut HostCalls);
        #[cfg(feature = "arkworks-backend")]
        let verdict = groth16::verify_with_arkworks(VERIFYING_KEY, proof, inputs);
        Ok(verdict?)
    }

    /// Verifies `proofs` (at most [`groth16::MAX_BATCH`]) at once, `inputs` holding the N
    /// public inputs of each in order, with one randomized check (see
    /// [`groth16::verify_batch_with_precompiles`]). `seed` fixes the random coefficients: the
    /// router passes `keccak256` of the whole call's arguments, so they are drawn after every
    /// proof and input is fixed. `true` only if every proof is valid (up to 2⁻¹²⁸); `false`
    /// says that at least one is not, not which: verify them one by one to find it.
    ///
    /// # Errors
    /// See [`Error`]; `InputCountMismatch` also for an empty or oversized batch.
    pub fn verify_batch(
        &self,
        proofs: &[ProofWords],
        inputs: &[U256],
        seed: B256,
    ) -> Result<bool, Error> {
        if proofs.is_empty() || proofs.len() > groth16::MAX_BATCH {
            return Err(Failure::InputCount {
                expected: groth16::MAX_BATCH,
                actual: proofs.len(),
            }
            .into());
        }
        #[cfg(not(feature = "arkworks-backend"))]
        let verdict = {
            let scalars = batch_scalars(seed, proofs.len(), |b| self.vm().native_keccak256(b));
            groth16::verify_batch_with_precompiles(
                VERIFYING_KEY,
                proofs,
                inputs,
                &scalars,
                &mut HostCalls,
            )
        };
        #[cfg(feature = "arkworks-backend")]
        let verdict = {
            let _ = seed;
            groth16::verify_batch_with_arkworks(VERIFYING_KEY, proofs, inputs)
        };
        Ok(verdict?)
    }

    /// N, the number of public inputs of the key.
    #[must_use]
    pub fn public_input_count(&self) -> U256 {
        U256::from(VERIFYING_KEY.inputs())
    }

    /// The baked-in verifying key (encoding of `integra_circuits::evm::vk_bytes`).
    #[must_use]
    pub fn verifying_key(&self) -> &'static [u8] {
        VERIFYING_KEY.bytes()
    }

    /// `keccak256(verifyingKey())`.
    #[must_use]
    pub fn verifying_key_hash(&self) -> B256 {
        VERIFYING_KEY_HASH
    }

    /// `"7.0.0"`.
    #[must_use]
    pub fn version(&self) -> String {
        VERSION.into()
    }
}

/// The batch coefficients: `r₀ = 1`, `rᵢ` = the low 128 bits of `keccak256(seed ‖ i)` (1 if
/// those are zero), `i` as a 32-byte big-endian word. `keccak` is the host's (the contract
/// passes `native_keccak256`, which keeps a software keccak out of the module).
#[must_use]
pub fn batch_scalars(seed: B256, k: usize, keccak: impl Fn(&[u8]) -> B256) -> Vec<u128> {
    let mut buf = [0u8; 64];
    for (b, s) in buf.iter_mut().zip(seed) {
        *b = s;
    }
    (0..k)
        .map(|i| {
            if i == 0 {
                return 1;
            }
            for (b, s) in buf[56..].iter_mut().zip((i as u64).to_be_bytes()) {
                *b = s;
            }
            let [l0, l1, ..] = *U256::from_be_bytes(keccak(&buf).0).as_limbs();
            (u128::from(l1) << 64 | u128::from(l0)).max(1)
        })
        .collect()
}

/// The first `n` words of `a`.
fn head(a: Args<'_>, n: usize) -> Option<Vec<U256>> {
    (0..n).map(|j| a.u256(j)).collect()
}

/// The `width`-word elements of the dynamic array whose offset is head word `i`, flat
/// (`uint256[]`: width 1; `uint256[8][]`: width 8).
fn words(a: Args<'_>, i: usize, width: usize) -> Option<Vec<U256>> {
    let (len, body) = a.array(i)?;
    head(body, len.checked_mul(width)?)
}

// No constructor: the verifying key is compiled in, there is nothing to initialise.
integra_primitives::compact_router!(Groth16Verifier, dispatch);

fn dispatch(s: &mut Groth16Verifier, selector: [u8; 4], a: Args<'_>) -> Option<ArbResult> {
    macro_rules! arg {
        ($e:expr) => {
            match $e {
                Some(v) => v,
                None => return Some(Err(Vec::new())),
            }
        };
    }
    if !s.vm().msg_value().is_zero() {
        return Some(Err(Vec::new()));
    }
    let verdict = |r: Result<bool, Error>| r.map(|ok| returns(&[ok.into()])).map_err(Vec::from);
    Some(match selector {
        verifyProof_0Call::SELECTOR | verifyProof_1Call::SELECTOR => {
            // Heads 0..8: the proof; then the two inputs, or the offset of `uint256[]`.
            let fixed = selector == verifyProof_0Call::SELECTOR;
            let w = arg!(head(a, if fixed { 10 } else { 8 }));
            let dynamic;
            let inputs = if fixed {
                w.get(8..).unwrap_or_default()
            } else {
                dynamic = arg!(words(a, 8, 1));
                &dynamic
            };
            let proof = arg!(w.as_chunks::<8>().0.first());
            verdict(s.verify_proof(proof, inputs))
        }
        verifyBatchCall::SELECTOR => {
            let proofs = arg!(words(a, 0, 8));
            let proofs = proofs.as_chunks::<8>().0;
            let inputs = arg!(words(a, 1, 1));
            let seed = s.vm().native_keccak256(a.0);
            verdict(s.verify_batch(proofs, &inputs, seed))
        }
        publicInputCountCall::SELECTOR => Ok(returns(&[s.public_input_count().into()])),
        verifyingKeyCall::SELECTOR => Ok(returns(&[Token::Bytes(s.verifying_key())])),
        verifyingKeyHashCall::SELECTOR => Ok(returns(&[s.verifying_key_hash().into()])),
        VERSIONCall::SELECTOR => Ok(returns(&[s.version().as_str().into()])),
        _ => return None,
    })
}

#[cfg(test)]
mod tests;
