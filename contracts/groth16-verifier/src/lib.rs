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
//! ## Measured cost
//! Size (`scripts/build-contracts.sh -p groth16-verifier`, workspace profile opt-level "s"):
//! 32,736 B raw, 12,503 B compressed (opt-level "z" saves < 1 %: the module is mostly the SDK's
//! host glue and the router, not arkworks). Gas, default backend: the precompiles take exactly
//! 181,000 + 6,150·N (193,300 for N = 2; asserted by the tests' precompile model); the WASM
//! execution around them is not measured yet: that needs the Stylus executor (`stylus-vm`).
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]
#![cfg_attr(target_arch = "wasm32", allow(missing_docs))]
#![cfg_attr(not(any(test, feature = "export-abi")), no_std)]
extern crate alloc;

pub mod groth16;

use alloc::{string::String, vec, vec::Vec};

use alloy_primitives::{Address, B256, U256};
use alloy_sol_types::SolCall;
use integra_primitives::{
    abi::{returns, Args, Token},
    compact_errors, VERSION,
};
use stylus_sdk::{abi::Router, prelude::*, ArbResult};

use groth16::{Failure, ProofWords, VerifyingKey};

pub use IGroth16Verifier::*;

/// The whole external interface (see the crate docs).
macro_rules! verifier_interface {
    ($($attr:tt)*) => {
        alloy_sol_types::sol! {
            $($attr)*
            /// Groth16/BN254 verifier for one verifying key fixed at build time.
            interface IGroth16Verifier {
        function verifyProof(uint256[2] a, uint256[2][2] b, uint256[2] c, uint256[2] input) external view returns (bool);
        function verifyProof(uint256[2] a, uint256[2][2] b, uint256[2] c, uint256[] input) external view returns (bool);
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
    };
}

#[cfg(not(feature = "export-abi"))]
verifier_interface!(#[allow(missing_docs)]);
#[cfg(feature = "export-abi")]
verifier_interface!(#[sol(abi)] #[allow(missing_docs)]);

/// The JSON ABI of the contract (host builds with `export-abi` only).
#[cfg(feature = "export-abi")]
#[must_use]
pub fn abi() -> alloy_json_abi::JsonAbi {
    IGroth16Verifier::abi::contract()
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
struct HostCalls;

impl groth16::StaticCall for HostCalls {
    fn static_call(&mut self, to: Address, gas: u64, data: &[u8]) -> Option<Vec<u8>> {
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

    /// Required by `#[entrypoint]`, which `#[public]` would otherwise generate.
    #[doc(hidden)]
    pub const fn __stylus_assert_overrides() {}
}

/// The eight proof words (heads 0..8 of both `verifyProof` forms).
fn proof_words(a: Args<'_>) -> Option<ProofWords> {
    let mut w = [U256::ZERO; 8];
    for (i, x) in w.iter_mut().enumerate() {
        *x = a.u256(i)?;
    }
    Some(w)
}

/// The `uint256[]` argument whose offset is head word `i`.
fn word_array(a: Args<'_>, i: usize) -> Option<Vec<U256>> {
    let offset = usize::try_from(a.u256(i)?).ok()?;
    let len = usize::try_from(U256::from_be_slice(
        a.0.get(offset..offset.checked_add(32)?)?,
    ))
    .ok()?;
    let start = offset.checked_add(32)?;
    let body = a.0.get(start..start.checked_add(len.checked_mul(32)?)?)?;
    Some(body.chunks_exact(32).map(U256::from_be_slice).collect())
}

/// The ABI router (see [`integra_primitives::abi`] for why it is written by hand). Unknown
/// selectors and malformed calldata revert with empty data; every function is non-payable.
impl Router<Groth16Verifier> for Groth16Verifier {
    type Storage = Groth16Verifier;

    fn route(s: &mut Self, selector: u32, input: &[u8]) -> Option<ArbResult> {
        dispatch(s, selector.to_be_bytes(), Args(input))
    }

    fn receive(_: &mut Self) -> Option<Result<(), Vec<u8>>> {
        None
    }

    fn fallback(_: &mut Self, _: &[u8]) -> Option<ArbResult> {
        None
    }

    fn constructor(_: &mut Self, _: &[u8]) -> Option<ArbResult> {
        None
    }
}

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
        verifyProof_0Call::SELECTOR => {
            let proof = arg!(proof_words(a));
            verdict(s.verify_proof(&proof, &[arg!(a.u256(8)), arg!(a.u256(9))]))
        }
        verifyProof_1Call::SELECTOR => {
            let proof = arg!(proof_words(a));
            verdict(s.verify_proof(&proof, &arg!(word_array(a, 8))))
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
