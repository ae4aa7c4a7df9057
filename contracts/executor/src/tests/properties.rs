//! Properties over random requests: a request signed by its `from` verifies and runs exactly
//! once; any change to a signed field or a signature byte makes it fail to verify.
use proptest::prelude::*;

use super::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]
    #[test]
    fn signed_requests_run_once_and_any_change_breaks_them(
        // [0xff; 32] exceeds the secp256k1 group order, so 255 is no key.
        seed in 1u8..=254,
        n in any::<u64>(),
        extra in proptest::collection::vec(any::<u8>(), 0..80),
        gas in 0u64..5_000_000,
        ahead in 0u64..1_000_000,
        field in 0usize..6,
        byte in 0usize..65,
        flip in 1u8..=255,
    ) {
        // `#[motsu::test]` deploys the precompiles; a proptest body does it itself.
        let _precompiles = deploy_precompiles();
        let exec = Contract::<IntegraExecutor>::new();
        let target = Contract::<Recorder>::new();
        let gov = Address::repeat_byte(0x90);
        let w = deploy(&exec, &target, gov);
        w.allow_ping();
        let key = Key::new(seed);
        let mut data = ping_data(n);
        data.extend_from_slice(&extra);
        let r = Req {
            gas: U256::from(gas),
            deadline: NOW + ahead,
            ..Req::new(key.address, target.address(), data)
        };
        let s = r.signed(&key, exec.address());
        // One change: a field, or one byte of the signature.
        let mut t = s.clone();
        match field {
            0 => t.req.from = Address::repeat_byte(seed.wrapping_add(1)),
            1 => t.req.gas ^= U256::from(flip),
            2 => t.req.deadline ^= u64::from(flip),
            3 => {
                let i = byte % t.req.data.len();
                t.req.data[i] ^= flip;
            }
            4 => t.req.data.push(flip),
            _ => t.signature[byte] ^= flip,
        }
        prop_assert!(!w.as_(gov).verify(&t.request()));
        prop_assert!(w.as_(gov).execute(&t.request()).motsu_res().is_err());
        prop_assert!(w.as_(gov).verify(&s.request()));
        prop_assert_eq!(w.as_(gov).execute(&s.request()).motsu_res().ok(), Some(RESULT.to_vec()));
        prop_assert!(w.as_(gov).execute(&s.request()).motsu_res().is_err());
        prop_assert_eq!(target.sender(gov).calls(), U256::from(1));
        prop_assert_eq!(w.as_(gov).nonces(key.address), U256::from(1));
    }
}
