//! Spec 10 §11 / 11 §5 fungible invariants over random sequences: supply = Σ claimed
//! reservations = totalShares; reservedShares = Σ open reservations; minted amount = reserved
//! amount; completion at most once.
use proptest::prelude::*;

use super::*;

#[derive(Clone, Copy, Debug)]
enum Op {
    Reserve { to: usize, amount: u64 },
    Claim { who: usize },
    Cancel { who: usize },
    Transfer { from: usize, to: usize, value: u64 },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0..3usize, 1..1000u64).prop_map(|(to, amount)| Op::Reserve { to, amount }),
        (0..3usize).prop_map(|who| Op::Claim { who }),
        (0..3usize).prop_map(|who| Op::Cancel { who }),
        (0..3usize, 0..3usize, 0..500u64).prop_map(|(from, to, value)| Op::Transfer {
            from,
            to,
            value
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    #[test]
    fn fungible_invariants_hold(ops in proptest::collection::vec(op(), 1..30)) {
        let tok = Contract::<SharesTokenizer>::new();
        let reg = Contract::<IntegraDocumentRegistry>::new();
        let comp = Contract::<IntegraRegistry>::new();
        let prov = Contract::<EASAttestationProvider>::new();
        let gov = Address::repeat_byte(0x90);
        let owner = Address::repeat_byte(0x0a);
        let users = [Address::repeat_byte(0xa1), Address::repeat_byte(0xb2), Address::repeat_byte(0xc3)];
        let w = deploy(&tok, &reg, &comp, &prov, gov);
        w.register(owner, 1);
        let uids: Vec<B256> = users.iter().map(|a| w.attest(*a, 1, 0)).collect();
        let mut open = [0u64; 3];
        let mut claimed_total = 0u64;
        for op in ops {
            match op {
                Op::Reserve { to, amount } => {
                    if w.reserve(owner, 1, users[to], amount).is_ok() {
                        open[to] = amount;
                    }
                }
                Op::Claim { who } => {
                    if let Ok(minted) = w.claim(users[who], 1, 0, uids[who]) {
                        prop_assert_eq!(minted, u(open[who]));
                        claimed_total += open[who];
                        open[who] = 0;
                    }
                }
                Op::Cancel { who } => {
                    if tok.sender(owner).cancel_for(owner, h(1), users[who], p(1)).motsu_res().is_ok() {
                        open[who] = 0;
                    }
                }
                Op::Transfer { from, to, value } => {
                    let _ = w.call(users[from], &transferCall { to: users[to], value: u(value) }.abi_encode());
                }
            }
            let (total, reserved) = w.tok.sender(gov).shares();
            prop_assert_eq!(total, u(claimed_total));
            prop_assert_eq!(reserved, u(open.iter().sum()));
            prop_assert_eq!(w.view(&totalSupplyCall {})._0, total);
            let holders = w.view(&B::getTokenInfoCall { integraHash: h(1), tokenId: U256::ZERO })._0.holders;
            for a in users {
                let has = !w.view(&balanceOfCall { account: a })._0.is_zero();
                prop_assert_eq!(holders.contains(&a), has);
            }
        }
        prop_assert!(w.count::<B::DocumentComplete>() <= 1);
    }
}
