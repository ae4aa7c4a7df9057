//! circom-compatible Poseidon over the BN254 scalar field, natively and as R1CS.
//!
//! circomlib's `Poseidon(1)` is the permutation of width t = 2 (8 full rounds, 56 partial rounds,
//! x⁵ S-box) on the state `[0, x]`, whose first element is the hash. arkworks' sponge computes
//! exactly that when configured with rate = t, capacity = 0, fed `[0, x]` and squeezed once; the
//! round constants and MDS matrix are circomlib's, taken from light-poseidon.
use ark_bn254::Fr;
use ark_crypto_primitives::sponge::{
    constraints::CryptographicSpongeVar,
    poseidon::{constraints::PoseidonSpongeVar, PoseidonConfig},
};
use ark_r1cs_std::fields::fp::FpVar;
use ark_relations::r1cs::{ConstraintSystemRef, SynthesisError};
use light_poseidon::{parameters::bn254_x5, PoseidonHasher};

/// State width of `Poseidon(1)`: the domain element and one input.
const WIDTH: usize = 2;

/// The arkworks sponge configuration equal to circomlib's `Poseidon(1)`.
///
/// # Panics
/// Never: light-poseidon ships parameters for width 2.
#[must_use]
pub fn config() -> PoseidonConfig<Fr> {
    // Width 2 is inside light-poseidon's supported range (2..=13).
    let p = bn254_x5::get_poseidon_parameters::<Fr>(u8::try_from(WIDTH).expect("width fits a u8"))
        .expect("light-poseidon has width-2 parameters");
    let ark = p.ark.chunks(WIDTH).map(<[Fr]>::to_vec).collect();
    PoseidonConfig::new(
        p.full_rounds,
        p.partial_rounds,
        p.alpha,
        p.mds,
        ark,
        WIDTH,
        0,
    )
}

/// `Poseidon([x])` as circomlib computes it: the processHash of the workflow secret `x`.
///
/// # Panics
/// Never: one input is what a width-2 hasher takes.
#[must_use]
pub fn hash1(x: Fr) -> Fr {
    // new_circom(1) and hash of one element cannot fail (both sizes are in range).
    light_poseidon::Poseidon::<Fr>::new_circom(1)
        .expect("width-2 circom parameters exist")
        .hash(&[x])
        .expect("one input for a width-2 hasher")
}

/// The R1CS gadget of [`hash1`]: 213 constraints (3 per S-box on a variable).
///
/// # Errors
/// A synthesis error of the constraint system.
pub fn hash1_gadget(
    cs: ConstraintSystemRef<Fr>,
    config: &PoseidonConfig<Fr>,
    x: &FpVar<Fr>,
) -> Result<FpVar<Fr>, SynthesisError> {
    let mut sponge = PoseidonSpongeVar::new(cs, config);
    sponge.absorb(&vec![FpVar::Constant(Fr::from(0u8)), x.clone()])?;
    let mut out = sponge.squeeze_field_elements(1)?;
    out.pop().ok_or(SynthesisError::Unsatisfiable)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ark_crypto_primitives::sponge::{poseidon::PoseidonSponge, CryptographicSponge};
    use ark_ff::PrimeField;
    use ark_r1cs_std::{alloc::AllocVar, R1CSVar};
    use ark_relations::r1cs::ConstraintSystem;
    use std::str::FromStr;

    /// DESIGN.md §6: circomlib's Poseidon([1]).
    pub(crate) const POSEIDON_OF_ONE: &str =
        "18586133768512220936620570745912940619677854269274689475585506675881198879027";

    #[test]
    fn poseidon_of_one_matches_circomlib() {
        assert_eq!(hash1(Fr::from(1u8)), Fr::from_str(POSEIDON_OF_ONE).unwrap());
    }

    #[test]
    fn arkworks_sponge_with_circom_constants_equals_light_poseidon() {
        for x in [0u64, 1, 2, 12345, u64::MAX] {
            let mut sponge = PoseidonSponge::new(&config());
            sponge.absorb(&vec![Fr::from(0u8), Fr::from(x)]);
            let out: Vec<Fr> = sponge.squeeze_field_elements(1);
            assert_eq!(out[0], hash1(Fr::from(x)), "x = {x}");
        }
        let big = Fr::from_be_bytes_mod_order(&[0xab; 32]);
        let mut sponge = PoseidonSponge::new(&config());
        sponge.absorb(&vec![Fr::from(0u8), big]);
        assert_eq!(sponge.squeeze_field_elements::<Fr>(1)[0], hash1(big));
    }

    #[test]
    fn gadget_computes_the_native_hash() {
        let cs = ConstraintSystem::<Fr>::new_ref();
        let x = FpVar::new_witness(cs.clone(), || Ok(Fr::from(1u8))).unwrap();
        let h = hash1_gadget(cs.clone(), &config(), &x).unwrap();
        assert_eq!(h.value().unwrap(), Fr::from_str(POSEIDON_OF_ONE).unwrap());
        assert!(cs.is_satisfied().unwrap());
    }
}
