//! Invariants over random sequences of register / deactivate / reactivate (spec 01 §7.1, R7).
use proptest::prelude::*;

use super::*;

/// Components the sequences play with.
const SLOTS: usize = 4;

#[derive(Clone, Copy, Debug)]
enum Op {
    /// Register component `slot` under id `slot` with type `t` (generic facade when `generic`).
    Register {
        slot: usize,
        t: u8,
        generic: bool,
    },
    Deactivate {
        slot: usize,
    },
    Reactivate {
        slot: usize,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0..SLOTS, 0..4u8, any::<bool>()).prop_map(|(slot, t, generic)| Op::Register {
            slot,
            t,
            generic
        }),
        (0..SLOTS).prop_map(|slot| Op::Deactivate { slot }),
        (0..SLOTS).prop_map(|slot| Op::Reactivate { slot }),
    ]
}

/// The model: per slot, `None` (never registered) or `(type, active)`.
type Model = [Option<(u8, bool)>; SLOTS];

fn slot_id(slot: usize) -> B256 {
    id(&format!("slot-{slot}"))
}

fn check_invariants(
    contract: &Contract<IntegraRegistry>,
    components: &[Address; SLOTS],
    model: Model,
    registered_ever: &[B256],
) -> Result<(), TestCaseError> {
    let c = contract.sender(Address::ZERO);
    // Per-type counts sum to the total, and match the model.
    let by_type: Vec<U256> = (0..4)
        .map(|t| c.get_component_count_by_type(t).unwrap())
        .collect();
    let total = c.get_component_count();
    prop_assert_eq!(by_type.iter().copied().sum::<U256>(), total);
    prop_assert_eq!(total, U256::from(registered_ever.len()));
    // Ids are never removed, and keep their order.
    prop_assert_eq!(
        c.get_component_ids_paginated(U256::ZERO, U256::MAX),
        registered_ever.to_vec()
    );
    for (slot, entry) in model.into_iter().enumerate() {
        let cid = slot_id(slot);
        let component = components[slot];
        let got = c.get_component(cid);
        match entry {
            None => prop_assert_eq!(got, Address::ZERO),
            Some((t, active)) => {
                // Checked get is non-zero iff the entry is active.
                prop_assert_eq!(!got.is_zero(), active);
                prop_assert_eq!(c.is_component_approved(component), active);
                let info = c.get_component_info(cid);
                prop_assert_eq!(info.active, active);
                prop_assert_eq!(info.registryType, t);
                prop_assert_eq!(info.componentAddress, component);
                prop_assert_eq!(info.codeHash, CODE_HASH);
            }
        }
        // Typed getters never return another type's address.
        for getter in TYPES {
            let typed = get_typed(contract, getter, cid);
            let owns = matches!(entry, Some((t, true)) if t == getter as u8);
            prop_assert_eq!(typed, if owns { component } else { Address::ZERO });
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_lifecycles_keep_the_registry_invariants(ops in prop::collection::vec(op(), 1..24)) {
        let _precompiles = deploy_precompiles();
        let contract = Contract::<IntegraRegistry>::new();
        let holders: Vec<Contract<IntegraRegistry>> =
            (0..SLOTS).map(|_| Contract::<IntegraRegistry>::new()).collect();
        let components: [Address; SLOTS] = core::array::from_fn(|i| holders[i].address());
        let gov = Address::repeat_byte(0x60);
        deploy(&contract, gov);

        let mut model: Model = [None; SLOTS];
        let mut registered_ever = Vec::new();
        for op in ops {
            match op {
                Op::Register { slot, t, generic } => {
                    let cid = slot_id(slot);
                    let result = if generic {
                        contract.sender(gov).register_component(cid, components[slot], t, "T", "d")
                    } else {
                        register_typed(&contract, gov, TYPES[usize::from(t)], cid, components[slot], "T", "d")
                    };
                    if model[slot].is_none() {
                        prop_assert!(result.is_ok());
                        model[slot] = Some((t, true));
                        registered_ever.push(cid);
                    } else {
                        prop_assert!(result.is_err());
                    }
                }
                Op::Deactivate { slot } => {
                    let result = contract.sender(gov).deactivate_component(slot_id(slot), "r");
                    match &mut model[slot] {
                        Some((_, active)) if *active => {
                            prop_assert!(result.is_ok());
                            *active = false;
                        }
                        _ => prop_assert!(result.is_err()),
                    }
                }
                Op::Reactivate { slot } => {
                    let result = contract.sender(gov).reactivate_component(slot_id(slot));
                    match &mut model[slot] {
                        Some((_, active)) if !*active => {
                            prop_assert!(result.is_ok());
                            *active = true;
                        }
                        _ => prop_assert!(result.is_err()),
                    }
                }
            }
            check_invariants(&contract, &components, model, &registered_ever)?;
        }
    }
}
