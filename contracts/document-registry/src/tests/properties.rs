//! Spec 02 §10 invariants over random sequences of record operations.
use proptest::prelude::*;

use super::*;

const SLOTS: u8 = 4;

#[derive(Clone, Copy, Debug)]
enum Op {
    Register { who: usize, n: u8 },
    Transfer { who: usize, n: u8, to: usize },
    SetExtension { who: usize, n: u8 },
    Authorize { who: usize, n: u8, executor: usize },
    Lock { who: usize, n: u8 },
    Governor { n: u8 },
}

fn op() -> impl Strategy<Value = Op> {
    let who = 0..3usize;
    let n = 1..=SLOTS;
    prop_oneof![
        (who.clone(), n.clone()).prop_map(|(who, n)| Op::Register { who, n }),
        (who.clone(), n.clone(), 0..3usize).prop_map(|(who, n, to)| Op::Transfer { who, n, to }),
        (who.clone(), n.clone()).prop_map(|(who, n)| Op::SetExtension { who, n }),
        (who.clone(), n.clone(), 0..3usize).prop_map(|(who, n, executor)| Op::Authorize {
            who,
            n,
            executor
        }),
        (who, n.clone()).prop_map(|(who, n)| Op::Lock { who, n }),
        n.prop_map(|n| Op::Governor { n }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    #[test]
    fn record_invariants_hold(ops in proptest::collection::vec(op(), 1..24)) {
        let reg = Contract::<IntegraDocumentRegistry>::new();
        let comp = Contract::<IntegraRegistry>::new();
        let sink = Contract::<Sink>::new();
        let gov = Address::repeat_byte(0x90);
        let users = [Address::repeat_byte(0xa1), Address::repeat_byte(0xb2), Address::repeat_byte(0xc3)];
        let w = deploy(&reg, &comp, &sink, gov);
        // Model: owner per slot (None = unregistered).
        let mut owners: [Option<Address>; SLOTS as usize + 1] = [None; SLOTS as usize + 1];
        for op in ops {
            let before: Vec<DocumentRecord> = (1..=SLOTS).map(|n| w.reg_as(gov).get_document(h(n))).collect();
            let executors: Vec<Address> = (1..=SLOTS).map(|n| w.reg_as(gov).get_document_executor(h(n))).collect();
            let ok = match op {
                Op::Register { who, n } => w.reg_as(users[who]).register_document(users[who], &plain(n)).motsu_res().is_ok(),
                Op::Transfer { who, n, to } => w.reg_as(users[who]).transfer_document_ownership(users[who], h(n), users[to], "").motsu_res().is_ok(),
                Op::SetExtension { who, n } => w.reg_as(users[who]).set_identity_extension(users[who], h(n), h(0x44)).motsu_res().is_ok(),
                Op::Authorize { who, n, executor } => w.reg_as(users[who]).authorize_document_executor(users[who], h(n), users[executor]).motsu_res().is_ok(),
                Op::Lock { who, n } => w.reg_as(users[who]).lock_resolvers(users[who], h(n)).motsu_res().is_ok(),
                Op::Governor { n } => {
                    // Governance can never move a record.
                    prop_assert!(w.reg_as(gov).transfer_document_ownership(gov, h(n), gov, "").motsu_res().is_err());
                    false
                }
            };
            let after: Vec<DocumentRecord> = (1..=SLOTS).map(|n| w.reg_as(gov).get_document(h(n))).collect();
            for (i, (b, a)) in before.iter().zip(after.iter()).enumerate() {
                let n = i + 1;
                // 1. exists ⇒ owner ≠ 0 ∧ documentHash ≠ 0; immutable fields never change once set.
                if a.exists {
                    prop_assert!(!a.owner.is_zero() && !a.documentHash.is_zero());
                }
                if b.exists {
                    prop_assert!(a.exists);
                    prop_assert_eq!(a.documentHash, b.documentHash);
                    prop_assert_eq!(a.referenceHash, b.referenceHash);
                    prop_assert_eq!(a.registeredAt, b.registeredAt);
                }
                // 3. resolver list bounds.
                prop_assert!(a.additionalResolvers.len() <= MAX_ADDITIONAL_RESOLVERS);
                // 2/9. Only a successful owner or executor action changed the owner.
                if a.owner != b.owner {
                    prop_assert!(ok);
                    let actor = match op {
                        Op::Register { who, n: m } | Op::Transfer { who, n: m, .. } if usize::from(m) == n => users[who],
                        _ => return Err(TestCaseError::fail("owner changed by an unrelated op")),
                    };
                    // Registered by the actor, or moved by its owner or its executor (OQ-02-1).
                    prop_assert!(b.owner.is_zero() || b.owner == actor || executors[i] == actor);
                    prop_assert!(w.reg_as(gov).get_document_executor(h(u8::try_from(n).unwrap())).is_zero() || b.owner.is_zero());
                    owners[n] = Some(a.owner);
                }
            }
            // 5. The balance stays 0.
            prop_assert_eq!(reg.balance(), U256::ZERO);
        }
        for n in 1..=SLOTS {
            prop_assert_eq!(w.reg_as(gov).get_document_owner(h(n)), owners[usize::from(n)].unwrap_or_default());
        }
    }
}
