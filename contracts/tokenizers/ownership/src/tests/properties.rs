//! Spec 10 §11 invariants over random sequences of lifecycle calls and transfers: supply equals
//! claimed reservations; a token belongs to exactly one record; completion fires once per
//! record; `tokensOf` agrees with the owners.
use proptest::prelude::*;

use super::*;

const RECORDS: u8 = 3;

#[derive(Clone, Copy, Debug)]
enum Op {
    Reserve {
        who: usize,
        n: u8,
        to: Option<usize>,
    },
    Claim {
        who: usize,
        n: u8,
        token: u8,
    },
    Cancel {
        who: usize,
        n: u8,
        token: u8,
    },
    Transfer {
        from: usize,
        to: usize,
        id: u8,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let who = 0..3usize;
    let n = 1..=RECORDS;
    prop_oneof![
        (who.clone(), n.clone(), proptest::option::of(0..3usize))
            .prop_map(|(who, n, to)| Op::Reserve { who, n, to }),
        (who.clone(), n.clone(), 0..4u8).prop_map(|(who, n, token)| Op::Claim { who, n, token }),
        (who.clone(), n.clone(), 0..4u8).prop_map(|(who, n, token)| Op::Cancel { who, n, token }),
        (who.clone(), who, 1..6u8).prop_map(|(from, to, id)| Op::Transfer { from, to, id }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    #[test]
    fn supply_binding_completion_and_index_invariants_hold(ops in proptest::collection::vec(op(), 1..30)) {
        let tok = Contract::<OwnershipTokenizer>::new();
        let reg = Contract::<IntegraDocumentRegistry>::new();
        let comp = Contract::<IntegraRegistry>::new();
        let prov = Contract::<EASAttestationProvider>::new();
        let gov = Address::repeat_byte(0x90);
        // users[0] owns every record; all three hold CLAIM attestations for every record.
        let users = [Address::repeat_byte(0xa1), Address::repeat_byte(0xb2), Address::repeat_byte(0xc3)];
        let w = deploy(&tok, &reg, &comp, &prov, gov);
        let mut uids = std::collections::HashMap::new();
        for n in 1..=RECORDS {
            w.register(users[0], n);
            for (k, u) in users.iter().enumerate() {
                uids.insert((n, k), w.attest(*u, n, CORE_CLAIM, U256::ZERO));
            }
        }
        let mut minted_records = 0usize;
        for op in ops {
            match op {
                Op::Reserve { who, n, to } => {
                    let r = match to {
                        Some(t) => w.reserve(users[who], n, users[t]),
                        None => w.reserve_anon(users[who], n, b"label"),
                    };
                    prop_assert!(r.is_err() || who == 0);
                }
                Op::Claim { who, n, token } => {
                    let was = w.tok.sender(gov).reservation(h(n));
                    let r = w.claim(users[who], n, U256::from(token), uids[&(n, who)]);
                    if r.is_ok() {
                        prop_assert!(!was.minted);
                        prop_assert!(was.party.is_zero() || was.party == users[who]);
                        minted_records += 1;
                    }
                }
                Op::Cancel { who, n, token } => {
                    let r = w.cancel(users[who], n, U256::from(token));
                    prop_assert!(r.is_err() || who == 0);
                }
                Op::Transfer { from, to, id } => {
                    let c = transferFromCall { from: users[from], to: users[to], tokenId: U256::from(id) };
                    let _ = w.call(users[from], &c.abi_encode());
                }
            }
            // Supply equals claimed reservations.
            let supply: U256 = users.iter().map(|u| w.view(&balanceOfCall { owner: *u })._0).sum();
            prop_assert_eq!(supply, U256::from(minted_records));
            // Every minted token belongs to exactly its record; tokensOf agrees with ownerOf.
            for n in 1..=RECORDS {
                let r = w.tok.sender(gov).reservation(h(n));
                if !r.token_id.is_zero() {
                    // tokenHash is written at mint: an unminted reservation's id maps to no record.
                    let expected = if r.minted { h(n) } else { B256::ZERO };
                    prop_assert_eq!(w.view(&B::getDocumentHashCall { id: r.token_id })._0, expected);
                }
                if r.minted {
                    let holder = w.view(&ownerOfCall { tokenId: r.token_id })._0;
                    let held = w.view(&B::tokensOfCall { account: holder });
                    prop_assert!(held.tokenIds.contains(&r.token_id));
                    prop_assert!(held.integraHashes.contains(&h(n)));
                }
            }
            for u in users {
                let held = w.view(&B::tokensOfCall { account: u });
                prop_assert_eq!(U256::from(held.tokenIds.len()), w.view(&balanceOfCall { owner: u })._0);
                for id in held.tokenIds {
                    prop_assert_eq!(w.view(&ownerOfCall { tokenId: id })._0, u);
                }
            }
        }
        // Completion fired once per minted record.
        let completes = tok.all_events().iter().filter(|l| l.topics()[0] == B::DocumentComplete::SIGNATURE_HASH).count();
        prop_assert_eq!(completes, minted_records);
    }
}
