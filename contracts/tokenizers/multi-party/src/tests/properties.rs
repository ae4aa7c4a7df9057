//! Spec 10 §11 invariants over random lifecycle sequences: `claimed ⊆ reserved`; each global id
//! belongs to exactly one `(record, slot)` and its supply equals the claimed reservation; record
//! A's tokens never count for record B; completion fires at most once per record.
use proptest::prelude::*;

use super::*;

#[derive(Clone, Copy, Debug)]
enum Op {
    Reserve {
        n: u8,
        slot: u64,
        to: Option<usize>,
        amount: u64,
    },
    Claim {
        who: usize,
        n: u8,
        slot: u64,
    },
    Cancel {
        n: u8,
        slot: u64,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (1..=2u8, 1..=3u64, proptest::option::of(0..2usize), 1..4u64).prop_map(
            |(n, slot, to, amount)| Op::Reserve {
                n,
                slot,
                to,
                amount
            }
        ),
        (0..2usize, 1..=2u8, 1..=3u64).prop_map(|(who, n, slot)| Op::Claim { who, n, slot }),
        (1..=2u8, 1..=3u64).prop_map(|(n, slot)| Op::Cancel { n, slot }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    #[test]
    fn slot_family_invariants_hold(ops in proptest::collection::vec(op(), 1..30)) {
        let tok = Contract::<MultiPartyTokenizer>::new();
        let reg = Contract::<IntegraDocumentRegistry>::new();
        let comp = Contract::<IntegraRegistry>::new();
        let prov = Contract::<EASAttestationProvider>::new();
        let gov = Address::repeat_byte(0x90);
        let owner = Address::repeat_byte(0x0a);
        let users = [Address::repeat_byte(0xa1), Address::repeat_byte(0xb2)];
        let w = deploy(&tok, &reg, &comp, &prov, gov);
        let mut uids = std::collections::HashMap::new();
        for n in 1..=2u8 {
            w.register(owner, n);
            for (k, user) in users.iter().enumerate() {
                uids.insert((n, k), w.attest(*user, n, 0));
            }
        }
        // Model: claimed amount per (record, slot).
        let mut minted = std::collections::HashMap::new();
        for op in ops {
            match op {
                Op::Reserve { n, slot, to, amount } => {
                    let r = match to {
                        Some(t) => w.reserve(owner, n, slot, users[t], amount),
                        None => w.reserve_anon(owner, n, slot, b"l"),
                    };
                    let _ = r;
                }
                Op::Claim { who, n, slot } => {
                    let before = w.tok.sender(gov).slot(h(n), u(slot));
                    if w.claim(users[who], n, slot, uids[&(n, who)]).is_ok() {
                        prop_assert!(before.reserved && !before.claimed);
                        prop_assert!(before.party.is_zero() || before.party == users[who]);
                        minted.insert((n, slot), (users[who], before.amount));
                    }
                }
                Op::Cancel { n, slot } => {
                    let _ = w.cancel(owner, n, slot);
                }
            }
            for n in 1..=2u8 {
                let (reserved, claimed) = w.tok.sender(gov).bitmaps(h(n));
                prop_assert_eq!(claimed & !reserved, U256::ZERO);
                for slot in 1..=3u64 {
                    let st = w.tok.sender(gov).slot(h(n), u(slot));
                    if !st.global_id.is_zero() {
                        prop_assert_eq!(w.tok.sender(gov).token_ref(st.global_id), (h(n), u(slot)));
                        let supply = w.view(&totalSupplyCall { id: st.global_id })._0;
                        let held: U256 = users.iter().map(|a| w.view(&B::balanceOf_0Call { account: *a, tokenId: st.global_id })._0).sum();
                        prop_assert_eq!(supply, held);
                        let expected = minted.get(&(n, slot)).map_or(U256::ZERO, |(_, amount)| *amount);
                        prop_assert_eq!(supply, expected);
                    }
                }
                // Record n's balance counts only record n's ids.
                for a in users {
                    let expected: U256 = minted.iter().filter(|((m, _), (who, _))| *m == n && *who == a).map(|(_, (_, amt))| *amt).sum();
                    prop_assert_eq!(w.view(&B::balanceOf_1Call { account: a, integraHash: h(n) })._0, expected);
                }
            }
        }
        let completes: Vec<B256> = tok.all_events().iter().filter(|l| l.topics()[0] == B::DocumentComplete::SIGNATURE_HASH).map(|l| l.topics()[1]).collect();
        let mut unique = completes.clone();
        unique.dedup();
        unique.sort();
        let mut sorted = completes.clone();
        sorted.sort();
        prop_assert_eq!(sorted, {let mut u2 = unique.clone(); u2.dedup(); u2});
    }
}
